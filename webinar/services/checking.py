"""The second screening stage, off the socket's path: which questions wait as ``checking``, and the check.

``question_submit`` stores a question the first stage publishes but whose score of a gated head lies in
that head's band (``second_stage_heads``) as ``checking`` (seen only by its author and the hosts) and,
after commit, hands it to ``second_stage_dispatch``. The Celery task ``webinar.check_question_second_stage``
runs ``question_second_stage_check``: the question is published, or held (a self-harm finding goes to the
care queue, as a first-stage one does), or, on any failure of the second stage, held for a host with the
reason ``second_stage.unavailable``; never published unchecked. docs/screening.md, "Second stage";
docs/protocol.md, "Asking".

In the embedded default (tasks eager, no broker) the task runs on one background thread of this process
(``_local``), so the asking socket never waits for the ~40 ms embedding; with a broker a worker runs it.
``settings.DEWAN_SECOND_STAGE`` (env ``DEWAN_SECOND_STAGE``, on by default; off in the test settings) turns
the stage off: every question is then decided by the first stage alone.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone

from webinar.models import Question
from webinar.screening import messages, second_stage
from webinar.screening.pipeline import HEAD_CATEGORY

log = logging.getLogger("dewan.checking")
Status = Question.Status


def _plan_path() -> Path:
    return Path(getattr(settings, "DEWAN_SECOND_STAGE_PLAN", "") or second_stage.DATA)


def second_stage_heads(verdict: dict, strictness: str) -> tuple[str, ...]:
    """The gated heads whose band the first-stage ``verdict`` (``Verdict.as_dict()``) lies in, at the
    webinar's ``strictness``; () when the stage is off, the verdict is not a publish, or no plan can be read
    (logged: the first stage then decides alone, as with the stage off)."""
    if not getattr(settings, "DEWAN_SECOND_STAGE", False) or verdict.get("action") != "publish":
        return ()
    try:
        plan = second_stage.plan_load(_plan_path())
    except second_stage.SecondStageUnavailable:
        log.exception("second-stage plan unreadable; the first stage decides alone")
        return ()
    if not plan.heads:
        return ()
    from webinar.screening import model

    return second_stage.second_stage_reaches(verdict, model.load().thresholds[strictness], plan)


_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()
_running: set[Future] = set()


def _local(question_id: int) -> None:
    """The task on this process's second-stage thread (the embedded default)."""
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dewan-second-stage")
        future = _executor.submit(_run_local, question_id)
        _running.add(future)
    future.add_done_callback(_running.discard)


def _run_local(question_id: int) -> None:
    from webinar.tasks import check_question_second_stage

    try:
        check_question_second_stage.apply(args=(question_id,), throw=True)
    except Exception:
        log.exception("second-stage check of question %s failed", question_id)
    finally:
        close_old_connections()


def second_stage_wait(timeout: float = 30.0) -> None:
    """Until every check this process started on its own thread has finished (tests, shutdown)."""
    deadline = time.monotonic() + timeout
    while _running and time.monotonic() < deadline:
        for future in list(_running):
            future.result(timeout=max(0.0, deadline - time.monotonic()))


def second_stage_dispatch(question_id: int) -> None:
    """Start the check of a ``checking`` question (call after commit): a worker's task with a broker (this
    process's second-stage thread when the broker cannot be reached), the thread in the embedded default
    (tasks eager)."""
    from webinar.celery import app
    from webinar.tasks import check_question_second_stage

    if app.conf.task_always_eager:
        _local(question_id)
        return
    try:
        check_question_second_stage.delay(question_id)
    except Exception:  # the broker is unreachable: check here rather than leave the question waiting
        log.exception(
            "could not queue the second-stage check of question %s; checking in process", question_id
        )
        _local(question_id)


def _reason(code: str) -> dict:
    en, ms = messages.render(code)
    category = "screening_unavailable" if code == "second_stage.unavailable" else code.split(".", 1)[1]
    return {"code": code, "category": HEAD_CATEGORY.get(category, category), "severity": 2, "start": None,
            "end": None, "matched": "", "message_en": en, "message_ms": ms}  # fmt: skip


def question_second_stage_check(*, question_id: int) -> str | None:
    """Check a ``checking`` question with the second stage and publish or hold it; safe to run twice.

    Returns the question's new status (``published``, ``care`` when the self_harm head fired, ``held``
    when another gated head fired or the second stage failed), or None when there was nothing to do (the
    question is gone, or no longer ``checking``: withdrawn, or a host approved or rejected it meanwhile).
    The verdict's ``second_stage`` records ``state`` (``done`` or ``failed``), the heads' probabilities,
    which fired, ``error`` and ``elapsed_ms``; a finding adds a reason (``second_stage.<head>``), a failure
    the reason ``second_stage.unavailable``. The author and the hosts get the usual events.
    """
    from webinar.services.questions import emit_question_changed

    question = Question.objects.filter(pk=question_id).first()
    if question is None or question.status != Status.CHECKING:
        return None
    heads = tuple((question.screening or {}).get("second_stage", {}).get("heads") or ())
    started = time.perf_counter()
    try:
        result = second_stage.second_stage_score(
            question.text, question.language, heads, second_stage.plan_load(_plan_path())
        )
        error = None
    except second_stage.SecondStageUnavailable as exc:
        log.exception("second stage failed; holding question %s for a host", question_id)
        result, error = {"heads": {}, "fired": []}, str(exc)
    elapsed_ms = round((time.perf_counter() - started) * 1000, 3)
    with transaction.atomic():
        question = (
            Question.objects.select_for_update().select_related("webinar").filter(pk=question_id).first()
        )
        if question is None or question.status != Status.CHECKING:
            return None
        verdict = dict(question.screening or {})
        verdict["second_stage"] = {
            **verdict.get("second_stage", {}),
            "state": "failed" if error else "done",
            "version": result.get("version"),
            "scores": result["heads"],
            "fired": result["fired"],
            "error": error,
            "elapsed_ms": elapsed_ms,
        }
        codes = ["second_stage.unavailable"] if error else [f"second_stage.{h}" for h in result["fired"]]
        reasons = [_reason(code) for code in codes]
        if reasons:
            verdict["action"] = "hold"
            verdict["reasons"] = [*verdict.get("reasons", []), *reasons]
            categories = [*question.screening_categories]
            categories += [r["category"] for r in reasons if r["category"] not in categories]
            verdict["categories"] = categories
            question.screening_categories = categories
            question.screening_action = "hold"
        question.screening = verdict
        if error:
            question.status = Status.HELD
        elif "self_harm" in result["fired"]:
            question.status = Status.CARE
            question.care = True
        elif result["fired"]:
            question.status = Status.HELD
        else:
            question.status = Status.PUBLISHED
            question.published_at = timezone.now()
        question.save()
        ended = question.webinar.status == question.webinar.Status.ENDED
        emit_question_changed(question, was_public=False, ended=ended)
    return question.status
