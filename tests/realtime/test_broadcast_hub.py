"""The fan-out path's promises: encode once, one subscription per process, direct writes, bounded backlogs."""

from __future__ import annotations

import asyncio
import json

import pytest
from channels.layers import get_channel_layer

from realtime import broadcast, protocol
from realtime.broadcast import PUBLIC, STAFF, VOTES, Hub, Listener

# Transport tests: the hub is fed synthetic payloads, not protocol messages.
pytestmark = pytest.mark.raw_messages

WEBINAR = 77


class Inbox:
    """A socket's ASGI send: records texts and closes; can be stuck (transport full) or broken (gone)."""

    def __init__(self, *, stuck: bool = False, broken: bool = False):
        self.texts: list[str] = []
        self.closes: list[tuple[int, str]] = []
        self.unstick = asyncio.Event()
        self.broken = broken
        if not stuck:
            self.unstick.set()

    async def __call__(self, event: dict) -> None:
        if self.broken:
            raise ConnectionResetError("socket gone")
        await self.unstick.wait()
        if event["type"] == "websocket.close":
            self.closes.append((event["code"], event["reason"]))
        else:
            self.texts.append(event["text"])

    @property
    def types(self) -> list[str]:
        return [json.loads(text).get("seq", json.loads(text)["type"]) for text in self.texts]


class FakeLayer:
    """Records what the hub and the publisher ask of the channel layer."""

    def __init__(self):
        self.group_adds: list[tuple[str, str]] = []
        self.group_discards: list[tuple[str, str]] = []
        self.sent: list[tuple[str, dict]] = []
        self.channels = 0

    async def new_channel(self, prefix: str = "") -> str:
        self.channels += 1
        return f"{prefix}{self.channels}"

    async def group_add(self, group: str, channel: str) -> None:
        self.group_adds.append((group, channel))

    async def group_discard(self, group: str, channel: str) -> None:
        self.group_discards.append((group, channel))

    async def group_send(self, group: str, message: dict) -> None:
        self.sent.append((group, message))

    async def receive(self, channel: str) -> dict:
        await asyncio.Event().wait()


@pytest.fixture
def layer(monkeypatch):
    fake = FakeLayer()
    monkeypatch.setattr(broadcast, "get_channel_layer", lambda *args: fake)
    return fake


@pytest.fixture
async def hub():
    hub = Hub(asyncio.get_running_loop())
    yield hub
    await hub.close()


def tick(seq: int) -> dict:
    message = protocol.event_message(type="question.created", seq=seq, stream=PUBLIC, payload={"id": seq})
    return {"w": WEBINAR, "kind": PUBLIC, "text": protocol.dumps(message)}


async def listen(hub: Hub, **kwargs) -> tuple[Listener, Inbox]:
    inbox = Inbox(stuck=kwargs.pop("stuck", False), broken=kwargs.pop("broken", False))
    status = kwargs.pop("status", "live")
    listener = Listener(inbox, registration_id=kwargs.pop("registration_id", None), staff=False, **kwargs)
    await hub.join(WEBINAR, listener)
    hub.greet(WEBINAR, listener, status=status)
    return listener, inbox


def test_publish_encodes_the_event_once_and_sends_one_group_message(layer, monkeypatch):
    calls = []
    real_dumps = protocol.dumps
    monkeypatch.setattr(protocol, "dumps", lambda message: calls.append(message) or real_dumps(message))
    message = protocol.event_message(type="question.created", seq=3, stream=PUBLIC, payload={"id": 1})

    broadcast.publish(webinar_id=WEBINAR, stream=PUBLIC, message=message)

    assert calls == [message]
    assert [(group, sent["text"]) for group, sent in layer.sent] == [
        (broadcast.group_name(WEBINAR), real_dumps(message))
    ]


async def test_the_hub_subscribes_once_per_webinar_however_many_viewers_join(layer, hub):
    listeners = [(await listen(hub))[0] for _ in range(50)]
    assert len(layer.group_adds) == 1
    assert layer.channels == 1

    for listener in listeners:
        await hub.leave(WEBINAR, listener)
    assert layer.group_discards == layer.group_adds


