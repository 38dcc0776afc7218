"""Round 6 of issue 13 (docs/screening.md, "Round 6"): kinds that the fresh file `heldout_7` showed, each as
a general rule, with wordings of these tests' own (none is copied from a held-out file). Each kind has held
examples and the benign lookalikes that must stay published."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_held_as
from tests.screening.test_kinds_round3 import assert_published


@pytest.mark.parametrize(
    "text",
    [
        "miss you look so thicc in that dress",
        "speaker so sexy tonight, nak tengok lagi boleh?",
        "buying pics of your feet, name your price",
        "anyone selling worn socks? i pay well",
        "jom video call tanpa baju malam ni",
        "nak tengok awak pakai lingerie next time",
        "sesiapa nak ONS kat KL weekend ni, pm",
        "who wants to watch me strip on webcam",
        "that moderator is so fckable",
        "you seem like you like it rough",
    ],
)
def test_sexual_talk_without_a_listed_body_word_is_held(text):
    assert_held_as(text, "sexual")


@pytest.mark.parametrize(
    "text",
    [
        "my feet hurt after standing at the booth all day",
        "can we switch on the camera without a virtual background?",
        "Siapa nak buat projek sains dengan anak saya?",
        "the road to the venue is rough after the rain",
    ],
)
def test_everyday_lookalikes_of_sexual_talk_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "we know which taman you live in, admin",
        "aku tahu kau duduk kat mana, hati hati",
        "nanti aku pergi rumah dia bawa pisau",
        "gonna kick that mod until he cant stand",
    ],
)
def test_threats_by_implication_are_held(text):
    assert_held_as(text, "threat")


@pytest.mark.parametrize(
    "text",
    [
        "do scammers know where I live if I click the link?",
        "i know where the venue is, see you there",
        "the physio said to walk daily until i can walk without pain",
        "i went home to get my knife for the cooking demo",
        "i know where you can find the slides",
    ],
)
def test_everyday_lookalikes_of_threats_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "jom kita semua raid dia punya tiktok",
        "everyone call the speaker at 4am tonight haha",
        "let's create fake accounts and mock her every day",
        "buat group whatsapp untuk kutuk budak tu",
    ],
)
def test_pile_ons_without_the_word_report_are_held(text):
    assert verdict_held(text), text


@pytest.mark.parametrize(
    "text",
    [
        "every bangla I have worked with was a cheat, the whole lot of them",
        "ladies don't belong on the stage of a tech conference",
        "orang asli tu primitive",
        "the whole race is lazy",
    ],
)
def test_hate_by_anecdote_role_or_trait_is_held(text):
    assert_held_as(text, "hate")


@pytest.mark.parametrize(
    "text",
    [
        "i might jump off the bridge near my office tonight",
        "searching for painless ways to die tonight",
        "if i am gone tomorrow, tell my sister i am sorry",
    ],
)
def test_self_harm_by_place_method_search_or_farewell_reaches_care(text):
    assert_held_as(text, "self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "what are painless ways to go about reporting a scam?",
        "the train platform was packed, I nearly could not get off",
    ],
)
def test_everyday_lookalikes_of_self_harm_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "want passive income? join our telegram group now, fast cash guaranteed",
        "15% return monthly guaranteed, wassap i",
        "blue tick verification cheap cheap, inbox us",
    ],
)
def test_spam_offers_through_a_contact_without_a_link_are_held(text):
    assert_held_as(text, "spam")


def test_a_card_number_printed_in_groups_of_four_beside_a_card_word_is_personal_data():
    assert_held_as("my debit card 4111 2222 3333 4440 got leaked, what now", "personal_data")


def test_sixteen_digits_with_no_card_word_and_no_luhn_pass_are_published():
    assert_published("ticket ref 4111 2222 3333 4440 for the workshop")


@pytest.mark.parametrize(
    "text",
    [
        "which game has the best bastard sword build?",
        "my kid's alarm plays cock a doodle doo every morning",
    ],
)
def test_false_friends_are_published(text):
    assert_published(text)


def verdict_held(text: str) -> bool:
    from tests.screening.test_kinds import verdict

    return verdict(text).action != "publish"


# False holds (docs/screening.md, "Round 6"): help-seeking reports, supportive negation, talk about a word,
# answers to whoever said a generalisation, news of an enforcement action.


@pytest.mark.parametrize(
    "text",
    [
        "nobody is really a loser for asking questions",
        "bodoh tu perkataan yang kurang sopan kan",
        "apa maksud bengap sebenarnya?",
        "the word stupid is not allowed in our house",
        "whoever says indians are lazy is simply wrong",
        "my teenager texted kms after the results, what should i do?",
        "polis tumpaskan sindiket judi online di Johor",
        "people are spamming her tiktok comments, how do we stop it?",
    ],
)
def test_reported_supportive_and_meta_uses_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "you are an idiot",
        "bodoh la kau ni",
        "indians are lazy",
        "main judi online sini, bonus 100%",
        "everyone spam her tiktok comments tonight",
    ],
)
def test_the_same_words_said_outright_are_still_held(text):
    assert verdict_held(text), text
