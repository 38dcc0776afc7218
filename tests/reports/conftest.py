"""A small hand-made ended webinar whose report figures are known exactly."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.factories import make_host, make_registration, make_user, make_webinar
from webinar.models import AttendanceSample, AttendanceSession, AuditEntry, Question, Registration, Webinar
from webinar.services.attendance import attendance_rollups_refresh
from webinar.services.lifecycle import webinar_transition

KL = ZoneInfo("Asia/Kuala_Lumpur")
SECRET_TEXTS = ("SECRET-HELD-TEXT", "SECRET-REJECTED-TEXT", "SECRET-BLOCKED-TEXT")


def at(minute: int, second: int = 0) -> datetime:
    """10:00 + minutes, Kuala Lumpur time, on a fixed day."""
    return datetime(2025, 3, 4, 10, 0, tzinfo=KL) + timedelta(minutes=minute, seconds=second)


def _session(webinar, viewer, start, end, *, registration=None, language="en", left=True):
    return AttendanceSession(
        webinar=webinar,
        registration=registration,
        viewer_key=viewer,
        language=language,
        joined_at=start,
        last_seen_at=end,
        left_at=end if left else None,
    )


def _question(webinar, n, text, status, *, votes=0, created, moderated=None, answered=None, **extra):
    question = Question.objects.create(
        webinar=webinar,
        text=text,
        status=status,
        client_key=f"k{n}",
        vote_count=votes,
        published_at=created if status == Question.Status.PUBLISHED else None,
        **extra,
    )
    # created_at is auto_now_add: set the hand-made times afterwards.
    Question.objects.filter(pk=question.pk).update(
        created_at=created, moderated_at=moderated, answered_at=answered
    )
    question.refresh_from_db()
    return question


def build_sample_webinar(organiser=None) -> tuple[Webinar, dict]:
    organiser = organiser or make_user()
    webinar = make_webinar(organiser=organiser, status=Webinar.Status.LIVE, title="Grants 101")
    host = make_host(webinar)
    r1, r2, r3, _r4 = (make_registration(webinar) for _ in range(4))
    r5 = make_registration(webinar)
    webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.ENDED)
    Webinar.objects.filter(pk=webinar.pk).update(went_live_at=at(0), ended_at=at(60))
    webinar.refresh_from_db()
    Registration.objects.filter(pk=r5.pk).update(status=Registration.Status.CANCELLED)
    AttendanceSession.objects.bulk_create(
        [
            _session(webinar, "v1", at(0), at(30), registration=r1),
            _session(webinar, "v1", at(40), at(50), registration=r1),
            _session(webinar, "v2", at(5), at(25), registration=r2, language="ms", left=False),
            _session(webinar, "v3", at(10), at(20)),
            _session(webinar, "v4", at(0), at(60), registration=r3, language="ms"),
            _session(webinar, "v5", at(0), at(1), registration=r5, language=""),
        ]
    )
    attendance_rollups_refresh(webinar_id=webinar.pk)  # rows written around the sampler
    AttendanceSample.objects.bulk_create(
        [
            AttendanceSample(webinar=webinar, at=at(0), count=2),
            AttendanceSample(webinar=webinar, at=at(10), count=4),
            AttendanceSample(webinar=webinar, at=at(15), count=4),
            AttendanceSample(webinar=webinar, at=at(45), count=2),
        ]
    )
    S = Question.Status
    q = {}
    q[1] = _question(
        webinar,
        1,
        "How do I apply for the grant funding?",
        S.PUBLISHED,
        votes=5,
        created=at(5),
        answered=at(15),
    )
    q[2] = _question(
        webinar, 2, "Bagaimana cara memohon geran funding ini?", S.PUBLISHED, votes=3, created=at(6)
    )
    q[3] = _question(
        webinar,
        3,
        "What documents does the grant funding need?",
        S.PUBLISHED,
        votes=1,
        created=at(7),
        answered=at(37),
    )
    q[4] = _question(
        webinar,
        4,
        "SECRET-HELD-TEXT damn",
        S.HELD,
        created=at(8),
        screening_action="hold",
        screening_categories=["profanity"],
    )
    q[5] = _question(
        webinar,
        5,
        "SECRET-REJECTED-TEXT idiot",
        S.REJECTED,
        created=at(9),
        moderated=at(11),
        screening_action="hold",
        screening_categories=["insult", "profanity"],
    )
    q[6] = _question(
        webinar,
        6,
        "See grant funding link example.com",
        S.PUBLISHED,
        created=at(10),
        moderated=at(14),
        screening_action="hold",
        screening_categories=["link"],
    )
    q[7] = _question(
        webinar, 7, "How to apply for grant funding?", S.MERGED, created=at(11), moderated=at(12)
    )
    Question.objects.filter(pk=q[7].pk).update(merged_into=q[1])
    q[8] = _question(
        webinar,
        8,
        "SECRET-BLOCKED-TEXT",
        S.BLOCKED,
        created=at(12),
        screening_action="block",
        screening_categories=["hate"],
    )
    AuditEntry.objects.create(
        webinar=webinar,
        actor=host,
        actor_label=str(host),
        action="question.publish_anyway",
        target_type="question",
        target_id=str(q[6].pk),
    )
    return webinar, q


@pytest.fixture
def sample(organiser):
    return build_sample_webinar(organiser)
