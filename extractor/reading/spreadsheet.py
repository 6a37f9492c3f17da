"""Read an Excel workbook (.xlsx): each sheet's rows as table rows under the sheet's name.

Customers send requirements in spreadsheets too: a delivery schedule, a
parameter list, a compliance matrix attached to a tender or an e-mail. A row
means nothing without its column names, so a sheet's first row of short text
cells is taken as the header and folded into every row below it
(``tables.render_row``: "Part 4711 (Qty: 500) (Due: 2026-03-01)"), as the DOCX and
PDF readers do with tables. A blank row ends a table; the next row of names
starts another. A row with one long cell (a note under a table) is a paragraph;
one over a header row (a title merged across the table) is the table's heading.
A cell merged over several rows is read on each of them.

openpyxl reads the workbook in read-only mode, streaming rows, with the values
Excel last computed for formulas. Hidden sheets are not read, and said so; a
formula whose value was never saved (a file written by a program that does not
compute) is left out, and said so.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time
from pathlib import PurePath
from typing import Any

from extractor.errors import CorruptDocument, EmptyDocument, TooLarge, too_much_text
from extractor.reading.tables import (
    clause_row_block,
    is_clause_table,
    is_matrix_row,
    keeps_second_header,
    render_row,
)
from extractor.reading.zip_parts import check_inflated_xml
from extractor.types import Block, Document, Page

# The workbook's XML inflated: beyond it, a ZIP bomb or a data dump, not correspondence.
MAX_XML_BYTES = 50 * 1024 * 1024
# Characters read before giving up, as the dispatcher's limit for any document.
MAX_TEXT_CHARS = 10_000_000
# Filled rows over all sheets: a compliance matrix or a parts list has hundreds to a few
# thousand; 200,000 rows (an ERP table dumped) took minutes to label, one row at a time.
MAX_ROWS = 20_000
# A header cell is a column name, not a sentence.
_HEADER_CELL_CHARS = 60
_FLOAT_DIGITS = 10  # 0.1 + 0.2 stored as 0.30000000000000004 reads "0.3"
# A cell element with content (not self-closing), and a saved value inside one.
_CELL = re.compile(rb"<c\b[^>]*?(?<!/)>(.*?)</c>", re.DOTALL)
_SAVED_VALUE = re.compile(rb"<v>[^<]")


def read_xlsx(path: str, data: bytes) -> Document:
    """An .xlsx workbook as one unpaged page: each visible sheet a heading and its rows."""
    _check_inflated_size(path, data)
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zip, XML, key and value errors alike
        raise CorruptDocument(
            path, f"a damaged Excel workbook: it cannot be opened ({type(error).__name__})"
        ) from None
    blocks: list[Block] = []
    warnings: list[str] = []
    chars = 0
    rows = 0
    try:
        for sheet in book.worksheets:
            title = str(sheet.title)
            if getattr(sheet, "sheet_state", "visible") != "visible":
                warnings.append(f"sheet {title!r} is hidden: not read")
                continue
            if not hasattr(sheet, "iter_rows"):  # a chart sheet: no cells
                continue
            merged = _merged_ranges(data, str(getattr(sheet, "_worksheet_path", "")))
            sheet_blocks = _sheet_blocks(sheet, MAX_ROWS - rows, merged)
            if sheet_blocks is None:
                raise TooLarge(
                    path,
                    f"the workbook has more than {MAX_ROWS:,} filled rows: a data export, not "
                    "a document; copy the rows that state requirements into a smaller workbook",
                )
            rows += len(sheet_blocks)
            if sheet_blocks:
                blocks.append(Block(text=title, kind="heading"))
                blocks.extend(sheet_blocks)
                chars += sum(len(block.text) for block in sheet_blocks)
                if chars > MAX_TEXT_CHARS:
                    raise too_much_text(path, chars, MAX_TEXT_CHARS)
    except (TooLarge, EmptyDocument):
        raise
    except Exception as error:  # a damaged sheet part found while streaming it
        raise CorruptDocument(
            path, f"a damaged Excel workbook: a sheet cannot be read ({type(error).__name__})"
        ) from None
    finally:
        book.close()
    unsaved = unsaved_formulas(data)
    if unsaved:
        cells = "1 formula cell has" if unsaved == 1 else f"{unsaved} formula cells have"
        they = "it is" if unsaved == 1 else "they are"
        warnings.append(
            f"{cells} no saved value, so {they} not read (the file was not last saved by a "
            "spreadsheet program); open and save it in one"
        )
    if not blocks:
        raise EmptyDocument(path, "the workbook holds no text in its visible sheets")
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        kind="xlsx",
        pages=(Page(number=None, blocks=tuple(blocks)),),
        warnings=tuple(warnings),
    )


def _sheet_blocks(
    sheet: Any, room: int, merged: Sequence[tuple[int, int, int, int]] = ()
) -> list[Block] | None:
    """The sheet's rows as blocks; None when there are more than ``room`` of them."""
    sheet.reset_dimensions()  # a stated size of A1:XFD1048576 must not pad every row
    rows = (_row_text(row) for row in sheet.iter_rows())
    return rows_as_blocks(_filled_down(rows, merged), room)


