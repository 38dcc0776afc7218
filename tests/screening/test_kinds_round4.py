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
