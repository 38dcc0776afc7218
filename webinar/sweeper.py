"""A periodic sweep on a daemon thread of a server process, for the embedded default.

With a broker, Celery beat runs Dewan's sweeps (the ``checking`` questions, the outbox). The embedded
default has no beat (tasks run eagerly in the process), so each server process sweeps itself: once at
start-up (for what a process that died left behind) and then every ``interval`` seconds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.db import close_old_connections

log = logging.getLogger("dewan.sweeper")


class Sweeper:
    """``sweep()`` now and every ``interval()`` seconds on one daemon thread named ``name``."""

    def __init__(self, name: str, sweep: Callable[[], object], interval: Callable[[], float]):
        self.name, self._sweep, self._interval = name, sweep, interval
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def start(self) -> bool:
        """Start the thread in the embedded default (tasks eager) when the interval is above 0 and it is
        not already running. Returns whether it started; with a broker, beat sweeps instead."""
        from webinar.celery import app

        interval = float(self._interval())
        running = self._thread is not None and self._thread.is_alive()
        if not app.conf.task_always_eager or interval <= 0 or running:
            return False
        self._stop.clear()
        self._thread = threading.Thread(target=self._every, args=(interval,), name=self.name, daemon=True)
        self._thread.start()
        return True

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the thread (tests) and wait up to ``timeout`` seconds for it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _every(self, interval: float) -> None:
        while True:
            try:
                self._sweep()
            except Exception as exc:  # the database may be away (or not migrated yet); the next round retries
                log.warning(
                    "%s failed (%s: %s); next in %.0f s", self.name, type(exc).__name__, exc, interval
                )
            finally:
                close_old_connections()
            if self._stop.wait(interval):
                return
