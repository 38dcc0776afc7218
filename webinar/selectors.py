"""Reads shared by views, consumers, tasks and reports."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from webinar.models import Registration, Webinar, WebinarRole

ORGANISER = "organiser"
HOST = "host"
ATTENDEE = "attendee"

REGISTRATION_SESSION_KEY = "dewan_registrations"


def webinar_get(*, slug: str) -> Webinar | None:
    return Webinar.objects.filter(slug=slug).select_related("organiser").first()


def webinars_public() -> QuerySet[Webinar]:
    return Webinar.objects.filter(
        status__in=[
            Webinar.Status.SCHEDULED,
            Webinar.Status.LIVE,
            Webinar.Status.ENDED,
            Webinar.Status.CANCELLED,
        ]
    )


def webinars_for_organiser(*, user) -> QuerySet[Webinar]:
    if user.is_superuser:
        return Webinar.objects.all()
    return Webinar.objects.filter(
        Q(organiser=user)
        | Q(roles__user=user, roles__role__in=[WebinarRole.Role.ORGANISER, WebinarRole.Role.HOST])
    ).distinct()


def staff_role(*, user, webinar: Webinar) -> str | None:
    """The user's role on this webinar, read fresh from the database: organiser, host, or None."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    if user.is_superuser or webinar.organiser_id == user.pk:
        return ORGANISER
    roles = set(WebinarRole.objects.filter(webinar=webinar, user_id=user.pk).values_list("role", flat=True))
    if WebinarRole.Role.ORGANISER in roles:
        return ORGANISER
    if WebinarRole.Role.HOST in roles:
        return HOST
    return None


def can_moderate(*, user, webinar: Webinar) -> bool:
    return staff_role(user=user, webinar=webinar) in {ORGANISER, HOST}


def can_organise(*, user, webinar: Webinar) -> bool:
    return staff_role(user=user, webinar=webinar) == ORGANISER


def registration_for_viewer(*, webinar: Webinar, session, user) -> Registration | None:
    """The confirmed registration behind a browser: from its join link, else from its signed-in account."""
    ids = (session or {}).get(REGISTRATION_SESSION_KEY, {})
    registration_id = ids.get(str(webinar.pk)) if isinstance(ids, dict) else None
    confirmed = Registration.objects.filter(webinar=webinar, status=Registration.Status.CONFIRMED)
    if registration_id:
        found = confirmed.filter(pk=registration_id).first()
        if found:
            return found
    if user is not None and getattr(user, "is_authenticated", False):
        return confirmed.filter(Q(user_id=user.pk) | Q(email__iexact=user.email)).first()
    return None


def registration_counts(*, webinar: Webinar) -> dict[str, int]:
    counts = dict.fromkeys(Registration.Status.values, 0)
    for row in webinar.registrations.values("status").order_by().annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    return counts
