"""The campaign socket (``/ws/c/<slug>/``) is guarded as the live socket is (realtime/guard.py,
docs/protocol.md "Connecting" and "Budgets and close codes"): over the process's admission bound it is
refused 1013 with ``retry_after_ms`` before anything is read; it counts against its address's connect
rate and open sockets, shared with live sockets (4429 after the upgrade, HTTP 429 before it); and a
socket that floods frames is told ``rate_limited`` and closed 4429.
"""

from __future__ import annotations

import asyncio
import json
import math

import pytest
import websockets
from channels.testing import WebsocketCommunicator
from websockets.exceptions import InvalidStatus

from realtime import budget
from realtime.admission import admission
from tests.abuse.test_admission import _queries, _server
from tests.campaigns.conftest import build_series, make_pledge
from tests.live.helpers import ORIGIN, TIMEOUT, Live, db, refusal
from webinar.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)
HEADERS = [(b"host", b"testserver"), (b"origin", ORIGIN)]


def published_campaign():
    series = build_series(published=True)
    make_pledge(series, ask_institution=False)
    return series


async def campaign_socket(sockets, slug: str) -> WebsocketCommunicator:
    comm = WebsocketCommunicator(application, f"/ws/c/{slug}/", headers=HEADERS)
    sockets.opened.append(comm)
    connected, _ = await comm.connect(timeout=TIMEOUT)
    assert connected
    return comm


async def test_over_the_admission_bound_a_campaign_socket_is_refused_1013_with_a_retry_hint(
    sockets, settings
):
    series = await db(published_campaign)()
    settings.DEWAN_ADMISSION_MAX_CONNECTING = 1
    admission().admit("a connect still in flight", 0)  # the process is at its bound

    refused = await campaign_socket(sockets, series.campaign.slug)

    error = json.loads((await refused.receive_output(TIMEOUT))["text"])
    close = await refused.receive_output(TIMEOUT)
    assert (error["code"], close["code"]) == ("unavailable", 1013)
    hint_ms = int(close["reason"].removeprefix("retry_after_ms="))
    assert hint_ms > 0 and error["retry_after"] == pytest.approx(hint_ms / 1000, abs=0.001)
    assert (admission().refused, admission().admitted) == (1, 1), "refused without being served"

    admission().done("a connect still in flight", measured=False)
    admitted = Live(await campaign_socket(sockets, series.campaign.slug))
    assert (await admitted.receive())["type"] == "pledge_count"
    assert admission().connecting == 0, "caught up once its count is sent: its slot is free again"


async def test_campaign_and_live_sockets_share_their_addresss_cap_of_open_sockets(room, sockets, settings):
    series = await db(published_campaign)()
    settings.DEWAN_WS_MAX_SOCKETS_PER_ADDRESS = 2
    live = await sockets.attendee(room.aisyah)
    first = Live(await campaign_socket(sockets, series.campaign.slug))
    assert (await first.receive())["type"] == "pledge_count"

    error, code = await refusal(await campaign_socket(sockets, series.campaign.slug))

    assert (error["code"], code, error["retry_after"]) == ("rate_limited", budget.CLOSE_OVER_BUDGET, 5)
    await live.comm.disconnect()  # a slot frees when any socket of the address closes
    again = Live(await campaign_socket(sockets, series.campaign.slug))
    assert (await again.receive())["type"] == "pledge_count"


async def test_campaign_connects_count_against_the_addresss_connect_rate(sockets, settings):
    series = await db(published_campaign)()
    settings.DEWAN_WS_CONNECT_RATE = "2/600"
    for _ in range(2):
        comm = await campaign_socket(sockets, series.campaign.slug)
        assert json.loads(await comm.receive_from(TIMEOUT))["type"] == "pledge_count"
        await comm.disconnect()

    error, code = await refusal(await campaign_socket(sockets, series.campaign.slug))

    assert (error["code"], code) == ("rate_limited", budget.CLOSE_OVER_BUDGET)
    assert 290 <= error["retry_after"] <= 300, "one connect refills in 300 s"


async def test_a_campaign_socket_that_floods_frames_is_closed_4429_and_the_rest_is_dropped(sockets, settings):
    series = await db(published_campaign)()
    settings.DEWAN_WS_SOCKET_BUDGET = "10/60"  # ten pings
    comm = await campaign_socket(sockets, series.campaign.slug)
    await comm.receive_from(TIMEOUT)  # the count
    for _ in range(50):
        await comm.send_to(text_data='{"type":"ping"}')
    seen = []
    while (message := await comm.receive_output(TIMEOUT))["type"] != "websocket.close":
        seen.append(json.loads(message["text"]))
    assert message["code"] == budget.CLOSE_OVER_BUDGET
    assert [m["type"] for m in seen] == ["pong"] * 10 + ["error"], "the ten paid for, then the reason"
    assert seen[-1]["code"] == "rate_limited" and seen[-1]["retry_after"] > 0
    # The words say the wait in seconds, as the live socket's do, not the field's name.
    seconds = max(1, math.ceil(seen[-1]["retry_after"]))
    assert seen[-1]["message"] == f"Too many messages on this connection. Reconnect in {seconds} seconds."


@pytest.mark.slow
def test_an_address_over_its_connect_rate_is_refused_429_on_the_campaign_socket_before_any_query():
    server = _server("campaign-admission-rate", DEWAN_WS_CONNECT_RATE="2/600")
    try:
        slug = published_campaign().campaign.slug

        async def scenario():
            url = f"{server.ws_url}/ws/c/{slug}/"
            for _ in range(2):
                async with websockets.connect(url, additional_headers={"Origin": server.url}) as socket:
                    assert json.loads(await asyncio.wait_for(socket.recv(), 10))["type"] == "pledge_count"
            await asyncio.sleep(1)  # the closed sockets' own clean-up is done
            before = await asyncio.to_thread(_queries, server)
            with pytest.raises(InvalidStatus) as refused:
                await websockets.connect(url, additional_headers={"Origin": server.url})
            after = await asyncio.to_thread(_queries, server)
            return refused.value.response, after - before

        response, queries = asyncio.run(scenario())
    finally:
        server.kill()
    assert response.status_code == 429
    assert 290 <= int(response.headers["Retry-After"]) <= 300
    assert queries == 0, f"refused before any database read ({queries} queries)"
