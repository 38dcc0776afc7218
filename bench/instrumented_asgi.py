"""Dewan's ASGI application with counters the benchmarks read: nothing else differs.

Counts every SQL statement the process runs (a Django execute wrapper on each new database
connection) and the messages its broadcast hub received from the channel layer, and answers
``GET /__bench/stats`` with them as JSON. ``bench/connect.py`` prints queries per connect from it;
``bench/fanout.py`` prints Redis messages per event per process from it.

With ``DEWAN_BENCH_LATENCY=1`` it also records the server-side latency of every command with a
``client_key`` (``realtime/latency.py``: from the read that brought the frame to its reply written) and
answers ``GET /__bench/acks`` with the samples since the last call. ``GET /__bench/profile?start`` and
``?stop=<path>`` run cProfile, timed in each thread's CPU time (a thread waiting on the database or on
the run queue costs nothing), on the event loop's thread, on every executor thread while it runs a
work item (asgiref's database thread) and on the connect read pool's threads while they run a read
(``realtime.consumers.ReadPool``), and write the merged stats to ``<path>`` (``bench/abuse.py``,
``bench/connect.py --profile``).

    uvicorn bench.instrumented_asgi:app ...
"""

from __future__ import annotations

import cProfile
import gc
import json
import os
import pstats
import threading
import time
from concurrent.futures import thread as _executor_thread
from urllib.parse import parse_qs

from django.db.backends.signals import connection_created

from realtime import latency
from webinar.asgi import application

latency.enabled = os.environ.get("DEWAN_BENCH_LATENCY") == "1"

_lock = threading.Lock()
_queries = 0


def _count(execute, sql, params, many, context):
    global _queries
    with _lock:
        _queries += 1
    return execute(sql, params, many, context)


def _instrument(sender, connection, **kwargs):
    if _count not in connection.execute_wrappers:
        connection.execute_wrappers.append(_count)


connection_created.connect(_instrument)

# Garbage collections: how many per generation and their CPU (thread time of the collecting thread).
_gc = {"collections": [0, 0, 0], "seconds": [0.0, 0.0, 0.0]}
_gc_started: list[float] = []


def _gc_callback(phase: str, info: dict) -> None:
    if phase == "start":
        _gc_started.append(time.thread_time())
    elif _gc_started:
        generation = info["generation"]
        _gc["collections"][generation] += 1
        _gc["seconds"][generation] += time.thread_time() - _gc_started.pop()


gc.callbacks.append(_gc_callback)


def _stats() -> dict:
    from realtime import broadcast, consumers
    from realtime.admission import admission

    hubs = list(broadcast._hubs.values())
    admit = admission()
    pool = consumers._read_pool
    return {
        # Admission control at connect (realtime/admission.py) and the connect read pool.
        "connecting": admit.connecting,
        "admitted": admit.admitted,
        "refused": admit.refused,
        "connect_seconds": round(admit.connect_seconds, 4),
        "reads_queued": consumers.connect_reads_queued(),
        "reads_skipped": pool.skipped if pool is not None else 0,
        "identify_reads": consumers._identify.batches,  # one per batch of connects (realtime/identify.py)
        "queries": _queries,
        "hub_messages": sum(hub.messages_received for hub in hubs),
        "sockets": sum(len(room.everyone) for hub in hubs for room in hub.rooms.values()),
        "gc_collections": list(_gc["collections"]),
        "gc_seconds": [round(seconds, 4) for seconds in _gc["seconds"]],
        "gc_frozen": gc.get_freeze_count(),
        "gc_tracked": [len(gc.get_objects(generation)) for generation in range(3)],
    }


class _Profiler:
    """One ``cProfile.Profile`` per thread while on; merged into one ``pstats`` file at ``stop``."""

    def __init__(self):
        self.on = False
        self.profiles: list[cProfile.Profile] = []
        self.local = threading.local()
        self.lock = threading.Lock()

    def thread_profile(self) -> cProfile.Profile:
        profile = getattr(self.local, "profile", None)
        if profile is None:
            profile = self.local.profile = cProfile.Profile(time.thread_time)
            with self.lock:
                self.profiles.append(profile)
        return profile

    def start(self) -> None:
        self.profiles, self.local = [], threading.local()
        self.on = True
        self.thread_profile().enable()  # the event loop's thread (the one answering this request)

    def stop(self, out: str) -> None:
        self.on = False
        self.thread_profile().disable()
        with self.lock:
            profiles = list(self.profiles)
        stats = pstats.Stats(profiles[0])
        for profile in profiles[1:]:
            stats.add(profile)
        stats.dump_stats(out)


_profiler = _Profiler()
_run_work_item = _executor_thread._WorkItem.run


def _profiled_work_item(self):
    """An executor work item, profiled in its thread while the profiler is on."""
    if not _profiler.on:
        return _run_work_item(self)
    profile = _profiler.thread_profile()
    profile.enable()
    try:
        return _run_work_item(self)
    finally:
        profile.disable()


_executor_thread._WorkItem.run = _profiled_work_item  # type: ignore[method-assign]


def _profile_connect_reads() -> None:
    """Wrap ``realtime.consumers.run_item``: each connect read is profiled in its pool thread while on."""
    from realtime import consumers  # imported once webinar.asgi has set Django up

    run = consumers.run_item

    def profiled(context, func, args):
        if not _profiler.on:
            return run(context, func, args)
        profile = _profiler.thread_profile()
        profile.enable()
        try:
            return run(context, func, args)
        finally:
            profile.disable()

    consumers.run_item = profiled


_profile_connect_reads()


def _profiling(query: dict[str, list[str]]) -> dict:
    """Start cProfile (``start``) or stop it and write its stats to ``stop=<path>``."""
    if "start" in query and not _profiler.on:
        _profiler.start()
    elif "stop" in query and _profiler.on:
        _profiler.stop(query["stop"][0])
    return {"profiling": _profiler.on}


async def app(scope, receive, send):
    paths = {"/__bench/stats", "/__bench/acks", "/__bench/profile"}
    if scope["type"] == "http" and scope["path"] in paths:
        await receive()
        if scope["path"] == "/__bench/acks":
            answer: object = latency.take()
        elif scope["path"] == "/__bench/profile":
            answer = _profiling(parse_qs(scope["query_string"].decode(), keep_blank_values=True))
        else:
            answer = _stats()
        body = json.dumps(answer).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})
        return
    await application(scope, receive, send)
