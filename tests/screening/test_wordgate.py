"""The gate words derived from the phrase files (webinar/screening/wordgate.py, lexicons/needs.tsv): a comment
without one of a file's words skips the file, so every match of every line must hold one of them."""

from __future__ import annotations

import random
import re

import pytest

from webinar.screening import lexicons, rules, wordgate
from webinar.screening.normalise import normalise
from webinar.screening.wordgate import EDGE, GAP, NONWORD, WORDRUN

from .test_prefilter import _generated_texts, _labelled_texts

GATED = tuple(
    line.partition("\t")[0]
    for line in (lexicons.HERE / "needs.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
)


def _units(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def test_the_gated_files_are_the_ones_the_rules_read_through_a_gate():
    assert set(GATED) >= {"self_harm.re", "threat.re", "minors.re", "care.re", "everyday.re", "insult.re"}
    assert lexicons.needs("self_harm.re") == rules._SELF_HARM_NEEDS and rules._INSULT_NEEDS


@pytest.mark.parametrize("name", GATED)
def test_every_line_of_a_gated_file_needs_one_of_its_words(name):
    """Fails when a line is added (or changed) that can match without any of the file's words: run
    ``python -m webinar.screening.wordgate --write FILE`` for the file (it rewrites lexicons/needs.tsv)."""
    words = lexicons.needs(name)
    assert words
    missed = wordgate.uncovered(name, words)
    assert not missed, (
        f"{name}: {len(missed)} line(s) can match without a word of lexicons/needs.tsv; run "
        f"`python -m webinar.screening.wordgate --write {name}`: {missed[:3]}"
    )


def test_whole_words_need_a_delimiter_on_both_sides():
    assert wordgate.whole_words(f"{EDGE}kill my{EDGE}") == ("kill", "my")
    assert wordgate.whole_words(f"{EDGE}kill{WORDRUN} you{NONWORD}") == ("you",)  # "kill..." may be "killer"
    assert wordgate.whole_words(f"{GAP}die {EDGE}") == ()  # "anything" before: "die" may end a longer word
    assert wordgate.whole_words(f" a.b{EDGE}") == ("a", "b")


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\b(?:kill|hurt) (?:myself|my self)\b", {"kill", "hurt"}),
        (r"\bi (?:\w+ ){0,2}?(?:want|wanna) to die\b", {"die"}),
        (r"(?:^|[.!?] )just die\b", {"die"}),
        (r"(?<![^ ])bodoh(?![^ ])", {"bodoh"}),
        (r"\bburden", {"x"}),  # "burdensome": no whole word for sure, only "x" below
    ],
)
def test_the_derived_words_are_those_a_match_must_hold(pattern, words):
    chosen = wordgate.choose(wordgate.query(pattern), lambda w: {"i": 1.0, "my": 1.0}.get(w, 0.01))
    if pattern == r"\bburden":
        assert chosen is None
    else:
        assert chosen is not None and set(chosen[0]) == words


def test_a_derived_gate_never_turns_away_a_text_its_lines_match():
    """On labelled lines and generated comments (canonical text): whenever a line of a gated file matches,
    the text holds one of the file's words as a whole word, so the gate never hides a match."""
    texts = [rules.Words(normalise(t)).text for t in random.Random(5).sample(_labelled_texts(), 800)]
    texts += _generated_texts(800, seed=21)
    matched = turned_away = 0
    for name in GATED:
        words = lexicons.needs(name)
        assert words
        lines = [re.compile(rules.WORD_START + rx) for _label, rx in lexicons.patterns(name)]
        for text in texts:
            held = not words.isdisjoint(_units(text))
            turned_away += not held
            for rx in lines:
                if rx.search(text) is not None:
                    matched += 1
                    assert held, (name, rx.pattern[:120], text)
    assert matched > 200
    assert turned_away > matched
