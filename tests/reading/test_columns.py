"""Two-column pages read by both PDF readers, on PDFs laid out here with fpdf2.

Each page is set like terms and conditions: clauses flow down the left column,
then the right one. The layout is done here, line by line, so the test knows
every clause's text and number and can compare them with the statements.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.reading import read_document
from extractor.segmenting import segment

READERS = ("pdfplumber", "fast")

MARGIN = 20.0  # mm, left, right and top
GUTTER = 7.0  # mm between the columns
COLUMN = (210.0 - 2 * MARGIN - GUTTER) / 2
HANG = 9.0  # mm: a hanging clause number sits here, its text is indented this far
PITCH = 5.0  # mm from line to line
SIZE = 10  # pt

CLAUSES = [
    (
        "1.1",
        "The Seller shall deliver every Unit to the site named in the order, packed so "
        "that it arrives dry, clean and free from any damage caused in transit, with its "
        "transport locks fitted, its openings sealed against dust and its lifting points "
        "marked on the crate in a colour that can be seen from a distance of ten metres.",
    ),
    (
        "1.2",
        "Each delivery shall carry a packing list naming the order, the serial numbers "
        "of the Units, the revision of each drawing they were built to and the name of the "
        "person who checked them before dispatch, and a copy of that list shall be sent to "
        "the Buyer by electronic mail on the day the delivery leaves the works of the Seller.",
    ),
    (
        "1.3",
        "The Buyer may refuse any delivery that arrives outside the agreed hours or "
        "without the packing list, and in that case the Seller shall take the delivery back, "
        "bear the cost of a second attempt and pay for any storage the Buyer has arranged in "
        "the meantime at the rates the Buyer pays its own carriers for such storage.",
    ),
    (
        "2.1",
        "The Seller shall keep a register of every change made to the design of a Unit, "
        "with the reason for the change, the date on which it took effect and the serial "
        "number of the first Unit built with it, and shall give the Buyer a copy of the "
        "register within five working days whenever the Buyer asks for one in writing.",
    ),
    (
        "2.2",
        "No change to the materials, the factory, the tooling or the process used to "
        "make a Unit shall be made without the written consent of the Buyer given in "
        "advance, and the Seller shall allow the Buyer enough time to test samples made "
        "after the change before the first changed Unit is delivered to any of its sites.",
    ),
    (
        "2.3",
        "Samples of each batch shall be kept by the Seller in a dry store for five years "
        "after the last delivery of that batch, labelled with the batch number and the date "
        "of manufacture, and shall be handed to the Buyer or to a laboratory that the Buyer "
        "names within ten days of a written request from the Buyer.",
    ),
    (
        "3.1",
        "Invoices shall be sent to the accounts office of the Buyer after delivery and "
        "shall quote the order number, the delivery date, the quantity delivered, the price "
        "of each Unit and the total due, and an invoice that lacks any of these shall be "
        "returned to the Seller unpaid and shall count as never having been received.",
    ),
    (
        "3.2",
        "The Buyer shall pay each correct invoice within forty days of its receipt into "
        "the bank account the Seller has named in writing, and may hold back any part of an "
        "invoice that it disputes in good faith until the dispute is settled, provided that "
        "it pays the part it does not dispute on time.",
    ),
    (
        "3.3",
        "Prices are fixed for the term of the order and include packing, carriage, "
        "insurance and every duty or levy payable up to the moment the Units reach the site, "
        "and the Seller shall not add any surcharge for fuel, currency or raw materials "
        "unless the Buyer has agreed to it in a signed amendment to the order.",
    ),
    (
        "4.1",
        "The Seller shall repair or replace free of charge any Unit that fails within two "
        "years of delivery through a fault in its design, materials or making, and shall "
        "collect the failed Unit from the site at its own cost and return the repaired or "
        "new Unit to the same site within twenty working days of the claim.",
    ),
    (
        "4.2",
        "Replaced parts shall carry a new warranty of two years from the day on which "
        "they are fitted, or the rest of the warranty of the Unit they are fitted to, "
        "whichever of the two periods ends later, and the Seller shall record each replaced "
        "part in the register of changes kept for that Unit.",
    ),
]


def _wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and pdf.get_string_width(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current]


def two_column_pdf(
    path: Path,
    clauses: Sequence[tuple[str, str]],
    *,
    hanging: bool,
    column_lines: int,
    footer: tuple[str, str] | None = None,
) -> Path:
    """Clauses set down the left column, then the right, ``column_lines`` lines each.

    ``hanging``: the number at the column's edge and the text indented (the
    usual terms and conditions); otherwise the number opens the text. Pages
    are added as the columns fill. ``footer``: a left and a right part, set
    at the foot of every page at the two margins.
    """
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", "", SIZE)
    slots: list[tuple[float, str, str]] = []  # (column x, number, line) in reading order
    for number, text in clauses:
        if hanging:
            for i, part in enumerate(_wrap(pdf, text, COLUMN - HANG)):
                slots.append((HANG, number if i == 0 else "", part))
        else:
            slots.extend((0.0, "", part) for part in _wrap(pdf, f"{number} {text}", COLUMN))
        slots.append((0.0, "", ""))  # a blank line between clauses
    per_page = 2 * column_lines
    for start in range(0, len(slots), per_page):
        pdf.add_page()
        for i, (indent, number, part) in enumerate(slots[start : start + per_page]):
            column, row = divmod(i, column_lines)
            x = MARGIN + column * (COLUMN + GUTTER)
            y = MARGIN + row * PITCH
            if number:
                pdf.text(x, y, number)
            if part:
                pdf.text(x + indent, y, part)
        if footer:
            pdf.text(MARGIN, 285, footer[0])
            pdf.text(210 - MARGIN - pdf.get_string_width(footer[1]), 285, footer[1])
    pdf.output(str(path))
    return path


def statements(path: Path, reader: str) -> list[tuple[str, str]]:
    document = read_document(str(path), reader=reader)  # type: ignore[arg-type]
    return [(statement.clause, statement.text) for statement in segment(document)]


@pytest.mark.parametrize("reader", READERS)
def test_hanging_clause_numbers_in_the_right_column(tmp_path: Path, reader: str) -> None:
    # the right column's numbers lie between the gutter and its indented text,
    # on few lines: the gutter was taken to reach the text, every line with a
    # number crossed it, and the columns were read across, clauses mixed
    pdf = two_column_pdf(tmp_path / "hanging.pdf", CLAUSES, hanging=True, column_lines=46)
    assert statements(pdf, reader) == CLAUSES


@pytest.mark.parametrize("reader", READERS)
def test_last_page_with_a_short_right_column(tmp_path: Path, reader: str) -> None:
    # page 2 has a full left column and six lines on the right: too few lines
    # with words on both sides, so it was read straight across both columns
    pdf = two_column_pdf(tmp_path / "short.pdf", CLAUSES, hanging=False, column_lines=26)
    assert statements(pdf, reader) == CLAUSES


@pytest.mark.parametrize(("hanging", "column_lines"), [(False, 20), (True, 22)])
@pytest.mark.parametrize("reader", READERS)
def test_footer_split_at_the_gutter_stays_out_of_the_column_break(
    tmp_path: Path, reader: str, hanging: bool, column_lines: int
) -> None:
    # the footer's left half ends before the gutter and its right half starts
    # after it: it was read as the left column's last line, inside clause 1.3
    # that runs on from the foot of the left column to the top of the right
    footer = ("Seller Ltd - Confidential", "Form T-7 issue 3")
    pdf = two_column_pdf(
        tmp_path / "footer.pdf",
        CLAUSES[:5],
        hanging=hanging,
        column_lines=column_lines,
        footer=footer,
    )
    assert statements(pdf, reader) == CLAUSES[:5]


SECTIONS = [
    (
        "1 Packaging",
        [
            "1.1 Series parts shall be delivered in returnable containers of the types "
            "named in the packaging data sheet agreed for the part.",
            "1.2 The Supplier shall agree a packaging data sheet for each part number with "
            "the packaging planners before the first sample submission.",
            "1.3 One-way packaging is only permitted with written approval and must be free "
            "of PVC.",
            "1.4 Castings shall be protected against corrosion with VCI film and their ports "
            "shall be closed with protective caps.",
        ],
    ),
    (
        "2 Labelling",
        [
            "2.1 Every load carrier shall carry a transport label with a 2D barcode.",
            "2.2 Dangerous goods shall be labelled as ADR requires.",
        ],
    ),
    (
        "3 Call-offs",
        [
            "3.1 The Buyer issues delivery call-offs by EDI every working day.",
            "3.2 The Supplier shall send an advance shipping notice when the truck leaves "
            "its site.",
        ],
    ),
]
INTRO = (
    "This guideline describes how production material is to be packed, labelled, called off "
    "and delivered to the plants of the Buyer and how the Supplier and the Buyer exchange "
    "the data that goes with it. It applies to all series and spare part deliveries."
)
BELOW = (
    "4.1 Deliveries shall arrive within the time slot booked in the yard management system "
    "of the receiving plant, and a slot missed by more than thirty minutes counts as a late "
    "delivery that the Buyer records in the monthly delivery rating of the Supplier."
)


def columns_between_full_width_text(path: Path) -> Path:
    """A page as a logistics guideline sets it: a title and an introduction across the
    page, sections 1 to 3 in two columns (fpdf2's ``text_columns``, clause numbers
    inline, the right column shorter), then section 4 across the page again."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Logistics Guideline for Suppliers", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(
        0,
        5,
        INTRO,
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    with pdf.text_columns(
        ncols=2, gutter=8, text_align="J", line_height=1.2, balance=True
    ) as columns:
        for heading, clauses in SECTIONS:
            columns.write(text="\n")
            pdf.set_font("Helvetica", "B", 10)
            columns.write(text=heading + "\n")
            pdf.set_font("Helvetica", "", 9)
            for clause in clauses:
                columns.write(text=clause + "\n")
                columns.ln(0.5)
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, "4 Delivery windows", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, BELOW, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_two_columns_between_text_across_the_page(tmp_path: Path, reader: str) -> None:
    # the title, the introduction and section 4 cross any gutter on too many of
    # the page's lines, so no gutter was found and each left line was read with
    # the right line beside it: "1 Packaging 3.1 The Buyer issues ... 1.1 Series"
    pdf = columns_between_full_width_text(tmp_path / "guideline.pdf")
    document = read_document(str(pdf), reader=reader)  # type: ignore[arg-type]
    found = [(s.clause, s.section, s.text) for s in segment(document)]
    expected = [
        (text.split()[0], heading, text.split(" ", 1)[1])
        for heading, clauses in SECTIONS
        for text in clauses
    ]
    assert [row for row in found if row[0][:1] in ("1", "2", "3")] == expected
    assert found[-1] == ("4.1", "4 Delivery windows", BELOW.split(" ", 1)[1])
    assert found[1][2] == INTRO.split(". ")[1]


CONDITIONS = [
    ("8.1", "If the Subcontractor is delayed by a Relevant Event, it shall give written "
     "notice to the Contractor within 7 days of becoming aware of the delay."),
    ("8.2", "The Contractor shall notify its decision on any extension of time within 28 "
     "days of receipt of the notice and particulars."),
    ("9.1", "The Contractor may terminate the employment of the Subcontractor if the "
     "Subcontractor wholly suspends the Subcontract Works without reasonable cause."),
    ("9.2", "On termination the Subcontractor shall immediately leave the Site and remove "
     "its temporary buildings when instructed."),
    ("10.1", "This Subcontract shall be governed by the law of England and Wales."),
    ("10.2", "The courts of England and Wales shall have exclusive jurisdiction."),
]  # fmt: skip


class _RunningPage(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "", 7.5)
        self.cell(
            0, 5, "Harrowgate Build Ltd - Subcontract HB-2291-SC-014 - Ashby Wing M&E Installation"
        )
        self.ln(10)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 7.5)
        self.cell(
            0, 5, f"CONFIDENTIAL | DBSub/C 2024 as amended | Page {self.page_no()}", align="C"
        )


