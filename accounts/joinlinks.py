"""Personal signed links: join the live page or cancel a registration without a password.

A link carries the registration id and is signed with the project's secret key plus the
registration's ``join_secret``, so rotating that secret revokes every link sent before.
"""

from __future__ import annotations

from django.core import signing

_SALT = "dewan.joinlink"


def make_token(*, registration_id: int, join_secret: str, purpose: str) -> str:
    return signing.dumps(
        {"r": registration_id, "s": join_secret[:8], "p": purpose}, salt=_SALT, compress=True
    )


def read_token(token: str, *, purpose: str) -> tuple[int, str] | None:
    """Return (registration id, secret prefix) if the token is genuine and for ``purpose``."""
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("p") != purpose:
        return None
    try:
        return int(data["r"]), str(data["s"])
    except (KeyError, TypeError, ValueError):
        return None
