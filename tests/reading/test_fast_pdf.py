"""read_pdf_fast (pypdfium2) against the same generated PDFs and expected files as read_pdf."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from script_loader import load_script

from extractor.errors import (
    CorruptDocument,
    DocumentError,
    EmptyDocument,
    EncryptedDocument,
    NoTextLayer,
    TooLarge,
    UnsupportedFormat,
)
from extractor.reading import ocr as ocr_engine
from extractor.reading import read_document, read_document_bytes
from extractor.reading.fast_pdf import read_pdf_fast
from extractor.reading.pdf import read_pdf
from extractor.types import Document

PDFS = Path(__file__).parent.parent / "documents" / "pdf"
LAYOUT_CASES = [
    "headers_footers",
    "page_numbers",
    "nested_numbering",
    "hyphenation",
    "two_columns",
    "table",
    "table_two_pages",
]


def expected(name: str) -> dict:
    return json.loads((PDFS / f"{name}.expected.json").read_text(encoding="utf-8"))


def blocks_by_page(document: Document) -> list[list[dict[str, str]]]:
    return [[{"kind": b.kind, "text": b.text} for b in page.blocks] for page in document.pages]


@pytest.mark.parametrize("name", LAYOUT_CASES)
def test_blocks_match_expected_file(name: str) -> None:
    document = read_pdf_fast(str(PDFS / f"{name}.pdf"))
    assert blocks_by_page(document) == [page["blocks"] for page in expected(name)["pages"]]


@pytest.mark.parametrize("name", LAYOUT_CASES)
def test_word_boxes_agree_with_pdfplumber(name: str) -> None:
    """Same words, boxes within half a point of the reference reader's."""
    fast = read_pdf_fast(str(PDFS / f"{name}.pdf"))
    reference = read_pdf(str(PDFS / f"{name}.pdf"))
    for fast_page, reference_page in zip(fast.pages, reference.pages, strict=True):
        assert (fast_page.width, fast_page.height) == pytest.approx(
            (reference_page.width, reference_page.height), abs=0.01
        )
        fast_words = [w for block in fast_page.blocks for w in block.words]
        reference_words = [w for block in reference_page.blocks for w in block.words]
        assert len(fast_words) == len(reference_words)
        for mine, theirs in zip(fast_words, reference_words, strict=True):
            assert (mine.box.x0, mine.box.x1) == pytest.approx(
                (theirs.box.x0, theirs.box.x1), abs=0.5
            )
            assert (mine.box.top, mine.box.bottom) == pytest.approx(
                (theirs.box.top, theirs.box.bottom), abs=0.5
            )


def test_document_fields() -> None:
    path = PDFS / "headers_footers.pdf"
    document = read_pdf_fast(str(path))
    assert (document.kind, document.path) == ("pdf", str(path))
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [page.number for page in document.pages] == [1, 2, 3]
    assert document.warnings == ()


def test_heading_is_bold_and_hyphen_is_kept_apart() -> None:
    heading = read_pdf_fast(str(PDFS / "headers_footers.pdf")).pages[0].blocks[0]
    assert (heading.kind, heading.style) == ("heading", "bold")
    block = read_pdf_fast(str(PDFS / "hyphenation.pdf")).pages[0].blocks[0]
    start = block.text.index("manufacture")
    pieces = [w for w in block.words if start <= w.start < start + len("manufacture")]
    assert [block.text[w.start : w.end] for w in pieces] == ["manu", "facture"]


def test_dispatcher_picks_the_fast_reader() -> None:
    path = str(PDFS / "two_columns.pdf")
    fast = read_document(path, reader="fast")
    assert blocks_by_page(fast) == [page["blocks"] for page in expected("two_columns")["pages"]]


