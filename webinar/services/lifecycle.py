"""Webinar creation and the lifecycle draft → scheduled → live → ended, changed only here."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from realtime.protocol import ErrorCode
from webinar.exceptions import InvalidState, ValidationFailed
from webinar.models import Registration, ScreeningSettings, Webinar
from webinar.services import summaries
from webinar.services.attendance import attendance_sessions_close
from webinar.services.audit import audit_record
from webinar.services.events import Stream, event_record
from webinar.services.notifications import registrants_notify_promise

Status = Webinar.Status
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    Status.DRAFT: {Status.SCHEDULED},
    Status.SCHEDULED: {Status.DRAFT, Status.LIVE, Status.CANCELLED},
    Status.LIVE: {Status.ENDED},
    Status.ENDED: set(),
    Status.CANCELLED: set(),
}
# A change to any of these is a change to the calendar event registrants hold.
CALENDAR_FIELDS = ("title", "starts_at", "ends_at", "timezone")
EDITABLE_FIELDS = (
    "title",
    "title_ms",
    "description",
    "description_ms",
    "speakers",
    "starts_at",
    "ends_at",
    "timezone",
    "capacity",
    "waitlist_enabled",
    "languages",
    "registration_open",
    "stream_url",
    "custom_questions",
)


def _unique_slug(title: str) -> str:
    base = slugify(title)[:60] or "webinar"
    slug, n = base, 2
    while Webinar.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _validate(webinar: Webinar) -> None:
    if webinar.ends_at <= webinar.starts_at:
        raise ValidationFailed(_("The end time must be after the start time."), code=ErrorCode.INVALID_TIMES)


@transaction.atomic
def webinar_create(
    *, organiser, title: str, starts_at, ends_at, slug: str | None = None, **fields
) -> Webinar:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationFailed(f"Unknown webinar fields: {sorted(unknown)}")
    webinar = Webinar(
        organiser=organiser,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        slug=slug or _unique_slug(title),
    )
    for name, value in fields.items():
        setattr(webinar, name, value)
    _validate(webinar)
    webinar.full_clean()
    webinar.save()
    ScreeningSettings.objects.create(webinar=webinar)
    audit_record(
        webinar=webinar, actor=organiser, action="webinar.create", target=webinar, after={"title": title}
    )
    return webinar


@transaction.atomic
def webinar_update(*, webinar: Webinar, actor, **fields) -> Webinar:
    """Change editable fields (``EDITABLE_FIELDS``); raises ``ValidationFailed`` (``invalid_times``...).

    A change to the title, times or time zone of a webinar with registrants raises its calendar
    ``SEQUENCE`` and owes each confirmed or waitlisted registrant an e-mail with the updated ``.ics``
    (same UID): a fan-out written to the outbox in this transaction, run after commit
    (``notifications.registrants_notify_promise``).
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationFailed(f"Unknown webinar fields: {sorted(unknown)}")
    webinar = Webinar.objects.select_for_update().get(pk=webinar.pk)
    before = {name: str(getattr(webinar, name)) for name in fields}
    calendar_before = [getattr(webinar, name) for name in CALENDAR_FIELDS]
    for name, value in fields.items():
        setattr(webinar, name, value)
    _validate(webinar)
    webinar.full_clean()
    rescheduled = calendar_before != [getattr(webinar, name) for name in CALENDAR_FIELDS]
    if rescheduled and _has_registrants(webinar):
        webinar.calendar_sequence += 1
        registrants_notify_promise(webinar=webinar, kind="rescheduled")
    webinar.save()
    audit_record(
        webinar=webinar,
        actor=actor,
        action="webinar.update",
        target=webinar,
        before=before,
        after={name: str(getattr(webinar, name)) for name in fields},
    )
    if "capacity" in fields:
        from webinar.services.registration import waitlist_promote

        waitlist_promote(webinar=webinar)
    return webinar


def transition_refusal(current: str, target: str) -> str:
    """The translated sentence for a refused lifecycle move from ``current`` to ``target`` (status values).

    A move to the state the webinar is already in says so ("This webinar has already ended."); any
    other names both states by their translated labels in quotes, so no article or word order is
    built from a status name.
    """
    if current == target:
        already = {
            Status.DRAFT: _("This webinar is still a draft."),
            Status.SCHEDULED: _("This webinar is already scheduled."),
            Status.LIVE: _("This webinar is already live."),
            Status.ENDED: _("This webinar has already ended."),
            Status.CANCELLED: _("This webinar is already cancelled."),
        }
        return already[Status(current)]
    return _("This webinar is “%(current)s”: it cannot change to “%(target)s”.") % {
        "current": Status(current).label,
        "target": Status(target).label,
    }


def webinar_transition(*, webinar: Webinar, actor, to: str) -> Webinar:
    """Move the webinar along its lifecycle; ending it closes every open attendance session (at the end
    time at the latest: nobody watches an ended webinar) and queues the organiser's report. Cancelling
    one with registrants raises its calendar ``SEQUENCE`` and owes each a calendar cancel, through the
    outbox (``notifications.registrants_notify_promise``); its ``webinar.status`` event, the live
    notice, is in the event log written in this transaction (a lost broadcast is replayed by ``sync``)."""
    with transaction.atomic():
        webinar = Webinar.objects.select_for_update().get(pk=webinar.pk)
        if to not in ALLOWED_TRANSITIONS[webinar.status]:
            raise InvalidState(transition_refusal(webinar.status, to), code=ErrorCode.INVALID_TRANSITION)
        before = webinar.status
        webinar.status = to
        now = timezone.now()
        if to == Status.LIVE:
            webinar.went_live_at = now
        if to == Status.ENDED:
            webinar.ended_at = now
        if to == Status.CANCELLED and _has_registrants(webinar):
            webinar.calendar_sequence += 1
            registrants_notify_promise(webinar=webinar, kind="webinar_cancelled")
        webinar.save(update_fields=["status", "went_live_at", "ended_at", "calendar_sequence", "updated_at"])
        audit_record(
            webinar=webinar,
            actor=actor,
            action="webinar.status",
            target=webinar,
            before={"status": before},
            after={"status": to},
        )
        event_record(
            webinar_id=webinar.pk, stream=Stream.PUBLIC, type="webinar.status", payload={"status": to}
        )
        if to == Status.ENDED:
            from webinar.campaigns.services.polls import polls_close_at_end

            polls_close_at_end(webinar_id=webinar.pk)
            attendance_sessions_close(webinar_id=webinar.pk)
            summaries.report_enqueue(webinar_id=webinar.pk)
    return webinar


def _has_registrants(webinar: Webinar) -> bool:
    return webinar.registrations.filter(
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
    ).exists()


def webinars_end_overdue(*, grace_minutes: int = 30) -> list[int]:
    """Called by Celery beat: end live webinars whose end time passed long ago."""
    cutoff = timezone.now() - timedelta(minutes=grace_minutes)
    ended = []
    for webinar in Webinar.objects.filter(status=Status.LIVE, ends_at__lt=cutoff):
        webinar_transition(webinar=webinar, actor=None, to=Status.ENDED)
        ended.append(webinar.pk)
    return ended
