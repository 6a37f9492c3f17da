"""The prior-shift benchmark's EM: priors found in unlabelled probabilities (Saerens et al.)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]
prior_shift = load_script(ROOT / "benchmarks" / "prior_shift.py", "prior_shift_benchmark")


def test_em_moves_the_priors_towards_what_the_data_holds() -> None:
    train_prior = np.array([0.5, 0.5])
    # Ninety rows lean to the first class, ten to the second: the data's prior is not 50/50.
    probabilities = np.array([[0.7, 0.3]] * 90 + [[0.3, 0.7]] * 10)
    adjusted = prior_shift.em_priors(probabilities, train_prior)
    assert np.allclose(adjusted.sum(axis=1), 1.0)
    assert adjusted[:, 0].mean() > 0.8  # the first class's prior grew from 0.5
    assert adjusted[0, 0] > 0.7 and adjusted[-1, 1] < 0.7  # every row re-weighted towards it


def test_em_leaves_probabilities_alone_when_the_priors_already_fit() -> None:
    train_prior = np.array([0.5, 0.5])
    probabilities = np.array([[0.8, 0.2], [0.2, 0.8]] * 20)
    adjusted = prior_shift.em_priors(probabilities, train_prior)
    assert np.allclose(adjusted, probabilities)


def test_grouped_em_estimates_each_group_on_its_own() -> None:
    train_prior = np.array([0.5, 0.5])
    probabilities = np.array([[0.7, 0.3]] * 10 + [[0.3, 0.7]] * 10)
    groups = ["a"] * 10 + ["b"] * 10
    adjusted = prior_shift.grouped(probabilities, train_prior, groups)
    assert adjusted[:10, 0].min() > 0.9 and adjusted[10:, 1].min() > 0.9
