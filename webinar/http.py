"""HTTP helpers shared by views: the client address used for rate limits."""

from __future__ import annotations

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR, or the nearest untrusted X-Forwarded-For hop when the peer is a trusted proxy.

    A spoofed X-Forwarded-For from a direct client never changes the key (RELIABILITY R15).
    """
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    trusted = set(settings.DEWAN_TRUSTED_PROXIES)
    if remote not in trusted:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted:
            return hop
    return remote


def ratelimit_key(group, request) -> str:
    return client_ip(request)
