"""The campaign pages' websocket ``/ws/c/<slug>/``: read-only, it hears the pledge count live.

Transport only: it looks the campaign up (published, or its owner previewing), joins the process
``Hub`` in the campaign's room (``broadcast.campaign_room``) and sends the current count; the hub then
forwards coalesced ``pledge_count`` messages. Clients send nothing but ``ping`` (docs/protocol.md).

It is guarded as the live socket is (``realtime.guard``): the process's admission bound (1013 with
``retry_after_ms``), its address's connect rate and open sockets (4429; and HTTP 429 before the upgrade),
and a budget per socket for the frames it sends (4429). A campaign socket is caught up once its first
``pledge_count`` is queued, so it holds its admission slot only until then; its one read runs on the
connect pool (``consumers.connect_read``), where admission counts the reads waiting.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import DatabaseError

from realtime import budget, protocol
from realtime.admission import admission
from realtime.broadcast import Listener, campaign_room, get_hub
from realtime.consumers import connect_read, connect_reads_queued, over_budget_error, socket_gone_check
from realtime.guard import GuardedConsumer
from realtime.identify import SocketGone
from realtime.middleware import SERVER_SEND

log = logging.getLogger("dewan.realtime")
CLOSE_NOT_FOUND = 4404


class CampaignConsumer(GuardedConsumer):
    channel_layer_alias = "__dewan_hub_only__"

    room: int | None = None
    listener: Listener | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._bucket = budget.Bucket.from_rate(settings.DEWAN_WS_SOCKET_BUDGET)
        self._over = False  # over budget: frames still arriving are dropped unread

    async def connect(self):
        """Admission first: over the process's bound the socket is refused 1013 before anything is read;
        an admitted connect counts until its first ``pledge_count`` is queued or it is refused."""
        admit = admission()
        hint = admit.admit(self, connect_reads_queued())
        if hint is not None:
            await self.refuse_busy(hint, "Please retry shortly.")
            return
        caught_up = False
        try:
            caught_up = await self._connect()
        finally:
            admit.done(self, measured=caught_up)

    async def _connect(self) -> bool:
        """The admitted connect; whether it ended with the count sent."""
        if not await self.address_open("Too many connections from your network. Please wait."):
            return False
        slug = self.scope["url_route"]["kwargs"]["slug"]
        gone = socket_gone_check(self.scope.get(SERVER_SEND) or self.base_send)
        try:
            found = await connect_read(_campaign_state, gone=gone)(slug, self.scope.get("user"))
        except SocketGone:  # the client gave up before its turn: its disconnect cleans up
            return False
        except DatabaseError:
            log.exception("database unavailable at campaign connect")
            await self.accept()
            await self.send(
                text_data=protocol.dumps(
                    protocol.error_message(protocol.ErrorCode.UNAVAILABLE, "Try again shortly.")
                )
            )
            await self.close()
            return False
        await self.accept()
        if found is None:
            await self.send(
                text_data=protocol.dumps(
                    protocol.error_message(protocol.ErrorCode.NOT_FOUND, "No such campaign.")
                )
            )
            await self.close(code=CLOSE_NOT_FOUND)
            return False
        campaign_id, count = found
        self.listener = Listener(
            self.scope.get(SERVER_SEND) or self.base_send,
            registration_id=None,
            staff=False,
            closer=self._close_with,
        )
        self.listener.hold()
        self.room = campaign_room(campaign_id)
        try:
            await get_hub().join(self.room, self.listener)
        except Exception:
            log.exception("could not join campaign %s", campaign_id)
            self.listener, self.room = None, None
            await self.close()
            return False
        self.listener.release([protocol.pledge_count_message(campaign_id=campaign_id, count=count)])
        return True

    async def disconnect(self, code):
        self.address_close()
        if self.room is not None and self.listener is not None:
            await get_hub().leave(self.room, self.listener)

    async def receive(self, text_data=None, bytes_data=None):
        """Charge the frame to this socket's budget before anything else; over it, ``rate_limited``
        (with ``retry_after``) and close 4429, and what arrives after that is dropped unread."""
        if self.listener is None or self._over or self.listener.closed:
            return
        try:
            command = protocol.parse_command(text_data, max_bytes=settings.DEWAN_WS_MAX_FRAME_BYTES)
        except protocol.ProtocolError as exc:
            command_type, reply = None, exc.as_message()
        else:
            command_type, reply = command.type, _reply(command)
        wait = self._bucket.take(budget.cost_of(command_type))
        if wait:
            self._over = True
            error = over_budget_error(wait)
            self.listener.refuse(protocol.dumps(error), code=budget.CLOSE_OVER_BUDGET)
            return
        self.listener.send_now(reply)


def _reply(command: protocol.Command) -> dict:
    """``pong`` for a ping; ``read_only`` for any other command."""
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
