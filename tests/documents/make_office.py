"""Write the DOCX, e-mail, text and bad test documents, each with its expected blocks.

Run ``python tests/documents/make_office.py`` from the repo root. The output is
deterministic (fixed ZIP timestamps, MIME boundaries, PDF dates), so re-running
it changes nothing unless this script changes. The expected blocks are written
from the same content tables the documents are built from, never from a reader,
so a test comparing a reader with them can fail.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
import random
import struct
import sys
import zipfile
import zlib
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.timezone.utc)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

Expected = list[tuple[str, int, str]]  # (kind, level, text)


# ---------------------------------------------------------------- expected files


def write_expected(
    document: Path,
    kind: str,
    blocks: Expected,
    *,
    metadata: dict[str, str] | None = None,
    attachments: list[dict[str, Any]] | None = None,
    warnings: list[str] | None = None,
    pdf_attachment: dict[str, Any] | None = None,
) -> None:
    """``name.ext.expected.json`` beside the document, one block per line for diffs.

    A PDF attachment is recorded only by name and the lines it must contain: its
    blocks belong to the PDF reader's own tests.
    """
    record = expected_record(document.name, kind, blocks, metadata, attachments, warnings)
    if pdf_attachment is not None:
        record["pdf_attachment"] = pdf_attachment
    lines = ["{"]
    for key, value in record.items():
        if key == "blocks":
            rendered = ",\n".join(f"    {json.dumps(block, ensure_ascii=False)}" for block in value)
            lines.append(f'  "blocks": [\n{rendered}\n  ],')
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines[-1] = lines[-1].rstrip(",")
    lines.append("}")
    document.with_name(document.name + ".expected.json").write_text(
        "\n".join(lines) + "\n", encoding="utf-8"
    )


def expected_record(
    name: str,
    kind: str,
    blocks: Expected,
    metadata: dict[str, str] | None = None,
    attachments: list[dict[str, Any]] | None = None,
    warnings: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "name": name,
        "kind": kind,
        "metadata": metadata or {},
        "warnings": warnings or [],
        "attachments": attachments or [],
        "blocks": [{"kind": k, "level": level, "text": text} for k, level, text in blocks],
    }


# ---------------------------------------------------------------- text


PLAIN_CONTRACT = """\
SUPPLY AGREEMENT

This Supply Agreement is made between Northwind Components Ltd (the
"Supplier") and Harbour Instruments GmbH (the "Customer").

1. DEFINITIONS
1.1 "Goods" means the pressure sensors described in Schedule A, including
their packaging and documentation.
1.2 "Specification" means the Customer's drawing HI-2201 revision C.

2. QUALITY
2.1 The Supplier shall maintain a quality management system certi-
fied to ISO 9001:2015 for the duration of this Agreement.
2.2 Each housing shall have a wall thickness of at least
1.5 mm and shall be free of burrs.
2.3 The Supplier shall notify the Customer in writing:
(a) of any change to materials or processes;
(b) within 48 hours of discovering a nonconformity.

3. DELIVERY
3.1 Delivery is DAP Hamburg (Incoterms 2020). Prices are in € and
exclude VAT.
"""

PLAIN_CONTRACT_BLOCKS: Expected = [
    ("paragraph", 0, "SUPPLY AGREEMENT"),
    (
        "paragraph",
        0,
        'This Supply Agreement is made between Northwind Components Ltd (the "Supplier") '
        'and Harbour Instruments GmbH (the "Customer").',
    ),
    ("list_item", 0, "1. DEFINITIONS"),
    (
        "list_item",
        1,
        '1.1 "Goods" means the pressure sensors described in Schedule A, including their '
        "packaging and documentation.",
    ),
    ("list_item", 1, '1.2 "Specification" means the Customer\'s drawing HI-2201 revision C.'),
    ("list_item", 0, "2. QUALITY"),
    (
        "list_item",
        1,
        "2.1 The Supplier shall maintain a quality management system certified to "
        "ISO 9001:2015 for the duration of this Agreement.",
    ),
    (
        "list_item",
        1,
        "2.2 Each housing shall have a wall thickness of at least 1.5 mm and shall be free "
        "of burrs.",
    ),
    ("list_item", 1, "2.3 The Supplier shall notify the Customer in writing:"),
    ("list_item", 0, "(a) of any change to materials or processes;"),
    ("list_item", 0, "(b) within 48 hours of discovering a nonconformity."),
    ("list_item", 0, "3. DELIVERY"),
    (
        "list_item",
        1,
        "3.1 Delivery is DAP Hamburg (Incoterms 2020). Prices are in € and exclude VAT.",
    ),
]

NOTES_MD = """\
# Kick-off meeting notes

