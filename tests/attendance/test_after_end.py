"""After a webinar ends nobody is watching it: sessions close at the end, the live card reads zero."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from asgiref.sync import async_to_sync
from django.urls import reverse
from django.utils import timezone

from realtime import presence
from tests.factories import PASSWORD
from webinar.models import AttendanceSample, AttendanceSession, Webinar
from webinar.selectors.attendance import attendance_by_attendee, attendance_counts
from webinar.services.attendance import _webinars_live, attendance_record
from webinar.services.lifecycle import webinar_transition

pytestmark = pytest.mark.django_db


def heartbeat_tick(webinar, key: str, at: datetime, *, live: bool = True) -> dict:
    """One sampler tick at ``at`` that finds ``key`` present (heartbeat at ``at``)."""
    return attendance_record(webinar_id=webinar.pk, present={key: (at.timestamp(), "en")}, now=at, live=live)


def end(webinar, organiser) -> Webinar:
    return webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.ENDED)


def test_ending_closes_every_open_session_at_its_last_heartbeat_without_a_sampler_tick(
    live_webinar, organiser, attendee
):
    key = f"r:{attendee.pk}"
    now = timezone.now()
    heartbeat_tick(live_webinar, key, now - timedelta(seconds=60))
    heartbeat_tick(live_webinar, key, now - timedelta(seconds=30))
    end(live_webinar, organiser)
    session = AttendanceSession.objects.get()
    assert session.left_at == now - timedelta(seconds=30)
    (row,) = attendance_by_attendee(webinar=Webinar.objects.get(pk=live_webinar.pk))
    assert row["watching"] is False
    assert row["watch_seconds"] == 30
    assert attendance_counts(webinar=live_webinar)["watch_seconds"] == 30


def test_heartbeats_recorded_past_the_end_count_only_up_to_the_end(live_webinar, organiser, attendee):
    key = f"r:{attendee.pk}"
    now = timezone.now()
    heartbeat_tick(live_webinar, key, now - timedelta(seconds=30))
    heartbeat_tick(live_webinar, key, now + timedelta(seconds=300))  # a tick racing the end
    ended = end(live_webinar, organiser)
    session = AttendanceSession.objects.get()
    assert session.left_at == session.last_seen_at == ended.ended_at
    watched = attendance_counts(webinar=ended)["watch_seconds"]
    assert watched == round((ended.ended_at - (now - timedelta(seconds=30))).total_seconds())
    assert watched < 60


def test_a_tick_that_saw_the_webinar_live_but_runs_after_the_end_opens_nothing_and_samples_nothing(
    live_webinar, organiser, attendee
):
    end(live_webinar, organiser)
    result = heartbeat_tick(live_webinar, f"r:{attendee.pk}", timezone.now(), live=True)
    assert (result["opened"], result["sampled"]) == (0, False)
    assert not AttendanceSession.objects.exists()
    assert not AttendanceSample.objects.exists()


def test_a_session_left_open_on_an_ended_webinar_is_closed_by_the_next_sampler_tick_at_the_end(
    live_webinar, attendee
):
    """Sessions left open before ending closed them (or written around the services) are mended."""
    now = timezone.now()
    heartbeat_tick(live_webinar, f"r:{attendee.pk}", now - timedelta(seconds=60))
    AttendanceSession.objects.update(last_seen_at=now + timedelta(seconds=600))
    ended_at = now - timedelta(seconds=20)
    Webinar.objects.filter(pk=live_webinar.pk).update(status=Webinar.Status.ENDED, ended_at=ended_at)
    # The sampler's next round picks the webinar (it has an open session) and ticks it as not live.
    assert _webinars_live(None) == {live_webinar.pk: False}
    assert attendance_record(webinar_id=live_webinar.pk, present={}, now=now, live=False)["closed"] == 1
    session = AttendanceSession.objects.get()
    assert session.left_at == ended_at
    assert attendance_counts(webinar=Webinar.objects.get(pk=live_webinar.pk))["watch_seconds"] == 40


def test_after_the_end_the_dashboard_shows_nobody_watching_though_pages_still_send_heartbeats(
    client, live_webinar, organiser, attendee
):
    key = f"r:{attendee.pk}"
    heartbeat_tick(live_webinar, key, timezone.now() - timedelta(seconds=10))
    store = presence.get_presence_store()
    async_to_sync(store.heartbeat)(live_webinar.pk, key)  # the attendee's page is still open
    client.login(email=organiser.email, password=PASSWORD)
    data = client.get(reverse("webinar:dashboard_data", args=[live_webinar.slug])).json()
    assert data["live"]["count"] == 1
    end(live_webinar, organiser)
    data = client.get(reverse("webinar:dashboard_data", args=[live_webinar.slug])).json()
    assert data["live"] == {"count": 0, "staff": 0, "languages": {}}
    assert data["figures"]["unique_viewers"] == 1
    html = client.get(reverse("webinar:dashboard", args=[live_webinar.slug])).content.decode()
    assert 'class="badge live">watching<' not in html
