"""Report selectors: every figure is a count, sum, average, median or histogram computed by the database.

Rows are never loaded to be counted in Python. The only per-row reads are the published question texts
(themes need the words) and the bounded chart series.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from django.db import NotSupportedError, connection
from django.db.models import (
    Count,
    F,
    FloatField,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, Floor, RowNumber

from webinar.models import (
    AttendanceSample,
    AttendanceSession,
    AuditEntry,
    Question,
    Registration,
    Webinar,
    WebinarRole,
)

CONFIRMED = Registration.Status.CONFIRMED
QStatus = Question.Status
CHART_POINTS = 240  # enough for a smooth line, small enough for an inline SVG
HISTOGRAM_BINS = 24
TOP_QUESTIONS = 10
OVERRIDE_ACTION = "question.publish_anyway"


class SecondsBetween(Func):
    """``end - start`` in seconds (float), on PostgreSQL and SQLite."""

    output_field = FloatField()
    arity = 2

    def as_sql(self, compiler, connection, **extra_context):
        start, end = self.get_source_expressions()
        start_sql, start_params = compiler.compile(start)
        end_sql, end_params = compiler.compile(end)
        params = (*end_params, *start_params)
        if connection.vendor == "postgresql":
            return f"EXTRACT(EPOCH FROM ({end_sql} - {start_sql}))::double precision", params
        if connection.vendor == "sqlite":
            return f"((julianday({end_sql}) - julianday({start_sql})) * 86400.0)", params
        raise NotSupportedError(f"SecondsBetween is not implemented for {connection.vendor}")


def _session_end():
    return Coalesce("left_at", "last_seen_at")


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


def report_window(*, webinar: Webinar) -> tuple[datetime, datetime]:
    """The span the charts cover: from going live (or the first join) to the end (or the last leave)."""
    bounds = AttendanceSession.objects.filter(webinar=webinar).aggregate(
        first=Min("joined_at"),
        last=Max(_session_end()),
    )
    starts = [t for t in (webinar.went_live_at, bounds["first"]) if t] or [webinar.starts_at]
    ends = [t for t in (webinar.ended_at, bounds["last"]) if t] or [webinar.ends_at]
    start, end = min(starts), max(ends)
    if end <= start:
        end = start + timedelta(minutes=1)
    return start, end


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


def _concurrency_series(*, webinar: Webinar, sessions: QuerySet, start: datetime, end: datetime) -> dict:
    """Viewers over time: the sampled counts (thinned in SQL), or, without samples, counted from sessions."""
    samples = AttendanceSample.objects.filter(webinar=webinar)
    total = samples.count()
    if total:
        peak = samples.order_by("-count", "at").values("count", "at").first()
        step = max(1, math.ceil(total / CHART_POINTS))
        points = samples.order_by("at")
        if step > 1:
            points = points.alias(rn=Window(RowNumber(), order_by=F("at").asc())).annotate(
                keep=(F("rn") - 1) % step
            )
            points = points.filter(keep=0)
        series = [(at, count) for at, count in points.values_list("at", "count")]
        if (peak["at"], peak["count"]) not in series:
            series = sorted([*series, (peak["at"], peak["count"])])
        return {"source": "samples", "peak": peak["count"], "peak_at": peak["at"], "series": series}
    # No samples (the sampler did not run): count overlapping sessions at evenly spaced instants, one query.
    span = (end - start).total_seconds()
    instants = [
        start + timedelta(seconds=span * i / (CHART_POINTS // 4)) for i in range(CHART_POINTS // 4 + 1)
    ]
    end_expr = _session_end()
    counts = sessions.alias(_end=end_expr).aggregate(
        **{f"c{i}": Count("id", filter=Q(joined_at__lte=t, _end__gte=t)) for i, t in enumerate(instants)}
    )
    series = [(t, counts[f"c{i}"]) for i, t in enumerate(instants)]
    peak_at, peak = max(series, key=lambda p: (p[1], -p[0].timestamp())) if series else (None, 0)
    return {"source": "sessions", "peak": peak, "peak_at": peak_at if peak else None, "series": series}


def attendance_figures(*, webinar: Webinar) -> dict:
    sessions = AttendanceSession.objects.filter(webinar=webinar)
    registered = Registration.objects.filter(webinar=webinar, status=CONFIRMED).count()
    totals = sessions.aggregate(
        sessions=Count("id"),
        unique=Count("viewer_key", distinct=True),
        attended=Count("registration", distinct=True, filter=Q(registration__status=CONFIRMED)),
    )
    per_viewer = (
        sessions.values("viewer_key")
        .order_by()
        .annotate(v=Sum(SecondsBetween(F("joined_at"), _session_end())))
        .values("v")
    )
    watch = _stats(per_viewer)
    start, end = report_window(webinar=webinar)
    concurrency = _concurrency_series(webinar=webinar, sessions=sessions, start=start, end=end)
    span = (end - start).total_seconds()
    width = max(60, math.ceil(span / HISTOGRAM_BINS / 60) * 60)
    bins = max(1, min(HISTOGRAM_BINS, math.ceil(span / width)))
    joins = _histogram(sessions, F("joined_at"), origin=start, width=width, bins=bins)
    leaves = _histogram(sessions, _session_end(), origin=start, width=width, bins=bins)
    languages = [
        {"language": row["language"] or "unknown", "viewers": row["n"]}
        for row in sessions.values("language")
        .order_by()
        .annotate(n=Count("viewer_key", distinct=True))
        .order_by("-n", "language")
    ]
    return {
        "registered": registered,
        "attended": totals["attended"],
        "conversion": _ratio(totals["attended"], registered),
        "unique_attendees": totals["unique"],
        "sessions": totals["sessions"],
        "peak_concurrency": concurrency["peak"],
        "peak_at": concurrency["peak_at"],
        "concurrency_source": concurrency["source"],
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
    """Registered → attended → asked for every webinar the user organises, one query."""
    webinars = Webinar.objects.all()
    if not user.is_superuser:
        webinars = webinars.filter(
            Q(organiser=user) | Q(roles__user=user, roles__role=WebinarRole.Role.ORGANISER)
        ).distinct()
    attended = Coalesce(
        Subquery(
            AttendanceSession.objects.filter(
                webinar=OuterRef("pk"), registration__isnull=False, registration__status=CONFIRMED
            )
            .order_by()
            .values("webinar")
            .annotate(n=Count("registration", distinct=True))
            .values("n")[:1]
        ),
        Value(0),
        output_field=IntegerField(),
    )
    rows = webinars.annotate(
        n_registered=_count_of(Registration, status_filter=Q(status=CONFIRMED)),
        n_attended=attended,
        n_asked=_count_of(Question),
        n_published=_count_of(Question, status_filter=Q(status=QStatus.PUBLISHED)),
    ).order_by("-starts_at")
    return [
        {
            "webinar": webinar,
            "registered": webinar.n_registered,
            "attended": webinar.n_attended,
            "asked": webinar.n_asked,
            "published": webinar.n_published,
            "attendance_rate": _ratio(webinar.n_attended, webinar.n_registered),
            "ask_rate": _ratio(webinar.n_asked, webinar.n_attended),
        }
        for webinar in rows
    ]
