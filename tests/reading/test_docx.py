"""The DOCX reader: body order, headings, rebuilt numbering, tables, page furniture."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import docx
import pytest

from extractor.errors import CorruptDocument, EmptyDocument, TooLarge
from extractor.reading.docx import format_number, read_docx

from .conftest import DOCUMENTS, load_expected, summarise

DOCX_DOCUMENTS = sorted((DOCUMENTS / "docx").glob("*.docx"))


def test_all_docx_documents_are_present() -> None:
    names = {path.name for path in DOCX_DOCUMENTS}
    assert {"numbered_clauses.docx", "headings_and_table.docx", "lists.docx"} <= names


@pytest.mark.parametrize("path", DOCX_DOCUMENTS, ids=lambda path: path.name)
def test_docx_documents_match_expected(path: Path) -> None:
    data = path.read_bytes()
    document = read_docx(str(path), data)
    assert summarise(document) == load_expected(path)
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert [page.number for page in document.pages] == [None]


def test_header_and_footer_are_skipped() -> None:
    path = DOCUMENTS / "docx" / "headings_and_table.docx"
    text = " ".join(block.text for block in read_docx(str(path), path.read_bytes()).pages[0].blocks)
    assert "CONFIDENTIAL" not in text
    assert "Page 1 of 1" not in text


def test_paragraph_styles_are_kept_as_hints() -> None:
    path = DOCUMENTS / "docx" / "headings_and_table.docx"
    styles = [block.style for block in read_docx(str(path), path.read_bytes()).pages[0].blocks]
    assert styles[:3] == ["Title", "Heading 1", "Normal"]


def _docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_tracked_deletions_are_not_text() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Delivery within 30 days.")
    deleted = docx.oxml.parse_xml(
        '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:id="1" w:author="a"><w:r><w:delText>60 days</w:delText></w:r></w:del>'
    )
    paragraph._p.append(deleted)
    blocks = read_docx("tracked.docx", _docx_bytes(document)).pages[0].blocks
    assert [block.text for block in blocks] == ["Delivery within 30 days."]


def test_vertically_merged_cell_repeats_on_each_row() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(
        table.rows,
        [("Part", "Check", "Limit"), ("Housing", "Flatness", "0.1 mm"), ("", "Burrs", "none")],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.cell(1, 0).merge(table.cell(2, 0))
    blocks = read_docx("merged.docx", _docx_bytes(document)).pages[0].blocks
    assert [block.text for block in blocks] == [
        "Housing: Flatness (Limit: 0.1 mm)",
        "Housing: Burrs (Limit: none)",
    ]


def test_document_without_body_text_is_empty() -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Only a header"
    with pytest.raises(EmptyDocument, match=r"blank\.docx"):
        read_docx("blank.docx", _docx_bytes(document))


def test_damaged_package_is_corrupt() -> None:
    data = (DOCUMENTS / "docx" / "lists.docx").read_bytes()
    with pytest.raises(CorruptDocument, match=r"cut\.docx"):
        read_docx("cut.docx", data[: len(data) // 2])


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _with_members(data: bytes, members: dict[str, str | bytes]) -> bytes:
    """The package ``data`` with some members replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            if info.filename not in members:
                new.writestr(info, old.read(info.filename))
        for name, content in members.items():
            new.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _body(inner: str) -> str:
    return f'<w:document xmlns:w="{_W}"><w:body>{inner}</w:body></w:document>'


