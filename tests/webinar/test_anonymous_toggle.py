"""Anonymous means what it says: the asker is told, next to the toggle, who still sees their name."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_live_webinar, make_registration
from webinar.selectors import browser_registration_remember

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", "This webinar’s hosts and organisers still see it."),
        ("ms", "Hos dan penganjur webinar ini masih melihatnya."),
    ],
)
def test_the_anonymous_toggle_says_the_hosts_still_see_the_name_in_both_languages(language, says):
    webinar = make_live_webinar()
    registration = make_registration(webinar, "Aisyah", "aisyah@example.com", language=language)
    browser = Client(headers={"accept-language": language})
    session = browser.session
    browser_registration_remember(session=session, registration=registration)
    session.save()
    browser.cookies["django_language"] = language
    page = browser.get(reverse("webinar:live", args=[webinar.slug])).content.decode()
    toggle = page.index('id="ask-anonymous"')
    hint = page.index('id="ask-anonymous-hint"')
    assert 'aria-describedby="ask-anonymous-hint"' in page[toggle - 100 : toggle + 100]
    assert says in page[hint : hint + 300], page[hint : hint + 300]
