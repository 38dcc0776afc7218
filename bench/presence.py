"""Presence under churn: N websocket viewers on two real server processes sharing Redis.

Connects N viewers (half to each process), measures heartbeats per second through the whole stack
(websocket ``ping`` -> consumer -> Redis ``ZADD`` -> ``pong``), does the same Redis operation raw and
pipelined in the same run as the ceiling, then churns: some viewers leave cleanly, new ones join,
and one server process is killed (SIGKILL: no disconnect handler runs). After the TTL, the count in
the store and the count the surviving server pushes must equal the viewers still connected.

Before that, the cost of presence itself: ``--viewers`` idle viewers on one server process for
``--cpu-seconds``, first as before this design (``DEWAN_CLIENT_HEARTBEAT=1``: every client pings every
10 s and every ping is a Redis ZADD), then as now (no client frames; the process refreshes all its open
viewers in one pipelined call every 10 s): server CPU per viewer per minute for each, same run.
The last line printed is JSON, with the load average (the machine may be shared).

    .venv/bin/python bench/presence.py [--viewers 2000] [--ttl 10] [--seconds 8]

Needs Redis (``REDIS_URL``, default redis://127.0.0.1:6379/9). The database is a fresh SQLite file
unless ``--database-url`` names another one.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import live_webinar_with_viewers  # noqa: E402  (bench/ is on the path only now)
from harness import (  # noqa: E402
    Clients,
    add_common_arguments,
    bench_env,
    cpu_seconds,
    load_average,
    start_servers,
    stop_servers,
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_listening(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"server on port {port} did not start")


def prepare(env: dict, viewers: int) -> tuple[str, int, list[str]]:
    """A live webinar, its registrations and one session per registration (bench/common.py)."""
    room = live_webinar_with_viewers(env, viewers, title="Presence bench", languages=("en", "ms", "zh"))
    return room["slug"], room["webinar_id"], room["keys"]


def start_server(port: int, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "uvicorn", "webinar.asgi:application", "--host", "127.0.0.1"),
            *("--port", str(port), "--log-level", "warning", "--ws-max-size", "65536"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


class Client:
    """One viewer's socket: a reader task keeps the newest ``presence`` count and wakes ping waiters."""

    def __init__(self, ws, port: int):
        self.ws, self.port = ws, port
        self.count: int | None = None
        self.pongs = asyncio.Queue()
        self.reader: asyncio.Task | None = None

    @classmethod
    async def open(cls, port: int, slug: str, session_key: str) -> Client:
        import websockets

        ws = await websockets.connect(
            f"ws://127.0.0.1:{port}/ws/w/{slug}/",
            origin=f"http://127.0.0.1:{port}",
            additional_headers={"Cookie": f"sessionid={session_key}"},
            open_timeout=60,
            ping_interval=None,
            max_queue=None,
        )
        client = cls(ws, port)
        assert json.loads(await ws.recv())["type"] == "welcome"
        await ws.send('{"type":"sync"}')
        while json.loads(await ws.recv())["type"] != "snapshot":
            pass
        client.reader = asyncio.get_running_loop().create_task(client._read())
        return client

    async def _read(self) -> None:
        with contextlib.suppress(Exception):
            async for text in self.ws:
                message = json.loads(text)
                if message["type"] == "pong":
                    self.pongs.put_nowait(None)
                elif message["type"] == "presence":
                    self.count = message["count"]

    async def ping(self) -> None:
        await self.ws.send('{"type":"ping"}')
        await asyncio.wait_for(self.pongs.get(), 30)

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.ws.close()
        if self.reader:
            self.reader.cancel()


async def open_many(targets: list[tuple[int, str]], slug: str, parallel: int = 64) -> list[Client]:
    gate = asyncio.Semaphore(parallel)

    async def one(port, key):
        async with gate:
            return await Client.open(port, slug, key)

    return list(await asyncio.gather(*(one(port, key) for port, key in targets)))


