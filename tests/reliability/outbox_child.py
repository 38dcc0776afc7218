"""A process that commits a change owing work on commit (an e-mail, a report rebuild) and dies before
its on-commit hooks queue that work.

``python -m tests.reliability.outbox_child register <webinar id> <e-mail>`` registers through the real
``registration_create``; ``... delete <registration id>`` deletes an attendee's data through the real
``attendee_data_delete``; ``... reschedule <webinar id>`` moves the webinar an hour later through the
real ``webinar_update``, and ``... cancel-webinar <webinar id>`` cancels it through ``webinar_transition``.
A hook registered first in the same transaction prints ``committed`` and sleeps, so the service's own
hooks (queueing the e-mail, the report build, the fan-out) never run; the test kills this process with
SIGKILL once it reads the line: the commit happened, the queueing did not.

``... reschedule <webinar id> --die-after-emails <n>`` lets the hooks run (tasks run in this process, the
embedded default) and dies in the middle of the fan-out instead: each e-mail handed over prints
``sent <address>``; before handing over e-mail n + 1 it prints ``dying`` and sleeps, its send's
transaction open, for the test to kill it there.
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta

import django
from django.core.mail.backends.base import BaseEmailBackend


def _die_after_commit(line: str = "committed") -> None:
    print(line, flush=True)
    time.sleep(600)


class DyingEmailBackend(BaseEmailBackend):
    """Hands over ``DIE_AFTER`` e-mails (printing each recipient), then announces ``dying`` and hangs."""

    sent = 0

    def send_messages(self, email_messages):
        for message in email_messages:
            if DyingEmailBackend.sent >= DIE_AFTER:
                _die_after_commit("dying")
            DyingEmailBackend.sent += 1
            print("sent", *message.to, flush=True)
        return len(email_messages)


DIE_AFTER = 0


def main(action: str, *args: str) -> None:
    global DIE_AFTER
    django.setup()
    from django.conf import settings
    from django.db import transaction

    from webinar.models import Registration, Webinar
    from webinar.services.lifecycle import webinar_transition, webinar_update
    from webinar.services.privacy import attendee_data_delete
    from webinar.services.registration import registration_create

    die_mid_fan_out = "--die-after-emails" in args
    if die_mid_fan_out:
        DIE_AFTER = int(args[args.index("--die-after-emails") + 1])
        settings.EMAIL_BACKEND = f"{__name__}.DyingEmailBackend"
    with transaction.atomic():
        if not die_mid_fan_out:
            transaction.on_commit(_die_after_commit)
        if action == "reschedule":
            webinar = Webinar.objects.get(pk=int(args[0]))
            webinar_update(
                webinar=webinar,
                actor=None,
                starts_at=webinar.starts_at + timedelta(hours=1),
                ends_at=webinar.ends_at + timedelta(hours=1),
            )
        elif action == "cancel-webinar":
            webinar_transition(
                webinar=Webinar.objects.get(pk=int(args[0])), actor=None, to=Webinar.Status.CANCELLED
            )
        elif action == "register":
            webinar = Webinar.objects.get(pk=int(args[0]))
            registration_create(webinar=webinar, name="Siti", email=args[1], consent=True)
        elif action == "delete":
            attendee_data_delete(registration=Registration.objects.get(pk=int(args[0])))
        else:
            raise SystemExit(f"unknown action {action!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
    print("finished", flush=True)
