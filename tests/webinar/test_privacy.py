"""Attendees' personal data: export, deletion everywhere, retention (RELIABILITY R19)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from realtime.presence import get_presence_store
from tests.factories import make_live_webinar, make_registration
from webinar.models import AttendanceSession, AuditEntry, Question, Registration, Vote, Webinar
from webinar.selectors import browser_registration_remember
from webinar.services.attendance import attendance_rollups_refresh
from webinar.services.privacy import (
    REMOVED_TEXT,
    attendee_data_delete,
    attendee_data_export,
    personal_data_purge_expired,
)
from webinar.services.questions import question_submit, vote_set


def _client_for(registration: Registration) -> Client:
    client = Client()
    session = client.session
    browser_registration_remember(session=session, registration=registration)
    session.save()
    return client


@pytest.fixture
def asked(db):
    webinar = make_live_webinar()
    author = make_registration(webinar, "Aisyah", "aisyah@example.com")
    voter = make_registration(webinar, "Wei", "wei@example.com")
    question = question_submit(
        webinar_id=webinar.pk,
        registration_id=author.pk,
        client_key="k1",
        text="How do I report a scam account?",
    ).question
    Question.objects.filter(pk=question.pk).update(status=Question.Status.PUBLISHED)
    vote_set(webinar_id=webinar.pk, registration_id=author.pk, question_id=question.pk, value=True)
    vote_set(webinar_id=webinar.pk, registration_id=voter.pk, question_id=question.pk, value=True)
    now = timezone.now()
    AttendanceSession.objects.create(
        webinar=webinar, registration=author, viewer_key=f"r:{author.pk}", joined_at=now, last_seen_at=now
    )
    attendance_rollups_refresh(webinar_id=webinar.pk)
    return webinar, author, question


def test_export_contains_registration_questions_votes_and_attendance(asked):
    _webinar, author, _question = asked
    data = attendee_data_export(registration=author)
    assert data["registration"]["email"] == "aisyah@example.com"
    assert [q["text"] for q in data["questions"]] == ["How do I report a scam account?"]
    assert len(data["votes"]) == 1
    assert len(data["attendance"]) == 1


def test_attendee_downloads_their_data_as_json(asked):
    webinar, author, _question = asked
    response = _client_for(author).get(reverse("webinar:my_data", args=[webinar.slug]) + "?format=json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert json.loads(response.content)["registration"]["name"] == "Aisyah"


def test_someone_else_cannot_see_my_data(asked):
    webinar, _author, _question = asked
    page = Client().get(reverse("webinar:my_data", args=[webinar.slug]))
    assert page.status_code == 404
    assert b"aisyah" not in page.content.lower()
    url = reverse("webinar:my_data", args=[webinar.slug]) + "?format=json"
    assert Client().get(url).status_code == 404


@pytest.mark.parametrize(
    ("language", "says"),
    [("en", "This browser holds no registration"), ("ms", "Pelayar ini tidak menyimpan pendaftaran")],
)
def test_a_browser_without_a_registration_is_told_how_to_reach_its_data(asked, language, says):
    """The privacy notice links every reader here: one without a registration in this browser learns why
    there is nothing, and can have the join link sent again (which opens the page in this browser)."""
    webinar, _author, _question = asked
    client = Client(headers={"accept-language": language})
    page = client.get(reverse("webinar:my_data", args=[webinar.slug]))
    assert page.status_code == 404
    text = page.content.decode()
    assert says in text
    assert reverse("webinar:resend_link", args=[webinar.slug]) in text


def test_deletion_anonymises_everywhere_but_keeps_counts(asked):
    webinar, author, question = asked
    attendee_data_delete(registration=author)
    author.refresh_from_db()
    question.refresh_from_db()
    assert "aisyah" not in author.email and author.name == "Deleted attendee" and author.answers == {}
    assert question.author is None and question.text == REMOVED_TEXT and question.author_name == ""
    assert question.vote_count == 2, "tallies stay"
    assert not Vote.objects.filter(registration=author).exists()
    session = AttendanceSession.objects.get(webinar=webinar)
    assert session.registration is None and session.viewer_key.startswith("anon:")
    assert webinar.registrations.count() == 2, "the registered count is unchanged"
    assert AuditEntry.objects.filter(action="attendee.delete_data").exists()


def test_deletion_removes_live_presence(asked):
    webinar, author, _question = asked
    store = get_presence_store()
    async_to_sync(store.heartbeat)(webinar.pk, f"r:{author.pk}")
    assert async_to_sync(store.count)(webinar.pk) == 1
    attendee_data_delete(registration=author)
    assert async_to_sync(store.count)(webinar.pk) == 0


def test_delete_form_needs_confirmation_and_csrf(asked):
    webinar, author, _question = asked
    client = _client_for(author)
    url = reverse("webinar:my_data_delete", args=[webinar.slug])
    client.post(url, {})
    author.refresh_from_db()
    assert author.email == "aisyah@example.com", "nothing deleted without the confirmation box"
    response = client.post(url, {"confirm": "delete"})
    assert response.status_code == 200
    author.refresh_from_db()
    assert author.email.endswith("@deleted.invalid")
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(url, {"confirm": "delete"}).status_code == 403


def test_after_deleting_their_data_a_person_is_told_what_is_gone_and_how_to_take_part_again(asked):
    """The page after a deletion said only "Your data has been deleted" and linked to the home page
    (outside review): it now says the registration and join link went with the data, and links to the
    webinar's page, where the same address can register again."""
    from django.conf import settings as django_settings

    webinar, author, _question = asked
    client = _client_for(author)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "ms"
    data_page = client.get(reverse("webinar:my_data", args=[webinar.slug])).content.decode()
    detail = reverse("webinar:detail", args=[webinar.slug])
    assert f'href="{detail}"' in data_page and "Kembali ke webinar" in data_page
    page = client.post(reverse("webinar:my_data_delete", args=[webinar.slug]), {"confirm": "delete"})
    text = page.content.decode()
    assert "Pautan sertai anda tidak lagi berfungsi" in text and f'href="{detail}"' in text
    again = {"name": "Aisyah", "email": "aisyah@example.com", "language": "ms", "consent": "on"}
    assert Client().post(detail, again).status_code == 302
    assert Registration.objects.filter(webinar=webinar, email="aisyah@example.com").exists()


