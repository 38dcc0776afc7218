"""Campaign writes: create and edit, partners, the attached webinars, one-click registration.

Only the campaign's owner (or a superuser) changes a campaign; a webinar can be attached only by someone
who organises it, and belongs to at most one campaign (a one-to-one row, so a race cannot attach it twice).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from webinar import selectors as webinar_selectors
from webinar.campaigns import selectors
from webinar.campaigns.models import Campaign, CampaignWebinar, Partner
from webinar.exceptions import PermissionDenied, RegistrationError, ValidationFailed
from webinar.models import Registration, Webinar
from webinar.services.audit import audit_record
from webinar.services.registration import registration_create

EDITABLE_FIELDS = (
    "title",
    "hashtag",
    "description_en",
    "description_ms",
    "starts_on",
    "ends_on",
    "organisers",
    "published",
    "transparency_public",
)
_HASHTAG = re.compile(r"^[A-Za-z0-9_]{1,59}$")
_url = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True)
class PartnerInput:
    name: str
    logo_url: str = ""
    link: str = ""


def _unique_slug(title: str) -> str:
    """The title's slug, or the first free ``<slug>-<n>``, found with one query."""
    base = slugify(title)[:60] or "campaign"
    taken = set(Campaign.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    candidates = itertools.chain([base], (f"{base}-{n}" for n in itertools.count(2)))
    return next(candidate for candidate in candidates if candidate not in taken)


def _clean(campaign: Campaign) -> None:
    campaign.title = (campaign.title or "").strip()
    if not campaign.title:
        raise ValidationFailed(_("Please give the campaign a title."), code="missing_title")
    campaign.hashtag = (campaign.hashtag or "").strip().lstrip("#")
    if campaign.hashtag and not _HASHTAG.match(campaign.hashtag):
        raise ValidationFailed(
            _("A hashtag has letters, digits and underscores only."), code="invalid_hashtag"
        )
    if not isinstance(campaign.starts_on, date) or not isinstance(campaign.ends_on, date):
        raise ValidationFailed(_("Please give the campaign's dates."), code="missing_dates")
    if campaign.ends_on < campaign.starts_on:
        raise ValidationFailed(_("The campaign cannot end before it starts."), code="invalid_dates")


def _require_owner(*, campaign: Campaign, actor) -> None:
    if not selectors.can_manage_campaign(user=actor, campaign=campaign):
        raise PermissionDenied(code="forbidden")


@transaction.atomic
def campaign_create(
    *, owner, title: str, starts_on: date, ends_on: date, slug: str | None = None, **fields
) -> Campaign:
    """Create a campaign owned by ``owner``.

    Args: ``fields`` are any of ``EDITABLE_FIELDS``; dates are calendar dates in Asia/Kuala_Lumpur.
    Returns: the saved ``Campaign``. Raises ``ValidationFailed`` (codes ``missing_title``,
    ``invalid_hashtag``, ``missing_dates``, ``invalid_dates``, ``unknown_field``).
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationFailed(f"Unknown campaign fields: {sorted(unknown)}", code="unknown_field")
    campaign = Campaign(owner=owner, title=title, starts_on=starts_on, ends_on=ends_on)
    for name, value in fields.items():
        setattr(campaign, name, value)
    _clean(campaign)
    campaign.slug = slug or _unique_slug(campaign.title)
    campaign.save()
    audit_record(webinar=None, actor=owner, action="campaign.create", target=campaign, after={"title": title})
    return campaign


@transaction.atomic
def campaign_update(*, campaign: Campaign, actor, **fields) -> Campaign:
    """Change the campaign's own fields (``EDITABLE_FIELDS``); the owner only.

    Raises ``PermissionDenied`` (``forbidden``) and the ``ValidationFailed`` codes of ``campaign_create``.
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationFailed(f"Unknown campaign fields: {sorted(unknown)}", code="unknown_field")
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    _require_owner(campaign=campaign, actor=actor)
    before = {name: str(getattr(campaign, name)) for name in fields}
    for name, value in fields.items():
        setattr(campaign, name, value)
    _clean(campaign)
    campaign.save()
    from webinar.campaigns.services.hub import hub_pages_forget

    # Now, and again after commit in case a page was cached from the old row in between.
    hub_pages_forget(campaign=campaign)
    transaction.on_commit(lambda: hub_pages_forget(campaign=campaign))
    audit_record(
        webinar=None,
        actor=actor,
        action="campaign.update",
        target=campaign,
        before=before,
        after={name: str(getattr(campaign, name)) for name in fields},
    )
    return campaign


@transaction.atomic
def campaign_partners_set(*, campaign: Campaign, actor, partners: list[PartnerInput]) -> list[Partner]:
    """Replace the partner organisations, in the order given.

    Logo and link must be http(s) URLs (a logo is shown as an image from that URL). Raises
    ``ValidationFailed`` with ``invalid_partner`` naming the bad line, ``PermissionDenied``.
    """
    _require_owner(campaign=campaign, actor=actor)
    cleaned = []
    for number, partner in enumerate(partners, start=1):
        name = partner.name.strip()
        if not name or len(name) > 120:
            raise ValidationFailed(
                _("Partner %(n)s needs a name of at most 120 characters.") % {"n": number},
                code="invalid_partner",
            )
        for value in (partner.logo_url.strip(), partner.link.strip()):
            if value:
                try:
                    _url(value)
                except ValidationError as exc:
                    raise ValidationFailed(
                        _("Partner %(n)s: %(value)s is not a web address.") % {"n": number, "value": value},
                        code="invalid_partner",
                    ) from exc
        cleaned.append(
            Partner(
                campaign=campaign,
                name=name,
                logo_url=partner.logo_url.strip(),
                link=partner.link.strip(),
                position=number,
            )
        )
    Partner.objects.filter(campaign=campaign).delete()
    Partner.objects.bulk_create(cleaned)
    audit_record(
        webinar=None, actor=actor, action="campaign.partners", target=campaign, after={"count": len(cleaned)}
    )
    return cleaned


def campaign_webinars_set(*, campaign: Campaign, actor, webinar_ids: list[int]) -> list[CampaignWebinar]:
    """Make exactly these webinars the campaign's series, in this order.

    The actor must own the campaign and organise every webinar. A webinar already in another campaign
    is refused (``in_other_campaign``); unknown ids give ``not_found``. Per-webinar transparency opt-ins
    of webinars that stay are kept. Returns the entries in order.
    """
    try:
        with transaction.atomic():
            campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
            _require_owner(campaign=campaign, actor=actor)
            ids = list(dict.fromkeys(int(i) for i in webinar_ids))
            webinars = {w.pk: w for w in Webinar.objects.filter(pk__in=ids)}
            if len(webinars) != len(ids):
                raise ValidationFailed(_("One of those webinars does not exist."), code="not_found")
            for webinar in webinars.values():
                if not webinar_selectors.can_organise(user=actor, webinar=webinar):
                    raise PermissionDenied(
                        _("You do not organise %(title)s.") % {"title": webinar.title}, code="forbidden"
                    )
            taken = CampaignWebinar.objects.filter(webinar_id__in=ids).exclude(campaign=campaign)
            if taken.exists():
                raise ValidationFailed(
                    _("%(title)s already belongs to another campaign.")
                    % {"title": taken.first().webinar.title},
                    code="in_other_campaign",
                )
            CampaignWebinar.objects.filter(campaign=campaign).exclude(webinar_id__in=ids).delete()
            entries = []
            for position, webinar_id in enumerate(ids, start=1):
                entry, _created = CampaignWebinar.objects.update_or_create(
                    campaign=campaign, webinar_id=webinar_id, defaults={"position": position}
                )
                entries.append(entry)
            audit_record(
                webinar=None,
                actor=actor,
                action="campaign.webinars",
                target=campaign,
                after={"webinars": ids},
            )
    except IntegrityError as exc:  # another campaign attached one of them at the same moment
        raise ValidationFailed(
            _("One of those webinars already belongs to another campaign."), code="in_other_campaign"
        ) from exc
    return entries


def campaign_register_known(
    *, campaign: Campaign, webinar: Webinar, known: Registration, user=None
) -> Registration:
    """One-click registration: register ``known``'s person for another webinar of the same campaign.

    ``known`` is a registration of this person for a webinar of this campaign (the browser's join link
    or the signed-in account proves it is theirs; the view checks that). Their name, e-mail and language
    are reused; clicking the button, whose label states the PDPA use, is the consent for the new webinar.
    Raises ``ValidationFailed`` ``not_in_campaign``; ``RegistrationError`` ``answers_needed`` when the
    webinar asks required registration questions (the full form is then needed), and the codes of
    ``registration_create`` (``duplicate``, ``full``, ``closed``).
    """
    ids = set(CampaignWebinar.objects.filter(campaign=campaign).values_list("webinar_id", flat=True))
    if webinar.pk not in ids or known.webinar_id not in ids:
        raise ValidationFailed(_("That webinar is not part of this campaign."), code="not_in_campaign")
    if any(q.get("required") for q in webinar.custom_questions or []):
        raise RegistrationError(
            _("This webinar asks a few questions first: please use its registration form."),
            code="answers_needed",
        )
    return registration_create(
        webinar=webinar,
        name=known.name,
        email=known.email,
        language=known.language,
        consent=True,
        user=user if user is not None and getattr(user, "is_authenticated", False) else known.user,
    )


def campaign_save(
    *,
    actor,
    fields: dict,
    partners: list[PartnerInput],
    webinar_ids: list[int],
    campaign: Campaign | None = None,
    slug: str | None = None,
) -> Campaign:
    """The organiser's form in one transaction: create (``campaign`` None) or update, partners, webinars.

    ``slug`` (creation only) defaults to one made from the title. All or nothing: a bad partner line
    or a webinar of someone else leaves the campaign as it was.
    Raises what ``campaign_create``/``campaign_update``, ``campaign_partners_set`` and
    ``campaign_webinars_set`` raise.
    """
    with transaction.atomic():
        if campaign is None:
            campaign = campaign_create(owner=actor, slug=slug, **fields)
        else:
            campaign = campaign_update(campaign=campaign, actor=actor, **fields)
        campaign_partners_set(campaign=campaign, actor=actor, partners=partners)
        campaign_webinars_set(campaign=campaign, actor=actor, webinar_ids=webinar_ids)
    return campaign
