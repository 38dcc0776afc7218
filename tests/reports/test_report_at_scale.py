"""Reports at campaign scale compute the same figures as before, on SQLite and on PostgreSQL.

Themes are counted in the database from the phrases stored per question (``Question.theme_phrases``);
``themes.themes_build`` tokenises the texts in Python and is the reference they must equal.
"""

from __future__ import annotations

import math
import random
import statistics
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from tests.factories import make_host, make_registration, make_webinar
from tests.reports.conftest import build_sample_webinar
from webinar.models import AttendanceSession, Question, Registration, Webinar
from webinar.reports import queries, themes
from webinar.selectors.attendance import attendance_counts
from webinar.services import summaries
from webinar.services.attendance import attendance_rollups_refresh
from webinar.services.moderation import question_edit
from webinar.services.privacy import attendee_data_delete

pytestmark = pytest.mark.django_db
S = Question.Status

# Bilingual words and twins (akaun palsu = fake account), so concepts gather several wordings.
WORDS = {
    "en": [
        "grant",
        "funding",
        "apply",
        "deadline",
        "documents",
        "fake",
        "account",
        "accounts",
        "scam",
        "report",
        "password",
        "school",
        "teacher",
        "phone",
        "app",
        "social",
        "media",
        "child",
        "children",
        "parent",
        "safety",
        "privacy",
    ],
    "ms": [
        "geran",
        "dana",
        "memohon",
        "tarikh",
        "akhir",
        "dokumen",
        "akaun",
        "palsu",
        "penipuan",
        "lapor",
        "kata",
        "laluan",
        "sekolah",
        "guru",
        "telefon",
        "aplikasi",
        "media",
        "sosial",
        "anak",
        "ibu",
        "bapa",
        "keselamatan",
        "privasi",
    ],
}


def reference(webinar: Webinar) -> dict:
    return themes.themes_build(queries.published_texts(webinar=webinar))


def counted(webinar: Webinar) -> dict:
    summaries.report_phrases_refresh(webinar=webinar)
    return queries.theme_figures(webinar=webinar)


def bilingual_webinar(*, questions: int, seed: int) -> Webinar:
    """Questions of 2–7 words drawn from a small bilingual vocabulary: many ties, twins and repeats."""
    rng = random.Random(seed)
    webinar = make_webinar(status=Webinar.Status.ENDED)
    statuses = [S.PUBLISHED] * 6 + [S.HELD, S.REJECTED, S.MERGED]
    Question.objects.bulk_create(
        Question(
            webinar=webinar,
            text=" ".join(rng.choices(WORDS[lang], k=rng.randrange(2, 8))) + rng.choice(["?", "", " la?"]),
            language=lang,
            status=rng.choice(statuses),
            client_key=f"k{i}",
            vote_count=rng.randrange(0, 4),
        )
        for i in range(questions)
        for lang in [rng.choice(["en", "ms"])]
    )
    return webinar


def test_stored_phrases_give_the_themes_of_the_hand_made_webinar(sample):
    webinar, _ = sample
    # test_report.py checks the reference's themes of this webinar figure by figure.
    assert counted(webinar) == reference(webinar)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_stored_phrases_give_the_same_themes_as_tokenising_every_question(seed):
    webinar = bilingual_webinar(questions=400, seed=seed)
    found = counted(webinar)
    assert found == reference(webinar)
    assert len(found["themes"]) == themes.MAX_THEMES or found["unthemed"] == 0
    assert len(found["key_phrases"]) == themes.KEY_PHRASES
    assert found["total"] == Question.objects.filter(webinar=webinar, status=S.PUBLISHED).count()
    assert found["total"] == found["unthemed"] + sum(theme["questions"] for theme in found["themes"])
    assert any(" / " in theme["phrase"] for theme in found["themes"]), "a theme gathers both languages"


def test_reading_the_ranking_in_small_steps_gives_the_same_themes(monkeypatch):
    webinar = bilingual_webinar(questions=300, seed=4)
    monkeypatch.setattr(queries, "PHRASES_FIRST_READ", 1)
    assert counted(webinar) == reference(webinar)


def test_a_webinar_without_published_questions_has_no_themes():
    webinar = make_webinar(status=Webinar.Status.ENDED)
    Question.objects.create(webinar=webinar, text="held grant question", status=S.HELD, client_key="a")
    assert (
        counted(webinar) == reference(webinar) == {"themes": [], "key_phrases": [], "unthemed": 0, "total": 0}
    )


def test_a_saved_question_stores_its_phrases_and_an_edit_replaces_them():
    webinar = make_webinar(status=Webinar.Status.LIVE)
    host = make_host(webinar)
    question = Question.objects.create(
        webinar=webinar, text="Macam mana nak report akaun palsu?", status=S.PUBLISHED, client_key="a"
    )
    question.refresh_from_db()
    assert question.theme_phrases == themes.question_phrases(question.text)
    assert question.theme_phrases["account fake"] == "akaun palsu"
    assert question.theme_phrases_version == themes.phrases_version()

    question_edit(actor=host, webinar_id=webinar.pk, question_id=question.pk, text="Where is the school app?")
    question.refresh_from_db()
    assert set(question.theme_phrases) == {"school", "app", "app school"}

    question.text = "Password safety"
    question.save(update_fields=["text"])
    question.refresh_from_db()
    assert set(question.theme_phrases) == {"password", "safety", "password safety"}


