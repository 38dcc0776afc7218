"""The flush that ends each transactional test (tests/flush.py) empties what tests write, keeps what
migrate made, and leaves a database as usable as Django's own flush does."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_live_webinar, make_registration
from webinar.models import Registration

pytestmark = pytest.mark.django_db(transaction=True)


def _flush_as_the_test_runner_does():
    with CaptureQueriesContext(connection) as queries:
        call_command("flush", verbosity=0, interactive=False, reset_sequences=False, allow_cascade=False)
    return [query["sql"] for query in queries]


def test_a_flush_deletes_every_row_tests_wrote_and_keeps_content_types_and_permissions():
    make_registration(make_live_webinar())
    content_types, permissions = ContentType.objects.count(), Permission.objects.count()

    statements = _flush_as_the_test_runner_does()

    assert Registration.objects.count() == 0
    assert (ContentType.objects.count(), Permission.objects.count()) == (content_types, permissions)
    assert content_types > 0 and permissions > 0
    assert not any("TRUNCATE" in sql.upper() for sql in statements)
    assert not any(sql.upper().startswith("INSERT") for sql in statements), "no post_migrate re-creation"


def test_the_database_is_usable_after_a_flush_with_rows_that_reference_each_other():
    webinar = make_live_webinar()
    make_registration(webinar)
    _flush_as_the_test_runner_does()
    again = make_registration(make_live_webinar())
    assert Registration.objects.get().pk == again.pk
    assert ContentType.objects.get_for_model(Registration).model_class() is Registration
