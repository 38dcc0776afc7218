"""After the event: askers and upvoters of answered questions learn when in the stream it was answered."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_host, make_live_webinar, make_registration, make_user
from webinar.campaigns import selectors
from webinar.campaigns.models import AnswerNotice
from webinar.campaigns.services.answers import answer_digests_send
from webinar.models import Question, Webinar
from webinar.selectors import browser_registration_remember
from webinar.services.lifecycle import webinar_transition
from webinar.services.moderation import question_answer, question_approve
from webinar.services.questions import question_submit, vote_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    organiser = make_user()
    webinar = make_live_webinar(organiser=organiser, stream_url="https://www.youtube.com/watch?v=abc")
    went_live_at = timezone.now() - timedelta(minutes=23, seconds=15)
    Webinar.objects.filter(pk=webinar.pk).update(went_live_at=went_live_at)
    webinar.refresh_from_db()
    host = make_host(webinar)
    asker = make_registration(webinar, "Aisyah", "aisyah@example.com", language="ms")
    voter = make_registration(webinar, "Ben", "ben@example.com")
    bystander = make_registration(webinar, "Chandra", "chandra@example.com")
    moderate = {"actor": host, "webinar_id": webinar.pk}

    def published(who, key, text, anonymous=False):
        question = question_submit(
            webinar_id=webinar.pk, registration_id=who.pk, client_key=key, text=text, anonymous=anonymous
        ).question
        if question.status != "published":
            question_approve(**moderate, question_id=question.pk)
        return question

    answered = published(asker, "q1", "How do I report a fake news page?", anonymous=True)
    unanswered = published(voter, "q2", "Will the slides be shared?")
    vote_set(webinar_id=webinar.pk, registration_id=voter.pk, question_id=answered.pk, value=True)
    vote_set(webinar_id=webinar.pk, registration_id=bystander.pk, question_id=unanswered.pk, value=True)
    question_answer(**moderate, question_id=answered.pk)
    # Answered 23:15 into the stream whatever the setup cost (screening a first question can take
    # seconds on a loaded machine: the offset was read from the clock and drifted past 00:23:19).
    Question.objects.filter(pk=answered.pk).update(
        answered_at=went_live_at + timedelta(minutes=23, seconds=15)
    )
    webinar = webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.ENDED)
    return {"webinar": webinar, "asker": asker, "voter": voter, "bystander": bystander, "answered": answered}


def test_the_asker_and_the_upvoter_see_the_stream_offset_of_the_answer(event):
    (mine,) = selectors.answered_for_registration(registration=event["asker"])
    assert mine["asked"] and mine["offset"] == "00:23:15"
    assert mine["stream_url"] == f"https://www.youtube.com/watch?v=abc&t={mine['offset_seconds']}s"
    (theirs,) = selectors.answered_for_registration(registration=event["voter"])
    assert theirs["upvoted"] and not theirs["asked"]
    assert selectors.answered_for_registration(registration=event["bystander"]) == []


def test_the_digest_subject_shows_the_title_as_written(event):
    Webinar.objects.filter(pk=event["webinar"].pk).update(title="Q&A\nnight", title_ms="")
    answer_digests_send()
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["ben@example.com"] == "Your question was answered: Q&A night"


def test_the_digest_reaches_each_person_once_in_their_language_and_names_nobody(event):
    sent = answer_digests_send()
    assert sent == 2 and answer_digests_send() == 0
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"aisyah@example.com", "ben@example.com"}
    malay = by_address["aisyah@example.com"]
    assert "Soalan anda telah dijawab" in malay.subject and "00:23:15" in malay.body
    assert "Aisyah" not in by_address["ben@example.com"].body, "the anonymous asker is never revealed"
    assert AnswerNotice.objects.filter(sent_at__isnull=False).count() == 2


def test_webinars_that_ended_long_ago_send_nothing(event):
    assert answer_digests_send(now=timezone.now() + timedelta(days=4)) == 0
    assert not mail.outbox


def test_the_page_lists_your_answered_questions(client, event):
    session = client.session
    browser_registration_remember(session=session, registration=event["voter"])
    session.save()
    html = client.get(reverse("campaigns:answered", args=[event["webinar"].slug])).content.decode()
    assert "How do I report a fake news page?" in html and "You upvoted this." in html
    assert "Will the slides be shared?" not in html


def test_a_stranger_is_sent_to_the_webinar_page(client, event):
    response = client.get(reverse("campaigns:answered", args=[event["webinar"].slug]))
    assert response["Location"] == reverse("webinar:detail", args=[event["webinar"].slug])
