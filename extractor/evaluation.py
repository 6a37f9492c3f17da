"""Score predictions against gold labels, and the keyword rule we must beat.

The figures the issues ask for: per-class precision, recall and F1, macro-F1
over the four labels, requirement-vs-none F1 (any of the three requirement
labels counts as "requirement"), and the confusion matrix. Reviewers sort by
confidence, so how often a label is right at each confidence is measured too.
A few hundred statements from a few dozen documents give noisy figures, so
the headline ones come with bootstrap intervals that resample whole documents.
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


@dataclass(frozen=True, slots=True)
class BulkReject:
    """What rejecting every `none` at ``threshold`` or above would do to one gold file.

    The review offers it to clear a document's boilerplate at once; a requirement
    it removes is lost unless someone undoes it, so that count is what matters.
    """

    threshold: float
    requirements: int
    requirements_removed: int
    none_statements: int
    none_removed: int

    def as_dict(self) -> dict[str, object]:
        return {
            "threshold": self.threshold,
            "requirements": self.requirements,
            "requirements_removed": self.requirements_removed,
            "none_statements": self.none_statements,
            "none_removed": self.none_removed,
        }


def bulk_reject(
    gold: Sequence[str], predicted: Sequence[str], confidence: Sequence[float], threshold: float
) -> BulkReject:
    """Count the statements a bulk reject of `none` at ``threshold`` would take, by gold label."""
    removed = [
        label == "none" and value >= threshold
        for label, value in zip(predicted, confidence, strict=True)
    ]
    is_none = [label == "none" for label in gold]
    return BulkReject(
        threshold=threshold,
        requirements=is_none.count(False),
        requirements_removed=sum(r and not n for r, n in zip(removed, is_none, strict=True)),
        none_statements=is_none.count(True),
        none_removed=sum(r and n for r, n in zip(removed, is_none, strict=True)),
    )


def format_bulk_reject(result: BulkReject) -> str:
    def share(part: int, whole: int) -> str:
        return f"{part} of {whole} ({100 * part / whole:.1f} %)" if whole else "0 of 0"

    return (
        f"  rejecting `none` at confidence >= {result.threshold:.2f} would remove"
        f" {share(result.requirements_removed, result.requirements)} requirements"
        f" and {share(result.none_removed, result.none_statements)} `none` statements"
    )


# The figures issue 3 sets targets for, in the order its model card lists them.
HEADLINE_FIGURES = ("requirement_f1", "macro_f1", "implied_recall", "statutory_precision")
BOOTSTRAP_ROUNDS = 2000
BOOTSTRAP_LEVEL = 0.95


@dataclass(frozen=True, slots=True)
class Intervals:
    """Bootstrap intervals of the headline figures, and of the gain over the keyword rule.

    Statements of one document share its style and its drafter, so documents,
    not statements, are resampled (a cluster bootstrap); resampling statements
    would make the intervals look narrower than they are. ``gain`` is the
    model's figure minus the baseline's on the same resampled documents.
    """

    level: float
    rounds: int
    documents: int
    model: dict[str, tuple[float, float]]
    gain: dict[str, tuple[float, float]]

    def as_dict(self) -> dict[str, object]:
        return {
            "level": self.level,
            "rounds": self.rounds,
            "documents": self.documents,
            "model": {name: list(bounds) for name, bounds in self.model.items()},
            "gain_over_keyword_baseline": {
                name: list(bounds) for name, bounds in self.gain.items()
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Intervals:
        model = data["model"]
        gain = data["gain_over_keyword_baseline"]
        assert isinstance(model, dict) and isinstance(gain, dict)
        return cls(
            level=float(data["level"]),  # type: ignore[arg-type]
            rounds=int(data["rounds"]),  # type: ignore[call-overload]
            documents=int(data["documents"]),  # type: ignore[call-overload]
            model={name: (float(low), float(high)) for name, (low, high) in model.items()},
            gain={name: (float(low), float(high)) for name, (low, high) in gain.items()},
        )


def headline_figures(confusions: np.ndarray) -> dict[str, np.ndarray]:
    """The headline figures of each of a stack of confusion matrices (rows gold, LABELS order).

    Undefined ratios count as 0, as ``score`` (scikit-learn's zero_division=0) does.
    """
    counts = np.asarray(confusions, dtype=np.float64).reshape(-1, len(LABELS), len(LABELS))
    right = np.diagonal(counts, axis1=1, axis2=2)
    precision = _ratio(right, counts.sum(axis=1))
    recall = _ratio(right, counts.sum(axis=2))
    f1 = _ratio(2 * precision * recall, precision + recall)
    requirement = [LABELS.index(label) for label in LABELS if label != "none"]
    none = LABELS.index("none")
    found = counts[:, requirement][:, :, requirement].sum(axis=(1, 2))
    claimed = found + counts[:, none, requirement].sum(axis=1)
    present = found + counts[:, requirement, none].sum(axis=1)
    requirement_precision = _ratio(found, claimed)
    requirement_recall = _ratio(found, present)
    return {
        "requirement_f1": _ratio(
            2 * requirement_precision * requirement_recall,
            requirement_precision + requirement_recall,
        ),
        "macro_f1": f1.mean(axis=1),
        "implied_recall": recall[:, LABELS.index("implied")],
        "statutory_precision": precision[:, LABELS.index("statutory")],
    }


def _ratio(top: np.ndarray, bottom: np.ndarray) -> np.ndarray:
    return np.divide(top, bottom, out=np.zeros_like(top, dtype=np.float64), where=bottom > 0)


def bootstrap_intervals(
    gold: Sequence[str],
    predicted: Sequence[str],
    baseline: Sequence[str],
    documents: Sequence[str],
    rounds: int = BOOTSTRAP_ROUNDS,
    level: float = BOOTSTRAP_LEVEL,
    seed: int = 0,
) -> Intervals:
    """Percentile intervals of the headline figures over documents drawn with replacement."""
    names = sorted(set(documents))
    row = {name: position for position, name in enumerate(names)}
    column: dict[str, int] = {label: position for position, label in enumerate(LABELS)}
    model_counts = np.zeros((len(names), len(LABELS), len(LABELS)))
    baseline_counts = np.zeros_like(model_counts)
    for document, truth, label, rule in zip(documents, gold, predicted, baseline, strict=True):
        model_counts[row[document], column[truth], column[label]] += 1
        baseline_counts[row[document], column[truth], column[rule]] += 1
    draws = np.random.default_rng(seed).multinomial(
        len(names), np.full(len(names), 1.0 / len(names)), size=rounds
    )
    model = headline_figures(np.einsum("rd,dij->rij", draws, model_counts))
    rule_figures = headline_figures(np.einsum("rd,dij->rij", draws, baseline_counts))
    tail = (1.0 - level) / 2 * 100
    return Intervals(
        level=level,
        rounds=rounds,
        documents=len(names),
        model={name: _percentiles(model[name], tail) for name in HEADLINE_FIGURES},
        gain={
            name: _percentiles(model[name] - rule_figures[name], tail) for name in HEADLINE_FIGURES
        },
    )


def _percentiles(values: np.ndarray, tail: float) -> tuple[float, float]:
    low, high = np.percentile(values, [tail, 100 - tail])
    return round(float(low), 4), round(float(high), 4)


HEADLINE_NAMES = {
    "requirement_f1": "requirement-vs-none F1",
    "macro_f1": "macro-F1",
    "implied_recall": "recall of implied",
    "statutory_precision": "precision of statutory",
}


def format_intervals(intervals: Intervals, over: str = "the keyword rule") -> str:
    """A plain-text report: each headline figure's interval, and the gain ``over`` the other."""
    lines = [
        f"  {intervals.level:.0%} intervals, {intervals.rounds} bootstrap rounds over"
        f" {intervals.documents} documents:"
    ]
    for name in HEADLINE_FIGURES:
        low, high = intervals.model[name]
        gain_low, gain_high = intervals.gain[name]
        lines.append(
            f"    {HEADLINE_NAMES[name]:<24} {low:.3f} to {high:.3f}"
            f"   gain over {over} {gain_low:+.3f} to {gain_high:+.3f}"
        )
    return "\n".join(lines)


def format_groups(groups: dict[str, Scores], title: str = "document type") -> str:
    """One line per group: how many statements, macro-F1 and requirement-vs-none F1."""
    lines = [f"  {title:<20} {'n':>5} {'macro-F1':>9} {'req. F1':>8}"]
    for name, scores in groups.items():
        figures = f"{scores.support:>5} {scores.macro_f1:>9.3f} {scores.requirement_f1:>8.3f}"
        lines.append(f"  {name:<20.20} {figures}")
    return "\n".join(lines)
