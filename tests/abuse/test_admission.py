"""Connects refused before the websocket upgrade, and input parsed a bounded slice at a time (issue 12).

Against a real Uvicorn process with the documented flags (``realtime/wsprotocol.py`` is the protocol
layer): an upgrade request from an address over its connect rate or open sockets, or from a session whose
registration (or host account) cannot pay for a new socket or has its cap of sockets open, is answered
HTTP 429 with ``Retry-After`` without the application running and without a database query; and a burst
of frames in one write is parsed a slice per loop iteration, so another socket is answered meanwhile.
"""

from __future__ import annotations

import asyncio
import json
import math
import socket
import time

import pytest
import websockets
from django.conf import settings
from websockets.exceptions import InvalidStatus

from realtime import wsprotocol
from tests.factories import (
    attendee_session,
    host_session,
    make_host,
    make_live_webinar,
    make_registration,
    make_user,
)
from tests.servers import (
    HTTP_PROTOCOL,
    NO_BACKGROUND_SWEEPS,
    Server,
    free_port,
    open_live_socket,
    server_env,
    shared_database_url,
    spend_until_closed,
)

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _server(name: str, *, http: str = HTTP_PROTOCOL, **settings: str) -> Server:
    """A server with the counters of ``bench/instrumented_asgi.py`` (queries run by the process), and no
    background sweeps to add queries of their own."""
    port = free_port()
    env = server_env(port=port, database_url=shared_database_url(), **{**NO_BACKGROUND_SWEEPS, **settings})
    return Server(port=port, env=env, name=name, app="bench.instrumented_asgi:app", http=http).start()


def _queries(server: Server) -> int:
    import urllib.request

    with urllib.request.urlopen(f"{server.url}/__bench/stats", timeout=10) as answer:  # noqa: S310  # nosec B310 (loopback)
        return json.loads(answer.read())["queries"]


async def _refused_before_upgrade(
    server: Server, slug: str, session_key: str = "", *, mode: str = "attendee"
):
    """The HTTP status and ``Retry-After`` of an upgrade request the server did not accept (else fail)."""
    cookie = {"Cookie": f"sessionid={session_key}"} if session_key else {}
    with pytest.raises(InvalidStatus) as refused:
        await websockets.connect(
            f"{server.ws_url}/ws/w/{slug}/?mode={mode}", additional_headers={"Origin": server.url, **cookie}
        )
    response = refused.value.response
    return response.status_code, response.headers.get("Retry-After"), response.body.decode()


async def _over_budget(live) -> float:
    """Ping (reading meanwhile) until the server closes the socket with 4429 as the budget runs out;
    the ``retry_after`` it told."""
    errors, closed = await spend_until_closed(live, '{"type":"ping"}', frames=500)
    assert closed.rcvd is not None and closed.rcvd.code == 4429
    assert errors and errors[-1]["code"] == "rate_limited"
    return errors[-1]["retry_after"]


def test_a_registration_that_cannot_pay_for_a_socket_is_refused_with_429_before_any_query():
    # A connect costs 10 units, a ping 1: one socket and ten pings spend the registration's budget,
    # which takes 10 minutes to refill.
    server = _server("admission-registration", DEWAN_WS_REGISTRATION_BUDGET="20/600")
    try:
        webinar = make_live_webinar()
        key = attendee_session(make_registration(webinar))
        bystander = attendee_session(make_registration(webinar))

        async def scenario():
            told = await _over_budget(await open_live_socket(server, webinar.slug, key))
            await asyncio.sleep(1)  # the closed socket's own clean-up is done
            before = await asyncio.to_thread(_queries, server)
            refused = [await _refused_before_upgrade(server, webinar.slug, key) for _ in range(3)]
            after = await asyncio.to_thread(_queries, server)
            other = await open_live_socket(server, webinar.slug, bystander)  # others still connect
            await other.close()
            return told, refused, after - before

        told, refused, queries = asyncio.run(scenario())
    finally:
        server.kill()
    for status, retry_after, body in refused:
        assert status == 429
        assert int(retry_after) >= 1, "Retry-After: when the registration can pay for a socket again"
        assert int(retry_after) <= math.ceil(told), "the 4429's retry_after already said to wait that long"
        unit = "second" if int(retry_after) == 1 else "seconds"
        assert f"Retry after {retry_after} {unit}." in body
    assert queries == 0, f"refused before the session or the registration was read ({queries} queries)"


