"""Dewan's websocket protocol, version 1 (the full reference is docs/protocol.md).

Both directions are typed here, as Zulip's ``zerver/lib/event_types.py`` types its events.
Inbound frames are parsed strictly: size-capped, JSON without NaN/Infinity, a known ``type``,
no unknown fields, bounded values. Every outbound message has a model below (a ``type`` literal,
unknown fields forbidden); the builders return plain dicts of that shape, and the test suite checks
every message any test emits against its model (tests/conftest.py) and docs/protocol.md against
``reference_markdown()``. Error codes, domain and protocol alike, are one ``ErrorCode``. Imports
nothing from ``webinar``.
"""

from __future__ import annotations

import contextlib
import json
from enum import StrEnum
from typing import Annotated, Any, Literal, get_args

import orjson
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

PROTOCOL_VERSION = 1

ClientKey = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
Id = Annotated[int, Field(ge=1, le=2**53)]
Seq = Annotated[int, Field(ge=0, le=2**53)]


class ErrorCode(StrEnum):
    """Every machine-readable error code Dewan answers with (docs/protocol.md lists the live ones)."""

    # protocol: the frame itself
    BINARY_FRAME = "binary_frame"
    FRAME_TOO_LARGE = "frame_too_large"
    BAD_JSON = "bad_json"
    BAD_MESSAGE = "bad_message"
    UNKNOWN_TYPE = "unknown_type"
    INVALID_FIELD = "invalid_field"
    # who may do it
    FORBIDDEN = "forbidden"
    NOT_REGISTERED = "not_registered"
    UNAVAILABLE = "unavailable"
    # asking
    EMPTY = "empty"
    TOO_LONG = "too_long"
    CLOSED = "closed"
    PAUSED = "paused"
    MUTED = "muted"
    SLOW_MODE = "slow_mode"
    QUESTION_LIMIT = "question_limit"
    RATE_LIMITED = "rate_limited"
    # questions and moderation
    UNKNOWN_QUESTION = "unknown_question"
    NOT_HELD = "not_held"
    ALREADY_ANSWERED = "already_answered"
    INVALID_STATE = "invalid_state"
    NOT_PUBLISHED = "not_published"
    INVALID_TARGET = "invalid_target"
    CARE_PRIVATE = "care_private"
    NOT_CARE = "not_care"
    INVALID_TRANSITION = "invalid_transition"
    UNKNOWN_ACTION = "unknown_action"
    UNKNOWN_WEBINAR = "unknown_webinar"
    # the campaign socket
    NOT_FOUND = "not_found"
    READ_ONLY = "read_only"
    # the HTTP host command endpoint
    CSRF = "csrf"
    # HTTP-only domain errors (registration, organiser pages, reports)
    ERROR = "error"
    INVALID = "invalid"
    REGISTRATION_ERROR = "registration_error"
    CONSENT_REQUIRED = "consent_required"
    DUPLICATE = "duplicate"
    FULL = "full"
    INVALID_EMAIL = "invalid_email"
    INVALID_NAME = "invalid_name"
    INVALID_TIMES = "invalid_times"
    MISSING_ANSWER = "missing_answer"
    MISSING_NAME = "missing_name"
    NOT_ENDED = "not_ended"
    REPORT_BUSY = "report_busy"
    ANSWERS_NEEDED = "answers_needed"
    EXPIRED = "expired"
    # campaigns, pledges and the resource hub
    IN_OTHER_CAMPAIGN = "in_other_campaign"
    INVALID_DATES = "invalid_dates"
    INVALID_HASHTAG = "invalid_hashtag"
    INVALID_INSTITUTION = "invalid_institution"
    INVALID_KIND = "invalid_kind"
    INVALID_LINK = "invalid_link"
    INVALID_PARTNER = "invalid_partner"
    INVALID_TOPIC = "invalid_topic"
    INVALID_URL = "invalid_url"
    MISSING_DATES = "missing_dates"
    MISSING_INSTITUTION = "missing_institution"
    MISSING_TEXT = "missing_text"
    MISSING_TITLE = "missing_title"
    NOT_IN_CAMPAIGN = "not_in_campaign"
    UNKNOWN_FIELD = "unknown_field"
    # live polls
    UNKNOWN_POLL = "unknown_poll"
    ALREADY_VOTED = "already_voted"
    INVALID_CHOICE = "invalid_choice"
    INVALID_OPTIONS = "invalid_options"
    POLL_OPEN = "poll_open"
    POLL_LAUNCHED = "poll_launched"


