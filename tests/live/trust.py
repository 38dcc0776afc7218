"""Helpers for the trust-and-safety tests: real screening, host commands over websocket and HTTP."""

from __future__ import annotations

import json

from django.test import Client

from tests.live.helpers import db
from webinar.models import Question
from webinar.services import questions as question_service

CARE_TEXT = "Saya rasa nak bunuh diri, tak tahan lagi"
PHONE_TEXT = "Boleh hubungi saya? Nombor saya 012-345 6789 ya"


def ask(registration, key: str, text: str, **extra) -> Question:
    """Submit through the service with the real screening pipeline (no stubbed verdicts)."""
    return question_service.question_submit(
        webinar_id=registration.webinar_id,
        registration_id=registration.pk,
        client_key=key,
        text=text,
        **extra,
    ).question


def http_command(webinar, user, frame: dict) -> tuple[int, dict]:
    """Send a host command over HTTP (POST /w/<slug>/host/command/) as the signed-in ``user``."""
    client = Client()
    client.force_login(user)
    response = client.post(
        f"/w/{webinar.slug}/host/command/", data=json.dumps(frame), content_type="application/json"
    )
    return response.status_code, response.json()


class HostCommands:
    """Send one host command over the websocket or over HTTP and get the reply message."""

    def __init__(self, transport: str, sockets, room):
        self.transport, self.sockets, self.room = transport, sockets, room
        self.live = None

    async def send(self, frame: dict, *, user=None) -> dict:
        user = user or self.room.host
        if self.transport == "http":
            _status, reply = await db(http_command)(self.room.webinar, user, frame)
            return reply
        if self.live is None:
            self.live = await self.sockets.host(self.room.webinar, user)
        return await self.live.request(frame)


def question_row(question_id: int) -> dict:
    return (
        Question.objects.filter(pk=question_id)
        .values("status", "text", "care", "pinned", "answered_at")
        .get()
    )