def test_a_host_account_has_a_budget_that_reconnecting_does_not_refill():
    server = _server("admission-host", DEWAN_WS_REGISTRATION_BUDGET="20/600")
    try:
        webinar = make_live_webinar()
        key = host_session(make_host(webinar, make_user(name="Host of the flood")))

        async def scenario():
            await _over_budget(await open_live_socket(server, webinar.slug, key, mode="host"))
            return await _refused_before_upgrade(server, webinar.slug, key, mode="host")

        status, retry_after, _body = asyncio.run(scenario())
    finally:
        server.kill()
    assert status == 429 and int(retry_after) >= 1


def test_the_sockets_of_a_registration_over_its_cap_are_refused_with_429_until_one_closes():
    server = _server("admission-cap", DEWAN_WS_MAX_SOCKETS_PER_REGISTRATION="1")
    try:
        webinar = make_live_webinar()
        key = attendee_session(make_registration(webinar))

        async def scenario():
            first = await open_live_socket(server, webinar.slug, key)
            refused = await _refused_before_upgrade(server, webinar.slug, key)
            await first.close()
            await asyncio.sleep(0.5)  # the server counts the close
            again = await open_live_socket(server, webinar.slug, key)
            await again.close()
            return refused

        status, retry_after, _body = asyncio.run(scenario())
    finally:
        server.kill()
    assert (status, retry_after) == (429, "5")


@pytest.mark.parametrize(
    "http",
    [HTTP_PROTOCOL, "httptools"],
    ids=["in-the-http-layer", "by-the-websocket-protocol-under-uvicorns-own-http"],
)
def test_an_address_over_its_connect_rate_is_refused_with_429_before_any_query(http):
    server = _server("admission-rate", http=http, DEWAN_WS_CONNECT_RATE="2/600")
    try:
        webinar = make_live_webinar()
        key = attendee_session(make_registration(webinar))

        async def scenario():
            for _ in range(2):
                live = await open_live_socket(server, webinar.slug, key)
                await live.close()
            await asyncio.sleep(1)  # the closed sockets' own clean-up is done
            before = await asyncio.to_thread(_queries, server)
            stranger = await _refused_before_upgrade(server, webinar.slug)  # no session: refused all the same
            known = await _refused_before_upgrade(server, webinar.slug, key)
            after = await asyncio.to_thread(_queries, server)
            return stranger, known, after - before

        stranger, known, queries = asyncio.run(scenario())
    finally:
        server.kill()
    assert stranger[0] == known[0] == 429
    assert 290 <= int(known[1]) <= 300, "one connect refills in 300 s"
    assert queries == 0, f"refused before any database read ({queries} queries)"


def test_an_address_with_its_cap_of_open_sockets_is_refused_with_429_until_one_closes():
    server = _server("admission-open", DEWAN_WS_MAX_SOCKETS_PER_ADDRESS="2")
    try:
        webinar = make_live_webinar()
        keys = [attendee_session(make_registration(webinar)) for _ in range(3)]

        async def scenario():
            opened = [await open_live_socket(server, webinar.slug, key) for key in keys[:2]]
            refused = await _refused_before_upgrade(server, webinar.slug, keys[2])
            await opened[0].close()
            await asyncio.sleep(0.5)
            third = await open_live_socket(server, webinar.slug, keys[2])
            for live in (opened[1], third):
                await live.close()
            return refused

        status, retry_after, _body = asyncio.run(scenario())
    finally:
        server.kill()
    assert (status, retry_after) == (429, "5")


