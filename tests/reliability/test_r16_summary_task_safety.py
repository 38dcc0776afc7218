"""R16: the report task is safe to run twice, retries with backoff, and is declared acks_late with
task_reject_on_worker_lost. The real worker killed by PID mid-build is
tests/reports/test_worker.py::test_report_completes_exactly_once_when_the_worker_is_killed_mid_build."""

from __future__ import annotations

import pytest

from tests.factories import make_webinar

pytestmark = pytest.mark.django_db


def test_r16_build_report_is_acks_late_and_rejected_on_worker_loss_so_a_killed_worker_redelivers():
    from webinar.tasks import build_report

    assert build_report.acks_late is True
    assert build_report.reject_on_worker_lost is True
    assert build_report.max_retries and build_report.max_retries >= 3


def test_r16_running_the_task_twice_builds_once(organiser, monkeypatch):
    from webinar.models import Report, Webinar
    from webinar.tasks import build_report

    computed = []
    real = __import__("webinar.services.summaries", fromlist=["report_compute"]).report_compute

    def counting(**kwargs):
        computed.append(1)
        return real(**kwargs)

    monkeypatch.setattr("webinar.services.summaries.report_compute", counting)
    monkeypatch.setattr("webinar.tasks.build_report.delay", lambda webinar_id: None)
    webinar = make_webinar(organiser=organiser, status=Webinar.Status.ENDED)
    Report.objects.get_or_create(webinar=webinar)

    build_report.apply(args=[webinar.pk])
    build_report.apply(args=[webinar.pk])

    assert Report.objects.get(webinar=webinar).status == Report.Status.DONE
    assert len(computed) == 1
