"""R2: per-webinar sequence numbers; a reconnecting client gets exactly what it missed, once, in order."""

from __future__ import annotations

import pytest

from tests.live.helpers import db
from webinar.services import questions as question_service

pytestmark = pytest.mark.django_db(transaction=True)


def ask(registration, key: str) -> int:
    return question_service.question_submit(
        webinar_id=registration.webinar_id, registration_id=registration.pk, client_key=key, text=f"Q {key}?"
    ).question.pk


async def test_r02_receive_1_to_5_drop_three_happen_reconnect_with_5_receive_6_to_8_once(
    room, sockets, publish_everything, settings
):
    settings.DEWAN_QUESTION_RATE = "100/60"
    ben = await sockets.attendee(room.ben)
    start = ben.snapshot["seq"]
    for n in range(5):
        await db(ask)(room.aisyah, f"live{n}")
    live = [await ben.receive_until("question.published") for _ in range(5)]
    assert [m["seq"] for m in live] == list(range(start + 1, start + 6))
    last = live[-1]["seq"]
    await ben.comm.disconnect()

    for n in range(3):
        await db(ask)(room.aisyah, f"missed{n}")

    again = await sockets.attendee(room.ben, sync=False)
    await again.send({"type": "sync", "since": last})
    replay = [await again.receive() for _ in range(4)]
    assert [(m["type"], m.get("seq")) for m in replay] == [
        ("question.published", last + 1),
        ("question.published", last + 2),
        ("question.published", last + 3),
        ("synced", last + 3),
    ]
    await again.assert_nothing(timeout=0.5)  # nothing repeated after the replay


async def test_r02_a_client_that_sees_a_gap_gets_the_missing_event_by_sync(room, sockets, publish_everything):
    ben = await sockets.attendee(room.ben)
    start = ben.snapshot["seq"]
    await db(ask)(room.aisyah, "one")
    await db(ask)(room.aisyah, "two")
    first = await ben.receive_until("question.published")
    await ben.receive_until("question.published")
    # Pretend the second event was lost on the way: the client resyncs from the first.
    await ben.send({"type": "sync", "since": first["seq"]})
    replay = await ben.receive_until("question.published")
    synced = await ben.receive_until("synced")
    assert first["seq"] == start + 1
    assert replay["seq"] == start + 2
    assert synced["seq"] == start + 2
