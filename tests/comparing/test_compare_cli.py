"""``reqx compare`` as a user runs it: the three formats, formulas, bad files, exit status."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from extractor.cli import cli
from extractor.records import CHANGE_FIELDS

REVISIONS = Path(__file__).resolve().parents[1] / "documents" / "revisions"
BEFORE = REVISIONS / "quotation_rev_a.txt"
AFTER = REVISIONS / "purchase_order_rev_b.txt"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["compare", *map(str, args)], catch_exceptions=False)


def records(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_table_shows_each_changed_requirement_with_its_diff() -> None:
    result = run(BEFORE, AFTER)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("changed") and "3.1" in line)
    assert "4.1" in lines[head] and "(number, period)" in lines[head]
    assert (
        lines[head + 1] == "    Delivery shall be made within [-30-]{+45+} days of each call-off."
    )
    assert any(line.startswith("removed") and "2.5" in line for line in lines)
    assert "{+The Supplier shall comply with the EU RoHS Directive 2011/65/EU.+}" in result.stdout
    assert not any(line.startswith("unchanged") for line in lines)
    # The labels are the model's: whether the definition added in B or the price
    # validity counts as a requirement is its call, so only those counts may vary.
    assert re.search(
        r"4 changed, [12] added, 1 removed, [45] unchanged \(requirements\)", result.stderr
    )


def test_jsonl_records_carry_both_sides() -> None:
    result = run(BEFORE, AFTER, "--format", "jsonl", "--all", "--unchanged")
    assert result.exit_code == 0, result.stderr
    found = records(result)
    assert all(tuple(record) == CHANGE_FIELDS for record in found)
    assert [record["kind"] for record in found].count("unchanged") == 5
    years = next(record for record in found if record["current_clause"] == "3.2")
    assert years["previous_clause"] == "2.2" and years["previous_page"] is None
    assert years["previous_text"] == "The Supplier shall keep inspection records for 10 years."
    assert years["current_text"] == "The Supplier shall keep inspection records for 15 years."
    assert years["reasons"] == ["number", "period"] and 0.5 < years["similarity"] < 1  # type: ignore[operator]
    assert years["previous_label"] in {"specified", "implied", "statutory", "none"}
    assert 0 <= years["current_confidence"] <= 1  # type: ignore[operator]
    added = next(record for record in found if record["current_clause"] == "1.1")
    assert added["kind"] == "added" and added["previous_text"] is None
    # every record names the two revisions, an added clause its previous one too
    assert {(r["previous_document"], r["current_document"]) for r in found} == {
        (str(BEFORE), str(AFTER))
    }


def test_csv_neutralises_formulas(tmp_path: Path) -> None:
    before = tmp_path / "before.txt"
    after = tmp_path / "after.txt"
    before.write_text("1. The Supplier shall deliver within 30 days.\n", encoding="utf-8")
    after.write_text(
        "1. The Supplier shall deliver within 30 days.\n\n"
        '2. =HYPERLINK("http://example.invalid","x") The Supplier shall pay the fee.\n',
        encoding="utf-8",
    )
    result = run(before, after, "--format", "csv", "--all")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CHANGE_FIELDS
    assert [row["kind"] for row in rows] == ["added"]
    assert rows[0]["current_text"].startswith("'=HYPERLINK")
    assert rows[0]["diff"].startswith('{+=HYPERLINK("http')  # not a formula: it opens with {


def test_pdf_revisions_carry_their_pages(tmp_path: Path) -> None:
    from fpdf import FPDF

    def pdf(name: str, paragraphs: list[str]) -> Path:
        document = FPDF(format="A4")
        document.set_font("Helvetica", size=11)
        for number, paragraph in enumerate(paragraphs, 1):
            if number in (1, 3):
                document.add_page()
            document.multi_cell(170, 6, paragraph)
            document.ln(4)
        path = tmp_path / name
        document.output(str(path))
        return path

    clauses = [
        "1. The Supplier shall hold a certificate to ISO 9001.",
        "2. The Supplier shall keep inspection records for 10 years.",
        "3. Delivery shall be made within 30 days of each call-off.",
    ]
    revised = [clauses[0], clauses[1], clauses[2].replace("30", "20")]
    result = run(pdf("a.pdf", clauses), pdf("b.pdf", revised), "--format", "jsonl", "--all")
    assert result.exit_code == 0, result.stderr
    found = records(result)
    assert [(r["kind"], r["previous_page"], r["current_page"]) for r in found] == [
        ("changed", 2, 2)
    ]
    assert found[0]["diff"] == "Delivery shall be made within [-30-]{+20+} days of each call-off."


def _valve_spec(
    path: Path, materials: list[tuple[str, ...]], spares: list[tuple[str, ...]]
) -> Path:
    """A valve specification with a table of materials and one of spare parts, ruled."""
    from fpdf import FPDF

    document = FPDF(format="A4")
    document.add_page()
    document.set_font("Helvetica", size=10)
    document.multi_cell(170, 5, "4.1 The valves shall be made of the materials of Table 2.")
    for caption, header, rows in (
        ("Table 2 - Materials of construction", ("Part", "Material", "Remarks"), materials),
        ("Table 3 - Spare parts", ("Part number", "Description", "Quantity"), spares),
    ):
        document.ln(6)
        document.set_font("Helvetica", "B", 10)
        document.multi_cell(170, 5, caption)
        document.ln(2)
        document.set_font("Helvetica", size=10)
        with document.table(col_widths=(45, 75, 50), width=170, text_align="LEFT") as table:
            for cells in (header, *rows):
                row = table.row()
                for cell in cells:
                    row.cell(cell)
    document.output(str(path))
    return path


def test_a_table_row_changed_in_its_other_cells_is_one_change(tmp_path: Path) -> None:
    """A valve specification walk: Table 2's seat insert went from PEEK to Devlon in
    revision B, and compare said one row removed and one added. A part number changed
    is another part, not the same row with another number."""
    body = ("Body", "ASTM A216 WCC or ASTM A105N", "Cast bodies radiographed")
    seat = ("Seat insert", "PEEK (polyether ether ketone), virgin grade", "Soft-seated design")
    o_rings = ("O-rings", "HNBR, resistant to rapid gas decompression", "See 4.2")
    kit = ("SP-2001", "O-ring kit, HNBR", "4 per valve")
    before = _valve_spec(
        tmp_path / "rev-a.pdf",
        [body, seat, o_rings],
        [("SP-1001", "Seat insert kit, PEEK", "2 per valve"), kit],
    )
    after = _valve_spec(
        tmp_path / "rev-b.pdf",
        [
            body,
            ("Body (forged alternative)", "ASTM A350 LF2 Class 1", "DN 300 and DN 400"),
            ("Seat insert", "Devlon V-API, stress-relieved", "Soft-seated design"),
            o_rings,
        ],
        [("SP-1002", "Seat insert kit, PEEK", "2 per valve"), kit],
    )
    result = run(before, after, "--format", "jsonl", "--all")
    assert result.exit_code == 0, result.stderr
    assert [(r["kind"], r["diff"]) for r in records(result)] == [
        (
            "added",
            "{+Body (forged alternative): ASTM A350 LF2 Class 1 (Remarks: DN 300 and DN 400)+}",
        ),
        (
            "changed",
            "Seat insert: [-PEEK (polyether ether ketone), virgin grade-]{+Devlon V-API,"
            " stress-relieved+} (Remarks: Soft-seated design)",
        ),
        ("removed", "[-SP-1001: Seat insert kit, PEEK (Quantity: 2 per valve)-]"),
        ("added", "{+SP-1002: Seat insert kit, PEEK (Quantity: 2 per valve)+}"),
    ]


def test_an_unreadable_file_is_one_line_naming_it_and_exit_1(tmp_path: Path) -> None:
    missing = tmp_path / "missing.pdf"
    result = run(BEFORE, missing)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"reqx: error: {missing}: no such file"
    assert result.stdout == ""
    broken = REVISIONS.parent / "bad" / "random.bin"
    result = run(broken, AFTER)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and str(broken) in result.stderr


@pytest.mark.parametrize(
    "args",
    [[], [str(BEFORE)], [str(BEFORE), str(AFTER), "--format", "xml"], [str(BEFORE), "a", "b"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).exit_code == 2


def test_the_table_never_passes_a_terminal_escape_through(tmp_path: Path) -> None:
    before = tmp_path / "before.txt"
    after = tmp_path / "after.txt"
    before.write_text("1. The Supplier shall \x1b[2Jdeliver within 30 days.\n", encoding="utf-8")
    after.write_text("1. The Supplier shall \x1b[2Jdeliver within 45 days.\n", encoding="utf-8")
    result = run(before, after)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout  # the reader already drops it (visible_text)
    assert "shall [2Jdeliver within [-30-]{+45+} days." in result.stdout


def test_a_docx_amendment_against_its_contract(tmp_path: Path) -> None:
    from docx import Document

    def docx(name: str, clauses: list[tuple[str, str]]) -> Path:
        document = Document()
        document.add_heading("Supply terms", level=1)
        for number, text in clauses:
            document.add_paragraph(f"{number} {text}")
        path = tmp_path / name
        document.save(str(path))
        return path

    contract = [
        ("1.1", "The Supplier shall deliver the pumps within 8 weeks of each order."),
        ("1.2", "Each pump shall be tested to ISO 9906 before dispatch."),
        ("1.3", "The warranty period is 24 months from delivery."),
    ]
    amendment = [
        ("2.1", "The Supplier shall deliver the pumps within 6 weeks of each order."),
        ("2.2", "Each pump shall be tested to ISO 9906 before dispatch."),
        ("2.3", "The warranty period is 24 months from delivery."),
    ]
    result = run(
        docx("contract.docx", contract),
        docx("amendment.docx", amendment),
        "--format",
        "jsonl",
        "--all",  # every statement, so the test does not hang on the model's labels
    )
    assert result.exit_code == 0, result.stderr
    found = records(result)
    assert [(r["kind"], r["previous_clause"], r["current_clause"]) for r in found] == [
        ("changed", "1.1", "2.1")
    ]
    assert found[0]["diff"] == (
        "The Supplier shall deliver the pumps within [-8-]{+6+} weeks of each order."
    )
    assert "1 changed, 0 added, 0 removed, 2 unchanged (statements)" in result.stderr


def test_a_protected_pdf_names_the_option_its_password_is_given_with(tmp_path: Path) -> None:
    """An aerospace walk: "password protected; give a password" did not say how."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-aero", user_password="aero")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(text="The Supplier shall deliver within 30 days.")
    protected = tmp_path / "po-protected.pdf"
    pdf.output(str(protected))
    result = run(BEFORE, protected)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"reqx: error: {protected}: password protected; give a password with --password"
    ]


