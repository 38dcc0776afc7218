"""Registering as a first-timer: a duplicate address can get its link again, a waitlisted person is told
so everywhere, and the PDPA consent links to a real privacy notice."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import make_registration, make_user, make_webinar
from webinar.models import Registration

pytestmark = pytest.mark.django_db(transaction=True)  # e-mails are sent on commit


def _register(client, webinar, email, name="Aisyah"):
    data = {"name": name, "email": email, "language": "en", "consent": "on"}
    return client.post(reverse("webinar:detail", args=[webinar.slug]), data)


def test_a_duplicate_address_is_offered_its_join_link_again():
    """The answer to a taken address is the answer to a new one (issue 12): its owner is e-mailed,
    and the page offers to send the link again."""
    webinar = make_webinar(title="Selamat Online")
    make_registration(webinar, "Aisyah", "attendee@münchen.de")
    client = Client()
    response = _register(client, webinar, "Attendee@xn--mnchen-3ya.de")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Send my join link again" in page
    assert reverse("webinar:resend_link", args=[webinar.slug]) in page
    mail.outbox.clear()
    answer = Client().post(
        reverse("webinar:resend_link", args=[webinar.slug]),
        {"email": "attendee@mu\u0308nchen.de"},
        follow=True,
    )
    assert "its join link is on its way" in answer.content.decode()
    (message,) = mail.outbox
    assert message.to == ["attendee@xn--mnchen-3ya.de"]
    assert f"/w/{webinar.slug}/join/" in message.body
    assert message.attachments, "the calendar file comes along"


def test_asking_for_the_link_of_an_unknown_address_sends_nothing_and_says_the_same():
    webinar = make_webinar()
    mail.outbox.clear()
    answer = Client().post(
        reverse("webinar:resend_link", args=[webinar.slug]), {"email": "nobody@example.com"}, follow=True
    )
    assert "its join link is on its way" in answer.content.decode()
    assert mail.outbox == []


def test_strangers_cannot_flood_a_registrants_inbox_with_their_join_link(rate_window_held):
    """Anyone may type any address, from as many networks as they have: a registrant gets their links
    again at most DEWAN_REGISTRATION_REMINDER_RATE times (2 an hour), counted with the "already
    registered" e-mail; past it the page answers as always and nothing is sent (found by an outside
    security review: the only limit was per client address)."""
    webinar = make_webinar()
    make_registration(webinar, "Aisyah", "aisyah@example.com")
    mail.outbox.clear()
    url = reverse("webinar:resend_link", args=[webinar.slug])
    for network in ("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"):
        answer = Client(REMOTE_ADDR=network).post(url, {"email": "aisyah@example.com"}, follow=True)
        assert "its join link is on its way" in answer.content.decode()
    assert [m.to for m in mail.outbox] == [["aisyah@example.com"]] * 2
    _register(Client(REMOTE_ADDR="10.0.0.5"), webinar, "aisyah@example.com")
    assert len(mail.outbox) == 2, "the already-registered e-mail shares the budget"


def test_a_waitlisted_person_is_told_they_are_waiting_in_the_email_and_on_the_pages():
    webinar = make_webinar(capacity=1)
    make_registration(webinar, "Seated", "seated@example.com")
    client = Client()
    mail.outbox.clear()
    response = _register(client, webinar, "waiting@example.com", name="Wei Jie")
    assert response.status_code == 302
    assert Registration.objects.get(email="waiting@example.com").status == Registration.Status.WAITLISTED
    registered = client.get(response["Location"]).content.decode()
    assert "your place on the waitlist" in registered  # the page cannot say which: see issue 12
    (message,) = mail.outbox
    assert "waitlist" in message.subject.lower()
    assert "Leave the waitlist here" in message.body
    assert "so someone on the waitlist gets your seat" not in message.body
    assert "/join/" not in message.body


def test_the_consent_links_to_a_privacy_notice_with_contact_purpose_retention_and_rights(settings):
    settings.DEWAN_RETENTION_DAYS = 42
    organiser = make_user("nurul@dewan.example", "Nurul")
    webinar = make_webinar(organiser=organiser, title="Selamat Online")
    form = Client().get(reverse("webinar:detail", args=[webinar.slug])).content.decode()
    notice_url = reverse("webinar:privacy_notice", args=[webinar.slug])
    assert f'href="{notice_url}"' in form
    notice = Client().get(notice_url)
    assert notice.status_code == 200
    text = notice.content.decode()
    assert "nurul@dewan.example" in text and "Nurul" in text
    assert "42 days after the webinar ends" in text
    assert "Personal Data Protection Act 2010" in text
    assert reverse("webinar:my_data", args=[webinar.slug]) in text
    malay = Client()
    malay.cookies["django_language"] = "ms"
    assert "42 hari" in malay.get(notice_url).content.decode()


def _fields(page: str) -> dict[str, str]:
    """Each named form control's opening tag, by name."""
    import re

    return {
        match.group(2): match.group(0)
        for match in re.finditer(r'<(input|select|textarea)[^>]*name="([^"]+)"[^>]*>', page)
    }


@pytest.mark.parametrize(
    ("language", "why"),
    [
        ("en", "Tick the box to agree to the privacy notice: we cannot register you without it."),
        ("ms", "Tandakan kotak ini untuk bersetuju dengan notis privasi: kami tidak dapat mendaftarkan anda"),
    ],
)
def test_registering_without_consent_says_why_and_puts_the_focus_on_the_box(language, why):
    webinar = make_webinar(title="Selamat Online")
    client = Client()
    client.cookies["django_language"] = language
    data = {"name": "Aisyah", "email": "aisyah@example.com", "language": language}
    response = client.post(reverse("webinar:detail", args=[webinar.slug]), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert why in page
    assert not Registration.objects.exists()  # refused, and what was typed is kept for the next try
    fields = _fields(page)
    assert 'value="Aisyah"' in fields["name"] and 'value="aisyah@example.com"' in fields["email"]
    assert "autofocus" in fields["consent"] and 'aria-invalid="true"' in fields["consent"]
    assert page.count("autofocus") == 1


def test_the_first_refused_field_has_the_focus_whatever_else_is_wrong():
    webinar = make_webinar()
    response = Client().post(reverse("webinar:detail", args=[webinar.slug]), {"name": "", "email": "nope"})
    fields = _fields(response.content.decode())
    assert "autofocus" in fields["name"]
    assert "autofocus" not in fields["email"] and "autofocus" not in fields["consent"]


def test_a_fresh_registration_form_takes_no_focus_and_names_its_fields_for_autofill():
    webinar = make_webinar()
    fields = _fields(Client().get(reverse("webinar:detail", args=[webinar.slug])).content.decode())
    assert 'autocomplete="name"' in fields["name"] and 'autocomplete="email"' in fields["email"]
    assert not any("autofocus" in tag for tag in fields.values())
