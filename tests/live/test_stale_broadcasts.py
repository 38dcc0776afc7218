"""A socket never receives a sequenced event at or below the cursor its ``sync`` reply brought it to.

Broadcasts reach a process's hub late: the channel layer (Redis pub/sub) queues them, another process
published them, a busy loop has not read them yet. A broadcast sent before "delete my data" that
reaches the hub after a new socket's replay was read is a copy of words the event log no longer holds:
the replay holds the rewritten event under the same sequence number. These tests delay the layer's
delivery to the real hub (``Hub.deliver``, called later with the same message) and check what every
socket then receives (docs/protocol.md, "`sync`"; docs/privacy.md).
"""

from __future__ import annotations

import asyncio
import json

import pytest

from realtime import protocol
from realtime.broadcast import PUBLIC, STAFF, Hub
from tests.live.conftest import screen_as
from tests.live.helpers import TIMEOUT, db
from tests.live.test_sync import ask_as, control
from webinar.models import Registration
from webinar.services.moderation import question_edit, question_reject
from webinar.services.privacy import attendee_data_delete

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = ("Zebracrossing", "Quokkafeelings", "012-345 6789", "Aisyah")


class LateLayer:
    """The layer's delivery to this process's hub, with sequenced broadcasts kept back while ``late``.

    ``heard`` records every sequenced broadcast the hub was handed; ``deliver_late`` hands the kept
    ones to the real ``Hub.deliver``, as a delayed layer would, and returns them.
    """

    def __init__(self, monkeypatch):
        self.late = False
        self.kept: list[tuple[Hub, dict]] = []
        self.heard: list[tuple[Hub, dict]] = []
        self.deliver = Hub.deliver

        def deliver(hub: Hub, message: dict) -> None:
            if message.get("kind") in (PUBLIC, STAFF):
                if self.late:
                    self.kept.append((hub, message))
                    return
                self.heard.append((hub, message))
            self.deliver(hub, message)

        monkeypatch.setattr(Hub, "deliver", deliver)

    def kept_texts(self) -> str:
        return "\n".join(message["text"] for _hub, message in self.kept)

    async def wait_kept(self, *needles: str) -> None:
        """Until the broadcasts kept back hold every one of ``needles`` (the layer is asynchronous)."""
        for _ in range(int(TIMEOUT / 0.02)):
            if all(needle in self.kept_texts() for needle in needles):
                return
            await asyncio.sleep(0.02)
        raise AssertionError(f"the hub was never handed {needles}: {self.kept_texts()}")

    def deliver_late(self) -> list[dict]:
        kept, self.kept, self.late = self.kept, [], False
        for hub, message in kept:
            self.deliver(hub, message)
        return [message for _hub, message in kept]


def sequenced(messages: list[dict]) -> list[tuple[str, int]]:
    return [(m["stream"], m["seq"]) for m in messages if "stream" in m and "seq" in m]


async def edited_rejected_then_deleted(room, sockets, monkeypatch) -> LateLayer:
    """Aisyah's published question edited and her held one rejected, their broadcasts (and the
    deletion's) kept back by the layer; then "delete my data" committed."""
    layer = LateLayer(monkeypatch)
    screen_as(monkeypatch, "publish")
    aisyah = await sockets.attendee(room.aisyah)
    published = await aisyah.request(
        {"type": "ask", "client_key": "a", "text": "Zebracrossing, 012-345 6789?"}
    )
    screen_as(monkeypatch, "hold")
    held = await aisyah.request({"type": "ask", "client_key": "b", "text": "Quokkafeelings"})
    layer.late = True
    await db(question_edit)(
        actor=room.host,
        webinar_id=room.webinar.pk,
        question_id=published["question"]["id"],
        text="Zebracrossing, edited",
    )
    await db(question_reject)(
        actor=room.host,
        webinar_id=room.webinar.pk,
        question_id=held["question"]["id"],
        reason="Quokkafeelings",
    )
    await db(attendee_data_delete)(registration=await db(Registration.objects.get)(pk=room.aisyah.pk))
    # The fault fires: the hub holds copies of her words, sent before the deletion, still to deliver.
    await layer.wait_kept("Zebracrossing, edited", "Quokkafeelings", "Aisyah")
    return layer


