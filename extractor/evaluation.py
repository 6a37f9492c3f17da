"""Score predictions against gold labels, and the keyword rule we must beat.

The figures the issues ask for: per-class precision, recall and F1, macro-F1
over the four labels, requirement-vs-none F1 (any of the three requirement
labels counts as "requirement"), and the confusion matrix. Reviewers sort by
confidence, so how often a label is right at each confidence is measured too.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

from extractor.types import LABELS

KEYWORD_MODAL = re.compile(r"\b(shall|must|will|required)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Scores:
    """Every figure of one evaluation, ready for a model card or a report."""

    per_class: dict[str, dict[str, float]]
    macro_f1: float
    requirement_f1: float
    requirement_precision: float
    requirement_recall: float
    confusion: list[list[int]]  # rows: gold, columns: predicted, in LABELS order
    support: int

    def as_dict(self) -> dict[str, object]:
        return {
            "labels": list(LABELS),
            "per_class": self.per_class,
            "macro_f1": self.macro_f1,
            "requirement_vs_none": {
                "precision": self.requirement_precision,
                "recall": self.requirement_recall,
                "f1": self.requirement_f1,
            },
            "confusion_matrix": self.confusion,
            "support": self.support,
        }


def score(gold: Sequence[str], predicted: Sequence[str]) -> Scores:
    """Compare two label sequences of equal length."""
    labels: list[str] = list(LABELS)
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=labels, zero_division=0
    )
    per_class = {
        label: {
            "precision": round(float(precision[i]), 4),
            "recall": round(float(recall[i]), 4),
            "f1": round(float(f1[i]), 4),
            "support": int(support[i]),
        }
        for i, label in enumerate(labels)
    }
    gold_req = [label != "none" for label in gold]
    pred_req = [label != "none" for label in predicted]
    req_p, req_r, req_f, _ = precision_recall_fscore_support(
        gold_req, pred_req, average="binary", pos_label=True, zero_division=0
    )
    return Scores(
        per_class=per_class,
        macro_f1=round(
            float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)), 4
        ),
        requirement_f1=round(float(req_f), 4),
        requirement_precision=round(float(req_p), 4),
        requirement_recall=round(float(req_r), 4),
        confusion=confusion_matrix(gold, predicted, labels=labels).tolist(),
        support=len(gold),
    )


def keyword_label(text: str, laws: Sequence[str]) -> str:
    """The baseline rule: a cited law -> statutory; a modal -> specified; else none."""
    if laws:
        return "statutory"
    if KEYWORD_MODAL.search(text):
        return "specified"
    return "none"


def format_scores(title: str, scores: Scores) -> str:
    """A plain-text report of one evaluation."""
    lines = [f"{title}  (n={scores.support})"]
    lines.append(f"  {'label':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for label, row in scores.per_class.items():
        lines.append(
            f"  {label:<10} {row['precision']:>6.3f} {row['recall']:>6.3f}"
            f" {row['f1']:>6.3f} {row['support']:>5}"
        )
    lines.append(f"  macro-F1 {scores.macro_f1:.3f}")
    lines.append(
        f"  requirement-vs-none P {scores.requirement_precision:.3f}"
        f" R {scores.requirement_recall:.3f} F1 {scores.requirement_f1:.3f}"
    )
    lines.append("  confusion (rows gold, columns predicted): " + " ".join(LABELS))
    for label, counts in zip(LABELS, scores.confusion, strict=True):
        lines.append(f"    {label:<10} " + " ".join(f"{value:>5}" for value in counts))
    return "\n".join(lines)


# Bands a reviewer can act on: below 0.5 the label is a guess; above 0.9 it
# should rarely be wrong. The calibration error uses ten equal-width bins, the
# usual choice (Guo et al., "On Calibration of Modern Neural Networks", ICML 2017).
CONFIDENCE_BANDS = (0.0, 0.5, 0.7, 0.9, 1.0)
CALIBRATION_BINS = 10


@dataclass(frozen=True, slots=True)
class Reliability:
    """How far the confidence can be trusted: per band, how often the label was right.

    ``expected_calibration_error`` is the statement-weighted gap between mean
    confidence and accuracy over ten bins; ``brier`` the mean squared error of
    the four probabilities against the gold label (0 is perfect).
    """

    bands: list[dict[str, float]]
    expected_calibration_error: float
    brier: float

    def as_dict(self) -> dict[str, object]:
        return {
            "bands": self.bands,
            "expected_calibration_error": self.expected_calibration_error,
            "brier": self.brier,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Reliability:
        return cls(
            bands=data["bands"],  # type: ignore[arg-type]
            expected_calibration_error=data["expected_calibration_error"],  # type: ignore[arg-type]
            brier=data["brier"],  # type: ignore[arg-type]
        )


def reliability(
    gold: Sequence[str],
    predicted: Sequence[str],
    probabilities: np.ndarray,
    classes: Sequence[str],
) -> Reliability:
    """Accuracy by confidence band, calibration error and Brier score of one evaluation.

    The confidence of a statement is the probability of the label it was given,
    as ``reqx classify`` reports it.
    """
    column = {label: position for position, label in enumerate(classes)}
    rows = np.arange(len(gold))
    confidence = probabilities[rows, [column[label] for label in predicted]]
    right = np.array([g == p for g, p in zip(gold, predicted, strict=True)], dtype=float)
    truth = np.zeros_like(probabilities)
    truth[rows, [column[label] for label in gold]] = 1.0
    brier = float(np.mean(np.sum((probabilities - truth) ** 2, axis=1))) if len(gold) else 0.0
    return Reliability(
        bands=[
            _band(lower, upper, confidence, right)
            for lower, upper in itertools.pairwise(CONFIDENCE_BANDS)
        ],
        expected_calibration_error=round(_calibration_error(confidence, right), 4),
        brier=round(brier, 4),
    )


def _in_bin(confidence: np.ndarray, lower: float, upper: float) -> np.ndarray:
    """Half-open bins, the last one closed so that a confidence of 1.0 counts."""
    inside = (confidence >= lower) & (confidence < upper)
    return inside | (confidence == upper) if upper >= 1.0 else inside


def _band(
    lower: float, upper: float, confidence: np.ndarray, right: np.ndarray
) -> dict[str, float]:
    inside = _in_bin(confidence, lower, upper)
    count = int(inside.sum())
    return {
        "lower": lower,
        "upper": upper,
        "statements": count,
        "mean_confidence": round(float(confidence[inside].mean()), 4) if count else 0.0,
        "accuracy": round(float(right[inside].mean()), 4) if count else 0.0,
    }


def _calibration_error(confidence: np.ndarray, right: np.ndarray) -> float:
    if not len(confidence):
        return 0.0
    edges = np.linspace(0.0, 1.0, CALIBRATION_BINS + 1)
    total = 0.0
    for lower, upper in itertools.pairwise(edges):
        inside = _in_bin(confidence, lower, upper)
        if inside.any():
            gap = abs(float(right[inside].mean()) - float(confidence[inside].mean()))
            total += gap * int(inside.sum())
    return total / len(confidence)


def format_reliability(reliability: Reliability) -> str:
    """A plain-text table: per confidence band, how many statements and how many right."""
    lines = ["  confidence     n  mean   right"]
    for band in reliability.bands:
        closing = "]" if band["upper"] >= 1.0 else ")"
        lines.append(
            f"  [{band['lower']:.1f}, {band['upper']:.1f}{closing} {int(band['statements']):>5}"
            f"  {band['mean_confidence']:.3f} {band['accuracy']:.3f}"
        )
    lines.append(
        f"  expected calibration error {reliability.expected_calibration_error:.3f},"
        f" Brier score {reliability.brier:.3f}"
    )
    return "\n".join(lines)
