"""Reason texts for hosts (why a question is held) and authors (what to change), translated at display.

Each reason is stored as its code (with the matched words); the words are rendered with gettext in the
reader's language when shown, so a corrected translation reaches questions screened before it.
``{matched}`` is replaced by the matched words when the reason has a span, ``{score}`` by the model score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _

SUPPORT = _(
    "You are not alone. If you are thinking about hurting yourself, please talk to someone "
    "now: Befrienders Kuala Lumpur 03-7627 2929 (24 hours, free and confidential), Talian "
    "HEAL 15555, or 999 in an emergency. A member of the team will read your message."
)
# A question with a reason about self-harm shows the support message above once, after the first such
# reason (``support_once``), never under each of its reasons.
WITH_SUPPORT = frozenset({"self_harm.phrase", "model.self_harm", "second_stage.self_harm"})

MESSAGES: dict[str, str] = {
    "profanity.lexicon": _("Contains profanity: {matched}."),
    "insult.lexicon": _("Contains an insult or harassment: {matched}."),
    "hate.lexicon": _("Contains a slur against a group of people: {matched}."),
    "hate.identity": _("Attacks people for their race, religion, gender or origin: {matched}."),
    "hate.group": _(
        "Generalises about, dehumanises or calls for action against a group of people: {matched}."
    ),
    "hate.exclusion": _(
        "Tells people they do not belong here or compares them to animals or disease: {matched}."
    ),
    "threat.incite": _("Tells someone to kill or harm themselves: {matched}."),
    "insult.pile_on": _("Calls on others to mass-report, hound or expose a person: {matched}."),
    "insult.phrase": _("Insults a person: {matched}."),
    "profanity.mild": _("Contains a mild swear word: {matched}."),
    "pii.address": _("Contains what looks like a home address. It is hidden to protect you."),
    "pii.child": _("Names a child together with their school. It is hidden to protect the child."),
    "threat.lexicon": _("Contains a threat or tells someone to harm themselves: {matched}."),
    "threat.phrase": _("Contains a threat of violence: {matched}."),
    "sexual.lexicon": _("Contains sexual content: {matched}."),
    "sexual.phrase": _("Contains a sexual remark or request aimed at a person: {matched}."),
    "sexual.minor": _(
        "Approaches someone who may be a child (asks their age, whether they are alone, or to keep it "
        "secret): {matched}."
    ),
    "self_harm.phrase": _("The author may be at risk of self-harm: {matched}."),
    "spam.pattern": _("Looks like spam or a scam: {matched}."),
    "link": _("Contains a link: {matched}. Links are reviewed before they are shown."),
    "pii.mykad": _("Contains what looks like a MyKad number. It is hidden to protect you."),
    "pii.phone": _("Contains a phone number. It is hidden to protect you."),
    "pii.email": _("Contains an e-mail address. It is hidden to protect you."),
    "pii.handle": _("Contains a social media or chat handle. It is hidden to protect you."),
    "pii.card": _("Contains what looks like a payment card number. It is hidden to protect you."),
    "pii.bank_account": _("Contains what looks like a bank account number. It is hidden to protect you."),
    "pii.passport": _("Contains what looks like a passport number. It is hidden to protect you."),
    "flood.repeated": _("Repeats the same characters or words many times."),
    "flood.long": _("Is much longer than a question usually is."),
    "flood.duplicate": _("Repeats a question the author has already asked."),
    "flood.near_duplicate": _("Is almost the same as a question the author has already asked."),
    "custom.term": _("Contains a word or phrase the organiser does not allow: {matched}."),
    "model.abuse": _("Our language model rates this question as likely abusive (score {score})."),
    "model.hate": _(
        "Our language model rates this question as likely hateful towards a group (score {score})."
    ),
    "model.sexual": _("Our language model rates this question as likely sexual (score {score})."),
    "model.threat": _("Our language model rates this question as a likely threat (score {score})."),
    "model.self_harm": _("Our language model thinks the author may be at risk of self-harm (score {score})."),
    "model.spam": _("Our language model rates this question as likely spam (score {score})."),
    # The second stage (webinar/services/checking.py): its findings and its failure.
    "second_stage.self_harm": _(
        "A second check by a language model found signs that the author may be at risk of self-harm."
    ),
    "second_stage.spam": _("A second check by a language model rates this question as likely spam."),
    # Round 13: every head is put to the second stage's gate; a plan holds only with the heads that pass it.
    "second_stage.threat": _("A second check by a language model rates this question as a likely threat."),
    "second_stage.abuse": _("A second check by a language model rates this question as likely abusive."),
    "second_stage.sexual": _("A second check by a language model rates this question as likely sexual."),
    "second_stage.hate": _(
        "A second check by a language model rates this question as likely hateful towards a group."
    ),
    "second_stage.unavailable": _(
        "The second screening check could not be completed, so a host will review this question."
    ),
    "policy.hold_all": _("The organiser reviews every question before it is shown."),
    "policy.first_time": _("The organiser reviews a participant's first question before it is shown."),
}


# Categories whose codes each ask the author to change something different (a phone number or an address;
# a repeat or a length): the author is told of each code once. In every other category all codes say one
# thing to a reader ("this is a threat"), so the author is told once per category (``reader_reasons``).
PER_CODE = frozenset({"personal_data", "flood"})


def reader_reasons(reasons: Sequence[Mapping]) -> list[tuple[int, list[str]]]:
    """Which of a question's stored ``reasons`` its author is shown, and with which words.

    Screening keeps every finding for the hosts: a threat phrase, the word list's entry for the same
    words, the model's head; two phrases overlapping ("I will find you" inside "I will find you and stab
    you"). To a reader those repeat one another. One reason per category (per code in ``PER_CODE``), in
    the order the first of each appeared: the most specific of the group (``_specificity``), with the
    words of every rule in the group, each once and none that lies inside another (``_words``).
    Returns ``(index of the reason kept, its words)`` pairs.
    """
    groups: dict[str, list[int]] = {}
    for i, reason in enumerate(reasons):
        category = str(reason.get("category", ""))
        key = f"{category}:{reason.get('code', '')}" if category in PER_CODE else category
        groups.setdefault(key, []).append(i)
    return [
        (max(members, key=lambda i: _specificity(reasons[i])), _words([reasons[i] for i in members]))
        for members in groups.values()
    ]


def _specificity(reason: Mapping) -> tuple[bool, int, bool, int]:
    """Rules over a model's score (they name the words), then severity, then a phrase or pattern over a
    word-list entry (``*.lexicon``: "kill yourself" said as a telling-to, not as a listed word), then the
    longer match."""
    code = str(reason.get("code", ""))
    rule = not code.startswith(("model.", "second_stage."))
    return (
        rule,
        int(reason.get("severity") or 0),
        not code.endswith(".lexicon"),
        len(reason.get("matched") or ""),
    )


def _words(group: Sequence[Mapping]) -> list[str]:
    """The matched words of a group's reasons, in text order, each once (case aside): a match whose span
    lies inside another's is dropped, two that overlap are joined ("pergi mati" + "mati la kau": "pergi
    mati la kau"); personal data is never repeated back."""
    spans = []
    for reason in group:
        matched = str(reason.get("matched") or "")
        if matched and not str(reason.get("code", "")).startswith("pii."):
            start, end = reason.get("start"), reason.get("end")
            placed = start is not None and end is not None and end - start == len(matched)
            spans.append((start, end, matched) if placed else (-1, -1, matched))
    kept: list[list] = []
    for start, end, matched in sorted(spans, key=lambda s: (s[0], -s[1])):
        last = next((k for k in reversed(kept) if k[0] >= 0), None)
        if start >= 0 and last is not None and start < last[1]:  # inside or overlapping the previous span
            if end > last[1]:
                last[2] += matched[last[1] - start :]
                last[1] = end
            continue
        if matched.casefold() not in {k[2].casefold() for k in kept}:
            kept.append([start, end, matched])
    return [k[2] for k in kept]


