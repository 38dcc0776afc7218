"""Deleting your data is complete (issue 11, item 5), and the export holds everything first.

After "delete my data" the person's words are gone from questions, reject reasons, audit entries
(who/what/when stay), the cached published list, the report (rebuilt, also when a build was
running), the CSV and the PDF. Access ends too: tests/live/test_access_revoked.py.
"""

from __future__ import annotations

import base64
import json
import re
import zlib

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import make_host, make_live_webinar, make_registration, make_user
from webinar import live_state
from webinar.models import AttendanceSession, AuditEntry, Question, Registration, Report, Webinar
from webinar.reports import exports, pdf
from webinar.selectors import browser_registration_remember
from webinar.services import summaries
from webinar.services.attendance import attendance_rollups_refresh
from webinar.services.lifecycle import webinar_transition
from webinar.services.moderation import attendee_mute, question_edit, question_reject
from webinar.services.privacy import REMOVED_TEXT, attendee_data_delete, attendee_data_export
from webinar.services.questions import question_submit, vote_set

pytestmark = pytest.mark.django_db

NAME = "Wei Jie Tan"
ASKED = "Zebracrossing question: my number is 012-345 6789"
EDITED = "Zebracrossing question (number removed by host)"
HELD = "Quokkafeelings about my school counsellor"
REASON = "You wrote Quokkafeelings; please ask without naming people"
WORDS = ("Zebracrossing", "Quokkafeelings", "012-345 6789", NAME)


PUBLISH = {"action": "publish", "categories": [], "reasons": [], "language": "en"}
HOLD_PHONE = {
    "action": "hold",
    "categories": ["personal_data"],
    "reasons": [{"code": "pd.phone", "category": "personal_data", "matched": "012-345 6789"}],
    "language": "en",
}


@pytest.fixture
def scene(settings):
    """Wei Jie asks twice: one question is published then edited by a host, one held then rejected."""
    settings.DEWAN_SCREENING_BACKEND = "webinar.screening.backends.FixedVerdictBackend"
    organiser = make_user("organiser@example.com", "Organiser")
    webinar = make_live_webinar(organiser=organiser)
    host = make_host(webinar, make_user("host@example.com", "Host"))
    wei = make_registration(webinar, NAME, "weijie@example.com")
    other = make_registration(webinar, "Ben", "ben@example.com")
    settings.DEWAN_SCREENING_FIXED_VERDICT = PUBLISH
    published = question_submit(
        webinar_id=webinar.pk, registration_id=wei.pk, client_key="a", text=ASKED
    ).question
    settings.DEWAN_SCREENING_FIXED_VERDICT = HOLD_PHONE
    held = question_submit(webinar_id=webinar.pk, registration_id=wei.pk, client_key="b", text=HELD).question
    question_edit(actor=host, webinar_id=webinar.pk, question_id=published.pk, text=EDITED)
    question_reject(actor=host, webinar_id=webinar.pk, question_id=held.pk, reason=REASON)
    attendee_mute(actor=host, webinar_id=webinar.pk, question_id=held.pk)
    vote_set(webinar_id=webinar.pk, registration_id=wei.pk, question_id=published.pk, value=True)
    vote_set(webinar_id=webinar.pk, registration_id=other.pk, question_id=published.pk, value=True)
    now = timezone.now()
    AttendanceSession.objects.create(
        webinar=webinar, registration=wei, viewer_key=f"r:{wei.pk}", joined_at=now, last_seen_at=now
    )
    attendance_rollups_refresh(webinar_id=webinar.pk)
    return webinar, host, wei, published, held


def words_in(value) -> list[str]:
    text = json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else value
    return [word for word in WORDS if word in text]


def pdf_text(data: bytes) -> str:
    """The text drawn in a reportlab PDF: its content streams (ASCII85 then Flate), decoded."""
    chunks = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        raw = stream.strip().removesuffix(b"~>")
        try:
            chunks.append(zlib.decompress(base64.a85decode(raw)))
        except (ValueError, zlib.error):  # images and fonts: not text
            continue
    return b"\n".join(chunks).decode("latin-1")


def test_the_export_holds_everything_about_the_person_including_the_original_text(scene):
    _webinar, _host, wei, published, held = scene
    data = attendee_data_export(registration=wei)
    by_id = {q["id"]: q for q in data["questions"]}
    assert by_id[published.pk]["original_text"] == ASKED, "the text as asked, before the host's edit"
    assert by_id[published.pk]["text"] == EDITED and by_id[published.pk]["edited_by_host"]
    assert by_id[held.pk]["screening"]["categories"] == ["personal_data"], "the screening verdict"
    assert by_id[held.pk]["reject_reason"] == REASON
    assert [v["question_id"] for v in data["votes"]] == [published.pk]
    assert len(data["attendance"]) == 1
    actions = [entry["action"] for entry in data["audit"]]
    assert {"question.edit", "question.reject", "attendee.mute"} <= set(actions), actions
    assert data["registration"]["muted"] is True


def test_the_export_includes_campaign_records_held_under_the_persons_address(scene):
    from webinar.campaigns.models import Campaign, HubVisitor, Pledge, PledgeTaker

    webinar, _host, wei, _published, _held = scene
    campaign = Campaign.objects.create(
        slug="think",
        title="Think Twice",
        starts_on=timezone.now().date(),
        ends_on=timezone.now().date(),
        owner=webinar.organiser,
    )
    pledge = Pledge.objects.create(campaign=campaign, text_en="I pledge")
    PledgeTaker.objects.create(
        pledge=pledge,
        email="weijie@example.com",
        name=NAME,
        method="account",
        consent_given_at=timezone.now(),
    )
    HubVisitor.objects.create(campaign=campaign, email="weijie@example.com")
    data = attendee_data_export(registration=wei)
    assert [(p["campaign"], p["name"]) for p in data["pledges"]] == [("Think Twice", NAME)]
    assert [v["campaign"] for v in data["hub_visits"]] == ["Think Twice"]


