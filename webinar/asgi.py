"""ASGI entry: Django for HTTP, Channels for the live websocket (origin-checked, session-authenticated)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402  (Django must be set up first)
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from realtime.middleware import LiveAuthMiddlewareStack, ServerSendMiddleware  # noqa: E402
from realtime.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": ServerSendMiddleware(
            AllowedHostsOriginValidator(LiveAuthMiddlewareStack(URLRouter(websocket_urlpatterns)))
        ),
    }
)
