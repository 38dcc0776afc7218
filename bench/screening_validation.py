"""Validation figures per model head and language group: ``python bench/screening_validation.py``.

Screens the VALIDATION split (bucket 2, the rows that set the thresholds; see webinar/screening/train.py)
of every training dataset at one strictness (``--strictness``, default standard) under the dataset policy
(links allowed, personal data published: the labels judge harm only), as ``train.calibrate`` does, and
prints for each head and language group (``en``: English and undetected, ``ms``: Malay and Manglish):

- ``recall``: of the rows labelled with the head's harm, the share on which the head fired (``Verdict.fired``:
  at or above its threshold where the pipeline lets it decide);
- ``beyond_rules``: of the benign rows, the share on which the head fired while the rules alone held
  nothing (what the false-hold budgets in docs/screening.md limit).

and per dataset the whole screener's recall and false-hold rate on the same rows. With ``--swing-against DIR``
it also chooses the thresholds again for two models (``--model-dir`` or the checkout's, and DIR: two
retrains) on the same validation rows, by each rule of ``train.choose_thresholds`` (round 11's pooled rule in
use, round 10's one-row floor per dataset, rounds 5-9's per-dataset budgets), and prints each head's standard
threshold per group for both models and the mean and largest absolute difference (the swing; 0-1). Figures
are shares (0-1) with their row counts; the model is whatever ``model_data/`` holds (its version is
printed). With ``--binding`` it prints, per head and group, the chosen threshold, the head's recall at it
and at 0.5, and the highest-scoring benign rows held beyond the rules: what sets each threshold (round 13's
finding). Run it before and after a retrain in the same checkout state to compare heads. The last line is
one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _share(hits: int, n: int) -> dict:
    return {"n": n, "share": round(hits / n, 4) if n else None}


def validation_figures(strictness: str = "standard") -> dict:
    """{"model_version", "heads": {head: {group: {"recall", "beyond_rules"}}}, "datasets": {name: {...}}}:
    every figure a {"n", "share"} dict (share None when n is 0)."""
    from webinar.screening.model import HEADS
    from webinar.screening.model import load as load_model
    from webinar.screening.pipeline import _THRESHOLD_GROUP, screen_many
    from webinar.screening.train import DATASET_NAMES, _rule_held, dataset_policy, dataset_split, load_heads

    policy = dataset_policy(strictness)
    counts = {h: {g: [0, 0, 0, 0] for g in ("en", "ms")} for h in HEADS}  # pos fired, pos, ben fired, ben
    datasets = {}
    for name in DATASET_NAMES:
        rows = [(t, h) for t, h in load_heads(name) if dataset_split(name, t) == "val"]
        verdicts = screen_many([t for t, _ in rows], policy=policy)
        held = [v.action != "publish" for v in verdicts]
        positives = sum(1 for _, h in rows if h)
        datasets[name] = {
            "recall": _share(sum(1 for x, (_, h) in zip(held, rows, strict=True) if x and h), positives),
            "false_hold_rate": _share(
                sum(1 for x, (_, h) in zip(held, rows, strict=True) if x and not h), len(rows) - positives
            ),
        }
        for (_, labels), v in zip(rows, verdicts, strict=True):
            group = _THRESHOLD_GROUP[v.language]
            rule_held = _rule_held(v)
            for head in HEADS:
                c = counts[head][group]
                if head in labels:
                    c[0] += head in v.fired
                    c[1] += 1
                elif not labels:
                    c[2] += head in v.fired and not rule_held
                    c[3] += 1
    heads = {
        h: {g: {"recall": _share(c[0], c[1]), "beyond_rules": _share(c[2], c[3])} for g, c in groups.items()}
        for h, groups in counts.items()
    }
    return {"model_version": load_model().version, "strictness": strictness, "heads": heads,
            "datasets": datasets}  # fmt: skip


def threshold_swing(model_dirs: list[Path]) -> dict:
    """{rule: {"thresholds": [per model {head: {group: t}}], "mean_swing", "max_swing"}} at standard for each
    rule of ``train.RULES`` (round 11's "pooled" in use, round 10's "per_dataset_floor", rounds 5-9's
    "per_dataset"), both models scored on the same validation rows."""
    from webinar.screening import model, train
    from webinar.screening.model import HEADS

    val = {}
    for name in train.DATASET_NAMES:
        val[name] = [r for r in train.load_heads(name) if train.dataset_split(name, r[0]) == "val"]
    templates = train.validation_templates(val)
    scored = []
    for d in model_dirs:
        model.DATA_DIR = d
        model._model = None
        scored.append(train.validation_scores(val))
    out = {}
    for rule in train.RULES:
        chosen = [train.choose_thresholds(s, rule=rule, templates=templates)["standard"] for s in scored]
        diffs = [abs(chosen[0][h][g] - chosen[1][h][g]) for h in HEADS for g in ("en", "ms")]
        out[rule] = {"thresholds": chosen, "mean_swing": round(sum(diffs) / len(diffs), 4),
                     "max_swing": round(max(diffs), 4)}  # fmt: skip
    return out


def binding_rows(top: int = 5) -> dict:
    """Why each threshold is where it is (docs/screening.md, "Round 13"): per head and language group at
    standard, the threshold ``train.choose_thresholds`` picks on the validation rows with the model in use,
    the head's recall at it and at 0.5 (its eligible score, ``train._eligible``), and the ``top`` benign rows
    held beyond the rules with the highest scores (dataset, score, the text's first 90 characters): the rows
    that set the threshold under the budgets and the lookalike guard."""
    import numpy as np

    from webinar.screening import train
    from webinar.screening.model import HEADS

    val = {
        n: [r for r in train.load_heads(n) if train.dataset_split(n, r[0]) == "val"]
        for n in train.DATASET_NAMES
    }
    sets = train.validation_scores(val)
    chosen = train.choose_thresholds(sets, templates=train.validation_templates(val))["standard"]
    out: dict = {}
    for k, head in enumerate(HEADS):
        for g in ("en", "ms"):
            benign, harmful = [], []
            for name, (rule_held, scores, group, ben) in sets.items():
                mask = ben[:, k] & (group == g) & ~rule_held
                benign += [(float(scores[i, k]), name, val[name][i][0][:90]) for i in np.flatnonzero(mask)]
                labelled = np.array([head in h for _, h in val[name]], dtype=bool) & (group == g)
                harmful += [float(x) for x in scores[labelled, k]]
            t = chosen[head][g]
            pos = np.array(harmful)
            out[f"{head}.{g}"] = {
                "threshold": t,
                "n": len(pos),
                "recall_at_threshold": round(float((pos >= t).mean()), 4) if len(pos) else None,
                "recall_at_half": round(float((pos >= 0.5).mean()), 4) if len(pos) else None,
                "top_benign": [[round(s_, 4), n_, x] for s_, n_, x in sorted(benign, reverse=True)[:top]],
            }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--strictness", default="standard", choices=("relaxed", "standard", "strict"))
    parser.add_argument("--model-dir", type=Path, help="model_data/ to score with (default: the checkout's)")
    parser.add_argument("--swing-against", type=Path, help="a second model_data/: thresholds chosen for both")
    parser.add_argument(
        "--binding", action="store_true", help="per head and group, the rows that set its threshold"
    )
    args = parser.parse_args()
    if args.model_dir is not None:
        from webinar.screening import model

        model.DATA_DIR = args.model_dir
        model._model = None
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")
    import django

    django.setup()
    out = validation_figures(args.strictness)
    print(f"model {out['model_version']}, validation split, {out['strictness']}")
    for head, groups in out["heads"].items():
        for g, f in groups.items():
            r, b = f["recall"], f["beyond_rules"]
            print(f"  {head:10s} {g}: recall {r['share']} (n={r['n']}), benign held beyond the rules "
                  f"{b['share']} (n={b['n']})")  # fmt: skip
    for name, f in out["datasets"].items():
        print(f"  {name:24s} recall {f['recall']['share']} (n={f['recall']['n']}), false holds "
              f"{f['false_hold_rate']['share']} (n={f['false_hold_rate']['n']})")  # fmt: skip
    if args.swing_against is not None:
        from webinar.screening import model

        out["swing"] = threshold_swing([model.DATA_DIR, args.swing_against])
        for rule, f in out["swing"].items():
            pairs = ", ".join(
                f"{h}.{g} {f['thresholds'][0][h][g]:.2f}/{f['thresholds'][1][h][g]:.2f}"
                for h in f["thresholds"][0]
                for g in ("en", "ms")
            )
            print(f"  thresholds by {rule}: mean swing {f['mean_swing']}, max {f['max_swing']}: {pairs}")
    if args.binding:
        out["binding"] = binding_rows()
        for key, f in out["binding"].items():
            print(f"  {key:12s} threshold {f['threshold']}: recall {f['recall_at_threshold']} (at 0.5: "
                  f"{f['recall_at_half']}, n={f['n']}); highest benign beyond the rules:")  # fmt: skip
            for score, name, text in f["top_benign"]:
                print(f"      {score:.3f} {name:24s} {text!r}")
    out["loadavg"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(out, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
