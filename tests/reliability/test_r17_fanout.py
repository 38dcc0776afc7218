"""R17, continued: a webinar-wide change (a new time, a cancellation) is told to every registrant exactly
once, whatever dies on the way.

The change writes one ``fanout`` outbox entry in its own transaction; the fan-out expands it, in one
transaction, into an ``email`` entry per registrant and queues each e-mail; the outbox sweep runs again
whatever was left open (webinar/services/outbox.py, notifications.registrants_notify, docs/reliability.md
"Work promised on commit"). The dying is real: a child process is SIGKILLed after its commit, or in the
middle of the fan-out with e-mails already handed over.
"""

from __future__ import annotations

import signal
import threading

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection

from tests.factories import make_registration, make_webinar
from tests.reliability.test_r17_outbox import child_until, die_after_commit, later
from webinar.models import OutboxEntry, Registration, Webinar
from webinar.services.lifecycle import webinar_update
from webinar.services.notifications import calendar_occasion, registrants_notify
from webinar.services.outbox import outbox_sweep
from webinar.services.registration import registration_cancel
from webinar.tasks import notify_registrants

pytestmark = pytest.mark.django_db(transaction=True)
Topic = OutboxEntry.Topic


def registrants(webinar: Webinar, count: int) -> list[str]:
    """``count`` registrants with a seat, one on the waitlist and one who cancelled; the addresses owed
    a webinar-wide e-mail (the seated and the waiting)."""
    owed = [make_registration(webinar, email=f"seat{n}@example.com").email for n in range(count)]
    webinar.capacity = count
    webinar.save(update_fields=["capacity"])
    owed.append(make_registration(webinar, email="waiting@example.com").email)
    registration_cancel(registration=make_registration(webinar, email="left@example.com"))
    mail.outbox.clear()
    return sorted(owed)


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.mark.parametrize(
    ("action", "kind"), [("reschedule", "rescheduled"), ("cancel-webinar", "webinar_cancelled")]
)
def test_r17_a_change_whose_process_died_before_the_fan_out_is_emailed_to_each_registrant_once(
    tmp_path, action, kind
):
    webinar = make_webinar(capacity=10)
    owed = registrants(webinar, 3)

    assert die_after_commit(tmp_path, action, str(webinar.pk)) == -signal.SIGKILL

    webinar.refresh_from_db()
    [fanout] = OutboxEntry.objects.filter(topic=Topic.FANOUT)
    assert (fanout.kind, fanout.occasion, fanout.done_at) == (kind, calendar_occasion(1), None)
    assert webinar.calendar_sequence == 1 and mail.outbox == []
    assert outbox_sweep().queued == []  # within the grace the on-commit fan-out may still be coming

    swept = outbox_sweep(now=later(settings.DEWAN_OUTBOX_GRACE_SECONDS + 1))

    assert swept.queued == [fanout.pk]
    assert recipients() == owed, "every registrant with a seat or on the waitlist, once; not who left"
    fanout.refresh_from_db()
    assert fanout.outcome == "expanded"
    emails = OutboxEntry.objects.filter(topic=Topic.EMAIL, kind=kind)
    assert sorted(emails.values_list("outcome", flat=True)) == ["sent"] * len(owed)
    seated = [message for message in mail.outbox if message.to != ["waiting@example.com"]]
    assert all(message.attachments for message in seated), "each seat with its calendar update"

    assert outbox_sweep(now=later(24 * 3600)).queued == []  # done: never again
    assert registrants_notify(webinar_id=webinar.pk, kind=kind, occasion=fanout.occasion) == 0  # run twice
    assert recipients() == owed


def test_r17_a_fan_out_killed_midway_is_finished_by_the_sweep_and_nobody_gets_two(tmp_path):
    webinar = make_webinar(capacity=10)
    owed = registrants(webinar, 5)

    lines, code = child_until(tmp_path, "dying", "reschedule", str(webinar.pk), "--die-after-emails", "2")

    assert code == -signal.SIGKILL
    sent_by_the_dead = sorted(line.removeprefix("sent ") for line in lines)
    assert len(sent_by_the_dead) == 2, lines
    emails = OutboxEntry.objects.filter(topic=Topic.EMAIL, kind="rescheduled")
    assert emails.count() == len(owed), "the expansion committed: every e-mail is owed in the outbox"
    assert emails.filter(done_at=None).count() == len(owed) - 2

    outbox_sweep(now=later(settings.DEWAN_OUTBOX_GRACE_SECONDS + 1))

    assert sorted(sent_by_the_dead + recipients()) == owed, "each registrant exactly one e-mail"
    assert set(sent_by_the_dead).isdisjoint(recipients())
    assert not emails.filter(done_at=None).exists()
    assert outbox_sweep(now=later(24 * 3600)).queued == []
    assert sorted(sent_by_the_dead + recipients()) == owed


