"""A socket that cannot join its webinar's broadcasts (Redis down) is told so and closed to retry (R5)."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from realtime.broadcast import group_name
from tests.layers import SubscribeDownLayer, install_layer
from tests.live.helpers import attendee_session, communicator

pytestmark = pytest.mark.django_db(transaction=True)


async def test_join_failure_sends_unavailable_and_closes_with_try_again_later(room, settings):
    layer = install_layer(settings, SubscribeDownLayer)
    session_key = await database_sync_to_async(attendee_session)(room.aisyah)
    comm = communicator(room.webinar.slug, session_key=session_key)
    try:
        connected, _ = await comm.connect()
        assert connected
        message = await comm.receive_json_from()
        assert (message["type"], message["code"]) == ("error", "unavailable")
        closed = await comm.receive_output()
        assert closed == {"type": "websocket.close", "code": 1013}
    finally:
        await comm.disconnect()
    assert [group for group, _channel in layer.refused] == [group_name(room.webinar.pk)], (
        "no join was refused"
    )