def test_fast_reader_on_bytes_keeps_the_given_name() -> None:
    data = (PDFS / "table.pdf").read_bytes()
    document = read_document_bytes(data, "archive.zip#orders/table.pdf", reader="fast")
    assert document.path == "archive.zip#orders/table.pdf"
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert blocks_by_page(document) == [page["blocks"] for page in expected("table")["pages"]]
    with pytest.raises(CorruptDocument) as caught:
        read_document_bytes(
            (PDFS / "corrupt.pdf").read_bytes(), "archive.zip#bad.pdf", reader="fast"
        )
    assert caught.value.path == "archive.zip#bad.pdf"


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("corrupt", CorruptDocument),
        ("not_a_pdf", UnsupportedFormat),
        ("empty", EmptyDocument),
        ("encrypted", EncryptedDocument),
    ],
)
def test_bad_input_raises_our_error(name: str, error: type[Exception]) -> None:
    path = str(PDFS / f"{name}.pdf")
    with pytest.raises(error) as caught:
        read_pdf_fast(path)
    assert caught.value.path == path  # type: ignore[attr-defined]


def test_passwords() -> None:
    with pytest.raises(EncryptedDocument, match="wrong password"):
        read_pdf_fast(str(PDFS / "encrypted.pdf"), password="not-it")
    want = expected("encrypted")
    document = read_pdf_fast(str(PDFS / "encrypted.pdf"), password=want["password"])
    assert blocks_by_page(document) == [page["blocks"] for page in want["pages"]]


def test_more_pages_than_allowed_is_too_large() -> None:
    with pytest.raises(TooLarge, match="7 pages"):
        read_pdf_fast(str(PDFS / "page_numbers.pdf"), max_pages=6)
    assert read_pdf_fast(str(PDFS / "page_numbers.pdf"), max_pages=7).page_count == 7


def test_missing_file_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot read"):
        read_pdf_fast(str(tmp_path / "nowhere.pdf"))


def test_scans_without_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_engine, "ocr_available", lambda: False)
    with pytest.raises(NoTextLayer, match=r"scanned\.pdf"):
        read_pdf_fast(str(PDFS / "scanned.pdf"))
    document = read_pdf_fast(str(PDFS / "mixed_scanned.pdf"))
    assert document.warnings == (
        "page 2 has no text layer and no OCR engine (install tesseract-ocr)",
    )
    assert document.pages[0].blocks and not document.pages[1].blocks


@pytest.mark.skipif(not ocr_engine.ocr_available(), reason="tesseract is not installed")
def test_scanned_page_is_read_by_ocr() -> None:
    document = read_pdf_fast(str(PDFS / "mixed_scanned.pdf"))
    assert not document.pages[0].ocr and document.pages[1].ocr
    assert document.pages[1].blocks
    assert document.warnings == ("page 2 read by OCR from a scan: check the text against the page",)


def test_small_capitals_read_as_whole_words(small_caps_pdf: Path) -> None:
    """As in the pdfplumber reader: "S" 12 pt + "YSTEM" 9 pt reads "SYSTEM"."""
    path = small_caps_pdf
    texts = [block.text for block in read_pdf_fast(str(path)).pages[0].blocks]
    assert texts == [block.text for block in read_pdf(str(path)).pages[0].blocks]
    assert (texts[0], texts[-1]) == ("SYSTEM TESTING", "A Bc stays apart.")


def test_quotes_set_in_another_font_read_as_the_pdfplumber_reader_reads_them(
    quotes_in_another_font_pdf: Path,
) -> None:
    path = str(quotes_in_another_font_pdf)
    texts = [block.text for block in read_pdf_fast(path).pages[0].blocks]
    assert texts == [block.text for block in read_pdf(path).pages[0].blocks]
    assert texts[0] == 'The Service Provider\'s staff (the "Agreement") apply.'


def test_kerned_small_capitals_read_as_the_pdfplumber_reader_reads_them(
    small_caps_kerned_pdf: Path,
) -> None:
    path = small_caps_kerned_pdf
    texts = [block.text for block in read_pdf_fast(str(path)).pages[0].blocks]
    assert texts == [block.text for block in read_pdf(str(path)).pages[0].blocks]
    assert texts[0] == "INVERTER BI-ANNUALLY (PER MANUFACTURER'S"


def _make_contract(path: Path, pages: int) -> None:
    script = Path(__file__).parent.parent.parent / "benchmarks" / "make_contract.py"
    load_script(script, "make_contract").make_contract(path, pages=pages)


