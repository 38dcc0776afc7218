"""Admission control at connect (realtime/admission.py, docs/protocol.md "Too busy: 1013").

Against a real server process that serves one connect at a time (``DEWAN_ADMISSION_MAX_CONNECTING=1``)
on one connect-pool thread: while a connect is held in flight (its first read waits behind a lock on
the sessions the test holds in the database), the next one is refused with ``unavailable`` and close
1013 ``retry_after_ms=<n>`` before any database read; sockets already open stay open; a connect counts
until its first ``sync`` is answered; once the bound frees, the refused client that comes back when
told is admitted and replays what it missed without a gap; and a connect whose socket closed while its
read waited for the pool thread costs no read.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import sqlite3
import urllib.request
from urllib.parse import urlsplit

import psycopg
import pytest
import websockets
from channels.db import database_sync_to_async
from django.db import transaction

from tests.factories import attendee_session, make_live_webinar, make_registration, make_user
from tests.servers import NO_BACKGROUND_SWEEPS, Server, free_port, server_env, shared_database_url
from webinar.services.events import event_record

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

RETRY_MAX_SECONDS = 2


@pytest.fixture
def server(request):
    """A server that serves ``request.param`` (default 1) connects at once, on one pool thread."""
    port = free_port()
    env = server_env(
        port=port,
        database_url=shared_database_url(),
        DEWAN_ADMISSION_MAX_CONNECTING=str(getattr(request, "param", 1)),
        DEWAN_ADMISSION_RETRY_MAX_SECONDS=str(RETRY_MAX_SECONDS),
        DEWAN_CONNECT_READ_THREADS="1",
        **NO_BACKGROUND_SWEEPS,  # the test counts the server's queries
    )
    started = Server(port=port, env=env, name="admission", app="bench.instrumented_asgi:app").start()
    yield started
    started.kill()


def stats(server: Server) -> dict:
    """The process's counters (bench/instrumented_asgi.py): queries run, admission, the read pool."""
    with urllib.request.urlopen(f"{server.url}/__bench/stats", timeout=10) as answer:  # noqa: S310  # nosec B310 (loopback)
        return json.loads(answer.read())


async def until_stats(server: Server, **wanted: int) -> dict:
    """The counters once every ``wanted`` one has its value (polled; at most 20 s)."""
    for _ in range(400):
        now = await asyncio.to_thread(stats, server)
        if all(now[key] == value for key, value in wanted.items()):
            return now
        await asyncio.sleep(0.05)
    raise AssertionError(f"counters never reached {wanted}: {now}")


class SessionsLocked:
    """Holds a lock in the server's database that stops every session read (a connect's first read)
    until ``release``: the whole SQLite file, or PostgreSQL's ``django_session`` table."""

    def __init__(self, database_url: str):
        self.database_url = database_url
        self.connection: sqlite3.Connection | psycopg.Connection | None = None

    def __enter__(self) -> SessionsLocked:
        if self.database_url.startswith("sqlite"):
            self.connection = sqlite3.connect(urlsplit(self.database_url).path, isolation_level=None)
            self.connection.execute("BEGIN EXCLUSIVE")
        else:
            self.connection = psycopg.connect(self.database_url)
            self.connection.execute("LOCK TABLE django_session IN ACCESS EXCLUSIVE MODE")
        return self

    def release(self) -> None:
        if self.connection is not None:
            self.connection.rollback()
            self.connection.close()
            self.connection = None

    def __exit__(self, *exc) -> None:
        self.release()


def open_socket(server: Server, slug: str, key: str):
    return websockets.connect(
        f"{server.ws_url}/ws/w/{slug}/",
        origin=server.url,
        additional_headers={"Cookie": f"sessionid={key}"},
        open_timeout=30,
        max_size=None,
    )


async def until_type(ws, kind: str) -> dict:
    while True:
        message = json.loads(await asyncio.wait_for(ws.recv(), 20))
        if message["type"] == kind:
            return message


async def refusal_of(ws) -> tuple[dict, int, str]:
    """The error frame of a refused socket, then its close code and reason."""
    error = json.loads(await asyncio.wait_for(ws.recv(), 20))
    with pytest.raises(websockets.ConnectionClosed) as closed:
        await asyncio.wait_for(ws.recv(), 20)
    return error, closed.value.rcvd.code, closed.value.rcvd.reason


def record_events(webinar_id: int, count: int) -> None:
    for n in range(count):
        with transaction.atomic():
            event_record(
                webinar_id=webinar_id,
                stream="public",
                type="webinar.settings",
                payload={"questions_paused": False, "slow_mode_seconds": n},
            )


async def room_with(viewers: int):
    webinar = await database_sync_to_async(make_live_webinar)(
        organiser=await database_sync_to_async(make_user)()
    )
    keys = []
    for n in range(viewers):
        registration = await database_sync_to_async(make_registration)(
            webinar, f"Viewer {n}", f"v{n}@example.com"
        )
        keys.append(await database_sync_to_async(attendee_session)(registration))
    return webinar, keys


