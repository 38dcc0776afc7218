"""Round 15: insults and sexual remarks without a listed word (docs/screening.md, "Round 15: insults and sexual
remarks without a listed word"; issue 13). Put-downs by comparison, mocked voices, accents and faces, contempt
("who asked you", `siapa bagi dia mic ni`), sarcastic praise with a failure, Malay insult words with affixes and
reduplication (`bodo2`, `sengal2`), Manglish `cacat`; sexual remarks, requests, innuendo with emojis and words,
and approaches to children. Every harmful line is held at standard as its category by a RULE (a model head
alone does not count). Beside them, benign look-alikes that publish at every strictness: false friends
(`mangkuk` a bowl, `lembap` humid, `sengal` aching, `otak-otak udang`, `sundal malam`, a female dog, the loser
of a quiz, `jubur ayam`, Masjid Kapitan Keling), self-deprecation, praise, sex education, reports of grooming.
EN, BM and Manglish; the wordings are these tests' own, written in two waves (the second after the rules of
the first, as a check of the kinds)."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_published_everywhere, verdict

INSULT_RULES = {"insult.phrase", "insult.lexicon", "profanity.lexicon"}
SEXUAL_RULES = {"sexual.phrase", "sexual.lexicon", "sexual.minor"}


def _rule_held(text: str, category: str, rules: set[str]) -> None:
    v = verdict(text)
    reasons = [(r.code, r.matched) for r in v.reasons]
    assert v.action != "publish", (text, reasons)
    assert category in v.categories or (category == "insult" and "profanity" in v.categories), (text, reasons)
    assert rules & {r.code for r in v.reasons}, (text, reasons)


INSULTS = [
    'otak udang betul host ni',
    'speaker ni muka tak malu, dah salah pun nak bercakap lagi',
    'IQ room temperature punya moderator',
    'this guy has the brain of a goldfish',
    'who even invited this clown',
    'siapa bagi dia mic ni',
    'nobody asked you',
    'damn cacat one this guy',
    'bodo la host ni',
    'bangangnya speaker ni',
    'bebal betul korang semua',
    'sengal punya admin',
    'biul ke apa penceramah ni',
    'lembap gila la moderator ni, dari tadi tak jawab',
    'mangkuk hayun betul host ni',
    'sial la kau',
    'celakanya speaker ni',
    'eh bodo2 je kau ni',
    'sengal2 pun ada had, admin',
    'bangang bangang pun jadi host',
    'your voice is like nails on a chalkboard',
    'go learn proper english first before you host, your accent is painful',
    'the host sounds like a chipmunk on helium',
    'with that face you should keep your camera off',
    'wow such a genius, took you 20 minutes to share a screen',
    'oh great, another expert who cant even unmute himself',
    'not bad for someone who clearly has no idea what he is talking about',
    'pandai betul kau, share skrin pun tak reti',
    'hebat sangat la penceramah ni, soalan senang pun tak boleh jawab',
    'host ni badut sarkas',
    'kepala hotak kau',
    'kau ni memang lembap, dari tadi tanya benda sama',
    'mangkuk ayun punya admin',
    'host ni gemuk macam tong dram',
    'that lisp is so annoying, get someone who can talk properly',
    'pelat macam budak tadika, siapa ambil dia jadi speaker',
    'room temp IQ moderator strikes again',
    'imagine being this clueless and still holding the mic',
    'kesian host ni, otak tak sampai',
    'tak malu ke muka macam tu masuk kamera',
    'who asked u',
    'no one asked lah uncle',
    'siapa jemput mamat ni? buang masa',
    'host ni lagi bengap dari kambing',
    'mulut longkang betul mamat ni',
    'mamat ni biul sikit kot, baik pergi tidur',
    'seriously who gave this guy a mic',
    'thanks for nothing, captain obvious',
    'congrats on wasting an hour of my life, host',
    'look at his bald head shining lol, cant focus on anything else',
    "the moderator's brain cell is lonely",
    'lembapnya admin ni, sakit hati tengok',
    'sialan punya speaker',
    'celaka betul moderator ni',
    'muka tembok tak tahu malu',
    'dasar otak udang',
    'bodoh sombong betul panel ni',
    'you have a face for radio and a voice for silent films',
    'is the speaker always this slow or is today special',
    'who hired this potato',
    'siapa yang bagi mamat ni pegang mic, tolong la',
    'tak tahu malu betul penceramah ni, dah kantoi pun buat tak tahu',
    'your accent is so cringe, cant understand a word',
    'who asked this guy lol',
    "the host's laugh sounds like a dying goat",
    'ko ni cacat otak ke apa',
    'bodo2 pun jadi moderator',
    'sengalnya admin ni, soalan aku delete',
    'mangkuk betul speaker ni, jawapan merepek',
    'biul betul la kau ni',
    'lembap2 macam siput, host',
    'oh wow what a pro, cant even pronounce scam properly',
    'room temperature IQ take from the panel as usual',
    "that moderator's single brain cell is working overtime today",
    'thanks for wasting 2 hours of my time, speaker',
    'imagine being that useless and still on stage',
    'with a face like that he should stay off camera',
    'muka tak malu, tipu orang lepas tu datang bagi ceramah',
    'nobody asked bro',
    'bangang2 je semua panel',
    'kau ni otak udang betul',
    'you bitch',
    'host ni loser, quiz pun tak reti buat',
    'what an idiot this speaker is',
    'sundal la kau',
    'jubur kau',
]

SEXUAL = [
    'the host is looking so fine tonight, wanna come over?',
    'speaker so seksi today, cant concentrate',
    'akak host ni montok la',
    'body padu betul minah ni',
    'stim aku tengok moderator ni pakai baju ketat',
    'gersang dah ni, ada sesiapa nak teman malam ni?',
    'send me a photo of you in that dress',
    'can I get your number hot stuff',
    'lets meet after the webinar, just the two of us 😉',
    'those lips 💋 though, host',
    'the speaker got a nice pair 🍈🍈',
    'I would love to see what is under that baju kurung',
    'dia punya punggung 🍑 mantap',
    'ada yang single tak? cari teman untuk malam ni, dm',
    'wanna video call tonight? camera on, no clothes',
    'send foto sexy sikit la',
    'host tu pakai ketat sangat, nampak bentuk',
    'rate my 🍆 ladies',
    'dah lama tak kena belai, siapa nak volunteer',
    'your voice makes me wet',
    'suara host ni manja, buat aku tak tidur malam',
    'bet she is wild in bed',
    'tudung labuh pun boleh tahan seksi',
    'speaker ni peha gebu',
    'sis, share la pic bikini',
    'i want to taste those lips',
    'budak sekolah pakai uniform memang menggoda',
    'bukak la kamera, nak tengok body',
    '😏😏 host ni kalau pakai lingerie mesti power',
    'bring ur friend, we can have a threesome',
    'what colour is your underwear',
    'apa warna seluar dalam kau',
    'moderator ni boleh tahan, kalau dapat semalam pun jadi',
    'the host can sit on my lap anytime 😘',
    'admin cun, single ke? jom dating',
    'kakak moderator ni mesti sedap',
    'ur legs in that skirt are distracting, turn around pls',
    'nak tengok host pakai baju tidur',
    'presenter ni hot gila, boleh buat bini',
    'damn she thicc 🍑🍑',
    'send nudes host',
    'the host looking fine af today, can I come over later?',
    'sexy can i get your whatsapp',
    'anyone single tonight? dm me',
    'hantar gmbr pakai bikini sikit',
    'imagine her in lingerie 😏',
    'nak teman abang tidur malam ni tak',
    'i want to kiss those lips host',
    'minah ni body solid gila',
    'cikgu tu pakai baju ketat sampai nampak bentuk badan',
    'jom threesome lepas webinar',
    'suara akak host ni menggoda betul',
    'kalau dapat semalam dengan host ni pun cukup',
    'speaker ni mesti sedap',
    'admin single ke? jom keluar malam ni',
]

APPROACHES = [
    'how old are you? dm me',
    'adik umur berapa, jom jumpa',
    'u still in school ah? pm me',
    'dik sekolah mana? jom lepak dengan abang',
    'hey cutie are you in form 2? add me on snap',
    'adik dah ada boyfriend? abang boleh ajar macam macam',
    'how old r u, where do u live, I pick u up',
    'you look mature for 13, want to be my gf?',
    'girls in form 3 msg me, ada hadiah',
    'adik form 2 ke? pm abang, abang belanja',
    'hi adik manis, dah ada pakwe? abang boleh tunjuk benda best',
    'you look older for your age, want to be my girlfriend? dont tell your mum',
    'boys in form 1 msg me for free robux',
]

BENIGN = [
    'siapa bagi ucapan alu-aluan tadi? sangat baik',
    'who asked about the refund process earlier? here is the link',
    'the voice of the narrator in the scam video sounds like a robot',
    'saya tak tahu malu nak tanya, tapi apa itu OTP?',
    'jangan malu, semua orang boleh tanya',
    'the goat curry recipe site was a scam, lost RM200',
    'our IQ test app turned out to be malware',
    'my single brain cell this morning is not enough for this topic haha',
    'thanks for not wasting our time, great talk',
    'captain of the school team asked me about scams',
    'imagine being a scammer and still sleeping well at night',
    'he looks mature for 13, and the scammer used that in the game chat, how do I report it?',
    'mangkuk plastik dari kedai online tu pecah, boleh refund?',
    'cuaca lembap sangat, laptop jadi panas',
    'adik saya dah ada girlfriend, dia tanya pasal dating scam',
    'single parents boleh dapat bantuan apa?',
    'any single sign on option for this portal?',
    'the speaker wore a lovely baju kurung today',
    'kalau dapat sehari cuti pun cukup la',
    'suara dia sedap bila menyanyi, pandai betul',
    'budak sekolah kena scam guna hadiah percuma, macam mana nak elak?',
    'students in form 5 can join the essay contest, details on the website',
    'cikgu suruh kami pakai baju sekolah masa webinar',
    "my son's body temperature is high, skip the webinar?",
    'the host explains better than my teacher did, thank you',
    'dia cacat penglihatan, ada sari kata untuk webinar ni?',
    'barang yang sampai cacat sikit, boleh claim?',
    'jom jumpa di booth MCMC selepas sesi ini',
    'hebat sangat penceramah ni, semua soalan boleh jawab',
    'pandai betul scammer ni, polis pun tak boleh kesan',
    'otak otak udang dari Muar memang sedap, ada kedai online yang dipercayai?',
    'taik lalat kat muka saya berubah bentuk, perlu jumpa doktor ke?',
    'bunga sundal malam wangi, ada penjual benih yang sah?',
    'bontot periuk saya hitam, guna apa nak cuci?',
    'sakit punggung lepas duduk lama masa webinar, ada tips?',
    'you can see it with the naked eye, no app needed',
    'nampak dengan mata kasar pun, tak perlu mata telanjang',
    'nude lipstick shade sold by this page, scam or not?',
    'my brother plays hooker for the rugby team',
    'we bought a shag carpet online and it never arrived',
    'the door knob of the office is broken',
    'mixed nuts hamper from this seller, is it legit?',
    'my dog is a bitch, she just had puppies, any vet tips?',
    'cream crackers sold at half price on this page, scam?',
    'our Maine Coon cat ate a phone charger',
    "homo sapiens evolved in Africa, my son's homework",
    'keep the kitchen spick and span for the visitors',
    'the kids need three balls for the football class',
    'screwdriver set sold at RM5, too cheap to be real?',
    'meraba-raba dalam gelap masa blackout, phone pun habis bateri',
    'Masjid Kapitan Keling di Penang buka untuk pelawat?',
    'April fool pranks on whatsapp, are they dangerous?',
    'the loser of the quiz still gets a certificate?',
    'idiot-proof guide to setting 2FA, where is it?',
    'speed hump near the school was removed',
    'this sucks, my account was hacked again',
    'dumbbell set from this shopee seller never arrived',
    'cuaca lembab minggu ni, baju lambat kering',
    'Bang, boleh share slide tadi?',
    'the pirate booty game my son plays asks for card details',
    'woodpecker sounds in the background of the webinar lol',
    'kambing golek for the kenduri, any trusted caterer?',
    'the beaver documentary was great, any similar content?',
    'apa maksud seksi dalam bahasa Indonesia? saya nampak seksi konsumsi dalam poster',
    'dia kata "bodoh" tu bukan perkataan yang baik, betul ke?',
    'fanny pack dijual murah, scam ke?',
    'the jubur of the chicken is removed before cooking?',
    'pussy willow branches for Chinese New Year deco',
    'dong is the currency in Vietnam, scams there use it too',
    'blow dryer recall notice from this page, real?',
    'Resipi ni perlukan dua mangkuk tepung dan satu mangkuk gula',
    'cuaca lembap hari ni, wifi pun slow',
    'baju tak kering sebab udara lembap, ada tips?',
    'beli pelembap muka online, barang tak sampai, scam ke?',
    'the peacock feathers in your background are lovely',
    'my son wants to do a cockpit simulator course, is this site legit?',
    'saya guna stim wap untuk cuci sofa, ada servis cucian palsu?',
    'body email scam tu ada link pelik',
    'the body of the email had a fake bank link',
    'my brain is like a goldfish today, can you repeat the link?',
    'otak saya macam udang hari ni, maaf tanya lagi',
    'aku ni memang lembap bab teknologi, tolong ajar',
    'how do I talk to my teen about sexting',
    'someone asked my daughter her age and to dm, what should I do',
    'IQ test websites asking for IC number, scam ke?',
    'keep the medicine at room temperature, the pharmacist said',
    'siapa bagi hadiah mic ni? nak ucap terima kasih',
    'nobody asked me for my OTP, is the call still a scam?',
    "the clown at my son's party was great, any safe booking sites?",
    'semoga kita semua terhindar daripada celaka scammer ni',
    'jangan rasa bebal kalau tak faham teknologi',
    'beli mangkuk tingkat online kena tipu, macam mana nak report?',
    'mangkuk tandas rosak, tukang paip minta deposit dulu, scam ke?',
    'badan rasa sengal lepas gym semalam',
    'kepala rasa biul tengok banyak sangat slide, saya rehat kejap',
    'ada bahan untuk orang cacat penglihatan?',
    'barang sampai cacat, seller tak nak refund',
    'jangan malu bertanya, semua orang pernah kena scam',
    'I have the memory of a goldfish, where is the link again?',
    'how do I teach my kids about body safety?',
    'my daughter got a message saying how old are you? add me on whatsapp, how do I report it?',
    'the host looks great today, love the batik',
    'speaker ni cantik dan bijak, inspirasi betul',
    'your voice is so calming, can you do a podcast?',
    'cocktail party invite from unknown number, scam?',
    'body kereta ni padu, tak mudah kemek',
    'semangat padu team admin, terima kasih',
    'mesin stim baju saya rosak, ada kedai servis?',
    'musim kemarau, kebun jadi gersang',
    'cari teman study group untuk kursus ni, sesiapa berminat?',
    'jom jumpa di booth kami selepas webinar',
    'adik saya umur berapa boleh daftar akaun TikTok?',
    'how old do you need to be to join the youth programme?',
    'that joke made my brain hurt lol, so clever',
    'kambing golek untuk majlis, ada vendor dipercayai?',
    'tak bodoh pun kalau tanya soalan asas',
    'what does biul mean? my son keeps saying it',
    "the speaker's accent is lovely, where is she from?",
    'who asked the question about credit cards? great one',
    'nobody asked about refunds yet, can I?',
    'siapa jemput speaker ni? nak jemput dia ke sekolah kami juga',
    'who invited this speaker? she was brilliant',
    'wow such a genius idea, thanks for sharing',
    'congrats host, what a great session',
    'the chipmunk cartoon my kids watch had scam ads, how to block?',
    'muka depan laman web palsu tu nampak sama macam bank',
    'bodohnya aku percaya mesej tu, jangan jadi macam aku',
    'my son is 12, how do I check if his game chat is safe?',
    'what age is appropriate for a first phone?',
    'a stranger told my niece she looks mature for her age, is that grooming?',
    'is it normal for a tutor to ask students to keep secrets?',
    'seluar dalam dijual murah di page ni, macam scam',
    'the lips emoji in that scam message, what does it mean?',
    'the host has a lovely smile, very welcoming',
    'pipi montok baby saya, suka sangat gelak',
    'saya dah rasa sengal-sengal badan sebab demam',
    'ujian IQ anak saya, kena bayar RM50, scam ke?',
    'lembapnya internet rumah saya hari ni',
    'the speaker explained it so well, even my grandma understood',
    'ada kursus seksual dan kesihatan reproduktif untuk ibu bapa?',
    'hot weather today, stay hydrated everyone',
    'seksyen 13 ada kelas komuniti tak?',
    'teenager saya kena minta gambar oleh orang asing, macam mana nak lapor?',
    'bulu ayam untuk kraftangan, peacock colour ada?',
    'single mothers ada bantuan tak untuk kursus ni?',
    'cari teman untuk pergi seminar esok, jom jumpa di lobi',
    'share la pic slide tadi, tak sempat snap',
]

MODEL_FALSE_HOLDS = [
    pytest.param('your voice is so soothing, thanks speaker', marks=pytest.mark.xfail(reason='the sexual head (not retrained this round) scores praise of a voice; no rule fires', strict=False)),
    pytest.param('who even invited the scammers into our family group chat?', marks=pytest.mark.xfail(reason='the abuse head, from standard up; no rule fires', strict=False)),
    pytest.param('saya rasa tak malu nak mengaku saya kena tipu', marks=pytest.mark.xfail(reason="the self_harm head scores 'saya rasa tak ...' at every strictness; no rule fires", strict=False)),
    pytest.param('nice dress host, the colour suits the theme', marks=pytest.mark.xfail(reason='the sexual head, at strict only', strict=False)),
    pytest.param('nasi lemak akak kantin ni mesti sedap', marks=pytest.mark.xfail(reason='the abuse head, from standard up; no rule fires (the rule for a person called tasty needs the person just before)', strict=False)),
]


@pytest.mark.parametrize("text", INSULTS)
def test_an_insult_without_a_listed_word_is_held_by_a_rule(text):
    _rule_held(text, "insult", INSULT_RULES)


@pytest.mark.parametrize("text", SEXUAL)
def test_a_sexual_remark_or_request_is_held_as_sexual_by_a_rule(text):
    _rule_held(text, "sexual", SEXUAL_RULES)


@pytest.mark.parametrize("text", APPROACHES)
def test_an_approach_to_a_child_is_held_as_sexual_at_every_strictness(text):
    _rule_held(text, "sexual", SEXUAL_RULES)
    for strictness in ("relaxed", "strict"):
        assert verdict(text, strictness).action != "publish", (strictness, text)


@pytest.mark.parametrize("text", BENIGN)
def test_false_friends_self_deprecation_praise_and_reports_publish_at_every_strictness(text):
    assert_published_everywhere(text)


@pytest.mark.parametrize("text", MODEL_FALSE_HOLDS)
def test_benign_look_alikes_the_model_heads_still_hold(text):
    assert_published_everywhere(text)


def test_a_mild_intensifier_publishes_at_standard_and_is_held_at_strict():
    assert verdict("damn useful lah this session").action == "publish"
    assert verdict("damn useful lah this session", "strict").action != "publish"


@pytest.mark.parametrize("text", ["bodo2 je kau ni", "sengal2 pun ada had, admin"])
def test_a_reduplication_written_with_2_is_its_word(text):
    assert "insult.lexicon" in {r.code for r in verdict(text).reasons} or verdict(text).action != "publish"


def test_the_examples_are_many():
    assert len(INSULTS) + len(SEXUAL) + len(APPROACHES) >= 80
    assert len(BENIGN) >= 80
    assert len(set(INSULTS + SEXUAL + APPROACHES + BENIGN)) == len(INSULTS + SEXUAL + APPROACHES + BENIGN)
