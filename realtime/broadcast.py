"""Fan-out: each event is encoded once and delivered once per server process, then to local sockets.

Services call ``publish*`` after commit (from sync code). The message crosses processes through
the Channels layer as one ``group_send`` to the webinar's group, which only the per-process
``Hub`` joins (channels-redis pub/sub: one Redis subscription per process per webinar). The hub
writes the already-encoded text to every local listener's bounded queue: a viewer that cannot
keep up is told to resync and never slows the others. Vote tallies are coalesced and flushed a
few times per second. The database stays the source of truth (docs/protocol.md, docs/scaling.md).
Imports nothing from ``webinar``.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import logging
import os
import random
import signal
import threading
import time
import weakref
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from contextvars import ContextVar
from typing import Any

from channels.layers import get_channel_layer
from django.conf import settings

from realtime import protocol
from realtime.redis_health import RedisSuspended, redis_failed, redis_guarded_async, redis_suspended

log = logging.getLogger("dewan.realtime")

PUBLIC = "public"
STAFF = "staff"
PERSONAL = "personal"
VOTES = "votes"
REVOKE = "revoke"
RECHECK = "recheck"
VOTE_FLUSH_SECONDS = 0.25
PUBLISH_TIMEOUT_SECONDS = 10.0


PLEDGE = "pledge"
POLL = "poll"


def group_name(webinar_id: int) -> str:
    """The layer group of a room: a webinar's, or (negative ids, ``campaign_room``) a campaign page's."""
    if webinar_id < 0:
        return f"dewan.campaign.{-webinar_id}"
    return f"dewan.webinar.{webinar_id}"


def campaign_room(campaign_id: int) -> int:
    """The hub room of a campaign's own pages (campaign page, pledge stage view): a negative id."""
    return -campaign_id


# --- Sending side (sync code, after commit) ------------------------------------------------------


def publish(*, webinar_id: int, stream: str, message: dict, texts: dict[str, str] | None = None) -> None:
    """Send a sequenced event to everyone (``public``) or hosts only (``staff``).

    ``texts``: the message already encoded per language (``{"en": ..., "ms": ...}``) when it shows
    something language-dependent (the anonymous label); each socket gets its viewer's language and
    ``message`` is the fallback.
    """
    payload: dict[str, object] = {"kind": stream, "text": protocol.dumps(message)}
    seq = message.get("seq")
    if seq:  # beside the text, so the hub drops a stale copy per socket without decoding (``Listener``)
        payload["seq"] = seq
    if texts:
        payload["texts"] = texts
    if message.get("type") == protocol.WEBINAR_STATUS:  # the hub reads it without decoding the text
        payload["status"] = message["data"]["status"]
    _send(webinar_id, payload)


def publish_staff_recheck(*, webinar_id: int) -> None:
    """Ask every host socket of the webinar, in every process, to re-read its role now.

    Sent after a role is removed (or a user loses staff rights): a socket whose role is gone stops
    receiving the staff stream at once, not at its next command or heartbeat.
    """
    _send(webinar_id, {"kind": RECHECK})


def publish_personal(*, webinar_id: int, registration_id: int, message: dict) -> None:
    """Send to every socket of one attendee (their own questions' status)."""
    _send(webinar_id, {"kind": PERSONAL, "target": registration_id, "text": protocol.dumps(message)})


def publish_revoke(*, webinar_id: int, registration_id: int, message: dict, close_code: int) -> None:
    """Close every open socket of one registration, on every process, after sending ``message``.

    Used when the registration's access ends (cancelled, renewed, data deleted). The layer delivers
    at most once: consumers also re-check access before every attendee command and on ``ping``.
    """
    _send(
        webinar_id,
        {"kind": REVOKE, "target": registration_id, "text": protocol.dumps(message), "code": close_code},
    )


def publish_votes(*, webinar_id: int, question_id: int, count: int, version: int) -> None:
    _send(webinar_id, {"kind": VOTES, "q": question_id, "n": count, "v": version})


def publish_poll_results(*, webinar_id: int, results: dict) -> None:
    """A poll's results (``webinar.campaigns.selectors.poll_results``) to its webinar's viewers; coalesced
    like votes: the newest ``version`` per poll in each 0.25 s window wins, an older one is dropped."""
    _send(webinar_id, {"kind": POLL, "r": results})


def publish_pledge_count(*, room_ids: list[int], campaign_id: int, count: int) -> None:
    """The campaign's pledge count, to its own pages and its webinars' live pages; coalesced like votes."""
    for room_id in room_ids:
        _send(room_id, {"kind": PLEDGE, "c": campaign_id, "n": count})


# The event loop serving the current ASGI connection, set for each connection by
# ``realtime.runtime.RealtimeApp``. Context variables follow ``sync_to_async`` into its worker threads,
# so a view or a consumer's service (sync code) publishes on the loop that awaits it.
SERVING_LOOP: ContextVar[asyncio.AbstractEventLoop | None] = ContextVar("dewan_serving_loop", default=None)


