"""Admission control for the live socket's connect: a reconnect storm cannot take a process down.

When a server process dies, its viewers all come back at once, to the processes left. Each returning
handshake costs the survivor an upgrade, a database read on the connect pool, a welcome and a replay,
on the same event loop that delivers its own viewers' events. Accepting them all at once queued
hundreds of connects in the process: its own viewers' p99 rose 4-7x and, on a loaded machine, a third
of the returning viewers were not back within two minutes (docs/scaling.md, *Restarts and reconnect
storms*).

So a process serves at most ``DEWAN_ADMISSION_MAX_CONNECTING`` connects at once (admitted and not yet
caught up: the first ``sync`` not yet answered, at most ``FIRST_SYNC_SECONDS`` after the welcome), and
none while more than ``DEWAN_ADMISSION_MAX_QUEUED_READS`` reads wait for a connect-pool thread
(``realtime.consumers.ReadPool``: connect reads, replays, access re-checks). Above either bound a
connect is refused before anything is read for it: the socket is accepted only to say ``unavailable``
and is closed with **1013** (try again later) and the reason ``retry_after_ms=<n>``, the graceful
restart's hint (docs/protocol.md). Sockets already open are never touched.

The hints are reservations: the refused clients are given slots one after another at the rate the
process is getting connects through (Little's law: the bound over the time an admitted connect takes,
measured, or the wait of the oldest connect still in flight when that is longer), starting once the
connects in flight have had that time, each at a random point within its slot; so the refused come
back spread out at about the rate they can be taken, not all at once again.
No hint is longer than ``DEWAN_ADMISSION_RETRY_MAX_SECONDS``: past that, hints are spread at random over
the second half of that window. A client refused again is simply given a new slot.

One ``Admission`` per event loop (``admission()``: a server process has one), used only from its thread.
"""

from __future__ import annotations

import asyncio
import random
import time
import weakref
from collections.abc import Callable, Hashable

from django.conf import settings

CLOSE_TRY_AGAIN_LATER = 1013  # RFC 6455 registry: "Try Again Later"
RETRY_REASON = "retry_after_ms={}"  # as the graceful restart's 1012 (realtime.broadcast.RETRY_REASON)

# What one connect is assumed to take before any has been measured (seconds), and how much each new
# measurement moves the average (an exponentially weighted mean).
FIRST_CONNECT_SECONDS = 0.05
WEIGHT = 0.1
# An admitted connect counts until its first ``sync`` is answered; one that sends none within this many
# seconds of its welcome stops counting then (it cannot hold a slot of the bound by never asking).
FIRST_SYNC_SECONDS = 5.0


class Admission:
    """The bound on connects served at once, and the spread of the refused ones' retry hints."""

    def __init__(
        self,
        *,
        max_connecting: int,
        max_queued_reads: int,
        retry_max_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.max_connecting = max_connecting
        self.max_queued_reads = max_queued_reads
        self.retry_max_seconds = retry_max_seconds
        self.clock = clock
        self.admitted = 0
        self.refused = 0
        self.connect_seconds = FIRST_CONNECT_SECONDS  # average time from admission to caught up
        self._flight: dict[Hashable, float] = {}  # admitted connects in flight: when each was admitted
        self._next_slot = 0.0  # clock time at which the next refused client's slot begins

    @property
    def connecting(self) -> int:
        """Admitted connects not yet caught up, refused or gone."""
        return len(self._flight)

    def admit(self, key: Hashable, queued_reads: int) -> int | None:
        """None when the connect ``key`` may go on (then ``done(key)`` once it ends), else the refused
        client's retry hint in milliseconds.

        ``queued_reads``: reads waiting for a connect-pool thread right now.
        """
        if len(self._flight) < self.max_connecting and queued_reads < self.max_queued_reads:
            self._flight[key] = self.clock()
            self.admitted += 1
            return None
        self.refused += 1
        return self.hint()

    def done(self, key: Hashable, *, measured: bool) -> None:
        """The admitted connect ``key`` is served (caught up) or ended; ``measured``: it was caught up,
        so its time measures how long a connect takes here."""
        started = self._flight.pop(key, None)
        if started is not None and measured:
            self.connect_seconds += WEIGHT * (self.clock() - started - self.connect_seconds)

    def expected_seconds(self) -> float:
        """How long a connect takes here now: the measured average, or, when the connects still in
        flight have already waited longer (a burst before any of it was welcomed), the oldest's wait."""
        oldest = next(iter(self._flight.values()), None)
        return self.connect_seconds if oldest is None else max(self.connect_seconds, self.clock() - oldest)

    def hint(self) -> int:
        """The next refused client's retry delay (ms): its own slot, at the rate connects get through."""
        now = self.clock()
        longest = self.retry_max_seconds
        seconds = self.expected_seconds()
        interval = seconds / max(1, self.max_connecting)
        start = max(now + seconds, self._next_slot)
        # Jitter, not a secret: S311 does not apply.
        if start + interval - now > longest:  # every slot in the window is taken: its second half, at random
            return int(1000 * longest * (0.5 + random.random() / 2))  # noqa: S311  # nosec B311
        self._next_slot = start + interval
        return int(1000 * (start - now + interval * random.random()))  # noqa: S311  # nosec B311


_admissions: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Admission] = weakref.WeakKeyDictionary()


def admission() -> Admission:
    """The running event loop's admission control (the process's), made from the settings on first use.

    Per loop, as the hub is: a test's loop starts with nothing in flight, whatever an earlier one left.
    """
    loop = asyncio.get_running_loop()
    made = _admissions.get(loop)
    if made is None:
        made = _admissions[loop] = Admission(
            max_connecting=settings.DEWAN_ADMISSION_MAX_CONNECTING,
            max_queued_reads=settings.DEWAN_ADMISSION_MAX_QUEUED_READS,
            retry_max_seconds=settings.DEWAN_ADMISSION_RETRY_MAX_SECONDS,
        )
    return made
