"""Would re-estimating the label priors on the documents at hand help? (issue 3)

Real documents hold far more ``none`` than our corpus (three quarters of real
e-mail statements against 57% of ours). Saerens, Latinne and Decaestecker
("Adjusting the Outputs of a Classifier to New a Priori Probabilities", Neural
Computation 14, 2002) re-estimate the priors of unlabelled target data by EM
over the classifier's probabilities and re-weight them; no label of the target
data is used. This scores the shipped model on a gold file four ways: its own
decision rule, the plain arg-max of its probabilities, and the arg-max after EM
priors estimated over the whole file, per document type and per document.

Run: ``.venv/bin/python benchmarks/prior_shift.py ../shared/eval/dev.jsonl``.
Session 13 (README, "Classifier"): every EM variant scored lower; not used.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.classifying import DEFAULT_MODEL, load_model  # noqa: E402
from extractor.evaluation import Scores, score  # noqa: E402
from extractor.training import load_gold  # noqa: E402


def em_priors(probabilities: np.ndarray, train_prior: np.ndarray, rounds: int = 100) -> np.ndarray:
    """Posteriors re-weighted to the priors EM finds in ``probabilities`` (rows sum to 1)."""
    prior = train_prior.copy()
    adjusted = probabilities
    for _ in range(rounds):
        adjusted = probabilities * (prior / train_prior)
        adjusted = adjusted / adjusted.sum(axis=1, keepdims=True)
        prior = adjusted.mean(axis=0)
    return adjusted


def grouped(probabilities: np.ndarray, train_prior: np.ndarray, groups: list[str]) -> np.ndarray:
    adjusted = np.empty_like(probabilities)
    members: dict[str, list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        members[group].append(index)
    for rows in members.values():
        adjusted[rows] = em_priors(probabilities[rows], train_prior)
    return adjusted


def line(name: str, result: Scores) -> str:
    return (
        f"{name:28s} macro-F1 {result.macro_f1:.3f}  requirement F1 {result.requirement_f1:.3f}"
        f"  implied recall {result.per_class['implied']['recall']:.2f}"
        f"  statutory precision {result.per_class['statutory']['precision']:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    args = parser.parse_args()
    classifier = load_model(DEFAULT_MODEL)
    gold = load_gold(args.gold)
    rows = [json.loads(text) for text in args.gold.read_text("utf-8").splitlines() if text]
    card = json.loads(DEFAULT_MODEL.with_suffix(".card.json").read_text("utf-8"))
    counts = card["corpus"]["labels"]
    classes = classifier.classes
    train_prior = np.array([counts[name] for name in classes], dtype=float)
    train_prior /= train_prior.sum()
    labels, probabilities = classifier.labels_and_probabilities([item.example for item in gold])
    probabilities = probabilities / probabilities.sum(axis=1, keepdims=True)
    truth = [item.label for item in gold]

    def arg_max(matrix: np.ndarray) -> list[str]:
        return [classes[i] for i in matrix.argmax(axis=1)]

    print(line("shipped decision rule", score(truth, [str(x) for x in labels])))
    print(line("arg-max", score(truth, arg_max(probabilities))))
    whole = em_priors(probabilities, train_prior)
    print(line("EM priors, whole file", score(truth, arg_max(whole))))
    for field, name in (("doc_type", "EM priors, per doc type"), ("doc", "EM priors, per doc")):
        groups = [str(row.get(field, "")) for row in rows]
        print(line(name, score(truth, arg_max(grouped(probabilities, train_prior, groups)))))


if __name__ == "__main__":
    main()
