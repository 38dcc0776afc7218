"""Helpers for the browser tests (the fixtures are in conftest.py)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

# Every wait in a browser test is bounded by this (milliseconds): a live update takes well under a second.
WAIT_MS = 15_000


def off_loop(function, /, *args, **kwargs):
    """Run ``function`` on a fresh thread and return its result.

    For service calls from a test body: on this thread Playwright's loop is running, so the services'
    after-commit broadcast (``async_to_sync``) would fail here; on another thread it reaches the
    channel layer (Redis in the services pass, so the servers hear it at once).
    """
    from django.db import connections

    def call():
        try:
            return function(*args, **kwargs)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call).result(timeout=30)


def wait_connected(page, timeout: float = WAIT_MS) -> None:
    page.wait_for_selector('#conn[data-state="open"]', timeout=timeout)


def question_asked(room, registration, text: str, key: str):
    """``registration`` asks ``text`` in ``room``'s webinar through the service (real screening); the
    stored question. In the conftest's ``room`` every question waits for the host."""
    from webinar.services.questions import question_submit

    return off_loop(
        lambda: (
            question_submit(
                webinar_id=room.webinar.pk, registration_id=registration.pk, client_key=key, text=text
            ).question
        )
    )
