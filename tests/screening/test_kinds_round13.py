"""Round 13 (docs/screening.md, "Round 13"): the kinds fresh hand-written text still slips past most, in the
guideline's words (docs/screening-guidelines.md): insults that use no listed word (a person compared with a
useless thing, their brain, face or voice run down), veiled and conditional threats in English, Malay and
Manglish (a home, a car or a family known, photos held over someone, a host told not to go home alone),
sexual remarks and requests (a minor approached, a body remarked on in Malay), self-harm euphemisms, farewells
and indirect plans; and the benign comments that share their words and must publish at every strictness:
counter-speech that names a stereotype about a group to reject it, hotel nights and goodbyes at the end of a
series, a child's safety asked about, a scammer's threat reported.

These examples are the tests' own, written before round 13's data and retrain. No line ANY template expands to
(every round, not only round 13's) shares 40% or more of its word pairs with one of them (a test below), so
they measure whether the model generalises from the data, not whether it memorised them."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.screening.overlap import assert_under_40_percent_shared, template_lines_from, word_pairs
from tests.screening.test_kinds import assert_held_as, verdict
from webinar.screening import dewan_set, rules, train
from webinar.screening.normalise import normalise
from webinar.screening.pipeline import screen

ROUND13 = "# Round 13 (issue 13"

# Examples the model in use misses (docs/screening.md, "Round 13"), kept as expected failures naming the kind,
# so the tests say what is not learnt yet and pass once a model learns it. The veiled threat and the indirect
# plan are read by round 14's phrase rules and are plain tests now.
_MODEL = "missed by heads-010e1d5069fc (round 12b's weights, round 13's thresholds; docs/screening.md)"
# Round 14: the descriptive put-downs are held by insult.re (docs/screening.md, "Round 14: insults and
# harassment without a listed word"); nothing is left expected to fail.
STILL_MISSED: dict[str, str] = {}


def _cases(texts: list[str]) -> list:
    return [
        pytest.param(t, marks=pytest.mark.xfail(reason=STILL_MISSED[t], strict=False))
        if t in STILL_MISSED
        else t
        for t in texts
    ]


INSULTS = [
    # English
    "you type like someone who lost a fight with the keyboard",
    "the host's jokes are older than my grandma's sofa and half as useful",
    "honestly you add less to this chat than a broken ceiling fan",
    # Malay
    "otak kau ni macam wifi percuma, sekejap ada sekejap hilang",
    "muka penceramah ni macam kuih yang tak menjadi",
    "suara moderator ni macam kipas rosak, sakit telinga dengar",
    # Manglish
    "ur brain buffering since morning ah, simple thing also cannot get",
    "this speaker talk so much but empty like tin kosong",
]

THREATS = [
    # English
    "better sleep with one eye open after what you posted about me",
    "I've got your plate number now, let's see how long that car stays in one piece",
    "keep talking, host, and we'll find out which house is yours",
    # Malay
    "siap kau, aku dah tahu rumah mak kau kat mana",
    "kalau admin padam lagi komen aku, tengok apa jadi pada kedai dia",
    "penceramah ni jangan balik sorang-sorang malam ni",
    # Manglish
    "eh moderator, block me one more time i come find u at ur office",
    "we already got ur photo, later whole group will see, u wait",
]

SEXUAL = [
    # English: a minor approached, a body remarked on
    "you're in form two right? send me a selfie, our little secret",
    "any girls here under 15 want to video call me tonight?",
    "the presenter should turn around so we can all enjoy the view from behind",
    # Malay
    "pinggul cikgu tu besar, geram aku tengok",
    "dada pembentang ni buat aku hilang fokus",
    "adik darjah berapa? jom jumpa abang, jangan bagitau mak",
    # Manglish
    "sis host, u wear like that sure many uncle want to pegang",
    "budak form 1 tu cute la, anyone got her number? want to bring her out",
]

SELF_HARM = [
    # English
    "I've written letters to everyone I love, tomorrow they'll understand",
    "won't be anyone's burden after this weekend, everything is arranged",
    "sold my stuff and cleared what I owed, nothing left to stay for",
    # Malay
    "lelap je la, tak perlu buka mata lagi esok pagi",
    "semuanya aku dah susun rapi, lepas malam ni korang tak jumpa aku lagi",
    "maafkan aku mak, lepas ni tak ada lagi beban untuk keluarga",
    # Manglish
    "after losing everything to the scam, better i just disappear for good lah",
    "dah penat with everything, tonight i settle it once and for all, bye semua",
]

# Counter-speech about groups and the everyday comments that share the weak kinds' words: published at every
# strictness (none of them is a mild word, a link or a personal detail, which strict may hold).
BENIGN_LOOKALIKES = [
    # counter-speech: a stereotype about a group named to reject it
    "It is not fair to blame refugees for every crime, most of them just want to work in peace",
    "People who call foreign workers parasites should try doing their jobs for one week",
    "Tak adil cakap semua orang Cina tamak, ramai yang tolong mangsa scam secara percuma",
    "Pekerja Bangladesh bukan semuanya penjenayah, ramai yang jadi mangsa scam kerja juga",
    "the scammer was from overseas but that does not make every African a scammer",
    # a hotel night, goodbyes and things given away at the end of a series
    "Is there a special room rate for participants staying overnight before day two?",
    "Berapa harga bilik untuk dua malam kalau kami datang dari Johor?",
    "Final time I moderate this series, thank you all and goodbye, take care",
    "I'm giving away my old textbooks after this course, anyone want them?",
    # a child's safety, a body in a health or parenting question
    "How can my daughter stay safe walking back from tuition at night?",
    "my sister is 14, how do I check who she chats with on Roblox?",
    "How do I teach my son that his body is his own and nobody may touch it?",
    # threats by a scammer reported, a house and a brain spoken of without menace
    "Kalau scammer ugut nak datang rumah, boleh terus buat laporan polis?",
    "we will find out which house won the quiz at the end, stay tuned",
    "my brain is fried after this long session, but it was worth it",
    "letih betul hari ni, malam ni masuk bilik awal, esok ada kelas pagi",
]


@pytest.mark.parametrize("text", _cases(INSULTS))
def test_put_downs_without_a_listed_word_are_held_as_insults(text):
    assert_held_as(text, "insult")


@pytest.mark.parametrize("text", _cases(THREATS))
def test_veiled_and_conditional_threats_are_held_as_threats(text):
    assert_held_as(text, "threat")


@pytest.mark.parametrize("text", _cases(SEXUAL))
def test_minors_approached_and_bodies_remarked_on_are_held_as_sexual(text):
    assert_held_as(text, "sexual")


@pytest.mark.parametrize("text", _cases(SELF_HARM))
def test_self_harm_euphemisms_farewells_and_plans_reach_the_care_queue(text):
    assert_held_as(text, "self_harm")


@pytest.mark.parametrize("text", BENIGN_LOOKALIKES)
@pytest.mark.parametrize("strictness", ["relaxed", "standard", "strict"])
def test_counter_speech_and_benign_lookalikes_publish_at_every_strictness(text, strictness):
    v = verdict(text, strictness)
    assert v.action == "publish", (strictness, text, [(r.code, r.matched) for r in v.reasons], v.heads)


def test_every_expected_failure_names_an_example_of_these_tests():
    assert set(STILL_MISSED) <= set(INSULTS + THREATS + SEXUAL + SELF_HARM)


def test_no_template_line_of_any_round_shares_40_percent_of_word_pairs_with_these_examples():
    """The templates teach the kinds, not these sentences. Lines of fewer than five word pairs are left out
    (one shared pair is 40% of "moderator ni bodoh"), except round 13's own, which are all checked."""
    slots, rows = dewan_set.parse()
    examples = INSULTS + THREATS + SEXUAL + SELF_HARM + BENIGN_LOOKALIKES
    lines = [r for r in dewan_set.expand(slots, rows) if len(word_pairs(r["text"])) >= 5]
    assert_under_40_percent_shared(lines + template_lines_from(ROUND13), examples)


