"""Sockets that connect together are identified with one read: two statements for all of them (the
sessions; the bound registrations with their own question and vote ids), and each socket is told
exactly what its own read would have told it (realtime/identify.py, docs/scaling.md).
"""

from __future__ import annotations

import asyncio
import re
import threading

import pytest
from channels.auth import get_user
from django.db import connection
from django.test.utils import CaptureQueriesContext

from realtime import consumers
from realtime.identify import IdentifyBatch, SocketGone, SocketRequest, identify_sockets
from realtime.sessions import ConnectSessionStore, sessions_load
from tests.factories import (
    attendee_session,
    host_session,
    make_host,
    make_live_webinar,
    make_registration,
    make_user,
)
from tests.live.helpers import db
from tests.live.test_connect_reads import REGISTRATION_TABLE, by_primary_key, plan_of
from webinar import live_state
from webinar.models import Question, Registration, Vote
from webinar.services.registration import registration_cancel


def request(session_key: str | None, slug: str, mode: str = "attendee", skip=lambda: False) -> SocketRequest:
    """A socket's part of a batch, with a fresh session store, as ``realtime.entry`` makes it."""
    return SocketRequest({"session": ConnectSessionStore(session_key)}, slug, mode, None, None, None, skip)


def alone(session_key: str | None, slug: str, mode: str = "attendee"):
    """What one socket's own read gives it: its user, then ``viewer_connect`` (the unbatched path)."""
    scope = {"session": ConnectSessionStore(session_key)}
    user = get_user.func(scope)
    return (user, *live_state.viewer_connect(slug=slug, mode=mode, session=scope["session"], user=user))


@pytest.fixture
def crowd():
    """A live webinar with six viewers (one asked a question, one voted on it), whose join links
    were followed; then one cancelled and one's join link renewed (the old one no longer admits)."""
    webinar = make_live_webinar()
    viewers = [make_registration(webinar, f"Viewer {n}", f"viewer{n}@example.com") for n in range(6)]
    keys = [attendee_session(viewer) for viewer in viewers]
    asked = Question.objects.create(
        webinar=webinar, author=viewers[0], text="Mine", client_key="mine", status="published"
    )
    Vote.objects.create(question=asked, registration=viewers[1])
    registration_cancel(registration=viewers[4])
    Registration.objects.filter(pk=viewers[5].pk).update(join_secret="rotated")  # a renewed join link
    return webinar, viewers, keys


@pytest.mark.django_db
def test_each_socket_of_a_batch_is_told_what_its_own_read_would_have_told_it(crowd):
    webinar, viewers, keys = crowd
    host = make_host(webinar, make_user(name="Host"))
    host_key = host_session(host)
    asked = [(key, webinar.slug, "attendee") for key in keys] + [
        (None, webinar.slug, "attendee"),  # no cookie
        ("never-stored-session-key-0000000", webinar.slug, "attendee"),
        (host_key, webinar.slug, "host"),
        (host_key, webinar.slug, "attendee"),  # a host looking at the attendee page
        (keys[0], "no-such-webinar", "attendee"),
    ]

    batched = identify_sockets([request(*args) for args in asked])

    expected = [alone(*args) for args in asked]
    assert [error for _result, error in batched] == [None] * len(asked)
    got = [result for result, _error in batched]
    assert [(viewer, personal) for _user, viewer, personal in got] == [
        (viewer, personal) for _user, viewer, personal in expected
    ]
    assert [user.pk for user, _viewer, _personal in got] == [user.pk for user, _v, _p in expected]
    # What that says: the four confirmed viewers are in, with their own question and vote; the
    # cancelled and the renewed are refused, like a visitor with no (or an unknown) session.
    in_batch = [viewer for _user, viewer, _personal in got]
    assert [viewer.registration_id for viewer in in_batch[:4]] == [viewer.pk for viewer in viewers[:4]]
    assert in_batch[4:8] == [None] * 4
    assert got[0][2].mine[0]["text"] == "Mine" and got[1][2].my_votes == [got[0][2].mine[0]["id"]]
    assert (in_batch[8].role, in_batch[8].staff, in_batch[9].staff) == ("host", True, False)
    assert in_batch[10] is None


@pytest.mark.django_db
def test_a_batch_of_viewers_is_read_with_two_statements_whatever_its_size(crowd):
    webinar, _viewers, keys = crowd
    more = [make_registration(webinar, f"More {n}", f"more{n}@example.com") for n in range(20)]
    keys = keys[1:4] + [attendee_session(viewer) for viewer in more]  # none with questions of its own
    live_state.live_webinar(slug=webinar.slug)  # the webinar behind the URL is kept a second per process

    for size in (1, 5, len(keys)):
        with CaptureQueriesContext(connection) as queries:
            outcomes = identify_sockets([request(key, webinar.slug) for key in keys[:size]])
        assert all(result[1] is not None for result, _error in outcomes)
        assert len(queries) == 2, [q["sql"] for q in queries]  # the sessions; the registrations, own ids
    registrations = queries[1]["sql"]
    assert registration_read_by_key_alone(plan_of(registrations)), registrations


def registration_read_by_key_alone(plan: str) -> bool:
    """Whether ``plan`` reads the registration table through its primary key only: an index scan on
    it or, on PostgreSQL, a bitmap scan built from it (a list of keys), never another index or a scan."""
    if connection.vendor != "postgresql":
        return by_primary_key(plan)
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [REGISTRATION_TABLE])
        others = {name for (name,) in cursor.fetchall()} - {f"{REGISTRATION_TABLE}_pkey"}
    used = set(re.findall(r"Index (?:Only )?Scan (?:using|on) (\S+)", plan))
    scanned = f"Seq Scan on {REGISTRATION_TABLE}" in plan
    return f"{REGISTRATION_TABLE}_pkey" in used and not used & others and not scanned


