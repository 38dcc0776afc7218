"""One rate-limit mechanism: one syntax for every rate, one failure policy (count in this process)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from webinar import ratelimit


@pytest.mark.parametrize(
    ("rate", "hits", "seconds"),
    [
        ("5/60", 5, 60),
        ("10/m", 10, 60),
        ("5/15m", 5, 900),
        ("3/h", 3, 3600),
        ("1/d", 1, 86400),
        ("2/30s", 2, 30),
    ],
)
def test_every_rate_uses_one_syntax(rate, hits, seconds):
    assert ratelimit.parse_rate(rate) == ratelimit.Rate(hits, seconds)


@pytest.mark.parametrize("rate", ["", "five/m", "5", "5/", "5/0", "5/x", "-1/m", "5/m/h"])
def test_a_rate_that_does_not_parse_is_refused(rate):
    with pytest.raises(ValueError, match="bad rate"):
        ratelimit.parse_rate(rate)


def test_a_bad_rate_setting_fails_the_system_check(settings):
    settings.DEWAN_VOTE_RATE = "sixty per minute"
    with pytest.raises(SystemCheckError, match="DEWAN_VOTE_RATE"):
        call_command("check")


def test_the_limit_counts_per_key_and_window():
    assert [ratelimit.hit("t:a", rate="2/60", now=120.0) for _ in range(3)][:2] == [None, None]
    assert ratelimit.hit("t:a", rate="2/60", now=130.0) == 50.0
    assert ratelimit.hit("t:b", rate="2/60", now=130.0) is None
    assert ratelimit.hit("t:a", rate="2/60", now=180.0) is None, "a new window"


def test_a_cache_that_refuses_connections_falls_back_to_counting_in_this_process(settings, redis_process):
    from django.core.cache import caches

    redis_process.kill()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_process.url,
            "OPTIONS": {"socket_timeout": 1, "socket_connect_timeout": 1},
        }
    }
    with pytest.raises(Exception, match=r"(?i)connect"):
        caches["default"].get("x")  # the fault fired: the cache refuses
    waits = [ratelimit.hit("fallback:a", rate="3/60", now=600.0) for _ in range(5)]
    assert waits[:3] == [None, None, None]
    assert all(wait and wait > 0 for wait in waits[3:]), "still limited, never unlimited"
