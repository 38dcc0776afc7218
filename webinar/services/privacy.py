"""Attendees' personal data (Malaysia's PDPA): export it, delete it, and purge it after retention.

Deletion anonymises rather than removes rows, so the organiser's counts stay right: the
registration keeps its status but loses name, e-mail and answers; questions lose their author
and words (text, original text, screening spans, reject reason); votes are dropped with tallies
kept; attendance keeps its times but not who; audit entries keep who/what/when but not the words.
Access ends at once: the join secret is replaced, which revokes every link and every browser
session, and the registration's open sockets are closed. docs/privacy.md has the whole list.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from asgiref.sync import async_to_sync
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from realtime.presence import get_presence_store
from webinar import live_state, selectors
from webinar.campaigns.models import AnswerNotice, HubVisitor, PledgeTaker
from webinar.models import AttendanceSession, AuditEntry, Question, Registration, Report, Vote, Webinar
from webinar.reports.themes import phrases_version, question_phrases
from webinar.services.attendance import attendance_rollups_refresh, attendance_writes_lock
from webinar.services.audit import audit_record, audit_redact_words
from webinar.services.questions import emit_question_changed
from webinar.services.registration import registration_access_revoke
from webinar.services.summaries import report_enqueue

REMOVED_TEXT = "[removed at the author's request]"
DELETED_MARKER = selectors.DELETED_MARKER


def is_deleted(registration: Registration) -> bool:
    return registration.join_secret == DELETED_MARKER


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _audit_about(registration: Registration) -> Q:
    """Audit entries whose subject is this registration or one of its questions."""
    question_ids = [
        str(pk) for pk in Question.objects.filter(author=registration).values_list("pk", flat=True)
    ]
    return Q(target_type="registration", target_id=str(registration.pk)) | Q(
        target_type="question", target_id__in=question_ids
    )


def attendee_data_export(*, registration: Registration) -> dict:
    """Everything Dewan holds about one registration, as JSON-ready data.

    Args: ``registration``. Returns a dict with ``webinar``, ``registration`` (identity, answers,
    consent, status, mute), ``questions`` (as asked: ``original_text`` is the text before a host
    edit, ``text`` the shown one; status, moderation, the full screening verdict with spans),
    ``votes``, ``attendance`` (watch sessions), ``pledges`` (campaign pledges taken with the
    registration's e-mail), ``hub_visits`` and ``answer_emails`` (campaign records), ``audit``
    (host actions about the person or their questions: who, what, when, before/after), and
    ``account`` (the linked user, if any).
    """
    registration = Registration.objects.select_related("webinar", "user").get(pk=registration.pk)
    questions = Question.objects.filter(author=registration).order_by("created_at")
    user = registration.user
    return {
        "webinar": {"title": registration.webinar.title, "slug": registration.webinar.slug},
        "registration": {
            "id": registration.pk,
            "name": registration.name,
            "email": registration.email,
            "language": registration.language,
            "status": registration.status,
            "answers": registration.answers,
            "consent_given_at": _iso(registration.consent_given_at),
            "registered_at": _iso(registration.created_at),
            "status_changed_at": _iso(registration.status_changed_at),
            "muted": registration.muted_at is not None,
            "muted_at": _iso(registration.muted_at),
        },
        "account": (
            {
                "email": user.email,
                "display_name": user.display_name,
                "email_verified_at": _iso(user.email_verified_at),
            }
            if user is not None
            else None
        ),
        "questions": [
            {
                "id": q.pk,
                "text": q.text,
                "original_text": q.original_text or q.text,
                "edited_by_host": bool(q.original_text),
                "anonymous": q.anonymous,
                "language": q.language,
                "status": q.status,
                "asked_at": _iso(q.created_at),
                "published_at": _iso(q.published_at),
                "moderated_at": _iso(q.moderated_at),
                "answered_at": _iso(q.answered_at),
                "pinned": q.pinned,
                "votes": q.vote_count,
                "merged_into": q.merged_into_id,
                "reject_reason": q.reject_reason,
                "review_requested_at": _iso(q.review_requested_at),
                "screening": q.screening,
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
                "joined_at": _iso(s.joined_at),
                "left_at": _iso(s.left_at or s.last_seen_at),
                "watch_seconds": round(s.watch_seconds),
                "language": s.language,
            }
            for s in AttendanceSession.objects.filter(registration=registration).order_by("joined_at")
        ],
        "pledges": [
            {
                "campaign": taker.pledge.campaign.title,
                "name": taker.name,
                "email": taker.email,
                "institution": taker.institution,
                "method": taker.method,
                "language": taker.language,
                "consent_given_at": _iso(taker.consent_given_at),
                "taken_at": _iso(taker.created_at),
            }
            for taker in PledgeTaker.objects.filter(email__iexact=registration.email).select_related(
                "pledge__campaign"
            )
        ],
        "hub_visits": [
            {"campaign": visit.campaign.title, "first_seen_at": _iso(visit.first_seen_at)}
            for visit in HubVisitor.objects.filter(email__iexact=registration.email).select_related(
                "campaign"
            )
        ],
        "answer_emails": [
            {
                "questions": notice.questions,
                "claimed_at": _iso(notice.created_at),
                "sent_at": _iso(notice.sent_at),
            }
            for notice in AnswerNotice.objects.filter(registration=registration)
        ],
        "audit": [
            {
                "at": _iso(entry.created_at),
                "by": entry.actor_label,
                "action": entry.action,
                "target": f"{entry.target_type}:{entry.target_id}",
                "before": entry.before,
                "after": entry.after,
            }
            for entry in AuditEntry.objects.filter(_audit_about(registration)).order_by("created_at", "id")
        ],
    }


def _anonymous_key(registration_id: int) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{registration_id}".encode()).hexdigest()[:16]
    return f"anon:{digest}"


def attendee_data_delete(*, registration: Registration, actor=None) -> None:
    """Anonymise one registration everywhere and end its access at once.

    Args: ``registration``; ``actor``, the user who asked (None for the attendee via their link or
    the retention task). Returns nothing; running it twice changes nothing more.
    Covers: registration identity, answers and account link; join links and browser sessions
    (join secret replaced); open sockets (closed with 4403); questions' text, original text,
    screening spans and reject reasons, with a redacted event so live pages drop them; votes;
    attendance; the words in audit entries about them; the cached published list; live presence;
    a built or running report (rebuilt without them; CSVs read the redacted rows).
    """
    webinar_id = registration.webinar_id
    viewer_key = f"r:{registration.pk}"
    with transaction.atomic():
        # First, before the registration's row lock: a sampler tick holds this lock while its new
        # sessions' foreign keys wait for that row, so the other order could deadlock. No tick
        # interleaves with the re-keying of the attendance sessions and their rollups below.
        attendance_writes_lock(webinar_id=webinar_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if is_deleted(registration):
            return
        audit_redact_words(entries=AuditEntry.objects.filter(_audit_about(registration)))
        theirs = list(Question.objects.filter(author=registration).select_for_update())
        Question.objects.filter(pk__in=[q.pk for q in theirs]).update(
            author=None,
            author_name="",
            anonymous=True,
            text=REMOVED_TEXT,
            theme_phrases=question_phrases(REMOVED_TEXT),  # an update() skips Question.save
            theme_phrases_version=phrases_version(),
            original_text="",
            screening={},
            reject_reason="",
            care_reply="",  # a host's private reply is about the person too
            masked=[],
        )
        # Live pages (attendees' lists and the hosts' queue) see the words go too.
        for before in theirs:
            question = Question.objects.get(pk=before.pk)
            emit_question_changed(question, was_public=before.status == Question.Status.PUBLISHED)
        Vote.objects.filter(registration=registration).delete()  # tallies stay on the questions
        attended = AttendanceSession.objects.filter(registration=registration)
        keys = {*attended.values_list("viewer_key", flat=True).distinct(), _anonymous_key(registration.pk)}
        attended.update(registration=None, viewer_key=_anonymous_key(registration.pk))
        attendance_rollups_refresh(webinar_id=webinar_id, viewer_keys=keys)  # the old keys' rows go
        registration.name = "Deleted attendee"
        registration.email = f"deleted-{registration.pk}@deleted.invalid"
        registration.answers = {}
        registration.user = None
        registration.join_secret = DELETED_MARKER
        registration.save()
        registration_access_revoke(registration=registration)
        audit_record(
            webinar=registration.webinar,
            actor=actor,
            action="attendee.delete_data",
            target=registration,
        )
        transaction.on_commit(lambda: live_state.published_cache_clear(webinar_id=webinar_id))
        _report_rebuild_without_them(webinar_id)
    try:
        async_to_sync(get_presence_store().leave)(webinar_id, viewer_key)
    except Exception:  # presence expires by TTL anyway
        logging.getLogger("dewan.privacy").warning("could not drop presence of %s", viewer_key, exc_info=True)


def _report_rebuild_without_them(webinar_id: int) -> None:
    """Drop the report's figures (they may quote the attendee) and build it again if it was built.

    A running build is superseded too (its attempt no longer matches, so it cannot write what it
    read before the deletion). Not ``summaries.report_request``: that is the organiser's action
    (it refuses a system actor and a report that is already done, which is exactly the case here).
    """
    report = Report.objects.select_for_update().filter(webinar_id=webinar_id).first()
    if report is None:
        return
    rebuild = report.status in (Report.Status.DONE, Report.Status.RUNNING)
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.PENDING if rebuild else report.status,
        progress=0,
        stage="",
        data={},
        charts={},
        error="",
        task_id="",
    )
    if rebuild:
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
