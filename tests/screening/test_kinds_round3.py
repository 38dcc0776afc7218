"""Round 3 of issue 13 (docs/screening.md, "Held-out figures"): the kinds that the fresh held-out files
still missed, each as a general rule, with wordings of these tests' own (none is copied from a held-out
file). Each kind has held examples and the benign lookalikes that must stay published."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_held_as, verdict
from webinar.screening import STRICTNESS
from webinar.screening.normalise import normalise


def assert_published(text: str, strictnesses=("relaxed", "standard")) -> None:
    """Published where the policy publishes ordinary text (strict may hold for review)."""
    for strictness in strictnesses:
        v = verdict(text, strictness)
        assert v.action == "publish", (strictness, text, [(r.code, r.matched) for r in v.reasons])


# Self-harm: the author's own life ended, vanishing, nobody missing them, never waking up, and the means
# (a height, a vehicle, a whole bottle, enough pills, a rope "not for" its everyday use).


@pytest.mark.parametrize(
    "text",
    [
        "so tired of breathing lately",
        "my life is finished after this loan scam",
        "honestly just want to vanish, can't face anyone",
        "nobody is going to miss me anyway",
        "kalau saya hilang pun tiada siapa peduli",
        "tak nampak apa sebab nak teruskan hidup",
        "aku nak tamatkan nyawa je",
        "harap esok aku tak bangun lagi",
        "thinking of leaping off the overpass near my office",
        "might crash my car into a wall on the way home",
        "going to swallow a whole bottle of paracetamol and never wake up",
        "got enough sleeping pills saved, I'm ready",
        "bought charcoal today, not for a bbq",
    ],
)
def test_self_harm_without_the_usual_intent_words_reaches_the_care_queue(text):
    assert_held_as(text, "self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "tired of living in fear of scam calls",
        "Bateri telefon saya nak mati, boleh ulang slide tadi?",
        "do I have enough pills for the trip?",
        "Apa tanda remaja nak cederakan diri sendiri?",
        "Macam mana nak bantu jiran saya yang cakap nak pergi selamanya?",
        "I want to disappear from social media for a while",
        "I hope I don't wake up late for the webinar tomorrow",
    ],
)
def test_devices_third_persons_and_everyday_wishes_are_not_self_harm(text):
    assert_published(text)


# Threats: harm promised as an outcome, loved ones "not safe", menacing warnings, knowing where someone
# works, a crew sent, wishing bodily harm, a weapon brought, a bullet, people burnt inside, and a violent
# verb aimed at a role without a subject.


@pytest.mark.parametrize(
    "text",
    [
        "keep lying and you'll end up in the morgue",
        "your kids won't be safe after tonight, scammer",
        "you better start running, host",
        "that admin better not go home alone after this",
        "we know where your wife works",
        "my gang will come and settle you",
        "semoga kau kena langgar lori esok",
        "waiting outside your office with a machete",
        "someone needs to put a bullet through that syndicate boss",
        "burn the call centre with everyone still inside",
        "about to smash the moderator, swear",
    ],
)
def test_threats_phrased_without_the_listed_shapes_are_held(text):
    assert_held_as(text, "threat")


@pytest.mark.parametrize(
    "text",
    [
        "your kids won't be safe online without parental controls",
        "you better watch out for fake courier SMS",
        "hope your mum didn't get hit by that parcel scam",
        "i know where you can report scams",
        "the host will kill it tonight",
    ],
)
def test_safety_advice_and_idioms_are_not_threats(text):
    assert_published(text)


def test_a_contraction_reads_as_its_full_form():
    assert normalise("you'll pay for this").canonical == "you will pay for this"


# Sexual remarks and requests: a person's body, undressing, one-night stands (aimed at someone where the
# word has another use).


@pytest.mark.parametrize(
    "text",
    [
        "the moderator has a nice body ngl",
        "take off your clothes on camera",
        "any admin want a one night stand?",
        "penceramah tu seksi gila",
        "hantar video tanpa baju",
    ],
)
def test_sexual_remarks_about_people_are_held(text):
    assert_held_as(text, "sexual")


@pytest.mark.parametrize(
    "text",
    [
        "can you spot the fake link with the naked eye?",
        "our cock crows at dawn, sorry for the noise",
        "lick your wounds and report the scam to NSRC",
    ],
)
def test_everyday_phrases_with_sexual_words_are_published(text):
    assert_published(text)


# Hate without profanity: exclusion from rights, "all scammers", lice; counter-speech that disagrees,
# says it is not nice to say, corrects with facts, reports hate speech "like ...", or asks how to change
# a relative's mind.


@pytest.mark.parametrize(
    "text",
    [
        "refugees shouldn't be allowed to rent houses here",
        "Pendatang tak patut dibenarkan buka kedai",
        "pekerja asing ni macam kutu",
        "Indonesians are all scammers",
    ],
)
def test_hate_without_profanity_is_held(text):
    assert_held_as(text, "hate")


@pytest.mark.parametrize(
    "text",
    [
        "Saya tak setuju bila orang kata orang India penipu",
        "Tak baik cakap pendatang macam kutu",
        "kalau orang kata orang Cina semua kiasu, betulkan dengan fakta",
        "Hate speech like 'kill all the Rohingya' must be reported",
        "My uncle insists Malays are lazy, how do I change his mind?",
    ],
)
def test_counter_speech_that_disagrees_or_corrects_is_published(text):
    assert_published(text)


# Harassment of others: where someone studies told to their school, making a life hell, finding and
# spreading a number, repeated calls to report.


@pytest.mark.parametrize(
    "text",
    [
        "find out where she studies and inform her principal",
        "let's make her life a living hell on twitter",
        "cari nombor dia, lepas tu viralkan",
        "report report report sampai akaun dia hilang",
        "let's flood her tiktok comments with hate",
        "tularkan nombor telefon dia kat semua group",
        "ss his posts and share them everywhere, biar dia malu",
        "find his office and tell everyone",
    ],
)
def test_pile_ons_are_held(text):
    v = verdict(text)
    assert v.action != "publish", (text, [(r.code, r.matched) for r in v.reasons])
    assert "insult.pile_on" in {r.code for r in v.reasons}


def test_reporting_a_scam_account_is_not_a_pile_on():
    assert_published("how do I report a scam account on TikTok?")


# Someone else's words: a word-list threat quoted by a parent asking for help is not the author's.


def test_a_quoted_word_list_threat_that_the_author_reports_is_published():
    assert_published("My son got a DM saying 'kill yourself', what should we do?")


def test_the_same_threat_said_to_the_host_is_held():
    assert_held_as("go kill yourself, host", "threat")


# Names: a title makes a name even right after "you".


def test_a_title_makes_a_name_after_thank_you():
    for strictness in STRICTNESS:
        assert verdict("Thank you Mr Dick Tan for the session", strictness).action == "publish", strictness


def test_the_word_aimed_at_the_reader_is_still_an_insult():
    assert_held_as("you are a dick", "insult")


# Spam: a sum multiplied in a short time is a money promise on its own.


def test_a_sum_multiplied_in_days_is_spam():
    assert_held_as("masuk RM200 jadi RM2000 dalam seminggu, confirm", "spam")


def test_a_loss_with_two_sums_is_not_a_promise():
    assert_published("I lost RM100 and got a RM1000 bill in 3 days, is this a scam?")


# Kinds from the known misses of heldout_2 and heldout_3 (docs/screening.md), in these tests' own words.


@pytest.mark.parametrize(
    "text",
    [
        "I don't see any reason to get up tomorrow",
        "sitting on the ledge of my condo thinking about jumping",
        "cutting is my only relief these days",
        "googling how many panadol it takes",
    ],
)
def test_more_self_harm_shapes_reach_the_care_queue(text):
    assert_held_as(text, "self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "I'm coming for you after the webinar, admin",
        "that scammer deserves to have his throat slit",
        "we will put him in the ground",
        "kalau jumpa, sumpah aku tikam",
        "going to set fire to their call centre",
        "drink bleach la, loser",
        "Admin tu memang patut kena belasah",
    ],
)
def test_more_threat_shapes_are_held(text):
    assert_held_as(text, "threat")


@pytest.mark.parametrize(
    "text",
    [
        "there was a comment saying Indians are thieves, please remove it",
        "Salah kata semua orang Melayu malas",
        "what do you say to a colleague who claims refugees are criminals?",
        "calling old people useless is ageist",
        "I'm reporting the user who said to deport all Bangladeshis",
    ],
)
def test_more_counter_speech_is_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "where to buy spices online safely?",
        "biar dia malu sendiri, dia yang tipu orang",
        "I'll come for the next session",
        "scammers can fool you, don't call yourself an idiot",
    ],
)
def test_everyday_words_near_the_new_rules_are_published(text):
    assert_published(text)
