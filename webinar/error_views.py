"""Error pages a person can act on: the refused form (CSRF) in the site's own layout and language.

Django's own CSRF page is unstyled, in English jargon ("CSRF verification failed", "DEBUG=True") and
is what anyone meets who signs in or out in another tab while a form is open (signing in rotates the
token), or who sends a form left open for a long time. ``settings.CSRF_FAILURE_VIEW`` names ``csrf_failure``.
"""

from __future__ import annotations

from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme


def csrf_failure(request, reason: str = ""):
    """403 with ``templates/403_csrf.html``: what happened, what to do, and a way back.

    Args:
        reason: Django's technical reason (logged by Django's ``django.security.csrf`` logger, never shown).
    The way back is the ``Referer`` when it is a page of this site, else none (the page then offers the
    webinars list).
    """
    referer = request.META.get("HTTP_REFERER", "")
    back = (
        referer
        if referer
        and url_has_allowed_host_and_scheme(
            referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        else None
    )
    return render(request, "403_csrf.html", {"back": back}, status=403)
