"""Issue 13's ten kinds of fault: every example in the issue, plus further examples of the same kind
written for these tests (the issue's examples are not the only ones the product side tries)."""

from __future__ import annotations

import pytest

from webinar.screening import STRICTNESS, Policy, screen
from webinar.screening.normalise import normalise


def verdict(text: str, strictness: str = "standard"):
    return screen(text, policy=Policy(strictness=strictness))


def codes(text: str, strictness: str = "standard") -> set[str]:
    return {r.code for r in verdict(text, strictness).reasons}


def assert_published_everywhere(text: str) -> None:
    for strictness in STRICTNESS:
        v = verdict(text, strictness)
        assert v.action == "publish", (strictness, text, [(r.code, r.matched) for r in v.reasons])


def assert_rule_held_as(text: str, categories: set[str], rules: set[str]) -> None:
    """``text`` is held at standard under one of ``categories``, and one of ``rules`` (not only a model head)
    names it."""
    v = verdict(text)
    reasons = [(r.code, r.matched) for r in v.reasons]
    assert v.action != "publish", (text, reasons)
    assert categories & set(v.categories), (text, v.categories, reasons)
    assert rules & {r.code for r in v.reasons}, (text, reasons)


def assert_held_as(text: str, category: str, strictness: str = "standard") -> None:
    v = verdict(text, strictness)
    assert v.action != "publish", (text, v.score)
    assert category in v.categories, (text, v.categories, [(r.code, r.matched) for r in v.reasons])


# 1. Words with two senses and names ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Question for Dr Dick Lee: how do we report scams?",
        "Tak boleh konek wifi masa webinar, macam mana nak betulkan?",
        "Saya suka tarian butoh dari Jepun, ada kelas dalam talian?",
        "Ada resipi babi panggang yang sedap untuk makan malam Krismas?",
        # Further examples of the same kind.
        "Can Prof Dick Gregory's talk be shared after the webinar?",
        "Laptop saya tak dapat konek bluetooth dengan speaker",
        "Persembahan butoh di Kuala Lumpur minggu depan, ada tiket lagi?",
        "Macam mana nak masak babi kecap untuk keluarga?",
        "Kenapa pantat kuali saya cepat hitam, ada tips membersihkan?",
        "Is there a chink in the armour of two-factor authentication?",
        "We saw blue tits and a cock pheasant on the nature walk, any bird apps to recommend?",
    ],
)
def test_everyday_senses_and_names_publish_at_every_strictness(text):
    assert_published_everywhere(text)


@pytest.mark.parametrize("text", ["dick", "konek kau busuk", "butoh la kau", "makan babi la kau"])
def test_the_same_words_without_their_everyday_context_are_still_held(text):
    assert verdict(text).action != "publish"


# 2. Negated or supportive use ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jangan rasa bodoh kalau kena scam, ramai yang terkena",
        "You are not stupid for falling for a scam, it happens to everyone",
        "Don't feel dumb about asking, these scams are clever",
        "Tak perlu rasa bodoh, penipu memang licik",
        "Nobody is an idiot for clicking a fake link",
        "Mangsa scam bukan bodoh, mereka ditipu",
    ],
)
def test_negated_or_supportive_use_publishes(text):
    assert_published_everywhere(text)


@pytest.mark.parametrize("text", ["kau memang bodoh", "you are stupid", "jangan jadi bodoh la kau"])
def test_plain_insults_are_still_held(text):
    assert verdict(text).action != "publish"


# 3. Hate without profanity, and what is not hate ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Muslims are all terrorists",
        "Immigrants should go back to where they came from",
        "Orang Cina semua penipu",
        "Orang Melayu memang malas semua",
        "Indians are like rats, they breed everywhere",
        "Ban all Muslims from entering the country",
        "Halau semua pendatang keluar dari Malaysia",
        "Women are inferior and should stay in the kitchen",
        "Pendatang asing ni macam lipas, makin lama makin banyak",
        "Foreign workers should be deported, all of them",
        "Gay people are a disease on society",
        "Orang India patut dihantar balik ke negara asal",
        "Go back to China if you don't like it here",
        "Balik la negara asal kau",
        "Refugees are parasites draining our money",
        "Kaum Cina tak layak tinggal di negara ni",
        "Never trust a single Malay",
        "Aku benci orang Kristian",
        "I hate Jews",
        "Orang Islam semua pengganas",
    ],
)
def test_hate_without_profanity_is_held_as_hate(text):
    assert_held_as(text, "hate")


