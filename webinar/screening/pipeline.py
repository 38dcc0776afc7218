"""Screening pipeline: normalise, rules and word lists, model, then the organiser's policy.

``screen`` never returns a partial verdict: if any stage fails it raises, and the caller holds the
question (it is never published unscreened). See docs/screening.md for the design and the figures.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from webinar.screening import lexicons, messages, model, rules
from webinar.screening.normalise import Normalised, canonicalise, normalise

CATEGORIES = (
    "profanity",
    "insult",
    "hate",
    "threat",
    "sexual",
    "self_harm",
    "spam",
    "link",
    "personal_data",
    "flood",
    "custom",
)
ACTIONS = ("publish", "hold", "block")
STRICTNESS = ("relaxed", "standard", "strict")
# Malay and code-switched text gets its own model threshold: the training data's base rates differ.
_THRESHOLD_GROUP = {"en": "en", "unknown": "en", "ms": "ms", "mixed": "ms"}
_RANK = {"publish": 0, "hold": 1, "block": 2}
_ABUSE = frozenset({"profanity", "insult", "hate", "threat", "sexual"})
_INSULTING = frozenset({"insult", "profanity", "hate"})  # word-list findings that make a group term hate
# Counter-speech quotes hateful words to reject them: the abuse and hate heads, which cannot tell quoting
# from saying, stay silent on it; the rules still judge whatever is not quoted or rejected.
COUNTER_SILENCES = frozenset({"abuse", "hate"})
# Details held for a service, a thing reported or (round 13) a question about the safety of someone in the
# author's care (_RuleResult.notice): neither a threat nor harassment.
NOTICE_SILENCES = frozenset({"threat", "abuse"})
# Round 14: an everyday farewell or ending ("goodbye everyone, see you next week!", "my battery won't last
# much longer"; _RuleResult.everyday): neither a farewell note nor a menace.
EVERYDAY_SILENCES = frozenset({"threat", "self_harm"})


class ScreeningError(RuntimeError):
    """Screening could not be completed; hold the question."""


@dataclass(frozen=True)
class Policy:
    strictness: str = "standard"
    blocked_terms: tuple[str, ...] = ()
    allowed_terms: tuple[str, ...] = ()
    link_policy: str = "hold"
    # Round 14: links to trusted sites publish under "hold" and "block" (docs/screening.md, "Links and trusted
    # sites"): Dewan's list (lexicons/trusted_domains.txt) unless turned off, and the organiser's own sites.
    trust_listed_sites: bool = True
    trusted_sites: tuple[str, ...] = ()
    hold_all: bool = False
    hold_first_time: bool = False
    category_actions: Mapping[str, str] = field(default_factory=dict)
    shadow: bool = False  # screen and annotate, but publish (self-harm still held for care)

    def __hash__(self) -> int:  # category_actions is a dict; hash by value for caching.
        actions = tuple(sorted(self.category_actions.items()))
        return hash((self.strictness, self.blocked_terms, self.allowed_terms, self.link_policy,
                     self.trust_listed_sites, self.trusted_sites, self.hold_all, self.hold_first_time,
                     actions, self.shadow))  # fmt: skip

    def trusted_domains(self) -> tuple[str, ...]:
        """The domains whose links publish under "hold" and "block": Dewan's list unless turned off, then
        the organiser's own sites (see rules.trusted_link)."""
        listed = lexicons.load().trusted_domains if self.trust_listed_sites else ()
        return listed + self.trusted_sites if self.link_policy != "allow" else ()


@dataclass(frozen=True)
class Context:
    is_first_question: bool = False
    recent_texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reason:
    code: str
    category: str
    severity: int
    start: int | None
    end: int | None
    matched: str
    message_en: str
    message_ms: str

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "matched": self.matched,
            "message_en": self.message_en,
            "message_ms": self.message_ms,
        }

    def message(self, language: str) -> str:
        return self.message_ms if language == "ms" else self.message_en


@dataclass(frozen=True)
class Verdict:
    action: str
    categories: tuple[str, ...]
    reasons: tuple[Reason, ...]
    score: float
    model_version: str
    language: str
    top_features: tuple[tuple[str, float], ...]
    heads: Mapping[str, float] = field(default_factory=dict)  # each model head's probability
    fired: tuple[str, ...] = ()  # the heads at or above their threshold (which head held it)
    shadow_action: str = ""  # in shadow mode, what would have been done ("" otherwise)
    counter_speech: bool = False  # quotes or rejects hate (see docs/screening.md)
    # The heads a reading keeps quiet whatever they score (counter-speech, a mention, support, self-harm
    # alone, a third person's self-harm, a service's notice): threshold choice counts only the others
    # (``train._eligible``), as the pipeline decides only with them.
    quiet: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            "action": self.action,
            "categories": list(self.categories),
            "reasons": [r.as_dict() for r in self.reasons],
            "score": self.score,
            "model_version": self.model_version,
            "language": self.language,
            "top_features": [[name, weight] for name, weight in self.top_features],
            "heads": dict(self.heads),
            "fired": list(self.fired),
            "shadow_action": self.shadow_action,
            "counter_speech": self.counter_speech,
            "quiet": list(self.quiet),
        }


