"""Write register entries as CSV, XLSX, JSON or ReqIF, for people and for requirements tools.

One record shape (``EXPORT_FIELDS``) for every format. Entry text comes from
customer documents, and a cell starting with ``=`` would run as a formula: CSV
passes every text cell through ``neutralise_formula`` (a leading apostrophe),
XLSX writes such text as a string cell with the ``quotePrefix`` style, so it
shows unchanged and is never evaluated.
ReqIF (via the ``reqif`` package) opens in DOORS, Polarion and ReqView; the
entry text is the ``ReqIF.Text`` attribute and the REQ id ``ReqIF.ForeignID``.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from extractor.errors import RegisterError
from extractor.records import neutralise_formula
from extractor.register.service import Register
from extractor.register.views import (
    EXPORT_FORMATS,
    STATUSES,
    AuditEvent,
    Decision,
    DocumentReview,
    EntryFilter,
    EntryView,
    ExportFormat,
)

FORMATS = EXPORT_FORMATS
SUFFIXES: Mapping[ExportFormat, str] = {
    "csv": ".csv",
    "xlsx": ".xlsx",
    "json": ".json",
    "reqif": ".reqif",
}
MEDIA_TYPES: Mapping[ExportFormat, str] = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "reqif": "application/xml",
}

EXPORT_FIELDS = (
    "id",
    "status",
    # confirmed and not superseded: a requirement in force (a construction walk read a
    # superseded entry's "confirmed" as in force; the Register view says "superseded")
    "in_force",
    "label",
    "text",
    "extracted_text",
    "document",
    "document_sha256",
    "sender",
    "sent_at",
    "page",
    "pages",
    "clause",
    "section",
    "model_label",
    "confidence",
    "laws",
    "standards",
    "owner",
    "due_date",
    "notes",
    "boxes",
    "updated_at",
    "updated_by",
    "version",
    "superseded_by",
    # one statement split by a reviewer into several requirements: the entry a part was
    # split from (its page and clause are the part's; extracted_text the whole statement),
    # and the parts split off an entry
    "split_from",
    "split_into",
    # who decided it and when (the audit event that set its status; updated_by is only
    # whoever touched it last), how, and the entry it followed where decided as before
    "decided_by",
    "decided_at",
    "decided_how",
    "decided_as_before",
)

# what XML 1.0 (so XLSX and ReqIF) cannot hold: a register filled before reading
# dropped these (``normalising.visible_text``) may still have them
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def entry_record(entry: EntryView, decision: Decision | None = None) -> dict[str, Any]:
    """An entry as a JSON-ready dict with the fields of ``EXPORT_FIELDS``.

    ``decision``: the audit event that confirmed or rejected it (``Register.decisions``);
    its ``decided_*`` fields are empty without one (a candidate, or a trail with a gap).
    """
    return {
        "id": entry.ref,
        "status": entry.status,
        "in_force": entry.status == "confirmed" and not entry.superseded_by,
        "label": entry.label,
        "text": entry.text,
        # the source's wording beside the reviewer's, where they edited it
        "extracted_text": entry.extracted_text if entry.edited else "",
        "document": entry.document_name,
        "document_sha256": entry.document_sha256,
        # who asked, and when, as the card says; not for text quoted from someone earlier
        "sender": entry.sender if entry.kind != "quoted" else "",
        "sent_at": entry.sent_at if entry.kind != "quoted" else "",
        "page": entry.page,
        "pages": page_span(entry),
        "clause": entry.clause,
        "section": entry.section,
        "model_label": entry.found_label,
        "confidence": entry.confidence,
        "laws": list(entry.laws),
        "standards": list(entry.standards),
        "owner": entry.owner,
        "due_date": entry.due_date.isoformat() if entry.due_date else None,
        "notes": entry.notes,
        "boxes": [_rounded(box) for box in entry.boxes],
        "updated_at": entry.updated_at.isoformat(),
        "updated_by": entry.updated_by,
        "version": entry.version,
        "superseded_by": entry.superseded_by or None,
        "split_from": entry.split_from or None,
        "split_into": list(entry.split_into),
        "decided_by": decision.actor if decision else None,
        "decided_at": decision.at.isoformat() if decision else None,
        "decided_how": decision.action if decision else None,
        "decided_as_before": (decision.same_as or None) if decision else None,
    }


EN_DASH = "\u2013"


def page_span(entry: EntryView) -> str:
    """The pages the statement is on: "3", or "1–2" for a clause running over a page break.

    From its marked boxes (``page`` is only the first). An en dash, not a hyphen:
    a spreadsheet opening the CSV reads "1-2" as the 2nd of January.
    """
    runs: list[list[int]] = []
    for page in entry.pages:
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(
        str(run[0]) if len(run) == 1 else f"{run[0]}{EN_DASH}{run[-1]}" for run in runs
    )


def _rounded(box: Mapping[str, Any]) -> dict[str, Any]:
    """A box in tenths of a point: "252.17201232910156" helps nobody reading the export."""
    return {k: round(v, 1) if isinstance(v, float) else v for k, v in box.items()}


AUDIT_FIELDS = ("event", "at", "actor", "action", "entry", "document", "before", "after")
AUDIT_FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx", "json")


def audit_record(event: AuditEvent, document_names: Mapping[int, str]) -> dict[str, Any]:
    """One audit event as a JSON-ready dict with the fields of ``AUDIT_FIELDS``."""
    return {
        "event": event.id,
        "at": event.at.isoformat(),
        "actor": event.actor,
        "action": event.action,
        "entry": event.entry_ref,
        "document": document_names.get(event.document_id) if event.document_id else None,
        "before": dict(event.before) if event.before is not None else None,
        "after": dict(event.after) if event.after is not None else None,
    }


def export_audit(register: Register, output_format: ExportFormat, out: BinaryIO) -> int:
    """Write the whole audit trail, oldest first: who decided what, when, before and after.

    The register's evidence of contract review (ISO 9001 8.2.3.2 asks for the
    results of the review to be retained). Returns how many events.
    """
    if output_format not in AUDIT_FORMATS:
        raise RegisterError(
            f"the audit trail exports as {', '.join(AUDIT_FORMATS)}, not {output_format!r}"
        )
    names = {document.id: document.name for document in register.documents()}
    records = [audit_record(event, names) for event in register.iter_audit()]
    AUDIT_WRITERS[output_format](records, out)
    return len(records)


def export_audit_bytes(register: Register, output_format: ExportFormat) -> bytes:
    """The audit trail as bytes, e.g. for a download button."""
    buffer = io.BytesIO()
    export_audit(register, output_format, buffer)
    return buffer.getvalue()


REVIEW_FIELDS = (
    "document_id",
    "document",
    "uploaded_at",
    "state",
    "confirmed",
    "superseded",
    "withdrawn",
    "rejected",
    "open",
    "review_outcome",
    "review_comment",
    "review_finished_by",
    "review_finished_at",
    "decisions_since_review",
)


def review_records(reviews: Iterable[DocumentReview]) -> list[dict[str, Any]]:
    """Documents and where their contract review stands, with the fields of ``REVIEW_FIELDS``:
    the list an auditor asks for ("which orders were reviewed before acceptance?")."""
    records = []
    for review in reviews:
        latest = review.latest
        records.append(
            {
                "document_id": review.document_id,
                "document": review.name,
                "uploaded_at": review.uploaded_at.isoformat(),
                "state": review.state,
                "confirmed": review.confirmed,
                "superseded": review.superseded,
                "withdrawn": review.withdrawn,
                "rejected": review.rejected,
                "open": review.open,
                "review_outcome": latest.outcome if latest else "",
                "review_comment": latest.comment if latest else "",
                "review_finished_by": latest.finished_by if latest else "",
                "review_finished_at": latest.finished_at.isoformat() if latest else "",
                "decisions_since_review": latest.changes_since if latest else "",
            }
        )
    return records


def reviews_csv(reviews: Iterable[DocumentReview]) -> bytes:
    """The documents' review states as CSV (byte-order mark, formulas neutralised)."""
    buffer = io.BytesIO()
    write_csv(review_records(reviews), buffer, REVIEW_FIELDS)
    return buffer.getvalue()


