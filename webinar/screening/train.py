"""Rebuild ``model_data/`` from ../shared/datasets and Dewan's sets: ``python -m webinar.screening.train``.

Deterministic: the splits are a hash of the text (see ``split_of``; Dewan's labelled set is split by the
hash of its template), the solver is seeded, and the version is a hash of the weights and thresholds, so
the same data gives byte-identical arrays. Test splits (buckets 0-1) are never trained on; bucket 2 is
the validation split that sets the thresholds. Evaluation-only sets (HateCheck and its translations, the
Ibrohim and Budi tweets, the YouTube Spam Collection) are never read here.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from functools import cache
from pathlib import Path

import numpy as np

from webinar.screening import dewan_set, model
from webinar.screening.model import HEADS
from webinar.screening.normalise import normalise

REPO = Path(__file__).resolve().parents[2]
DATASETS = Path(REPO.parent / "shared" / "datasets")
TEST_BUCKETS = frozenset({0, 1})
VAL_BUCKETS = frozenset({2})
HANDWRITTEN = Path(__file__).resolve().parent / "handwritten.tsv"
LABELLED_EXAMPLES = REPO / "tests" / "screening" / "labelled_examples.jsonl"
# Which language group a dataset's rows count in when a threshold is chosen (see pipeline._THRESHOLD_GROUP:
# a comment's own detected language decides at run time; budgets are checked per dataset).
DATASET_NAMES = (
    "en_davidson",
    "ms_toxic_mt",
    "ms_benign_questions_mt",
    "en_toxigen",
    "en_sms_spam",
    "id_blob",
    "dewan",
)
# False-hold budgets (docs/screening.md, "Heads and budgets"): the share of a dataset's BENIGN validation
# rows that a head may hold at the standard strictness beyond what the rules already hold. Relaxed gets
# half, strict twice. Davidson's "neither" class and the machine-translated Jigsaw rows are noisy (many
# unlabelled insults), so the abuse head may hold more of them; and (round 13) the threat head as much of the
# Jigsaw rows as the hate head: their "non-threat" Wikipedia talk ("stop vandalising or ...", "neraka") set
# the Malay threat threshold at 0.74 alone, where Dewan's Malay threats score 0.5-0.7 (docs/screening.md).
BUDGETS = {
    "abuse": {"default": 0.005, "en_davidson": 0.03, "ms_toxic_mt": 0.02},
    "hate": {"default": 0.003, "en_davidson": 0.01, "ms_toxic_mt": 0.005},
    "sexual": {"default": 0.002},
    "threat": {"default": 0.002, "ms_toxic_mt": 0.005},
    "self_harm": {"default": 0.001},
    "spam": {"default": 0.003},
}
# Per head, the rows with its harm weigh at least this share of all the training weight (summed over the
# datasets): a harm taught by one or two datasets (sexual, self_harm, threat, spam) would otherwise weigh
# 2.0-3.5 against 12-13.5 and its head would score new wordings far below 0.5 (docs/screening.md, "Round 8").
POSITIVE_SHARE = 0.5
MIN_BENIGN_ROWS = 50  # a group (or, checked on its own, a dataset) with fewer benign rows sets no limit
# The least allowance of a budget at standard, in rows, counted over a language group's POOLED benign rows
# (round 11). A budget of 0.1-0.3% of one dataset's ~400 rows is under one row, so the threshold was the
# single highest benign score and moved by tenths per retrain (round 9). Round 10 allowed one row per
# DATASET: a group of seven datasets could hold seven benign rows beyond its budget, 2-4% of the small ones
# (TOXIGEN, `id_blob`), and the weak heads' thresholds fell onto Dewan's benign lookalikes. Now a group's
# allowance is its datasets' budgets summed over its benign rows (``max(sum of budget x rows, 1)``), and a
# dataset is also checked on its own only where its own budget comes to a whole row (docs/screening.md,
# "Round 11"). Relaxed allows half, strict twice, as with the budgets themselves.
MIN_ALLOWED_ROWS = 1.0
STRICTNESS_FACTOR = {"relaxed": 0.5, "standard": 1.0, "strict": 2.0}
# Each dataset's total training weight (a dataset weighs the same whatever its size), split half and
# half between rows with and without a harm where it has both.
DATASET_WEIGHT = {
    "en_davidson": 1.0,
    "ms_toxic_mt": 3.0,
    "ms_benign_questions_mt": 1.0,
    "en_toxigen": 1.5,
    "en_sms_spam": 1.0,
    "id_blob": 1.0,
    "dewan": 4.0,
    "handwritten": 3.0,
}
Row = tuple[str, frozenset[str]]  # text, the heads it is positive for (empty: benign)


def split_of(text: str) -> str:
    """'test', 'val' or 'train', fixed by the SHA-1 of the text (documented in docs/screening.md)."""
    bucket = int(hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:8], 16) % 10
    if bucket in TEST_BUCKETS:
        return "test"
    if bucket in VAL_BUCKETS:
        return "val"
    return "train"


def _toxigen(root: Path) -> list[Row]:
    rows: dict[str, frozenset[str]] = {}
    folder = root / "en_toxigen"
    files = sorted((folder / "prompts").glob("*.txt")) + sorted((folder / "demonstrations").glob("*/*.txt"))
    for path in files:
        heads = frozenset({"hate"}) if path.name.startswith("hate_") else frozenset()
        for line in path.read_text(encoding="utf-8").splitlines():
            for part in line.split("\\n"):
                text = part.strip().lstrip("-").strip()
                if len(text) > 3:
                    rows.setdefault(text, heads)
    return list(rows.items())


def _sms(root: Path) -> list[Row]:
    rows = []
    for line in (root / "en_sms_spam" / "SMSSpamCollection").read_text(encoding="utf-8").splitlines():
        label, _tab, text = line.partition("\t")
        if label in ("spam", "ham") and text.strip():
            rows.append((text.strip(), frozenset({"spam"}) if label == "spam" else frozenset()))
    return rows


def _id_blob(root: Path) -> list[Row]:
    rows = []
    for folder, heads in (("negative_impact", frozenset({"abuse"})), ("normal", frozenset())):
        for path in sorted((root / "id_blob" / folder).glob("*.txt")):
            rows += [(t.strip(), heads) for t in path.read_text(encoding="utf-8").splitlines() if t.strip()]
    return rows


_DEWAN_HEADS = {
    "profanity": {"abuse"},
    "insult": {"abuse"},
    "harassment": {"abuse", "threat"},
    "hate": {"hate"},
    "sexual": {"sexual"},
    "threat": {"threat"},
    "self_harm": {"self_harm"},
    "spam": {"spam"},
}


def load_heads(name: str, root: Path = DATASETS) -> list[Row]:
    """(text, heads) rows of one dataset in file order, empty texts dropped."""
    if name == "en_davidson":
        with open(root / name / "labeled_data.csv", newline="", encoding="utf-8") as fh:
            table = {"0": frozenset({"abuse", "hate"}), "1": frozenset({"abuse"}), "2": frozenset()}
            return [(row["tweet"], table[row["class"]]) for row in csv.DictReader(fh)]
    if name == "ms_toxic_mt":
        data = json.loads((root / name / "toxic2.json").read_text(encoding="utf-8"))
        rows = []
        for text, (toxic, severe, obscene, threat, insult, identity) in data:
            if text and text.strip():
                heads = {"abuse"} if (toxic or severe or obscene or insult) else set()
                heads |= {"threat"} if threat else set()
                heads |= {"hate"} if identity else set()
                rows.append((text, frozenset(heads)))
        return rows
    if name == "ms_benign_questions_mt":
        data = json.loads((root / name / "negative_0.json").read_text(encoding="utf-8"))
        return [(text, frozenset()) for text in data if text and text.strip()]
    if name == "en_toxigen":
        return _toxigen(root)
    if name == "en_sms_spam":
        return _sms(root)
    if name == "id_blob":
        return _id_blob(root)
    if name == "dewan":
        return [(r["text"], frozenset(_DEWAN_HEADS.get(r["category"], ()))) for r in dewan_set.load()]
    raise ValueError(name)


def load_dataset(name: str, root: Path = DATASETS) -> list[tuple[str, int]]:
    """(text, 1 if harmful else 0) rows of one dataset (Dewan's set: 1 if its label is hold)."""
    if name == "dewan":
        return [(r["text"], 1 if r["label"] == "hold" else 0) for r in dewan_set.load()]
    return [(t, 1 if heads else 0) for t, heads in load_heads(name, root)]


def dataset_split(name: str, text: str) -> str:
    """The split of one row: Dewan's set by its template's hash, every other set by the text's."""
    if name == "dewan":
        return _dewan_split_table()[text]
    return split_of(text)


@cache
def _dewan_split_table() -> dict[str, str]:
    return {r["text"]: r["split"] for r in dewan_set.load()}


@cache
def dewan_template_of() -> dict[str, int]:
    """Each line of Dewan's set -> the index of the template it was expanded from (``dewan_set.parse`` order;
    a line two templates expand to belongs to the first, as in ``dewan_set.expand``)."""
    slots, rows = dewan_set.parse()
    table: dict[str, int] = {}
    for k, row in enumerate(rows):
        for line in dewan_set.expand(slots, [row]):
            table.setdefault(line["text"], k)
    return table


def load_handwritten(path: Path = HANDWRITTEN) -> list[tuple[str, int]]:
    """The project's own Malay and Manglish training lines: (text, 1 if toxic else 0). Always training
    data (never split): the labelled examples in tests/screening are the held-out file, so an exact
    overlap with them is refused."""
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        label, text = raw.split("\t", 1)
        rows.append((text.strip(), int(label)))
    if LABELLED_EXAMPLES.exists():
        held_out = {
            json.loads(line)["text"].strip().casefold()
            for line in LABELLED_EXAMPLES.read_text(encoding="utf-8").splitlines()
            if line.strip()
        }
        overlap = [t for t, _ in rows if t.casefold() in held_out]
        if overlap:
            raise ValueError(f"handwritten.tsv repeats labelled examples: {overlap[:3]}")
    return rows


def canonical(text: str) -> str:
    return normalise(text).canonical


def matrix(texts: list[str], buckets: int):
    from scipy.sparse import csr_matrix

    f = model.extract([canonical(t) for t in texts], buckets)
    return csr_matrix((f.value, (f.doc, f.bucket)), shape=(len(texts), buckets), dtype=np.float64)


def _weights(rows: list[Row], head: str, total: float) -> list[float]:
    pos = sum(1 for _, h in rows if head in h)
    neg = len(rows) - pos
    if pos == 0 or neg == 0:
        return [total * 10_000 / len(rows)] * len(rows)
    return [total * 0.5 * 10_000 / (pos if head in h else neg) for _, h in rows]


def _balanced(y: np.ndarray, w: np.ndarray, share: float) -> np.ndarray:
    """The weights ``w`` with the positive rows (``y == 1``) scaled up so they weigh at least ``share`` of the
    total; never scaled down (a head whose harm is already common keeps its weights)."""
    pos, neg = float(w[y == 1].sum()), float(w[y == 0].sum())
    if pos == 0 or neg == 0 or pos / (pos + neg) >= share:
        return w
    return np.where(y == 1, w * (share / (1 - share)) * neg / pos, w)


def main(argv: list[str] | None = None) -> int:
    import os

    import django
    from sklearn.linear_model import LogisticRegression

    # calibrate() screens the validation rows, whose reason texts are gettext messages.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")
    django.setup()

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", type=Path, default=DATASETS)
    parser.add_argument("--out", type=Path, default=model.DATA_DIR)
    parser.add_argument("--buckets", type=int, default=model.DEFAULT_BUCKETS)
    parser.add_argument("--C", type=float, default=2.0)
    parser.add_argument(
        "--positive-share",
        type=float,
        default=POSITIVE_SHARE,
        help="least share of a head's training weight on rows with its harm (0 keeps the dataset weights)",
    )
    parser.add_argument(
        "--calibrate-only", action="store_true", help="keep the stored weights, choose the thresholds again"
    )
    args = parser.parse_args(argv)
    model.DATA_DIR = args.out  # calibrate() scores with the model just written, wherever it goes
    model._model = None
    started = time.time()
    train: dict[str, list[Row]] = {}
    val: dict[str, list[Row]] = {}
    for name in DATASET_NAMES:
        rows = load_heads(name, args.datasets)
        train[name] = [r for r in rows if dataset_split(name, r[0]) == "train"]
        val[name] = [r for r in rows if dataset_split(name, r[0]) == "val"]
        print(f"{name}: {len(train[name])} train, {len(val[name])} val", file=sys.stderr)
    train["handwritten"] = [(t, frozenset({"abuse"}) if y else frozenset()) for t, y in load_handwritten()]
    if args.calibrate_only:
        with np.load(args.out / "weights.npz", allow_pickle=False) as data:
            stored = data["weights"]
        bias = np.array(json.loads((args.out / "model.json").read_text(encoding="utf-8"))["bias"], np.float32)
        return _finish(args, stored, bias, val, train, started)
    texts = [t for rows in train.values() for t, _ in rows]
    x = matrix(texts, args.buckets)
    weights = np.zeros((args.buckets, len(HEADS)), dtype=np.float32)
    bias = np.zeros(len(HEADS), dtype=np.float32)
    for k, head in enumerate(HEADS):
        y: list[int] = []
        w: list[float] = []
        for name, rows in train.items():
            y += [1 if head in h else 0 for _, h in rows]
            w += _weights(rows, head, DATASET_WEIGHT[name])
        w = _balanced(np.array(y), np.array(w), args.positive_share)
        clf = LogisticRegression(C=args.C, solver="liblinear", max_iter=200, random_state=0)
        clf.fit(x, np.array(y), sample_weight=np.array(w))
        weights[:, k] = clf.coef_[0]
        bias[k] = clf.intercept_[0]
        print(f"head {head}: {sum(y)} positive training rows ({time.time() - started:.0f}s)", file=sys.stderr)
    stored = weights.astype(np.float16)
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "weights.npz", weights=stored)
    return _finish(args, stored, bias, val, train, started)


