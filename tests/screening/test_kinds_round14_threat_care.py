"""Round 14 (docs/screening.md, "Round 14: veiled threats and self-harm without a trigger word"; issue 13,
kinds 4 and 5). Self-harm worded without "die", "kill" or "suicide" (passive wishes, farewells, being a
burden, plans and means, self-injury taken up again) must reach the care queue, and threats worded without a
threat word (a warning not to come back, a consequence promised, a family or a home known, photos held over
someone) must be held as threats, in English, Malay and Manglish. Every harmful example is read by a RULE (its
code is asserted), so the kind is caught whatever the model in use scores. Beside them, the benign comments
that share their words publish at every strictness: reports and help questions, tiredness and hyperbole,
leaving the stream, safety advice, organisers' notices. The wordings are these tests' own."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_published_everywhere, verdict
from webinar.screening import rules
from webinar.screening.normalise import normalise

# Self-harm without a trigger word: must reach the care queue (held, category self_harm).
CARE = [
    # the brief: passive wishes and farewells
    "I won't be a problem much longer",
    "goodbye everyone, thanks for everything",
    "this is my last webinar, tell my mum sorry",
    "I just want to sleep and never wake up",
    "tired of existing",
    "everyone would be better off without me",
    "penat dah hidup",
    "aku nak hilang je dari dunia ni",
    "selamat tinggal semua, maafkan aku",
    "takde guna aku hidup",
    "dah tak larat nak teruskan",
    # ... plans and means, self-injury
    "I've been saving my pills",
    "wrote my note already",
    "dah beli tali",
    "cut myself again",
    "toreh tangan",
    # English: burden and absence, farewells, the world easier without the author
    "I won't be a burden to anyone for much longer",
    "soon I won't be anyone's problem anymore",
    "this is the last time you'll hear from me, thank you all for everything",
    "sorry for everything everyone, this is goodbye",
    "I'm so tired of being alive",
    "everyone's life would be easier without me around",
    "my family would be better off if I was gone",
    "I'm nothing but a burden to everyone",
    "goodbye all, sorry for being a burden",
    "can't do this anymore, I'm done, goodbye",
    # English: plans and means, self-injury
    "I've been hiding my sleeping pills in a drawer, almost enough now",
    "the note for my mum is already written",
    "bought a rope today and it's not for camping",
    "I've started cutting again",
    "burned myself with a lighter again last night",
    # Malay
    "penat sangat dah nak hidup",
    "saya nak hilang terus dari dunia ni",
    "maafkan saya semua, ini kali terakhir korang dengar dari saya",
    "tak guna aku hidup lagi",
    "aku dah tak larat nak teruskan semua ni",
    "semua orang lagi senang kalau aku takde",
    "aku ni beban je pada keluarga",
    "saya dah simpan banyak pil tidur dalam laci",
    "dah beli tali, malam ni je",
    "aku toreh tangan lagi semalam",
    "dah tulis surat untuk mak, maafkan aku",
    # Manglish
    "sudah penat la hidup ni, want to rest forever",
    "i rasa better i tak ada lagi, everyone happier",
    "i dah tulis note for my family already",
    "tonight i kelar tangan again",
]

# Threats without a threat word: held as threat.
THREATS = [
    # the brief
    "better not show up tomorrow",
    "you'll regret this",
    "watch your back",
    "I know which school your kid goes to",
    "I know where you live",
    "one more word and you'll see",
    "tunggu kau balik nanti",
    "siap kau",
    "jaga-jaga lepas ni",
    "nanti aku cari kau",
    "your photos go to everyone unless you pay",
    "aku sebar gambar kau",
    # English: warnings, consequences, surveillance, blackmail
    "you better not come to the next session if you know what's good for you",
    "keep talking and see what happens to you",
    "you'll be sorry you ever posted that",
    "say that again and you'll find out",
    "I know what car you drive and where you park it",
    "nice house you have on Jalan Ampang, be a shame if something happened to it",
    "I've seen your daughter at her school gate",
    "pay me RM500 or your pictures go to your whole family",
    "send the money or I post your videos everywhere",
    "unless you delete that review, everyone sees your nudes",
    "you won't see it coming",
    "your time is coming, host",
    "I'd be careful walking to your car after this if I were you",
    # Malay
    "jangan tunjuk muka esok kalau sayang nyawa",
    "kau tunggu je nanti",
    "siaplah kau lepas webinar ni",
    "lepas ni kau jaga-jaga sikit bila keluar rumah",
    "aku tau sekolah anak kau",
    "aku akan cari kau sampai dapat",
    "kalau tak bayar, aku sebar video kau kat semua orang",
    "gambar kau aku viralkan kalau kau report",
    "kau tengok la apa jadi nanti",
    "berani cakap lagi sekali, tengok apa aku buat",
    # Manglish
    "u wait ah, after this i settle u",
    "better don't come tomorrow, i tell u first",
    "one more time u talk like that, u see what happen",
    "ur pics i send to ur whole family if u don't pay",
]

# Benign look-alikes: published at every strictness.
BENIGN = [
    # the brief: reports and help questions, tiredness and hyperbole, leaving the stream, safety advice
    "my friend said she wants to disappear, how do I help?",
    "I'm dead tired after work",
    "penat gila kerja hari ni",
    "this lag is killing me",
    "goodbye everyone, see you next week!",
    "last webinar of the series, thanks",
    "watch your back for scammers",
    "they know where you live from your posts, so be careful",
    # reports and help questions
    "how do I help my dad who keeps saying he's a burden to everyone?",
    "my grandma keeps saving her pills instead of taking them, how do I talk to her?",
    "how do I report someone who threatens to share my photos?",
    "someone said they'll post my pics unless I pay, what do I do?",
    "kalau kena ugut sebar gambar, terus report polis",
    "jangan sebar gambar orang lain tanpa izin",
    "scammers may say 'I know where you live' to scare you, don't pay",
    'the scammer said "I know where you live" and I panicked, what should I do?',
    "my dad feels like a burden since his stroke, how can we support him?",
    "how do I help a friend who says everyone would be better off without her?",
    "my student wrote a goodbye letter to her family, who do I call?",
    # tiredness, hyperbole, things that end
    "I'm so tired of this buffering",
    "I'm dead tired, goodnight all",
    "penat gila kerja hari ni, nak tidur awal",
    "penat dah hidup kat KL ni, jem teruk",
    "aku nak hilang 5kg sebelum raya",
    "dah tak larat nak teruskan kerja hari ni, esok sambung",
    "my battery won't last much longer, bye all",
    "I won't be much longer, just one quick question",
    "everyone would be better off without scammers",
    "everyone is happier without the lag now",
    "tired of living paycheck to paycheck, any budgeting tips?",
    "tired of existing passwords being leaked, any password manager tips?",
    "I'm so done with this lag, goodbye zoom",
    "game over for me, my team got knocked out",
    "the burden of proof is on the scammer, right?",
    "beban kerja saya banyak sangat minggu ni",
    "saya rasa beban hutang ni berat, ada tips?",
    "sorry for being late, my internet is a burden today",
    # leaving the stream, thanks, last of a series
    "goodbye all, thanks for everything, see you at the next session!",
    "goodbye everyone, catch you next session",
    "goodbye everyone, see you on zoom tomorrow",
    "thanks for everything, speakers! great webinar",
    "thank you for everything, see you next time!",
    "thanks for everything you do, host!",
    "goodbye 2026! thanks for everything",
    "bye all, thanks for everything, the session was great",
    "this is my last question, thank you",
    "this is my last webinar before I retire, thanks everyone",
    "selamat tinggal semua, jumpa minggu depan!",
    "selamat tinggal, jumpa lagi next session",
    "terima kasih untuk segalanya, jumpa lagi tahun depan",
    "maafkan saya semua, saya terlambat join",
    "hari ni kali terakhir saya dengar ceramah dari ustaz ni, dia pindah",
    "my phone is dying, goodbye everyone, will watch the recording",
    "this lag is killing me, goodbye zoom",
    # notes, pills, ropes, cuts in their everyday senses
    "wrote my notes already for the quiz",
    "I'm saving my pills for my trip next month, is that allowed on the plane?",
    "I've been keeping my meds in the fridge, is that ok?",
    "dah beli tali untuk khemah",
    "just bought a rope for my tent",
    "dah beli arang, jom BBQ!",
    "started cutting again on sugar, 3 days in!",
    "I cut myself while cooking, typing slowly",
    "toreh getah pagi tadi sebelum join webinar",
    # safety advice, warnings about scammers, settings
    "watch your back posture when sitting for long webinars",
    "watch your back when lifting heavy boxes",
    "jaga-jaga lepas ni dengan scam baru",
    "jaga-jaga lepas ni dengan link palsu",
    "kau kena jaga-jaga lepas ni bila klik link dalam whatsapp",
    "lepas ni korang hati-hati sikit dengan scammer",
    "your photos go to the cloud unless you turn off auto-backup",
    "your photos go to everyone in the group chat automatically if auto-download is on",
    "I'd be careful walking home alone at night if I were you, lots of snatch thefts lately",
    "It'd be a shame if something happened to your savings, so diversify",
    "would be a pity if anything happened to you on the road, stay safe",
    # organisers' notices, everyday Malay and Manglish, games
    "better not show up late tomorrow, the session starts at 9 sharp",
    "better not come tomorrow if you're sick, we'll share the recording",
    "you better not show up tomorrow without your laptop haha",
    "we'll post the photos on facebook after the event",
    "we'll post your photos on fb after the event, thanks for coming",
    "nanti saya hantar gambar kamu semua kat group whatsapp ya",
    "gambar korang saya hantar kat group nanti",
    "kalau tak bayar yuran, saya tak boleh hantar gambar sijil",
    "pay RM50 or your photos won't be included in the yearbook",
    "unless you upload them, your photos won't go to the gallery",
    "nanti aku sebar poster webinar ni kat group",
    "nanti aku cari kau link tu",
    "dah siap assignment kau? nak tengok sikit",
    "tunggu kau balik nanti baru kita makan",
    "tunggu kau habis kerja nanti kita pergi makan",
    "Saya ada alamat awak untuk hantar sijil",
    "I know where you can find the slides",
    "I know where you can watch the recording",
    "kalau nak tahu, aku tau sekolah mana yang ada program ni",
    "you won't regret joining this session",
    "you'll be sorry you missed this webinar!",
    "your time is coming to shine!",
    "one more question and then we'll wrap up",
    "see you tomorrow, don't be late!",
    "I'm going to kill it at my presentation tomorrow",
    "I won't be a problem anymore, I've fixed my mic",
]


def _codes(text: str) -> list[tuple[str, str]]:
    return [(r.code, r.matched) for r in verdict(text).reasons]


@pytest.mark.parametrize("text", CARE)
def test_self_harm_without_a_trigger_word_reaches_care(text):
    v = verdict(text)
    assert v.action == "hold" and "self_harm" in v.categories, (text, _codes(text))


@pytest.mark.parametrize("text", CARE)
def test_self_harm_without_a_trigger_word_is_read_by_a_rule(text):
    """Not only the self_harm head: a phrase rule reads the kind, whatever the model in use scores."""
    assert "self_harm.phrase" in {r.code for r in verdict(text).reasons}, (text, _codes(text))


@pytest.mark.parametrize("text", THREATS)
def test_threats_without_a_threat_word_are_held_as_threats_by_a_rule(text):
    v = verdict(text)
    assert v.action != "publish" and "threat" in v.categories, (text, _codes(text))
    assert "threat.phrase" in {r.code for r in v.reasons}, (text, _codes(text))


@pytest.mark.parametrize("text", BENIGN)
def test_benign_look_alikes_publish_at_every_strictness(text):
    assert_published_everywhere(text)


def test_there_are_forty_examples_of_each_side():
    assert len(CARE) + len(THREATS) >= 80 and len(BENIGN) >= 80
    assert not set(CARE + THREATS) & set(BENIGN)


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("watch your back for scammers", True),
        ("your photos go to the cloud unless you turn off auto-backup", True),
        ("scammers may say 'I know where you live' to scare you, don't pay", True),
        ("I'd be careful clicking those links if I were you", True),
        ("I know where you live, scammer", False),
        ("watch your back", False),
        ("watch your back scammer, I'm coming for you", False),
    ],
)
def test_safety_advice_is_a_topic_word_without_the_authors_own_menace(text, advice):
    norm = normalise(text)
    assert rules.safety_advice(rules.Words(norm), norm) is advice


def test_a_threat_against_a_scammer_is_still_a_threat():
    v = verdict("watch your back scammer, I know where you live")
    assert v.action != "publish" and "threat.phrase" in {r.code for r in v.reasons}


@pytest.mark.parametrize(
    ("text", "everyday"),
    [
        ("selamat tinggal semua, jumpa minggu depan!", True),
        ("goodbye everyone, see you next week!", True),
        ("my battery won't last much longer, bye all", True),
        ("aku nak hilang 5kg sebelum raya", True),
        ("goodbye everyone, thanks for everything", False),
        ("goodbye all, see you in the next life", False),
        ("see you on the other side, tell my mum sorry", False),
        ("bye host, see you next week, u wait", False),
        ("next time we meet you will regret it", False),
        ("aku cari kau bila jumpa nanti", False),
    ],
)
def test_an_everyday_ending_is_a_return_or_a_thing_that_ends(text, everyday):
    assert rules.everyday_ending(rules.Words(normalise(text))) is everyday


def test_a_farewell_that_returns_nowhere_still_reaches_care():
    for text in ["goodbye all, see you in the next life, tell my mum sorry", "bye everyone, forgive me"]:
        v = verdict(text)
        assert v.action == "hold" and "self_harm" in v.categories, (text, _codes(text))


def test_every_example_match_contains_a_trigger_word():
    """The @TRIGGERS prefilter may skip a file only when no pattern could match (tests/screening/test_rules.py
    checks labelled lines; these are this round's shapes, the veiled threat lines included)."""
    for text in CARE + THREATS + BENIGN:
        flat = rules.Words(normalise(text))
        for rx, triggers in (
            (rules._SELF_HARM_RE, rules._SELF_HARM_TRIGGERS),
            (rules._THREAT_RE, rules._THREAT_TRIGGERS),
            (rules._THREAT_VEILED_RE, rules._THREAT_TRIGGERS),
            (rules._EVERYDAY["return"], rules._EVERYDAY_TRIGGERS),
            (rules._EVERYDAY["thing"], rules._EVERYDAY_TRIGGERS),
        ):
            if rx.search(flat.text) is not None:
                assert triggers is not None and not flat.word_set.isdisjoint(triggers), text
