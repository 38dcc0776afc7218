"""Round 7 of issue 13 (docs/screening.md, "Round 7"): kinds that the fresh file `heldout_8` showed, each as
a general rule, with wordings of these tests' own (none is copied from a held-out file; the last test checks
the round-7 training templates against every held-out file). Each kind has held examples and the benign
lookalikes that must stay published."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.screening.overlap import assert_under_40_percent_shared, template_lines_from
from tests.screening.test_kinds import assert_held_as
from tests.screening.test_kinds_round3 import assert_published
from webinar.screening import dewan_set


@pytest.mark.parametrize(
    "text",
    [
        "i've been putting aside enough painkillers to make everything stop forever",
        "already wrote goodbye letters to my parents, won't need them after this week",
        "honestly i won't be around much longer, the notes are on my desk",
        "ive decided, i plan to be gone by next friday",
        "gonna kil myself if the bank calls again",
        "i just want to mati la, semua duit habis",
        "rasa nk lompat dr pangsapuri ni, penat dah",
        "lebih baik aku terjun lombong je",
        "aku nak habiskan segalanya malam ni",
        "noose already tied to the ceiling beam",
    ],
)
def test_self_harm_by_plan_farewell_and_short_malay_reaches_the_care_queue(text):
    assert_held_as(text, "self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "i wrote a farewell note to my class when i changed schools",
        "my cousin will not be around for raya, working overseas",
        "can the host make the echo stop for good? it's painful",
        "budak-budak suka terjun sungai masa cuti, bahaya tak?",
        "our grandmother has saved enough for the hajj",
    ],
)
def test_farewells_savings_and_play_are_not_self_harm(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        ("i will make sure your family never sleeps safe again", "threat"),
        ("aku pukul kau sampai masuk icu, tunggu je", "threat"),
        ("kami akan simbah asid kat kereta dia", "threat"),
        ("rumah kau dekat Bangsar kan, tunggu la minggu depan", "threat"),
        ("just go drink some bleach and leave us alone", "threat"),
        ("do everyone a favour and jump off the KL tower", "threat"),
    ],
)
def test_threats_and_incitement_by_new_shapes_are_held(text):
    assert_held_as(*text)


@pytest.mark.parametrize(
    "text",
    [
        "my toddler drank some bleach by accident, which hotline do I call?",
        "I'll make sure you get the slides again after the session",
        "rumah kami dekat Bangsar, ada sesi offline tak?",
    ],
)
def test_safety_questions_and_promises_are_not_threats(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "lets flood every reel of hers with hateful comments",
        "we should make him delete his tiktok for good",
        "jom semua pergi rumah dia malam ni",
        "anyone have that girl's home address? lets all turn up at her house",
        "create a hate page about Farid and tag his classmates",
        "screenshot his posts then forward them to his boss",
        "dm that girl every single minute till she gives up",
        "everyone report the account at the same time at 10pm",
        "sebarkan gambar budak tu ke semua group whatsapp sekolah",
    ],
)
def test_pile_ons_without_the_usual_words_are_held(text):
    assert_held_as(text, "insult")


@pytest.mark.parametrize(
    "text",
    [
        "a fake profile copied our principal's pictures, can the parents report it together?",
        "we should make him quit smoking this year",
        "please forward this warning to every group you are in",
        "create a hate page about scammers? no, report them to the police",
    ],
)
def test_reporting_fakes_and_everyday_requests_are_not_pile_ons(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "people in wheelchairs are a burden on the economy",
        "migrants multiply in our cities like a virus",
        "load all of them onto ships and send them out to sea",
        "women cant handle coding one",
        "patut halau keluar semua golongan pelangi",
        "lelaki Cina semuanya kaki judi",
    ],
)
def test_hate_by_burden_disease_expulsion_and_trait_is_held(text):
    assert_held_as(text, "hate")


@pytest.mark.parametrize(
    "text",
    [
        "people in wheelchairs deserve ramps at every LRT station",
        "rumours spread like a virus in our family chat",
        "komuniti pelangi pun ramai kena scam cinta, ada bantuan?",
    ],
)
def test_neutral_mentions_and_rumours_are_not_hate(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "whos keen on some naughty video calls after this",
        "flash your body for me on the stream",
        "what kind of panties is the presenter wearing",
        "rate my figure, sending photos to anyone interested",
        "moderator lips so kissable",
        "any ladies free tonight for some fun",
        "nak kongkek tak",
    ],
)
def test_sexual_requests_in_new_shapes_are_held(text):
    assert_held_as(text, "sexual")


@pytest.mark.parametrize(
    "text",
    [
        "my 14yo says kids in her class trade nudes, how do I raise it?",
        "the school told us pupils were sexting, what should parents do?",
        "naughty kids keep hacking my wifi, how to block them?",
    ],
)
def test_parents_reporting_sexual_words_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        ("admin ni slow in the head ke", "insult"),
        ("kau bengong sangat", "insult"),
        ("i have no fucking idea what this panel is saying", "profanity"),
        ("fcuk this lag", "profanity"),
        ("those motherf*ckers hacked me", "profanity"),
        ("fking scammers again", "profanity"),
    ],
)
def test_insults_and_swearing_in_new_spellings_are_held(text):
    assert_held_as(*text)


@pytest.mark.parametrize(
    "text",
    [
        "bodohnya saya masa tu, terus percaya",
        "I'm not fussy, any time works",
        "i damn bengap lah, forgot my own password",
    ],
)
def test_self_deprecation_in_malay_order_is_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "check out my yt for free skins glitch",
        "kena blacklist? masih boleh pinjam, duit masuk 30 minit, pm untuk borang",
    ],
)
def test_spam_by_self_promotion_and_blacklist_loans_is_held(text):
    assert_held_as(text, "spam")


@pytest.mark.parametrize(
    "text",
    [
        "my niece keeps typing kms after every lost match, is that normal?",
        'our eldest texts "kms" to friends when stressed, should we see a counsellor?',
        "Kawan sekelas anak saya hantar mesej nak mati, siapa patut saya hubungi?",
        'my son was called "babi" by older boys, should I talk to the teacher?',
        "Tak adil label orang Bangla sebagai pencuri, jiran saya jujur",
        "Salah sangat kata semua pendatang penjenayah",
        "The post below saying refugees should be jailed is hateful, please delete",
        "how do you respond when an uncle says all Indians are liars?",
        "Kawan suka perli bangsa lain, cara terbaik nak tegur dia?",
        "Panggil pelarian macam lipas tu biadab",
        "our neighbour keeps fighting cocks in his backyard, is that legal?",
        "adik saya balik menangis sebab budak sekolah ejek dia",
    ],
)
def test_reported_harm_and_counter_speech_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "my kid's name is Hana Sofea and she studies at SK Bukit Indah",
        "Adam bin Yusof, murid tahun 4 di SK Desa Jaya, kena buli",
    ],
)
def test_a_child_named_with_their_school_is_personal_data(text):
    assert_held_as(text, "personal_data")


def test_round7_templates_share_under_40_percent_of_word_pairs_with_any_held_out_line():
    """The templates from round 7 on (the round-7 ones were written for the model's false holds) are our
    own wordings: no line they expand to shares 40% or more of its word pairs with a held-out line (nor a
    held-out line of six or more pairs 40% of its own with it)."""
    data = Path(dewan_set.__file__).resolve().parent / "data"
    held = [
        json.loads(line)["text"]
        for path in sorted(data.glob("heldout_*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    lines = template_lines_from("# Round 7 (issue 13")
    assert len(lines) > 400
    assert_under_40_percent_shared(lines, held)


@pytest.mark.parametrize("text", ["pi lilit tali kat tengkuk kau sendiri", "menyemak je korang hidup"])
def test_telling_someone_in_malay_to_hang_themselves_or_that_their_life_is_clutter_is_held(text):
    assert_held_as(text, "threat")


@pytest.mark.parametrize(
    "text",
    [
        ("1 r3ally w4nt t0 d13 t0n1ght", "self_harm"),
        ("earned $2,500 in a week with my crypto bot, dm me to learn how", "spam"),
    ],
)
def test_leet_first_person_and_dollar_amounts_are_read(text):
    assert_held_as(*text)


@pytest.mark.parametrize(
    "text",
    [
        'my uncle forwarded "free followers, tekan profile saya", is that a scam?',
        "as a trans man i get nasty DMs every week, how can i filter them?",
        "the audio keeps dropping during the Q&A, anyone else?",
    ],
)
def test_quoted_spam_trans_self_statements_and_audio_complaints_are_published(text):
    assert_published(text)


def test_hearing_hate_and_answering_it_is_counter_speech():
    assert_published("Tiap kali terdengar saudara cakap pendatang semua pencuri, saya tunjuk statistik polis")