def _upgrade_request(server: Server, slug: str, session_key: str = "") -> bytes:
    """The upgrade request ``open_live_socket`` makes (the same URL: the session is known by it)."""
    cookie = f"Cookie: sessionid={session_key}\r\n" if session_key else ""
    return (
        f"GET /ws/w/{slug}/?mode=attendee HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nUpgrade: websocket\r\n"
        "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        f"Origin: {server.url}\r\n{cookie}\r\n"
    ).encode()


def _answer(server: Server, request: bytes) -> bytes:
    """Everything the server writes back to ``request`` before it closes the connection (b"": nothing,
    the connection was reset or closed without an answer). Fails if the server keeps it open 5 s."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(request)
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
                if received.startswith(b"HTTP/1.1 101"):
                    return received  # upgraded: it stays open
        except ConnectionResetError:
            pass
        return received


def _retry_after(answer: bytes) -> int:
    assert answer.startswith(b"HTTP/1.1 429 "), answer[:80]
    return int(answer.split(b"Retry-After: ", 1)[1].split(b"\r\n", 1)[0])


def _page_status(server: Server) -> int:
    import urllib.request

    with urllib.request.urlopen(f"{server.url}/accounts/login/", timeout=10) as page:  # noqa: S310  # nosec B310 (loopback)
        return page.status


def test_an_address_over_its_connect_rate_is_answered_from_the_request_line_alone():
    """Refused before the request is parsed: the request line is enough, the headers never come."""
    server = _server("admission-line", DEWAN_WS_CONNECT_RATE="1/600")
    try:
        webinar = make_live_webinar()
        key = attendee_session(make_registration(webinar))

        async def scenario():
            await (await open_live_socket(server, webinar.slug, key)).close()

        asyncio.run(scenario())
        started = time.monotonic()
        answer = _answer(server, f"GET /ws/w/{webinar.slug}/ HTTP/1.1\r\n".encode())
        took = time.monotonic() - started
    finally:
        server.kill()
    assert 590 <= _retry_after(answer) <= 600
    assert took < 2, f"answered at once, without waiting for the headers ({took:.1f} s)"


def test_an_address_that_ignores_retry_after_is_reset_without_an_answer_until_it_has_waited():
    # One connect per 4 s: after the first socket, the address is told to wait up to 4 s.
    server = _server("admission-silence", DEWAN_WS_CONNECT_RATE="1/4")
    try:
        webinar = make_live_webinar()
        key = attendee_session(make_registration(webinar))

        async def connect():
            await (await open_live_socket(server, webinar.slug, key)).close()

        asyncio.run(connect())
        request = _upgrade_request(server, webinar.slug, key)
        answered = [_answer(server, request) for _ in range(1 + settings.DEWAN_WS_SILENCE_AFTER)]
        told_until = time.monotonic() + min(_retry_after(a) for a in answered)
        ignored = [_answer(server, request) for _ in range(3)]
        page = _page_status(server)  # plain HTTP from the address is still served
        time.sleep(max(0.0, told_until - time.monotonic()) + 1.2)  # + the rounding up of Retry-After
        asyncio.run(connect())  # it waited as told: admitted again
    finally:
        server.kill()
    assert all(1 <= _retry_after(a) <= 4 for a in answered), "429, then DEWAN_WS_SILENCE_AFTER times more"
    assert ignored == [b""] * 3, "came back too early again: no answer at all"
    assert page == 200


def test_a_session_that_ignores_retry_after_is_reset_and_its_neighbours_still_connect():
    server = _server("admission-silence-session", DEWAN_WS_REGISTRATION_BUDGET="20/600")
    try:
        webinar = make_live_webinar()
        key = attendee_session(make_registration(webinar))
        neighbour = attendee_session(make_registration(webinar))  # same address, another registration

        async def spend():
            await _over_budget(await open_live_socket(server, webinar.slug, key))
            await asyncio.sleep(1)  # the closed socket's own clean-up is done

        asyncio.run(spend())
        request = _upgrade_request(server, webinar.slug, key)
        answered = [_answer(server, request) for _ in range(1 + settings.DEWAN_WS_SILENCE_AFTER)]
        ignored = _answer(server, request)

        async def neighbour_connects():
            await (await open_live_socket(server, webinar.slug, neighbour)).close()

        asyncio.run(neighbour_connects())
    finally:
        server.kill()
    assert all(_retry_after(a) >= 1 for a in answered)
    assert ignored == b""


def _masked(text: str) -> bytes:
    payload = text.encode()
    assert len(payload) < 126
    mask = b"\x01\x02\x03\x04"
    return bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def _frames_in(data: bytes) -> list[bytes]:
    """The payloads of the server's (unmasked) frames in ``data``, after the upgrade response."""
    pos, out = data.find(b"\r\n\r\n") + 4, []
    while len(data) - pos >= 2:
        length, header = data[pos + 1] & 0x7F, 2
        if length == 126:
            length, header = int.from_bytes(data[pos + 2 : pos + 4], "big"), 4
        if len(data) - pos < header + length:
            break
        out.append(data[pos + header : pos + header + length])
        pos += header + length
    return out


