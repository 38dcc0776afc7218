"""docs/protocol.md, "After the end": once a webinar ends (or is cancelled) its open sockets get no more
viewer counts (``presence``), hosts no more breakdowns (``presence_detail``), a socket that opens later
gets none with its ``welcome``, and the process stops heartbeating the room's viewers. An author can no
longer ask for a review of a held question (no host could approve it).

Runs on whatever the settings give: the in-memory layer and store (embedded default), or Redis pub/sub
and the Redis presence store when ``REDIS_URL`` is set (the end's broadcast then crosses Redis).
"""

from __future__ import annotations

import pytest

from realtime import presence
from realtime.runtime import runtime_get
from tests.factories import make_webinar
from tests.live.conftest import screen_as
from tests.live.helpers import db
from webinar.models import Question, Webinar
from webinar.services.lifecycle import webinar_transition

pytestmark = pytest.mark.django_db(transaction=True)

EVERYTHING: frozenset[str] = frozenset()  # ignore nothing: background counts included


async def another_viewer_arrives(webinar_id: int) -> None:
    """A viewer on another server process: the shared count changes without any socket here."""
    await presence.get_presence_store().heartbeat(webinar_id, "r:999999", "ms")


@pytest.mark.parametrize(("before", "after"), [("live", "ended"), ("scheduled", "cancelled")])
async def test_after_the_end_no_socket_is_told_the_viewer_count(sockets, room, before, after):
    if before != "live":
        await db(Webinar.objects.filter(pk=room.webinar.pk).update)(status=before)
    host = await sockets.host(room.webinar, room.host)
    aisyah = await sockets.attendee(room.aisyah)
    counts = runtime_get().presence
    await another_viewer_arrives(room.webinar.pk)
    await counts.counts_tell()
    assert (await aisyah.receive_until("presence"))["count"] >= 1  # the count flows while the room is open
    assert (await host.receive_until("presence_detail"))["count"] >= 1

    await db(webinar_transition)(webinar=room.webinar, actor=room.organiser, to=after)
    assert (await aisyah.receive_until("webinar.status"))["data"] == {"status": after}
    assert (await host.receive_until("webinar.status"))["data"] == {"status": after}

    await another_viewer_arrives(room.webinar.pk)  # the count changes: before the end, a reason to send
    await counts.counts_tell()
    ben = await sockets.attendee(room.ben)  # opens after the end: its welcome comes alone
    assert ben.welcome["webinar"]["status"] == after
    await counts.counts_tell()

    for live in (host, aisyah, ben):
        received = [m["type"] for m in await live.collect(ignore=EVERYTHING)]
        assert "presence" not in received and "presence_detail" not in received, received
    assert room.webinar.pk not in runtime_get().hub.open_viewers()  # nobody here is heartbeated for it


async def test_a_room_opened_on_an_ended_webinar_gets_no_count_and_no_breakdown(sockets, room):
    """The room is made after the end (no ``webinar.status`` reaches it): its state read says ended."""
    ended = await db(make_webinar)(organiser=room.organiser, status=Webinar.Status.ENDED, slug="over")
    host = await sockets.host(ended, room.organiser)
    await another_viewer_arrives(ended.pk)
    await runtime_get().presence.counts_tell()
    assert [m["type"] for m in await host.collect(ignore=EVERYTHING)] == []


@pytest.mark.parametrize(("before", "after"), [("live", "ended"), ("scheduled", "cancelled")])
async def test_after_the_end_a_held_question_cannot_be_sent_for_review(
    sockets, room, monkeypatch, before, after
):
    screen_as(monkeypatch, "hold", ["link"])
    if before != "live":
        await db(Webinar.objects.filter(pk=room.webinar.pk).update)(status=before)
    aisyah = await sockets.attendee(room.aisyah)
    ack = await aisyah.request({"type": "ask", "client_key": "held-1", "text": "see example.com"})
    held = ack["question"]
    assert held["status"] == "held" and held["can_request_review"] is True

    await db(webinar_transition)(webinar=room.webinar, actor=room.organiser, to=after)
    await aisyah.receive_until("webinar.status")
    error = await aisyah.request({"type": "request_review", "question_id": held["id"]})
    assert (error["type"], error["code"], error["for_type"]) == ("error", "closed", "request_review")
    assert (
        await db(Question.objects.filter(pk=held["id"], review_requested_at__isnull=False).exists)() is False
    )

    later = await sockets.attendee(room.aisyah)  # what a reload shows: no review offered
    (mine,) = later.snapshot["mine"]
    assert (mine["id"], mine["status"], mine["can_request_review"]) == (held["id"], "held", False)
