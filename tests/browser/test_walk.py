"""The whole first event in real browsers (issue 14's "done when"): register → e-mail → join → ask →
moderate → end → report → exports, in English on a laptop and in Bahasa Malaysia on a 390x844 phone.

With DEWAN_TEST_SCREENSHOTS=all every step is screenshotted, full page, into test-artifacts/
(walk-<language>-<step>.png); the e-mails the server process sent are read from its file e-mail
backend, as a person would read their inbox.
"""

from __future__ import annotations

import email
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SHARED_SERVER_RATES, running_server
from tests.browser.helpers import off_loop, wait_connected
from tests.factories import PASSWORD, make_host, make_live_webinar, make_user
from tests.servers import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LAPTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
WALKS = [
    pytest.param("en", LAPTOP, {"ended": "Ended"}, id="english-laptop"),
    pytest.param("ms", PHONE, {"ended": "Tamat"}, id="malay-phone"),
]


@pytest.fixture(scope="module")
def mail_dir(tmp_path_factory) -> Path:
    """Where the walk's server writes its e-mails (each walk reads those to its own addresses only)."""
    return tmp_path_factory.mktemp("walk-mail")


@pytest.fixture(scope="module")
def shared_server(request, django_db_setup, mail_dir):
    """The server of the walks (one start for both, as conftest's ``server`` serves it to each with the
    database flushed): e-mail into files, tasks in-process (the report is built on end)."""
    yield from running_server(
        request,
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_dir),
        CELERY_TASK_ALWAYS_EAGER="true",
        **SHARED_SERVER_RATES,  # two walks sign in and register from one address on one server
    )


def _inbox(mail_dir: Path, to: str) -> list[email.message.Message]:
    messages = []
    for path in sorted(mail_dir.glob("*.log")):
        for raw in path.read_text(errors="replace").split("-" * 79):
            if raw.strip():
                message = email.message_from_string(raw.strip())
                if to in (message.get("To") or ""):
                    messages.append(message)
    return messages


def _body(message: email.message.Message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode()
    return ""


def _shot(pages, page, language: str, step: str) -> None:
    pages.screenshot(page, f"walk-{language}-{step}.png", full_page=True)


def _signed_in(pages, label, user, path, options, language):
    page = pages.open(label, "/", **options)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": pages.server.url}])
    page.goto(f"/accounts/login/?next={path}")
    page.fill("#id_username", user.email)
    page.fill("#id_password", PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(re.escape(path) + "$"))
    return page


@pytest.mark.parametrize(("language", "device", "words"), WALKS)
def test_a_first_event_end_to_end(pages, server, mail_dir, language, device, words):
    def build():
        from webinar.models import ScreeningSettings

        organiser = make_user(f"organiser-{language}@example.com", "Nurul")
        webinar = make_live_webinar(organiser=organiser, title=f"Selamat Online ({language})")
        host = make_host(webinar, make_user(f"host-{language}@example.com", "Farah"))
        ScreeningSettings.objects.update_or_create(webinar=webinar, defaults={"hold_all": True})
        return organiser, webinar, host

    organiser, webinar, host_user = off_loop(build)
    attendee_email = f"aisyah-{language}@example.com"

    # Register, in the language chosen with the switcher.
    visitor = pages.open(f"walk-{language}-attendee", f"/w/{webinar.slug}/", **device)
    visitor.click(f"form.lang button[value={language}]")
    expect(visitor.locator("html")).to_have_attribute("lang", language)
    _shot(pages, visitor, language, "1-webinar-page")
    visitor.fill("#id_name", "Aisyah")
    visitor.fill("#id_email", attendee_email)
    visitor.select_option("#id_language", language)
    visitor.check("#id_consent")
    visitor.locator("form.stack button[type=submit]").click()
    # The page says where the join link went (it does not reveal whether the address was known).
    expect(visitor.locator("p.ok")).to_contain_text(attendee_email)
    _shot(pages, visitor, language, "2-registered")

    # The confirmation e-mail, in the registrant's language, with a join link to this server.
    (confirmation,) = _inbox(mail_dir, attendee_email)
    body = _body(confirmation)
    (ARTIFACTS / f"walk-{language}-3-confirmation-email.txt").write_text(
        f"{confirmation['Subject']}\n\n{body}"
    )
    join = re.search(r"http://127\.0\.0\.1:\d+/w/[^/\s]+/join/\S+/", body).group(0)
    assert join.startswith(server.url)
    assert any(part.get_content_type() == "text/calendar" for part in confirmation.walk())

    # Join from the e-mail on the phone/laptop, and ask.
    attendee = pages.open(f"walk-{language}-joined", urlparse(join).path, **device)
    attendee.wait_for_url(re.compile(r"/live/$"))
    wait_connected(attendee)
    expect(attendee.locator("html")).to_have_attribute("lang", language)
    text = "Bagaimana melaporkan akaun palsu?" if language == "ms" else "How do I report a fake account?"
    attendee.fill("#ask-text", text)
    attendee.click("#ask-submit")
    expect(attendee.locator("#mine li.q:not(.sending)", has_text=text)).to_be_visible()
    _shot(pages, attendee, language, "4-asked")

    # Moderate: the host publishes it; the attendee sees it marked as theirs.
    host = _signed_in(pages, f"walk-{language}-host", host_user, f"/w/{webinar.slug}/host/", LAPTOP, language)
    wait_connected(host)
    incoming = host.locator("#list-incoming li.q", has_text=text)
    incoming.locator("[data-action=approve], [data-action=publish_anyway]").first.click()
    mine = attendee.locator("#questions li.q", has_text=text)
    expect(mine.locator(".tag.yours")).to_be_visible()
    _shot(pages, host, language, "5-host-console")
    _shot(pages, attendee, language, "6-published")

    # End: the attendee's page says so and voting stops.
    host.click("#btn-end")
    host.locator("#host-dialog-ok").click()  # the console's own dialog, in the host's language
    expect(attendee.locator("#webinar-status")).to_have_text(words["ended"])
    expect(attendee.locator("#conn")).not_to_have_text(words["ended"])
    expect(mine.locator(".votes button")).to_be_disabled()
    _shot(pages, attendee, language, "7-ended")

    # The report, in the organiser's language, and its exports.
    report = _signed_in(
        pages, f"walk-{language}-organiser", organiser, f"/w/{webinar.slug}/report/", device, language
    )
    expect(report.locator("#summary li").first).to_be_visible(timeout=30_000)
    summary = report.locator("#summary").inner_text()
    assert "[" not in summary, "no raw tags"
    assert ("pendaftar" if language == "ms" else "registered") in summary
    _shot(pages, report, language, "8-report")
    for name, kind in (
        ("attendance.csv", "text/csv"),
        ("questions.csv", "text/csv"),
        ("report.pdf", "application/pdf"),
    ):
        response = report.request.get(f"/w/{webinar.slug}/report/{name}")
        assert response.status == 200 and response.headers["content-type"].startswith(kind), name
        (ARTIFACTS / f"walk-{language}-9-{name}").write_bytes(response.body())
    assert text in (ARTIFACTS / f"walk-{language}-9-questions.csv").read_text()
    attendance = (ARTIFACTS / f"walk-{language}-9-attendance.csv").read_text()
    assert "Farah" not in attendance, "the host is not audience"
