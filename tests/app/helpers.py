"""Where an app test keeps its register and files, and the documents it uploads.

The app reads ``EXTRACTOR_DB_URL`` and ``EXTRACTOR_DOCUMENTS_DIR`` on every run,
so each test gets its own SQLite file and folder through the environment.
"""

from __future__ import annotations

import hashlib
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


LABELLED = [
    ("All parts shall comply with REACH and RoHS.", "statutory", 0.97),
    ("Records shall be kept for 10 years per 21 CFR 820.", "statutory", 0.85),
    ("The Supplier shall deliver the parts within 30 days.", "specified", 0.93),
    ("Packaging must protect the parts from corrosion.", "implied", 0.71),
    ("This Agreement is governed by the laws of Ohio.", "none", 0.88),
    ("Headings are for convenience only.", "none", 0.64),
]


def add_labelled_document(place: AppPlace, name: str = "labelled.pdf") -> None:
    """A document whose candidates carry labels and confidences, as the classifier gives them."""
    from extractor.register import CandidateInput, DocumentInput

    sha256 = hashlib.sha256(name.encode()).hexdigest()
    candidates = [
        CandidateInput(position=i, text=text, label=label, confidence=confidence, page=1)
        for i, (text, label, confidence) in enumerate(LABELLED)
    ]
    with place.register() as register:
        register.add_document(DocumentInput(sha256, name, "pdf", 1), candidates, actor="importer")


def add_unlabelled_document(place: AppPlace) -> None:
    """One candidate without a label, as ``reqx register import`` of a --no-classify file."""
    from extractor.register import CandidateInput, DocumentInput

    with place.register() as register:
        register.add_document(
            DocumentInput("d" * 64, "minutes.txt", "txt"),
            [CandidateInput(position=0, text="Participants: the asset manager.")],
            actor="importer",
        )


def hostile_pdf(path: Path) -> Path:
    """A one-page PDF whose statements hold markup, Markdown and a formula (made with fpdf2)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in HOSTILE_TEXT.replace("QUALITY TERMS\n\n", "").split("\n\n"):
        pdf.multi_cell(170, 6, paragraph.strip())
        pdf.ln(4)
    pdf.output(str(path))
    return path
