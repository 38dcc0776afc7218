"""R11: frames over the cap are refused; question text over the limit gets a clear error."""

from __future__ import annotations

import json

import pytest

from tests.live.helpers import db

pytestmark = pytest.mark.django_db(transaction=True)


async def test_r11_frame_over_the_cap_is_refused_and_the_socket_stays_usable(room, sockets, settings):
    from webinar.models import Question

    aisyah = await sockets.attendee(room.aisyah)
    big = json.dumps({"type": "ask", "client_key": "big", "text": "x" * settings.DEWAN_WS_MAX_FRAME_BYTES})
    await aisyah.send_text(big)
    error = await aisyah.receive()
    assert error["type"] == "error"
    assert error["code"] == "frame_too_large"
    await aisyah.send({"type": "ping"})
    assert (await aisyah.receive())["type"] == "pong"
    assert not await db(Question.objects.exists)()


async def test_r11_question_over_the_app_limit_gets_too_long_with_the_limit(room, sockets, settings):
    from webinar.models import Question

    aisyah = await sockets.attendee(room.aisyah)
    limit = settings.DEWAN_QUESTION_MAX_CHARS
    reply = await aisyah.request({"type": "ask", "client_key": "long", "text": "y" * (limit + 1)})
    assert (reply["code"], reply["limit"], reply["client_key"]) == ("too_long", limit, "long")
    assert not await db(Question.objects.exists)()


def test_r11_real_servers_cap_frames_above_the_apps_own_cap(settings):
    """Uvicorn defaults to 16 MiB frames, so every documented command sets a cap; it must be above the
    app's, or a frame just over the app's cap is closed with 1009 before the app can say
    ``frame_too_large`` (and a client that re-sends unacknowledged frames loops)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for path in ("Makefile", "README.md", "deploy/run-two-processes.sh", "tests/servers.py"):
        caps = [int(n) for n in re.findall(r'--ws-max-size"?,?\s*"?(\d+)', (root / path).read_text())]
        assert caps and all(cap > settings.DEWAN_WS_MAX_FRAME_BYTES for cap in caps), (path, caps)
