"""End to end: ``extract_file`` on every test document against the statements it should yield.

The expected files (``tests/documents/statements/*.expected.jsonl``) were
written from what the generator scripts put into each document, not from the
tool's output. Each statement is checked for its text, page, clause, section
and kind, in order (so a missing, extra or wrongly split statement fails);
PDF statements are also checked against the PDF itself: their boxes lie on
their page, hold only the statement's own words, and cover them.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from script_loader import load_script

from extractor.pipeline import Extraction, extract_file
from extractor.types import Statement

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "tests" / "documents"
EXPECTED = sorted((DOCUMENTS / "statements").glob("*.expected.jsonl"))
PASSWORDS = {"pdf/encrypted.pdf": "s3cret"}
FURNITURE = [  # what make_pdfs.py prints as running headers, footers and page numbers
    "SA-2024-17",
    "CONFIDENTIAL",
    "Page 1 of",
    "Page 2 of",
    "Page 3 of",
    "- 2 -",
    "5 of 7",
    "p. 6",
]
HAS_TESSERACT = shutil.which("tesseract") is not None


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _part(extraction: Extraction) -> str:
    path = extraction.document.path
    return path.split("#", 1)[1] if "#" in path else ""


def _summary(statement: Statement, part: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "text": statement.text,
        "page": statement.page,
        "clause": statement.clause,
        "section": statement.section,
        "kind": statement.kind,
    }
    if statement.ocr:
        record["ocr"] = True
    if part:
        record["part"] = part
    return record


def _words(text: str) -> list[str]:
    return [word for word in re.findall(r"[^\W_]+", text.lower()) if word]


def _letters(text: str) -> str:
    return "".join(_words(text))


def _check_boxes(pdf_path: Path, statements: list[Statement], password: str | None) -> None:
    """Boxes on the statement's page (first box there), inside the page, holding its words."""
    with pdfplumber.open(pdf_path, password=password or "") as pdf:
        for statement in statements:
            assert statement.boxes, f"no boxes for {statement.text!r}"
            assert statement.boxes[0].page == statement.page
            found: list[str] = []
            for box in statement.boxes:
                page = pdf.pages[box.page - 1]
                assert 0 <= box.x0 < box.x1 <= page.width + 0.5, box
                assert 0 <= box.top < box.bottom <= page.height + 0.5, box
                if statement.ocr:
                    continue
                area = (box.x0 - 1, box.top - 1, box.x1 + 1, box.bottom + 1)
                found += [w["text"] for w in page.within_bbox(area).extract_words()]
            if statement.ocr:
                continue
            own = _letters(statement.text)
            for word in _words(" ".join(found)):
                if word in ("and", "or"):
                    continue  # an item's "; and" is dropped from its text, not from its boxes
                assert word in own, f"{word!r} inside the boxes of {statement.text!r}"
            covered = _letters(" ".join(found))
            wanted = _words(statement.text)
            share = sum(1 for word in wanted if word in covered) / len(wanted)
            whole = statement.kind != "table_row" and "(" not in statement.clause
            assert share == 1.0 if whole else share >= 0.5, (statement.text, found)


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda path: path.name.split(".")[0])
def test_statements_match_expected(expected_path: Path) -> None:
    expected = _load(expected_path)
    relative = expected[0]["document"]
    if any(record.get("ocr") for record in expected) and not HAS_TESSERACT:
        pytest.skip("tesseract is not installed (CI installs it)")
    path = DOCUMENTS / relative
    password = PASSWORDS.get(relative)
    extractions = extract_file(str(path), password=password)
    got = [
        _summary(statement, _part(extraction))
        for extraction in extractions
        for statement in extraction.statements
    ]
    assert got == [{k: v for k, v in record.items() if k != "document"} for record in expected]
    for statement in (s for e in extractions for s in e.statements):
        for furniture in FURNITURE:
            assert furniture not in statement.text
    if path.suffix == ".pdf":
        _check_boxes(path, list(extractions[0].statements), password)


