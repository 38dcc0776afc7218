"""The live websocket: transport only. Parse, authorise, dispatch to services, reply.

Every frame is parsed by ``realtime.protocol``; bad input gets one ``error`` message and the
socket stays usable (RELIABILITY R11, R12). Services run through ``database_sync_to_async``.
Broadcasts do not go through a channel-layer subscription per socket (``channel_layer_alias``
names no layer): the process ``Hub`` delivers them (realtime/broadcast.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import dataclasses
import logging
import math
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.utils import translation
from django.utils.translation import gettext as _

from realtime import budget, latency, presence, protocol
from realtime.admission import FIRST_SYNC_SECONDS, admission
from realtime.broadcast import Listener, frame, get_hub, stamp
from realtime.guard import GuardedConsumer
from realtime.identify import IdentifyBatch, SocketGone, settle
from realtime.middleware import SERVER_SEND
from realtime.protocol import ErrorCode
from realtime.replay import shared_replay
from realtime.runtime import runtime_get
from realtime.wsprotocol import WebSocketProtocol
from webinar import live_replay, live_state
from webinar.campaigns.services import polls
from webinar.exceptions import DewanError
from webinar.services import moderation, questions

log = logging.getLogger("dewan.realtime")


def over_budget_error(wait: float) -> dict:
    """The ``rate_limited`` error of a socket closed (4429) or refused over its budget, in the active
    language: ``retry_after`` in seconds (one decimal) for clients, and the same wait, rounded up to whole
    seconds, in the words for people (it said "after retry_after seconds", the field's name). The
    campaign socket's is the same (realtime/campaign_consumer.py)."""
    message = _("Too many messages on this connection. Reconnect in %(seconds)d seconds.") % {
        "seconds": max(1, math.ceil(wait))
    }
    return protocol.error_message(ErrorCode.RATE_LIMITED, message, retry_after=round(wait, 1))


class ReadPool:
    """Threads that run blocking reads for coroutines; each result comes back with one loop callback.

    ``run_in_executor`` pays, per call, for a ``concurrent.futures.Future`` (with its ``Condition``
    and lock), a second asyncio future chained to it, and the callbacks between them: a third of a
    connect's CPU with the rest of the old hop (bench/connect.py, docs/scaling.md). Here a call is
    one tuple handed to a thread's own ``SimpleQueue``; the thread runs it in the caller's context
    and settles the caller's asyncio future with one ``call_soon_threadsafe``. A call whose future
    was cancelled before its turn (its socket went away) is skipped.

    As with ``ThreadPoolExecutor``, a thread is started only when no thread is idle (up to
    ``threads``), and the thread that went idle last is the one used next: its database connection
    is the warm one, and a quiet process holds as few connections as it needs.
    """

    def __init__(self, threads: int, name: str):
        self.size, self.name = threads, name
        self._lock = threading.Lock()
        self._idle: list[queue.SimpleQueue] = []  # inboxes of idle threads, the last idle on top
        self._inboxes: list[queue.SimpleQueue] = []
        self._threads: list[threading.Thread] = []
        self._backlog: deque = deque()  # calls waiting for a thread
        self.skipped = 0  # calls skipped: cancelled, or their socket had gone (``run``'s ``gone``)

    async def run(self, context: contextvars.Context, func, *args, gone: Callable[[], bool] | None = None):
        """``context.run(func, *args)`` on one of the pool's threads; its result or its exception.

        ``gone``: asked on the thread when the call's turn comes; True (the socket it is for has
        closed) skips the call and raises ``SocketGone`` here instead.
        """
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._submit((loop, future, context, func, args, gone))
        return await future

    def _submit(self, item: tuple) -> None:
        with self._lock:
            if self._idle:
                self._idle.pop().put(item)
                return
            if len(self._threads) >= self.size:
                self._backlog.append(item)
                return
            inbox: queue.SimpleQueue = queue.SimpleQueue()
            inbox.put(item)
            thread = threading.Thread(
                target=self._work, args=(inbox,), name=f"{self.name}_{len(self._threads)}", daemon=True
            )
            self._inboxes.append(inbox)
            self._threads.append(thread)
        thread.start()

    def _work(self, inbox: queue.SimpleQueue) -> None:
        item = None
        while True:
            if item is None:
                item = inbox.get()
                if item is None:
                    return
            loop, future, outcome = self._run(*item)
            # Idle (or on to the backlog) before the caller hears back, so that its next call finds
            # this thread free instead of starting another.
            with self._lock:
                if self._backlog:
                    item = self._backlog.popleft()
                else:
                    item = None
                    self._idle.append(inbox)
            if future is not None:
                with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nobody waits
                    loop.call_soon_threadsafe(settle, future, *outcome)

    def _run(self, loop, future, context, func, args, gone) -> tuple:
        """Run one call: ``(loop, future, (result, error))`` to settle, or a None future for none."""
        if future is None:  # one of ``stop``'s calls: nobody awaits it
            try:
                func(*args)
            except Exception:
                log.warning("read pool: stop call failed", exc_info=True)
            return None, None, None
        if future.cancelled():  # read without the loop: at worst a cancelled call still runs
            self._count_skipped()
            return None, None, None
        if gone is not None and gone():  # the socket closed while the call waited its turn
            self._count_skipped()
            return loop, future, (None, SocketGone())
        try:
            return loop, future, (run_item(context, func, args), None)
        except BaseException as exc:  # handed to the caller, which re-raises it
            return loop, future, (None, exc)

    @property
    def queued(self) -> int:
        """Calls waiting for a thread (admission control reads it: ``realtime.admission``)."""
        return len(self._backlog)

    def _count_skipped(self) -> None:
        with self._lock:
            self.skipped += 1

    def stop(self, last=None) -> None:
        """Run ``last()`` once on every thread started, after what it was given, then end them all."""
        with self._lock:
            inboxes, threads = list(self._inboxes), list(self._threads)
        for inbox in inboxes:
            if last is not None:
                inbox.put((None, None, None, last, (), None))
            inbox.put(None)
        for thread in threads:
            thread.join(timeout=10)


def socket_gone_check(send) -> Callable[[], bool] | None:
    """Whether the peer of the socket behind the server's ``send`` has gone, as a check any thread
    may call; None when ``send`` is not Uvicorn's (realtime.wsprotocol; Channels' test communicator).

    Reads the protocol's ``disconnected`` flag, which Uvicorn sets when the connection is lost.
    What a connect's first read asks before it runs: in a storm a client may give up on a
    handshake that waited too long, and its read is then not worth a database round trip.
    """
    protocol = getattr(send, "__self__", None)
    if not isinstance(protocol, WebSocketProtocol):
        return None
    return lambda: protocol.disconnected


def run_item(context: contextvars.Context | None, func, args):
    """One call on a ``ReadPool`` thread (bench/instrumented_asgi.py wraps it to profile the pool)."""
    return func(*args) if context is None else context.run(func, *args)


_read_pool: ReadPool | None = None


def connect_read(func, *, gone: Callable[[], bool] | None = None):
    """Run a read of the connect path (or an access re-check) on a pool of threads of its own.

    Services stay on ``database_sync_to_async``'s single thread (their transactions and rate limits
    expect it); these reads have no such need, and in a reconnect storm thousands of them would
    otherwise queue behind each other, one database round trip at a time. The pool (``ReadPool``)
    has ``DEWAN_CONNECT_READ_THREADS`` threads, each with its own persistent database connection
    (docs/scaling.md).

    The hop is one ``ReadPool.run`` with the caller's context (its language), not
    ``database_sync_to_async``: that closes old connections before and after every call, which
    resets Django's health check, so each read paid a ``SELECT 1`` round trip besides. Here a
    connection is checked only after a call that failed on it, and one killed under us (a failover,
    a restarted pooler) costs a read a single retry on a fresh connection: these are reads, so
    running one twice is harmless.

    ``gone`` (``socket_gone_check``, or a listener's ``closed``): a read whose socket has closed by
    the time a thread takes it is skipped and raises ``SocketGone``.
    """

    async def call(*args, **kwargs):
        global _read_pool
        if _read_pool is None:
            threads = int(getattr(settings, "DEWAN_CONNECT_READ_THREADS", 8))
            _read_pool = ReadPool(threads, "dewan-connect-read")
        return await _read_pool.run(
            contextvars.copy_context(),
            _pooled_read,
            translation.get_language(),
            func,
            args,
            kwargs,
            gone=gone,
        )

    return call


def connect_reads_queued() -> int:
    """Reads waiting for a connect-pool thread right now (0 before the pool is made), counting each
    socket waiting for its identify read to start (``realtime.identify``) as one."""
    return _identify.waiting + (0 if _read_pool is None else _read_pool.queued)


# How long a connect-pool thread keeps the database connection it borrowed (seconds).
CONNECT_READ_CONNECTION_SECONDS = 60.0
_held = threading.local()  # per pool thread: monotonic time its current connection was opened


def _pooled_read(language: str | None, func, args, kwargs):
    """``func(*args, **kwargs)`` on a pool thread's connection, in ``language`` (see ``connect_read``).

    The language is handed over explicitly: Django keeps it in an asgiref ``Local``, whose value a
    copied context does not carry into another thread.

    The thread keeps its connection between reads for ``CONNECT_READ_CONNECTION_SECONDS``, then gives
    it back (to psycopg's pool with ``DB_POOL``, else closes it) and takes a fresh one: with the pool,
    Django closes a connection after every use (``CONN_MAX_AGE`` is 0), and borrowing and returning
    it once per read was a tenth of a connect's CPU (bench/connect.py --profile). A connection that
    saw an error is checked (and dropped if unusable) after the read, as before.
    """
    try:
        with translation.override(language):
            try:
                return func(*args, **kwargs)
            except (OperationalError, InterfaceError):
                if connection.in_atomic_block or connection.connection is None:
                    raise
                connection.close()  # the connection died under us: once more on a fresh one
                return func(*args, **kwargs)
    finally:
        if connection.connection is None:
            _held.since = None
        elif connection.errors_occurred:
            connection.close_if_unusable_or_obsolete()
            _held.since = None
        else:
            now = time.monotonic()
            since = getattr(_held, "since", None)
            if since is None:
                _held.since = now
            elif now - since >= CONNECT_READ_CONNECTION_SECONDS:
                connection.close()
                _held.since = None


def connect_reads_stop() -> None:
    """Give back every connect-pool thread's database connection and stop the pool (blocking).

    Each thread closes its own connection exactly once (``ReadPool.stop``); the pool is made again
    on the next read. Called when the realtime runtime shuts down (a server's lifespan shutdown, the
    end of a test), so no connection is left checked out of psycopg's pool.
    """
    global _read_pool
    pool, _read_pool = _read_pool, None
    if pool is None:
        return

    def close() -> None:
        connection.close()
        _held.since = None

    pool.stop(close)


# Sockets connecting in the same event-loop turn are identified with one read (realtime/identify.py).
_identify = IdentifyBatch(connect_read)

CLOSE_FORBIDDEN = 4403
# Commands that only read: one still running when its socket closes is cancelled (its reads that
# have not started are skipped, ``ReadPool``); any other finishes, so nothing is left half-done.
READ_ONLY_COMMANDS = frozenset({"sync"})


class LiveConsumer(GuardedConsumer):
    channel_layer_alias = "__dewan_hub_only__"

    async def __call__(self, scope, receive, send):
        """Channels' consumer loop for a consumer with no channel layer: one ``receive`` at a time.

        The stock loop wraps every receive in a task and an ``asyncio.wait``, and ``dispatch`` runs
        ``close_old_connections`` in a thread hop before every frame; the database calls here go
        through ``database_sync_to_async``, which already does that in their own thread.
        """
        self.scope = scope
        self.channel_layer = None
        self.base_send = send
        try:
            while True:
                await self.dispatch(await receive())
        except StopConsumer:
            pass

    async def dispatch(self, message):
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def websocket_disconnect(self, message):
        """``disconnect``, then stop: the stock handler's group discards and ``aclose_old_connections``
        are left out. This consumer is in no channel-layer group (the hub delivers), and its database
        calls close old connections themselves (``database_sync_to_async`` before and after each call;
        the connect pool checks its own, ``connect_read``). The stock hop queued one call per closing
        socket on the services' single thread: in a mass disconnect, thousands of them, a sixth of
        the CPU of a connect each time (bench/connect.py, ``server_cpu_ms_per_disconnect``).
        """
        await self.disconnect(message["code"])
        raise StopConsumer()

    # Set by connect(); frames are read only once both are (``receive`` checks ``_listener``).
    _viewer: live_state.Viewer | None = None
    _listener: Listener | None = None
    # The viewer's own questions and votes read at connect, with the stamp taken before that read;
    # the first ``sync`` answers with them when nothing reached the hub since (``_snapshot_read_at_connect``).
    _personal: tuple[int, live_state.Personal] | None = None
    access_checked_at = 0.0  # time.monotonic() of the last access check of an attendee socket
    # Admitted and welcomed, not yet caught up: ends its slot in the admission bound (``_admission_end``).
    _admission: asyncio.TimerHandle | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._rechecks: set[asyncio.Task] = set()
        self._counted_registration: int | None = None  # counted in the sockets per registration
        self._bucket = budget.Bucket.from_rate(settings.DEWAN_WS_SOCKET_BUDGET)
        self._over = False  # over budget: frames still arriving are dropped unread
        self._principal: Hashable | None = None  # whose budget it spends besides its own (budget.principal)
        # Commands read and paid for but not yet run, in arrival order (a parse error is queued as its
        # reply), and the task running them one at a time (``receive``).
        # Each with the time its frame arrived when ``latency`` is recording (else None).
        self._pending: deque[tuple[protocol.Command | dict, float | None]] = deque()
        self._worker: asyncio.Task | None = None
        self._running: str | None = None  # the type of the command ``_worker`` is running
        self._arrived: float | None = None  # of the frame being received (``latency``)

    @property
    def viewer(self) -> live_state.Viewer:
        """Who this socket is; read only after ``connect`` identified them."""
        if self._viewer is None:
            raise RuntimeError("the socket has no viewer before connect")
        return self._viewer

    @property
    def listener(self) -> Listener:
        """This socket's outbound side; read only after ``connect`` joined the hub."""
        if self._listener is None:
            raise RuntimeError("the socket has no listener before connect")
        return self._listener

    async def connect(self):
        """Admission first (``realtime.admission``): over the process's bound on connects served at
        once, the socket is refused with 1013 and a retry hint before anything is read for it. An
        admitted connect is served until its first ``sync`` is answered (a returning viewer's replay
        is most of its cost), or its socket closes, or ``FIRST_SYNC_SECONDS`` after its welcome."""
        admit = admission()
        hint = admit.admit(self, connect_reads_queued())
        if hint is not None:
            await self.refuse_busy(hint, _("Please retry shortly."))
            return
        welcomed = False
        try:
            welcomed = await self._connect()
        finally:
            if welcomed:  # served until caught up: its first sync answered (or given up on)
                self._admission = asyncio.get_running_loop().call_later(
                    FIRST_SYNC_SECONDS, self._admission_end, False
                )
            else:
                admit.done(self, measured=False)

    def _admission_end(self, caught_up: bool) -> None:
        """This connect no longer counts against the admission bound: its first ``sync`` was answered
        (``caught_up``: how long that took is measured), its socket closed, or it sent no ``sync``
        within ``FIRST_SYNC_SECONDS`` of its welcome."""
        timer, self._admission = self._admission, None
        if timer is not None:
            timer.cancel()
            admission().done(self, measured=caught_up)

    async def _connect(self) -> bool:
        """The admitted connect; whether it ended welcomed."""
        if not await self.address_open(_("Too many connections from your network. Please wait.")):
            return False
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        mode = (query.get("mode") or ["attendee"])[0]
        slug = self.scope["url_route"]["kwargs"]["slug"]
        read_from = stamp()  # before the read: what the own questions and votes it reads are checked against
        gone = socket_gone_check(self.scope.get(SERVER_SEND) or self.base_send)
        try:
            user, self._viewer, personal = await _identify.identify(
                self.scope,
                gone=gone,
                slug=slug,
                mode=mode,
                stage=(query.get("key") or [None])[0],
                stage_language=(query.get("lang") or [None])[0],
            )
            self.scope["user"] = user
        except SocketGone:  # the client gave up before its turn: its disconnect, next, cleans up
            return False
        except DatabaseError:
            log.exception("database unavailable at connect")
            await self.accept()
            await self._refuse_unavailable()
            return False
        await self.accept()
        if self._viewer is None:
            await self.send(
                text_data=protocol.dumps(
                    protocol.error_message(
                        ErrorCode.FORBIDDEN, _("You are not registered for this webinar, or not its host.")
                    )
                )
            )
            await self.close(code=CLOSE_FORBIDDEN)
            return False
        viewer = self._viewer
        self._principal = budget.principal(viewer.registration_id, viewer.user_id)
        budget.process_budgets().remember(budget.connect_key(self.scope), self._principal)
        if viewer.registration_id is not None:
            if not budget.process_budgets().join_registration(viewer.registration_id):
                error = protocol.error_message(
                    ErrorCode.RATE_LIMITED,
                    _("Too many open connections for this registration. Close another tab."),
                    retry_after=5,
                )
                await self.send(text_data=protocol.dumps(error))
                await self.close(code=budget.CLOSE_OVER_BUDGET)
                return False
            self._counted_registration = viewer.registration_id
        if self._principal is not None:
            bucket = budget.process_budgets().registration_bucket(self._principal)
            wait = bucket.take(budget.CONNECT_COST)
            if wait:  # reconnecting in a loop: refused before the join and the snapshot
                error = over_budget_error(wait)
                await self.send(text_data=protocol.dumps(error))
                await self.close(code=budget.CLOSE_OVER_BUDGET)
                return False
        self._listener = Listener(
            self.scope.get(SERVER_SEND) or self.base_send,
            registration_id=viewer.registration_id,
            staff=viewer.staff,
            closer=self._close_with,
            viewer_key=viewer.viewer_key,
            language=viewer.language or "",
            on_recheck=self._recheck_soon if viewer.staff else None,
            max_replies=settings.DEWAN_WS_MAX_PENDING_REPLIES,
        )
        self.listener.hold()  # broadcasts wait until the welcome is queued
        hub = runtime_get().start().hub  # this process's hub and presence loop, started once
        try:
            await hub.join(viewer.webinar_id, self.listener)
            joined = stamp()  # held since before the join: every broadcast it hears from here is held
            self.access_checked_at = time.monotonic()  # viewer_connect just checked it
            if personal is not None:
                self._personal = (read_from, personal)
            with translation.override(viewer.language):  # the snapshot that follows shares this read
                state = await self._shared_state(joined)
            hub.greet(viewer.webinar_id, self.listener, status=state["webinar"]["status"])
        except Exception:  # the layer (Redis) or the database is down: say so, the client retries
            log.exception("could not join webinar %s", viewer.webinar_id)
            await get_hub().leave(viewer.webinar_id, self.listener)
            self._listener = None
            await self._refuse_unavailable()
            return False
        self.listener.release(
            [
                protocol.welcome_message(
                    role=viewer.role,
                    webinar=state["webinar"],
                    seq=state["seq"],
                    staff_seq=state["staff_seq"] if viewer.staff else None,
                    config={
                        # 0: no pings needed, the server counts open sockets (docs/protocol.md).
                        "heartbeat_seconds": (
                            settings.DEWAN_HEARTBEAT_SECONDS if presence.client_heartbeats() else 0
                        ),
                        "max_question_chars": settings.DEWAN_QUESTION_MAX_CHARS,
                        "max_frame_bytes": settings.DEWAN_WS_MAX_FRAME_BYTES,
                        "registration_id": viewer.registration_id,
                        "name": viewer.name,
                        "own_resync_seconds": settings.DEWAN_OWN_RESYNC_SECONDS,
                    },
                )
            ]
        )
        if not hub.live_traffic_over(viewer.webinar_id):  # nobody watches an ended webinar
            await presence.viewer_joined(viewer)
        return True

    async def _shared_state(self, held_at: int) -> dict:
        """The webinar's public state as of a seq, shared by this process's viewers (one read per change).

        ``held_at``: a ``stamp()`` taken once this socket holds back broadcasts (``Listener.hold``) and
        is in its room, so every event the hub hears after it reaches the socket after the reply. A
        shared read begun before it is good only if the hub heard nothing since (``SharedState``): an
        event it heard in between was sent to the socket before the reply and may be missing from the
        read, and a client replaces its state with the snapshot (docs/protocol.md).
        """
        webinar_id = self.viewer.webinar_id
        return await get_hub().shared.get(
            webinar_id,
            translation.get_language(),
            held_at,
            lambda: connect_read(live_state.shared_live_state)(webinar_id=webinar_id),
        )

    async def _refuse_unavailable(self) -> None:
        """Say a service is down and close with 1013 (try again later); the client reconnects."""
        message = protocol.error_message(ErrorCode.UNAVAILABLE, _("Please retry shortly."))
        await self.send(text_data=protocol.dumps(message))
        await self.close(code=1013)

    async def disconnect(self, code):
        self._admission_end(False)
        self.address_close()
        if self._counted_registration is not None:
            budget.process_budgets().leave_registration(self._counted_registration)
            self._counted_registration = None
        if self._listener is not None:
            self._listener.close()  # frames still queued for this socket are dropped
        self._pending.clear()  # commands not started are never run; the one running finishes
        if self._worker is not None:
            if self._running in READ_ONLY_COMMANDS:
                self._worker.cancel()  # only reads: its queued reads are skipped, nothing half-done
            await asyncio.wait({self._worker})
        if self._viewer is None or self._listener is None:
            return
        await get_hub().leave(self.viewer.webinar_id, self.listener)
        if self.viewer.viewer_key is not None:
            await presence.viewer_left(self.viewer)

    async def websocket_receive(self, message):
        self._arrived = message.get(latency.ARRIVED)
        await super().websocket_receive(message)

    async def receive(self, text_data=None, bytes_data=None):
        """Parse and pay for a frame the moment it arrives; run it later, in order, on ``_worker``.

        Charging on arrival (not when the command's turn comes) is what closes a flood within
        milliseconds: a client that writes faster than its commands run spends its budget on frames
        still waiting, instead of keeping the socket open for as long as the server takes to run a
        budget's worth of them (docs/protocol.md, "Budgets and close codes"). The budget also bounds
        how many commands can wait: at most its capacity divided by the cheapest cost.
        """
        if self._listener is None or self._over or self._listener.closed:
            return  # closed or closing: what the client sent after that is not worth any work
        try:
            command = protocol.parse_command(text_data, max_bytes=settings.DEWAN_WS_MAX_FRAME_BYTES)
        except protocol.ProtocolError as exc:
            if self._spend(None):
                self._queue(exc.as_message())
            return
        if self._spend(command.type):
            self._queue(command)

    def _queue(self, item: protocol.Command | dict) -> None:
        self._pending.append((item, self._arrived))
        if self._worker is None:
            self._worker = asyncio.get_running_loop().create_task(self._work())

    async def _work(self) -> None:
        """Run the pending commands one at a time, in arrival order, until none is left or the socket
        is closing (then the rest are dropped: the client re-sends what was never acknowledged)."""
        try:
            while self._pending and not self._over and not self.listener.closed:
                item, arrived = self._pending.popleft()
                if isinstance(item, dict):
                    self.listener.send_now(item)
                    continue
                handler = getattr(self, f"on_{item.type}", None) or self.on_host_command
                self._running = item.type
                with translation.override(self.viewer.language):  # replies in the viewer's language
                    await self._dispatch(handler, item)
                self._running = None
                client_key = getattr(item, "client_key", None)
                if arrived is not None and client_key:
                    latency.record(client_key, arrived)
        except SocketGone:  # its read was skipped: the socket has closed, nothing to answer
            self._pending.clear()
        except Exception:
            log.exception("websocket command failed")
            self._pending.clear()
            self.listener.abort(1011)
        finally:
            self._worker = None
            self._running = None

    def _spend(self, command_type: str | None) -> bool:
        """Charge the command's cost to this socket and its registration, before any database or
        Redis work; over either budget the socket is told why and closed with 4429."""
        cost = budget.cost_of(command_type)
        wait = self._bucket.take(cost)
        shared = (
            None if self._principal is None else budget.process_budgets().registration_bucket(self._principal)
        )
        if not wait and shared is not None:
            wait = shared.take(cost)
        if not wait:
            return True
        if shared is not None:  # retry_after: until a new socket can be paid for, after the penalty
            shared.owe(budget.OVER_BUDGET_PENALTY)
            wait = max(wait, shared.wait(budget.CONNECT_COST))
        self._over = True
        self._pending.clear()  # the work of a socket being closed stops now
        with translation.override(self.viewer.language):
            error = over_budget_error(wait)
        self.listener.refuse(protocol.dumps(error), code=budget.CLOSE_OVER_BUDGET)
        return False

    async def _dispatch(self, handler, command) -> None:
        try:
            await handler(command)
        except DewanError as exc:
            self.listener.send_now(
                protocol.error_message(
                    exc.code, exc.message, for_type=command.type, **_public_extra(command, exc)
                )
            )
        except DatabaseError:
            log.exception("database error handling %s", command.type)
            self.listener.send_now(
                protocol.error_message(
                    ErrorCode.UNAVAILABLE,
                    _("Briefly unavailable. Retry with the same client_key; nothing is duplicated."),
                    for_type=command.type,
                    client_key=getattr(command, "client_key", None),
                    retry_after=2,
                )
            )

    # --- Everyone ---------------------------------------------------------------------------

    async def on_ping(self, command):
        due = time.monotonic() - self.access_checked_at >= settings.DEWAN_ACCESS_RECHECK_SECONDS
        if due and not await self._still_attendee(command):
            return
        await self._heartbeat()
        if self.viewer.staff:
            await self._recheck_staff()
        self.listener.send_now(protocol.PONG)

    async def _still_attendee(self, command) -> bool:
        """Re-check an attendee socket's access before it acts (and on a ping, at most every
        ``DEWAN_ACCESS_RECHECK_SECONDS``: the revoke push is the immediate path, bench/access_check.py).

        Cancelling, renewing or deleting a registration rotates its join secret, which ends every
        browser's access at once; the socket is told why and closed with 4403 (docs/protocol.md).
        """
        if self.viewer.registration_id is None:
            return True
        self.access_checked_at = time.monotonic()
        if await connect_read(live_state.still_attendee)(
            self.viewer, session=self.scope.get("session"), user=self.scope.get("user")
        ):
            return True
        self._access_lost(command)
        return False

    def _access_lost(self, command) -> None:
        """Tell the client its registration no longer reaches this browser, and close with 4403."""
        message = protocol.error_message(
            ErrorCode.NOT_REGISTERED,
            _("This registration is no longer active in this browser."),
            for_type=command.type,
            **({"client_key": command.client_key} if getattr(command, "client_key", None) else {}),
        )
        self.listener.finish(protocol.dumps(message), code=CLOSE_FORBIDDEN)

    async def _recheck_staff(self) -> bool:
        """A host demoted mid-session stops hearing the staff stream (held questions) at once."""
        if not self.viewer.staff:
            return False
        if await database_sync_to_async(live_state.still_staff)(self.viewer, self.scope.get("user")):
            return True
        if not self.viewer.staff:  # another recheck got there first
            return False
        self._viewer = dataclasses.replace(self.viewer, staff=False)
        get_hub().demote(self.viewer.webinar_id, self.listener)
        with translation.override(self.viewer.language):
            message = _("You are no longer a host of this webinar.")
        self.listener.send_now(protocol.error_message(ErrorCode.FORBIDDEN, message))
        return False

    def _recheck_soon(self) -> None:
        """The hub heard that roles changed (webinar/signals.py): re-read this socket's role now."""
        task = asyncio.get_running_loop().create_task(self._recheck_from_hub())
        self._rechecks.add(task)
        task.add_done_callback(self._rechecks.discard)

    async def _recheck_from_hub(self) -> None:
        try:
            await self._recheck_staff()
        except Exception:  # the next command or heartbeat re-reads it again
            log.warning("role recheck failed", exc_info=True)

    async def _heartbeat(self):
        if self.viewer.viewer_key is None or not presence.client_heartbeats():
            return
        if not get_hub().live_traffic_over(self.viewer.webinar_id):  # an ended webinar has no viewers
            await presence.viewer_heartbeat(self.viewer)

    async def on_sync(self, command: protocol.Sync):
        try:
            await self._sync(command)
        finally:
            self._admission_end(True)  # caught up: its slot in the admission bound is free

    async def _sync(self, command: protocol.Sync):
        if self.viewer.staff:
            await self._recheck_staff()  # a demoted host's sync returns no queue
        since = command.since
        snapshot_only = since is None and not self.viewer.staff
        resume = since is not None and not self.viewer.staff
        if not snapshot_only and not resume and not await self._still_attendee(command):
            return
        self.listener.hold()
        held_at = stamp()  # broadcasts reaching the hub from here on are sent after the reply
        try:
            if resume and since is not None:
                replay = await self._resume(since, held_at)
                if replay is None:
                    self.listener.release([])
                    self._access_lost(command)
                    return
                frames, messages = replay
                self.listener.release(messages, encoded=frames, cursors=reply_cursors(messages))
                return
            if snapshot_only:
                shared = await self._shared_state(held_at)
                snapshot = self._snapshot_read_at_connect(shared)
                if snapshot is not None:  # no await from the check to the release below
                    self.listener.release([snapshot], cursors=reply_cursors([snapshot]))
                    return
                # The access re-check is read in the same round trip as the viewer's own questions.
                if self.viewer.registration_id is not None:
                    self.access_checked_at = time.monotonic()
                snapshot = await connect_read(live_state.attendee_snapshot)(
                    self.viewer, shared, session=self.scope.get("session"), user=self.scope.get("user")
                )
                if snapshot is None:
                    self.listener.release([])
                    self._access_lost(command)
                    return
                messages = [snapshot]
            else:  # staff: their own read of both streams (a few sockets per webinar)
                # A read like the connect's: on the connect pool, so replays run side by side
                # instead of one at a time on the services' thread.
                messages = await connect_read(live_state.live_sync)(
                    self.viewer,
                    since=command.since,
                    staff_since=command.staff_since,
                    limit=settings.DEWAN_EVENT_REPLAY_LIMIT,
                )
        except BaseException:
            self.listener.release([])
            raise
        self.listener.release(messages, cursors=reply_cursors(messages))

    async def _resume(self, since: int, held_at: int) -> tuple[list[dict], list[dict]] | None:
        """A non-staff viewer's reply to ``sync`` with ``since``: ``(event frames, [synced])``, or
        ``([], [snapshot])`` when more than the replay limit was missed or the cursor is ahead;
        None when its browser lost access (nothing of the viewer's is read then).

        The events, the cursor and the tallies come from a range this process reads once for every
        viewer resuming from that cursor or a later one (``realtime.replay.SharedReplay``; each event
        encoded once); ``held_at`` is the stamp from which this socket holds broadcasts back. The
        viewer's own questions and votes are read with the access re-check, in one round trip, first:
        a browser that lost access is refused before anything is read for it.
        """
        mine: list[dict] = []
        my_votes: list[int] = []
        if self.viewer.registration_id is not None:
            self.access_checked_at = time.monotonic()
            own = await connect_read(live_state.attendee_own, gone=self._gone)(
                self.viewer, session=self.scope.get("session"), user=self.scope.get("user")
            )
            if own is None:
                return None
            mine, my_votes = own
        webinar_id, language = self.viewer.webinar_id, translation.get_language() or settings.LANGUAGE_CODE
        read = connect_read(live_replay.replay_range_read)
        replay = await shared_replay(get_hub(), stamp).get(
            webinar_id,
            language,
            since,
            held_at,
            lambda after: read(
                webinar_id=webinar_id,
                after_seq=after,
                limit=settings.DEWAN_EVENT_REPLAY_LIMIT,
                language=language,
            ),
        )
        resumed = replay.resume(since)
        if resumed is None:
            return [], [await connect_read(live_state.live_snapshot, gone=self._gone)(self.viewer)]
        texts, seq = resumed
        synced = live_replay.synced_message(seq=seq, mine=mine, my_votes=my_votes, votes=replay.votes)
        return [frame(text) for text in texts], [synced]

    def _gone(self) -> bool:
        """Whether this socket has closed (asked by the read pool before a queued read runs)."""
        return self._listener is None or self._listener.closed

    def _snapshot_read_at_connect(self, shared: dict) -> dict | None:
        """The first ``snapshot`` from what ``viewer_connect`` read, when that proves current, else None.

        Current means this process was subscribed to the webinar before that read began and its hub
        has heard nothing for the webinar since (no event, vote, poll, personal or revoke message):
        every change to a viewer's own questions, votes or access sends one of those after its commit,
        so a change the read missed would have been heard. The access check made by that read (the
        registration row, in the same round trip) is then as recent as the hub can tell; the socket
        re-checks before every command and on ``ping`` as always. Used once: a later ``sync``
        without ``since`` reads again.
        """
        prefetched, self._personal = self._personal, None
        if prefetched is None:
            return None
        read_from, personal = prefetched
        if not get_hub().quiet_since(self.viewer.webinar_id, read_from):
            return None
        return live_state.attendee_snapshot_read_at_connect(shared, personal)

    # --- Attendees ----------------------------------------------------------------------------

    async def _require_attendee(self, command) -> int | None:
        """The registration id when this socket may act as that attendee now, else None (already told why)."""
        registration_id = self.viewer.registration_id
        if registration_id is None:
            raise DewanError(_("Only registered attendees can do that."), code=ErrorCode.FORBIDDEN)
        return registration_id if await self._still_attendee(command) else None

    async def on_ask(self, command: protocol.Ask):
        registration_id = await self._require_attendee(command)
        if registration_id is None:
            return
        result = await database_sync_to_async(_submit)(self.viewer, registration_id, command)
        self.listener.send_now(
            protocol.ack_message(
                for_type="ask",
                client_key=command.client_key,
                question=result["question"],
            )
        )

    async def on_vote(self, command: protocol.Vote):
        if not await self._require_attendee(command):
            return
        votes, voted = await database_sync_to_async(questions.vote_set)(
            webinar_id=self.viewer.webinar_id,
            registration_id=self.viewer.registration_id,
            question_id=command.question_id,
            value=command.value,
        )
        self.listener.send_now(
            protocol.ack_message(
                for_type="vote",
                client_key=command.client_key,
                question_id=command.question_id,
                votes=votes,
                voted=voted,
            )
        )

    async def on_request_review(self, command: protocol.RequestReview):
        if not await self._require_attendee(command):
            return
        await database_sync_to_async(questions.question_request_review)(
            webinar_id=self.viewer.webinar_id,
            registration_id=self.viewer.registration_id,
            question_id=command.question_id,
        )
        self.listener.send_now(
            protocol.ack_message(for_type="request_review", question_id=command.question_id)
        )

    async def on_withdraw(self, command: protocol.Withdraw):
        if not await self._require_attendee(command):
            return
        await database_sync_to_async(questions.question_withdraw)(
            webinar_id=self.viewer.webinar_id,
            registration_id=self.viewer.registration_id,
            question_id=command.question_id,
        )
        self.listener.send_now(protocol.ack_message(for_type="withdraw", question_id=command.question_id))

    async def on_poll_vote(self, command: protocol.PollAnswer):
        if not await self._require_attendee(command):
            return
        result = await database_sync_to_async(polls.poll_vote)(
            webinar_id=self.viewer.webinar_id,
            registration_id=self.viewer.registration_id,
            poll_id=command.poll_id,
            client_key=command.client_key,
            # An answer field counts as sent when the frame carries it with a value other than null (even
            # empty): the service refuses one that does not fit the poll's kind (``invalid_choice``).
            choices=None if command.choices is None else list(command.choices),
            rating=command.rating,
            word=command.word,
        )
        self.listener.send_now(
            protocol.ack_message(
                for_type="poll_vote",
                client_key=command.client_key,
                poll_id=command.poll_id,
                counted=result.counted,
            )
        )

    # --- Hosts (role re-read from the database inside every service call) ---------------------

    async def on_host_command(self, command):
        if not self.viewer.staff or not await self._recheck_staff():
            raise DewanError(_("Only this webinar's hosts can do that."), code=ErrorCode.FORBIDDEN)
        fields = await database_sync_to_async(moderation.host_command_run)(
            actor=self.scope["user"], webinar_id=self.viewer.webinar_id, command=command
        )
        fields.pop("client_key", None)
        self.listener.send_now(
            protocol.ack_message(for_type=command.type, client_key=command.client_key, **fields)
        )


def reply_cursors(messages: list[dict]) -> tuple[int | None, int | None]:
    """The ``(seq, staff_seq)`` a ``sync`` reply brings its socket to: its last message's (the
    ``snapshot``, or the ``synced`` that ends a replay); ``staff_seq`` is None without the staff stream."""
    last = messages[-1]
    return last["seq"], last["staff_seq"]


def _public_extra(command, exc: DewanError) -> dict:
    extra = {key: value for key, value in exc.extra.items() if key in {"retry_after", "limit"}}
    if getattr(command, "client_key", None):
        extra["client_key"] = command.client_key
    return extra


def _submit(viewer: live_state.Viewer, registration_id: int, command: protocol.Ask) -> dict:
    result = questions.question_submit(
        webinar_id=viewer.webinar_id,
        registration_id=registration_id,
        client_key=command.client_key,
        text=command.text,
        anonymous=command.anonymous,
    )
    return {"created": result.created, "question": questions.own_question_for(result.question)}