def test_round13_writes_each_weak_kind_in_three_languages_with_at_least_40_percent_benign_lookalikes():
    lines = template_lines_from(ROUND13)
    per = Counter((r["category"], r["language"]) for r in lines)
    for category in ("insult", "threat", "sexual", "self_harm"):
        for language in ("en", "ms", "mixed"):
            assert per[category, language] >= 15, (category, language, per[category, language])
    assert per["counter_speech", "en"] + per["counter_speech", "ms"] + per["counter_speech", "mixed"] >= 60
    benign = sum(1 for r in lines if r["label"] == "publish")
    assert benign / len(lines) >= 0.4, (benign, len(lines))


# A question about the safety of someone in the author's care is no threat (rules.safety_question): the threat
# and abuse heads stay quiet on it, and threshold choice no longer counts it (train._eligible reads
# Verdict.quiet). A menace, a condition or someone else's relative ends the reading.
SAFETY_QUESTIONS = [
    "Does the speaker have tips to keep my mother safe walking home alone at night?",
    "my son is not safe at school anymore, what should I do?",
    "selamat ke adik perempuan saya jalan kaki sorang dari stesen LRT waktu malam?",
    "How can the organiser keep participants safe in the car park after dark?",
]
NOT_SAFETY_QUESTIONS = [
    "is your daughter safe walking home? would be a pity if something happened",
    "you better keep your family safe, we know where you live",
    "your son will not be safe at that school",
]


