"""The organiser's post-event report: built by the ``build_report`` task, safe to run twice (RELIABILITY R16).

The ``Report`` row is a status machine changed only under its row lock:
pending → running → done | failed, and failed → pending again through ``report_request`` (the retry button).

* A run claims the report (pending → running, ``attempts`` + 1). A second run finds it running or done and
  does nothing, unless it carries the *same* Celery task id: Celery hands a message out again only after the
  worker executing it died (``acks_late`` + ``task_reject_on_worker_lost``) or when we asked for a retry, so
  that run takes over. A run whose lease went stale (no progress for ``DEWAN_REPORT_LEASE_SECONDS``) is also
  taken over, so a lost message cannot leave a report "being generated" forever.
* Each claim gets its attempt number; progress and the final write only land while the attempt is still the
  current one, so a superseded run can never overwrite a newer one.
* The "ready" e-mail is sent under the row lock and recorded (``data["notified_at"]`` plus an audit row) in
  the same transaction, after the report is done: a rerun sees it recorded and does not send again.
* Transient errors (database connection, network) are retried with exponential back-off; anything else, or
  running out of retries, marks the report failed with a readable error.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import InterfaceError, OperationalError, connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from realtime.protocol import ErrorCode
from webinar import selectors
from webinar.exceptions import InvalidState, PermissionDenied
from webinar.models import Question, Report, Webinar
from webinar.services.audit import audit_record
from webinar.services.notifications import email_subject
from webinar.services.outbox import report_done, report_promise

log = logging.getLogger("dewan.reports")
Status = Report.Status
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
MAX_BACKOFF_SECONDS = 300


class Superseded(Exception):
    """Another attempt took the report over; this one stops quietly."""


def _knob(name: str, default: float) -> float:
    """Read at call time (never at import), from settings first, then the environment."""
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, default)
    return float(value or 0)


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


# --- the build -------------------------------------------------------------------------------------


def report_compute(*, webinar: Webinar, on_stage=None) -> tuple[dict, dict[str, str]]:
    """All figures, themes, the written summary and the charts, computed from the database."""
    from webinar.reports import charts, queries, text

    def stage(name: str, progress: int) -> None:
        if on_stage is not None:
            on_stage(name, progress)
        delay = _knob("DEWAN_REPORT_TEST_DELAY", 0)
        if delay:
            time.sleep(delay)  # only tests set this, to kill a worker mid-build

    def themes_found() -> dict:
        report_phrases_refresh(webinar=webinar)
        return queries.theme_figures(webinar=webinar)

    svgs: dict[str, str] = {}

    def attendance_drawn(attendance: dict) -> None:  # while the other connection counts the questions
        part = {"attendance": _jsonable(attendance)}
        svgs.update(charts.report_svgs(part, tz=webinar.timezone, names=charts.ATTENDANCE_CHARTS))

    attendance, question_figures, found = _figures_read(
        [
            (
                gettext_noop("Counting attendance"),
                10,
                lambda: queries.attendance_figures(webinar=webinar),
                attendance_drawn,
            ),
            (gettext_noop("Counting questions"), 35, lambda: queries.question_figures(webinar=webinar), None),
            (gettext_noop("Finding themes"), 55, themes_found, None),
        ],
        stage,
    )
    data = _jsonable(
        {
            "webinar": {
                "id": webinar.pk,
                "title": webinar.title,
                "slug": webinar.slug,
                "starts_at": webinar.starts_at,
                "ended_at": webinar.ended_at,
                "timezone": webinar.timezone,
            },
            "attendance": attendance,
            "questions": question_figures,
            "themes": found,
        }
    )
    stage(gettext_noop("Writing the summary"), 70)
    data["summary"] = text.summary_build(data, tz=webinar.timezone)
    stage(gettext_noop("Drawing charts"), 85)
    rest = tuple(name for name in charts.REPORT_CHARTS if name not in charts.ATTENDANCE_CHARTS)
    svgs.update(charts.report_svgs(data, tz=webinar.timezone, names=rest))
    data["generated_at"] = timezone.now().isoformat()
    return data, svgs


REPORT_READERS = 2  # database connections reading a report's figures at once (PostgreSQL)


Read = tuple[str, int, Callable[[], dict], Callable[[dict], None] | None]


def _figures_read(parts: list[Read], stage) -> list[dict]:
    """Each ``(stage name, progress, read, then)`` in turn, announcing its stage; the reads' results in
    order. ``then`` (or None) gets a read's result in this thread as soon as it is there.

    On PostgreSQL, outside a transaction, the reads run at once on ``REPORT_READERS`` connections of
    their own (the attendance pass on one, questions then themes on the other), so the database uses
    both cores, and ``then`` runs while later reads are still counting; the stages are still announced
    in order. Inside a transaction (tests, or a caller's atomic block) other connections would not see
    its rows, so they run one after another here.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        results = []
        for name, progress, read, then in parts:
            stage(name, progress)
            results.append(read())
            if then is not None:
                then(results[-1])
        return results
    with ThreadPoolExecutor(max_workers=REPORT_READERS, thread_name_prefix="report-read") as pool:
        futures = [pool.submit(_on_own_connection, read) for _, _, read, _ in parts]
        results = []
        for (name, progress, _read, then), future in zip(parts, futures, strict=True):
            stage(name, progress)
            results.append(future.result())
            if then is not None:
                then(results[-1])
        return results


def _on_own_connection(read: Callable[[], dict]) -> dict:
    try:
        return read()
    finally:
        connection.close()  # this thread's own connection: none is left open by the pool


PHRASES_REFRESH_CHUNK = 2000


def report_phrases_refresh(*, webinar: Webinar) -> int:
    """Store the theme phrases of published questions that have none, or phrases of an older tokeniser.

    ``Question.save`` stores them with every text change; this catches rows written without ``save``
    (bulk loads, data from before the column) and, after the lexicon or stop words change, recomputes them
    once. Chunks of ``PHRASES_REFRESH_CHUNK`` rows, each locked while computed so a concurrent edit is
    never overwritten with the phrases of the text before it. Returns the number of questions updated.
    """
    from webinar.reports.themes import phrases_version, question_phrases

    version = phrases_version()
    stale = Question.objects.filter(webinar=webinar, status=Question.Status.PUBLISHED).exclude(
        theme_phrases_version=version
    )
    # One plain UPDATE per row, sent as a batch (bulk_update's CASE over 2,000 ids is quadratic).
    jsonb = "::jsonb" if connection.vendor == "postgresql" else ""
    table = Question._meta.db_table
    update = f"UPDATE {table} SET theme_phrases = %s{jsonb}, theme_phrases_version = %s WHERE id = %s"  # noqa: S608  # nosec B608
    updated = 0
    while True:
        with transaction.atomic():
            batch = list(
                stale.select_for_update().order_by("id").values_list("id", "text")[:PHRASES_REFRESH_CHUNK]
            )
            if not batch:
                return updated
            rows = [(json.dumps(question_phrases(text)), version, pk) for pk, text in batch]
            with connection.cursor() as cursor:
                cursor.executemany(update, rows)
        updated += len(batch)


# --- the status machine ------------------------------------------------------------------------------


def _report_claim(*, webinar_id: int, task_id: str) -> tuple[int, int] | None:
    """pending → running under the row lock; ``(report id, attempt)`` or None when there is nothing to do."""
    lease = timedelta(seconds=_knob("DEWAN_REPORT_LEASE_SECONDS", 900))
    with transaction.atomic():
        if not Webinar.objects.filter(pk=webinar_id).exists():
            return None
        Report.objects.get_or_create(webinar_id=webinar_id)
        report = Report.objects.select_for_update().get(webinar_id=webinar_id)
        now = timezone.now()
        if report.status in (Status.DONE, Status.FAILED):
            return None
        if report.status == Status.RUNNING:
            redelivered = bool(task_id) and report.task_id == task_id
            abandoned = report.updated_at < now - lease
            if not (redelivered or abandoned):
                return None
            log.warning("report %s: taking over attempt %s (task %s)", report.pk, report.attempts, task_id)
        report.status = Status.RUNNING
        report.attempts += 1
        report.task_id = task_id[:64]
        report.progress = 0
        report.stage = gettext_noop("Starting")
        report.error = ""
        report.started_at = now
        report.finished_at = None
        report.save()
        return report.pk, report.attempts


def _report_progress(report_id: int, attempt: int, stage: str, progress: int) -> None:
    updated = Report.objects.filter(pk=report_id, status=Status.RUNNING, attempts=attempt).update(
        stage=stage, progress=progress, updated_at=timezone.now()
    )
    if not updated:
        raise Superseded


def _report_finish(*, report_id: int, attempt: int, data: dict, charts: dict) -> bool:
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report_id)
        if report.status != Status.RUNNING or report.attempts != attempt:
            return False
        report.status = Status.DONE
        report.data = data
        report.charts = charts
        report.progress = 100
        report.stage = gettext_noop("Ready")
        report.error = ""
        report.finished_at = timezone.now()
        report.save()
        report_done(webinar_id=report.webinar_id)
    return True


