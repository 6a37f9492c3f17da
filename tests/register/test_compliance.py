"""The compliance list: the requirements in force in clause order, replacements in place."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from extractor.cli import cli
from extractor.register import CandidateInput, DocumentInput, RegisterError, open_register
from extractor.register.compliance import (
    COMPLIANCE_FIELDS,
    NumberingRuns,
    clause_order,
    compliance_records,
    export_compliance,
)

TENDER = [  # (clause, text), in the order a reader finds them
    ("3.1.10", "The Unit shall be painted RAL 7035."),
    ("3.1.2", "The saloon Unit shall weigh no more than 850 kg."),
    ("3.1.9", '=HYPERLINK("http://x.invalid") The Unit shall carry a rating plate.'),
    ("A.3", "Tenders shall be submitted through the Portal."),
    ("", "The Purchaser is Kestrel Rail Ltd."),
]


def _tender_and_clarification(register) -> None:  # type: ignore[no-untyped-def]
    register.add_document(
        DocumentInput("a" * 64, "itt.pdf", "pdf", 20),
        [
            CandidateInput(
                position=i, text=t, label="specified", confidence=0.9, clause=c, page=i + 1
            )
            for i, (c, t) in enumerate(TENDER)
        ],
        actor="ann",
    )
    register.add_document(
        DocumentInput("b" * 64, "clar.eml", "email", None),
        [CandidateInput(position=0, text="The saloon Unit shall weigh no more than 800 kg.",
                        label="specified", confidence=0.9)],
        actor="ann",
    )  # fmt: skip
    for entry in register.list_entries(limit=100).items:
        if entry.ref != "REQ-0005":  # the purchaser's name: no requirement
            register.confirm(entry.ref, version=entry.version, actor="ann")
    later = register.get_entry("REQ-0006")
    register.supersede("REQ-0002", later.ref, version=register.get_entry(2).version, actor="ann")


def test_clause_order_reads_numbers_as_numbers() -> None:
    clauses = ["3.1.10", "", "A.3", "3.1.2", "3.2", "B.1", "3.1.9", "10.1", "2"]
    assert sorted(clauses, key=clause_order) == [
        "2", "3.1.2", "3.1.9", "3.1.10", "3.2", "10.1", "A.3", "B.1", "",
    ]  # fmt: skip


def test_rows_in_clause_order_with_the_replacement_at_its_clause(db_url: str) -> None:
    with open_register(db_url) as register:
        _tender_and_clarification(register)
        rows = compliance_records(register)
    assert [(row["id"], row["clause"]) for row in rows] == [
        ("REQ-0006", "3.1.2"),  # the clarification's 800 kg where the tender's 850 kg stood
        ("REQ-0003", "3.1.9"),
        ("REQ-0001", "3.1.10"),
        ("REQ-0004", "A.3"),
    ]
    assert rows[0]["replaces"] == "REQ-0002 (itt.pdf)"
    assert rows[0]["document"] == "clar.eml" and rows[0]["pages"] == ""
    assert rows[1]["pages"] == "3"
    assert all(row["compliance"] == "" and row["response"] == "" for row in rows)


def test_a_change_in_part_sits_right_after_the_requirement_it_changes(db_url: str) -> None:
    """A chemicals walk: a mail's change of one order line's date, confirmed as changing
    part of the line, sat at the end of the compliance list, pointing nowhere."""
    with open_register(db_url) as register:
        _tender_and_clarification(register)
        register.add_document(
            DocumentInput("c" * 64, "paint.eml", "email", None),
            [CandidateInput(position=0, text="Paint the Unit RAL 7035 matt, not gloss.",
                            label="specified", confidence=0.9)],
            actor="ann",
        )  # fmt: skip
        mail = register.list_entries(limit=100).items[-1]
        register.confirm(mail.ref, version=mail.version, actor="ann")
        register.change_in_part("REQ-0001", mail.ref, actor="ann")
        rows = compliance_records(register)
    assert [
        (row["id"], row["clause"], row["changes part of"], row["changed in part by"])
        for row in rows
    ] == [
        ("REQ-0006", "3.1.2", "", ""),
        ("REQ-0003", "3.1.9", "", ""),
        ("REQ-0001", "3.1.10", "", mail.ref),  # a construction walk: shown on the changed too
        (mail.ref, "", "REQ-0001 (itt.pdf)", ""),
        ("REQ-0004", "A.3", "", ""),
    ]


def test_csv_and_xlsx_neutralise_formulas(tmp_path: Path) -> None:
    with open_register(str(tmp_path / "r.db")) as register:
        _tender_and_clarification(register)
        as_csv, as_xlsx = io.BytesIO(), io.BytesIO()
        assert export_compliance(register, "csv", as_csv) == 4
        export_compliance(register, "xlsx", as_xlsx)
        with pytest.raises(RegisterError, match="exports as csv, xlsx"):
            export_compliance(register, "reqif", io.BytesIO())
    rows = list(csv.DictReader(io.StringIO(as_csv.getvalue().decode("utf-8-sig"))))
    assert tuple(rows[0]) == COMPLIANCE_FIELDS
    assert rows[1]["requirement"].startswith("'=HYPERLINK")
    sheet = load_workbook(io.BytesIO(as_xlsx.getvalue())).active
    assert sheet["D1"].value == "requirement"
    assert sheet["D3"].data_type == "s" and sheet["D3"].value.startswith("=HYPERLINK")


def test_cli_writes_the_compliance_list(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    with open_register(db) as register:
        _tender_and_clarification(register)
    out = tmp_path / "list.csv"
    result = CliRunner().invoke(
        cli, ["register", "compliance", "--format", "csv", "--out", str(out), "--db", db]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [row["clause"] for row in rows] == ["3.1.2", "3.1.9", "3.1.10", "A.3"]
    assert "compliance list is empty" not in result.output


def test_cli_says_when_the_compliance_list_is_empty(tmp_path: Path) -> None:
    """An automotive walk: an imported batch run, nothing confirmed yet, gave a header-only
    workbook and exit 0 without a word."""
    db = str(tmp_path / "r.db")
    with open_register(db) as register:
        register.add_document(
            DocumentInput("e" * 64, "po.pdf", "pdf", 1),
            [CandidateInput(position=0, text="Ship weekly.", label="specified", confidence=0.9)],
            actor="ann",
        )
    out = tmp_path / "list.csv"
    result = CliRunner().invoke(
        cli, ["register", "compliance", "--format", "csv", "--out", str(out), "--db", db]
    )
    assert result.exit_code == 0, result.output
    assert "compliance list is empty: no requirement is confirmed in force" in result.output
    assert "(1 candidates wait for review)" in result.output
    assert out.read_text(encoding="utf-8-sig").startswith("document,clause")


def _all_confirmed(db_url: str, candidates: list[CandidateInput]) -> list[dict[str, Any]]:
    """One quality agreement of ``candidates``, every entry confirmed: its compliance rows."""
    with open_register(db_url) as register:
        register.add_document(
            DocumentInput("c" * 64, "qa.docx", "docx", None), candidates, actor="ann"
        )
        for entry in register.list_entries(limit=100).items:
            register.confirm(entry.ref, version=entry.version, actor="ann")
        return compliance_records(register)


def test_rows_without_a_clause_sit_under_the_clause_before_them(db_url: str) -> None:
    """A medical-device walk: the CTQ table's rows, which have no clause, sorted to the end
    of the quality agreement; and a statement confirmed as `none` was listed to answer."""
    statements = [
        ("7.1", "The Supplier shall control the CTQs of Table 1.", "specified"),
        ("", "CTQ-1 Wall thickness (Nominal: 2.00 mm) (Tolerance: 0.10 mm)", "specified"),
        ("7.2", "A CTQ outside its tolerance is a nonconformity.", "specified"),
        ("10.1", "Records shall be kept 10 years.", "specified"),
        ("14.2", "This Agreement is governed by the laws of Minnesota.", "none"),
    ]
    rows = _all_confirmed(
        db_url,
        [
            CandidateInput(position=i, text=t, label=label, confidence=0.9, clause=c)
            for i, (c, t, label) in enumerate(statements)
        ],
    )
    assert [row["requirement"][:8] for row in rows] == [
        "The Supp",
        "CTQ-1 Wa",
        "A CTQ ou",
        "Records ",
    ]


def test_rows_citing_their_own_ids_sit_under_the_clause_before_them(db_url: str) -> None:
    """Since session 21 a table row's id is its clause ("CTQ-1", "VHG-REQ-001"): sorted as
    a clause, the rows had moved after every numbered clause of the agreement."""
    statements = [
        ("7.1", "The Supplier shall control the CTQs of Table 1.", "table"),
        ("CTQ-1", "CTQ-1 Wall thickness (Nominal: 2.00 mm) (Tolerance: 0.10 mm)", "row"),
        ("CTQ-2", "CTQ-2 Pull-out force (Nominal: 250 N)", "row"),
        ("7.2", "A CTQ outside its tolerance is a nonconformity.", "table"),
        ("10.1", "Records shall be kept 10 years.", "table"),
    ]
    rows = _all_confirmed(
        db_url,
        [
            CandidateInput(
                position=i,
                text=t,
                label="specified",
                confidence=0.9,
                clause=c,
                kind="table_row" if kind == "row" else "paragraph",
            )
            for i, (c, t, kind) in enumerate(statements)
        ],
    )
    assert [(row["clause"], row["requirement"][:8]) for row in rows] == [
        ("7.1", "The Supp"),
        ("CTQ-1", "CTQ-1 Wa"),
        ("CTQ-2", "CTQ-2 Pu"),
        ("7.2", "A CTQ ou"),
        ("10.1", "Records "),
    ]


def test_a_document_numbering_twice_keeps_its_lists_apart(db_url: str) -> None:
    """A medical-device walk: the order's special instructions 1-4 interleaved with its
    terms overleaf (1, 1.1, 2, 2.1, ...); an annex numbered from 1 again stays last."""
    clauses = ["1", "2", "3", "4", "1.1", "1.2", "2.1", "13.1", "3.2", "1", "2"]
    with open_register(db_url) as register:
        register.add_document(
            DocumentInput("d" * 64, "po.pdf", "pdf", 3),
            [
                CandidateInput(
                    position=i, text=f"Item {i} shall apply.", label="specified",
                    confidence=0.9, clause=clause,
                )
                for i, clause in enumerate(clauses)
            ],
            actor="ann",
        )  # fmt: skip
        for entry in register.list_entries(limit=100).items:
            register.confirm(entry.ref, version=entry.version, actor="ann")
        rows = compliance_records(register)
    assert [row["clause"] for row in rows] == [
        "1", "2", "3", "4", "1.1", "1.2", "2.1", "3.2", "13.1", "1", "2",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("clauses", "runs"),
    [
        (["1", "1.1", "1.2", "2", "2.1", "10.4"], [0, 0, 0, 0, 0, 0]),
        (["3.1.10", "3.1.2", "6.2", "5.2", "A.3", ""], [0, 0, 0, 0, 0, 0]),
        (["1", "2", "1.1", "", "2.1", "1"], [0, 0, 1, 1, 1, 2]),
        (["2", "1.1", "3", "1"], [0, 1, 1, 2]),
    ],
)
def test_numbering_runs_start_again_at_one(clauses: list[str], runs: list[int]) -> None:
    numbering = NumberingRuns()
    assert [numbering.run(clause) for clause in clauses] == runs


def test_a_revisions_table_row_stays_in_the_revision(db_url: str) -> None:
    """An automotive walk: revision B's table rows, which have no clause, were listed at
    revision A's places, splitting revision B in two with other documents between."""
    revision = [
        ("3.1", "The caliper shall meet Table 1."),
        ("", "Disc thickness variation: <= 10 µm"),
        ("3.2", "The caliper shall be painted."),
    ]
    with open_register(db_url) as register:
        for name, sha, variation in (("sor-a.pdf", "a", "10"), ("sor-b.pdf", "b", "8")):
            register.add_document(
                DocumentInput(sha * 64, name, "pdf", 1),
                [
                    CandidateInput(
                        position=i, text=t.replace("10", variation), label="specified",
                        confidence=0.9, clause=c,
                        section="Table 1 - Caliper" if not c else "3 Caliper",
                    )
                    for i, (c, t) in enumerate(revision)
                ],
                actor="ann",
            )  # fmt: skip
        for entry in register.list_entries(limit=100).items:
            register.confirm(entry.ref, version=entry.version, actor="ann")
        for old, new in (("REQ-0001", "REQ-0004"), ("REQ-0002", "REQ-0005")):
            register.supersede(old, new, version=register.get_entry(old).version, actor="ann")
        rows = compliance_records(register)
    assert [(row["document"], row["clause"], row["id"]) for row in rows] == [
        ("sor-a.pdf", "3.2", "REQ-0003"),
        ("sor-b.pdf", "3.1", "REQ-0004"),
        ("sor-b.pdf", "", "REQ-0005"),
        ("sor-b.pdf", "3.2", "REQ-0006"),
    ]
    assert rows[2]["replaces"] == "REQ-0002 (sor-a.pdf)"
    # the row is cited by its table: the walk's reviewer could not answer "Table 1, piston
    # bore" from a list with no clause and no section
    assert [row["section"] for row in rows] == ["3 Caliper", "3 Caliper", "Table 1 - Caliper",
                                                "3 Caliper"]  # fmt: skip


