"""The report in words: no raw tags, real plurals, no "most often" on a tie, codes as words, two languages."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD
from webinar.models import Report
from webinar.reports import charts
from webinar.reports.text import screening_sentence, summary_build, summary_render
from webinar.tasks import build_report

RAW_TAG = re.compile(r"\[[a-z_]+: [^\]]*\]")


def _data(**questions) -> dict:
    figures = {
        "asked": 1,
        "published": 1,
        "held": 0,
        "rejected": 0,
        "answered": 0,
        "merged": 0,
        "duplicates": [],
        "moderation_median_seconds": None,
        "answer_median_seconds": None,
        "top": [],
        "top_unanswered": [],
        "stopped": 0,
        "categories": [],
        "overrides": 0,
        "override_hosts": 0,
    }
    figures.update(questions)
    return {
        "attendance": {
            "attended": 1,
            "registered": 1,
            "conversion": 1.0,
            "unique_attendees": 1,
            "peak_concurrency": 1,
            "peak_at": "2025-03-04T07:39:00+00:00",
            "watch_median_seconds": 60.0,
            "watch_mean_seconds": 60.0,
        },
        "questions": figures,
        "themes": {"themes": []},
    }


def _texts(data: dict, language: str = "en") -> list[str]:
    with translation.override(language):
        return [s["text"] for s in summary_render(summary_build(data, tz="Asia/Kuala_Lumpur"))]


@pytest.mark.parametrize("language", ["en", "ms"])
def test_the_summary_has_no_raw_tags_and_cites_figures_by_name(language):
    data = _data(
        merged=1, duplicates=[{"question_id": 7, "merged": 1}], stopped=2, overrides=1, override_hosts=1
    )
    with translation.override(language):
        rendered = summary_render(summary_build(data, tz="Asia/Kuala_Lumpur"))
    for statement in rendered:
        assert not RAW_TAG.search(statement["text"])
        for cite in statement["cites"]:
            assert not RAW_TAG.search(cite["label"]) and ":" not in cite["label"]
    labels = {cite["label"] for statement in rendered for cite in statement["cites"]}
    assert ("Attended" if language == "en" else "Hadir") in labels


def test_one_of_a_thing_is_singular_and_several_are_plural():
    one = " ".join(_texts(_data(merged=1, duplicates=[], stopped=1, overrides=1, override_hosts=1)))
    assert "1 duplicate question was merged into another." in one
    assert "(1 host)." in one
    assert "1 question was asked" in one
    assert "1 of 1 registered person attended" in one
    assert "1 hosts" not in one and "1 duplicate questions" not in one
    many = " ".join(_texts(_data(asked=3, merged=2, duplicates=[], stopped=4, overrides=3, override_hosts=2)))
    assert "2 duplicate questions were merged into others." in many
    assert "(2 hosts)." in many
    assert "3 questions were asked" in many


def test_the_screening_line_on_the_page_uses_plurals_too():
    with translation.override("en"):
        assert screening_sentence(stopped=1, overrides=1, hosts=1) == (
            "Screening held or blocked 1 question. Hosts published 1 held question anyway (1 host)."
        )
        assert screening_sentence(stopped=5, overrides=0, hosts=0) == "Screening held or blocked 5 questions."


def test_most_often_is_never_claimed_on_a_tie():
    tied = [
        {"category": "profanity", "questions": 2, "share": 0.5},
        {"category": "link", "questions": 2, "share": 0.5},
    ]
    text = " ".join(_texts(_data(stopped=4, categories=tied)))
    assert "most frequent" not in text.lower() and "most often" not in text.lower()
    ahead = [{"category": "self_harm", "questions": 3, "share": 0.75}, *tied[:1]]
    text = " ".join(_texts(_data(stopped=4, categories=ahead)))
    assert "The most frequent reason was Self-harm (75.0%)." in text
    malay = " ".join(_texts(_data(stopped=4, categories=ahead), "ms"))
    assert "Mencederakan diri" in malay and "self_harm" not in malay


def test_the_most_voted_question_is_one_of_several_on_a_tie():
    rows = [
        {"id": 1, "text": "First?", "vote_count": 3},
        {"id": 2, "text": "Second?", "vote_count": 3},
    ]
    text = " ".join(_texts(_data(top=rows)))
    assert "One of the most-voted questions (3 votes each)" in text
    text = " ".join(_texts(_data(top=[{"id": 1, "text": "Only?", "vote_count": 1}])))
    assert "The most-voted question (1 vote) was: “Only?”" in text


@pytest.mark.django_db
def test_category_and_language_codes_are_words_in_both_languages(client):
    from tests.reports.conftest import build_sample_webinar

    webinar, _ = build_sample_webinar()
    build_report.apply(args=[webinar.pk])
    client.login(email=webinar.organiser.email, password=PASSWORD)
    url = reverse("webinar:report", args=[webinar.slug])
    english = client.get(url).content.decode()
    assert "<td>Profanity</td>" in english and "<td>Insults and harassment</td>" in english
    assert "<td>Bahasa Malaysia</td>" in english and "<td>Unknown</td>" in english
    assert "<td>profanity</td>" not in english and "<td>ms</td>" not in english
    client.cookies["django_language"] = "ms"
    malay = client.get(url).content.decode()
    assert "<td>Kata-kata kesat</td>" in malay and "<td>Bahasa Inggeris</td>" in malay
    assert "<td>Tidak diketahui</td>" in malay


@pytest.mark.django_db
def test_charts_are_drawn_in_each_language():
    from tests.reports.conftest import build_sample_webinar
    from webinar.services.summaries import report_charts_for

    webinar, _ = build_sample_webinar()
    build_report.apply(args=[webinar.pk])
    report = Report.objects.get(webinar=webinar)
    assert "Concurrent viewers" in report.charts["concurrency@en"]
    assert charts.charts_missing(report.charts, "ms"), "only the default language is drawn by the build"
    malay = report_charts_for(report=report, language="ms")
    assert "Penonton serentak" in malay["concurrency"]
    stored = Report.objects.get(webinar=webinar).charts
    assert "Kata-kata kesat" in stored["categories@ms"], "drawn once, then kept"


@pytest.mark.django_db
def test_the_pdf_speaks_the_organisers_language(client, monkeypatch):
    from reportlab import rl_config

    from tests.reports.conftest import build_sample_webinar

    monkeypatch.setattr(rl_config, "pageCompression", 0)  # so the test can read the words

    webinar, _ = build_sample_webinar()
    build_report.apply(args=[webinar.pk])
    client.login(email=webinar.organiser.email, password=PASSWORD)
    client.cookies["django_language"] = "ms"
    pdf = client.get(reverse("webinar:report_pdf", args=[webinar.slug])).content
    assert pdf.startswith(b"%PDF")
    assert b"Ringkasan" in pdf and b"Kehadiran" in pdf
    assert b"Laporan dijana pada" in pdf
