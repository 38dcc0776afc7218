"""Fixtures for the abuse and isolation tests (issue 12): the live-room fixtures and a redis-server of
each test's own, shared with tests/reliability rather than copied."""

from tests.reliability.conftest import (  # noqa: F401 - re-exported fixtures
    _fresh_realtime_state,
    publish_everything,
    redis_process,
    room,
    sockets,
)
