"""Round 12 (docs/screening.md, "Round 12"): the kinds fresh hand-written text still slips past, in the
guideline's words (docs/screening-guidelines.md): veiled and conditional threats (knowing where someone
studies or works, "watch your back", waiting outside, leaking a person's photos, threats against the host or
speaker), insults that use no listed word (descriptive put-downs of a person), self-harm euphemisms and
indirect plans (giving things away, goodbye notes, not being a problem much longer, `penat nak hidup`),
sexual remarks and requests (soliciting a minor, asking for pictures, remarks on a body, Malay and Manglish
innuendo); and the benign lookalikes that must keep publishing (threat words in a question about a scam,
"kill the lights", game talk, a counsellor's question about someone else's self-harm, sex education, an
organiser holding an address for a certificate).

These examples are the tests' own. The round-12 templates were written not to copy them: no line the
round-12 templates expand to shares 40% or more of its word pairs with one of these examples (a test
below), so the tests measure whether the model generalises from the data, not whether it memorised them."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.screening.overlap import assert_under_40_percent_shared, template_lines_from
from tests.screening.test_kinds import assert_held_as
from tests.screening.test_kinds_round3 import assert_published

ROUND12 = "# Round 12 (issue 13"

# Examples the model in use (round 12b's heads-817135ebf402 weights, trained on this round's data, with round
# 13's thresholds: heads-010e1d5069fc) misses, as round 11's heads-a189bb18d6ee did (docs/screening.md, "Round
# 12", "Round 12b" and "Round 13"). Kept as expected failures with the reason, so the tests say what is not
# learnt yet and pass once a model learns it; the two round 12b's retrain learnt and the Malay threat that
# round 13's thresholds hold are plain tests now, and so are the minors solicited and the Malay body remark
# that round 14's rules hold (sexual.re, minors.re) and the veiled threats and farewells round 14's phrase
# rules read (docs/screening.md, "Round 14: veiled threats and self-harm without a trigger word").
_NOT_KEPT = "missed by heads-817135ebf402 (round 12b) as by heads-a189bb18d6ee (docs/screening.md, Round 12b)"
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


THREATS = [
    # English
    "I know where you study, see you after class",
    "watch your back when you leave the hall tonight",
    "delete your review or those photos of you go to everyone on your contact list",
    "the speaker better not show up at the next event, some people are waiting for her",
    "if the host bans me again he won't walk to his car in one piece",
    "one more word from you and your private pics are on every group chat",
    # Malay
    "tunggu kau kat luar lepas habis webinar ni",
    "jaga-jaga la bila balik malam nanti, aku tahu kau kerja mana",
    "kalau tak bayar, gambar kau aku sebar satu Malaysia",
    "penceramah tu tunggu la nasib dia lepas ni",
    # Manglish
    "eh host, u wait ah, later i see u outside",
    "i know which uni u study one, better be careful",
]

INSULTS = [
    # English
    "your brain runs on 2G",
    "nobody asked you, clown",
    "the speaker has the personality of a wet paper bag",
    "ur opinion as useful as a screen door on a submarine",
    "go back to kindergarten host, you talk like a toddler",
    # Malay
    "muka macam tapak kasut",
    "otak host ni saiz kacang hijau je",
    "hos ni cakap macam radio rosak, menyampah",
]

SELF_HARM = [
    # English
    "giving away my cat and my laptop this week, I won't need them where I'm going",
    "this is my goodbye note to everyone in this chat",
    "don't worry, I won't be a problem much longer",
    # Malay
    "penat nak hidup",
    "esok dah takde aku",
    "dah tulis surat untuk mak, lepas ni dia tak payah risau pasal aku lagi",
    "aku dah penat sangat nak hidup lepas kena tipu",
    # Manglish
    "i already give away all my barang, after this no need to worry about me",
]

SEXUAL = [
    # English: soliciting a minor, asking for pictures, a body remarked on
    "hey little girl how old are you? send pics",
    "are you under 16? dm me, i want to see you in your school uniform",
    "send pics of yourself in the shower",
    "the speaker's chest is very distracting",
    # Malay
    "adik manis umur berapa, jom video call berdua je",
    "akak host ni boleh tahan montok",
    "budak sekolah tu comel, nak nombor dia, nak ajak keluar berdua",
    # Manglish
    "u single ah host? can send me pics tonight",
]

BENIGN_LOOKALIKES = [
    # threat words in a question about a scam
    "The scammer threatened to post my photos unless I pay, should I report to police?",
    "Scammer tu ugut nak sebar gambar saya, patut lapor polis ke?",
    # "kill" for lights and games
    "kill the lights in the hall please, the slides are hard to see",
    "Tutup lampu dewan sekejap, slide tak nampak",
    "we camped their base and killed everyone in the final round lol",
    "that boss fight killed me ten times lol",
    # someone else's self-harm asked about by a helper
    "How do I help a student who cuts herself? Who should the school counsellor call?",
    "kawan saya cakap dia penat nak hidup, macam mana nak tolong dia?",
    "what are the warning signs when a teenager starts giving away their things?",
    # sex education
    "How should parents explain consent and puberty to a 10-year-old?",
    "Pendidikan seks patut mula umur berapa?",
    # organisers and helpers holding details, waiting, a body part in a health question
    "we have your address for the certificate, it will be posted next week",
    "Pihak penganjur ada alamat anda untuk hantar sijil",
    "I'll wait for you outside the hall after the talk to pass you the forms",
    "the speaker's chest pain story was scary, how did she know it was a heart attack?",
    # a brain and a face spoken of without a put-down
    "my brain is slow on Mondays, can you repeat the OTP part?",
]


@pytest.mark.parametrize("text", _cases(THREATS))
def test_veiled_and_conditional_threats_are_held_as_threats(text):
    assert_held_as(text, "threat")


@pytest.mark.parametrize("text", _cases(INSULTS))
def test_put_downs_without_a_listed_word_are_held_as_insults(text):
    assert_held_as(text, "insult")


@pytest.mark.parametrize("text", _cases(SELF_HARM))
def test_self_harm_euphemisms_and_indirect_plans_reach_the_care_queue(text):
    assert_held_as(text, "self_harm")


@pytest.mark.parametrize("text", _cases(SEXUAL))
def test_sexual_requests_remarks_and_innuendo_are_held_as_sexual(text):
    assert_held_as(text, "sexual")


@pytest.mark.parametrize("text", BENIGN_LOOKALIKES)
def test_benign_lookalikes_of_the_round12_kinds_publish(text):
    assert_published(text)


def test_every_expected_failure_names_an_example_of_these_tests():
    assert set(STILL_MISSED) <= set(THREATS + INSULTS + SELF_HARM + SEXUAL)


def _round12_lines() -> list[dict]:
    return template_lines_from(ROUND12)


def test_round12_lines_share_under_40_percent_of_word_pairs_with_these_tests_examples():
    """The templates teach the kinds, not these sentences (the rule the round wrote its lines by)."""
    examples = THREATS + INSULTS + SELF_HARM + SEXUAL + BENIGN_LOOKALIKES
    lines = _round12_lines()
    assert len(lines) > 700
    assert_under_40_percent_shared(lines, examples)


def test_round12_writes_each_kind_in_three_languages_with_at_least_40_percent_benign_lookalikes():
    lines = _round12_lines()
    per = Counter((r["category"], r["language"]) for r in lines)
    for category in ("threat", "insult", "self_harm", "sexual"):
        for language in ("en", "ms", "mixed"):
            assert per[category, language] >= 15, (category, language, per[category, language])
    benign = sum(1 for r in lines if r["label"] == "publish")
    assert benign / len(lines) >= 0.4, (benign, len(lines))
