"""A server process's start-up (webinar/startup.py): the screener loaded, start-up objects frozen."""

from __future__ import annotations

import gc

from webinar.asgi import application
from webinar.screening import model
from webinar.startup import FULL_COLLECTION_EVERY, server_process_ready, server_process_start


def test_the_server_process_loads_the_screener_and_freezes_what_start_up_made(settings):
    settings.DEWAN_SCREENER_WARM_UP = True  # as in production (the test settings turn it off)
    assert application.on_startup is server_process_start  # what Uvicorn's lifespan start-up runs
    threshold = gc.get_threshold()
    try:
        server_process_ready()
        # Young collections as before; a full one waits for 100 second-generation ones, not 10.
        assert gc.get_threshold() == (threshold[0], threshold[1], FULL_COLLECTION_EVERY)
        assert model._model is not None  # the first question does not wait for the model
        frozen = gc.get_freeze_count()
        assert frozen > 10_000  # the screener's word lists, patterns and tables, among the rest
        made_later = [[] for _ in range(1000)]  # tracked by the collector, made after start-up
        assert gc.get_freeze_count() == frozen  # only what existed at start-up is frozen
        del made_later
    finally:
        gc.unfreeze()  # the test process goes on as it was
        gc.set_threshold(*threshold)
