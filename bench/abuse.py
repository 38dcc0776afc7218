"""Abuse: one flooding client that never reads, against a real server while normal viewers measure acks.

One Uvicorn process of the real app (tests/servers.py: the flags of docs/scaling.md; the app wrapped by
bench/instrumented_asgi.py for its counters) on loopback, SQLite and the in-memory channel layer by
default (``--redis``: ``REDIS_URL`` and, when set, ``DATABASE_URL``).

``--viewers`` attendees connect and read everything; ``--samplers`` of them send ``vote`` and ``ask`` at
``--rate`` commands per second in all, and their ack latency is measured twice: by the client (send to
ack read) and by the server (``realtime/latency.py``: the read that brought the frame to the ack written,
which the client processes' own scheduling on a shared machine does not move). The server's RSS is
sampled (``/proc/<pid>/status`` VmRSS) every ``--rss-every`` seconds.

Two kinds of window: quiet (that load alone, ``--quiet`` seconds) and flood (the same load plus a flood
process, ``--flood`` seconds): one attendee socket (``sync``/``vote``/``ask`` bursts)
and one host socket (``answer``/``unanswer``/``unpin``/``slow_mode 0`` bursts) that write as fast as the
kernel takes frames and never read (``SO_RCVBUF`` 4 KiB, nothing read after the upgrade response).
When a flood socket dies (a write fails), the bytes the server managed to send are read once to find its
close frame, and the flood reconnects with the same session and floods again until the window ends
(``--no-flood-reconnect``: one socket per role per window); a connect refused before the upgrade (HTTP
429, or no answer at all once it has ignored ``Retry-After``: realtime/httpprotocol.py) is retried after
0.1 s, ignoring ``Retry-After``.

After a ``--warmup`` window (printed, never compared) the windows alternate ``--rounds`` times (default
8 x (10 s quiet + 10 s flood): many short windows, so the machine's other load, which moves by the
minute, falls alike on both kinds). Printed per window: load average (1 min) at its start and end, the
server's CPU seconds per second, how busy the machine's cores were (``/proc/stat``; with ``--pin``, the
server's core's busy share minus the server's own is the other work that ran there), the viewers'
p50/p99 (client and server side). Then each flood window's p99 against the mean of the quiet windows next
to it: every ratio, their median (the goal's figure) and spread (min, quartiles, max), and the pooled
ratio (p99 of every flood window's acks over p99 of every quiet window's); the quiet server's CPU share of
one core (its own demand: the rest of its core is its headroom on an idle machine) and what the flood
adds; peak RSS and growth over the quiet windows, the flood sockets' fates (close codes, seconds from the
first flood frame until the server closed the connection, connects refused before the upgrade: HTTP 429
or no answer), how many flood commands the server executed, and a JSON last line with the goals of issue
12: RSS growth < 50 MB, every flood socket closed within 5 s, flood p99 within 1.5x of quiet p99.

``--pin`` (on by default where the machine has two cores) puts the server on CPU 0 and this process (the
viewers' clients) and the flood processes on CPU 1, so the clients' work does not queue behind the
server's or the other way round; the flood and the viewers' clients still share CPU 1, so the client-side
latency includes the flood client's own CPU and the server-side latency (read to ack written) is the
server's alone. ``--profile DIR`` runs cProfile on the server's event loop in every window
(``DIR/<kind>-<round>.pstats``; its overhead moves the latencies: profile in a separate run).

    flock /tmp/dewan-bench.lock nice .venv/bin/python bench/abuse.py [--viewers 500] [--rate 20]
        [--rounds 8] [--quiet 10] [--flood 10] [--warmup 10] [--no-pin] [--redis] [--profile DIR]

Every connection goes to 127.0.0.1; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import multiprocessing
import os
import random
import socket
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import pin  # noqa: E402 - after the path is set
from soak import database, seed_registrations  # noqa: E402

from tests.servers import ARTIFACTS, Server, free_port, server_env  # noqa: E402

# The command the figures in docs/scaling.md ("Abuse") come from; rerun it on a quiet machine.
RERUN = """rerun for the record (about 5 min; the defaults are the documented configuration):

    flock /tmp/dewan-bench.lock nice .venv/bin/python bench/abuse.py

and the CPU per refused handshake, same run against the websocket-protocol refusal (about 1 min):

    flock /tmp/dewan-bench.lock nice .venv/bin/python bench/refusal.py
"""
MAX_PHASE = 120  # seconds: a phase never runs longer, whatever the options say
MAX_ROUNDS = 20
# "Idle core": other work took at most this share of the server's core during a window (``others``).
IDLE_CORE_OTHERS = 0.2
SERVER_CPU = 0  # the server's core when pinned; this process, its viewers and the flood get the other
CLIENT_CPU = 1
REFUSED_PAUSE = 0.1  # seconds the flood waits after a refused connect (it ignores Retry-After)
TEXTS = [
    "Will the slides be shared after the session?",
    "How do small businesses apply for the new grant?",
    "Bila tarikh akhir permohonan untuk program ini?",
    "What support is there for rural schools next year?",
]


def percentile_ms(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000, 1)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """The process's user + system CPU time so far (``/proc/<pid>/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def cpu_jiffies() -> dict[str, tuple[int, int]]:
    """Busy and total jiffies so far of the machine (``cpu``) and of each core (``cpu0``, ...), from
    ``/proc/stat``; busy is everything but idle and iowait (other engineers' work included)."""
    out = {}
    for line in Path("/proc/stat").read_text().splitlines():
        if not line.startswith("cpu"):
            break
        name, *fields = line.split()
        values = [int(v) for v in fields[:8]]  # user nice system idle iowait irq softirq steal
        out[name] = (sum(values) - values[3] - values[4], sum(values))
    return out


