"""ASGI entry: Django for HTTP; the live websocket (same-origin only, session-authenticated) through
its own entry, the other websockets through Channels' stack."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402  (Django must be set up first)

from realtime.entry import LiveEntry  # noqa: E402
from realtime.middleware import LiveAuthMiddlewareStack, SameOriginValidator, ServerSendMiddleware  # noqa: E402
from realtime.routing import websocket_urlpatterns  # noqa: E402
from realtime.runtime import RealtimeApp  # noqa: E402
from webinar.startup import server_process_start  # noqa: E402

routes = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        # The live socket has an entry of its own (no middleware chain, realtime/entry.py); the
        # campaign socket and unknown paths take Channels' stack.
        "websocket": LiveEntry(
            ServerSendMiddleware(
                SameOriginValidator(LiveAuthMiddlewareStack(URLRouter(websocket_urlpatterns)))
            ),
            route=websocket_urlpatterns[0],
        ),
    }
)
# The lifespan (start-up: the screener loaded and frozen out of the collector's scans, the embedded
# default's sweep of checking questions started, webinar/startup.py;
# shutdown stops this process's realtime runtime) and each connection's serving loop.
application = RealtimeApp(routes, on_startup=server_process_start)
