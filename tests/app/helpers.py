"""Where an app test keeps its register and files, and the documents it uploads.

The app reads ``EXTRACTOR_DB_URL`` and ``EXTRACTOR_DOCUMENTS_DIR`` on every run,
so each test gets its own SQLite file and folder through the environment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractor.register import Register, open_register
from extractor.review import DocumentStore, UploadResult, import_upload

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
SAMPLE_PDF = ROOT / "corpus" / "samples" / "pharma_quality_agreement.pdf"
# Markup, Markdown and a spreadsheet formula, as a hostile or careless document might hold.
HOSTILE_TEXT = (
    "QUALITY TERMS\n\n"
    "The Supplier shall keep <script>alert('x')</script> out of every report.\n\n"
    "The Supplier must mark **bold** claims on each certificate.\n\n"
    '=HYPERLINK("http://example.invalid/steal","Click here") shall be ignored by the Buyer.\n'
)


@dataclass(frozen=True)
class AppPlace:
    """Where a test's app keeps its register and its uploaded files."""

    db_url: str
    documents: Path

    def register(self) -> Register:
        return open_register(self.db_url)

    def store(self) -> DocumentStore:
        return DocumentStore(self.documents)

    def upload(self, name: str, data: bytes, actor: str = "uploader") -> UploadResult:
        """What the app's upload handler does with one file (no classifier: fast, unlabelled)."""
        with self.register() as register:
            return import_upload(name, data, register=register, store=self.store(), actor=actor)
