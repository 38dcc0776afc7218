"""``python manage.py screen [--webinar SLUG] [--evaluate FILE]``: screen JSON lines, or calibrate.

Screening: reads JSON lines with a ``text`` field on standard input and writes, in the same order, one
JSON line per input with ``action``, ``categories``, ``reasons`` and ``score``. Evaluation: reads lines
that also carry ``label`` (publish or hold) and optional ``category`` and ``language``, and prints
precision, recall and false-hold rate per category and per language. The webinar's policy is the only
database read; screening itself never touches the database.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError

from webinar.screening import Policy, policy_from_settings, screen_many

BATCH = 256


def _load_policy(slug: str | None) -> Policy:
    if not slug:
        return Policy()
    from webinar.models import ScreeningSettings, Webinar

    try:
        webinar = Webinar.objects.get(slug=slug)
    except Webinar.DoesNotExist as exc:
        raise CommandError(f"no webinar with slug {slug!r}") from exc
    try:
        return policy_from_settings(webinar.screening_settings)
    except ScreeningSettings.DoesNotExist:
        return Policy()


def _rates(rows: list[tuple[bool, bool]]) -> dict:
    """rows of (expected hold, actually held)."""
    tp = sum(1 for e, h in rows if e and h)
    fp = sum(1 for e, h in rows if h and not e)
    pos = sum(1 for e, _ in rows if e)
    neg = len(rows) - pos
    return {
        "n": len(rows),
        "expected_hold": pos,
        "precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "recall": round(tp / pos, 4) if pos else None,
        "false_hold_rate": round(fp / neg, 4) if neg else None,
        "agreement": round(sum(1 for e, h in rows if e == h) / len(rows), 4) if rows else None,
    }


class Command(BaseCommand):
    help = "Screen JSON lines from standard input, or evaluate screening on a labelled file."
    stealth_options = ("stdin",)  # tests pass a stream: call_command("screen", stdin=io.StringIO(...))

    def add_arguments(self, parser):
        parser.add_argument("--webinar", metavar="SLUG", help="use this webinar's screening settings")
        parser.add_argument(
            "--evaluate", metavar="FILE", help="JSON lines with text and label (publish/hold)"
        )

    def handle(self, *args, webinar=None, evaluate=None, **options):
        policy = _load_policy(webinar)
        if evaluate:
            self._evaluate(evaluate, policy)
        else:
            self._screen(options.get("stdin") or sys.stdin, policy)

    def _screen(self, stream, policy: Policy) -> None:
        batch: list[str] = []
        for lineno, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text = item["text"]
            except (ValueError, KeyError, TypeError) as exc:
                raise CommandError(f"line {lineno}: expected a JSON object with a 'text' field") from exc
            batch.append(str(text))
            if len(batch) >= BATCH:
                self._write(batch, policy)
                batch = []
        if batch:
            self._write(batch, policy)

    def _write(self, texts: list[str], policy: Policy) -> None:
        for verdict in screen_many(texts, policy=policy):
            data = verdict.as_dict()
            self.stdout.write(json.dumps(data, ensure_ascii=False))

    def _evaluate(self, path: str, policy: Policy) -> None:
        items = []
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                    label = item["label"]
                    text = str(item["text"])
                except (ValueError, KeyError, TypeError) as exc:
                    raise CommandError(f"{path}:{lineno}: expected text and label") from exc
                if label not in ("publish", "hold"):
                    raise CommandError(f"{path}:{lineno}: label must be publish or hold")
                items.append((text, label == "hold", item.get("category"), item.get("language")))
        verdicts = []
        for i in range(0, len(items), BATCH):
            verdicts += screen_many([t for t, *_ in items[i : i + BATCH]], policy=policy)
        groups: dict[str, dict[str, list]] = {"category": defaultdict(list), "language": defaultdict(list)}
        overall = []
        for (_text, expected, category, language), verdict in zip(items, verdicts, strict=True):
            row = (expected, verdict.action != "publish")
            overall.append(row)
            groups["category"][category or "(none)"].append(row)
            groups["language"][language or verdict.language].append(row)
        report = {"overall": _rates(overall)}
        for kind, table in groups.items():
            report[kind] = {key: _rates(rows) for key, rows in sorted(table.items())}
        width = max([len(k) for t in groups.values() for k in t] + [8])
        self.stdout.write(
            f"{'':{width + 10}s} {'n':>5s} {'precision':>9s} {'recall':>7s} {'false_hold':>10s}"
        )

        def fmt(v):
            return "-" if v is None else f"{v:.3f}"

        def line(kind, key, r):
            self.stdout.write(f"{kind:9s} {key:{width}s} {r['n']:5d} {fmt(r['precision']):>9s} "
                              f"{fmt(r['recall']):>7s} {fmt(r['false_hold_rate']):>10s}")  # fmt: skip

        line("overall", "", report["overall"])
        for kind in ("category", "language"):
            for key, r in report[kind].items():
                line(kind, key, r)
        self.stdout.write(json.dumps(report, sort_keys=True))
