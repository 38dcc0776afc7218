"""The campaign pledge: written by the organiser, taken once per e-mail address with PDPA consent.

Taking is exactly-once: the unique (pledge, e-mail) constraint decides, so a double submit or two
concurrent takers with one address leave one row and every caller gets that row back (pretix's nonce
idea, with the e-mail address as the key). People prove their address either by being signed in, by a
registration of this campaign remembered from their join link, or by following a signed link we e-mail
them; nothing is stored until then. After commit the new count goes live to the campaign's pages and
its webinars' live pages (``pledge_count_publish``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from webinar import ratelimit
from webinar.blank import clean_line
from webinar.campaigns.models import Campaign, Pledge, PledgeTaker
from webinar.campaigns.selectors import can_manage_campaign
from webinar.exceptions import InvalidState, PermissionDenied, ValidationFailed
from webinar.services.notifications import email_subject

_LINK_SALT = "dewan.campaigns.pledge"  # signing namespace, not a secret
TOKEN_MAX_AGE_SECONDS = 7 * 24 * 3600
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PledgeResult:
    taker: PledgeTaker
    created: bool


def institution_key(name: str) -> str:
    """The key institutions are ranked by: NFKC, case-folded, spaces collapsed ("UiTM  shah alam")."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", name or "")).strip().casefold()[:160]


def pledge_save(
    *,
    campaign: Campaign,
    actor,
    text_en: str,
    text_ms: str,
    ask_institution: bool,
    institution_required: bool,
    open: bool,
) -> Pledge:
    """Create or change the campaign's pledge (owner only).

    Raises ``PermissionDenied`` and ``ValidationFailed`` ``missing_text`` when both texts are empty.
    An institution can only be required when it is asked for.
    """
    if not can_manage_campaign(user=actor, campaign=campaign):
        raise PermissionDenied(code="forbidden")
    if not (text_en.strip() or text_ms.strip()):
        raise ValidationFailed(
            _("Please write the pledge in English or Bahasa Malaysia."), code="missing_text"
        )
    pledge, _created = Pledge.objects.update_or_create(
        campaign=campaign,
        defaults={
            "text_en": text_en.strip(),
            "text_ms": text_ms.strip(),
            "ask_institution": ask_institution,
            "institution_required": ask_institution and institution_required,
            "open": open,
        },
    )
    return pledge


def _clean(*, pledge: Pledge, name: str, email: str, institution: str, consent: bool) -> tuple[str, str, str]:
    if not pledge.open:
        raise InvalidState(_("This pledge is closed."), code="closed")
    name = clean_line(name)
    if not name or len(name) > 120:
        raise ValidationFailed(_("Please enter your name (at most 120 characters)."), code="invalid_name")
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise ValidationFailed(_("Please enter a valid e-mail address."), code="invalid_email") from exc
    institution = clean_line(institution) if pledge.ask_institution else ""
    if len(institution) > 160:
        raise ValidationFailed(_("That institution name is too long."), code="invalid_institution")
    if pledge.institution_required and not institution:
        raise ValidationFailed(_("Please enter your institution."), code="missing_institution")
    if not consent:
        raise ValidationFailed(
            _("Please agree to the use of your data for this pledge (PDPA)."), code="consent_required"
        )
    return name, email, institution


def pledge_take(
    *,
    pledge: Pledge,
    name: str,
    email: str,
    institution: str = "",
    consent: bool,
    language: str = "en",
    method: str,
    user=None,
) -> PledgeResult:
    """Record that this verified address took the pledge, exactly once.

    Args: ``email`` must already be proven by the caller (signed-in account, known registration, or a
    verified link, ``method`` says which). Returns ``PledgeResult(taker, created)``; ``created`` is False
    when the address had already taken it (the first record is kept unchanged).
    Raises ``ValidationFailed`` (``invalid_name``, ``invalid_email``, ``missing_institution``,
    ``invalid_institution``, ``consent_required``) and ``InvalidState`` ``closed``.
    """
    name, email, institution = _clean(
        pledge=pledge, name=name, email=email, institution=institution, consent=consent
    )
    existing = PledgeTaker.objects.filter(pledge=pledge, email=email).first()
    if existing is not None:
        return PledgeResult(taker=existing, created=False)
    try:
        with transaction.atomic():
            taker = PledgeTaker.objects.create(
                pledge=pledge,
                email=email,
                name=name,
                institution=institution,
                institution_key=institution_key(institution),
                user=user if getattr(user, "is_authenticated", False) else None,
                language=language if language in {"en", "ms"} else "en",
                method=method,
                consent_given_at=timezone.now(),
            )
            transaction.on_commit(lambda: pledge_count_publish(pledge_id=pledge.pk))
    except IntegrityError:  # a concurrent taker with the same address won: theirs is the record
        return PledgeResult(taker=PledgeTaker.objects.get(pledge=pledge, email=email), created=False)
    return PledgeResult(taker=taker, created=True)


