"""Votes are final when the webinar ends: the report was built from them."""

from __future__ import annotations

import pytest

from tests.factories import make_registration
from webinar.exceptions import InvalidState
from webinar.models import Question, Vote, Webinar
from webinar.services.lifecycle import webinar_transition
from webinar.services.questions import vote_set

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", [True, False])
def test_a_vote_after_the_end_is_refused_and_changes_nothing(live_webinar, organiser, value):
    voter = make_registration(live_webinar, "Voter", "voter@example.com")
    question = Question.objects.create(
        webinar=live_webinar, text="Kept?", client_key="k1", status=Question.Status.PUBLISHED
    )
    vote_set(webinar_id=live_webinar.pk, registration_id=voter.pk, question_id=question.pk, value=True)
    webinar_transition(webinar=live_webinar, actor=organiser, to=Webinar.Status.ENDED)
    with pytest.raises(InvalidState) as refused:
        vote_set(webinar_id=live_webinar.pk, registration_id=voter.pk, question_id=question.pk, value=value)
    assert refused.value.code == "closed"
    assert Vote.objects.filter(question=question).count() == 1
    question.refresh_from_db()
    assert question.vote_count == 1
