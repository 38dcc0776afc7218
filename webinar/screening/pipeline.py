"""Screening pipeline: normalise, rules and word lists, model, then the organiser's policy.

``screen`` never returns a partial verdict: if any stage fails it raises, and the caller holds the
question (it is never published unscreened). See docs/screening.md for the design and the figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from webinar.screening import lexicons, messages, model, rules
from webinar.screening.normalise import Normalised, normalise

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
# Counter-speech quotes hateful words to reject them; the model only holds it when it is nearly sure.
COUNTER_SPEECH_THRESHOLD = 0.97


class ScreeningError(RuntimeError):
    """Screening could not be completed; hold the question."""


@dataclass(frozen=True)
class Policy:
    strictness: str = "standard"
    blocked_terms: tuple[str, ...] = ()
    allowed_terms: tuple[str, ...] = ()
    link_policy: str = "hold"
    hold_all: bool = False
    hold_first_time: bool = False
    category_actions: Mapping[str, str] = field(default_factory=dict)

    def __hash__(self) -> int:  # category_actions is a dict; hash by value for caching.
        actions = tuple(sorted(self.category_actions.items()))
        return hash((self.strictness, self.blocked_terms, self.allowed_terms, self.link_policy,
                     self.hold_all, self.hold_first_time, actions))  # fmt: skip


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

    def as_dict(self) -> dict:
        return {
            "action": self.action,
            "categories": list(self.categories),
            "reasons": [r.as_dict() for r in self.reasons],
            "score": self.score,
            "model_version": self.model_version,
            "language": self.language,
            "top_features": [[name, weight] for name, weight in self.top_features],
        }


# --- language --------------------------------------------------------------------------------------


def detect_language(norm: Normalised) -> str:
    """'en', 'ms', 'mixed' or 'unknown', from the share of Malay and English function words
    (lexicons/language.tsv)."""
    words = lexicons.load().language
    ms = en = 0
    for tok in norm.tokens:
        lang = words.get(tok.words[0])
        if lang == "ms":
            ms += 1
        elif lang == "en":
            en += 1
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


def _rule_hits(norm: Normalised, policy: Policy, context: Context) -> _RuleResult:
    """Rule hits, and the text the model scores: without the organiser's allowed terms, words used in
    an everyday sense, negated or as mild intensifiers, and anything quoted in counter-speech."""
    flat = rules.Words(norm)
    allowed: set[int] = set()
    if policy.allowed_terms:
        for a, b in rules.term_matches(flat, rules.compile_terms(tuple(policy.allowed_terms))):
            allowed.update(range(a, b + 1))
    innocent: set[int] = set()
    hits: list[rules.Hit] = []
    hits += rules.self_harm_hits(flat, norm)
    hits += rules.threat_hits(flat, norm)
    hits += rules.harassment_hits(flat, norm)
    lexical = rules.lexicon_hits(norm, flat, allowed, innocent)
    hits += lexical
    insult_tokens = {
        i
        for i, tok in enumerate(norm.tokens)
        for h in lexical
        if h.category in ("insult", "profanity", "hate")
        and h.code != "profanity.mild"
        and h.start == tok.start
    }
    hate = rules.hate_hits(norm, flat, insult_tokens, allowed)
    counter = bool(
        hate or any(h.category == "hate" for h in lexical) or rules.mentions_group(flat)
    ) and rules.counter_speech(flat, norm)
    if counter:
        quoted = rules.quoted_spans(norm.original)
        # Counter-speech: hate about groups is reported or rejected, not said. Slurs outside quotes stay.
        hate = []
        hits = [h for h in hits if not (h.category == "hate" and h.start is not None and
                                        any(a <= h.start < b for a, b in quoted))]  # fmt: skip
        innocent.update(i for i, t in enumerate(norm.tokens) if any(a <= t.start < b for a, b in quoted))
    hits += hate
    pii, links = rules.pii_and_link_hits(norm)
    hits += pii
    hits += links
    extra = 1.0 if links else 0.0
    hits += rules.spam_hits(flat, norm, extra + (1.0 if pii else 0.0), policy.strictness)
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
    if dropped:
        kept = [w for w, owner in zip(flat.words, flat.owner, strict=True) if owner not in dropped]
        return _RuleResult(hits, " ".join(kept), counter)
    return _RuleResult(hits, flat.text, counter)


def _verdict(norm: Normalised, hits: list[rules.Hit], prob: float, tops, policy: Policy, context: Context,
             version: str, thresholds: dict[str, float], counter: bool = False) -> Verdict:  # fmt: skip
    hits = _dedupe(hits)
    language = detect_language(norm)
    abuse = [h for h in hits if h.category in _ABUSE]
    self_harm_only = not abuse and any(h.category == "self_harm" for h in hits)
    threshold = thresholds[_THRESHOLD_GROUP[language]]
    if counter:
        threshold = max(threshold, COUNTER_SPEECH_THRESHOLD)
    if prob >= threshold and not self_harm_only:
        category = max(abuse, key=lambda h: h.severity).category if abuse else "insult"
        hits.append(rules.Hit("model.toxic", category, 2, None, None))
    action = _decide(hits, policy, context)
    reasons = [_reason(h, norm.original, prob if h.code == "model.toxic" else None) for h in hits]
    if policy.hold_all and action == "publish":
        action = "hold"
        reasons.append(_policy_reason("policy.hold_all"))
    if policy.hold_first_time and context.is_first_question and action == "publish":
        action = "hold"
        reasons.append(_policy_reason("policy.first_time"))
    categories = tuple(c for c in CATEGORIES if any(h.category == c for h in hits))
    return Verdict(
        action=action,
        categories=categories,
        reasons=tuple(reasons),
        score=round(float(prob), 4),
        model_version=version,
        language=language,
        top_features=tops,
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


def _screen_batch(texts: list[str], policy: Policy, contexts: list[Context] | None) -> list[Verdict]:
    _check_policy(policy)
    if not all(isinstance(t, str) for t in texts):
        raise ScreeningError("screening expects text")
    m = model.load()
    thresholds = m.thresholds[policy.strictness]
    norms = [normalise(t) for t in texts]
    ctxs = contexts or [Context()] * len(texts)
    rule_results = [_rule_hits(n, policy, c) for n, c in zip(norms, ctxs, strict=True)]
    probs, tops = model.score([r.model_text for r in rule_results])
    return [
        _verdict(n, list(r.hits), float(p), top, policy, c, m.version, thresholds, r.counter)
        for n, r, p, top, c in zip(norms, rule_results, probs, tops, ctxs, strict=True)
    ]
