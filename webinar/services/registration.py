"""Registration: seats, waitlist, cancellation and promotion (pretix-style: the service owns the lock)."""

from __future__ import annotations

import logging
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.emails import InvalidEmail, email_normalise
from accounts.languages import language_supported
from realtime import broadcast, protocol
from realtime.protocol import ErrorCode
from webinar import ratelimit, selectors
from webinar.blank import clean_line, clean_text
from webinar.exceptions import RegistrationError, ValidationFailed
from webinar.models import Registration, Webinar

Status = Registration.Status
CLOSE_FORBIDDEN = 4403  # the websocket close code for "no access" (docs/protocol.md)


def _clean_email(email: str) -> str:
    """The address in its canonical form (``accounts.emails.email_normalise``), or ``invalid_email``."""
    try:
        email = email_normalise(email)
        validate_email(email)
    except (InvalidEmail, ValidationError) as exc:
        raise RegistrationError(
            _("Please enter a valid e-mail address."), code=ErrorCode.INVALID_EMAIL
        ) from exc
    return email


def _clean_answers(webinar: Webinar, answers: dict | None) -> dict:
    answers = answers or {}
    cleaned = {}
    for question in webinar.custom_questions or []:
        key = str(question.get("key", ""))
        value = clean_text(str(answers.get(key, "")))[:1000]
        if question.get("required") and not value:
            raise RegistrationError(
                _("Please answer: %(label)s") % {"label": question.get("label", key)},
                code=ErrorCode.MISSING_ANSWER,
            )
        if value:
            cleaned[key] = value
    return cleaned


def registration_create(
    *,
    webinar: Webinar,
    name: str,
    email: str,
    consent: bool,
    language: str = "en",
    answers: dict | None = None,
    user=None,
) -> Registration:
    """Register: confirmed while seats last, then waitlisted (or refused when the waitlist is off).

    Seats are counted under the webinar's row lock, so concurrent sign-ups for the last seats
    confirm exactly as many as there are (RELIABILITY R15).
    """
    name = clean_line(name)
    if not name:
        raise RegistrationError(_("Please enter your name."), code=ErrorCode.MISSING_NAME)
    if len(name) > 120:
        raise RegistrationError(_("That name is too long."), code=ErrorCode.INVALID_NAME)
    email = _clean_email(email)
    if not consent:
        raise RegistrationError(
            _("Please agree to the use of your data for this webinar (PDPA)."),
            code=ErrorCode.CONSENT_REQUIRED,
        )
    if not language_supported(language):
        language = "en"
    cleaned_answers = _clean_answers(webinar, answers)

    try:
        with transaction.atomic():
            locked = Webinar.objects.select_for_update().get(pk=webinar.pk)
            if not locked.registration_open or locked.status not in {
                Webinar.Status.SCHEDULED,
                Webinar.Status.LIVE,
            }:
                raise RegistrationError(_("Registration for this webinar is closed."), code=ErrorCode.CLOSED)
            existing = Registration.objects.filter(webinar=locked, email__iexact=email).first()
            if existing is not None and existing.status != Status.CANCELLED:
                raise RegistrationError(
                    _("This e-mail address is already registered."), code=ErrorCode.DUPLICATE
                )
            status = _status_for_new_registration(locked)
            registration = existing or Registration(webinar=locked, email=email)
            registration.name = name
            registration.language = language
            registration.answers = cleaned_answers
            registration.consent_given_at = timezone.now()
            registration.status = status
            registration.status_changed_at = timezone.now()
            registration.join_secret = secrets.token_hex(16)
            # Linked to an account only when that account proved it owns this e-mail address.
            owner = user if selectors.account_email_verified(user) and user.email.lower() == email else None
            registration.user = owner
            registration.save()
            _notify_on_commit(registration, "confirmation")
    except IntegrityError as exc:  # the unique (webinar, lower(email)) constraint lost a race
        raise RegistrationError(
            _("This e-mail address is already registered."), code=ErrorCode.DUPLICATE
        ) from exc
    return registration


def registration_request(*, webinar: Webinar, email: str, **details) -> Registration | None:
    """Register from the public form without revealing which e-mail addresses are registered already.

    Args:
        details: ``name``, ``consent``, ``language``, ``answers``, ``user`` as for ``registration_create``.
    Returns the new registration, or None when ``email`` was registered already: nothing changes,
    and its owner gets an ``already_registered`` e-mail (at most ``DEWAN_REGISTRATION_REMINDER_RATE``
    per registration) with their own links. The caller answers both cases the same way.
    Raises RegistrationError for everything else ``registration_create`` raises.
    """
    try:
        return registration_create(webinar=webinar, email=email, **details)
    except RegistrationError as exc:
        if exc.code != "duplicate":
            raise
    existing = (
        Registration.objects.filter(webinar=webinar, email__iexact=_clean_email(email))
        .exclude(status=Status.CANCELLED)
        .first()
    )
    if existing is not None and not _links_again_spent(existing):
        _notify_on_commit(existing, "already_registered", occasion=timezone.now().isoformat())
    return None


def _status_for_new_registration(webinar: Webinar) -> str:
    if webinar.capacity is None:
        return Status.CONFIRMED
    confirmed = Registration.objects.filter(webinar=webinar, status=Status.CONFIRMED).count()
    if confirmed < webinar.capacity:
        return Status.CONFIRMED
    if webinar.waitlist_enabled:
        return Status.WAITLISTED
    raise RegistrationError(_("This webinar is full."), code=ErrorCode.FULL)


