"""The languages Dewan speaks: ``settings.LANGUAGES`` is the one list (English and Bahasa Malaysia today).

Model fields take ``language_choices`` as a callable, so the list is read when used, never at import,
and a language added to the settings needs no migration.
"""

from __future__ import annotations

from django.conf import settings


def language_choices() -> list[tuple[str, str]]:
    """``[(code, name), ...]`` in the order of ``settings.LANGUAGES``."""
    return [(code, str(name)) for code, name in settings.LANGUAGES]


def language_supported(code: str | None) -> bool:
    """True when ``code`` is one of the site's languages."""
    return any(code == supported for supported, _name in settings.LANGUAGES)
