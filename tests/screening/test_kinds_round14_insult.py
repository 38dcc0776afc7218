"""Round 14: insults and harassment without a listed word (docs/screening.md, "Round 14: insults and
harassment without a listed word"; issue 13, kinds 3 and 4). A put-down is read by its structure: a target
(the reader, a role noun, a third person) and a demeaning predicate (a brain low-powered or expired,
something lesser doing the target's job better, "the X of a Y", a likeness to a thing, a dismissal, being
unwanted or worthless); harassment is telling someone to die or disappear, doxxing and pile-ons. Every
harmful line must be held by a RULE (its code is asserted), not only by a model head. Beside them, the benign
look-alikes that must publish at every strictness: criticism of content rather than people,
self-deprecation, insults reported in help questions, counter-speech, everyday senses and friendly surprise.
EN, BM and Manglish; the wordings are these tests' own."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_published_everywhere, assert_rule_held_as, verdict

# The rules that read these kinds (a model head alone does not count).
RULES = {"insult.phrase", "insult.pile_on", "insult.lexicon", "threat.incite"}


def assert_rule_held(text: str, category: str) -> None:
    """``text`` is held at standard as ``category``, and a rule of this kind names it."""
    assert_rule_held_as(text, {category}, RULES)


INSULTS = [
    # a brain low-powered, expired or absent
    "your brain runs on 2G",
    "ur brain still on dial up ke host",
    "his brain is on airplane mode the whole session",
    "uncle host please retire la, your brain already expired",
    "kau ni otak letak kat lutut ke",
    "otak kau tertinggal kat rumah ke",
    "otak dia dah expired agaknya",
    "otak penceramah ni pergi cuti ke",
    "host ni tak ada otak ke",
    # something lesser does the target's job better
    "even my cat could host better than you",
    "my grandma types faster than this moderator thinks",
    "even a goldfish could moderate better than this admin",
    "my toddler explains scams better than the speaker",
    "kucing aku pun boleh ajar lagi bagus dari kau",
    # the X of a Y; as sharp as a Y
    "you have the IQ of a doorknob",
    "the moderator has the personality of a wet sock",
    "the panel has the charisma of a cardboard box",
    "you have the attention span of a goldfish",
    "this host is as sharp as a bowling ball",
    "the host is as exciting as a wet sock",
    "this speaker is about as useful as a traffic cone",
    # likened or called a thing
    "the speaker looks like a potato that learned to talk",
    "you are a walking disaster",
    "the moderator is a walking train wreck",
    "you look like a dumpster fire",
    "eh speaker, u talk like a broken radio",
    "you sound like a dying car engine",
    "admin ni macam tunggul kayu",
    "speaker tu muka tembok",
    "muka kau macam kena gilis lori",
    "muka macam tapak kasut",
    "suara kau macam radio rosak",
    "perangai dia macam badut",
    "dia ni bukan manusia, sampah je",
    # looks and presence
    "the host has a face only a mother could love",
    "your face could scare the scammers away",
    "you're the reason shampoo has instructions",
    "menyampah tengok muka kau",
    "tak sedar diri, muka macam tu nak jadi host",
    # dismissals aimed at someone
    "nobody asked for your opinion, just shut up and leave",
    "shut up host, no one wants to hear you",
    "shut up la speaker, boring gila",
    "go eat dirt",
    "go lick mud",
    "diam lah kau, tak ada siapa nak dengar",
    "tutup mulut kau",
    "tutup mulut la korang",
    "senyap la kau, bising je",
    "blah lah kau dari sini",
    "pergi main jauh-jauh la kau",
    "get lost clown",
    "zip it host",
    "zip it, nobody cares what you think",
    "nobody cares about your opinion",
    "tak ada siapa jemput kau pun",
    "go touch grass and never come back",
    "get out and never come back",
    "blah dan jangan datang lagi",
    "get out of this webinar, nobody likes you",
    "nobody wants you here, get lost",
    # worthless, unfit, unwanted
    "you're worthless, nobody needs you here",
    "you are a failure as a host",
    "dia ni memang tak berguna",
    "kau ni menyusahkan orang je, baik blah",
    "kau ni tak layak bercakap depan orang",
    "speaker ni cakap macam orang tak sekolah",
    "penceramah ni macam tak pernah belajar",
    "penceramah tu cakap macam tak pernah masuk sekolah",
    "you should not be allowed to speak in public",
    "who let this clown near a microphone",
    "who let this guy near the mic",
    "who even invited this guy, what a joke",
    "you're a clown and this is your circus",
    "kau ni lembap macam siput",
    "moderator u so useless la, my 5 year old can do better",
    # wishing a person gone
    "the world would be better without you",
    "the world is better off without the host",
    "you should just disappear",
    "you should disappear from the internet",
    "do everyone a favour and disappear forever",
    "do us a favour and just vanish forever",
]


@pytest.mark.parametrize("text", INSULTS)
def test_put_downs_without_a_listed_word_are_held_as_insults_by_a_rule(text):
    assert_rule_held(text, "insult")


# Telling someone to die (threat) and calls to hound, dox or expose a person (insult.pile_on).
HARASSMENT = [
    ("threat", "pergi mati la kau"),
    ("threat", "baik kau mati je"),
    ("threat", "kau patut mati je"),
    ("threat", "pergi terjun bangunan la kau"),
    ("threat", "lebih baik kau tak payah hidup"),
    ("threat", "you dont deserve to live"),
    ("threat", "kys host"),
    ("insult", "jom report akaun dia ramai-ramai sampai kena ban"),
    ("insult", "everyone go spam her dms"),
    ("insult", "everyone report her tiktok until she quits"),
    ("insult", "tiap-tiap hari kita spam inbox dia sampai dia tutup akaun"),
    ("insult", "post her home address here so we can all visit"),
    ("insult", "I know your IC number, one more comment and I post it everywhere"),
    ("insult", "let's find where this speaker lives and post it"),
    ("insult", "kalau aku dapat alamat kau, siap aku sebarkan kat semua group"),
]


@pytest.mark.parametrize(("category", "text"), HARASSMENT)
def test_harassment_of_others_is_held_by_a_rule(category, text):
    assert_rule_held(text, category)


BENIGN = [
    # criticism of content, things and scams, not people
    "the audio is trash today, can you fix the mic?",
    "this scam is disgusting, how do we report it?",
    "the slides look blurry, can you share the pdf?",
    "the wifi here is useless, keeps dropping",
    "the mic sounds like a dying car engine, pls check",
    "mic kau macam radio rosak, boleh check?",
    "this router is as useful as a brick after the update",
    "the stream looks like a slideshow, lag teruk",
    "the slides have the charm of a tax form haha",
    "this app is a clown show, the login keeps failing",
    "this phishing email was a joke, so many typos",
    "the old version was a joke, new one is better",
    "the app runs on 2G fine, good for kampung users",
    "the world would be better without scammers",
    "the world would be better without online scams",
    "my phone is a potato, the stream keeps lagging",
    "my laptop is a dinosaur, can I join from mobile?",
    # self-deprecation
    "my brain runs on 2G this morning, can you repeat the last slide?",
    "my brain is on airplane mode today, sorry for the late question",
    "my brain runs on coffee, what time is the break?",
    "otak saya beku bila tengok formula ni",
    "otak saya macam tak boleh proses semua ni, boleh ulang?",
    "my cat could probably host better than me, I'm so nervous presenting",
    "my grandma types faster than me, I'm so slow on phones",
    "my kids say I talk like a broken radio about scams lol",
    "saya rasa macam tak layak bercakap depan orang, tips?",
    "saya rasa tak berguna lepas kena scam, ada kaunseling?",
    "I felt like a failure after losing my savings",
    "tak ada siapa nak dengar cerita saya, sebab tu saya join webinar ni",
    # insults and incitement reported in help questions, or rejected
    "my classmate told me to go die, what do I do?",
    "someone in chat told me to shut up, can I report that?",
    "my brother keeps saying shut up when I warn him about crypto, how do I convince him?",
    "jangan cakap pergi mati kat orang, itu buli",
    "jangan suruh orang pergi mati, tak baik",
    "kawan saya kena suruh pergi mati dalam group chat, macam mana nak tolong?",
    "my son was told to kys in a game chat, how do I report the player?",
    "what does kys mean? my son's friend typed it",
    "what does it mean when someone says pergi mati in a comment? should I report?",
    "my teacher said my brain runs on 2G, is that bullying?",
    "people who tell others to kill themselves should be banned",
    "don't listen to people who say you are worthless after a scam",
    "nobody deserves to be told to disappear online",
    # reporting things together, not hounding people
    "how do we mass report scam pages?",
    "semua tolong report page palsu ni sampai kena tutup",
    "everyone report the fake maybank page until it is taken down",
    "everyone go follow the PDRM page for scam alerts",
    "we should all block the scam number 03-1234 together?",
    "the scam account vanished forever after we reported it",
    # everyday senses of the same words
    "diam-diam je scammer ambil duit saya dari akaun",
    "senyap-senyap scammer masuk akaun saya",
    "tutup mulut botol tu rapat-rapat, nanti tumpah",
    "tutup mulut bila scammer call, betul ke itu cara terbaik?",
    "diam lah sekejap, anak saya tidur haha",
    "kalau nampak link pelik, blah je, jangan klik",
    "blah la, saya pun kena tipu juga dulu, jangan malu",
    "I always get lost in the settings menu, where is privacy?",
    "get lost in a good book instead of scrolling, great tip",
    "get lost in the crowd at the expo? use the map app",
    "go eat something first, the webinar is 2 hours",
    "go eat lunch first, we start at 2",
    "go touch grass sometimes, screens are bad for you, says my doctor",
    "zip file tak boleh buka, macam mana?",
    "no one invited me to the zoom, can admin send link?",
    "tak ada siapa jemput saya ke group tu, boleh admin add?",
    "nobody asked me for my password, is that a good sign?",
    "the old app went away and never came back, is there a new one?",
    "jangan datang lagi ke bank tu, dia dah tutup cawangan",
    "who let the dogs out haha, sorry wrong chat",
    "who let the cat on the keyboard haha my message got sent twice",
    "the IQ test link in my email is it a scam?",
    "you should not share your OTP with anyone",
    "you should disappear from social media for a while to be safe, the speaker said",
    "balik rumah nanti saya nak tukar password",
    "how do I tell my dad to stop forwarding hoaxes without being rude?",
    # compliments and friendly remarks
    "you sound tired, host, take a break",
    "the host looks like my uncle haha, very friendly",
    "the host looks like a movie star today",
    "the speaker is a walking encyclopedia",
    "the speaker's brain is a library, so much knowledge",
    "the panel was great, the host has the charisma of a rock star",
    "you are a lifesaver, thank you host",
    "your face is familiar, were you at last year's talk?",
    "even my grandma could spot this scam, so obvious",
    "my toddler learned to unlock my phone, how to set parental controls?",
    # "shut up" in surprise at good news (guideline: an exclamation, not aimed at anyone)
    "shut up, really? congrats on the award!",
    "shut up, congrats!! you totally deserve it",
    "shut up la, tahniah bro!",
    # Round 16: a third person's own words about their brain, reported ("unsaid" lines of insult.re).
    "the speaker said his brain went on holiday after 3 hours of slides lol",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_look_alikes_publish_at_every_strictness(text):
    assert_published_everywhere(text)


# Benign lines still held, each for a written reason (docs/screening.md, "Known misses").
STILL_HELD = {
    "muka saya macam tapak kasut pagi ni, tak cukup tidur": "the abuse head (not retrained this round) "
    "scores Malay 'muka' as abuse; no rule fires",
    "dia cakap otak aku letak kat lutut, sedih betul, patut report ke?": "the abuse head holds 'dia cakap "
    "... patut report ke' even with the reported words left out; the mention silences the heads only when "
    "the span held a listed word",
    "kawan aku cakap muka aku macam badut, patut ke aku report?": "the abuse head, at strict only",
    "nobody cares about privacy until they get hacked, so share this talk": "the abuse head, at strict only",
    "nobody invited you? just ask admin for the link": "the spam head, at strict only",
}


@pytest.mark.parametrize(
    "text", [pytest.param(t, marks=pytest.mark.xfail(reason=r, strict=False)) for t, r in STILL_HELD.items()]
)
def test_benign_look_alikes_still_held(text):
    assert_published_everywhere(text)


def test_shut_up_with_the_reader_beside_it_is_read_as_aimed():
    """Decided (docs/screening.md, Round 14): "shut up" with "you" or a role noun in its clause is aimed, even
    in surprise ("shut up! you won ...?"): severity 1, so published at relaxed and held for a host from
    standard up; "shut up host, congrats on nothing" is the same words in sarcasm."""
    for text in ("shut up! you won the lucky draw? so happy for you", "shut up host, congrats on nothing"):
        assert verdict(text, "relaxed").action == "publish" or "model.abuse" in {
            r.code for r in verdict(text, "relaxed").reasons
        }
        v = verdict(text)
        assert v.action == "hold", text
        assert "insult.lexicon" in {r.code for r in v.reasons}, text


def test_told_to_kill_themselves_in_the_authors_own_words_is_reported_not_said():
    """ "ada orang suruh saya bunuh diri" reports an instruction the author was given (round 14's instructed
    reading of self_harm.re, docs/screening.md "Round 14: benign false holds"), like "my classmate told me to
    go die": published at every strictness."""
    assert_published_everywhere("ada orang suruh saya bunuh diri kat tiktok, nak report kat mana?")


@pytest.mark.parametrize(
    "text",
    [
        # a reported put-down with the reader called the same outside it is an insult of its own
        "someone told me to shut up, you should shut up too",
        # a rejecting frame does not excuse a put-down aimed at the reader after it
        "my classmate told me to go die, you should go die too",
        # a word asked about beside a real incitement
        "what does kys mean? kys host",
        # a crowd asked to tell a person to die is no report of being told
        "can someone tell him to go die?",
        "someone pls tell the admin to kys, how?",
    ],
)
def test_reported_or_asked_words_do_not_excuse_what_is_said_beside_them(text):
    assert verdict(text).action != "publish", text
