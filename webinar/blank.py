"""One answer to "is this text empty?" for every kind of user input (questions, edits, names, answers),
and one to "what does a one-line field (a name) hold?".

Text made only of characters that show nothing is empty: whitespace, format and control characters
(zero-width space U+200B, joiners, BOM, bidi marks), combining marks with nothing to combine with, and
the "filler" letters and symbols that render blank (Hangul fillers U+3164, U+115F, U+1160, U+FFA0,
braille blank U+2800, Mongolian vowel separator U+180E, Khmer inherent vowels U+17B4/U+17B5, ...).
"""

from __future__ import annotations

import unicodedata

# Code points outside the Z*/C*/M* categories that render as nothing.
_FILLERS = frozenset(
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers
    "\u2800"  # braille pattern blank
    "\u180e"  # Mongolian vowel separator
    "\u17b4\u17b5"  # Khmer inherent vowels
    "\u034f"  # combining grapheme joiner
    "\u2061\u2062\u2063\u2064"  # invisible maths operators (Cf, listed for clarity)
    "\U0001d159\U0001d173\U0001d174\U0001d175\U0001d176\U0001d177\U0001d178\U0001d179\U0001d17a"
)
_INVISIBLE_CATEGORIES = ("Z", "C", "M")


def is_invisible(char: str) -> bool:
    """True for a character that shows nothing on its own (see the module docstring)."""
    return char in _FILLERS or unicodedata.category(char)[0] in _INVISIBLE_CATEGORIES


def is_blank(text: str | None) -> bool:
    """True if ``text`` is None, empty, or made only of invisible characters."""
    return not text or all(is_invisible(char) for char in text)


def clean_text(text: str | None) -> str:
    """``text`` with surrounding whitespace removed, or ``""`` if it is blank-looking."""
    text = (text or "").strip()
    return "" if is_blank(text) else text


def clean_line(text: str | None) -> str:
    """A one-line field (a person's name, an institution) as stored: ``clean_text``, then every run of
    whitespace, line breaks included, one space, and other control characters dropped; ``""`` if blank.

    Names reach e-mails sent to whatever address was typed ("Hello <name>,"): a name must not be able to
    add lines of its own to them (``"Aisyah\r\nYour link expired: ..."`` → ``"Aisyah Your link ..."``).
    """
    text = "".join(char for char in (text or "") if char.isspace() or unicodedata.category(char) != "Cc")
    return clean_text(" ".join(text.split()))
