"""Asking questions over the socket: acks, idempotency, screening outcomes, limits (R3, R4, R9, R11, R14)."""

from __future__ import annotations

import asyncio

import pytest

from tests.factories import make_registration, make_webinar
from tests.live.conftest import screen_as
from tests.live.helpers import db
from webinar.models import Question, Registration, ScreeningSettings, Webinar
from webinar.services import moderation
from webinar.services.lifecycle import webinar_transition

pytestmark = pytest.mark.django_db(transaction=True)


def ask(key: str, text: str = "When do the slides go out?", **extra) -> dict:
    return {"type": "ask", "client_key": key, "text": text, **extra}


async def count_questions(**filters) -> int:
    return await db(Question.objects.filter(**filters).count)()


async def test_published_question_reaches_everyone_with_the_next_sequence_number(
    room, sockets, publish_everything
):
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)

    ack = await aisyah.request(ask("q1"))
    assert ack["type"] == "ack" and ack["for"] == "ask" and ack["client_key"] == "q1"
    assert ack["question"]["status"] == "published"

    event = await ben.receive_until("question.published")
    assert event["seq"] == ben.snapshot["seq"] + 1 and event["stream"] == "public"
    assert event["data"]["question"]["text"] == "When do the slides go out?"
    assert event["data"]["question"]["author"] == "Aisyah"
    assert "status" not in event["data"]["question"] and "author_id" not in event["data"]["question"]
    staff = await host.receive_until("staff.question")
    assert staff["stream"] == "staff" and staff["seq"] == host.snapshot["staff_seq"] + 1
    assert staff["data"]["question"]["status"] == "published"


async def test_anonymous_question_hides_the_name_from_attendees_but_not_from_hosts(
    room, sockets, publish_everything
):
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    await aisyah.request(ask("anon", anonymous=True))
    public = await ben.receive_until("question.published")
    assert public["data"]["question"]["author"] == "Anonymous"
    staff = await host.receive_until("staff.question")
    assert staff["data"]["question"]["author"] == "Aisyah"


async def test_attendee_question_held_by_screening_never_reaches_other_attendees(room, sockets, monkeypatch):
    screen_as(monkeypatch, "hold", ["insult"])
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)

    ack = await aisyah.request(ask("held-1", "You are all idiots"))
    assert ack["question"]["status"] == "held"
    assert ack["question"]["can_request_review"] is True
    mine = await aisyah.receive_until("mine.question")
    assert mine["question"]["id"] == ack["question"]["id"]
    staff = await host.receive_until("staff.question")
    assert staff["data"]["question"]["status"] == "held"
    assert "idiots" not in str(await ben.collect(timeout=0.4))


async def test_blocked_question_is_stored_and_only_its_author_and_hosts_hear_of_it(
    room, sockets, monkeypatch
):
    screen_as(monkeypatch, "block", ["spam"])
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    ack = await aisyah.request(ask("blocked-1", "buy cheap followers"))
    assert ack["question"]["status"] == "blocked"
    await ben.assert_nothing(timeout=0.3)
    assert await count_questions(status="blocked") == 1


async def test_same_ask_frame_twice_makes_one_question_and_two_identical_acks(
    room, sockets, publish_everything
):
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    first = await aisyah.request(ask("same-key"))
    second = await aisyah.request(ask("same-key"))
    assert first == second
    assert await count_questions() == 1
    published = [m for m in await ben.collect(timeout=0.4) if m["type"] == "question.published"]
    assert len(published) == 1


async def test_a_repeated_ask_finds_its_question_whatever_has_closed_asking_since(
    room, sockets, settings, publish_everything, rate_window_held
):
    """docs/protocol.md, `ask`: the repeat is answered from the stored question before any other check
    (its text is not read again), so re-sending an unacknowledged frame (client rule 6) never meets a
    refusal meant for a new question."""
    settings.DEWAN_QUESTION_RATE = "1/60"
    settings.DEWAN_QUESTIONS_PER_ATTENDEE = 1
    aisyah = await sockets.attendee(room.aisyah)
    host = await sockets.host(room.webinar, room.host)
    first = await aisyah.request(ask("once"))
    assert first["type"] == "ack"
    assert (await aisyah.request(ask("twice", "A new one")))["code"] in {"rate_limited", "question_limit"}
    await host.request({"type": "slow_mode", "seconds": 600})
    await host.request({"type": "pause"})
    await host.request({"type": "mute", "question_id": first["question"]["id"]})
    assert (await aisyah.request(ask("twice", "A new one")))["code"] == "paused"
    assert await aisyah.request(ask("once", "Another text under the same key")) == first
    await host.request({"type": "end"})
    assert await aisyah.request(ask("once")) == first
    assert await count_questions() == 1


