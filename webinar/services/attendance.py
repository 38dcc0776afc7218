"""Durable attendance, derived every few seconds from the presence store (never per heartbeat).

One sampling tick per webinar: read who is present, close the open sessions of viewers who are
gone (``left_at = last_seen_at``), extend every other open session with one bulk ``UPDATE``, open
sessions for newcomers (reopening a session that closed within the merge gap, so a reconnect is
not a new visit), recompute the ``AttendanceRollup`` of every viewer whose sessions it opened, closed
or reopened (the report's per-viewer rows; extending open sessions leaves them alone), and write one
``AttendanceSample`` of the count, all in one transaction. Ticks are idempotent and, per
webinar, serialised: a store lock picks one writer per interval across processes and Celery beat,
and a PostgreSQL advisory lock covers the rare overlap when a tick outlasts that lock.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.conf import settings
from django.db import connection, transaction
from django.db.models import (
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest

from webinar.models import AttendanceRollup, AttendanceSample, AttendanceSession, Webinar
from webinar.selectors.attendance import is_audience_key, viewer_languages

log = logging.getLogger("dewan.attendance")

# Two samples closer than this are one tick run twice: the second writes no sample.
SAMPLE_MIN_SPACING = timedelta(seconds=1)
# Viewer keys per refresh statement: within SQLite's bound on parameters, and a modest IN list elsewhere.
ROLLUP_KEYS_PER_STATEMENT = 500
_ADVISORY_LOCK_CLASS = 0x44455741  # "DEWA": our namespace for pg_advisory_xact_lock(class, id)


def _registration_id(viewer_key: str) -> int | None:
    if viewer_key.startswith("r:") and viewer_key[2:].isdigit():
        return int(viewer_key[2:])
    return None


def _at(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, tz=UTC)


def attendance_writes_lock(*, webinar_id: int) -> None:
    """Serialise this transaction's writes of ``webinar_id``'s sessions and rollups with every other
    writer's (the sampler's ticks, erasure): a PostgreSQL advisory lock held until the transaction ends,
    taken again harmlessly by the same transaction. Call inside ``transaction.atomic``. SQLite writers
    are serialised already (IMMEDIATE transactions)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_ADVISORY_LOCK_CLASS, webinar_id])


def attendance_record(
    *, webinar_id: int, present: dict[str, tuple[float, str]], now: datetime, live: bool = True
) -> dict:
    """Apply one presence snapshot (``viewer key -> (newest heartbeat, language)``) taken at ``now``.

    When the webinar is not live (as the caller saw it, or as it is once this tick holds the attendance
    lock: an end committed since the caller looked wins), every open session closes, no later than the
    end (``attendance_sessions_close``), and no sample is written.
    """
    gap = timedelta(seconds=settings.DEWAN_ATTENDANCE_MERGE_GAP_SECONDS)
    with transaction.atomic():
        attendance_writes_lock(webinar_id=webinar_id)
        live = live and Webinar.objects.filter(pk=webinar_id, status=Webinar.Status.LIVE).exists()
        if not live:
            closed = attendance_sessions_close(webinar_id=webinar_id)
            return {"count": 0, "opened": 0, "reopened": 0, "closed": closed, "sampled": False}
        open_sessions = AttendanceSession.objects.filter(webinar_id=webinar_id, left_at__isnull=True)
        open_keys = set(open_sessions.values_list("viewer_key", flat=True))
        gone = open_keys - present.keys()
        closed = 0
        if gone:
            closed = open_sessions.filter(viewer_key__in=gone).update(left_at=F("last_seen_at"))
            attendance_rollups_refresh(webinar_id=webinar_id, viewer_keys=gone)
        # Everyone still open is present: one UPDATE per webinar per tick, whatever the audience.
        open_sessions.filter(last_seen_at__lt=now).update(last_seen_at=now)
        newcomers = present.keys() - open_keys
        opened = reopened = 0
        if newcomers:
            seen_at = {key: min(_at(present[key][0]), now) for key in newcomers}
            recent = (
                AttendanceSession.objects.filter(
                    webinar_id=webinar_id, viewer_key__in=newcomers, left_at__gte=min(seen_at.values()) - gap
                )
                .order_by("viewer_key", "-left_at")
                .values_list("pk", "viewer_key", "left_at")
            )
            merge: dict[str, int] = {}
            for pk, key, left_at in recent:
                if key not in merge and left_at is not None and left_at >= seen_at[key] - gap:
                    merge[key] = pk
            if merge:
                reopened = AttendanceSession.objects.filter(pk__in=merge.values()).update(
                    left_at=None, last_seen_at=now
                )
            AttendanceSession.objects.bulk_create(
                [
                    AttendanceSession(
                        webinar_id=webinar_id,
                        registration_id=_registration_id(key),
                        viewer_key=key,
                        language=(present[key][1] or "")[:5],
                        joined_at=seen_at[key],
                        last_seen_at=now,
                    )
                    for key in sorted(newcomers - merge.keys())
                ],
                batch_size=1000,
            )
            opened = len(newcomers) - len(merge)
            attendance_rollups_refresh(webinar_id=webinar_id, viewer_keys=newcomers)
        sampled = False
        # The audience only: hosts and organisers are not counted (webinar.selectors.attendance).
        audience = sum(1 for key in present if is_audience_key(key))
        if not AttendanceSample.objects.filter(
            webinar_id=webinar_id, at__gt=now - SAMPLE_MIN_SPACING, at__lte=now
        ).exists():
            AttendanceSample.objects.create(webinar_id=webinar_id, at=now, count=audience)
            sampled = True
    return {
        "count": audience,
        "opened": opened,
        "reopened": reopened,
        "closed": closed,
        "sampled": sampled,
    }