@pytest.mark.parametrize(
    "text",
    [
        'Saying "Chinese are all cheats" is racist and wrong',
        "My Chinese neighbours helped me recover my hacked account",
        "Muslims are not terrorists, stop spreading that lie",
        "How do we respond when people say immigrants are criminals?",
        "Orang Melayu tidak malas, itu stereotaip lama",
        "Kenyataan 'India semua pemabuk' itu perkauman dan salah",
        "As a gay man, how do I protect my privacy on dating apps?",
        "Saya seorang Cina dan saya bangga dengan budaya Malaysia",
        "Women deserve equal pay and safety online",
        "Pekerja asing juga mangsa scam pekerjaan, bagaimana nak bantu mereka?",
        "Are there resources in Tamil for Indian elderly who get scammed?",
        "It is wrong to call refugees parasites, they are people like us",
        "Bukan semua pendatang penjenayah, jangan buat generalisasi",
    ],
)
def test_neutral_mentions_and_counter_speech_publish(text):
    assert_published_everywhere(text)


# 4. Harassment aimed at others -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Go kill yourself",
        "Pergi bunuh diri la kau",
        "Baik kau mati je",
        "kau patut gantung diri",
        "you should just end yourself",
        "nobody would miss you, just die",
        "k y s loser",
    ],
)
def test_telling_someone_to_kill_themselves_is_held_as_threat(text):
    assert_held_as(text, "threat")


@pytest.mark.parametrize(
    "text",
    [
        "Everyone mass report her account until she leaves the internet",
        "Jom report ramai-ramai akaun dia sampai kena ban",
        "Let's all spam his DMs until he deletes his account",
        "Semua serang akaun budak ni sampai dia tutup",
        "Let's dox him and post his address",
    ],
)
def test_calls_to_mass_report_or_hound_a_person_are_held(text):
    assert_held_as(text, "insult")


@pytest.mark.parametrize(
    "text",
    [
        "How do I mass report scam accounts on Facebook?",
        "Macam mana nak report akaun palsu yang menyamar sebagai bank?",
    ],
)
def test_reporting_scams_is_not_harassment(text):
    assert_published_everywhere(text)


# 5. Self-harm reaches the care queue -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i just want to unalive myself after losing my savings to this scam",
        "rasa nak terjun bangunan je lepas kena tipu",
        "I keep thinking about overdosing on my pills tonight",
        "kms lol this webinar",
        "I want to k1ll myself",
        "no point living",
        # Further examples of the same kind.
        "thinking of unaliving after this",
        "i wanna d1e",
        "s u i c i d e is the only way out for me",
        "nak telan semua pil tidur malam ni",
        "I might just jump off a bridge after losing everything",
        "aku rasa nak gantung diri",
        "im gonna k!ll my self",
        "what's the point of living anymore",
        "sewerslide seems like the answer",
        "I cut myself again last night",
    ],
)
def test_self_harm_inflections_euphemisms_and_leetspeak_reach_care(text):
    v = verdict(text)
    assert v.action == "hold" and "self_harm" in v.categories, (text, v.categories)


@pytest.mark.parametrize(
    "text",
    [
        "How can parents spot signs of self-harm in teenagers?",
        "My friend said she wants to die, how do I help her?",
        "The scammer threatened to kill himself if I did not pay, is that a tactic?",
    ],
)
def test_questions_about_self_harm_are_not_the_author_at_risk(text):
    v = verdict(text)
    assert "self_harm" not in v.categories


# 6. Normaliser gaps ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"), [("fvck", "fuck"), ("st00pid", "stupid"), ("stoopid", "stupid")]
)
def test_v_and_oo_spellings_fold(text, expected):
    assert expected in [t.form for t in normalise(text).tokens]


@pytest.mark.parametrize("text", ["you're stupid", "youre stupid", "ur stupid", "u r stupid"])
def test_all_spellings_of_you_are_make_a_target(text):
    assert_held_as(text, "insult")


@pytest.mark.parametrize(
    "text",
    [
        "the host is stupid",
        "stupid speaker",
        "this panel is so dumb",
        "admin bengap",
        "penceramah ni bodoh",
        "moderator pathetic betul",
    ],
)
def test_role_nouns_are_targets(text):
    assert_held_as(text, "insult")


def test_currency_tokens_and_digits_are_kept():
    assert "rm1000" in normalise("I lost RM1000 to a scam").canonical
    assert "1000" in normalise("saya rugi 1000 ringgit").canonical.split()
    assert "2000000" in normalise("2000000 users").canonical.split()


