"""An author's own question never stays stale in the browser: while one waits (pending, checking, a care item
without a reply), the page re-syncs every ``config.own_resync_seconds`` without reconnecting
(docs/protocol.md, client rule 10)."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import running_server
from tests.browser.helpers import off_loop, question_asked, wait_connected

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shared_server(request, django_db_setup):
    """This module's server re-syncs waiting questions every second (0.7-1.3 s), not every 15."""
    yield from running_server(request, DEWAN_OWN_RESYNC_SECONDS="1")


def set_status(question_id: int, **fields) -> None:
    """Write a question's status as a worker would, with nothing published: the hub never hears of it."""
    from webinar.models import Question

    off_loop(lambda: Question.objects.filter(pk=question_id).update(**fields))


def test_a_care_decision_and_reply_written_unheard_reach_the_author_by_the_periodic_resync_which_then_stops(
    pages, room
):
    from webinar.services.notifications import join_url

    aisyah = room.registrations[0]
    question = question_asked(room, aisyah, "I feel like giving up on everything after this scam", "k1")
    set_status(question.pk, status="checking")
    page = pages.open("author", "")
    syncs: list[dict] = []
    sockets = []

    def on_socket(ws) -> None:
        sockets.append(ws)
        ws.on("framesent", lambda text: syncs.extend(f for f in [json.loads(text)] if f["type"] == "sync"))

    page.on("websocket", on_socket)
    page.goto(urlparse(join_url(aisyah)).path)
    page.wait_for_url(re.compile(r"/live/$"))
    wait_connected(page)
    expect(page.locator("#mine .tag.checking")).to_be_visible()

    set_status(question.pk, status="care", care=True)  # the decision, and its mine.question lost
    expect(page.locator("#mine .tag.care")).to_be_visible()
    expect(page.locator("#mine .notice").first).to_contain_text("passed to our hosts privately")
    assert syncs[0] == {"type": "sync", "since": None, "staff_since": None}  # the connect's
    assert len(syncs) >= 2 and all(isinstance(s["since"], int) for s in syncs[1:])  # from the cursor

    set_status(question.pk, care_reply="You are not alone: a host will call you")  # the reply, also lost
    expect(page.locator("#mine .care-reply")).to_contain_text("You are not alone")
    assert len(sockets) == 1  # without reconnecting

    settled = len(syncs)  # nothing waits any more: no re-sync in twice the longest interval (1.3 s)
    page.wait_for_timeout(2600)
    assert len(syncs) == settled