# Codes only the HTTP pages answer (forms, organiser pages, reports, campaigns); every other code is one a
# websocket (or the HTTP host command endpoint) may send, and has a row in docs/protocol.md's error table.
HTTP_ONLY_CODES = frozenset(
    {
        ErrorCode.ERROR,
        ErrorCode.INVALID,
        ErrorCode.REGISTRATION_ERROR,
        ErrorCode.CONSENT_REQUIRED,
        ErrorCode.DUPLICATE,
        ErrorCode.FULL,
        ErrorCode.INVALID_EMAIL,
        ErrorCode.INVALID_NAME,
        ErrorCode.INVALID_TIMES,
        ErrorCode.MISSING_ANSWER,
        ErrorCode.MISSING_NAME,
        ErrorCode.NOT_ENDED,
        ErrorCode.REPORT_BUSY,
        ErrorCode.ANSWERS_NEEDED,
        ErrorCode.EXPIRED,
        ErrorCode.IN_OTHER_CAMPAIGN,
        ErrorCode.INVALID_DATES,
        ErrorCode.INVALID_HASHTAG,
        ErrorCode.INVALID_INSTITUTION,
        ErrorCode.INVALID_KIND,
        ErrorCode.INVALID_LINK,
        ErrorCode.INVALID_PARTNER,
        ErrorCode.INVALID_TOPIC,
        ErrorCode.INVALID_URL,
        ErrorCode.MISSING_DATES,
        ErrorCode.MISSING_INSTITUTION,
        ErrorCode.MISSING_TEXT,
        ErrorCode.MISSING_TITLE,
        ErrorCode.NOT_IN_CAMPAIGN,
        ErrorCode.UNKNOWN_FIELD,
        ErrorCode.INVALID_OPTIONS,
        ErrorCode.POLL_LAUNCHED,
    }
)


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
# Text limits are checked by the services after trimming and answered ``too_long`` with ``limit``, never
# by the models (tests/live/test_bad_input.py checks no inbound string has a ``max_length``).
CARE_REPLY_MAX_CHARS = 500
REJECT_REASON_MAX_CHARS = 300


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


class Withdraw(_Command):
    """The author takes back their own question while it is not answered (published or still waiting)."""

    type: Literal["withdraw"]
    question_id: Id


class _HostCommand(_Command):
    """Every host command may carry a ``client_key``, echoed in its ack or error, so a host client that
    reconnects knows which of its commands ran (docs/protocol.md)."""

    client_key: ClientKey | None = Field(
        default=None, description="echoed in the ack or error: tells a reconnecting host which commands ran"
    )


class QuestionAction(_HostCommand):
    """Host actions on one question that take nothing but its id."""

    type: Literal["approve", "publish_anyway", "answer", "unanswer", "pin", "unpin"]
    question_id: Id


class Reject(_HostCommand):
    """A host removes a question from view; ``reason`` is shown to its author."""

    type: Literal["reject"]
    question_id: Id
    reason: Text = Field(
        default="",
        description=f"shown to the author; up to {REJECT_REASON_MAX_CHARS} characters after trimming",
    )


class Edit(_HostCommand):
    """A host replaces a question's text (published as written)."""

    type: Literal["edit"]
    question_id: Id
    text: Text = Field(description="1 to `config.max_question_chars` characters after trimming")


class Merge(_HostCommand):
    """A host folds a published duplicate into another published question."""

    type: Literal["merge"]
    question_id: Id
    into_id: Id | None = Field(default=None, description="the target; missing is `invalid_target`")


class Pause(_HostCommand):
    """Host controls of the whole webinar that take no value."""

    type: Literal["pause", "resume", "start", "end"]


class SlowMode(_HostCommand):
    """At most one question per attendee per ``seconds``; 0 turns slow mode off."""

    type: Literal["slow_mode"]
    seconds: Annotated[int, Field(ge=0, le=3600)]


