"""Work promised on commit survives the process that promised it: a transactional outbox.

A change that needs an e-mail to a registrant or a rebuild of the organiser's report writes an
``OutboxEntry`` in its own transaction (``email_promise``, ``report_promise``) and queues the task on
commit, as before. A webinar-wide change (new time, cancelled) writes one ``fanout`` entry
(``fanout_promise``); the fan-out expands it, in one transaction, into an ``email`` entry per registrant
and stamps it done (``notifications.registrants_notify``), so each registrant's e-mail is then owed,
retried and given up on alone. The sender stamps the entry done in the transaction that records its work
(``registration_email_send`` beside ``Registration.emails_sent``; ``_report_finish`` and ``_report_fail``
under the report's row lock). If the process dies between the commit and the queueing, or the broker
loses the task, the entry stays open and ``outbox_sweep`` queues it again once ``due_at`` passes:
``DEWAN_OUTBOX_GRACE_SECONDS`` after the commit, then after a doubling backoff, at most
``DEWAN_OUTBOX_MAX_ATTEMPTS`` times; then it gives up, logged as an error.

Exactly once: the sweep claims an entry with an UPDATE conditional on its attempt count, so of two
sweeps one queues it; the e-mail itself goes out under the registration's row lock and is recorded in
``emails_sent`` with its occasion, so the on-commit task and a sweep's copy racing send one e-mail; a
report build claims the report (pending → running) under its row lock, so a second build does nothing.

Celery beat runs the sweep (``webinar.sweep_outbox``) with a broker; in the embedded default (tasks
eager, no beat) each server process runs it on a daemon thread (``outbox_sweeper_start``), once at
start-up (for what a process that died left open) and every ``DEWAN_OUTBOX_SWEEP_SECONDS``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from webinar.models import OutboxEntry, Report
from webinar.sweeper import Sweeper

log = logging.getLogger("dewan.outbox")
Topic = OutboxEntry.Topic
MAX_BACKOFF_SECONDS = 3600.0


def _grace() -> timedelta:
    return timedelta(seconds=float(settings.DEWAN_OUTBOX_GRACE_SECONDS))


def email_promise(*, webinar_id: int, registration_id: int, kind: str, occasion: str) -> None:
    """Record, in the caller's transaction, that the ``kind`` e-mail for ``occasion`` is owed."""
    OutboxEntry.objects.create(
        topic=Topic.EMAIL,
        webinar_id=webinar_id,
        registration_id=registration_id,
        kind=kind,
        occasion=occasion,
        due_at=timezone.now() + _grace(),
    )


def email_promises(*, webinar_id: int, registration_ids: list[int], kind: str, occasion: str) -> None:
    """``email_promise`` for each of ``registration_ids`` at once (a fan-out's expansion), in batches."""
    due_at = timezone.now() + _grace()
    OutboxEntry.objects.bulk_create(
        (
            OutboxEntry(
                topic=Topic.EMAIL,
                webinar_id=webinar_id,
                registration_id=registration_id,
                kind=kind,
                occasion=occasion,
                due_at=due_at,
            )
            for registration_id in registration_ids
        ),
        batch_size=1000,
    )


def fanout_promise(*, webinar_id: int, kind: str, occasion: str) -> None:
    """Record, in the caller's transaction, that every registrant is owed the ``kind`` e-mail for
    ``occasion`` (``calendar-sequence:<n>``): one entry, expanded by ``notifications.registrants_notify``."""
    OutboxEntry.objects.create(
        topic=Topic.FANOUT,
        webinar_id=webinar_id,
        kind=kind,
        occasion=occasion,
        due_at=timezone.now() + _grace(),
    )


def report_promise(*, webinar_id: int) -> None:
    """Record, in the caller's transaction, that the webinar's report must be built (again)."""
    OutboxEntry.objects.create(topic=Topic.REPORT, webinar_id=webinar_id, due_at=timezone.now() + _grace())


def email_done(*, registration_id: int, kind: str, occasion: str, outcome: str = "sent") -> int:
    """Stamp the open entries of this e-mail done (call in the sender's transaction); how many."""
    return OutboxEntry.objects.filter(
        topic=Topic.EMAIL, registration_id=registration_id, kind=kind, occasion=occasion, done_at=None
    ).update(done_at=timezone.now(), outcome=outcome)


def report_done(*, webinar_id: int, outcome: str = "built") -> int:
    """Stamp the webinar's open report entries done (call under the report's row lock); how many."""
    return OutboxEntry.objects.filter(topic=Topic.REPORT, webinar_id=webinar_id, done_at=None).update(
        done_at=timezone.now(), outcome=outcome
    )


