"""Public transparency figures (opt-in, figures only) and the organiser's campaign funnel."""

from __future__ import annotations

import base64

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.campaigns.conftest import build_series, make_pledge
from tests.factories import PASSWORD, make_host, make_registration
from webinar.campaigns import reports, selectors
from webinar.campaigns.models import HubVisitor
from webinar.campaigns.services.campaigns import campaign_register_known
from webinar.campaigns.services.pledges import pledge_take
from webinar.campaigns.services.transparency import transparency_set
from webinar.models import AttendanceSession
from webinar.services.moderation import question_answer, question_approve, question_reject
from webinar.services.questions import question_request_review, question_submit, vote_set

pytestmark = pytest.mark.django_db

HELD_TEXT = "Contact me at 012-3456789 please"  # held for spam + personal data, English
HELD_MALAY = "Soalan ni bodoh betul, sial"  # held for profanity, Malay
SECRET = "Which minister takes bribes?"  # text that must never reach the public report


PUBLISH = {"action": "publish", "language": "en"}
VERDICTS = {  # chosen verdicts, so these figures test the report rather than the screening rules
    HELD_TEXT: {"action": "hold", "categories": ["spam", "personal_data"], "language": "en"},
    HELD_MALAY: {"action": "hold", "categories": ["profanity"], "language": "ms"},
}


@pytest.fixture
def handled(series, settings):
    """A live webinar where questions were screened, moderated, reviewed and answered."""
    settings.DEWAN_SCREENING_BACKEND = "webinar.screening.backends.FixedVerdictBackend"
    host = make_host(series.live)
    aisyah, ben = make_registration(series.live, "Aisyah"), make_registration(series.live, "Ben")

    def ask(who, key, text):
        settings.DEWAN_SCREENING_FIXED_VERDICT = {
            "categories": [],
            "reasons": [],
            "score": 0.1,
            "model_version": "test",
            **VERDICTS.get(text, PUBLISH),
        }
        return question_submit(
            webinar_id=series.live.pk, registration_id=who.pk, client_key=key, text=text
        ).question

    clean = ask(aisyah, "k1", "How do I check if news is real?")
    another = ask(ben, "k2", SECRET)
    held = ask(aisyah, "k3", HELD_TEXT)
    held_ms = ask(ben, "k4", HELD_MALAY)
    moderate = {"actor": host, "webinar_id": series.live.pk}
    for question in (clean, another):
        if question.status != "published":
            question_approve(**moderate, question_id=question.pk)
    question_request_review(webinar_id=series.live.pk, registration_id=aisyah.pk, question_id=held.pk)
    question_approve(**moderate, question_id=held.pk)  # the review reversed it: a publish-anyway
    question_request_review(webinar_id=series.live.pk, registration_id=ben.pk, question_id=held_ms.pk)
    question_reject(**moderate, question_id=held_ms.pk, reason="rude")
    question_answer(**moderate, question_id=clean.pk)
    vote_set(webinar_id=series.live.pk, registration_id=ben.pk, question_id=clean.pk, value=True)
    return {"aisyah": aisyah, "ben": ben, "host": host}


def test_transparency_figures_count_what_happened_to_questions(series, handled):
    figures = reports.transparency_figures(webinar_ids=[series.live.pk])
    assert figures["received"] == 4
    assert figures["published"] == 3
    assert figures["held_by_screening"] == 2
    assert {row["category"]: row["count"] for row in figures["held_by_category"]} == {
        "personal_data": 1,
        "spam": 1,
        "profanity": 1,
    }
    assert {row["language"]: row["count"] for row in figures["held_by_language"]} == {"en": 1, "ms": 1}
    assert {"category": "profanity", "language": "ms", "count": 1} in figures["held_by_category_language"]
    assert figures["rejections"] == 1
    assert (
        figures["approvals"] == 1
    )  # the held question published after review; clean ones publish themselves
    assert (figures["review_requests"], figures["reviews_reversed"]) == (2, 1)
    assert figures["median_decision_seconds"] is not None and figures["median_decision_seconds"] >= 0
    assert (figures["answered_live"], figures["published_not_answered"]) == (1, 2)