def registration_cancel(*, registration: Registration) -> Registration:
    """Cancel; a freed seat goes to the first person on the waitlist."""
    with transaction.atomic():
        webinar = Webinar.objects.select_for_update().get(pk=registration.webinar_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            return registration
        was_confirmed = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.status_changed_at = timezone.now()
        registration.join_secret = secrets.token_hex(16)  # revoke the links already sent
        registration.save(update_fields=["status", "status_changed_at", "join_secret"])
        if was_confirmed:
            registration_access_revoke(registration=registration)
        _notify_on_commit(registration, "cancelled")
        if was_confirmed:
            waitlist_promote(webinar=webinar)
    return registration


def registration_access_revoke(*, registration: Registration) -> None:
    """Close the registration's open sockets on every server process, after the current commit.

    Call inside the transaction that replaced its join secret; the browsers' sessions already lost
    access through that (``selectors.registration_for_browser``), this ends the live connections.
    """
    with translation.override(registration.language):
        message = protocol.error_message(
            ErrorCode.NOT_REGISTERED, _("This registration is no longer active in this browser.")
        )
    webinar_id, registration_id = registration.webinar_id, registration.pk
    transaction.on_commit(
        lambda: broadcast.publish_revoke(
            webinar_id=webinar_id,
            registration_id=registration_id,
            message=message,
            close_code=CLOSE_FORBIDDEN,
        )
    )


def waitlist_promote(*, webinar: Webinar) -> list[Registration]:
    """Confirm waitlisted registrants in the order they joined the waitlist, while seats are free.

    The order is the time of the current registration (``status_changed_at``), not of the row: someone
    who cancels and registers again reuses their old row but goes to the back. Caller holds the lock.
    """
    promoted = []
    confirmed = Registration.objects.filter(webinar=webinar, status=Status.CONFIRMED).count()
    free = None if webinar.capacity is None else webinar.capacity - confirmed
    waiting = Registration.objects.select_for_update().filter(webinar=webinar, status=Status.WAITLISTED)
    for registration in waiting.order_by("status_changed_at", "id"):
        if free is not None and free <= 0:
            break
        registration.status = Status.CONFIRMED
        registration.status_changed_at = timezone.now()
        registration.save(update_fields=["status", "status_changed_at"])
        _notify_on_commit(registration, "promoted")
        promoted.append(registration)
        if free is not None:
            free -= 1
    return promoted


def registration_language_set(*, registrations: list[Registration], language: str) -> int:
    """Use ``language`` for these registrations from now on: e-mails, own-question statuses and reasons,
    care messages and every other text the server renders for them. Returns how many changed.
    Raises ``ValidationFailed`` (``invalid_field``) for a language the site does not speak.
    """
    if not language_supported(language):
        raise ValidationFailed(_("Unknown language."), code=ErrorCode.INVALID_FIELD)
    ids = [registration.pk for registration in registrations if registration.language != language]
    return Registration.objects.filter(pk__in=ids).update(language=language) if ids else 0


def registration_link_resend(*, webinar: Webinar, email: str) -> bool:
    """E-mail a registrant their personal links again (confirmed: join link and calendar file;
    waitlisted: their place on the waitlist). Returns whether a registration was found; callers say
    the same thing either way, so the answer does not reveal who registered. Raises nothing.

    Anyone can ask for any address, from any number of client addresses, so the e-mails one registrant
    gets this way share the ``already_registered`` reminder's budget (``DEWAN_REGISTRATION_REMINDER_RATE``
    per registration, 2 an hour): past it nothing is sent, silently, as for an unknown address.
    """
    try:
        email = email_normalise(email)
    except InvalidEmail:
        return False
    registration = (
        Registration.objects.filter(webinar=webinar, email__iexact=email)
        .exclude(status=Status.CANCELLED)
        .first()
    )
    if registration is None:
        return False
    if not _links_again_spent(registration):
        _notify_on_commit(registration, "link_again", occasion=timezone.now().isoformat())
    return True


def _links_again_spent(registration: Registration) -> bool:
    """Count one e-mail of a registrant's own links sent again; True once their budget is spent."""
    return (
        ratelimit.hit(f"already-registered:{registration.pk}", rate=settings.DEWAN_REGISTRATION_REMINDER_RATE)
        is not None
    )


def _notify_on_commit(registration: Registration, kind: str, *, occasion: str | None = None) -> None:
    """Owe the registrant the ``kind`` e-mail: an outbox entry in the current transaction, and the task
    queued after commit. ``occasion`` defaults to the registration's last status change.

    The registration is stored whatever the broker does: with the broker (Redis) down the enqueue fails,
    which is logged as an error and never turns the answer into a 500. Whether the enqueue fails, the
    broker loses the task or the process dies before queueing it, the outbox sweep sends the e-mail later
    (webinar/services/outbox.py); the registrant can also ask for the link again from the registered page.
    """
    from webinar.services.outbox import email_promise
    from webinar.tasks import send_registration_email

    registration_id = registration.pk
    occasion = occasion or registration.status_changed_at.isoformat()
    email_promise(
        webinar_id=registration.webinar_id, registration_id=registration_id, kind=kind, occasion=occasion
    )

    def enqueue() -> None:
        try:
            send_registration_email.delay(registration_id, kind, occasion)
        except Exception:
            logging.getLogger("dewan.registration").error(
                "could not enqueue the %s e-mail of registration %s", kind, registration_id, exc_info=True
            )

    transaction.on_commit(enqueue)