# 7. Disguised links ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nak untung cepat? Join t[.]me/duitcepat99 sekarang!",
        "Daftar di w w w . judi88 . com bonus 100%",
        "daftar judi88\uff61com bonus",
        "visit bit(.)ly/xyz123 now",
        "go to scam-site{dot}net",
        "lawati judi88 [dot] my",
        "promo kat judi88 。com",
    ],
)
def test_disguised_links_are_links(text):
    assert "link" in codes(text)


def test_contact_handles_with_money_promises_are_spam():
    assert_held_as("Nak untung cepat? Join t[.]me/duitcepat99 sekarang!", "spam")
    assert_held_as("Nak income RM300 sehari? PM @duitmudah", "spam")


@pytest.mark.parametrize(
    "text", ["I stay at home. My kids use the tablet", "Is version 3.5 safe?", "e.g. phishing"]
)
def test_ordinary_sentences_are_not_links(text):
    assert "link" not in codes(text)


# 8. Spam ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "check out my channel",
        "sub 4 sub",
        "sub4sub anyone?",
        "link in bio",
        "DM admin untuk info",
        "free likes and followers",
        "Nak followers percuma? Klik profil saya",
        "Jana pendapatan pasif RM5000 sebulan, PM saya",
        "please subscribe to my youtube channel",
        "Tengok video saya kat channel saya, jangan lupa subscribe",
        "I make $500 a day working from home, ask me how",
    ],
)
def test_spam_kinds_are_each_held_on_their_own(text):
    assert_held_as(text, "spam")


@pytest.mark.parametrize(
    "text", ["!!!!!!!!!!!!!!!!", "Really??????????????????", "Thank you!!!!!!!!!!!!!!!!!!!!"]
)
def test_runs_of_punctuation_are_not_a_flood(text):
    assert_published_everywhere(text)


@pytest.mark.parametrize(
    "text", ["How do I report a YouTube channel that posts scams?", "Boleh share link rakaman webinar?"]
)
def test_questions_about_channels_and_links_are_not_spam(text):
    assert_published_everywhere(text)


# 9. Personal data written unusually -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no saya O12-3456789",
        "012.345.6789 call me",
        "01 23 45 67 89",
        "call saya kosong satu dua tiga empat lima enam tujuh lapan sembilan",
        "call me zero one two three four five six seven eight nine",
        "ic: 9OO1O1-14-5678",
        "alamat saya No 12, Jalan Mawar 3, Taman Bunga, 43000 Kajang, Selangor",
        # Further examples of the same kind.
        "my number is o1two 345 six789",
        "whatsapp 0l9-87654 32",
        "I live at 23 Jalan SS2/24, Petaling Jaya 47300",
        "rumah saya Lot 45 Kampung Baru Sungai Buloh, 47000 Selangor",
        "My son Ahmad Danial from SK Taman Melati is being bullied",
        "Anak saya Nur Aisyah, darjah 3 di SJK(C) Chung Hwa, kena buli",
    ],
)
def test_personal_data_written_unusually_is_held(text):
    assert_held_as(text, "personal_data")


@pytest.mark.parametrize(
    "text",
    [
        "The webinar starts at 8.30 on 12.10.2026",
        "Is Jalan Ampang safe to walk at night?",
        "My son's school SK Taman Melati runs a cyber safety week, can we join?",
        "Saya ada satu dua soalan tentang scam",
        "I lost RM1000 to a scam, can I get it back?",
    ],
)
def test_ordinary_numbers_places_and_schools_are_not_personal_data(text):
    assert "personal_data" not in verdict(text).categories


# 10. Mild intensifiers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["damn useful lah", "what the hell is phishing?", "This tip is damn good", "crap, I clicked the link"],
)
def test_mild_intensifiers_publish_at_standard_and_hold_at_strict(text):
    assert verdict(text, "standard").action == "publish", codes(text)
    assert verdict(text, "relaxed").action == "publish"
    assert verdict(text, "strict").action == "hold"


def test_a_mild_word_aimed_at_someone_is_an_insult():
    assert verdict("damn you host").action != "publish"


# Held-out round 1 (docs/screening.md, "Held-out figures"): the kinds that the first fresh file showed
# missing, each with wordings of its own (not the held-out lines).


