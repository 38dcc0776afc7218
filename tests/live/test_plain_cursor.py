"""The connect path's two statements run on the connection's own psycopg cursor
(``webinar.plain_cursor``) and keep what Django's cursor layer gave them: the same rows, the query
counter (execute wrappers) and the query log, Django's errors, and a connect read that meets a killed
connection runs once more on a fresh one (``realtime.consumers.connect_read``).

On SQLite the statements take Django's cursor; the tests of the plain cursor itself run in the
PostgreSQL pass.
"""

from __future__ import annotations

import asyncio
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, ProgrammingError, connection
from django.test.utils import CaptureQueriesContext

from realtime import consumers
from realtime.entry import ConnectSessionStore
from tests.factories import attendee_session, make_live_webinar, make_registration
from tests.live.helpers import db
from webinar import live_state
from webinar.models import Question, Registration, Vote
from webinar.plain_cursor import plain_row, plain_rows


@pytest.fixture
def viewer_with_rows():
    """A confirmed viewer with a session, one question of its own and a vote on someone else's."""
    webinar = make_live_webinar()
    other = make_registration(webinar, "Other", "other@example.com")
    registration = make_registration(webinar, "Viewer", "viewer@example.com")
    theirs = Question.objects.create(
        webinar=webinar, author=other, text="Theirs", client_key="theirs", status="published"
    )
    Vote.objects.create(question=theirs, registration=registration)
    own = Question.objects.create(webinar=webinar, author=registration, text="Own", client_key="own")
    return webinar, registration, attendee_session(registration), theirs, own


@pytest.mark.django_db
def test_the_connect_read_gives_the_viewer_its_own_registration_votes_and_questions(viewer_with_rows):
    webinar, registration, session_key, theirs, own = viewer_with_rows
    session = ConnectSessionStore(session_key)

    viewer, personal = live_state.viewer_connect(
        slug=webinar.slug, mode="attendee", session=session, user=AnonymousUser()
    )

    assert (viewer.registration_id, viewer.name) == (registration.pk, "Viewer")
    assert personal.my_votes == [theirs.pk]
    assert [q["id"] for q in personal.mine] == [own.pk]
    rows = live_state._bound_rows(webinar.pk, registration.pk)
    with connection.cursor() as cursor:  # the same statement through Django's cursor: the same rows
        sql = live_state.selectors.bound_sql().replace("SELECT ", "SELECT 'r', ", 1)
        cursor.execute(
            sql + " UNION ALL " + live_state._mine_sql(5),
            [registration.pk, *live_state._mine_params(webinar.pk, registration.pk)],
        )
        assert sorted(rows, key=str) == sorted(cursor.fetchall(), key=str)


@pytest.mark.django_db
def test_a_session_that_is_missing_or_expired_loads_empty():
    assert ConnectSessionStore("no-such-session-key-0000000000000").load() == {}


@pytest.mark.needs_postgres
@pytest.mark.django_db
def test_a_plain_statement_is_seen_by_execute_wrappers_and_logged_with_its_parameters(viewer_with_rows):
    _webinar, registration, _session_key, _theirs, _own = viewer_with_rows
    seen: list[tuple[str, list]] = []

    def counter(execute, sql, params, many, context):
        seen.append((sql, params))
        return execute(sql, params, many, context)

    sql = f"SELECT id, name FROM {Registration._meta.db_table} WHERE id = %s"  # noqa: S608
    with connection.execute_wrapper(counter), CaptureQueriesContext(connection) as queries:
        row = plain_row(sql, [registration.pk])

    assert row == (registration.pk, "Viewer")
    assert seen == [(sql, [registration.pk])]
    assert [q["sql"] for q in queries] == [sql.replace("%s", str(registration.pk))]


@pytest.mark.needs_postgres
@pytest.mark.django_db
def test_a_failed_plain_statement_raises_djangos_error_and_marks_the_connection_for_its_check():
    connection.errors_occurred = False
    with pytest.raises(ProgrammingError):
        plain_rows("SELECT no_such_column FROM django_session WHERE session_key = %s", ["x"])
    assert connection.errors_occurred  # what connect_read's check after a failed read looks at


@pytest.mark.needs_postgres
@pytest.mark.django_db(transaction=True)
async def test_a_connect_read_whose_connection_was_killed_runs_once_more_on_a_fresh_one():
    webinar, registration, session_key = await db(_viewer_and_session)()
    attempts: list[int] = []

    def identify():
        attempts.append(1)
        session = ConnectSessionStore(session_key)  # its load is the first statement to meet the dead link
        viewer, _personal = live_state.viewer_connect(
            slug=webinar.slug, mode="attendee", session=session, user=AnonymousUser()
        )
        return connection.connection.info.backend_pid, viewer

    read = consumers.connect_read(identify)
    try:
        first_pid, viewer = await read()
        assert viewer.registration_id == registration.pk and len(attempts) == 1
        await db(_terminate)(first_pid)

        second_pid, again = await read()

        assert len(attempts) == 3  # the attempt on the killed connection failed, the retry ran
        assert again == viewer and second_pid != first_pid
        assert (await read())[0] == second_pid  # the fresh connection is the one kept
    finally:
        await asyncio.to_thread(consumers.connect_reads_stop)


@pytest.mark.needs_postgres
@pytest.mark.django_db(transaction=True)
async def test_a_connect_read_with_a_wrong_statement_raises_djangos_error_and_its_thread_serves_on():
    read = consumers.connect_read(plain_rows)
    try:
        with pytest.raises(DatabaseError):
            await read("SELECT no_such_column FROM django_session", [])
        assert await read("SELECT 1", []) == [(1,)]  # the pool thread's connection still serves
    finally:
        await asyncio.to_thread(consumers.connect_reads_stop)


def _viewer_and_session():
    webinar = make_live_webinar()
    registration = make_registration(webinar, "Viewer", "viewer@example.com")
    return webinar, registration, attendee_session(registration)


def _terminate(pid: int) -> None:
    """End the backend ``pid`` (as a failover or a restarted pooler would), and wait until it is gone."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        for _ in range(100):
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid])
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.05)
    raise AssertionError(f"backend {pid} still there")
