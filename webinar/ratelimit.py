"""Fixed-window rate limits in the cache (Redis in production, so all processes and tabs share a bucket)."""

from __future__ import annotations

import math
import time

from django.core.cache import cache


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
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=window + 1)
        count = 1
    if count > limit:
        return max(0.1, math.ceil(((bucket + 1) * window - now) * 10) / 10)
    return None
