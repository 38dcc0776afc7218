"""The connect read pool (``realtime.consumers.ReadPool``): results, errors and context come back to
the awaiting coroutine; threads are started only when none is idle, up to the limit; the last idle
thread is reused first; ``stop`` runs its call once on every thread."""

from __future__ import annotations

import asyncio
import contextvars
import threading

import pytest

from realtime.consumers import ReadPool, SocketGone

LANGUAGE: contextvars.ContextVar[str] = contextvars.ContextVar("language", default="en")


@pytest.fixture
def pool():
    made = ReadPool(3, "test-read")
    yield made
    made.stop()


async def call(pool: ReadPool, func, *args):
    return await pool.run(contextvars.copy_context(), func, *args)


async def test_a_result_an_error_and_the_callers_context_come_back(pool):
    LANGUAGE.set("ms")
    assert await call(pool, lambda a, b: a + b, 2, 3) == 5
    assert await call(pool, LANGUAGE.get) == "ms"
    with pytest.raises(ZeroDivisionError):
        await call(pool, lambda: 1 / 0)
    assert await call(pool, threading.current_thread) is not threading.current_thread()


async def test_one_thread_serves_calls_in_turn_and_the_limit_bounds_the_threads(pool):
    for _ in range(5):  # one at a time: the same (warm) thread each time
        await call(pool, lambda: None)
    assert len({t.name for t in pool._threads}) == 1

    gate = threading.Event()
    blocked = [asyncio.ensure_future(call(pool, gate.wait, 5)) for _ in range(5)]  # 3 run, 2 wait
    await asyncio.sleep(0.1)
    assert len(pool._threads) == 3 and not any(task.done() for task in blocked)
    gate.set()
    assert await asyncio.gather(*blocked) == [True] * 5

    names = await asyncio.gather(*(call(pool, lambda: threading.current_thread().name) for _ in range(20)))
    assert len(pool._threads) == 3 and set(names) <= {t.name for t in pool._threads}


async def test_a_call_cancelled_before_its_turn_is_skipped(pool):
    gate, ran = threading.Event(), []
    busy = [asyncio.ensure_future(call(pool, gate.wait, 5)) for _ in range(3)]
    await asyncio.sleep(0.05)
    waiting = asyncio.ensure_future(call(pool, ran.append, "late"))
    await asyncio.sleep(0.05)
    waiting.cancel()
    gate.set()
    await asyncio.gather(*busy)
    # The thread that freed first takes the cancelled call from the backlog after settling its own, so
    # the skip is counted on that thread at some point after the gather: wait for it (a later call may
    # go to another idle thread and finish first).
    for _ in range(500):
        if pool.skipped:
            break
        await asyncio.sleep(0.01)
    await call(pool, lambda: None)
    assert ran == [] and pool.skipped == 1


async def test_a_call_whose_socket_has_gone_by_its_turn_is_skipped_and_says_so(pool):
    """``gone`` is asked when a thread takes the call: what a storm's queued reads for sockets that
    closed meanwhile cost is that question, not a database round trip."""
    gate, ran, closed = threading.Event(), [], threading.Event()
    busy = [asyncio.ensure_future(call(pool, gate.wait, 5)) for _ in range(3)]
    await asyncio.sleep(0.05)
    queued = [
        asyncio.ensure_future(pool.run(contextvars.copy_context(), ran.append, name, gone=check))
        for name, check in (("gone", closed.is_set), ("open", lambda: False), ("unchecked", None))
    ]
    await asyncio.sleep(0.05)
    closed.set()  # the first one's socket closes while all three wait
    gate.set()
    await asyncio.gather(*busy)
    outcomes = await asyncio.gather(*queued, return_exceptions=True)
    assert isinstance(outcomes[0], SocketGone) and outcomes[1:] == [None, None]
    assert sorted(ran) == ["open", "unchecked"] and pool.skipped == 1


def test_stop_runs_its_call_once_on_every_thread_started():
    pool = ReadPool(4, "test-stop")

    async def use_two():
        gate = threading.Event()
        await asyncio.gather(call(pool, gate.wait, 5), call(pool, gate.set))

    asyncio.run(use_two())
    seen: list[str] = []
    pool.stop(lambda: seen.append(threading.current_thread().name))
    assert sorted(seen) == sorted(t.name for t in pool._threads) and len(seen) == 2
    assert not any(t.is_alive() for t in pool._threads)
