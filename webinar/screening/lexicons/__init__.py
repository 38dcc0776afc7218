"""Loads the word lists in this folder once and builds the lookup tables the pipeline uses.

Files: ``en.tsv``, ``ms.tsv``, ``manglish.tsv`` (term, category, severity, flags), ``allow.txt``,
``identity.txt``, ``dehumanising.txt``, ``shortforms.tsv``, ``targets.txt``, ``pronouns.tsv``,
``negators.txt``, ``senses.tsv``, ``titles.txt``, ``numbers.tsv``, ``tlds.txt``, ``services.txt``,
``trusted_domains.txt``, ``materials.txt``, ``contact_words.txt``, ``not_handles.txt`` (see ``word_set``),
``hate_predicates.tsv``, ``advice.txt`` (see ``word_file``), and the phrase rules ``self_harm.re``,
``threat.re``, ``harassment.re``, ``everyday.re``, ``hate.re``, ``counter.re`` and ``spam.tsv`` (see
``patterns``). Terms are normalised with the same
function as the text, so a list entry and a comment meet in the same form.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIST_FILES = {"en.tsv": "en", "ms.tsv": "ms", "manglish.tsv": "manglish", "id.tsv": "id"}


@dataclass(frozen=True, slots=True)
class Entry:
    term: str  # normalised term, words joined by single spaces
    category: str
    severity: int
    language: str
    substring: bool = False
    contextual: bool = False
    mild: bool = False  # a mild intensifier ("damn useful"): see docs/screening.md, "Mild words"
    name: bool = False  # also a name ("Dick Lee"): innocent when capitalised in a name


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, Entry]  # single-token terms
    phrases: dict[str, tuple[tuple[tuple[str, ...], Entry], ...]]  # first token -> (tokens, entry)
    substring_re: re.Pattern | None
    substring_entries: dict[str, Entry]
    wildcard_index: dict[int, tuple[str, ...]]  # token length -> single-token terms, for "f*ck"
    allow_words: frozenset[str]
    allow_phrases: dict[str, tuple[tuple[str, ...], ...]]
    identity: frozenset[str]
    identity_phrases: tuple[tuple[str, ...], ...]
    identity_phrase_table: dict[str, tuple[tuple[tuple[str, ...], None], ...]]
    dehumanising: frozenset[str]
    shortforms: dict[str, str]
    targets: frozenset[str]  # role nouns and third-person pronouns ("host", "penceramah", "dia")
    target_phrases: dict[str, tuple[tuple[tuple[str, ...], None], ...]]
    first_person: frozenset[str]
    second_person: frozenset[str]
    negators: frozenset[str]
    commands: frozenset[str]  # negators that negate only with a feeling verb ("jangan rasa bodoh")
    feel_words: frozenset[str]
    claim_words: frozenset[str]  # after a negator and before a group, deny its generalisation ("not all")
    senses: dict[str, frozenset[str]]  # term -> words showing its everyday sense
    titles: frozenset[str]
    numbers: dict[str, str]  # spelled digit -> digit
    tlds: tuple[str, ...]
    services: tuple[str, ...]  # public helplines and services whose numbers are not personal data
    trusted_domains: tuple[str, ...]  # sites whose links publish under the default link policy
    hate_predicates: dict[str, dict[tuple[str, ...], str]]  # first word -> {words: kind}
    general_words: frozenset[str]  # generalising markers before a trait ("are all", "semua", "macam")
    filler_words: frozenset[str]  # words that may stand between a group and its trait ("ni", "suka")
    particular_words: frozenset[str]  # words before a group that make it particular ("my", "a", "some")
    stop_words: frozenset[str]  # words that end a generalisation's reach ("victims of", "scammer calls")
    singular_words: frozenset[str]  # an indefinite article before a group ("a", "seorang"): may be generic
    liken_words: frozenset[str]  # words of a comparison that follow a negator ("no better than", "tak ubah")
    beast_words: frozenset[str]  # animal, vermin and disease nouns a group is likened to ("rat", "lalat")
    zodiac_words: frozenset[str]  # the zodiac's words: an animal beside them is a sign, not a likening
    list_words: frozenset[str]  # words between the groups of a list ("Malay, Chinese or Indian")
    help_words: frozenset[str]  # with a question mark: a help or victim question about a group
    ask_words: frozenset[str]  # with a question mark: a neutral question about a group (rights, access)
    language: dict[str, str]  # function word -> "ms" / "en"
    indonesian_markers: frozenset[str]  # words only Indonesian writes, as typed (indonesian.tsv)
    indonesian_readings: dict[str, str]  # list word -> "ctx" / "mild": its reading in an Indonesian comment
    indonesian_particles: frozenset[str]  # particles left out of the text the model scores ("nih", "sih")
    # Round 16: in a comment that reads as Indonesian, words the model scores as another word ("gue" as "ane",
    # not as its Malay reading "aku"; "" leaves it out), and laughs left out of the text it scores ("haha").
    indonesian_scored_as: dict[str, str]
    indonesian_laughs: frozenset[str]
    public_roles: frozenset[str]  # round 16: "presiden", "rezim": targets of insult and profanity ctx words
    farewells: tuple[str, ...]  # phrases left out of the text the model scores ("sampai jumpa")
    swaps: dict[str, str]  # a listed word with two adjacent letters swapped ("bdooh") -> the word ("bodoh")
    known: frozenset[str]  # every single word of these lists: how spaced letters are cut into words


def _lines(name: str):
    for raw in (HERE / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            yield line


def _norm_term(term: str) -> str:
    # Imported here: normalise imports this module's loader lazily too.
    from webinar.screening.normalise import fold_text

    return " ".join(fold_text(term).split())


def _phrase_table(items):
    table: dict[str, list] = {}
    for tokens, value in items:
        table.setdefault(tokens[0], []).append((tokens, value))
    # Longest phrases first, so "kepala bapak kau" wins over "kepala bapak".
    return {k: tuple(sorted(v, key=lambda tv: -len(tv[0]))) for k, v in table.items()}


def parse_entries(name: str, language: str) -> list[Entry]:
    entries = []
    for line in _lines(name):
        parts = line.split("\t")
        if len(parts) < 3:
            raise ValueError(f"{name}: bad line {line!r}")
        flags = set(parts[3].split(",")) if len(parts) > 3 else set()
        entries.append(
            Entry(
                term=_norm_term(parts[0]),
                category=parts[1],
                severity=int(parts[2]),
                language=language,
                substring="sub" in flags,
                contextual="ctx" in flags,
                mild="mild" in flags,
                name="name" in flags,
            )
        )
    return entries


@cache
def load() -> Lexicon:
    words: dict[str, Entry] = {}
    phrase_items = []
    for name, language in LIST_FILES.items():
        for entry in parse_entries(name, language):
            tokens = tuple(entry.term.split())
            if len(tokens) == 1:
                old = words.get(entry.term)
                if old is None or old.severity < entry.severity:
                    words[entry.term] = entry
            else:
                phrase_items.append((tokens, entry))
    substring_entries = {t: e for t, e in words.items() if e.substring}
    substring_re = (
        re.compile("|".join(sorted(map(re.escape, substring_entries), key=len, reverse=True)))
        if substring_entries
        else None
    )
    wildcard: dict[int, list[str]] = {}
    for term in words:
        wildcard.setdefault(len(term), []).append(term)
    allow = [_norm_term(t) for t in _lines("allow.txt")]
    identity = [_norm_term(t) for t in _lines("identity.txt")]
    shortforms = dict(_pairs("shortforms.tsv"))
    pronouns = _pairs("pronouns.tsv")
    indonesian = _pairs("indonesian.tsv")
    targets = [_norm_term(t) for t in _lines("targets.txt")]
    negators = list(_lines("negators.txt"))
    general = _by_prefix(_lines("generalising.txt"))
    predicates: dict[str, dict[tuple[str, ...], str]] = {}
    for term, kind in _pairs("hate_predicates.tsv"):
        phrase = tuple(_norm_term(term).split())
        predicates.setdefault(phrase[0], {})[phrase] = kind
    return Lexicon(
        words=words,
        phrases=_phrase_table(phrase_items),
        substring_re=substring_re,
        substring_entries=substring_entries,
        wildcard_index={k: tuple(v) for k, v in wildcard.items()},
        allow_words=frozenset(t for t in allow if " " not in t),
        allow_phrases=_phrase_table((tuple(t.split()), None) for t in allow if " " in t),
        identity=frozenset(t for t in identity if " " not in t),
        identity_phrases=tuple(tuple(t.split()) for t in identity if " " in t),
        identity_phrase_table=_phrase_table((tuple(t.split()), None) for t in identity if " " in t),
        dehumanising=frozenset(_norm_term(t) for t in _lines("dehumanising.txt")),
        shortforms=shortforms,
        targets=frozenset(t for t in targets if " " not in t),
        target_phrases=_phrase_table((tuple(t.split()), None) for t in targets if " " in t),
        first_person=frozenset(w for w, p in pronouns if p == "first"),
        second_person=frozenset(w for w, p in pronouns if p == "second"),
        negators=frozenset(w.removeprefix("imp:") for w in negators if not w.startswith(("feel:", "claim:"))),
        commands=frozenset(w[4:] for w in negators if w.startswith("imp:")),
        feel_words=frozenset(w[5:] for w in negators if w.startswith("feel:")),
        claim_words=frozenset(w[6:] for w in negators if w.startswith("claim:")),
        senses={term: frozenset(words.split()) for term, words in _pairs("senses.tsv")},
        titles=frozenset(_norm_term(t) for t in _lines("titles.txt")),
        numbers=dict(_pairs("numbers.tsv")),
        tlds=tuple(_lines("tlds.txt")),
        services=tuple(_lines("services.txt")),
        trusted_domains=tuple(_lines("trusted_domains.txt")),
        hate_predicates=predicates,
        general_words=general[""],
        filler_words=general["filler"],
        particular_words=general["particular"],
        stop_words=general["stop"],
        singular_words=general["singular"],
        liken_words=general["liken"],
        beast_words=general["beast"],
        zodiac_words=general["zodiac"],
        list_words=general["list"],
        help_words=general["help"],
        # ask: lines only. Round 14 meant help: lines too, but its reading (w[4:] of "help:x" is ":x")
        # never matched a word, and the round was measured that way: adding them is a change to measure.
        ask_words=general["ask"],
        language={
            **{w: "ms" for w, kind in indonesian if kind == "marker" or (kind == "particle" and w.isalpha())},
            **dict(_pairs("language.tsv")),
        },
        indonesian_markers=frozenset(w for w, kind in indonesian if kind == "marker"),
        indonesian_readings={w: kind for w, kind in indonesian if kind in ("ctx", "mild")},
        indonesian_particles=frozenset(w for w, kind in indonesian if kind == "particle"),
        indonesian_scored_as={w: kind[7:] for w, kind in indonesian if kind.startswith("scored:")},
        indonesian_laughs=frozenset(w for w, kind in indonesian if kind == "laugh"),
        public_roles=frozenset(w for w, kind in indonesian if kind == "role"),
        farewells=tuple(w for w, kind in indonesian if kind == "phrase"),
        swaps=_swaps(words, identity, predicates, shortforms, allow, targets),
        known=frozenset(
            {t for t in _signal_words(words, identity, predicates) if t.isalpha()}
            | {t for t in (*words, *targets, *shortforms) if " " not in t}
            | {w for w, _lang in _pairs("language.tsv")}
            | {w for w, _p in pronouns}
        ),
    )


# Words of these phrase-rule files are read through one swap of adjacent letters too ("klil" -> "kill").
SWAP_RULE_FILES = ("threat.re", "self_harm.re", "sexual.re")
SWAP_MIN_LENGTH = 4  # shorter words have too many real neighbours ("fuk" / "ufk" is not worth the risk)


def swap_targets(
    words: dict[str, Entry], identity: list[str], predicates: dict[str, dict[tuple[str, ...], str]]
) -> frozenset[str]:
    """The words a misspelling with two adjacent letters swapped is read as: word-list terms of severity 2
    or 3, identity terms, one-word hate predicates and dehumanising words, and the trigger words of the
    threat, self-harm and sexual phrase rules; letters only, at least ``SWAP_MIN_LENGTH`` long."""
    found = {t for t, e in words.items() if e.severity >= 2 and not e.mild}
    found |= _signal_words(words, identity, predicates)
    return frozenset(t for t in found if t.isalpha() and len(t) >= SWAP_MIN_LENGTH)


def _signal_words(words, identity, predicates) -> set[str]:
    """Single words the rules look for besides the word lists: identity terms, one-word hate predicates,
    dehumanising words and the trigger words of ``SWAP_RULE_FILES``."""
    found = {t for t in identity if " " not in t}
    found |= {phrase[0] for table in predicates.values() for phrase in table if len(phrase) == 1}
    found |= {_norm_term(t) for t in _lines("dehumanising.txt")}
    for name in SWAP_RULE_FILES:
        found |= triggers(name) or frozenset()
    return found


def one_swaps(word: str) -> set[str]:
    """Every spelling of ``word`` with two adjacent, different letters swapped."""
    pairs = range(len(word) - 1)
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in pairs if word[i] != word[i + 1]}


def _swaps(words, identity, predicates, shortforms, allow, targets) -> dict[str, str]:
    """Misspelling -> word for ``swap_targets``, leaving out every spelling that is a real word itself
    (``swap_real_words.txt``: English and Malay words found in the benign rows of the training sets, see
    ``webinar.screening.swap_words``), any word of these lists, and spellings two targets share."""
    known = set(words) | set(identity) | set(shortforms) | set(allow) | set(targets)
    known |= {w for w, _lang in _pairs("language.tsv")} | {w for w, _p in _pairs("pronouns.tsv")}
    known |= {_norm_term(t) for t in _lines("swap_real_words.txt")}
    out: dict[str, str] = {}
    shared: set[str] = set()
    chosen = swap_targets(words, identity, predicates)
    for target in sorted(chosen):
        for spelling in one_swaps(target):
            if spelling in known or spelling in chosen:
                continue
            if spelling in out and out[spelling] != target:
                shared.add(spelling)
            out[spelling] = target
    return {k: v for k, v in out.items() if k not in shared}


def _pairs(name: str) -> list[tuple[str, str]]:
    """Two tab-separated columns."""
    out = []
    for line in _lines(name):
        first, second = line.split("\t", 1)
        out.append((first.strip(), second.strip()))
    return out


def _by_prefix(lines) -> defaultdict[str, frozenset[str]]:
    """``prefix:word`` lines (``generalising.txt``) grouped by prefix; a line with no prefix under ""."""
    out: defaultdict[str, frozenset[str]] = defaultdict(frozenset)
    for line in lines:
        prefix, colon, word = line.partition(":")
        out[prefix if colon else ""] |= {word if colon else line}
    return out


@cache
def word_sets(name: str) -> dict[str, frozenset[str]]:
    """The words of a "label<TAB>word" file grouped by label (``readings.tsv``: label -> its words)."""
    out: dict[str, set[str]] = {}
    for label, word in _pairs(name):
        out.setdefault(label, set()).add(word)
    return {label: frozenset(words) for label, words in out.items()}


_MACRO = re.compile(r"^@(\w+)\s*=\s*(.+)$")


@cache
def word_file(name: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """A file of one word or phrase a line (``advice.txt``), normalised like comments: (single words,
    phrases of two words or more)."""
    terms = [_norm_term(t) for t in _lines(name)]
    return frozenset(t for t in terms if " " not in t), tuple(t for t in terms if " " in t)


@cache
def word_set(name: str) -> frozenset[str]:
    """The words of a one-word-a-line file (``materials.txt``, ``contact_words.txt``...), lower case, as
    written (not normalised: the rules that read them match the folded or canonical text's words)."""
    return frozenset(line.lower() for line in _lines(name))


@cache
def triggers(name: str) -> frozenset[str] | None:
    """The ``@TRIGGERS`` words of a phrase-rule file (None when it has none: always run it)."""
    for line in _lines(name):
        m = _MACRO.match(line)
        if m is not None and m.group(1) == "TRIGGERS":
            return frozenset(m.group(2).split())
    return None


@cache
def needs(name: str) -> frozenset[str] | None:
    """The ``needs.tsv`` words of a phrase-rule file (None when it has none): every match of every line of
    the file holds one of them as a whole word (a maximal run of word characters), so a comment with none
    of them skips the file (round 16, speed). Written by ``python -m webinar.screening.wordgate --write
    FILE`` from the file's lines; tests/screening/test_wordgate.py fails when a line can match without one."""
    for line in _lines("needs.tsv"):
        file, _tab, words = line.partition("\t")
        if file == name:
            return frozenset(words.split())
    return None


@cache
def gate(name: str) -> frozenset[str]:
    """The ``@TRIGGERS`` and ``@GATE`` words of a phrase-rule file together: a comment with none of them
    skips the file. ``@GATE`` words are everyday words that are not read through a swapped spelling."""
    found = set(triggers(name) or ())
    for line in _lines(name):
        m = _MACRO.match(line)
        if m is not None and m.group(1) == "GATE":
            found |= set(m.group(2).split())
    return frozenset(found)


@cache
def patterns(name: str) -> tuple[tuple[str, str], ...]:
    """The phrase rules of one ``.re`` or ``.tsv`` file as (label, regex) pairs, macros expanded.

    A ``.re`` line is a regex (label ""), or "label<TAB>regex"; a ``@NAME = regex`` line defines a
    macro used as ``{NAME}`` in the lines (and macros) after it. ``spam.tsv`` lines are "weight<TAB>regex".
    """
    macros: dict[str, str] = {}
    out = []
    for line in _lines(name):
        m = _MACRO.match(line)
        if m is not None:
            value = m.group(2).strip()
            for key, earlier in macros.items():  # a macro may use the macros defined before it
                value = value.replace("{" + key + "}", earlier)
            macros[m.group(1)] = value
            continue
        label, _tab, rx = line.rpartition("\t")
        for key, value in macros.items():
            rx = rx.replace("{" + key + "}", value)
        re.compile(rx)  # a bad line fails at load, naming nothing silently
        out.append((label, rx))
    return tuple(out)
