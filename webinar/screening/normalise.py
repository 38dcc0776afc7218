"""Text normalisation: the one place where obfuscation is undone.

A comment is folded character by character (Unicode NFKC, case folding, homoglyph and full-width
folding, accents and zero-width characters removed) while remembering, for every folded character,
where it came from, so that every later match can point at a span of the ORIGINAL text. Tokens are
then canonicalised against the word lists: leetspeak ("b0d0h", "sh!t"), masks ("f*ck"), repeated
letters ("fuuuck", "bodohhh"), spaced or dotted letters ("s.i.a.l", "b o d o h"), inflections
("bitches", "bodohnya", "sialan") and Malaysian short forms ("x" -> "tak", "ko" -> "kau").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from webinar.screening import lexicons
from webinar.screening.prefilter import Guard

# Round 15: emoji variation selectors and the enclosing keycap too ("0\ufe0f\u20e3" is a keycap "0" emoji: a
# digit).
_ZERO_WIDTH = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u034f\ufe0e\ufe0f\u20e3"
)
# Letters that look Latin in other scripts; NFKC leaves them alone.
_HOMOGLYPHS = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "һ": "h",
        "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ɑ": "a", "ı": "i", "ł": "l", "ø": "o", "đ": "d",
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ß": "ss", "æ": "ae", "œ": "oe",
        "ц": "u", "ƒ": "f",
    }
)  # fmt: skip
_CHAR_CACHE: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    folded = _CHAR_CACHE.get(ch)
    if folded is None:
        if ch in _ZERO_WIDTH or unicodedata.category(ch) == "Cf":
            folded = ""
        else:
            s = unicodedata.normalize("NFKC", ch).casefold().translate(_HOMOGLYPHS)
            s = unicodedata.normalize("NFKD", s)
            folded = "".join(c for c in s if not unicodedata.combining(c))
            if folded in ("‘", "’", "ʼ", "`", "´"):
                folded = "'"
        _CHAR_CACHE[ch] = folded
    return folded


def fold_text(text: str) -> str:
    """Fold without keeping offsets (for word-list entries and organiser terms)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Folded text and, per folded character, its index in ``text`` (None means identity)."""
    if text.isascii():
        return text.lower(), None
    parts: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = _CHAR_CACHE.get(ch)
        if folded is None:
            folded = _fold_char(ch)
        if folded:
            parts.append(folded)
            offsets.extend([i] * len(folded))
    return "".join(parts), offsets


# A word: letters and digits, with apostrophes and runs of mask or leet symbols between them ("don't",
# "f*ck", "sh!t"), an optional "$" before and masks after ("$hit", "fuck*"). Each part is a run of one
# class rather than one character at a time: the same matches, about a quarter faster.
_TOKEN_RE = re.compile(r"\$?[^\W_]+(?:(?:'|[*@$!|#]+)[^\W_]+)*[*$]*")
# Three or more single letters separated by dots, spaces, dashes...: "s.i.a.l", "b o d o h".
# Round 15: emoji between the letters too ("f😡u😡c😡k").
_EMOJI = "\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_SPACED_RE = re.compile(
    r"(?<![^\W_])(?:[^\W_*@$](?:[ .\-_*,/|+~" + _EMOJI + r"]{1,3})){2,}[^\W_@$](?![^\W_])"
)
# Its look before Python reads the lookarounds as consumed boundaries: a letter or digit neither side of the
# run, or the text's end (``\z``, RE2's end of text). On the ASCII text RE2 is asked about (prefilter.py)
# that says exactly what Python's lookarounds say, so the look turns away the many comments where a word
# ends beside a one-letter word ("end. I a"), which the widened pattern let through.
_SPACED_GUARD = Guard(
    r"(?:^|[^0-9A-Za-z])(?:[^\W_*@$](?:[ .\-_*,/|+~" + _EMOJI + r"]{1,3})){2,}[^\W_@$](?:[^0-9A-Za-z]|\z)"
)
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
                       "!": "i", "|": "i", "8": "b", "9": "g", "€": "e"})  # fmt: skip
_LEET_L = str.maketrans({"1": "l", "|": "l", "!": "i"})
_LEET_CHARS = frozenset("0134578@$!|9€")
# Only letters are squeezed: "1000" must stay 1000, "RM5000" must stay RM5000.
_REPEAT3 = re.compile(r"([^\W\d_])\1{2,}")
_REPEAT2 = re.compile(r"([^\W\d_])\1+")
_DOUBLE = re.compile(r"([^\W\d_])\1")
# Digits or symbols standing for letters between letters ("k1ll", "st00pid", "d1e"): the whole token is
# read as letters even when it is in no word list, so phrase rules see "kill" and "die".
# 4, 2 and 8 are left alone: between words they mean "for", "to" and "ate" ("sub4sub", "b2b").
_INNER_LEET = re.compile(r"[a-z]+(?:[0137@$!|]+[a-z]+)+")
# The endings of English contractions whose letters spell another word without the apostrophe ("he'll"
# -> "hell", "she'd" -> "shed", "we're" -> "were"): such a token is never that word's lexicon entry.
_CONTRACTIONS = frozenset({"ll", "re", "ve", "d", "m"})
_SUFFIXES = ("s", "z", "y", "ed", "er", "es", "in", "an", "la", "je", "ing", "ers", "nya", "lah", "kah",
             "jer", "kan", "ness", "est")  # fmt: skip
# The suffixes a word can end with, by its last letter (in _SUFFIXES order: the first that fits wins).
_SUFFIXES_BY_LAST = {c: tuple(x for x in _SUFFIXES if x[-1] == c) for c in {x[-1] for x in _SUFFIXES}}


class Canon(NamedTuple):
    # A named tuple: a token is its word's Canon followed by the span (``Token``'s first four fields).
    form: str  # canonical spelling (the matched word-list term when there is one)
    words: tuple[str, ...]  # form with short forms expanded ("xnak" -> ("tak", "nak"))
    entry: lexicons.Entry | None
    allowed: bool


class Token(NamedTuple):
    # A named tuple, not a dataclass: a comment makes one per word, and a tuple is the cheapest to build.
    form: str
    words: tuple[str, ...]
    entry: lexicons.Entry | None
    allowed: bool
    start: int  # span in the original text
    end: int


@dataclass(frozen=True, slots=True)
class Normalised:
    original: str
    folded: str
    offsets: tuple[int, ...] | None  # folded index -> original index; None when they are the same
    tokens: tuple[Token, ...]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """The original-text span of folded[a:b]."""
        if self.offsets is None:
            return a, b
        return self.offsets[a], self.offsets[b - 1] + 1

    @property
    def canonical(self) -> str:
        """The comment as the model and the phrase rules see it."""
        return " ".join(w for t in self.tokens for w in t.words)


_CANON_CACHE: dict[str, Canon] = {}
_CANON_CACHE_MAX = 200_000


def _lookup(candidate: str, lex: lexicons.Lexicon) -> tuple[str, lexicons.Entry | None, bool] | None:
    if candidate in lex.allow_words:
        return candidate, None, True
    if candidate in lex.identity:
        return candidate, None, False  # "Mus1ims", "m4lays": the group, for the hate rules
    entry = lex.words.get(candidate)
    if entry is not None:
        return candidate, entry, False
    for suffix in _SUFFIXES_BY_LAST.get(candidate[-1:], ()):
        if candidate.endswith(suffix) and len(candidate) - len(suffix) >= 3:
            root = candidate[: -len(suffix)]
            entry = lex.words.get(root)
            if entry is not None and root not in lex.allow_words:
                return root, entry, False
    return None


# Round 15: endings after a masked word ("f***ing", "f**ker"): the mask is matched on what is before them.
_MASK_ENDINGS = ("ing", "in", "ed", "er", "ers", "s")


def _masked(token: str, lex: lexicons.Lexicon) -> tuple[str, lexicons.Entry] | None:
    pattern = re.compile(re.escape(token).replace(r"\*", "[a-z]"))
    for term in lex.wildcard_index.get(len(token), ()):
        if term[0] == token[0] and pattern.fullmatch(term):
            return term, lex.words[term]
    return None


def _wildcard(token: str, lex: lexicons.Lexicon) -> tuple[str, lexicons.Entry] | None:
    core = token.strip("*")
    if core.count("*") == 0 and core == token.strip("*$"):
        # Masks only at the ends ("fuck*") carry no information; treat the core as the word. Round 15: unless
        # the core is no word and the mask ends it, standing for its last letters ("fuc*").
        if core in lex.words:
            return core, lex.words[core]
        if len(core) >= 3 and token.endswith("*") and not token.startswith("*"):
            return _masked(token, lex)
        return None
    hit = _masked(token, lex)
    if hit is None and token[0] != "*":
        for ending in _MASK_ENDINGS:
            stem = token[: -len(ending)]
            if token.endswith(ending) and "*" in stem and len(stem) >= 3:
                hit = _masked(stem, lex)
                if hit is not None:
                    break
    return hit


# Endings a swapped word may carry ("Mlaays", "bdoohnya"); the swap is looked up on what is before them.
_SWAP_ENDINGS = ("s", "es", "nya", "lah", "la", "kan", "ing", "ed")


def _unswap(token: str, lex: lexicons.Lexicon) -> str | None:
    """The listed word ``token`` misspells by two adjacent letters swapped ("klil" -> "kill", "pneipu" ->
    "penipu"), with its ending kept; None when it is no such spelling or a real word (``lexicons._swaps``)."""
    word = lex.swaps.get(token)
    if word is not None:
        return word
    for ending in _SWAP_ENDINGS:
        if token.endswith(ending):
            word = lex.swaps.get(token[: -len(ending)])
            if word is not None:
                return word + ending
    return None


def canonicalise(raw: str) -> Canon:
    cached = _CANON_CACHE.get(raw)
    if cached is not None:
        return cached
    lex = lexicons.load()
    token = raw.replace("'", "")
    head, apostrophe, tail = raw.rpartition("'")
    if apostrophe and tail in _CONTRACTIONS and head.isalpha():
        # A pronoun and a verb, never the listed word the letters spell ("he'll" is not "hell"). The words
        # stay as the model was trained to see them (the shortform's expansion, or the letters).
        words = tuple(lex.shortforms.get(token, token).split())
        return _remember(raw, Canon(token, words, None, False))
    if "#" in token:
        token = token.replace("#", "*")  # round 15: "f#ck" is masked like "f*ck"
    found: tuple[str, lexicons.Entry | None, bool] | None = None
    if "*" in token and any(c.isalpha() for c in token):
        hit = _wildcard(token, lex)
        if hit is not None:
            found = (hit[0], hit[1], False)
        token = token.replace("*", "")
    if found is None and len(token) >= 4 and token[-1] == "2" and token[:-1].isalpha():
        # Round 15: a Malay reduplication written with "2" ("bodo2", "sengal2" for "bodo-bodo"): its word.
        found = _lookup(token[:-1], lex)
    if found is None:
        bases = [token]
        if not token.isalpha() and not token.isdigit() and any(c in _LEET_CHARS for c in token):
            leet = token.translate(_LEET)
            if any(c.isalpha() for c in token):
                bases.append(leet)
                alt = token.translate(_LEET_L).translate(_LEET)
                if alt != leet:
                    bases.append(alt)
        for base in list(bases):
            # "fvck" -> "fuck", "stoopid"/"st00pid" -> "stupid": looked up only, never forced.
            if "v" in base:
                bases.append(base.replace("v", "u"))
            if "oo" in base:
                bases.append(base.replace("oo", "u"))
        for base in bases:
            candidates = [base]
            if _DOUBLE.search(base):
                three = _REPEAT3.sub(r"\1\1", base)
                if three != base:
                    candidates.append(three)
                candidates.append(_REPEAT2.sub(r"\1", base))
            for cand in candidates:
                found = _lookup(cand, lex)
                if found is not None:
                    break
            if found is not None:
                break
        if found is None and lex.substring_re is not None:
            for base in bases:
                squeezed = _REPEAT3.sub(r"\1\1", base) if _DOUBLE.search(base) is not None else base
                if len(squeezed) >= 5:
                    m = lex.substring_re.search(squeezed)
                    if m is not None:
                        found = (squeezed, lex.substring_entries[m.group(0)], False)
                        break
    if found is None and token.isalpha() and len(token) >= lexicons.SWAP_MIN_LENGTH:
        swapped = _unswap(token, lex)
        if swapped is not None:
            found = _lookup(swapped, lex)
            if found is None:
                token = swapped
    if found is None:
        if _INNER_LEET.fullmatch(token) is not None:
            token = token.translate(_LEET)
        form = _REPEAT3.sub(r"\1\1", token) if _DOUBLE.search(token) is not None else token
        expanded = lex.shortforms.get(form, form)
        result = Canon(form, tuple(expanded.split()) or (form,), None, False)
    else:
        form, entry, allowed = found
        result = Canon(form, (form,), entry, allowed)
    return _remember(raw, result)


def _remember(raw: str, canon: Canon) -> Canon:
    """``canon`` cached as ``raw``'s reading (the cache emptied when full) and returned."""
    if len(_CANON_CACHE) >= _CANON_CACHE_MAX:
        _CANON_CACHE.clear()
    _CANON_CACHE[raw] = canon
    return canon


