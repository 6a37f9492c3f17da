"""Output records: field order, formula neutralising, CSV and table rendering."""

from __future__ import annotations

import csv
import io

import pytest

from extractor.records import (
    DOC_TYPES,
    FIELDS,
    doc_type_name,
    neutralise_formula,
    to_record,
    write_csv,
    write_table,
)
from extractor.types import Annotations, Box, ClassifiedStatement, Statement

STATEMENT = Statement(
    doc="po.pdf",
    sha256="ab" * 32,
    index=0,
    text="=1+2 The Supplier shall comply with ISO 9001.",
    page=2,
    boxes=(Box(2, 72.0, 100.0, 300.0, 110.0),),
    clause="3.2",
    section="3. QUALITY",
    annotations=Annotations(cues=("shall",), party="Supplier", standards=("ISO 9001",)),
)


def test_record_fields_in_order_with_label() -> None:
    record = to_record(ClassifiedStatement(STATEMENT, "specified", 0.912345))
    assert tuple(record) == FIELDS
    assert record["boxes"] == [{"page": 2, "x0": 72.0, "top": 100.0, "x1": 300.0, "bottom": 110.0}]
    assert (record["label"], record["confidence"]) == ("specified", 0.9123)
    assert to_record(STATEMENT)["label"] is None


def test_neutralise_formula_only_touches_formula_starts() -> None:
    assert neutralise_formula("=SUM(A1)") == "'=SUM(A1)"
    assert neutralise_formula("@cmd") == "'@cmd"
    assert neutralise_formula("The Supplier shall pay.") == "The Supplier shall pay."
    assert neutralise_formula(" =1+1") == "' =1+1"  # an import may trim the space
    assert neutralise_formula("\n=2+2") == "'\n=2+2"
    assert neutralise_formula("\uff1dSUM(A1)") == "'\uff1dSUM(A1)"  # full-width "="
    assert neutralise_formula("  Prices - as quoted") == "  Prices - as quoted"


def test_csv_and_table_output() -> None:
    out = io.StringIO()
    write_csv([to_record(STATEMENT)], out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["text"].startswith("'=1+2") and row["standards"] == "ISO 9001"
    assert row["ocr"] == "false" and row["page"] == "2"
    table = io.StringIO()
    write_table([to_record(STATEMENT)], table)
    heading, line = table.getvalue().splitlines()
    assert heading == f"== {STATEMENT.doc}"
    assert line.split()[:2] == ["p.2", "3.2"]


def test_flat_text_joins_lists_and_writes_boxes_as_json() -> None:
    from extractor.records import flat_text

    assert flat_text(None) == ""
    assert flat_text(["REACH", "RoHS"]) == "REACH; RoHS"
    assert flat_text([{"page": 1}]) == '[{"page": 1}]'
    assert flat_text("=1+1") == "=1+1"  # neutralising is the spreadsheet writer's job


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("email", "email"),
        ("E-mail", "email"),
        (" EML ", "email"),
        ("Statement of work", "statement_of_work"),
        ("po_terms", "po_terms"),
        ("memo", "memo"),
    ],
)
def test_doc_type_name_spells_a_document_type_as_doc_types_does(given: str, name: str) -> None:
    assert doc_type_name(given) == name
    assert (name in DOC_TYPES) is (name != "memo")
