"""Host writes: one typed service per host action, and the one table of what is legal when.

Every service re-reads the actor's role from the database (a host demoted mid-session can no
longer moderate on the same socket, RELIABILITY R8), looks ids up within the webinar (R9), writes
an audit row in the same transaction (R20), and emits events after commit.

Which action applies to a question, and whether publishing it overrides screening, is decided here
from the question's state (``question_actions_allowed``, ``screening_overridden``), never from the
command a browser picked. Care items (self-harm signals) are never public: no action publishes,
merges, edits, pins or answers one; hosts mark them handled and reply privately
(docs/protocol.md, "Care items"; docs/reliability.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from realtime import protocol
from realtime.protocol import ErrorCode
from webinar import selectors
from webinar.blank import clean_text
from webinar.exceptions import NotFound, PermissionDenied, ValidationFailed
from webinar.models import Question, Registration, ScreeningSettings, Vote, Webinar
from webinar.moderation_rules import (
    ANSWER,
    APPROVE,
    CARE_HANDLED,
    CARE_REPLY,
    EDIT,
    MERGE,
    MUTE,
    PIN,
    PUBLISH_ANYWAY,
    REJECT,
    UNANSWER,
    UNMUTE,
    UNPIN,
    require_allowed,
    require_open_after_end,
    screening_overridden,
)
from webinar.services.audit import audit_record
from webinar.services.events import Stream, event_record
from webinar.services.lifecycle import webinar_transition
from webinar.services.masking import mask_personal_data
from webinar.services.questions import emit_question_changed

Status = Question.Status
# The audit action the report counts as "hosts published it anyway" (webinar/reports/queries.py).
OVERRIDE_ACTION = "question.publish_anyway"

# --- Shared steps ------------------------------------------------------------------------------------


def _webinar_for_host(actor, webinar_id: int) -> Webinar:
    webinar = Webinar.objects.filter(pk=webinar_id).first()
    if webinar is None:
        raise NotFound(code=ErrorCode.UNKNOWN_WEBINAR)
    if not selectors.can_moderate(user=actor, webinar=webinar):
        raise PermissionDenied(_("Only this webinar's hosts can do that."), code=ErrorCode.FORBIDDEN)
    return webinar


def _snapshot(question: Question) -> dict:
    return {
        "status": question.status,
        "text": question.text,
        "pinned": question.pinned,
        "answered": question.answered_at is not None,
        "merged_into": question.merged_into_id,
        "reject_reason": question.reject_reason,
    }


@dataclass
class _Change:
    """What a host action did, for the audit row."""

    audit_action: str
    extra: dict


# Actions whose whole effect is visible in ``_snapshot``: when it is unchanged they did nothing, and
# nothing is saved, audited or broadcast (no sequence number is used).
_NO_OP_WHEN_UNCHANGED = frozenset({PIN, UNPIN, ANSWER, UNANSWER})


def _moderate(
    *,
    actor,
    webinar_id: int,
    question_id: int,
    action: str,
    apply: Callable[[Question], _Change | dict | None],
) -> Question:
    """Lock the question, check ``action`` is legal in its state, apply, audit, emit after commit."""
    webinar = _webinar_for_host(actor, webinar_id)
    ended = webinar.status == Webinar.Status.ENDED
    with transaction.atomic():
        question = Question.objects.select_for_update().filter(pk=question_id, webinar_id=webinar_id).first()
        if question is None:
            raise NotFound(_("No such question in this webinar."), code=ErrorCode.UNKNOWN_QUESTION)
        require_allowed(question, action, ended=ended)
        before = _snapshot(question)
        was_public = question.status == Status.PUBLISHED
        result = apply(question) or {}
        change = result if isinstance(result, _Change) else _Change(f"question.{action}", result)
        if action in _NO_OP_WHEN_UNCHANGED and _snapshot(question) == before and not change.extra:
            return question  # pin a pinned question, unpin an unpinned one, ...: acked, no event
        question.moderated_by = actor
        question.moderated_at = timezone.now()
        question.save()
        audit_record(
            webinar=webinar,
            actor=actor,
            action=change.audit_action,
            target=question,
            before=before,
            after={**_snapshot(question), **change.extra},
        )
        emit_question_changed(question, was_public=was_public, ended=ended)
    return question


# --- Publishing and removing -------------------------------------------------------------------------


def question_approve(*, actor, webinar_id: int, question_id: int) -> Question:
    """Publish a pending, held, blocked or rejected question.

    Whether this overrides screening is decided from the question (``screening_overridden``), not by
    the command: an override is audited as ``question.publish_anyway`` with the verdict kept, and
    the report counts it. Personal data screening found (phone, MyKad, e-mail, card, address) is
    masked in the published text unless a host edited the text first; ``original_text`` keeps the
    submitted text for hosts and ``masked`` lists what was hidden.

    Errors: ``forbidden``, ``unknown_webinar``, ``unknown_question``, ``care_private`` (a care item),
    ``invalid_state`` (already published, or merged).
    """

    def apply(question: Question) -> _Change:
        override = screening_overridden(question)
        extra: dict[str, Any] = {}
        if override:
            extra["override"] = {
                "screening_action": question.screening_action,
                "categories": question.screening_categories,
            }
        if not question.original_text:  # a host's edit is published as the host wrote it
            masked_text, categories = mask_personal_data(
                question.text, (question.screening or {}).get("reasons")
            )
            if categories:
                question.original_text = question.text
                question.text = masked_text
                question.masked = categories
                extra["masked"] = categories
        question.status = Status.PUBLISHED
        question.published_at = question.published_at or timezone.now()
        question.reject_reason = ""
        return _Change(OVERRIDE_ACTION if override else "question.approve", extra)

    return _moderate(actor=actor, webinar_id=webinar_id, question_id=question_id, action=APPROVE, apply=apply)


def question_reject(*, actor, webinar_id: int, question_id: int, reason: str = "") -> Question:
    """Remove a question from view (unpins it); ``reason`` (≤ 300 characters) is shown to its author.

    Errors: ``forbidden``, ``unknown_question``, ``care_private``, ``invalid_state`` (rejected or merged),
    ``too_long`` (with ``limit``: the reason is over 300 characters after trimming; nothing changes).
    """
    reason = reason.strip()
    if len(reason) > protocol.REJECT_REASON_MAX_CHARS:
        raise ValidationFailed(
            _("That text is too long."), code=ErrorCode.TOO_LONG, limit=protocol.REJECT_REASON_MAX_CHARS
        )

    def apply(question: Question) -> None:
        question.status = Status.REJECTED
        question.reject_reason = reason
        question.pinned = False

    return _moderate(actor=actor, webinar_id=webinar_id, question_id=question_id, action=REJECT, apply=apply)


def question_answer(*, actor, webinar_id: int, question_id: int) -> Question:
    """Mark a published question answered. Errors: ``forbidden``, ``unknown_question``, ``not_published``."""

    def apply(question: Question) -> None:
        question.answered_at = question.answered_at or timezone.now()

    return _moderate(actor=actor, webinar_id=webinar_id, question_id=question_id, action=ANSWER, apply=apply)


def question_unanswer(*, actor, webinar_id: int, question_id: int) -> Question:
    """Mark a published question not answered. Errors as ``question_answer``."""

    def apply(question: Question) -> None:
        question.answered_at = None

    return _moderate(
        actor=actor, webinar_id=webinar_id, question_id=question_id, action=UNANSWER, apply=apply
    )


def question_pin(*, actor, webinar_id: int, question_id: int) -> Question:
    """Pin a published question; the previously pinned one is unpinned in the same transaction.

    Errors: ``forbidden``, ``unknown_question``, ``not_published``, ``care_private``.
    """

    def apply(question: Question) -> None:
        for other in (
            Question.objects.select_for_update()
            .filter(webinar_id=question.webinar_id, pinned=True)
            .exclude(pk=question.pk)
        ):
            other.pinned = False
            other.save(update_fields=["pinned", "updated_at"])
            emit_question_changed(other, was_public=other.status == Status.PUBLISHED)
        question.pinned = True

    return _moderate(actor=actor, webinar_id=webinar_id, question_id=question_id, action=PIN, apply=apply)


def question_unpin(*, actor, webinar_id: int, question_id: int) -> Question:
    """Unpin a question. Errors: ``forbidden``, ``unknown_question``, ``invalid_state`` (merged, care)."""

    def apply(question: Question) -> None:
        question.pinned = False

    return _moderate(actor=actor, webinar_id=webinar_id, question_id=question_id, action=UNPIN, apply=apply)


def question_edit(*, actor, webinar_id: int, question_id: int, text: str) -> Question:
    """Replace the text (trimmed, 1..DEWAN_QUESTION_MAX_CHARS characters); hosts keep the original.

    The host's text replaces any masking (it is published as written). Errors: ``forbidden``,
    ``unknown_question``, ``empty``, ``too_long`` (with ``limit``), ``care_private``, ``invalid_state``.
    """
    text = clean_text(text)
    if not text:
        raise ValidationFailed(_("The question cannot be empty."), code=ErrorCode.EMPTY)
    limit = settings.DEWAN_QUESTION_MAX_CHARS
    if len(text) > limit:
        raise ValidationFailed(_("That text is too long."), code=ErrorCode.TOO_LONG, limit=limit)

    def apply(question: Question) -> None:
        if not question.original_text:
            question.original_text = question.text
        question.text = text
        question.masked = []

    return _moderate(actor=actor, webinar_id=webinar_id, question_id=question_id, action=EDIT, apply=apply)


def question_merge(*, actor, webinar_id: int, question_id: int, into_id: int | None) -> Question:
    """Fold a published duplicate into another published question of this webinar.

    Only public into public: a held, blocked, rejected or care question is never merged (its text
    would reach the report as ``merged``). Voters of either count once on the target; the
    duplicate's author counts as a voter. Errors: ``forbidden``, ``unknown_question`` (either id not
    published here), ``invalid_target`` (missing or itself), ``not_published``, ``care_private``.
    """
    if not into_id or into_id == question_id:
        raise ValidationFailed(_("Choose another question to merge into."), code=ErrorCode.INVALID_TARGET)

    def apply(question: Question) -> dict:
        same_webinar = Question.objects.select_for_update().filter(webinar_id=question.webinar_id)
        target = same_webinar.filter(pk=into_id).first()
        if target is not None and target.care:
            require_allowed(target, MERGE)  # raises care_private: nothing is merged into a care item
        if target is None or target.status != Status.PUBLISHED:
            raise NotFound(
                _("The question to merge into is not published in this webinar."),
                code=ErrorCode.UNKNOWN_QUESTION,
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

    return _moderate(actor=actor, webinar_id=webinar_id, question_id=question_id, action=MERGE, apply=apply)


# --- Care items ---------------------------------------------------------------------------------------


def question_care_handled(*, actor, webinar_id: int, question_id: int) -> Question:
    """Mark a care item handled; it stays private and in the care queue. Audited.

    Errors: ``forbidden``, ``unknown_question``, ``not_care`` (not a care item).
    """

    def apply(question: Question) -> None:
        question.care_handled_at = question.care_handled_at or timezone.now()

    return _moderate(
        actor=actor, webinar_id=webinar_id, question_id=question_id, action=CARE_HANDLED, apply=apply
    )


def question_care_reply(*, actor, webinar_id: int, question_id: int, text: str) -> Question:
    """Send the author of a care item a private reply (1..500 characters, trimmed).

    Only the author sees it, in ``mine.question`` (``care_reply``, with the webinar's support
    resources and the framing in the author's language); hosts see that a reply was sent. The
    audit keeps the reply. Marks the item handled. Errors: ``forbidden``, ``unknown_question``,
    ``not_care``, ``empty``, ``too_long`` (with ``limit``).
    """
    text = clean_text(text)
    if not text:
        raise ValidationFailed(_("Please write a reply."), code=ErrorCode.EMPTY)
    if len(text) > protocol.CARE_REPLY_MAX_CHARS:
        raise ValidationFailed(
            _("That text is too long."), code=ErrorCode.TOO_LONG, limit=protocol.CARE_REPLY_MAX_CHARS
        )

    def apply(question: Question) -> dict:
        now = timezone.now()
        question.care_reply = text
        question.care_replied_at = now
        question.care_handled_at = question.care_handled_at or now
        return {"reply": text}

    return _moderate(
        actor=actor, webinar_id=webinar_id, question_id=question_id, action=CARE_REPLY, apply=apply
    )


# --- Attendees ----------------------------------------------------------------------------------------


def _mute(*, actor, webinar_id: int, question_id: int, muted: bool) -> Registration:
    webinar = _webinar_for_host(actor, webinar_id)
    require_open_after_end(MUTE if muted else UNMUTE, ended=webinar.status == Webinar.Status.ENDED)
    with transaction.atomic():
        question = Question.objects.filter(pk=question_id, webinar_id=webinar_id).first()
        if question is None or question.author_id is None:
            raise NotFound(_("No such question in this webinar."), code=ErrorCode.UNKNOWN_QUESTION)
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
            type=protocol.STAFF_ATTENDEE,
            payload={"registration_id": registration.pk, "muted": muted},
        )
    return registration


def attendee_mute(*, actor, webinar_id: int, question_id: int) -> Registration:
    """Mute the author of a question for this webinar (their ``ask`` gets ``muted``; they may watch).

    Errors: ``forbidden``, ``unknown_question`` (also when the author deleted their data).
    """
    return _mute(actor=actor, webinar_id=webinar_id, question_id=question_id, muted=True)


def attendee_unmute(*, actor, webinar_id: int, question_id: int) -> Registration:
    """Unmute the author of a question. Errors as ``attendee_mute``."""
    return _mute(actor=actor, webinar_id=webinar_id, question_id=question_id, muted=False)


# --- Webinar controls ---------------------------------------------------------------------------------


def _webinar_settings_change(*, actor, webinar_id: int, action: str, **changes) -> Webinar:
    _webinar_for_host(actor, webinar_id)
    with transaction.atomic():
        webinar = Webinar.objects.select_for_update().get(pk=webinar_id)
        before = {
            "questions_paused": webinar.questions_paused,
            "slow_mode_seconds": webinar.slow_mode_seconds,
        }
        for name, value in changes.items():
            setattr(webinar, name, value)
        after = {"questions_paused": webinar.questions_paused, "slow_mode_seconds": webinar.slow_mode_seconds}
        if after == before:  # a no-op (slow mode 0 at 0, pause when paused): acked, no event, no audit
            return webinar
        webinar.save(update_fields=["questions_paused", "slow_mode_seconds", "updated_at"])
        audit_record(
            webinar=webinar,
            actor=actor,
            action=f"webinar.{action}",
            target=webinar,
            before=before,
            after=after,
        )
        event_record(
            webinar_id=webinar.pk, stream=Stream.PUBLIC, type=protocol.WEBINAR_SETTINGS, payload=after
        )
    return webinar


def webinar_pause(*, actor, webinar_id: int) -> Webinar:
    """Stop accepting questions (``ask`` gets ``paused``). Errors: ``forbidden``, ``unknown_webinar``."""
    return _webinar_settings_change(actor=actor, webinar_id=webinar_id, action="pause", questions_paused=True)


def webinar_resume(*, actor, webinar_id: int) -> Webinar:
    """Accept questions again. Errors: ``forbidden``, ``unknown_webinar``."""
    return _webinar_settings_change(
        actor=actor, webinar_id=webinar_id, action="resume", questions_paused=False
    )


def webinar_slow_mode(*, actor, webinar_id: int, seconds: int) -> Webinar:
    """At most one question per attendee per ``seconds`` (0..3600; 0 turns it off).

    Errors: ``forbidden``, ``unknown_webinar``, ``invalid_field`` (out of range).
    """
    if not 0 <= int(seconds) <= 3600:
        raise ValidationFailed(_("Slow mode is 0 to 3600 seconds."), code=ErrorCode.INVALID_FIELD)
    return _webinar_settings_change(
        actor=actor, webinar_id=webinar_id, action="slow_mode", slow_mode_seconds=int(seconds)
    )


def webinar_start(*, actor, webinar_id: int) -> Webinar:
    """Scheduled → live. Errors: ``forbidden``, ``unknown_webinar``, ``invalid_transition``."""
    webinar = _webinar_for_host(actor, webinar_id)
    return webinar_transition(webinar=webinar, actor=actor, to=Webinar.Status.LIVE)


def webinar_end(*, actor, webinar_id: int) -> Webinar:
    """Live → ended; questions close and the report is queued.

    Errors: ``forbidden``, ``unknown_webinar``, ``invalid_transition``.
    """
    webinar = _webinar_for_host(actor, webinar_id)
    return webinar_transition(webinar=webinar, actor=actor, to=Webinar.Status.ENDED)


# --- Host commands from the wire (websocket and HTTP share this) --------------------------------------


def _question_command(service, **fields_from_command):
    def run(*, actor, webinar_id: int, command) -> dict:
        kwargs = {name: getattr(command, attr) for name, attr in fields_from_command.items()}
        service(actor=actor, webinar_id=webinar_id, question_id=command.question_id, **kwargs)
        return {"question_id": command.question_id}

    return run


def _webinar_command(service, **fields_from_command):
    def run(*, actor, webinar_id: int, command) -> dict:
        kwargs = {name: getattr(command, attr) for name, attr in fields_from_command.items()}
        service(actor=actor, webinar_id=webinar_id, **kwargs)
        return {}

    return run


def _poll_command(name: str):
    def run(*, actor, webinar_id: int, command) -> dict:
        from webinar.campaigns.services import polls  # imports this module's host check

        getattr(polls, name)(actor=actor, webinar_id=webinar_id, poll_id=command.poll_id)
        return {"poll_id": command.poll_id}

    return run


# Command type (realtime/protocol.py) → the service it runs; the ack carries what ``run`` returns.
HOST_COMMAND_SERVICES: dict[str, Callable[..., dict]] = {
    APPROVE: _question_command(question_approve),
    PUBLISH_ANYWAY: _question_command(question_approve),  # the server decides what is an override
    REJECT: _question_command(question_reject, reason="reason"),
    ANSWER: _question_command(question_answer),
    UNANSWER: _question_command(question_unanswer),
    PIN: _question_command(question_pin),
    UNPIN: _question_command(question_unpin),
    EDIT: _question_command(question_edit, text="text"),
    MERGE: _question_command(question_merge, into_id="into_id"),
    CARE_HANDLED: _question_command(question_care_handled),
    CARE_REPLY: _question_command(question_care_reply, text="text"),
    MUTE: _question_command(attendee_mute),
    UNMUTE: _question_command(attendee_unmute),
    "pause": _webinar_command(webinar_pause),
    "resume": _webinar_command(webinar_resume),
    "slow_mode": _webinar_command(webinar_slow_mode, seconds="seconds"),
    "start": _webinar_command(webinar_start),
    "end": _webinar_command(webinar_end),
    "poll_launch": _poll_command("poll_launch"),
    "poll_close": _poll_command("poll_close"),
}
if set(HOST_COMMAND_SERVICES) != protocol.HOST_COMMANDS:  # pragma: no cover - caught at import
    raise ImportError("every host command in realtime/protocol.py needs exactly one service here")


def host_command_run(*, actor, webinar_id: int, command) -> dict:
    """Run a parsed host command (``realtime.protocol``) through its service; returns the ack's fields.

    Raises the service's ``DewanError``; ``forbidden`` when the actor is not (or no longer) a host.
    """
    return HOST_COMMAND_SERVICES[command.type](actor=actor, webinar_id=webinar_id, command=command)


# --- Screening settings -------------------------------------------------------------------------------

SCREENING_FIELDS = (
    "strictness",
    "link_policy",
    "trust_listed_sites",
    "trusted_sites",
    "hold_all",
    "hold_first_time",
    "blocked_terms",
    "allowed_terms",
    "care_resources",
    "care_resources_ms",
    "shadow_mode",
)


def screening_settings_update(*, webinar: Webinar, actor, **fields) -> ScreeningSettings:
    """Change a webinar's screening settings (organisers only). Errors: ``forbidden``, Django validation."""
    if not selectors.can_organise(user=actor, webinar=webinar):
        raise PermissionDenied(code=ErrorCode.FORBIDDEN)
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
