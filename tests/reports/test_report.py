"""The post-event report: exact figures on a hand-made webinar, the status machine, pages and exports."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.db import OperationalError
from django.urls import reverse

from tests.factories import PASSWORD, make_user
from tests.reports.conftest import SECRET_TEXTS, at
from webinar.models import AuditEntry, Report
from webinar.reports import queries, themes
from webinar.services import summaries
from webinar.tasks import build_report

pytestmark = pytest.mark.django_db


class RetryRequested(Exception):
    pass


def fake_task(task_id="task-1", retries=0):
    def retry(*, exc, countdown):
        return RetryRequested(countdown)

    return SimpleNamespace(request=SimpleNamespace(id=task_id, retries=retries), max_retries=5, retry=retry)


def signed_in(client, user):
    client.login(email=user.email, password=PASSWORD)
    return client


def test_attendance_figures_match_the_hand_made_webinar(sample):
    webinar, _ = sample
    a = queries.attendance_figures(webinar=webinar)
    assert a["registered"] == 4
    assert a["attended"] == 3  # the cancelled registration that watched is not counted
    assert a["conversion"] == 0.75
    assert a["unique_attendees"] == 5
    assert a["sessions"] == 6
    assert a["peak_concurrency"] == 4
    assert a["peak_at"] == at(10)
    assert a["watch_median_seconds"] == 1200.0
    assert a["watch_mean_seconds"] == 1572.0
    assert a["languages"] == [
        {"language": "en", "viewers": 2},
        {"language": "ms", "viewers": 2},
        {"language": "unknown", "viewers": 1},
    ]
    assert sum(a["joins"]) == 6
    assert sum(a["leaves"]) == 6
    assert a["joins"][0] == 3  # three sessions joined in the first bin


def test_question_figures_match_the_hand_made_webinar(sample):
    webinar, q = sample
    f = queries.question_figures(webinar=webinar)
    assert (f["asked"], f["published"], f["held"], f["blocked"], f["rejected"]) == (8, 4, 3, 1, 1)
    assert (f["merged"], f["answered"]) == (1, 2)
    assert f["moderation_median_seconds"] == 120.0
    assert f["moderation_mean_seconds"] == 140.0
    assert f["answer_median_seconds"] == 1200.0
    assert [row["id"] for row in f["top"]] == [q[1].pk, q[2].pk, q[3].pk, q[6].pk]
    assert [row["id"] for row in f["top_answered"]] == [q[1].pk, q[3].pk]
    assert [row["id"] for row in f["top_unanswered"]] == [q[2].pk, q[6].pk]
    assert f["duplicates"] == [{"question_id": q[1].pk, "text": q[1].text, "merged": 1}]
    assert f["stopped"] == 4
    assert f["categories"] == [
        {"category": "profanity", "questions": 2, "share": 0.5},
        {"category": "hate", "questions": 1, "share": 0.25},
        {"category": "insult", "questions": 1, "share": 0.25},
        {"category": "link", "questions": 1, "share": 0.25},
    ]
    assert (f["overrides"], f["override_hosts"]) == (1, 1)


def test_themes_cluster_published_questions_by_shared_key_phrases(sample):
    webinar, q = sample
    found = themes.themes_build(queries.published_texts(webinar=webinar))
    # The Malay question ("memohon geran funding") joins its English twins under one theme.
    assert found["themes"][0] == {
        "phrase": "grant funding / geran funding",
        "questions": 4,
        "mentions": 4,
        "votes": 9,
        "examples": [q[1].pk, q[2].pk, q[3].pk],
    }


def test_themes_drop_english_and_malay_stop_words():
    assert themes.tokens("Bagaimana saya boleh memohon geran untuk syarikat?") == [
        "memohon",
        "geran",
        "syarikat",
    ]
    assert themes.tokens("How do I apply for the grant?") == ["apply", "grant"]


def test_building_twice_runs_once_and_emails_once(sample, mailoutbox):
    webinar, _ = sample
    build_report.apply(args=[webinar.pk])
    build_report.apply(args=[webinar.pk])
    report = Report.objects.get(webinar=webinar)
    assert report.status == Report.Status.DONE
    assert report.attempts == 1
    assert report.progress == 100
    names = {"concurrency", "joins_leaves", "languages", "categories"}
    # The build draws the default language; others are drawn when first read (report_charts_for).
    assert set(report.charts) == names | {f"{name}@en" for name in names}
    assert all(svg.startswith("<svg") for svg in report.charts.values())
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [webinar.organiser.email]
    assert AuditEntry.objects.filter(webinar=webinar, action="report.emailed").count() == 1


def test_a_second_run_while_one_is_running_does_nothing(sample):
    webinar, _ = sample
    assert summaries._report_claim(webinar_id=webinar.pk, task_id="first") is not None
    assert summaries._report_claim(webinar_id=webinar.pk, task_id="second") is None
    report = Report.objects.get(webinar=webinar)
    assert (report.status, report.attempts, report.task_id) == (Report.Status.RUNNING, 1, "first")


def test_the_same_task_delivered_again_takes_over_and_the_old_attempt_cannot_write(sample):
    webinar, _ = sample
    _, first = summaries._report_claim(webinar_id=webinar.pk, task_id="t")
    report_id, second = summaries._report_claim(webinar_id=webinar.pk, task_id="t")
    assert second == first + 1
    assert not summaries._report_finish(report_id=report_id, attempt=first, data={}, charts={})
    with pytest.raises(summaries.Superseded):
        summaries._report_progress(report_id, first, "stale", 50)


def test_transient_error_is_retried_with_backoff_then_completes(sample, monkeypatch, mailoutbox):
    webinar, _ = sample
    real = queries.attendance_figures
    monkeypatch.setattr(
        queries, "attendance_figures", lambda **kw: (_ for _ in ()).throw(OperationalError("db"))
    )
    with pytest.raises(RetryRequested) as raised:
        summaries.report_task_run(task=fake_task(), webinar_id=webinar.pk)
    assert raised.value.args == (10,)
    assert Report.objects.get(webinar=webinar).status == Report.Status.RUNNING
    monkeypatch.setattr(queries, "attendance_figures", real)
    summaries.report_task_run(task=fake_task(retries=1), webinar_id=webinar.pk)
    report = Report.objects.get(webinar=webinar)
    assert (report.status, report.attempts) == (Report.Status.DONE, 2)
    assert len(mailoutbox) == 1


def test_failure_is_shown_and_the_retry_button_rebuilds(
    sample, monkeypatch, client, django_capture_on_commit_callbacks
):
    webinar, _ = sample
    real = queries.question_figures
    monkeypatch.setattr(queries, "question_figures", lambda **kw: 1 / 0)
    build_report.apply(args=[webinar.pk])
    report = Report.objects.get(webinar=webinar)
    assert report.status == Report.Status.FAILED
    assert "ZeroDivisionError" in report.error

    signed_in(client, webinar.organiser)
    page = client.get(reverse("webinar:report", args=[webinar.slug])).content.decode()
    assert 'data-status="failed"' in page
    assert "ZeroDivisionError" in page
    assert "csrfmiddlewaretoken" in page
    assert reverse("webinar:report_retry", args=[webinar.slug]) in page

    monkeypatch.setattr(queries, "question_figures", real)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("webinar:report_retry", args=[webinar.slug]))
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.attempts) == (Report.Status.DONE, 2)


def test_retry_needs_post_with_a_csrf_token(sample, client):
    webinar, _ = sample
    from django.test import Client

    strict = signed_in(Client(enforce_csrf_checks=True), webinar.organiser)
    assert strict.post(reverse("webinar:report_retry", args=[webinar.slug])).status_code == 403
    assert (
        signed_in(client, webinar.organiser)
        .get(reverse("webinar:report_retry", args=[webinar.slug]))
        .status_code
        == 405
    )


@pytest.mark.parametrize(
    "name", ["report", "report_status", "report_retry", "report_csv_a", "report_csv_q", "report_pdf"]
)
def test_report_pages_are_404_for_anyone_but_organisers(sample, client, name):
    webinar, _ = sample
    build_report.apply(args=[webinar.pk])
    url = reverse(f"webinar:{name}", args=[webinar.slug])
    assert client.get(url).status_code == 302  # anonymous: sign in first
    signed_in(client, make_user())
    method = client.post if name == "report_retry" else client.get
    assert method(url).status_code == 404


def test_report_page_shows_cards_charts_and_a_cited_summary_in_the_readers_language(sample, client):
    webinar, q = sample
    build_report.apply(args=[webinar.pk])
    signed_in(client, webinar.organiser)
    page = client.get(reverse("webinar:report", args=[webinar.slug]))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="fig-attended"' in html
    assert html.count("data:image/svg+xml;base64,") >= 4
    assert f'href="#q-{q[1].pk}"' in html
    assert f">Q{q[1].pk}</a>" in html
    assert "3 of 4 registered people attended (75.0%)." in html
    client.cookies["django_language"] = "ms"
    malay = client.get(reverse("webinar:report", args=[webinar.slug])).content.decode()
    assert "3 daripada 4 pendaftar hadir (75.0%)." in malay
    assert "registered people attended" not in malay


def test_summary_and_exports_never_quote_held_blocked_or_rejected_text(sample, client):
    webinar, _ = sample
    build_report.apply(args=[webinar.pk])
    report = Report.objects.get(webinar=webinar)
    signed_in(client, webinar.organiser)
    page = client.get(reverse("webinar:report", args=[webinar.slug])).content.decode()
    questions_csv = b"".join(
        client.get(reverse("webinar:report_csv_q", args=[webinar.slug])).streaming_content
    ).decode("utf-8-sig")
    for secret in SECRET_TEXTS:
        assert secret not in str(report.data)
        assert secret not in page
        assert secret not in questions_csv
    assert any(s["code"] == "questions" for s in report.data["summary"])
    assert "held by screening" in page


def test_csv_and_pdf_exports(sample, client):
    webinar, _ = sample
    build_report.apply(args=[webinar.pk])
    signed_in(client, webinar.organiser)
    attendance = client.get(reverse("webinar:report_csv_a", args=[webinar.slug]))
    assert attendance["Content-Type"].startswith("text/csv")
    lines = b"".join(attendance.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("session,registration,name,viewer")
    assert len(lines) == 7
    pdf = client.get(reverse("webinar:report_pdf", args=[webinar.slug]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_progress_is_visible_while_the_report_is_generated(sample, client):
    webinar, _ = sample
    report_id, attempt = summaries._report_claim(webinar_id=webinar.pk, task_id="t")
    summaries._report_progress(report_id, attempt, "Counting questions", 35)
    signed_in(client, webinar.organiser)
    status = client.get(reverse("webinar:report_status", args=[webinar.slug])).json()
    assert status == {
        "status": "running",
        "progress": 35,
        "stage": "Counting questions",
        "error": "",
        "attempts": 1,
    }
    page = client.get(reverse("webinar:report", args=[webinar.slug])).content.decode()
    assert 'http-equiv="refresh"' in page
    assert 'value="35"' in page


def test_campaign_compares_the_organisers_webinars(sample, client):
    webinar, _ = sample
    other = make_user()
    page = signed_in(client, webinar.organiser).get(reverse("webinar:campaign"))
    rows = page.context["rows"]
    assert [(r["registered"], r["attended"], r["asked"]) for r in rows] == [(4, 3, 8)]
    assert "data:image/svg+xml;base64," in page.content.decode()
    client.logout()
    assert signed_in(client, other).get(reverse("webinar:campaign")).context["rows"] == []


@pytest.mark.parametrize(
    ("malay", "english", "label"),
    [
        ("Macam mana nak report akaun palsu?", "How do I report a fake account?", "fake account"),
        ("Bagaimana melindungi kata laluan anak?", "How should kids protect a password?", "password"),
        ("Apakah media sosial yang sesuai untuk remaja?", "Which social media suits a teen?", "social media"),
        ("Di mana saya boleh lapor penipuan?", "Where can I report scams online?", "scam"),
    ],
)
def test_themes_join_a_malay_question_and_its_english_twin(malay, english, label):
    found = themes.themes_build([(1, malay, 0), (2, english, 0)])
    theme = next(theme for theme in found["themes"] if label in theme["phrase"])
    assert theme["questions"] == 2
    assert set(theme["examples"]) == {1, 2}


def test_akaun_palsu_and_fake_accounts_are_one_theme_labelled_in_both_languages():
    rows = [
        (1, "Macam mana nak report akaun palsu?", 2),
        (2, "How do I report a fake account?", 1),
        (3, "Fake accounts keep messaging my kids", 0),
    ]
    top = themes.themes_build(rows)["themes"][0]
    assert top["phrase"] == "akaun palsu / fake account"
    assert top["questions"] == 3


@pytest.mark.parametrize(
    "title", ["Save $$ on data plans", "Price: $5 vs $10", r"$\frac{a}{b}$ and $x^", "50% off \\ $"]
)
def test_campaign_draws_titles_literally_however_many_dollar_signs(sample, client, title):
    import base64

    webinar, _ = sample
    webinar.title = title
    webinar.save(update_fields=["title"])
    page = signed_in(client, webinar.organiser).get(reverse("webinar:campaign"))
    assert page.status_code == 200
    svg = base64.b64decode(
        page.content.decode().split("data:image/svg+xml;base64,")[1].split('"')[0]
    ).decode()
    from xml.sax.saxutils import escape

    assert escape(title[:24]) in svg, "the title is drawn as typed, not as mathematics"
