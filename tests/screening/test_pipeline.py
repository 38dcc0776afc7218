"""The public API: verdicts, policies and failure behaviour."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from webinar.screening import (
    CATEGORIES,
    Context,
    Policy,
    ScreeningError,
    Verdict,
    model,
    policy_from_settings,
    screen,
    screen_many,
)
from webinar.screening import messages as screening_messages


def test_a_benign_question_is_published_with_a_model_score_and_version():
    verdict = screen("How do I report a fake account on TikTok?")
    assert verdict.action == "publish"
    assert verdict.categories == ()
    assert 0.0 <= verdict.score <= 1.0
    assert verdict.model_version.startswith("heads-")
    assert set(verdict.heads) == {"abuse", "hate", "sexual", "threat", "self_harm", "spam"}
    assert verdict.fired == ()
    assert verdict.top_features


def test_verdict_as_dict_is_json_serialisable_and_complete():
    data = screen("Shut up you moron").as_dict()
    json.dumps(data)
    assert set(data) == {
        "action",
        "categories",
        "reasons",
        "score",
        "model_version",
        "language",
        "top_features",
        "heads",
        "fired",
        "shadow_action",
        "counter_speech",
        "quiet",
    }
    reason = data["reasons"][0]
    assert set(reason) >= {
        "code",
        "category",
        "severity",
        "start",
        "end",
        "matched",
        "message_en",
        "message_ms",
    }


def test_reasons_carry_the_original_span_and_both_languages():
    text = "Kau ni ＢＯＤＯＨ ke?"
    verdict = screen(text)
    reason = next(r for r in verdict.reasons if r.code == "insult.lexicon")
    assert text[reason.start : reason.end] == reason.matched == "ＢＯＤＯＨ"
    assert reason.message("ms") != reason.message("en")
    assert all(c in CATEGORIES for c in verdict.categories)


def test_self_harm_is_held_for_care_with_support_resources():
    verdict = screen("saya nak bunuh diri")
    assert verdict.action == "hold"
    assert "self_harm" in verdict.categories
    codes = [r.code for r in verdict.reasons]
    # The helplines are shown once per question, after its first self-harm reason (support_once).
    shown_ms = screening_messages.support_once(codes, [r.message_ms for r in verdict.reasons], "ms")
    shown_en = screening_messages.support_once(codes, [r.message_en for r in verdict.reasons], "en")
    first = next(i for i, r in enumerate(verdict.reasons) if r.category == "self_harm")
    assert "15555" in shown_ms[first] and "Befrienders" in shown_en[first]
    assert sum("Befrienders" in text for text in shown_en) == 1


def test_self_harm_is_never_blocked_or_published_whatever_the_policy():
    for actions in ({"self_harm": "publish"}, {"self_harm": "block"}, {"profanity": "block"}):
        verdict = screen(
            "fuck this, I want to kill myself", policy=Policy(strictness="strict", category_actions=actions)
        )
        assert verdict.action == "hold"


def test_swearing_that_is_not_a_mild_intensifier_holds_at_standard():
    verdict = screen("shit that was useful")
    assert verdict.action == "hold"
    assert "profanity.lexicon" in {r.code for r in verdict.reasons}


def test_severe_abuse_is_held_at_standard_and_blocked_at_strict():
    assert screen("pukimak punya speaker").action == "hold"
    assert screen("pukimak punya speaker", policy=Policy(strictness="strict")).action == "block"


def test_category_actions_override_the_default():
    assert screen("knn", policy=Policy(category_actions={"profanity": "block"})).action == "block"
    assert screen("knn", policy=Policy(category_actions={"profanity": "publish"})).action in (
        "publish",
        "hold",
    )


def test_link_policy_decides_links():
    text = "Slides at https://example.com/slides"
    assert screen(text, policy=Policy(link_policy="allow")).action == "publish"
    assert screen(text, policy=Policy(link_policy="hold")).action == "hold"
    assert screen(text, policy=Policy(link_policy="block")).action == "block"


def test_organiser_blocked_terms_match_after_normalisation():
    policy = Policy(blocked_terms=("competitor brand", "zoom"))
    verdict = screen("Is Competitor-Brand better? Or ZOOOM?", policy=policy)
    assert verdict.action == "hold"
    assert "custom" in verdict.categories
    assert (
        screen("zoom", policy=Policy(blocked_terms=("zoom",), category_actions={"custom": "block"})).action
        == "block"
    )


def test_organiser_allowed_terms_protect_a_word():
    assert screen("Sial").action == "hold"
    assert screen("Sial", policy=Policy(allowed_terms=("sial",))).action == "publish"


def test_hold_all_and_first_time_askers():
    assert screen("Hello", policy=Policy(hold_all=True)).action == "hold"
    first = Context(is_first_question=True)
    assert screen("Hello", policy=Policy(hold_first_time=True), context=first).action == "hold"
    assert screen("Hello", policy=Policy(hold_first_time=True)).action == "publish"


def test_identity_terms_alone_are_not_profanity_but_attacks_are_hate():
    assert screen("Is it haram for Muslims to use dating apps?").action == "publish"
    verdict = screen("Cina babi")
    assert verdict.action == "hold"
    assert "hate" in verdict.categories


def test_screen_many_agrees_with_screen():
    texts = ["Hello", "knn", "saya nak bunuh diri", "Email me at a@b.com"]
    assert [v.action for v in screen_many(texts)] == [screen(t).action for t in texts]


def test_unknown_policy_values_raise_instead_of_returning_a_verdict():
    with pytest.raises(ScreeningError):
        screen("Hello", policy=Policy(strictness="lenient"))
    with pytest.raises(ScreeningError):
        screen("Hello", policy=Policy(link_policy="maybe"))


def test_a_missing_model_raises(monkeypatch, tmp_path):
    monkeypatch.setattr(model, "DATA_DIR", tmp_path)
    monkeypatch.setattr(model, "_model", None)
    with pytest.raises(model.ModelUnavailable):
        screen("Hello")


def test_language_is_detected():
    assert screen("How do I report a fake account?").language == "en"
    assert screen("Bagaimana saya boleh melaporkan akaun palsu?").language == "ms"


def test_policy_from_settings_duck_types_the_model():
    settings = SimpleNamespace(
        strictness="strict",
        blocked_terms="zoom\n  teams \n\n",
        allowed_terms="sial",
        link_policy="block",
        hold_all=False,
        hold_first_time=True,
        category_actions={"spam": "block", "nonsense": "block"},
    )
    policy = policy_from_settings(settings)
    assert policy == Policy(
        strictness="strict",
        blocked_terms=("zoom", "teams"),
        allowed_terms=("sial",),
        link_policy="block",
        hold_first_time=True,
        category_actions={"spam": "block"},
    )
    assert policy_from_settings(None) == Policy()


def test_verdict_type_is_exported():
    assert isinstance(screen("hi"), Verdict)


def test_the_verdict_names_the_model_head_that_held_a_comment():
    verdict = screen("WINNER!! claim your free prize now, text WIN to 80086")
    assert verdict.action != "publish"
    assert verdict.fired == ("spam",), verdict.heads
    assert {f"model.{head}" for head in verdict.fired} <= {r.code for r in verdict.reasons}


def test_the_backend_is_chosen_in_settings(settings):
    from webinar.screening import get_backend
    from webinar.screening.backends import FixedVerdictBackend, PipelineBackend

    settings.DEWAN_SCREENING_BACKEND = "webinar.screening.backends.PipelineBackend"
    assert isinstance(get_backend(), PipelineBackend)
    assert get_backend().screen(text="kau bodoh", policy=Policy(), context=Context())["action"] == "hold"
    settings.DEWAN_SCREENING_BACKEND = "webinar.screening.backends.FixedVerdictBackend"
    settings.DEWAN_SCREENING_FIXED_VERDICT = {"action": "block", "categories": ["custom"]}
    assert isinstance(get_backend(), FixedVerdictBackend)
    verdict = get_backend().screen(text="anything", policy=Policy(), context=Context())
    assert (verdict["action"], verdict["categories"]) == ("block", ["custom"])
