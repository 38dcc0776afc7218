"""Deleting your data, cancelling or re-registering ends that registration's access everywhere at once.

Every browser that opened the join link is refused from then on (the session's key no longer
matches the registration's join secret), and sockets already open are told why and closed with
4403; an attendee command on a socket that missed that push is refused the same way.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from tests.live.helpers import TIMEOUT, Live, db, refusal
from webinar.models import Question, Registration, Vote
from webinar.services import notifications
from webinar.services.privacy import attendee_data_delete
from webinar.services.registration import registration_cancel, registration_create

pytestmark = pytest.mark.django_db(transaction=True)


def open_join_link(registration: Registration) -> str:
    """A browser (a phone, a laptop) opens the e-mailed join link; returns its session key."""
    registration = Registration.objects.get(pk=registration.pk)  # its current join secret
    browser = Client()
    response = browser.get(notifications.join_url(registration).removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 302 and response["Location"].endswith("/live/"), response
    return browser.cookies["sessionid"].value


def browser_for(session_key: str) -> Client:
    browser = Client()
    browser.cookies["sessionid"] = session_key
    return browser


async def closed_with(live: Live) -> tuple[dict, int]:
    """Read until the server closes the socket: the last error frame and the close code."""
    error = None
    while True:
        output = await live.comm.receive_output(TIMEOUT)
        if output["type"] == "websocket.close":
            return error, output["code"]
        message = json.loads(output["text"])
        if message["type"] == "error":
            error = message


async def test_a_phone_that_opened_the_join_link_is_refused_after_the_data_is_deleted(
    room, sockets, publish_everything
):
    phone_key = await db(open_join_link)(room.aisyah)
    laptop_key = await db(open_join_link)(room.aisyah)
    phone = await sockets.join(room.webinar, session_key=phone_key)
    ben = await sockets.attendee(room.ben)

    def delete_from_the_laptop():
        response = browser_for(laptop_key).post(
            reverse("webinar:my_data_delete", args=[room.webinar.slug]), {"confirm": "delete"}
        )
        assert response.status_code == 200

    await db(delete_from_the_laptop)()

    error, code = await closed_with(phone)
    assert (error["code"], code) == ("not_registered", 4403), "the open phone socket is closed at once"
    await ben.send({"type": "ping"})
    assert (await ben.receive_until("pong"))["type"] == "pong", "someone else's socket is untouched"

    _connected, again = await sockets.open(room.webinar.slug, session_key=phone_key)
    error, code = await refusal(again)
    assert (error["code"], code) == ("forbidden", 4403), "the phone cannot join again"

    def phone_pages():
        phone_browser = browser_for(phone_key)
        live_page = phone_browser.get(reverse("webinar:live", args=[room.webinar.slug]))
        my_data = phone_browser.get(reverse("webinar:my_data", args=[room.webinar.slug]))
        return live_page.status_code, my_data.status_code

    assert await db(phone_pages)() == (302, 404)


async def test_a_socket_that_missed_the_push_cannot_ask_vote_or_sync_after_deletion(
    room, sockets, publish_everything, monkeypatch, settings
):
    """The layer delivers at most once: the push may be lost, the per-command check is not.

    A ping re-checks once ``DEWAN_ACCESS_RECHECK_SECONDS`` have passed since the last check (0 here).
    """
    settings.DEWAN_ACCESS_RECHECK_SECONDS = 0
    lost = []
    monkeypatch.setattr(
        "realtime.broadcast.publish_revoke", lambda **kwargs: lost.append(kwargs["registration_id"])
    )
    phone = await sockets.join(room.webinar, session_key=await db(open_join_link)(room.aisyah))
    published = (
        await (await sockets.attendee(room.ben)).request(
            {"type": "ask", "client_key": "b1", "text": "Ben asks"}
        )
    )["question"]["id"]

    await db(attendee_data_delete)(registration=await db(Registration.objects.get)(pk=room.aisyah.pk))
    assert lost == [room.aisyah.pk], "the push was dropped (fault injected)"

    await phone.send({"type": "ask", "client_key": "p1", "text": "My number is 012-345 6789"})
    error, code = await closed_with(phone)
    assert (error["code"], error["client_key"], code) == ("not_registered", "p1", 4403)
    assert not await db(Question.objects.filter(client_key="p1").exists)()

    for frame in (
        {"type": "vote", "client_key": "v1", "question_id": published, "value": True},
        {"type": "sync", "since": 0},
        {"type": "ping"},
    ):
        live = await sockets.join(room.webinar, session_key=await db(open_join_link)(room.ben), sync=False)
        assert live.welcome["config"]["registration_id"] == room.ben.pk
        # the same check guards every command: shown here on a socket whose access is then revoked
        await db(registration_cancel)(registration=await db(Registration.objects.get)(pk=room.ben.pk))
        await live.send(frame)
        error, code = await closed_with(live)
        assert (error["code"], code) == ("not_registered", 4403), frame
        assert error["for_type"] == frame["type"]
        await db(Registration.objects.filter(pk=room.ben.pk).update)(status=Registration.Status.CONFIRMED)
    assert not await db(Vote.objects.filter(question_id=published).exists)()


async def test_cancelling_closes_the_open_sockets_of_that_registration(room, sockets):
    phone = await sockets.join(room.webinar, session_key=await db(open_join_link)(room.aisyah))
    await db(registration_cancel)(registration=room.aisyah)
    error, code = await closed_with(phone)
    assert (error["code"], code) == ("not_registered", 4403)


async def test_re_registering_after_cancelling_does_not_revive_old_sessions_or_links(room, sockets):
    old_key = await db(open_join_link)(room.aisyah)
    old_link = await db(notifications.join_url)(room.aisyah)
    await db(registration_cancel)(registration=room.aisyah)
    renewed = await db(registration_create)(
        webinar=room.webinar, name="Aisyah", email="aisyah@example.com", consent=True
    )
    assert renewed.pk == room.aisyah.pk and renewed.status == Registration.Status.CONFIRMED

    _connected, comm = await sockets.open(room.webinar.slug, session_key=old_key)
    error, code = await refusal(comm)
    assert (error["code"], code) == ("forbidden", 4403), "the session from before cancelling is dead"
    response = await db(Client().get)(old_link.removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 403, "the link from before cancelling is dead"

    new_key = await db(open_join_link)(renewed)
    live = await sockets.join(room.webinar, session_key=new_key)
    assert live.welcome["config"]["registration_id"] == renewed.pk, "the new e-mail's link works"
