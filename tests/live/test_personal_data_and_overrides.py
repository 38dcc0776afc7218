"""Personal data stays hidden when published; the server decides overrides; merge is public → public only.

Issue 11, items 2 and 3 (docs/protocol.md, "Question moderation").
"""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import PASSWORD
from tests.live.conftest import screen_as
from tests.live.helpers import db
from tests.live.trust import PHONE_TEXT, HostCommands, ask, question_row
from webinar.models import AuditEntry, Question
from webinar.reports import exports
from webinar.reports.queries import question_figures
from webinar.services.masking import mask_personal_data

pytestmark = pytest.mark.django_db(transaction=True)

TRANSPORTS = ["websocket", "http"]
MASKED_PHONE_TEXT = "Boleh hubungi saya? Nombor saya 012-••• •••• ya"


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("command", ["publish_anyway", "approve"])
async def test_publishing_a_phone_number_anyway_shows_it_masked_to_everyone_else(
    room, sockets, transport, command
):
    question = await db(ask)(room.aisyah, "phone", PHONE_TEXT)
    assert question.status == Question.Status.HELD
    author = await sockets.attendee(room.aisyah)
    watcher = await sockets.attendee(room.ben)
    host = HostCommands(transport, sockets, room)

    assert (await host.send({"type": command, "question_id": question.pk}))["type"] == "ack"

    published = await watcher.receive_until("question.published")
    assert published["data"]["question"]["text"] == MASKED_PHONE_TEXT
    assert "345 6789" not in str(await watcher.sync())
    mine = (await author.receive_until("mine.question"))["question"]
    assert mine["text"] == MASKED_PHONE_TEXT and mine["masked"] == ["phone number"]
    staff = await sockets.host(room.webinar, room.host)
    seen_by_hosts = {q["id"]: q for q in staff.snapshot["queue"]}[question.pk]
    assert seen_by_hosts["original_text"] == PHONE_TEXT and seen_by_hosts["masked"] == ["phone"]


async def test_a_host_edit_is_published_as_the_host_wrote_it(room, sockets):
    question = await db(ask)(room.aisyah, "phone", PHONE_TEXT)
    host = HostCommands("websocket", sockets, room)
    edited = "Boleh hubungi saya? (nombor dibuang oleh hos)"
    assert (await host.send({"type": "edit", "question_id": question.pk, "text": edited}))["type"] == "ack"
    assert (await host.send({"type": "approve", "question_id": question.pk}))["type"] == "ack"
    row = await db(question_row)(question.pk)
    assert row["text"] == edited and row["status"] == "published"


@pytest.mark.parametrize(
    ("text", "masked", "kind"),
    [
        ("My IC is 900101-14-5678 can you check", "My IC is ••••••-••-•••• can you check", "mykad"),
        ("Email me at wei.jie@example.com please", "Email me at •••.•••@•••••••.••• please", "email"),
        (PHONE_TEXT, MASKED_PHONE_TEXT, "phone"),
    ],
)
def test_every_kind_of_personal_data_is_masked_when_published_anyway(room, text, masked, kind):
    from webinar.services.moderation import question_approve

    question = ask(room.aisyah, f"k-{kind}", text)
    published = question_approve(actor=room.host, webinar_id=room.webinar.pk, question_id=question.pk)
    assert (published.text, published.masked, published.original_text) == (masked, [kind], text)


def _spans(question) -> list[tuple[str, int | None, int | None]]:
    from webinar.representations import staff_question

    shown = staff_question(question)
    return [(r["code"], r["start"], r["end"]) for r in shown["screening"]["reasons"]]


def test_a_staff_reason_span_marks_what_screening_found_in_the_text_hosts_are_sent(room):
    """docs/protocol.md, StaffReason: ``start``/``end`` are a span of ``text``. Masking keeps every
    character's place, so the span still marks the (masked) number."""
    from webinar.services.moderation import question_approve

    question = ask(room.aisyah, "phone", PHONE_TEXT)
    (_code, start, end), *_ = [s for s in _spans(question) if s[0] == "pii.phone"]
    assert PHONE_TEXT[start:end] == "012-345 6789"
    published = question_approve(actor=room.host, webinar_id=room.webinar.pk, question_id=question.pk)
    assert published.text[start:end] == "012-••• ••••"
    assert ("pii.phone", start, end) in _spans(published)