def _send(webinar_id: int, payload: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": "hub.deliver", "w": webinar_id, **payload}
    if redis_suspended():  # Redis failed moments ago: do not wait out another timeout per event
        log.warning("broadcast to webinar %s skipped: Redis presumed down", webinar_id)
        return
    group_send = functools.partial(layer.group_send, group_name(webinar_id), message)

    def send() -> Coroutine[Any, Any, Any]:
        return layer_call("broadcast", group_send)

    try:
        running = _running_loop()
        if running is not None:
            # Sync code called on an event loop's own thread: the send must not block it.
            running.create_task(send()).add_done_callback(lambda task: _log_failure(task, webinar_id))
            return
        serving = SERVING_LOOP.get()
        # Under a connection: the server's own loop sends. Celery workers, commands, scripts: the
        # publisher loop, or every event would build an event loop, a thread and (channels-redis keeps
        # a connection per loop) a Redis connection of its own.
        loop = serving if serving is not None and serving.is_running() else _publisher_loop()
        asyncio.run_coroutine_threadsafe(send(), loop).result(timeout=PUBLISH_TIMEOUT_SECONDS)
    except RedisSuspended:  # Redis failed while this one waited its turn (``layer_call``)
        log.warning("broadcast to webinar %s skipped: Redis presumed down", webinar_id)
    except Exception as exc:  # the layer is down: clients resync from the database when they reconnect
        log.exception("broadcast to webinar %s failed", webinar_id)
        redis_failed("broadcast", exc)


_layer_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = weakref.WeakKeyDictionary()


async def layer_call(what: str, call: Callable[[], Awaitable[Any]]) -> Any:
    """One channel-layer call that may reach Redis (``group_send``, ``group_add``, ``group_discard``):
    one at a time per event loop, each through the Redis circuit breaker checked when its turn comes.

    channels-redis already runs a shard's publishes and subscriptions one at a time (one lock); with
    the breaker checked only before queueing, every call queued behind one that hung waited out its own
    timeout in turn (a broadcast after k others: k + 1 timeouts). Checked at the turn, the first timeout
    trips the breaker and the calls queued behind it raise ``RedisSuspended`` at once, so a command's
    broadcast waits on at most the one call in flight (docs/reliability.md, "Redis hung").
    """
    loop = asyncio.get_running_loop()
    lock = _layer_locks.get(loop)
    if lock is None:
        lock = _layer_locks[loop] = asyncio.Lock()
    async with lock:
        return await redis_guarded_async(what, call)


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _log_failure(task: asyncio.Task, webinar_id: int) -> None:
    error = None if task.cancelled() else task.exception()
    if isinstance(error, RedisSuspended):
        log.warning("broadcast to webinar %s skipped: Redis presumed down", webinar_id)
    elif error is not None:  # ``layer_call`` recorded a timeout already
        log.error("broadcast to webinar %s failed", webinar_id, exc_info=error)


_publisher: tuple[int, asyncio.AbstractEventLoop] | None = None
_publisher_lock = threading.Lock()


def _publisher_loop() -> asyncio.AbstractEventLoop:
    """One long-lived event loop thread per process for publishing from plain sync code."""
    global _publisher
    with _publisher_lock:
        if _publisher is None or _publisher[0] != os.getpid():  # (re)made after a fork (Celery prefork)
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="dewan-publisher", daemon=True).start()
            _publisher = (os.getpid(), loop)
        return _publisher[1]


# --- Receiving side (one Hub per process / event loop) -------------------------------------------


RESYNC_TEXT = protocol.dumps(protocol.RESYNC)


class _Resume:
    """Await the rest of a send coroutine that ``Listener`` started by hand and that blocked.

    The coroutine yielded ``blocked`` (a future, or None for a bare yield) to whoever drives it;
    a task awaiting this object is now its driver: it waits for ``blocked``, then passes results
    and exceptions (cancellation included) through until the coroutine returns.
    """

    __slots__ = ("blocked", "coro")

    def __init__(self, coro: Coroutine, blocked: object):
        self.coro = coro
        self.blocked = blocked

    def __await__(self):
        coro, blocked = self.coro, self.blocked
        while True:
            try:
                value = yield blocked
            except GeneratorExit:
                coro.close()
                raise
            except BaseException as exc:  # cancellation included: the coroutine decides
                try:
                    blocked = coro.throw(exc)
                except StopIteration as stop:
                    return stop.value
                continue
            try:
                blocked = coro.send(value)
            except StopIteration as stop:
                return stop.value


def frame(text: str) -> dict:
    """The ASGI event for one text frame; a broadcast builds it once and hands it to every listener."""
    return {"type": "websocket.send", "text": text}


RESYNC_FRAME = frame(RESYNC_TEXT)

# A socket's cursor on a stream before its first ``sync`` reply: above every sequence number (they stay
# below 2**53, docs/protocol.md), so no sequenced event reaches a socket that has no cursor yet.
NO_CURSOR = 2**62


