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