def export_filter(status: str) -> EntryFilter:
    """``all`` for every entry, or one status (``confirmed`` is the register proper: the
    confirmed entries in force, without those a later revision superseded)."""
    if status == "all":
        return EntryFilter()
    if status not in STATUSES:
        raise RegisterError(f"unknown status {status!r} (one of all, {', '.join(STATUSES)})")
    return EntryFilter(statuses=(status,), in_force=status == "confirmed")


def export_entries(
    register: Register,
    output_format: ExportFormat,
    out: BinaryIO,
    *,
    status: str = "confirmed",
    where: EntryFilter | None = None,
) -> int:
    """Write the entries with ``status`` (or ``all``; or matching ``where``) to ``out``.

    Returns how many were written.
    """
    if output_format not in FORMATS:
        raise RegisterError(f"unknown export format {output_format!r} (one of {FORMATS})")
    chosen = where if where is not None else export_filter(status)
    decisions = register.decisions()
    records = [
        entry_record(entry, decisions.get(entry.id)) for entry in register.iter_entries(chosen)
    ]
    WRITERS[output_format](records, out)
    return len(records)


def export_bytes(
    register: Register,
    output_format: ExportFormat,
    *,
    status: str = "confirmed",
    where: EntryFilter | None = None,
) -> bytes:
    """The export as bytes, e.g. for a download button."""
    buffer = io.BytesIO()
    export_entries(register, output_format, buffer, status=status, where=where)
    return buffer.getvalue()


