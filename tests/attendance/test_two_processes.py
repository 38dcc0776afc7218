"""Two real server processes sharing presence through Redis: their counts agree, and a killed one's
viewers drop out within the TTL."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from asgiref.sync import sync_to_async
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from tests.factories import make_registration
from webinar.selectors import browser_registration_remember

pytestmark = [
    pytest.mark.needs_redis,
    pytest.mark.needs_postgres,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

ROOT = Path(__file__).resolve().parents[2]
TTL = 3
# The servers' PostgreSQL connections carry this name (libpq's PGAPPNAME), so the teardown can wait
# for theirs alone: this process keeps connections of its own open (its pool), which never close.
SERVER_APPLICATION_NAME = "dewan-two-processes-server"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url() -> str:
    params = connection.settings_dict
    user = params.get("USER") or "postgres"
    password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
    host, port = params.get("HOST") or "127.0.0.1", params.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{params['NAME']}"


def _start(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DEWAN_PRESENCE_TTL_SECONDS": str(TTL),
        "PGAPPNAME": SERVER_APPLICATION_NAME,
    }
    env["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "webinar.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_listening(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"server on {port} did not start")


def _session_for(registration) -> str:
    session = SessionStore()
    browser_registration_remember(session=session, registration=registration)
    session.save()
    return session.session_key


@pytest.fixture
def servers():
    ports = [_free_port(), _free_port()]
    procs = [_start(port) for port in ports]
    try:
        for port in ports:
            _wait_listening(port)
        yield list(zip(ports, procs, strict=True))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        _wait_for_server_connections_to_close()


def _wait_for_server_connections_to_close(timeout: float = 10) -> None:
    """PostgreSQL notices a killed process's connection a moment later; the test database is dropped after.

    Only the servers' connections are waited for: counting every other session on the database also
    counted this process's own pooled connections, so the wait always ran its full 10 s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND application_name = %s",
                [SERVER_APPLICATION_NAME],
            )
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.2)


class Viewer:
    def __init__(self, ws):
        self.ws = ws
        self.count: int | None = None

    @classmethod
    async def connect(cls, port: int, slug: str, session_key: str) -> Viewer:
        import websockets

        ws = await websockets.connect(
            f"ws://127.0.0.1:{port}/ws/w/{slug}/",
            origin=f"http://127.0.0.1:{port}",
            additional_headers={"Cookie": f"sessionid={session_key}"},
        )
        viewer = cls(ws)
        assert (await viewer.next())["type"] == "welcome"
        await ws.send(json.dumps({"type": "sync"}))
        while (await viewer.next())["type"] != "snapshot":
            pass
        return viewer

    async def next(self) -> dict:
        message = json.loads(await asyncio.wait_for(self.ws.recv(), 10))
        if message["type"] == "presence":
            self.count = message["count"]
        return message

    async def count_becomes(self, expected: int, timeout: float = 15) -> None:
        """Ping once a second (faster than the short TTL) until the server reports ``expected``.

        Each read waits on the socket alone, for what is left of the second: a ``wait_for`` around a
        reader that itself waits with ``wait_for`` (as this did) can lose the outer cancellation on
        Python 3.11, and a PostgreSQL pass then hung here for minutes with its reader "cancelling"."""
        deadline = time.monotonic() + timeout
        while self.count != expected:
            assert time.monotonic() < deadline, f"count stayed {self.count}, expected {expected}"
            await self.ws.send(json.dumps({"type": "ping"}))
            second = time.monotonic() + 1
            while self.count != expected and (left := second - time.monotonic()) > 0:
                try:
                    message = json.loads(await asyncio.wait_for(self.ws.recv(), left))
                except TimeoutError:
                    break
                if message["type"] == "presence":
                    self.count = message["count"]


async def test_two_server_processes_report_the_same_count_over_redis(servers, live_webinar):
    registrations = [await sync_to_async(make_registration)(live_webinar, f"Viewer {n}") for n in range(3)]
    keys = [await sync_to_async(_session_for)(r) for r in registrations]
    (port_a, _proc_a), (port_b, proc_b) = servers
    slug = live_webinar.slug
    # Viewer 0 has a tab on each process; viewer 1 is on A, viewer 2 on B.
    a0 = await Viewer.connect(port_a, slug, keys[0])
    b0 = await Viewer.connect(port_b, slug, keys[0])
    a1 = await Viewer.connect(port_a, slug, keys[1])
    b2 = await Viewer.connect(port_b, slug, keys[2])
    try:
        await asyncio.gather(
            a0.count_becomes(3), b0.count_becomes(3), a1.count_becomes(3), b2.count_becomes(3)
        )
        assert a0.count == b0.count == 3
        # Kill B: no disconnect handler runs. Viewer 0 stays (its tab on A pings), viewer 2 expires.
        proc_b.send_signal(signal.SIGKILL)
        proc_b.wait(timeout=10)
        await asyncio.gather(a0.count_becomes(2, timeout=TTL + 10), a1.count_becomes(2, timeout=TTL + 10))
        assert a0.count == a1.count == 2
    finally:
        for viewer in (a0, b0, a1, b2):
            with contextlib.suppress(Exception):  # B's sockets died with it
                await viewer.ws.close()
