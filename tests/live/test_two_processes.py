"""Two real server processes sharing Redis and PostgreSQL show one live state.

A host is connected to process A and attendees to process B: what happens on one side reaches the
other only through the channel layer (Redis pub/sub) and the shared database, as in production
behind a load balancer.
"""

from __future__ import annotations

import asyncio
import json
import os

import pytest
import redis
import websockets

from tests.factories import (
    attendee_session,
    host_session,
    make_host,
    make_live_webinar,
    make_registration,
    make_user,
)
from tests.servers import Server, free_port, server_env, shared_database_url

pytestmark = [
    pytest.mark.needs_redis,
    pytest.mark.needs_postgres,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

TIMEOUT = 10


@pytest.fixture
def two_servers():
    """Processes A and B on the test database and a freshly flushed Redis database."""
    redis_url = os.environ["REDIS_URL"]
    redis.Redis.from_url(redis_url).flushdb()
    servers = []
    try:
        for name in ("A", "B"):
            port = free_port()
            env = server_env(port=port, database_url=shared_database_url(), redis_url=redis_url)
            servers.append(Server(port=port, env=env, name=f"two-processes-{name}").start())
        yield servers
    finally:
        for server in servers:
            server.kill()


class Socket:
    """A websocket client that reads past background messages (presence) to the one it waits for."""

    def __init__(self, connection):
        self.connection = connection

    async def send(self, frame: dict) -> None:
        await self.connection.send(json.dumps(frame))

    async def until(self, type: str, **match) -> dict:
        async def wait():
            while True:
                message = json.loads(await self.connection.recv())
                if message.get("type") == "error":
                    raise AssertionError(f"server error: {message}")
                if message.get("type") == type and all(message.get(k) == v for k, v in match.items()):
                    return message

        return await asyncio.wait_for(wait(), TIMEOUT)


async def join(server: Server, slug: str, session_key: str, mode: str = "attendee") -> Socket:
    connection = await websockets.connect(
        f"{server.ws_url}/ws/w/{slug}/?mode={mode}",
        additional_headers={"Origin": server.url, "Cookie": f"sessionid={session_key}"},
        open_timeout=TIMEOUT,
    )
    socket = Socket(connection)
    await socket.until("welcome")
    await socket.send({"type": "sync"})
    await socket.until("snapshot")
    return socket


async def scenario(a: Server, b: Server, slug: str, host_key: str, asker_key: str, voter_key: str) -> dict:
    host = await join(a, slug, host_key, mode="host")
    asker = await join(b, slug, asker_key)
    voter = await join(b, slug, voter_key)
    try:
        await asker.send({"type": "ask", "client_key": "k1", "text": "Will the recording be shared?"})
        ack = await asker.until("ack", client_key="k1")
        question_id = ack["question"]["id"]
        held = await host.until("staff.question")
        assert held["data"]["question"]["id"] == question_id

        await host.send({"type": "approve", "question_id": question_id})
        published_on_b = await voter.until("question.published")
        published_on_a = await host.until("question.published")

        await voter.send({"type": "vote", "client_key": "v1", "question_id": question_id, "value": True})
        await voter.until("ack", client_key="v1")
        votes_on_a = await host.until("votes")
        return {
            "question_id": question_id,
            "held": held,
            "published_on_b": published_on_b,
            "published_on_a": published_on_a,
            "votes_on_a": votes_on_a,
        }
    finally:
        for socket in (host, asker, voter):
            await socket.connection.close()


def test_a_host_on_one_process_and_attendees_on_another_see_the_same_live_state(two_servers):
    from webinar.models import ScreeningSettings, WebinarEvent

    a, b = two_servers
    webinar = make_live_webinar(organiser=make_user(name="Organiser"))
    host = make_host(webinar, make_user(name="Host"))
    ScreeningSettings.objects.update_or_create(webinar=webinar, defaults={"hold_all": True})
    asker = make_registration(webinar, "Aisyah", "aisyah@example.com")
    voter = make_registration(webinar, "Ben", "ben@example.com")

    seen = asyncio.run(
        scenario(a, b, webinar.slug, host_session(host), attendee_session(asker), attendee_session(voter))
    )

    question_id = seen["question_id"]
    assert seen["held"]["data"]["question"]["status"] == "held"
    published = WebinarEvent.objects.get(webinar=webinar, stream="public", type="question.published")
    assert published.payload["question"]["id"] == question_id
    assert seen["published_on_b"]["seq"] == published.seq
    assert seen["published_on_a"]["seq"] == published.seq
    assert seen["published_on_b"]["data"]["question"]["id"] == question_id
    assert seen["votes_on_a"]["counts"] == {str(question_id): 1}


async def revoked_on(
    server: Server, slug: str, phone_key: str, other_key: str, delete
) -> tuple[dict, int, dict]:
    phone = await join(server, slug, phone_key)
    other = await join(server, slug, other_key)
    try:
        await asyncio.get_running_loop().run_in_executor(None, delete)
        error = None
        try:
            while True:
                message = json.loads(await asyncio.wait_for(phone.connection.recv(), TIMEOUT))
                if message.get("type") == "error":
                    error = message
        except websockets.ConnectionClosed as closed:
            code = closed.rcvd.code if closed.rcvd else None
        await other.send({"type": "ping"})
        pong = await other.until("pong")
        return error, code, pong
    finally:
        for socket in (phone, other):
            await socket.connection.close()


def test_deleting_data_in_another_process_closes_the_attendees_socket_at_once(two_servers):
    """The revoke push crosses processes through Redis: the deletion runs here, the socket is on B."""
    from webinar.models import Registration
    from webinar.services.privacy import attendee_data_delete

    _a, b = two_servers
    webinar = make_live_webinar(organiser=make_user(name="Organiser"))
    aisyah = make_registration(webinar, "Aisyah", "aisyah@example.com")
    ben = make_registration(webinar, "Ben", "ben@example.com")

    def delete():
        attendee_data_delete(registration=Registration.objects.get(pk=aisyah.pk))

    error, code, pong = asyncio.run(
        revoked_on(b, webinar.slug, attendee_session(aisyah), attendee_session(ben), delete)
    )
    assert (error["code"], code) == ("not_registered", 4403)
    assert pong == {"type": "pong"}, "someone else's socket on the same process is untouched"
