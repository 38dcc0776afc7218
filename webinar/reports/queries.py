"""Report selectors: every figure is a count, sum, average, median or histogram computed by the database.

Rows are never loaded to be counted in Python: themes are counted from the phrases stored per question
(``theme_figures``), and the only per-row reads are bounded (top questions, chart series, theme examples).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import datetime

from django.db import NotSupportedError, connection
from django.db.models import (
    Aggregate,
    Avg,
    Case,
    Count,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, Floor, RowNumber

from webinar import selectors
from webinar.models import (
    AttendanceSession,
    AuditEntry,
    Question,
    Registration,
    Webinar,
)
from webinar.reports import themes
from webinar.selectors.attendance import (
    SecondsBetween,
    attendance_counts_with,
    audience_sessions,
    report_window_from,
    roomy_reads,
    session_end,
)

CONFIRMED = Registration.Status.CONFIRMED
QStatus = Question.Status
HISTOGRAM_BINS = 24
TOP_QUESTIONS = 10
OVERRIDE_ACTION = "question.publish_anyway"


def _stats(values_qs: QuerySet) -> dict:
    """Count, mean and median of the single column ``v`` selected by ``values_qs``, in the database.

    PostgreSQL: ``percentile_cont``. SQLite has no percentile aggregate, so the median row(s) are fetched with
    ORDER BY + LIMIT/OFFSET: two rows at most, never the whole column.
    """
    sql, params = values_qs.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                # The inner SQL is Django's own compilation of a queryset; values travel as parameters.
                f"SELECT COUNT(v), AVG(v), percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM ({sql}) t",  # noqa: S608  # nosec B608
                params,
            )
            n, mean, median = cursor.fetchone()
        else:
            cursor.execute(f"SELECT COUNT(v), AVG(v) FROM ({sql}) t", params)  # noqa: S608  # nosec B608
            n, mean = cursor.fetchone()
            median = None
            if n:
                cursor.execute(
                    f"SELECT v FROM ({sql}) t WHERE v IS NOT NULL ORDER BY v LIMIT %s OFFSET %s",  # noqa: S608  # nosec B608
                    (*params, 2 - n % 2, (n - 1) // 2),
                )
                middle = [row[0] for row in cursor.fetchall()]
                median = sum(middle) / len(middle)
    return {"count": int(n or 0), "mean": _round(mean), "median": _round(median)}


class Median(Aggregate):
    """PostgreSQL's continuous median of a float expression (NULLs are left out, as by ``AVG``)."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _counts_and_delays(questions: QuerySet, counts: dict[str, Aggregate]) -> tuple[dict, dict, dict]:
    """``questions.aggregate(**counts)``, then ``_stats`` of the seconds from asking to moderation and
    from asking to answer (each over the questions that have the later time). On PostgreSQL all from one
    pass over the questions; SQLite reads each median apart (``_stats``)."""
    delays = {
        "moderation": SecondsBetween(F("created_at"), F("moderated_at")),
        "answer": SecondsBetween(F("created_at"), F("answered_at")),
    }
    if connection.vendor != "postgresql":
        moderated = questions.filter(moderated_at__isnull=False).annotate(v=delays["moderation"])
        answered = questions.filter(answered_at__isnull=False).annotate(v=delays["answer"])
        return questions.aggregate(**counts), _stats(moderated.values("v")), _stats(answered.values("v"))
    stats = (("count", Count), ("mean", Avg), ("median", Median))
    row = questions.aggregate(
        **counts,
        **{f"_{name}_{stat}": aggregate(v) for name, v in delays.items() for stat, aggregate in stats},
    )
    moderation, answer = (
        {
            "count": int(row.pop(f"_{name}_count") or 0),
            "mean": _round(row.pop(f"_{name}_mean")),
            "median": _round(row.pop(f"_{name}_median")),
        }
        for name in delays
    )
    return row, moderation, answer


def _round(value) -> float | None:
    return round(float(value), 1) if value is not None else None


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _histograms(
    sessions: QuerySet, *, origin: datetime, width: int, bins: int
) -> tuple[list[int], list[int]]:
    """Sessions joined and left per bin of ``width`` seconds from ``origin``, both from one grouped pass."""
    rows = (
        sessions.annotate(
            joined=Floor(SecondsBetween(Value(origin), F("joined_at")) / Value(float(width))),
            left=Floor(SecondsBetween(Value(origin), session_end()) / Value(float(width))),
        )
        .values("joined", "left")
        .order_by()
        .annotate(n=Count("id"))
        .values_list("joined", "left", "n")
    )
    joins, leaves = [0] * bins, [0] * bins
    for joined, left, n in rows:
        joins[min(max(int(joined or 0), 0), bins - 1)] += n
        leaves[min(max(int(left or 0), 0), bins - 1)] += n
    return joins, leaves


