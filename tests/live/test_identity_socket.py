"""Over the websocket too, an account reaches a registration only through a verified e-mail."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.factories import make_user
from tests.live.helpers import db, host_session, refusal

pytestmark = pytest.mark.django_db(transaction=True)


async def test_an_unverified_account_with_the_attendees_email_cannot_join_or_ask_as_them(room, sockets):
    impostor = await db(make_user)("aisyah@example.com", "Not Aisyah")
    _connected, comm = await sockets.open(room.webinar.slug, session_key=await db(host_session)(impostor))
    error, code = await refusal(comm)
    assert (error["code"], code) == ("forbidden", 4403)


async def test_a_verified_account_joins_as_the_registration_with_its_email(room, sockets):
    owner = await db(make_user)("aisyah@example.com", "Aisyah", email_verified_at=timezone.now())
    live = await sockets.join(room.webinar, session_key=await db(host_session)(owner))
    assert live.welcome["role"] == "attendee"
    assert live.welcome["config"]["registration_id"] == room.aisyah.pk
    reply = await live.request({"type": "ask", "client_key": "k1", "text": "Is this recorded?"})
    assert reply["type"] == "ack"
