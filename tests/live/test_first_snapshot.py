"""The first ``snapshot`` of a socket reuses the own questions and votes read at connect only when the
hub proves nothing changed since that read; otherwise it reads them again (docs/scaling.md, *The
connect path*).

The spy below wraps the real ``attendee_snapshot`` (the read at ``sync``) and counts its calls; the
read itself still runs.
"""

from __future__ import annotations

import pytest

from tests.live.helpers import db
from tests.live.test_voting import published_question, vote
from webinar import live_state
from webinar.models import Question

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sync_reads(monkeypatch):
    """How many times ``sync`` read the viewer's own rows instead of using the connect's read."""
    calls: list[int] = []
    real = live_state.attendee_snapshot

    def counted(viewer, shared, **kwargs):
        calls.append(viewer.registration_id)
        return real(viewer, shared, **kwargs)

    monkeypatch.setattr(live_state, "attendee_snapshot", counted)
    return calls


async def test_in_a_quiet_room_the_first_sync_is_answered_from_the_connect_read(
    room, sockets, publish_everything, sync_reads
):
    aisyah = await sockets.attendee(room.aisyah)
    question_id = await published_question(aisyah)
    await aisyah.request(vote(question_id, "own-vote"))
    await aisyah.collect(timeout=0.4)  # the coalesced tally, so the room is quiet from here on
    sync_reads.clear()

    tab = await sockets.attendee(room.aisyah)  # the room existed before the connect's read: no read at sync

    assert sync_reads == []
    assert tab.snapshot["my_votes"] == [question_id]
    assert [q["id"] for q in tab.snapshot["mine"]] == [question_id]
    assert [q["id"] for q in tab.snapshot["questions"]] == [question_id]


async def test_the_first_viewer_of_a_room_in_this_process_is_read_at_sync(room, sockets, sync_reads):
    await sockets.attendee(room.aisyah)  # no room before its read: nothing proves the read current
    assert sync_reads == [room.aisyah.pk]


async def test_a_vote_from_another_tab_between_connect_and_sync_is_in_the_snapshot(
    room, sockets, publish_everything, sync_reads
):
    ben = await sockets.attendee(room.ben)
    question_id = await published_question(ben)
    other_tab = await sockets.attendee(room.aisyah)
    await ben.collect(timeout=0.4)
    sync_reads.clear()

    late = await sockets.attendee(room.aisyah, sync=False)  # read at connect: no vote yet
    await other_tab.request(vote(question_id, "between"))
    await late.receive_until("votes")  # the hub heard the tally: the connect's read is stale
    snapshot = await late.sync()

    assert sync_reads == [room.aisyah.pk]
    assert snapshot["my_votes"] == [question_id]


async def test_a_question_asked_in_another_tab_between_connect_and_sync_is_in_the_snapshot(
    room, sockets, publish_everything, sync_reads
):
    ben = await sockets.attendee(room.ben)
    other_tab = await sockets.attendee(room.aisyah)
    sync_reads.clear()

    late = await sockets.attendee(room.aisyah, sync=False)
    asked = await other_tab.request({"type": "ask", "client_key": "between", "text": "Is it recorded?"})
    await ben.receive_until("question.published")  # the hub heard it (``late`` is sent none before its sync)
    snapshot = await late.sync()

    assert sync_reads == [room.aisyah.pk]
    assert [q["id"] for q in snapshot["mine"]] == [asked["question"]["id"]]
    assert await db(Question.objects.filter(author=room.aisyah).count)() == 1
    await ben.collect(timeout=0.1)


async def test_a_second_sync_reads_again(room, sockets, sync_reads):
    await sockets.attendee(room.ben)
    aisyah = await sockets.attendee(room.aisyah)
    sync_reads.clear()
    snapshot = await aisyah.sync()
    assert sync_reads == [room.aisyah.pk]
    assert snapshot["mine"] == [] and snapshot["my_votes"] == []
