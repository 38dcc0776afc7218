"""Budgets on every socket (issue 12): commands cost units counted before any database or Redis work;
over budget the socket is told ``rate_limited`` and closed with 4429, and frames it sent after that do
no work; sockets per registration and connects per address are capped."""

from __future__ import annotations

import json

import pytest

from realtime import budget
from tests.factories import attendee_session
from tests.live.helpers import db
from webinar.models import Question

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_bucket_refuses_what_does_not_fit_and_refills_over_time():
    bucket = budget.Bucket.from_rate("10/10")
    assert bucket.take(10, now=100.0) == 0
    assert bucket.take(1, now=100.0) == pytest.approx(1.0)
    assert bucket.take(1, now=101.0) == 0, "one unit back after a second"


def test_a_client_that_comes_back_before_its_retry_after_gets_no_answer_until_it_has_passed(settings):
    settings.DEWAN_WS_SILENCE_AFTER = 2
    budgets = budget.ProcessBudgets()
    who = ("address", "192.0.2.1")
    # Told to wait 3 s at t=100; back at 100.1 and 100.2 (answered), 100.3 (silent).
    answers = [budgets.refused(who, 3.0, now=100.0 + n / 10).silent for n in range(4)]
    assert answers == [False, False, False, True]
    assert budgets.refused(who, 2.9, now=103.1).silent, "still before the latest Retry-After (103.2)"
    assert not budgets.refused(who, 3.0, now=103.3).silent, "it waited as told: answered, counted afresh"
    assert not budgets.refused(("address", "192.0.2.2"), 3.0, now=100.3).silent, "other addresses unaffected"


def test_a_trusted_proxy_is_judged_by_its_client_address_not_before_the_headers(settings):
    settings.DEWAN_TRUSTED_PROXIES = ["10.0.0.1"]
    settings.DEWAN_WS_CONNECT_RATE = "1/60"
    budgets = budget.ProcessBudgets()
    for address in ("10.0.0.1", "198.51.100.7"):
        assert budgets.connect_allowed(address) == 0
    assert budgets.refuse_early("10.0.0.1") is None, "the proxy's own address says nothing about the client"
    assert budgets.refuse_early("198.51.100.7").wait > 0
    scope = {"client": ("10.0.0.1", 5000), "headers": [(b"x-forwarded-for", b"198.51.100.7")]}
    assert budgets.refuse(scope).wait > 0, "the client behind the proxy is over its connect rate"


async def _closed_with(comm, code: int, *, timeout: float = 5) -> list[dict]:
    """Read until the close; return the messages read; fail unless it closed with ``code``."""
    seen = []
    while True:
        message = await comm.receive_output(timeout)
        if message["type"] == "websocket.close":
            assert message["code"] == code, (message, seen[-3:])
            return seen
        if message.get("text"):
            seen.append(json.loads(message["text"]))


async def test_a_sync_flood_is_closed_with_4429_before_it_costs_a_query_each(room, sockets, settings):
    settings.DEWAN_WS_SOCKET_BUDGET = "50/60"  # five syncs (10 units each)
    aisyah = await sockets.attendee(room.aisyah)
    for _ in range(300):
        await aisyah.comm.send_to(text_data=json.dumps({"type": "sync", "since": 0}))
    seen = await _closed_with(aisyah.comm, budget.CLOSE_OVER_BUDGET)
    errors = [m for m in seen if m["type"] == "error"]
    assert errors and errors[-1]["code"] == "rate_limited" and errors[-1]["retry_after"] > 0
    answered = [m for m in seen if m["type"] == "synced"]
    assert len(answered) <= 5, "at most the five syncs paid for ran; the rest were never run"


async def test_asks_after_the_budget_is_spent_store_nothing(room, sockets, settings):
    settings.DEWAN_WS_SOCKET_BUDGET = "10/60"  # two asks (5 units each)
    aisyah = await sockets.attendee(room.aisyah)
    for n in range(30):
        await aisyah.comm.send_to(
            text_data=json.dumps({"type": "ask", "client_key": f"k{n}", "text": "Why?"})
        )
    await _closed_with(aisyah.comm, budget.CLOSE_OVER_BUDGET)
    assert await db(Question.objects.count)() <= 2


async def test_two_tabs_of_one_registration_share_its_budget(room, sockets, settings):
    settings.DEWAN_WS_REGISTRATION_BUDGET = "60/60"  # two connects and two syncs spend 40
    first = await sockets.attendee(room.aisyah)
    second = await sockets.attendee(room.aisyah)
    for _ in range(12):
        await first.comm.send_to(text_data=json.dumps({"type": "ping"}))
    for _ in range(12):
        await second.comm.send_to(text_data=json.dumps({"type": "ping"}))
    await _closed_with(second.comm, budget.CLOSE_OVER_BUDGET)


