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


# Threats: menacing warnings about someone's back, making a person pay, knowing a person's or their
# children's school or office, waiting for "kau" somewhere, people sent to beat someone, "or else".


@pytest.mark.parametrize(
    "text",
    [
        "that admin had better watch her step from now on",
        "I'll make the moderator pay for deleting my question",
        "we have your home address, host",
        "aku tahu sekolah mana anak kau belajar",
        "tunggu kau depan pagar lepas ni",
        "nanti aku hantar geng pergi ajar kau",
        "answer my question or i will smack you",
        "someone should pay the speaker a little visit tonight",
    ],
)
def test_menacing_warnings_are_threats(text):
    assert_held_as(text, "threat")


@pytest.mark.parametrize(
    "text",
    [
        "watch your step when clicking links in SMS",
        "how do I make the scammers pay back my money?",
        "we have your address for the certificate, please check your email",
        "saya tunggu awak kat lobi hotel",
        "is the speaker paying a visit to our school next month?",
    ],
)
def test_advice_and_friendly_waits_are_published(text):
    assert_published(text)


# Harassment: a crowd sent to a person's own account (not a scam's), a person's account handed over "you
# know what to do", a picture spread so everyone knows them, asking for a person's home address.


@pytest.mark.parametrize(
    "text",
    [
        "everyone go comment on the presenter's tiktok till she deletes it",
        "spam call the admin's number until he picks up guys",
        "got the host's ig here, do your thing",
        "share her photo everywhere so everyone knows her face",
        "sesiapa ada alamat rumah penceramah ni?",
    ],
)
def test_crowds_sent_at_a_person_are_harassment(text):
    assert_held_as(text, "insult")


@pytest.mark.parametrize(
    "text",
    [
        "everyone please report the fake bank page until it is taken down",
        "how do I share the speaker's slides with my parents?",
        "does anyone have the organiser's email for the certificate?",
    ],
)
def test_reporting_scams_and_asking_for_slides_are_published(text):
    assert_published(text)


# Hate: not hiring, renting to or marrying a group; sending every one back; a group as the enemy or as
# germs; a group kept offline.


@pytest.mark.parametrize(
    "text",
    [
        "jangan upah orang Indonesia, nanti mereka curi",
        "send all the Rohingya back where they came from",
        "pekerja asing ni musuh negara",
        "refugees are germs spreading in our cities",
        "disabled people shouldnt even be online",
    ],
)
def test_exclusion_and_enemies_without_profanity_are_hate(text):
    assert_held_as(text, "hate")


@pytest.mark.parametrize(
    "text",
    [
        "please don't call foreign workers germs, that is dehumanising",
        "don't say 'pendatang' like that, the word is hurtful",
        "the enemy here is the scam syndicate, not our neighbours",
    ],
)
def test_telling_others_not_to_name_a_group_is_counter_speech(text):
    assert_published(text)


# Self-harm: not seeing oneself alive, not making it to the morning, how many of one's pills would be
# enough, no point in waking up, wanting to cut oneself (Malay).


@pytest.mark.parametrize(
    "text",
    [
        "honestly can't imagine myself still alive next year",
        "if i don't make it through the night, tell my mum sorry",
        "how many panadol would be enough, asking for me",
        "what's the point of waking up anymore",
        "aku rasa nak toreh tangan sendiri malam ni",
    ],
)
def test_more_self_harm_wordings_reach_the_care_queue(text):
    assert_held_as(text, "self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "what's the point of waking up early if there is no recording?",
        "if I don't make it to tomorrow's session, is there a replay?",
        "how many panadol can a child take for fever?",
        "Tanda-tanda remaja nak cederakan diri sendiri apa ya?",
    ],
)
def test_everyday_questions_near_the_self_harm_rules_are_published(text):
    assert_published(text)


# Spam: loan-shark tells and an agent to call, MLM recruitment, sure riches, selling followers, trading
# signals with multiplied returns, paid liking; spam words as a topic or quoted in a question are not spam.


@pytest.mark.parametrize(
    "text",
    [
        "personal loan approved in 30 minutes, no guarantor, whatsapp our officer",
        "jom jadi downline saya, confirm cuan bulan ni",
        "selling 5k instagram followers, cheap cheap",
        "vip signal group, 20x profit every week, dm me",
        "kerja online mudah, hanya like dan share, gaji harian, pm saya",
    ],
)
def test_more_spam_kinds_are_held(text):
    assert_held_as(text, "spam")


@pytest.mark.parametrize(
    "text",
    [
        "Our surau held a talk about judi online and how it ruins families",
        "My uncle got a message 'pinjaman segera lulus 1 jam', should I warn him?",
        "what does it mean when a video says 'sub 4 sub'?",
    ],
)
def test_spam_words_as_a_topic_or_quoted_in_a_question_are_published(text):
    assert_published(text)


# Sexual words as a topic (sex education, sextortion): after "about", "dangers of", `bahaya`, not beside
# "you".


@pytest.mark.parametrize(
    "text",
    [
        "Any tips on talking with teens about porn and sexting?",
        "Sekolah patut ajar bahaya pornografi dan gambar bogel",
        "a workshop on the risks of sending nudes would help parents",
    ],
)
def test_sexual_words_as_a_topic_are_published(text):
    assert_published(text)


def test_a_sexual_word_asked_of_the_reader_is_still_held():
    assert_held_as("tell me about your nudes, sis", "sexual")


# Older known misses as kinds: farewell notes with "just in case" or "tonight is the night", no reason to
# wake up, a person called a fool, plural group words, "something spicy", a date at a hotel.


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("left a letter to my wife and the kids, goodbye everyone", "self_harm"),
        ("there's no reason to get up tomorrow or ever", "self_harm"),
        ("this panel is a bunch of buffoons", "insult"),
        ("Hindus are dirty and should leave", "hate"),
        ("hantar saya something seksi malam ni", "sexual"),
        ("moderator, nak date kat hotel lepas ni?", "sexual"),
    ],
)
def test_older_known_misses_as_kinds_are_held(text, category):
    assert_held_as(text, category)


@pytest.mark.parametrize(
    "text",
    [
        "I wrote notes for my parents on how to spot phishing",
        "no reason to get up early, the replay is online",
        "these apps can fool anyone, even the speaker said so",
        "send me something to read about deepfakes please",
    ],
)
def test_their_everyday_lookalikes_are_published(text):
    assert_published(text)
