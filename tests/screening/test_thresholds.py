"""How a head's threshold is chosen on validation rows (train.choose_thresholds): stable across retrains.

Round 9 found that a budget of 0.1-0.3% of about 400 benign rows is under one row, so the threshold was the
single highest benign score plus 0.01 and moved by tenths whenever a retrain moved that one row. Round 10:
a budget is never less than one row at standard (half at relaxed, two at strict).
"""

from __future__ import annotations

import numpy as np

from webinar.screening.model import HEADS
from webinar.screening.train import BUDGETS, Scored, choose_thresholds

THREAT = HEADS.index("threat")


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
