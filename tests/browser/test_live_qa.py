"""The live Q&A in real browsers: ask, moderate, vote, survive a server restart, show text as text."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import WAIT_MS, off_loop, wait_connected

pytestmark = pytest.mark.browser

# The host console offers "Approve" for a clean question and "Publish anyway" for one screening
# flagged (a hold-every-question policy counts as flagged); both publish it.
PUBLISH_BUTTON = "[data-action=approve], [data-action=publish_anyway]"


def mark_loaded(page) -> None:
    """A flag that only survives as long as the page is not reloaded."""
    page.evaluate("window.__dewanNoReload = true")


def assert_not_reloaded(page) -> None:
    assert page.evaluate("window.__dewanNoReload === true"), "the page was reloaded"


def ask(page, text: str) -> None:
    page.fill("#ask-text", text)
    page.click("#ask-submit")


def published(page, text: str):
    return page.locator("#questions li.q", has_text=text)


def question_ids(page) -> list[int]:
    return [int(i) for i in page.locator("#questions li.q").evaluate_all("els => els.map(e => e.dataset.id)")]


def submit_and_publish(room, registration, text: str, key: str):
    """A published question made through the services, as if asked and approved earlier."""
    from webinar.services.moderation import question_approve
    from webinar.services.questions import question_submit

    question = question_submit(
        webinar_id=room.webinar.pk, registration_id=registration.pk, client_key=key, text=text
    ).question
    return question_approve(actor=room.host, webinar_id=room.webinar.pk, question_id=question.pk)


def test_host_approval_reaches_the_asker_and_another_viewer_without_reloading(pages, room):
    aisyah, ben, _chandra = room.registrations
    asker = pages.attendee(aisyah, "asker")
    viewer = pages.attendee(ben, "viewer")
    host = pages.host(room.host, room.webinar)
    for page in (asker, viewer, host):
        mark_loaded(page)
    text = "Will the slides be shared after the session?"

    ask(asker, text)

    waiting = asker.locator("#mine li.q", has_text=text)
    expect(waiting).to_be_visible()
    expect(asker.locator("#mine-panel")).to_be_visible()
    incoming = host.locator("#list-incoming li.q", has_text=text)
    expect(incoming).to_have_attribute("data-status", "held")
    expect(published(viewer, text)).to_have_count(0)

    incoming.locator(PUBLISH_BUTTON).first.click()

    expect(published(asker, text)).to_be_visible()
    expect(waiting).to_have_count(0)
    expect(published(viewer, text)).to_be_visible()
    expect(host.locator("#list-published li.q", has_text=text)).to_have_attribute("data-status", "published")
    expect(host.locator("#list-incoming li.q")).to_have_count(0)
    for page in (asker, viewer, host):
        assert_not_reloaded(page)
    expect(host.locator("#viewers")).to_have_text(re.compile(r"^\d+$"))
    pages.screenshot(asker, "attendee.png")
    pages.screenshot(host, "host.png")


def test_an_upvote_reorders_the_list_for_another_viewer(pages, room):
    aisyah, ben, chandra = room.registrations
    first = off_loop(submit_and_publish, room, aisyah, "How do I register my company for the grant?", "b1")
    second = off_loop(submit_and_publish, room, ben, "Is the grant open to sole proprietors?", "b2")
    third = off_loop(submit_and_publish, room, aisyah, "What documents do we need to apply?", "b3")
    watcher = pages.attendee(ben, "watcher")
    voter = pages.attendee(chandra, "voter")
    pages.attendee(aisyah, "asker")
    assert question_ids(watcher) == [first.pk, second.pk, third.pk]

    voter.locator(f'#questions li.q[data-id="{third.pk}"] .votes button').click()

    expect(watcher.locator("#questions li.q").first).to_have_attribute("data-id", str(third.pk))
    expect(watcher.locator(f'#questions li.q[data-id="{third.pk}"] .votes button')).to_have_text("▲ 1")
    assert question_ids(watcher) == [third.pk, first.pk, second.pk]
    expect(voter.locator(f'#questions li.q[data-id="{third.pk}"] .votes button')).to_have_attribute(
        "aria-pressed", "true"
    )


RECONNECT_BACKOFF_MAX_MS = 15_000 * 1.3


def test_the_page_recovers_from_a_server_restart_and_catches_up(pages, room, server):
    from webinar.models import Question
    from webinar.services.moderation import question_approve

    aisyah, ben, _chandra = room.registrations
    asker = pages.attendee(aisyah, "asker")
    viewer = pages.attendee(ben, "viewer")
    for page in (asker, viewer):
        mark_loaded(page)
    text = "Can we get a certificate of attendance?"
    ask(asker, text)
    expect(asker.locator("#mine li.q:not(.sending)", has_text=text)).to_be_visible()
    question = Question.objects.get(webinar=room.webinar, text=text)

    server.kill()
    for page in (asker, viewer):
        expect(page.locator("#conn")).to_have_attribute("data-state", "closed")
    # While the server is down a host publishes the question (from another process, say a second
    # server): the event is in the database's log, and the pages must catch up from it.
    off_loop(
        question_approve,
        actor=room.host,
        webinar_id=room.webinar.pk,
        question_id=question.pk,
    )
    server.start()

    for page in (asker, viewer):
        # The client's back-off grew while the server was down (up to 15 s, +30% jitter: live-client.js),
        # and at load a restart takes long enough for it to get there: its next try may come that late.
        wait_connected(page, timeout=RECONNECT_BACKOFF_MAX_MS + WAIT_MS)
        expect(published(page, text)).to_be_visible()
        assert_not_reloaded(page)
    expect(asker.locator("#mine li.q", has_text=text)).to_have_count(0)

    # And the new connection is live, not just caught up: a vote travels after the restart.
    viewer.locator(f'#questions li.q[data-id="{question.pk}"] .votes button').click()
    expect(asker.locator(f'#questions li.q[data-id="{question.pk}"] .votes button')).to_have_text("▲ 1")


def test_a_second_tab_is_told_how_many_are_watching(pages, room):
    aisyah, ben, _chandra = room.registrations
    first_tab = pages.attendee(aisyah, "first-tab")
    pages.attendee(ben, "other")
    expect(first_tab.locator("#viewers")).to_have_text("2")

    # One person, two tabs: the count does not change, so only joining can tell the new tab.
    second_tab = first_tab.context.new_page()
    pages.pages.append(("second-tab", second_tab))
    second_tab.goto(f"/w/{room.webinar.slug}/live/")
    wait_connected(second_tab)

    expect(second_tab.locator("#viewers")).to_have_text("2", timeout=5_000)


def test_question_text_with_html_is_shown_as_text(pages, room):
    aisyah, ben, _chandra = room.registrations
    asker = pages.attendee(aisyah, "asker")
    viewer = pages.attendee(ben, "viewer")
    host = pages.host(room.host, room.webinar)
    text = "<img src=x onerror=alert(1)> what does this do?"

    ask(asker, text)
    incoming = host.locator("#list-incoming li.q", has_text=text)
    expect(incoming).to_be_visible()
    incoming.locator(PUBLISH_BUTTON).first.click()

    for page, where in ((viewer, "#questions"), (asker, "#questions"), (host, "#list-published")):
        item = page.locator(f"{where} li.q", has_text=text)
        expect(item).to_be_visible()
        assert text in item.inner_text()
        expect(page.locator(f"{where} img")).to_have_count(0)
    assert pages.dialogs == []
    assert pages.page_errors == []
