"""ASGI middleware for the websocket stack."""

from __future__ import annotations

from functools import partial

from channels.auth import AuthMiddleware, get_user
from channels.sessions import CookieMiddleware, SessionMiddleware
from django.utils.functional import SimpleLazyObject

SERVER_SEND = "dewan.server_send"


class ServerSendMiddleware:
    """Keep the server's own ``send`` in the scope, so fan-out writes skip the layers in between.

    Channels' session middleware wraps ``send`` to set cookies on HTTP responses; for websocket
    frames it only forwards. Broadcasts are the hot path (one call per viewer per event), so the
    consumer hands this ``send`` to its listener instead (docs/scaling.md).
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        return await self.app({**scope, SERVER_SEND: send}, receive, send)


class DeferredAuthMiddleware(AuthMiddleware):
    """Channels' ``AuthMiddleware``, except that the user is read where it is first used.

    The stock middleware reads the session and the user in a database call of its own, on the one
    thread that ``database_sync_to_async`` shares: in a connect storm every viewer queues there.
    Here ``scope["user"]`` is a lazy object that does the same read (``channels.auth.get_user``)
    inside the consumer's first database call (``identify.identify_sockets``), which runs on the
    thread pool. It must never be touched on the event loop before that call.
    """

    async def resolve_scope(self, scope):
        scope["user"] = SimpleLazyObject(partial(get_user.func, scope))


def LiveAuthMiddlewareStack(inner):
    return CookieMiddleware(SessionMiddleware(DeferredAuthMiddleware(inner)))


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin_tuple(scheme: str, netloc: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of ``scheme://netloc``, the port defaulted; None if it does not parse."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(f"{scheme}://{netloc}")
        port = parts.port or _DEFAULT_PORTS.get(scheme)
    except ValueError:
        return None
    if not parts.hostname or port is None:
        return None
    return scheme, parts.hostname.lower(), port


def expected_origin(scope) -> tuple[str, str, int] | None:
    """The origin of the page that may open this socket: this site's scheme, host and port.

    The host and port are the request's ``Host`` header (which must be in ALLOWED_HOSTS); the
    scheme is https for ``wss``, or when a trusted proxy (``DEWAN_TRUSTED_PROXIES``) says
    ``X-Forwarded-Proto: https``.
    """
    from django.conf import settings
    from django.http.request import split_domain_port, validate_host

    headers = dict(scope.get("headers") or [])
    host = headers.get(b"host", b"").decode("latin-1").strip()
    domain, _port = split_domain_port(host)
    if not host or not validate_host(domain, settings.ALLOWED_HOSTS):
        return None
    secure = scope.get("scheme") == "wss"
    peer = (scope.get("client") or ("",))[0]
    if peer in settings.DEWAN_TRUSTED_PROXIES:
        secure = secure or headers.get(b"x-forwarded-proto", b"").decode("latin-1").strip() == "https"
    return _origin_tuple("https" if secure else "http", host)


class SameOriginValidator:
    """Open a websocket only for a page of this very site: scheme, host and port must all match.

    Channels' ``AllowedHostsOriginValidator`` compares host names only, so a page on another port of
    the same host (another local service) could open a host socket with the host's cookies. Origins
    listed in ``CSRF_TRUSTED_ORIGINS`` are accepted too, exactly.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        from channels.security.websocket import WebsocketDenier

        if scope["type"] == "websocket" and not origin_allowed(scope):
            return await WebsocketDenier()(scope, receive, send)
        return await self.app(scope, receive, send)


def origin_allowed(scope) -> bool:
    """Whether a websocket's ``Origin`` is this very site, or exactly one of ``CSRF_TRUSTED_ORIGINS``."""
    from django.conf import settings

    origin = dict(scope.get("headers") or []).get(b"origin", b"").decode("latin-1").strip()
    scheme, _, netloc = origin.partition("://")
    given = _origin_tuple(scheme.lower(), netloc) if netloc else None
    if given is None:
        return False
    if given == expected_origin(scope):
        return True
    trusted = {
        _origin_tuple(*item.split("://", 1)) for item in settings.CSRF_TRUSTED_ORIGINS if "://" in item
    }
    return given in trusted