def render_in(code: str, language: str, matched: str | Sequence[str] = "", score: float | None = None) -> str:
    """The reason ``code`` in ``language``, with the matched words (each quoted; several joined with
    commas) and the model score filled in.

    One reason only: the support message a self-harm reason calls for is added per question, by
    ``support_once``.
    """
    words = [matched] if isinstance(matched, str) else list(matched)
    shown = ", ".join(f'"{w}"' for w in words if w)
    values = {"matched": shown, "score": f"{score:.2f}" if score is not None else ""}
    with translation.override(language):
        text = gettext(MESSAGES[code]).format(**values)
        if not matched:
            text = text.replace(": .", ".")
    return text


def support_once(codes: list[str], texts: list[str], language: str) -> list[str]:
    """One question's reason ``texts`` (in the order of their ``codes``) with the support message in
    ``language`` added once, after the first reason that calls for it (``WITH_SUPPORT``); the others
    are unchanged. Two self-harm reasons (a phrase and the model) show the helplines once, not twice.
    """
    first = next((i for i, code in enumerate(codes) if code in WITH_SUPPORT), None)
    if first is None:
        return list(texts)
    with translation.override(language):
        support = gettext(SUPPORT)
    return [f"{text} {support}" if i == first else text for i, text in enumerate(texts)]


def render(code: str, matched: str = "", score: float | None = None) -> tuple[str, str]:
    """English and Malay, as stored with a verdict (records of what was shown at the time). The pair is
    cached: switching Django's active language costs more than screening a comment's words (the
    translations are compiled into the deployment and do not change while a process runs)."""
    key = (code, matched, None if score is None else f"{score:.2f}")
    pair = _RENDERED.get(key)
    if pair is None:
        pair = render_in(code, "en", matched, score), render_in(code, "ms", matched, score)
        if len(_RENDERED) >= 20_000:
            _RENDERED.clear()
        _RENDERED[key] = pair
    return pair


_RENDERED: dict[tuple[str, str, str | None], tuple[str, str]] = {}
