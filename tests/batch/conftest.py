"""Small real documents for batch tests, written by our own code into a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .helpers import write_contracts

PDFS = Path(__file__).resolve().parent.parent / "documents" / "pdf"


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Text contracts, two real PDFs, a corrupt PDF, a duplicate copy and a hidden file."""
    folder = tmp_path / "archive"
    write_contracts(folder / "texts", 4)
    shutil.copy(PDFS / "two_columns.pdf", folder / "two_columns.pdf")
    shutil.copy(PDFS / "table.pdf", folder / "table.pdf")
    shutil.copy(PDFS / "corrupt.pdf", folder / "corrupt.pdf")
    shutil.copy(folder / "texts" / "contract_00000.txt", folder / "copy_of_contract_0.txt")
    (folder / ".hidden.txt").write_text("The Supplier shall not be read.", encoding="utf-8")
    return folder
