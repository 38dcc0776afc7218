"""Replies on the websocket speak the viewer's language."""

from __future__ import annotations

import pytest

from tests.factories import make_registration
from tests.live.helpers import db
from webinar.models import Webinar

pytestmark = pytest.mark.django_db(transaction=True)


async def test_malay_attendee_is_told_in_malay_that_questions_are_paused(room, sockets):
    await db(Webinar.objects.filter(pk=room.webinar.pk).update)(questions_paused=True)
    siti = await db(make_registration)(room.webinar, "Siti", "siti@example.com", language="ms")
    malay = await sockets.attendee(siti)
    english = await sockets.attendee(room.aisyah)
    frame = {"type": "ask", "client_key": "k1", "text": "Boleh tanya?"}
    assert (await malay.request(frame))["message"] == "Hos telah menjeda soalan buat masa ini."
    assert (await english.request(frame))["message"] == "The hosts have paused questions for now."
