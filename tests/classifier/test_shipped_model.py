"""The model in models/ is the one `reqx train` makes from corpus/ today."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from extractor.classifying import (
    DEFAULT_MODEL,
    MODELS_DIR,
    load_default_classifier,
    load_model,
    save_model,
)
from extractor.training import CORPUS_DIR, corpus_checksum, library_versions

CARD = MODELS_DIR / "requirements.card.json"


def test_model_card_matches_the_corpus() -> None:
    """Fails when corpus/ changed and nobody ran `reqx train` (then commit both)."""
    card = json.loads(CARD.read_text(encoding="utf-8"))
    assert card["corpus_sha256"] == corpus_checksum(CORPUS_DIR), (
        "corpus/ changed since the model was trained: run `reqx train` and commit models/"
    )


def test_shipped_model_is_small_and_loads() -> None:
    assert DEFAULT_MODEL.stat().st_size <= 20 * 1024 * 1024
    assert sorted(load_default_classifier().classes) == [
        "implied",
        "none",
        "specified",
        "statutory",
    ]


def test_model_card_records_scores_and_versions() -> None:
    card = json.loads(CARD.read_text(encoding="utf-8"))
    assert card["model_bytes"] == DEFAULT_MODEL.stat().st_size
    held = card["held_out"]["model"]
    assert 0.0 < held["macro_f1"] <= 1.0
    assert len(held["confusion_matrix"]) == 4
    assert {"scikit-learn", "skops", "spacy"} <= set(card["libraries"])
    markdown = (MODELS_DIR / "requirements.card.md").read_text(encoding="utf-8")
    assert card["corpus_sha256"] in markdown


def test_model_card_names_the_shipped_file_by_its_hash() -> None:
    """Fails when the model file was replaced without its card (retrain, commit both)."""
    card = json.loads(CARD.read_text(encoding="utf-8"))
    assert card["model_sha256"] == hashlib.sha256(DEFAULT_MODEL.read_bytes()).hexdigest()


def test_shipped_model_is_saved_reproducibly(tmp_path: Path) -> None:
    """Saving the loaded model again writes the shipped bytes: no addresses, no times."""
    card = json.loads(CARD.read_text(encoding="utf-8"))
    if library_versions() != card["libraries"]:
        pytest.skip("other library versions than the card's may write other bytes")
    save_model(load_model(DEFAULT_MODEL).pipeline, tmp_path / "again.skops")
    assert (tmp_path / "again.skops").read_bytes() == DEFAULT_MODEL.read_bytes()
