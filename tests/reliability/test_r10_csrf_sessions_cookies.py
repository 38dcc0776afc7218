"""R10: CSRF on every form; the session key rotates at sign-in; production cookies are Secure,
HttpOnly and SameSite, with HSTS; a strict Content Security Policy is on every page."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.django_process import PRODUCTION, run_django
from tests.factories import PASSWORD, make_user

# The production cookie settings are read in a fresh interpreter (tests/django_process.py): embedded pass
# only; the tests of pages ask for the database and run in both passes (tests/backend_free.py).
pytestmark = pytest.mark.backend_free


def production_settings() -> dict:
    code = (
        "import django, json; from django.conf import settings as s; django.setup(); "
        "print(json.dumps({k: getattr(s, k) for k in ("
        "'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE', "
        "'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_SAMESITE', 'SECURE_HSTS_SECONDS', "
        "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_SSL_REDIRECT', 'DEBUG')}))"
    )
    result = run_django("-c", code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_r10_production_cookies_are_secure_httponly_samesite_with_hsts():
    prod = production_settings()
    assert prod["SESSION_COOKIE_SECURE"] is True
    assert prod["SESSION_COOKIE_HTTPONLY"] is True
    assert prod["SESSION_COOKIE_SAMESITE"] in {"Lax", "Strict"}
    assert prod["CSRF_COOKIE_SECURE"] is True
    assert prod["CSRF_COOKIE_SAMESITE"] in {"Lax", "Strict"}
    assert prod["SECURE_HSTS_SECONDS"] >= 31536000
    assert prod["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert prod["SECURE_SSL_REDIRECT"] is True
    assert prod["DEBUG"] is False


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/signup/"])
def test_r10_every_page_carries_a_strict_content_security_policy(path):
    response = Client().get(path)
    policy = response.headers.get("Content-Security-Policy", "")
    assert response.status_code == 200
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert "default-src" in directives
    script = directives.get("script-src", directives["default-src"])
    assert "'unsafe-inline'" not in script
    assert "'unsafe-eval'" not in script
    assert (
        directives.get("frame-ancestors") in (["'none'"], ["'self'"]) or "X-Frame-Options" in response.headers
    )


@pytest.mark.django_db
def test_r10_sign_in_without_csrf_token_is_refused_and_with_it_rotates_the_session_key():
    make_user("r10@example.com", "R10")
    client = Client(enforce_csrf_checks=True)
    client.get("/accounts/login/")
    refused = client.post("/accounts/login/", {"username": "r10@example.com", "password": PASSWORD})
    assert refused.status_code == 403

    client.session.save()  # an anonymous session exists before signing in
    before = client.session.session_key
    token = client.cookies["csrftoken"].value
    signed_in = client.post(
        "/accounts/login/",
        {"username": "r10@example.com", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert signed_in.status_code == 302
    after = client.cookies["sessionid"].value
    assert before and after and after != before
