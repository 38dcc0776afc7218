"""What one socket, one registration and one client address may cost this process (docs/protocol.md,
"Budgets and close codes"). Everything here is counted in the process's memory, before any database
or Redis work, so a flood is refused for the price of parsing its frames.

A socket spends its own budget and its *principal's*: the registration's for an attendee, the signed-in
account's for a host or organiser (``principal``). A new socket whose principal cannot pay for it, or
whose address is over its connect rate or open sockets, is refused before the websocket upgrade with
HTTP 429 and ``Retry-After`` (``ProcessBudgets.refuse_early`` and ``refuse``, the gate of
``realtime.httpprotocol``): the principal is known from an earlier socket of the same session cookie on
the same URL, so no database is read. A client refused ``DEWAN_WS_SILENCE_AFTER`` (5) more times before
the ``Retry-After`` it was told has passed gets no answer at all until it has (``ProcessBudgets.refused``):
a browser following docs/protocol.md's back-off (0.5 s, doubling) comes back at most 5 times within
17 s, the longest wait these budgets tell at their defaults, so it is always answered.

Budgets are token buckets written in the project's one rate syntax (``webinar.ratelimit.parse_rate``):
``"200/60"`` holds 200 cost units and refills 200 every 60 seconds. Each command has a cost
(``COSTS``); a frame that does not parse costs ``INVALID_COST``.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

from django.conf import settings

from realtime.httpprotocol import Refusal, retry_after_seconds
from webinar.http import scope_client_ip
from webinar.ratelimit import parse_rate

# Cost units per command: what it makes the server do (a replay reads the event log; an ask screens
# and writes; a ping only touches memory).
COSTS = {"ping": 1, "vote": 2, "poll_vote": 3, "request_review": 2, "ask": 5, "sync": 10}
HOST_COST = 2  # every host command
INVALID_COST = 2  # a frame that did not parse or was refused before running
# A registration's new socket: identify, join and a snapshot, about a ``sync``. Charged to the
# registration's budget before the join, so a client reconnecting in a loop runs out like one flooding.
CONNECT_COST = 10
# A socket closed for going over a budget empties its principal's budget and leaves it owing this many
# units more: its next socket opens only once the refill has paid both (about 16 s at the default
# 400/60), so a client that floods and reconnects in a loop opens a socket every 16 s, not every 1.5 s.
OVER_BUDGET_PENALTY = 100

# Open sockets over a cap (per address, per registration): the Retry-After / retry_after told (seconds).
CAP_RETRY_AFTER = 5.0
# Entries of the per-process tables before they are forgotten (bounded memory under a flood of names).
TABLE_LIMIT = 50_000

# Close codes (documented in docs/protocol.md).
CLOSE_OVER_BUDGET = 4429  # too many commands or connections: wait ``retry_after``, then reconnect
CLOSE_NOT_READING = 4408  # replies piled up unread: reconnect and sync


def cost_of(command_type: str | None) -> int:
    if command_type is None:
        return INVALID_COST
    return COSTS.get(command_type, HOST_COST)


@dataclass
class Bucket:
    """A token bucket: ``capacity`` units, refilled at ``capacity / seconds`` per second."""

    capacity: float
    per_second: float
    tokens: float
    at: float | None = None  # when ``tokens`` was last brought up to date

    @classmethod
    def from_rate(cls, rate: str) -> Bucket:
        parsed = parse_rate(rate)
        return cls(capacity=parsed.hits, per_second=parsed.hits / parsed.seconds, tokens=parsed.hits)

    def take(self, cost: float, *, now: float | None = None) -> float:
        """Spend ``cost``; return 0 if it fits, else the seconds until it would (nothing is spent)."""
        wait = self.wait(cost, now=now)
        if not wait:
            self.tokens -= cost
        return wait

    def owe(self, units: float, *, now: float | None = None) -> None:
        """Empty the bucket and owe ``units`` more: the refill pays the debt before anything fits."""
        self.wait(0, now=now)
        self.tokens = min(self.tokens, 0.0) - units

    def wait(self, cost: float, *, now: float | None = None) -> float:
        """0 if ``cost`` fits now, else the seconds until it would; nothing is spent."""
        now = time.monotonic() if now is None else now
        if self.at is not None:
            self.tokens = min(self.capacity, self.tokens + max(0.0, now - self.at) * self.per_second)
        self.at = now
        if self.tokens >= cost:
            return 0.0
        return (cost - self.tokens) / self.per_second if self.per_second else float("inf")


def principal(registration_id: int | None, user_id: int | None) -> Hashable | None:
    """Whose budget a socket spends besides its own: its registration (an ``int``), else the signed-in
    account of a host or organiser (``("user", id)``), else nobody (a stage screen)."""
    if registration_id is not None:
        return registration_id
    if user_id is not None:
        return ("user", user_id)
    return None


def connect_key(scope) -> str | None:
    """Who is opening a socket, as far as the request alone says: a digest of the URL (path and query)
    and the session cookie; None without a session cookie. The same for the upgrade request
    (``realtime.wsprotocol``) and the application's scope."""
    from realtime.entry import session_cookie  # entry imports the consumer, which imports this module

    cookie = session_cookie(scope)
    if not cookie:
        return None
    seen = f"{scope.get('path', '')}?{scope.get('query_string', b'').decode('latin-1')}\0{cookie}"
    return hashlib.blake2b(seen.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


@dataclass
class Refusals:
    """The refused connects of one client (an address, or a ``connect_key``) since it was last told
    ``Retry-After`` after having waited: when the longest wait told ends, and how many came earlier."""

    until: float
    early: int = 0
    silenced: int = 0  # connects reset without an answer


class ProcessBudgets:
    """Per-registration buckets and open-socket counts for this process; the gate of
    ``realtime.httpprotocol`` (``refuse_early``, ``refuse``)."""

    def __init__(self):
        self.clear()

    def clear(self) -> None:
        """Forget every count (tests start each case afresh)."""
        self.registrations: dict[Hashable, Bucket] = {}  # by ``principal``
        self.connects: dict[str, Bucket] = {}
        self.sockets_by_address: defaultdict[str, int] = defaultdict(int)
        self.sockets_by_registration: defaultdict[int, int] = defaultdict(int)
        self.principals: dict[str, Hashable] = {}  # ``connect_key`` -> ``principal`` seen at connect
        self.refusals: dict[tuple[str, str], Refusals] = {}  # ("address" | "key", value) -> refusals

    def registration_bucket(self, registration_id: Hashable) -> Bucket:
        """The bucket of a ``principal`` (a registration, or a host's account). It outlives the
        principal's sockets until it has refilled, so closing and reopening a socket does not buy a
        fresh budget."""
        bucket = self.registrations.get(registration_id)
        if bucket is None:
            if len(self.registrations) >= 10_000:
                self._forget_refilled()
            bucket = self.registrations[registration_id] = Bucket.from_rate(
                settings.DEWAN_WS_REGISTRATION_BUDGET
            )
        return bucket

    def remember(self, key: str | None, who: Hashable | None) -> None:
        """Note whose socket a ``connect_key`` opened, so its next connect is judged before the upgrade."""
        if key is None or who is None:
            return
        if len(self.principals) >= TABLE_LIMIT:
            self.principals.clear()
        self.principals[key] = who

    def address_wait(self, address: str) -> float:
        """Seconds a new socket from ``address`` must wait (nothing spent): over
        ``DEWAN_WS_MAX_SOCKETS_PER_ADDRESS`` open sockets, or out of ``DEWAN_WS_CONNECT_RATE``; else 0."""
        if self.sockets_by_address.get(address, 0) >= settings.DEWAN_WS_MAX_SOCKETS_PER_ADDRESS:
            return CAP_RETRY_AFTER
        connects = self.connects.get(address)
        return connects.wait(1) if connects is not None else 0.0

    def principal_wait(self, scope) -> float:
        """Seconds a new socket with this request's ``connect_key`` must wait (nothing spent): its
        principal (known from an earlier connect) at ``DEWAN_WS_MAX_SOCKETS_PER_REGISTRATION`` sockets or
        unable to pay ``CONNECT_COST``; 0 when it can, or when the principal is not known here."""
        if not self.principals:
            return 0.0
        who = self.principals.get(connect_key(scope) or "")
        if who is None:
            return 0.0
        if (
            isinstance(who, int)
            and self.sockets_by_registration.get(who, 0) >= settings.DEWAN_WS_MAX_SOCKETS_PER_REGISTRATION
        ):
            return CAP_RETRY_AFTER
        bucket = self.registrations.get(who)
        return bucket.wait(CONNECT_COST) if bucket is not None else 0.0

    def refuse_early(self, peer: str) -> Refusal | None:
        """The gate's check of a TCP peer before its request is parsed: ``address_wait`` of the peer, or
        None when the peer is a trusted proxy (its client is known only from the headers: ``refuse``)."""
        if peer in settings.DEWAN_TRUSTED_PROXIES:
            return None
        wait = self.address_wait(peer)
        return self.refused(("address", peer), wait) if wait else None

    def refuse(self, scope) -> Refusal | None:
        """The gate's check of a parsed upgrade request, from the request alone (no database, nothing
        spent): ``address_wait`` of its client address, then ``principal_wait``. None: let the
        application decide (and spend)."""
        address = scope_client_ip(scope)
        wait = self.address_wait(address)
        if wait:
            return self.refused(("address", address), wait)
        wait = self.principal_wait(scope)
        return self.refused(("key", connect_key(scope) or ""), wait) if wait else None

    def refused(self, who: tuple[str, str], wait: float, *, now: float | None = None) -> Refusal:
        """Count a refusal of ``who`` (told to wait ``wait`` s); silent once ``who`` has come back
        ``DEWAN_WS_SILENCE_AFTER`` times before the ``Retry-After`` it was told had passed, until it has."""
        now = time.monotonic() if now is None else now
        record = self.refusals.get(who)
        if record is None or now >= record.until:
            if record is None and len(self.refusals) >= TABLE_LIMIT:
                self.refusals.clear()
            self.refusals[who] = Refusals(until=now + retry_after_seconds(wait))
            return Refusal(wait, silent=False)
        if record.early >= settings.DEWAN_WS_SILENCE_AFTER:
            record.silenced += 1
            return Refusal(wait, silent=True)
        record.early += 1
        record.until = max(record.until, now + retry_after_seconds(wait))
        return Refusal(wait, silent=False)

    def connect_allowed(self, address: str) -> float:
        """Count one connect from ``address``; 0 if allowed, else seconds to wait. Checks the open
        sockets of the address too (``DEWAN_WS_MAX_SOCKETS_PER_ADDRESS``)."""
        if self.sockets_by_address[address] >= settings.DEWAN_WS_MAX_SOCKETS_PER_ADDRESS:
            return CAP_RETRY_AFTER
        bucket = self.connects.get(address)
        if bucket is None:
            if len(self.connects) > TABLE_LIMIT:  # bounded memory: start counting afresh
                self.connects.clear()
            bucket = self.connects[address] = Bucket.from_rate(settings.DEWAN_WS_CONNECT_RATE)
        return bucket.take(1)

    def open(self, address: str) -> None:
        self.sockets_by_address[address] += 1

    def close(self, address: str) -> None:
        self.sockets_by_address[address] -= 1
        if self.sockets_by_address[address] <= 0:
            del self.sockets_by_address[address]

    def join_registration(self, registration_id: int) -> bool:
        """Count one more socket of ``registration_id``; False (nothing counted) over the cap."""
        if self.sockets_by_registration[registration_id] >= settings.DEWAN_WS_MAX_SOCKETS_PER_REGISTRATION:
            return False
        self.sockets_by_registration[registration_id] += 1
        return True

    def leave_registration(self, registration_id: int) -> None:
        self.sockets_by_registration[registration_id] -= 1
        if self.sockets_by_registration[registration_id] <= 0:
            del self.sockets_by_registration[registration_id]

    def _forget_refilled(self) -> None:
        """Drop the buckets of registrations with no open socket that are full again (bounded memory)."""
        now = time.monotonic()
        for registration_id, bucket in list(self.registrations.items()):
            if registration_id in self.sockets_by_registration:
                continue
            refilled_at = (bucket.at or now) + (bucket.capacity - bucket.tokens) / (bucket.per_second or 1)
            if refilled_at <= now:
                del self.registrations[registration_id]


_process = ProcessBudgets()


def process_budgets() -> ProcessBudgets:
    return _process
