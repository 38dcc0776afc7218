"""The stored model: plain arrays, small, deterministic features."""

from __future__ import annotations

import json

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
