"""R14: per-attendee limit and slow mode answer retry_after and create nothing; tabs share a bucket;
hosts are exempt (they do not ask through the attendee path at all)."""

from __future__ import annotations

import pytest

from tests.live.helpers import db

pytestmark = pytest.mark.django_db(transaction=True)


async def test_r14_over_the_limit_from_two_tabs_gets_retry_after_and_stores_nothing(
    room, sockets, publish_everything, settings, rate_window_held
):
    from webinar.models import Question

    settings.DEWAN_QUESTION_RATE = "2/60"
    tab1 = await sockets.attendee(room.aisyah)
    tab2 = await sockets.attendee(room.aisyah)
    assert (await tab1.request({"type": "ask", "client_key": "a", "text": "One?"}))["type"] == "ack"
    assert (await tab2.request({"type": "ask", "client_key": "b", "text": "Two?"}))["type"] == "ack"

    refused = await tab1.request({"type": "ask", "client_key": "c", "text": "Three?"})

    assert (refused["code"], refused["client_key"]) == ("rate_limited", "c")
    assert refused["retry_after"] > 0
    assert await db(Question.objects.filter(client_key="c").exists)() is False
    ben = await sockets.attendee(room.ben)  # another attendee has their own bucket
    assert (await ben.request({"type": "ask", "client_key": "c", "text": "Mine?"}))["type"] == "ack"


async def test_r14_slow_mode_applies_to_attendees_and_not_to_host_commands(room, sockets, publish_everything):
    host = await sockets.host(room.webinar, room.host)
    assert (await host.request({"type": "slow_mode", "seconds": 60}))["type"] == "ack"
    aisyah = await sockets.attendee(room.aisyah)
    first = await aisyah.request({"type": "ask", "client_key": "a", "text": "First?"})
    second = await aisyah.request({"type": "ask", "client_key": "b", "text": "Second?"})
    assert first["type"] == "ack"
    assert (second["code"], second["retry_after"] > 0) == ("slow_mode", True)
    for _ in range(3):  # hosts moderate at any pace
        assert (await host.request({"type": "pin", "question_id": first["question"]["id"]}))["type"] in {
            "ack",
            "error",
        }
    assert (await host.request({"type": "slow_mode", "seconds": 0}))["type"] == "ack"
