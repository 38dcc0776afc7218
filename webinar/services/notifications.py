"""E-mails to registrants: confirmation with an .ics file and personal links, waitlist, promotion, cancel."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from accounts.joinlinks import make_token
from webinar.models import Registration, Webinar

log = logging.getLogger("dewan.notifications")


def join_url(registration: Registration) -> str:
    token = make_token(registration_id=registration.pk, join_secret=registration.join_secret, purpose="join")
    return settings.SITE_URL + reverse("webinar:join", args=[registration.webinar.slug, token])


def cancel_url(registration: Registration) -> str:
    token = make_token(
        registration_id=registration.pk, join_secret=registration.join_secret, purpose="cancel"
    )
    return settings.SITE_URL + reverse("webinar:cancel", args=[registration.webinar.slug, token])


def webinar_ics(webinar: Webinar, *, registration: Registration | None = None, cancel: bool = False) -> bytes:
    """The webinar as an iCalendar file: one event whose UID never changes.

    ``SEQUENCE`` is ``webinar.calendar_sequence``, raised by every change registrants are told about, so
    a calendar replaces the event it already holds instead of adding a second one. ``cancel`` gives
    ``METHOD:CANCEL`` with ``STATUS:CANCELLED`` (the webinar was cancelled, or the registration was),
    one step above the current sequence so it supersedes the last file sent.
    Title and description are the organiser's in the active language (``shown_title``,
    ``shown_description``): e-mails render under the registrant's language, the page's file under the
    reader's.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Dewan//dewan.local//")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "PUBLISH")
    event = Event()
    event.add("uid", f"webinar-{webinar.pk}@dewan.local")
    event.add("sequence", webinar.calendar_sequence + (1 if cancel else 0))
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    event.add("summary", webinar.shown_title)
    event.add("dtstart", webinar.starts_at)
    event.add("dtend", webinar.ends_at)
    event.add("dtstamp", webinar.updated_at or webinar.created_at)
    link = (
        join_url(registration)
        if registration
        else settings.SITE_URL + reverse("webinar:detail", args=[webinar.slug])
    )
    event.add("url", link)
    event.add("location", vText(link))
    description = webinar.shown_description
    if registration:
        join_line = _("Join: %(link)s") % {"link": link}
        description = f"{description}\n\n{join_line}".strip()
    event.add("description", description)
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].rstrip('>')}")
    organizer.params["cn"] = vText("Dewan")
    event["organizer"] = organizer
    calendar.add_component(event)
    return calendar.to_ical()


SUBJECTS = {
    "confirmation": "webinar/email/confirmation",
    "waitlisted": "webinar/email/confirmation",
    "promoted": "webinar/email/promoted",
    "cancelled": "webinar/email/cancelled",
    "rescheduled": "webinar/email/rescheduled",
    "link_again": "webinar/email/confirmation",
    "webinar_cancelled": "webinar/email/webinar_cancelled",
    # Someone registered an e-mail that already was: its owner hears, the form reveals nothing.
    "already_registered": "webinar/email/already_registered",
}
# Kinds whose e-mail carries the calendar file, and those whose file removes the event.
CALENDAR_KINDS = {"confirmation", "promoted", "rescheduled", "link_again"}
CANCEL_KINDS = {"cancelled", "webinar_cancelled"}
# Kinds whose occasion is the registration's status change: once the status changed again they are moot.
STATUS_KINDS = {"confirmation", "waitlisted", "promoted", "cancelled"}
# Kinds told to every registrant of a webinar (``registrants_notify``): their occasion is the webinar's
# calendar sequence (``calendar_occasion``), moot once a later change raised it, or for a registration
# no longer confirmed or waitlisted.
WEBINAR_WIDE_KINDS = {"rescheduled", "webinar_cancelled"}
NOTIFIED_STATUSES = (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)


def email_subject(template: str, context: dict) -> str:
    """A subject line from ``template``: plain text (never HTML-escaped) on one line.

    Titles are organiser input: a newline in one would make Django refuse the header
    (``BadHeaderError``) for every e-mail of the webinar, so all whitespace runs become one space.
    """
    return " ".join(render_to_string(template, context).split())[:250]