def _contract_module() -> Any:
    return load_script(ROOT / "benchmarks" / "make_contract.py", "make_contract")


@pytest.fixture(scope="module")
def contract(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Any], Any]:
    module = _contract_module()
    path = tmp_path_factory.mktemp("contract") / "contract.pdf"
    expected = module.make_contract(path, pages=6)
    return path, expected, module


def test_long_contract_yields_every_clause_whole(contract: tuple[Path, list[Any], Any]) -> None:
    path, expected, module = contract
    statements = extract_file(str(path))[0].statements
    got = [(s.text, s.page, s.clause, s.section, s.kind) for s in statements]
    assert got == [(e.text, e.page, e.clause, e.section, e.kind) for e in expected]
    for statement in statements:
        for furniture in (module.HEADER, module.FOOTER, "Page "):
            assert furniture not in statement.text


def test_paragraph_run_on_to_next_page_is_one_statement(
    contract: tuple[Path, list[Any], Any],
) -> None:
    path, _, _ = contract
    statements = extract_file(str(path))[0].statements
    spanning = [s for s in statements if len({box.page for box in s.boxes}) > 1]
    assert spanning, "the contract should have clauses cut by a page break"
    for statement in spanning:
        pages = [box.page for box in statement.boxes]
        assert statement.page == pages[0] and pages == sorted(pages)
    _check_boxes(path, spanning, None)


def test_running_header_left_in_becomes_section(tmp_path: Path) -> None:
    """On a one-page document the header cannot be told by repetition: it is a section."""
    from fpdf import FPDF

    header = "Quality Agreement QA-7 between Acme Industries Ltd and Brightpart"
    body = "The Supplier shall keep a record of every lot it ships for ten years."
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 8)
    pdf.set_xy(20, 10)
    pdf.cell(0, 4, header)
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(20, 30)
    pdf.multi_cell(170, 5, body)
    path = tmp_path / "one_page_header.pdf"
    pdf.output(str(path))
    statements = extract_file(str(path))[0].statements
    assert [(s.text, s.section) for s in statements] == [(body, header)]


