"""The realtime side of one server process, with an explicit lifecycle.

Each event loop that serves sockets (one per Uvicorn process) has one ``Runtime``: the ``Hub``
(realtime/broadcast.py: the layer subscription, fan-out, vote flushes, the live count) and the
``PresenceLoop`` (realtime/presence.py: the hosts' breakdown and the in-process attendance sampler).
The first socket starts it (``runtime_get().start()``); the ASGI lifespan shutdown stops it
(``RealtimeApp``): its loops are cancelled, its sockets' queues closed and its group subscriptions
dropped, so a stopping process leaves no task behind.

``RealtimeApp`` wraps the project's ASGI application. Besides the lifespan, it records the loop that
serves each connection (``broadcast.SERVING_LOOP``): sync code under that connection (a view, or a
service a consumer runs through ``database_sync_to_async``) then publishes on that loop.

The attendance sampler is the one piece from ``webinar``: ``WebinarConfig.ready`` hands it over with
``attendance_sampler_set``, so this package imports nothing from ``webinar``.
"""

from __future__ import annotations

import asyncio
import logging
import weakref

from realtime import presence
from realtime.broadcast import SERVING_LOOP, get_hub

log = logging.getLogger("dewan.realtime")

_sampler: presence.Sampler | None = None


def attendance_sampler_set(sampler: presence.Sampler | None) -> None:
    """The coroutine function the presence loop calls every ``DEWAN_ATTENDANCE_SAMPLE_SECONDS``."""
    global _sampler
    _sampler = sampler


class Runtime:
    """The hub and the presence loop of one event loop; ``start`` once, ``shutdown`` at the end."""

    def __init__(self, loop: asyncio.AbstractEventLoop):
        """Made by ``runtime_get`` on ``loop`` (the running one)."""
        self.loop = loop
        self.hub = get_hub()
        self.presence = presence.PresenceLoop(self.hub, sampler=_sampler)

    def start(self) -> Runtime:
        """Start the presence loop (the hub starts its own tasks on the first join). Idempotent."""
        self.presence.start()
        return self

    async def shutdown(self) -> None:
        """Stop the loops, close every local socket's queue and leave every group. Idempotent."""
        if _runtimes.get(self.loop) is self:
            del _runtimes[self.loop]
        await self.presence.stop()
        await self.hub.close()
        from realtime.consumers import connect_reads_stop  # the consumer imports this module

        await asyncio.to_thread(connect_reads_stop)


_runtimes: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Runtime] = weakref.WeakKeyDictionary()


def runtime_get() -> Runtime:
    """The runtime of the running event loop (made on first use, not started)."""
    loop = asyncio.get_running_loop()
    runtime = _runtimes.get(loop)
    if runtime is None:
        runtime = _runtimes[loop] = Runtime(loop)
    return runtime


async def runtime_shutdown() -> None:
    """Shut down the running loop's runtime, if it has one."""
    runtime = _runtimes.get(asyncio.get_running_loop())
    if runtime is not None:
        await runtime.shutdown()


class RealtimeApp:
    """ASGI wrapper: the lifespan protocol (shutdown stops the runtime); each connection's serving loop."""

    def __init__(self, app, on_startup=None):
        self.app = app
        # Called once at the lifespan's start-up, before the server accepts anything (webinar/asgi.py:
        # the screener loaded and the start-up objects frozen out of the garbage collector's scans). A
        # failure is logged and the server starts anyway.
        self.on_startup = on_startup

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        token = SERVING_LOOP.set(asyncio.get_running_loop())
        try:
            await self.app(scope, receive, send)
        finally:
            SERVING_LOOP.reset(token)

    async def _lifespan(self, receive, send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                if self.on_startup is not None:
                    try:
                        self.on_startup()
                    except Exception:  # the server is still useful without it; say why it was skipped
                        log.exception("start-up hook failed")
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                try:
                    await runtime_shutdown()
                except Exception:  # the process stops anyway; say why the shutdown was not clean
                    log.exception("realtime shutdown failed")
                await send({"type": "lifespan.shutdown.complete"})
                return
