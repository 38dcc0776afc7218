"""Words for the codes Dewan stores (screening categories, languages), translated when shown.

Rows and reports keep the code (``self_harm``, ``ms``); pages, charts and PDFs call these functions at
display time, so each reader sees words in their own language and a corrected translation reaches old rows.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

CATEGORY_LABELS = {
    "profanity": _("Profanity"),
    "insult": _("Insults and harassment"),
    "hate": _("Hate"),
    "threat": _("Threats"),
    "sexual": _("Sexual content"),
    "self_harm": _("Self-harm"),
    "spam": _("Spam"),
    "link": _("Links"),
    "personal_data": _("Personal data"),
    "flood": _("Flooding"),
    "custom": _("Organiser's blocked terms"),
    "uncategorised": _("Uncategorised"),
    "none": _("None"),
    # The groups the screening calibration gives examples uploaded without a category
    # (webinar/screening/calibration.py: "benign" for a publish label, "harmful" for hold).
    "benign": _("Benign (no category)"),
    "harmful": _("Harmful (no category)"),
}

# The screening model's heads whose names are not categories (the others are: hate, sexual, self_harm, ...).
MODEL_HEAD_LABELS = {
    "abuse": _("Abusive language"),
}

LANGUAGE_LABELS = {
    "en": _("English"),
    "ms": _("Bahasa Malaysia"),
    "mixed": _("Mixed (Manglish)"),
    "unknown": _("Unknown"),
    "": _("Unknown"),
    "none": _("None"),
}


def category_label(code: str) -> str:
    """The screening category ``code`` in words, in the active language (the code itself if unknown)."""
    return str(CATEGORY_LABELS.get(code, code))


def language_label(code: str) -> str:
    """The language ``code`` (``en``, ``ms``, ``mixed``, ``unknown``) in words, in the active language."""
    return str(LANGUAGE_LABELS.get(code or "", code))
