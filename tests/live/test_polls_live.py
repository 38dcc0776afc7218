"""Live polls on the wire: hosts launch and close (acked, sequenced public events), attendees vote
once (poll_vote, idempotent), results coalesced like votes, the open poll and the closed polls' final
results in the snapshot."""

from __future__ import annotations

import pytest

from tests.factories import make_host, make_registration, make_user, make_webinar
from tests.live.helpers import Live, db
from tests.polls.conftest import prepare_polls
from webinar.campaigns.models import PollVote
from webinar.live_state import stage_key
from webinar.models import ScreeningSettings, Webinar
from webinar.services.lifecycle import webinar_transition

pytestmark = pytest.mark.django_db(transaction=True)


def live_room():
    organiser = make_user()
    webinar = make_webinar(organiser=organiser)
    host = make_host(webinar)
    polls = prepare_polls(webinar, host)
    ScreeningSettings.objects.update_or_create(webinar=webinar, defaults={"blocked_terms": "bodoh"})
    webinar = webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.LIVE)
    return webinar, host, polls, [make_registration(webinar) for _ in range(3)]


async def test_launch_vote_results_and_close_reach_every_viewer(sockets):
    webinar, host, polls, people = await db(live_room)()
    poll = polls["single"]
    hosting = await sockets.host(webinar, host)
    alice, bob = await sockets.attendee(people[0]), await sockets.attendee(people[1])
    assert alice.snapshot["poll"] is None

    ack = await hosting.request({"type": "poll_launch", "poll_id": poll.pk, "client_key": "h1"})
    assert ack == {"type": "ack", "for": "poll_launch", "client_key": "h1", "poll_id": poll.pk}
    launched = await bob.receive_until("poll.launched")
    assert launched["stream"] == "public" and launched["seq"] >= 1
    assert launched["data"]["poll"] == {
        "id": poll.pk,
        "kind": "single",
        "question_en": "Do you check before you share?",
        "question_ms": "Adakah anda semak sebelum berkongsi?",
        "options": [
            {"en": "Yes", "ms": "Ya"},
            {"en": "No", "ms": "Tidak"},
            {"en": "Not sure", "ms": "Tidak pasti"},
        ],
        "status": "open",
    }
    assert launched["data"]["results"]["counts"] == [0, 0, 0]

    vote = {"type": "poll_vote", "poll_id": poll.pk, "client_key": "a1", "choices": [1]}
    ack = await alice.request(vote)
    assert ack == {"type": "ack", "for": "poll_vote", "client_key": "a1", "poll_id": poll.pk, "counted": True}
    assert (await alice.request(vote))["type"] == "ack"  # a resend: acked, counted once
    again = await alice.request({**vote, "client_key": "a2", "choices": [0]})
    assert again["type"] == "error" and again["code"] == "already_voted" and again["client_key"] == "a2"
    await bob.request({"type": "poll_vote", "poll_id": poll.pk, "client_key": "b1", "choices": [1]})

    results = await bob.receive_until("poll_results", voters=2)
    assert results["counts"] == [0, 2, 0] and results["poll_id"] == poll.pk and results["version"] == 2
    assert await db(PollVote.objects.filter(poll=poll).count)() == 2

    ack = await hosting.request({"type": "poll_close", "poll_id": poll.pk, "client_key": "h2"})
    assert ack["for"] == "poll_close"
    closed = await alice.receive_until("poll.closed")
    assert closed["data"]["poll"]["status"] == "closed" and closed["data"]["results"]["counts"] == [0, 2, 0]
    late = await sockets.attendee(people[2])
    assert late.snapshot["poll"] is None
    assert late.snapshot["closed_polls"] == [closed["data"]]  # a reload still shows the final results
    refused = await late.request(
        {"type": "poll_vote", "poll_id": poll.pk, "client_key": "c1", "choices": [0]}
    )
    assert refused["code"] == "closed"


async def test_many_votes_in_a_moment_are_coalesced_into_few_results_messages(sockets):
    webinar, host, polls, _people = await db(live_room)()
    poll = polls["rating"]
    hosting = await sockets.host(webinar, host)
    await hosting.request({"type": "poll_launch", "poll_id": poll.pk})
    voters = await db(lambda: [make_registration(webinar) for _ in range(8)])()
    watcher = await sockets.attendee(voters[0])
    for n, registration in enumerate(voters):
        live = await sockets.attendee(registration)
        await live.request(
            {"type": "poll_vote", "poll_id": poll.pk, "client_key": f"k{n}", "rating": 1 + n % 5}
        )
    final = await watcher.receive_until("poll_results", voters=8)
    assert final["counts"] == [2, 2, 2, 1, 1] and final["average"] == 2.63
    seen = [m for m in watcher.seen if m["type"] == "poll_results"]
    assert len(seen) < 8  # coalesced: fewer messages than votes
    assert [m["version"] for m in seen] == sorted(m["version"] for m in seen)


