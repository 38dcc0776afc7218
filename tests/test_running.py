"""Running Dewan from the README: one base address for links, runtime-only installs, a quiet start-up."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import urllib.request
import warnings
from pathlib import Path

import pytest
from django.core import mail
from django.test import override_settings
from icalendar import Calendar

from tests.django_process import run_django
from tests.factories import make_registration
from tests.servers import ARTIFACTS, ROOT, UVICORN, free_port
from webinar.models import Report
from webinar.services.summaries import report_notify

BASE = "http://127.0.0.1:8201"


def _make(*args: str, cwd: Path = ROOT, **env: str) -> str:
    result = subprocess.run(
        ["make", "-n", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=30,
        env={"PATH": "/usr/bin:/bin", **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_port_alone_sets_the_base_address_of_links():
    result = run_django(
        "-c", "import django; from django.conf import settings; print(settings.SITE_URL)", PORT="8201"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == BASE


def test_an_explicit_site_url_wins_over_port():
    result = run_django(
        "-c",
        "import django; from django.conf import settings; print(settings.SITE_URL)",
        PORT="8201",
        SITE_URL="https://dewan.example/",
    )
    assert result.stdout.strip() == "https://dewan.example"


@pytest.mark.django_db
@override_settings(SITE_URL=BASE)
def test_every_emailed_and_calendar_link_uses_the_base_address(webinar, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_registration(webinar, "Aisyah", "aisyah@example.com")
    confirmation = mail.outbox[-1]
    links = re.findall(r"https?://\S+", confirmation.body)
    assert links, confirmation.body
    assert all(link.startswith(BASE + "/") for link in links), links
    (_name, ics_bytes, _type) = confirmation.attachments[0]
    event = next(iter(Calendar.from_ical(ics_bytes).walk("VEVENT")))
    assert str(event["URL"]).startswith(BASE + "/w/")
    assert str(event["LOCATION"]).startswith(BASE + "/w/")


@pytest.mark.django_db
@override_settings(SITE_URL=BASE)
def test_the_report_ready_email_links_to_the_base_address(webinar):
    Report.objects.create(webinar=webinar, status=Report.Status.DONE, data={})
    mail.outbox.clear()
    assert report_notify(webinar_id=webinar.pk)
    assert f"{BASE}/w/{webinar.slug}/" in mail.outbox[-1].body


def test_make_run_installs_runtime_dependencies_only_and_make_test_adds_dev(tmp_path):
    run = _make("run", f"VENV={tmp_path}/venv")
    assert re.search(r"pip install --quiet -e \.$", run, re.M), run
    assert ".[dev]" not in run
    test = _make("test", f"VENV={tmp_path}/venv")
    assert 'pip install --quiet -e ".[dev]"' in test


def test_dev_tools_are_not_runtime_dependencies():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = " ".join(project["dependencies"])
    for tool in ("pytest", "playwright", "scikit-learn", "daphne", "hypothesis", "ruff", "bandit"):
        assert tool not in runtime
        assert any(dep.startswith(tool) for dep in project["optional-dependencies"]["dev"])


def test_the_worker_uses_the_port_make_run_served_on(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "pyproject.toml").write_text("")
    run = _make("run", cwd=tmp_path, PORT="8201")
    assert "--port 8201" in run and "--lifespan on" in run
    (tmp_path / "var").mkdir()
    (tmp_path / "var" / "port").write_text("8201\n")
    worker = _make("worker", cwd=tmp_path)
    assert "PORT=8201 " in worker and "celery" in worker


def _uvicorn_flags() -> list[str]:
    text = (ROOT / "Makefile").read_text().replace("\\\n", " ")
    flags = re.search(r"^UVICORN_FLAGS := (.*)$", text, re.M).group(1)
    return flags.split()


@pytest.mark.slow
def test_make_run_server_starts_and_serves_static_files_without_warnings(tmp_path):
    port = free_port()
    log_path = ARTIFACTS / "quiet-start.log"
    env = {"PATH": "/usr/bin:/bin", "PORT": str(port), "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [UVICORN, *f"webinar.asgi:application --host 127.0.0.1 --port {port}".split(), *_uvicorn_flags()],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        body = b""
        # Start-up loads the screener (webinar/startup.py): seconds on a quiet machine, more with the other
        # test processes on the same cores. The test is about what it serves and logs, not how fast it starts.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/static/dewan/dewan.css", timeout=2
                ) as r:
                    body = r.read()
                break
            except OSError:
                time.sleep(0.1)
        assert len(body) > 100, log_path.read_text()
    finally:
        process.terminate()
        process.wait(10)
    output = log_path.read_text()
    assert "lifespan" not in output.lower(), output
    assert "Warning" not in output, output


@pytest.mark.parametrize("inline_limit", [2 * 1024 * 1024, 0], ids=["small-file", "large-file"])
async def test_static_files_are_served_under_asgi_without_the_synchronous_iterator_warning(
    inline_limit, monkeypatch
):
    from django.test import AsyncClient

    from webinar.http import StaticFilesMiddleware

    monkeypatch.setattr(StaticFilesMiddleware, "INLINE_LIMIT", inline_limit)
    response = await AsyncClient().get("/static/dewan/dewan.css")
    assert response.status_code == 200
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        if response.streaming:
            assert response.is_async
            content = b"".join([part async for part in response])
        else:
            content = response.content
    assert response.streaming == (inline_limit == 0)
    assert b"{" in content
    assert int(response["Content-Length"]) == len(content)