class Mute(_HostCommand):
    type: Literal["mute", "unmute"]
    question_id: Id


class CareHandled(_HostCommand):
    """A host marks a care item (self-harm signals) as handled; it stays private."""

    type: Literal["care_handled"]
    question_id: Id


class CareReply(_HostCommand):
    """A host's private reply to the author of a care item; only the author sees it."""

    type: Literal["care_reply"]
    question_id: Id
    text: Text = Field(description=f"1 to {CARE_REPLY_MAX_CHARS} characters after trimming")


class PollCommand(_HostCommand):
    """A host launches a prepared poll (the webinar is live; one poll is open at a time) or closes it."""

    type: Literal["poll_launch", "poll_close"]
    poll_id: Id


POLL_MAX_CHOICES = 10
POLL_WORD_MAX_CHARS = 40


class PollAnswer(_Command):
    """An attendee's answer to the open poll: once per poll; a resend with the same ``client_key`` is acked
    again without counting twice. Send the field that fits the poll's ``kind``."""

    type: Literal["poll_vote"]
    client_key: ClientKey
    poll_id: Id
    # Each answer field may be null, which means the same as leaving it out (docs/protocol.md: only a
    # field of another kind with a value other than null is ``invalid_choice``).
    choices: Annotated[list[Annotated[int, Field(ge=0)]], Field(max_length=POLL_MAX_CHOICES)] | None = Field(
        default=None,
        description="`single` (exactly one) and `multiple` (one or more): indexes into the poll's `options`",
    )
    rating: Annotated[int, Field(ge=1, le=5)] | None = Field(default=None, description="`rating` polls: 1-5")
    word: Text | None = Field(
        default=None, description="`words` polls: up to 40 characters, screened; only published words count"
    )


Command = Annotated[
    Sync
    | Ping
    | Ask
    | Vote
    | RequestReview
    | Withdraw
    | QuestionAction
    | Reject
    | Edit
    | Merge
    | Pause
    | SlowMode
    | Mute
    | CareHandled
    | CareReply
    | PollCommand
    | PollAnswer,
    Field(discriminator="type"),
]
_command_adapter = TypeAdapter(Command)
INBOUND: tuple[type[_Command], ...] = (
    Sync,
    Ping,
    Ask,
    Vote,
    RequestReview,
    Withdraw,
    QuestionAction,
    Reject,
    Edit,
    Merge,
    Pause,
    SlowMode,
    Mute,
    CareHandled,
    CareReply,
    PollCommand,
    PollAnswer,
)


def _types_of(*models: type[BaseModel]) -> frozenset[str]:
    return frozenset(value for model in models for value in get_args(model.model_fields["type"].annotation))


HOST_COMMANDS = _types_of(
    QuestionAction, Reject, Edit, Merge, Pause, SlowMode, Mute, CareHandled, CareReply, PollCommand
)
ATTENDEE_COMMANDS = _types_of(Ask, Vote, RequestReview, PollAnswer)


class ProtocolError(Exception):
    """A frame that cannot be accepted; becomes an ``error`` message, the socket stays open.

    ``for_type`` and ``client_key`` are set when the frame was a known command (its ``type``) carrying a
    well-formed ``client_key``, so the client can tell which of its frames was refused; ``limit`` for
    ``too_long``.
    """

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        *,
        for_type: str | None = None,
        client_key: str | None = None,
        limit: int | None = None,
    ):
        super().__init__(message)
        self.code = code
        self.message = message
        self.for_type = for_type
        self.client_key = client_key
        self.limit = limit

    def as_message(self) -> dict:
        """The ``error`` message for this refusal (optional fields only when known)."""
        extra = {"for_type": self.for_type, "client_key": self.client_key, "limit": self.limit}
        return error_message(self.code, self.message, **{k: v for k, v in extra.items() if v is not None})


_client_key_adapter = TypeAdapter(ClientKey)
COMMAND_TYPES = frozenset(_types_of(*INBOUND))


