"""After "delete my data", replaying the event log from the start shows none of the person's words or name."""

from __future__ import annotations

import json

import pytest

from tests.live.conftest import screen_as
from tests.live.helpers import db
from webinar.models import Registration
from webinar.services.moderation import question_edit, question_reject
from webinar.services.privacy import attendee_data_delete

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = ("Zebracrossing", "Quokkafeelings", "012-345 6789", "Aisyah")


async def test_replay_from_zero_after_deletion_holds_none_of_their_words_for_attendees_or_hosts(
    room, sockets, monkeypatch
):
    screen_as(monkeypatch, "publish")
    aisyah = await sockets.attendee(room.aisyah)
    published = await aisyah.request(
        {"type": "ask", "client_key": "a", "text": "Zebracrossing, 012-345 6789?"}
    )
    screen_as(monkeypatch, "hold")
    held = await aisyah.request({"type": "ask", "client_key": "b", "text": "Quokkafeelings"})
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

    ben = await sockets.attendee(room.ben, sync=False)
    replay = await ben.sync(since=0)
    host = await sockets.host(room.webinar, room.host, sync=False)
    staff_replay = await host.sync(since=0, staff_since=0)
    seen = json.dumps([ben.seen, host.seen], ensure_ascii=False)
    assert replay["type"] == "synced" and staff_replay["type"] == "synced", "replays, not snapshots"
    assert [word for word in WORDS if word in seen] == []
    theirs = {published["question"]["id"], held["question"]["id"]}
    about_them = [
        m
        for m in host.seen
        if m.get("stream") == "staff" and m["data"].get("question", {}).get("id") in theirs
    ]
    assert about_them, "the replay did include the events about their questions, rewritten"
