"""The shipped model on table rows as the readers give them (a medical-device walk).

Purchase-order lines and RACI rows giving the supplier a duty came out `none` at
0.79-0.98, so the review's bulk reject of confident `none` removed real duties.
The rows here are written for this test, not taken from the corpus.
"""

from __future__ import annotations

import docx
import pytest

from extractor.classifying import load_default_classifier
from extractor.pipeline import extract_file

BULK_REJECT = 0.90  # the review's default: reject candidates `none` at this confidence

TABLES = [
    (
        "4. Order lines",
        ["Pos.", "Article", "Description", "Qty", "Unit", "Requested date"],
        [
            ["10", "KV-33018", "Bezel, PC, black, laser marked", "2,400", "pcs", "2027-02-08"],
            ["20", "KV-33019", "Light guide, PMMA", "2,400", "pcs", "2027-02-08"],
            ["30", "KV-33020", "Gasket, silicone 50 Shore A", "4,800", "pcs", "2027-02-22"],
        ],
    ),
    (
        "6. Responsibilities",
        ["Task", "Orvell Medical", "Supplier"],
        [
            ["Incoming inspection of resin lots", "-", "R"],
            ["Process validation (IQ/OQ/PQ) of the moulding cell", "A", "R"],
            ["Approval of changes to tooling", "R", "C"],
        ],
    ),
    (
        "Document history",
        ["Rev.", "Date", "Prepared by", "Description of change"],
        [
            ["A", "2026-04-02", "L. Ferreira", "First issue"],
            ["B", "2026-09-17", "L. Ferreira", "Table 2 reformatted"],
        ],
    ),
]


@pytest.fixture(scope="module")
def labelled_rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, float]]:
    document = docx.Document()
    for heading, headers, rows in TABLES:
        document.add_heading(heading, level=1)
        table = document.add_table(rows=1, cols=len(headers))
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            cell.text = header
        for row in rows:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = value
    path = tmp_path_factory.mktemp("rows") / "order.docx"
    document.save(str(path))
    (extraction,) = extract_file(str(path), classifier=load_default_classifier())
    return {
        item.statement.text.split(" ")[0]: (item.label, item.confidence)
        for item in extraction.classified
        if item.statement.kind == "table_row"
    }


@pytest.mark.parametrize("first_word", ["10:", "20:", "30:", "Incoming", "Process", "Approval"])
def test_order_lines_and_duties_in_a_raci_matrix_are_requirements(
    labelled_rows: dict[str, tuple[str, float]], first_word: str
) -> None:
    label, confidence = labelled_rows[first_word]
    assert label == "specified", (label, confidence)


def test_no_requirement_row_is_confident_enough_for_the_bulk_reject(
    labelled_rows: dict[str, tuple[str, float]],
) -> None:
    rejected = [
        word
        for word, (label, confidence) in labelled_rows.items()
        if label == "none" and confidence >= BULK_REJECT and word not in ("A", "B")
    ]
    assert rejected == []
