"""The curated public API: every name in ``__all__`` resolves, nothing else leaks."""

from __future__ import annotations

import subprocess
import sys

import pytest

import extractor


@pytest.mark.parametrize("name", extractor.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(extractor, name) is not None


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="no attribute"):
        _ = extractor.not_a_thing  # type: ignore[attr-defined]


def test_importing_the_package_loads_no_heavy_library() -> None:
    code = (
        "import sys, extractor; print(sorted({'spacy','sklearn','pdfplumber'} & set(sys.modules)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"
