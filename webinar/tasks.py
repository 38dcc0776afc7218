"""Celery tasks: take ids, import services inside the body, safe to run twice, retried with back-off."""

from __future__ import annotations

from celery import shared_task


@shared_task(
    name="webinar.send_registration_email",
    autoretry_for=(ConnectionError, TimeoutError, OSError),
    retry_backoff=True,
    max_retries=5,
)
def send_registration_email(registration_id: int, kind: str, occasion: str | None = None) -> None:
    """Safe to run twice: the service records what it sent under the registration's row lock."""
    from webinar.services.notifications import registration_email_send

    registration_email_send(registration_id=registration_id, kind=kind, occasion=occasion)


@shared_task(name="webinar.notify_registrants")
def notify_registrants(webinar_id: int, kind: str, occasion: str | None = None) -> int:
    """Fan a schedule change or cancellation out to the registrants, one outbox entry and e-mail task
    each. Safe to run twice: the expansion owes each registrant once (``registrants_notify``)."""
    from webinar.services.notifications import registrants_notify

    return registrants_notify(webinar_id=webinar_id, kind=kind, occasion=occasion)


@shared_task(name="webinar.end_overdue_webinars")
def end_overdue_webinars() -> list[int]:
    from webinar.services.lifecycle import webinars_end_overdue

    return webinars_end_overdue()


@shared_task(
    name="webinar.build_report", bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5
)
def build_report(self, webinar_id: int) -> None:
    from webinar.services import summaries

    summaries.report_task_run(task=self, webinar_id=webinar_id)


@shared_task(name="webinar.sample_attendance", ignore_result=True)
def sample_attendance() -> None:
    """Every few seconds (beat): derive attendance sessions and the count timeline from presence.

    Safe to run twice or alongside the servers' in-process sampler: a per-webinar lock in the
    presence store lets one tick per interval write, and each tick is idempotent.
    """
    from webinar.services.attendance import attendance_sample_all

    attendance_sample_all()


@shared_task(name="webinar.purge_expired_personal_data")
def purge_expired_personal_data() -> int:
    from webinar.services.privacy import personal_data_purge_expired

    return personal_data_purge_expired()


@shared_task(name="webinar.check_question_second_stage", acks_late=True, reject_on_worker_lost=True)
def check_question_second_stage(question_id: int) -> str | None:
    """The second screening stage of one ``checking`` question (webinar/services/checking.py): publish
    it or hold it; a failure of the stage holds it for a host. Safe to run twice."""
    from webinar.services.checking import question_second_stage_check

    return question_second_stage_check(question_id=question_id)


@shared_task(name="webinar.sweep_checking_questions", ignore_result=True)
def sweep_checking_questions() -> None:
    """Every few seconds (beat): re-queue lost second-stage checks, hold for a host the questions that
    waited too long as ``checking`` (webinar/services/checking.py). Safe to run twice and beside the
    checks: each decision is an UPDATE conditional on the status."""
    from webinar.services.checking import questions_checking_sweep

    questions_checking_sweep()


@shared_task(name="webinar.sweep_outbox", ignore_result=True)
def sweep_outbox() -> None:
    """Every few seconds (beat): queue again the e-mails and report builds promised on commit and not done
    (webinar/services/outbox.py). Safe to run twice and beside the on-commit tasks: each claim is an
    UPDATE conditional on the attempt count, and the senders do their work once."""
    from webinar.services.outbox import outbox_sweep

    outbox_sweep()