def attendance_figures(*, webinar: Webinar) -> dict:
    """The report's attendance: ``attendance_counts`` (the dashboard's figures) plus the chart series.

    Every count comes from ``webinar.selectors.attendance`` so the report and the live dashboard agree:
    one grouped pass over the sessions (``audience_totals``) gives the counts, the watch-time mean and
    median per viewer, the languages and the charted window; a second gives the join/leave histogram.
    """
    counts, totals, concurrency = attendance_counts_with(webinar=webinar, detail=True)
    start, end = report_window_from(webinar, totals)
    span = (end - start).total_seconds()
    width = max(60, math.ceil(span / HISTOGRAM_BINS / 60) * 60)
    bins = max(1, min(HISTOGRAM_BINS, math.ceil(span / width)))
    joins, leaves = _histograms(audience_sessions(webinar=webinar), origin=start, width=width, bins=bins)
    languages = [
        {"language": language or "unknown", "viewers": n}
        for language, n in sorted(totals["languages"].items(), key=lambda item: (-item[1], item[0]))
    ]
    mean, median = totals["watch_mean"], totals["watch_median"]
    return {
        "registered": counts["registered"],
        "attended": counts["attended"],
        "never_came": counts["never_came"],
        "conversion": _ratio(counts["attended"], counts["registered"]),
        "unique_attendees": counts["unique_viewers"],
        "sessions": counts["sessions"],
        "peak_concurrency": counts["peak"],
        "peak_at": counts["peak_at"],
        "concurrency_source": counts["peak_source"],
        "concurrency": concurrency["series"],
        "watch_mean_seconds": round(mean, 1) if mean is not None else None,
        "watch_median_seconds": round(median, 1) if median is not None else None,
        "window_start": start,
        "window_end": end,
        "bin_seconds": width,
        "joins": joins,
        "leaves": leaves,
        "languages": languages,
    }


def _question_rows(qs: QuerySet, limit: int) -> list[dict]:
    return list(
        qs.order_by("-vote_count", "created_at", "id").values(
            "id", "text", "vote_count", "language", "answered_at", "created_at"
        )[:limit]
    )


def question_figures(*, webinar: Webinar) -> dict:
    questions = Question.objects.filter(webinar=webinar)
    counts, moderation, answer = _counts_and_delays(
        questions,
        {
            "asked": Count("id"),
            "published": Count("id", filter=Q(status=QStatus.PUBLISHED)),
            "held": Count("id", filter=Q(screening_action="hold")),
            "blocked": Count("id", filter=Q(screening_action="block")),
            "still_held": Count(
                "id", filter=Q(status__in=[QStatus.HELD, QStatus.CARE, QStatus.PENDING, QStatus.CHECKING])
            ),
            "rejected": Count("id", filter=Q(status=QStatus.REJECTED)),
            "merged": Count("id", filter=Q(status=QStatus.MERGED)),
            "answered": Count("id", filter=Q(answered_at__isnull=False)),
        },
    )
    published = questions.filter(status=QStatus.PUBLISHED)
    duplicates = list(
        questions.filter(status=QStatus.MERGED, merged_into__isnull=False)
        .values("merged_into")
        .order_by()
        .annotate(n=Count("id"))
        .order_by("-n", "merged_into")[:TOP_QUESTIONS]
    )
    targets = dict(
        published.filter(pk__in=[row["merged_into"] for row in duplicates]).values_list("id", "text")
    )
    stopped = questions.filter(screening_action__in=["hold", "block"])
    stopped_total = counts["held"] + counts["blocked"]
    per_category: dict[str, int] = {}
    # The database groups identical category lists; only the few distinct combinations reach Python.
    for row in stopped.values("screening_categories").order_by().annotate(n=Count("id")):
        for category in sorted(set(row["screening_categories"] or ["uncategorised"])):
            per_category[category] = per_category.get(category, 0) + row["n"]
    categories = [
        {"category": name, "questions": n, "share": _ratio(n, stopped_total)}
        for name, n in sorted(per_category.items(), key=lambda item: (-item[1], item[0]))
    ]
    overrides = AuditEntry.objects.filter(webinar=webinar, action=OVERRIDE_ACTION).aggregate(
        overrides=Count("id"),
        questions=Count("target_id", distinct=True),
        hosts=Count("actor_label", distinct=True),
    )
    by_language = dict(
        questions.values("language").order_by().annotate(n=Count("id")).values_list("language", "n")
    )
    return {
        **counts,
        "moderation_median_seconds": moderation["median"],
        "moderation_mean_seconds": moderation["mean"],
        "moderated": moderation["count"],
        "answer_median_seconds": answer["median"],
        "answer_mean_seconds": answer["mean"],
        "top": _question_rows(published, TOP_QUESTIONS),
        "top_answered": _question_rows(published.filter(answered_at__isnull=False), 5),
        "top_unanswered": _question_rows(published.filter(answered_at__isnull=True), 5),
        "duplicates": [
            {
                "question_id": row["merged_into"],
                "text": targets.get(row["merged_into"], ""),
                "merged": row["n"],
            }
            for row in duplicates
        ],
        "stopped": stopped_total,
        "categories": categories,
        "overrides": overrides["overrides"],
        "override_questions": overrides["questions"],
        "override_hosts": overrides["hosts"],
        "by_language": {
            (k or "unknown"): v for k, v in sorted(by_language.items(), key=lambda i: i[0] or "")
        },
    }


