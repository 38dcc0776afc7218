"""The Celery app. Without REDIS_URL tasks run in-process (eager); with it, on a Redis broker."""

import os

from celery import Celery, Task
from celery.signals import worker_init

from realtime.redis_health import is_redis_timeout, redis_guarded

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")


class GuardedTask(Task):
    """Every task of the app: queueing one on a Redis broker goes through the Redis circuit breaker.

    Callers queue tasks on command and request paths (after commit: the second-stage check of an
    ``ask``, the report when a webinar ends, e-mails), on the process's one shared thread for sync
    work. Against a hung Redis, kombu's publish with Celery's default retry policy took 10.7 s (four
    2 s timeouts and reconnects). Now, while Redis is presumed down (realtime/redis_health.py), a
    publish raises ``RedisSuspended`` (a ``ConnectionError``) at once; otherwise it runs, and a timeout
    starts the pause. The callers already treat a failed publish as "not queued" (the outbox sweep
    queues it again; the second-stage check runs in the process). Eager tasks touch no broker.
    """

    def apply_async(self, *args, **options):
        # Merged by Celery over ``task_publish_retry_policy``: retries continue, except after a timeout.
        options["retry_policy"] = {
            "errback": publish_retry_stop_on_timeout,
            **(options.get("retry_policy") or {}),
        }

        def publish():
            return Task.apply_async(self, *args, **options)

        if self.app.conf.task_always_eager or not str(self.app.conf.broker_url or "").startswith("redis"):
            return publish()
        return redis_guarded("task queue", publish)


def publish_retry_stop_on_timeout(exc: BaseException, interval: float) -> None:
    """kombu's ``errback`` between publish retries: a timeout (a hung Redis) is raised, not retried.

    A refused or reset connection (Redis restarted) is still retried, as Celery's policy says; a timeout
    would only cost another timeout per retry.
    """
    if is_redis_timeout(exc):
        raise exc


app = Celery("dewan", task_cls=GuardedTask)
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
