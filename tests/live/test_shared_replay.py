"""Viewers resuming together share one replay read (a reconnect storm), with the same guarantees.

Each resuming viewer (``sync`` with ``since``) gets exactly the public events after its own cursor,
in order, then ``synced``; staff events only reach staff; anonymous authors are shown in each
viewer's language; a browser that lost access is refused; and a socket that closes while its
replay waits for a read thread costs no read. ``SharedReplay.reads`` counts the range reads this
process made (docs/scaling.md, "Restarts and reconnect storms").
"""

from __future__ import annotations

import asyncio
import threading

import pytest

from realtime import consumers
from realtime.broadcast import get_hub, stamp
from realtime.replay import shared_replay
from tests.factories import make_registration
from tests.live.conftest import screen_as
from tests.live.helpers import db
from tests.live.test_sync import ask_as, control
from webinar import live_replay, live_state
from webinar.live_replay import ReplayRange
from webinar.models import Registration

pytestmark = pytest.mark.django_db(transaction=True)


def replay_reads() -> int:
    return shared_replay(get_hub(), stamp).reads


async def missed_while_away(room, sockets, changes: int) -> tuple[object, int]:
    """An anchor socket that stays, the cursor everyone had, then ``changes`` public events it heard.

    The anchor keeps this process subscribed, and waiting until it has the last event means the hub
    has heard them all before anyone resumes (a range read later is not made stale by them).
    """
    anchor = await sockets.attendee(room.aisyah)
    cursor = anchor.snapshot["seq"]
    for n in range(changes):
        await db(control)(room, "slow_mode", n + 1)
    await anchor.receive_until("webinar.settings", seq=cursor + changes)
    return anchor, cursor


async def resume(live, since: int) -> list[dict]:
    """Send ``sync`` from ``since``; every message up to the ``synced`` (or ``snapshot``) that ends it."""
    await live.send({"type": "sync", "since": since})
    messages = []
    while not messages or messages[-1]["type"] not in {"synced", "snapshot"}:
        messages.append(await live.receive())
    return messages


async def rejoin(sockets, registration):
    return await sockets.attendee(registration, sync=False)


async def test_viewers_resuming_from_the_same_cursor_share_one_read_and_each_gets_every_missed_event(
    room, sockets
):
    _anchor, cursor = await missed_while_away(room, sockets, 3)
    viewers = [await rejoin(sockets, r) for r in (room.ben, room.aisyah)]
    viewers.append(await rejoin(sockets, await db(make_registration)(room.webinar, "Chen")))
    reads = replay_reads()
    replies = [await resume(live, cursor) for live in viewers]
    for reply in replies:
        assert [(m["type"], m.get("seq")) for m in reply] == [
            ("webinar.settings", cursor + 1),
            ("webinar.settings", cursor + 2),
            ("webinar.settings", cursor + 3),
            ("synced", cursor + 3),
        ]
        assert reply[-1]["staff_seq"] is None and reply[-1]["votes"] == {}
    assert replay_reads() - reads == 1
    for live in viewers:
        await live.assert_nothing(timeout=0.2)


async def test_overlapping_cursors_are_served_their_own_slices_of_one_read(room, sockets):
    _anchor, cursor = await missed_while_away(room, sockets, 4)
    behind, middle, current, oldest = [await rejoin(sockets, room.ben) for _ in range(4)]
    reads = replay_reads()
    assert [m.get("seq") for m in await resume(behind, cursor + 1)] == [cursor + n for n in (2, 3, 4, 4)]
    assert [m.get("seq") for m in await resume(middle, cursor + 3)] == [cursor + 4, cursor + 4]
    caught_up = await resume(current, cursor + 4)
    assert [(m["type"], m["seq"]) for m in caught_up] == [("synced", cursor + 4)]
    assert replay_reads() - reads == 1

    # A cursor older than the range kept: read again, from there, and still exact.
    assert [m.get("seq") for m in await resume(oldest, cursor)] == [cursor + n for n in (1, 2, 3, 4, 4)]
    assert replay_reads() - reads == 2


async def test_an_event_heard_after_a_read_is_never_left_out_of_a_later_viewers_replay(room, sockets):
    anchor, cursor = await missed_while_away(room, sockets, 1)
    first, second = await rejoin(sockets, room.ben), await rejoin(sockets, room.ben)
    assert [m.get("seq") for m in await resume(first, cursor)] == [cursor + 1, cursor + 1]
    await db(control)(room, "slow_mode", 30)
    await anchor.receive_until("webinar.settings", seq=cursor + 2)  # the hub has heard it
    reads = replay_reads()
    later = await resume(second, cursor)
    assert [m.get("seq") for m in later if m["type"] != "synced"][-1] == cursor + 2
    assert later[-1]["seq"] == cursor + 2
    assert replay_reads() - reads == 1, "the kept range was older than the event: read again"


async def test_staff_events_reach_a_resuming_host_and_never_an_attendee_resuming_beside_it(
    room, sockets, monkeypatch
):
    host = await sockets.host(room.webinar, room.host)
    seq, staff_seq = host.snapshot["seq"], host.snapshot["staff_seq"]
    viewer = await sockets.attendee(room.ben)
    screen_as(monkeypatch, "hold")
    await db(ask_as)(room.aisyah, "held", "Held for the hosts only")
    await host.receive_until("staff.question")  # heard: both resume after it
    attendee_reply = await resume(viewer, seq)
    assert [m["type"] for m in attendee_reply] == ["synced"]
    assert all(m.get("stream") != "staff" for m in viewer.seen)
    await host.send({"type": "sync", "since": seq, "staff_since": staff_seq})
    staff_event = await host.receive_until("staff.question", seq=staff_seq + 1)
    assert staff_event["stream"] == "staff"