# --- language --------------------------------------------------------------------------------------


def detect_language(norm: Normalised) -> str:
    """'en', 'ms', 'mixed' or 'unknown', from the share of Malay and English function words
    (lexicons/language.tsv)."""
    get = lexicons.load().language.get
    found = list(map(get, [tok[1][0] for tok in norm.tokens]))  # each token's first word (``Token.words``)
    ms = found.count("ms")
    en = found.count("en")
    if ms + en == 0:
        return "unknown"
    share = ms / (ms + en)
    if share >= 0.75:
        return "ms"
    if share <= 0.25:
        return "en"
    return "mixed"


# --- decisions ---------------------------------------------------------------------------------------


def _base_action(hit: rules.Hit, policy: Policy) -> str:
    cat = hit.category
    strict = policy.strictness
    if hit.code == "profanity.mild":
        # Mild intensifiers ("damn useful lah"): published at relaxed and standard, held at strict.
        return "hold" if strict == "strict" else "publish"
    if cat in _ABUSE:
        if strict == "relaxed":
            return "publish" if hit.severity <= 1 else "hold"
        if strict == "strict":
            return "block" if hit.severity >= 3 else "hold"
        return "hold"
    if cat == "link":
        return {"allow": "publish", "hold": "hold", "block": "block"}.get(policy.link_policy, "hold")
    if cat == "spam":
        return "block" if strict == "strict" and hit.severity >= 3 else "hold"
    return "hold"  # self_harm, personal_data, flood, custom


def _decide(hits: list[rules.Hit], policy: Policy, context: Context) -> str:
    action = "publish"
    for hit in hits:
        if hit.category == "self_harm":
            a = "hold"
        else:
            a = policy.category_actions.get(hit.category) or _base_action(hit, policy)
            if a not in _RANK:
                a = "hold"
        if _RANK[a] > _RANK[action]:
            action = a
    if any(h.category == "self_harm" for h in hits):
        return "hold"  # never published, never blocked: the caller routes it to the care queue
    return action


def _reason(hit: rules.Hit, text: str, score: float | None = None) -> Reason:
    matched = text[hit.start : hit.end] if hit.start is not None else ""
    en, ms = messages.render(hit.code, matched if not hit.code.startswith("pii.") else "", score)
    return Reason(hit.code, hit.category, hit.severity, hit.start, hit.end, matched, en, ms)


@dataclass(frozen=True, slots=True)
class _RuleResult:
    hits: list[rules.Hit]
    model_text: str  # the canonical text the model scores
    counter: bool  # counter-speech: quotes or rejects hate
    supportive: bool = False  # an insult denied of the reader ("you're not stupid"): the abuse head is quiet
    # Self-harm wording a third person's, reported by the author ("my niece keeps typing kms"): the
    # self_harm head is quiet (rules.self_harm_reported).
    reported_self_harm: bool = False
    # Insults or slurs mentioned, not used ("someone called me a ..., can I report that?"): the abuse and
    # hate heads are quiet unless a rule still finds abuse (rules.mentioned_tokens).
    mention: bool = False
    # Details a service holds for a stated purpose ("we have your address for the certificate") or a thing
    # reported by a crowd ("report the fake bank page until it is taken down"): the threat and abuse heads
    # are quiet unless a rule finds abuse (rules.details_for_a_service, rules.thing_reported).
    notice: bool = False
    # An everyday farewell or ending (rules.everyday_ending): the threat and self_harm heads are quiet.
    everyday: bool = False
    # A question about a group that says nothing against it ("Are refugees allowed to work here?"), or about
    # prejudice naming no group ("is it racist to ...?"): the hate head is quiet unless a rule finds abuse
    # (rules.neutral_group_question, round 14).
    group_question: bool = False
    # A viewer who subscribed, follows or congratulates a milestone ("new subscriber here", "congrats on 1M
    # subscribers"; rules.fan_talk, round 15), or a scam told by its target with no spam finding, link or
    # personal data (rules.scam_reported): the spam head is quiet; the spam rules still read it.
    fan: bool = False


def _rejected(hit: rules.Hit, norm: Normalised, quoted, reported: set[int], near_group: set[int]) -> bool:
    """In counter-speech: whether a finding is hate being quoted, reported or rejected, or an insult word
    that only a group term made count."""
    if hit.start is None:
        return False
    if hit.category == "hate":
        if any(a <= hit.start < b for a, b in quoted) or _token_at(norm, hit.start) in reported:
            return True
        return (
            hit.code == "hate.lexicon" and hit.end is not None and " " in norm.original[hit.start : hit.end]
        )
    if hit.category == "insult":
        return hit.severity <= 1 or (hit.severity <= 2 and _token_at(norm, hit.start) in near_group)
    if hit.category == "threat":
        # Round 15: a call to violence quoted to report or reject it ('someone posted "kill all the
        # immigrants", mods please act'): someone else's words, as in a report.
        return any(a <= hit.start < b for a, b in quoted)
    return False


