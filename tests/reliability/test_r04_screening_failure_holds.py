"""R4: when screening fails or times out the question is stored as held: never published, never lost."""

from __future__ import annotations

import pytest

from tests.factories import make_live_webinar, make_registration, make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("failure", [RuntimeError("model file missing"), TimeoutError("screening timed out")])
def test_r04_screening_failure_or_timeout_stores_the_question_held_for_a_host(monkeypatch, failure):
    from webinar.models import Question, WebinarEvent
    from webinar.services.questions import question_submit

    calls = []

    def broken(*_args, **_kwargs):
        calls.append(1)
        raise failure

    monkeypatch.setattr("webinar.screening.screen", broken)
    webinar = make_live_webinar(organiser=make_user())
    registration = make_registration(webinar, "Aisyah", "aisyah@example.com")

    result = question_submit(
        webinar_id=webinar.pk,
        registration_id=registration.pk,
        client_key="k",
        text="A perfectly fine question?",
    )

    assert calls == [1], "screening was never called: the fault did not fire"
    question = Question.objects.get(pk=result.question.pk)
    assert question.status == Question.Status.HELD
    assert question.screening["categories"] == ["screening_unavailable"]
    assert question.screening["error"] == type(failure).__name__
    assert not WebinarEvent.objects.filter(
        webinar=webinar, stream="public", type="question.published"
    ).exists()
    assert WebinarEvent.objects.filter(webinar=webinar, stream="staff", type="staff.question").exists()
