"""What one socket, one registration and one client address may cost this process (docs/protocol.md,
"Budgets and close codes"). Everything here is counted in the process's memory, before any database
or Redis work, so a flood is refused for the price of parsing its frames.

Budgets are token buckets written in the project's one rate syntax (``webinar.ratelimit.parse_rate``):
``"200/60"`` holds 200 cost units and refills 200 every 60 seconds. Each command has a cost
(``COSTS``); a frame that does not parse costs ``INVALID_COST``.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings

from webinar.ratelimit import parse_rate

# Cost units per command: what it makes the server do (a replay reads the event log; an ask screens
# and writes; a ping only touches memory).
COSTS = {"ping": 1, "vote": 2, "poll_vote": 3, "request_review": 2, "ask": 5, "sync": 10}
HOST_COST = 2  # every host command
INVALID_COST = 2  # a frame that did not parse or was refused before running
# A registration's new socket: identify, join and a snapshot, about a ``sync``. Charged to the
# registration's budget before the join, so a client reconnecting in a loop runs out like one flooding.
CONNECT_COST = 10

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
        now = time.monotonic() if now is None else now
        if self.at is not None:
            self.tokens = min(self.capacity, self.tokens + max(0.0, now - self.at) * self.per_second)
        self.at = now
        if self.tokens >= cost:
            self.tokens -= cost
            return 0.0
        return (cost - self.tokens) / self.per_second if self.per_second else float("inf")


class ProcessBudgets:
    """Per-registration buckets and open-socket counts for this process."""

    def __init__(self):
        self.clear()

    def clear(self) -> None:
        """Forget every count (tests start each case afresh)."""
        self.registrations: dict[int, Bucket] = {}
        self.connects: dict[str, Bucket] = {}
        self.sockets_by_address: defaultdict[str, int] = defaultdict(int)
        self.sockets_by_registration: defaultdict[int, int] = defaultdict(int)

    def registration_bucket(self, registration_id: int) -> Bucket:
        """The registration's bucket. It outlives the registration's sockets until it has refilled, so
        closing and reopening a socket does not buy a fresh budget."""
        bucket = self.registrations.get(registration_id)
        if bucket is None:
            if len(self.registrations) >= 10_000:
                self._forget_refilled()
            bucket = self.registrations[registration_id] = Bucket.from_rate(
                settings.DEWAN_WS_REGISTRATION_BUDGET
            )
        return bucket

    def connect_allowed(self, address: str) -> float:
        """Count one connect from ``address``; 0 if allowed, else seconds to wait. Checks the open
        sockets of the address too (``DEWAN_WS_MAX_SOCKETS_PER_ADDRESS``)."""
        if self.sockets_by_address[address] >= settings.DEWAN_WS_MAX_SOCKETS_PER_ADDRESS:
            return 5.0
        bucket = self.connects.get(address)
        if bucket is None:
            if len(self.connects) > 50_000:  # bounded memory: start counting afresh
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
