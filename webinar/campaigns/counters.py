"""Resource-hub visit counters: counted in memory or Redis, flushed to the database in batches.

One small interface, two backends, chosen by ``DEWAN_HUB_COUNTER_BACKEND`` (a dotted path, like Django's
e-mail backends): ``MemoryHubCounter`` for the embedded single process, ``RedisHubCounter`` when
``REDIS_URL`` is set (INCR for visits, PFADD into a HyperLogLog per resource and day for unique visitors,
one pipelined round trip per visit). Nothing here touches the database: ``services/hub.py`` drains the
counters and writes one row per resource and day (docs/hub-counting.md).
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils.module_loading import import_string

from realtime.redis_health import redis_guarded

SALT_TTL_SECONDS = 2 * 24 * 3600
HLL_TTL_SECONDS = 3 * 24 * 3600
SALT_RECHECK_SECONDS = 300


@dataclass(frozen=True)
class Tally:
    """What one flush learnt about one resource on one day: visits since the last flush, uniques so far."""

    resource_id: int
    day: str  # ISO date in Asia/Kuala_Lumpur
    visits: int
    uniques: int


class HubCounter:
    """The interface. ``record`` is on the hot path and must not touch the database."""

    #: The embedded backend lives in one process, so that process flushes it itself (``flush_due``).
    flushes_itself = False

    def record(self, *, resource_id: int, day: str, client_hash: str) -> None:
        raise NotImplementedError

    def person_seen(self, *, campaign_id: int, email: str) -> None:
        """A known person (by e-mail) opened the hub: kept until the flush writes it once."""
        raise NotImplementedError

    def daily_salt(self, *, day: str) -> bytes:
        """A random salt for ``day``, shared by every process, forgotten two days later."""
        raise NotImplementedError

    def drain(self) -> tuple[list[Tally], list[tuple[int, str]]]:
        """Take what was counted since the last drain: tallies and (campaign id, e-mail) people."""
        raise NotImplementedError

    def restore(self, tallies: list[Tally], people: list[tuple[int, str]]) -> None:
        """Put a drained batch back (its database write failed), so the next flush writes it."""
        raise NotImplementedError

    def pending(self, *, resource_id: int, day: str) -> tuple[int, int]:
        """Visits not yet flushed and the day's uniques so far, for up-to-date organiser figures."""
        raise NotImplementedError

    def flush_due(self, *, interval: float) -> bool:
        return False


class MemoryHubCounter(HubCounter):
    """Per process, exact (a set of hashes per resource and day): the embedded default."""

    flushes_itself = True

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._visits: dict[tuple[int, str], int] = {}
        self._uniques: dict[tuple[int, str], set[str]] = {}
        self._people: set[tuple[int, str]] = set()
        self._salts: dict[str, bytes] = {}
        self._last_flush = time.monotonic()

    def record(self, *, resource_id: int, day: str, client_hash: str) -> None:
        key = (resource_id, day)
        with self._lock:
            self._visits[key] = self._visits.get(key, 0) + 1
            self._uniques.setdefault(key, set()).add(client_hash)

    def person_seen(self, *, campaign_id: int, email: str) -> None:
        with self._lock:
            self._people.add((campaign_id, email))

    def daily_salt(self, *, day: str) -> bytes:
        with self._lock:
            if day not in self._salts:
                self._salts = {d: s for d, s in self._salts.items() if d >= day} | {
                    day: secrets.token_bytes(16)
                }
            return self._salts[day]

    def drain(self) -> tuple[list[Tally], list[tuple[int, str]]]:
        with self._lock:
            visits, self._visits = self._visits, {}
            people, self._people = self._people, set()
            tallies = [
                Tally(resource_id=r, day=d, visits=n, uniques=len(self._uniques.get((r, d), ())))
                for (r, d), n in visits.items()
            ]
            today = max((d for _r, d in self._uniques), default="")
            self._uniques = {k: v for k, v in self._uniques.items() if k[1] >= today}
            self._last_flush = time.monotonic()
        return tallies, sorted(people)

    def restore(self, tallies: list[Tally], people: list[tuple[int, str]]) -> None:
        with self._lock:
            for tally in tallies:
                key = (tally.resource_id, tally.day)
                self._visits[key] = self._visits.get(key, 0) + tally.visits
            self._people.update(people)

    def pending(self, *, resource_id: int, day: str) -> tuple[int, int]:
        with self._lock:
            key = (resource_id, day)
            return self._visits.get(key, 0), len(self._uniques.get(key, ()))

    def flush_due(self, *, interval: float) -> bool:
        return time.monotonic() - self._last_flush >= interval and bool(self._visits or self._people)