# Word-list categories a mention excuses: the insult, profanity and hate words someone was called or that
# the author rejects. Threats, self-harm and sexual requests have their own reported-speech reading.
_MENTIONABLE = frozenset({"insult", "profanity", "hate"})


# Phrase findings a mention can excuse: a phrase insult, or telling someone to kill themselves (round 14).
_MENTION_CODES = frozenset({"insult.phrase", "threat.incite"})


def _mentioned(hit: rules.Hit, norm: Normalised, mentioned: set[int]) -> bool:
    return hit.category in _MENTIONABLE and hit.start is not None and _token_at(norm, hit.start) in mentioned


def _inside(hit: rules.Hit, spans: list[rules.Hit]) -> bool:
    """Whether ``hit`` starts inside one of ``spans`` (hits with offsets)."""
    return hit.start is not None and any(
        s.start is not None and s.end is not None and s.start <= hit.start < s.end for s in spans
    )


def _inside_quotes(hit: rules.Hit, norm: Normalised) -> bool:
    return hit.start is not None and any(a <= hit.start < b for a, b in rules.quoted_spans(norm.original))


def _token_at(norm: Normalised, start: int) -> int:
    return next((i for i, t in enumerate(norm.tokens) if t.start == start), -1)


# Findings that are someone else's words when quoted in a report: threats, self-harm and sexual requests
# ("he messaged my daughter 'send me pics in the shower', what do I do?").
_REPORTABLE = frozenset(["threat", "self_harm", "sexual"])


def _reported_speech(norm: Normalised, hits: list[rules.Hit]) -> list[rules.Hit]:
    """Threats and self-harm inside quotation marks that the author reports ("The scammer told me 'I'll
    kill your family', what do I do?") or quotes from a song ("'I wanna die in your arms' such a sad
    lyric") are someone else's words."""
    quoted = rules.quoted_spans(norm.original)
    if not quoted:
        return hits
    outside = _outside_quotes(norm.original, quoted)
    if rules.REPORTING_RE.search(outside) is None and rules.LYRIC_RE.search(outside) is None:
        return hits  # round 15: a song's words quoted ("... such a sad lyric") are the song's
    return [h for h in hits if not (h.category in _REPORTABLE and h.start is not None
                                    and any(a <= h.start < b for a, b in quoted))]  # fmt: skip


def _lyric_quoted(norm: Normalised) -> bool:
    """Whether words are quoted with a lyric word outside the quotes (rules.LYRIC_RE: "lyric", "this line",
    `lagu`): a song's words or title, not the author's."""
    quoted = rules.quoted_spans(norm.original)
    return bool(quoted) and rules.LYRIC_RE.search(_outside_quotes(norm.original, quoted)) is not None


def _outside_quotes(original: str, quoted: list[tuple[int, int]]) -> str:
    """``original`` lower-cased with the ``quoted`` spans blanked out (same length, so offsets hold)."""
    outside = original
    for a, b in quoted:
        outside = outside[:a] + " " * (b - a) + outside[b:]
    return outside.lower()


def _quoted_tokens(norm: Normalised, quoted: list[tuple[int, int]]) -> list[int]:
    """Indices, in order, of the tokens starting inside the quoted spans ``quoted`` (original-text
    offsets, in order and apart, as ``rules.quoted_spans`` gives them)."""
    starts = [t.start for t in norm.tokens]  # in order: tokens are sorted by where they start
    out: list[int] = []
    for a, b in quoted:
        out += range(bisect_left(starts, a), bisect_left(starts, b))
    return out


_ENTRY = itemgetter(2)  # a token's ``entry`` (normalise.Token is a named tuple)


