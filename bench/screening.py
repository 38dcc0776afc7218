"""Screening benchmark: throughput, latency and quality on fixed splits, against two baselines.

Run from the repository root: ``python bench/screening.py`` (``--quick`` uses fewer timing samples).
Pinned to one core. Quality is measured on the TEST split of every dataset in ../shared/datasets
(texts whose SHA-1 falls in buckets 0-1 of 10, see webinar/screening/train.py: never trained on) under
the standard policy with links allowed and personal data published (the labels judge harm only), and
on the test split of Dewan's own labelled set (whole templates held out) under the default policy,
whose labels include links and personal data. "Held" means any action other than publish. Per dataset
the bench prints recall and false-hold rate overall and per category (the harm a row is labelled with;
for benign categories such as counter-speech, the share held), for dewan and both baselines. The last
line printed is one JSON object with all figures.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from webinar.screening import Policy, dewan_set, screen, screen_many
from webinar.screening.model import load as load_model
from webinar.screening.train import DATASET_NAMES, dataset_policy, dataset_split, load_heads

TARGETS = {
    "ms_benign_questions_mt": {"false_hold_rate_max": 0.01},
    "en_davidson": {"recall_min": 0.95, "false_hold_rate_max": 0.08},
    "ms_toxic_mt": {"recall_min": 0.60, "false_hold_rate_max": 0.03},
    "dewan": {"recall_min": 0.95, "false_hold_rate_max": 0.02},
    "p99_ms_max": 2.0,
    "batch_per_second_min": 5000,
}


def rows_with_categories(ds: str) -> list[tuple[str, int, str]]:
    """(text, 1 if harmful, category) rows of a dataset's test split. The category is the harm a row is
    labelled with (the first of its heads; Dewan's set has its own), or "benign"."""
    if ds == "dewan":
        return [(r["text"], 1 if r["label"] == "hold" else 0, r["category"]) for r in dewan_set.load("test")]
    order = ("hate", "threat", "sexual", "self_harm", "spam", "abuse")
    out = []
    for text, heads in load_heads(ds):
        if dataset_split(ds, text) == "test":
            category = next((h for h in order if h in heads), "benign")
            out.append((text, 1 if heads else 0, category))
    return out


def per_category(held: list[bool], rows: list[tuple[str, int, str]]) -> dict:
    """Per category: n and the share held (recall for a harm, false-hold rate for a benign kind)."""
    out: dict[str, dict] = {}
    for h, (_t, y, cat) in zip(held, rows, strict=True):
        c = out.setdefault(cat, {"n": 0, "held": 0, "harmful": bool(y)})
        c["n"] += 1
        c["held"] += int(h)
    for c in out.values():
        c["share_held"] = round(c["held"] / c["n"], 4)
        c["measures"] = "recall" if c.pop("harmful") else "false_hold_rate"
    return out


def quality(held: list[bool], labels: list[int]) -> dict:
    tp = sum(1 for h, y in zip(held, labels, strict=True) if h and y)
    fp = sum(1 for h, y in zip(held, labels, strict=True) if h and not y)
    pos = sum(labels)
    neg = len(labels) - pos
    recall = tp / pos if pos else None
    fhr = fp / neg if neg else None
    precision = tp / (tp + fp) if tp + fp else None
    out = {
        "n": len(labels),
        "positives": pos,
        "recall": recall,
        "false_hold_rate": fhr,
        "precision": precision,
    }
    out["f1"] = (2 * precision * recall / (precision + recall)) if precision and recall else None
    # One number to compare systems: recall minus false-hold rate (Youden's J); 1 - FHR when no positives.
    out["score"] = (recall - fhr) if pos and neg else (1 - fhr if neg else recall)
    # Balanced accuracy, (recall + 1 - FHR) / 2: the same ranking as the score, on a 0.5-1 scale.
    out["balanced_accuracy"] = (recall + 1 - fhr) / 2 if pos and neg else None
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in out.items()}


