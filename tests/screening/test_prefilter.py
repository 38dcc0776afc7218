"""The RE2 look before each Python pattern (webinar/screening/prefilter.py) never hides a match."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from webinar.screening import dewan_set, lexicons, prefilter, rules
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
    pattern of rules.py and every phrase rule: a guard's "no" is always right, its start (where RE2's first
    match of the wider pattern starts) is never after Python's first match, and the guards do turn most
    texts away (else they would only cost time)."""
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
            start = guard.start(text)
            m = rx.search(text)
            if m is not None:
                matched += 1
                # Round 16: and Python, searching from where RE2 found the wider pattern, finds the same.
                assert 0 <= start <= m.start(), (rx.pattern[:120], text)
                assert [x.span() for x in rx.finditer(text, start)] == [x.span() for x in rx.finditer(text)]
            elif start < 0:
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


def test_every_guard_the_rules_ask_is_built_at_import():
    """A guard built on first use costs the comment that first needs it several milliseconds (widening and
    compiling a phrase file): every pattern ``rules.py`` hands to ``_may``, ``_from``, ``_search`` or
    ``_finditer`` by name is in the list of guards built at import (read from the source: in a test
    process, earlier tests may have built the others already)."""
    source = Path(rules.__file__).read_text(encoding="utf-8")
    asked = set(re.findall(r"_(?:may|from|search|finditer)\((_?[A-Z][A-Z0-9_]*),", source))
    built_at_import = source[source.index("for _rx in (") :]
    built_at_import = set(re.findall(r"_?[A-Z][A-Z0-9_]+", built_at_import[: built_at_import.index("):")]))
    assert len(asked) >= 15
    assert asked <= built_at_import, asked - built_at_import
    for name in asked:
        rx = getattr(rules, name)
        assert rules._GUARDS.get(id(rx), (None,))[0] is rx, name


def test_the_shared_looks_never_say_no_where_their_patterns_match():
    """The looks several rules share (one RE2 pass each for a comment): the folded-text cues (a child
    beside a school, a letter flood), the numbered personal data (bank account, passport, house, street),
    the spaced-letters look (exact boundaries rather than dropped lookarounds) and the two-number-words
    look, and the nine-digits look before the phone-number scan. Each says yes wherever one of its Python
    patterns (or the count it stands for) finds something, and turns most texts away."""
    from webinar.screening import normalise as normalise_module

    texts: list[str] = []
    for text in random.Random(11).sample(_labelled_texts(), 1500):
        texts += [text, normalise(text).folded]
    texts += _generated_texts(600)
    texts += ["s u i c i d e", "b.o.d.o.h", "end. I a b", "x y z", "kosong satu dua", "one two", "ab c d e"]
    numbers = lexicons.load().numbers
    looks = [
        (rules._FOLDED_CUES, lambda t: rules._CHILD.search(t) or rules._LETTER_RUN.search(t)),
        (
            rules._NUMBERED_CUES,
            lambda t: any(
                rx.search(t) for rx in (rules._BANK_ACCOUNT, rules._PASSPORT, rules._HOUSE, rules._STREET)
            ),
        ),
        (normalise_module._SPACED_GUARD, normalise_module._SPACED_RE.search),
    ]
    for look, finds in looks:
        matched = refused = 0
        for text in texts:
            may = look.may_match(text)
            if finds(text):
                matched += 1
                assert may, text
            elif not may:
                refused += 1
        assert matched > 0
        assert refused > 2 * matched
    phones = ["call 012-345 6789", "+60 12 345 6789 now", "O12.345.6789", "ic 900101-14-5678", "rm 50 x 3"]
    for text in texts + phones:
        view = rules._digit_view(text)
        long_runs = [m for m in rules._NUMBER_RUN.finditer(view) if len(re.sub(r"\D", "", m.group(0))) >= 9]
        assert not long_runs or rules._NINE_DIGITS.may_match(view), text
    assert not rules._NINE_DIGITS.may_match("rm 50 x 3") and rules._NINE_DIGITS.may_match("012-345 6789")
    spelled = [t for t in texts if sum(map(numbers.__contains__, rules._LETTERS.findall(t))) >= 2]
    assert spelled and all(rules._two_number_words(t, numbers) for t in spelled)
    assert sum(not rules._two_number_words(t, numbers) for t in texts) > 2 * len(spelled)