async def test_anonymous_authors_are_replayed_in_each_resuming_viewers_language(
    room, sockets, publish_everything
):
    siti = await db(make_registration)(room.webinar, "Siti", "siti@example.com", language="ms")
    anchor = await sockets.attendee(room.aisyah)
    cursor = anchor.snapshot["seq"]
    await anchor.request({"type": "ask", "client_key": "anon", "text": "Who pays?", "anonymous": True})
    await anchor.receive_until("question.published")
    malay, english = await rejoin(sockets, siti), await rejoin(sockets, room.ben)
    other_malay = await rejoin(sockets, siti)
    reads = replay_reads()
    authors = {}
    for name, live in (("ms", malay), ("en", english), ("ms2", other_malay)):
        reply = await resume(live, cursor)
        published = [m for m in reply if m["type"] == "question.published"]
        authors[name] = [m["data"]["question"]["author"] for m in published]
    assert authors == {"ms": ["Tanpa nama"], "en": ["Anonymous"], "ms2": ["Tanpa nama"]}
    assert replay_reads() - reads == 2, "one read per language"


async def test_a_viewer_whose_access_ended_is_refused_before_anything_is_read_for_it(room, sockets):
    _anchor, cursor = await missed_while_away(room, sockets, 1)
    live = await rejoin(sockets, room.ben)
    await db(Registration.objects.filter(pk=room.ben.pk).update)(status=Registration.Status.CANCELLED)
    reads = replay_reads()
    await live.send({"type": "sync", "since": cursor})
    error = await live.receive()
    assert (error["type"], error["code"], error["for_type"]) == ("error", "not_registered", "sync")
    assert (await live.comm.receive_output(5))["code"] == consumers.CLOSE_FORBIDDEN
    assert replay_reads() == reads


async def test_too_many_missed_events_or_a_cursor_from_the_future_get_a_snapshot(room, sockets, settings):
    settings.DEWAN_EVENT_REPLAY_LIMIT = 2
    _anchor, cursor = await missed_while_away(room, sockets, 3)
    far_behind = await resume(await rejoin(sockets, room.ben), cursor)
    assert [m["type"] for m in far_behind] == ["snapshot"] and far_behind[0]["seq"] == cursor + 3
    near = await resume(await rejoin(sockets, room.ben), cursor + 1)  # two missed: within the limit
    assert [m.get("seq") for m in near] == [cursor + 2, cursor + 3, cursor + 3]
    ahead = await resume(await rejoin(sockets, room.ben), cursor + 50)
    assert [m["type"] for m in ahead] == ["snapshot"]


async def test_a_socket_closed_while_its_replay_waits_for_a_read_thread_costs_no_read(
    room, sockets, settings, monkeypatch
):
    _anchor, cursor = await missed_while_away(room, sockets, 1)
    leaving = await rejoin(sockets, room.ben)
    consumers.connect_reads_stop()
    settings.DEWAN_CONNECT_READ_THREADS = 1  # one thread, kept busy below
    own_reads, range_reads = [], []
    real_own, real_range = live_state.attendee_own, live_replay.replay_range_read
    monkeypatch.setattr(live_state, "attendee_own", lambda *a, **k: own_reads.append(1) or real_own(*a, **k))
    monkeypatch.setattr(
        live_replay, "replay_range_read", lambda **k: range_reads.append(1) or real_range(**k)
    )
    gate = threading.Event()
    busy = asyncio.ensure_future(consumers.connect_read(gate.wait)(10))
    await asyncio.sleep(0)  # the pool is made, its one thread taken
    pool = consumers._read_pool
    assert pool is not None and pool.size == 1
    await leaving.send({"type": "sync", "since": cursor})
    for _ in range(500):  # until the replay's first read waits behind the busy thread
        if pool._backlog:
            break
        await asyncio.sleep(0.01)
    assert len(pool._backlog) == 1
    await leaving.comm.disconnect()
    gate.set()
    assert await busy is True
    staying = await rejoin(sockets, room.aisyah)  # the pool runs on: the next viewer is served
    assert [m.get("seq") for m in await resume(staying, cursor)] == [cursor + 1, cursor + 1]
    assert pool.skipped == 1
    assert (len(own_reads), len(range_reads)) == (1, 1), "only the viewer that stayed was read for"


def test_a_range_serves_cursors_from_its_start_to_its_end_and_only_those():
    votes = live_replay.orjson.Fragment(b"{}")
    kept = ReplayRange(10, 13, (11, 12, 13), ("e11", "e12", "e13"), True, votes)
    assert [kept.covers(since) for since in (9, 10, 12, 13, 14)] == [False, True, True, True, False]
    assert kept.resume(10) == (("e11", "e12", "e13"), 13)
    assert kept.resume(12) == (("e13",), 13)
    assert kept.resume(13) == ((), 13)
    assert kept.resume(14) is None  # ahead of the cursor read: the snapshot rule (read for itself)
    too_many = ReplayRange(10, 900, (), (), False, votes)
    assert too_many.covers(10) and too_many.resume(10) is None  # more than the limit: a snapshot
    assert not too_many.covers(11)  # a later cursor may be within the limit: read for itself