def _echo(data: dict) -> dict:
    """``for_type`` and ``client_key`` of a frame that failed validation, when they can be trusted."""
    if data["type"] not in COMMAND_TYPES:
        return {}
    echo = {"for_type": data["type"]}
    with contextlib.suppress(ValidationError):
        echo["client_key"] = _client_key_adapter.validate_python(data.get("client_key"), strict=True)
    return echo


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def parse_command(text: str | None, *, max_bytes: int) -> Command:
    """Parse one text frame into a typed command, or raise ProtocolError."""
    if text is None:
        raise ProtocolError(
            ErrorCode.BINARY_FRAME, "Binary frames are not part of this protocol; send JSON text."
        )
    if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise ProtocolError(ErrorCode.FRAME_TOO_LARGE, f"Frames are limited to {max_bytes} bytes.")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise ProtocolError(ErrorCode.BAD_JSON, "The frame is not valid JSON.") from exc
    if not isinstance(data, dict):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "A message is a JSON object with a 'type'.")
    if not isinstance(data.get("type"), str):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "A message needs a string 'type'.")
    try:
        return _command_adapter.validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        if first.get("type") == "union_tag_invalid":
            raise ProtocolError(
                ErrorCode.UNKNOWN_TYPE, f"Unknown message type {data['type'][:40]!r}."
            ) from exc
        where = ".".join(str(part) for part in first.get("loc", ()) if not isinstance(part, int))
        if first.get("type") == "string_too_long":  # every text limit answers too_long with its limit
            limit = int((first.get("ctx") or {}).get("max_length", 0))
            raise ProtocolError(
                ErrorCode.TOO_LONG, f"{where}: at most {limit} characters.", limit=limit, **_echo(data)
            ) from exc
        raise ProtocolError(
            ErrorCode.INVALID_FIELD, f"{where or 'message'}: {first.get('msg', 'invalid')}", **_echo(data)
        ) from exc


# --- Outbound: the models ---------------------------------------------------------------------------
#
# Builders below return plain dicts (one encode per broadcast, no model on the hot path); these models
# are what those dicts must be. ``ServerMessage`` validates any of them; the test suite runs every
# message any test emits through it, and docs/protocol.md is checked against ``reference_markdown``.


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


Role = Literal["attendee", "host", "organiser", "stage"]
QuestionStatus = Literal[
    "pending", "checking", "held", "care", "blocked", "published", "rejected", "merged", "withdrawn"
]
WebinarStatus = Literal["draft", "scheduled", "live", "ended", "cancelled"]
# After these the room has no live traffic: no viewer count (docs/protocol.md, "After the end").
LIVE_OVER: frozenset[str] = frozenset({"ended", "cancelled"})


class PublicQuestion(_Out):
    """A published question as every viewer sees it (no e-mail, registration id or status)."""

    id: int
    text: str = Field(description="personal data the host published anyway is masked (e.g. `012-••• ••••`)")
    author: str = Field(description="the author's name, or the viewer's translation of 'Anonymous'")
    anonymous: bool
    votes: int
    pinned: bool
    answered: bool
    created_at: str | None = Field(description="ISO 8601 with offset")
    edited: bool = Field(description="a host changed the text")


class OwnReason(_Out):
    code: str
    category: str
    message: str = Field(description="in the author's language")


class OwnQuestion(PublicQuestion):
    """The author's own question, in any status: what happened to it, in their language."""

    status: QuestionStatus
    client_key: str = Field(
        description="the `client_key` of the `ask` that made it: a pending copy with this key is it"
    )
    status_label: str = Field(description="translated; for care items a supportive status, never 'Rejected'")
    reasons: list[OwnReason] = Field(
        description="screening reasons (not for published or care questions): one per category (per code "
        "for personal data and flood), the most specific, naming every matched word once"
    )
    reject_reason: str
    review_requested: bool
    can_request_review: bool
    can_withdraw: bool = Field(
        description="the author may still take it back (`withdraw`): not answered, not a care item"
    )
    masked: list[str] = Field(
        default_factory=list,
        description="what was hidden before publishing, translated (e.g. 'phone number'); empty if nothing",
    )
    care_message: str | None = Field(default=None, description="care items only: a supportive message")
    care_resources: str | None = Field(default=None, description="care items only: one resource per line")
    care_reply: str | None = Field(
        default=None, description="care items only, once a host replied: the host's private reply"
    )


