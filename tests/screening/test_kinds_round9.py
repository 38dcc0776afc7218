"""Round 9 of issue 13 (docs/screening.md, "Round 9"): spellings the normaliser undoes as kinds, not word by
word. A listed word with two adjacent letters swapped is read as the word unless the spelling is a real
word itself; letters spaced or dotted out are read as the words they spell, however long, however many
words, and cut into words where they run together. Both readings reach the phrase rules and the model's
text. Wordings are these tests' own."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.screening.overlap import assert_under_40_percent_shared, template_lines_from
from tests.screening.test_kinds import assert_held_as, verdict
from tests.screening.test_kinds_round3 import assert_published
from webinar.screening import dewan_set, lexicons, swap_words, train
from webinar.screening.normalise import normalise

# --- two adjacent letters swapped ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("swapped", "meant"),
    [
        ("host ni bdooh", "host ni bodoh"),  # a severity-2 word of the Malay list
        ("you are so stpuid", "you are so stupid"),
        ("Mlaays are all lzay", "malays are all lazy"),  # an identity term and a hate predicate
        ("Cina semua pneipu", "cina semua penipu"),
        ("I will klil you", "i will kill you"),  # a trigger word of the threat rules
        ("go bcak to where you came from", "go back to where you came from"),
        ("pendatnag macam lipas", "pendatang macam lipas"),
        ("Mlaays", "malays"),  # an ending kept after the swap
    ],
)
def test_a_listed_word_with_two_adjacent_letters_swapped_is_read_as_the_word(swapped, meant):
    assert normalise(swapped).canonical == normalise(meant).canonical


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Mlaays are all lzay and dirty", "hate"),
        ("Indians are all trerorists", "hate"),
        ("host ni bdooh gila", "insult"),
        ("I will klil you after this webinar", "threat"),
        ("i want to klil myself tonight", "self_harm"),
    ],
)
def test_swapped_letters_reach_the_rules(text, category):
    assert_held_as(text, category)


def test_swapped_letters_reach_the_model_heads():
    """The heads score the canonical text, so a swapped spelling scores exactly as the word."""
    assert verdict("Mlaays semua pmealas").heads == verdict("Malays semua pemalas").heads


@pytest.mark.parametrize(
    "word",
    ["pets", "silam", "agung", "veil", "lisp", "coil", "mami", "said", "tail", "center", "buat", "kamu"],
)
def test_a_real_english_or_malay_word_is_never_read_as_the_word_it_swaps_to(word):
    assert normalise(word).canonical == word


@pytest.mark.parametrize(
    "text",
    [
        "I keep two pets at home, can they get scam calls lol",
        "Zaman silam kita tak ada scam online macam ni",
        "Masjid Agung dekat rumah saya buat ceramah keselamatan siber",
        "my mami got a scam call yesterday",
    ],
)
def test_real_words_one_swap_from_a_listed_word_publish(text):
    assert_published(text)


def test_the_real_word_file_holds_every_swapped_spelling_the_training_sets_use():
    """``lexicons/swap_real_words.txt`` is current: every swapped spelling seen in a benign training row
    is in it (regenerate with ``python -m webinar.screening.swap_words``)."""
    if not train.DATASETS.exists():
        pytest.skip("../shared/datasets is not beside the checkout")
    listed = set(swap_words.OUT.read_text(encoding="utf-8").split())
    assert set(swap_words.real_swaps(swap_words.benign_counts())) <= listed
    assert not set(lexicons.load().swaps) & listed


# --- letters spaced or dotted out -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spaced", "meant"),
    [
        ("I h a t e Malays", "i hate malays"),  # a one-letter word before the spaced word
        ("b o d o h   p u n y a   h o s t", "bodoh punya host"),  # wider gaps between words
        ("g o  b a c k  t o  c h i n a", "go back to china"),  # two-letter words among them
        ("aku benci o r a n g i n d i a", "aku benci orang india"),  # words run together, cut
        ("k.i.l.l them all", "kill them all"),
        ("p-e-n-d-a-t-a-n-g semua penipu", "pendatang semua penipu"),
        ("s u i c i d e", "suicide"),
        ("i want to k 1 l l  m y s e l f", "i want to kill myself"),  # leetspeak spaced out
    ],
)
def test_letters_spaced_or_dotted_out_are_read_as_the_words_they_spell(spaced, meant):
    assert normalise(spaced).canonical == normalise(meant).canonical


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I h a t e Malays so much", "hate"),
        ("g o  b a c k  t o  c h i n a", "hate"),
        ("aku benci o r a n g  i n d i a", "hate"),
        ("b o d o h   p u n y a   h o s t", "insult"),
        ("i want to k . i . l . l myself", "self_harm"),
    ],
)
def test_spaced_letters_reach_the_rules(text, category):
    assert_held_as(text, category)


@pytest.mark.parametrize(
    "text",
    [
        "no saya 0 1 2 - 3 4 5 6 7 8 9",
        "n o m b o r  s a y a  0 1 2 3 4 5 6 7 8 9",
        "6 0 1 2 . 3 4 5 . 6 7 8 9",
    ],
)
def test_digits_spaced_out_stay_a_phone_number(text):
    assert_held_as(text, "personal_data")


def test_spaced_letters_reach_the_model_heads():
    assert verdict("p e n d a t a n g semua pemalas").heads == verdict("pendatang semua pemalas").heads


@pytest.mark.parametrize(
    "text",
    [
        "K L C C tower view from the hotel is nice",
        "p.s. i love this session",
        "t h a n k  y o u  host",
        "A B C steps to spot a scam?",
    ],
)
def test_spaced_abbreviations_and_thanks_publish(text):
    assert_published(text)


# --- the round's training lines ---------------------------------------------------------------------------


def test_round9_templates_share_under_40_percent_of_word_pairs_with_the_own_evaluation_sets():
    """The own evaluation-only files (functional tests, video comments) stay honest: no round-9 line shares
    40% or more of its word pairs with one of their lines (the held-out files are checked by round 7's test,
    which covers every section from round 7 on)."""
    data = Path(dewan_set.__file__).resolve().parent / "data"
    kept = [
        json.loads(line)["text"]
        for name in ("functional_ms_sg.jsonl", "video_comments.jsonl")
        for line in (data / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    lines = template_lines_from("# Round 9 (issue 13")
    assert len(lines) > 3000
    assert_under_40_percent_shared(lines, kept)


def test_round9_writes_every_kind_with_its_benign_lookalikes_in_all_three_languages():
    slots, rows = dewan_set.parse()
    section = dewan_set.TEMPLATES.read_text(encoding="utf-8").split("# Round 9 (issue 13", 1)[1]
    templates = set(section.splitlines())
    lines = dewan_set.expand(slots, [r for r in rows if r[0] in templates])
    per = Counter((r["category"], r["language"]) for r in lines)
    for category in ("hate", "threat", "self_harm", "sexual", "spam", "benign", "counter_speech"):
        for language in ("en", "ms", "mixed"):
            assert per[category, language] >= 15, (category, language, per[category, language])
    assert sum(n for (c, _l), n in per.items() if c == "neutral_identity") >= 200


# --- denied claims and denied acts against a group are not hate ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I don't think Indians are lazy",
        "I honestly don't believe immigrants are criminals",
        "it is not true that Muslims are terrorists",
        "Tak semua orang Cina penipu",
        "Saya tak rasa pendatang semua penjenayah",
        "no one should say Chinese are greedy",
        "I don't hate Malays, I hate scammers",
        "Saya tidak benci orang Cina",
        "jangan benci orang India, benci penipu",
        "dont ban Muslims, ban the scam syndicates",
    ],
)
def test_a_denied_generalisation_or_act_against_a_group_is_counter_speech(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "I don't believe Chinese, they are all cheats",  # a clause break: the claim is made, not denied
        "Indians are lazy, I don't think otherwise",
        "I hate Malays",
        "never trust Indians",
        "ban all Muslims",
    ],
)
def test_a_claim_made_after_a_denial_or_without_one_is_still_hate(text):
    assert_held_as(text, "hate")