async def test_the_authors_own_question_carries_the_asks_client_key_in_the_ack_and_the_event(
    room, sockets, monkeypatch
):
    """The ``ack`` and the ``mine.question`` event travel on different streams and may arrive in either
    order: both name the ``ask``'s ``client_key``, so a page replaces its "Sending…" copy with whichever
    comes first, on every tab of the author (docs/protocol.md, <OwnQuestion>)."""
    screen_as(monkeypatch, "hold", ["insult"])
    tab, other_tab = await sockets.attendee(room.aisyah), await sockets.attendee(room.aisyah)

    ack = await tab.request(ask("key-7f3", "You are all idiots"))
    assert ack["question"]["client_key"] == "key-7f3"
    for socket in (tab, other_tab):
        event = await socket.receive_until("mine.question")
        assert event["question"]["id"] == ack["question"]["id"]
        assert event["question"]["client_key"] == "key-7f3"


async def test_same_ask_from_two_tabs_at_once_makes_one_question(room, sockets, publish_everything):
    tab1, tab2 = await sockets.attendee(room.aisyah), await sockets.attendee(room.aisyah)
    await asyncio.gather(tab1.send(ask("race")), tab2.send(ask("race")))
    one = await tab1.receive_until("ack")
    two = await tab2.receive_until("ack")
    assert one["question"]["id"] == two["question"]["id"]
    assert await count_questions() == 1


async def test_same_client_key_from_different_attendees_makes_two_questions(
    room, sockets, publish_everything
):
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    one = await aisyah.request(ask("shared"))
    two = await ben.request(ask("shared"))
    assert one["question"]["id"] != two["question"]["id"]


async def test_over_long_question_gets_too_long_error_and_nothing_is_stored(room, sockets, settings):
    aisyah = await sockets.attendee(room.aisyah)
    error = await aisyah.request(ask("long", "x" * (settings.DEWAN_QUESTION_MAX_CHARS + 1)))
    assert error["type"] == "error" and error["code"] == "too_long"
    assert error["limit"] == settings.DEWAN_QUESTION_MAX_CHARS
    assert error["for_type"] == "ask" and error["client_key"] == "long"
    assert await count_questions() == 0


async def test_question_at_exactly_the_limit_is_accepted(room, sockets, settings, publish_everything):
    aisyah = await sockets.attendee(room.aisyah)
    ack = await aisyah.request(ask("edge", "y" * settings.DEWAN_QUESTION_MAX_CHARS))
    assert ack["type"] == "ack"


async def test_blank_question_gets_empty_error(room, sockets):
    aisyah = await sockets.attendee(room.aisyah)
    error = await aisyah.request(ask("blank", "   \n "))
    assert error["code"] == "empty"
    assert await count_questions() == 0


async def test_rate_limit_returns_retry_after_and_creates_nothing(
    room, sockets, settings, publish_everything, rate_window_held
):
    settings.DEWAN_QUESTION_RATE = "2/60"
    aisyah = await sockets.attendee(room.aisyah)
    for n in range(2):
        assert (await aisyah.request(ask(f"r{n}", f"Question {n}")))["type"] == "ack"
    error = await aisyah.request(ask("r2", "One too many"))
    assert error["code"] == "rate_limited"
    assert 0 < error["retry_after"] <= 60
    assert error["client_key"] == "r2"
    assert await count_questions() == 2


async def test_tabs_of_one_attendee_share_one_rate_limit_bucket(
    room, sockets, settings, publish_everything, rate_window_held
):
    settings.DEWAN_QUESTION_RATE = "2/60"
    tab1, tab2 = await sockets.attendee(room.aisyah), await sockets.attendee(room.aisyah)
    assert (await tab1.request(ask("t1", "First")))["type"] == "ack"
    assert (await tab2.request(ask("t2", "Second")))["type"] == "ack"
    assert (await tab1.request(ask("t3", "Third")))["code"] == "rate_limited"
    assert (await tab2.request(ask("t4", "Fourth")))["code"] == "rate_limited"
    ben = await sockets.attendee(room.ben)
    assert (await ben.request(ask("b1", "Ben's own bucket")))["type"] == "ack"


