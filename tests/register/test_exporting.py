"""Exports read back with the programs that will read them: csv, openpyxl, json, ReqIF."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from extractor.register import Register, RegisterError, open_register
from extractor.register.exporting import EXPORT_FIELDS, export_bytes, export_file

from .helpers import CONTRACT_LINES, make_extraction

FORMULA = CONTRACT_LINES[4][0]


@pytest.fixture
def register(db_url: str) -> Register:
    """Six entries: REQ-0001 confirmed with an owner, REQ-0005 (a formula) confirmed, rest open."""
    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        first = register.get_entry(1)
        first = register.set_owner(1, "+Purchasing", version=first.version, actor="ann")
        register.confirm(1, version=first.version, actor="ann")
        fifth = register.get_entry(5)
        register.confirm(5, version=fifth.version, actor="ann")
        second = register.get_entry(2)
        # a form feed and a noncharacter, which XML (XLSX, ReqIF) cannot hold
        register.edit_text(
            2, 'Parts: <REACH> & "RoHS"\x0c\uffff', version=second.version, actor="ann"
        )
    return open_register(db_url)


def test_csv_neutralises_formulas(register: Register) -> None:
    with register:
        data = export_bytes(register, "csv")
        everything = export_bytes(register, "csv", status="all")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == ["REQ-0001", "REQ-0005"]
    assert rows[0]["owner"] == "'+Purchasing"
    assert rows[1]["text"] == "'" + FORMULA
    assert rows[0]["status"] == "confirmed" and rows[0]["page"] == "1"
    assert len(list(csv.DictReader(io.StringIO(everything.decode("utf-8-sig"))))) == 6


def test_xlsx_holds_text_not_formulas(register: Register, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "register.xlsx"
    with register:
        count = export_file(register, "xlsx", path, status="all")
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert count == 6 and rows[0] == EXPORT_FIELDS
    by_id = {row[0]: dict(zip(EXPORT_FIELDS, row, strict=True)) for row in rows[1:]}
    # shown as written (a walk found the CSV's apostrophe visible in Excel): a string
    # cell marked quotePrefix, which Excel never evaluates, not even once edited
    assert by_id["REQ-0005"]["text"] == FORMULA
    assert by_id["REQ-0001"]["owner"] == "+Purchasing"
    hostile = [
        cell
        for row in sheet.iter_rows(min_row=2)
        for cell in row
        if isinstance(cell.value, str) and cell.value[:1] in "=+-@"
    ]
    assert len(hostile) == 2
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in hostile)
    assert not any(
        cell.quotePrefix for row in sheet.iter_rows() for cell in row if cell not in hostile
    )
    assert by_id["REQ-0002"]["confidence"] == 0.97
    assert by_id["REQ-0002"]["text"] == 'Parts: <REACH> & "RoHS"  '
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    assert sheet.auto_filter.ref == "A1:AF7"  # filter buttons over every column and row


def test_xlsx_due_dates_are_dates(db_url: str, tmp_path: Path) -> None:
    from datetime import date, datetime

    from openpyxl import load_workbook

    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        first = register.get_entry(1)
        register.set_due_date(1, date(2027, 3, 1), version=first.version, actor="ann")
        export_file(register, "xlsx", tmp_path / "due.xlsx", status="all")
    sheet = load_workbook(tmp_path / "due.xlsx").active
    assert sheet is not None
    due = EXPORT_FIELDS.index("due_date")
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][due] == datetime(2027, 3, 1)  # a date cell, sortable, not text
    assert rows[1][due] is None


def test_json_keeps_every_field(register: Register) -> None:
    with register:
        records = json.loads(export_bytes(register, "json", status="all"))
        nothing = json.loads(export_bytes(register, "json", status="rejected"))
    assert len(records) == 6 and nothing == []
    assert tuple(records[1]) == EXPORT_FIELDS
    assert records[1]["laws"] == ["REACH", "RoHS"]
    assert records[1]["boxes"][0]["page"] == 1
    assert records[4]["text"] == FORMULA  # JSON is data, not a spreadsheet


def test_reqif_parses_back_and_validates(
    register: Register, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xmlschema
    from reqif import PATH_TO_REQIF_ROOT
    from reqif.parser import ReqIFParser
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    with engine.begin() as connection:  # REQ-0002 last changed long before this export
        connection.execute(
            text("UPDATE entries SET updated_at = :at WHERE id = 2"),
            {"at": datetime(2024, 3, 5, 8, 30, tzinfo=timezone.utc)},
        )
    engine.dispose()
    path = tmp_path / "register.reqif"
    with register:
        export_file(register, "reqif", path, status="all")
    # The schema imports its XHTML parts by relative path, as `reqif validate` does.
    monkeypatch.chdir(PATH_TO_REQIF_ROOT)
    xmlschema.XMLSchema("reqif/reqif_schema/reqif.xsd").validate(str(path))
    bundle = ReqIFParser.parse(str(path))
    assert bundle.exceptions == []
    content = bundle.core_content.req_if_content  # type: ignore[union-attr]
    objects = {item.identifier: item for item in content.spec_objects or []}
    values = {a.definition_ref: a.value for a in objects["REQ-0002"].attributes}
    assert values["reqx-attr-text"] == 'Parts: <REACH> & "RoHS"  '
    assert values["reqx-attr-label"] == "statutory"
    assert values["reqx-attr-laws"] == "REACH; RoHS"
    hierarchy = content.specifications[0].children or []  # type: ignore[index]
    assert [node.spec_object for node in hierarchy] == [f"REQ-000{n}" for n in range(1, 7)]
    # LAST-CHANGE is when each entry was last changed, not when the file was written: a
    # requirements tool re-importing the file tells changed requirements by it
    assert objects["REQ-0002"].last_change == "2024-03-05T08:30:00.000Z"
    assert objects["REQ-0001"].last_change != "2024-03-05T08:30:00.000Z"


def test_reqif_times_are_utc_and_forgiving() -> None:
    from extractor.register.reqif_document import reqif_time

    assert reqif_time("2026-11-27T10:15:02.5+01:00") == "2026-11-27T09:15:02.000Z"
    assert reqif_time("2026-11-27T10:15:02") == "2026-11-27T10:15:02.000Z"
    assert reqif_time("") is None and reqif_time(None) is None and reqif_time("soon") is None


def test_unknown_status_is_refused(register: Register) -> None:
    with register, pytest.raises(RegisterError, match="unknown status"):
        export_bytes(register, "csv", status="approved")


def test_the_audit_trail_exports_every_decision_oldest_first(register: Register) -> None:
    from extractor.register.exporting import AUDIT_FIELDS, export_audit_bytes

    with register:
        entry = register.get_entry(3)
        register.edit_text(3, FORMULA, version=entry.version, actor="=cmd|' /C calc'!A0")
        data = export_audit_bytes(register, "csv")
        as_json = json.loads(export_audit_bytes(register, "json"))
        total = register.audit_log(limit=1).total
        with pytest.raises(RegisterError, match="audit trail exports as csv, xlsx, json"):
            export_audit_bytes(register, "reqif")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == list(AUDIT_FIELDS)
    assert len(rows) == len(as_json) == total
    assert [row["event"] for row in rows] == sorted((row["event"] for row in rows), key=int)
    assert (rows[0]["action"], rows[0]["document"], rows[0]["entry"]) == (
        "upload",
        "contract.pdf",
        "",
    )
    last = rows[-1]
    assert (last["entry"], last["action"]) == ("REQ-0003", "edit_text")
    assert last["actor"].startswith("'=")  # a spreadsheet never runs it
    assert json.loads(last["after"]) == {"text": FORMULA}
    assert as_json[-1]["after"] == {"text": FORMULA} and as_json[-1]["actor"].startswith("=")
    assert [e["action"] for e in as_json].count("confirm") == 2


def test_the_audit_trail_in_xlsx_holds_text_not_formulas(register: Register) -> None:
    from openpyxl import load_workbook

    from extractor.register.exporting import export_audit_bytes

    with register:
        entry = register.get_entry(3)
        register.add_note(3, "=1+1", version=entry.version, actor="=Ann")
        data = export_audit_bytes(register, "xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    formulas = [cell for cell in cells if isinstance(cell.value, str) and "=" in cell.value[:1]]
    assert [cell.value for cell in formulas] == ["=Ann"]
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in formulas)
    assert not any(cell.data_type == "f" for cell in cells)


def test_an_export_can_follow_a_filter_and_names_the_models_label(register: Register) -> None:
    from extractor.register import EntryFilter

    with register:
        relabelled = register.get_entry(3)
        register.relabel(3, "specified", version=relabelled.version, actor="ann")
        records = json.loads(
            export_bytes(register, "json", where=EntryFilter(entry_ids=(2, 3)), status="confirmed")
        )
    assert [record["id"] for record in records] == ["REQ-0002", "REQ-0003"]  # not by status
    third = records[1]
    assert (third["label"], third["model_label"]) == ("specified", CONTRACT_LINES[2][1])


SENDER = '=HYPERLINK("http://example.invalid") <dana.okafor@helix.example>'


def _mail_and_page_break(register: Register) -> None:
    """An e-mail (its own statement and a quoted one) and a PDF clause over pages 1 and 2."""
    from extractor.register import CandidateInput, DocumentInput

    register.add_document(
        DocumentInput(
            "m" * 64,
            "RE_PO.eml",
            "email",
            details={"sender": SENDER, "sent_at": "2026-02-03T09:15:00+01:00"},
        ),
        [
            CandidateInput(position=0, text="Please send the first article report by Friday."),
            CandidateInput(position=1, text="We confirm the PO.", kind="quoted"),
        ],
        actor="ann",
    )
    boxes = (
        {"page": 1, "x0": 72.0, "top": 700.0, "x1": 500.0, "bottom": 760.0},
        {"page": 2, "x0": 72.0, "top": 72.0, "x1": 500.0, "bottom": 96.0},
    )
    register.add_document(
        DocumentInput("p" * 64, "msa.pdf", "pdf", 2),
        [
            CandidateInput(position=0, text="4.1 Delivery shall be DDP.", page=1, boxes=boxes),
            CandidateInput(position=1, text="4.2 Invoices monthly.", page=2, boxes=boxes[1:]),
            CandidateInput(position=2, text="Typed in without a place."),
        ],
        actor="ann",
    )


def test_exports_name_the_mails_sender_and_date_and_every_page_of_a_clause(
    db_url: str, tmp_path: Path
) -> None:
    """A walk: the FAI request from Dana Okafor's e-mail had no sender or date in the export,
    though its card shows both, and clause 4.1 over a page break had page 1 only."""
    from openpyxl import load_workbook

    with open_register(db_url) as register:
        _mail_and_page_break(register)
        records = json.loads(export_bytes(register, "json", status="all"))
        table = export_bytes(register, "csv", status="all").decode("utf-8-sig")
        export_file(register, "xlsx", tmp_path / "register.xlsx", status="all")
        reqif = export_bytes(register, "reqif", status="all").decode("utf-8")
    own, quoted, clause, next_clause, placeless = records
    assert (own["sender"], own["sent_at"]) == (SENDER, "2026-02-03T09:15:00+01:00")
    assert (quoted["sender"], quoted["sent_at"]) == ("", "")  # someone earlier wrote it
    assert (clause["page"], clause["pages"]) == (1, "1\u20132")
    assert (next_clause["pages"], placeless["pages"]) == ("2", "")
    assert clause["sender"] == ""
    rows = list(csv.DictReader(io.StringIO(table)))
    assert rows[0]["sender"] == "'" + SENDER  # a formula in a From header stays text
    assert rows[0]["sent_at"] == "2026-02-03T09:15:00+01:00"
    assert [row["pages"] for row in rows] == ["", "", "1\u20132", "2", ""]
    sheet = load_workbook(tmp_path / "register.xlsx").active
    assert sheet is not None
    cells = list(sheet.iter_rows(values_only=True))
    by_id = {row[0]: dict(zip(EXPORT_FIELDS, row, strict=True)) for row in cells[1:]}
    assert by_id["REQ-0001"]["sender"] == SENDER  # a string cell marked quotePrefix
    assert by_id["REQ-0003"]["pages"] == "1\u20132"
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    assert 'LONG-NAME="sender"' in reqif and 'LONG-NAME="pages"' in reqif
    assert 'THE-VALUE="1\u20132"' in reqif


def test_an_edited_statement_keeps_its_extracted_text_beside_the_reviewers(
    register: Register, tmp_path: Path
) -> None:
    """A walk: REQ-0039 edited to "Line 30: deliver 60,000 pcs" kept only the new text in
    the CSV, XLSX and ReqIF; the source's wording survived in the audit trail alone."""
    from openpyxl import load_workbook

    with register:
        records = json.loads(export_bytes(register, "json", status="all"))
        rows = list(
            csv.DictReader(
                io.StringIO(export_bytes(register, "csv", status="all").decode("utf-8-sig"))
            )
        )
        export_file(register, "xlsx", tmp_path / "register.xlsx", status="all")
        reqif = export_bytes(register, "reqif", status="all").decode("utf-8")
        edited = register.get_entry(2)
        untouched = register.get_entry(1)
    found = CONTRACT_LINES[1][0]
    assert (edited.edited, edited.extracted_text) == (True, found)
    assert (untouched.edited, untouched.extracted_text) == (False, CONTRACT_LINES[0][0])
    assert records[1]["text"].startswith("Parts: <REACH>")
    assert records[1]["extracted_text"] == found
    assert [r["extracted_text"] for r in records if r["id"] != "REQ-0002"] == [""] * 5
    assert rows[1]["extracted_text"] == found
    sheet = load_workbook(tmp_path / "register.xlsx").active
    assert sheet is not None
    cells = list(sheet.iter_rows(values_only=True))
    assert dict(zip(EXPORT_FIELDS, cells[2], strict=True))["extracted_text"] == found
    assert f'THE-VALUE="{found}"' in reqif