async def test_a_snapshot_shows_the_open_poll_its_results_and_whether_i_answered(sockets):
    webinar, host, polls, people = await db(live_room)()
    poll = polls["words"]
    hosting = await sockets.host(webinar, host)
    await hosting.request({"type": "poll_launch", "poll_id": poll.pk})
    alice = await sockets.attendee(people[0])
    ack = await alice.request({"type": "poll_vote", "poll_id": poll.pk, "client_key": "w1", "word": "Hoax"})
    assert ack["counted"] is True
    held = await (await sockets.attendee(people[1])).request(
        {"type": "poll_vote", "poll_id": poll.pk, "client_key": "w2", "word": "bodoh"}
    )
    assert held["type"] == "ack" and held["counted"] is False
    # Once this process's hub has heard the vote, a new socket's snapshot is built after it (until then a
    # snapshot may be older, and the events after it reach the new socket: docs/protocol.md).
    await alice.receive_until("poll_results", voters=1)
    again = await sockets.attendee(people[0])
    assert again.snapshot["poll"]["answered"] is True
    assert again.snapshot["poll"]["poll"]["id"] == poll.pk
    assert again.snapshot["poll"]["results"]["words"] == [{"word": "hoax", "count": 1}]
    fresh = await sockets.attendee(people[2])
    assert fresh.snapshot["poll"]["answered"] is False
    staff_view = await sockets.host(webinar, host)
    assert staff_view.snapshot["poll"]["results"]["voters"] == 1


async def test_attendees_cannot_launch_and_bad_answers_are_refused_on_the_wire(sockets):
    webinar, host, polls, people = await db(live_room)()
    alice = await sockets.attendee(people[0])
    refused = await alice.request({"type": "poll_launch", "poll_id": polls["single"].pk, "client_key": "x"})
    assert refused["code"] == "forbidden"
    hosting = await sockets.host(webinar, host)
    await hosting.request({"type": "poll_launch", "poll_id": polls["rating"].pk})
    other = await hosting.request({"type": "poll_launch", "poll_id": polls["single"].pk, "client_key": "h"})
    assert other["code"] == "poll_open"
    out_of_range = await alice.request(
        {"type": "poll_vote", "poll_id": polls["rating"].pk, "client_key": "r", "rating": 9}
    )
    assert out_of_range["code"] == "invalid_field"
    wrong_kind = await alice.request(
        {"type": "poll_vote", "poll_id": polls["rating"].pk, "client_key": "r", "choices": [0]}
    )
    assert wrong_kind["code"] == "invalid_choice"
    unknown = await alice.request({"type": "poll_vote", "poll_id": 999999, "client_key": "r", "rating": 3})
    assert unknown["code"] == "unknown_poll"
    assert not await db(PollVote.objects.exists)()


async def test_a_frame_carrying_another_kinds_field_is_invalid_choice_for_every_kind(sockets):
    webinar, host, polls, people = await db(live_room)()
    hosting = await sockets.host(webinar, host)
    alice = await sockets.attendee(people[0])
    misfits = {
        "single": [{"rating": 2}, {"choices": [0], "word": "ya"}],
        "multiple": [{"word": "tv"}, {"choices": [0, 1], "rating": 1}],
        "rating": [{"choices": [0]}, {"rating": 3, "word": ""}],
        "words": [{"choices": [0]}, {"rating": 4}, {"word": "hoax", "choices": []}],
    }
    for kind, frames in misfits.items():
        await hosting.request({"type": "poll_launch", "poll_id": polls[kind].pk})
        for n, answer in enumerate(frames):
            frame = {"type": "poll_vote", "poll_id": polls[kind].pk, "client_key": f"{kind}{n}", **answer}
            refused = await alice.request(frame)
            assert (kind, refused["code"]) == (kind, "invalid_choice")
        await hosting.request({"type": "poll_close", "poll_id": polls[kind].pk})
    assert not await db(PollVote.objects.exists)()


