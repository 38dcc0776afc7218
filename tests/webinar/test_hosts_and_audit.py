"""Organisers manage hosts from the manage page; the audit log reads as sentences and is read-only."""

from __future__ import annotations

import pytest
from django.contrib.admin.sites import site
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from tests.factories import PASSWORD, make_host, make_user, make_webinar
from webinar.audit_text import audit_lines
from webinar.models import AuditEntry, Question, Webinar, WebinarRole
from webinar.services import moderation
from webinar.services.hosts import webinar_host_add

pytestmark = pytest.mark.django_db(transaction=True)


def _signed_in(user) -> Client:
    client = Client()
    client.login(email=user.email, password=PASSWORD)
    return client


def test_an_organiser_invites_a_new_host_by_email_who_can_then_moderate():
    organiser = make_user("nurul@example.com", "Nurul")
    webinar = make_webinar(organiser=organiser, title="Selamat Online", status=Webinar.Status.LIVE)
    client = _signed_in(organiser)
    mail.outbox.clear()
    response = client.post(reverse("webinar:host_add", args=[webinar.slug]), {"email": "Farah@Example.com"})
    assert response.status_code == 302
    role = WebinarRole.objects.get(webinar=webinar, role="host")
    assert role.user.email == "farah@example.com"
    (invitation,) = mail.outbox
    assert invitation.to == ["farah@example.com"]
    assert f"/w/{webinar.slug}/host/" in invitation.body
    assert "/accounts/reset/" in invitation.body, "a new account is asked to choose a password"
    page = client.get(reverse("webinar:manage", args=[webinar.slug])).content.decode()
    assert "farah@example.com" in page
    assert "Nurul made farah@example.com a host." in page


def test_an_existing_account_is_invited_without_a_password_link_and_only_once():
    organiser = make_user()
    webinar = make_webinar(organiser=organiser)
    make_user("host@example.com", "Host")
    mail.outbox.clear()
    webinar_host_add(webinar=webinar, actor=organiser, email="host@example.com")
    webinar_host_add(webinar=webinar, actor=organiser, email="HOST@example.com")
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" not in mail.outbox[0].body
    assert WebinarRole.objects.filter(webinar=webinar).count() == 1


def test_removing_and_adding_a_host_again_cannot_flood_their_inbox(rate_window_held):
    """Anyone with an account can create a webinar and add any address as a host (outside security
    review: each add sent an invitation, so remove-and-add looped e-mails to one person). An address
    gets at most DEWAN_ACCOUNT_EMAIL_RATE (3 an hour) account e-mails; the role is still given."""
    from webinar.services.hosts import webinar_host_remove

    organiser = make_user()
    webinar = make_webinar(organiser=organiser)
    mail.outbox.clear()
    for _ in range(5):
        role = webinar_host_add(webinar=webinar, actor=organiser, email="victim@example.com")
        webinar_host_remove(webinar=webinar, actor=organiser, user_id=role.user_id)
    webinar_host_add(webinar=webinar, actor=organiser, email="victim@example.com")
    assert [m.to for m in mail.outbox] == [["victim@example.com"]] * 3
    assert WebinarRole.objects.filter(webinar=webinar, user__email="victim@example.com").exists()


def test_one_person_adds_at_most_twenty_hosts_an_hour(rate_window_held):
    from webinar.exceptions import RateLimited

    organiser = make_user()
    webinar = make_webinar(organiser=organiser)
    for n in range(20):
        webinar_host_add(webinar=webinar, actor=organiser, email=f"host{n}@example.com")
    with pytest.raises(RateLimited) as refused:
        webinar_host_add(webinar=webinar, actor=organiser, email="host20@example.com")
    assert refused.value.code == "rate_limited"
    assert not WebinarRole.objects.filter(user__email="host20@example.com").exists()
    page = _signed_in(organiser).post(
        reverse("webinar:host_add", args=[webinar.slug]), {"email": "host21@example.com"}, follow=True
    )
    assert "You have added many hosts in the last hour" in page.content.decode()


def test_adding_an_existing_host_again_spends_none_of_the_twenty(rate_window_held):
    from webinar.exceptions import RateLimited

    organiser = make_user()
    webinar = make_webinar(organiser=organiser)
    for _ in range(25):
        webinar_host_add(webinar=webinar, actor=organiser, email="same@example.com")
    for n in range(19):
        webinar_host_add(webinar=webinar, actor=organiser, email=f"host{n}@example.com")
    with pytest.raises(RateLimited):
        webinar_host_add(webinar=webinar, actor=organiser, email="one-too-many@example.com")
    assert not User.objects.filter(email="one-too-many@example.com").exists(), "its account is rolled back"
    assert WebinarRole.objects.filter(webinar=webinar, role="host").count() == 20


