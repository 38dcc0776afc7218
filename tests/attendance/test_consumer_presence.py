"""Presence through the real consumer: tabs, crashes (no disconnect handler), TTL, the host breakdown."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from realtime import presence
from realtime.runtime import runtime_get, runtime_shutdown
from tests.factories import attendee_session, host_session, make_registration
from webinar.asgi import application
from webinar.models import AttendanceSample, AttendanceSession

pytestmark = pytest.mark.django_db(transaction=True)

ORIGIN = (b"origin", b"http://testserver")


class Tabs:
    """Every socket a test opens, disconnected at the end whatever happened."""

    def __init__(self):
        self.opened: list[WebsocketCommunicator] = []

    async def open(
        self, webinar, session_key: str, mode: str = "attendee", *, sync: bool = True
    ) -> WebsocketCommunicator:
        comm = WebsocketCommunicator(
            application,
            f"/ws/w/{webinar.slug}/?mode={mode}",
            headers=[(b"host", b"testserver"), ORIGIN, (b"cookie", f"sessionid={session_key}".encode())],
        )
        self.opened.append(comm)
        connected, _ = await comm.connect(timeout=5)
        assert connected
        assert (await comm.receive_json_from(timeout=5))["type"] == "welcome"
        if sync:
            await comm.send_json_to({"type": "sync"})
            await until(comm, "snapshot")
        return comm

    async def attendee(self, registration) -> WebsocketCommunicator:
        key = await database_sync_to_async(attendee_session)(registration)
        return await self.open(registration.webinar, key)

    async def close(self):
        for comm in self.opened:
            with contextlib.suppress(Exception):  # already gone: nothing to clean up
                await comm.disconnect()


@pytest.fixture
async def tabs():
    opened = Tabs()
    yield opened
    await opened.close()
    await runtime_shutdown()


async def until(comm: WebsocketCommunicator, type_: str, timeout: float = 5, **match) -> dict:
    async def wait():
        while True:
            message = await comm.receive_json_from(timeout=timeout)
            if message["type"] == type_ and all(message.get(k) == v for k, v in match.items()):
                return message

    return await asyncio.wait_for(wait(), timeout)


async def ping(comm: WebsocketCommunicator) -> None:
    await comm.send_json_to({"type": "ping"})
    await until(comm, "pong")


async def test_three_tabs_of_one_attendee_count_once(tabs, consumer_store, live_webinar, attendee):
    first = await tabs.attendee(attendee)
    await tabs.attendee(attendee)
    await tabs.attendee(attendee)
    # Joins are written in batches (presence.BATCH_SECONDS): wait for the count the loop sends, then
    # check the store holds one viewer, not three.
    assert await until(first, "presence", count=1)
    assert await consumer_store.count(live_webinar.pk) == 1


async def tick() -> None:
    """One of the process's presence ticks (every DEWAN_HEARTBEAT_SECONDS in a server)."""
    await runtime_get().presence.refresh()


async def test_the_welcome_asks_for_no_presence_pings(tabs, consumer_store, live_webinar, attendee):
    comm = WebsocketCommunicator(
        application,
        f"/ws/w/{live_webinar.slug}/",
        headers=[
            (b"host", b"testserver"),
            ORIGIN,
            (b"cookie", f"sessionid={await database_sync_to_async(attendee_session)(attendee)}".encode()),
        ],
    )
    tabs.opened.append(comm)
    assert (await comm.connect(timeout=5))[0]
    welcome = await comm.receive_json_from(timeout=5)
    assert welcome["config"]["heartbeat_seconds"] == 0


async def test_an_open_socket_stays_counted_without_sending_anything(
    tabs, consumer_store, clock, live_webinar, attendee
):
    await tabs.attendee(attendee)
    for _ in range(6):  # a minute: twice the TTL, and not one frame from the client
        clock.advance(10)
        await tick()
    assert await consumer_store.viewers(live_webinar.pk) == [f"r:{attendee.pk}"]


async def test_closing_one_of_two_tabs_keeps_the_attendee_counted(
    tabs, consumer_store, clock, live_webinar, attendee
):
    one = await tabs.attendee(attendee)
    await tabs.attendee(attendee)
    await one.disconnect()
    for _ in range(4):  # forty seconds of the remaining tab being open
        clock.advance(10)
        await tick()
    assert await consumer_store.count(live_webinar.pk) == 1


async def test_closing_the_last_tab_drops_the_attendee_within_the_grace(
    tabs, consumer_store, clock, live_webinar, attendee
):
    other = await database_sync_to_async(make_registration)(live_webinar, "Ben")
    leaving = await tabs.attendee(attendee)
    await tabs.attendee(other)
    await leaving.disconnect()
    clock.advance(consumer_store.leave_grace + 0.5)
    await tick()
    assert await consumer_store.viewers(live_webinar.pk) == [f"r:{other.pk}"]


