"""Fixtures shared by the suite. Plain factories build data through the services, as users would."""

from __future__ import annotations

import os

import pytest
from django.conf import settings

from tests import backend_free
from tests.celery_mode import tasks_eager
from tests.factories import make_host, make_live_webinar, make_registration, make_user, make_webinar

USING_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
USING_REDIS = bool(os.environ.get("REDIS_URL"))


def pytest_sessionstart(session):
    """With service URLs set, the services must answer: fail the run rather than skip anything."""
    if USING_REDIS:
        import redis

        try:
            redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=3).ping()
        except Exception as exc:
            pytest.exit(f"REDIS_URL is set but Redis does not answer: {exc}", returncode=3)
    if USING_POSTGRES:
        import psycopg

        url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
        try:
            psycopg.connect(url, connect_timeout=3).close()
        except Exception as exc:
            pytest.exit(f"DATABASE_URL is set but PostgreSQL does not answer: {exc}", returncode=3)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "needs_postgres" in item.keywords and not USING_POSTGRES:
            item.add_marker(
                pytest.mark.skip(reason="runs in the PostgreSQL pass of `make test` (DATABASE_URL)")
            )
        if "needs_redis" in item.keywords and not USING_REDIS:
            item.add_marker(pytest.mark.skip(reason="runs in the Redis pass of `make test` (REDIS_URL)"))
    backend_free.select(config, items, services_pass=USING_POSTGRES or USING_REDIS)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, request):
    """pytest-django's settings (a test database per xdist worker), and on PostgreSQL each worker's
    database copied from one migrated once per run (tests/template_db.py)."""
    run_id = getattr(request.config, "workerinput", {}).get("testrunuid")
    if USING_POSTGRES and run_id:
        from django.db import connection

        from tests import template_db

        template_db.install(connection, run_id)


def pytest_sessionfinish(session):
    """On PostgreSQL, the controller of a parallel run drops the run's template database once the
    workers are done (tests/template_db.py)."""
    controller = not hasattr(session.config, "workerinput")
    if USING_POSTGRES and controller and session.config.pluginmanager.has_plugin("dsession"):
        from django.db import connection

        from tests import template_db

        template_db.template_drop(os.environ["DATABASE_URL"], connection.creation._get_test_db_name())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, and before it drops them, every other session on this worker's
    PostgreSQL test database ended: a read thread's connection (realtime's ReadPool keeps one per thread)
    or a server process a test left behind would otherwise make the drop fail ("is being accessed by
    other users") and leave the database for the next run to recreate."""
    yield
    if not USING_POSTGRES:
        return
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(autouse=True)
def _celery_in_process(request):
    """Tasks run in the test process (as in the embedded default) unless a test drives a real worker."""
    if request.node.get_closest_marker("real_celery_worker"):
        yield
        return
    with tasks_eager():
        yield


@pytest.fixture(autouse=True)
def _redis_presumed_up():
    """Each test starts with the Redis circuit breaker closed (realtime/redis_health.py): a timeout met
    by an earlier test of this process must not make a later one skip Redis (presence, broadcasts)."""
    from realtime import redis_health

    redis_health.redis_ok()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request in Bahasa Malaysia (LocaleMiddleware
    activates it on the thread) must not turn a later test's messages Malay."""
    yield
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _isolated_caches(request, monkeypatch):
    """Each test starts with an empty cache; a backend-free test (tests/backend_free.py) gets none: the
    cache, the channel layer and Celery refuse it, so what it checks cannot depend on the backend."""
    if backend_free.applies(request.node):
        used = backend_free.guard(monkeypatch)
        yield
        assert not used, f"a backend-free test used {', '.join(sorted(set(used)))} (tests/backend_free.py)"
        return
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def organiser(db):
    return make_user("organiser@example.com", "Organiser")


@pytest.fixture
def host_user(db):
    return make_user("host@example.com", "Host")


@pytest.fixture
def webinar(organiser):
    return make_webinar(organiser=organiser)


@pytest.fixture
def live_webinar(organiser, host_user):
    webinar = make_live_webinar(organiser=organiser)
    make_host(webinar, host_user)
    return webinar


@pytest.fixture
def attendee(live_webinar):
    return make_registration(live_webinar, "Aisyah", "aisyah@example.com")


@pytest.fixture
def mailoutbox_settings():
    return settings


def pytest_configure(config):
    from tests import flush

    flush.install()  # transactional tests end with a cheaper flush (tests/flush.py)
    # The SQLite test database is a file, so server subprocesses in browser tests can share it.
    (settings.BASE_DIR / "var").mkdir(exist_ok=True)
    (settings.BASE_DIR / "test-artifacts").mkdir(exist_ok=True)


class OutgoingMessageChecker:
    """Every message the server encodes for a client is checked against its model in realtime/protocol.py.

    Zulip's ``verify_action`` idea, applied to the whole suite: ``protocol.dumps`` is where every
    outgoing message is encoded once, so wrapping it sees all of them (snapshots, replays, events,
    acks, errors, notices), whichever test triggered them. A violation fails the test at teardown
    even when the server swallowed the exception (broadcasts log and carry on).
    """

    def __init__(self, dumps):
        self._dumps = dumps
        self.checked = 0
        self.violations: list[str] = []

    def __call__(self, message: dict) -> str:
        from pydantic import ValidationError

        from realtime import protocol

        try:
            protocol.validate_outgoing(_fragments_decoded(message))
        except ValidationError as exc:
            self.violations.append(f"{message.get('type')!r}: {exc}")
            raise
        self.checked += 1
        return self._dumps(message)


def _fragments_decoded(message: dict) -> dict:
    """``message`` with its pre-encoded parts (``orjson.Fragment``: a snapshot's shared lists, encoded
    once for every viewer by webinar.live_state) decoded, so the model checks what the client gets."""
    import orjson

    if not any(isinstance(value, orjson.Fragment) for value in message.values()):
        return message
    return {
        key: orjson.loads(orjson.dumps(value)) if isinstance(value, orjson.Fragment) else value
        for key, value in message.items()
    }


@pytest.fixture(autouse=True)
def outgoing_messages(request, monkeypatch):
    """Check every outgoing websocket message against its model (opt out: ``@pytest.mark.raw_messages``)."""
    if request.node.get_closest_marker("raw_messages"):
        yield None
        return
    from realtime import protocol

    checker = OutgoingMessageChecker(protocol.dumps)
    monkeypatch.setattr(protocol, "dumps", checker)
    yield checker
    assert not checker.violations, "outgoing messages that do not match realtime/protocol.py:\n" + "\n".join(
        checker.violations
    )


@pytest.fixture
def rate_window_held(monkeypatch):
    """The rate limiter's clock stays inside one window for the test (its windows are fixed, aligned to
    the period): a test counting refusals must not see the window turn over between two slow requests."""
    import time as real_time
    from types import SimpleNamespace

    from webinar import ratelimit

    start = real_time.time()
    held = (start // 3600) * 3600 + 1  # the start of the current hour: inside one window of up to an hour
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: held, monotonic=real_time.monotonic))
    return held
