"""A protocol client for real servers, following static/dewan/live-client.js (docs/protocol.md).

It keeps the public/staff cursors, applies sequenced events once and in order, asks for a replay on
a gap, and keeps every ``ask``/``vote`` frame until its ack, so it can re-send it unchanged with the
same ``client_key`` after a reconnect. Tests inspect ``applied`` to see what reached the viewer.
"""

from __future__ import annotations

import asyncio
import contextlib
import json

import websockets

TIMEOUT = 10


class ProtocolClient:
    def __init__(self, *, ws_url: str, origin: str, slug: str, session_key: str, mode: str = "attendee"):
        self.url = f"{ws_url}/ws/w/{slug}/?mode={mode}"
        self.headers = {"Origin": origin, "Cookie": f"sessionid={session_key}"}
        self.staff = mode == "host"
        self.seq: int | None = None
        self.staff_seq: int | None = None
        self.connection = None
        self.applied: list[dict] = []  # sequenced events applied, in order
        self.pending: dict[str, dict] = {}  # client_key -> frame, until ack or a final error
        self.replies: dict[str, dict] = {}  # client_key -> last ack/error
        self.inbox: asyncio.Queue[dict] = asyncio.Queue()
        self.errors: list[dict] = []
        self._reader: asyncio.Task | None = None
        self._synced = asyncio.Event()
        self._news = asyncio.Event()  # set after each message: waiters re-check what they wait for

    # --- connection ------------------------------------------------------------------------------

    async def connect(self) -> dict:
        """Open the socket, read ``welcome``, sync with the cursors and re-send unacknowledged frames."""
        self.connection = await websockets.connect(
            self.url, additional_headers=self.headers, open_timeout=TIMEOUT, max_size=2**22
        )
        welcome = json.loads(await asyncio.wait_for(self.connection.recv(), TIMEOUT))
        if welcome.get("type") != "welcome":
            await self.close()
            raise ConnectionError(f"refused: {welcome}")
        self._reader = asyncio.get_running_loop().create_task(self._read())
        await self.sync()
        for frame in list(self.pending.values()):
            await self.send(frame)
        return welcome

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(BaseException):
                await self._reader
            self._reader = None
        if self.connection is not None:
            with contextlib.suppress(Exception):
                await self.connection.close()
            self.connection = None

    @property
    def open(self) -> bool:
        return self._reader is not None and not self._reader.done()

    async def sync(self) -> None:
        self._synced.clear()
        await self.send(
            {"type": "sync", "since": self.seq, "staff_since": self.staff_seq if self.staff else None}
        )
        await asyncio.wait_for(self._synced.wait(), TIMEOUT)

    async def send(self, frame: dict) -> None:
        await self.connection.send(json.dumps(frame))

    # --- commands --------------------------------------------------------------------------------

    async def command(self, frame: dict) -> None:
        """Send a keyed command and remember it until it is acknowledged."""
        self.pending[frame["client_key"]] = frame
        with contextlib.suppress(Exception):  # a dead socket: re-sent after the reconnect
            await self.send(frame)

    async def reply(self, client_key: str, *, timeout: float = TIMEOUT) -> dict:
        return await self._first(lambda: self.replies.get(client_key), timeout)

    async def until(self, predicate, *, timeout: float = TIMEOUT) -> dict:
        """The first applied event (from now on or already applied) that matches ``predicate``."""
        checked = 0

        def found() -> dict | None:
            nonlocal checked
            for event in self.applied[checked:]:
                checked += 1
                if predicate(event):
                    return event
            return None

        return await self._first(found, timeout)

    async def _first(self, found, timeout: float) -> dict:
        """``found()`` re-checked after each received message until it returns something."""

        async def wait():
            while (result := found()) is None:
                self._news.clear()
                await self._news.wait()
            return result

        return await asyncio.wait_for(wait(), timeout)

    # --- reading ---------------------------------------------------------------------------------

    async def _read(self) -> None:
        async for raw in self.connection:
            self._receive(json.loads(raw))

    def _receive(self, message: dict) -> None:
        kind = message.get("type")
        if kind == "snapshot":
            self.seq, self.staff_seq = message["seq"], message.get("staff_seq")
            self._synced.set()
        elif kind == "synced":
            self.seq = message["seq"]
            if message.get("staff_seq") is not None:
                self.staff_seq = message["staff_seq"]
            self._synced.set()
        elif kind == "resync":
            asyncio.get_running_loop().create_task(self.send(self._sync_frame()))
        elif kind in {"ack", "error"}:
            key = message.get("client_key")
            if kind == "error":
                self.errors.append(message)
            if key:
                self.replies[key] = message
                if kind == "ack" or message.get("code") != "unavailable":
                    self.pending.pop(key, None)
        elif isinstance(message.get("seq"), int) and message.get("stream"):
            self._apply(message)
        self.inbox.put_nowait(message)
        self._news.set()

    def _sync_frame(self) -> dict:
        return {"type": "sync", "since": self.seq, "staff_since": self.staff_seq if self.staff else None}

    def _apply(self, event: dict) -> None:
        attr = "seq" if event["stream"] == "public" else "staff_seq"
        cursor = getattr(self, attr)
        if cursor is None or event["seq"] <= cursor:
            return  # before the first sync reply, or a duplicate
        if event["seq"] > cursor + 1:
            asyncio.get_running_loop().create_task(self.send(self._sync_frame()))
            return
        setattr(self, attr, event["seq"])
        self.applied.append(event)
