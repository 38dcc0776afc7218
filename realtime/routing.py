from django.urls import path

from realtime.consumers import LiveConsumer

websocket_urlpatterns = [path("ws/w/<slug:slug>/", LiveConsumer.as_asgi())]
