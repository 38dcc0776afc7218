"""Who is watching now: presence by heartbeat with a time-to-live, never connects minus disconnects.

A viewer is one attendee (or one staff user), whatever the number of tabs, and counts while its
newest heartbeat is younger than the TTL. The server knows which sockets are open, so the
heartbeats come from the server: each process refreshes all of its open viewers in one pipelined
Redis call every ``DEWAN_HEARTBEAT_SECONDS`` (and batches the first heartbeat of viewers that just
connected), and clients send no frame for presence. Dead peers are found by the websocket layer's
own pings (Uvicorn's ``--ws-ping-interval``; browsers answer them without any script), which
closes their sockets. Where the transport cannot tell (a proxy that answers websocket pings
itself), ``DEWAN_CLIENT_HEARTBEAT=1`` makes clients ``ping`` every ``heartbeat_seconds`` and only
those pings count (docs/protocol.md). A process that dies stops refreshing, so its viewers drop
out within the TTL (RELIABILITY R6).
The store is a backend named in settings (``DEWAN_PRESENCE_BACKEND``): in memory for the
embedded default, a Redis sorted set per webinar in production (shared by all processes, no
per-viewer keys, rebuilt from heartbeats after a Redis restart).

Beside the sorted set, a hash per webinar holds each viewer's language, written when the viewer
(re)appears in the set, never on later heartbeats; a viewer's kind (registered attendee or guest)
is read from its key. Hosts get that breakdown as a ``presence_detail`` message, and the durable
attendance records are derived from ``present()`` by a periodic sampler (webinar/services/attendance.py),
never by a database write per heartbeat.

Every server process also runs one ``PresenceLoop`` (started with its runtime, realtime/runtime.py)
that tells its local sockets the live count and its host sockets the breakdown at most once a second,
and runs the attendance sampler for the webinars it serves. A per-webinar lock in the store
(``SET NX PX`` in Redis) lets one sampler per webinar per interval write, be it this loop or Celery beat.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import time
import weakref
from collections import Counter
from collections.abc import Awaitable, Callable
from functools import cache
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

from realtime import protocol
from realtime.broadcast import frame
from realtime.redis_health import RedisSuspended, redis_guarded_async

log = logging.getLogger("dewan.realtime")

REGISTERED = "registered"
GUEST = "guest"


def viewer_kind(viewer_key: str) -> str:
    """``r:<registration id>`` is a registered attendee; anything else (``u:<user id>``) a guest."""
    return REGISTERED if viewer_key.startswith("r:") else GUEST


def _detail(count: int, registered: int, languages: dict[str, int]) -> dict:
    return {
        "count": count,
        "registered": registered,
        "guests": count - registered,
        "languages": dict(sorted(languages.items())),
    }


class PresenceStore:
    """The interface. Times come from ``clock`` (seconds), so tests can drive expiry."""

    def __init__(self, ttl: float | None = None, clock=time.time):
        self.ttl = float(ttl if ttl is not None else settings.DEWAN_PRESENCE_TTL_SECONDS)
        self.clock = clock

    @property
    def leave_grace(self) -> float:
        """How long a viewer whose socket closed cleanly stays counted, so its other tabs can vouch for it.

        One and a half heartbeat intervals: any other open tab (on any process) pings within that.
        """
        return min(self.ttl, 1.5 * float(settings.DEWAN_HEARTBEAT_SECONDS))

    async def heartbeat(self, webinar_id: int, viewer_key: str, language: str = "") -> None:
        raise NotImplementedError

    async def refresh(self, viewers: dict[int, dict[str, str]]) -> None:
        """One heartbeat for each of ``{webinar id: {viewer key: language}}``, in one round trip."""
        for webinar_id, keys in viewers.items():
            for viewer_key, language in keys.items():
                await self.heartbeat(webinar_id, viewer_key, language)

    async def leave(self, webinar_id: int, viewer_key: str) -> None:
        """Forget the viewer now (whatever its other tabs say until they next ping)."""
        raise NotImplementedError

    async def leave_soon(self, webinar_id: int, viewer_key: str) -> None:
        """A socket closed cleanly: drop the viewer after ``leave_grace`` unless another tab pings."""
        raise NotImplementedError

    async def leave_soon_many(self, viewers: dict[int, dict[str, str]]) -> None:
        """``leave_soon`` for each viewer key of ``{webinar id: {viewer key: ...}}``, in one round trip."""
        for webinar_id, keys in viewers.items():
            for viewer_key in keys:
                await self.leave_soon(webinar_id, viewer_key)

    async def count(self, webinar_id: int) -> int:
        raise NotImplementedError

    async def viewers(self, webinar_id: int) -> list[str]:
        return sorted(await self.present(webinar_id))

    async def present(self, webinar_id: int) -> dict[str, tuple[float, str]]:
        """Every present viewer: key -> (time of its newest heartbeat, language)."""
        raise NotImplementedError

    async def detail(self, webinar_id: int) -> dict:
        """The count broken down for hosts: registered vs guests, and by language."""
        raise NotImplementedError

    async def try_lock(self, name: str, seconds: float) -> bool:
        """True for the one caller that takes ``name`` until it expires after ``seconds``."""
        raise NotImplementedError


class MemoryPresenceStore(PresenceStore):
    """The embedded default: one process, no Redis."""

    def __init__(self, ttl: float | None = None, clock=time.time):
        super().__init__(ttl, clock)
        self._seen: dict[int, dict[str, float]] = {}
        self._language: dict[int, dict[str, str]] = {}
        self._locks: dict[str, float] = {}

    def _live(self, webinar_id: int) -> dict[str, float]:
        seen = self._seen.setdefault(webinar_id, {})
        cutoff = self.clock() - self.ttl
        expired = [key for key, at in seen.items() if at < cutoff]
        languages = self._language.get(webinar_id, {})
        for key in expired:
            del seen[key]
            languages.pop(key, None)
        return seen

    async def heartbeat(self, webinar_id: int, viewer_key: str, language: str = "") -> None:
        seen = self._live(webinar_id)
        if viewer_key not in seen:
            self._language.setdefault(webinar_id, {})[viewer_key] = language
        seen[viewer_key] = self.clock()

    async def leave(self, webinar_id: int, viewer_key: str) -> None:
        self._seen.get(webinar_id, {}).pop(viewer_key, None)
        self._language.get(webinar_id, {}).pop(viewer_key, None)

    async def leave_soon(self, webinar_id: int, viewer_key: str) -> None:
        seen = self._seen.get(webinar_id, {})
        if viewer_key in seen:
            seen[viewer_key] = min(seen[viewer_key], self.clock() - self.ttl + self.leave_grace)

    async def count(self, webinar_id: int) -> int:
        return len(self._live(webinar_id))

    async def present(self, webinar_id: int) -> dict[str, tuple[float, str]]:
        languages = self._language.get(webinar_id, {})
        return {key: (at, languages.get(key, "")) for key, at in self._live(webinar_id).items()}

    async def detail(self, webinar_id: int) -> dict:
        present = await self.present(webinar_id)
        registered = sum(1 for key in present if viewer_kind(key) == REGISTERED)
        return _detail(len(present), registered, Counter(lang for _at, lang in present.values()))

    async def try_lock(self, name: str, seconds: float) -> bool:
        now = self.clock()
        if self._locks.get(name, float("-inf")) > now:
            return False
        self._locks[name] = now + seconds
        return True


# Drops expired viewers (and their languages). KEYS: zset, languages hash. ARGV: cutoff.
_PRUNE = """
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1])
for i = 1, #expired, 5000 do
  local chunk = {unpack(expired, i, math.min(i + 4999, #expired))}
  redis.call('ZREM', KEYS[1], unpack(chunk))
  redis.call('HDEL', KEYS[2], unpack(chunk))
end
"""

_COUNT = _PRUNE + "return redis.call('ZCARD', KEYS[1])"

# Present viewers as a flat list: key, score, language, key, score, language, ...
_PRESENT = (
    _PRUNE
    + """
local members = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
local out = {}
for i = 1, #members, 2 do
  out[#out + 1] = members[i]
  out[#out + 1] = members[i + 1]
  out[#out + 1] = redis.call('HGET', KEYS[2], members[i]) or ''
end
return out
"""
)

# The host breakdown, computed by one process and cached for a second for the others.
# KEYS: zset, languages hash, cache. ARGV: cutoff, cache milliseconds.
_DETAIL = (
    _PRUNE
    + """
local cache_ms = tonumber(ARGV[2])
if cache_ms > 0 then
  local cached = redis.call('GET', KEYS[3])
  if cached then return cached end
end
local members = redis.call('ZRANGE', KEYS[1], 0, -1)
local registered = 0
local languages = {}
local seen_language = false
for i = 1, #members do
  if string.sub(members[i], 1, 2) == 'r:' then registered = registered + 1 end
  local lang = redis.call('HGET', KEYS[2], members[i]) or ''
  languages[lang] = (languages[lang] or 0) + 1
  seen_language = true
end
local encoded = cjson.encode({count = #members, registered = registered,
  languages = seen_language and languages or cjson.decode('{}')})
if cache_ms > 0 then redis.call('SET', KEYS[3], encoded, 'PX', cache_ms) end
return encoded
"""
)

# First heartbeat of a viewer (or first after a Redis restart or expiry): record its language.
_KEY_LIFETIME_SECONDS = 24 * 3600

# Heartbeats for many viewers of one webinar. KEYS: zset, languages hash.
# ARGV: score, key lifetime (s), then viewer key, language, viewer key, language, ...
_REFRESH = """
local added = 0
for i = 3, #ARGV, 2 do
  if redis.call('ZADD', KEYS[1], ARGV[1], ARGV[i]) == 1 then
    redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
    added = added + 1
  end
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return added
"""
_REFRESH_CHUNK = 2000  # viewers per script call (Lua's stack stays small; one pipeline for all)


def _guarded(method):
    """A store call through the Redis circuit breaker (realtime/redis_health.py): while Redis is
    presumed down it raises ``RedisSuspended`` at once instead of waiting out a timeout (a ``ping``'s
    heartbeat, a connect's join, the presence loop's tick), and a timeout here starts the pause for
    every other caller of the process too. Callers treat presence as best effort (they log and go on)."""

    @functools.wraps(method)
    async def call(self, *args, **kwargs):
        return await redis_guarded_async(f"presence {method.__name__}", lambda: method(self, *args, **kwargs))

    return call


class RedisPresenceStore(PresenceStore):
    """One sorted set per webinar: member = viewer key, score = time of the newest heartbeat.

    A steady heartbeat is one ``ZADD`` round trip; the language hash is written only when the
    ``ZADD`` reports a new member, which is also what rebuilds it after a Redis restart. Every call
    goes through the Redis circuit breaker (``_guarded``).
    """

    def __init__(
        self, ttl: float | None = None, clock=time.time, url: str | None = None, detail_cache_ms: int = 900
    ):
        super().__init__(ttl, clock)
        self.url = url or settings.REDIS_URL
        self.detail_cache_ms = detail_cache_ms
        # Keyed by event loop: a Celery worker's ``async_to_sync`` makes a loop per call.
        self._clients: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._scripts: dict[str, Any] = {}

    def _client(self):
        import redis.asyncio as redis

        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            client = redis.Redis.from_url(
                self.url,
                socket_timeout=settings.DEWAN_REDIS_TIMEOUT_SECONDS,
                socket_connect_timeout=settings.DEWAN_REDIS_CONNECT_TIMEOUT_SECONDS,
                health_check_interval=30,
            )
            self._clients[loop] = client
        return client

    async def _run(self, source: str, keys: list[str], args: list) -> Any:
        client = self._client()
        script = self._scripts.get(source)
        if script is None:
            script = self._scripts[source] = client.register_script(source)
        return await script(keys=keys, args=args, client=client)

    @staticmethod
    def key(webinar_id: int) -> str:
        return f"dewan:{settings.DEWAN_INSTANCE}:presence:{webinar_id}"

    @classmethod
    def language_key(cls, webinar_id: int) -> str:
        return f"{cls.key(webinar_id)}:lang"

    @classmethod
    def detail_key(cls, webinar_id: int) -> str:
        return f"{cls.key(webinar_id)}:detail"

    def _cutoff(self) -> float:
        return self.clock() - self.ttl

    @_guarded
    async def heartbeat(self, webinar_id: int, viewer_key: str, language: str = "") -> None:
        client = self._client()
        added = await client.zadd(self.key(webinar_id), {viewer_key: self.clock()})
        if added:
            pipe = client.pipeline(transaction=False)
            pipe.hset(self.language_key(webinar_id), viewer_key, language)
            pipe.expire(self.key(webinar_id), _KEY_LIFETIME_SECONDS)
            pipe.expire(self.language_key(webinar_id), _KEY_LIFETIME_SECONDS)
            await pipe.execute()

    @_guarded
    async def refresh(self, viewers: dict[int, dict[str, str]]) -> None:
        """Every webinar's viewers in one pipeline of ``_REFRESH`` calls: one round trip per tick."""
        if not viewers:
            return
        # EVAL, not EVALSHA: the script text is small beside 2,000 viewer keys, and a Redis that
        # restarted (scripts flushed) needs no reload dance inside a pipeline.
        pipe = self._client().pipeline(transaction=False)
        score = self.clock()
        for webinar_id, keys in viewers.items():
            items = list(keys.items())
            for first in range(0, len(items), _REFRESH_CHUNK):
                args: list = [score, _KEY_LIFETIME_SECONDS]
                for viewer_key, language in items[first : first + _REFRESH_CHUNK]:
                    args += (viewer_key, language)
                pipe.eval(_REFRESH, 2, self.key(webinar_id), self.language_key(webinar_id), *args)
        await pipe.execute()

    @_guarded
    async def leave(self, webinar_id: int, viewer_key: str) -> None:
        pipe = self._client().pipeline(transaction=False)
        pipe.zrem(self.key(webinar_id), viewer_key)
        pipe.hdel(self.language_key(webinar_id), viewer_key)
        await pipe.execute()

    @_guarded
    async def leave_soon(self, webinar_id: int, viewer_key: str) -> None:
        # XX: only if still present; LT: never pushes a fresher heartbeat back (Redis 6.2+).
        score = self.clock() - self.ttl + self.leave_grace
        await self._client().zadd(self.key(webinar_id), {viewer_key: score}, xx=True, lt=True)

    @_guarded
    async def leave_soon_many(self, viewers: dict[int, dict[str, str]]) -> None:
        """One ``ZADD XX LT`` per webinar, all in one pipeline."""
        if not viewers:
            return
        score = self.clock() - self.ttl + self.leave_grace
        pipe = self._client().pipeline(transaction=False)
        for webinar_id, keys in viewers.items():
            pipe.zadd(self.key(webinar_id), dict.fromkeys(keys, score), xx=True, lt=True)
        await pipe.execute()

    @_guarded
    async def count(self, webinar_id: int) -> int:
        keys = [self.key(webinar_id), self.language_key(webinar_id)]
        return int(await self._run(_COUNT, keys, [self._cutoff()]))

    @_guarded
    async def present(self, webinar_id: int) -> dict[str, tuple[float, str]]:
        keys = [self.key(webinar_id), self.language_key(webinar_id)]
        flat = await self._run(_PRESENT, keys, [self._cutoff()])
        return {flat[i].decode(): (float(flat[i + 1]), flat[i + 2].decode()) for i in range(0, len(flat), 3)}

    @_guarded
    async def detail(self, webinar_id: int) -> dict:
        import json

        keys = [self.key(webinar_id), self.language_key(webinar_id), self.detail_key(webinar_id)]
        raw = await self._run(_DETAIL, keys, [self._cutoff(), self.detail_cache_ms])
        data = json.loads(raw)
        return _detail(int(data["count"]), int(data["registered"]), data.get("languages") or {})

    @_guarded
    async def try_lock(self, name: str, seconds: float) -> bool:
        taken = await self._client().set(
            f"dewan:{settings.DEWAN_INSTANCE}:lock:{name}", "1", nx=True, px=max(1, int(seconds * 1000))
        )
        return bool(taken)


@cache
def get_presence_store() -> PresenceStore:
    return import_string(settings.DEWAN_PRESENCE_BACKEND)()


def client_heartbeats() -> bool:
    """True where the transport cannot tell an open socket from a dead one (``DEWAN_CLIENT_HEARTBEAT``)."""
    return bool(getattr(settings, "DEWAN_CLIENT_HEARTBEAT", False))


async def viewer_heartbeat(viewer) -> None:
    """A client ``ping`` (client-heartbeat deployments only). Best effort: never raises."""
    try:
        await get_presence_store().heartbeat(viewer.webinar_id, viewer.viewer_key, viewer.language or "")
    except RedisSuspended:  # skipped at once: the breaker logged the pause once
        pass
    except Exception:  # the count heals with the next heartbeat
        log.warning("presence heartbeat failed", exc_info=True)


BATCH_SECONDS = 0.02


class _Batch:
    """Per event loop: viewers gathered for ``BATCH_SECONDS``, then written in one store call.

    A connect storm (or a mass disconnect: a proxy restart) then costs one pipelined Redis call per
    batch, not one round trip (and, under load, one new Redis connection) per socket.
    """

    def __init__(self, write):
        self.write = write
        # Per event loop: the viewers queued since the last write, and the future of that write.
        self._pending: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, tuple[dict[int, dict[str, str]], asyncio.Future]
        ] = weakref.WeakKeyDictionary()

    def add(self, webinar_id: int, viewer_key: str, value: str) -> asyncio.Future:
        """Queue one viewer; the future is done once its batch was written (or failed: best effort)."""
        loop = asyncio.get_running_loop()
        entry = self._pending.get(loop)
        if entry is None:
            entry = self._pending[loop] = ({}, loop.create_future())
            loop.call_later(BATCH_SECONDS, lambda: loop.create_task(self._flush(loop)))
        entry[0].setdefault(webinar_id, {})[viewer_key] = value
        return entry[1]

    async def _flush(self, loop: asyncio.AbstractEventLoop) -> None:
        viewers, done = self._pending.pop(loop)
        try:
            await self.write(viewers)
        except RedisSuspended:  # skipped at once: the breaker logged the pause once
            pass
        except Exception:  # the next refresh tick (joins) or the TTL (leaves) heals it
            log.warning("presence batch write failed", exc_info=True)
        finally:
            done.set_result(None)


_joins = _Batch(lambda viewers: get_presence_store().refresh(viewers))
_leaves = _Batch(lambda viewers: get_presence_store().leave_soon_many(viewers))


async def viewer_joined(viewer) -> None:
    """A socket of this viewer opened: counted within ``BATCH_SECONDS``, with the others who joined."""
    if viewer.viewer_key is None:
        return
    if client_heartbeats():
        await viewer_heartbeat(viewer)
        return
    _joins.add(viewer.webinar_id, viewer.viewer_key, viewer.language or "")


async def viewer_left(viewer) -> None:
    """A socket closed cleanly (batched with the others closing now; returns once written).

    Other tabs of the same viewer keep it present: the refresh of their process puts it back.
    """
    await asyncio.shield(_leaves.add(viewer.webinar_id, viewer.viewer_key, ""))


# --- The per-process presence loop: live counts, host breakdown, in-process attendance sampling ------

TICK_SECONDS = 1.0

# ``sampler(webinar_ids=[...], store=store)``: one attendance tick (webinar/services/attendance.py).
Sampler = Callable[..., Awaitable[object]]


class PresenceLoop:
    """One per server process (``realtime.runtime.Runtime``), beside the hub.

    Once a second it tells each webinar's local sockets the live count (``Hub.live_count_set``, sent
    only when it changed) and its local host sockets the breakdown (``presence_detail``: to a host
    that has not had the current one); every ``DEWAN_HEARTBEAT_SECONDS`` it heartbeats every viewer
    with an open socket here in one store call (``refresh``); every ``DEWAN_ATTENDANCE_SAMPLE_SECONDS``
    it runs ``sampler`` for the webinars served here. It reads the hub only through ``webinar_ids``,
    ``staff_listeners``, ``open_viewers`` and ``live_count_set``.
    """

    def __init__(self, hub, *, sampler: Sampler | None = None):
        self.hub = hub
        self.sampler = sampler
        self._task: asyncio.Task | None = None
        # Per webinar: the breakdown last sent, and the host sockets that already have it.
        self._told: dict[int, tuple[dict, set]] = {}

    def start(self) -> None:
        """Start on the hub's event loop (idempotent; a loop that crashed is started again)."""
        if self._task is None or self._task.done():
            self._task = self.hub.loop.create_task(self._run())

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def refresh(self) -> None:
        """Heartbeat every viewer with an open socket here, in one pipelined store call."""
        if client_heartbeats():
            return
        try:
            await get_presence_store().refresh(self.hub.open_viewers())
        except RedisSuspended:  # skipped at once: the breaker logged the pause once
            pass
        except Exception:  # the next tick retries; viewers stay counted for the TTL meanwhile
            log.warning("presence refresh failed", exc_info=True)

    async def _run(self) -> None:
        next_sample = time.monotonic() + float(settings.DEWAN_ATTENDANCE_SAMPLE_SECONDS)
        next_refresh = time.monotonic() + float(settings.DEWAN_HEARTBEAT_SECONDS)
        while True:
            await asyncio.sleep(TICK_SECONDS)
            if time.monotonic() >= next_refresh:
                next_refresh = time.monotonic() + float(settings.DEWAN_HEARTBEAT_SECONDS)
                await self.refresh()
            store = get_presence_store()
            webinar_ids = await self.counts_tell()
            if time.monotonic() >= next_sample:
                next_sample = time.monotonic() + float(settings.DEWAN_ATTENDANCE_SAMPLE_SECONDS)
                if self.sampler is not None and webinar_ids:
                    try:
                        await self.sampler(webinar_ids=webinar_ids, store=store)
                    except RedisSuspended:  # skipped at once: the breaker logged the pause once
                        pass
                    except Exception:
                        log.warning("in-process attendance sampling failed", exc_info=True)

    async def counts_tell(self) -> list[int]:
        """One tick's counts: the live count to each webinar's local sockets (when it changed) and the
        breakdown to its host sockets. Returns the webinars told: ``Hub.webinar_ids``, which leaves out
        those that ended or were cancelled (docs/protocol.md, "After the end")."""
        store = get_presence_store()
        webinar_ids = self.hub.webinar_ids()
        for webinar_id in webinar_ids:
            await self._tell_count(store, webinar_id)
            await self._tell_hosts(store, webinar_id)
        for webinar_id in set(self._told) - set(webinar_ids):
            del self._told[webinar_id]
        return webinar_ids

    async def _tell_count(self, store: PresenceStore, webinar_id: int) -> None:
        try:
            count = await store.count(webinar_id)
        except RedisSuspended:  # skipped at once: the breaker logged the pause once
            return
        except Exception:
            log.warning("presence count failed for webinar %s", webinar_id, exc_info=True)
            return
        self.hub.live_count_set(webinar_id, count)

    async def _tell_hosts(self, store: PresenceStore, webinar_id: int) -> None:
        hosts = self.hub.staff_listeners(webinar_id)
        if not hosts:
            self._told.pop(webinar_id, None)
            return
        try:
            detail = await store.detail(webinar_id)
        except RedisSuspended:  # skipped at once: the breaker logged the pause once
            return
        except Exception:
            log.warning("presence detail failed for webinar %s", webinar_id, exc_info=True)
            return
        hosts = self.hub.staff_listeners(webinar_id)  # again: the webinar may have ended meanwhile
        last, told = self._told.get(webinar_id, (None, set()))
        told = set() if detail != last else told & hosts
        event = frame(protocol.dumps(protocol.presence_detail_message(detail)))
        for listener in hosts - told:
            listener.push(event)
            told.add(listener)
        self._told[webinar_id] = (detail, told)
