"""Registration e-mails: safe to send twice, subjects are one line of plain text whatever the title."""

from __future__ import annotations

import threading

import pytest
from django.core import mail
from django.db import connection

from tests.factories import make_registration, make_webinar
from webinar.models import Registration
from webinar.services.registration import registration_cancel, registration_create
from webinar.tasks import send_registration_email


@pytest.mark.django_db
def test_sending_the_registration_email_twice_for_the_same_id_sends_one():
    registration = make_registration(make_webinar())  # on_commit never fires here: nothing sent yet
    send_registration_email.apply(args=[registration.pk, "confirmation"])
    send_registration_email.apply(args=[registration.pk, "confirmation"])
    assert len(mail.outbox) == 1
    registration.refresh_from_db()
    assert registration.emails_sent == {"confirmation": registration.status_changed_at.isoformat()}


@pytest.mark.django_db(transaction=True)
def test_two_workers_running_the_same_task_at_once_send_one_email():
    if connection.vendor == "sqlite":
        pytest.skip("row locks need PostgreSQL (the services pass)")
    registration = make_registration(make_webinar())
    Registration.objects.filter(pk=registration.pk).update(emails_sent={})  # as if never sent
    mail.outbox.clear()
    barrier = threading.Barrier(2)
    results = []

    def run():
        barrier.wait()
        try:
            results.append(send_registration_email.apply(args=[registration.pk, "confirmation"]))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [result.successful() for result in results] == [True, True], [r.result for r in results]
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_new_occasion_sends_a_new_email():
    webinar = make_webinar()
    registration = make_registration(webinar, email="a@example.com")
    registration_cancel(registration=registration)
    registration_create(webinar=webinar, name="A", email="a@example.com", consent=True)
    kinds = [m.subject.split(":")[0] for m in mail.outbox]
    assert kinds == ["You are registered", "Registration cancelled", "You are registered"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "title", ["Budget\n2027", "Budget\r\nBcc: victim@example.com", "Q&A <live> \"now\" 'ok'", "Tab\there"]
)
def test_subjects_are_one_plain_line_whatever_the_title(title):
    webinar = make_webinar(title=title)
    make_registration(webinar)
    (message,) = mail.outbox
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.subject == "You are registered: " + " ".join(title.split())
    assert message.message()["Bcc"] is None
    assert Registration.objects.get().emails_sent  # sent, not failed
