"""R5: Redis killed mid-session (a real redis-server, killed by its PID).

A Uvicorn server uses a redis-server of the test's own for the channel layer, cache (rate limits)
and presence, and PostgreSQL for everything else. Redis is SIGKILLed while a host and attendees
are connected: pages keep answering, a question asked during the outage is either stored or
refused with ``unavailable`` and then stored once on a retry with the same ``client_key``; after
Redis comes back empty, the server's hub is subscribed to the webinar again and reconnecting
clients that ``sync`` from their cursors get what they missed exactly once.
"""

from __future__ import annotations

import asyncio
import urllib.request

import pytest

from tests.factories import (
    attendee_session,
    host_session,
    make_host,
    make_live_webinar,
    make_registration,
    make_user,
)
from tests.reliability.clients import ProtocolClient
from tests.servers import Server, free_port, server_env, shared_database_url

pytestmark = [pytest.mark.needs_postgres, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

QUESTIONS = [
    "Will the slides be shared after the session?",
    "How do we apply for the new grant next year?",
    "Is the recording going to be available on the website?",
    "Which ministry is responsible for the rollout in Sabah?",
]


def http_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - local URL
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


async def ask_until_stored(client: ProtocolClient, key: str, text: str, *, attempts: int = 20) -> dict:
    """Ask; on ``unavailable`` wait and re-send the same frame (reconnecting if the socket dropped)."""
    frame = {"type": "ask", "client_key": key, "text": text}
    await client.command(frame)
    for _ in range(attempts):
        try:
            reply = await client.reply(key, timeout=3)
        except TimeoutError:
            reply = None
        if reply is not None and reply["type"] == "ack":
            return reply
        assert reply is None or reply["code"] == "unavailable", reply
        client.replies.pop(key, None)
        await asyncio.sleep(0.5)
        if client.open:
            await client.command(frame)
        else:
            await client.close()
            try:
                await client.connect()  # re-sends the pending frame after the sync
            except Exception:  # noqa: S112 - the server is still failing: keep retrying
                continue
    raise AssertionError(f"{key} never acknowledged")


async def reconnect(client: ProtocolClient, *, attempts: int = 40) -> None:
    """What the browser client does on close: back off, reconnect, sync from the cursors."""
    await client.close()
    for _ in range(attempts):
        try:
            await client.connect()
            return
        except Exception:
            await asyncio.sleep(0.25)
    raise AssertionError("could not reconnect")


async def scenario(server: Server, redis, slug: str, keys: dict) -> dict:
    def client(name, mode="attendee"):
        return ProtocolClient(
            ws_url=server.ws_url, origin=server.url, slug=slug, session_key=keys[name], mode=mode
        )

    host, asker, watcher = client("host", "host"), client("asker"), client("watcher")
    for c in (host, asker, watcher):
        await c.connect()
    start = {"watcher": watcher.seq, "host": (host.seq, host.staff_seq)}
    try:
        first = await ask_until_stored(asker, "q1", QUESTIONS[0])
        q1 = first["question"]["id"]
        await host.until(lambda e: e["type"] == "staff.question" and e["data"]["question"]["id"] == q1)

        redis.kill()
        pages = {
            path: await asyncio.to_thread(http_status, server.url + path)
            for path in ("/", f"/w/{slug}/", "/accounts/login/")
        }
        # During the outage: one attempt. Either stored now, or refused with a clear error.
        await asker.command({"type": "ask", "client_key": "q2", "text": QUESTIONS[1]})
        try:
            during = await asker.reply("q2", timeout=5)
        except TimeoutError:
            during = None  # no reply (the socket dropped): fails below
        asker.replies.pop("q2", None)

        redis.start()  # the same port, empty
        await asyncio.sleep(1.5)  # the layer's pub/sub reconnects within about a second
        second = await ask_until_stored(asker, "q2", QUESTIONS[1])

        # Live delivery after the restart on sockets that never reconnected, if they are still open:
        # the hub must be subscribed again, or these would never hear of q3.
        still_open = {name: c.open for name, c in (("host", host), ("watcher", watcher))}
        third = await ask_until_stored(asker, "q3", QUESTIONS[2])
        q3 = third["question"]["id"]
        live = {}
        for name, c in (("host", host), ("watcher", watcher)):
            if c.open:
                try:
                    await c.until(
                        lambda e: (
                            e["type"] in {"staff.question", "question.published"}
                            and e["data"].get("question", {}).get("id") == q3
                        ),
                        timeout=5,
                    )
                    live[name] = True
                except TimeoutError:
                    live[name] = False

        # Everyone reconnects and syncs from their cursors, as the browser client does.
        for c in (host, watcher):
            await reconnect(c)
        return {
            "pages": pages,
            "during": during,
            "ids": [q1, second["question"]["id"], q3],
            "acks": [first, second, third],
            "start": start,
            "still_open": still_open,
            "live": live,
            "watcher_events": list(watcher.applied),
            "host_events": list(host.applied),
            "watcher_seq": watcher.seq,
            "host_cursors": (host.seq, host.staff_seq),
        }
    finally:
        for c in (host, asker, watcher):
            await c.close()


def test_r05_redis_killed_mid_session_loses_nothing_and_clients_resync(redis_process):
    from webinar.models import Question, WebinarEvent

    webinar = make_live_webinar(organiser=make_user(name="Organiser"))
    host = make_host(webinar, make_user(name="Host"))
    asker = make_registration(webinar, "Aisyah", "aisyah@example.com")
    watcher = make_registration(webinar, "Ben", "ben@example.com")
    keys = {
        "host": host_session(host),
        "asker": attendee_session(asker),
        "watcher": attendee_session(watcher),
    }

    port = free_port()
    env = server_env(port=port, database_url=shared_database_url(), redis_url=redis_process.url)
    server = Server(port=port, env=env, name="r05").start()
    try:
        seen = asyncio.run(scenario(server, redis_process, webinar.slug, keys))
    finally:
        server.kill()

    # HTTP pages kept answering while Redis was dead.
    assert seen["pages"] == {"/": 200, f"/w/{webinar.slug}/": 200, "/accounts/login/": 200}, server.log()
    # During the outage the ask was either stored or refused with a clear, retryable error.
    during = seen["during"]
    assert during is not None, f"the ask during the outage got no reply:\n{server.log()}"
    assert during["type"] == "ack" or (during["code"] == "unavailable" and during["client_key"] == "q2"), (
        during
    )
    # Nothing lost, nothing duplicated: one question per client_key, the acks name them.
    stored = dict(Question.objects.filter(webinar=webinar).values_list("client_key", "pk"))
    assert stored == dict(zip(["q1", "q2", "q3"], seen["ids"], strict=True))
    # After reconnecting and syncing, each viewer applied every event of its streams once, in order.
    public = list(WebinarEvent.objects.filter(webinar=webinar, stream="public").order_by("seq"))
    staff = list(WebinarEvent.objects.filter(webinar=webinar, stream="staff").order_by("seq"))
    last_public, last_staff = (public[-1].seq if public else 0), staff[-1].seq
    watcher_seqs = [e["seq"] for e in seen["watcher_events"]]
    assert watcher_seqs == list(range(seen["start"]["watcher"] + 1, last_public + 1))
    host_public = [e["seq"] for e in seen["host_events"] if e["stream"] == "public"]
    host_staff = [e["seq"] for e in seen["host_events"] if e["stream"] == "staff"]
    assert host_public == list(range(seen["start"]["host"][0] + 1, last_public + 1))
    assert host_staff == list(range(seen["start"]["host"][1] + 1, last_staff + 1))
    staff_ids = [e["data"]["question"]["id"] for e in seen["host_events"] if e["type"] == "staff.question"]
    assert set(seen["ids"]) <= set(staff_ids)
    # Sockets that stayed open through the restart heard q3 live: the hub re-joined its group.
    for name, was_open in seen["still_open"].items():
        if was_open:
            assert seen["live"].get(name), f"{name} stayed connected but missed q3 live:\n{server.log()}"