async def test_slow_mode_returns_retry_after(room, sockets, publish_everything):
    host = await sockets.host(room.webinar, room.host)
    assert (await host.request({"type": "slow_mode", "seconds": 30}))["type"] == "ack"
    aisyah = await sockets.attendee(room.aisyah)
    if aisyah.snapshot["webinar"]["slow_mode_seconds"] != 30:
        # Through Redis the snapshot may predate the event the hub has not heard yet; the event
        # then follows the snapshot (docs/protocol.md, "Snapshots and the events after them").
        notice = await aisyah.receive_until("webinar.settings")
        assert notice["data"]["slow_mode_seconds"] == 30
    assert (await aisyah.request(ask("s1", "First")))["type"] == "ack"
    error = await aisyah.request(ask("s2", "Second"))
    assert error["code"] == "slow_mode"
    assert 25 < error["retry_after"] <= 30
    assert await count_questions() == 1


async def test_ask_while_paused_is_refused_and_allowed_again_after_resume(room, sockets, publish_everything):
    host, aisyah = await sockets.host(room.webinar, room.host), await sockets.attendee(room.aisyah)
    await host.request({"type": "pause"})
    notice = await aisyah.receive_until("webinar.settings")
    assert notice["data"]["questions_paused"] is True
    assert (await aisyah.request(ask("p1")))["code"] == "paused"
    await host.request({"type": "resume"})
    assert (await aisyah.request(ask("p1")))["type"] == "ack"


async def test_ask_while_muted_is_refused(room, sockets, publish_everything):
    aisyah = await sockets.attendee(room.aisyah)
    ack = await aisyah.request(ask("m1"))
    host = await sockets.host(room.webinar, room.host)
    assert (await host.request({"type": "mute", "question_id": ack["question"]["id"]}))["type"] == "ack"
    error = await aisyah.request(ask("m2", "Another one"))
    assert error["code"] == "muted"
    assert await count_questions() == 1


async def test_ask_after_the_webinar_ended_is_refused(room, sockets):
    host, aisyah = await sockets.host(room.webinar, room.host), await sockets.attendee(room.aisyah)
    assert (await host.request({"type": "end"}))["type"] == "ack"
    status = await aisyah.receive_until("webinar.status")
    assert status["data"] == {"status": "ended"}
    assert (await aisyah.request(ask("late")))["code"] == "closed"
    assert await count_questions() == 0


@pytest.mark.parametrize(
    ("language", "voting_closed"),
    [
        ("en", "Voting has closed: this webinar was cancelled."),
        ("ms", "Pengundian telah ditutup: webinar ini telah dibatalkan."),
    ],
)
async def test_after_a_scheduled_webinar_is_cancelled_ask_and_vote_are_refused_closed(
    sockets, transactional_db, publish_everything, language, voting_closed
):
    """docs/protocol.md: ``closed`` once the webinar ended *or was cancelled*; the vote's words say which."""

    def scheduled_with_an_attendee():
        webinar = make_webinar(title="Cancelled before it began")
        return webinar, make_registration(webinar, "Chong", "chong@example.com", language=language)

    def cancel():
        webinar_transition(webinar=webinar, actor=webinar.organiser, to=Webinar.Status.CANCELLED)

    webinar, chong = await db(scheduled_with_an_attendee)()
    attendee = await sockets.attendee(chong)
    asked = await attendee.request(ask("before-cancel"))
    assert asked["question"]["status"] == "published"
    await db(cancel)()
    status = await attendee.receive_until("webinar.status")
    assert status["data"] == {"status": "cancelled"}
    error = await attendee.request(ask("after-cancel"))
    assert (error["code"], error["for_type"], error["client_key"]) == ("closed", "ask", "after-cancel")
    vote = await attendee.request(
        {"type": "vote", "client_key": "v1", "question_id": asked["question"]["id"], "value": True}
    )
    assert (vote["code"], vote["message"]) == ("closed", voting_closed)
    assert await count_questions() == 1


async def test_host_socket_cannot_ask(room, sockets):
    host = await sockets.host(room.webinar, room.host)
    error = await host.request(ask("h1"))
    assert error["code"] == "forbidden"


