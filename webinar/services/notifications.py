"""E-mails to registrants: confirmation with an .ics file and personal links, waitlist, promotion, cancel."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
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


def webinar_ics(webinar: Webinar, *, registration: Registration | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Dewan//dewan.local//")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"webinar-{webinar.pk}@dewan.local")
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
}


def registration_email_send(*, registration_id: int, kind: str) -> None:
    registration = Registration.objects.select_related("webinar").get(pk=registration_id)
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
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[registration.email])
    if registration.status == Registration.Status.CONFIRMED and kind in {"confirmation", "promoted"}:
        message.attach(
            f"{webinar.slug}.ics", webinar_ics(webinar, registration=registration), "text/calendar"
        )
    message.send()
