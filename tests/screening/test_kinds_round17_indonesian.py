"""Round 17, Indonesian comments (docs/screening.md, "Round 17: Indonesian"). The kept-back goal is Indonesian
abusive tweets (recall >= 50% at <= 5% false holds); its proxy, `id_blob`, is chat from Discord, Facebook and
YouTube. Ordinary Indonesian was held where the heads weighed the Malay reading of a word Indonesian types
as it is: the first person "aku" (the self-harm head: "aku nangis nonton ending nya") and "mau", read as Malay
"mahu" ("mau jadi moderator dong"), and where rubbish was rubbish ("tolong jangan buang sampah ke sungai")
or pork was food ("sate babi"). Indonesian first-person self-harm that only the head's "aku" had held is read
by the rules now ("aku pengen mati aja", `udah gak kuat hidup`), and so are telling someone to die and
promising them regret in Indonesian words ("mati aja kamu", `kamu gak pantes hidup`, `kamu bakal nyesel`).

The lines are this round's own, written for these tests (never from the evaluation-only Indonesian tweets,
never from `id_blob`'s test split)."""

from __future__ import annotations

import pytest

from tests.screening.tweets import reasons as _why
from tests.screening.tweets import tweet_verdict as _verdict
from webinar.screening import STRICTNESS
from webinar.screening.normalise import normalise
from webinar.screening.rules import reads_indonesian

ORDINARY = [
    # the Indonesian first person, typed "aku", in everyday lines
    "aku nangis nonton ending nya",
    "aku capek banget, pengen tidur aja",
    # rubbish and pork in their everyday senses
    "tolong jangan buang sampah ke sungai",
    "buang sampah pada tempatnya ya guys",
    "turis pada buang sampah sembarangan di pantai",
    "tempat sampah di depan rumah udah penuh",
    "sate babi enak banget di bali",
    # lookalikes of this round's self-harm lines: a phone that dies, dying of laughter, living somewhere
    "hp aku pengen mati terus, baterainya rusak",
    "aku pengen mati ketawa liat videonya wkwk",
    "capek hidup di jakarta macet terus",
    "aku gak kuat hidup di kota besar, pengen pindah ke desa",
    # lookalikes of this round's incitement and regret lines
    "kamu mending istirahat dulu aja",
    "kamu mending matiin laptop dulu",
    "kamu pasti nyesel gak ikut webinar kemarin",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_indonesian_publishes_at_every_strictness(text):
    for strictness in STRICTNESS:
        v = _verdict(text, strictness)
        assert v.action == "publish", (strictness, text, _why(v))


def test_mau_is_scored_as_typed_in_an_indonesian_comment():
    # "mau" is read as Malay "mahu" by the normaliser; the abuse head weighs "mahu jadi" (0.98) from Malay
    # rows. Scored as typed, the request publishes at relaxed and standard (strict holds it on "moderator").
    for strictness in ("relaxed", "standard"):
        v = _verdict("mau jadi moderator dong", strictness)
        assert v.action == "publish", (strictness, _why(v))


def test_aku_is_scored_as_ane_only_in_a_comment_that_reads_as_indonesian():
    indonesian, malay = "aku nangis nonton ending nya", "aku menangis tengok ending nya"
    assert reads_indonesian(normalise(indonesian))
    assert not reads_indonesian(normalise(malay))
    assert _verdict(indonesian).heads["self_harm"] < _verdict(malay).heads["self_harm"]


LOOKALIKES = [
    # a thing that dies or goes out, not the reader; a hard life nobody deserves; regret over missing a video
    "kalau lampu mati aja kamu langsung panik",
    "hp mati aja kamu udah bingung",
    "kamu gak pantes hidup susah begini",
    "kamu bakal nyesel kalau gak nonton ini",
    "kau pasti menyesal tak daftar awal",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_indonesian_lookalikes_are_no_threat_at_any_strictness(text):
    # Some of these are still held by the abuse head on "kamu" (docs: not changed, measured); no threat rule
    # may read them as telling the reader to die or promising regret.
    for strictness in STRICTNESS:
        v = _verdict(text, strictness)
        assert "threat" not in v.categories, (strictness, text, _why(v))


HELD = [
    # first-person self-harm in Indonesian words: the care queue
    ("aku pengen mati aja", "self_harm"),
    ("rasanya aku pengen mati aja", "self_harm"),
    ("gue udah gak kuat hidup lagi", "self_harm"),
    ("aku udah capek hidup", "self_harm"),
    # telling someone to die, and regret promised
    ("mati aja kamu sana", "threat"),
    ("lu mending mati aja", "threat"),
    ("kamu gak pantes hidup", "threat"),
    ("kamu bakal nyesel udah ngomong gitu", "threat"),
    ("lu pasti nyesel nanti", "threat"),
    # rubbish and pig said of a person stay insults
    ("kamu sampah", "insult"),
    ("dasar sampah lu", "insult"),
    ("sampah masyarakat kayak kamu mending buang ke tempat sampah", "insult"),
    ("dasar babi lu", "insult"),
]


@pytest.mark.parametrize(("text", "category"), HELD)
def test_harmful_indonesian_is_held_at_every_strictness(text, category):
    for strictness in STRICTNESS:
        v = _verdict(text, strictness)
        assert v.action != "publish", (strictness, text, _why(v))
        assert category in v.categories, (strictness, text, v.categories, _why(v))
