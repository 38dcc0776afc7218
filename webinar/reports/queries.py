"""Report selectors: every figure is a count, sum, average, median or histogram computed by the database.

Rows are never loaded to be counted in Python. The only per-row reads are the published question texts
(themes need the words) and the bounded chart series.
"""

from __future__ import annotations

import math
from datetime import datetime

from django.db import connection
from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Floor

from webinar import selectors
from webinar.models import (
    AttendanceSession,
    AuditEntry,
    Question,
    Registration,
    Webinar,
)
from webinar.selectors.attendance import (
    SecondsBetween,
    attendance_counts,
    audience_sessions,
    concurrency_series,
    report_window,
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
    return {
        "count": int(n or 0),
        "mean": round(float(mean), 1) if mean is not None else None,
        "median": round(float(median), 1) if median is not None else None,
    }


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _histogram(sessions: QuerySet, column, *, origin: datetime, width: int, bins: int) -> list[int]:
    rows = (
        sessions.annotate(b=Floor(SecondsBetween(Value(origin), column) / Value(float(width))))
        .values("b")
        .order_by()
        .annotate(n=Count("id"))
        .values_list("b", "n")
    )
    counts = [0] * bins
    for bucket, n in rows:
        index = min(max(int(bucket or 0), 0), bins - 1)
        counts[index] += n
    return counts


def attendance_figures(*, webinar: Webinar) -> dict:
    """The report's attendance: ``attendance_counts`` (the dashboard's figures) plus the chart series.

    Every count comes from ``webinar.selectors.attendance`` so the report and the live dashboard agree.
    """
    counts = attendance_counts(webinar=webinar)
    sessions = audience_sessions(webinar=webinar)
    per_viewer = (
        sessions.values("viewer_key")
        .order_by()
        .annotate(v=Sum(SecondsBetween(F("joined_at"), session_end())))
        .values("v")
    )
    watch = _stats(per_viewer)
    start, end = report_window(webinar=webinar)
    concurrency = concurrency_series(webinar=webinar, start=start, end=end)
    span = (end - start).total_seconds()
    width = max(60, math.ceil(span / HISTOGRAM_BINS / 60) * 60)
    bins = max(1, min(HISTOGRAM_BINS, math.ceil(span / width)))
    joins = _histogram(sessions, F("joined_at"), origin=start, width=width, bins=bins)
    leaves = _histogram(sessions, session_end(), origin=start, width=width, bins=bins)
    languages = [
        {"language": row["language"] or "unknown", "viewers": row["n"]}
        for row in sessions.values("language")
        .order_by()
        .annotate(n=Count("viewer_key", distinct=True))
        .order_by("-n", "language")
    ]
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
        "watch_mean_seconds": watch["mean"],
        "watch_median_seconds": watch["median"],
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
    counts = questions.aggregate(
        asked=Count("id"),
        published=Count("id", filter=Q(status=QStatus.PUBLISHED)),
        held=Count("id", filter=Q(screening_action="hold")),
        blocked=Count("id", filter=Q(screening_action="block")),
        still_held=Count("id", filter=Q(status__in=[QStatus.HELD, QStatus.CARE, QStatus.PENDING])),
        rejected=Count("id", filter=Q(status=QStatus.REJECTED)),
        merged=Count("id", filter=Q(status=QStatus.MERGED)),
        answered=Count("id", filter=Q(answered_at__isnull=False)),
    )
    moderation = _stats(
        questions.filter(moderated_at__isnull=False)
        .annotate(v=SecondsBetween(F("created_at"), F("moderated_at")))
        .values("v")
    )
    answer = _stats(
        questions.filter(answered_at__isnull=False)
        .annotate(v=SecondsBetween(F("created_at"), F("answered_at")))
        .values("v")
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
    """(id, text, votes) of published questions, streamed: the input for themes."""
    return (
        Question.objects.filter(webinar=webinar, status=QStatus.PUBLISHED)
        .order_by("id")
        .values_list("id", "text", "vote_count")
        .iterator(chunk_size=2000)
    )


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