@pytest.mark.parametrize(
    "text",
    [
        "Has anyone read Moby Dick as a free ebook, or is that site a trap?",  # a title of a work
        "Anjing saya namanya Butoh, jangan risau hahaha",  # a pet named after a naming word
        "Prof Fanny Ong will answer the questions about e-wallets",  # a flagged word after a title
        "The printer won't konek to the laptop after I changed the router password",  # sense 5 words away
        "What a cocky scammer, he even called back to laugh",  # an everyday word inflecting a flagged one
        "How do I kill all the background processes a fake app started?",  # "kill" in its computing sense
    ],
)
def test_names_titles_and_everyday_senses_beyond_the_listed_examples_publish(text):
    assert_published_everywhere(text)


def test_a_capitalised_insult_that_starts_a_sentence_or_is_aimed_is_still_held():
    assert_held_as("Dick. That is what the host is.", "insult")
    assert_held_as("You Are A Dick Host", "insult")


@pytest.mark.parametrize(
    "text",
    [
        'The caller told me "I will kill your children" if I did not pay, what should I do?',
        "Adik saya kata dia nak bunuh diri lepas kena tipu, siapa boleh bantu?",
        "My colleague said he wants to die after the scam, how can I help him?",
    ],
)
def test_threats_and_self_harm_reported_from_someone_else_publish(text):
    assert verdict(text).action == "publish", [(r.code, r.matched) for r in verdict(text).reasons]


@pytest.mark.parametrize(
    "text",
    [
        "My son kena panggil keling by classmates, how do we report that racist slur?",
        "Pendatang are not thieves, they are victims of the same syndicates",
        "Jangan la cakap orang Melayu malas, itu tidak adil",
        "Why do people believe that migrants spread disease? It's false",
    ],
)
def test_counter_speech_that_reports_or_rejects_publishes(text):
    v = verdict(text)
    assert v.action == "publish", [(r.code, r.matched) for r in v.reasons]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("that scammer deserves a bullet", "threat"),
        ("I'm going to stab the next caller who asks for my OTP", "threat"),
        ("someone should torch their office", "threat"),
        ("kalau jumpa aku tikam dia", "threat"),
        ("i have been hoarding my meds for a week now", "self_harm"),
        ("im so done with life after this", "self_harm"),
        ("no reason to live anymore honestly", "self_harm"),
        ("women are too emotional to run a bank", "hate"),
        ("foreigners are only good for cleaning", "hate"),
        ("let's dox him and post it here", "insult"),
        ("get her fired, tag her boss", "insult"),
        ("sebarkan gambar minah tu, biar dia malu", "insult"),
    ],
)
def test_threat_self_harm_hate_and_pile_on_families_are_held(text, category):
    assert_held_as(text, category)


def test_negation_stays_inside_its_clause():
    """ "no" before a comma does not negate the insult after it; "you are not stupid" still publishes."""
    assert_held_as("Hell no, stupid host", "insult")
    assert verdict("You are not stupid, the scam was clever").action == "publish"


# Round 2 (docs/screening.md, "Held-out"): kinds missed on fresh text, with wordings of these tests' own.


@pytest.mark.parametrize(
    "text",
    [
        "honestly i w4nt to d1e after this",  # 4 between letters read as "a" for the phrase rules
        "i n33d to 3nd my l1fe",
        "gonna un4live myself lol",
        "i am g0nna k1ll mys3lf",
    ],
)
def test_leetspeak_inside_words_reaches_the_self_harm_rules(text):
    assert_held_as(text, "self_harm")


@pytest.mark.parametrize(
    "text", ["i will h4nt you down and k1ll you", "w3 will hunt the h0st and m4ke him bleed"]
)
def test_leetspeak_inside_words_reaches_the_threat_rules(text):
    assert_held_as(text, "threat")


@pytest.mark.parametrize("text", ["sub4sub anyone", "b2b leads for sme owners", "is 4g better than wifi?"])
def test_the_letter_reading_of_digits_does_not_change_what_the_other_rules_see(text):
    # "sub4sub" is still spam and "b2b"/"4g" still words: the letter reading feeds only the phrase rules.
    assert normalise(text).canonical.split()[0] == text.split()[0]


@pytest.mark.parametrize("text", ["k.m.s tbh", "might as well k m s", "honestly u n a l i v e time", "k-m-s"])
def test_spaced_or_dotted_single_letters_are_joined(text):
    assert_held_as(text, "self_harm")


@pytest.mark.parametrize(
    "text", ["p.s. i loved the demo", "plan a b c for backups?", "U.S.A scams are different?"]
)
def test_joining_letters_leaves_ordinary_abbreviations_and_lists_alone(text):
    assert_published_everywhere(text)


