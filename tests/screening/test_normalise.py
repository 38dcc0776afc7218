"""Normalisation undoes obfuscation and keeps spans pointing at the original text."""

from __future__ import annotations

import pytest

from webinar.screening.normalise import normalise


def forms(text: str) -> list[str]:
    return [t.form for t in normalise(text).tokens]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("b0d0h", "bodoh"),
        ("f*ck", "fuck"),
        ("s.i.a.l", "sial"),
        ("fuuuuck", "fuck"),
        ("bodohhhh", "bodoh"),
        ("Ｂｏｄｏｈ", "bodoh"),
        ("b\u200bodoh", "bodoh"),
        ("рukimak", "pukimak"),  # Cyrillic r
        ("sh!t", "shit"),
        ("b o d o h", "bodoh"),
        ("bitches", "bitch"),
        ("sialan", "sial"),
    ],
)
def test_obfuscated_spellings_fold_to_the_listed_word(text, expected):
    assert expected in forms(text)


def test_token_spans_point_at_the_original_text():
    text = "Hai ＢＯＤＯＨ s.i.a.l!"
    tokens = normalise(text).tokens
    assert [text[t.start : t.end] for t in tokens] == ["Hai", "ＢＯＤＯＨ", "s.i.a.l"]


def test_malaysian_short_forms_expand_for_rules():
    assert normalise("x nak hidup").canonical == "tak nak hidup"


@pytest.mark.parametrize("word", ["Scunthorpe", "assessment", "sosial", "pukul", "kelingking", "cumin"])
def test_innocent_words_are_not_flagged(word):
    assert all(t.entry is None for t in normalise(word).tokens)


def test_at_handles_are_names_not_content():
    assert all(t.entry is None for t in normalise("@FuckKennyJ hello").tokens)


@pytest.mark.parametrize("word", ["he'll", "He’ll", "she'll", "we'll", "I'll", "she'd", "we're", "I'd"])
def test_a_contraction_is_never_the_listed_word_its_letters_spell(word):
    """ "he'll" without its apostrophe spells "hell" (a mild word): a contraction is a pronoun and a verb."""
    assert all(t.entry is None for t in normalise(word).tokens)


def test_a_contraction_keeps_the_words_the_model_was_trained_on():
    assert normalise("you're here").canonical == "you are here"
    assert normalise("he'll be here").canonical == "hell be here"
