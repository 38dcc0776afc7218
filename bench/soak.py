"""Soak: a bounded simulated webinar on loopback, with one Redis restart in the middle.

Starts its own redis-server on a spare port and two Uvicorn server processes (tests/servers.py) that
use it through ``REDIS_URL``. Then: attendees register through the real HTTP form (CSRF, consent),
the rest are seeded; ``--viewers`` websocket viewers join across both processes; questions and
votes arrive at a steady rate from random viewers; a host on the first process approves held
questions and pins some; halfway through, redis-server is SIGKILLed by its PID and started again,
empty, on the same port. Clients behave like static/dewan/live-client.js: apply events once by
``seq``, ``sync`` on a gap, reconnect with back-off and ``sync`` from their cursors, and re-send
unacknowledged ``ask``/``vote`` frames with the same ``client_key``.

At the end every viewer syncs once more and its list of published questions is compared with the
database: ``lost`` must be 0. The last line printed is JSON.

    .venv/bin/python bench/soak.py [--duration 180] [--viewers 1000] [--ask-rate 2] [--vote-rate 5]

The duration is capped at 600 s. The database is ``--database-url`` (default: ``DATABASE_URL``, else a
fresh SQLite file); with PostgreSQL a fresh database ``dewan_soak_<pid>`` is created beside the
named one and dropped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections import Counter
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reliability.redis_process import RedisProcess  # noqa: E402 - after the path is set
from tests.servers import ARTIFACTS, Server, free_port, server_env  # noqa: E402

MAX_DURATION = 600
TEXTS = [
    "Will the slides be shared after the session?",
    "How do small businesses apply for the new grant?",
    "Is the recording going to be on the website?",
    "Bila tarikh akhir permohonan untuk program ini?",
    "What support is there for rural schools next year?",
    "Can you explain how the subsidy will be targeted?",
    "Adakah program ini terbuka kepada pelajar separuh masa?",
    "How will the results of this consultation be published?",
    "What is the timeline for the public transport upgrade?",
    "Could you repeat the figures for the healthcare budget?",
]


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return round(ordered[index] * 1000, 1)


# --- Setup -----------------------------------------------------------------------------------------


def _close_django_connections() -> None:
    """This process's own Django connections go first, so the database can be dropped."""
    with contextlib.suppress(Exception):
        from django.db import connections

        connections.close_all()


def database(args) -> tuple[str, callable]:
    """The database URL for the run and a cleanup function (which closes this process's connections)."""
    url = args.database_url or os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        base, _, _name = url.rpartition("/")
        name = f"dewan_soak_{os.getpid()}"
        with psycopg.connect(base + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')

        def drop():
            _close_django_connections()
            with psycopg.connect(base + "/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        return f"{base}/{name}", drop
    if url:
        return url, lambda: None
    path = Path(tempfile.mkdtemp(prefix="dewan-soak-")) / "soak.sqlite3"

    def remove():
        _close_django_connections()
        path.unlink(missing_ok=True)

    return f"sqlite:///{path}", remove


def prepare(env: dict, viewers: int) -> dict:
    """Migrate, then a live webinar with a host; registrations come later (HTTP) or are seeded."""
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")
    import django

    django.setup()
    from tests.factories import make_host, make_live_webinar, make_user

    webinar = make_live_webinar(organiser=make_user(name="Soak organiser"), capacity=viewers + 100)
    host = make_host(webinar, make_user(name="Soak host"))
    return {"slug": webinar.slug, "id": webinar.pk, "host": host}


def seed_registrations(webinar_id: int, first: int, count: int) -> list[str]:
    """Bulk-create confirmed registrations and a join-link session for each (the fast path)."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from webinar.models import Registration
    from webinar.selectors import browser_registration_remember

    now = timezone.now()
    created = Registration.objects.bulk_create(
        [
            Registration(
                webinar_id=webinar_id,
                name=f"Viewer {n}",
                email=f"viewer{n}@soak.example",
                language=random.choice(["en", "ms"]),
                consent_given_at=now,
                status=Registration.Status.CONFIRMED,
                join_secret=f"{n:032d}",
            )
            for n in range(first, first + count)
        ]
    )
    keys = []
    for registration in created:
        session = SessionStore()
        browser_registration_remember(session=session, registration=registration)
        session.save()
        keys.append(session.session_key)
    return keys


def register_over_http(base_url: str, slug: str, n: int) -> tuple[str | None, float, str]:
    """GET the page for the CSRF cookie, POST the form; return the session key, latency, outcome."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = f"{base_url}/w/{slug}/"
    started = time.perf_counter()
    try:
        html = opener.open(page, timeout=30).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "name": f"Registrant {n}",
                "email": f"registrant{n}@soak.example",
                "language": "en",
                "consent": "on",
            }
        ).encode()
        request = urllib.request.Request(page, data=body, headers={"Referer": page})  # noqa: S310
        response = opener.open(request, timeout=30)
        outcome = "ok" if "/registered/" in response.geturl() else f"http_{response.status}"
    except urllib.error.HTTPError as exc:
        outcome = f"http_{exc.code}"
    except Exception as exc:  # counted, not fatal: the bench reports errors
        outcome = type(exc).__name__
    elapsed = time.perf_counter() - started
    session = next((c.value for c in jar if c.name == "sessionid"), None)
    return (session if outcome == "ok" else None), elapsed, outcome


