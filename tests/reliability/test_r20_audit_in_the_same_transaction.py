"""R20: moderation and role changes write an append-only audit row in the same transaction."""

from __future__ import annotations

import pytest
from django.conf import settings

from tests.factories import make_host, make_live_webinar, make_registration, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def published(monkeypatch):
    from webinar.services.questions import question_submit

    monkeypatch.setattr(settings, "DEWAN_SCREENING_BACKEND", "webinar.screening.backends.FixedVerdictBackend")
    monkeypatch.setattr(settings, "DEWAN_SCREENING_FIXED_VERDICT", {"action": "publish", "language": "en"})
    organiser = make_user(name="Organiser")
    webinar = make_live_webinar(organiser=organiser)
    host = make_host(webinar, make_user(name="Host"))
    author = make_registration(webinar, "Aisyah", "aisyah@example.com")
    question = question_submit(
        webinar_id=webinar.pk, registration_id=author.pk, client_key="q", text="Pin me?"
    ).question
    return webinar, host, question


def test_r20_moderation_writes_actor_action_target_before_after_and_time(published):
    from webinar.models import AuditEntry
    from webinar.services.moderation import question_reject

    webinar, host, question = published
    question_reject(actor=host, webinar_id=webinar.pk, question_id=question.pk, reason="dup")

    entry = AuditEntry.objects.get(webinar=webinar, action__contains="reject")
    assert entry.actor == host
    assert (entry.target_type, entry.target_id) == ("question", str(question.pk))
    assert entry.before.get("status") == "published"
    assert entry.after.get("status") == "rejected"
    assert entry.created_at is not None


def test_r20_a_change_that_fails_after_the_audit_row_leaves_neither(published, monkeypatch):
    from webinar.models import AuditEntry, Question
    from webinar.services import moderation

    webinar, host, question = published

    crashes = []

    def crash(*_args, **_kwargs):
        crashes.append(1)
        raise RuntimeError("the event log write failed")

    monkeypatch.setattr(moderation, "emit_question_changed", crash)
    monkeypatch.setattr("webinar.services.questions.emit_question_changed", crash)
    before = AuditEntry.objects.count()
    with pytest.raises(RuntimeError, match="the event log write failed"):
        moderation.question_reject(actor=host, webinar_id=webinar.pk, question_id=question.pk, reason="dup")
    assert crashes == [1], "the injected failure never ran"
    assert AuditEntry.objects.count() == before
    assert Question.objects.get(pk=question.pk).status == "published"


def test_r20_audit_rows_are_append_only(published):
    from webinar.models import AuditEntry
    from webinar.services.moderation import question_pin

    webinar, host, question = published
    question_pin(actor=host, webinar_id=webinar.pk, question_id=question.pk)
    entry = AuditEntry.objects.filter(webinar=webinar).latest("pk")
    with pytest.raises(Exception):  # noqa: B017 - whichever refusal the model chooses
        entry.action = "tampered"
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).action != "tampered"
