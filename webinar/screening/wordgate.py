"""Gate words derived from a regular expression: words without one of which it cannot match.

``required_words(pattern)`` reads a Python pattern (``re``'s own parser) and returns a set of words such
that every match of the pattern, in any text, holds one of them as a *whole word* of that text (a maximal
run of ``\\w`` characters), or None when it can prove no such set. A comment none of whose words is in the
set then skips the pattern without any regular expression being run: a set look in C (round 16, speed).
The set is derived from the patterns themselves, so a line added to a lexicon file changes its gate with it
(no hand-kept trigger list to go stale); ``tests/screening/test_wordgate.py`` checks the derivation on
every phrase file and on generated text.

How: each part of the pattern becomes a small set of *paths*, strings over the pattern's literal
characters and a few marks (a word boundary or other zero-width "no word character there", a character
known to be ``\\W``, one known to be ``\\w``, a run of ``\\w``, and "anything"). Alternatives add paths,
a sequence multiplies them; a part with too many paths is summed up as a query (AND / OR of words) and
the words at its two ends. A word is *whole* in a path when a boundary mark or a ``\\W`` character stands
right before and right after it. The query of the whole pattern is then cut down to one set of words:
at an AND the cheapest part (``cost``: short and common words are dear), at an OR all parts.
Lookarounds other than the boundary-like ones are read as matching the empty string (they only narrow
a match, so reading past them is safe); any flag other than Unicode gives None.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

from webinar.screening import lexicons

# Marks in a path (characters no pattern of ours writes literally).
EDGE = "\x00"  # zero-width: no word character on this side (\b, ^, $, (?<![^ ]), (?!\w)...)
GAP = "\x01"  # anything (any characters, possibly none)
NONWORD = "\x02"  # one or more characters, none a word character
WORDCHAR = "\x03"  # one word character, not known which
WORDRUN = "\x05"  # zero or more word characters, not known which
ANYCHAR = "\x04"  # one character, not known which


LIMIT = 512  # paths kept for one part before it is summed up
_SMALL_CLASS = 8  # a class of at most this many word characters is read as alternatives ("[sz]")

_WORD_RE = re.compile(r"\w")


def _is_word(ch: str) -> bool:
    return _WORD_RE.match(ch) is not None


class Query:
    """AND / OR of words; ``TRUE`` (no condition) is ``Query("true")``."""

    __slots__ = ("kind", "parts", "word")

    def __init__(self, kind: str, parts: tuple = (), word: str = ""):
        self.kind = kind
        self.parts = parts
        self.word = word


TRUE = Query("true")


def _and(parts) -> Query:
    kept = tuple(p for p in parts if p.kind != "true")
    return TRUE if not kept else kept[0] if len(kept) == 1 else Query("and", kept)


def _or(parts) -> Query:
    parts = tuple(parts)
    if not parts or any(p.kind == "true" for p in parts):
        return TRUE
    return parts[0] if len(parts) == 1 else Query("or", parts)


# A literal word with a delimiter (a boundary mark, a non-word mark or a non-word character) right before
# and right after it; the marks for unknown characters are neither words nor delimiters.
_UNKNOWN = GAP + WORDCHAR + ANYCHAR + WORDRUN
_WHOLE = re.compile(rf"(?<=[^\w{_UNKNOWN}])\w+(?=[^\w{_UNKNOWN}])")
_CUT = re.compile(rf"[^\w{WORDCHAR}{WORDRUN}]")  # where a word ends: a delimiter or a break
_LAST_CUT = re.compile(rf"[^\w{WORDCHAR}{WORDRUN}][\w{WORDCHAR}{WORDRUN}]*\Z")


@lru_cache(maxsize=1 << 16)
def whole_words(path: str) -> tuple[str, ...]:
    """The literal words of ``path`` with a boundary mark or a non-word character right before and after."""
    return tuple(_WHOLE.findall(path))


def _query_of(paths) -> Query:
    return _or(_and(Query("word", word=w) for w in whole_words(p)) for p in paths)


class Info:
    """A part of a pattern: its paths when few (``exact``), else a query and its first and last stretches."""

    __slots__ = ("exact", "prefix", "query", "suffix")

    def __init__(self, exact=None, prefix=None, suffix=None, query=TRUE):
        self.exact: frozenset[str] | None = exact
        self.prefix: frozenset[str] = prefix if prefix is not None else frozenset()
        self.suffix: frozenset[str] = suffix if suffix is not None else frozenset()
        self.query: Query = query

    def summed(self) -> Info:
        if self.exact is None:
            return self
        return Info(None, _trim_prefix(self.exact), _trim_suffix(self.exact), _query_of(self.exact))


def _exact(*paths: str) -> Info:
    return Info(frozenset(paths))


def _trim_prefix(paths) -> frozenset[str]:
    """Each path up to (and with) its first delimiter or break: what a word across the left end needs."""
    out = set()
    for p in paths:
        m = _CUT.search(p)
        out.add(p if m is None else p[: m.end()])
    return frozenset(out)


def _trim_suffix(paths) -> frozenset[str]:
    """Each path from its last delimiter or break on."""
    out = set()
    for p in paths:
        m = _LAST_CUT.search(p)
        out.add(p if m is None else p[m.start() :])
    return frozenset(out)


def _cross(a, b) -> frozenset[str]:
    return frozenset(x + y for x in a for y in b)


def _concat(x: Info, y: Info) -> Info:
    if x.exact is not None and y.exact is not None and len(x.exact) * len(y.exact) <= LIMIT:
        return Info(_cross(x.exact, y.exact))
    xs, ys = x.summed(), y.summed()
    join = _query_of(_cross(xs.suffix, ys.prefix))
    prefix = _trim_prefix(_cross(x.exact, ys.prefix)) if x.exact is not None else xs.prefix
    suffix = _trim_suffix(_cross(xs.suffix, y.exact)) if y.exact is not None else ys.suffix
    return Info(None, prefix, suffix, _and((xs.query, ys.query, join)))


def _alternate(infos: list[Info]) -> Info:
    if all(i.exact is not None for i in infos):
        paths = frozenset().union(*(i.exact for i in infos))  # type: ignore[arg-type]
        if len(paths) <= LIMIT:
            return Info(paths)
    summed = [i.summed() for i in infos]
    return Info(
        None,
        frozenset().union(*(s.prefix for s in summed)),
        frozenset().union(*(s.suffix for s in summed)),
        _or(s.query for s in summed),
    )


def _class_chars(items, negate: bool) -> tuple[str, frozenset[str] | None]:
    """What one character of a class is: ("word", its characters when few), ("nonword", None) or
    ("any", None)."""
    if negate:
        return "any", None
    chars: set[str] = set()
    kinds = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE:
            lo, hi = av
            if hi - lo > 256:
                return "any", None
            chars.update(chr(c) for c in range(lo, hi + 1))
        elif op is C.CATEGORY:
            if av in (C.CATEGORY_WORD, C.CATEGORY_DIGIT):
                kinds.add("word")
            elif av in (C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD):
                kinds.add("nonword")
            else:
                return "any", None
        else:
            return "any", None
    for ch in chars:
        kinds.add("word" if _is_word(ch) else "nonword")
    if kinds == {"word"}:
        has_category = any(op is C.CATEGORY for op, _av in items)
        return "word", None if has_category else frozenset(chars)
    if kinds == {"nonword"}:
        return "nonword", None
    return "any", None


def _one_char(op, av) -> Info:
    """One character: a literal, a class, or any."""
    if op is C.LITERAL:
        return _exact(chr(av))
    if op is C.NOT_LITERAL or op is C.ANY:
        return _exact(ANYCHAR)
    if op is C.IN:
        negate = bool(av) and av[0][0] is C.NEGATE
        kind, chars = _class_chars(av[1:] if negate else av, negate)
        if kind == "word":
            if chars is not None and len(chars) <= _SMALL_CLASS:
                return Info(frozenset(chars))
            return _exact(WORDCHAR)
        return _exact(NONWORD if kind == "nonword" else ANYCHAR)
    raise ValueError(op)


def _single_kind(op, av) -> str:
    """The kind of a one-character item: "word", "nonword" or "any"."""
    if op is C.LITERAL:
        return "word" if _is_word(chr(av)) else "nonword"
    if op is C.IN:
        negate = bool(av) and av[0][0] is C.NEGATE
        return _class_chars(av[1:] if negate else av, negate)[0]
    return "any"


def _is_edge_assert(op, av) -> bool:
    """Whether a lookaround says that the character beside it is no word character (or the text's end)."""
    _direction, sub = av
    items = list(sub)
    if len(items) != 1:
        return False
    iop, iav = items[0]
    if iop not in (C.LITERAL, C.NOT_LITERAL, C.IN):
        return False
    if op is C.ASSERT_NOT:
        # Not preceded / followed by a character of the class: the neighbour is outside it (or absent).
        if iop is C.NOT_LITERAL:
            return not _is_word(chr(iav))
        if iop is C.IN:
            negate = bool(iav) and iav[0][0] is C.NEGATE
            if negate:
                kind, _chars = _class_chars(iav[1:], False)
                return kind == "nonword"  # (?<![^ ]): the neighbour is in a class of non-word characters
            return any(o is C.CATEGORY and a is C.CATEGORY_WORD for o, a in iav)
        return False
    # ASSERT: the neighbour is in the class, so it exists and is no word character.
    return _single_kind(iop, iav) == "nonword"


def _repeat(lo: int, hi: int, sub) -> Info:
    items = list(sub)
    if len(items) == 1 and items[0][0] in (C.IN, C.LITERAL, C.NOT_LITERAL, C.ANY):
        kind = _single_kind(*items[0]) if items[0][0] in (C.IN, C.LITERAL) else "any"
        one = _one_char(*items[0])
        if one.exact is not None and hi <= 3 and len(one.exact) ** hi <= LIMIT:
            pass  # a short repetition of a small class: spelled out below
        elif kind == "word":
            return _exact(WORDRUN) if lo == 0 else _exact(WORDCHAR + WORDRUN)
        elif kind == "nonword":
            return _exact(NONWORD) if lo > 0 else _exact("", NONWORD)
        else:
            return _exact(GAP)
    inner = _sequence(sub)
    if hi != C.MAXREPEAT and hi <= 4:
        out = _exact("")
        options = [out] if lo == 0 else []
        for k in range(1, hi + 1):
            out = _concat(out, inner)
            if k >= lo:
                options.append(out)
        return _alternate(options)
    # Many or unbounded: the first ``lo`` (at most 2) copies, then anything.
    out = _exact("")
    for _k in range(min(lo, 2)):
        out = _concat(out, inner)
    if lo == 0:
        return _alternate([_exact(""), _concat(inner, _exact(GAP))])
    return _concat(out, _exact(GAP))


def _sequence(items) -> Info:
    out = _exact("")
    for op, av in items:
        out = _concat(out, _item(op, av))
    return out


def _item(op, av) -> Info:
    if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
        return _one_char(op, av)
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise ValueError("inline flags")
        return _sequence(sub)
    if op is C.BRANCH:
        return _alternate([_sequence(branch) for branch in av[1]])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        return _repeat(lo, hi, sub)
    if op is C.AT:
        if av in (C.AT_BOUNDARY, C.AT_BEGINNING, C.AT_BEGINNING_STRING, C.AT_END, C.AT_END_STRING):
            return _exact(EDGE)
        return _exact("")
    if op in (C.ASSERT, C.ASSERT_NOT):
        return _exact(EDGE) if _is_edge_assert(op, av) else _exact("")
    if op is C.ATOMIC_GROUP:
        return _sequence(av)
    # Back-references, conditionals...: anything.
    return _exact(GAP)


def query(pattern: str) -> Query:
    """The words a match of ``pattern`` needs, as an AND / OR query (``TRUE`` when nothing is known)."""
    parsed = P.parse(pattern)
    if parsed.state.flags & ~(re.UNICODE | re.ASCII):
        return TRUE
    info = _sequence(parsed)
    return _query_of(info.exact) if info.exact is not None else info.query


def choose(q: Query, cost) -> tuple[frozenset[str], float] | None:
    """One set of words one of which every text satisfying ``q`` holds: an AND's cheapest part, an OR's
    parts together (``cost(word)``: how often a comment holds the word); None for ``TRUE``."""
    if q.kind == "true":
        return None
    if q.kind == "word":
        return frozenset([q.word]), cost(q.word)
    chosen = [choose(p, cost) for p in q.parts]
    if q.kind == "or":
        if any(c is None for c in chosen):
            return None
        words = frozenset().union(*(c[0] for c in chosen))  # type: ignore[index]
        return words, sum(cost(w) for w in words)
    known = [c for c in chosen if c is not None]
    return min(known, key=lambda c: (c[1], len(c[0]), sorted(c[0]))) if known else None


def covers(q: Query, words: frozenset[str]) -> bool:
    """Whether every text satisfying ``q`` holds one of ``words``."""
    if q.kind == "word":
        return q.word in words
    if q.kind == "or":
        return all(covers(p, words) for p in q.parts)
    if q.kind == "and":
        return any(covers(p, words) for p in q.parts)
    return False


def line_query(rx: str) -> Query:
    """The query of one phrase-file line as the rules compile it (after ``rules.WORD_START``); retried with
    more paths kept when the first reading finds nothing."""
    global LIMIT
    pattern = "(?<![^ ])(?:" + rx + ")"
    found = query(pattern)
    if found.kind == "true":
        kept, LIMIT = LIMIT, LIMIT * 8
        try:
            found = query(pattern)
        finally:
            LIMIT = kept
    return found


def uncovered(name: str, words: frozenset[str]) -> list[str]:
    """The lines of lexicon file ``name`` a match of which may hold none of ``words``."""
    return [rx for _label, rx in lexicons.patterns(name) if not covers(line_query(rx), words)]


def derive(name: str, frequency: dict[str, float]) -> frozenset[str] | None:
    """Gate words for lexicon file ``name`` (None when a line gives none): for each line the cheapest set,
    a word's cost being the share of comments that hold it (``frequency``), free once chosen (twice over,
    the second time with the first round's words free); then every word the others make needless is
    dropped, most frequent first."""
    queries = [line_query(rx) for _label, rx in lexicons.patterns(name)]
    found: set[str] = set()
    for _round in range(2):  # the second round sees the first's words as free
        earlier = frozenset(found)
        found = set()

        def cost(w: str, found: set[str] = found, earlier: frozenset[str] = earlier) -> float:
            return 0.0 if w in found or w in earlier else frequency.get(w, 0.0) + 1e-5

        for q in queries:
            chosen = choose(q, cost)
            if chosen is None:
                return None
            found |= chosen[0]
    for word in sorted(found, key=lambda w: -frequency.get(w, 0.0)):
        fewer = frozenset(found - {word})
        if all(covers(q, fewer) for q in queries):
            found.discard(word)
    return frozenset(found)


NEEDS_HEADER = """\
# Generated by `python -m webinar.screening.wordgate --write FILE...` (do not edit by hand): for each phrase
# file, words one of which every match of every line of the file holds as a whole word (a maximal run of
# word characters), derived from the lines themselves (webinar/screening/wordgate.py). A comment without any
# of them skips the file. tests/screening/test_wordgate.py fails when a line can match without one: after
# changing such a file, run the command above for it.
"""


def main(argv: list[str]) -> int:
    """``python -m webinar.screening.wordgate [--write] FILE...``: the words of each phrase file for
    ``lexicons/needs.tsv`` (chosen by how often the training comments hold them); with ``--write`` they
    replace the file's line there."""
    from collections import Counter
    from pathlib import Path

    from webinar.screening.normalise import normalise
    from webinar.screening.train import DATASET_NAMES, dataset_split, load_heads

    write = "--write" in argv
    names = [a for a in argv if a != "--write"]
    counts: Counter[str] = Counter()
    seen = 0
    for dataset in DATASET_NAMES:  # the training split of every dataset, every third row
        for text, _heads in load_heads(dataset)[::3]:
            if dataset_split(dataset, text) == "train":
                seen += 1
                counts.update({w for t in normalise(text).tokens for w in t.words})
    frequency = {w: n / max(seen, 1) for w, n in counts.items()}
    path = Path(__file__).resolve().parent / "lexicons" / "needs.tsv"
    table: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                file, _tab, words = line.partition("\t")
                table[file] = words
    for name in names:
        words = derive(name, frequency)
        if words is None:
            print(f"{name}: a line holds no whole word for sure: no gate")
            table.pop(name, None)
            continue
        table[name] = " ".join(sorted(words))
        print(f"{name}\t{table[name]}")
    if write:
        body = "".join(f"{file}\t{words}\n" for file, words in sorted(table.items()))
        path.write_text(NEEDS_HEADER + body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
