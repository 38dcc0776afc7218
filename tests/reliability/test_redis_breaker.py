"""The Redis circuit breaker (realtime/redis_health.py): after a timeout, no caller waits on Redis again
until a background probe has seen it answer. The whole path against a SIGSTOPped redis-server is
tests/abuse/test_redis_hung.py; here the probe's round trip is replaced so each rule is seen alone."""

from __future__ import annotations

import threading
import time

import pytest

from realtime import redis_health


@pytest.fixture
def breaker(monkeypatch, settings):
    settings.DEWAN_REDIS_RETRY_SECONDS = 5
    monkeypatch.setattr(redis_health, "PROBE_SECONDS", 0.05)
    pings: list[float] = []
    answer = {"ok": False}

    def ping():
        pings.append(time.monotonic())
        if not answer["ok"]:
            raise TimeoutError("probe timed out")

    monkeypatch.setattr(redis_health, "_ping", ping)
    yield pings, answer
    answer["ok"] = True  # the probe thread, if any, ends the pause and stops
    redis_health.redis_ok()
    deadline = time.monotonic() + 2
    while redis_health._probing and time.monotonic() < deadline:
        time.sleep(0.01)


def _wait_for(condition, seconds: float = 2.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_after_a_timeout_every_caller_skips_redis_and_none_is_sent_to_probe(breaker):
    pings, _ = breaker
    redis_health.redis_failed("rate limit", TimeoutError("hung"))
    answers = [redis_health.redis_suspended() for _ in range(50)]
    assert answers == [True] * 50
    assert _wait_for(lambda: len(pings) >= 2), "the background probe kept trying"


def test_a_refused_connection_does_not_start_a_pause(breaker):
    redis_health.redis_failed("rate limit", ConnectionRefusedError("refused"))
    assert redis_health.redis_suspended() is False


def test_the_first_probe_that_gets_an_answer_ends_the_pause(breaker):
    pings, answer = breaker
    redis_health.redis_failed("broadcast", TimeoutError("hung"))
    assert redis_health.redis_suspended() is True
    assert _wait_for(lambda: len(pings) >= 1)
    assert redis_health.redis_suspended() is True  # still hung: the probe's timeout extended the pause
    answer["ok"] = True
    assert _wait_for(lambda: not redis_health.redis_suspended()), "Redis answered: callers use it again"


def test_one_probe_thread_per_process_however_many_callers_ask(breaker):
    redis_health.redis_failed("snapshot cache", TimeoutError("hung"))
    callers = [threading.Thread(target=redis_health.redis_suspended) for _ in range(20)]
    for caller in callers:
        caller.start()
    for caller in callers:
        caller.join()
    probes = [t for t in threading.enumerate() if t.name == "dewan-redis-probe"]
    assert len(probes) == 1


def test_a_timeout_another_library_wrapped_still_starts_the_pause(breaker):
    """kombu raises its own ``OperationalError`` for a Celery publish that timed out against Redis."""
    from kombu.exceptions import OperationalError
    from redis.exceptions import TimeoutError as RedisTimeout

    try:
        try:
            raise RedisTimeout("Timeout reading from socket")
        except RedisTimeout as exc:
            raise OperationalError(str(exc)) from exc
    except OperationalError as wrapped:
        assert redis_health.is_redis_timeout(wrapped)
        redis_health.redis_failed("task queue", wrapped)
    assert redis_health.redis_suspended() is True
    assert redis_health.is_redis_timeout(OperationalError("connection refused")) is False


def test_a_guarded_call_is_not_made_while_redis_is_presumed_down(breaker):
    calls = []

    def hung():
        calls.append("hung")
        raise TimeoutError("hung")

    with pytest.raises(TimeoutError):
        redis_health.redis_guarded("hub counter", hung)  # the one timeout: it trips the breaker
    for _ in range(3):
        with pytest.raises(redis_health.RedisSuspended):
            redis_health.redis_guarded("hub counter", lambda: calls.append("skipped?"))
    assert calls == ["hung"]


def test_a_task_is_not_published_while_redis_is_presumed_down(breaker, monkeypatch):
    """Every task of the app (webinar/celery.py): no publish, no retry, an error at once."""
    from celery import Task

    from webinar.celery import app
    from webinar.tasks import build_report

    published = []
    monkeypatch.setattr(Task, "apply_async", lambda self, *args, **options: published.append(options))
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setitem(app.conf, "broker_url", "redis://127.0.0.1:1/0")
    build_report.delay(1)
    assert published[0]["retry_policy"]["errback"] is not None  # retries stop at a timeout
    redis_health.redis_failed("rate limit", TimeoutError("hung"))
    started = time.monotonic()
    with pytest.raises(redis_health.RedisSuspended):
        build_report.delay(2)
    assert time.monotonic() - started < 0.5
    assert len(published) == 1


async def test_layer_calls_queued_behind_a_hung_one_skip_redis_once_it_trips(breaker):
    """channels-redis runs a process's publishes one at a time: those queued behind the call that timed
    out must not each wait out a timeout of their own (``realtime.broadcast.layer_call``)."""
    import asyncio

    from realtime.broadcast import layer_call

    sent = []

    async def group_send(n: int):
        sent.append(n)
        await asyncio.sleep(0.3)  # the socket timeout, shortened
        raise TimeoutError("hung")

    started = time.monotonic()
    outcomes = await asyncio.gather(
        *(layer_call("broadcast", lambda n=n: group_send(n)) for n in range(4)), return_exceptions=True
    )
    assert sent == [0], "only the call in flight reached Redis"
    assert isinstance(outcomes[0], TimeoutError)
    assert all(isinstance(outcome, redis_health.RedisSuspended) for outcome in outcomes[1:])
    assert time.monotonic() - started < 0.3 * 2  # one timeout, not four