class Listener:
    """One websocket's outbound side: written to directly, queued only behind a send that blocked.

    ``send`` is the ASGI server's own send for the socket (below every middleware): a delivery is
    one call with the event the hub built once for everybody, as in a bare ASGI broadcast loop.
    A send through the server completes without suspending while the socket's transport accepts
    data, so ``push`` runs the send coroutine by hand in the caller (the hub's loop over local
    viewers): no task wake-up, no queue, per delivery. When a send does suspend (the transport's
    buffer is above its high-water mark: the viewer is not reading fast enough), a task finishes
    it and drains a bounded backlog in order. A backlog that reaches ``max_queue`` is dropped for
    one ``resync``: that viewer reloads from the database and never slows others.
    """

    __slots__ = (
        "_backlog",
        "_closed",
        "_closer",
        "_send",
        "_writer",
        "held",
        "language",
        "max_queue",
        "max_replies",
        "on_recheck",
        "overflowed",
        "public_at",
        "registration_id",
        "staff",
        "staff_at",
        "viewer_key",
    )

    def __init__(
        self,
        send: Callable[[dict], Awaitable[None]],
        *,
        registration_id: int | None,
        staff: bool,
        max_queue: int = 512,
        max_replies: int = 0,
        closer: Callable[[int], Coroutine[Any, Any, None]] | None = None,
        viewer_key: str | None = None,
        language: str = "",
        on_recheck: Callable[[], None] | None = None,
    ):
        self._send = send
        self._closer = closer
        # Called (on the hub's loop) when the server asks staff sockets to re-read their role.
        self.on_recheck = on_recheck
        self._backlog: deque[dict] = deque()
        self._writer: asyncio.Task | None = None
        self._closed = False
        self.registration_id = registration_id
        self.staff = staff
        self.max_queue = max_queue
        self.max_replies = max_replies
        # Presence identity and language: the process refreshes open viewers (realtime/presence.py).
        self.viewer_key = viewer_key
        self.language = language
        # What arrives while a snapshot or replay is prepared: (frame, seq or None, staff stream?).
        self.held: list[tuple[dict, int | None, bool]] | None = None
        self.overflowed = False
        # Per stream, the highest sequence number this socket was brought to by a ``sync`` reply
        # (snapshot or replay) or sent since: a sequenced event at or below it is never sent (a
        # duplicate, one overtaken, or after a deletion rewrote the log, a stale copy of erased words),
        # so each stream's events go out in increasing order. ``NO_CURSOR`` until the first reply.
        self.public_at = NO_CURSOR
        self.staff_at = NO_CURSOR

    def push(self, event: dict, seq: int | None = None, staff: bool = False) -> None:
        """A broadcast (``frame(text)``): bounded, dropped for a resync when this viewer is too far behind.

        ``seq`` and ``staff``: a sequenced event's number and stream (None: not sequenced); it is
        dropped when at or below this socket's cursor on that stream (``passes``).
        """
        if self.held is not None:
            self.held.append((event, seq, staff))
        elif self.overflowed or self._closed or (seq is not None and not self.passes(seq, staff)):
            return
        elif self._writer is None:
            self._write(event)
        elif len(self._backlog) >= self.max_queue:
            # Slow consumer: drop what is queued and ask the client to resync from its last sequence.
            self._backlog.clear()
            self._backlog.append(RESYNC_FRAME)
            self.overflowed = True
        else:
            self._backlog.append(event)

    def send_now(self, message: dict) -> None:
        """A direct reply (acks, errors), sent after what is already queued and never dropped.

        Replies are bounded like broadcasts: a socket with ``max_replies`` frames queued unread is
        closed with 4408 (docs/protocol.md) and everything queued for it is dropped.
        """
        event = frame(protocol.dumps(message))
        if self.held is not None:
            self.held.append((event, None, False))
        elif self.max_replies and len(self._backlog) >= self.max_replies:
            self.abort(4408)
        else:
            self._enqueue(event)

    def abort(self, code: int) -> None:
        """Drop everything queued and close the socket with ``code`` now (the client is not reading)."""
        if self._closed:
            return
        self.close()
        if self._closer is not None:
            asyncio.get_running_loop().create_task(self._closer(code))

    def passes(self, seq: int, staff: bool) -> bool:
        """Whether sequenced event ``seq`` (staff stream when ``staff``) goes out: above the cursor, which
        then moves to it. Before the first ``sync`` reply (``NO_CURSOR``) nothing goes out."""
        if staff:
            if seq <= self.staff_at:
                return False
            self.staff_at = seq
        else:
            if seq <= self.public_at:
                return False
            self.public_at = seq
        return True

    def hold(self) -> None:
        """Buffer broadcasts while a snapshot or replay is being prepared."""
        self.held = []

    def release(
        self,
        first: list[dict],
        *,
        encoded: list[dict] | tuple[dict, ...] = (),
        cursors: tuple[int | None, int | None] = (None, None),
    ) -> None:
        """Send ``encoded`` (frames already built, ``frame``: a shared replay's events), then ``first``
        (the snapshot, or the replay's messages), then what arrived meanwhile.

        ``cursors``: the ``(seq, staff_seq)`` the reply brings the socket to (None: that stream's cursor
        is unchanged). Cursors only move forward; from here on no sequenced event at or below them is
        sent, neither what was held back meanwhile (a broadcast heard during the reply's read, already
        in it) nor what reaches the hub later (a broadcast delayed in the layer, or from another
        process, sent before a deletion rewrote the log: the reply holds the rewritten event).
        The reply's own events are sent as they are: a replay from below a cursor repeats events.
        """
        buffered, self.held = self.held or [], None
        self.overflowed = False
        public_at, staff_at = cursors
        if public_at is not None:
            self.public_at = public_at if self.public_at == NO_CURSOR else max(self.public_at, public_at)
        if staff_at is not None:
            self.staff_at = staff_at if self.staff_at == NO_CURSOR else max(self.staff_at, staff_at)
        for event in encoded:
            self._enqueue(event)
        for message in first:
            self._enqueue(frame(protocol.dumps(message)))
        for event, seq, staff in buffered:
            if seq is None or self.passes(seq, staff):
                self._enqueue(event)

    def finish(self, text: str, *, code: int) -> None:
        """Send ``text`` after what is already queued, then close the socket with ``code``."""
        if self._closed:
            return
        self.held = None  # a sync in progress is moot: the socket is going away
        self._enqueue(frame(text))
        asyncio.get_running_loop().create_task(self._close_after_writes(code))

    def refuse(self, text: str, *, code: int) -> None:
        """Say why and close with ``code``; if the client is not reading, close at once without it."""
        if self._writer is None:
            self.finish(text, code=code)
        else:
            self.abort(code)

    async def _close_after_writes(self, code: int) -> None:
        writer = self._writer
        if writer is not None:
            await asyncio.wait({writer}, timeout=5)
        self.close()
        if self._closer is not None:
            try:
                await self._closer(code)
            except Exception:  # already gone: the server's disconnect cleans up
                log.debug("listener close failed", exc_info=True)

    @property
    def closed(self) -> bool:
        """True once the socket went away or the hub closed this listener: nothing more is sent."""
        return self._closed

    def close(self) -> None:
        self._closed = True
        self._backlog.clear()
        if self._writer is not None:
            self._writer.cancel()

    def close_socket(self, code: int, reason: str) -> None:
        """Close the websocket with ``code`` and ``reason`` now (graceful restart); nothing is sent after.

        A socket that keeps up has nothing queued, so its close follows what it already has. A socket
        that lags (its writer is waiting for the transport) loses its unsent backlog: broadcasts and
        replies the client would replay from its last sequence number, or send again with the same
        ``client_key``, when it comes back, which the close tells it to do. The close frame then
        goes out at once, behind only what the transport already holds (realtime/wsprotocol.py), so
        the retry hint reaches it instead of Uvicorn's own bare 1012 at shutdown.
        """
        if self._closed:
            return
        self.held = None  # a snapshot being prepared is moot: the client syncs again after it reconnects
        if self._writer is not None:
            self._backlog.clear()
            # Waiting on flow control before writing its frame: cancelling it leaves nothing half-sent.
            self._writer.cancel()
            self._writer = None
        self._write({"type": "websocket.close", "code": code, "reason": reason})
        self._closed = True

    def _enqueue(self, event: dict) -> None:
        if self._closed:
            return
        if self._writer is None:
            self._write(event)
        else:
            self._backlog.append(event)

    def _write(self, event: dict) -> None:
        coro = self._send(event)
        if not isinstance(coro, Coroutine):  # an awaitable of another kind: let a task drive it
            self._writer = asyncio.get_running_loop().create_task(self._drain(_await(coro)))
            return
        try:
            blocked = coro.send(None)
        except StopIteration:
            return  # sent: the usual case
        except (Exception, asyncio.CancelledError):  # the socket went away; disconnect cleans up
            self._closed = True
            log.debug("listener send failed", exc_info=True)
            return
        self._writer = asyncio.get_running_loop().create_task(self._drain(_Resume(coro, blocked)))

    async def _drain(self, first: Awaitable[None]) -> None:
        backlog, send = self._backlog, self._send
        try:
            await first
            while backlog:
                await send(backlog.popleft())
        except asyncio.CancelledError:
            raise
        except Exception:
            self._closed = True
            backlog.clear()
            log.debug("listener writer stopped", exc_info=True)
        finally:
            if self._writer is asyncio.current_task():  # not a writer started after this one was cancelled
                self._writer = None