def busy_shares(before: dict, after: dict) -> dict[str, float]:
    """The share of each core (and of the machine) that was busy between two ``cpu_jiffies``."""
    return {
        name: round((after[name][0] - before[name][0]) / max(1, after[name][1] - before[name][1]), 3)
        for name in after
        if name in before
    }


def note(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


# --- Set-up ---------------------------------------------------------------------------------------


def prepare(env: dict, viewers: int, votable: int) -> dict:
    """Migrate; a live webinar, a host, ``viewers`` + 1 registrations (the last one floods) with join-link
    sessions, and ``votable`` published questions plus one each for the flood's votes and host commands."""
    import subprocess

    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    os.environ.update(env)
    import django

    django.setup()
    from tests.factories import host_session, make_host, make_live_webinar, make_user
    from webinar.models import Question, Registration

    webinar = make_live_webinar(organiser=make_user(name="Abuse organiser"), capacity=viewers + 100)
    host = make_host(webinar, make_user(name="Abuse host"))
    keys = seed_registrations(webinar.pk, 0, viewers + 1)
    author = Registration.objects.filter(webinar=webinar).order_by("pk").first()
    questions = Question.objects.bulk_create(
        [
            Question(
                webinar=webinar,
                author=author,
                text=f"Seeded question {n}",
                language="en",
                status=Question.Status.PUBLISHED,
                client_key=f"seed-{n}",
            )
            for n in range(votable + 2)
        ]
    )
    flood_registration = Registration.objects.filter(webinar=webinar).order_by("-pk").first()
    return {
        "id": webinar.pk,
        "slug": webinar.slug,
        "keys": keys[:viewers],
        "flood_key": keys[viewers],
        "flood_registration": flood_registration.pk,
        "host_key": host_session(host),
        "votable": [q.pk for q in questions[:votable]],
        "flood_vote_question": questions[votable].pk,
        "flood_host_question": questions[votable + 1].pk,
    }


# --- Normal viewers (reading, acks timed) -----------------------------------------------------------


class Viewer:
    def __init__(self, url: str, origin: str, key: str, stats: dict):
        self.url, self.origin, self.key, self.stats = url, origin, key, stats
        self.ws = None
        self.sent: dict[str, float] = {}
        self.n = 0

    async def connect(self) -> None:
        import websockets

        self.ws = await websockets.connect(
            self.url,
            additional_headers={"Origin": self.origin, "Cookie": f"sessionid={self.key}"},
            open_timeout=60,
            max_size=2**23,
            ping_interval=None,
        )
        welcome = json.loads(await asyncio.wait_for(self.ws.recv(), 60))
        if welcome.get("type") != "welcome":
            raise ConnectionError(welcome.get("code", "refused"))
        await self.ws.send('{"type":"sync"}')
        asyncio.get_running_loop().create_task(self.read())

    async def read(self) -> None:
        try:
            async for raw in self.ws:
                if '"client_key"' not in raw:
                    continue  # broadcasts are read (a normal viewer reads everything) and dropped
                message = json.loads(raw)
                sent = self.sent.pop(message.get("client_key") or "", None)
                if sent is None:
                    continue
                kind = "ack" if message.get("type") == "ack" else f"error_{message.get('code')}"
                self.stats["outcomes"][kind] += 1
                if kind == "ack":
                    self.stats["latencies"].append((time.monotonic(), time.monotonic() - sent))
        except Exception:  # noqa: S110 - a dropped viewer is counted below
            pass
        self.stats["dropped"] += 1

    async def command(self, frame: dict) -> None:
        self.sent[frame["client_key"]] = time.monotonic()
        with contextlib.suppress(Exception):
            await self.ws.send(json.dumps(frame))


async def normal_load(viewers: list[Viewer], votable: list[int], rate: float, until: float) -> int:
    """Votes (toggled) and asks from the sampled viewers at ``rate`` per second in all, until ``until``."""
    sent = 0
    next_at = time.monotonic()
    while time.monotonic() < until:
        viewer = random.choice(viewers)
        viewer.n += 1
        key = f"n{id(viewer) % 10**6}-{viewer.n}"
        if random.random() < 0.8:
            frame = {"type": "vote", "client_key": key, "question_id": random.choice(votable)}
            frame["value"] = viewer.n % 2 == 1
        else:
            frame = {"type": "ask", "client_key": key, "text": random.choice(TEXTS) + f" ({key})"}
        await viewer.command(frame)
        sent += 1
        next_at += 1 / rate
        await asyncio.sleep(max(0.0, next_at - time.monotonic()))
    return sent


async def sample_rss(pid: int, every: float, samples: list, stop: asyncio.Event) -> None:
    while not stop.is_set():
        with contextlib.suppress(OSError):
            samples.append((time.monotonic(), rss_mb(pid)))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)