def attendance_sessions_close(*, webinar_id: int) -> int:
    """Close every open attendance session of a webinar that is no longer live; returns how many closed.

    The rule: nobody watches a webinar that is not live. A session closes at its last heartbeat, and
    never after the webinar's ``ended_at`` (a tick that extended it while the end was committing does
    not add watch time past the end). Called by ``webinar_transition`` in the transaction that ends
    the webinar, so the dashboard and the report never see a session of an ended webinar still open
    or running past its end (sessions already closed after ``ended_at`` are cut back to it too),
    whether or not a sampler runs; the sampler calls it on every tick of a webinar that is not live
    (which also closes sessions left open before this rule). Rolls up the viewers it closed. Takes the
    attendance writes lock; call inside ``transaction.atomic``.
    """
    attendance_writes_lock(webinar_id=webinar_id)
    ended_at = Webinar.objects.filter(pk=webinar_id).values_list("ended_at", flat=True).first()
    sessions = AttendanceSession.objects.filter(webinar_id=webinar_id)
    open_sessions = sessions.filter(left_at__isnull=True)
    keys = set(open_sessions.values_list("viewer_key", flat=True))
    if ended_at is not None:
        # Heartbeats written past the end count up to the end only (a session begun after it: nothing).
        past_end = sessions.filter(Q(last_seen_at__gt=ended_at) | Q(left_at__gt=ended_at))
        keys |= set(past_end.values_list("viewer_key", flat=True))
        stop = Greatest(F("joined_at"), Value(ended_at))
        past_end.filter(last_seen_at__gt=ended_at).update(last_seen_at=stop)
        sessions.filter(left_at__gt=ended_at).update(left_at=stop)
    closed = open_sessions.update(left_at=F("last_seen_at"))
    if keys:
        attendance_rollups_refresh(webinar_id=webinar_id, viewer_keys=keys)
    return closed


