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
    inside the consumer's first database call (``live_state.viewer_identify``), which runs on the
    thread pool. It must never be touched on the event loop before that call.
    """

    async def resolve_scope(self, scope):
        scope["user"] = SimpleLazyObject(partial(get_user.func, scope))


def LiveAuthMiddlewareStack(inner):
    return CookieMiddleware(SessionMiddleware(DeferredAuthMiddleware(inner)))
