"""Connect to the live websocket as attendees and hosts, and read what the server says.

Every socket opened through ``Sockets`` is disconnected at teardown (the ``sockets`` fixture),
so the per-loop hub leaves its groups and no test hears another's broadcasts.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass, field

from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from tests.factories import attendee_session, host_session
from webinar.asgi import application

ORIGIN = b"http://testserver"
# The hub tells viewers the live count once a second when it changes; most tests are not about it.
BACKGROUND = frozenset({"presence"})
TIMEOUT = 5
# In the embedded default (and in these in-process tests) Celery is eager, so a host's ``end`` builds the
# report, charts included, before its ack (docs/architecture.md): ~0.5 s of CPU, several seconds on a
# loaded machine.
END_TIMEOUT = 30


def communicator(
    slug: str,
    *,
    session_key: str | None = None,
    mode: str = "attendee",
    origin: bytes | None = ORIGIN,
    key: str | None = None,
) -> WebsocketCommunicator:
    headers = [(b"host", b"testserver")]
    if origin is not None:
        headers.append((b"origin", origin))
    if session_key is not None:
        headers.append((b"cookie", f"sessionid={session_key}".encode()))
    path = f"/ws/w/{slug}/?mode={mode}" + (f"&key={key}" if key else "")
    return WebsocketCommunicator(application, path, headers=headers)


@dataclass
class Live:
    """One open socket with what it was told on the way in."""

    comm: WebsocketCommunicator
    welcome: dict | None = None
    snapshot: dict | None = None
    seen: list[dict] = field(default_factory=list)
    # Messages read past while waiting for a reply; ``receive`` hands them out first, in order.
    stash: list[dict] = field(default_factory=list)

    async def send(self, frame: dict) -> None:
        await self.comm.send_json_to(frame)

    async def send_text(self, text: str) -> None:
        await self.comm.send_to(text_data=text)

    async def receive(self, *, ignore=BACKGROUND, timeout: float = TIMEOUT) -> dict:
        """The next message that is not background noise."""
        while self.stash:
            message = self.stash.pop(0)
            if message.get("type") not in ignore:
                return message
        while True:
            message = await self.comm.receive_json_from(timeout=timeout)
            self.seen.append(message)
            if message.get("type") not in ignore:
                return message

    async def receive_until(self, type: str, *, timeout: float = TIMEOUT, **match) -> dict:
        """Skip messages until one of ``type`` (whose fields equal ``match``) arrives."""

        async def wait():
            while True:
                message = await self.receive(ignore=())
                if message.get("type") == type and all(message.get(k) == v for k, v in match.items()):
                    return message

        return await asyncio.wait_for(wait(), timeout)

    async def request(self, frame: dict) -> dict:
        """Send a command and return its reply: the ``ack`` or ``error`` for it (events are skipped)."""
        await self.send(frame)
        skipped = []
        timeout = END_TIMEOUT if frame.get("type") == "end" else TIMEOUT
        while True:
            message = await self.receive(timeout=timeout)
            if message.get("type") in {"ack", "error"}:
                self.stash[:0] = skipped
                return message
            skipped.append(message)

    async def collect(self, *, timeout: float = 0.3, ignore=BACKGROUND) -> list[dict]:
        """Everything that arrives within ``timeout`` seconds."""
        messages = [m for m in self.stash if m.get("type") not in ignore]
        self.stash.clear()
        while True:
            # receive_nothing waits without consuming; a receive that times out would kill the app.
            if await self.comm.receive_nothing(timeout=timeout):
                return messages
            message = await self.comm.receive_json_from(timeout=TIMEOUT)
            self.seen.append(message)
            if message.get("type") not in ignore:
                messages.append(message)

    async def assert_nothing(self, *, timeout: float = 0.2, ignore=BACKGROUND) -> None:
        unexpected = await self.collect(timeout=timeout, ignore=ignore)
        assert unexpected == [], f"unexpected messages: {unexpected}"

    async def sync(self, **cursors) -> dict:
        """Send ``sync`` and return the ``snapshot`` (or the ``synced`` that ends a replay)."""
        await self.send({"type": "sync", **cursors})
        while True:
            message = await self.receive()
            if message["type"] in {"snapshot", "synced"}:
                return message


class Sockets:
    """Opens sockets for one test and closes them all afterwards."""

    def __init__(self):
        self.opened: list[WebsocketCommunicator] = []

    async def open(self, slug: str, **kwargs) -> tuple[bool, WebsocketCommunicator]:
        comm = communicator(slug, **kwargs)
        self.opened.append(comm)
        connected, _subprotocol = await comm.connect(timeout=TIMEOUT)
        return connected, comm

    async def join(self, webinar, *, session_key: str, mode: str = "attendee", sync: bool = True) -> Live:
        """Connect, read ``welcome`` and (unless ``sync=False``) the first ``snapshot``."""
        connected, comm = await self.open(webinar.slug, session_key=session_key, mode=mode)
        assert connected
        live = Live(comm)
        live.welcome = await live.receive()
        assert live.welcome["type"] == "welcome", live.welcome
        if sync:
            live.snapshot = await live.sync()
            assert live.snapshot["type"] == "snapshot"
        return live

    async def attendee(self, registration, **kwargs) -> Live:
        session_key = await database_sync_to_async(attendee_session)(registration)
        return await self.join(registration.webinar, session_key=session_key, **kwargs)

    async def host(self, webinar, user, **kwargs) -> Live:
        session_key = await database_sync_to_async(host_session)(user)
        return await self.join(webinar, session_key=session_key, mode="host", **kwargs)

    async def close(self) -> None:
        for comm in self.opened:
            # The app may already have ended (refused, or killed by a receive timeout).
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await comm.disconnect()


async def refusal(comm: WebsocketCommunicator) -> tuple[dict, int]:
    """The error frame and close code of a refused connection."""
    error = json.loads((await comm.receive_output(TIMEOUT))["text"])
    closing = await comm.receive_output(TIMEOUT)
    assert closing["type"] == "websocket.close", closing
    return error, closing["code"]


db = database_sync_to_async
