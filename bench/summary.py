"""Report summary benchmark: a finished webinar with 1,000,000 attendance sessions and 200,000 questions.

That is a 417,000-viewer campaign with reconnects (``--sessions``/``--questions`` change it). Run from the
repository root: ``python bench/summary.py`` (SQLite in var/bench-summary.sqlite3), or with
``DATABASE_URL=postgres://postgres@127.0.0.1:5432/dewan_bench``.

Two webinars are measured in the same run: the campaign-sized one and a baseline one tenth its size
(``--baseline-sessions``/``--baseline-questions``, 100,000 / 20,000 by default), so the JSON line shows how
the time and memory grow with the data, whatever the machine's load. Each is built once with bulk_create
(slow: minutes for the large one) and reused by later runs while its row counts match (``--rebuild``
builds again). Bulk-created questions carry no stored theme phrases (``Question.save`` computes them
when a question is asked) and bulk-created sessions no per-viewer rollups (the sampler writes them as
it records sessions); the bench fills both (``report_phrases_refresh``, ``attendance_rollups_refresh``)
before measuring and prints how long those one-time backfills took.

Each report is measured in a fresh child process (so the build's memory is not counted): one timed
``report_compute`` (figures, themes, written summary, charts), that process's peak RSS, then the peak
Python memory (tracemalloc) of a second run. Figures the machine's load does not change are printed
beside the wall time (``bench/querylog.py``): the PostgreSQL backend's CPU seconds per step, the build's
Python CPU seconds, and the rows each step's queries read (``EXPLAIN (ANALYZE, BUFFERS)``).
``--previous-ref <commit>`` also builds the campaign-sized report with that commit's code, on the same
data in the same run, and says whether the two reports are identical. The last line printed is one
JSON object, with the load average (the machine may be shared). Targets: <= 10 s and <= 300 MB for the
campaign-sized report.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The child measuring the previous build path imports Dewan from that tree (``--previous-ref``).
if os.environ.get("DEWAN_BENCH_CODE"):
    sys.path.insert(0, os.environ["DEWAN_BENCH_CODE"])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-summary.sqlite3'}")
(ROOT / "var").mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Sum  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from webinar.models import (  # noqa: E402
    AttendanceSample,
    AttendanceSession,
    Question,
    Registration,
    Webinar,
)
from webinar.selectors.attendance import REPORT_WORK_MEM  # noqa: E402
from webinar.services.summaries import report_compute, report_phrases_refresh  # noqa: E402

SLUG = "bench-summary"
BASELINE_SLUG = "bench-summary-baseline"
EN = [
    "how",
    "when",
    "where",
    "grant",
    "funding",
    "apply",
    "deadline",
    "documents",
    "eligibility",
    "startup",
    "tax",
    "loan",
    "interest",
    "export",
]
MS = [
    "bagaimana",
    "bila",
    "geran",
    "dana",
    "mohon",
    "tarikh",
    "akhir",
    "dokumen",
    "kelayakan",
    "syarikat",
    "cukai",
    "pinjaman",
    "eksport",
]
CATEGORIES = ["profanity", "insult", "link", "spam", "personal_data", "hate"]


def build(*, slug: str, sessions: int, questions: int, seed: int = 7) -> Webinar:
    rng = random.Random(seed)
    Webinar.objects.filter(slug=slug).delete()
    organiser, _ = User.objects.get_or_create(email="bench@dewan.local", defaults={"username": "bench"})
    start = timezone.now().replace(microsecond=0) - timedelta(hours=3)
    webinar = Webinar.objects.create(
        slug=slug,
        title="Benchmark webinar",
        organiser=organiser,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        status=Webinar.Status.ENDED,
        went_live_at=start,
        ended_at=start + timedelta(hours=2),
    )
    viewers = sessions * 2 // 5
    registrations = Registration.objects.bulk_create(
        [
            Registration(
                webinar=webinar,
                name=f"Attendee {i}",
                email=f"a{i}@{slug}.local",
                language="ms" if i % 3 else "en",
                consent_given_at=start,
                status=Registration.Status.CONFIRMED,
                join_secret="x",  # noqa: S106  (not a secret: bench data)
            )
            for i in range(viewers)
        ],
        batch_size=5000,
    )
    reg_ids = [r.pk for r in registrations]
    del registrations
    for first in range(0, sessions, 50_000):
        rows = []
        for i in range(first, min(sessions, first + 50_000)):
            viewer = rng.randrange(viewers)
            joined = start + timedelta(seconds=rng.randrange(0, 7000))
            end = joined + timedelta(seconds=rng.randrange(30, 3600))
            rows.append(
                AttendanceSession(
                    webinar=webinar,
                    registration_id=reg_ids[viewer] if viewer % 4 else None,
                    viewer_key=f"r:{reg_ids[viewer]}" if viewer % 4 else f"g{viewer}",
                    language="ms" if viewer % 3 else "en",
                    joined_at=joined,
                    last_seen_at=end,
                    left_at=end if i % 5 else None,
                )
            )
        AttendanceSession.objects.bulk_create(rows, batch_size=5000)
        del rows
    AttendanceSample.objects.bulk_create(
        [
            AttendanceSample(
                webinar=webinar, at=start + timedelta(seconds=5 * i), count=rng.randrange(100, 5000)
            )
            for i in range(1440)
        ],
        batch_size=5000,
    )
    now = timezone.now()
    statuses = (
        [Question.Status.PUBLISHED] * 14
        + [Question.Status.HELD] * 2
        + [Question.Status.REJECTED, Question.Status.BLOCKED]
    )
    for first in range(0, questions, 50_000):
        batch = []
        for i in range(first, min(questions, first + 50_000)):
            words = rng.sample(MS if i % 2 else EN, 6)
            status = statuses[i % len(statuses)]
            stopped = status != Question.Status.PUBLISHED or i % 29 == 0
            batch.append(
                Question(
                    webinar=webinar,
                    text=" ".join(words) + "?",
                    language="ms" if i % 2 else "en",
                    status=status,
                    client_key=f"{slug}-{i}",
                    vote_count=rng.randrange(0, 50),
                    screening_action=("block" if status == Question.Status.BLOCKED else "hold")
                    if stopped
                    else "publish",
                    screening_categories=rng.sample(CATEGORIES, rng.randrange(1, 3)) if stopped else [],
                    moderated_at=now + timedelta(seconds=rng.randrange(5, 600)) if i % 3 == 0 else None,
                    answered_at=now + timedelta(seconds=rng.randrange(60, 3600)) if i % 7 == 0 else None,
                )
            )
        Question.objects.bulk_create(batch, batch_size=5000)
    return webinar


def _peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM; ``ru_maxrss`` would carry the parent's over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(slug: str, *, explain: bool = True) -> dict:
    """In a fresh process: one timed ``report_compute`` with every query's cost recorded per step (server
    CPU, wall; ``bench/querylog.py``), its peak RSS, a traced run's Python peak, then each query again
    under ``EXPLAIN (ANALYZE, BUFFERS)`` for the rows it reads."""
    from bench.querylog import QueryLog

    webinar = Webinar.objects.get(slug=slug)
    imported = time.perf_counter()
    importlib.import_module("webinar.reports.charts")  # a worker imports it at start (webinar/celery.py)
    import_seconds = time.perf_counter() - imported
    rss_start = _peak_rss_mb()
    log = QueryLog()
    log.start()
    cpu = time.process_time()
    started = time.perf_counter()
    data, charts = report_compute(webinar=webinar)
    seconds = time.perf_counter() - started
    python_cpu = time.process_time() - cpu
    log.stop()
    rss_peak = _peak_rss_mb()
    tracemalloc.start()
    report_compute(webinar=webinar)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    if explain:
        log.explain(work_mem=REPORT_WORK_MEM)
    totals = log.totals()
    return {
        "seconds": round(seconds, 2),
        "python_cpu_seconds": round(python_cpu, 2),
        "server_cpu_seconds": totals["server_cpu_seconds"],
        "work_cpu_seconds": round(python_cpu + totals["server_cpu_seconds"], 2),
        "queries": totals,
        "steps": log.steps(),
        "charts_import_seconds": round(import_seconds, 2),
        "peak_python_mb": round(peak / 2**20, 1),
        "process_max_rss_mb": round(rss_peak, 1),
        "process_rss_before_mb": round(rss_start, 1),
        "figures": {
            key: data["attendance"].get(key)
            for key in ("registered", "attended", "unique_attendees", "sessions", "peak_concurrency")
        }
        | {
            "watch_median_seconds": data["attendance"]["watch_median_seconds"],
            "watch_mean_seconds": data["attendance"]["watch_mean_seconds"],
            "published": data["questions"]["published"],
            "themes": len(data.get("themes", {}).get("themes", [])),
            "top_theme": (data["themes"]["themes"] or [{}])[0].get("phrase"),
            "charts": len(charts),
        },
        "report_digest": _digest(data),
    }


def _digest(data: dict) -> str:
    """A hash of the whole report but its build time: equal digests, equal reports."""
    import hashlib

    kept = {key: value for key, value in data.items() if key != "generated_at"}
    return hashlib.sha256(json.dumps(kept, sort_keys=True, default=str).encode()).hexdigest()[:16]


def prepare(*, slug: str, sessions: int, questions: int, rebuild: bool) -> dict:
    """Build the webinar unless one with these row counts is there; fill its questions' stored phrases
    and its viewers' rollups."""
    # Imported here: a ``--previous-ref`` child runs this file with older code, which may have no rollups.
    from webinar.models import AttendanceRollup
    from webinar.services.attendance import attendance_rollups_refresh

    existing = Webinar.objects.filter(slug=slug).first()
    same = (
        existing is not None
        and AttendanceSession.objects.filter(webinar=existing).count() == sessions
        and Question.objects.filter(webinar=existing).count() == questions
    )
    started = time.perf_counter()
    if rebuild or not same:
        existing = build(slug=slug, sessions=sessions, questions=questions)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    build_seconds = time.perf_counter() - started
    started = time.perf_counter()
    rolled = AttendanceRollup.objects.filter(webinar=existing).aggregate(n=Sum("sessions"))["n"] or 0
    rollups_written = 0
    if rolled != sessions:  # bulk-created sessions, or rows from before rollups: roll them up once
        rollups_written = attendance_rollups_refresh(webinar_id=existing.pk)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE webinar_attendancerollup")
    rollups_seconds = time.perf_counter() - started
    started = time.perf_counter()
    backfilled = report_phrases_refresh(webinar=existing)
    if backfilled and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE webinar_question")
    return {
        "built": not same or rebuild,
        "build_seconds": round(build_seconds, 1),
        "rollups_written": rollups_written,
        "rollups_seconds": round(rollups_seconds, 1),
        "phrases_backfilled": backfilled,
        "phrases_backfill_seconds": round(time.perf_counter() - started, 1),
    }


