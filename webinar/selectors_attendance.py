"""Reads behind the live dashboard and the report: who came, for how long, and the concurrent count."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, DurationField, ExpressionWrapper, F, Max, Min, Sum
from django.db.models.functions import Coalesce

from webinar.models import AttendanceSample, AttendanceSession, Registration, Webinar

TIMELINE_POINTS = 240

_duration = ExpressionWrapper(
    Coalesce(F("left_at"), F("last_seen_at")) - F("joined_at"), output_field=DurationField()
)


def _seconds(value: timedelta | None) -> int:
    return round(value.total_seconds()) if value else 0


def attendance_figures(*, webinar: Webinar) -> dict:
    """Totals: unique attendees, registered who never came, watch time, peak and when it happened."""
    sessions = AttendanceSession.objects.filter(webinar=webinar)
    totals = sessions.aggregate(
        sessions=Count("id"),
        watch=Sum(_duration),
        registered=Count("registration", distinct=True),
        viewers=Count("viewer_key", distinct=True),
    )
    confirmed = Registration.objects.filter(webinar=webinar, status=Registration.Status.CONFIRMED)
    never_came = confirmed.exclude(pk__in=sessions.filter(registration__isnull=False).values("registration"))
    peak = AttendanceSample.objects.filter(webinar=webinar).order_by("-count", "at").first()
    unique = totals["viewers"] or 0
    watch = _seconds(totals["watch"])
    return {
        "unique_attendees": unique,
        "unique_registered": totals["registered"] or 0,
        "unique_guests": unique - (totals["registered"] or 0),
        "sessions": totals["sessions"] or 0,
        "confirmed": confirmed.count(),
        "never_came": never_came.count(),
        "watch_seconds": watch,
        "average_watch_seconds": round(watch / unique) if unique else 0,
        "peak": peak.count if peak else 0,
        "peak_at": peak.at.isoformat() if peak else None,
    }


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
        AttendanceSession.objects.filter(webinar=webinar, registration__isnull=False)
        .values("registration_id", "registration__name", "registration__language")
        .annotate(
            joins=Count("id"),
            first_joined=Min("joined_at"),
            last_seen=Max(Coalesce(F("left_at"), F("last_seen_at"))),
            watch=Sum(_duration),
            still_open=Count("id", filter=None) - Count("left_at"),
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
    sessions = AttendanceSession.objects.filter(webinar=webinar, registration__isnull=False)
    return list(
        Registration.objects.filter(webinar=webinar, status=Registration.Status.CONFIRMED)
        .exclude(pk__in=sessions.values("registration"))
        .order_by("name", "id")[:limit]
    )
