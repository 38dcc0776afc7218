"""Fixtures for presence and attendance: a clock tests move by hand, and stores that read it."""

from __future__ import annotations

import os
import uuid

import pytest

from realtime import presence

START = 1_800_000_000.0


class FakeClock:
    def __init__(self, now: float = START):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


def redis_store(clock, **kwargs) -> presence.RedisPresenceStore:
    return presence.RedisPresenceStore(clock=clock, url=os.environ["REDIS_URL"], detail_cache_ms=0, **kwargs)


@pytest.fixture(
    params=[
        "memory",
        pytest.param("redis", marks=pytest.mark.needs_redis),
    ]
)
def store(request, clock):
    if request.param == "memory":
        return presence.MemoryPresenceStore(ttl=30, clock=clock)
    return redis_store(clock, ttl=30)


@pytest.fixture
def webinar_key():
    """A webinar id no other test (or developer sharing the Redis database) uses."""
    return 10**9 + uuid.uuid4().int % 10**9


@pytest.fixture
def consumer_store(monkeypatch, clock, settings):
    """The store the consumers use, on the fake clock; no in-process sampling unless a test asks."""
    settings.DEWAN_ATTENDANCE_SAMPLE_SECONDS = 3600
    chosen = redis_store(clock) if os.environ.get("REDIS_URL") else presence.MemoryPresenceStore(clock=clock)
    monkeypatch.setattr(presence, "get_presence_store", lambda: chosen)
    return chosen
