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

A check can be lost (the process running it dies, a worker is killed before acknowledging it, the broker
is flushed): ``questions_checking_sweep`` bounds the wait (re-queue, then hold for a host), and every
decision is a conditional UPDATE on the status, so the task, its re-queued copies and the sweep decide a
question once between them.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone

from webinar.models import Question
from webinar.screening import messages, second_stage
from webinar.sweeper import Sweeper

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
    from webinar.screening.pipeline import HEAD_CATEGORY  # here: importing it compiles the rules

    en, ms = messages.render(code)
    category = "screening_unavailable" if code == "second_stage.unavailable" else code.split(".", 1)[1]
    return {"code": code, "category": HEAD_CATEGORY.get(category, category), "severity": 2, "start": None,
            "end": None, "matched": "", "message_en": en, "message_ms": ms}  # fmt: skip


def question_second_stage_check(*, question_id: int) -> str | None:
    """Check a ``checking`` question with the second stage and publish or hold it; safe to run twice.

    Returns the question's new status (``published``, ``care`` when the self_harm head fired, ``held``
    when another gated head fired or the second stage failed), or None when there was nothing to do (the
    question is gone, or no longer ``checking``: withdrawn, a host approved or rejected it, or the sweep
    decided it meanwhile). The verdict's ``second_stage`` records ``state`` (``done`` or ``failed``), the
    heads' probabilities, which fired, ``error`` and ``elapsed_ms``; a finding adds a reason
    (``second_stage.<head>``), a failure the reason ``second_stage.unavailable``. The author and the hosts
    get the usual events.
    """
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
    record = {
        "state": "failed" if error else "done",
        "version": result.get("version"),
        "scores": result["heads"],
        "fired": result["fired"],
        "error": error,
        "elapsed_ms": round((time.perf_counter() - started) * 1000, 3),
    }
    codes = ["second_stage.unavailable"] if error else [f"second_stage.{h}" for h in result["fired"]]
    if error:
        status = Status.HELD
    elif "self_harm" in result["fired"]:
        status = Status.CARE
    elif result["fired"]:
        status = Status.HELD
    else:
        status = Status.PUBLISHED
    return _checking_decide(question_id=question_id, record=record, codes=codes, status=status)


def _checking_decide(*, question_id: int, record: dict, codes: list[str], status: str) -> str | None:
    """Move a ``checking`` question to ``status`` once, whoever asks (the task, a re-queued copy of it,
    the sweep): the write is an UPDATE conditional on the status still being ``checking``, so of two
    deciders racing exactly one changes the row and sends the events; the other returns None.

    ``record`` is merged into the verdict's ``second_stage``; ``codes`` become reasons (and, with any,
    the verdict's action ``hold``).
    """
    from webinar.services.questions import emit_question_changed

    with transaction.atomic():
        question = (
            Question.objects.select_related("webinar").filter(pk=question_id, status=Status.CHECKING).first()
        )
        if question is None:
            return None
        verdict = dict(question.screening or {})
        verdict["second_stage"] = {**verdict.get("second_stage", {}), **record}
        reasons = [_reason(code) for code in codes]
        categories = [*question.screening_categories]
        if reasons:
            verdict["action"] = "hold"
            verdict["reasons"] = [*verdict.get("reasons", []), *reasons]
            categories += [r["category"] for r in reasons if r["category"] not in categories]
            verdict["categories"] = categories
        now = timezone.now()
        fields = {
            "status": status,
            "care": question.care or status == Status.CARE,
            "screening": verdict,
            "screening_action": "hold" if reasons else question.screening_action,
            "screening_categories": categories,
            "published_at": now if status == Status.PUBLISHED else question.published_at,
            "updated_at": now,
        }
        if not Question.objects.filter(pk=question_id, status=Status.CHECKING).update(**fields):
            return None  # another decider changed it between the read and this write
        for name, value in fields.items():
            setattr(question, name, value)
        ended = question.webinar.status == question.webinar.Status.ENDED
        emit_question_changed(question, was_public=False, ended=ended)
    return status


def _stage_available() -> bool:
    """Whether a re-queued check could run here: the stage is on and its plan can be read."""
    if not getattr(settings, "DEWAN_SECOND_STAGE", False):
        return False
    try:
        second_stage.plan_load(_plan_path())
    except second_stage.SecondStageUnavailable:
        return False
    return True


