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

    .venv/bin/python bench/fanout.py [--clients 2000] [--processes 2] [--ws websockets-sansio]

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
    add_common_arguments,
    bench_env,
    cpu_seconds,
    ensure_database,
    note,
    percentile,
    rss_kb,
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


def measure(kind: str, args, env: dict, clients: Clients, room: dict | None) -> dict:
    channel = f"dewan-bench:raw:{random.randrange(10**9)}"
    server_env = {**env, "RAW_BENCH_CHANNEL": channel}
    servers, ports = start_servers(kind, args, server_env)
    pids = [server.pid for server in servers]
    try:
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
            path, keys = "/ws/raw/", [None] * (args.clients + args.processes)

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
        targets = [(ports[n % len(ports)], path, keys[n]) for n in range(args.clients)]
        connected = clients.connect(targets, args.parallel) - len(warm)
        connect_seconds = time.monotonic() - started
        time.sleep(2.0)  # let connection set-up work (sessions, presence) finish before measuring
        rss_after = rss_kb(pids)
        sockets = connected + len(warm)

        note(f"{kind}: {sockets} sockets in {connect_seconds:.1f} s; burst")
        # Burst: everything at once; the slowest socket decides when it is over.
        clients.ask("reset", False)
        cpu_before = cpu_seconds(pids)
        t0 = time.time_ns()
        for i in range(args.burst_events):
            publish(i)
        publish_seconds = (time.time_ns() - t0) / 1e9
        expected = args.burst_events * sockets
        totals = wait_for(clients, expected, quiet_seconds=5, cap_seconds=120)
        cpu_used = cpu_seconds(pids) - cpu_before
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
        }
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
        stop_servers(servers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=2000)
    add_common_arguments(parser)
    parser.add_argument("--processes", type=int, default=1, help="server processes of each kind")
    parser.add_argument("--burst-events", type=int, default=200)
    parser.add_argument("--steady-rate", type=float, default=1000, help="deliveries per second")
    parser.add_argument("--steady-seconds", type=float, default=30)
    parser.add_argument("--steady-min-events", type=int, default=8)
    parser.add_argument("--questions", type=int, default=30, help="end-to-end questions (0: skip)")
    parser.add_argument("--only", choices=["both", "dewan", "raw"], default="both")
    args = parser.parse_args()

    prefix = f"dewan-fanout-{random.randrange(10**9)}:"
    env = bench_env(database_url=args.database_url, redis_url=args.redis_url, prefix=prefix)
    clients = Clients(args.client_procs)
    results: dict = {}
    try:
        kinds = ["raw", "dewan"] if args.only == "both" else [args.only]
        room = None
        if "dewan" in kinds:
            ensure_database(args.database_url)
            room = prepare(env, args.clients, args.processes)
        for kind in kinds:
            results[kind] = measure(kind, args, env, clients, room)
            print(kind, json.dumps(results[kind]), flush=True)
    finally:
        clients.stop()
    summary = {
        "clients": args.clients,
        "processes": args.processes,
        "uvicorn": {"ws": args.ws, "loop": args.loop, "http": args.http, "deflate": args.deflate},
        **results,
    }
    if "raw" in results and "dewan" in results:
        raw, dewan = results["raw"], results["dewan"]
        summary["ratios"] = {
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
        e2e = dewan.get("end_to_end", {})
        summary["targets_met"] = {
            "deliveries_at_least_half_of_raw": summary["ratios"]["deliveries_per_second"] >= 0.5,
            "cpu_at_most_twice_raw": summary["ratios"]["cpu_per_delivery"] <= 2.0,
            "p99_at_most_twice_raw": summary["ratios"]["p99_latency"] <= 2.0,
            "no_question_or_moderation_event_lost": (
                e2e["events_lost"] == 0 and dewan["burst"]["lost"] == 0 if e2e else None
            ),
        }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
