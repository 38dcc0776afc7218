"""Counter-speech about people, not only groups (issue 13; docs/screening.md, "Mentioned, not used"): a
comment that quotes or reports an insult, a swear word or a slur in order to reject it, report it, ask
whether it is allowed or say that the author (or someone they stand beside) was its target *mentions* the
words; it does not use them against anyone present. The guideline labels it counter_speech (benign). The
mentioned span alone is excused: the insult, profanity and hate word rules and the abuse and hate model
heads stay quiet about it, while anything also aimed at the reader in the same comment ("... and you are
one too") is held, and threats and the author's own self-harm are never excused. Every line here is these
tests' own wording (EN, BM, Manglish)."""

from __future__ import annotations

import pytest

from tests.screening.test_kinds import assert_held_as, assert_published_everywhere, verdict
from tests.screening.test_kinds_round3 import assert_published
from webinar.screening import rules
from webinar.screening.normalise import normalise

# The author, a child or a bystander reports what they were called and asks what to do.
REPORTED_TO_THE_AUTHOR = [
    # English
    "someone in chat called me a bitch, can I report that?",
    "a guy in the chat called me a stupid bitch, is that allowed?",
    "my boss called me an idiot in front of the whole team, can I report him?",
    "the scammer called me a dumb old cow when I refused to pay, is that normal?",
    "my classmate keeps calling me a retard, what should I do?",
    'someone wrote "fuck you" under my post, how do I report it?',
    'He said "you\'re a dumb cow" to my mum on facebook, what can we do?',
    "is it allowed to call someone a bitch in chat? asking because someone did it to me",
    "my son was called a pondan at school, how do I help him?",
    "a user keeps calling my daughter a slut in the comments, how do we get it removed?",
    # Malay
    "kawan sekelas anak saya panggil dia babi, macam mana nak report?",
    "dia panggil saya sial dalam group whatsapp, boleh lapor polis ke?",
    'kena maki "pukimak" dengan scammer bila saya tak bagi duit, nak report kat mana?',
    "jiran saya selalu panggil mak saya bodoh, apa patut saya buat?",
    'ada orang komen "babi betul" kat gambar anak saya, macam mana nak padam?',
    "pelanggan tu panggil saya celaka sebab lambat, boleh ke saya lapor?",
    # Manglish
    "orang panggil i bitch kat tiktok, camne nak report ah?",
    "that uncle call my mum bodoh in the group chat, can report or not?",
    "my colleague say I'm a stupid bitch in front of everyone, what should I do ah",
    'the scammer maki me "sial" after I block him, should I report?',
]

# Telling others not to say it, or calling it wrong: the words are named to reject them.
REJECTED = [
    "jangan panggil orang bodoh, tak baik",
    'jangan cakap "babi" kat orang, tak baik',
    'stop saying "retard", it hurts people with disabilities',
    'people who call others "bodoh" online should be reported',
    "calling someone a bitch in the chat is not ok",
    "it is wrong to call a scam victim stupid",
    "tak baik panggil mangsa scam bodoh, sesiapa boleh kena",
    'jangan panggil budak sekolah "sial", tak elok didengar',
    "pls dont call people idiot just because they kena scam",
    'orang yang cakap "Melayu semua pemalas" tu salah',
]

# The same words also used at the reader, or the author's own threat or self-harm: still held.
ALSO_USED = [
    ("someone called me a bitch, and you are one too", "insult"),
    ("they call me stupid but you are the real idiot", "insult"),
    ("jangan panggil orang bodoh, kau yang bodoh", "insult"),
    ("orang panggil aku sial, kau pun sama sial", "profanity"),
    ('stop saying "retard", you retard', "insult"),
    ("everyone in the chat calls you an idiot, host", "insult"),
    ("kau memang bodoh, semua orang panggil kau bodoh", "insult"),
    ("people call you a bitch because you are one", "insult"),
    ("call him a retard lol", "insult"),
    ("I'm calling you a bitch, can you report that?", "insult"),
]

NEVER_EXCUSED = [
    ("someone called me stupid. I will kill you", "threat"),
    ("my classmate keeps calling me fat, I want to die", "self_harm"),
    ("orang panggil aku bodoh, rasa nak bunuh diri je", "self_harm"),
    ("he called me a bitch so I'm going to stab him tomorrow", "threat"),
]


