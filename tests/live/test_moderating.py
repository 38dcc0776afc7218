"""Host commands over the socket: moderation, controls, mute, audit, role checks (R8, R9, R20)."""

from __future__ import annotations

import pytest

from tests.factories import make_live_webinar, make_registration
from tests.live.conftest import screen_as
from tests.live.helpers import db
from webinar.models import AuditEntry, Question, Registration, Vote, WebinarRole
from webinar.services import questions as question_service

pytestmark = pytest.mark.django_db(transaction=True)


def ask_as(registration, key: str, text: str = "A question") -> int:
    """Store a question through the service, as a socket would."""
    result = question_service.question_submit(
        webinar_id=registration.webinar_id, registration_id=registration.pk, client_key=key, text=text
    )
    return result.question.pk


def vote_as(registration, question_id: int) -> None:
    question_service.vote_set(
        webinar_id=registration.webinar_id,
        registration_id=registration.pk,
        question_id=question_id,
        value=True,
    )


def moderate(action: str, question_id: int, **fields) -> dict:
    return {"type": action, "question_id": question_id, **fields}


async def status_of(question_id: int) -> str:
    return await db(Question.objects.values_list("status", flat=True).get)(pk=question_id)


async def test_approving_a_held_question_publishes_it_to_attendees_and_tells_the_author(
    room, sockets, monkeypatch
):
    screen_as(monkeypatch, "hold")
    question_id = await db(ask_as)(room.aisyah, "held")
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    assert [q["id"] for q in host.snapshot["queue"]] == [question_id]
    assert ben.snapshot["questions"] == []

    ack = await host.request(moderate("approve", question_id))
    assert ack == {"type": "ack", "for": "approve", "client_key": None, "question_id": question_id}
    published = await ben.receive_until("question.published")
    assert published["data"]["question"]["id"] == question_id
    mine = await aisyah.receive_until("mine.question")
    assert mine["question"]["status"] == "published"


async def test_rejecting_a_published_question_removes_it_for_attendees(room, sockets, publish_everything):
    question_id = await db(ask_as)(room.aisyah, "r")
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    await host.request(moderate("reject", question_id, reason="Off topic"))
    removed = await ben.receive_until("question.removed")
    assert removed["data"] == {"question_id": question_id, "merged_into": None}
    mine = await aisyah.receive_until("mine.question")
    assert (mine["question"]["status"], mine["question"]["reject_reason"]) == ("rejected", "Off topic")


async def test_answer_and_edit_update_the_question_for_everyone(room, sockets, publish_everything):
    question_id = await db(ask_as)(room.aisyah, "a", "wat is the agenda")
    ben = await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    await host.request(moderate("answer", question_id))
    answered = await ben.receive_until("question.updated")
    assert answered["data"]["question"]["answered"] is True
    await host.request(moderate("edit", question_id, text="What is the agenda?"))
    edited = await ben.receive_until("question.updated")
    assert edited["data"]["question"]["text"] == "What is the agenda?"
    assert edited["data"]["question"]["edited"] is True
    await host.request(moderate("unanswer", question_id))
    assert (await ben.receive_until("question.updated"))["data"]["question"]["answered"] is False


async def test_edit_to_blank_or_over_long_text_is_refused(room, sockets, settings, publish_everything):
    question_id = await db(ask_as)(room.aisyah, "e")
    host = await sockets.host(room.webinar, room.host)
    assert (await host.request(moderate("edit", question_id, text="  ")))["code"] == "empty"
    too_long = "z" * (settings.DEWAN_QUESTION_MAX_CHARS + 1)
    assert (await host.request(moderate("edit", question_id, text=too_long)))["code"] == "too_long"


async def test_answering_a_held_question_is_refused(room, sockets, monkeypatch):
    screen_as(monkeypatch, "hold")
    question_id = await db(ask_as)(room.aisyah, "h")
    host = await sockets.host(room.webinar, room.host)
    for action in ("answer", "pin"):
        assert (await host.request(moderate(action, question_id)))["code"] == "not_published"


