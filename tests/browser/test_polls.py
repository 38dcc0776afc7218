"""Live polls in real browsers: the host launches a prepared poll, two attendees vote in their own
browsers, results update live on both pages and on the stage view, closing ends the voting, and a reload
still shows the closed polls' results."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import off_loop
from tests.factories import make_host, make_registration, make_user, make_webinar

pytestmark = pytest.mark.browser


def _prepared():
    from tests.polls.conftest import prepare_polls
    from webinar.live_state import stage_key
    from webinar.models import Webinar
    from webinar.services.lifecycle import webinar_transition

    organiser = make_user(name="Organiser")
    webinar = make_webinar(organiser=organiser, title="Poll browser webinar")
    host = make_host(webinar, make_user("hana@example.com", "Hana Host"))
    polls = prepare_polls(webinar, host)
    webinar = webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.LIVE)
    people = [make_registration(webinar, name, f"{name.lower()}@example.com") for name in ("Aisyah", "Ben")]
    return webinar, host, polls, people, stage_key(webinar)


@pytest.fixture
def prepared(transactional_db):
    return off_loop(_prepared)


def test_launch_vote_in_two_browsers_results_live_and_on_stage(pages, prepared):
    webinar, host, polls, people, key = prepared
    poll = polls["single"]
    console = pages.host(host, webinar)
    aisyah = pages.attendee(people[0], "aisyah")
    ben = pages.attendee(people[1], "ben")
    stage = pages.open("stage", f"/w/{webinar.slug}/stage/?key={key}")

    expect(aisyah.locator("#poll-card")).to_be_hidden()

    console.click(f"#host-polls button.poll-launch[data-poll='{poll.pk}']")
    expect(console.locator(f"#host-polls button.poll-close[data-poll='{poll.pk}']")).to_be_visible()
    for page in (aisyah, ben):
        expect(page.locator("#poll-question")).to_have_text("Do you check before you share?")
    expect(stage.locator("#poll-question")).to_have_text("Do you check before you share?")

    aisyah.locator("#poll-options input[value='1']").check()
    aisyah.click("#poll-submit")
    ben.locator("#poll-options input[value='1']").check()
    ben.click("#poll-submit")

    for page in (aisyah, ben, stage, console):
        expect(page.locator("#poll-results .poll-bar[data-index='1']")).to_have_attribute("data-count", "2")
    expect(aisyah.locator("#poll-form")).to_be_hidden()

    console.click(f"#host-polls button.poll-close[data-poll='{poll.pk}']")
    expect(ben.locator("#poll-card")).to_have_attribute("data-status", "closed")
    expect(stage.locator("#poll-results .poll-bar[data-index='1']")).to_have_attribute("data-count", "2")

    # A reload still shows what the hosts showed: the closed poll's final results, then earlier ones below
    for page in (ben, stage):
        page.reload()
        expect(page.locator("#poll-card")).to_have_attribute("data-status", "closed")
        expect(page.locator("#poll-results .poll-bar[data-index='1']")).to_have_attribute("data-count", "2")
    rating = polls["rating"]
    console.click(f"#host-polls button.poll-launch[data-poll='{rating.pk}']")
    ben.locator("#poll-options input[value='3']").check()
    ben.click("#poll-submit")
    console.click(f"#host-polls button.poll-close[data-poll='{rating.pk}']")
    expect(aisyah.locator("#poll-card")).to_have_attribute("data-poll", str(rating.pk))
    aisyah.reload()
    expect(aisyah.locator("#poll-card")).to_have_attribute("data-poll", str(rating.pk))
    expect(aisyah.locator("#poll-results .poll-bar[data-index='3']")).to_have_attribute("data-count", "1")
    earlier = aisyah.locator(f"#poll-history-list li[data-poll='{poll.pk}']")
    expect(earlier.locator(".poll-bar[data-index='1']")).to_have_attribute("data-count", "2")
    assert not pages.page_errors, pages.page_errors
