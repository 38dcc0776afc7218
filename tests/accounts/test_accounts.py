"""Sign up, sign in, sign out and password reset (console e-mail in development)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_sign_up_creates_an_account_signs_in_and_uses_email_as_username():
    client = Client()
    response = client.post(
        reverse("accounts:signup"),
        {
            "email": "Nurul@Example.com",
            "display_name": "Nurul",
            "language": "ms",
            "password1": "a-long-passphrase-2026",
            "password2": "a-long-passphrase-2026",
        },
    )
    assert response.status_code == 302
    user = User.objects.get()
    assert (user.email, user.username, user.language) == ("nurul@example.com", "nurul@example.com", "ms")
    assert client.get(reverse("webinar:dashboard_home")).status_code == 200


def test_sign_up_refuses_an_email_that_already_has_an_account():
    make_user("taken@example.com")
    response = Client().post(
        reverse("accounts:signup"),
        {
            "email": "TAKEN@example.com",
            "display_name": "X",
            "language": "en",
            "password1": "pw-123456-long",
            "password2": "pw-123456-long",
        },
    )
    assert response.status_code == 200
    assert User.objects.count() == 1


def test_sign_in_rotates_the_session_and_sign_out_ends_it():
    user = make_user("host@example.com")
    client = Client()
    client.get(reverse("accounts:login"))
    before = client.session.session_key
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.session_key != before
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("webinar:dashboard_home")).status_code == 302


def test_wrong_password_is_refused():
    user = make_user()
    response = Client().post(reverse("accounts:login"), {"username": user.email, "password": "nope"})
    assert response.status_code == 200
    assert "_auth_user_id" not in Client().session


def test_password_reset_mails_a_link_that_sets_a_new_password():
    user = make_user("forgetful@example.com")
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    client.post(form_url, {"new_password1": "brand-new-pass-2026", "new_password2": "brand-new-pass-2026"})
    assert Client().login(email=user.email, password="brand-new-pass-2026")
