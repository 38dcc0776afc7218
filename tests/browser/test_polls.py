"""Live polls in real browsers: the host launches a prepared poll, two attendees vote in their own
browsers, results update live on both pages and on the stage view, closing ends the voting, and a reload
still shows the closed polls' results."""

from __future__ import annotations

import re

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


def _console_with_polls_and_a_held_question():
    """The prepared room with a closed poll (answered), an open poll and one question held for the hosts."""
    from webinar.campaigns.services.polls import poll_close, poll_launch, poll_vote
    from webinar.models import ScreeningSettings
    from webinar.services.questions import question_submit

    webinar, host, polls, people, _key = _prepared()
    ScreeningSettings.objects.update_or_create(webinar=webinar, defaults={"hold_all": True})
    rating = polls["rating"]
    poll_launch(actor=host, webinar_id=webinar.pk, poll_id=rating.pk)
    for n, person in enumerate(people):
        poll_vote(
            webinar_id=webinar.pk, registration_id=person.pk, poll_id=rating.pk, client_key=f"r{n}", rating=4
        )
    poll_close(actor=host, webinar_id=webinar.pk, poll_id=rating.pk)
    poll_launch(actor=host, webinar_id=webinar.pk, poll_id=polls["single"].pk)
    question_submit(
        webinar_id=webinar.pk, registration_id=people[0].pk, client_key="q1", text="Held for you?"
    )
    return webinar, host, rating


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=["laptop", "phone"]
)
def test_the_held_queue_comes_before_the_polls_in_the_host_console(pages, transactional_db, viewport):
    webinar, host, rating = off_loop(_console_with_polls_and_a_held_question)
    console = pages.host(host, webinar)
    console.set_viewport_size(viewport)
    held = console.locator("#list-incoming li.q", has_text="Held for you?")
    expect(held).to_be_visible()
    expect(console.locator("#poll-question")).to_have_text("Do you check before you share?")
    held_box = held.bounding_box()
    poll_box = console.locator("#poll-card").bounding_box()
    if viewport["width"] >= 900:
        # Beside each other: the held question is on the first screen, the polls in the next column.
        assert held_box["y"] + held_box["height"] <= viewport["height"], "on the first screen"
        assert poll_box["x"] >= held_box["x"] + held_box["width"], "the polls sit beside the queue"
    else:
        assert held_box["y"] < poll_box["y"], "one column: the held queue comes first"
    # Closed polls are folded: their results take no room until the host opens them.
    history = console.locator("#poll-history")
    expect(history.locator("summary")).to_have_text(re.compile(r"Earlier polls \(1\)"))
    earlier = history.locator(f"li[data-poll='{rating.pk}']")
    expect(earlier).to_be_hidden()
    history.locator("summary").click()
    expect(earlier.locator(".poll-bar[data-index='3']")).to_have_attribute("data-count", "2")
    expect(earlier).to_be_visible()
    assert not pages.page_errors, pages.page_errors


@pytest.mark.parametrize(
    ("language", "one", "two"), [("en", "1 answer", "2 answers"), ("ms", "1 jawapan", "2 jawapan")]
)
def test_the_number_of_answers_reads_right_for_one_and_for_more(pages, prepared, language, one, two):
    from urllib.parse import urlparse

    from webinar.campaigns.services.polls import poll_launch
    from webinar.services.notifications import join_url

    webinar, host, polls, (aisyah, ben), _key = prepared
    off_loop(poll_launch, actor=host, webinar_id=webinar.pk, poll_id=polls["single"].pk)
    page = pages.open(f"aisyah-{language}", "/")
    page.context.add_cookies([{"name": "django_language", "value": language, "url": pages.server.url}])
    page.goto(urlparse(off_loop(join_url, aisyah)).path)
    other = pages.attendee(ben, "ben")
    page.locator("#poll-options input[value='1']").check()
    page.click("#poll-submit")
    expect(page.locator("#poll-results .poll-voters")).to_have_text(one)
    other.locator("#poll-options input[value='0']").check()
    other.click("#poll-submit")
    expect(page.locator("#poll-results .poll-voters")).to_have_text(two)