async def test_approving_a_published_question_again_is_an_invalid_state(room, sockets, publish_everything):
    question_id = await db(ask_as)(room.aisyah, "twice")
    host = await sockets.host(room.webinar, room.host)
    assert (await host.request(moderate("approve", question_id)))["code"] == "invalid_state"


async def test_pin_unpins_the_previous_question(room, sockets, publish_everything):
    first = await db(ask_as)(room.aisyah, "p1", "First")
    second = await db(ask_as)(room.ben, "p2", "Second")
    ben = await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    await host.request(moderate("pin", first))
    assert (await ben.receive_until("question.updated"))["data"]["question"]["pinned"] is True
    await host.request(moderate("pin", second))
    updates = [await ben.receive_until("question.updated") for _ in range(2)]
    assert {(u["data"]["question"]["id"], u["data"]["question"]["pinned"]) for u in updates} == {
        (first, False),
        (second, True),
    }
    pinned = await db(list)(Question.objects.filter(pinned=True).values_list("id", flat=True))
    assert pinned == [second]


async def test_merge_pools_votes_without_double_counting(room, sockets, publish_everything):
    def setup():
        carl = make_registration(room.webinar, "Carl", "carl@example.com")
        dina = make_registration(room.webinar, "Dina", "dina@example.com")
        target = ask_as(room.aisyah, "m1", "Will there be a recording?")
        duplicate = ask_as(room.ben, "m2", "Is this recorded?")
        for voter in (carl, dina):
            vote_as(voter, target)
        for voter in (carl, dina, room.aisyah):  # carl and dina voted for both
            vote_as(voter, duplicate)
        return target, duplicate

    target, duplicate = await db(setup)()
    observer = await sockets.attendee(room.aisyah)
    host = await sockets.host(room.webinar, room.host)
    assert (await host.request(moderate("merge", duplicate, into_id=target)))["type"] == "ack"

    # Voters: carl, dina (both), aisyah (duplicate only, but she wrote the target), ben (its author).
    voters = await db(set)(
        Vote.objects.filter(question_id=target).values_list("registration__name", flat=True)
    )
    assert voters == {"Carl", "Dina", "Aisyah", "Ben"}
    assert await db(Vote.objects.filter(question_id=duplicate).count)() == 0
    merged = await db(Question.objects.get)(pk=target)
    assert merged.vote_count == len(voters) == 4
    updated = await observer.receive_until("question.updated")
    assert updated["data"]["question"] == {**updated["data"]["question"], "id": target, "votes": 4}
    removed = await observer.receive_until("question.removed")
    assert removed["data"] == {"question_id": duplicate, "merged_into": target}
    assert await status_of(duplicate) == "merged"


async def test_merge_into_itself_or_an_unpublished_question_is_refused(room, sockets, monkeypatch):
    screen_as(monkeypatch, "publish")
    published = await db(ask_as)(room.aisyah, "x1")
    screen_as(monkeypatch, "hold")
    held = await db(ask_as)(room.ben, "x2")
    host = await sockets.host(room.webinar, room.host)
    assert (await host.request(moderate("merge", published, into_id=published)))["code"] == "invalid_target"
    assert (await host.request(moderate("merge", published)))["code"] == "invalid_target"
    assert (await host.request(moderate("merge", published, into_id=held)))["code"] == "unknown_question"


POLICY_HOLD = [{"code": "policy.hold_all", "category": "policy", "start": None, "end": None}]


