"""Live polls: hosts prepare them before or during the event, launch and close them live; attendees vote once.

Kinds: single choice, multiple choice, rating 1–5 and word cloud (EN/BM question text; choices in
both languages). A poll can be edited or deleted until it is launched (then ``poll_launched``). One poll
is open at a time per webinar. A vote is one per registration per poll; a
resend with the same ``client_key`` returns the first vote, a different one is refused
(``already_voted``). Word-cloud entries pass through screening like questions; only published words
count in the results (``webinar/campaigns/selectors.py``, ``poll_results``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from realtime.protocol import ErrorCode
from webinar.blank import clean_text
from webinar.campaigns.models import Poll, PollVote
from webinar.exceptions import InvalidState, NotFound, PermissionDenied, ValidationFailed
from webinar.models import Registration, ScreeningSettings, Webinar
from webinar.services.audit import audit_record
from webinar.services.moderation import _webinar_for_host  # the same host check and codes

MAX_OPTIONS = 10
MIN_OPTIONS = 2
OPTION_MAX_CHARS = 120
QUESTION_MAX_CHARS = 300
WORD_MAX_CHARS = 40
RATING_RANGE = range(1, 6)
CHOICE_KINDS = frozenset({Poll.Kind.SINGLE, Poll.Kind.MULTIPLE})
# Polls are prepared before the event and during it (a host writes one on the spot); not afterwards.
PREPARABLE = frozenset({Webinar.Status.DRAFT, Webinar.Status.SCHEDULED, Webinar.Status.LIVE})


@dataclass
class VoteResult:
    vote: PollVote
    created: bool

    @property
    def counted(self) -> bool:
        """The answer counts in the results (a word only once screening published it)."""
        return self.vote.word_status in (PollVote.WordStatus.NONE, PollVote.WordStatus.PUBLISHED)


def _clean_options(kind: str, options: list[dict]) -> list[dict]:
    if kind not in CHOICE_KINDS:
        if any((o.get("en") or "").strip() or (o.get("ms") or "").strip() for o in options or []):
            raise ValidationFailed(
                _("Only single- and multiple-choice polls have choices."), code=ErrorCode.INVALID_OPTIONS
            )
        return []
    cleaned = []
    for option in options or []:
        en, ms = clean_text(option.get("en") or ""), clean_text(option.get("ms") or "")
        if not en and not ms:
            continue
        if len(en) > OPTION_MAX_CHARS or len(ms) > OPTION_MAX_CHARS:
            raise ValidationFailed(
                _("Choices are limited to %(limit)d characters.") % {"limit": OPTION_MAX_CHARS},
                code=ErrorCode.TOO_LONG,
                limit=OPTION_MAX_CHARS,
            )
        cleaned.append({"en": en, "ms": ms})
    if not MIN_OPTIONS <= len(cleaned) <= MAX_OPTIONS:
        raise ValidationFailed(
            _("A choice poll needs between %(low)d and %(high)d choices.")
            % {"low": MIN_OPTIONS, "high": MAX_OPTIONS},
            code=ErrorCode.INVALID_OPTIONS,
        )
    return cleaned


def _clean_poll(*, kind: str, question_en: str, question_ms: str, options) -> dict:
    """The poll's fields, cleaned; raises ``ValidationFailed`` (codes as for ``poll_create``)."""
    if kind not in Poll.Kind.values:
        raise ValidationFailed(_("Choose a kind of poll."), code=ErrorCode.INVALID_KIND)
    question_en, question_ms = clean_text(question_en or ""), clean_text(question_ms or "")
    if not question_en and not question_ms:
        raise ValidationFailed(_("Please write the poll's question."), code=ErrorCode.MISSING_TEXT)
    if max(len(question_en), len(question_ms)) > QUESTION_MAX_CHARS:
        raise ValidationFailed(
            _("Poll questions are limited to %(limit)d characters.") % {"limit": QUESTION_MAX_CHARS},
            code=ErrorCode.TOO_LONG,
            limit=QUESTION_MAX_CHARS,
        )
    return {
        "kind": kind,
        "question_en": question_en,
        "question_ms": question_ms,
        "options": _clean_options(kind, list(options or [])),
    }


