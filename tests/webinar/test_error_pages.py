"""A wrong address or a fault on the server gets a page in the reader's language that says what to do,
not Django's bare English "Not Found" / "Server Error (500)" (the test settings run with DEBUG off, as
production does)."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db

WORDS = {
    "en": {
        "missing": ["Page not found", "check that it was copied whole", "See the upcoming webinars"],
        "fault": ["Something went wrong", "try again in a minute", "Back to Dewan"],
    },
    "ms": {
        "missing": ["Halaman tidak dijumpai", "disalin sepenuhnya", "Lihat webinar yang akan datang"],
        "fault": ["Berlaku masalah", "cuba lagi sebentar lagi", "Kembali ke Dewan"],
    },
}


@pytest.mark.parametrize("language", ["en", "ms"])
def test_a_wrong_address_says_so_in_the_readers_language_and_leads_back(language):
    client = Client()
    client.cookies["django_language"] = language
    response = client.get("/w/no-such-webinar/")
    page = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{language}">' in page
    for text in WORDS[language]["missing"]:
        assert text in page, text
    assert 'href="/"' in page


@pytest.mark.parametrize("language", ["en", "ms"])
def test_a_fault_on_the_server_gets_a_page_that_needs_no_request_or_database(language):
    with translation.override(language):
        response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}">' in page
    for text in WORDS[language]["fault"]:
        assert text in page, text


REFUSED_FORM = {
    "en": ["This form has expired", "signed in or out in another tab", "send the form again"],
    "ms": [
        "Borang ini telah tamat tempoh",
        "log masuk atau log keluar di tab lain",
        "hantar borang sekali lagi",
    ],
}


@pytest.mark.parametrize("language", ["en", "ms"])
def test_a_form_refused_for_its_csrf_token_says_what_happened_and_leads_back_to_the_form(language):
    """Signing in rotates the CSRF token, so a registration form left open in another tab is refused:
    the person gets the site's page in their language, never Django's "CSRF verification failed"
    (outside review), and a way back to the form they sent."""
    client = Client(enforce_csrf_checks=True)
    client.cookies["django_language"] = language
    client.get("/")  # the CSRF cookie of this browser
    client.cookies["csrftoken"] = "x" * 32  # rotated since the form was rendered
    form = "http://testserver/w/some-webinar/"
    response = client.post("/w/some-webinar/", {"csrfmiddlewaretoken": "y" * 32}, HTTP_REFERER=form)
    page = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{language}">' in page and "CSRF" not in page
    for text in REFUSED_FORM[language]:
        assert text in page, text
    assert f'href="{form}"' in page


def test_the_way_back_after_a_refused_form_never_leaves_the_site():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {}, HTTP_REFERER="https://evil.example/phish")
    page = response.content.decode()
    assert response.status_code == 403 and "evil.example" not in page and 'href="/"' in page
