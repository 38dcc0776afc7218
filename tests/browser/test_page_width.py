"""No page pushes sideways: charts and tables fit their column, on a laptop and on a 390x844 phone.

A page wider than the screen hides its right edge (the report's language chart was cut off at 1280
pixels) and makes a phone reader scroll both ways.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import off_loop
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTHS = [1280, 390]  # a laptop, a phone


@pytest.fixture
def reported(transactional_db):
    def build():
        from tests.reports.conftest import build_sample_webinar
        from webinar.tasks import build_report

        webinar, _parts = build_sample_webinar()
        build_report.apply(args=[webinar.pk])
        return webinar, webinar.organiser

    return off_loop(build)


def _overflowing(page, width: int) -> list[str]:
    return page.evaluate(
        """(width) => Array.from(document.querySelectorAll('main *'))
            .filter((el) => el.getBoundingClientRect().right > width + 1)
            .slice(0, 5).map((el) => `${el.tagName}.${el.className}`)""",
        width,
    )


def test_the_report_with_its_charts_fits_the_screen_of_a_laptop_and_of_a_phone(pages, reported):
    """One report (building it is the costly part), read at each width in turn."""
    webinar, organiser = reported
    page = pages.open("report", f"/accounts/login/?next=/w/{webinar.slug}/report/")
    page.fill("#id_username", organiser.email)
    page.fill("#id_password", PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/report/$"))
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.reload()
        page.locator("img[src^='data:image/svg'], img[src*='chart']").first.wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (
            width,
            _overflowing(page, width),
        )
        assert _overflowing(page, width) == [], width


def test_the_reports_generation_line_starts_with_a_capital_in_malay_too(pages, reported):
    webinar, organiser = reported
    page = pages.open("report-ms", "/")
    page.context.add_cookies([{"name": "django_language", "value": "ms", "url": pages.server.url}])
    page.goto(f"/accounts/login/?next=/w/{webinar.slug}/report/")
    page.fill("#id_username", organiser.email)
    page.fill("#id_password", PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/report/$"))
    line = page.locator("p.meta", has_text="Dijana")
    assert re.match(r"Cubaan ke-1 · Dijana \d", line.inner_text()), line.inner_text()


# The organiser's pages whose tables grow with titles and columns (the demo's bilingual titles made each
# of them wider than a 390-pixel phone), and the public pages with tables.
DEMO_PAGES = [
    "/dashboard/",
    "/dashboard/campaign/",
    "/dashboard/campaigns/",
    "/w/selamat-online/manage/",
    "/w/selamat-online/dashboard/",
    "/c/think-twice/manage/hub/",
    "/c/think-twice/manage/funnel/",
    "/c/think-twice/manage/people/",
    "/c/think-twice/manage/pledge/",
    "/c/think-twice/push/",
    "/c/think-twice/transparency/",
]


@pytest.fixture
def demo(transactional_db):
    def seed():
        import io

        from django.core.management import call_command

        call_command("seed_demo", stdout=io.StringIO())

    off_loop(seed)


def test_the_organisers_pages_of_the_demo_never_scroll_sideways_on_a_phone_in_either_language(pages, demo):
    """A wide table scrolls inside its own box (``.table-scroll``); the page itself stays 390 wide. One
    seeded demo (seeding is the costly part) read by an English and a Malay reader."""
    wide = {}
    for language in ("en", "ms"):
        page = pages.open(f"demo-{language}", "/", viewport={"width": 390, "height": 844})
        page.context.add_cookies([{"name": "django_language", "value": language, "url": pages.server.url}])
        page.goto("/accounts/login/")
        page.fill("#id_username", "organiser@dewan.demo")
        page.fill("#id_password", "dewan-demo-2026")
        page.locator("#id_password").press("Enter")
        page.wait_for_url(re.compile(r"/dashboard/$"))
        for path in DEMO_PAGES:
            response = page.goto(path)
            assert response is not None and response.status == 200, (language, path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide[(language, path)] = width
    assert wide == {}
