"""Round 15, counter-speech and talk about harm (docs/screening.md, "Round 15: counter-speech and talk about
harm"; issue 13, kinds 1-3; guideline: docs/screening-guidelines.md, counter_speech, neutral_identity,
false_friend). Counter-speech quotes a slur or a generalisation to reject it, reports what someone wrote,
asks how to answer it, teaches children not to say it or rejects a call to violence ("nobody should ..."):
the words are mentioned, not used, and the comment publishes at every strictness. The harmful lookalikes
use the same markers but keep the hate (a disclaimer, "I'm just saying", "tak semua ... tapi kebanyakan
...", agreement with the claim, a call to violence asked as a question) and stay held at standard and strict.
Every line is these tests' own wording (EN, BM, Manglish); the first batch of each list was written before the
rules, the second and third after the first version of them."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_held_as, assert_published_everywhere, verdict
from webinar.screening import rules
from webinar.screening.normalise import normalise


def _known_miss(text: str, reason: str):
    """A line this round leaves held (or published), with the reason: an expected failure."""
    return pytest.param(text, marks=pytest.mark.xfail(reason=reason, strict=True))


# Quoting, reporting, rejecting, asking how to answer, teaching children, rejecting violence, reported speech.
COUNTER_SPEECH = [
    "people who say Indians are all drunkards are just wrong",
    "People who say Malays are lazy have never met my neighbours",
    "those who claim Chinese are all cheats should be ashamed of themselves",
    "stop saying foreigners are criminals, most of them are just working hard",
    "Please stop saying that refugees are thieves, it isn't fair",
    "jangan cakap orang India semua penipu, tak baik macam tu",
    "jangan kata semua bangla pencuri, ramai yang jujur",
    "tak semua orang Cina kedekut, kawan saya sangat pemurah",
    "tak semua pendatang jahat, kebanyakan datang cari rezeki je",
    "not all Nigerians are scammers, the one who cheated me was a local anyway",
    "saying Muslims are terrorists is racist and plain wrong",
    "saying migrants should be banned from Malaysia is racist",
    "Saying that women should stay at home is sexist, period",
    "kata orang asli bodoh tu memang rasis, stop lah",
    "my uncle keeps saying Chinese are greedy, how do I tell him he's wrong?",
    "bila pakcik saya cakap Melayu malas, macam mana nak jawab dengan sopan?",
    "i hate it when people say Indians smell, so rude",
    "It's not okay to call Bangladeshi workers dirty, they build our houses",
    "Calling gay people sick is hurtful and untrue",
    '"Chinese are all cheats" is the kind of comment that should not be in this chat',
    "someone said all Indonesians are maids, that's so ignorant",
    "tell your friends: blaming foreign workers for every scam is lazy thinking",
    "I used to think all Pakistanis were scammers until I worked with them, I was wrong",
    "whoever wrote that Malays are stupid should be banned from this webinar",
    "host, someone in chat just wrote that all Indians should go back to India, please remove it",
    'admin, a user typed "balik negara asal la keling", tolong ban dia',
    "Hi host, the comment above calls Chinese people pigs, can you delete it?",
    "pls check chat, ada orang tulis bangla semua binatang, report dah",
    'someone posted "kill all the immigrants" in chat, moderators please act',
    'ada orang komen "bunuh je semua pendatang", tolong padam dan ban akaun dia',
    "how should I respond when someone in my family group says Malays are lazy?",
    "What do you reply to a colleague who says refugees are parasites?",
    "macam mana nak tegur kawan yang selalu cakap orang India kotor?",
    "what's the best way to answer hateful comments about migrants on our page?",
    'my students keep posting "go back to China" memes, how do teachers handle this?',
    "I teach my kids never to call anyone keling, it's a slur",
    'ajar anak jangan panggil orang "bangla", tu menghina',
    'we told our son that calling classmates "pondan" is bullying and not acceptable',
    'how do I explain to my 8 year old why "go back to your country" is a hurtful thing to say?',
    "nobody should hurt anyone because of their religion",
    "no one deserves to be beaten up for being gay",
    "tak ada sesiapa patut dipukul sebab bangsa dia",
    'saying "kill them all" about any race is never a joke',
    "people calling for refugees to be shot online should be reported to police",
    "those posts telling people to burn the temple are disgusting, report them",
    "jangan sesekali sokong seruan bunuh kaum lain, itu jenayah",
    "no one should be told to go die because of who they love",
    "I condemn anyone who says foreigners should be beaten",
    'my daughter\'s classmate told her "your kind is not welcome here", what should I do?',
    "The scammer said Indians are easy targets, that's why he picked my dad",
    "a caller told my mum that Malays are stupid and will believe anything, then asked for her PIN",
    'the troll wrote "all Christians are liars" under our church\'s post, can we report him?',
    "Orang yang kata Cina semua kaki judi tu tak kenal pun jiran dia",
    "sapa cakap orang Melayu pemalas, cuba tengok nelayan bangun pukul 4 pagi",
    "Tak betul langsung kata semua pendatang bawa penyakit",
    "bukan semua Bangladeshi penipu, jangan generalise",
    'I keep seeing "Indians are born liars" in the comments, can the mods do something?',
    "ppl saying malays are lazy in this chat, not cool bro",
    "dont say indians are drunkards la, my dad doesnt even drink",
    "Why do people still think Chinese are all rich? my family struggles too",
    "My aunt forwards messages saying foreigners spread diseases, how to stop her?",
    "Host, there's a user saying women can't handle tech, please address it",
    "those claiming refugees steal our jobs never look at the facts",
    "This idea that Indonesians are all thieves needs to die",
    "Jangan sesekali cakap orang asli tak bertamadun, tu menghina",
    'the words "go back to your country" hurt my kids at school, what can parents do?',
    'I was told "balik India la" at the bank today, can I report this?',
    "somebody typed that gays should be locked up, please remove that person",
    "Kenyataan bahawa wanita tak patut bekerja itu seksis dan salah",
    "My teacher said Malays are lazy in class, should I report to the principal?",
    "it's a myth that refugees get free houses here",
    'Stereotaip "Cina kedekut" tu dah lapuk, stop la',
    "Please don't share those videos mocking the Rohingya",
    "Saying Bangladeshis are dirty just because they work in construction is disgusting",
    "Hating all Muslims because of a few extremists makes no sense",
    'my classmate wrote "keling busuk" on my desk, what should I do?',
    "Calls to burn mosques or churches should be reported to the police immediately",
    "nobody deserves to be attacked for their skin colour",
    "tak ada sesiapa layak dibunuh sebab agama dia",
    "No one should ever tell a person to go kill themselves",
    'Kalau ada orang cakap "bunuh semua pendatang", terus report kat polis',
    'people posting "hang all the gays" should be banned from the platform',
    "How do I answer a relative who says Indians are all gangsters?",
    "mcm mana nak balas komen yang kata Melayu semua bodoh?",
    "I stand with our Orang Asli friends, they deserve respect",
    "The speaker is right that blaming migrants for scams is wrong",
    "Someone called my daughter a stupid pendatang at school, how do we handle it?",
    'kids at my son\'s school keep saying "Chinese go home", how do I talk to the principal?',
    "Please don't call Indonesians \"indon\", it's a slur for many of them",
    'I heard a man shout "balik Cina lah" at an aunty in the market, I felt so ashamed',
    'the word "negro" is offensive, please don\'t use it here',
    'saying "keling" is racist even if you think it\'s a joke',
    'my friend keeps using "bangla" for all South Asians, how can I correct him?',
    'If someone tells you "go back to your country", you can report it to the platform',
    'The scammer threatened "I will kill your family", my mum was so scared, what do we do?',
    'A viewer typed "die you idiot" in chat earlier, admin please remove him',
    'jangan la panggil orang gemuk "babi", tak baik langsung',
    "Kids shouldn't be taught that gay people are sinners who deserve to die",
    '"Rohingya should be shot" is an incitement to violence, report it immediately',
    'How do I report someone who wrote "all Malays are stupid" in a WhatsApp group?',
    'My colleague called Indians "smelly" in a meeting, HR said it\'s fine, is it?',
    'We explained to our students that words like "pondan" and "bapok" hurt trans people',
    'people who tell refugees to "go die in the sea" are monsters',
    'a stranger wrote "bunuh semua Cina" on my post, polis boleh ambil tindakan?',
    "Don't threaten scammers with violence, just report them",
    "no one has the right to hit a child, even as discipline",
    "Is it normal that my son's classmates say Indians are dirty? he is Indian and sad",
    "We should teach children that no race is better than another",
    # fourth batch, written before its rules (the mention reading for groups, 'tired of hearing')
    "I'm Indian and I'm tired of hearing that we are all drunks",
    "sick of people saying Malays are lazy, my parents work two jobs",
    "penat dengar orang cakap Cina semua kedekut",
    "muak betul dengar orang kata pendatang semua penjenayah",
    "My kid came home saying Malays are lazy, where did he learn that?",
    "anak saya balik sekolah cakap orang India kotor, mana dia belajar benda ni?",
    "Orang kata Cina semua kaya, padahal ramai yang susah",
    "people think refugees get free money but actually they get almost nothing",  # round 16
    "My friend said Chinese people can't be trusted, I told him he's wrong",
    "We are all Malaysians, no race is lazy or dirty",
    "Telling someone to kill themselves is never okay, even as a joke",
    '"go kill yourself" is not banter, it\'s bullying',
    'Saying "hang them all" about any group is incitement',
    "my brother said we should burn their church, I told him that's a crime",
    "What do I say when my dad says gays should be stoned?",
    'When someone posts "Indians are dogs", I just report and block',
    'The comments calling Rohingya "vermin" broke my heart',
    "I'm a Muslim and I'm not a terrorist, please stop",
    "As a woman in tech, I'm tired of hearing that women can't code",
    "My son's teacher told the class that Chinese are greedy, I'm complaining to the school",
    "If your friend says foreigners are dirty, tell them they're wrong",
    "Nobody is born hating Malays, kids learn it from adults",
    "Apa nak jawab bila kawan cakap semua bangla pencuri?",
    "Saya pun pernah fikir semua Indon pencuri, rupanya saya silap",
]

# Words with an everyday sense (technology, food, arts, names, places, games).
FALSE_FRIENDS = [
    "My router keeps saying the connection was killed, how to fix?",
    "The bootcamp drill sergeant was brutal but fair lol",
    "Our killer feature this year is two-factor login",
    "i need to kill the background process before installing the app",
    "Tolong ajar macam mana nak shoot video dengan telefon",
    "That standup comedian absolutely killed it last night",
    'Is "Batu Pahat" safe from scam syndicates?',
    "The Gay Street in Kuching has a great cafe",
    "Our cat is called Bodoh because she fell into the pond again haha",
    "Sambal belacan ni pedas gila, sedap!",  # round 15 (video): `gila` before praise is an intensifier
    "Mak saya buat kuih tahi itik for raya, nak resipi?",
    "the fish ball noodles were the bomb",
    "We played Cards Against Humanity at the team outing",
    "the horror movie Pontianak Harum Sundal Malam still scares me",
    "Is it safe to use the Pornhub name in a phishing example? as a sample url for the talk",
    "My nephew's Python script crashed with a fatal error, any idea?",
    "Dr Hoe Kok Seng will speak about cyber safety next",
    "can the slides show how hackers execute a brute force attack?",
    "Saya tinggal di Kampung Pandan, ada talk macam ni kat sana?",
    'Why do hackers call it a "dictionary attack"?',
    "Saya butuh bantuan, akaun saya kena hack semalam",
    "Telefon saya dah jahanam lepas jatuh dalam air, data boleh recover?",
    "We use a crash test dummy account to test phishing filters",
    "is there an idiot-proof guide for my parents to set up 2FA?",
    "Babi hutan masuk kebun atuk semalam, ada cara halau yang selamat?",
    "Resipi daging lembu masak hitam untuk jamuan webinar, ada sesiapa?",
    "My dad still uses a dumb phone, is he safer from scams?",
    "The jerk chicken at the food truck was amazing",
    "Tit for tat replies to scammers just waste your time",
    "He hooked a huge fish at Pulau Redang",
    "The Hoe Street branch of my bank closed, where to report card fraud?",
    "We played Donkey Kong on the old console yesterday",
    _known_miss(
        "Pedas gila sambal mak saya, anak-anak pun suka",
        "the abuse head scores `gila` (an intensifier here) at standard and strict; no rule fires",
    ),
    "Our SK Taman Melati PTA is hosting this talk, can Cikgu Aminah share the slides?",
    "Follow the police page on ig at polisdirajamalaysia for scam alerts",
    "Check out the MCMC channel on YouTube for their anti-scam videos",
    "shoot me an email with the slides pls",
    "This spreadsheet is killing me, any faster way to clean data?",
    "we'll hunt down a copy of the recording for you",
    "Chinese whispers is a good game to show how rumours spread",
    "I use Indian ink for my calligraphy class",
    "Kedai mamak tu jual roti canai paling sedap",
    "Our band is called The Bloody Marys, can we play at the charity night?",
    "Mamak stall uncle says scammers target his regulars",
    "Saya tinggal di Kampung Baru Cina, Kajang",
    "The screwdriver set I bought online never arrived, is it a scam?",
    "Bodoh Island? no lah, it's Pulau Bidong, the refugee history museum",
    'My grandma calls me "budak nakal" lovingly lol',
    "The Queen's Gambit taught me chess, not the queen lol",
    "I shot some great photos at the Thaipusam festival",
    "my son at SK Seri Indah was called keling by classmates, who should I tell?",
    "My daughter Form 2 at SMK Bandar Utama keeps getting called fat, what do I do?",
    "my son Darjah 5 di SK Taman Jaya kena ejek, macam mana?",
    "My son Also goes to SK Taman Melati, is the talk for parents there?",
    "my kids School Holidays start next week, any online safety tips?",
    "My son Just started at SMK Damansara, how to set parental controls?",
    "Anak saya Tahun 3 di SK Bukit Indah, ada tips keselamatan internet?",
    "My son Told me his friends at SK Seri Indah call him names, help",
    _known_miss(
        "my daughter Kindergarten teacher at Tadika Sri Murni posted class photos, is that ok?",
        "pii.child reads a capitalised common noun after the child word as the child's name",
    ),
    "My son Ahmad loves this webinar series, thanks!",
    "my son, who studies at SK Taman Melati, asked a great question about scams",
]

# Neutral and positive mentions of a group.
NEUTRAL = [
    "My Bangladeshi colleague taught me how to spot fake job offers",
    "Are there materials for Orang Asli communities in their own language?",
    "Malay, Chinese and Indian aunties in our taman run a scam watch group together",
    "As a Muslim woman, I'd like to know how to protect my photos online",
    "ramai pekerja Indonesia jadi mangsa scam kerja, ada bantuan?",
    "Gay and lesbian teens get targeted by sextortion more, any resources?",
    "The Sikh community centre will host a screening next week",
    "My Chinese grandma is the best at spotting fake calls",
    "Bolehkah pelarian Rohingya melaporkan penipuan kepada polis?",
    "Disabled users need captions on the recording, please",
    "Tamil speakers in our group need the slides translated, can help?",
    "orang Sabah dan Sarawak pun boleh join webinar ni kan?",
]

# Harmful lines that look like counter-speech: held at standard and strict.
HARMFUL = [
    "I'm not racist but Indians are all drunkards",
    "not being racist but Malays are lazy, everyone knows",
    "call me racist but Chinese are all cheats",
    "I'm just saying Bangladeshis are dirty, facts are facts",
    "just saying, refugees are all criminals",
    "tak semua orang India jahat, tapi kebanyakan memang penipu",
    "tak semua pendatang pencuri tapi majoriti memang pencuri",
    "not all migrants are thieves, but most of them are",
    "not all Chinese are cheats, just 99% of them lol",
    "people who say Malays are lazy are right, look at them",
    "those who say foreigners are criminals are telling the truth",
    "stop saying refugees are parasites? no, they are parasites",
    "jangan kata bangla kotor, memang kotor pun",
    "it's not racist if it's true: Indians are liars",
    "it's not a stereotype, Nigerians really are all scammers",
    "no offence but gays are mentally ill",
    "saying Muslims are terrorists isn't racist, it's just the truth",
    "they say Chinese are greedy and honestly they're right",
    "why shouldn't we just kill all the immigrants?",
    "should we burn down their temple tonight?",  # round 16
    "what if we all beat up the next bangla we see?",
    "bila kita nak halau semua pendatang ni keluar?",
    "kenapa tak bunuh je semua pendatang haram?",
    "Is it wrong to say Indians should go back to India? because they should",
    "wouldn't it be better if refugees were shot at the border?",
    "nobody will miss them if we get rid of every foreign worker",
    "why are Malays so lazy?",
    "why are all Indonesians thieves?",
    "I reported a post saying Chinese are pigs, because it's the truth they are pigs",
    "host, ban all the Bangladeshis from this webinar",
    "admin tolong ban semua orang india dari group ni",
    "someone should teach these pendatang a lesson with a parang",  # round 16
    "Not saying all Indians are bad, but I'd never trust one",
    "I don't hate gays, I just think they should all be locked up",
    "some of my friends are Malay but honestly Malays are lazy",
    "With all due respect, women can't do tech",
    "I'm not saying kill them, I'm saying someone should get rid of them",
    "people say I'm racist for saying Chinese are snakes, but they are",
    "it's not hate speech to say Rohingya are vermin",
    "jangan cakap saya rasis, orang cina memang kaki tipu",
    "Tak semua Melayu malas, tapi kebanyakan memang malas",
    "not all Indians are drunks but most of them drink like fish",  # round 16
    "I'm not saying all Chinese are cheats, but most are",
    "people who call Indians dirty are just honest",
    "everyone says Bangladeshis are thieves and everyone is right",
    "I used to think Malays were lazy, now I know they are",
    "stop saying refugees are criminals, they are worse than criminals",
    "don't call migrants rats, rats are cleaner than them",
    "it's not racist to say Nigerians are scammers, it's statistics",
    "call me a bigot but gays are sick",
    "jangan panggil aku rasis, bangla memang pengotor",
    "aku bukan rasis tapi india memang kaki mabuk",
    "orang kata cina kedekut, memang betul pun",
    "bukan semua pendatang jahat, cuma 90% je",
    "why not deport all the Rohingya already?",
    "kenapa tak halau je semua pendatang?",
    "shouldn't we ban all Muslims from entering?",
    "what's wrong with saying Indians smell? they do",
    "honestly Malays are lazy and everyone knows it",
    "Indians are all gangsters, not a stereotype if it's true",
    "who says Malays are lazy? everyone knows they are",
    "sapa cakap India tak mabuk? memang diorang kaki botol",
    "why do people think Chinese are cheats? because they are",
    "this idea that Indonesians are thieves is just the truth",
    "ppl saying bangla are dirty are right tho",
    "those claiming refugees steal jobs are spot on",
    "is it ok to say gays are sick? because they are",
    "I used to think Malays were lazy, now I know it for a fact",
    "my teacher said Indians are drunkards and honestly he's right",
    "a caller told my mum that Malays are stupid, so true lol",
    "Saying Chinese are greedy is not racist, it is a fact",
    "whoever wrote that Indians smell is right, they do",
    "tak semua cina kaki judi, cuma kebanyakan",
    "bukan semua pendatang jahat, tapi mereka semua pencuri",
    "not all refugees are bad, but they are all freeloaders",
    "jangan kata Melayu malas, memang pemalas pun",
    "stop saying migrants are rats, they are worse than rats",
    "Hating all Muslims makes sense, they are all terrorists",
    "nobody should hurt anyone, except the bangla, kill them all",  # round 16
    "no one deserves to live like these pendatang, hantar balik semua",
    # reported speech that agrees with the claim, or puts it in everyone's mouth
    "my dad says Malays are lazy and he is right",
    "everyone says Bangladeshis are thieves, right?",
    "semua orang cakap India kaki mabuk, betul kan?",
    "my friend said Chinese can't be trusted, and I agree with him",
    "they call refugees parasites because that is what they are",
    "people say Indonesians are maids, and that's their place",
    "orang kata pendatang bawa penyakit, memang betul pun",
    "kawan saya cakap Melayu malas, saya setuju",
    "my uncle always says Indians are gangsters, he knows what he's talking about",
    "someone said gays are sick, finally someone brave enough to say it",
]

# Counter-speech that also names a child with their school: personal data, held whatever else it says.
PERSONAL_DATA = [
    "My son Adam from SK Seri Indah was called keling by his classmates, who should I tell?",
    'anak saya Aisyah di SK Taman Jaya kena ejek "budak bodoh" tiap hari, nak buat apa?',
]


@pytest.mark.parametrize("text", COUNTER_SPEECH)
def test_counter_speech_publishes_at_every_strictness(text):
    assert_published_everywhere(text)


@pytest.mark.parametrize("text", FALSE_FRIENDS)
def test_false_friends_publish_at_every_strictness(text):
    assert_published_everywhere(text)


@pytest.mark.parametrize("text", NEUTRAL)
def test_neutral_mentions_publish_at_every_strictness(text):
    assert_published_everywhere(text)


@pytest.mark.parametrize("text", HARMFUL)
@pytest.mark.parametrize("strictness", ["standard", "strict"])
def test_harmful_lookalikes_stay_held(text, strictness):
    v = verdict(text, strictness)
    assert v.action != "publish", (strictness, text, v.heads)
    assert not v.counter_speech, text


@pytest.mark.parametrize("text", PERSONAL_DATA)
def test_a_childs_name_and_school_stay_personal_data_in_counter_speech(text):
    assert_held_as(text, "personal_data")


def _words(text: str):
    norm = normalise(text)
    return rules.Words(norm), norm


def test_a_marker_hidden_inside_a_longer_line_is_still_read():
    # "itu stereotaip" after "tak guna" looked negated; "stereotaip" is a marker of its own.
    flat, norm = _words("melabel orang Sikh sebagai x guna itu stereotaip yg salah")
    assert rules.counter_speech(flat, norm)


def _harm_rejected(flat, norm) -> bool:
    threats = [h for h in rules.threat_hits(flat, norm) if h.category == "threat"]
    threats += [h for h in rules.lexicon_hits(norm, flat, set(), set()) if h.category == "threat"]
    assert threats, norm.original
    return any(rules.harm_rejected(flat, norm, h) for h in threats)


READINGS = {
    "disclaimed": lambda flat, norm: rules.disclaimed(flat),
    "universal_sayer": lambda flat, norm: rules.universal_sayer(flat),
    "reasserted": lambda flat, norm: rules.reasserted(flat, norm) is not None,
    "harm_rejected": _harm_rejected,
}


@pytest.mark.parametrize(
    "reading, text, expected",
    [
        # The claim said again after a rejection (rules.reasserted).
        ("reasserted", "not all migrants are thieves, but most of them are", True),
        ("reasserted", "tak semua orang India jahat, tapi kebanyakan memang penipu", True),
        ("reasserted", "I don't hate gays, I just think they should all be locked up", True),
        ("reasserted", "jangan kata bangla kotor, memang kotor pun", True),
        ("reasserted", "stop saying refugees are criminals, they are victims of war", False),
        ("reasserted", "refugees are human too, stop calling them vermin", False),
        (
            "reasserted",
            "Saying Bangladeshis are dirty just because they work in construction is disgusting",
            False,
        ),
        ("reasserted", "Malays are not lazy, they are not thieves either", False),
        # Harm nobody ought to suffer is rejected (rules.harm_rejected).
        ("harm_rejected", "no one deserves to be beaten up for being gay", True),
        ("harm_rejected", "no one should be told to go die because of who they love", True),
        ("harm_rejected", "nobody should stop me, I will kill you", False),
        ("harm_rejected", "nobody should know, I will stab you tonight", False),
        ("harm_rejected", "nobody should live like this. I will kill you", False),
        # Agreeing with the claim after rejecting it: no counter-speech (rules.disclaimed).
        ("disclaimed", "people who say Malays are lazy are right, look at them", True),
        ("disclaimed", "saying Muslims are terrorists isn't racist, it's just the truth", True),
        ("disclaimed", "bukan semua pendatang jahat, cuma 90% je", True),
        ("disclaimed", "jangan cakap saya rasis, orang cina memang kaki tipu", True),
        ("disclaimed", "people who say Malays are lazy are wrong", False),
        ("disclaimed", "you are right, host, saying Chinese are cheats is racist", False),
        # A claim put in everyone's mouth is the author's own (rules.universal_sayer).
        ("universal_sayer", "everyone says Bangladeshis are thieves, right?", True),
        ("universal_sayer", "semua orang cakap India kaki mabuk, betul kan?", True),
        ("universal_sayer", "My kid came home saying Malays are lazy, where did he learn that?", False),
    ],
)
def test_the_readings_of_this_round(reading, text, expected):
    flat, norm = _words(text)
    assert READINGS[reading](flat, norm) is expected


def test_a_claim_about_a_group_in_someone_elses_mouth_is_mentioned_not_used():
    v = verdict("Apa nak jawab bila kawan cakap semua bangla pencuri?")
    assert v.action == "publish" and "hate" in v.quiet, (v.reasons, v.quiet)
    # Without asking, reporting or rejecting, the same words are held.
    assert verdict("kawan cakap semua bangla pencuri").action != "publish"
