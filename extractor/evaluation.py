"""Score predictions against gold labels, and the keyword rule we must beat.

The figures the issues ask for: per-class precision, recall and F1, macro-F1
over the four labels, requirement-vs-none F1 (any of the three requirement
labels counts as "requirement"), and the confusion matrix.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

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
