"""Dewan's ASGI application with counters the benchmarks read: nothing else differs.

Counts every SQL statement the process runs (a Django execute wrapper on each new database
connection) and the messages its broadcast hub received from the channel layer, and answers
``GET /__bench/stats`` with them as JSON. ``bench/connect.py`` prints queries per connect from it;
``bench/fanout.py`` prints Redis messages per event per process from it.

    uvicorn bench.instrumented_asgi:app ...
"""

from __future__ import annotations

import json
import threading

from django.db.backends.signals import connection_created

from webinar.asgi import application

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


async def app(scope, receive, send):
    if scope["type"] == "http" and scope["path"] == "/__bench/stats":
        await receive()
        body = json.dumps(_stats()).encode()
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
