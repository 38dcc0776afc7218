"""Who is connecting: the live socket's first read, one read for the sockets connecting together.

A connect reads the viewer's session, its user (only when the session names one), and the
registration the session's binding names with the viewer's own question and vote ids
(``live_state.viewer_connect``). Read one socket at a time, that is two statements and one hop to
the connect pool per connect; in a burst (a room filling, a reconnect storm) most of their client
CPU is the same work done again: psycopg's execute and wait, the hop, the query's own overhead.

``IdentifyBatch`` gathers the sockets that ask in the same turn of the event loop and reads them
with **one** hop and **two** statements in all (``identify_sockets``: every session with
``realtime.sessions.sessions_load``, every bound registration of a webinar with
``live_state.viewers_connect_many``), at most ``BATCH_MAX`` sockets a time. Each socket gets what
its own read would have given it: its ``(user, viewer, personal)``, or the error its own read would
have raised. A socket whose client has gone (or whose connect was cancelled) before the batch runs
is skipped and gets ``SocketGone``; a batch all of whose sockets have gone is skipped by the pool
itself (``ReadPool``), before any statement.

What does not change: the read runs on the connect pool (``consumers.connect_read``: its thread's
connection, its single retry on a connection killed under it, the admission control's queue
length), and the stamp a connect takes before asking still comes before the read begins, so the
first ``sync`` may be answered from it as before (``Hub.quiet_since``).
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
    """Sockets asking in the same event-loop turn, identified with one read (``identify_sockets``).

    ``read(func, gone=...)`` is how the read reaches the connect pool (``consumers.connect_read``).
    The first socket to ask in a turn schedules the batch for the end of that turn; the sockets
    that ask before then join it (up to ``BATCH_MAX``; the next one starts another batch).
    """

    def __init__(self, read: Callable[..., Callable[..., Awaitable]], max_size: int = BATCH_MAX):
        self._read = read
        self._max = max_size
        self._loop: asyncio.AbstractEventLoop | None = None
        self._waiting: list[tuple[asyncio.Future, SocketRequest, Callable[[], bool] | None]] = []
        self._tasks: set[asyncio.Task] = set()
        self.batches = 0  # reads made (for the benches and the tests)

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
            self._loop, self._waiting = loop, []
        future = loop.create_future()

        def skip() -> bool:  # read without the loop: at worst a cancelled connect is still read
            return future.cancelled() or (gone is not None and gone())

        request = SocketRequest(scope, slug, mode, stage, stage_language, translation.get_language(), skip)
        if not self._waiting:
            loop.call_soon(self._flush)
        self._waiting.append((future, request, gone))
        if len(self._waiting) >= self._max:
            self._flush()
        return await future

    def _flush(self) -> None:
        batch, self._waiting = self._waiting, []
        if not batch:
            return
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
