"""A host demoted mid-session stops hearing the staff stream on the same socket (RELIABILITY R8)."""

from __future__ import annotations

import pytest

from tests.live.conftest import screen_as
from tests.live.helpers import db
from webinar.models import WebinarRole
from webinar.services import questions as question_service

pytestmark = pytest.mark.django_db(transaction=True)


def ask_as(registration, key: str) -> int:
    return question_service.question_submit(
        webinar_id=registration.webinar_id, registration_id=registration.pk, client_key=key, text="A question"
    ).question.pk


async def test_demoted_host_stops_receiving_held_questions_after_the_next_heartbeat(
    room, sockets, monkeypatch
):
    screen_as(monkeypatch, "hold")
    host = await sockets.host(room.webinar, room.host)
    await db(ask_as)(room.aisyah, "before")
    assert (await host.receive_until("staff.question"))["data"]["question"]["status"] == "held"

    await db(WebinarRole.objects.filter(user=room.host).delete)()
    reply = await host.request({"type": "ping"})
    assert reply["code"] == "forbidden", "the heartbeat re-reads the role and says it is gone"

    await db(ask_as)(room.aisyah, "after")
    messages = await host.collect(timeout=0.5)
    assert not [m for m in messages if m.get("stream") == "staff"], messages


async def test_removing_a_role_cuts_every_open_host_socket_off_the_staff_stream_at_once(
    room, sockets, monkeypatch
):
    """Issue 11 item 6: pushed through the layer, no command or heartbeat needed."""
    screen_as(monkeypatch, "hold")
    console, second_tab = (
        await sockets.host(room.webinar, room.host),
        await sockets.host(room.webinar, room.host),
    )
    other_host = await sockets.host(room.webinar, room.organiser)

    await db(WebinarRole.objects.filter(user=room.host).delete)()

    for socket in (console, second_tab):
        told = await socket.receive_until("error")
        assert told["code"] == "forbidden" and "no longer a host" in told["message"]
    await db(ask_as)(room.aisyah, "after")
    for socket in (console, second_tab):
        assert not [m for m in await socket.collect(timeout=0.5) if m.get("stream") == "staff"]
        snapshot = await socket.sync(since=None)
        assert "queue" not in snapshot and snapshot["staff_seq"] is None
    assert (await other_host.receive_until("staff.question"))["data"]["question"]["status"] == "held"


def delete_role_silently(user) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {WebinarRole._meta.db_table} WHERE user_id = %s", [user.pk])  # noqa: S608


async def test_a_demoted_hosts_staff_sync_returns_no_queue_even_before_the_push_arrives(
    room, sockets, monkeypatch
):
    screen_as(monkeypatch, "hold")
    console = await sockets.host(room.webinar, room.host)
    # Remove the role without the signal (as a raw SQL change would): the sync itself re-reads it.
    await db(delete_role_silently)(room.host)
    await console.send({"type": "sync", "since": None, "staff_since": None})
    messages = []
    while not messages or messages[-1]["type"] != "snapshot":
        messages.append(await console.receive())
    assert "queue" not in messages[-1] and messages[-1]["staff_seq"] is None
    assert any(m["type"] == "error" and m["code"] == "forbidden" for m in messages)


def test_losing_superuser_rights_rechecks_every_open_webinar(
    room, monkeypatch, django_capture_on_commit_callbacks
):
    from realtime import broadcast
    from tests.factories import make_user

    admin = make_user(is_superuser=True, is_staff=True)
    sent = []
    monkeypatch.setattr(broadcast, "publish_staff_recheck", lambda *, webinar_id: sent.append(webinar_id))
    with django_capture_on_commit_callbacks(execute=True):
        admin.is_superuser = False
        admin.save()
    assert room.webinar.pk in sent
