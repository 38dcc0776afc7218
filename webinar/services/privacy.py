"""Attendees' personal data (Malaysia's PDPA): export it, delete it, and purge it after retention.

Deletion anonymises rather than removes rows, so the organiser's counts stay right: the
registration keeps its status but loses name, e-mail and answers; questions lose their author
and text; votes are dropped with tallies kept; attendance keeps its times but not who.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from asgiref.sync import async_to_sync
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from realtime.presence import get_presence_store
from webinar.models import AttendanceSession, Question, Registration, Report, Vote, Webinar
from webinar.services.audit import audit_record
from webinar.services.questions import emit_question_changed
from webinar.services.summaries import report_enqueue

REMOVED_TEXT = "[removed at the author's request]"
# Stored in join_secret: a marker that revokes every link, not a secret.
DELETED_MARKER = "deleted"


def is_deleted(registration: Registration) -> bool:
    return registration.join_secret == DELETED_MARKER


def attendee_data_export(*, registration: Registration) -> dict:
    """Everything Dewan holds about one registration, as JSON-ready data."""
    questions = Question.objects.filter(author=registration).order_by("created_at")
    return {
        "webinar": {"title": registration.webinar.title, "slug": registration.webinar.slug},
        "registration": {
            "name": registration.name,
            "email": registration.email,
            "language": registration.language,
            "status": registration.status,
            "answers": registration.answers,
            "consent_given_at": registration.consent_given_at.isoformat(),
            "registered_at": registration.created_at.isoformat(),
            "muted": registration.muted_at is not None,
        },
        "questions": [
            {
                "text": q.text,
                "anonymous": q.anonymous,
                "status": q.status,
                "asked_at": q.created_at.isoformat(),
                "screening": {"action": q.screening_action, "categories": q.screening_categories},
            }
            for q in questions
        ],
        "votes": [
            {"question_id": question_id, "at": at.isoformat()}
            for question_id, at in Vote.objects.filter(registration=registration).values_list(
                "question_id", "created_at"
            )
        ],
        "attendance": [
            {
                "joined_at": s.joined_at.isoformat(),
                "left_at": (s.left_at or s.last_seen_at).isoformat(),
                "watch_seconds": round(s.watch_seconds),
            }
            for s in AttendanceSession.objects.filter(registration=registration).order_by("joined_at")
        ],
    }


def _anonymous_key(registration_id: int) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{registration_id}".encode()).hexdigest()[:16]
    return f"anon:{digest}"


def attendee_data_delete(*, registration: Registration, actor=None) -> None:
    """Anonymise one registration everywhere: database, live presence, and reports (rebuilt)."""
    webinar_id = registration.webinar_id
    viewer_key = f"r:{registration.pk}"
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        theirs = list(Question.objects.filter(author=registration).values_list("pk", flat=True))
        Question.objects.filter(pk__in=theirs).update(
            author=None, author_name="", anonymous=True, text=REMOVED_TEXT, original_text="", screening={}
        )
        # Viewers on the live page see the text go too.
        for question in Question.objects.filter(pk__in=theirs, status=Question.Status.PUBLISHED):
            emit_question_changed(question, was_public=True)
        Vote.objects.filter(registration=registration).delete()  # tallies stay on the questions
        AttendanceSession.objects.filter(registration=registration).update(
            registration=None, viewer_key=_anonymous_key(registration.pk)
        )
        registration.name = "Deleted attendee"
        registration.email = f"deleted-{registration.pk}@deleted.invalid"
        registration.answers = {}
        registration.user = None
        registration.join_secret = DELETED_MARKER
        registration.save()
        audit_record(
            webinar=registration.webinar,
            actor=actor,
            action="attendee.delete_data",
            target=registration,
        )
        if Report.objects.filter(webinar_id=webinar_id, status=Report.Status.DONE).exists():
            transaction.on_commit(lambda: _rebuild_report(webinar_id))
    try:
        async_to_sync(get_presence_store().leave)(webinar_id, viewer_key)
    except Exception:  # presence expires by TTL anyway
        logging.getLogger("dewan.privacy").warning("could not drop presence of %s", viewer_key, exc_info=True)


def _rebuild_report(webinar_id: int) -> None:
    """Drop the built report's figures (they may quote the attendee) and build it again.

    Not ``summaries.report_request``: that is the organiser's action (it refuses a system actor and
    a report that is already done, which is exactly the case here).
    """
    with transaction.atomic():
        reset = Report.objects.filter(webinar_id=webinar_id, status=Report.Status.DONE).update(
            status=Report.Status.PENDING, progress=0, stage="", data={}, charts={}, error="", task_id=""
        )
        if reset:
            report_enqueue(webinar_id=webinar_id)


def personal_data_purge_expired(*, now=None) -> int:
    """Anonymise registrations of webinars that ended more than DEWAN_RETENTION_DAYS ago."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.DEWAN_RETENTION_DAYS)
    expired = Registration.objects.filter(
        webinar__status=Webinar.Status.ENDED, webinar__ends_at__lt=cutoff
    ).exclude(join_secret=DELETED_MARKER)
    count = 0
    for registration in expired.select_related("webinar").iterator():
        attendee_data_delete(registration=registration)
        count += 1
    return count