def _rule_hits(norm: Normalised, flat: rules.Words, policy: Policy, context: Context) -> _RuleResult:
    """Rule hits, and the text the model scores: without the organiser's allowed terms, words used in
    an everyday sense, negated or as mild intensifiers, and anything quoted in counter-speech. ``flat``
    is ``rules.Words(norm)``."""
    allowed: set[int] = set()
    if policy.allowed_terms:
        for a, b in rules.term_matches(flat, rules.compile_terms(tuple(policy.allowed_terms))):
            allowed.update(range(a, b + 1))
    innocent: set[int] = set()
    # Round 16: a figure's or a quoted lyric's tokens (rules.fan_talk counts them).
    figurative: set[int] = set()
    hits: list[rules.Hit] = []
    hits += rules.self_harm_hits(flat, norm)
    figures = rules.hyperbole_spans(flat, norm)
    if figures:
        # Round 14: death words in a figure of speech ("I could die of embarrassment", "ran 5 kms") leave the
        # text the model scores, as the self-harm rules leave them.
        figurative.update(i for i, t in enumerate(norm.tokens) if any(a <= t.start < b for a, b in figures))
        innocent.update(figurative)
    threats = rules.threat_hits(flat, norm)
    if figures and threats:
        # Round 16: a threat phrase inside a figure ("I would kill for her vocals") is not read literally; one
        # reaching past it ("dia ni patut mati, aku akan buat sendiri") is.
        threats = [h for h in threats if not any(a <= h.start and h.end <= b for a, b in figures)]
    hits += threats
    hits += rules.harassment_hits(flat, norm)
    hits += rules.sexual_hits(flat, norm)
    hits += rules.insult_hits(flat, norm)
    lexical = rules.lexicon_hits(norm, flat, allowed, innocent)
    lexical += rules.expletive_hits(flat, norm)
    original = norm.original
    has_quote = '"' in original or "'" in original or "\u201c" in original
    if has_quote:
        # Word-list threats too ("my daughter got a message saying 'kill yourself'"), not only phrases;
        # someone else's words are left out of the text the model scores as well.
        found = len(hits) + len(lexical)
        hits = _reported_speech(norm, hits) if hits else hits
        lexical = _reported_speech(norm, lexical) if lexical else lexical
        if len(hits) + len(lexical) < found:
            innocent.update(_quoted_tokens(norm, rules.quoted_spans(norm.original)))
        elif _lyric_quoted(norm):
            # Round 16: a song's words or title quoted beside a lyric word ('"mati hidup semula" lagu ni') are
            # the song's: they leave the text the model scores (the rules still read them).
            figurative.update(_quoted_tokens(norm, rules.quoted_spans(norm.original)))
            innocent.update(figurative)
    if any(h.category == "threat" for h in hits) or any(h.category == "threat" for h in lexical):
        # "what does kys mean?": an incitement word asked about as a word (rules.incite_asked).
        asked = [rules.Hit("", "", 0, a, b) for a, b in rules.incite_asked(flat, norm)]
        if asked:
            hits = [h for h in hits if h.category != "threat" or not _inside(h, asked)]
            lexical = [h for h in lexical if h.category != "threat" or not _inside(h, asked)]
        # Round 15: harm that nobody ought to suffer ("no one deserves to be beaten up for being gay", `tak
        # ada sesiapa patut dipukul`) is rejected, not threatened (rules.harm_rejected).
        denied = [h for h in hits if h.category == "threat" and rules.harm_rejected(flat, norm, h)]
        denied += [h for h in lexical if h.category == "threat" and rules.harm_rejected(flat, norm, h)]
        if denied:
            hits = [
                h for h in hits if h not in denied and not (h.category == "threat" and _inside(h, denied))
            ]
            lexical = [
                h for h in lexical if h not in denied and not (h.category == "threat" and _inside(h, denied))
            ]
    # Whether any token is a word-list word (an Entry is always true, None false): looked at in C.
    listed = any(map(_ENTRY, norm.tokens))
    supportive = rules.supportive_negation(flat, norm) if listed else set()
    if supportive:
        # "Don't call yourself an idiot", "kau tak bodoh pun": the insult is denied, not said.
        lexical = [
            h for h in lexical if h.category not in _ABUSE or _token_at(norm, h.start) not in supportive
        ]
        innocent.update(supportive)
    # A word-list phrase ("shut up", "go die") is on no single token: its finding calls for the look too.
    look = listed or has_quote or bool(lexical) or any(h.code in _MENTION_CODES for h in hits)
    mentioned = rules.mentioned_tokens(flat, norm) if look else set()
    mention = False
    excused: set[int] | None = set() if look else None  # the mention span, once read (round 15: group claims)
    if mentioned:
        used = rules.also_used(flat, norm, mentioned)
        excused = mentioned if used is None else set()
        if used is not None:
            hits.append(used)  # "someone called me a ..., and you are one too": the reader is called it
        else:
            # Mentioned, not used (docs/screening.md): the insult, profanity and slur findings of the span go,
            # and so do phrase insults inside it ("He said 'you're a dumb cow' to my mum"); threats,
            # self-harm and everything outside the span stay.
            found = len(lexical) + len(hits)
            lexical = [h for h in lexical if not _mentioned(h, norm, mentioned)]
            hits = [h for h in hits if h.code != "insult.phrase" or not _mentioned(h, norm, mentioned)]
            # Round 14: telling someone to kill themselves, reported by its target or rejected ("my
            # classmate told me to go die, what do I do?", `jangan cakap pergi mati kat orang`): the
            # incitement and the word-list threat on its words go; any other threat stays.
            # Round 15: or quoted in a comment that rejects or reports it in words ('"go kill yourself" is not
            # banter, it's bullying').
            told = [
                h for h in hits
                if h.code == "threat.incite" and h.start is not None and _token_at(norm, h.start) in mentioned
                and (rules.incite_told(flat, norm, h.start)
                     or (_inside_quotes(h, norm) and rules.rejects_in_words(flat)))
            ]  # fmt: skip
            if told:
                hits = [h for h in hits if h not in told]
                lexical = [h for h in lexical if not _inside(h, told)]
            innocent.update(mentioned)
            # The heads are kept quiet only when the span holds an insult, a swear word or a slur: a
            # report of what someone typed is no licence for the rest of the comment.
            mention = len(lexical) + len(hits) < found or any(
                (e := norm.tokens[i].entry) is not None and e.category in _MENTIONABLE for i in mentioned
            )
    hits += lexical
    insult_starts = {h.start for h in lexical if h.category in _INSULTING and h.code != "profanity.mild"}
    insult_tokens = (
        {i for i, tok in enumerate(norm.tokens) if tok.start in insult_starts} if insult_starts else set()
    )
    hate = rules.hate_hits(norm, flat, insult_tokens, allowed)
    grouped = bool(hate or any(h.category == "hate" for h in lexical) or rules.mentions_group(flat))
    counter = grouped and (rules.counter_speech(flat, norm) or rules.negated_generalisation(flat, norm))
    # Round 15: the claim said again after a rejection ("not all X are thieves, but most of them are"): hate,
    # and no counter-speech (rules.reasserted).
    again = rules.reasserted(flat, norm) if grouped else None
    if again is not None:
        counter = False
        a, b = flat.owner[again[0]], flat.owner[again[1]]
        hate.append(rules.Hit("hate.group", "hate", 2, norm.tokens[a].start, norm.tokens[b].end))
    elif hate and not counter and not rules.disclaimed(flat) and not rules.universal_sayer(flat):
        # Round 15: a claim about a group in someone else's mouth, reported, rejected or asked about ("my kid
        # came home saying Malays are lazy, where did he learn that?", `apa nak jawab bila kawan cakap semua
        # bangla pencuri?`): mentioned, not used, as an insult someone was called (rules.mentioned_tokens).
        if excused is None:
            excused = rules.mentioned_tokens(flat, norm)
            if excused and rules.also_used(flat, norm, excused) is not None:
                excused = set()
        said = [h for h in hate if h.start is not None and _token_at(norm, h.start) in excused]
        if said:
            hate = [h for h in hate if h not in said]
            hits = [h for h in hits if h.category != "threat" or not _inside(h, said)]
            innocent.update(excused)
            mention = True
    if (
        has_quote
        and not grouped
        and not any(h.category in _ABUSE for h in lexical)
        and rules.counter_speech(flat, norm)
    ):
        # Words quoted to reject them, that no word list flags ("hate speech like 'deport them all' hurts
        # families"): left out of the text the model scores when they are less than half of the comment;
        # the rest of the comment is scored as usual.
        inside = _quoted_tokens(norm, rules.quoted_spans(norm.original))
        if 2 * len(inside) < len(norm.tokens) and not any(norm.tokens[i].entry is not None for i in inside):
            innocent.update(inside)
    rejected_hate: list[rules.Hit] = []
    if counter:
        quoted = rules.quoted_spans(norm.original)
        reported = rules.reported_slur_tokens(flat)
        near_group = rules.tokens_near_groups(flat)
        # Counter-speech: hate about groups is reported or rejected, not said. Slurs outside quotes stay,
        # unless the author reports being called them ("kena panggil keling"); generalisations written in
        # the word lists as phrases ("Melayu malas") are rejected like any other.
        rejected_hate = [h for h in hate if h.start is not None]  # round 15: see spam below
        hate = []
        # Quoted hate goes, and so do insult words that a group term made count ("It is wrong to call gay
        # people useless", "Jangan la cakap orang asli bodoh").
        hits = [h for h in hits if not _rejected(h, norm, quoted, reported, near_group)]
        # Round 16: the claim rejected ("it's a myth that the bangla will kill us all", "people think refugees
        # get free money but actually ..."): a threat or spam phrase inside it is part of what is rejected.
        claims = rules.rejected_claims(flat, norm)
        rejected_hate += claims
        if claims:
            hits = [h for h in hits if h.category != "threat" or not _inside(h, claims)]
        if rejected_hate:
            # Round 15: a threat's words inside the rejected claim about a group ("kids shouldn't be taught
            # that gay people are sinners who deserve to die") are part of what is rejected.
            hits = [h for h in hits if h.category != "threat" or not _inside(h, rejected_hate)]
        innocent.update(_quoted_tokens(norm, quoted))
    hits += hate
    pii, links = rules.pii_and_link_hits(norm, policy.trusted_domains())
    hits += pii
    # A link to a trusted site publishes (it is no finding), but still weighs as a link among spam signals.
    hits += [h for h in links if h.code != "link.trusted"]
    extra = 1.0 if links else 0.0
    spam = rules.spam_hits(flat, norm, extra + (1.0 if pii else 0.0), policy.strictness, innocent)
    if spam and rejected_hate:
        # Round 15: a spam word inside a rejected generalisation ("orang yang kata Cina semua kaki judi tu tak
        # kenal jiran dia") is part of the claim being rejected, not an offer.
        spam = [h for h in spam if not _inside(h, rejected_hate)]
    hits += spam
    hits += rules.flood_hits(norm, flat, context.recent_texts)
    if policy.blocked_terms:
        for a, b in rules.term_matches(flat, rules.compile_terms(tuple(policy.blocked_terms))):
            hits.append(rules.Hit("custom.term", "custom", 2, norm.tokens[a].start, norm.tokens[b].end))
    if allowed:
        hits = [
            h
            for h in hits
            if h.category not in _ABUSE
            or h.start is None
            or not any(norm.tokens[i].start < h.end and h.start < norm.tokens[i].end for i in allowed)
        ]
    dropped = allowed | innocent
    particles = lexicons.load().indonesian_particles
    if not particles.isdisjoint(flat.word_set):  # one set look in C first: most comments have none
        dropped.update(i for i, tok in enumerate(norm.tokens) if tok.words[0] in particles)  # round 14: "nih"
    for a, b in rules.term_matches(flat, rules.compile_terms(lexicons.load().farewells)):
        dropped.update(range(a, b + 1))  # round 14: "sampai jumpa minggu depan"
    # Round 15: "hahaha", "Love this video", "new subscriber here"; round 16: a figure's words count.
    viewer, fan = rules.fan_talk(flat, norm, figurative)
    dropped.update(viewer)
    if not fan and not spam and not extra and not pii:
        # Round 15: "my aunt lost RM50k to a fake investment on telegram", "subscribe to her channel guys"
        fan = rules.scam_reported(flat) or rules.promotes_someone_else(flat)
    reported_self_harm = rules.self_harm_reported(flat, norm)
    notice = rules.details_for_a_service(flat) or rules.thing_reported(flat) or rules.safety_question(flat)
    swapped = _indonesian_scored_as(norm, flat, dropped)
    text = flat.text
    if dropped or swapped:
        text = " ".join(
            swapped.get(owner, w)
            for w, owner in zip(flat.words, flat.owner, strict=True)
            if owner not in dropped
        )
    everyday = rules.everyday_ending(flat)
    # A neutral question about a group, or a question about prejudice that names no group ("is it racist
    # to ask if the caller is foreign?"): the hate head is quiet (round 14).
    group_question = (
        (not counter and not hate and rules.neutral_group_question(flat, norm))
        if grouped
        else "?" in original and rules.counter_speech(flat, norm)
    )
    return _RuleResult(
        hits, text, counter, bool(supportive), reported_self_harm, mention, notice, everyday, group_question,
        fan,
    )  # fmt: skip


