"""How questions look on the wire, per audience. Held text and personal data never reach attendees.

The shapes are ``PublicQuestion``, ``OwnQuestion`` and ``StaffQuestion`` in realtime/protocol.py.
An anonymous author is stored in events as ``ANONYMOUS`` (an empty string) and shown in each
viewer's language when sent (``localise``), so events and snapshots say the same thing.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from webinar.models import Question, ScreeningSettings
from webinar.moderation_rules import question_actions_allowed, question_can_withdraw, screening_overridden
from webinar.screening import messages as screening_messages
from webinar.services.masking import masked_labels

Status = Question.Status
AUTHOR_VISIBLE_STATUSES = {
    Status.PENDING,
    Status.CHECKING,
    Status.HELD,
    Status.CARE,
    Status.BLOCKED,
    Status.REJECTED,
}


def _iso(value) -> str | None:
    return value.isoformat() if value else None


ANONYMOUS = ""  # the author field of a stored event whose author is shown as "Anonymous"


def anonymous_label(language: str | None = None) -> str:
    """ "Anonymous" in ``language`` (default: the active language)."""
    if language is None:
        return _("Anonymous")
    with translation.override(language):
        return _("Anonymous")


def _shown_author(question: Question, *, localised: bool) -> str:
    if question.anonymous or not question.author_name:
        return anonymous_label() if localised else ANONYMOUS
    return question.author_name


def public_question(question: Question, *, localised: bool = True) -> dict:
    """What every attendee may see: published questions only.

    ``localised=False`` leaves an anonymous author as ``ANONYMOUS`` for the event log; ``localise``
    fills it in per viewer.
    """
    return {
        "id": question.pk,
        "text": question.text,
        "author": _shown_author(question, localised=localised),
        "anonymous": question.anonymous,
        "votes": question.vote_count,
        "pinned": question.pinned,
        "answered": question.answered_at is not None,
        "created_at": _iso(question.created_at),
        "edited": _edited(question),
    }


def _edited(question: Question) -> bool:
    """A host replaced the text (``original_text`` kept without masking: masking alone is not an edit)."""
    return bool(question.original_text) and not question.masked


def localise(payload: dict, language: str) -> dict:
    """An event payload as a viewer in ``language`` sees it: the anonymous label and, in a staff view,
    the screening reasons in their language (events store both in English, ``localised=False``)."""
    if not needs_localising(payload):
        return payload
    question = dict(payload["question"])
    if question.get("author") == ANONYMOUS:
        question["author"] = anonymous_label(language)
    screening = question.get("screening")
    if isinstance(screening, dict) and screening.get("reasons"):
        question["screening"] = {
            **screening,
            "reasons": _staff_reasons_in(screening["reasons"], screening.get("heads") or {}, language),
        }
    return {**payload, "question": question}


def needs_localising(payload: dict) -> bool:
    """Whether ``payload`` says something in words that differ by language (see ``localise``)."""
    question = payload.get("question")
    if not isinstance(question, dict):
        return False
    screening = question.get("screening")
    return question.get("author") == ANONYMOUS or bool(
        isinstance(screening, dict) and screening.get("reasons")
    )


def _staff_reasons_in(reasons: list[dict], heads: dict, language: str) -> list[dict]:
    """A staff view's reasons (``StaffReason``) with each ``message`` rendered again in ``language``."""
    texts = [_reason_message(reason, language, heads) for reason in reasons]
    codes = [reason.get("code", "") for reason in reasons]
    texts = screening_messages.support_once(codes, texts, language)
    return [{**reason, "message": text} for reason, text in zip(reasons, texts, strict=True)]


def _reason_message(reason: dict, language: str, heads: dict) -> str:
    """The reason in ``language``, rendered now from its code (gettext), so a corrected translation
    reaches old rows; the text stored with the verdict only for a code no longer known."""
    code = reason.get("code", "")
    if code in screening_messages.MESSAGES:
        matched = "" if code.startswith("pii.") else reason.get("matched", "")
        score = heads.get(code.removeprefix("model.")) if code.startswith("model.") else None
        return screening_messages.render_in(code, language, matched, score)
    key = "message_ms" if language == "ms" else "message_en"
    # A staff view's reason (StaffReason) keeps only ``message``, in English.
    return reason.get(key) or reason.get("message_en") or reason.get("message", "")


def _reasons(question: Question, language: str) -> list[dict]:
    """The question's screening reasons in ``language``; the support message once per question.

    ``start``/``end`` are a span of the question's ``text`` as sent (characters), or ``None``. Screening
    measured them in the submitted text; masking keeps every character's place (``masking``), but a host's
    edit replaces the text, so an edited question's spans are ``None`` (the console would otherwise mark
    whatever now stands at the old offsets; ``matched`` still names what screening found).
    """
    screening = question.screening or {}
    spans_fit = not _edited(question)
    stored = screening.get("reasons", [])
    codes = [reason.get("code", "") for reason in stored]
    heads = screening.get("heads") or {}
    texts = screening_messages.support_once(
        codes, [_reason_message(reason, language, heads) for reason in stored], language
    )
    return [
        {
            "code": code,
            "category": reason.get("category", ""),
            "message": text,
            "start": reason.get("start") if spans_fit else None,
            "end": reason.get("end") if spans_fit else None,
            "matched": reason.get("matched", ""),
            "severity": reason.get("severity", 1),
        }
        for code, reason, text in zip(codes, stored, texts, strict=True)
    ]


