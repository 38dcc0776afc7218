"""The durable event log behind the websocket (docs/protocol.md, "Replay shows the present").

``event_record`` must run inside the transaction that made the change: it takes the webinar
row lock, allocates the next gap-free sequence number of the stream, stores the event, and
hands it to ``realtime.broadcast`` only after commit (RELIABILITY R1, R2).

An event about a question records the question as its ``subject``. When the question changes
again, ``events_subject_rewrite`` rewrites every earlier event about it to the present: staff
events carry the current staff view, public events the current public view, or become
``question.removed`` when the question is no longer public. Rows are rewritten in place, so
sequence numbers stay gap-free, and a replay from any cursor never returns text that has since
been edited, rejected, deleted or redacted, nor the name of someone who deleted their data.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import translation

from realtime import broadcast, protocol
from webinar import representations
from webinar.models import Webinar, WebinarEvent

Stream = WebinarEvent.Stream


def _texts_by_language(message: dict) -> dict[str, str] | None:
    """The encoded message per site language, when it shows an anonymous author (else None)."""
    if not representations.needs_localising(message["data"]):
        return None
    return {
        code: protocol.dumps({**message, "data": representations.localise(message["data"], code)})
        for code, _name in settings.LANGUAGES
    }


def event_record(
    *, webinar_id: int, stream: str, type: str, payload: dict, subject_id: int | None = None
) -> dict:
    """Append one event and schedule its broadcast; returns the stored wire message.

    ``payload`` is the message's ``data`` (protocol.py models); ``subject_id`` the question it is
    about, if any. Raises RuntimeError outside a transaction.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("event_record must run inside the transaction that made the change")
    field = "last_public_seq" if stream == Stream.PUBLIC else "last_staff_seq"
    # UPDATE ... SET seq = seq + 1 takes the row lock; reading it back inside the same
    # transaction gives a number no other writer can hold.
    Webinar.objects.filter(pk=webinar_id).update(**{field: F(field) + 1})
    seq = Webinar.objects.filter(pk=webinar_id).values_list(field, flat=True).get()
    WebinarEvent.objects.create(
        webinar_id=webinar_id, stream=stream, seq=seq, type=type, payload=payload, subject_id=subject_id
    )
    message = protocol.event_message(type=type, seq=seq, stream=stream, payload=payload)
    texts = _texts_by_language(message)
    default = representations.localise(payload, settings.LANGUAGE_CODE)
    wire = protocol.event_message(type=type, seq=seq, stream=stream, payload=default)
    transaction.on_commit(
        lambda: broadcast.publish(webinar_id=webinar_id, stream=stream, message=wire, texts=texts)
    )
    return wire


# What a replay must never show once it is gone; other fields (votes, pinned, answered) only ever
# describe the present in the last event about a question, which is enough for a correct replay.
REDACTED_FIELDS = ("text", "original_text", "author", "anonymous", "status", "reject_reason", "masked")


def events_subject_needs_rewrite(*, webinar_id: int, subject_id: int, staff_payload: dict) -> bool:
    """True when earlier events about ``subject_id`` show something ``staff_payload`` no longer does.

    Compares the newest recorded staff event about the question with its present staff view on
    ``REDACTED_FIELDS``; call before recording the new events. Saves rewriting a question's whole
    history for changes that hide nothing (votes, pins, answered).
    """
    previous = (
        WebinarEvent.objects.filter(webinar_id=webinar_id, subject_id=subject_id, stream=Stream.STAFF)
        .order_by("-seq")
        .values_list("payload", flat=True)
        .first()
    )
    if previous is None:
        return False
    before, now = previous.get("question", {}), staff_payload["question"]
    return any(before.get(name) != now.get(name) for name in REDACTED_FIELDS)


def events_subject_rewrite(
    *,
    webinar_id: int,
    subject_id: int,
    staff_payload: dict,
    public_payload: dict | None,
    removed_payload: dict,
) -> None:
    """Rewrite every recorded event about question ``subject_id`` to its present state.

    Staff events get ``staff_payload``; public ``question.published``/``updated`` events get
    ``public_payload`` while the question is public, otherwise they become ``question.removed``
    with ``removed_payload``. Call inside the transaction that changed the question.
    """
    events = WebinarEvent.objects.filter(webinar_id=webinar_id, subject_id=subject_id)
    events.filter(stream=Stream.STAFF).update(payload=staff_payload)
    shown = events.filter(
        stream=Stream.PUBLIC, type__in=[protocol.QUESTION_PUBLISHED, protocol.QUESTION_UPDATED]
    )
    if public_payload is not None:
        shown.update(payload=public_payload)
    else:
        shown.update(type=protocol.QUESTION_REMOVED, payload=removed_payload)


def events_since(*, webinar_id: int, stream: str, after_seq: int, limit: int) -> list[dict] | None:
    """Events after ``after_seq`` in order, or None when more than ``limit`` were missed (reload instead).

    Anonymous authors are shown in the active language (the viewer's), as in snapshots.
    """
    rows = list(
        WebinarEvent.objects.filter(webinar_id=webinar_id, stream=stream, seq__gt=after_seq)
        .order_by("seq")
        .values_list("seq", "type", "payload")[: limit + 1]
    )
    if len(rows) > limit:
        return None
    language = translation.get_language() or settings.LANGUAGE_CODE
    return [
        protocol.event_message(type=t, seq=s, stream=stream, payload=representations.localise(p, language))
        for s, t, p in rows
    ]