async def test_attendee_whose_server_process_dies_drops_out_within_the_ttl(
    tabs, consumer_store, clock, live_webinar, attendee, monkeypatch
):
    other = await database_sync_to_async(make_registration)(live_webinar, "Ben")
    crashed = await tabs.attendee(attendee)
    watcher = await tabs.attendee(other)
    await until(watcher, "presence", count=2)
    # A killed process runs no disconnect handler: nothing tells the store this attendee left.
    skipped = []

    async def never_runs(viewer) -> None:
        skipped.append(viewer.viewer_key)

    monkeypatch.setattr(presence, "viewer_left", never_runs)
    await crashed.disconnect()
    assert skipped == [f"r:{attendee.pk}"], "the disconnect handler was not replaced"
    clock.advance(25)
    await tick()
    assert await consumer_store.count(live_webinar.pk) == 2  # still within the TTL
    clock.advance(6)
    await tick()
    assert await until(watcher, "presence", count=1)  # the hub's next tick tells everyone


async def test_with_client_heartbeats_one_who_stops_pinging_drops_out_and_one_who_pings_stays(
    tabs, consumer_store, clock, live_webinar, attendee, settings
):
    """Where the transport cannot tell (DEWAN_CLIENT_HEARTBEAT), only pings count."""
    settings.DEWAN_CLIENT_HEARTBEAT = True
    other = await database_sync_to_async(make_registration)(live_webinar, "Ben")
    await tabs.attendee(attendee)  # open, but silent: a frozen tab
    pinging = await tabs.attendee(other)
    for _ in range(4):
        clock.advance(10)
        await ping(pinging)
        await tick()  # does nothing in this mode
    assert await consumer_store.viewers(live_webinar.pk) == [f"r:{other.pk}"]


async def test_hosts_get_the_breakdown_attendees_get_only_the_count(
    tabs, consumer_store, live_webinar, attendee, host_user
):
    other = await database_sync_to_async(make_registration)(live_webinar, "Ben", language="ms")
    watching = await tabs.attendee(attendee)
    await tabs.attendee(other)
    host_key = await database_sync_to_async(host_session)(host_user)
    host = await tabs.open(live_webinar, host_key, mode="host")
    detail = await until(host, "presence_detail", count=3)
    assert detail == {
        "type": "presence_detail",
        "count": 3,
        "registered": 2,
        "guests": 1,
        "languages": {host_user.language: 1, "ms": 1, attendee.language: 1}
        if host_user.language != attendee.language
        else {attendee.language: 2, "ms": 1},
    }
    assert await until(watching, "presence", count=3) == {"type": "presence", "count": 3}
    stray = []
    while not await watching.receive_nothing(timeout=1.2):
        stray.append((await watching.receive_json_from())["type"])
    assert "presence_detail" not in stray


async def test_the_server_process_samples_attendance_without_celery_beat(
    tabs, consumer_store, live_webinar, attendee, settings
):
    settings.DEWAN_ATTENDANCE_SAMPLE_SECONDS = 0.5
    await tabs.attendee(attendee)

    def recorded():
        return AttendanceSample.objects.filter(webinar=live_webinar).exists()

    for _ in range(200):  # up to 20 s: a loaded machine runs the loop late, never early
        if await database_sync_to_async(recorded)():
            break
        await asyncio.sleep(0.1)
    session = await database_sync_to_async(AttendanceSession.objects.get)(webinar=live_webinar)
    assert session.registration_id == attendee.pk
    assert session.left_at is None


async def test_many_sockets_closing_at_once_are_written_to_the_store_in_one_call(
    tabs, consumer_store, live_webinar, attendee, monkeypatch
):
    """A mass disconnect (a proxy restart) must not open one Redis round trip per socket."""
    others = [await database_sync_to_async(make_registration)(live_webinar, f"Viewer {n}") for n in range(20)]
    sockets = [await tabs.attendee(registration) for registration in others]
    calls = []
    real = consumer_store.leave_soon_many

    async def counting(viewers):
        calls.append(sum(len(keys) for keys in viewers.values()))
        await real(viewers)

    monkeypatch.setattr(consumer_store, "leave_soon_many", counting)
    await asyncio.gather(*(comm.disconnect() for comm in sockets))
    assert calls == [20]


async def test_a_large_rooms_count_is_sent_at_most_once_per_interval_and_newcomers_get_the_last_one_sent(
    tabs, consumer_store, live_webinar, settings
):
    """From DEWAN_PRESENCE_LARGE_ROOM viewers on, a changed count waits for the room's interval."""
    settings.DEWAN_PRESENCE_LARGE_ROOM = 2  # two viewers make a large room here
    settings.DEWAN_PRESENCE_LARGE_ROOM_SECONDS = 3600
    people = [await database_sync_to_async(make_registration)(live_webinar, f"V{n}") for n in range(3)]
    watcher = await tabs.attendee(people[0])
    await tabs.attendee(people[1])
    assert await until(watcher, "presence", count=2)  # the first count a room gets is sent at once
    key = await database_sync_to_async(attendee_session)(people[2])
    newcomer = await tabs.open(live_webinar, key, sync=False)
    assert await newcomer.receive_json_from(timeout=5) == {"type": "presence", "count": 2}  # the last sent
    for _ in range(50):  # joins are written in batches (presence.BATCH_SECONDS)
        if await consumer_store.count(live_webinar.pk) == 3:
            break
        await asyncio.sleep(0.05)
    assert await consumer_store.count(live_webinar.pk) == 3
    with pytest.raises(TimeoutError):  # the presence loop ticks every second: 3 is held back
        await until(watcher, "presence", timeout=2.5, count=3)
    settings.DEWAN_PRESENCE_LARGE_ROOM_SECONDS = 0
    assert await until(watcher, "presence", count=3)  # the next tick past the interval sends it