def export_file(
    register: Register, output_format: ExportFormat, path: Path, *, status: str = "confirmed"
) -> int:
    """Write the export to ``path`` (only once it is complete); returns how many entries."""
    buffer = io.BytesIO()
    count = export_entries(register, output_format, buffer, status=status)
    try:
        path.write_bytes(buffer.getvalue())
    except OSError as error:
        raise RegisterError(f"{path}: cannot write the export ({error.strerror})") from None
    return count


def _clean(value: str) -> str:
    return _CONTROL.sub(" ", value)


def _spreadsheet_cell(value: Any) -> Any:
    """A CSV cell: a number stays a number; everything else becomes formula-safe text
    (a leading apostrophe where a spreadsheet would run it)."""
    cell = _spreadsheet_value(value)
    return neutralise_formula(cell) if isinstance(cell, str) else cell


def _spreadsheet_value(value: Any) -> Any:
    """A number stays a number; everything else becomes text (not yet formula-safe)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list):
        if value and isinstance(value[0], dict):
            value = json.dumps(value)
        else:
            value = "; ".join(str(part) for part in value)
    return _clean(str(value))


def write_csv(
    records: Iterable[Mapping[str, Any]], out: BinaryIO, fields: tuple[str, ...] = EXPORT_FIELDS
) -> None:
    """UTF-8 with a byte-order mark, so spreadsheet programs read accents right."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(fields)
    for record in records:
        writer.writerow([_spreadsheet_cell(record.get(name)) for name in fields])
    out.write(text.getvalue().encode("utf-8-sig"))


def write_xlsx(
    records: Iterable[Mapping[str, Any]], out: BinaryIO, fields: tuple[str, ...] = EXPORT_FIELDS
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Register")
    sheet.freeze_panes = "A2"
    for column, width in (("A", 11), ("B", 11), ("C", 10), ("D", 80), ("E", 30)):
        sheet.column_dimensions[column].width = width
    bold = Font(bold=True)
    header = []
    for name in fields:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    rows = 0
    for record in records:
        row = []
        for name in fields:
            due = _due_date(record.get(name)) if name == "due_date" else None
            if due is not None:  # a date a spreadsheet sorts and filters as one
                cell = WriteOnlyCell(sheet, value=due)
                cell.number_format = "yyyy-mm-dd"
            else:
                value = _spreadsheet_value(record.get(name))
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str) and neutralise_formula(value) != value:
                    # Text a spreadsheet would run ("=HYPERLINK(...)", "-2 percent"): a
                    # string cell marked as typed with a leading apostrophe (quotePrefix),
                    # so Excel shows it as it is and keeps it text even when edited,
                    # without an apostrophe in the value as the CSV needs.
                    cell.data_type = "s"
                    cell.quotePrefix = True
            if cell.data_type == "f":  # never let openpyxl store text as a formula
                cell.data_type = "s"
            row.append(cell)
        sheet.append(row)
        rows += 1
    # filter buttons on the header: a reviewer narrows by status, label or owner at once
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{rows + 1}"
    book.save(out)


def _due_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def write_json(records: Iterable[Mapping[str, Any]], out: BinaryIO) -> None:
    """A JSON array, one object per line."""
    lines = [json.dumps(dict(record), ensure_ascii=False) for record in records]
    body = "[\n" + ",\n".join(lines) + ("\n]\n" if lines else "]\n")
    out.write(body.encode("utf-8"))


def write_reqif(records: Iterable[Mapping[str, Any]], out: BinaryIO) -> None:
    from extractor.register.reqif_document import reqif_xml

    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    cleaned = [
        {name: _clean(value) if isinstance(value, str) else value for name, value in r.items()}
        for r in records
    ]
    out.write(reqif_xml(cleaned, EXPORT_FIELDS, stamp).encode("utf-8"))


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "json": write_json, "reqif": write_reqif}
AUDIT_WRITERS: dict[str, Callable[[list[dict[str, Any]], BinaryIO], None]] = {
    "csv": functools.partial(write_csv, fields=AUDIT_FIELDS),
    "xlsx": functools.partial(write_xlsx, fields=AUDIT_FIELDS),
    "json": write_json,
}
