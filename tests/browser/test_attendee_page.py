"""The attendee page as a first-time attendee meets it (issue 14): offline asking, refusals, own questions,
filters, the end of the webinar and accessibility, on a laptop and on a 390x844 phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import off_loop, wait_connected
from tests.factories import make_host, make_live_webinar, make_registration, make_user

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def open_room(transactional_db):
    """A live webinar whose clean questions publish at once, with two attendees."""

    def build():
        webinar = make_live_webinar(organiser=make_user(), title="Attendee page webinar")
        make_host(webinar, make_user("host-of-attendee-page@example.com"))
        return webinar, [
            make_registration(webinar, name, f"{name.lower()}@example.com") for name in ("Aisyah", "Ben")
        ]

    return off_loop(build)


def _asker_and_other(pages, open_room, text: str):
    """Aisyah asks ``text`` (clean, so it is published at once); Ben watches. Returns both pages."""
    _webinar, (aisyah, ben) = open_room
    asker = pages.attendee(aisyah, "asker")
    other = pages.attendee(ben, "other")
    asker.fill("#ask-text", text)
    asker.click("#ask-submit")
    return asker, other


def _questions_with(text: str) -> int:
    from webinar.models import Question

    return Question.objects.filter(text=text).count()


def test_a_question_sent_while_reconnecting_is_queued_then_delivered_once(pages, open_room, server):
    _webinar, (aisyah, _ben) = open_room
    page = pages.attendee(aisyah)
    server.kill()
    expect(page.locator("#conn")).to_have_attribute("data-state", re.compile("closed|connecting"))
    text = "Will the recording be shared afterwards?"
    page.fill("#ask-text", text)
    page.click("#ask-submit")
    queued = page.locator("#mine li.q.sending", has_text=text)
    expect(queued).to_be_visible()
    expect(queued.locator(".tag.sending")).to_be_visible()
    assert page.input_value("#ask-text") == ""
    server.start()
    wait_connected(page, timeout=30_000)
    expect(page.locator("#questions li.q", has_text=text)).to_be_visible(timeout=30_000)
    expect(page.locator("#mine li.q.sending")).to_have_count(0)
    assert off_loop(_questions_with, text) == 1


def test_a_refused_question_keeps_its_text_and_send_comes_back_after_the_countdown(pages, open_room):
    webinar, (aisyah, _ben) = open_room

    def slow_mode():
        from webinar.models import Webinar

        Webinar.objects.filter(pk=webinar.pk).update(slow_mode_seconds=3)

    off_loop(slow_mode)
    page = pages.attendee(aisyah)
    page.fill("#ask-text", "First question about the slides?")
    page.click("#ask-submit")
    expect(page.locator("#questions li.q", has_text="First question")).to_be_visible()
    second = "Second question, sent too soon?"
    page.fill("#ask-text", second)
    page.click("#ask-submit")
    expect(page.locator("#ask-error")).to_contain_text(re.compile(r"\d+ s"))
    expect(page.locator("#ask-submit")).to_be_disabled()
    assert page.input_value("#ask-text") == second, "the refused text is back in the box"
    expect(page.locator("#ask-submit")).to_be_enabled(timeout=8_000)
    expect(page.locator("#ask-error")).to_have_text("")


def test_own_questions_are_marked_filters_work_and_times_are_relative(pages, open_room):
    asker, other = _asker_and_other(pages, open_room, "Is there a Malay version of the guide?")
    mine = asker.locator("#questions li.q", has_text="Malay version")
    expect(mine.locator(".tag.yours")).to_be_visible()
    expect(mine.locator("time.ago")).to_contain_text(re.compile("now|second|saat|sekarang"))
    theirs = other.locator("#questions li.q", has_text="Malay version")
    expect(theirs).to_be_visible()
    expect(theirs.locator(".tag.yours")).to_have_count(0)
    asker.click("[data-filter=answered]")
    expect(asker.locator("#questions li.q")).to_have_count(0)
    expect(asker.locator("#questions-filtered-empty")).to_be_visible()
    asker.click("[data-filter=open]")
    expect(mine).to_be_visible()


def test_the_counter_counts_code_points_like_the_server(pages, open_room):
    _webinar, (aisyah, _ben) = open_room
    page = pages.attendee(aisyah)
    page.fill("#ask-text", "😀" * 10 + "é")
    expect(page.locator("#ask-counter")).to_have_text(re.compile(r"^11 / "))


def test_after_the_end_the_page_says_ended_once_and_votes_stop(pages, open_room):
    webinar, (aisyah, _ben) = open_room
    asker = pages.attendee(aisyah, "asker")
    asker.fill("#ask-text", "What happens after today?")
    asker.click("#ask-submit")
    expect(asker.locator("#questions li.q", has_text="after today")).to_be_visible()
    host = pages.host(off_loop(lambda: webinar.roles.get().user), webinar)
    host.click("#btn-end")
    host.locator("#host-dialog-ok").click()
    expect(asker.locator("body")).to_have_attribute("data-webinar-status", "ended")
    # One status, in the badge; the pill still tells the connection; nobody is "watching" any more.
    expect(asker.locator("#webinar-status")).to_have_text("Ended")
    expect(asker.locator("#conn")).to_have_text("Connected")
    expect(asker.locator("#watching-line")).to_be_hidden()
    expect(asker.locator("#ask-notice")).to_have_text("Questions and votes are closed.")
    # What the eye sees (the screen reader's announcement of the change is apart): "ended" once.
    seen = asker.evaluate(
        """() => {
          const page = document.body.cloneNode(true);
          page.querySelectorAll("script, .visually-hidden, [hidden]").forEach((node) => node.remove());
          return page.textContent;
        }"""
    )
    assert seen.lower().count("ended") == 1, seen
    vote = asker.locator("#questions li.q .votes button").first
    expect(vote).to_be_disabled()
    expect(vote).to_have_attribute("aria-label", re.compile("after today"))
    # The question box no longer takes typing that could never be sent.
    expect(asker.locator("#ask-text")).to_be_disabled()
    expect(asker.locator("#ask-anonymous")).to_be_disabled()


def test_accessibility_on_a_phone(pages, open_room):
    _webinar, (aisyah, ben) = open_room
    other = pages.attendee(ben, "other")
    page = pages.open("phone", None, **PHONE)
    from urllib.parse import urlparse

    from webinar.services.notifications import join_url

    page.goto(urlparse(off_loop(join_url, aisyah)).path)
    wait_connected(page)
    assert page.locator("a.skip-link[href='#main']").count() == 1
    assert page.evaluate("getComputedStyle(document.getElementById('ask-text')).fontSize") == "16px"
    box = page.locator("#ask-anonymous").bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    other.fill("#ask-text", "Can parents join the next session?")
    other.click("#ask-submit")
    expect(page.locator("#live-announcer")).to_contain_text("Can parents join the next session?")
    vote = page.locator("#questions li.q .votes button").first
    expect(vote).to_have_attribute("aria-label", re.compile(r"Can parents join the next session\?, 0 votes"))
    pages.screenshot(page, "attendee-phone-390x844.png")


def test_the_author_withdraws_an_unanswered_question_from_the_page(pages, open_room):
    asker, other = _asker_and_other(pages, open_room, "Actually, never mind this one?")
    theirs = other.locator("#questions li.q", has_text="never mind")
    expect(theirs).to_be_visible()
    expect(theirs.locator("button.withdraw")).to_have_count(0)
    withdraw = asker.locator("#questions li.q", has_text="never mind").locator("button.withdraw")
    withdraw.click()  # arms it: asks "sure?" in the page
    expect(withdraw).to_have_attribute("data-armed", "true")
    withdraw.click()
    expect(asker.locator("#questions li.q", has_text="never mind")).to_have_count(0)
    expect(theirs).to_have_count(0)
    assert pages.dialogs == []


def test_after_the_end_a_held_question_no_longer_offers_a_review(pages, open_room):
    """No host can approve a held question after the end, so the page stops offering to ask for one,
    for the question it already showed (docs/protocol.md, "After the end")."""
    webinar, (aisyah, _ben) = open_room
    asker = pages.attendee(aisyah, "asker")
    asker.fill("#ask-text", "Slides are at https://example.com/slides, right?")  # links are held by default
    asker.click("#ask-submit")
    held = asker.locator("#mine li.q", has_text="example.com")
    expect(held.locator("button.review")).to_be_visible()
    host = pages.host(off_loop(lambda: webinar.roles.get().user), webinar)
    host.click("#btn-end")
    host.locator("#host-dialog-ok").click()
    expect(asker.locator("body")).to_have_attribute("data-webinar-status", "ended")
    expect(held).to_be_visible()
    expect(held.locator("button.review")).to_have_count(0)


@pytest.mark.parametrize(
    ("language", "joined", "notice", "pill"),
    [
        (
            "en",
            "No longer joined: this registration was cancelled or removed.",
            "You can no longer ask or vote from this browser.",
            "Disconnected",
        ),
        (
            "ms",
            "Tidak lagi menyertai: pendaftaran ini telah dibatalkan atau dipadam.",
            "Anda tidak lagi boleh bertanya atau mengundi dari pelayar ini.",
            "Terputus",
        ),
    ],
)
def test_when_the_registration_is_cancelled_mid_session_the_page_says_so_and_stops_taking_input(
    pages, open_room, language, joined, notice, pill
):
    from urllib.parse import urlparse

    from webinar.services.notifications import cancel_url

    _webinar, (aisyah, _ben) = open_room
    off_loop(lambda: type(aisyah).objects.filter(pk=aisyah.pk).update(language=language))
    aisyah.language = language
    asker = pages.attendee(aisyah, "asker")
    asker.fill("#ask-text", "Typed before the cancel")
    # The attendee cancels from the link in their e-mail, in another tab: the live tab's socket is closed.
    other_tab = asker.context.new_page()
    other_tab.goto(urlparse(cancel_url(aisyah)).path)
    other_tab.locator("form button.danger").click()
    other_tab.wait_for_load_state()
    expect(asker.locator("#joined-as")).to_have_text(joined)
    expect(asker.locator("#ask-notice")).to_contain_text(notice)
    expect(asker.locator("#conn")).to_have_text(pill)
    for control in ("#ask-text", "#ask-anonymous", "#ask-submit"):
        expect(asker.locator(control)).to_be_disabled()