Attendees agreed the **pilot lot** of 200 units ships in week 18.
See the [project plan](https://example.com/plan) for dates.

## Actions

- Supplier to send the PPAP package
  - including the control plan
  - and the capability study
- Customer to confirm the packaging spec

1. Freeze the drawing by 15 April.
2. Approve first articles
   within ten working days.

## Test matrix

| Property | Requirement | Test method |
|---|---|---|
| Tensile strength | min 500 MPa | ASTM E8 |
| Hardness | 200-250 HV | |

Open questions
--------------

Who owns the gauge calibration?
"""

NOTES_MD_BLOCKS: Expected = [
    ("heading", 0, "Kick-off meeting notes"),
    (
        "paragraph",
        0,
        "Attendees agreed the pilot lot of 200 units ships in week 18. "
        "See the project plan for dates.",
    ),
    ("heading", 0, "Actions"),
    ("list_item", 0, "Supplier to send the PPAP package"),
    ("list_item", 1, "including the control plan"),
    ("list_item", 1, "and the capability study"),
    ("list_item", 0, "Customer to confirm the packaging spec"),
    ("list_item", 0, "1. Freeze the drawing by 15 April."),
    ("list_item", 0, "2. Approve first articles within ten working days."),
    ("heading", 0, "Test matrix"),
    ("table_row", 0, "Tensile strength: min 500 MPa (Test method: ASTM E8)"),
    ("table_row", 0, "Hardness: 200-250 HV"),
    ("heading", 0, "Open questions"),
    ("paragraph", 0, "Who owns the gauge calibration?"),
]

WINDOWS_TEXT = "Die Lieferung erfolgt frei Haus – Zahlung binnen 30 Tagen, 2 % Skonto.\n"


def write_text_documents() -> None:
    folder = HERE / "text"
    folder.mkdir(exist_ok=True)
    contract = folder / "plain_contract.txt"
    contract.write_bytes(PLAIN_CONTRACT.encode("utf-8"))
    write_expected(contract, "text", PLAIN_CONTRACT_BLOCKS, metadata={"encoding": "utf-8"})
    notes = folder / "notes.md"
    notes.write_bytes(NOTES_MD.encode("utf-8"))
    write_expected(notes, "text", NOTES_MD_BLOCKS, metadata={"encoding": "utf-8"})
    legacy = folder / "windows_1252.txt"
    legacy.write_bytes(WINDOWS_TEXT.encode("cp1252"))
    write_expected(
        legacy,
        "text",
        [("paragraph", 0, WINDOWS_TEXT.strip())],
        metadata={"encoding": "cp1252"},
    )


# ---------------------------------------------------------------- docx helpers


def new_docx() -> Any:
    document = docx.Document()
    properties = document.core_properties
    properties.created = FIXED_TIME.replace(tzinfo=None)
    properties.modified = FIXED_TIME.replace(tzinfo=None)
    properties.last_printed = FIXED_TIME.replace(tzinfo=None)
    properties.revision = 1
    properties.author = "reqx tests"
    properties.last_modified_by = "reqx tests"
    return document


def save_docx(document: Any, path: Path) -> None:
    """Save with fixed ZIP timestamps so the bytes are the same on every run."""
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(normalise_zip(buffer.getvalue()))


def normalise_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def add_numbering(document: Any, abstract_xml: str, abstract_id: int, num_id: int) -> None:
    """Append an abstract list definition and a num pointing at it to numbering.xml."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(abstract_xml)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )


def number_paragraph(paragraph: Any, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def legal_levels_xml(abstract_id: int) -> str:
    """Clause numbering as contracts use it: 1. / 1.1 / 1.1.1 / (a) / (i)."""
    levels = [
        ("decimal", "%1."),
        ("decimal", "%1.%2"),
        ("decimal", "%1.%2.%3"),
        ("lowerLetter", "(%4)"),
        ("lowerRoman", "(%5)"),
    ]
    body = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for ilvl, (fmt, text) in enumerate(levels)
    )
    return (
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{body}</w:abstractNum>'
    )


# ---------------------------------------------------------------- docx documents


NUMBERED_CLAUSES: list[tuple[int | None, str]] = [
    (None, "Quality Agreement"),
    (0, "Scope"),
    (1, "This agreement applies to all parts the Supplier delivers to the Customer."),
    (1, "It supplements the purchase order terms."),
    (0, "Obligations of the Supplier"),
    (1, "The Supplier shall keep records for ten years."),
    (2, "Records shall be legible and retrievable."),
    (2, "Electronic records shall be backed up weekly."),
    (1, "The Supplier shall inform the Customer of:"),
    (3, "any change of sub-supplier;"),
    (3, "any relocation of production, including:"),
    (4, "moves between lines;"),
    (4, "moves between sites."),
    (0, "Term"),
    (1, "This agreement remains in force for three years."),
]

NUMBERED_CLAUSES_BLOCKS: Expected = [
    ("heading", 0, "Quality Agreement"),
    ("list_item", 0, "1. Scope"),
    (
        "list_item",
        1,
        "1.1 This agreement applies to all parts the Supplier delivers to the Customer.",
    ),
    ("list_item", 1, "1.2 It supplements the purchase order terms."),
    ("list_item", 0, "2. Obligations of the Supplier"),
    ("list_item", 1, "2.1 The Supplier shall keep records for ten years."),
    ("list_item", 2, "2.1.1 Records shall be legible and retrievable."),
    ("list_item", 2, "2.1.2 Electronic records shall be backed up weekly."),
    ("list_item", 1, "2.2 The Supplier shall inform the Customer of:"),
    ("list_item", 3, "(a) any change of sub-supplier;"),
    ("list_item", 3, "(b) any relocation of production, including:"),
    ("list_item", 4, "(i) moves between lines;"),
    ("list_item", 4, "(ii) moves between sites."),
    ("list_item", 0, "3. Term"),
    ("list_item", 1, "3.1 This agreement remains in force for three years."),
]


def write_numbered_clauses(folder: Path) -> None:
    document = new_docx()
    add_numbering(document, legal_levels_xml(90), abstract_id=90, num_id=90)
    for level, text in NUMBERED_CLAUSES:
        if level is None:
            document.add_paragraph(text, style="Title")
            continue
        paragraph = document.add_paragraph(text, style="List Paragraph")
        number_paragraph(paragraph, 90, level)
    add_header_and_footer(document)
    path = folder / "numbered_clauses.docx"
    save_docx(document, path)
    write_expected(path, "docx", NUMBERED_CLAUSES_BLOCKS, metadata={"author": "reqx tests"})


def add_header_and_footer(document: Any) -> None:
    """Page furniture the reader must skip."""
    section = document.sections[0]
    section.header.paragraphs[0].text = "CONFIDENTIAL - Harbour Instruments"
    section.footer.paragraphs[0].text = "Page 1 of 1 - Form QA-7 rev 2"


HEADINGS_AND_TABLE_BLOCKS: Expected = [
    ("heading", 0, "Statement of Work"),
    ("heading", 0, "Background"),
    (
        "paragraph",
        0,
        "The Customer needs brackets for the new enclosure. The Supplier proposes a "
        "machined design.",
    ),
    ("heading", 0, "Material requirements"),
    ("paragraph", 0, "Each lot shall meet the properties below."),
    ("table_row", 0, "Tensile strength: min 500 MPa (Test method: ASTM E8)"),
    ("table_row", 0, "Hardness: 200-250 HV (Test method: ISO 6507-1)"),
    ("table_row", 0, "Surface finish: Ra 1.6 µm max"),
    ("heading", 0, "Deliverables"),
    ("paragraph", 0, "The Supplier must deliver a first article inspection report."),
    ("table_row", 0, "Due date: 30 June 2024"),
    ("table_row", 0, "Owner: Supplier quality engineer"),
]


def write_headings_and_table(folder: Path) -> None:
    document = new_docx()
    document.add_heading("Statement of Work", level=0)
    document.add_heading("Background", level=1)
    paragraph = document.add_paragraph("The Customer needs brackets for the new enclosure. ")
    paragraph.add_run("The Supplier proposes a ")
    paragraph.add_run("machined").bold = True
    paragraph.add_run(" design.")
    document.add_heading("Material requirements", level=1)
    document.add_paragraph("Each lot shall meet the properties below.")
    table = document.add_table(rows=4, cols=3)
    rows = [
        ("Property", "Requirement", "Test method"),
        ("Tensile strength", "min 500 MPa", "ASTM E8"),
        ("Hardness", "200-250 HV", "ISO 6507-1"),
        ("Surface finish", "Ra 1.6 µm max", ""),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_heading("Deliverables", level=1)
    document.add_paragraph("The Supplier must deliver a first article inspection report.")
    key_values = document.add_table(rows=2, cols=2)
    for row, values in zip(
        key_values.rows,
        [("Due date", "30 June 2024"), ("Owner", "Supplier quality engineer")],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    add_header_and_footer(document)
    path = folder / "headings_and_table.docx"
    save_docx(document, path)
    write_expected(path, "docx", HEADINGS_AND_TABLE_BLOCKS, metadata={"author": "reqx tests"})


LISTS_BLOCKS: Expected = [
    ("paragraph", 0, "Packaging instructions:"),
    ("list_item", 0, "Use anti-static bags for every board."),
    ("list_item", 1, "Seal each bag with a humidity indicator card."),
    ("list_item", 0, "Label each carton with the part number."),
    ("paragraph", 0, "Shipping steps:"),
    ("list_item", 0, "1. Book the carrier two days ahead."),
    ("list_item", 0, "2. Send the advance shipping notice."),
    ("list_item", 0, "3. Attach the certificate of conformity."),
    ("paragraph", 0, "Returns are handled under the warranty terms."),
]


def write_lists(folder: Path) -> None:
    document = new_docx()
    document.add_paragraph("Packaging instructions:")
    document.add_paragraph("Use anti-static bags for every board.", style="List Bullet")
    document.add_paragraph("Seal each bag with a humidity indicator card.", style="List Bullet 2")
    document.add_paragraph("Label each carton with the part number.", style="List Bullet")
    document.add_paragraph("Shipping steps:")
    for text in (
        "Book the carrier two days ahead.",
        "Send the advance shipping notice.",
        "Attach the certificate of conformity.",
    ):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("")
    document.add_paragraph("Returns are handled under the warranty terms.")
    path = folder / "lists.docx"
    save_docx(document, path)
    write_expected(path, "docx", LISTS_BLOCKS, metadata={"author": "reqx tests"})


NUMBERED_HEADINGS_BLOCKS: Expected = [
    ("heading", 0, "1 Scope"),
    ("paragraph", 0, "This specification covers machined aluminium brackets."),
    ("heading", 0, "1.1 Purpose"),
    ("heading", 0, "1.2 Applicability"),
    ("heading", 0, "2 Requirements"),
    ("heading", 0, "2.1 Materials"),
    ("list_item", 0, "(a) Use alloy 6061-T6."),
    ("list_item", 0, "(b) Certificates shall accompany each lot."),
    ("paragraph", 0, "A restarted list:"),
    ("list_item", 0, "(a) Deburr all edges."),
    ("paragraph", 0, "The first list continues:"),
    ("list_item", 0, "(c) Mark the part number on each bracket."),
]


def write_numbered_headings(folder: Path) -> None:
    """Headings numbered through their styles, and lists restarted and continued."""
    document = new_docx()
    headings = (
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="91">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:pStyle w:val="Heading1"/><w:lvlText w:val="%1"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:pStyle w:val="Heading2"/><w:lvlText w:val="%1.%2"/></w:lvl>'
        "</w:abstractNum>"
    )
    add_numbering(document, headings, abstract_id=91, num_id=91)
    for style_name in ("Heading 1", "Heading 2"):
        ppr = document.styles[style_name].element.get_or_add_pPr()
        ppr.insert(0, parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:numId w:val="91"/></w:numPr>'))
    letters = (
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="94">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'
    )
    add_numbering(document, letters, abstract_id=94, num_id=94)
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="95"><w:abstractNumId w:val="94"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    numbering.append(
        parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="96"><w:abstractNumId w:val="94"/></w:num>')
    )
    document.add_heading("Scope", level=1)
    document.add_paragraph("This specification covers machined aluminium brackets.")
    document.add_heading("Purpose", level=2)
    document.add_heading("Applicability", level=2)
    document.add_heading("Requirements", level=1)
    document.add_heading("Materials", level=2)
    for num_id, text in (
        (94, "Use alloy 6061-T6."),
        (94, "Certificates shall accompany each lot."),
        (None, "A restarted list:"),
        (95, "Deburr all edges."),
        (None, "The first list continues:"),
        (96, "Mark the part number on each bracket."),
    ):
        paragraph = document.add_paragraph(text)
        if num_id is not None:
            number_paragraph(paragraph, num_id, 0)
    path = folder / "numbered_headings.docx"
    save_docx(document, path)
    write_expected(path, "docx", NUMBERED_HEADINGS_BLOCKS, metadata={"author": "reqx tests"})


def write_docx_documents() -> None:
    folder = HERE / "docx"
    folder.mkdir(exist_ok=True)
    write_numbered_clauses(folder)
    write_headings_and_table(folder)
    write_lists(folder)
    write_numbered_headings(folder)


# ---------------------------------------------------------------- e-mail

MAIL_DATE = "Fri, 01 Mar 2024 09:30:00 +0000"
MAIL_DATE_ISO = "2024-03-01T09:30:00+00:00"


def fixed_boundaries(message: EmailMessage, stem: str) -> None:
    """MIME boundaries are random by default; fix them so the bytes repeat."""
    for index, part in enumerate(message.walk()):
        if part.is_multipart():
            part.set_boundary(f"=_{stem}_{index}")


def small_pdf(lines: list[str]) -> bytes:
    pdf = FPDF()
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_producer("reqx tests")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in lines:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


REPLY_BODY = """\
Hi Tom,

Thanks for the quotation. Before we can release the order, please
confirm the following points:

1. The housings must be anodised to MIL-A-8625 Type II.
2. Each lot must ship with a certificate of conformity.

We also need the updated drawing by Friday. The PDF attached lists
the inspection requirements; the TXT file has our delivery addresses.

Best regards,
Anna Berg
Purchasing Manager
Harbour Instruments GmbH
+49 40 555 0199

On Mon, 26 Feb 2024 at 16:05, Tom Reed <tom.reed@northwind.example> wrote:
> Dear Anna,
>
> please find our quotation 4471 attached. Lead time is six weeks
> after receipt of order.
>
> Kind regards,
> Tom
"""

REPLY_SUBJECT = "Re: Quotation 4471 – housings"

REPLY_BLOCKS: Expected = [
    ("heading", 0, REPLY_SUBJECT),
    ("paragraph", 0, "Hi Tom,"),
    (
        "paragraph",
        0,
        "Thanks for the quotation. Before we can release the order, please confirm the "
        "following points:",
    ),
    ("list_item", 0, "1. The housings must be anodised to MIL-A-8625 Type II."),
    ("list_item", 0, "2. Each lot must ship with a certificate of conformity."),
    (
        "paragraph",
        0,
        "We also need the updated drawing by Friday. The PDF attached lists the inspection "
        "requirements; the TXT file has our delivery addresses.",
    ),
    (
        "signature",
        0,
        "Best regards, Anna Berg Purchasing Manager Harbour Instruments GmbH +49 40 555 0199",
    ),
    (
        "heading",
        0,
        "Quoted mail from Tom Reed <tom.reed@northwind.example>, sent Mon, 26 Feb 2024 at 16:05",
    ),
    ("quoted", 0, "Dear Anna,"),
    (
        "quoted",
        0,
        "please find our quotation 4471 attached. Lead time is six weeks after receipt of order.",
    ),
    ("signature", 0, "Kind regards, Tom"),
]

INSPECTION_LINES = [
    "Inspection requirements for quotation 4471",
    "Every lot shall be sampled to ISO 2859-1 at AQL 0.65.",
]
ADDRESSES_TEXT = (
    "Deliveries go to Gate 4, Harbour Instruments GmbH, Hamburg.\n"
    "Goods receipt is open Monday to Friday, 07:00-15:00.\n"
)


def write_thread_with_quoted_reply(folder: Path) -> None:
    message = EmailMessage()
    message["From"] = "Anna Berg <anna.berg@harbour.example>"
    message["To"] = "Tom Reed <tom.reed@northwind.example>"
    message["Subject"] = REPLY_SUBJECT
    message["Date"] = MAIL_DATE
    message["Message-ID"] = "<reply-4471@harbour.example>"
    message.set_content(REPLY_BODY)
    message.add_attachment(
        small_pdf(INSPECTION_LINES),
        maintype="application",
        subtype="pdf",
        filename="inspection_requirements.pdf",
    )
    message.add_attachment(
        ADDRESSES_TEXT.encode("utf-8"),
        maintype="text",
        subtype="plain",
        filename="delivery_addresses.txt",
    )
    fixed_boundaries(message, "reply")
    path = folder / "thread_with_quoted_reply.eml"
    path.write_bytes(message.as_bytes(policy=SMTP))
    text_attachment = expected_record(
        "thread_with_quoted_reply.eml#delivery_addresses.txt",
        "text",
        [
            (
                "paragraph",
                0,
                "Deliveries go to Gate 4, Harbour Instruments GmbH, Hamburg. "
                "Goods receipt is open Monday to Friday, 07:00-15:00.",
            )
        ],
        metadata={  # the mail that carried it: who asked, and when
            "encoding": "utf-8",
            "mail_sender": "Anna Berg <anna.berg@harbour.example>",
            "mail_date": MAIL_DATE_ISO,
        },
    )
    write_expected(
        path,
        "email",
        REPLY_BLOCKS,
        metadata={
            "sender": "Anna Berg <anna.berg@harbour.example>",
            "to": "Tom Reed <tom.reed@northwind.example>",
            "date": MAIL_DATE_ISO,
            "subject": REPLY_SUBJECT,
        },
        attachments=[text_attachment],
        pdf_attachment={
            "name": "thread_with_quoted_reply.eml#inspection_requirements.pdf",
            "contains": INSPECTION_LINES,
        },
    )


HTML_BODY = """\
<html><head><style>p { color: #333; }</style>
<script>window.track("open");</script></head>
<body>
<p>Dear Supplier,</p>
<p>Please note the following changes to PO&nbsp;88-1042:</p>
<ul>
  <li>Torque for M6 screws must be 9&nbsp;N&middot;m &plusmn; 10&#37;.</li>
  <li>Labels &amp; packaging must follow our spec &quot;PK-3&quot;.</li>
</ul>
<ol><li>Confirm by e-mail.</li><li>Update the control plan.</li></ol>
<p>Deliveries shall arrive<br>before 14:00 &lt;local time&gt;.</p>
<script>document.write("tracking pixel")</script>
<p>Regards,<br>Ben Okafor<br>Supplier Quality</p>
</body></html>
"""

HTML_SUBJECT = "PO 88-1042 changes"

HTML_BLOCKS: Expected = [
    ("heading", 0, HTML_SUBJECT),
    ("paragraph", 0, "Dear Supplier,"),
    ("paragraph", 0, "Please note the following changes to PO 88-1042:"),
    ("list_item", 0, "Torque for M6 screws must be 9 N·m ± 10%."),
    ("list_item", 0, 'Labels & packaging must follow our spec "PK-3".'),
    ("list_item", 0, "1. Confirm by e-mail."),
    ("list_item", 0, "2. Update the control plan."),
    ("paragraph", 0, "Deliveries shall arrive before 14:00 <local time>."),
    ("signature", 0, "Regards, Ben Okafor Supplier Quality"),
]


def write_html_only(folder: Path) -> None:
    message = EmailMessage()
    message["From"] = "Ben Okafor <ben.okafor@harbour.example>"
    message["To"] = "orders@northwind.example"
    message["Subject"] = HTML_SUBJECT
    message["Date"] = MAIL_DATE
    message["Message-ID"] = "<po-88-1042@harbour.example>"
    message.set_content(HTML_BODY, subtype="html")
    path = folder / "html_only.eml"
    path.write_bytes(message.as_bytes(policy=SMTP))
    write_expected(
        path,
        "email",
        HTML_BLOCKS,
        metadata={
            "sender": "Ben Okafor <ben.okafor@harbour.example>",
            "to": "orders@northwind.example",
            "date": MAIL_DATE_ISO,
            "subject": HTML_SUBJECT,
        },
    )


LATIN1_BODY = """\
Sehr geehrte Damen und Herren,

die Prüfberichte müssen jeder Lieferung beigefügt werden. Die Maße
sind gemäß Zeichnung zu prüfen.

Mit freundlichen Grüßen
Jürgen Weiß
"""

LATIN1_SUBJECT = "Prüfberichte für Lieferung 7"

LATIN1_BLOCKS: Expected = [
    ("heading", 0, LATIN1_SUBJECT),
    ("paragraph", 0, "Sehr geehrte Damen und Herren,"),
    (
        "paragraph",
        0,
        "die Prüfberichte müssen jeder Lieferung beigefügt werden. Die Maße sind gemäß "
        "Zeichnung zu prüfen.",
    ),
    ("signature", 0, "Mit freundlichen Grüßen Jürgen Weiß"),
]


def write_latin1(folder: Path) -> None:
    message = EmailMessage()
    message["From"] = "Jürgen Weiß <j.weiss@werk.example>"
    message["To"] = "qs@northwind.example"
    message["Subject"] = LATIN1_SUBJECT
    message["Date"] = MAIL_DATE
    message["Message-ID"] = "<lieferung-7@werk.example>"
    message.set_content(LATIN1_BODY, charset="iso-8859-1", cte="quoted-printable")
    path = folder / "latin1.eml"
    path.write_bytes(message.as_bytes(policy=SMTP))
    write_expected(
        path,
        "email",
        LATIN1_BLOCKS,
        metadata={
            "sender": "Jürgen Weiß <j.weiss@werk.example>",
            "to": "qs@northwind.example",
            "date": MAIL_DATE_ISO,
            "subject": LATIN1_SUBJECT,
        },
    )


def write_email_documents() -> None:
    folder = HERE / "email"
    folder.mkdir(exist_ok=True)
    write_thread_with_quoted_reply(folder)
    write_html_only(folder)
    write_latin1(folder)


# ---------------------------------------------------------------- Outlook .msg

# Each e-mail's .msg twin, with the body Outlook kept: (stem, body properties, code page).
MSG_TWINS: tuple[tuple[str, tuple[str, ...], int | None], ...] = (
    ("thread_with_quoted_reply", ("plain",), None),  # and a PDF and a text attachment
    ("html_only", ("html",), None),
    ("latin1", ("plain",), 1252),  # 8-bit strings, Windows-1252
)
FORWARD_SUBJECT = "FW: Re: Quotation 4471 – housings"
FORWARD_BODY = "Please review the customer's requirements in the mail below.\n\nTom\n"


def msg_writer() -> ModuleType:
    """scripts/make_msg.py, our own .msg writer (scripts/ is no package)."""
    path = HERE.parent.parent / "scripts" / "make_msg.py"
    spec = importlib.util.spec_from_file_location("make_msg", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_msg"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def write_msg_twins(folder: Path, writer: ModuleType) -> None:
    """The .msg of each e-mail above: the same text and attachments, so the same blocks."""
    for stem, bodies, codepage in MSG_TWINS:
        eml = (folder / f"{stem}.eml").read_bytes()
        message = writer.message_from_eml(eml, bodies=bodies, codepage=codepage)
        (folder / f"{stem}.msg").write_bytes(writer.write_msg(message))
        expected = (folder / f"{stem}.eml.expected.json").read_text(encoding="utf-8")
        expected = expected.replace(f'"{stem}.eml', f'"{stem}.msg')
        (folder / f"{stem}.msg.expected.json").write_text(expected, encoding="utf-8")


def write_rtf_only(folder: Path, writer: ModuleType) -> None:
    """The reply with its body only as compressed RTF, as older Outlook versions keep it."""
    message = writer.message_from_eml(
        (folder / "thread_with_quoted_reply.eml").read_bytes(), bodies=("rtf",)
    )
    message.attachments = []
    path = folder / "reply_rtf_only.msg"
    path.write_bytes(writer.write_msg(message))
    write_expected(
        path,
        "email",
        REPLY_BLOCKS,
        metadata={
            "sender": "Anna Berg <anna.berg@harbour.example>",
            "to": "Tom Reed <tom.reed@northwind.example>",
            "date": MAIL_DATE_ISO,
            "subject": REPLY_SUBJECT,
        },
    )


def write_forwarded_mail(folder: Path, writer: ModuleType) -> None:
    """A mail carrying the reply as an attached Outlook item (an embedded message)."""
    reply = writer.message_from_eml((folder / "thread_with_quoted_reply.eml").read_bytes())
    message = writer.Message(
        subject=FORWARD_SUBJECT,
        sender_name="Tom Reed",
        sender_address="tom.reed@northwind.example",
        recipients=[writer.Recipient("Quality", "quality@northwind.example")],
        sent=FIXED_TIME + dt.timedelta(days=3),
        body=FORWARD_BODY,
        attachments=[writer.Attachment(REPLY_SUBJECT, embedded=reply)],
    )
    path = folder / "forwarded_as_attachment.msg"
    path.write_bytes(writer.write_msg(message))
    inner = f"forwarded_as_attachment.msg#{REPLY_SUBJECT}.eml"
    reply_expected = json.loads(
        (folder / "thread_with_quoted_reply.eml.expected.json").read_text(encoding="utf-8")
    )
    reply_expected["name"] = inner
    for attachment in reply_expected["attachments"]:
        attachment["name"] = attachment["name"].replace("thread_with_quoted_reply.eml", inner)
    reply_expected["pdf_attachment"]["name"] = f"{inner}#inspection_requirements.pdf"
    write_expected(
        path,
        "email",
        [
            ("heading", 0, FORWARD_SUBJECT),
            ("paragraph", 0, "Please review the customer's requirements in the mail below."),
            ("paragraph", 0, "Tom"),
        ],
        metadata={
            "sender": "Tom Reed <tom.reed@northwind.example>",
            "to": "Quality <quality@northwind.example>",
            "date": "2024-03-04T09:30:00+00:00",
            "subject": FORWARD_SUBJECT,
        },
        attachments=[reply_expected],
    )


def write_msg_documents() -> None:
    folder = HERE / "email"
    writer = msg_writer()
    write_msg_twins(folder, writer)
    write_rtf_only(folder, writer)
    write_forwarded_mail(folder, writer)


# ---------------------------------------------------------------- bad files


def tiny_png() -> bytes:
    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00", 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def compound_file_skeleton(streams: list[str]) -> bytes:
    """The header and one directory sector of an OLE compound file, enough to sniff.

    A password-protected DOCX is such a file holding "EncryptionInfo" and
    "EncryptedPackage" streams; a legacy .doc holds "WordDocument".
    """
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[24:26] = struct.pack("<H", 0x3E)  # minor version
    header[26:28] = struct.pack("<H", 3)  # major version 3: 512-byte sectors
    header[28:30] = b"\xfe\xff"  # little-endian
    header[30:32] = struct.pack("<H", 9)
    directory = bytearray()
    for name in ["Root Entry", *streams]:
        entry = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        entry[0 : len(encoded)] = encoded
        entry[64:66] = struct.pack("<H", len(encoded))
        entry[66] = 5 if name == "Root Entry" else 2
        directory += entry
    directory += bytes(512 - len(directory) % 512)
    return bytes(header) + bytes(directory)


def write_bad_files() -> None:
    folder = HERE / "bad"
    folder.mkdir(exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(tiny_png())
    (folder / "image.pdf").write_bytes(tiny_png())
    docx_bytes = (HERE / "docx" / "lists.docx").read_bytes()
    (folder / "docx_named.pdf").write_bytes(docx_bytes)
    (folder / "email_named.txt").write_bytes((HERE / "email" / "latin1.eml").read_bytes())
    (folder / "broken.docx").write_bytes(docx_bytes[: len(docx_bytes) * 3 // 5])
    (folder / "random.bin").write_bytes(random.Random(1987).randbytes(4096))
    (folder / "encrypted_like.docx").write_bytes(
        compound_file_skeleton(["EncryptionInfo", "EncryptedPackage"])
    )
    (folder / "legacy_like.doc").write_bytes(
        compound_file_skeleton(["WordDocument", "1Table", "SummaryInformation"])
    )
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as target:
        info = zipfile.ZipInfo("readme.txt", date_time=(1980, 1, 1, 0, 0, 0))
        target.writestr(info, "not a Word document")
    (folder / "plain.zip").write_bytes(archive.getvalue())
    (folder / "whitespace.txt").write_bytes(b"  \n\n\t\n")


def main() -> None:
    write_text_documents()
    write_docx_documents()
    write_email_documents()
    write_msg_documents()
    write_bad_files()


if __name__ == "__main__":
    main()
