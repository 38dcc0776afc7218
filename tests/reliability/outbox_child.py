"""A process that commits a change owing work on commit (an e-mail, a report rebuild) and dies before
its on-commit hooks queue that work.

``python -m tests.reliability.outbox_child register <webinar id> <e-mail>`` registers through the real
``registration_create``; ``... delete <registration id>`` deletes an attendee's data through the real
``attendee_data_delete``. A hook registered first in the same transaction prints ``committed`` and
sleeps, so the service's own hooks (queueing the e-mail, the report build) never run; the test kills
this process with SIGKILL once it reads the line: the commit happened, the queueing did not.
"""

from __future__ import annotations

import sys
import time

import django


def _die_after_commit() -> None:
    print("committed", flush=True)
    time.sleep(600)


def main(action: str, *args: str) -> None:
    django.setup()
    from django.db import transaction

    from webinar.models import Registration, Webinar
    from webinar.services.privacy import attendee_data_delete
    from webinar.services.registration import registration_create

    with transaction.atomic():
        transaction.on_commit(_die_after_commit)
        if action == "register":
            webinar = Webinar.objects.get(pk=int(args[0]))
            registration_create(webinar=webinar, name="Siti", email=args[1], consent=True)
        elif action == "delete":
            attendee_data_delete(registration=Registration.objects.get(pk=int(args[0])))
        else:
            raise SystemExit(f"unknown action {action!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
