"""An attendee's own questions in a ``snapshot``'s and a ``synced``'s ``mine`` are always all of them:
nobody may ask more than ``DEWAN_QUESTIONS_PER_ATTENDEE`` (50) questions in a webinar, every status
counted, and ``mine`` is read with the same bound (docs/protocol.md, ``mine`` and ``question_limit``).

A flooder is stopped long before by the rate and the budgets; this bound is for the long event, where
an attendee asking 5 a minute for hours would otherwise have had their oldest questions silently dropped
from "my questions" by the client's rule "replace yours with ``mine``".
"""

from __future__ import annotations

import threading

import pytest
from django.conf import settings
from django.db import connection

from tests.live.helpers import db
from webinar.exceptions import ValidationFailed
from webinar.models import Question
from webinar.services import moderation
from webinar.services.questions import question_submit

pytestmark = pytest.mark.django_db(transaction=True)


def ask(key: str, text: str = "What about the budget?") -> dict:
    return {"type": "ask", "client_key": key, "text": text}


@pytest.fixture
def quick_asking(settings):
    settings.DEWAN_QUESTION_RATE = "1000/60"  # the bound under test, not the rate


def asked(room, n: int, *, start: int = 0) -> list[Question]:
    return [
        question_submit(
            webinar_id=room.webinar.pk,
            registration_id=room.aisyah.pk,
            client_key=f"q{k}",
            text=f"Question {k}?",
        ).question
        for k in range(start, start + n)
    ]


async def test_the_question_after_the_fiftieth_is_refused_and_mine_still_holds_every_one(
    room, sockets, publish_everything, quick_asking
):
    limit = settings.DEWAN_QUESTIONS_PER_ATTENDEE
    assert limit == 50
    questions = await db(asked)(room, limit - 1)
    aisyah = await sockets.attendee(room.aisyah)
    assert (await aisyah.request(ask(f"q{limit - 1}")))["type"] == "ack"  # the fiftieth

    refused = await aisyah.request(ask("one-more"))

    assert (refused["type"], refused["code"], refused["limit"]) == ("error", "question_limit", limit)
    assert refused["client_key"] == "one-more" and refused["for_type"] == "ask"
    assert await db(Question.objects.filter(author=room.aisyah).count)() == limit
    synced = await aisyah.sync()
    assert len(synced["mine"]) == limit, "every own question: none dropped by the bound"
    assert synced["mine"][-1]["id"] == questions[0].pk, "the oldest too"
    again = await aisyah.request(ask("q3"))  # a resend of one already stored is still acknowledged
    assert again["type"] == "ack" and again["question"]["id"] == questions[3].pk


async def test_merged_and_withdrawn_questions_count_towards_the_bound(
    room, sockets, publish_everything, settings
):
    settings.DEWAN_QUESTIONS_PER_ATTENDEE = 3
    first, second = await db(asked)(room, 2)
    await db(moderation.question_merge)(
        actor=room.host, webinar_id=room.webinar.pk, question_id=second.pk, into_id=first.pk
    )
    aisyah = await sockets.attendee(room.aisyah)
    assert [q["id"] for q in aisyah.snapshot["mine"]] == [first.pk], "mine leaves merged ones out"
    third = await aisyah.request(ask("third"))
    withdrawn = await aisyah.request({"type": "withdraw", "question_id": third["question"]["id"]})
    assert withdrawn["type"] == "ack"

    refused = await aisyah.request(ask("fourth"))

    assert (refused["code"], refused["limit"]) == ("question_limit", 3)
    assert len((await aisyah.sync())["mine"]) == 2  # what it shows is everything there is to show


def test_two_tabs_asking_at_once_at_the_bound_store_one_question(
    room, publish_everything, quick_asking, settings
):
    if connection.vendor == "sqlite":
        pytest.skip("row locks need PostgreSQL (the services pass)")
    settings.DEWAN_QUESTIONS_PER_ATTENDEE = 2
    asked(room, 1)
    barrier, outcomes = threading.Barrier(2), []

    def tab(key: str) -> None:
        barrier.wait()
        try:
            asked_one = question_submit(
                webinar_id=room.webinar.pk, registration_id=room.aisyah.pk, client_key=key, text=f"{key}?"
            )
            outcomes.append(asked_one.created)
        except ValidationFailed as refused:
            outcomes.append(refused.code)
        finally:
            connection.close()

    tabs = [threading.Thread(target=tab, args=(key,)) for key in ("left", "right")]
    for thread in tabs:
        thread.start()
    for thread in tabs:
        thread.join(30)
    assert sorted(map(str, outcomes)) == ["True", "question_limit"]
    assert Question.objects.filter(author=room.aisyah).count() == 2
