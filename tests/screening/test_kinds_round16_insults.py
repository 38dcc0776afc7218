"""Round 16: insults, harassment and sexual remarks without a listed word (docs/screening.md, "Round 16:
insults and sexual remarks"; issue 13, kinds 3-4). Contempt aimed at a person is an insult; harsh but civil
critique of the content publishes (docs/screening-guidelines.md, `insult`). The kinds:

- sarcastic praise of a target with an empty result ("great job as always host, another session of nothing");
- contempt for a target's competence: the topic learned minutes ago, a child could read the slides, a job of
  sleeping, paid for nothing, a short video teaching more, no idea what they are saying;
- stacked put-down adjectives at a target ("ugly and stupid, what a combo host");
- the author melting or drooling at what a person does (`akak tu kalau senyum, meleleh aku`);
- harassment: a crowd sent to a person's account in Malay order, finding where a person lives, telling a
  person to leave the internet or delete their account, a person's number spread so people call them;
- a third wave of other put-downs (a target who thinks they are clever, parents ashamed of them, "ok boomer",
  "go touch grass", a know-it-all, a walking joke), pile-ons (review bombing, "cancel" calls, screenshots
  promised to the whole country, multiple accounts) and remarks (a wife to take, a hug all night).

Every harmful line is held at standard by a RULE (a model head alone does not count). Beside them, benign
look-alikes publish at every strictness: praise, civil critique of content, self-deprecation, reported words,
a baby that drools, food, tears, reporting a scam together, advice to leave social media for a while. EN, BM
and Manglish; the lines are these tests' own, written in three waves (each after the rules of the one before,
as a check of the kinds: the first rules missed 2 of the second wave's 27 harmful lines; the first two waves'
rules missed 36 of the third wave's 42, 20 of which a model head held at standard)."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_published_everywhere, assert_rule_held_as

INSULT_RULES = {"insult.phrase", "insult.lexicon"}

SARCASTIC_PRAISE = [
    "great job as always host, another session of nothing",
    "well done speaker, two hours and i learned absolutely nothing",
    "bravo admin, another masterpiece of wasted time",
    "what a brilliant speaker, said nothing at all for an hour",
    "amazing work host, you managed to say nothing for 90 minutes",
    "thanks speaker for another hour of nothing",
    "10/10 host, would waste my time again",
    "nice one host, another webinar of nothing lah",
    "terbaik la penceramah, sejam bercakap tapi satu apa pun tak masuk",
    "tahniah host, sekali lagi sesi yang kosong",
    "syabas admin, macam biasa sesi entah apa apa",
    "power la speaker, cakap banyak tapi isi kosong",
    "wah pandai sungguh host ni, dua jam cakap benda yang sama",
    "hebat la penceramah, sejam cakap satu benda baru pun takde",
    # second wave
    "wow amazing job moderator, another hour of nothing again",
    "thank you host for teaching us absolutely nothing",
    "mantap la admin, sesi kosong macam biasa",
    "bravo speaker, you said nothing new for two hours",
    "congrats host, we learned zero today",
    "padu la penceramah, satu ilmu pun tak dapat",
]

CONTEMPT_FOR_COMPETENCE = [
    "the speaker clearly googled this five minutes before going live",
    "you obviously read the wikipedia page this morning and called yourself an expert",
    "the host must have learned this topic last night lol",
    "penceramah ni macam baru google semalam",
    "penceramah ni baca slide je, budak darjah 1 pun boleh buat",
    "host ni baca skrip je, budak tadika pun boleh",
    "speaker just reads off the slides, my 10 year old could do that",
    "admin ni kerja apa sebenarnya? tidur?",
    "what does the admin even do here, sleep?",
    "moderator ni makan gaji buta je",
    "host ni dibayar untuk baca slide je ke?",
    "what are we even paying this speaker for",
    "i learned more from a tiktok video than from this speaker",
    "belajar dari tiktok lagi banyak daripada dengar penceramah ni",
    "the panel clearly has no idea what they are talking about",
    # second wave
    "this speaker obviously learned about scams yesterday",
    "admin confirm baru google semalam, jawapan pun salah",
    "moderator just reading the script, even a parrot could do that",
    "what does this moderator actually do, nothing?",
    "host ni buat apa sebenarnya? goyang kaki je",
    "admin ni makan gaji buta la",
    "you obviously have no idea what you are doing",
]

STACKED_ADJECTIVES = [
    "ugly and stupid, what a combo host",
    "slow and clueless, perfect combo admin",
    "boring and clueless, what a speaker",
    "the host is fat and useless",
    "lembap dan bengap, combo lengkap admin ni",
    "dumb and ugly, congrats speaker",
    "you are lazy and clueless, just admit it",
    "gemuk dan lembap, memang padan jadi moderator",
    "useless and annoying, thats our host for you",
    # second wave
    "stupid and lazy, that's the moderator",
    "the speaker is boring and useless",
    "bodoh dan malas, itu la admin kita",
    "clueless n arrogant speaker",
]

MELTING_AT_A_PERSON = [
    "akak tu kalau senyum, meleleh aku",
    "tengok host ni senyum je terus meleleh air liur aku",
    "minah tu jalan lenggok sikit, meleleh abang",
    "akak moderator tu gelak sikit pun dah buat aku tak keruan",
    "that speaker's smile makes me drool",
    "drooling over the host tonight, so hot",
    "kak host senyum je dah stim aku",
    "adik manis tu pakai baju ketat, meleleh abang tengok",
    "bila kakak tu goyang sikit, meleleh aku",
    "the host bends over and i start drooling lol",
    # second wave
    "minah host tu senyum sikit, dah stim abang",
    "bila speaker tu jalan, meleleh aku tengok",
    "drooling at the moderator lol",
    "her smile makes me drool, host pls smile again",
]

THIRD_WAVE_INSULTS = [
    "kau ingat kau pandai sangat ke?",
    "you think you're so smart huh host",
    "bajet pandai la penceramah ni",
    "speaker ni perasan bagus, padahal kosong",
    "your parents must be so ashamed of you",
    "mak bapak kau mesti malu dapat anak macam kau",
    "no wonder you're still single, host",
    "patut la takde orang nak kat kau",
    "go touch grass host",
    "ok boomer, sit down",
    "stop embarrassing yourself speaker",
    "nobody came here to hear you ramble",
    "the host is a complete waste of time",
    "speaker ni buat malu je, baik diam",
    "cakap macam orang mabuk, speaker ni",
    "what a try hard, this moderator",
    "attention seeker betul host ni",
    "the host talks like he knows everything, such a know it all",
    "this speaker is a walking joke",
]

THIRD_WAVE_SEXUAL = [
    "akak ni boleh buat bini",
    "nak peluk akak sampai pagi",
    "the speaker can give me a private lesson anytime ;)",
    "your husband is a lucky man, wish i was him tonight",
    "kakak host ni buat abang tak boleh tidur malam",
    "i'd let the host do anything to me",
]

HARASSMENT = [
    "ramai-ramai serang ig host ni, bagi dia rasa",
    "someone find where this speaker lives",
    "kau patut tutup akaun dan berambus dari internet",
    "share this guy's number everywhere so people can call him",
    "sebarkan nombor telefon admin ni, biar semua orang call",
    # held before round 16, kept as the kind's lines
    "everyone report her account until she deletes it",
    "jom report ramai-ramai akaun mamat ni sampai kena ban",
    "lets all go to his instagram and flood the comments",
    "delete your account and leave the internet, nobody wants you here",
    "viralkan muka dia, biar satu malaysia kenal",
    # second wave
    "jom serang page penceramah ni ramai ramai",
    "can someone find where that guy lives",
    "just leave the internet already",
    "do us a favour and delete your account",
    "tutup je akaun kau, tak ada orang nak tengok",
    "post her address everywhere so people can visit",
    # third wave
    "everyone go dislike all his videos",
    "jom bagi 1 bintang kat kedai dia ramai ramai",
    "lets all leave 1 star reviews on her business page",
    "let's cancel this speaker, share everywhere",
    "jom cancel mamat ni",
    "i'll make sure everyone at your office knows what you said",
    "aku dah screenshot, tunggu la satu malaysia tengok",
    "make multiple accounts and keep messaging her",
    "go to her tiktok and tell her what you think of her",
]

BENIGN = [
    # praise, and praise with "nothing" in another sense
    "great job as always host, another great session",
    "well done speaker, i learned so much today",
    "tahniah host, sesi yang sangat bagus",
    "great job host, i have nothing to add",
    "thanks speaker, nothing else to ask, very clear",
    "terbaik la penceramah, tak ada soalan lagi",
    "great talk! another session of this please",
    "great job as always host, another session next week?",
    "well done speaker, nothing was missed, very detailed",
    "10/10 host, would join again",
    "thank you host for teaching us so much today",
    "well done speaker, nothing to complain",
    "mantap la admin, sesi yang padat",
    "thanks for another hour of useful tips",
    "the scammers did a great job making the website look real, nothing looked fake",
    "i learned more from this speaker than from any tiktok video",
    "the host explained it so simply, even my 10 year old could do it now",
    "the host is kind and patient, what a combo",
    "the speaker is kind and helpful",
    "short and sweet, great session host",
    # civil critique of content and questions about roles
    "the slides were too long, could you share a summary?",
    "the slides were long and boring, could you share a summary?",
    "the speaker read from the slides a lot, maybe next time add more examples",
    "the talk was a bit basic for me, could we get an advanced session?",
    "honestly the second half dragged, maybe cut the q&a shorter next time",
    "i learned nothing new about otp but the mule account part was eye opening",
    "did the speaker google this data? where can i find the source?",
    "the moderator just read the question, can the speaker answer it?",
    "what does the admin do if someone posts a scam link?",
    "what does the moderator actually do during q&a? can i volunteer?",
    "admin kerja sampai pukul berapa? nak tanya pasal sijil",
    "admin ni kerja apa sebenarnya? saya nak jadi volunteer",
    "budak darjah 1 pun boleh faham cara lapor scam ni, senang je",
    "saya belajar banyak dari tiktok tentang scam, tapi webinar ni lagi detail",
    "fast and simple, great combo of tips",
    "stupid and lazy passwords are the scammers' best friend",
    "cuaca panas dan lembap hari ni, susah nak fokus",
    # self-deprecation, the author's own googling, someone else's confusion, reported and rejected words
    "i googled this five minutes before the webinar and found the nsrc number",
    "the speaker said she googled the scam number before calling back, smart move",
    "you must have learned a lot yesterday, thanks for sharing",
    "i have no idea what they are talking about, can someone explain 2fa?",
    "my husband has no idea what he is doing online, how do i help him?",
    "i felt stupid and ugly after being scammed, but this talk helped",
    "the host is not lazy and clueless, she was just unwell today",
    "jangan rasa bodoh dan malas, semua orang boleh kena scam",
    "my boss called me stupid and useless in front of everyone, can i report him?",
    # drooling at food, a baby, tears, melting things
    "nasi lemak akak tu kalau tengok, meleleh air liur aku",
    "aiskrim meleleh sebab panas sangat",
    "drooling over that rendang recipe the host shared",
    "drooling at the thought of the buffet after this",
    "meleleh air mata aku dengar cerita mangsa scam tu",
    "akak tu kalau senyum, rasa tenang je nak bertanya",
    "that cake makes me drool",
    "my baby smiles and drools all the time lol",
    "lilin dah meleleh, elektrik takde lagi",
    "anak kucing tu comel sangat, cair hati aku",
    # reporting scams together, spreading safety word, advice, questions about bullying
    "how do i mass report scam accounts?",
    "everyone please report this scam page to mcmc",
    "jom report ramai-ramai akaun scam ni",
    "jom report page scam ni ramai ramai",
    "viralkan video ni, biar satu malaysia tahu taktik scammer",
    "sebarkan info ni kepada semua, biar ramai tahu pasal scam",
    "share this webinar link with everyone so they learn about scams",
    "everyone please share the nsrc number 997 everywhere",
    "share the admin's number so people can ask about certs",
    "my son is being bullied online, classmates keep spamming his comments, what do i do?",
    "is it bullying if a group keeps tagging someone in memes?",
    "how do i stop people sharing my number everywhere?",
    "what should i do if someone threatens to post my address?",
    "how do i find where the scammer lives? police can help?",
    "i want to leave social media after being scammed, is that normal?",
    "should i leave the internet for a while after being doxxed?",
    "how do i delete my account forever?",
    "leave the internet on during the update",
    # third wave
    "do you think you're smart enough to spot a scam? take the quiz",
    "do you think you're so smart that scammers can't get you? think again",
    "jangan perasan bagus bila dah tahu pasal scam, kita semua boleh kena",
    "your parents must be so proud of you, great talk",
    "my parents must be so ashamed of me for losing the money",
    "no wonder scammers target the elderly",
    "patut la tak ada orang datang, link salah rupanya",
    "ok boomer is that a meme my son keeps saying, what does it mean?",
    "i need to go touch grass after this long session lol",
    "nobody came to the second session, can we get the recording?",
    "stop embarrassing yourself is what my mum always says when i sing",
    "anak saya buat malu je kat kedai tadi, menangis kuat",
    "my dad talks like a robot when he is tired haha",
    "the speaker knows everything about scams, such a pro",
    "that webinar was a complete waste of time for me, the content was too basic",
    "everyone please leave a 1 star review for that scam app",
    "lets cancel this subscription scam together, how do i do it?",
    "i screenshotted the scam message, should i wait for the police to call?",
    "i will make sure everyone at my office knows about this scam",
    "scammers make multiple accounts to message victims, how to block them?",
    "kek akak ni boleh buat kenduri",
    "nak peluk anak saya sampai pagi, dia demam",
    "i'd let the host decide the next topic",
    "speaker ni buat abang faham betul pasal scam, terima kasih",
    "the host thinks scammers are very smart these days",
]


@pytest.mark.parametrize(
    "text", SARCASTIC_PRAISE + CONTEMPT_FOR_COMPETENCE + STACKED_ADJECTIVES + THIRD_WAVE_INSULTS
)
def test_contempt_aimed_at_a_person_is_held_as_an_insult_by_a_rule(text):
    assert_rule_held_as(text, {"insult"}, INSULT_RULES)


@pytest.mark.parametrize("text", MELTING_AT_A_PERSON + THIRD_WAVE_SEXUAL)
def test_the_author_melting_at_a_person_and_other_remarks_are_sexual(text):
    assert_rule_held_as(text, {"sexual"}, {"sexual.phrase"})


@pytest.mark.parametrize("text", HARASSMENT)
def test_pile_ons_doxxing_and_telling_someone_to_leave_the_internet_are_held(text):
    assert_rule_held_as(text, {"insult", "harassment", "threat"}, {"insult.pile_on", "insult.phrase"})


@pytest.mark.parametrize("text", BENIGN)
def test_praise_critique_of_content_self_deprecation_food_and_reports_publish_at_every_strictness(text):
    assert_published_everywhere(text)
