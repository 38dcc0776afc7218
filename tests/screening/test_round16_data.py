"""Round 16 of issue 13 (docs/screening.md, "Round 16: retrained heads"): training data for the kinds rounds
14 and 15 read only with phrase rules, and for the benign comments the model heads held (praise of a voice or
a dress, `gila` as an intensifier, food praised, "this song saved my life", admitting one was scammed, words
reported and asked about, people asking about the topic). These tests check the data: every harmful kind in
all three languages, more benign lookalikes than harmful lines, and none of the section's lines near an
example of rounds 12-15's tests (the tests measure whether the heads generalise, not whether they memorised;
round 7's test checks the held-out files, round 9's the own evaluation files, for every section after
theirs)."""

from __future__ import annotations

import importlib
from collections import Counter

import pytest

from tests.screening.overlap import assert_under_40_percent_shared, template_lines_from

ROUND16 = "# Round 16 (issue 13"
HARMS = ("threat", "self_harm", "insult", "sexual", "hate")
TEST_MODULES = (
    "test_kinds_round12",
    "test_kinds_round13",
    "test_kinds_round14_benign",
    "test_kinds_round14_hate",
    "test_kinds_round14_hate_generic",
    "test_kinds_round14_insult",
    "test_kinds_round14_rules",
    "test_kinds_round14_sexual",
    "test_kinds_round14_threat_care",
    "test_kinds_round15_counter",
    "test_kinds_round15_insult_sexual",
    "test_kinds_round15_self_harm",
    "test_kinds_round15_threat",
    "test_kinds_round15_video",
    "test_kinds_round15_pii_profanity",
)


@pytest.fixture(scope="module")
def round16_lines() -> list[dict]:
    return template_lines_from(ROUND16)


def _text_of(value) -> str | None:
    """The text of a test example: a string, the first string of a tuple, or a pytest.param's first value."""
    if isinstance(value, str):
        return value
    if isinstance(value, tuple) and value and isinstance(value[0], str):
        return value[0]
    values = getattr(value, "values", None)
    if values and isinstance(values[0], str):
        return values[0]
    return None


def _examples() -> list[str]:
    """Every example string in the module-level lists and dicts of rounds 12-15's kind tests."""
    out: list[str] = []
    for name in TEST_MODULES:
        module = importlib.import_module(f"tests.screening.{name}")
        for value in vars(module).values():
            if isinstance(value, list | tuple):
                out += [t for t in map(_text_of, value) if t]
            elif isinstance(value, dict):
                out += [k for k in value if isinstance(k, str)]
    return out


def test_round16_writes_every_harm_in_all_three_languages(round16_lines):
    per = Counter((r["category"], r["language"]) for r in round16_lines)
    for category in HARMS:
        for language in ("en", "ms", "mixed"):
            assert per[category, language] >= 20, (category, language, per[category, language])


def test_round16_has_more_benign_lookalikes_than_harm_in_every_language(round16_lines):
    benign = Counter(r["language"] for r in round16_lines if r["label"] == "publish")
    harmful = Counter(r["language"] for r in round16_lines if r["label"] == "hold")
    for language in ("en", "ms", "mixed"):
        assert benign[language] >= harmful[language] * 0.9, (language, benign[language], harmful[language])
    assert sum(benign.values()) >= sum(harmful.values())
    assert {"false_friend", "benign", "counter_speech", "neutral_identity"} <= {
        r["category"] for r in round16_lines if r["label"] == "publish"
    }


def test_round16_lines_share_under_40_percent_of_word_pairs_with_rounds_12_to_15_examples(round16_lines):
    examples = _examples()
    assert len(examples) > 1000
    assert_under_40_percent_shared(round16_lines, examples)
