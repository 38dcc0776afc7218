"""Uvicorn's websocket protocol (``websockets-sansio``) with a short closing handshake.

Served with ``--ws realtime.wsprotocol:WebSocketProtocol`` (the Makefile's ``UVICORN_FLAGS``, the test
and bench servers). Stock Uvicorn, once the application has sent ``websocket.close``, keeps reading and
parsing everything the peer sends for up to 10 seconds while it waits for the peer's close frame, and
ASGI gives the application no way to abort a connection. A flooding client that never reads (issue 12,
bench/abuse.py) therefore kept costing the event loop for 10 s after the app closed it for abuse.

Here, after the application's close (docs/protocol.md, "Budgets and close codes"; docs/reliability.md):

- the peer has ``CLOSE_TIMEOUT`` seconds to answer with its own close frame; then the TCP connection is
  reset (``transport.abort()``: nothing more is written or read);
- at most ``CLOSE_READ_BYTES`` (16 KiB) more bytes are read looking for that close frame; a peer that
  sends more is still flooding and is reset at once; frames already parsed but not yet taken by the
  application are dropped (it has closed: it would only discard them);
- if the peer is not reading at all (the transport's write buffer is over its high-water mark, so even
  the close frame could not reach it), the connection is reset at once instead of waiting for a buffer
  that never drains.

A client that reads its socket sees the close frame and code as before and completes the handshake
within milliseconds; only peers that do not read, or keep writing after the close, are reset.
Nothing here imports Django: the raw broadcast server of the benches uses it too.
"""

from __future__ import annotations

from typing import Any

from uvicorn._types import ASGISendEvent
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

CLOSE_TIMEOUT = 1.0  # seconds the peer has to answer our close frame (Uvicorn's own: 10)
CLOSE_READ_BYTES = 16 * 1024  # what is read after our close frame while looking for the peer's


class WebSocketProtocol(WebSocketsSansIOProtocol):
    """``WebSocketsSansIOProtocol`` that stops paying for a socket as soon as the application closed it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.close_timeout = CLOSE_TIMEOUT
        self.read_after_close = 0

    def data_received(self, data: bytes) -> None:
        if self.close_sent and self.handshake_complete and not self.disconnected:
            self.read_after_close += len(data)
            if self.read_after_close > CLOSE_READ_BYTES:
                self.reset()
                return
        super().data_received(data)

    async def send(self, message: ASGISendEvent) -> None:
        if (
            message["type"] == "websocket.close"
            and self.handshake_complete
            and self.initial_response is None
            and not self.close_sent
            and not self.disconnected
            and not self.writable.is_set()
        ):
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
        if self.close_timer is not None and self.close_timer is not timer:
            # Our close frame is out and Uvicorn armed its timer: on timeout reset, rather than close
            # (a graceful close would wait for a write buffer the peer never drains).
            self.close_timer.cancel()
            self.close_timer = self.loop.call_later(self.close_timeout, self.reset)

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
