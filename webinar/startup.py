"""What a server process does once at start-up, after Django is set up and before it serves anything.

``webinar/asgi.py`` hands ``server_process_start`` to the lifespan (``realtime.runtime.RealtimeApp``), so
Uvicorn runs it once per server process at the lifespan's start-up.
"""

from __future__ import annotations

import gc
import logging

from django.conf import settings

log = logging.getLogger(__name__)

# Second-generation collections between two full ones once the process is up (CPython's default is 10).
FULL_COLLECTION_EVERY = 100


def screener_load() -> None:
    """Load the screener (model, word lists, compiled rules: ~0.8 CPU-s) by screening one comment.

    What a server process does before serving (``server_process_ready``), so that no question waits for
    it. The in-process socket tests drive the ASGI app without its lifespan, and call this once per
    test process for the same reason (tests/live/conftest.py). Raises what loading raises.
    """
    from webinar.screening import Policy, screen

    screen("warm up", policy=Policy())


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

    Then a full collection waits for ``FULL_COLLECTION_EVERY`` second-generation ones instead of 10
    (CPython's other condition, that the oldest generation grew by a quarter since the last full
    one, still applies). A connect burst's sockets (about 100 tracked objects each) survive into the
    oldest generation and, even with the start-up objects frozen, set off three full collections of
    60-70 ms per 2,000 connects: 0.16-0.18 ms of every connect, 0.06-0.07 ms with this (young
    collections only; bench/connect.py prints ``gc_ms_per_connect``, docs/scaling.md *Connect, fifth
    step*). Cycles left by closed sockets are still collected: by the young collections when they
    die young, by the rarer full ones otherwise.

    ``settings.DEWAN_SCREENER_WARM_UP`` off (the test settings), the screener is not loaded here: the
    first question loads it, and only what start-up made is frozen.

    Raises nothing the caller must handle: a screener that cannot load is logged (questions are held
    until it can, as everywhere) and the objects made so far are frozen all the same.
    """
    if getattr(settings, "DEWAN_SCREENER_WARM_UP", True):
        try:
            screener_load()
        except Exception:  # the screener holds every question while it cannot load; start anyway
            log.exception("screener not loaded at start-up")
    gc.collect()
    gc.freeze()
    young, middle, _full = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
    log.info("server process ready: %d objects frozen out of the collector's scans", gc.get_freeze_count())


def server_process_start() -> None:
    """The lifespan's start-up: ``server_process_ready``, then, in the embedded default, this process's
    sweep of ``checking`` questions (webinar/services/checking.py: once now, for the checks a process
    that died was running, then every ``DEWAN_CHECKING_SWEEP_SECONDS``; with a broker, beat sweeps) and
    its outbox sweep (webinar/services/outbox.py: the e-mails and report builds promised on commit that a
    process that died never queued, then every ``DEWAN_OUTBOX_SWEEP_SECONDS``)."""
    server_process_ready()
    from webinar.services.checking import checking_sweeper_start
    from webinar.services.outbox import outbox_sweeper_start

    for start in (checking_sweeper_start, outbox_sweeper_start):
        try:
            start()
        except Exception:  # the server is still useful without it; a broker's beat or a restart sweeps
            log.exception("%s failed", start.__name__)
