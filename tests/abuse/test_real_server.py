"""Issue 12 against a real Uvicorn server started with the documented flags (tests/servers.py):
spoofed X-Forwarded-For does not dodge the per-address limit, registration never answers 500 with
Redis killed, and a frame just over the app's cap is answered ``frame_too_large`` by the app."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
import websockets

from tests.factories import attendee_session, make_live_webinar, make_registration
from tests.servers import Server, free_port, server_env, shared_database_url

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


class Browser:
    """Cookies and CSRF like a browser, against one server."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect()
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=15) as response:
            return response.read().decode()

    def post(self, path: str, data: dict, headers: dict | None = None) -> int:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(path)).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(  # noqa: S310 - local URL
            self.base + path, data=body, headers={"Referer": self.base + path, **(headers or {})}
        )
        try:
            with self.opener.open(request, timeout=15) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _register(server: Server, slug: str, n: int, **headers) -> int:
    data = {"name": f"Person {n}", "email": f"p{n}@example.com", "language": "en", "consent": "on"}
    return Browser(server.url).post(f"/w/{slug}/", data, headers)


def test_spoofed_forwarded_for_does_not_dodge_the_limit_and_killed_redis_never_gives_500(redis_process):
    webinar = make_live_webinar()
    port = free_port()
    env = server_env(
        port=port,
        database_url=shared_database_url(),
        redis_url=redis_process.url,
        DEWAN_REGISTRATION_RATE="10/m",
    )
    server = Server(port=port, env=env, name="abuse-http").start()
    try:
        spoofed = [
            _register(server, webinar.slug, n, **{"X-Forwarded-For": f"203.0.113.{n}"}) for n in range(14)
        ]
        assert spoofed.count(302) <= 10 and spoofed[-1] == 429, spoofed

        redis_process.kill()
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", redis_process.port), timeout=1)  # the fault fired
        during = [_register(server, webinar.slug, 100 + n) for n in range(3)]
        assert 500 not in during and set(during) <= {302, 429}, (during, server.log())
    finally:
        server.kill()


def test_a_frame_just_over_the_apps_cap_is_answered_frame_too_large_and_the_socket_stays(settings):
    webinar = make_live_webinar()
    key = attendee_session(make_registration(webinar))
    port = free_port()
    server = Server(
        port=port, env=server_env(port=port, database_url=shared_database_url()), name="abuse-frame"
    )
    server.start()

    async def scenario():
        async with websockets.connect(
            f"{server.ws_url}/ws/w/{webinar.slug}/",
            additional_headers={"Origin": server.url, "Cookie": f"sessionid={key}"},
            max_size=2**22,
        ) as live:
            assert json.loads(await live.recv())["type"] == "welcome"
            await live.send("x" * (settings.DEWAN_WS_MAX_FRAME_BYTES + 1))
            while (reply := json.loads(await asyncio.wait_for(live.recv(), 10)))["type"] != "error":
                pass
            await live.send(json.dumps({"type": "ping"}))
            while (pong := json.loads(await asyncio.wait_for(live.recv(), 10)))["type"] != "pong":
                pass
            return reply, pong

    try:
        reply, pong = asyncio.run(scenario())
    finally:
        server.kill()
    assert reply["code"] == "frame_too_large"
    assert pong["type"] == "pong", "the socket stays usable"
