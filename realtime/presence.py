"""Who is watching now: presence by heartbeat with a time-to-live, never connects minus disconnects.

A viewer is one attendee (or one staff user), whatever the number of tabs; each socket
heartbeats, and a viewer counts while its newest heartbeat is younger than the TTL. A process
that dies simply stops heartbeating, so its viewers drop out within the TTL (RELIABILITY R6).
The store is a backend named in settings (``DEWAN_PRESENCE_BACKEND``): in memory for the
embedded default, a Redis sorted set per webinar in production (shared by all processes, no
per-viewer keys, rebuilt from heartbeats after a Redis restart).
"""

from __future__ import annotations

import logging
import time
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


class PresenceStore:
    def __init__(self, ttl: float | None = None, clock=time.time):
        self.ttl = float(ttl if ttl is not None else settings.DEWAN_PRESENCE_TTL_SECONDS)
        self.clock = clock

    async def heartbeat(self, webinar_id: int, viewer_key: str) -> None:
        raise NotImplementedError

    async def leave(self, webinar_id: int, viewer_key: str) -> None:
        raise NotImplementedError

    async def count(self, webinar_id: int) -> int:
        raise NotImplementedError

    async def viewers(self, webinar_id: int) -> list[str]:
        raise NotImplementedError


class MemoryPresenceStore(PresenceStore):
    def __init__(self, ttl: float | None = None, clock=time.time):
        super().__init__(ttl, clock)
        self._seen: dict[int, dict[str, float]] = {}

    def _live(self, webinar_id: int) -> dict[str, float]:
        seen = self._seen.setdefault(webinar_id, {})
        cutoff = self.clock() - self.ttl
        for key in [key for key, at in seen.items() if at < cutoff]:
            del seen[key]
        return seen

    async def heartbeat(self, webinar_id: int, viewer_key: str) -> None:
        self._seen.setdefault(webinar_id, {})[viewer_key] = self.clock()

    async def leave(self, webinar_id: int, viewer_key: str) -> None:
        self._seen.get(webinar_id, {}).pop(viewer_key, None)

    async def count(self, webinar_id: int) -> int:
        return len(self._live(webinar_id))

    async def viewers(self, webinar_id: int) -> list[str]:
        return sorted(self._live(webinar_id))


class RedisPresenceStore(PresenceStore):
    """One sorted set per webinar: member = viewer key, score = time of the newest heartbeat."""

    def __init__(self, ttl: float | None = None, clock=time.time, url: str | None = None):
        super().__init__(ttl, clock)
        self.url = url or settings.REDIS_URL
        self._clients: dict[int, object] = {}

    def _client(self):
        import asyncio

        import redis.asyncio as redis

        loop_id = id(asyncio.get_running_loop())
        client = self._clients.get(loop_id)
        if client is None:
            client = redis.Redis.from_url(
                self.url, socket_timeout=5, socket_connect_timeout=2, health_check_interval=30
            )
            self._clients[loop_id] = client
        return client

    @staticmethod
    def key(webinar_id: int) -> str:
        return f"dewan:presence:{webinar_id}"

    async def heartbeat(self, webinar_id: int, viewer_key: str) -> None:
        await self._client().zadd(self.key(webinar_id), {viewer_key: self.clock()})

    async def leave(self, webinar_id: int, viewer_key: str) -> None:
        await self._client().zrem(self.key(webinar_id), viewer_key)

    async def count(self, webinar_id: int) -> int:
        now = self.clock()
        pipe = self._client().pipeline(transaction=False)
        pipe.zremrangebyscore(self.key(webinar_id), "-inf", now - self.ttl)
        pipe.zcard(self.key(webinar_id))
        _removed, count = await pipe.execute()
        return int(count)

    async def viewers(self, webinar_id: int) -> list[str]:
        members = await self._client().zrangebyscore(self.key(webinar_id), self.clock() - self.ttl, "+inf")
        return sorted(m.decode() for m in members)


@cache
def get_presence_store() -> PresenceStore:
    return import_string(settings.DEWAN_PRESENCE_BACKEND)()


async def viewer_heartbeat(viewer) -> None:
    """A socket of this viewer is alive (on connect and every ``ping``). Best effort: never raises."""
    try:
        await get_presence_store().heartbeat(viewer.webinar_id, viewer.viewer_key)
    except Exception:  # the count heals with the next heartbeat
        logging.getLogger("dewan.realtime").warning("presence heartbeat failed", exc_info=True)


async def viewer_left(viewer) -> None:
    """A socket closed cleanly. Other tabs of the same viewer keep it present with their heartbeats."""
    return None
