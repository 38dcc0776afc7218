"""Browser tests: a real Uvicorn server against the test database, driven by Debian's Chromium.

Data is made in the test process with the factories; ``transactional_db`` commits it, so the server
process (which has its own connections) sees it. One server serves the browser tests a test process
runs (``shared_server``; a test that kills it gets it back before the next test); tests that need other
settings start their own.

Screenshots go to ``test-artifacts/``. When a test fails, every page it opened is screenshotted, full
page, as ``FAILED-<test>-<person>.png``. For passing tests nothing is screenshotted unless
``DEWAN_TEST_SCREENSHOTS=all``: then every page is, viewport only, when its test ends
(``<test>-<person>.png``), and so are the steps tests name (``pages.screenshot``: viewport only unless
the test asks for the full page). A screenshot costs Chromium a render of the page, and a full-page one
of every page of every test was the largest part of the browser tests' CPU that no check needed.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import WAIT_MS, off_loop, wait_connected
from tests.factories import PASSWORD, make_host, make_live_webinar, make_registration, make_user
from tests.servers import ARTIFACTS, Server, free_port, server_env, shared_database_url

# Playwright's assertions (``expect``) wait 5 s by default, not the context's timeout: on a loaded
# machine (2 cores, several test processes) a live update then missed its 5 s now and again. Every
# wait in a browser test is bounded by WAIT_MS instead, assertions included.
expect.set_options(timeout=WAIT_MS)

CHROMIUM = "/usr/bin/chromium"
# Features Playwright disables itself (its chromiumSwitches.ts, 1.65). A switch given twice counts once
# in Chromium (the last, as others measured for ``--disable-features``) and ours comes after Playwright's,
# so it repeats them rather than turn them back on.
PLAYWRIGHT_DISABLED_FEATURES = [
    "AimEnabled",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsFirstBalancedModeAutoEnable",
    "HttpsUpgrades",
    "LensOverlay",
    "MediaRouter",
    "NetworkTimeServiceQuerying",
    "OptimizationHints",
    "PaintHolding",
    "PreconnectToSearch",
    "ThirdPartyStoragePartitioning",
]
# Background services no test uses: the optimization guide and its on-device model service (Debian's
# Chromium started one a few minutes into a run), translation, casting and media controls, autofill's
# server queries.
UNUSED_FEATURES = [
    "OptimizationGuideModelDownloading",
    "OptimizationHintsFetching",
    "OptimizationTargetPrediction",
    "OptimizationGuideOnDeviceModel",
    "Translate",
    "DialMediaRouteProvider",
    "GlobalMediaControls",
    "AutofillServerCommunication",
]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + UNUSED_FEATURES),
]
# ``all``: passing tests leave screenshots too (see the module docstring).
SCREENSHOTS_ALL = os.environ.get("DEWAN_TEST_SCREENSHOTS") == "all"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the browser tests, closed when they are done.

    Playwright's sync API keeps an asyncio loop running on this thread while it is started, so Django
    would refuse ORM calls from the (plain synchronous) test bodies as "async context", and async tests
    elsewhere could not start their own loop. Hence package scope rather than session scope, and
    ``DJANGO_ALLOW_ASYNC_UNSAFE`` only while the browser is up.
    """
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make browser-deps` installs Debian's Chromium")
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                yield browser
            finally:
                browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def running_server(request, **extra_env: str):
    """Start a Uvicorn process on the test database (``extra_env`` on top); yield it, then kill it."""
    port = free_port()
    env = server_env(port=port, database_url=shared_database_url(), **extra_env)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")  # each test process's server logs to its own file
    server = Server(port=port, env=env, name=f"{request.node.name}-server{'-' + worker if worker else ''}")
    server.start()
    try:
        yield server
    finally:
        server.kill()


# Every browser test signs in and registers from 127.0.0.1, and the shared server (below) keeps its
# counts for the whole package in the embedded pass (its cache is in its memory; in the services pass each
# test flushes the Redis database it shares with the test process): the limits per client address are
# lifted for it, as tests/settings.py lifts the websocket budgets. No browser test is about those limits
# (tests/accounts, tests/webinar and tests/abuse check them).
SHARED_SERVER_RATES = {
    "DEWAN_SIGNIN_ADDRESS_RATE": "100000/5m",
    "DEWAN_REGISTRATION_RATE": "100000/m",
    "DEWAN_ACCOUNT_EMAIL_ADDRESS_RATE": "100000/h",
}


@pytest.fixture(scope="package")
def shared_server(request, django_db_setup):
    """One Uvicorn process on the test database for the browser tests a test process runs (starting
    one costs about 1 CPU-s and, at the usual load, 3-6 s of wall time, as much as a typical browser
    test's own steps; one per module was 13 starts per pass). Tests with their own settings use
    ``running_server`` instead (a module may override this fixture, as test_own_resync.py does)."""
    yield from running_server(request, **SHARED_SERVER_RATES)


@pytest.fixture
def server(transactional_db, shared_server):
    """The shared server, running (a test that killed it gets it back) and holding nothing of the
    previous test's data: the database was flushed, and a webinar read by slug is kept by a server
    process for at most ``LIVE_WEBINAR_SECONDS``, so no page of a test opens before that has passed
    since the previous test ended (the next test's webinar usually has the same slug). The wait is
    at the first ``pages.open`` (``fresh_at``) rather than here, so the test's data is built during
    it: every request a browser test makes to the shared server comes from a page it opened."""
    from webinar.live_state import LIVE_WEBINAR_SECONDS

    if not shared_server.running():
        shared_server.start()
    last_ended = getattr(shared_server, "last_test_ended", float("-inf"))
    shared_server.fresh_at = last_ended + LIVE_WEBINAR_SECONDS + 0.1
    yield shared_server
    shared_server.last_test_ended = time.monotonic()


def wait_until_fresh(server) -> None:
    """Return once ``server`` can hold nothing of the previous test's webinar (see ``server``)."""
    time.sleep(max(0.0, getattr(server, "fresh_at", float("-inf")) - time.monotonic()))


@dataclass
class Pages:
    """Opens browser contexts (one per person) and screenshots their pages at the end of the test."""

    browser: object
    server: Server
    test_name: str
    contexts: list = field(default_factory=list)
    pages: list[tuple[str, object]] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def open(self, label: str, path: str = "/", **context_options):
        """A new person's browser on ``path``; ``context_options`` as Playwright's (locale, timezone_id)."""
        options = {"viewport": {"width": 1280, "height": 900}, **context_options}
        wait_until_fresh(self.server)
        context = self.browser.new_context(base_url=self.server.url, **options)
        context.set_default_timeout(WAIT_MS)
        self.contexts.append(context)
        page = context.new_page()
        page.on("dialog", self._on_dialog)
        page.on("pageerror", lambda error: self.page_errors.append(f"{label}: {error}"))
        self.pages.append((label, page))
        if path:
            page.goto(path)
        return page

    def _on_dialog(self, dialog) -> None:
        """Every dialog is recorded; prompts get the answer queued in ``answers`` (or are dismissed)."""
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        if dialog.type == "prompt" and self.answers:
            dialog.accept(self.answers.pop(0))
        elif dialog.type == "confirm":
            dialog.accept()
        else:
            dialog.dismiss()

    def attendee(self, registration, label: str | None = None):
        """An attendee's browser, let in by their personal join link (which lands on the live page)."""
        from webinar.services.notifications import join_url

        page = self.open(label or f"attendee-{registration.pk}", urlparse(join_url(registration)).path)
        page.wait_for_url(re.compile(r"/live/$"))
        wait_connected(page)
        return page

    def host(self, user, webinar, label: str = "host"):
        """A host's browser, signed in through the login page, on the host console."""
        page = self.open(label, f"/accounts/login/?next=/w/{webinar.slug}/host/")
        page.fill("#id_username", user.email)
        page.fill("#id_password", PASSWORD)
        page.locator("#id_password").press("Enter")
        page.wait_for_url(re.compile(r"/host/$"))
        wait_connected(page)
        return page

    def screenshot(self, page, name: str, *, full_page: bool = False) -> Path | None:
        """A step the test names, kept only with ``DEWAN_TEST_SCREENSHOTS=all``; the path, or None."""
        if not SCREENSHOTS_ALL:
            return None
        return self._save(page, name, full_page=full_page)

    @staticmethod
    def _save(page, name: str, *, full_page: bool) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        page.screenshot(path=str(path), full_page=full_page)
        return path

    def close(self, failed: bool) -> None:
        """Screenshots every page (full page, ``FAILED-``) when the test failed, or (viewport) with
        ``DEWAN_TEST_SCREENSHOTS=all``; then closes the contexts."""
        if failed or SCREENSHOTS_ALL:
            prefix = "FAILED-" if failed else ""
            for label, page in self.pages:
                try:
                    self._save(page, f"{prefix}{self.test_name}-{label}.png", full_page=failed)
                except Exception:  # noqa: S112 - a page that already crashed has nothing to show
                    continue
        for context in self.contexts:
            context.close()


@pytest.fixture
def pages(browser, server, request):
    opened = Pages(browser=browser, server=server, test_name=request.node.name)
    yield opened
    call = getattr(request.node, "report_call", None)
    opened.close(failed=call is None or call.failed)


@dataclass
class Room:
    webinar: object
    host: object
    registrations: list


@pytest.fixture
def room(transactional_db):
    """A live webinar with a host and three confirmed attendees; every question waits for the host."""
    return off_loop(_build_room)


def _build_room() -> Room:
    from webinar.models import ScreeningSettings

    organiser = make_user(name="Organiser")
    webinar = make_live_webinar(organiser=organiser, title="Browser test webinar")
    host = make_host(webinar, make_user(name="Hana Host"))
    registrations = [
        make_registration(webinar, name, f"{name.lower()}@example.com")
        for name in ("Aisyah", "Ben", "Chandra")
    ]
    ScreeningSettings.objects.update_or_create(webinar=webinar, defaults={"hold_all": True})
    return Room(webinar=webinar, host=host, registrations=registrations)
