"""Round 16 (docs/screening.md, "Round 16: threats and hate"; issue 13, kinds 3-5; guideline:
docs/screening-guidelines.md, threat, hate, counter_speech, neutral_identity). Threats and hate still missed
after round 15, by kind: a place of worship, a home or a shop of a group to be burnt, bombed or wrecked;
veiled threats to a group or a role (a lesson taught with a parang, what is "coming" to them, "we know where
you people pray", a weapon waiting); an exception that reverses a rejection of violence ("nobody should hurt
anyone, except ..."); a generalisation said with a verb phrase ("drink like fish", `asyik buat hal`, "can't be
trusted with money"); implicit hate (a group "taking over", replacing, infiltrating, breeding). Every harmful
line is held at standard by a RULE of the threat or hate category, whatever the model scores, and is no
counter-speech. Beside them, benign look-alikes publish at relaxed, standard and strict (burning calories,
`bakar ayam`, "killing it", a lesson about scams, history and news questions, neutral mentions), and
counter-speech that rejects a claim ("people think ... but actually", "it's a myth that", `tak betul la kata`)
publishes even when the claim holds a spam or threat phrase. Every line is these tests' own wording (EN, BM,
Manglish/Singlish), none from an evaluation file."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_published_everywhere, verdict

RULES = {"threat.phrase", "hate.group", "hate.exclusion", "hate.lexicon", "hate.identity"}


def _known_miss(text: str, reason: str):
    """A line this round leaves published (or held), with the reason: an expected failure."""
    return pytest.param(text, marks=pytest.mark.xfail(reason=reason, strict=True))


# A place of worship, a home or a shop of a group to be burnt, bombed or wrecked (threat.re, "place" lines).
PLACES = [
    "should we burn down their temple tonight?",
    "let's torch that church this weekend",
    "someone should bomb the mosque during friday prayers",
    "jom bakar kuil diorang malam ni",
    "kita bom gereja tu hari ahad",
    "I'm going to vandalise their surau tonight",
    "we should smash up every Chinese shop on this street",
    "rosakkan je kedai mamak tu, biar padan muka",
    "bakar je rumah pendatang tu semua",
    "burn their houses down and see if they stay",
    "tonight we set fire to the gurdwara",
    "letupkan masjid tu",
    "nanti kitorang pecahkan cermin kedai Cina tu",
    "time to burn every church in this town",
    "jom serang surau diorang lepas isyak",
]

# Veiled threats to a group or a role: a lesson taught, what is coming, where they live or pray, a
# weapon waiting.
VEILED = [
    "someone should teach these pendatang a lesson with a parang",
    "these bangla will get what's coming to them",
    "tunggu nasib kau, indon",
    "jaga-jaga la korang, kami tahu mana korang tinggal",
    "watch your back, Rohingya",
    "we know where you people pray",
    "a bottle of acid is waiting for that host",
    "orang macam kau patut diajar dengan parang",
    "time to teach the host a lesson he won't forget",
    "ajar sikit pendatang ni, biar dia serik",
    "your kind will get what you deserve soon",
    "we know where the Orang Asli village is, they'd better be careful",
    "the Indons here should learn their place before something happens",
    "jaga-jaga lah kau, aku dah simpan parang",
    "one day all you Christians will get what's coming",
]

# An exception that reverses a rejection of violence: the group after "except" / `kecuali` is the target.
EXCEPTIONS = [
    "nobody should hurt anyone, except the bangla, kill them all",
    "no one deserves violence, except the Rohingya, shoot them",
    "tak ada sesiapa patut dipukul, kecuali pendatang, belasah je",
    "nobody should be attacked for their religion, unless they are Muslim, then burn them",
    "violence is never the answer, except with gays, beat them all",
    "jangan pukul sesiapa, kecuali orang India, bunuh je diorang",
    "I'm against violence, apart from the Chinese, hang them all",
    "nobody deserves to be beaten except the LGBT, they deserve it",
    "we should never hurt people, other than the pendatang, they deserve a beating",
    "tiada siapa patut dibunuh, kecuali Yahudi",
]

# Generalisations said with a verb phrase rather than a trait word (hate_predicates.tsv, round 16 traits).
VERB_PHRASES = [
    "not all Indians are drunks but most of them drink like fish",
    "Indians drink like fish",
    "Rohingya breed like rabbits",
    "Malays can't be trusted with money",
    "bangla ni semua curi barang",
    "pendatang asyik buat hal",
    "orang Cina semua tipu orang",
    "Indons always steal from their bosses",
    "gays can't be trusted around kids",
    "orang India memang suka minum sampai mabuk",
    "Christians always force their religion on everyone",
    "Melayu asyik minta tongkat je",
    "these Rohingya just sit around and take handouts",
    "pendatang semua curi kerja orang kita",
    "Chinese would sell their own mother for money",
]

# Implicit hate: a group taking over, replacing, infiltrating or breeding; telling it to go back.
IMPLICIT = [
    "it's not a conspiracy theory, the Chinese are taking over",
    "the Chinese are taking over our country",
    "pendatang dah ambil alih KL",
    "Muslims are replacing us slowly",
    "Rohingya are infesting our neighbourhoods",
    "orang asing makin membiak kat sini",
    "our land is being flooded by Indons",
    "Christians are infiltrating our schools",
    "Cina kuasai ekonomi, Melayu merempat di tanah sendiri",
    "pendatang ni balik negara asal la",
    "LGBT nak rosakkan anak-anak kita",
    "the Indians are breeding us out",
]

# Benign look-alikes: the same words in an everyday sense, a past event, news or history, a lesson about
# scams, an exception that is a setting ("except in a boxing match"), a neutral or kind mention of a group.
LOOK_ALIKES = [
    "burn calories before the webinar lol",
    "Jom bakar ayam lepas webinar",
    "bakar sate malam ni kat rumah, siapa nak datang?",
    "Our church was vandalised last year, how do we report it to the police?",
    "how do we protect our mosque's Facebook page from hackers?",
    "can I burn the recording to a DVD for my dad?",
    "my phone got bombed with OTP messages, is that a scam?",
    "news: was the temple attack in Penang linked to a scam group?",
    "the church fire in 2019 was an accident, insurance scam people called us after",
    "the temple committee is killing it with the donation drive this year",
    "we burnt the old bank letters before moving house, is that safe?",
    "I teach my kids a lesson about scams every week",
    "that scam taught me a lesson, never click links",
    "history lesson: what can we learn from the May 13 riots?",
    "jaga-jaga dengan link palsu dalam WhatsApp",
    "watch your back for phishing calls this raya",
    "the parang is a traditional Malay farming tool",
    "acid reflux kills me after nasi lemak",
    "tunggu nasib baik je la dapat hadiah cabutan bertuah",
    "we know where the webinar link is, thanks",
    "my dad taught the scammer a lesson by wasting his time for an hour lol",
    "Ajar anak-anak jaga-jaga bila orang asing mesej",
    "tak ada sesiapa patut dipukul, kecuali dalam gelanggang tinju",
    "nobody should hurt anyone, except in a boxing match with rules",
    "no one should share OTPs, except with the bank's official app",
    "no one deserves to be scammed, except maybe the scammers themselves lol",
    "jangan beri sesiapa nombor IC, kecuali pegawai bank yang sah",
    "violence is never the answer, except in a video game lol",
    "nobody should be hit, except the piñata at my son's party",
    "no one should die from scams, except nobody, report them early",
    "jangan bunuh sesiapa, kecuali nyamuk aedes kat rumah",
    "I'm against violence, apart from the action movies I watch",
    "my cat drinks like a fish after playing",
    "my kids can't be trusted with money, any app for pocket money?",
    "bangla workers asyik kena tipu agen, macam mana nak tolong?",
    "orang Cina semua sambut tahun baru minggu ni, webinar ditunda?",
    "my Indian colleague drinks like a fish at parties lol",
    "Do scammers steal from Rohingya refugees often?",
    "Indians always celebrate Deepavali with open houses, so fun",
    "my Malay and Chinese neighbours never pay late, they're great",
    "Orang Asli communities always share their harvest with visitors",
    "scammers can't be trusted with anything, block them",
    "bangla pekerja kilang selalu kena tipu ejen, kesian",
    "AI is taking over our jobs, is that true?",
    "Can scammers take over my WhatsApp account?",
    "the Chinese New Year open house is taking over the whole street lol",
    "balik kampung for raya, any tips to secure the house?",
    "replacing my old phone, which one is safest?",
    "my grandma went back to her home country, India, last year",
    "the Chinese community is taking over the organising of next year's scam talk, thanks!",
    "TikTok is taking over my kids' screen time, any tips?",
    "my neighbour's cats are breeding like crazy lol",
    "our surau committee took over the flood relief, thank you all",
    "bila Cina, Melayu, India sama-sama jaga kawasan, scam pun kurang",
    "the speaker is killing it tonight",
    "my kids had a history lesson on the Japanese occupation, any good books?",
    "was the attack on the church in Penang last year a hate crime? news is unclear",
    "Muslims, Christians and Hindus in our taman joined the scam talk together",
    "Jom bakar lemang untuk raya nanti",
    "the Rohingya family next door taught me to make roti",
    "I teach my kids a lesson about strangers online with role play",
    "how did the police catch the guys who vandalised the temple last year?",
    "burn the old statements after shredding? or just shred?",
    "Pendatang asing pun boleh jadi mangsa scam, jaga-jaga semua",
    _known_miss(
        "mould is infesting my house after the flood",
        "the self-harm head scores it at standard and strict (no rule fires; a model matter)",
    ),
]

# Counter-speech that rejects a claim about a group; the claim may hold a spam or threat phrase.
COUNTER_SPEECH = [
    "people online claim Indians are replacing us, that conspiracy theory is dangerous",
    "the great replacement is a racist conspiracy theory, Muslims are not replacing anyone",
    "dakwaan Cina nak kuasai negara ni teori konspirasi je",
    "saying the Rohingya are infiltrating our towns is a dog whistle, report it",
    "people think refugees get free money but actually they get almost nothing",
    "it's a myth that Indians are all drunks",
    "tak betul la kata orang Melayu semua malas",
    "many believe Rohingya get free houses, but in reality they live in poverty",
    "people assume bangla workers steal, but actually most send every cent home",
    "it's a myth that Chinese want to take over Malaysia",
    "orang ingat pendatang dapat duit percuma, sebenarnya tak dapat apa pun",
    "there's a rumour that gays should be beaten, no one deserves that",
    "It's a myth that Muslims want to bomb churches",
    "Tak betul la kata semua Cina kaya, ramai yang susah",
    "people believe Christians convert kids in schools, but actually there's no evidence",
    "dorang kata pendatang bawa penyakit, padahal semua kena saringan kesihatan",
    "people think Indonesians earn easy money fast from home but actually they work 12 hours a day",
    "people say the Rohingya will burn down our temples but actually they just want to live in peace",
    "it's a myth that refugees get free money, they get almost nothing",
    "orang ingat pendatang dapat duit cepat, sebenarnya gaji mereka kecil sangat",
    "tak betul la kata orang India nak bakar masjid, itu fitnah",
    "many believe Chinese want to take over the economy, but in fact most are small traders",
    "it's a myth that the bangla will kill us all",
]

MISSED = [
    _known_miss(
        "soon Malaysia will belong to the bangla",
        "a group after the claim with no trait of its own ('will belong to'): left to the hate head (strict)",
    ),
]


@pytest.mark.parametrize("text", PLACES + VEILED + EXCEPTIONS + VERB_PHRASES + IMPLICIT + MISSED)
def test_threats_and_hate_are_held_by_a_rule_at_standard(text):
    v = verdict(text)
    reasons = [(r.code, r.matched) for r in v.reasons]
    assert v.action != "publish", (text, reasons)
    assert {"threat", "hate"} & set(v.categories), (text, v.categories, reasons)
    assert RULES & {r.code for r in v.reasons}, (text, reasons)
    assert not v.counter_speech, text


@pytest.mark.parametrize("text", LOOK_ALIKES + COUNTER_SPEECH)
def test_look_alikes_and_counter_speech_publish_at_every_strictness(text):
    assert_published_everywhere(text)


def test_ten_lines_or_more_of_each_kind():
    for kind in (PLACES, VEILED, EXCEPTIONS, VERB_PHRASES, IMPLICIT, COUNTER_SPEECH):
        assert len(kind) >= 10
    assert len(LOOK_ALIKES) >= 40


@pytest.mark.parametrize(
    "text",
    [
        # A shop taken over, minding one's own business, mastering a language: no trait (the hate head may
        # still score the first two at standard, as before this round).
        "orang Cina ambil alih kedai runcit bawah rumah, mereka peramah",
        "Orang Melayu kat taman ni buat hal sendiri je, aman",
        "pelajar India kuasai bahasa Inggeris dengan cepat, bagus",
        # Reported and rejected: a call to burn a place of worship told by someone else.
        "those posts telling people to burn the temple are disgusting, report them",
        "my brother said we should burn their church, I told him that's a crime",
    ],
)
def test_no_rule_reads_these_as_threat_or_hate(text):
    assert not RULES & {r.code for r in verdict(text).reasons}, text
