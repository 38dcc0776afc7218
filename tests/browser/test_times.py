"""When a webinar happens is shown once: in the event's own zone, named, and (only when it differs) in the
viewer's own zone beside it. Malay says "petang" for the afternoon; the calendar file is not involved."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.browser.helpers import off_loop
from tests.factories import make_webinar

pytestmark = [pytest.mark.browser, pytest.mark.slow]

START = datetime(2030, 3, 5, 7, 39, tzinfo=UTC)  # 15:39 in Kuala Lumpur, 07:39 in London


@pytest.fixture
def afternoon_webinar(transactional_db):
    return off_loop(make_webinar, title="Petang webinar", starts_at=START, ends_at=START.replace(hour=9))


def _when(pages, webinar, label, language="en", **options):
    page = pages.open(label, "/", **options)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": pages.server.url}])
    page.goto(f"/w/{webinar.slug}/")
    page.wait_for_function("document.querySelector('[data-event-zone]').dataset.viewerZone")
    return page, page.locator("p.when").inner_text()


def test_a_london_viewer_sees_the_event_time_in_its_zone_and_their_own_beside_it(pages, afternoon_webinar):
    _page, when = _when(pages, afternoon_webinar, "london", timezone_id="Europe/London", locale="en-GB")
    event, yours = when.splitlines()
    assert event == "Tuesday, 5 March 2030, 15:39 – 17:39 (Asia/Kuala Lumpur)"
    assert yours == "Your time: Tuesday, 5 March 2030, 07:39 – 09:39 (Europe/London)"
    assert when.count("Kuala Lumpur") == 1 and when.count("London") == 1
    assert "GMT" not in when and "UTC" not in when, "each zone is named once, by its name"


def test_a_viewer_in_the_events_zone_sees_it_once(pages, afternoon_webinar):
    page, when = _when(pages, afternoon_webinar, "kl", timezone_id="Asia/Kuala_Lumpur", locale="en-GB")
    assert when == "Tuesday, 5 March 2030, 15:39 – 17:39 (Asia/Kuala Lumpur)"
    assert page.locator(".viewer-time").is_hidden()


def test_a_utc_webinar_seen_from_utc_names_utc_once(pages, transactional_db):
    webinar = off_loop(make_webinar, starts_at=START, ends_at=START.replace(hour=9), timezone="UTC")
    _page, when = _when(pages, webinar, "utc", timezone_id="UTC", locale="en-GB")
    assert when == "Tuesday, 5 March 2030, 07:39 – 09:39 (UTC)"


def test_another_zone_with_the_same_clock_adds_nothing(pages, afternoon_webinar):
    page, when = _when(pages, afternoon_webinar, "singapore", timezone_id="Asia/Singapore", locale="en-GB")
    assert when == "Tuesday, 5 March 2030, 15:39 – 17:39 (Asia/Kuala Lumpur)"
    assert page.locator(".viewer-time").is_hidden()


def test_a_malay_viewer_in_kuala_lumpur_reads_petang(pages, afternoon_webinar):
    _page, when = _when(
        pages, afternoon_webinar, "ms-kl", "ms", timezone_id="Asia/Kuala_Lumpur", locale="ms-MY"
    )
    assert "3:39 petang" in when and "5:39 petang" in when
    assert "malam" not in when and "Masa anda" not in when
    assert when.count("(Asia/Kuala Lumpur)") == 1


def test_a_malay_viewer_in_london_reads_their_own_morning_time_beside_it(pages, afternoon_webinar):
    _page, when = _when(
        pages, afternoon_webinar, "ms-london", "ms", timezone_id="Europe/London", locale="ms-MY"
    )
    event, yours = when.splitlines()
    assert "3:39 petang" in event and event.endswith("(Asia/Kuala Lumpur)")
    assert yours.startswith("Masa anda: ") and "7:39 pagi" in yours and yours.endswith("(Europe/London)")


def test_a_span_over_midnight_in_the_viewers_zone_dates_both_ends(pages, transactional_db):
    start = datetime(2030, 3, 5, 23, 30, tzinfo=UTC)  # 07:30–09:30 on the 6th in Kuala Lumpur
    webinar = off_loop(make_webinar, starts_at=start, ends_at=start.replace(day=6, hour=1))
    _page, when = _when(pages, webinar, "london-late", timezone_id="Europe/London", locale="en-GB")
    event, yours = when.splitlines()
    assert event == "Wednesday, 6 March 2030, 07:30 – 09:30 (Asia/Kuala Lumpur)"
    assert yours == "Your time: Tuesday, 5 March 2030, 23:30 – Wednesday, 6 March 2030, 01:30 (Europe/London)"