def published_texts(*, webinar: Webinar):
    """(id, text, votes) of published questions, streamed: the input of ``themes.themes_build``."""
    return (
        Question.objects.filter(webinar=webinar, status=QStatus.PUBLISHED)
        .order_by("id")
        .values_list("id", "text", "vote_count")
        .iterator(chunk_size=2000)
    )


PHRASES_FIRST_READ = 200  # ranked phrases read at first; read further only if the themes need more


def theme_figures(*, webinar: Webinar) -> dict:
    """Themes of the published questions, counted in the database from their stored phrases.

    The same result as ``themes.themes_build(published_texts(...))`` (tests check both on SQLite and
    PostgreSQL), without tokenising or loading a question in Python: phrases were stored per question when
    its text was saved (``Question.theme_phrases``; ``summaries.report_phrases_refresh`` fills any missing).
    Three queries: the top phrases with their wordings, then one pass putting each question under its
    theme, returning per theme the count, the votes and the top examples. Returns the shape of
    ``themes.themes_build``.
    """
    published = Question.objects.filter(webinar=webinar, status=QStatus.PUBLISHED)
    limit = PHRASES_FIRST_READ
    while True:
        frequency, wordings = _phrase_counts(webinar=webinar, limit=limit)
        ranked = sorted(frequency, key=lambda phrase: themes.rank_key(phrase, frequency[phrase]))
        chosen = themes.themes_choose(ranked, frequency)
        if len(frequency) < limit or (len(chosen) == themes.MAX_THEMES and limit >= themes.KEY_PHRASES):
            break
        limit *= 4  # the first phrases were all redundant: read further down the ranking
    groups, unthemed, total = _theme_groups(published, themes.themes_by_specificity(chosen, frequency))
    return themes.themes_assemble(
        chosen=chosen,
        ranked=ranked,
        frequency=frequency,
        wordings=wordings,
        groups=groups,
        unthemed=unthemed,
        total=total,
    )


def _phrase_counts(*, webinar: Webinar, limit: int) -> tuple[dict[str, int], dict[str, Counter]]:
    """The ``limit`` top-ranked phrases (in at least ``MIN_QUESTIONS`` questions): questions containing
    each, and how many questions used each wording of it. Ranked as ``themes.rank_key`` ranks (code point
    order on ties: ``COLLATE "C"`` on PostgreSQL, SQLite's default binary collation)."""
    if connection.vendor == "postgresql":
        each, collate = "CROSS JOIN LATERAL jsonb_each_text(q.theme_phrases) AS e", 'COLLATE "C"'
    elif connection.vendor == "sqlite":
        each, collate = "CROSS JOIN json_each(q.theme_phrases) AS e", ""
    else:  # pragma: no cover - the project runs on these two
        raise NotSupportedError(f"theme counting is not implemented for {connection.vendor}")
    table = Question._meta.db_table
    sql = f"""
        WITH kv AS (
            SELECT e.key AS phrase, e.value AS wording, COUNT(*) AS n
            FROM {table} q {each}
            WHERE q.webinar_id = %s AND q.status = %s
            GROUP BY e.key, e.value
        ), k AS (
            SELECT phrase, SUM(n) AS f FROM kv GROUP BY phrase HAVING SUM(n) >= %s
            ORDER BY f DESC, LENGTH(phrase) - LENGTH(REPLACE(phrase, ' ', '')) DESC, phrase {collate}
            LIMIT %s
        )
        SELECT kv.phrase, kv.wording, kv.n, k.f FROM kv JOIN k ON k.phrase = kv.phrase
    """  # noqa: S608  # nosec B608  (identifiers are the model's own; values travel as parameters)
    frequency: dict[str, int] = {}
    wordings: dict[str, Counter] = defaultdict(Counter)
    with roomy_reads(), connection.cursor() as cursor:
        cursor.execute(sql, (webinar.pk, QStatus.PUBLISHED, themes.MIN_QUESTIONS, limit))
        for phrase, wording, n, f in cursor.fetchall():
            frequency[phrase] = int(f)
            wordings[phrase][wording] = int(n)
    return frequency, wordings


