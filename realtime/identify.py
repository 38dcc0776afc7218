"""Who is connecting: the live socket's first read, one read for the sockets connecting together.

A connect reads the viewer's session, its user (only when the session names one), and the
registration the session's binding names with the viewer's own question and vote ids
(``live_state.viewer_connect``). Read one socket at a time, that is two statements and one hop to
the connect pool per connect; in a burst (a room filling, a reconnect storm) most of their client
CPU is the same work done again: psycopg's execute and wait, the hop, the query's own overhead.

``IdentifyBatch`` reads the sockets that ask together with **one** hop and **two** statements in
all (``identify_sockets``: every session with ``realtime.sessions.sessions_load``, every bound
registration of a webinar with ``live_state.viewers_connect_many``), at most ``BATCH_MAX`` sockets a
time. Together means: in the same turn of the event loop, or while ``IN_FLIGHT`` reads were
already running (a group commit: those wait for one to end, then go in one read). Each socket gets what
its own read would have given it: its ``(user, viewer, personal)``, or the error its own read would
have raised. A socket whose client has gone (or whose connect was cancelled) before the batch runs
is skipped and gets ``SocketGone``; a batch all of whose sockets have gone is skipped by the pool
itself (``ReadPool``), before any statement.

What does not change: the read runs on the connect pool (``consumers.connect_read``: its thread's
connection, its single retry on a connection killed under it, the admission control's queue
length, which counts the sockets waiting for a batch too), and the stamp a connect takes before
asking still comes before the read begins, so the first ``sync`` may be answered from it as
before (``Hub.quiet_since``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from channels.auth import get_user
from django.utils import translation

from realtime.sessions import sessions_load
from webinar import live_state

# At most this many sockets in one read (the statements' ``IN`` lists; SQLite allows 999 parameters).
BATCH_MAX = 64
# At most this many identify reads at once per process: two, so that one slow read (a lock, a slow
# round trip) does not hold every connect up, while the sockets asking meanwhile gather for the next.
IN_FLIGHT = 2


class SocketGone(Exception):
    """A read was skipped: the socket it was for closed while the read waited for a thread."""


@dataclass(frozen=True)
class SocketRequest:
    """One socket's part of a batch: its scope (session, maybe user), the URL's slug and query
    arguments, the active language when it asked, and ``skip()``: True once the read is not wanted
    (its client went away, or its connect was cancelled). Asked on the pool thread."""

    scope: dict
    slug: str
    mode: str
    stage: str | None
    stage_language: str | None
    language: str | None
    skip: Callable[[], bool]


Outcome = tuple[object, BaseException | None]  # (result, None) or (None, error)


def identify_sockets(requests: list[SocketRequest]) -> list[Outcome]:
    """Each request's ``(user, viewer, personal)``, in order: its user (from the session:
    ``channels.auth.get_user``, the user row only when the session names one; a scope that already
    has a user keeps it), then what ``live_state.viewer_connect`` would give it alone.

    Queries: one for every session among them, one per webinar for every bound registration with
    its own question and vote ids; per socket only what is rarer (the user row of a session that
    names one; a viewer's own questions when it has some; a host's role; an account's e-mail way in).
    A failure of a shared statement propagates (every socket of the batch gets it); a failure of one
    socket's own part is that socket's alone.
    """
    outcomes: list[Outcome | None] = [
        (None, SocketGone()) if request.skip() else None for request in requests
    ]
    live = [request for request, outcome in zip(requests, outcomes, strict=True) if outcome is None]
    sessions_load(request.scope.get("session") for request in live)
    users: dict[int, object] = {}
    connect: list[live_state.ConnectRequest] = []
    for index, request in enumerate(requests):
        if outcomes[index] is not None:
            continue
        try:
            user = _user_of(request.scope)
        except Exception as exc:
            outcomes[index] = (None, exc)
            continue
        users[index] = user
        connect.append(
            live_state.ConnectRequest(
                slug=request.slug,
                mode=request.mode,
                session=request.scope.get("session"),
                user=user,
                stage=request.stage,
                stage_language=request.stage_language,
                language=request.language,
            )
        )
    answers = iter(live_state.viewers_connect_many(connect))
    for index in users:
        answer = next(answers)
        if isinstance(answer, Exception):
            outcomes[index] = (None, answer)
        else:
            outcomes[index] = ((users[index], *answer), None)
    return [outcome if outcome is not None else (None, SocketGone()) for outcome in outcomes]


def _user_of(scope):
    user = scope.get("user")
    return get_user.func(scope) if user is None else user


class IdentifyBatch:
    """Sockets identified together, a batch per read (``identify_sockets``), as in a group commit.

    ``read(func, gone=...)`` is how the read reaches the connect pool (``consumers.connect_read``).
    At most ``in_flight`` reads run at once; a socket that asks meanwhile waits, and the sockets
    waiting when one ends go together in the next (up to ``max_size`` a read). With none in flight
    a socket's read starts at the end of the loop turn it asked in, joined by those that asked in
    the same turn. So a lone connect waits for nothing, and in a burst (a room filling, a reconnect
    storm) the reads grow with the burst instead of their number.
    """

    def __init__(
        self,
        read: Callable[..., Callable[..., Awaitable]],
        max_size: int = BATCH_MAX,
        in_flight: int = IN_FLIGHT,
    ):
        self._read = read
        self._max, self._in_flight = max_size, in_flight
        self._loop: asyncio.AbstractEventLoop | None = None
        self._waiting: list[tuple[asyncio.Future, SocketRequest, Callable[[], bool] | None]] = []
        self._running = 0  # reads in flight
        self._scheduled = False  # a ``_flush`` is due at the end of this turn
        self._tasks: set[asyncio.Task] = set()
        self.batches = 0  # reads made (for the benches and the tests)

    @property
    def waiting(self) -> int:
        """Sockets waiting for a read to start (admission control counts them with the pool's queue)."""
        return len(self._waiting)

    async def identify(
        self,
        scope,
        *,
        slug: str,
        mode: str,
        stage: str | None,
        stage_language: str | None,
        gone: Callable[[], bool] | None = None,
    ):
        """This socket's ``(user, viewer, personal)``; raises what its own read would have raised,
        or ``SocketGone`` when ``gone()`` said its client had left before the read ran."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # a new event loop (tests): nothing from an old one can still run
            self._loop, self._waiting, self._running, self._scheduled = loop, [], 0, False
        future = loop.create_future()

        def skip() -> bool:  # read without the loop: at worst a cancelled connect is still read
            return future.cancelled() or (gone is not None and gone())

        request = SocketRequest(scope, slug, mode, stage, stage_language, translation.get_language(), skip)
        self._waiting.append((future, request, gone))
        self._schedule()
        return await future

    def _schedule(self) -> None:
        if self._scheduled or not self._waiting or self._running >= self._in_flight or self._loop is None:
            return
        self._scheduled = True
        self._loop.call_soon(self._flush)

    def _flush(self) -> None:
        self._scheduled = False
        while self._waiting and self._running < self._in_flight:
            batch, self._waiting = self._waiting[: self._max], self._waiting[self._max :]
            self._running += 1
            self.batches += 1
            task = asyncio.get_running_loop().create_task(self._answer(batch))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _answer(self, batch) -> None:
        gones = [gone for _future, _request, gone in batch]
        # The pool skips the whole read (before any statement) when every socket of it has gone.
        every_gone = None if None in gones else (lambda: all(gone() for gone in gones))
        try:
            outcomes = await self._read(identify_sockets, gone=every_gone)(
                [request for _future, request, _gone in batch]
            )
        except asyncio.CancelledError:
            for future, _request, _gone in batch:
                future.cancel()
            raise
        except BaseException as exc:  # the shared part failed: every socket of the batch hears it
            outcomes = [(None, exc)] * len(batch)
        finally:
            if self._loop is asyncio.get_running_loop():  # not a batch of an earlier loop
                self._running -= 1
                self._schedule()
        for (future, _request, _gone), (result, error) in zip(batch, outcomes, strict=True):
            settle(future, result, error)


def settle(future: asyncio.Future, result, error: BaseException | None) -> None:
    """Give ``future`` its outcome (``error`` when not None, else ``result``), unless it is done already
    (cancelled: its socket went away)."""
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
