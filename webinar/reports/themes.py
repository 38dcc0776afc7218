"""Themes: key phrases from published questions (English and Malay), and questions grouped by them.

Deterministic and model-free: tokenise, drop English and Malay stop words, count in how many questions each
word and word pair appears, keep the most frequent phrases, then put each question under the highest-ranked
phrase it contains. Ties break alphabetically, so the same questions always give the same themes.

One concept, two languages: before counting, each word or phrase is mapped to a concept key through the
Malay-English twins in ``lexicons/twins.tsv`` (``akaun palsu`` and ``fake account`` are both
``account fake``), English plurals are singularised, and a word pair is keyed regardless of word order
(Malay puts the adjective after the noun). A theme is labelled with the wordings people actually used,
one per language or spelling (``fake account / akaun palsu``).
"""

from __future__ import annotations

import functools
import itertools
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

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
KEY_PHRASES = 20
# Bump when question_phrases changes in a way the lexicon and stop words do not show (stored phrases then
# get recomputed by the next report).
PHRASES_REVISION = 1


LEXICONS = Path(__file__).resolve().parent / "lexicons"
LABEL_SURFACES = 2  # wordings shown in a theme's label


def tokens(text: str) -> list[str]:
    words = [word.lower().replace("’", "'") for word in TOKEN.findall(text or "")]
    return [word for word in words if len(word) > 2 and word not in STOP_WORDS]


