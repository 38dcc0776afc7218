"""Masking personal data in question text: what "publish anyway" publishes (docs/screening.md).

Pure functions, no database: the spans come from the screening verdict stored on the question.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MASK = "•"
# Mobile and landline prefixes (``012``, ``03``) say nothing about the person: keep them readable.
_KEEP_LEADING = {"phone": 3}
KINDS = {
    "phone": _("phone number"),
    "mykad": _("MyKad number"),
    "email": _("e-mail address"),
    "card": _("card number"),
    "address": _("address"),
}


def _mask_span(span: str, keep: int) -> str:
    out = []
    for char in span:
        if char.isalnum():
            out.append(char if keep > 0 else MASK)
            keep -= 1
        else:
            out.append(char)
    return "".join(out)


def mask_personal_data(text: str, reasons: list[dict] | None) -> tuple[str, list[str]]:
    """Mask the personal-data spans screening found in ``text``.

    ``reasons`` are the verdict's reasons (``{"code": "pii.phone", "category": "personal_data",
    "start": 14, "end": 26, ...}``, offsets in characters of ``text``). Letters and digits in each
    span become ``•`` (a phone number keeps its 3-digit prefix: ``012-345 6789`` → ``012-••• ••••``);
    spaces and punctuation stay. Returns the masked text and the sorted kinds masked (``phone``,
    ``mykad``, ``email``, ``card``, ``address``); the text is unchanged when there is nothing to mask.
    """
    spans = []
    for reason in reasons or ():
        if reason.get("category") != "personal_data":
            continue
        start, end = reason.get("start"), reason.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
            continue
        kind = str(reason.get("code", "")).removeprefix("pii.") or "personal_data"
        spans.append((start, end, kind))
    if not spans:
        return text, []
    chars = list(text)
    for start, end, kind in sorted(spans):
        chars[start:end] = _mask_span("".join(chars[start:end]), _KEEP_LEADING.get(kind, 0))
    return "".join(chars), sorted({kind for _s, _e, kind in spans})


def masked_labels(kinds: list[str]) -> list[str]:
    """What was hidden, in the active language (``["phone number"]``), for the author's own view."""
    return [str(KINDS.get(kind, _("personal data"))) for kind in kinds]
