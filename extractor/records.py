"""Statements as flat output records: JSON lines, CSV and a terminal table.

One place decides the field names, so ``reqx extract``, batch output and the
register import read and write the same shape.
"""

from __future__ import annotations

import csv
import json
import textwrap
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any, TextIO

from extractor.types import ClassifiedStatement, Statement

FIELDS = (
    "doc",
    "sha256",
    "index",
    "page",
    "boxes",
    "clause",
    "section",
    "kind",
    "text",
    "party",
    "cues",
    "laws",
    "standards",
    "dates",
    "quantities",
    "ocr",
    "label",
    "confidence",
)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def to_record(item: Statement | ClassifiedStatement) -> dict[str, Any]:
    """A JSON-ready dict with the fields in ``FIELDS`` order."""
    if isinstance(item, ClassifiedStatement):
        statement, label, confidence = item.statement, item.label, round(item.confidence, 4)
    else:
        statement, label, confidence = item, None, None
    notes = statement.annotations
    return {
        "doc": statement.doc,
        "sha256": statement.sha256,
        "index": statement.index,
        "page": statement.page,
        "boxes": [asdict(box) for box in statement.boxes],
        "clause": statement.clause,
        "section": statement.section,
        "kind": statement.kind,
        "text": statement.text,
        "party": notes.party,
        "cues": list(notes.cues),
        "laws": list(notes.laws),
        "standards": list(notes.standards),
        "dates": list(notes.dates),
        "quantities": list(notes.quantities),
        "ocr": statement.ocr,
        "label": label,
        "confidence": confidence,
    }


def neutralise_formula(value: str) -> str:
    """Stop a spreadsheet from running document text as a formula (CSV injection)."""
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def flat_text(value: Any) -> str:
    """A record value as one string: lists joined with "; ", boxes as JSON, None empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return json.dumps(value)
        return "; ".join(str(part) for part in value)
    return str(value)


def _csv_cell(value: Any) -> str:
    if value is None or isinstance(value, list):
        return flat_text(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise_formula(str(value))


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    for record in records:
        writer.writerow([_csv_cell(record.get(name)) for name in FIELDS])


def write_table(records: Iterable[dict[str, Any]], out: TextIO, width: int = 100) -> None:
    """A readable terminal listing: where each statement is, its label, and its text."""
    for record in records:
        where = f"p.{record['page']}" if record["page"] is not None else "-"
        clause = record["clause"] or ""
        label = record["label"] or ""
        confidence = "" if record["confidence"] is None else f"{record['confidence']:.2f}"
        head = f"{where:>6} {clause:<10.10} {label:<10} {confidence:>4} "
        body = textwrap.shorten(record["text"], width=max(20, width - len(head)), placeholder=" …")
        out.write(head + body + "\n")
