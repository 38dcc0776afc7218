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
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import NotSupportedError, connection, transaction
from django.db.models import (
    Aggregate,
    Case,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber

from webinar.models import AttendanceRollup, AttendanceSample, AttendanceSession, Registration, Webinar

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
            # date_part gives a double directly; EXTRACT computes a numeric first (several times slower).
            return f"date_part('epoch', {end_sql} - {start_sql})", params
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
    return _window(webinar, bounds["first"], bounds["last"])


def report_window_from(webinar: Webinar, totals: dict) -> tuple[datetime, datetime]:
    """``report_window`` from ``audience_totals`` already read (no second pass over the sessions)."""
    return _window(webinar, totals["first_joined"], totals["last_left"])


def _window(webinar: Webinar, first: datetime | None, last: datetime | None) -> tuple[datetime, datetime]:
    """``report_window`` from the first join and the last leave of the audience."""
    starts = [t for t in (webinar.went_live_at, first) if t] or [webinar.starts_at]
    ends = [t for t in (webinar.ended_at, last) if t] or [webinar.ends_at]
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


class Watched(Func):
    """A session's watch time in a form the database sums exactly and fast: ``end - start`` as an interval
    on PostgreSQL (turned into seconds once per viewer, see ``_to_seconds``), seconds (float) on SQLite."""

    output_field = FloatField()
    arity = 2

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor == "postgresql":
            start, end = self.get_source_expressions()
            start_sql, start_params = compiler.compile(start)
            end_sql, end_params = compiler.compile(end)
            return f"({end_sql} - {start_sql})", (*end_params, *start_params)
        return SecondsBetween(*self.get_source_expressions()).as_sql(compiler, connection, **extra_context)


# Room for one report's hash tables (a campaign's 400,000 viewers are ~80 MB of groups): with the default
# 4 MB, PostgreSQL spills the grouped pass to disk in batches.
REPORT_WORK_MEM = "128MB"


@contextmanager
def roomy_reads():
    """Run big aggregate reads with room to hash in memory (PostgreSQL; nothing to do on SQLite).

    ``SET LOCAL`` inside a transaction of its own, so the setting ends with it and never leaks to the
    connection's next user. Hold no writes in it: the transaction lasts as long as the reads.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL work_mem = '{REPORT_WORK_MEM}'")
            cursor.execute("SET LOCAL jit = off")
        yield


def _to_seconds(sql: str) -> str:
    """SQL turning a sum of ``Watched`` values into seconds (float)."""
    return f"date_part('epoch', {sql})" if connection.vendor == "postgresql" else sql


# Languages a session normally carries ("" = unknown, then the site's languages): each is one bit of a
# viewer's language set, so one grouped pass knows every viewer's languages. Any other value sets the
# bit after them and is counted by ``_other_languages`` (exact, one more pass over its sessions).
def language_bits() -> dict[str, int]:
    """``{language code: bit}`` for ``""`` and ``settings.LANGUAGES``; the next bit up means "another"."""
    codes = ["", *(code for code, _name in settings.LANGUAGES)]
    return {code: 1 << i for i, code in enumerate(dict.fromkeys(codes))}


def viewer_languages() -> Aggregate:
    """An aggregate of grouped sessions: the group's languages as the bits of ``language_bits``."""
    bits = language_bits()
    code = Case(
        *(When(language=language, then=Value(bit)) for language, bit in bits.items()),
        default=Value(1 << len(bits)),
        output_field=IntegerField(),
    )
    # bit_or on PostgreSQL; the codes are distinct powers of two, so SUM(DISTINCT) is the same elsewhere.
    return BitOr(code) if connection.vendor == "postgresql" else Sum(code, distinct=True)


def audience_totals(*, webinar: Webinar, detail: bool = False) -> dict:
    """Audience figures from one pass over the viewers' rollups, one row per viewer (one query).

    Each viewer's row is its ``AttendanceRollup`` (sessions, first join, lowest and highest registration id,
    languages as bits, the closed sessions' watch time and last leave) plus its open sessions' watch time
    and last heartbeat, grouped in the same statement (none once the webinar has ended and the sampler
    closed them). Every figure is read from those rows in the database, never from rows in Python. The
    webinar's confirmed registrations are read in the same statement: ``registered`` counts them,
    ``attended`` those among the viewers' registrations.

    Returns ``{"registered", "sessions", "unique", "attended", "watch_seconds" (float), "first_joined",
    "last_left"}`` (datetimes or None) and, with ``detail``, ``"watch_mean"``/``"watch_median"`` (seconds
    per unique viewer, floats or None) and ``"languages"`` (``{language: unique viewers}``, ``""`` for
    unknown). Definitions as in this module's docstring. Exact in every case: a viewer key whose sessions
    name more than one registration (the services never write one) or a language outside
    ``language_bits`` is counted by a second, exact query over the sessions.
    """
    bits = language_bits()
    other_bit = 1 << len(bits)
    postgres = connection.vendor == "postgresql"
    open_sql, open_params = (
        audience_sessions(webinar=webinar)
        .filter(left_at__isnull=True)
        .values("viewer_key")
        .order_by()
        .annotate(w=Sum(Watched(F("joined_at"), F("last_seen_at"))), l=Max("last_seen_at"))
        .query.sql_with_params()
    )
    rollups_sql, rollup_params = (
        AttendanceRollup.objects.filter(webinar=webinar)
        .exclude(viewer_key__startswith=STAFF_VIEWER_PREFIX)
        .values("viewer_key", *AttendanceRollup.TOTALS)
        .query.sql_with_params()
    )
    # A viewer's watch time: its closed sessions' (an interval on PostgreSQL, microseconds elsewhere, as
    # DurationField stores them) plus its open sessions' (``Watched``: the same units but seconds elsewhere).
    closed = "r.closed_watch" if postgres else "(r.closed_watch / 1000000.0)"
    zero = "interval '0'" if postgres else "0"
    # Only identifiers and Django's own compilation of a queryset go into the text; values are parameters.
    per_sql = (
        f"SELECT r.viewer_key, r.sessions AS n, {closed} + COALESCE(o.w, {zero}) AS w,"  # noqa: S608  # nosec B608
        " r.first_joined AS f,"
        " CASE WHEN o.l IS NULL OR o.l < r.last_left THEN r.last_left ELSE o.l END AS l,"
        " r.registration_low AS r_lo, r.registration_high AS r_hi, r.languages AS m"
        f" FROM ({rollups_sql}) r LEFT JOIN ({open_sql}) o ON o.viewer_key = r.viewer_key"
    )
    params = (*rollup_params, *open_params)
    materialized = "MATERIALIZED" if postgres else ""
    registration = Registration._meta.db_table
    viewers = f"SELECT n, {_to_seconds('w')} AS w, f, l, r_lo, r_hi, m FROM per"  # noqa: S608  # nosec B608
    ctes = f"WITH per AS {materialized} ({per_sql}), viewers AS ({viewers})"
    came = "SELECT r_lo FROM per WHERE r_lo IS NOT NULL UNION ALL SELECT r_hi FROM per WHERE r_hi <> r_lo"
    # The webinar's confirmed registrations, read once: how many, and how many are among the viewers'.
    # A FILTER, not a join: PostgreSQL then hashes the viewers' registrations once and probes it per
    # registration (it cannot estimate the viewers' rows, and a semi-join chose 275,000 index probes).
    registrations = (
        f"SELECT COUNT(*) AS registered, COUNT(*) FILTER (WHERE r.id IN ({came})) AS attended"  # noqa: S608  # nosec B608
        f" FROM {registration} r WHERE r.webinar_id = %s AND r.status = %s"
    )
    columns = [
        "(SELECT registered FROM registrations)",
        "(SELECT attended FROM registrations)",
        "COALESCE(SUM(n), 0)",
        "MIN(f)",
        "MAX(l)",
        "COUNT(*)",
        "SUM(w)",
        "COUNT(CASE WHEN r_lo <> r_hi THEN 1 END)",
        "AVG(w)",
        "percentile_cont(0.5) WITHIN GROUP (ORDER BY w)" if postgres else "NULL",
        *(f"COUNT(CASE WHEN (m & {bit}) <> 0 THEN 1 END)" for bit in [*bits.values(), other_bit]),
    ]
    sql = (
        f"{ctes}, registrations AS {materialized} ({registrations})"  # noqa: S608  # nosec B608
        f" SELECT {', '.join(columns)} FROM viewers"
    )
    with roomy_reads(), connection.cursor() as cursor:
        cursor.execute(sql, (*params, webinar.pk, CONFIRMED))
        row = cursor.fetchone()
        registered, attended, sessions, first, last, unique, watch, several, mean, median = row[:10]
        if several:  # a viewer key under two or more registrations: count the registrations exactly
            attended = _attended_exactly(webinar)
        totals = {
            "registered": int(registered or 0),
            "sessions": int(sessions or 0),
            "unique": int(unique or 0),
            "attended": int(attended or 0),
            "watch_seconds": float(watch or 0),
            "first_joined": _aware(first),
            "last_left": _aware(last),
        }
        if not detail:
            return totals
        *known, other = row[10:]
        languages = {language: int(n) for language, n in zip(bits, known, strict=True) if n}
        if other:
            languages |= _other_languages(webinar, known=list(bits))
        if not postgres and unique:  # SQLite has no percentile: read the middle one or two values only
            cursor.execute(
                f"{ctes} SELECT w FROM viewers ORDER BY w LIMIT %s OFFSET %s",  # noqa: S608  # nosec B608
                (*params, 2 - unique % 2, (unique - 1) // 2),
            )
            middle = [value for (value,) in cursor.fetchall()]
            median = sum(middle) / len(middle)
    return totals | {
        "watch_mean": float(mean) if mean is not None else None,
        "watch_median": float(median) if median is not None else None,
        "languages": languages,
    }


class BitOr(Aggregate):
    """PostgreSQL's ``bit_or`` of an integer expression."""

    function = "BIT_OR"
    output_field = IntegerField()


def _attended_exactly(webinar: Webinar) -> int:
    """``attended`` when some viewer key names several registrations: confirmed registrations of the
    webinar with an audience session, counted one by one."""
    came = audience_sessions(webinar=webinar).filter(registration_id=OuterRef("pk"))
    return Registration.objects.filter(webinar=webinar, status=CONFIRMED).filter(Exists(came)).count()


def _other_languages(webinar: Webinar, *, known: list[str]) -> dict[str, int]:
    """Unique viewers per language outside ``known`` (sessions with an unexpected language value)."""
    rows = (
        audience_sessions(webinar=webinar)
        .exclude(language__in=known)
        .values("language")
        .order_by()
        .annotate(n=Count("viewer_key", distinct=True))
        .values_list("language", "n")
    )
    return {str(language): int(n) for language, n in rows}


def _aware(value):
    """A datetime read by a raw query (SQLite gives a string): timezone-aware, like the ORM gives it."""
    if value is None or isinstance(value, datetime):
        return value
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


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
    return attendance_counts_with(webinar=webinar)[0]


def attendance_counts_with(*, webinar: Webinar, detail: bool = False) -> tuple[dict, dict, dict]:
    """``(attendance_counts, audience_totals, concurrency_series)``: for the report, which needs all three
    and should scan the sessions once (the window it charts comes from the same pass)."""
    totals = audience_totals(webinar=webinar, detail=detail)
    registered = totals["registered"]
    start, end = report_window_from(webinar, totals)
    concurrency = concurrency_series(webinar=webinar, start=start, end=end)
    unique, watch = totals["unique"], _seconds(totals["watch_seconds"])
    counts = {
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
    return counts, totals, concurrency


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
    """Per registered attendee: joins (merged sessions), first join, last seen, watch time (seconds), and
    ``watching`` (an open session of a live webinar: never after the end); longest watch first."""
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
    live = webinar.status == Webinar.Status.LIVE
    return [
        {
            "registration_id": row["registration_id"],
            "name": row["registration__name"],
            "language": row["registration__language"],
            "joins": row["joins"],
            "first_joined": row["first_joined"],
            "last_seen": row["last_seen"],
            "watch_seconds": _seconds(row["watch"]),
            "watching": live and row["still_open"] > 0,
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


def live_audience(*, webinar: Webinar, present: dict[str, tuple[float, str]]) -> dict:
    """Who is watching ``webinar`` right now, from a presence snapshot (``viewer key -> (heartbeat,
    language)``).

    Returns ``{"count", "staff", "languages": {language: count}}``: the audience count (hosts and organisers
    apart, as in the samples and the report), the staff watching, and the audience by language. Nobody
    watches a webinar that is not live: before it starts and after it ends the answer is zero and empty,
    whatever pages are still open (their heartbeats are not watching).
    """
    if webinar.status != Webinar.Status.LIVE:
        return {"count": 0, "staff": 0, "languages": {}}
    languages: dict[str, int] = {}
    count = 0
    for key, (_at, language) in present.items():
        if is_audience_key(key):
            count += 1
            languages[language or ""] = languages.get(language or "", 0) + 1
    return {"count": count, "staff": len(present) - count, "languages": languages}
