"""The stored model: plain arrays, small, deterministic features."""

from __future__ import annotations

import json

import numpy as np

from webinar.screening import model


def test_model_arrays_load_without_pickles_and_are_small():
    size = sum(p.stat().st_size for p in model.DATA_DIR.iterdir())
    assert size < 3 * 1024 * 1024
    with np.load(model.DATA_DIR / "weights.npz", allow_pickle=False) as data:
        assert data["weights"].dtype == np.float32
    meta = json.loads((model.DATA_DIR / "model.json").read_text())
    assert set(meta["thresholds"]) == {"relaxed", "standard", "strict"}


def test_features_are_deterministic_and_batch_independent():
    one = model.extract(["kau bodoh"])
    batch = model.extract(["hello there", "kau bodoh"])
    assert sorted(one.bucket.tolist()) == sorted(batch.bucket[batch.doc == 1].tolist())


def test_scores_are_probabilities_with_named_features():
    probs, tops = model.score(["kau bodoh sial", "terima kasih atas perkongsian"])
    assert probs[0] > probs[1]
    assert all(isinstance(name, str) and isinstance(w, float) for name, w in tops[0])


def test_thresholds_are_ordered_and_relaxed_still_uses_the_model():
    meta = json.loads((model.DATA_DIR / "model.json").read_text())
    th = meta["thresholds"]
    for group in ("en", "ms"):
        assert 0.5 <= th["strict"][group] <= th["standard"][group] < th["relaxed"][group] <= 0.95


def test_handwritten_training_lines_are_separate_from_the_labelled_examples():
    from webinar.screening.train import load_handwritten

    rows = load_handwritten()  # raises on any overlap with tests/screening/labelled_examples.jsonl
    assert len(rows) >= 300
    assert {y for _, y in rows} == {0, 1}