def test_deleting_removes_the_words_from_questions_reject_reasons_and_audit_but_keeps_who_what_when(scene):
    _webinar, _host, wei, published, held = scene
    audit_before = {
        entry.pk: (entry.actor_id, entry.action, entry.target_type, entry.target_id, entry.created_at)
        for entry in AuditEntry.objects.all()
    }
    assert words_in([(e.before, e.after) for e in AuditEntry.objects.all()]), "the audit quoted them"

    attendee_data_delete(registration=wei)

    for question in Question.objects.filter(pk__in=[published.pk, held.pk]):
        assert (question.text, question.original_text, question.reject_reason) == (REMOVED_TEXT, "", "")
        assert question.screening == {} and question.author is None and question.author_name == ""
    entries = list(AuditEntry.objects.all())
    assert not words_in([(e.before, e.after, e.actor_label) for e in entries])
    kept = {e.pk: (e.actor_id, e.action, e.target_type, e.target_id, e.created_at) for e in entries}
    assert {pk: kept[pk] for pk in audit_before} == audit_before, "who, what and when stay"
    assert any(e.action == "attendee.delete_data" for e in entries)
    assert Question.objects.get(pk=published.pk).vote_count == 2, "tallies stay"


def test_deleting_twice_changes_nothing_more(scene):
    _webinar, _host, wei, _published, _held = scene
    attendee_data_delete(registration=wei)
    entries = AuditEntry.objects.count()
    attendee_data_delete(registration=Registration.objects.get(pk=wei.pk))
    assert AuditEntry.objects.count() == entries


def test_the_cached_published_list_forgets_the_name_at_once_in_every_language(
    scene, django_capture_on_commit_callbacks
):
    webinar, _host, wei, _published, _held = scene
    for language in ("en", "ms"):
        with translation.override(language):
            listed = live_state.published_questions(Webinar.objects.get(pk=webinar.pk))
        assert [q["author"] for q in listed] == [NAME]
        assert words_in(cache.get(live_state._published_cache_key(webinar.pk, language)))

    with django_capture_on_commit_callbacks(execute=True):
        attendee_data_delete(registration=wei)

    for language in ("en", "ms"):
        assert cache.get(live_state._published_cache_key(webinar.pk, language)) is None, (
            "removed, not only unused"
        )
        with translation.override(language):
            listed = live_state.published_questions(Webinar.objects.get(pk=webinar.pk))
        assert not words_in(listed)


def test_the_report_csv_and_pdf_hold_none_of_the_words_after_deletion(
    scene, django_capture_on_commit_callbacks
):
    webinar, _host, wei, published, _held = scene
    Question.objects.filter(pk=published.pk).update(status=Question.Status.PUBLISHED)
    with django_capture_on_commit_callbacks(execute=True):
        webinar_transition(webinar=webinar, actor=webinar.organiser, to=Webinar.Status.ENDED)
    report = Report.objects.get(webinar=webinar)
    assert report.status == Report.Status.DONE
    assert words_in(report.data), "the report quoted the published question"
    assert "Zebracrossing" in pdf_text(pdf.report_pdf(data=report.data)), "the PDF check can see text"

    with django_capture_on_commit_callbacks(execute=True):
        attendee_data_delete(registration=wei)

    report.refresh_from_db()
    assert report.status == Report.Status.DONE, "rebuilt"
    assert not words_in(report.data)
    assert not words_in(pdf_text(pdf.report_pdf(data=report.data)))
    assert not words_in("".join(exports.questions_csv(webinar=webinar)))
    assert not words_in("".join(exports.attendance_csv(webinar=webinar)))
    organiser = Client()
    organiser.force_login(webinar.organiser)
    csv = b"".join(organiser.get(reverse("webinar:report_csv_q", args=[webinar.slug])).streaming_content)
    assert not words_in(csv.decode())


def test_a_report_build_running_during_the_deletion_cannot_store_what_it_read(
    scene, django_capture_on_commit_callbacks
):
    webinar, _host, wei, _published, _held = scene
    with django_capture_on_commit_callbacks(execute=False):
        webinar_transition(webinar=webinar, actor=webinar.organiser, to=Webinar.Status.ENDED)
    claimed = summaries._report_claim(webinar_id=webinar.pk, task_id="old-build")
    assert claimed is not None
    stale_data, _charts = summaries.report_compute(webinar=Webinar.objects.get(pk=webinar.pk))

    with django_capture_on_commit_callbacks(execute=True):
        attendee_data_delete(registration=wei)

    report_id, attempt = claimed
    stored = summaries._report_finish(report_id=report_id, attempt=attempt, data=stale_data, charts={})
    assert stored is False, "the build that started before the deletion was superseded"
    report = Report.objects.get(pk=report_id)
    assert report.status == Report.Status.DONE and not words_in(report.data)


def test_deleting_from_the_my_data_page_leaves_the_browser_without_the_registration(scene):
    webinar, _host, wei, _published, _held = scene
    browser = Client()
    session = browser.session
    browser_registration_remember(session=session, registration=wei)
    session.save()
    response = browser.post(reverse("webinar:my_data_delete", args=[webinar.slug]), {"confirm": "delete"})
    assert response.status_code == 200
    assert browser.get(reverse("webinar:my_data", args=[webinar.slug])).status_code == 404
    assert str(webinar.pk) not in browser.session.get("dewan_registrations", {})
