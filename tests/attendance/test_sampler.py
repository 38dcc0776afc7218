"""Durable attendance derived from presence snapshots: sessions, merging, samples, figures."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from asgiref.sync import async_to_sync

from realtime import presence
from tests.attendance.conftest import START
from tests.factories import make_registration
from webinar.models import AttendanceSample, AttendanceSession
from webinar.selectors.attendance import attendance_by_attendee, attendance_figures, attendance_timeline
from webinar.services.attendance import attendance_record, attendance_sample_async

pytestmark = pytest.mark.django_db


def at(seconds: float) -> datetime:
    return datetime.fromtimestamp(START + seconds, tz=UTC)


def snapshot(*keys: str, seen: float = 0, language: str = "en") -> dict:
    return dict.fromkeys(keys, (START + seen, language))


def tick(webinar, seconds: float, *keys: str) -> dict:
    return attendance_record(webinar_id=webinar.pk, present=snapshot(*keys, seen=seconds), now=at(seconds))


def test_first_sample_opens_a_session_from_the_heartbeat_time(live_webinar, attendee):
    present = {f"r:{attendee.pk}": (START - 3, "ms")}
    attendance_record(webinar_id=live_webinar.pk, present=present, now=at(0))
    session = AttendanceSession.objects.get()
    assert session.registration == attendee
    assert (session.joined_at, session.last_seen_at, session.left_at) == (at(-3), at(0), None)
    assert session.language == "ms"


def test_each_tick_extends_open_sessions_and_samples_the_count(live_webinar, attendee):
    key = f"r:{attendee.pk}"
    for second in (0, 5, 10, 15):
        tick(live_webinar, second, key, "u:7")
    assert sorted(AttendanceSession.objects.values_list("last_seen_at", flat=True)) == [at(15), at(15)]
    # The host ("u:7") is watching too, but is not audience.
    assert list(AttendanceSample.objects.values_list("count", flat=True)) == [1, 1, 1, 1]


def test_viewer_gone_from_presence_is_closed_at_its_last_seen_time(live_webinar, attendee):
    key = f"r:{attendee.pk}"
    tick(live_webinar, 0, key)
    tick(live_webinar, 5, key)
    result = tick(live_webinar, 10)
    session = AttendanceSession.objects.get()
    assert result["closed"] == 1
    assert session.left_at == at(5)
    assert session.watch_seconds == 5


def test_reconnect_within_the_merge_gap_reopens_the_same_session(live_webinar, attendee, settings):
    settings.DEWAN_ATTENDANCE_MERGE_GAP_SECONDS = 60
    key = f"r:{attendee.pk}"
    tick(live_webinar, 0, key)
    tick(live_webinar, 5, key)
    tick(live_webinar, 10)
    result = tick(live_webinar, 50, key)
    assert result["reopened"] == 1
    session = AttendanceSession.objects.get()
    assert (session.joined_at, session.last_seen_at, session.left_at) == (at(0), at(50), None)


def test_return_after_the_merge_gap_is_a_second_session(live_webinar, attendee, settings):
    settings.DEWAN_ATTENDANCE_MERGE_GAP_SECONDS = 60
    key = f"r:{attendee.pk}"
    tick(live_webinar, 0, key)
    tick(live_webinar, 5)
    tick(live_webinar, 100, key)
    tick(live_webinar, 110, key)
    sessions = list(AttendanceSession.objects.order_by("joined_at"))
    assert [(s.joined_at, s.left_at) for s in sessions] == [(at(0), at(0)), (at(100), None)]
    assert sum(s.watch_seconds for s in sessions) == 10


def test_running_the_same_tick_twice_changes_nothing(live_webinar, attendee):
    key = f"r:{attendee.pk}"
    tick(live_webinar, 0, key)
    tick(live_webinar, 5, key)
    second = tick(live_webinar, 5, key)
    assert second == {"count": 1, "opened": 0, "reopened": 0, "closed": 0, "sampled": False}
    assert AttendanceSession.objects.count() == 1
    assert AttendanceSample.objects.count() == 2


def test_sessions_close_when_the_webinar_is_no_longer_live(live_webinar, attendee):
    tick(live_webinar, 0, f"r:{attendee.pk}")
    attendance_record(webinar_id=live_webinar.pk, present=snapshot(f"r:{attendee.pk}"), now=at(5), live=False)
    assert AttendanceSession.objects.get().left_at == at(0)
    assert AttendanceSample.objects.count() == 1


def test_figures_count_unique_attendees_watch_time_peak_and_never_came(live_webinar, attendee):
    other = make_registration(live_webinar, "Ben")
    make_registration(live_webinar, "Chen")  # never comes
    a, b = f"r:{attendee.pk}", f"r:{other.pk}"
    tick(live_webinar, 0, a)
    tick(live_webinar, 5, a, b, "u:99")
    tick(live_webinar, 10, a, b)
    tick(live_webinar, 15, a)
    tick(live_webinar, 20)
    figures = attendance_figures(webinar=live_webinar)
    assert figures == {
        "registered": 3,
        "attended": 2,
        "never_came": 1,
        "unique_viewers": 2,  # the host "u:99" is not audience
        "sessions": 2,
        "watch_seconds": 15 + 5,
        "average_watch_seconds": 10,
        "peak": 2,
        "peak_at": at(5).isoformat(),
        "peak_source": "samples",
    }
    assert [p["count"] for p in attendance_timeline(webinar=live_webinar)] == [1, 2, 2, 1, 0]
    rows = attendance_by_attendee(webinar=live_webinar)
    assert [(r["name"], r["joins"], r["watch_seconds"]) for r in rows] == [("Aisyah", 1, 15), ("Ben", 1, 5)]


def test_timeline_keeps_the_peak_when_thinned(live_webinar):
    for n in range(100):
        AttendanceSample.objects.create(webinar=live_webinar, at=at(n * 5), count=50 if n == 37 else 1)
    points = attendance_timeline(webinar=live_webinar, points=10)
    assert len(points) == 10
    assert max(p["count"] for p in points) == 50


@pytest.mark.django_db(transaction=True)
def test_sampler_reads_the_store_and_writes_once_per_interval(live_webinar, attendee, clock):
    store = presence.MemoryPresenceStore(clock=clock)
    async_to_sync(store.heartbeat)(live_webinar.pk, f"r:{attendee.pk}", "en")
    first = async_to_sync(attendance_sample_async)(webinar_ids=[live_webinar.pk], store=store)
    again = async_to_sync(attendance_sample_async)(webinar_ids=[live_webinar.pk], store=store)
    clock.advance(5)
    later = async_to_sync(attendance_sample_async)(webinar_ids=[live_webinar.pk], store=store)
    assert first[live_webinar.pk]["opened"] == 1
    assert again == {}  # another sampler holds this interval
    assert later[live_webinar.pk]["count"] == 1
    assert AttendanceSample.objects.filter(webinar=live_webinar).count() == 2
    assert AttendanceSession.objects.get().last_seen_at == datetime.fromtimestamp(clock(), tz=UTC)


def test_watch_time_is_the_sum_over_sessions(live_webinar, attendee, settings):
    settings.DEWAN_ATTENDANCE_MERGE_GAP_SECONDS = 10
    key = f"r:{attendee.pk}"
    tick(live_webinar, 0, key)
    tick(live_webinar, 30, key)
    tick(live_webinar, 35)
    tick(live_webinar, 100, key)
    tick(live_webinar, 120, key)
    assert attendance_figures(webinar=live_webinar)["watch_seconds"] == 30 + 20
    assert sum(s.watch_seconds for s in AttendanceSession.objects.all()) == 50