def _backoff(attempts: int) -> timedelta:
    """The wait before the next try after ``attempts`` tries: the grace, doubled each time, at most 1 h."""
    return timedelta(
        seconds=min(MAX_BACKOFF_SECONDS, float(settings.DEWAN_OUTBOX_GRACE_SECONDS) * 2**attempts)
    )


@dataclass
class OutboxSweep:
    queued: list[int] = field(default_factory=list)  # entries queued again
    settled: list[int] = field(default_factory=list)  # entries found no longer needed (report built, ...)
    gave_up: list[int] = field(default_factory=list)  # entries past the last attempt
    failed: list[int] = field(default_factory=list)  # entries whose queueing (or eager run) raised
    purged: int = 0  # done entries older than DEWAN_OUTBOX_KEEP_DAYS deleted


def _dispatch(entry: OutboxEntry) -> None:
    """Queue the entry's task: a worker runs it with a broker, this thread in the embedded default."""
    from webinar.tasks import build_report, notify_registrants, send_registration_email

    if entry.topic == Topic.EMAIL:
        send_registration_email.delay(entry.registration_id, entry.kind, entry.occasion)
    elif entry.topic == Topic.FANOUT:
        notify_registrants.delay(entry.webinar_id, entry.kind, entry.occasion)
    else:
        build_report.delay(entry.webinar_id)


def outbox_sweep(*, now: datetime | None = None) -> OutboxSweep:
    """Queue again every open entry whose ``due_at`` passed; safe to run twice, from several processes
    at once and beside the on-commit tasks (each claim is an UPDATE conditional on the attempt count).

    A report entry whose report is built or failed (or gone) is settled without queueing anything.
    An entry that was queued ``DEWAN_OUTBOX_MAX_ATTEMPTS`` times is given up (``outcome`` ``gave_up``,
    logged as an error: the e-mail or the report needs a person). A failure to queue (broker down) or,
    in the embedded default, of the task itself is recorded in ``error`` and retried after the backoff.
    """
    now = now or timezone.now()
    result = OutboxSweep()
    max_attempts = int(settings.DEWAN_OUTBOX_MAX_ATTEMPTS)
    due = OutboxEntry.objects.filter(done_at=None, due_at__lte=now).order_by("due_at", "id")
    for entry in list(due[:500]):
        claimed = OutboxEntry.objects.filter(pk=entry.pk, done_at=None, attempts=entry.attempts)
        if entry.topic == Topic.REPORT:
            status = (
                Report.objects.filter(webinar_id=entry.webinar_id).values_list("status", flat=True).first()
            )
            if status is None or status in (Report.Status.DONE, Report.Status.FAILED):
                if claimed.update(done_at=now, outcome="superseded"):
                    result.settled.append(entry.pk)
                continue
        if entry.attempts >= max_attempts:
            if claimed.update(done_at=now, outcome="gave_up"):
                log.error(
                    "outbox: gave up on the %s %s of webinar %s (registration %s) after %s attempts: %s",
                    entry.topic, entry.kind, entry.webinar_id, entry.registration_id, entry.attempts,
                    entry.error or "no error recorded",
                )  # fmt: skip
                result.gave_up.append(entry.pk)
            continue
        if not claimed.update(attempts=F("attempts") + 1, due_at=now + _backoff(entry.attempts + 1)):
            continue  # another sweep claimed it first
        log.warning(
            "outbox: queueing the %s %s of webinar %s (registration %s) again, attempt %s",
            entry.topic, entry.kind, entry.webinar_id, entry.registration_id, entry.attempts + 1,
        )  # fmt: skip
        try:
            _dispatch(entry)
        except Exception as exc:  # the broker is down, or (eager) the send failed: the backoff retries
            log.warning("outbox: entry %s failed (%s: %s)", entry.pk, type(exc).__name__, exc)
            OutboxEntry.objects.filter(pk=entry.pk).update(error=f"{type(exc).__name__}: {exc}"[:2000])
            result.failed.append(entry.pk)
        else:
            result.queued.append(entry.pk)
    keep = timedelta(days=float(settings.DEWAN_OUTBOX_KEEP_DAYS))
    result.purged, _ = OutboxEntry.objects.filter(done_at__lt=now - keep).delete()
    return result


_sweeper = Sweeper("dewan-outbox-sweep", lambda: outbox_sweep(), lambda: settings.DEWAN_OUTBOX_SWEEP_SECONDS)


def outbox_sweeper_start() -> bool:
    """In the embedded default (tasks eager, no beat), sweep from this process: once now and every
    ``DEWAN_OUTBOX_SWEEP_SECONDS`` (0: never) on a daemon thread. Returns whether it started; with a
    broker, beat sweeps instead."""
    return _sweeper.start()


def outbox_sweeper_stop(timeout: float = 5.0) -> None:
    """Stop this process's sweeper thread (tests)."""
    _sweeper.stop(timeout)
