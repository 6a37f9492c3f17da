"""read_pdf against the generated PDFs in tests/documents/pdf and their expected files."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from extractor.errors import (
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    NoTextLayer,
    TooLarge,
    UnsupportedFormat,
)
from extractor.reading import ocr as ocr_engine
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


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def overlap(found: str, wanted: str) -> float:
    wanted_words = words_of(wanted)
    found_words = set(words_of(found))
    return sum(word in found_words for word in wanted_words) / len(wanted_words)


@pytest.mark.parametrize("name", LAYOUT_CASES)
def test_blocks_match_expected_file(name: str) -> None:
    document = read_pdf(str(PDFS / f"{name}.pdf"))
    want = [page["blocks"] for page in expected(name)["pages"]]
    assert blocks_by_page(document) == want


def test_document_fields() -> None:
    path = PDFS / "headers_footers.pdf"
    document = read_pdf(str(path))
    assert document.kind == "pdf"
    assert document.path == str(path)
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [page.number for page in document.pages] == [1, 2, 3]
    assert all(page.width == pytest.approx(595.28, abs=0.1) for page in document.pages)
    assert document.warnings == ()


@pytest.mark.parametrize("name", LAYOUT_CASES)
def test_word_offsets_point_at_their_words(name: str) -> None:
    document = read_pdf(str(PDFS / f"{name}.pdf"))
    for page in document.pages:
        for block in page.blocks:
            assert block.words, block.text
            for word in block.words:
                piece = block.text[word.start : word.end]
                assert piece and " " not in piece
                assert word.box.page == page.number
                assert 0 <= word.box.x0 < word.box.x1 <= page.width
                assert 0 <= word.box.top < word.box.bottom <= page.height


def test_hyphenated_word_keeps_both_boxes() -> None:
    document = read_pdf(str(PDFS / "hyphenation.pdf"))
    block = document.pages[0].blocks[0]
    start = block.text.index("manufacture")
    pieces = [w for w in block.words if start <= w.start < start + len("manufacture")]
    assert [block.text[w.start : w.end] for w in pieces] == ["manu", "facture"]
    assert pieces[0].box.top < pieces[1].box.top  # on two lines


def test_table_rows_are_table_blocks_with_boxes() -> None:
    document = read_pdf(str(PDFS / "table.pdf"))
    rows = [b for b in document.pages[0].blocks if b.kind == "table_row"]
    assert len(rows) == 3
    first = rows[0]
    assert first.text[first.words[-1].start : first.words[-1].end] == "E8"
    headers = {b.text for b in document.pages[0].blocks}
    assert "Property" not in " ".join(headers)


def test_heading_is_bold() -> None:
    document = read_pdf(str(PDFS / "headers_footers.pdf"))
    heading = document.pages[0].blocks[0]
    assert (heading.kind, heading.style) == ("heading", "bold")


def test_decimal_markers_give_levels() -> None:
    document = read_pdf(str(PDFS / "nested_numbering.pdf"))
    levels = {b.text.split()[0]: b.level for b in document.pages[0].blocks}
    assert (levels["1.1"], levels["1.1.1"], levels["(a)"]) == (2, 3, 0)


@pytest.mark.parametrize("name", ["scanned", "mixed_scanned"])
def test_scanned_page_is_read_by_ocr(name: str) -> None:
    document = read_pdf(str(PDFS / f"{name}.pdf"))
    want = expected(name)["pages"]
    for page, page_want in zip(document.pages, want, strict=True):
        if "text" in page_want:
            assert page.ocr
            assert all(block.ocr for block in page.blocks)
            found = " ".join(block.text for block in page.blocks)
            assert overlap(found, page_want["text"]) >= 0.9
        else:
            assert not page.ocr
            assert [{"kind": b.kind, "text": b.text} for b in page.blocks] == page_want["blocks"]
    # an IT services walk: a scan read by OCR was said nowhere
    scanned = [page.number for page in document.pages if page.ocr]
    read = f"page {scanned[0]}" if len(scanned) == 1 else f"{len(scanned)} pages"
    assert document.warnings == (
        f"{read} read by OCR from a scan: check the text against the page",
    )


def test_ocr_boxes_are_in_points() -> None:
    document = read_pdf(str(PDFS / "scanned.pdf"))
    page = document.pages[0]
    boxes = [word.box for block in page.blocks for word in block.words]
    # the image text starts 120 px from the left of a 1240 px wide A4 page
    assert min(box.x0 for box in boxes) == pytest.approx(595.28 * 120 / 1240, abs=4)
    assert max(box.x1 for box in boxes) < page.width


def test_without_tesseract_a_scan_raises_no_text_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_engine, "ocr_available", lambda: False)
    with pytest.raises(NoTextLayer, match=r"scanned\.pdf.*no OCR engine is installed"):
        read_pdf(str(PDFS / "scanned.pdf"))


def test_without_tesseract_a_mixed_file_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_engine, "ocr_available", lambda: False)
    document = read_pdf(str(PDFS / "mixed_scanned.pdf"))
    assert document.warnings == (
        "page 2 has no text layer and no OCR engine (install tesseract-ocr)",
    )
    assert document.pages[1].blocks == ()
    assert document.pages[0].blocks


def test_ocr_switched_off_warns() -> None:
    document = read_pdf(str(PDFS / "mixed_scanned.pdf"), ocr=False)
    assert len(document.warnings) == 1
    assert "page 2 has no text layer" in document.warnings[0]
    with pytest.raises(NoTextLayer, match=r"OCR is switched off \(run without --no-ocr\)"):
        read_pdf(str(PDFS / "scanned.pdf"), ocr=False)


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
        read_pdf(path)
    assert caught.value.path == path  # type: ignore[attr-defined]


def test_wrong_password_is_an_encrypted_document() -> None:
    with pytest.raises(EncryptedDocument, match="wrong password"):
        read_pdf(str(PDFS / "encrypted.pdf"), password="not-it")


def test_right_password_opens_it() -> None:
    want = expected("encrypted")
    document = read_pdf(str(PDFS / "encrypted.pdf"), password=want["password"])
    assert blocks_by_page(document) == [page["blocks"] for page in want["pages"]]


def test_more_pages_than_allowed_is_too_large() -> None:
    with pytest.raises(TooLarge, match="7 pages"):
        read_pdf(str(PDFS / "page_numbers.pdf"), max_pages=6)
    assert read_pdf(str(PDFS / "page_numbers.pdf"), max_pages=7).page_count == 7


def test_missing_file_is_a_document_error(tmp_path: Path) -> None:
    from extractor.errors import DocumentError

    with pytest.raises(DocumentError, match="cannot read"):
        read_pdf(str(tmp_path / "nowhere.pdf"))


def test_small_capitals_read_as_whole_words(small_caps_pdf: Path) -> None:
    """A heading set in small capitals ("S" 12 pt + "YSTEM" 9 pt) reads "SYSTEM TESTING"."""
    path = small_caps_pdf
    document = read_pdf(str(path))
    texts = [block.text for block in document.pages[0].blocks]
    assert texts[0] == "SYSTEM TESTING"
    assert texts[-1] == "A Bc stays apart."


def test_kerned_small_capitals_with_punctuation_read_as_whole_words(
    small_caps_kerned_pdf: Path,
) -> None:
    """Kerning overlap, "-A", "(P" and "'" inside small capitals do not split the words."""
    texts = [block.text for block in read_pdf(str(small_caps_kerned_pdf)).pages[0].blocks]
    assert texts == [
        "INVERTER BI-ANNUALLY (PER MANUFACTURER'S",
        "Check the A-frame (B) at 2 sites.",
    ]


def test_quotes_set_in_another_font_stay_in_their_words(quotes_in_another_font_pdf: Path) -> None:
    texts = [block.text for block in read_pdf(str(quotes_in_another_font_pdf)).pages[0].blocks]
    assert texts == [
        'The Service Provider\'s staff (the "Agreement") apply.',
        "Prices - as quoted - are firm ( see below ).",
    ]


def test_dingbat_ticks_read_as_bullets(dingbat_bullets_pdf: Path) -> None:
    """A tick in a picture font is a bullet, not the letter its code stands for ("4", "þ")."""
    blocks = read_pdf(str(dingbat_bullets_pdf)).pages[0].blocks
    assert [(block.kind, block.text) for block in blocks] == [
        ("list_item", "• Clean the inverter air vents every six months."),
        ("list_item", "• Check the torque marks yearly."),
    ]
