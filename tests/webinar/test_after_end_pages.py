"""After the end, each page says "ended" once, in its status badge, and End is asked in the page (EN, MS).

The attendee page's status badge is the one status: the connection pill keeps telling the connection
(answers still arrive), the "watching" count is gone (nobody watches an ended webinar), and the question
box's notice says what the end means for it. The host console asks before ending in its own dialog, not
the browser's confirm box, in the host's language.
"""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import make_live_webinar, make_registration, make_user
from webinar.models import Webinar
from webinar.services.lifecycle import webinar_transition
from webinar.services.notifications import join_url

pytestmark = pytest.mark.django_db

WORDS = {
    "en": {
        "ended": "Ended",
        "notice": "Questions and votes are closed.",
        "end_title": "End the webinar for everyone?",
        "end_ok": "End webinar",
        "end_explain": "A webinar cannot be restarted.",
        "console_ended": "Questions are closed and the queue is read-only.",
    },
    "ms": {
        "ended": "Tamat",
        "notice": "Soalan dan undian telah ditutup.",
        "end_title": "Tamatkan webinar untuk semua orang?",
        "end_ok": "Tamatkan webinar",
        "end_explain": "Webinar tidak boleh dimulakan semula.",
        "console_ended": "Soalan ditutup dan baris gilir hanya untuk dibaca.",
    },
}


def _client(language: str) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _config(page: str) -> dict:
    opening = '<script id="live-config" type="application/json">'
    return json.loads(page.split(opening)[1].split("</script>")[0])


def _visible_text(page: str) -> str:
    """The page's text outside scripts and tags (what a reader sees before the script runs)."""
    page = re.sub(r"<script.*?</script>", "", page, flags=re.S)
    return re.sub(r"<[^>]+>", " ", page)


@pytest.mark.parametrize("language", ["en", "ms"])
def test_an_ended_webinars_attendee_page_says_ended_once_in_its_status_badge(language):
    words = WORDS[language]
    webinar = make_live_webinar()
    registration = make_registration(webinar, "Aisyah", "aisyah@example.com", language=language)
    webinar_transition(webinar=webinar, actor=webinar.organiser, to=Webinar.Status.ENDED)
    client = _client(language)
    client.get(join_url(registration).removeprefix(settings.SITE_URL))
    page = client.get(reverse("webinar:live", args=[webinar.slug])).content.decode()
    assert f'<span id="webinar-status" class="badge ended">{words["ended"]}</span>' in page
    head = _visible_text(page.split('<div class="live-head">')[1].split('<div class="live-layout">')[0])
    assert head.lower().count(words["ended"].lower()) == 1
    assert '<span id="watching-line" hidden>' in page  # nobody is watching an ended webinar
    assert _config(page)["labels"]["ended"] == words["notice"]  # the question box's notice


def test_a_live_webinars_attendee_page_shows_the_watching_count():
    webinar = make_live_webinar()
    registration = make_registration(webinar, "Aisyah", "aisyah@example.com")
    client = _client("en")
    client.get(join_url(registration).removeprefix(settings.SITE_URL))
    page = client.get(reverse("webinar:live", args=[webinar.slug])).content.decode()
    assert '<span id="watching-line">' in page


@pytest.mark.parametrize("language", ["en", "ms"])
def test_the_host_console_asks_before_ending_in_its_own_dialog_in_the_hosts_language(language):
    words = WORDS[language]
    organiser = make_user()
    webinar = make_live_webinar(organiser=organiser)
    client = _client(language)
    client.force_login(organiser)
    page = client.get(reverse("webinar:host", args=[webinar.slug])).content.decode()
    assert '<p id="host-dialog-body" hidden></p>' in page
    labels = _config(page)["labels"]
    assert labels["end_confirm"] == words["end_title"]
    assert labels["end_ok"] == words["end_ok"]
    assert labels["end_explain"].endswith(words["end_explain"])
    assert labels["console_ended"] == words["console_ended"]
    assert '<span id="watching-line">' in page  # live: the count is shown


@pytest.mark.parametrize("language", ["en", "ms"])
def test_an_ended_webinars_host_console_says_ended_once_and_shows_no_watching_count(language):
    words = WORDS[language]
    organiser = make_user()
    webinar = make_live_webinar(organiser=organiser)
    webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.ENDED)
    client = _client(language)
    client.force_login(organiser)
    page = client.get(reverse("webinar:host", args=[webinar.slug])).content.decode()
    head = _visible_text(page.split('<div class="live-head">')[1].split("</div>")[0])
    assert head.lower().count(words["ended"].lower()) == 1
    assert '<span id="watching-line" hidden>' in page
    assert words["ended"].lower() not in _config(page)["labels"]["console_ended"].lower()
    script = (settings.BASE_DIR / "static" / "dewan" / "live-host.js").read_text()
    assert "window.confirm" not in script and "confirm(" not in script


def test_the_stage_view_shows_the_watching_count_only_while_nobody_has_ended_the_webinar():
    """A first walk found the projector still showing "– watching" under an ended webinar, while the
    attendee page and the console had dropped the count."""
    from webinar.live_state import stage_key

    webinar = make_live_webinar()
    url = reverse("webinar:stage", args=[webinar.slug])
    live = _client("en").get(url, {"key": stage_key(webinar)}).content.decode()
    assert '<span id="stage-watching">' in live
    webinar_transition(webinar=webinar, actor=webinar.organiser, to=Webinar.Status.ENDED)
    ended = _client("en").get(url, {"key": stage_key(webinar)}).content.decode()
    assert '<span id="stage-watching" hidden>' in ended