def test_zip_bomb_is_refused_before_parsing() -> None:
    # 60 MB of paragraphs deflate to about 100 KB; parsing them took minutes and gigabytes.
    paragraph = "<w:p><w:r><w:t>The Supplier shall deliver.</w:t></w:r></w:p>"
    body = _body(paragraph * (60 * 1024 * 1024 // len(paragraph)))
    data = _with_members(_docx_bytes(docx.Document()), {"word/document.xml": body})
    assert len(data) < 1024 * 1024
    with pytest.raises(TooLarge, match=r"bomb\.docx") as raised:
        read_docx("bomb.docx", data)
    assert "inflates to 60 MB" in raised.value.reason


def test_list_numbering_with_a_huge_start_is_shown_as_a_number() -> None:
    # lowerLetter from 2,000,000,000 built a marker of 77 million letters per paragraph.
    numbering = (
        f'<w:numbering xmlns:w="{_W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        '<w:start w:val="2000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    )
    item = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>The Supplier shall deliver.</w:t></w:r></w:p>"
    )
    data = _with_members(
        _docx_bytes(docx.Document()),
        {"word/document.xml": _body(item * 2), "word/numbering.xml": numbering},
    )
    blocks = read_docx("numbered.docx", data).pages[0].blocks
    assert [block.text for block in blocks] == [
        "(2000000000) The Supplier shall deliver.",
        "(2000000001) The Supplier shall deliver.",
    ]


def test_a_cell_spanning_millions_of_columns_is_clamped() -> None:
    def cell(text: str, span: str = "") -> str:
        return f"<w:tc>{span}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    spanned = cell("Part", '<w:tcPr><w:gridSpan w:val="200000000"/></w:tcPr>')
    table = (
        f"<w:tbl><w:tr>{spanned}{cell('Qty')}</w:tr>"
        f"<w:tr>{cell('Housing')}{cell('500')}</w:tr></w:tbl>"
    )
    data = _with_members(_docx_bytes(docx.Document()), {"word/document.xml": _body(table)})
    blocks = read_docx("span.docx", data).pages[0].blocks
    assert [block.text for block in blocks] == ["Housing: 500"]


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (3, "decimal", "3"),
        (2, "lowerLetter", "b"),
        (28, "lowerLetter", "bb"),
        (4, "upperRoman", "IV"),
        (9, "lowerRoman", "ix"),
        (7, "decimalZero", "07"),
        (780, "lowerLetter", "z" * 30),
        (781, "upperLetter", "781"),
    ],
)
def test_format_number(value: int, fmt: str, shown: str) -> None:
    assert format_number(value, fmt) == shown


def test_word_table_of_contents_gives_no_blocks() -> None:
    """Word's "TOC Heading" and "toc 1"/"toc 2" lines are navigation, not text to review."""
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    names = {style.name for style in document.styles}
    for name in ("TOC Heading", "toc 1", "toc 2"):
        if name not in names:
            document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Contents", style="TOC Heading")
    document.add_paragraph("1 Scope of supply\t2", style="toc 1")
    document.add_paragraph("1.1 Delivery\t2", style="toc 2")
    document.add_paragraph("1 Scope of supply", style="Heading 1")
    document.add_paragraph("The Supplier shall deliver 40 pumps.")
    blocks = read_docx("contents.docx", _docx_bytes(document)).pages[0].blocks
    assert [(block.kind, block.text) for block in blocks] == [
        ("heading", "1 Scope of supply"),
        ("paragraph", "The Supplier shall deliver 40 pumps."),
    ]


# -- text boxes, footnotes and tracked changes: text a reviewer must not lose or see twice

_RUN = "<w:r><w:t xml:space='preserve'>{}</w:t></w:r>"
_NAMESPACES = (
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)


def _paragraph(*runs: str) -> str:
    return f"<w:p>{''.join(runs)}</w:p>"


