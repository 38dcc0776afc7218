"""Host writes: moderate questions, control the webinar, mute attendees, tune screening.

Every call re-reads the actor's role from the database (a host demoted mid-session can no
longer moderate on the same socket, RELIABILITY R8), looks ids up within the webinar (R9),
writes an audit row in the same transaction (R20), and emits events after commit.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from webinar import selectors
from webinar.exceptions import InvalidState, NotFound, PermissionDenied, ValidationFailed
from webinar.models import Question, Registration, ScreeningSettings, Vote, Webinar
from webinar.services.audit import audit_record
from webinar.services.events import Stream, event_record
from webinar.services.lifecycle import webinar_transition
from webinar.services.questions import emit_question_changed

Status = Question.Status
MODERATABLE = {Status.PENDING, Status.HELD, Status.CARE, Status.BLOCKED, Status.REJECTED, Status.PUBLISHED}


def _require_host(actor, webinar: Webinar) -> None:
    if not selectors.can_moderate(user=actor, webinar=webinar):
        raise PermissionDenied(_("Only this webinar's hosts can do that."), code="forbidden")


def _snapshot(question: Question) -> dict:
    return {
        "status": question.status,
        "text": question.text,
        "pinned": question.pinned,
        "answered": question.answered_at is not None,
        "merged_into": question.merged_into_id,
        "reject_reason": question.reject_reason,
    }


def question_moderate(
    *,
    actor,
    webinar_id: int,
    question_id: int,
    action: str,
    reason: str = "",
    text: str | None = None,
    into_id: int | None = None,
) -> Question:
    webinar = Webinar.objects.filter(pk=webinar_id).first()
    if webinar is None:
        raise NotFound(code="unknown_webinar")
    _require_host(actor, webinar)
    handler = _ACTIONS.get(action)
    if handler is None:
        raise ValidationFailed(_("Unknown moderation action."), code="unknown_action")
    with transaction.atomic():
        question = Question.objects.select_for_update().filter(pk=question_id, webinar_id=webinar_id).first()
        if question is None:
            raise NotFound(_("No such question in this webinar."), code="unknown_question")
        before = _snapshot(question)
        was_public = question.status == Status.PUBLISHED
        extra = handler(question=question, actor=actor, reason=reason.strip(), text=text, into_id=into_id)
        question.moderated_by = actor
        question.moderated_at = timezone.now()
        question.save()
        audit_after = {**_snapshot(question), **(extra or {})}
        audit_record(
            webinar=webinar,
            actor=actor,
            action=f"question.{action}",
            target=question,
            before=before,
            after=audit_after,
        )
        emit_question_changed(question, was_public=was_public)
    return question


def _publish(*, question: Question, **_kwargs) -> dict:
    if question.status not in MODERATABLE - {Status.PUBLISHED}:
        raise InvalidState(_("This question cannot be published."), code="invalid_state")
    question.status = Status.PUBLISHED
    question.published_at = question.published_at or timezone.now()
    question.reject_reason = ""
    return {}


def _publish_anyway(*, question: Question, **kwargs) -> dict:
    """A host overrides the screening verdict; the audit keeps what screening said."""
    verdict = {"screening_action": question.screening_action, "categories": question.screening_categories}
    _publish(question=question, **kwargs)
    return {"override": verdict}


def _reject(*, question: Question, reason: str, **_kwargs) -> dict:
    if question.status not in MODERATABLE:
        raise InvalidState(_("This question cannot be rejected."), code="invalid_state")
    question.status = Status.REJECTED
    question.reject_reason = reason[:300]
    question.pinned = False
    return {}


def _require_published(question: Question) -> None:
    if question.status != Status.PUBLISHED:
        raise InvalidState(_("Only published questions can be changed this way."), code="not_published")


def _answer(*, question: Question, **_kwargs) -> dict:
    _require_published(question)
    question.answered_at = question.answered_at or timezone.now()
    return {}


def _unanswer(*, question: Question, **_kwargs) -> dict:
    _require_published(question)
    question.answered_at = None
    return {}


def _pin(*, question: Question, actor, **_kwargs) -> dict:
    """One pinned question at a time: the previous one is unpinned in the same transaction."""
    _require_published(question)
    for other in (
        Question.objects.select_for_update()
        .filter(webinar_id=question.webinar_id, pinned=True)
        .exclude(pk=question.pk)
    ):
        other.pinned = False
        other.save(update_fields=["pinned", "updated_at"])
        emit_question_changed(other, was_public=other.status == Status.PUBLISHED)
    question.pinned = True
    return {}


def _unpin(*, question: Question, **_kwargs) -> dict:
    question.pinned = False
    return {}


def _edit(*, question: Question, text: str | None, **_kwargs) -> dict:
    text = (text or "").strip()
    if not text:
        raise ValidationFailed(_("The question cannot be empty."), code="empty")
    if len(text) > settings.DEWAN_QUESTION_MAX_CHARS:
        raise ValidationFailed(_("That text is too long."), code="too_long")
    if not question.original_text:
        question.original_text = question.text
    question.text = text
    return {}


def _merge(*, question: Question, into_id: int | None, **_kwargs) -> dict:
    """Fold a duplicate into another published question; voters of either count once on the target."""
    if not into_id or into_id == question.pk:
        raise ValidationFailed(_("Choose another question to merge into."), code="invalid_target")
    target = (
        Question.objects.select_for_update()
        .filter(pk=into_id, webinar_id=question.webinar_id, status=Status.PUBLISHED)
        .first()
    )
    if target is None:
        raise NotFound(
            _("The question to merge into is not published in this webinar."), code="unknown_question"
        )
    target_voters = set(Vote.objects.filter(question=target).values_list("registration_id", flat=True))
    moved = Vote.objects.filter(question=question).exclude(registration_id__in=target_voters)
    moved_count = moved.update(question=target)
    if (
        question.author_id
        and question.author_id not in target_voters
        and question.author_id != target.author_id
    ):
        # The duplicate's author evidently wants this answered: count them as a voter.
        Vote.objects.get_or_create(question=target, registration_id=question.author_id)
    Vote.objects.filter(question=question).delete()
    target.vote_count = Vote.objects.filter(question=target).aggregate(n=Count("id"))["n"]
    target.vote_version += 1
    target.save(update_fields=["vote_count", "vote_version", "updated_at"])
    emit_question_changed(target, was_public=True)
    question.status = Status.MERGED
    question.merged_into = target
    question.pinned = False
    question.vote_count = 0
    return {"merged_into": target.pk, "votes_moved": moved_count}


_ACTIONS = {
    "approve": _publish,
    "publish_anyway": _publish_anyway,
    "reject": _reject,
    "answer": _answer,
    "unanswer": _unanswer,
    "pin": _pin,
    "unpin": _unpin,
    "edit": _edit,
    "merge": _merge,
}


def webinar_control(*, actor, webinar_id: int, action: str, seconds: int = 0) -> Webinar:
    """Pause or resume questions, set slow mode, start or end the webinar."""
    webinar = Webinar.objects.filter(pk=webinar_id).first()
    if webinar is None:
        raise NotFound(code="unknown_webinar")
    _require_host(actor, webinar)
    if action in {"start", "end"}:
        target = Webinar.Status.LIVE if action == "start" else Webinar.Status.ENDED
        return webinar_transition(webinar=webinar, actor=actor, to=target)
    with transaction.atomic():
        webinar = Webinar.objects.select_for_update().get(pk=webinar_id)
        before = {
            "questions_paused": webinar.questions_paused,
            "slow_mode_seconds": webinar.slow_mode_seconds,
        }
        if action == "pause":
            webinar.questions_paused = True
        elif action == "resume":
            webinar.questions_paused = False
        elif action == "slow_mode":
            webinar.slow_mode_seconds = max(0, min(int(seconds), 3600))
        else:
            raise ValidationFailed(_("Unknown control."), code="unknown_action")
        webinar.save(update_fields=["questions_paused", "slow_mode_seconds", "updated_at"])
        after = {"questions_paused": webinar.questions_paused, "slow_mode_seconds": webinar.slow_mode_seconds}
        audit_record(
            webinar=webinar,
            actor=actor,
            action=f"webinar.{action}",
            target=webinar,
            before=before,
            after=after,
        )
        event_record(webinar_id=webinar.pk, stream=Stream.PUBLIC, type="webinar.settings", payload=after)
    return webinar


def attendee_mute(*, actor, webinar_id: int, question_id: int, muted: bool) -> Registration:
    """Mute (or unmute) the author of a question for this webinar."""
    webinar = Webinar.objects.filter(pk=webinar_id).first()
    if webinar is None:
        raise NotFound(code="unknown_webinar")
    _require_host(actor, webinar)
    with transaction.atomic():
        question = (
            Question.objects.filter(pk=question_id, webinar_id=webinar_id).select_related("author").first()
        )
        if question is None or question.author is None:
            raise NotFound(_("No such question in this webinar."), code="unknown_question")
        registration = Registration.objects.select_for_update().get(pk=question.author_id)
        before = {"muted": registration.muted_at is not None}
        registration.muted_at = timezone.now() if muted else None
        registration.save(update_fields=["muted_at"])
        audit_record(
            webinar=webinar,
            actor=actor,
            action="attendee.mute" if muted else "attendee.unmute",
            target=registration,
            before=before,
            after={"muted": muted},
        )
        event_record(
            webinar_id=webinar_id,
            stream=Stream.STAFF,
            type="staff.attendee",
            payload={"registration_id": registration.pk, "muted": muted},
        )
    return registration


SCREENING_FIELDS = (
    "strictness",
    "link_policy",
    "hold_all",
    "hold_first_time",
    "blocked_terms",
    "allowed_terms",
    "care_resources",
)


def screening_settings_update(*, webinar: Webinar, actor, **fields) -> ScreeningSettings:
    if not selectors.can_organise(user=actor, webinar=webinar):
        raise PermissionDenied(code="forbidden")
    with transaction.atomic():
        obj, _created = ScreeningSettings.objects.select_for_update().get_or_create(webinar=webinar)
        before = {name: getattr(obj, name) for name in SCREENING_FIELDS if name in fields}
        for name in SCREENING_FIELDS:
            if name in fields:
                setattr(obj, name, fields[name])
        if "category_actions" in fields:
            obj.category_actions = dict(fields["category_actions"])
        obj.full_clean()
        obj.save()
        audit_record(
            webinar=webinar,
            actor=actor,
            action="screening.update",
            target=obj,
            before=before,
            after={name: getattr(obj, name) for name in before},
        )
    return obj
