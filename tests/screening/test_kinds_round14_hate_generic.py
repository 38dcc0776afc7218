"""Round 14, hate without a listed word, second part (docs/screening.md, "Round 14: hate without a listed
word"; issue 13, kind 3): dehumanising hate written as a generic singular ("a Bangladeshi is no better than
a rat", `seorang pendatang tu sama macam lalat`, "every Bangladeshi is a cockroach") or as a denial of a
group's humanity ("Rohingya bukan manusia, binatang", "refugees are less than human"), in EN, BM and
Manglish; and the benign look-alikes beside them (one person's act reported, counter-speech that affirms
humanity or denies the animal likening, questions about the stereotype), published at every strictness.
The wordings are these tests' own (guideline: docs/screening-guidelines.md, hate, counter_speech). Every
harmful example must be held by a hate RULE (its code is asserted), not only by the hate head."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_published_everywhere, verdict
from tests.screening.test_kinds_round14_hate import hate_rule_codes

GENERIC_SINGULAR = [
    "a Bangladeshi is no better than a rat",
    "seorang pendatang tu sama macam lalat",
    "an Indian is a snake, never trust one",
    "a Malay will always be lazy",
    "setiap pendatang tu penyangak",
    "every Bangladeshi is a cockroach",
    "each refugee is a parasite on this country",
    "any Indon is a thief",
    "a Chinese is like a leech, sucking our money",
    "seorang bangla tak ubah macam tikus",
    "seorang indon sama je macam anjing",
    "a Rohingya is no better than vermin",
    "one Pakistani is like a disease in this country",
    "setiap orang cina tu lintah",
    "a Nigerian is nothing but a parasite",
    "an African is like a monkey",
    "a foreigner is no better than a cockroach lah",
    "pendatang ni tak ubah macam seekor tikus",
    "a Rohingya is no different from a cockroach",
    "seorang bangla tu memang sejenis parasit",
]

DENIED_HUMANITY = [
    "Rohingya bukan manusia, binatang",
    "orang bangla bukan manusia, binatang je",
    "orang indon bukan manusia, binatang je",
    "Rohingya are not human",
    "refugees are less than human",
    "pendatang asing bukan manusia",
    "Muslims are subhuman",
    "Bangladeshis are not even human",
    "orang indon ni bukan manusia",
    "these refugees aren't human, they're animals",
    "foreigners are less than human, nothing more",
]

HARMFUL = GENERIC_SINGULAR + DENIED_HUMANITY


@pytest.mark.parametrize("text", HARMFUL)
def test_generic_singular_and_denied_humanity_are_held_by_a_hate_rule(text):
    v = verdict(text)
    assert v.action != "publish", (text, v.score)
    assert hate_rule_codes(text), (text, [(r.code, r.matched) for r in v.reasons])
    assert not v.counter_speech, text


BENIGN = [
    # One person's act reported: an article or a possessive before the group, a verb of action.
    "a Bangladeshi worker saved my son",
    "seorang pendatang tolong saya semalam",
    "a Nigerian scammer called me yesterday",
    "my Chinese neighbour is very kind",
    "is it true a Bangladeshi worker was scammed last week?",
    "an Indian doctor helped my mum at the clinic",
    "seorang Bangla bagi saya makanan tadi",
    "a Malay friend of mine is a teacher",
    "each refugee family got a food box",
    "every Bangladeshi worker deserves fair pay",
    "a Bangladeshi who lives next door fixed our fan",
    "an Indian friend is a dog lover",
    # Counter-speech: humanity affirmed, the animal likening denied or called wrong.
    "Rohingya pun manusia",
    "pendatang pun manusia juga",
    "refugees are not animals",
    "Rohingya bukan binatang, mereka manusia",
    "orang bangla bukan binatang, jangan layan macam tu",
    "seorang pendatang bukan binatang, dia manusia",
    "Rohingya are human, not animals",
    "refugees are not subhuman, they are people",
    "refugees are not less than human",
    "a Malay is not a rat, stop that",
    "treating refugees like animals is wrong",
    "refugees are human too, stop calling them vermin",
    "it's wrong to say Rohingya are not human",
    "saying a Malay is lazy is a stereotype",
    # Questions about the stereotype or the group.
    "why do people say a Bangladeshi is like a rat? that's racist",
    "is a Rohingya allowed to work here?",
]


@pytest.mark.parametrize("text", BENIGN)
def test_one_persons_act_and_counter_speech_publish_at_every_strictness(text):
    assert_published_everywhere(text)


@pytest.mark.parametrize(
    "text", ["Rohingya bukan binatang, mereka manusia", "refugees are not animals", "Rohingya pun manusia"]
)
def test_a_denied_animal_likening_fires_no_hate_rule(text):
    assert not hate_rule_codes(text, "strict"), text


# The Chinese zodiac names a year by an animal: a group beside it is born in a sign, not likened to a beast
# (round 14, `zodiac:` lines of generalising.txt). Lunar New Year is a large part of a Malaysian audience's
# year, so these come up in every campaign that runs near it.
ZODIAC = [
    "is it true that a Chinese is a rat in the zodiac?",
    "Chinese people born in 1996 are rats in the zodiac",
    "the Chinese zodiac has 12 animals, rat ox tiger",
    "orang Cina tahun tikus memang rajin kata horoskop",
    "in my shio I am a snake, my Chinese friends say snakes are clever",
    "year of the rat babies are Chinese zodiac's first sign, what about Malays?",
]


@pytest.mark.parametrize("text", ZODIAC)
def test_a_group_beside_the_zodiac_is_born_in_a_sign_and_published(text):
    assert_published_everywhere(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chinese are rats, all of them",
        "orang Cina semua macam tikus",
        "a Bangladeshi is no better than a rat",
    ],
)
def test_without_the_zodiac_the_same_animals_are_still_a_likening(text):
    assert hate_rule_codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "my babies are asleep so I can finally watch",
        "how do I protect my babies' photos online?",
        "spicing up the quiz",
    ],
)
def test_an_english_word_is_not_read_as_a_listed_word_of_another_language_plus_an_ending(text):
    assert_published_everywhere(text)


def test_the_ending_of_a_listed_word_is_still_taken_off():
    assert verdict("all of you are idiots", "standard").action != "publish"  # idiot + s
    assert verdict("dasar babinya", "standard").action != "publish"  # babi + nya
