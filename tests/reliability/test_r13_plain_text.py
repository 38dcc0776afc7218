"""R13: question text is plain text: never ``|safe`` in templates, never HTML in the live pages'
scripts; a question with markup is escaped where the server renders it (the browser side is
tests/browser/test_live_qa.py::test_question_text_with_html_is_shown_as_text)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
HTML_SINKS = re.compile(r"\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|\beval\(")


def test_r13_no_template_marks_anything_safe():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if re.search(r"\|\s*safe\b|{%\s*autoescape\s+off", path.read_text())
    ]
    assert offenders == []


def test_r13_live_scripts_use_no_html_sinks():
    offenders = {
        str(path.relative_to(ROOT)): HTML_SINKS.findall(path.read_text())
        for path in (ROOT / "static" / "dewan").glob("*.js")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


@pytest.mark.django_db(transaction=True)
def test_r13_markup_in_a_question_is_escaped_on_the_server_rendered_report(monkeypatch):
    from django.test import Client

    from tests.factories import make_live_webinar, make_registration, make_user
    from webinar.models import Webinar
    from webinar.services.lifecycle import webinar_transition
    from webinar.services.questions import question_submit
    from webinar.tasks import build_report

    monkeypatch.setattr(settings, "DEWAN_SCREENING_BACKEND", "webinar.screening.backends.FixedVerdictBackend")
    monkeypatch.setattr(settings, "DEWAN_SCREENING_FIXED_VERDICT", {"action": "publish", "language": "en"})
    monkeypatch.setattr("webinar.tasks.build_report.delay", lambda webinar_id: None)
    organiser = make_user(name="Organiser")
    webinar = make_live_webinar(organiser=organiser)
    author = make_registration(webinar, "Aisyah", "aisyah@example.com")
    question_submit(webinar_id=webinar.pk, registration_id=author.pk, client_key="x", text=MARKUP)
    webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.ENDED)
    build_report.apply(args=[webinar.pk])
    client = Client()
    client.force_login(organiser)

    html = client.get(f"/w/{webinar.slug}/report/").content.decode()

    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "<script>alert(2)" not in html
    assert "<img src=x" not in html


MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script> Will the slides be shared?'
