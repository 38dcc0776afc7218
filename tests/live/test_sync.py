"""Resuming after a disconnect: replay from a sequence number, or a fresh snapshot (R1, R2)."""

from __future__ import annotations

import json

import pytest

from realtime import protocol
from tests.factories import make_registration
from tests.live.conftest import screen_as
from tests.live.helpers import db
from webinar.services import moderation
from webinar.services import questions as question_service

pytestmark = pytest.mark.django_db(transaction=True)


def ask_as(registration, key: str, text: str = "A question") -> int:
    return question_service.question_submit(
        webinar_id=registration.webinar_id, registration_id=registration.pk, client_key=key, text=text
    ).question.pk


def vote_as(registration, question_id: int, value: bool = True) -> None:
    question_service.vote_set(
        webinar_id=registration.webinar_id,
        registration_id=registration.pk,
        question_id=question_id,
        value=value,
    )


def host_does(room, action: str, question_id: int, **fields) -> None:
    """Run the host command ``action`` as the websocket would (one typed service per command)."""
    command = protocol.parse_command(
        json.dumps({"type": action, "question_id": question_id, **fields}), max_bytes=65536
    )
    moderation.host_command_run(actor=room.host, webinar_id=room.webinar.pk, command=command)


def control(room, action: str, seconds: int = 0) -> None:
    frame = {"type": action, **({"seconds": seconds} if action == "slow_mode" else {})}
    command = protocol.parse_command(json.dumps(frame), max_bytes=65536)
    moderation.host_command_run(actor=room.host, webinar_id=room.webinar.pk, command=command)


async def test_reconnect_with_last_seq_receives_exactly_the_missed_events_in_order(
    room, sockets, publish_everything
):
    first = await sockets.attendee(room.ben)
    last_seq = first.snapshot["seq"]
    await first.comm.disconnect()

    def meanwhile():
        question_id = ask_as(room.aisyah, "m1", "Missed one")
        host_does(room, "answer", question_id)
        control(room, "slow_mode", 5)

    await db(meanwhile)()
    again = await sockets.attendee(room.ben, sync=False)
    assert again.welcome["seq"] == last_seq + 3
    await again.send({"type": "sync", "since": last_seq})
    replay = [await again.receive() for _ in range(4)]
    assert [(m["type"], m.get("seq")) for m in replay] == [
        ("question.published", last_seq + 1),
        ("question.updated", last_seq + 2),
        ("webinar.settings", last_seq + 3),
        ("synced", last_seq + 3),
    ]
    assert all(m["stream"] == "public" for m in replay[:3])
    await again.assert_nothing(timeout=0.3)


async def test_reconnect_with_the_current_seq_gets_just_synced(room, sockets):
    live = await sockets.attendee(room.ben)
    synced = await live.sync(since=live.snapshot["seq"])
    assert synced["type"] == "synced" and synced["seq"] == live.snapshot["seq"]
    assert synced["staff_seq"] is None
    await live.assert_nothing()


async def test_host_replay_covers_the_staff_stream_too(room, sockets, monkeypatch):
    host = await sockets.host(room.webinar, room.host)
    seq, staff_seq = host.snapshot["seq"], host.snapshot["staff_seq"]
    screen_as(monkeypatch, "hold")
    question_id = await db(ask_as)(room.aisyah, "s1", "Held for hosts")
    await host.collect(timeout=0.3)  # the live copy of the event
    await host.send({"type": "sync", "since": seq, "staff_since": staff_seq})
    staff_event = await host.receive()
    assert (staff_event["type"], staff_event["stream"], staff_event["seq"]) == (
        "staff.question",
        "staff",
        staff_seq + 1,
    )
    assert staff_event["data"]["question"]["id"] == question_id
    synced = await host.receive()
    assert (synced["type"], synced["seq"], synced["staff_seq"]) == ("synced", seq, staff_seq + 1)


async def test_host_sync_without_staff_since_gets_a_snapshot(room, sockets):
    host = await sockets.host(room.webinar, room.host)
    reply = await host.sync(since=host.snapshot["seq"])
    assert reply["type"] == "snapshot" and "queue" in reply


async def test_replay_too_old_gets_a_snapshot_instead(room, sockets, settings, publish_everything):
    settings.DEWAN_EVENT_REPLAY_LIMIT = 2
    live = await sockets.attendee(room.ben)
    seq = live.snapshot["seq"]
    await live.comm.disconnect()
    for n in range(3):
        await db(ask_as)(room.aisyah, f"old{n}", f"Question {n}")
    again = await sockets.attendee(room.ben, sync=False)
    reply = await again.sync(since=seq)
    assert reply["type"] == "snapshot"
    assert reply["seq"] == seq + 3 and len(reply["questions"]) == 3


