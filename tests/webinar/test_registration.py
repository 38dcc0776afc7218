"""Registration: seats, waitlist, duplicates, e-mails with .ics and join links, and the HTTP form."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from tests.factories import make_registration, make_webinar
from webinar.exceptions import RegistrationError
from webinar.models import Registration, Webinar
from webinar.services.registration import registration_cancel, registration_create

Status = Registration.Status


def register(webinar, email, **kwargs):
    return registration_create(
        webinar=webinar, name=kwargs.pop("name", "Someone"), email=email, consent=True, **kwargs
    )


@pytest.mark.django_db
def test_registration_is_confirmed_while_seats_last_then_waitlisted():
    webinar = make_webinar(capacity=2)
    first, second, third = (register(webinar, f"p{i}@example.com") for i in range(3))
    assert [first.status, second.status, third.status] == [
        Status.CONFIRMED,
        Status.CONFIRMED,
        Status.WAITLISTED,
    ]


@pytest.mark.django_db
def test_full_webinar_without_waitlist_refuses_with_a_clear_code():
    webinar = make_webinar(capacity=1, waitlist_enabled=False)
    register(webinar, "a@example.com")
    with pytest.raises(RegistrationError) as error:
        register(webinar, "b@example.com")
    assert error.value.code == "full"
    assert webinar.registrations.count() == 1


@pytest.mark.django_db
def test_same_email_in_another_case_is_a_duplicate():
    webinar = make_webinar()
    register(webinar, "Aisyah@Example.com")
    with pytest.raises(RegistrationError) as error:
        register(webinar, "aisyah@EXAMPLE.COM")
    assert error.value.code == "duplicate"
    assert webinar.registrations.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"email": "not-an-email"}, "invalid_email"),
        ({"email": "ok@example.com", "consent": False}, "consent_required"),
        ({"email": "ok@example.com", "name": "  "}, "missing_name"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(kwargs, code):
    webinar = make_webinar()
    kwargs = {"name": "Someone", "consent": True, **kwargs}
    with pytest.raises(RegistrationError) as error:
        registration_create(webinar=webinar, **kwargs)
    assert error.value.code == code
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_closed_registration_is_refused():
    webinar = make_webinar(registration_open=False)
    with pytest.raises(RegistrationError) as error:
        register(webinar, "a@example.com")
    assert error.value.code == "closed"


@pytest.mark.django_db
def test_draft_webinar_takes_no_registrations():
    webinar = make_webinar(status=Webinar.Status.DRAFT)
    with pytest.raises(RegistrationError):
        register(webinar, "a@example.com")


@pytest.mark.django_db
def test_required_custom_question_must_be_answered():
    webinar = make_webinar(custom_questions=[{"key": "school", "label": "School", "required": True}])
    with pytest.raises(RegistrationError) as error:
        register(webinar, "a@example.com")
    assert error.value.code == "missing_answer"
    registration = register(webinar, "a@example.com", answers={"school": "SMK Damansara"})
    assert registration.answers == {"school": "SMK Damansara"}


@pytest.mark.django_db(transaction=True)
def test_cancelling_a_confirmed_seat_promotes_the_first_waitlisted():
    webinar = make_webinar(capacity=1)
    seated = register(webinar, "seated@example.com")
    first_waiting = register(webinar, "first@example.com")
    second_waiting = register(webinar, "second@example.com")
    mail.outbox.clear()
    registration_cancel(registration=seated)
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == Status.CONFIRMED
    assert second_waiting.status == Status.WAITLISTED
    promoted = [m for m in mail.outbox if m.to == ["first@example.com"]]
    assert promoted and promoted[0].attachments, "the promoted registrant gets a calendar file"


@pytest.mark.django_db(transaction=True)
def test_confirmation_email_has_ics_and_working_join_and_cancel_links():
    webinar = make_webinar(title="Selamat Online")
    register(webinar, "aisyah@example.com", name="Aisyah")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Selamat Online" in message.subject
    (filename, content, mimetype) = message.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Selamat Online"
    assert event.decoded("dtstart") == webinar.starts_at.replace(microsecond=0)

    join_path = re.search(r"https?://[^/]+(/w/[^\s]+/join/[^\s]+/)", message.body).group(1)
    cancel_path = re.search(r"https?://[^/]+(/w/[^\s]+/cancel/[^\s]+/)", message.body).group(1)
    client = Client()
    response = client.get(join_path)
    assert response.status_code == 302 and response["Location"] == reverse(
        "webinar:live", args=[webinar.slug]
    )
    assert client.get(response["Location"]).status_code == 200, "the join link opens the live page"

    assert client.post(cancel_path).status_code == 200
    assert Registration.objects.get().status == Status.CANCELLED
    assert Client().get(join_path).status_code == 403, "cancelling revokes the join link"


@pytest.mark.django_db
def test_tampered_join_link_is_refused():
    webinar = make_webinar()
    response = Client().get(reverse("webinar:join", args=[webinar.slug, "forged-token"]))
    assert response.status_code == 403


@pytest.mark.django_db
def test_waitlisted_registrant_cannot_join_by_link():
    from webinar.services.notifications import join_url

    webinar = make_webinar(capacity=1)
    register(webinar, "a@example.com")
    waiting = register(webinar, "b@example.com")
    path = join_url(waiting).split("://", 1)[1].split("/", 1)[1]
    assert Client().get("/" + path).status_code == 403


@pytest.mark.django_db
def test_registration_form_requires_csrf_token():
    webinar = make_webinar()
    client = Client(enforce_csrf_checks=True)
    data = {"name": "A", "email": "a@example.com", "language": "en", "consent": "on"}
    response = client.post(reverse("webinar:detail", args=[webinar.slug]), data)
    assert response.status_code == 403
    assert not Registration.objects.exists()

    page = client.get(reverse("webinar:detail", args=[webinar.slug]))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    response = client.post(
        reverse("webinar:detail", args=[webinar.slug]), {**data, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert Registration.objects.get().email == "a@example.com"


@pytest.mark.django_db
def test_registering_a_taken_email_answers_like_a_new_one_and_tells_only_its_owner(
    django_capture_on_commit_callbacks,
):
    webinar = make_webinar()
    existing = make_registration(webinar, email="a@example.com", name="Aisyah")
    url = reverse("webinar:detail", args=[webinar.slug])
    answers = {}
    for email in ("A@example.com", "new@example.com"):
        client = Client()
        data = {"name": "Somebody", "email": email, "language": "en", "consent": "on"}
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        page = client.get(response["Location"]).content.decode().replace(email.lower(), "X")
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
        live = client.get(reverse("webinar:live", args=[webinar.slug])).status_code
        answers[email] = (response.status_code, response["Location"], page, live)
    assert answers["A@example.com"] == answers["new@example.com"]
    assert "already" not in answers["A@example.com"][2]
    existing.refresh_from_db()
    assert existing.name == "Aisyah", "nothing about the existing registration changed"
    told = [m for m in mail.outbox if m.to == ["a@example.com"]]
    assert len(told) == 1 and "already registered" in told[0].subject


@pytest.mark.django_db
def test_registration_endpoint_is_rate_limited_per_client(settings, rate_window_held):
    settings.DEWAN_REGISTRATION_RATE = "3/m"
    webinar = make_webinar()
    client = Client()
    url = reverse("webinar:detail", args=[webinar.slug])
    codes = [
        client.post(
            url, {"name": "A", "email": f"a{i}@example.com", "language": "en", "consent": "on"}
        ).status_code
        for i in range(5)
    ]
    assert codes[:3] == [302, 302, 302]
    assert codes[3:] == [429, 429]
    assert Registration.objects.count() == 3


@pytest.mark.django_db
def test_spoofed_forwarded_for_does_not_change_the_rate_limit_key(settings, rate_window_held):
    settings.DEWAN_REGISTRATION_RATE = "2/m"
    webinar = make_webinar()
    url = reverse("webinar:detail", args=[webinar.slug])
    codes = []
    for i in range(4):
        codes.append(
            Client(HTTP_X_FORWARDED_FOR=f"10.0.0.{i}")
            .post(url, {"name": "A", "email": f"a{i}@example.com", "language": "en", "consent": "on"})
            .status_code
        )
    assert codes == [302, 302, 429, 429]


def test_trusted_proxy_uses_the_nearest_untrusted_forwarded_hop(settings, rf):
    from webinar.http import client_ip

    settings.DEWAN_TRUSTED_PROXIES = ["127.0.0.1"]
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "203.0.113.9"
    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.9", REMOTE_ADDR="198.51.100.1")
    assert client_ip(request) == "198.51.100.1"


@pytest.mark.needs_postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_signups_for_the_last_five_seats_confirm_exactly_five():
    webinar = make_webinar(capacity=10)
    for i in range(5):
        register(webinar, f"early{i}@example.com")
    barrier = threading.Barrier(50)
    outcomes: list[str] = []
    lock = threading.Lock()

    def sign_up(i: int) -> None:
        try:
            barrier.wait()
            registration = register(webinar, f"late{i}@example.com")
            result = registration.status
        except RegistrationError as exc:
            result = exc.code
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=sign_up, args=(i,)) for i in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count(Status.CONFIRMED) == 5
    assert outcomes.count(Status.WAITLISTED) == 45
    assert webinar.registrations.filter(status=Status.CONFIRMED).count() == 10


@pytest.mark.django_db(transaction=True)
def test_a_name_cannot_add_lines_to_the_email_sent_to_the_address_typed():
    """Anyone can register any address with any name, and the confirmation greets that name: a name with
    line breaks wrote its own lines into the e-mail ("Hello Evil" then "Bcc: victim@..." on the next line,
    outside review). Names are one line: every run of whitespace one space, control characters gone."""
    webinar = make_webinar()
    mail.outbox.clear()
    registration = register(
        webinar,
        "someone@example.com",
        name="Evil\r\nYour link expired:\u2028 re-register\x07 at\tevil.example",
    )
    assert registration.name == "Evil Your link expired: re-register at evil.example"
    (message,) = mail.outbox
    greeting = message.body.splitlines()[0]
    assert greeting == "Hello Evil Your link expired: re-register at evil.example,"


@pytest.mark.django_db
def test_a_name_of_only_line_breaks_is_missing():
    with pytest.raises(RegistrationError) as refused:
        register(make_webinar(), "someone@example.com", name="\r\n\u2028\t")
    assert refused.value.code == "missing_name"


SUBJECT_TEMPLATES = sorted(
    str(path.relative_to(path.parents[2]))
    for path in (Path(__file__).resolve().parents[2] / "templates").glob("*/email/*_subject.txt")
)


@pytest.mark.parametrize("template", SUBJECT_TEMPLATES)
def test_every_email_subject_shows_a_title_as_written_on_one_line(template):
    """Titles are organiser input: "Q&A <live>" must not arrive as "Q&amp;A &lt;live&gt;" (the rescheduled,
    cancelled, host, pledge and answered subjects did: outside review), nor break the header line."""
    from types import SimpleNamespace

    from webinar.services.notifications import email_subject

    title = 'Q&A <live> "now"\nand later'
    thing = SimpleNamespace(shown_title=title, title=title)
    context = {"webinar": thing, "campaign": thing, "registration": SimpleNamespace(status="confirmed")}
    subject = email_subject(template, context)
    assert 'Q&A <live> "now" and later' in subject, subject