def fan_out(listeners, event: dict, seq: int | None = None, staff: bool = False) -> None:
    """``push(event, seq, staff)`` to every listener, at the cost of a bare broadcast loop for idle ones.

    A sequenced event (``seq``, on the staff stream when ``staff``) skips a listener whose cursor on
    that stream is at or above it (``Listener.passes``): a comparison and a store per socket, on the
    number passed beside the frame, never a decode.

    Idle listeners' sends run inside one coroutine that awaits them in turn, driven by hand here:
    a send that completes at once (the usual case) costs an ``await``, not a coroutine step and a
    ``StopIteration`` of its own. When a send does suspend (that socket's transport is full), the
    coroutine is handed to that listener's writer task, which finishes the send and stops; a fresh
    coroutine carries on with the next listener. Busy, held or overflowed listeners go through
    ``push`` (their backlog), as before.
    """
    listeners = tuple(listeners)
    start, count = 0, len(listeners)
    while start < count:
        state = [start, False]  # index of the send in progress, detached from this loop?
        coro = _fan_out(listeners, event, state, seq, staff)
        try:
            blocked = coro.send(None)
        except StopIteration:
            return
        listener = listeners[state[0]]
        state[1] = True
        listener._writer = asyncio.get_running_loop().create_task(listener._drain(_Resume(coro, blocked)))
        start = state[0] + 1


