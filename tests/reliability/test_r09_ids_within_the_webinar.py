"""R9: every id is looked up inside the current webinar; held questions never reach attendees."""

from __future__ import annotations

import pytest

from tests.factories import make_live_webinar, make_registration, make_user
from tests.live.conftest import screen_as
from tests.live.helpers import db
from webinar.services import questions as question_service

pytestmark = pytest.mark.django_db(transaction=True)


def foreign_question() -> int:
    other = make_live_webinar(organiser=make_user())
    author = make_registration(other, "Zed", "zed@example.com")
    return question_service.question_submit(
        webinar_id=other.pk, registration_id=author.pk, client_key="x", text="Elsewhere?"
    ).question.pk


async def test_r09_another_webinars_question_id_is_unknown_to_votes_and_moderation(
    room, sockets, publish_everything
):
    from webinar.models import Question

    foreign = await db(foreign_question)()
    host = await sockets.host(room.webinar, room.host)
    ben = await sockets.attendee(room.ben)

    vote = await ben.request({"type": "vote", "client_key": "v", "question_id": foreign, "value": True})
    reject = await host.request({"type": "reject", "question_id": foreign, "reason": "not yours"})

    assert vote["code"] == "unknown_question"
    assert reject["type"] == "error"
    assert reject["code"] in {"not_found", "unknown_question"}
    status = await db(lambda: Question.objects.get(pk=foreign).status)()
    assert status == "published"


async def test_r09_held_question_and_emails_never_reach_the_attendees_group(room, sockets, monkeypatch):
    screen_as(monkeypatch, "hold", ["profanity"])
    ben = await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    aisyah = await sockets.attendee(room.aisyah)

    await aisyah.request({"type": "ask", "client_key": "h", "text": "Something held"})
    staff = await host.receive_until("staff.question")

    assert staff["data"]["question"]["status"] == "held"
    heard = await ben.collect(timeout=0.5)
    assert heard == []
    for message in ben.seen:
        assert "aisyah@example.com" not in str(message)
        assert "Something held" not in str(message)
