"""Uvicorn's httptools HTTP protocol that refuses an unwanted websocket upgrade before it costs anything.

Served with ``--http realtime.httpprotocol:HttpProtocol`` (the Makefile's ``UVICORN_FLAGS``, the test and
bench servers, deploy/). A handshake refused by the process's budgets (issue 12, docs/protocol.md
"Connecting") used to cost about 3 ms of CPU: Uvicorn's parse, building websockets' protocol object,
websockets parsing the request again, then the check. Here the ``gate`` (installed by the app:
``realtime.budget.ProcessBudgets``) is asked first, at two points:

- **the first bytes of a connection**: when they start ``GET /ws/`` (a websocket path) the gate judges the
  TCP peer's address alone (``Gate.refuse_early``: its open sockets and connect rate), before httptools
  parses anything; a peer that is a trusted proxy is judged at the next point instead, since its client
  is in ``X-Forwarded-For``;
- **the parsed upgrade request**, before the websocket protocol object exists (``Gate.refuse``: the
  address again, then the session's registration or account from ``ADMISSION_HEADERS``).

A refused request is answered ``429 Too Many Requests`` with ``Retry-After`` and the connection is closed
(``answer``). A client that keeps coming back before the ``Retry-After`` it was told has passed is
answered with nothing: the TCP connection is reset without a response (``Refusal.silent``; the gate
decides when: ``DEWAN_WS_SILENCE_AFTER``, realtime/budget.py). Plain HTTP requests are never judged here.

``realtime.wsprotocol`` asks the same gate when the server runs with Uvicorn's own HTTP protocol (then
only the websocket protocol object and websockets' parse are paid), and skips it when this class has
already judged the request (``upgrade_judged``).

Nothing here imports Django: the raw broadcast server of the benches uses the websocket protocol too.
"""

from __future__ import annotations

import logging
import math
from typing import Any, NamedTuple, Protocol
from urllib.parse import unquote

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger("dewan.realtime")

WS_REQUEST_PREFIX = b"GET /ws/"  # realtime/routing.py: every websocket path starts /ws/
# Request headers the gate may read (the session cookie, the client address behind a proxy).
ADMISSION_HEADERS = frozenset({b"cookie", b"x-forwarded-for"})
MAX_RETRY_AFTER = 86400  # seconds: a bucket that never refills is told a day


class Refusal(NamedTuple):
    """The gate's answer to a request it refuses."""

    wait: float  # seconds until a connect could be admitted: the ``Retry-After``
    silent: bool  # no answer at all: the TCP connection is reset (the client ignores ``Retry-After``)


class Gate(Protocol):
    def refuse_early(self, peer: str) -> Refusal | None:
        """A refusal judged on the TCP peer's address alone, or None (admitted so far, or a proxy)."""

    def refuse(self, scope: dict) -> Refusal | None:
        """A refusal judged on an ASGI-like scope (``client``, ``path``, ``query_string`` and the
        ``ADMISSION_HEADERS``), or None to let the application decide."""


gate: Gate | None = None


def install_gate(new: Gate | None) -> None:
    """Set the gate every websocket upgrade request passes (see ``gate``); None lets every one through."""
    global gate
    gate = new


def retry_after_seconds(wait: float) -> int:
    """The ``Retry-After`` told for a wait of ``wait`` seconds: whole seconds, at least 1, at most a day."""
    return max(1, math.ceil(min(wait, MAX_RETRY_AFTER)))


def too_many_connections(wait: float) -> bytes:
    """The HTTP 429 answer to an upgrade request that must wait ``wait`` seconds (docs/protocol.md)."""
    seconds = retry_after_seconds(wait)
    unit = "second" if seconds == 1 else "seconds"
    body = f"Too many connections. Retry after {seconds} {unit}.\n".encode()
    return (
        f"HTTP/1.1 429 Too Many Requests\r\nRetry-After: {seconds}\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body


def answer(transport: Any, refusal: Refusal) -> None:
    """Refuse on ``transport``: HTTP 429 then close, or (silent) a TCP reset with nothing written."""
    if refusal.silent:
        transport.abort()
        return
    transport.write(too_many_connections(refusal.wait))
    transport.close()


def ask(check, *args) -> Refusal | None:
    """The gate's ``check(*args)``; None when it fails (a broken gate must not refuse everybody: the
    application still applies every limit after the upgrade)."""
    try:
        return check(*args)
    except Exception:
        log.exception("admission check failed")
        return None


def admission_scope(client: Any, root_path: str, target: bytes, headers) -> dict:
    """The scope the gate reads, from a request target (``/ws/w/x/?mode=host``) and ``(name, value)``
    header pairs (names in any case): the same ``path`` and ``query_string`` as the application's."""
    raw_path, _, query_string = target.partition(b"?")
    return {
        "client": client,
        "path": root_path + unquote(raw_path.decode("latin-1")),
        "query_string": query_string,
        "headers": [(name.lower(), value) for name, value in headers if name.lower() in ADMISSION_HEADERS],
    }


class HttpProtocol(HttpToolsProtocol):
    """``HttpToolsProtocol`` that asks the ``gate`` about websocket upgrades before building anything."""

    upgrade_judged = False  # the gate has judged this connection's upgrade request (realtime.wsprotocol)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.first_bytes = True

    def data_received(self, data: bytes) -> None:
        if self.first_bytes:
            self.first_bytes = False
            if gate is not None and self.client and data.startswith(WS_REQUEST_PREFIX):
                refusal = ask(gate.refuse_early, self.client[0])
                if refusal is not None:
                    self.refuse(refusal)
                    return
        super().data_received(data)

    def handle_websocket_upgrade(self) -> None:
        if gate is not None:
            scope = admission_scope(self.client, self.root_path, self.url, self.headers)
            refusal = ask(gate.refuse, scope)
            if refusal is not None:
                self.refuse(refusal)
                return
            self.upgrade_judged = True
        super().handle_websocket_upgrade()

    def refuse(self, refusal: Refusal) -> None:
        self.connections.discard(self)
        answer(self.transport, refusal)