async def test_every_moderation_action_writes_an_audit_entry(room, sockets, monkeypatch):
    screen_as(monkeypatch, "hold", reasons=POLICY_HOLD)  # held by the organiser's policy, not the text
    held, to_reject = await db(ask_as)(room.aisyah, "1"), await db(ask_as)(room.aisyah, "2")
    screen_as(monkeypatch, "hold")  # held for what it says: publishing it overrides screening
    other_held = await db(ask_as)(room.ben, "3")
    host = await sockets.host(room.webinar, room.host)
    frames = [
        moderate("approve", held),
        moderate("pin", held),
        moderate("unpin", held),
        moderate("answer", held),
        moderate("unanswer", held),
        moderate("edit", held, text="Edited"),
        moderate("reject", to_reject, reason="no"),
        moderate("publish_anyway", other_held),
        moderate("merge", other_held, into_id=held),
        {"type": "mute", "question_id": to_reject},
        {"type": "unmute", "question_id": to_reject},
        {"type": "pause"},
        {"type": "resume"},
        {"type": "slow_mode", "seconds": 10},
        {"type": "end"},
    ]
    before = await db(AuditEntry.objects.filter(actor=room.host).count)()
    for frame in frames:
        reply = await host.request(frame)
        assert reply["type"] == "ack" and reply["for"] == frame["type"], (frame, reply)
    entries = await db(list)(
        AuditEntry.objects.filter(actor=room.host).order_by("id").values_list("action", "actor_id")[before:]
    )
    assert [action for action, _actor in entries] == [
        "question.approve",
        "question.pin",
        "question.unpin",
        "question.answer",
        "question.unanswer",
        "question.edit",
        "question.reject",
        "question.publish_anyway",
        "question.merge",
        "attendee.mute",
        "attendee.unmute",
        "webinar.pause",
        "webinar.resume",
        "webinar.slow_mode",
        "webinar.status",
    ]
    assert {actor for _action, actor in entries} == {room.host.pk}


async def test_publish_anyway_is_recorded_in_the_audit_with_the_screening_verdict(room, sockets, monkeypatch):
    screen_as(monkeypatch, "block", ["profanity"])
    blocked = await db(ask_as)(room.aisyah, "pa", "damn good talk")
    host = await sockets.host(room.webinar, room.host)
    await host.request(moderate("publish_anyway", blocked))
    entry = await db(AuditEntry.objects.filter(action="question.publish_anyway").get)()
    assert entry.before["status"] == "blocked" and entry.after["status"] == "published"
    assert entry.after["override"] == {"screening_action": "block", "categories": ["profanity"]}
    assert entry.target_id == str(blocked)


async def test_host_demoted_mid_session_can_no_longer_moderate_on_the_same_socket(room, sockets, monkeypatch):
    screen_as(monkeypatch, "hold")
    question_id = await db(ask_as)(room.aisyah, "d")
    host = await sockets.host(room.webinar, room.host)
    await db(WebinarRole.objects.filter(user=room.host).delete)()
    for frame in (
        moderate("approve", question_id),
        {"type": "pause"},
        {"type": "mute", "question_id": question_id},
    ):
        error = await host.request(frame)
        assert error["code"] == "forbidden", frame
    assert await status_of(question_id) == "held"
    assert not await db(AuditEntry.objects.filter(action__startswith="question.").exists)()


async def test_attendee_cannot_send_host_commands(room, sockets, monkeypatch):
    screen_as(monkeypatch, "hold")
    question_id = await db(ask_as)(room.aisyah, "own")
    aisyah = await sockets.attendee(room.aisyah)
    for frame in (
        moderate("approve", question_id),
        moderate("publish_anyway", question_id),
        {"type": "pause"},
        {"type": "end"},
        {"type": "mute", "question_id": question_id},
    ):
        error = await aisyah.request(frame)
        assert (error["code"], error["for_type"]) == ("forbidden", frame["type"])
    assert await status_of(question_id) == "held"


async def test_host_viewing_the_attendee_page_cannot_moderate_from_it(room, sockets, monkeypatch):
    screen_as(monkeypatch, "hold")
    question_id = await db(ask_as)(room.aisyah, "hv")
    from tests.live.helpers import host_session

    session_key = await db(host_session)(room.host)
    viewer = await sockets.join(room.webinar, session_key=session_key, mode="attendee")
    assert viewer.welcome["role"] == "host" and viewer.welcome["staff_seq"] is None
    assert "queue" not in viewer.snapshot
    assert (await viewer.request(moderate("approve", question_id)))["code"] == "forbidden"


