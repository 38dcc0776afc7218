"""One spelling per mailbox, so the same person is recognised however they typed their address."""

from __future__ import annotations

import unicodedata

import idna


class InvalidEmail(ValueError):
    """The address has no local part or domain, or its domain is not a valid internationalised name."""


def email_normalise(email: str) -> str:
    """The canonical form of an e-mail address: the key registrations and accounts are matched by.

    NFC-normalised (a decomposed ``u`` + combining diaeresis becomes ``ü``), trimmed, lower-cased, and
    the domain written in its IDNA ASCII form (UTS #46 mapping, then punycode): ``attendee@münchen.de``,
    ``attendee@xn--mnchen-3ya.de`` and ``attendee@mu\\u0308nchen.de`` all give ``attendee@xn--mnchen-3ya.de``.
    Raises ``InvalidEmail``; it does not check the rest of the syntax (Django's ``validate_email`` does).
    """
    text = unicodedata.normalize("NFC", (email or "").strip())
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        raise InvalidEmail(email)
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError) as exc:
        raise InvalidEmail(email) from exc
    return f"{local.lower()}@{ascii_domain.lower()}"
