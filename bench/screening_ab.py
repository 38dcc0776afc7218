"""Screening speed, before and after, interleaved: ``python bench/screening_ab.py --before <rev>``.

``bench/screening.py --timing-only`` times the baseline and the current code once each, one after the
other; on a shared machine the load moves between the two and a single pair can swing by 30% either way.
This bench extracts ``--before`` (and ``--after``, default: this checkout) and alternates them
``--rounds`` times, each in a fresh process pinned to one core, and prints every run and the median of
each figure with the after/before ratio. Each run screens the bench's test comments (every fifth of the
test splits, as bench/screening.py): the first half one at a time and the second half in batches of 256
while the caches are cold (first sightings), then both again warm (best of two passes). Figures are per
CPU-second (``time.thread_time``) and CPU p99 in ms; the whole-text verdict cache is off. Wrap it in
``flock /tmp/dewan-bench.lock``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ("single_cold", "p99_cold", "batch_cold", "single_warm", "p99_warm", "batch_warm")


def measure(repo: Path) -> dict:
    """One run of the screener in ``repo`` (this process imports it)."""
    sys.path.insert(0, str(repo))
    os.chdir(repo)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")
    import django

    django.setup()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from webinar.screening import pipeline, screen, screen_many
    from webinar.screening.train import DATASET_NAMES, dataset_policy

    pipeline.VERDICT_CACHE_SIZE = 0  # before the cache existed this sets a name nothing reads
    sys.path.insert(0, str(repo / "bench"))
    from screening import rows_with_categories

    texts = [t for ds in DATASET_NAMES for t, _y, _c in rows_with_categories(ds)][::5]
    one, many = texts[: len(texts) // 2], texts[len(texts) // 2 :]
    policy = dataset_policy()
    screen("warm up", policy=policy)

    def single(sample: list[str]) -> tuple[float, float]:
        lat = []
        for t in sample:
            c0 = time.thread_time_ns()
            screen(t, policy=policy)
            lat.append(time.thread_time_ns() - c0)
        lat.sort()
        return round(len(sample) / (sum(lat) / 1e9), 1), round(lat[int(len(lat) * 0.99)] / 1e6, 3)

    def batched(sample: list[str]) -> float:
        c0 = time.thread_time()
        for i in range(0, len(sample), 256):
            screen_many(sample[i : i + 256], policy=policy)
        return round(len(sample) / (time.thread_time() - c0), 1)

    out: dict = {}
    out["single_cold"], out["p99_cold"] = single(one)
    out["batch_cold"] = batched(many)
    warm = [single(one) for _ in range(2)]
    out["single_warm"] = max(w[0] for w in warm)
    out["p99_warm"] = min(w[1] for w in warm)
    out["batch_warm"] = max(batched(many) for _ in range(2))
    out["loadavg"] = [round(x, 2) for x in os.getloadavg()]
    return out


def extract(rev: str, into: Path) -> Path:
    """``rev``'s files in ``into``/repo, beside a link to ../shared (the datasets)."""
    repo = into / "repo"
    repo.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True)  # nosec B603 B607
    subprocess.run(["tar", "-x", "-C", str(repo)], input=archive.stdout, check=True)  # nosec B603 B607
    (into / "shared").symlink_to(ROOT.parent / "shared")
    return repo


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--before", help="commit timed as the baseline")
    parser.add_argument("--after", default="", help="commit timed as the change (default: this checkout)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # one run, in a child process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    if not args.before:
        parser.error("--before is required")
    with tempfile.TemporaryDirectory(prefix="dewan-ab-") as tmp:
        sides = {"before": extract(args.before, Path(tmp) / "before")}
        sides["after"] = extract(args.after, Path(tmp) / "after") if args.after else ROOT
        runs: dict[str, list[dict]] = {"before": [], "after": []}
        for _ in range(args.rounds):
            for name, repo in sides.items():
                command = [sys.executable, str(Path(__file__).resolve()), "--measure", str(repo)]
                done = subprocess.run(command, check=True, capture_output=True, text=True)  # nosec B603
                runs[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
                print(name, json.dumps(runs[name][-1]), flush=True)
    medians = {name: {f: statistics.median(r[f] for r in rs) for f in FIGURES} for name, rs in runs.items()}
    ratio = {
        f: round(medians["before"][f] / medians["after"][f] if f.startswith("p99") else
                 medians["after"][f] / medians["before"][f], 2)
        for f in FIGURES
    }  # fmt: skip
    result = {"before": args.before, "after": args.after or "checkout", "rounds": args.rounds}
    print(json.dumps({**result, "median": medians, "after_over_before": ratio}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