class StaffReason(_Out):
    code: str
    category: str
    message: str = Field(
        description="in the host's language; a question's self-harm reasons add the support message once"
    )
    start: int | None = Field(
        description="span in `text` (characters), or null (also after a host edited the text)"
    )
    end: int | None
    matched: str
    severity: int


class Screening(_Out):
    action: str = Field(description="publish, hold or block (empty if not screened)")
    categories: list[str]
    score: float | None
    model_version: str | None
    top_features: list[Any]
    heads: dict[str, float] = Field(
        default_factory=dict,
        description="each model head (abuse, hate, sexual, threat, self_harm, spam) and its probability 0-1",
    )
    fired: list[str] = Field(
        default_factory=list, description="the heads at or above their threshold: which head held it"
    )
    shadow_action: str = Field(
        default="", description="shadow mode: the action screening would have taken (hold, block), else empty"
    )
    reasons: list[StaffReason]
    error: str | None


class StaffQuestion(PublicQuestion):
    """A question as the webinar's hosts see it: everything needed to moderate."""

    author: str = Field(description="the real name, even for anonymous questions")
    author_id: int | None = Field(description="registration id (null after the author deleted their data)")
    author_muted: bool = Field(description="the hosts muted this author (`unmute` undoes it)")
    status: QuestionStatus
    language: str
    screening: Screening
    care: bool
    care_handled: bool
    care_replied: bool
    review_requested: bool
    reject_reason: str
    merged_into: int | None
    original_text: str = Field(description="the text as submitted, when it was edited or masked")
    masked: list[str] = Field(description="categories masked when published (`phone`, `mykad`, ...)")
    moderated_at: str | None
    allowed: list[str] = Field(description="the host commands legal for this question now (server decides)")
    publish_overrides: bool = Field(
        description="publishing it would override screening (audited as `question.publish_anyway`)"
    )


class WebinarState(_Out):
    id: int
    slug: str
    title: str = Field(
        description="in the viewer's language: the Malay title for a Malay viewer when the organiser "
        "gave one, the main title otherwise (as the webinar's pages show it)"
    )
    status: WebinarStatus
    questions_paused: bool
    slow_mode_seconds: int


class WelcomeConfig(_Out):
    heartbeat_seconds: int
    max_question_chars: int
    max_frame_bytes: int
    registration_id: int | None
    name: str
    own_resync_seconds: int = Field(
        ge=1,
        description="while one of your own questions is `pending`, `checking`, or `care` without a "
        "`care_reply`, send `sync` with your cursors every this many seconds, times a random 0.7-1.3 "
        "(docs: *Own questions*)",
    )


class Welcome(_Out):
    type: Literal["welcome"]
    protocol: Literal[1]
    role: Role
    webinar: WebinarState
    seq: int
    staff_seq: int | None
    config: WelcomeConfig


class PollOption(_Out):
    en: str = Field(description="may be empty when only the Malay text exists")
    ms: str = Field(description="may be empty when only the English text exists")


class PublicPoll(_Out):
    """A launched poll as every viewer sees it (questions and choices in both languages)."""

    id: int
    kind: Literal["single", "multiple", "rating", "words"]
    question_en: str
    question_ms: str
    options: list[PollOption] = Field(
        description="`single`/`multiple` only (else empty); answers are indexes"
    )
    status: Literal["open", "closed"]


class PollWord(_Out):
    word: str
    count: int


class PollResultsData(_Out):
    """What a poll's counted answers add up to (absolute, never deltas)."""

    poll_id: int
    voters: int = Field(description="registrations whose answer counts")
    version: int = Field(description="grows with every counted answer: ignore a lower one than already shown")
    counts: list[int] = Field(
        description="votes per option index (`single`/`multiple`) or per rating 1-5 (index 0 is 1)"
    )
    average: float | None = Field(description="`rating` only: mean to 2 decimals; null without votes")
    words: list[PollWord] = Field(
        description="`words` only: the 30 most frequent published words, case-folded, most frequent first"
    )


class OpenPoll(_Out):
    poll: PublicPoll
    results: PollResultsData
    answered: bool = Field(description="this viewer's registration has answered it")


class PollEventData(_Out):
    poll: PublicPoll
    results: PollResultsData