# --- The flood (a separate process, so its writing loop does not slow the viewers' clients) --------


def frame(text: str) -> bytes:
    payload = text.encode()
    mask = os.urandom(4)
    length = len(payload)
    header = bytes([0x81, 0x80 | length]) if length < 126 else bytes([0x81, 0xFE]) + length.to_bytes(2, "big")
    return header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def close_code_in(data: bytes) -> int | None:
    """The close code of the first close frame in ``data`` (server frames are unmasked), if any."""
    pos = data.find(b"\r\n\r\n") + 4
    while len(data) - pos >= 2:
        opcode, length = data[pos] & 0x0F, data[pos + 1] & 0x7F
        header = 2
        if length == 126:
            length, header = int.from_bytes(data[pos + 2 : pos + 4], "big"), 4
        elif length == 127:
            length, header = int.from_bytes(data[pos + 2 : pos + 10], "big"), 10
        if opcode == 8:
            body = data[pos + header : pos + header + length]
            return int.from_bytes(body[:2], "big") if len(body) >= 2 else 1005
        pos += header + length
    return None


def flood_frames(role: str, n: int, setup: dict) -> list[bytes]:
    """A burst of 64 frames: the attendee mixes sync/vote/ask, the host cycles commands (no reads)."""
    out = []
    for i in range(64):
        k = f"flood-{role[0]}{n}-{i}"
        if role == "attendee":
            choice = i % 3
            if choice == 0:
                text = '{"type":"sync"}'
            elif choice == 1:
                question = setup["flood_vote_question"]
                text = json.dumps(
                    {"type": "vote", "client_key": k, "question_id": question, "value": i % 2 == 0}
                )
            else:
                text = json.dumps({"type": "ask", "client_key": k, "text": f"Flood question {k}"})
        else:
            question = setup["flood_host_question"]
            text = json.dumps(
                [
                    {"type": "answer", "question_id": question},
                    {"type": "unanswer", "question_id": question},
                    {"type": "unpin", "question_id": question},
                    {"type": "slow_mode", "seconds": 0},
                ][i % 4]
            )
        out.append(frame(text))
    return out


def flood_socket(port: int, path: str, cookie: str, role: str, setup: dict, until: float) -> dict:
    """One flood socket: upgrade, then write bursts until a write fails or ``until``; never ``recv``
    before that. Returns its fate."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.settimeout(10)
    sock.connect(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        (
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:{port}\r\n"
            f"Cookie: sessionid={cookie}\r\n\r\n"
        ).encode()
    )
    # The upgrade response is read (a refusal before the upgrade is HTTP 429 with Retry-After), then
    # nothing more: a few hundred ms for the welcome to be written by the server, then the flood.
    received = b""
    while b"\r\n\r\n" not in received and len(received) < 65536:
        chunk = sock.recv(65536)
        if not chunk:
            break
        received += chunk
    status = received.split(b" ", 2)[1] if received.startswith(b"HTTP/") else b""
    if status != b"101":
        sock.close()
        retry_after = next(
            (
                line.split(b":", 1)[1].strip().decode()
                for line in received.split(b"\r\n")
                if line.lower().startswith(b"retry-after:")
            ),
            None,
        )
        return {"role": role, "refused": int(status) if status else "no_answer", "retry_after": retry_after}
    time.sleep(0.3)
    started, started_wall = time.monotonic(), time.time()
    sent = bursts = 0
    blocked_at = None  # the first write that waited 2 s: the server stopped reading this socket
    error = "phase_ended"
    sock.settimeout(2)
    while time.monotonic() < until:
        try:
            for data in flood_frames(role, bursts, setup):
                sock.sendall(data)
                sent += 1
        except TimeoutError:
            blocked_at = blocked_at or time.monotonic()
            continue
        except OSError as exc:
            error = type(exc).__name__  # reset or broken pipe: the server closed the connection
            break
        bursts += 1
    ended = time.monotonic()
    sock.settimeout(1)
    with contextlib.suppress(OSError):
        while len(received) < 2**25:
            chunk = sock.recv(1 << 20)
            if not chunk:
                break
            received += chunk
    sock.close()
    return {
        "role": role,
        "first_frame_at": started_wall,
        "last_frame_at": started_wall + (ended - started),
        "frames_written": sent,
        "seconds_to_close": round(ended - started, 2) if error != "phase_ended" else None,
        "seconds_to_unread": round(blocked_at - started, 2) if blocked_at else None,
        "ended_by": error,
        "close_code": close_code_in(received),
        "bytes_read_after": len(received),
    }


def flood_main(port: int, slug: str, setup: dict, seconds: float, reconnect: bool, pipe) -> None:
    """The flood process: an attendee and a host flooding in two threads, each reconnecting after a close.
    It says ``ready`` once started (the interpreter's start-up is not the window's) and floods on ``go``."""
    import threading

    pipe.send("ready")
    if not pipe.poll(60) or pipe.recv() != "go":
        pipe.send([])
        return
    until = time.monotonic() + seconds
    fates: list[dict] = []

    def role_loop(role: str, path: str, cookie: str) -> None:
        while time.monotonic() < until:
            try:
                fate = flood_socket(port, path, cookie, role, setup, until)
            except ConnectionResetError:  # reset before any answer (realtime/httpprotocol.py)
                fate = {"role": role, "refused": "no_answer"}
            except OSError as exc:
                fate = {"role": role, "refused": type(exc).__name__}
            fates.append(fate)
            if "refused" in fate:
                time.sleep(REFUSED_PAUSE)  # ignores Retry-After: comes back 10 times a second
            elif not reconnect:
                return

    threads = [
        threading.Thread(target=role_loop, args=("attendee", f"/ws/w/{slug}/", setup["flood_key"])),
        threading.Thread(target=role_loop, args=("host", f"/ws/w/{slug}/?mode=host", setup["host_key"])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 30)
    pipe.send(fates)


# --- The run ---------------------------------------------------------------------------------------


def bench_get(server: Server, path: str):
    """GET one of ``bench/instrumented_asgi.py``'s endpoints on the server; its JSON."""
    import urllib.request

    with urllib.request.urlopen(f"{server.url}{path}", timeout=30) as answer:  # noqa: S310  # nosec B310 (loopback)
        return json.loads(answer.read())


