"""Round 14 (docs/screening.md, "Round 14: sexual remarks and approaches to minors"): sexual content
without a listed word and approaches to a child, in English, Malay and Manglish, read by structure
(sexual.re, minors.re): a body word with a word of desire aimed at a person; a person, their clothes or
their body arousing the author; a gaze at a body; innuendo ("fun", "naughty", "kinky", a wink) with a
private place or the author; pictures with a sexual adjective or an endearment; porn offered; a "check
in" with the author; and an approach to a child: the reader's age, being alone or secrecy asked for,
with a private channel, a meeting or a picture. The benign lookalikes share their words: sex education
and parents' questions, grooming reported or named as a topic, health and fitness, clothes, hotel check-
ins for an event, "geram" and "stim" in their everyday senses."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_held_as, assert_published_everywhere, verdict
from webinar.screening import messages

# A sexual remark or request aimed at a person, with no word of the word lists that holds it by itself:
# held as sexual by a phrase rule (sexual.phrase), not only by the model.
REMARKS = [
    "nice curves on the host",
    "that dress does things to me",
    "I'd love to see what's under that blazer",
    "the host has a banging body, can't focus on the slides",
    "speaker's legs are so distracting, wow",
    "that moderator tho, i keep staring at her legs instead of the slides",
    "can't stop staring at the presenter's chest",
    "she can sit on my lap anytime",
    "the host's lips look so soft, want a taste",
    "wanna have some fun after the webinar ;)",
    "host, how about a night at my hotel after this?",
    "are you single? wanna get naughty tonight ;)",
    "come to my room after the session, I'll show you a good time",
    "dm me babe, let's have some private fun",
    "got any kinky pics to share, sis?",
    "send pics babe",
    "moderator u free tonight? we can have fun in my car",
    "selling vid 18sx, pm for link",
    "anyone want video lucah? murah je",
    "badan dia montok gila",
    "geram tengok host ni",
    "host ni buat aku stim",
    "punggung akak host tu bulat, geram betul",
    "nak rasa tubuh pembentang tu",
    "pengacara ni body solid gila, stim aku tengok",
    "jom check in dengan abang malam ni",
    "hantar gambar seksi",
    "sayang, malam ni jom bermalam kat hotel abang",
    "awek, lepas webinar jom enjoy berdua je ;)",
    "ada video lucah tak? share la",
    "sis ur body so mantap, can pm me?",
    "got vid 18sx? share lah bro",
    "jom lepak my condo after webinar, just two of us ;)",
    "host looking extra spicy today, wanna have fun later?",
    "moderator tu geram la, body dia fuyoo",
    "girl u look like the kinky type one",
    "dress host tu ketat sangat, nampak semua, i like",
    "those legs tho 🥵 host",
    "your lips look so kissable speaker",
    "speaker's chest is distracting lol",
    "cikgu tu punya dada besar gila",
    "awek host ni badan cun gila, geram",
    "I want to see the host in a bikini",
    "host, u make me horny",
    "suara dia buat aku sange",
    "anyone want to have fun tonight? pm me girls",
    "after this webinar come to my hotel room, room 305",
    "wanna get kinky with me?",
    "Sis, video call tonight? just you and me",
    "send me a selfie in your pyjamas",
    "hantar gambar tanpa tudung",
    "jual video 18sx murah, ws saya",
    "ada link porn tak?",
    "send me pics of you in your swimsuit, I won't show anyone",
    "moderator got nice rack",
    "the host's body is a 10/10, would smash",
    "nak raba punggung dia",
    "that skirt is so short, turn around pls",
    "bontot pengacara tu lawa",
    "the speaker's thighs in that skirt omg",
    "cikgu host ni seksi gila hari ni, nak peluk",
    "abang nak cium pipi akak host",
    "admin cun, single tak? jom dating malam ni",
    "host, ur so hot i cant concentrate, dm me ur pic",
    "wanna come over tonight? my parents are away ;)",
    "pm me for vids 18sx, rm10 sahaja",
    "sesiapa ada video lucah cikgu viral tu? share sini",
    "send me a video of you dancing in your pyjamas, just for me",
    "presenter's butt is so round",
    "moderator tu body dia memang padu, stim",
    "u look like u give good massages ;) come to my room",
    "makcik host ni masih solid, geram aku",
    "I'd pay to see what's under the host's tudung",
]

# An approach to a child: held as sexual with its own reason (sexual.minor).
APPROACHES = [
    "send me more pics of you, no one will know",
    "how old are you? are you alone at home?",
    "add me on whatsapp, don't tell your parents",
    "how old r u? u home alone? send me a pic",
    "you're 13? that's fine, just delete our chats after",
    "don't tell your mum we talk ok, send me a photo in your school uniform",
    "what school do you go to? i can pick you up, our secret",
    "adik umur berapa, jom jumpa",
    "adik tinggal sorang ke kat rumah? jangan bagitau mak ayah tau",
    "dik, add whatsapp abang, rahsia kita berdua je",
    "adik sekolah mana? nanti abang ambil, jangan cakap kat sesiapa",
    "adik how old ah? come out with uncle, don't tell ur mummy",
    "u alone at home now? can video call? dont tell anyone",
    "dik, berapa umur? dah ada boyfriend? jom keluar dengan abang",
    "hi adik, tingkatan berapa? abang boleh belanja, jangan bagitau mak",
    "how old are you sweetie? your parents home?",
    "are u 12? u look older. add me on snap",
    "kid, don't tell mommy about our chat ok? i'll buy you robux",
    "adik sorang je ke? nak abang datang?",
    "hi dear, how old are you? you look young, send me photo",
    "adik darjah 6 ke? nak kawan dengan abang? jangan bagitau ayah",
    "are your parents home? i can come over, no one will know",
    "how old r u sis? wanna meet up after school?",
    "boleh abang ambil adik balik sekolah esok? rahsia kita je",
    "kid u wanna earn free robux? add me on discord, don't tell ur mom",
]

# Published at every strictness.
BENIGN = [
    "a stranger asked my daughter for pics, how do I report?",
    "my son got a message asking 'how old are you? are you alone?', what should I do?",
    "How do parents verify the age of kids on these apps?",
    "At what age can my child open a WhatsApp account?",
    "how old are you supposed to be to join Instagram?",
    "my chest hurts when I cough, should I see a doctor first?",
    "nice dress, where did you buy it?",
    "love the speaker's blazer, what brand is it?",
    "hot weather today, stay hydrated everyone",
    "body positivity matters, every body deserves respect",
    "Is it normal for teens to ask about sex? how do I answer them?",
    "how do I talk to my 10 year old about private parts and safe touch?",
    "we check in at the hotel at 3pm for the event, right?",
    "jom check in kehadiran dulu sebelum webinar mula",
    "Hotel check in for speakers is at 2pm, see you there",
    "Can I send pics of the scam message to the admin?",
    "hantar gambar resit pembayaran ke emel admin ya",
    "Adik saya umur berapa boleh ada akaun TikTok?",
    "anak saya umur 12, boleh join webinar ni?",
    "my daughter is home alone after school, how do I keep her safe online?",
    "I'm alone at home today so I can focus on the webinar",
    "add me to the whatsapp group for updates please",
    "'don't tell your parents' is a classic grooming line, teach kids to spot it",
    "the scammer said don't tell anyone, is that a red flag?",
    "the quiz was the fun part of the webinar ;)",
    "that was fun, thanks host!",
    "naughty kids in my class keep sharing memes, any tips?",
    "geram betul dengan scammer ni, duit mak saya habis",
    "geram tengok harga barang naik setiap bulan",
    "stim muka kat salon boleh buang jerawat ke?",
    "badan saya sakit lepas kena covid, boleh join webinar esok?",
    "my body is my own, how do I teach this to my kids?",
    "what is sextortion and how do I protect my teens?",
    "macam mana nak report orang yang minta gambar anak saya?",
    "video lucah deepfake guna muka saya, macam mana nak report?",
    "My 14yo got offered vid 18sx in a group chat, who do I report this to?",
    "the figure on slide 5 shows scam losses by state",
    "nice curves on that chart, sales going up",
    "fitness question: how to build chest muscles safely after 40?",
    "host nampak cantik hari ni, baju kurung tu beli mana?",
    "Wanna have some fun with the quiz? Join the Kahoot now",
    "Jom jumpa di dewan utama selepas webinar untuk sesi soal jawab",
    "the alumni dinner is tonight at my hotel ballroom, 8pm",
    "adik umur berapa boleh guna whatsapp sendiri?",
    "my niece was told to keep their chats secret, is this grooming?",
    "Can we see what's under the advanced tab in the settings?",
    "my kids are alone at home during the webinar, can they watch the recording later?",
    "how to set up parental controls so kids don't chat with strangers privately?",
    "the speaker's talk on body image was amazing",
    "sakit dada lepas bersenam, normal ke?",
    "I keep staring at the figure on slide 5, can you explain it?",
    "students were staring at the screen the whole time, great engagement",
    "my eyes hurt from staring at the laptop, any tips?",
    "my chest feels tight after the vaccine, is that normal?",
    "saya sakit dada bila batuk, perlu jumpa doktor ke?",
    "badan saya letih sangat lepas kerja, boleh tengok rakaman nanti?",
    "badan dia kurus sangat lepas sakit, macam mana nak bantu dia makan?",
    "our body of evidence shows most victims are over 50",
    "the speaker's body language was so confident, any tips on public speaking?",
    "chicken breast looks good, want a taste? recipe in the slides lol",
    "the host's legs must be tired after standing for two hours, please take a seat",
    "her voice is so calm, it makes me feel safe to ask questions",
    "the host's voice makes me sleepy, can we get a recording?",
    "speaker buat saya faham betul-betul pasal scam ni, terima kasih",
    "penceramah ni buat aku sedar pentingnya 2FA",
    "this webinar makes me hard to trust any sms now haha",
    "the story of the victim turns me into a more careful person",
    "that talk does things to my motivation, I'm signing up for the course",
    "my cat likes to sit on my lap during webinars",
    "anak saya suka duduk atas riba saya masa webinar",
    "dress code for the gala dinner? is a tight dress ok or too formal?",
    "baju kurung host cantik, beli kat mana?",
    "nice dress host, where did you get it?",
    "love your blazer speaker, very professional look",
    "jom have fun with the quiz after the session, kahoot link coming",
    "are you free tonight? we have a follow-up webinar at 8pm",
    "speaker, are you available later for a quick Q&A with me and my team?",
    "I had fun at the workshop with my friends, thank you",
    "we stayed a night at my hotel near KLCC before the event",
    "my family spent one night at my hotel in Penang, great breakfast",
    "jom check in kehadiran dulu sebelum sesi mula",
    "we check in with the organisers at 8am for registration, right?",
    "boleh check in dengan urus setia di kaunter pendaftaran?",
    "spicy food after the webinar anyone? nasi lemak with extra sambal",
    "this is a spicy hot topic, thanks speaker",
    "naughty kids in my class keep sharing memes, tips?",
    "my son is a bit naughty online, how to set screen time?",
    "jom lepak kat kafe lepas webinar, ramai-ramai",
    "I'll show you a good way to spot phishing emails",
    "share your photos of the event with the hashtag",
    "boleh hantar gambar screenshot scam tu kat sini?",
    "how do I protect my private photos from hackers?",
    "sayang betul anak saya, send pics of the certificate to her please",
    "ada orang share video lucah dalam group sekolah anak saya, apa patut saya buat?",
    "how do I block porn sites on my kids' tablet?",
    "what are the dangers of porn addiction for teens?",
    "Is filem 18SX rating the same as 18+ on Netflix?",
    "my son got a message asking how old are you and are you alone, what should I do?",
    "someone told my niece 'don't tell your parents, our little secret', is this grooming?",
    "how old are you all? I'm 45 and new to this, feel old lol",
    "umur berapa sesuai untuk beri anak telefon sendiri?",
    "you are not alone, many people got scammed too, please video call the helpline",
    "never tell anyone your OTP, if unsure send the bank a photo of the sms",
    "jangan bagitau sesiapa nombor TAC anda, hantar gambar sms tu kat bank",
    "which school do you recommend for coding classes for my son?",
    "kids in school uniform were at the venue, is there a student rate?",
    "under 18s need a parent to sign the consent form, right?",
    "students under 15 can join with a teacher, share photos of your class after!",
    "my little girl loves your videos, can she send a drawing to the host?",
    "adik-adik form 4 boleh jumpa cikgu lepas sesi untuk nota",
    "you are 15 minutes late, the session started already",
    "keep it between us and the bank, never share your PIN",
    "delete the chat after you report it to the police, or keep it as evidence?",
    "nobody will know the answer until the results are out",
    "mak ayah adik ada kat rumah tak masa scam call tu? kena report polis",
    "video call with the speaker is available for premium ticket holders",
    "my 13 year old wants to video call grandma, which app is safe?",
    "geram tengok host ni asyik lambat mula",
    "sis, can you share the slides? thanks",
    "speaker, how old were you when you first got scammed?",
    "umur berapa anak-anak boleh mula guna internet? boleh share video panduan?",
    "are you alone in running this NGO? can we meet after the webinar to volunteer?",
    (
        "my mum is home alone most days, how do I protect her from scam calls?"
        " should I send her photos of scam examples?"
    ),
    "jangan bagitau sesiapa OTP anda, jumpa pegawai bank terus",
    "our little secret to good passwords: use a manager. add me on linkedin",
    "keep it a secret from the kids until the surprise party, then send photos",
    "what school do you go to? I'm from UM too, jom jumpa lepas ni",
    "are you in form 5? spm tips please share video",
    "kids under 13 shouldn't have instagram, share this video with parents",
    "my legs are tired after standing, can we have a break?",
    "that dress code though, business casual or formal?",
    "geram tengok scammer ni",
    "the host's kids can sit on my lap during the family day photo lol",
    "come sit on the front row, there are empty seats",
    "my girl is 12, she wants to video call her cousin, what app is safe?",
    "a night at the museum event is on friday, who's coming?",
    "stim bot tonight after webinar? jom makan ramai-ramai",
    "jom check in hotel untuk seminar esok, booking dah buat?",
    "Is it safe to post my child's photo in school uniform on Facebook?",
    "don't tell your parents you lost money is what scammers say, please talk to them",
    "you're 16? you can join the youth session, send me an email for the link",
    "the host got a big rack of servers in the data centre, how do they secure it?",
    "we're gonna smash our savings target this year with these tips",
    "I would smash that quiz if the wifi works",
    "come to my hotel's ballroom for the alumni dinner, 8pm",
    "my legs tho, so tired after the 10km charity run",
    "the skirt in the scam ad was too short to be real school uniform, report it?",
    "is it safe to video call my kids when they are alone at home after school?",
    "my son plays Roblox, a stranger offered him free robux, how do I report this?",
    "are you 18 or above? you need ID to register for the event",
    "tingkatan berapa yang boleh masuk pertandingan ni?",
    "the speaker's thighs were injured in the marathon, hope she recovers",
    "cikgu host nampak ceria hari ni, terima kasih atas perkongsian",
    "single parents, is there a support group for scam victims?",
    "my parents are away this week, can I watch the replay tomorrow?",
    "how old should my son be before he gets a smartphone?",
    "how old are the scammers usually? are they syndicates?",
    "kenapa scammer selalu suruh mangsa jangan bagitau sesiapa?",
    "boleh hantar video rakaman webinar ni kat email saya?",
    "can parents come to the session with their kids under 12?",
    "my son is in darjah 6, is this talk suitable for him?",
    "our body needs rest after a long webinar, take a break everyone",
    "hot chocolate and a webinar on a rainy night, perfect",
    "the massage chair booth at the event was great",
    "I'd pay to see this talk again, so useful",
    "what's under the hood of this AI scam detector?",
    "saya geram dengan moderator yang tak jawab soalan saya",
    "free robux scams target kids, how do we warn them?",
    "add me on discord for the study group, everyone welcome",
    "tudung host cantik, beli kat mana?",
]

# Held by the sexual model head alone (0.73 and 0.62 against the English threshold; a known miss, the model is
# not retrained this round): no rule of this round holds them.
MODEL_HELD = [
    "please send pics of the slides after the session",
    "hot topic today, thanks speaker",
]


def _rule_codes(text: str) -> set[str]:
    reasons = verdict(text).reasons
    return {r.code for r in reasons if r.category == "sexual" and not r.code.startswith("model.")}


@pytest.mark.parametrize("text", REMARKS)
def test_a_sexual_remark_or_request_without_a_listed_word_is_held_as_sexual_by_a_rule(text):
    assert_held_as(text, "sexual")
    assert _rule_codes(text) & {"sexual.phrase", "sexual.lexicon", "sexual.minor"}, text


@pytest.mark.parametrize("text", APPROACHES)
def test_an_approach_to_a_child_is_held_as_sexual_with_its_own_reason(text):
    assert_held_as(text, "sexual")
    reason = next(r for r in verdict(text).reasons if r.code == "sexual.minor")
    assert reason.category == "sexual" and reason.severity == 2
    assert reason.matched and "child" in reason.message_en and reason.matched in reason.message_en


@pytest.mark.parametrize("text", APPROACHES[:3])
def test_an_approach_is_held_at_every_strictness(text):
    for strictness in ("relaxed", "standard", "strict"):
        assert verdict(text, strictness).action != "publish", (strictness, text)


@pytest.mark.parametrize("text", BENIGN)
def test_sex_education_reports_of_grooming_and_everyday_senses_publish_at_every_strictness(text):
    assert_published_everywhere(text)


@pytest.mark.parametrize("text", MODEL_HELD)
def test_the_model_heads_false_holds_are_no_rule_of_this_round(text):
    assert {r.code for r in verdict(text, "strict").reasons} == {"model.sexual"}, text


def test_one_cue_of_an_approach_alone_is_nothing():
    for text in [
        "how old are you?",
        "don't tell anyone",
        "add me on whatsapp",
        "jom jumpa lepas webinar",
        "are you alone?",
    ]:
        assert "sexual.minor" not in {r.code for r in verdict(text).reasons}, text


def test_the_approach_reason_is_translated():
    english = messages.render_in("sexual.minor", "en", "umur berapa", None)
    malay = messages.render_in("sexual.minor", "ms", "umur berapa", None)
    assert "umur berapa" in english and "umur berapa" in malay and english != malay


def test_the_examples_are_many_and_in_three_languages():
    assert len(REMARKS) + len(APPROACHES) >= 40 and len(BENIGN) >= 40