async def _fan_out(listeners: tuple, event: dict, state: list, seq: int | None, staff: bool) -> None:
    for index in range(state[0], len(listeners)):
        listener = listeners[index]
        idle = listener._writer is None and listener.held is None
        if idle and not listener._closed and not listener.overflowed:
            if seq is not None:  # ``Listener.passes``, inline: the public stream reaches every socket
                if staff:
                    if seq <= listener.staff_at:
                        continue
                    listener.staff_at = seq
                elif seq <= listener.public_at:
                    continue  # already sent, or in its sync reply (or it has had none yet)
                else:
                    listener.public_at = seq
            state[0] = index
            try:
                await listener._send(event)
            except (Exception, asyncio.CancelledError):  # the socket went away; disconnect cleans up
                if state[1]:
                    raise  # detached: this send is the listener's own now
                listener._closed = True
                log.debug("listener send failed", exc_info=True)
            if state[1]:
                return  # the send that blocked finished in its listener's writer: the rest went on
        else:
            listener.push(event, seq, staff)


async def _await(awaitable: Awaitable[None]) -> None:
    await awaitable


# Stamps for the shared-state cache: strictly increasing within the process (one event loop thread).
_stamps = itertools.count(1)


class _Room:
    __slots__ = (
        "by_registration",
        "everyone",
        "generation",
        "last_presence",
        "over",
        "pledge",
        "pledge_flush",
        "poll_flush",
        "poll_versions",
        "polls",
        "presence_sent_at",
        "staff",
        "touched",
        "vote_flush",
        "vote_versions",
        "votes",
    )

    def __init__(self):
        self.everyone: set[Listener] = set()
        self.staff: set[Listener] = set()
        # Looked up with a listener's registration id, which may be None (nothing is stored under None).
        self.by_registration: dict[int | None, set[Listener]] = {}
        self.votes: dict[int, tuple[int, int]] = {}
        # Newest version seen per question, kept across flushes: a tally that arrives late (published
        # out of commit order by another process) must not overwrite a newer one already sent.
        self.vote_versions: dict[int, int] = {}
        self.vote_flush: asyncio.TimerHandle | None = None
        self.last_presence: int | None = None  # the live count last sent to the room
        self.presence_sent_at = float("-inf")  # time.monotonic() when it was sent
        # The webinar ended or was cancelled (protocol.LIVE_OVER): no more viewer counts or heartbeats.
        self.over = False
        # A new stamp whenever the hub hears something that changes what a snapshot shows.
        self.generation = next(_stamps)
        # A new stamp whenever the hub hears anything for the room (personal and revoke messages too),
        # and when the room is made (subscribed): what ``Hub.quiet_since`` compares with.
        self.touched = self.generation
        self.pledge: tuple[int, int] | None = None  # (campaign id, count): the newest received
        self.pledge_flush: asyncio.TimerHandle | None = None
        self.polls: dict[int, dict] = {}  # poll id -> newest results received in the window
        self.poll_versions: dict[int, int] = {}  # poll id -> newest version sent (kept across flushes)
        self.poll_flush: asyncio.TimerHandle | None = None