def test_after_a_host_edit_no_reason_marks_characters_of_the_new_text(room):
    """An outside client found the console marking "by host" in "Edited text by host": the spans were
    the submitted text's. Once a host replaced the text, every span is null; ``matched`` still says what
    screening found, and ``original_text`` keeps the submitted text."""
    from webinar.representations import staff_question
    from webinar.services.moderation import question_edit

    question = ask(room.aisyah, "phone", PHONE_TEXT)
    assert any(start is not None for _code, start, _end in _spans(question))
    edited = question_edit(
        actor=room.host, webinar_id=room.webinar.pk, question_id=question.pk, text="Edited text by host"
    )
    shown = staff_question(edited)
    assert shown["text"] == "Edited text by host" and shown["original_text"] == PHONE_TEXT
    assert [(start, end) for _code, start, end in _spans(edited)] == [(None, None)] * len(_spans(edited))
    assert "012-345 6789" in [r["matched"] for r in shown["screening"]["reasons"]]


def test_masking_keeps_spaces_and_punctuation_and_ignores_spans_outside_the_text():
    reasons = [{"code": "pii.card", "category": "personal_data", "start": 5, "end": 24}]
    assert mask_personal_data("Card 4111 1111 1111 1111 ok", reasons) == (
        "Card •••• •••• •••• •••• ok",
        ["card"],
    )
    bad = [{"code": "pii.phone", "category": "personal_data", "start": 3, "end": 99}]
    assert mask_personal_data("short", bad) == ("short", [])


def test_the_report_csv_and_pdf_show_the_masked_text_only(room, monkeypatch):
    from reportlab import rl_config

    from webinar.models import Report
    from webinar.services.moderation import question_approve, webinar_end
    from webinar.tasks import build_report

    question = ask(room.aisyah, "phone", PHONE_TEXT)
    question_approve(actor=room.host, webinar_id=room.webinar.pk, question_id=question.pk)
    webinar_end(actor=room.host, webinar_id=room.webinar.pk)
    build_report.apply(args=[room.webinar.pk])
    data = Report.objects.get(webinar=room.webinar).data
    assert "345 6789" not in str(data)  # the PDF is drawn from these figures
    csv_text = "".join(exports.questions_csv(webinar=room.webinar))
    assert MASKED_PHONE_TEXT in csv_text and "345 6789" not in csv_text
    client = Client()
    client.login(email=room.organiser.email, password=PASSWORD)
    monkeypatch.setattr(rl_config, "pageCompression", 0)  # readable text streams
    pdf = client.get(f"/w/{room.webinar.slug}/report/report.pdf")
    assert pdf.status_code == 200
    assert b"Nombor saya 012-" in pdf.content and b"345 6789" not in pdf.content


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_the_server_not_the_command_decides_what_is_an_override(room, sockets, monkeypatch, transport):
    held_for_text = await db(ask)(room.aisyah, "phone", PHONE_TEXT)
    screen_as(monkeypatch, "hold", reasons=[{"code": "policy.hold_all", "category": "policy"}])
    held_by_policy = await db(ask)(room.ben, "policy", "A plain question")
    host = HostCommands(transport, sockets, room)
    # The "wrong" command each time: approve on a screened question, publish_anyway on a policy hold.
    assert (await host.send({"type": "approve", "question_id": held_for_text.pk}))["type"] == "ack"
    assert (await host.send({"type": "publish_anyway", "question_id": held_by_policy.pk}))["type"] == "ack"

    actions = dict(
        await db(list)(AuditEntry.objects.filter(target_type="question").values_list("target_id", "action"))
    )
    assert actions[str(held_for_text.pk)] == "question.publish_anyway"
    assert actions[str(held_by_policy.pk)] == "question.approve"
    figures = await db(question_figures)(webinar=room.webinar)
    assert figures["overrides"] == 1


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_merge_accepts_only_a_public_question_into_a_public_one(room, sockets, transport):
    public = await db(ask)(room.ben, "pub", "Will the slides be shared?")
    other_public = await db(ask)(room.ben, "pub2", "Will the slides be shared by e-mail?")
    held = await db(ask)(room.aisyah, "ic", "My IC is 900101-14-5678 can you check")
    rejected = await db(ask)(room.aisyah, "rej", "Is there a recording of this?")
    host = HostCommands(transport, sockets, room)
    assert (await host.send({"type": "reject", "question_id": rejected.pk, "reason": "dup"}))["type"] == "ack"

    for duplicate in (held, rejected):
        reply = await host.send({"type": "merge", "question_id": duplicate.pk, "into_id": public.pk})
        assert reply["code"] == "not_published", reply
    reply = await host.send({"type": "merge", "question_id": public.pk, "into_id": held.pk})
    assert reply["code"] == "unknown_question"
    assert (await db(question_row)(held.pk))["status"] == "held"
    merged = await host.send({"type": "merge", "question_id": other_public.pk, "into_id": public.pk})
    assert merged["type"] == "ack"
    assert "900101" not in "".join(await db(list)(exports.questions_csv(webinar=room.webinar)))