async def test_an_answer_field_of_another_kind_sent_as_null_is_a_field_left_out(sockets):
    """docs/protocol.md, `poll_vote`: only a field of another kind with a value other than null is
    `invalid_choice`; a client that always sends all three fields, the unused ones null, is counted."""
    webinar, host, polls, people = await db(live_room)()
    hosting = await sockets.host(webinar, host)
    alice, bob = await sockets.attendee(people[0]), await sockets.attendee(people[1])
    answers = {
        "single": {"choices": [1], "rating": None, "word": None},
        "multiple": {"choices": [0, 2], "rating": None, "word": None},
        "rating": {"choices": None, "rating": 4, "word": None},
        "words": {"choices": None, "rating": None, "word": "hoax"},
    }
    for kind, answer in answers.items():
        await hosting.request({"type": "poll_launch", "poll_id": polls[kind].pk})
        frame = {"type": "poll_vote", "poll_id": polls[kind].pk, "client_key": f"n{kind}", **answer}
        ack = await alice.request(frame)
        assert ack == {
            "type": "ack",
            "for": "poll_vote",
            "client_key": f"n{kind}",
            "poll_id": polls[kind].pk,
            "counted": True,
        }
        nothing = {"type": "poll_vote", "poll_id": polls[kind].pk, "client_key": f"z{kind}"}
        refused = await bob.request({**nothing, "choices": None, "rating": None, "word": None})
        assert (kind, refused["code"]) == (kind, "empty" if kind == "words" else "invalid_choice")
        await hosting.request({"type": "poll_close", "poll_id": polls[kind].pk})
    assert await db(PollVote.objects.count)() == 4


async def test_ending_the_webinar_closes_the_open_poll_for_everyone(sockets):
    webinar, host, polls, people = await db(live_room)()
    hosting = await sockets.host(webinar, host)
    alice = await sockets.attendee(people[0])
    await hosting.request({"type": "poll_launch", "poll_id": polls["multiple"].pk})
    await alice.request(
        {"type": "poll_vote", "poll_id": polls["multiple"].pk, "client_key": "m", "choices": [0, 2]}
    )
    ended = await hosting.request({"type": "end"})
    assert ended["type"] == "ack"
    status = await alice.receive_until("webinar.status")
    closed = await alice.receive_until("poll.closed")
    assert status["data"]["status"] == "ended" and closed["seq"] == status["seq"] + 1
    assert closed["data"]["poll"]["status"] == "closed" and closed["data"]["results"]["counts"] == [1, 0, 1]


async def test_after_a_reload_every_viewer_sees_the_results_the_hosts_showed_in_closing_order(sockets):
    webinar, host, polls, people = await db(live_room)()
    hosting = await sockets.host(webinar, host)
    alice = await sockets.attendee(people[0])
    for poll, answer in ((polls["rating"], {"rating": 4}), (polls["single"], {"choices": [2]})):
        await hosting.request({"type": "poll_launch", "poll_id": poll.pk})
        await alice.request({"type": "poll_vote", "poll_id": poll.pk, "client_key": f"k{poll.pk}", **answer})
        await hosting.request({"type": "poll_close", "poll_id": poll.pk})
        while (await alice.receive_until("poll.closed"))["data"]["poll"]["id"] != poll.pk:
            pass
    await hosting.request({"type": "poll_launch", "poll_id": polls["words"].pk})
    await alice.receive_until("poll.launched")
    stage = Live((await sockets.open(webinar.slug, mode="stage", key=await db(stage_key)(webinar)))[1])
    assert (await stage.receive())["type"] == "welcome"
    stage.snapshot = await stage.sync()

    for reloaded in (await sockets.attendee(people[1]), await sockets.host(webinar, host), stage):
        shown = reloaded.snapshot
        assert shown["poll"]["poll"]["id"] == polls["words"].pk  # the open poll, as before
        assert [item["poll"]["id"] for item in shown["closed_polls"]] == [
            polls["rating"].pk,
            polls["single"].pk,
        ]
        rating, single = shown["closed_polls"]
        assert rating["poll"]["status"] == "closed" and rating["results"]["average"] == 4.0
        assert rating["results"]["counts"] == [0, 0, 0, 1, 0]
        assert single["results"]["counts"] == [0, 0, 1] and single["results"]["voters"] == 1
        # the poll never launched is in neither
        assert polls["multiple"].pk not in {item["poll"]["id"] for item in shown["closed_polls"]}