class Hub:
    """This process's subscriber: one layer channel, one group membership per webinar with local viewers."""

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self.loop = loop
        self.rooms: dict[int, _Room] = {}
        self.layer = get_channel_layer()
        self.channel_name: str | None = None
        self._receiver: asyncio.Task | None = None
        self._lock = asyncio.Lock()
        self.messages_received = 0  # from the layer, for the benchmarks' messages-per-event figure
        self.shared = SharedState(self)

    async def join(self, webinar_id: int, listener: Listener) -> None:
        async with self._lock:
            if self.channel_name is None and self.layer is not None:
                self.channel_name = await self.layer.new_channel("dewan.hub.")
                self._receiver = self.loop.create_task(self._receive())
            room = self.rooms.get(webinar_id)
            if room is None:
                # Subscribe first: a room recorded after a failed group_add (Redis down) would never
                # be subscribed by later joins, and this process would stop hearing the webinar.
                if self.layer is not None:  # refused at once while Redis is presumed down (1013)
                    add = functools.partial(self.layer.group_add, group_name(webinar_id), self.channel_name)
                    await layer_call("group_add", add)
                room = self.rooms[webinar_id] = _Room()
        room.everyone.add(listener)
        if listener.staff:
            room.staff.add(listener)
        if listener.registration_id is not None:
            room.by_registration.setdefault(listener.registration_id, set()).add(listener)

    def greet(self, webinar_id: int, listener: Listener, *, status: str) -> None:
        """After ``join`` and the read of the webinar's state (``status``, read after the join): tell a
        newcomer the count last sent to the room, which is sent only when it changes.

        A ``status`` in ``protocol.LIVE_OVER`` ends the room's live traffic (``live_traffic_end``), so
        a process that missed the end's broadcast learns it from its next viewer, who gets no count.
        """
        if status in protocol.LIVE_OVER:
            self.live_traffic_end(webinar_id)
        room = self.rooms.get(webinar_id)
        if room is not None and not room.over and room.last_presence is not None:
            listener.push(frame(protocol.dumps(protocol.presence_message(room.last_presence))))

    def live_traffic_end(self, webinar_id: int) -> None:
        """The webinar ended or was cancelled: its room gets no viewer count or breakdown from now on,
        and its viewers are no longer heartbeated or sampled here (docs/protocol.md, "After the end").

        The statuses are final (webinar/services/lifecycle.py), so this is never undone; a room made
        again later (after its last socket left) learns it again from ``greet``.
        """
        room = self.rooms.get(webinar_id)
        if room is not None:
            room.over = True

    def live_traffic_over(self, webinar_id: int) -> bool:
        """True once ``live_traffic_end`` ran for the webinar's room here (False without a room)."""
        room = self.rooms.get(webinar_id)
        return room is not None and room.over

    def quiet_since(self, webinar_id: int, since: int) -> bool:
        """Whether this process was subscribed to the webinar before stamp ``since`` and has heard
        nothing for it after (no event, vote, poll, personal or revoke message).

        A read of the database that began after ``since`` then cannot have missed anything a later
        message would tell: what the consumer checks before it answers ``sync`` with the viewer's
        own questions and votes read at connect (``LiveConsumer.on_sync``, docs/scaling.md).
        """
        room = self.rooms.get(webinar_id)
        return self.layer is not None and room is not None and room.touched < since

    def demote(self, webinar_id: int, listener: Listener) -> None:
        """Stop sending the staff stream to this socket (its host role was revoked)."""
        listener.staff = False
        room = self.rooms.get(webinar_id)
        if room is not None:
            room.staff.discard(listener)

    async def leave(self, webinar_id: int, listener: Listener) -> None:
        listener.close()
        room = self.rooms.get(webinar_id)
        if room is None:
            return
        room.everyone.discard(listener)
        room.staff.discard(listener)
        mine = room.by_registration.get(listener.registration_id)
        if mine is not None:
            mine.discard(listener)
            if not mine:
                del room.by_registration[listener.registration_id]
        if not room.everyone:
            async with self._lock:
                if not room.everyone and self.rooms.get(webinar_id) is room:
                    del self.rooms[webinar_id]
                    self.shared.forget(webinar_id)
                    if room.vote_flush:
                        room.vote_flush.cancel()
                    if room.pledge_flush:
                        room.pledge_flush.cancel()
                    if self.layer is not None and self.channel_name:
                        discard = functools.partial(
                            self.layer.group_discard, group_name(webinar_id), self.channel_name
                        )
                        try:
                            await layer_call("group_discard", discard)
                        except Exception:  # RedisSuspended too: the hub drops messages for no room
                            log.warning("group_discard failed for webinar %s", webinar_id, exc_info=True)

    async def _receive(self) -> None:
        while True:
            try:
                message = await self.layer.receive(self.channel_name)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("hub receive failed; retrying", exc_info=True)
                await asyncio.sleep(0.5)
                continue
            self.messages_received += 1
            try:
                self.deliver(message)
            except Exception:
                log.exception("hub delivery failed")

    def deliver(self, message: dict) -> None:
        room = self.rooms.get(message["w"])
        if room is None:
            return
        kind = message["kind"]
        room.touched = next(_stamps)
        if kind in (PUBLIC, STAFF, VOTES, POLL):  # what a snapshot shows
            room.generation = room.touched
        if message.get("status") in protocol.LIVE_OVER:  # a ``webinar.status`` event: ended, cancelled
            room.over = True
        if kind in (PUBLIC, STAFF):
            event, texts = frame(message["text"]), message.get("texts")
            staff = kind == STAFF
            listeners = room.staff if staff else room.everyone
            seq = message.get("seq")  # beside the text (``publish``); absent from a synthetic message
            if texts:  # one frame per language, built once
                events = {language: frame(text) for language, text in texts.items()}
                for listener in listeners:
                    listener.push(events.get(listener.language, event), seq, staff)
            else:
                fan_out(listeners, event, seq, staff)
        elif kind == RECHECK:
            for listener in list(room.staff):
                if listener.on_recheck is not None:
                    listener.on_recheck()
        elif kind == PERSONAL:
            event = frame(message["text"])
            for listener in room.by_registration.get(message.get("target"), ()):
                listener.push(event)
        elif kind == REVOKE:
            text, code = message["text"], message["code"]
            for listener in list(room.by_registration.get(message.get("target"), ())):
                listener.finish(text, code=code)
        elif kind == VOTES:
            question_id, count, version = message["q"], message["n"], message["v"]
            if room.vote_versions.get(question_id, -1) >= version:
                return
            room.vote_versions[question_id] = version
            room.votes[question_id] = (version, count)
            if room.vote_flush is None:
                room.vote_flush = self.loop.call_later(VOTE_FLUSH_SECONDS, self._flush_votes, room)
        elif kind == PLEDGE:
            # Counts only grow between deletions; the newest message received in the window wins.
            room.pledge = (message["c"], message["n"])
            if room.pledge_flush is None:
                room.pledge_flush = self.loop.call_later(VOTE_FLUSH_SECONDS, self._flush_pledge, room)

        elif kind == POLL:
            results = message["r"]
            poll_id, version = results["poll_id"], results["version"]
            if room.poll_versions.get(poll_id, -1) >= version:
                return
            room.poll_versions[poll_id] = version
            room.polls[poll_id] = results
            if room.poll_flush is None:
                room.poll_flush = self.loop.call_later(VOTE_FLUSH_SECONDS, self._flush_polls, room)

    def _flush_polls(self, room: _Room) -> None:
        room.poll_flush = None
        pending = list(room.polls.values())
        room.polls.clear()
        for results in pending:
            fan_out(room.everyone, frame(protocol.dumps(protocol.poll_results_message(results))))

    def _flush_pledge(self, room: _Room) -> None:
        room.pledge_flush = None
        if room.pledge is None:
            return
        campaign_id, count = room.pledge
        room.pledge = None
        event = frame(protocol.dumps(protocol.pledge_count_message(campaign_id=campaign_id, count=count)))
        for listener in room.everyone:
            listener.push(event)

    def _flush_votes(self, room: _Room) -> None:
        room.vote_flush = None
        if not room.votes:
            return
        counts = {question_id: count for question_id, (_version, count) in room.votes.items()}
        room.votes.clear()
        fan_out(room.everyone, frame(protocol.dumps(protocol.votes_message(counts))))

    # --- The small interface the presence loop (realtime/presence.py) uses ---------------------------

    def webinar_ids(self) -> list[int]:
        """The webinars with a socket in this process whose live traffic goes on: counted, broken down
        for hosts and sampled (campaign pages, negative room ids, and ended or cancelled ones left out)."""
        return [room_id for room_id, room in self.rooms.items() if room_id >= 0 and not room.over]

    def staff_listeners(self, webinar_id: int) -> frozenset[Listener]:
        """The host sockets of a webinar in this process (empty when it has none, or it is over)."""
        room = self.rooms.get(webinar_id)
        return frozenset(room.staff) if room is not None and not room.over else frozenset()

    def open_viewers(self) -> dict[int, dict[str, str]]:
        """Every viewer with an open socket here, of a webinar not over: ``{webinar id: {key: language}}``."""
        viewers: dict[int, dict[str, str]] = {}
        for webinar_id, room in self.rooms.items():
            if room.over:  # nobody watches an ended webinar: its viewers drop out of the store
                continue
            keys = {
                listener.viewer_key: listener.language
                for listener in room.everyone
                if listener.viewer_key is not None and not listener.closed
            }
            if keys:
                viewers[webinar_id] = keys
        return viewers

    def live_count_set(self, webinar_id: int, count: int) -> None:
        """The webinar's live viewer count (the presence loop's, once a second): sent to the room's local
        sockets when it changed, and to newcomers as they join (the value last sent).

        In a large room (this count or the last one sent at least ``DEWAN_PRESENCE_LARGE_ROOM``) a change
        is sent at most once every ``DEWAN_PRESENCE_LARGE_ROOM_SECONDS``: a count held back is sent by the
        first later call past that interval (docs/protocol.md). Every socket of a 100,000-viewer room
        would otherwise get a frame a second for a number that moves by a few viewers.
        """
        room = self.rooms.get(webinar_id)
        if room is None or room.over or count == room.last_presence:
            return
        now = time.monotonic()
        large = max(count, room.last_presence or 0) >= settings.DEWAN_PRESENCE_LARGE_ROOM
        if large and now - room.presence_sent_at < settings.DEWAN_PRESENCE_LARGE_ROOM_SECONDS:
            return
        room.last_presence, room.presence_sent_at = count, now
        fan_out(room.everyone, frame(protocol.dumps(protocol.presence_message(count))))

    # --- Lifecycle ---------------------------------------------------------------------------------

    async def close(self) -> None:
        """Stop receiving, close every local socket's queue, leave every group (process shutdown)."""
        if _hubs.get(self.loop) is self:
            del _hubs[self.loop]
        receiver, self._receiver = self._receiver, None
        if receiver is not None:
            receiver.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await receiver
        rooms, self.rooms = self.rooms, {}
        for webinar_id, room in rooms.items():
            self.shared.forget(webinar_id)
            for timer in (room.vote_flush, room.pledge_flush):
                if timer is not None:
                    timer.cancel()
            for listener in room.everyone:
                listener.close()
            if self.layer is not None and self.channel_name:
                discard = functools.partial(
                    self.layer.group_discard, group_name(webinar_id), self.channel_name
                )
                try:
                    await layer_call("group_discard", discard)
                except Exception:  # RedisSuspended too: the hub drops messages for no room
                    log.warning("group_discard failed for webinar %s", webinar_id, exc_info=True)


