"""Where a test's Celery tasks run: in the test process at once (the embedded default) or to the broker."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def tasks_eager(eager: bool = True) -> Iterator[None]:
    """Tasks run in this process when they are queued (``eager``), or go to the broker and wait for a
    worker (``eager=False``); the previous mode comes back afterwards."""
    from webinar.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = eager
    try:
        yield
    finally:
        app.conf.task_always_eager = before
