"""Ruled tables from PDFium's paths against the pdfplumber reader's, on our generated PDFs."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pdfplumber
import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest

from extractor.reading.fast_pdf import _Frame, _words
from extractor.reading.fast_pdf_tables import (
    may_have_table,
    page_paths,
    plain_call,
    read_tables,
)
from extractor.reading.pdf import _RawPage
from extractor.reading.pdf import _read_page as read_plumber_page

PDFS = Path(__file__).parent.parent / "documents" / "pdf"


def cell_texts(tables: list) -> list[list[list[str]]]:
    return [
        [[" ".join(word.text for word in cell) for cell in row] for row in table.rows]
        for table in tables
    ]


@pytest.mark.parametrize(("name", "grid"), [("table", True), ("headers_footers", False)])
def test_grid_test_finds_only_ruled_tables(name: str, grid: bool) -> None:
    pdf = pypdfium2.PdfDocument(str(PDFS / f"{name}.pdf"))
    try:
        assert may_have_table(page_paths(pdf[0])) is grid
    finally:
        pdf.close()


@pytest.mark.parametrize("name", ["table", "table_two_pages"])
def test_tables_match_the_pdfplumber_reader(name: str) -> None:
    path = str(PDFS / f"{name}.pdf")
    pdf = pypdfium2.PdfDocument(path)
    with pdfplumber.open(path) as plumber:
        for index in range(len(pdf)):
            page = pdf[index]
            left, bottom, right, top = page.get_bbox()
            raw = _RawPage(index + 1, right - left, top - bottom)
            textpage = page.get_textpage()
            raw.words, _ = _words(textpage, _Frame(left, top))
            textpage.close()
            tables, left_over = read_tables(page_paths(page), raw, left, top)
            reference = read_plumber_page(plumber.pages[index])
            assert tables, "each page of these PDFs holds a ruled table"
            assert cell_texts(tables) == cell_texts(reference.tables)
            assert [t.top for t in tables] == pytest.approx([t.top for t in reference.tables])
            assert [w.text for w in left_over] == [w.text for w in reference.words]
            page.close()
    pdf.close()


def test_plain_call_gives_what_the_checked_binding_gives() -> None:
    pdf = pypdfium2.PdfDocument(str(PDFS / "table.pdf"))
    page = pdf[0]
    count_objects = plain_call(pdfium_c.FPDFPage_CountObjects)
    handle = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
    assert count_objects(handle) == pdfium_c.FPDFPage_CountObjects(page.raw) > 0
    page.close()
    pdf.close()
