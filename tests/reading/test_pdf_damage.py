"""Damaged PDFs: a plain reason for a file cut short, a short detail otherwise, no log noise."""

from __future__ import annotations

import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from extractor.errors import CorruptDocument, error_detail
from extractor.reading.dispatch import read_document_bytes
from extractor.reading.pdf_damage import is_cut_short, undecodable_streams, unopenable_reason

PDFS = Path(__file__).resolve().parents[1] / "documents" / "pdf"
SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
READERS = ("pdfplumber", "fast")


def test_a_whole_pdf_is_not_cut_short_and_a_truncated_one_is() -> None:
    whole = (PDFS / "two_columns.pdf").read_bytes()
    assert not is_cut_short(whole)
    assert not is_cut_short(whole + b"\r\n" + b" " * 500)  # white space after the marker
    assert is_cut_short(whole[: len(whole) // 2])
    assert is_cut_short((PDFS / "corrupt.pdf").read_bytes())


@pytest.mark.parametrize("reader", READERS)
def test_a_truncated_pdf_says_it_is_incomplete_in_both_readers(reader: str) -> None:
    data = (PDFS / "corrupt.pdf").read_bytes()
    with pytest.raises(CorruptDocument) as caught:
        read_document_bytes(data, "order.pdf", reader=reader)  # type: ignore[arg-type]
    assert "the PDF is incomplete" in caught.value.reason
    assert "interrupted download" in caught.value.reason


@pytest.mark.parametrize("reader", READERS)
def test_a_pdf_damaged_inside_keeps_a_short_error_detail(reader: str) -> None:
    whole = (PDFS / "two_columns.pdf").read_bytes()
    # The catalogue and every object header gone, the end marker kept: not cut short.
    data = whole.replace(b" obj", b" jbo").replace(b"/Root", b"/Roof")
    assert not is_cut_short(data)
    with pytest.raises(CorruptDocument) as caught:
        read_document_bytes(data, "order.pdf", reader=reader)  # type: ignore[arg-type]
    reason = caught.value.reason
    assert "damaged" in reason and "incomplete" not in reason
    assert len(reason) < 220


def test_library_detail_is_one_short_line() -> None:
    error = ValueError("Invalid dictionary construct:\n" + "[/'Ascent', 928] " * 40)
    detail = error_detail(error)
    assert detail.startswith("ValueError: Invalid dictionary construct: [/'Ascent', 928]")
    assert "\n" not in detail and len(detail) <= len("ValueError: ") + 120
    assert detail.endswith("…")
    assert error_detail(KeyError()) == "KeyError"


def test_unopenable_reason_prefers_the_plain_cause() -> None:
    error = RuntimeError("PSEOF: Unexpected EOF")
    assert "incomplete" in unopenable_reason(b"%PDF-1.7\n1 0 obj", error)
    assert "RuntimeError: PSEOF" in unopenable_reason(b"%PDF-1.7\n...%%EOF\n", error)


def test_pdfminer_log_lines_do_not_reach_the_terminal(tmp_path: Path) -> None:
    """A damaged xref entry makes pdfminer log a warning; the CLI prints only its own lines."""
    whole = (PDFS / "two_columns.pdf").read_bytes()
    entry = b"0000000862 00000 n"
    assert entry in whole
    damaged = tmp_path / "xref.pdf"
    damaged.write_bytes(whole.replace(entry, b"0\xcf00000862 00000 n"))
    result = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", str(damaged)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()  # the file was still read
    assert "xref" not in result.stderr and "Not adding" not in result.stderr


def _flip_inside_streams(data: bytes) -> bytes:
    """Flip ten bytes in the middle of every compressed stream, as a bad disk or copy would."""
    damaged = bytearray(data)
    for match in re.finditer(rb"/Length (\d+)[^>]*>>\s*stream\r?\n", data):
        length, start = int(match.group(1)), match.end()
        for index in range(start + length // 2, start + length // 2 + 10):
            damaged[index] ^= 0xFF
    return bytes(damaged)


def test_streams_that_do_not_decompress_are_counted() -> None:
    whole = (SAMPLES / "food_purchase_order_terms.pdf").read_bytes()
    assert undecodable_streams(whole) == (0, 10)
    assert undecodable_streams(_flip_inside_streams(whole)) == (10, 10)
    assert undecodable_streams(b"%PDF-1.7\n/Encrypt 5 0 R stream\n\x00\x01") == (0, 0)
    packed = zlib.compress(b"BT (The Supplier shall ship.) Tj ET")
    flate = b"1 0 obj\n<< /Filter /FlateDecode >>\nstream\n" + packed + b"\nendstream"
    assert undecodable_streams(flate) == (0, 1)
    assert undecodable_streams(flate.replace(packed[4:8], b"\x00" * 4)) == (1, 1)
    ascii85_first = flate.replace(b"/FlateDecode", b"[/ASCII85Decode /FlateDecode]")
    assert undecodable_streams(ascii85_first.replace(packed, b"6<#'\\7PQ#@1a#b0+>GQ(+?~>")) == (
        0,
        0,
    )


@pytest.mark.parametrize("reader", READERS)
def test_a_pdf_with_damaged_streams_warns_that_text_may_be_missing(reader: str) -> None:
    """A walk: flipped bytes lost 53 of 56 statements of a purchase order without a word."""
    damaged = _flip_inside_streams((SAMPLES / "food_purchase_order_terms.pdf").read_bytes())
    document = read_document_bytes(damaged, "order.pdf", reader=reader)  # type: ignore[arg-type]
    assert document.warnings == (
        "the PDF is damaged: 10 of its 10 compressed text and font parts cannot be decoded,"
        " so text may be missing or garbled; get an undamaged copy",
    )


@pytest.mark.parametrize("reader", READERS)
def test_a_damaged_pdf_with_no_text_left_says_damaged_not_empty(
    reader: str, tmp_path: Path
) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", "", 10)
    pdf.add_page()
    pdf.multi_cell(0, 5, "The Supplier shall deliver the goods DDP. " * 20)
    path = tmp_path / "order.pdf"
    pdf.output(str(path))
    damaged = _flip_inside_streams(path.read_bytes())
    with pytest.raises(CorruptDocument) as caught:
        read_document_bytes(damaged, "order.pdf", reader=reader)  # type: ignore[arg-type]
    assert caught.value.reason.startswith("the PDF is damaged: 1 of its 1 compressed")
    assert "no text could be read" in caught.value.reason
