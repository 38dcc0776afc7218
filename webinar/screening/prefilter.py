"""A linear-time look before a Python regular expression: can it match this text at all?

Most comments match none of the phrase rules, spam signals or personal-data patterns, yet Python's
backtracking engine tries every alternative of a phrase file at every word start before it says so.
``Guard(pattern).may_match(text)`` asks RE2 (google-re2, a DFA: one pass over the text whatever the
number of alternatives) first, with a WIDER pattern than the Python one, so a "no" is certain and a "yes"
hands over to the Python pattern, which alone decides what matches and where. Verdicts are therefore
exactly those of the Python patterns (tests/screening/test_prefilter.py checks the guard never says no
where Python finds a match, on every phrase file and on generated text).

How the pattern is widened: every lookaround (``(?=...)``, ``(?!...)``, ``(?<=...)``, ``(?<!...)``) and
``$`` is dropped (a zero-width condition removed can only let more texts match; RE2 has no lookarounds, and
Python's ``$`` also matches before a final newline). ``\\b``, ``\\w``, ``\\d``, classes and quantifiers
mean the same in both engines on ASCII text, so a text with any non-ASCII character is always handed to Python
(``\\w`` and ``\\b`` are Unicode there, ASCII in RE2), and so is a text with a vertical tab or an
ASCII separator (``\\x0b``, ``\\x1c``-``\\x1f``: whitespace to Python's ``\\s``, not to RE2's). A
pattern RE2 cannot compile (a back-reference, say) or reads differently (``{,n}``, which RE2 takes
literally) gets a guard that always says yes, as does every pattern when google-re2 is not installed.
"""

from __future__ import annotations

import re

try:  # pragma: no cover - the import either works or it does not
    import re2 as _re2_module
    from re2 import _re2
except ImportError:  # pragma: no cover
    _re2 = None
    _re2_module = None

_LOOKAROUND_OPENERS = ("(?=", "(?!", "(?<=", "(?<!")


def _class_end(p: str, i: int) -> int:
    """Index just past the character class starting at ``p[i] == "["``."""
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":
        j += 1  # a "]" first in a class is a literal
    while p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    return j + 1


def _group_end(p: str, i: int) -> int:
    """Index just past the group opened at ``p[i] == "("``."""
    depth = 0
    j = i
    while True:
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(p, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1


def widen(pattern: str) -> str:
    """``pattern`` without its lookarounds and ``$`` anchors: it matches every text ``pattern`` matches
    (and maybe more). Raises ``ValueError`` on verbose-mode or inline-flag patterns it cannot read."""
    if re.search(r"\(\?[aiLmsux-]+[:)]", pattern) or "{," in pattern:
        raise ValueError("inline flags or an open-ended {,n}: read differently by RE2")
    out: list[str] = []
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif c == "[":
            j = _class_end(pattern, i)
            out.append(pattern[i:j])
            i = j
        elif c == "(" and pattern.startswith(_LOOKAROUND_OPENERS, i):
            i = _group_end(pattern, i)
        elif c == "$":
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


class Guard:
    """``may_match(text)``: False only when ``pattern`` certainly finds no match in ``text``."""

    __slots__ = ("_primed", "_regexp", "pattern")

    def __init__(self, pattern: str | re.Pattern):
        source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
        if isinstance(pattern, re.Pattern) and pattern.flags & ~(re.UNICODE | re.ASCII):
            source = ""  # flags RE2 would not share (IGNORECASE, VERBOSE...): always ask Python
        self.pattern = source
        self._regexp = None
        self._primed: dict[str, int] = {}  # text -> start (see ``start``)
        if _re2 is None or not source:
            return
        try:
            options = _re2_module.Options()
            options.never_capture = True
            options.log_errors = False
            options.max_mem = 64 << 20  # a phrase file's DFA fits; past this RE2 slows down (never errs)
            # UTF-8: a non-ASCII literal ("。") matches no ASCII text in either engine.
            regexp = _re2.RE2(widen(source).encode("utf-8"), options)
        except (ValueError, IndexError):
            return
        if regexp.ok():
            self._regexp = regexp

    def may_match(self, text: str) -> bool:
        return self.start(text) >= 0

    def start(self, text: str) -> int:
        """-1 when ``pattern`` certainly matches nowhere in ``text``; else where the Python pattern's first
        match can start at the earliest: RE2's leftmost match of the wider pattern (0 when RE2 is not
        asked). Every match of the pattern is a match of the wider one at the same place, so a search
        from there finds what a search from the start finds (round 16, speed: a long comment is read by
        Python's backtracking engine only from where RE2 found something)."""
        answer = self._primed.get(text)
        if answer is not None:
            return answer
        regexp = self._regexp
        if regexp is None:
            return 0
        data = _readable(text)
        return 0 if data is None else regexp.Match(_UNANCHORED, data, 0, len(data))[0][0]


class CueGuard(Guard):
    """A guard for several patterns at once (their alternation), asked about the same text by several
    rules: ``may_match`` is False only when none of ``patterns`` can match, so each rule may skip its own
    guard; the last text's answer is kept (checked by identity, a tuple swapped whole: thread-safe), so
    the rules that ask about one comment share one RE2 pass."""

    __slots__ = ("_last",)

    def __init__(self, patterns: list[re.Pattern]):
        if any(p.flags & ~(re.UNICODE | re.ASCII) for p in patterns):
            super().__init__("")  # always yes: see Guard
        else:
            super().__init__("|".join(f"(?:{p.pattern})" for p in patterns))
        self._last: tuple[str | None, int] = (None, 0)

    def start(self, text: str) -> int:
        last = self._last
        if last[0] is text:
            return last[1]
        answer = super().start(text)
        self._last = (text, answer)
        return answer


def prime(asks: list[tuple[Guard, list[str]]]) -> None:
    """Ask each guard of ``asks`` about all of its texts now, one guard after the other, and keep the
    answers until that guard is primed again (a dict swapped whole: thread-safe). A batch of comments then
    finds its answers ready: the same answers (a text's answer depends on the text alone), but each
    guard's automaton stays in the CPU's caches while it reads the whole batch, where asking ten guards
    about one comment after the other evicts them (round 15, speed: about a third less time in RE2 with
    ten guards on the bench's comments). Texts RE2 is not asked about (see ``_readable``) are left out."""
    readable: dict[str, bytes | None] = {}
    for guard, texts in asks:
        regexp = guard._regexp
        if regexp is None:
            continue
        answers = {}
        for text in texts:
            data = readable[text] if text in readable else readable.setdefault(text, _readable(text))
            if data is not None:
                answers[text] = regexp.Match(_UNANCHORED, data, 0, len(data))[0][0]
        guard._primed = answers


def _readable(text: str) -> bytes | None:
    """``text`` as the bytes RE2 reads, or None when the guards must hand it to Python (a non-ASCII
    character or an odd separator). A comment is asked about by several guards in a row, so the last
    text's answer is kept (a tuple swapped whole: safe across threads)."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    data = text.encode("ascii") if text.isascii() and _ODD_SPACE.search(text) is None else None
    _last = (text, data)
    return data


_ODD_SPACE = re.compile("[\x0b\x1c-\x1f]")
_last: tuple[str | None, bytes | None] = (None, None)
_UNANCHORED = _re2_module._Anchor.UNANCHORED if _re2_module is not None else None


def active() -> bool:
    """Whether RE2 is installed (otherwise every guard says yes and Python decides alone)."""
    return _re2 is not None