class Snapshot(_Out):
    type: Literal["snapshot"]
    seq: int
    staff_seq: int | None
    webinar: WebinarState
    questions: list[PublicQuestion]
    mine: list[OwnQuestion]
    my_votes: list[int]
    queue: list[StaffQuestion] | None = Field(default=None, description="staff viewers only")
    poll: OpenPoll | None = Field(default=None, description="the open poll and its results, if one is open")
    closed_polls: list[PollEventData] = Field(
        default_factory=list,
        description="every closed poll with its final results, in the order they were closed",
    )


class Synced(_Out):
    type: Literal["synced"]
    seq: int
    staff_seq: int | None
    mine: list[OwnQuestion] = Field(
        description="every own question as it is now (all but merged ones, newest first: never more than "
        "50, the most one attendee may ask; `[]` for staff and the stage): replace yours, it repairs any "
        "`mine.question` you missed"
    )
    my_votes: list[int]
    votes: dict[str, int]


class QuestionData(_Out):
    question: PublicQuestion


class RemovedData(_Out):
    question_id: int
    merged_into: int | None


class StatusData(_Out):
    status: WebinarStatus


class SettingsData(_Out):
    questions_paused: bool
    slow_mode_seconds: int


class StaffQuestionData(_Out):
    question: StaffQuestion


class StaffAttendeeData(_Out):
    registration_id: int
    muted: bool


class _Event(_Out):
    seq: int = Field(ge=1)


class QuestionPublished(_Event):
    type: Literal["question.published"]
    stream: Literal["public"]
    data: QuestionData


class QuestionUpdated(_Event):
    type: Literal["question.updated"]
    stream: Literal["public"]
    data: QuestionData


class QuestionRemoved(_Event):
    type: Literal["question.removed"]
    stream: Literal["public"]
    data: RemovedData


class WebinarStatusEvent(_Event):
    type: Literal["webinar.status"]
    stream: Literal["public"]
    data: StatusData


class WebinarSettingsEvent(_Event):
    type: Literal["webinar.settings"]
    stream: Literal["public"]
    data: SettingsData


class StaffQuestionEvent(_Event):
    type: Literal["staff.question"]
    stream: Literal["staff"]
    data: StaffQuestionData


class StaffAttendeeEvent(_Event):
    type: Literal["staff.attendee"]
    stream: Literal["staff"]
    data: StaffAttendeeData


class PollLaunched(_Event):
    type: Literal["poll.launched"]
    stream: Literal["public"]
    data: PollEventData


class PollClosed(_Event):
    """The poll takes no more answers; `results` are final (show them until the next poll)."""

    type: Literal["poll.closed"]
    stream: Literal["public"]
    data: PollEventData


class MineQuestion(_Out):
    """Not sequenced and never replayed: a lost one is repaired by the `mine` of the next `sync` reply."""

    type: Literal["mine.question"]
    question: OwnQuestion


class Votes(_Out):
    type: Literal["votes"]
    counts: dict[str, int] = Field(description="question id (as a string) → absolute tally")


class Presence(_Out):
    type: Literal["presence"]
    count: int


class PresenceDetail(_Out):
    type: Literal["presence_detail"]
    count: int
    registered: int
    guests: int
    languages: dict[str, int]


class Ack(_Out):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    type: Literal["ack"]
    for_: str = Field(alias="for", description="the command type acknowledged")
    client_key: str | None
    question: OwnQuestion | None = Field(default=None, description="`ask` only")
    question_id: int | None = Field(
        default=None, description="`vote`, `request_review`, `withdraw`, host question commands"
    )
    votes: int | None = Field(default=None, description="`vote` only: the tally after it")
    voted: bool | None = Field(default=None, description="`vote` only")
    poll_id: int | None = Field(default=None, description="`poll_vote`, `poll_launch`, `poll_close`")
    counted: bool | None = Field(
        default=None, description="`poll_vote` only: false while screening holds a word (it never counts)"
    )


class Error(_Out):
    type: Literal["error"]
    code: ErrorCode
    message: str = Field(description="human-readable, in the viewer's language where translated")
    for_type: str | None = Field(default=None, description="the command type this answers")
    client_key: str | None = Field(default=None, description="echoed when the command had one")
    retry_after: float | None = Field(default=None, description="seconds")
    limit: int | None = Field(
        default=None,
        description="`too_long`: the maximum number of characters; "
        "`question_limit`: the most questions one attendee may ask in a webinar",
    )


