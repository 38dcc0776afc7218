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


def language_cookie_set(response, language: str) -> None:
    """Make ``language`` this browser's interface language (Django's language cookie, with the
    settings the switcher uses)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )


def language_agree_on_sign_in(request, user, response):
    """After a sign-in, the page and the account speak one language; returns ``response``.

    The browser's choice (its language cookie: the switcher, or a join link opening the registrant's
    language) becomes the account's, as the switcher makes it (server-pushed text on the live pages,
    e-mails); a browser that chose none is given the account's. Without this, a host who picked
    Bahasa Malaysia before signing in read a Malay console with English screening reasons.
    """
    from accounts.services import user_language_set

    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if language_supported(chosen):
        user_language_set(user=user, language=chosen)
    elif language_supported(user.language):
        language_cookie_set(response, user.language)
    return response
