"""How far two annotations of the same statements agree: the ceiling a model can reach.

Run ``.venv/bin/python benchmarks/label_agreement.py GOLD OTHER``: both are
JSONL files with ``id`` and ``label``; OTHER is scored against GOLD with the
figures of issue 3 (``extractor.evaluation.score``) plus Cohen's kappa. When a
second careful annotator, following the same guide, scores only so much against
a gold set, a model trained to that guide cannot be expected to score much more.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

from extractor.evaluation import format_scores, score


def labels_by_id(path: Path) -> dict[str, str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {str(row["id"]): str(row["label"]) for row in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("other", type=Path)
    args = parser.parse_args()
    gold, other = labels_by_id(args.gold), labels_by_id(args.other)
    shared = [key for key in gold if key in other]
    if len(shared) < len(gold):
        print(f"{len(gold) - len(shared)} gold statements have no label in {args.other}")
    first = [gold[key] for key in shared]
    second = [other[key] for key in shared]
    print(format_scores(f"{args.other.name} against {args.gold.name}", score(first, second)))
    print(f"  Cohen's kappa {cohen_kappa_score(first, second):.3f}")


if __name__ == "__main__":
    main()
