"""``manage.py screen``: JSON lines in, JSON lines out, and evaluation on a labelled file."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import make_webinar
from webinar.models import ScreeningSettings


def run(*args, stdin: str = "") -> str:
    out = io.StringIO()
    call_command("screen", *args, stdin=io.StringIO(stdin), stdout=out)
    return out.getvalue()


def test_screen_writes_one_line_per_input_in_order():
    lines = "\n".join(json.dumps({"text": t}) for t in ["Hello there", "knn", "saya nak bunuh diri"])
    out = [json.loads(line) for line in run(stdin=lines).splitlines()]
    assert [o["action"] for o in out] == ["publish", "hold", "hold"]
    assert {"action", "categories", "reasons", "score"} <= set(out[0])
    assert "self_harm" in out[2]["categories"]


@pytest.mark.django_db
def test_screen_uses_the_webinars_settings():
    webinar = make_webinar(slug="safety-101")
    ScreeningSettings.objects.update_or_create(
        webinar=webinar, defaults={"link_policy": "block", "blocked_terms": "zoom"}
    )
    lines = json.dumps({"text": "see https://example.com"}) + "\n" + json.dumps({"text": "use zoom?"})
    out = [json.loads(line) for line in run("--webinar", "safety-101", stdin=lines).splitlines()]
    assert out[0]["action"] == "block"
    assert "custom" in out[1]["categories"]


@pytest.mark.django_db
def test_a_webinar_without_settings_gets_the_default_policy():
    webinar = make_webinar(slug="no-settings")
    ScreeningSettings.objects.filter(webinar=webinar).delete()
    out = json.loads(run("--webinar", "no-settings", stdin=json.dumps({"text": "Hello"})))
    assert out["action"] == "publish"


@pytest.mark.django_db
def test_an_unknown_webinar_is_an_error():
    with pytest.raises(CommandError):
        run("--webinar", "nope", stdin="")


def test_evaluate_prints_rates_per_category_and_language(tmp_path):
    path = tmp_path / "labelled.jsonl"
    rows = [
        {"text": "How do I report a fake account?", "label": "publish", "category": "benign"},
        {"text": "kau bodoh", "label": "hold", "category": "insult", "language": "ms"},
        {"text": "f*ck you", "label": "hold"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report = json.loads(run("--evaluate", str(path)).splitlines()[-1])
    assert report["overall"]["recall"] == 1.0
    assert report["overall"]["false_hold_rate"] == 0.0
    assert set(report["category"]) == {"benign", "insult", "(none)"}
    assert "ms" in report["language"]
