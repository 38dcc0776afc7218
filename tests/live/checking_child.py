"""A process that starts the second-stage check of one ``checking`` question and is killed mid-check.

``python -m tests.live.checking_child <question id>``: the check runs on the embedded default's thread
(``checking._local``), the real one; this process keeps the embedding engine busy (its one-at-a-time lock
held), so the check is certainly in flight (question read, engine made, waiting to embed) when it prints
``in flight`` and the test kills it with SIGKILL. Nothing of the check reaches the database.
"""

from __future__ import annotations

import sys
import time

import django


def main(question_id: int) -> None:
    django.setup()
    from webinar.screening import second_stage
    from webinar.services import checking

    second_stage._query_lock.acquire()
    checking._local(question_id)
    while second_stage._engine is None:  # the check thread has read the question and made the engine
        time.sleep(0.05)
    print("in flight", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    main(int(sys.argv[1]))