def _check_preparable(webinar: Webinar) -> None:
    if webinar.status not in PREPARABLE:
        raise InvalidState(
            _("Polls can no longer be prepared: the webinar has ended or was cancelled."),
            code=ErrorCode.INVALID_STATE,
        )


def poll_create(
    *, actor, webinar_id: int, kind: str, question_en: str, question_ms: str = "", options: list[dict] = ()
) -> Poll:
    """Prepare a poll for ``webinar_id`` before or during the event (a draft, scheduled or live webinar).

    ``kind`` is a ``Poll.Kind`` value; ``options`` is ``[{"en": str, "ms": str}]`` (2–10 choices, for
    single/multiple only; blank rows are dropped). At least one of the question texts is needed.
    Raises ``PermissionDenied`` ``forbidden`` (not a host or organiser), ``ValidationFailed``
    ``invalid_kind`` / ``missing_text`` / ``too_long`` / ``invalid_options``, ``InvalidState``
    ``invalid_state`` (the webinar has ended or was cancelled).
    """
    webinar = _webinar_for_host(actor, webinar_id)
    fields = _clean_poll(kind=kind, question_en=question_en, question_ms=question_ms, options=options)
    _check_preparable(webinar)
    with transaction.atomic():
        last = Poll.objects.filter(webinar=webinar).aggregate(last=Max("position"))["last"]
        position = 0 if last is None else last + 1
        poll = Poll.objects.create(webinar=webinar, position=position, created_by=actor, **fields)
        audit_record(webinar=webinar, actor=actor, action="poll.create", target=poll, after={"kind": kind})
    return poll


def _draft_poll(webinar: Webinar, poll_id: int) -> Poll:
    """The poll, locked, if it may still change: a draft of a webinar that has not ended."""
    poll = _locked_poll(webinar.pk, poll_id)
    if poll.status != Poll.Status.DRAFT:
        raise InvalidState(
            _("This poll has been launched: it can no longer be edited or deleted."),
            code=ErrorCode.POLL_LAUNCHED,
        )
    _check_preparable(webinar)
    return poll


def poll_update(
    *,
    actor,
    webinar_id: int,
    poll_id: int,
    kind: str,
    question_en: str,
    question_ms: str = "",
    options: list[dict] = (),
) -> Poll:
    """Edit a prepared poll until it is launched (before or during the event); fields as for ``poll_create``.

    The row is locked, so an edit and a launch at the same moment happen one after the other: an edit
    that comes second is refused. Raises what ``poll_create`` raises, plus ``NotFound`` ``unknown_poll``
    and ``InvalidState`` ``poll_launched`` (the poll is open or closed: its answers refer to the text
    and choices as launched).
    """
    webinar = _webinar_for_host(actor, webinar_id)
    with transaction.atomic():
        poll = _draft_poll(webinar, poll_id)  # a launched poll is refused whatever the edit says
        fields = _clean_poll(kind=kind, question_en=question_en, question_ms=question_ms, options=options)
        before = {name: getattr(poll, name) for name in fields}
        for name, value in fields.items():
            setattr(poll, name, value)
        poll.save(update_fields=list(fields))
        audit_record(
            webinar=webinar, actor=actor, action="poll.update", target=poll, before=before, after=fields
        )
    return poll


def poll_delete(*, actor, webinar_id: int, poll_id: int) -> None:
    """Delete a prepared poll that was never launched. Raises ``PermissionDenied`` ``forbidden``,
    ``NotFound`` ``unknown_poll``, ``InvalidState`` ``poll_launched`` / ``invalid_state`` (ended webinar)."""
    webinar = _webinar_for_host(actor, webinar_id)
    with transaction.atomic():
        poll = _draft_poll(webinar, poll_id)
        audit_record(
            webinar=webinar,
            actor=actor,
            action="poll.delete",
            target=poll,
            before={"kind": poll.kind, "question_en": poll.question_en, "question_ms": poll.question_ms},
        )
        poll.delete()


