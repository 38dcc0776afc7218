"""Dewan's own labelled comment set, expanded from ``data/dewan_templates.txt``.

``python -m webinar.screening.dewan_set`` rewrites ``data/dewan_comments.jsonl`` deterministically (a
generator seeded by each template's text). Each line is ``{"text", "label", "category", "language",
"split"}``: label is the decision at the standard policy (publish / hold, see
docs/screening-guidelines.md), split is ``train`` / ``val`` / ``test`` by the SHA-1 of the TEMPLATE
(``train.split_of``), so no test line shares a template with a line the model was trained on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "data" / "dewan_templates.txt"
OUTPUT = HERE / "data" / "dewan_comments.jsonl"
VARIANTS = 12  # attempts per template; duplicates are dropped
_SLOT = re.compile(r"\{([A-Z_]+)\}")
_SECTION = re.compile(r"^\[(\w+) (publish|hold) (en|ms|mixed)\]$")
# Surface variation that never changes the label: how people start and end a comment, casing, and
# Malaysian chat spellings.
_OPENERS = {
    "en": ["", "", "", "Hi, ", "Excuse me, ", "Hello all, ", "Quick one: "],
    "ms": ["", "", "", "Salam, ", "Tuan, ", "Assalamualaikum, ", "Nak tanya, "],
    "mixed": ["", "", "", "Hi ", "Salam, ", "Bro ", "Sis, "],
}
_CLOSERS = {
    "en": ["", "", "", "?", "!", " thanks", " pls", "..."],
    "ms": ["", "", "", "?", "!", " terima kasih", " tq", "..."],
    "mixed": ["", "", "", " lah", " ah", " tq", " pls", "!!"],
}
_CHAT = {
    "you": "u",
    "your": "ur",
    "please": "pls",
    "tak": "x",
    "saya": "sy",
    "yang": "yg",
    "dengan": "dgn",
    "macam": "mcm",
    "kenapa": "knp",
    "because": "coz",
}


def parse(path: Path = TEMPLATES) -> tuple[dict[str, list[str]], list[tuple[str, str, str, str]]]:
    """Slots, and (template, category, label, language) rows. Raises ValueError on a malformed line."""
    slots: dict[str, list[str]] = {}
    rows: list[tuple[str, str, str, str]] = []
    section: tuple[str, str, str] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            name, _eq, values = line[1:].partition("=")
            slots[name.strip()] = [v.strip() for v in values.split("|") if v.strip()]
            continue
        m = _SECTION.match(line)
        if m is not None:
            section = (m.group(1), m.group(2), m.group(3))
            continue
        if section is None:
            raise ValueError(f"{path.name}:{number}: template before any [category label language]")
        for name in _SLOT.findall(line):
            if name not in slots:
                raise ValueError(f"{path.name}:{number}: unknown slot {{{name}}}")
        rows.append((line, *section))
    return slots, rows


def _vary(text: str, language: str, rng: random.Random) -> str:
    text = rng.choice(_OPENERS[language]) + text
    if rng.random() < 0.25:
        text = " ".join(_CHAT.get(w.lower(), w) if rng.random() < 0.7 else w for w in text.split(" "))
    stripped = text.rstrip("?!. ")
    closer = rng.choice(_CLOSERS[language])
    if closer and closer[0] in "?!.":
        text = stripped + closer
    elif closer:
        text = text + closer
    roll = rng.random()
    if roll < 0.15:
        text = text.lower()
    elif roll < 0.2:
        text = text.upper()
    return text


def expand(slots: dict[str, list[str]], rows, variants: int = VARIANTS) -> list[dict]:
    """Every template expanded into up to ``variants`` distinct lines, with its split."""
    from webinar.screening.train import split_of

    out: list[dict] = []
    seen: set[str] = set()
    for template, category, label, language in rows:
        seed = int(hashlib.sha1(template.encode("utf-8"), usedforsecurity=False).hexdigest()[:8], 16)
        rng = random.Random(seed)  # noqa: S311  # nosec B311 - reproducible variety, not security
        split = split_of(template)
        for k in range(variants):
            text = _SLOT.sub(lambda m, rng=rng: rng.choice(slots[m.group(1)]), template)
            if k:  # the first variant keeps the template's own wording
                text = _vary(text, language, rng)
            key = text.casefold()
            if key in seen:
                continue
            seen.add(key)
            out.append({"text": text, "label": label, "category": category, "language": language,
                        "split": split})  # fmt: skip
    return out


def load(split: str | None = None, path: Path = OUTPUT) -> list[dict]:
    """The rows of ``dewan_comments.jsonl`` (of one split when given)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    slots, rows = parse()
    lines = expand(slots, rows)
    with open(args.out, "w", encoding="utf-8") as fh:
        for row in lines:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in lines:
        counts[row["split"]] = counts.get(row["split"], 0) + 1
    print(f"{len(rows)} templates -> {len(lines)} lines {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
