"""Excel workbooks: rows read under their column names, sheet by sheet, whatever the name says.

The workbooks are written here with openpyxl, as a customer's export would be.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from extractor.errors import CorruptDocument, EmptyDocument, TooLarge
from extractor.pipeline import extract_document
from extractor.reading import read_document_bytes
from extractor.reading.spreadsheet import cell_text, unsaved_formulas


def workbook_bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def delivery_schedule() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Delivery schedule"
    sheet.append(["Delivery schedule, frame order 4500012345"])
    sheet.append([])
    sheet.append(["Part number", "Quantity", "Due date", "Packaging"])
    sheet.append(["HX-4711", 500, datetime(2026, 3, 2), "VCI bags, max 25 per box"])
    sheet.append(["HX-4712", 1200.0, datetime(2026, 4, 6), None])
    sheet.append([])
    sheet.append(["All parts shall be delivered with a 3.1 inspection certificate to EN 10204."])
    notes = book.create_sheet("Quality")
    notes.append(["Characteristic", "Requirement", "Method"])
    notes.append(["Surface roughness", "Ra max 0.8 µm", "ISO 4287"])
    notes.append(["Coating thickness", 0.125, "ISO 2178"])
    notes["B3"].number_format = "0.0%"
    lookup = book.create_sheet("Lists")
    lookup.append(["yes", "no"])
    lookup.sheet_state = "hidden"
    return book


def test_rows_read_under_their_column_names_sheet_by_sheet() -> None:
    document = read_document_bytes(workbook_bytes(delivery_schedule()), "schedule.xlsx")
    assert document.kind == "xlsx"
    blocks = [(block.kind, block.text) for block in document.pages[0].blocks]
    assert blocks == [
        ("heading", "Delivery schedule"),
        ("heading", "Delivery schedule, frame order 4500012345"),  # the title over the table
        (
            "table_row",
            "HX-4711 (Quantity: 500) (Due date: 2026-03-02) (Packaging: VCI bags, max 25 per box)",
        ),
        ("table_row", "HX-4712 (Quantity: 1200) (Due date: 2026-04-06)"),
        (
            "paragraph",
            "All parts shall be delivered with a 3.1 inspection certificate to EN 10204.",
        ),
        ("heading", "Quality"),
        ("table_row", "Surface roughness: Ra max 0.8 µm (Method: ISO 4287)"),
        ("table_row", "Coating thickness: 12.5 % (Method: ISO 2178)"),
    ]
    assert document.warnings == ("sheet 'Lists' is hidden: not read",)


def test_statements_carry_their_sheet_as_section() -> None:
    document = read_document_bytes(workbook_bytes(delivery_schedule()), "schedule.xlsx")
    statements = extract_document(document).statements
    by_text = {statement.text: statement for statement in statements}
    certificate = by_text[
        "All parts shall be delivered with a 3.1 inspection certificate to EN 10204."
    ]
    # under the sheet's title over its table (no statement of its own)
    assert certificate.section == "Delivery schedule, frame order 4500012345"
    assert "EN 10204" in certificate.annotations.standards
    roughness = next(s for s in statements if s.text.startswith("Surface roughness"))
    assert roughness.section == "Quality" and roughness.kind == "table_row"


def test_a_workbook_named_otherwise_is_still_read_and_the_name_warned_of() -> None:
    document = read_document_bytes(workbook_bytes(delivery_schedule()), "schedule.pdf")
    assert document.kind == "xlsx"
    assert any("named like a PDF but it is an Excel workbook" in w for w in document.warnings)
    # a logistics walk: a workbook saved as ".xls" was read without a word
    saved_as_xls = read_document_bytes(workbook_bytes(delivery_schedule()), "forecast.xls")
    assert saved_as_xls.warnings[-1] == (
        "named like an Excel 97-2003 workbook but it is an Excel workbook; read as an Excel"
        " workbook"
    )


def test_formulas_without_a_saved_value_are_named() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Lot", "Pieces", "Spares"])
    sheet.append(["L1", 40, "=B2*0.05"])  # openpyxl saves the formula, never its value
    data = workbook_bytes(book)
    assert unsaved_formulas(data) == 1
    document = read_document_bytes(data, "lots.xlsx")
    assert [block.text for block in document.pages[0].blocks][1:] == ["L1 (Pieces: 40)"]
    assert document.warnings == (
        "1 formula cell has no saved value, so it is not read (the file was not last saved "
        "by a spreadsheet program); open and save it in one",
    )


def test_a_huge_stated_size_does_not_pad_every_row() -> None:
    """A sheet whose dimension claims A1:XFD1048576 (some exporters write it) reads as fast
    as its real cells."""
    book = Workbook()
    book.active.append(["Item", "Requirement"])
    book.active.append(["Label", "Each box shall carry a GS1-128 label."])
    data = workbook_bytes(book)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(
        b'<dimension ref="A1:B2"/>', b'<dimension ref="A1:XFD1048576"/>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    document = read_document_bytes(out.getvalue(), "big.xlsx")
    assert [block.text for block in document.pages[0].blocks] == [
        "Sheet",
        "Label: Each box shall carry a GS1-128 label.",
    ]


def test_empty_damaged_and_bomb_workbooks_are_refused_clearly() -> None:
    with pytest.raises(EmptyDocument, match="no text in its visible sheets"):
        read_document_bytes(workbook_bytes(Workbook()), "empty.xlsx")
    data = workbook_bytes(delivery_schedule())
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content[:40] if name == "xl/workbook.xml" else content)
    with pytest.raises(CorruptDocument, match="a damaged Excel workbook"):
        read_document_bytes(broken.getvalue(), "broken.xlsx")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            target.writestr(name, content)
        target.writestr("xl/worksheets/sheet9.xml", b" " * (60 * 1024 * 1024))
    with pytest.raises(TooLarge, match="inflates to 60 MB"):
        read_document_bytes(bomb.getvalue(), "bomb.xlsx")


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (None, "", ""),
        (True, "", "yes"),
        (datetime(2026, 3, 2), "", "2026-03-02"),
        (datetime(2026, 3, 2, 14, 30), "", "2026-03-02 14:30"),
        (date(2026, 3, 2), "", "2026-03-02"),
        (0.30000000000000004, "General", "0.3"),
        (1200.0, "", "1200"),
        (0.035, "0.0%", "3.5 %"),
        ("  two\nlines ", "", "two lines"),
    ],
)
def test_cells_read_as_the_sheet_shows_them(value: object, number_format: str, shown: str) -> None:
    assert cell_text(value, number_format) == shown


def test_a_data_export_is_refused_before_it_is_labelled_row_by_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """200,000 rows (an ERP table dumped) took minutes; the limit is counted over all sheets."""
    from extractor.reading import spreadsheet

    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 5)
    book = Workbook()
    book.active.append(["Part", "Quantity"])
    for number in range(3):
        book.active.append([f"P-{number}", number])
    second = book.create_sheet("More")
    second.append(["Part", "Quantity"])
    for number in range(2):
        second.append([f"Q-{number}", number])
    assert len(read_document_bytes(workbook_bytes(book), "ok.xlsx").pages[0].blocks) == 7
    second.append(["Q-9", 9])
    with pytest.raises(TooLarge, match="more than 5 filled rows: a data export, not a document"):
        read_document_bytes(workbook_bytes(book), "dump.xlsx")


SCHEDULE_CSV = (
    "\ufeffLot;Item;Description;Quantity;Delivery week;Notes\r\n"
    "1;1.1;Saloon HVAC Unit, first article;1;2027-W30;Delivered with the FAI report (EN 9102)\r\n"
    '1;1.2;"Saloon HVAC Unit; series batch 1";16;2027-W36;\r\n'
    "\r\n"
    "All units shall be delivered DAP Calderport.\r\n"
)


def test_a_csv_export_is_read_as_rows_under_its_column_names() -> None:
    """A tender walk: an Excel-saved schedule was refused by the app, and read as one
    1,178-character statement when it came attached to a mail."""
    for name in ("schedule.csv", "clarification.eml#schedule.csv"):
        document = read_document_bytes(SCHEDULE_CSV.encode("utf-8"), name)
        assert [(block.kind, block.text) for block in document.pages[0].blocks] == [
            ("heading", "schedule"),
            (
                "table_row",
                "1: 1.1 (Description: Saloon HVAC Unit, first article) (Quantity: 1)"
                " (Delivery week: 2027-W30) (Notes: Delivered with the FAI report (EN 9102))",
            ),
            (
                "table_row",
                "1: 1.2 (Description: Saloon HVAC Unit; series batch 1) (Quantity: 16)"
                " (Delivery week: 2027-W36)",
            ),
            ("paragraph", "All units shall be delivered DAP Calderport."),
        ]


def test_a_csv_that_is_prose_or_empty_reads_clearly() -> None:
    prose = "The Supplier shall deliver within 30 days to the site at its own cost."
    document = read_document_bytes(prose.encode(), "notes.csv")
    assert [block.text for block in document.pages[0].blocks][-1] == prose
    with pytest.raises(EmptyDocument, match="holds no text"):
        read_document_bytes(b";;;\r\n\r\n", "notes.csv")


def test_a_title_over_a_matrix_leaves_its_header_row_the_column_names() -> None:
    """An IT services walk: a requirements matrix under a merged title row read its header
    row as a requirement ("ID: Category; Requirement; ...") and folded no column names;
    the matrix's ids are the rows' clauses."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Requirements"
    sheet.append(["Veridane Health Group - Clinical platform requirements"])
    sheet.merge_cells("A1:D1")
    sheet.append(["ID", "Category", "Requirement", "Priority (M/S/C)"])
    rows = [
        ("VHG-REQ-001", "Service", "The service desk shall be available 24/7.", "M"),
        ("VHG-REQ-002", "Security", "Remote access shall use multi-factor authentication.", "M"),
        ("VHG-REQ-003", "Support", "P1 incidents shall be answered within 15 minutes.", "S"),
    ]
    for row in rows:
        sheet.append(list(row))
    statements = extract_document(read_document_bytes(workbook_bytes(book), "matrix.xlsx"))
    assert [(s.clause, s.text) for s in statements.statements][-3:] == [
        (
            "VHG-REQ-001",
            "VHG-REQ-001: Service (Requirement: The service desk shall be available 24/7.)"
            " (Priority (M/S/C): M)",
        ),
        (
            "VHG-REQ-002",
            "VHG-REQ-002: Security (Requirement: Remote access shall use multi-factor"
            " authentication.) (Priority (M/S/C): M)",
        ),
        (
            "VHG-REQ-003",
            "VHG-REQ-003: Support (Requirement: P1 incidents shall be answered within 15"
            " minutes.) (Priority (M/S/C): S)",
        ),
    ]
    assert not [s for s in statements.statements if s.text.startswith("ID")]


