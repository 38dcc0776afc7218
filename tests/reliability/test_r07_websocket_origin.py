"""R7: the websocket Origin is validated; a missing or foreign Origin never opens a socket."""

from __future__ import annotations

import pytest

from tests.live.helpers import attendee_session, db, host_session

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


@pytest.mark.parametrize(
    "origin",
    [b"http://testserver:8001", b"https://testserver", b"http://testserver.evil.example", b"ws://testserver"],
)
async def test_r07_same_host_on_another_port_or_scheme_is_refused(room, sockets, origin):
    key = await db(host_session)(room.host)
    connected, _comm = await sockets.open(room.webinar.slug, session_key=key, origin=origin, mode="host")
    assert not connected


async def test_r07_the_explicit_default_port_is_the_same_origin(room, sockets):
    key = await db(attendee_session)(room.aisyah)
    connected, _comm = await sockets.open(room.webinar.slug, session_key=key, origin=b"http://testserver:80")
    assert connected


def test_r07_the_content_security_policy_names_the_sites_own_websocket_origin(client, settings):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    connect = next(part for part in policy.split(";") if part.strip().startswith("connect-src")).split()
    site = settings.SITE_URL.split("://", 1)[1]
    assert connect[1:] == ["'self'", f"ws://{site}"], connect
