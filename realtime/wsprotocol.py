"""Uvicorn's websocket protocol (``websockets-sansio``) with a short closing handshake.

Served with ``--ws realtime.wsprotocol:WebSocketProtocol`` (the Makefile's ``UVICORN_FLAGS``, the test
and bench servers). Stock Uvicorn, once the application has sent ``websocket.close``, keeps reading and
parsing everything the peer sends for up to 10 seconds while it waits for the peer's close frame, and
ASGI gives the application no way to abort a connection. A flooding client that never reads (issue 12,
bench/abuse.py) therefore kept costing the event loop for 10 s after the app closed it for abuse.

Here, after the application's close (docs/protocol.md, "Budgets and close codes"; docs/reliability.md):

- the peer has ``CLOSE_TIMEOUT`` seconds (``DEWAN_WS_CLOSE_TIMEOUT``, default 3) to answer with its own
  close frame; then the TCP connection is reset (``transport.abort()``: nothing more is written or read).
  Three seconds, not one: a phone on a congested mobile network, or a busy client, can take over a second
  to answer, and a reset loses the close code it was about to read; what a flooding peer costs meanwhile is
  bounded by bytes (below), not by this time;
- at most ``CLOSE_READ_BYTES`` (16 KiB) more bytes are read looking for that close frame; a peer that
  sends more is still flooding and is reset at once; frames already parsed but not yet taken by the
  application are dropped (it has closed: it would only discard them);
- if the peer is not reading at all (the transport's write buffer is over its high-water mark, so even
  the close frame could not reach it), the connection is reset at once instead of waiting for a buffer
  that never drains.

A client that reads its socket sees the close frame and code as before and completes the handshake
within milliseconds; only peers that do not read, or keep writing after the close, are reset.

The one exception is the graceful restart's close (``1012``, ``retry_after_ms=<n>``: docs/protocol.md):
a socket that lags far behind must still get its retry hint, so that close frame is written behind
what the transport already holds even while the transport is paused (it never waits for the peer),
and the peer has ``RESTART_CLOSE_TIMEOUT`` seconds to read up to it. The hub drops its own unsent
backlog for that socket first (realtime/broadcast.py, ``Listener.close_socket``): the client replays
from its last sequence number when it comes back.

Before any of that, two more limits on what one peer costs the event loop:

- **Admission before the upgrade.** ``realtime.httpprotocol`` (``--http realtime.httpprotocol:HttpProtocol``)
  asks the app's gate about every upgrade request before this protocol object exists. Served with
  Uvicorn's own HTTP protocol instead, the same gate is asked here, before the application is called
  (``handle_connect``): a refused request gets HTTP 429 with ``Retry-After`` (or, for a client that
  ignores it, a TCP reset) and no ASGI task, no database.
- **Bounded parsing per loop iteration.** A peer that writes faster than the application takes its frames
  (Uvicorn already stops reading while frames wait) can still hand the server one read of up to 256 KiB,
  thousands of small frames parsed in one callback while every other socket waits. Here a read over
  ``FEED_BYTES`` is kept and parsed ``FEED_BYTES`` at a time, the next slice only once the application has
  taken the frames of the last one (one loop iteration later), with reading paused meanwhile.

Nothing here imports Django: the raw broadcast server of the benches uses it too.
"""

from __future__ import annotations

import os
import time
from typing import Any

from uvicorn._types import ASGIReceiveEvent, ASGISendEvent
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from websockets.http11 import Request

from realtime import httpprotocol, latency

# seconds the peer has to answer our close frame (Uvicorn's own: 10)
CLOSE_TIMEOUT = float(os.environ.get("DEWAN_WS_CLOSE_TIMEOUT") or 3.0)
CLOSE_READ_BYTES = 16 * 1024  # what is read after our close frame while looking for the peer's
FEED_BYTES = 2048  # bytes of one peer's input parsed per loop iteration (a normal frame: 50-500 bytes)
SERVICE_RESTART = 1012  # the graceful restart's close code (realtime.broadcast.CLOSE_SERVICE_RESTART)
RESTART_CLOSE_TIMEOUT = 8.0  # seconds a lagging peer has to read up to a 1012 close frame