def test_a_document_saying_little_of_the_first_again_is_said_to_amend_part_of_it(
    tmp_path: Path,
) -> None:
    """An EDGAR-style walk compared an agreement with its amendment: "136 removed", as if
    the amendment had dropped the agreement."""
    agreement = tmp_path / "agreement.txt"
    agreement.write_text(
        "1. The Supplier shall deliver the Products DDP Minneapolis.\n\n"
        "2. The Supplier shall keep inspection records for ten years.\n\n"
        "3. The Supplier shall hold ISO 13485 certification.\n\n"
        "4. Invoices shall be paid within 45 days of receipt.\n\n"
        "5. The Supplier shall notify the Customer of any process change.\n",
        "utf-8",
    )
    amendment = tmp_path / "amendment.txt"
    amendment.write_text(
        "1. Invoices shall be paid within 30 days of receipt.\n\n"
        "2. Except as amended here, the Agreement remains in full force.\n",
        "utf-8",
    )
    result = run(agreement, amendment)
    assert result.exit_code == 0, result.stderr
    assert "4 removed" in result.stderr
    assert "says again only 1 of the 5 requirements" in result.stderr
    assert "'removed' is what it leaves as it was" in result.stderr
    whole = run(BEFORE, AFTER)
    assert "says again only" not in whole.stderr
