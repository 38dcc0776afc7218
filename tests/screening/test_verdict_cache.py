"""The whole-text verdict cache (pipeline.VERDICT_CACHE_SIZE): a repeated comment gets the verdict it would
get screened afresh, under its own policy and its author's context; the cache is bounded, and a new model
empties it."""

from __future__ import annotations

import pytest

from webinar.screening import Context, Policy, model, pipeline, screen, screen_many

FLOOD = "FREE followers!!! DM admin sekarang, link in bio"
TEXTS = [
    FLOOD,
    "How do I report a fake account on TikTok?",
    "kau ni bodoh la",
    "Saya rasa nak terjun bangunan je lepas kena tipu",
    "Daftar di w w w . judi88 . com bonus 100%",
    "no saya O12-3456789",
]


@pytest.fixture
def fresh_cache(monkeypatch):
    """An empty cache of the default size, emptied again afterwards."""
    monkeypatch.setattr(pipeline, "VERDICT_CACHE_SIZE", 4096)
    pipeline._verdicts.clear()
    yield pipeline._verdicts
    pipeline._verdicts.clear()


def uncached(fn, *args, **kwargs):
    size, pipeline.VERDICT_CACHE_SIZE = pipeline.VERDICT_CACHE_SIZE, 0
    try:
        return fn(*args, **kwargs)
    finally:
        pipeline.VERDICT_CACHE_SIZE = size


def test_a_repeated_comment_gets_the_verdict_it_would_get_afresh(fresh_cache):
    for text in TEXTS:
        first = screen(text)
        again = screen(text)
        assert again is first  # answered from the cache
        assert again == uncached(screen, text)


def test_a_flood_in_one_batch_is_screened_once(fresh_cache):
    batch = [FLOOD] * 40 + TEXTS
    verdicts = screen_many(batch)
    assert all(v is verdicts[0] for v in verdicts[:40])
    assert len(fresh_cache) == len(set(batch))
    assert [v.as_dict() for v in verdicts] == [v.as_dict() for v in uncached(screen_many, batch)]


def test_the_policy_and_the_authors_context_are_part_of_the_key(fresh_cache):
    strict = Policy(strictness="strict", blocked_terms=("followers",))
    assert screen(FLOOD).as_dict() == uncached(screen, FLOOD).as_dict()
    assert screen(FLOOD, policy=strict).as_dict() == uncached(screen, FLOOD, policy=strict).as_dict()
    assert "custom" in screen(FLOOD, policy=strict).categories
    assert "custom" not in screen(FLOOD).categories
    repeat = Context(recent_texts=(FLOOD,))
    first_time = Context(is_first_question=True)
    assert "flood" in screen(FLOOD, context=repeat).categories
    assert "flood" not in screen(FLOOD).categories
    hold_first = Policy(hold_first_time=True)
    assert screen("Boleh share slide?", policy=hold_first, context=first_time).action == "hold"
    assert screen("Boleh share slide?", policy=hold_first).action == "publish"


def test_the_cache_keeps_at_most_its_size_dropping_the_least_recently_used(fresh_cache, monkeypatch):
    monkeypatch.setattr(pipeline, "VERDICT_CACHE_SIZE", 3)
    for i in range(5):
        screen(f"question number {i} about the webinar")
    assert len(fresh_cache) == 3
    kept = {key[0] for key in fresh_cache}
    assert kept == {f"question number {i} about the webinar" for i in (2, 3, 4)}


def test_a_new_model_empties_the_cache(fresh_cache, monkeypatch):
    screen(TEXTS[1])
    assert len(fresh_cache) == 1
    reloaded = model.Model(**{f: getattr(model.load(), f) for f in model.Model.__dataclass_fields__})
    monkeypatch.setattr(model, "_model", reloaded)
    screen(TEXTS[2])
    assert [key[0] for key in fresh_cache] == [TEXTS[2]]


def test_size_zero_turns_the_cache_off(fresh_cache, monkeypatch):
    monkeypatch.setattr(pipeline, "VERDICT_CACHE_SIZE", 0)
    screen(TEXTS[0])
    screen_many(TEXTS)
    assert len(fresh_cache) == 0
