"""One mailbox is one registrant however it is spelled; the waitlist follows the current registration."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accounts.emails import InvalidEmail, email_normalise
from tests.factories import PASSWORD, make_user, make_webinar
from webinar.exceptions import RegistrationError
from webinar.models import Registration
from webinar.services.registration import registration_cancel, registration_create

Status = Registration.Status
SPELLINGS = [
    "attendee@münchen.de",
    "attendee@xn--mnchen-3ya.de",
    "attendee@mu\u0308nchen.de",  # decomposed: u + combining diaeresis
    " Attendee@MÜNCHEN.DE ",
    "ATTENDEE@XN--MNCHEN-3YA.DE",
]


def register(webinar, email, name="Someone"):
    return registration_create(webinar=webinar, name=name, email=email, consent=True)


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_of_an_internationalised_address_has_one_canonical_form(spelling):
    assert email_normalise(spelling) == "attendee@xn--mnchen-3ya.de"


def test_composed_and_decomposed_local_parts_are_one_address():
    assert email_normalise("jose\u0301@example.com") == email_normalise("josé@example.com")


@pytest.mark.parametrize(
    "bad", ["", "no-at-sign", "@example.com", "someone@", "a@-bad-.example", "a@xn--.de"]
)
def test_addresses_that_cannot_be_normalised_are_refused(bad):
    with pytest.raises(InvalidEmail):
        email_normalise(bad)


@pytest.mark.django_db
@pytest.mark.parametrize("second", SPELLINGS[1:])
def test_a_second_spelling_of_the_same_mailbox_is_a_duplicate(second):
    webinar = make_webinar()
    first = register(webinar, SPELLINGS[0])
    assert first.email == "attendee@xn--mnchen-3ya.de"
    with pytest.raises(RegistrationError) as error:
        register(webinar, second)
    assert error.value.code == "duplicate"
    assert Registration.objects.filter(webinar=webinar).count() == 1


@pytest.mark.django_db
def test_an_invalid_internationalised_domain_is_a_clear_error():
    with pytest.raises(RegistrationError) as error:
        register(make_webinar(), "someone@xn--.de")
    assert error.value.code == "invalid_email"


@pytest.mark.django_db
def test_signing_in_with_another_spelling_of_the_address_works(client):
    make_user("organiser@münchen.de")
    response = client.post(
        reverse("accounts:login"), {"username": "Organiser@mu\u0308nchen.de", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


@pytest.mark.django_db
def test_signing_up_again_with_another_spelling_changes_nothing_and_tells_the_owner(
    django_capture_on_commit_callbacks,
):
    from django.core import mail

    from accounts.models import User

    make_user("organiser@xn--mnchen-3ya.de")
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            reverse("accounts:signup"),
            {
                "email": "organiser@münchen.de",
                "display_name": "Again",
                "language": "en",
                "password1": "another-long-passphrase",
                "password2": "another-long-passphrase",
            },
        )
    assert response.status_code == 200  # the same "check your e-mail" page as for a new address
    assert User.objects.count() == 1
    assert User.objects.get().check_password(PASSWORD)
    (note,) = mail.outbox
    assert note.to == ["organiser@xn--mnchen-3ya.de"] and "already have" in note.subject


@pytest.mark.django_db
def test_cancelling_and_registering_again_goes_to_the_back_of_the_waitlist():
    webinar = make_webinar(capacity=1)
    register(webinar, "seated@example.com")
    early = register(webinar, "early@example.com")
    later = register(webinar, "later@example.com")
    assert (early.status, later.status) == (Status.WAITLISTED, Status.WAITLISTED)
    registration_cancel(registration=early)
    again = register(webinar, "early@example.com")
    assert again.pk == early.pk and again.status == Status.WAITLISTED  # the old row is reused
    seated = Registration.objects.get(email="seated@example.com")
    registration_cancel(registration=seated)
    later.refresh_from_db()
    again.refresh_from_db()
    assert later.status == Status.CONFIRMED, "the one who waited longer gets the seat"
    assert again.status == Status.WAITLISTED
