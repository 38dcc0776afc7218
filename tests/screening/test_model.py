"""The stored model: plain arrays, small, deterministic features."""

from __future__ import annotations

import json
import random

import numpy as np

from webinar.screening import model


def test_model_arrays_load_without_pickles_and_are_small():
    size = sum(p.stat().st_size for p in model.DATA_DIR.iterdir())
    assert size < 5 * 1024 * 1024
    meta = json.loads((model.DATA_DIR / "model.json").read_text())
    with np.load(model.DATA_DIR / "weights.npz", allow_pickle=False) as data:
        assert data["weights"].dtype == np.float16
        assert data["weights"].shape == (meta["buckets"], len(model.HEADS))
    assert set(meta["thresholds"]) == {"relaxed", "standard", "strict"}
    assert tuple(meta["heads"]) == model.HEADS


def test_features_are_deterministic_and_batch_independent():
    one = model.extract(["kau bodoh"])
    batch = model.extract(["hello there", "kau bodoh"])
    assert sorted(one.bucket.tolist()) == sorted(batch.bucket[batch.doc == 1].tolist())


def test_each_head_scores_its_own_harm_highest():
    texts = {
        "abuse": "kau bodoh sial",
        "spam": "WINNER!! claim your free prize now, text WIN to 80086",
        "hate": "muslims are all terrorists and should be deported",
    }
    probs, tops = model.score([*list(texts.values()), "terima kasih atas perkongsian"])
    heads = model.load().heads
    for row, head in enumerate(texts):
        k = heads.index(head)
        assert probs[row, k] > probs[3, k], head
    assert all(isinstance(name, str) and isinstance(w, float) for name, w in tops[0])


def test_thresholds_are_ordered_per_head_and_group():
    meta = json.loads((model.DATA_DIR / "model.json").read_text())
    th = meta["thresholds"]
    for head in model.HEADS:
        for group in ("en", "ms"):
            assert (
                0.5 <= th["strict"][head][group] <= th["standard"][head][group] <= th["relaxed"][head][group]
            )


def test_handwritten_training_lines_are_separate_from_the_labelled_examples():
    from webinar.screening.train import load_handwritten

    rows = load_handwritten()  # raises on any overlap with tests/screening/labelled_examples.jsonl
    assert len(rows) >= 300
    assert {y for _, y in rows} == {0, 1}


def _labelled_canonical_texts() -> list[str]:
    from pathlib import Path

    from webinar.screening import dewan_set
    from webinar.screening.normalise import normalise

    examples = Path(__file__).parent / "labelled_examples.jsonl"
    texts = [json.loads(line)["text"] for line in examples.read_text(encoding="utf-8").splitlines() if line]
    # A fixed sample: the set grows every round (a third of it was 6,000+ lines after round 9).
    texts += random.Random(3).sample([r["text"] for r in dewan_set.load()], 3000)
    # Edge cases of the rolling hash: empty, one letter, short words at either end, odd spacing, a
    # character outside the Basic Multilingual Plane.
    edges = ["", "a", "a b c", "  x  y ", "hi\tthere  you ", "ab", "ok \U0001f600 lah"]
    return [normalise(t).canonical for t in texts] + edges


def test_one_text_hashes_exactly_the_training_features():
    """``score`` hashes one comment on its own (words, bigrams, then a rolling hash of its character
    n-grams): the same buckets, in the same blocks, as ``extract`` gives that text in a batch."""
    texts = _labelled_canonical_texts()
    buckets = model.load().buckets
    f = model.extract(texts, buckets)
    # Each text's features in the batch's own order, found once (a mask per text was quadratic: 140 s).
    order = np.argsort(f.doc, kind="stable")
    ends = np.searchsorted(f.doc[order], np.arange(len(texts) + 1))
    for d, text in enumerate(texts):
        mine = order[ends[d] : ends[d + 1]]
        kind, bucket = f.kind[mine], f.bucket[mine]
        where, n_word = model.text_buckets(text, buckets)
        assert n_word == int((kind <= 1).sum()), text
        assert where[:n_word].tolist() == bucket[kind <= 1].tolist(), text
        assert sorted(where[n_word:].tolist()) == sorted(bucket[kind >= 2].tolist()), text


def test_runtime_scores_match_the_feature_scores_one_at_a_time_and_in_batches():
    texts = _labelled_canonical_texts()
    reference, ref_tops = model.score_features(texts)
    step = model.BATCH_VIA_NUMPY - 1  # small batches are scored text by text, larger ones by numpy
    parts = [model.score(texts[i : i + step]) for i in range(0, len(texts), step)]
    batch = np.vstack([p for p, _t in parts])
    tops = [t for _p, ts in parts for t in ts]
    single = np.vstack([model.score([t])[0] for t in texts])
    assert np.abs(batch - reference).max() < 1e-6
    assert np.abs(single - reference).max() < 1e-6
    assert tops == ref_tops


def test_batch_scorer_gives_the_feature_scores_to_the_last_bit():
    """``score_batch`` (what a batch of 32 comments or more is scored with) sums the same rows in the same
    order as ``score_features``: identical probabilities and named features, in batches of any make-up
    (empty texts, one-letter texts shorter than a character n-gram, a batch of one)."""
    texts = _labelled_canonical_texts()
    for batch in (texts, [*texts[:40], "", "a"], ["", ""], ["a"], ["ok \U0001f600 lah", "x y"]):
        reference, ref_tops = model.score_features(batch)
        probs, tops = model.score_batch(batch)
        assert np.array_equal(probs, reference)
        assert tops == ref_tops
