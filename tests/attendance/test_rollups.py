"""Per-viewer attendance rollups: always equal to their viewer's sessions, whatever wrote or crashed.

The report reads ``AttendanceRollup`` rows instead of grouping every session (docs/scaling.md, "Report at
campaign scale"), so a rollup must equal the aggregate of its viewer's sessions after every tick of the
sampler, after churn and reconnects within the merge gap, after erasure, and after a process killed in
the middle of a tick.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from tests.attendance.conftest import START
from tests.attendance.test_sampler import at, tick
from tests.attendance.test_two_processes import _database_url
from tests.factories import make_registration, make_user
from webinar.models import AttendanceRollup, AttendanceSession
from webinar.selectors.attendance import attendance_counts, language_bits
from webinar.services.attendance import attendance_record, attendance_rollups_refresh
from webinar.services.privacy import attendee_data_delete

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def sessions_rolled_up_in_python(webinar) -> dict[str, tuple]:
    """Every viewer's rollup, computed row by row from its sessions (the definition the rows must meet)."""
    bits = language_bits()
    viewers: dict[str, list] = {}
    for s in AttendanceSession.objects.filter(webinar=webinar):
        viewers.setdefault(s.viewer_key, []).append(s)
    rolled = {}
    for key, sessions in viewers.items():
        closed = [s for s in sessions if s.left_at is not None]
        registrations = [s.registration_id for s in sessions if s.registration_id is not None]
        languages = 0
        for s in sessions:
            languages |= bits.get(s.language, 1 << len(bits))
        rolled[key] = (
            len(sessions),
            sum((s.left_at - s.joined_at for s in closed), timedelta(0)),
            min(s.joined_at for s in sessions),
            max((s.left_at for s in closed), default=None),
            min(registrations, default=None),
            max(registrations, default=None),
            languages,
        )
    return rolled


def rollups(webinar) -> dict[str, tuple]:
    return {
        row.viewer_key: (
            row.sessions,
            row.closed_watch,
            row.first_joined,
            row.last_left,
            row.registration_low,
            row.registration_high,
            row.languages,
        )
        for row in AttendanceRollup.objects.filter(webinar=webinar)
    }


def assert_rollups_equal_sessions(webinar) -> None:
    assert rollups(webinar) == sessions_rolled_up_in_python(webinar)


def test_a_tick_rolls_up_the_viewers_it_opens_closes_and_reopens(live_webinar, attendee, settings):
    settings.DEWAN_ATTENDANCE_MERGE_GAP_SECONDS = 60
    key = f"r:{attendee.pk}"
    tick(live_webinar, 0, key)
    assert rollups(live_webinar) == {key: (1, timedelta(0), at(0), None, attendee.pk, attendee.pk, 2)}
    tick(live_webinar, 5, key)  # extending an open session leaves its rollup alone
    tick(live_webinar, 10)  # gone: closed at its last heartbeat
    assert rollups(live_webinar)[key][:4] == (1, timedelta(seconds=5), at(0), at(5))
    tick(live_webinar, 50, key)  # back within the gap: the same session, open again
    assert rollups(live_webinar)[key][:4] == (1, timedelta(0), at(0), None)
    assert_rollups_equal_sessions(live_webinar)