async def heartbeat_rate(clients: list[Client], seconds: float) -> float:
    done = 0
    stop = time.monotonic() + seconds

    async def loop(client):
        nonlocal done
        while time.monotonic() < stop:
            await client.ping()
            done += 1

    started = time.monotonic()
    await asyncio.gather(*(loop(c) for c in clients))
    return done / (time.monotonic() - started)


async def raw_rate(redis_url: str, members: int, seconds: float) -> float:
    """The ceiling: the same ZADD a heartbeat does, pipelined 1,000 at a time, straight to Redis."""
    import redis.asyncio as redis

    client = redis.Redis.from_url(redis_url)
    key = f"dewan:bench:raw:{random.randrange(10**9)}"
    names = [f"r:{n}" for n in range(members)]
    done, i = 0, 0
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        pipe = client.pipeline(transaction=False)
        now = time.time()
        for _ in range(1000):
            pipe.zadd(key, {names[i % members]: now})
            i += 1
        await pipe.execute()
        done += 1000
    rate = done / (time.monotonic() - started)
    await client.delete(key)
    await client.aclose()
    return rate


async def keep_alive(clients: list[Client], every: float, until: float) -> None:
    async def loop(client):
        await asyncio.sleep(random.random() * every)
        while time.monotonic() < until:
            with contextlib.suppress(Exception):
                await client.ping()
            await asyncio.sleep(every)

    await asyncio.gather(*(loop(c) for c in clients))


def cpu_phase(args, env: dict, slug: str, keys: list[str]) -> dict:
    """Server CPU per viewer per minute for presence: client pings (before) against server refresh (now)."""
    clients = Clients(args.client_procs)
    path, viewers = f"/ws/w/{slug}/", keys[: args.viewers]
    modes = {
        "client_pings": ({"DEWAN_CLIENT_HEARTBEAT": "1"}, 10.0),
        "server_refresh": ({"DEWAN_CLIENT_HEARTBEAT": "0"}, 0),
    }
    result: dict = {}
    try:
        for mode, (extra, ping_seconds) in modes.items():
            mode_env = {**env, "DEWAN_HEARTBEAT_SECONDS": "10", "DEWAN_PRESENCE_TTL_SECONDS": "30", **extra}
            servers, ports = start_servers("dewan", args, mode_env, count=1)
            try:
                connected = clients.connect([(ports[0], path, key) for key in viewers], args.parallel)
                clients.ask("ping_every", ping_seconds)
                time.sleep(12)  # past the first refresh and the first round of pings
                load = load_average()
                pids = [server.pid for server in servers]
                before = cpu_seconds(pids)
                time.sleep(args.cpu_seconds)
                used = cpu_seconds(pids) - before
                clients.ask("ping_every", 0)
                clients.ask("close")
            finally:
                stop_servers(servers)
            result[mode] = {
                "viewers": connected,
                "seconds": args.cpu_seconds,
                "server_cpu_seconds": round(used, 3),
                "cpu_ms_per_viewer_per_minute": round(
                    used * 1000 / max(1, connected) / (args.cpu_seconds / 60), 4
                ),
                "load_average": load,
            }
    finally:
        clients.stop()
    before, after = result["client_pings"], result["server_refresh"]
    result["after_to_before"] = round(
        after["cpu_ms_per_viewer_per_minute"] / max(1e-9, before["cpu_ms_per_viewer_per_minute"]), 3
    )
    return result


