"""The campaign in real browsers: hub visits counted per visitor, the transparency page, the pledge."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import WAIT_MS, off_loop
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def _series():
    from tests.campaigns.conftest import build_series, make_pledge, make_resource

    series = build_series(title="Browser campaign")
    resource = make_resource(series, title_ms="Talian Kasih 15999 (24 jam)", topics=["mental_health"])
    make_pledge(series)
    return series, resource


@pytest.fixture
def campaign(transactional_db):
    return off_loop(_series)


def visitor(pages, label: str, agent: str):
    """A cookie-less browser of its own, with its own User-Agent (another device on the same network)."""
    context = pages.browser.new_context(base_url=pages.server.url, user_agent=agent)
    context.set_default_timeout(WAIT_MS)
    pages.contexts.append(context)
    page = context.new_page()
    pages.pages.append((label, page))
    return page


def organiser(pages, series, path: str):
    page = pages.open("organiser", f"/accounts/login/?next={path}")
    page.fill("#id_username", series.owner.email)
    page.fill("#id_password", PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(re.escape(path) + "$"))
    return page


def test_hub_visits_from_two_devices_show_on_the_organisers_page(pages, campaign):
    series, resource = campaign
    path = f"/c/{series.campaign.slug}/hub/{resource.pk}/"
    first = visitor(pages, "phone", "Mozilla/5.0 (Linux; Android 14) Phone")
    second = visitor(pages, "laptop", "Mozilla/5.0 (X11; Linux x86_64) Laptop")
    first.goto(f"/c/{series.campaign.slug}/hub/")
    first.click(f'#resources li[data-id="{resource.pk}"] a')
    expect(first.locator("#resource h1")).to_have_text("Talian Kasih 15999")
    first.reload()
    second.goto(path)

    page = organiser(pages, series, f"/c/{series.campaign.slug}/manage/hub/")

    row = page.locator(f'#hub-stats tr[data-id="{resource.pk}"]')
    expect(row.locator(".visits")).to_have_text("3")
    expect(row.locator(".uniques")).to_have_text("2")


def test_the_published_transparency_page_shows_figures_to_anyone(pages, campaign):
    series, _resource = campaign
    page = organiser(pages, series, f"/c/{series.campaign.slug}/manage/transparency/")
    page.check('input[name="campaign"]')
    page.check(f'input[name="webinars"][value="{series.live.pk}"]')
    page.click("#transparency-settings button[type=submit]")
    expect(page.locator(".flash.success")).to_be_visible()

    public = pages.open("public", f"/c/{series.campaign.slug}/")
    public.click("#campaign-transparency a")
    expect(public.locator('#transparency td[data-figure="received"]')).to_have_text("0")
    expect(public.locator(".notice")).to_have_count(0)
    public.goto(f"/c/{series.campaign.slug}/transparency/{series.live.slug}/")
    expect(public.locator("#transparency")).to_be_visible()
    unpublished = public.goto(f"/c/{series.campaign.slug}/transparency/{series.ended.slug}/")
    assert unpublished.status == 404


def test_a_signed_in_person_takes_the_pledge_once_and_the_rank_shows_their_institution(pages, campaign):
    from django.utils import timezone

    from tests.factories import make_user

    series, _resource = campaign
    person = off_loop(make_user, "siti@example.com", "Siti", email_verified_at=timezone.now())
    page = pages.open("siti", f"/accounts/login/?next=/c/{series.campaign.slug}/")
    page.fill("#id_username", person.email)
    page.fill("#id_password", PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(rf"/c/{series.campaign.slug}/$"))
    expect(page.locator("#pledge-count")).to_have_text("0")
    page.fill("#id_institution", "UiTM Shah Alam")
    page.check("#id_consent")
    page.click("#pledge-submit")
    expect(page.locator("#pledge-taken")).to_be_visible()
    expect(page.locator("#pledge-count")).to_have_text("1")
    expect(page.locator("#pledge-institutions")).to_contain_text("UiTM Shah Alam: 1")


def take_pledge_in_a_browser(pages, series, email: str):
    """A verified account signs in and takes the pledge through the server (so any process hears it)."""
    from django.utils import timezone

    from tests.factories import make_user

    person = off_loop(make_user, email, email.split("@")[0], email_verified_at=timezone.now())
    taker = pages.open(f"taker-{email}", f"/accounts/login/?next=/c/{series.campaign.slug}/")
    taker.fill("#id_username", person.email)
    taker.fill("#id_password", PASSWORD)
    taker.locator("#id_password").press("Enter")
    taker.wait_for_url(re.compile(rf"/c/{series.campaign.slug}/$"))
    taker.check("#id_consent")
    taker.click("#pledge-submit")
    expect(taker.locator("#pledge-taken")).to_be_visible()


def test_the_pledge_counter_updates_live_in_another_browser_and_on_stage(pages, campaign):
    series, _resource = campaign
    watcher = pages.open("watcher", f"/c/{series.campaign.slug}/")
    stage = pages.open("stage", f"/c/{series.campaign.slug}/stage/pledge/")
    expect(watcher.locator("#campaign-live")).to_have_attribute("data-state", "open")
    expect(stage.locator("#campaign-live")).to_have_attribute("data-state", "open")
    expect(watcher.locator("#pledge-count")).to_have_text("0")
    watcher.evaluate("window.__dewanNoReload = true")

    take_pledge_in_a_browser(pages, series, "nurul@example.com")

    expect(watcher.locator("#pledge-count")).to_have_text("1")
    expect(stage.locator("#stage-pledge-count")).to_have_text("1")
    assert watcher.evaluate("window.__dewanNoReload === true"), "the counter changed without a reload"


def test_the_webinar_live_page_shows_the_campaign_pledge_count_live(pages, campaign):
    from tests.factories import make_registration

    series, _resource = campaign
    registration = off_loop(make_registration, series.live, "Aisyah", "aisyah@example.com")
    live = pages.attendee(registration, "attendee")
    expect(live.locator("#pledge-live-count")).to_have_text("0")

    take_pledge_in_a_browser(pages, series, "ben@example.com")

    expect(live.locator("#pledge-live-count")).to_have_text("1")


def test_a_host_pushes_a_resource_that_appears_in_the_live_room_and_its_click_counts(pages, campaign):
    from tests.factories import make_host, make_registration, make_user

    series, resource = campaign
    host = off_loop(lambda: make_host(series.live, make_user("hana@example.com", "Hana")))
    registration = off_loop(make_registration, series.live, "Aisyah", "aisyah@example.com")
    attendee = pages.attendee(registration, "attendee")
    expect(attendee.locator("#resource-card")).to_be_hidden()

    console = pages.open("host", f"/accounts/login/?next=/c/{series.campaign.slug}/push/")
    console.fill("#id_username", host.email)
    console.fill("#id_password", PASSWORD)
    console.locator("#id_password").press("Enter")
    console.wait_for_url(re.compile(r"/push/$"))
    console.select_option("#push-resource", str(resource.pk))
    console.click("#push-submit")

    card = attendee.locator("#resource-card-link")
    expect(card).to_have_text("Talian Kasih 15999")
    with attendee.context.expect_page() as opened:
        card.click()
    expect(opened.value.locator("#resource h1")).to_have_text("Talian Kasih 15999")
    console.reload()
    expect(console.locator("#pushes td.clicks").first).to_have_text("1")
