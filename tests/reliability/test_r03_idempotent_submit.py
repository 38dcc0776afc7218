"""R3: the same ask twice, from two sockets at once, or retried after the database dropped the
connection mid-submit, makes one question; the retry is acknowledged like the first."""

from __future__ import annotations

import asyncio

import pytest
from django.db import OperationalError

from tests.live.helpers import db

pytestmark = pytest.mark.django_db(transaction=True)


async def test_r03_same_frame_from_two_sockets_at_once_makes_one_question(room, sockets, publish_everything):
    from webinar.models import Question

    tab1 = await sockets.attendee(room.aisyah)
    tab2 = await sockets.attendee(room.aisyah)
    frame = {"type": "ask", "client_key": "same", "text": "Only once please?"}
    first, second = await asyncio.gather(tab1.request(frame), tab2.request(frame))
    assert first["type"] == second["type"] == "ack"
    assert first["question"]["id"] == second["question"]["id"]
    assert await db(Question.objects.filter(webinar=room.webinar).count)() == 1


async def test_r03_connection_lost_mid_submit_gets_unavailable_and_the_retry_makes_one_question(
    room, sockets, publish_everything, monkeypatch
):
    """The database connection drops inside the submit transaction (after the INSERT): the client
    is told ``unavailable`` with its client_key, re-sends the same frame, and one question exists."""
    from webinar.models import Question
    from webinar.services import questions

    real = questions.emit_question_changed
    failures = []

    def drop_once(question, **kwargs):
        if not failures:
            failures.append(question.pk)
            raise OperationalError("server closed the connection unexpectedly")
        return real(question, **kwargs)

    monkeypatch.setattr(questions, "emit_question_changed", drop_once)
    aisyah = await sockets.attendee(room.aisyah)
    frame = {"type": "ask", "client_key": "k-retry", "text": "Does this survive a database blip?"}

    error = await aisyah.request(frame)
    assert error["type"] == "error"
    assert error["code"] == "unavailable"
    assert error["client_key"] == "k-retry"
    assert error["retry_after"] > 0
    assert failures, "the fault was not injected"
    assert await db(Question.objects.filter(webinar=room.webinar).count)() == 0  # rolled back

    ack = await aisyah.request(frame)
    again = await aisyah.request(frame)
    assert ack["type"] == again["type"] == "ack"
    assert ack["question"]["id"] == again["question"]["id"]
    stored = await db(list)(
        Question.objects.filter(webinar=room.webinar).values_list("client_key", flat=True)
    )
    assert stored == ["k-retry"]
