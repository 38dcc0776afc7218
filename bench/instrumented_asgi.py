"""Dewan's ASGI application with counters the benchmarks read: nothing else differs.

Counts every SQL statement the process runs (a Django execute wrapper on each new database
connection) and the messages its broadcast hub received from the channel layer, and answers
``GET /__bench/stats`` with them as JSON. ``bench/connect.py`` prints queries per connect from it;
``bench/fanout.py`` prints Redis messages per event per process from it.

With ``DEWAN_BENCH_LATENCY=1`` it also records the server-side latency of every command with a
``client_key`` (``realtime/latency.py``: from the read that brought the frame to its reply written) and
answers ``GET /__bench/acks`` with the samples since the last call; ``GET /__bench/profile?start`` and
``?stop=<path>`` run cProfile on the event loop's thread (its CPU time) and write its stats to ``<path>``
(``bench/abuse.py``).

    uvicorn bench.instrumented_asgi:app ...
"""

from __future__ import annotations

import cProfile
import json
import os
import threading
import time
from urllib.parse import parse_qs

from django.db.backends.signals import connection_created

from realtime import latency
from webinar.asgi import application

latency.enabled = os.environ.get("DEWAN_BENCH_LATENCY") == "1"
_profile: cProfile.Profile | None = None

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


def _stats() -> dict:
    from realtime import broadcast

    hubs = list(broadcast._hubs.values())
    return {
        "queries": _queries,
        "hub_messages": sum(hub.messages_received for hub in hubs),
        "sockets": sum(len(room.everyone) for hub in hubs for room in hub.rooms.values()),
    }


def _profiling(query: dict[str, list[str]]) -> dict:
    """Start cProfile (``start``) or stop it and write its stats to ``stop=<path>``."""
    global _profile
    if "start" in query and _profile is None:
        # CPU time of the loop's thread: wall time would count the machine's other load as ours.
        _profile = cProfile.Profile(time.thread_time)
        _profile.enable()
        return {"profiling": True}
    if "stop" in query and _profile is not None:
        _profile.disable()
        _profile.dump_stats(query["stop"][0])
        _profile = None
    return {"profiling": _profile is not None}


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
