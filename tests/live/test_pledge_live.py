"""The pledge count reaches campaign pages and the campaign's live pages at once, coalesced like votes."""

from __future__ import annotations

import pytest
from channels.testing import WebsocketCommunicator

from tests.campaigns.conftest import build_series, make_pledge
from tests.factories import make_registration
from tests.live.helpers import ORIGIN, TIMEOUT, Live, db, refusal
from webinar.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)
HEADERS = [(b"host", b"testserver"), (b"origin", ORIGIN)]  # the origin must match the host


def make_campaign(published: bool = True):
    series = build_series(published=published)
    return series, make_pledge(series, ask_institution=False)


def take(pledge, n: int):
    from webinar.campaigns.services.pledges import pledge_take

    return pledge_take(pledge=pledge, name=f"P{n}", email=f"p{n}@example.com", consent=True, method="account")


async def campaign_socket(sockets, slug: str) -> Live:
    comm = WebsocketCommunicator(application, f"/ws/c/{slug}/", headers=HEADERS)
    sockets.opened.append(comm)
    connected, _ = await comm.connect(timeout=TIMEOUT)
    assert connected
    return Live(comm)


async def test_a_campaign_page_hears_the_count_on_connect_and_each_new_pledge(sockets):
    series, pledge = await db(make_campaign)()
    await db(take)(pledge, 1)
    live = await campaign_socket(sockets, series.campaign.slug)
    assert await live.receive() == {"type": "pledge_count", "campaign_id": series.campaign.pk, "count": 1}

    await db(take)(pledge, 2)

    assert await live.receive_until("pledge_count", count=2)


async def test_the_live_page_of_a_campaign_webinar_hears_the_count(sockets):
    series, pledge = await db(make_campaign)()
    registration = await db(make_registration)(series.live)
    attendee = await sockets.attendee(registration)

    await db(take)(pledge, 1)

    message = await attendee.receive_until("pledge_count")
    assert message == {"type": "pledge_count", "campaign_id": series.campaign.pk, "count": 1}


async def test_a_burst_of_pledges_is_one_message_with_the_newest_count(sockets):
    from realtime import broadcast

    series, _pledge = await db(make_campaign)()
    live = await campaign_socket(sockets, series.campaign.slug)
    await live.receive()
    room = broadcast.campaign_room(series.campaign.pk)

    def burst():
        for count in range(1, 11):
            broadcast.publish_pledge_count(room_ids=[room], campaign_id=series.campaign.pk, count=count)

    await db(burst)()

    messages = await live.collect(timeout=broadcast.VOTE_FLUSH_SECONDS * 3)
    assert messages == [{"type": "pledge_count", "campaign_id": series.campaign.pk, "count": 10}]


async def test_an_unpublished_campaign_has_no_public_socket(sockets):
    series, _pledge = await db(make_campaign)(published=False)
    comm = WebsocketCommunicator(application, f"/ws/c/{series.campaign.slug}/", headers=HEADERS)
    sockets.opened.append(comm)
    await comm.connect(timeout=TIMEOUT)
    error, code = await refusal(comm)
    assert (error["code"], code) == ("not_found", 4404)


async def test_the_campaign_socket_only_listens(sockets):
    series, _pledge = await db(make_campaign)()
    live = await campaign_socket(sockets, series.campaign.slug)
    await live.receive()
    await live.send({"type": "ping"})
    assert (await live.receive())["type"] == "pong"
    await live.send({"type": "ask", "client_key": "k", "text": "hello"})
    assert (await live.receive())["code"] == "read_only"
    await live.send_text("not json")
    assert (await live.receive())["type"] == "error"
