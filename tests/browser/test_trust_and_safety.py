"""Trust and safety in real browsers: care items stay private, personal data is published masked."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import off_loop
from tests.live.trust import CARE_TEXT, PHONE_TEXT, ask

pytestmark = pytest.mark.browser


def status_of(question_id: int) -> str:
    from webinar.models import Question

    return Question.objects.values_list("status", flat=True).get(pk=question_id)


def test_a_host_pressing_a_on_a_care_item_publishes_nothing(pages, room):
    aisyah, ben, _chandra = room.registrations
    care = off_loop(ask, aisyah, "care", CARE_TEXT)
    viewer = pages.attendee(ben, "viewer")
    host = pages.host(room.host, room.webinar)
    item = host.locator(f'#list-care li.q[data-id="{care.pk}"]')
    expect(item).to_be_visible()
    expect(item.locator("[data-action=approve], [data-action=publish_anyway]")).to_have_count(0)
    expect(item.locator("[data-action=care_reply]")).to_be_visible()

    item.click()
    host.keyboard.press("a")
    # A stale or hand-made client sends it anyway: the server refuses with a clear error.
    host.evaluate(f"window.dewanClient.send({{type: 'approve', question_id: {care.pk}}})")
    expect(host.locator("#host-error")).to_contain_text("never be made public")

    expect(viewer.locator("#questions li.q")).to_have_count(0)
    expect(viewer.locator("body")).not_to_contain_text("bunuh diri")
    assert off_loop(status_of, care.pk) == "care"
    expect(host.locator(f'#list-care li.q[data-id="{care.pk}"]')).to_be_visible()


def test_publish_anyway_on_a_phone_number_shows_it_masked_to_another_attendee(pages, room):
    aisyah, ben, _chandra = room.registrations
    held = off_loop(ask, aisyah, "phone", PHONE_TEXT)
    author = pages.attendee(aisyah, "author")
    viewer = pages.attendee(ben, "viewer")
    host = pages.host(room.host, room.webinar)
    incoming = host.locator(f'#list-incoming li.q[data-id="{held.pk}"]')
    expect(incoming).to_be_visible()

    button = incoming.locator("[data-action=approve]")
    expect(button).to_have_text("Publish anyway")
    button.click()
    # The toast names the action the button named, not "Approved".
    expect(host.locator("#undo-text")).to_have_text(f"Published #{held.pk} anyway.")

    shown = viewer.locator(f'#questions li.q[data-id="{held.pk}"]')
    expect(shown).to_contain_text("012-••• ••••")
    expect(viewer.locator("body")).not_to_contain_text("345 6789")
    expect(author.locator(f'#mine li.q[data-id="{held.pk}"]')).to_contain_text("phone number")
    pages.screenshot(viewer, "masked-phone.png")
