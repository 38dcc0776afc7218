"""The second screening stage's plan and scorer (webinar/screening/second_stage.py; docs/screening.md,
"Second stage"). How a question waits for it over the socket: tests/live/test_checking.py."""

from __future__ import annotations

import json

import pytest

from webinar.screening import model, second_stage


def test_the_shipped_plan_was_chosen_for_the_shipped_first_stage():
    plan = second_stage.plan_load()
    assert plan.first_stage_version == model.load().version, (
        "the first stage was retrained: choose the second stage's bands again with "
        "`python -m webinar.screening.second_stage_train` (docs/screening.md, Second stage)"
    )


def test_every_band_lies_below_the_first_stage_threshold_and_holds_at_no_less_than_one_half():
    plan = second_stage.plan_load()
    first = model.load().thresholds["standard"]
    assert plan.heads and set(plan.heads) <= set(model.HEADS)
    for name, head in plan.heads.items():
        assert len(head.coef) == 384
        for group, band in head.bands.items():
            assert 0.0 <= band.floor < first[name][group]
            assert 0.5 <= band.threshold <= 0.99


PLAN = second_stage.Plan(
    "second-test",
    "heads-test",
    {"self_harm": second_stage.Head((0.0,) * 384, 0.0, {"en": second_stage.Band(0.1, 0.9)})},
)
THRESHOLDS = {"self_harm": {"en": 0.8, "ms": 0.5}}


@pytest.mark.parametrize(
    ("verdict", "reaches"),
    [
        ({"action": "publish", "language": "en", "heads": {"self_harm": 0.3}}, ("self_harm",)),
        ({"action": "publish", "language": "unknown", "heads": {"self_harm": 0.1}}, ("self_harm",)),
        ({"action": "publish", "language": "en", "heads": {"self_harm": 0.09}}, ()),  # below the floor
        ({"action": "publish", "language": "en", "heads": {"self_harm": 0.8}}, ()),  # the first stage's own
        ({"action": "publish", "language": "ms", "heads": {"self_harm": 0.3}}, ()),  # no Malay band here
        ({"action": "hold", "language": "en", "heads": {"self_harm": 0.3}}, ()),  # already held
        ({"action": "publish", "shadow_action": "hold", "language": "en", "heads": {"self_harm": 0.3}}, ()),
        ({"action": "publish", "language": "en", "heads": {}}, ()),  # a verdict without the model's scores
    ],
)
def test_only_a_published_verdict_inside_a_band_reaches_the_second_stage(verdict, reaches):
    assert second_stage.second_stage_reaches(verdict, THRESHOLDS, PLAN) == reaches


def test_the_real_model_scores_a_comment_with_the_shipped_plan():
    plan = second_stage.plan_load()
    heads = tuple(plan.heads)
    found = second_stage.second_stage_score(
        "I keep thinking there is no point living anymore", "en", heads, plan
    )
    assert found["version"] == plan.version and set(found["heads"]) == set(heads)
    for name, p in found["heads"].items():
        assert 0.0 <= p <= 1.0
        assert (name in found["fired"]) == (p >= plan.heads[name].bands["en"].threshold - 5e-5)
    assert second_stage._embedder() is second_stage._embedder()  # one engine per process


def test_a_missing_or_broken_plan_and_a_head_that_does_not_fit_are_failures(tmp_path):
    with pytest.raises(second_stage.SecondStageUnavailable):
        second_stage.plan_load(tmp_path / "absent.json")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"version": "x", "heads": {}}), encoding="utf-8")  # no first_stage_version
    with pytest.raises(second_stage.SecondStageUnavailable):
        second_stage.plan_load(broken)
    narrow = second_stage.Plan(
        "x", "y", {"self_harm": second_stage.Head((0.0,) * 3, 0.0, PLAN.heads["self_harm"].bands)}
    )
    with pytest.raises(second_stage.SecondStageUnavailable, match="384 dimensions"):
        second_stage.second_stage_score("hello", "en", ("self_harm",), narrow)


def test_cross_validation_keeps_every_template_of_dewans_set_in_one_fold():
    from webinar.screening import second_stage_train as sst

    templates = {f"line {k} of A": "template A" for k in range(6)} | {
        f"line {k} of B": "template B" for k in range(6)
    }
    train = {
        "dewan": [(t, frozenset()) for t in templates],
        "en_davidson": [(f"tweet {k}", frozenset()) for k in range(60)],
    }
    folds = sst.train_folds(train, templates)
    assert len(folds) == 72 and set(folds.tolist()) <= set(range(sst.CV_FOLDS))
    assert len(set(folds[:6].tolist())) == 1 and len(set(folds[6:12].tolist())) == 1
    assert len(set(folds[12:].tolist())) == sst.CV_FOLDS  # other rows spread by their own text


def test_cross_validation_chooses_the_c_with_the_least_held_out_loss_and_regularises_noise_hardest():
    import numpy as np

    from webinar.screening import second_stage_train as sst

    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 30))
    folds = np.arange(300) % sst.CV_FOLDS
    weights = np.ones(300)
    noise = rng.integers(0, 2, size=300)  # labels that the features do not predict
    chosen, losses = sst.c_by_cv(x, noise, weights, folds)
    assert losses[str(chosen)] == min(losses.values())
    assert chosen == min(sst.C_GRID)  # on noise, the most regularised head generalises best
    signal = (x[:, 0] + 0.1 * rng.normal(size=300) > 0).astype(int)  # one feature decides
    chosen, losses = sst.c_by_cv(x, signal, weights, folds)
    assert losses[str(chosen)] == min(losses.values()) and chosen > min(sst.C_GRID)
