"""A host demoted mid-session stops hearing the staff stream on the same socket (RELIABILITY R8)."""

from __future__ import annotations

import pytest

from tests.live.conftest import screen_as
from tests.live.helpers import db
from webinar.models import WebinarRole
from webinar.services import questions as question_service

pytestmark = pytest.mark.django_db(transaction=True)


def ask_as(registration, key: str) -> int:
    return question_service.question_submit(
        webinar_id=registration.webinar_id, registration_id=registration.pk, client_key=key, text="A question"
    ).question.pk


async def test_demoted_host_stops_receiving_held_questions_after_the_next_heartbeat(
    room, sockets, monkeypatch
):
    screen_as(monkeypatch, "hold")
    host = await sockets.host(room.webinar, room.host)
    await db(ask_as)(room.aisyah, "before")
    assert (await host.receive_until("staff.question"))["data"]["question"]["status"] == "held"

    await db(WebinarRole.objects.filter(user=room.host).delete)()
    reply = await host.request({"type": "ping"})
    assert reply["code"] == "forbidden", "the heartbeat re-reads the role and says it is gone"

    await db(ask_as)(room.aisyah, "after")
    messages = await host.collect(timeout=0.5)
    assert not [m for m in messages if m.get("stream") == "staff"], messages