async def test_every_listener_is_handed_the_same_encoded_text(hub):
    inboxes = [(await listen(hub))[1] for _ in range(100)]
    message = tick(1)
    hub.deliver(message)
    assert all(inbox.texts[0] is message["text"] for inbox in inboxes)


async def test_an_idle_listener_is_written_at_once_without_a_writer_task(hub):
    listener, inbox = await listen(hub)
    hub.deliver(tick(1))
    assert inbox.types == [1]  # no await in between: the send ran inside deliver
    assert listener._writer is None


async def test_a_blocked_send_queues_what_follows_and_keeps_the_order(hub):
    listener, inbox = await listen(hub, stuck=True)
    for seq in range(1, 6):
        hub.deliver(tick(seq))
    assert listener._writer is not None
    inbox.unstick.set()
    await asyncio.sleep(0.01)
    assert inbox.types == [1, 2, 3, 4, 5]
    assert listener._writer is None

    hub.deliver(tick(6))  # idle again: direct
    assert inbox.types[-1] == 6


async def test_a_listener_past_its_bound_gets_one_resync_and_the_others_everything(hub):
    _slow_listener, slow = await listen(hub, stuck=True, max_queue=3)
    _fast_listener, fast = await listen(hub)
    for seq in range(1, 21):
        hub.deliver(tick(seq))
    assert fast.types == list(range(1, 21))

    slow.unstick.set()
    await asyncio.sleep(0.01)
    assert slow.types == [1, "resync"]  # the frame already in flight, then one resync


async def test_replies_are_never_dropped_even_when_broadcasts_are(hub):
    listener, inbox = await listen(hub, stuck=True, max_queue=1)
    for seq in range(1, 5):
        hub.deliver(tick(seq))
    listener.send_now({"type": "pong"})
    inbox.unstick.set()
    await asyncio.sleep(0.01)
    assert inbox.types == [1, "resync", "pong"]


async def test_a_broken_socket_stops_receiving_and_does_not_disturb_the_others(hub):
    broken_listener, _broken = await listen(hub, broken=True)
    _fine_listener, fine = await listen(hub)
    hub.deliver(tick(1))
    hub.deliver(tick(2))
    assert fine.types == [1, 2]
    assert broken_listener._closed


async def test_closing_a_listener_cancels_its_blocked_send(hub):
    listener, inbox = await listen(hub, stuck=True)
    hub.deliver(tick(1))
    writer = listener._writer
    await hub.leave(WEBINAR, listener)
    await asyncio.sleep(0)
    assert writer.cancelled()
    hub.deliver(tick(2))
    assert inbox.texts == []


async def test_a_rooms_first_viewer_waits_for_the_loops_first_count_and_a_newcomer_gets_the_last_sent(hub):
    """docs/protocol.md, ``presence`` after ``welcome``: only a room this process has sent a count to
    gives a newcomer that count at once; the room's first viewer waits for the once-a-second count."""
    _first, first = await listen(hub)
    assert first.texts == []  # no count sent to this room yet: nothing comes with the welcome

    hub.live_count_set(WEBINAR, 1)  # the presence loop's first count for the room
    _second, second = await listen(hub)

    assert [json.loads(text) for text in first.texts] == [{"type": "presence", "count": 1}]
    assert [json.loads(text) for text in second.texts] == [{"type": "presence", "count": 1}]


async def test_vote_tallies_reach_viewers_at_most_once_per_flush_interval(hub, monkeypatch):
    monkeypatch.setattr(broadcast, "VOTE_FLUSH_SECONDS", 0.05)
    _listener, inbox = await listen(hub)
    for version in range(1, 201):
        hub.deliver({"w": WEBINAR, "kind": VOTES, "q": 5, "n": version, "v": version})
        if version % 50 == 0:
            await asyncio.sleep(0.06)
    await asyncio.sleep(0.06)
    votes = [json.loads(text) for text in inbox.texts]
    assert len(votes) == 4  # 200 tallies, four flushes
    assert votes[-1] == {"type": "votes", "counts": {"5": 200}}


