"""A real server process told to stop (SIGTERM, as in a deploy) closes its sockets with 1012 and a
spread-out retry hint, so its viewers come back over a window instead of all at once (docs/protocol.md)."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import socket

import pytest
import websockets
from channels.db import database_sync_to_async

from tests.factories import attendee_session, make_live_webinar, make_registration, make_user
from tests.servers import Server, free_port, server_env, shared_database_url
from webinar.models import Question

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

VIEWERS = 30


@pytest.fixture
def server():
    port = free_port()
    env = server_env(port=port, database_url=shared_database_url(), DEWAN_RESTART_RECONNECTS_PER_SECOND="20")
    started = Server(port=port, env=env, name="graceful-restart").start()
    yield started
    started.kill()


async def open_viewer(server: Server, slug: str, key: str):
    ws = await websockets.connect(
        f"{server.ws_url}/ws/w/{slug}/",
        origin=server.url,
        additional_headers={"Cookie": f"sessionid={key}"},
        open_timeout=20,
        max_size=None,  # a snapshot of the published list's cap is over a megabyte
    )
    assert json.loads(await ws.recv())["type"] == "welcome"
    await ws.send('{"type": "sync"}')
    while json.loads(await asyncio.wait_for(ws.recv(), 20))["type"] != "snapshot":
        pass
    return ws


async def close_of(ws) -> tuple[int, str]:
    try:
        while True:
            await asyncio.wait_for(ws.recv(), 20)
    except websockets.ConnectionClosed as closed:
        return closed.rcvd.code, closed.rcvd.reason


async def test_sigterm_closes_every_socket_with_1012_and_its_own_retry_hint(server):
    webinar = await database_sync_to_async(make_live_webinar)(
        organiser=await database_sync_to_async(make_user)()
    )
    keys = []
    for n in range(VIEWERS):
        registration = await database_sync_to_async(make_registration)(
            webinar, f"Viewer {n}", f"v{n}@example.com"
        )
        keys.append(await database_sync_to_async(attendee_session)(registration))
    sockets = [await open_viewer(server, webinar.slug, key) for key in keys]

    server.process.terminate()
    closes = await asyncio.gather(*(close_of(ws) for ws in sockets))
    await asyncio.to_thread(server.process.wait, 20)

    assert {code for code, _reason in closes} == {1012}
    hints = sorted(int(reason.removeprefix("retry_after_ms=")) for _code, reason in closes)
    assert len(hints) == VIEWERS
    # 30 sockets at 20 reconnects a second: spread evenly over 1.5 s, one per 50 ms slot.
    assert 0 <= hints[0] < 50 and 1450 <= hints[-1] < 1500
    assert len({hint // 50 for hint in hints}) == VIEWERS


# --- A viewer far behind still gets its hint -------------------------------------------------------

PUBLISHED = 1000  # the published list's cap: each snapshot is then about a megabyte


def publish_long_questions(webinar, author) -> None:
    Question.objects.bulk_create(
        [
            Question(
                webinar=webinar,
                author=author,
                text=f"Question {n} " + "x" * 900,
                language="en",
                status=Question.Status.PUBLISHED,
                client_key=f"long-{n}",
            )
            for n in range(PUBLISHED)
        ]
    )


def masked_text(text: str) -> bytes:
    payload, mask = text.encode(), os.urandom(4)
    return bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def close_frame_in(stream: bytes) -> tuple[int, str] | None:
    """The code and reason of the first close frame in a server's (unmasked) frame stream."""
    pos = 0
    while len(stream) - pos >= 2:
        opcode, length, header = stream[pos] & 0x0F, stream[pos + 1] & 0x7F, 2
        if length == 126:
            length, header = int.from_bytes(stream[pos + 2 : pos + 4], "big"), 4
        elif length == 127:
            length, header = int.from_bytes(stream[pos + 2 : pos + 10], "big"), 10
        payload = stream[pos + header : pos + header + length]
        if opcode == 8:
            return int.from_bytes(payload[:2], "big"), payload[2:].decode()
        pos += header + length
    return None


class LaggingViewer:
    """A viewer whose socket reads nothing for a while: a 4 KiB receive buffer, then requests that
    pile megabytes of snapshots up on the server's side, until the server can write no more to it."""

    def __init__(self, server: Server, slug: str, key: str):
        self.server, self.slug, self.key = server, slug, key

    async def open_and_fall_behind(self, syncs: int) -> None:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.setblocking(False)
        await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", self.server.port))
        self.reader, self.writer = await asyncio.open_connection(sock=sock)
        self.writer.write(
            (
                f"GET /ws/w/{self.slug}/ HTTP/1.1\r\nHost: 127.0.0.1:{self.server.port}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}\r\n"
                f"Origin: {self.server.url}\r\nCookie: sessionid={self.key}\r\n\r\n"
            ).encode()
        )
        await self.reader.readuntil(b"\r\n\r\n")
        seen = b""
        while b'"welcome"' not in seen:  # commands sent before the welcome would be ignored
            seen += await asyncio.wait_for(self.reader.read(4096), 20)
        self.received = bytearray()
        for _ in range(syncs):
            self.writer.write(masked_text('{"type": "sync"}'))
        await self.writer.drain()

    async def read_to_the_end(self) -> bytes:
        while chunk := await asyncio.wait_for(self.reader.read(1 << 16), 30):
            self.received += chunk
        return bytes(self.received)


async def test_a_viewer_far_behind_gets_the_retry_hint_instead_of_its_backlog(server):
    """Its unsent snapshots are dropped (it syncs from its last sequence number when it is back): the
    close frame with its own ``retry_after_ms`` is what it reads next, not Uvicorn's bare 1012."""
    webinar = await database_sync_to_async(make_live_webinar)(
        organiser=await database_sync_to_async(make_user)()
    )
    registrations = [
        await database_sync_to_async(make_registration)(webinar, f"Viewer {n}", f"lag{n}@example.com")
        for n in range(4)
    ]
    await database_sync_to_async(publish_long_questions)(webinar, registrations[0])
    keys = [await database_sync_to_async(attendee_session)(r) for r in registrations]
    reading = [await open_viewer(server, webinar.slug, key) for key in keys[:2]]
    lagging = [LaggingViewer(server, webinar.slug, key) for key in keys[2:]]
    for viewer in lagging:
        await viewer.open_and_fall_behind(syncs=6)  # about 6 MB each: far more than any socket buffer
    await asyncio.sleep(2.0)  # the snapshots are built and the server's writes to them stall

    server.process.terminate()
    streams = await asyncio.gather(*(viewer.read_to_the_end() for viewer in lagging))
    closes = await asyncio.gather(*(close_of(ws) for ws in reading))
    await asyncio.to_thread(server.process.wait, 20)

    for stream in streams:
        assert len(stream) < 4 * 1024 * 1024  # the backlog of megabytes was dropped, not sent
        code, reason = close_frame_in(stream)
        assert code == 1012 and reason.startswith("retry_after_ms=")
    assert [code for code, _reason in closes] == [1012, 1012]
    assert all(reason.startswith("retry_after_ms=") for _code, reason in closes)
