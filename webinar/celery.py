"""The Celery app. Without REDIS_URL tasks run in-process (eager); with it, on a Redis broker."""

import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")

app = Celery("dewan")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["webinar", "webinar.campaigns"])


@worker_init.connect
def _import_report_charts(**_kwargs) -> None:
    """Import the report's chart drawing (matplotlib: one to several seconds) when the worker starts.

    Forked pool processes inherit it, so no report pays the import; bench/summary.py measures a report
    the same way (charts imported before the timer, the import time printed apart).
    """
    import django

    django.setup()
    import webinar.reports.charts  # noqa: F401
