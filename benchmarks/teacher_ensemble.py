"""Score a teacher's probabilities (teacher_finetune.py) alone and averaged with the shipped model.

Run: .venv/bin/python benchmarks/teacher_ensemble.py GOLD.jsonl probs.npy
Prints macro-F1, requirement-vs-none F1, implied recall and statutory
precision at several P(none) thresholds, for the teacher, the shipped model
and their average: the figures the README quotes for the teacher path.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from extractor.classifying import NoneThresholdClassifier, load_default_classifier
from extractor.evaluation import score
from extractor.training import load_gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("probabilities", type=Path)
    args = parser.parse_args()

    gold = load_gold(args.gold)
    pipeline = load_default_classifier().pipeline
    final = pipeline.steps[-1][1]
    features = pipeline.steps[0][1].transform([item.example for item in gold])
    ours = final.predict_proba(features)
    teacher = np.load(args.probabilities)
    labels = [item.label for item in gold]
    decider = NoneThresholdClassifier()
    decider.classes_ = final.classes_
    for name, probabilities in (
        ("teacher", teacher),
        ("shipped model", ours),
        ("average", (ours + teacher) / 2),
    ):
        for threshold in (0.6, 0.7, 0.8):
            result = score(labels, [str(x) for x in decider.decide(probabilities, threshold)])
            print(
                f"{name:14s} P(none) >= {threshold}: macro-F1 {result.macro_f1:.3f}"
                f"  requirement F1 {result.requirement_f1:.3f}"
                f"  implied recall {result.per_class['implied']['recall']:.2f}"
                f"  statutory precision {result.per_class['statutory']['precision']:.2f}"
            )


if __name__ == "__main__":
    main()