def test_an_erased_attendees_questions_lose_their_phrases_too():
    webinar = make_webinar(status=Webinar.Status.LIVE)
    aisyah = make_registration(webinar, "Aisyah")
    question = Question.objects.create(
        webinar=webinar, author=aisyah, text="My school password leaked", status=S.PUBLISHED, client_key="a"
    )
    attendee_data_delete(registration=aisyah)
    question.refresh_from_db()
    assert question.theme_phrases == themes.question_phrases(question.text)
    assert "password" not in question.theme_phrases
    assert summaries.report_phrases_refresh(webinar=webinar) == 0, "nothing left to recompute"


def test_rows_without_phrases_or_from_an_older_tokeniser_are_computed_by_the_report():
    webinar = bilingual_webinar(questions=60, seed=5)
    published = Question.objects.filter(webinar=webinar, status=S.PUBLISHED)
    assert not published.filter(theme_phrases_version=themes.phrases_version()).exists()  # bulk_create
    first = published.order_by("id").first()
    Question.objects.filter(pk=first.pk).update(theme_phrases={"stale": "stale"}, theme_phrases_version=1)

    assert summaries.report_phrases_refresh(webinar=webinar) == published.count()
    first.refresh_from_db()
    assert first.theme_phrases == themes.question_phrases(first.text)
    held = Question.objects.filter(webinar=webinar).exclude(status=S.PUBLISHED)
    assert held.filter(theme_phrases__isnull=True).count() == held.count(), "only published rows are read"
    assert summaries.report_phrases_refresh(webinar=webinar) == 0


def test_the_built_report_counts_themes_from_stored_phrases(sample):
    webinar, _ = sample
    data, _charts = summaries.report_compute(webinar=webinar)
    assert data["themes"] == reference(webinar)


def test_attendance_figures_equal_a_count_of_every_session_in_python():
    """One grouped pass in the database gives what counting each session row by row gives."""
    rng = random.Random(11)
    webinar = make_webinar(status=Webinar.Status.LIVE)
    start = timezone.now().replace(microsecond=0) - timedelta(hours=3)
    Webinar.objects.filter(pk=webinar.pk).update(went_live_at=start, ended_at=start + timedelta(hours=2))
    webinar.refresh_from_db()
    people = [make_registration(webinar) for _ in range(12)]
    Registration.objects.filter(pk__in=[people[0].pk, people[1].pk]).update(
        status=Registration.Status.CANCELLED
    )
    viewers = [(f"r:{p.pk}", p) for p in people] + [(f"g{i}", None) for i in range(5)] + [("u:1", None)]
    rows = []
    for _ in range(300):
        key, person = rng.choice(viewers)
        joined = start + timedelta(seconds=rng.randrange(-600, 8000), microseconds=rng.randrange(10**6))
        end = joined + timedelta(seconds=rng.randrange(0, 3000), microseconds=rng.randrange(10**6))
        rows.append(
            AttendanceSession(
                webinar=webinar,
                registration=person,
                viewer_key=key,
                language=rng.choice(["en", "ms", ""]),
                joined_at=joined,
                last_seen_at=end,
                left_at=end if rng.random() < 0.8 else None,
            )
        )
    AttendanceSession.objects.bulk_create(rows)
    attendance_rollups_refresh(webinar_id=webinar.pk)

    figures = queries.attendance_figures(webinar=webinar)

    audience = [row for row in rows if not row.viewer_key.startswith("u:")]
    confirmed = set(
        Registration.objects.filter(webinar=webinar, status=Registration.Status.CONFIRMED).values_list(
            "pk", flat=True
        )
    )
    per_viewer: dict[str, float] = {}
    languages: dict[str, set] = {}
    for row in audience:
        per_viewer[row.viewer_key] = per_viewer.get(row.viewer_key, 0.0) + row.watch_seconds
        languages.setdefault(row.language, set()).add(row.viewer_key)
    window_start = min(webinar.went_live_at, *(row.joined_at for row in audience))
    window_end = max(webinar.ended_at, *((row.left_at or row.last_seen_at) for row in audience))
    width, bins = figures["bin_seconds"], len(figures["joins"])

    def histogram(times):
        counts = [0] * bins
        for t in times:
            counts[min(max(math.floor((t - window_start).total_seconds() / width), 0), bins - 1)] += 1
        return counts

    assert figures["sessions"] == len(audience)
    assert figures["unique_attendees"] == len(per_viewer)
    assert figures["attended"] == len({row.registration_id for row in audience} & confirmed)
    assert figures["registered"] == len(confirmed)
    assert figures["watch_mean_seconds"] == round(sum(per_viewer.values()) / len(per_viewer), 1)
    assert figures["watch_median_seconds"] == round(statistics.median(per_viewer.values()), 1)
    assert figures["languages"] == [
        {"language": language or "unknown", "viewers": len(keys)}
        for language, keys in sorted(languages.items(), key=lambda item: (-len(item[1]), item[0]))
    ]
    assert (figures["window_start"], figures["window_end"]) == (window_start, window_end)
    assert figures["joins"] == histogram(row.joined_at for row in audience)
    assert figures["leaves"] == histogram((row.left_at or row.last_seen_at) for row in audience)
    counts = attendance_counts(webinar=webinar)
    assert counts["watch_seconds"] == round(sum(row.watch_seconds for row in audience))
    assert counts["average_watch_seconds"] == round(counts["watch_seconds"] / len(per_viewer))