async def test_registration_cancelled_mid_session_can_no_longer_ask(room, sockets):
    aisyah = await sockets.attendee(room.aisyah)
    await db(Registration.objects.filter(pk=room.aisyah.pk).update)(status=Registration.Status.CANCELLED)
    error = await aisyah.request(ask("c1"))
    assert error["code"] == "not_registered"


async def test_screening_failure_holds_the_question(room, sockets, monkeypatch):
    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        raise RuntimeError("model file missing")

    monkeypatch.setattr("webinar.screening.screen", broken)
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    ack = await aisyah.request(ask("sf", "Is there a recording?"))
    assert calls == [1], "screening was never called: the fault did not fire"
    assert ack["question"]["status"] == "held"
    assert [r["code"] for r in ack["question"]["reasons"]] == ["screening.unavailable"]
    question = await db(Question.objects.get)(pk=ack["question"]["id"])
    assert question.screening["error"] == "RuntimeError"
    await ben.assert_nothing(timeout=0.3)


async def test_self_harm_question_goes_to_the_care_queue_and_the_author_gets_care_resources(
    room, sockets, monkeypatch
):
    reason = {
        "code": "self_harm.phrase",
        "category": "self_harm",
        "message_en": "At risk",
        "message_ms": "Berisiko",
    }
    screen_as(monkeypatch, "hold", ["self_harm"], reasons=[reason])
    await db(ScreeningSettings.objects.filter(webinar=room.webinar).update)(care_resources="Call 15555")
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    ack = await aisyah.request(ask("care", "I don't want to be here anymore"))
    assert ack["question"]["status"] == "care"
    assert ack["question"]["care_resources"] == "Call 15555"
    assert ack["question"]["care_message"]
    assert ack["question"]["reasons"] == [], "support, not the hosts' screening vocabulary"
    mine = await aisyah.receive_until("mine.question")
    assert mine["question"]["care_resources"] == "Call 15555"
    staff = await host.receive_until("staff.question")
    assert staff["data"]["question"]["care"] is True and staff["data"]["question"]["status"] == "care"
    await ben.assert_nothing(timeout=0.3)


async def test_request_review_is_for_the_author_of_a_held_question_only(room, sockets, monkeypatch):
    screen_as(monkeypatch, "hold", ["link"])
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    held = (await aisyah.request(ask("rr", "see example.com")))["question"]["id"]
    await host.receive_until("staff.question")
    await aisyah.receive_until("mine.question")  # the one telling her it is held

    assert (await ben.request({"type": "request_review", "question_id": held}))["code"] == "unknown_question"
    ack = await aisyah.request({"type": "request_review", "question_id": held})
    assert ack == {"type": "ack", "for": "request_review", "client_key": None, "question_id": held}
    staff = await host.receive_until("staff.question")
    assert staff["data"]["question"]["review_requested"] is True
    mine = await aisyah.receive_until("mine.question")
    assert mine["question"]["can_request_review"] is False
    assert (await host.request({"type": "request_review", "question_id": held}))["code"] == "forbidden"


async def test_request_review_of_a_published_question_is_not_held(room, sockets, publish_everything):
    aisyah = await sockets.attendee(room.aisyah)
    published = (await aisyah.request(ask("pub")))["question"]["id"]
    error = await aisyah.request({"type": "request_review", "question_id": published})
    assert error["code"] == "not_held"
    # docs/protocol.md: review is for a held *or blocked* question, and the words say so.
    assert error["message"] == "Only a held or blocked question can be sent for review."


async def test_scheduled_webinar_already_takes_questions(room, sockets, publish_everything):
    def schedule():
        Webinar.objects.filter(pk=room.webinar.pk).update(status=Webinar.Status.SCHEDULED)

    await db(schedule)()
    aisyah = await sockets.attendee(room.aisyah)
    assert (await aisyah.request(ask("early")))["type"] == "ack"


async def test_unmute_lets_the_attendee_ask_again(room, sockets, publish_everything):
    aisyah = await sockets.attendee(room.aisyah)
    question_id = (await aisyah.request(ask("u1")))["question"]["id"]
    await db(moderation.attendee_mute)(actor=room.host, webinar_id=room.webinar.pk, question_id=question_id)
    assert (await aisyah.request(ask("u2", "Again")))["code"] == "muted"
    await db(moderation.attendee_unmute)(actor=room.host, webinar_id=room.webinar.pk, question_id=question_id)
    assert (await aisyah.request(ask("u2", "Again")))["type"] == "ack"