def _indonesian_scored_as(norm: Normalised, flat: rules.Words, dropped: set[int]) -> dict[int, str]:
    """Round 16: in a comment that reads as Indonesian, the words the model scores as another (token -> word:
    "gue" as "ane", where its Malay reading "aku" weighs towards self-harm; round 17: a typed "aku" as "ane",
    "mau" as typed rather than Malay "mahu") and, added to ``dropped``, the laughs it leaves out ("haha lucu
    banget": abuse 0.81 on "haha")."""
    lex = lexicons.load()
    scored_as, laughs = lex.indonesian_scored_as, lex.indonesian_laughs
    if (_scored_words(lex).isdisjoint(flat.word_set) and laughs.isdisjoint(flat.word_set)) or not (
        rules.reads_indonesian(norm, lex)
    ):
        return {}
    original = norm.original
    swapped: dict[int, str] = {}
    for i, tok in enumerate(norm.tokens):
        if tok.words[0] in laughs:
            dropped.add(i)
            continue
        other = scored_as.get(original[tok.start : tok.end].lower())
        if other is not None and len(tok.words) == 1:
            if other:
                swapped[i] = other
            else:
                dropped.add(i)
    return swapped


_scored_canon: tuple[object, frozenset[str]] = (None, frozenset())


def _scored_words(lex) -> frozenset[str]:
    """The canonical words (``Token.words``) of the ``scored:`` words of ``lex`` ("gue" -> "aku"): a comment
    with none of them has nothing to score as another word (one set look in C)."""
    global _scored_canon
    made_with, words = _scored_canon
    if made_with is not lex:
        words = frozenset(w for typed in lex.indonesian_scored_as for w in canonicalise(typed).words)
        _scored_canon = (lex, words)
    return words


