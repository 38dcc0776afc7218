"""An organiser runs a whole campaign from the web pages, in English and in Bahasa Malaysia: creates it,
attaches three webinars, writes the pledge, adds a hub resource, prepares and edits a poll on the live
webinar, publishes the transparency report; then a visitor in the same language sees all of it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import off_loop
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

WORDS = {  # what the organiser and the visitor read, per language
    "en": {
        "saved": "Campaign saved.",
        "pledge_saved": "Pledge saved.",
        "resource_saved": "Resource saved.",
        "poll_saved": "Poll saved. Launch it from the host console during the event.",
        "transparency": "Transparency report",
        "polls_heading": "Live polls",
    },
    "ms": {
        "saved": "Kempen disimpan.",
        "pledge_saved": "Ikrar disimpan.",
        "resource_saved": "Sumber disimpan.",
        "poll_saved": "Undian disimpan. Lancarkan dari konsol hos semasa acara.",
        "transparency": "Laporan ketelusan",
        "polls_heading": "Undian langsung",
    },
}


def _webinars():
    from tests.factories import make_user, make_webinar
    from webinar.models import Webinar

    owner = make_user("nurul@example.com", "Nurul Organiser")
    return {
        "owner": owner,
        "ended": make_webinar(organiser=owner, status=Webinar.Status.ENDED, title="Spot the scam"),
        "live": make_webinar(organiser=owner, status=Webinar.Status.LIVE, title="Kind words online"),
        "upcoming": make_webinar(organiser=owner, title="Hate speech and the law"),
    }


@pytest.fixture
def webinars(transactional_db):
    return off_loop(_webinars)


def submit(page, form: str = "form.stack") -> None:
    page.locator(f"{form} button.primary[type=submit]").click()


@pytest.mark.parametrize("language", ["en", "ms"])
def test_an_organiser_runs_a_campaign_from_the_web_pages(pages, webinars, language):
    words = WORDS[language]
    page = pages.open("organiser", "/accounts/login/?next=/dashboard/")
    page.fill("#id_username", webinars["owner"].email)
    page.fill("#id_password", PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/dashboard/$"))
    if language == "ms":
        page.locator('form.lang button[value="ms"]').click()
    expect(page.locator("html")).to_have_attribute("lang", language)

    # The campaign, with its three webinars
    page.locator('a[href="/dashboard/campaigns/"]').click()
    page.locator('a[href="/dashboard/campaigns/new/"]').click()
    page.fill("#id_title", "Think Twice")
    page.fill("#id_hashtag", "ThinkTwice")
    page.fill("#id_description_en", "Think before you share.")
    page.fill("#id_description_ms", "Fikir sebelum kongsi.")
    page.fill("#id_starts_on", "2026-11-01")
    page.fill("#id_ends_on", "2026-12-31")
    page.fill("#id_organisers", "Dewan Digital")
    page.fill("#id_partners", "UiTM | https://example.org/uitm.png | https://uitm.edu.my")
    page.check("#id_published")
    for name in ("ended", "live", "upcoming"):
        page.check(f'input[name="webinars"][value="{webinars[name].pk}"]')
    submit(page)
    expect(page.locator(".flash.success")).to_have_text(words["saved"])
    page.wait_for_url(re.compile(r"/c/[\w-]+/manage/$"))
    slug = page.url.rstrip("/").split("/")[-2]
    expect(page.locator("#campaign-webinars [data-webinar]")).to_have_count(3)

    # The pledge
    page.locator(f'a[href="/c/{slug}/manage/pledge/"]').click()
    page.fill("#id_text_en", "I will think twice before I share.")
    page.fill("#id_text_ms", "Saya akan fikir dua kali sebelum berkongsi.")
    page.check("#id_ask_institution")
    page.check("#id_open")
    submit(page)
    expect(page.locator(".flash.success")).to_have_text(words["pledge_saved"])

    # A resource in the hub
    page.locator(f'a[href="/c/{slug}/manage/hub/"]').first.click()
    page.select_option("#id_kind", "helpline")
    page.fill("#id_title_en", "Talian Kasih 15999")
    page.fill("#id_title_ms", "Talian Kasih 15999 (24 jam)")
    page.check('input[name="topics"][value="mental_health"]')
    submit(page)
    expect(page.locator(".flash.success")).to_have_text(words["resource_saved"])
    expect(page.locator("#hub-stats")).to_contain_text("Talian Kasih 15999")

    # A poll on the live webinar, prepared during the event, then edited before it is launched
    page.locator(f'a[href="/c/{slug}/manage/"]').first.click()
    page.locator(f'#campaign-webinars [data-webinar="{webinars["live"].slug}"] a.webinar-polls').click()
    page.select_option("#id_kind", "single")
    page.fill("#id_question_en", "Have you seen a scam this week?")
    page.fill("#id_question_ms", "Pernahkah anda lihat penipuan minggu ini?")
    page.fill("#id_options_en", "Yes\nNo")
    page.fill("#id_options_ms", "Ya\nTidak")
    page.click("#poll-create")
    expect(page.locator(".flash.success")).to_have_text(words["poll_saved"])
    page.locator(".poll-summary a.poll-edit").click()
    expect(page.locator("#id_options_ms")).to_have_value("Ya\nTidak")
    page.fill("#id_options_en", "Yes\nNo\nNot sure")
    page.fill("#id_options_ms", "Ya\nTidak\nTidak pasti")
    page.click("#poll-create")
    expect(page.locator(".poll-summary .poll-rows tr")).to_have_count(3)
    page.locator("#polls-host-console").click()
    expect(page.locator("#host-polls li[data-poll] button.poll-launch")).to_have_count(1)

    # The transparency report, published for the campaign and the ended webinar
    page.goto(f"/c/{slug}/manage/")
    page.locator(f'a[href="/c/{slug}/manage/transparency/"]').click()
    page.check('input[name="campaign"]')
    page.check(f'input[name="webinars"][value="{webinars["ended"].pk}"]')
    submit(page, "#transparency-settings")
    expect(page.locator(".flash.success")).to_be_visible()

    # A visitor in the same language sees the campaign, the pledge, the hub and the report
    locale = "ms-MY" if language == "ms" else "en-GB"
    visitor = pages.open("visitor", f"/c/{slug}/", locale=locale)
    expect(visitor.locator("html")).to_have_attribute("lang", language)
    description = "Fikir sebelum kongsi." if language == "ms" else "Think before you share."
    expect(visitor.locator("#campaign")).to_contain_text(description)
    pledge = "Saya akan fikir dua kali" if language == "ms" else "I will think twice"
    expect(visitor.locator("#pledge")).to_contain_text(pledge)
    expect(visitor.locator("#live-now")).to_contain_text("Kind words online")
    expect(visitor.locator('#partners a[href="https://uitm.edu.my"] img[alt="UiTM"]')).to_have_count(1)
    visitor.locator("#campaign-transparency a").click()
    expect(visitor.locator("h1")).to_contain_text(words["transparency"])
    expect(visitor.locator("#transparency-polls")).to_be_visible()
    expect(visitor.locator("h2").filter(has_text=words["polls_heading"])).to_be_visible()
    visitor.goto(f"/c/{slug}/")
    visitor.locator("#hub-link a, a#hub-link").first.click()
    title = "Talian Kasih 15999 (24 jam)" if language == "ms" else "Talian Kasih 15999"
    expect(visitor.locator("#resources")).to_contain_text(title)
    assert not pages.page_errors, pages.page_errors
