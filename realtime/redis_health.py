"""A process-wide circuit breaker for Redis: after a Redis call fails or times out, calls that can do
without Redis (rate limits, the snapshot cache, cross-process broadcast) skip it for
``DEWAN_REDIS_RETRY_SECONDS`` instead of each waiting out its own timeout. A hung Redis (SIGSTOP, a
full network buffer) then costs one timeout, not one per call, and commands answer within seconds
(docs/reliability.md, "Redis hung"). Meanwhile a background thread of the process tries Redis every
``PROBE_SECONDS`` (half-open): its first success ends the pause, so a Redis that came back is used again
within half a second. No caller ever pays a probe's timeout: when callers took turns probing, one `ask`
whose steps each fell on a new turn (rate limit, broadcast, snapshot cache) waited out up to four timeouts
(8 s) under load.

The rule (docs/reliability.md, "Redis hung"): while Redis is hung, no command or request waits on more
than one Redis timeout in total, the one that trips the breaker, whatever other sockets are doing. So
every Redis call made on a command or request path consults the breaker first (``redis_suspended``, or
``redis_guarded`` / ``redis_guarded_async``) and reports its outcome (``redis_failed`` / ``redis_ok``):
the rate limits, the snapshot and hub-page caches, broadcasts, presence (realtime/presence.py), the hub
counters and Celery's publishing (webinar/celery.py, whose own retries stop at a timeout). This matters
beyond the one command: the services of every socket and the sync views of the process run on one
shared thread (``database_sync_to_async``, Django's ``sync_to_async``), so one call waiting on Redis there
delays all of them, and unguarded calls would add their timeouts up across sockets.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from django.conf import settings

log = logging.getLogger("dewan.redis")

T = TypeVar("T")

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
    """A call to Redis that timed out (a hung server), as opposed to one that was refused; also when a
    library wrapped the timeout in its own error (kombu's ``OperationalError`` from a Celery publish)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, TimeoutError) or (
            type(current).__name__ == "TimeoutError" and type(current).__module__.split(".")[0] == "redis"
        ):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


class RedisSuspended(ConnectionError):
    """Raised by ``redis_guarded`` instead of calling Redis while it is presumed down (no wait at all).

    A ``ConnectionError``, so callers that already treat an unreachable Redis as a miss, a skipped
    write or a fallback (Celery's callers: the outbox sweep, the in-process second-stage check) treat
    this the same way.
    """

    def __init__(self, what: str):
        super().__init__(f"{what} skipped: Redis presumed down")


def redis_guarded(what: str, call: Callable[[], T]) -> T:
    """``call()`` (one or more Redis round trips for ``what``) unless Redis is presumed down.

    Raises ``RedisSuspended`` at once while it is; otherwise what ``call`` returns or raises, after
    recording the outcome (a timeout starts the pause, a success ends one).
    """
    if redis_suspended():
        raise RedisSuspended(what)
    try:
        result = call()
    except Exception as exc:
        redis_failed(what, exc)
        raise
    redis_ok()
    return result


async def redis_guarded_async(what: str, call: Callable[[], Awaitable[T]]) -> T:
    """``await call()`` under the same rule as ``redis_guarded`` (for redis.asyncio clients)."""
    if redis_suspended():
        raise RedisSuspended(what)
    try:
        result = await call()
    except Exception as exc:
        redis_failed(what, exc)
        raise
    redis_ok()
    return result


def cache_call(what: str, method: str, *args, **kwargs):
    """``cache.<method>(*args, **kwargs)`` on the shared cache, for a cache that is an optimisation:
    while Redis is presumed down, or when the call fails, None (a miss; a write or delete skipped), at
    once or after the one timeout that starts the pause. ``what`` names the cache in the log."""
    from django.core.cache import cache

    if redis_suspended():
        return None
    try:
        result = getattr(cache, method)(*args, **kwargs)
    except Exception as exc:
        redis_failed(what, exc)
        return None
    redis_ok()
    return result
