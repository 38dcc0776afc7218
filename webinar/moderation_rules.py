"""Which host action is legal for a question in which state, and what counts as a screening override.

The one table behind every host command (webinar/services/moderation.py) and the ``allowed`` list
hosts receive with each question (webinar/representations.py). No services imported here.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from realtime.protocol import ErrorCode
from webinar.exceptions import InvalidState
from webinar.models import Question

Status = Question.Status

# --- What is legal when: the one table ------------------------------------------------------------

APPROVE, PUBLISH_ANYWAY, REJECT = "approve", "publish_anyway", "reject"
ANSWER, UNANSWER, PIN, UNPIN, EDIT, MERGE = "answer", "unanswer", "pin", "unpin", "edit", "merge"
CARE_HANDLED, CARE_REPLY, MUTE, UNMUTE = "care_handled", "care_reply", "mute", "unmute"
PUBLISHING = frozenset({APPROVE, PUBLISH_ANYWAY})
NEEDS_PUBLISHED = frozenset({ANSWER, UNANSWER, PIN, MERGE})
# A care item may only be handled, replied to privately, or its author muted.
CARE_ACTIONS = frozenset({CARE_HANDLED, CARE_REPLY, MUTE, UNMUTE})
_BY_STATUS: dict[str, frozenset[str]] = {
    Status.PENDING: frozenset({APPROVE, PUBLISH_ANYWAY, REJECT, EDIT}),
    # Waiting for the second screening stage (a moment): a host may publish or reject it first; its text
    # is not edited while it is being checked.
    Status.CHECKING: frozenset({APPROVE, REJECT}),
    Status.HELD: frozenset({APPROVE, PUBLISH_ANYWAY, REJECT, EDIT}),
    Status.BLOCKED: frozenset({APPROVE, PUBLISH_ANYWAY, REJECT, EDIT}),
    Status.REJECTED: frozenset({APPROVE, PUBLISH_ANYWAY, REJECT, EDIT}),
    Status.PUBLISHED: frozenset({REJECT, ANSWER, UNANSWER, PIN, UNPIN, EDIT, MERGE}),
    Status.MERGED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}
# After the end the queue is read-only, except taking content down and care: removing harm stays
# possible after the event. Every other question command answers ``closed`` (docs/protocol.md).
AFTER_END = frozenset({REJECT, CARE_HANDLED, CARE_REPLY})
# What an author may still take back: anything not answered, merged, rejected or private (care).
WITHDRAWABLE = frozenset({Status.PENDING, Status.CHECKING, Status.HELD, Status.BLOCKED, Status.PUBLISHED})


def question_can_withdraw(question: Question) -> bool:
    """Whether the author may withdraw ``question`` now (``question_withdraw`` enforces the same rule)."""
    return question.status in WITHDRAWABLE and question.answered_at is None and not question.care


def question_actions_allowed(question: Question, *, ended: bool = False) -> list[str]:
    """The host commands legal for ``question`` now, sorted; the console shows exactly these.

    Returns e.g. ``["answer", "edit", "merge", "mute", ...]``. Care items: only ``care_handled``,
    ``care_reply``, ``mute``/``unmute``, whatever their status field says. ``ended`` (the webinar
    has ended): only those of ``AFTER_END`` (``reject``, ``care_handled``, ``care_reply``) remain.
    """
    if question.care:
        allowed = set(CARE_ACTIONS)
    else:
        allowed = set(_BY_STATUS.get(question.status, ()))
        if question.status not in {Status.MERGED, Status.WITHDRAWN}:
            allowed |= {MUTE, UNMUTE}
        if question.pinned:
            allowed.add(UNPIN)
    if question.author_id is None:
        allowed -= {MUTE, UNMUTE, CARE_REPLY}
    if ended:
        allowed &= AFTER_END
    return sorted(allowed)


def require_open_after_end(action: str, *, ended: bool) -> None:
    """Raise ``closed`` when the webinar has ended and ``action`` is not a take-down or care action."""
    if ended and action not in AFTER_END:
        raise InvalidState(
            _("The webinar has ended: questions can only be rejected or handled as care items now."),
            code=ErrorCode.CLOSED,
        )


def require_allowed(question: Question, action: str, *, ended: bool = False) -> None:
    """Raise the error a host sees when ``action`` does not apply to ``question`` in its state.

    After the end (``ended``) anything outside ``AFTER_END`` is ``closed`` before the state is looked at.
    """
    require_open_after_end(action, ended=ended)
    if action in question_actions_allowed(question, ended=ended):
        return
    if question.care:
        raise InvalidState(
            _("This was sent privately by someone who may need support; it can never be made public."),
            code=ErrorCode.CARE_PRIVATE,
        )
    if action in {CARE_HANDLED, CARE_REPLY}:
        raise InvalidState(_("Only care items can be handled this way."), code=ErrorCode.NOT_CARE)
    if action in NEEDS_PUBLISHED and question.status != Status.PUBLISHED:
        raise InvalidState(
            _("Only published questions can be changed this way."), code=ErrorCode.NOT_PUBLISHED
        )
    raise InvalidState(_("That action does not apply to this question now."), code=ErrorCode.INVALID_STATE)


def screening_overridden(question: Question) -> bool:
    """True when publishing ``question`` overrides what screening said about its *text*.

    A hold that only came from the organiser's policy (hold every question, first-time askers:
    reason codes ``policy.*``) is not an override; any other hold or block is, and so is a hold
    for a screening failure (nothing vouched for the text).
    """
    if question.screening_action not in {"hold", "block"}:
        return False
    reasons = (question.screening or {}).get("reasons") or []
    return not reasons or any(not str(r.get("code", "")).startswith("policy.") for r in reasons)