async def window(args, server: Server, setup: dict, samplers: list, kind: str, n: int, profile_dir) -> dict:
    """One quiet or flood window: the samplers' load for ``--quiet`` / ``--flood`` seconds, with the flood
    process alongside in a flood window. Returns its clocks, load, server CPU and (flood) the fates."""
    seconds = {"warmup": args.warmup, "quiet": args.quiet, "flood": args.flood}[kind]
    if kind == "flood":  # started and imported before the window: its start-up is not the flood
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        flood = context.Process(
            target=flood_main,
            args=(server.port, setup["slug"], setup, seconds, args.flood_reconnect, theirs),
            daemon=True,
        )
        flood.start()
        await asyncio.to_thread(lambda: ours.poll(60) and ours.recv())
        await asyncio.sleep(1)
    if profile_dir:
        await asyncio.to_thread(bench_get, server, "/__bench/profile?start")
    load_start = load_average()
    jiffies = cpu_jiffies()
    cpu = cpu_seconds(server.pid)
    start, start_wall = time.monotonic(), time.time()
    fates: list = []
    if kind == "flood":
        ours.send("go")
    sent = await normal_load(samplers, setup["votable"], args.rate, start + seconds)
    end, end_wall = time.monotonic(), time.time()
    cpu = cpu_seconds(server.pid) - cpu
    busy = busy_shares(jiffies, cpu_jiffies())
    load_end = load_average()
    if profile_dir:
        path = Path(profile_dir) / f"{kind}-{n}.pstats"
        await asyncio.to_thread(bench_get, server, f"/__bench/profile?stop={path}")
    if kind == "flood":
        fates = await asyncio.to_thread(lambda: ours.recv() if ours.poll(seconds + 60) else [])
        flood.join(10)
    await asyncio.sleep(2)  # the last commands' acks; the next window starts afresh
    return {
        "kind": kind,
        "round": n,
        "clock": (start, end),
        "wall": (start_wall, end_wall),
        "sent": sent,
        "fates": fates,
        "load_average": {"start": load_start, "end": load_end},
        # The server's CPU seconds per second of the window: what the flood costs it, whatever the
        # machine's other load does to the latencies.
        "server_cpu_per_s": round(cpu / (end - start), 3),
        # How busy each core was (the machine's other work included): with the server pinned, its
        # core's busy share minus the server's own CPU per second is what else ran there.
        "cpu_busy": busy,
    }