@pytest.mark.parametrize("text", SAFETY_QUESTIONS)
def test_a_question_about_the_safety_of_someone_in_the_authors_care_keeps_the_threat_head_quiet(text):
    assert rules.safety_question(rules.Words(normalise(text)))
    v = screen(text)
    assert v.action == "publish"
    assert "threat" in v.quiet and train._eligible(v, "threat") == 0.0


@pytest.mark.parametrize("text", NOT_SAFETY_QUESTIONS)
def test_a_menace_a_condition_or_someone_elses_relative_is_no_safety_question(text):
    assert not rules.safety_question(rules.Words(normalise(text)))


def test_threshold_choice_counts_a_heads_score_only_where_no_reading_keeps_it_quiet():
    """Every reading the pipeline applies is seen by train._eligible (until round 13: counter-speech only)."""
    notice = screen("we have your address for the certificate, it will be posted next week")
    assert set(notice.quiet) >= {"threat", "abuse"} and train._eligible(notice, "threat") == 0.0
    assert train._eligible(notice, "spam") == notice.heads["spam"]
    plain = screen("Where can we download the slides on screen time?")
    assert plain.quiet == () and train._eligible(plain, "threat") == plain.heads["threat"]


# A body part, then its owner, then a word of looks or desire: the Malay possessive (sexual.re, round 13), and
# hips as a body part in both languages. An organisation (`badan penganjur`) and a body in a health question
# are no remark.
BODY_REMARKS = [
    "peha moderator tu padat betul",
    "pinggang akak host ni menggoda sangat",
    "the presenter's hips are so hot",
]
NOT_BODY_REMARKS = [
    "badan penganjur besar dan cantik susunannya",
    "dada penceramah sakit semalam, dia ok ke?",
    "saya geram dengan scammer tu, macam mana nak lapor?",
    "her hips hurt after the fall, any physio near the venue?",
]


@pytest.mark.parametrize("text", BODY_REMARKS)
def test_a_body_part_named_before_its_owner_with_a_word_of_looks_is_held_as_sexual(text):
    assert_held_as(text, "sexual")


@pytest.mark.parametrize("text", NOT_BODY_REMARKS)
def test_an_organisation_or_a_body_in_a_health_question_is_no_body_remark(text):
    v = verdict(text, "strict")
    assert v.action == "publish", (text, [(r.code, r.matched) for r in v.reasons])
