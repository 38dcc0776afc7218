"""Upvotes over the socket: one per attendee, idempotent, tallies coalesced (R3, R9)."""

from __future__ import annotations

import pytest

from tests.live.helpers import db
from webinar.models import Question, Vote

pytestmark = pytest.mark.django_db(transaction=True)


async def published_question(live, key="v-q", text="What about accessibility?") -> int:
    ack = await live.request({"type": "ask", "client_key": key, "text": text})
    assert ack["question"]["status"] == "published", ack
    return ack["question"]["id"]


def vote(question_id: int, key: str, value: bool = True) -> dict:
    return {"type": "vote", "client_key": key, "question_id": question_id, "value": value}


async def test_upvote_is_one_per_attendee_and_toggles(room, sockets, publish_everything):
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    question_id = await published_question(aisyah)

    first = await ben.request(vote(question_id, "v1"))
    assert first == {
        "type": "ack",
        "for": "vote",
        "client_key": "v1",
        "question_id": question_id,
        "votes": 1,
        "voted": True,
    }
    again = await ben.request(vote(question_id, "v2"))
    assert (again["votes"], again["voted"]) == (1, True)
    assert await db(Vote.objects.filter(question_id=question_id).count)() == 1

    withdrawn = await ben.request(vote(question_id, "v3", value=False))
    assert (withdrawn["votes"], withdrawn["voted"]) == (0, False)
    withdrawn_again = await ben.request(vote(question_id, "v4", value=False))
    assert withdrawn_again["votes"] == 0
    assert await db(Question.objects.values_list("vote_count", flat=True).get)(pk=question_id) == 0


async def test_same_vote_frame_twice_counts_once_and_acks_the_same(room, sockets, publish_everything):
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    question_id = await published_question(aisyah)
    assert await ben.request(vote(question_id, "dup")) == await ben.request(vote(question_id, "dup"))
    assert await db(Vote.objects.count)() == 1


async def test_votes_from_two_tabs_of_one_attendee_count_once(room, sockets, publish_everything):
    aisyah = await sockets.attendee(room.aisyah)
    tab1, tab2 = await sockets.attendee(room.ben), await sockets.attendee(room.ben)
    question_id = await published_question(aisyah)
    await tab1.request(vote(question_id, "tab1"))
    assert (await tab2.request(vote(question_id, "tab2")))["votes"] == 1


async def test_vote_tallies_reach_other_viewers_as_absolute_counts(room, sockets, publish_everything):
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    question_id = await published_question(aisyah)
    await ben.request(vote(question_id, "t1"))
    await aisyah.request(vote(question_id, "t2"))
    tallies = await aisyah.receive_until("votes", counts={str(question_id): 2})
    assert set(tallies) == {"type", "counts"}  # no seq: a state notice, not an event


async def test_vote_tallies_are_coalesced(room, sockets, publish_everything):
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    question_id = await published_question(aisyah)
    for n in range(5):  # five quick changes inside one flush window
        await ben.request(vote(question_id, f"c{n}", value=n % 2 == 0))
    notices = [m for m in await aisyah.collect(timeout=0.6) if m["type"] == "votes"]
    assert 1 <= len(notices) < 5
    assert notices[-1]["counts"] == {str(question_id): 1}


async def test_vote_on_a_held_question_is_not_found(room, sockets, monkeypatch):
    from tests.live.conftest import screen_as

    screen_as(monkeypatch, "hold")
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    ack = await aisyah.request({"type": "ask", "client_key": "h", "text": "Held one"})
    error = await ben.request(vote(ack["question"]["id"], "vh"))
    assert error["code"] == "unknown_question" and error["client_key"] == "vh"
    assert await db(Vote.objects.count)() == 0


async def test_vote_rate_limit_returns_retry_after(
    room, sockets, settings, publish_everything, rate_window_held
):
    settings.DEWAN_VOTE_RATE = "2/60"
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    question_id = await published_question(aisyah)
    await ben.request(vote(question_id, "r1"))
    await ben.request(vote(question_id, "r2", value=False))
    error = await ben.request(vote(question_id, "r3"))
    assert error["code"] == "rate_limited" and error["retry_after"] > 0
    assert await db(Vote.objects.count)() == 0


async def test_host_socket_cannot_vote(room, sockets, publish_everything):
    aisyah = await sockets.attendee(room.aisyah)
    host = await sockets.host(room.webinar, room.host)
    question_id = await published_question(aisyah)
    assert (await host.request(vote(question_id, "hv")))["code"] == "forbidden"
