"""ASGI entry: Django for HTTP, Channels for the live websocket (same-origin only, session-authenticated)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402  (Django must be set up first)

from realtime.middleware import LiveAuthMiddlewareStack, SameOriginValidator, ServerSendMiddleware  # noqa: E402
from realtime.routing import websocket_urlpatterns  # noqa: E402
from realtime.runtime import RealtimeApp  # noqa: E402

routes = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": ServerSendMiddleware(
            SameOriginValidator(LiveAuthMiddlewareStack(URLRouter(websocket_urlpatterns)))
        ),
    }
)
# The lifespan (shutdown stops this process's realtime runtime) and each connection's serving loop.
application = RealtimeApp(routes)