def test_retention_purges_registrations_of_long_ended_webinars(asked, settings):
    webinar, _author, _question = asked
    settings.DEWAN_RETENTION_DAYS = 30
    Webinar.objects.filter(pk=webinar.pk).update(
        status=Webinar.Status.ENDED,
        ends_at=timezone.now() - timedelta(days=31),
        starts_at=timezone.now() - timedelta(days=32),
    )
    assert personal_data_purge_expired() == 2
    assert not Registration.objects.filter(email__icontains="example.com").exists()
    assert personal_data_purge_expired() == 0, "running it again changes nothing"


def test_retention_keeps_recent_webinars(asked, settings):
    settings.DEWAN_RETENTION_DAYS = 30
    assert personal_data_purge_expired() == 0


def test_retention_task_is_registered_for_beat(settings):
    from webinar.celery import app
    from webinar.tasks import purge_expired_personal_data

    assert "webinar.purge_expired_personal_data" in app.tasks
    schedule = settings.CELERY_BEAT_SCHEDULE["purge-expired-personal-data"]
    assert schedule["task"] == purge_expired_personal_data.name


def test_deletion_updates_the_live_page_of_everyone_watching(asked):
    from webinar.models import WebinarEvent

    webinar, author, question = asked
    attendee_data_delete(registration=author)
    event = WebinarEvent.objects.filter(webinar=webinar, stream="public").order_by("-seq").first()
    assert event.type == "question.updated"
    assert event.payload["question"]["id"] == question.pk
    assert event.payload["question"]["text"] == REMOVED_TEXT