def test_consumers_have_no_channel_layer_of_their_own():
    from realtime.consumers import LiveConsumer

    assert get_channel_layer(LiveConsumer.channel_layer_alias) is None


# --- The shared connect state: one database read per change, never a stale one -----------------


class Builds:
    """A stand-in for the database read behind SharedState: counts reads, can be held open."""

    def __init__(self):
        self.calls = 0
        self.gate = asyncio.Event()
        self.gate.set()

    async def __call__(self) -> dict:
        self.calls += 1
        number = self.calls
        await self.gate.wait()
        return {"build": number}


async def test_viewers_connecting_together_share_one_read(hub):
    builds = Builds()
    builds.gate.clear()
    stamps = []
    for _ in range(50):
        await listen(hub)
        stamps.append(broadcast.stamp())
    waiting = [asyncio.ensure_future(hub.shared.get(WEBINAR, "en", s, builds)) for s in stamps]
    await asyncio.sleep(0.01)
    builds.gate.set()
    values = await asyncio.gather(*waiting)
    assert builds.calls == 1
    assert values == [{"build": 1}] * 50


async def test_what_the_hub_hears_invalidates_the_shared_state_and_personal_messages_do_not(hub):
    builds = Builds()
    await listen(hub)
    since = broadcast.stamp()
    assert await hub.shared.get(WEBINAR, "en", since, builds) == {"build": 1}
    assert await hub.shared.get(WEBINAR, "en", since, builds) == {"build": 1}
    hub.deliver({"w": WEBINAR, "kind": broadcast.PERSONAL, "target": 9, "text": '{"type":"x"}'})
    assert await hub.shared.get(WEBINAR, "en", since, builds) == {"build": 1}
    hub.deliver(tick(1))
    assert await hub.shared.get(WEBINAR, "en", since, builds) == {"build": 2}
    hub.deliver({"w": WEBINAR, "kind": VOTES, "q": 5, "n": 1, "v": 1})
    assert await hub.shared.get(WEBINAR, "en", since, builds) == {"build": 3}
    assert await hub.shared.get(WEBINAR, "ms", since, builds) == {"build": 4}  # per language


async def test_a_read_begun_before_a_viewer_joined_is_not_given_to_it_once_an_event_was_heard(hub):
    """The event may be newer than the read and older than the join: that viewer must read again."""
    builds = Builds()
    builds.gate.clear()
    await listen(hub)
    early = broadcast.stamp()
    first = asyncio.ensure_future(hub.shared.get(WEBINAR, "en", early, builds))
    await asyncio.sleep(0)
    await listen(hub)
    late = broadcast.stamp()  # joined after the read began
    hub.deliver(tick(1))  # heard before the late viewer asked
    second = asyncio.ensure_future(hub.shared.get(WEBINAR, "en", late, builds))
    await asyncio.sleep(0)
    builds.gate.set()
    assert await first == {"build": 1}  # began after the early viewer joined: good for it
    assert await second == {"build": 2}
    assert builds.calls == 2


async def test_a_failed_read_is_not_kept_and_the_next_viewer_reads_again(hub):
    calls = []

    async def failing():
        calls.append(1)
        raise ConnectionError("database down")

    await listen(hub)
    with pytest.raises(ConnectionError):
        await hub.shared.get(WEBINAR, "en", broadcast.stamp(), failing)
    builds = Builds()
    assert await hub.shared.get(WEBINAR, "en", broadcast.stamp(), builds) == {"build": 1}
    assert calls == [1]


# --- Graceful restart ------------------------------------------------------------------------------


async def test_a_restart_closes_every_socket_with_1012_and_spreads_their_retry_hints(hub, settings):
    settings.DEWAN_RESTART_RECONNECTS_PER_SECOND = 500
    inboxes = [(await listen(hub))[1] for _ in range(1000)]
    assert broadcast.restart_gracefully(hub) == 1000
    closes = [inbox.closes for inbox in inboxes]
    assert all(len(c) == 1 and c[0][0] == 1012 for c in closes)
    hints = sorted(int(c[0][1].removeprefix("retry_after_ms=")) for c in closes)
    assert hints[0] >= 0 and hints[-1] < 2000  # 1,000 sockets at 500 a second: a 2 s window
    per_tenth = [sum(1 for h in hints if n * 200 <= h < (n + 1) * 200) for n in range(10)]
    assert max(per_tenth) <= 110  # flat: about 100 in every fifth of a second
    hub.deliver(tick(1))
    assert all(inbox.texts == [] for inbox in inboxes)  # nothing after the close