class SharedState:
    """What every viewer of a webinar shares at (re)connect, read once per change, not once per viewer.

    A value (the webinar's public state and published list, per language) is built from the
    database and kept with the room's ``generation`` read *before* the build. It is handed to a
    viewer only when that proves the viewer misses nothing: either no event reached the hub since
    the build began (the generation is unchanged, and the viewer has been joined, so every later
    event reaches it after the reply), or the build began after ``since``: a ``stamp()`` taken once
    the viewer's socket is joined *and* holds back broadcasts (``Listener.hold``) for this reply.
    Not the stamp of the join when the hold came later (a ``sync``): an event heard between the
    two went out before the reply and may be missing from a build begun between them. Concurrent
    requests share one build. Events the database committed but the hub has not heard yet reach
    the socket after ``since``, held until the reply is sent.
    """

    def __init__(self, hub: Hub):
        self.hub = hub
        self._values: dict[int, dict[object, tuple[int, object]]] = {}
        self._building: dict[tuple[int, object], tuple[int, asyncio.Future]] = {}

    async def get(self, webinar_id: int, key: object, since: int, build: Callable[[], Awaitable[object]]):
        """The shared value for ``key``, good for a viewer joined and holding broadcasts since ``since``."""
        while True:
            room = self.hub.rooms.get(webinar_id)
            cached = self._values.get(webinar_id, {}).get(key)
            if cached is not None and room is not None and cached[0] == room.generation:
                return cached[1]
            building = self._building.get((webinar_id, key))
            if building is not None:
                started, future = building
                try:
                    value = await asyncio.shield(future)
                except Exception:  # that build failed (or its socket left): try our own
                    log.debug("shared state build failed; building again", exc_info=True)
                    continue
                if started > since:
                    return value
                continue  # began before this viewer joined: good only if nothing happened since
            return await self._build(webinar_id, key, room, build)

    async def _build(self, webinar_id: int, key: object, room: _Room | None, build) -> object:
        generation, started = (room.generation if room else None), next(_stamps)
        future = self.hub.loop.create_future()
        self._building[(webinar_id, key)] = (started, future)
        try:
            value = await build()
        except BaseException:
            future.set_exception(RuntimeError("shared state build failed"))
            future.exception()  # retrieved: the waiters retry on their own
            raise
        finally:
            self._building.pop((webinar_id, key), None)
        future.set_result(value)
        if generation is not None and self.hub.rooms.get(webinar_id) is room:
            self._values.setdefault(webinar_id, {})[key] = (generation, value)
        return value

    def forget(self, webinar_id: int) -> None:
        self._values.pop(webinar_id, None)