def _theme_groups(
    published: QuerySet, by_specificity: list[str]
) -> tuple[dict[str, tuple[int, int, list[int]]], int, int]:
    """Each published question under the first phrase of ``by_specificity`` it contains, in one query.

    Returns ``({phrase: (questions, votes, example ids)}, unthemed, total)``; examples are the group's
    questions by most votes, then lowest id (``themes.EXAMPLES_PER_THEME`` of them).
    """
    whens = [When(theme_phrases__has_key=phrase, then=Value(i)) for i, phrase in enumerate(by_specificity)]
    home = Case(*whens, default=Value(-1), output_field=IntegerField()) if whens else Value(-1)
    rows = (
        published.annotate(home=home)
        .annotate(
            rn=Window(
                RowNumber(), partition_by=[F("home")], order_by=[F("vote_count").desc(), F("id").asc()]
            ),
            n=Window(Count("id"), partition_by=[F("home")]),
            home_votes=Window(Sum("vote_count"), partition_by=[F("home")]),
        )
        .filter(rn__lte=themes.EXAMPLES_PER_THEME)
        .order_by("home", "rn")
        .values_list("home", "id", "n", "home_votes")
    )
    groups: dict[str, tuple[int, int, list[int]]] = {}
    unthemed = total = 0
    for index, question_id, n, votes in rows:
        if index < 0:
            unthemed = n
            continue
        phrase = by_specificity[index]
        if phrase not in groups:
            groups[phrase] = (n, int(votes or 0), [])
        groups[phrase][2].append(question_id)
    total = unthemed + sum(n for n, _, _ in groups.values())
    return groups, unthemed, total


def _count_of(model, *, status_filter: Q | None = None) -> Subquery:
    inner = model.objects.filter(webinar=OuterRef("pk"))
    if status_filter is not None:
        inner = inner.filter(status_filter)
    return Coalesce(
        Subquery(inner.order_by().values("webinar").annotate(n=Count("id")).values("n")[:1]),
        Value(0),
        output_field=IntegerField(),
    )


def campaign_rows(*, user) -> list[dict]:
    """Registered → attended → asked for every webinar the user organises, one query.

    Both rates are shares of people, so neither can pass 100 %: ``attendance_rate`` is attended ÷
    registered (attended as in ``attendance_counts``: confirmed registrations with an audience session);
    ``asker_rate`` is attendees who asked at least one question ÷ attended. ``asked`` stays the number
    of questions (one person may ask several), shown as a count, never as a ratio.
    """
    webinars = Webinar.objects.filter(selectors.organised_by(user)).distinct()
    came = AttendanceSession.objects.filter(
        webinar=OuterRef("pk"), registration__isnull=False, registration__status=CONFIRMED
    )
    attended = _distinct_count(came, "registration")
    askers = _distinct_count(
        Question.objects.filter(
            webinar=OuterRef("pk"),
            author__status=CONFIRMED,
            author__in=AttendanceSession.objects.filter(registration__isnull=False).values("registration"),
        ),
        "author",
    )
    rows = webinars.annotate(
        n_registered=_count_of(Registration, status_filter=Q(status=CONFIRMED)),
        n_attended=attended,
        n_askers=askers,
        n_asked=_count_of(Question),
        n_published=_count_of(Question, status_filter=Q(status=QStatus.PUBLISHED)),
    ).order_by("-starts_at")
    return [
        {
            "webinar": webinar,
            "registered": webinar.n_registered,
            "attended": webinar.n_attended,
            "askers": webinar.n_askers,
            "asked": webinar.n_asked,
            "published": webinar.n_published,
            "attendance_rate": _ratio(webinar.n_attended, webinar.n_registered),
            "asker_rate": _ratio(webinar.n_askers, webinar.n_attended),
        }
        for webinar in rows
    ]


def _distinct_count(inner: QuerySet, column: str) -> Coalesce:
    return Coalesce(
        Subquery(inner.order_by().values("webinar").annotate(n=Count(column, distinct=True)).values("n")[:1]),
        Value(0),
        output_field=IntegerField(),
    )
