"""Write the small test PDFs under tests/documents/pdf/ and the expected reading beside each.

Run: .venv/bin/python tests/documents/make_pdfs.py

Each document is described here as the blocks we intend a reader to find
(kind and text, page by page); the PDF is rendered from that description,
and the same description is written as ``<name>.expected.json``. So the
expected files come from the input, never from the reader's output. Page
furniture (headers, footers, page numbers) is rendered but not expected.
Re-running rewrites identical expected files; PDFs carry a fixed creation date.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).parent / "pdf"
FIXED_DATE = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
FONT = "Helvetica"
BODY_SIZE = 10
LINE_MM = 5.0
PASSWORD = "s3cret"


@dataclass
class Item:
    """One intended block: its kind, its text, and how deep a list item is indented."""

    kind: str
    text: str
    indent: float = 0.0
    lines: list[str] = field(default_factory=list)  # forced line breaks, when they matter


def para(text: str) -> Item:
    return Item("paragraph", text)


def item(text: str, indent: float = 0.0) -> Item:
    return Item("list_item", text, indent)


def heading(text: str) -> Item:
    return Item("heading", text)


class _Pdf(FPDF):
    """FPDF with a fixed date and optional running header and footer."""

    def __init__(
        self,
        header_text: str = "",
        footer: Callable[[int, int], list[str]] | None = None,
        pages: int = 0,
    ) -> None:
        super().__init__(format="A4")
        self.set_creation_date(FIXED_DATE)
        self.set_auto_page_break(auto=False)
        self.set_margins(20, 25, 20)
        self.header_text = header_text
        self.footer_lines = footer
        self.total_pages = pages

    def header(self) -> None:
        if self.header_text:
            self.set_font(FONT, "", 8)
            self.set_xy(20, 10)
            self.cell(0, 4, self.header_text)

    def footer(self) -> None:
        if self.footer_lines:
            self.set_font(FONT, "", 8)
            lines = self.footer_lines(self.page_no(), self.total_pages)
            for i, text in enumerate(lines):
                self.set_xy(20, 297 - 18 + i * 5)
                self.cell(0, 4, text, align="C")


def _write_items(pdf: FPDF, items: list[Item], width: float = 170.0, left: float = 20.0) -> None:
    for block in items:
        if block.kind == "heading":
            pdf.set_font(FONT, "B", 13)
            pdf.set_x(left)
            pdf.multi_cell(width, 7, block.text)
        else:
            pdf.set_font(FONT, "", BODY_SIZE)
            pdf.set_x(left + block.indent)
            if block.lines:
                for line in block.lines:
                    pdf.set_x(left + block.indent)
                    pdf.cell(width - block.indent, LINE_MM, line)
                    pdf.ln(LINE_MM)
            else:
                pdf.multi_cell(width - block.indent, LINE_MM, block.text)
        pdf.ln(3)


def _expected(pages: list[list[Item]]) -> dict[str, object]:
    return {
        "pages": [
            {"number": n, "blocks": [{"kind": b.kind, "text": b.text} for b in items]}
            for n, items in enumerate(pages, start=1)
        ]
    }


def _save(name: str, pdf: FPDF, expected: dict[str, object] | None) -> None:
    pdf.output(str(OUT / f"{name}.pdf"))
    if expected is not None:
        text = json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
        (OUT / f"{name}.expected.json").write_text(text, encoding="utf-8")


def _simple(name: str, pages: list[list[Item]], **pdf_args: object) -> None:
    pdf = _Pdf(pages=len(pages), **pdf_args)  # type: ignore[arg-type]
    for items in pages:
        pdf.add_page()
        pdf.set_y(25)
        _write_items(pdf, items)
    _save(name, pdf, _expected(pages))


# --- the documents -----------------------------------------------------------

HEADERS_FOOTERS = [
    [
        heading("Supply Agreement"),
        para(
            "This agreement sets out the terms on which the Supplier delivers machined "
            "housings to the Purchaser. It applies to every purchase order issued under it."
        ),
        item(
            "1. The Supplier shall deliver the goods within thirty days of the date of each "
            "purchase order, packed for transport by road."
        ),
        item("2. The Purchaser shall pay each correct invoice within sixty days of receipt."),
    ],
    [
        item(
            "3. The Supplier shall keep a quality management system certified to ISO 9001 "
            "for the whole term of this agreement."
        ),
        item(
            "4. The Supplier shall notify the Purchaser in writing of any change of material, "
            "process or production site at least ninety days before the change."
        ),
    ],
    [
        item(
            "5. Either party may end this agreement by giving six months written notice "
            "to the other party."
        ),
        para("Signed for and on behalf of both parties on the date written above."),
    ],
]

PAGE_NUMBER_FORMS = ["1", "- 2 -", "Page 3", "Page 4 of 7", "5 of 7", "p. 6", "vii"]
PAGE_NUMBER_BODIES = [
    "The Supplier shall deliver the first batch in January.",
    "Spare parts shall stay available for ten years after the last delivery.",
    "Invoices shall quote the purchase order number.",
    "The Purchaser may inspect the works at any reasonable time.",
    "Drawings remain the property of the Purchaser.",
    "Each shipment shall include a packing list.",
    "Prices are fixed until the end of the year.",
]

NESTED = [
    [
        heading("Quality Requirements"),
        item("1. General", 0),
        item(
            "1.1 The Supplier shall meet the requirements of this section for every "
            "delivery of parts.",
            0,
        ),
        item("1.1.1 Each lot shall carry a certificate of conformity.", 8),
        item("1.1.2 Each certificate shall name the drawing and its revision.", 8),
        para("The Supplier shall:"),
        item("(a) keep records of each inspection for ten years;", 8),
        item("(b) make the records available on request; and", 8),
        item("(i) send copies within five working days;", 16),
        item("(ii) send originals only when the Purchaser asks for them.", 16),
        item("2. Packaging", 0),
        item("2.1 Parts shall be packed in closed boxes that keep out dust and water.", 0),
        item("a) Boxes shall be labelled with the part number.", 8),
        item("- Labels shall be printed, not handwritten.", 8),
        item("* Each label shall show the quantity in the box.", 8),
    ]
]

HYPHENATION_LINES = [
    "The Supplier shall manu-",
    "facture every part to the drawing and shall co-operate with the Purchaser",
    "during each audit. The Supplier's quality system shall comply with ISO-",
    "9001 and the Supplier shall not use self-",
    "employed inspectors without written consent.",
]
HYPHENATION_TEXT = (
    "The Supplier shall manufacture every part to the drawing and shall co-operate with the "
    "Purchaser during each audit. The Supplier's quality system shall comply with ISO-9001 "
    "and the Supplier shall not use self-employed inspectors without written consent."
)

TWO_COLUMN_LEFT = [
    item(
        "1. The Contractor shall supply all labour, materials and equipment needed "
        "to complete the works described in this statement of work."
    ),
    item(
        "2. The Contractor shall keep the site clean and shall remove waste at the "
        "end of every working day."
    ),
]
TWO_COLUMN_RIGHT = [
    item(
        "3. The Contractor shall give the Client a written progress report every "
        "week, listing the tasks finished and the tasks planned."
    ),
    item(
        "4. The Client shall give the Contractor access to the site between eight "
        "in the morning and six in the evening."
    ),
]

TABLE_HEADERS = ["Property", "Requirement", "Test method"]
TABLE_ROWS = [
    ["Tensile strength", "min 500 MPa", "ASTM E8"],
    ["Hardness", "200 to 250 HB", "ASTM E10"],
    ["Elongation", "min 18 %", "ASTM E8"],
]

IMPACT_ROW = ["Impact energy", "min 27 J", "ISO 148-1"]

SCANNED_SENTENCES = [
    "The Supplier shall deliver the pumps",
    "to the Purchaser's warehouse in Leeds.",
    "Each pump shall be tested before it",
    "leaves the factory.",
]
MIXED_TEXT_PAGE = [
    heading("Purchase Order 4711"),
    para("The Supplier shall deliver fifty control valves by the end of March."),
]


def _scan_image(lines: list[str]) -> Image.Image:
    """A page-sized grey-free image of text, as a scanner would give it (150 dpi)."""
    width, height = 1240, 1754  # A4 at 150 dpi
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=44)
    for i, line in enumerate(lines):
        draw.text((120, 160 + i * 80), line, fill=0, font=font)
    return image


def _add_scanned_page(pdf: FPDF, lines: list[str]) -> None:
    pdf.add_page()
    pdf.image(_scan_image(lines), x=0, y=0, w=210, h=297)


def make_headers_footers() -> None:
    def footer(page: int, total: int) -> list[str]:
        return ["CONFIDENTIAL - Acme Industries Ltd", f"Page {page} of {total}"]

    _simple(
        "headers_footers",
        HEADERS_FOOTERS,
        header_text="Supply Agreement No. SA-2024-17 between Acme Industries Ltd and Brightpart",
        footer=footer,
    )


def make_page_numbers() -> None:
    pages = [[para(text)] for text in PAGE_NUMBER_BODIES]
    pdf = _Pdf(pages=len(pages))
    for n, items in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_y(40)
        _write_items(pdf, items)
        pdf.set_font(FONT, "", 9)
        form = PAGE_NUMBER_FORMS[n - 1]
        if n % 2:  # odd pages carry the number at the foot, even pages at the head
            pdf.set_xy(20, 280)
        else:
            pdf.set_xy(20, 12)
        pdf.cell(170, 4, form, align="C" if n % 3 else "R")
    _save("page_numbers", pdf, _expected(pages))


def make_nested_numbering() -> None:
    _simple("nested_numbering", NESTED)


def make_hyphenation() -> None:
    block = Item("paragraph", HYPHENATION_TEXT, lines=HYPHENATION_LINES)
    _simple("hyphenation", [[block]])


def make_two_columns() -> None:
    pdf = _Pdf(pages=1)
    pdf.add_page()
    pdf.set_y(25)
    title = heading("Statement of Work: Site Services")
    _write_items(pdf, [title])
    top = pdf.get_y()
    _write_items(pdf, TWO_COLUMN_LEFT, width=80, left=20)
    pdf.set_y(top)
    _write_items(pdf, TWO_COLUMN_RIGHT, width=80, left=110)
    closing = para("Both parties shall sign this statement of work before the works begin.")
    pdf.set_y(150)
    _write_items(pdf, [closing])
    expected = _expected([[title, *TWO_COLUMN_LEFT, *TWO_COLUMN_RIGHT, closing]])
    _save("two_columns", pdf, expected)


def make_table() -> None:
    intro = para("The bar stock shall meet the following properties.")
    after = para("The Supplier shall send the test reports with each delivery.")
    pdf = _Pdf(pages=1)
    pdf.add_page()
    pdf.set_y(25)
    _write_items(pdf, [intro])
    pdf.set_font(FONT, "", BODY_SIZE)
    with pdf.table(col_widths=(50, 60, 50), width=160, text_align="LEFT") as table:
        for cells in [TABLE_HEADERS, *TABLE_ROWS]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(6)
    _write_items(pdf, [after])
    rows = [
        Item("table_row", f"{name}: {value} ({TABLE_HEADERS[2]}: {method})")
        for name, value, method in TABLE_ROWS
    ]
    _save("table", pdf, _expected([[intro, *rows, after]]))


def _ruled_table(pdf: FPDF, rows: list[list[str]], *, headings: bool = True) -> None:
    pdf.set_font(FONT, "", BODY_SIZE)
    with pdf.table(
        col_widths=(50, 60, 50), width=160, text_align="LEFT", first_row_as_headings=headings
    ) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)


def make_table_two_pages() -> None:
    """A table continued on page 2 without its header row: the rows keep the headers."""
    intro = para("The castings shall meet the following properties.")
    pdf = _Pdf(pages=2)
    pdf.add_page()
    pdf.set_y(25)
    _write_items(pdf, [intro])
    _ruled_table(pdf, [TABLE_HEADERS, *TABLE_ROWS[:2]])
    pdf.add_page()
    pdf.set_y(25)
    _ruled_table(pdf, [*TABLE_ROWS[2:], IMPACT_ROW], headings=False)
    rows = [
        Item("table_row", f"{name}: {value} ({TABLE_HEADERS[2]}: {method})")
        for name, value, method in [*TABLE_ROWS, IMPACT_ROW]
    ]
    _save("table_two_pages", pdf, _expected([[intro, *rows[:2]], rows[2:]]))


def make_scanned() -> None:
    pdf = _Pdf(pages=1)
    _add_scanned_page(pdf, SCANNED_SENTENCES)
    expected = {"pages": [{"number": 1, "ocr": True, "text": " ".join(SCANNED_SENTENCES)}]}
    _save("scanned", pdf, expected)


def make_mixed_scanned() -> None:
    pdf = _Pdf(pages=2)
    pdf.add_page()
    pdf.set_y(25)
    _write_items(pdf, MIXED_TEXT_PAGE)
    _add_scanned_page(pdf, SCANNED_SENTENCES)
    expected = _expected([MIXED_TEXT_PAGE])
    expected["pages"] = [  # type: ignore[index]
        *expected["pages"],  # type: ignore[misc]
        {"number": 2, "ocr": True, "text": " ".join(SCANNED_SENTENCES)},
    ]
    _save("mixed_scanned", pdf, expected)


def make_bad_inputs() -> None:
    pdf = _Pdf(pages=1)
    pdf.add_page()
    _save("empty", pdf, {"error": "EmptyDocument"})

    encrypted = _Pdf(pages=1)
    encrypted.set_encryption(owner_password="owner-" + PASSWORD, user_password=PASSWORD)
    encrypted.add_page()
    encrypted.set_y(25)
    secret = [para("The price list in this order is confidential.")]
    _write_items(encrypted, secret)
    _save("encrypted", encrypted, {"password": PASSWORD, **_expected([secret])})

    whole = (OUT / "headers_footers.pdf").read_bytes()
    (OUT / "corrupt.pdf").write_bytes(whole[: len(whole) // 3])
    (OUT / "not_a_pdf.pdf").write_text(
        "This is a plain text note that someone saved with a .pdf name.\n", encoding="utf-8"
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    make_headers_footers()
    make_page_numbers()
    make_nested_numbering()
    make_hyphenation()
    make_two_columns()
    make_table()
    make_table_two_pages()
    make_scanned()
    make_mixed_scanned()
    make_bad_inputs()


if __name__ == "__main__":
    main()
