"""The campaign pages' websocket ``/ws/c/<slug>/``: read-only, it hears the pledge count live.

Transport only: it looks the campaign up (published, or its owner previewing), joins the process
``Hub`` in the campaign's room (``broadcast.campaign_room``) and sends the current count; the hub then
forwards coalesced ``pledge_count`` messages. Clients send nothing but ``ping`` (docs/protocol.md).
"""

from __future__ import annotations

import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.db import DatabaseError

from realtime import protocol
from realtime.broadcast import Listener, campaign_room, get_hub
from realtime.middleware import SERVER_SEND

log = logging.getLogger("dewan.realtime")
CLOSE_NOT_FOUND = 4404


class CampaignConsumer(AsyncWebsocketConsumer):
    channel_layer_alias = "__dewan_hub_only__"

    room: int | None = None
    listener: Listener | None = None

    async def connect(self):
        slug = self.scope["url_route"]["kwargs"]["slug"]
        await self.accept()
        try:
            found = await database_sync_to_async(_campaign_state)(slug, self.scope.get("user"))
        except DatabaseError:
            log.exception("database unavailable at campaign connect")
            await self.send(
                text_data=protocol.dumps(
                    protocol.error_message(protocol.ErrorCode.UNAVAILABLE, "Try again shortly.")
                )
            )
            await self.close()
            return
        if found is None:
            await self.send(
                text_data=protocol.dumps(
                    protocol.error_message(protocol.ErrorCode.NOT_FOUND, "No such campaign.")
                )
            )
            await self.close(code=CLOSE_NOT_FOUND)
            return
        campaign_id, count = found
        self.listener = Listener(
            self.scope.get(SERVER_SEND) or self.base_send, registration_id=None, staff=False
        )
        self.listener.hold()
        self.room = campaign_room(campaign_id)
        try:
            await get_hub().join(self.room, self.listener)
        except Exception:
            log.exception("could not join campaign %s", campaign_id)
            self.listener, self.room = None, None
            await self.close()
            return
        self.listener.release([protocol.pledge_count_message(campaign_id=campaign_id, count=count)])

    async def disconnect(self, code):
        if self.room is not None and self.listener is not None:
            await get_hub().leave(self.room, self.listener)

    async def receive(self, text_data=None, bytes_data=None):
        if self.listener is not None:
            self.listener.send_now(_reply(text_data))


def _reply(text: str | None) -> dict:
    """``pong`` for a ping; otherwise the parser's error, or ``read_only`` for any other command."""
    try:
        command = protocol.parse_command(text, max_bytes=settings.DEWAN_WS_MAX_FRAME_BYTES)
    except protocol.ProtocolError as exc:
        return exc.as_message()
    if isinstance(command, protocol.Ping):
        return dict(protocol.PONG)
    return protocol.error_message(protocol.ErrorCode.READ_ONLY, "This socket only listens.")


def _campaign_state(slug: str, user) -> tuple[int, int] | None:
    from webinar.campaigns import selectors

    campaign = selectors.campaign_get(slug=slug)
    if campaign is None or not (
        campaign.published or selectors.can_manage_campaign(user=user, campaign=campaign)
    ):
        return None
    pledge = selectors.pledge_for(campaign=campaign)
    return campaign.pk, selectors.pledge_count(pledge=pledge) if pledge else 0
