"""Resource-hub visit counting through the real server: 300,000 visits from 50,000 clients.

    DATABASE_URL=postgres://... [REDIS_URL=redis://...] .venv/bin/python bench/hub.py [--visits N --clients N]

A Uvicorn subprocess serves the resource pages (one process with the embedded memory counter, or
``--workers`` processes sharing the Redis counter). Clients are told apart as in production: by address
(``X-Forwarded-For`` behind the trusted local proxy) and User-Agent, no cookies. Redis counters are
flushed by this process every few seconds as Celery beat would (``campaigns.flush_hub_counts``); the
memory counter flushes itself inside the server.

Prints visits/s, the database row writes the run caused (PostgreSQL's ``pg_stat_user_tables``:
inserted + updated + deleted rows), and the count errors: visits must match exactly, uniques within 2%
(HyperLogLog). Baseline, measured in the same run on the same server: the hub's index page, which counts
nothing for anonymous visitors but reads the database on every request (resource pages are served from the
cache); the naive design's writes are one per visit. JSON last line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(env: dict, resources: int) -> dict:
    import subprocess

    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    os.environ.update(env)
    import django

    django.setup()
    from datetime import date

    from accounts.services import user_create
    from webinar.campaigns.services.campaigns import campaign_save
    from webinar.campaigns.services.hub import resource_create

    owner = user_create(
        email=f"hub-bench-{random.randrange(10**9)}@example.com", password=os.urandom(12).hex()
    )
    campaign = campaign_save(
        actor=owner,
        fields={
            "title": "Hub bench",
            "hashtag": "HubBench",
            "description_en": "",
            "description_ms": "",
            "starts_on": date(2026, 1, 1),
            "ends_on": date(2026, 12, 31),
            "organisers": "",
            "published": True,
            "transparency_public": False,
        },
        partners=[],
        webinar_ids=[],
    )
    ids = [
        resource_create(
            campaign=campaign, actor=owner, kind="article", title_en=f"Resource {n}", body_en="Read me."
        ).pk
        for n in range(resources + 1)  # the last one is the sentinel that triggers the final embedded flush
    ]
    return {"slug": campaign.slug, "resources": ids[:-1], "sentinel": ids[-1]}


def db_writes() -> int:
    from django.db import connection

    time.sleep(1.5)  # backends report their statistics shortly after each transaction
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables")
        return int(cursor.fetchone()[0])


def request_bytes(path: str, client: int) -> bytes:
    """One GET as a browser behind the trusted proxy sends it: the client is its address and User-Agent."""
    ip = f"10.{client >> 16 & 255}.{client >> 8 & 255}.{client & 255}"
    return (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: {ip}\r\n"
        f"User-Agent: bench-browser/{client % 7}\r\nConnection: keep-alive\r\n\r\n"
    ).encode()


async def fetch(reader, writer, request: bytes) -> int:
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    at = head.lower().find(b"content-length:")
    if at < 0:
        raise ConnectionError(f"response without Content-Length: {head[:200]!r}")
    length = int(head[at + 15 : head.index(b"\r\n", at)])
    await reader.readexactly(length)
    return status


async def load(port: int, jobs: list[tuple[str, int]], connections: int) -> tuple[float, list[int]]:
    """Sends ``jobs`` over ``connections`` keep-alive connections; returns (seconds, failed statuses)."""
    queue = iter([request_bytes(path, client) for path, client in jobs])
    failures: list[int] = []

    async def worker() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 20)
        try:
            for request in queue:
                status = await fetch(reader, writer, request)
                if status != 200:
                    failures.append(status)
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    return time.perf_counter() - started, failures


def _client_process(port: int, jobs: list[tuple[str, int]], connections: int, start, results) -> None:
    try:
        import uvloop

        uvloop.install()
    except ImportError:  # pragma: no cover - uvloop is a runtime dependency
        pass
    start.wait()
    cpu = time.process_time()
    seconds, failures = asyncio.run(load(port, jobs, connections))
    results.put((seconds, failures[:5], len(failures), time.process_time() - cpu))


def run_clients(
    port: int, jobs: list[tuple[str, int]], connections: int, processes: int, on_start=None
) -> dict:
    """Spreads ``jobs`` over ``processes`` client processes (uvloop, raw keep-alive HTTP/1.1).

    One Python process parses responses at a few thousand per second; several keep the client side
    from limiting the figure. Returns wall seconds (all processes released at once, until the last
    finishes) and the client processes' CPU seconds, which the caller reports beside the server's.
    """
    import multiprocessing

    processes = max(1, min(processes, len(jobs)))
    context = multiprocessing.get_context("fork")
    start, results = context.Event(), context.Queue()
    per_process = max(1, connections // processes)
    children = [
        context.Process(target=_client_process, args=(port, jobs[n::processes], per_process, start, results))
        for n in range(processes)
    ]
    for child in children:
        child.start()
    time.sleep(0.5)
    if on_start is not None:  # after the fork, so no thread of this process is copied mid-call
        on_start()
    started = time.perf_counter()
    start.set()
    outcomes = [results.get() for _ in children]
    seconds = time.perf_counter() - started
    for child in children:
        child.join()
    failed = sum(outcome[2] for outcome in outcomes)
    if failed:
        example = next(status for outcome in outcomes for status in outcome[1])
        raise SystemExit(f"{failed} requests failed, e.g. HTTP {example}")
    return {"seconds": seconds, "client_cpu_seconds": sum(outcome[3] for outcome in outcomes)}


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of ``pid`` and its children, from /proc (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    children_file = Path(f"/proc/{pid}/task/{pid}/children")
    if children_file.exists():
        pids += [int(child) for child in children_file.read_text().split()]
    for one in pids:
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=300_000)
    parser.add_argument("--clients", type=int, default=50_000)
    parser.add_argument("--resources", type=int, default=10)
    parser.add_argument("--baseline", type=int, default=20_000)
    parser.add_argument("--connections", type=int, default=64, help="keep-alive connections in all")
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="server processes (Redis only)")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("bench/hub.py counts database writes with PostgreSQL statistics: set DATABASE_URL")
    redis_url = os.environ.get("REDIS_URL", "")
    flush_seconds = "3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "webinar.settings",
        "DEWAN_TRUSTED_PROXIES": "127.0.0.1",
        "DEWAN_HUB_FLUSH_SECONDS": flush_seconds,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "false",
        "DEWAN_REGISTRATION_RATE": "100000/s",
    }
    data = setup(env, args.resources)
    if redis_url:
        import redis

        client = redis.Redis.from_url(redis_url)
        for key in client.scan_iter("dewan:hub:*"):
            client.delete(key)

    from tests.servers import free_port

    port = free_port()
    workers = args.workers if redis_url else 1
    import subprocess

    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("uvicorn")),
            "webinar.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--lifespan",
            "off",
            "--no-access-log",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(ROOT / "var" / "bench-hub-server.log", "wb"),  # noqa: SIM115 - closed with the process
    )
    stop_flushing = threading.Event()
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                asyncio.run(load(port, [(f"/c/{data['slug']}/hub/", 0)], 1))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

        rng = random.Random(15)
        hub_path = f"/c/{data['slug']}/hub/"
        baseline_jobs = [(hub_path, rng.randrange(args.clients)) for _ in range(args.baseline)]
        baseline = run_clients(port, baseline_jobs, args.connections, args.client_processes)

        jobs, expected_visits, seen = [], dict.fromkeys(data["resources"], 0), set()
        for n in range(args.visits):
            client_id = n % args.clients
            resource = rng.choice(data["resources"])
            jobs.append((f"/c/{data['slug']}/hub/{resource}/", client_id))
            expected_visits[resource] += 1
            seen.add((resource, client_id, client_id % 7))
        rng.shuffle(jobs)
        expected_uniques = len(seen)

        flusher = None
        if redis_url:
            from webinar.campaigns.tasks import flush_hub_counts

            def beat() -> None:
                while not stop_flushing.wait(float(flush_seconds)):
                    flush_hub_counts()

            flusher = threading.Thread(target=beat, daemon=True)
        writes_before = db_writes()
        server_cpu_before = process_tree_cpu(server.pid)
        measured = run_clients(
            port, jobs, args.connections, args.client_processes, on_start=flusher.start if flusher else None
        )
        server_cpu = process_tree_cpu(server.pid) - server_cpu_before
        seconds = measured["seconds"]
        stop_flushing.set()
        if flusher:
            flusher.join()
            flush_hub_counts()
        else:  # the embedded counter flushes on the first visit after its interval
            time.sleep(float(flush_seconds) + 0.5)
            asyncio.run(load(port, [(f"/c/{data['slug']}/hub/{data['sentinel']}/", 0)], 1))
        writes = db_writes() - writes_before
    finally:
        stop_flushing.set()
        server.terminate()
        server.wait(10)

    from django.db.models import Sum

    from webinar.campaigns.models import ResourceDailyStats

    rows = ResourceDailyStats.objects.filter(resource_id__in=data["resources"])
    by_resource = {
        r["resource_id"]: r for r in rows.values("resource_id").annotate(v=Sum("visits"), u=Sum("uniques"))
    }
    counted_visits = {rid: (by_resource.get(rid) or {}).get("v", 0) for rid in data["resources"]}
    visits_error = sum(abs(counted_visits[r] - expected_visits[r]) for r in data["resources"])
    counted_uniques = sum((row.get("u") or 0) for row in by_resource.values())
    uniques_error = abs(counted_uniques - expected_uniques) / expected_uniques
    rate = args.visits / seconds
    baseline_rate = args.baseline / baseline["seconds"]
    result = {
        "backend": "redis" if redis_url else "memory",
        "server_processes": workers,
        "visits": args.visits,
        "clients": args.clients,
        "client_processes": args.client_processes,
        "connections": args.connections,
        "visits_per_second": round(rate, 1),
        "server_cpu_ms_per_visit": round(1000 * server_cpu / args.visits, 3),
        "client_cpu_ms_per_visit": round(1000 * measured["client_cpu_seconds"] / args.visits, 3),
        "baseline_hub_index_pages_per_second": round(baseline_rate, 1),
        "ratio_counted_vs_uncounted": round(rate / baseline_rate, 3),
        "db_row_writes": writes,
        "db_writes_per_visit": round(writes / args.visits, 6),
        "ratio_writes_vs_one_per_visit": round(writes / args.visits, 6),
        "expected_visits": sum(expected_visits.values()),
        "counted_visits": sum(counted_visits.values()),
        "visits_count_error": visits_error,
        "expected_unique_visitors": expected_uniques,
        "counted_unique_visitors": counted_uniques,
        "uniques_error_pct": round(100 * uniques_error, 3),
        "ok": visits_error == 0 and uniques_error <= 0.02,
    }
    for key, value in result.items():
        print(f"{key:>38}: {value}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
