"""Rule-based detectors: word lists, phrase rules (threats, self-harm, hate), spam, links, personal
data and floods. Every detector returns ``Hit`` objects whose spans point into the ORIGINAL text.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress
from operator import itemgetter

from webinar.screening import lexicons
from webinar.screening.normalise import Normalised, leet_reading, normalise
from webinar.screening.prefilter import CueGuard, Guard, prime

# Keyed by id: hashing a compiled pattern hashes its whole compiled code every time (about 35
# microseconds for a phrase file), so the pattern is kept beside its guard and checked by identity.
_GUARDS: dict[int, tuple[re.Pattern, Guard]] = {}


def _may(rx: re.Pattern, text: str) -> bool:
    """False only when ``rx`` certainly matches nowhere in ``text`` (one RE2 pass; see prefilter.py)."""
    return _guard(rx).may_match(text)


def _from(rx: re.Pattern, text: str) -> int:
    """-1 when ``rx`` certainly matches nowhere in ``text``, else where its first match can start at the
    earliest (see prefilter.Guard.start): ``rx.search(text, _from(rx, text))`` finds what
    ``rx.search(text)`` finds."""
    return _guard(rx).start(text)


def _search(rx: re.Pattern, text: str) -> re.Match | None:
    """``rx.search(text)``, Python reading the text only from where RE2 found a match of the wider pattern."""
    start = _guard(rx).start(text)
    return None if start < 0 else rx.search(text, start)


def _finditer(rx: re.Pattern, text: str):
    """``rx.finditer(text)`` (an empty tuple when RE2 says there is no match), read from where RE2 found
    one."""
    start = _guard(rx).start(text)
    return () if start < 0 else rx.finditer(text, start)


def _guard(rx: re.Pattern) -> Guard:
    """The RE2 look of ``rx`` (see ``_may``), built on first use."""
    found = _GUARDS.get(id(rx))
    if found is None or found[0] is not rx:
        found = _GUARDS[id(rx)] = (rx, Guard(rx))
    return found[1]


@dataclass(frozen=True, slots=True)
class Hit:
    code: str
    category: str
    severity: int
    start: int | None
    end: int | None


CONTEXT_WINDOW = 2
TARGET_WINDOW = 3  # a role noun may stand further before its insult ("the host is so dumb")
IDENTITY_WINDOW = 3


_PLUS_ONE = (1).__add__
_TOKEN_WORDS = itemgetter(1)  # normalise.Token.words (a named tuple's second field)
_TOKEN_ENTRY = itemgetter(2)  # normalise.Token.entry


class _Words:
    """The comment as a flat list of canonical words, each pointing back to its token."""

    __slots__ = ("_groups", "_leet", "_starts", "_units", "owner", "text", "word_set", "words")

    def __init__(self, norm: Normalised):
        tokens = norm.tokens
        words = list(chain.from_iterable(map(_TOKEN_WORDS, tokens)))  # each token's words, in C
        self.words = words
        self.word_set = frozenset(words)
        # Most tokens are one word ("xnak" is two: "tak nak").
        self.owner = (
            list(range(len(tokens)))
            if len(words) == len(tokens)
            else [i for i, tok in enumerate(tokens) for _w in tok.words]
        )
        self.text = " ".join(words)
        self._starts: list[int] | None = None
        self._groups: list[tuple[int, int]] | None = None
        self._leet: tuple[str, frozenset[str]] | bool | None = False
        self._units: tuple[frozenset[str], frozenset[str] | None] | None = None

    @property
    def starts(self) -> list[int]:
        """Where each word starts in ``text`` (computed on first use: most comments never ask)."""
        starts = self._starts
        if starts is None:
            words = self.words
            starts = list(accumulate(map(_PLUS_ONE, map(len, words[:-1])), initial=0)) if words else []
            self._starts = starts
        return starts

    def leet(self) -> tuple[str, frozenset[str]] | None:
        """The text with digits between letters read as letters ("i w4nt to d1e" -> "i want to die"), and
        its words; None when no word has one. Same length as ``text``, so offsets map the same way."""
        if self._leet is False:
            alt = leet_reading(self.text)
            self._leet = None if alt is None or alt == self.text else (alt, frozenset(alt.split(" ")))
        return self._leet  # type: ignore[return-value]

    def units(self) -> tuple[frozenset[str], frozenset[str] | None]:
        """The whole words (maximal runs of ``\\w`` characters) of the text and of its leet reading (None
        when it has none): what a phrase file's ``@NEEDS`` words are looked for in (round 16). The
        canonical words themselves when they are all letters and digits, as nearly always."""
        if self._units is None:
            leet = self.leet()
            self._units = (
                _units_of(self.text, self.word_set),
                None if leet is None else _units_of(leet[0], leet[1]),
            )
        return self._units

    def groups(self) -> list[tuple[int, int]]:
        """Word index ranges naming a group of people (identity.txt), computed once per comment."""
        if self._groups is None:
            self._groups = _group_spans(self.words, lexicons.load())
        return self._groups

    def token_range(self, a: int, b: int) -> tuple[int, int]:
        """Token indices covered by the character range [a, b) of ``self.text``."""
        first = bisect.bisect_right(self.starts, a) - 1
        last = bisect.bisect_right(self.starts, max(a, b - 1)) - 1
        return self.owner[max(first, 0)], self.owner[max(last, 0)]


_WORD_RUN = re.compile(r"\w+")


def _units_of(text: str, words: frozenset[str]) -> frozenset[str]:
    return words if text.replace(" ", "").isalnum() else frozenset(_WORD_RUN.findall(text))


_FIRST_WORDS: dict[int, tuple[dict, frozenset[str]]] = {}


def _absent(words: list[str], table: dict) -> bool:
    """Whether no word of ``words`` starts an entry of ``table`` (a phrase table keyed by first word): one
    set look in C instead of a dictionary look per word in Python, for the common comment."""
    found = _FIRST_WORDS.get(id(table))
    if found is None or found[0] is not table:
        if len(_FIRST_WORDS) > 1024:
            _FIRST_WORDS.clear()  # organisers' term tables come and go (compile_terms keeps 256)
        found = _FIRST_WORDS[id(table)] = (table, frozenset(table))
    return found[1].isdisjoint(words)


def _phrase_matches(words: list[str], table) -> list[tuple[int, int]]:
    """(first word, last word) index pairs where a phrase of ``table`` occurs."""
    out: list[tuple[int, int]] = []
    if _absent(words, table):
        return out
    n = len(words)
    for i, w in enumerate(words):
        for tokens, _value in table.get(w, ()):
            k = len(tokens)
            if i + k <= n and tuple(words[i : i + k]) == tokens:
                out.append((i, i + k - 1))
                break
    return out


def _phrase_entries(words: list[str], table):
    if _absent(words, table):
        return
    n = len(words)
    for i, w in enumerate(words):
        for tokens, entry in table.get(w, ()):
            k = len(tokens)
            if i + k <= n and tuple(words[i : i + k]) == tokens:
                yield i, i + k - 1, entry
                break


# --- word lists ---------------------------------------------------------------------------------


def _words_near(tokens, i: int, before: int, after: int) -> list[str]:
    lo, hi = max(0, i - before), min(len(tokens), i + after + 1)
    return [w for j in range(lo, hi) if j != i for w in tokens[j].words]


def lexicon_hits(norm: Normalised, flat: _Words, allowed_tokens: set[int], innocent: set[int]) -> list[Hit]:
    """Word-list hits. Tokens used in an everyday sense, negated or as a mild intensifier are added to
    ``innocent`` so the caller can leave them out of the text the model scores."""
    lex = lexicons.load()
    tokens = norm.tokens
    words = flat.words
    hits: list[Hit] = []
    # Allow-listed phrases ("daging babi", "media sosial") protect the tokens inside them.
    if lex.allow_phrases:
        for a, b in _phrase_matches(words, lex.allow_phrases):
            allowed_tokens.update(range(flat.owner[a], flat.owner[b] + 1))
    # The tokens that are word-list words (an Entry is always true, None false), but not allow-listed.
    flagged: set[int] = set(compress(range(len(tokens)), map(_TOKEN_ENTRY, tokens)))
    if allowed_tokens and flagged:
        flagged -= allowed_tokens
    phrase_hits = []
    for a, b, entry in _phrase_entries(words, lex.phrases):
        ta, tb = flat.owner[a], flat.owner[b]
        if any(t in allowed_tokens for t in range(ta, tb + 1)):
            continue
        phrase_hits.append((ta, tb, entry))
        flagged.update(range(ta, tb + 1))
    n = len(tokens)
    for i in sorted(flagged):
        tok = tokens[i]
        entry = tok.entry
        if entry is None:
            continue
        if _everyday_sense(i, norm, lex, entry):
            innocent.add(i)
            continue
        if entry.contextual and not _has_context(i, tokens, flagged, lex, n, entry.category):
            if entry.category == "insult" and _self_subject(i, tokens):
                innocent.add(i)  # round 15: "aku ni memang lembap bab teknologi": out of the model's text too
            continue
        mild = entry.mild
        reading = lex.indonesian_readings.get(entry.term)
        if reading is not None and reads_indonesian(norm, lex):
            # Round 14: "gampang kok caranya" (easy), "pantat panci" (a pot's bottom), "sial, hujan deras".
            if reading == "mild":
                mild = True
            elif not _has_context(i, tokens, flagged, lex, n, entry.category):
                innocent.add(i)
                continue
        if entry.category == "sexual" and entry.severity <= 2 and _as_topic(i, tokens, lex, norm.original):
            innocent.add(i)
            continue
        reported = entry.category == "sexual" and entry.severity <= 2
        if reported and _reported_sexual(i, tokens, lex, norm.original):
            innocent.add(i)
            continue
        if entry.category in ("insult", "profanity", "hate") and _quoted_name(i, tokens, norm.original):
            innocent.add(i)
            continue
        if mild:
            if _aimed(i, tokens, lex):
                hits.append(Hit("insult.lexicon", "insult", 2, tok.start, tok.end))
            else:
                innocent.add(i)
                hits.append(Hit("profanity.mild", "profanity", 1, tok.start, tok.end))
            continue
        if (
            entry.category in ("insult", "profanity")
            and entry.severity <= 2
            and not (entry.category == "profanity" and _intensifier(norm.original[tok.start : tok.end]))
            and _negated(i, tokens, lex, norm.original)
        ):
            innocent.add(i)
            continue
        if entry.category in ("insult", "profanity") and entry.severity <= 2 and _named_as_word(i, tokens):
            innocent.add(i)
            continue
        if entry.category == "profanity" and _meaning_asked(i, tokens, norm.original, lex):
            innocent.add(i)
            continue
        if entry.category == "insult" and entry.severity <= 2 and _self_directed(i, tokens, lex):
            if _self_subject(i, tokens):
                innocent.add(i)  # round 7: "i damn bodoh", "bodohnya aku": left out of the model's text too
            continue
        if entry.category == "insult" and entry.severity <= 2 and _named_passively(i, tokens, norm.original):
            innocent.add(i)
            continue
        hits.append(Hit(f"{entry.category}.lexicon", entry.category, entry.severity, tok.start, tok.end))
    for ta, tb, entry in phrase_hits:
        if entry.contextual and not _has_context(ta, tokens, flagged, lex, n, entry.category):
            continue
        if entry.term in lex.senses and _phrase_everyday(ta, tb, tokens, lex, entry, norm.original):
            innocent.update(range(ta, tb + 1))
            continue  # round 14: "shut up, really? congrats!"
        if entry.category == "sexual" and _as_topic(ta, tokens, lex, norm.original):
            innocent.update(range(ta, tb + 1))
            continue  # "bahaya gambar bogel": a phrase named as a topic
        hits.append(
            Hit(f"{entry.category}.lexicon", entry.category, entry.severity, tokens[ta].start, tokens[tb].end)
        )
    return hits


def reads_indonesian(norm: Normalised, lex=None) -> bool:
    """Whether a comment reads as Indonesian: a word of it, as typed, is one only Indonesian writes
    (``marker`` lines of lexicons/indonesian.tsv: "gue", "nggak", "banget", "tetangga"...)."""
    markers = (lex or lexicons.load()).indonesian_markers
    original = norm.original
    return any(original[t.start : t.end].lower() in markers for t in norm.tokens)


def _phrase_everyday(ta: int, tb: int, tokens, lex, entry, original: str) -> bool:
    """A word-list phrase in its everyday sense ("shut up, really? congrats!": surprise at good news): a
    word of ``senses.tsv`` within ``SENSE_WINDOW`` words either side and no "you", role noun or third person
    within two in its clause ("shut up you ...", "shut up host, ..." are aimed)."""
    lo, hi = max(0, ta - 2), min(len(tokens) - 1, tb + 2)
    while lo < ta and _CLAUSE_END.search(original, tokens[lo].end, tokens[ta].start) is not None:
        lo += 1
    while hi > tb and _CLAUSE_END.search(original, tokens[tb].end, tokens[hi].start) is not None:
        hi -= 1
    near = [w for j in range(lo, hi + 1) if not ta <= j <= tb for w in tokens[j].words]
    if any(w in lex.second_person or w in lex.targets for w in near):
        return False  # "shut up host, congrats on nothing", "shut up! you ..." (one clause)
    senses = lex.senses[entry.term]
    near = _words_near(tokens, ta, SENSE_WINDOW, 0) + _words_near(tokens, tb, 0, SENSE_WINDOW)
    return any(w in senses for w in near)


SENSE_WINDOW = 5  # words either side that can show a flagged word's everyday sense (one clause)
# Words that introduce a name: "my cat is named Butoh", "kucing saya namanya Butoh".
_NAMING = frozenset(
    ["named", "called", "nama", "namanya", "bernama", "name", "nicknamed", "digelar", "gelaran", "nickname"]
)
_NAME_LINK = frozenset(["is", "was", "ialah", "adalah", "as"])
# Word-list categories whose words are also surnames, places, titles of works or pet names ("Moby Dick",
# "Dick's Sporting Goods", "Butoh"). Slurs against groups are never excused as names.
_NAME_CATEGORIES = frozenset(["insult", "profanity", "sexual"])


def _capitalised(s: str) -> bool:
    """ "Dick", "Dick's", "DiCaprio"-like names: an upper-case first letter and a lower-case second."""
    return len(s) > 1 and s[0].isupper() and s[1].islower()


def _as_name(i: int, norm: Normalised, lex, entry) -> bool:
    """A flagged word used as a name: after a title ("Dr Dick Lee", "dr dick lee") or a naming word
    ("namanya Butoh"), or capitalised in the middle of a sentence beside another capitalised word that is
    not a function word ("Moby Dick", "Dick's Sporting Goods", "Prof Fanny Lim") in a comment that is not
    written in capitals throughout. Any word of the insult, profanity and sexual lists, not only those
    flagged ``name``."""
    if not (entry.name or entry.category in _NAME_CATEGORIES):
        return False
    tokens = norm.tokens
    if i > 0 and tokens[i - 1].words[-1] in lex.titles:
        return True
    if i > 0 and tokens[i - 1].words[-1] in _NAMING:
        return True
    if i > 1 and tokens[i - 1].words[-1] in _NAME_LINK and tokens[i - 2].words[-1] in _NAMING:
        return True  # "his nickname is Babi", "namanya ialah Butoh"
    original = norm.original
    tok = tokens[i]
    if not _capitalised(original[tok.start : tok.end]):
        return False
    capitalised = sum(1 for t in tokens if _capitalised(original[t.start : t.end]))
    if capitalised * 2 > len(tokens):
        return False  # "The Host Is A Dick": title case everywhere says nothing about names
    if '"' in original or "\u201c" in original or "'" in original:
        for a, b in quoted_spans(original):
            if a <= tok.start < b and _quoted_title(norm, lex, a, b):
                return True  # round 14: a title in quotation marks, "The Cock and the Fox"
    if i > 0 and not entry.name and original[: tok.start].rstrip()[-1:] in ".!?":
        return False  # capitalised because it starts a sentence
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens):
            other = tokens[j]
            if (
                _capitalised(original[other.start : other.end])
                and other.words[0] not in lex.language
                and other.words[0] not in lex.second_person
                and (j > i or j > 0 or entry.name or i > 0)
            ):
                return True
    return False


def _quoted_title(norm: Normalised, lex, a: int, b: int) -> bool:
    """A quoted span written as a title (a play, a book, a pub: "The Cock and the Fox"): three words or
    more, a function word among them, and every other word capitalised (two at least). "a 'Big Fat Dick'"
    has no function word and is no title."""
    original = norm.original
    inside = [t for t in norm.tokens if a <= t.start < b]
    content = [t for t in inside if t.words[0] not in lex.language]
    return (
        len(inside) >= 3
        and 2 <= len(content) < len(inside)
        and all(_capitalised(original[t.start : t.end]) for t in content)
    )


# Third-person pronouns among the targets: beside an everyday sense they may be an animal's ("my dog is a
# bitch, she just had puppies"); a role noun beside one is a person.
_PRONOUNS_3P = frozenset(["he", "she", "him", "her", "dia"])


def _everyday_sense(i: int, norm: Normalised, lex, entry) -> bool:
    """ "konek wifi", "tarian butoh", "babi panggang", "Dr Dick Lee", "Moby Dick": the everyday sense or a
    name, unless the word is aimed at someone ("konek kau")."""
    tokens = norm.tokens
    if i > 0 and tokens[i - 1].words[-1] in lex.titles and (entry.name or entry.category in _NAME_CATEGORIES):
        return True  # a title makes a name even beside "you" ("thank you Mr Dick Tan")
    near = _words_near(tokens, i, 2, 2)
    if any(w in lex.second_person for w in near):
        return False
    if entry.category == "insult" and any(w in lex.targets and w not in _PRONOUNS_3P for w in near):
        return False  # round 15: "host ni loser, quiz pun tak reti buat" is aimed, whatever the quiz
    if _as_name(i, norm, lex, entry):
        return True
    senses = lex.senses.get(entry.term)
    return senses is not None and any(w in senses for w in _words_near(tokens, i, SENSE_WINDOW, SENSE_WINDOW))


_CLAUSE_END = re.compile(r"[,.!?;:]")


# Words that do not count toward the negation window: "felt like such an idiot" is "felt ... idiot".
_FILLERS = frozenset(["like", "such", "so", "a", "an", "really", "totally", "macam", "mcm", "sangat", "very"])


def _negated(i: int, tokens, lex, original: str = "") -> bool:
    """ "you are not stupid", "bukan bodoh", "jangan rasa bodoh", "don't feel dumb": negated or a feeling,
    not an attack. A command alone ("jangan jadi bodoh") still is one. The negator must be in the same
    clause: "Hell no, swerve hoe" is not negated (no comma or full stop between them). The window is three
    words, fillers not counted ("I felt like such an idiot", "nobody here is a loser for ...")."""
    first, counted = i, 0
    while first > 0 and counted < 3:
        first -= 1
        if not all(w in _FILLERS for w in tokens[first].words):
            counted += 1
    if original:
        for k in range(i - 1, first - 1, -1):
            if _CLAUSE_END.search(original, tokens[k].end, tokens[k + 1].start) is not None:
                first = k + 1
                break
    wide = [w for t in tokens[first:i] for w in t.words]
    if any(w in lex.feel_words for w in wide):
        return True
    return any(w in lex.negators and w not in lex.commands for w in wide)


# Words that make what follows a topic (guideline: sex education, sextortion and grooming as topics are
# benign): "talk to my son about sexting and nudes", "bahaya pornografi", "risks of sexting".
_TOPIC_WORDS = frozenset(["about", "tentang", "pasal", "mengenai", "regarding", "bahaya", "dangers", "danger",
                          "risks", "risk", "risiko", "education", "pendidikan", "explain", "terangkan",
                          "against", "anti", "addiction", "ketagihan", "prevent", "cegah"])  # fmt: skip


def _as_topic(i: int, tokens, lex, original: str) -> bool:
    """A sexual word within three words after a topic word, in the same clause, and not beside "you"; or
    (round 14) within six words before a harm it leads to ("sending nudes can be used for blackmail",
    ``topic`` words of readings.tsv) in a comment with no "you" and no "me" (a sextortion threat names
    them)."""
    if any(w in lex.second_person for w in _words_near(tokens, i, 2, 2)):
        return False
    for k in range(i - 1, max(-1, i - 4), -1):
        if _CLAUSE_END.search(original, tokens[k].end, tokens[k + 1].start) is not None:
            break
        if any(w in _TOPIC_WORDS for w in tokens[k].words):
            return True
    if any(w in lex.second_person or w in _ADDRESSEE_OBJECT for t in tokens for w in t.words):
        return False
    for k in range(i + 1, min(len(tokens), i + 7)):
        if _CLAUSE_END.search(original, tokens[k - 1].end, tokens[k].start) is not None:
            return False
        if any(w in _HARM_TOPICS for w in tokens[k].words):
            return True
    return False


_WORD_NOUNS = frozenset(["perkataan", "word", "words", "carutan", "maksud", "bermaksud", "means", "meaning",
                         "term", "istilah", "slang"])  # fmt: skip
_WORD_LINKS = frozenset(["tu", "ni", "itu", "ini", "is", "a", "an", "the", "satu", "ialah", "adalah", "does",
                         "dia", "kind", "of"])  # fmt: skip


_WORD_NOUNS = _WORD_NOUNS | lexicons.word_sets("readings.tsv")["word_noun"]
_WORD_LINKS = _WORD_LINKS | lexicons.word_sets("readings.tsv")["word_link"]
_HARM_TOPICS = lexicons.word_sets("readings.tsv")["topic"]
_ADDRESSEE_OBJECT = frozenset(["me", "aku", "saya", "sy", "ku"])


def _named_as_word(i: int, tokens) -> bool:
    """The word talked about as a word ("bangang tu perkataan kasar", "the word X is rude", "what does X
    mean"): a word noun just before it, or after it past linking words."""
    if i > 0 and any(w in ("word", "perkataan", "istilah", "term", "maksud") for w in tokens[i - 1].words):
        return True
    for k in range(i + 1, min(len(tokens), i + 5)):  # round 14: four words ("is a rude word")
        words = tokens[k].words
        if any(w in _WORD_NOUNS for w in words):
            return True
        if not all(w in _WORD_LINKS for w in words):
            return False
    return False


_MEANING_BEFORE = frozenset(["maksud", "erti", "makna"])
_MEANING_AFTER = frozenset(["mean", "means", "maksudnya", "bermaksud", "stand", "stands"])
_MEANING_ASK = frozenset(["what", "whats", "apa", "does", "do", "did", "is"])


def _meaning_asked(i: int, tokens, original: str, lex) -> bool:
    """Round 15: a swear word whose meaning is asked, any severity ("what does knn mean?", `apa maksud
    pukimak?`, "what is the meaning of ffs?"): a question mark, an asking word and a meaning word just
    before the word or a meaning verb just after it, and no "you" beside it ("what does cibai mean, you
    ...")."""
    if "?" not in original[tokens[i].end :]:
        return False
    before = [w for t in tokens[max(0, i - 4) : i] for w in t.words]
    after = [w for t in tokens[i + 1 : i + 3] for w in t.words]
    asked = bool(before) and (
        before[-1] in _MEANING_BEFORE
        or before[-2:] == ["meaning", "of"]
        or (any(w in _MEANING_ASK for w in before[-2:]) and any(w in _MEANING_AFTER for w in after))
    )
    return asked and not any(w in lex.second_person for w in before[-2:] + after)


def _aimed(i: int, tokens, lex) -> bool:
    """A mild word right beside "you" ("damn you") is aimed at someone."""
    return any(w in lex.second_person for w in _words_near(tokens, i, 1, 1))


def _self_directed(i, tokens, lex) -> bool:
    """ "Saya begitu bodoh" / "I am so stupid": self-deprecation, not an insult to anyone ("excuse me,
    moron presenter" is one: a role noun or "you" nearby makes it aimed). A feeling verb just after the
    word says the same in Malay order ("Bodoh sangat rasa bila ingat saya kena tipu")."""
    before = [w for t in tokens[max(0, i - 3) : i] for w in t.words]
    after = [w for t in tokens[i + 1 : i + 3] for w in t.words]
    # Malay order puts the author after the word ("bodohnya aku masa tu", "bengap betul saya").
    if (
        not any(w in lex.first_person for w in before)
        and not any(w in lex.feel_words for w in after)
        and not any(w in _MS_SELF for w in after)
    ):
        return False
    around = [w for t in tokens[max(0, i - 3) : i + 4] for w in t.words]
    return not any(w in lex.second_person or w in lex.targets for w in around)


def _intensifier(word: str) -> bool:
    """A swear word in its -ing form ("no fucking clue", "not f*cking fair") swears whatever stands before
    it: a negator negates the clause, not the word (round 7)."""
    return word.lower().rstrip("'").endswith(("ing", "in", "ng"))


_MS_SELF = frozenset(["aku", "saya", "sy", "aq"])
_SUBJECT = frozenset(["i", "am", "im", "saya", "aku", "sy", "aq"])
_INTENSIFIERS = frozenset(["damn", "so", "very", "really", "such", "a", "an", "totally", "memang", "sangat",
                           "pun", "betul", "sikit", "gila", "la", "lah", "kind", "of", "bit", "quite",
                           "just", "ni", "nie"])  # fmt: skip  # round 15: "ni" ("aku ni memang lembap")


def _self_subject(i: int, tokens) -> bool:
    """The author is the subject of the word: "i damn bodoh", "I'm so stupid", "saya memang bengap" (the
    subject just before it, intensifiers skipped) or Malay order "bodohnya aku", "bengap betul saya" (just
    after it). An object ("fight me hoe") or a pronoun in another role does not count."""
    k = i - 1
    while k >= 0 and all(w in _INTENSIFIERS for w in tokens[k].words):
        k -= 1
    if k >= 0 and tokens[k].words and tokens[k].words[-1] in _SUBJECT:
        return True
    k = i + 1
    while k < len(tokens) and all(w in _INTENSIFIERS for w in tokens[k].words):
        k += 1
    return k < len(tokens) and bool(tokens[k].words) and tokens[k].words[0] in _MS_SELF


# Being called a name is reported, not said ("nobody deserves to be called an idiot", "dia kena panggil
# bodoh", "I got called stupid by a scammer").
_NAMED = frozenset(["called", "dipanggil", "digelar", "labelled", "labeled", "dilabel"])
_NAME_VERB = frozenset(["call", "panggil", "gelar", "label"])
_PASSIVE = frozenset(["be", "being", "been", "get", "gets", "got", "getting", "kena", "was", "were", "is"])


def _named_passively(i, tokens, original: str) -> bool:
    for k in range(i - 1, max(-1, i - 4), -1):
        if _CLAUSE_END.search(original, tokens[k].end, tokens[k + 1].start) is not None:
            return False
        w = tokens[k].words[-1]
        if w in _NAMED or (w in _NAME_VERB and k > 0 and tokens[k - 1].words[-1] in _PASSIVE):
            return True
    return False


_CALLING = frozenset(["called", "call", "calls", "calling", "panggil", "memanggil", "dipanggil", "gelar",
                      "gelarkan", "digelar", "ejek", "mengejek", "diejek", "named", "label",
                      "labelled"])  # fmt: skip


def _quoted_name(i: int, tokens, original: str) -> bool:
    """A word in quotation marks within three words after a naming verb, in a comment that asks for help
    or reports it ("older kids called him "babi", should I tell the teacher?"): the author reports what
    someone was called; the guideline labels it benign."""
    tok = tokens[i]
    if not any(a <= tok.start < b for a, b in quoted_spans(original)):
        return False
    if "?" not in original and _HELP_RE.search(original.lower()) is None:
        return False
    return any(w in _CALLING for t in tokens[max(0, i - 4) : i] for w in t.words)


def _reported_sexual(i: int, tokens, lex, original: str) -> bool:
    """A sexual word a parent or teacher reports about children in a help question ("my 14yo says kids in
    her class share nudes, how do I start that talk?"): a third person or a reporting verb before it in
    the same sentence, a help question, and no "you" beside it."""
    if "?" not in original and _HELP_RE.search(original.lower()) is None:
        return False
    if any(w in lex.second_person for w in _words_near(tokens, i, 3, 2)):
        return False
    before = []
    for k in range(i - 1, max(-1, i - 9), -1):
        if re.search(r"[.!?;]", original[tokens[k].end : tokens[k + 1].start]):
            break
        before += tokens[k].words
    third = any(w in _THIRD_PARTY or _AGE.match(w) for w in before)
    return third and any(w in _REPORTING or w in _DESCRIBING for w in before)


_AGE = re.compile(r"^\d{1,2}(?:yo|yr|yrs|y)$")  # "my 16yo"


def _has_context(i, tokens, flagged, lex, n, category: str = "") -> bool:
    # An identity term makes "anjing" or "stupid" an insult, but "lucah" or "porn" next to "wanita" or
    # "lesbian" is a topic ("pelakon lucah wanita"): sexual words need a pronoun or another flagged word.
    # Role nouns and third-person pronouns are targets too ("the host is stupid", "st00pid speaker",
    # "the admin is so sexy").
    identity_counts = category != "sexual"
    # Round 16: people of public life ("rezim sinting", "menteri edan") are targets of insults and profanity,
    # not of sexual or hate words ("polisi tangkap pelaku mesum" is news).
    roles = lex.public_roles if category in ("insult", "profanity") else frozenset()
    for j in range(max(0, i - TARGET_WINDOW), min(n, i + TARGET_WINDOW + 1)):
        if j == i:
            continue
        tok = tokens[j]
        near = abs(j - i) <= CONTEXT_WINDOW
        for w in tok.words:
            # "this panel is so dumb", "stim tengok ahli panel ni", "rezim sinting"
            if w in lex.targets or (near and w in roles):
                return True
            if w in lex.second_person and (near or j < i):  # "you are a complete stupid"
                return True
            if near and identity_counts and w in lex.identity:
                return True
        if (
            near
            and j in flagged
            and tok.entry is not None
            and not tok.entry.contextual
            and not tok.entry.mild
        ):
            return True
    return False


# --- hate against groups ------------------------------------------------------------------------


_GROUP_WORDS: list = [None, frozenset()]  # the identity set it was built from, its words and plurals


def _group_words(lex) -> frozenset[str]:
    """Every one-word group term and its plural ("lesbians" with "lesbian" listed), longer than four
    letters as a plural: ``w in`` it says what ``w in lex.identity or (len(w) > 4 and w[-1] == "s" and
    w[:-1] in lex.identity)`` says, in one look. Round 14: and its Malay plural written with a 2 ("bangla2",
    "indon2": "bangla-bangla")."""
    built = _GROUP_WORDS
    if built[0] is not lex.identity:
        plurals = (t + "s" for t in lex.identity if len(t) + 1 > 4)
        doubled = (t + "2" for t in lex.identity)
        built[1] = frozenset(lex.identity).union(plurals, doubled)
        built[0] = lex.identity
    return built[1]


def _group_spans(words: list[str], lex) -> list[tuple[int, int]]:
    # A plural of a listed group word names the group too ("lesbians" with "lesbian" listed).
    group_words = _group_words(lex)
    spans = [] if group_words.isdisjoint(words) else [(i, i) for i, w in enumerate(words) if w in group_words]
    if lex.identity_phrase_table:
        spans += _phrase_matches(words, lex.identity_phrase_table)
    return spans


# Each first word's predicates, longest first, sorted once per table (hate_predicates.tsv grew in round 14:
# sorting them for every word found cost the comments that name a group).
_LONGEST_FIRST: dict[int, tuple[dict, dict[str, tuple[tuple[tuple[str, ...], str], ...]]]] = {}


def _predicates(words: list[str], lex) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    table = lex.hate_predicates
    if _absent(words, table):
        return out
    found = _LONGEST_FIRST.get(id(table))
    if found is None or found[0] is not table:
        longest = {w: tuple(sorted(o.items(), key=lambda kv: -len(kv[0]))) for w, o in table.items()}
        found = _LONGEST_FIRST[id(table)] = (table, longest)
    longest_first = found[1]
    n = len(words)
    for i, w in enumerate(words):
        options = longest_first.get(w)
        if options is None:
            continue
        for phrase, kind in options:
            k = len(phrase)
            if i + k <= n and tuple(words[i : i + k]) == phrase:
                out.append((i, i + k - 1, kind))
                break
    return out


# A passive verb after a group term reports an event rather than saying what should be done to the group
# when the group is counted ("seorang wanita", "two men"), the verb is in the past ("was killed", "telah
# dibunuh"), or an agent, place or time follows ("dibunuh oleh", "dibakar di Klang", "killed in", "shot
# yesterday"); unless a word of prescription or wish stands between them ("should be killed", "patut
# dibakar", "hope they get deported").
_COUNTED = frozenset(["a", "an", "one", "two", "three", "four", "five", "seorang", "dua", "tiga", "empat",
                      "lima", "another", "several", "beberapa", "sekumpulan", "many", "ramai"])  # fmt: skip
_PAST = frozenset(["was", "were", "has", "have", "had", "been", "telah", "sudah", "dah", "baru", "pernah"])
_EVENT_AFTER = frozenset(["oleh", "by", "di", "in", "at", "near", "dekat", "semalam", "yesterday", "last",
                          "tadi", "today", "hari", "after", "selepas", "during", "ketika"])  # fmt: skip
_PRESCRIBED = frozenset(["should", "must", "need", "needs", "deserve", "deserves", "ought", "patut", "perlu",
                         "harus", "wajib", "mesti", "layak", "kena", "hope", "wish", "semoga", "harap",
                         "lets", "let", "boleh", "better", "gotta"])  # fmt: skip


_NEWS_WORDS = lexicons.word_sets("readings.tsv")["news"]


def _reported_event(words: list[str], ga: int, gb: int, pa: int, pb: int) -> bool:
    between = words[gb + 1 : pa]
    if any(w in _PRESCRIBED for w in between) or any(w in _PRESCRIBED for w in words[max(0, ga - 3) : ga]):
        return False
    counted = any(w in _COUNTED or w.isdigit() for w in words[max(0, ga - 2) : ga])
    counted = counted or any(w in _NEWS_WORDS for w in words[max(0, ga - 4) : ga])  # round 14: "berita: ..."
    after = words[pb + 1] if pb + 1 < len(words) else ""
    return counted or any(w in _PAST for w in between) or after in _EVENT_AFTER


_WHY = frozenset(["why", "kenapa", "knp", "napa", "mengapa", "apasal", "asal"])


def _negated_word(
    words: list[str], i: int, lex, act: bool = False, owned: frozenset[int] = frozenset()
) -> bool:
    """A negator within two words before word ``i``. A command word ("dont", "jangan") negates after a
    subject ("I don't hate Malays") or before an act against a group (``act``: "jangan benci orang Cina",
    "don't ban Muslims"); before anything else it is still an order ("jangan jadi bodoh"). A negator in
    ``owned`` is the first word of a predicate of its own that denies the group's humanity ("Rohingya bukan
    manusia, binatang"): it negates that predicate, not the word after it (round 14)."""
    start = max(0, i - 2)
    for k in range(start, i):
        w = words[k]
        if k in owned:
            continue
        if k > 0 and words[k - 1] in _WHY:
            continue  # "kenapa tak bunuh je semua pendatang?", "why not ban them all?": a suggestion
        if w in lex.negators and (
            act
            or w not in lex.commands
            or (k > 0 and (words[k - 1] in lex.first_person or words[k - 1] in lex.targets))
        ):
            return True
    return False


_NO_GROUP = frozenset(["no", "tiada", "takde", "tidak ada", "tak ada"])


def _negated_claim(flat: _Words, norm: Normalised, ga: int, gb: int, pa: int, lex) -> bool:
    """A generalisation about the group at words ``ga..gb`` denied before the group: a negator and a claim
    word ("don't think", "not all", "tak semua", "bukan semua", "it's not true that") within three words
    before it, the predicate at ``pa`` in the same clause ("I don't believe Chinese, they all cheat" is
    not a denial)."""
    words = flat.words
    if ga > 0 and words[ga - 1] in _NO_GROUP:
        return True  # "no race is lazy", `tiada kaum yang malas` (round 15)
    before = words[max(0, ga - 4) : ga]
    if not any(w in lex.claim_words for w in before):
        return False
    if not any(
        w in lex.negators and any(x in lex.claim_words for x in before[k + 1 : k + 4])
        for k, w in enumerate(before)
    ):
        return False
    tg, tp = norm.tokens[flat.owner[gb]], norm.tokens[flat.owner[pa]]
    return _CLAUSE_END.search(norm.original, tg.end, tp.start) is None


def _owned_negators(words: list[str], preds, lex) -> frozenset[int]:
    """Negators that start a hate predicate of their own ("not human", "bukan manusia"): a later predicate
    is not negated by them ("Rohingya bukan manusia, binatang" denies humanity; "bukan binatang" alone is
    counter-speech)."""
    return frozenset(
        pa for pa, pb, kind in preds if pb > pa and kind == "after" and words[pa] in lex.negators
    )


def _zodiac_sign(words: list[str], a: int, b: int, zodiac: bool, lex) -> bool:
    """Words ``a..b`` name an animal as a sign of the Chinese zodiac, not a likening: the comment has a
    zodiac word, or the animal follows `tahun`/`shio` or "year of the" (round 14)."""
    if not any(w in lex.beast_words or w in lex.dehumanising for w in words[a : b + 1]):
        return False
    if zodiac:
        return True
    return (a >= 1 and words[a - 1] in ("tahun", "shio")) or (
        a >= 3 and words[a - 3 : a] == ["year", "of", "the"]
    )


def _likened_to_a_beast(words: list[str], ga: int, gb: int, lex) -> int:
    """Round 14 (generic singular): the word index of an animal, vermin or disease noun (generalising.txt,
    ``beast:``) the group at ``ga..gb`` is likened to, or -1. Between them only generalising markers, fillers
    and comparison words (``liken:``), one marker or comparison word at least, within eight words: "a
    Bangladeshi is no better than a rat", `seorang pendatang tu sama macam lalat`, "an Indian is a snake",
    `pendatang ni tak ubah macam seekor tikus`. An indefinite article before the group (``singular:``)
    leaves it generic; any other particular word ("my", "this", "some") makes it one person. A negator
    between that no comparison word follows denies it ("a refugee is not a rat"; not "no better than"); a
    ``stop:`` word after the noun makes it a modifier ("a dog lover")."""
    before = words[max(0, ga - 2) : ga]
    if any(w in lex.particular_words and w not in lex.singular_words for w in before):
        return -1
    general, filler, liken = lex.general_words, lex.filler_words, lex.liken_words
    for k in range(gb + 1, min(len(words), gb + 10)):
        w = words[k]
        if w in lex.beast_words:
            between = words[gb + 1 : k]
            if not any(x in general or x in liken for x in between):
                return -1
            negated = any(
                x in lex.negators and (j + 1 >= len(between) or between[j + 1] not in liken)
                for j, x in enumerate(between)
            )
            after = words[k + 1] if k + 1 < len(words) else ""
            return -1 if negated or after in lex.stop_words else k
        if not (w in general or w in filler or w in liken or w in lex.negators):
            return -1
    return -1


_TRAIT_KINDS = frozenset(["trait", "trait_noun"])
TRAIT_WINDOW = 6  # words from the end of the group to the trait ("women are naturally worse at ...")


def _generalised(
    words: list[str], ga: int, gb: int, pa: int, pb: int, kind: str, lex, asks_help: bool
) -> bool:
    """Round 14: whether the trait at word ``pa`` is pinned on the whole group at ``ga..gb``
    (generalising.txt): the trait follows the group within ``TRAIT_WINDOW`` words with only generalising
    markers and fillers between ("Christians are always so sneaky", "orang india ni memang suka buat
    kacau"), no word just before the group makes it particular ("my Chinese neighbours are rude", "a
    Nigerian scammer"), and a trait noun has a marker between or just before the group ("Rohingya are
    nothing but freeloaders", "semua bangla sama je, penipu"; not "Nigerian scammers called me"), with up to
    two other words before it and no preposition or victim word near it (generalising.txt, ``stop:``). A
    help or victim question ("old people are bad at spotting scams, how can we help them?") is no
    generalisation."""
    if asks_help or not gb < pa <= gb + TRAIT_WINDOW:
        return False
    before = words[max(0, ga - 2) : ga]
    if not lex.particular_words.isdisjoint(before):
        return False
    between = words[gb + 1 : pa]
    general = lex.general_words
    marked = any(w in general for w in between) or any(w in general for w in before)
    others = sum(w not in general and w not in lex.filler_words for w in between)
    if kind == "trait":
        return others == 0
    # A trait noun needs a marker, and may have two other words before it ("are all idol worshipping
    # fools"), but no preposition or victim word between ("victims of scammers") or just after ("scammer
    # calls": the noun is a modifier).
    stops = lex.stop_words
    after = words[pb + 1] if pb + 1 < len(words) else ""
    return marked and others <= 2 and after not in stops and stops.isdisjoint(between)


def neutral_group_question(flat: _Words, norm: Normalised) -> bool:
    """Round 14: a question about a group of people that says nothing against it ("Are refugees allowed to
    work in Malaysia?", "are foreign workers more likely to be scammed?", "Is there a Tamil version for
    Indian seniors?"): a question mark, a group (identity.txt), a word of rights, access, help or being a
    victim (``ask:`` lines of generalising.txt), and no hate predicate of any kind or
    dehumanising word anywhere in it. A comment that is no question counts when it lists three groups or
    more in a row (``_group_list``) and says nothing against them ("Scammers don't care if you're Malay,
    Chinese or Indian"), and so does one with a zodiac word whose only animals are signs ("Chinese people
    born in 1996 are rats in the zodiac"). The caller also needs no abuse rule to have fired; the hate
    head, which scores group words on their own, then stays quiet."""
    groups = flat.groups()
    if not groups:
        return False
    lex = lexicons.load()
    words = flat.words
    if not lex.zodiac_words.isdisjoint(words):  # a group beside the zodiac: only its signs are animals
        return not [p for p in _predicates(words, lex) if not _zodiac_sign(words, p[0], p[1], True, lex)]
    if "?" in norm.original:
        if lex.ask_words.isdisjoint(words):
            return False
    elif not _group_list(words, groups, lex):
        return False  # not a question: only a list of three groups or more ("Malay, Chinese or Indian")
    first = min(a for a, _b in groups)
    # A trait word before every group says nothing about them ("Scammers don't care if you're Malay, ...").
    preds = [p for p in _predicates(words, lex) if p[2] not in _TRAIT_KINDS or p[0] > first]
    return lex.dehumanising.isdisjoint(words) and not preds


def _group_list(words: list[str], groups: list[tuple[int, int]], lex) -> bool:
    """Three different groups or more in a row, with nothing but list words (generalising.txt, ``list:``)
    between them and one at least: "Malay, Chinese or Indian", `Melayu, Cina dan India` (not "gay gay
    homoseksual")."""
    spans = sorted(
        g for g in set(groups) if not any(c <= g[0] and g[1] <= d and (c, d) != g for c, d in groups)
    )
    run: list[tuple[int, int]] = []
    joined = False
    for span in spans:
        gap = words[run[-1][1] + 1 : span[0]] if run else []
        names = {words[b] for _a, b in run}
        if (
            run
            and span[0] > run[-1][1]
            and words[span[1]] not in names
            and all(w in lex.list_words for w in gap)
        ):
            run.append(span)
            joined = joined or bool(gap)
        else:
            run, joined = [span], False
        if len(run) >= 3 and joined:
            return True
    return False


def mentions_group(flat: _Words) -> bool:
    """Whether the comment names a group of people (identity.txt)."""
    return bool(flat.groups())


_HATE_AS_NOUN = frozenset(
    ["against", "towards", "toward", "terhadap", "speech", "crime", "crimes", "on", "of"]
)


def disclaimed(flat: _Words) -> bool:
    """A disclaimer that introduces hate ("call me racist but ...", "I'm not racist but ...", round 14) or
    agreement with the claim after rejecting it ("people who say X are lazy are right", "it's just the
    truth", round 15; counter.re's "fake" and "endorse" lines)."""
    return _search(_COUNTER_FAKE_RE, flat.text) is not None


def counter_speech(flat: _Words, norm: Normalised) -> bool:
    """Quoting or naming hate to reject it ("Saying 'X are all cheats' is racist")."""
    lex = lexicons.load()
    if disclaimed(flat):
        return False
    text = flat.text
    m = _search(_COUNTER_RE, text)
    while m is not None:
        before = text[max(0, m.start() - 20) : m.start()].split()[-2:]
        if not any(w in lex.negators and w not in lex.commands for w in before) and not _pinned_on_a_group(
            flat, m.end() - 1, lex
        ):
            return True
        # Not "it's not racist, it's true", nor "Malays are all racist" (the marker is the trait of a
        # generalisation, round 14). Round 15: look again from the next word, since a longer line may have
        # hidden a shorter one inside it ("tak guna itu stereotaip": "itu stereotaip" after "tak guna" is
        # no negated marker, but "stereotaip" is a marker of its own).
        m = _COUNTER_RE.search(text, m.start() + 1)
    return _QUOTED.search(norm.original) is not None


def rejected_claims(flat: _Words, norm: Normalised) -> list[Hit]:
    """Round 16: the claims a counter-speech comment rejects ("people think refugees get free money but
    actually ...", "it's a myth that ...", `tak betul la kata ...`; counter.re's "claim" lines), each to the
    rejection marker after it or its sentence's end, as spans (code and category empty). The pipeline asks
    only in counter-speech about a group: a spam or threat phrase inside one is part of what is rejected."""
    text = flat.text
    if not _may(_CLAIM_RE, text):
        return []
    out = []
    for m in _CLAIM_RE.finditer(text):
        if m.end() <= m.start():
            continue
        a, b = flat.token_range(m.start(), m.end())
        start, end = norm.tokens[a].start, norm.tokens[b].end
        cut = _SENTENCE_END.search(norm.original, start, end)
        out.append(Hit("", "", 0, start, end if cut is None else cut.start()))
    return out


def _pinned_on_a_group(flat: _Words, at: int, lex) -> bool:
    """Whether the word at character ``at`` of ``flat.text`` (a counter-speech match's last word) is the
    trait of a generalisation about a group before it, only markers and fillers between ("Malays are all
    racist", "Chinese are so sexist"; see ``_generalised``), not "Refugees are human too" or "pendatang, is
    it offensive?"."""
    groups = flat.groups()
    if not groups:
        return False
    i = bisect.bisect_right(flat.starts, at) - 1
    return any(gb < i and _generalised(flat.words, ga, gb, i, i, "trait", lex, False) for ga, gb in groups)


# Supportive negation aimed at the reader: "don't call yourself an idiot", "jangan salahkan diri sendiri",
# "you're not dumb", "kau tak bodoh pun". The insult word is what the author denies, not what they say.
_SUPPORT_SELF_RE = re.compile(
    r"(?<![^ ])(?:dont|do not|never|stop|jangan|jgn|usah|tak payah|x payah|tak perlu|no need to|please dont)"
    r" (?:\w+ ){0,2}?(?:yourself|urself|your self|yourselves|diri)\b"
)
_SUPPORT_YOU_RE = re.compile(
    r"(?<![^ ])(?:you|u|kau|awak|korang|kamu|anda|engkau|ko|you all|you guys)(?: are| r| is| were| memang)?"
    r" (?:not|tak|tidak|bukan|never|x|aint|isnt|arent|werent|wasnt|bukannya) (?:\w+ ){0,2}?(\w+)"
)

# Both at once: one RE2 pass turns most comments away.
_SUPPORT_ANY = Guard(f"(?:{_SUPPORT_SELF_RE.pattern})|(?:{_SUPPORT_YOU_RE.pattern})")


def supportive_negation(flat: _Words, norm: Normalised) -> set[int]:
    """Tokens of insult words the author denies of the reader ("you're not stupid", "kau tak bodoh pun")
    or tells the reader not to call themselves ("don't call yourself an idiot"); empty when there is none.
    The caller leaves them out of the text the model scores and keeps the abuse head quiet."""
    text = flat.text
    out: set[int] = set()
    if not _SUPPORT_ANY.may_match(text):
        return out
    for m in _finditer(_SUPPORT_SELF_RE, text):
        first = bisect.bisect_right(flat.starts, m.start()) - 1
        for k in range(first, min(len(flat.words), first + 7)):
            tok = norm.tokens[flat.owner[k]]
            if k > first and _CLAUSE_END.search(norm.original, norm.tokens[flat.owner[k - 1]].end, tok.start):
                break  # "don't call yourself an idiot, you stupid cow": the second clause is abuse
            if (
                tok.entry is not None
                and tok.entry.category in ("insult", "profanity")
                and tok.entry.severity <= 2
            ):
                out.add(flat.owner[k])
    for m in _finditer(_SUPPORT_YOU_RE, text):
        for k in range(bisect.bisect_right(flat.starts, m.start()) - 1, len(flat.words)):
            if flat.starts[k] > m.end(1):
                break
            tok = norm.tokens[flat.owner[k]]
            if tok.entry is not None and tok.entry.category == "insult" and tok.entry.severity <= 2:
                out.add(flat.owner[k])
    return out


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the original text inside quotation marks. The pipeline asks up to five times about one
    comment, and on a long comment with apostrophes each scan costs tens of microseconds (round 15,
    speed), so the last text's spans are kept (checked by identity, a tuple swapped whole: thread-safe);
    each caller gets a list of its own."""
    global _last_quoted
    last = _last_quoted
    if last[0] is not text:
        spans = (
            tuple((m.start(), m.end()) for m in _QUOTED.finditer(text))
            if any(c in text for c in "\"'“”‘’«»")
            else ()
        )
        last = _last_quoted = (text, spans)
    return list(last[1])


_QUOTED = re.compile(r"[\"“”«»].{3,}?[\"“”«»]|(?<!\w)['‘’].{3,}?['‘’](?!\w)")
_last_quoted: tuple[str | None, tuple[tuple[int, int], ...]] = (None, ())


def hate_hits(norm: Normalised, flat: _Words, flagged_insults: set[int], allowed: set[int]) -> list[Hit]:
    """Hate without slurs: a group (identity.txt) with a generalisation, a dehumanising comparison or a
    call to act against it (hate_predicates.tsv), an insult next to a group, and exclusion ("go back
    to...", hate.re). Negated predicates ("are not terrorists") are not hate."""
    lex = lexicons.load()
    words = flat.words
    out: list[Hit] = []

    def add(a_word: int, b_word: int, code: str = "hate.group") -> None:
        ta, tb = flat.owner[min(a_word, b_word)], flat.owner[max(a_word, b_word)]
        if any(t in allowed for t in range(ta, tb + 1)):
            return
        severity = 3 if code == "hate.identity" else 2
        out.append(Hit(code, "hate", severity, norm.tokens[ta].start, norm.tokens[tb].end))

    groups = flat.groups()
    if groups:
        preds = _predicates(words, lex)
        owned = _owned_negators(words, preds, lex)
        asks_help = "?" in norm.original and not lex.help_words.isdisjoint(words)
        zodiac = not lex.zodiac_words.isdisjoint(words)
        # Round 15: a claim denied and then endorsed ("bukan semua pendatang jahat, cuma 90% je") stands.
        endorsed = disclaimed(flat)
        for ga, gb in groups:
            beast = _likened_to_a_beast(words, ga, gb, lex)
            if (
                beast >= 0
                and not _zodiac_sign(words, beast, beast, zodiac, lex)
                and not _negated_claim(flat, norm, ga, gb, beast, lex)
            ):
                add(ga, beast)  # "a Bangladeshi is no better than a rat" (round 14, generic singular)
            for pa, pb, kind in preds:
                if pa <= gb and pb >= ga:
                    continue
                if _zodiac_sign(words, pa, pb, zodiac, lex):
                    continue  # "orang Cina tahun tikus", "the Chinese zodiac has 12 animals, rat ox tiger"
                if _negated_word(words, pa, lex, act=kind == "before", owned=owned):
                    continue
                if (
                    (kind == "after" or kind in _TRAIT_KINDS)
                    and gb < pa
                    and not endorsed
                    and _negated_claim(flat, norm, ga, gb, pa, lex)
                ):
                    continue  # "I don't think Indians are lazy", "tak semua orang Cina penipu"
                if kind == "before" and pb + 1 < len(words) and words[pb + 1] in _HATE_AS_NOUN:
                    continue  # "hate against Muslims", "hate speech": hate as a topic
                if kind == "passive" and gb < pa <= gb + 5 and _reported_event(words, ga, gb, pa, pb):
                    continue  # "Seorang wanita dibunuh oleh ...", "lelaki dibakar di Klang": news
                if kind in _TRAIT_KINDS:
                    if _generalised(words, ga, gb, pa, pb, kind, lex, asks_help):
                        add(ga, pb)
                    continue
                if kind in ("after", "passive") and gb < pa <= gb + 5:
                    add(ga, pb)
                elif pb < ga and ga - pb <= (2 if kind == "after" else 6 if kind == "before" else -1):
                    add(pa, gb)
            # An insult or a dehumanising word next to a group ("cina babi", "melayu malas").
            for j in range(max(0, ga - IDENTITY_WINDOW), min(len(words), gb + IDENTITY_WINDOW + 1)):
                if ga <= j <= gb:
                    continue
                tj = flat.owner[j]
                bad = (
                    words[j] in lex.dehumanising and not _zodiac_sign(words, j, j, zodiac, lex)
                ) or tj in flagged_insults
                if bad and not _negated_word(words, j, lex, owned=owned):
                    add(min(ga, j), max(gb, j), "hate.identity")
                    break
    for m in _finditer(_HATE_RE, flat.text):
        a, b = flat.token_range(m.start(), m.end())
        out.append(Hit("hate.exclusion", "hate", 2, norm.tokens[a].start, norm.tokens[b].end))
    return out


# --- phrase rules over the canonical text --------------------------------------------------------


# Phrase rules run on the canonical text (words separated by single spaces) and every one of them starts
# at the start of a word. Saying so up front ("(?<![^ ])") lets the regex engine skip every position inside
# a word before it tries the alternatives: about three times faster on long files (tests/screening check
# that the matches are the same as without it).
WORD_START = "(?<![^ ])"


def _alternation(patterns) -> re.Pattern:
    return re.compile(WORD_START + "(?:" + "|".join(f"(?:{rx})" for rx in patterns) + ")")


def _compile(name: str, *labels: str) -> re.Pattern:
    """One alternation of the patterns of lexicon file ``name``: all of them, or those labelled ``labels``."""
    return _alternation(rx for label, rx in lexicons.patterns(name) if not labels or label in labels)


_SELF_HARM_RE = _compile("self_harm.re")
_THREAT_RE = _alternation(
    rx for label, rx in lexicons.patterns("threat.re") if label not in ("clause", "veiled", "place")
)
_THREAT_CLAUSE_RE = _compile("threat.re", "clause")
# Round 14: veiled threats, which safety advice shares its words with ("watch your back for scammers").
_THREAT_VEILED_RE = _compile("threat.re", "veiled")
# Round 16: a place of worship, a home or a shop to be burnt or wrecked, which a report repeats ("my brother
# said we should burn their church, that's a crime").
_THREAT_PLACE_RE = _compile("threat.re", "place")
_SENTENCE_END = re.compile(r"[.!?;]\s")
_HATE_RE = _compile("hate.re")
_COUNTER_RE = _compile("counter.re", "")
# Round 16: the claim a counter-speech comment rejects (rules.rejected_claims).
_CLAIM_RE = _compile("counter.re", "claim")
# A disclaimer that introduces hate ("fake") or agreement with the claim said after a rejection ("endorse",
# round 15): a comment with either is never counter-speech.
_COUNTER_FAKE_RE = _compile("counter.re", "fake", "endorse")
_INCITE_RE = _compile("harassment.re", "incite")
# An incitement word asked about as a word ("what does kys mean?").
_INCITE_ASKED_RE = _compile("harassment.re", "asked")
_PILE_ON_RE = _compile("harassment.re", "pile_on")
_INSULT_RE = _compile("insult.re", "")
# Put-downs that carry their own negator ("nobody cares what you think", "and never come back").
_INSULT_OWN_RE = _compile("insult.re", "own")
# A put-down rejected as others' words ("don't listen to people who say ...").
_INSULT_UNSAID_RE = _compile("insult.re", "unsaid")
# A thing of the reader's in Malay order ("mic kau"): a put-down starting at its pronoun is about the thing.
_INSULT_OWNED_RE = _compile("insult.re", "owned")
_SPAM_RES = [(re.compile(WORD_START + rx), float(weight)) for weight, rx in lexicons.patterns("spam.tsv")]
# One pass over the text first: most comments match no spam pattern at all.
_SPAM_ANY = _alternation(rx for _weight, rx in lexicons.patterns("spam.tsv"))
SPAM_THRESHOLD = {"relaxed": 2.5, "standard": 2.0, "strict": 1.5}
# The phrase files every comment is read with (no trigger words): one look each, which keeps the answer for
# the last text it was asked about (prefilter.CueGuard: counter-speech is asked about twice). Round 16
# (speed): they were one look for all five first, but that automaton outgrew RE2's DFA memory: on the
# bench's comments it cost about four times what the five small looks cost together.
_RARE_PHRASES = (_HATE_RE, _COUNTER_RE, _INCITE_RE, _PILE_ON_RE, _SPAM_ANY)
for _rx in _RARE_PHRASES:
    _GUARDS[id(_rx)] = (_rx, CueGuard([_rx]))
# The insult phrases have one look of their own: in one automaton with the rest (round 14's lines), RE2's DFA
# outgrew its memory and the look per comment went from about 10 to 200 microseconds.
_INSULT_ANY = Guard(f"(?:{_INSULT_RE.pattern})|(?:{_INSULT_OWN_RE.pattern})")
_HANDLE_RE = re.compile(r"(?<![\w.@])@[a-z0-9_.]{3,}(?![\w@])")


def _phrase_hits(rx: re.Pattern, code: str, category: str, flat: _Words, norm: Normalised) -> list[Hit]:
    """Matches of ``rx`` on the canonical text and on its letter reading of leetspeak ("i w4nt to d1e")."""
    out = []
    seen: set[tuple[int, int]] = set()
    leet = flat.leet()
    for text in (flat.text,) if leet is None else (flat.text, leet[0]):
        start = _from(rx, text)
        if start < 0:
            continue
        for m in rx.finditer(text, start):
            a, b = flat.token_range(m.start(), m.end())
            span = (norm.tokens[a].start, norm.tokens[b].end)
            if span not in seen:
                seen.add(span)
                out.append(Hit(code, category, 3, *span))
    return out


def _look_says_none(look: CueGuard, flat: _Words) -> bool:
    """Whether ``look`` (one RE2 pass for several phrase files, see ``_THREAT_LOOK``) says that none of
    them can match either reading of the comment: each file's own look and search would then find
    nothing, so the caller skips them all (round 15, speed: a look costs about 1.5 microseconds however
    small its file, and most comments that pass a file's trigger words match none of its lines)."""
    leet = flat.leet()
    return not look.may_match(flat.text) and (leet is None or not look.may_match(leet[0]))


def _silent(flat: _Words, triggers: frozenset[str] | None, needs: frozenset[str] | None = None) -> bool:
    """Whether a phrase file's trigger words, or its ``@NEEDS`` words (lexicons/needs.tsv, derived from its
    lines and checked by tests/screening/test_wordgate.py), are absent from both readings of the comment."""
    if needs is not None:
        text_units, leet_units = flat.units()
        if needs.isdisjoint(text_units) and (leet_units is None or needs.isdisjoint(leet_units)):
            return True
    if triggers is None or not flat.word_set.isdisjoint(triggers):
        return False
    leet = flat.leet()
    return leet is None or leet[1].isdisjoint(triggers)


_SELF_HARM_TRIGGERS = lexicons.triggers("self_harm.re")
_THREAT_TRIGGERS = lexicons.triggers("threat.re")
# Round 16 (speed): words derived from each file's lines, one of which every match holds (lexicons/needs.tsv):
# a comment must have a trigger word and one of these for the file to be read.
_SELF_HARM_NEEDS = lexicons.needs("self_harm.re")
_THREAT_NEEDS = lexicons.needs("threat.re")
_MINOR_NEEDS = lexicons.needs("minors.re")
_CARE_NEEDS = lexicons.needs("care.re")
_EVERYDAY_NEEDS = lexicons.needs("everyday.re")
_INSULT_NEEDS = lexicons.needs("insult.re")
_SEXUAL_RE = _compile("sexual.re", "")
_SEXUAL_TRIGGERS = lexicons.gate("sexual.re")
# Round 14: requests that a report or a question about them excuses, the report itself, lines that need a
# wink in the original text, and the wink; the cues of an approach to a child (minors.re), by kind.
_SEXUAL_REQUEST_RE = _compile("sexual.re", "request")
_SEXUAL_REPORT_RE = _compile("sexual.re", "report")
_SEXUAL_WINK_RE = _compile("sexual.re", "wink")
_WINK_MARK_RE = _compile("sexual.re", "winkmark")
_MINOR_TRIGGERS = lexicons.triggers("minors.re")
_MINOR_CUES = {
    kind: _compile("minors.re", kind)
    for kind in ("age", "alone", "secret", "minor", "contact", "meet", "invite", "kid")
}
# The kinds of cue that make an approach with one cue of any other kind.
_MINOR_LEAD = frozenset(["age", "alone", "secret"])
# Round 15 (speed): one look each for the files a comment's trigger words let through, instead of one per
# file or kind (see _look_says_none). An approach needs an age, alone, secrecy or minor cue before any other.
_THREAT_LOOK = CueGuard([_THREAT_RE, _THREAT_CLAUSE_RE, _THREAT_VEILED_RE, _THREAT_PLACE_RE])
_SEXUAL_LOOK = CueGuard([_SEXUAL_RE, _SEXUAL_WINK_RE, _SEXUAL_REQUEST_RE])
_MINOR_FIRST_LOOK = CueGuard([_MINOR_CUES[kind] for kind in ("age", "alone", "secret", "minor")])


def self_harm_hits(flat: _Words, norm: Normalised) -> list[Hit]:
    """First-person self-harm (self_harm.re) on the normalised text: "k1ll myself", "kms", "unalive"; also on
    the emoji reading (round 15: "🔪 is my only friend now"). A phrase that is not the author's wish now
    (``_unsaid_spans``: asked about, denied, or past and recovered from) is dropped."""
    hits = []
    if not _silent(flat, _SELF_HARM_TRIGGERS, _SELF_HARM_NEEDS):
        hits = _phrase_hits(_SELF_HARM_RE, "self_harm.phrase", "self_harm", flat, norm)
    if not hits:
        return _emoji_hits(norm)
    figures = hyperbole_spans(flat, norm)
    lex = lexicons.load()
    unsaid = _unsaid_spans(flat, norm)
    return [
        h
        for h in hits
        if not _reported_by_someone_else(flat, norm, h)
        and not any(a < h.end and h.start < b for a, b in figures)
        and not _negated_phrase(flat.words, _first_word(flat, norm, h), lex)
        and not _unsaid(h, unsaid)
    ]


# Round 15 (docs/screening.md, "Round 15: self-harm without a listed word"): readings of self-harm words that
# are not the author's wish now (lexicons/care.re), and emoji that stand for a means (care_emoji.tsv).
_CARE = {label: _compile("care.re", label) for label in ("past", "recovered", "asked", "denied", "quiet")}
_CARE_TRIGGERS = lexicons.triggers("care.re")
for _care_rx in _CARE.values():
    _may(_care_rx, "")  # the guards built at import, as the other phrase files' (end of this module)
_CARE_EMOJI = {
    emoji: word for word, emojis in lexicons.word_sets("care_emoji.tsv").items() for emoji in emojis
}
# One character class when every emoji is one code point (a search is then a few hundred nanoseconds).
_CARE_EMOJI_RE = re.compile(
    f"[{''.join(_CARE_EMOJI)}]"
    if all(len(e) == 1 for e in _CARE_EMOJI)
    else "|".join(re.escape(e) for e in sorted(_CARE_EMOJI, key=len, reverse=True))
)


def _emoji_hits(norm: Normalised) -> list[Hit]:
    """Self-harm phrases read with each means emoji replaced by its word ("💊💊💊 malam ni aku telan semua");
    a hit spans the whole comment (the emoji reading has offsets of its own)."""
    original = norm.original
    if _CARE_EMOJI_RE.search(original) is None:
        return []
    reading = normalise(_CARE_EMOJI_RE.sub(lambda m: f" {_CARE_EMOJI[m.group(0)]} ", original))
    flat = _Words(reading)
    if not reading.tokens or _silent(flat, _SELF_HARM_TRIGGERS, _SELF_HARM_NEEDS):
        return []
    if not self_harm_hits(flat, reading):
        return []
    return [Hit("self_harm.phrase", "self_harm", 3, 0, len(original))]


def _care_spans(label: str, flat: _Words, norm: Normalised) -> list[tuple[int, int]]:
    return _match_spans(_CARE[label], flat, norm)


def _match_spans(rx: re.Pattern, flat: _Words, norm: Normalised) -> list[tuple[int, int]]:
    """Spans (original-text offsets) of ``rx``'s matches on the canonical text."""
    start = _from(rx, flat.text)
    if start < 0:
        return []
    out = []
    for m in rx.finditer(flat.text, start):
        a, b = flat.token_range(m.start(), m.end())
        out.append((norm.tokens[a].start, norm.tokens[b].end))
    return out


def _unsaid_spans(flat: _Words, norm: Normalised) -> tuple[list[tuple[int, int]], ...]:
    """(asked or denied spans, past spans, recovered spans) of ``lexicons/care.re``."""
    if _silent(flat, _CARE_TRIGGERS, _CARE_NEEDS):
        return ([], [], [])
    said = _care_spans("asked", flat, norm) + _care_spans("denied", flat, norm)
    past = _care_spans("past", flat, norm)
    return (said, past, _care_spans("recovered", flat, norm) if past else [])


def _unsaid(hit: Hit, spans: tuple[list[tuple[int, int]], ...]) -> bool:
    """Whether a self-harm phrase is asked about or denied (inside such a span: "what does unalive mean?",
    "I'm not suicidal"), or told as past (a past word in it or within 40 characters before it) with a
    recovery after it ("I used to want to die but therapy helped me")."""
    said, past, recovered = spans
    if hit.start is None or hit.end is None:
        return False
    if any(a <= hit.start and hit.end <= b for a, b in said):
        return True
    return any(hit.start - 40 <= a < hit.end for a, _b in past) and any(a >= hit.end for a, _b in recovered)


def self_harm_quiet(flat: _Words, norm: Normalised) -> bool:
    """Whether the self_harm model head should stay quiet (round 15, ``lexicons/care.re``): tiredness with a
    task (`dah tak larat nak layan call scammer`), a last post on a topic, leaving for an errand, a loss told
    with support ("lost everything but my family kept me going"), or self-harm words asked about, denied or
    past and recovered from. The phrase rules still judge the comment: their own findings go to care."""
    if _silent(flat, _CARE_TRIGGERS, _CARE_NEEDS):
        return False
    if _may(_CARE["quiet"], flat.text) and _CARE["quiet"].search(flat.text) is not None:
        return True
    said, past, recovered = _unsaid_spans(flat, norm)
    return bool(said or (past and recovered and max(a for a, _b in recovered) > min(a for a, _b in past)))


def _first_word(flat: _Words, norm: Normalised, hit: Hit) -> int:
    return next((k for k, owner in enumerate(flat.owner) if norm.tokens[owner].start == hit.start), 0)


_HYPERBOLE_RE = _compile("hyperbole.re")
# Round 15 (speed): a death or killing word, without which no figure of hyperbole.re matches; one set look
# instead of an RE2 pass for every comment (it is asked twice about a comment with a self-harm phrase).
_HYPERBOLE_TRIGGERS = lexicons.triggers("hyperbole.re")


def hyperbole_spans(flat: _Words, norm: Normalised) -> list[tuple[int, int]]:
    """Spans (of the original text) of figures of speech built on death and killing words (lexicons/
    hyperbole.re): "I could die of embarrassment", "dying of laughter", "nak mati gelak". A self-harm or
    threat phrase that overlaps one is not read literally (round 14)."""
    if _silent(flat, _HYPERBOLE_TRIGGERS) or not _may(_HYPERBOLE_RE, flat.text):
        return []
    return [(h.start, h.end) for h in _phrase_hits(_HYPERBOLE_RE, "figure", "", flat, norm)]


# Someone else's words reported by the author ("Kawan saya cakap nak bunuh diri, macam mana nak bantu?",
# "my friend said she wants to die"): a reporting verb within three words before the phrase and a third
# person within six. The author asks for help; the guideline labels it benign.
_REPORTING = frozenset(
    [
        "cakap",
        "kata",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "bilang",
        "beritahu",
        "mention",
        "mentioned",
        "texted",
        "wrote",
        "tulis",
        "mesej",
        "posted",
        "threatened",
        "ugut",
        # Round 7: typed or sent words are reported too ("my son types kms when he loses").
        "types",
        "typed",
        "typing",
        "taip",
        "menaip",
        "messaged",
        "messages",
        "hantar",
        "sends",
        "sent",
        "posts",
        "writes",
        "texts",
        # Round 11: reported while it goes on ("she keeps saying she wants to die").
        "saying",
        "posting",
        "texting",
        # Round 15: said again and again in Malay ("isteri saya asyik sebut nak tidur selamanya").
        "sebut",
        "menyebut",
        "sebutkan",
    ]
)
_THIRD_PARTY = frozenset(
    [
        "kawan",
        "friend",
        "friends",
        "dia",
        "he",
        "she",
        "they",
        "anak",
        "son",
        "daughter",
        "teen",
        "teenager",
        "kid",
        "child",
        "adik",
        "abang",
        "kakak",
        "brother",
        "sister",
        "cousin",
        "mother",
        "father",
        "mum",
        "mom",
        "dad",
        "mak",
        "ayah",
        "suami",
        "isteri",
        "husband",
        "wife",
        "student",
        "pelajar",
        "colleague",
        "rakan",
        "member",
        "scammer",
        "someone",
        "seseorang",
        "nenek",
        "atuk",
        "grandmother",
        "grandfather",
        "grandma",
        "grandpa",
        "murid",
        "jiran",
        "neighbour",
        "neighbor",
        "pakcik",
        "makcik",
        "uncle",
        "aunty",
        "auntie",
        "aunt",
        "sepupu",
        "classmate",
        "girlfriend",
        "boyfriend",
        "partner",
        # Round 7: more children and relatives ("my nephew", "our eldest", "a boy in my class").
        "nephew",
        "niece",
        "stepson",
        "stepdaughter",
        "eldest",
        "youngest",
        "boy",
        "girl",
        "budak",
        "pupil",
        "pupils",
        "students",
        "classmates",
        "kids",
        "children",
        "sekelas",
        # Round 11: "mereka cakap nak mati", "my aunt types kms".
        "mereka",
        "ibu",
        "bapa",
        "abah",
        "emak",
    ]
)


# Round 14 (benign false holds): more third persons and reporting verbs from lexicons/readings.tsv ("my godson
# types kms", "rakan sekerja sy mengadu dia nak mati"), and verbs of telling someone to do something.
_READINGS = lexicons.word_sets("readings.tsv")
_REPORTING = _REPORTING | _READINGS["reporting"]
_THIRD_PARTY = _THIRD_PARTY | _READINGS["third"]
_INSTRUCTING = _READINGS["instructing"]
_ADDRESSEE = frozenset(["me", "saya", "sy", "aku", "i", "us", "kami"])


def _instructed(words: list[str], first: int) -> bool:
    """ "someone told me to kill myself", "dia suruh aku bunuh diri": the phrase is what someone else told the
    author to do, reported (guideline: threats and harassment in reported speech are benign), not the author's
    own wish. The phrase starts after "<verb> me (to)" or at the pronoun after the verb, and no first person
    stands as the subject just before the verb ("I told me to" is no report)."""
    k = first - 1
    if k >= 0 and words[k] in ("to", "untuk", "supaya", "agar"):
        k -= 1
    if k < 0 or words[k] not in _ADDRESSEE:
        if not (words[first] in _ADDRESSEE and k >= 0 and words[k] in _INSTRUCTING):
            return False
        verb = k
    else:
        verb = k - 1
        if verb < 0 or words[verb] not in _INSTRUCTING:
            return False
    return not any(w in _POSSESSIVE or w in ("we", "im") for w in words[max(0, verb - 2) : verb])


def _negated_phrase(words: list[str], first: int, lex) -> bool:
    """ "bukan penat hidup ya", "I'm not going to kill myself": a negator just before the phrase (or before
    "going to" / "akan" / "nak" in front of it) denies it. A command ("jangan") is not a denial."""
    k = first - 1
    while k >= 0 and words[k] in ("going", "to", "gonna", "akan", "nak", "ever"):
        k -= 1
    return (
        k >= 0
        and k >= first - 3
        and words[k] in lex.negators
        and words[k] not in lex.commands
        and words[k] != "no"
    )


def _reported_by_someone_else(flat: _Words, norm: Normalised, hit: Hit) -> bool:
    first = next((k for k, owner in enumerate(flat.owner) if norm.tokens[owner].start == hit.start), None)
    if first is None:
        return False
    words = flat.words
    if _instructed(words, first):
        return True
    # "Kawan sekelas anak saya hantar mesej nak mati": the phrase starts at a possessive "saya" after a
    # third person, so the reporting verb may stand just after it.
    owned = words[first] in _POSSESSIVE and any(w in _THIRD_PARTY for w in words[max(0, first - 3) : first])
    # Round 14: the phrase may begin with the reporting verb itself ("remaja yang tulis surat selamat
    # tinggal").
    end = first + 3 if owned else first + 1
    if not (
        any(w in _REPORTING for w in words[max(0, first - 3) : end])
        and any(w in _THIRD_PARTY for w in words[max(0, first - 6) : first])
    ):
        return False
    # Round 11: the author speaks in the reported clause or is its subject ("my niece said I should kms",
    # "my friend and I said we want to die"): the author's own self-harm, for care.
    ends = [norm.tokens[owner].end for owner in flat.owner]
    last = max((k for k, end in enumerate(ends) if hit.end is not None and end <= hit.end), default=first)
    return not any(max(0, first - 6) <= k <= last for k in _author_cues(words))


def self_harm_reported(flat: _Words, norm: Normalised) -> bool:
    """Whether the comment's self-harm wording is a third person's, reported by the author: a verb of
    saying, typing, posting or threatening (``_REPORTING``) with a third person (``_THIRD_PARTY``: my niece,
    adik saya, kawan i, he, dia, mereka) within six words before it, and no first-person word of the author
    anywhere (``_author_cues``: "I", "me", "aku", "saya", "we" as a subject; a possessive "adik saya", an
    addressee "told me", "cakap kat saya", or one in a question asking what to do, "..., what should I
    do?", is not one).

    "my niece keeps typing kms after every lost match" -> True; "my niece said I should kms",
    "me and my niece both want to die" -> False. The same reading as the self-harm rules'
    (``_reported_by_someone_else``), for the whole text: the pipeline keeps the self_harm model head from
    holding such a comment for care (docs/screening-guidelines.md, self_harm row: third parties are benign).
    """
    if _REPORTING.isdisjoint(flat.word_set):
        return False
    words = flat.words
    reported = any(
        w in _REPORTING and not _THIRD_PARTY.isdisjoint(words[max(0, k - 6) : k]) for k, w in enumerate(words)
    )
    if not reported:
        return False
    asking = _asking_words(flat, norm)
    return not any(k not in asking for k in _author_cues(words))


# --- details held for a service, a thing reported (round 12b; guideline: personal data, threats,
# harassment) -------------------------------------------------------------------------------------------
# An organiser or service telling people what details it holds or needs for a stated service purpose ("we
# have your address for the certificate", "kami ada alamat anda untuk pos sijil", "the form needs your IC
# number for the certificate") is neither a threat nor harassment; a crowd asked to report a *thing* (a page,
# an account, a scam link) and not to hound a person is not a pile-on. Both are readings in the manner of
# ``self_harm_reported``: the pipeline keeps the threat and abuse heads quiet on them, unless a rule finds
# abuse; any menace or person in the comment ends the reading ("we have your address, we know where you
# sleep", "keep reporting her page until she quits").
_HOLDING = frozenset(["have", "has", "had", "got", "hold", "holds", "keep", "keeps", "kept", "need", "needs",
                      "needed", "require", "requires", "required", "collect", "collects", "ada", "simpan",
                      "menyimpan", "disimpan", "perlu", "perlukan", "memerlukan", "diperlukan",
                      "kumpul"])  # fmt: skip
_DETAILS = frozenset(["address", "addresses", "alamat", "email", "emel", "number", "numbers", "nombor", "no",
                      "ic", "nric", "phone", "telefon", "details", "butiran", "maklumat", "postcode",
                      "poskod", "name", "names", "nama"])  # fmt: skip
_PURPOSE = frozenset(["for", "to", "untuk", "utk", "bagi", "nak"])
# What the details are for: a thing the service sends or runs, never a verb ("post", "send" say nothing of
# what is sent: "we need your address to post your photos" is no service).
_SERVICE = frozenset(["certificate", "certificates", "cert", "certs", "ecert", "sijil", "esijil", "gift",
                      "gifts", "hadiah", "cenderamata", "souvenir", "prize", "prizes", "draw", "cabutan",
                      "receipt", "receipts", "resit", "invoice", "delivery", "penghantaran", "parcel",
                      "bungkusan", "registration", "pendaftaran", "attendance", "kehadiran", "voucher",
                      "vouchers", "baucar", "kit", "kits", "newsletter", "records", "rekod"])  # fmt: skip
# Menace beside the details ends the reading: knowing where someone sleeps or lives, a visit, a wait,
# "watch your back", "better be careful", hurting or finding someone, their family.
_MENACE = frozenset(["know", "knows", "tahu", "tau", "sleep", "sleeps", "tidur", "live", "lives", "tinggal",
                     "duduk", "watch", "careful", "visit", "visiting", "tonight", "wait", "waiting",
                     "tunggu", "find", "cari", "coming", "datang", "jaga", "hati", "better", "kill",
                     "bunuh", "hurt", "pukul", "belasah", "family", "keluarga", "regret", "menyesal",
                     "leak", "sebar", "expose", "photos", "gambar", "pictures", "pics"])  # fmt: skip


def details_for_a_service(flat: _Words) -> bool:
    """Whether the comment tells what details a service holds or needs for a stated service purpose: a verb
    of holding or needing (``_HOLDING``) within four words before a detail (``_DETAILS``: address, IC number,
    alamat), a purpose word (for, to, untuk) within three words after it and a service thing (``_SERVICE``:
    certificate, sijil, door gift, lucky draw) within four words after that, and no menace anywhere
    (``_MENACE``).

    "we have your address for the certificate" -> True; "we have your address, we know where you sleep",
    "we have your address for the certificate, and we know where you sleep" -> False.
    """
    if _HOLDING.isdisjoint(flat.word_set) or _SERVICE.isdisjoint(flat.word_set):
        return False
    if not _MENACE.isdisjoint(flat.word_set):
        return False
    words = flat.words
    n = len(words)
    for k, w in enumerate(words):
        if w not in _DETAILS or _HOLDING.isdisjoint(words[max(0, k - 4) : k]):
            continue
        for p in range(k + 1, min(n, k + 4)):
            if words[p] in _PURPOSE and not _SERVICE.isdisjoint(words[p + 1 : p + 5]):
                return True
    return False


_SAFETY = frozenset(["safe", "safer", "safely", "safety", "unsafe", "selamat", "keselamatan"])
# Asking for safety: ``_ASKING`` (below: a question's first word) and the words of asking for tips.
_SAFETY_ASKING = frozenset(["how", "what", "which", "any", "tips", "tip", "advice", "ideas", "should",
                            "can", "could", "does", "do", "is", "are", "macam", "mcm", "bagaimana", "cara",
                            "apa", "ada", "boleh", "patut", "ke", "nasihat"])  # fmt: skip
# Whose safety: one's own kin or a group in one's care, named with a first-person possessive ("my mother",
# "mak saya") or a group noun on its own ("participants", "peserta").
_KIN = frozenset(["mother", "mum", "mom", "mummy", "father", "dad", "daddy", "brother", "sister", "son",
                  "sons", "daughter", "daughters", "child", "children", "kids", "kid", "wife", "husband",
                  "grandmother", "grandma", "grandfather", "grandpa", "parents", "cousin", "flatmate",
                  "nephew", "niece", "mak", "emak", "ibu", "ayah", "bapa", "abah", "adik", "abang", "kakak",
                  "anak", "isteri", "suami", "nenek", "datuk", "atuk", "sepupu", "anak-anak"])  # fmt: skip
_CARED_FOR = frozenset(["participants", "attendees", "volunteers", "students", "pupils", "peserta",
                        "sukarelawan", "pelajar", "murid", "kanak-kanak", "elderly"])  # fmt: skip
_MINE = frozenset(["my", "our", "saya", "kami", "kita", "sy", "aku"])
_SAFETY_MENACE = frozenset(["know", "knows", "knew", "tahu", "tau", "find", "found", "cari", "visit",
                            "regret", "menyesal", "kill", "bunuh", "hurt", "pukul", "belasah", "leak",
                            "sebar", "expose", "shame", "pity", "nasib", "unless", "kalau", "if", "or",
                            "else"])  # fmt: skip


def safety_question(flat: _Words) -> bool:
    """Whether the comment asks how someone in the author's care can be safe (round 13): a safety word
    (``_SAFETY``), an asking word (``_SAFETY_ASKING``), a relative named with a first-person possessive within
    two words ("my mother", "mak saya", ``_KIN``/``_MINE``) or a group in one's care (``_CARED_FOR``) within
    six words of the safety word (Malay puts it first: `selamat ke mak saya ...`), and no menace or condition
    anywhere (``_SAFETY_MENACE``: "is your daughter safe? would be a pity if ..." is a threat).

    "Does the speaker have tips to keep my mother safe walking home alone at night?" -> True;
    "your daughter won't be safe walking home" -> False (no possessive of the author's, no asking word).
    """
    ws = flat.word_set
    if _SAFETY.isdisjoint(ws) or _SAFETY_ASKING.isdisjoint(ws) or not _SAFETY_MENACE.isdisjoint(ws):
        return False
    if _KIN.isdisjoint(ws) and _CARED_FOR.isdisjoint(ws):
        return False
    words = flat.words
    for k, w in enumerate(words):
        if w not in _SAFETY:
            continue
        for j in range(max(0, k - 6), min(len(words), k + 7)):
            if words[j] in _CARED_FOR:
                return True
            if words[j] in _KIN and not _MINE.isdisjoint(words[max(0, j - 2) : j + 3]):
                return True
    return False


_REPORT_VERBS = frozenset(["report", "reports", "reporting", "reported", "lapor", "laporkan", "melaporkan",
                           "repot", "flag", "flagging"])  # fmt: skip
# Things one reports: pages, accounts, links and what they carry, in English and Malay.
_THINGS = frozenset(["page", "pages", "account", "accounts", "akaun", "link", "links", "pautan", "site",
                     "sites", "website", "websites", "laman", "web", "ad", "ads", "iklan", "group", "groups",
                     "kumpulan", "app", "apps", "aplikasi", "profile", "profil", "listing", "number",
                     "nombor", "url"])  # fmt: skip
# People beyond the targets, second persons and third persons of the other rules: a person's page is theirs.
_PEOPLE = frozenset(["his", "hers", "them", "perempuan", "pompuan", "lelaki", "jantan", "betina", "awek",
                     "pakwe", "gadis", "orang", "guy", "woman", "man", "lady", "uncle", "auntie", "aunty",
                     "influencer", "influencers", "youtuber", "tiktoker", "streamer", "artis", "artist",
                     "selebriti", "celebrity", "makhluk"])  # fmt: skip


def thing_reported(flat: _Words) -> bool:
    """Whether a crowd is asked to report a thing, not a person: a verb of reporting (``_REPORT_VERBS``)
    with a thing (``_THINGS``: page, account, scam link, akaun, laman) within four words after it, and no
    person anywhere: no second person, role noun or third person (targets.txt, ``_THIRD_PARTY``,
    ``_PEOPLE``: her, dia, the host, budak tu).

    "everyone please report the fake bank page until it is taken down" -> True; "everyone keep reporting her
    page until she quits", "jom report akaun budak tu sampai dia delete" -> False.
    """
    if _REPORT_VERBS.isdisjoint(flat.word_set) or _THINGS.isdisjoint(flat.word_set):
        return False
    lex = lexicons.load()
    if not (flat.word_set.isdisjoint(lex.targets) and flat.word_set.isdisjoint(lex.second_person)):
        return False
    if not (flat.word_set.isdisjoint(_THIRD_PARTY) and flat.word_set.isdisjoint(_PEOPLE)):
        return False
    words = flat.words
    return any(
        w in _REPORT_VERBS and not _THINGS.isdisjoint(words[k + 1 : k + 5]) for k, w in enumerate(words)
    )


# The first word of a question asking what to do ("what should I do?", "should we see a counsellor?",
# "siapa patut saya hubungi?"): the author asks for help, not of themself.
_ASKING = frozenset(["what", "how", "should", "shall", "can", "could", "who", "where", "is", "are", "do",
                     "does", "any", "siapa", "macam", "mcm", "bagaimana", "apa", "patut", "perlu", "boleh",
                     "cara", "camne", "camana", "mana"])  # fmt: skip


def _asking_words(flat: _Words, norm: Normalised) -> set[int]:
    """Word positions inside a clause (``_CLAUSE_END`` apart) that ends with "?" and starts with an
    ``_ASKING`` word ("..., what should I do?")."""
    out: set[int] = set()
    original, tokens, owner = norm.original, norm.tokens, flat.owner
    n = len(flat.words)
    start = 0
    for k in range(n):
        tail_end = tokens[owner[k + 1]].start if k + 1 < n else len(original)
        gap = original[tokens[owner[k]].end : tail_end] if k + 1 == n or owner[k + 1] != owner[k] else ""
        if k + 1 == n or _CLAUSE_END.search(gap):
            if "?" in gap and flat.words[start] in _ASKING:
                out.update(range(start, k + 1))
            start = k + 1
    return out


# The author as a subject: in English, Malay and Manglish.
_FIRST_PERSON = frozenset(
    ["i", "im", "ive", "id", "me", "we", "us", "aku", "saya", "sy", "aq", "ku", "gua", "gue", "kami"]
)
# Verbs whose object is whom the words were said to ("told me", "bagitahu saya"), and the prepositions
# after a reporting verb that name it ("cakap kat saya", "said to me").
_TELLING = frozenset(["told", "tells", "tell", "texted", "texts", "messaged", "messages", "mesej", "bagitahu",
                      "bagitau", "beritahu", "threatened", "ugut", "warned"])  # fmt: skip
_TO = frozenset(["kat", "dekat", "kepada", "pada", "to", "with"])
# Malay third persons: a Manglish "i" after one is a possessive ("kawan i"); after an English one it is the
# author ("told my friend I want to die").
_MS_THIRD_PARTY = frozenset(["kawan", "anak", "adik", "abang", "kakak", "mak", "ayah", "suami", "isteri",
                             "pelajar", "rakan", "member", "nenek", "atuk", "murid", "jiran", "pakcik",
                             "makcik", "sepupu", "budak", "sekelas", "ibu", "bapa", "abah",
                             "emak"])  # fmt: skip


def _author_cues(words: list[str]) -> list[int]:
    """Positions of first-person words where the author is a subject: not a possessive within two words
    after a third person ("adik saya", "anak buah saya", "kawan i", "anak kami"), not "excuse me", and not
    the addressee of a reporting verb ("told me",
    "texted us", "cakap kat saya", "beritahu aku"). "my" is never a cue; "myself" is not one either, as a
    reported "kms" reads "kill myself"."""
    out = []
    for k, w in enumerate(words):
        if w not in _FIRST_PERSON:
            continue
        before = words[k - 1] if k else ""
        if w in _POSSESSIVE and any(
            t in (_MS_THIRD_PARTY if w == "i" else _THIRD_PARTY) for t in words[max(0, k - 2) : k]
        ):
            continue  # "adik saya", "anak buah saya", "rakan sekerja sy", Manglish "kawan i"
        if w == "me" and before == "excuse":
            continue
        if (w in ("me", "us") and before in _REPORTING) or before in _TELLING:
            continue
        if before in _TO and k >= 2 and words[k - 2] in _REPORTING:
            continue
        out.append(k)
    return out


_POSSESSIVE = frozenset(["saya", "sy", "aku", "i", "kami"])


# Round 15: words that say quoted words are a song's ("'I wanna die in your arms' such a sad lyric",
# `"mati aku kalau kau pergi" lirik paling sedih`): quoted threats, self-harm and sexual words are the song's.
LYRIC_RE = re.compile(
    r"\b(?:lyric|lyrics|lirik|chorus|korus|verse|bridge|rangkap|hook|this line|that line|the line|line ni"
    r"|line tu|sings|sang|singing|nyanyi|menyanyi|lagu|song|songs|what a line|best line|fav line"
    r"|favourite line|favorite line|lines|bait|tajuk lagu|ost)\b"
)
REPORTING_RE = re.compile(
    r"\b(?:told me|told us|said|says|saying|texted|messaged|wrote|threatened|mesej|cakap|kata|ugut|bilang"
    r"|reported|report|lapor|laporkan|dilaporkan|types|typed|typing|taip|menaip|forwarded|forwards|forward"
    r"|sent|sends|hantar|texts)\b"
)
# Naming and mentioning verbs: in counter-speech the word after them is mentioned, not used ("don't say
# keling, that word is a slur", "jangan sebut perkataan itu").
_NAMING_VERBS = frozenset(["panggil", "dipanggil", "called", "call", "calling", "gelar", "digelar", "ejek",
                           "diejek", "named", "say", "saying", "sebut", "use", "using", "guna"])  # fmt: skip


def reported_slur_tokens(flat: _Words) -> set[int]:
    """Tokens within three words after a naming verb ("kena panggil keling", "they called me a ..."): in
    counter-speech the author reports the slur, not says it."""
    out: set[int] = set()
    for k, w in enumerate(flat.words):
        if w in _NAMING_VERBS:
            out.update(flat.owner[j] for j in range(k + 1, min(len(flat.words), k + 4)))
    return out


# --- mentioned, not used (issue 13: counter-speech about people) -----------------------------------
# An insult, swear word or slur the author quotes or reports in order to reject it, report it or ask about
# it is *mentioned*: "someone in chat called me a <slur>, can I report that?", "jangan panggil orang
# <insult>, tak baik", "stop saying '<word>'". The span after a verb of naming or saying, or inside quotation
# marks, is excused (the pipeline drops its word-list findings and keeps the abuse and hate heads quiet);
# whatever else the comment says is judged as usual.
_MENTION_VERBS = frozenset(["called", "call", "calls", "calling", "panggil", "memanggil",
                            "dipanggil", "gelar", "gelarkan", "digelar", "menggelar", "ejek",
                            "mengejek", "diejek", "maki", "memaki", "dimaki", "label", "labelled",
                            "labeled", "labelling", "labeling", "cop", "say", "says", "said",
                            "saying", "cakap", "kata", "sebut", "wrote", "write", "writes", "tulis",
                            "menulis", "commented", "comment", "comments", "komen", "typed", "taip",
                            "posted", "texted", "messaged", "mesej", "hantar", "sent", "named",
                            # round 14: telling someone to do something ("told me to shut up", `kena
                            # suruh pergi mati`)
                            "told", "tell", "tells", "telling", "suruh", "disuruh", "menyuruh"])  # fmt: skip
# A verb of naming in the passive reports that someone was its target ("my son was called a ...",
# "kena maki ...", "dipanggil ...").
_MENTION_PASSIVE = frozenset(["was", "were", "got", "get", "gets", "getting", "been", "being", "be",
                              "kena", "is", "are", "am", "keep", "keeps", "kept"])  # fmt: skip
# Who says it when it is not the author: people around the author, "who"/"yang" of "people who call ...".
_MENTION_SAYERS = frozenset(["someone", "somebody", "people", "orang", "others", "they", "dorang",
                             "diorang", "depa", "he", "she", "dia", "mereka", "guy", "guys", "user",
                             "users", "viewer", "scammer", "scammers", "boss", "bos", "customer",
                             "pelanggan", "stranger", "strangers", "troll", "trolls", "who", "yang",
                             "everyone", "anyone", "semua", "netizen", "netizens", "budak", "kids",
                             "teacher", "cikgu", "manager", "ada"])  # fmt: skip
# Telling others not to say it, or saying it is wrong: the verb comes after one of these ("jangan panggil",
# "stop saying", "tak baik panggil", "wrong to call", "pls dont call").
_MENTION_REJECTING = frozenset(["jangan", "jgn", "dont", "never", "stop", "berhenti", "usah",
                                "baik", "wrong", "salah", "ok", "okay", "allowed", "shouldnt",
                                "elak", "avoid"])  # fmt: skip
# A verb of naming as the subject of a rejection ("calling someone a ... is not ok").
_MENTION_GERUNDS = frozenset(["calling", "saying", "labelling", "labeling"])
# Where a mention ends: a clause break, a contrast or a cause ("they call me stupid but you are ...").
_MENTION_STOPS = frozenset(["but", "tapi", "tetapi", "because", "sebab", "coz", "cause", "padahal",
                            "whereas", "while", "so", "jadi", "then", "lepas", "after", "when",
                            "bila"])  # fmt: skip
_MENTION_SPAN = 6  # words after the verb that can be the name someone was called
# Words that report or reject (beside the counter-speech phrases): "can I report that?", "is that allowed",
# "boleh lapor polis ke", "macam mana nak padam". A question mark or a help phrase only asks: it counts
# after a verb of naming, not for a quotation alone.
_MENTION_FRAME = frozenset(["report", "reported", "reporting", "lapor", "laporkan", "melaporkan",
                            "remove", "removed", "delete", "deleted", "padam", "buang", "ban",
                            "block", "sekat", "allowed", "polis", "police", "hurts",
                            "hurtful"])  # fmt: skip
_MENTION_FRAME = (
    _MENTION_FRAME | _READINGS["frame"]
)  # round 15: "it's bullying", `tu jenayah`, "I'm complaining"
_UNIVERSAL = _READINGS["universal"]


def rejects_in_words(flat: _Words) -> bool:
    """Round 15: the comment rejects or reports what it mentions in words (``_mention_frame`` without a
    question): '"go kill yourself" is not banter, it's bullying'."""
    return _mention_frame(flat)


def universal_sayer(flat: _Words) -> bool:
    """Round 15: a verb of saying whose subject is everyone ("everyone says ...", `semua orang cakap`, "we all
    say"): a claim about a group put in everyone's mouth is the author's own, not someone else's words."""
    words = flat.words
    return any(
        w in _MENTION_VERBS and not _UNIVERSAL.isdisjoint(words[max(0, k - 3) : k])
        for k, w in enumerate(words)
    )


# The reader addressed as one of the same: "and you are one too", "kau pun sama", "so are you".
_ALSO_YOU_RE = re.compile(
    r"(?<![^ ])(?:(?:you are|you|u|kau|ko|awak|korang|kamu|engkau|anda|lu)(?: pun| memang| ni| tu| la| lah)?"
    r" (?:(?:are |is |also |just |really |the )?(?:one|one too|too|also|the same|the real one|sama"
    r"|pun sama|juga|sama je|lagi teruk|worse))|so are you|same as you|just like you"
    r"|macam (?:kau|ko|awak|korang)(?: la| lah)?)(?![^ ])"
)


def _clause_break(norm: Normalised, flat: _Words, k: int) -> bool:
    """Whether a clause ends between words ``k`` and ``k + 1`` (or ``k`` is the last word)."""
    if k + 1 >= len(flat.owner):
        return True
    a, b = flat.owner[k], flat.owner[k + 1]
    return a != b and _CLAUSE_END.search(norm.original, norm.tokens[a].end, norm.tokens[b].start) is not None


def _mention_source(flat: _Words, norm: Normalised, k: int, author: set[int]) -> str:
    """Who says the words after the verb at ``k``: "author" (the author as its subject: "I call him ..."),
    "other" (a third person, or the verb in the passive: "someone called me", "kena maki"), "rejected"
    (told not to or called wrong: "jangan panggil", "stop saying", "wrong to call", "calling someone a ...
    is not ok") or "" (none: a command, "call him a ...")."""
    words = flat.words
    verb = words[k]
    if verb.startswith("di") or (verb in ("called", "named") and k and words[k - 1] in _MENTION_PASSIVE):
        return "other"
    found = ""
    second = lexicons.load().second_person
    for j in range(k - 1, max(-1, k - 5), -1):
        if _clause_break(norm, flat, j):
            break
        w = words[j]
        if j in author:
            return "author"
        if w in second:
            return ""  # "who you calling a ...": the reader speaks or is spoken to
        if w in _MENTION_REJECTING and k - j <= 3:
            # "I dont say ...", "aku tak pernah panggil ...": the author denies saying it, not rejects it.
            return "author" if j - 1 in author else "rejected"
        if not found and (w in _MENTION_PASSIVE or w in _MENTION_SAYERS or w in _THIRD_PARTY):
            found = "other"
    if not found and verb in _MENTION_GERUNDS and _mention_frame(flat, norm):
        return "rejected"
    return found


def _mention_frame(flat: _Words, norm: Normalised | None = None) -> bool:
    """The comment rejects or reports in words (a counter-speech phrase, a word of reporting or rejecting)
    or, given ``norm``, asks (a question mark or a help phrase: "how do I ...")."""
    if norm is not None and ("?" in norm.original or _HELP_RE.search(flat.text) is not None):
        return True
    if not _MENTION_FRAME.isdisjoint(flat.word_set):
        return True
    return _search(_COUNTER_RE, flat.text) is not None


def mentioned_tokens(flat: _Words, norm: Normalised) -> set[int]:
    """Tokens of words the author mentions rather than uses: within ``_MENTION_SPAN`` words after a verb
    of naming or saying whose subject is someone else or which the author rejects ("someone called me a
    ...", "jangan panggil orang ...", "stop saying ..."), stopping at a clause break, a contrast ("but") or
    the reader; or inside quotation marks after such a verb, or in a comment that rejects or reports without
    a question mark counting. The object must not be the reader or a role noun present ("everyone calls
    you an idiot, host" uses the word), and the comment must reject, report or ask (a question mark counts
    after a verb: "my classmate keeps calling me ..., what should I do?"). Empty when there is none."""
    words = flat.words
    out: set[int] = set()
    has_verb = not _MENTION_VERBS.isdisjoint(flat.word_set)
    quoted = quoted_spans(norm.original)
    if not has_verb and not quoted:
        return out
    lex = lexicons.load()
    strong = _mention_frame(flat)  # rejects or reports in words
    frame = strong or _mention_frame(flat, norm)
    author = set(_author_cues(words))
    reader = lex.second_person | _role_nouns(lex.targets)
    n = len(words)
    for k in range(n) if has_verb else ():
        if words[k] not in _MENTION_VERBS:
            continue
        source = _mention_source(flat, norm, k, author)
        if source in ("", "author"):
            continue
        if words[k] in _TELLING_VERBS and not _told_the_author(flat, norm, k, source):
            continue  # "don't tell me what to do ...", "somebody tell these ...": no report of being told
        span: list[int] = []
        aimed = False
        for j in range(k + 1, min(n, k + 1 + _MENTION_SPAN)):
            w = words[j]
            if w in reader:
                aimed = j <= k + 2  # "calls you an idiot": the reader is the target
                break
            if w in _MENTION_STOPS:
                break
            span.append(j)
            if _clause_break(norm, flat, j):
                break
        if aimed or not span:
            continue
        if frame or source == "rejected":
            out.update(flat.owner[j] for j in span)
    if quoted and frame:
        inside = {i for a, b in quoted for i, t in enumerate(norm.tokens) if a <= t.start < b}
        for j, owner in enumerate(flat.owner):
            if owner not in inside:
                continue
            # The nearest verb of naming or saying before the quotation: not the author's own ("I say
            # 'fuck you' host").
            verb = next((i for i in range(j - 1, max(-1, j - 5), -1) if words[i] in _MENTION_VERBS), None)
            source = _mention_source(flat, norm, verb, author) if verb is not None else ""
            if source == "author" or (source == "" and not strong):
                continue
            out.add(owner)
    return out


def also_used(flat: _Words, norm: Normalised, mentioned: set[int]) -> Hit | None:
    """The reader called the same outside the mention ("someone called me a ..., and you are one too",
    "orang panggil aku sial, kau pun sama"): an insult of its own (``insult.phrase``), and the mention is
    not excused."""
    text = " ".join(w for w, o in zip(flat.words, flat.owner, strict=True) if o not in mentioned)
    m = _search(_ALSO_YOU_RE, text)
    if m is None:
        return None
    kept = [o for o in flat.owner if o not in mentioned]
    starts = list(accumulate((len(w) + 1 for w in text.split(" ")[:-1]), initial=0))
    a = kept[bisect.bisect_right(starts, m.start()) - 1]
    b = kept[bisect.bisect_right(starts, max(m.start(), m.end() - 1)) - 1]
    return Hit("insult.phrase", "insult", 2, norm.tokens[a].start, norm.tokens[b].end)


# The pronouns and pointing words of targets.txt: what is left of it are role nouns, people present at the
# webinar (host, speaker, admin, penceramah).
_POINTING_TARGETS = frozenset(["he", "she", "him", "her", "dia", "mamat", "minah", "dasar"])


@lru_cache(maxsize=4)
def _role_nouns(targets: frozenset[str]) -> frozenset[str]:
    return targets - _POINTING_TARGETS


def tokens_near_groups(flat: _Words) -> set[int]:
    """Tokens within IDENTITY_WINDOW words of a group term."""
    out: set[int] = set()
    n = len(flat.words)
    for ga, gb in flat.groups():
        out.update(
            flat.owner[j] for j in range(max(0, ga - IDENTITY_WINDOW), min(n, gb + IDENTITY_WINDOW + 1))
        )
    return out


def negated_generalisation(flat: _Words, norm: Normalised) -> bool:
    """A group with a negated generalisation ("Refugees are not criminals", "Melayu bukan pemalas", "I don't
    think Indians are lazy", "tak semua pendatang penjenayah"): counter-speech
    (docs/screening-guidelines.md), so the hate head stays silent as for other rejections."""
    lex = lexicons.load()
    groups = flat.groups()
    if not groups:
        return False
    # Round 15: after a disclaimer or an endorsement ("I'm not racist but ...", "not all X are thieves, just
    # 90%"), a denied claim or act is no denial; a trait denied outright ("Malays are not lazy") still is.
    endorsed = disclaimed(flat)
    words = flat.words
    preds = _predicates(words, lex)
    owned = _owned_negators(words, preds, lex)
    for pa, pb, kind in preds:
        # "I don't hate Malays", "saya tidak benci orang Cina": the act against the group is denied; not
        # "it's not hate speech to say ..." (hate as a noun, round 15).
        denied = kind == "before" and not endorsed and _negated_word(words, pa, lex, act=True)
        if denied and pb + 1 < len(words) and words[pb + 1] in _HATE_AS_NOUN:
            denied = False
        if denied and any(pb < ga and ga - pb <= 6 for ga, _gb in groups):
            return True
        if kind != "after" and kind not in _TRAIT_KINDS:
            continue
        for ga, gb in groups:
            if gb < pa <= gb + 5 and (
                (_negated_word(words, pa, lex, owned=owned) and _trait_shape(words, gb, pa, kind, lex))
                or (not endorsed and _negated_claim(flat, norm, ga, gb, pa, lex))
            ):
                return True
    return False


def _trait_shape(words: list[str], gb: int, pa: int, kind: str, lex) -> bool:
    """Round 15: a trait word (``kind`` trait or trait_noun) negated after a group is denied OF the group only
    when nothing but markers, fillers, negators and claim words stand between ("Chinese are not sneaky");
    "saying Muslims are terrorists isn't racist" does not deny that Muslims are racist, it calls the saying
    no racism. The older "after" predicates keep their five-word window."""
    if kind not in _TRAIT_KINDS:
        return True
    ok = lex.general_words | lex.filler_words | lex.negators | lex.claim_words
    return all(w in ok for w in words[gb + 1 : pa])


_BACK = _READINGS["back"]
_CONTRAST = _READINGS["contrast"]
_OUGHT = _READINGS["ought"]
_NOBODY = tuple(tuple(p.split()) for p in _READINGS["nobody"])
# Words that may end a claim said again with its trait left out ("but most of them are", "because they
# should"): the back-reference and copulas, modals and particles only.
_ELIDED = frozenset(["of", "them", "are", "is", "r", "do", "does", "did", "should", "must", "memang", "mmg",
                     "pun", "la", "lah", "lol", "haha", "tho", "though", "really", "actually", "honestly",
                     "mereka", "dorang", "je", "jer", "kan", "ya"])  # fmt: skip


_THAN = frozenset(["than", "dari", "daripada", "berbanding", "compared"])
_COMPARING = frozenset(["be", "worse", "than", "even", "more", "lebih", "teruk", "dari", "daripada", "like",
                        "macam", "mcm", "seperti"])  # fmt: skip


def reasserted(flat: _Words, norm: Normalised) -> tuple[int, int] | None:
    """Round 15: the claim about a group said again after a contrast word or at the start of a clause, by a
    word that refers back to the group (readings.tsv ``back``: they, most, `kebanyakan`, `mereka`) or a
    marker alone: "not all migrants are thieves, but most of them are", `tak semua orang India jahat, tapi
    kebanyakan memang penipu`, "I don't hate gays, I just think they should all be locked up", `jangan kata
    bangla kotor, memang kotor pun`, "Is it wrong to say Indians should go back? because they should". A
    trait in the shape of a generalisation, a dehumanising or prescriptive predicate (not negated), or the
    trait left out ("but they are" ending the clause) count. Word indices of the claim, or None; only in a
    comment that names a group."""
    if not flat.groups():
        return None
    lex = lexicons.load()
    words = flat.words
    n = len(words)
    general = lex.general_words
    preds = None
    first_group = min(a for a, _b in flat.groups())
    for k, w in enumerate(words):
        if k <= first_group:
            continue
        back = w in _BACK
        if not back and w not in general:
            continue
        lead = words[max(0, k - 3) : k]
        if any(x in _MENTION_VERBS or x in _NAMING_VERBS for x in lead[-2:]):
            continue  # "stop calling them vermin": the claim is named to reject it, not said again
        if not back:
            # A marker alone starts the claim again only right after a clause break ("..., memang kotor pun").
            if not _clause_break(norm, flat, k - 1):
                continue
        elif not (
            any(x in _CONTRAST for x in lead)
            or any(_clause_break(norm, flat, j - 1) for j in range(max(1, k - 4), k + 1))
        ):
            continue
        if back:
            # "rats are cleaner than them", `anjing pun lagi baik dari dorang`: the group put below an animal.
            start = k
            while start > 0 and k - start < 6 and not _clause_break(norm, flat, start - 1):
                start -= 1
            clause = words[start:k]
            if (clause and clause[-1] in _THAN
                    and any(x in lex.beast_words or x in lex.dehumanising for x in clause)):  # fmt: skip
                return start, k
        last = k
        while last + 1 < n and not _clause_break(norm, flat, last):
            last += 1
        end = last + 1
        rest = words[k + 1 : end]
        if (
            back
            and rest
            and all(x in _ELIDED for x in rest)
            and any(x in ("are", "is", "r", "memang", "mmg", "should", "must", "do") for x in rest)
        ):
            return k, end - 1  # "but most of them are": the trait left out
        if preds is None:
            preds = _predicates(words, lex)
        for pa, pb, kind in preds:
            if not k < pa < end or _negated_word(words, pa, lex):
                continue
            if kind in _TRAIT_KINDS and _generalised(words, k, k, pa, pb, kind, lex, False):
                return k, pb
            if kind in _TRAIT_KINDS:
                continue
            # Only markers, fillers and modals between ("they should all be locked up"; not "because they work
            # in construction is disgusting").
            between = words[k + 1 : pa]
            if (kind in ("after", "passive") and pa <= k + (5 if back else 2)
                    and all(x in general or x in lex.filler_words or x in _ELIDED or x in _OUGHT
                            or x in _COMPARING or x in lex.liken_words for x in between)):  # fmt: skip
                return k, pb
    return None


def harm_rejected(flat: _Words, norm: Normalised, hit: Hit) -> bool:
    """Round 15: a threat finding in a clause whose subject is nobody and which says what ought to happen
    ("no one deserves to be beaten up for being gay", "no one should be told to go die", `tak ada sesiapa
    patut dipukul`): the harm is rejected, not threatened. A universal negative subject (readings.tsv
    ``nobody``) within three words before a modal (``ought``), the finding at most four words after the
    modal, in the same clause, and no first person between ("nobody should stop me from killing you" is a
    threat)."""
    if hit.start is None:
        return False
    first = _first_word(flat, norm, hit)
    words = flat.words
    for m in range(first, max(-1, first - 6), -1):
        if m < first and _clause_break(norm, flat, m):
            return False  # "nobody should live like this. I will kill you"
        if words[m] in _ADDRESSEE or words[m] in ("my", "im", "we", "you", "kau", "awak"):
            return False
        if words[m] not in _OUGHT:
            continue
        for j in range(m - 1, max(-1, m - 4), -1):
            if _clause_break(norm, flat, j):
                return False
            if any(j - len(p) + 1 >= 0 and tuple(words[j - len(p) + 1 : j + 1]) == p for p in _NOBODY):
                return True
        return False
    return False


def _told_and_rejected(flat: _Words, norm: Normalised, hit: Hit) -> bool:
    """Round 16: a threat told by someone else (a verb of saying, reporting or urging within six words before
    it) in a comment that rejects or reports it in words ("those posts telling people to burn the temple are
    disgusting, report them", "my brother said we should burn their church, I told him that's a crime")."""
    first = _first_word(flat, norm, hit)
    before = flat.words[max(0, first - 6) : first]
    told = any(w in _REPORTING or w in _INSTRUCTING or w in _MENTION_VERBS for w in before)
    return told and _mention_frame(flat)


def threat_hits(flat: _Words, norm: Normalised) -> list[Hit]:
    """Threats (threat.re) and telling someone to kill or harm themselves (harassment.re, incite)."""
    if _silent(flat, _THREAT_TRIGGERS, _THREAT_NEEDS) or _look_says_none(_THREAT_LOOK, flat):
        return _phrase_hits(_INCITE_RE, "threat.incite", "threat", flat, norm)
    # The author and the victim of a "clause" line must stand in one sentence ("I will go. Kill the
    # process first" is two).
    clause = [
        h for h in _phrase_hits(_THREAT_CLAUSE_RE, "threat.phrase", "threat", flat, norm)
        if _SENTENCE_END.search(norm.original, h.start, h.end) is None
    ]  # fmt: skip
    veiled = _phrase_hits(_THREAT_VEILED_RE, "threat.phrase", "threat", flat, norm)
    if veiled and safety_advice(flat, norm):
        veiled = []
    place = [
        h for h in _phrase_hits(_THREAT_PLACE_RE, "threat.phrase", "threat", flat, norm)
        if not _told_and_rejected(flat, norm, h)
    ]  # fmt: skip
    return (
        _phrase_hits(_THREAT_RE, "threat.phrase", "threat", flat, norm)
        + clause
        + veiled
        + place
        + _phrase_hits(_INCITE_RE, "threat.incite", "threat", flat, norm)
    )


_EVERYDAY = {label: _compile("everyday.re", label) for label in ("farewell", "return", "beyond", "thing")}


_EVERYDAY_TRIGGERS = lexicons.triggers("everyday.re")


def everyday_ending(flat: _Words) -> bool:
    """Whether the comment's farewell or ending is an everyday one (``lexicons/everyday.re``, round 14): the
    author takes leave and comes back ("goodbye everyone, see you next week!", "bye, jumpa minggu depan"),
    with no return that is none ("see you on the other side") and no menace ("u wait"), or a thing ends
    rather than the author ("my battery won't last much longer", "nak hilang 5kg sebelum raya", "tak larat
    nak teruskan kerja hari ni").
    The pipeline keeps the threat and self_harm heads quiet then; the phrase rules still judge the comment.

    "selamat tinggal semua, jumpa minggu depan!" -> True; "goodbye everyone, thanks for everything",
    "goodbye all, see you in the next life" -> False.
    """
    if _silent(flat, _EVERYDAY_TRIGGERS, _EVERYDAY_NEEDS):
        return False
    text = flat.text
    if _EVERYDAY["thing"].search(text):
        return True
    return (
        _EVERYDAY["farewell"].search(text) is not None
        and _EVERYDAY["return"].search(text) is not None
        and _EVERYDAY["beyond"].search(text) is None
    )


_QUOTED_RE = re.compile(
    r"[\"\u201c\u201d'\u2018\u2019][^\"\u201c\u201d'\u2018\u2019]{3,}[\"\u201c\u201d'\u2018\u2019]"
)
# The first person of advice itself ("I'd be careful ... if I were you") is not the author's own menace.
_ADVISING_RE = re.compile(r"\b(?:if i (?:were|was) you|i d be careful|id be careful|i would be careful)\b")
_AUTHOR_RE = re.compile(
    r"\b(?:i|im|i m|ill|i ll|id|i d|ive|i ve|me|my|we|well|we ll|our|aku|saya|sy|aq|kami|gua|imma)\b"
)


def safety_advice(flat: _Words, norm: Normalised) -> bool:
    """Whether the comment reads as safety advice or a warning about a topic of ``lexicons/advice.txt``
    (scammers, hackers, privacy settings, cloud backup, passwords, links) rather than the author's own
    menace: such a word, and no first-person word of the author outside quotation marks (round 14). A
    threat line labelled "veiled" in threat.re is dropped when it does.

    "watch your back for scammers", "your photos go to the cloud unless you turn off auto-backup",
    "scammers may say 'I know where you live' to scare you, don't pay" -> True; "I know where you live,
    scammer", "watch your back" -> False.
    """
    words, phrases = lexicons.word_file("advice.txt")
    if words.isdisjoint(flat.word_set) and not any(p in flat.text for p in phrases):
        return False
    outside = _QUOTED_RE.sub(" ", norm.folded)
    outside = _ADVISING_RE.sub(" ", " ".join(re.sub(r"[^\w]+", " ", outside).split()))
    return _AUTHOR_RE.search(outside) is None


def sexual_hits(flat: _Words, norm: Normalised) -> list[Hit]:
    """Sexual remarks and requests aimed at a person without a listed word (sexual.re): a body remarked
    on, pictures of it asked for, a room or a bed offered, a sexual act wanted with someone. Severity 2."""
    hits = minor_approach_hits(flat, norm)
    if _silent(flat, _SEXUAL_TRIGGERS) or _look_says_none(_SEXUAL_LOOK, flat):
        return hits
    hits += _phrase_hits(_SEXUAL_RE, "sexual.phrase", "sexual", flat, norm)
    if _may(_SEXUAL_WINK_RE, flat.text) and _WINK_MARK_RE.search(norm.original.lower()) is not None:
        hits += _phrase_hits(_SEXUAL_WINK_RE, "sexual.phrase", "sexual", flat, norm)
    requests = _phrase_hits(_SEXUAL_REQUEST_RE, "sexual.phrase", "sexual", flat, norm)
    if requests and not _asks_about_it(flat):
        hits += requests
    return [Hit(h.code, h.category, 2, h.start, h.end) for h in hits]


def _asks_about_it(flat: _Words) -> bool:
    """The comment reports or asks about a request (sexual.re's "report" line: report, `lapor`, police,
    grooming, "what should I do"...): "a stranger asked my daughter for pics, how do I report?"."""
    return _search(_SEXUAL_REPORT_RE, flat.text) is not None


def minor_approach_hits(flat: _Words, norm: Normalised) -> list[Hit]:
    """An approach to a child (minors.re; code ``sexual.minor``, category sexual, severity 2): the reader's
    age, being alone or secrecy asked for, with one cue of another kind (a private channel, a meeting, a
    picture, a child named outright), or a child named with a meeting or a picture asked for: "how old are
    you? are you alone at home?", "add me on whatsapp, don't tell your parents", `adik umur berapa, jom
    jumpa`. One cue alone is nothing, and a comment that reports or asks about it is published."""
    if _silent(flat, _MINOR_TRIGGERS, _MINOR_NEEDS) or not _MINOR_FIRST_LOOK.may_match(flat.text):
        return []
    found: dict[str, tuple[int, int]] = {}
    for kind, rx in _MINOR_CUES.items():
        if kind == "contact" and not found:
            return []  # no age, alone, secrecy or minor cue: nothing else can make an approach
        m = _search(rx, flat.text)
        if m is not None:
            found[kind] = (m.start(), m.end())
    # "jom jumpa" is a meeting asked for only when the reader is addressed as a child or a minor is named.
    invite = found.pop("invite", None)
    kid = found.pop("kid", None)
    if invite is not None and "meet" not in found and (kid is not None or "minor" in found):
        found["meet"] = invite
    kinds = set(found)
    # Round 15: a child named with a private channel to the author ("girls in form 3 msg me") is one too.
    if not (
        (kinds & _MINOR_LEAD and len(kinds) >= 2)
        or {"minor", "meet"} <= kinds
        or {"minor", "contact"} <= kinds
    ):
        return []
    if _asks_about_it(flat):
        return []
    a, b = flat.token_range(min(s for s, _e in found.values()), max(e for _s, e in found.values()))
    return [Hit("sexual.minor", "sexual", 2, norm.tokens[a].start, norm.tokens[b].end)]


_HELP_RE = re.compile(
    r"\b(?:how (?:do|can|should) (?:i|we|parents|teachers)|how to"
    r"|what (?:do|should|can) (?:i|we|parents|teachers)"
    r"|should (?:i|we) (?:talk|tell|speak|report|worry|be worried)"
    r"|macam mana|mcm mana|bagaimana|apa (?:patut|perlu|boleh) (?:saya|aku|kami))\b"
)
_DESCRIBING = frozenset(["are", "is", "were", "was", "keep", "keeps", "kept", "been", "sedang", "tengah",
                         "asyik"])  # fmt: skip


def _described(flat: _Words, norm: Normalised, hit: Hit) -> bool:
    """A pile-on told as something others are doing ("they are mass reporting her"), not called for."""
    first = next((k for k, owner in enumerate(flat.owner) if norm.tokens[owner].start == hit.start), None)
    # The hit's own first word counts too ("classmates keep spamming his comments, what do i do?").
    return first is not None and any(w in _DESCRIBING for w in flat.words[max(0, first - 2) : first + 1])


# A scam, a fake account or a scammer named (harassment.re, "impostor"): reporting or exposing them together
# is reporting abuse, not hounding a person.
_IMPOSTOR_RE = _compile("harassment.re", "impostor")
_PERSON_RE = re.compile(r"\b(?:him|her|them|his|dia|mamat|minah|this guy|this girl|that guy|that girl)\b")


_ALONE_RE = re.compile(
    r"[,.;:!?]\s*(?:so |then |tapi |but )?(?:can|could|should|may|do|boleh|patut|perlu|macam mana|mcm mana"
    r"|how do|how can|how should) (?:i|saya|sy|aku)\b"
)


def _asks_alone(norm: Normalised, hit: Hit) -> bool:
    """A crowd word in one clause and the author asking whether they (alone) may report in the next: "my
    boss called me an idiot in front of everyone, can I report him?" is no call to a crowd."""
    return hit.start is not None and _ALONE_RE.search(norm.original[hit.start : hit.end].lower()) is not None


def harassment_hits(flat: _Words, norm: Normalised) -> list[Hit]:
    """Calls to mass-report, hound or expose a person (harassment.re, pile_on)."""
    hits = _phrase_hits(_PILE_ON_RE, "insult.pile_on", "insult", flat, norm)
    if hits and "?" in norm.original and _HELP_RE.search(flat.text) is not None:
        hits = [h for h in hits if not _described(flat, norm, h)]
    if hits and "?" in norm.original:
        hits = [h for h in hits if not _asks_alone(norm, h)]
    if hits and _IMPOSTOR_RE.search(flat.text) is not None:
        # Reporting a fake or impostor account together is reporting abuse, not hounding a person.
        # A fake account made to hound someone ("buat akaun palsu dan kutuk dia") is inside the match: kept.
        spans = [(h, norm.original[h.start : h.end].lower()) for h in hits]
        hits = [h for h, span in spans if _PERSON_RE.search(span) or _IMPOSTOR_RE.search(span)]
    return [Hit(h.code, h.category, 2, h.start, h.end) for h in hits]


# Verbs of telling someone to do something (round 14): reported only when the author or someone of theirs
# was told ("told me to ...", "my son was told to ...", `kena suruh`), never "can someone tell him to ...?".
_TELLING_VERBS = frozenset(["told", "tell", "tells", "telling", "suruh", "disuruh", "menyuruh"])
_TOLD_OBJECTS = frozenset(["me", "us", "saya", "aku", "sy", "kami", "kita", "i", "my", "our"])


# Whom others may be told not to tell ("jangan suruh orang pergi mati", "don't tell people to ...").
_TOLD_ANYONE = frozenset(["orang", "people", "others", "someone", "somebody", "anyone", "anybody", "sesiapa"])


def _told_the_author(flat: _Words, norm: Normalised, k: int, source: str) -> bool:
    """A verb of telling at ``k`` reports what the author (or someone of theirs) was told, and the comment
    asks or reports ("my classmate told me to ..., what do I do?", `kena suruh ...`, "my son was told to
    ..., how do I report?"), or rejects telling anyone ("jangan suruh orang ..."). A counter-speech phrase
    alone is not enough ("they told me to ... but ..."), nor is telling the reader not to tell the author
    ("don't tell me what to do ...")."""
    words = flat.words
    after = words[k + 1] if k + 1 < len(words) else ""
    if source == "rejected":
        return after in _TOLD_ANYONE
    asks = "?" in norm.original or _HELP_RE.search(flat.text) is not None
    if not (asks or not _MENTION_FRAME.isdisjoint(flat.word_set)):
        return False
    passive = words[k].startswith("di") or (k > 0 and words[k - 1] in _MENTION_PASSIVE)
    return passive or after in _TOLD_OBJECTS


def incite_told(flat: _Words, norm: Normalised, start: int) -> bool:
    """Whether telling someone to kill themselves, starting at ``start`` inside a mention span, was said to
    the author or someone of theirs, or is rejected: the nearest verb of naming or saying before it is not
    one of telling, or it is passive (`kena suruh`, "was told", `disuruh`), rejected ("jangan suruh"), or
    its object is the author ("told me to", `suruh saya`, "told my son to")."""
    words = flat.words
    first = next((k for k, o in enumerate(flat.owner) if norm.tokens[o].start == start), None)
    if first is None:
        return False
    verb = next((k for k in range(first - 1, max(-1, first - _MENTION_SPAN - 1), -1)
                 if words[k] in _MENTION_VERBS), None)  # fmt: skip
    if verb is None:
        return False
    if words[verb] not in _TELLING_VERBS or words[verb].startswith("di"):
        return True
    if verb and (words[verb - 1] in _MENTION_PASSIVE or words[verb - 1] in _MENTION_REJECTING):
        return True
    return verb + 1 < len(words) and words[verb + 1] in _TOLD_OBJECTS


def incite_asked(flat: _Words, norm: Normalised) -> list[tuple[int, int]]:
    """Spans (original-text offsets) where the author asks what an incitement word means ("what does kys
    mean? my son's friend typed it", `apa maksud kys`): the word is asked about, not said to anyone."""
    return _match_spans(_INCITE_ASKED_RE, flat, norm)


_EXPLETIVE_RE = re.compile("|".join(f"(?:{rx})" for _label, rx in lexicons.patterns("expletive.re")))
_EXPLETIVE_CUE = re.compile(r" af\b|anj|\U0001F595")


def expletive_hits(flat: _Words, norm: Normalised) -> list[Hit]:
    """Round 15: swearing no single list word reads (lexicons/expletive.re, on the folded text with its
    punctuation): "boring af", `anjing la, ...` as an oath, the middle finger emoji. Code profanity.lexicon,
    severity 1 (held from standard up, like "wtf"); a word asked about ("what does af mean?") is none."""
    text = norm.folded
    if _EXPLETIVE_CUE.search(text) is None:
        return []
    out = []
    starts = [t.start for t in norm.tokens]
    for m in _EXPLETIVE_RE.finditer(text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        s, e = norm.span(a, b)
        k = bisect.bisect_left(starts, s)
        last = bisect.bisect_left(starts, e) - 1
        if 0 <= last < len(norm.tokens) and _named_as_word(last, norm.tokens):
            continue
        if (
            k < len(starts)
            and k > 0
            and any(w in ("word", "perkataan", "maksud") for w in norm.tokens[k - 1].words)
        ):
            continue
        out.append(Hit("profanity.lexicon", "profanity", 1, s, e))
    return out


def insult_hits(flat: _Words, norm: Normalised) -> list[Hit]:
    """Insults aimed at a person without a listed word (insult.re): a person called or compared with an
    animal, a brain made small, "a waste of space". A negator inside the match or within two words
    before it ("you're not a sheep", "jangan panggil dia beruk") cancels it. Severity 2."""
    leet = flat.leet()
    if _silent(flat, None, _INSULT_NEEDS) or (
        not _INSULT_ANY.may_match(flat.text) and (leet is None or not _INSULT_ANY.may_match(leet[0]))
    ):
        return []
    lex = lexicons.load()
    out = []
    for h in _phrase_hits(_INSULT_RE, "insult.phrase", "insult", flat, norm):
        first = next((k for k, o in enumerate(flat.owner) if norm.tokens[o].start == h.start), 0)
        last = max((k for k, o in enumerate(flat.owner) if norm.tokens[o].end <= h.end), default=first)
        own = 1 if flat.words[first] == "nobody" else 0  # "nobody respects you" is the insult itself
        if any(
            w in lex.negators
            for w in flat.words[max(0, first - 2) : first] + flat.words[first + own : last + 1]
        ):
            continue
        out.append(Hit(h.code, h.category, 2, h.start, h.end))
    # Round 14: put-downs whose own words hold a negator ("nobody cares what you think", `kau ni tak
    # berguna`); a negator just before them ("it's not true that nobody cares about you") still cancels.
    for h in _phrase_hits(_INSULT_OWN_RE, "insult.phrase", "insult", flat, norm):
        first = next((k for k, o in enumerate(flat.owner) if norm.tokens[o].start == h.start), 0)
        if any(w in lex.negators for w in flat.words[max(0, first - 2) : first]):
            continue
        out.append(Hit(h.code, h.category, 2, h.start, h.end))
    if out and _may(_INSULT_OWNED_RE, flat.text):
        owned = {flat.token_range(m.start(), m.end())[1] for m in _INSULT_OWNED_RE.finditer(flat.text)}
        pronouns = {norm.tokens[i].start for i in owned}
        out = [h for h in out if h.start not in pronouns]
    if out and _may(_INSULT_UNSAID_RE, flat.text):
        # "don't listen to people who say you are worthless": the put-down is rejected as others' words.
        ends = [flat.token_range(m.start(), m.end())[1] for m in _INSULT_UNSAID_RE.finditer(flat.text)]
        if ends:
            starts = {i: t.start for i, t in enumerate(norm.tokens)}
            out = [h for h in out if not any(starts[e] < h.start <= starts[min(e + 6, len(norm.tokens) - 1)]
                                             for e in ends)]  # fmt: skip
    return out


# Round 14: a contact verb or platform spelled in single letters ("d m me", "w.a saya", "i g: ali_99"): the
# letters of a word of lexicons/contact_words.txt with one or two spaces, dots, dashes, underscores or stars
# between each, never after a number ("8 p.m."), are read as the word by the spam and handle rules.
_CONTACT_SEP = r"[ .\-_*]{1,2}"
_CONTACT_SPELLED = "|".join(
    _CONTACT_SEP.join(map(re.escape, w)) for w in sorted(lexicons.word_set("contact_words.txt"))
)
_CONTACT_LETTERS = re.compile(r"(?<![a-z0-9])(?:" + _CONTACT_SPELLED + r")(?![a-z0-9])")
# The same with its boundaries as characters rather than lookarounds: RE2's look (prefilter.py drops
# lookarounds) then turns away "how are" ("w a") instead of handing many comments to Python.
_CONTACT_LETTERS_CUE = re.compile(r"(?:^|[^a-z0-9])(?:" + _CONTACT_SPELLED + r")(?:[^a-z0-9]|$)")
_AFTER_NUMBER = re.compile(r"\d[ .]{0,2}$")


def contact_view(text: str) -> tuple[str, list[int] | None]:
    """``text`` with contact words spelled in single letters joined ("d m me" -> "dm me") and, per character,
    its index in ``text``; None instead of that list when nothing was joined (the same text)."""
    if not _may(_CONTACT_LETTERS_CUE, text):
        return text, None
    spans = [
        m
        for m in _CONTACT_LETTERS.finditer(text)
        if _AFTER_NUMBER.search(text, max(0, m.start() - 3), m.start()) is None
    ]
    if not spans:
        return text, None
    out: list[str] = []
    mapped: list[int] = []
    pos = 0
    for m in spans:
        out.append(text[pos : m.start()])
        mapped.extend(range(pos, m.start()))
        for k in range(m.start(), m.end()):
            if text[k].isalpha():
                out.append(text[k])
                mapped.append(k)
        pos = m.end()
    out.append(text[pos:])
    mapped.extend(range(pos, len(text)))
    return "".join(out), mapped


class _Moved:
    """A match of a view's text read back in the text it was made from (``start``, ``end``, ``group``)."""

    __slots__ = ("_a", "_b", "_m")

    def __init__(self, m: re.Match, where: list[int]):
        self._m = m
        self._a = where[m.start()]
        self._b = where[m.end() - 1] + 1 if m.end() > m.start() else self._a

    def start(self) -> int:
        return self._a

    def end(self) -> int:
        return self._b

    def group(self, i: int = 0):
        return self._m.group(i)


# Spam words as a topic ("a talk about judi online", "bahaya pinjaman segera") or as words the author asks
# about: quoted in a question or a report ("someone texted me 'click here', is it real?"), or after a
# reporting verb in a question ("what does it mean when a profile says link in bio?").
_SPAM_TOPIC = frozenset(["about", "tentang", "pasal", "mengenai", "regarding", "bahaya", "dangers", "danger",
                         "addiction", "ketagihan", "anti", "against", "banteras", "cegah", "prevent", "avoid",
                         "elak", "beware", "waspada"])  # fmt: skip
_SPAM_REPORTED = frozenset(["says", "saying", "said", "kata", "cakap", "tulis", "wrote", "means", "maksud"])


def _spam_as_topic(flat: _Words, norm: Normalised, m: re.Match, quoted: list[tuple[int, int]]) -> bool:
    first = max(bisect.bisect_right(flat.starts, m.start()) - 1, 0)
    before = flat.words[max(0, first - 2) : first]
    asks = _asks(norm)
    if _SPAM_ENFORCED_RE.search(norm.folded) is not None:
        return True  # "sindiket judi ditumpaskan": a news line on a raid or arrest
    if any(w in _SPAM_TOPIC or (asks and w in _SPAM_REPORTED) for w in before):
        return True
    if not quoted:
        return False
    start = norm.tokens[flat.owner[first]].start
    if not any(a <= start < b for a, b in quoted):
        return False
    outside = norm.original
    for a, b in quoted:
        outside = outside[:a] + " " * (b - a) + outside[b:]
    outside = outside.lower()
    return (
        asks
        or REPORTING_RE.search(outside) is not None
        or _SPAM_NEWS_RE.search(outside) is not None
        or _SPAM_CALLED_FAKE.search(outside) is not None  # round 15: 'Got "claim your prize", obviously fake'
    )


# Round 15 (lexicons/spam_warning.re): a quoted spam line called fake, a scam or a bot's outside the quotation
# marks is reported; an offer called a scam, or a scam told by its target, is no offer.
_SPAM_CALLED_FAKE = _compile("spam_warning.re", "fake")
_SPAM_CALLED_SCAM = _compile("spam_warning.re", "called", "victim")


def scam_reported(flat: _Words) -> bool:
    """A scam told by its target or reported, or an offer called a scam ("my aunt lost RM50k to a fake
    investment on telegram", "free followers apps steal your password"): with no spam finding the spam head is
    quiet."""
    return _search(_SPAM_CALLED_SCAM, flat.text) is not None


# Round 13: "DM/PM/WS me" closing a comment, the whole call to contact the author ("best rates, ws me",
# "pm saya"): spam on its own at standard. A bare closer ("..., pm") counts less (it needs one more signal),
# never after a number ("8 pm"), and a comment that asks something ("can you pm me?") has neither.
_CONTACT_END = re.compile(
    r"(?<![0-9] )\b(?:dm|pm|ws|wsp|wsap|wasap|whatsapp|inbox|telegram)"
    r"(?: (me|saya|aku|sy|i|kami|us))?(?: (?:now|sekarang|cepat|segera|je|jer|ja|ya|k|ok|okay|tau|tahu))?$"
)
_CONTACT_ASKED = frozenset(["can", "could", "you", "boleh", "tolong", "admin", "host"])
CONTACT_END_WEIGHT = 2.0
CONTACT_BARE_WEIGHT = 1.0
# Round 13: spam signals in a question about whether they are a scam, or how to deal with them ("is pinjaman
# segera tanpa ctos a scam?", "they told me to DM admin for details, is that real?", "my friend lost money on
# mega888, how to help him?") are asked about, not sent: nothing is counted when the comment has a question
# mark or a question phrase ("how to", `macam mana`) and such a word, no link, handle or personal data, and
# no signal that names the author ("me", "my").
_SPAM_ASKED_RE = re.compile(
    r"\b(?:scam|scams|scammer|scammers|legit|legitimate|real|genuine|fake|palsu|penipuan|tipu|menipu|safe|"
    r"selamat|halal|haram|trust|percaya|report|lapor|warn|avoid|elak|stop|berhenti|help (?:him|her|them|my)|"
    r"tolong (?:dia|mereka)|addicted|ketagih|ketagihan|check|semak|verify|sahkan)\b"
)
_SPAM_AUTHOR = re.compile(r"\b(?:me|my|mine|saya|aku|sy|kami|our|us|i)\b")


# A question written without its mark ("macam mana nak semak ... !").
_SPAM_QUESTION_RE = re.compile(
    r"\b(?:how (?:to|do|can|should)|macam mana|mcm mana|camne|cemana|bagaimana|apa itu)\b"
)


def _asked_about(norm: Normalised, spans: list[re.Match]) -> bool:
    return (
        _asks(norm)
        and (
            _SPAM_ASKED_RE.search(norm.folded) is not None
            or _SPAM_ASKED_LAW_RE.search(norm.folded) is not None
        )
        and not any(_SPAM_AUTHOR.search(m.group(0)) for m in spans)
    )


# A quoted spam signal described as news or as someone's advert is reported, not sent ("news say the
# syndicate used 'RM300 sehari' ads").
_SPAM_ENFORCED_RE = re.compile(
    r"\b(?:sindiket|syndicate|syndicates|ditumpaskan|ditumpas|tumpas|diserbu|serbuan|ditahan|ditangkap"
    r"|dirampas|busted|raided|arrested|crackdown|seized)\b"
)
_SPAM_NEWS_RE = re.compile(r"\b(?:news|berita|ads|iklan|adverts?|advertisements?|scam ads?)\b")


_SPAM_WARNING_RE = _compile("spam_warning.re", "")
_SPAM_ASKED_LAW_RE = _compile("spam_warning.re", "asked")
# Round 14: questions without their mark ("... is that usually a scam!", "... undang-undang ke").
_SPAM_UNMARKED_QUESTION_RE = re.compile(
    "|".join(f"(?:{rx})" for label, rx in lexicons.patterns("spam_warning.re") if label == "question")
)


# Round 15: a signal about a link followed by words saying the link is broken ("link in bio not working").
_LINK_WORDS = re.compile(r"\b(?:link|links|pautan|bio|description|desc)\b")
_SPAM_BROKEN_RE = re.compile(
    "|".join(f"(?:{rx})" for label, rx in lexicons.patterns("spam_warning.re") if label == "broken")
)


def _asks(norm: Normalised) -> bool:
    """A question mark, a question phrase ("how do I", `macam mana`) or a question without its mark."""
    return (
        "?" in norm.original
        or _SPAM_QUESTION_RE.search(norm.folded) is not None
        or _SPAM_UNMARKED_QUESTION_RE.search(norm.folded) is not None
    )


# Round 15: ordinary comments under videos (lexicons/fan_talk.re): laughter, a viewer's subscription or a
# milestone congratulated, a performer addressed beside praise. Their words leave the text the model scores.
_FAN_RES = {label: _compile("fan_talk.re", label) for label in ("laugh", "fan", "address", "cheer")}
_FAN_OTHERS = _compile("fan_talk.re", "others")
_FAN_SELF = _compile("fan_talk.re", "self")
_FAN_THIRD = _compile("fan_talk.re", "third")
# The words of a spam signal that make it an ask to subscribe, follow, share, like or watch.
_FAN_ASK = re.compile(
    r"\b(?:subscribe|sub|subs|langgan|follow|ikut|support|sokong|share|kongsi|like|check|watch|tengok|tgk|listen"
    r"|dengar|notification|bell|loceng)\b"
)


_FAN_ASK_WORDS = frozenset(["subscribe", "subscribed", "sub", "subs", "langgan", "support", "sokong", "share",
                            "kongsi", "sebarkan", "like", "notification", "bell", "loceng"])  # fmt: skip


def promotes_someone_else(flat: _Words) -> bool:
    """A fan promoting the video's creator, not themselves (lexicons/fan_talk.re "others" and "self")."""
    text = flat.text
    if _FAN_ASK_WORDS.isdisjoint(flat.word_set):
        return False  # the verbs of the "others" line (most comments have none)
    return _search(_FAN_OTHERS, text) is not None and _FAN_SELF.search(text) is None


_FAN_ANY = Guard("|".join(f"(?:{rx.pattern})" for rx in _FAN_RES.values()))


_FAN_WORDS = lexicons.word_set("fan_words.txt")
# The words an "address" line of fan_talk.re takes out of the model's text: the address and `gila`.
_FAN_DROP = frozenset(["abang", "abg", "bang", "akak", "kak", "kakak", "adik", "dik", "gila", "giler", "gile",
                       "gilaa", "gilerr"])  # fmt: skip


_TIMESTAMP = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")


def fan_talk(
    flat: _Words, norm: Normalised, excused: set[int] | frozenset[int] = frozenset()
) -> tuple[set[int], bool]:
    """A viewer's ordinary talk under a video (lexicons/fan_talk.re, fan_words.txt): the tokens that leave the
    text the model scores (an address word or `gila` beside praise; every token when the comment is made only
    of fan_words.txt's words, numbers, @mentions and those readings), and whether a "fan" line matched (the
    author subscribed, follows or congratulates) or words are quoted as someone's ('he always says "follow
    for more"'): the spam head is quiet."""
    text = flat.text
    out: set[int] = set()
    laughs: set[int] = set()  # laughter leaves the text only with the rest (the heads read it as light)
    fan = False
    if _FAN_ANY.may_match(text):
        for label, rx in _FAN_RES.items():
            for m in rx.finditer(text):
                if label == "fan":
                    fan = True
                    continue
                a, b = flat.token_range(m.start(), m.end())
                if label == "address":
                    out.update(i for i in range(a, b + 1) if _FAN_DROP.intersection(norm.tokens[i].words))
                else:
                    laughs.update(range(a, b + 1))
    original = norm.original
    if not fan and ('"' in original or "\u201c" in original or "'" in original) and _FAN_ASK.search(text):
        # 'Bro really said "follow for more"': the creator's words quoted, not the author's ask.
        quoted = quoted_spans(original)
        if quoted:
            outside = original
            for a, b in quoted:
                outside = outside[:a] + " " * (b - a) + outside[b:]
            outside = outside.lower()
            fan = any(_FAN_ASK.search(original[a:b].lower()) for a, b in quoted) and (
                REPORTING_RE.search(outside) is not None or LYRIC_RE.search(outside) is not None
            )
    words = flat.words
    if not words or len(words) > 16:
        return out, fan
    if not (out or laughs or excused or "@" in original) and not all(
        map(str.isdigit, flat.word_set - _FAN_WORDS)
    ):
        return out, fan  # a word outside the vocabulary, no name or laughter to excuse it (most comments)
    said = False  # a word of the vocabulary itself, not only numbers and names ("@hoes &#9829;" is none)
    for w, owner in zip(words, flat.owner, strict=True):
        if w in _FAN_WORDS or owner in out or owner in laughs:
            said = True
            continue
        if w.isdigit() or owner in excused:
            continue  # round 16: a figure or a quoted lyric already out of the text ("you saved my life ...")
        token = norm.tokens[owner]
        if token.start and original[token.start - 1] == "@" and token.entry is None:
            continue  # "@Farah remember this one?": a friend tagged (never a listed word)
        return out, fan
    if not said and ":" in original and _TIMESTAMP.search(original) is not None:
        said = True  # round 16: timestamps alone ("0:45 1:23 2:10"), a viewer's favourite moments
    return (set(flat.owner) if said else out), fan


# Round 15: a spam word spelled one character at a time with digits among the letters ("S u b 4 s u b", "m e
# g a 8 8 8"), which the normaliser leaves as single letters ("u" is even read as "you"): runs of four or more
# single letters or digits with one space between them, joined in the folded text.
_SPACED_RUN = re.compile(r"(?<![^\s])[a-z0-9](?: [a-z0-9]){3,}(?![^\s])")


def _spaced_spam(norm: Normalised) -> list[tuple[float, int, int]]:
    """Spam signals found only once single-character runs are joined: (weight, start, end) in the original."""
    folded = norm.folded
    runs = list(_SPACED_RUN.finditer(folded))
    if not runs:
        return []
    view, where = _join_spaced(folded, list(range(len(folded))), runs)
    joined = []  # each run's span in the view
    for m in runs:
        a = where.index(m.start())
        joined.append((a, a + (m.end() - m.start() + 1) // 2))
    out = []
    for rx, weight in _SPAM_RES:
        m = rx.search(view)
        if m is not None and any(a < m.end() and m.start() < b for a, b in joined):
            out.append((weight, *norm.span(where[m.start()], where[m.end() - 1] + 1)))
    return out


def spam_hits(
    flat: _Words, norm: Normalised, extra: float, strictness: str, innocent: set[int] | None = None
) -> list[Hit]:
    """Spam signals (spam.tsv), weighed. A signal quoted in a question or report ("mesej 'DM admin untuk
    untung cepat' tu scam kan?") is asked about: it counts for nothing, and (round 7) the quoted words are
    added to ``innocent`` so the spam head does not score them either."""
    total = extra
    spans: list = []
    text, where = contact_view(flat.text)
    spaced = _spaced_spam(norm) if _may(_SPACED_RUN, norm.folded) else []
    first = _from(_SPAM_ANY, text)
    if first >= 0:
        any_match = _SPAM_ANY.search(text, first)
        first = -1 if any_match is None else any_match.start()
    if not spaced and first < 0:
        return []
    quoted = quoted_spans(norm.original)
    asked = False
    found: list[tuple[float, re.Match]] = []
    # Every signal's first match starts where the first match of them all does, or after it.
    for rx, weight in _SPAM_RES if first >= 0 else ():
        m = rx.search(text, first)
        if m is None:
            continue
        if where is not None:
            m = _Moved(m, where)  # type: ignore[assignment]
        if not _spam_as_topic(flat, norm, m, quoted):
            found.append((weight, m))
        elif quoted:
            asked = True
    if found:
        # Round 14: a light contact signal asking for the talk's own materials ("text me the notes", "dm me
        # the slides") is a participant's request, not an offer (lexicons/materials.txt).
        materials = lexicons.word_set("materials.txt")
        found = [
            (w, m)
            for w, m in found
            if w >= 2.0 or not materials.intersection(flat.text[m.end() :].split()[:3])
        ]
    view, text = text, flat.text
    if found:
        found = [
            (w, m)
            for w, m in found
            if _LINK_WORDS.search(m.group(0)) is None or _SPAM_BROKEN_RE.match(text, m.end()) is None
        ]
    ending = _CONTACT_END.search(view) if "?" not in norm.original else None
    if ending is not None and where is not None:
        ending = _Moved(ending, where)  # type: ignore[assignment]
    if (
        ending is not None
        and not set(text[: ending.start()].split()[-1:]) & _CONTACT_ASKED
        and not _spam_as_topic(flat, norm, ending, quoted)
    ):
        found.append((CONTACT_END_WEIGHT if ending.group(1) else CONTACT_BARE_WEIGHT, ending))
    # Round 13: each signal is counted on its own: a match inside a heavier one already counted ("whatsapp
    # me" inside "whatsapp me for details", or the same words matched by two lines) adds nothing.
    found.sort(key=lambda wm: (-wm[0], wm[1].start()))
    for weight, m in found:
        if any(o.start() <= m.start() and m.end() <= o.end() for o in spans):
            continue
        total += weight
        spans.append(m)
    if (
        spans
        and not extra
        and promotes_someone_else(flat)
        and _FAN_THIRD.search(flat.text) is not None
        and " i " not in f" {flat.text} "
    ):
        # Round 15: "guys please subscribe to her channel": the asks are for the creator, not the author.
        kept = [m for m in spans if _FAN_ASK.search(m.group(0)) is None]
        if len(kept) < len(spans):
            total = sum(w for w, m in found if m in kept)
            spans = kept
    if spaced:
        # Round 15: the heaviest signal of the joined runs (one spelled word is one signal).
        total += max(w for w, _a, _b in spaced)
    if (spans or spaced) and not extra and _asked_about(norm, spans):
        spans, spaced = [], []
    if (
        (spans or spaced)
        and not extra
        and _SPAM_WARNING_RE.search(text) is not None
        and "@" not in norm.folded
    ):
        spans, spaced = [], []  # round 14: "the giveaway in this video is fake, don't click it" warns
    if (
        (spans or spaced)
        and not extra
        and "@" not in norm.folded
        and not any(_SPAM_AUTHOR.search(m.group(0)) for m in spans)
        and _SPAM_CALLED_SCAM.search(text) is not None
    ):
        spans, spaced = [], []  # round 15: "... RM300 sehari tu semua scam", "kawan saya kena tipu ..."
    if asked and innocent is not None:
        innocent.update(i for i, t in enumerate(norm.tokens) if any(a <= t.start < b for a, b in quoted))
    if (spans or spaced) and "@" in norm.folded and _HANDLE_RE.search(norm.folded) is not None:
        total += 1.0  # a contact handle beside a promise ("PM @duitmudah")
    if not (spans or spaced) or total < SPAM_THRESHOLD.get(strictness, 2.0):
        return []
    severity = 3 if total >= 4 else 2
    out = []
    for m in spans:
        a, b = flat.token_range(m.start(), m.end())
        out.append(Hit("spam.pattern", "spam", severity, norm.tokens[a].start, norm.tokens[b].end))
    if spaced:
        _w, a, b = max(spaced)
        out.append(Hit("spam.pattern", "spam", severity, a, b))
    return out


# --- links and personal data, found in the folded text ------------------------------------------

_TLDS = "|".join(sorted(lexicons.load().tlds, key=len, reverse=True))
LINK_RE = re.compile(
    r"(?:https?://|hxxps?://|www\.)[^\s<>\"]+"
    r"|(?<![\w@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:" + _TLDS + r")\b(?:/[^\s<>\"]*)?"
    # Round 13: any dotted name with a path after it is an address whatever its ending ("shorturl.at/abcd").
    r"|(?<![\w@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,12}/[a-z0-9][^\s<>\"]*"
)
# Punctuation that ends the sentence after an address is not part of it ("join t.me/x, is it a scam?").
_LINK_TAIL = re.compile(r"[.,;:!?)\]}'\"]+$")
# Round 13: an address spelled one character at a time ("j u d i 8 8 . c o m"): single letters or digits
# with single spaces between them, around a dot, are joined before LINK_RE runs.
_SPACED_CHARS = re.compile(
    r"(?<![^\s])[a-z0-9](?: [a-z0-9])* ?\. ?[a-z0-9](?: [a-z0-9])*(?![^\s.,!?/])"
    # Round 14: a name written whole with its ending spelled out after a spaced dot ("judi88 . c o m").
    r"|(?<![^\s])[a-z0-9]+ ?\. ?[a-z0-9](?: [a-z0-9])+(?![^\s.,!?/])"
)
# A necessary condition of _SPACED_CHARS (both forms), cheap to look for: a single letter or digit after a
# dot (and an optional space) that ends there or is followed by a space ("j u d i 8 8 . c o m", "x. y z"):
# a sentence's ". " alone ("at home. My kids") hands nothing to _SPACED_CHARS' slower scan.
_SPACED_CUE = re.compile(r"\. ?[a-z0-9](?![^\s.,!?/])")
# Every way of writing a dot in a disguised address, folded to "." before LINK_RE runs: "[.]", "(dot)",
# "{.}", " dot ", the ideographic and full-width stops, middle dots, and a dot with spaces on BOTH sides
# ("judi88 . com"). A dot followed by a space alone ends a sentence ("at home. My kids") and is kept.
# Round 14: "d0t" for "dot", a comma in brackets ("[,]"), a spelled dot joined by dashes or underscores
# ("judi88-dot-com", "judi88_dot_com"), and a comma with no space before a web ending that is no word
# ("judi88,com", "site,net": never ",my", which runs sentences together: "hi,my name").
_DOT_LIKE = re.compile(
    r"\s*[\[({<]\s*(?:\.|,|dot|d0t|titik)\s*[\])}>]\s*"
    r"|(?<=[a-z0-9])\s+(?:dot|d0t|titik)\s+(?=[a-z0-9])"
    r"|(?<=[a-z0-9])[-_]+(?:dot|d0t|titik)[-_]+(?=[a-z0-9])"
    r"|(?<=[0-9]),(?=(?:com|net|org|xyz|io|ly|biz|info|site|online|link|cc|vip)(?:/|\b)(?!'))"
    r"|(?<=[a-z]),(?=(?:com|net|org|xyz|io|ly|biz|info|site|online|link|cc|vip)(?:/|\s*$))"
    r"|\s*[。｡．·•∙⋅‧]\s*"
    r"|(?<=[a-z0-9]) +\. +(?=[a-z0-9])"
)
_SPACED_WWW = re.compile(r"\bw\s+w\s+w\b")
# Round 13: a space standing for the dot before a known ending with a path after it ("bit ly/abc123").
_SPACE_FOR_DOT = re.compile(r"(?<=[a-z0-9]) (?=(?:" + _TLDS + r")/[a-z0-9])")
EMAIL_RE = re.compile(
    r"[\w.+-]+(?:@| ?[\[({]@[\])}] ?)[\w-]+(?:\.[\w-]+)+"  # round 15: "ali [@] gmail.com" too
    r"|\b[\w.]+ ?(?:\[at\]|\(at\)| at ) ?[\w-]+ ?(?:\[dot\]|\(dot\)| dot ) ?(?:com|net|my|org)\b"
)
MYKAD_RE = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2}) ?[- ]? ?(\d{2}) ?[- ]? ?(\d{4})(?![\d-])")
CARD_RE = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")
# A card number laid out as printed (four groups of four) beside a card word is held even when its Luhn
# check fails: a mistyped or made-up digit still shows the author sharing a card (round 6).
_CARD_LAYOUT = re.compile(r"^\d{4}([ -])\d{4}\1\d{4}\1\d{4}$")
_CARD_WORD = re.compile(r"\b(?:card|cards|kad|credit|kredit|debit|visa|mastercard|amex|cvv)\b")
# Any run of digits in small groups separated by one space, dot, dash or bracket ("012.345.6789",
# "01 23 45 67 89", "+60 12-345 6789"); it is a phone number when its digits are a Malaysian number.
# Round 13: a bracketed country code before the number ("(+60)12-345 6789") and the international prefix
# "00" ("006012 345 6789") too.
_NUMBER_RUN = re.compile(
    r"(?<![\w+.(])(?:\(\+?\d{1,4}\) ?|\+)?\(?\d{1,11}\)?(?:[ .\-]\(?\d{1,8}\)?){0,6}(?![\w])"
)
_MY_PHONE = re.compile(r"(?:\+?(?:00)?60|0)(?:1\d{8,9}|[3-9]\d{7,8})")


def phone_digits(digits: str) -> bool:
    """Whether a string of digits is a Malaysian phone number: 9 to 12 digits (14 with the international
    prefix "00"), a mobile (01x), a landline (03-09) or either after the country code 60."""
    n = len(digits)
    long_form = n <= 14 and digits.startswith("0060")
    return (9 <= n <= 12 or long_form) and _MY_PHONE.fullmatch(digits) is not None


# The same, written loosely: groups that hold at least one digit, with o/i/l/z/s/b standing in for some
# digits ("+6O 12", "O19", "O1Z"), separated by spaced dashes, dots or other symbols or single spaces
# ("012 - 345 - 6789", "6 0 1 2 . 7 7 7 . 1 2 3 4", "016*772*9034"). A group without a digit (a lone
# "i" or "o") is never part of one.
_LOOSE_RUN = re.compile(
    r"(?<![\w+(])\+?\(?[0-9oilzsb]*\d[0-9oilzsb]*\)?"
    r"(?:(?: ?[-./*_|~#] ?| |(?<=\d)x(?=\d))\(?[0-9oilzsb]*\d[0-9oilzsb]*\)?){1,12}(?!\w)"
)
# A bank account number: a bank's name or an account word, then within a few words a run of 9 to 18
# digits in any grouping ("maybank acc 1142 5567 8890", "akaun public bank 3-1234567-12").
_BANK_ACCOUNT = re.compile(
    r"\b(?:maybank|mbb|cimb|rhb|public ?bank|pbb|bank islam|bimb|hong ?leong|hlb|ambank|bsn|bank rakyat|"
    r"affin|alliance|uob|ocbc|hsbc|standard chartered|agrobank|muamalat|akaun|account|acc|acct|a/c)\b"
    r"[^\d\n]{0,40}?(?<![\w-])(\d(?:[ -]?\d){8,17})(?![\w-])"
)
# Round 15: the same number with the bank's name just after it ("transfer to 7612345678 rhb", "1234 5678 9012
# (maybank)").
_BANK_NAMES = (
    r"maybank|mbb|cimb|rhb|public ?bank|pbb|bank islam|bimb|hong ?leong|hlb|ambank|bsn|bank rakyat|affin|"
    r"alliance|uob|ocbc|hsbc|standard chartered|agrobank|muamalat"
)
_BANK_ACCOUNT_AFTER = re.compile(
    r"(?<![\w-])(\d(?:[ -]?\d){8,17})(?![\w-])[ ,(]{1,3}(?:" + _BANK_NAMES + r")\b"
)
# A passport number (a letter and seven to nine digits, in any grouping) after the word "passport".
_PASSPORT = re.compile(
    r"\b(?:passport|pasport|paspot)\b[^\d\n]{0,25}?\b([a-z] ?-?\d(?:[ -]?\d){6,8})(?![\w-])"
)
# Tokens of digits with letters standing in for some of them ("O12-3456789", "9OO1O1-14-5678").
_DIGITISH = re.compile(r"(?<![a-z0-9])[0-9oil][0-9oil\-]{5,}(?![a-z0-9])")
_DIGIT_FOR = str.maketrans({"o": "0", "i": "1", "l": "1", "z": "2", "s": "5", "b": "8"})
# Place-of-birth codes on a MyKad: Malaysian states and the codes for births abroad.
MYKAD_PLACE_CODES = frozenset(
    [f"{i:02d}" for i in range(1, 17)]
    + [f"{i:02d}" for i in range(21, 60)]
    + [f"{i:02d}" for i in range(60, 69)]
    + ["71", "72"]
    + [f"{i:02d}" for i in range(74, 80)]
    + [f"{i:02d}" for i in range(82, 94)]
    + ["98", "99"]
)
_DIGIT_RUN = re.compile(r"\d[\d -]{6,}\d")
# A Malaysian street address: a house number, a street word with a name, and a postcode or state.
_HOUSE = re.compile(
    r"\b(?:no|nombor|lot|unit|blok|block|rumah|house)\.? ?(?:[a-z] ?-? ?)?\d+(?:-\d+)*[a-z]?\b"
    r"|\b\d+[a-z]?,? (?:jalan|jln|lorong|lrg)\b"
    # A block-floor-unit code on its own ("B-12-05").
    r"|\b[a-z]{1,2}-\d{1,3}-\d{1,3}[a-z]?\b"
)
_STREET = re.compile(
    r"\b(?:jalan|jln|lorong|lrg|persiaran|lebuh|lebuhraya|taman|tmn|kampung|kg|kampong|desa|bandar|"
    r"pangsapuri|apartment|kondominium|flat|ss\d+|seksyen|section|presint|precinct|bukit|batu|"
    # Round 13: public and private housing blocks ("unit 12, PPR Kerinchi", "Residensi Harmoni").
    r"ppr|pprt|rumah pangsa|residensi|condo|kondo) "
    # A street word needs a name after it: "our flat had a talk" names no street.
    r"(?!(?:had|has|have|is|was|are|were|in|at|of|on|and|or|the|to|for|with|near|got|kena|ni|tu|ini|itu|"
    r"saya|kami|kita|kau|dia|yang|dan|di|ke|dekat)\b)[a-z0-9/]+"
)
_POSTCODE = re.compile(r"(?<![\d-])\d{5}(?![\d-])")
_STATES = re.compile(
    r"\b(?:selangor|johor|kedah|kelantan|melaka|malacca|negeri sembilan|pahang|perak|perlis|pulau pinang|"
    r"penang|sabah|sarawak|terengganu|kuala lumpur|putrajaya|labuan|wilayah persekutuan|petaling jaya|"
    r"shah alam|kajang|klang|subang jaya|cheras|ampang|puchong|seremban|ipoh|johor bahru|kuching|"
    r"kota kinabalu|kuantan|alor setar|kota bharu|kuala terengganu|sungai buloh|rawang|bangi|cyberjaya|"
    r"kl|pj|jb)\b"
)
_LETTER_BLOCK = re.compile(r"\b(?:blok|block) [a-z]\b")
_WEAK_STREET = frozenset(["bukit", "batu", "bandar", "desa", "seksyen", "section", "presint", "precinct"])
_ADDRESS_CUE = re.compile(
    r"\b(?:alamat|address|i live at|i stay at|tinggal di|duduk di|rumah saya|rumah aku|my house)\b"
)
# A child named beside their school ("my son Ahmad Danial from SK Taman Melati", "anak sy nur aisyah,
# darjah 3 di SJK(C) Chung Hwa"): a child word, then a name (a word that is not one of _NOT_A_NAME), then
# a school within a few words. Matched on the folded text, so case does not matter.
_CHILD = re.compile(
    r"\b(?:my|our) (?:son|daughter|kid|child|boy|girl|grandson|granddaughter|nephew|niece)\b"
    r"|\b(?:anak|cucu|adik) (?:saya|sy|aku|ku|kami|i|perempuan saya|lelaki saya|sulung saya|bongsu saya)\b"
    # Round 15: a niece or nephew in Malay ("anak saudara saya Amin ...").
    r"|\b(?:anak saudara|anak buah) (?:saya|sy|aku|ku|kami)\b"
)
_SCHOOL = re.compile(
    r"\b(?:sk|smk|sjk ?\(?[ct]\)?|sjkc|sjkt|srk|smjk|sma|sbp|mrsm|sekolah|school|tadika|kindergarten|"
    r"primary|secondary|tahfiz|maahad|kafa|kolej|maktab|madrasah)\b"  # round 15: residential schools
)
_NOT_A_NAME = frozenset(
    [
        # Round 7: everyday verbs and words after a child word in lower-case text ("adik saya balik
        # menangis sebab budak sekolah ...", "my son came home from school").
        "balik",
        "pulang",
        "menangis",
        "nangis",
        "pergi",
        "pun",
        "dah",
        "sudah",
        "baru",
        "selalu",
        "asyik",
        "cakap",
        "kata",
        "tak",
        "nak",
        "came",
        "went",
        "goes",
        "says",
        "said",
        "told",
        "keeps",
        "just",
        "also",
        "s",
        "is",
        "was",
        "who",
        "which",
        "that",
        "from",
        "at",
        "in",
        "of",
        "di",
        "dari",
        "yang",
        "darjah",
        "tahun",
        "form",
        "standard",
        "kelas",
        "class",
        "school",
        "sekolah",
        "student",
        "pelajar",
        "murid",
        "kena",
        "got",
        "has",
        "have",
        "had",
        "studies",
        "study",
        "belajar",
        "the",
        "a",
        "an",
        "and",
        "my",
        "our",
        "i",
        "age",
        "aged",
        "umur",
        "years",
        "tahun",
        "old",
        "baru",
        "also",
        "juga",
        "always",
        "selalu",
        "or",
        "atau",
        "go",
        "goes",
        "went",
        "pergi",
        "will",
        "would",
        "can",
        "could",
        "should",
        "to",
        "ke",
        "with",
        "dengan",
        "but",
        "tapi",
        "because",
        "sebab",
        "when",
        "bila",
        "after",
        "lepas",
        "before",
        "sebelum",
        "just",
        "still",
        "masih",
    ]
)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def mykad_ok(yy: str, mm: str, dd: str, place: str) -> bool:
    if place not in MYKAD_PLACE_CODES:
        return False
    month, day = int(mm), int(dd)
    for century in (1900, 2000):
        try:
            datetime.date(century + int(yy), month, day)
            return True
        except ValueError:
            continue
    return False


def _digit_view(text: str) -> str:
    """``text`` with o/i/l read as digits inside number-like runs; the same length, so spans hold."""

    def fix(m: re.Match) -> str:
        run = m.group(0)
        digits = sum(c.isdigit() for c in run)
        letters = sum(c.isalpha() for c in run)
        return run.translate(_DIGIT_FOR) if digits and digits >= 2 * letters else run

    return _DIGITISH.sub(fix, text) if _may(_DIGITISH, text) else text


def _sub_mapped(text: str, where: list[int], rx: re.Pattern, repl: str) -> tuple[str, list[int]]:
    out: list[str] = []
    mapped: list[int] = []
    pos = 0
    for m in rx.finditer(text):
        out.append(text[pos : m.start()])
        mapped.extend(where[pos : m.start()])
        out.append(repl)
        mapped.extend([where[m.start()]] * len(repl))
        pos = m.end()
    out.append(text[pos:])
    mapped.extend(where[pos:])
    return "".join(out), mapped


_ANY_DIGIT = re.compile(r"\d")
# Nine digits, anything between them: necessary for a phone number (_NUMBER_RUN's 9 to 12 digits).
_NINE_DIGITS = Guard(r"[0-9](?:[^0-9]*[0-9]){8}")
_LINK_CUES = ("http", "hxxp", "www.")
_DOT_ALNUM = re.compile(r"\.[a-z0-9]")
# Cheap necessary conditions for _DOT_LIKE: a bracket, a spelled dot, a spaced dot or a non-ASCII stop, or
# a comma with the first letter of a web ending straight after it ("judi88,com": com, net, org, xyz, io, ly,
# biz, info, site, online, link, cc, vip). A bare "," would hand four comments in ten to _DOT_LIKE's Python
# search (about 20 us each): the speed lost in round 14.
_DOT_LIKE_CUES = ("dot", "d0t", "titik", " . ", "[", "(", "{", "<",
                  ",c", ",n", ",o", ",x", ",i", ",l", ",b", ",s", ",v")  # fmt: skip
# The same as one RE2 look, closer than _DOT_LIKE's own guard (which drops the lookarounds and so says yes
# to every comma, and to every bracket): what each form of _DOT_LIKE itself consumes, with the letters its
# lookarounds ask for kept (the web ending after a comma, the dot word between spaces, dashes or brackets).
_DOT_LIKE_CUE = Guard(
    r"[\[({<]\s*(?:\.|,|dot|d0t|titik)\s*[\])}>]"
    r"|\s(?:dot|d0t|titik)\s"
    r"|[-_](?:dot|d0t|titik)[-_]"
    r"|,(?:com|net|org|xyz|io|ly|biz|info|site|online|link|cc|vip)"
    r"|[。｡．·•∙⋅‧]"
    r"| \. "
)


def link_view(folded: str) -> tuple[str, list[int] | None]:
    """``folded`` with disguised dots folded to "." and "w w w" to "www", and, per character, its index
    in ``folded``; None instead of that list when nothing was folded (the same text, index for index)."""
    text, where = folded, None
    if "w w" in text:
        text, where = _sub_mapped(text, list(range(len(text))), _SPACED_WWW, "www")
    if not (
        (text.isascii() and not any(map(text.__contains__, _DOT_LIKE_CUES)))
        or not _DOT_LIKE_CUE.may_match(text)
        or _DOT_LIKE.search(text) is None
    ):
        text, where = _sub_mapped(
            text, where if where is not None else list(range(len(text))), _DOT_LIKE, "."
        )
    if "/" in text and _search(_SPACE_FOR_DOT, text) is not None:
        text, where = _sub_mapped(
            text, where if where is not None else list(range(len(text))), _SPACE_FOR_DOT, "."
        )
    if (" . " in folded or ". " in text or " ." in text) and _SPACED_CUE.search(text) is not None:
        spaced = [m for m in _SPACED_CHARS.finditer(text) if m.end() - m.start() >= 5]
        if spaced:
            text, where = _join_spaced(text, where if where is not None else list(range(len(text))), spaced)
    return text, where


def _join_spaced(text: str, where: list[int], spans: list[re.Match]) -> tuple[str, list[int]]:
    """``text`` with the spaces inside ``spans`` removed, and each kept character's index in ``where``."""
    out: list[str] = []
    mapped: list[int] = []
    pos = 0
    for m in spans:
        out.append(text[pos : m.start()])
        mapped.extend(where[pos : m.start()])
        for k in range(m.start(), m.end()):
            if text[k] != " ":
                out.append(text[k])
                mapped.append(where[k])
        pos = m.end()
    out.append(text[pos:])
    mapped.extend(where[pos:])
    return "".join(out), mapped


def _spelled_numbers(norm: Normalised, has_digit: bool | None = None) -> list[tuple[int, int, str]]:
    """Token ranges of numbers spelled out in words, seven digits or more ("kosong satu dua ..."), each with
    its code (``pii.phone``, or ``pii.mykad`` when its twelve digits are a MyKad number). ``has_digit``:
    whether the folded text has a digit (``\\d``), when the caller knows."""
    numbers = lexicons.load().numbers
    out: list[tuple[int, int, str]] = []
    # Two spelled digits at least: a comment with neither a letter beside a digit ("o1two") nor two
    # number words has none (a cheap look before the per-token walk).
    folded = norm.folded
    if has_digit is None:
        has_digit = _ANY_DIGIT.search(folded) is not None
    letter_digit = has_digit and _LETTER_DIGIT.search(folded) is not None
    # Two number words, or (round 13) one number or separator word beside eight digits or more ("01-two 345
    # 6789", "012 dash 345 dash 6789").
    if (
        not letter_digit
        and (
            not _two_number_words(folded, numbers)
            or sum(map(numbers.__contains__, _LETTERS.findall(folded))) < 2
        )
        and (
            not has_digit
            or len(_DIGITS.findall(folded)) < 8
            or not any(w in numbers or w in _SEPARATOR_WORDS for w in _LETTERS.findall(folded))
        )
    ):
        return out
    # An ASCII comment's folded text is its lower-cased text, offset for offset.
    if norm.offsets is None:
        forms = [folded[tok.start : tok.end] for tok in norm.tokens]
    else:
        original = norm.original
        forms = [original[tok.start : tok.end].lower() for tok in norm.tokens]
    counts = _number_counts(numbers)
    found = list(map(counts.__getitem__, forms))
    if len(found) == found.count(None):
        return out
    run: list[int] = []
    joined = 0  # separator words inside the run ("dash", "then")
    between = 0  # separator words since the run's last number token
    for i, count in enumerate(found):
        if count is not None:
            run.append(i)
            joined += between
            between = 0
            continue
        if run and forms[i] in _SEPARATOR_WORDS and between < 2:
            between += 1
            continue
        code = _spelled_run([found[k] for k in run], joined) if run else ""  # type: ignore[misc]
        if code:
            out.append((run[0], run[-1], code))
        run, joined, between = [], 0, 0
    code = _spelled_run([found[k] for k in run], joined) if run else ""  # type: ignore[misc]
    if code:
        out.append((run[0], run[-1], code))
    return out


# Round 13: words that split a number written out ("012 dash 345 dash 6789", "012 and then 345 6789",
# `900101 sengkang 14 sengkang 5678`): passed over between two number tokens, at most two in a row.
_SEPARATOR_WORDS = frozenset(
    ["dash", "hyphen", "sengkang", "sempang", "space", "then", "and", "dan", "lepas", "tu", "pastu", "lps",
     "kemudian", "next", "followed", "by"]
)  # fmt: skip


def _spelled_run(counts: list[tuple[int, int, str]], joined: int = 0) -> str:
    """The code of the number that number tokens side by side (their _NumberCounts) write in words, or "":
    two spelled digits or more and seven digits in all ("kosong satu dua ...", one token if it holds nine:
    "O1Two345six78nine"), or (round 13) one spelled digit or more in a Malaysian phone or MyKad number
    ("zero12-3456789", "012 three four five 6789"), as does a run ``joined`` by separator words ("012 dash 345
    dash 6789"). Round 14: a run with a number said in tens, teens or hundreds ("+60 twelve 345 6789", `dua
    belas`, "sixty seven") counts the digits it says, and is a number only when they make a Malaysian phone
    or MyKad number. ``pii.mykad`` when the digits are a MyKad number, else ``pii.phone``."""
    parts = [c[2] for c in counts]
    composed = any("_" in p or p.startswith("+") for p in parts)
    digits = sum(c[0] for c in counts)
    spelled = sum(c[1] for c in counts)
    number = _said_digits(parts) if digits >= 9 or composed else ""
    if composed:
        digits = len(number)
    mykad = len(number) == 12 and mykad_ok(number[:2], number[2:4], number[4:6], number[6:8])
    if composed:
        return "pii.mykad" if mykad else "pii.phone" if digits >= 9 and phone_digits(number) else ""
    if spelled >= 2 and digits >= 7 and (len(counts) >= 2 or digits >= 9):
        return "pii.mykad" if mykad else "pii.phone"
    if (spelled < 1 and joined < 1) or digits < 9:
        return ""
    if mykad:
        return "pii.mykad"
    return "pii.phone" if phone_digits(number) else ""


def _said_digits(parts: list[str]) -> str:
    """The digits a run of number tokens says: "double"/"triple" (``*2``, ``*3``) repeat the next digit; a
    tens or hundreds figure ("6_", "1__") has its last places filled by the figures said after it ("sixty
    seven" -> 67, "seratus dua puluh" -> 120) or by zeros; "+teen", "+tens" and "+hundred" make the single
    digit said before them a teen, tens or hundreds figure ("dua belas" -> 12, "lima ratus" -> 500)."""
    out: list[str] = []
    times = 1
    for part in parts:
        if part.startswith("*"):
            times = int(part[1:])
            continue
        last = out[-1] if out else ""
        if part.startswith("+"):
            if len(last) == 1:
                out[-1] = {"+teen": "1" + last, "+tens": last + "_", "+hundred": last + "__"}.get(part, last)
            continue
        said = part[0] * times + part[1:]
        times = 1
        gap = len(last) - len(last.rstrip("_"))
        if gap and len(said) <= gap and (said.isdigit() or len(said) == gap) and said != "0":
            # "6_" + "7" -> "67", "1__" + "2_" -> "12_", "5__" + "12" -> "512", "5__" + "3" -> "503"; a zero
            # said after a tens figure starts the next group ("ninety, oh one" -> 9001)
            out[-1] = last[: len(last) - gap] + said.rjust(gap, "0")
            continue
        if gap:
            out[-1] = last.replace("_", "0")
        out.append(said)
    return "".join(p.replace("_", "0") for p in out)


class _NumberCounts(dict):
    """A token's form -> (digits, spelled digits, the digits said) it adds to a spelled number ("satu"
    (1, 1, "1"), "o12" (3, 1, "012"), "2023" (4, 0, "2023"), "double" (1, 1, "*2")), or None when it is no
    part of one; worked out on first look (``counts[form]`` never misses, so ``map`` reads it in C)."""

    def __init__(self, numbers: dict[str, str]):
        super().__init__()
        self.numbers = numbers

    def __missing__(self, form: str) -> tuple[int, int, str] | None:
        count: tuple[int, int, str] | None = None
        if form in self.numbers:
            value = self.numbers[form]
            if value.endswith("x"):
                count = (1, 1, "*" + value[:-1])
            else:  # a digit, a teen or tens figure ("12", "6_") or a word joining the one before ("+teen")
                count = (0 if value.startswith("+") else len(value), 1, value)
        elif form.isdigit() or _mixed_number(form):
            mixed = _MIXED_NUMBER.findall(form)
            count = (
                sum(len(x) if x.isdigit() else 1 for x in mixed),
                sum(1 for x in mixed if not x.isdigit()),
                "".join(x if x.isdigit() else self.numbers.get(x, "0") for x in mixed),
            )
        if len(self) >= 100_000:
            self.clear()
        self[form] = count
        return count


_number_counts_made: list[_NumberCounts] = []


def _number_counts(numbers: dict[str, str]) -> _NumberCounts:
    """The form counts for the number words ``numbers`` (made again when the word lists are)."""
    made = _number_counts_made
    if not made or made[-1].numbers is not numbers:
        made[:] = [_NumberCounts(numbers)]
    return made[-1]


_LETTER_DIGIT = re.compile(r"[a-z]\d|\d[a-z]")
_DIGITS = re.compile(r"\d")
_LETTERS = re.compile(r"[a-z]+")
_TWO_NUMBER_WORDS: list = [None, None]  # the number words it was built for, the RE2 look


def _two_number_words(folded: str, numbers: dict[str, str]) -> bool:
    """False only when ``folded`` certainly has fewer than two runs of letters (``[a-z]+``, whole) that
    are number words: one RE2 pass for what ``_LETTERS.findall`` and a look per run would say. A run is
    whole when no letter stands either side of it (``[^a-z]`` or the text's ends: ``\\z`` is RE2's end of
    text, and only RE2 reads this pattern); the second run starts after a non-letter that ends the first.
    Texts RE2 is not asked about (see prefilter.py) say True."""
    return _two_number_words_look(numbers).may_match(folded)


def _two_number_words_look(numbers: dict[str, str]) -> Guard:
    """The RE2 look of ``_two_number_words`` for the number words ``numbers`` (made again when they are)."""
    built = _TWO_NUMBER_WORDS
    if built[0] is not numbers:
        words = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
        built[1] = Guard(rf"(?:^|[^a-z])(?:{words})[^a-z](?:[\s\S]*[^a-z])?(?:{words})(?:[^a-z]|\z)")
        built[0] = numbers
    return built[1]


# English and (round 13) Malay digit words run together with digits ("o12", "kosong12", "satu2tiga").
_MIXED_NUMBER = re.compile(
    r"\d+|zero|one|two|three|four|five|six|seven|eight|nine|o(?=\d)"
    r"|kosong|sifar|satu|dua|tiga|empat|lima|enam|tujuh|lapan|sembilan"
)
_MIXED_FULL = re.compile(f"(?:{_MIXED_NUMBER.pattern})+")
_MIXED_FIRST = frozenset("zotfsenkdl")  # first letters of zero ... nine, "o", kosong ... sembilan
_MIXED_LAST = frozenset("oerxntgaumhr")  # last letters of zero ... nine, kosong ... sembilan


def _mixed_number(form: str) -> bool:
    """Whether ``form`` is digits and digit words run together ("o12", "one2three"). Every part starts with
    a digit (``\\d``: a Unicode decimal) or one of _MIXED_FIRST, and the last ends with a digit or one of
    _MIXED_LAST: most words are turned away before the regex."""
    first, last = form[:1], form[-1:]
    return (
        (first in _MIXED_FIRST or first.isdecimal())
        and (last in _MIXED_LAST or last.isdecimal())
        and _MIXED_FULL.fullmatch(form) is not None
    )


def _address(text: str) -> tuple[int, int] | None:
    """The span of a street address: a house number, a street word and a postcode or state, or an
    address cue ("alamat saya") with two of them."""
    house = _search(_HOUSE, text)
    street = _search(_STREET, text)
    if house is None and street is None:
        return None  # at most one of the three parts: never enough
    postcode = _POSTCODE.search(text)
    post = postcode or (_search(_STATES, text))
    cue = _search(_ADDRESS_CUE, text)
    found = [m for m in (house, street, post) if m is not None]
    if cue is not None and street is not None and len(found) == 1:
        # Round 15: a street and its neighbourhood after "my house"/`rumah saya` ("my house is on Jalan Mawar
        # 3, Taman Bunga"): a second street word, another than the first, counts as a part.
        other = _STREET.search(text, street.end())
        if other is not None and other.group(0).split()[0] != street.group(0).split()[0]:
            found.append(other)
    if house is None and cue is not None and (street is not None or post is not None):
        # Round 15: a lettered block ("I stay at Block C, 3rd floor, ... Kampung Kerinchi").
        house = _LETTER_BLOCK.search(text)
        if house is not None:
            found.append(house)
    weak = (
        house is not None
        and street is not None
        and post is None
        and cue is None
        and street.group(0).split()[0] in _WEAK_STREET
    )  # round 15: "Lot 10 Bukit Bintang" is a mall on a hill's road, no house on a street
    enough = not weak and (
        len(found) >= 3
        or (len(found) == 2 and (cue is not None or (house and street) or (street and post and postcode)))
    )
    if enough:
        return min(m.start() for m in found), max(m.end() for m in found)
    return None


def _child_with_school(text: str, original: str, norm: Normalised) -> tuple[int, int] | None:
    """The span from a child word to their school when the child's name follows the child word. In
    text written in mixed case the name must be capitalised ("my son Ahmad ..." but not "my son got
    ..."); in all-lower or all-upper text it must not be a common word."""
    children = _FOLDED_CUES.may_match(text) and _may(_CHILD, text)
    mixed_case = not (original.islower() or original.isupper())
    for child in _CHILD.finditer(text) if children else ():
        school = _SCHOOL.search(text, child.end(), child.end() + 80)
        if school is None:
            continue
        a, b = norm.span(child.end(), school.start()) if school.start() > child.end() else (0, 0)
        words = re.findall(r"[^\W\d_]+", original[a:b])
        if len(words) > 1 and words[0].lower() == "s" and words[1].lower() in ("name", "nama"):
            words = words[1:]  # "my kid's name is ..."
        words = [w for w in words if w.lower() not in _NAME_INTRO]
        if not words or words[0].lower() in _NOT_A_NAME:
            continue
        if mixed_case and not words[0][0].isupper() and not _named_by_class(words, original, a, b):
            continue
        return child.start(), school.end()
    found = _child_named_near_school(text, original, norm, mixed_case) if children else None
    if found is not None:
        return found
    found = _pupil_with_class(text, original, norm) if mixed_case and _may(_SCHOOL, text) else None
    if found is not None:
        return found
    for m in _PATRONYM.finditer(original) if (" bin" in text or " a/" in text) else ():
        a = text.find(m.group(0).lower())
        school = _SCHOOL.search(text, a + len(m.group(0)), a + len(m.group(0)) + 60) if a >= 0 else None
        if school is not None:
            return a, school.end()
    return None


_CLASS_AFTER = re.compile(
    r"\s+\(?(?:darjah|tahun|form|tingkatan|year|standard|std|kelas|class) \d", re.IGNORECASE
)


def _named_by_class(words: list[str], original: str, a: int, b: int) -> bool:
    """Round 15: a child's name written in lower case in a mixed-case comment counts when their class
    follows it ("anak saya aisyah darjah 3 SK ..."): no word of the lists, and a class just after it."""
    name = words[0]
    lex = lexicons.load()
    if name.lower() in lex.known or name.lower() in lex.language:
        return False
    at = original.lower().find(name.lower(), a, b)
    return at >= 0 and _CLASS_AFTER.match(original, at + len(name)) is not None


_NAME_INTRO = frozenset(["named", "called", "bernama", "nama", "namanya", "dia", "iaitu", "is", "name"])
# Round 14: a child's name given in other orders beside a named school: after a naming phrase anywhere near
# ("my daughter goes to SK Seri Indah, her name is Aisyah", `anak saya sekolah di SK ..., nama dia Nur
# Aisyah`), or just before the child word ("Ahmad Danial, my son, studies at SMK ...", "Nur Aisyah (anak
# saya) belajar di SK ..."), the school before or after the child word ("SK Taman Melati, my son Ahmad
# Danial").
CHILD_SCHOOL_WINDOW = 100  # characters either side of the child word where the school and the name may be
_CHILD_NAMING = re.compile(
    r"\b(?:name is|name's|names|nama dia|nama dia ialah|namanya|nama|named|bernama|called|"
    r"(?:his|her) name(?!\s+is\b))\s+"
)
_NAME_BEFORE_CHILD = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+){0,3})\s*[,(]\s*$")
_SCHOOL_NAMED = re.compile(r"\s*\(?[a-z]?\)?\s*([^\W\d_]+)")


def _a_name(word: str, mixed_case: bool) -> bool:
    """Whether ``word`` may be a child's (or a school's) name: no common word, no title ("Cikgu", "Puan": a
    teacher), capitalised in a comment written in mixed case."""
    low = word.lower()
    return (
        bool(word)
        and low not in _NOT_A_NAME
        and low not in lexicons.load().titles
        and (not mixed_case or word[0].isupper())
    )


def _span_after(norm: Normalised, a: int, n: int = 30) -> tuple[int, int]:
    """The original span of the ``n`` folded characters from ``a``; empty at the end of the text (round 15: a
    comment with a non-ASCII character and a child word or school last raised IndexError here)."""
    end = min(len(norm.folded), a + n)
    if a >= end:
        return len(norm.original), len(norm.original)
    return norm.span(a, end)


def _child_named_near_school(text: str, original: str, norm: Normalised, mixed_case: bool):
    """The folded span of a child named beside a named school in the orders of round 14, or None."""
    for child in _CHILD.finditer(text):
        lo, hi = max(0, child.start() - CHILD_SCHOOL_WINDOW), child.end() + CHILD_SCHOOL_WINDOW
        schools = []
        for school in _SCHOOL.finditer(text, lo, hi):
            s0, s1 = _span_after(norm, school.end())
            after = _SCHOOL_NAMED.match(original, s0, s1) if s1 > s0 else None
            if after is not None and _a_name(after.group(1), mixed_case):
                schools.append(school)
        if not schools:
            continue
        name_at = None
        # The name right after the child word, the school before it ("SK ..., my son Ahmad Danial").
        c0, c1 = _span_after(norm, child.end())
        after_child = re.match(r"\s*,?\s*([^\W\d_]+)", original[c0:c1])
        if after_child is not None and _a_name(after_child.group(1), mixed_case) and mixed_case:
            name_at = min(len(text), child.end() + after_child.end(1))
        for m in _CHILD_NAMING.finditer(text, lo, hi) if name_at is None else ():
            n0, n1 = _span_after(norm, m.end())
            word = re.match(r"([^\W\d_]+)", original[n0:n1])
            if (
                word is not None
                and _a_name(word.group(1), mixed_case)
                and word.group(1).lower() not in _NAME_INTRO
            ):
                name_at = min(len(text), m.end() + word.end(1))
                break
        if name_at is None and mixed_case:
            b0, _b1 = norm.span(lo, child.start()) if child.start() > lo else (0, 0)
            b1 = norm.span(child.start(), child.start() + 1)[0]
            before = _NAME_BEFORE_CHILD.search(original, b0, b1) if b1 > b0 else None
            if before is not None and before.group(1).split()[0].lower() not in _NOT_A_NAME:
                name_at = max(0, child.start() - (b1 - before.start(1)))
        if name_at is None:
            continue
        points = (
            [child.start(), child.end(), name_at]
            + [sc.start() for sc in schools]
            + [sc.end() for sc in schools]
        )
        return min(points), max(points)
    return None


# Round 15: a pupil named with their class and school, the child word anywhere or nowhere ("Nurul darjah 5 SK
# Seri Kembangan is my niece", "Ahmad Danial 3 Bestari SK Taman Melati anak saya", "Adam, form 2, SMK Seksyen
# 9, is my son"): a capitalised name (no title, no common word), then a class (`darjah`/`tahun`/"form"/
# `tingkatan`/
# "year"/"standard" and a number, a number and a capitalised class name, or an age: "9 tahun", "10yo") and a
# named school within 40 characters after it or before the name ("SK Taman Melati - Ahmad, darjah 4").
# In a comment written in mixed case only: in lower case a name cannot be told from a word.
_PUPIL = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){0,3}),? \(?(?:(?:[Dd]arjah|[Tt]ahun|[Ff]orm|[Tt]ingkatan|[Yy]ear|"
    r"[Ss]tandard|"
    r"[Ss]td|[Kk]elas|[Cc]lass) \d|\d [A-Z][a-z]+\b|\d{1,2} ?(?:tahun|years? old|yo|y/o)\b)"
)
PUPIL_SCHOOL_WINDOW = 40
# Between a school before the name and the name: the school's own name, then a break ("SK Taman Melati —
# Ahmad").
_SCHOOL_THEN_NAME = re.compile(r"\s*\(?[a-z]?\)?\s*[^\W\d_]+[^,;:\-—–(]*[,;:\-—–(]\s*")


def _pupil_with_class(text: str, original: str, norm: Normalised) -> tuple[int, int] | None:
    """The folded span from a pupil's name to their school (see _PUPIL), or None."""
    lex = lexicons.load()
    offsets = norm.offsets

    def folded_at(p: int) -> int:  # the folded index of the original index ``p``
        return p if offsets is None else bisect.bisect_left(offsets, p)

    for m in _PUPIL.finditer(original):
        first = m.group(1).split()[0].lower()
        if first in _NOT_A_NAME or first in lex.titles or first in lex.language or first in lex.known:
            continue
        if _STATES.search(m.group(1).lower()) is not None:
            continue  # a town ("Kajang, Year 5, SK ...")
        start, end = folded_at(m.start()), folded_at(m.end())
        schools = list(_SCHOOL.finditer(text, max(0, start - PUPIL_SCHOOL_WINDOW), start))
        after_name = _SCHOOL.search(text, end, end + PUPIL_SCHOOL_WINDOW)
        if schools and not _SCHOOL_THEN_NAME.fullmatch(text, schools[-1].end(), start):
            schools = []  # the "name" is the school's own ("SMK Seri Bintang, Form 4 ...")
        for school in schools[-1:] + ([after_name] if after_name is not None else []):
            s0, s1 = _span_after(norm, school.end())
            named = _SCHOOL_NAMED.match(original, s0, s1) if s1 > s0 else None
            if named is not None and _a_name(named.group(1), True):
                return min(start, school.start()), max(end, school.end())
    return None


# Round 7: a Malaysian full name with "bin"/"binti"/"a/l"/"a/p" beside a school ("Nur Iman binti Zaki, murid
# tahun 5 di SK ..."): a child named with their school even without a child word.
_PATRONYM = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:bin|binti|bt|bte|a/l|a/p) [A-Z][a-z]+\b")


# Round 13: a public service's published line is not personal data (guideline: official hotlines are
# benign): a name from services.txt within a few words before the number ("Befrienders KL 03-7627 2929",
# "the number for Befrienders is ...", "maybank hotline 1300 88 6688") or just after it ("03-2610 1559
# (CCID)"), in the same sentence, with no first-person word between them ("Befrienders or my number ...",
# "hotline saya ..."); and a business line (1-300 / 1-800, ten digits), which no private person has.
_SERVICES = re.compile(r"\b(?:" + "|".join(map(re.escape, lexicons.load().services)) + r")\b")
_OWN = re.compile(r"\b(?:my|mine|me|i|saya|sy|aku|ku|kami|personal|peribadi|sendiri)\b|[.!?;]\s")
_BUSINESS_LINE = re.compile(r"1[ -]?[38]00[ -]?\d")
SERVICE_BEFORE = 40  # characters before a number where a service's name may stand
SERVICE_AFTER = 25


def _service_number(text: str, a: int, b: int) -> bool:
    """Whether the number at ``text[a:b]`` is a public service's line (see _SERVICES)."""
    if _BUSINESS_LINE.match(text, a) is not None:
        return True
    before = text[max(0, a - SERVICE_BEFORE) : a]
    for m in _SERVICES.finditer(before):
        if _OWN.search(before, m.end()) is None:
            return True
    after = text[b : b + SERVICE_AFTER]
    m = _SERVICES.search(after)
    return m is not None and _OWN.search(after, 0, m.start()) is None


# Round 13: an address at a webmail provider written without its ending ("alibaba at gmail", "siti[at]yahoo"):
# an e-mail when the name before it looks like one (a digit, dot or underscore) or an e-mail word comes
# shortly before ("email saya ali at gmail"); never a pronoun or everyday word ("someone at gmail").
_WEBMAIL = re.compile(
    r"(?<![\w.@])([a-z][\w.]{2,}) ?(?:\[at\]|\(at\)|\{at\}| at |@|\[@\]|\(@\)) ?"
    r"(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|icloud|live|protonmail|proton|aol|rocketmail)\b(?![.@])"
)
_MAIL_CUE = re.compile(r"\b(?:e-?mail|emel|email|e-mel|mail|gmail|contact|hubungi|reach|send)\b")
_NOT_A_MAILBOX = frozenset(
    ["someone", "somebody", "people", "anyone", "account", "accounts", "akaun", "him", "her", "them", "you",
     "me", "saya", "aku", "kami", "mereka", "dia", "scammer", "scammers", "staff", "team", "login", "work",
     "sign", "signed", "log", "logged", "spam", "phishing", "email", "emails", "emel", "mail", "mails"]
)  # fmt: skip
# An organisation's role mailbox at an official, educational or organisation domain ("aduan@mcmc.gov.my",
# "info@dewan.org.my") is where the public writes to it, not a private person's address.
_PUBLIC_MAILBOX = re.compile(
    r"^(?:info|admin|aduan|enquiry|enquiries|inquiry|pertanyaan|support|help|helpdesk|contact|hello|"
    r"secretariat|urusetia|media|feedback|maklumbalas|complaints?|report|reports|scam|noreply|no-reply)"
    r"@[\w.-]+\.(?:gov|edu|org)(?:\.my)?$"
)


def _public_mailbox(address: str) -> bool:
    return _PUBLIC_MAILBOX.match(address) is not None


def _webmail_address(text: str, m: re.Match, norm: Normalised | None = None) -> bool:
    name = m.group(1)
    if name in _NOT_A_MAILBOX:
        return False
    if any(c.isdigit() or c in "._" for c in name):
        return True
    if name in lexicons.word_set("not_handles.txt"):
        return False  # round 15: "an email from support at gmail" names a desk, not a mailbox
    if _MAIL_CUE.search(text, max(0, m.start() - 30), m.start()) is not None:
        return True
    # Round 14: a plain name ("alibaba at gmail") that is no everyday word before a provider, written in
    # lower case (or in a comment without mixed case).
    if norm is None or name in lexicons.load().language or name in lexicons.word_set("not_handles.txt"):
        return False
    original = norm.original
    a, _b = norm.span(m.start(1), m.end(1))
    mixed = not (original.islower() or original.isupper())
    return not (mixed and original[a : a + 1].isupper())


# Round 13: a social or chat handle given so that people reach the author ("add me on ig @ali_baba99",
# "my telegram is @duitcepat99", "wechat id: ali8899", "ig saya sitikk99"): a platform (or "add/follow/
# find me") and then a handle: an @name, a name with a digit, dot or underscore, or any name after a colon
# or "=". "my ig is private", "add me to the group" and "follow me on twitter for updates" give none.
_PLATFORM = (
    r"(?:ig|insta|instagram|snap|snapchat|tiktok|tik tok|tt|fb|facebook|telegram|tele|tg|twitter|threads|"
    r"wechat|discord|kik|skype|youtube|yt|twitch)"
)
_HANDLE_WORD = r"(?:@[a-z0-9_.]{2,}|[a-z0-9_.]*(?:[a-z][0-9_]|[0-9_][a-z]|[a-z]\.[a-z])[a-z0-9_.]*)"
_HANDLE_AFTER_COLON = r"(?:@?[a-z][a-z0-9_.]{2,})"
_GIVEN_HANDLE_RE = re.compile(
    r"(?:\b(?:add|follow|find|search|cari|tambah|dm|pm|message|msg|contact|hubungi|ping|reach) "
    r"(?:me|saya|aku|sy|us|kami)(?: (?:on|at|kat|dekat|di|in|via))?(?: " + _PLATFORM + r")?"
    r"|\b(?:(?:add|follow|find|search|cari|tambah) )?(?:my|our) "
    + _PLATFORM
    + r"(?: (?:id|name|username|handle|acc|account))?"
    r"(?: (?:is|ialah))?"
    r"|\b" + _PLATFORM + r"(?: (?:id|name|username|handle|acc|account|akaun|nama))?"
    r" (?:saya|aku|sy|kami|i)(?: (?:ialah|adalah|is))?"
    r"|\b(?:" + _PLATFORM[3:-1] + r"|line) (?:id|username|handle))"
    r"(?:\s*[:=]\s*(" + _HANDLE_AFTER_COLON + r")|\s*-?\s*(" + _HANDLE_WORD + r"))(?![\w@])"
)


# Round 14: a handle straight after a platform's name and a colon, "=" or "@" ("ig: ali.baba_99", "tiktok @
# alibaba99", "ig aku: ..."), and a plain name after a platform used as a verb ("snap me at alibaba", "ig saya
# di sitikk"), unless it is a time, a place or an everyday word (lexicons/not_handles.txt: "snap me at noon").
_PLATFORM_HANDLE_RE = re.compile(
    r"\b" + _PLATFORM + r"(?: (?:saya|aku|sy|i|me|kami))?"
    r"(?:\s*[:=]\s*(" + _HANDLE_WORD + r")|\s?@([a-z][a-z0-9_.]{2,})|\s?@ (" + _HANDLE_WORD + r"))(?![\w@])"
    r"|\b"
    + _PLATFORM
    + r" (?:me|saya|aku|sy|us|kami) (?:at|on|kat|dekat|di|@) ?@?([a-z][a-z0-9_.]{2,})(?![\w@])"
)


# Round 15: a plain name given as a handle, closing its clause (or before a closer such as "for", "ya", "tq"):
# after a platform and a colon, "=" or a spaced "@" ("ig: alibaba", "tiktok @ kedaimurah", "x: @siti"), after
# "my <platform> (id) is", "<platform> saya", "<platform> id/username", or after "add/follow/find me (on)
# <platform>" (also with "username"/`nama` before the name: "find me on tiktok, username sitikk", "add me fb
# alibaba"); a Discord tag ("ali#1234"). The name is none of the words lexicons/not_handles.txt, the function
# words or the word lists know ("my ig is private", `tiktok saya kena hack`, "follow me on ig for updates").
_PLAIN_NAME = r"([a-z][a-z0-9_]{2,}(?:#\d{4})?)"
_PLAIN_END = (
    r"(?=\s*(?:[,.!?;)]|$)|\s+(?:for|ya|yah|yer|tq|thanks|thank|pls|please|ok|okay|untuk|utk|dm|follow|and|or|"
    r"dan|atau|if|kalau|k)\b)"
)
_PLAIN_HANDLE_RE = re.compile(
    r"(?:\b" + _PLATFORM + r"(?:/x)?\s*(?::|=|@ ?)\s*@?"
    r"|(?<![a-z0-9])x\s*:\s*@"
    r"|\b(?:my|our) " + _PLATFORM + r"(?: (?:id|name|username|handle|acc|account))? (?:is|ialah|:) ?@?"
    r"|\b" + _PLATFORM + r"(?: (?:id|name|username|handle|acc|account|akaun|nama))? (?:saya|aku|sy|kami)"
    r"(?: (?:ialah|adalah|is|:))? ?@?"
    r"|\b(?:" + _PLATFORM[3:-1] + r"|line) (?:id|username|handle)\s*:?\s*@?"
    r"|\b" + _PLATFORM + r" (?=[a-z][a-z0-9_]*[0-9_])"  # "ig ali_baba", "ig alibaba99"
    r"|\b(?:add|follow|find|search|cari|tambah|dm|pm|message|ping|reach) (?:me|saya|aku|sy|us|kami)"
    r"(?: (?:on|at|kat|dekat|di|in|via))? " + _PLATFORM + r",?(?: (?:username|id|nama|name|handle)\s*:?)? ?@?"
    r")" + _PLAIN_NAME + _PLAIN_END
)


def _plain_name(name: str) -> bool:
    """Whether ``name`` may be a handle: no word the lists know, no everyday word of not_handles.txt."""
    word = name.split("#")[0]
    return not (
        word in _NOT_A_MAILBOX
        or word in lexicons.word_set("not_handles.txt")
        or word in lexicons.load().known
        or word in lexicons.load().language
    )


def _handles(text: str) -> list[tuple[int, int]]:
    """Spans of the handles a comment gives (see _GIVEN_HANDLE_RE, _PLATFORM_HANDLE_RE), letters spelled out
    in a platform's name read as the name ("i g: ali_99", contact_view)."""
    view, where = contact_view(text)
    if where is None and not _FOLDED_CUES.may_match(text):
        return []
    out = []
    not_handles = lexicons.word_set("not_handles.txt")
    for rx in (_GIVEN_HANDLE_RE, _PLATFORM_HANDLE_RE):
        if not _may(rx, view):
            continue
        for m in rx.finditer(view):
            g = next(k for k in range(1, (rx.groups or 0) + 1) if m.group(k) is not None)
            name = m.group(g).strip("@._")
            if name in _NOT_A_MAILBOX or name in not_handles:
                continue
            a, b = m.start(), m.end(g)
            if where is not None:
                a, b = where[a], where[b - 1] + 1
            if all(b <= x or a >= y for x, y in out):
                out.append((a, b))
    for m in _finditer(_PLAIN_HANDLE_RE, view):
        if not _plain_name(m.group(1)):
            continue
        a, b = m.start(), m.end()
        if where is not None:
            a, b = where[a], where[b - 1] + 1
        if all(b <= x or a >= y for x, y in out):
            out.append((a, b))
    return out


# Round 14: a link to a trusted site (lexicons/trusted_domains.txt, the organiser's own sites) is a public
# service's page: its host, after any scheme and "www.", is one of the trusted domains or ends with "." and
# one ("www.mcmc.gov.my/aduan", "https://portal.kkm.gov.my"). A host with a name and "@" before it, a port,
# or a trusted name inside it ("mcmc.gov.my.verify-login.xyz") is not; neither is a link written in disguise
# (its dots folded by link_view) or defanged ("hxxp").
_LINK_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?")
_HOST_END = re.compile(r"[/?#\\]")  # a browser ends the host at a backslash too (WHATWG URL)


def link_host(link: str) -> str:
    """The host a plain link names ("www.mcmc.gov.my/aduan" -> "mcmc.gov.my"); "" when it has none a browser
    would trust (a defanged scheme, a name and "@" or a port before the path)."""
    rest = link[_LINK_SCHEME.match(link).end() :]  # type: ignore[union-attr]
    end = _HOST_END.search(rest)
    host = rest[: end.start()] if end is not None else rest
    if "@" in host or ":" in host or not host or host.startswith("hxxp"):
        return ""
    return host.rstrip(".")


def trusted_link(link: str, domains: tuple[str, ...]) -> bool:
    """Whether ``link`` (folded, written plainly) leads to one of ``domains`` or a site under one."""
    host = link_host(link)
    return bool(host) and any(host == d or host.endswith("." + d) for d in domains)


_SPACED_AT = re.compile(r"(?<![a-z0-9])(?:[a-z0-9._] ){2,}@ ?(?=[a-z0-9]{2})")


def _join_spaced_mail(view: str, where: list[int]) -> tuple[str, list[int]]:
    """``view`` (link_view's) with the spaces of letters spelled one at a time around an "@" removed."""
    spans = list(_SPACED_AT.finditer(view))
    return _join_spaced(view, where, spans) if spans else (view, where)


def pii_and_link_hits(norm: Normalised, trusted: tuple[str, ...] = ()) -> tuple[list[Hit], list[Hit]]:
    """Personal data hits and link hits. A link to one of the ``trusted`` domains (see trusted_link), written
    plainly, is coded ``link.trusted`` rather than ``link``."""
    text = norm.folded
    pii: list[Hit] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def add(code: str, a: int, b: int, severity: int = 2) -> None:
        taken.append((a, b))
        s, e = norm.span(a, b)
        pii.append(Hit(code, "personal_data", severity, s, e))

    # The second form of EMAIL_RE ("ali at gmail dot com") needs a "dot"; the first needs an "@".
    if "@" in text or ("dot" in text and ("at" in text)):
        for m in _finditer(EMAIL_RE, text):
            if not _public_mailbox(m.group(0)):
                add("pii.email", m.start(), m.end())
    if " at " in text or "@" in text or "[at]" in text or "(at)" in text or "{at}" in text:
        for m in _finditer(_WEBMAIL, text):
            if free(m.start(), m.end()) and _webmail_address(text, m, norm):
                add("pii.email", m.start(), m.end())
    for a, b in _handles(text):
        if free(a, b):
            add("pii.handle", a, b)
    has_digit = _ANY_DIGIT.search(text) is not None
    digits_text = _digit_view(text) if has_digit else text
    if has_digit and _search(_DIGIT_RUN, digits_text) is not None:
        for m in MYKAD_RE.finditer(digits_text):
            if mykad_ok(m.group(1), m.group(2), m.group(3), m.group(4)):
                add("pii.mykad", m.start(), m.end(), 3)
        for m in CARD_RE.finditer(digits_text):
            digits = re.sub(r"\D", "", m.group(0))
            printed = _CARD_LAYOUT.match(m.group(0)) is not None and _CARD_WORD.search(text) is not None
            # Round 15: sixteen digits run together just after a card word ("card no 4111111111111112").
            printed = printed or (
                len(digits) == 16 and _CARD_WORD.search(text, max(0, m.start() - 25), m.start()) is not None
            )
            if 13 <= len(digits) <= 19 and (printed or luhn_ok(digits)) and free(m.start(), m.end()):
                add("pii.card", m.start(), m.end(), 3)
    if has_digit:
        # A phone number has nine digits or more: one RE2 pass turns away most comments with a digit.
        for m in _NUMBER_RUN.finditer(digits_text) if _NINE_DIGITS.may_match(digits_text) else ():
            digits = re.sub(r"\D", "", m.group(0))
            a, b = m.start(), m.end()
            if phone_digits(digits) and free(a, b) and not _service_number(text, a, b):
                add("pii.phone", a, b)
        for m in _finditer(_LOOSE_RUN, text):
            run = m.group(0)
            digits = re.sub(r"\D", "", run.translate(_DIGIT_FOR))
            letters = sum(c.isalpha() for c in run)
            mykad = len(digits) == 12 and 2 * letters <= len(digits)
            if mykad and mykad_ok(digits[:2], digits[2:4], digits[4:6], digits[6:8]):
                # A MyKad written loosely, one digit at a time ("0 1 0 2 0 3 - 1 4 - ...").
                if free(m.start(), m.end()):
                    add("pii.mykad", m.start(), m.end(), 3)
                continue
            if (
                2 * letters <= len(digits)
                and phone_digits(digits)
                and free(m.start(), m.end())
                and not _service_number(text, m.start(), m.end())
            ):
                add("pii.phone", m.start(), m.end())
        if _NUMBERED_CUES.may_match(text):  # one RE2 pass: most comments with a digit have none of these
            for rx, code in (
                (_BANK_ACCOUNT, "pii.bank_account"),
                (_BANK_ACCOUNT_AFTER, "pii.bank_account"),
                (_PASSPORT, "pii.passport"),
            ):
                for m in _finditer(rx, text):
                    if free(m.start(1), m.end(1)) and not _service_number(text, m.start(1), m.end(1)):
                        add(code, m.start(1), m.end(1))
            where = _address(text)
            if where is not None and free(*where):
                add("pii.address", *where)
    for a, b, code in _spelled_numbers(norm, has_digit):
        s, e = norm.tokens[a].start, norm.tokens[b].end
        taken.append((s, e))
        pii.append(Hit(code, "personal_data", 3 if code == "pii.mykad" else 2, s, e))
    child = _child_with_school(text, norm.original, norm)
    if child is not None:
        s, e = norm.span(*child)
        pii.append(Hit("pii.child", "personal_data", 2, s, e))
    links: list[Hit] = []
    if (
        "." in text
        or "dot" in text
        or "titik" in text
        or "/" in text
        or "d0t" in text
        or not text.isascii()
        or (",c" in text or ",n" in text or ",o" in text or ",x" in text or ",i" in text or ",l" in text
            or ",b" in text or ",s" in text or ",v" in text or ",]" in text or ",)" in text or ",}" in text)
    ):  # fmt: skip
        view, where = link_view(text)
        # A link needs a scheme, "www." or a dot followed by a letter or digit ("judi88.com").
        if not any(cue in view for cue in _LINK_CUES) and _DOT_ALNUM.search(view) is None:
            return pii, links
        if where is not None and "@" in view:
            # Round 15: an address spelled out or with disguised dots ("a l i @ g m a i l . c o m").
            view_mail, at = _join_spaced_mail(view, where)
            for m in EMAIL_RE.finditer(view_mail):
                a, b = at[m.start()], at[m.end() - 1] + 1
                if free(a, b) and not _public_mailbox(m.group(0)):
                    add("pii.email", a, b)
        for m in _finditer(LINK_RE, view):
            end = m.end()
            tail = _LINK_TAIL.search(m.group(0))
            if tail is not None and tail.start() > 0:
                end = m.start() + tail.start()
            a, b = (m.start(), end) if where is None else (where[m.start()], where[end - 1] + 1)
            if free(a, b):
                s, e = norm.span(a, b)
                link = view[m.start() : end]
                # Written plainly: the folded text is the link as matched, and the original is that link
                # (any case) with no letter folded from another script ("mcmc.gov.mу", a Cyrillic у).
                plain = (
                    trusted
                    and text[a:b] == link
                    and norm.original[s:e].lower() == link
                    and trusted_link(link, trusted)
                )
                links.append(Hit("link.trusted" if plain else "link", "link", 1, s, e))
    return pii, links


# --- floods and near-duplicates -------------------------------------------------------------------

# Letters only: "!!!!!!!!!!!!!!!!" is emphasis, not a flood. Round 15: a word stretched under a video
# ("noooooooooooooooo", "AAAAAAAAAAAAAAAA", "yessssssssssssssssss") is emphasis too: a run of one letter is a
# flood from 30 letters on (it was 15).
_CHAR_RUN = re.compile(r"([^\W\d_])\1{29,}")
# Thirty letters in a row: a necessary condition of _CHAR_RUN that RE2 can check (it has no \1).
_LETTER_RUN = re.compile(r"[^\W\d_]{30}")
MAX_LENGTH = 5000
NEAR_DUPLICATE = 0.8
FLOOD_WORDS = 20


def _shingles(text: str) -> set[str]:
    t = " ".join(text.split())
    return {t[i : i + 3] for i in range(max(1, len(t) - 2))}


def flood_hits(norm: Normalised, flat: _Words, recent: tuple[str, ...]) -> list[Hit]:
    out = []
    folded = norm.folded
    m = _CHAR_RUN.search(folded) if _FOLDED_CUES.may_match(folded) and _may(_LETTER_RUN, folded) else None
    if m is not None:
        s, e = norm.span(m.start(), m.end())
        out.append(Hit("flood.repeated", "flood", 1, s, e))
    words = flat.words
    # Few distinct words (the distinct words are flat.word_set) before counting them. Round 15: a reaction
    # under a video repeats a word a few times ("haha haha haha ...", "love love love ..."): a flood is 20
    # words or more (it was 8).
    if len(words) >= FLOOD_WORDS and len(flat.word_set) / len(words) < 0.3:
        counts = Counter(words)
        if max(counts.values()) >= 6:
            out.append(Hit("flood.repeated", "flood", 1, None, None))
    if len(norm.original) > MAX_LENGTH:
        out.append(Hit("flood.long", "flood", 1, None, None))
    if recent:
        mine = flat.text
        mine_sh = None
        for previous in recent:
            other = normalise(previous)
            other_text = " ".join(w for t in other.tokens for w in t.words)
            if other_text == mine and mine:
                out.append(Hit("flood.duplicate", "flood", 2, None, None))
                break
            if mine_sh is None:
                mine_sh = _shingles(mine)
            other_sh = _shingles(other_text)
            union = len(mine_sh | other_sh)
            if union and len(mine_sh & other_sh) / union >= NEAR_DUPLICATE:
                out.append(Hit("flood.near_duplicate", "flood", 2, None, None))
                break
    return out


# --- organiser terms --------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def compile_terms(terms: tuple[str, ...]) -> dict[str, tuple[tuple[tuple[str, ...], None], ...]]:
    """Organiser words/phrases normalised like comments, as a phrase table keyed by first word."""
    table: dict[str, list] = {}
    for term in terms:
        words = tuple(w for t in normalise(term).tokens for w in t.words)
        if words:
            table.setdefault(words[0], []).append((words, None))
    return {k: tuple(sorted(v, key=lambda tv: -len(tv[0]))) for k, v in table.items()}


def term_matches(flat: _Words, table) -> list[tuple[int, int]]:
    """Token index ranges where one of the organiser's terms occurs."""
    if not table:
        return []
    return [(flat.owner[a], flat.owner[b]) for a, b in _phrase_matches(flat.words, table)]


# Looks shared by rules that ask about the same folded text (see prefilter.CueGuard): a child beside a
# school, a letter flood and a handle given (every comment), and the numbered personal data (comments with
# a digit).
_FOLDED_CUES = CueGuard([_CHILD, _LETTER_RUN, _GIVEN_HANDLE_RE, _PLATFORM_HANDLE_RE, _PLAIN_HANDLE_RE])
_NUMBERED_CUES = CueGuard([_BANK_ACCOUNT, _BANK_ACCOUNT_AFTER, _PASSPORT, _HOUSE, _STREET])


def look_in_batch(flats: list[_Words], norms: list[Normalised]) -> None:
    """Ask the looks that most comments of a batch need (the phrase files every comment is scanned with,
    the insult phrases, the files whose trigger words a comment has, counter-speech's disclaimers, the
    spelled contact words, the folded text's shared cues and two number words) about the whole batch at
    once, before its comments are screened one by one: prefilter.prime keeps the answers, which are those
    each comment would get, faster in batch order (round 15, speed). A look gated by trigger words is
    asked only about the comments that pass the gate; the others are asked of (nearly) every comment."""

    def readings(chosen: list[_Words]) -> list[str]:
        return [f.text for f in chosen] + [leet[0] for f in chosen if (leet := f.leet()) is not None]

    def passing(triggers: frozenset[str] | None, needs: frozenset[str] | None = None) -> list[_Words]:
        return [f for f in flats if not _silent(f, triggers, needs)]

    every = readings(flats)
    texts = [f.text for f in flats]
    folded = [n.folded for n in norms]
    prime(
        [
            (_guard(_HATE_RE), texts),
            (_guard(_COUNTER_RE), texts),
            (_guard(_SPAM_ANY), texts),
            (_guard(_INCITE_RE), every),
            (_guard(_PILE_ON_RE), every),
            (_INSULT_ANY, readings(passing(None, _INSULT_NEEDS))),
            (_guard(_COUNTER_FAKE_RE), texts),
            (_guard(_SELF_HARM_RE), readings(passing(_SELF_HARM_TRIGGERS, _SELF_HARM_NEEDS))),
            (_THREAT_LOOK, readings(passing(_THREAT_TRIGGERS, _THREAT_NEEDS))),
            (_SEXUAL_LOOK, readings(passing(_SEXUAL_TRIGGERS))),
            (
                _MINOR_FIRST_LOOK,
                [f.text for f in passing(_MINOR_TRIGGERS, _MINOR_NEEDS)],
            ),  # asked of the text alone
            (_guard(_CONTACT_LETTERS_CUE), texts + folded),
            (_FOLDED_CUES, folded),
            (_two_number_words_look(lexicons.load().numbers), folded),
        ]
    )


# Every guard is built at import (widening and compiling them takes about 0.1 s) rather than by the first
# comment that asks it: a guard built on first use cost that one comment several milliseconds.
for _rx in (_SELF_HARM_RE, _THREAT_RE, _THREAT_CLAUSE_RE, _INCITE_RE, _PILE_ON_RE, _INSULT_RE, _INSULT_OWN_RE,
            _SEXUAL_RE, _HATE_RE, _COUNTER_RE, _COUNTER_FAKE_RE, _SPAM_ANY, _SUPPORT_SELF_RE, _SUPPORT_YOU_RE,
            _DOT_LIKE, LINK_RE, EMAIL_RE, _DIGIT_RUN, _DIGITISH, _LOOSE_RUN, _BANK_ACCOUNT, _PASSPORT, _HOUSE,
            _STREET, _STATES, _ADDRESS_CUE, _CHILD, _LETTER_RUN, _ALSO_YOU_RE, _WEBMAIL, _GIVEN_HANDLE_RE,
            _SPACE_FOR_DOT, _SPACED_RUN, _FAN_OTHERS, _SPAM_CALLED_SCAM,
            _SEXUAL_REQUEST_RE, _SEXUAL_REPORT_RE, _SEXUAL_WINK_RE, _HYPERBOLE_RE,
            _PLATFORM_HANDLE_RE, _CONTACT_LETTERS_CUE, _INSULT_UNSAID_RE, _INSULT_OWNED_RE, _INCITE_ASKED_RE,
            _PLAIN_HANDLE_RE, _SCHOOL, _CLAIM_RE, _THREAT_PLACE_RE, *_MINOR_CUES.values()):  # fmt: skip
    _may(_rx, "")

Words = _Words
