"""Attendee writes on the live Q&A: ask, vote, ask for a human review.

Asking: validate, rate-limit, screen (outside any transaction), then store and emit after
commit. A repeated ``client_key`` returns the first question (RELIABILITY R3); a screening
failure holds the question for a host, never publishes it (R4).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from realtime import broadcast, protocol
from realtime.protocol import ErrorCode
from webinar import ratelimit, representations
from webinar.blank import clean_text
from webinar.exceptions import InvalidState, NotFound, PermissionDenied, RateLimited, ValidationFailed
from webinar.models import Question, Registration, ScreeningSettings, Vote, Webinar
from webinar.moderation_rules import question_can_withdraw
from webinar.services.checking import second_stage_dispatch, second_stage_heads
from webinar.services.events import (
    Stream,
    event_record,
    events_subject_needs_rewrite,
    events_subject_rewrite,
)

log = logging.getLogger("dewan.questions")
Status = Question.Status
OPEN_FOR_QUESTIONS = {Webinar.Status.SCHEDULED, Webinar.Status.LIVE}


@dataclass(frozen=True)
class SubmitResult:
    question: Question
    created: bool


def _screen(*, webinar: Webinar, registration: Registration, text: str) -> dict:
    """Run the screening pipeline; any failure becomes a hold with a readable reason."""
    started = time.perf_counter()
    try:
        from webinar import screening

        settings_obj = ScreeningSettings.objects.filter(webinar=webinar).first()
        policy = screening.policy_from_settings(settings_obj) if settings_obj else screening.Policy()
        recent = tuple(
            Question.objects.filter(webinar=webinar, author=registration)
            .order_by("-created_at")
            .values_list("text", flat=True)[:5]
        )
        context = screening.Context(is_first_question=not recent, recent_texts=recent)
        verdict = screening.get_backend().screen(text=text, policy=policy, context=context)
        reaching = second_stage_heads(verdict, policy.strictness)
        if reaching:
            verdict["second_stage"] = {"state": "checking", "heads": list(reaching)}
    except Exception as exc:
        log.exception("screening failed; holding the question")
        verdict = {
            "action": "hold",
            "categories": ["screening_unavailable"],
            "reasons": [
                {
                    "code": "screening.unavailable",
                    "category": "screening_unavailable",
                    "severity": 1,
                    "start": None,
                    "end": None,
                    "matched": "",
                    "message_en": "Automatic screening was unavailable, so a host will review this question.",
                    "message_ms": "Saringan automatik tidak tersedia, jadi hos akan menyemak soalan ini.",
                }
            ],
            "score": None,
            "model_version": None,
            "error": type(exc).__name__,
        }
    verdict["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 3)
    return verdict


def _status_for(verdict: dict) -> str:
    if "self_harm" in verdict.get("categories", []):
        return Status.CARE
    if verdict.get("action") == "publish" and (verdict.get("second_stage") or {}).get("state") == "checking":
        return Status.CHECKING
    return {"publish": Status.PUBLISHED, "block": Status.BLOCKED}.get(verdict.get("action", ""), Status.HELD)


def question_submit(
    *, webinar_id: int, registration_id: int, client_key: str, text: str, anonymous: bool = False
) -> SubmitResult:
    registration = (
        Registration.objects.select_related("webinar")
        .filter(pk=registration_id, webinar_id=webinar_id, status=Registration.Status.CONFIRMED)
        .first()
    )
    if registration is None:
        raise PermissionDenied(
            _("Only registered attendees can ask questions."), code=ErrorCode.NOT_REGISTERED
        )
    existing = Question.objects.filter(
        webinar_id=webinar_id, author=registration, client_key=client_key
    ).first()
    if existing is not None:
        return SubmitResult(existing, created=False)

    webinar = registration.webinar
    text = clean_text(text)
    if not text:
        raise ValidationFailed(_("Please write a question."), code=ErrorCode.EMPTY)
    limit = settings.DEWAN_QUESTION_MAX_CHARS
    if len(text) > limit:
        raise ValidationFailed(
            _("Questions are limited to %(limit)d characters.") % {"limit": limit},
            code=ErrorCode.TOO_LONG,
            limit=limit,
        )
    if webinar.status not in OPEN_FOR_QUESTIONS:
        raise InvalidState(_("Questions are closed for this webinar."), code=ErrorCode.CLOSED)
    if webinar.questions_paused:
        raise InvalidState(_("The hosts have paused questions for now."), code=ErrorCode.PAUSED)
    if registration.muted_at is not None:
        raise PermissionDenied(
            _("The hosts have turned off questions from you for this webinar."), code=ErrorCode.MUTED
        )
    _check_question_limit(webinar, registration)
    _check_question_rate(webinar, registration)

    verdict = _screen(webinar=webinar, registration=registration, text=text)
    status = _status_for(verdict)
    now = timezone.now()
    try:
        with transaction.atomic():
            # Exact under the registration's row lock: two tabs asking at once cannot pass the limit.
            Registration.objects.select_for_update(no_key=True).filter(pk=registration.pk).values_list(
                "pk"
            ).first()
            _check_question_limit(webinar, registration)
            question = Question.objects.create(
                webinar=webinar,
                author=registration,
                author_name=registration.name,
                anonymous=anonymous,
                text=text,
                language=verdict.get("language") or "",
                status=status,
                care=status == Status.CARE,
                client_key=client_key,
                screening=verdict,
                screening_action=verdict.get("action", ""),
                screening_categories=verdict.get("categories", []),
                published_at=now if status == Status.PUBLISHED else None,
            )
            emit_question_changed(question, was_public=False)
            if status == Status.CHECKING:
                question_id = question.pk
                transaction.on_commit(lambda: second_stage_dispatch(question_id))
    except IntegrityError:  # the same client_key from a second socket won the race
        existing = Question.objects.filter(
            webinar=webinar, author=registration, client_key=client_key
        ).first()
        if existing is None:
            raise
        return SubmitResult(existing, created=False)
    return SubmitResult(question, created=True)


def _check_question_limit(webinar: Webinar, registration: Registration) -> None:
    """Refuse the attendee's question past ``DEWAN_QUESTIONS_PER_ATTENDEE`` in this webinar.

    Raises ``ValidationFailed`` (``question_limit``, with ``limit``). Every question counts, whatever its
    status (merged, withdrawn, held, rejected): so a socket's ``mine`` (``live_state.Personal``: every own
    question but merged ones, read with the same bound) can never leave one out (docs/protocol.md).
    """
    limit = settings.DEWAN_QUESTIONS_PER_ATTENDEE
    if Question.objects.filter(webinar=webinar, author=registration).count() >= limit:
        raise ValidationFailed(
            ngettext(
                "You have asked %(limit)d question in this webinar, the most one person can ask.",
                "You have asked %(limit)d questions in this webinar, the most one person can ask.",
                limit,
            )
            % {"limit": limit},
            code=ErrorCode.QUESTION_LIMIT,
            limit=limit,
        )


def _check_question_rate(webinar: Webinar, registration: Registration) -> None:
    """Slow mode (per webinar) and the per-attendee limit; every tab of one attendee shares the bucket."""
    if webinar.slow_mode_seconds:
        last = (
            Question.objects.filter(webinar=webinar, author=registration)
            .order_by("-created_at")
            .values_list("created_at", flat=True)
            .first()
        )
        if last is not None:
            wait = webinar.slow_mode_seconds - (timezone.now() - last).total_seconds()
            if wait > 0:
                raise RateLimited(
                    ngettext(
                        "Slow mode is on: one question every %(seconds)d second.",
                        "Slow mode is on: one question every %(seconds)d seconds.",
                        webinar.slow_mode_seconds,
                    )
                    % {"seconds": webinar.slow_mode_seconds},
                    retry_after=round(wait, 1),
                    code=ErrorCode.SLOW_MODE,
                )
    retry_after = ratelimit.hit(f"ask:{registration.pk}", rate=settings.DEWAN_QUESTION_RATE)
    if retry_after is not None:
        raise RateLimited(_("You are asking very quickly. Please wait a moment."), retry_after=retry_after)


def emit_question_changed(question: Question, *, was_public: bool, ended: bool = False) -> None:
    """Record the events a question change causes; call inside the transaction that changed it.

    Hosts get ``staff.question``; viewers ``question.published``/``updated`` while it is public, or
    ``question.removed`` when it stops being public. Earlier events about the question are then
    rewritten to its present state (``events_subject_rewrite``), so a replay never shows text that
    has since been edited, rejected, deleted or redacted. The author's sockets get
    ``mine.question`` after commit. ``ended``: the webinar has ended (the staff ``allowed`` list
    keeps only the take-down and care actions).
    """
    webinar_id = question.webinar_id
    staff_payload = {"question": representations.staff_question(question, localised=False, ended=ended)}
    rewrite = events_subject_needs_rewrite(
        webinar_id=webinar_id, subject_id=question.pk, staff_payload=staff_payload
    )
    event_record(
        webinar_id=webinar_id,
        stream=Stream.STAFF,
        type=protocol.STAFF_QUESTION,
        payload=staff_payload,
        subject_id=question.pk,
    )
    is_public = question.status == Status.PUBLISHED
    public_payload = {"question": representations.public_question(question, localised=False)}
    removed_payload = {"question_id": question.pk, "merged_into": question.merged_into_id}
    if is_public:
        event_record(
            webinar_id=webinar_id,
            stream=Stream.PUBLIC,
            type=protocol.QUESTION_UPDATED if was_public else protocol.QUESTION_PUBLISHED,
            payload=public_payload,
            subject_id=question.pk,
        )
    elif was_public:
        event_record(
            webinar_id=webinar_id,
            stream=Stream.PUBLIC,
            type=protocol.QUESTION_REMOVED,
            payload=removed_payload,
            subject_id=question.pk,
        )
    if rewrite:
        events_subject_rewrite(
            webinar_id=webinar_id,
            subject_id=question.pk,
            staff_payload=staff_payload,
            public_payload=public_payload if is_public else None,
            removed_payload=removed_payload,
        )
    if question.author_id:
        author_id = question.author_id
        transaction.on_commit(lambda: _notify_author(webinar_id, author_id, question.pk))


def _notify_author(webinar_id: int, registration_id: int, question_id: int) -> None:
    question = Question.objects.select_related("author", "webinar").filter(pk=question_id).first()
    if question is None or question.author is None:
        return
    broadcast.publish_personal(
        webinar_id=webinar_id,
        registration_id=registration_id,
        message=protocol.mine_question_message(own_question_for(question)),
    )


def own_question_for(question: Question) -> dict:
    """The author's view of ``question`` (``representations.own_question``), in the author's language.

    Reads ``question.author`` and ``question.webinar`` (select them with the question): a webinar that
    no longer takes questions offers no review.
    """
    resources = None
    language = question.author.language if question.author else "en"
    if question.care:
        found = (
            ScreeningSettings.objects.filter(webinar_id=question.webinar_id)
            .values_list("care_resources", "care_resources_ms")
            .first()
        )
        english, malay = found if found is not None else (None, "")
        resources = representations.care_resources_in(english, malay, language)
    return representations.own_question(
        question,
        language=language,
        care_resources=resources,
        closed=question.webinar.status not in OPEN_FOR_QUESTIONS,
    )


def vote_set(*, webinar_id: int, registration_id: int, question_id: int, value: bool) -> tuple[int, bool]:
    """Set this attendee's upvote on a published question; repeating it changes nothing.

    Raises ``not_registered``, ``closed`` (the webinar is not scheduled or live: votes after the end
    would change figures the report was built from), ``unknown_question`` and ``rate_limited``.
    """
    if not Registration.objects.filter(
        pk=registration_id, webinar_id=webinar_id, status=Registration.Status.CONFIRMED
    ).exists():
        raise PermissionDenied(_("Only registered attendees can vote."), code=ErrorCode.NOT_REGISTERED)
    status = Webinar.objects.filter(pk=webinar_id).values_list("status", flat=True).first()
    if status not in OPEN_FOR_QUESTIONS:
        if status == Webinar.Status.CANCELLED:
            raise InvalidState(_("Voting has closed: this webinar was cancelled."), code=ErrorCode.CLOSED)
        raise InvalidState(_("Voting has closed: this webinar has ended."), code=ErrorCode.CLOSED)
    if not Question.objects.filter(pk=question_id, webinar_id=webinar_id, status=Status.PUBLISHED).exists():
        raise NotFound(_("That question is not open for votes."), code=ErrorCode.UNKNOWN_QUESTION)
    retry_after = ratelimit.hit(f"vote:{registration_id}", rate=settings.DEWAN_VOTE_RATE)
    if retry_after is not None:
        raise RateLimited(_("You are voting very quickly. Please wait a moment."), retry_after=retry_after)
    with transaction.atomic():
        changed = False
        if value:
            try:
                with transaction.atomic():
                    Vote.objects.create(question_id=question_id, registration_id=registration_id)
                changed = True
            except IntegrityError:
                pass
            delta = 1
        else:
            changed = (
                Vote.objects.filter(question_id=question_id, registration_id=registration_id).delete()[0] > 0
            )
            delta = -1
        if changed:
            Question.objects.filter(pk=question_id).update(
                vote_count=F("vote_count") + delta, vote_version=F("vote_version") + 1
            )
        count, version = (
            Question.objects.filter(pk=question_id).values_list("vote_count", "vote_version").get()
        )
        if changed:
            transaction.on_commit(
                lambda: broadcast.publish_votes(
                    webinar_id=webinar_id, question_id=question_id, count=count, version=version
                )
            )
    return count, value


def _own_question_locked(webinar_id: int, registration_id: int, question_id: int) -> Question:
    """The author's own question under a row lock, or ``unknown_question`` (also for someone else's)."""
    question = (
        Question.objects.select_for_update()
        .filter(pk=question_id, webinar_id=webinar_id, author_id=registration_id)
        .first()
    )
    if question is None:
        raise NotFound(_("That question is not yours or does not exist."), code=ErrorCode.UNKNOWN_QUESTION)
    return question


def question_withdraw(*, webinar_id: int, registration_id: int, question_id: int) -> Question:
    """The author takes back their own question while it is not answered.

    A published question leaves everyone's list (``question.removed``); a waiting one leaves the hosts'
    queue (``staff.question`` with status ``withdrawn``). Withdrawing twice is harmless. Raises
    ``unknown_question`` (not this attendee's), ``already_answered``, ``care_private`` (a care item stays
    with the hosts, who may need to reach its author) and ``invalid_state`` (rejected or merged).
    Returns the question, now ``withdrawn``.
    """
    with transaction.atomic():
        question = _own_question_locked(webinar_id, registration_id, question_id)
        if question.status == Status.WITHDRAWN:
            return question
        if question.care:
            raise InvalidState(
                _("A host will read this message; it cannot be withdrawn."), code=ErrorCode.CARE_PRIVATE
            )
        if question.answered_at is not None:
            raise InvalidState(
                _("This question has been answered, so it stays."), code=ErrorCode.ALREADY_ANSWERED
            )
        if not question_can_withdraw(question):
            raise InvalidState(_("This question can no longer be withdrawn."), code=ErrorCode.INVALID_STATE)
        was_public = question.status == Status.PUBLISHED
        question.status = Status.WITHDRAWN
        question.pinned = False
        question.save(update_fields=["status", "pinned", "updated_at"])
        emit_question_changed(question, was_public=was_public)
    return question


def question_request_review(*, webinar_id: int, registration_id: int, question_id: int) -> Question:
    """The author of a held question asks a human to look at it.

    Errors: ``unknown_question`` (not this author's), ``closed`` (the webinar ended or was cancelled: no
    host can approve it any more; nothing is stored), ``not_held``.
    """
    with transaction.atomic():
        question = _own_question_locked(webinar_id, registration_id, question_id)
        if not Webinar.objects.filter(pk=webinar_id, status__in=OPEN_FOR_QUESTIONS).exists():
            raise InvalidState(
                _("Questions are closed, so no host can review this one any more."), code=ErrorCode.CLOSED
            )
        if question.status not in {Status.HELD, Status.BLOCKED}:
            raise InvalidState(
                _("Only a held or blocked question can be sent for review."), code=ErrorCode.NOT_HELD
            )
        if question.review_requested_at is None:
            question.review_requested_at = timezone.now()
            question.save(update_fields=["review_requested_at", "updated_at"])
            emit_question_changed(question, was_public=False)
    return question