async def test_a_restart_closes_a_slow_socket_next_dropping_what_it_has_not_taken(hub):
    """The retry hint must reach a viewer far behind: its unsent backlog (which its client replays
    from its last sequence number when it is back) is dropped, and the close is what it gets next."""
    _listener, inbox = await listen(hub, stuck=True)
    hub.deliver(tick(1))  # its send waits on the full transport: nothing of it was written
    hub.deliver(tick(2))
    broadcast.restart_gracefully(hub)
    inbox.unstick.set()
    await asyncio.sleep(0.01)
    assert inbox.types == []
    assert [code for code, _reason in inbox.closes] == [1012]
    assert inbox.closes[0][1].startswith("retry_after_ms=")


async def test_the_signal_closes_sockets_first_then_runs_the_servers_own_handler(hub, monkeypatch):
    import signal

    server_handler_ran = []
    previous = signal.signal(signal.SIGUSR1, lambda signum, frame: server_handler_ran.append(signum))
    try:
        monkeypatch.setattr(broadcast, "_restart_installed", False)
        monkeypatch.setattr(broadcast, "_hubs", {hub.loop: hub})
        assert broadcast.restart_handler_install(signals=(signal.SIGUSR1,))
        _listener, inbox = await listen(hub)
        signal.raise_signal(signal.SIGUSR1)
        await asyncio.sleep(0.05)
        assert server_handler_ran == [signal.SIGUSR1]
        assert [code for code, _reason in inbox.closes] == [1012]
    finally:
        signal.signal(signal.SIGUSR1, previous)


async def test_a_socket_that_blocks_mid_broadcast_delays_only_itself_and_keeps_its_order(hub):
    """One fan-out coroutine serves the idle sockets; a send that blocks is handed to its own writer."""
    inboxes = []
    for n in range(9):
        inboxes.append((await listen(hub, stuck=(n % 3 == 1)))[1])
    stuck = [inbox for inbox in inboxes if not inbox.unstick.is_set()]
    fine = [inbox for inbox in inboxes if inbox.unstick.is_set()]
    for seq in range(1, 4):
        hub.deliver(tick(seq))
    assert all(inbox.types == [1, 2, 3] for inbox in fine)  # at once, whatever the blocked ones do
    assert all(inbox.types == [] for inbox in stuck)
    for inbox in stuck:
        inbox.unstick.set()
    await asyncio.sleep(0.01)
    assert all(inbox.types == [1, 2, 3] for inbox in stuck)
    hub.deliver(tick(4))  # all idle again: written in place
    assert all(inbox.types == [1, 2, 3, 4] for inbox in inboxes)


async def test_a_socket_that_breaks_mid_broadcast_is_closed_and_the_rest_are_served(hub):
    broken = [(await listen(hub, broken=True))[0] for _ in range(3)]
    fine = [(await listen(hub))[1] for _ in range(5)]
    hub.deliver(tick(1))
    hub.deliver(tick(2))
    assert all(inbox.types == [1, 2] for inbox in fine)
    assert all(listener._closed for listener in broken)


def status_event(status: str, seq: int = 1) -> dict:
    """A ``webinar.status`` event as ``broadcast.publish`` hands it to the layer (status beside the text)."""
    message = protocol.event_message(
        type="webinar.status", seq=seq, stream=PUBLIC, payload={"status": status}
    )
    return {"w": WEBINAR, "kind": PUBLIC, "text": protocol.dumps(message), "status": status}


