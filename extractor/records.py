"""Statements as flat output records: JSON lines, CSV and a terminal table.

One place decides the field names, so ``reqx extract``, batch output and the
register import read and write the same shape.
"""

from __future__ import annotations

import csv
import json
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TextIO

from extractor.types import MAX_STATEMENT_CHARS, ClassifiedStatement, Document, Statement

if TYPE_CHECKING:
    from extractor.comparing import Change

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
    "changes",
    "ocr",
    "label",
    "confidence",
    "sender",
    "sent_at",
)

CHANGE_FIELDS = (
    "kind",
    "similarity",
    "reasons",
    "previous_document",
    "previous_page",
    "previous_clause",
    "previous_label",
    "previous_confidence",
    "previous_text",
    "current_document",
    "current_page",
    "current_clause",
    "current_label",
    "current_confidence",
    "current_text",
    "diff",
)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# What a terminal would act on or draw misleadingly: C0 and C1 controls (an escape
# sequence in a document must not drive the terminal; a newline splits a line) and
# invisible or direction-changing characters ("\u202e" in a file name).
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u061c\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)


def mail_details(document: Document) -> dict[str, str]:
    """Who sent the e-mail a document is, or came attached to, and when: ``sender`` and
    ``sent_at``, where known. A requirement asked for in a mail is traced to both."""
    keys = ("sender", "date") if document.kind == "email" else ("mail_sender", "mail_date")
    found = {
        name: str(document.metadata.get(key) or "").strip()
        for name, key in zip(("sender", "sent_at"), keys, strict=True)
    }
    return {name: value for name, value in found.items() if value}


def to_record(
    item: Statement | ClassifiedStatement, mail: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """A JSON-ready dict with the fields in ``FIELDS`` order.

    ``mail``: the document's ``mail_details``; quoted text gets none, since
    someone else wrote it.
    """
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
        "changes": list(notes.changes),
        "ocr": statement.ocr,
        "label": label,
        "confidence": confidence,
        "sender": (mail or {}).get("sender", "") if statement.kind != "quoted" else "",
        "sent_at": (mail or {}).get("sent_at", "") if statement.kind != "quoted" else "",
    }


# Full-width forms some spreadsheet programs read as their ASCII signs on import
_WIDE_FORMULA_PREFIXES = ("\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise_formula(value: str) -> str:
    """Stop a spreadsheet from running document text as a formula (CSV injection).

    Also behind leading spaces or line breaks, which an import may trim, and in
    the full-width forms of the signs.
    """
    start = value.lstrip(" \t\r\n\u00a0\u3000")
    if value.startswith(FORMULA_PREFIXES) or start.startswith(
        FORMULA_PREFIXES + _WIDE_FORMULA_PREFIXES
    ):
        return "'" + value
    return value


def terminal_safe(text: str) -> str:
    """Text for one terminal line: each control or invisible character as an escape
    (``\\x1b``, ``\\u202e``)."""
    return _UNPRINTABLE.sub(lambda match: _escape(match.group()), text)


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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


_BOM = b"\xef\xbb\xbf"
_TEXT_FIELDS = ("text", "context_before", "context_after", "doc_type")

DOC_TYPES = frozenset(
    {
        "contract",
        "master_supply_agreement",
        "purchase_order",
        "po_terms",
        "statement_of_work",
        "sow",
        "quality_agreement",
        "technical_specification",
        "rfq_tender",
        "regulation_clause",
        "meeting_minutes",
        "letter",
        "email",
    }
)
"""The ``doc_type`` values a statement record may carry: our corpus's and the gold files'.

Only "email" changes how a statement is read (e-mail talk is looser); the others are
documents alike, and a value outside this set is read as one too, with a warning.
"""
_EMAIL_NAMES = frozenset({"email", "e_mail", "eml", "mail"})


def doc_type_name(value: str) -> str:
    """``value`` as ``DOC_TYPES`` spells it: "E-mail" and "eml" are "email", "Statement of work"
    is "statement_of_work"."""
    name = re.sub(r"[\s-]+", "_", value.strip().lower())
    return "email" if name in _EMAIL_NAMES else name


LONE_SURROGATE = "holds a lone surrogate escape such as \\ud800, which is no text"


def is_unicode_text(record: dict[str, Any]) -> bool:
    """False when a JSON escape gave half a character ("\\ud800"): it cannot be written out."""
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def json_object_line(raw: bytes, number: int) -> dict[str, Any] | None:
    """Line ``number`` of a JSON-lines file as a JSON object; None for a blank line.

    Raises ``ValueError`` saying what it is instead, so one bad line can be
    named and skipped. A byte-order mark before line 1 is fine.
    """
    if number == 1 and raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    if not raw.strip():
        return None
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"not UTF-8 text (byte 0x{raw[error.start]:02x} at column {error.start + 1})"
        ) from None
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def statement_record(raw: bytes, number: int) -> dict[str, Any] | None:
    """Line ``number`` of ``reqx classify``'s input as a record; None for a blank line.

    Raises ``ValueError`` saying what is wrong with it. Without an ``id`` the
    record gets its line number, so every output line can be traced back.
    """
    record = json_object_line(raw, number)
    if record is None:
        return None
    if not isinstance(record.get("text"), str):
        raise ValueError('not a statement record (needs a "text" string)')
    for name in _TEXT_FIELDS[1:]:
        if record.get(name) is not None and not isinstance(record[name], str):
            raise ValueError(f'"{name}" is not a string')
    if not is_unicode_text(record):
        raise ValueError(LONE_SURROGATE)
    if record.get("doc_type"):
        record["doc_type"] = doc_type_name(record["doc_type"])
    too_long = text_too_long(record["text"])
    if too_long:
        raise ValueError(too_long)
    return record if "id" in record else {**record, "id": number}