def _report_fail(*, report_id: int, attempt: int, error: str) -> None:
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report_id)
        if report.status != Status.RUNNING or report.attempts != attempt:
            return
        report.status = Status.FAILED
        report.error = error[:2000]
        report.stage = gettext_noop("Failed")
        report.finished_at = timezone.now()
        report.save()
        report_done(webinar_id=report.webinar_id, outcome="failed")


def report_notify(*, webinar_id: int) -> bool:
    """E-mail the organiser that the report is ready, once: recorded under the row lock with the send."""
    with transaction.atomic():
        report = (
            Report.objects.select_for_update()
            .select_related("webinar__organiser")
            .filter(webinar_id=webinar_id)
            .first()
        )
        if report is None or report.status != Status.DONE or report.data.get("notified_at"):
            return False
        webinar = report.webinar
        organiser = webinar.organiser
        context = {
            "webinar": webinar,
            "organiser": organiser,
            "report": report,
            "url": settings.SITE_URL + reverse("webinar:report", args=[webinar.slug]),
        }
        with translation.override(getattr(organiser, "language", "") or settings.LANGUAGE_CODE):
            subject = email_subject("webinar/email/report_ready_subject.txt", context)
            body = render_to_string("webinar/email/report_ready.txt", context)
        # Sent inside the transaction: if sending fails nothing is recorded and the retry sends it.
        EmailMessage(subject=subject, body=body, to=[organiser.email]).send()
        report.data = {**report.data, "notified_at": timezone.now().isoformat()}
        report.save(update_fields=["data", "updated_at"])
        audit_record(webinar=webinar, actor=None, action="report.emailed", target=report)
    return True


