"""Organisers create, edit and publish webinars, tune screening, and nobody else can."""

from __future__ import annotations

import html

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, make_host, make_user, make_webinar
from webinar.exceptions import InvalidState
from webinar.models import AuditEntry, ScreeningSettings, Webinar
from webinar.services.lifecycle import webinar_transition

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def test_organiser_creates_a_webinar_from_the_form_as_a_draft():
    organiser = make_user("org@example.com")
    response = signed_in(organiser).post(
        reverse("webinar:create"),
        {
            "title": "Buli Siber 101",
            "description": "Apa itu buli siber?",
            "speakers": "Dr. Farah",
            "starts_at": "2026-12-01T20:00",
            "ends_at": "2026-12-01T21:30",
            "timezone": "Asia/Kuala_Lumpur",
            "capacity": "100",
            "waitlist_enabled": "on",
            "languages": "en,ms",
            "registration_open": "on",
            "stream_url": "https://www.youtube.com/watch?v=abc123",
            "custom_questions": "school | School | required\nage | Age",
        },
    )
    webinar = Webinar.objects.get(title="Buli Siber 101")
    assert response.status_code == 302 and response["Location"] == reverse(
        "webinar:manage", args=[webinar.slug]
    )
    assert webinar.status == Webinar.Status.DRAFT and webinar.organiser == organiser
    assert webinar.custom_questions == [
        {"key": "school", "label": "School", "required": True},
        {"key": "age", "label": "Age", "required": False},
    ]
    assert ScreeningSettings.objects.filter(webinar=webinar).exists()


def test_end_before_start_is_refused_with_a_clear_error():
    organiser = make_user()
    response = signed_in(organiser).post(
        reverse("webinar:create"),
        {
            "title": "X",
            "starts_at": "2026-12-01T20:00",
            "ends_at": "2026-12-01T19:00",
            "timezone": "UTC",
            "languages": "en",
        },
    )
    assert response.status_code == 200
    assert "end time must be after" in response.content.decode()
    assert not Webinar.objects.exists()


def test_drafts_are_not_public_until_published():
    webinar = make_webinar(status=Webinar.Status.DRAFT)
    assert Client().get(reverse("webinar:detail", args=[webinar.slug])).status_code == 404
    client = signed_in(webinar.organiser)
    client.post(reverse("webinar:status", args=[webinar.slug]), {"status": "scheduled"})
    assert Client().get(reverse("webinar:detail", args=[webinar.slug])).status_code == 200
    assert AuditEntry.objects.filter(webinar=webinar, action="webinar.status").exists()


def test_lifecycle_only_moves_forward_along_allowed_steps():
    webinar = make_webinar(status=Webinar.Status.ENDED)
    with pytest.raises(InvalidState):
        webinar_transition(webinar=webinar, actor=webinar.organiser, to=Webinar.Status.LIVE)


