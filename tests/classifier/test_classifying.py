"""Loading models safely, and labelling statements in context."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio
from sklearn.base import BaseEstimator

from extractor.classifying import (
    NoneThresholdClassifier,
    classify_records,
    examples_in_context,
    load_model,
    save_model,
)
from extractor.errors import ModelError
from extractor.types import Annotations, Statement


class UnknownEstimator(BaseEstimator):
    """A type no model file of ours may contain."""

    def __init__(self, value: int = 1) -> None:
        self.value = value


def statement(text: str, doc: str = "a.pdf", index: int = 0) -> Statement:
    return Statement(doc=doc, sha256="x", index=index, text=text)


def test_missing_model_file_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not found"):
        load_model(tmp_path / "none.skops")


def test_damaged_model_file_is_a_model_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.skops"
    path.write_bytes(b"PK\x03\x04 this is not a zip")
    with pytest.raises(ModelError, match="cannot load"):
        load_model(path)


def test_untrusted_types_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.skops"
    sio.dump(UnknownEstimator(), path)
    with pytest.raises(ModelError, match="untrusted"):
        load_model(path)


def test_fresh_process_skips_the_estimator_walk(tiny_model: Path, tmp_path: Path) -> None:
    """The cold-start shortcut: skops imported without its all_estimators walk, still checked."""
    evil = tmp_path / "evil.skops"
    sio.dump(UnknownEstimator(), evil)
    script = f"""
import sys, sklearn.utils, sklearn.utils.discovery
from extractor.classifying import load_model
from extractor.errors import ModelError
from extractor.types import Statement
model = load_model(__import__("pathlib").Path({str(tiny_model / "requirements.skops")!r}))
ship = Statement(doc="a", sha256="x", index=0, text="Supplier shall ship.")
print(model.classify([ship])[0].label)
print(sklearn.utils.all_estimators is sklearn.utils.discovery.all_estimators)
print("sklearn.neural_network" in sys.modules)
try:
    load_model(__import__("pathlib").Path({str(evil)!r}))
except ModelError as error:
    print("refused" if "untrusted" in str(error) else error)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    label, restored, walked, refused = out.stdout.split()
    assert label in {"specified", "implied", "statutory", "none"}
    assert (restored, walked, refused) == ("True", "False", "refused")


def test_model_without_the_four_labels_is_refused(tmp_path: Path) -> None:
    from sklearn.dummy import DummyClassifier

    path = tmp_path / "two.skops"
    save_model(DummyClassifier().fit([[0], [1]], ["none", "specified"]), path)
    with pytest.raises(ModelError, match="expected"):
        load_model(path)


def test_saved_model_is_compressed(tiny_model: Path) -> None:
    with zipfile.ZipFile(tiny_model / "requirements.skops") as archive:
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())


def test_context_comes_from_neighbours_of_the_same_document() -> None:
    statements = [
        statement("First.", "a.pdf", 0),
        statement("Second.", "a.pdf", 1),
        statement("Other.", "b.pdf", 0),
    ]
    examples = examples_in_context(statements)
    assert (examples[0].context_before, examples[0].context_after) == ("", "Second.")
    assert (examples[1].context_before, examples[1].context_after) == ("First.", "")
    assert examples[2].context_before == ""


def test_classify_keeps_order_and_gives_probabilities(tiny_model: Path) -> None:
    classifier = load_model(tiny_model / "requirements.skops")
    statements = [
        statement("The Supplier shall comply with REACH and RoHS.", index=0),
        statement("Thank you for your call yesterday.", index=1),
    ]
    results = classifier.classify(statements)
    assert [result.statement for result in results] == statements
    for result in results:
        assert result.label in {"specified", "implied", "statutory", "none"}
        assert result.confidence == pytest.approx(max(result.scores.values()), abs=1e-4)
        assert sum(result.scores.values()) == pytest.approx(1.0, abs=1e-3)


def test_classify_of_nothing_is_nothing(tiny_model: Path) -> None:
    assert load_model(tiny_model / "requirements.skops").classify([]) == []


def test_classify_records_returns_ids_in_order_with_citations(tiny_model: Path) -> None:
    classifier = load_model(tiny_model / "requirements.skops")
    records = [
        {"id": "x1", "text": "Goods shall meet ISO 9001 and 21 CFR Part 820."},
        {"id": 7, "text": "Hello.", "context_before": "Hi.", "context_after": None},
    ]
    results = classify_records(classifier, records)
    assert [result["id"] for result in results] == ["x1", 7]
    assert results[0]["laws"] and results[0]["standards"]
    assert set(results[0]) == {"id", "label", "confidence", "scores", "laws", "standards"}


def test_statement_annotations_reach_the_features(tiny_model: Path) -> None:
    classifier = load_model(tiny_model / "requirements.skops")
    plain = statement("Ship the goods.")
    cited = Statement(
        doc="a", sha256="x", index=0, text="Ship the goods.", annotations=Annotations(laws=("X",))
    )
    (first,), (second,) = classifier.classify([plain]), classifier.classify([cited])
    assert first.scores != second.scores


def test_none_threshold_decides_between_none_and_the_best_requirement() -> None:
    from sklearn.dummy import DummyClassifier

    labels = ["implied", "none", "specified", "statutory"]
    model = NoneThresholdClassifier(DummyClassifier(), none_threshold=0.6).fit([[0]] * 4, labels)
    probabilities = np.array(
        [
            [0.1, 0.55, 0.3, 0.05],  # none is likeliest but below 0.6 -> specified
            [0.1, 0.65, 0.2, 0.05],  # none above 0.6 -> none
            [0.5, 0.1, 0.2, 0.2],  # a requirement wins anyway
        ]
    )
    assert list(model.decide(probabilities, 0.6)) == ["specified", "none", "implied"]
    assert list(model.decide(probabilities, 0.5)) == ["none", "none", "implied"]


def test_training_picks_a_threshold_from_the_grid(tiny_model: Path) -> None:
    import json

    from extractor.training import NONE_THRESHOLDS

    card = json.loads((tiny_model / "requirements.card.json").read_text())
    assert card["none_threshold"] in NONE_THRESHOLDS
    classifier = load_model(tiny_model / "requirements.skops")
    assert classifier.pipeline.named_steps["classifier"].none_threshold == card["none_threshold"]


class _FixedProbabilities:
    """Stands in for a fitted pipeline: known P(none) per example, via the real decision rule."""

    def __init__(self, none_probabilities: list[float]) -> None:
        self.none_probabilities = none_probabilities
        classifier = NoneThresholdClassifier()
        classifier.classes_ = np.array(["implied", "none", "specified", "statutory"])
        self.named_steps = {"classifier": classifier}

    def predict_proba(self, examples: list[object]) -> np.ndarray:
        rows = [[0.0, p, 1.0 - p, 0.0] for p in self.none_probabilities]
        return np.array(rows)


def test_threshold_choice_weighs_recall_of_requirements_twice() -> None:
    from extractor.features import Example
    from extractor.training import LabelledExample, choose_none_threshold

    # Requirement-vs-none F1 is best at 0.6 here; F2 (recall counts double) at 0.8.
    requirement_p_none = [0.1, 0.1, 0.1, 0.55, 0.75]
    none_p_none = [0.9, 0.9, 0.65, 0.72, 0.45]
    examples = [LabelledExample(Example("x"), "specified", "d")] * 5 + [
        LabelledExample(Example("y"), "none", "d")
    ] * 5
    pipeline = _FixedProbabilities(requirement_p_none + none_p_none)
    assert choose_none_threshold(pipeline, examples) == 0.8  # type: ignore[arg-type]
