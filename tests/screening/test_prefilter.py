"""The RE2 look before each Python pattern (webinar/screening/prefilter.py) never hides a match, and the
model's vectorised piece rows are the rows computed one n-gram at a time."""

from __future__ import annotations

import itertools
import json
import random
import re
from pathlib import Path

import numpy as np
import pytest

from webinar.screening import dewan_set, lexicons, model, prefilter, rules
from webinar.screening.normalise import normalise

PHRASE_FILES = ("self_harm.re", "threat.re", "harassment.re", "hate.re", "counter.re", "spam.tsv")


def _labelled_texts() -> list[str]:
    texts = [r["text"] for r in dewan_set.load()]
    examples = Path(__file__).parent / "labelled_examples.jsonl"
    texts += [json.loads(line)["text"] for line in examples.read_text(encoding="utf-8").splitlines() if line]
    return texts


def _generated_texts(count: int, seed: int = 13) -> list[str]:
    """Comments made of the words the phrase files are written with, shuffled with filler and symbols, so
    that many of them match a pattern somewhere (and many almost do)."""
    vocabulary: set[str] = set()
    for name in PHRASE_FILES:
        for _label, rx in lexicons.patterns(name):
            vocabulary.update(re.findall(r"[a-z]{2,}", re.sub(r"\\.", " ", rx)))
    words = [*sorted(vocabulary), "i", "you", "he", "the", "a", "rm50", "100", ".", "!", "?", ",", "'"]
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        out.append(" ".join(rng.choice(words) for _ in range(rng.randint(1, 14))))
    return out


def _guarded_patterns() -> list[re.Pattern]:
    """Every compiled pattern the rules look at through a guard, and each phrase rule on its own."""
    found = [rx for rx in vars(rules).values() if isinstance(rx, re.Pattern)]
    for name in PHRASE_FILES:
        found += [re.compile(rules.WORD_START + rx) for _label, rx in lexicons.patterns(name)]
    return found


def test_widening_drops_lookarounds_and_end_anchors_only():
    assert prefilter.widen(r"(?<![^ ])\bkill (?!the process)(?:you|him)\b$") == r"\bkill (?:you|him)\b"
    assert prefilter.widen(r"[(?=]x\(?!y\)") == r"[(?=]x\(?!y\)"  # in a class or escaped: literal
    assert prefilter.widen(r"a(?=(b|c)d)e") == "ae"
    with pytest.raises(ValueError):
        prefilter.widen(r"x{,3}")  # RE2 reads "{,3}" as text: no guard rather than a wrong one


def test_re2_is_installed_so_the_guards_are_active():
    assert prefilter.active()
    assert prefilter.Guard(rules._SELF_HARM_RE)._regexp is not None


def test_a_guard_never_says_no_where_python_finds_a_match():
    """On labelled lines (original, folded and canonical text) and on generated comments, for every
    pattern of rules.py and every phrase rule: a guard's "no" is always right, and the guards do turn
    most texts away (else they would only cost time)."""
    texts: list[str] = []
    # A fixed sample keeps this at about a million searches (all 5,000+ lines took 80 s under load).
    for text in random.Random(7).sample(_labelled_texts(), 1000):
        norm = normalise(text)
        texts += [text, norm.folded, rules.Words(norm).text]
    texts += _generated_texts(1200)
    matched = refused = 0
    for rx in _guarded_patterns():
        guard = prefilter.Guard(rx)
        for text in texts:
            may = guard.may_match(text)
            if rx.search(text) is not None:
                matched += 1
                assert may, (rx.pattern[:120], text)
            elif not may:
                refused += 1
    assert matched > 1000
    assert refused > 10 * matched


@pytest.mark.parametrize(
    "pattern",
    [r"([a-z])\1{3}", r"(?x) a b", r"(?i)kill", r"x{,3}", r"\Zend"],
)
def test_patterns_re2_cannot_read_alike_are_always_handed_to_python(pattern):
    guard = prefilter.Guard(re.compile(pattern))
    assert guard.may_match("nothing to see here")


def test_non_ascii_and_odd_whitespace_are_always_handed_to_python():
    guard = prefilter.Guard(re.compile(r"\bkill\s+you\b"))
    assert not guard.may_match("hello there")
    assert guard.may_match("kill\x1cyou")  # whitespace to Python, not to RE2
    assert guard.may_match("kıll you café")


def test_vectorised_piece_rows_equal_the_rows_computed_one_by_one():
    """``_Cache.fill`` (numpy, all new segments, crossings, unigrams and bigrams of a comment at once) gives
    the rows that ``segment``, ``crossing``, ``word`` and ``bigram`` compute one by one, and a cold cache
    scores as a warm one."""
    m = model.load()
    texts = [normalise(t).canonical for t in _labelled_texts()[:400]] + ["a", "ab cd", "i am ok x"]
    one_by_one = model._Cache(m)
    together = model._Cache(m)
    for text in texts:
        padded = " " + text + " "
        segments, crossings = [], []
        prev, s = 0, padded.find(" ", 1)
        while s != -1:
            segments.append(padded[prev : s + 1])
            if s >= 3 and s + 4 <= len(padded) and s < len(padded) - 1:
                crossings.append("\x00" + padded[s - 3 : s + 4])
            prev, s = s, padded.find(" ", s + 1)
        segments, crossings = list(dict.fromkeys(segments)), list(dict.fromkeys(crossings))
        words = text.split()
        singles = list(
            dict.fromkeys(
                ["\x01" + w for w in words] + ["\x02" + a + " " + b for a, b in itertools.pairwise(words)]
            )
        )
        together.fill(segments, crossings, singles)
        for w in words:
            assert np.allclose(together.pieces["\x01" + w], one_by_one.word(w), rtol=0, atol=1e-9), w
        for a, b in itertools.pairwise(words):
            assert np.allclose(
                together.pieces["\x02" + a + " " + b], one_by_one.bigram(a, b), rtol=0, atol=1e-9
            )
        for seg in segments:
            assert np.allclose(together.pieces[seg], one_by_one.segment(seg), rtol=0, atol=1e-9), seg
        for key in crossings:
            expected = one_by_one._row(key, model.crossing_buckets(key, 4, one_by_one.mask))
            assert np.allclose(together.pieces[key], expected, rtol=0, atol=1e-9), key
    cold = model._Cache(m)
    for text in texts:
        a, b = cold.doc(text), one_by_one.doc(text)
        assert a[2] == b[2]
        assert np.allclose(np.array(a[0] + a[1]), np.array(b[0] + b[1]), rtol=0, atol=1e-9), text