def test_contract_with_ruled_tables_reads_as_the_reference(tmp_path: Path) -> None:
    """Tables found on PDFium's paths: the same rows and clauses as pdfplumber's reader."""
    path = tmp_path / "contract.pdf"
    _make_contract(path, pages=6)
    fast = blocks_by_page(read_pdf_fast(str(path)))
    assert any(block["kind"] == "table_row" for page in fast for block in page)
    assert fast == blocks_by_page(read_pdf(str(path)))


def test_tables_are_found_without_pdfplumber_parsing_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pdfplumber

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the fast reader opened the PDF with pdfplumber")

    monkeypatch.setattr(pdfplumber, "open", refuse)
    document = read_pdf_fast(str(PDFS / "table_two_pages.pdf"))
    assert blocks_by_page(document) == [
        page["blocks"] for page in expected("table_two_pages")["pages"]
    ]


@pytest.mark.parametrize("enabled", [True, False])
def test_cycle_collector_left_as_it_was(enabled: bool) -> None:
    import gc

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        read_pdf_fast(str(PDFS / "table.pdf"))
        assert gc.isenabled() is enabled
        with pytest.raises(EmptyDocument):
            read_pdf_fast(str(PDFS / "empty.pdf"))
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_dingbat_ticks_read_as_the_pdfplumber_reader_reads_them(dingbat_bullets_pdf: Path) -> None:
    path = str(dingbat_bullets_pdf)
    fast = [(block.kind, block.text) for block in read_pdf_fast(path).pages[0].blocks]
    assert fast == [(block.kind, block.text) for block in read_pdf(path).pages[0].blocks]
    assert fast[0] == ("list_item", "• Clean the inverter air vents every six months.")


def test_a_delivery_schedule_pdf_keeps_every_line_in_both_readers(tmp_path: Path) -> None:
    """Three pages of the same clause with other numbers: statements, not running headers."""
    from fpdf import FPDF

    from extractor.segmenting import segment

    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", "", 10)
    for page in range(1, 4):
        pdf.add_page()
        for row in range(8):
            pdf.set_xy(20, 20 + 12 * row)
            pdf.cell(
                0,
                6,
                f"{page}.{row + 1} The Supplier shall deliver lot {8 * (page - 1) + row} of the"
                f" goods within {10 + row} days of the order, packed in crates.",
            )
    path = tmp_path / "schedule.pdf"
    pdf.output(str(path))
    for read in (read_pdf, read_pdf_fast):
        statements = segment(read(str(path)))
        assert len(statements) == 24, read.__name__
        assert (statements[8].clause, statements[8].page) == ("2.1", 2)


@pytest.mark.parametrize("careful", [False, True], ids=["fast", "pdfplumber"])
def test_a_page_with_more_characters_than_any_page_of_text_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, careful: bool
) -> None:
    """A walk: one page of a million one-letter text objects took 35 s and 1.1 GB (fast
    reader) and 97 s and 2.3 GB (pdfplumber); PDFium counts the characters first."""
    from fpdf import FPDF

    from extractor.reading import fast_pdf, pdf

    document_pdf = FPDF(format="A4")
    document_pdf.set_font("Helvetica", "", 10)
    for text in ("The Supplier shall ship weekly.", "x " * 400):
        document_pdf.add_page()
        document_pdf.set_xy(20, 20)
        document_pdf.multi_cell(0, 5, text)
    path = tmp_path / "dense.pdf"
    document_pdf.output(str(path))
    module, read = (pdf, read_pdf) if careful else (fast_pdf, read_pdf_fast)
    monkeypatch.setattr(module, "MAX_PAGE_CHARACTERS", 500)
    document = read(str(path))
    assert [block.text for page in document.pages for block in page.blocks] == [
        "The Supplier shall ship weekly."
    ]
    assert document.warnings == (
        "page 2 holds 806 characters, more than 500, which no page of text has; it was not read",
    )
    monkeypatch.setattr(module, "MAX_PAGE_CHARACTERS", 10)
    with pytest.raises(TooLarge, match="page 1 holds 31 characters, more than 10"):
        read(str(path))
