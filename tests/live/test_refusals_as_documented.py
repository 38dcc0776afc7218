"""Refusals are what docs/protocol.md says, over the websocket and over HTTP alike.

From an outside client written from the docs alone (protocol findings 2-4, 6, 8): a refused frame that
names a command echoes its ``client_key`` and ``for_type``; every text limit answers ``too_long`` with
``limit``; every command has its own shape (a field of another command is unknown, a required value is
required); the HTTP host command endpoint echoes ``client_key`` and answers CSRF and sign-in failures as
JSON errors.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from realtime import protocol
from tests.live.helpers import db
from tests.live.test_polls_live import live_room
from tests.live.trust import CARE_TEXT, HostCommands, ask, question_row
from webinar.models import Question, Webinar

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(params=["websocket", "http"])
def host_commands(request, sockets, room):
    return HostCommands(request.param, sockets, room)


# --- client_key and for_type are echoed when a frame naming a command fails validation --------------

ATTENDEE_INVALID = [
    {"type": "vote", "client_key": "846672c7bea3", "question_id": "1"},
    {"type": "vote", "client_key": "v2", "question_id": 1, "value": "yes"},
    {"type": "ask", "client_key": "a1", "text": 42},
    {"type": "ask", "client_key": "a2", "text": "hi", "extra": 1},
    {"type": "poll_vote", "client_key": "p1", "poll_id": 1, "rating": 9},
    {"type": "poll_vote", "client_key": "p2", "poll_id": 1, "choices": [-1]},
]


async def test_an_attendee_frame_that_fails_validation_echoes_its_client_key_and_type(room, sockets):
    aisyah = await sockets.attendee(room.aisyah)
    for frame in ATTENDEE_INVALID:
        error = await aisyah.request(frame)
        assert error["code"] == "invalid_field", (frame, error)
        assert error["for_type"] == frame["type"], (frame, error)
        assert error["client_key"] == frame["client_key"], (frame, error)
    assert await db(Question.objects.count)() == 0


async def test_a_malformed_client_key_is_not_echoed_but_the_type_is(room, sockets):
    aisyah = await sockets.attendee(room.aisyah)
    for key, code in (
        ("has spaces", "invalid_field"),
        ("", "invalid_field"),
        (7, "invalid_field"),
        (None, "invalid_field"),
        ("x" * 65, "too_long"),
    ):
        error = await aisyah.request({"type": "vote", "client_key": key, "question_id": 1})
        assert error["code"] == code and error["for_type"] == "vote", (key, error)
        assert "client_key" not in error, (key, error)


async def test_frames_that_name_no_command_carry_neither(room, sockets):
    aisyah = await sockets.attendee(room.aisyah)
    for frame in ('{"type": "shout", "client_key": "k1"}', '{"client_key": "k1"}', '[{"client_key": "k"}]'):
        await aisyah.send_text(frame)
        error = await aisyah.receive()
        assert error["code"] in {"unknown_type", "bad_message"}
        assert set(error) == {"type", "code", "message"}, error


async def test_a_host_frame_that_fails_validation_echoes_its_client_key_and_type(host_commands, room):
    question = await db(ask)(room.aisyah, "q1", "When are the slides shared?")
    frames = [
        {"type": "approve", "question_id": "12", "client_key": "hk1"},
        {"type": "merge", "question_id": question.pk, "into_id": 0, "client_key": "hk2"},
        {"type": "slow_mode", "seconds": 3601, "client_key": "hk3"},
        {"type": "poll_launch", "client_key": "hk4"},
    ]
    for frame in frames:
        error = await host_commands.send(frame)
        assert error["code"] == "invalid_field", (frame, error)
        assert (error["for_type"], error["client_key"]) == (frame["type"], frame["client_key"]), error


# --- every text limit answers too_long with its limit --------------------------------------------------


async def test_a_reject_reason_over_300_characters_is_too_long_and_changes_nothing(host_commands, room):
    question = await db(ask)(room.aisyah, "q1", "When are the slides shared?")
    frame = {"type": "reject", "question_id": question.pk, "reason": "r" * 301, "client_key": "hk9"}
    error = await host_commands.send(frame)
    assert error["code"] == "too_long" and error["limit"] == protocol.REJECT_REASON_MAX_CHARS
    assert (error["for_type"], error["client_key"]) == ("reject", "hk9")
    assert (await db(question_row)(question.pk))["status"] == question.status

    ok = await host_commands.send({**frame, "reason": "  " + "r" * 300 + "  ", "client_key": "hk10"})
    assert ok["type"] == "ack" and ok["client_key"] == "hk10"
    assert await db(lambda: Question.objects.get(pk=question.pk).reject_reason)() == "r" * 300


async def test_a_care_reply_over_500_characters_is_too_long_with_its_limit(host_commands, room):
    care = await db(ask)(room.aisyah, "care", CARE_TEXT)
    frame = {"type": "care_reply", "question_id": care.pk, "text": "x" * 501, "client_key": "c1"}
    error = await host_commands.send(frame)
    assert error["code"] == "too_long" and error["limit"] == protocol.CARE_REPLY_MAX_CHARS
    assert (error["for_type"], error["client_key"]) == ("care_reply", "c1")
    assert not await db(lambda: Question.objects.get(pk=care.pk).care_replied_at)()


async def test_edit_and_ask_over_the_question_limit_are_too_long_with_it(
    room, sockets, host_commands, settings
):
    limit = settings.DEWAN_QUESTION_MAX_CHARS
    question = await db(ask)(room.aisyah, "q1", "When are the slides shared?")
    error = await host_commands.send(
        {"type": "edit", "question_id": question.pk, "text": "e" * (limit + 1), "client_key": "e1"}
    )
    assert (error["code"], error["limit"], error["client_key"]) == ("too_long", limit, "e1")
    aisyah = await sockets.attendee(room.aisyah)
    error = await aisyah.request({"type": "ask", "client_key": "long", "text": "a" * (limit + 1)})
    assert (error["code"], error["limit"], error["client_key"]) == ("too_long", limit, "long")


async def test_a_poll_word_over_40_characters_is_too_long_with_its_limit(sockets):
    webinar, host, polls, people = await db(live_room)()
    hosting = await sockets.host(webinar, host)
    await hosting.request({"type": "poll_launch", "poll_id": polls["words"].pk})
    voter = await sockets.attendee(people[0])
    error = await voter.request(
        {"type": "poll_vote", "client_key": "w1", "poll_id": polls["words"].pk, "word": "w" * 41}
    )
    assert (error["code"], error["limit"], error["client_key"]) == ("too_long", 40, "w1")


def test_no_inbound_model_bounds_a_string_length_itself():
    """Limits are the services' (after trimming, answering too_long with limit), never invalid_field."""
    for model in protocol.INBOUND:
        for name, prop in model.model_json_schema()["properties"].items():
            for part in [prop, *prop.get("anyOf", ())]:
                if part.get("type") == "string" and name != "client_key":
                    assert "maxLength" not in part, f"{model.__name__}.{name}"


