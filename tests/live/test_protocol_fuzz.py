"""Generated frames: ``parse_command`` accepts a valid command or raises ProtocolError, nothing else (R12)."""

from __future__ import annotations

import json

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from realtime import protocol
from tests.live.helpers import db
from webinar.models import Question, Vote, WebinarEvent

# The parsing tests touch no backend, so only the embedded pass runs them; the test through a real socket
# asks for the database and runs in both passes (tests/backend_free.py).
pytestmark = pytest.mark.backend_free

MAX_BYTES = 64 * 1024
TYPES = sorted(
    protocol.HOST_COMMANDS | protocol.ATTENDEE_COMMANDS | {"sync", "ping", "", "Ask", "on_sync", "__class__"}
)
FIELDS = [
    "type",
    "client_key",
    "text",
    "question_id",
    "into_id",
    "value",
    "anonymous",
    "since",
    "staff_since",
]
FIELDS += ["seconds", "reason", "extra", "__proto__", ""]

edge_text = st.sampled_from(
    ["", " ", "\x00", "\ud800", "\udfff", "\u202e", "\ufeff", "é", "ض", "😀", "\u0301", "a" * 70, "NaN"]
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**53 - 2, max_value=2**64 + 2)
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | edge_text
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
commandish = st.fixed_dictionaries({"type": st.sampled_from(TYPES)}) | st.just({})
commandish = st.builds(
    lambda base, extra: {**extra, **base},
    commandish,
    st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=5),
)


def encode(value, style: int) -> str:
    """Python's json writes NaN/Infinity literally: exactly the frames browsers could never send."""
    if style == 0:
        return json.dumps(value)
    if style == 1:
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value)[:-1]  # truncated


raw_text = st.text(max_size=200) | st.sampled_from(
    [
        "NaN",
        "Infinity",
        "-Infinity",
        '{"type": "ping", "x": NaN}',
        "[" * 5000,
        "[" * 3000 + "]" * 3000,
        '{"a":' * 3000 + "1" + "}" * 3000,
        "1" * 5000,
        '{"type": "vote", "client_key": "k", "question_id": ' + "9" * 4400 + "}",
        "\ud800",
        '"\\ud800"',
        "\x00",
    ]
)


def check(text: str | None) -> None:
    try:
        command = protocol.parse_command(text, max_bytes=MAX_BYTES)
    except protocol.ProtocolError as exc:
        assert exc.code in {
            "binary_frame",
            "frame_too_large",
            "bad_json",
            "bad_message",
            "unknown_type",
            "invalid_field",
            "too_long",  # a text over its limit, a client_key over 64 characters (docs/protocol.md)
        }
        assert exc.message
        return
    assert isinstance(command, BaseModel)
    assert command.type in protocol.HOST_COMMANDS | protocol.ATTENDEE_COMMANDS | {"sync", "ping"}
    # A command that parsed can always be encoded again (no NaN, no lone surrogates).
    orjson.dumps(command.model_dump())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=commandish, style=st.integers(min_value=0, max_value=2))
def test_generated_command_objects_parse_or_raise_protocol_error(value, style):
    check(encode(value, style))


@settings(max_examples=300, deadline=None)
@given(value=json_values, style=st.integers(min_value=0, max_value=2))
def test_generated_json_values_parse_or_raise_protocol_error(value, style):
    check(encode(value, style))


@settings(max_examples=300, deadline=None)
@given(text=raw_text)
def test_generated_raw_text_parses_or_raises_protocol_error(text):
    check(text)


def test_binary_frame_is_a_protocol_error():
    with pytest.raises(protocol.ProtocolError) as caught:
        protocol.parse_command(None, max_bytes=MAX_BYTES)
    assert caught.value.code == "binary_frame"


def test_valid_commands_parse_to_their_types():
    assert protocol.parse_command('{"type": "ping"}', max_bytes=MAX_BYTES) == protocol.Ping(type="ping")
    ask = protocol.parse_command('{"type":"ask","client_key":"a-1","text":"Hi"}', max_bytes=MAX_BYTES)
    assert (ask.type, ask.client_key, ask.text, ask.anonymous) == ("ask", "a-1", "Hi", False)
    vote = protocol.parse_command('{"type":"vote","client_key":"v","question_id":3}', max_bytes=MAX_BYTES)
    assert vote.value is True


@pytest.mark.django_db(transaction=True)
async def test_generated_bad_frames_through_a_real_socket_get_errors_and_store_nothing(room, sockets):
    """A sample of generated invalid frames: each gets one error, the socket keeps working."""
    frames = []

    @settings(max_examples=40, deadline=None, database=None)
    @given(value=commandish, style=st.integers(min_value=0, max_value=2))
    def pick(value, style):
        text = encode(value, style)
        try:
            protocol.parse_command(text, max_bytes=MAX_BYTES)
        except protocol.ProtocolError as refused:
            frames.append((text, json.loads(protocol.dumps(refused.as_message()))))

    pick()
    assert frames
    aisyah, ben = await sockets.attendee(room.aisyah), await sockets.attendee(room.ben)
    for frame, expected in frames:
        await aisyah.send_text(frame)
        reply = await aisyah.receive()
        assert reply["type"] == "error", frame
        # for_type / client_key only when the frame named a command (and carried a well-formed key)
        assert reply == expected, frame
        assert set(reply) <= {"type", "code", "message", "for_type", "client_key", "limit"}
    await aisyah.send({"type": "ping"})
    assert await aisyah.receive() == {"type": "pong"}
    await ben.assert_nothing(timeout=0.2)
    assert await db(Question.objects.count)() == 0
    assert await db(Vote.objects.count)() == 0
    assert await db(WebinarEvent.objects.filter(type__startswith="question").count)() == 0
