"""Account writes: create a user, prove the ownership of its e-mail address."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from accounts.emails import email_normalise
from accounts.exceptions import AccountError
from realtime.protocol import ErrorCode

User = get_user_model()

VERIFY_SALT = "dewan.verify-email"
VERIFY_MAX_AGE_SECONDS = 3 * 24 * 3600


@transaction.atomic
def user_create(*, email: str, password: str | None, display_name: str = "", language: str = "en", **extra):
    email = email_normalise(email)
    user = User(email=email, username=email, display_name=display_name, language=language, **extra)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


def email_verification_token(*, user) -> str:
    """A signed, expiring token naming the account *and* the address it proves.

    Args: ``user``, an account. Returns: an URL-safe string, valid for ``VERIFY_MAX_AGE_SECONDS``
    (3 days) and only while the account's e-mail is still the one it was made for.
    """
    return signing.dumps({"u": user.pk, "e": user.email.lower()}, salt=VERIFY_SALT, compress=True)


def user_email_verification_send(*, user) -> str:
    """E-mail the owner of ``user.email`` a link that proves they read that inbox.

    Args: ``user``, an account whose address is not verified yet. Returns the link sent (for the
    caller's logs and tests). Sent synchronously, like Django's password reset.
    """
    link = settings.SITE_URL + reverse("accounts:verify_email", args=[email_verification_token(user=user)])
    with translation.override(user.language):
        subject = _("Confirm your e-mail address for Dewan")
        body = render_to_string("accounts/verify_email.txt", {"user": user, "link": link})
    EmailMessage(subject=subject, body=body, to=[user.email]).send()
    return link


def user_email_verify(*, token: str) -> User:
    """Mark an account's e-mail as verified from the signed link.

    Args: ``token`` from ``email_verification_token``. Returns the account.
    Raises ``AccountError`` with code ``expired`` (older than 3 days) or ``invalid_link`` (forged,
    for another account, or for an address the account no longer has).
    """
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE_SECONDS)
    except signing.SignatureExpired as exc:
        raise AccountError(_("This link has expired. Ask for a new one."), code=ErrorCode.EXPIRED) from exc
    except signing.BadSignature as exc:
        raise AccountError(_("This link is not valid."), code=ErrorCode.INVALID_LINK) from exc
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=data.get("u")).first()
        if user is None or user.email.lower() != data.get("e"):
            raise AccountError(_("This link is not valid."), code=ErrorCode.INVALID_LINK)
        if user.email_verified_at is None:
            user.email_verified_at = timezone.now()
            user.save(update_fields=["email_verified_at"])
    return user


def user_email_mark_verified(*, user) -> None:
    """The owner proved the inbox another way (a password-reset link reached it)."""
    if user.email_verified_at is None:
        User.objects.filter(pk=user.pk).update(email_verified_at=timezone.now())
        user.email_verified_at = timezone.now()


def user_signup(
    *, email: str, password: str, display_name: str, language: str = "en", next_url: str = "", may_email: bool
) -> None:
    """Sign up without revealing whether ``email`` has an account: the answer is an e-mail either way.

    A new address gets an inactive account and a link that activates it and signs in (then goes to
    ``next_url``, already checked by the caller). An address with an active account gets a note
    with the sign-in and password-reset links; its password is not changed. An address with an
    account that was never activated gets its details replaced and a fresh link (the old one stops
    working, as the token covers the password hash). ``may_email`` False (the caller's per-account
    limit is spent) changes nothing visible to the caller and sends nothing.
    """
    email = email_normalise(email)
    hashed = make_password(password)  # in every branch, so the answer takes the same time
    with transaction.atomic():
        user = User.objects.select_for_update().filter(email__iexact=email).first()
        if user is None:
            user = user_create(
                email=email, password=None, display_name=display_name, language=language, is_active=False
            )
        if not user.is_active:
            user.password, user.display_name, user.language = hashed, display_name, language
            user.save(update_fields=["password", "display_name", "language"])
            kind = "activate"
        else:
            kind = "exists"
        if may_email:
            transaction.on_commit(lambda: _account_email(user, kind=kind, next_url=next_url))


def activation_link_user_id(*, uidb64: str) -> int | None:
    """The id of the account a sign-up link names (its ``uidb64`` part), or None if it names none."""
    try:
        return int(urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError):
        return None


def user_activate(*, uidb64: str, token: str):
    """Activate the account a sign-up link names; return the user, or None if the link is not valid.

    The link reached the inbox, so the address counts as verified too.
    """
    user = User.objects.filter(pk=activation_link_user_id(uidb64=uidb64)).first()
    if user is None or user.is_active or not default_token_generator.check_token(user, token):
        return None
    user.is_active = True
    user.email_verified_at = user.email_verified_at or timezone.now()
    user.save(update_fields=["is_active", "email_verified_at"])
    return user


def _account_email(user, *, kind: str, next_url: str) -> None:
    context = {"user": user, "site_url": settings.SITE_URL}
    if kind == "activate":
        path = reverse(
            "accounts:activate",
            args=[urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)],
        )
        context["link"] = settings.SITE_URL + path + (f"?{urlencode({'next': next_url})}" if next_url else "")
    else:
        context["login_link"] = settings.SITE_URL + reverse("accounts:login")
        context["reset_link"] = settings.SITE_URL + reverse("accounts:password_reset")
    with translation.override(user.language):
        subject = " ".join(render_to_string(f"accounts/signup_{kind}_subject.txt", context).split())
        body = render_to_string(f"accounts/signup_{kind}_email.txt", context)
    EmailMessage(subject=subject, body=body, to=[user.email]).send()


def user_language_set(*, user, language: str) -> bool:
    """Make ``language`` (one of ``settings.LANGUAGES``' codes) the account's: what the server says to
    this person later (live pages' pushed text, e-mails) is in it. Returns whether it changed.
    Raises ``ValueError`` for a language the site does not speak."""
    from accounts.languages import language_supported

    if not language_supported(language):
        raise ValueError(f"unsupported language: {language!r}")
    if user.language == language:
        return False
    user.language = language
    user.save(update_fields=["language"])
    return True