def test_a_string_bound_in_a_model_would_still_answer_too_long_with_its_limit():
    frame = json.dumps({"type": "vote", "client_key": "k" * 65, "question_id": 1})
    with pytest.raises(protocol.ProtocolError) as refused:
        protocol.parse_command(frame, max_bytes=65536)
    assert refused.value.code == "too_long" and refused.value.limit == 64
    assert refused.value.for_type == "vote" and refused.value.client_key is None


# --- each command its own shape ------------------------------------------------------------------------


async def test_slow_mode_needs_seconds_and_other_controls_take_none(host_commands, room):
    before = await db(
        lambda: Webinar.objects.values("questions_paused", "slow_mode_seconds").get(pk=room.webinar.pk)
    )()
    for frame in (
        {"type": "slow_mode", "client_key": "s1"},
        {"type": "pause", "seconds": 5, "client_key": "s2"},
        {"type": "end", "seconds": 0, "client_key": "s3"},
    ):
        error = await host_commands.send(frame)
        assert error["code"] == "invalid_field" and error["client_key"] == frame["client_key"], error
    after = await db(
        lambda: Webinar.objects.values("questions_paused", "slow_mode_seconds").get(pk=room.webinar.pk)
    )()
    assert after == before and after["questions_paused"] is False
    ack = await host_commands.send({"type": "slow_mode", "seconds": 30, "client_key": "s4"})
    assert ack == {"type": "ack", "for": "slow_mode", "client_key": "s4"}


async def test_a_question_action_refuses_the_fields_of_other_actions(host_commands, room):
    question = await db(ask)(room.aisyah, "q1", "When are the slides shared?")
    for frame in (
        {"type": "approve", "question_id": question.pk, "into_id": 3},
        {"type": "pin", "question_id": question.pk, "reason": "x"},
        {"type": "reject", "question_id": question.pk, "text": "x"},
        {"type": "merge", "question_id": question.pk, "into_id": 3, "reason": "x"},
        {"type": "edit", "question_id": question.pk},
    ):
        error = await host_commands.send(frame)
        assert error["code"] == "invalid_field", (frame, error)
    assert (await db(question_row)(question.pk))["status"] == question.status


