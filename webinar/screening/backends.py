"""Screening backends: which screener ``question_submit`` calls is chosen in settings, like the presence
store (``DEWAN_SCREENING_BACKEND``, a dotted path). The default runs the real pipeline; tests that are
about something else select ``FixedVerdictBackend`` instead of patching a private function.

A backend has one method, ``screen(text=..., policy=..., context=...)``, returning the verdict as a
JSON-ready dict (``Verdict.as_dict()``'s shape). It may raise: the caller holds the question.
"""

from __future__ import annotations

from typing import Protocol

from webinar.screening.pipeline import Context, Policy

DEFAULT_BACKEND = "webinar.screening.backends.PipelineBackend"


class ScreeningBackend(Protocol):
    def screen(self, *, text: str, policy: Policy, context: Context) -> dict: ...


class PipelineBackend:
    """The screening pipeline of this package (normalise, rules, model, policy)."""

    def screen(self, *, text: str, policy: Policy, context: Context) -> dict:
        # Looked up on the package at call time, so a test that breaks ``webinar.screening.screen``
        # (R4: screening failure holds the question) reaches this backend too.
        from webinar import screening

        return screening.screen(text, policy=policy, context=context).as_dict()


class FixedVerdictBackend:
    """Every comment gets ``settings.DEWAN_SCREENING_FIXED_VERDICT`` (a dict with at least ``action``;
    missing keys get neutral values). For tests and demos about something other than screening."""

    def screen(self, *, text: str, policy: Policy, context: Context) -> dict:
        from django.conf import settings

        fixed = dict(getattr(settings, "DEWAN_SCREENING_FIXED_VERDICT", None) or {"action": "publish"})
        verdict = {
            "action": "publish",
            "categories": [],
            "reasons": [],
            "score": 0.0,
            "model_version": "fixed",
            "language": "en",
            "heads": {},
        }
        verdict.update(fixed)
        return verdict


def get_backend() -> ScreeningBackend:
    """The backend named by ``settings.DEWAN_SCREENING_BACKEND`` (the pipeline when unset)."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    return import_string(getattr(settings, "DEWAN_SCREENING_BACKEND", DEFAULT_BACKEND))()