def attendance_rollups_refresh(*, webinar_id: int, viewer_keys: set[str] | list[str] | None = None) -> int:
    """Recompute the ``AttendanceRollup`` rows of ``viewer_keys`` (default: every viewer of the webinar)
    from their sessions; drop the rows of keys left without a session. Returns the rows written.

    The one writer of rollups. Every write that changes a viewer's sessions calls it inside its own
    transaction (the sampler for the viewers it opened, closed or reopened; erasure for the old and the
    new key), so a rollup never outlives or lags its sessions, whatever crashes: it is rebuilt from them,
    not adjusted, and running it again changes nothing. Sessions written around the services (bulk loads,
    fixtures) are rolled up by calling it afterwards with no keys; the migration that added rollups did
    that for every webinar. One ``INSERT … SELECT … GROUP BY … ON CONFLICT`` per 500 keys (per webinar
    with no keys), on PostgreSQL and SQLite.
    """
    keys = None if viewer_keys is None else sorted(viewer_keys)
    chunks = (
        [None]
        if keys is None
        else [keys[i : i + ROLLUP_KEYS_PER_STATEMENT] for i in range(0, len(keys), ROLLUP_KEYS_PER_STATEMENT)]
    )
    table = AttendanceRollup._meta.db_table
    columns = ["webinar_id", "viewer_key", *AttendanceRollup.TOTALS]  # the order of ``grouped`` below
    updates = ", ".join(f"{column} = excluded.{column}" for column in columns[2:])
    written = 0
    with transaction.atomic():
        # Two refreshes of one viewer in flight at once could each read the sessions before the
        # other's commit: one writer of a webinar's rollups at a time.
        attendance_writes_lock(webinar_id=webinar_id)
        for chunk in chunks:
            sessions = AttendanceSession.objects.filter(webinar_id=webinar_id)
            rollups = AttendanceRollup.objects.filter(webinar_id=webinar_id)
            if chunk is not None:
                sessions = sessions.filter(viewer_key__in=chunk)
                rollups = rollups.filter(viewer_key__in=chunk)
            grouped = (
                sessions.values("webinar_id", "viewer_key")
                .order_by()
                .annotate(
                    sessions_n=Count("id"),
                    closed_watch_sum=Coalesce(
                        Sum(ExpressionWrapper(F("left_at") - F("joined_at"), output_field=DurationField())),
                        Value(timedelta(0)),
                        output_field=DurationField(),
                    ),
                    first=Min("joined_at"),
                    last=Max("left_at"),
                    low=Min("registration_id"),
                    high=Max("registration_id"),
                    language_set=viewer_languages(),
                )
            )
            select_sql, params = grouped.query.sql_with_params()
            # Only identifiers and Django's own compilation of a queryset go into the text.
            sql = (
                f"INSERT INTO {table} ({', '.join(columns)}) {select_sql}"  # nosec B608
                f" ON CONFLICT (webinar_id, viewer_key) DO UPDATE SET {updates}"
            )
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                written += max(cursor.rowcount, 0)
            rollups.exclude(Exists(sessions.filter(viewer_key=OuterRef("viewer_key")))).delete()
    return written


def _webinars_live(webinar_ids: list[int] | None) -> dict[int, bool]:
    """The webinars to sample: the given ones, else every live one and every one with an open session."""
    if webinar_ids is None:
        ids = set(Webinar.objects.filter(status=Webinar.Status.LIVE).values_list("pk", flat=True))
        ids |= set(
            AttendanceSession.objects.filter(left_at__isnull=True)
            .values_list("webinar_id", flat=True)
            .distinct()
        )
    else:
        ids = set(webinar_ids)
    live = set(Webinar.objects.filter(pk__in=ids, status=Webinar.Status.LIVE).values_list("pk", flat=True))
    return {webinar_id: webinar_id in live for webinar_id in sorted(ids) if webinar_id is not None}


async def attendance_sample_async(*, webinar_ids: list[int] | None = None, store=None) -> dict[int, dict]:
    """One tick for each webinar whose lock this caller takes (the others were sampled elsewhere)."""
    from realtime.presence import get_presence_store

    store = store or get_presence_store()
    targets = await database_sync_to_async(_webinars_live)(webinar_ids)
    # Held for most of one interval: whoever samples next (this loop, another process, beat) finds it free.
    lock_seconds = float(settings.DEWAN_ATTENDANCE_SAMPLE_SECONDS) * 0.9
    results = {}
    for webinar_id, live in targets.items():
        if not await store.try_lock(f"attendance:{webinar_id}", lock_seconds):
            continue
        present = await store.present(webinar_id) if live else {}
        results[webinar_id] = await database_sync_to_async(attendance_record)(
            webinar_id=webinar_id, present=present, now=_at(store.clock()), live=live
        )
    return results


def attendance_sample_all() -> dict[int, dict]:
    """The Celery beat entry point (``webinar.sample_attendance``)."""
    return async_to_sync(attendance_sample_async)()