def test_rows_before_the_first_clause_come_first_in_their_document(db_url: str) -> None:
    """A federal walk: the solicitation's cover-page row (page 1, no clause) was listed after
    Section I's clause rows; a CDRL's data items, numbered by their own ids, after its
    notes' clause 2. Before the first clause of a document is before its clauses."""
    solicitation = [  # (clause, text, page, kind), in reading order
        ("", "Discount terms: Net 30 (payment by DFAS Columbus Center).", 1, "paragraph"),
        ("29", "Offerors shall sign this document and return one copy.", 1, "paragraph"),
        ("B.1", "CLIN 0001 shall be priced per month.", 3, "paragraph"),
        ("H.3", "The Contractor shall carry the insurance of FAR 28.307-2.", 18, "paragraph"),
        ("I.1", "This contract incorporates the following clauses by reference.", 19, "paragraph"),
        ("", "52.204-21: Basic Safeguarding of Covered Contractor Information", 19, "table_row"),
    ]
    cdrl = [
        ("A001", "A001: Monthly Status Report (Frequency: monthly)", 1, "table_row"),
        ("A002", "A002: Staffing Plan (Frequency: once)", 1, "table_row"),
        ("A003", "A003: Quality Control Plan (Frequency: once)", 1, "table_row"),
        ("2", "Each data item shall carry Distribution Statement A.", 2, "paragraph"),
    ]
    with open_register(db_url) as register:
        for sha, name, statements in (
            ("s", "solicitation.pdf", solicitation),
            ("c", "cdrl.pdf", cdrl),
        ):
            register.add_document(
                DocumentInput(sha * 64, name, "pdf", 20),
                [
                    CandidateInput(position=i, text=t, label="specified", confidence=0.9,
                                   clause=c, page=page, kind=kind)
                    for i, (c, t, page, kind) in enumerate(statements)
                ],
                actor="ann",
            )  # fmt: skip
        for entry in register.list_entries(limit=100).items:
            register.confirm(entry.ref, version=entry.version, actor="ann")
        rows = compliance_records(register)
    assert [(row["document"], row["pages"], row["requirement"][:12]) for row in rows] == [
        ("solicitation.pdf", "1", "Discount ter"),
        ("solicitation.pdf", "1", "Offerors sha"),
        ("solicitation.pdf", "3", "CLIN 0001 sh"),
        ("solicitation.pdf", "18", "The Contract"),
        ("solicitation.pdf", "19", "This contrac"),
        ("solicitation.pdf", "19", "52.204-21: B"),
        ("cdrl.pdf", "1", "A001: Monthl"),
        ("cdrl.pdf", "1", "A002: Staffi"),
        ("cdrl.pdf", "1", "A003: Qualit"),
        ("cdrl.pdf", "2", "Each data it"),
    ]
