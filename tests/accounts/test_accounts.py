"""Sign up, sign in, sign out and password reset (console e-mail in development)."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Limits count in the cache per client address: start every test with none used."""
    from django.core.cache import cache

    cache.clear()


def _sign_up(client, email, *, next_url="", display_name="Nurul"):
    url = reverse("accounts:signup") + (f"?next={quote(next_url)}" if next_url else "")
    data = {
        "email": email,
        "display_name": display_name,
        "language": "ms",
        "password1": "a-long-passphrase-2026",
        "password2": "a-long-passphrase-2026",
    }
    return client.post(url, data)


def _link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/activate/\S+)", message.body).group(1)


def test_sign_up_mails_a_link_that_activates_the_account_and_signs_in(django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = _sign_up(client, "Nurul@Example.com")
    assert response.status_code == 200
    user = User.objects.get()
    assert (user.email, user.username, user.language, user.is_active) == (
        "nurul@example.com",
        "nurul@example.com",
        "ms",
        False,
    )
    response = client.get(_link_in(mail.outbox[-1]))
    assert response.status_code == 302
    assert client.get(reverse("webinar:dashboard_home")).status_code == 200
    assert Client().get(_link_in(mail.outbox[-1])).status_code == 400, "a link works once"


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("en", "Your account is already active and you are signed in."),
        ("ms", "Akaun anda sudah aktif dan anda sudah log masuk."),
    ],
)
def test_the_link_opened_again_while_signed_in_says_so_and_leads_on(
    django_capture_on_commit_callbacks, language, notice
):
    client = Client()
    client.cookies["django_language"] = language
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "nurul@example.com")
    link = _link_in(mail.outbox[-1])
    first = client.get(link)
    again = client.get(link, follow=True)
    assert again.redirect_chain[-1][0] == first["Location"] == reverse("webinar:dashboard_home")
    assert html.escape(notice) in again.content.decode()
    someone_else = Client()
    someone_else.force_login(make_user("other@example.com"))
    assert someone_else.get(link).status_code == 400, "the link is not theirs"


def test_sign_up_with_a_taken_email_answers_the_same_and_only_mails_its_owner(
    django_capture_on_commit_callbacks,
):
    owner = make_user("taken@example.com")
    pages = []
    for email in ("TAKEN@example.com", "fresh@example.com"):
        with django_capture_on_commit_callbacks(execute=True):
            response = _sign_up(Client(), email)
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        pages.append((response.status_code, page.replace(email.lower(), "X")))
    assert pages[0] == pages[1]
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD), "the existing account's password is unchanged"
    (note,) = [m for m in mail.outbox if m.to == ["taken@example.com"]]
    assert "already have" in note.subject and "/accounts/activate/" not in note.body


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "\\\\evil.example",
        "///evil.example",
        " //evil.example",
    ],
)
def test_sign_up_never_redirects_off_site(target, django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        assert _sign_up(client, "nurul@example.com", next_url=target).status_code == 200
    response = client.get(_link_in(mail.outbox[-1]))
    assert response.status_code == 302
    assert response["Location"] == reverse("webinar:dashboard_home")


def test_sign_up_goes_to_a_local_next_after_activation(django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "nurul@example.com", next_url="/w/some-webinar/")
    assert client.get(_link_in(mail.outbox[-1]))["Location"] == "/w/some-webinar/"


@pytest.mark.parametrize("name", ["\u200b", "\u3164", "\u2800\u2800", " \u200d\ufeff "])
def test_sign_up_refuses_a_blank_looking_name(name):
    response = _sign_up(Client(), "nurul@example.com", display_name=name)
    assert response.status_code == 400
    assert not User.objects.exists()


@pytest.mark.parametrize("target", ["//evil.example", "javascript:alert(1)", "https://evil.example/x"])
def test_sign_in_never_redirects_off_site(target):
    user = make_user("host@example.com")
    url = reverse("accounts:login") + f"?next={quote(target)}"
    response = Client().post(url, {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("webinar:dashboard_home")


def test_sign_in_is_throttled_per_account_even_with_the_right_password(settings, rate_window_held):
    settings.DEWAN_SIGNIN_RATE = "5/5m"
    user = make_user("host@example.com")
    codes = [
        Client().post(reverse("accounts:login"), {"username": user.email, "password": "wrong"}).status_code
        for _ in range(5)
    ]
    assert codes == [200] * 5
    refused = Client().post(reverse("accounts:login"), {"username": "HOST@example.com", "password": PASSWORD})
    assert refused.status_code == 429
    assert "Too many sign-in attempts" in refused.content.decode()
    other = make_user("other@example.com")
    assert (
        Client().post(reverse("accounts:login"), {"username": other.email, "password": PASSWORD}).status_code
        == 302
    )


def test_sign_in_is_throttled_per_client_address(settings, rate_window_held):
    settings.DEWAN_SIGNIN_ADDRESS_RATE = "20/5m"
    codes = [
        Client()
        .post(reverse("accounts:login"), {"username": f"u{i}@example.com", "password": "x"})
        .status_code
        for i in range(21)
    ]
    assert codes[:20] == [200] * 20 and codes[20] == 429


def test_password_reset_sends_at_most_the_account_limit_and_always_says_sent(settings, rate_window_held):
    settings.DEWAN_ACCOUNT_EMAIL_RATE = "3/h"
    user = make_user("forgetful@example.com")
    answers = {
        Client().post(reverse("accounts:password_reset"), {"email": user.email})["Location"] for _ in range(8)
    }
    assert answers == {reverse("accounts:password_reset_done")}
    assert len(mail.outbox) == 3


def test_password_reset_is_throttled_per_client_address(settings, rate_window_held):
    settings.DEWAN_ACCOUNT_EMAIL_ADDRESS_RATE = "4/h"
    codes = [
        Client().post(reverse("accounts:password_reset"), {"email": f"n{i}@example.com"}).status_code
        for i in range(5)
    ]
    assert codes == [302, 302, 302, 302, 429]


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


def test_a_sign_up_name_is_one_line():
    """The activation e-mail goes to the address typed and greets the name typed: one line only."""
    from accounts.forms import SignUpForm

    form = SignUpForm(
        data={
            "email": "x@example.com",
            "display_name": "Nurul\r\n\r\nClick http://evil.example",
            "language": "en",
            "password1": "a-long-enough-passphrase-1",
            "password2": "a-long-enough-passphrase-1",
        }
    )
    form.is_valid()
    assert form.cleaned_data.get("display_name") == "Nurul Click http://evil.example"


@pytest.mark.parametrize("language", ["en", "ms"])
def test_the_sign_up_form_starts_in_the_pages_language(language):
    page = Client(HTTP_ACCEPT_LANGUAGE=language).get(reverse("accounts:signup")).content.decode()
    select = page.split('name="language"', 1)[1].split("</select>", 1)[0]
    assert re.search(rf'<option value="{language}"[^>]*selected', select), select


def test_a_malay_sign_up_with_a_short_common_password_is_told_so_in_malay():
    client = Client(HTTP_ACCEPT_LANGUAGE="ms")
    data = {"email": "nurul@example.com", "display_name": "Nurul", "language": "ms"}
    response = client.post(reverse("accounts:signup"), {**data, "password1": "abc", "password2": "abc"})
    errors = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "Kata laluan ini terlalu pendek. Ia mesti mengandungi sekurang-kurangnya 8 aksara." in errors
    assert "Kata laluan ini terlalu biasa digunakan." in errors
    # Django's own Malay called a common password "too short", and left the length rule in English.
    assert "This password is too short" not in errors and "terlalu singkat" not in errors
