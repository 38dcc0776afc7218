"""A real server process told to stop (SIGTERM, as in a deploy) closes its sockets with 1012 and a
spread-out retry hint, so its viewers come back over a window instead of all at once (docs/protocol.md)."""

from __future__ import annotations

import asyncio
import json

import pytest
import websockets
from channels.db import database_sync_to_async

from tests.factories import attendee_session, make_live_webinar, make_registration, make_user
from tests.servers import Server, free_port, server_env, shared_database_url

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
