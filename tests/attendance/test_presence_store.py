"""The presence store on its own: heartbeats with a TTL, tabs, languages, clean leaves, Redis restarts."""

from __future__ import annotations

import os

import pytest

from realtime import presence
from tests.attendance.conftest import redis_store


async def test_three_tabs_of_one_attendee_count_once(store, webinar_key):
    for _tab in range(3):
        await store.heartbeat(webinar_key, "r:1", "en")
    assert await store.count(webinar_key) == 1


async def test_viewer_without_heartbeat_drops_out_after_the_ttl(store, clock, webinar_key):
    await store.heartbeat(webinar_key, "r:1", "en")
    await store.heartbeat(webinar_key, "r:2", "ms")
    clock.advance(20)
    await store.heartbeat(webinar_key, "r:2", "ms")
    clock.advance(11)
    assert await store.viewers(webinar_key) == ["r:2"]
    assert await store.count(webinar_key) == 1


async def test_viewer_heartbeating_every_ten_seconds_stays_for_an_hour(store, clock, webinar_key):
    for _ in range(360):
        await store.heartbeat(webinar_key, "r:1", "en")
        clock.advance(10)
    assert await store.count(webinar_key) == 1


async def test_clean_leave_keeps_a_viewer_whose_other_tab_still_pings(store, clock, webinar_key):
    await store.heartbeat(webinar_key, "r:1", "en")
    await store.leave_soon(webinar_key, "r:1")
    clock.advance(9)
    await store.heartbeat(webinar_key, "r:1", "en")  # the other tab's ping
    clock.advance(29)
    assert await store.count(webinar_key) == 1


async def test_clean_leave_of_the_last_tab_drops_the_viewer_within_the_grace(store, clock, webinar_key):
    await store.heartbeat(webinar_key, "r:1", "en")
    await store.leave_soon(webinar_key, "r:1")
    clock.advance(store.leave_grace + 0.1)
    assert await store.count(webinar_key) == 0


async def test_clean_leave_never_revives_an_expired_viewer(store, clock, webinar_key):
    await store.heartbeat(webinar_key, "r:1", "en")
    clock.advance(31)
    await store.leave_soon(webinar_key, "r:1")
    assert await store.count(webinar_key) == 0


async def test_detail_breaks_the_count_down_by_kind_and_language(store, webinar_key):
    await store.heartbeat(webinar_key, "r:1", "en")
    await store.heartbeat(webinar_key, "r:2", "ms")
    await store.heartbeat(webinar_key, "r:3", "ms")
    await store.heartbeat(webinar_key, "u:9", "en")
    assert await store.detail(webinar_key) == {
        "count": 4,
        "registered": 3,
        "guests": 1,
        "languages": {"en": 2, "ms": 2},
    }


async def test_language_is_taken_from_the_first_heartbeat_and_forgotten_on_expiry(store, clock, webinar_key):
    await store.heartbeat(webinar_key, "r:1", "en")
    await store.heartbeat(webinar_key, "r:1", "ms")
    assert (await store.present(webinar_key))["r:1"][1] == "en"
    clock.advance(31)
    assert await store.count(webinar_key) == 0  # every count also forgets the expired
    await store.heartbeat(webinar_key, "r:1", "ms")
    assert (await store.present(webinar_key))["r:1"] == (clock(), "ms")


async def test_detail_of_an_empty_webinar_is_all_zero(store, webinar_key):
    assert await store.detail(webinar_key) == {"count": 0, "registered": 0, "guests": 0, "languages": {}}


async def test_lock_is_taken_by_one_caller_until_it_expires(store, clock, webinar_key):
    name = f"test:{webinar_key}"
    assert await store.try_lock(name, 4.5) is True
    assert await store.try_lock(name, 4.5) is False
    if isinstance(store, presence.MemoryPresenceStore):
        clock.advance(5)
    else:
        import asyncio

        await asyncio.sleep(4.6)  # Redis expires the lock on its own clock
    assert await store.try_lock(name, 4.5) is True


