"""Fixtures for the live websocket tests: a fresh channel layer and presence store per test."""

from __future__ import annotations

import pytest
from channels.layers import channel_layers
from django.conf import settings

from realtime import budget, presence
from realtime.runtime import runtime_shutdown
from tests.factories import make_host, make_live_webinar, make_registration, make_user
from tests.live.helpers import Sockets


@pytest.fixture(scope="session", autouse=True)
def _screener_loaded():
    """Load the screener once per test process before the first socket test, as a server process's
    start-up does (``webinar.startup.screener_load``; these tests drive the ASGI app without its
    lifespan). Otherwise the first ``ask`` of a process loads it inside its ack's wait: ~0.8 CPU-s,
    which at load 15 on two cores took more than the 5 s the tests wait (the flake of
    test_asking.py::test_published_question_reaches_everyone_with_the_next_sequence_number, the first
    test to ask in its process)."""
    from webinar.startup import screener_load

    screener_load()


@pytest.fixture(autouse=True)
def _fresh_realtime_state():
    """Each test runs on its own event loop: give it its own in-memory layer, presence counts and
    budgets (a registration's budget outlives its sockets: realtime/budget.py)."""
    channel_layers.backends.clear()
    presence.get_presence_store.cache_clear()
    budget.process_budgets().clear()
    yield
    channel_layers.backends.clear()
    presence.get_presence_store.cache_clear()


@pytest.fixture
async def sockets():
    """Sockets closed at teardown; then the test loop's realtime runtime shuts down, as a server's does."""
    opened = Sockets()
    try:
        yield opened
    finally:
        await opened.close()
        await runtime_shutdown()


@pytest.fixture
def publish_everything(monkeypatch):
    """Screening says publish, so tests about other behaviour are deterministic."""
    return screen_as(monkeypatch, "publish")


def screen_as(monkeypatch, action: str, categories=(), **extra):
    verdict = {
        "action": action,
        "categories": list(categories),
        "reasons": [],
        "score": 0.1,
        "model_version": "test",
        "language": "en",
        **extra,
    }
    # The backend is chosen in settings (DEWAN_SCREENING_BACKEND), like the presence store.
    monkeypatch.setattr(settings, "DEWAN_SCREENING_BACKEND", "webinar.screening.backends.FixedVerdictBackend")
    monkeypatch.setattr(settings, "DEWAN_SCREENING_FIXED_VERDICT", verdict)
    return verdict


@pytest.fixture
def room(transactional_db):
    """A live webinar with a host and two confirmed attendees."""
    organiser = make_user(name="Organiser")
    webinar = make_live_webinar(organiser=organiser)
    host = make_host(webinar, make_user(name="Host"))
    aisyah = make_registration(webinar, "Aisyah", "aisyah@example.com")
    ben = make_registration(webinar, "Ben", "ben@example.com")
    return Room(webinar=webinar, organiser=organiser, host=host, aisyah=aisyah, ben=ben)


class Room:
    def __init__(self, **parts):
        self.__dict__.update(parts)
