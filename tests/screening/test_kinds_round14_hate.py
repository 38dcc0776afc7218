"""Round 14, hate without a listed word (docs/screening.md, "Round 14: hate without a listed word";
issue 13, kind 3): generalisations about a group ("<group> are all <trait>", "typical <group>", "semua
<group> sama je, penipu"), exclusion and expulsion ("<group> should not be allowed to vote", "kick every
pendatang out"), dehumanising comparisons ("macam lalat", "breed like rats"), groups named indirectly
("orang seberang", "people from across the border", "these outsiders") and inferiority claims ("women
can't do tech"), in EN, BM and Manglish; and the benign look-alikes beside them (counter-speech, neutral
and positive mentions, questions about groups, a group word beside a scam word, everyday senses), published
at every strictness. The wordings are these tests' own (guideline: docs/screening-guidelines.md, hate,
counter_speech, neutral_identity). Every harmful example must be held by a hate RULE (its code is
asserted), not only by the hate head, so the kind is read whatever the model in use."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_published_everywhere, verdict
from webinar.screening import rules
from webinar.screening.normalise import normalise

HATE_RULES = {"hate.group", "hate.identity", "hate.exclusion"}


def hate_rule_codes(text: str, strictness: str = "standard") -> set[str]:
    return {r.code for r in verdict(text, strictness).reasons} & HATE_RULES


HARMFUL = [
    "Bangladeshis are all liars, don't believe anything they say",
    "typical Chinese, always cheating on the price",
    "you can never trust an Indian with money",
    "semua bangla sama je, penipu",
    "orang indon memang pencuri semua",
    "Malays are lazy, that's why they need quotas",
    "those Myanmar workers are all thieves",
    "Rohingya are nothing but freeloaders",
    "refugees only come here to steal our jobs and rob us",
    "women can't do tech, stick to HR",
    "perempuan memang tak pandai guna teknologi",
    "gays are mentally ill, period",
    "disabled people are a drain on taxpayers",
    "Christians are always trying to convert people, sneaky lot",
    "orang cina semua kaki kelentong",
    "Indians are born cheaters",
    "immigrants are ruining this country",
    "foreign workers bring crime wherever they go",
    "kaum india ni memang suka buat kacau",
    "muslims are violent by nature",
    "send all the Bangladeshis back where they belong",
    "balik negara kau lah, bangla",
    "foreigners should not be allowed to vote",
    "Chinese shouldn't be allowed to own land here",
    "pendatang tak patut dapat kerja kat sini",
    "Rohingya tak layak tinggal di Malaysia",
    "no more refugees, close the borders and kick them all out",
    "orang asing keluar dari negara kami",
    "migrants have no place here",
    "LGBT people should be banned from teaching",
    "they breed like rats those people",
    "pendatang ni macam lalat, kat mana-mana ada",
    "foreign workers are like a swarm of locusts",
    "those refugees are vermin infesting our streets",
    "migrants multiply like cockroaches",
    "orang seberang tu macam kutu, menyusahkan",
    "those people from across the border are all thieves",
    "orang seberang semua penipu",
    "these foreigners are filthy",
    "pendatang semua kotor dan busuk",
    "people from across the causeway are all arrogant snobs",
    "budak-budak bangla ni semua pencuri",
    "women are too stupid for engineering",
    "girls are naturally worse at coding",
    "orang asli are primitive and can't be educated",
    "perempuan tak sesuai jadi pemimpin, otak kurang",
    "disabled people can't contribute anything",
    "Malays just aren't smart enough for science",
    "Hindus are all idol worshipping fools",
    "kristian ni semua nak kristiankan orang, jangan layan",
    "never hire a Bangladeshi, they all steal",
    "Indonesian maids are all thieves, lock your valuables",
    "orang myanmar ni semua pengganas",
    "the Chinese control everything and cheat the rest of us",
    "refugees are parasites living off our taxes",
    "those foreigners are a plague on our country",
    "gay people are a disease spreading in schools",
    "kick every pendatang out of this country",
    "pekerja asing semua bawa penyakit",
    "jangan percaya orang india, semua kaki temberang",
    "Filipinos are all gold diggers",
    "nepalis are so dirty, their hostels stink",
    "these refugees are all freeloaders sucking our taxes",
    "semua orang bangla ni pengotor, jijik tengok",
    "you can't trust Chinese businessmen, they always cheat you",
    "muslims are all extremists at heart",
    "indon2 ni semua pencuri motor",
    "women are too emotional to be managers",
    "perempuan memang lemah, tak boleh jadi ketua",
    "LGBT people are sick in the head",
    "gays are deviants who should be locked up",
    "the Indians here are all drunkards",
    "orang asli memang pemalas, tak nak kerja",
    "pendatang asing semua penjenayah",
    "these Bangladeshis are like a swarm of flies",
    "migrants are a plague, they infest every city",
    "rohingya ni macam ulat, makin banyak",
    "throw all the Rohingya back into the sea",
    "deport every single Bangladeshi",
    "Nigerians are all scammers, block them all",
    "Malays are nothing but lazy freeloaders",
    "call me racist but Indians are all liars",
    "im not racist but Chinese are all cheats",
    "orang putih semua sombong",
    "people from across the border are criminals, all of them",
    "these outsiders are ruining our town",
    "orang luar semua menyusahkan",
    "Christians are all hypocrites",
    "hindus are primitive idol worshippers",
    "atheists are immoral and can't be trusted",
    "disabled people are useless burdens on society",
    "women should not be allowed to drive",
    "perempuan tak patut keluar kerja, duduk rumah je",
    "foreigners have no place in our country",
    "pendatang tak patut dapat ic",
    "Bangla semua sama, kaki tipu",
    "typical Malay, always late and lazy",
    "kaum tu memang suka menipu",
    "orang seberang ni semua pencuri",
    "send all the foreigners home, they are parasites",
]


@pytest.mark.parametrize("text", HARMFUL)
def test_hate_without_a_listed_word_is_held_by_a_hate_rule(text):
    v = verdict(text)
    assert v.action != "publish", (text, [(r.code, r.matched) for r in v.reasons])
    assert "hate" in v.categories, (text, v.categories)
    assert hate_rule_codes(text), (text, [(r.code, r.matched) for r in v.reasons])


@pytest.mark.parametrize("text", HARMFUL[::7])
def test_hate_is_held_at_relaxed_too(text):
    assert verdict(text, "relaxed").action != "publish", text


BENIGN = [
    "saying all Bangladeshis are scammers is racist",
    "treating refugees as vermin denies their humanity",
    "jangan generalise semua bangla penipu",
    "my Chinese friends taught me how to spot phishing",
    "is it true Indians are targeted more by scams?",
    "are foreign workers more likely to be scammed?",
    "how do we help Rohingya refugees report fraud?",
    "Ada panduan dalam bahasa Myanmar untuk pekerja asing?",
    "women in tech face more online harassment, any tips?",
    "my grandmother is Orang Asli and she got a scam call",
    "Christians and Muslims in my neighbourhood both got the same scam SMS",
    "Is there a Tamil version of this webinar for Indian seniors?",
    "Saya orang Melayu dan saya pernah kena scam",
    "The speaker said migrants are often victims, not scammers",
    "Comparing migrants to rats is dehumanising and wrong",
    "People who say women can't do tech have never met my team",
    "It's unfair to say Malays are lazy",
    "I was told to go back to China on a forum, how do I report it?",
    "orang kata indon semua pencuri, itu fitnah",
    "Rohingya children deserve education too",
    "Foreign workers built most of our buildings, respect them",
    "saya kenal ramai bangla yang jujur dan rajin",
    "Why do scammers target the elderly?",
    "LGBT teens are bullied online more, how can parents help?",
    "Can disabled people use screen readers for this webinar?",
    "My mother-in-law is Chinese, she keeps forwarding fake news",
    "semua kaum pun boleh kena tipu, bukan satu bangsa je",
    "Refugees are human beings, not pests",
    "Are refugees allowed to work in Malaysia?",
    "my Bangladeshi coworker lost RM2000 to a job scam",
    "Indonesian maids are often targeted by fake agencies",
    "the idea that women can't do tech is outdated",
    "Stop blaming foreigners for every scam",
    "Those people from the bank called me, were they real?",
    "these foreigners asked me for directions, very nice people",
    "orang seberang jalan tu tolong saya masa kena tipu",
    "The rats in my kitchen keep breeding, any pest control tips?",
    "lalat banyak sangat kat gerai ni, tak selesa",
    "admin can you send them all back to me after the session?",
    "balik kampung for raya, will the recording be available?",
    "Typical scammer trick, always asking for OTP",
    "you can never trust an unknown link",
    "semua link dalam SMS tu sama je, penipu",
    "Men are also victims of romance scams",
    "is it racist to ask if the caller is foreign?",
    "Muslim scholars say online gambling is haram, any resources?",
    "Why are migrants called pendatang? Is it offensive?",
    "Pendatang asing pun ada hak untuk melaporkan penipuan?",
    "My Indian neighbours are the most generous people I know",
    "women can do tech just as well as men",
    "not all foreigners are scammers, most just want to work",
    "my friend said Malays are lazy and I told him that's a stereotype",
    "kenapa orang suka cakap cina semua kedekut? tak adil",
    "Chinese New Year scams are common, be careful",
    "refugee camps need donations, any legit charities?",
    "those people who scammed me were from overseas, can police help?",
    "the scammers were all foreigners according to police, how to report?",
    "I'm disabled and I can't read small text on the slides",
    "orang asli di kampung saya tak ada internet, macam mana nak ikut?",
    "a Nigerian scammer called me pretending to be from DHL",
    "Nigerian scammers used a fake parcel story on my aunt",
    "My Filipina helper warned me about a fake job offer",
    "my Chinese neighbours are very kind, they helped my mum",
    "some refugees told me they were cheated by fake agents",
    "Are migrant workers protected by labour laws?",
    "women are often targeted by romance scammers, how can we protect them?",
    "old people are bad at spotting scams, how can we help them?",
    "saying women can't do tech is sexist and untrue",
    "don't generalise, not all Bangladeshis are scammers",
    "it's unfair to call foreign workers parasites",
    "Refugees are human too, treat them with dignity",
    "comparing migrants to insects strips them of their dignity",
    "jangan pukul rata semua pendatang jahat",
    "orang seberang jalan rumah saya baik sangat",
    "those people from the bank were very helpful",
    "the flies at the food stall were annoying",
    "my neighbour keeps goats and a lembu",
    "I'm not sure, but is this SMS a scam?",
    "Christians in my office also got the phishing email",
    "LGBT youth face online harassment, where can they get help?",
    "orang asli di kampung saya pandai guna WhatsApp",
    "Malays are the majority in my town, should the webinar be in BM?",
    "Are Rohingya refugees able to open bank accounts?",
    "As a Muslim, is it ok to join this webinar during Ramadan?",
    "Indian seniors in my area need a Tamil translation, can you help?",
    "perempuan pun boleh jadi jurutera, jangan pandang rendah",
    "my Indonesian friend lost money to a fake investment",
    "Why do scammers pretend to be Chinese officials?",
    "The scammers spoke Mandarin, how to report them?",
    "send them back to me after you review the slides",
    "migrants deserve fair wages and protection from scams",
    "women can code, my daughter builds apps",
    "Disabled people have the same right to safety online",
    "Is it true that Indians are targeted more by loan scams?",
    "kenapa orang kata bangla semua penipu? tak adil",
    "He called us pendatang and told us to go back, what should we do?",
    "the claim that refugees are criminals is a myth",
    "My Bangladeshi coworkers are the hardest working people I know",
    "Bangladeshi workers are scammer targets, please warn them",
    "Indians in my area get scammer calls every day",
]


@pytest.mark.parametrize("text", BENIGN)
def test_counter_speech_and_neutral_mentions_publish_at_every_strictness(text):
    assert_published_everywhere(text)


# Look-alikes no hate RULE may read as hate. The heads hold some of them on group, scam or Malay words
# alone (docs/screening.md, Known misses: "Malays are all victims of scammers these days" at strict,
# "perempuan melayu memang lemah lembut", gentle, by the abuse head at standard): whatever holds them is a
# model head.
HEAD_ONLY = [
    "Malays are all victims of scammers these days",
    "perempuan melayu memang lemah lembut",
    "how to kick them all out of the whatsapp group? they are bots",
]


@pytest.mark.parametrize("text", HEAD_ONLY)
def test_look_alikes_fire_no_hate_rule(text):
    for strictness in ("relaxed", "standard", "strict"):
        codes = {r.code for r in verdict(text, strictness).reasons}
        assert all(code.startswith("model.") for code in codes), (strictness, text, codes)


@pytest.mark.parametrize(
    "text",
    [
        "call me racist but Indians are all liars",
        "im not racist but Chinese are all cheats",
        "no offence but refugees are freeloaders",
    ],
)
def test_a_disclaimer_before_hate_is_not_counter_speech(text):
    norm = normalise(text)
    assert not rules.counter_speech(rules.Words(norm), norm), text
    v = verdict(text)
    assert v.action != "publish" and not v.counter_speech, text


@pytest.mark.parametrize(
    ("text", "counter"),
    [
        ("Malays are all racist", "the Chinese are often victims of racism"),
        ("orang cina memang rasis", "jangan cop orang cina rasis, tak adil"),
        ("Indians are so sexist", "saying Indians are sexist is a stereotype"),
    ],
)
def test_a_prejudice_word_pinned_on_a_group_is_hate_not_counter_speech(text, counter):
    """ "racist" or "sexist" as the trait of a generalisation about the group is hate (the word is no
    counter-speech marker there); the same word naming prejudice against the group is counter-speech."""
    assert hate_rule_codes(text), text
    assert not verdict(text).counter_speech, text
    assert_published_everywhere(counter)


@pytest.mark.parametrize(
    "text",
    [
        "Are refugees allowed to work in Malaysia?",
        "are foreign workers more likely to be scammed?",
        "Are Rohingya refugees able to open bank accounts?",
        "Is there a Tamil version of this webinar for Indian seniors?",
        "Scammers don't care if you're Malay, Chinese or Indian",  # no question: a list of three groups
    ],
)
def test_a_neutral_question_about_a_group_keeps_the_hate_head_quiet(text):
    v = verdict(text, "strict")
    assert v.action == "publish", (text, v.heads)
    assert "hate" in v.quiet, text


@pytest.mark.parametrize(
    "text",
    [
        "why are Chinese always so sneaky?",  # a trait: no neutral question
        "Are refugees allowed to work here? they are all parasites",  # a dehumanising word
        "should we deport all Bangladeshis?",  # an act against the group
    ],
)
def test_a_question_that_says_something_against_the_group_is_still_hate(text):
    v = verdict(text)
    assert v.action != "publish" and "hate" in v.categories, (text, [(r.code, r.matched) for r in v.reasons])
    assert "hate" not in v.quiet, text


@pytest.mark.parametrize(
    ("text", "particular"),
    [
        ("Nigerians are all scammers", "a Nigerian scammer called me"),
        ("Chinese are so rude", "my Chinese neighbours are so rude"),
        ("refugees are freeloaders", "some refugees are freeloaders"),
        ("semua bangla sama je, pembohong", "seorang bangla memang pembohong, dia ambil duit saya"),
    ],
)
def test_a_group_made_particular_is_no_generalisation(text, particular):
    """The same trait is a generalisation about the group, and not one about one person or some people
    (generalising.txt, ``particular:``): the particular sentence fires no hate rule."""
    assert hate_rule_codes(text), text
    assert not hate_rule_codes(particular), particular


@pytest.mark.parametrize(
    "text",
    [
        "Chinese people always complain about Malays when the Indians are not around",
        "gay gay homoseksual semua",
        "orang cina kutuk orang melayu depan orang india",
    ],
)
def test_groups_named_apart_or_repeated_are_no_neutral_list(text):
    """Only three different groups in a row joined by list words ("Malay, Chinese or Indian") make a neutral
    list: groups scattered through a sentence or one group repeated do not keep the hate head quiet."""
    assert "hate" not in verdict(text).quiet, text