async def test_ids_of_another_webinars_question_are_not_found(room, sockets, publish_everything):
    def elsewhere():
        other = make_live_webinar()
        stranger = make_registration(other, "Stranger", "stranger@example.com")
        return ask_as(stranger, "foreign", "Not your webinar")

    foreign = await db(elsewhere)()
    local = await db(ask_as)(room.aisyah, "local")
    host, ben = await sockets.host(room.webinar, room.host), await sockets.attendee(room.ben)
    for frame in (
        moderate("approve", foreign),
        moderate("reject", foreign),
        moderate("pin", foreign),
        moderate("merge", local, into_id=foreign),
        moderate("merge", foreign, into_id=local),
        {"type": "mute", "question_id": foreign},
    ):
        assert (await host.request(frame))["code"] == "unknown_question", frame
    assert (await ben.request({"type": "vote", "client_key": "f", "question_id": foreign}))[
        "code"
    ] == "unknown_question"
    assert (await ben.request({"type": "request_review", "question_id": foreign}))[
        "code"
    ] == "unknown_question"
    assert await status_of(foreign) == "published"
    assert await db(Vote.objects.count)() == 0


async def test_mute_is_announced_on_the_staff_stream_only(room, sockets, publish_everything):
    question_id = await db(ask_as)(room.aisyah, "mu")
    ben = await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    await host.request({"type": "mute", "question_id": question_id})
    event = await host.receive_until("staff.attendee")
    assert event["stream"] == "staff"
    assert event["data"] == {"registration_id": room.aisyah.pk, "muted": True}
    registration = await db(Registration.objects.get)(pk=room.aisyah.pk)
    assert registration.muted_at is not None
    await ben.assert_nothing(timeout=0.3)


async def test_controls_are_announced_to_everyone(room, sockets):
    ben = await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    await host.request({"type": "slow_mode", "seconds": 45})
    event = await ben.receive_until("webinar.settings")
    assert event["data"] == {"questions_paused": False, "slow_mode_seconds": 45}
    assert event["seq"] == ben.snapshot["seq"] + 1


async def test_starting_a_live_webinar_again_is_an_invalid_transition(room, sockets):
    host = await sockets.host(room.webinar, room.host)
    assert (await host.request({"type": "start"}))["code"] == "invalid_transition"


async def test_after_the_end_moderation_is_closed_except_taking_questions_down(
    room, sockets, publish_everything
):
    public = await db(ask_as)(room.aisyah, "end1", "Will the recording be online?")
    other = await db(ask_as)(room.ben, "end2", "Are the slides shared?")
    ben = await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    assert (await host.request({"type": "end"}))["type"] == "ack"
    audited = await db(AuditEntry.objects.count)()
    refused = [
        moderate("approve", public),
        moderate("publish_anyway", public),
        moderate("pin", public),
        moderate("unpin", public),
        moderate("answer", public),
        moderate("unanswer", public),
        moderate("edit", public, text="Rewritten after the end"),
        moderate("merge", other, into_id=public),
        moderate("mute", public),
        moderate("unmute", public),
    ]
    for frame in refused:
        reply = await host.request(frame)
        assert (frame["type"], reply["type"], reply["code"]) == (frame["type"], "error", "closed")
    assert await db(AuditEntry.objects.count)() == audited  # nothing changed, nothing audited
    assert await status_of(other) == "published"
    assert (await host.request(moderate("reject", public, reason="Personal details")))["type"] == "ack"
    assert (await ben.receive_until("question.removed"))["data"]["question_id"] == public
    later = await sockets.host(room.webinar, room.host)
    assert {tuple(q["allowed"]) for q in later.snapshot["queue"]} == {("reject",)}
