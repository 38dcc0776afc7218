"""Round 15 (docs/screening.md, "Round 15: self-harm without a listed word"; issue 13, kind 5). Self-harm and
suicidal ideation said without a listed word, in English, Malay and Manglish (passive death wishes, goodbye
and final messages, plans and means, burden talk, self-injury, hopelessness after a scam, abbreviations,
leetspeak and emoji cues beside words) reach the care queue, each read by a phrase rule (its code is
asserted) at every strictness; the benign look-alikes (hyperbole, help-seeking for someone else, recovery
talk, prevention and dose questions, tiredness with a scam or a task, games, songs, farewells that return)
publish at every strictness, by the rules and the self_harm head alike. The wordings are these tests' own."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_published_everywhere, verdict
from webinar.screening import rules
from webinar.screening.normalise import normalise

STRICTNESS = ("relaxed", "standard", "strict")

# Must reach the care queue (held, category self_harm, read by a self-harm phrase rule).
CARE = [
    # passive death wishes (English)
    "wish I could just not wake up tomorrow",
    "it would be better if I disappeared",
    "honestly I'd rather not be alive anymore",
    "I hope I don't wake up tomorrow morning",
    "some nights I pray I won't wake up",
    "I just want everything to stop, permanently",
    "I don't want to be here anymore",
    "would be nice to just not exist",
    "part of me wants to never wake up again",
    "I keep wishing a lorry would hit me on the way home",
    "sometimes I hope I get into an accident so it all ends",
    "I'm ready to go, I've had enough of this life",
    # burden talk
    "my kids would be better off without me honestly",
    "I'm just a burden to my family, they'd be happier if I was gone",
    "aku menyusahkan semua orang, baik aku takde",
    "saya ni cuma menyusahkan keluarga je",
    "nobody would even notice if I was gone",
    # goodbye and final messages
    "this is my last post, thank you all",
    "thank you all, goodbye",
    "maaf semua, selamat tinggal",
    "I just wanted to say I love you all, goodbye",
    "by the time you read this I'll be gone",
    "this will be my final message here. take care everyone",
    "ini mesej terakhir saya, halalkan semuanya",
    "sorry mak, aku dah tak tahan. selamat tinggal",
    # plans and means
    "I have a bottle of sleeping pills ready for tonight",
    "ubat tidur sebotol dah ada dalam laci, malam ni aku telan",
    "dah beli racun, tunggu malam je",
    "tali dah ikat, aku dah bersedia",
    "thinking about jumping from the 20th floor tonight",
    "gonna swallow everything in the medicine cabinet tonight",
    "I looked up how high a building needs to be to not survive the fall",
    "I'm going to step in front of a train tomorrow",
    "planning to drive off the penang bridge after this",
    "rasa nak terjun dari jambatan pulau pinang",
    "nak minum racun rumput je lah senang",
    "i've got the pills lined up on my desk, tonight's the night",
    # self-injury
    "cutting again tonight, can't stop",
    "relapsed last night after 200 days clean of sh",
    "been doing sh again, nobody knows",
    "aku toreh tangan lagi semalam",
    "kelar lengan lagi, rasa lega sikit",
    "the only thing that helps is hurting myself",
    "my arms are covered in fresh cuts again",
    # hopelessness after a scam
    "lost everything to this scam, no reason to keep going",
    "kena scam RM80k, duit simpanan habis, rasa tak guna hidup lagi",
    "all my savings gone, I can't face my family, I'm going to end it",
    "lepas kena tipu ni aku rasa nak mati je",
    "the scammers took my retirement fund, there's nothing left for me to live for",
    "my life is ruined after the scam, I want to die",
    "duit habis kena scam, baik aku mati je",
    # Manglish and colloquial Malay
    "i dah penat hidup la, nak hilang je dari dunia ni",
    "sumpah i rasa nak end everything tonight",
    "penat hidup",
    "nak hilang je dari dunia ni",
    "kalau aku takde pun takpe",
    "dah tak larat nak teruskan",
    "i rasa better i takde in this world",
    "tak sanggup dah, i want to die la",
    "i nak mati je rasanya",
    "life sucks i nak end it je",
    "aku tak nak bangun esok pagi",
    "kalau i mati esok pun no one cares",
    # abbreviations, leetspeak and emoji cues with words
    "kms lol this webinar",
    "i want to k1ll myself",
    "i just want to unalive myself after losing my savings to this scam",
    "gonna unalive tonight fr",
    "sewerslide is looking good rn",
    "thinking of ctb tonight, i'm tired",
    "i wanna d1e",
    "su1c1de is the only option left for me",
    "going to kms tonight for real",
    "💊💊💊 malam ni aku telan semua",
    "the blade 🔪 is my only friend now",
    "👋 goodbye world, it's been a hard ride",
    # Malay
    "aku dah tak tahan hidup macam ni, nak mati",
    "baik aku mati daripada hidup macam ni",
    "saya nak tamatkan semua ni malam ni",
    "aku rasa nak gantung diri kat kipas",
    "tak ada gunanya aku hidup lagi",
    "aku nak tidur dan tak bangun lagi",
    "saya dah sediakan surat untuk keluarga, maafkan saya",
    "esok aku dah takde, jaga diri semua",
    "aku nak pergi jauh, takkan balik lagi",
    "semua orang akan lebih bahagia kalau aku pergi",
    "aku nak habiskan nyawa aku sendiri",
    "terfikir nak overdose ubat semalam",
    "aku penat jadi beban pada semua orang",
    # English: plans told as decisions, things given away, an ending named
    "I've decided tonight is the night",
    "I've given away my things and said my goodbyes",
    "🪢 dah siap, aku dah bersedia",
    "ending it after this session, thanks for the tips anyway",
    "there's no point in going on after this scam",
    "I can't see a future for myself anymore, I want out",
    "🔪 is my only friend now",
    "i keep thinking about ending my life since the scam",
    # the readings that excuse a phrase do not reach past it
    "what does it mean when I want to die every day",
    "I used to want to die and now I want to again",
    "I'm not suicidal, I just want to disappear forever",
    # a second batch of shapes, written after the first lines were in: thinking about dying, the will to live
    # lost, the pain ending tonight, nice knowing you, the last day on earth, no way but death,
    # `biar aku pergi`
    "I don't see myself making it to next year",
    "nobody will have to deal with me soon",
    "I've been researching the easiest way to go",
    "I'm going to take all my insulin tonight",
    "I keep staring at the pills thinking how easy it would be",
    "all I want is to sleep forever",
    "I'm tired of fighting to stay alive",
    "the pain will end tonight, I promise",
    "i want to die so bad rn",
    "I've lost the will to live after this scam",
    "no one would care if I jumped",
    "I can't do this anymore, I'm sorry mum",
    "i think about dying every day",
    "my family will get my insurance money at least",
    "esok pagi korang takkan jumpa aku lagi",
    "aku dah penat, biar aku pergi",
    "tak guna lagi aku hidup dalam dunia ni",
    "rasa macam nak lompat dari tingkat 20 ni",
    "aku simpan ubat tidur banyak dah",
    "dah tak nampak jalan lain selain mati",
    "saya rasa lebih baik saya tiada",
    "aku nak potong urat tangan",
    "semua ni akan berakhir malam ni untuk aku",
    "hidup aku tak bermakna lagi lepas kena tipu",
    "aku berharap tak bangun esok",
    "i rasa nak give up on life already",
    "life not worth it la after losing rm50k",
    "i dah tulis surat for my parents, sorry",
    "tonight i end everything, sorry korang",
    "kalau esok i takde, jangan cari i",
    "i want to disappear and never come back",
    "it's my last day on earth",
    "i'm planning my own funeral lol not joking",
    "I just want the pain to stop forever",
    "i keep hurting myself to feel something",
    "goodbye, it was nice knowing you all",
    "sleeping pills + alcohol tonight",
    "aku asyik sebut nak tidur selamanya",
    # a third batch, written blind after the fresh held-out files showed no change: `biar aku mati`,
    # checking out for good, a late parent joined, an illness hoped for, not deserving to live
    "after losing RM200k to the investment scam I've been thinking the world doesn't need me",
    "honestly what's the point anymore, my whole savings gone",
    "i don't want to be alive when my husband finds out about the money",
    "lepas kena scam macam ni, aku rasa macam nak tamatkan riwayat",
    "duit KWSP habis kena tipu, aku malu nak hidup",
    "rasa macam tak layak hidup lagi",
    "I don't deserve to live after being this stupid",
    "takde sebab untuk aku bangun pagi esok",
    "biar je aku mati, senang cerita",
    "I'm going to end things tonight",
    "i'm checking out for good",
    "this world is better without me in it",
    "want to kms fr fr",
    "thinking of jumping in front of the LRT",
    "nak minum clorox je la",
    "i have the rope ready",
    "I'll be with my late mother soon",
    "aku nak ikut arwah mak",
    "I hate myself so much I want to disappear",
    "I've been hurting myself since the scam",
    "kadang2 aku toreh lengan bila stress",
    "I'm worthless, nobody needs me, might as well go",
    "aku dah tak nak hidup",
    "tak sanggup nak hidup lagi",
    "just say goodbye to my kids for me",
    "I'm so ashamed I want to die",
    "I have nothing to live for",
    "I hope the cancer takes me soon",
    "my last wish is for my kids to forgive me",
    "I'd be doing everyone a favour by dying",
    "i think my family will be relieved when I'm gone",
    "stop caring about me, i won't be here next week",
    "i'm just waiting to die at this point",
    "dah tak ada semangat nak hidup",
    "i want to end my suffering",
    "I'm a failure, i don't deserve to breathe",
]

# Must publish at every strictness (guideline: third persons, questions, figures, recovery are benign).
BENIGN = [
    # hyperbole and everyday tiredness
    "I'm dying to know the answer",
    "mati kutu saya nak jawab soalan tu",
    "nak pengsan tengok harga rumah sekarang",
    "this webinar is killing me with laughter lol",
    "I could die of embarrassment after falling for that scam",
    "my phone is dying, can someone share the slides",
    "lol I'm dead 😂 that joke",
    "penat gila hari ni, kerja dari pagi",
    "tired of this scam nonsense, how to block these numbers?",
    "I nearly had a heart attack when I saw the bank notification",
    "nak gila dah layan scammer ni",
    "rasa nak menangis tengok duit hilang, macam mana nak report?",
    # help-seeking for someone else (guideline: a third person's self-harm is benign; the author asks for
    # help)
    "my friend said she wants to die, how do I help?",
    "kawan saya cakap dia nak bunuh diri, apa patut saya buat?",
    "my dad lost his savings to a scam and keeps saying he wants to disappear, what do I do?",
    "my student wrote a goodbye note, who should I call?",
    "adik aku asyik cakap penat hidup, macam mana nak tolong dia?",
    "what are warning signs that someone is suicidal?",
    "how can I talk to my mum after she was scammed, she seems hopeless",
    "my colleague said everyone would be better off without him, should I tell HR?",
    "my teenager has been cutting, where can we get help in Selangor?",
    "I used to want to die but therapy helped me, there is hope",
    # recovery talk, denials, prevention questions
    "two years clean from self harm today, thank you Befrienders",
    "saya pernah rasa nak bunuh diri lepas kena scam, tapi sekarang dah okay, jangan putus asa",
    "after the scam I felt hopeless but talking to someone helped",
    "I'm not suicidal, just angry at the bank",
    "what is the Befrienders hotline number?",
    "does the webinar cover suicide prevention for scam victims?",
    "Is there a talian for people feeling hopeless after scams?",
    "how do banks support victims who feel like giving up?",
    # tired of a scam or a task
    "tired of this scam, reported it 3 times already",
    "penat nak explain kat mak pasal scam ni",
    "dah tak larat nak layan call scammer tiap hari",
    "I'm done with this bank, switching tomorrow",
    "I can't take these scam calls anymore, how do I block them?",
    # game talk, songs
    "died 5 times in that boss fight last night lol",
    "jump off the cliff in the game to get the secret chest",
    "my character keeps dying in Elden Ring",
    "we got killed in the final round of PUBG",
    "anyone know the song 'Goodbye' by Air Supply? played at the start",
    "the intro music sounded like 'See You Again'",
    "lagu 'Selamat Tinggal' tu siapa nyanyi?",
    "'Everybody Hurts' by REM is such a good song",
    # health questions about medication doses
    "how many panadol can I take in a day safely?",
    "is it safe to take sleeping pills with cough syrup?",
    "berapa biji ubat tidur maksimum doktor bagi?",
    "I keep my pills in a pill box so I don't miss a dose",
    "can I take my blood pressure meds after the webinar? it's at 9pm",
    "what should I do if my toddler swallowed a few panadol?",
    # farewells that return or end a task
    "thank you all, goodbye and see you next week",
    "maaf semua, saya kena keluar awal, jumpa lagi",
    "this is my last question, thank you speaker",
    "this is my last post on this topic, I'll email the rest",
    "last webinar of the year, thank you all!",
    "bye everyone, I have to pick up my kids",
    # scams survived, cutting costs, cooking accidents, third parties, words asked about
    "my savings are gone but I'll keep fighting",
    "cutting costs after the scam, any tips?",
    "I cut my finger while cooking, typing slowly sorry",
    "rope access technician here, is LinkedIn safe?",
    "budak-budak terjun dari jeti masa cuti sekolah, bahaya tak?",
    "my grandmother passed away last year, scammers called pretending to be her bank",
    "the scammer threatened to kill himself if I didn't send money, is that common?",
    "I wish I could disappear from all these spam lists",
    "want to disappear from social media for a while, how do I delete my account?",
    "nak hilangkan akaun facebook lama, macam mana?",
    "I'd rather die than give my OTP to anyone lol",
    "the tali for my lanyard broke, can I collect a new pass?",
    "sorry, battery nak habis, selamat tinggal semua, tengok recording nanti",
    "my plants are dying, anyone know a good nursery? sorry off topic",
    "I'm not going anywhere, I'll stay till the Q&A ends",
    "sh is short for self-harm in teen slang, parents should know",
    "what does unalive mean? my son keeps using it",
    "what does kms mean in texts? saw it on my daughter's phone",
    "ctb stands for what ah? saw in a group chat",
    "I lost everything to this scam but my family kept me going",
    "I'll catch the bus home after the webinar",
    "tonight's the night for the big match, go Harimau Malaya!",
    "i rasa better i takde kat group whatsapp tu, terlalu banyak spam",
    "kalau aku takde kat rumah, courier tinggal je kat pagar ok tak?",
    "nak hilang je stress lepas tengok webinar ni, terima kasih",
]

# Benign comments worded like round 15's own lines, each beside the line it could be mistaken for.
LOOK_ALIKES = [
    # look-alikes of round 15's own lines: waking up late, disappearing from a list, a thing ending
    "I hope I don't wake up late tomorrow, the webinar starts at 9",
    "hope my baby doesn't wake up during the webinar",
    "aku tak nak bangun esok pagi sebab cuti",
    "I want to sleep and not wake up till noon on Saturday",
    "it would be better if I disappeared from their contact list",
    "would be nice to not exist on scammer lists",
    "I want this webinar to end soon, it's late",
    "I've had enough of this life of scams and spam calls",
    "I hope the grab driver doesn't hit me with a late fee",
    "the team would be better off without me on the mic lol",
    # apologies, last comments for today, farewells with a return
    "maaf saya menyusahkan semua orang dengan soalan ni",
    "sorry aku menyusahkan korang sebab lambat join",
    "this is my final comment for today, thanks speaker",
    "thank you speaker, goodbye",
    "terima kasih semua, selamat tinggal dan jumpa lagi",
    # leaving for lunch, on leave or moving; a pill dose, a tent rope, a train boarded
    "Goodbye world of cash, hello e-wallets",
    "by the time you read this I'll be gone for lunch, reply later",
    "I gave away my old phone, should I have wiped it first?",
    "I'm giving away my things before moving to Penang, said my goodbyes to the neighbours",
    "esok saya takde, cuti, jaga diri semua",
    "aku nak pergi jauh bercuti, takkan balik lagi ke office tu lol",
    "my pills are ready for tonight's dose",
    "tali khemah dah ikat, kami dah bersedia untuk camping",
    "I'll step onto the train at KL Sentral after this",
    "I'm going to drive across the Penang bridge after this",
    # cutting onions or costs, a relapse into smoking, a talk on self-harm, a cat's scratches
    "cutting onions again tonight for the kenduri",
    "relapsed on smoking last night, need to cut down again",
    "did a talk on self harm again this year for parents",
    "fresh cuts on my arm from the cat, she hates baths",
    # ending a contract, a recording, the virtual world, advice on overdose, heights asked about
    "I'm ending it with my ISP after this, so slow",
    "kalau saya takde pun takpe, tengok recording nanti",
    "I can't see a future for the ringgit anymore",
    "nak hilang dari dunia maya kejap, detox media sosial",
    "jangan cuba overdose ubat, bahaya",
    "saya nak tahu risiko overdose panadol untuk warga emas",
    "how high is the KL tower? my son wants to go up",
    "is the Penang bridge safe to drive at night?",
    "my dad says he wants to drive off the bridge since the scam, how do I get him help?",
    "I wish the scam calls would stop permanently",
    "we're ending it after this Q&A, thanks all",
    "the blade on my shaver is my only complaint",
    "hope the new bank app doesn't kill me with fees",
    # look-alikes of the second batch: dyeing hair, a queue jumped, a promo ending, a takaful funeral plan,
    # a safety question about pills and alcohol, "don't give up on life", `biar aku pergi dulu`
    "I keep thinking about dying my hair blue for the next webinar",
    "all I want is to sleep forever this weekend after that exam",
    "my uncle lost the will to live after the scam, how can we support him?",
    "tired of fighting to survive in this economy, any tips to save?",
    "the promo will end tonight so hurry up they said, is it a scam?",
    "nobody would care if I jumped the queue right?",
    "I don't see myself making it to the next session, clashing with work",
    "nobody will have to deal with me asking questions soon, last one I promise",
    "it was nice knowing you all, moving to a new company next month",
    "if it was my last day on earth I'd still not give my OTP lol",
    "I'm planning my own funeral with a takaful plan, is this company legit?",
    "my family will get my insurance money, how do I set a nominee?",
    "is it safe to take sleeping pills with alcohol tonight at a wedding?",
    "staring at the pills my doctor gave me, how easy is it to get a refill online?",
    "there's no way out but to report to the police, right?",
    "don't give up on life after a scam, there's help",
    "life is not worth it without good coffee haha",
    "tonight I end my subscription to that scam app",
    "kalau esok i takde, jangan cari i, i cuti",
    "biar aku pergi dulu, nak solat",
    "my grandma says she wants to give up on life, who can I call?",
    "I could sleep forever after that long shift lol",
    "suami saya asyik sebut nak tidur selamanya, siapa patut saya hubungi?",
    "apa gunanya aku hidup kalau tak tolong orang lain? jom sertai program sukarelawan",
    # look-alikes of the third batch: `mati kutu`, leaving a group, a late mother's recipe, a bank left,
    # slow wifi, the recording asked for
    "biar aku mati kutu fikir soalan ni, susah betul",
    "I'm checking out for good from that scam whatsapp group",
    "I'll be jumping on the train to KL after this, thanks speaker",
    "nak ikut arwah mak punya resipi rendang raya ni",
    "might as well die laughing at these scam messages lol",
    "I hope the speaker takes me through the steps again",
    "scammers don't deserve to live in peace, report them all",
    "no reason to wake up early tomorrow, webinar is at 10",
    "I'm going to end things with my bank tonight, switching to another",
    "say goodbye to my kids for me, I have to leave early, see you next week",
    "my last wish for this webinar is more time for Q&A",
    "I won't be here next week, can someone share the recording?",
    "the elderly victims are just waiting for help from the bank",
    "I want to end my suffering with this slow wifi lol",
    "what's the point anymore of reporting if police do nothing?",
    "nobody needs me at the office today, working from home",
    "tak sanggup nak hidup dalam hutang macam ni, macam mana nak selesaikan?",
]


def _codes(text: str, strictness: str = "standard") -> list[tuple[str, str]]:
    return [(r.code, r.matched) for r in verdict(text, strictness).reasons]


@pytest.mark.parametrize("text", CARE)
def test_self_harm_without_a_listed_word_reaches_care_by_a_rule(text):
    for strictness in STRICTNESS:
        v = verdict(text, strictness)
        assert v.action == "hold" and "self_harm" in v.categories, (
            strictness,
            text,
            _codes(text, strictness),
        )
        assert "self_harm.phrase" in {r.code for r in v.reasons}, (strictness, text, _codes(text, strictness))


@pytest.mark.parametrize("text", BENIGN + LOOK_ALIKES)
def test_benign_look_alikes_publish_at_every_strictness(text):
    assert_published_everywhere(text)


def test_there_are_ninety_harmful_and_seventy_benign_examples():
    assert len(CARE) >= 90 and len(BENIGN) + len(LOOK_ALIKES) >= 70
    assert len(set(CARE)) == len(CARE) and len(set(BENIGN + LOOK_ALIKES)) == len(BENIGN + LOOK_ALIKES)
    assert not set(CARE) & set(BENIGN + LOOK_ALIKES)


@pytest.mark.parametrize(
    ("text", "quiet"),
    [
        ("what does unalive mean? my son keeps using it", True),
        ("I'm not suicidal, just angry at the bank", True),
        ("I used to want to die but therapy helped me, there is hope", True),
        ("dah tak larat nak layan call scammer tiap hari", True),
        ("I lost everything to this scam but my family kept me going", True),
        ("I used to want to die and now I want to again", False),
        ("what does it mean when I want to die every day", True),
        ("goodbye everyone, thanks for everything", False),
    ],
)
def test_the_self_harm_head_is_quiet_on_words_not_the_authors_wish_now(text, quiet):
    """The head is quiet; a phrase the readings do not cover still goes to care (the second-last case above:
    the asked span "what does it mean" does not contain "I want to die")."""
    norm = normalise(text)
    assert rules.self_harm_quiet(rules.Words(norm), norm) is quiet


def test_an_emoji_alone_holds_nothing_and_with_words_reaches_care():
    for text in ["💊", "🔪🔪", "💊 reminder: take your meds after dinner", "🪢 knot tying class tonight"]:
        assert_published_everywhere(text)
    for text in ["🔪 is my only friend now", "💊💊💊 malam ni aku telan semua"]:
        v = verdict(text)
        assert v.action == "hold" and "self_harm" in v.categories, (text, _codes(text))


def test_every_example_match_contains_a_trigger_word():
    """The @TRIGGERS prefilters (self_harm.re, care.re) may skip a file only when no pattern could match."""
    for text in CARE + BENIGN + LOOK_ALIKES:
        flat = rules.Words(normalise(text))
        if rules._SELF_HARM_RE.search(flat.text) is not None:
            assert not flat.word_set.isdisjoint(rules._SELF_HARM_TRIGGERS), text
        for label, rx in rules._CARE.items():
            # "recovered" counts only after a "past" match, which needs a trigger word itself.
            if label != "recovered" and rx.search(flat.text) is not None:
                assert rules._CARE_TRIGGERS is not None, text
                assert not flat.word_set.isdisjoint(rules._CARE_TRIGGERS), text
