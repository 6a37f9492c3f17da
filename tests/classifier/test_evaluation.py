"""Scores and the keyword baseline, checked against hand-computed figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from extractor.evaluation import (
    HEADLINE_FIGURES,
    Intervals,
    Reliability,
    bootstrap_intervals,
    bulk_reject,
    format_bulk_reject,
    format_intervals,
    format_reliability,
    format_scores,
    headline_figures,
    keyword_label,
    reliability,
    score,
)
from extractor.types import LABELS

LABEL_ORDER = ["implied", "none", "specified", "statutory"]


def test_score_matches_hand_computed_figures() -> None:
    gold = ["specified", "specified", "none", "statutory", "implied", "none"]
    predicted = ["specified", "none", "none", "specified", "implied", "implied"]
    scores = score(gold, predicted)
    assert scores.per_class["specified"]["precision"] == pytest.approx(0.5)
    assert scores.per_class["specified"]["recall"] == pytest.approx(0.5)
    assert scores.per_class["statutory"]["f1"] == 0.0
    assert scores.per_class["implied"]["precision"] == pytest.approx(0.5)
    # requirement vs none: gold req = 1,1,0,1,1,0; predicted req = 1,0,0,1,1,1
    assert scores.requirement_precision == pytest.approx(0.75)
    assert scores.requirement_recall == pytest.approx(0.75)
    assert scores.requirement_f1 == pytest.approx(0.75)
    assert scores.confusion[0] == [1, 0, 0, 1]  # gold specified row
    assert scores.support == 6


def test_perfect_predictions_score_one() -> None:
    labels = ["specified", "implied", "statutory", "none"]
    scores = score(labels, labels)
    assert scores.macro_f1 == 1.0
    assert scores.requirement_f1 == 1.0


@pytest.mark.parametrize(
    ("text", "laws", "expected"),
    [
        ("The Supplier shall deliver on time.", (), "specified"),
        ("Goods must be dry.", (), "specified"),
        ("Payment will follow.", (), "specified"),
        ("Insurance is required.", (), "specified"),
        ("Comply with REACH.", ("REACH",), "statutory"),
        ("Thanks for the call.", (), "none"),
        ("Shallow water.", (), "none"),
    ],
)
def test_keyword_baseline(text: str, laws: tuple[str, ...], expected: str) -> None:
    assert keyword_label(text, laws) == expected


def test_format_scores_shows_every_figure() -> None:
    report = format_scores("t", score(["none", "specified"], ["none", "none"]))
    assert "macro-F1" in report
    assert "requirement-vs-none" in report
    assert "statutory" in report


def test_reliability_matches_hand_computed_figures() -> None:
    classes = ["implied", "none", "specified", "statutory"]
    probabilities = np.array(
        [
            [0.0, 0.05, 0.95, 0.0],  # specified, right, band [0.9, 1.0]
            [0.0, 0.2, 0.8, 0.0],  # specified, wrong (gold none), band [0.7, 0.9)
            [0.1, 0.6, 0.3, 0.0],  # none, right, band [0.5, 0.7)
            [0.4, 0.3, 0.3, 0.0],  # implied, wrong (gold specified), band [0.0, 0.5)
        ]
    )
    gold = ["specified", "none", "none", "specified"]
    predicted = ["specified", "specified", "none", "implied"]
    measured = reliability(gold, predicted, probabilities, classes)
    assert [band["statements"] for band in measured.bands] == [1, 1, 1, 1]
    assert [band["accuracy"] for band in measured.bands] == [0.0, 1.0, 0.0, 1.0]
    assert measured.bands[3]["mean_confidence"] == pytest.approx(0.95)
    # one statement per bin: |0-0.4| + |1-0.6| + |0-0.8| + |1-0.95|, over 4
    assert measured.expected_calibration_error == pytest.approx((0.4 + 0.4 + 0.8 + 0.05) / 4)
    # Brier: squared error of each probability row against its one-hot gold row
    rows = [
        0.05**2 + 0.05**2,
        0.8**2 + 0.8**2,
        0.1**2 + 0.4**2 + 0.3**2,
        0.4**2 + 0.3**2 + 0.7**2,
    ]
    assert measured.brier == pytest.approx(sum(rows) / 4, abs=1e-4)


def test_confidence_of_exactly_one_counts_in_the_top_band() -> None:
    measured = reliability(["none"], ["none"], np.array([[0.0, 1.0, 0.0, 0.0]]), LABEL_ORDER)
    assert [band["statements"] for band in measured.bands] == [0, 0, 0, 1]
    assert measured.expected_calibration_error == 0.0
    assert measured.brier == 0.0


def test_reliability_round_trips_and_formats() -> None:
    probabilities = np.array([[0.1, 0.7, 0.2, 0.0], [0.0, 0.1, 0.2, 0.7]])
    measured = reliability(["none", "none"], ["none", "statutory"], probabilities, LABEL_ORDER)
    assert Reliability.from_dict(measured.as_dict()) == measured
    report = format_reliability(measured)
    assert "[0.7, 0.9)" in report
    assert "expected calibration error" in report


def test_label_agreement_script_scores_one_annotation_against_another(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    other = tmp_path / "other.jsonl"
    gold.write_text(
        "".join(
            json.dumps({"id": key, "label": label}) + "\n"
            for key, label in [("1", "specified"), ("2", "none"), ("3", "implied")]
        ),
        encoding="utf-8",
    )
    other.write_text(
        "".join(
            json.dumps({"id": key, "label": label}) + "\n"
            for key, label in [("1", "specified"), ("2", "specified")]
        ),
        encoding="utf-8",
    )
    script = Path(__file__).resolve().parents[2] / "benchmarks" / "label_agreement.py"
    result = subprocess.run(
        [sys.executable, str(script), str(gold), str(other)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "1 gold statements have no label" in result.stdout
    assert "(n=2)" in result.stdout
    assert "requirement-vs-none P 0.500 R 1.000" in result.stdout
    assert "Cohen's kappa 0.000" in result.stdout


def _random_labels(count: int, seed: int) -> tuple[list[str], list[str]]:
    rng = np.random.default_rng(seed)
    gold = [str(label) for label in rng.choice(LABELS, size=count)]
    # Right about two times in three, so every figure is somewhere in the middle.
    predicted = [label if rng.random() < 0.66 else str(rng.choice(LABELS)) for label in gold]
    return gold, predicted


def test_headline_figures_agree_with_score() -> None:
    for seed in range(5):
        gold, predicted = _random_labels(200, seed)
        scores = score(gold, predicted)
        figures = headline_figures(np.array(scores.confusion))
        assert figures["macro_f1"][0] == pytest.approx(scores.macro_f1, abs=1e-4)
        assert figures["requirement_f1"][0] == pytest.approx(scores.requirement_f1, abs=1e-4)
        implied = scores.per_class["implied"]["recall"]
        statutory = scores.per_class["statutory"]["precision"]
        assert figures["implied_recall"][0] == pytest.approx(implied, abs=1e-4)
        assert figures["statutory_precision"][0] == pytest.approx(statutory, abs=1e-4)


def test_headline_figures_count_undefined_ratios_as_zero() -> None:
    only_none = np.zeros((4, 4))
    only_none[LABELS.index("none"), LABELS.index("none")] = 3
    figures = headline_figures(only_none)
    assert figures["requirement_f1"][0] == 0.0
    assert figures["statutory_precision"][0] == 0.0
    assert figures["macro_f1"][0] == pytest.approx(0.25)  # none's F1 of 1 over four labels
    assert score(["none"] * 3, ["none"] * 3).macro_f1 == pytest.approx(0.25)


def test_intervals_hold_the_measured_figure_and_repeat_exactly() -> None:
    gold, predicted = _random_labels(600, 7)
    baseline = ["none"] * len(gold)
    documents = [f"doc{number % 60}" for number in range(len(gold))]
    first = bootstrap_intervals(gold, predicted, baseline, documents, rounds=500)
    assert first == bootstrap_intervals(gold, predicted, baseline, documents, rounds=500)
    assert first.documents == 60
    measured = score(gold, predicted)
    low, high = first.model["macro_f1"]
    assert low < measured.macro_f1 < high
    assert 0.02 < high - low < 0.2
    low, high = first.gain["requirement_f1"]
    assert low > 0.3  # the model finds requirements; "none" everywhere finds nothing


def test_whole_documents_are_resampled() -> None:
    # One document all right, one all wrong: drawing documents, some rounds
    # take the wrong one twice (F1 0) and some the right one twice (F1 1).
    # Drawing 200 single statements would almost never stray that far from 0.5.
    gold = ["specified"] * 200
    predicted = ["specified"] * 100 + ["none"] * 100
    documents = ["right"] * 100 + ["wrong"] * 100
    intervals = bootstrap_intervals(gold, predicted, predicted, documents, rounds=400)
    assert intervals.model["requirement_f1"] == (0.0, 1.0)
    assert intervals.gain["requirement_f1"] == (0.0, 0.0)  # the same labels: no gain


def test_one_document_gives_no_spread() -> None:
    gold, predicted = _random_labels(50, 3)
    intervals = bootstrap_intervals(gold, predicted, gold, ["only"] * 50, rounds=100)
    macro = score(gold, predicted).macro_f1
    assert intervals.model["macro_f1"] == pytest.approx((macro, macro), abs=1e-4)


def test_intervals_survive_json_and_print_each_target() -> None:
    gold, predicted = _random_labels(120, 11)
    documents = [f"d{number % 12}" for number in range(120)]
    intervals = bootstrap_intervals(gold, predicted, ["none"] * 120, documents, rounds=200)
    assert Intervals.from_dict(json.loads(json.dumps(intervals.as_dict()))) == intervals
    report = format_intervals(intervals)
    assert "95% intervals, 200 bootstrap rounds over 12 documents" in report
    assert len(report.splitlines()) == 1 + len(HEADLINE_FIGURES)
    assert "gain over the keyword rule" in report


def test_bulk_reject_counts_what_it_would_take_by_gold_label() -> None:
    gold = ["specified", "none", "none", "implied", "statutory", "none"]
    predicted = ["none", "none", "none", "none", "specified", "specified"]
    confidence = [0.95, 0.90, 0.89, 0.60, 0.99, 0.97]
    result = bulk_reject(gold, predicted, confidence, 0.9)
    assert (result.requirements, result.requirements_removed) == (3, 1)
    assert (result.none_statements, result.none_removed) == (3, 1)
    assert format_bulk_reject(result) == (
        "  rejecting `none` at confidence >= 0.90 would remove 1 of 3 (33.3 %) requirements"
        " and 1 of 3 (33.3 %) `none` statements"
    )
    assert bulk_reject([], [], [], 0.9).as_dict()["requirements"] == 0
