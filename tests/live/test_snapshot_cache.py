"""Snapshots share one cached published list, and it is never stale."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_live_webinar, make_registration
from webinar.live_state import published_questions
from webinar.models import Question, Webinar
from webinar.services.moderation import question_answer, question_reject
from webinar.services.questions import question_submit, vote_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(monkeypatch):
    monkeypatch.setattr(settings, "DEWAN_SCREENING_BACKEND", "webinar.screening.backends.FixedVerdictBackend")
    monkeypatch.setattr(settings, "DEWAN_SCREENING_FIXED_VERDICT", {"action": "publish", "language": "en"})
    webinar = make_live_webinar()
    people = [make_registration(webinar) for _ in range(3)]
    ids = [
        question_submit(
            webinar_id=webinar.pk, registration_id=p.pk, client_key=f"k{n}", text=f"Question {n}"
        ).question.pk
        for n, p in enumerate(people)
    ]
    return webinar, people, ids


def fresh(webinar) -> Webinar:
    return Webinar.objects.get(pk=webinar.pk)


def test_second_snapshot_reuses_the_list_without_serialising_questions_again(published):
    webinar, _people, _ids = published
    first = published_questions(fresh(webinar))
    with CaptureQueriesContext(connection) as queries:
        second = published_questions(fresh(webinar))
    assert second == first
    assert not any('FROM "webinar_question" ' in q["sql"] and "ORDER BY" in q["sql"] for q in queries)


def test_a_vote_changes_the_cached_list(published):
    webinar, people, ids = published
    published_questions(fresh(webinar))
    vote_set(webinar_id=webinar.pk, registration_id=people[0].pk, question_id=ids[2], value=True)
    votes = {q["id"]: q["votes"] for q in published_questions(fresh(webinar))}
    assert votes[ids[2]] == 1


def test_a_moderation_event_changes_the_cached_list(published):
    webinar, _people, ids = published
    published_questions(fresh(webinar))
    question_answer(actor=webinar.organiser, webinar_id=webinar.pk, question_id=ids[0])
    answered = {q["id"]: q["answered"] for q in published_questions(fresh(webinar))}
    assert answered[ids[0]] is True
    question_reject(actor=webinar.organiser, webinar_id=webinar.pk, question_id=ids[1])
    assert ids[1] not in {q["id"] for q in published_questions(fresh(webinar))}
    assert Question.objects.get(pk=ids[1]).status == "rejected"