def _locked_poll(webinar_id: int, poll_id: int) -> Poll:
    poll = Poll.objects.select_for_update().filter(pk=poll_id, webinar_id=webinar_id).first()
    if poll is None:
        raise NotFound(_("No such poll in this webinar."), code=ErrorCode.UNKNOWN_POLL)
    return poll


def poll_launch(*, actor, webinar_id: int, poll_id: int) -> tuple[Poll, bool]:
    """Open a prepared poll while the webinar is live; returns ``(poll, changed)``.

    Launching the open poll again changes nothing (``changed`` False: acked, no event). Raises
    ``PermissionDenied`` ``forbidden``, ``NotFound`` ``unknown_poll``, ``InvalidState``
    ``invalid_state`` (webinar not live, or the poll was closed) or ``poll_open`` (another poll is open:
    close it first).
    """
    webinar = _webinar_for_host(actor, webinar_id)
    with transaction.atomic():
        poll = _locked_poll(webinar_id, poll_id)
        if poll.status == Poll.Status.OPEN:
            return poll, False
        if webinar.status != Webinar.Status.LIVE:
            raise InvalidState(
                _("Polls are launched while the webinar is live."), code=ErrorCode.INVALID_STATE
            )
        if poll.status == Poll.Status.CLOSED:
            raise InvalidState(_("This poll is closed."), code=ErrorCode.INVALID_STATE)
        if Poll.objects.filter(webinar_id=webinar_id, status=Poll.Status.OPEN).exists():
            raise InvalidState(_("Close the open poll first."), code=ErrorCode.POLL_OPEN)
        poll.status = Poll.Status.OPEN
        poll.opened_at = timezone.now()
        try:
            with transaction.atomic():
                poll.save(update_fields=["status", "opened_at"])
        except IntegrityError:  # another host launched a poll at the same moment
            raise InvalidState(_("Close the open poll first."), code=ErrorCode.POLL_OPEN) from None
        audit_record(webinar=webinar, actor=actor, action="poll.launch", target=poll)
        _emit(poll, "poll_launched")
    return poll, True


def poll_close(*, actor, webinar_id: int, poll_id: int) -> tuple[Poll, bool]:
    """Close an open poll (no more votes; results stay visible); returns ``(poll, changed)``.

    Closing a closed poll changes nothing. Raises ``PermissionDenied`` ``forbidden``, ``NotFound``
    ``unknown_poll``, ``InvalidState`` ``invalid_state`` (the poll was never launched).
    """
    webinar = _webinar_for_host(actor, webinar_id)
    with transaction.atomic():
        poll = _locked_poll(webinar_id, poll_id)
        if poll.status == Poll.Status.CLOSED:
            return poll, False
        if poll.status == Poll.Status.DRAFT:
            raise InvalidState(_("This poll has not been launched."), code=ErrorCode.INVALID_STATE)
        poll.status = Poll.Status.CLOSED
        poll.closed_at = timezone.now()
        poll.save(update_fields=["status", "closed_at"])
        audit_record(webinar=webinar, actor=actor, action="poll.close", target=poll)
        _emit(poll, "poll_closed")
    return poll, True


def polls_close_at_end(*, webinar_id: int) -> int:
    """Close the open poll of a webinar that is ending (``poll.closed`` with its final results), inside
    the caller's transaction; returns how many polls were closed (0 or 1). Not audited separately: the
    webinar's own status change is."""
    closed = 0
    for poll in Poll.objects.select_for_update().filter(webinar_id=webinar_id, status=Poll.Status.OPEN):
        poll.status = Poll.Status.CLOSED
        poll.closed_at = timezone.now()
        poll.save(update_fields=["status", "closed_at"])
        _emit(poll, "poll_closed")
        closed += 1
    return closed


def public_poll(poll: Poll) -> dict:
    """A poll as every viewer sees it (``realtime.protocol.PublicPoll``)."""
    return {
        "id": poll.pk,
        "kind": poll.kind,
        "question_en": poll.question_en,
        "question_ms": poll.question_ms,
        "options": [{"en": o.get("en", ""), "ms": o.get("ms", "")} for o in poll.options],
        "status": poll.status,
    }


