"""Round 5 of issue 13 (docs/screening.md, "Round 5"): kinds that the fresh file `heldout_6` showed, each
as a general rule, with wordings of these tests' own (none is copied from a held-out file). Each kind has
held examples and the benign lookalikes that must stay published."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_held_as, codes, verdict
from tests.screening.test_kinds_round3 import assert_published

# Harassment as actions against a person (lexicons/harassment.re, "Round 5"): pile-ons that never say
# "mass report".


@pytest.mark.parametrize(
    "text",
    [
        "ss his selfies and share them in every group you know",
        "let the whole country know who he is lol",
        "somebody ring her boss about her tomorrow",
        "keep at it till she gets fired from that bank",
        "dox la mamat tu, dia duduk area Kajang",
        "we got his ic number, anyone want it? dm me",
        "never stop spamming her tiktok comments guys",
        "start an expose account about him and share it",
        "tag all his colleagues so they see it",
        "kita semua mesej mak bapak dia malam ni",
        "let his inbox blow up with messages tonight",
        "siapa ada nombor hp dia? bagi sini",
        "tularkan budak tu sampai satu sekolah tahu",
        "cari pejabat dia lepas tu kita serbu",
        "bagitahu majikan dia apa dia buat",
        "chase her across every platform she joins",
        "jangan bagi dia online dengan tenang lagi",
        "sebar fitnah yang dia tu penipu, biar padan muka",
        "buat dia takut nak post kat internet lagi",
        "jom flag ramai2 page dia",
        "get that account banned forever la",
    ],
)
def test_pile_ons_against_a_person_are_held(text):
    assert verdict(text).action != "publish", text


@pytest.mark.parametrize(
    "text",
    [
        "someone is spreading rumours about me, how do I stop it?",
        "How do I report a hate page that targets my daughter?",
        "should I tell my parents that a stranger keeps messaging me?",
        "my friends keep flooding the group chat with memes haha",
        "we should report the scam page to MCMC",
        "Who has the link to the slides?",
        "boleh bagitahu cikgu kalau anak kena buli?",
    ],
)
def test_help_seeking_and_everyday_lookalikes_of_pile_ons_are_published(text):
    assert_published(text)


# Self-harm by method or farewell with no die or kill word (lexicons/self_harm.re, "Round 5"): these
# authors reach the care queue.


@pytest.mark.parametrize(
    "text",
    [
        "gonna down the entire bottle of sleeping pills after this",
        "nak telan sekotak panadol malam ni",
        "i keep sitting on the ledge of the rooftop at night",
        "saya berdiri di tepi jambatan tu tadi",
        "i'm sorting out my own farewell, nobody will notice",
        "already wrote my suicide letter to mum",
        "my final note is saved and ready",
        "relapsed again, the razor is back in my drawer",
        "i think ill just jump from the balcony",
        "by tomorrow i won't be around anymore",
        "esok saya tak akan ada lagi, maafkan saya",
    ],
)
def test_self_harm_by_method_or_farewell_goes_to_the_care_queue(text):
    assert_held_as(text, "self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "i wrote a goodbye letter to my team when i resigned",
        "planning my farewell party for friday",
        "my toddler swallowed some pills, which hotline do I call?",
        "we stood at the edge of the lake watching the sunset",
        "kids should not jump from the bed",
        "tomorrow I won't be around for the webinar, is there a recording?",
    ],
)
def test_everyday_uses_of_method_and_farewell_words_are_published(text):
    assert_published(text)


# Threats implied (lexicons/threat.re, "Round 5").


@pytest.mark.parametrize(
    "text",
    [
        "see you at the hall tonight, you won't leave alive",
        "dia ni patut mati, aku akan buat sendiri",
        "someone should shoot up that seminar",
        "we have your plate number and route home",
    ],
)
def test_implied_threats_are_held(text):
    assert_held_as(text, "threat")


@pytest.mark.parametrize(
    "text",
    [
        "the scammer knew my car plate, is that a data leak?",
        "you won't walk out of this webinar without learning something",
        "prices shoot up every festive season",
    ],
)
def test_lookalikes_of_implied_threats_are_published(text):
    assert_published(text)


# Sexual remarks with no listed word (lexicons/sexual.re, "Round 5").


@pytest.mark.parametrize(
    "text",
    [
        "i would love to lick you all over host",
        "cikgu tu nampak sedap la",
        "anyone up for sexting later? dm",
        "looking to hook up tonight, ladies only",
        "come sit on my face admin",
        "id bend that moderator over my desk",
        "the presenter must be wild in bed",
        "batang saya tegang tengok dia",
    ],
)
def test_innuendo_and_body_slang_aimed_at_a_person_are_held(text):
    assert_held_as(text, "sexual")


@pytest.mark.parametrize(
    "text",
    [
        "the host's rendang looks so sedap, recipe please",
        "my son keeps jumping in bed, any tips?",
        "how do I talk to my teen about sexting?",
        "the kitchen in the venue looks clean",
    ],
)
def test_lookalikes_of_innuendo_are_published(text):
    assert_published(text)


# Hate with no group insult (lexicons/hate.re, "Round 5").


@pytest.mark.parametrize(
    "text",
    [
        "go back to where your ancestors came from",
        "this country is not yours, never was",
        "girls belong in the kitchen, not on a panel",
        "semua kuil kat sini patut dirobohkan",
        "close all the mosques in this town",
    ],
)
def test_hate_without_a_group_insult_is_held(text):
    assert_held_as(text, "hate")


@pytest.mark.parametrize(
    "text",
    [
        "my mum works in the hospital kitchen",
        "the mosque near us holds a scam awareness talk",
        "when will you go back to the office?",
    ],
)
def test_neutral_mentions_of_places_and_genders_are_published(text):
    assert_published(text)


# Insults and spam without their old words.


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("moderator ni lembab betul", "insult"),
        ("your brain is empty, host", "insult"),
        ("those speakers are brain dead", "insult"),
        ("jangan lupa langgan channel kami untuk tips", "spam"),
        ("my fansly is on my profile, come see", "spam"),
        ("pinjaman no ctos, approval in 2 hours, pm", "spam"),
    ],
)
def test_insults_and_spam_without_their_old_words_are_held(text, category):
    assert_held_as(text, category)


@pytest.mark.parametrize(
    "text",
    [
        "internet lembab sangat hari ni",
        "how do I check my ctos report?",
    ],
)
def test_lookalikes_of_insults_and_spam_are_published(text):
    assert_published(text)


# Personal data written unusually (rules.py): digit groups split by "*" or other symbols, z/s/b for
# 2/5/8, a MyKad one digit at a time, a block-floor-unit code with a street and a state.


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("whatsapp me 012#555#7788 after work", "pii.phone"),
        ("nombor sy 0l9_8Z3_4S67 ok", "pii.phone"),
        ("my ic 8 5 0 3 1 2 - 1 0 - 5 5 6 7 is it leaked?", "pii.mykad"),
        ("she lives at C-7-3 Vista Damai, Jalan Ampang, KL", "pii.address"),
    ],
)
def test_personal_data_written_unusually_is_held(text, code):
    assert_held_as(text, "personal_data")
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "the score was 3*2 and then 4*5 lol",
        "room B-2 on level 3 has the talk",
        "my son's class got 5 stars at school",
    ],
)
def test_numbers_and_rooms_that_are_no_personal_data_are_published(text):
    assert_published(text)


# Benign comments that name a harm (false holds of heldout_6): help-seeking about someone else's
# self-harm or harassment, counter-speech that quotes hate to reject it or asks others not to share it,
# self-deprecation with fillers, food and tiredness intensifiers, animals and nicknames.


@pytest.mark.parametrize(
    "text",
    [
        "bagaimana nak tahu kalau adik saya sakitkan diri?",
        "i'm a streamer, how do I deal with trolls in my chat?",
        "people who say disabled folks are 'a burden' are wrong",
        "a troll wrote 'send them all home' and it hurt my students",
        "jangan share video yang menghina bangsa lain",
        "I felt like such a fool after paying the fake courier",
        "penat nak mampus hari ni tapi webinar best",
        "kuih ni 'bodoh sedap' kata mak saya",
        "my cat's nickname is 'Babi' because he eats everything",
        "should i go to the teachers or tell my son to ignore it?",
        "my mum was freaking out about the parcel sms",
    ],
)
def test_benign_comments_that_name_a_harm_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("saya nak sakitkan diri malam ni", "self_harm"),
        ("you are like such an idiot", "insult"),
        ("kau ni bodoh", "insult"),
    ],
)
def test_the_same_words_aimed_or_first_person_are_still_held(text, category):
    assert_held_as(text, category)


@pytest.mark.parametrize(
    "text",
    [
        "berita kata sindiket guna iklan 'kerja online mudah, hanya like dan share' untuk tipu orang",
        "the news showed 'link in bio' ads used by scammers",
    ],
)
def test_spam_words_quoted_in_news_or_as_an_advert_are_published(text):
    assert_published(text)


def test_spam_in_quotes_without_a_report_is_still_held():
    assert_held_as("'link in bio' for cheap followers", "spam")
