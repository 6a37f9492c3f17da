"""Distil the fine-tuned teacher (teacher_finetune.py) into the fast model: two ways, measured.

Run: .venv/bin/python benchmarks/teacher_distill.py GOLD.jsonl corpus_probs.npy gold_probs.npy

``corpus_probs.npy`` is the teacher's ``--corpus-out`` (one row per corpus
statement, in corpus order), ``gold_probs.npy`` its ``--out``. Prints, at
several P(none) thresholds, the shipped recipe retrained with:

- teacher weights: each statement weighted 0.5 + 0.5 x the teacher's P(its label)
  (the shipped model uses out-of-batch probabilities of its own kind instead);
- soft labels: logistic regression on our features with targets half the gold
  label and half the teacher's probabilities (rows repeated per class, weighted);

and the teacher alone, for comparison. The README quotes these figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from extractor.classifying import NoneThresholdClassifier
from extractor.evaluation import score
from extractor.training import build_pipeline, load_corpus, load_gold

LABELS = ["implied", "none", "specified", "statutory"]
THRESHOLDS = (0.6, 0.7, 0.75, 0.8)


def report(name: str, gold: list[str], probabilities: np.ndarray) -> None:
    decider = NoneThresholdClassifier()
    decider.classes_ = np.array(LABELS)
    for threshold in THRESHOLDS:
        result = score(gold, [str(x) for x in decider.decide(probabilities, threshold)])
        print(
            f"{name:16s} P(none) >= {threshold}: macro-F1 {result.macro_f1:.3f}"
            f"  requirement F1 {result.requirement_f1:.3f}"
            f"  implied recall {result.per_class['implied']['recall']:.2f}"
            f"  statutory precision {result.per_class['statutory']['precision']:.2f}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("corpus_probabilities", type=Path)
    parser.add_argument("gold_probabilities", type=Path)
    args = parser.parse_args()

    corpus = load_corpus()
    teacher = np.load(args.corpus_probabilities)
    if teacher.shape != (len(corpus), len(LABELS)):
        raise SystemExit(f"{args.corpus_probabilities}: not one row per corpus statement")
    gold = load_gold(args.gold)
    gold_labels = [item.label for item in gold]
    report("teacher", gold_labels, np.load(args.gold_probabilities))

    labels = [item.label for item in corpus]
    columns = np.array([LABELS.index(label) for label in labels])
    weights = 0.5 + 0.5 * teacher[np.arange(len(corpus)), columns]
    weighted = build_pipeline()
    weighted.fit([c.example for c in corpus], labels, classifier__sample_weight=weights)
    report("teacher weights", gold_labels, weighted.predict_proba([g.example for g in gold]))

    features = weighted.named_steps["features"]
    matrix = features.transform([c.example for c in corpus])
    targets = 0.5 * np.eye(len(LABELS))[columns] + 0.5 * teacher
    balance = len(corpus) / (len(LABELS) * np.bincount(columns, minlength=len(LABELS)))
    repeated = sparse.vstack([matrix] * len(LABELS))
    classes = np.repeat(np.arange(len(LABELS)), len(corpus))
    row_weights = np.concatenate([targets[:, k] * balance[k] for k in range(len(LABELS))])
    keep = row_weights > 1e-3
    soft = LogisticRegression(C=1.0, max_iter=300).fit(
        repeated[keep], classes[keep], sample_weight=row_weights[keep]
    )
    gold_matrix = features.transform([g.example for g in gold])
    report("soft labels", gold_labels, soft.predict_proba(gold_matrix))


if __name__ == "__main__":
    main()