def _vml_box(text: str) -> str:
    """A text box as Word 2003 wrote it, and as Word writes every box's Fallback copy."""
    return (
        '<w:r><w:pict><v:shape style="width:200pt;height:50pt"><v:textbox><w:txbxContent>'
        f"{_paragraph(_RUN.format(text))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )


def _drawing_box(text: str) -> str:
    """A DrawingML text box as Word writes it: the wps shape, and a VML copy in mc:Fallback."""
    shape = (
        '<w:drawing><wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/'
        'office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>'
        f"{_paragraph(_RUN.format(text))}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData>"
        "</a:graphic></wp:anchor></w:drawing>"
    )
    return (
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{shape}</mc:Choice>'
        f"<mc:Fallback>{_vml_box(text)[5:-6]}</mc:Fallback></mc:AlternateContent></w:r>"
    )


def _rich_docx(body: str, members: dict[str, str] | None = None) -> bytes:
    """A python-docx package whose body (and other parts) are the XML given."""
    document = f'<w:document xmlns:w="{_W}" {_NAMESPACES}><w:body>{body}</w:body></w:document>'
    return _with_members(
        _docx_bytes(docx.Document()), {"word/document.xml": document, **(members or {})}
    )


def _texts(data: bytes) -> list[str]:
    return [block.text for block in read_docx("rich.docx", data).pages[0].blocks]


def test_vml_text_box_is_read_after_the_paragraph_anchoring_it() -> None:
    body = _paragraph(
        _RUN.format("3. See box. "), _vml_box("The Supplier shall keep records.")
    ) + _paragraph(_RUN.format("4. Goods shall meet the spec."))
    assert _texts(_rich_docx(body)) == [
        "3. See box.",
        "The Supplier shall keep records.",
        "4. Goods shall meet the spec.",
    ]


def test_drawingml_text_box_is_read_once_not_again_from_its_fallback() -> None:
    body = _paragraph(_drawing_box("The Buyer must approve the plan.")) + _paragraph(
        _RUN.format("Next clause.")
    )
    assert _texts(_rich_docx(body)) == ["The Buyer must approve the plan.", "Next clause."]


def test_text_box_in_a_table_cell_is_read_once() -> None:
    cell = _paragraph(_RUN.format("Packing:"), _drawing_box("Pallets shall be wrapped."))
    other = _paragraph(_RUN.format("A"))
    table = f"<w:tbl><w:tr><w:tc>{cell}</w:tc><w:tc>{other}</w:tc></w:tr></w:tbl>"
    assert _texts(_rich_docx(table)) == ["Packing: Pallets shall be wrapped.: A"]


def _notes_part(kind: str, notes: str) -> str:
    """A footnotes/endnotes part with Word's two separators (ids -1 and 0) before ``notes``.

    The separators hold text here, which Word's never do, to show they are skipped by type.
    """
    separators = (
        f'<w:{kind} w:type="separator" w:id="-1">{_paragraph(_RUN.format("SEPARATOR"))}</w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0">'
        f"{_paragraph(_RUN.format('CONTINUATION'))}</w:{kind}>"
    )
    return f'<w:{kind}s xmlns:w="{_W}">{separators}{notes}</w:{kind}s>'


def _note(kind: str, note_id: int, text: str) -> str:
    return f'<w:{kind} w:id="{note_id}">{_paragraph(_RUN.format(text))}</w:{kind}>'


def _with_note_parts(body: str, footnotes: str, endnotes: str) -> bytes:
    """The package with footnotes.xml and endnotes.xml related to the document and typed."""
    base = _docx_bytes(docx.Document())
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
    office = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    for kind in ("footnotes", "endnotes"):
        types = types.replace(
            "</Types>",
            f'<Override PartName="/word/{kind}.xml" ContentType="{office}.{kind}+xml"/></Types>',
        )
        rels = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rId{kind}" Type="{relationships}/{kind}" Target="{kind}.xml"/>'
            "</Relationships>",
        )
    return _rich_docx(
        body,
        {
            "[Content_Types].xml": types,
            "word/_rels/document.xml.rels": rels,
            "word/footnotes.xml": footnotes,
            "word/endnotes.xml": endnotes,
        },
    )


def test_footnotes_and_endnotes_follow_the_body_under_their_own_sections() -> None:
    from extractor.segmenting import segment

    reference = '<w:r><w:{0}Reference w:id="{1}"/></w:r>'
    body = _paragraph(
        _RUN.format("4. Goods shall meet the spec."),
        reference.format("footnote", 3),
        reference.format("endnote", 1),
        reference.format("footnote", 2),
        f"<w:del w:id='9' w:author='a'>{reference.format('footnote', 4)}</w:del>",
    )
    footnotes = _notes_part(
        "footnote",
        _note("footnote", 2, "The Supplier shall provide a certificate of conformity.")
        + _note("footnote", 3, "See Annex A.")
        + _note("footnote", 4, "A footnote deleted with its reference."),
    )
    endnotes = _notes_part("endnote", _note("endnote", 1, "The Buyer shall pay within 30 days."))
    document = read_docx("notes.docx", _with_note_parts(body, footnotes, endnotes))
    blocks = [(block.kind, block.text) for block in document.pages[0].blocks]
    assert blocks == [
        ("paragraph", "4. Goods shall meet the spec."),
        ("heading", "Footnotes"),
        ("paragraph", "See Annex A."),
        ("paragraph", "The Supplier shall provide a certificate of conformity."),
        ("heading", "Endnotes"),
        ("paragraph", "The Buyer shall pay within 30 days."),
    ]
    sections = {statement.text: statement.section for statement in segment(document)}
    assert sections["The Supplier shall provide a certificate of conformity."] == "Footnotes"
    assert sections["The Buyer shall pay within 30 days."] == "Endnotes"


