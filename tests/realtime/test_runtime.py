"""The realtime runtime's lifecycle: started by the first socket, stopped by the ASGI lifespan shutdown."""

from __future__ import annotations

import asyncio

from asgiref.testing import ApplicationCommunicator

from realtime.broadcast import Listener, group_name
from realtime.runtime import RealtimeApp, runtime_get
from tests.layers import RecordingLayer, install_layer


def _loop_tasks() -> set[str]:
    """The runtime's long-lived tasks still pending on this loop, by coroutine name."""
    names = {"_receive", "_run"}
    current = asyncio.current_task()
    return {
        task.get_coro().__qualname__
        for task in asyncio.all_tasks()
        if task is not current and not task.done() and task.get_coro().__name__ in names
    }


async def _unused_app(scope, receive, send):  # pragma: no cover - only the lifespan is exercised
    raise AssertionError("not called")


async def test_lifespan_shutdown_stops_the_loops_closes_sockets_and_leaves_every_group(settings):
    layer = install_layer(settings, RecordingLayer)
    runtime = runtime_get().start()
    written: list = []

    async def sink(event) -> None:
        written.append(event)

    host = Listener(sink, registration_id=None, staff=True)
    await runtime.hub.join(7, host)
    assert layer.groups[group_name(7)]
    assert _loop_tasks() == {"Hub._receive", "PresenceLoop._run"}

    lifespan = ApplicationCommunicator(RealtimeApp(_unused_app), {"type": "lifespan"})
    await lifespan.send_input({"type": "lifespan.startup"})
    assert await lifespan.receive_output(2) == {"type": "lifespan.startup.complete"}
    await lifespan.send_input({"type": "lifespan.shutdown"})
    assert await lifespan.receive_output(2) == {"type": "lifespan.shutdown.complete"}

    assert _loop_tasks() == set()
    assert not layer.groups.get(group_name(7))
    assert runtime.hub.webinar_ids() == []
    host.send_now({"type": "pong"})  # a closed socket's queue takes nothing
    assert written == []
    assert runtime_get() is not runtime  # the next socket gets a fresh runtime


async def test_shutdown_without_a_runtime_is_harmless():
    lifespan = ApplicationCommunicator(RealtimeApp(_unused_app), {"type": "lifespan"})
    await lifespan.send_input({"type": "lifespan.startup"})
    assert await lifespan.receive_output(2) == {"type": "lifespan.startup.complete"}
    await lifespan.send_input({"type": "lifespan.shutdown"})
    assert await lifespan.receive_output(2) == {"type": "lifespan.shutdown.complete"}


async def test_the_start_up_hook_runs_once_before_start_up_completes_and_a_failing_one_is_logged(caplog):
    calls: list[str] = []

    def ready() -> None:
        calls.append("ready")

    lifespan = ApplicationCommunicator(RealtimeApp(_unused_app, on_startup=ready), {"type": "lifespan"})
    await lifespan.send_input({"type": "lifespan.startup"})
    assert await lifespan.receive_output(2) == {"type": "lifespan.startup.complete"}
    assert calls == ["ready"]
    await lifespan.send_input({"type": "lifespan.shutdown"})
    assert await lifespan.receive_output(2) == {"type": "lifespan.shutdown.complete"}

    def broken() -> None:
        raise RuntimeError("no model")

    lifespan = ApplicationCommunicator(RealtimeApp(_unused_app, on_startup=broken), {"type": "lifespan"})
    await lifespan.send_input({"type": "lifespan.startup"})
    assert await lifespan.receive_output(2) == {"type": "lifespan.startup.complete"}  # serves anyway
    assert "start-up hook failed" in caplog.text
    await lifespan.send_input({"type": "lifespan.shutdown"})
    assert await lifespan.receive_output(2) == {"type": "lifespan.shutdown.complete"}