def _joinable(joined: str, run: str, canon: Canon) -> bool:
    if not joined.isalpha():
        return False
    if len(joined) >= 4 or canon.words != (canon.form,):
        return True
    return " " not in run and "," not in run


# A digit or symbol beside a letter read as the letter it looks like ("w4nt", "d1e", "3nd", "w3", "un4live"):
# the phrase rules for threats and self-harm also run over this reading of the canonical text (see
# ``leet_reading``). The canonical text itself keeps "sub4sub" and "b2b": 4, 2 and 8 mean words there.
_LEET_INSIDE = re.compile(r"[a-z][0-9@$!|]|[0-9@$!|][a-z]")
_LEET_CHAR = re.compile(r"[0-9@$!|]")  # necessary for _LEET_INSIDE, and five times cheaper to look for
_LEET_READING = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a",
                               "$": "s", "!": "i", "|": "i", "8": "b", "9": "g"})  # fmt: skip


def leet_reading(text: str) -> str | None:
    """``text`` with every digit or symbol standing between letters read as a letter, character for
    character (so offsets are unchanged); None when there is none (the common case: one regex search)."""
    if _LEET_CHAR.search(text) is None or _LEET_INSIDE.search(text) is None:
        return None
    return " ".join(w.translate(_LEET_READING) if _LEET_INSIDE.search(w) else w for w in text.split(" "))


