"""The per-process hub and its listeners: ordering, audiences, coalescing, slow consumers (R1, R2)."""

from __future__ import annotations

import asyncio
import json

import pytest

from realtime import protocol
from realtime.broadcast import PERSONAL, PUBLIC, STAFF, VOTES, Hub, Listener

# Transport tests: the hub is fed synthetic payloads, not protocol messages.
pytestmark = pytest.mark.raw_messages

WEBINAR = 41


class Inbox:
    """A socket's ASGI send that records the texts it was given, optionally stuck."""

    def __init__(self, *, stuck: bool = False):
        self.texts: list[str] = []
        self.unstick = asyncio.Event()
        if not stuck:
            self.unstick.set()

    async def __call__(self, event: dict) -> None:
        await self.unstick.wait()
        self.texts.append(event["text"])

    @property
    def messages(self) -> list[dict]:
        return [json.loads(text) for text in self.texts]


@pytest.fixture
async def hub():
    hub = Hub(asyncio.get_running_loop())
    yield hub
    await hub.close()


async def settle(seconds: float = 0.05) -> None:
    await asyncio.sleep(seconds)


def event(seq: int, stream: str = PUBLIC) -> dict:
    message = protocol.event_message(type="question.updated", seq=seq, stream=stream, payload={"n": seq})
    return {"w": WEBINAR, "kind": stream, "text": protocol.dumps(message)}


async def listen(hub: Hub, *, registration_id=None, staff=False, stuck=False, max_queue=512):
    inbox = Inbox(stuck=stuck)
    listener = Listener(inbox, registration_id=registration_id, staff=staff, max_queue=max_queue)
    await hub.join(WEBINAR, listener)
    return listener, inbox


async def test_events_reach_each_listener_once_in_order(hub):
    _listener, inbox = await listen(hub)
    for seq in range(1, 51):
        hub.deliver(event(seq))
    await settle()
    assert [m["seq"] for m in inbox.messages] == list(range(1, 51))


async def test_staff_events_reach_staff_listeners_only(hub):
    _a, attendee = await listen(hub, registration_id=1)
    _h, host = await listen(hub, staff=True)
    hub.deliver(event(1, STAFF))
    hub.deliver(event(1, PUBLIC))
    await settle()
    assert [m["stream"] for m in attendee.messages] == ["public"]
    assert [m["stream"] for m in host.messages] == ["staff", "public"]


async def test_personal_messages_reach_every_tab_of_that_attendee_only(hub):
    _t1, tab1 = await listen(hub, registration_id=7)
    _t2, tab2 = await listen(hub, registration_id=7)
    _o, other = await listen(hub, registration_id=8)
    hub.deliver({"w": WEBINAR, "kind": PERSONAL, "target": 7, "text": '{"type":"mine.question"}'})
    await settle()
    assert len(tab1.texts) == len(tab2.texts) == 1
    assert other.texts == []


async def test_messages_for_another_webinar_are_ignored(hub):
    _listener, inbox = await listen(hub)
    hub.deliver({**event(1), "w": WEBINAR + 1})
    await settle()
    assert inbox.texts == []


async def test_slow_consumer_is_told_to_resync_and_does_not_slow_others(hub):
    slow_listener, slow = await listen(hub, stuck=True, max_queue=5)
    _fast_listener, fast = await listen(hub)
    for seq in range(1, 101):
        hub.deliver(event(seq))
    await settle()
    assert [m["seq"] for m in fast.messages] == list(range(1, 101))  # not held back by the slow one
    assert slow.texts == []

    slow.unstick.set()
    await settle()
    # The first frame was already in the writer's hands; the rest were dropped for one resync.
    assert [m.get("seq", m["type"]) for m in slow.messages][-1] == "resync"
    assert slow.messages[-1] == {"type": "resync", "reason": "slow_consumer"}
    assert len(slow.messages) <= 2

    hub.deliver(event(101))  # still overflowed: nothing until the client syncs
    await settle()
    assert slow.messages[-1]["type"] == "resync"

    slow_listener.hold()
    slow_listener.release([{"type": "synced", "seq": 100}])
    hub.deliver(event(101))
    await settle()
    assert [m["type"] for m in slow.messages[-2:]] == ["synced", "question.updated"]


async def test_broadcasts_held_during_a_sync_follow_the_reply(hub):
    listener, inbox = await listen(hub)
    listener.hold()
    hub.deliver(event(5))
    listener.send_now({"type": "pong"})
    listener.release([{"type": "snapshot", "seq": 4}])
    await settle()
    assert [m["type"] for m in inbox.messages] == ["snapshot", "question.updated", "pong"]


async def test_vote_tallies_are_coalesced_to_the_newest_version(hub):
    _listener, inbox = await listen(hub)
    for version, count in [(1, 1), (2, 2), (4, 1), (3, 3)]:  # version 3 arrives late
        hub.deliver({"w": WEBINAR, "kind": VOTES, "q": 9, "n": count, "v": version})
    hub.deliver({"w": WEBINAR, "kind": VOTES, "q": 10, "n": 6, "v": 8})
    await settle(0.4)
    assert inbox.messages == [{"type": "votes", "counts": {"9": 1, "10": 6}}]


async def test_a_late_vote_tally_after_a_flush_is_not_sent(hub):
    _listener, inbox = await listen(hub)
    hub.deliver({"w": WEBINAR, "kind": VOTES, "q": 9, "n": 5, "v": 5})
    await settle(0.4)
    hub.deliver({"w": WEBINAR, "kind": VOTES, "q": 9, "n": 4, "v": 4})  # older, delayed elsewhere
    await settle(0.4)
    assert inbox.messages == [{"type": "votes", "counts": {"9": 5}}]


async def test_leaving_the_last_listener_forgets_the_room(hub):
    listener, _inbox = await listen(hub)
    await hub.leave(WEBINAR, listener)
    assert WEBINAR not in hub.rooms


async def test_published_text_never_contains_nan():
    assert protocol.dumps({"x": float("nan")}) == '{"x":null}'
