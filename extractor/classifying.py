"""Label statements as specified, implied, statutory or none, with a confidence.

The model is one scikit-learn ``Pipeline`` (features -> calibrated linear
classifier) saved with skops, never pickle: loading checks that every type in
the file is one we trust. ``load_default_classifier`` loads the model shipped
in ``models/``; the CLI and the app share it.
"""

from __future__ import annotations

import gc
import io
import re
import sys
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

from extractor.errors import ModelError
from extractor.features import Example
from extractor.types import LABELS, ClassifiedStatement, Label, Statement

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
DEFAULT_MODEL = MODELS_DIR / "requirements.skops"

# Our own types that a model file may contain; anything else untrusted is refused.
TRUSTED_PREFIXES = ("extractor.", "sklearn.", "numpy.", "scipy.", "builtins.", "collections.")


@contextmanager
def collection_paused() -> Iterator[None]:
    """Hold off Python's cyclic garbage collector while a batch is labelled.

    Labelling allocates millions of short-lived objects, which keeps
    triggering collections, and each full one walks every object the loaded
    model and the token caches hold. None of it is garbage, and the work makes
    no reference cycles worth reclaiming mid-batch, so collection waits until
    the batch is done: 12-15% of ``reqx classify`` time
    (``benchmarks/classify_speed.py``).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True, slots=True)
class Prediction:
    """One statement's label, its probability, and every label's probability."""

    label: Label
    confidence: float
    scores: dict[str, float]


def examples_in_context(statements: Sequence[Statement], from_email: bool = False) -> list[Example]:
    """Each statement with its neighbours from the same document as context."""
    examples = []
    for position, statement in enumerate(statements):
        before = statements[position - 1] if position > 0 else None
        after = statements[position + 1] if position + 1 < len(statements) else None
        examples.append(
            Example(
                text=statement.text,
                context_before=before.text if before and before.doc == statement.doc else "",
                context_after=after.text if after and after.doc == statement.doc else "",
                section=statement.section,
                kind=statement.kind,
                annotations=statement.annotations,
                from_email=from_email,
            )
        )
    return examples


class NoneThresholdClassifier(ClassifierMixin, BaseEstimator):
    """A probabilistic classifier that answers ``none`` only when fairly sure.

    A reviewer can reject a wrong candidate in a second, but a missed
    requirement is never seen again; so a statement is labelled ``none`` only
    when P(none) reaches ``none_threshold``, else it gets the likeliest
    requirement label. Training picks the threshold on predictions for corpus
    batches the model did not see. ``predict_proba`` is the wrapped model's,
    unchanged.
    """

    def __init__(self, estimator: object = None, none_threshold: float = 0.5) -> None:
        self.estimator = estimator
        self.none_threshold = none_threshold

    def fit(
        self, X: object, y: Sequence[str], sample_weight: np.ndarray | None = None
    ) -> NoneThresholdClassifier:
        from sklearn.base import clone

        self.estimator_ = clone(self.estimator).fit(X, y, sample_weight=sample_weight)
        self.classes_ = self.estimator_.classes_
        return self

    def predict_proba(self, X: object) -> np.ndarray:
        return np.asarray(self.estimator_.predict_proba(X))

    def predict(self, X: object) -> np.ndarray:
        return self.decide(self.predict_proba(X), self.none_threshold)

    def decide(self, probabilities: np.ndarray, none_threshold: float) -> np.ndarray:
        """Labels from probabilities under a given threshold (training tries several)."""
        classes = np.asarray(self.classes_)
        none = int(np.flatnonzero(classes == "none")[0])
        others = probabilities.copy()
        others[:, none] = -1.0
        labels = classes[np.argmax(others, axis=1)]
        labels[probabilities[:, none] >= none_threshold] = "none"
        return labels


SLICE_CHARS = 4_000_000  # characters labelled at once (about 30,000 statements)


def _slices(examples: Sequence[Example], limit: int) -> Iterator[list[Example]]:
    """Consecutive runs of examples holding at most ``limit`` characters (at least one)."""
    piece: list[Example] = []
    size = 0
    for example in examples:
        length = len(example.text) + len(example.context_before) + len(example.context_after)
        if piece and size + length > limit:
            yield piece
            piece, size = [], 0
        piece.append(example)
        size += length
    if piece or not examples:
        yield piece


class RequirementClassifier:
    """A fitted model pipeline plus the order of its classes."""

    def __init__(self, pipeline: object) -> None:
        self.pipeline = pipeline
        classes = [str(label) for label in getattr(pipeline, "classes_", [])]
        if sorted(classes) != sorted(LABELS):
            raise ModelError(f"model predicts {classes}, expected {list(LABELS)}")
        self.classes = classes

    def labels_and_probabilities(
        self, examples: Sequence[Example]
    ) -> tuple[np.ndarray, np.ndarray]:
        """The label of each example and its probabilities (columns in ``classes`` order).

        Examples go through in slices of about ``SLICE_CHARS`` characters: the
        n-gram hashers hold several 8-byte numbers per character, so one huge
        document in one go took gigabytes. Each row's features are its own, so
        slicing changes no result.
        """
        # Features once per slice; the final step turns probabilities into labels.
        steps = self.pipeline.steps  # type: ignore[attr-defined]
        final = steps[-1][1]
        parts = []
        with collection_paused():
            for piece in _slices(examples, SLICE_CHARS):
                features: object = piece
                for _, step in steps[:-1]:
                    features = step.transform(features)
                parts.append(np.asarray(final.predict_proba(features)))
        probabilities = np.concatenate(parts) if len(parts) > 1 else parts[0]
        if isinstance(final, NoneThresholdClassifier):
            labels = final.decide(probabilities, final.none_threshold)
        else:
            labels = np.asarray(self.classes)[np.argmax(probabilities, axis=1)]
        return labels, probabilities

    def predict(self, examples: Sequence[Example]) -> list[Prediction]:
        if not examples:
            return []
        labels, probabilities = self.labels_and_probabilities(examples)
        index = {label: position for position, label in enumerate(self.classes)}
        predictions = []
        for label, row in zip(labels, probabilities, strict=True):
            scores = {
                name: round(float(value), 4) for name, value in zip(self.classes, row, strict=True)
            }
            chosen = str(label)
            predictions.append(Prediction(chosen, float(row[index[chosen]]), scores))  # type: ignore[arg-type]
        return predictions

    def classify(
        self, statements: list[Statement], from_email: bool = False
    ) -> list[ClassifiedStatement]:
        """Label statements of one document (neighbours give context; say if it is an e-mail)."""
        predictions = self.predict(examples_in_context(statements, from_email))
        return [
            ClassifiedStatement(
                statement, prediction.label, prediction.confidence, prediction.scores
            )
            for statement, prediction in zip(statements, predictions, strict=True)
        ]


def linear_estimators(model: object) -> list[Any]:
    """Every fitted estimator with a ``coef_`` inside a pipeline, calibrator or wrapper."""
    found: list[Any] = []
    pending = [model]
    while pending:
        item = pending.pop()
        if item is None:
            continue
        if hasattr(item, "coef_"):
            found.append(item)
        pending += [step for _, step in getattr(item, "steps", [])]
        pending += [getattr(item, name, None) for name in ("estimator_", "estimator")]
        pending += list(getattr(item, "calibrated_classifiers_", []))
    return found


def set_weight_type(model: object, dtype: type[np.floating]) -> None:
    """Cast every linear weight matrix of ``model``: float32 on disk, float64 in use."""
    for estimator in linear_estimators(model):
        if isinstance(estimator.coef_, np.ndarray):
            estimator.coef_ = estimator.coef_.astype(dtype, copy=False)


def save_model(pipeline: object, path: Path) -> None:
    """Write the pipeline with skops (no pickle), laid out for a fast cold start.

    Every start of ``reqx classify`` reads this file. Linear weights are kept
    as float32: seven significant digits, and the scores (rounded to four
    decimals) do not change. The archive is stored, not deflated: inflating
    the weights took about 0.17 s of the 3 s start-up budget, and the stored
    float32 file is 11 MB against 9.7 MB deflated (the target is 20 MB). The
    pipeline given is changed the same way, so it predicts as the file will.
    """
    import skops.io as sio

    set_weight_type(pipeline, np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = io.BytesIO()
    sio.dump(pipeline, written, compression=zipfile.ZIP_STORED)
    path.write_bytes(reproducible_archive(written.getvalue()))


# skops names every object by its memory address: ``"__id__": 140526534097104``
# in the schema, ``140526534097104.npy`` for an array.
_OBJECT_ID = re.compile(rb'"__id__": (\d+)|"(\d+)\.npy"')
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP entry can carry


def reproducible_archive(archive: bytes) -> bytes:
    """The same skops archive, byte for byte the same whenever the same model is saved.

    skops names objects by memory address and stamps each entry with the
    time, so retraining from an unchanged corpus gave a new 11 MB file that
    only differed in names: a new blob in git each time, and no way to check a
    rebuild against the shipped file by its hash. Addresses become 1, 2, 3 ...
    in order of first mention (the mapping is one to one, so objects shared
    inside the model stay shared) and every entry gets one fixed time.
    """
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        members = {name: source.read(name) for name in source.namelist()}
    numbers: dict[bytes, bytes] = {}

    def renumber(match: re.Match[bytes]) -> bytes:
        address = match.group(1) or match.group(2)
        number = numbers.setdefault(address, str(len(numbers) + 1).encode())
        return b'"__id__": ' + number if match.group(1) else b'"' + number + b'.npy"'

    schema = _OBJECT_ID.sub(renumber, members.pop("schema.json"))
    renamed = {"schema.json": schema}
    for name, content in members.items():
        stem = name.removesuffix(".npy").encode()
        if name.endswith(".npy") and stem in numbers:
            name = numbers[stem].decode() + ".npy"
        renamed[name] = content
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", compression=zipfile.ZIP_STORED) as target:
        for name in sorted(renamed):
            entry = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            entry.external_attr = 0o644 << 16
            target.writestr(entry, renamed[name])
    return result.getvalue()


def _import_skops_io() -> ModuleType:
    """Import ``skops.io`` without its import-time walk over all of scikit-learn.

    On import, skops lists every scikit-learn estimator (``all_estimators``,
    which imports every scikit-learn module, about 0.5 s of a 3 s cold start)
    only to build its *default* trusted list. We never use that default: our
    loader passes its own list, checked against ``TRUSTED_PREFIXES``. So the
    walk is skipped by handing skops an empty list while it imports; the
    function is restored at once.
    """
    if "skops.io" in sys.modules:
        return sys.modules["skops.io"]
    import sklearn.utils

    original = sklearn.utils.all_estimators
    sklearn.utils.all_estimators = lambda *args, **kwargs: []
    try:
        import skops.io
    finally:
        sklearn.utils.all_estimators = original
    return skops.io


def load_model(path: Path) -> RequirementClassifier:
    """Load a skops model file, refusing any type outside the trusted libraries."""
    sio = _import_skops_io()

    if not path.is_file():
        raise ModelError(f"{path}: model file not found (run `reqx train`)")
    try:
        untrusted = sio.get_untrusted_types(file=path)
        refused = [name for name in untrusted if not name.startswith(TRUSTED_PREFIXES)]
        if refused:
            raise ModelError(f"{path}: refusing to load untrusted types {refused}")
        pipeline = sio.load(path, trusted=untrusted)
    except ModelError:
        raise
    except Exception as error:  # skops raises many kinds for a damaged file
        raise ModelError(f"{path}: cannot load model ({error})") from error
    # The file keeps float32 weights (see ``save_model``); scipy would widen them
    # to float64 again on every prediction (3 ms a call), so widen them once here.
    set_weight_type(pipeline, np.float64)
    classifier = RequirementClassifier(pipeline)
    _check_fits_this_version(classifier, path)
    return classifier


def _check_fits_this_version(classifier: RequirementClassifier, path: Path) -> None:
    """Label one sentence, so that a model built by another version of reqx is named here.

    A company's own model (``reqx train --register``) outlives upgrades; when
    the features have changed since, it would otherwise fail at its first
    document with a traceback about matrix shapes.
    """
    try:
        classifier.predict([Example("The Supplier shall deliver the goods by 1 March.")])
    except Exception as error:  # shapes (ValueError), missing attributes, types
        raise ModelError(
            f"{path}: this model does not fit this version of reqx ({error}); "
            "rebuild it with `reqx train` (add --register to keep reviewers' decisions)"
        ) from error


_default: RequirementClassifier | None = None


def load_default_classifier() -> RequirementClassifier:
    """The shipped model, loaded once per process."""
    global _default
    if _default is None:
        _default = load_model(DEFAULT_MODEL)
    return _default


def classify_records(
    classifier: RequirementClassifier, records: Sequence[dict[str, object]]
) -> list[dict[str, object]]:
    """``reqx classify``: label ``{id, text, context_before?, context_after?, doc_type?}`` records.

    Results come in input order; ``doc_type`` "email" says the text is from an e-mail.
    """
    from extractor.annotating import annotations_of

    with collection_paused():
        notes = annotations_of([str(record["text"]) for record in records])
        predictions = classifier.predict(
            [
                Example(
                    text=str(record["text"]),
                    context_before=str(record.get("context_before") or ""),
                    context_after=str(record.get("context_after") or ""),
                    annotations=annotation,
                    from_email=record.get("doc_type") == "email",
                )
                for record, annotation in zip(records, notes, strict=True)
            ]
        )
    results = []
    for record, annotation, prediction in zip(records, notes, predictions, strict=True):
        results.append(
            {
                "id": record.get("id"),
                "label": prediction.label,
                "confidence": round(prediction.confidence, 4),
                "scores": prediction.scores,
                "laws": list(annotation.laws),
                "standards": list(annotation.standards),
            }
        )
    return results
