"""Two deployments on one Redis server (issue 12): deployment A (a real Uvicorn server on database
number 0) and deployment B (database number 1, another database) each use their own namespace, derived
from their database, so B never hears A's staff events. A listener configured as A does hear them: the
test would catch a shared namespace."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time

import pytest
import websockets

from tests.factories import (
    attendee_session,
    host_session,
    make_host,
    make_live_webinar,
    make_registration,
    make_user,
)
from tests.servers import ROOT, Server, free_port, server_env, shared_database_url

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LISTEN = r"""
import asyncio, json, sys
import django
django.setup()
from channels.layers import get_channel_layer
from django.conf import settings
from realtime.broadcast import group_name

async def main():
    layer = get_channel_layer()
    channel = await layer.new_channel("probe.")
    await layer.group_add(group_name(int(sys.argv[1])), channel)
    print(json.dumps({"ready": settings.DEWAN_INSTANCE}), flush=True)
    heard = []
    try:
        while True:
            message = await asyncio.wait_for(layer.receive(channel), float(sys.argv[2]))
            heard.append(message.get("text") or message.get("kind"))
    except asyncio.TimeoutError:
        pass
    print(json.dumps({"heard": heard}), flush=True)

asyncio.run(main())
"""


def _listener(*, database_url: str, redis_url: str, webinar_id: int, seconds: float) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "DEWAN_INSTANCE"}  # the derived default
    env.update(DJANGO_SETTINGS_MODULE="webinar.settings", DATABASE_URL=database_url, REDIS_URL=redis_url)
    process = subprocess.Popen(
        [sys.executable, "-c", LISTEN, str(webinar_id), str(seconds)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process


def _ready(process: subprocess.Popen) -> str:
    line = process.stdout.readline()
    assert line, process.stderr.read()
    return json.loads(line)["ready"]


def test_deployment_b_on_another_database_number_never_hears_deployment_as_staff_events(
    redis_process, tmp_path
):
    webinar = make_live_webinar(organiser=make_user(name="Organiser"))
    host = make_host(webinar, make_user(name="Host"))
    aisyah = make_registration(webinar, "Aisyah", "aisyah@example.com")
    base = redis_process.url.rsplit("/", 1)[0]
    a_database = shared_database_url()
    port = free_port()
    env = server_env(port=port, database_url=a_database, redis_url=f"{base}/0")
    # Deployment A runs the project's own settings, with the namespace derived from its database.
    env.pop("DEWAN_INSTANCE", None)
    env["DJANGO_SETTINGS_MODULE"] = "webinar.settings"
    server = Server(port=port, env=env, name="abuse-namespace-a").start()
    as_b = _listener(
        database_url=f"sqlite:///{tmp_path / 'b.sqlite3'}",
        redis_url=f"{base}/1",
        webinar_id=webinar.pk,
        seconds=6,
    )
    as_a = _listener(database_url=a_database, redis_url=f"{base}/0", webinar_id=webinar.pk, seconds=6)
    try:
        instances = {"b": _ready(as_b), "a": _ready(as_a)}
        assert instances["a"] != instances["b"]

        key = attendee_session(aisyah)

        async def ask():
            async with websockets.connect(
                f"{server.ws_url}/ws/w/{webinar.slug}/",
                additional_headers={"Origin": server.url, "Cookie": f"sessionid={key}"},
            ) as live:
                json.loads(await live.recv())
                await live.send(
                    json.dumps({"type": "ask", "client_key": "ns1", "text": "Secret worry here?"})
                )
                while json.loads(await asyncio.wait_for(live.recv(), 10)).get("type") != "ack":
                    pass

        host_session(host)  # a host exists, so the staff stream carries the question
        time.sleep(0.5)
        asyncio.run(ask())
        heard = {
            name: json.loads(p.communicate(timeout=30)[0].strip().splitlines()[-1])["heard"]
            for name, p in (("a", as_a), ("b", as_b))
        }
    finally:
        server.kill()
        for process in (as_a, as_b):
            if process.poll() is None:
                process.kill()
    assert any("staff.question" in str(text) for text in heard["a"]), ("the fault would have fired", heard)
    assert heard["b"] == [], heard["b"]
