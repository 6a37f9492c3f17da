"""Each app test gets its own SQLite register and document folder through the environment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .helpers import AppPlace


@pytest.fixture
def place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppPlace]:
    db_url = f"sqlite:///{tmp_path / 'register.db'}"
    documents = tmp_path / "documents"
    monkeypatch.setenv("EXTRACTOR_DB_URL", db_url)
    monkeypatch.setenv("EXTRACTOR_DOCUMENTS_DIR", str(documents))
    yield AppPlace(db_url, documents)
