"""Set-up shared by the benchmarks: a migrated database with a live webinar and its viewers."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def live_webinar_with_viewers(
    env: dict, viewers: int, *, title: str, languages: tuple[str, ...] = ("en",)
) -> dict:
    """Migrate, then a live webinar with ``viewers`` confirmed registrations and a join-link session each.

    Registrations are bulk-created (the fast path); everything else goes through the services.
    Returns webinar_id, slug, organiser, registration ids and session keys (same order).
    """
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    os.environ.update(env)
    import django

    django.setup()
    from django.utils import timezone

    from accounts.services import user_create
    from tests.factories import attendee_session
    from webinar.models import Registration, Webinar
    from webinar.services.lifecycle import webinar_create, webinar_transition

    organiser = user_create(
        email=f"bench{random.randrange(10**9)}@example.com",
        password=os.urandom(12).hex(),  # nobody signs in as the bench organiser
    )
    now = timezone.now()
    webinar = webinar_create(
        organiser=organiser, title=title, starts_at=now, ends_at=now + timezone.timedelta(hours=2)
    )
    for status in (Webinar.Status.SCHEDULED, Webinar.Status.LIVE):
        webinar = webinar_transition(webinar=webinar, actor=organiser, to=status)
    registrations = Registration.objects.bulk_create(
        [
            Registration(
                webinar=webinar,
                name=f"Viewer {n}",
                email=f"viewer{n}@example.com",
                language=random.choice(languages),
                consent_given_at=now,
                status=Registration.Status.CONFIRMED,
                join_secret=f"{n:032d}",
            )
            for n in range(viewers)
        ]
    )
    return {
        "webinar_id": webinar.pk,
        "slug": webinar.slug,
        "organiser": organiser,
        "registrations": [r.pk for r in registrations],
        "keys": [attendee_session(r) for r in registrations],
    }


def pin(pid: int, cpus: set[int]) -> bool:
    """Pin every thread of process ``pid`` to ``cpus`` (``taskset -a -p``); False where not allowed
    (fewer CPUs than asked, or no permission). Threads started later inherit their creator's set."""
    if not cpus or max(cpus) >= (os.cpu_count() or 1):
        return False
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                os.sched_setaffinity(int(task.name), cpus)
            except ProcessLookupError:
                continue  # that thread ended meanwhile (a pool's short-lived thread)
    except OSError:
        return False
    return True
