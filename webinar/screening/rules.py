"""Rule-based detectors: word lists, phrase rules (threats, self-harm, hate), spam, links, personal
data and floods. Every detector returns ``Hit`` objects whose spans point into the ORIGINAL text.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from webinar.screening import lexicons
from webinar.screening.normalise import Normalised, normalise


@dataclass(frozen=True, slots=True)
class Hit:
    code: str
    category: str
    severity: int
    start: int | None
    end: int | None


SECOND_PERSON = frozenset(
    ["you", "your", "yours", "yourself", "kau", "awak", "korang", "kamu", "engkau", "hangpa", "hampa", "mu"]
)
CONTEXT_WINDOW = 2
IDENTITY_WINDOW = 3


class _Words:
    """The comment as a flat list of canonical words, each pointing back to its token."""

    __slots__ = ("owner", "starts", "text", "words")

    def __init__(self, norm: Normalised):
        words: list[str] = []
        owner: list[int] = []
        for i, tok in enumerate(norm.tokens):
            for w in tok.words:
                words.append(w)
                owner.append(i)
        self.words = words
        self.owner = owner
        self.text = " ".join(words)
        starts = []
        pos = 0
        for w in words:
            starts.append(pos)
            pos += len(w) + 1
        self.starts = starts

    def token_range(self, a: int, b: int) -> tuple[int, int]:
        """Token indices covered by the character range [a, b) of ``self.text``."""
        first = bisect.bisect_right(self.starts, a) - 1
        last = bisect.bisect_right(self.starts, max(a, b - 1)) - 1
        return self.owner[max(first, 0)], self.owner[max(last, 0)]


def _phrase_matches(words: list[str], table) -> list[tuple[int, int]]:
    """(first word, last word) index pairs where a phrase of ``table`` occurs."""
    out = []
    n = len(words)
    for i, w in enumerate(words):
        for tokens, _value in table.get(w, ()):
            k = len(tokens)
            if i + k <= n and tuple(words[i : i + k]) == tokens:
                out.append((i, i + k - 1))
                break
    return out


def _phrase_entries(words: list[str], table):
    n = len(words)
    for i, w in enumerate(words):
        for tokens, entry in table.get(w, ()):
            k = len(tokens)
            if i + k <= n and tuple(words[i : i + k]) == tokens:
                yield i, i + k - 1, entry
                break


# --- word lists ---------------------------------------------------------------------------------


def lexicon_hits(norm: Normalised, flat: _Words, allowed_tokens: set[int]) -> list[Hit]:
    lex = lexicons.load()
    tokens = norm.tokens
    words = flat.words
    hits: list[Hit] = []
    # Allow-listed phrases ("daging babi", "media sosial") protect the tokens inside them.
    if lex.allow_phrases:
        for a, b in _phrase_matches(words, lex.allow_phrases):
            allowed_tokens.update(range(flat.owner[a], flat.owner[b] + 1))
    flagged: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.entry is not None and i not in allowed_tokens:
            flagged.add(i)
    phrase_hits = []
    for a, b, entry in _phrase_entries(words, lex.phrases):
        ta, tb = flat.owner[a], flat.owner[b]
        if any(t in allowed_tokens for t in range(ta, tb + 1)):
            continue
        phrase_hits.append((ta, tb, entry))
        flagged.update(range(ta, tb + 1))
    n = len(tokens)
    for i in sorted(flagged):
        tok = tokens[i]
        entry = tok.entry
        if entry is None:
            continue
        if entry.contextual and not _has_context(i, tokens, flagged, lex, n, entry.category):
            continue
        if entry.category == "insult" and entry.severity <= 2 and _self_directed(i, tokens):
            continue
        hits.append(Hit(f"{entry.category}.lexicon", entry.category, entry.severity, tok.start, tok.end))
    for ta, tb, entry in phrase_hits:
        if entry.contextual and not _has_context(ta, tokens, flagged, lex, n, entry.category):
            continue
        hits.append(
            Hit(f"{entry.category}.lexicon", entry.category, entry.severity, tokens[ta].start, tokens[tb].end)
        )
    hits.extend(_identity_hate(norm, flat, flagged, allowed_tokens, lex))
    return hits


FIRST_PERSON = frozenset(["i", "me", "myself", "saya", "aku", "diri"])


def _self_directed(i, tokens) -> bool:
    """ "Saya begitu bodoh" / "I am so stupid": self-deprecation, not an insult to anyone."""
    before = [w for t in tokens[max(0, i - 3) : i] for w in t.words]
    if not any(w in FIRST_PERSON for w in before):
        return False
    around = [w for t in tokens[max(0, i - 3) : i + 3] for w in t.words]
    return not any(w in SECOND_PERSON for w in around)


def _has_context(i, tokens, flagged, lex, n, category: str = "") -> bool:
    # An identity term makes "anjing" or "stupid" an insult, but "lucah" or "porn" next to "wanita" or
    # "lesbian" is a topic ("pelakon lucah wanita"): sexual words need a pronoun or another flagged word.
    identity_counts = category != "sexual"
    for j in range(max(0, i - CONTEXT_WINDOW), min(n, i + CONTEXT_WINDOW + 1)):
        if j == i:
            continue
        tok = tokens[j]
        for w in tok.words:
            if w in SECOND_PERSON or (identity_counts and w in lex.identity):
                return True
        if j in flagged and tok.entry is not None and not tok.entry.contextual:
            return True
    return False


def _identity_hate(norm, flat, flagged, allowed_tokens, lex) -> list[Hit]:
    """An identity term next to an insult or a dehumanising word is hate ("cina babi", "melayu malas")."""
    words = flat.words
    ident = [i for i, w in enumerate(words) if w in lex.identity]
    if lex.identity_phrases:
        for a, _b in _phrase_matches(words, {p[0]: ((p, None),) for p in lex.identity_phrases}):
            ident.append(a)
    if not ident:
        return []
    out = []
    n = len(words)
    for i in ident:
        for j in range(max(0, i - IDENTITY_WINDOW), min(n, i + IDENTITY_WINDOW + 1)):
            if j == i:
                continue
            tj = flat.owner[j]
            if tj in allowed_tokens or flat.owner[i] == tj:
                continue
            entry = norm.tokens[tj].entry
            bad = words[j] in lex.dehumanising or (
                tj in flagged and entry is not None and entry.category in ("insult", "profanity", "hate")
            )
            if bad:
                ti = flat.owner[i]
                a, b = min(ti, tj), max(ti, tj)
                out.append(Hit("hate.identity", "hate", 3, norm.tokens[a].start, norm.tokens[b].end))
                return out
    return out


# --- phrase rules over the canonical text --------------------------------------------------------

_FP = r"(?:i|im|i am|ive|i have|me|we)"
_MS_FP = r"(?:saya|aku|sy|aq|ku|kami|i)"
_YOU = r"(?:you|your|ya|kau|awak|korang|kamu|engkau|anda|mak kau|keluarga kau)"

SELF_HARM = [
    r"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|hang|hanging|end|ending|starve|starving|off)"
    r" (?:myself|my self|my own life|my life)\b",
    r"\b(?:want|wanna|going|gonna|plan|planning|ready|deserve|wish|wishing|about|need) (?:to )?"
    r"(?:die|be dead|end it all|end it|end my life|not wake up|commit suicide|kill myself)\b",
    r"\b" + _FP + r" (?:\w+ ){0,2}?(?:suicidal|have suicidal|having suicidal|feel suicidal)\b",
    r"\b" + _FP + r" (?:\w+ ){0,3}?(?:commit|committing|attempt|attempted|attempting|trying|thinking about"
    r"|thought about|considering|contemplating|planning) suicide\b",
    r"\b(?:dont|do not|no longer|dont really|doesnt|not) (?:want|wanna|wish) (?:to )?"
    r"(?:live|be alive|exist|be here anymore|wake up)\b",
    r"\bno (?:reason|point) (?:to live|in living|to go on)\b",
    r"\b(?:im|i am|id be|i would be|everyone is|everyone would be|they are|theyd be|world is|family is)"
    r" better off (?:dead|without me)\b",
    r"\b(?:cant|cannot|can not) (?:go on|keep going|do this) (?:anymore|any more|living)\b",
    r"\btake my (?:own )?life\b",
    r"\bwish i (?:was|were) dead\b",
    r"\bwish i (?:was|were) never born\b",
    r"\bnobody (?:would|will) (?:care|notice|miss me) if i (?:die|died|was gone|disappeared)\b",
    r"(?<!yang )(?<!orang )(?<!kawan )(?<!dia )(?<!anak )(?<!mereka )\b(?:nak|mahu|ingin|teringin|rasa nak"
    r"|fikir nak|terfikir nak|terfikir untuk|cuba|akan|dah nak|hendak|plan nak) (?:\w+ )?bunuh diri\b",
    r"\b" + _MS_FP + r" (?:\w+ ){0,2}?bunuh diri\b",
    r"\b(?:tak|tidak|dah tak|dah tidak) (?:nak|mahu|ingin|hendak|larat|sanggup|mampu) "
    r"(?:hidup|teruskan hidup|hidup lagi)\b",
    r"\b(?:penat|letih|bosan|jemu|muak) (?:nak |dengan )?hidup\b",
    r"\b" + _MS_FP + r" (?:\w+ ){0,2}?(?:nak|mahu|ingin|rasa nak|rasa macam nak|teringin nak|dah nak) mati\b",
    r"\b(?:lebih baik|baik|lagi baik) " + _MS_FP + r" (?:\w+ )?mati\b",
    r"\b(?:tamatkan|akhiri|akhirkan|habiskan|tamatkan saja) (?:hidup|nyawa) (?:saya|aku|sy|aq|sendiri)\b",
    r"\b(?:sakitkan|cederakan|lukakan|seksa) diri (?:sendiri|saya|aku)\b",
    r"\b(?:kelar|toreh|hiris) (?:tangan|lengan|pergelangan)\b",
    r"\b(?:tiada|takde|tak ada|tidak ada|xde|tak) (?:gunanya|guna|sebab|makna|erti) (?:saya |aku )?"
    r"(?:hidup|untuk hidup|teruskan hidup)\b",
    r"\bhidup (?:saya|aku) (?:tak|tidak|dah tak) (?:bermakna|berguna|ada makna|ada guna)\b",
    r"\b(?:semua orang|semua|family|keluarga) (?:\w+ )?(?:lebih baik|lagi baik|lagi senang) "
    r"tanpa (?:saya|aku)\b",
]
THREAT = [
    r"\b(?:i|we|ill|im|i am|we are|imma)\s(?:will |shall |am |are |m )?"
    r"(?:going to |gonna |gon |want to |wanna )?"
    r"(?:fucking |really |)(?:kill|murder|stab|shoot|hurt|beat up|beat|punch|rape|hunt down|hunt|bomb|burn|"
    r"strangle|choke|slap|smash|destroy|find) (?:you|your|ya|him|her|them|everyone|all of you|u)\b",
    r"\b(?:you|ya) (?:will|are going to|gonna|re going to|are gonna|shall) (?:die|pay|regret|suffer|bleed)\b",
    r"\b(?:hope|wish) (?:you|ya) (?:die|get raped|get killed|get cancer|burn|rot)\b",
    r"\bi know where (?:you|ya) live\b",
    r"\bwatch your back\b",
    r"\b(?:bomb|shoot up|blow up|attack) (?:the|this|your) (?:webinar|event|school|office|venue|hall|mosque|"
    r"church|temple|masjid|gereja|kuil)\b",
    r"\b(?:kill|murder|exterminate|bunuh|hapuskan|sembelih) (?:all|semua) (?:the |orang )?\w+",
    r"\b" + _MS_FP + r" (?:\w+ ){0,2}?(?:bunuh|tikam|bakar|tembak|pukul|belasah|sepak|lanyak|bom|rogol|cekik"
    r"|tetak|parang|lempang|tumbuk|hentam|cari) " + _YOU + r"\b",
    r"\b(?:kau|awak|korang|you) (?:\w+ )?(?:nak kena|akan kena|kena) (?:pukul|belasah|tikam|bunuh|lempang|"
    r"sepak|tumbuk|bakar|tembak|rogol)\b",
    r"\b(?:siap|nahas|mampus|mati|jaga) (?:lah )?(?:kau|korang|awak)\b",
    r"\btunggu (?:nasib|balasan) (?:kau|korang|awak)\b",
    r"\b(?:aku|saya|kami) (?:tahu|tau) (?:rumah|tempat) (?:kau|awak|korang)\b",
]
# Spam and scam signals with weights; a comment is spam when its total reaches the strictness threshold.
SPAM = [
    (r"\b(?:click|klik|tekan|tap) (?:here|link|sini|this|pautan|on the link|on my)\b", 2.0),
    (
        r"\b(?:whatsapp|wasap|watsap|whatsap|wa|telegram|tele|pm|dm|inbox|text|call|hubungi) "
        r"(?:me|saya|aku|tepi|now|sekarang|kami|us)\b",
        1.5,
    ),
    (
        r"\b(?:join|sertai|follow|subscribe|sub|check out|visit) (?:my|our|kami|saya|channel|group|page|"
        r"telegram|website|profile|link)\b",
        1.5,
    ),
    (
        r"\b(?:earn|make|dapat|dapatkan|untung|income|pendapatan|gaji|profit) (?:up to |sehingga |hingga )?"
        r"(?:rm|usd|\$) ?\d",
        1.5,
    ),
    (
        r"\b(?:rm|usd|\$) ?\d[\d,.]*k? ?(?:sehari|seminggu|sebulan|per day|a day|daily|weekly|per week|"
        r"per month|monthly|setiap hari|sejam|per hour)\b",
        2.0,
    ),
    (
        r"\b(?:guaranteed|dijamin|jaminan|terjamin|confirm|100) "
        r"(?:profit|untung|returns?|pulangan|income|menang|"
        r"win|halal)\b",
        2.0,
    ),
    (r"\b(?:free|percuma) (?:iphone|money|duit|gift|hadiah|credit|kredit|topup|top up|cash|voucher)\b", 2.0),
    (
        r"\b(?:mega888|scr888|918kiss|pussy888|xe88|lucky365|judi online|casino|kasino|"
        r"slot online|online slot|"
        r"sportsbook|togel|4d online|bet online)\b",
        2.5,
    ),
    (r"\b(?:pinjaman|loan) (?:segera|mudah|cepat|peribadi|tanpa|instant|fast|express|lulus)\b", 2.0),
    (r"\bah long\b", 1.5),
    (r"\b(?:forex|crypto|bitcoin|btc|usdt|nft|binary option|skim|scheme|gandakan|double your)\b", 0.75),
    (r"\b(?:work from home|kerja dari rumah|part time|parttime|sambilan|side income)\b", 0.75),
    (
        r"\b(?:limited|terhad|hurry|buruan|promo|promosi|diskaun|discount|offer|tawaran) "
        r"(?:now|sekarang|today|hari ini|only|sahaja|slot|time)\b",
        1.0,
    ),
    (r"\b(?:buy|beli|jual|sell|murah|cheap) (?:followers|likes|views|subscribers)\b", 2.0),
    (r"\b(?:followers|likes|views|subscribers) (?:murah|cheap|for sale)\b", 2.0),
]
_SPAM_RES = [(re.compile(p), w) for p, w in SPAM]
SPAM_THRESHOLD = {"relaxed": 2.5, "standard": 2.0, "strict": 1.5}
_SELF_HARM_RE = re.compile("|".join(f"(?:{p})" for p in SELF_HARM))
_THREAT_RE = re.compile("|".join(f"(?:{p})" for p in THREAT))
_SELF_HARM_HINT = re.compile(r"\b(?:myself|my life|die|suicid\w*|live|alive|dead|diri|hidup|mati|nyawa"
                             r"|tangan|lengan"
                             r"|pergelangan|without me|go on|keep going|do this|never born)\b")  # fmt: skip


def self_harm_hits(flat: _Words, norm: Normalised) -> list[Hit]:
    text = flat.text
    if _SELF_HARM_HINT.search(text) is None:
        return []
    out = []
    for m in _SELF_HARM_RE.finditer(text):
        a, b = flat.token_range(m.start(), m.end())
        out.append(Hit("self_harm.phrase", "self_harm", 3, norm.tokens[a].start, norm.tokens[b].end))
    return out


def threat_hits(flat: _Words, norm: Normalised) -> list[Hit]:
    out = []
    for m in _THREAT_RE.finditer(flat.text):
        a, b = flat.token_range(m.start(), m.end())
        out.append(Hit("threat.phrase", "threat", 3, norm.tokens[a].start, norm.tokens[b].end))
    return out


def spam_hits(flat: _Words, norm: Normalised, extra: float, strictness: str) -> list[Hit]:
    total = extra
    spans = []
    text = flat.text
    for rx, weight in _SPAM_RES:
        m = rx.search(text)
        if m is not None:
            total += weight
            spans.append(m)
    if not spans or total < SPAM_THRESHOLD.get(strictness, 2.0):
        return []
    severity = 3 if total >= 4 else 2
    out = []
    for m in spans:
        a, b = flat.token_range(m.start(), m.end())
        out.append(Hit("spam.pattern", "spam", severity, norm.tokens[a].start, norm.tokens[b].end))
    return out


# --- links and personal data, found in the folded text ------------------------------------------

_TLDS = (
    "com|net|org|my|io|ly|co|info|biz|xyz|me|gg|link|site|online|top|shop|tk|app|dev|asia|id|sg|tv|to|cc|ru|"
    "cn|uk|us|club|live|store|vip|win|bet|fun|click|icu|ai"
)
LINK_RE = re.compile(
    r"(?:https?://|hxxps?://|www\.)[^\s<>\"]+"
    r"|(?<![\w@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:" + _TLDS + r")\b(?:/[^\s<>\"]*)?"
    r"|\b[a-z0-9-]{2,} ?[\[(]?\s?dot\s?[\])]? ?(?:com|net|my|org|io)\b"
)
EMAIL_RE = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w.]+ ?(?:\[at\]|\(at\)| at ) ?[\w-]+ ?(?:\[dot\]|\(dot\)| dot ) ?(?:com|net|my|org)\b"
)
MYKAD_RE = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2}) ?[- ]? ?(\d{2}) ?[- ]? ?(\d{4})(?![\d-])")
CARD_RE = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")
PHONE_RE = re.compile(
    r"(?<![\d+])(?:\+ ?6 ?0|6?0)[ -]?(?:1\d[ -]?\d{3,4}[ -]?\d{4}|[3-9][ -]?\d{3,4}[ -]?\d{4})(?!\d)"
)
# Place-of-birth codes on a MyKad: Malaysian states and the codes for births abroad.
MYKAD_PLACE_CODES = frozenset(
    [f"{i:02d}" for i in range(1, 17)]
    + [f"{i:02d}" for i in range(21, 60)]
    + [f"{i:02d}" for i in range(60, 69)]
    + ["71", "72"]
    + [f"{i:02d}" for i in range(74, 80)]
    + [f"{i:02d}" for i in range(82, 94)]
    + ["98", "99"]
)
_DIGIT_RUN = re.compile(r"\d[\d -]{6,}\d")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def mykad_ok(yy: str, mm: str, dd: str, place: str) -> bool:
    if place not in MYKAD_PLACE_CODES:
        return False
    month, day = int(mm), int(dd)
    for century in (1900, 2000):
        try:
            datetime.date(century + int(yy), month, day)
            return True
        except ValueError:
            continue
    return False


def pii_and_link_hits(norm: Normalised) -> tuple[list[Hit], list[Hit]]:
    text = norm.folded
    pii: list[Hit] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def add(code: str, a: int, b: int, severity: int = 2) -> None:
        taken.append((a, b))
        s, e = norm.span(a, b)
        pii.append(Hit(code, "personal_data", severity, s, e))

    if "@" in text or " at " in text or "[at]" in text:
        for m in EMAIL_RE.finditer(text):
            add("pii.email", m.start(), m.end())
    if _DIGIT_RUN.search(text) is not None:
        for m in MYKAD_RE.finditer(text):
            if mykad_ok(m.group(1), m.group(2), m.group(3), m.group(4)):
                add("pii.mykad", m.start(), m.end(), 3)
        for m in CARD_RE.finditer(text):
            digits = re.sub(r"\D", "", m.group(0))
            if 13 <= len(digits) <= 19 and luhn_ok(digits) and free(m.start(), m.end()):
                add("pii.card", m.start(), m.end(), 3)
        for m in PHONE_RE.finditer(text):
            if free(m.start(), m.end()):
                add("pii.phone", m.start(), m.end())
    links: list[Hit] = []
    if "." in text or "dot" in text:
        for m in LINK_RE.finditer(text):
            if free(m.start(), m.end()):
                s, e = norm.span(m.start(), m.end())
                links.append(Hit("link", "link", 1, s, e))
    return pii, links


# --- floods and near-duplicates -------------------------------------------------------------------

_CHAR_RUN = re.compile(r"(\S)\1{14,}")
MAX_LENGTH = 5000
NEAR_DUPLICATE = 0.8


def _shingles(text: str) -> set[str]:
    t = " ".join(text.split())
    return {t[i : i + 3] for i in range(max(1, len(t) - 2))}


def flood_hits(norm: Normalised, flat: _Words, recent: tuple[str, ...]) -> list[Hit]:
    out = []
    m = _CHAR_RUN.search(norm.folded)
    if m is not None:
        s, e = norm.span(m.start(), m.end())
        out.append(Hit("flood.repeated", "flood", 1, s, e))
    words = flat.words
    if len(words) >= 8:
        counts: dict[str, int] = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
        if max(counts.values()) >= 6 and len(counts) / len(words) < 0.3:
            out.append(Hit("flood.repeated", "flood", 1, None, None))
    if len(norm.original) > MAX_LENGTH:
        out.append(Hit("flood.long", "flood", 1, None, None))
    if recent:
        mine = flat.text
        mine_sh = None
        for previous in recent:
            other = normalise(previous)
            other_text = " ".join(w for t in other.tokens for w in t.words)
            if other_text == mine and mine:
                out.append(Hit("flood.duplicate", "flood", 2, None, None))
                break
            if mine_sh is None:
                mine_sh = _shingles(mine)
            other_sh = _shingles(other_text)
            union = len(mine_sh | other_sh)
            if union and len(mine_sh & other_sh) / union >= NEAR_DUPLICATE:
                out.append(Hit("flood.near_duplicate", "flood", 2, None, None))
                break
    return out


# --- organiser terms --------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def compile_terms(terms: tuple[str, ...]) -> dict[str, tuple[tuple[tuple[str, ...], None], ...]]:
    """Organiser words/phrases normalised like comments, as a phrase table keyed by first word."""
    table: dict[str, list] = {}
    for term in terms:
        words = tuple(w for t in normalise(term).tokens for w in t.words)
        if words:
            table.setdefault(words[0], []).append((words, None))
    return {k: tuple(sorted(v, key=lambda tv: -len(tv[0]))) for k, v in table.items()}


def term_matches(flat: _Words, table) -> list[tuple[int, int]]:
    """Token index ranges where one of the organiser's terms occurs."""
    if not table:
        return []
    return [(flat.owner[a], flat.owner[b]) for a, b in _phrase_matches(flat.words, table)]


Words = _Words