def _backoff(retries: int) -> int:
    return min(MAX_BACKOFF_SECONDS, 10 * 2**retries)


def report_task_run(*, task, webinar_id: int) -> None:
    """The body of ``webinar.build_report``: claim, build, store, notify; see the module docstring."""
    request = task.request
    task_id = getattr(request, "id", None) or ""
    retries = getattr(request, "retries", 0) or 0
    try:
        claim = _report_claim(webinar_id=webinar_id, task_id=task_id)
        if claim is None:
            report_notify(webinar_id=webinar_id)  # a run that died between "done" and the e-mail
            return
        report_id, attempt = claim
        webinar = Webinar.objects.get(pk=webinar_id)
        try:
            data, svgs = report_compute(
                webinar=webinar,
                on_stage=lambda stage, progress: _report_progress(report_id, attempt, stage, progress),
            )
        except Superseded:
            log.info("report %s attempt %s superseded", report_id, attempt)
            return
        except TRANSIENT_ERRORS:
            raise
        except Exception as exc:
            log.exception("report %s failed", report_id)
            _report_fail(report_id=report_id, attempt=attempt, error=f"{type(exc).__name__}: {exc}")
            return
        if _report_finish(report_id=report_id, attempt=attempt, data=data, charts=svgs):
            report_notify(webinar_id=webinar_id)
    except TRANSIENT_ERRORS as exc:
        if retries >= (task.max_retries or 0):
            log.exception("report for webinar %s: giving up after %s retries", webinar_id, retries)
            report = Report.objects.filter(webinar_id=webinar_id, status=Status.RUNNING).first()
            if report is not None:
                _report_fail(
                    report_id=report.pk,
                    attempt=report.attempts,
                    error=f"{type(exc).__name__}: {exc} (after {retries} retries)",
                )
            return
        Report.objects.filter(webinar_id=webinar_id, status=Status.RUNNING).update(
            stage=gettext_noop("Temporary error, retrying"), updated_at=timezone.now()
        )
        raise task.retry(exc=exc, countdown=_backoff(retries)) from exc