def test_tracked_changes_are_read_as_accepted_and_warned_of() -> None:
    change = "<w:{0} w:id='{1}' w:author='a' w:date='2026-01-01T00:00:00Z'>{2}</w:{0}>"
    deleted = "<w:r><w:delText xml:space='preserve'>{}</w:delText></w:r>"
    body = _paragraph(
        _RUN.format("2. The Supplier shall "),
        change.format("del", 1, deleted.format("not ")),
        _RUN.format("ship within "),
        change.format("del", 2, deleted.format("10")),
        change.format("ins", 3, _RUN.format("45")),
        _RUN.format(" days."),
    ) + _paragraph(
        change.format("moveFrom", 4, _RUN.format("Packed in crates. ")),
        _RUN.format("Goods shall be inspected."),
        change.format("moveTo", 5, _RUN.format(" Packed in crates.")),
    )
    document = read_docx("tracked.docx", _rich_docx(body))
    assert [block.text for block in document.pages[0].blocks] == [
        "2. The Supplier shall ship within 45 days.",
        "Goods shall be inspected. Packed in crates.",
    ]
    assert document.warnings == (
        "the document holds tracked changes not yet accepted or rejected "
        "(1 insertion, 2 deletions, 1 move); it is read as if all were accepted: "
        "check them in Word",
    )


def test_damaged_footnotes_part_costs_the_footnotes_not_the_document() -> None:
    body = _paragraph(
        _RUN.format("The Supplier shall deliver."), '<w:r><w:footnoteReference w:id="2"/></w:r>'
    )
    endnotes = _notes_part("endnote", "")
    document = read_docx("notes.docx", _with_note_parts(body, "<w:footnotes>cut sh", endnotes))
    assert [block.text for block in document.pages[0].blocks] == ["The Supplier shall deliver."]
    assert document.warnings == (
        "footnotes skipped: their part of the DOCX is damaged (XMLSyntaxError)",
    )


# -- hidden text: Word neither shows nor prints it, so it is no statement


def _hidden_run(text: str, setting: str = "<w:vanish/>") -> str:
    return f"<w:r><w:rPr>{setting}</w:rPr><w:t xml:space='preserve'>{text}</w:t></w:r>"


def test_hidden_runs_are_not_text() -> None:
    body = (
        _paragraph(
            _RUN.format("The Contractor shall store all records in Norway."),
            _hidden_run(" [Drafting note: the client wanted Sweden too.]"),
        )
        + _paragraph(
            _RUN.format("Invoices are due in 45 days."),
            _hidden_run(" Not in the signed copy.", "<w:specVanish/>"),
        )
        + _paragraph(_hidden_run("Shown, though it names w:vanish.", '<w:vanish w:val="0"/>'))
    )
    assert _texts(_rich_docx(body)) == [
        "The Contractor shall store all records in Norway.",
        "Invoices are due in 45 days.",
        "Shown, though it names w:vanish.",
    ]


def test_text_hidden_by_its_style_is_not_text() -> None:
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    note = document.styles.add_style("Reviewer Note", WD_STYLE_TYPE.CHARACTER)
    note.font.hidden = True
    guidance = document.styles.add_style("Guidance", WD_STYLE_TYPE.PARAGRAPH)
    guidance.font.hidden = True
    paragraph = document.add_paragraph("Spare parts shall be held for ten years.")
    paragraph.add_run(" (check with procurement)", style="Reviewer Note")
    document.add_paragraph("Delete this guidance before issue.", style="Guidance")
    kept = document.add_paragraph("", style="Guidance")
    kept.add_run("Shown inside a hidden style.").font.hidden = False
    blocks = read_docx("styles.docx", _docx_bytes(document)).pages[0].blocks
    assert [block.text for block in blocks] == [
        "Spare parts shall be held for ten years.",
        "Shown inside a hidden style.",
    ]


