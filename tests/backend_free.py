"""Backend-free tests: pure code (text in, verdict out) that runs in the embedded pass of `make test` only.

CI runs `make test` twice, embedded (SQLite, in-memory channel layer, local-memory cache, eager Celery)
and against PostgreSQL + Redis. A test that touches none of those backends runs the same code in both,
so the second run only costs time: tests/screening's thousands of parametrised text -> verdict cases
were about a tenth of the services pass.

The rule, applied by ``select`` at collection:

- A test is *declared* backend-free by ``@pytest.mark.backend_free`` (on the test, its class or its
  module's ``pytestmark``) or by living in a directory of ``BACKEND_FREE_DIRECTORIES``.
- A declared test that asks for a backend anyway (a database fixture or ``django_db`` mark, a live
  server, or one of the ``BACKEND_MARKERS``) is not backend-free: it runs in both passes.
- Every other declared test is deselected in the services pass (``DATABASE_URL`` or ``REDIS_URL`` set),
  unless ``DEWAN_TEST_BACKEND_FREE=all`` (pytest counts them as deselected).

Enforced in the embedded pass (``guard``): a backend-free test gets no database (pytest-django refuses
access without a database fixture), and the cache, the channel layer and Celery refuse it too, failing
the test at teardown even when the code under test swallowed the error. So a declared test that starts
depending on a backend fails in the pass that still runs it, instead of going untested against Redis.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Directories (under tests/) whose tests are backend-free unless they ask for a backend (see above).
BACKEND_FREE_DIRECTORIES = ("screening",)
# Fixtures that give a test a backend: pytest-django's databases and live server.
BACKEND_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "live_server"}
)
# Marks that say a test needs a backend or real processes (pyproject.toml's markers).
BACKEND_MARKERS = (
    "django_db",
    "services",
    "needs_postgres",
    "needs_redis",
    "real_celery_worker",
    "slow",
    "browser",
)

TESTS = Path(__file__).resolve().parent
_APPLIES = pytest.StashKey[bool]()


class BackendUsed(AssertionError):
    """A backend-free test reached a backend (the cache, the channel layer or Celery)."""


def declared(item: pytest.Item) -> bool:
    """Whether ``item`` is declared backend-free (its mark, or its directory)."""
    if item.get_closest_marker("backend_free"):
        return True
    try:
        relative = Path(str(item.path)).resolve().relative_to(TESTS)
    except ValueError:
        return False
    return len(relative.parts) > 1 and relative.parts[0] in BACKEND_FREE_DIRECTORIES


def asks_for_backend(item: pytest.Item) -> bool:
    """Whether ``item`` uses a backend fixture (directly or through another fixture) or a backend mark."""
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(fixtures & BACKEND_FIXTURES) or any(item.get_closest_marker(name) for name in BACKEND_MARKERS)


def applies(item: pytest.Item) -> bool:
    """Whether the rule makes ``item`` backend-free (decided once, at collection, by ``select``)."""
    return item.stash.get(_APPLIES, False)


def select(config: pytest.Config, items: list[pytest.Item], *, services_pass: bool) -> None:
    """Mark the backend-free items; in the services pass, deselect them (``DEWAN_TEST_BACKEND_FREE=all``
    keeps them)."""
    free = []
    for item in items:
        if declared(item) and not asks_for_backend(item):
            item.stash[_APPLIES] = True
            free.append(item)
    if not services_pass or not free or os.environ.get("DEWAN_TEST_BACKEND_FREE") == "all":
        return
    keep = [item for item in items if not item.stash.get(_APPLIES, False)]
    config.hook.pytest_deselected(items=free)
    items[:] = keep


def guard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the cache, the channel layer and Celery refuse this test; the refusals are also asserted at
    the test's teardown (``monkeypatch`` undoes the patches after it)."""
    from celery.app.task import Task
    from channels.layers import ChannelLayerManager
    from django.core.cache import CacheHandler

    used: list[str] = []

    def refuse(what: str):
        def refused(*args, **kwargs):
            used.append(what)
            raise BackendUsed(
                f"a backend-free test used {what}: ask for the backend (e.g. the `db` fixture) so the test "
                "runs in both passes, or move it out of the backend-free rule (tests/backend_free.py)"
            )

        return refused

    monkeypatch.setattr(CacheHandler, "__getitem__", refuse("the cache"))
    monkeypatch.setattr(ChannelLayerManager, "__getitem__", refuse("the channel layer"))
    monkeypatch.setattr(Task, "apply_async", refuse("Celery"))
    return used
