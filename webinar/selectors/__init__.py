"""Reads shared by views, consumers, tasks and reports."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.crypto import constant_time_compare, salted_hmac

from webinar.models import Registration, ScreeningSettings, Webinar, WebinarRole

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


def organised_by(user) -> Q:
    """The one definition of "who counts as a webinar's organiser", as a filter on ``Webinar``.

    The webinar's owner (``Webinar.organiser``), a user given the organiser role on it, or any
    superuser. Used by ``staff_role`` (every permission check), the organiser's webinar list and the
    campaign report, so they cannot disagree. Pair it with ``.distinct()`` (it joins the roles).
    """
    if getattr(user, "is_superuser", False):
        return Q()
    return Q(organiser=user) | Q(roles__user=user, roles__role=WebinarRole.Role.ORGANISER)


def hosted_by(user) -> Q:
    """Webinars on which ``user`` has the host role (a filter on ``Webinar``)."""
    return Q(roles__user=user, roles__role=WebinarRole.Role.HOST)


def webinars_for_organiser(*, user) -> QuerySet[Webinar]:
    """Webinars the user organises or hosts (the signed-in home page).

    Each carries ``organised``: whether the user organises it (``organised_by``). A host who does not
    may open only the host console; the organiser's pages (manage, live dashboard, report) are 404 to
    them, so the home page must not link there.
    """
    organises = Webinar.objects.filter(organised_by(user), pk=OuterRef("pk"))
    return (
        Webinar.objects.filter(organised_by(user) | hosted_by(user))
        .distinct()
        .annotate(organised=Exists(organises))
    )


def staff_role(*, user, webinar: Webinar) -> str | None:
    """The user's role on this webinar, read fresh from the database: organiser, host, or None."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    this = Webinar.objects.filter(pk=webinar.pk)
    if this.filter(organised_by(user)).exists():
        return ORGANISER
    if this.filter(hosted_by(user)).exists():
        return HOST
    return None


def can_moderate(*, user, webinar: Webinar) -> bool:
    return staff_role(user=user, webinar=webinar) in {ORGANISER, HOST}


def can_organise(*, user, webinar: Webinar) -> bool:
    return staff_role(user=user, webinar=webinar) == ORGANISER


# --- This browser's registration (one definition for views, the websocket and the privacy pages) ---
#
# A browser reaches a registration in exactly two ways (docs/privacy.md):
# 1. its session holds a binding left by the e-mailed join link (or by a one-click campaign registration of
#    a browser already known that way or by a verified account; the registration form never binds), made of
#    the registration id and a key derived from the registration's ``join_secret``. Rotating that
#    secret (cancel, re-register, delete my data) revokes every browser and every link at once;
# 2. it is signed in to an account whose e-mail address is *verified* and equals the registration's.
# Nothing else (an unverified account's e-mail, a bare registration id) grants access.

DELETED_MARKER = "deleted"  # stored in join_secret by "delete my data": no link or session matches it


def registration_session_key(registration: Registration) -> str:
    """The credential a session holds for ``registration``: a keyed hash of its current join secret."""
    return _session_key(registration.pk, registration.join_secret)


def _session_key(registration_id: int, join_secret: str) -> str:
    return salted_hmac("dewan.registration-session", f"{registration_id}:{join_secret}").hexdigest()[:32]


def _session_binding(session, webinar_id: int) -> tuple[int, str] | None:
    bindings = (session or {}).get(REGISTRATION_SESSION_KEY, {})
    entry = bindings.get(str(webinar_id)) if isinstance(bindings, dict) else None
    if not isinstance(entry, dict):  # a bare id (sessions from before the key existed) proves nothing
        return None
    registration_id, key = entry.get("r"), entry.get("k")
    if not isinstance(registration_id, int) or not isinstance(key, str):
        return None
    return registration_id, key


def browser_registration_remember(*, session, registration: Registration) -> None:
    """Bind ``registration`` to this browser's session: the e-mailed join link was opened, or a browser
    already known (campaign one-click registration) registered for another webinar of the campaign."""
    bindings = dict(session.get(REGISTRATION_SESSION_KEY, {}))
    bindings[str(registration.webinar_id)] = {
        "r": registration.pk,
        "k": registration_session_key(registration),
    }
    session[REGISTRATION_SESSION_KEY] = bindings


def browser_registration_forget(*, session, webinar_id: int) -> None:
    bindings = dict(session.get(REGISTRATION_SESSION_KEY, {}))
    if bindings.pop(str(webinar_id), None) is not None:
        session[REGISTRATION_SESSION_KEY] = bindings


def account_email_verified(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "email_verified_at", None))


def registrations_for_account(*, user) -> QuerySet[Registration]:
    """Registrations a signed-in account may reach: those made with its e-mail, once verified."""
    if not account_email_verified(user):
        return Registration.objects.none()
    return Registration.objects.filter(email__iexact=user.email).exclude(join_secret=DELETED_MARKER)


