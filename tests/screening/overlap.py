"""Our training templates against evaluation-only lines (``heldout_*``, the own evaluation sets): a template
line sharing 40% or more of its word pairs with such a line would let training see that line's wording,
and the figure measured on it would no longer be honest (docs/screening.md, "Held-out figures")."""

from __future__ import annotations

import itertools
import re

from webinar.screening import dewan_set


def word_pairs(text: str) -> set[tuple[str, str]]:
    """The adjacent pairs of lower-cased words (letters and digits) of ``text``."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return set(itertools.pairwise(words))


def template_lines_from(marker: str) -> list[dict]:
    """Every line the templates expand to, from the section headed ``marker`` to the end of the file."""
    slots, rows = dewan_set.parse()
    section = dewan_set.TEMPLATES.read_text(encoding="utf-8").split(marker, 1)[1]
    templates = set(section.splitlines())
    return dewan_set.expand(slots, [r for r in rows if r[0] in templates])


def assert_under_40_percent_shared(lines: list[dict], kept_texts: list[str]) -> None:
    """No template line shares 40% or more of its word pairs with a kept line, nor a kept line of six or
    more pairs 40% of its own with it. Fails naming the template line (never the kept one)."""
    kept = [word_pairs(text) for text in kept_texts]
    index: dict[tuple[str, str], list[int]] = {}
    for k, pairs in enumerate(kept):
        for p in pairs:
            index.setdefault(p, []).append(k)
    for row in lines:
        mine = word_pairs(row["text"])
        shared: dict[int, int] = {}
        for p in mine:
            for k in index.get(p, ()):
                shared[k] = shared.get(k, 0) + 1
        for k, n in shared.items():
            assert n / len(mine) < 0.4, (row["text"], n, len(mine))
            assert len(kept[k]) < 6 or n / len(kept[k]) < 0.4, (row["text"], n, len(kept[k]))