# --- Clients ---------------------------------------------------------------------------------------


class Stats:
    def __init__(self):
        self.errors: Counter[str] = Counter()
        self.ask_latency: list[float] = []
        self.first_try_latency: list[float] = []  # asks and votes acknowledged without a retry
        self.votes: set[tuple[int, int]] = set()  # (viewer, question): a repeat is the same vote
        self.vote_latency: list[float] = []
        self.delivery_latency: list[float] = []
        self.connect_latency: list[float] = []
        self.register_latency: list[float] = []
        self.reconnects = 0
        self.sent_at: dict[int, float] = {}  # ask number -> when it was first sent
        self.approved: set[int] = set()  # held questions the host approved (their latency is the host's)


class Viewer:
    """One live page: cursors, dedupe by seq, sync on gaps, reconnect, re-send unacknowledged frames."""

    def __init__(
        self, index: int, server: Server, slug: str, session_key: str, stats: Stats, mode="attendee"
    ):
        self.index = index
        self.server = server
        self.url = f"{server.ws_url}/ws/w/{slug}/?mode={mode}"
        self.headers = {"Origin": server.url, "Cookie": f"sessionid={session_key}"}
        self.staff = mode == "host"
        self.stats = stats
        self.seq: int | None = None
        self.staff_seq: int | None = None
        self.published: set[int] = set()
        self.ws = None
        self.pending: dict[str, tuple[dict, float]] = {}  # client_key -> (frame, first sent)
        self.retried: set[str] = set()  # keys answered "unavailable" at least once
        self.acked: dict[str, dict] = {}
        self.synced = asyncio.Event()
        self.syncing = False
        self.closed = asyncio.Event()
        self.stopped = False
        self.on_event = None  # the host's moderation hook

    async def connect(self) -> None:
        import websockets

        started = time.perf_counter()
        self.ws = await websockets.connect(
            self.url, additional_headers=self.headers, open_timeout=30, max_size=2**23, ping_interval=None
        )
        welcome = json.loads(await asyncio.wait_for(self.ws.recv(), 30))
        if welcome.get("type") != "welcome":
            raise ConnectionError(welcome.get("code", "refused"))
        self.closed.clear()
        self.synced.clear()
        asyncio.get_running_loop().create_task(self._read(self.ws))
        await self.sync()
        await asyncio.wait_for(self.synced.wait(), 60)
        self.stats.connect_latency.append(time.perf_counter() - started)
        for frame, _sent in list(self.pending.values()):
            await self.send(frame)

    async def run(self) -> None:
        """Stay connected until stopped: reconnect with back-off and jitter after any close."""
        backoff = 0.5
        while not self.stopped:
            await self.closed.wait()
            if self.stopped:
                return
            self.stats.reconnects += 1
            while not self.stopped:
                await asyncio.sleep(min(backoff, 15) * random.uniform(0.7, 1.3))
                backoff = min(backoff * 2, 15)
                try:
                    await self.connect()
                    backoff = 0.5
                    break
                except Exception as exc:
                    self.stats.errors[f"reconnect_{type(exc).__name__}"] += 1

    async def heartbeat(self, every: float) -> None:
        await asyncio.sleep(random.uniform(0, every))
        while not self.stopped:
            if not self.closed.is_set():
                await self.send({"type": "ping"})
            await asyncio.sleep(every)

    async def send(self, frame: dict) -> None:
        with contextlib.suppress(Exception):  # a dead socket: the reconnect re-sends what matters
            await self.ws.send(json.dumps(frame))

    async def sync(self) -> None:
        self.syncing = True
        await self.send(
            {"type": "sync", "since": self.seq, "staff_since": self.staff_seq if self.staff else None}
        )

    async def command(self, frame: dict) -> None:
        self.pending[frame["client_key"]] = (frame, time.perf_counter())
        if not self.closed.is_set():
            await self.send(frame)

    async def close(self) -> None:
        self.stopped = True
        self.closed.set()
        with contextlib.suppress(Exception):
            await self.ws.close()

    async def _read(self, ws) -> None:
        try:
            async for raw in ws:
                self._receive(json.loads(raw))
        except Exception:  # noqa: S110 - a dropped socket is handled below
            pass
        if ws is self.ws:
            if not self.stopped:
                self.stats.errors["socket_dropped"] += 1
            self.closed.set()

    def _receive(self, message: dict) -> None:
        kind = message.get("type")
        if kind == "snapshot":
            self.seq, self.staff_seq = message["seq"], message.get("staff_seq")
            self.published = {q["id"] for q in message.get("questions", [])}
            self._synced()
            if self.staff and self.on_event:
                for question in message.get("queue", []):
                    self.on_event({"type": "staff.question", "data": {"question": question}})
        elif kind == "synced":
            self.seq = message["seq"]
            if message.get("staff_seq") is not None:
                self.staff_seq = message["staff_seq"]
            self._synced()
        elif kind == "resync":
            self.stats.errors["resync_slow_consumer"] += 1
            asyncio.get_running_loop().create_task(self.sync())
        elif kind == "ack":
            key = message.get("client_key")
            if key in self.pending:
                frame, sent = self.pending.pop(key)
                latency = time.perf_counter() - sent
                (self.stats.ask_latency if frame["type"] == "ask" else self.stats.vote_latency).append(
                    latency
                )
                if key not in self.retried:
                    self.stats.first_try_latency.append(latency)
                self.acked[key] = message
        elif kind == "error":
            code = message.get("code", "?")
            self.stats.errors[f"error_{code}"] += 1
            key = message.get("client_key")
            if key in self.pending:
                if code == "unavailable":  # re-send the same frame (same client_key) after retry_after
                    self.retried.add(key)
                    asyncio.get_running_loop().call_later(
                        float(message.get("retry_after") or 2), self._resend, key
                    )
                else:
                    self.pending.pop(key)
        elif isinstance(message.get("seq"), int) and message.get("stream"):
            self._apply(message)

    def _resend(self, key: str) -> None:
        if key in self.pending and not self.closed.is_set():
            asyncio.get_running_loop().create_task(self.send(self.pending[key][0]))

    def _synced(self) -> None:
        self.syncing = False
        self.synced.set()

    def _apply(self, event: dict) -> None:
        attr = "seq" if event["stream"] == "public" else "staff_seq"
        cursor = getattr(self, attr)
        if cursor is None or event["seq"] <= cursor:
            return
        if event["seq"] > cursor + 1:
            if not self.syncing:
                self.stats.errors["gap_resync"] += 1
                asyncio.get_running_loop().create_task(self.sync())
            return
        setattr(self, attr, event["seq"])
        data = event.get("data") or {}
        if event["type"] == "question.published":
            question = data["question"]
            self.published.add(question["id"])
            number = re.search(r"\((\d+)\)$", question.get("text", ""))
            sent = self.stats.sent_at.get(int(number.group(1))) if number else None
            if sent is not None and question["id"] not in self.stats.approved:
                self.stats.delivery_latency.append(time.perf_counter() - sent)
        elif event["type"] == "question.removed":
            self.published.discard(data.get("question_id"))
        if self.on_event:
            self.on_event(event)


