"""What a server process does once at start-up, after Django is set up and before it serves anything.

``webinar/asgi.py`` hands ``server_process_ready`` to the lifespan (``realtime.runtime.RealtimeApp``), so
Uvicorn runs it once per server process at the lifespan's start-up.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)


def server_process_ready() -> None:
    """Load the screener, then freeze every object alive out of the garbage collector's scans.

    Loading: the first question of a process would otherwise wait for the model, the word lists and the
    compiled rules (about a second). Freezing (``gc.freeze()``, after a ``gc.collect()`` that leaves only
    what is in use): the screener holds ~90,000 long-lived objects (word lists, compiled patterns, phrase
    tables), and every full collection walked them all, 45-55 ms each time one fell due, which lands on
    whichever comment is being screened (docs/screening.md, "Speed"). Frozen objects stay alive as
    before and are still freed by reference counting; only the cyclic collector stops scanning them,
    and it keeps collecting everything made later. This is the start-up use Python's documentation
    describes for ``gc.freeze`` and what Instagram runs in its Django servers; it is process-wide, so it
    belongs to the server's start-up (here), not to the screening library, and a process that imports
    the library for something else (a management command, the tests) is left as it is.

    Raises nothing the caller must handle: a screener that cannot load is logged (questions are held
    until it can, as everywhere) and the objects made so far are frozen all the same.
    """
    from webinar.screening import Policy, screen

    try:
        screen("warm up", policy=Policy())
    except Exception:  # the screener holds every question while it cannot load; start anyway
        log.exception("screener not loaded at start-up")
    gc.collect()
    gc.freeze()
    log.info("server process ready: %d objects frozen out of the collector's scans", gc.get_freeze_count())
