"""Frames that are not valid commands get one ``error`` and the socket stays usable (R11, R12)."""

from __future__ import annotations

import json

import pytest

from tests.live.helpers import db
from webinar.models import Question, Vote, WebinarEvent

pytestmark = pytest.mark.django_db(transaction=True)

BAD_FRAMES = [
    ("not json at all", "bad_json"),
    ('{"type": "ask", ', "bad_json"),
    ('{"type": "vote", "client_key": "k", "question_id": NaN}', "bad_json"),
    ('{"type": "slow_mode", "seconds": Infinity}', "bad_json"),
    ('{"type": "slow_mode", "seconds": -Infinity}', "bad_json"),
    ("[1, 2, 3]", "bad_message"),
    ('"ask"', "bad_message"),
    ("null", "bad_message"),
    ('{"text": "no type"}', "bad_message"),
    ('{"type": 7}', "bad_message"),
    ('{"type": "shout"}', "unknown_type"),
    ('{"type": "on_host_command", "question_id": 1}', "unknown_type"),
    ('{"type": "ask", "text": "missing client key"}', "invalid_field"),
    ('{"type": "ask", "client_key": "k"}', "invalid_field"),
    ('{"type": "ask", "client_key": "k", "text": "hi", "extra": 1}', "invalid_field"),
    ('{"type": "ask", "client_key": "k", "text": 42}', "invalid_field"),
    ('{"type": "ask", "client_key": "k", "text": "hi", "anonymous": "yes"}', "invalid_field"),
    ('{"type": "ask", "client_key": "has spaces", "text": "hi"}', "invalid_field"),
    ('{"type": "ask", "client_key": "", "text": "hi"}', "invalid_field"),
    ('{"type": "vote", "client_key": "k"}', "invalid_field"),
    ('{"type": "vote", "client_key": "k", "question_id": "1"}', "invalid_field"),
    ('{"type": "vote", "client_key": "k", "question_id": 1.0}', "invalid_field"),
    ('{"type": "vote", "client_key": "k", "question_id": true}', "invalid_field"),
    ('{"type": "vote", "client_key": "k", "question_id": 0}', "invalid_field"),
    ('{"type": "vote", "client_key": "k", "question_id": 1e400}', "invalid_field"),
    ('{"type": "vote", "client_key": "k", "question_id": 123456789012345678901234567890}', "invalid_field"),
    ('{"type": "vote", "client_key": "k", "question_id": 1' + "0" * 5000 + "}", "bad_json"),
    ('{"type": "sync", "since": -1}', "invalid_field"),
    ('{"type": "slow_mode", "seconds": 3601}', "invalid_field"),
    ('{"type": "ask", "client_key": "k", "text": "\\ud800"}', "invalid_field"),
    ('{"type": "ask", "client_key": "k", "text": "nul \\u0000 byte"}', "invalid_field"),
    ("[" * 100_000 + "]" * 100_000, "frame_too_large"),
    ("[" * 20_000 + "]" * 20_000, "bad_json"),
]


async def test_not_json_binary_nan_unknown_type_missing_fields_get_an_error_and_the_socket_stays_usable(
    room, sockets
):
    aisyah = await sockets.attendee(room.aisyah)
    ben = await sockets.attendee(room.ben)
    for frame, code in BAD_FRAMES:
        await aisyah.send_text(frame)
        error = await aisyah.receive()
        assert error["type"] == "error", frame[:80]
        assert error["code"] == code, (frame[:80], error)
        assert isinstance(error["message"], str) and error["message"]
    await aisyah.comm.send_to(bytes_data=b'{"type": "ping"}')
    assert (await aisyah.receive())["code"] == "binary_frame"

    await aisyah.send({"type": "ping"})
    assert await aisyah.receive() == {"type": "pong"}
    await ben.assert_nothing(timeout=0.3)
    assert await db(Question.objects.count)() == 0
    assert await db(Vote.objects.count)() == 0
    assert (
        await db(WebinarEvent.objects.filter(webinar=room.webinar, type__startswith="question").count)() == 0
    )


async def test_frame_over_the_cap_is_refused(room, sockets, settings):
    aisyah = await sockets.attendee(room.aisyah)
    padding = "x" * settings.DEWAN_WS_MAX_FRAME_BYTES
    await aisyah.send_text(json.dumps({"type": "ask", "client_key": "big", "text": padding}))
    error = await aisyah.receive()
    assert error["code"] == "frame_too_large"
    assert str(settings.DEWAN_WS_MAX_FRAME_BYTES) in error["message"]
    await aisyah.send({"type": "ping"})
    assert await aisyah.receive() == {"type": "pong"}
    assert await db(Question.objects.count)() == 0


async def test_frame_cap_counts_bytes_not_characters(room, sockets, settings):
    aisyah = await sockets.attendee(room.aisyah)
    # Under the cap in characters, over it in UTF-8 bytes (each ض is two bytes).
    text = "ض" * (settings.DEWAN_WS_MAX_FRAME_BYTES // 2 + 10)
    await aisyah.send_text(
        json.dumps({"type": "ask", "client_key": "wide", "text": text}, ensure_ascii=False)
    )
    assert (await aisyah.receive())["code"] == "frame_too_large"


async def test_parse_errors_carry_no_for_type_and_service_errors_do(room, sockets):
    aisyah = await sockets.attendee(room.aisyah)
    await aisyah.send_text("{")
    parse_error = await aisyah.receive()
    assert set(parse_error) == {"type", "code", "message"}
    service_error = await aisyah.request({"type": "request_review", "question_id": 999})
    assert set(service_error) == {"type", "code", "message", "for_type"}
    assert service_error["for_type"] == "request_review"


async def test_ping_gets_pong(room, sockets):
    live = await sockets.attendee(room.aisyah)
    await live.send({"type": "ping"})
    assert await live.receive() == {"type": "pong"}
