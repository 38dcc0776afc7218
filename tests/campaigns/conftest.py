"""A three-webinar campaign (one live, one ended, one upcoming), built through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from tests.factories import make_user, make_webinar
from webinar.campaigns.services.campaigns import PartnerInput, campaign_save
from webinar.models import Webinar


@dataclass
class Series:
    campaign: object
    owner: object
    live: Webinar
    ended: Webinar
    upcoming: Webinar


def build_series(owner=None, *, published: bool = True, title: str = "Think Twice") -> Series:
    owner = owner or make_user(name="Campaign Owner")
    live = make_webinar(organiser=owner, status=Webinar.Status.LIVE, title=f"{title}: live")
    ended = make_webinar(organiser=owner, status=Webinar.Status.ENDED, title=f"{title}: ended")
    upcoming = make_webinar(organiser=owner, title=f"{title}: upcoming")
    campaign = campaign_save(
        actor=owner,
        fields={
            "title": title,
            "hashtag": "#ThinkTwice",
            "description_en": "Think before you share.",
            "description_ms": "Fikir sebelum kongsi.",
            "starts_on": date(2026, 11, 1),
            "ends_on": date(2026, 12, 31),
            "organisers": "Dewan Digital\nKementerian Komunikasi",
            "published": published,
            "transparency_public": False,
        },
        partners=[
            PartnerInput(name="UiTM", logo_url="https://example.org/uitm.png", link="https://uitm.edu.my")
        ],
        webinar_ids=[live.pk, ended.pk, upcoming.pk],
    )
    return Series(campaign=campaign, owner=owner, live=live, ended=ended, upcoming=upcoming)


@pytest.fixture
def series(db) -> Series:
    return build_series()


def make_pledge(series: Series, actor=None, **overrides):
    """The campaign's pledge through the service (EN/BM text, institution asked, open)."""
    from webinar.campaigns.services.pledges import pledge_save

    fields = {
        "text_en": "I will think twice before I share.",
        "text_ms": "Saya akan fikir dua kali sebelum berkongsi.",
        "ask_institution": True,
        "institution_required": False,
        "open": True,
        **overrides,
    }
    return pledge_save(campaign=series.campaign, actor=actor or series.owner, **fields)


def make_resource(series: Series, **overrides):
    """A hub resource through the service: a helpline with EN and BM titles."""
    from webinar.campaigns.services.hub import resource_create

    fields = {
        "kind": "helpline",
        "title_en": "Talian Kasih 15999",
        "title_ms": "Talian Kasih 15999 (BM)",
        **overrides,
    }
    return resource_create(campaign=series.campaign, actor=series.owner, **fields)