def test_a_csv_export_named_like_a_workbook_is_read_as_its_rows() -> None:
    """An IT services walk: a ";" export saved as .xlsx was read as text, its 40 rows one
    4,689-character statement labelled statutory."""
    data = (
        b"ID;Category;Requirement\n"
        b"VHG-REQ-001;Service;The service desk shall be available 24/7.\n"
        b"VHG-REQ-002;Security;Remote access shall use MFA.\n"
        b"VHG-REQ-003;Support;P1 incidents shall be answered within 15 minutes.\n"
    )
    document = read_document_bytes(data, "matrix.xlsx")
    statements = extract_document(document).statements
    assert [s.text for s in statements] == [
        "VHG-REQ-001: Service (Requirement: The service desk shall be available 24/7.)",
        "VHG-REQ-002: Security (Requirement: Remote access shall use MFA.)",
        "VHG-REQ-003: Support (Requirement: P1 incidents shall be answered within 15 minutes.)",
    ]
    assert document.warnings == (
        "named like an Excel workbook but it is a CSV export; read as its rows",
    )
    prose = read_document_bytes(b"Deliver by May.\nPack in boxes.\nThanks.\n", "notes.xlsx")
    assert [block.kind for page in prose.pages for block in page.blocks] != ["table_row"] * 3


