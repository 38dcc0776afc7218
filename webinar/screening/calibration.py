"""Organiser calibration: what Dewan would hold of an organiser's own labelled examples.

An organiser uploads examples (CSV with a header, or JSON lines) with ``text`` and ``label``
(``publish`` or ``hold``, as in docs/screening-guidelines.md) and optional ``category`` and ``language``.
``calibration_report`` screens them at every strictness under the organiser's other settings and
returns, per category and language, how many Dewan would hold at each strictness, with the misses at the
webinar's own strictness listed. Nothing is stored; no database access.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from webinar.screening.pipeline import STRICTNESS, Policy, screen_many

MAX_BYTES = 2 * 1024 * 1024
MAX_EXAMPLES = 5000
MAX_MISSES = 200
LABELS = ("publish", "hold")


class CalibrationError(ValueError):
    """The upload cannot be read; ``message`` says where and why (shown to the organiser)."""

    def __init__(self, message: str, *, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: str  # "publish" or "hold"
    category: str
    language: str


def _example(item: dict, line: int) -> Example:
    text = str(item.get("text") or "").strip()
    label = str(item.get("label") or "").strip().lower()
    if not text:
        raise CalibrationError(_("Line %(line)d: the text is empty.") % {"line": line}, line=line)
    if label not in LABELS:
        message = _("Line %(line)d: the label must be publish or hold, not “%(label)s”.")
        raise CalibrationError(message % {"line": line, "label": label}, line=line)
    category = str(item.get("category") or "").strip() or ("benign" if label == "publish" else "harmful")
    return Example(text, label, category, str(item.get("language") or "").strip())


def parse_examples(data: bytes, filename: str = "") -> list[Example]:
    """Examples from an uploaded CSV (a header row naming ``text`` and ``label``) or JSON-lines file.

    Raises CalibrationError (too large, not UTF-8, malformed line, bad label, too many rows, empty)."""
    if len(data) > MAX_BYTES:
        raise CalibrationError(_("The file is larger than %(mb)d MB.") % {"mb": MAX_BYTES // (1024 * 1024)})
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CalibrationError(_("The file is not UTF-8 text.")) from exc
    jsonl = filename.lower().endswith((".jsonl", ".json", ".ndjson")) or text.lstrip().startswith("{")
    examples: list[Example] = []
    if jsonl:
        for line, raw in enumerate(text.splitlines(), 1):
            if not raw.strip():
                continue
            try:
                item = json.loads(raw)
            except ValueError as exc:
                message = _("Line %(line)d: not a JSON object.") % {"line": line}
                raise CalibrationError(message, line=line) from exc
            if not isinstance(item, dict):
                raise CalibrationError(_("Line %(line)d: not a JSON object.") % {"line": line}, line=line)
            examples.append(_example(item, line))
    else:
        reader = csv.DictReader(io.StringIO(text))
        fields = {f.strip().lower() for f in reader.fieldnames or []}
        if not {"text", "label"} <= fields:
            raise CalibrationError(_("The CSV needs a header row with text and label columns."), line=1)
        for row in reader:
            item = {(k or "").strip().lower(): v for k, v in row.items()}
            examples.append(_example(item, reader.line_num))
    if not examples:
        raise CalibrationError(_("The file has no examples."))
    if len(examples) > MAX_EXAMPLES:
        raise CalibrationError(_("At most %(n)d examples at a time.") % {"n": MAX_EXAMPLES})
    return examples


def calibration_report(*, examples: list[Example], policy: Policy) -> dict:
    """What Dewan would hold of ``examples`` at each strictness, under ``policy``'s other settings.

    Returns ``{"strictness": policy.strictness, "n": int, "groups": [{"category", "language", "label",
    "n", "held": {strictness: count}, "share_held": {strictness: 0-1}}...], "overall": {strictness:
    {"recall": 0-1 or None, "false_hold_rate": 0-1 or None}}, "misses": [{"text", "label", "category",
    "language", "action", "reasons"}...]}``. "share_held" is recall for rows labelled hold and the
    false-hold rate for rows labelled publish. Misses are rows whose decision at ``policy.strictness``
    disagrees with their label (at most MAX_MISSES)."""
    base = replace(policy, hold_all=False, hold_first_time=False, shadow=False)
    texts = [e.text for e in examples]
    verdicts = {s: screen_many(texts, policy=replace(base, strictness=s)) for s in STRICTNESS}
    groups: dict[tuple[str, str, str], dict] = {}
    for i, example in enumerate(examples):
        language = example.language or verdicts["standard"][i].language
        key = (example.category, language, example.label)
        group = groups.setdefault(key, {"category": key[0], "language": key[1], "label": key[2], "n": 0,
                                        "held": dict.fromkeys(STRICTNESS, 0)})  # fmt: skip
        group["n"] += 1
        for s in STRICTNESS:
            group["held"][s] += int(verdicts[s][i].action != "publish")
    for group in groups.values():
        group["share_held"] = {s: round(group["held"][s] / group["n"], 4) for s in STRICTNESS}
    overall = {}
    holds = [e.label == "hold" for e in examples]
    for s in STRICTNESS:
        held = [v.action != "publish" for v in verdicts[s]]
        pos = sum(holds)
        neg = len(holds) - pos
        caught = sum(1 for h, y in zip(held, holds, strict=True) if h and y)
        false = sum(1 for h, y in zip(held, holds, strict=True) if h and not y)
        overall[s] = {"recall": round(caught / pos, 4) if pos else None,
                      "false_hold_rate": round(false / neg, 4) if neg else None}  # fmt: skip
    misses = []
    for example, verdict in zip(examples, verdicts[policy.strictness], strict=True):
        if (verdict.action != "publish") != (example.label == "hold"):
            misses.append({"text": example.text, "label": example.label, "category": example.category,
                           "language": example.language or verdict.language, "action": verdict.action,
                           "reasons": [r.code for r in verdict.reasons]})  # fmt: skip
            if len(misses) >= MAX_MISSES:
                break
    return {
        "strictness": policy.strictness,
        "n": len(examples),
        "groups": sorted(groups.values(), key=lambda g: (g["label"], g["category"], g["language"])),
        "overall": overall,
        "misses": misses,
    }
