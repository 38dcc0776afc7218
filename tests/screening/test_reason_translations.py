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


def test_a_care_item_shows_the_support_message_once_however_many_reasons_call_for_it(live_webinar):
    language = "en"
    from tests.live.trust import ask

    author = make_registration(live_webinar, language=language)
    question = ask(author, "care-twice", "i want to kill myself, nobody cares")
    with translation.override(language):
        reasons = staff_question(question)["screening"]["reasons"]
        support = translation.gettext(messages.SUPPORT)
    codes = [reason["code"] for reason in reasons]
    assert question.care and {"self_harm.phrase", "model.self_harm"} <= set(codes), codes
    assert sum(reason["message"].count(support) for reason in reasons) == 1
    assert reasons[0]["message"].endswith(support), "after the first reason that calls for it"