def _write_lines(path: Path, pages: list[list[tuple[float, float, str, str]]]) -> None:
    """A PDF of our own: each page a list of (x, y, text, style) lines in 10-point Helvetica."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for lines in pages:
        pdf.add_page()
        for x, y, text, style in lines:
            pdf.set_font("Helvetica", style, 10)
            pdf.set_xy(x, y)
            pdf.cell(0, 5, text)
    pdf.output(str(path))


def _body_lines(texts: list[str], top: float = 30.0, x: float = 20.0) -> list[Any]:
    """Lines 5 mm apart; an empty text leaves a paragraph gap of 6 mm more."""
    lines, y = [], top
    for text in texts:
        if text:
            lines.append((x, y, text, ""))
            y += 5
        else:
            y += 6
    return lines


def test_sentence_case_headings_become_sections(tmp_path: Path) -> None:
    """ "1. General provisions" and "2 Supply of Products" head their sub-clauses."""
    texts = [
        "1. General provisions",
        "",
        "1.1 This agreement applies to every purchase order that the Buyer places with the",
        "Seller during the term of this agreement.",
        "",
        "2 Supply of Products",
        "",
        "2.1 The Seller shall deliver the products to the plant of the Buyer named in each",
        "purchase order, packed for transport by road.",
        "",
        "Payment terms",
        "",
        "The Buyer shall pay each correct invoice of the Seller within thirty days of its",
        "receipt by bank transfer.",
    ]
    path = tmp_path / "sentence_case_headings.pdf"
    _write_lines(path, [_body_lines(texts)])
    statements = extract_file(str(path))[0].statements
    assert [(s.clause, s.section) for s in statements] == [
        ("1.1", "1. General provisions"),
        ("2.1", "2 Supply of Products"),
        ("", "Payment terms"),
    ]


def test_short_numbered_items_stay_statements(tmp_path: Path) -> None:
    """A list of short numbered items is followed by siblings, not sub-clauses: no headings."""
    texts = ["The Seller shall ship these parts:", "1. Steel bars", "2. Copper wire"]
    path = tmp_path / "short_items.pdf"
    _write_lines(path, [_body_lines(texts)])
    statements = extract_file(str(path))[0].statements
    assert [s.text for s in statements] == [
        "The Seller shall ship these parts steel bars.",
        "The Seller shall ship these parts copper wire.",
    ] or all(s.section == "" for s in statements)


def test_inline_enumeration_cut_by_a_page_break_is_one_statement(tmp_path: Path) -> None:
    """ "(a) ..., (b) ..., (c) ..., and" at a page foot, "(d) ..." on the next: one sentence."""
    first = [
        "1.3 Objectives. The Supplier shall perform the services in a manner that (a) keeps",
        "the plant within its operating limits, (b) preserves every warranty of the equipment,",
        "(c) follows the maintenance manual of each manufacturer, and",
    ]
    second = [
        "(d) seeks to minimise the operating costs of the plant and its wear and tear.",
        "",
        "1.4 Reports. The Supplier shall send a monthly report to the Owner.",
    ]
    path = tmp_path / "inline_list_page_break.pdf"
    _write_lines(path, [_body_lines(first, top=250), _body_lines(second)])
    statements = extract_file(str(path))[0].statements
    assert [s.clause for s in statements] == ["1.3", "1.4"]
    assert statements[0].text.endswith(
        "(d) seeks to minimise the operating costs of the plant and its wear and tear."
    )
    assert {box.page for box in statements[0].boxes} == {1, 2}


def test_bullet_second_line_and_cut_cross_reference_rejoined(tmp_path: Path) -> None:
    """A bullet line after ";" and "... under" + "Section 8.5 of": no fragments."""
    lines = [
        (20.0, 30.0, "- Office furniture for approximately 70 offices in San Jose, CA;", ""),
        (24.0, 40.0, "approximately 90 offices in Dallas, TX.", ""),
        (20.0, 55.0, "(a) The Supplier shall deliver the statements required under", ""),
        (14.0, 60.0, "Section 8.5 of the Financing Agreement within ten days.", ""),
    ]
    path = tmp_path / "cut_items.pdf"
    _write_lines(path, [lines])
    texts = [s.text for s in extract_file(str(path))[0].statements]
    assert not [text for text in texts if text[:1].islower() or text.startswith("Section 8.5")]
    assert any("San Jose, CA; approximately 90 offices in Dallas" in text for text in texts)
    assert any(
        text.endswith("under Section 8.5 of the Financing Agreement within ten days.")
        for text in texts
    )


class _RecordingClassifier:
    """Labels everything `none` and remembers whether it was told the text is e-mail."""

    def __init__(self) -> None:
        self.calls: list[bool] = []

    def classify(self, statements: list[Any], from_email: bool = False) -> list[Any]:
        from extractor.types import ClassifiedStatement

        self.calls.append(from_email)
        return [ClassifiedStatement(statement, "none", 1.0) for statement in statements]


def test_classifier_is_told_which_statements_come_from_email() -> None:
    samples = ROOT / "corpus" / "samples"
    email = _RecordingClassifier()
    extract_file(str(samples / "electronics_customer_email.eml"), classifier=email)
    assert email.calls and email.calls[0] is True
    text = _RecordingClassifier()
    extract_file(str(samples / "machining_rfq.txt"), classifier=text)
    assert text.calls == [False]


def test_bytes_in_memory_give_what_the_file_gives() -> None:
    from extractor.pipeline import extract_bytes

    path = DOCUMENTS / "revisions" / "quotation_rev_a.txt"
    from_file = extract_file(str(path))
    in_memory = extract_bytes(path.read_bytes(), str(path))
    assert [e.statements for e in in_memory] == [e.statements for e in from_file]
    assert len(in_memory[0].statements) > 5