def columns_under_a_heading_over_a_table(path: Path) -> Path:
    """A subcontract's page: running header and footer, a heading across the page, the
    general conditions in two columns, then a schedule's heading and a ruled table."""
    pdf = _RunningPage(format="A4")
    pdf.set_margins(20, 15, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, "GENERAL CONDITIONS (continued)", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8.5)
    with pdf.text_columns(ncols=2, gutter=8, text_align="J", balance=True) as columns:
        for number, text in CONDITIONS:
            columns.write(text=f"{number}  {text}\n")
            columns.ln()
    pdf.ln(6)
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, "SCHEDULE 1 - SCHEDULE OF AMENDMENTS TO DBSub/C 2024", new_x="LMARGIN",
             new_y="NEXT")  # fmt: skip
    pdf.set_font("Helvetica", "", 8.5)
    with pdf.table(col_widths=(10, 18, 142), text_align="LEFT", line_height=4.5) as table:
        for cells in [("No.", "Clause", "Amendment"), ("1", "2.5", "Design to reasonable skill.")]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_columns_with_running_furniture_a_heading_and_a_table(tmp_path: Path, reader: str) -> None:
    # a construction walk: with all four, the header and footer were one line too many
    # crossing the gutter and the columns were read across ("8.1 If the ... 9.2 On ...")
    pdf = columns_under_a_heading_over_a_table(tmp_path / "subcontract.pdf")
    found = statements(pdf, reader)
    assert [row for row in found if row[0]] == CONDITIONS