def pledge_count_publish(*, pledge_id: int) -> int:
    """Tell the campaign's pages and its webinars' live pages the pledge count (after commit).

    Reads the committed count, so concurrent takers' messages each carry a count that existed; the hub
    coalesces them (realtime/broadcast.py). Returns the count sent.
    """
    from realtime import broadcast
    from webinar.campaigns.selectors import campaign_webinar_ids

    pledge = Pledge.objects.select_related("campaign").get(pk=pledge_id)
    count = PledgeTaker.objects.filter(pledge=pledge).count()
    rooms = [broadcast.campaign_room(pledge.campaign_id), *campaign_webinar_ids(campaign=pledge.campaign)]
    broadcast.publish_pledge_count(room_ids=rooms, campaign_id=pledge.campaign_id, count=count)
    return count


def pledge_request_link(
    *, pledge: Pledge, name: str, email: str, institution: str = "", consent: bool, language: str = "en"
) -> str:
    """Validate the form and e-mail a signed link that takes the pledge when followed (valid 7 days).

    Nothing is stored until the link is followed. Returns the link (the e-mail is sent by a task after
    commit). Anyone can type any address, from any number of client addresses, so one address gets at
    most ``DEWAN_REGISTRATION_REMINDER_RATE`` (2 an hour) of this pledge's links: past it nothing is
    sent, silently (the page says "check your inbox" either way). Raises the
    ``ValidationFailed``/``InvalidState`` codes of ``pledge_take``.
    """
    name, email, institution = _clean(
        pledge=pledge, name=name, email=email, institution=institution, consent=consent
    )
    token = signing.dumps(
        {"p": pledge.pk, "n": name, "e": email, "i": institution, "l": language, "c": 1},
        salt=_LINK_SALT,
        compress=True,
    )
    link = settings.SITE_URL + reverse("campaigns:pledge_confirm", args=[pledge.campaign.slug, token])
    from webinar.campaigns.tasks import send_pledge_link

    if ratelimit.hit(f"pledge-link:{pledge.pk}:{email}", rate=settings.DEWAN_REGISTRATION_REMINDER_RATE):
        return link
    transaction.on_commit(lambda: send_pledge_link.delay(pledge.pk, email, link, language))
    return link


def pledge_take_from_link(*, pledge: Pledge, token: str) -> PledgeResult:
    """Take the pledge with the details signed into an e-mailed link; following it twice is harmless.

    Raises ``ValidationFailed`` ``invalid_link`` (tampered, expired, or for another pledge) and the codes
    of ``pledge_take``.
    """
    try:
        data = signing.loads(token, salt=_LINK_SALT, max_age=TOKEN_MAX_AGE_SECONDS)
    except signing.BadSignature as exc:
        raise ValidationFailed(_("This link is not valid or has expired."), code="invalid_link") from exc
    if not isinstance(data, dict) or data.get("p") != pledge.pk:
        raise ValidationFailed(_("This link is not valid or has expired."), code="invalid_link")
    return pledge_take(
        pledge=pledge,
        name=str(data.get("n", "")),
        email=str(data.get("e", "")),
        institution=str(data.get("i", "")),
        consent=bool(data.get("c")),
        language=str(data.get("l", "en")),
        method=PledgeTaker.Method.EMAIL,
    )


def pledge_link_send(*, pledge_id: int, email: str, link: str, language: str) -> None:
    """Send the verification e-mail (called by the ``campaigns.send_pledge_link`` task)."""
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string
    from django.utils import translation

    pledge = Pledge.objects.select_related("campaign").get(pk=pledge_id)
    context = {"campaign": pledge.campaign, "pledge": pledge, "link": link, "language": language}
    with translation.override(language if language in {"en", "ms"} else "en"):
        subject = email_subject("campaigns/email/pledge_link_subject.txt", context)
        body = render_to_string("campaigns/email/pledge_link.txt", context)
    EmailMessage(subject=subject, body=body, to=[email]).send()
