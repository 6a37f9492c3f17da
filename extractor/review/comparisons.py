"""Two uploaded revisions compared, for the app's "Compare revisions" view.

Both files are read from memory (fast PDF reader by default, as uploads are),
their statements classified, then lined up by ``extractor.comparing``. A file
that cannot be read, or meets a bug, comes back as a message naming it
instead of raising, so the view only has to show it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from extractor.comparing import CHANGE_KINDS, Change, ChangeKind, compare
from extractor.errors import DocumentError, unexpected_reason
from extractor.pipeline import Classifier, extract_bytes
from extractor.reading.dispatch import PdfReader
from extractor.types import ClassifiedStatement


@dataclass(frozen=True, slots=True)
class Comparison:
    """The changes between two uploads, or why they could not be compared."""

    previous_name: str
    current_name: str
    changes: tuple[Change, ...] = ()
    error: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.error

    def counts(self) -> dict[ChangeKind, int]:
        return {kind: sum(c.kind == kind for c in self.changes) for kind in CHANGE_KINDS}


def classified_upload(
    name: str, data: bytes, classifier: Classifier, *, reader: PdfReader = "fast"
) -> tuple[list[ClassifiedStatement], list[str]]:
    """The labelled statements of one upload (attachments after it) and its warnings."""
    extractions = extract_bytes(data, name, classifier=classifier, reader=reader)
    items = [item for extraction in extractions for item in extraction.classified]
    warnings = [warning for extraction in extractions for warning in extraction.document.warnings]
    return items, warnings


def compare_uploads(
    previous: tuple[str, bytes],
    current: tuple[str, bytes],
    *,
    classifier: Classifier | None,
    reader: PdfReader = "fast",
    requirements_only: bool = True,
    decided_labels: Callable[[Sequence[str]], Mapping[str, str]] | None = None,
) -> Comparison:
    """Compare two uploaded files given as (name, bytes).

    ``decided_labels`` gives the label reviewers settled on for texts decided
    before (the register's); those count instead of the model's, so a clause a
    reviewer confirmed as a requirement is compared as one.
    """
    names = (previous[0], current[0])
    if classifier is None:
        return Comparison(*names, error="no model is loaded, so requirements cannot be told apart")
    sides: list[list[ClassifiedStatement]] = []
    warnings: list[str] = []
    for name, data in (previous, current):
        try:
            items, found = classified_upload(name, data, classifier, reader=reader)
        except DocumentError as error:
            return Comparison(*names, error=error.message)
        except Exception as error:  # a bug, reported against the file that met it
            return Comparison(*names, error=f"{name}: {unexpected_reason(error)}")
        sides.append(items)
        warnings.extend(found)
    if decided_labels is not None:
        settled = decided_labels([item.statement.text for side in sides for item in side])
        sides = [[_as_decided(item, settled) for item in side] for side in sides]
    changes = compare(sides[0], sides[1], requirements_only=requirements_only)
    return Comparison(*names, changes=tuple(changes), warnings=tuple(warnings))


def _as_decided(item: ClassifiedStatement, settled: Mapping[str, str]) -> ClassifiedStatement:
    label = settled.get(item.statement.text)
    if label is None or label == item.label:
        return item
    return dataclasses.replace(item, label=label)  # type: ignore[arg-type]
