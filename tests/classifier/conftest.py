"""Fixtures: the tiny corpus and a real model trained on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from .tiny_corpus import write_corpus


@pytest.fixture(scope="session")
def tiny_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def tiny_model(tiny_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real model trained by ``training.train`` on the tiny corpus."""
    from extractor import training

    models = tmp_path_factory.mktemp("models")
    training.train(corpus_dir=tiny_corpus, models_dir=models, test_size=0.25)
    return models