@pytest.mark.parametrize(
    "text",
    [
        "searching for the easiest methods to end my life",
        "how do i end it all without pain",
        "how many paracetamol would it take to not wake up",
        "i want to disappear forever after this loan scam",
        "my kids would be better if i were gone",
        "i'm going to down every single tablet in the drawer",
        "i've been collecting my painkillers for weeks",
        "last week i drafted a farewell letter to my wife",
        "i wish i could sleep and never wake up again",
        "no one would care if i disappeared",
        "rasa nak hilangkan nyawa sendiri",
        "aku dah karang surat perpisahan untuk famili",
        "saya nak pergi buat selamanya",
        "aku tak larat nak hidup dah",
    ],
)
def test_self_harm_intent_with_death_or_disappearance_is_held_in_english_and_malay(text):
    assert_held_as(text, "self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "i will be gone for a week, who covers the q&a?",
        "how to dye hair for the event photos",
        "my mum takes all her pills with breakfast, can scammers fake pharmacy calls?",
        "kalau hilang nyawa dalam kemalangan, insurans bayar?",
        "i wrote a goodbye message to my old team when i retired",
    ],
)
def test_everyday_uses_of_the_self_harm_words_publish(text):
    assert verdict(text).action == "publish", text


@pytest.mark.parametrize(
    "text",
    [
        "i'll track the fraudster down one day and bash his face in",
        "we'll wait for the agent outside and beat him senseless",
        "somebody needs to shoot that ceo",
        "i'm carrying a parang to the office for that boss",
        "i'd happily smash the moderator with a chair",
        "we will find the mods and slit their throats",
        "nanti aku tumbuk mamat tu",
        "aku bakar kedai penipu tu",
    ],
)
def test_threats_with_the_verb_at_a_distance_inside_one_clause_are_held(text):
    assert_held_as(text, "threat")


@pytest.mark.parametrize(
    "text",
    [
        "i will go home first. kill the guy's process later",
        "we burn their calories at the gym after the webinar",
        "i think we should kill the process",
        "i smashed the record for the host today",
    ],
)
def test_violent_verbs_without_a_person_in_the_same_clause_publish(text):
    assert verdict(text).action == "publish", text


@pytest.mark.parametrize(
    "text",
    [
        "please don't call yourself a moron, it happens to anyone",
        "never call yourself stupid for trusting a bank caller",
        "jangan panggil diri sendiri bodoh, ramai kena",
        "kau tak bodoh pun, penipu tu licik",
        "awak bukan bodoh, sistem yang lemah",
        "you're not dumb, they do this for a living",
    ],
)
def test_supportive_negation_of_an_insult_aimed_at_the_reader_publishes(text):
    assert verdict(text).action == "publish", (text, [(r.code, r.matched) for r in verdict(text).reasons])


@pytest.mark.parametrize(
    "text",
    [
        "don't call yourself an idiot, you stupid cow",
        "you are not smart, you are an idiot",
        "kau bukan bodoh, kau bangang",
    ],
)
def test_an_insult_said_beside_a_denied_one_is_still_held(text):
    assert verdict(text).action != "publish", text


@pytest.mark.parametrize(
    "text",
    [
        "a user wrote all malays are pigs, mods pls remove",
        "someone keeps saying indians are cheats, admin please ban him",
        "ada orang tulis semua orang cina penipu, tolong padam komen tu",
        "people telling indians to go back to india are the problem here",
    ],
)
def test_counter_speech_that_reports_hate_or_asks_to_remove_it_publishes(text):
    assert verdict(text).action == "publish", (text, [(r.code, r.matched) for r in verdict(text).reasons])


@pytest.mark.parametrize(
    "text",
    ["all malays are pigs, admin please ban them", "go back to india, admin please ban these people"],
)
def test_asking_for_a_ban_does_not_excuse_hate_said_by_the_author(text):
    assert_held_as(text, "hate")


def test_asking_how_many_pills_to_take_as_a_dose_publishes():
    assert (
        verdict("how many pills do i take a day for flu, the pharmacist scam call confused me").action
        == "publish"
    )


@pytest.mark.parametrize(
    "text",
    [
        "He'll be here at 8, right?",
        "I hope he’ll answer my question",
        "she'd love these slides, she'll share them",
    ],
)
def test_contractions_that_spell_a_listed_word_publish_at_every_strictness(text):
    assert_published_everywhere(text)