async def test_sockets_per_registration_are_capped(room, sockets, settings):
    settings.DEWAN_WS_MAX_SOCKETS_PER_REGISTRATION = 2
    key = await db(attendee_session)(room.aisyah)
    opened = [await sockets.open(room.webinar.slug, session_key=key) for _ in range(3)]
    assert all(connected for connected, _ in opened)
    third = opened[2][1]
    seen = await _closed_with(third, budget.CLOSE_OVER_BUDGET)
    assert seen[-1]["code"] == "rate_limited"
    await opened[0][1].disconnect()  # a slot frees when a tab closes
    connected, again = await sockets.open(room.webinar.slug, session_key=key)
    assert connected and json.loads(await again.receive_from(5))["type"] == "welcome"


async def test_connects_from_one_address_are_rate_limited_before_any_query(room, sockets, settings):
    settings.DEWAN_WS_CONNECT_RATE = "5/60"
    budget.process_budgets().connects.clear()
    answers = []
    for _ in range(8):
        _connected, comm = await sockets.open(room.webinar.slug)  # anonymous: no session
        error = json.loads((await comm.receive_output(5))["text"])
        close = await comm.receive_output(5)
        answers.append((error["code"], close["code"]))
    budget.process_budgets().connects.clear()
    # The first five were identified (a database read) and refused as strangers; the other three
    # were refused before any read: a stranger would otherwise have been told "forbidden".
    assert answers == [("forbidden", 4403)] * 5 + [("rate_limited", budget.CLOSE_OVER_BUDGET)] * 3


async def test_reconnecting_does_not_buy_a_fresh_budget(room, sockets, settings):
    settings.DEWAN_WS_REGISTRATION_BUDGET = "40/60"  # a connect costs 10, a ping 1
    key = await db(attendee_session)(room.aisyah)
    connected, first = await sockets.open(room.webinar.slug, session_key=key)
    assert connected and json.loads(await first.receive_from(5))["type"] == "welcome"
    for _ in range(40):
        await first.send_to(text_data=json.dumps({"type": "ping"}))
    await _closed_with(first, budget.CLOSE_OVER_BUDGET)
    # The only socket closed; a new one of the same registration is refused before it joins the room.
    _connected, again = await sockets.open(room.webinar.slug, session_key=key)
    seen = await _closed_with(again, budget.CLOSE_OVER_BUDGET)
    assert [m["type"] for m in seen] == ["error"] and seen[0]["code"] == "rate_limited"
    assert seen[0]["retry_after"] > 0


def test_a_bucket_in_debt_refuses_until_the_refill_has_paid_it():
    bucket = budget.Bucket.from_rate("60/60")
    bucket.take(20, now=100.0)
    bucket.owe(30, now=100.0)  # 40 left are gone, and 30 more are owed
    assert bucket.wait(10, now=100.0) == pytest.approx(40.0)
    assert bucket.take(10, now=140.0) == 0


async def test_a_socket_closed_over_its_budget_leaves_its_registration_owing_a_penalty(
    room, sockets, settings
):
    settings.DEWAN_WS_SOCKET_BUDGET = "20/60"
    settings.DEWAN_WS_REGISTRATION_BUDGET = "400/60"  # 6.67 units a second
    aisyah = await sockets.attendee(room.aisyah)
    for _ in range(30):
        await aisyah.comm.send_to(text_data=json.dumps({"type": "ping"}))
    seen = await _closed_with(aisyah.comm, budget.CLOSE_OVER_BUDGET)
    # The registration still had 370 units; closing for abuse empties them and owes 100 more, so a new
    # socket (10 units) can open only after (100 + 10) / 6.67 = 16.5 s: retry_after says so.
    error = [m for m in seen if m["type"] == "error"][-1]
    assert error["code"] == "rate_limited" and 16 <= error["retry_after"] <= 17
    assert error["message"] == "Too many messages on this connection. Reconnect in 17 seconds."
    key = await db(attendee_session)(room.aisyah)
    _connected, again = await sockets.open(room.webinar.slug, session_key=key)
    refused = await _closed_with(again, budget.CLOSE_OVER_BUDGET)
    assert [m["code"] for m in refused] == ["rate_limited"]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Too many messages on this connection. Reconnect in 3 seconds."),
        ("ms", "Terlalu banyak mesej pada sambungan ini. Sambung semula dalam 3 saat."),
    ],
)
def test_the_over_budget_message_tells_people_the_wait_in_seconds(language, words):
    """docs/protocol.md: ``message`` is for people; it named the field instead ("after retry_after
    seconds", outside client). The wait is rounded up; ``retry_after`` keeps its decimal."""
    from django.utils import translation

    from realtime.consumers import over_budget_error

    with translation.override(language):
        error = over_budget_error(2.04)
    assert (error["message"], error["retry_after"]) == (words, 2.0)