def _measure_in_child(slug: str, *, code: str | None = None) -> dict:
    """``measure`` in a fresh process; ``code``: a source tree to import Dewan from instead of this one."""
    env = dict(os.environ)
    if code:
        env["DEWAN_BENCH_CODE"] = code
    child = subprocess.run(
        [sys.executable, __file__, "--measure", slug],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(child.stdout.strip().splitlines()[-1])


def _ratio(part: float, whole: float) -> float | None:
    return round(part / whole, 2) if whole else None


def _export(ref: str, target: str) -> str:
    """The tree of git commit ``ref`` written into ``target`` (for the previous build path)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True)  # nosec B603 B607
    subprocess.run(["tar", "-x", "-C", target], input=archive.stdout, check=True)  # nosec B603 B607
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1_000_000)
    parser.add_argument("--questions", type=int, default=200_000)
    parser.add_argument("--baseline-sessions", type=int, default=100_000)
    parser.add_argument("--baseline-questions", type=int, default=20_000)
    parser.add_argument("--rebuild", action="store_true", help="build the data again even if it is there")
    parser.add_argument("--prepare-only", action="store_true", help="build or check the data only")
    parser.add_argument(
        "--previous-ref",
        help="also build the campaign-sized report with this git commit's code (same data, same run)",
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # the child process: the slug to measure
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    call_command("migrate", verbosity=0)
    prepared = {}
    for slug, sessions, questions in (
        (BASELINE_SLUG, args.baseline_sessions, args.baseline_questions),
        (SLUG, args.sessions, args.questions),
    ):
        prepared[slug] = prepare(slug=slug, sessions=sessions, questions=questions, rebuild=args.rebuild)
        print(f"{slug}: {prepared[slug]} on {connection.vendor}", flush=True)
    if args.prepare_only:
        return
    load = [round(x, 2) for x in os.getloadavg()]
    baseline = _measure_in_child(BASELINE_SLUG)
    print(f"baseline: {baseline}", flush=True)
    previous = None
    if args.previous_ref:
        with tempfile.TemporaryDirectory(prefix="dewan-previous-") as tree:
            previous = _measure_in_child(SLUG, code=_export(args.previous_ref, tree))
        print(f"previous ({args.previous_ref}): {previous}", flush=True)
    measured = _measure_in_child(SLUG)
    rss = max(measured["peak_python_mb"], measured["process_max_rss_mb"])
    result = {
        "bench": "summary",
        "database": connection.vendor,
        "sessions": AttendanceSession.objects.filter(webinar__slug=SLUG).count(),
        "questions": Question.objects.filter(webinar__slug=SLUG).count(),
        "prepare": prepared[SLUG],
        **measured,
        "baseline": {
            "sessions": args.baseline_sessions,
            "questions": args.baseline_questions,
            "prepare": prepared[BASELINE_SLUG],
            **baseline,
        },
        "ratios": {
            "rows": round(args.sessions / max(1, args.baseline_sessions), 1),
            "seconds": round(measured["seconds"] / max(0.01, baseline["seconds"]), 2),
            "process_max_rss": round(measured["process_max_rss_mb"] / baseline["process_max_rss_mb"], 2),
            "work_cpu_seconds": _ratio(measured["work_cpu_seconds"], baseline["work_cpu_seconds"]),
        },
        "previous": None
        if previous is None
        else {
            "ref": args.previous_ref,
            **previous,
            "same_report": previous["report_digest"] == measured["report_digest"],
            "ratios_now_to_previous": {
                key: _ratio(measured[key], previous[key])
                for key in ("seconds", "work_cpu_seconds", "server_cpu_seconds", "python_cpu_seconds")
            },
        },
        "load_average": load,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "targets": {"seconds_max": 10, "memory_mb_max": 300},
        "ok": measured["seconds"] <= 10 and rss <= 300,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