# --- the retry button ----------------------------------------------------------------------------------


def report_request(*, webinar: Webinar, actor) -> Report:
    """Queue a (re)build of a missing, queued or failed report of an ended webinar, on commit."""
    if not selectors.can_organise(user=actor, webinar=webinar):
        raise PermissionDenied(_("Only this webinar's organisers can do that."), code=ErrorCode.FORBIDDEN)
    if webinar.status != Webinar.Status.ENDED:
        raise InvalidState(_("The report is built once the webinar has ended."), code=ErrorCode.NOT_ENDED)
    with transaction.atomic():
        Report.objects.get_or_create(webinar=webinar)
        report = Report.objects.select_for_update().get(webinar=webinar)
        if report.status in (Status.RUNNING, Status.DONE):
            raise InvalidState(
                _("The report is already being generated or ready."), code=ErrorCode.REPORT_BUSY
            )
        before = {"status": report.status, "attempts": report.attempts}
        report.status = Status.PENDING
        report.progress = 0
        report.stage = gettext_noop("Queued")
        report.error = ""
        report.task_id = ""
        report.save()
        audit_record(
            webinar=webinar, actor=actor, action="report.request", target=report, before=before, after={}
        )
        report_enqueue(webinar_id=webinar.pk)
    return report


def report_enqueue(*, webinar_id: int) -> None:
    """Queue the ``webinar.build_report`` task for ``webinar_id`` once the current transaction commits.

    The one place the task is enqueued: ending a webinar, the organiser's retry and an attendee's data
    deletion all come here. Outside a transaction it is queued at once. Raises nothing itself.
    The build is also owed in the outbox (webinar/services/outbox.py), written in the current
    transaction and stamped done when the report is built or fails, so a process that dies before
    queueing it, or a broker that loses the task, delays the report until the outbox sweep instead of
    leaving it pending until someone asks again.
    """
    from webinar.tasks import build_report

    report_promise(webinar_id=webinar_id)

    def enqueue() -> None:
        # A broker that is down or hung (refused at once while Redis is presumed down, webinar/celery.py)
        # must not fail the change that committed (ending the webinar): the outbox sweep queues it.
        try:
            build_report.delay(webinar_id)
        except Exception:
            log.error("could not enqueue the report of webinar %s", webinar_id, exc_info=True)

    transaction.on_commit(enqueue)


def report_charts_for(*, report: Report, language: str) -> dict[str, str]:
    """The report's charts for a reader of ``language``: ``{name: svg}``.

    Drawn in that language (from the stored figures) the first time it is asked for, and stored with
    the report, so each language is drawn once. ``language`` must be one of the site's languages.
    """
    from webinar.reports import charts

    if report.status == Report.Status.DONE and charts.charts_missing(report.charts, language):
        drawn = charts.report_svgs(report.data, tz=report.data["webinar"]["timezone"], language=language)
        with transaction.atomic():
            locked = Report.objects.select_for_update().get(pk=report.pk)
            locked.charts = {**locked.charts, **drawn}
            locked.save(update_fields=["charts", "updated_at"])
        report.charts = locked.charts
    return charts.charts_for_language(report.charts, language)


def report_for(*, webinar: Webinar) -> Report | None:
    return Report.objects.filter(webinar=webinar).first()
