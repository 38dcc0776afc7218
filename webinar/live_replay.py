"""The public replay a resuming viewer gets (``sync`` with ``since``), read once for many viewers.

A reconnect storm brings back thousands of viewers of one webinar within seconds, nearly all from
the same cursor or a few near it. ``replay_range_read`` reads the public events after one cursor,
the webinar's cursor and the vote tallies once, encodes each event once, and every viewer resuming
from that cursor or a later one is served its slice (``ReplayRange.resume``).
``realtime.replay.SharedReplay`` decides who may share a range; docs/protocol.md ("`sync`") and
docs/scaling.md ("Restarts and reconnect storms") give the rules.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import orjson
from django.utils import translation

from realtime import protocol
from webinar.live_state import vote_counts
from webinar.models import Webinar
from webinar.services.events import Stream, events_since


@dataclass(frozen=True)
class ReplayRange:
    """The ``public`` events after cursor ``after`` as read once, in one language.

    ``seqs`` and ``texts``: the events in order, each localised and encoded once (``protocol.dumps``);
    ``complete``: False when more than the replay limit followed ``after`` (``seqs`` is then empty);
    ``seq``: the webinar's ``last_public_seq``, read after the events (so at least the last of them);
    ``votes``: ``synced.votes`` as of the read, encoded once (``orjson.Fragment``).
    """

    after: int
    seq: int
    seqs: tuple[int, ...]
    texts: tuple[str, ...]
    complete: bool
    votes: orjson.Fragment

    def covers(self, since: int) -> bool:
        """Whether a viewer whose cursor is ``since`` can be answered from this range.

        ``since`` must lie between ``after`` and ``seq``; a viewer behind an incomplete range's
        cursor needs events it does not hold (a viewer at ``after`` itself gets the snapshot).
        """
        return self.after <= since <= self.seq and (self.complete or since == self.after)

    def resume(self, since: int) -> tuple[tuple[str, ...], int] | None:
        """``(texts of the events after since, synced seq)``, or None for a snapshot instead.

        None when more than the replay limit followed ``since``, or ``since`` is ahead of the
        webinar's cursor (a cursor from the future: docs/protocol.md). Call with ``since`` from
        ``after`` on; the synced seq is the last event's, or ``since`` when none followed it.
        """
        if not self.complete or since > self.seq or since < self.after:
            return None
        texts = self.texts[bisect_right(self.seqs, since) :]
        return texts, (self.seqs[-1] if texts else since)


def replay_range_read(*, webinar_id: int, after_seq: int, limit: int, language: str) -> ReplayRange:
    """Read the public events after ``after_seq`` (at most ``limit``), then the cursor and the tallies.

    Three indexed queries: the events (``(webinar, stream, seq)``), the webinar row by primary key,
    and the published questions' counts. Anonymous authors are shown in ``language``. The cursor is
    read after the events, so a viewer at ``seq`` or below misses nothing the events read could hold.
    """
    with translation.override(language):
        events = events_since(webinar_id=webinar_id, stream=Stream.PUBLIC, after_seq=after_seq, limit=limit)
    seq = Webinar.objects.filter(pk=webinar_id).values_list("last_public_seq", flat=True).get()
    votes = orjson.Fragment(orjson.dumps(vote_counts(webinar_id=webinar_id)))
    if events is None:
        return ReplayRange(after_seq, seq, (), (), False, votes)
    return ReplayRange(
        after_seq,
        seq,
        tuple(event["seq"] for event in events),
        tuple(protocol.dumps(event) for event in events),
        True,
        votes,
    )


def synced_message(*, seq: int, mine: list[dict], my_votes: list[int], votes: orjson.Fragment) -> dict:
    """The ``synced`` that ends a non-staff viewer's replay (docs/protocol.md: ``staff_seq`` is null)."""
    return {
        "type": "synced",
        "seq": seq,
        "staff_seq": None,
        "mine": mine,
        "my_votes": my_votes,
        "votes": votes,
    }