async def run(args, server: Server, setup: dict) -> dict:
    url = f"{server.ws_url}/ws/w/{setup['slug']}/"
    stats = {"latencies": [], "outcomes": Counter(), "dropped": 0}
    viewers = [Viewer(url, server.url, key, stats) for key in setup["keys"]]
    gate = asyncio.Semaphore(args.parallel)

    async def join(viewer):
        async with gate:
            await viewer.connect()

    started = time.monotonic()
    results = await asyncio.gather(*(join(v) for v in viewers), return_exceptions=True)
    connected = [v for v, r in zip(viewers, results, strict=True) if not isinstance(r, Exception)]
    note(f"{len(connected)} of {len(viewers)} viewers connected in {time.monotonic() - started:.1f} s")
    samplers = random.sample(connected, min(args.samplers, len(connected)))
    rss: list = []
    stop_rss = asyncio.Event()
    rss_task = asyncio.create_task(sample_rss(server.pid, args.rss_every, rss, stop_rss))
    await asyncio.sleep(3)  # the snapshots have been sent; RSS settles

    from webinar.models import WebinarEvent

    def last_event_id() -> int:
        return WebinarEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    events_before_flood = await asyncio.to_thread(last_event_id)
    await asyncio.to_thread(bench_get, server, "/__bench/acks")  # the connects' syncs are not measured
    windows, server_acks = [], []
    warmup = None
    if args.warmup:  # the viewers' connects and syncs settle; measured and printed, never compared
        warmup = await window(args, server, setup, samplers, "warmup", 0, None)
        server_acks += await asyncio.to_thread(bench_get, server, "/__bench/acks")
        note("warm-up window done")
    for n in range(args.rounds):
        for kind in ("quiet", "flood"):
            windows.append(await window(args, server, setup, samplers, kind, n, args.profile))
            server_acks += await asyncio.to_thread(bench_get, server, "/__bench/acks")
            note(f"{kind} window {n + 1} of {args.rounds} done")
    stop_rss.set()
    await rss_task
    for viewer in connected:
        with contextlib.suppress(Exception):
            await viewer.ws.close()
    return {
        "connected": len(connected),
        "stats": stats,
        "server_acks": server_acks,
        "rss": rss,
        "windows": windows,
        "warmup": warmup,
        "events_before_flood": events_before_flood,
    }


def median(values: list[float]) -> float | None:
    ordered = sorted(v for v in values if v is not None)
    if not ordered:
        return None
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else round((ordered[middle - 1] + ordered[middle]) / 2, 3)


def window_figures(window: dict, stats: dict, server_acks: list, rss: list, pinned: bool) -> dict:
    """A window's figures: the viewers' ack latency as they saw it and as the server measured it (frame
    read to ack written; only the samplers' commands), server CPU, how busy the cores were, load, peak
    RSS."""
    first, last = window["clock"]
    first_wall, last_wall = window["wall"]
    client = [lat for at, lat in stats["latencies"] if first <= at <= last + 2]
    server = [
        lat for at, lat, key in server_acks if key.startswith("n") and first_wall <= at <= last_wall + 2
    ]
    return {
        "kind": window["kind"],
        "round": window["round"],
        "acks": len(client),
        "p50_ms": percentile_ms(client, 0.5),
        "p99_ms": percentile_ms(client, 0.99),
        "server_acks": len(server),
        "server_p50_ms": percentile_ms(server, 0.5),
        "server_p99_ms": percentile_ms(server, 0.99),
        "server_cpu_per_s": window["server_cpu_per_s"],
        "cpu_busy": window["cpu_busy"],
        # Other work on the server's core (the machine's other load; this bench's clients are elsewhere).
        "others_on_server_cpu": round(
            max(0.0, window["cpu_busy"].get(f"cpu{SERVER_CPU}", 0.0) - window["server_cpu_per_s"]), 3
        )
        if pinned
        else None,
        "load_average_1m": [window["load_average"]["start"][0], window["load_average"]["end"][0]],
        "rss_peak_mb": round(max((mb for at, mb in rss if first <= at <= last + 3), default=0.0), 1),
        "commands_sent": window["sent"],
    }


def spread(values: list[float | None]) -> dict | None:
    """Minimum, quartiles and maximum of ``values`` (None left out)."""
    ordered = sorted(v for v in values if v is not None)
    if not ordered:
        return None

    def at(fraction: float) -> float:
        return ordered[min(len(ordered) - 1, int(fraction * (len(ordered) - 1) + 0.5))]

    return {"min": ordered[0], "q1": at(0.25), "median": median(ordered), "q3": at(0.75), "max": ordered[-1]}


def flood_ratios(
    figures: list[dict], key: str, *, kind: str = "flood", step: int = 1, idle_core: bool = False
) -> list[float | None]:
    """Each ``kind`` window's ``key`` against the mean of the quiet windows ``step`` places before and after
    it: with ``kind="flood", step=1`` the quiet windows next to each flood window (the goal's ratio); with
    ``kind="quiet", step=2`` each quiet window against the quiet windows around it, the same statistic
    with no flood at all (how far the machine alone moves it). ``idle_core``: only windows during which
    other work took at most ``IDLE_CORE_OTHERS`` of the server's core (pinned runs), on both sides."""

    def counted(window: dict) -> bool:
        others = window["others_on_server_cpu"]
        return not idle_core or (others is not None and others <= IDLE_CORE_OTHERS)

    ratios = []
    for i, window in enumerate(figures):
        if window["kind"] != kind or not counted(window):
            continue
        around = [
            figures[j][key]
            for j in (i - step, i + step)
            if 0 <= j < len(figures) and figures[j]["kind"] == "quiet" and counted(figures[j])
        ]
        around = [value for value in around if value]
        ratios.append(round(window[key] / (sum(around) / len(around)), 2) if around and window[key] else None)
    return ratios