def test_the_disguised_link_looks_never_say_no_where_their_patterns_match():
    """link_view's two cheap looks (round 14 speed): the disguised-dot look says yes wherever _DOT_LIKE
    finds a disguised dot (a bracketed dot or comma, a spelled dot, "judi88,com", a spaced dot), and the
    spaced-letters look wherever _SPACED_CHARS finds a name spelled around a dot ("j u d i . c o m",
    "judi88 . c o m"); both turn away an ordinary sentence with a comma or a full stop."""
    pieces = ["judi88", " ", "dot", "d0t", "titik", "-", "_", "[", "]", "(", ")", "{", "}", "<", ">", ".",
              ",", "com", "net", "my", "io", "vip", "info", "a", "1", " . ", "。", "·", "hi", "\n", "\t", "x",
              "'"]  # fmt: skip
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(20000)]
    texts += [normalise(t).folded for t in random.Random(11).sample(_labelled_texts(), 1500)]
    texts += ["judi88,com", "site,net/promo", "judi88 [.] com", "judi88-dot-com", "j u d i 8 8 . c o m",
              "judi88 . c o m", "judi88 dot com"]  # fmt: skip
    looks = [
        (rules._DOT_LIKE_CUE.may_match, rules._DOT_LIKE.search),
        (lambda t: rules._SPACED_CUE.search(t) is not None, rules._SPACED_CHARS.search),
    ]
    for may_match, finds in looks:
        matched = 0
        for text in texts:
            if finds(text):
                matched += 1
                assert may_match(text), text
        assert matched > 0
    for ordinary in ("hi, my name is Ali, thanks", "at home. My kids are asleep", "ok, see you (later)"):
        assert not rules._DOT_LIKE_CUE.may_match(ordinary)
    assert rules._SPACED_CUE.search("at home. my kids are asleep") is None


def test_a_primed_guard_answers_as_it_would_unprimed():
    """Round 15 (speed): prefilter.prime asks a batch's texts in batch order and keeps the answers; each
    answer is the one the guard gives unprimed, a text left out of the batch (non-ASCII, or never primed)
    is asked as before, and priming again replaces the answers."""
    texts = [*_labelled_texts()[:400], "kill yourself", "ａｂｃ kill yourself", "see you next week", ""]
    primed, fresh = prefilter.Guard(rules._THREAT_RE), prefilter.Guard(rules._THREAT_RE)
    prefilter.prime([(primed, texts[:300])])
    assert [primed.may_match(t) for t in texts] == [fresh.may_match(t) for t in texts]
    prefilter.prime([(primed, ["kill yourself"])])
    assert [primed.may_match(t) for t in texts] == [fresh.may_match(t) for t in texts]


def test_a_batch_screens_as_its_comments_do_one_at_a_time():
    """Round 15 (speed): screen_many primes the looks most comments ask (rules.look_in_batch); the verdicts
    are those of the same comments screened one at a time."""
    from webinar.screening import screen, screen_many

    texts = random.Random(15).sample(_labelled_texts(), 300)
    texts += ["I will find you and k1ll you", "adik umur berapa? jangan bagitau mak", "d m me on i g: ali_99"]
    together = [v.as_dict() for v in screen_many(texts)]
    alone = [screen(t).as_dict() for t in texts]
    for a, b in zip(together, alone, strict=True):
        assert (
            a["action"] == b["action"] and a["categories"] == b["categories"] and a["reasons"] == b["reasons"]
        )
