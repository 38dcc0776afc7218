"""Every page names itself in the browser's tab: a template that extends base.html sets its own title
(base.html adds " · Dewan"; a page without one was titled "Dewan · Dewan")."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_every_page_extending_base_sets_its_title():
    untitled = [
        str(path.relative_to(TEMPLATES))
        for path in sorted(TEMPLATES.rglob("*.html"))
        if '{% extends "base.html" %}' in (text := path.read_text(encoding="utf-8"))
        and not re.search(r"\{% block title %\}.+?\{% endblock", text, re.S)
    ]
    assert untitled == []


def test_the_cancel_page_is_titled_for_what_it_asks(client, live_webinar, attendee):
    from webinar.services.notifications import cancel_url

    response = client.get(cancel_url(attendee))
    assert response.status_code == 200
    title = re.search(r"<title>(.*?)</title>", response.content.decode()).group(1)
    assert title == "Cancel your registration? · Dewan"
