"""What re-checking an attendee's access costs (docs/privacy.md).

Since "delete my data" and cancelling must end access even when the revoke push is lost, the
consumer re-reads the registration before every attendee command that acts (ask, vote, sync, ...)
and on a ``ping`` once ``DEWAN_ACCESS_RECHECK_SECONDS`` (30) have passed. This bench measures, in
one process and one run: ``ping`` round trips per second on an attendee socket with the check on
every ping (``DEWAN_ACCESS_RECHECK_SECONDS=0``), with the default, and on a socket of the
webinar's organiser viewing the attendee page (the same heartbeat path, no registration, no check)
as the baseline; and the check alone, called directly. The last line printed is JSON.

    .venv/bin/python bench/access_check.py [--pings 2000]

Uses a fresh SQLite file and the in-memory channel layer (no services needed).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import live_webinar_with_viewers  # noqa: E402  (bench/ is on the path only now)


async def pings_per_second(application, slug: str, session_key: str, pings: int) -> float:
    from channels.testing import WebsocketCommunicator

    comm = WebsocketCommunicator(
        application,
        f"/ws/w/{slug}/?mode=attendee",
        headers=[(b"origin", b"http://127.0.0.1:8000"), (b"cookie", f"sessionid={session_key}".encode())],
    )
    connected, _ = await comm.connect(timeout=10)
    assert connected
    assert (await comm.receive_json_from(timeout=10))["type"] == "welcome"
    started = time.perf_counter()
    for _ in range(pings):
        await comm.send_json_to({"type": "ping"})
        while (await comm.receive_json_from(timeout=10))["type"] != "pong":
            pass
    elapsed = time.perf_counter() - started
    await comm.disconnect()
    return pings / elapsed


def run(args) -> dict:
    database = Path(tempfile.mkdtemp(prefix="dewan-bench-")) / "bench.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "webinar.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    env.pop("REDIS_URL", None)
    room = live_webinar_with_viewers(env, 2, title="Access check bench")

    from django.contrib.sessions.backends.db import SessionStore

    from webinar import live_state
    from webinar.asgi import application

    organiser = room["organiser"]
    staff = SessionStore()
    staff["_auth_user_id"] = str(organiser.pk)
    staff["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    staff["_auth_user_hash"] = organiser.get_session_auth_hash()
    staff.save()

    from django.conf import settings

    default_interval = settings.DEWAN_ACCESS_RECHECK_SECONDS

    async def attendee_pings(interval: float) -> float:
        settings.DEWAN_ACCESS_RECHECK_SECONDS = interval
        try:
            return await pings_per_second(application, room["slug"], room["keys"][0], args.pings)
        finally:
            settings.DEWAN_ACCESS_RECHECK_SECONDS = default_interval

    async def measure():
        # Warm every path, then alternate so drift hits all sides alike; best of three each.
        await pings_per_second(application, room["slug"], room["keys"][0], 50)
        await pings_per_second(application, room["slug"], staff.session_key, 50)
        every, default, baseline = [], [], []
        for _ in range(3):
            every.append(await attendee_pings(0))
            default.append(await attendee_pings(default_interval))
            baseline.append(await pings_per_second(application, room["slug"], staff.session_key, args.pings))
        return max(every), max(default), max(baseline)

    every_rate, attendee_rate, baseline_rate = asyncio.run(measure())

    viewer = live_state.Viewer(
        room["webinar_id"], room["slug"], "attendee", False, room["registrations"][0], None, "r:x", "en", "x"
    )
    session = SessionStore(session_key=room["keys"][0])
    session.load()
    calls = args.pings * 5
    started = time.perf_counter()
    for _ in range(calls):
        assert live_state.still_attendee(viewer, session=session, user=None)
    check_us = (time.perf_counter() - started) / calls * 1e6
    return {
        "pings": args.pings,
        "recheck_seconds": default_interval,
        "every_ping_checked_pings_per_second": round(every_rate, 1),
        "default_pings_per_second": round(attendee_rate, 1),
        "baseline_pings_per_second": round(baseline_rate, 1),
        "every_ping_to_baseline_ratio": round(every_rate / baseline_rate, 4),
        "default_to_baseline_ratio": round(attendee_rate / baseline_rate, 4),
        "check_microseconds": round(check_us, 1),
        "database": "sqlite",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pings", type=int, default=2000)
    args = parser.parse_args()
    print(json.dumps(run(args)))


if __name__ == "__main__":
    main()
