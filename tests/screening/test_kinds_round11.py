"""Round 11 (docs/screening.md, "Round 11"): self-harm wording reported of a third person is not the
author's self-harm (docs/screening-guidelines.md, self_harm row). A kinship or social noun or a third-person
pronoun (my niece, adik saya, kawan i, she, dia, mereka) reported by a verb of saying, typing, posting or
threatening keeps both the self-harm rules and the self_harm model head from routing the comment to care;
the author's own wording ("I", "me", "aku", "saya" as a subject, the author with someone else, the author
as the one told to do it) still goes to care. Only self_harm: an insult in the same comment is held as
before. Wordings are these tests' own, apart from the one published example of the tests that round 11's
model held ("my niece keeps typing kms after every lost match")."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_held_as, verdict
from tests.screening.test_kinds_round3 import assert_published
from webinar.screening import model, rules
from webinar.screening.normalise import normalise

THIRD_PARTY_REPORTED = [
    # English
    "my niece keeps typing kms after every lost match",
    "my niece keeps typing kms after every lost match, is that normal?",
    "bro my cousin keep typing kms every match",
    "my brother posted that he wants to kill himself",
    "the scammer threatened to kill himself",
    "my friend told me she wants to die",
    "my sister keeps saying she wants to die, how do I help her",
    "my teenager texted kms after the results, what should i do?",
    # Malay
    "adik saya taip kms lepas kalah game",
    "anak saya selalu taip kms bila kalah game",
    "Kawan sekelas anak saya hantar mesej nak mati, siapa patut saya hubungi?",
    "mereka cakap nak mati je",
    # Manglish
    "kawan i asyik taip kms bila kalah",
    "Excuse me, my nephew typed kms after losing a game, should we talk to him?",
    "Salam, anak buah saya taip kms lepas kalah game, patut risau ke?",
]

AUTHORS_OWN = [
    "my niece said I should kms",  # the author as the one told to do it
    "my friend said i should kill myself",
    "my friend and I both want to die",  # the author with someone else
    "my friend and I said we want to die",
    "me and my niece both want to die",
    "me and my brother both want to kill ourselves",
    "my son keeps typing kms when he loses, and I want to die too",
    "I keep typing kms lol",  # the author's own joke is still self_harm (guideline)
    "aku taip kms sebab kalah",
    "aku dan kawan aku dua dua nak mati",
    "saya dengan adik saya sama sama nak bunuh diri",
    "adik saya cakap saya patut bunuh diri",
    "I told my friend I want to die",
]


@pytest.mark.parametrize("text", THIRD_PARTY_REPORTED)
def test_self_harm_reported_of_a_third_person_is_published_and_the_self_harm_head_stays_quiet(text):
    assert_published(text)
    v = verdict(text)
    assert "self_harm" not in v.fired, (text, v.heads)


@pytest.mark.parametrize("text", AUTHORS_OWN)
def test_the_authors_own_self_harm_still_goes_to_care(text):
    assert_held_as(text, "self_harm")


def test_the_head_reaches_its_threshold_on_a_reported_kms_and_is_kept_quiet_by_the_third_person_rule():
    # The rule must be what publishes it: the head alone would hold it for care.
    text = "my niece keeps typing kms after every lost match"
    threshold = model.load().thresholds["standard"]["self_harm"]["en"]
    v = verdict(text)
    assert v.heads["self_harm"] >= threshold, v.heads
    assert v.action == "publish" and "self_harm" not in v.categories


def test_an_insult_beside_reported_self_harm_is_still_held():
    assert_held_as("my niece keeps typing kms after every lost match, you idiot host", "insult")


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("my niece keeps typing kms after every lost match", True),
        ("adik saya taip kms lepas kalah game", True),  # "saya" after a kinship noun is a possessive
        ("anak buah saya taip kms lepas kalah game, patut risau ke?", True),  # two words after it too
        ("excuse me, my nephew typed kms after losing a game", True),
        ("I told my friend I want to die", False),  # an English "I" after "friend" is the author
        ("dia cakap kat saya dia nak mati", True),  # "kat saya": the author is the addressee
        ("my friend told me she wants to die", True),
        ("my teenager texted kms, what should i do?", True),  # a question asking what to do
        ("my niece keeps typing kms and why do I feel the same?", False),  # not asking what to do
        ("my niece said I should kms", False),
        ("I told my friend I want to die", False),  # the author is the subject of the saying
        ("my niece keeps losing every match", False),  # no verb of saying
        ("I keep typing kms", False),  # no third person
    ],
)
def test_self_harm_is_read_as_reported_only_with_a_third_person_a_reporting_verb_and_no_author_cue(
    text, reported
):
    norm = normalise(text)
    assert rules.self_harm_reported(rules.Words(norm), norm) is reported