# a merged range in a sheet's XML: <mergeCell ref="C4:C5"/>
_MERGE_CELL = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]{1,3}\d+:[A-Z]{1,3}\d+)\"")


def _merged_ranges(data: bytes, part: str) -> list[tuple[int, int, int, int]]:
    """The sheet's merged ranges over two rows or more, as (first column, first row, last
    column, last row); openpyxl's read-only mode does not give them."""
    from openpyxl.utils.cell import range_boundaries

    if not part:
        return []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read(part.lstrip("/"))
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return []
    ranges = []
    for found in _MERGE_CELL.finditer(xml):
        first_column, first_row, last_column, last_row = range_boundaries(found.group(1).decode())
        if last_row > first_row:
            ranges.append((first_column, first_row, last_column, last_row))
    return ranges


def _filled_down(
    rows: Iterable[list[str]], merged: Sequence[tuple[int, int, int, int]]
) -> Iterator[list[str]]:
    """Rows with a cell merged over several rows given on each of them (its first column),
    as merged Word cells are: "Coating lab report per lot" verifies TDS-01 and TDS-02."""
    if not merged:
        yield from rows
        return
    starting: dict[int, list[tuple[int, int, int, int]]] = {}
    for span in merged:
        starting.setdefault(span[1], []).append(span)
    open_spans: list[tuple[int, int, str]] = []  # (column, last row, value)
    for number, cells in enumerate(rows, start=1):
        open_spans = [span for span in open_spans if span[1] >= number]
        for column, _, value in open_spans:
            if len(cells) < column:
                cells = cells + [""] * (column - len(cells))
            if not cells[column - 1]:
                cells[column - 1] = value
        for column, _, _, last_row in starting.pop(number, ()):
            value = cells[column - 1] if column <= len(cells) else ""
            if value:
                open_spans.append((column, last_row, value))
        yield cells


def rows_as_blocks(rows: Iterable[list[str]], room: int) -> list[Block] | None:
    """Rows of cell texts as blocks: a header row folded into the rows under it, a blank row
    ending a table, a lone cell a paragraph. None when there are more than ``room`` rows."""
    blocks: list[Block] = []
    header: list[str] = []
    table: list[list[str]] = []  # the rows of the table being read, to render at its end
    in_table = False  # inside a run of rows with no blank row between them
    title = -1  # the place in ``blocks`` of a lone cell that may title the table under it
    read = 0
    for cells in rows:
        filled = [cell for cell in cells if cell]
        if not filled:
            blocks += _table_blocks(header, table)
            header, table, in_table = [], [], False
            continue
        if not in_table and _is_header(cells):
            if title >= 0 and title == len(blocks) - 1:
                # "Technical Delivery Specification TDS-KAC-117 - ..." merged over the
                # column names: the table's title, the section of its rows, not a statement
                blocks[title] = Block(text=blocks[title].text, kind="heading")
            header, in_table, title = cells, True, -1
            continue
        in_table = True
        read += 1
        if read > room:
            return None
        if len(filled) == 1 and not header:
            blocks += _table_blocks(header, table)
            table = []
            blocks.append(Block(text=filled[0], kind="paragraph"))
            title = -1 if _ENDS_SENTENCE.search(filled[0]) else len(blocks) - 1
            # a title over the table (a merged cell across it): the next row may be the
            # column names (an IT services walk's matrix read its header row as a row)
            in_table = False
            continue
        table.append(cells)
    return blocks + _table_blocks(header, table)


def _table_blocks(header: Sequence[str], rows: Sequence[list[str]]) -> list[Block]:
    """A table's rows under its header; a compliance matrix's rows as the clauses they list."""
    clauses = is_clause_table(rows)
    keep = keeps_second_header(header, rows)
    blocks = []
    for cells in rows:
        if clauses and is_matrix_row(cells):
            blocks.append(clause_row_block(header, cells))
            continue
        text = render_row(header, cells, keep_second_header=keep)
        if text:
            blocks.append(Block(text=text, kind="table_row"))
    return blocks