def text_too_long(text: str) -> str | None:
    """What is wrong with ``text`` when it is longer than any statement the reader makes."""
    if len(text) <= MAX_STATEMENT_CHARS:
        return None
    return (
        f'"text" has {len(text):,} characters; a statement has at most '
        f"{MAX_STATEMENT_CHARS:,} (split it)"
    )


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_csv(
    records: Iterable[dict[str, Any]], out: TextIO, fields: tuple[str, ...] = FIELDS
) -> None:
    writer = csv.writer(out)
    writer.writerow(fields)
    for record in records:
        writer.writerow([_csv_cell(record.get(name)) for name in fields])


def write_table(records: Iterable[dict[str, Any]], out: TextIO, width: int = 100) -> None:
    """A readable terminal listing: where each statement is, its label, and its text.

    Each document (and each e-mail attachment) starts under a line naming it.
    """
    document = None
    for record in records:
        if record.get("doc") != document:
            document = record.get("doc")
            out.write(terminal_safe(f"== {document}") + "\n")
        where = f"p.{record['page']}" if record["page"] is not None else "-"
        clause = record["clause"] or ""
        label = record["label"] or ""
        confidence = "" if record["confidence"] is None else f"{record['confidence']:.2f}"
        head = f"{where:>6} {clause:<10.10} {label:<10} {confidence:>4} "
        body = textwrap.shorten(record["text"], width=max(20, width - len(head)), placeholder=" …")
        out.write(terminal_safe(head + body) + "\n")


def change_record(change: Change, documents: tuple[str, str] = ("", "")) -> dict[str, Any]:
    """One ``reqx compare`` record: both sides of a change, flat, with the diff as text.

    ``documents``: the previous and current revision's names, on every record, so
    that a saved list of changes says which two documents it compares.
    """
    from extractor.comparing import format_words

    record: dict[str, Any] = {
        "kind": change.kind,
        "similarity": round(change.similarity, 4),
        "reasons": list(change.reasons),
    }
    sides = (
        ("previous", change.previous, change.previous_text, documents[0]),
        ("current", change.current, change.current_text, documents[1]),
    )
    for side, item, text, document in sides:
        statement = item.statement if item else None
        record[f"{side}_document"] = document
        record[f"{side}_page"] = statement.page if statement else None
        record[f"{side}_clause"] = statement.clause if statement else None
        record[f"{side}_label"] = item.label if item else None
        record[f"{side}_confidence"] = round(item.confidence, 4) if item else None
        record[f"{side}_text"] = text if item else None
    record["diff"] = format_words(change.words)
    return record


def write_change_table(records: Iterable[dict[str, Any]], out: TextIO, width: int = 100) -> None:
    """Changes for a terminal: kind, where on each side, labels and reasons, then the diff."""
    for record in records:
        where = "  ".join(
            _where(record[f"{side}_page"], record[f"{side}_clause"])
            for side in ("previous", "current")
        )
        labels = f"{record['previous_label'] or '-'} -> {record['current_label'] or '-'}"
        reasons = ", ".join(record["reasons"])
        head = f"{record['kind']:<9} {record['similarity']:.2f}  {where}  {labels}"
        out.write(terminal_safe(head + (f"  ({reasons})" if reasons else "")).rstrip() + "\n")
        for line in textwrap.wrap(terminal_safe(record["diff"]), width=width - 4) or [""]:
            out.write("    " + line + "\n")


def _where(page: int | None, clause: str | None) -> str:
    if page is None and clause is None:
        return f"{'-':<14}"
    place = f"p.{page}" if page is not None else ""
    if clause:
        place = f"{place} {clause}".strip()
    return f"{place or '·':<14.14}"
