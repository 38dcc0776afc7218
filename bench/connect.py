"""Connect, reconnect storm and graceful restart: Dewan against the raw ASGI server, same run, loopback.

1. **Connect rate.** ``--clients`` viewers connect to one process (authenticate the session cookie,
   identify the viewer, ``welcome``, ``sync`` -> ``snapshot``, presence), first to the raw server, then
   to Dewan with the webinar holding only those viewers' rows, then again after ``--stored`` rows
   (registrations and their sessions, questions, events) were added: viewers per second for each,
   the ratios, and the database queries per connect and the garbage collections (per generation, and
   their CPU per connect) counted inside the Dewan process (bench/instrumented_asgi.py). Then every
   client drops its socket at once: the server's CPU per disconnect, raw and Dewan.
2. **Reconnect storm.** ``--storm-viewers`` viewers on two processes; sequenced public events are
   recorded through the event log at ``--event-rate`` per second and ticks are published for latency;
   one process is SIGKILLed. Its viewers reconnect (to the survivor, with the client's back-off) and
   ``sync`` from their last sequence number. The survivor's viewers and the victim's are each spread
   over half of the client processes (``--client-procs 4`` or more), so that no client process is what
   cannot keep up; clients read on for up to ``--drain-seconds`` before the sequence check. Printed:
   seconds until every viewer is back and caught up, sockets missing any sequence number (must be 0),
   the survivor's own viewers' tick latency p99 before and during the storm, the database queries
   the survivor ran per reconnect (connect, access re-check, replay; counted in the server), and its
   admission control's admitted and refused connects (1013 with a ``retry_after_ms`` hint, which the
   clients honour: realtime/admission.py) with the hints the clients waited.
3. **Resume.** ``--resume-viewers`` viewers on one process lose their sockets at once (no close frame)
   and come back to the same process, syncing from their last sequence number while events are
   written: the server's CPU and database queries per reconnect, with no kill and no second process
   to blur them (``resume_phase``).
4. **Graceful restart.** The survivor is sent SIGTERM: every socket must be closed with code 1012 and a
   ``retry_after_ms`` hint (docs/protocol.md); printed: the spread of those hints.

The last line printed is JSON, with the load average at each phase (the machine is shared).

    .venv/bin/python bench/connect.py [--clients 2000] [--stored 100000] [--resume-viewers 1000]
        [--storm-viewers 2000] [--skip stored|resume|storm]
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import threading
import time
import urllib.request

from common import live_webinar_with_viewers
from harness import (
    ROOT,
    Clients,
    add_common_arguments,
    bench_env,
    cpu_seconds,
    ensure_database,
    load_average,
    note,
    percentile,
    raise_nofile,
    server_stats,
    start_servers,
    stop_servers,
)


def _reconnect_totals(states: list[dict]) -> tuple[list[float], dict[str, int]]:
    """The client processes' ``reconnects`` answers summed: every socket's time back (ms) and the
    failed attempts by reason."""
    back_ms = [ms for state in states for ms in state["back_ms"]]
    failed: dict[str, int] = {}
    for state in states:
        for why, n in state["failed"].items():
            failed[why] = failed.get(why, 0) + n
    return back_ms, failed


def store_rows(webinar_id: int, rows: int) -> dict:
    """Add ``rows`` registrations with a session each, rows/5 questions and rows/2 public events.

    The questions are asked by the stored registrations (others' rows, as in a big webinar), not by
    the viewers the bench connects: a viewer's own questions (up to 50) are part of its snapshot, so
    authoring them to the measured viewers measured the cost of a viewer with 20 held questions,
    not the growth with rows stored (the previous bench did that: it gave 750 of its 2,000 viewers
    20 questions each, and the snapshot read and rendered 14,700 own questions).
    """
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.db import transaction
    from django.db.models import Max
    from django.utils import timezone

    from webinar.models import Question, Registration, Webinar, WebinarEvent

    now = timezone.now()
    expire = now + timezone.timedelta(days=14)
    start = Registration.objects.filter(webinar_id=webinar_id).count()
    batch = 5000
    authors: list[int] = []
    for first in range(0, rows, batch):
        registrations = Registration.objects.bulk_create(
            [
                Registration(
                    webinar_id=webinar_id,
                    name=f"Stored {start + n}",
                    email=f"stored{start + n}@example.com",
                    language="ms",
                    consent_given_at=now,
                    status=Registration.Status.CONFIRMED,
                    join_secret=f"s{start + n:031d}",
                )
                for n in range(first, min(rows, first + batch))
            ]
        )
        store = SessionStore()
        Session.objects.bulk_create(
            [
                Session(
                    session_key=f"stored{webinar_id}x{r.pk}y".ljust(32, "0")[:40],
                    session_data=store.encode({"dewan_registrations": {str(webinar_id): r.pk}}),
                    expire_date=expire,
                )
                for r in registrations
            ]
        )
        if len(authors) < 1000:
            authors += [r.pk for r in registrations][: 1000 - len(authors)]
    statuses = [
        Question.Status.HELD,
        Question.Status.REJECTED,
        Question.Status.BLOCKED,
        Question.Status.MERGED,
    ]
    Question.objects.bulk_create(
        [
            Question(
                webinar_id=webinar_id,
                author_id=authors[n % len(authors)],
                text=f"Stored question {n}",
                language="en",
                status=statuses[n % len(statuses)],
                client_key=f"stored-{rows}-{n}",
            )
            for n in range(rows // 5)
        ],
        batch_size=batch,
    )
    with transaction.atomic():
        webinar = Webinar.objects.select_for_update().get(pk=webinar_id)
        last = WebinarEvent.objects.filter(webinar_id=webinar_id, stream="public").aggregate(m=Max("seq"))[
            "m"
        ]
        first_seq = max(webinar.last_public_seq, last or 0) + 1
        events = rows // 2
        WebinarEvent.objects.bulk_create(
            [
                WebinarEvent(
                    webinar_id=webinar_id, stream="public", seq=first_seq + n, type="bench.stored", payload={}
                )
                for n in range(events)
            ],
            batch_size=batch,
        )
        Webinar.objects.filter(pk=webinar_id).update(last_public_seq=first_seq + events - 1)
    return {
        "registrations": Registration.objects.filter(webinar_id=webinar_id).count(),
        "sessions": Session.objects.count(),
        "questions": Question.objects.filter(webinar_id=webinar_id).count(),
        "events": WebinarEvent.objects.filter(webinar_id=webinar_id).count(),
    }


def room_rows(room: dict | None) -> str:
    """A phase's name part: how many registrations the webinar held (``small`` before ``--stored``)."""
    return "raw" if room is None else str(room.get("stored", "small"))


def connect_phase(kind: str, args, env: dict, clients: Clients, room: dict | None) -> dict:
    """Connect ``args.clients`` viewers to one fresh process of ``kind``; the rate and queries per connect."""
    servers, ports = start_servers(kind, args, env, count=1)
    try:
        path = f"/ws/w/{room['slug']}/" if kind == "dewan" else "/ws/raw/"
        keys = room["keys"] if kind == "dewan" else [None] * (args.clients + 1)
        clients.ask("connect", [(ports[0], path, keys[-1])], 1, only=0)  # warm-up: imports, first queries
        stats_before = server_stats(ports[0]) if kind == "dewan" else {}
        load = load_average()
        profile = Profile(args, f"connect-{kind}-{room_rows(room)}", ports[0] if kind == "dewan" else None)
        sampler = PySpy(args, f"connect-{kind}-{room_rows(room)}", servers[0].pid)
        cpu_before = cpu_seconds([servers[0].pid])
        started = time.monotonic()
        connected = clients.connect([(ports[0], path, keys[n]) for n in range(args.clients)], args.parallel)
        seconds = time.monotonic() - started
        cpu_used = cpu_seconds([servers[0].pid]) - cpu_before
        profile.stop(connected - 1)
        sampler.stop()
        result = {
            "clients": connected - 1,
            "seconds": round(seconds, 2),
            "viewers_per_second": round((connected - 1) / seconds),
            # What the machine's load cannot distort much: the server's own CPU per connect, and the
            # rate one process would reach with a core to itself (CPU-bound).
            "server_cpu_ms_per_connect": round(cpu_used * 1000 / max(1, connected - 1), 3),
            "viewers_per_cpu_second": round((connected - 1) / max(0.001, cpu_used)),
            "load_average": load,
        }
        if kind == "dewan":
            result["refused_busy"] = clients.refused_busy  # admission control (1013), retried as told
            time.sleep(1.0)
            stats = server_stats(ports[0])
            queries = stats["queries"] - stats_before["queries"]
            result["queries_per_connect"] = round(queries / max(1, connected - 1), 2)
            # How many connects shared one identify read, on average (realtime/identify.py).
            reads = stats["identify_reads"] - stats_before["identify_reads"]
            result["connects_per_identify_read"] = round((connected - 1) / max(1, reads), 2)
            # The garbage collector's share of the phase (counted in the server, bench/instrumented_asgi.py).
            result["gc_collections"] = [
                after - before
                for after, before in zip(stats["gc_collections"], stats_before["gc_collections"], strict=True)
            ]
            result["gc_seconds"] = [
                round(after - before, 3)
                for after, before in zip(stats["gc_seconds"], stats_before["gc_seconds"], strict=True)
            ]
            result["gc_ms_per_connect"] = round(
                (sum(stats["gc_seconds"]) - sum(stats_before["gc_seconds"])) * 1000 / max(1, connected - 1), 3
            )
        result.update(disconnect_cost(kind, clients, servers[0], ports[0], connected - 1))
        return result
    finally:
        stop_servers(servers)


def disconnect_cost(kind: str, clients: Clients, server, port: int, sockets: int) -> dict:
    """Close every client socket at once (no close frame, as a dropped network does) and measure the
    server's CPU until it has let them all go: Dewan's socket count (``/__bench/stats``) back to 0
    (the warm-up socket closes too); the raw server keeps no count, so it is given 1.5 s (it needs
    far less)."""
    cpu_before = cpu_seconds([server.pid])
    started = time.monotonic()
    clients.ask("close")
    if kind == "dewan":
        while server_stats(port)["sockets"] > 0 and time.monotonic() - started < 60:
            time.sleep(0.1)
    else:
        time.sleep(max(0.0, 1.5 - (time.monotonic() - started)))
    cpu_used = cpu_seconds([server.pid]) - cpu_before
    return {
        "disconnect_seconds": round(time.monotonic() - started, 2),
        "server_cpu_ms_per_disconnect": round(cpu_used * 1000 / max(1, sockets), 3),
    }


class PySpy:
    """A sampling profile of one connect phase (``--py-spy PATH``): py-spy attached to the server.

    py-spy samples wall time; ``--gil`` keeps only the samples holding the GIL, so a thread waiting on
    the database or a lock is left out. The collapsed stacks go to ``var/pyspy-<name>-<time>.txt``
    (one stack and its count per line: any flame-graph tool reads them). py-spy runs in its own process
    and reads the server's memory without stopping it (``--nonblocking``), so its CPU is not in the
    server's figure. Not in the venv: install it where you like (``pip install py-spy``).
    """

    def __init__(self, args, name: str, pid: int):
        self.process: subprocess.Popen | None = None
        if not args.py_spy:
            return
        self.out = ROOT / "var" / f"pyspy-{name}-{time.strftime('%H%M%S')}.txt"
        command = [args.py_spy, "record", "--pid", str(pid), "--format", "raw", "--rate", "250"]
        command += ["--nonblocking", "--gil", "-o", str(self.out)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)  # attached before the phase starts

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.send_signal(signal.SIGINT)  # py-spy writes its stacks on SIGINT
        self.process.wait(timeout=60)
        note(f"py-spy: {self.out}")


class Profile:
    """The server's own CPU profile of a phase (``--profile``): cProfile per thread, in the process.

    The Dewan server (bench/instrumented_asgi.py, ``/__bench/profile``) is asked to start before the
    phase and to write ``var/profile-<name>-<time>.pstats`` after it; the top functions by own CPU and
    by cumulative CPU are written beside it (``.txt``).
    """

    def __init__(self, args, name: str, port: int | None):
        self.port = port if args.profile else None
        if self.port is not None:
            stamp = time.strftime("%H%M%S")
            self.out = ROOT / "var" / f"profile-{name}-{stamp}.pstats"
            self._ask("start")

    def _ask(self, query: str) -> dict:
        url = f"http://127.0.0.1:{self.port}/__bench/profile?{query}"
        with urllib.request.urlopen(url, timeout=120) as response:
            return json.loads(response.read())

    def stop(self, connects: int) -> None:
        if self.port is None:
            return
        import io
        import pstats

        self._ask(f"stop={self.out}")
        text = io.StringIO()
        stats = pstats.Stats(str(self.out), stream=text)
        print(f"CPU per connect, {connects} connects (thread_time; cProfile's own cost included)", file=text)
        stats.sort_stats("tottime").print_stats(40)
        stats.sort_stats("cumulative").print_stats(60)
        self.out.with_suffix(".txt").write_text(text.getvalue())
        note(f"profile: {self.out.with_suffix('.txt')}")


# --- Reconnect storm -----------------------------------------------------------------------------


class EventWriter(threading.Thread):
    """Sequenced public events through the event log (what services do), plus ticks for latency."""

    def __init__(self, webinar_id: int, rate: float):
        super().__init__(daemon=True)
        self.webinar_id, self.interval = webinar_id, 1.0 / rate
        self.running = True
        self.written = 0

    def run(self) -> None:
        from django.db import close_old_connections, transaction

        from realtime import broadcast, protocol
        from webinar.services.events import event_record

        next_at = time.monotonic()
        while self.running:
            with transaction.atomic():
                event_record(webinar_id=self.webinar_id, stream="public", type="bench.seq", payload={})
            self.written += 1
            message = protocol.event_message(
                type="bench.tick", seq=0, stream="public", payload={"i": self.written, "t": time.time_ns()}
            )
            broadcast.publish(webinar_id=self.webinar_id, stream="public", message=message)
            next_at += self.interval
            time.sleep(max(0.0, next_at - time.monotonic()))
        close_old_connections()


def storm_phase(args, env: dict, clients: Clients, room: dict) -> dict:
    """Two processes; SIGKILL one; its viewers come back on the other and catch up by sequence number."""
    servers, ports = start_servers("dewan", args, env, count=2)
    writer = EventWriter(room["webinar_id"], args.event_rate)
    try:
        path = f"/ws/w/{room['slug']}/"
        viewers = args.storm_viewers
        # The first half of the client processes hold the survivor's viewers (their latency is the
        # survivor's p99), the others the victim's, which reconnect. Several processes on each side,
        # so that no client process is what cannot keep up with the events.
        procs = len(clients.pipes)
        if procs < 2:
            raise SystemExit("the storm needs at least 2 client processes (--client-procs)")
        survivor_procs = list(range(procs // 2))
        victim_procs = list(range(procs // 2, procs))
        survivor_share = viewers // 2
        survivors = [(ports[0], path, room["keys"][n]) for n in range(survivor_share)]
        victims = [(ports[1], path, room["keys"][n]) for n in range(survivor_share, viewers)]
        for targets, indices in ((survivors, survivor_procs), (victims, victim_procs)):
            for offset, index in enumerate(indices):
                clients.ask("connect", targets[offset :: len(indices)], 32, only=index)
        for index in victim_procs:
            clients.ask("reconnect_to", ports[0], args.backoff_ms, only=index)
        writer.start()
        time.sleep(3.0)
        for index in survivor_procs:
            clients.ask("reset", True, only=index)
        time.sleep(args.storm_seconds / 2)
        before = clients.totals_over(survivor_procs, latencies=True)
        load_before = load_average()
        for index in survivor_procs:
            clients.ask("reset", True, only=index)
        profile = Profile(args, "storm-survivor", ports[0])
        counters_before = survivor_stats(ports[0])
        cpu_before = cpu_seconds([servers[0].pid])
        killed_at = time.time()
        servers[1].kill()  # SIGKILL: no disconnect handler, no close frame
        servers[1].wait()
        note(f"storm: killed the process on port {ports[1]}")
        back_seconds = None
        deadline = time.monotonic() + args.storm_cap
        while time.monotonic() < deadline:
            time.sleep(0.5)
            states = clients.ask("reconnects")
            waiting = sum(s["waiting"] for s in states)
            if waiting == 0 and all(s["reconnected"] >= s["lost"] for s in states):
                back_seconds = max(s["last_back_ns"] for s in states) / 1e9 - killed_at
                break
        survivor_cpu = cpu_seconds([servers[0].pid]) - cpu_before
        # Counted in the survivor from the kill until every viewer was back: its own viewers send
        # nothing (no client heartbeats), and the events are written by this process, so what it ran
        # is the reconnects (connect, access re-check, replay) and its background loops.
        counters_after = survivor_stats(ports[0])
        queries = _counted(counters_before, counters_after, "queries")
        profile.stop(viewers - survivor_share)
        during = clients.totals_over(survivor_procs, latencies=True)
        load_during = load_average()
        time.sleep(2.0)
        writer.running = False
        writer.join(timeout=10)
        from webinar.models import Webinar

        last = Webinar.objects.get(pk=room["webinar_id"]).last_public_seq
        # What was sent may still sit unread in the clients' socket buffers: read on, for a while.
        drain_deadline = time.monotonic() + args.drain_seconds
        while True:
            time.sleep(1.0)
            gaps = clients.ask("gaps", last)
            if not any(g["sockets_missing"] for g in gaps) or time.monotonic() > drain_deadline:
                break
        if any(g["sockets_missing"] for g in gaps):
            detail = clients.ask("gap_detail", last)
            note(f"storm: sockets missing public seqs (first few per client process): {detail}")
        states = clients.ask("reconnects")
        back_ms, failed = _reconnect_totals(states)
        hinted = [ms for state in states for ms in state.get("hinted_waits_ms", [])]
        result = {
            "viewers": viewers,
            "on_killed_process": viewers - survivor_share,
            "reconnected": sum(s["reconnected"] for s in states),
            "back_and_caught_up_seconds": round(back_seconds, 2) if back_seconds is not None else None,
            # Per viewer, from losing its socket to its sync answer (the back-off's first wait included).
            "back_ms_p50": percentile(back_ms, 0.5) if back_ms else None,
            "back_ms_p90": percentile(back_ms, 0.9) if back_ms else None,
            "back_ms_p99": percentile(back_ms, 0.99) if back_ms else None,
            "reconnect_attempts_failed": failed,
            # The survivor's CPU from the kill until every viewer was back (its own viewers' events too).
            "survivor_cpu_seconds": round(survivor_cpu, 2),
            "queries_per_reconnect": (
                round(queries / max(1, sum(s["reconnected"] for s in states)), 2)
                if queries is not None
                else None
            ),
            # Admission control (realtime/admission.py): connects the survivor admitted and refused
            # (1013 with a retry hint) from the kill until every viewer was back; the hints waited.
            "survivor_admitted": _counted(counters_before, counters_after, "admitted"),
            "survivor_refused": _counted(counters_before, counters_after, "refused"),
            "refusals_seen_by_clients": len(hinted),
            "hinted_wait_ms_p50": percentile(hinted, 0.5) if hinted else None,
            "hinted_wait_ms_max": max(hinted) if hinted else None,
            "events_written": writer.written,
            "sockets_missing_seq": sum(g["sockets_missing"] for g in gaps),
            "seqs_missing": sum(g["missing"] for g in gaps),
            "sockets_checked": sum(g["checked"] for g in gaps),
            "survivor_p99_ms_before": round(percentile(before["latencies"], 0.99) / 1e6, 2),
            "survivor_p99_ms_during": round(percentile(during["latencies"], 0.99) / 1e6, 2),
            "load_average_before": load_before,
            "load_average_during": load_during,
        }
        note(f"storm: {result}")
        result["graceful"] = graceful_phase(args, clients, servers[0])
        return result
    finally:
        writer.running = False
        stop_servers(servers)


def survivor_stats(port: int) -> dict | None:
    """The survivor's counters (queries; admission control's admitted and refused connects), or None
    when it does not answer within a minute: on a loaded machine its listen queue can be full of
    reconnect attempts, and the figures are then not printed rather than the storm's others lost."""
    try:
        return server_stats(port, timeout=60)
    except OSError as exc:  # urllib's timeouts and refusals
        note(f"storm: the survivor's counters were not read ({exc!r})")
        return None


def _counted(before: dict | None, after: dict | None, key: str) -> int | None:
    """``after[key] - before[key]``, or None when either was not read (or the server has no such counter)."""
    if before is None or after is None or key not in before or key not in after:
        return None
    return after[key] - before[key]


def resume_phase(args, env: dict, clients: Clients, room: dict) -> dict:
    """``--resume-viewers`` viewers on one process lose their sockets at once and come back to it.

    What a reconnect costs the process that takes it, with no kill and no second process: events are
    written at ``--event-rate`` throughout, so each viewer's ``sync`` from its last sequence number
    replays the few events it missed (the back-off's first wait is ``--backoff-ms``). Printed: seconds
    until all are back and caught up, the server's CPU per reconnect (its side of the dropped sockets'
    disconnects included) and the database queries per reconnect, both counted in the server.
    """
    servers, ports = start_servers("dewan", args, env, count=1)
    writer = EventWriter(room["webinar_id"], args.event_rate)
    try:
        path = f"/ws/w/{room['slug']}/"
        targets = [(ports[0], path, room["keys"][n]) for n in range(args.resume_viewers)]
        procs = len(clients.pipes)
        for index in range(procs):
            clients.ask("connect", targets[index::procs], 32, only=index)
        clients.ask("reconnects_clear")
        clients.ask("reconnect_to", ports[0], args.backoff_ms)
        writer.start()
        time.sleep(2.0)
        load = load_average()
        counters_before = survivor_stats(ports[0])
        cpu_before = cpu_seconds([servers[0].pid])
        dropped_at = time.time()
        dropped = sum(clients.ask("drop"))
        back_seconds = None
        deadline = time.monotonic() + args.storm_cap
        while time.monotonic() < deadline:
            time.sleep(0.25)
            states = clients.ask("reconnects")
            if sum(s["waiting"] for s in states) == 0 and all(s["reconnected"] >= s["lost"] for s in states):
                back_seconds = max(s["last_back_ns"] for s in states) / 1e9 - dropped_at
                break
        cpu_used = cpu_seconds([servers[0].pid]) - cpu_before
        counters_after = survivor_stats(ports[0])
        queries = _counted(counters_before, counters_after, "queries")
        writer.running = False
        writer.join(timeout=10)
        from webinar.models import Webinar

        last = Webinar.objects.get(pk=room["webinar_id"]).last_public_seq
        drain_deadline = time.monotonic() + args.drain_seconds
        while True:  # what was sent may still sit unread in the clients' buffers
            time.sleep(0.5)
            gaps = clients.ask("gaps", last)
            if not any(g["sockets_missing"] for g in gaps) or time.monotonic() > drain_deadline:
                break
        states = clients.ask("reconnects")
        reconnected = sum(s["reconnected"] for s in states)
        back_ms, failed = _reconnect_totals(states)
        result = {
            "viewers": dropped,
            "reconnected": reconnected,
            "back_and_caught_up_seconds": round(back_seconds, 2) if back_seconds is not None else None,
            "back_ms_p50": percentile(back_ms, 0.5) if back_ms else None,
            "back_ms_p99": percentile(back_ms, 0.99) if back_ms else None,
            "reconnect_attempts_failed": failed,
            "server_cpu_ms_per_reconnect": round(cpu_used * 1000 / max(1, reconnected), 3),
            "queries_per_reconnect": round(queries / max(1, reconnected), 2) if queries is not None else None,
            "refused": _counted(counters_before, counters_after, "refused"),
            "events_written": writer.written,
            "sockets_missing_seq": sum(g["sockets_missing"] for g in gaps),
            "sockets_checked": sum(g["checked"] for g in gaps),
            "load_average": load,
            "load_average_after": load_average(),
        }
        clients.ask("reconnect_to", None, args.backoff_ms)
        clients.ask("close")
        clients.ask("reconnects_clear")
        note(f"resume: {result}")
        return result
    finally:
        writer.running = False
        stop_servers(servers)


def graceful_phase(args, clients: Clients, server) -> dict:
    """SIGTERM the survivor: every socket closes with 1012 and a retry hint spread over a window."""
    clients.ask("reconnect_to", None, args.backoff_ms)
    started = time.monotonic()
    server.terminate()
    server.wait(timeout=60)
    seconds = time.monotonic() - started
    closes = clients.ask("closes")
    codes: dict[str, int] = {}
    hints: list[int] = []
    for reply in closes:
        for code, n in reply["codes"].items():
            codes[code] = codes.get(code, 0) + n
        hints += reply["retry_after_ms"]
    return {
        "shutdown_seconds": round(seconds, 2),
        "close_codes": codes,
        "sockets_with_retry_hint": len(hints),
        "retry_after_ms_min": min(hints) if hints else None,
        "retry_after_ms_p50": percentile(hints, 0.5) if hints else None,
        "retry_after_ms_max": max(hints) if hints else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=2000)
    add_common_arguments(parser)
    parser.add_argument("--stored", type=int, default=100_000, help="registrations stored for the 2nd pass")
    parser.add_argument("--storm-viewers", type=int, default=2000)
    parser.add_argument("--storm-seconds", type=float, default=6.0, help="steady time before the kill")
    parser.add_argument("--storm-cap", type=float, default=120.0)
    parser.add_argument("--event-rate", type=float, default=5.0, help="sequenced events per second")
    parser.add_argument(
        "--drain-seconds", type=float, default=20.0, help="how long clients may read on before the check"
    )
    parser.add_argument("--backoff-ms", type=int, default=500, help="the client's first reconnect delay")
    parser.add_argument(
        "--resume-viewers", type=int, default=1000, help="viewers that drop and resume on one process"
    )
    parser.add_argument("--skip", action="append", default=[], choices=["stored", "resume", "storm"])
    parser.add_argument("--py-spy", default=None, help="py-spy's path: sample the connect phases (var/)")
    parser.add_argument(
        "--profile", action="store_true", help="profile Dewan's connect phases in the server (var/*.pstats)"
    )
    args = parser.parse_args()
    raise_nofile(4 * (args.clients + args.storm_viewers) + 1024)

    prefix = f"dewan-connect-{random.randrange(10**9)}:"
    env = bench_env(database_url=args.database_url, redis_url=args.redis_url, prefix=prefix)
    ensure_database(args.database_url)
    viewers = max(args.clients, args.storm_viewers, args.resume_viewers)
    room = live_webinar_with_viewers(env, viewers + 1, title="Connect bench")
    room["keys"] = room["keys"][:viewers] + room["keys"][-1:]
    clients = Clients(args.client_procs)
    result: dict = {"bench": "connect", "clients": args.clients, "load_average_start": load_average()}
    try:
        result["raw"] = connect_phase("raw", args, env, clients, None)
        note(f"raw: {result['raw']}")
        result["dewan"] = connect_phase("dewan", args, env, clients, room)
        note(f"dewan: {result['dewan']}")
        if "stored" not in args.skip:
            started = time.monotonic()
            stored = store_rows(room["webinar_id"], args.stored - viewers)
            note(f"stored {stored} in {time.monotonic() - started:.0f} s")
            room["stored"] = stored["registrations"]
            result["dewan_stored"] = {"stored": stored, **connect_phase("dewan", args, env, clients, room)}
            note(f"dewan with stored rows: {result['dewan_stored']}")
        if "resume" not in args.skip:
            result["resume"] = resume_phase(args, env, clients, room)
        if "storm" not in args.skip:
            result["storm"] = storm_phase(args, env, clients, room)
    finally:
        clients.stop()
    dewan, raw = result["dewan"], result["raw"]
    result["ratios"] = {
        "connect_rate": round(dewan["viewers_per_second"] / max(1, raw["viewers_per_second"]), 3),
        "server_cpu_per_connect": round(
            dewan["server_cpu_ms_per_connect"] / max(0.001, raw["server_cpu_ms_per_connect"]), 3
        ),
        "server_cpu_per_disconnect": round(
            dewan["server_cpu_ms_per_disconnect"] / max(0.001, raw["server_cpu_ms_per_disconnect"]), 3
        ),
    }
    if "dewan_stored" in result:
        result["ratios"]["connect_rate_stored_vs_small"] = round(
            result["dewan_stored"]["viewers_per_second"] / max(1, dewan["viewers_per_second"]), 3
        )
        # What the shared machine distorts least: server CPU per connect, stored against small.
        result["ratios"]["connect_cpu_stored_vs_small"] = round(
            result["dewan_stored"]["server_cpu_ms_per_connect"]
            / max(0.001, dewan["server_cpu_ms_per_connect"]),
            3,
        )
    storm = result.get("storm", {})
    result["targets_met"] = {
        "connect_at_least_1000_per_second": dewan["viewers_per_second"] >= 1000,
        "connect_within_3x_raw": result["ratios"]["connect_rate"] >= 1 / 3,  # wall rate: load-bound
        "connect_cpu_within_3x_raw": result["ratios"]["server_cpu_per_connect"] <= 3,
        "connect_cpu_bound_rate_at_least_1000_per_second": dewan["viewers_per_cpu_second"] >= 1000,
        "connect_flat_with_stored_rows": (
            result["ratios"]["connect_cpu_stored_vs_small"] <= 1.25 if "dewan_stored" in result else None
        ),
        "storm_nothing_missed": storm.get("sockets_missing_seq") == 0 if storm else None,
        "graceful_all_hinted": (
            storm["graceful"]["sockets_with_retry_hint"] >= storm["viewers"] // 2 if storm else None
        ),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
