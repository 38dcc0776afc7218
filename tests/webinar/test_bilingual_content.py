"""Organiser content attendees read can be given in both languages: title, description, registration
questions and care resources; each reader gets their language, else the organiser's default text."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD, make_registration, make_user, make_webinar
from webinar.models import Question, ScreeningSettings
from webinar.services.questions import own_question_for

pytestmark = pytest.mark.django_db


def _reader(language: str) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_title_description_and_questions_follow_the_readers_language():
    webinar = make_webinar(
        title="Staying safe online",
        title_ms="Selamat dalam talian",
        description="For parents.",
        description_ms="Untuk ibu bapa.",
        custom_questions=[{"key": "school", "label": "School", "required": True, "label_ms": "Sekolah"}],
    )
    url = reverse("webinar:detail", args=[webinar.slug])
    malay = _reader("ms").get(url).content.decode()
    assert "Selamat dalam talian" in malay and "Untuk ibu bapa." in malay and "Sekolah" in malay
    english = _reader("en").get(url).content.decode()
    assert "Staying safe online" in english and "For parents." in english and "School" in english
    assert "Selamat dalam talian" not in english


def test_without_a_malay_text_malay_readers_get_the_default():
    webinar = make_webinar(title="Only in English")
    assert (
        "Only in English"
        in _reader("ms").get(reverse("webinar:detail", args=[webinar.slug])).content.decode()
    )


@pytest.mark.django_db(transaction=True)
def test_a_malay_registrants_email_uses_the_malay_title():
    webinar = make_webinar(title="Staying safe online", title_ms="Selamat dalam talian")
    mail.outbox.clear()
    make_registration(webinar, "Aisyah", "aisyah@example.com", language="ms")
    assert "Selamat dalam talian" in mail.outbox[-1].subject


def test_the_organiser_form_takes_both_languages():
    organiser = make_user()
    webinar = make_webinar(organiser=organiser)
    client = Client()
    client.login(email=organiser.email, password=PASSWORD)
    data = {
        "title": "Staying safe online",
        "title_ms": "Selamat dalam talian",
        "description": "",
        "description_ms": "Untuk ibu bapa.",
        "speakers": "",
        "timezone": "Asia/Kuala_Lumpur",
        "starts_at": "2030-06-01T10:00",
        "ends_at": "2030-06-01T11:00",
        "capacity": "",
        "waitlist_enabled": "on",
        "languages": "en,ms",
        "registration_open": "on",
        "stream_url": "",
        "custom_questions": "school | School | required | Sekolah",
    }
    assert client.post(reverse("webinar:manage", args=[webinar.slug]), data).status_code == 302
    webinar.refresh_from_db()
    assert (webinar.title_ms, webinar.description_ms) == ("Selamat dalam talian", "Untuk ibu bapa.")
    assert webinar.custom_questions == [
        {"key": "school", "label": "School", "required": True, "label_ms": "Sekolah"}
    ]
    page = client.get(reverse("webinar:manage", args=[webinar.slug])).content.decode()
    assert "school | School | required | Sekolah" in page


def test_care_resources_reach_a_malay_author_in_malay(live_webinar):
    ScreeningSettings.objects.update_or_create(
        webinar=live_webinar,
        defaults={
            "care_resources": "Befrienders: 03-7627 2929",
            "care_resources_ms": "Befrienders (BM): 03-7627 2929",
        },
    )
    for language, expected in (("ms", "Befrienders (BM)"), ("en", "Befrienders: ")):
        author = make_registration(live_webinar, language=language)
        question = Question.objects.create(
            webinar=live_webinar, author=author, text="...", client_key=language, status="care", care=True
        )
        assert expected in own_question_for(question)["care_resources"]


@pytest.mark.parametrize("has_settings", [True, False], ids=["default-kept", "no-settings"])
def test_the_default_care_resources_reach_a_malay_author_in_malay_and_an_organisers_own_text_as_written(
    live_webinar, has_settings
):
    if has_settings:
        ScreeningSettings.objects.update_or_create(webinar=live_webinar, defaults={})
    else:
        ScreeningSettings.objects.filter(webinar=live_webinar).delete()
    shown = {}
    for language in ("ms", "en"):
        author = make_registration(live_webinar, language=language)
        question = Question.objects.create(
            webinar=live_webinar, author=author, text="...", client_key=language, status="care", care=True
        )
        shown[language] = own_question_for(question)["care_resources"]
    assert "Kementerian Kesihatan Malaysia" in shown["ms"] and "Kecemasan: 999" in shown["ms"]
    assert "Ministry of Health" not in shown["ms"]
    assert "Ministry of Health Malaysia" in shown["en"] and "Emergency: 999" in shown["en"]
    # An organiser who wrote their own resources (in English only) has them shown as written.
    ScreeningSettings.objects.update_or_create(
        webinar=live_webinar, defaults={"care_resources": "Call 15999"}
    )
    author = make_registration(live_webinar, language="ms")
    question = Question.objects.create(
        webinar=live_webinar, author=author, text="...", client_key="own", status="care", care=True
    )
    assert own_question_for(question)["care_resources"] == "Call 15999"


@pytest.mark.parametrize("page", ["webinar:host", "campaigns:polls"])
def test_a_malay_host_reads_the_malay_title_on_the_pages_hosts_use(page):
    """The host console and its polls page name the webinar as the attendee pages and the socket's
    ``welcome`` do for a Malay reader (an outside review found the console's heading in English)."""
    from tests.factories import make_host

    webinar = make_webinar(title="Staying safe online", title_ms="Selamat dalam talian")
    host = make_host(webinar, make_user(language="ms"))
    client = _reader("ms")
    client.force_login(host)
    page_html = client.get(reverse(page, args=[webinar.slug])).content.decode()
    assert "Selamat dalam talian" in page_html and "Staying safe online" not in page_html


def test_someone_who_is_not_a_host_is_told_the_title_in_their_language():
    webinar = make_webinar(title="Staying safe online", title_ms="Selamat dalam talian")
    client = _reader("ms")
    client.force_login(make_user(language="ms"))
    response = client.get(reverse("webinar:host", args=[webinar.slug]))
    assert response.status_code == 403
    assert "Selamat dalam talian" in response.content.decode()


def test_the_stage_view_speaks_the_language_in_its_link_whatever_the_browser():
    """OBS and projectors open the stage view in a browser that chose no language: it was English
    whatever the event's (outside review). The link a Malay host copies carries ``lang=ms``, and the page,
    its socket's config and the poll card follow it."""
    from tests.factories import make_host
    from webinar.live_state import stage_path

    webinar = make_webinar(title="Staying safe online", title_ms="Selamat dalam talian")
    host = make_host(webinar, make_user(language="ms"))
    console = _reader("ms")
    console.force_login(host)
    page = console.get(reverse("webinar:host", args=[webinar.slug])).content.decode()
    link = stage_path(webinar, language="ms")
    assert link.endswith("&lang=ms") and link.replace("&", "&amp;") in page
    projector = _reader("en").get(link).content.decode()  # a browser that says English, or nothing
    assert '<html lang="ms">' in projector and "Belum ada soalan yang disematkan" in projector
    assert "Selamat dalam talian" in projector and '"lang": "ms"' in projector
    english = Client().get(stage_path(webinar, language="en")).content.decode()
    assert "No question pinned yet" in english
    assert Client().get(stage_path(webinar) + "&lang=xx").status_code == 200, "an unknown lang: the usual"


def _organiser_reader(organiser, language: str) -> Client:
    client = _reader(language)
    client.login(email=organiser.email, password=PASSWORD)
    return client


@pytest.mark.parametrize("page", ["manage", "screening", "report", "dashboard"])
def test_organiser_pages_name_the_webinar_in_the_readers_language(page):
    organiser = make_user()
    webinar = make_webinar(organiser=organiser, title="Staying safe online", title_ms="Selamat dalam talian")
    url = reverse(f"webinar:{page}", args=[webinar.slug])
    malay = _organiser_reader(organiser, "ms").get(url).content.decode()
    assert "Selamat dalam talian" in _heading(malay) and "Staying safe online" not in _heading(malay)
    english = _organiser_reader(organiser, "en").get(url).content.decode()
    assert "Staying safe online" in _heading(english) and "Selamat dalam talian" not in _heading(english)


def _heading(html: str) -> str:
    """The page's <title> and <h1> (the manage page's form shows both titles, being where they are edited)."""
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    return title + html.split("<h1", 1)[1].split("</h1>", 1)[0]


def test_the_campaign_funnel_and_overview_name_webinars_in_the_readers_language():
    from tests.campaigns.conftest import build_series

    series = build_series()
    series.live.title_ms = "Fikir Dua Kali: secara langsung"
    series.live.save(update_fields=["title_ms"])
    malay = _organiser_reader(series.owner, "ms")
    funnel = malay.get(reverse("campaigns:funnel", args=[series.campaign.slug])).content.decode()
    assert "<td>Fikir Dua Kali: secara langsung</td>" in funnel and "Think Twice: live" not in funnel
    overview = malay.get(reverse("webinar:campaign")).content.decode()
    assert "Fikir Dua Kali: secara langsung" in overview and "Think Twice: live" not in overview
    english = _organiser_reader(series.owner, "en")
    assert (
        "<td>Think Twice: live</td>"
        in english.get(reverse("campaigns:funnel", args=[series.campaign.slug])).content.decode()
    )


def _ics_text(payload: bytes) -> str:
    """The calendar file unfolded (iCalendar folds long lines at 75 octets with CRLF and a space)."""
    return payload.decode().replace("\r\n ", "")


@pytest.mark.django_db(transaction=True)
def test_a_malay_registrants_calendar_file_has_the_malay_title_description_and_join_line():
    webinar = make_webinar(
        title="Staying safe online",
        title_ms="Selamat dalam talian",
        description="For parents.",
        description_ms="Untuk ibu bapa.",
    )
    mail.outbox.clear()
    # The confirmation is sent while English is active (an English request or worker): the file follows
    # the registrant's language, like the e-mail around it.
    with translation.override("en"):
        make_registration(webinar, "Aisyah", "aisyah@example.com", language="ms")
    ((name, payload, _kind),) = mail.outbox[-1].attachments
    ics = _ics_text(payload if isinstance(payload, bytes) else payload.encode())
    assert name.endswith(".ics")
    assert "SUMMARY:Selamat dalam talian" in ics
    assert "DESCRIPTION:Untuk ibu bapa.\\n\\nSertai: " in ics
    assert "Staying safe online" not in ics and "For parents." not in ics


def test_the_pages_calendar_file_follows_the_readers_language():
    webinar = make_webinar(
        title="Staying safe online",
        title_ms="Selamat dalam talian",
        description="For parents.",
        description_ms="Untuk ibu bapa.",
    )
    url = reverse("webinar:calendar", args=[webinar.slug])
    malay = _ics_text(_reader("ms").get(url).content)
    assert "SUMMARY:Selamat dalam talian" in malay and "DESCRIPTION:Untuk ibu bapa." in malay
    english = _ics_text(_reader("en").get(url).content)
    assert "SUMMARY:Staying safe online" in english and "DESCRIPTION:For parents." in english
