"""ASGI middleware for the websocket stack."""

from __future__ import annotations

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
