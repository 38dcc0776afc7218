"""E-mails to registrants: confirmation with an .ics file and personal links, waitlist, promotion, cancel."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from accounts.joinlinks import make_token
from webinar.models import Registration, Webinar


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
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Dewan//dewan.local//")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "PUBLISH")
    event = Event()
    event.add("uid", f"webinar-{webinar.pk}@dewan.local")
    event.add("sequence", webinar.calendar_sequence + (1 if cancel else 0))
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    event.add("summary", webinar.title)
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
    description = webinar.description
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
    e-mail (``STATUS_KINDS``) whose status changed since (a confirmation retried after a cancel), or
    a registration whose data was deleted.
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
        if is_deleted(registration) or (kind in STATUS_KINDS and occasion != current):
            email_done(registration_id=registration_id, kind=kind, occasion=occasion, outcome="superseded")
            return False
        _send(registration, kind)
        registration.emails_sent = {**(registration.emails_sent or {}), kind: occasion}
        registration.save(update_fields=["emails_sent"])
        email_done(registration_id=registration_id, kind=kind, occasion=occasion)
    return True


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
    with translation.override(registration.language):
        subject = email_subject(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[registration.email])
    if registration.status == Registration.Status.CONFIRMED and kind in CALENDAR_KINDS:
        message.attach(
            f"{webinar.slug}.ics", webinar_ics(webinar, registration=registration), "text/calendar"
        )
    elif kind in CANCEL_KINDS:
        message.attach(f"{webinar.slug}.ics", webinar_ics(webinar, cancel=True), "text/calendar")
    message.send()


def registrants_notify(*, webinar_id: int, kind: str) -> int:
    """Queue ``kind`` (``rescheduled`` or ``webinar_cancelled``) to every confirmed or waitlisted registrant.

    Returns the number of e-mails queued. Each e-mail is its own task (``send_registration_email``), so
    one failing address is retried alone. The occasion of each is the webinar's ``calendar_sequence``
    (raised by every change registrants are told of): a fan-out run twice sends each e-mail once, and a
    second change of time sends a second "New time" e-mail (with the registration's status change as
    occasion, the second was taken for the first and never sent). Two changes before the fan-out runs
    send one e-mail, with the time now in force.
    """
    from webinar.tasks import send_registration_email

    if kind not in {"rescheduled", "webinar_cancelled"}:
        raise ValueError(f"not a registrant-wide kind: {kind}")
    sequence = Webinar.objects.filter(pk=webinar_id).values_list("calendar_sequence", flat=True).first()
    occasion = f"calendar-sequence:{sequence}"
    ids = Registration.objects.filter(
        webinar_id=webinar_id,
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED],
    ).values_list("pk", flat=True)
    count = 0
    for registration_id in ids.iterator():
        send_registration_email.delay(registration_id, kind, occasion)
        count += 1
    return count
