"""Identity is proven before it grants access (issue 11, item 7).

A signed-in account reaches registrations made with its e-mail only once that e-mail is verified
through the signed link; the join link stays proof for whoever holds it, but never silently
replaces who a browser already is; re-registering after cancelling revives no old session.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.services import email_verification_token
from tests.factories import make_live_webinar, make_registration, make_user
from webinar.models import Registration
from webinar.selectors import registration_for_browser
from webinar.services import notifications
from webinar.services.questions import question_submit
from webinar.services.registration import registration_cancel

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://127\.0\.0\.1:8000(/accounts/verify/[^/\s]+/)")


@pytest.fixture
def victim(db):
    webinar = make_live_webinar()
    registration = make_registration(webinar, "Victim", "victim@example.com")
    question_submit(
        webinar_id=webinar.pk, registration_id=registration.pk, client_key="v1", text="Private worry"
    )
    return registration


def sign_up(client: Client, email: str) -> User:
    """A signed-in account whose address is not verified.

    The sign-up form itself signs in only through the e-mailed link (which proves the address, see
    ``test_the_link_in_the_sign_up_email_proves_the_address_and_grants_access``); accounts made
    any other way (the admin, ``createsuperuser``) start unverified, as this one does.
    """
    user = make_user(email)
    client.force_login(user)
    return user


def path_of(url: str) -> str:
    return url.removeprefix("http://127.0.0.1:8000")


def test_an_unverified_account_with_the_victims_email_sees_asks_and_deletes_nothing(victim):
    attacker = Client()
    account = sign_up(attacker, "victim@example.com")
    assert account.email_verified_at is None
    slug = victim.webinar.slug

    assert attacker.get(reverse("webinar:live", args=[slug])).status_code == 302, "no live page as them"
    assert attacker.get(reverse("webinar:my_data", args=[slug])).status_code == 404, "no answers shown"
    assert attacker.get(reverse("webinar:my_data", args=[slug]) + "?format=json").status_code == 404
    response = attacker.post(reverse("webinar:my_data_delete", args=[slug]), {"confirm": "delete"})
    assert response.status_code == 404, "cannot delete their registration"
    victim.refresh_from_db()
    assert victim.email == "victim@example.com" and victim.name == "Victim"
    home = attacker.get(reverse("webinar:dashboard_home"))
    assert victim.webinar.title not in home.content.decode(), "their registrations are not listed"
    assert b"verify-banner" in home.content, "the account is told to confirm its address"
    assert registration_for_browser(webinar=victim.webinar, session={}, user=account) is None


def test_the_signed_link_in_the_verification_email_proves_the_address_and_grants_access(victim):
    owner = Client()
    sign_up(owner, "victim@example.com")
    owner.post(reverse("accounts:verify_email_resend"))
    (message,) = [m for m in mail.outbox if m.to == ["victim@example.com"] and "/accounts/verify/" in m.body]
    link = LINK.search(message.body).group(1)

    assert owner.get(link).status_code == 302
    assert User.objects.get(email="victim@example.com").email_verified_at is not None
    assert owner.get(reverse("webinar:live", args=[victim.webinar.slug])).status_code == 200
    export = owner.get(reverse("webinar:my_data", args=[victim.webinar.slug]) + "?format=json").json()
    assert export["questions"][0]["original_text"] == "Private worry"


def test_the_link_in_the_sign_up_email_proves_the_address_and_grants_access(
    victim, django_capture_on_commit_callbacks
):
    owner = Client()
    form = {"email": "victim@example.com", "display_name": "V", "language": "en"}
    with django_capture_on_commit_callbacks(execute=True):
        response = owner.post(
            reverse("accounts:signup"),
            {**form, "password1": "a-long-pass-2026", "password2": "a-long-pass-2026"},
        )
    assert response.status_code == 200
    assert owner.get(reverse("webinar:live", args=[victim.webinar.slug])).status_code == 302, "not yet"
    (message,) = [m for m in mail.outbox if "/accounts/activate/" in m.body]
    link = re.search(r"http://127\.0\.0\.1:8000(/accounts/activate/\S+)", message.body).group(1)
    assert owner.get(link).status_code == 302
    assert User.objects.get(email="victim@example.com").email_verified_at is not None
    assert owner.get(reverse("webinar:live", args=[victim.webinar.slug])).status_code == 200


def test_a_tampered_expired_or_outdated_verification_link_verifies_nothing(victim, settings, monkeypatch):
    user = make_user("someone@example.com")
    token = email_verification_token(user=user)
    client = Client()
    assert client.get(reverse("accounts:verify_email", args=[token[:-2] + "xx"])).status_code == 400
    monkeypatch.setattr("accounts.services.VERIFY_MAX_AGE_SECONDS", -1)
    assert client.get(reverse("accounts:verify_email", args=[token])).status_code == 400
    monkeypatch.undo()
    User.objects.filter(pk=user.pk).update(email="changed@example.com")
    assert client.get(reverse("accounts:verify_email", args=[token])).status_code == 400, (
        "a link proves only the address it was sent to"
    )
    assert User.objects.get(pk=user.pk).email_verified_at is None


def test_an_unverified_account_can_ask_for_a_new_link():
    client = Client()
    sign_up(client, "late@example.com")
    mail.outbox.clear()
    response = client.post(reverse("accounts:verify_email_resend"))
    assert response.status_code == 302
    assert LINK.search(mail.outbox[0].body), "a fresh link was sent"


def test_resetting_the_password_through_the_emailed_link_also_verifies_the_address(victim):
    sign_up(Client(), "victim@example.com")
    mail.outbox.clear()
    owner = Client()
    owner.post(reverse("accounts:password_reset"), {"email": "victim@example.com"})
    reset = re.search(r"http://[^/]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = owner.get(reset)["Location"]
    response = owner.post(
        form_url, {"new_password1": "N3w-passw0rd-xyz", "new_password2": "N3w-passw0rd-xyz"}
    )
    assert response.status_code == 302
    assert User.objects.get(email="victim@example.com").email_verified_at is not None


def test_registering_while_signed_in_unverified_does_not_link_the_account(victim):
    other = make_live_webinar()
    account = make_user("unverified@example.com")
    registration = make_registration(other, "Me", "unverified@example.com", user=account)
    assert registration.user is None
    account.email_verified_at = account.date_joined
    account.save()
    second = make_live_webinar()
    assert make_registration(second, "Me", "unverified@example.com", user=account).user == account


def test_opening_someone_elses_join_link_while_signed_in_asks_before_switching(victim):
    me = make_user("me@example.com", "Me", email_verified_at=victim.created_at)
    mine = make_registration(victim.webinar, "Me", "me@example.com")
    browser = Client()
    browser.force_login(me)
    link = path_of(notifications.join_url(victim))

    page = browser.get(link)
    assert page.status_code == 200, "a choice page, not a silent switch"
    text = page.content.decode()
    assert "Victim" in text and "me@example.com" in text
    assert registration_for_browser(webinar=victim.webinar, session=browser.session, user=me) == mine

    stay = browser.post(link, {"choice": "stay"})
    assert stay.status_code == 302
    assert registration_for_browser(webinar=victim.webinar, session=browser.session, user=me) == mine

    switch = browser.post(link, {"choice": "link"})
    assert switch.status_code == 302 and switch["Location"].endswith("/live/")
    assert "_auth_user_id" not in browser.session, "signed out of the account that is not the link's"
    found = registration_for_browser(webinar=victim.webinar, session=browser.session, user=None)
    assert found == victim


def test_a_browser_already_joined_as_someone_asks_before_taking_another_persons_link(victim):
    ben = make_registration(victim.webinar, "Ben", "ben@example.com")
    browser = Client()
    assert browser.get(path_of(notifications.join_url(ben))).status_code == 302
    page = browser.get(path_of(notifications.join_url(victim)))
    assert page.status_code == 200 and "Ben" in page.content.decode()
    assert registration_for_browser(webinar=victim.webinar, session=browser.session, user=None) == ben


def test_the_verified_owner_opening_their_own_link_is_let_straight_in(victim):
    owner = make_user("victim@example.com", "Victim", email_verified_at=victim.created_at)
    browser = Client()
    browser.force_login(owner)
    response = browser.get(path_of(notifications.join_url(victim)))
    assert response.status_code == 302 and response["Location"].endswith("/live/")


def test_choice_page_posts_need_a_csrf_token(victim):
    me = make_user("me@example.com", "Me")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(me)
    assert browser.post(path_of(notifications.join_url(victim)), {"choice": "link"}).status_code == 403


def test_re_registering_a_cancelled_email_in_another_browser_reaches_none_of_the_old_data(
    victim, django_capture_on_commit_callbacks
):
    registration_cancel(registration=victim)
    stranger = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = stranger.post(
            reverse("webinar:detail", args=[victim.webinar.slug]),
            {"name": "Stranger", "email": "victim@example.com", "language": "en", "consent": "on"},
        )
    assert response.status_code == 302 and response["Location"].endswith("/registered/")
    renewed = Registration.objects.get(pk=victim.pk)
    assert renewed.status == Registration.Status.CONFIRMED
    assert registration_for_browser(webinar=victim.webinar, session=stranger.session, user=None) is None
    assert stranger.get(reverse("webinar:my_data", args=[victim.webinar.slug])).status_code == 404
    assert mail.outbox[-1].to == ["victim@example.com"]
    assert f"/w/{victim.webinar.slug}/join/" in mail.outbox[-1].body, "the new join link goes to the inbox"


def test_a_new_registration_reaches_the_live_page_through_its_emailed_join_link(
    victim, django_capture_on_commit_callbacks
):
    """The form never binds the browser (it answers a taken address the same way, issue 12)."""
    browser = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            reverse("webinar:detail", args=[victim.webinar.slug]),
            {"name": "New", "email": "new@example.com", "language": "en", "consent": "on"},
        )
    assert response.status_code == 302 and response["Location"].endswith("/registered/")
    assert browser.get(response["Location"]).status_code == 200
    assert browser.get(reverse("webinar:live", args=[victim.webinar.slug])).status_code == 302
    join = re.search(r"http://127\.0\.0\.1:8000(/w/\S+/join/\S+/)", mail.outbox[-1].body).group(1)
    browser.get(join)
    assert browser.get(reverse("webinar:live", args=[victim.webinar.slug])).status_code == 200


def test_a_session_holding_only_a_bare_registration_id_proves_nothing(victim):
    browser = Client()
    session = browser.session
    session["dewan_registrations"] = {str(victim.webinar_id): victim.pk}
    session.save()
    assert browser.get(reverse("webinar:live", args=[victim.webinar.slug])).status_code == 302