@functools.cache
def _twins() -> tuple[re.Pattern, dict[str, str]]:
    """Malay phrase → English twin, and one pattern matching any of them (longest first, whole words)."""
    table: dict[str, str] = {}
    for raw in (LEXICONS / "twins.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        malay, english = (part.strip().lower() for part in raw.split("\t"))
        table[malay] = english
    alternatives = "|".join(re.escape(phrase) for phrase in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), table


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _concepts(text: str) -> list[str]:
    """The words of a text as concept keys: twins translated, plurals singularised, stop words dropped."""
    pattern, table = _twins()
    translated = pattern.sub(lambda match: table[match.group(0)], (text or "").lower())
    return [_singular(word) for word in tokens(translated)]


def _pair_key(a: str, b: str) -> str:
    return " ".join(sorted((a, b)))


def phrases(text: str) -> set[str]:
    """The distinct concept keys of a question: words, and adjacent word pairs in any order."""
    words = _concepts(text)
    found = set(words)
    found.update(_pair_key(a, b) for a, b in itertools.pairwise(words) if a != b)
    return found


def _surfaces(text: str) -> dict[str, str]:
    """Concept key → the words the question used for it (a word, or an adjacent pair as written)."""
    pattern, table = _twins()
    lowered = (text or "").lower()
    units: list[tuple[str, str]] = []  # (concept, surface), in reading order
    position = 0
    for match in itertools.chain(pattern.finditer(lowered), [None]):
        end = match.start() if match else len(lowered)
        units.extend((_singular(word), word) for word in tokens(lowered[position:end]))
        if match:
            concept = table[match.group(0)]
            # A twin may be two English words ("social media"): one unit per concept word.
            for word in tokens(concept):
                units.append((_singular(word), match.group(0)))
            position = match.end()
    found: dict[str, str] = {}
    for concept, surface in units:
        found.setdefault(concept, surface)
    for (a, first), (b, second) in itertools.pairwise(units):
        if a != b:
            found.setdefault(_pair_key(a, b), first if first == second else f"{first} {second}")
    return found


def _label(wordings: Counter) -> str:
    """Up to ``LABEL_SURFACES`` wordings of one concept, most used first (one per distinct wording)."""
    ranked = sorted(wordings.items(), key=lambda item: (-item[1], item[0]))
    shown: list[str] = []
    for wording, _n in ranked:
        if all(_singular_words(wording) != _singular_words(other) for other in shown):
            shown.append(wording)
        if len(shown) == LABEL_SURFACES:
            break
    return " / ".join(shown)


def _singular_words(wording: str) -> tuple[str, ...]:
    return tuple(_singular(word) for word in wording.split())


def rank_key(phrase: str, n: int) -> tuple[int, int, str]:
    """Sort key of a phrase in ``n`` questions: most questions, then bigrams first, then code point order."""
    return (-n, -phrase.count(" "), phrase)


def _rank(frequency: Mapping[str, int]) -> list[str]:
    """Phrases by questions containing them; bigrams first on ties (more specific), then alphabetical."""
    return sorted(
        (phrase for phrase, n in frequency.items() if n >= MIN_QUESTIONS),
        key=lambda phrase: rank_key(phrase, frequency[phrase]),
    )


def phrases_version() -> int:
    """A fingerprint of everything ``question_phrases`` depends on (lexicon, stop words, code revision).

    Stored beside each question's phrases: a report recomputes the phrases of questions whose stored
    fingerprint differs (rows from before this column, or after the lexicon changed). Never 0 (0 means
    "not computed").
    """
    return _phrases_version()


@functools.cache
def _phrases_version() -> int:
    parts = [
        str(PHRASES_REVISION),
        TOKEN.pattern,
        (LEXICONS / "twins.tsv").read_text(encoding="utf-8"),
        " ".join(sorted(STOP_WORDS)),
    ]
    return zlib.crc32("\n".join(parts).encode()) & 0x7FFFFFFF or 1


def question_phrases(text: str) -> dict[str, str]:
    """A question's concept keys (words and adjacent pairs) → the wording it used for each.

    Computed once per question when its text is saved (``Question.save``) and stored in
    ``Question.theme_phrases``, so a report only counts stored keys (``reports.queries.theme_figures``).
    """
    return _surfaces(text)


def themes_choose(ranked: Iterable[str], frequency: Mapping[str, int]) -> list[str]:
    """The theme phrases, in rank order: at most ``MAX_THEMES``, none redundant with one chosen before.

    ``ranked`` is ``_rank(frequency)`` (or its prefix: the loop reads no further than it needs).
    """
    chosen: list[str] = []
    for phrase in ranked:
        # A unigram already inside a chosen bigram adds nothing; so does a bigram made of chosen words.
        if any(phrase in other.split() for other in chosen if " " in other):
            continue
        if " " in phrase and all(word in chosen for word in phrase.split()):
            continue
        chosen.append(phrase)
        if len(chosen) == MAX_THEMES:
            break
    return chosen


def themes_by_specificity(chosen: list[str], frequency: Mapping[str, int]) -> list[str]:
    """The order a question looks for its home theme: a shared word pair says more than a shared word."""
    return sorted(chosen, key=lambda phrase: (-phrase.count(" "), -frequency[phrase], phrase))


def themes_assemble(
    *,
    chosen: list[str],
    ranked: list[str],
    frequency: Mapping[str, int],
    wordings: Mapping[str, Counter],
    groups: Mapping[str, tuple[int, int, list[int]]],
    unthemed: int,
    total: int,
) -> dict:
    """The themes result from counts: ``groups`` maps a chosen phrase to (questions, votes, example ids).

    Example ids are the group's questions by most votes then lowest id (at most ``EXAMPLES_PER_THEME``).
    """
    themes = [
        {
            "phrase": _label(wordings[phrase]),
            "questions": groups[phrase][0],
            "mentions": frequency[phrase],
            "votes": groups[phrase][1],
            "examples": groups[phrase][2][:EXAMPLES_PER_THEME],
        }
        for phrase in chosen
        if phrase in groups and groups[phrase][0]
    ]
    themes.sort(key=lambda theme: (-theme["questions"], -theme["votes"], theme["phrase"]))
    key_phrases = [
        {"phrase": _label(wordings[phrase]), "questions": frequency[phrase]}
        for phrase in ranked[:KEY_PHRASES]
    ]
    return {"themes": themes, "key_phrases": key_phrases, "unthemed": unthemed, "total": total}


def themes_build(rows: Iterable[tuple[int, str, int]]) -> dict:
    """Key phrases and clusters from ``(question id, text, votes)`` rows, tokenised here, in memory.

    The reference for ``reports.queries.theme_figures`` (which counts the stored phrases in the
    database and gives the same result); fine for a few thousand questions, not for a campaign.
    """
    per_question: list[tuple[int, int, frozenset[str]]] = []
    frequency: Counter = Counter()
    wordings: dict[str, Counter] = defaultdict(Counter)
    for question_id, text, votes in rows:
        surfaces = question_phrases(text)
        found = frozenset(surfaces)
        frequency.update(found)
        for concept, surface in surfaces.items():
            wordings[concept][surface] += 1
        per_question.append((question_id, votes, found))

    ranked = _rank(frequency)
    chosen = themes_choose(ranked, frequency)
    by_specificity = themes_by_specificity(chosen, frequency)
    members: dict[str, list[tuple[int, int]]] = {phrase: [] for phrase in chosen}
    unthemed = 0
    for question_id, votes, found in per_question:
        home = next((phrase for phrase in by_specificity if phrase in found), None)
        if home is None:
            unthemed += 1
        else:
            members[home].append((question_id, votes))
    groups = {}
    for phrase, group in members.items():
        group.sort(key=lambda item: (-item[1], item[0]))
        groups[phrase] = (len(group), sum(votes for _, votes in group), [qid for qid, _ in group])
    return themes_assemble(
        chosen=chosen,
        ranked=ranked,
        frequency=frequency,
        wordings=wordings,
        groups=groups,
        unthemed=unthemed,
        total=len(per_question),
    )
