"""R15: one registration per (webinar, email), case-insensitively. The 50-way race for 5 seats on
PostgreSQL and the spoofed X-Forwarded-For are in tests/webinar/test_registration.py."""

from __future__ import annotations

import pytest

from tests.factories import make_webinar
from webinar.exceptions import DewanError

pytestmark = pytest.mark.django_db


def test_r15_same_email_in_another_case_or_with_spaces_is_a_duplicate(organiser):
    from webinar.models import Registration
    from webinar.services.registration import registration_create

    webinar = make_webinar(organiser=organiser)
    registration_create(webinar=webinar, name="Aisyah", email="Aisyah@Example.com", consent=True)
    for email in ("aisyah@example.com", "AISYAH@EXAMPLE.COM", "  aisyah@example.com "):
        with pytest.raises(DewanError) as caught:
            registration_create(webinar=webinar, name="Again", email=email, consent=True)
        assert caught.value.code == "duplicate"
    assert Registration.objects.filter(webinar=webinar).count() == 1


def test_r15_the_database_itself_refuses_a_case_variant_duplicate(organiser):
    """Not a read-then-write check only: a unique constraint holds even if the service is bypassed."""
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    from webinar.models import Registration
    from webinar.services.registration import registration_create

    webinar = make_webinar(organiser=organiser)
    first = registration_create(webinar=webinar, name="Aisyah", email="aisyah@example.com", consent=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            webinar=webinar,
            name="Twin",
            email=first.email.upper(),
            consent_given_at=timezone.now(),
            status=Registration.Status.CONFIRMED,
            join_secret="x" * 32,
        )
