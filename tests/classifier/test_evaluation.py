"""Scores and the keyword baseline, checked against hand-computed figures."""

from __future__ import annotations

import pytest

from extractor.evaluation import format_scores, keyword_label, score


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