def test_an_edited_formula_keeps_its_extracted_text_neutralised(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="ann")
        register.edit_text(5, "Ignore the hyperlink.", version=1, actor="ann")
        rows = list(
            csv.DictReader(
                io.StringIO(export_bytes(register, "csv", status="all").decode("utf-8-sig"))
            )
        )
    assert rows[4]["text"] == "Ignore the hyperlink."
    assert rows[4]["extracted_text"] == "'" + FORMULA


def test_exports_name_who_decided_each_entry_when_and_how(db_url: str) -> None:
    """The walk's problem 4: REQ-0117, confirmed by Anna Berg, exported as updated_by Bernd
    Kurz (who superseded it later), and an entry decided as before gave no hint of it."""
    from extractor.register import EntryFilter

    lines = len(CONTRACT_LINES)
    with open_register(db_url) as register:
        register.import_extractions([make_extraction("rev-a.pdf")], actor="importer")
        confirmed = register.confirm(1, version=1, actor="Anna Berg")
        register.reject(4, version=1, actor="Anna Berg")
        register.confirm_where(EntryFilter(entry_ids=(2,)), actor="Anna Berg")
        register.add_note(1, "checked", version=confirmed.version, actor="Bernd Kurz")
        register.import_extractions([make_extraction("rev-b.pdf")], actor="importer")
        register.decide_revision_as_before(
            EntryFilter(statuses=("candidate",), document_ids=(2,)), actor="Bernd Kurz"
        )
        decided = {e.id: e.updated_at for e in register.iter_entries()}
        records = {r["id"]: r for r in json.loads(export_bytes(register, "json", status="all"))}
        rows = list(csv.DictReader(io.StringIO(export_bytes(register, "csv").decode("utf-8-sig"))))
    first, rejected, bulk = records["REQ-0001"], records["REQ-0004"], records["REQ-0002"]
    assert (first["updated_by"], first["superseded_by"]) == ("Bernd Kurz", f"REQ-{1 + lines:04d}")
    # a construction walk read the superseded entry's "confirmed" as a requirement in force
    assert (first["status"], first["in_force"]) == ("confirmed", False)
    assert records[f"REQ-{1 + lines:04d}"]["in_force"] is True
    assert (rejected["in_force"], records["REQ-0003"]["in_force"]) == (False, False)
    assert (first["decided_by"], first["decided_how"], first["decided_as_before"]) == (
        "Anna Berg",
        "confirm",
        None,
    )
    assert first["decided_at"] < first["updated_at"]
    assert (rejected["decided_by"], rejected["decided_how"]) == ("Anna Berg", "reject")
    assert (bulk["decided_by"], bulk["decided_how"]) == ("Anna Berg", "bulk_confirm")
    followed = records[f"REQ-{1 + lines:04d}"]
    assert (followed["decided_by"], followed["decided_how"], followed["decided_as_before"]) == (
        "Bernd Kurz",
        "same_as_earlier",
        "REQ-0001",
    )
    assert followed["decided_at"] == decided[1 + lines].isoformat()
    waiting = records["REQ-0003"]
    assert [waiting[f] for f in ("decided_by", "decided_at", "decided_how")] == [None] * 3
    # the register in force, as a spreadsheet reads it
    assert {r["id"]: r["decided_by"] for r in rows} == {
        f"REQ-{1 + lines:04d}": "Bernd Kurz",
        f"REQ-{2 + lines:04d}": "Bernd Kurz",
    }