def _finish(args, stored: np.ndarray, bias: np.ndarray, val, train, started: float) -> int:
    """Choose the thresholds on validation with the stored weights, then write model.json."""
    # Until calibrated, the model holds nothing (threshold 1.0), so calibrate() sees the rules alone.
    untuned = {s: {h: {"en": 1.0, "ms": 1.0} for h in HEADS} for s in STRICTNESS_FACTOR}
    meta = {"version": "heads-untuned", "heads": list(HEADS), "bias": [float(b) for b in bias],
            "buckets": args.buckets, "thresholds": untuned}  # fmt: skip
    (args.out / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    model._model = None  # reload with the new weights
    meta["thresholds"] = calibrate(val)
    meta["trained_on"] = dict.fromkeys(DATASET_NAMES, "hash buckets 3-9 of the SHA-1 of the text")
    meta["trained_on"]["dewan"] = "templates whose SHA-1 falls in buckets 3-9 (dewan_set.py)"
    meta["trained_on"]["handwritten.tsv"] = f"all {len(train['handwritten'])} lines"
    meta["budgets"] = BUDGETS
    # The version covers the thresholds too: they change decisions as much as the weights do.
    digest = hashlib.sha256(stored.tobytes() + bias.tobytes())
    digest.update(json.dumps(meta["thresholds"], sort_keys=True).encode())
    meta["version"] = version = "heads-" + digest.hexdigest()[:12]
    (args.out / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    model._model = None
    print(f"model {version} ({time.time() - started:.0f}s)", file=sys.stderr)
    print(json.dumps(meta["thresholds"]["standard"]), file=sys.stderr)
    return 0


def dataset_policy(strictness: str = "standard"):
    """The policy under which the datasets are judged: their labels say only whether a comment is
    harmful, so links and personal data (policy decisions, tested on their own) do not count as holds."""
    from webinar.screening.pipeline import Policy

    return Policy(strictness=strictness, link_policy="allow", category_actions={"personal_data": "publish"})


def _rule_held(verdict) -> bool:
    """Whether the rules alone (not the model, not links or personal data) hold a verdict's comment."""
    return any(
        not r.code.startswith("model.") and r.category not in ("personal_data", "link")
        for r in verdict.reasons
    )


def _eligible(verdict, head: str) -> float:
    """A head's score where the pipeline lets it decide, else 0: every reading that keeps a head quiet
    (``Verdict.quiet``: counter-speech, a mention, support, self-harm alone, a third person's self-harm, a
    service's notice or a thing reported). Until round 13 only counter-speech was seen here, so benign
    validation rows the readings publish whatever the head scores (an organiser's address for a certificate,
    a crowd reporting a scam page) still spent the threat and abuse budgets and raised their thresholds."""
    return 0.0 if head in verdict.quiet else verdict.heads[head]


Scored = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
RULES = ("pooled", "per_dataset_floor", "per_dataset")  # see choose_thresholds


@cache
def davidson_hate_disputed(root: Path = DATASETS) -> frozenset[str]:
    """The Davidson tweets labelled "neither" that at least one of their raters called hate speech
    (``hate_speech`` votes >= 1 in labeled_data.csv: 252 of 4,163). Label noise for the hate head: the
    majority said "neither", yet most name a race or gender ("white people selling #African art", "country
    boy, hick lyfe, white tee, rebel flag"), so they are neither clean benign nor hate, and the hate head's
    budget does not count them (every other head's does; training is unchanged)."""
    with open(root / "en_davidson" / "labeled_data.csv", newline="", encoding="utf-8") as fh:
        return frozenset(
            r["tweet"] for r in csv.DictReader(fh) if r["class"] == "2" and int(r["hate_speech"]) >= 1
        )


def validation_scores(val: dict[str, list[Row]]) -> dict[str, Scored]:
    """Per dataset, its validation rows screened at the standard dataset policy, as four row-aligned arrays:
    rule_held (bool: the rules alone hold it), heads (float, rows x len(HEADS): each head's eligible score,
    0-1), group ("en" / "ms", ``pipeline._THRESHOLD_GROUP``) and benign (bool, rows x len(HEADS): the row
    counts as benign in that head's budget: no harm label, and for the hate head not a Davidson row a rater
    called hate, ``davidson_hate_disputed``)."""
    from webinar.screening.pipeline import _THRESHOLD_GROUP, screen_many

    sets = {}
    hate = HEADS.index("hate")
    for name, rows in val.items():
        verdicts = screen_many([t for t, _ in rows], policy=dataset_policy())
        rule_held = np.array([_rule_held(v) for v in verdicts])
        heads = np.array([[_eligible(v, h) for h in HEADS] for v in verdicts]).reshape(len(rows), len(HEADS))
        group = np.array([_THRESHOLD_GROUP[v.language] for v in verdicts])
        benign = np.repeat(np.array([not h for _, h in rows]).reshape(-1, 1), len(HEADS), axis=1)
        if name == "en_davidson":
            benign[:, hate] &= np.array([t not in davidson_hate_disputed() for t, _ in rows], dtype=bool)
        sets[name] = (rule_held, heads, group, benign)
    return sets


def _exceeds(scores: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """For each threshold of ``grid``, how many of ``scores`` are at or above it."""
    return len(scores) - np.searchsorted(np.sort(scores), grid, side="left")


def _templates_held(scores: np.ndarray, template: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """For each threshold of ``grid``, how many templates have half or more of their lines (``scores``, each
    row's template in ``template``) at or above it: a template is held from its median line's score."""
    medians = [np.median(scores[template == t]) for t in np.unique(template)]
    return _exceeds(np.array(medians, dtype=np.float64), grid)


def choose_thresholds(
    sets: dict[str, Scored],
    min_allowed: float = MIN_ALLOWED_ROWS,
    rule: str = "pooled",
    templates: dict[str, np.ndarray] | None = None,
) -> dict[str, dict[str, dict[str, float]]]:
    """Per strictness, head and language group, the lowest threshold (>= 0.5, so the model never holds on its
    doubts) at which the head holds, beyond what the rules already hold, no more benign validation rows of
    that group than it is allowed (relaxed: half of each allowance, strict: twice). The lowest threshold
    catches the most. Rules (``rule``):

    - ``pooled`` (round 11, in use): the group's benign rows of every dataset together may be held at most
      ``max(sum over datasets of budget x rows, min_allowed)`` times; a dataset whose own allowance
      (budget x its rows) is at least one row is also checked on its own (with that allowance); a group with
      fewer than ``MIN_BENIGN_ROWS`` pooled rows, or a dataset with fewer on its own, sets no limit. And
      where ``templates`` gives a dataset's rows their template (Dewan's set: ``dewan_template_of``), no
      benign template of the group may have half or more of its lines held (the lookalike guard: a template
      is one kind of benign comment written ten ways, so the pool must not spend its rows on a whole kind,
      and one odd variant of it does not set the threshold alone).
    - ``per_dataset_floor`` (round 10): every dataset with ``MIN_BENIGN_ROWS`` rows in the group on its own,
      ``max(budget x rows, min_allowed)`` rows.
    - ``per_dataset`` (rounds 5-9): the same with no floor (``min_allowed`` ignored): a budget under one row
      makes the threshold the single highest benign score.

    ``benign`` in a Scored set is per row, or per row and head (``validation_scores``)."""
    if rule not in RULES:
        raise ValueError(rule)
    grid = np.round(np.arange(0.50, 0.995, 0.01), 3)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for strictness, factor in STRICTNESS_FACTOR.items():
        out[strictness] = {}
        for k, head in enumerate(HEADS):
            out[strictness][head] = {}
            for g in ("en", "ms"):
                ok = np.ones(len(grid), dtype=bool)
                pooled, pooled_rows, pooled_allowed = [], 0, 0.0
                for name, (rule_held, scores, group, benign) in sets.items():
                    ben = benign if benign.ndim == 1 else benign[:, k]
                    in_group = ben & (group == g)
                    n = int(in_group.sum())
                    budget = BUDGETS[head].get(name, BUDGETS[head]["default"]) * factor
                    beyond = scores[in_group & ~rule_held, k]  # rows the rules hold are not held beyond them
                    pooled.append(beyond)
                    pooled_rows += n
                    pooled_allowed += budget * n
                    if n < MIN_BENIGN_ROWS:
                        continue  # too few rows to judge a budget on
                    if rule == "pooled" and templates is not None and name in templates:
                        ok &= _templates_held(beyond, templates[name][in_group & ~rule_held], grid) == 0
                    if rule == "pooled" and budget * n < factor:
                        continue  # under a whole row: judged in the pool only
                    floor = min_allowed * factor if rule == "per_dataset_floor" else 0.0
                    ok &= _exceeds(beyond, grid) <= max(budget * n, floor) + 1e-9
                if rule == "pooled" and pooled_rows >= MIN_BENIGN_ROWS:
                    ok &= (
                        _exceeds(np.concatenate(pooled), grid)
                        <= max(pooled_allowed, min_allowed * factor) + 1e-9
                    )
                out[strictness][head][g] = float(grid[np.argmax(ok)]) if ok.any() else 0.99
    # Stricter never means a higher threshold.
    for head in HEADS:
        for g in ("en", "ms"):
            std = out["standard"][head][g]
            out["relaxed"][head][g] = max(out["relaxed"][head][g], std)
            out["strict"][head][g] = min(out["strict"][head][g], std)
    return out


def calibrate(val: dict[str, list[Row]]) -> dict[str, dict[str, dict[str, float]]]:
    """The thresholds chosen on the validation rows (``choose_thresholds`` on ``validation_scores``)."""
    return choose_thresholds(validation_scores(val), templates=validation_templates(val))


def validation_templates(val: dict[str, list[Row]]) -> dict[str, np.ndarray]:
    """Per dataset written from templates (Dewan's set), each validation row's template index."""
    table = dewan_template_of()
    return {"dewan": np.array([table[t] for t, _ in val["dewan"]])} if "dewan" in val else {}


if __name__ == "__main__":
    raise SystemExit(main())
