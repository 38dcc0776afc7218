"""The Celery app. Without REDIS_URL tasks run in-process (eager); with it, on a Redis broker."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")

app = Celery("dewan")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["webinar", "webinar.campaigns"])