def test_rollups_equal_the_sessions_after_churn_reconnects_and_an_erasure(live_webinar, settings):
    """Random arrivals, departures and returns (within and beyond the merge gap) over 80 ticks."""
    settings.DEWAN_ATTENDANCE_MERGE_GAP_SECONDS = 12
    rng = random.Random(5)
    people = [make_registration(live_webinar, f"Viewer {n}") for n in range(14)]
    keys = [f"r:{p.pk}" for p in people] + ["g1", "g2", "u:3"]
    present: set[str] = set()
    for n in range(80):
        for key in keys:
            if rng.random() < 0.2:
                present ^= {key}
        languages = {key: rng.choice(["en", "ms", "", "zh"]) for key in present}
        attendance_record(
            webinar_id=live_webinar.pk,
            present={key: (START + n * 5 - rng.random() * 4, languages[key]) for key in present},
            now=at(n * 5),
        )
        if n == 40:  # erased: their sockets are closed and they cannot come back
            attendee_data_delete(registration=people[0])
            present.discard(keys[0])
            keys.remove(erased := keys[0])
        if n % 10 == 9:
            assert_rollups_equal_sessions(live_webinar)
    attendance_record(webinar_id=live_webinar.pk, present={}, now=at(400), live=False)
    assert AttendanceSession.objects.filter(webinar=live_webinar, left_at__isnull=True).count() == 0
    assert_rollups_equal_sessions(live_webinar)
    assert not AttendanceRollup.objects.filter(viewer_key=erased).exists()  # re-keyed by the erasure
    assert AttendanceSession.objects.filter(webinar=live_webinar).count() > 2 * len(keys)  # it churned
    assert AttendanceRollup.objects.filter(viewer_key__startswith="anon:").count() == 1


def test_figures_read_from_rollups_equal_those_of_a_fresh_roll_up(live_webinar, settings):
    """The rows the sampler kept give the same figures as rows rebuilt from the sessions from scratch."""
    settings.DEWAN_ATTENDANCE_MERGE_GAP_SECONDS = 8
    people = [make_registration(live_webinar, f"Viewer {n}") for n in range(6)]
    keys = [f"r:{p.pk}" for p in people]
    for n in range(30):
        tick(live_webinar, n * 5, *(key for i, key in enumerate(keys) if (n + i) % (i + 2)))
    kept = attendance_counts(webinar=live_webinar)
    AttendanceRollup.objects.filter(webinar=live_webinar).delete()
    attendance_rollups_refresh(webinar_id=live_webinar.pk)
    assert attendance_counts(webinar=live_webinar) == kept
    assert kept["unique_viewers"] == 6 and kept["sessions"] > 6


def test_refreshing_twice_changes_nothing(live_webinar, attendee):
    tick(live_webinar, 0, f"r:{attendee.pk}", "g1")
    tick(live_webinar, 5, "g1")
    before = rollups(live_webinar)
    attendance_rollups_refresh(webinar_id=live_webinar.pk)
    attendance_rollups_refresh(webinar_id=live_webinar.pk, viewer_keys=[f"r:{attendee.pk}", "g1", "nobody"])
    assert rollups(live_webinar) == before
    assert set(before) == {f"r:{attendee.pk}", "g1"}


# A server process ticking the sampler, stopped inside the tick's transaction (sessions and rollups
# written, nothing committed) until it is killed.
_KILLED_IN_A_TICK = """
import sys, time
from datetime import UTC, datetime
import django
django.setup()
from webinar.services import attendance

def hang(key):
    print("inside", flush=True)
    time.sleep(600)

attendance.is_audience_key = hang
webinar_id, start, *keys = sys.argv[1:]
now = datetime.fromtimestamp(float(start), tz=UTC)
attendance.attendance_record(
    webinar_id=int(webinar_id), present={key: (float(start), "en") for key in keys}, now=now
)
"""


@pytest.mark.needs_postgres
@pytest.mark.django_db(transaction=True)
def test_a_process_killed_inside_a_tick_leaves_sessions_and_rollups_equal(live_webinar, settings):
    settings.DEWAN_ATTENDANCE_MERGE_GAP_SECONDS = 60
    people = [make_registration(live_webinar, f"Viewer {n}") for n in range(4)]
    keys = [f"r:{p.pk}" for p in people]
    tick(live_webinar, 0, *keys[:3])
    tick(live_webinar, 5, *keys[:2])  # the third viewer left
    child = subprocess.Popen(  # it opens the fourth, reopens the third and closes the second
        [sys.executable, "-c", _KILLED_IN_A_TICK, str(live_webinar.pk), str(START + 10), keys[0], *keys[2:]],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "tests.settings"},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "inside"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert_rollups_equal_sessions(live_webinar)
    assert AttendanceSession.objects.filter(webinar=live_webinar).count() == 3  # nothing of it committed
    tick(live_webinar, 10, keys[0], *keys[2:])  # the next sampler does that tick
    tick(live_webinar, 15)
    assert_rollups_equal_sessions(live_webinar)
    assert attendance_counts(webinar=live_webinar)["sessions"] == 4