def stamp() -> int:
    """A point in this process's order of joins, builds and hub events (see ``SharedState``)."""
    return next(_stamps)


_hubs: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Hub] = weakref.WeakKeyDictionary()


def get_hub() -> Hub:
    loop = asyncio.get_running_loop()
    hub = _hubs.get(loop)
    if hub is None:
        hub = _hubs[loop] = Hub(loop)
        restart_handler_install()
    return hub


# --- Graceful restart: no reconnect storm after a deploy -----------------------------------------

CLOSE_SERVICE_RESTART = 1012  # RFC 6455 registry: "Service Restart"
RETRY_REASON = "retry_after_ms={}"


def restart_hints(count: int) -> list[int]:
    """Retry delays (ms) for ``count`` sockets, evenly spread over a window, in random order.

    The window is sized so the rest of the fleet sees at most ``DEWAN_RESTART_RECONNECTS_PER_SECOND``
    reconnects per second from this process (at least 1 s, at most ``DEWAN_RESTART_SPREAD_MAX_SECONDS``).
    """
    rate = float(getattr(settings, "DEWAN_RESTART_RECONNECTS_PER_SECOND", 500))
    longest = float(getattr(settings, "DEWAN_RESTART_SPREAD_MAX_SECONDS", 30))
    window_ms = 1000 * min(longest, max(1.0, count / rate))
    # Jitter, not a secret: S311 does not apply.
    hints = [int(window_ms * (n + random.random()) / max(1, count)) for n in range(count)]  # noqa: S311  # nosec B311
    random.shuffle(hints)
    return hints


def restart_gracefully(hub: Hub) -> int:
    """Close every socket of this process with 1012 and its own retry hint; returns how many.

    Each socket gets what is already queued for it, then a close frame whose reason is
    ``retry_after_ms=<n>`` (docs/protocol.md): clients come back over a window, not at once.
    """
    listeners = [listener for room in hub.rooms.values() for listener in room.everyone]
    for listener, hint in zip(listeners, restart_hints(len(listeners)), strict=True):
        listener.close_socket(CLOSE_SERVICE_RESTART, RETRY_REASON.format(hint))
    if listeners:
        log.info("graceful restart: %d sockets told to come back over a spread window", len(listeners))
    return len(listeners)


_restart_installed = False


def restart_handler_install(signals: tuple[int, ...] = (signal.SIGTERM, signal.SIGINT)) -> bool:
    """Chain a handler before the server's own for ``signals``: close sockets with retry hints first.

    Installed once per process, from the main thread, and only over a Python handler (a server
    that shuts down gracefully, as Uvicorn does); the server's handler then runs as before and its
    shutdown finds the sockets already closed.
    """
    global _restart_installed
    if _restart_installed or threading.current_thread() is not threading.main_thread():
        return False
    for signum in signals:
        previous = signal.getsignal(signum)
        if not callable(previous):
            continue

        def handler(signum, frame, previous=previous):
            for hub in list(_hubs.values()):
                if not hub.loop.is_closed():
                    hub.loop.call_soon_threadsafe(restart_gracefully, hub)
            previous(signum, frame)

        signal.signal(signum, handler)
        _restart_installed = True
    return _restart_installed
