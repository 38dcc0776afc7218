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
    "site_domain",
]


def _lines(value) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        value = value.splitlines()
    return tuple(line.strip() for line in value if line and line.strip())


def site_domain(value: str) -> str:
    """A site as the trusted-sites list keeps it: lower case, without a scheme, "www.", path or port
    ("https://www.Example.org.my/page" -> "example.org.my"); "" for a line that names no domain."""
    host = value.strip().lower()
    for prefix in ("https://", "http://", "www."):
        host = host.removeprefix(prefix)
    host = host.split("/", 1)[0].split(":", 1)[0].strip(".")
    return host if "." in host and " " not in host and "@" not in host else ""


def _own_hosts() -> tuple[str, ...]:
    """The deployment's own hosts (``ALLOWED_HOSTS``, without wildcards, local names and addresses): its own
    links are trusted like the listed public services."""
    from django.conf import settings

    out = []
    for host in getattr(settings, "ALLOWED_HOSTS", ()):
        domain = site_domain(host)
        if domain and not domain.replace(".", "").isdigit() and domain not in ("localhost", "testserver"):
            out.append(domain)
    return tuple(out)


def policy_from_settings(settings_obj) -> Policy:
    """A Policy from a ``ScreeningSettings``-like object (duck-typed; None gives the defaults). The trusted
    sites are the webinar's own list and the deployment's own hosts."""
    from webinar.screening.pipeline import CATEGORIES, Policy

    own = _own_hosts()
    if settings_obj is None:
        return Policy(trusted_sites=own)
    sites = tuple(d for d in map(site_domain, _lines(getattr(settings_obj, "trusted_sites", ""))) if d)
    actions = getattr(settings_obj, "category_actions", None) or {}
    return Policy(
        strictness=getattr(settings_obj, "strictness", None) or "standard",
        blocked_terms=_lines(getattr(settings_obj, "blocked_terms", "")),
        allowed_terms=_lines(getattr(settings_obj, "allowed_terms", "")),
        link_policy=getattr(settings_obj, "link_policy", None) or "hold",
        trust_listed_sites=bool(getattr(settings_obj, "trust_listed_sites", True)),
        trusted_sites=tuple(dict.fromkeys(sites + own)),
        hold_all=bool(getattr(settings_obj, "hold_all", False)),
        hold_first_time=bool(getattr(settings_obj, "hold_first_time", False)),
        category_actions={str(k): str(v) for k, v in dict(actions).items() if k in CATEGORIES},
        shadow=bool(getattr(settings_obj, "shadow_mode", False)),
    )
