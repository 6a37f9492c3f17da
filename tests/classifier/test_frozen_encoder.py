"""The frozen-encoder benchmark reads the corpus as training does and refuses stale vectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from script_loader import load_script

from extractor.training import load_corpus

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "frozen_encoder.py"


def _benchmark():  # type: ignore[no-untyped-def]
    return load_script(SCRIPT, "frozen_encoder")


def test_corpus_texts_follow_the_training_order() -> None:
    expected = [item.example.text for item in load_corpus()]
    assert _benchmark().corpus_texts() == expected


def test_vectors_of_other_texts_are_refused(tmp_path: Path) -> None:
    benchmark = _benchmark()
    np.save(tmp_path / "gold.npy", np.ones((2, 3), dtype=np.float32))
    (tmp_path / "gold.sha256").write_text(benchmark.texts_checksum(["a", "b"]), encoding="utf-8")
    assert benchmark._embeddings(tmp_path, "gold", ["a", "b"]).shape == (2, 3)
    with pytest.raises(SystemExit, match="encoded from other texts"):
        benchmark._embeddings(tmp_path, "gold", ["a", "c"])
