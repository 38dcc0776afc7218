"""Text is readable: every visible text on the live pages meets WCAG AA contrast against what is behind
it (4.5:1, or 3:1 for large text), tags and reasons included. Disabled and faded controls are exempt.

The check (contrast.js) walks each text node of <main>, takes its colour and the first opaque
background behind it, and lists what falls short.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import question_asked

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHECK = (Path(__file__).parent / "contrast.js").read_text()


def test_the_host_console_and_the_attendee_page_meet_aa_contrast(pages, room):
    aisyah, ben, _ = room.registrations
    question_asked(room, aisyah, "Is the quiz graded?", "k1")  # held (every question waits for the host)
    question_asked(room, ben, "I want to kill myself, nobody cares", "k2")  # the care queue
    host = pages.host(room.host, room.webinar)
    expect(host.locator("#list-care li.q")).to_have_count(1)
    expect(host.locator("#list-incoming li.q .tag.held")).to_be_visible()
    assert host.evaluate(CHECK) == []
    attendee = pages.attendee(aisyah, "attendee")
    expect(attendee.locator("#mine li.q .reasons")).to_be_visible()
    assert attendee.evaluate(CHECK) == []
