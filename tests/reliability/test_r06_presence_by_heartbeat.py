"""R6: the live count is distinct attendees with a recent heartbeat, not connects minus disconnects."""

from __future__ import annotations

import pytest

from realtime.presence import MemoryPresenceStore, RedisPresenceStore


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self):
        return self.now


async def check_store(store, clock):
    for _tab in range(3):
        await store.heartbeat(7, "r:1")  # three tabs of one attendee
    await store.heartbeat(7, "r:2")  # an attendee whose server process will be killed
    assert await store.count(7) == 2
    # Process killed: its disconnect handler never runs, r:2 just stops heartbeating.
    for _ in range(4):
        clock.now += 9
        await store.heartbeat(7, "r:1")
    assert await store.count(7) == 1
    assert await store.count(7) == 1  # stays right without any leave()


async def test_r06_tabs_count_once_and_a_killed_consumers_attendee_drops_out_within_the_ttl():
    clock = Clock()
    await check_store(MemoryPresenceStore(ttl=30, clock=clock), clock)


@pytest.mark.slow
async def test_r06_the_same_with_the_redis_store_on_a_real_redis(redis_process):
    clock = Clock()
    await check_store(RedisPresenceStore(ttl=30, clock=clock, url=redis_process.url), clock)
