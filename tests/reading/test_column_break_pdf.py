"""A sentence cut by a column break, read by both PDF readers, on a PDF laid out here.

A medical-device walk's purchase order set its terms overleaf in two columns; the left
column ended mid-page on "... including the Fair" and the right one went on "Labor
Standards Act and ...". The second half became a statement of its own, without the
clause number, and the first half named no law.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

READERS = ("pdfplumber", "fast")
LEFT = [
    "1. ACCEPTANCE. This Order is an offer by the Buyer to purchase the",
    "Goods named on its face; shipping any Goods accepts it and these terms.",
    "",
    "2. DELIVERY. Seller shall deliver the Goods on the dates given on the",
    "face of this Order and shall tell the Buyer at once of any delay.",
    "",
    "3. PACKING. Seller shall pack the Goods so that they arrive undamaged",
    "and shall mark each package with the Order and the part number.",
    "",
    "4. INSPECTION. The Buyer may inspect and test the Goods at any",
    "reasonable time and place, including while they are being made.",
    "",
    "5. WARRANTY. Seller warrants that the Goods conform to the drawings",
    "and are free from defects in material and workmanship for two years.",
    "",
    "6. CHANGES. Seller shall make no change of process, material or site",
    "of manufacture without the Buyer's prior written approval.",
    "",
    "7. INVOICES. Seller shall send one invoice for each delivery, naming",
    "the Order number and the line number of the Goods it covers.",
    "",
    "8. COMPLIANCE WITH LAWS. Seller shall comply with all laws, rules",
    "and orders of any authority in performing this Order, including the Fair",
]
RIGHT = [
    "Labor Standards Act and the Occupational Safety and Health Act.",
    "Seller shall keep the records those laws require for five years.",
    "",
    "9. INSURANCE. Seller shall carry product liability insurance of not",
    "less than USD 2,000,000 for each occurrence while this Order runs.",
    "",
    "10. RECORDS. Seller shall keep the inspection records of each lot for",
    "ten years after its delivery and show them to the Buyer on request.",
    "",
    "11. CONFIDENTIALITY. Seller shall use the Buyer's drawings only to",
    "perform this Order and shall return them when the Order is complete.",
    "",
    "12. TERMINATION. The Buyer may end this Order for its convenience by",
    "written notice and shall then pay for finished Goods at cost.",
    "",
    "13. GOVERNING LAW. This Order is governed by the laws of the State",
    "of Ohio, without regard to its rules on conflicts of laws.",
    "",
    "14. ENTIRE AGREEMENT. This Order is the entire agreement of the",
    "parties on the Goods and may be changed only in a signed writing.",
    "",
    "15. NOTICES. Notices under this Order are given in writing to the",
    "addresses on its face and take effect when they are received.",
    "",
    "16. WAIVER. A failure to enforce any term is no waiver of that term.",
]


def terms_in_two_columns(path: Path) -> Path:
    pdf = FPDF(unit="pt", format="Letter")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 9)
    pdf.text(150, 40, "TERMS AND CONDITIONS OF PURCHASE")
    pdf.set_font("Helvetica", "", 7)
    for column, lines in ((36, LEFT), (318, RIGHT)):
        for row, text in enumerate(lines):
            if text:
                pdf.text(column, 60 + row * 9, text)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_a_sentence_runs_on_from_the_foot_of_one_column_to_the_top_of_the_next(
    tmp_path: Path, reader: str
) -> None:
    document = read_document(str(terms_in_two_columns(tmp_path / "po.pdf")), reader=reader)  # type: ignore[arg-type]
    found = [(s.clause, s.text) for s in segment(document)]
    assert (
        "8",
        "Seller shall comply with all laws, rules and orders of any authority in performing "
        "this Order, including the Fair Labor Standards Act and the Occupational Safety and "
        "Health Act.",
    ) in found
    assert ("8", "Seller shall keep the records those laws require for five years.") in found
