"""The one source of attendance figures, read by the live dashboard and the report alike.

Definitions (docs/architecture.md, "Attendance figures"):

- **Audience**: attendance sessions of registrants. Hosts and organisers watch under a ``u:<user id>``
  viewer key and are never audience: they are left out of unique viewers, watch time, the per-attendee
  table and exports, and the sampler does not count them in the concurrent count.
- **Registered**: registrations confirmed now (waitlisted and cancelled ones are not).
- **Attended**: registered people with at least one audience session; **never came** is
  ``registered - attended``, so the two always add up. Someone who watched and cancelled afterwards is a
  unique viewer but neither attended nor never came.
- **Peak**: the highest sampled concurrent count (the earliest sample on a tie); without samples (the
  sampler never ran) the highest count of overlapping sessions at evenly spaced instants.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from django.db import NotSupportedError
from django.db.models import Count, F, FloatField, Func, Max, Min, Q, QuerySet, Sum, Window
from django.db.models.functions import Coalesce, RowNumber

from webinar.models import AttendanceSample, AttendanceSession, Registration, Webinar

CONFIRMED = Registration.Status.CONFIRMED
STAFF_VIEWER_PREFIX = "u:"  # realtime viewer keys of signed-in staff; registrants are "r:<id>"
TIMELINE_POINTS = 240
CHART_POINTS = 240  # enough for a smooth line, small enough for an inline SVG


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


def session_end():
    """When a session stopped: its leave time, or the last heartbeat of a session still open."""
    return Coalesce("left_at", "last_seen_at")


def is_audience_key(viewer_key: str) -> bool:
    """Whether a presence viewer key is audience (a registrant), not staff: used by the sampler."""
    return not viewer_key.startswith(STAFF_VIEWER_PREFIX)


def audience_sessions(*, webinar: Webinar) -> QuerySet[AttendanceSession]:
    """Attendance sessions of the audience: every session but those of hosts and organisers."""
    return AttendanceSession.objects.filter(webinar=webinar).exclude(
        viewer_key__startswith=STAFF_VIEWER_PREFIX
    )


def report_window(*, webinar: Webinar) -> tuple[datetime, datetime]:
    """The span the charts cover: from going live (or the first join) to the end (or the last leave)."""
    bounds = audience_sessions(webinar=webinar).aggregate(first=Min("joined_at"), last=Max(session_end()))
    starts = [t for t in (webinar.went_live_at, bounds["first"]) if t] or [webinar.starts_at]
    ends = [t for t in (webinar.ended_at, bounds["last"]) if t] or [webinar.ends_at]
    start, end = min(starts), max(ends)
    if end <= start:
        end = start + timedelta(minutes=1)
    return start, end


def concurrency_series(
    *, webinar: Webinar, start: datetime | None = None, end: datetime | None = None
) -> dict:
    """Viewers over time and the peak: ``{"source", "peak", "peak_at", "series": [(datetime, count)]}``.

    From the samples (thinned in SQL to about ``CHART_POINTS``, the peak sample always kept), or, with
    no samples, counted from audience sessions at evenly spaced instants of ``start..end`` (default: the
    report window), in one query.
    """
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
    if start is None or end is None:
        start, end = report_window(webinar=webinar)
    span = (end - start).total_seconds()
    instants = [
        start + timedelta(seconds=span * i / (CHART_POINTS // 4)) for i in range(CHART_POINTS // 4 + 1)
    ]
    counts = (
        audience_sessions(webinar=webinar)
        .alias(_end=session_end())
        .aggregate(
            **{f"c{i}": Count("id", filter=Q(joined_at__lte=t, _end__gte=t)) for i, t in enumerate(instants)}
        )
    )
    series = [(t, counts[f"c{i}"]) for i, t in enumerate(instants)]
    peak_at, peak = max(series, key=lambda p: (p[1], -p[0].timestamp())) if series else (None, 0)
    return {"source": "sessions", "peak": peak, "peak_at": peak_at if peak else None, "series": series}


def _seconds(value: timedelta | float | None) -> int:
    if value is None:
        return 0
    return round(value.total_seconds() if isinstance(value, timedelta) else value)


def attendance_counts(*, webinar: Webinar) -> dict:
    """The attendance figures every page shows, by the definitions in this module's docstring.

    Returns ``{"registered", "attended", "never_came", "unique_viewers", "sessions", "watch_seconds",
    "average_watch_seconds", "peak", "peak_at", "peak_source"}``: counts of people or sessions, seconds
    (whole), ``peak_at`` a datetime or None, ``peak_source`` ``"samples"`` or ``"sessions"``. Raises nothing.
    """
    sessions = audience_sessions(webinar=webinar)
    registered = Registration.objects.filter(webinar=webinar, status=CONFIRMED).count()
    totals = sessions.aggregate(
        sessions=Count("id"),
        unique=Count("viewer_key", distinct=True),
        attended=Count("registration", distinct=True, filter=Q(registration__status=CONFIRMED)),
        watch=Sum(SecondsBetween(F("joined_at"), session_end())),
    )
    concurrency = concurrency_series(webinar=webinar)
    unique, watch = totals["unique"], _seconds(totals["watch"])
    return {
        "registered": registered,
        "attended": totals["attended"],
        "never_came": registered - totals["attended"],
        "unique_viewers": unique,
        "sessions": totals["sessions"],
        "watch_seconds": watch,
        "average_watch_seconds": round(watch / unique) if unique else 0,
        "peak": concurrency["peak"],
        "peak_at": concurrency["peak_at"],
        "peak_source": concurrency["source"],
    }


def attendance_figures(*, webinar: Webinar) -> dict:
    """``attendance_counts`` for the live dashboard's JSON: ``peak_at`` as an ISO 8601 string."""
    counts = attendance_counts(webinar=webinar)
    return {**counts, "peak_at": counts["peak_at"].isoformat() if counts["peak_at"] else None}


