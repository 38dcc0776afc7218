"""The project's own labelled examples: English, Malay, Manglish, obfuscations and false friends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from webinar.screening import screen_many

ROWS = [
    json.loads(line)
    for line in (Path(__file__).parent / "labelled_examples.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def verdicts():
    return screen_many([r["text"] for r in ROWS])


def held(verdict) -> str:
    return "publish" if verdict.action == "publish" else "hold"


def test_the_file_is_large_and_covers_every_language():
    assert len(ROWS) >= 200
    assert {r["language"] for r in ROWS} >= {"en", "ms", "mixed"}
    assert all(r["label"] in ("publish", "hold") for r in ROWS)


def test_agreement_is_at_least_95_percent(verdicts):
    agree = sum(1 for r, v in zip(ROWS, verdicts, strict=True) if held(v) == r["label"])
    assert agree / len(ROWS) >= 0.95


def test_every_self_harm_line_is_held_as_self_harm(verdicts):
    for r, v in zip(ROWS, verdicts, strict=True):
        if r["category"] == "self_harm":
            assert v.action == "hold" and "self_harm" in v.categories, r["text"]


def test_every_benign_line_is_published(verdicts):
    for r, v in zip(ROWS, verdicts, strict=True):
        if r["label"] == "publish":
            assert v.action == "publish", (r["text"], [x.code for x in v.reasons])