# A sampler tick in another process that opens a session for the given viewer and waits, inside its
# transaction, for a line on stdin before it commits.
_TICK_WAITING = """
import sys
from datetime import UTC, datetime
import django
django.setup()
from webinar.services import attendance

def wait(key):
    print("inside", flush=True)
    sys.stdin.readline()
    return True

attendance.is_audience_key = wait
webinar_id, start, key = sys.argv[1:]
attendance.attendance_record(
    webinar_id=int(webinar_id),
    present={key: (float(start), "en")},
    now=datetime.fromtimestamp(float(start), tz=UTC),
)
print("committed", flush=True)
"""


@pytest.mark.needs_postgres
@pytest.mark.django_db(transaction=True)
def test_an_erasure_waits_for_a_sampler_tick_in_flight_and_then_rekeys_what_it_wrote(live_webinar):
    """Both write that viewer's sessions and rollup: without one lock taken first by both, they deadlock
    (the tick's rollup row against the erasure's, the erasure's row lock against the tick's foreign key
    check at commit) and PostgreSQL aborts one of them."""
    person = make_registration(live_webinar, "Erased")
    key = f"r:{person.pk}"
    child = subprocess.Popen(
        [sys.executable, "-c", _TICK_WAITING, str(live_webinar.pk), str(START), key],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "tests.settings"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    erasure = None
    try:
        assert child.stdout.readline().strip() == "inside"
        erasure = threading.Thread(target=_erase, args=(person,))
        erasure.start()
        erasure.join(timeout=2)
        assert erasure.is_alive(), "the erasure did not wait for the tick"
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "committed"
        erasure.join(timeout=30)
        assert not erasure.is_alive()
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)
    session = AttendanceSession.objects.get(webinar=live_webinar)
    assert session.registration_id is None and session.viewer_key.startswith("anon:")
    assert_rollups_equal_sessions(live_webinar)
    assert list(AttendanceRollup.objects.values_list("viewer_key", flat=True)) == [session.viewer_key]


def _erase(person) -> None:
    try:
        attendee_data_delete(registration=person)
    finally:
        connection.close()  # this thread's own connection


def test_sessions_edited_in_the_admin_keep_their_rollups(client, live_webinar, attendee):
    """The admin writes sessions around the sampler: adding, re-keying and deleting keep rollups equal."""
    client.force_login(make_user("root@example.com", is_staff=True, is_superuser=True))
    tick(live_webinar, 0, f"r:{attendee.pk}")
    tick(live_webinar, 5)
    session = AttendanceSession.objects.get()
    url = reverse("admin:webinar_attendancesession_change", args=[session.pk])
    form = {
        "webinar": live_webinar.pk,
        "registration": attendee.pk,
        "viewer_key": "renamed",
        "language": "ms",
        "joined_at_0": "2027-01-15",
        "joined_at_1": "10:00:00",
        "last_seen_at_0": "2027-01-15",
        "last_seen_at_1": "10:30:00",
        "left_at_0": "2027-01-15",
        "left_at_1": "10:30:00",
    }
    assert client.post(url, form).status_code == 302
    assert set(rollups(live_webinar)) == {"renamed"}
    assert_rollups_equal_sessions(live_webinar)
    add = reverse("admin:webinar_attendancesession_add")
    assert client.post(add, {**form, "viewer_key": "g1"}).status_code == 302
    assert_rollups_equal_sessions(live_webinar)
    changelist = reverse("admin:webinar_attendancesession_changelist")
    chosen = list(AttendanceSession.objects.values_list("pk", flat=True))
    response = client.post(
        changelist, {"action": "delete_selected", "_selected_action": chosen, "post": "yes"}
    )
    assert response.status_code == 302
    assert AttendanceSession.objects.count() == 0
    assert rollups(live_webinar) == {}
