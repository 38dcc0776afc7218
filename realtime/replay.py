"""One replay read per process for the viewers of a webinar that resume together (a reconnect storm).

A viewer that reconnects sends ``sync`` with its last public sequence number; the events after it
come from the event log (docs/protocol.md). When a process is killed, its viewers come back to the
others within seconds, nearly all from the same cursor: ``SharedReplay`` reads the event range once
and serves every one of them its slice. What a range is (events, cursor, tallies) is the caller's
(``webinar.live_replay.ReplayRange``); this module only decides who may share one, with the rule of
``realtime.broadcast.SharedState``:

* the viewer's socket holds back live broadcasts from stamp ``held_at`` on (``Listener.hold``) and
  is sent them after the replay, so it misses nothing that reaches this process's hub after that;
* a range read that began at stamp ``started`` holds every event committed before it began, and
  every event committed later reaches the hub after ``started``;
* so a range is good for the viewer when ``started > held_at``, or when the hub has heard nothing
  that changes a replay (event, tally, poll) since the read began (the room's ``generation`` is the
  one read with it): everything the range lacks then reaches the socket after ``held_at``.

That also keeps "replay shows the present": an event is rewritten only in a transaction that
records a new event, which changes the generation. Reads run as tasks of their own, so a viewer
that leaves while one is in flight does not cancel it for the others. Nothing here imports Django.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, TypeVar, cast

log = logging.getLogger("dewan.realtime")

KEPT_PER_KEY = 4  # ranges kept per (webinar, language): the newest ones


class Range(Protocol):
    def covers(self, since: int) -> bool: ...


R = TypeVar("R", bound=Range)


class _Read:
    """A range read: from cursor ``after``, begun at stamp ``started`` at room generation ``generation``."""

    __slots__ = ("after", "generation", "room", "started", "task")

    def __init__(self, after: int, started: int, generation: int, room: Any, task: asyncio.Task):
        self.after, self.started, self.generation = after, started, generation
        self.room, self.task = room, task

    def good_for(self, room: Any, held_at: int) -> bool:
        """Whether what this read returns misses nothing for a socket holding since ``held_at``."""
        return room is self.room and (self.started > held_at or room.generation == self.generation)


class SharedReplay:
    """The range reads of one hub's process, shared by the viewers they are good for (module docstring)."""

    def __init__(self, hub: Any, stamp: Callable[[], int]):
        self.hub, self.stamp = hub, stamp
        # Per (webinar id, language): the reads done (newest last) and those in flight.
        self._done: dict[tuple[int, str], list[tuple[_Read, Range]]] = {}
        self._reading: dict[tuple[int, str], list[_Read]] = {}
        self.reads = 0  # range reads started (the tests' and benches' count of shared work)

    async def get(
        self,
        webinar_id: int,
        language: str,
        since: int,
        held_at: int,
        read: Callable[[int], Awaitable[R]],
    ) -> R:
        """A range for a viewer of ``webinar_id`` resuming from ``since`` whose socket holds back
        broadcasts since stamp ``held_at``: one it may share (``covers(since)``), else one read for it
        with ``read(since)``. Raises what that read raised."""
        key = (webinar_id, language)
        waited: set[_Read] = set()
        while True:
            room = self.hub.rooms.get(webinar_id)
            if room is None:  # not joined (the hub closed): nothing to share with
                return await read(since)
            for done, value in reversed(self._done.get(key, ())):
                if done.good_for(room, held_at) and value.covers(since):
                    return cast(R, value)
            pending = next(
                (
                    r
                    for r in self._reading.get(key, ())
                    if r not in waited and r.after <= since and r.good_for(room, held_at)
                ),
                None,
            )
            if pending is None:
                break
            waited.add(pending)
            with contextlib.suppress(Exception):  # that read failed: try another, or our own
                await asyncio.shield(pending.task)
        own = self._start(key, room, since, read)
        return cast(R, await asyncio.shield(own.task))

    def _start(self, key: tuple[int, str], room: Any, since: int, read) -> _Read:
        self.reads += 1
        generation = room.generation
        started = self.stamp()
        task = asyncio.get_running_loop().create_task(read(since))
        entry = _Read(since, started, generation, room, task)
        self._reading.setdefault(key, []).append(entry)
        task.add_done_callback(lambda _task: self._finish(key, entry))
        return entry

    def _finish(self, key: tuple[int, str], entry: _Read) -> None:
        reading = self._reading.get(key, [])
        with contextlib.suppress(ValueError):
            reading.remove(entry)
        if not reading:
            self._reading.pop(key, None)
        if entry.task.cancelled() or entry.task.exception() is not None:
            return  # retrieved: each waiter tries again on its own
        # What was kept for rooms that left the hub (or were made again) goes: it is never served.
        rooms = self.hub.rooms
        for gone in [k for k, kept in self._done.items() if kept[0][0].room is not rooms.get(k[0])]:
            del self._done[gone]
        if entry.room is not rooms.get(key[0]):
            return
        kept = self._done.get(key, [])
        kept.append((entry, entry.task.result()))
        self._done[key] = kept[-KEPT_PER_KEY:]


_replays: weakref.WeakKeyDictionary[Any, SharedReplay] = weakref.WeakKeyDictionary()


def shared_replay(hub: Any, stamp: Callable[[], int]) -> SharedReplay:
    """The ``SharedReplay`` of ``hub`` (one per hub, made on first use)."""
    replay = _replays.get(hub)
    if replay is None:
        replay = _replays[hub] = SharedReplay(hub, stamp)
    return replay