async def test_over_the_bound_a_connect_is_refused_1013_with_a_hint_before_any_read_and_comes_back_gapless(
    server,
):
    webinar, (watching, slow, returning) = await room_with(3)
    existing = await open_socket(server, webinar.slug, watching)
    await until_type(existing, "welcome")
    await until_stats(server, connecting=1)  # welcomed, not yet caught up: still served
    await existing.send('{"type": "sync"}')
    await until_type(existing, "snapshot")
    await until_stats(server, connecting=0)  # its first sync answered: the bound is free
    ws = await open_socket(server, webinar.slug, returning)
    await until_type(ws, "welcome")
    await ws.send('{"type": "sync"}')
    last_seen = (await until_type(ws, "snapshot"))["seq"]
    await ws.close()  # the returning viewer is away while three events happen
    await database_sync_to_async(record_events)(webinar.pk, 3)

    with SessionsLocked(shared_database_url()) as lock:
        # One connect in flight: its first read waits behind the lock, so it holds the bound.
        held = asyncio.ensure_future(open_socket(server, webinar.slug, slow))
        before = await until_stats(server, connecting=1)

        refused = await open_socket(server, webinar.slug, returning)
        error, code, reason = await refusal_of(refused)
        after = await asyncio.to_thread(stats, server)
        lock.release()

    assert error["type"] == "error" and error["code"] == "unavailable"
    assert code == 1013 and reason.startswith("retry_after_ms=")
    hint_ms = int(reason.removeprefix("retry_after_ms="))
    assert 0 <= hint_ms <= RETRY_MAX_SECONDS * 1000
    assert error["retry_after"] == pytest.approx(hint_ms / 1000, abs=0.001)
    assert after["refused"] == before["refused"] + 1
    # Refused before anything was read for it: the one pool thread is held, so a read of the refused
    # connect could only wait in the pool's queue (or be skipped there once its socket had gone). The
    # process's whole query count is not the measure: its attendance sampler reads for the open viewer.
    # reads_queued is a gauge: the held connect's own read may leave the queue meanwhile (its batch
    # started and waits on the lock), so the refused connect shows as no read added, not as equality.
    assert after["reads_queued"] <= before["reads_queued"]
    assert after["reads_skipped"] == before["reads_skipped"]

    async with await held as first:  # the bound frees once the held connect is caught up
        await until_type(first, "welcome")
        await first.send('{"type": "sync"}')
        await until_type(first, "snapshot")
        await until_stats(server, connecting=0)

    # Come back exactly when told (and again if told again), then sync from the last seq seen.
    for _attempt in range(10):
        await asyncio.sleep(hint_ms / 1000)
        again = await open_socket(server, webinar.slug, returning)
        first_frame = json.loads(await asyncio.wait_for(again.recv(), 20))
        if first_frame["type"] == "welcome":
            break
        _error, code, reason = await refusal_of(again)
        assert code == 1013
        hint_ms = int(reason.removeprefix("retry_after_ms="))
    else:
        raise AssertionError("never admitted")
    await again.send(json.dumps({"type": "sync", "since": last_seen}))
    replayed = []
    while True:
        message = json.loads(await asyncio.wait_for(again.recv(), 20))
        if message["type"] == "synced":
            break
        if message.get("stream") == "public":
            replayed.append(message["seq"])
    assert replayed == [last_seen + 1, last_seen + 2, last_seen + 3]
    assert message["seq"] == last_seen + 3
    await again.close()

    # The socket that was open all along was never touched.
    await existing.send('{"type": "ping"}')
    await until_type(existing, "pong")
    await existing.close()


@pytest.mark.parametrize("server", [2], indirect=True)
async def test_a_connect_whose_client_left_while_its_read_waited_for_the_pool_costs_no_read(server):
    """One pool thread, two connects admitted: the first one's read runs (held by the lock), the
    second one's waits for the thread; its client gives up meanwhile, and when the thread is free
    that read is skipped, not run."""
    webinar, (slow, gives_up) = await room_with(2)
    with SessionsLocked(shared_database_url()) as lock:
        held = asyncio.ensure_future(open_socket(server, webinar.slug, slow))
        await until_stats(server, connecting=1)
        _reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(
            (
                f"GET /ws/w/{webinar.slug}/ HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}\r\n"
                f"Origin: {server.url}\r\nCookie: sessionid={gives_up}\r\n\r\n"
            ).encode()
        )
        before = await until_stats(server, connecting=2, reads_queued=1)
        writer.close()  # gives up before any answer to its handshake
        await writer.wait_closed()
        lock.release()
    async with await held as first:
        await until_type(first, "welcome")
    after = await until_stats(server, connecting=0, reads_queued=0)
    assert after["reads_skipped"] == before["reads_skipped"] + 1
    assert after["admitted"] == before["admitted"] and after["refused"] == before["refused"]
