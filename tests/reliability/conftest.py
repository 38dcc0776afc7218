"""Fixtures for the reliability tests: real redis-server processes, sessions for real servers."""

from __future__ import annotations

import pytest

from tests.reliability.redis_process import RedisProcess
from tests.servers import ARTIFACTS


@pytest.fixture
def redis_process(request):
    """A redis-server of this test's own on a spare port; killed by PID at teardown."""
    ARTIFACTS.mkdir(exist_ok=True)
    process = RedisProcess(log_path=ARTIFACTS / f"redis-{request.node.name[:60]}.log")
    process.start()
    try:
        yield process
    finally:
        process.kill()


# The consumer-test fixtures of tests/live (a fresh layer and presence store per test, sockets that
# always disconnect, a room with a host and two attendees), shared rather than copied.
from tests.live.conftest import (  # noqa: E402, F401 - re-exported fixtures
    _fresh_realtime_state,
    publish_everything,
    room,
    sockets,
)
