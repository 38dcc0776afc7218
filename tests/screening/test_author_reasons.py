"""What the author is told of a held question: one reason per category, the most specific, each word once.

Screening keeps every finding for the hosts (a threat phrase, the word list's entry for the same words,
the model's head); to a reader they repeat one another (webinar/screening/messages.py,
``reader_reasons``). The texts are screened for real, in English and Malay.
"""

from __future__ import annotations

import pytest

from tests.factories import make_registration
from webinar.models import Question
from webinar.representations import own_question, staff_question
from webinar.screening import Policy, messages, screen

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(live_webinar):
    made = []

    def ask(text: str, language: str) -> Question:
        verdict = screen(text, policy=Policy()).as_dict()
        assert verdict["action"] != "publish"
        question = Question.objects.create(
            webinar=live_webinar,
            author=make_registration(live_webinar, language=language),
            text=text,
            client_key=f"k{len(made)}",
            status="held",
            screening=verdict,
            screening_categories=verdict["categories"],
        )
        made.append(question)
        return question

    return ask


def told(question: Question, language: str) -> list[tuple[str, str]]:
    return [(r["code"], r["message"]) for r in own_question(question, language=language)["reasons"]]


@pytest.mark.parametrize("language", ["en", "ms"])
def test_two_threat_rules_and_the_model_on_the_same_words_are_told_once_with_every_word(held, language):
    question = held("kill yourself, nobody wants you here, kys", "en")
    codes = [r["code"] for r in question.screening["reasons"]]
    assert codes.count("threat.incite") == 2 and "threat.lexicon" in codes and "model.threat" in codes

    assert told(question, language) == [
        ("threat.incite", messages.render_in("threat.incite", language, ["kill yourself", "kys"])),
        ("insult.phrase", messages.render_in("insult.phrase", language, "nobody wants you")),
    ]
    # The hosts keep every finding.
    assert len(staff_question(question)["screening"]["reasons"]) == len(codes)


@pytest.mark.parametrize("language", ["en", "ms"])
def test_a_threat_inside_a_longer_threat_is_told_as_the_longer_one(held, language):
    question = held("I will find you and stab you", "en")
    assert told(question, language) == [
        ("threat.phrase", messages.render_in("threat.phrase", language, "I will find you and stab you"))
    ]


@pytest.mark.parametrize("language", ["en", "ms"])
def test_overlapping_malay_threats_are_told_once_as_one_stretch_of_the_text(held, language):
    question = held("pergi mati la kau, bunuh diri je", "ms")
    assert {r["code"] for r in question.screening["reasons"]} >= {"threat.phrase", "threat.incite"}
    ((code, message),) = told(question, language)
    assert code in {"threat.phrase", "threat.incite"}
    assert message == messages.render_in(code, language, "pergi mati la kau")


@pytest.mark.parametrize("language", ["en", "ms"])
def test_two_malay_threat_phrases_and_two_model_heads_are_one_reason(held, language):
    question = held("aku bunuh kau, jaga-jaga kau", "ms")
    assert [r["code"] for r in question.screening["reasons"]].count("threat.phrase") == 2
    assert told(question, language) == [
        ("threat.phrase", messages.render_in("threat.phrase", language, ["aku bunuh kau", "jaga kau"]))
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("you stupid idiot moron", ["stupid", "idiot", "moron"]),
        ("kau bodoh, bangang, bengap", ["bodoh", "bangang", "bengap"]),
    ],
    ids=["en", "ms"],
)
def test_several_insulting_words_are_one_reason_naming_each(held, text, words):
    question = held(text, "en")
    for language in ("en", "ms"):
        assert told(question, language) == [
            ("insult.lexicon", messages.render_in("insult.lexicon", language, words))
        ]


def test_different_kinds_of_personal_data_each_keep_their_reason(held):
    question = held("call me 012-3456789 or email ali@example.com", "en")
    assert [code for code, _ in told(question, "ms")] == ["pii.email", "pii.phone", "spam.pattern"]
    assert "012" not in " ".join(message for _, message in told(question, "en"))
