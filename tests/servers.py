"""Real server processes for tests that need them (browser tests, several processes over Redis).

A ``Server`` is one Uvicorn process on a fixed port: tests can kill it by its PID and start it again
on the same port, which is how a restart mid-session is simulated. Its output goes to a log file under
``test-artifacts/`` so a failing test can show what the server said.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
# How long a started server may take to answer. Start-up costs about 2-3 s of CPU (Django, the screening
# rules and model); on this 2-core machine with four test processes, Chromium and other servers at load 12-16,
# importing the ASGI application alone took 38 s of wall time once, and 30 s failed three tests of a
# PostgreSQL pass that way. A server that never comes up still fails, with its log.
START_TIMEOUT_SECONDS = 90.0
UVICORN = str(Path(sys.executable).with_name("uvicorn"))
# Refuses unwanted websocket upgrades before parsing them (realtime/httpprotocol.py; the Makefile's flags).
HTTP_PROTOCOL = "realtime.httpprotocol:HttpProtocol"


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def shared_database_url() -> str:
    """A DATABASE_URL for the database this test process uses (pytest-django's test database).

    Call it inside a test that has database access: before that, ``connection`` names the real database.
    """
    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{params['NAME']}"
    if connection.vendor == "postgresql":
        user = quote(params.get("USER") or "postgres", safe="")
        password = f":{quote(params['PASSWORD'], safe='')}" if params.get("PASSWORD") else ""
        host = params.get("HOST") or "127.0.0.1"
        port = params.get("PORT") or 5432
        return f"postgres://{user}{password}@{host}:{port}/{params['NAME']}"
    raise RuntimeError(f"no server URL for database vendor {connection.vendor!r}")


# For a server whose test counts its database queries: no background sweeps (the ``checking`` and outbox
# sweeps of the embedded default run every 15 and 30 s and read the database whatever the test does).
NO_BACKGROUND_SWEEPS = {"DEWAN_CHECKING_SWEEP_SECONDS": "0", "DEWAN_OUTBOX_SWEEP_SECONDS": "0"}


def server_env(*, port: int, database_url: str, redis_url: str | None = None, **extra: str) -> dict[str, str]:
    """The environment for a server process: this one's, pointed at the test database.

    ``redis_url`` defaults to this process's ``REDIS_URL`` (the services pass) and is dropped when empty,
    so the embedded pass gets the in-memory channel layer.
    """
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    env.update(
        DATABASE_URL=database_url,
        SITE_URL=f"http://127.0.0.1:{port}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
    )
    redis_url = os.environ.get("REDIS_URL", "") if redis_url is None else redis_url
    if redis_url:
        env["REDIS_URL"] = redis_url
    else:
        env.pop("REDIS_URL", None)
    env.update(extra)
    return env


@dataclass
class Server:
    """One Uvicorn process serving ``app`` (``webinar.asgi:application``) on ``port``."""

    port: int
    env: dict[str, str]
    name: str = "server"
    # ``bench.instrumented_asgi:app`` adds the counters benches and some tests read (nothing else differs).
    app: str = "webinar.asgi:application"
    http: str = HTTP_PROTOCOL  # Uvicorn's ``--http`` (``httptools``: the stock protocol, for a baseline)
    ready_path: str = "/accounts/login/"
    process: subprocess.Popen | None = None
    starts: int = 0
    log_paths: list[Path] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def start(self, *, timeout: float = START_TIMEOUT_SECONDS) -> Server:
        """Start the process and return once it answers HTTP on its port."""
        if self.running():
            raise RuntimeError(f"{self.name} is already running (pid {self.pid})")
        self.starts += 1
        ARTIFACTS.mkdir(exist_ok=True)
        log_path = ARTIFACTS / f"{self.name}-{self.starts}.log"
        self.log_paths.append(log_path)
        with log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    UVICORN,
                    self.app,
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    # The flags `make run` and docs/scaling.md use.
                    "--ws",
                    "realtime.wsprotocol:WebSocketProtocol",
                    "--loop",
                    "uvloop",
                    "--http",
                    self.http,
                    "--ws-per-message-deflate",
                    "false",
                    "--ws-max-size",
                    "131072",
                    "--no-proxy-headers",
                    "--lifespan",
                    "on",
                    "--no-access-log",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_until_ready(timeout)
        return self

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def _wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.log()}")
            try:
                # The first request imports and warms the app (seconds on a loaded machine): a short
                # per-try timeout would only queue more requests behind it, so each try may use the rest.
                remaining = max(2.0, deadline - time.monotonic())
                with urllib.request.urlopen(self.url + self.ready_path, timeout=remaining):  # noqa: S310 - local URL
                    return
            except urllib.error.HTTPError:
                return  # any HTTP answer means the app is up
            except OSError:
                time.sleep(0.1)
        self.kill()
        raise RuntimeError(
            f"{self.name} did not answer on port {self.port} within {timeout} s:\n{self.log()}"
        )

    def stop(self, *, timeout: float = 5) -> None:
        """SIGTERM by PID, then SIGKILL if it does not exit in time (open websockets can delay it)."""
        if not self.running():
            return
        os.kill(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """SIGKILL by PID: the process dies at once, as in a crash; clients see their sockets drop."""
        if not self.running():
            return
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(5)

    def restart(self, *, timeout: float = START_TIMEOUT_SECONDS) -> Server:
        self.kill()
        return self.start(timeout=timeout)

    def log(self, *, tail: int = 4000) -> str:
        if not self.log_paths:
            return ""
        return self.log_paths[-1].read_text(errors="replace")[-tail:]


def start_server(
    *, name: str = "server", port: int | None = None, env: dict[str, str] | None = None, **env_kwargs
) -> Server:
    """Start a server on ``port`` (a free one by default) against the current test database."""
    port = port or free_port()
    if env is None:
        env_kwargs.setdefault("database_url", shared_database_url())
        env = server_env(port=port, **env_kwargs)
    return Server(port=port, env=env, name=name).start()


async def open_live_socket(server: Server, slug: str, session_key: str, *, mode: str = "attendee"):
    """A websocket to ``server``'s live room as a browser opens it (same origin, session cookie), once
    its ``welcome`` has been read."""
    import json

    import websockets

    live = await websockets.connect(
        f"{server.ws_url}/ws/w/{slug}/?mode={mode}",
        additional_headers={"Origin": server.url, "Cookie": f"sessionid={session_key}"},
        max_size=2**22,
    )
    assert json.loads(await live.recv())["type"] == "welcome"
    return live


async def spend_until_closed(live, frame: str, *, frames: int, timeout: float = 10.0):
    """Send ``frame`` up to ``frames`` times as a client that reads its socket meanwhile and waits for
    each answer, as a browser does: stop sending once the server answers ``error`` (it is closing), then
    read to the close.

    Returns ``(errors, closed)``: the ``error`` messages received and the ``ConnectionClosed`` that ended
    the socket. A client that keeps writing after the server's close frame, or leaves it unread for
    ``realtime.wsprotocol.CLOSE_TIMEOUT``, is reset without a close code (docs/protocol.md), so tests of
    the close code must read while they send: under load the sender alone can take longer than that.
    """
    import asyncio
    import json

    import websockets

    errors: list[dict] = []
    answers: asyncio.Queue[dict] = asyncio.Queue()

    async def read() -> None:
        while True:
            message = json.loads(await live.recv())
            if message["type"] == "error":
                errors.append(message)
            answers.put_nowait(message)

    reader = asyncio.create_task(read())
    try:
        for _ in range(frames):
            if errors or reader.done():
                break
            await live.send(frame)
            # The next message before the next frame (``frame`` is answered once: a ping by pong, a sync
            # by its reply), as a browser's client waits for each answer: the server's error and close
            # then meet at most this one frame in flight.
            answered = asyncio.ensure_future(answers.get())
            await asyncio.wait({reader, answered}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            answered.cancel()
    except websockets.ConnectionClosed:
        pass
    try:
        await asyncio.wait_for(reader, timeout)
    except websockets.ConnectionClosed as closed:
        return errors, closed
    raise AssertionError("unreachable: read() only ends by raising")
