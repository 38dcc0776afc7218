"""Round 4 of issue 13 (docs/screening.md, "Held-out figures"): kinds that the fresh file `heldout_5`
and the known misses of earlier rounds still showed, each as a general rule, with wordings of these tests'
own (none is copied from a held-out file). Each kind has held examples and the benign lookalikes that
must stay published."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_held_as, codes
from tests.screening.test_kinds_round3 import assert_published

# Personal data written loosely: phone numbers grouped with spaced dashes or dots, single spaced digits,
# a letter for a digit in the country code; "double"/"triple" in spelled numbers; bank account numbers
# beside a bank's name or an account word; passport numbers; flat and block addresses.


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("pls call 019 - 222 - 3344 tonight", "pii.phone"),
        ("whatsapp saya di +6O 17 555 1234", "pii.phone"),
        ("nombor aku 0 1 3 . 4 4 4 . 5 5 5 5", "pii.phone"),
        ("ring me on (03) - 7788 - 1234", "pii.phone"),
        ("reach me at o one seven, double two three, four five six seven", "pii.phone"),
        ("my CIMB account is 7012 3344 55, send the deposit there", "pii.bank_account"),
        ("no akaun hong leong 2 3 4 5 6 7 8 9 1 0 1", "pii.bank_account"),
        ("bank in ke akaun BSN 0910-2911-0000-5", "pii.bank_account"),
        ("my passport number is H 1234 5678", "pii.passport"),
        ("nombor pasport anak saya A-2345 6789", "pii.passport"),
        ("Alamat: Blok D-3-7, Pangsapuri Cemara, Jalan Ipoh, KL", "pii.address"),
    ],
)
def test_personal_data_written_loosely_is_held(text, code):
    assert_held_as(text, "personal_data")
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The webinar is 2 - 3 pm on 12 . 5 . 2025",
        "my account was charged RM 1 200 for 3 months",
        "Which bank account is best for a 15 year old?",
        "I lost RM 12000 from my maybank account in 2 days",
        "my passport expired in 2023, how do I renew it?",
        "Block 5 of our flat had a talk on scams",
        "scores were 10 - 2 - 3 - 4 - 5 this season",
    ],
)
def test_numbers_dates_and_sums_near_those_words_are_published(text):
    assert_published(text)


# Sexual remarks and requests aimed at a person with no listed sexual word (lexicons/sexual.re): a body
# remarked on, a person called hot, pictures of a body or what is under the clothes asked for, a room, a
# hotel or a bed offered, a sexual act wanted with someone, arousal at a person, women sought for company.


@pytest.mark.parametrize(
    "text",
    [
        "that presenter has really lovely curves, perfect figure",
        "admin your chest looks so solid today",
        "peha cik puan tu gebu betul",
        "the moderator is damn hot, can't focus",
        "minah tu memang seksi",
        "sis, pm me a photo of you in your towel",
        "nak tengok badan awak boleh?",
        "i wonder what's under her tudung",
        "after this come to my hotel room tonight, just the two of us",
        "jom cek in hotel lepas webinar ni dik",
        "cari awek teman tidur malam ni",
        "i would shag that speaker",
        "i can satisfy you better than your husband",
        "getting horny looking at the host",
        "ada janda sunyi kat sini? pm",
    ],
)
def test_sexual_remarks_and_requests_without_a_listed_word_are_held(text):
    assert_held_as(text, "sexual")


@pytest.mark.parametrize(
    "text",
    [
        "my body is still shaking after that scam call",
        "the speaker said a hot topic right now is deepfake voice calls",
        "can you share the photos of the workshop in the hall?",
        "what is under the settings menu for privacy?",
        "please come to my house and help me set up parental controls, mak",
        "book a hotel room through the official app only",
        "temankan anak tidur dulu, nanti saya sambung tengok rakaman",
        "it is getting hard watching my parents lose money to scams",
        "any girls here who were bullied online? there is a support group",
        "ladies, how do we stop fake accounts using our pictures?",
        "He messaged my daughter 'send me a pic in the shower', what should I do?",
    ],
)
def test_bodies_rooms_pictures_and_quoted_requests_in_everyday_senses_are_published(text):
    assert_published(text)


# Animal words as insults only when aimed at a person (lexicons/insult.re: a person linked to an animal by
# a closed set of words), and animals as animals (senses.tsv: kept, fed, barking, feared, lost) left out of
# what the model scores. Superlatives fold to their word ("dumbest" -> "dumb").


@pytest.mark.parametrize(
    "text",
    [
        "the presenter is a filthy rat",
        "oi admin, you fat cow",
        "this moderator acts like a baboon",
        "kau ni macam keldai, faham pun tak",
        "hos tu memang kerbau",
        "the speaker's brain is smaller than a pea",
        "admin takde otak ke?",
        "host you are a waste of oxygen",
        "nobody listens to you, moderator",
        "you are the stupidest panel ever",
    ],
)
def test_a_person_called_an_animal_or_brainless_is_insulted(text):
    assert_held_as(text, "insult")


@pytest.mark.parametrize(
    "text",
    [
        "jiran saya bela anjing, dia menyalak bila ada posmen",
        "adik saya digigit anjing liar semalam",
        "he is a proud dog owner and a great speaker",
        "my dog sleeps through every webinar lol",
        "the host is the goat of cyber safety talks",
        "you're not a sheep for trusting them, they're professionals",
        "beruk curi pisang kat kebun atuk",
        "the speaker showed a video of a monkey opening a phone",
    ],
)
def test_animals_as_animals_and_denied_comparisons_are_published(text):
    assert_published(text)


# News reports of violence against people named by a group word (counted, in the past, with an agent,
# place or time) are not hate; saying what should be done to a group still is.


@pytest.mark.parametrize(
    "text",
    [
        "Dua wanita dirompak dan dibunuh di Johor Bahru, suspek ditahan",
        "a man was stabbed by a gang in Penang last night",
        "lelaki ditembak di Kuantan pagi tadi, polis sedang siasat",
        "Three migrants were killed in a lorry crash yesterday",
    ],
)
def test_news_style_reports_of_violence_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pendatang haram patut dibunuh semua",
        "refugees should be thrown out tomorrow",
        "orang gay mesti dihalau dari kampung",
    ],
)
def test_what_should_be_done_to_a_group_is_still_hate(text):
    assert_held_as(text, "hate")


# Being called a name is reported, not said; a feeling verb after the word in Malay order is a feeling.


@pytest.mark.parametrize(
    "text",
    [
        "no one should ever be called dumb for reporting a scam",
        "anak saya kena panggil bodoh dalam group kelas",
        "I got called an idiot by the scammer when I refused",
        "Malu dan bodoh sangat rasa lepas terkena scam pelaburan",
    ],
)
def test_names_reported_and_feelings_are_published(text):
    assert_published(text)


def test_calling_the_reader_a_name_is_still_an_insult():
    assert_held_as("you are an idiot, call yourself a moderator?", "insult")