def _sessions(webinar, rows):
    """Hand-made audience sessions: ``(viewer key, registration or None, language, minutes watched)``."""
    start = timezone.now().replace(microsecond=0) - timedelta(hours=2)
    AttendanceSession.objects.bulk_create(
        AttendanceSession(
            webinar=webinar,
            registration=registration,
            viewer_key=key,
            language=language,
            joined_at=start + timedelta(minutes=i),
            last_seen_at=start + timedelta(minutes=i + minutes),
            left_at=start + timedelta(minutes=i + minutes),
        )
        for i, (key, registration, language, minutes) in enumerate(rows)
    )
    attendance_rollups_refresh(webinar_id=webinar.pk)


def test_a_viewer_key_whose_sessions_name_three_registrations_counts_each_registration_once():
    """The services give each viewer key one registration; the count stays exact when data says otherwise."""
    webinar = make_webinar(status=Webinar.Status.LIVE)
    a, b, c, _never_came = (make_registration(webinar) for _ in range(4))
    _sessions(
        webinar,
        [
            ("r:odd", a, "en", 5),
            ("r:odd", b, "en", 5),  # the middle one of three: neither the lowest nor the highest id
            ("r:odd", c, "en", 5),
            ("r:odd", None, "en", 5),
            (f"r:{c.pk}", c, "ms", 5),  # c again, under its own key: still one person
        ],
    )

    figures = queries.attendance_figures(webinar=webinar)

    assert (figures["registered"], figures["attended"], figures["never_came"]) == (4, 3, 1)
    assert (figures["unique_attendees"], figures["sessions"]) == (2, 5)


def test_languages_outside_the_sites_are_counted_per_viewer_like_the_others():
    """Unknown ("") and the site's languages are counted in the grouped pass; any other value too, exactly."""
    webinar = make_webinar(status=Webinar.Status.LIVE)
    _sessions(
        webinar,
        [
            ("g1", None, "en", 10),
            ("g1", None, "ms", 10),  # one viewer in two languages counts in both
            ("g1", None, "zh", 10),
            ("g2", None, "zh", 10),
            ("g2", None, "zh", 10),  # twice in one language: once
            ("g3", None, "ta", 10),
            ("g3", None, "", 10),
            ("u:7", None, "de", 10),  # staff: never audience
        ],
    )

    figures = queries.attendance_figures(webinar=webinar)

    assert figures["languages"] == [
        {"language": "zh", "viewers": 2},
        {"language": "unknown", "viewers": 1},
        {"language": "en", "viewers": 1},
        {"language": "ms", "viewers": 1},
        {"language": "ta", "viewers": 1},
    ]
    assert (figures["unique_attendees"], figures["sessions"]) == (3, 7)


def test_attendance_figures_of_a_webinar_nobody_watched():
    webinar = make_webinar(status=Webinar.Status.LIVE)
    make_registration(webinar)
    figures = queries.attendance_figures(webinar=webinar)
    assert (figures["registered"], figures["attended"], figures["never_came"]) == (1, 0, 1)
    assert (figures["sessions"], figures["unique_attendees"], figures["peak_concurrency"]) == (0, 0, 0)
    assert figures["watch_mean_seconds"] is None and figures["watch_median_seconds"] is None
    assert figures["languages"] == [] and sum(figures["joins"]) == 0


@pytest.mark.django_db(transaction=True)
def test_figures_read_at_once_on_their_own_connections_equal_those_read_in_turn(organiser, monkeypatch):
    """On PostgreSQL the report reads its figures on two connections at once (committed rows only);
    inside a transaction it reads them in turn. Both give the same report, announced in the same stages."""
    webinar, _ = build_sample_webinar(organiser)
    own_connections = []
    real = summaries._on_own_connection
    monkeypatch.setattr(summaries, "_on_own_connection", lambda read: own_connections.append(1) or real(read))
    stages: list[int] = []
    at_once, _ = summaries.report_compute(
        webinar=webinar, on_stage=lambda _n, progress: stages.append(progress)
    )
    assert len(own_connections) == (3 if connection.vendor == "postgresql" else 0)
    with transaction.atomic():
        in_turn, _ = summaries.report_compute(webinar=webinar)
    assert len(own_connections) == (3 if connection.vendor == "postgresql" else 0), (
        "in turn inside a transaction"
    )
    at_once.pop("generated_at"), in_turn.pop("generated_at")
    assert at_once == in_turn
    assert at_once["themes"] == reference(webinar)
    assert stages == [10, 35, 55, 70, 85]