# --- the HTTP endpoint answers like the socket ---------------------------------------------------------


async def test_http_acks_and_errors_echo_the_client_key(room):
    question = await db(ask)(room.aisyah, "q1", "When are the slides shared?")
    http = HostCommands("http", None, room)
    ack = await http.send({"type": "unanswer", "question_id": question.pk, "client_key": "http1"})
    assert ack["type"] == "ack" and ack["client_key"] == "http1"
    error = await http.send({"type": "approve", "question_id": 999_999, "client_key": "http2"})
    assert (error["code"], error["for_type"], error["client_key"]) == ("unknown_question", "approve", "http2")


def _post(client: Client, webinar, frame: dict, **headers):
    return client.post(
        f"/w/{webinar.slug}/host/command/", data=json.dumps(frame), content_type="application/json", **headers
    )


def test_http_csrf_and_sign_in_failures_are_json_errors(room):
    frame = {"type": "pause", "client_key": "c1"}
    signed_in = Client(enforce_csrf_checks=True)
    signed_in.force_login(room.host)
    refused = _post(signed_in, room.webinar, frame)
    assert refused.status_code == 403 and refused["Content-Type"] == "application/json"
    assert refused.json()["code"] == "csrf"
    protocol.validate_outgoing(refused.json())

    anonymous = Client(enforce_csrf_checks=True)
    token = "a" * 32  # a well-formed CSRF secret, sent as cookie and header: the CSRF check passes
    anonymous.cookies["csrftoken"] = token
    refused = _post(anonymous, room.webinar, frame, HTTP_X_CSRFTOKEN=token)
    assert refused.status_code == 403 and refused["Content-Type"] == "application/json"
    assert refused.json() == {
        "type": "error",
        "code": "forbidden",
        "message": refused.json()["message"],
        "for_type": "pause",
        "client_key": "c1",
    }
    assert not Webinar.objects.get(pk=room.webinar.pk).questions_paused


def test_http_refusals_before_the_command_runs_are_documented_json_errors(room):
    client = Client()
    client.force_login(room.host)
    attendee_command = _post(client, room.webinar, {"type": "vote", "client_key": "v1", "question_id": 1})
    assert attendee_command.status_code == 403
    assert (attendee_command.json()["code"], attendee_command.json()["client_key"]) == ("unknown_type", "v1")
    not_json = client.post(f"/w/{room.webinar.slug}/host/command/", data="{", content_type="application/json")
    assert not_json.status_code == 400 and not_json.json()["code"] == "bad_json"
    missing = client.post("/w/no-such-webinar/host/command/", data="{}", content_type="application/json")
    assert missing.status_code == 404 and missing.json()["code"] == "unknown_webinar"
    assert client.get(f"/w/{room.webinar.slug}/host/command/").status_code == 405


# --- poll_vote: the documented order of checks ---------------------------------------------------------


async def test_an_earlier_answer_wins_over_a_closed_poll_and_a_misfitting_answer(sockets):
    """docs/protocol.md: shape, registration, poll, earlier answer, open, fit (the first failure answers)."""
    webinar, host, polls, people = await db(live_room)()
    poll = polls["single"]
    hosting = await sockets.host(webinar, host)
    await hosting.request({"type": "poll_launch", "poll_id": poll.pk})
    voter, other = await sockets.attendee(people[0]), await sockets.attendee(people[1])
    first = {"type": "poll_vote", "client_key": "a1", "poll_id": poll.pk, "choices": [0]}
    assert (await voter.request(first))["type"] == "ack"

    misfit = await voter.request({**first, "client_key": "a2", "choices": [7]})
    assert misfit["code"] == "already_voted"  # not invalid_choice
    wrong_poll = await voter.request({**first, "client_key": "a3", "poll_id": 999_999})
    assert wrong_poll["code"] == "unknown_poll"
    assert (await other.request({**first, "client_key": "b1", "choices": [7]}))["code"] == "invalid_choice"

    await hosting.request({"type": "poll_close", "poll_id": poll.pk})
    assert (await voter.request({**first, "client_key": "a4"}))["code"] == "already_voted"  # not closed
    assert (await voter.request(first))["type"] == "ack"  # the same key: the same ack, even closed
    assert (await other.request({**first, "client_key": "b2", "choices": [7]}))["code"] == "closed"
