"""Who may open the live socket, and what they are told first (RELIABILITY R7, R8)."""

from __future__ import annotations

import pytest

from realtime.protocol import PROTOCOL_VERSION
from tests.factories import make_host, make_live_webinar, make_registration, make_user
from tests.live.helpers import attendee_session, db, host_session, refusal
from webinar.live_state import stage_key
from webinar.models import Registration

pytestmark = pytest.mark.django_db(transaction=True)


async def test_attendee_is_welcomed_with_the_protocol_version_then_gets_a_snapshot(room, sockets):
    live = await sockets.attendee(room.aisyah)
    assert live.welcome["protocol"] == PROTOCOL_VERSION
    assert live.welcome["role"] == "attendee"
    assert live.welcome["config"]["registration_id"] == room.aisyah.pk
    config = {"heartbeat_seconds", "max_question_chars", "max_frame_bytes", "own_resync_seconds"}
    assert config <= set(live.welcome["config"])
    assert live.snapshot["seq"] == live.welcome["seq"]
    assert live.snapshot["staff_seq"] is None
    assert "queue" not in live.snapshot


async def test_host_is_welcomed_as_staff_and_the_snapshot_has_the_moderation_queue(room, sockets):
    live = await sockets.host(room.webinar, room.host)
    assert live.welcome["role"] == "host"
    assert live.welcome["staff_seq"] is not None
    assert live.snapshot["queue"] == []
    assert live.snapshot["staff_seq"] == live.welcome["staff_seq"]


async def test_missing_or_foreign_origin_is_refused(room, sockets):
    session_key = await db(attendee_session)(room.aisyah)
    for origin in (None, b"http://evil.example"):
        connected, _comm = await sockets.open(room.webinar.slug, session_key=session_key, origin=origin)
        assert not connected


async def test_unregistered_visitor_is_refused_before_joining(room, sockets):
    connected, comm = await sockets.open(room.webinar.slug)
    assert connected  # accepted only to say why, then closed
    error, code = await refusal(comm)
    assert error == {"type": "error", "code": "forbidden", "message": error["message"]}
    assert code == 4403


async def test_waitlisted_or_cancelled_registration_is_refused(room, sockets):
    await db(Registration.objects.filter(pk=room.ben.pk).update)(status=Registration.Status.CANCELLED)
    session_key = await db(attendee_session)(room.ben)
    _connected, comm = await sockets.open(room.webinar.slug, session_key=session_key)
    error, code = await refusal(comm)
    assert (error["code"], code) == ("forbidden", 4403)


async def test_host_of_another_webinar_is_refused(room, sockets):
    def other_host():
        other = make_live_webinar()
        return make_host(other, make_user(name="Elsewhere"))

    stranger = await db(other_host)()
    session_key = await db(host_session)(stranger)
    _connected, comm = await sockets.open(room.webinar.slug, session_key=session_key, mode="host")
    error, code = await refusal(comm)
    assert (error["code"], code) == ("forbidden", 4403)


async def test_attendee_asking_for_host_mode_is_refused(room, sockets):
    session_key = await db(attendee_session)(room.aisyah)
    _connected, comm = await sockets.open(room.webinar.slug, session_key=session_key, mode="host")
    error, code = await refusal(comm)
    assert (error["code"], code) == ("forbidden", 4403)


async def test_unknown_webinar_is_refused(room, sockets):
    _connected, comm = await sockets.open("no-such-webinar")
    error, code = await refusal(comm)
    assert (error["code"], code) == ("forbidden", 4403)


async def test_stage_with_a_valid_key_sees_public_state_and_cannot_ask(room, sockets):
    key = await db(stage_key)(room.webinar)
    connected, comm = await sockets.open(room.webinar.slug, mode="stage", key=key)
    assert connected
    welcome = await comm.receive_json_from()
    assert welcome["role"] == "stage"
    await comm.send_json_to({"type": "ask", "client_key": "k1", "text": "Hello?"})
    reply = await comm.receive_json_from()
    assert (reply["type"], reply["code"]) == ("error", "forbidden")


async def test_stage_with_a_key_for_another_webinar_is_refused(room, sockets):
    other = await db(make_live_webinar)()
    key = await db(stage_key)(other)
    _connected, comm = await sockets.open(room.webinar.slug, mode="stage", key=key)
    error, code = await refusal(comm)
    assert (error["code"], code) == ("forbidden", 4403)


async def test_registration_of_another_webinar_does_not_open_this_one(room, sockets):
    def elsewhere():
        return make_registration(make_live_webinar(), "Chen", "chen@example.com")

    chen = await db(elsewhere)()
    session_key = await db(attendee_session)(chen)  # the session names the other webinar only
    _connected, comm = await sockets.open(room.webinar.slug, session_key=session_key)
    error, code = await refusal(comm)
    assert (error["code"], code) == ("forbidden", 4403)


async def test_registering_in_a_browser_does_not_let_it_connect_until_it_opens_the_join_link(room, sockets):
    """docs/protocol.md "Who may connect": only the e-mailed join link binds a browser (docs/privacy.md)."""
    from django.test import Client
    from django.urls import reverse

    from webinar.services.notifications import join_url

    browser = Client()
    data = {"name": "Siti", "email": "siti@example.com", "language": "en", "consent": "on"}
    response = await db(browser.post)(reverse("webinar:detail", args=[room.webinar.slug]), data)
    assert response.status_code == 302
    registration = await db(Registration.objects.get)(email="siti@example.com")
    assert registration.status == Registration.Status.CONFIRMED

    connected, comm = await sockets.open(room.webinar.slug, session_key=browser.session.session_key)
    assert connected
    error, code = await refusal(comm)
    assert (error["code"], code) == ("forbidden", 4403)

    link = "/" + (await db(join_url)(registration)).split("://", 1)[1].split("/", 1)[1]
    assert (await db(browser.get)(link)).status_code == 302
    live = await sockets.join(room.webinar, session_key=browser.session.session_key)
    assert live.welcome["role"] == "attendee"
    assert live.welcome["config"]["registration_id"] == registration.pk


async def test_a_closed_socket_leaves_its_room_without_a_hop_to_the_services_thread(
    room, sockets, monkeypatch
):
    """Channels' stock disconnect queued ``close_old_connections`` on the services' single thread for
    every closing socket; the live socket's database calls close old connections themselves."""
    from channels import db as channels_db

    from realtime.broadcast import get_hub

    hops: list[str] = []
    real = channels_db.close_old_connections

    def counted() -> None:
        hops.append("close_old_connections")
        real()

    monkeypatch.setattr(channels_db, "close_old_connections", counted)
    live = await sockets.attendee(room.aisyah)
    hub = get_hub()
    assert len(hub.rooms[room.webinar.pk].everyone) == 1
    hops.clear()

    await live.comm.disconnect()

    assert hops == []
    assert room.webinar.pk not in hub.rooms or not hub.rooms[room.webinar.pk].everyone
