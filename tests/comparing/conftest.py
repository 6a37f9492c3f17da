"""The bundled model, loaded once for the tests that run the whole pipeline."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def classifier() -> Any:
    from extractor.classifying import load_default_classifier

    return load_default_classifier()