# The category a model head's hold is filed under (the host console and the report count by category).
HEAD_CATEGORY = {
    "abuse": "insult",
    "hate": "hate",
    "sexual": "sexual",
    "threat": "threat",
    "self_harm": "self_harm",
    "spam": "spam",
}


# The model they were read from and, per (strictness, language group), one threshold per head: a tuple
# swapped whole, so a thread never files one model's thresholds under another.
_thresholds: tuple[model.Model | None, dict[tuple[str, str], tuple[float, ...]]] = (None, {})


def _head_thresholds(m: model.Model, strictness: str, group: str) -> tuple[float, ...]:
    """``m``'s threshold of each head (in ``m.heads`` order) at ``strictness`` for a language group."""
    global _thresholds
    made_with, table = _thresholds
    if made_with is not m:
        table = {}
        _thresholds = (m, table)
    found = table.get((strictness, group))
    if found is None:
        found = table[(strictness, group)] = tuple(m.thresholds[strictness][h][group] for h in m.heads)
    return found


def _quiet_heads(abuse_rules: bool, self_harm_only: bool, counter: bool, supportive: bool,
                 reported_self_harm: bool, mention: bool, notice: bool,
                 everyday: bool = False, group_question: bool = False,
                 fan: bool = False) -> frozenset[str]:  # fmt: skip
    """The heads a reading keeps quiet, whatever they score (empty for most comments)."""
    if not (
        counter
        or supportive
        or self_harm_only
        or reported_self_harm
        or mention
        or notice
        or everyday
        or group_question
        or fan
    ):
        return frozenset()
    quiet: set[str] = set()
    if counter:
        quiet |= COUNTER_SILENCES
    if not abuse_rules:
        if mention:
            quiet |= COUNTER_SILENCES  # "someone called me a ..., can I report that?": mentioned, not used
        if supportive:
            quiet.add("abuse")  # "you're not stupid, it happens to anyone": support, not abuse
        if notice:
            quiet |= NOTICE_SILENCES  # "we have your address for the certificate": a service's notice
        if group_question:
            quiet.add("hate")  # "Are refugees allowed to work in Malaysia?": a question, nothing against them
    if self_harm_only:
        quiet |= {"abuse", "threat", "hate"}  # "I want to kill myself" is care, not abuse
    if everyday:
        quiet |= EVERYDAY_SILENCES  # "goodbye everyone, see you next week!": the author comes back
    if fan:
        quiet.add("spam")  # "new subscriber here!": a viewer of this channel, not a promoter of their own
    if reported_self_harm:
        quiet.add("self_harm")  # "my niece keeps typing kms": a third person's words (guideline)
    return frozenset(quiet)


