"""R17, continued: work queued on commit survives the process dying between the commit and the queueing.

The change that needs an e-mail or a report rebuild writes an outbox entry in its own transaction; the
sender stamps it done; the outbox sweep queues again what is overdue, at most
``DEWAN_OUTBOX_MAX_ATTEMPTS`` times with a doubling backoff, and sends an e-mail once even when it races
the on-commit task (webinar/services/outbox.py, docs/reliability.md "Work promised on commit").
The dying step is real: a child process commits and is killed by SIGKILL before its on-commit hooks run.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone

from tests.factories import make_live_webinar, make_registration, make_user, make_webinar
from tests.servers import server_env, shared_database_url
from webinar.models import OutboxEntry, Registration, Report
from webinar.services import notifications
from webinar.services.outbox import OutboxSweep, outbox_sweep
from webinar.tasks import send_registration_email

pytestmark = pytest.mark.django_db(transaction=True)

SECRET_TEXT = "Zebra-crossing question from Aisyah about the Kuantan bypass?"


def later(seconds: float):
    return timezone.now() + timedelta(seconds=seconds)


def child_until(tmp_path: Path, last: str, *args: str) -> tuple[list[str], int | None]:
    """Run ``outbox_child.py`` with ``args`` until it prints the line ``last``, then SIGKILL it; the
    lines it printed before that, and its return code."""
    env = server_env(port=0, database_url=shared_database_url(), redis_url="")
    log = tmp_path / "child.log"
    lines: list[str] = []
    with log.open("w") as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.outbox_child", *args],
            cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=err, text=True,
        )  # fmt: skip
        try:
            while (line := child.stdout.readline().strip()) != last:  # "" once the child died
                assert line and line != "finished", f"{lines} {log.read_text()[-3000:]}"
                lines.append(line)
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(10)
            child.stdout.close()
    return lines, child.returncode


def die_after_commit(tmp_path: Path, *args: str) -> int | None:
    """Run ``outbox_child.py`` with ``args``, SIGKILL it once it committed; its return code."""
    lines, returncode = child_until(tmp_path, "committed", *args)
    assert lines == []
    return returncode


def test_r17_a_confirmation_lost_with_the_process_is_sent_once_by_the_sweep(tmp_path):
    webinar = make_webinar()
    assert die_after_commit(tmp_path, "register", str(webinar.pk), "siti@example.com") == -signal.SIGKILL

    registration = Registration.objects.get(webinar=webinar, email="siti@example.com")
    assert registration.status == Registration.Status.CONFIRMED and registration.emails_sent == {}
    entry = OutboxEntry.objects.get(registration=registration)
    assert (entry.kind, entry.occasion, entry.done_at) == (
        "confirmation",
        registration.status_changed_at.isoformat(),
        None,
    )

    assert outbox_sweep() == OutboxSweep()  # within the grace the on-commit task may still be coming
    assert mail.outbox == []
    swept = outbox_sweep(now=later(settings.DEWAN_OUTBOX_GRACE_SECONDS + 1))
    assert swept.queued == [entry.pk]
    [message] = mail.outbox
    assert message.to == ["siti@example.com"]
    signed_join_link = notifications.join_url(registration).rsplit(":", 2)[0]  # less its time stamp
    assert signed_join_link in message.body
    assert [name for name, _content, _type in message.attachments] == [f"{webinar.slug}.ics"]
    entry.refresh_from_db()
    assert (entry.outcome, entry.attempts) == ("sent", 1) and entry.done_at is not None

    assert outbox_sweep(now=later(24 * 3600)).queued == []  # done: never again
    assert len(mail.outbox) == 1


@pytest.mark.slow
def test_r17_a_report_rebuild_lost_with_the_deleting_process_is_built_by_the_sweep(tmp_path, monkeypatch):
    from webinar.models import Webinar
    from webinar.services.lifecycle import webinar_transition
    from webinar.services.questions import question_submit

    monkeypatch.setattr(settings, "DEWAN_SCREENING_BACKEND", "webinar.screening.backends.FixedVerdictBackend")
    monkeypatch.setattr(settings, "DEWAN_SCREENING_FIXED_VERDICT", {"action": "publish", "language": "en"})
    organiser = make_user(name="Organiser")
    webinar = make_live_webinar(organiser=organiser)
    aisyah = make_registration(webinar, "Aisyah Binti Tester", "aisyah@example.com")
    question_submit(webinar_id=webinar.pk, registration_id=aisyah.pk, client_key="q", text=SECRET_TEXT)
    webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.ENDED)  # builds it on commit
    report = Report.objects.get(webinar=webinar)
    assert report.status == Report.Status.DONE and SECRET_TEXT in str(report.data)

    assert die_after_commit(tmp_path, "delete", str(aisyah.pk)) == -signal.SIGKILL
    report.refresh_from_db()
    assert (report.status, report.data) == (Report.Status.PENDING, {})  # wiped, and nobody queued the build
    [entry] = OutboxEntry.objects.filter(topic=OutboxEntry.Topic.REPORT, done_at=None)

    swept = outbox_sweep(now=later(settings.DEWAN_OUTBOX_GRACE_SECONDS + 1))
    assert swept.queued == [entry.pk]
    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert SECRET_TEXT not in str(report.data) and "Aisyah Binti Tester" not in str(report.data)
    entry.refresh_from_db()
    assert entry.outcome == "built"


def _waiting_on_a_row_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def test_r17_a_sweep_racing_the_on_commit_task_sends_one_email(monkeypatch):
    if connection.vendor == "sqlite":
        pytest.skip("row locks need PostgreSQL (the services pass)")
    queued = []  # the broker accepted the on-commit task; a worker picks it up below
    monkeypatch.setattr(send_registration_email, "delay", lambda *args: queued.append(args))
    registration = make_registration(make_webinar(), email="ben@example.com")
    monkeypatch.undo()
    [task_args] = queued

    in_flight, release = threading.Event(), threading.Event()
    real_send = notifications._send

    def slow_send(registration, kind):  # the real send, held open while the sweep arrives
        in_flight.set()
        assert release.wait(30)
        real_send(registration, kind)

    monkeypatch.setattr(notifications, "_send", slow_send)
    results = {}

    def run(name, work):
        try:
            results[name] = work()
        finally:
            connection.close()

    task = threading.Thread(target=run, args=("task", lambda: send_registration_email.apply(args=task_args)))
    sweep = threading.Thread(
        target=run, args=("sweep", lambda: outbox_sweep(now=later(settings.DEWAN_OUTBOX_GRACE_SECONDS + 1)))
    )
    task.start()
    assert in_flight.wait(10)
    sweep.start()
    deadline = time.monotonic() + 10
    while not _waiting_on_a_row_lock():  # the sweep's copy waits for the task's row lock
        assert time.monotonic() < deadline and sweep.is_alive()
        time.sleep(0.02)
    release.set()
    task.join(30)
    sweep.join(30)

    assert results["task"].successful()
    assert results["sweep"].queued == [OutboxEntry.objects.get(registration=registration).pk]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ben@example.com"]
    entry = OutboxEntry.objects.get(registration=registration)
    assert (entry.outcome, entry.attempts) == ("sent", 1)


def test_r17_two_sweeps_at_once_queue_an_entry_once(monkeypatch):
    if connection.vendor == "sqlite":
        pytest.skip("row locks need PostgreSQL (the services pass)")
    monkeypatch.setattr(send_registration_email, "delay", lambda *args: None)  # the broker loses it
    registration = make_registration(make_webinar())
    monkeypatch.undo()
    barrier, results = threading.Barrier(2), []
    now = later(settings.DEWAN_OUTBOX_GRACE_SECONDS + 1)

    def run():
        barrier.wait()
        try:
            results.append(outbox_sweep(now=now))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(len(result.queued) for result in results) == [0, 1]
    assert len(mail.outbox) == 1
    assert OutboxEntry.objects.get(registration=registration).attempts == 1


@contextmanager
def closed_port():
    """A local port nothing listens on: an SMTP server that is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def test_r17_an_email_that_keeps_failing_is_retried_with_backoff_then_given_up_and_logged(
    monkeypatch, caplog
):
    monkeypatch.setattr(send_registration_email, "delay", lambda *args: None)  # the broker loses it
    registration = make_registration(make_webinar())
    monkeypatch.undo()
    grace, attempts = settings.DEWAN_OUTBOX_GRACE_SECONDS, settings.DEWAN_OUTBOX_MAX_ATTEMPTS
    with closed_port() as port:
        monkeypatch.setattr(settings, "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
        monkeypatch.setattr(settings, "EMAIL_HOST", "127.0.0.1")
        monkeypatch.setattr(settings, "EMAIL_PORT", port)
        monkeypatch.setattr(send_registration_email, "max_retries", 0)  # the sweep's bound, not the task's
        entry = OutboxEntry.objects.get(registration=registration)
        now = entry.due_at
        for attempt in range(1, attempts + 1):
            swept = outbox_sweep(now=now)
            assert swept.failed == [entry.pk], attempt
            entry.refresh_from_db()
            assert entry.attempts == attempt and "Connection" in entry.error
            assert entry.due_at == now + timedelta(seconds=min(3600, grace * 2**attempt))  # doubling
            assert outbox_sweep(now=entry.due_at - timedelta(seconds=1)) == OutboxSweep()  # not before
            now = entry.due_at
        with caplog.at_level(logging.ERROR, logger="dewan.outbox"):
            assert outbox_sweep(now=now).gave_up == [entry.pk]
    entry.refresh_from_db()
    assert entry.outcome == "gave_up" and entry.done_at is not None
    assert f"registration {registration.pk}" in caplog.text and "gave up" in caplog.text
    assert mail.outbox == []


def test_r17_a_status_email_whose_status_changed_since_is_settled_without_sending(monkeypatch):
    monkeypatch.setattr(send_registration_email, "delay", lambda *args: None)  # the broker loses them
    webinar = make_webinar()
    registration = make_registration(webinar, email="dina@example.com")
    from webinar.services.registration import registration_cancel

    registration_cancel(registration=registration)
    monkeypatch.undo()
    outbox_sweep(now=later(settings.DEWAN_OUTBOX_GRACE_SECONDS + 1))
    outcomes = dict(OutboxEntry.objects.filter(registration=registration).values_list("kind", "outcome"))
    assert outcomes == {"confirmation": "superseded", "cancelled": "sent"}
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Registration cancelled"]


def test_r17_a_rolled_back_change_owes_nothing():
    webinar = make_webinar()
    with pytest.raises(RuntimeError), transaction.atomic():
        make_registration(webinar, email="eve@example.com")
        raise RuntimeError("rolled back")
    assert not OutboxEntry.objects.exists()