def registration_email_send(*, registration_id: int, kind: str, occasion: str | None = None) -> bool:
    """Send the ``kind`` e-mail for a registration once per occasion; return whether it was sent now.

    Args:
        registration_id: the registration.
        kind: a key of ``SUBJECTS``.
        occasion: what this e-mail is about; defaults to the registration's last status change, so a
            task delivered or run twice sends one e-mail, while a later change (cancel, register
            again) sends a new one.
    The registration row stays locked while sending: a second run waits, then sees the record.
    An SMTP failure rolls the record back, so the task's retry sends it. The outbox entry of this
    e-mail (webinar/services/outbox.py) is stamped done in the same transaction as the record.
    Nothing is sent, and the entry is settled as ``superseded``, when the occasion is over: a status
    e-mail (``STATUS_KINDS``) whose status changed since (a confirmation retried after a cancel), a
    registrant-wide e-mail (``WEBINAR_WIDE_KINDS``) of a change since superseded by another (its
    calendar sequence is no longer the webinar's) or to a registration no longer confirmed or
    waitlisted, or a registration whose data was deleted.
    """
    from webinar.services.outbox import email_done
    from webinar.services.privacy import is_deleted

    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update().select_related("webinar").get(pk=registration_id)
        )
        current = registration.status_changed_at.isoformat()
        occasion = occasion or current
        if (registration.emails_sent or {}).get(kind) == occasion:
            email_done(registration_id=registration_id, kind=kind, occasion=occasion)
            return False
        if is_deleted(registration) or _moot(registration, kind, occasion, current):
            email_done(registration_id=registration_id, kind=kind, occasion=occasion, outcome="superseded")
            return False
        _send(registration, kind)
        registration.emails_sent = {**(registration.emails_sent or {}), kind: occasion}
        registration.save(update_fields=["emails_sent"])
        email_done(registration_id=registration_id, kind=kind, occasion=occasion)
    return True


def _moot(registration: Registration, kind: str, occasion: str, current: str) -> bool:
    """Whether the ``kind`` e-mail for ``occasion`` is no longer owed (``registration_email_send``)."""
    if kind in STATUS_KINDS:
        return occasion != current
    if kind in WEBINAR_WIDE_KINDS:
        return (
            occasion != calendar_occasion(registration.webinar.calendar_sequence)
            or registration.status not in NOTIFIED_STATUSES
        )
    return False


