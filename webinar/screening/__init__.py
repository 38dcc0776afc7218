"""Automated comment screening for Dewan's live Q&A (no database access; see docs/screening.md).

The names below are loaded on first use (PEP 562), not when the package is imported: importing
``webinar.screening.messages`` (every page and socket that shows a reason does) must not compile the
rules (``rules.py``: ~0.6 CPU-s of ``re.compile``) nor load the model. A server process still loads them
all at start-up (webinar/startup.py) unless ``DEWAN_SCREENER_WARM_UP`` is off.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from webinar.screening.backends import get_backend
    from webinar.screening.model import ModelUnavailable
    from webinar.screening.pipeline import (
        ACTIONS,
        CATEGORIES,
        STRICTNESS,
        Context,
        Policy,
        Reason,
        ScreeningError,
        Verdict,
        screen,
        screen_many,
    )

# Each lazily exported name and the module it comes from.
_LAZY = {
    "get_backend": "webinar.screening.backends",
    "ModelUnavailable": "webinar.screening.model",
    **dict.fromkeys(
        (
            "ACTIONS",
            "CATEGORIES",
            "STRICTNESS",
            "Context",
            "Policy",
            "Reason",
            "ScreeningError",
            "Verdict",
            "screen",
            "screen_many",
        ),
        "webinar.screening.pipeline",
    ),
}


def __getattr__(name: str):
    """``webinar.screening.<name>`` for the names in ``_LAZY``, imported on first use (then cached)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "ACTIONS",
    "CATEGORIES",
    "STRICTNESS",
    "Context",
    "ModelUnavailable",
    "Policy",
    "Reason",
    "ScreeningError",
    "Verdict",
    "get_backend",
    "policy_from_settings",
    "screen",
    "screen_many",
]


def _lines(value) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        value = value.splitlines()
    return tuple(line.strip() for line in value if line and line.strip())


def policy_from_settings(settings_obj) -> Policy:
    """A Policy from a ``ScreeningSettings``-like object (duck-typed; None gives the defaults)."""
    from webinar.screening.pipeline import CATEGORIES, Policy

    if settings_obj is None:
        return Policy()
    actions = getattr(settings_obj, "category_actions", None) or {}
    return Policy(
        strictness=getattr(settings_obj, "strictness", None) or "standard",
        blocked_terms=_lines(getattr(settings_obj, "blocked_terms", "")),
        allowed_terms=_lines(getattr(settings_obj, "allowed_terms", "")),
        link_policy=getattr(settings_obj, "link_policy", None) or "hold",
        hold_all=bool(getattr(settings_obj, "hold_all", False)),
        hold_first_time=bool(getattr(settings_obj, "hold_first_time", False)),
        category_actions={str(k): str(v) for k, v in dict(actions).items() if k in CATEGORIES},
        shadow=bool(getattr(settings_obj, "shadow_mode", False)),
    )