def attendance_timeline(*, webinar: Webinar, points: int = TIMELINE_POINTS) -> list[dict]:
    """The sampled concurrent count, thinned to at most ``points`` buckets keeping each bucket's maximum."""
    samples = list(AttendanceSample.objects.filter(webinar=webinar).order_by("at").values_list("at", "count"))
    if len(samples) > points:
        size = -(-len(samples) // points)
        samples = [max(samples[i : i + size], key=lambda s: s[1]) for i in range(0, len(samples), size)]
    return [{"at": at.isoformat(), "count": count} for at, count in samples]


def attendance_by_attendee(*, webinar: Webinar, limit: int = 200) -> list[dict]:
    """Per registered attendee: joins (merged sessions), first join, last seen, watch time; longest first."""
    rows = (
        audience_sessions(webinar=webinar)
        .filter(registration__isnull=False)
        .values("registration_id", "registration__name", "registration__language")
        .annotate(
            joins=Count("id"),
            first_joined=Min("joined_at"),
            last_seen=Max(session_end()),
            watch=Sum(SecondsBetween(F("joined_at"), session_end())),
            still_open=Count("id") - Count("left_at"),
        )
        .order_by("-watch", "registration_id")[:limit]
    )
    return [
        {
            "registration_id": row["registration_id"],
            "name": row["registration__name"],
            "language": row["registration__language"],
            "joins": row["joins"],
            "first_joined": row["first_joined"],
            "last_seen": row["last_seen"],
            "watch_seconds": _seconds(row["watch"]),
            "watching": row["still_open"] > 0,
        }
        for row in rows
    ]


def never_came(*, webinar: Webinar, limit: int = 200) -> list[Registration]:
    """Registered people with no audience session, by name (the people ``never_came`` counts)."""
    came = audience_sessions(webinar=webinar).filter(registration__isnull=False).values("registration")
    return list(
        Registration.objects.filter(webinar=webinar, status=CONFIRMED)
        .exclude(pk__in=came)
        .order_by("name", "id")[:limit]
    )


def live_audience(present: dict[str, tuple[float, str]]) -> dict:
    """Who is watching right now, from a presence snapshot (``viewer key -> (heartbeat, language)``).

    Returns ``{"count", "staff", "languages": {language: count}}``: the audience count (hosts and organisers
    apart, as in the samples and the report), the staff watching, and the audience by language.
    """
    languages: dict[str, int] = {}
    count = 0
    for key, (_at, language) in present.items():
        if is_audience_key(key):
            count += 1
            languages[language or ""] = languages.get(language or "", 0) + 1
    return {"count": count, "staff": len(present) - count, "languages": languages}
