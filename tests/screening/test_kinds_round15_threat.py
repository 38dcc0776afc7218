"""Round 15 (docs/screening.md, "Round 15: threats without a listed word"; issue 13, kind 4). Threats of
violence worded without a listed threat word, in English, Malay and Manglish: doom promised to the reader, a
consequence promised to the reader, a role or a group, a life or career to be ruined, a wait or a visit with a
menace, the reader's details held or to be posted, blackmail with photos or chats, a bomb placed or the venue
burnt, a weapon named obliquely and brought to the talk, harm wished "if something happened", "or else", a
person's last webinar, conditional threats after a ban, leetspeak and spaced letters. Every harmful example
is read by a RULE (``threat.phrase``), whatever the model in use scores. Beside them, benign look-alikes
publish at every strictness: hyperbole and idiom, game talk, friends meeting at a booth or a car park, safety
advice, reported threats and help questions, organisers' notices, the host announcing. The wordings are these
tests' own (none from an evaluation file)."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_published_everywhere, verdict
from webinar.screening import rules
from webinar.screening.normalise import normalise

# Threats without a listed threat word: held as threat by a phrase rule at standard.
THREATS = [
    "aku cari kau lepas ni",
    "tunggu lepas webinar ni, kau tengok",
    "kau akan menyesal",
    "siap kau",
    "nahas kau",
    "I know which school your kid goes to",
    "I'll be waiting outside the studio",
    "you won't see tomorrow",
    "sampai rumah kau nanti",
    "if you ban me again, you'll regret the day you were born",
    "if you ban me again I will find you",
    "ban me one more time and see what happens to your family",
    "send money or I share your pics",
    "pay me 500 or your nudes go to your husband",
    "transfer RM1000 tonight or everyone sees your photos",
    "bagi duit atau aku share gambar kau",
    "kalau tak transfer, semua orang akan tengok video kau",
    "I have your address",
    "we have your home address and your phone number, think carefully",
    "aku dah ada alamat rumah kau",
    "I'm going to make him pay",
    "I'm going to make the host pay for this",
    "the speaker will pay for this, mark my words",
    "we'll burn the venue down",
    "someone should torch this studio with the panel inside",
    "there will be a bomb at the venue tomorrow",
    "a bomb is planted in the hall, enjoy your webinar",
    "I'll bring my parang to the next talk",
    "aku bawa golok esok kat dewan",
    "acid on your face next time you speak",
    "I'll throw acid on her face",
    "you'd better watch out host",
    "watch out, I'm coming for you",
    "jaga-jaga kau, aku dah tau muka kau",
    "k1ll y0u",
    "i will k i l l you",
    "1'll f1nd y0u",
    "u r d3ad",
    "you are dead meat",
    "you're a dead man",
    "kau mati malam ni",
    "esok kau tak bangun dah",
    "your family won't be safe after tonight",
    "I'll wait for you at the car park after the session",
    "aku tunggu kau kat parking lepas habis webinar",
    "see you outside after the talk, come alone",
    "meet me outside and we'll settle this properly",
    "I'll find out where you live and pay you a visit",
    "I'll make you regret this",
    "I'm going to ruin your life",
    "I will end you",
    "I'll end your career and your family too",
    "you're next after him",
    "host, you are next on my list",
    "kau mangsa seterusnya",
    "every single one of you will pay",
    "all the speakers will suffer for this",
    "orang macam kau patut hilang, dan aku akan pastikan",
    "aku pastikan kau menyesal seumur hidup",
    "tengoklah apa aku buat pada kau nanti",
    "aku ajar kau cukup-cukup nanti",
    "tunggu je, aku datang",
    "i'm coming to your house tonight",
    "going to visit your office tomorrow with some friends",
    "my boys know where you work",
    "cari kau sampai lubang cacing",
    "kau tak selamat lagi lepas ni",
    "lepas webinar ni aku tunggu kau dekat luar",
    "kau tunggu nasib kau",
    "i swear you'll regret ever opening your mouth",
    "you'll be in a wheelchair when I'm done with you",
    "this is your last webinar, enjoy it while you can",
    "enjoy your last days host",
    "you have 24 hours to delete that or else",
    "delete the video or else",
    "padam post tu, kalau tak kau tahu lah nasib kau",
    "kalau kau report aku, aku sebar semua chat kita",
    "i have screenshots of your chats, pay up or they go public",
    "i'll leak your nudes to your office",
    "i'll dox you and your whole family",
    "i will post your address and IC for everyone",
    "I know your IC number and where your kids study",
    "your daughter is cute, would be a shame if she didn't come home",
    "nice car, would be sad if it caught fire",
    "tell the speaker to check under her car before driving",
    "sekolah anak kau kat SK Taman Melati kan, jaga-jaga",
    "I'm going to stab the panelist",
    "gonna shoot up this zoom meeting's office lol no joke",
    "c u outside aft3r th3 w3binar, c0me al0ne",
    "ill hunt you down",
    "kau tunggu, aku bakar kereta kau",
    "satu hari nanti kau akan rasa",
    "lain kali aku jumpa kau, siap",
    "you'll be six feet under by friday",
    "I swear I'll make your life a living hell",
    "keep it up and you'll be eating through a straw",
    "we know your daughter takes the 7am bus",
    "aku tahu kau balik kerja pukul berapa",
    "jangan ingat kau selamat lepas cakap macam tu",
    "nanti aku datang rumah kau bawa member",
    "you have until midnight to apologise or your kids will pay",
    "i've got your home address, see you soon",
    "tunggu kau kat luar studio lepas live ni",
    "admin, ban me again and i'll burn your house",
    "I hope the venue catches fire with all of you in it",
    "ada orang letak bom dalam dewan tu, tunggu je",
    "bring the cash or the videos go to your wife",
    "if the host keeps talking I'm going to make sure she never speaks again",
    "aku sumpah kau takkan selamat",
    "you're gonna get what's coming to you, speaker",
    "someone's going to get hurt at this event and it won't be me",
    "the next time you post that I'll be at your door",
    "kau jangan ingat aku tak tahu rumah kau",
    "your kid's school is on jalan ampang right? would hate for something to happen",
    "i'll send my boys to deal with you",
    "one day soon you'll pay for what you said",
    "aku akan buat hidup kau macam neraka",
    "I'll find the host after the show and teach her a lesson",
    "n4ntI aku c4ri k4u",
    "y o u   w i l l   p a y",
    "say goodbye to your car",
    "you better hope we never meet",
    "s i a p  k a u",
    "n4has k4u",
    "I'll b3 w@iting 0utside th3 studi0",
    "y0u w0n't s33 t0m0rr0w",
    "k.i.l.l y.o.u",
    "aku c.a.r.i kau",
    "kau akan m3ny3sal",
    "I kn0w which sch00l y0ur k1d g0es t0",
    "s3nd m0ney 0r i sh4re ur p1cs",
    "i'm g0nna m4ke h1m p4y",
    "w a t c h  y o u r  b a c k",
    "b0mb the v3nue",
    "tunggu l3pas w3binar ni",
    "I'LL FIND YOU",
    "y.o.u w.i.l.l r.e.g.r.e.t",
    "I will hurt y o u",
    "i'll k!ll the host",
    "tunggu lepas webinar ni",
    "kau tunggu lepas sesi ni",
    "ur dead",
    "ur dead meat host",
    "hi host, kill u lah",
    "siap kau lah",
    "delete the post or else, tq",
    "salam, sampai rumah kau nanti ok",
    "ur dead bro haha",
    "you are dead meat pls",
    "I will end you lah",
    "kau akan menyesal nanti lah",
    "lain kali aku jumpa kau, siap lah",
]

# Benign look-alikes: published at relaxed, standard and strict.
BENIGN = [
    "I'll kill it at the quiz tonight",
    "this scam makes me want to scream",
    "if someone threatens to share your pics, report to police",
    "he told me he knows where I live, what do I do?",
    "tunggu lepas webinar ni saya tanya lagi",
    "cari kau dekat booth nanti ok",
    "in the game I always hunt down the boss first",
    "my clan will destroy you in mobile legends tonight haha",
    "the host announced: the next session is at 3pm, don't miss it",
    "saying 'I know where you live' to someone is a threat, please don't",
    'someone messaged me "send money or I share your pics", should I pay?',
    "a scammer said he has my address, is it real?",
    "kalau ada orang ugut sebar gambar, jangan bayar, terus lapor polis",
    "you'll regret not joining the next session, it's the best one",
    "kau akan menyesal kalau tak join kelas minggu depan",
    "siap kau punya slide? nak tengok",
    "nahas la aku, lupa bawa charger",
    "I'm going to make my dad pay for the tickets lol",
    "we'll burn through the slides quickly today",
    "this bomb of a presentation blew my mind",
    "the venue is on fire tonight, so many people!",
    "bring your parang for the gotong royong tomorrow",
    "golok dan parang antara senjata tradisional Melayu, ada sejarahnya?",
    "acid reflux is killing me today",
    "watch out, the next slide has a quiz",
    "jaga-jaga ya semua, banyak scam baru bulan ni",
    "hati-hati balik rumah semua, hujan lebat",
    "I'll wait for you at the car park, we can carpool to the next talk",
    "aku tunggu kau kat parking, kita makan sama",
    "see you outside after the talk, I'll buy you coffee",
    "meet me outside the hall after this, I have your book",
    "I'll find out where you can get the recording",
    "I'll make you a copy of the slides",
    "I'm going to end the session here, thank you all",
    "you're next in the queue, host will unmute you",
    "kau orang seterusnya untuk tanya soalan",
    "every single one of you will get a certificate",
    "all the speakers will be here again next month",
    "I have your address for the certificate, is it still correct?",
    "we have your home address on file for the prize delivery",
    "you have 24 hours to submit the feedback form",
    "delete the video or else it'll fill up your storage",
    "i have screenshots of the slides, can share if anyone wants",
    "how do I stop someone who keeps saying they'll dox me?",
    "what happens if someone posts my IC number online?",
    "my daughter is cute in her school photo, where can I print it?",
    "would be sad if the webinar series ended, please continue",
    "check under your car for cats before driving in the rain",
    "SK Taman Melati ada program keselamatan siber tak?",
    "the game boss will stab you if you don't dodge",
    "k1ll the lag pls admin",
    "lain kali aku jumpa kau, belanja aku makan",
    "satu hari nanti kau akan rasa bangga dengan diri kau",
    "tunggu je, sesi Q&A lepas ni",
    "I'm coming to your house tonight for the potluck, right?",
    "my kids are next for the vaccination",
    "enjoy your last days of holiday before school starts",
    "this is your last chance to register for the workshop",
    "I know your IC number is needed for the form, right?",
    "you're dead right about the phishing links",
    "this speaker is killing it tonight",
    "kill me now, this buffering is endless haha",
    "you are dead on, host, that's exactly what happened to me",
    "my phone is dead after the webinar",
    "you won't see tomorrow's session unless you register",
    "kau akan menyesal tak daftar awal",
    "every single one of you will pay less with the early bird code",
    "I'll make sure you get the certificate",
    "I'll be waiting at the lobby for you, we can register together",
    "aku tunggu kau kat luar dewan, jom masuk sama",
    "tunggu je, aku datang kejap lagi",
    "lepas webinar ni kau tengok recording ok",
    "I'll visit your office tomorrow with the documents",
    "see you outside after the talk, bring friends, all welcome",
    "how do I know if someone is going to dox me?",
    "I'll expose you to some great tools today",
    "pay RM50 or I can't send your photos from the event",
    "there is a bath bomb in the goodie bag",
    "I'm bringing my knife to the cooking class at the hall",
    "I will teach you how to spot scams",
    "enjoy your last day of school!",
    "kau tak selamat kalau guna wifi awam",
    "the host will suffer from the lag again",
    "all of you will regret not joining the workshop",
    "my friends know where you can buy it",
    "my ex knows where I live, what do I do?",
    "I have your IC number for the registration, is that ok?",
    "he threatened to dox me, can I report him?",
    "the next speaker will pay tribute to the volunteers",
    "I'll wait for you outside the hall after the session so we can take a photo",
    "I'll end your suffering: the answer is in slide 12",
    "I know your daughter goes to the same school as mine, small world!",
    "jangan ingat kau selamat dari scam kalau tak guna 2FA",
    "don't think you're safe just because you use a VPN",
    "the old shophouse burned down with everyone inside in 1990, so sad",
    "you better hope the wifi holds up for the quiz",
    "say goodbye to your car loan worries with a proper budget",
    "enjoy your freedom while it lasts, school starts monday!",
    "next time you visit KL I'll be at your door with durian and kopi",
    "I'll make your life easier with this password tool",
    "let me teach you a lesson on phishing links",
    "invest early or your kids will pay the price later",
    "I'd hate for something to happen to you on the road, drive safe",
    "I know your wife takes the LRT too, we could carpool",
    "nanti aku datang rumah kau bawa kawan kawan, kita makan",
    "bila Q&A? tunggu lepas webinar ni ada sesi soal jawab",
    "Monty Python fans: bring out your dead!",
]


CASES = [(text, "threat") for text in THREATS] + [(text, "benign") for text in BENIGN]


@pytest.mark.parametrize(("text", "kind"), CASES)
def test_threats_are_held_by_a_rule_and_look_alikes_publish_at_every_strictness(text, kind):
    """A threat is held as a threat by a phrase rule (``threat.phrase``) at relaxed and at standard
    (strict holds more); a look-alike publishes at relaxed, standard and strict."""
    if kind == "benign":
        assert_published_everywhere(text)
        return
    verdicts = {strictness: verdict(text, strictness) for strictness in ("relaxed", "standard")}
    for strictness, found in verdicts.items():
        why = {r.code: r.matched for r in found.reasons}
        assert found.action != "publish" and "threat" in found.categories and "threat.phrase" in why, (
            strictness,
            text,
            why,
        )


def test_there_are_eighty_threats_and_sixty_look_alikes():
    assert len(set(THREATS)) >= 80 and len(set(BENIGN)) >= 60
    assert not set(THREATS) & set(BENIGN)


@pytest.mark.parametrize(
    ("text", "everyday"),
    [
        ("I'll wait for you at the car park, we can carpool to the next talk", True),
        ("lain kali aku jumpa kau, belanja aku makan", True),
        ("satu hari nanti kau akan rasa bangga dengan diri kau", True),
        ("check under your car for cats before driving in the rain", True),
        ("I'll be waiting outside the studio", False),
        ("aku tunggu kau kat parking lepas habis webinar", False),
        ("satu hari nanti kau akan rasa", False),
    ],
)
def test_a_wait_with_an_everyday_purpose_is_an_everyday_reading(text, everyday):
    """The threat head is quiet on a meeting with a purpose (lexicons/everyday.re, round 15); the phrase rules
    still judge the comment."""
    assert rules.everyday_ending(rules.Words(normalise(text))) is everyday


def test_no_example_matches_a_file_its_trigger_words_would_skip():
    """A phrase file is skipped when ``rules._silent`` finds none of its @TRIGGERS words in either reading of
    a comment: on every example, a match of a round-15 file means the file is not skipped."""
    files = {
        "threat": (
            rules._THREAT_TRIGGERS,
            rules._THREAT_RE,
            rules._THREAT_CLAUSE_RE,
            rules._THREAT_VEILED_RE,
        ),
        "everyday": (rules._EVERYDAY_TRIGGERS, rules._EVERYDAY["thing"]),
    }
    for text in THREATS + BENIGN:
        flat = rules.Words(normalise(text))
        readings = [flat.text] + [leet[0] for leet in [flat.leet()] if leet is not None]
        for name, (triggers, *regexes) in files.items():
            matched = any(rx.search(r) for rx in regexes for r in readings)
            assert not (matched and rules._silent(flat, triggers)), (name, text)
