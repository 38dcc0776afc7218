"""The backend-free rule (tests/backend_free.py): which tests run in the embedded pass only, and how a
backend-free test is kept from reaching a backend."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests import backend_free
from tests.backend_free import TESTS, BackendUsed


@dataclass
class FakeItem:
    """What the rule reads of a pytest item: its path, fixtures, marks and stash."""

    path: Path
    fixturenames: list[str] = field(default_factory=list)
    marks: tuple[str, ...] = ()
    stash: dict = field(default_factory=dict)

    def get_closest_marker(self, name: str):
        return getattr(pytest.mark, name).mark if name in self.marks else None


@dataclass
class FakeConfig:
    deselected: list = field(default_factory=list)

    @property
    def hook(self):
        return self

    def pytest_deselected(self, items):
        self.deselected.extend(items)


def screening_test(**kwargs) -> FakeItem:
    return FakeItem(path=TESTS / "screening" / "test_rules.py", **kwargs)


def test_a_screening_test_without_a_backend_is_backend_free_and_one_with_a_database_is_not():
    pure = screening_test(fixturenames=["request", "monkeypatch"])
    with_db = screening_test(fixturenames=["request", "organiser", "db"])
    with_mark = screening_test(marks=("django_db",))
    live = screening_test(fixturenames=["live_server"])
    config = FakeConfig()
    items = [pure, with_db, with_mark, live]

    backend_free.select(config, items, services_pass=False)

    assert [backend_free.applies(item) for item in items] == [True, False, False, False]
    assert items == [pure, with_db, with_mark, live], "the embedded pass runs them all"
    assert config.deselected == []


def test_the_services_pass_deselects_the_backend_free_tests_only(monkeypatch):
    monkeypatch.delenv("DEWAN_TEST_BACKEND_FREE", raising=False)
    pure = screening_test()
    with_db = screening_test(fixturenames=["transactional_db"])
    elsewhere = FakeItem(path=TESTS / "live" / "test_asking.py")
    slugs = TESTS / "webinar" / "test_slugs.py"
    marked_elsewhere = FakeItem(path=slugs, marks=("backend_free",))
    marked_but_redis = FakeItem(path=slugs, marks=("backend_free", "needs_redis"))
    config = FakeConfig()
    items = [pure, with_db, elsewhere, marked_elsewhere, marked_but_redis]

    backend_free.select(config, items, services_pass=True)

    assert items == [with_db, elsewhere, marked_but_redis]
    assert config.deselected == [pure, marked_elsewhere]


def test_the_services_pass_keeps_them_when_asked_to(monkeypatch):
    monkeypatch.setenv("DEWAN_TEST_BACKEND_FREE", "all")
    items = [screening_test()]

    backend_free.select(FakeConfig(), items, services_pass=True)

    assert len(items) == 1


def test_a_file_directly_in_tests_is_not_in_a_backend_free_directory():
    assert not backend_free.declared(FakeItem(path=TESTS / "test_flush.py"))
    assert backend_free.declared(FakeItem(path=TESTS / "screening" / "deeper" / "test_x.py"))


def test_the_guard_refuses_the_cache_the_channel_layer_and_celery(monkeypatch):
    from channels.layers import get_channel_layer
    from django.core.cache import cache

    from webinar.campaigns.tasks import flush_hub_counts

    used = backend_free.guard(monkeypatch)

    with pytest.raises(BackendUsed, match="the cache"):
        cache.get("anything")
    with pytest.raises(BackendUsed, match="the channel layer"):
        get_channel_layer()
    with pytest.raises(BackendUsed, match="Celery"):
        flush_hub_counts.delay()
    assert used == ["the cache", "the channel layer", "Celery"]

    monkeypatch.undo()
    assert cache.get("anything") is None, "the patches end with the test"
