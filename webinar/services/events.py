"""The durable event log behind the websocket (docs/protocol.md).

``event_record`` must run inside the transaction that made the change: it takes the webinar
row lock, allocates the next gap-free sequence number of the stream, stores the event, and
hands it to ``realtime.broadcast`` only after commit (RELIABILITY R1, R2).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from realtime import broadcast, protocol
from webinar.models import Webinar, WebinarEvent

Stream = WebinarEvent.Stream


def event_record(*, webinar_id: int, stream: str, type: str, payload: dict) -> dict:
    """Append one event and schedule its broadcast; returns the wire message."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("event_record must run inside the transaction that made the change")
    field = "last_public_seq" if stream == Stream.PUBLIC else "last_staff_seq"
    # UPDATE ... SET seq = seq + 1 takes the row lock; reading it back inside the same
    # transaction gives a number no other writer can hold.
    Webinar.objects.filter(pk=webinar_id).update(**{field: F(field) + 1})
    seq = Webinar.objects.filter(pk=webinar_id).values_list(field, flat=True).get()
    WebinarEvent.objects.create(webinar_id=webinar_id, stream=stream, seq=seq, type=type, payload=payload)
    message = protocol.event_message(type=type, seq=seq, stream=stream, payload=payload)
    transaction.on_commit(lambda: broadcast.publish(webinar_id=webinar_id, stream=stream, message=message))
    return message


def events_since(*, webinar_id: int, stream: str, after_seq: int, limit: int) -> list[dict] | None:
    """Events after ``after_seq`` in order, or None when more than ``limit`` were missed (reload instead)."""
    rows = list(
        WebinarEvent.objects.filter(webinar_id=webinar_id, stream=stream, seq__gt=after_seq)
        .order_by("seq")
        .values_list("seq", "type", "payload")[: limit + 1]
    )
    if len(rows) > limit:
        return None
    return [protocol.event_message(type=t, seq=s, stream=stream, payload=p) for s, t, p in rows]
