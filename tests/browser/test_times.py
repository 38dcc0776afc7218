"""Times on pages are the viewer's, labelled with the viewer's zone; Malay says "petang" for the afternoon."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.browser.helpers import off_loop
from tests.factories import make_webinar

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def afternoon_webinar(transactional_db):
    start = datetime(2030, 3, 5, 7, 39, tzinfo=UTC)  # 15:39 in Kuala Lumpur, 07:39 in London
    return off_loop(make_webinar, title="Petang webinar", starts_at=start, ends_at=start.replace(hour=9))


def _when(pages, webinar, label, **options):
    page = pages.open(label, f"/w/{webinar.slug}/", **options)
    page.wait_for_function("document.querySelector('time.local-time').dataset.zone")
    return page, page.locator("p.when").inner_text()


def test_a_london_viewer_sees_london_time_labelled_london(pages, afternoon_webinar):
    page, when = _when(pages, afternoon_webinar, "london", timezone_id="Europe/London", locale="en-GB")
    assert "07:39" in when
    assert "(Europe/London)" in when
    assert "Kuala" not in when
    # The event's own wording (Kuala Lumpur time) stays available as the tooltip.
    assert "15:39" in page.locator("time.local-time").first.get_attribute("title")


def test_a_malay_viewer_in_kuala_lumpur_reads_petang(pages, afternoon_webinar):
    page = pages.open("ms-kl", "/", timezone_id="Asia/Kuala_Lumpur", locale="ms-MY")
    page.context.add_cookies([{"name": "django_language", "value": "ms", "url": pages.server.url}])
    page.goto(f"/w/{afternoon_webinar.slug}/")
    page.wait_for_function("document.querySelector('time.local-time').dataset.zone")
    when = page.locator("p.when").inner_text()
    assert "3:39 petang" in when
    assert "malam" not in when
    assert "(Asia/Kuala Lumpur)" in when
