from django.urls import path

from realtime.campaign_consumer import CampaignConsumer
from realtime.consumers import LiveConsumer

websocket_urlpatterns = [
    path("ws/w/<slug:slug>/", LiveConsumer.as_asgi()),
    path("ws/c/<slug:slug>/", CampaignConsumer.as_asgi()),
]
