"""Dewan's websocket protocol, version 1 (the full reference is docs/protocol.md).

Inbound frames are parsed strictly: size-capped, JSON without NaN/Infinity, a known ``type``,
no unknown fields, bounded values. Outbound messages are built here, so the wire format lives
in one place that both the services and the consumer use. Imports nothing from ``webinar``.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

import orjson
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

PROTOCOL_VERSION = 1

ClientKey = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
Id = Annotated[int, Field(ge=1, le=2**53)]
Seq = Annotated[int, Field(ge=0, le=2**53)]


def _no_nul(value: str) -> str:
    # Databases cannot store NUL or lone surrogates; refuse them here rather than fail later.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("must be valid Unicode text") from exc
    return value


# No length bound here: the frame cap bounds it, and the service answers too_long with the limit.
Text = Annotated[str, AfterValidator(_no_nul)]


class _Command(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Sync(_Command):
    type: Literal["sync"]
    since: Seq | None = None
    staff_since: Seq | None = None


class Ping(_Command):
    type: Literal["ping"]


class Ask(_Command):
    type: Literal["ask"]
    client_key: ClientKey
    text: Text
    anonymous: bool = False


class Vote(_Command):
    type: Literal["vote"]
    client_key: ClientKey
    question_id: Id
    value: bool = True


class RequestReview(_Command):
    type: Literal["request_review"]
    question_id: Id


class Moderate(_Command):
    """Host actions on one question."""

    type: Literal[
        "approve", "reject", "answer", "unanswer", "pin", "unpin", "edit", "merge", "publish_anyway"
    ]
    question_id: Id
    reason: Annotated[str, Field(max_length=300), AfterValidator(_no_nul)] = ""
    text: Text | None = None
    into_id: Id | None = None


class Control(_Command):
    """Host controls of the whole webinar."""

    type: Literal["pause", "resume", "slow_mode", "start", "end"]
    seconds: Annotated[int, Field(ge=0, le=3600)] = 0


class Mute(_Command):
    type: Literal["mute", "unmute"]
    question_id: Id


Command = Annotated[
    Sync | Ping | Ask | Vote | RequestReview | Moderate | Control | Mute, Field(discriminator="type")
]
_command_adapter = TypeAdapter(Command)
HOST_COMMANDS = frozenset(
    {"approve", "reject", "answer", "unanswer", "pin", "unpin", "edit", "merge", "publish_anyway"}
    | {"pause", "resume", "slow_mode", "start", "end", "mute", "unmute"}
)
ATTENDEE_COMMANDS = frozenset({"ask", "vote", "request_review"})


class ProtocolError(Exception):
    """A frame that cannot be accepted; becomes an ``error`` message, the socket stays open."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def parse_command(text: str | None, *, max_bytes: int) -> _Command:
    """Parse one text frame into a typed command, or raise ProtocolError."""
    if text is None:
        raise ProtocolError("binary_frame", "Binary frames are not part of this protocol; send JSON text.")
    if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise ProtocolError("frame_too_large", f"Frames are limited to {max_bytes} bytes.")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise ProtocolError("bad_json", "The frame is not valid JSON.") from exc
    if not isinstance(data, dict):
        raise ProtocolError("bad_message", "A message is a JSON object with a 'type'.")
    if not isinstance(data.get("type"), str):
        raise ProtocolError("bad_message", "A message needs a string 'type'.")
    try:
        return _command_adapter.validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        if first.get("type") == "union_tag_invalid":
            raise ProtocolError("unknown_type", f"Unknown message type {data['type'][:40]!r}.") from exc
        where = ".".join(str(part) for part in first.get("loc", ()) if not isinstance(part, int))
        raise ProtocolError("invalid_field", f"{where or 'message'}: {first.get('msg', 'invalid')}") from exc


# --- Outbound -------------------------------------------------------------------------------------


def dumps(message: dict) -> str:
    """Encode once; orjson refuses NaN by writing null, so browsers can always parse what we send."""
    return orjson.dumps(message).decode()


def welcome_message(*, role: str, webinar: dict, seq: int, staff_seq: int | None, config: dict) -> dict:
    return {
        "type": "welcome",
        "protocol": PROTOCOL_VERSION,
        "role": role,
        "webinar": webinar,
        "seq": seq,
        "staff_seq": staff_seq,
        "config": config,
    }


def event_message(*, type: str, seq: int, stream: str, payload: dict) -> dict:
    return {"type": type, "seq": seq, "stream": stream, "data": payload}


def error_message(code: str, message: str, **extra) -> dict:
    return {"type": "error", "code": code, "message": message, **extra}


def ack_message(*, for_type: str, client_key: str | None = None, **data) -> dict:
    return {"type": "ack", "for": for_type, "client_key": client_key, **data}


def votes_message(counts: dict[int, int]) -> dict:
    return {"type": "votes", "counts": {str(k): v for k, v in counts.items()}}


def presence_message(count: int) -> dict:
    return {"type": "presence", "count": count}