# --- The run ---------------------------------------------------------------------------------------


async def run(args, servers: list[Server], redis: RedisProcess, setup: dict, keys: list[str], host_key: str):
    stats = Stats()
    slug = setup["slug"]
    viewers = [
        Viewer(n, servers[n % len(servers)], slug, key, stats) for n, key in enumerate(keys[: args.viewers])
    ]
    host = Viewer(-1, servers[0], slug, host_key, stats, mode="host")
    moderated: set[int] = set()
    host_commands = Counter()

    def moderate(event):
        question = (event.get("data") or {}).get("question") or {}
        if event["type"] != "staff.question" or question.get("id") in moderated:
            return
        if question.get("status") == "held":
            moderated.add(question["id"])
            stats.approved.add(question["id"])
            host_commands["approve"] += 1
            asyncio.get_running_loop().create_task(
                host.send({"type": "approve", "question_id": question["id"]})
            )
        elif question.get("status") == "published" and random.random() < 0.05:
            moderated.add(question["id"])
            host_commands["pin"] += 1
            asyncio.get_running_loop().create_task(host.send({"type": "pin", "question_id": question["id"]}))

    host.on_event = moderate
    await host.connect()

    semaphore = asyncio.Semaphore(args.connect_parallel)

    async def join(viewer):
        async with semaphore:
            for attempt in range(5):
                try:
                    await viewer.connect()
                    return
                except Exception as exc:
                    stats.errors[f"connect_{type(exc).__name__}"] += 1
                    await asyncio.sleep(0.5 * (attempt + 1))
            viewer.closed.set()  # the run loop keeps trying

    started = time.perf_counter()
    await asyncio.gather(*(join(v) for v in viewers))
    ramp_seconds = time.perf_counter() - started
    tasks = [asyncio.create_task(v.run()) for v in [host, *viewers]]
    tasks += [asyncio.create_task(v.heartbeat(args.heartbeat)) for v in [host, *viewers]]

    outage: dict[str, float] = {}

    async def restart_redis():
        """SIGKILL redis-server by its PID mid-run; start it again, empty, on the same port."""
        killed = time.monotonic()
        redis.kill()
        await asyncio.sleep(args.redis_down)
        await asyncio.to_thread(redis.start)
        outage["down_s"] = round(time.monotonic() - killed, 2)

    restarter = None
    submitted: dict[str, Viewer] = {}
    votes_sent = 0
    deadline = time.monotonic() + args.duration
    restart_at = time.monotonic() + args.duration / 2
    next_ask = next_vote = time.monotonic()
    ask_every, vote_every = 1 / args.ask_rate, 1 / max(args.vote_rate, 1e-9)
    n = 0
    while time.monotonic() < deadline:
        now = time.monotonic()
        if restart_at is not None and now >= restart_at:
            restart_at = None
            restarter = asyncio.create_task(restart_redis())
        if now >= next_ask:
            next_ask += ask_every
            n += 1
            viewer = random.choice(viewers)
            key = f"soak{n}"
            submitted[key] = viewer
            text = f"{random.choice(TEXTS)} ({n})"
            stats.sent_at[n] = time.perf_counter()
            await viewer.command({"type": "ask", "client_key": key, "text": text})
        if args.vote_rate and now >= next_vote:
            next_vote += vote_every
            voter = random.choice(viewers)
            if voter.published:
                votes_sent += 1
                question_id = random.choice(sorted(voter.published))
                stats.votes.add((voter.index, question_id))
                await voter.command(
                    {
                        "type": "vote",
                        "client_key": f"v{votes_sent}",
                        "question_id": question_id,
                        "value": True,
                    }
                )
        await asyncio.sleep(max(0.0, min(next_ask, next_vote) - time.monotonic()))

    if restarter is not None:
        await restarter
    # Drain: let retries finish, then every viewer syncs once more from its cursors.
    drain_deadline = time.monotonic() + args.drain
    while time.monotonic() < drain_deadline and any(v.pending for v in viewers):  # noqa: ASYNC110
        await asyncio.sleep(0.5)  # a bounded poll over thousands of clients, not a wait for one event
    await asyncio.sleep(1.0)
    for viewer in viewers:
        viewer.synced.clear()
        await viewer.sync()
    await asyncio.gather(
        *(asyncio.wait_for(v.synced.wait(), 60) for v in viewers if not v.closed.is_set()),
        return_exceptions=True,
    )
    for viewer in [host, *viewers]:
        await viewer.close()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return {
        "stats": stats,
        "viewers": viewers,
        "submitted": submitted,
        "votes_sent": votes_sent,
        "host_commands": dict(host_commands),
        "ramp_seconds": round(ramp_seconds, 1),
        "redis_down_seconds": outage.get("down_s"),
    }


