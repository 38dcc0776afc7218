"""R1: the database is the truth; events are broadcast only after the transaction commits."""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.factories import make_live_webinar, make_registration, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sent(monkeypatch):
    messages = []
    monkeypatch.setattr("realtime.broadcast._send", lambda webinar_id, payload: messages.append(payload))
    monkeypatch.setattr(
        "webinar.services.questions._screen",
        lambda **_: {"action": "publish", "categories": [], "reasons": [], "language": "en"},
    )
    return messages


def test_r01_question_is_broadcast_only_after_commit_and_never_after_rollback(sent):
    from webinar.models import Question, WebinarEvent
    from webinar.services.questions import question_submit

    webinar = make_live_webinar(organiser=make_user())
    registration = make_registration(webinar, "Aisyah", "aisyah@example.com")
    sent.clear()

    with transaction.atomic():
        question_submit(webinar_id=webinar.pk, registration_id=registration.pk, client_key="a", text="First?")
        assert sent == [], "broadcast before commit"
    assert {m["kind"] for m in sent} >= {"public", "staff"}
    assert WebinarEvent.objects.filter(webinar=webinar, type="question.published").count() == 1

    sent.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        question_submit(
            webinar_id=webinar.pk, registration_id=registration.pk, client_key="b", text="Second?"
        )
        raise RuntimeError("the request failed after the write")
    assert sent == []
    assert not Question.objects.filter(client_key="b").exists()
    assert WebinarEvent.objects.filter(webinar=webinar, type="question.published").count() == 1


def test_r01_a_failed_broadcast_loses_nothing_a_reconnecting_client_gets_it_by_replay(monkeypatch):
    """The layer is down (or drops the message): the write stands and ``sync`` replays it."""
    from webinar.live_state import Viewer, live_sync
    from webinar.models import Question
    from webinar.services.questions import question_submit

    def layer_down(*_args, **_kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(
        "webinar.services.questions._screen",
        lambda **_: {"action": "publish", "categories": [], "reasons": [], "language": "en"},
    )
    webinar = make_live_webinar(organiser=make_user())
    registration = make_registration(webinar, "Aisyah", "aisyah@example.com")
    webinar.refresh_from_db()
    since = webinar.last_public_seq
    monkeypatch.setattr("realtime.broadcast.async_to_sync", lambda _fn: layer_down)

    result = question_submit(
        webinar_id=webinar.pk, registration_id=registration.pk, client_key="a", text="Hi?"
    )

    assert Question.objects.filter(pk=result.question.pk, status="published").exists()
    viewer = Viewer(
        webinar_id=webinar.pk,
        slug=webinar.slug,
        role="attendee",
        staff=False,
        registration_id=None,
        user_id=None,
        viewer_key=None,
        language="en",
        name="Ben",
    )
    replay = live_sync(viewer, since=since, staff_since=None, limit=500)
    assert [m["type"] for m in replay] == ["question.published", "synced"]
    assert replay[0]["data"]["question"]["id"] == result.question.pk