def _read_pongs(sock: socket.socket, received: bytes, expected: int) -> list[float]:
    """Read ``sock`` until ``expected`` pongs came (or 5 s of silence); when each pong arrived."""
    arrived: list[float] = []
    sock.settimeout(5)
    try:
        while len(arrived) < expected:
            received += sock.recv(1 << 20)
            now = time.monotonic()
            pongs = sum(1 for f in _frames_in(received) if f == b'{"type":"pong"}')
            arrived += [now] * (pongs - len(arrived))
    except TimeoutError:
        pass
    return arrived


def test_a_burst_in_one_write_is_parsed_a_slice_at_a_time_and_others_are_answered_meanwhile():
    burst = 5000  # pings of 21 bytes: about 100 KiB in one write, over 50 slices of FEED_BYTES
    server = _server(
        "admission-slices", DEWAN_WS_MAX_PENDING_REPLIES="100000", DEWAN_WS_SOCKET_BUDGET="100000/60"
    )
    try:
        webinar = make_live_webinar()
        writer_key, bystander_key = (attendee_session(make_registration(webinar)) for _ in range(2))

        async def scenario():
            bystander = await open_live_socket(server, webinar.slug, bystander_key)
            writer = socket.create_connection(("127.0.0.1", server.port))
            writer.sendall(
                (
                    f"GET /ws/w/{webinar.slug}/ HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                    "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    f"Origin: {server.url}\r\nCookie: sessionid={writer_key}\r\n\r\n"
                ).encode()
            )
            writer.settimeout(10)
            received = writer.recv(1 << 16)
            while b'"welcome"' not in received:
                received += writer.recv(1 << 16)
            writer.sendall(_masked('{"type":"ping"}') * burst)  # all of it in the server's socket buffer
            reading = asyncio.create_task(asyncio.to_thread(_read_pongs, writer, received, burst))
            await bystander.send('{"type":"ping"}')
            while json.loads(await asyncio.wait_for(bystander.recv(), 10))["type"] != "pong":
                pass
            answered_at = time.monotonic()
            arrived = await reading
            writer.close()
            await bystander.close()
            return arrived, answered_at

        arrived, answered_at = asyncio.run(scenario())
    finally:
        server.kill()
    assert len(arrived) == burst, "every frame of the burst was answered"
    after = sum(1 for at in arrived if at > answered_at)
    assert after >= burst // 2, (
        f"the bystander was answered while the burst was still being parsed ({wsprotocol.FEED_BYTES} "
        f"bytes per loop iteration), not after it: only {after} of {burst} pongs came later"
    )