def summarise(args, setup: dict, outcome: dict, registrations: dict) -> dict:
    from webinar.models import Question, Vote

    stats: Stats = outcome["stats"]
    # Delivery latency counts from the ask being sent to a viewer applying question.published
    # (screening and the commit included); questions a host approved are left out.
    submitted = outcome["submitted"]
    stored = dict(
        Question.objects.filter(webinar_id=setup["id"], client_key__startswith="soak").values_list(
            "client_key", "status"
        )
    )
    acked = {key for v in outcome["viewers"] for key in v.acked if key.startswith("soak")}
    published = set(
        Question.objects.filter(webinar_id=setup["id"], status=Question.Status.PUBLISHED).values_list(
            "pk", flat=True
        )
    )
    connected = [v for v in outcome["viewers"] if v.synced.is_set()]
    missing = sum(len(published - v.published) for v in connected)
    extra = sum(len(v.published - published) for v in connected)
    return {
        "bench": "soak",
        "duration_s": args.duration,
        "servers": args.servers,
        "viewers": len(outcome["viewers"]),
        "viewers_synced_at_end": len(connected),
        "registrations": registrations,
        "questions_submitted": len(submitted),
        "questions_acked": len(acked),
        "questions_stored": len(stored),
        "questions_lost": len(set(submitted) - set(stored)),
        "questions_duplicated": Question.objects.filter(webinar_id=setup["id"], client_key__startswith="soak")
        .values("client_key")
        .count()
        - len(stored),
        "published": len(published),
        "delivered_to_every_viewer": missing == 0 and extra == 0,
        "deliveries_missing": missing,
        "deliveries_extra": extra,
        "by_status": dict(Counter(stored.values())),
        "votes_sent": outcome["votes_sent"],
        "votes_distinct": len(stats.votes),
        "votes_stored": Vote.objects.filter(question__webinar_id=setup["id"]).count(),
        "host_commands": outcome["host_commands"],
        "redis_restarts": 1,
        "redis_down_s": outcome["redis_down_seconds"],
        "reconnects": stats.reconnects,
        "retried_after_unavailable": sum(len(v.retried) for v in outcome["viewers"]),
        "errors": dict(sorted(stats.errors.items())),
        "ramp_s": outcome["ramp_seconds"],
        "p50_ms": {
            "ask_ack": percentile(stats.ask_latency, 50),
            "vote_ack": percentile(stats.vote_latency, 50),
            "delivery": percentile(stats.delivery_latency, 50),
            "connect": percentile(stats.connect_latency, 50),
        },
        "p99_ms": {
            "ask_ack": percentile(stats.ask_latency, 99),
            "ack_without_retry": percentile(stats.first_try_latency, 99),
            "vote_ack": percentile(stats.vote_latency, 99),
            "delivery": percentile(stats.delivery_latency, 99),
            "connect": percentile(stats.connect_latency, 99),
            "register": percentile(stats.register_latency, 99),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--duration", type=float, default=180, help=f"seconds of live traffic (max {MAX_DURATION})"
    )
    parser.add_argument("--viewers", type=int, default=1000)
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--http-registrations", type=int, default=100, help="registrations through the form")
    parser.add_argument("--ask-rate", type=float, default=2.0, help="questions per second")
    parser.add_argument("--vote-rate", type=float, default=5.0, help="votes per second")
    parser.add_argument("--heartbeat", type=float, default=10.0)
    parser.add_argument("--redis-down", type=float, default=3.0, help="seconds Redis stays dead")
    parser.add_argument("--drain", type=float, default=30.0, help="max seconds to let retries finish")
    parser.add_argument("--connect-parallel", type=int, default=50)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    args.duration = min(args.duration, MAX_DURATION)

    database_url, drop_database = database(args)
    redis = RedisProcess(log_path=ARTIFACTS / "soak-redis.log")
    servers: list[Server] = []
    summary = None
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        redis.start()
        base_env = server_env(
            port=0,
            database_url=database_url,
            redis_url=redis.url,
            DEWAN_REGISTRATION_RATE="100000/m",  # every registration comes from 127.0.0.1
            DEWAN_QUESTION_RATE="1000/60",
            DEWAN_QUESTIONS_PER_ATTENDEE="1000000",
            DEWAN_VOTE_RATE="1000/60",
            DEBUG="0",
        )
        setup = prepare(base_env, args.viewers)
        for index in range(args.servers):
            port = free_port()
            env = dict(base_env, SITE_URL=f"http://127.0.0.1:{port}")
            servers.append(Server(port=port, env=env, name=f"soak-{index}").start(timeout=60))

        stats_register: list[float] = []
        outcomes: Counter[str] = Counter()
        http_keys: list[str] = []

        async def register_all():
            semaphore = asyncio.Semaphore(8)

            async def one(n):
                async with semaphore:
                    server = servers[n % len(servers)]
                    key, elapsed, outcome = await asyncio.to_thread(
                        register_over_http, server.url, setup["slug"], n
                    )
                    stats_register.append(elapsed)
                    outcomes[outcome] += 1
                    if key:
                        http_keys.append(key)

            await asyncio.gather(*(one(n) for n in range(min(args.http_registrations, args.viewers))))

        asyncio.run(register_all())
        keys = http_keys + seed_registrations(setup["id"], 0, args.viewers - len(http_keys))
        from tests.factories import host_session

        host_key = host_session(setup["host"])
        outcome = asyncio.run(run(args, servers, redis, setup, keys, host_key))
        outcome["stats"].register_latency = stats_register
        summary = summarise(
            args, setup, outcome, {"http": dict(outcomes), "seeded": args.viewers - len(http_keys)}
        )
        summary["servers_alive_at_end"] = sum(s.running() for s in servers)
    finally:
        for server in servers:
            server.kill()
        redis.kill()
        drop_database()
    if summary is not None:
        print(json.dumps(summary))


if __name__ == "__main__":
    main()
