"""Blank-looking input is empty: questions, edits, names and custom answers made only of zero-width or
filler characters are refused exactly like empty ones (one helper, ``webinar.blank.is_blank``)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_webinar
from tests.live.helpers import db
from tests.live.test_moderating import ask_as, moderate
from webinar.blank import is_blank
from webinar.models import Question, Registration

BLANK = [
    "\u200b",
    "\u3164",
    "\u2800",
    "\u200b\u200c\u200d\u2060\ufeff",
    " \u3164 \u2800 ",
    "\u115f\u1160\uffa0",
    "\u180e",
]
NOT_BLANK = ["a\u200b", "\u3164x", "?", "\u0e01", "\U0001f600", "\u0661"]


@pytest.mark.parametrize("text", BLANK)
def test_blank_looking_text_is_blank(text):
    assert is_blank(text)


@pytest.mark.parametrize("text", NOT_BLANK)
def test_text_with_something_visible_is_not_blank(text):
    assert not is_blank(text)


@pytest.mark.django_db(transaction=True)
async def test_a_question_of_only_filler_characters_is_refused_like_an_empty_one(room, sockets):
    aisyah = await sockets.attendee(room.aisyah)
    for n, text in enumerate(BLANK):
        reply = await aisyah.request({"type": "ask", "client_key": f"blank-{n}", "text": text})
        assert (reply["type"], reply["code"]) == ("error", "empty"), (text, reply)
    assert not await db(Question.objects.exists)()


@pytest.mark.django_db(transaction=True)
async def test_an_edit_to_filler_characters_is_refused_like_an_empty_one(room, sockets, publish_everything):
    question_id = await db(ask_as)(room.aisyah, "e")
    host = await sockets.host(room.webinar, room.host)
    for text in BLANK:
        assert (await host.request(moderate("edit", question_id, text=text)))["code"] == "empty", text
    assert await db(Question.objects.values_list("text", flat=True).get)(pk=question_id) != ""


@pytest.mark.django_db
@pytest.mark.parametrize("name", BLANK)
def test_registering_with_a_filler_name_is_refused(name):
    webinar = make_webinar()
    data = {"name": name, "email": "a@example.com", "language": "en", "consent": "on"}
    response = Client().post(reverse("webinar:detail", args=[webinar.slug]), data)
    assert response.status_code == 400
    assert not Registration.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("answer", BLANK)
def test_a_required_custom_answer_of_filler_characters_is_refused(answer):
    webinar = make_webinar(custom_questions=[{"key": "school", "label": "School", "required": True}])
    data = {"name": "Aisyah", "email": "a@example.com", "language": "en", "consent": "on", "q_school": answer}
    response = Client().post(reverse("webinar:detail", args=[webinar.slug]), data)
    assert response.status_code == 400
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_an_optional_custom_answer_of_filler_characters_is_not_stored():
    webinar = make_webinar(custom_questions=[{"key": "age", "label": "Age"}])
    data = {"name": "Aisyah", "email": "a@example.com", "language": "en", "consent": "on", "q_age": "\u2800"}
    assert Client().post(reverse("webinar:detail", args=[webinar.slug]), data).status_code == 302
    assert Registration.objects.get().answers == {}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Aisyah\r\nBcc: x@example.com", "Aisyah Bcc: x@example.com"),
        ("  Wei \t Jie\u2028\u2029Tan\x85 ", "Wei Jie Tan"),
        ("Pri\x00ya\x1b", "Priya"),
        ("\u200b\r\n", ""),
    ],
)
def test_a_one_line_field_keeps_one_line_and_no_control_characters(typed, stored):
    from webinar.blank import clean_line

    assert clean_line(typed) == stored