async def test_cursor_from_the_future_gets_a_snapshot(room, sockets):
    live = await sockets.attendee(room.ben)
    reply = await live.sync(since=live.snapshot["seq"] + 100)
    assert reply["type"] == "snapshot"


async def test_synced_carries_current_tallies_and_my_votes_and_questions(room, sockets, publish_everything):
    question_id = await db(ask_as)(room.aisyah, "t", "Tallied")
    live = await sockets.attendee(room.ben)
    seq = live.snapshot["seq"]
    await db(vote_as)(room.ben, question_id)
    synced = await live.sync(since=seq)
    assert synced["votes"] == {str(question_id): 1}
    assert synced["my_votes"] == [question_id]
    assert synced["mine"] == []


async def test_sync_ends_a_slow_consumer_resync_with_no_gap(room, sockets, publish_everything):
    """A client told to ``resync`` sends ``sync`` with its last seq and gets what it lost."""
    live = await sockets.attendee(room.ben)
    seq = live.snapshot["seq"]
    await db(ask_as)(room.aisyah, "lost", "Lost in a full queue")
    await live.collect(timeout=0.3)  # pretend these were dropped
    reply = await live.sync(since=seq)
    assert reply["type"] == "synced" and reply["seq"] == seq + 1


def apply(state: dict, messages: list[dict]) -> dict:
    """A client's reducer: what docs/protocol.md says to do with each message."""
    questions = {q["id"]: dict(q) for q in state["questions"]}
    webinar = dict(state["webinar"])
    mine, my_votes = state["mine"], state["my_votes"]
    for message in messages:
        kind, data = message["type"], message.get("data")
        if kind in {"question.published", "question.updated"}:
            questions[data["question"]["id"]] = data["question"]
        elif kind == "question.removed":
            questions.pop(data["question_id"], None)
        elif kind == "webinar.settings":
            webinar.update(data)
        elif kind == "webinar.status":
            webinar["status"] = data["status"]
        elif kind == "synced":
            for question_id, count in message["votes"].items():
                questions[int(question_id)]["votes"] = count
            mine, my_votes = message["mine"], message["my_votes"]
    return {"questions": questions, "webinar": webinar, "mine": mine, "my_votes": sorted(my_votes)}


def fresh(snapshot: dict) -> dict:
    return {
        "questions": {q["id"]: q for q in snapshot["questions"]},
        "webinar": snapshot["webinar"],
        "mine": snapshot["mine"],
        "my_votes": sorted(snapshot["my_votes"]),
    }


async def test_stale_state_plus_events_equals_fresh_state(room, sockets, monkeypatch):
    screen_as(monkeypatch, "publish")

    def before():
        carl = make_registration(room.webinar, "Carl", "carl@example.com")
        kept = ask_as(room.aisyah, "k", "Kept and answered")
        doomed = ask_as(room.aisyah, "d", "Rejected later")
        duplicate = ask_as(room.ben, "dup", "Duplicate of kept")
        vote_as(carl, kept)
        vote_as(room.ben, doomed)
        return carl, kept, doomed, duplicate

    carl, kept, doomed, duplicate = await db(before)()
    stale = await sockets.attendee(room.ben)
    await stale.comm.disconnect()

    def meanwhile():
        newer = ask_as(room.ben, "n", "Asked while away")
        vote_as(carl, newer)
        vote_as(room.aisyah, newer)
        host_does(room, "answer", kept)
        host_does(room, "pin", kept)
        host_does(room, "pin", newer)  # unpins kept
        host_does(room, "edit", newer, text="Asked while away (edited)")
        host_does(room, "reject", doomed, reason="Off topic")
        host_does(room, "merge", duplicate, into_id=kept)
        vote_as(room.ben, newer)
        vote_as(carl, kept, value=False)
        screen_as(monkeypatch, "hold")
        ask_as(room.ben, "h", "Held, never public")
        ask_as(room.aisyah, "h2", "Also held")
        control(room, "slow_mode", 20)
        control(room, "pause")

    await db(meanwhile)()
    resumed = await sockets.attendee(room.ben, sync=False)
    await resumed.send({"type": "sync", "since": stale.snapshot["seq"]})
    replay = []
    while not replay or replay[-1]["type"] != "synced":
        replay.append(await resumed.receive(ignore={"presence", "votes", "mine.question"}))
    assert len(replay) > 5

    current = await sockets.attendee(room.ben)
    assert apply(stale.snapshot, replay) == fresh(current.snapshot)