def results_data(poll: Poll) -> dict:
    """``realtime.protocol.PollResultsData`` for ``poll`` (its counted answers)."""
    from webinar.campaigns.selectors import poll_results

    results = poll_results(poll=poll)
    return {k: v for k, v in results.items() if k not in ("kind", "status")}


def _emit(poll: Poll, event_type: str) -> None:
    """Record the sequenced public ``poll.launched`` / ``poll.closed`` event (inside the transaction)."""
    from realtime import protocol
    from webinar.services.events import Stream, event_record

    event_record(
        webinar_id=poll.webinar_id,
        stream=Stream.PUBLIC,
        type=protocol.POLL_LAUNCHED if event_type == "poll_launched" else protocol.POLL_CLOSED,
        payload={"poll": public_poll(poll), "results": results_data(poll)},
    )


#: The answer field each poll kind takes; any other answer field in a vote is ``invalid_choice``.
ANSWER_FIELD_BY_KIND = {
    Poll.Kind.SINGLE: "choices",
    Poll.Kind.MULTIPLE: "choices",
    Poll.Kind.RATING: "rating",
    Poll.Kind.WORDS: "word",
}


def _answer_fields(poll: Poll, *, choices, rating, word) -> dict:
    """Check an answer against the poll's kind; returns the ``PollVote`` fields to store.

    An answer field is present when it is not ``None``. A present field that belongs to another kind
    (``choices`` on a rating poll, ``rating`` or ``choices`` next to a ``word``...) is refused with
    ``invalid_choice`` before the fitting field is looked at; then ``invalid_choice`` / ``empty`` /
    ``too_long`` for the fitting field itself (docs/protocol.md, "Errors" of ``poll_vote``).
    """
    given = {"choices": choices, "rating": rating, "word": word}
    fitting = ANSWER_FIELD_BY_KIND[poll.kind]
    if any(value is not None for name, value in given.items() if name != fitting):
        raise ValidationFailed(_("This answer does not fit the poll's kind."), code=ErrorCode.INVALID_CHOICE)
    if poll.kind in CHOICE_KINDS:
        try:
            picked = sorted({int(c) for c in (choices or [])})
        except (TypeError, ValueError):
            picked = []
        if not picked or any(c < 0 or c >= len(poll.options) for c in picked):
            raise ValidationFailed(_("Choose one of the poll's choices."), code=ErrorCode.INVALID_CHOICE)
        if poll.kind == Poll.Kind.SINGLE and len(picked) != 1:
            raise ValidationFailed(_("Choose exactly one choice."), code=ErrorCode.INVALID_CHOICE)
        return {"choices": picked}
    if poll.kind == Poll.Kind.RATING:
        if isinstance(rating, bool) or not isinstance(rating, int) or rating not in RATING_RANGE:
            raise ValidationFailed(_("Give a rating from 1 to 5."), code=ErrorCode.INVALID_CHOICE)
        return {"rating": rating}
    text = clean_text(word or "")
    if not text:
        raise ValidationFailed(_("Please write a word."), code=ErrorCode.EMPTY)
    if len(text) > WORD_MAX_CHARS:
        raise ValidationFailed(
            _("Word-cloud entries are limited to %(limit)d characters.") % {"limit": WORD_MAX_CHARS},
            code=ErrorCode.TOO_LONG,
            limit=WORD_MAX_CHARS,
        )
    return {"word": text}


def _screen_word(webinar: Webinar, text: str) -> tuple[str, list[str]]:
    """Screen a word-cloud entry with the webinar's policy; any failure holds it (never counted)."""
    try:
        from webinar import screening

        settings_obj = ScreeningSettings.objects.filter(webinar=webinar).first()
        policy = screening.policy_from_settings(settings_obj)
        context = screening.Context(is_first_question=False, recent_texts=())
        verdict = screening.get_backend().screen(text=text, policy=policy, context=context)
    except Exception:
        return PollVote.WordStatus.HELD, ["screening_unavailable"]
    categories = list(verdict.get("categories", []))
    action = verdict.get("action", "")
    if action == "publish" and "self_harm" not in categories:
        return PollVote.WordStatus.PUBLISHED, categories
    if action == "block":
        return PollVote.WordStatus.BLOCKED, categories
    return PollVote.WordStatus.HELD, categories


