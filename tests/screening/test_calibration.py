"""Organiser calibration (their own labelled examples at every strictness) and shadow mode."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD, make_live_webinar, make_registration, make_user, make_webinar
from webinar.models import Question, ScreeningSettings
from webinar.screening import Policy, screen
from webinar.screening.calibration import CalibrationError, calibration_report, parse_examples

pytestmark = pytest.mark.django_db

CSV = (
    b"text,label,category,language\n"
    b"How do I report a fake account?,publish,benign,en\n"
    b"kau memang bodoh,hold,insult,ms\n"
    b"damn useful lah,publish,mild,mixed\n"
    b"Is the recording shared later?,hold,benign,en\n"
)


def signed_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def test_csv_and_json_lines_parse_to_the_same_examples():
    from_csv = parse_examples(CSV, "mine.csv")
    lines = "\n".join(json.dumps({"text": e.text, "label": e.label, "category": e.category,
                                  "language": e.language}) for e in from_csv)  # fmt: skip
    assert parse_examples(lines.encode(), "mine.jsonl") == from_csv


@pytest.mark.parametrize(
    ("data", "name", "fragment"),
    [
        (b"text,label\nhello,maybe\n", "x.csv", "publish or hold"),
        (b"comment,verdict\nhello,hold\n", "x.csv", "header row"),
        (b'{"text": "hi", "label": "hold"}\nnot json\n', "x.jsonl", "Line 2"),
        (b"text,label\n", "x.csv", "no examples"),
        (b"\xff\xfe\x00", "x.csv", "UTF-8"),
        (b"text,label\n,hold\n", "x.csv", "empty"),
    ],
)
def test_a_bad_upload_is_refused_with_a_clear_message(data, name, fragment):
    with translation.override("en"), pytest.raises(CalibrationError) as caught:
        parse_examples(data, name)
    assert fragment in caught.value.message


def test_report_counts_holds_per_strictness_and_lists_misses_at_the_webinars_strictness():
    report = calibration_report(
        examples=parse_examples(CSV, "mine.csv"), policy=Policy(strictness="standard")
    )
    groups = {(g["category"], g["label"]): g for g in report["groups"]}
    assert groups[("insult", "hold")]["held"] == {"relaxed": 1, "standard": 1, "strict": 1}
    assert groups[("mild", "publish")]["held"] == {"relaxed": 0, "standard": 0, "strict": 1}
    assert report["overall"]["standard"]["recall"] == 0.5  # the recording question is a miss
    assert [m["text"] for m in report["misses"]] == ["Is the recording shared later?"]
    assert report["misses"][0]["action"] == "publish"


def test_organiser_uploads_examples_on_the_screening_page_and_sees_the_results():
    webinar = make_webinar()
    response = signed_in(webinar.organiser).post(
        reverse("webinar:screening_calibrate", args=[webinar.slug]),
        {"examples": SimpleUploadedFile("mine.csv", CSV, content_type="text/csv")},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Results for 4 examples" in body
    assert "Is the recording shared later?" in body


def test_a_bad_calibration_file_shows_the_error_and_keeps_the_settings_form():
    webinar = make_webinar()
    response = signed_in(webinar.organiser).post(
        reverse("webinar:screening_calibrate", args=[webinar.slug]),
        {"examples": SimpleUploadedFile("mine.csv", b"text,label\nhello,maybe\n")},
    )
    assert response.status_code == 400
    assert "publish or hold" in response.content.decode()
    assert 'name="strictness"' in response.content.decode()


def test_only_the_organiser_may_calibrate():
    webinar = make_webinar()
    response = signed_in(make_user()).post(
        reverse("webinar:screening_calibrate", args=[webinar.slug]),
        {"examples": SimpleUploadedFile("mine.csv", CSV)},
    )
    assert response.status_code in (403, 404)


def test_shadow_mode_publishes_what_would_be_held_and_says_what_it_would_have_done():
    verdict = screen("kau memang bodoh", policy=Policy(shadow=True))
    assert verdict.action == "publish"
    assert verdict.shadow_action == "hold"
    assert "insult" in verdict.categories


def test_shadow_mode_still_holds_self_harm_for_care():
    verdict = screen("saya nak bunuh diri", policy=Policy(shadow=True))
    assert verdict.action == "hold"
    assert verdict.shadow_action == ""


def test_a_webinar_in_shadow_mode_publishes_an_insult_annotated_for_hosts():
    from webinar.services.questions import question_submit

    webinar = make_live_webinar()
    ScreeningSettings.objects.update_or_create(webinar=webinar, defaults={"shadow_mode": True})
    author = make_registration(webinar, "Aisyah", "aisyah@example.com")
    result = question_submit(webinar_id=webinar.pk, registration_id=author.pk, client_key="k",
                             text="the host is stupid")  # fmt: skip
    question = Question.objects.get(pk=result.question.pk)
    assert question.status == Question.Status.PUBLISHED
    assert question.screening["shadow_action"] == "hold"
    assert "insult" in question.screening_categories


def test_the_calibration_results_speak_the_organisers_language_not_codes():
    webinar = make_webinar()
    client = signed_in(webinar.organiser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ms"
    csv = CSV + b"You are a complete idiot,publish,,en\n"  # a publish label Dewan would hold: a miss
    body = client.post(
        reverse("webinar:screening_calibrate", args=[webinar.slug]),
        {"examples": SimpleUploadedFile("mine.csv", csv, content_type="text/csv")},
    ).content.decode()
    table = body.split('<table class="list calibration">', 1)[1].split("</table>", 1)[0]
    assert "<td>Penghinaan dan gangguan</td>" in table and "<td>insult</td>" not in table
    assert "<td>Bahasa Inggeris</td>" in table and "<td>en</td>" not in table
    assert "<td>Tidak berbahaya (tiada kategori)</td>" in table and "<td>benign</td>" not in table
    misses = body.split('<ul class="misses">', 1)[1].split("</ul>", 1)[0]
    assert "Dewan akan menahannya" in misses and " akan hold" not in misses
    assert "Kesilapan pada tahap ketegasan anda (Standard)" in body