def _verdict(norm: Normalised, hits: list[rules.Hit], probs, tops, policy: Policy, context: Context,
             m: model.Model, counter: bool = False, supportive: bool = False,
             reported_self_harm: bool = False, mention: bool = False,
             notice: bool = False, everyday: bool = False,
             group_question: bool = False, fan: bool = False) -> Verdict:  # fmt: skip
    hits = _dedupe(hits)
    language = detect_language(norm)
    thresholds = _head_thresholds(m, policy.strictness, _THRESHOLD_GROUP[language])
    abuse_hits = [h for h in hits if h.category in _ABUSE]
    abuse_rules = bool(abuse_hits)
    self_harm_only = not abuse_rules and any(h.category == "self_harm" for h in hits)
    heads = dict(zip(m.heads, [round(p, 4) for p in probs], strict=True))
    quiet = _quiet_heads(abuse_rules, self_harm_only, counter, supportive, reported_self_harm, mention,
                         notice, everyday, group_question, fan)  # fmt: skip
    fired = []
    for head, p, threshold in zip(m.heads, probs, thresholds, strict=True):
        if not p >= threshold or head in quiet:
            continue
        if head == "self_harm" and rules.self_harm_quiet(rules.Words(norm), norm):
            # Round 15 (care.re): self-harm words asked about, denied or recovered from, everyday tiredness;
            # read only when the head fires (most comments never need it).
            quiet = quiet | {"self_harm"}
            continue
        fired.append(head)
        category = HEAD_CATEGORY[head]
        if head == "abuse" and abuse_hits:
            # The rules already named the abuse ("sial" is profanity): file the head's hold there too.
            category = max(abuse_hits, key=lambda h: h.severity).category
        hits.append(rules.Hit(f"model.{head}", category, 2, None, None))
    action = _decide(hits, policy, context)
    reasons = [
        _reason(h, norm.original, heads[h.code[6:]] if h.code.startswith("model.") else None) for h in hits
    ]
    if policy.hold_all and action == "publish":
        action = "hold"
        reasons.append(_policy_reason("policy.hold_all"))
    if policy.hold_first_time and context.is_first_question and action == "publish":
        action = "hold"
        reasons.append(_policy_reason("policy.first_time"))
    present = {h.category for h in hits}
    categories = tuple(c for c in CATEGORIES if c in present)
    shadow_action = ""
    if policy.shadow and action != "publish" and "self_harm" not in categories:
        shadow_action, action = action, "publish"
    return Verdict(
        action=action,
        categories=categories,
        reasons=tuple(reasons),
        score=max(heads.values()) if heads else 0.0,
        model_version=m.version,
        language=language,
        top_features=tops,
        heads=heads,
        fired=tuple(fired),
        shadow_action=shadow_action,
        counter_speech=counter,
        quiet=tuple(h for h in m.heads if h in quiet) if quiet else (),
    )


