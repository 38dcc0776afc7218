"""Screening reasons are stored as codes and rendered with gettext when shown (one translation system)."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests.factories import make_registration
from webinar.models import Question
from webinar.representations import own_question, staff_question
from webinar.screening import messages

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", sorted(messages.MESSAGES))
def test_every_reason_has_a_malay_translation_in_the_catalogue(code):
    english = messages.render_in(code, "en", "kata", 0.9)
    malay = messages.render_in(code, "ms", "kata", 0.9)
    assert english and malay and english != malay


def test_a_stored_reason_is_shown_in_the_current_translation_not_its_stored_text(live_webinar):
    author = make_registration(live_webinar, language="ms")
    stale = {
        "code": "profanity.lexicon",
        "category": "profanity",
        "severity": 2,
        "start": 0,
        "end": 4,
        "matched": "sial",
        "message_en": "OLD ENGLISH WORDING",
        "message_ms": "TERJEMAHAN LAMA",
    }
    question = Question.objects.create(
        webinar=live_webinar,
        author=author,
        text="sial betul",
        client_key="k",
        status="held",
        screening={"reasons": [stale], "heads": {}},
    )
    mine = own_question(question, language="ms")["reasons"][0]["message"]
    assert mine == messages.render_in("profanity.lexicon", "ms", "sial") and "TERJEMAHAN LAMA" not in mine
    with translation.override("en"):
        hosts = staff_question(question)["screening"]["reasons"][0]["message"]
    assert "OLD ENGLISH WORDING" not in hosts and "sial" in hosts


def test_an_unknown_code_falls_back_to_the_stored_text(live_webinar):
    question = Question.objects.create(
        webinar=live_webinar,
        text="x",
        client_key="k2",
        status="held",
        screening={"reasons": [{"code": "retired.rule", "message_en": "Kept", "message_ms": "Disimpan"}]},
    )
    assert own_question(question, language="ms")["reasons"][0]["message"] == "Disimpan"
