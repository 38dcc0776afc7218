"""A process-wide circuit breaker for Redis: after a Redis call fails or times out, calls that can do
without Redis (rate limits, the snapshot cache, cross-process broadcast) skip it for
``DEWAN_REDIS_RETRY_SECONDS`` instead of each waiting out its own timeout. A hung Redis (SIGSTOP, a
full network buffer) then costs one timeout, not one per call, and commands answer within seconds
(docs/reliability.md, "Redis hung"). Meanwhile one caller per ``PROBE_SECONDS`` tries Redis anyway
(half-open): the first success ends the pause, so a Redis that came back is used again at once.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings

log = logging.getLogger("dewan.redis")

PROBE_SECONDS = 1.0
_down_until = 0.0
_next_probe = 0.0


def redis_suspended() -> bool:
    """True while Redis is presumed down (a call failed less than DEWAN_REDIS_RETRY_SECONDS ago),
    except for one caller per PROBE_SECONDS, who is told to try (and reports with redis_ok/redis_failed)."""
    global _next_probe
    now = time.monotonic()
    if now >= _down_until:
        return False
    if now >= _next_probe:
        _next_probe = now + PROBE_SECONDS
        return False
    return True


def redis_failed(what: str, exc: BaseException) -> None:
    """Record that a Redis call for ``what`` timed out: skip Redis for a while.

    Only timeouts count: a refused connection fails at once, so waiting it out costs nothing, and
    each caller's own failure policy applies as usual.
    """
    global _down_until, _next_probe
    if not is_redis_timeout(exc):
        return
    now = time.monotonic()
    if now >= _down_until:
        log.warning("Redis failed (%s): skipping it for %s s", what, settings.DEWAN_REDIS_RETRY_SECONDS)
    _down_until = now + settings.DEWAN_REDIS_RETRY_SECONDS
    _next_probe = now + PROBE_SECONDS


def redis_ok() -> None:
    """A Redis call succeeded: end a pause at once."""
    global _down_until
    if _down_until:
        _down_until = 0.0


def is_redis_timeout(exc: BaseException) -> bool:
    """A call to Redis that timed out (a hung server), as opposed to one that was refused."""
    return isinstance(exc, TimeoutError) or (
        type(exc).__name__ == "TimeoutError" and type(exc).__module__.split(".")[0] == "redis"
    )