async def test_publishing_a_status_event_names_the_status_beside_the_encoded_text(layer):
    message = protocol.event_message(type="webinar.status", seq=3, stream=PUBLIC, payload={"status": "ended"})
    broadcast.publish(webinar_id=WEBINAR, stream=PUBLIC, message=message)
    broadcast.publish(webinar_id=WEBINAR, stream=PUBLIC, message=json.loads(tick(4)["text"]))
    await asyncio.sleep(0)  # publish from the loop's own thread sends in a task
    (_group, status), (_group2, other) = layer.sent
    assert status["status"] == "ended" and json.loads(status["text"])["data"] == {"status": "ended"}
    assert "status" not in other


@pytest.mark.parametrize("over", ["ended", "cancelled"])
async def test_after_the_end_the_room_is_told_no_count_and_is_neither_counted_nor_heartbeated(hub, over):
    """docs/protocol.md, "After the end": the status event is delivered, then nothing about viewers."""
    _host, host_inbox = await listen(hub, viewer_key="u:1")
    hub.rooms[WEBINAR].staff.add(_host)
    hub.live_count_set(WEBINAR, 3)
    assert WEBINAR in hub.webinar_ids() and WEBINAR in hub.open_viewers() and hub.staff_listeners(WEBINAR)

    hub.deliver(status_event(over))
    hub.live_count_set(WEBINAR, 4)  # a count the presence loop computed as the event arrived
    _late, late_inbox = await listen(hub, viewer_key="r:2")  # opened after the end

    assert [json.loads(text)["type"] for text in host_inbox.texts] == ["presence", "webinar.status"]
    assert late_inbox.texts == []  # no count with its welcome
    assert hub.live_traffic_over(WEBINAR)
    assert (hub.webinar_ids(), hub.open_viewers(), hub.staff_listeners(WEBINAR)) == ([], {}, frozenset())


async def test_a_viewer_whose_state_read_says_ended_ends_the_rooms_live_traffic(hub):
    """A process that missed the end's broadcast learns it from the state its next viewer read."""
    _first, first = await listen(hub, viewer_key="r:1")
    hub.live_count_set(WEBINAR, 1)
    _second, second = await listen(hub, viewer_key="r:2", status="ended")
    hub.live_count_set(WEBINAR, 2)
    assert [json.loads(text) for text in first.texts] == [{"type": "presence", "count": 1}]
    assert second.texts == []
    assert hub.webinar_ids() == []


async def test_a_live_or_scheduled_status_event_keeps_the_count_going(hub):
    _listener, inbox = await listen(hub)
    hub.deliver(status_event("live"))
    hub.live_count_set(WEBINAR, 1)
    assert [json.loads(text)["type"] for text in inbox.texts] == ["webinar.status", "presence"]


# --- Cursors: no sequenced event at or below what a socket's sync reply brought it to -----------


def sequenced(seq: int, *, stream: str = PUBLIC, texts: bool = False) -> dict:
    """A hub message as ``publish`` sends it: the sequence number beside the encoded text."""
    message = protocol.event_message(type="question.updated", seq=seq, stream=stream, payload={"id": seq})
    sent = {"w": WEBINAR, "kind": stream, "text": protocol.dumps(message), "seq": seq}
    if texts:  # the per-language path (an anonymous author's label)
        sent["texts"] = {"en": sent["text"], "ms": sent["text"]}
    return sent


def seqs(inbox: Inbox, stream: str) -> list[int]:
    return [m["seq"] for m in map(json.loads, inbox.texts) if m.get("stream") == stream]


async def synced_host(hub: Hub, public: int, staff: int, **kwargs) -> tuple[Listener, Inbox]:
    """A host socket whose sync reply brought it to ``(public, staff)``."""
    inbox = Inbox()
    listener = Listener(inbox, registration_id=None, staff=True, **kwargs)
    await hub.join(WEBINAR, listener)
    listener.hold()
    listener.release([{"type": "synced", "seq": public, "staff_seq": staff}], cursors=(public, staff))
    return listener, inbox


def test_publish_names_the_sequence_number_beside_the_text(layer):
    message = protocol.event_message(type="question.updated", seq=7, stream=STAFF, payload={"id": 1})
    broadcast.publish(webinar_id=WEBINAR, stream=STAFF, message=message)
    assert layer.sent[-1][1]["seq"] == 7