async def run(args) -> dict:
    redis_url = args.redis_url
    tmp = tempfile.mkdtemp(prefix="dewan-bench-")
    database_url = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
    env = bench_env(
        database_url=database_url,
        redis_url=redis_url,
        prefix=f"dewan-presence-{random.randrange(10**9)}:",
        DEWAN_PRESENCE_TTL_SECONDS=str(args.ttl),
        DEWAN_HEARTBEAT_SECONDS=str(args.heartbeat),
    )
    joiners = max(1, args.viewers // 10)
    t0 = time.monotonic()
    slug, webinar_id, keys = await asyncio.to_thread(prepare, env, args.viewers + joiners)
    setup_seconds = time.monotonic() - t0
    cpu = await asyncio.to_thread(cpu_phase, args, env, slug, keys) if args.cpu_seconds else None
    ports = [free_port(), free_port()]
    servers = [start_server(port, env) for port in ports]
    try:
        for port in ports:
            wait_listening(port)
        t0 = time.monotonic()
        targets = [(ports[n % 2], keys[n]) for n in range(args.viewers)]
        clients = await open_many(targets, slug)
        connect_seconds = time.monotonic() - t0

        heartbeats_per_second = await heartbeat_rate(clients, args.seconds)
        raw_per_second = await raw_rate(redis_url, args.viewers, args.seconds)

        # Churn: a tenth leave cleanly, a tenth new viewers join, then server B is killed.
        random.shuffle(clients)
        leaving, clients = clients[:joiners], clients[joiners:]
        await asyncio.gather(*(c.close() for c in leaving))
        clients += await open_many([(ports[n % 2], keys[args.viewers + n]) for n in range(joiners)], slug)
        servers[1].send_signal(signal.SIGKILL)
        servers[1].wait(timeout=10)
        killed_at = time.monotonic()
        survivors = [c for c in clients if c.port == ports[0]]
        for c in clients:
            if c.port == ports[1] and c.reader:
                c.reader.cancel()

        # Survivors keep heartbeating; everything else must be gone one TTL (plus a tick) after the kill.
        settle = args.ttl + 2 * args.heartbeat / 3 + 1.5
        await keep_alive(survivors, args.heartbeat / 3, killed_at + settle)

        os.environ["REDIS_URL"] = redis_url
        from realtime.presence import RedisPresenceStore

        store = RedisPresenceStore(ttl=args.ttl, url=redis_url)
        store_count = await store.count(webinar_id)
        # One more hub tick so every survivor has heard the final count; a room that had 1,000 viewers
        # or more is told a changed count at most every DEWAN_PRESENCE_LARGE_ROOM_SECONDS (docs/protocol.md).
        large = args.viewers >= int(os.environ.get("DEWAN_PRESENCE_LARGE_ROOM", "1000"))
        hold = float(os.environ.get("DEWAN_PRESENCE_LARGE_ROOM_SECONDS", "5")) if large else 0.0
        await asyncio.sleep(1.5 + hold)
        hub_counts = {c.count for c in survivors}
        expected = len(survivors)
        result = {
            "viewers": args.viewers,
            "servers": 2,
            "ttl_seconds": args.ttl,
            "connect_seconds": round(connect_seconds, 1),
            "setup_seconds": round(setup_seconds, 1),
            "churn": {
                "left_cleanly": len(leaving),
                "joined": joiners,
                "on_killed_server": len(clients) - len(survivors),
            },
            "expected_count": expected,
            "store_count": store_count,
            "count_error": abs(store_count - expected),
            "hub_count_error": max(abs((c or 0) - expected) for c in hub_counts) if hub_counts else None,
            "heartbeat_ops_per_second": round(heartbeats_per_second),
            "raw_pipelined_zadd_per_second": round(raw_per_second),
            "heartbeat_to_raw_ratio": round(heartbeats_per_second / raw_per_second, 4),
            "presence_cpu": cpu,
            "load_average_end": load_average(),
        }
        await asyncio.gather(*(c.close() for c in survivors))
        return result
    finally:
        stop_servers(servers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=2000)
    parser.add_argument("--ttl", type=float, default=10.0, help="server presence TTL for the run (seconds)")
    parser.add_argument("--heartbeat", type=float, default=3.0, help="heartbeat interval matching the TTL")
    parser.add_argument("--seconds", type=float, default=8.0, help="length of each throughput measurement")
    parser.add_argument(
        "--cpu-seconds", type=float, default=60.0, help="idle time per presence mode (0: skip)"
    )
    add_common_arguments(parser)
    parser.set_defaults(
        redis_url=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/9", database_url=None
    )
    args = parser.parse_args()
    result = asyncio.run(run(args))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
