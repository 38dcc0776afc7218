"""What a page says about who you are agrees everywhere on it (EN and MS).

A personal join link lets its holder into the live page, but it is not a sign-in: the top bar keeps
offering "Sign in", so no page may call that person "signed in". The page says "Joined as <name>"
instead; a signed-in account is named by the top bar and may be "signed in" in the page's text too.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import make_live_webinar, make_registration, make_user
from webinar.services.notifications import join_url

pytestmark = pytest.mark.django_db

SIGNED_IN_WORDS = {"en": ("Signed in", "signed in"), "ms": ("Log masuk sebagai", "log masuk sebagai")}
SIGN_IN_OFFER = {"en": "Sign in", "ms": "Log masuk"}
JOINED_AS = {"en": "Joined as Aisyah", "ms": "Menyertai sebagai Aisyah"}


def _joined_by_link(language: str):
    webinar = make_live_webinar()
    registration = make_registration(webinar, "Aisyah", "aisyah@example.com", language=language)
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(join_url(registration).removeprefix(settings.SITE_URL))
    assert response.status_code == 302
    return client, webinar


@pytest.mark.parametrize("language", ["en", "ms"])
def test_a_link_joined_attendee_is_joined_not_signed_in_on_every_page_they_open(language):
    client, webinar = _joined_by_link(language)
    pages = [
        reverse("webinar:live", args=[webinar.slug]),
        reverse("webinar:detail", args=[webinar.slug]),
        reverse("webinar:my_data", args=[webinar.slug]),
        reverse("webinar:index"),
    ]
    for path in pages:
        response = client.get(path)
        page = response.content.decode()
        assert response.status_code == 200, path
        assert f">{SIGN_IN_OFFER[language]}</a>" in page, f"{path}: the top bar offers a sign-in"
        for words in SIGNED_IN_WORDS[language]:
            assert words not in page, f"{path} calls a link-joined attendee signed in: {words!r}"
    live = client.get(pages[0]).content.decode()
    assert f'<span id="joined-as">{JOINED_AS[language]}</span>' in live


def test_a_signed_in_attendee_is_named_by_the_top_bar_and_joined_as_their_registration():
    webinar = make_live_webinar()
    user = make_user("wei@example.com", "Wei Jie")
    user.email_verified_at = user.date_joined
    user.save(update_fields=["email_verified_at"])
    make_registration(webinar, "Wei Jie", "wei@example.com")
    client = Client()
    client.force_login(user)
    page = client.get(reverse("webinar:live", args=[webinar.slug])).content.decode()
    assert '<span class="who">Wei Jie</span>' in page
    assert '<span id="joined-as">Joined as Wei Jie</span>' in page
    assert ">Sign in</a>" not in page
