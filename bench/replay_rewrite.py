"""What rewriting earlier events to the present costs (docs/protocol.md, "Replay shows the present").

Run from the repository root: ``python bench/replay_rewrite.py`` (SQLite in var/bench-replay.sqlite3), or
with ``DATABASE_URL=postgres://...``. A live webinar gets ``--questions`` published questions, each with
``--history`` earlier host actions (answer/unanswer toggles, two events each); then ``--actions`` edits
(which hide text, so earlier events are rewritten) and ``--actions`` toggles (which hide nothing: no
rewrite, one indexed read to decide) are timed twice in the same run: as Dewan does it and with the
rewrite switched off (the baseline: an append-only log). A replay of the last 500 public events is
timed too. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-replay.sqlite3'}")
(ROOT / "var").mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from webinar.models import Question, Webinar, WebinarEvent  # noqa: E402
from webinar.services import events, moderation  # noqa: E402

SLUG = "bench-replay"


def build(*, questions: int, history: int) -> tuple[Webinar, User, list[int]]:
    Webinar.objects.filter(slug=SLUG).delete()
    host, _ = User.objects.get_or_create(
        email="bench-replay@dewan.local", defaults={"username": "bench-replay", "is_superuser": True}
    )
    now = timezone.now()
    webinar = Webinar.objects.create(
        slug=SLUG, title="Bench", organiser=host, starts_at=now, ends_at=now, status=Webinar.Status.LIVE
    )
    ids = [
        q.pk
        for q in Question.objects.bulk_create(
            Question(webinar=webinar, text=f"Question {n}", status="published", client_key=f"k{n}")
            for n in range(questions)
        )
    ]
    for _round in range(history // 2):
        for qid in ids:
            moderation.question_answer(actor=host, webinar_id=webinar.pk, question_id=qid)
            moderation.question_unanswer(actor=host, webinar_id=webinar.pk, question_id=qid)
    return webinar, host, ids


def timed_actions(webinar, host, ids, actions: int, *, edits: bool) -> float:
    """Mean milliseconds per host action: edits (hide text: earlier events are rewritten) or toggles."""
    started = time.perf_counter()
    for n in range(actions):
        qid = ids[n % len(ids)]
        if edits:
            moderation.question_edit(actor=host, webinar_id=webinar.pk, question_id=qid, text=f"Edit {n}")
        else:
            service = moderation.question_answer if n % 2 == 0 else moderation.question_unanswer
            service(actor=host, webinar_id=webinar.pk, question_id=qid)
    return (time.perf_counter() - started) / actions * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument("--history", type=int, default=20, help="earlier events per question")
    parser.add_argument("--actions", type=int, default=200)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    webinar, host, ids = build(questions=args.questions, history=args.history)
    log_rows = WebinarEvent.objects.filter(webinar=webinar).count()

    import webinar.services.questions as questions_module

    measured = {}
    for edits in (True, False):
        kind = "edit" if edits else "toggle"
        measured[f"{kind}_ms_dewan"] = timed_actions(webinar, host, ids, args.actions, edits=edits)
        original = questions_module.events_subject_rewrite
        questions_module.events_subject_rewrite = lambda **_kwargs: None  # the append-only baseline
        try:
            measured[f"{kind}_ms_append_only"] = timed_actions(webinar, host, ids, args.actions, edits=edits)
        finally:
            questions_module.events_subject_rewrite = original

    last = Webinar.objects.get(pk=webinar.pk).last_public_seq
    started = time.perf_counter()
    replay = events.events_since(webinar_id=webinar.pk, stream="public", after_seq=last - 500, limit=500)
    replay_ms = (time.perf_counter() - started) * 1000
    print(
        json.dumps(
            {
                "bench": "replay_rewrite",
                "database": django.db.connection.vendor,
                "log_rows_before": log_rows,
                "events_per_question_before": args.history * 2,
                **{name: round(value, 3) for name, value in measured.items()},
                "edit_ratio_vs_append_only": round(
                    measured["edit_ms_dewan"] / measured["edit_ms_append_only"], 3
                ),
                "toggle_ratio_vs_append_only": round(
                    measured["toggle_ms_dewan"] / measured["toggle_ms_append_only"], 3
                ),
                "replay_500_events_ms": round(replay_ms, 3),
                "replayed": len(replay or []),
            }
        )
    )


if __name__ == "__main__":
    main()