def baseline_profanity_check():
    try:
        from profanity_check import predict
    except Exception as exc:
        return None, f"alt-profanity-check unavailable: {exc}"
    return (lambda texts: [bool(x) for x in predict(list(texts))]), None


def baseline_glin():
    try:
        from glin_profanity import Filter
    except Exception as exc:
        return None, f"glin-profanity unavailable: {exc}"
    f = Filter()
    return (lambda texts: [bool(f.check_profanity(t)["contains_profanity"]) for t in texts]), None


def timing(texts: list[str], samples: int, start_up: bool = True) -> dict:
    """Wall-clock and CPU-time throughput and latency on one core. On a shared machine the wall-clock
    figures include time spent waiting for the CPU; the CPU-time figures (``time.thread_time``) count only
    the time this process ran, so they are the ones to compare across loads. With ``start_up`` the
    process first does what a server process does at start-up (``webinar.startup.server_process_ready``:
    the screener loaded, start-up objects frozen out of the garbage collector's scans), when the code
    timed has it (``server_start_up`` in the result says whether it ran)."""
    from webinar.screening import pipeline

    try:
        from webinar.startup import server_process_ready
    except ImportError:  # a commit from before the start-up hook (a --before baseline)
        server_process_ready = None
    if start_up and server_process_ready is not None:
        server_process_ready()
    policy = dataset_policy()
    # The sample repeats each comment three or four times: the whole-text verdict cache (for floods) would
    # answer most of them, so it is off while the screener itself is timed, and timed on its own below.
    cache_size = getattr(pipeline, "VERDICT_CACHE_SIZE", 0)
    pipeline.VERDICT_CACHE_SIZE = 0
    screen("warm up", policy=policy)
    sample = (texts * (samples // max(1, len(texts)) + 1))[:samples]
    lat = []
    cpu_lat = []
    t0, c0 = time.perf_counter(), time.thread_time()
    for t in sample:
        s, cs = time.perf_counter_ns(), time.thread_time_ns()
        screen(t, policy=policy)
        cpu_lat.append((time.thread_time_ns() - cs) / 1e6)
        lat.append((time.perf_counter_ns() - s) / 1e6)
    single_total, single_cpu = time.perf_counter() - t0, time.thread_time() - c0
    lat.sort()
    cpu_lat.sort()
    batch_size = 256
    t0, c0 = time.perf_counter(), time.thread_time()
    for i in range(0, len(sample), batch_size):
        screen_many(sample[i : i + batch_size], policy=policy)
    batch_total, batch_cpu = time.perf_counter() - t0, time.thread_time() - c0
    repeated = None
    if cache_size > 0:
        # A flood: the same comments again, one at a time, with the verdict cache on (its first pass fills
        # it, as the timed passes above filled the word and model caches).
        pipeline.VERDICT_CACHE_SIZE = cache_size
        for t in texts:
            screen(t, policy=policy)
        c0 = time.thread_time()
        for t in sample:
            screen(t, policy=policy)
        repeated = round(len(sample) / (time.thread_time() - c0), 1)

    def pct(values: list[float], q: float) -> float:
        return round(values[min(len(values) - 1, int(len(values) * q))], 3)

    return {
        "comments": len(sample),
        "single_per_second": round(len(sample) / single_total, 1),
        "batch_per_second": round(len(sample) / batch_total, 1),
        "single_per_cpu_second": round(len(sample) / single_cpu, 1),
        "batch_per_cpu_second": round(len(sample) / batch_cpu, 1),
        "batch_size": batch_size,
        "p50_ms": pct(lat, 0.5),
        "p99_ms": pct(lat, 0.99),
        "max_ms": round(lat[-1], 3),
        "mean_ms": round(statistics.fmean(lat), 3),
        "cpu_p50_ms": pct(cpu_lat, 0.5),
        "cpu_p99_ms": pct(cpu_lat, 0.99),
        "mean_chars": round(statistics.fmean(len(t) for t in sample), 1),
        "repeated_single_per_cpu_second": repeated,  # comments seen before, verdict cache on
        "server_start_up": bool(start_up and server_process_ready is not None),
    }


# The engine before issue 13's speed work (RE2 guards, vectorised model pieces): its own bench, run on a
# checkout of this commit in the same run, is the speed baseline ("before"). --before none skips it.
BEFORE_REV = "1b2de65"


def timing_before(rev: str, quick: bool) -> dict:
    """``timing`` of the screener at ``rev``: that commit's files are extracted to a temporary folder
    (beside a link to ../shared, for the datasets) and its own ``bench/screening.py --timing-only`` runs
    there, on the same test comments, pinned to one core like this run."""
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory(prefix="dewan-bench-before-") as tmp:
        repo = Path(tmp) / "repo"
        repo.mkdir()
        archive = subprocess.run(["git", "-C", str(root), "archive", rev], check=True, capture_output=True)  # nosec B603 B607
        subprocess.run(["tar", "-x", "-C", str(repo)], input=archive.stdout, check=True)  # nosec B603 B607
        (Path(tmp) / "shared").symlink_to(root.parent / "shared")
        command = [sys.executable, "bench/screening.py", "--timing-only"] + (["--quick"] if quick else [])
        if '"--before"' in (repo / "bench" / "screening.py").read_text(encoding="utf-8"):
            command += ["--before", "none"]  # that commit's bench times a baseline of its own otherwise
        env = {**os.environ, "PYTHONPATH": str(repo)}
        done = subprocess.run(command, cwd=repo, env=env, check=True, capture_output=True, text=True)  # nosec B603
    out = json.loads(done.stdout.strip().splitlines()[-1])["timing"]
    out.pop("model_stage", None)
    out["rev"] = rev
    return out


# Sets labelled for one harm only: the SMS collection's "ham" holds real swearing that Dewan's guideline
# holds as profanity, so beside every hold the bench counts the holds made AS that harm (round 7,
# docs/screening.md): the figure the kept-back YouTube spam goal is closest to.
OWN_HARM = {"en_sms_spam": frozenset({"spam"})}

HELDOUT = (
    "heldout_1",
    "heldout_2",
    "heldout_3",
    "heldout_4",
    "heldout_5",
    "heldout_6",
    "heldout_7",
    "heldout_8",
    "heldout_9",
    "heldout_10",
    "heldout_11",
    "heldout_12",
    "heldout_13",
    "heldout_14",
    "heldout_15",
    "heldout_16",
    "heldout_17",
    "heldout_18",
    "heldout_19",
    "heldout_20",
)

# Dewan's own evaluation-only files for the goals measured on sets kept from the team (issue #13), written
# fresh from the guideline by an engineer who read no rule (docs/screening.md, "Own evaluation sets"):
# functional tests of hate in Malay and Singlish in the manner of HateCheck (Röttger et al., 2021: cases
# grouped by functionality; none of its lines), and comments under public videos with spam among them.
# Never trained or tuned on. Goal figures at standard: name -> (figure, goal, "min" | "max").
OWN_EVAL_GOALS = {
    "functional_ms_sg": {"hate_held": (0.80, "min"), "counter_and_neutral_published": (0.90, "min")},
    "video_comments": {"spam_held": (0.80, "min"), "benign_held": (0.03, "max")},
}


def heldout(name: str) -> dict:
    """Dewan's fresh held-out files (webinar/screening/data/heldout_*.jsonl: written from the guideline,
    never trained or tuned on; see docs/screening.md for which was written before which rule change),
    screened under the default policy at each strictness: harmful held and benign published, per category."""
    path = Path(__file__).resolve().parents[1] / "webinar" / "screening" / "data" / f"{name}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    out: dict = {"n": len(rows)}
    for strictness in ("relaxed", "standard", "strict"):
        verdicts = screen_many(texts, policy=Policy(strictness=strictness))
        held = [v.action != "publish" for v in verdicts]
        harmful = [h for h, r in zip(held, rows, strict=True) if r["label"] == "hold"]
        benign = [not h for h, r in zip(held, rows, strict=True) if r["label"] == "publish"]
        cats: dict[str, list[int]] = {}
        for h, r in zip(held, rows, strict=True):
            c = cats.setdefault(r["category"], [0, 0])
            c[0] += 1
            c[1] += int(h)
        out[strictness] = {
            "harmful_held": round(sum(harmful) / len(harmful), 4),
            "benign_published": round(sum(benign) / len(benign), 4),
            "per_category_share_held": {c: round(h / n, 4) for c, (n, h) in sorted(cats.items())},
        }
    return out


def model_timing(texts: list[str]) -> dict:
    """The model stage alone, per CPU-second: the run-time scorer (``model.score``: text by text below
    ``BATCH_VIA_NUMPY`` texts, ``score_batch`` from there on) against ``score_features`` for every
    call (numpy over the call's table of hashed n-grams), one at a time and in batches of 256, on the same
    canonical texts in the same run."""
    from webinar.screening import model
    from webinar.screening.normalise import normalise

    canon = [normalise(t).canonical for t in texts]
    model.score(canon[:1])  # the model loaded
    out = {}

    def text_by_text(batch: list[str]) -> object:
        # The one-text scorer alone, in chunks below the size from which ``score`` hands over to numpy.
        step = model.BATCH_VIA_NUMPY - 1
        return [model.score(batch[i : i + step]) for i in range(0, len(batch), step)]

    for name, fn in (
        ("runtime", model.score),
        ("text_by_text", text_by_text),
        ("baseline_numpy", model.score_features),
    ):
        c0 = time.thread_time()
        for t in canon:
            fn([t])
        single = time.thread_time() - c0
        c0 = time.thread_time()
        for i in range(0, len(canon), 256):
            fn(canon[i : i + 256])
        batch = time.thread_time() - c0
        out[name] = {"single_per_cpu_second": round(len(canon) / single, 1),
                     "batch_per_cpu_second": round(len(canon) / batch, 1)}  # fmt: skip
    out["speedup_single"] = round(
        out["runtime"]["single_per_cpu_second"] / out["baseline_numpy"]["single_per_cpu_second"], 2
    )
    out["speedup_batch"] = round(
        out["runtime"]["batch_per_cpu_second"] / out["baseline_numpy"]["batch_per_cpu_second"], 2
    )
    return out


def compare_before(now: dict, before: dict) -> None:
    """Print the baseline's figures beside this run's and store both with the ratios in ``now``."""
    now["before"] = before
    now["speedup_vs_before"] = {
        k: round(now[k] / before[k], 2) for k in ("single_per_cpu_second", "batch_per_cpu_second")
    }
    now["speedup_vs_before"]["cpu_p99_ms"] = round(before["cpu_p99_ms"] / now["cpu_p99_ms"], 2)
    b, load = before, [round(x, 2) for x in os.getloadavg()]
    print(f"before ({b['rev']}, same run): per CPU-second single {b['single_per_cpu_second']}, batch "
          f"{b['batch_per_cpu_second']}, CPU p99 {b['cpu_p99_ms']} ms (load {b.get('loadavg')}); now: single "
          f"{now['single_per_cpu_second']}, batch {now['batch_per_cpu_second']}, CPU p99 {now['cpu_p99_ms']} "
          f"ms (load {load}): x{now['speedup_vs_before']}")  # fmt: skip


def own_eval(name: str) -> dict:
    """One of ``OWN_EVAL_GOALS``'s files screened at standard under the default policy.

    Returns ``{"n", figure: share, ..., "goals_met": {figure: bool}, "per_functionality_share_held"}``:
    ``hate_held`` is the share of lines of category ``hate`` held; ``counter_and_neutral_published`` of
    ``counter_speech`` and ``neutral_identity`` lines published; ``spam_held`` of lines labelled hold
    (spam, and contact offers labelled personal data) held; ``benign_held`` of lines labelled publish held.
    """
    path = Path(__file__).resolve().parents[1] / "webinar" / "screening" / "data" / f"{name}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    verdicts = screen_many([r["text"] for r in rows], policy=Policy(strictness="standard"))
    held = [v.action != "publish" for v in verdicts]

    def share(selected: list[bool]) -> float:
        return round(sum(selected) / len(selected), 4) if selected else 0.0

    pairs = list(zip(held, rows, strict=True))
    figures = {
        "hate_held": share([h for h, r in pairs if r["category"] == "hate"]),
        "counter_and_neutral_published": share(
            [not h for h, r in pairs if r["category"] in ("counter_speech", "neutral_identity")]
        ),
        "spam_held": share([h for h, r in pairs if r["label"] == "hold"]),
        "benign_held": share([h for h, r in pairs if r["label"] == "publish"]),
    }
    out: dict = {"n": len(rows)}
    out["goals_met"] = {}
    for figure, (goal, kind) in OWN_EVAL_GOALS[name].items():
        out[figure] = figures[figure]
        out["goals_met"][figure] = figures[figure] >= goal if kind == "min" else figures[figure] <= goal
    groups: dict[str, list[bool]] = {}
    for h, r in pairs:
        groups.setdefault(r.get("functionality") or r["category"], []).append(h)
    out["per_functionality_share_held"] = {k: share(v) for k, v in sorted(groups.items())}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer timing samples")
    parser.add_argument("--no-timing", action="store_true", help="quality only")
    parser.add_argument("--timing-only", action="store_true", help="speed only (same comments)")
    parser.add_argument("--heldout-only", choices=HELDOUT, help="one held-out file's figures only")
    parser.add_argument(
        "--own-eval-only", action="store_true", help="the own evaluation files' goal figures only"
    )
    parser.add_argument(
        "--no-heldout",
        action="store_true",
        help="skip the files kept from the team (heldout_*.jsonl, own evaluation files): shared sets only",
    )
    parser.add_argument(
        "--no-start-up",
        action="store_true",
        help="time without the server process's start-up (webinar/startup.py: gc.freeze)",
    )
    parser.add_argument(
        "--before", default=BEFORE_REV, help=f"commit timed as the baseline ({BEFORE_REV}; 'none' skips)"
    )
    args = parser.parse_args()
    # Reason texts are gettext messages (webinar/screening/messages.py): Django's settings must be loaded.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")
    import django

    django.setup()
    if args.heldout_only:
        h = heldout(args.heldout_only)
        h["loadavg"] = [round(x, 2) for x in os.getloadavg()]
        print(json.dumps({"heldout": {args.heldout_only: h}}, sort_keys=True))
        return 0
    if args.own_eval_only:
        own = {name: own_eval(name) for name in OWN_EVAL_GOALS}
        print(
            json.dumps({"own_eval": own, "loadavg": [round(x, 2) for x in os.getloadavg()]}, sort_keys=True)
        )
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    model = load_model()
    policy = dataset_policy()
    systems = {"dewan": None}
    notes = []
    for name, factory in (
        ("alt-profanity-check", baseline_profanity_check),
        ("glin-profanity", baseline_glin),
    ):
        fn, err = factory()
        if fn is None:
            print(f"BASELINE MISSING: {err}")
            notes.append(err)
        systems[name] = fn
    results: dict = {"model_version": model.version, "datasets": {}, "notes": notes}
    all_test_texts: list[str] = []
    for ds in DATASET_NAMES:
        rows = rows_with_categories(ds)
        texts = [t for t, _, _ in rows]
        labels = [y for _, y, _ in rows]
        all_test_texts.extend(texts)
        if args.timing_only:
            continue
        per = {}
        cats = {}
        for name, fn in systems.items():
            if name == "dewan":
                judged = Policy() if ds == "dewan" else policy
                verdicts = screen_many(texts, policy=judged)
                held = [v.action != "publish" for v in verdicts]
                fired: dict[str, int] = {}
                for v in verdicts:
                    for head in v.fired:
                        fired[head] = fired.get(head, 0) + 1
                per["dewan_heads_fired"] = fired
                if ds in OWN_HARM:
                    own = [any(r.category in OWN_HARM[ds] for r in v.reasons) for v in verdicts]
                    per["dewan_own_harm"] = quality(own, labels)
            elif fn is None:
                per[name] = None
                continue
            else:
                held = fn(texts)
            per[name] = quality(held, labels)
            cats[name] = per_category(held, rows)
        per["per_category"] = cats
        if sum(labels) == 0:
            # Only benign rows: this set measures false holds and nothing else. A system that knows no
            # Malay holds almost nothing here and catches almost nothing on ms_toxic_mt, so the comparison
            # is made below on the Malay pair (recall on ms_toxic_mt - false holds here).
            per["measures"] = "false holds only (no toxic rows)"
        else:
            ours = per["dewan"]["score"]
            per["dewan_beats_baselines"] = all(
                per[b] is None or ours > per[b]["score"] for b in ("alt-profanity-check", "glin-profanity")
            )
        results["datasets"][ds] = per
        print(f"{ds} (test split, n={len(texts)}):")
        for name in systems:
            q = per[name]
            print(f"  {name:20s} " + ("n/a" if q is None else
                  f"recall={q['recall']} false_hold={q['false_hold_rate']} precision={q['precision']} "
                  f"score={q['score']} balanced_accuracy={q['balanced_accuracy']}"))  # fmt: skip
            for cat, c in sorted(cats.get(name, {}).items()):
                print(f"      {cat:18s} n={c['n']:5d} {c['measures']}={c['share_held']}")
            if name == "dewan" and "dewan_own_harm" in per:
                q = per["dewan_own_harm"]
                print(
                    f"      held as {'/'.join(sorted(OWN_HARM[ds]))} only: recall={q['recall']} "
                    f"false_hold={q['false_hold_rate']}"
                )
    if not args.timing_only and not args.no_heldout:
        results["heldout"] = {}
        for name in HELDOUT:
            h = results["heldout"][name] = heldout(name)
            st = h["standard"]
            print(f"{name} (n={h['n']}, fresh when written, see docs; standard): "
                  f"harmful held {st['harmful_held']}, "
                  f"benign published {st['benign_published']}")  # fmt: skip
            for cat, share in st["per_category_share_held"].items():
                print(f"      {cat:18s} share held={share}")
        results["own_eval"] = {}
        for name in OWN_EVAL_GOALS:
            o = results["own_eval"][name] = own_eval(name)
            figures = ", ".join(f"{f} {o[f]}" for f in OWN_EVAL_GOALS[name])
            print(f"{name} (n={o['n']}, own evaluation set, standard): {figures}; goals met {o['goals_met']}")
    if args.timing_only:
        before = timing_before(args.before, args.quick) if args.before != "none" else None
        results["timing"] = timing(all_test_texts[::5], 2000 if args.quick else 10000, not args.no_start_up)
        results["timing"]["model_stage"] = model_timing(all_test_texts[::5][:2000])
        results["timing"]["loadavg"] = [round(x, 2) for x in os.getloadavg()]
        if before is not None:
            compare_before(results["timing"], before)
        print(json.dumps(results, sort_keys=True))
        return 0
    d = results["datasets"]
    # The Malay pair: catching machine-translated Malay abuse and leaving ordinary Malay questions alone.
    pair = {}
    for name in systems:
        tox, ben = d["ms_toxic_mt"][name], d["ms_benign_questions_mt"][name]
        if tox is None or ben is None:
            pair[name] = None
            continue
        r, f = tox["recall"], ben["false_hold_rate"]
        pair[name] = {"recall_ms_toxic": r, "false_hold_rate_ms_benign": f, "score": round(r - f, 4),
                      "balanced_accuracy": round((r + 1 - f) / 2, 4)}  # fmt: skip
    pair["dewan_beats_baselines"] = all(
        pair[b] is None or pair["dewan"]["score"] > pair[b]["score"]
        for b in ("alt-profanity-check", "glin-profanity")
    )
    d["ms_benign_questions_mt"]["dewan_beats_baselines"] = pair["dewan_beats_baselines"]
    results["malay_pair"] = pair
    print("malay pair (recall on ms_toxic_mt, false holds on ms_benign_questions_mt):")
    for name in systems:
        q = pair[name]
        print(f"  {name:20s} " + ("n/a" if q is None else
              f"recall={q['recall_ms_toxic']} false_hold={q['false_hold_rate_ms_benign']} score={q['score']} "
              f"balanced_accuracy={q['balanced_accuracy']}"))  # fmt: skip
    if args.no_timing:
        print(json.dumps(results, sort_keys=True))
        return 0
    samples = 2000 if args.quick else 10000
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    before = timing_before(args.before, args.quick) if args.before != "none" else None
    results["timing"] = timing(all_test_texts[::5], samples, not args.no_start_up)
    results["timing"]["model_stage"] = model_timing(all_test_texts[::5][:2000])
    t = results["timing"]
    # The machine may be shared: the load average says how far to trust the timing.
    t["loadavg_before"] = [round(x, 2) for x in load_before] if load_before else None
    t["loadavg_after"] = [round(x, 2) for x in os.getloadavg()] if load_before else None
    t["cpus"] = os.cpu_count()
    print(f"timing (one core): single {t['single_per_second']}/s, batch {t['batch_per_second']}/s, "
          f"p50 {t['p50_ms']} ms, p99 {t['p99_ms']} ms; per CPU-second: single {t['single_per_cpu_second']}, "
          f"batch {t['batch_per_cpu_second']}, CPU p99 {t['cpu_p99_ms']} ms; load average "
          f"{t['loadavg_before']} -> {t['loadavg_after']} on {t['cpus']} CPUs")  # fmt: skip
    if before is not None:
        compare_before(t, before)
    ms = t["model_stage"]
    print(f"model stage per CPU-second: runtime {ms['runtime']}, numpy baseline {ms['baseline_numpy']} "
          f"(x{ms['speedup_single']} one at a time, x{ms['speedup_batch']} batched)")  # fmt: skip
    results["targets"] = TARGETS
    results["targets_met"] = {
        "dewan_recall": d["dewan"]["dewan"]["recall"] >= 0.95,
        "dewan_false_hold": d["dewan"]["dewan"]["false_hold_rate"] <= 0.02,
        "ms_benign_false_hold": d["ms_benign_questions_mt"]["dewan"]["false_hold_rate"] <= 0.01,
        "en_davidson_recall": d["en_davidson"]["dewan"]["recall"] >= 0.95,
        "en_davidson_false_hold": d["en_davidson"]["dewan"]["false_hold_rate"] <= 0.08,
        "ms_toxic_recall": d["ms_toxic_mt"]["dewan"]["recall"] >= 0.60,
        "ms_toxic_false_hold": d["ms_toxic_mt"]["dewan"]["false_hold_rate"] <= 0.03,
        "p99_2ms": t["p99_ms"] <= 2.0,
        "batch_5000_per_second": t["batch_per_second"] >= 5000,
        "cpu_p99_2ms": t["cpu_p99_ms"] <= 2.0,
        "batch_5000_per_cpu_second": t["batch_per_cpu_second"] >= 5000,
        "ms_benign_false_hold_0_3pct": d["ms_benign_questions_mt"]["dewan"]["false_hold_rate"] <= 0.003,
        "beats_baselines": all(d[ds].get("dewan_beats_baselines", True) for ds in d),
    }
    print(json.dumps(results, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