def summarise(args, setup: dict, outcome: dict) -> dict:
    from webinar.models import Question, WebinarEvent

    stats, rss, pinned = outcome["stats"], outcome["rss"], bool(args.pinned)
    figures = [window_figures(w, stats, outcome["server_acks"], rss, pinned) for w in outcome["windows"]]
    warmup = outcome["warmup"]
    warmup = warmup and window_figures(warmup, stats, outcome["server_acks"], rss, pinned)
    pooled = {
        kind: [
            lat
            for w in outcome["windows"]
            if w["kind"] == kind
            for at, lat in stats["latencies"]
            if w["clock"][0] <= at <= w["clock"][1] + 2
        ]
        for kind in ("quiet", "flood")
    }
    quiet_peak = max((f["rss_peak_mb"] for f in figures if f["kind"] == "quiet"), default=0.0)
    flood_peak = max((f["rss_peak_mb"] for f in figures if f["kind"] == "flood"), default=0.0)
    fates = [fate for w in outcome["windows"] for fate in w["fates"]]
    closed = [f for f in fates if "frames_written" in f]
    refused = [f for f in fates if "refused" in f]
    seconds = [f["seconds_to_close"] for f in closed if f["seconds_to_close"] is not None]
    flood_questions = Question.objects.filter(webinar_id=setup["id"], client_key__startswith="flood-")
    events = Counter(
        WebinarEvent.objects.filter(webinar_id=setup["id"], pk__gt=outcome["events_before_flood"])
        .values_list("type", flat=True)
        .iterator()
    )
    client_ratios = flood_ratios(figures, "p99_ms")
    server_ratios = flood_ratios(figures, "server_p99_ms")
    controls = {
        side: flood_ratios(figures, key, kind="quiet", step=2)
        for side, key in (("client", "p99_ms"), ("server", "server_p99_ms"))
    }
    idle_core = {
        side: [r for r in flood_ratios(figures, key, idle_core=True) if r is not None]
        for side, key in (("client", "p99_ms"), ("server", "server_p99_ms"))
    }
    ratio, server_ratio = median(client_ratios), median(server_ratios)
    server_pooled = {
        kind: [
            lat
            for w in outcome["windows"]
            if w["kind"] == kind
            for at, lat, key in outcome["server_acks"]
            if key.startswith("n") and w["wall"][0] <= at <= w["wall"][1] + 2
        ]
        for kind in ("quiet", "flood")
    }
    p99 = {kind: percentile_ms(pooled[kind], 0.99) for kind in pooled}
    server_p99 = {kind: percentile_ms(server_pooled[kind], 0.99) for kind in server_pooled}
    cpu = {
        kind: median([f["server_cpu_per_s"] for f in figures if f["kind"] == kind])
        for kind in ("quiet", "flood")
    }
    flood_seconds = args.flood * args.rounds
    result = {
        "bench": "abuse",
        "viewers": outcome["connected"],
        "samplers": args.samplers,
        "rate_per_s": args.rate,
        "windows_run": "Q F " * args.rounds,
        "window_seconds": {"quiet": args.quiet, "flood": args.flood},
        "services": "redis+"
        + ("postgresql" if "postgres" in os.environ.get("DATABASE_URL", "") else "sqlite")
        if args.redis
        else "embedded (sqlite, in-memory layer)",
        "outcomes": dict(stats["outcomes"]),
        "viewers_dropped": stats["dropped"] - outcome["connected"],  # each closes once at the end
        "windows": figures,
        "quiet_p50_ms": percentile_ms(pooled["quiet"], 0.5),
        "quiet_p99_ms": percentile_ms(pooled["quiet"], 0.99),
        "flood_p50_ms": percentile_ms(pooled["flood"], 0.5),
        "flood_p99_ms": percentile_ms(pooled["flood"], 0.99),
        "p99_ratios_flood_vs_quiet": client_ratios,
        "p99_ratio_flood_vs_quiet": ratio,
        "p99_ratio_spread": spread(client_ratios),
        "server_p99_ratios_flood_vs_quiet": server_ratios,
        "server_p99_ratio_flood_vs_quiet": server_ratio,
        "server_p99_ratio_spread": spread(server_ratios),
        # The same ratio between quiet windows alone (no flood in either): the machine's own noise.
        "quiet_vs_quiet_p99_ratios": controls,
        "quiet_vs_quiet_p99_ratio_spread": {side: spread(r) for side, r in controls.items()},
        # The goal's ratio over the windows when other work left the server's core nearly idle (pinned
        # runs: others <= IDLE_CORE_OTHERS in the flood window and in each quiet window it is compared with).
        "idle_core_p99_ratios": idle_core,
        "idle_core_p99_ratio_median": {side: median(r) for side, r in idle_core.items()},
        # Every flood window's samples against every quiet window's, windows interleaved.
        "pooled_p99_ms": {"client": p99, "server": server_p99},
        "pooled_p99_ratio_flood_vs_quiet": {
            "client": round(p99["flood"] / p99["quiet"], 2) if p99["quiet"] and p99["flood"] else None,
            "server": round(server_p99["flood"] / server_p99["quiet"], 2)
            if server_p99["quiet"] and server_p99["flood"]
            else None,
        },
        "server_cpu_per_s": cpu,
        # The server's own demand while quiet, as a share of one core: the rest of its core is its headroom
        # (on an otherwise idle machine).
        "quiet_server_cpu_share": cpu["quiet"],
        "flood_extra_server_cpu_per_s": round(cpu["flood"] - cpu["quiet"], 3)
        if cpu["flood"] is not None and cpu["quiet"] is not None
        else None,
        "others_on_server_cpu": {
            kind: [f["others_on_server_cpu"] for f in figures if f["kind"] == kind]
            for kind in ("quiet", "flood")
        },
        "pinned": args.pinned,
        "warmup": warmup,
        "server_cpu_ms_per_flood_socket": round(
            (cpu["flood"] - cpu["quiet"]) * flood_seconds / len(closed) * 1000, 1
        )
        if closed and cpu["flood"] is not None and cpu["quiet"] is not None
        else None,
        "rss_mb": {
            "start": round(rss[0][1], 1) if rss else None,
            "quiet_peak": quiet_peak,
            "flood_peak": flood_peak,
            "growth_vs_quiet_peak": round(flood_peak - quiet_peak, 1),
            "end": round(rss[-1][1], 1) if rss else None,
        },
        "flood_sockets": len(closed),
        "flood_refused_connects": dict(Counter(str(f["refused"]) for f in refused)),
        "flood_first_sockets": [
            next((f for f in closed if f["role"] == r), None) for r in ("attendee", "host")
        ],
        "flood_close_codes": dict(Counter(str(f["close_code"]) for f in closed)),
        "flood_ended_by": dict(Counter(f["ended_by"] for f in closed)),
        "flood_seconds_to_close_max": max(seconds, default=None),
        "flood_frames_written": sum(f["frames_written"] for f in closed),
        "flood_executed": {
            "questions_stored": flood_questions.count(),
            "events_during_flood_by_type": dict(events),
        },
        "load_average": {
            kind: [f["load_average_1m"] for f in figures if f["kind"] == kind] for kind in ("quiet", "flood")
        },
    }
    result["goals"] = {"rss_growth_mb_below": 50, "flood_closed_within_s": 5, "p99_ratio_at_most": 1.5}
    result["goals_met"] = {
        "rss_growth_below_50_mb": result["rss_mb"]["growth_vs_quiet_peak"] < 50,
        # Closed = the connection is gone (reset, or refused our writes) within 5 s of its first frame.
        # A socket the window's end cut off less than 5 s after its first frame is not judged.
        "flood_closed_within_5_s": bool(seconds)
        and max(seconds) <= 5
        and all(f["last_frame_at"] - f["first_frame_at"] < 5 for f in closed if not f["seconds_to_close"]),
        # The median over the flood windows of p99 against the quiet windows next to each.
        "p99_within_1_5x_quiet": ratio is not None and ratio <= 1.5,
        "server_p99_within_1_5x_quiet": server_ratio is not None and server_ratio <= 1.5,
    }
    return result


