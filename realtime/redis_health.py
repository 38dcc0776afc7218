"""A process-wide circuit breaker for Redis: after a Redis call fails or times out, calls that can do
without Redis (rate limits, the snapshot cache, cross-process broadcast) skip it for
``DEWAN_REDIS_RETRY_SECONDS`` instead of each waiting out its own timeout. A hung Redis (SIGSTOP, a
full network buffer) then costs one timeout, not one per call, and commands answer within seconds
(docs/reliability.md, "Redis hung"). Meanwhile a background thread of the process tries Redis every
``PROBE_SECONDS`` (half-open): its first success ends the pause, so a Redis that came back is used again
within half a second. No caller ever pays a probe's timeout: when callers took turns probing, one `ask`
whose steps each fell on a new turn (rate limit, broadcast, snapshot cache) waited out up to four timeouts
(8 s) under load.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings

log = logging.getLogger("dewan.redis")

PROBE_SECONDS = 0.5
_down_until = 0.0
_probing = False
_probe_lock = threading.Lock()


def redis_suspended() -> bool:
    """True while Redis is presumed down (a call timed out less than DEWAN_REDIS_RETRY_SECONDS ago, and
    no probe has succeeded since). While it is, a background probe runs (one per process)."""
    if time.monotonic() >= _down_until:
        return False
    _probe_start()
    return True


def _probe_start() -> None:
    global _probing
    with _probe_lock:
        if _probing:
            return
        _probing = True
    threading.Thread(target=_probe_loop, name="dewan-redis-probe", daemon=True).start()


def _probe_loop() -> None:
    """Every PROBE_SECONDS while the pause lasts: one Redis round trip (``_ping``). A success ends the
    pause (``redis_ok``); a timeout extends it (``redis_failed``); a refused connection lets it run out,
    after which callers try Redis themselves (a refusal costs them nothing)."""
    global _probing
    try:
        while time.monotonic() < _down_until:
            time.sleep(PROBE_SECONDS)
            try:
                _ping()
            except Exception as exc:
                redis_failed("probe", exc)
            else:
                redis_ok()
    finally:
        with _probe_lock:
            _probing = False


def _ping() -> None:
    """One round trip to the Redis behind the shared cache, bounded by DEWAN_REDIS_TIMEOUT_SECONDS."""
    from django.core.cache import cache

    cache.get("dewan-redis-probe")


def redis_failed(what: str, exc: BaseException) -> None:
    """Record that a Redis call for ``what`` timed out: skip Redis for a while.

    Only timeouts count: a refused connection fails at once, so waiting it out costs nothing, and
    each caller's own failure policy applies as usual.
    """
    global _down_until
    if not is_redis_timeout(exc):
        return
    now = time.monotonic()
    if now >= _down_until:
        log.warning("Redis failed (%s): skipping it for %s s", what, settings.DEWAN_REDIS_RETRY_SECONDS)
    _down_until = now + settings.DEWAN_REDIS_RETRY_SECONDS


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
