"""Round 8 of issue 13 (docs/screening.md, "Round 8"): the model heads learn the weak harms from training
data, not from phrase rules. These tests check the data (enough lines per weak category in every language,
each with benign lookalikes, none near a held-out line: the word-pair check of round 7 covers the round-8
templates too, since they follow its section) and the head weighting that lets a rare harm's head reach its
threshold."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from webinar.screening import dewan_set
from webinar.screening.train import POSITIVE_SHARE, _balanced

WEAK = ("self_harm", "threat", "hate", "harassment", "sexual", "spam")


@pytest.fixture(scope="module")
def round8_lines() -> list[dict]:
    slots, rows = dewan_set.parse()
    section = dewan_set.TEMPLATES.read_text(encoding="utf-8").split("# Round 8 (issue 13", 1)[1]
    templates = set(section.splitlines())
    return dewan_set.expand(slots, [r for r in rows if r[0] in templates])


def test_round8_writes_hundreds_of_lines_for_each_weak_harm_in_all_three_languages(round8_lines):
    per_category = Counter(r["category"] for r in round8_lines)
    per_language = Counter((r["category"], r["language"]) for r in round8_lines)
    for category in WEAK:
        assert per_category[category] >= 300, (category, per_category[category])
        for language in ("en", "ms", "mixed"):
            assert per_language[category, language] >= 30, (category, language)


def test_round8_pairs_its_harmful_lines_with_benign_lookalikes_in_every_language(round8_lines):
    benign = Counter(r["language"] for r in round8_lines if r["label"] == "publish")
    harmful = Counter(r["language"] for r in round8_lines if r["label"] == "hold")
    for language in ("en", "ms", "mixed"):
        assert benign[language] >= harmful[language] / 4, (language, benign[language], harmful[language])
    kinds = {r["category"] for r in round8_lines if r["label"] == "publish"}
    assert {"benign", "counter_speech", "neutral_identity"} <= kinds


def test_round8_lines_keep_the_template_split(round8_lines):
    """The stored set holds every round-8 line in its template's split, and all three splits get some."""
    assert Counter(r["split"] for r in round8_lines).keys() == {"train", "val", "test"}
    stored = {r["text"]: r["split"] for r in dewan_set.load()}
    assert all(stored[r["text"]] == r["split"] for r in round8_lines)


def test_a_rare_harm_is_weighted_up_to_the_positive_share_and_a_common_one_is_left_alone():
    y = np.array([1, 0, 0, 0, 0])
    w = np.array([2.0, 3.0, 3.0, 3.0, 3.0])
    out = _balanced(y, w, POSITIVE_SHARE)
    assert out[0] / out.sum() == pytest.approx(POSITIVE_SHARE)
    assert list(out[1:]) == list(w[1:])  # the benign rows keep their weights
    common = np.array([5.0, 1.0, 1.0, 1.0, 1.0])
    assert list(_balanced(y, common, POSITIVE_SHARE)) == list(common)
    assert list(_balanced(np.zeros(5, dtype=int), w, POSITIVE_SHARE)) == list(w)  # no positives: unchanged