class WebSocketProtocol(WebSocketsSansIOProtocol):
    """``WebSocketsSansIOProtocol`` that stops paying for a socket as soon as the application closed it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.close_timeout = CLOSE_TIMEOUT
        self.read_after_close = 0
        self.inbox = bytearray()  # read but not parsed yet (``feed``)
        self.feed_scheduled = False
        self.arrived = 0.0  # loop time of the read that brought the bytes being parsed (``latency``)

    def data_received(self, data: bytes) -> None:
        if latency.enabled and not self.inbox:
            self.arrived = time.monotonic()
        if self.inbox or (self.handshake_initiated and len(data) > FEED_BYTES and not self.close_sent):
            self.inbox += data
            if not self.feed_scheduled:
                self.feed()
            return
        self.parse(data)

    def parse(self, data: bytes) -> None:
        """Uvicorn's ``data_received``, after the checks of a closed socket (module docstring)."""
        if self.close_sent and self.handshake_complete and not self.disconnected:
            self.read_after_close += len(data)
            if self.read_after_close > CLOSE_READ_BYTES:
                self.reset()
                return
        super().data_received(data)

    def feed(self) -> None:
        """Parse the inbox ``FEED_BYTES`` at a time until the application has a frame to take; keep
        reading paused while anything is left (``receive`` feeds the next slice)."""
        self.feed_scheduled = False
        while self.inbox and self.queue.empty() and not self.disconnected:
            data = bytes(self.inbox[:FEED_BYTES])
            del self.inbox[:FEED_BYTES]
            self.parse(data)
            if self.close_sent:  # a parse error or our own close: no more slices
                if self.transport.is_closing():
                    self.inbox.clear()
                else:
                    self.parse_inbox_after_close()
        if self.inbox:
            if not self.read_paused:
                self.read_paused = True
                self.transport.pause_reading()
        elif self.read_paused and self.queue.empty() and not self.disconnected:
            self.read_paused = False
            self.transport.resume_reading()

    async def receive(self) -> ASGIReceiveEvent:
        message = await self.queue.get()
        if not self.queue.empty():
            return message
        if self.inbox:
            if not self.feed_scheduled:  # the next slice one loop iteration later: other sockets first
                self.feed_scheduled = True
                self.loop.call_soon(self.feed)
        elif self.read_paused:
            self.read_paused = False
            self.transport.resume_reading()
        return message

    def send_receive_event_to_app(self) -> None:
        if not latency.enabled or self.close_sent:
            super().send_receive_event_to_app()
            return
        size = self.queue.qsize()
        super().send_receive_event_to_app()
        if self.queue.qsize() > size:
            self.queue._queue[-1][latency.ARRIVED] = self.arrived  # type: ignore[attr-defined]

    def connection_lost(self, exc: Exception | None) -> None:
        self.inbox.clear()
        super().connection_lost(exc)

    def handle_connect(self, event: Request) -> None:
        refusal = self.admission(event)
        if refusal is None:
            super().handle_connect(event)
            return
        self.request = event
        self.handshake_initiated = self.handshake_complete = self.close_sent = True
        httpprotocol.answer(self.transport, refusal)  # written directly: websockets would log each

    def admission(self, event: Request) -> httpprotocol.Refusal | None:
        """The gate's refusal of this upgrade request, unless ``realtime.httpprotocol`` already judged it
        (then it never reached here when refused) or no gate is installed."""
        gate = httpprotocol.gate
        if gate is None or getattr(self.transport.get_protocol(), "upgrade_judged", False):
            return None
        headers = [
            (name.encode("latin-1"), value.encode("latin-1", "replace"))
            for name, value in event.headers.raw_items()
        ]
        scope = httpprotocol.admission_scope(
            self.client, self.root_path, event.path.encode("ascii", "surrogateescape"), headers
        )
        return httpprotocol.ask(gate.refuse, scope)

    async def send(self, message: ASGISendEvent) -> None:
        if (
            message["type"] == "websocket.close"
            and self.handshake_complete
            and self.initial_response is None
            and not self.close_sent
            and not self.disconnected
            and not self.writable.is_set()
        ):
            if message.get("code") == SERVICE_RESTART:
                self.close_behind_buffer(SERVICE_RESTART, message.get("reason", "") or "")
                return
            # The peer is not reading: our close frame would wait behind data it never takes.
            self.queue.put_nowait(
                {
                    "type": "websocket.disconnect",
                    "code": message.get("code", 1000),
                    "reason": message.get("reason", "") or "",
                }
            )
            self.close_sent = True
            self.reset()
            return
        timer = self.close_timer
        await super().send(message)
        if message["type"] == "websocket.close" and self.close_sent:
            self.drop_unread_frames()
            self.parse_inbox_after_close()
        if self.close_timer is not None and self.close_timer is not timer:
            # Our close frame is out and Uvicorn armed its timer: on timeout reset, rather than close
            # (a graceful close would wait for a write buffer the peer never drains).
            self.close_timer.cancel()
            self.close_timer = self.loop.call_later(self.close_timeout, self.reset)

    def close_behind_buffer(self, code: int, reason: str) -> None:
        """Write our close frame behind what the paused transport holds, without waiting for the peer.

        The peer reads it after the bytes already written (at most the transport's high-water mark
        plus the kernel's buffers); it has ``RESTART_CLOSE_TIMEOUT`` seconds, then the connection is
        reset. A server shutting down closes the transport itself (flushing it) before that.
        """
        self.queue.put_nowait({"type": "websocket.disconnect", "code": code, "reason": reason})
        self.conn.send_close(code, reason)
        self.transport.write(b"".join(self.conn.data_to_send()))
        self.close_sent = True
        self.drop_unread_frames()
        self.parse_inbox_after_close()
        if self.read_paused:
            self.read_paused = False
            self.transport.resume_reading()
        self.close_timer = self.loop.call_later(RESTART_CLOSE_TIMEOUT, self.reset)

    def parse_inbox_after_close(self) -> None:
        """Parse at once what the peer sent before it saw our close (``parse`` counts it against
        ``CLOSE_READ_BYTES``; the frames are discarded). Dropped unparsed, the part of a frame cut by a
        slice left the parser misaligned: the next bytes read as an invalid opcode, and the parse error
        closed the connection with input unread, a TCP reset that lost our close frame and the replies
        before it at the peer (tests/abuse/test_flood_close.py)."""
        if self.inbox and not self.disconnected:
            data = bytes(self.inbox)
            self.inbox.clear()
            self.parse(data)
        else:
            self.inbox.clear()

    def drop_unread_frames(self) -> None:
        """Frames parsed but not yet taken by the application are dropped once it has closed: it would
        discard each of them anyway, one ``receive`` at a time, before it saw the disconnect."""
        kept = [m for m in self.queue._queue if m["type"] != "websocket.receive"]  # type: ignore[attr-defined]
        if len(kept) != self.queue.qsize():
            while not self.queue.empty():
                self.queue.get_nowait()
            for event in kept:
                self.queue.put_nowait(event)

    def reset(self) -> None:
        """Drop the connection now: unsent output is discarded and the peer gets a TCP reset."""
        if self.close_timer is not None:
            self.close_timer.cancel()
            self.close_timer = None
        self.transport.abort()