@pytest.mark.django_db
def test_viewers_of_two_webinars_in_one_batch_take_one_statement_per_webinar(crowd):
    webinar, _viewers, keys = crowd
    other = make_live_webinar()
    theirs = [attendee_session(make_registration(other, f"Other {n}", f"o{n}@example.com")) for n in range(3)]
    asked = [(key, webinar.slug) for key in keys[1:4]] + [(key, other.slug) for key in theirs]
    for slug in (webinar.slug, other.slug):
        live_state.live_webinar(slug=slug)

    with CaptureQueriesContext(connection) as queries:
        outcomes = identify_sockets([request(*args) for args in asked])

    assert len(queries) == 3
    assert [result[1].webinar_id for result, _error in outcomes] == [webinar.pk] * 3 + [other.pk] * 3


@pytest.mark.django_db
def test_a_socket_whose_client_left_before_the_read_is_skipped_unread(crowd):
    webinar, viewers, keys = crowd
    left, stays = request(keys[1], webinar.slug, skip=lambda: True), request(keys[2], webinar.slug)

    outcomes = identify_sockets([left, stays])

    assert isinstance(outcomes[0][1], SocketGone)
    assert left.scope["session"].pending  # its session was not even read
    assert outcomes[1][0][1].registration_id == viewers[2].pk


@pytest.mark.django_db
def test_sessions_loaded_together_end_as_each_own_load_leaves_it(crowd):
    _webinar, _viewers, keys = crowd
    expired = ConnectSessionStore(None)
    expired.set_expiry(-60)
    expired["gone"] = True
    expired.save()
    asked = [keys[0], keys[1], "never-stored-session-key-0000000", expired.session_key, None]
    together = [ConnectSessionStore(key) for key in asked]

    assert sessions_load([*together, object()]) == 4  # the store with no key (and a non-store) are left

    for key, store in zip(asked, together, strict=True):
        own = ConnectSessionStore(key)
        assert (dict(store.items()), store.session_key) == (own.load(), own.session_key)
    assert [bool(store.items()) for store in together] == [True, True, False, False, False]


@pytest.mark.django_db(transaction=True)
async def test_sockets_asking_in_the_same_loop_turn_share_one_read_on_the_connect_pool(crowd):
    webinar, viewers, keys = crowd
    batch = IdentifyBatch(consumers.connect_read, max_size=4)
    ask = [keys[0], keys[1], keys[2], keys[3], keys[4], None]
    try:
        answers = await asyncio.gather(
            *(
                batch.identify(
                    {"session": ConnectSessionStore(key)},
                    slug=webinar.slug,
                    mode="attendee",
                    stage=None,
                    stage_language=None,
                )
                for key in ask
            )
        )
        gone = batch.identify(
            {"session": ConnectSessionStore(keys[0])},
            slug=webinar.slug,
            mode="attendee",
            stage=None,
            stage_language=None,
            gone=lambda: True,
        )
        with pytest.raises(SocketGone):
            await gone
    finally:
        await asyncio.to_thread(consumers.connect_reads_stop)

    assert batch.batches == 3  # six sockets in one turn, four a read at most; then the one that left
    assert [viewer and viewer.registration_id for _user, viewer, _personal in answers] == [
        viewers[0].pk,
        viewers[1].pk,
        viewers[2].pk,
        viewers[3].pk,
        None,  # cancelled
        None,  # no session
    ]


@pytest.mark.django_db(transaction=True)
async def test_viewers_connecting_at_once_are_each_welcomed_as_themselves(room, sockets):
    more = [await db(make_registration)(room.webinar, f"Viewer {n}") for n in range(6)]
    everyone = [room.aisyah, room.ben, *more]

    joined = await asyncio.gather(*(sockets.attendee(registration) for registration in everyone))

    assert [live.welcome["config"]["registration_id"] for live in joined] == [r.pk for r in everyone]
    assert [live.welcome["config"]["name"] for live in joined] == [r.name for r in everyone]


@pytest.mark.django_db(transaction=True)
async def test_sockets_asking_while_the_reads_in_flight_run_wait_and_share_the_next_one(crowd, settings):
    """A group commit: with its one read in flight, the sockets asking meanwhile wait for it to end
    (counted as queued reads for admission control), then go in one read together."""
    webinar, viewers, keys = crowd
    consumers.connect_reads_stop()
    settings.DEWAN_CONNECT_READ_THREADS = 1  # one pool thread, kept busy below
    gate = threading.Event()
    busy = asyncio.ensure_future(consumers.connect_read(gate.wait)(10))
    batch = IdentifyBatch(consumers.connect_read, in_flight=1)

    def ask(key):
        return asyncio.ensure_future(
            batch.identify(
                {"session": ConnectSessionStore(key)},
                slug=webinar.slug,
                mode="attendee",
                stage=None,
                stage_language=None,
            )
        )

    try:
        first = ask(keys[0])
        await asyncio.sleep(0)  # its turn ends: its read is in flight (waiting for the busy thread)
        await asyncio.sleep(0)
        later = [ask(key) for key in keys[1:4]]
        for _turn in range(3):  # later turns: they wait, with the one read still in flight
            await asyncio.sleep(0)
        assert (batch.batches, batch.waiting) == (1, 3)
        gate.set()
        answers = [await first, *[await socket for socket in later]]
        await busy
    finally:
        gate.set()
        await asyncio.to_thread(consumers.connect_reads_stop)

    assert batch.batches == 2  # the first alone, then the three that waited, in one read
    assert [viewer.registration_id for _user, viewer, _personal in answers] == [v.pk for v in viewers[:4]]
