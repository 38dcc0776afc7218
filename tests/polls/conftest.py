"""A scheduled webinar with a host, polls of every kind prepared before the event, then live."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.factories import make_host, make_registration, make_user, make_webinar
from webinar.campaigns.models import Poll
from webinar.campaigns.services.polls import poll_create
from webinar.models import Webinar
from webinar.services.lifecycle import webinar_transition


@dataclass
class Room:
    webinar: Webinar
    organiser: object
    host: object
    single: Poll
    multiple: Poll
    rating: Poll
    words: Poll

    def go_live(self) -> None:
        self.webinar = webinar_transition(webinar=self.webinar, actor=self.organiser, to=Webinar.Status.LIVE)

    def attendee(self):
        return make_registration(self.webinar)


def prepare_polls(webinar: Webinar, actor) -> dict[str, Poll]:
    choices = [
        {"en": "Yes", "ms": "Ya"},
        {"en": "No", "ms": "Tidak"},
        {"en": "Not sure", "ms": "Tidak pasti"},
    ]
    return {
        "single": poll_create(
            actor=actor,
            webinar_id=webinar.pk,
            kind="single",
            question_en="Do you check before you share?",
            question_ms="Adakah anda semak sebelum berkongsi?",
            options=choices,
        ),
        "multiple": poll_create(
            actor=actor,
            webinar_id=webinar.pk,
            kind="multiple",
            question_en="Where do you get news?",
            question_ms="Dari mana anda dapat berita?",
            options=[
                {"en": "TikTok", "ms": "TikTok"},
                {"en": "WhatsApp", "ms": "WhatsApp"},
                {"en": "TV", "ms": "TV"},
            ],
        ),
        "rating": poll_create(
            actor=actor, webinar_id=webinar.pk, kind="rating", question_en="Rate this session", question_ms=""
        ),
        "words": poll_create(
            actor=actor,
            webinar_id=webinar.pk,
            kind="words",
            question_en="One word for online hate?",
            question_ms="Satu perkataan untuk kebencian dalam talian?",
        ),
    }


@pytest.fixture
def room(db) -> Room:
    organiser = make_user(name="Organiser")
    webinar = make_webinar(organiser=organiser)
    host = make_host(webinar)
    polls = prepare_polls(webinar, host)
    return Room(webinar=webinar, organiser=organiser, host=host, **polls)
