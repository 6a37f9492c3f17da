"""Write a long contract PDF of our own, and the statements it should yield.

Run ``.venv/bin/python benchmarks/make_contract.py out.pdf --pages 50``.

The contract has what real supply agreements have: a title, numbered
articles (bold headings) with numbered clauses, clauses that run on from one
page to the next, list lead-ins with (a)/(b)/(c) items, abbreviations that
must not split sentences, two ruled tables, a running header, a footer line
and "Page X of N". ``make_contract`` returns the statements a reader should
find, built from the same content it writes (never from a reader's output),
so ``tests/test_pipeline.py`` can compare against it and
``benchmarks/extract_speed.py`` can time a realistic document.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

HEADER = "Master Supply Agreement No. MSA-2024-031 between Northwind Components Ltd and Harbour"
FOOTER = "Confidential - Northwind Components Ltd"
TITLE = "MASTER SUPPLY AGREEMENT"
BODY_SIZE = 10
LINE = 5.0
WIDTH = 170.0

TOPICS = [
    "DELIVERY",
    "QUALITY",
    "INSPECTION",
    "PACKAGING",
    "PRICES AND PAYMENT",
    "WARRANTY",
    "CHANGES",
    "CONFIDENTIALITY",
    "COMPLIANCE",
    "TERM AND TERMINATION",
]
PARTIES = ["The Supplier", "The Purchaser", "Each party", "The Supplier's subcontractor"]
ACTIONS = [
    "shall deliver the goods to the plant named in the purchase order, packed for "
    "transport by road and labelled with the part number and the quantity",
    "shall keep a quality management system certified to ISO 9001 for the whole term "
    "of this agreement and send a copy of each new certificate within ten days",
    "shall inspect every lot before shipment, e.g. by sampling to ISO 2859-1, and "
    "record the results in the inspection report for the lot",
    "shall notify the other party in writing at least ninety days before any change "
    "of material, process or production site that may affect the goods",
    "shall pay each correct invoice within sixty days of receipt by bank transfer to "
    "the account named on the invoice",
    "shall comply with Regulation (EC) No. 1907/2006 (REACH) and Directive 2011/65/EU "
    "for every part delivered under this agreement",
    "shall keep all drawings, specifications and prices received under this agreement "
    "confidential, i.e. use them only to perform this agreement",
    "shall repair or replace, at its own cost, any goods that fail within twenty-four "
    "months of delivery because of a defect in material or workmanship",
    "shall keep records of each production lot for at least ten years and make them "
    "available to the other party on request",
    "shall meet the requirements of the U.S. Export Administration Regulations when it "
    "ships goods or technical data outside the country of delivery",
]
REASONS = [
    "so that the goods can be traced to their production lot",
    "unless the parties agree otherwise in writing",
    "as set out in the quality agreement signed by both parties",
    "in accordance with the delivery schedule in force at the time",
]
LIST_ITEMS = [
    "keep the goods in a dry store until they are shipped",
    "mark each box with the purchase order number",
    "send the advance shipping notice on the day of shipment",
]
ITEM_TAILS = [";", "; and", "."]
TABLE_LEADS = [
    "Prices for the parts are as follows.",
    "The unit prices below apply until the first price review.",
]
TABLE_HEADERS = ["Part number", "Description", "Unit price"]
TABLE_ROWS = [
    ["NC-1001", "Bracket, machined aluminium", "USD 12.50"],
    ["NC-1002", "Housing, die cast", "USD 48.00"],
    ["NC-1003", "Cover plate with gasket", "USD 7.25"],
]


@dataclass(frozen=True)
class Expected:
    """A statement the contract should yield."""

    text: str
    clause: str
    section: str
    page: int
    kind: str = "paragraph"


class _ContractPdf(FPDF):
    def __init__(self) -> None:
        super().__init__(format="Letter", unit="mm")
        self.set_creation_date(datetime(2024, 1, 2, tzinfo=timezone.utc))
        self.set_margins(20, 22, 20)
        self.set_auto_page_break(auto=True, margin=25)

    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.set_xy(20, 10)
        self.cell(0, 4, HEADER)
        self.set_xy(20, 22)

    def footer(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.set_xy(20, -18)
        self.cell(0, 4, FOOTER, align="C")
        self.set_xy(20, -13)
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="C")


def _first_line_page(pdf: FPDF, height: float) -> int:
    """The page the next line of ``height`` lands on (auto page break included)."""
    return pdf.page_no() + (1 if pdf.get_y() + height > pdf.page_break_trigger else 0)


def _text(pdf: FPDF, text: str, *, bold: bool = False, size: int = BODY_SIZE) -> int:
    pdf.set_font("Helvetica", "B" if bold else "", size)
    page = _first_line_page(pdf, LINE)
    pdf.set_x(20)
    pdf.multi_cell(WIDTH, LINE, text)
    pdf.ln(2)
    return page


def _page_of(pdf: FPDF, text: str, offset: int) -> int:
    """The page where character ``offset`` of ``text`` will land if written next."""
    pdf.set_font("Helvetica", "", BODY_SIZE)
    lines = pdf.multi_cell(WIDTH, LINE, text, dry_run=True, output="LINES")
    room = max(0, int((pdf.page_break_trigger - pdf.get_y()) // LINE))
    seen = 0
    for number, line in enumerate(lines):
        seen += len(line) + 1
        if offset < seen:
            return pdf.page_no() + (1 if number >= room else 0)
    return pdf.page_no() + (1 if len(lines) > room else 0)


def _fits(pdf: FPDF, text: str, pages: int) -> bool:
    """On the last page, does ``text`` still fit without starting page ``pages + 1``?"""
    if pdf.page_no() < pages:
        return True
    pdf.set_font("Helvetica", "", BODY_SIZE)
    height = pdf.multi_cell(WIDTH, LINE, text, dry_run=True, output="HEIGHT")
    return pdf.get_y() + height + 2 < pdf.page_break_trigger


def _table(pdf: FPDF) -> None:
    pdf.set_font("Helvetica", "", BODY_SIZE)
    with pdf.table(col_widths=(40, 80, 40), width=160, text_align="LEFT") as table:
        for cells in [TABLE_HEADERS, *TABLE_ROWS]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(4)


def make_contract(path: Path, pages: int = 50, seed: int = 7) -> list[Expected]:
    """Write a ``pages``-page contract to ``path``; return the statements it should yield."""
    rng = random.Random(seed)
    pdf = _ContractPdf()
    pdf.add_page()
    expected: list[Expected] = []
    _text(pdf, TITLE, bold=True, size=14)
    intro = (
        "This agreement is made between Northwind Components Ltd (the Supplier) and "
        "Harbour Instruments Inc. (the Purchaser) and sets out the terms on which the "
        "Supplier sells parts to the Purchaser."
    )
    expected.append(Expected(intro, "", TITLE, _text(pdf, intro)))
    tables_left = 2
    article = 0
    while True:
        article += 1
        section = f"{article}. {TOPICS[(article - 1) % len(TOPICS)]}"
        if pdf.page_no() >= pages and pdf.get_y() > pdf.page_break_trigger - 60:
            break
        _text(pdf, section, bold=True, size=11)
        for number in range(1, rng.randint(3, 6) + 1):
            clause = f"{article}.{number}"
            if number == 3:
                lead = f"{rng.choice(PARTIES[:2])} shall:"
                items = [
                    f"({letter}) {text}{tail}"
                    for letter, text, tail in zip("abc", LIST_ITEMS, ITEM_TAILS, strict=True)
                ]
                if not _fits(pdf, " ".join([lead, *items]) + " " * 200, pages):
                    break
                _text(pdf, f"{clause} {lead}")
                for letter, item_text in zip("abc", LIST_ITEMS, strict=True):
                    page = _first_line_page(pdf, LINE)
                    joined = f"{lead[:-1]} {item_text}."
                    expected.append(
                        Expected(joined, f"{clause}({letter})", section, page, "list_item")
                    )
                for item in items:
                    pdf.set_font("Helvetica", "", BODY_SIZE)
                    pdf.set_x(28)
                    pdf.multi_cell(WIDTH - 8, LINE, item)
                    pdf.ln(1)
                pdf.ln(1)
                continue
            first = f"{rng.choice(PARTIES)} {rng.choice(ACTIONS)} {rng.choice(REASONS)}."
            second = f"{rng.choice(PARTIES)} {rng.choice(ACTIONS)}."
            sentences = [first, second] if rng.random() < 0.5 else [first]
            text = f"{clause} {' '.join(sentences)}"
            if not _fits(pdf, text, pages):
                break
            starts = [len(clause) + 1, len(clause) + 2 + len(sentences[0])]
            pages_of = [_page_of(pdf, text, start) for start in starts[: len(sentences)]]
            _text(pdf, text)
            for sentence, page in zip(sentences, pages_of, strict=True):
                expected.append(Expected(sentence, clause, section, page, "list_item"))
        if tables_left and article % 4 == 2 and _fits(pdf, "x " * 500, pages):
            tables_left -= 1
            lead = TABLE_LEADS[tables_left % len(TABLE_LEADS)]
            if pdf.get_y() + 45 > pdf.page_break_trigger:
                pdf.add_page()  # keep the lead-in and its rows on one page
            page = _text(pdf, lead)
            expected.append(Expected(lead, "", section, page))
            row_page = _first_line_page(pdf, 3 * LINE)
            _table(pdf)
            for cells in TABLE_ROWS:
                text = f"{cells[0]}: {cells[1]} (Unit price: {cells[2]})"
                expected.append(Expected(text, "", section, row_page, "table_row"))
        if pdf.page_no() >= pages and not _fits(pdf, "x " * 200, pages):
            break
    pdf.output(str(path))
    return expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args()
    statements = make_contract(args.out, args.pages)
    print(f"wrote {args.out}: {args.pages} pages, {len(statements)} expected statements")


if __name__ == "__main__":
    main()
