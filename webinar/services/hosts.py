"""Organisers add and remove a webinar's hosts by e-mail; each new host gets an invitation."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from accounts.emails import InvalidEmail, email_normalise
from accounts.services import user_create
from realtime.protocol import ErrorCode
from webinar import ratelimit
from webinar.exceptions import NotFound, RateLimited, ValidationFailed
from webinar.models import Webinar, WebinarRole
from webinar.services.audit import audit_record
from webinar.services.notifications import email_subject

User = get_user_model()


def webinar_host_add(*, webinar: Webinar, actor, email: str) -> WebinarRole:
    """Make the person with this e-mail a host of ``webinar`` and e-mail them an invitation.

    Someone without an account gets one (no password yet) and a link to choose a password; the
    invitation names the host console either way. Adding an existing host again changes nothing and
    sends nothing. Raises ``ValidationFailed`` (``invalid_email``). Audited as ``webinar.host_add``.

    Anyone with an account can create a webinar, so the invitation (to any address, with the
    organiser's title in it) is bounded: an actor adds at most ``DEWAN_HOST_ADD_RATE`` hosts (20 an hour,
    adding an existing host again not counted; past it ``RateLimited`` ``rate_limited`` and nothing
    changes), and one address gets at most
    ``DEWAN_ACCOUNT_EMAIL_RATE`` account e-mails (3 an hour, shared with password resets and sign-ups;
    past it the role is still given, without an e-mail), so removing and adding again cannot flood it.
    """
    try:
        email = email_normalise(email)
    except InvalidEmail as exc:
        raise ValidationFailed(
            _("Please enter a valid e-mail address."), code=ErrorCode.INVALID_EMAIL
        ) from exc
    with transaction.atomic():
        existing = User.objects.filter(email__iexact=email).first()
        created_user = existing is None
        user = existing or user_create(email=email, password=None, display_name=email.split("@")[0])
        role, created = WebinarRole.objects.get_or_create(
            webinar=webinar, user=user, role=WebinarRole.Role.HOST
        )
        if created:
            # Only an add that adds counts (adding an existing host again changes nothing); over the
            # limit the exception rolls the role (and an account made for it) back.
            wait = ratelimit.hit(f"host-add:{actor.pk}", rate=settings.DEWAN_HOST_ADD_RATE)
            if wait:
                raise RateLimited(
                    _("You have added many hosts in the last hour. Please try again later."), retry_after=wait
                )
            _audit(webinar, actor, "webinar.host_add", after={"email": email})
            if not ratelimit.hit(f"account:{email}", rate=settings.DEWAN_ACCOUNT_EMAIL_RATE):
                transaction.on_commit(
                    lambda: _invite(webinar_id=webinar.pk, user_id=user.pk, new=created_user)
                )
    return role


def webinar_host_remove(*, webinar: Webinar, actor, user_id: int) -> None:
    """Remove a host; their open console loses the staff stream at its next check. Raises ``NotFound``."""
    with transaction.atomic():
        role = (
            WebinarRole.objects.select_related("user")
            .filter(webinar=webinar, user_id=user_id, role=WebinarRole.Role.HOST)
            .first()
        )
        if role is None:
            raise NotFound(_("That person is not a host of this webinar."), code=ErrorCode.NOT_FOUND)
        email = role.user.email
        role.delete()
        _audit(webinar, actor, "webinar.host_remove", before={"email": email})


def _audit(webinar: Webinar, actor, action: str, **change: dict) -> None:
    audit_record(webinar=webinar, actor=actor, action=action, target=webinar, **change)


def _invite(*, webinar_id: int, user_id: int, new: bool) -> None:
    webinar = Webinar.objects.get(pk=webinar_id)
    user = User.objects.get(pk=user_id)
    context = {
        "webinar": webinar,
        "user": user,
        "console_url": settings.SITE_URL + reverse("webinar:host", args=[webinar.slug]),
        "password_url": settings.SITE_URL
        + reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        if new or not user.has_usable_password()
        else None,
    }
    with translation.override(getattr(user, "language", "") or settings.LANGUAGE_CODE):
        subject = email_subject("webinar/email/host_invitation_subject.txt", context)
        body = render_to_string("webinar/email/host_invitation.txt", context)
    EmailMessage(subject=subject, body=body, to=[user.email]).send()
