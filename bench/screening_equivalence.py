"""Verdict equivalence for speed work on the screener: record every verdict, change the engine, compare.

Run from the repository root:

    python bench/screening_equivalence.py --write /tmp/verdicts-before.json   # on the code before
    python bench/screening_equivalence.py --compare /tmp/verdicts-before.json # on the code after

The corpus is every line of ``webinar/screening/data/*.jsonl``, ``tests/screening/labelled_examples.jsonl``,
every string literal of three characters or more in ``tests/screening/*.py`` (the examples the tests
use), and every ``--stride``-th row of each shared dataset (../shared/datasets: Davidson, ms_toxic_mt,
ms_benign_questions_mt, TOXIGEN, SMS spam, id_blob). Each text is screened in batches under several
policies (standard, strict with organiser terms, relaxed with links allowed and personal data published),
and one text in ``--single`` (chosen by a hash of the text) also one at a time, with the three texts
before it as the author's recent questions. A verdict is compared whole (action, categories, reasons
with spans and messages, language, fired heads, top features, counter-speech); head probabilities within
``--tolerance`` (the model sums in another order on some paths). Texts only one side has (a test added
since) are skipped. Exit status 1 and the first differences printed when anything differs; a
difference on a line of an evaluation-only file (``heldout_*``, ``functional_ms_sg``, ``video_comments``)
is counted and printed without its text or verdict, so the check never shows those lines.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def corpus(stride: int) -> list[tuple[str, str]]:
    """(source, text) pairs, in a fixed order."""
    from webinar.screening.train import DATASET_NAMES, load_heads

    out: list[tuple[str, str]] = []
    for path in sorted((ROOT / "webinar" / "screening" / "data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append((path.name, json.loads(line)["text"]))
    examples = ROOT / "tests" / "screening" / "labelled_examples.jsonl"
    for line in examples.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append((examples.name, json.loads(line)["text"]))
    for path in sorted((ROOT / "tests" / "screening").glob("test_*.py")):
        seen: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and len(text) >= 3 and text not in seen:
                seen.add(text)
                out.append((path.name, text))
    for name in DATASET_NAMES:
        if name == "dewan":
            continue  # dewan_comments.jsonl is read above
        rows = load_heads(name)
        out.extend((name, text) for text, _heads in rows[::stride])
    return out


def policies():
    from webinar.screening import Policy
    from webinar.screening.train import dataset_policy

    return {
        "standard": Policy(),
        "strict_terms": Policy(
            strictness="strict",
            blocked_terms=("webinar", "zoom link", "b0doh"),
            allowed_terms=("bodoh", "damn", "kill all"),
            link_policy="block",
        ),
        "relaxed_dataset": dataset_policy("relaxed"),
    }


def record(stride: int, single: int) -> dict:
    from webinar.screening import Context, screen, screen_many

    texts = corpus(stride)
    out: dict = {"texts": len(texts), "verdicts": {}}
    plain = [t for _s, t in texts]
    for name, policy in policies().items():
        verdicts = []
        for i in range(0, len(plain), 256):
            verdicts += [v.as_dict() for v in screen_many(plain[i : i + 256], policy=policy)]
        out["verdicts"][name] = verdicts
    # One at a time, with the author's recent questions (near-duplicates and floods) and first-question
    # holds: the path a live question takes.
    # Chosen by a hash of the text, so a line added elsewhere (a new test) leaves the others as they were.
    step = max(1, single)
    # The author's context and the policy come from the same hash (not from the text's rank among those
    # chosen), so a text added elsewhere changes only the recent questions of the three texts after it.
    hashes = [int(hashlib.sha1(t.encode(), usedforsecurity=False).hexdigest()[:8], 16) for t in plain]
    chosen = [i for i, h in enumerate(hashes) if h % step == 0]
    ones = []
    keys = []
    for i in chosen:
        recent = tuple(plain[max(0, i - 3) : i])
        first = (hashes[i] // step) % 2 == 0
        name = "standard" if (hashes[i] // (2 * step)) % 3 else "strict_terms"
        context = Context(is_first_question=first, recent_texts=recent)
        ones.append(screen(plain[i], policy=policies()[name], context=context).as_dict())
        keys.append(json.dumps([plain[i], recent, first, name]))
    out["verdicts"]["single_with_context"] = ones
    out["keys"] = dict.fromkeys(out["verdicts"], plain)
    out["keys"]["single_with_context"] = keys
    out["sources"] = [s for s, _t in texts]
    return out


# Files kept from whoever works on the screener (docs/screening.md): screened here like every other line,
# but a difference on one of their lines is reported without its text or verdict.
EVALUATION_ONLY = ("heldout_", "functional_ms_sg", "video_comments")


def withheld_texts(record: dict) -> set[str]:
    """The texts of ``record`` (a ``record`` result) that come from an evaluation-only file."""
    texts = record["keys"]["standard"]
    return {t for s, t in zip(record["sources"], texts, strict=True) if s.startswith(EVALUATION_ONLY)}


def differences(
    before: dict, after: dict, tolerance: float, withheld: frozenset[str] = frozenset()
) -> list[str]:
    """Differences between the verdicts of the same (policy, text) or (text, context) on both sides; a
    text only one side has (a test added since) is skipped, and counted in ``compared``. A difference
    involving a text of ``withheld`` (as the text or as a recent question) is reported without texts."""
    out: list[str] = []
    for name, old_list in before["verdicts"].items():
        old = dict(zip(before["keys"][name], old_list, strict=True))
        new = dict(zip(after["keys"].get(name, []), after["verdicts"].get(name, []), strict=True))
        common = [key for key in old if key in new]
        if len(common) < 0.9 * len(old):
            out.append(f"{name}: only {len(common)} of {len(old)} texts on both sides")
        for key in common:
            a, b = dict(old[key]), dict(new[key])
            ha, hb = a.pop("heads"), b.pop("heads")
            sa, sb = a.pop("score"), b.pop("score")
            ta, tb = a.pop("top_features"), b.pop("top_features")
            close = ha.keys() == hb.keys() and all(abs(ha[k] - hb[k]) <= tolerance for k in ha)
            close = close and abs(sa - sb) <= tolerance
            close = close and [n for n, _w in ta] == [n for n, _w in tb]
            close = close and all(abs(x - y) <= tolerance for (_n, x), (_m, y) in zip(ta, tb, strict=True))
            if (a != b or not close) and _involves(key, name, withheld):
                out.append(f"{name}: a line of an evaluation-only file (text and verdict withheld)")
            elif a != b or not close:
                out.append(f"{name} {key[:80]!r}:\n  before {a} {ha}\n  after  {b} {hb}")
    return out


def _involves(key: str, name: str, withheld: frozenset[str]) -> bool:
    if name != "single_with_context":
        return key in withheld
    text, recent, _first, _policy = json.loads(key)
    return text in withheld or any(t in withheld for t in recent)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="record the verdicts to this JSON file")
    group.add_argument("--compare", type=Path, help="compare against verdicts recorded with --write")
    parser.add_argument("--stride", type=int, default=4, help="every n-th row of each shared dataset")
    parser.add_argument("--single", type=int, default=7, help="one comment in this many also screened alone")
    parser.add_argument("--tolerance", type=float, default=2e-4, help="for head probabilities")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webinar.settings")
    import django

    django.setup()
    started = time.thread_time()
    now = record(args.stride, args.single)
    summary = {
        "texts": now["texts"],
        "verdicts": sum(len(v) for v in now["verdicts"].values()),
        "cpu_seconds": round(time.thread_time() - started, 1),
    }
    if args.write:
        args.write.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        summary["written"] = str(args.write)
        print(json.dumps(summary))
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    diffs = differences(before, now, args.tolerance, frozenset(withheld_texts(now)))
    for d in diffs[:20]:
        print(d)
    summary["differences"] = len(diffs)
    print(json.dumps(summary))
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())