def _author_reasons(question: Question, language: str) -> list[dict]:
    """The reasons the author is shown, in ``language``: one per category, the most specific, with every
    rule's words once (``messages.reader_reasons``); hosts keep every finding (``_reasons``)."""
    screening = question.screening or {}
    stored = screening.get("reasons", [])
    heads = screening.get("heads") or {}
    shown = []
    for index, words in screening_messages.reader_reasons(stored):
        reason = stored[index]
        code = reason.get("code", "")
        if code in screening_messages.MESSAGES and words:
            text = screening_messages.render_in(code, language, words)
        else:
            text = _reason_message(reason, language, heads)
        shown.append((code, reason.get("category", ""), text))
    texts = screening_messages.support_once([c for c, _, _ in shown], [t for _, _, t in shown], language)
    return [
        {"code": code, "category": category, "message": text}
        for (code, category, _), text in zip(shown, texts, strict=True)
    ]


def staff_question(question: Question, *, localised: bool = True, ended: bool = False) -> dict:
    """What hosts see: everything needed to moderate, including the screening verdict and spans.

    ``ended``: the webinar has ended, so ``allowed`` keeps only the take-down and care actions.

    ``original_text`` is the text as submitted (personal data in full): hosts only. Screening reasons
    are in the active language, or in English with ``localised=False`` (events; ``localise`` renders
    them per viewer).
    """
    screening = question.screening or {}
    language = (translation.get_language() or settings.LANGUAGE_CODE) if localised else "en"
    return {
        **public_question(question, localised=localised),
        "author": question.author_name or (anonymous_label() if localised else ANONYMOUS),
        "author_id": question.author_id,
        "author_muted": question.author_id is not None and question.author.muted_at is not None,
        "status": question.status,
        "language": question.language,
        "screening": {
            "action": question.screening_action,
            "categories": question.screening_categories,
            "score": screening.get("score"),
            "model_version": screening.get("model_version"),
            "top_features": screening.get("top_features", [])[:5],
            "heads": screening.get("heads", {}),
            "fired": screening.get("fired", []),
            "shadow_action": screening.get("shadow_action", ""),
            "reasons": _reasons(question, language),
            "error": screening.get("error"),
        },
        "care": question.care,
        "care_handled": question.care_handled_at is not None,
        "care_replied": question.care_replied_at is not None,
        "review_requested": question.review_requested_at is not None,
        "reject_reason": question.reject_reason,
        "merged_into": question.merged_into_id,
        "original_text": question.original_text,
        "masked": list(question.masked or []),
        "moderated_at": _iso(question.moderated_at),
        "allowed": question_actions_allowed(question, ended=ended),
        "publish_overrides": screening_overridden(question),
    }


def own_question(
    question: Question, *, language: str, care_resources: str | None = None, closed: bool = False
) -> dict:
    """What the author sees of their own question, with reasons in their language.

    ``closed``: the webinar no longer takes questions (ended or cancelled), so no host can approve a held
    one any more and ``can_request_review`` is false (docs/protocol.md, "After the end").
    """
    with translation.override(language):
        data = {
            **public_question(question),
            "status": question.status,
            # The author's own key back: a page holding the `ask` as "sending" replaces it with this
            # question whichever arrives first, the `ack` or this `mine.question` (they race).
            "client_key": question.client_key,
            "status_label": _care_label(question) if question.care else str(Status(question.status).label),
            "reasons": _author_reasons(question, language)
            # A person in distress gets support, not the hosts' screening vocabulary.
            if question.status in AUTHOR_VISIBLE_STATUSES and question.status != Status.CARE
            else [],
            "reject_reason": question.reject_reason if question.status == Status.REJECTED else "",
            "review_requested": question.review_requested_at is not None,
            "can_request_review": question.status in {Status.HELD, Status.BLOCKED}
            and question.review_requested_at is None
            and not closed,
            "can_withdraw": question_can_withdraw(question),
            "masked": masked_labels(list(question.masked or [])),
        }
        if question.care:
            # Never "Rejected", never the hosts' screening text: support, in the author's language.
            data["reasons"] = []
            data["reject_reason"] = ""
            data["care_message"] = _(
                "Your message has been passed to our hosts privately. If you are going through a hard time, "
                "you do not have to face it alone:"
            )
            data["care_resources"] = (
                care_resources if care_resources is not None else care_resources_in(None, "", language)
            )
            if question.care_reply:
                data["care_reply"] = question.care_reply
    return data


def _care_label(question: Question) -> str:
    if question.care_reply:
        return _("A host replied to you privately")
    return _("Shared privately with the hosts")


def care_resources_in(english: str | None, malay: str, language: str) -> str:
    """The support resources a reader in ``language`` is shown, from a webinar's screening settings
    (``care_resources``, ``care_resources_ms``; ``english`` None when the webinar has no settings).

    The organiser's Malay text for a Malay reader when given; the default resources (a webinar that
    kept them, or has no settings) in the reader's language; otherwise the organiser's text as written.
    A teenager in distress reading Malay is never handed the helplines in English by default.
    """
    if language == "ms" and malay.strip():
        return malay
    default = str(ScreeningSettings._meta.get_field("care_resources").default)
    if english is None or english.strip() == default:
        with translation.override(language):
            return _(default)
    return english
