"""R17: tasks are enqueued on commit, so a task never sees a row that was rolled back."""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.factories import make_live_webinar

pytestmark = pytest.mark.django_db(transaction=True)


def test_r17_ending_a_webinar_queues_the_report_only_after_commit_and_not_after_rollback(
    organiser, monkeypatch
):
    from webinar.models import Webinar
    from webinar.services.lifecycle import webinar_transition

    queued = []
    monkeypatch.setattr("webinar.tasks.build_report.delay", lambda webinar_id: queued.append(webinar_id))
    webinar = make_live_webinar(organiser=organiser)

    with pytest.raises(RuntimeError), transaction.atomic():
        webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.ENDED)
        assert queued == []
        raise RuntimeError("rolled back after the change")
    assert queued == []
    assert Webinar.objects.get(pk=webinar.pk).status == Webinar.Status.LIVE

    with transaction.atomic():
        webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.ENDED)
        assert queued == []
    assert queued == [webinar.pk]


def test_r17_registration_email_is_queued_on_commit(organiser, monkeypatch):
    from tests.factories import make_webinar
    from webinar.services.registration import registration_create

    sent = []
    monkeypatch.setattr("webinar.tasks.send_registration_email.delay", lambda *a, **k: sent.append(a or k))
    webinar = make_webinar(organiser=organiser)
    with pytest.raises(RuntimeError), transaction.atomic():
        registration_create(webinar=webinar, name="A", email="a@example.com", consent=True)
        raise RuntimeError("rolled back")
    assert sent == []
    registration_create(webinar=webinar, name="A", email="a@example.com", consent=True)
    assert len(sent) == 1