async def test_a_socket_is_sent_no_sequenced_event_before_its_first_sync_reply(hub):
    inbox = Inbox()
    listener = Listener(inbox, registration_id=None, staff=True)
    await hub.join(WEBINAR, listener)
    for stream in (PUBLIC, STAFF):
        hub.deliver(sequenced(1, stream=stream))
        hub.deliver(sequenced(2, stream=stream, texts=True))
    hub.deliver(tick(3))  # what carries no sequence number beside it goes out as before
    listener.send_now({"type": "pong"})
    assert inbox.types == [3, "pong"]


@pytest.mark.parametrize("texts", [False, True], ids=["one frame", "per language"])
async def test_after_a_reply_at_cursor_n_no_event_at_or_below_n_is_sent_on_either_stream(hub, texts):
    _listener, inbox = await synced_host(hub, public=10, staff=5)
    for seq in (9, 10, 11, 11, 12):
        hub.deliver(sequenced(seq, texts=texts))
    for seq in (4, 5, 6, 6):
        hub.deliver(sequenced(seq, stream=STAFF, texts=texts))
    assert (seqs(inbox, PUBLIC), seqs(inbox, STAFF)) == ([11, 12], [6])


async def test_an_event_overtaken_by_a_later_one_is_dropped_and_the_gap_tells_the_client_to_sync(hub):
    """Events from two server processes can reach the hub out of order: each stream still goes out in
    increasing order; the client sees a gap (13 after 11) and syncs, and the replay holds 12."""
    _listener, inbox = await synced_host(hub, public=10, staff=5)
    for seq in (11, 13, 12, 14):
        hub.deliver(sequenced(seq))
    hub.deliver(sequenced(7, stream=STAFF))
    hub.deliver(sequenced(6, stream=STAFF))
    assert (seqs(inbox, PUBLIC), seqs(inbox, STAFF)) == ([11, 13, 14], [7])


async def test_what_was_held_during_a_reply_is_sent_after_it_only_above_its_cursors(hub):
    listener, inbox = await synced_host(hub, public=10, staff=5)
    listener.hold()
    for seq in (11, 12, 13, 12):
        hub.deliver(sequenced(seq))  # heard while the reply is read: 11 and 12 are in it
    hub.deliver(sequenced(6, stream=STAFF))
    hub.deliver(sequenced(7, stream=STAFF, texts=True))
    listener.send_now({"type": "pong"})
    assert len(inbox.texts) == 1  # only the first reply's synced: the rest waits for this reply
    listener.release([{"type": "synced", "seq": 12, "staff_seq": 6}], cursors=(12, 6))
    assert (seqs(inbox, PUBLIC), seqs(inbox, STAFF)) == ([13], [7])
    assert inbox.types[-4:] == [12, 13, 7, "pong"]  # the synced, then what was held, in order


async def test_a_reply_never_moves_a_cursor_back(hub):
    listener, inbox = await synced_host(hub, public=10, staff=5)
    hub.deliver(sequenced(12))
    listener.hold()
    listener.release([{"type": "synced", "seq": 9, "staff_seq": 3}], cursors=(9, 3))
    hub.deliver(sequenced(11))
    hub.deliver(sequenced(5, stream=STAFF))
    hub.deliver(sequenced(13))
    assert (seqs(inbox, PUBLIC), seqs(inbox, STAFF)) == ([12, 13], [])


async def test_a_socket_behind_a_blocked_send_drops_stale_events_before_they_queue(hub):
    inbox = Inbox(stuck=True)
    listener = Listener(inbox, registration_id=None, staff=False)
    await hub.join(WEBINAR, listener)
    listener.hold()
    listener.release([{"type": "synced", "seq": 10, "staff_seq": None}], cursors=(10, None))
    hub.deliver(sequenced(11))  # its send blocks: what follows queues behind it
    for seq in (10, 11, 12):
        hub.deliver(sequenced(seq))
    inbox.unstick.set()
    await asyncio.sleep(0.01)
    assert seqs(inbox, PUBLIC) == [11, 12]
