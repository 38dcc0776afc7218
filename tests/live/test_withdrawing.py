"""An author withdraws their own unanswered question (issue 14): typed command, service rules, events."""

from __future__ import annotations

import pytest

from realtime.protocol import ErrorCode
from tests.factories import make_registration
from webinar.exceptions import InvalidState, NotFound
from webinar.models import Question, WebinarEvent
from webinar.services.questions import question_withdraw

pytestmark = pytest.mark.django_db


def _question(webinar, author, status, **extra):
    return Question.objects.create(
        webinar=webinar, author=author, text="Mine?", client_key=f"k-{status}", status=status, **extra
    )


@pytest.mark.parametrize("status", ["pending", "held", "blocked", "published"])
def test_the_author_withdraws_an_unanswered_question(live_webinar, attendee, status):
    question = _question(live_webinar, attendee, status, pinned=status == "published")
    withdrawn = question_withdraw(
        webinar_id=live_webinar.pk, registration_id=attendee.pk, question_id=question.pk
    )
    assert withdrawn.status == Question.Status.WITHDRAWN and not withdrawn.pinned
    types = list(WebinarEvent.objects.filter(webinar=live_webinar).values_list("type", flat=True))
    assert "staff.question" in types
    assert ("question.removed" in types) == (status == "published")
    again = question_withdraw(
        webinar_id=live_webinar.pk, registration_id=attendee.pk, question_id=question.pk
    )
    assert again.status == Question.Status.WITHDRAWN


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({"status": "published", "answered": True}, ErrorCode.ALREADY_ANSWERED),
        ({"status": "care", "care": True}, ErrorCode.CARE_PRIVATE),
        ({"status": "rejected"}, ErrorCode.INVALID_STATE),
    ],
)
def test_answered_care_and_rejected_questions_cannot_be_withdrawn(live_webinar, attendee, extra, code):
    from django.utils import timezone

    answered = extra.pop("answered", False)
    question = _question(live_webinar, attendee, answered_at=timezone.now() if answered else None, **extra)
    with pytest.raises(InvalidState) as refused:
        question_withdraw(webinar_id=live_webinar.pk, registration_id=attendee.pk, question_id=question.pk)
    assert refused.value.code == code
    question.refresh_from_db()
    assert question.status == extra["status"]


def test_someone_elses_question_cannot_be_withdrawn(live_webinar, attendee):
    other = make_registration(live_webinar, "Other", "other@example.com")
    question = _question(live_webinar, other, "published")
    with pytest.raises(NotFound) as refused:
        question_withdraw(webinar_id=live_webinar.pk, registration_id=attendee.pk, question_id=question.pk)
    assert refused.value.code == ErrorCode.UNKNOWN_QUESTION


def test_own_questions_say_whether_they_can_be_withdrawn(live_webinar, attendee):
    from webinar.representations import own_question

    published = _question(live_webinar, attendee, "published")
    care = Question.objects.create(
        webinar=live_webinar, author=attendee, text="x", client_key="c", status="care", care=True
    )
    assert own_question(published, language="en")["can_withdraw"] is True
    assert own_question(care, language="en")["can_withdraw"] is False


@pytest.mark.django_db(transaction=True)
async def test_withdraw_over_the_socket_removes_it_for_everyone_and_tells_hosts(
    room, sockets, publish_everything
):
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    asked = await aisyah.request({"type": "ask", "client_key": "w1", "text": "Can I take this back?"})
    question_id = asked["question"]["id"]
    assert asked["question"]["can_withdraw"] is True
    await ben.receive_until("question.published")
    ack = await aisyah.request({"type": "withdraw", "question_id": question_id})
    assert ack["type"] == "ack" and ack["for"] == "withdraw" and ack["question_id"] == question_id
    removed = await ben.receive_until("question.removed")
    assert removed["data"]["question_id"] == question_id
    staff = await host.receive_until("staff.question")
    while staff["data"]["question"]["status"] != "withdrawn":
        staff = await host.receive_until("staff.question")
    refused = await ben.request({"type": "withdraw", "question_id": question_id})
    assert refused["type"] == "error" and refused["code"] == "unknown_question"


async def test_a_hosts_snapshot_leaves_withdrawn_questions_out_of_the_queue_and_the_author_keeps_them(
    room, sockets, publish_everything
):
    """docs/protocol.md, ``snapshot.queue``: every question except merged and withdrawn ones, as the
    ``staff.question`` with status ``withdrawn`` told the console (drop it from every queue)."""
    aisyah = await sockets.attendee(room.aisyah)
    kept = await aisyah.request({"type": "ask", "client_key": "q1", "text": "Is there a recording?"})
    taken = await aisyah.request({"type": "ask", "client_key": "q2", "text": "Can I take this back?"})
    await aisyah.request({"type": "withdraw", "question_id": taken["question"]["id"]})

    host = await sockets.host(room.webinar, room.host)
    queue = (await host.sync())["queue"]
    mine = (await aisyah.sync())["mine"]

    assert [q["id"] for q in queue] == [kept["question"]["id"]]
    assert [(q["id"], q["status"]) for q in mine] == [
        (taken["question"]["id"], "withdrawn"),
        (kept["question"]["id"], "published"),
    ]
