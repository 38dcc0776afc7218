"""The live socket's own way in: ``/ws/w/<slug>/`` without Channels' middleware chain.

Channels' websocket stack (origin check, cookies, session, auth, URL router) makes a copy of the
scope and keeps a suspended coroutine frame per layer, for the whole life of every socket, and its
session wrapper sits on every ``send``. A websocket never writes its session (Channels saves one
only on an HTTP response), so for the live socket all the chain does is: check the origin, find the
session cookie, make the session and the user lazy, and match the URL. ``LiveEntry`` does the first,
second and last in one frame and one scope copy, makes the session lazy, and runs ``LiveConsumer``
itself, which reads the user in its first database call; every other websocket path (the campaign
socket, an unknown path) goes through the stock chain unchanged.

The session is read in plain SQL (one primary-key read, no ORM query building) inside the
consumer's first database call, on the connect pool, and so is the user (``identify.identify_sockets``;
no lazy object, whose every attribute read costs a proxy call).
Nothing of it is touched on the event loop. docs/scaling.md (*The connect path*) has the figures.
"""

from __future__ import annotations

from importlib import import_module

from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.http.cookie import parse_cookie

from realtime.consumers import LiveConsumer
from realtime.middleware import SERVER_SEND, origin_allowed
from realtime.sessions import ConnectSessionStore

DB_SESSION_ENGINE = "django.contrib.sessions.backends.db"


def session_store_class():
    """The store for a live socket's session: the plain-SQL one for the database engine."""
    if settings.SESSION_ENGINE == DB_SESSION_ENGINE:
        return ConnectSessionStore
    return import_module(settings.SESSION_ENGINE).SessionStore


def session_cookie(scope) -> str | None:
    """The session cookie's value, parsed as Channels' ``CookieMiddleware`` does (the first header)."""
    for name, value in scope.get("headers") or ():
        if name == b"cookie":
            return parse_cookie(value.decode("latin1")).get(settings.SESSION_COOKIE_NAME)
    return None


class LiveEntry:
    """ASGI app for websockets: the live socket directly, anything else through ``fallback``.

    ``route`` is the live socket's ``path()`` from ``realtime.routing`` (matched as Channels'
    ``URLRouter`` matches it, against the path without ``root_path`` and leading slashes), so the
    URL is defined once.
    """

    def __init__(self, fallback, route):
        self.fallback = fallback
        self.pattern = route.pattern

    async def __call__(self, scope, receive, send):
        match = self._match(scope)
        if match is None:
            return await self.fallback(scope, receive, send)
        if not origin_allowed(scope):
            return await WebsocketDenier()(scope, receive, send)
        _rest, args, kwargs = match
        scope = {
            **scope,
            "url_route": {"args": args, "kwargs": kwargs},
            "session": session_store_class()(session_cookie(scope)),
            SERVER_SEND: send,
        }
        # No "user" yet: the consumer's first database call reads it (on the connect pool), never the loop.
        return await LiveConsumer()(scope, receive, send)

    def _match(self, scope):
        if scope["type"] != "websocket":
            return None
        path = scope.get("path") or ""
        root_path = scope.get("root_path", "")
        if root_path:
            if not path.startswith(root_path):
                return None
            path = path[len(root_path) :]
        return self.pattern.match(path.lstrip("/"))
