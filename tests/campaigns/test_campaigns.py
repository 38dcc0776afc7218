"""Campaigns: organiser pages, the public page, one-click registration and people's paths."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.campaigns.conftest import build_series
from tests.factories import PASSWORD, make_registration, make_user, make_webinar
from webinar.campaigns import selectors
from webinar.campaigns.models import Campaign, CampaignWebinar, Partner
from webinar.campaigns.services.campaigns import (
    PartnerInput,
    campaign_register_known,
    campaign_save,
    campaign_update,
    campaign_webinars_set,
)
from webinar.exceptions import DewanError, PermissionDenied, ValidationFailed
from webinar.models import AttendanceSession, Registration
from webinar.selectors import browser_registration_remember, registration_for_browser
from webinar.services.questions import question_submit

pytestmark = pytest.mark.django_db

FIELDS = {
    "title": "Think Twice",
    "hashtag": "ThinkTwice",
    "description_en": "",
    "description_ms": "",
    "starts_on": date(2026, 11, 1),
    "ends_on": date(2026, 11, 30),
    "organisers": "",
    "published": True,
    "transparency_public": False,
}


def signed_in(client, user):
    assert client.login(username=user.email, password=PASSWORD)
    return client


def test_hashtag_is_stored_without_its_hash_sign(series):
    assert series.campaign.hashtag == "ThinkTwice"


@pytest.mark.parametrize("hashtag", ["Think Twice", "think-twice", "#a#b", "x" * 61])
def test_a_hashtag_with_other_characters_is_refused(series, hashtag):
    with pytest.raises(ValidationFailed) as caught:
        campaign_update(campaign=series.campaign, actor=series.owner, hashtag=hashtag)
    assert caught.value.code == "invalid_hashtag"


def test_a_campaign_cannot_end_before_it_starts(series):
    with pytest.raises(ValidationFailed) as caught:
        campaign_update(campaign=series.campaign, actor=series.owner, ends_on=date(2026, 10, 1))
    assert caught.value.code == "invalid_dates"


def test_someone_else_cannot_edit_the_campaign(series):
    with pytest.raises(PermissionDenied):
        campaign_update(campaign=series.campaign, actor=make_user(), title="Mine now")


def test_a_bad_partner_line_leaves_the_whole_campaign_unchanged(series):
    with pytest.raises(ValidationFailed) as caught:
        campaign_save(
            campaign=series.campaign,
            actor=series.owner,
            fields={**FIELDS, "title": "Renamed"},
            partners=[PartnerInput(name="Good"), PartnerInput(name="Bad", logo_url="javascript:alert(1)")],
            webinar_ids=[series.live.pk],
        )
    assert caught.value.code == "invalid_partner"
    series.campaign.refresh_from_db()
    assert series.campaign.title == "Think Twice"
    assert list(Partner.objects.filter(campaign=series.campaign).values_list("name", flat=True)) == ["UiTM"]
    assert CampaignWebinar.objects.filter(campaign=series.campaign).count() == 3


def test_only_webinars_the_owner_organises_can_be_attached(series):
    stranger_webinar = make_webinar(organiser=make_user())
    with pytest.raises(PermissionDenied):
        campaign_webinars_set(campaign=series.campaign, actor=series.owner, webinar_ids=[stranger_webinar.pk])


def test_a_webinar_belongs_to_one_campaign_only(series):
    other = campaign_save(actor=series.owner, fields=FIELDS, partners=[], webinar_ids=[])
    with pytest.raises(ValidationFailed) as caught:
        campaign_webinars_set(campaign=other, actor=series.owner, webinar_ids=[series.live.pk])
    assert caught.value.code == "in_other_campaign"


def test_detaching_keeps_the_order_of_the_rest(series):
    campaign_webinars_set(
        campaign=series.campaign, actor=series.owner, webinar_ids=[series.upcoming.pk, series.live.pk]
    )
    assert selectors.campaign_webinar_ids(campaign=series.campaign) == [series.upcoming.pk, series.live.pk]


def test_organiser_creates_a_campaign_from_the_web_form(client):
    owner = make_user()
    webinar = make_webinar(organiser=owner)
    response = signed_in(client, owner).post(
        reverse("campaigns:create"),
        {
            "title": "Selamat Online",
            "hashtag": "#SelamatOnline",
            "description_en": "Safe online",
            "description_ms": "Selamat dalam talian",
            "starts_on": "2026-11-01",
            "ends_on": "2026-11-30",
            "organisers": "Dewan",
            "published": "on",
            "partners": "MCMC | https://example.org/mcmc.png | https://mcmc.gov.my\nCyberSecurity Malaysia",
            "webinars": [webinar.pk],
        },
    )
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "campaigns:manage", args=[campaign.slug]
    )
    assert campaign.hashtag == "SelamatOnline" and campaign.owner == owner
    assert [(p.name, p.link) for p in campaign.partners.all()] == [
        ("MCMC", "https://mcmc.gov.my"),
        ("CyberSecurity Malaysia", ""),
    ]
    assert selectors.campaign_webinar_ids(campaign=campaign) == [webinar.pk]


def test_the_edit_form_shows_a_service_error_and_keeps_the_input(client, series):
    response = signed_in(client, series.owner).post(
        reverse("campaigns:manage", args=[series.campaign.slug]),
        {**{k: v for k, v in FIELDS.items() if k != "published"}, "hashtag": "not ok", "partners": ""},
    )
    assert response.status_code == 400
    assert "letters, digits and underscores" in response.content.decode()


def test_organiser_pages_are_hidden_from_others(client, series):
    response = signed_in(client, make_user()).get(reverse("campaigns:manage", args=[series.campaign.slug]))
    assert response.status_code == 404
    assert (
        signed_in(client, make_user())
        .get(reverse("campaigns:people", args=[series.campaign.slug]))
        .status_code
        == 404
    )


def test_public_page_lists_live_upcoming_and_ended_with_public_figures(client, series):
    make_registration(series.live)
    response = client.get(reverse("campaigns:page", args=[series.campaign.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    series_view = response.context["series"]
    assert series_view.live == [series.live] and series_view.upcoming == [series.upcoming]
    assert [item["webinar"] for item in series_view.ended] == [series.ended]
    assert set(series_view.ended[0]["summary"]) == {"watched", "published", "answered"}
    assert "#ThinkTwice" in html and "Think before you share." in html and "uitm.edu.my" in html


def test_public_page_shows_the_malay_description_in_bahasa_malaysia(client, series):
    client.cookies["django_language"] = "ms"
    html = client.get(
        reverse("campaigns:page", args=[series.campaign.slug]), HTTP_ACCEPT_LANGUAGE="ms"
    ).content.decode()
    assert "Fikir sebelum kongsi." in html and "Think before you share." not in html


def test_public_page_shows_each_webinars_malay_title_in_bahasa_malaysia(client, series):
    for webinar in (series.live, series.ended, series.upcoming):
        webinar.title_ms = f"{webinar.title} (BM)"
        webinar.save(update_fields=["title_ms"])
    client.cookies["django_language"] = "ms"
    html = client.get(reverse("campaigns:page", args=[series.campaign.slug])).content.decode()
    for webinar in (series.live, series.ended, series.upcoming):
        assert f">{webinar.title} (BM)</a>" in html and f">{webinar.title}</a>" not in html


def test_an_unpublished_campaign_is_not_public(client, db):
    hidden = build_series(published=False)
    assert client.get(reverse("campaigns:page", args=[hidden.campaign.slug])).status_code == 404
    assert (
        signed_in(client, hidden.owner)
        .get(reverse("campaigns:page", args=[hidden.campaign.slug]))
        .status_code
        == 200
    )


def test_a_known_attendee_registers_for_another_webinar_with_one_click(client, series):
    first = make_registration(series.live, "Aisyah", "Aisyah@Example.com", language="ms")
    session = client.session
    browser_registration_remember(session=session, registration=first)
    session.save()
    page = client.get(reverse("campaigns:page", args=[series.campaign.slug])).content.decode()
    assert "Register as Aisyah" in page

    response = client.post(reverse("campaigns:register", args=[series.campaign.slug, series.upcoming.slug]))

    assert response.status_code == 302
    second = Registration.objects.get(webinar=series.upcoming)
    assert (second.name, second.email, second.language, second.status) == (
        "Aisyah",
        "aisyah@example.com",
        "ms",
        "confirmed",
    )
    assert second.consent_given_at is not None
    assert registration_for_browser(webinar=series.upcoming, session=client.session, user=None) == second


def test_a_malay_reader_is_told_the_malay_title_of_the_webinar_they_registered_for(client, series):
    from webinar.models import Webinar

    Webinar.objects.filter(pk=series.upcoming.pk).update(title="Think Twice: next", title_ms="Fikir Dua Kali")
    first = make_registration(series.live, "Aisyah", "aisyah@example.com", language="ms")
    session = client.session
    browser_registration_remember(session=session, registration=first)
    session.save()
    client.cookies["django_language"] = "ms"
    url = reverse("campaigns:register", args=[series.campaign.slug, series.upcoming.slug])
    page = client.post(url, follow=True).content.decode()
    assert "Fikir Dua Kali" in page and "Think Twice: next" not in page


def test_a_second_click_does_not_register_twice(client, series):
    first = make_registration(series.live, "Aisyah", "aisyah@example.com")
    campaign_register_known(campaign=series.campaign, webinar=series.upcoming, known=first)
    with pytest.raises(DewanError) as caught:
        campaign_register_known(campaign=series.campaign, webinar=series.upcoming, known=first)
    assert caught.value.code == "duplicate"
    assert Registration.objects.filter(webinar=series.upcoming).count() == 1


def test_one_click_is_refused_for_a_webinar_outside_the_campaign(series):
    first = make_registration(series.live)
    elsewhere = make_webinar(organiser=series.owner)
    with pytest.raises(ValidationFailed) as caught:
        campaign_register_known(campaign=series.campaign, webinar=elsewhere, known=first)
    assert caught.value.code == "not_in_campaign"


def test_one_click_sends_people_to_the_form_when_the_webinar_asks_required_questions(client, series):
    series.upcoming.custom_questions = [{"key": "uni", "label": "University", "required": True}]
    series.upcoming.save()
    first = make_registration(series.live)
    session = client.session
    browser_registration_remember(session=session, registration=first)
    session.save()
    response = client.post(reverse("campaigns:register", args=[series.campaign.slug, series.upcoming.slug]))
    assert response["Location"] == reverse("webinar:detail", args=[series.upcoming.slug])
    assert not Registration.objects.filter(webinar=series.upcoming).exists()


def test_an_unknown_browser_cannot_one_click_register(client, series):
    response = client.post(reverse("campaigns:register", args=[series.campaign.slug, series.upcoming.slug]))
    assert response["Location"] == reverse("webinar:detail", args=[series.upcoming.slug])
    assert not Registration.objects.filter(webinar=series.upcoming).exists()


def test_a_signed_in_attendee_is_known_by_their_account(client, series):
    person = make_user("wei@example.com", "Wei", email_verified_at=timezone.now())
    make_registration(series.live, "Wei", "wei@example.com")
    signed_in(client, person).post(
        reverse("campaigns:register", args=[series.campaign.slug, series.upcoming.slug])
    )
    assert Registration.objects.get(webinar=series.upcoming).user == person


def test_an_account_whose_email_is_not_verified_is_not_known_by_it(client, series):
    person = make_user("wei@example.com", "Wei")
    make_registration(series.live, "Wei", "wei@example.com")
    signed_in(client, person).post(
        reverse("campaigns:register", args=[series.campaign.slug, series.upcoming.slug])
    )
    assert not Registration.objects.filter(webinar=series.upcoming).exists()


def test_organiser_sees_each_persons_path_across_the_series(client, series):
    aisyah_live = make_registration(series.live, "Aisyah", "aisyah@example.com")
    campaign_register_known(campaign=series.campaign, webinar=series.upcoming, known=aisyah_live)
    make_registration(series.live, "Ben", "ben@example.com")
    now = timezone.now()
    AttendanceSession.objects.create(
        webinar=series.live, registration=aisyah_live, viewer_key="r1", joined_at=now, last_seen_at=now
    )
    question_submit(
        webinar_id=series.live.pk,
        registration_id=aisyah_live.pk,
        client_key="k1",
        text="How do I spot a scam?",
    )

    paths = selectors.campaign_people_paths(campaign=series.campaign)

    by_email = {p["email"]: p for p in paths["people"]}
    assert [w.pk for w in paths["webinars"]] == [series.live.pk, series.ended.pk, series.upcoming.pk]
    live_step, ended_step, upcoming_step = by_email["aisyah@example.com"]["steps"]
    assert live_step["attended"] and live_step["asked"] and not live_step["voted"]
    assert ended_step is None and upcoming_step["registered"] and not upcoming_step["attended"]
    assert by_email["ben@example.com"]["steps"][2] is None
    html = (
        signed_in(client, series.owner)
        .get(reverse("campaigns:people", args=[series.campaign.slug]))
        .content.decode()
    )
    assert "aisyah@example.com" in html and "attended" in html


def test_people_who_watched_are_the_reports_unique_viewers_never_the_hosts(client, series):
    """The campaign page once counted the host watching from the console as one more person who watched
    (5 on the page, 4 unique viewers in the report, after the demo's event)."""
    from webinar.selectors.attendance import attendance_counts
    from webinar.services.attendance import attendance_record
    from webinar.services.lifecycle import webinar_transition

    webinar = series.live
    aisyah = make_registration(webinar, "Aisyah", "aisyah@example.com")
    ben = make_registration(webinar, "Ben", "ben@example.com")
    host = make_user(name="Host")
    now = timezone.now()
    seen = now.timestamp()
    present = {f"r:{aisyah.pk}": (seen, "ms"), f"r:{ben.pk}": (seen, "en"), f"u:{host.pk}": (seen, "en")}
    attendance_record(webinar_id=webinar.pk, present=present, now=now)
    webinar_transition(webinar=webinar, actor=series.owner, to=webinar.Status.ENDED)

    summary = selectors.webinar_public_summary(webinar=webinar)

    assert summary["watched"] == 2 == attendance_counts(webinar=webinar)["unique_viewers"]
    html = client.get(reverse("campaigns:page", args=[series.campaign.slug])).content.decode()
    assert '<dd class="watched">2</dd>' in html
