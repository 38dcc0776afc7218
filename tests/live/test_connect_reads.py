"""Every read a connect makes of the registration goes by its primary key alone, whatever the database
knows about the table, so connect time does not grow with the registrations already stored.

With ``webinar_id`` and ``status`` in the WHERE clause, PostgreSQL without fresh statistics (a table
just bulk-loaded, autovacuum off or behind) chose the (webinar, status) index and filtered every
registration of the webinar, once per connect: 110-140 ms each at 100,000 (docs/scaling.md). A fresh
test database has no statistics either, which is the case these tests plan in.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import attendee_session, make_live_webinar, make_registration
from webinar import live_state
from webinar.models import Question, Registration, Vote

pytestmark = pytest.mark.django_db

REGISTRATION_TABLE = Registration._meta.db_table


@pytest.fixture
def attendee():
    webinar = make_live_webinar()
    for n in range(20):  # others' registrations in the same webinar, all confirmed
        make_registration(webinar, f"Other {n}", f"other{n}@example.com")
    registration = make_registration(webinar, "Viewer", "viewer@example.com")
    session = SessionStore(attendee_session(registration))
    return webinar, registration, session


def registration_reads(queries) -> list[str]:
    return [q["sql"] for q in queries if REGISTRATION_TABLE in q["sql"] and q["sql"].startswith("SELECT")]


def plan_of(sql: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET enable_seqscan = off")  # a table this small would be read whole
            try:
                cursor.execute(f"EXPLAIN {sql}")
                rows = cursor.fetchall()
            finally:
                cursor.execute("RESET enable_seqscan")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            rows = cursor.fetchall()
        return "\n".join(str(row[-1]) for row in rows)


def by_primary_key(plan: str) -> bool:
    """Whether every scan of the registration table in ``plan`` is a primary-key lookup."""
    if connection.vendor == "postgresql":
        scans = [line for line in plan.splitlines() if f" on {REGISTRATION_TABLE}" in line]
        return bool(scans) and all(f"{REGISTRATION_TABLE}_pkey" in line for line in scans)
    scans = [line for line in plan.splitlines() if REGISTRATION_TABLE in line]
    return bool(scans) and all("INTEGER PRIMARY KEY" in line for line in scans)


def test_identify_snapshot_and_access_recheck_read_the_registration_by_primary_key_alone(attendee):
    webinar, registration, session = attendee
    user = AnonymousUser()
    with CaptureQueriesContext(connection) as queries:
        viewer = live_state.viewer_identify(slug=webinar.slug, mode="attendee", session=session, user=user)
        shared = live_state.shared_live_state(webinar_id=webinar.pk)
        snapshot = live_state.attendee_snapshot(viewer, shared, session=session, user=user)
        still = live_state.still_attendee(viewer, session=session, user=user)
    assert viewer.registration_id == registration.pk and snapshot is not None and still
    reads = registration_reads(queries)
    assert len(reads) == 3  # identify, the snapshot's access re-check, a command's access re-check
    for sql in reads:
        assert by_primary_key(plan_of(sql)), sql


def test_a_registration_found_by_key_still_has_to_be_this_webinars_and_confirmed(attendee):
    webinar, registration, session = attendee
    user = AnonymousUser()
    viewer = live_state.viewer_identify(slug=webinar.slug, mode="attendee", session=session, user=user)
    shared = live_state.shared_live_state(webinar_id=webinar.pk)
    Registration.objects.filter(pk=registration.pk).update(status=Registration.Status.CANCELLED)

    assert live_state.viewer_identify(slug=webinar.slug, mode="attendee", session=session, user=user) is None
    assert live_state.attendee_snapshot(viewer, shared, session=session, user=user) is None
    assert not live_state.still_attendee(viewer, session=session, user=user)

    other = make_live_webinar()
    Registration.objects.filter(pk=registration.pk).update(
        status=Registration.Status.CONFIRMED, webinar=other
    )
    assert live_state.viewer_identify(slug=webinar.slug, mode="attendee", session=session, user=user) is None
    assert live_state.attendee_snapshot(viewer, shared, session=session, user=user) is None
    assert not live_state.still_attendee(viewer, session=session, user=user)


def test_connect_reads_the_registration_with_its_own_votes_and_questions_in_one_query(attendee):
    webinar, registration, session = attendee
    user = AnonymousUser()
    other = Registration.objects.exclude(pk=registration.pk).filter(webinar=webinar).first()
    theirs = Question.objects.create(
        webinar=webinar, author=other, text="Theirs", client_key="theirs", status="published"
    )
    Vote.objects.create(question=theirs, registration=registration)
    own = Question.objects.create(webinar=webinar, author=registration, text="Own", client_key="own")

    with CaptureQueriesContext(connection) as queries:
        viewer, personal = live_state.viewer_connect(
            slug=webinar.slug, mode="attendee", session=session, user=user
        )
    assert viewer.registration_id == registration.pk
    assert personal.my_votes == [theirs.pk]
    assert [q["id"] for q in personal.mine] == [own.pk]
    # Besides the session and the webinar behind the URL: one round trip for the registration, its
    # votes and its question ids; one more for its questions (with their webinar's status, joined), as
    # it has some.
    elsewhere = re.compile(r'\bFROM "?(django_session|webinar_webinar)"?(\s|$)')
    reads = [q["sql"] for q in queries if not elsewhere.search(q["sql"])]
    assert len(reads) == 2
    tables = (REGISTRATION_TABLE, Vote._meta.db_table, Question._meta.db_table)
    assert all(table in reads[0] for table in tables)
    assert by_primary_key(plan_of(reads[0])), reads[0]


def test_connect_returns_nothing_of_the_rows_read_for_a_binding_that_no_longer_holds(attendee):
    webinar, registration, session = attendee
    user = AnonymousUser()
    Question.objects.create(webinar=webinar, author=registration, text="Own", client_key="own")
    for change in ({"join_secret": "rotated"}, {"status": Registration.Status.CANCELLED}):
        Registration.objects.filter(pk=registration.pk).update(**change)
        assert live_state.viewer_connect(slug=webinar.slug, mode="attendee", session=session, user=user) == (
            None,
            None,
        )
