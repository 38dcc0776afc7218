"""The ceiling for bench/fanout.py: a bare ASGI websocket app with a broadcast loop, no Channels, no Django.

Each process subscribes once to one Redis pub/sub channel (``RAW_BENCH_CHANNEL``) and writes every
message it hears to every local socket with ``await send(...)`` in a loop. It speaks just enough of
Dewan's protocol for the bench client: ``welcome`` on connect, ``snapshot`` in answer to ``sync``.
There is no slow-consumer protection: this is what a broadcast costs with nothing else around it.

    uvicorn bench.raw_broadcast_server:app --host 127.0.0.1 --port 9001
"""

from __future__ import annotations

import asyncio
import os

import orjson
import redis.asyncio as redis

CHANNEL = os.environ.get("RAW_BENCH_CHANNEL", "dewan-bench:raw")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/11")
WELCOME = orjson.dumps({"type": "welcome", "protocol": 1, "seq": 0}).decode()
SNAPSHOT = orjson.dumps({"type": "snapshot", "seq": 0, "questions": []}).decode()

sockets: set = set()
_subscriber: asyncio.Task | None = None


async def _subscribe() -> None:
    client = redis.Redis.from_url(REDIS_URL)
    pubsub = client.pubsub(ignore_subscribe_messages=True)
    await pubsub.subscribe(CHANNEL)
    async for message in pubsub.listen():
        if message.get("type") != "message":
            continue
        event = {"type": "websocket.send", "text": message["data"].decode()}
        for send in list(sockets):
            try:
                await send(event)
            except Exception:  # noqa: S112 - a closed socket leaves on its disconnect
                continue


async def app(scope, receive, send):
    global _subscriber
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] == "http":
        await receive()
        await send(
            {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]}
        )
        await send({"type": "http.response.body", "body": b"raw broadcast server\n"})
        return
    if scope["type"] != "websocket":
        return
    if _subscriber is None:
        _subscriber = asyncio.get_running_loop().create_task(_subscribe())
    await receive()  # websocket.connect
    await send({"type": "websocket.accept"})
    await send({"type": "websocket.send", "text": WELCOME})
    sockets.add(send)
    try:
        while True:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                return
            if message.get("text") and orjson.loads(message["text"]).get("type") == "sync":
                await send({"type": "websocket.send", "text": SNAPSHOT})
    finally:
        sockets.discard(send)
