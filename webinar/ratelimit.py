"""Dewan's one rate-limit mechanism: fixed windows counted in the shared cache (Redis in production).

Rate syntax (every ``DEWAN_*_RATE`` setting): ``<hits>/<period>``, where the period is a number of
seconds with an optional unit, ``s`` (default), ``m``, ``h`` or ``d``: ``5/60``, ``10/m``, ``5/15m``,
``3/h`` all parse. The window is fixed (aligned to the period), so a burst can reach twice the rate
across a window edge; that is accepted for simplicity.

Failure policy (docs/reliability.md, "Rate limits when Redis fails"): when the shared cache refuses,
errors or times out, the hit is counted in this process's memory instead, at the same rate, and a
warning is logged. Nothing fails open to unlimited and nothing answers 500; each process then limits
on its own until the cache answers again.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from realtime.redis_health import redis_failed, redis_ok, redis_suspended

log = logging.getLogger("dewan.ratelimit")

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    hits: int
    seconds: int


def parse_rate(rate: str) -> Rate:
    """``'5/60'`` → Rate(5, 60); ``'10/m'`` → Rate(10, 60); ``'5/15m'`` → Rate(5, 900).

    Raises ValueError for anything else (settings are checked at start-up by ``rate_setting_errors``).
    """
    match = _RATE.match(rate or "")
    if not match or not (match.group(2) or match.group(3)):
        raise ValueError(f"bad rate {rate!r}: expected <hits>/<seconds>[s|m|h|d], e.g. 10/m or 5/60")
    hits, number, unit = match.groups()
    seconds = int(float(number or "1") * _UNITS[unit])
    if seconds < 1:
        raise ValueError(f"bad rate {rate!r}: the period must be at least one second")
    return Rate(int(hits), seconds)


def hit(key: str, *, rate: str, now: float | None = None) -> float | None:
    """Count one hit on ``key``; return None when allowed, else the seconds to wait (> 0).

    Args:
        key: what is limited, e.g. ``ask:<registration id>`` or ``signin-ip:<address>``; the
            deployment namespace is added by the cache's key prefix.
        rate: a rate in the syntax above.
    Never raises for a cache failure (see the module's failure policy).
    """
    parsed = parse_rate(rate)
    now = time.time() if now is None else now
    bucket = int(now // parsed.seconds)
    cache_key = f"rl:{key}:{parsed.seconds}:{bucket}"
    if redis_suspended():
        count = _count_local(cache_key, parsed.seconds, now)
    else:
        try:
            count = _count_shared(cache_key, parsed.seconds)
            redis_ok()
        except Exception as exc:
            log.warning("rate-limit cache unavailable, counting in this process", exc_info=True)
            redis_failed("rate limit", exc)
            count = _count_local(cache_key, parsed.seconds, now)
    if count > parsed.hits:
        return max(0.1, math.ceil(((bucket + 1) * parsed.seconds - now) * 10) / 10)
    return None


def hit_all(checks: list[tuple[str, str]], *, now: float | None = None) -> float | None:
    """Count one hit on every (key, rate); return the longest wait among those over their limit."""
    waits = [wait for key, rate in checks if (wait := hit(key, rate=rate, now=now)) is not None]
    return max(waits) if waits else None


def _count_shared(cache_key: str, window: int) -> int:
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=window + 1)
        return 1


_local_lock = threading.Lock()
_local: dict[str, tuple[int, float]] = {}


def _count_local(cache_key: str, window: int, now: float) -> int:
    with _local_lock:
        if len(_local) > 10_000:  # drop expired buckets so an outage cannot grow memory without bound
            for stale in [key for key, (_, expires) in _local.items() if expires <= now]:
                del _local[stale]
        count, expires = _local.get(cache_key, (0, now + window + 1))
        _local[cache_key] = (count + 1, expires)
        return count + 1


def rate_setting_errors() -> list[str]:
    """The ``DEWAN_*_RATE`` settings that do not parse (a system check reports them)."""
    errors = []
    for name in dir(settings):
        if name.startswith("DEWAN_") and name.endswith("_RATE"):
            try:
                parse_rate(getattr(settings, name))
            except ValueError as exc:
                errors.append(f"{name}: {exc}")
    return errors
