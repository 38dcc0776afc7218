"""Fan-out: Dewan's hub against a raw ASGI broadcast server, same clients, same run, loopback only.

For each server in turn (raw first, then Dewan), starts ``--processes`` Uvicorn processes with the
same flags, connects ``--clients`` websocket clients spread over them from ``--client-procs`` client
processes (bench/wsclients.py), then measures:

* burst: ``--burst-events`` events published back to back; deliveries per second until the last one
  arrives, server CPU (utime + stime of the server processes) per delivery, and messages lost;
* steady: events at ``--steady-rate`` deliveries per second; p50/p99 latency from publish to receipt;
* memory: server RSS after connecting the clients minus before (one warm-up socket each), per socket;
* Dewan only: an end-to-end pass through the real services (questions submitted, screened, held,
  approved, answered, pinned, voted on): every client must hold every public sequence number, and the
  coalesced vote counts they end with must match the database.

Dewan's events go through ``realtime.broadcast.publish`` exactly as services send them after commit
(Redis pub/sub channel layer, one hub per process); the raw server's through one Redis ``PUBLISH``.
The last line printed is JSON with both servers' figures and the ratios Dewan/raw.

    .venv/bin/python bench/fanout.py [--clients 2000] [--processes 1,2,4] [--nginx] [--ws websockets-sansio]

``--processes`` takes a list: each count is measured in turn (raw then Dewan), and the last line adds
Dewan's CPU per delivery per count and its spread (the goal: flat within 20 %), with the Redis messages
per event per process counted inside each Dewan process (bench/instrumented_asgi.py). ``--nginx`` puts
Debian's nginx-light in front (installed when missing, loopback only; ``harness.Nginx``) and reports its
CPU per delivery too. The bench raises its descriptor limit for ``--clients 10000`` (up to the hard
limit), and nginx gets as many workers as its two descriptors per socket need (``harness.Nginx``);
handshakes that failed are printed as ``connect_failures``.

Needs Redis (``--redis-url``, default db 11) and PostgreSQL (``--database-url``, default the
``dewan_bench`` database, created and migrated when missing).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time

import wsclients
from common import live_webinar_with_viewers
from harness import (
    Clients,
    Nginx,
    add_common_arguments,
    bench_env,
    cpu_seconds,
    ensure_database,
    load_average,
    note,
    percentile,
    raise_nofile,
    rss_kb,
    server_stats,
    start_servers,
    stop_servers,
)


def prepare(env: dict, clients: int, warmups: int) -> dict:
    """A live webinar with one registration and session per client, and the warm-ups (bench/common.py)."""
    return live_webinar_with_viewers(env, clients + warmups, title="Fan-out bench")


def services_pass(room: dict, questions: int) -> dict:
    """Real questions and moderation through the services; returns the public seq range and votes."""
    from webinar.models import Question, Webinar
    from webinar.services import moderation
    from webinar.services.questions import question_submit, vote_set

    webinar_id, organiser = room["webinar_id"], room["organiser"]
    first = Webinar.objects.get(pk=webinar_id).last_public_seq + 1
    authors = room["registrations"][:20]
    topics = ["the budget", "public transport", "schools", "clean water", "jobs for graduates", "housing"]
    created = []
    for n in range(questions):
        result = question_submit(
            webinar_id=webinar_id,
            registration_id=authors[n % len(authors)],
            client_key=f"fanout-{n}",
            text=f"Question {n}: what is the plan for {topics[n % len(topics)]} in the next two years?",
        )
        created.append(result.question)
    for n, question in enumerate(created):
        question.refresh_from_db()
        if question.status != Question.Status.PUBLISHED:
            moderation.question_approve(actor=organiser, webinar_id=webinar_id, question_id=question.pk)
        if n % 3 == 0:
            moderation.question_answer(actor=organiser, webinar_id=webinar_id, question_id=question.pk)
        if n % 10 == 0:
            moderation.question_pin(actor=organiser, webinar_id=webinar_id, question_id=question.pk)
    voters = room["registrations"][20:120]
    for question in created[:5]:
        for voter in voters:
            vote_set(webinar_id=webinar_id, registration_id=voter, question_id=question.pk, value=True)
    last = Webinar.objects.get(pk=webinar_id).last_public_seq
    counts = {
        str(pk): n
        for pk, n in Question.objects.filter(pk__in=[q.pk for q in created[:5]]).values_list(
            "pk", "vote_count"
        )
    }
    return {"first": first, "last": last, "votes": counts}


# --- One server under test ----------------------------------------------------------------------


def wait_for(clients: Clients, expected: int, quiet_seconds: float, cap_seconds: float) -> dict:
    """Poll until every delivery arrived, nothing arrived for ``quiet_seconds``, or the cap."""
    deadline = time.monotonic() + cap_seconds
    last_count, last_change = -1, time.monotonic()
    while True:
        time.sleep(0.25)
        totals = clients.totals()
        if totals["received"] != last_count:
            last_count, last_change = totals["received"], time.monotonic()
        if totals["received"] >= expected or time.monotonic() - last_change > quiet_seconds:
            return totals
        if time.monotonic() > deadline:
            return totals


def measure(kind: str, args, env: dict, clients: Clients, room: dict | None, processes: int) -> dict:
    channel = f"dewan-bench:raw:{random.randrange(10**9)}"
    server_env = {**env, "RAW_BENCH_CHANNEL": channel}
    servers, ports = start_servers(kind, args, server_env, count=processes)
    pids = [server.pid for server in servers]
    front = None
    try:
        if args.nginx:
            front = Nginx(ports, sockets=args.clients)
            note(f"{kind}: nginx ({front.workers} workers) on 127.0.0.1:{front.port} in front of {ports}")
        if kind == "dewan":
            from realtime import broadcast, protocol

            path = f"/ws/w/{room['slug']}/"
            keys = room["keys"]

            def publish(i: int) -> None:
                message = protocol.event_message(
                    type=wsclients.TICK, seq=0, stream="public", payload={"i": i, "t": time.time_ns()}
                )
                broadcast.publish(webinar_id=room["webinar_id"], stream="public", message=message)

        else:
            import orjson
            import redis

            redis_client = redis.Redis.from_url(args.redis_url)
            path, keys = "/ws/raw/", [None] * (args.clients + processes)

            def publish(i: int) -> None:
                text = orjson.dumps(
                    {
                        "type": wsclients.TICK,
                        "seq": 0,
                        "stream": "public",
                        "data": {"i": i, "t": time.time_ns()},
                    }
                )
                redis_client.publish(channel, text)

        note(f"{kind}: {len(pids)} server processes up; connecting")
        warm = [(port, path, keys[args.clients + n]) for n, port in enumerate(ports)]
        clients.ask("connect", warm, 4, only=0)
        time.sleep(1.0)
        rss_before = rss_kb(pids)
        started = time.monotonic()
        entry = [front.port] if front else ports
        targets = [(entry[n % len(entry)], path, keys[n]) for n in range(args.clients)]
        connected = clients.connect(targets, args.parallel) - len(warm)
        connect_seconds = time.monotonic() - started
        time.sleep(2.0)  # let connection set-up work (sessions, presence) finish before measuring
        rss_after = rss_kb(pids)
        sockets = connected + len(warm)

        note(f"{kind}: {sockets} sockets in {connect_seconds:.1f} s; burst")
        # Burst: everything at once; the slowest socket decides when it is over.
        clients.ask("reset", False)
        hub_before = [server_stats(port)["hub_messages"] for port in ports] if kind == "dewan" else None
        front_pids = front.pids() if front else []
        front_before = cpu_seconds(front_pids) if front else 0.0
        load = load_average()
        cpu_before = cpu_seconds(pids)
        t0 = time.time_ns()
        for i in range(args.burst_events):
            publish(i)
        publish_seconds = (time.time_ns() - t0) / 1e9
        expected = args.burst_events * sockets
        totals = wait_for(clients, expected, quiet_seconds=5, cap_seconds=120)
        cpu_used = cpu_seconds(pids) - cpu_before
        front_used = (cpu_seconds(front_pids) - front_before) if front else None
        burst_seconds = (totals["last_ns"] - t0) / 1e9 if totals["last_ns"] else float("nan")
        burst = {
            "events": args.burst_events,
            "deliveries": totals["received"],
            "lost": expected - totals["received"],
            "resyncs": totals["resyncs"],
            "seconds": round(burst_seconds, 3),
            "publish_seconds": round(publish_seconds, 3),
            "deliveries_per_second": round(totals["received"] / burst_seconds) if totals["received"] else 0,
            "cpu_us_per_delivery": round(cpu_used * 1e6 / max(1, totals["received"]), 2),
            "server_cpu_seconds": round(cpu_used, 2),
            "load_average": load,
        }
        if front_used is not None:
            burst["nginx_cpu_us_per_delivery"] = round(front_used * 1e6 / max(1, totals["received"]), 2)
        if hub_before is not None:
            # Each event crosses Redis once per subscribed process: messages received per process per event.
            per_process = [
                server_stats(port)["hub_messages"] - before
                for port, before in zip(ports, hub_before, strict=True)
            ]
            burst["redis_messages_per_event_per_process"] = [
                round(n / args.burst_events, 3) for n in per_process
            ]
            burst["redis_messages_per_event"] = round(sum(per_process) / args.burst_events, 3)
        time.sleep(1.0)

        note(f"{kind}: burst {burst}; steady")
        # Steady: evenly spaced events at the target delivery rate, latency from publish to receipt.
        interval = sockets / args.steady_rate
        events = max(args.steady_min_events, round(args.steady_seconds / interval))
        clients.ask("reset", True)
        cpu_before = cpu_seconds(pids)
        next_at = time.monotonic()
        for i in range(events):
            publish(100_000 + i)
            next_at += interval
            time.sleep(max(0.0, next_at - time.monotonic()))
        wait_for(clients, events * sockets, quiet_seconds=3, cap_seconds=30)
        cpu_used = cpu_seconds(pids) - cpu_before
        totals = clients.totals(latencies=True)
        latencies = totals["latencies"]
        steady = {
            "deliveries_per_second_target": args.steady_rate,
            "events": events,
            "deliveries": totals["received"],
            "lost": events * sockets - totals["received"],
            "p50_ms": round(percentile(latencies, 0.50) / 1e6, 2),
            "p99_ms": round(percentile(latencies, 0.99) / 1e6, 2),
            "max_ms": round(max(latencies) / 1e6, 2) if latencies else None,
            "mean_ms": round(statistics.fmean(latencies) / 1e6, 2) if latencies else None,
            "server_cpu_seconds": round(cpu_used, 2),
        }
        result = {
            "processes": len(pids),
            "clients": connected,
            "connect_seconds": round(connect_seconds, 1),
            "connect_failures": clients.failures,
            "nginx_workers": front.workers if front else None,
            "rss_kb_per_connection": round((rss_after - rss_before) / max(1, connected), 1),
            "rss_mb_total": round(rss_after / 1024, 1),
            "burst": burst,
            "steady": steady,
            "closed_by_server": clients.totals()["closed"],
        }
        note(f"{kind}: steady {steady}")
        if kind == "dewan" and args.questions:
            clients.ask("reset", False)
            outcome = services_pass(room, args.questions)
            time.sleep(2.0)  # the last vote flush is at most 0.25 s away; give slow sockets time
            checks = clients.ask("seqs", outcome["first"], outcome["last"])
            votes = clients.ask("votes", outcome["votes"])
            result["end_to_end"] = {
                "public_events": outcome["last"] - outcome["first"] + 1,
                "sockets_checked": sum(c["checked"] for c in checks),
                "sockets_missing_events": sum(c["sockets_missing"] for c in checks),
                "events_lost": sum(c["missing"] for c in checks),
                "votes_messages_per_socket": round(clients.totals()["votes"] / max(1, sockets), 2),
                "sockets_with_stale_votes": sum(v["sockets_with_stale_votes"] for v in votes),
            }
        clients.ask("close")
        return result
    finally:
        if front is not None:
            front.stop()
        stop_servers(servers)


def ratios(raw: dict, dewan: dict) -> dict:
    return {
        "deliveries_per_second": round(
            dewan["burst"]["deliveries_per_second"] / max(1, raw["burst"]["deliveries_per_second"]), 3
        ),
        "cpu_per_delivery": round(
            dewan["burst"]["cpu_us_per_delivery"] / max(0.01, raw["burst"]["cpu_us_per_delivery"]), 3
        ),
        "p99_latency": round(dewan["steady"]["p99_ms"] / max(0.01, raw["steady"]["p99_ms"]), 3),
        "rss_per_connection": round(
            dewan["rss_kb_per_connection"] / max(0.1, raw["rss_kb_per_connection"]), 3
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=2000)
    add_common_arguments(parser)
    parser.add_argument(
        "--processes", default="1", help="server processes of each kind; a list (1,2,4) measures each in turn"
    )
    parser.add_argument("--nginx", action="store_true", help="clients connect through nginx (least_conn)")
    parser.add_argument("--burst-events", type=int, default=200)
    parser.add_argument("--steady-rate", type=float, default=1000, help="deliveries per second")
    parser.add_argument("--steady-seconds", type=float, default=30)
    parser.add_argument("--steady-min-events", type=int, default=8)
    parser.add_argument("--questions", type=int, default=30, help="end-to-end questions (0: skip)")
    parser.add_argument("--only", choices=["both", "dewan", "raw"], default="both")
    args = parser.parse_args()
    counts = [int(n) for n in str(args.processes).split(",")]
    # Each socket is a descriptor in a client process, in a server and (with nginx) two in nginx.
    nofile = raise_nofile(2 * args.clients + 4096)

    prefix = f"dewan-fanout-{random.randrange(10**9)}:"
    env = bench_env(database_url=args.database_url, redis_url=args.redis_url, prefix=prefix)
    clients = Clients(args.client_procs)
    runs: dict = {}
    summary: dict = {
        "clients": args.clients,
        "processes": counts,
        "nginx": args.nginx,
        "rlimit_nofile": nofile,
        "uvicorn": {"ws": args.ws, "loop": args.loop, "http": args.http, "deflate": args.deflate},
        "load_average_start": load_average(),
    }
    try:
        kinds = ["raw", "dewan"] if args.only == "both" else [args.only]
        room = None
        if "dewan" in kinds:
            ensure_database(args.database_url)
            room = prepare(env, args.clients, max(counts))
        for count in counts:
            run = runs[str(count)] = {}
            for kind in kinds:
                run[kind] = measure(kind, args, env, clients, room, count)
                print(count, kind, json.dumps(run[kind]), flush=True)
            if "raw" in run and "dewan" in run:
                run["ratios"] = ratios(run["raw"], run["dewan"])
    finally:
        clients.stop()
    summary["runs"] = runs
    if len(counts) > 1 and "dewan" in runs[str(counts[0])]:
        cpu = {n: runs[n]["dewan"]["burst"]["cpu_us_per_delivery"] for n in runs}
        summary["across_processes"] = {
            "dewan_cpu_us_per_delivery": cpu,
            "dewan_cpu_spread": round(max(cpu.values()) / max(0.01, min(cpu.values())), 3),
            "redis_messages_per_event": {
                n: runs[n]["dewan"]["burst"].get("redis_messages_per_event") for n in runs
            },
        }
    first = runs[str(counts[0])]
    if "ratios" in first:
        e2e = first["dewan"].get("end_to_end", {})
        summary["targets_met"] = {
            "deliveries_at_least_0_8_of_raw": all(
                r["ratios"]["deliveries_per_second"] >= 0.8 for r in runs.values()
            ),
            "cpu_at_most_1_5_raw": all(r["ratios"]["cpu_per_delivery"] <= 1.5 for r in runs.values()),
            "p99_at_most_1_5_raw": all(r["ratios"]["p99_latency"] <= 1.5 for r in runs.values()),
            "rss_at_most_1_5_raw": all(r["ratios"]["rss_per_connection"] <= 1.5 for r in runs.values()),
            "cpu_flat_across_processes_within_20_percent": (
                summary["across_processes"]["dewan_cpu_spread"] <= 1.2
                if "across_processes" in summary
                else None
            ),
            "no_question_or_moderation_event_lost": (
                e2e["events_lost"] == 0 and first["dewan"]["burst"]["lost"] == 0 if e2e else None
            ),
        }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
