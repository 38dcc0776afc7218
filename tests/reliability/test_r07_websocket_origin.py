"""R7: the websocket Origin is validated; a missing or foreign Origin never opens a socket."""

from __future__ import annotations

import pytest

from tests.live.helpers import attendee_session, db

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("origin", [None, b"https://evil.example", b"null"])
async def test_r07_missing_or_foreign_origin_is_refused_even_with_a_valid_session(room, sockets, origin):
    key = await db(attendee_session)(room.aisyah)
    connected, _comm = await sockets.open(room.webinar.slug, session_key=key, origin=origin)
    assert not connected


async def test_r07_own_origin_with_the_same_session_is_accepted(room, sockets):
    key = await db(attendee_session)(room.aisyah)
    connected, _comm = await sockets.open(room.webinar.slug, session_key=key)
    assert connected
