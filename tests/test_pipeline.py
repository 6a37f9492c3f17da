"""End to end: ``extract_file`` on every test document against the statements it should yield.

The expected files (``tests/documents/statements/*.expected.jsonl``) were
written from what the generator scripts put into each document, not from the
tool's output. Each statement is checked for its text, page, clause, section
and kind, in order (so a missing, extra or wrongly split statement fails);
PDF statements are also checked against the PDF itself: their boxes lie on
their page, hold only the statement's own words, and cover them.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

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
    spec = importlib.util.spec_from_file_location(
        "make_contract", ROOT / "benchmarks" / "make_contract.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_contract"] = module
    spec.loader.exec_module(module)
    return module


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