def test_other_users_and_hosts_cannot_manage_a_webinar():
    webinar = make_webinar()
    host = make_host(webinar)
    stranger = make_user()
    for user in (host, stranger):
        assert signed_in(user).get(reverse("webinar:manage", args=[webinar.slug])).status_code == 404
    response = signed_in(stranger).post(reverse("webinar:status", args=[webinar.slug]), {"status": "live"})
    assert response.status_code == 403
    webinar.refresh_from_db()
    assert webinar.status == Webinar.Status.SCHEDULED


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "You are not a host of this webinar"), ("ms", "Anda bukan hos webinar ini")],
)
def test_a_crafted_status_change_from_a_stranger_gets_the_sites_page_in_their_language(language, heading):
    webinar = make_webinar()
    client = signed_in(make_user())
    client.cookies["django_language"] = language
    response = client.post(reverse("webinar:status", args=[webinar.slug]), {"status": "cancelled"})
    assert response.status_code == 403 and response["Content-Type"].startswith("text/html")
    assert f"<h1>{heading}</h1>" in response.content.decode()
    webinar.refresh_from_db()
    assert webinar.status == Webinar.Status.SCHEDULED


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        ("en", "Only this webinar's organisers can do that."),
        ("ms", "Hanya penganjur webinar ini boleh berbuat demikian."),
    ],
)
def test_a_host_asking_for_an_organisers_step_is_sent_back_to_the_console_with_the_reason(language, refusal):
    webinar = make_webinar()
    client = signed_in(make_host(webinar))
    client.cookies["django_language"] = language
    response = client.post(
        reverse("webinar:status", args=[webinar.slug]), {"status": "cancelled"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("webinar:host", args=[webinar.slug])
    assert html.escape(refusal) in response.content.decode()
    webinar.refresh_from_db()
    assert webinar.status == Webinar.Status.SCHEDULED


def test_organiser_tunes_screening_and_the_change_is_audited():
    webinar = make_webinar()
    response = signed_in(webinar.organiser).post(
        reverse("webinar:screening", args=[webinar.slug]),
        {
            "strictness": "strict",
            "link_policy": "block",
            "hold_first_time": "on",
            "blocked_terms": "judi\nslot",
        },
    )
    assert response.status_code == 302
    settings_obj = ScreeningSettings.objects.get(webinar=webinar)
    assert (settings_obj.strictness, settings_obj.link_policy, settings_obj.hold_first_time) == (
        "strict",
        "block",
        True,
    )
    assert settings_obj.blocked_terms.splitlines() == ["judi", "slot"]
    assert AuditEntry.objects.filter(webinar=webinar, action="screening.update").exists()


def test_organiser_trusts_their_own_sites_and_may_turn_dewans_list_of_public_sites_off():
    """docs/screening.md, "Links and trusted sites": links to trusted sites publish under "hold"."""
    from webinar import selectors
    from webinar.screening import screen

    webinar = make_webinar()
    page = (
        signed_in(webinar.organiser).get(reverse("webinar:screening", args=[webinar.slug])).content.decode()
    )
    assert 'name="trust_listed_sites"' in page and 'name="trusted_sites"' in page
    response = signed_in(webinar.organiser).post(
        reverse("webinar:screening", args=[webinar.slug]),
        {
            "strictness": "standard",
            "link_policy": "hold",
            "trusted_sites": "https://www.kedai-komuniti.com/\n",
        },
    )
    assert response.status_code == 302
    policy = selectors.screening_policy(webinar=webinar)
    assert policy.trust_listed_sites is False  # the box was left unticked
    assert "kedai-komuniti.com" in policy.trusted_sites
    assert screen("borang di kedai-komuniti.com/daftar", policy=policy).action == "publish"
    assert screen("report at www.mcmc.gov.my", policy=policy).action == "hold"
    signed_in(webinar.organiser).post(
        reverse("webinar:screening", args=[webinar.slug]),
        {"strictness": "standard", "link_policy": "hold", "trust_listed_sites": "on"},
    )
    policy = selectors.screening_policy(webinar=webinar)
    assert screen("report at www.mcmc.gov.my", policy=policy).action == "publish"


def test_host_console_is_for_hosts_only():
    webinar = make_webinar(status=Webinar.Status.LIVE)
    host = make_host(webinar)
    assert signed_in(host).get(reverse("webinar:host", args=[webinar.slug])).status_code == 200
    assert signed_in(make_user()).get(reverse("webinar:host", args=[webinar.slug])).status_code == 403


def test_stage_view_needs_its_signed_key():
    from webinar.live_state import stage_key

    webinar = make_webinar(status=Webinar.Status.LIVE)
    url = reverse("webinar:stage", args=[webinar.slug])
    assert Client().get(url).status_code == 404
    assert Client().get(url, {"key": "forged"}).status_code == 404
    assert Client().get(url, {"key": stage_key(webinar)}).status_code == 200


def test_the_webinar_form_asks_only_for_settings_that_do_something():
    """``languages`` is stored but read by nothing: the form does not ask for it (registration and the
    live pages offer every site language)."""
    organiser = make_user("org-form@example.com")
    client = signed_in(organiser)
    for path in (
        reverse("webinar:create"),
        reverse("webinar:manage", args=[make_webinar(organiser=organiser).slug]),
    ):
        page = client.get(path).content.decode()
        assert 'name="title"' in page and 'name="capacity"' in page
        assert 'name="languages"' not in page, path


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "en",
            [
                "Care resources",
                "may be at risk of self-harm, one resource per line",
                "each reader's language",
            ],
        ),
        (
            "ms",
            [
                "Sumber sokongan",
                "berisiko mencederakan diri, satu sumber bagi setiap baris",
                "bahasa pembaca",
            ],
        ),
    ],
)
def test_the_screening_page_says_who_sees_the_care_resources_in_the_organisers_language(language, words):
    webinar = make_webinar()
    client = signed_in(webinar.organiser)
    client.cookies["django_language"] = language
    page = html.unescape(client.get(reverse("webinar:screening", args=[webinar.slug])).content.decode())
    for text in words:
        assert text in page, text


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Not a web address: “kedai komuniti”, “<b>gov</b>”."),
        ("ms", "Bukan alamat web: “kedai komuniti”, “<b>gov</b>”."),
    ],
)
def test_a_trusted_site_that_is_not_a_web_address_is_refused_keeping_what_was_typed(language, message):
    """A line naming no site used to be dropped without a word: the settings looked saved."""
    from webinar import selectors

    webinar = make_webinar()
    client = signed_in(webinar.organiser)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    typed = "kedai-komuniti.com\nkedai komuniti\n<b>gov</b>\n"
    response = client.post(
        reverse("webinar:screening", args=[webinar.slug]),
        {"strictness": "standard", "link_policy": "hold", "trusted_sites": typed},
    )
    page = html.unescape(response.content.decode())
    assert response.status_code == 200 and message in page
    assert "kedai-komuniti.com\nkedai komuniti" in page  # nothing typed is lost
    assert "kedai-komuniti.com" not in selectors.screening_policy(webinar=webinar).trusted_sites