async def test_a_broadcast_sent_before_a_deletion_and_delivered_after_a_replay_never_reaches_the_socket(
    room, sockets, monkeypatch
):
    layer = await edited_rejected_then_deleted(room, sockets, monkeypatch)
    ben = await sockets.attendee(room.ben, sync=False)
    replay = await ben.sync(since=0)
    host = await sockets.host(room.webinar, room.host, sync=False)
    staff_replay = await host.sync(since=0, staff_since=0)
    assert (replay["type"], staff_replay["type"]) == ("synced", "synced")

    late = [json.loads(message["text"]) for message in layer.deliver_late()]
    ben_late, host_late = await ben.collect(), await host.collect()

    assert sequenced(late), "the layer delivered sequenced broadcasts to the hub after both replays"
    assert all(
        (m["stream"] == PUBLIC and m["seq"] <= replay["seq"])
        or (m["stream"] == STAFF and m["seq"] <= staff_replay["staff_seq"])
        for m in late
    ), "every late broadcast is at or below the cursor its socket's replay brought it to"
    assert (sequenced(ben_late), sequenced(host_late)) == ([], [])
    seen = json.dumps([ben.seen, host.seen], ensure_ascii=False)
    assert [word for word in WORDS if word in seen] == []


async def test_a_socket_that_has_not_synced_yet_is_sent_no_sequenced_event(room, sockets, monkeypatch):
    layer = await edited_rejected_then_deleted(room, sockets, monkeypatch)
    ben = await sockets.attendee(room.ben, sync=False)
    host = await sockets.host(room.webinar, room.host, sync=False)

    layer.deliver_late()  # between their welcome and their first sync
    assert (sequenced(await ben.collect()), sequenced(await host.collect())) == ([], [])
    await ben.sync(since=0)
    await host.sync(since=0, staff_since=0)

    seen = json.dumps([ben.seen, host.seen], ensure_ascii=False)
    assert [word for word in WORDS if word in seen] == []


async def test_a_broadcast_delivered_twice_reaches_each_socket_once_on_both_streams(
    room, sockets, publish_everything, monkeypatch
):
    layer = LateLayer(monkeypatch)
    host = await sockets.host(room.webinar, room.host)
    ben = await sockets.attendee(room.ben)
    await db(ask_as)(room.aisyah, "twice", "Asked once, delivered twice")
    await db(control)(room, "slow_mode", 5)
    staff_event = await host.receive_until(protocol.STAFF_QUESTION, stream=STAFF)
    public_event = await host.receive_until("webinar.settings")
    await ben.receive_until("webinar.settings")
    assert {m["kind"] for _hub, m in layer.heard} == {PUBLIC, STAFF}

    for hub, message in layer.heard:  # the layer hands the hub every broadcast a second time
        layer.deliver(hub, message)
    host_again, ben_again = await host.collect(), await ben.collect()

    assert (sequenced(host_again), sequenced(ben_again)) == ([], [])
    assert staff_event["seq"] >= 1 and public_event["seq"] >= 1


async def test_after_a_resync_the_socket_hears_only_events_above_its_new_cursors(
    room, sockets, publish_everything, monkeypatch
):
    layer = LateLayer(monkeypatch)
    host = await sockets.host(room.webinar, room.host)
    await db(control)(room, "slow_mode", 5)
    first = await host.receive_until("webinar.settings")
    layer.late = True
    await db(control)(room, "slow_mode", 6)  # in the layer when the host syncs
    await layer.wait_kept('"slow_mode_seconds":6')
    synced = await host.sync(since=first["seq"], staff_since=host.snapshot["staff_seq"])
    assert synced["seq"] == first["seq"] + 1  # the replay read it from the log

    layer.deliver_late()
    await db(control)(room, "slow_mode", 7)
    after = await host.receive_until("webinar.settings")

    assert after["seq"] == synced["seq"] + 1, "the late copy of the replayed event was dropped"
    assert [m["seq"] for m in host.seen if m.get("type") == "webinar.settings"] == [
        first["seq"],
        synced["seq"],
        after["seq"],
    ]