def _policy_reason(code: str) -> Reason:
    en, ms = messages.render(code)
    return Reason(code, "custom", 1, None, None, "", en, ms)


def _dedupe(hits: list[rules.Hit]) -> list[rules.Hit]:
    seen = set()
    out = []
    for h in hits:
        key = (h.code, h.start, h.end)
        if key not in seen:
            seen.add(key)
            out.append(h)
    return out


def _check_policy(policy: Policy) -> None:
    if policy.strictness not in STRICTNESS:
        raise ScreeningError(f"unknown strictness {policy.strictness!r}")
    if policy.link_policy not in ("allow", "hold", "block"):
        raise ScreeningError(f"unknown link policy {policy.link_policy!r}")


def screen(text: str, *, policy: Policy = Policy(), context: Context = Context()) -> Verdict:
    """Screen one question. Raises (never returns a half-verdict) if anything fails."""
    return _screen_batch([text], policy, [context])[0]


def screen_many(texts: Sequence[str], *, policy: Policy = Policy()) -> list[Verdict]:
    """Screen many questions at once (one model pass); no per-author context."""
    return _screen_batch(list(texts), policy, None)


# Whole-text verdicts, the most recently used last. A flood repeats the same text (the same spam pasted by
# many accounts, an author sending a question again) and a verdict depends only on what the key holds: the
# text, the policy, the author's context, how the model scored it (numpy over a batch or cached pieces: the
# same figures up to the last digits), and the model and word lists in use (a reload empties the cache).
# 0 turns it off: bench/screening.py does, to time the screener itself (see docs/screening.md, Speed).
VERDICT_CACHE_SIZE = 4096
_verdicts: OrderedDict[tuple, Verdict] = OrderedDict()
_verdicts_lock = threading.Lock()
_verdicts_made_with: list = [None, None]  # the model and the word lists the cached verdicts come from


def _screen_batch(texts: list[str], policy: Policy, contexts: list[Context] | None) -> list[Verdict]:
    _check_policy(policy)
    if not all(isinstance(t, str) for t in texts):
        raise ScreeningError("screening expects text")
    m = model.load()
    ctxs = contexts or [Context()] * len(texts)
    via_numpy = len(texts) >= model.BATCH_VIA_NUMPY
    size = VERDICT_CACHE_SIZE
    if size <= 0:
        return _screen_texts(texts, policy, ctxs, m, via_numpy)
    lex = lexicons.load()
    keys = [(t, policy, c, via_numpy) for t, c in zip(texts, ctxs, strict=True)]
    with _verdicts_lock:
        if _verdicts_made_with[0] is not m or _verdicts_made_with[1] is not lex:
            _verdicts.clear()
            _verdicts_made_with[:] = [m, lex]
        found = [_verdicts.get(k) for k in keys]
        for k, v in zip(keys, found, strict=True):
            if v is not None:
                _verdicts.move_to_end(k)
    if None not in found:
        return found  # type: ignore[return-value]
    # Each text not cached is screened once, however often the batch repeats it.
    todo = list(dict.fromkeys(k for k, v in zip(keys, found, strict=True) if v is None))
    made = dict(zip(todo, _screen_texts([k[0] for k in todo], policy, [k[2] for k in todo], m, via_numpy),
                    strict=True))  # fmt: skip
    with _verdicts_lock:
        if _verdicts_made_with[0] is m and _verdicts_made_with[1] is lex:
            _verdicts.update(made)
            while len(_verdicts) > size:
                _verdicts.popitem(last=False)
    return [v if v is not None else made[k] for k, v in zip(keys, found, strict=True)]


def _screen_texts(texts: list[str], policy: Policy, ctxs: list[Context], m: model.Model,
                  via_numpy: bool) -> list[Verdict]:  # fmt: skip
    """Verdicts of ``texts``, the model scoring them as a batch of its size would (``via_numpy``)."""
    norms = [normalise(t) for t in texts]
    flats = [rules.Words(n) for n in norms]
    if len(flats) > 1:
        rules.look_in_batch(flats, norms)  # the same answers, asked in batch order (round 15, speed)
    rule_results = [_rule_hits(n, f, policy, c) for n, f, c in zip(norms, flats, ctxs, strict=True)]
    model_texts = [r.model_text for r in rule_results]
    probs, tops = model.score_batch(model_texts) if via_numpy else model.score(model_texts)
    probs = probs.tolist()  # Python floats: the verdict reads each probability a few times
    return [
        _verdict(
            n,
            list(r.hits),
            p,
            top,
            policy,
            c,
            m,
            r.counter,
            r.supportive,
            r.reported_self_harm,
            r.mention,
            r.notice,
            r.everyday,
            r.group_question,
            r.fan,
        )
        for n, r, p, top, c in zip(norms, rule_results, probs, tops, ctxs, strict=True)
    ]