def test_the_invitation_subject_shows_the_title_as_written_on_one_line():
    """It read "Q&amp;A" (HTML-escaped), and a title with a line break made Django refuse the header, so
    no invitation went out; every e-mail subject now comes from ``notifications.email_subject``."""
    organiser = make_user()
    webinar = make_webinar(organiser=organiser)
    Webinar.objects.filter(pk=webinar.pk).update(title='Q&A: "scams"\r\nand you')
    webinar.refresh_from_db()
    mail.outbox.clear()
    webinar_host_add(webinar=webinar, actor=organiser, email="farah@example.com")
    (invitation,) = mail.outbox
    assert invitation.subject == 'You are a host of "Q&A: "scams" and you"'


def test_an_organiser_removes_a_host_and_the_console_then_says_403():
    organiser = make_user()
    webinar = make_webinar(organiser=organiser, status=Webinar.Status.LIVE)
    host = make_host(webinar, make_user("farah@example.com"))
    host_client = _signed_in(host)
    assert host_client.get(reverse("webinar:host", args=[webinar.slug])).status_code == 200
    _signed_in(organiser).post(reverse("webinar:host_remove", args=[webinar.slug, host.pk]))
    assert not WebinarRole.objects.filter(webinar=webinar).exists()
    response = host_client.get(reverse("webinar:host", args=[webinar.slug]))
    assert response.status_code == 403
    assert "You are not a host of this webinar" in response.content.decode()


def test_a_host_of_another_webinar_gets_a_clear_403_page():
    mine = make_webinar(status=Webinar.Status.LIVE)
    other = make_webinar(status=Webinar.Status.LIVE, title="Someone else's")
    host = make_host(mine, make_user("farah@example.com"))
    response = _signed_in(host).get(reverse("webinar:host", args=[other.slug]))
    assert response.status_code == 403
    page = response.content.decode()
    assert "farah@example.com" in page and "Someone else&#x27;s" in page
    assert "Traceback" not in page and "Page not found" not in page


def test_only_the_organiser_manages_hosts():
    webinar = make_webinar()
    host = make_host(webinar)
    response = _signed_in(host).post(
        reverse("webinar:host_add", args=[webinar.slug]), {"email": "x@example.com"}
    )
    assert response.status_code == 404
    assert not WebinarRole.objects.filter(user__email="x@example.com").exists()


def test_the_audit_log_reads_as_sentences_in_the_readers_language(live_webinar, host_user, attendee):
    question = Question.objects.create(
        webinar=live_webinar, author=attendee, text="Held words", client_key="k", status=Question.Status.HELD
    )
    moderation.question_approve(actor=host_user, webinar_id=live_webinar.pk, question_id=question.pk)
    moderation.question_pin(actor=host_user, webinar_id=live_webinar.pk, question_id=question.pk)
    moderation.webinar_slow_mode(actor=host_user, webinar_id=live_webinar.pk, seconds=30)
    with translation.override("en"):
        sentences = [line["sentence"] for line in audit_lines(webinar=live_webinar)]
    label = str(host_user)
    assert (
        f"{label} approved Q{question.pk}." in sentences
        or f"{label} published Q{question.pk} despite screening." in sentences
    )
    assert f"{label} pinned Q{question.pk}." in sentences
    assert f"{label} set slow mode to one question every 30 seconds." in sentences
    assert not any("{" in s or "question." in s for s in sentences), sentences
    with translation.override("ms"):
        malay = " ".join(line["sentence"] for line in audit_lines(webinar=live_webinar))
    assert f"menyemat Q{question.pk}" in malay


def test_audit_entries_cannot_be_added_or_changed_in_the_admin():
    admin_user = make_user("admin@example.com", is_staff=True, is_superuser=True)
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    model_admin = site._registry[AuditEntry]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    client = _signed_in(admin_user)
    assert client.get(reverse("admin:webinar_auditentry_add")).status_code == 403


def test_every_action_the_services_record_reads_as_a_sentence_not_its_code():
    """Each ``action="…"`` written to the audit log has its sentence (EN and MS); polls read as words."""
    import re
    from pathlib import Path

    from django.conf import settings

    from webinar.audit_text import _SENTENCES

    source = Path(settings.BASE_DIR) / "webinar"
    recorded = {
        action
        for path in source.rglob("*.py")
        if "migrations" not in path.parts
        for action in re.findall(r'action="([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8"))
    }
    assert {"poll.create", "poll.launch", "poll.close", "campaign.create"} <= recorded
    assert recorded - set(_SENTENCES) == set()


def test_a_polls_life_reads_as_sentences_in_malay(live_webinar, host_user):
    from webinar.campaigns.services.polls import poll_close, poll_create, poll_launch

    poll = poll_create(
        actor=host_user, webinar_id=live_webinar.pk, kind="rating", question_en="Rate it", question_ms=""
    )
    poll_launch(actor=host_user, webinar_id=live_webinar.pk, poll_id=poll.pk)
    poll_close(actor=host_user, webinar_id=live_webinar.pk, poll_id=poll.pk)
    with translation.override("ms"):
        sentences = [line["sentence"] for line in audit_lines(webinar=live_webinar)[:3]]
    name = host_user.shown_name
    assert sentences == [
        f"{name} menutup undian #{poll.pk}.",
        f"{name} melancarkan undian #{poll.pk}.",
        f"{name} menyediakan undian #{poll.pk}.",
    ]
