"""Small builders that go through the services, so test data obeys the same rules as real data."""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from accounts.services import user_create
from webinar.models import Registration, Webinar, WebinarRole
from webinar.services.lifecycle import webinar_create, webinar_transition
from webinar.services.registration import registration_create

PASSWORD = "correct-horse-battery-9"
_n = itertools.count(1)


def make_user(email: str | None = None, name: str = "", **extra) -> User:
    email = email or f"user{next(_n)}@example.com"
    return user_create(email=email, password=PASSWORD, display_name=name or email.split("@")[0], **extra)


def make_webinar(
    *, organiser: User | None = None, status: str = Webinar.Status.SCHEDULED, **fields
) -> Webinar:
    organiser = organiser or make_user()
    now = timezone.now()
    fields.setdefault("title", f"Webinar {next(_n)}")
    fields.setdefault("starts_at", now + timedelta(days=1))
    fields.setdefault("ends_at", now + timedelta(days=1, hours=2))
    webinar = webinar_create(organiser=organiser, **fields)
    path = {
        Webinar.Status.DRAFT: [],
        Webinar.Status.SCHEDULED: [Webinar.Status.SCHEDULED],
        Webinar.Status.LIVE: [Webinar.Status.SCHEDULED, Webinar.Status.LIVE],
        Webinar.Status.ENDED: [Webinar.Status.SCHEDULED, Webinar.Status.LIVE, Webinar.Status.ENDED],
    }[status]
    for step in path:
        webinar = webinar_transition(webinar=webinar, actor=organiser, to=step)
    return webinar


def make_live_webinar(**fields) -> Webinar:
    return make_webinar(status=Webinar.Status.LIVE, **fields)


def make_host(webinar: Webinar, user: User | None = None) -> User:
    user = user or make_user()
    WebinarRole.objects.create(webinar=webinar, user=user, role=WebinarRole.Role.HOST)
    return user


def make_registration(
    webinar: Webinar, name: str | None = None, email: str | None = None, **extra
) -> Registration:
    n = next(_n)
    return registration_create(
        webinar=webinar,
        name=name or f"Attendee {n}",
        email=email or f"attendee{n}@example.com",
        consent=True,
        **extra,
    )


def attendee_session(registration: Registration) -> str:
    """A session key like the one a join link leaves behind (for websocket and browser clients)."""
    from django.contrib.sessions.backends.db import SessionStore

    from webinar.selectors import browser_registration_remember

    session = SessionStore()
    browser_registration_remember(session=session, registration=registration)
    session.save()
    return session.session_key


def host_session(user: User) -> str:
    """A signed-in session key for ``user``."""
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.save()
    return session.session_key