@dataclass(frozen=True)
class SweepResult:
    requeued: list[int]  # checks started again (their first one is presumed lost)
    held: list[int]  # decided by the sweep: held for a host (reason ``second_stage.unavailable``)


def questions_checking_sweep(*, now: datetime | None = None) -> SweepResult:
    """Bound the ``checking`` wait: no question stays ``checking`` for ever because its check was lost
    (the server process running it died, a worker was killed before acknowledging the task, the broker
    was flushed). Safe to run twice, from several processes at once, and beside the real checks.

    A question ``checking`` for ``DEWAN_CHECKING_REQUEUE_SECONDS`` has its check started again (at most
    once per that many seconds: ``second_stage.requeued_at``); one ``checking`` for
    ``DEWAN_CHECKING_GIVE_UP_SECONDS``, or any past the first bound while the second stage is off or its
    plan unreadable, is decided without it: held for a host with the reason ``second_stage.unavailable``
    (``second_stage.state`` ``expired``), exactly as a check that fails. Why held and not published on
    the first stage's word: a question reaches the second stage only because the first stage scored it
    just below a threshold (since round 13 a threat; self-harm before), so publishing it unchecked could put
    a likely threat, or a message from someone at risk, in front of everyone with no host having read it;
    held, a host reads it
    and can approve it with one action. docs/screening.md, "Second stage"; Celery beat runs this in the
    services deployment (``webinar.sweep_checking_questions``), each server process in the embedded
    default (``checking_sweeper_start``).
    """
    now = now or timezone.now()
    requeue_after = float(settings.DEWAN_CHECKING_REQUEUE_SECONDS)
    give_up_after = float(settings.DEWAN_CHECKING_GIVE_UP_SECONDS)
    waiting = Question.objects.filter(
        status=Status.CHECKING, created_at__lte=now - timedelta(seconds=requeue_after)
    ).values_list("pk", "created_at", "screening")
    available = _stage_available()
    result = SweepResult(requeued=[], held=[])
    for question_id, created_at, screening in waiting:
        waited = (now - created_at).total_seconds()
        if waited >= give_up_after or not available:
            record = {
                "state": "expired",
                "error": f"no second-stage result after {waited:.0f} s"
                if available
                else "the second stage is off or its plan unreadable",
            }
            held = _checking_decide(
                question_id=question_id, record=record, codes=["second_stage.unavailable"], status=Status.HELD
            )
            if held:
                log.warning("checking question %s held by the sweep: %s", question_id, record["error"])
                result.held.append(question_id)
            continue
        last = ((screening or {}).get("second_stage") or {}).get("requeued_at")
        if last and (now - datetime.fromisoformat(last)).total_seconds() < requeue_after:
            continue  # re-queued recently: give that copy its time
        marked = {**(screening or {})}
        marked["second_stage"] = {
            **(marked.get("second_stage") or {}),
            "requeued_at": now.isoformat(),
            "requeues": int((marked.get("second_stage") or {}).get("requeues", 0)) + 1,
        }
        with transaction.atomic():
            if Question.objects.filter(pk=question_id, status=Status.CHECKING).update(screening=marked):
                transaction.on_commit(partial(second_stage_dispatch, question_id))
                result.requeued.append(question_id)
    if result.requeued:
        log.warning("re-queued the second-stage checks of questions %s", result.requeued)
    return result


_sweeper = Sweeper(
    "dewan-checking-sweep", lambda: questions_checking_sweep(), lambda: settings.DEWAN_CHECKING_SWEEP_SECONDS
)


def checking_sweeper_start() -> bool:
    """In the embedded default (tasks eager, no beat), sweep from this process: once now (the checks a
    process that died before this one was running are lost) and every ``DEWAN_CHECKING_SWEEP_SECONDS``
    (0: never) on a daemon thread. Returns whether it started; with a broker, beat sweeps instead."""
    return _sweeper.start()


def checking_sweeper_stop(timeout: float = 5.0) -> None:
    """Stop this process's sweeper thread (tests)."""
    _sweeper.stop(timeout)
