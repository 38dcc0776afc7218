"""Opting in to the public transparency report, per campaign and per webinar (owner only)."""

from __future__ import annotations

from django.db import transaction

from webinar.campaigns.models import Campaign, CampaignWebinar
from webinar.campaigns.selectors import can_manage_campaign
from webinar.exceptions import PermissionDenied
from webinar.services.audit import audit_record


@transaction.atomic
def transparency_set(
    *, campaign: Campaign, actor, campaign_public: bool, public_webinar_ids: list[int]
) -> Campaign:
    """Publish (or withdraw) the campaign's report and each of its webinars' reports.

    ``public_webinar_ids`` outside the campaign are ignored. Raises ``PermissionDenied``.
    """
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if not can_manage_campaign(user=actor, campaign=campaign):
        raise PermissionDenied(code="forbidden")
    campaign.transparency_public = campaign_public
    campaign.save(update_fields=["transparency_public", "updated_at"])
    entries = CampaignWebinar.objects.filter(campaign=campaign)
    wanted = {int(i) for i in public_webinar_ids}
    entries.filter(webinar_id__in=wanted).update(transparency_public=True)
    entries.exclude(webinar_id__in=wanted).update(transparency_public=False)
    audit_record(
        webinar=None,
        actor=actor,
        action="campaign.transparency",
        target=campaign,
        after={"campaign": campaign_public, "webinars": sorted(wanted)},
    )
    return campaign