class Resync(_Out):
    type: Literal["resync"]
    reason: Literal["slow_consumer"]


class Pong(_Out):
    type: Literal["pong"]


class ResourceCard(_Out):
    type: Literal["resource_card"]
    push_id: Id = Field(description="this push; clicks are counted per push (so per webinar)")
    kind: Literal["article", "video", "pdf", "helpline", "guide"]
    title_en: str = Field(description="may be empty when only the Malay title exists")
    title_ms: str = Field(description="may be empty when only the English title exists")
    url: str = Field(description="site-relative link that counts the click, then opens the resource")


class PollResults(PollResultsData):
    """Coalesced like `votes` (at most one per poll every 0.25 s) while a poll is open."""

    type: Literal["poll_results"]


class PledgeCount(_Out):
    type: Literal["pledge_count"]
    campaign_id: Id = Field(description="the campaign whose pledge this counts")
    count: Annotated[int, Field(ge=0)] = Field(description="people who took the pledge (absolute)")


EVENTS: tuple[type[_Event], ...] = (
    QuestionPublished,
    QuestionUpdated,
    QuestionRemoved,
    WebinarStatusEvent,
    WebinarSettingsEvent,
    StaffQuestionEvent,
    StaffAttendeeEvent,
    PollLaunched,
    PollClosed,
)
OUTBOUND: tuple[type[_Out], ...] = (
    Welcome,
    Snapshot,
    Synced,
    *EVENTS,
    MineQuestion,
    Votes,
    Presence,
    PresenceDetail,
    Ack,
    Error,
    Resync,
    Pong,
    PledgeCount,
    ResourceCard,
    PollResults,
)
REPRESENTATIONS: tuple[type[_Out], ...] = (PublicQuestion, OwnQuestion, StaffQuestion)
ServerMessage = Annotated[
    Welcome
    | Snapshot
    | Synced
    | QuestionPublished
    | QuestionUpdated
    | QuestionRemoved
    | WebinarStatusEvent
    | WebinarSettingsEvent
    | StaffQuestionEvent
    | StaffAttendeeEvent
    | MineQuestion
    | Votes
    | Presence
    | PresenceDetail
    | Ack
    | Error
    | Resync
    | Pong
    | PledgeCount
    | ResourceCard
    | PollLaunched
    | PollClosed
    | PollResults,
    Field(discriminator="type"),
]
_server_adapter = TypeAdapter(ServerMessage)


def _literal(model: type[BaseModel], name: str) -> str:
    return get_args(model.model_fields[name].annotation)[0]


# Message type names, one home: services record them, the live pages receive them as
# ``config.messages`` (``{"question_published": "question.published", ...}``) instead of spelling them.
MESSAGE_TYPES: dict[str, str] = {
    _literal(model, "type").replace(".", "_"): _literal(model, "type") for model in OUTBOUND
}
EVENT_STREAMS: dict[str, str] = {_literal(m, "type"): _literal(m, "stream") for m in EVENTS}
QUESTION_PUBLISHED = _literal(QuestionPublished, "type")
QUESTION_UPDATED = _literal(QuestionUpdated, "type")
QUESTION_REMOVED = _literal(QuestionRemoved, "type")
WEBINAR_STATUS = _literal(WebinarStatusEvent, "type")
WEBINAR_SETTINGS = _literal(WebinarSettingsEvent, "type")
STAFF_QUESTION = _literal(StaffQuestionEvent, "type")
STAFF_ATTENDEE = _literal(StaffAttendeeEvent, "type")
POLL_LAUNCHED = _literal(PollLaunched, "type")
POLL_CLOSED = _literal(PollClosed, "type")


def validate_outgoing(message: dict) -> BaseModel:
    """Check one outgoing message against its model; raises pydantic.ValidationError if it differs."""
    return _server_adapter.validate_python(message)


# --- Outbound: the builders --------------------------------------------------------------------------


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


def error_message(code: ErrorCode, message: str, **extra) -> dict:
    return {"type": "error", "code": ErrorCode(code), "message": message, **extra}


