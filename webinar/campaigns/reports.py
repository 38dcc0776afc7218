"""Campaign reports: the public transparency figures and the organiser's funnel (reads only).

Transparency is figures only: no question text, names or reasons leave this module, so publishing it
cannot leak what screening held. Sources are named per figure in ``transparency_figures``.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterator

from django.db.models import F
from django.db.models.functions import Lower

from webinar.campaigns.models import Campaign
from webinar.campaigns.selectors import campaign_activity, campaign_entries
from webinar.models import AuditEntry, Question, Registration
from webinar.reports.exports import _rows as csv_rows

APPROVALS = ("question.approve", "question.publish_anyway")
REJECTIONS = ("question.reject",)
STOPPED_BY_SCREENING = ("hold", "block")


def transparency_figures(*, webinar_ids: list[int]) -> dict:
    """The public transparency figures for these webinars together.

    Returns ``{"received", "published", "held_by_screening", "held_by_category": [{"category", "count"}],
    "held_by_language": [{"language", "count"}], "held_by_category_language": [{"category", "language",
    "count"}], "approvals", "rejections", "review_requests", "reviews_reversed",
    "median_decision_seconds" (None without decisions), "answered_live", "published_not_answered",
    "polls_run", "poll_answers", "poll_words", "poll_words_held_by_screening"}``.

    Sources: ``Question`` rows (received = all; published = ever published; held = screening said hold
    or block, counted once per category it named and once per language); host decisions are the audit
    log's approve/publish-anyway/reject entries; a review is reversed when the question was published
    after its author asked for the review; decision time runs from a question's arrival to the first
    host decision on it; answered live = published questions a host marked answered. Polls: ``Poll``
    rows that were launched (open or closed; drafts never ran), every ``PollVote`` on them (one per
    person and poll), the word-cloud entries among them, and those screening held or blocked (they never
    showed). Never a word itself.
    """
    questions = Question.objects.filter(webinar_id__in=webinar_ids)
    held = questions.filter(screening_action__in=STOPPED_BY_SCREENING)
    by_category: Counter = Counter()
    by_language: Counter = Counter()
    by_pair: Counter = Counter()
    for categories, language in held.values_list("screening_categories", "language").iterator():
        language = language or "unknown"
        by_language[language] += 1
        for category in sorted(set(categories or ["uncategorised"])):
            by_category[category] += 1
            by_pair[(category, language)] += 1
    decisions = AuditEntry.objects.filter(webinar_id__in=webinar_ids, action__in=APPROVALS + REJECTIONS)
    first_decision: dict[str, object] = {}
    for target_id, at in decisions.order_by("created_at").values_list("target_id", "created_at").iterator():
        first_decision.setdefault(target_id, at)
    arrivals = dict(
        questions.filter(pk__in=[int(t) for t in first_decision if t.isdigit()]).values_list(
            "pk", "created_at"
        )
    )
    waits = [
        (at - arrivals[int(target)]).total_seconds()
        for target, at in first_decision.items()
        if target.isdigit() and int(target) in arrivals
    ]
    public = questions.filter(status=Question.Status.PUBLISHED)
    reviews = questions.filter(review_requested_at__isnull=False)
    return {
        "received": questions.count(),
        "published": questions.filter(published_at__isnull=False).count(),
        "held_by_screening": held.count(),
        "held_by_category": _ranked(by_category, "category"),
        "held_by_language": _ranked(by_language, "language"),
        "held_by_category_language": [
            {"category": c, "language": lang, "count": n}
            for (c, lang), n in sorted(by_pair.items(), key=lambda item: (-item[1], item[0]))
        ],
        "approvals": decisions.filter(action__in=APPROVALS).count(),
        "rejections": decisions.filter(action__in=REJECTIONS).count(),
        "review_requests": reviews.count(),
        "reviews_reversed": reviews.filter(published_at__gte=F("review_requested_at")).count(),
        "median_decision_seconds": round(statistics.median(waits), 1) if waits else None,
        "answered_live": public.filter(answered_at__isnull=False).count(),
        "published_not_answered": public.filter(answered_at__isnull=True).count(),
        **_poll_figures(webinar_ids),
    }


def _poll_figures(webinar_ids: list[int]) -> dict:
    """Polls run and their answers for ``transparency_figures`` (counts only)."""
    from webinar.campaigns.models import Poll, PollVote

    ran = Poll.objects.filter(webinar_id__in=webinar_ids).exclude(status=Poll.Status.DRAFT)
    answers = PollVote.objects.filter(poll__in=ran)
    words = answers.filter(poll__kind=Poll.Kind.WORDS)
    stopped = (PollVote.WordStatus.HELD, PollVote.WordStatus.BLOCKED)
    return {
        "polls_run": ran.count(),
        "poll_answers": answers.count(),
        "poll_words": words.count(),
        "poll_words_held_by_screening": words.filter(word_status__in=stopped).count(),
    }


def _ranked(counter: Counter, name: str) -> list[dict]:
    return [
        {name: key, "count": n} for key, n in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    ]


FUNNEL_STEPS = ("registered", "attended", "asked_or_voted", "answered_poll", "pledged", "visited_hub")


def campaign_funnel(*, campaign: Campaign) -> dict:
    """Unique people (by lower-cased e-mail) at each step, per webinar and across the campaign.

    Returns ``{"steps": FUNNEL_STEPS, "webinars": [{"webinar", "title", <step>: n}],
    "campaign": {<step>: n}}``.
    Registered = a registration that is not cancelled; attended = that registration has an attendance
    session; asked or voted = it took part in the live room: asked a question, voted on one or answered a
    live poll; answered a poll = it answered at least one of the webinar's polls (a part of the step
    before, shown on its own); pledged = the person's e-mail took the
    campaign's pledge; visited the hub = the person opened the hub while known (docs/hub-counting.md).
    Each later step counts only registered people, so every step is at most the one before it in
    practice but is not forced to nest (someone may pledge without asking). People who registered for
    two webinars count once in the campaign row.
    """
    entries = campaign_entries(campaign=campaign)
    ids = [entry.webinar_id for entry in entries]
    registrations = (
        Registration.objects.filter(webinar_id__in=ids)
        .exclude(status=Registration.Status.CANCELLED)
        .annotate(key=Lower("email"))
        .values_list("pk", "webinar_id", "key")
    )
    activity = campaign_activity(campaign=campaign, webinar_ids=ids)
    attended, polled = activity.attended, activity.polled
    engaged = activity.asked | activity.voted | polled
    pledged, visited = activity.pledged, activity.visited_hub
    people: dict[int | None, dict[str, set]] = {None: {step: set() for step in FUNNEL_STEPS}}
    for entry in entries:
        people[entry.webinar_id] = {step: set() for step in FUNNEL_STEPS}
    for registration_id, webinar_id, key in registrations.iterator():
        reached = {
            "registered": True,
            "attended": registration_id in attended,
            "asked_or_voted": registration_id in engaged,
            "answered_poll": registration_id in polled,
            "pledged": key in pledged,
            "visited_hub": key in visited,
        }
        for step, done in reached.items():
            if done:
                people[webinar_id][step].add(key)
                people[None][step].add(key)
    return {
        "steps": FUNNEL_STEPS,
        "webinars": [
            {"webinar": entry.webinar, "title": entry.webinar.shown_title}
            | {step: len(people[entry.webinar_id][step]) for step in FUNNEL_STEPS}
            for entry in entries
        ],
        "campaign": {step: len(people[None][step]) for step in FUNNEL_STEPS},
    }


def funnel_csv(*, funnel: dict) -> Iterator[str]:
    """The funnel as CSV: one row per webinar, then the whole campaign (unique people per step)."""
    rows = [[row["title"], *(row[step] for step in FUNNEL_STEPS)] for row in funnel["webinars"]]
    rows.append(["(campaign, unique people)", *(funnel["campaign"][step] for step in FUNNEL_STEPS)])
    return csv_rows(["webinar", *FUNNEL_STEPS], rows)


def funnel_chart_svg(*, funnel: dict, step_labels: dict[str, str]) -> str:
    """Grouped bars per step: each webinar and the campaign. Titles are drawn literally (no mathtext)."""
    from webinar.reports.charts import BRAND, _figure, to_svg

    groups = [(row["title"], row) for row in funnel["webinars"]] + [
        (step_labels["campaign"], funnel["campaign"])
    ]
    fig = _figure(width=8, height=3.4)
    ax = fig.add_subplot()
    width = 0.8 / max(1, len(groups))
    palette = ["#9ab8ad", "#6f9f8f", "#b25e00", "#5b6475", "#c49a6c", "#7a8fb3"]
    for index, (title, row) in enumerate(groups):
        colour = BRAND if index == len(groups) - 1 else palette[index % len(palette)]
        xs = [x + (index - (len(groups) - 1) / 2) * width for x in range(len(FUNNEL_STEPS))]
        label = title[:40] if not title.startswith("_") else "\u200b" + title[:40]  # "_x" would hide it
        ax.bar(xs, [row[step] for step in FUNNEL_STEPS], width=width, color=colour, label=label)
    ax.set_xticks(range(len(FUNNEL_STEPS)))
    ax.set_xticklabels([step_labels[step] for step in FUNNEL_STEPS], parse_math=False)
    ax.set_ylabel(step_labels["people"], parse_math=False)
    legend = ax.legend(frameon=False, fontsize=7)
    for text in legend.get_texts():
        text.set_parse_math(False)
    return to_svg(fig)
