"""Host commands carry ``client_key`` like ``ask`` and ``vote``; a host command that changes nothing is
acknowledged without an event (no sequence number used, no audit row)."""

from __future__ import annotations

import pytest

from tests.live.helpers import db
from tests.live.test_moderating import ask_as, moderate
from webinar.models import AuditEntry, WebinarEvent

pytestmark = pytest.mark.django_db(transaction=True)


async def _events() -> int:
    return await db(WebinarEvent.objects.count)()


async def test_a_host_command_echoes_its_client_key_in_the_ack_and_in_errors(
    room, sockets, publish_everything
):
    question_id = await db(ask_as)(room.aisyah, "k")
    host = await sockets.host(room.webinar, room.host)
    ack = await host.request({**moderate("pin", question_id), "client_key": "host-1"})
    assert (ack["type"], ack["client_key"]) == ("ack", "host-1")
    error = await host.request({**moderate("pin", 999_999), "client_key": "host-2"})
    assert (error["type"], error["client_key"]) == ("error", "host-2")
    control = await host.request({"type": "slow_mode", "seconds": 30, "client_key": "host-3"})
    assert control["client_key"] == "host-3"


@pytest.mark.parametrize(
    "frame",
    [
        lambda q: moderate("unpin", q),
        lambda q: moderate("unanswer", q),
        lambda q: {"type": "slow_mode", "seconds": 0},
        lambda q: {"type": "resume"},
    ],
    ids=["unpin-unpinned", "unanswer-unanswered", "slow-mode-0-at-0", "resume-when-running"],
)
async def test_a_host_command_that_changes_nothing_is_acked_without_an_event(
    room, sockets, publish_everything, frame
):
    question_id = await db(ask_as)(room.aisyah, "n")
    host = await sockets.host(room.webinar, room.host)
    events, audits = await _events(), await db(AuditEntry.objects.count)()
    ack = await host.request({**frame(question_id), "client_key": "noop"})
    assert (ack["type"], ack["client_key"]) == ("ack", "noop")
    assert await _events() == events, "no sequence number used"
    assert await db(AuditEntry.objects.count)() == audits


async def test_pinning_twice_uses_one_event(room, sockets, publish_everything):
    question_id = await db(ask_as)(room.aisyah, "p")
    host = await sockets.host(room.webinar, room.host)
    await host.request(moderate("pin", question_id))
    events = await _events()
    assert (await host.request(moderate("pin", question_id)))["type"] == "ack"
    assert await _events() == events