def test_column_names_with_an_abbreviation_are_still_the_header() -> None:
    """A chemicals walk: a questionnaire's "No. | Question | Answer | Remarks", its answer
    columns empty in every row, was read as a row of its own."""
    from extractor.reading.spreadsheet import rows_as_blocks

    rows = [
        ["No.", "Question", "Answer", "Remarks"],
        ["Q1.1", "Name and address of the manufacturing site"],
        ["Q1.2", "Is the site certified to ISO 9001? Please attach the certificate."],
    ]
    blocks = rows_as_blocks(rows, room=100) or []
    assert [block.text for block in blocks] == [
        "Q1.1: Name and address of the manufacturing site",
        "Q1.2: Is the site certified to ISO 9001? Please attach the certificate.",
    ]
    sentence = [["Open points.", "Owner"], ["Drawing rev C", "Anna"]]
    assert len(rows_as_blocks(sentence, room=100) or []) == 2  # no header: a sentence


def delivery_specification() -> Workbook:
    """A specification sheet as a chemicals customer sends it: a title merged over the table,
    a verification merged over two rows, and a row whose requirement is no sentence."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Requirements"
    sheet["A1"] = "Technical Delivery Specification TDS-KAC-117 – Zn-Ni coated fasteners"
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(["ID", "Requirement", "Verification", "Remarks"])
    sheet.append(["TDS-01", "Parts shall be coated with zinc-nickel.", "Lab report per lot", "—"])
    sheet.append(["TDS-02", "No red rust after 720 h of salt spray.", None, "Report to SQE"])
    sheet.merge_cells("C4:C5")
    sheet.append(["TDS-03", "The passivation shall be free of Cr(VI).", "Declaration", "Legal"])
    sheet.append(["TDS-04", "Sample size per lot (pieces)", 20, "4 spindles x 5 parts"])
    return book


def test_merged_cells_titles_and_ids_of_a_specification_sheet() -> None:
    data = workbook_bytes(delivery_specification())
    document = read_document_bytes(data, "TDS.xlsx")
    statements = extract_document(document).statements
    title = "Technical Delivery Specification TDS-KAC-117 – Zn-Ni coated fasteners"
    assert [(s.clause, s.section, s.text) for s in statements] == [
        (
            "TDS-01",
            title,
            "Parts shall be coated with zinc-nickel. (Verification: Lab report per lot)"
            " (Remarks: —)",
        ),
        (
            "TDS-02",
            title,
            "No red rust after 720 h of salt spray. (Verification: Lab report per lot)"
            " (Remarks: Report to SQE)",
        ),
        (
            "TDS-03",
            title,
            "The passivation shall be free of Cr(VI). (Verification: Declaration) (Remarks: Legal)",
        ),
        (
            "TDS-04",
            title,
            "Sample size per lot (pieces) (Verification: 20) (Remarks: 4 spindles x 5 parts)",
        ),
    ]
