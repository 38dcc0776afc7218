"""Themes: key phrases from published questions (English and Malay), and questions grouped by them.

Deterministic and model-free: tokenise, drop English and Malay stop words, count in how many questions each
word and word pair appears, keep the most frequent phrases, then put each question under the highest-ranked
phrase it contains. Ties break alphabetically, so the same questions always give the same themes.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable

TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)

ENGLISH_STOP = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "aren't",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "can't",
        "cannot",
        "could",
        "couldn't",
        "did",
        "didn't",
        "do",
        "does",
        "doesn't",
        "doing",
        "don't",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "get",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "isn't",
        "it",
        "it's",
        "its",
        "itself",
        "just",
        "let",
        "let's",
        "like",
        "me",
        "more",
        "most",
        "much",
        "must",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "please",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "thank",
        "thanks",
        "that",
        "that's",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "us",
        "very",
        "was",
        "we",
        "were",
        "what",
        "what's",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yes",
        "question",
        "questions",
        "anyone",
        "someone",
        "something",
        "really",
        "know",
        "think",
        "want",
        "need",
        "going",
        "get",
        "make",
        "way",
        "use",
        "using",
        "one",
        "two",
        "many",
        "lot",
    ]
)

MALAY_STOP = frozenset(
    [
        "ada",
        "adakah",
        "adalah",
        "agar",
        "akan",
        "aku",
        "amat",
        "anda",
        "apa",
        "apakah",
        "atas",
        "atau",
        "bagaimana",
        "bagi",
        "bahawa",
        "bahwa",
        "banyak",
        "baru",
        "beberapa",
        "belum",
        "berapa",
        "bila",
        "boleh",
        "bukan",
        "dah",
        "dalam",
        "dan",
        "dapat",
        "dari",
        "daripada",
        "dengan",
        "di",
        "dia",
        "ialah",
        "ini",
        "itu",
        "jadi",
        "jika",
        "juga",
        "kah",
        "kalau",
        "kami",
        "kamu",
        "kan",
        "kat",
        "ke",
        "kepada",
        "kerana",
        "kita",
        "lagi",
        "lah",
        "lebih",
        "mahu",
        "mana",
        "masih",
        "mereka",
        "mesti",
        "nak",
        "naik",
        "oleh",
        "pada",
        "para",
        "pun",
        "saja",
        "sahaja",
        "saya",
        "sangat",
        "satu",
        "sebab",
        "sebagai",
        "sedang",
        "sejak",
        "semua",
        "sendiri",
        "seperti",
        "serta",
        "siapa",
        "sila",
        "sudah",
        "supaya",
        "tak",
        "tapi",
        "tentang",
        "terhadap",
        "terima",
        "kasih",
        "tidak",
        "untuk",
        "walaupun",
        "yang",
        "ya",
        "encik",
        "puan",
        "tuan",
        "soalan",
        "macam",
        "mengapa",
        "kenapa",
        "bolehkah",
        "perlu",
        "hendak",
        "ingin",
    ]
)

STOP_WORDS = ENGLISH_STOP | MALAY_STOP
MAX_THEMES = 8
MIN_QUESTIONS = 2  # a phrase in one question is not a theme
EXAMPLES_PER_THEME = 3


def tokens(text: str) -> list[str]:
    words = [word.lower().replace("’", "'") for word in TOKEN.findall(text or "")]
    return [word for word in words if len(word) > 2 and word not in STOP_WORDS]


def phrases(text: str) -> set[str]:
    """The distinct unigrams and adjacent bigrams of a question, after stop words are removed."""
    words = tokens(text)
    found = set(words)
    found.update(f"{a} {b}" for a, b in itertools.pairwise(words) if a != b)
    return found


def _rank(frequency: Counter) -> list[str]:
    """Phrases by questions containing them; bigrams first on ties (more specific), then alphabetical."""
    return sorted(
        (phrase for phrase, n in frequency.items() if n >= MIN_QUESTIONS),
        key=lambda phrase: (-frequency[phrase], -phrase.count(" "), phrase),
    )


def themes_build(rows: Iterable[tuple[int, str, int]]) -> dict:
    """Key phrases and clusters from ``(question id, text, votes)`` rows of published questions."""
    per_question: list[tuple[int, int, frozenset[str]]] = []
    frequency: Counter = Counter()
    for question_id, text, votes in rows:
        found = frozenset(phrases(text))
        frequency.update(found)
        per_question.append((question_id, votes, found))

    chosen: list[str] = []
    for phrase in _rank(frequency):
        # A unigram already inside a chosen bigram adds nothing; so does a bigram made of chosen words.
        if any(phrase in other.split() for other in chosen if " " in other):
            continue
        if " " in phrase and all(word in chosen for word in phrase.split()):
            continue
        chosen.append(phrase)
        if len(chosen) == MAX_THEMES:
            break

    # A question joins its most specific theme: a shared word pair says more than a shared word.
    by_specificity = sorted(chosen, key=lambda phrase: (-phrase.count(" "), -frequency[phrase], phrase))
    members: dict[str, list[tuple[int, int]]] = {phrase: [] for phrase in chosen}
    unthemed = 0
    for question_id, votes, found in per_question:
        home = next((phrase for phrase in by_specificity if phrase in found), None)
        if home is None:
            unthemed += 1
        else:
            members[home].append((question_id, votes))

    themes = []
    for phrase in chosen:
        group = members[phrase]
        if not group:
            continue
        group.sort(key=lambda item: (-item[1], item[0]))
        themes.append(
            {
                "phrase": phrase,
                "questions": len(group),
                "mentions": frequency[phrase],
                "votes": sum(votes for _, votes in group),
                "examples": [question_id for question_id, _ in group[:EXAMPLES_PER_THEME]],
            }
        )
    themes.sort(key=lambda theme: (-theme["questions"], -theme["votes"], theme["phrase"]))
    key_phrases = [{"phrase": phrase, "questions": frequency[phrase]} for phrase in _rank(frequency)[:20]]
    return {"themes": themes, "key_phrases": key_phrases, "unthemed": unthemed, "total": len(per_question)}
