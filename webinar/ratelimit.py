"""Fixed-window rate limits in the cache (Redis in production, so all processes and tabs share a bucket)."""

from __future__ import annotations

import logging
import math
import time

from django.core.cache import cache

from webinar.exceptions import Unavailable

log = logging.getLogger("dewan.ratelimit")


def parse_rate(rate: str) -> tuple[int, int]:
    """'5/60' → (5 hits, 60 seconds)."""
    hits, _, seconds = rate.partition("/")
    return int(hits), int(seconds or 60)


def hit(key: str, *, rate: str, now: float | None = None) -> float | None:
    """Count one hit; return None when allowed, else the seconds to wait."""
    limit, window = parse_rate(rate)
    now = time.time() if now is None else now
    bucket = int(now // window)
    cache_key = f"dewan:rl:{key}:{bucket}"
    try:
        count = _count(cache_key, window)
    except Exception as exc:
        # The cache (Redis) is down: refuse with a retryable error rather than crash the socket
        # or let floods through; the client re-sends the same frame (same client_key) later.
        log.warning("rate limit cache unavailable", exc_info=True)
        raise Unavailable(retry_after=2) from exc
    if count > limit:
        return max(0.1, math.ceil(((bucket + 1) * window - now) * 10) / 10)
    return None


def _count(cache_key: str, window: int) -> int:
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=window + 1)
        return 1