def print_table(summary: dict) -> None:
    """The windows and the headline figures, readable (the JSON line follows)."""
    columns = ("load 1m", "cpu/s", "others", "busy", "acks", "p50", "p99", "srv p50", "srv p99")
    print(f"{'window':<10}" + "".join(f"{c:>11}" for c in columns))
    for w in ([summary["warmup"]] if summary["warmup"] else []) + summary["windows"]:
        cells = [
            "-".join(f"{x:.1f}" for x in w["load_average_1m"]),
            w["server_cpu_per_s"],
            "-" if w["others_on_server_cpu"] is None else w["others_on_server_cpu"],
            w["cpu_busy"].get("cpu", "-"),
            w["acks"],
            *(w[k] or "-" for k in ("p50_ms", "p99_ms", "server_p50_ms", "server_p99_ms")),
        ]
        print(f"{w['kind']:<6} {w['round'] + 1:<3}" + "".join(f"{c!s:>11}" for c in cells))
    s = summary
    print(
        "cpu/s: the server's CPU seconds per second; others: the rest of its core's busy share (other work "
        "there; pinned runs only); busy: the machine's busy share (both cores)"
    )
    for side, key in (("client", ""), ("server", "server_")):
        print(
            f"p99 flood/quiet, {side}: {s[key + 'p99_ratios_flood_vs_quiet']} median "
            f"{s[key + 'p99_ratio_flood_vs_quiet']}, spread {s[key + 'p99_ratio_spread']}; pooled "
            f"{s['pooled_p99_ratio_flood_vs_quiet'][side]} ({s['pooled_p99_ms'][side]})"
        )
    for side in ("client", "server"):
        print(
            f"p99 quiet/quiet (no flood), {side}: {s['quiet_vs_quiet_p99_ratios'][side]} spread "
            f"{s['quiet_vs_quiet_p99_ratio_spread'][side]}"
        )
    for side in ("client", "server"):
        print(
            f"p99 flood/quiet on an idle core (others <= {IDLE_CORE_OTHERS}), {side}: "
            f"{s['idle_core_p99_ratios'][side]} median {s['idle_core_p99_ratio_median'][side]}"
        )
    print(
        f"quiet server CPU share of one core {s['quiet_server_cpu_share']}, flood adds "
        f"{s['flood_extra_server_cpu_per_s']} CPU-s/s; pinned {s['pinned']}"
    )
    print(
        f"flood sockets {s['flood_sockets']} (close codes {s['flood_close_codes']}), refused before the "
        f"upgrade {s['flood_refused_connects']}; closed within {s['flood_seconds_to_close_max']} s"
    )
    print(f"RSS growth {s['rss_mb']['growth_vs_quiet_peak']} MB; server CPU/s {s['server_cpu_per_s']}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog=RERUN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--viewers", type=int, default=500)
    parser.add_argument("--samplers", type=int, default=50, help="viewers that vote and ask")
    parser.add_argument("--rate", type=float, default=20.0, help="votes + asks per second, all samplers")
    parser.add_argument(
        "--quiet", type=float, default=10.0, help=f"seconds per quiet window (max {MAX_PHASE})"
    )
    parser.add_argument(
        "--flood", type=float, default=10.0, help=f"seconds per flood window (max {MAX_PHASE})"
    )
    parser.add_argument(
        "--rounds", type=int, default=8, help=f"quiet + flood windows, alternating (max {MAX_ROUNDS})"
    )
    parser.add_argument(
        "--warmup", type=float, default=10.0, help="seconds of load before the first window (not compared)"
    )
    parser.add_argument(
        "--pin",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=f"server on CPU {SERVER_CPU}, this process, its viewers and the flood on CPU {CLIENT_CPU} "
        "(when the machine has two)",
    )
    parser.add_argument("--profile", metavar="DIR", help="cProfile the server's loop in each window into DIR")
    parser.add_argument("--votable", type=int, default=20, help="published questions the samplers vote on")
    parser.add_argument("--rss-every", type=float, default=0.25)
    parser.add_argument("--parallel", type=int, default=50, help="viewers connecting at once")
    parser.add_argument(
        "--flood-reconnect",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="the flood reconnects after each close (same session)",
    )
    parser.add_argument(
        "--redis", action="store_true", help="use REDIS_URL (and DATABASE_URL when set) from the environment"
    )
    args = parser.parse_args()
    args.quiet, args.flood = min(args.quiet, MAX_PHASE), min(args.flood, MAX_PHASE)
    args.warmup = max(0.0, min(args.warmup, MAX_PHASE))
    args.rounds = max(1, min(args.rounds, MAX_ROUNDS))
    if args.profile:
        Path(args.profile).mkdir(parents=True, exist_ok=True)
        args.profile = str(Path(args.profile).resolve())
    if args.redis and not os.environ.get("REDIS_URL"):
        parser.error("--redis needs REDIS_URL")

    args.database_url = os.environ.get("DATABASE_URL") if args.redis else None
    database_url, drop_database = database(args)
    ARTIFACTS.mkdir(exist_ok=True)
    port = free_port()
    env = server_env(
        port=port,
        database_url=database_url,
        redis_url=os.environ["REDIS_URL"] if args.redis else "",
        DJANGO_SETTINGS_MODULE="tests.settings",
        DEBUG="0",
        # The normal viewers' commands must never meet a rate limit: the flood must meet the budgets.
        DEWAN_QUESTION_RATE="100000/60",
        DEWAN_QUESTIONS_PER_ATTENDEE="1000000",  # nor the 50 questions an attendee may ask
        DEWAN_VOTE_RATE="100000/60",
        # Every viewer connects from 127.0.0.1: lift the per-address caps (realtime/budget.py); the
        # per-socket and per-registration budgets and the reply queue stay at their defaults.
        DEWAN_WS_CONNECT_RATE="1000000/60",
        DEWAN_WS_MAX_SOCKETS_PER_ADDRESS="1000000",
        # tests.settings lifts the budgets for the test suite: the bench runs the production defaults
        # (webinar/settings.py, docs/protocol.md "Budgets and close codes").
        DEWAN_WS_SOCKET_BUDGET="200/60",
        DEWAN_WS_REGISTRATION_BUDGET="400/60",
        DEWAN_WS_MAX_SOCKETS_PER_REGISTRATION="5",
        DEWAN_WS_MAX_PENDING_REPLIES="256",
        DEWAN_BENCH_LATENCY="1",  # server-side ack latency (realtime/latency.py)
    )
    server = Server(port=port, env=env, name="abuse", app="bench.instrumented_asgi:app")
    summary = None
    try:
        setup = prepare(env, args.viewers, args.votable)
        server.start(timeout=60)
        args.pinned = None
        if args.pin and pin(server.pid, {SERVER_CPU}) and pin(os.getpid(), {CLIENT_CPU}):
            # Children started from now on (the flood processes) inherit CPU 1.
            args.pinned = {"server": SERVER_CPU, "viewers_and_flood": CLIENT_CPU}
        elif args.pin:
            note("could not pin (fewer than two CPUs, or not allowed): running unpinned")
        outcome = asyncio.run(run(args, server, setup))
        summary = summarise(args, setup, outcome)
        summary["server_alive_at_end"] = server.running()
    finally:
        server.kill()
        drop_database()
    if summary is not None:
        print_table(summary)
        print(json.dumps(summary))


if __name__ == "__main__":
    main()