@pytest.mark.parametrize("text", REPORTED_TO_THE_AUTHOR + REJECTED)
def test_a_mentioned_insult_is_published_and_the_abuse_and_hate_heads_stay_quiet(text):
    assert_published(text)
    v = verdict(text)
    assert not {"abuse", "hate"} & set(v.fired), (text, v.fired, v.heads)


@pytest.mark.parametrize(("text", "category"), ALSO_USED)
def test_words_also_used_at_someone_present_are_held(text, category):
    assert_held_as(text, category)


@pytest.mark.parametrize(("text", "category"), NEVER_EXCUSED)
def test_threats_and_the_authors_own_self_harm_are_never_excused_by_a_mention(text, category):
    assert_held_as(text, category)


def _mentioned_words(text: str) -> list[str]:
    norm = normalise(text)
    flat = rules.Words(norm)
    mentioned = sorted(rules.mentioned_tokens(flat, norm))
    return [norm.original[norm.tokens[i].start : norm.tokens[i].end] for i in mentioned]


@pytest.mark.parametrize(
    ("text", "mentioned", "used"),
    [
        ("they call me stupid but you are the real idiot, should I report them?", "stupid", "idiot"),
        ("jangan panggil orang bodoh, kau yang bodoh", "bodoh", None),
        ('someone wrote "fuck you" under my post, how do I report it?', "fuck", None),
        ('stop saying "retard", you retard', "retard", None),
    ],
)
def test_only_the_mentioned_span_is_excused(text, mentioned, used):
    words = _mentioned_words(text)
    assert words.count(mentioned) == 1, words  # the mention, not the second use
    if used is not None:
        assert used not in words, words


@pytest.mark.parametrize(
    "text",
    [
        "everyone calls you an idiot, host",  # the reader is the target
        "people say the speaker is an idiot, right?",  # a role noun present is the target
        "I call him an idiot, is that wrong?",  # the author says it
        "call him a retard lol",  # no report, rejection or question
        "you idiot, how do I report you?",  # not after a naming verb, nor quoted
    ],
)
def test_words_said_at_someone_present_or_by_the_author_are_not_mentioned(text):
    assert _mentioned_words(text) == []


def test_a_mention_does_not_excuse_a_quoted_threat_about_the_author_in_a_rule():
    # Threat phrases are judged as before: only someone else's quoted threat in a report is published.
    assert_held_as("someone called me a bitch, I'll kill him", "threat")


# False friends (docs/screening-guidelines.md, false_friend): words with two senses in their everyday sense,
# found by the same context words as `konek wifi` and `babi panggang` (lexicons/senses.tsv), never by
# taking the word out of the lists; beside "you" or a person they are still what they say.
EVERYDAY_SENSE = [
    "how does knn classifier work compared to random forest for fraud detection?",
    "KNN algorithm boleh detect scam transactions ke?",
    "during the CB period many scams went up, any data?",
    "my daughter graduated magna cum laude, how do I protect her LinkedIn from scammers?",
    "the clinic did a finger prick test for my diabetes, is the SMS from them real?",
    "where to buy a garden hoe online without getting scammed?",
    "the dyke broke and the river flooded our kampung, how to claim aid safely?",
    "boleh ke ibu bagi susu tetek sambil makan ubat?",
    "the ass and the foal in the petting zoo",
    "i beat him at chess",
    "we beat them in the final",
    "our team beat them 3-1 last night",
]

STILL_MEANT = [
    ("knn la kau", "profanity"),
    ("cb host", "profanity"),
    ("the speaker is a prick", "insult"),
    ("what a hoe", "insult"),
    ("you dumb ass", "profanity"),
    ("tetek besar", "sexual"),
    ("i will beat you in the parking lot", "threat"),
    ("we beat them up in the car park", "threat"),
]


@pytest.mark.parametrize("text", EVERYDAY_SENSE)
def test_a_word_in_its_everyday_sense_publishes_at_every_strictness(text):
    assert_published_everywhere(text)


@pytest.mark.parametrize(("text", "category"), STILL_MEANT)
def test_the_same_words_aimed_at_someone_are_still_held(text, category):
    assert_held_as(text, category)