_LETTER = re.compile(r"[^\W_]")


def _word_break(joined: str, known: frozenset[str]) -> list[int] | None:
    """The fewest cuts of ``joined`` into words of ``known`` (at most four words), as end indices; None
    when there is none ("ihate" -> [1, 5]: "i", "hate")."""
    n = len(joined)
    best: list[list[int] | None] = [[]] + [None] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 24), end):
            before = best[start]
            if before is None or len(before) >= 4 or joined[start:end] not in known:
                continue
            now = best[end]
            if now is None or len(before) + 1 < len(now):
                best[end] = [*before, end]
    return best[n]


def _spaced_words(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words spelled by letters spaced or dotted out in ``folded[start:end]``, as folded spans.

    Wider gaps than the narrowest one in a run separate words ("b o d o h   p u n y a   h o s t"); a run
    whose letters spell no word the lists know is cut into words they know where it can be ("I h a t e"
    is "i" + "hate", "o r a n g i n d i a" is "orang" + "india"), else joined whole: a listed word ("b o d o
    h"), a short form ("k m s"), a word the rules know ("s u i c i d e"), any four or more letters, one of
    several words, or three letters joined by dots or dashes rather than spaces ("k.m.s", "k-y-s", but not
    "p.s. i"): an abbreviation written out, never three words.
    """
    letters = [m.start() for m in _LETTER.finditer(folded, start, end)]
    gaps = [letters[i + 1] - letters[i] for i in range(len(letters) - 1)]
    narrow = min(gaps)
    groups: list[list[int]] = [[letters[0]]]
    for pos, gap in zip(letters[1:], gaps, strict=True):
        if gap > narrow and folded[pos - 1].isspace():
            groups.append([pos])
        else:
            groups[-1].append(pos)
    known = lexicons.load().known
    several = len(groups) > 1
    out: list[tuple[int, int]] = []
    for group in groups:
        if len(group) < (2 if several else 3):
            continue
        a, b = group[0], group[-1] + 1
        joined = "".join(folded[p] for p in group)
        canon = canonicalise(joined)
        if not canon.form.isalpha() and canon.entry is None:
            continue  # digits spaced out are a number ("0 1 2  3 4 5"): personal data reads them as they are
        if canon.entry is not None or canon.form in known or canon.words != (canon.form,):
            out.append((a, b))
            continue
        cuts = _word_break(canon.form, known) if len(canon.form) == len(joined) else None
        if cuts is not None:
            first = 0
            for cut in cuts:
                out.append((group[first], group[cut - 1] + 1))
                first = cut
        elif several or _joinable(joined, folded[a:b], canon):
            out.append((a, b))
    return out


def normalise(text: str) -> Normalised:
    folded, offsets = fold_with_offsets(text)

    def span(a: int, b: int) -> tuple[int, int]:
        if offsets is None:
            return a, b
        return offsets[a], offsets[b - 1] + 1

    tokens: list[Token] = []
    consumed: list[tuple[int, int]] = []
    if _SPACED_GUARD.may_match(folded) and _SPACED_RE.search(folded) is not None:
        for m in _SPACED_RE.finditer(folded):
            for a, b in _spaced_words(folded, m.start(), m.end()):
                joined = "".join(c for c in folded[a:b] if c.isalnum())
                canon = canonicalise(joined)
                s, e = span(a, b)
                tokens.append(Token(canon.form, canon.words, canon.entry, False, s, e))
                consumed.append((a, b))
    cached = _CANON_CACHE.get
    new_token = tuple.__new__  # Token(...) without the named tuple's own __new__ (one call less per word)
    if not consumed and offsets is None and "@" not in folded:
        # The common comment (ASCII, no spaced letters, no @handle): a token is its word's Canon and the
        # match's span.
        tokens += [
            new_token(Token, (cached(raw := m.group()) or canonicalise(raw)) + m.span())
            for m in _TOKEN_RE.finditer(folded)
        ]
        return Normalised(text, folded, None, tuple(tokens))
    for m in _TOKEN_RE.finditer(folded):
        a, b = m.span()
        if consumed and any(x <= a < y for x, y in consumed):
            continue
        raw = m.group()
        canon = cached(raw) or canonicalise(raw)
        s, e = (a, b) if offsets is None else (offsets[a], offsets[b - 1] + 1)
        if a and folded[a - 1] == "@":
            # An @handle names someone ("@FuckKennyJ"); it is not what the comment says.
            tokens.append(Token(canon.form, canon.words, None, False, s, e))
            continue
        tokens.append(new_token(Token, (*canon, s, e)))
    if consumed:
        tokens.sort(key=lambda t: t.start)
    return Normalised(text, folded, None if offsets is None else tuple(offsets), tuple(tokens))