def account_owns_registration(*, user, registration: Registration) -> bool:
    return account_email_verified(user) and registration.email.lower() == user.email.lower()


def registrations_for_browser(
    *, webinar_ids: Iterable[int], session, user, confirmed_only: bool = True
) -> list[Registration]:
    """This browser's registrations among ``webinar_ids``: at most one per webinar.

    Args: ``webinar_ids``; ``session``, the request's or the websocket scope's session (a mapping);
    ``user``, the request's user (anonymous allowed); ``confirmed_only``: the live page and the
    websocket need a confirmed seat, the privacy and campaign pages any status.
    Returns first the registrations reached through a session binding whose key matches the current
    join secret, then those reached through a verified account's e-mail, each oldest first; never a
    deleted registration. Two queries at most, whatever the number of webinars.
    """
    webinar_ids = list(webinar_ids)
    candidates = Registration.objects.filter(webinar_id__in=webinar_ids).exclude(join_secret=DELETED_MARKER)
    if confirmed_only:
        candidates = candidates.filter(status=Registration.Status.CONFIRMED)
    bindings = {wid: b for wid in webinar_ids if (b := _session_binding(session, wid)) is not None}
    bound = [
        registration
        for registration in candidates.filter(pk__in=[b[0] for b in bindings.values()]).order_by("created_at")
        if registration.pk == bindings[registration.webinar_id][0]
        and constant_time_compare(
            registration_session_key(registration), bindings[registration.webinar_id][1]
        )
    ]
    found = {registration.webinar_id for registration in bound}
    by_account = []
    if account_email_verified(user) and len(found) < len(webinar_ids):
        by_account = list(
            candidates.filter(email__iexact=user.email).exclude(webinar_id__in=found).order_by("created_at")
        )
    return bound + by_account


def registrations_of_browser_everywhere(*, session, user) -> list[Registration]:
    """Every registration this browser reaches, in any webinar and any status (the language switcher
    applies the chosen language to all of them): session bindings and a verified account's e-mail."""
    bindings = (session or {}).get(REGISTRATION_SESSION_KEY, {})
    webinar_ids = (
        {int(key) for key in bindings if str(key).isdigit()} if isinstance(bindings, dict) else set()
    )
    if account_email_verified(user):
        webinar_ids |= set(
            Registration.objects.filter(email__iexact=user.email).values_list("webinar_id", flat=True)
        )
    return registrations_for_browser(
        webinar_ids=sorted(webinar_ids), session=session, user=user, confirmed_only=False
    )


class BoundRegistration(NamedTuple):
    """What the live socket needs of the registration a session binding reaches (named as on the model)."""

    pk: int
    language: str
    name: str


# By primary key alone, the webinar and status checked on the row: with ``webinar_id`` and ``status``
# in the WHERE clause, PostgreSQL without fresh statistics (a table just bulk-loaded, autovacuum off
# or behind) chose the (webinar, status) index and filtered every registration of the webinar on
# each connect (110-140 ms at 100,000; bench/connect.py, docs/scaling.md). A key lookup has one plan.
_BOUND_SQL = "SELECT id, join_secret, language, name, webinar_id, status FROM {table} WHERE id = %s"


def session_binding(*, session, webinar_id: int) -> tuple[int, str] | None:
    """The binding this session holds for ``webinar_id``: ``(registration id, key)``, or None.

    Only a claim until checked against the registration's row (``registration_bound_in_row``).
    """
    return _session_binding(session, webinar_id)


def registration_bound_to_session(*, webinar_id: int, session) -> BoundRegistration | None:
    """The confirmed registration of ``webinar_id`` that this session's binding reaches, or None.

    The first rule of ``registrations_for_browser`` (a binding whose key matches the current join
    secret) for one webinar, as one primary-key read in plain SQL: the websocket runs it at every
    connect, so the ORM's query building is left out. A browser reached only through a verified
    account's e-mail gets None here; ``registration_for_browser`` answers that rarer case.
    """
    binding = _session_binding(session, webinar_id)
    if binding is None:
        return None
    with connection.cursor() as cursor:
        cursor.execute(bound_sql(), [binding[0]])
        row = cursor.fetchone()
    return registration_bound_in_row(webinar_id=webinar_id, binding=binding, row=row)


def bound_sql() -> str:
    """The registration row ``registration_bound_in_row`` checks, by primary key alone (one ``%s``)."""
    return _BOUND_SQL.format(table=Registration._meta.db_table)


def bound_sql_many(count: int) -> str:
    """``bound_sql()`` for ``count`` registrations at once (``count`` placeholders), by primary key alone."""
    return bound_sql().replace("WHERE id = %s", f"WHERE id IN ({', '.join(['%s'] * count)})")


