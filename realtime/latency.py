"""Server-side command latency, for the benches: from the read that brought a frame to its reply written.

Off unless ``enabled`` (``bench/instrumented_asgi.py`` turns it on; nothing is stamped or kept otherwise).
When on, ``realtime.wsprotocol`` stamps each frame it hands the application with the ``time.monotonic()``
of the socket read that brought it (key ``ARRIVED`` in the ASGI ``websocket.receive`` message), and the
live consumer calls ``record`` once a command with a ``client_key`` has run and its reply was written.
This excludes the client's own scheduling, which on a shared machine moves more than the server does.
"""

from __future__ import annotations

import time
from collections import deque

ARRIVED = "dewan.arrived"  # ASGI message key: time.monotonic() of the read that brought the frame

enabled = False
# (time.time() when the reply was written, seconds from arrival, the command's client_key)
samples: deque[tuple[float, float, str]] = deque(maxlen=200_000)


def record(client_key: str, arrived: float) -> None:
    """One command's reply was written now; it arrived at ``arrived`` (``time.monotonic()``)."""
    samples.append((time.time(), time.monotonic() - arrived, client_key))


def take() -> list[tuple[float, float, str]]:
    """The samples recorded since the last ``take`` (oldest first)."""
    out = list(samples)
    samples.clear()
    return out
