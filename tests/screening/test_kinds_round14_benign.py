"""Round 14, benign false holds (docs/screening.md, "Round 14: benign false holds"): ordinary webinar comments
in English, Malay and Manglish that the rules held, by kind, in the guideline's words
(docs/screening-guidelines.md: benign, counter_speech, false_friend, neutral_identity, mild). Each must
publish at every strictness (mild words: relaxed and standard, held at strict by policy); beside each kind
stand the harmful near-misses that must still be held.

The examples are the tests' own, written fresh for round 14 (none is a line of Dewan's set or a shared
set)."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_held_as, assert_published_everywhere, verdict

# Figures of speech built on death words (lexicons/hyperbole.re): not the author's self-harm.
HYPERBOLE = [
    "I could die of embarrassment, I fell for the same scam twice",
    "I nearly died of laughter when the speaker showed that fake bank SMS",
    "lol I'm dying to know how they got my number",
    "nak mati gelak tengok contoh mesej scam tu, bahasa Inggeris hancur",
    "honestly I would die for a part two of this talk",
    "I'm dead tired but this was worth staying up for",
    "dying of boredom waiting for the stream to start, is it delayed?",
    "I'm dying of laughing at the host's scam call impression",
    "mati aku kena marah mak sebab tertekan link pelik tu",
    "this lag is killing me lol",
    "the speaker killed it today, great session",
    "my boss will kill me if I miss the second half",
    "my phone is dying, will rewatch the recording",
    "Mampus aku kalau bos tahu aku klik link tu",
    "I'm so dead if my mum finds out I clicked it",
    # A unit, not a figure: "kms" after a number is kilometres.
    "I ran 5 kms this morning before the webinar",
]

# Someone else's words or instruction, reported by the author asking for help (guideline: benign).
REPORTED = [
    "someone in the comments told me to kill myself last week, how do I report that on TikTok?",
    "a guy in the game chat told me to kill myself, can I report him to the police?",
    "ada budak dalam group suruh aku bunuh diri, macam mana nak report?",
    "my housemate keeps saying she wants to die, where can I bring her for help?",
    "cucu saya mengadu dia nak mati sebab kena buli, apa patut saya buat?",
    "my roommate wrote a goodbye letter, who should I call?",
    "The scammer said he would hurt my family if I didn't pay, should I go to the police?",
    "kawan saya selalu cakap dia nak hilang je dari dunia ni, macam mana nak tolong dia?",
    'What do I do if my child receives a message saying "kill yourself"?',
]

# A self-harm wording denied just before it.
DENIED = ["bukan nak bunuh diri, cuma penat dengan semua scam call ni"]

# Counter-speech that rejects a comparison or stereotype by what it does, asks where it comes from, or denies
# having said it.
COUNTER = [
    "Treating migrants as vermin strips them of their dignity, stop sharing those posts",
    "Dari mana datang idea bahawa orang India semua penipu? Tak adil langsung",
    "I never said refugees are criminals, I said the syndicates exploit them",
    "Comparing Malays to parasites is wrong, it is how hate spreads",
    "Saying all Indonesians are scammers is racist, scammers come from everywhere",
    "Tak semua pendatang jahat, ramai yang kerja keras",
]

# A flagged word talked about as a word, a sexual word as the topic of a harm, a phrase's everyday sense.
FALSE_FRIENDS = [
    "Bodoh is an insult in Malay? My Indonesian colleague uses it jokingly",
    'Is "sial" a swear word in Malay or just slang?',
    "Babi is a rude word here but in Indonesia it's also just pork, right?",
    "how to tell my teen that sending nudes can be used for blackmail?",
    "how do I explain to students that sharing nudes can lead to sextortion?",
    "watch your back pocket at the night market, pickpockets everywhere",
    "pls watch your back posture during long sessions, physio tip from me",
    "Question for Dr Dick Lee: how do we report scams?",
    "Tak boleh konek wifi masa webinar, macam mana nak betulkan?",
    "Saya suka tarian butoh dari Jepun, ada kelas dalam talian?",
    "Resipi babi panggang ni dari blog mana? Takut link tu scam",
    "How to kill a frozen app on Android without restarting?",
    "We need to shoot a video for the school safety campaign, any tips?",
    "Can the volunteers hang the poster near the entrance?",
    "Saya butuh bantuan untuk reset password email",
    'My kid\'s class is doing a play called "The Cock and the Fox"',
    'our book club is reading "Moby Dick and the Sea" next week',
]

# Spam signals warned about or asked about, not sent.
SPAM_WARNED = [
    "the free followers link going around is fake, don't click it",
    "giveaway iPhone kat page tu penipuan, jangan daftar",
    'That "RM300 sehari" job ad is a scam, don\'t reply to them',
    "my cousin says buying followers is normal, beli followers tu salah di sisi undang-undang ke!",
    'if a stranger comments "check my profile" on my video, is that a scam!',
]

NEUTRAL_IDENTITY = [
    # News: a passive verb after a gender or group word under a news marker reports an event.
    "berita: lelaki ditahan sebab tipu warga emas guna panggilan palsu, macam mana nak elak?",
    "As a Malay mother I worry about my kids online, any advice?",
    "Pekerja Bangladesh pun ramai kena tipu agensi palsu, ada bantuan untuk mereka?",
    "Do Muslim charities get impersonated by scammers during Ramadan?",
]

MILD = [
    "damn useful lah this session",
    "what the hell is a mule account?",
    "bloody brilliant talk, thank you",
    "crap, I think I clicked that link yesterday, what now?",
]


@pytest.mark.parametrize(
    "text", HYPERBOLE + REPORTED + DENIED + COUNTER + FALSE_FRIENDS + SPAM_WARNED + NEUTRAL_IDENTITY
)
def test_benign_comments_publish_at_every_strictness(text):
    assert_published_everywhere(text)


@pytest.mark.parametrize("text", MILD)
def test_mild_intensifiers_publish_at_standard_and_are_held_at_strict(text):
    for strictness in ("relaxed", "standard"):
        assert verdict(text, strictness).action == "publish", (strictness, text)
    v = verdict(text, "strict")
    assert v.action == "hold"
    assert {r.code for r in v.reasons} == {"profanity.mild"}


# Harmful near-misses of the same words: still held, at standard and strict.
NEAR_MISSES = [
    ("I want to kill myself tonight", "self_harm"),
    ("nobody told me to, I just want to kill myself", "self_harm"),
    ("lost RM5000 kms", "self_harm"),
    ("I could die, there is no point living anymore", "self_harm"),
    ("saya nak bunuh diri malam ni", "self_harm"),
    ("rasa nak mati aku, tak sanggup hidup lagi", "self_harm"),
    ("mampus kau kalau aku jumpa", "threat"),
    ("go kill yourself", "threat"),
    ("kau patut bunuh diri je", "threat"),
    ("watch your back, I know where you live", "threat"),
    ("treating Indians as rats is what they deserve", "hate"),
    ("Muslims are all terrorists", "hate"),
    ("berita baik, pendatang patut dihalau", "hate"),
    ("Rohingya are all criminals, I never said otherwise", "hate"),
    ("you are an idiot, that is an insult", "insult"),
    ("bodoh la kau", "insult"),
    ("that bitch is rude", "insult"),
    ("my ex is a bitch, swear down", "insult"),
    ("send me nudes or I will blackmail you", "sexual"),
    ("FREE giveaway 100% not fake, don't miss out, sub 4 sub", "spam"),
    ("beli followers murah, 1k RM10, pm saya", "spam"),
    ("damn you host", "insult"),
    ('you\'re a "dick and a half"', "insult"),
]


@pytest.mark.parametrize(("text", "category"), NEAR_MISSES)
def test_harmful_near_misses_are_still_held(text, category):
    for strictness in ("standard", "strict"):
        assert_held_as(text, category, strictness)


def test_a_warned_about_signal_with_a_link_is_still_held():
    """A warning does not excuse a link beside it ("... real one at t.me/abc")."""
    v = verdict("giveaway is fake dont click, real one at t.me/abc")
    assert v.action == "hold"
    assert "link" in {r.code for r in v.reasons}