class RedisHubCounter(HubCounter):
    """Shared by every process: INCR + PFADD (HyperLogLog, ~0.8% standard error) + a dirty set.

    A flush renames the dirty set first, so visits arriving meanwhile mark the new set and are taken by
    the next flush; GETDEL hands each visit count to exactly one flush.
    """

    PREFIX = "dewan:hub:"

    def __init__(self, url: str | None = None) -> None:
        import redis

        # Bounded like every Redis call (docs/reliability.md, "Redis hung"); visits are counted on the
        # request path, so those calls also go through the circuit breaker (``redis_guarded``).
        self.redis = redis.Redis.from_url(
            url or settings.REDIS_URL,
            socket_timeout=settings.DEWAN_REDIS_TIMEOUT_SECONDS,
            socket_connect_timeout=settings.DEWAN_REDIS_CONNECT_TIMEOUT_SECONDS,
        )
        self._salts: dict[str, tuple[bytes, float]] = {}

    def _keys(self, resource_id: int, day: str) -> tuple[str, str]:
        return f"{self.PREFIX}v:{resource_id}:{day}", f"{self.PREFIX}u:{resource_id}:{day}"

    def record(self, *, resource_id: int, day: str, client_hash: str) -> None:
        visits, uniques = self._keys(resource_id, day)
        pipe = self.redis.pipeline(transaction=False)
        pipe.incr(visits)
        pipe.pfadd(uniques, client_hash)
        pipe.expire(uniques, HLL_TTL_SECONDS)
        pipe.sadd(f"{self.PREFIX}dirty", f"{resource_id}:{day}")
        redis_guarded("hub counter", pipe.execute)

    def person_seen(self, *, campaign_id: int, email: str) -> None:
        redis_guarded(
            "hub counter", lambda: self.redis.sadd(f"{self.PREFIX}people", f"{campaign_id}:{email}")
        )

    def daily_salt(self, *, day: str) -> bytes:
        """One round trip a few times an hour per process: the day's salt is kept locally meanwhile."""
        cached = self._salts.get(day)
        if cached is not None and time.monotonic() - cached[1] < SALT_RECHECK_SECONDS:
            return cached[0]
        fresh = secrets.token_bytes(16)
        # SET NX GET (Redis 7): atomically the existing salt, or ours if there was none (never None).
        existing = redis_guarded(
            "hub counter",
            lambda: self.redis.set(f"{self.PREFIX}salt:{day}", fresh, nx=True, get=True, ex=SALT_TTL_SECONDS),
        )
        salt = existing if existing is not None else fresh
        self._salts = {d: v for d, v in self._salts.items() if d >= day} | {day: (salt, time.monotonic())}
        return salt

    def _take_set(self, name: str) -> list[str]:
        import redis

        flushing = f"{name}:flushing:{secrets.token_hex(4)}"
        try:
            self.redis.rename(name, flushing)
        except redis.ResponseError:  # no such key: nothing counted since the last flush
            return []
        members = [m.decode() for m in self.redis.smembers(flushing)]
        self.redis.delete(flushing)
        return members

    def drain(self) -> tuple[list[Tally], list[tuple[int, str]]]:
        members = self._take_set(f"{self.PREFIX}dirty")
        tallies = []
        if members:
            pipe = self.redis.pipeline(transaction=False)
            pairs = []
            for member in members:
                resource_id, day = member.split(":", 1)
                visits, uniques = self._keys(int(resource_id), day)
                pipe.getdel(visits)
                pipe.pfcount(uniques)
                pairs.append((int(resource_id), day))
            results = pipe.execute()
            for index, (resource_id, day) in enumerate(pairs):
                visits, uniques = results[2 * index], results[2 * index + 1]
                tallies.append(
                    Tally(resource_id=resource_id, day=day, visits=int(visits or 0), uniques=int(uniques))
                )
        people = []
        for member in self._take_set(f"{self.PREFIX}people"):
            campaign_id, email = member.split(":", 1)
            people.append((int(campaign_id), email))
        return tallies, people

    def restore(self, tallies: list[Tally], people: list[tuple[int, str]]) -> None:
        pipe = self.redis.pipeline(transaction=False)
        for tally in tallies:
            pipe.incrby(self._keys(tally.resource_id, tally.day)[0], tally.visits)
            pipe.sadd(f"{self.PREFIX}dirty", f"{tally.resource_id}:{tally.day}")
        for campaign_id, email in people:
            pipe.sadd(f"{self.PREFIX}people", f"{campaign_id}:{email}")
        pipe.execute()

    def pending(self, *, resource_id: int, day: str) -> tuple[int, int]:
        visits, uniques = self._keys(resource_id, day)
        pipe = self.redis.pipeline(transaction=False)
        pipe.get(visits)
        pipe.pfcount(uniques)
        pending_visits, day_uniques = pipe.execute()
        return int(pending_visits or 0), int(day_uniques)


@lru_cache(maxsize=1)
def _counter(path: str) -> HubCounter:
    return import_string(path)()


def get_counter() -> HubCounter:
    """The configured backend, one instance per process (settings read at call time, not import time)."""
    return _counter(settings.DEWAN_HUB_COUNTER_BACKEND)