def _send(registration: Registration, kind: str) -> None:
    webinar = registration.webinar
    template = SUBJECTS[kind]
    context = {
        "registration": registration,
        "webinar": webinar,
        "join_url": join_url(registration),
        "cancel_url": cancel_url(registration),
        "kind": kind,
    }
    # The calendar file is written in the registrant's language too (title, description, "Join:"),
    # whatever language the request or worker that sends it runs in.
    with translation.override(registration.language):
        subject = email_subject(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
        calendar = None
        if registration.status == Registration.Status.CONFIRMED and kind in CALENDAR_KINDS:
            calendar = webinar_ics(webinar, registration=registration)
        elif kind in CANCEL_KINDS:
            calendar = webinar_ics(webinar, cancel=True)
    message = EmailMessage(subject=subject, body=body, to=[registration.email])
    if calendar is not None:
        message.attach(f"{webinar.slug}.ics", calendar, "text/calendar")
    message.send()


def calendar_occasion(sequence: int) -> str:
    """The occasion of a registrant-wide e-mail: the webinar's calendar ``SEQUENCE`` after the change."""
    return f"calendar-sequence:{sequence}"


def registrants_notify_promise(*, webinar: Webinar, kind: str) -> None:
    """Owe every confirmed or waitlisted registrant the ``kind`` e-mail (``rescheduled`` or
    ``webinar_cancelled``) for the webinar's current ``calendar_sequence``, already raised by the caller
    in this transaction under the webinar's row lock.

    Writes one ``fanout`` outbox entry in the caller's transaction and queues the fan-out
    (``webinar.notify_registrants``) on commit. A process killed before the queueing, a broker that
    refuses or loses the task: the outbox sweep queues the fan-out again after the grace
    (webinar/services/outbox.py). A failure to queue is logged, never raised into the change.
    """
    from webinar.services.outbox import fanout_promise
    from webinar.tasks import notify_registrants

    if kind not in WEBINAR_WIDE_KINDS:
        raise ValueError(f"not a registrant-wide kind: {kind}")
    webinar_id, occasion = webinar.pk, calendar_occasion(webinar.calendar_sequence)
    fanout_promise(webinar_id=webinar_id, kind=kind, occasion=occasion)

    def enqueue() -> None:
        try:
            notify_registrants.delay(webinar_id, kind, occasion)
        except Exception:
            log.error("could not enqueue the %s fan-out of webinar %s", kind, webinar_id, exc_info=True)

    transaction.on_commit(enqueue)


def registrants_notify(*, webinar_id: int, kind: str, occasion: str | None = None) -> int:
    """Expand the ``kind`` fan-out for ``occasion`` (default: the webinar's current calendar sequence)
    into one outbox e-mail entry per confirmed or waitlisted registrant, and queue those e-mails.

    Returns how many e-mails this run owed and queued. Idempotent: in one transaction under the webinar's
    row lock it writes an entry only for registrants who have none for this ``kind`` and ``occasion``,
    stamps the ``fanout`` entries ``expanded``, and queues only what it wrote, after commit. So a fan-out
    delivered twice, or swept while the first still runs, owes and queues nothing more; a process killed
    after the commit leaves every e-mail owed in the outbox, each sent by the sweep; one killed before it
    leaves the ``fanout`` entry open, and the sweep runs the fan-out again. Each e-mail is its own task
    (``send_registration_email``): one failing address is retried alone, and the send records the
    occasion in ``Registration.emails_sent`` under the registration's row lock, so it goes out once.

    A fan-out whose occasion is no longer the webinar's calendar sequence (a later change was made
    before it ran) is settled ``superseded`` and owes nothing: the later change's fan-out tells
    everyone the time now in force, once. Raises ``ValueError`` for a kind not in ``WEBINAR_WIDE_KINDS``.
    """
    from webinar.models import OutboxEntry
    from webinar.services.outbox import email_promises

    if kind not in WEBINAR_WIDE_KINDS:
        raise ValueError(f"not a registrant-wide kind: {kind}")
    with transaction.atomic():
        webinar = Webinar.objects.select_for_update().filter(pk=webinar_id).first()
        if webinar is None:
            return 0
        current = calendar_occasion(webinar.calendar_sequence)
        occasion = occasion or current
        fanouts = OutboxEntry.objects.filter(
            topic=OutboxEntry.Topic.FANOUT, webinar_id=webinar_id, kind=kind, occasion=occasion, done_at=None
        )
        if occasion != current:
            fanouts.update(done_at=timezone.now(), outcome="superseded")
            return 0
        owed = OutboxEntry.objects.filter(
            topic=OutboxEntry.Topic.EMAIL,
            webinar_id=webinar_id,
            kind=kind,
            occasion=occasion,
            registration__isnull=False,
        ).values("registration_id")
        ids = list(
            Registration.objects.filter(webinar_id=webinar_id, status__in=NOTIFIED_STATUSES)
            .exclude(pk__in=owed)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        email_promises(webinar_id=webinar_id, registration_ids=ids, kind=kind, occasion=occasion)
        fanouts.update(done_at=timezone.now(), outcome="expanded")
        transaction.on_commit(lambda: _enqueue_each(ids, kind, occasion))
    return len(ids)


def _enqueue_each(registration_ids: list[int], kind: str, occasion: str) -> None:
    """Queue each registrant's e-mail; one that cannot be queued is logged and left to the sweep."""
    from webinar.tasks import send_registration_email

    for registration_id in registration_ids:
        try:
            send_registration_email.delay(registration_id, kind, occasion)
        except Exception:
            log.error(
                "could not enqueue the %s e-mail of registration %s", kind, registration_id, exc_info=True
            )
