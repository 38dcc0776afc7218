"""How questions look on the wire, per audience. Held text and personal data never reach attendees."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from webinar.models import Question, ScreeningSettings

Status = Question.Status
AUTHOR_VISIBLE_STATUSES = {Status.PENDING, Status.HELD, Status.CARE, Status.BLOCKED, Status.REJECTED}


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _shown_author(question: Question) -> str:
    if question.anonymous or not question.author_name:
        return _("Anonymous")
    return question.author_name


def public_question(question: Question) -> dict:
    """What every attendee may see: published questions only."""
    return {
        "id": question.pk,
        "text": question.text,
        "author": _shown_author(question),
        "anonymous": question.anonymous,
        "votes": question.vote_count,
        "pinned": question.pinned,
        "answered": question.answered_at is not None,
        "created_at": _iso(question.created_at),
        "edited": bool(question.original_text),
    }


def _reasons(question: Question, language: str) -> list[dict]:
    reasons = []
    for reason in (question.screening or {}).get("reasons", []):
        key = "message_ms" if language == "ms" else "message_en"
        reasons.append(
            {
                "code": reason.get("code", ""),
                "category": reason.get("category", ""),
                "message": reason.get(key) or reason.get("message_en", ""),
                "start": reason.get("start"),
                "end": reason.get("end"),
                "matched": reason.get("matched", ""),
                "severity": reason.get("severity", 1),
            }
        )
    return reasons


def staff_question(question: Question) -> dict:
    """What hosts see: everything needed to moderate, including the screening verdict and spans."""
    screening = question.screening or {}
    return {
        **public_question(question),
        "author": question.author_name or _("Anonymous"),
        "author_id": question.author_id,
        "status": question.status,
        "language": question.language,
        "screening": {
            "action": question.screening_action,
            "categories": question.screening_categories,
            "score": screening.get("score"),
            "model_version": screening.get("model_version"),
            "top_features": screening.get("top_features", [])[:5],
            "reasons": _reasons(question, "en"),
            "error": screening.get("error"),
        },
        "care": question.status == Status.CARE,
        "review_requested": question.review_requested_at is not None,
        "reject_reason": question.reject_reason,
        "merged_into": question.merged_into_id,
        "original_text": question.original_text,
        "moderated_at": _iso(question.moderated_at),
    }


def own_question(question: Question, *, language: str, care_resources: str | None = None) -> dict:
    """What the author sees of their own question, with reasons in their language."""
    with translation.override(language):
        data = {
            **public_question(question),
            "status": question.status,
            "status_label": str(Status(question.status).label),
            "reasons": [
                {"code": r["code"], "category": r["category"], "message": r["message"]}
                for r in _reasons(question, language)
            ]
            # A person in distress gets support, not the hosts' screening vocabulary.
            if question.status in AUTHOR_VISIBLE_STATUSES and question.status != Status.CARE
            else [],
            "reject_reason": question.reject_reason if question.status == Status.REJECTED else "",
            "review_requested": question.review_requested_at is not None,
            "can_request_review": question.status in {Status.HELD, Status.BLOCKED}
            and question.review_requested_at is None,
        }
        if question.status == Status.CARE:
            data["care_message"] = _(
                "Your message has been passed to our hosts privately. If you are going through a hard time, "
                "you do not have to face it alone:"
            )
            data["care_resources"] = care_resources if care_resources is not None else _default_resources()
    return data


def _default_resources() -> str:
    return str(ScreeningSettings._meta.get_field("care_resources").default)