@pytest.mark.needs_redis
async def test_redis_stores_in_two_processes_agree(clock, webinar_key):
    one, two = redis_store(clock), redis_store(clock)
    await one.heartbeat(webinar_key, "r:1", "en")
    await two.heartbeat(webinar_key, "r:1", "en")
    await two.heartbeat(webinar_key, "r:2", "ms")
    assert await one.count(webinar_key) == await two.count(webinar_key) == 2


@pytest.mark.needs_redis
async def test_count_rebuilds_from_heartbeats_after_a_redis_restart(clock, webinar_key):
    import redis.asyncio as redis

    store = redis_store(clock)
    for n in range(5):
        await store.heartbeat(webinar_key, f"r:{n}", "ms")
    raw = redis.Redis.from_url(os.environ["REDIS_URL"])
    # A restart without persistence: every presence key is gone.
    await raw.delete(store.key(webinar_key), store.language_key(webinar_key))
    assert await store.count(webinar_key) == 0
    clock.advance(10)  # the next round of pings
    for n in range(5):
        await store.heartbeat(webinar_key, f"r:{n}", "ms")
    assert await store.detail(webinar_key) == {
        "count": 5,
        "registered": 5,
        "guests": 0,
        "languages": {"ms": 5},
    }
    await raw.delete(store.key(webinar_key), store.language_key(webinar_key))
    await raw.aclose()


async def test_refresh_heartbeats_every_viewer_of_every_webinar_and_records_newcomers_languages(
    store, clock, webinar_key
):
    other = webinar_key + 1
    await store.heartbeat(webinar_key, "r:1", "en")
    clock.advance(25)
    await store.refresh({webinar_key: {"r:1": "en", "r:2": "ms"}, other: {"u:9": "zh"}})
    clock.advance(25)  # r:1's own heartbeat is 50 s old now: only the refresh keeps it
    assert await store.viewers(webinar_key) == ["r:1", "r:2"]
    assert (await store.detail(webinar_key))["languages"] == {"en": 1, "ms": 1}
    assert await store.present(other) == {"u:9": (clock.now - 25, "zh")}


async def test_refresh_of_many_viewers_is_one_round_trip(clock, webinar_key, monkeypatch):
    """What a server process does every tick for all its open sockets: one pipeline, however many."""
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs Redis (REDIS_URL)")
    store = redis_store(clock, ttl=30)
    client = store._client()
    executes = []
    real_pipeline = client.pipeline

    def counting_pipeline(*args, **kwargs):
        pipe = real_pipeline(*args, **kwargs)
        real_execute = pipe.execute

        async def execute(*a, **k):
            executes.append(len(pipe.command_stack))
            return await real_execute(*a, **k)

        pipe.execute = execute
        return pipe

    monkeypatch.setattr(client, "pipeline", counting_pipeline)
    viewers = {webinar_key: {f"r:{n}": "ms" for n in range(5000)}, webinar_key + 1: {"r:1": "en"}}
    await store.refresh(viewers)
    assert len(executes) == 1  # one round trip, holding one script call per 2,000 viewers
    assert executes[0] == 4
    assert await store.count(webinar_key) == 5000
    assert (await store.detail(webinar_key))["languages"] == {"ms": 5000}
    await client.delete(store.key(webinar_key), store.language_key(webinar_key))


async def test_leave_soon_many_drops_each_viewer_after_the_grace_unless_refreshed(store, clock, webinar_key):
    other = webinar_key + 1
    await store.refresh({webinar_key: {"r:1": "en", "r:2": "en"}, other: {"r:3": "ms"}})
    await store.leave_soon_many({webinar_key: {"r:1": ""}, other: {"r:3": ""}, other + 1: {"r:9": ""}})
    clock.advance(store.leave_grace + 0.1)
    assert await store.viewers(webinar_key) == ["r:2"]
    assert await store.count(other) == 0
    assert await store.count(other + 1) == 0  # never present: not revived by the leave
