"""Does a frozen sentence encoder add to the shipped features? (issue 3, "accurate mode")

Two steps in two environments, because torch is not a reqx dependency:

1. ``encode`` (an environment with sentence-transformers and torch; only the
   encoder's own files are read, no network):
   ``python benchmarks/frozen_encoder.py encode MODEL_DIR GOLD.jsonl --out DIR``
   writes the unit-length embeddings of every corpus statement (in corpus
   order) and of every gold statement, with a checksum of the texts.
2. ``score`` (``.venv``):
   ``.venv/bin/python benchmarks/frozen_encoder.py score GOLD.jsonl DIR``
   fits the shipped features and settings with and without the embeddings
   appended (times ``--weight``) and prints, for each, the gold set's scores
   at the shipped P(none) threshold and the leave-batch-out scores over six
   corpus batches (each predicted by a model that never saw it). Training
   weights come once from out-of-batch probabilities of the shipped
   features, as ``reqx train`` makes them.

Session 10 measured all-mpnet-base-v2 this way (README, "Classifier").
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from extractor.evaluation import Scores

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "statements"
# Six batches of different genres, each left out in turn.
LEFT_OUT_BATCHES = ("gov2", "mail2", "sec", "gov6", "mail7", "terms")


def corpus_texts() -> list[str]:
    """Corpus statements in the order ``extractor.training.load_corpus`` reads them."""
    return [
        json.loads(line)["text"]
        for path in sorted(CORPUS.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def gold_texts(gold: Path) -> list[str]:
    return [
        json.loads(line)["text"]
        for line in gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def texts_checksum(texts: list[str]) -> str:
    return hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()


def encode(model_dir: Path, gold: Path, out: Path, batch_size: int) -> None:
    from sentence_transformers import SentenceTransformer  # the encoder's environment only

    model = SentenceTransformer(str(model_dir), device="cpu")
    out.mkdir(parents=True, exist_ok=True)
    for name, texts in (("gold", gold_texts(gold)), ("corpus", corpus_texts())):
        vectors = model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=True
        )
        np.save(out / f"{name}.npy", np.asarray(vectors, dtype=np.float32))
        (out / f"{name}.sha256").write_text(texts_checksum(texts), encoding="utf-8")


def _embeddings(folder: Path, name: str, texts: list[str]) -> np.ndarray:
    if (folder / f"{name}.sha256").read_text(encoding="utf-8") != texts_checksum(texts):
        raise SystemExit(f"{folder / name}.npy was encoded from other texts; encode again")
    return np.load(folder / f"{name}.npy")


def score(gold_path: Path, folder: Path, weight: float) -> None:
    from scipy import sparse
    from sklearn.base import clone

    from extractor.evaluation import bootstrap_intervals, format_intervals
    from extractor.evaluation import score as score_labels
    from extractor.training import (
        agreement_weights,
        batch_of,
        build_pipeline,
        load_corpus,
        load_gold,
        out_of_batch_probabilities,
    )

    corpus = load_corpus()
    gold = load_gold(gold_path)
    card = json.loads((ROOT / "models" / "requirements.card.json").read_text(encoding="utf-8"))
    threshold = float(card["none_threshold"])
    labels = np.array([item.label for item in corpus])
    batches = np.array([batch_of(item.doc) for item in corpus])
    weights = agreement_weights(out_of_batch_probabilities(corpus), len(corpus))

    pipeline = build_pipeline(threshold)
    features = pipeline.named_steps["features"]
    shipped = features.fit_transform([item.example for item in corpus])
    shipped_gold = features.transform([item.example for item in gold])
    encoded = _embeddings(folder, "corpus", [item.example.text for item in corpus]) * weight
    encoded_gold = _embeddings(folder, "gold", [item.example.text for item in gold]) * weight
    variants = {
        "shipped features": (shipped, shipped_gold),
        f"+ encoder x{weight:g}": (
            sparse.hstack([shipped, sparse.csr_matrix(encoded)]).tocsr(),
            sparse.hstack([shipped_gold, sparse.csr_matrix(encoded_gold)]).tocsr(),
        ),
    }
    gold_labels = [item.label for item in gold]
    on_gold: list[list[str]] = []
    for name, (train_matrix, gold_matrix) in variants.items():
        model = clone(pipeline.named_steps["classifier"])
        model.fit(train_matrix, labels, sample_weight=weights)
        predicted_gold = [str(label) for label in model.predict(gold_matrix)]
        on_gold.append(predicted_gold)
        print(_line(f"{name:18s} gold", score_labels(gold_labels, predicted_gold)))
        seen, predicted = [], []
        for batch in LEFT_OUT_BATCHES:
            held = batches == batch
            model = clone(pipeline.named_steps["classifier"])
            model.fit(train_matrix[~held], labels[~held], sample_weight=weights[~held])
            seen += list(labels[held])
            predicted += list(model.predict(train_matrix[held]))
        print(_line(f"{name:18s} leave-batch-out", score_labels(seen, predicted)), flush=True)
    # Both variants label the same resampled documents: is the encoder's gain more than noise?
    gain = bootstrap_intervals(gold_labels, on_gold[1], on_gold[0], [item.doc for item in gold])
    print(format_intervals(gain, over="the shipped features"), flush=True)


def _line(title: str, result: Scores) -> str:
    return (
        f"{title}: macro-F1 {result.macro_f1:.3f}"
        f"  requirement F1 {result.requirement_f1:.3f}"
        f"  implied recall {result.per_class['implied']['recall']:.2f}"
        f"  statutory precision {result.per_class['statutory']['precision']:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    encoding = commands.add_parser("encode", help="embed corpus and gold statements")
    encoding.add_argument("model_dir", type=Path)
    encoding.add_argument("gold", type=Path)
    encoding.add_argument("--out", type=Path, required=True)
    encoding.add_argument("--batch-size", type=int, default=64)
    scoring = commands.add_parser("score", help="shipped features with and without them")
    scoring.add_argument("gold", type=Path)
    scoring.add_argument("folder", type=Path)
    scoring.add_argument("--weight", type=float, default=1.0)
    args = parser.parse_args()
    if args.command == "encode":
        encode(args.model_dir, args.gold, args.out, args.batch_size)
    else:
        score(args.gold, args.folder, args.weight)


if __name__ == "__main__":
    main()
