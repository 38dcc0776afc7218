"""Care items (self-harm signals) are never public, by any host action, over the websocket or HTTP.

Hosts can mark them handled and reply privately; the author sees support, never "Rejected" nor the
hosts' screening text. (Issue 11, item 1; docs/protocol.md "Care items".)
"""

from __future__ import annotations

import pytest

from tests.factories import make_registration
from tests.live.helpers import db
from tests.live.trust import CARE_TEXT, HostCommands, ask, question_row
from webinar.models import AuditEntry, Question

pytestmark = pytest.mark.django_db(transaction=True)

TRANSPORTS = ["websocket", "http"]
# Every way a host could try to put a care item in front of the public.
PUBLISHING_FRAMES = [
    {"type": "approve"},
    {"type": "publish_anyway"},
    {"type": "edit", "text": "A harmless rewording"},
    {"type": "answer"},
    {"type": "pin"},
    {"type": "reject", "reason": "no"},  # would show the author "Rejected"
]


@pytest.fixture
def care_item(room):
    question = ask(room.aisyah, "care", CARE_TEXT)
    assert question.status == Question.Status.CARE and question.care
    return question


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("frame", PUBLISHING_FRAMES, ids=lambda f: f["type"])
async def test_a_care_item_cannot_be_made_public_by_any_host_action(
    room, sockets, care_item, transport, frame
):
    watcher = await sockets.attendee(room.ben)
    host = HostCommands(transport, sockets, room)
    reply = await host.send({**frame, "question_id": care_item.pk})
    assert reply["type"] == "error" and reply["code"] == "care_private", reply
    row = await db(question_row)(care_item.pk)
    assert row == {"status": "care", "text": CARE_TEXT, "care": True, "pinned": False, "answered_at": None}
    assert not [m for m in await watcher.collect(timeout=0.3) if m["type"].startswith("question.")]
    assert (await watcher.sync())["questions"] == []


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_care_item_cannot_be_merged_into_a_public_question_nor_be_merged_into(
    room, sockets, care_item, transport
):
    public = await db(ask)(room.ben, "pub", "Will the slides be shared?")
    assert public.status == Question.Status.PUBLISHED
    host = HostCommands(transport, sockets, room)
    into_public = await host.send({"type": "merge", "question_id": care_item.pk, "into_id": public.pk})
    assert into_public["code"] == "care_private"
    into_care = await host.send({"type": "merge", "question_id": public.pk, "into_id": care_item.pk})
    assert into_care["code"] == "care_private"
    assert (await db(question_row)(care_item.pk))["status"] == "care"
    assert (await db(question_row)(public.pk))["status"] == "published"


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_hosts_mark_a_care_item_handled_and_it_stays_in_the_care_queue(
    room, sockets, care_item, transport
):
    host = HostCommands(transport, sockets, room)
    reply = await host.send({"type": "care_handled", "question_id": care_item.pk})
    assert reply["type"] == "ack" and reply["for"] == "care_handled"
    staff = await sockets.host(room.webinar, room.host)
    queued = {q["id"]: q for q in staff.snapshot["queue"]}[care_item.pk]
    assert queued["care"] and queued["care_handled"] and queued["status"] == "care"
    assert "approve" not in queued["allowed"] and "care_reply" in queued["allowed"]
    assert await db(
        AuditEntry.objects.filter(action="question.care_handled", target_id=str(care_item.pk)).exists
    )()


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_private_reply_reaches_only_the_author_in_their_language_and_is_audited(
    room, sockets, transport
):
    siti = await db(make_registration)(room.webinar, "Siti", "siti@example.com", language="ms")
    care = await db(ask)(siti, "care", CARE_TEXT)
    author = await sockets.attendee(siti)
    other = await sockets.attendee(room.ben)
    host = HostCommands(transport, sockets, room)
    reply = await host.send({"type": "care_reply", "question_id": care.pk, "text": "We are here for you."})
    assert reply["type"] == "ack", reply

    mine = (await author.receive_until("mine.question"))["question"]
    assert mine["care_reply"] == "We are here for you."
    assert mine["status_label"] == "Hos telah membalas anda secara peribadi"
    assert mine["care_message"].startswith("Mesej anda telah disampaikan")
    assert mine["care_resources"]
    assert "We are here for you." not in str(await other.collect(timeout=0.3))
    entry = await db(AuditEntry.objects.get)(action="question.care_reply", target_id=str(care.pk))
    assert entry.after["reply"] == "We are here for you."


async def test_the_author_of_a_care_item_sees_support_never_rejected_nor_screening_text(
    room, sockets, care_item
):
    author = await sockets.attendee(room.aisyah)
    mine = {q["id"]: q for q in author.snapshot["mine"]}[care_item.pk]
    assert mine["status"] == "care"
    assert mine["status_label"] == "Shared privately with the hosts"
    assert mine["reasons"] == [] and mine["reject_reason"] == ""
    assert "at risk" not in str(mine) and "Rejected" not in str(mine)
    assert mine["care_message"] and mine["care_resources"]


async def test_a_care_reply_to_a_question_that_is_not_a_care_item_is_refused(room, sockets):
    public = await db(ask)(room.ben, "pub", "Will the slides be shared?")
    host = HostCommands("websocket", sockets, room)
    reply = await host.send({"type": "care_reply", "question_id": public.pk, "text": "Hello"})
    assert reply["code"] == "not_care"


def test_the_database_refuses_a_published_care_item(room):
    from django.db import IntegrityError, transaction

    question = ask(room.aisyah, "care", CARE_TEXT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(pk=question.pk).update(status=Question.Status.PUBLISHED)


def test_the_admin_cannot_change_a_questions_status_or_text(room):
    """Moderation goes through the services; the admin form shows status and text read-only."""
    from django.contrib.admin.sites import site

    model_admin = site._registry[Question]
    assert {"status", "text", "care", "pinned", "merged_into"} <= set(model_admin.readonly_fields)


def test_deleting_the_authors_data_removes_the_private_reply_too(room):
    from webinar.services.moderation import question_care_reply
    from webinar.services.privacy import attendee_data_delete

    care = ask(room.aisyah, "care", CARE_TEXT)
    question_care_reply(
        actor=room.host, webinar_id=room.webinar.pk, question_id=care.pk, text="Call us anytime."
    )
    attendee_data_delete(registration=room.aisyah)
    care.refresh_from_db()
    assert care.care_reply == "" and care.text != CARE_TEXT
    entry = AuditEntry.objects.get(action="question.care_reply", target_id=str(care.pk))
    assert "Call us anytime." not in str(entry.after)


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_care_stays_possible_after_the_end_and_muting_is_closed(room, sockets, care_item, transport):
    host = HostCommands(transport, sockets, room)
    assert (await host.send({"type": "end"}))["type"] == "ack"
    muted = await host.send({"type": "mute", "question_id": care_item.pk})
    assert muted["code"] == "closed"
    reply = await host.send(
        {"type": "care_reply", "question_id": care_item.pk, "text": "Still here for you."}
    )
    assert reply["type"] == "ack", reply
    handled = await host.send({"type": "care_handled", "question_id": care_item.pk})
    assert handled["type"] == "ack", handled
    staff = await sockets.host(room.webinar, room.host)
    queued = {q["id"]: q for q in staff.snapshot["queue"]}[care_item.pk]
    assert queued["allowed"] == ["care_handled", "care_reply"]
