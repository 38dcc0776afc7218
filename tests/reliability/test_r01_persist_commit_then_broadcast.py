"""R1: the database is the truth; events are broadcast only after the transaction commits, and a
broadcast that fails loses nothing: a client that syncs gets the event by replay.

The layer is replaced through the ``CHANNEL_LAYERS`` setting (tests/layers.py), so the services and
``realtime.broadcast`` run unpatched; each fault test asserts the layer really refused the broadcast.
"""

from __future__ import annotations

import logging

import pytest
from asgiref.sync import async_to_sync
from django.db import transaction

from realtime.redis_health import redis_ok
from tests.layers import BroadcastDownLayer, RecordingLayer, install_layer
from tests.live.helpers import Sockets

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _breaker_closed_after():
    """A refused broadcast opens the process's Redis circuit breaker; later tests start with it closed."""
    yield
    redis_ok()


# Screening is the fixed-verdict backend (``publish_everything``): these tests are about the broadcast.
BENIGN = "What time does the session on household budgeting end?"


def _ask(room, client_key: str, text: str = BENIGN):
    from webinar.services.questions import question_submit

    return question_submit(
        webinar_id=room.webinar.pk, registration_id=room.aisyah.pk, client_key=client_key, text=text
    )


def test_r01_question_is_broadcast_only_after_commit_and_never_after_rollback(
    room, settings, publish_everything
):
    from webinar.models import Question, WebinarEvent

    layer = install_layer(settings, RecordingLayer)

    with transaction.atomic():
        _ask(room, "a")
        assert layer.sent == [], "broadcast before commit"
    assert {m["kind"] for m in layer.sent} >= {"public", "staff"}
    assert WebinarEvent.objects.filter(webinar=room.webinar, type="question.published").count() == 1

    layer.sent.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        _ask(room, "b", "And a second question about the budget?")
        raise RuntimeError("the request failed after the write")
    assert layer.sent == []
    assert not Question.objects.filter(client_key="b").exists()
    assert WebinarEvent.objects.filter(webinar=room.webinar, type="question.published").count() == 1


async def _replay_since(registration, since: int) -> list[dict]:
    """What a reconnecting attendee gets from ``sync`` with cursor ``since``: the events, then ``synced``."""
    sockets = Sockets()
    try:
        ben = await sockets.attendee(registration, sync=False)
        await ben.sync(since=since)
        return [m for m in ben.seen if m["type"] not in {"welcome", "presence"}]
    finally:
        await sockets.close()


def test_r01_a_broadcast_refused_outside_the_server_loses_nothing_a_client_gets_it_by_replay(
    room, settings, caplog, publish_everything
):
    """Sync code with no event loop (a Celery worker, a command) publishes through the publisher loop."""
    from webinar.models import Question

    room.webinar.refresh_from_db()
    since = room.webinar.last_public_seq
    layer = install_layer(settings, BroadcastDownLayer)

    with caplog.at_level(logging.ERROR, logger="dewan.realtime"):
        result = _ask(room, "a")

    # The first refusal opens the Redis circuit breaker, so the rest of the events are not even tried.
    assert layer.refused, "the broadcast was never attempted"
    assert "broadcast to webinar" in caplog.text
    assert Question.objects.filter(pk=result.question.pk, status="published").exists()
    replay = async_to_sync(_replay_since)(room.ben, since)
    assert [m["type"] for m in replay] == ["question.published", "synced"]
    assert replay[0]["data"]["question"]["id"] == result.question.pk


async def test_r01_a_broadcast_refused_inside_the_server_loses_nothing_a_client_gets_it_by_replay(
    room, sockets, settings, publish_everything
):
    """A service run by the consumer publishes on the server's own loop; that send fails too."""
    from webinar.models import Question

    layer = install_layer(settings, BroadcastDownLayer)
    aisyah = await sockets.attendee(room.aisyah)
    ben = await sockets.attendee(room.ben)
    since = ben.welcome["seq"]

    ack = await aisyah.request({"type": "ask", "client_key": "k1", "text": BENIGN})

    assert ack["type"] == "ack", ack
    assert ack["question"]["status"] == "published"
    # The first refusal opens the Redis circuit breaker, so the rest of the events are not even tried.
    assert layer.refused, "the broadcast was never attempted"
    await ben.assert_nothing(timeout=0.3)  # the broadcast really did not arrive
    assert await Question.objects.filter(pk=ack["question"]["id"]).aexists()
    synced = await ben.sync(since=since)
    replayed = [m for m in ben.seen if m["type"] == "question.published"]
    assert [m["data"]["question"]["id"] for m in replayed] == [ack["question"]["id"]]
    assert synced["type"] == "synced"
    assert synced["seq"] == replayed[0]["seq"]