def test_a_wholly_hidden_numbered_paragraph_takes_no_number() -> None:
    numbering = (
        f'<w:numbering xmlns:w="{_W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    )

    def item(run: str, mark: str = "") -> str:
        number = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        return f"<w:p><w:pPr>{number}{mark}</w:pPr>{run}</w:p>"

    hidden_mark = "<w:rPr><w:vanish/></w:rPr>"
    body = (
        item(_RUN.format("The Buyer shall pay on delivery."))
        + item(_hidden_run("Optional clause, removed for this buyer."), hidden_mark)
        + item(_RUN.format("Title passes on payment."))
        # only the mark hidden (Word's style separator): the text shows, run into the next line
        + _paragraph("<w:pPr>" + hidden_mark + "</w:pPr>", _RUN.format("Warranty"))
    )
    data = _rich_docx(body, {"word/numbering.xml": numbering})
    assert _texts(data) == [
        "1. The Buyer shall pay on delivery.",
        "2. Title passes on payment.",
        "Warranty",
    ]


# -- tables: clauses laid out in a table, unmarked header rows, cells of several paragraphs


def _table_docx(rows: list[tuple[str | list[str], ...]], style: str | None = None) -> bytes:
    """A one-table document; a cell given as a list holds one paragraph per item."""
    document = docx.Document()
    document.add_paragraph("Terms")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    if style:
        table.style = style
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            paragraphs = [value] if isinstance(value, str) else value
            cell.text = paragraphs[0]
            for more in paragraphs[1:]:
                cell.add_paragraph(more)
    return _docx_bytes(document)


def _statements(data: bytes) -> list[tuple[str, str]]:
    from extractor.segmenting import segment

    return [(s.clause, s.text) for s in segment(read_docx("table.docx", data))]


def test_a_table_of_numbered_clauses_gives_clauses() -> None:
    data = _table_docx(
        [
            ("4.1", "Pallets shall be wrapped in film."),
            ("4.2", ["Each pallet shall carry a label.", "Labels shall be in English."]),
        ]
    )
    assert _statements(data) == [
        ("4.1", "Pallets shall be wrapped in film."),
        ("4.2", "Each pallet shall carry a label."),
        ("", "Labels shall be in English."),
    ]


def test_a_revision_table_is_not_taken_for_clauses() -> None:
    data = _table_docx([("1.0", "First issue"), ("1.1", "Prices updated")])
    assert _texts(data)[1:] == ["1.0: First issue", "1.1: Prices updated"]


def test_a_first_row_of_column_names_is_a_header_though_unmarked() -> None:
    named = _table_docx([("Item", "Instruction"), ("Drums", "Drums shall be sealed.")])
    assert _texts(named)[1:] == ["Drums: Drums shall be sealed."]
    # a key/value table's first row holds a value, and stays a row of its own
    pairs = _table_docx([("Supplier", "Acme Ltd"), ("Term", "Two years.")])
    assert _texts(pairs)[1:] == ["Supplier: Acme Ltd", "Term: Two years."]
    # a requirements sheet with a column left for the supplier's answer (a table walk)
    sheet = _table_docx([("Requirement", "Supplier answer"), ("Pallets shall be EPAL.", "")])
    assert _texts(sheet)[1:] == ["Pallets shall be EPAL."]


def test_a_cell_of_several_sentences_gives_a_row_per_paragraph() -> None:
    data = _table_docx(
        [
            ("Part", "Requirement", "Check"),
            ("Valves", ["Valves shall be tested.", "Seats shall be lapped."], "Visual"),
            ("Seals", ["The Supplier shall:", "replace the seals; and", "keep spares."], ""),
        ],
        style="Table Grid",
    )
    assert _texts(data)[1:] == [
        "Valves: Valves shall be tested. (Check: Visual)",
        "Valves: Seats shall be lapped. (Check: Visual)",
        "Seals: The Supplier shall: replace the seals; and keep spares.",
    ]


# -- numbered headings: a DOCX reads as a PDF of the same page would


def test_clauses_under_numbered_headings_are_those_of_the_same_page_in_a_pdf() -> None:
    """Word's heading numbers ("1.1 Scope") are a section, as a PDF's heading line is.

    The segmenter gives a paragraph the number that opens it, never its
    heading's: in a PDF, the body under "1.1 Scope" is clause '' in section
    "1.1 Scope", and so it is in a DOCX. A numbered paragraph's items chain its
    number ("2.1(a)") in both, soft line breaks or not.
    """
    from extractor.segmenting import segment
    from extractor.types import Block, Document, Page

    numbering = (
        f'<w:numbering xmlns:w="{_W}"><w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:lvlText w:val="%1"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlText w:val="%1.%2"/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )

    def numbered(level: int, text: str, heading: bool) -> str:
        style = f'<w:pStyle w:val="Heading{level + 1}"/>' if heading else ""
        number = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
        runs = "<w:r><w:br/></w:r>".join(_RUN.format(part) for part in text.split("|"))
        return f"<w:p><w:pPr>{style}{number}</w:pPr>{runs}</w:p>"

    body = (
        numbered(0, "General", heading=True)
        + numbered(1, "Scope", heading=True)
        + _paragraph(_RUN.format("This specification covers the pumps."))
        + numbered(1, "The pumps shall have:|(a) cast iron casings;|(b) steel shafts.", False)
    )
    word = segment(read_docx("spec.docx", _rich_docx(body, {"word/numbering.xml": numbering})))
    lines = [
        Block("1 General", kind="heading"),
        Block("1.1 Scope", kind="heading"),
        Block("This specification covers the pumps."),
        Block("1.2 The pumps shall have: (a) cast iron casings; (b) steel shafts."),
    ]
    pdf = segment(Document("spec.pdf", "0" * 64, "pdf", (Page(1, tuple(lines)),)))
    assert [(s.clause, s.section, s.text) for s in word] == [
        (s.clause, s.section, s.text) for s in pdf
    ]
    assert [(s.clause, s.section) for s in word] == [
        ("", "1.1 Scope"),
        ("1.2(a)", "1.1 Scope"),
        ("1.2(b)", "1.1 Scope"),
    ]


def test_a_column_that_names_its_values_in_one_row_names_them_in_all() -> None:
    """An aerospace walk: "FAI reports (AS9102): Life of part plus 10 years" read above
    "Material certifications (Retention period: 10 years after final payment)"."""
    document = docx.Document()
    rows = [
        ("Record", "Retention period", "Medium"),
        ("FAI reports (AS9102)", "Life of part plus 10 years", "Electronic"),
        ("Material certifications", "10 years after final payment", "Electronic"),
    ]
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    blocks = read_docx("records.docx", _docx_bytes(document)).pages[0].blocks
    assert [block.text for block in blocks] == [
        "FAI reports (AS9102) (Retention period: Life of part plus 10 years) (Medium: Electronic)",
        "Material certifications (Retention period: 10 years after final payment)"
        " (Medium: Electronic)",
    ]


@pytest.mark.parametrize(
    ("header", "values", "keeps"),
    [
        ("Retention period", ["Life of part", "10 years"], True),  # one quantity: all keep it
        ("Check", ["Flatness", "Burrs"], False),  # text alone reads after a colon
        ("Requirement", ["Life of part", "10 years"], False),  # a name that only says "value"
        ("Customer", ["R", "A"], True),  # marks keep whose they are
        ("Unit", ["mg KOH/g", "Gardner"], True),  # a unit is never the item's value
    ],
)
def test_keeps_second_header(header: str, values: list[str], keeps: bool) -> None:
    from extractor.reading.tables import keeps_second_header

    rows = [["Item", value] for value in values]
    assert keeps_second_header(["Item", header], rows) is keeps


def test_a_paragraph_of_field_lines_is_a_block_per_field() -> None:
    """An energy walk's minutes opened with one paragraph "Project: ... / Date: ... / Place:
    ...", read as one statement; lines that are not all fields stay one paragraph."""
    from extractor.segmenting import segment

    document = docx.Document()
    fields = document.add_paragraph()
    for n, line in enumerate(
        [
            "Project: Kestrel Moor Solar Park",
            "Date: 9 April 2026, 10:00-13:30",
            "Place: site office",
        ]
    ):
        run = fields.add_run(line)
        if n < 2:
            run.add_break()
    prose = document.add_paragraph()
    prose.add_run("Note: the bridge has a 10 t limit.").add_break()
    prose.add_run("the access road floods in winter.")
    read = read_docx("minutes.docx", _docx_bytes(document))
    blocks = [(block.text, block.style) for block in read.pages[0].blocks]
    assert blocks == [
        ("Project: Kestrel Moor Solar Park", "field"),
        ("Date: 9 April 2026, 10:00-13:30", "field"),
        ("Place: site office", "field"),
        ("Note: the bridge has a 10 t limit. the access road floods in winter.", "Normal"),
    ]
    assert [s.text for s in segment(read)][:3] == [
        "Project: Kestrel Moor Solar Park",
        "Date: 9 April 2026, 10:00-13:30",
        "Place: site office",
    ]


def test_a_header_set_over_two_rows_names_each_column_by_both() -> None:
    """An SLA table: "Target times" spans "Response" | "Resolution"; "Priority",
    "Description" and "Hours of cover" are merged down over both header rows."""
    document = docx.Document()
    document.add_paragraph("2.1 The Supplier shall meet the times in Table 2.")
    table = document.add_table(rows=4, cols=5)
    for column in (0, 1, 4):
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(0, 2).merge(table.cell(0, 3))
    for (row, column), text in {
        (0, 0): "Priority",
        (0, 1): "Description",
        (0, 2): "Target times",
        (0, 4): "Hours of cover",
        (1, 2): "Response",
        (1, 3): "Resolution",
    }.items():
        table.cell(row, column).text = text
    for row, values in (
        (2, ("P1", "Critical: a store cannot trade", "15 minutes", "4 hours", "24x7")),
        (3, ("P2", "High: a function is degraded", "30 minutes", "12 hours", "24x7")),
    ):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    texts = _texts(_docx_bytes(document))
    assert texts[1:] == [
        "P1: Critical: a store cannot trade (Target times Response: 15 minutes)"
        " (Target times Resolution: 4 hours) (Hours of cover: 24x7)",
        "P2: High: a function is degraded (Target times Response: 30 minutes)"
        " (Target times Resolution: 12 hours) (Hours of cover: 24x7)",
    ]


def test_a_table_of_signature_blocks_side_by_side_gives_no_statements() -> None:
    """An IT walk's MSA ended in a borderless table of two signature blocks: its rows
    were statements ("Name: Helen Marsh: Name: Ruth Bell")."""
    document = docx.Document()
    document.add_paragraph("8.3 This Agreement may be executed in any number of counterparts.")
    rows = [
        ("KESTREL HOME & GARDEN LTD", "BRIGHTWAVE MANAGED SERVICES LTD"),
        ("Signed for and on behalf of Kestrel Ltd", "Signed for and on behalf of Brightwave Ltd"),
        ("Name: Helen Marsh", "Name: Ruth Bell"),
        ("Title: Chief Information Officer", "Title: Service Delivery Director"),
        ("Signature: ....................", "Signature: ...................."),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("The Schedules form part of this Agreement.")
    assert _statements(_docx_bytes(document)) == [
        ("8.3", "This Agreement may be executed in any number of counterparts."),
        ("", "The Schedules form part of this Agreement."),
    ]
    # a table of two signatures' fields with a place to sign, no "on behalf of" over them
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for row, values in zip(
        table.rows,
        [
            ("Signature: ________", "Signature: ________"),
            ("Date: 12 May 2026", "Date: 12 May 2026"),
        ],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("Each party shall keep a signed copy.")
    assert _statements(_docx_bytes(document)) == [("", "Each party shall keep a signed copy.")]


def _document_with_table(before: str, rows: list[tuple[str, ...]], after: list[str]) -> bytes:
    document = docx.Document()
    document.add_paragraph(before)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for text in after:
        document.add_paragraph(text)
    return _docx_bytes(document)


_BANDS = [
    ("Band", "Temperature", "Alarm after"),
    ("Ambient", "+5 °C to +25 °C", "60 minutes"),
    ("Chilled", "+2 °C to +8 °C", "15 minutes"),
]


@pytest.mark.parametrize("caption", ["Table A - Temperature bands", "Table 2 - Bands and alarms"])
def test_a_caption_under_its_table_is_no_statement_nor_a_section(caption: str) -> None:
    """A logistics walk's "Table A - Temperature bands" under its table was a statement,
    and "Table B - KPIs" the section of clause 4.2 after it."""
    from extractor.segmenting import segment

    data = _document_with_table(
        "2.1 The Provider shall store the Goods in the bands in the table below.",
        _BANDS,
        [caption, "2.2 The Provider shall log each excursion."],
    )
    found = [(s.section, s.text) for s in segment(read_docx("caption.docx", data))]
    assert [text for _, text in found] == [
        "The Provider shall store the Goods in the bands in the table below.",
        "Ambient (Temperature: +5 °C to +25 °C) (Alarm after: 60 minutes)",
        "Chilled (Temperature: +2 °C to +8 °C) (Alarm after: 15 minutes)",
        "The Provider shall log each excursion.",
    ]
    assert caption not in {section for section, _ in found}


def test_a_caption_over_its_table_heads_its_rows_only() -> None:
    from extractor.segmenting import segment

    data = _document_with_table(
        "Table A - Temperature bands", _BANDS, ["The Provider shall log each excursion."]
    )
    found = [(s.section, s.text) for s in segment(read_docx("caption.docx", data))]
    assert found[0] == (
        "Table A - Temperature bands",
        "Ambient (Temperature: +5 °C to +25 °C) (Alarm after: 60 minutes)",
    )
    assert found[-1] == ("", "The Provider shall log each excursion.")


def test_definitions_and_a_table_under_a_numbered_clause_are_that_clauses() -> None:
    """An IT walk's MSA: the definitions under "1.1 In this Agreement the following
    definitions apply:", set as plain paragraphs, and the rows of the table right after
    clause 3.1 had no clause."""
    from extractor.segmenting import segment

    document = docx.Document()
    document.add_paragraph("1.1 In this Agreement the following definitions apply:")
    document.add_paragraph('"Incident" means an unplanned interruption to a Service.')
    document.add_paragraph('"Service Month" means a calendar month.')
    document.add_paragraph("1.2 Headings do not affect the interpretation of this Agreement.")
    document.add_paragraph("3.1 The Supplier shall credit the Customer as set out below.")
    table = document.add_table(rows=3, cols=2)
    for row, values in zip(
        table.rows,
        [("Availability", "Service Credit"), ("99.0% to 99.5%", "10%"), ("below 99.0%", "20%")],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.paragraphs[0].add_run(value).bold = value in ("Availability", "Service Credit")
    document.add_paragraph("Credits are the Customer's sole financial remedy.")
    found = [(s.clause, s.text) for s in segment(read_docx("msa.docx", _docx_bytes(document)))]
    assert found == [
        ("1.1", "In this Agreement the following definitions apply:"),
        ("1.1", '"Incident" means an unplanned interruption to a Service.'),
        ("1.1", '"Service Month" means a calendar month.'),
        ("1.2", "Headings do not affect the interpretation of this Agreement."),
        ("3.1", "The Supplier shall credit the Customer as set out below."),
        ("3.1", "99.0% to 99.5% (Service Credit: 10%)"),
        ("3.1", "below 99.0% (Service Credit: 20%)"),
        ("", "Credits are the Customer's sole financial remedy."),
    ]


def test_a_schedules_clauses_are_told_from_the_agreements_by_their_section() -> None:
    """An IT walk's MSA: Schedule 2's clause 1.1 had the section "1. Availability" and
    nothing named the schedule, so it could not be told from the agreement's 1.1."""
    from extractor.segmenting import segment

    document = docx.Document()
    document.add_heading("1. Definitions", level=1)
    document.add_paragraph("1.1 Words have the meanings given in the Schedules.")
    document.add_heading("SCHEDULE 2 - SERVICE LEVELS", level=1)
    document.add_paragraph("1. Availability")
    document.add_paragraph("1.1 The Supplier shall achieve an Availability of 99.9%.")
    document.add_paragraph("2. Service Credits")
    document.add_paragraph("2.1 Service Credits shall not exceed 20% of the Monthly Charges.")
    document.add_heading("SIGNATURES", level=1)
    document.add_paragraph("This Agreement has been entered into on the date stated above.")
    found = [(s.clause, s.section) for s in segment(read_docx("msa.docx", _docx_bytes(document)))]
    assert found == [
        ("1.1", "1. Definitions"),
        ("1.1", "SCHEDULE 2 - SERVICE LEVELS / 1. Availability"),
        ("2.1", "SCHEDULE 2 - SERVICE LEVELS / 2. Service Credits"),
        ("", "SIGNATURES"),
    ]


def test_a_note_typed_with_its_raised_mark_is_read_under_the_clause_carrying_it() -> None:
    """A logistics walk's agreement ended in "¹ Temperature bands are measured at the
    product, ...", set small: it kept its mark, with the last section and no clause,
    though "Table A¹" in 2.1 carries the mark (PDF notes are read so already)."""
    from extractor.segmenting import segment

    document = docx.Document()
    document.add_heading("2. Storage", level=1)
    document.add_paragraph("2.1 The Provider shall store the Goods in the bands of Table A¹.")
    document.add_heading("7. Site Rules", level=1)
    document.add_paragraph("7.1 Visitors shall be escorted at all times.")
    document.add_paragraph("¹ Temperature bands are measured at the product.")
    found = [
        (s.clause, s.section, s.text) for s in segment(read_docx("3pl.docx", _docx_bytes(document)))
    ]
    assert found[-1] == ("2.1", "2. Storage", "Temperature bands are measured at the product.")


def test_a_specification_table_keeps_its_unit_column_named() -> None:
    """A chemicals walk's limits table read "Amine value: mg KOH/g (Min: 310)", as if the
    value were the unit."""
    document = docx.Document()
    rows = [
        ["Property", "Unit", "Min", "Max", "Test method"],
        ["Amine value", "mg KOH/g", "310", "330", "DIN 53176"],
        ["Colour", "Gardner", "–", "3", "ISO 4630"],
    ]
    table = document.add_table(rows=3, cols=5)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    blocks = read_docx("limits.docx", _docx_bytes(document)).pages[0].blocks
    assert [block.text for block in blocks] == [
        "Amine value (Unit: mg KOH/g) (Min: 310) (Max: 330) (Test method: DIN 53176)",
        "Colour (Unit: Gardner) (Min: –) (Max: 3) (Test method: ISO 4630)",
    ]
