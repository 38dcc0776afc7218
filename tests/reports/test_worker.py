"""A real Celery worker against Redis and PostgreSQL, killed by PID mid-build (RELIABILITY R16)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.reports.conftest import build_sample_webinar
from webinar.models import AuditEntry, Report
from webinar.services import summaries
from webinar.tasks import build_report


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def _wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _report(webinar_id: int) -> Report | None:
    return Report.objects.filter(webinar_id=webinar_id).first()


@pytest.mark.slow
@pytest.mark.real_celery_worker
@pytest.mark.needs_postgres
@pytest.mark.needs_redis
@pytest.mark.django_db(transaction=True)
def test_report_completes_exactly_once_when_the_worker_is_killed_mid_build(monkeypatch, tmp_path):
    # The test enqueues on a queue of its own, which only its worker consumes.
    monkeypatch.setattr(summaries, "report_enqueue", lambda webinar_id: None)
    webinar, _ = build_sample_webinar()
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    queue = f"dewan-report-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{auth}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": os.environ["REDIS_URL"],
        "CELERY_VISIBILITY_TIMEOUT": "3",
        "DEWAN_REPORT_TEST_DELAY": "1.5",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "webinar",
        "worker",
        "--pool=prefork",
        "-c",
        "1",
        "-Q",
        queue,
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "--loglevel=info",
    ]
    logs = [tmp_path / "worker1.log", tmp_path / "worker2.log"]

    def start(log: Path) -> subprocess.Popen:
        return subprocess.Popen(
            command, env=env, cwd=settings.BASE_DIR, stdout=log.open("w"), stderr=subprocess.STDOUT
        )

    first = start(logs[0])
    second = None
    try:
        build_report.apply_async(args=[webinar.pk], queue=queue)
        _wait_for(
            lambda: (r := _report(webinar.pk)) and r.status == Report.Status.RUNNING and r.progress >= 10,
            60,
            "the first worker to start building",
        )
        for child in _children(first.pid):
            os.kill(child, signal.SIGKILL)  # the pool child executing the task
        os.kill(first.pid, signal.SIGKILL)
        first.wait(10)
        assert _report(webinar.pk).status == Report.Status.RUNNING

        second = start(logs[1])
        report = _wait_for(
            lambda: (r := _report(webinar.pk)) and r.status == Report.Status.DONE and r,
            120,
            "the report to complete on the second worker",
        )
        time.sleep(4)  # any duplicate delivery would have run by now
        report.refresh_from_db()
        assert report.status == Report.Status.DONE
        assert report.attempts == 2
        assert report.data["notified_at"]
        assert AuditEntry.objects.filter(webinar=webinar, action="report.emailed").count() == 1
    except AssertionError:
        for log in logs:
            if log.exists():
                print(log.read_text()[-4000:])
        raise
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    for child in _children(process.pid):
                        os.kill(child, signal.SIGKILL)
                    process.kill()
                    process.wait(5)
