"""R19: deleting an attendee's data reaches live presence in a real Redis and the built report;
export and retention are in tests/webinar/test_privacy.py."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings

from realtime import presence
from tests.factories import make_live_webinar, make_registration, make_user

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SECRET_TEXT = "Zebra-crossing question from Aisyah about the Kuantan bypass?"


@pytest.fixture
def redis_presence(settings, redis_process):
    settings.REDIS_URL = redis_process.url
    settings.DEWAN_PRESENCE_BACKEND = "realtime.presence.RedisPresenceStore"
    presence.get_presence_store.cache_clear()
    yield presence.get_presence_store()
    presence.get_presence_store.cache_clear()


def test_r19_deletion_removes_the_attendee_from_redis_presence_and_the_rebuilt_report(
    redis_presence, monkeypatch
):
    from webinar.models import Report, Webinar
    from webinar.services.lifecycle import webinar_transition
    from webinar.services.privacy import attendee_data_delete
    from webinar.services.questions import question_submit
    from webinar.tasks import build_report

    monkeypatch.setattr(settings, "DEWAN_SCREENING_BACKEND", "webinar.screening.backends.FixedVerdictBackend")
    monkeypatch.setattr(settings, "DEWAN_SCREENING_FIXED_VERDICT", {"action": "publish", "language": "en"})
    queued = []
    monkeypatch.setattr("webinar.tasks.build_report.delay", lambda webinar_id: queued.append(webinar_id))
    organiser = make_user(name="Organiser")
    webinar = make_live_webinar(organiser=organiser)
    aisyah = make_registration(webinar, "Aisyah Binti Tester", "aisyah@example.com")
    ben = make_registration(webinar, "Ben", "ben@example.com")
    question_submit(webinar_id=webinar.pk, registration_id=aisyah.pk, client_key="q", text=SECRET_TEXT)
    store = redis_presence
    async_to_sync(store.heartbeat)(webinar.pk, f"r:{aisyah.pk}")
    async_to_sync(store.heartbeat)(webinar.pk, f"r:{ben.pk}")
    assert async_to_sync(store.count)(webinar.pk) == 2

    webinar = webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.ENDED)
    build_report.apply(args=[webinar.pk])  # the worker
    report = Report.objects.get(webinar=webinar)
    assert report.status == Report.Status.DONE
    assert SECRET_TEXT in str(report.data)

    queued.clear()
    attendee_data_delete(registration=aisyah)

    assert async_to_sync(store.viewers)(webinar.pk) == [f"r:{ben.pk}"]
    assert queued == [webinar.pk], "deleting data did not queue a rebuild of the report"
    build_report.apply(args=[webinar.pk])
    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert SECRET_TEXT not in str(report.data)
    assert "Aisyah Binti Tester" not in str(report.data)
    assert "aisyah@example.com" not in str(report.data)
