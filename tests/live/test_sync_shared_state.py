"""A snapshot ``sync`` never hands out a shared state read that misses an event the socket already got.

A ``sync`` without ``since`` answers with the webinar's state shared by this process's viewers
(``realtime.broadcast.SharedState``). A read of it that was in flight when the socket began holding
broadcasts for its reply may predate an event the hub heard before that hold: the event went to the
socket before the snapshot, and a client replaces its state with the snapshot (docs/protocol.md,
"`sync` (client) and its reply"), so the snapshot must contain it. The read is made to wait, with
events, at the exact point where the event falls between the read and the hold.
"""

from __future__ import annotations

import asyncio
import threading

import pytest

from realtime.broadcast import get_hub
from tests.live.helpers import TIMEOUT, db
from tests.live.test_sync import control
from webinar import live_state

pytestmark = pytest.mark.django_db(transaction=True)


class HeldRead:
    """``live_state.shared_live_state`` whose first call reads the database, then waits for ``go``."""

    def __init__(self, monkeypatch):
        self.real = live_state.shared_live_state
        self.read = threading.Event()  # the held read has read the database
        self.go = threading.Event()
        self.calls = 0
        monkeypatch.setattr(live_state, "shared_live_state", self)

    def __call__(self, **kwargs):
        self.calls += 1
        first = self.calls == 1
        value = self.real(**kwargs)
        if first:
            self.read.set()
            assert self.go.wait(TIMEOUT), "the test never released the held read"
        return value


def requests_seen(monkeypatch) -> asyncio.Event:
    """Set once a socket asks the hub's shared state for a value (it then waits on any build in flight)."""
    shared = get_hub().shared
    real, asked = shared.get, asyncio.Event()

    async def get(*args, **kwargs):
        asked.set()
        return await real(*args, **kwargs)

    monkeypatch.setattr(shared, "get", get)
    return asked


def client_state(messages: list[dict]) -> tuple[int, int]:
    """``(cursor, slow_mode_seconds)`` of a client that applies ``messages`` as docs/protocol.md says:
    sequenced events before its first snapshot are ignored, the snapshot replaces everything, then
    events apply in order once (``seq == cursor + 1``)."""
    cursor, slow_mode = None, None
    for message in messages:
        if message["type"] == "snapshot":
            cursor, slow_mode = message["seq"], message["webinar"]["slow_mode_seconds"]
        elif message["type"] == "webinar.settings" and cursor is not None and message["seq"] == cursor + 1:
            cursor, slow_mode = message["seq"], message["data"]["slow_mode_seconds"]
    assert cursor is not None and slow_mode is not None, messages
    return cursor, slow_mode


async def test_an_event_heard_between_a_shared_read_and_the_sync_is_in_the_snapshot_or_after_it(
    room, sockets, monkeypatch
):
    anchor = await sockets.attendee(room.aisyah)  # keeps the process subscribed; hears every event
    viewer = await sockets.attendee(room.ben, sync=False)  # joined, not holding: hears events directly
    other = await sockets.attendee(room.ben, sync=False)
    await db(control)(room, "slow_mode", 10)  # the state kept at connect is out of date: a new read
    changed = await anchor.receive_until("webinar.settings")

    held = HeldRead(monkeypatch)
    asked = requests_seen(monkeypatch)
    await other.send({"type": "sync"})  # begins the shared read, after ``viewer`` joined
    assert await asyncio.to_thread(held.read.wait, TIMEOUT)
    await db(control)(room, "slow_mode", 30)  # committed after that read: not in it
    event = await anchor.receive_until("webinar.settings", seq=changed["seq"] + 1)  # the hub heard it
    asked.clear()
    await viewer.send({"type": "sync"})  # holds from here, after the event went out
    await asyncio.wait_for(asked.wait(), TIMEOUT)  # its request waits on the read in flight
    held.go.set()

    assert (await other.receive_until("snapshot"))["seq"] == changed["seq"]  # the read it asked for
    messages = [await viewer.receive()]
    while messages[-1]["type"] != "snapshot":
        messages.append(await viewer.receive())
    await viewer.send({"type": "ping"})  # its pong follows whatever was held back for the snapshot
    while messages[-1]["type"] != "pong":
        messages.append(await viewer.receive())
    assert client_state(messages) == (event["seq"], 30)


async def test_a_read_in_flight_when_the_sync_began_is_still_shared_when_nothing_was_heard_since(
    room, sockets, monkeypatch
):
    anchor = await sockets.attendee(room.aisyah)
    viewer = await sockets.attendee(room.ben, sync=False)
    other = await sockets.attendee(room.ben, sync=False)
    await db(control)(room, "slow_mode", 10)
    changed = await anchor.receive_until("webinar.settings")

    held = HeldRead(monkeypatch)
    asked = requests_seen(monkeypatch)
    await other.send({"type": "sync"})
    assert await asyncio.to_thread(held.read.wait, TIMEOUT)
    asked.clear()
    await viewer.send({"type": "sync"})
    await asyncio.wait_for(asked.wait(), TIMEOUT)
    held.go.set()

    for live in (other, viewer):
        snapshot = await live.receive_until("snapshot")
        assert (snapshot["seq"], snapshot["webinar"]["slow_mode_seconds"]) == (changed["seq"], 10)
    assert held.calls == 1, "one read for both: the room stayed quiet while it ran"
