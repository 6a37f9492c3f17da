"""reqx: find the requirements in contracts and customer correspondence.

The public API, importable from ``extractor`` directly. Names load on first
use, so ``import extractor`` stays cheap for the command line.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # reading and the whole pipeline
    "read_document": "extractor.reading",
    "extract_file": "extractor.pipeline",
    "extract_document": "extractor.pipeline",
    "Extraction": "extractor.pipeline",
    # classifying
    "load_default_classifier": "extractor.classifying",
    "load_model": "extractor.classifying",
    "RequirementClassifier": "extractor.classifying",
    # comparing two revisions
    "compare": "extractor.comparing",
    "Change": "extractor.comparing",
    # the register
    "open_register": "extractor.register",
    # the types that flow between stages
    "LABELS": "extractor.types",
    "Annotations": "extractor.types",
    "Block": "extractor.types",
    "Box": "extractor.types",
    "ClassifiedStatement": "extractor.types",
    "Document": "extractor.types",
    "Page": "extractor.types",
    "Statement": "extractor.types",
    "Word": "extractor.types",
    # errors
    "DocumentError": "extractor.errors",
    "ExtractorError": "extractor.errors",
    "ModelError": "extractor.errors",
}

__all__ = [*sorted(_EXPORTS), "__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