def poll_vote(
    *,
    webinar_id: int,
    registration_id: int,
    poll_id: int,
    client_key: str,
    choices: list[int] | None = None,
    rating: int | None = None,
    word: str | None = None,
) -> VoteResult:
    """Record one registration's answer to an open poll; returns the vote and whether it is new.

    ``choices`` are option indexes (exactly one for single choice, one or more for multiple choice),
    ``rating`` 1–5, ``word`` a word-cloud entry (≤ 40 characters, screened: only a published word
    counts). Give only the field of the poll's kind (the others ``None``): any other answer field
    present is ``invalid_choice``. A resend with the first vote's ``client_key`` returns that vote
    (``created`` False).
    Raises ``PermissionDenied`` ``not_registered``, ``NotFound`` ``unknown_poll``, ``InvalidState``
    ``closed`` (poll not open or webinar not live), ``ValidationFailed`` ``already_voted`` /
    ``invalid_choice`` / ``empty`` / ``too_long``.
    """
    registration = Registration.objects.filter(
        pk=registration_id, webinar_id=webinar_id, status=Registration.Status.CONFIRMED
    ).first()
    if registration is None:
        raise PermissionDenied(_("Only registered attendees can vote."), code=ErrorCode.NOT_REGISTERED)
    poll = Poll.objects.select_related("webinar").filter(pk=poll_id, webinar_id=webinar_id).first()
    if poll is None:
        raise NotFound(_("No such poll in this webinar."), code=ErrorCode.UNKNOWN_POLL)
    existing = PollVote.objects.filter(poll=poll, registration=registration).first()
    if existing is not None:
        if existing.client_key == client_key:
            return VoteResult(existing, created=False)
        raise ValidationFailed(_("You have already answered this poll."), code=ErrorCode.ALREADY_VOTED)
    if poll.status != Poll.Status.OPEN or poll.webinar.status != Webinar.Status.LIVE:
        raise InvalidState(_("This poll is closed."), code=ErrorCode.CLOSED)
    fields = _answer_fields(poll, choices=choices, rating=rating, word=word)
    if "word" in fields:
        fields["word_status"], fields["screening_categories"] = _screen_word(poll.webinar, fields["word"])
    counted = fields.get("word_status", PollVote.WordStatus.PUBLISHED) == PollVote.WordStatus.PUBLISHED
    try:
        with transaction.atomic():
            locked = Poll.objects.select_for_update().get(pk=poll.pk)
            if locked.status != Poll.Status.OPEN:
                raise InvalidState(_("This poll is closed."), code=ErrorCode.CLOSED)
            vote = PollVote.objects.create(
                poll=locked, registration=registration, client_key=client_key, **fields
            )
            if counted:
                Poll.objects.filter(pk=poll.pk).update(version=F("version") + 1)
                transaction.on_commit(lambda: _results_changed(poll.pk))
    except IntegrityError:  # a second socket of the same registration won the race
        existing = PollVote.objects.filter(poll=poll, registration=registration).first()
        if existing is None:
            raise
        if existing.client_key == client_key:
            return VoteResult(existing, created=False)
        raise ValidationFailed(
            _("You have already answered this poll."), code=ErrorCode.ALREADY_VOTED
        ) from None
    return VoteResult(vote, created=True)


def _results_changed(poll_id: int) -> None:
    """After a counted answer commits: the poll's results to its viewers (coalesced in each hub)."""
    from realtime import broadcast
    from webinar.campaigns.selectors import poll_results

    poll = Poll.objects.filter(pk=poll_id).first()
    if poll is not None:
        broadcast.publish_poll_results(webinar_id=poll.webinar_id, results=poll_results(poll=poll))
