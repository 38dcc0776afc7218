"""How a head's threshold is chosen on validation rows (train.choose_thresholds): stable across retrains.

Round 9 found that a budget of 0.1-0.3% of about 400 benign rows is under one row, so the threshold was the
single highest benign score plus 0.01 and moved by tenths whenever a retrain moved that one row. Round 10:
a budget is never less than one row at standard (half at relaxed, two at strict), per dataset. Round 11: that
row is counted over a language group's pooled rows (seven datasets no longer buy seven rows), a dataset is
checked alone only where its budget is a whole row, no benign template of Dewan's set may be held from its
median line, and Davidson "neither" tweets a rater called hate do not count in the hate head's budget.
"""

from __future__ import annotations

import numpy as np
import pytest

from webinar.screening import train
from webinar.screening.model import HEADS
from webinar.screening.train import BUDGETS, Scored, choose_thresholds

THREAT = HEADS.index("threat")
HATE = HEADS.index("hate")


def benign_rows(threat_scores: list[float], rule_held: list[bool] | None = None) -> Scored:
    """English benign validation rows whose threat head scores ``threat_scores`` (every other head 0)."""
    n = len(threat_scores)
    heads = np.zeros((n, len(HEADS)))
    heads[:, THREAT] = threat_scores
    held = np.array(rule_held if rule_held is not None else [False] * n)
    return held, heads, np.array(["en"] * n), np.ones(n, dtype=bool)


def threat_en(scores: list[float], strictness: str = "standard", **rule) -> float:
    return choose_thresholds({"dewan": benign_rows(scores)}, **rule)[strictness]["threat"]["en"]


def test_a_budget_under_one_row_allows_one_row_so_one_outlier_does_not_set_the_threshold():
    scores = [0.3] * 398 + [0.705, 0.955]  # 400 rows: the budget (0.2%) is 0.8 of a row
    assert BUDGETS["threat"]["default"] * 400 < 1
    assert threat_en(scores) == 0.71  # the second highest row sets it
    assert threat_en(scores, min_allowed=0.0) == 0.96  # rounds 5-9: the highest row alone


def test_a_retrain_that_moves_the_highest_benign_row_leaves_the_threshold_where_it_was():
    before = [0.3] * 398 + [0.705, 0.955]
    after = [0.3] * 398 + [0.705, 0.815]
    assert threat_en(before) == threat_en(after) == 0.71
    assert threat_en(before, min_allowed=0.0) - threat_en(after, min_allowed=0.0) > 0.1


def test_a_budget_of_several_rows_still_allows_only_that_many():
    scores = [0.3] * 1994 + [0.905, 0.855, 0.805, 0.755, 0.705, 0.655]  # 0.2% of 2,000 rows: 4 rows
    assert threat_en(scores) == 0.71  # the four highest held, the fifth (0.705) not


def test_relaxed_allows_half_a_row_and_strict_two_rows():
    scores = [0.3] * 397 + [0.655, 0.705, 0.955]
    assert threat_en(scores, "relaxed") == 0.96
    assert threat_en(scores, "standard") == 0.71
    assert threat_en(scores, "strict") == 0.66


def test_rows_the_rules_already_hold_cost_the_head_nothing():
    scores = [0.3] * 397 + [0.905, 0.955, 0.975]
    rows = benign_rows(scores, rule_held=[False] * 397 + [True, True, True])
    assert choose_thresholds({"dewan": rows})["standard"]["threat"]["en"] == 0.5


def test_a_group_with_too_few_benign_rows_sets_no_limit():
    assert threat_en([0.99] * 49) == 0.5


def test_seven_small_datasets_share_one_pooled_row_where_round_10_gave_each_its_own():
    # Seven datasets of 60 English benign rows, each with one lookalike scoring 0.6-0.9: 0.2% of 420 pooled
    # rows is 0.84 of a row, so the floor allows one row in all (the highest, 0.905) and not seven.
    sets = {f"set{k}": benign_rows([0.3] * 59 + [0.605 + 0.05 * k]) for k in range(7)}
    pooled = choose_thresholds(sets)["standard"]["threat"]["en"]
    per_dataset = choose_thresholds(sets, rule="per_dataset_floor")["standard"]["threat"]["en"]
    assert per_dataset == 0.5  # round 10: each dataset holds its own one row
    assert pooled == 0.86  # the second highest of the pool (0.855) is not held


def test_a_dataset_whose_budget_is_a_whole_row_is_still_checked_on_its_own():
    # 1,000 rows: 0.2% is two rows; pooled with a large clean set, the pool alone would allow five.
    busy = benign_rows([0.3] * 995 + [0.905, 0.855, 0.805, 0.755, 0.705])
    clean = benign_rows([0.1] * 1500)
    assert choose_thresholds({"busy": busy, "clean": clean})["standard"]["threat"]["en"] == 0.81


def test_no_benign_template_may_be_held_from_its_median_line_and_one_odd_variant_does_not_count():
    # 5,000 rows (0.2%: ten rows of budget) with two templates of ten lines: template 1 has one odd variant
    # at 0.95, template 2 scores 0.705-0.795 on all ten lines. By rows alone the ten would be spent on
    # template 2 (0.71); the guard keeps its median line (0.75) published, and template 1 costs nothing.
    scores = [0.2] * 4980 + [0.95] + [0.3] * 9 + [0.705 + 0.01 * k for k in range(10)]
    template = np.array([0] * 4980 + [1] * 10 + [2] * 10)
    got = choose_thresholds({"dewan": benign_rows(scores)}, templates={"dewan": template})
    assert got["standard"]["threat"]["en"] == 0.76
    assert choose_thresholds({"dewan": benign_rows(scores)})["standard"]["threat"]["en"] == 0.71


def test_benign_can_be_per_head_so_rows_unsure_for_one_head_leave_its_budget_alone():
    held, heads, group, benign = benign_rows([0.0] * 400)
    heads[:, HATE] = [0.3] * 398 + [0.955, 0.905]
    per_head = np.repeat(benign.reshape(-1, 1), len(HEADS), axis=1)
    per_head[-2:, HATE] = False  # two rows a rater called hate
    assert choose_thresholds({"d": (held, heads, group, benign)})["standard"]["hate"]["en"] == 0.91
    assert choose_thresholds({"d": (held, heads, group, per_head)})["standard"]["hate"]["en"] == 0.5


def test_davidson_neither_tweets_a_rater_called_hate_are_the_disputed_ones():
    if not train.DATASETS.exists():
        pytest.skip("../shared/datasets is not beside the checkout")
    disputed = train.davidson_hate_disputed()
    neither = {t for t, h in train.load_heads("en_davidson") if not h}
    assert disputed <= neither
    assert 200 < len(disputed) < 0.1 * len(neither)  # 252 of 4,163