def ack_message(*, for_type: str, client_key: str | None = None, **data) -> dict:
    return {"type": "ack", "for": for_type, "client_key": client_key, **data}


def votes_message(counts: dict[int, int]) -> dict:
    return {"type": "votes", "counts": {str(k): v for k, v in counts.items()}}


def presence_message(count: int) -> dict:
    return {"type": "presence", "count": count}


def presence_detail_message(detail: dict) -> dict:
    return {"type": "presence_detail", **detail}


def resource_card_message(*, push_id: int, kind: str, title_en: str, title_ms: str, url: str) -> dict:
    return {
        "type": "resource_card",
        "push_id": push_id,
        "kind": kind,
        "title_en": title_en,
        "title_ms": title_ms,
        "url": url,
    }


def pledge_count_message(*, campaign_id: int, count: int) -> dict:
    return {"type": "pledge_count", "campaign_id": campaign_id, "count": count}


def poll_results_message(results: dict) -> dict:
    """``results`` is ``webinar.campaigns.selectors.poll_results`` (its ``kind``/``status`` left out)."""
    return {"type": "poll_results", **{k: v for k, v in results.items() if k not in ("kind", "status")}}


def mine_question_message(question: dict) -> dict:
    return {"type": "mine.question", "question": question}


PONG = {"type": "pong"}
RESYNC = {"type": "resync", "reason": "slow_consumer"}


# --- The reference tables in docs/protocol.md ---------------------------------------------------------


def _type_text(schema: dict, defs: dict) -> str:
    if "$ref" in schema:
        return f"<{schema['$ref'].rsplit('/', 1)[-1]}>"
    if "const" in schema:
        return f"`{json.dumps(schema['const'])}`"
    if "enum" in schema:
        return " or ".join(f"`{json.dumps(v)}`" for v in schema["enum"])
    if "anyOf" in schema:
        return " or ".join(_type_text(part, defs) for part in schema["anyOf"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {_type_text(schema.get('items', {}), defs)}"
    if kind == "object" and "additionalProperties" in schema:
        return f"object of {_type_text(schema['additionalProperties'], defs)}"
    return {"integer": "int", "number": "number", "boolean": "bool", "string": "string", "null": "null"}.get(
        kind, kind
    )


def _table(name: str, schema: dict, defs: dict) -> list[str]:
    required = set(schema.get("required", ()))
    lines = [f"#### {name}", "", "| field | type | required | notes |", "|---|---|---|---|"]
    for field_name, prop in schema.get("properties", {}).items():
        note = prop.get("description", "").replace("|", "\\|")
        typ = _type_text(prop, defs).replace("|", "\\|")
        lines.append(f"| `{field_name}` | {typ} | {'yes' if field_name in required else 'no'} | {note} |")
    return [*lines, ""]


def reference_markdown() -> str:
    """The generated message reference: one table per message and representation, from the models."""
    lines = ["### Client → server", ""]
    model: type[BaseModel]
    for model in INBOUND:
        schema = model.model_json_schema(by_alias=True)
        lines += _table(" / ".join(f"`{t}`" for t in sorted(_types_of(model))), schema, {})
    lines += ["### Server → client", ""]
    for model in OUTBOUND:
        schema = model.model_json_schema(by_alias=True)
        lines += _table(f"`{_literal(model, 'type')}`", schema, schema.get("$defs", {}))
    lines += ["### Nested shapes", ""]
    nested: dict[str, dict] = {}
    for model in (*OUTBOUND, *REPRESENTATIONS):
        nested.update(model.model_json_schema(by_alias=True).get("$defs", {}))
    for model in REPRESENTATIONS:
        nested[model.__name__] = model.model_json_schema(by_alias=True)
    for name in sorted(nested):
        if "properties" in nested[name]:
            lines += _table(f"<{name}>", nested[name], nested)
    socket_codes = [f"`{code.value}`" for code in ErrorCode if code not in HTTP_ONLY_CODES]
    lines += [
        "#### <ErrorCode>",
        "",
        "A string, one of: " + ", ".join(socket_codes) + " (each explained in the `error` code table above).",
        "",
    ]
    return "\n".join(lines).rstrip() + "\n"
