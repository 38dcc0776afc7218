"""`make run`'s demo shows every campaign feature: three webinars (live, ended with a report, upcoming)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from webinar.campaigns import selectors
from webinar.campaigns.models import Campaign, PledgeTaker, Resource


@pytest.mark.django_db(transaction=True)
def test_the_demo_campaign_is_seeded_once_with_every_feature(client):
    for _run in range(2):  # a second run adds nothing
        output = io.StringIO()
        call_command("seed_demo", stdout=output)
    assert "/c/think-twice/" in output.getvalue()

    campaign = Campaign.objects.get()
    statuses = sorted(e.webinar.status for e in selectors.campaign_entries(campaign=campaign))
    assert statuses == ["ended", "live", "scheduled"]
    ended = next(
        e.webinar for e in selectors.campaign_entries(campaign=campaign) if e.webinar.status == "ended"
    )
    assert ended.report.status == "done"
    assert PledgeTaker.objects.filter(pledge__campaign=campaign).count() == 13
    assert Resource.objects.filter(campaign=campaign).count() == 5
    page = client.get(reverse("campaigns:page", args=[campaign.slug])).content.decode()
    assert "#ThinkTwice" in page and "UiTM Shah Alam" in page
    assert client.get(reverse("campaigns:transparency", args=[campaign.slug])).status_code == 200
    assert (
        client.get(reverse("campaigns:webinar_transparency", args=[campaign.slug, ended.slug])).status_code
        == 200
    )