def _is_header(cells: Sequence[str]) -> bool:
    """Two or more short cells of words (not numbers or dates, no sentence): column names.
    An abbreviation ("No.", "Qty.", "Pos.") is one: a chemicals walk's questionnaire had
    its "No. | Question | Answer | Remarks" read as a row."""
    filled = [cell for cell in cells if cell]
    return len(filled) >= 2 and all(
        len(cell) <= _HEADER_CELL_CHARS
        and any(char.isalpha() for char in cell)
        and not (cell.rstrip().endswith(".") and not _ABBREVIATION.match(cell.strip()))
        for cell in filled
    )


_ABBREVIATION = re.compile(r"^[^\W\d_]{1,4}\.$")
_ENDS_SENTENCE = re.compile(r"[.:;!?][\"'”’)]*$")


def _row_text(row: Sequence[Any]) -> list[str]:
    """Each cell as text, trailing empty cells dropped."""
    cells = [
        cell_text(getattr(cell, "value", None), str(getattr(cell, "number_format", "") or ""))
        for cell in row
    ]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def unsaved_formulas(data: bytes) -> int:
    """Formula cells of the workbook's sheets with no value saved beside the formula.

    openpyxl reads those as empty, like a blank cell; only the sheet XML tells them apart.
    """
    count = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    for cell in _CELL.finditer(archive.read(name)):
                        body = cell.group(1)
                        count += b"<f" in body and not _SAVED_VALUE.search(body)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return 0
    return count


def cell_text(value: Any, number_format: str = "") -> str:
    """A cell's value as the sheet shows it, near enough: dates as dates, 12.5% as a percent."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        if "%" in number_format:
            return f"{value * 100:.{_FLOAT_DIGITS}g} %"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return f"{value:.{_FLOAT_DIGITS}g}" if isinstance(value, float) else str(value)
    return " ".join(str(value).split())


def _check_inflated_size(path: str, data: bytes) -> None:
    """Refuse a workbook whose XML inflates past ``MAX_XML_BYTES`` before parsing it."""
    check_inflated_xml(
        path,
        data,
        limit=MAX_XML_BYTES,
        what="the workbook's XML",
        because="a ZIP bomb, or a data dump",
    )


# Field separators a CSV export uses: Excel writes ";" where "," is the decimal mark.
_CSV_DELIMITERS = ",;\t|"


def looks_delimited(data: bytes) -> bool:
    """Whether text is rows of cells: its first lines (three or more) split alike into two
    or more cells at one of the usual separators."""
    from extractor.reading.text import decode_text

    lines = [line for line in decode_text(data[:20_000])[0].splitlines()[:20] if line.strip()]
    if len(lines) < 3:
        return False
    try:
        dialect: Any = csv.Sniffer().sniff("\n".join(lines), delimiters=_CSV_DELIMITERS)
    except csv.Error:
        return False
    widths = {len(row) for row in csv.reader(lines, dialect)}
    return len(widths) == 1 and min(widths) >= 2


def read_csv(path: str, data: bytes) -> Document:
    """A CSV (or TSV) export, read as one sheet named after the file.

    A delivery schedule saved from Excel had been read as text: its rows one
    1,178-character statement, a week changed in one row not traceable.
    """
    from extractor.reading.text import decode_text

    text, encoding = decode_text(data)
    if len(text) > 2 * MAX_TEXT_CHARS:
        raise too_much_text(path, len(text), MAX_TEXT_CHARS)
    lines = text.splitlines()
    try:
        dialect: Any = csv.Sniffer().sniff("\n".join(lines[:50]), delimiters=_CSV_DELIMITERS)
    except csv.Error:
        dialect = csv.excel  # one column, or no consistent separator: commas
    rows = ([" ".join(cell.split()) for cell in row] for row in csv.reader(lines, dialect))
    blocks = rows_as_blocks(rows, MAX_ROWS)
    if blocks is None:
        raise TooLarge(
            path,
            f"the file has more than {MAX_ROWS:,} filled rows: a data export, not a document; "
            "copy the rows that state requirements into a smaller file",
        )
    if not blocks:
        raise EmptyDocument(path, "the CSV file holds no text")
    title = PurePath(path.split("#")[-1]).stem
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        kind="text",
        pages=(Page(number=None, blocks=(Block(text=title, kind="heading"), *blocks)),),
        metadata={"encoding": encoding},
    )