def registration_bound_in_row(
    *, webinar_id: int, binding: tuple[int, str], row: tuple | None
) -> BoundRegistration | None:
    """``registration_bound_to_session`` for a row the caller read itself with ``bound_sql()``
    (the websocket reads it in the same round trip as the viewer's own questions and votes):
    ``(id, join_secret, language, name, webinar_id, status)`` of registration ``binding[0]``, or None."""
    if (
        row is None
        or row[0] != binding[0]
        or row[4] != webinar_id
        or row[5] != Registration.Status.CONFIRMED
        or row[1] == DELETED_MARKER
        or not constant_time_compare(_session_key(row[0], row[1]), binding[1])
    ):
        return None
    return BoundRegistration(row[0], row[2], row[3])


def registration_for_browser(
    *, webinar: Webinar | int, session, user, confirmed_only: bool = True
) -> Registration | None:
    """This browser's registration for one webinar (``registrations_for_browser``), or None."""
    webinar_id = webinar if isinstance(webinar, int) else webinar.pk
    found = registrations_for_browser(
        webinar_ids=[webinar_id], session=session, user=user, confirmed_only=confirmed_only
    )
    return found[0] if found else None


def waitlist_position(*, registration: Registration) -> int | None:
    """1 for the next person to get a seat; None when ``registration`` is not waitlisted.

    The order is the time of the current registration, as ``waitlist_promote`` uses.
    """
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        webinar_id=registration.webinar_id, status=Registration.Status.WAITLISTED
    ).filter(
        Q(status_changed_at__lt=registration.status_changed_at)
        | Q(status_changed_at=registration.status_changed_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def registration_access_current(*, webinar_id: int, registration_id: int, session, user) -> bool:
    """Whether this browser still reaches ``registration_id``: the rule of ``registrations_for_browser``
    for one known registration, as one primary-key query (it runs before every attendee command).
    """
    found = (
        Registration.objects.filter(pk=registration_id)  # by key alone: see _BOUND_SQL
        .values_list("join_secret", "email", "webinar_id", "status")
        .first()
    )
    row = None
    if found is not None and found[2] == webinar_id and found[3] == Registration.Status.CONFIRMED:
        row = (found[0], found[1])
    return registration_access_in_row(
        webinar_id=webinar_id, registration_id=registration_id, row=row, session=session, user=user
    )


def registration_access_in_row(
    *, webinar_id: int, registration_id: int, row: tuple[str, str] | None, session, user
) -> bool:
    """``registration_access_current`` for a row the caller read itself: ``(join_secret, email)`` of
    the *confirmed* registration ``registration_id`` of ``webinar_id``, or None when there is none
    (the websocket's sync reads it in the same round trip as the viewer's own questions)."""
    if row is None or row[0] == DELETED_MARKER:
        return False
    join_secret, email = row
    binding = _session_binding(session, webinar_id)
    bound = (
        binding is not None
        and binding[0] == registration_id
        and constant_time_compare(_session_key(registration_id, join_secret), binding[1])
    )
    return bound or (account_email_verified(user) and email.lower() == user.email.lower())


def registration_counts(*, webinar: Webinar) -> dict[str, int]:
    counts = dict.fromkeys(Registration.Status.values, 0)
    for row in webinar.registrations.values("status").order_by().annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    return counts


def screening_policy(*, webinar: Webinar):
    """The screening ``Policy`` of ``webinar`` (the defaults when it has no settings row yet)."""
    from webinar import screening

    settings_obj = ScreeningSettings.objects.filter(webinar=webinar).first()
    return screening.policy_from_settings(settings_obj)


def registration_in_webinar(*, webinar: Webinar, registration_id: int) -> Registration | None:
    """The registration ``registration_id`` of ``webinar``, or ``None`` (ids never cross webinars, R9)."""
    return Registration.objects.filter(pk=registration_id, webinar=webinar).first()


def confirmed_registrations_for_account(*, user) -> QuerySet[Registration]:
    """The account's confirmed registrations (verified e-mail only, see ``registrations_for_account``),
    with their webinars, for the signed-in home page."""
    return (
        registrations_for_account(user=user)
        .filter(status=Registration.Status.CONFIRMED)
        .select_related("webinar")
    )


def webinar_registrations(*, webinar: Webinar, limit: int = 500) -> QuerySet[Registration]:
    """The first ``limit`` registrations of ``webinar`` in the model's order, for the manage page."""
    return webinar.registrations.all()[:limit]


def webinar_hosts(*, webinar: Webinar) -> QuerySet[WebinarRole]:
    """The host roles of ``webinar`` with their users, ordered by e-mail."""
    return webinar.roles.filter(role="host").select_related("user").order_by("user__email")


def screening_settings_for(*, webinar: Webinar) -> ScreeningSettings:
    """The webinar's screening settings, or unsaved defaults when none were saved yet (a read, no write)."""
    return ScreeningSettings.objects.filter(webinar=webinar).first() or ScreeningSettings(webinar=webinar)
