"""Round 12b (docs/screening.md, "Round 12b"): an organiser or service telling people what details it holds or
needs for a stated service purpose is neither a threat nor harassment, and a crowd asked to report a *thing*
(a page, an account, a scam link) and not to hound a person is not a pile-on (docs/screening-guidelines.md:
personal data, threats, harassment). Two readings at the rules level, in the manner of the third-person rule
for self-harm (round 11): they keep the threat and abuse heads quiet on such comments, and only there: a
menace beside the details, or a person as the one reported, ends the reading and the comment is held as
before. EN, BM and Manglish; the wordings are these tests' own (none taken from the data or the held-out
files), apart from round 4's two published examples the round-12 retrains held."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_held_as, verdict
from tests.screening.test_kinds_round3 import assert_published
from webinar.screening import model, rules
from webinar.screening.normalise import normalise

DETAILS_FOR_A_SERVICE = [
    # English
    "we have your address for the certificate, please check your email",  # round 4
    "we have your address for the certificate, it goes out by post on Friday",
    "the registration form needs your IC number for the participation certificate",
    "we need your home address to post the door gift",
    "our team has your email for the e-certificate, check your spam folder",
    "the secretariat needs your postcode for the delivery of the souvenir",
    # Malay
    "kami ada alamat anda untuk pos sijil, sila semak emel",
    "urusetia simpan nombor telefon anda untuk cabutan bertuah sahaja",
    "borang ni perlukan nombor IC anda untuk sijil penyertaan",
    # Manglish
    "we got your address already for the cert, nanti we pos ok",
    "admin ada your email for the e-cert, check spam folder ya",
]

THINGS_REPORTED = [
    # English
    "everyone please report the fake bank page until it is taken down",  # round 4
    "everyone please keep reporting the fake shopee page until it gets removed",
    "guys report this scam link, it is stealing passwords",
    "can everyone report the fake account using the bank logo so it gets taken down?",
    # Malay
    "semua tolong report page palsu ni sampai kena tutup",
    "jom ramai-ramai lapor akaun scam tu sampai kena ban",
    "semua, laporkan laman web palsu tu sampai disekat",
    # Manglish
    "everyone pls report this fake page until kena takedown",
]

# The twins: the same details or the same crowd, with a menace or a person. Held as before.
THREATS_WITH_DETAILS = [
    "we have your address, we know where you sleep",
    "we have your address for the certificate, and we know where you sleep",
    "we got your address already, better watch your back",
    "we need your home address so we can pay you a visit tonight",
    "the form has your IC number for the certificate, and now we know where your family lives",
    "aku ada alamat rumah kau, tunggu je malam ni",
    "kami ada alamat anda untuk pos sijil, dan kami tahu sekolah mana anak kau",
    "eh we got ur address for the cert liao, but better watch ur back ah",
]

PILE_ONS = [
    "everyone keep reporting her page until she quits for good",
    "guys report the host's account until he disappears from the internet",
    "everyone report this clown until he cries and leaves",
    "jom report akaun budak tu sampai dia delete",
    "semua report page perempuan tu sampai dia tutup akaun",
    "mass report the speaker's account guys, make him regret joining",
    "everyone report her tiktok account until she deletes it lah",
    "everyone go report that influencer account until it gets banned",
]


@pytest.mark.parametrize("text", DETAILS_FOR_A_SERVICE + THINGS_REPORTED)
def test_a_services_notice_and_a_thing_reported_are_published_and_the_threat_and_abuse_heads_stay_quiet(text):
    assert_published(text)
    v = verdict(text)
    assert not {"threat", "abuse"} & set(v.fired), (text, v.heads)


@pytest.mark.parametrize("text", THREATS_WITH_DETAILS)
def test_details_beside_a_menace_are_still_held_as_threats(text):
    assert_held_as(text, "threat")


@pytest.mark.parametrize("text", PILE_ONS)
def test_a_crowd_sent_at_a_person_is_still_held_as_harassment(text):
    assert_held_as(text, "insult")


def test_an_insult_beside_a_notice_is_still_held():
    assert_held_as("we have your address for the certificate, you stupid idiot", "insult")


def _words(text: str) -> rules.Words:
    return rules.Words(normalise(text))


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("we have your address for the certificate", True),
        ("kami ada alamat anda untuk pos sijil", True),
        ("the form needs your IC number for the certificate", True),
        ("we need your address to send the lucky draw prize", True),  # the service two words on
        ("we have your address", False),  # no purpose
        ("we need your address to post your photos", False),  # "post" says nothing of what is sent
        ("we have your address for the certificate, we know where you sleep", False),  # a menace
        ("kami ada alamat anda untuk sijil, tunggu je", False),
        ("the certificate is ready, check your address", False),  # no verb of holding before the detail
    ],
)
def test_details_are_read_as_a_services_notice_only_with_a_holding_verb_a_stated_service_and_no_menace(
    text, reading
):
    assert rules.details_for_a_service(_words(text)) is reading


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("everyone please report the fake bank page until it is taken down", True),
        ("jom lapor akaun scam tu", True),
        ("report the scam website link", True),
        ("everyone report her page until she quits", False),  # a person's page
        ("report the host's account", False),  # a role noun
        ("jom report akaun budak tu", False),  # a third person
        ("report your account settings", False),  # a second person
        ("everyone go report that influencer account until it gets banned", False),  # a person's account
        ("report him until he leaves", False),  # no thing
        ("the fake page is still up", False),  # no verb of reporting
    ],
)
def test_a_report_is_read_as_of_a_thing_only_with_a_thing_after_the_verb_and_no_person(text, reading):
    assert rules.thing_reported(_words(text)) is reading


def test_the_abuse_head_reaches_its_threshold_on_a_thing_reported_and_is_kept_quiet_by_the_reading():
    # The reading must be what publishes it: the head alone would hold it as a pile-on.
    text = "semua tolong report page palsu ni sampai kena tutup"
    threshold = model.load().thresholds["standard"]["abuse"]["ms"]
    v = verdict(text)
    assert v.heads["abuse"] >= threshold, v.heads
    assert v.action == "publish" and "insult" not in v.categories