def test_a_webinar_report_is_private_until_published(client, series, handled):
    url = reverse("campaigns:webinar_transparency", args=[series.campaign.slug, series.live.slug])
    assert client.get(url).status_code == 404
    transparency_set(
        campaign=series.campaign,
        actor=series.owner,
        campaign_public=False,
        public_webinar_ids=[series.live.pk],
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["figures"]["received"] == 4
    assert client.get(reverse("campaigns:transparency", args=[series.campaign.slug])).status_code == 404


def test_the_public_report_holds_figures_only_never_text(client, series, handled):
    transparency_set(
        campaign=series.campaign,
        actor=series.owner,
        campaign_public=True,
        public_webinar_ids=[series.live.pk],
    )
    for url in (
        reverse("campaigns:transparency", args=[series.campaign.slug]),
        reverse("campaigns:webinar_transparency", args=[series.campaign.slug, series.live.slug]),
    ):
        html = client.get(url).content.decode()
        for text in (SECRET, HELD_TEXT, HELD_MALAY, "rude", "Aisyah", "Ben"):
            assert text not in html, f"{text!r} leaked into {url}"


def test_the_campaign_report_adds_up_its_webinars(series, handled):
    other = make_registration(series.upcoming)
    from webinar.services.lifecycle import webinar_transition

    webinar_transition(webinar=series.upcoming, actor=series.owner, to="live")
    question_submit(
        webinar_id=series.upcoming.pk, registration_id=other.pk, client_key="x", text="One more question?"
    )
    figures = reports.transparency_figures(webinar_ids=[series.live.pk, series.ended.pk, series.upcoming.pk])
    assert figures["received"] == 5


def test_the_organiser_publishes_from_the_web_and_the_page_says_so_in_malay(client, series, handled):
    assert client.login(username=series.owner.email, password=PASSWORD)
    client.post(
        reverse("campaigns:transparency_settings", args=[series.campaign.slug]),
        {"campaign": "on", "webinars": [str(series.live.pk)]},
    )
    series.campaign.refresh_from_db()
    assert series.campaign.transparency_public
    client.logout()
    client.cookies["django_language"] = "ms"
    html = client.get(reverse("campaigns:transparency", args=[series.campaign.slug])).content.decode()
    assert "Laporan ketelusan" in html


def test_the_funnel_counts_unique_people_per_webinar_and_across_the_campaign(series, handled):
    aisyah = handled["aisyah"]
    campaign_register_known(campaign=series.campaign, webinar=series.upcoming, known=aisyah)
    now = timezone.now()
    AttendanceSession.objects.create(
        webinar=series.live, registration=aisyah, viewer_key="a", joined_at=now, last_seen_at=now
    )
    pledge = make_pledge(series, ask_institution=False)
    pledge_take(pledge=pledge, name="Aisyah", email=aisyah.email.upper(), consent=True, method="account")
    pledge_take(pledge=pledge, name="Outsider", email="outsider@example.com", consent=True, method="email")
    HubVisitor.objects.create(campaign=series.campaign, email=aisyah.email)

    funnel = reports.campaign_funnel(campaign=series.campaign)

    live, _ended, upcoming = funnel["webinars"]
    assert [live[s] for s in reports.FUNNEL_STEPS] == [2, 1, 2, 0, 1, 1]
    assert [upcoming[s] for s in reports.FUNNEL_STEPS] == [1, 0, 0, 0, 1, 1]
    assert [funnel["campaign"][s] for s in reports.FUNNEL_STEPS] == [2, 1, 2, 0, 1, 1], "Aisyah counts once"


def test_the_funnel_csv_and_chart_for_the_organiser_only(client, series, handled):
    url = reverse("campaigns:funnel_csv", args=[series.campaign.slug])
    assert client.get(url).status_code == 302  # sign in first
    assert client.login(username=series.owner.email, password=PASSWORD)
    lines = b"".join(client.get(url).streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "webinar,registered,attended,asked_or_voted,answered_poll,pledged,visited_hub"
    assert lines[-1] == '"(campaign, unique people)",2,0,2,0,0,0'
    page = client.get(reverse("campaigns:funnel", args=[series.campaign.slug]))
    assert page.status_code == 200 and page.context["chart"].startswith("data:image/svg+xml;base64,")


@pytest.mark.parametrize(
    "title", ["Save $$", "$\\frac{1}{0}$ webinar", "Price: $5 and $10", "_hidden", "a^b_c $x"]
)
def test_the_funnel_chart_draws_any_title_literally(db, title):
    series = build_series(title=title)
    svg = reports.funnel_chart_svg(
        funnel=reports.campaign_funnel(campaign=series.campaign),
        step_labels={s: s for s in (*reports.FUNNEL_STEPS, "campaign", "people")},
    )
    from xml.sax.saxutils import escape

    assert escape(f"{title}: live"[:40]) in svg


def test_the_funnel_page_renders_a_dollar_title(client, db):
    series = build_series(title="Save $$")
    assert client.login(username=series.owner.email, password=PASSWORD)
    page = client.get(reverse("campaigns:funnel", args=[series.campaign.slug]))
    svg = base64.b64decode(page.context["chart"].split(",", 1)[1]).decode()
    assert "Save $$: live" in svg


# --- Polls in the funnel and the transparency report ------------------------------------------------


def run_polls(series, settings, answers: dict) -> dict:
    """On the live webinar: a choice poll and a word cloud launched, answered and closed; a draft never run.

    ``answers`` maps a registration to its word (the choice poll gets choice 0 from everyone).
    """
    from webinar.campaigns.services.polls import poll_close, poll_create, poll_launch, poll_vote

    settings.DEWAN_SCREENING_BACKEND = "webinar.screening.backends.FixedVerdictBackend"
    host = make_host(series.live)
    choice = poll_create(
        actor=host,
        webinar_id=series.live.pk,
        kind="single",
        question_en="Seen a scam?",
        options=[{"en": "Yes", "ms": "Ya"}, {"en": "No", "ms": "Tidak"}],
    )
    words = poll_create(actor=host, webinar_id=series.live.pk, kind="words", question_en="One word?")
    poll_create(actor=host, webinar_id=series.live.pk, kind="rating", question_en="Never launched")
    for poll in (choice, words):
        poll_launch(actor=host, webinar_id=series.live.pk, poll_id=poll.pk)
        for n, (registration, word) in enumerate(answers.items()):
            verdict = VERDICTS.get(word, PUBLISH)
            settings.DEWAN_SCREENING_FIXED_VERDICT = {
                "categories": [],
                "reasons": [],
                "score": 0.1,
                "model_version": "test",
                **verdict,
            }
            answer = {"choices": [0]} if poll is choice else {"word": word}
            poll_vote(
                webinar_id=series.live.pk,
                registration_id=registration.pk,
                poll_id=poll.pk,
                client_key=f"p{poll.pk}-{n}",
                **answer,
            )
        poll_close(actor=host, webinar_id=series.live.pk, poll_id=poll.pk)
    return {"choice": choice, "words": words}


def test_answering_a_poll_is_taking_part_in_the_funnel(series, settings):
    quiet = make_registration(series.live, "Quiet Qistina")  # asks nothing, votes on nothing
    make_registration(series.live, "Absent Amir")
    run_polls(series, settings, {quiet: HELD_TEXT})  # even a word screening held is taking part

    funnel = reports.campaign_funnel(campaign=series.campaign)

    live = funnel["webinars"][0]
    assert (live["registered"], live["asked_or_voted"], live["answered_poll"]) == (2, 1, 1)
    assert funnel["campaign"]["answered_poll"] == 1
    paths = {p["email"]: p for p in selectors.campaign_people_paths(campaign=series.campaign)["people"]}
    step = paths[quiet.email]["steps"][0]
    assert step["polled"] and not step["asked"] and not step["voted"]


def test_the_transparency_report_counts_polls_answers_and_held_words_never_the_words(
    client, series, settings
):
    people = [make_registration(series.live, name) for name in ("Aisyah", "Ben", "Chong")]
    run_polls(series, settings, {people[0]: "Hoax", people[1]: HELD_TEXT, people[2]: HELD_MALAY})

    figures = reports.transparency_figures(webinar_ids=[series.live.pk])
    assert figures["polls_run"] == 2  # the draft never ran
    assert figures["poll_answers"] == 6  # three people, two polls
    assert (figures["poll_words"], figures["poll_words_held_by_screening"]) == (3, 2)

    transparency_set(
        campaign=series.campaign,
        actor=series.owner,
        campaign_public=True,
        public_webinar_ids=[series.live.pk],
    )
    html = client.get(reverse("campaigns:transparency", args=[series.campaign.slug])).content.decode()
    assert 'data-figure="poll_words_held_by_screening">2<' in html
    assert 'data-figure="polls_run">2<' in html
    for text in ("Hoax", HELD_TEXT, HELD_MALAY, "Seen a scam?", "One word?"):
        assert text not in html


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Personal data", "Spam", "Profanity", "English", "Bahasa Malaysia"]),
        ("ms", ["Data peribadi", "Kata-kata kesat", "Bahasa Inggeris", "Bahasa Malaysia"]),
    ],
)
def test_the_public_report_names_categories_and_languages_in_the_readers_words(
    client, series, handled, language, words
):
    transparency_set(
        campaign=series.campaign, actor=series.owner, campaign_public=True, public_webinar_ids=[]
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("campaigns:transparency", args=[series.campaign.slug])).content.decode()
    table = html.split('id="held-by-category"', 1)[1].split("</table>", 1)[0]
    for word in words:
        assert f"<td>{word}</td>" in table, word
    for code in ("personal_data", "<td>profanity</td>", "<td>en</td>", "<td>ms</td>"):
        assert code not in table, code