def test_r17_two_changes_whose_fan_outs_were_lost_tell_each_registrant_the_time_in_force_once(monkeypatch):
    webinar = make_webinar(capacity=10)
    owed = registrants(webinar, 2)
    monkeypatch.setattr(notify_registrants, "delay", lambda *args: None)  # the broker loses both
    for hours in (1, 2):
        webinar_update(
            webinar=webinar,
            actor=webinar.organiser,
            starts_at=webinar.starts_at + hours * (webinar.ends_at - webinar.starts_at),
            ends_at=webinar.ends_at + hours * (webinar.ends_at - webinar.starts_at),
        )
        webinar.refresh_from_db()
    monkeypatch.undo()

    swept = outbox_sweep(now=later(settings.DEWAN_OUTBOX_GRACE_SECONDS + 1))

    first, second = OutboxEntry.objects.filter(topic=Topic.FANOUT).order_by("pk")
    assert swept.queued == [first.pk, second.pk]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.outcome, second.outcome) == ("superseded", "expanded")
    assert recipients() == owed, "one e-mail each, for the change in force"
    seated = [message for message in mail.outbox if message.to != ["waiting@example.com"]]
    assert all(b"SEQUENCE:2" in message.attachments[0][1].encode() for message in seated)
    assert set(
        OutboxEntry.objects.filter(topic=Topic.EMAIL, kind="rescheduled").values_list("occasion", flat=True)
    ) == {calendar_occasion(2)}


def test_r17_a_queued_e_mail_of_a_change_superseded_since_is_settled_without_sending(monkeypatch):
    from webinar.tasks import send_registration_email

    webinar = make_webinar(capacity=10)
    owed = registrants(webinar, 2)
    monkeypatch.setattr(send_registration_email, "delay", lambda *args: None)  # expanded, never sent
    webinar_update(webinar=webinar, actor=webinar.organiser, title="A new title")
    monkeypatch.undo()
    from webinar.services.lifecycle import webinar_transition

    webinar_transition(webinar=webinar, actor=webinar.organiser, to=Webinar.Status.CANCELLED)
    assert recipients() == owed  # the cancellation, once each

    outbox_sweep(now=later(settings.DEWAN_OUTBOX_GRACE_SECONDS + 1))

    assert recipients() == owed, "no 'new title' e-mail after the cancellation"
    outcomes = OutboxEntry.objects.filter(
        topic=Topic.EMAIL, kind__in=["rescheduled", "webinar_cancelled"]
    ).values_list("kind", "outcome")
    assert sorted(set(outcomes)) == [("rescheduled", "superseded"), ("webinar_cancelled", "sent")]
    assert Registration.objects.filter(webinar=webinar, emails_sent__has_key="rescheduled").count() == 0


def test_r17_two_fan_outs_of_one_change_at_once_owe_each_registrant_once(monkeypatch):
    if connection.vendor == "sqlite":
        pytest.skip("row locks need PostgreSQL (the services pass)")
    webinar = make_webinar(capacity=10)
    owed = registrants(webinar, 3)
    monkeypatch.setattr(notify_registrants, "delay", lambda *args: None)  # the broker loses the first
    webinar_update(webinar=webinar, actor=webinar.organiser, title="Moved")
    monkeypatch.undo()
    barrier, results = threading.Barrier(2), []

    def fan_out():  # the task delivered twice, or a sweep racing a late task
        barrier.wait()
        try:
            results.append(registrants_notify(webinar_id=webinar.pk, kind="rescheduled"))
        finally:
            connection.close()

    threads = [threading.Thread(target=fan_out) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(results) == [0, len(owed)], (
        "one expands under the webinar's row lock, the other finds it done"
    )
    assert recipients() == owed
    assert OutboxEntry.objects.filter(topic=Topic.EMAIL, kind="rescheduled").count() == len(owed)
