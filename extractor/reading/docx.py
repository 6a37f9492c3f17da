"""Read a Word .docx file: body paragraphs and tables in the order Word shows them.

python-docx opens the package; the body XML is walked directly because its
children interleave paragraphs and tables, and because Word's automatic
numbering ("1.1", "(a)") is not in the paragraph text at all: it lives in
numbering.xml and is rebuilt here (``_Numbering``) so the segmenter can keep
each clause's number. Headers and footers are page furniture and never read.

Text boxes are read right after the paragraph that anchors them; footnotes and
endnotes after the body, each under a heading ("Footnotes", "Endnotes") that
becomes their section; a note typed by hand with its mark raised ("¹ ...") is
marked ``style="footnote"``, as the PDF reader marks notes. Tracked changes are
read as if accepted, with a warning.
Hidden text (w:vanish, w:specVanish; set on the run, its character style or the
paragraph's style) is not read: Word neither shows nor prints it.

A table gives one ``table_row`` block per row, its header row (marked, bold,
or made of column names; a header set over two rows names each column by both)
folded in; a cell whose paragraphs each end a
sentence gives a row per paragraph. A table of clauses (a number cell, then the
clause's text) gives numbered paragraphs, as the same page would in a PDF.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import docx as python_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from extractor.errors import CorruptDocument, EmptyDocument
from extractor.reading.tables import (
    CLAUSE_NUMBER,
    ENDS_CLAUSE,
    HEADER_WORDS,
    clause_row_block,
    first_row_is_header,
    is_clause_table,
    is_matrix_row,
    keeps_second_header,
    render_row,
    stacked_headers,
)
from extractor.reading.zip_parts import check_inflated_xml
from extractor.types import Block, BlockKind, Document, Page

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _attr(element: Any, name: str) -> str | None:
    """A w: attribute of a possibly missing element."""
    if element is None:
        return None
    value = element.get(_w(name))
    return None if value is None else str(value)


def _mc(tag: str) -> str:
    return f"{{{_MC}}}{tag}"


# Tracked deletions and the old place of moved text: gone once the changes are accepted.
_NOT_SHOWN = frozenset({_w("del"), _w("moveFrom")})
# Inside a paragraph but not its text: text boxes (read as blocks of their own) and field codes.
_SKIPPED = frozenset({_w("txbxContent"), _w("instrText")})
_T, _P, _R, _NO_BREAK_HYPHEN = _w("t"), _w("p"), _w("r"), _w("noBreakHyphen")
# Hidden text (Font > Hidden) and text hidden even when hidden text is shown: Word
# neither shows nor prints it; it is often a drafter's note, never contract text.
_VANISH = (_w("vanish"), _w("specVanish"))
_OFF = frozenset({"0", "false", "off"})
_SPACES = frozenset({_w("tab"), _w("br"), _w("cr")})
_ALTERNATE = _mc("AlternateContent")
# Footnotes and endnotes: relationship, element, reference element, and the section they get.
_NOTES = (
    (RT.FOOTNOTES, "footnote", "footnoteReference", "Footnotes"),
    (RT.ENDNOTES, "endnote", "endnoteReference", "Endnotes"),
)
_HEADING_NAME = re.compile(r"^(heading \d|title|subtitle)$")
# Word's table of contents ("toc 1", "TOC Heading") and lists of figures: no statements
_CONTENTS_STYLE = re.compile(r"^(toc \d|toc heading|table of figures)$", re.IGNORECASE)
# a note typed with its mark raised ("¹ ", "² "), as Word users set notes by hand
_RAISED_MARK = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}\s*\S")
_LIST_STYLE_LEVEL = re.compile(r"^list(?: bullet| number| continue)? ([2-9])$")


_MAX_XML_BYTES = 50 * 1024 * 1024
# Word's own limits: a table has at most 63 columns, a list letter repeats at most a few times.
_MAX_GRID_SPAN = 63
_MAX_LETTER_VALUE = 26 * 30


def read_docx(path: str, data: bytes) -> Document:
    """A DOCX file as one unpaged page of blocks."""
    _check_inflated_size(path, data)
    try:
        package = python_docx.Document(io.BytesIO(data))
        body = package.element.body
        styles = _Styles(package.styles.element)
        numbering = _Numbering(package.part.numbering_part.element, styles)
        metadata = _metadata(package)
    except Exception as error:  # python-docx raises zip, lxml and KeyErrors alike
        raise CorruptDocument(
            path, f"a damaged DOCX: it cannot be opened ({type(error).__name__})"
        ) from None
    warnings: list[str] = []
    notes = _note_parts(package, warnings)
    roots = [body, *(note.root for note in notes)]
    hides = bool(styles.hidden) or any(
        next(root.iter(*_VANISH), None) is not None for root in roots
    )
    reader = _BodyReader(styles, numbering, hides)
    blocks = list(reader.read(body))
    for note in notes:
        blocks.extend(reader.notes(body, note))
    if not blocks:
        raise EmptyDocument(path, "the DOCX holds no text in its body")
    tracked = _tracked_changes_warning(roots)
    if tracked:
        warnings.append(tracked)
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        kind="docx",
        pages=(Page(number=None, blocks=tuple(blocks)),),
        metadata=metadata,
        warnings=tuple(warnings),
    )


@dataclass(frozen=True)
class _NotePart:
    """A parsed footnotes or endnotes part and the names its elements go by."""

    root: Any
    tag: str  # "footnote" / "endnote"
    reference: str  # the body's "footnoteReference" / "endnoteReference"
    heading: str  # the section the notes are read under


def _note_parts(package: Any, warnings: list[str]) -> list[_NotePart]:
    """The footnotes and endnotes parts: python-docx opens them but offers no API to read them.

    A damaged notes part costs its notes, with a warning, not the whole document.
    """
    found: list[_NotePart] = []
    for reltype, tag, reference, heading in _NOTES:
        for rel in package.part.rels.values():
            if rel.reltype == reltype and not rel.is_external:
                try:
                    root = parse_xml(rel.target_part.blob)
                except Exception as error:  # lxml's XMLSyntaxError, or a part missing
                    name = heading.lower()
                    why = f"their part of the DOCX is damaged ({type(error).__name__})"
                    warnings.append(f"{name} skipped: {why}")
                else:
                    found.append(_NotePart(root, tag, reference, heading))
                break
    return found


def _tracked_changes_warning(roots: list[Any]) -> str | None:
    """Say so when tracked changes are pending: the text read is the text as if all were accepted.

    A reviewer must know that a deletion (maybe of "not") is only proposed.
    Insertions and deletions of runs and table rows are counted; the marks
    Word puts on a paragraph's end (in its w:rPr) go with a run change, so are not.
    """
    counts = {"insertion": 0, "deletion": 0, "move": 0}
    for root in roots:
        for element in root.iter(_w("ins"), _w("del"), _w("moveTo")):
            if element.getparent() is not None and element.getparent().tag == _w("rPr"):
                continue
            kind = {_w("ins"): "insertion", _w("del"): "deletion"}.get(element.tag, "move")
            counts[kind] += 1
    found = [
        f"{count} {kind}{'' if count == 1 else 's'}" for kind, count in counts.items() if count
    ]
    if not found:
        return None
    return (
        f"the document holds tracked changes not yet accepted or rejected ({', '.join(found)}); "
        "it is read as if all were accepted: check them in Word"
    )


def _check_inflated_size(path: str, data: bytes) -> None:
    """Refuse a package whose XML parts inflate past ``_MAX_XML_BYTES`` before parsing them."""
    check_inflated_xml(
        path,
        data,
        limit=_MAX_XML_BYTES,
        what="the DOCX's XML",
        because="a ZIP bomb, or not a document",
    )


def _metadata(package: Any) -> dict[str, str]:
    properties = package.core_properties
    found = {"title": properties.title or "", "author": properties.author or ""}
    return {key: value for key, value in found.items() if value}


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


def _display_name(name: str) -> str:
    """Word stores built-in names in lower case ("heading 1"); show them as Word does."""
    return name[:1].upper() + name[1:] if name.startswith("heading ") else name


class _Styles:
    """Paragraph styles by id: name, parent, and the numbering a style carries."""

    def __init__(self, styles_element: Any) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default_id: str | None = None
        # Paragraph and character styles that set hidden (True) or not hidden (False) text.
        self.hidden: dict[str, bool] = {}
        self.character_based_on: dict[str, str] = {}
        for style in styles_element.iterchildren(_w("style")):
            kind = _attr(style, "type")
            if kind in ("paragraph", "character"):
                vanish = _vanish(style.find(_w("rPr")))
                if vanish is not None:
                    self.hidden[_attr(style, "styleId") or ""] = vanish
            if kind == "character":
                parent = _attr(style.find(_w("basedOn")), "val")
                if parent:
                    self.character_based_on[_attr(style, "styleId") or ""] = parent
            if kind != "paragraph":
                continue
            style_id = _attr(style, "styleId") or ""
            ppr = style.find(_w("pPr"))
            num_pr = ppr.find(_w("numPr")) if ppr is not None else None
            outline = ppr.find(_w("outlineLvl")) if ppr is not None else None
            ilvl = _attr(num_pr.find(_w("ilvl")), "val") if num_pr is not None else None
            self.by_id[style_id] = _Style(
                name=_display_name(_attr(style.find(_w("name")), "val") or style_id),
                based_on=_attr(style.find(_w("basedOn")), "val"),
                num_id=_attr(num_pr.find(_w("numId")), "val") if num_pr is not None else None,
                ilvl=_int(ilvl),
                outline=_int(_attr(outline, "val")),
            )
            if _attr(style, "default") in ("1", "true"):
                self.default_id = style_id

    def chain(self, style_id: str | None) -> Iterator[tuple[str, _Style]]:
        """The style and its ancestors, nearest first."""
        seen: set[str] = set()
        current = style_id or self.default_id
        while current and current in self.by_id and current not in seen:
            seen.add(current)
            style = self.by_id[current]
            yield current, style
            current = style.based_on

    def name(self, style_id: str | None) -> str:
        for _, style in self.chain(style_id):
            return style.name
        return ""

    def paragraph_hidden(self, style_id: str | None) -> bool:
        """The paragraph style (or one it is based on) makes its text hidden."""
        for chain_id, _ in self.chain(style_id):
            if chain_id in self.hidden:
                return self.hidden[chain_id]
        return False

    def character_hidden(self, style_id: str) -> bool | None:
        """A character style's hidden setting, its parents' if it sets none; None if none do."""
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in seen:
            seen.add(current)
            if current in self.hidden:
                return self.hidden[current]
            current = self.character_based_on.get(current)
        return None


def _vanish(rpr: Any) -> bool | None:
    """Run properties' hidden setting: True, False (w:val="0"), or None when not set."""
    if rpr is None:
        return None
    for tag in _VANISH:
        element = rpr.find(tag)
        if element is not None:
            return _attr(element, "val") not in _OFF
    return None


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str
    legal: bool
    restart: int | None
    style_id: str | None


@dataclass
class _Instance:
    """One list as Word counts it: levels and running counters."""

    levels: dict[int, _Level]
    counters: list[int | None] = field(default_factory=lambda: [None] * 9)


class _Numbering:
    """Rebuild the numbers Word draws in front of numbered paragraphs."""

    def __init__(self, numbering_element: Any, styles: _Styles) -> None:
        self.styles = styles
        abstracts: dict[str, Any] = {}
        linked: dict[str, str] = {}  # numbering style id -> abstract defining it
        for abstract in numbering_element.iterchildren(_w("abstractNum")):
            abstract_id = _attr(abstract, "abstractNumId") or ""
            abstracts[abstract_id] = abstract
            style_link = _attr(abstract.find(_w("styleLink")), "val")
            if style_link:
                linked[style_link] = abstract_id
        self.nums: dict[str, tuple[str, Any]] = {}
        for num in numbering_element.iterchildren(_w("num")):
            abstract_id = _attr(num.find(_w("abstractNumId")), "val") or ""
            self.nums[_attr(num, "numId") or ""] = (abstract_id, num)
        self.abstracts = abstracts
        self.linked = linked
        self.instances: dict[str, _Instance] = {}

    def _levels(self, abstract_id: str, depth: int = 0) -> dict[int, _Level]:
        abstract = self.abstracts.get(abstract_id)
        if abstract is None or depth > 3:
            return {}
        style_link = _attr(abstract.find(_w("numStyleLink")), "val")
        if style_link and style_link in self.linked and self.linked[style_link] != abstract_id:
            return self._levels(self.linked[style_link], depth + 1)
        return {
            _int(_attr(level, "ilvl")) or 0: _parse_level(level)
            for level in abstract.iterchildren(_w("lvl"))
        }

    def _instance(self, num_id: str) -> _Instance | None:
        if num_id not in self.nums:
            return None
        abstract_id, num = self.nums[num_id]
        overrides = list(num.iterchildren(_w("lvlOverride")))
        # Word continues one list across nums sharing an abstract, unless restarted.
        key = f"num:{num_id}" if overrides else f"abstract:{abstract_id}"
        if key not in self.instances:
            levels = dict(self._levels(abstract_id))
            for override in overrides:
                ilvl = _int(_attr(override, "ilvl")) or 0
                replaced = override.find(_w("lvl"))
                if replaced is not None:
                    levels[ilvl] = _parse_level(replaced)
                start = _int(_attr(override.find(_w("startOverride")), "val"))
                if start is not None and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = _Level(
                        start, old.fmt, old.text, old.legal, old.restart, old.style_id
                    )
            self.instances[key] = _Instance(levels)
        return self.instances[key]

    def style_level(self, num_id: str, style_id: str) -> int:
        """The list level a numbered style is attached to (lvl/pStyle), else 0."""
        instance = self._instance(num_id)
        if instance is not None:
            for ilvl, level in instance.levels.items():
                if level.style_id == style_id:
                    return ilvl
        return 0

    def next_marker(self, num_id: str, ilvl: int) -> tuple[str, bool]:
        """Advance the list's counter; return the marker and whether it is a bullet."""
        instance = self._instance(num_id)
        if instance is None or ilvl not in instance.levels or not 0 <= ilvl < 9:
            return "", False
        level = instance.levels[ilvl]
        counters = instance.counters
        counters[ilvl] = level.start if counters[ilvl] is None else (counters[ilvl] or 0) + 1
        for deeper in range(ilvl + 1, 9):
            deeper_level = instance.levels.get(deeper)
            if deeper_level is None or deeper_level.restart != 0:
                counters[deeper] = None
        if level.fmt == "bullet":
            return "", True
        if level.fmt == "none":
            return "", False

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = instance.levels.get(index)
            if shown is None:
                return ""
            value = counters[index] if counters[index] is not None else shown.start
            fmt = "decimal" if level.legal else shown.fmt
            return format_number(value or 0, fmt)

        return re.sub(r"%([1-9])", number, level.text).strip(), False


def _parse_level(level: Any) -> _Level:
    start = _int(_attr(level.find(_w("start")), "val"))
    return _Level(
        start=1 if start is None else start,
        fmt=_attr(level.find(_w("numFmt")), "val") or "decimal",
        text=_attr(level.find(_w("lvlText")), "val") or "",
        legal=level.find(_w("isLgl")) is not None,
        restart=_int(_attr(level.find(_w("lvlRestart")), "val")),
        style_id=_attr(level.find(_w("pStyle")), "val"),
    )


def format_number(value: int, fmt: str) -> str:
    """A counter as Word shows it in the given w:numFmt."""
    if fmt in ("lowerLetter", "upperLetter"):
        if value > _MAX_LETTER_VALUE:  # "a" repeated millions of times: show the number
            return str(value)
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    if value <= 0 or value >= 4000:
        return str(value)
    numerals = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )  # fmt: skip
    out = ""
    for amount, numeral in numerals:
        while value >= amount:
            out += numeral
            value -= amount
    return out


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class _BodyReader:
    """Turn the body's children into blocks, in document order."""

    def __init__(self, styles: _Styles, numbering: _Numbering, hides: bool = False) -> None:
        self.styles = styles
        self.numbering = numbering
        self.hides = hides  # the package hides some text somewhere: runs must be checked

    def text(self, paragraph: Any) -> str:
        """The paragraph's shown text; hidden runs are looked for only if the package has any."""
        if not self.hides:
            return paragraph_text(paragraph)
        ppr = paragraph.find(_w("pPr"))
        style_id = _attr(ppr.find(_w("pStyle")), "val") if ppr is not None else None
        by_style = self.styles.paragraph_hidden(style_id)

        def hidden(run: Any) -> bool:
            rpr = run.find(_w("rPr"))
            direct = _vanish(rpr)
            if direct is not None:
                return direct
            character_style = _attr(rpr.find(_w("rStyle")), "val") if rpr is not None else None
            if character_style:
                inherited = self.styles.character_hidden(character_style)
                if inherited is not None:
                    return inherited
            return by_style

        return paragraph_text(paragraph, hidden)

    def mark_hidden(self, ppr: Any, style_id: str | None) -> bool:
        """The paragraph mark is hidden: an empty paragraph then takes no line, and no number."""
        if not self.hides:
            return False
        direct = _vanish(ppr.find(_w("rPr"))) if ppr is not None else None
        return self.styles.paragraph_hidden(style_id) if direct is None else direct

    def read(self, container: Any) -> Iterator[Block]:
        for child in container.iterchildren():
            if child.tag == _w("p"):
                yield from self._paragraph(child)
            elif child.tag == _w("tbl"):
                yield from self._table(child)
            elif child.tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    yield from self.read(content)
            elif child.tag == _w("customXml"):
                yield from self.read(child)

    def notes(self, body: Any, part: _NotePart) -> Iterator[Block]:
        """The notes the body refers to, in the order it does, under a heading naming them.

        Separators (w:type="separator", ...) and notes no shown text refers to
        (deleted with their reference) are not shown by Word either.
        """
        by_id = {
            _attr(note, "id"): note
            for note in part.root.iterchildren(_w(part.tag))
            if _attr(note, "type") in (None, "normal")
        }
        blocks = [
            block
            for note_id in _references(body, _w(part.reference))
            if note_id in by_id
            for block in self.read(by_id[note_id])
        ]
        if blocks:
            yield Block(text=part.heading, kind="heading")
            yield from blocks

    def _paragraph(self, paragraph: Any) -> Iterator[Block]:
        """The paragraph's own block, then the text boxes anchored in it."""
        block = self._paragraph_block(paragraph)
        if block is not None:
            yield from _field_lines(paragraph, block)
        if next(paragraph.iter(_w("txbxContent")), None) is None:
            return  # the common case, found in C: no box to look for in Python
        for box in _text_boxes(paragraph):
            yield from self.read(box)

    def _paragraph_block(self, paragraph: Any) -> Block | None:
        ppr = paragraph.find(_w("pPr"))
        style_id = _attr(ppr.find(_w("pStyle")), "val") if ppr is not None else None
        style_name = self.styles.name(style_id)
        text = self.text(paragraph)
        if not text and self.mark_hidden(ppr, style_id):
            return None  # wholly hidden: Word lays out no line and draws no number for it
        marker, is_list, level = self._numbering(ppr, style_id)
        if not text or self._is_contents(style_id):
            return None
        kind: BlockKind = "paragraph"
        if self._is_heading(ppr, style_id):
            kind = "heading"
            level = 0
        elif is_list or any(
            style.name.lower().startswith("list") for _, style in self.styles.chain(style_id)
        ):
            kind = "list_item"
            # "List Bullet 2" is drawn one level in, though its own list has one level.
            numbered_style = _LIST_STYLE_LEVEL.match(style_name.lower())
            if numbered_style:
                level = max(level, int(numbered_style.group(1)) - 1)
        if marker:
            text = f"{marker} {text}"
        elif kind == "paragraph" and _RAISED_MARK.match(text):
            # "¹ Temperature bands are measured at the product ...": a note at a section's
            # or the document's end, read as the PDF reader's notes are (under the clause
            # whose text carries the mark, "Table A¹"), not a paragraph keeping its mark
            style_name = "footnote"
        return Block(text=text, kind=kind, level=level, style=style_name)

    def _is_contents(self, style_id: str | None) -> bool:
        """A line of Word's table of contents: a heading's title and its page number."""
        return any(_CONTENTS_STYLE.match(style.name) for _, style in self.styles.chain(style_id))

    def _is_heading(self, ppr: Any, style_id: str | None) -> bool:
        outline = _int(_attr(ppr.find(_w("outlineLvl")), "val")) if ppr is not None else None
        if outline is not None:
            return outline < 9
        for _, style in self.styles.chain(style_id):
            if _HEADING_NAME.match(style.name.lower()):
                return True
            if style.outline is not None:
                return style.outline < 9
        return False

    def _numbering(self, ppr: Any, style_id: str | None) -> tuple[str, bool, int]:
        """The rebuilt marker, whether the paragraph is numbered, and its list level."""
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        num_id = _attr(num_pr.find(_w("numId")), "val") if num_pr is not None else None
        ilvl = _int(_attr(num_pr.find(_w("ilvl")), "val")) if num_pr is not None else None
        if num_id is None:
            for chain_id, style in self.styles.chain(style_id):
                if style.num_id is not None:
                    num_id = style.num_id
                    if ilvl is None:
                        ilvl = style.ilvl
                    if ilvl is None:
                        ilvl = self.numbering.style_level(num_id, chain_id)
                    break
        if num_id is None or num_id == "0":
            return "", False, 0
        ilvl = ilvl or 0
        marker, _ = self.numbering.next_marker(num_id, ilvl)
        return marker, True, ilvl

    def _table(self, table: Any) -> Iterator[Block]:
        rows = [_row_cells(row, self.text) for row in table.iterchildren(_w("tr"))]
        if not rows:
            return
        filled = _fill_vertical_merges(rows)
        texts = [[cell.text for cell in row] for row in filled]
        has_header = first_row_is_header(texts, _is_header_row(table.find(_w("tr"))))
        depth = _header_depth(filled, list(table.iterchildren(_w("tr")))) if has_header else 0
        # a name spanning columns names each only over a second row naming them apart
        headers = (
            stacked_headers([_spanned_names(row) for row in filled[:depth]])
            if depth > 1
            else (texts[0] if depth else [])
        )
        body = filled[depth:]
        if _is_clause_table(body):
            for row in body:
                yield from _clause_row(row)
            return
        # a compliance matrix: clause, text and columns to answer in
        clauses = is_clause_table(texts[depth:])
        keep = keeps_second_header(headers, texts[depth:])
        for row in body:
            if clauses and is_matrix_row([cell.text for cell in row]):
                yield clause_row_block(headers, [cell.text for cell in row])
                continue
            for cells in _split_cell_paragraphs(row):
                text = render_row(headers, cells, keep_second_header=keep)
                if text:
                    yield Block(text=text, kind="table_row", style="table")


@dataclass(frozen=True)
class _Cell:
    """One grid column of a row: its paragraphs' texts, and whether it continues a merge."""

    paragraphs: tuple[str, ...]
    continues: bool = False
    spanned: bool = False  # a grid column the cell to its left spans (w:gridSpan)

    @property
    def text(self) -> str:
        return " ".join(self.paragraphs)


def _row_cells(row: Any, text_of: Callable[[Any], str]) -> list[_Cell]:
    """The cells per grid column; the columns a cell spans repeat an empty cell."""
    cells: list[_Cell] = []
    for cell in row.iterchildren(_w("tc")):
        tcpr = cell.find(_w("tcPr"))
        span = _int(_attr(tcpr.find(_w("gridSpan")), "val")) if tcpr is not None else None
        merge = tcpr.find(_w("vMerge")) if tcpr is not None else None
        continues = merge is not None and _attr(merge, "val") in (None, "continue")
        paragraphs = tuple(filter(None, (text_of(p) for p in _cell_paragraphs(cell))))
        cells.append(_Cell(paragraphs, continues))
        cells.extend(_Cell((), spanned=True) for _ in range(min(span or 1, _MAX_GRID_SPAN) - 1))
    return cells


def _fill_vertical_merges(rows: list[list[_Cell]]) -> list[list[_Cell]]:
    """A vertically merged cell shows its text on every row it spans."""
    filled: list[list[_Cell]] = []
    for row in rows:
        current = list(row)
        if filled:
            above = filled[-1]
            for column, cell in enumerate(current):
                if cell.continues and not cell.paragraphs and column < len(above):
                    current[column] = _Cell(above[column].paragraphs, True)
        filled.append(current)
    return filled


def _header_depth(rows: list[list[_Cell]], elements: list[Any]) -> int:
    """How many rows the table's header takes: 1, or more when it is set over several.

    A row under the header continues it when a cell of the header is merged down
    into it ("Priority" over two rows, beside "Target times" spanning "Response" |
    "Resolution"), or when Word repeats it as a header row too; its own cells must
    be short, as column names are. A body row is always left.
    """
    depth = 1
    while depth < len(rows) - 1:
        row = rows[depth]
        own = [cell for cell in row if cell.paragraphs and not cell.continues]
        merged_down = any(cell.continues and cell.paragraphs for cell in row)
        marked = depth < len(elements) and all(
            _repeats_as_header(element) for element in elements[: depth + 1]
        )
        if not own or not (merged_down or marked):
            break
        if any(len(cell.text.split()) > HEADER_WORDS for cell in own):
            break
        depth += 1
    return depth


def _repeats_as_header(row: Any) -> bool:
    """Word repeats the row at the top of each page (Repeat as header row)."""
    trpr = row.find(_w("trPr"))
    return trpr is not None and trpr.find(_w("tblHeader")) is not None


def _spanned_names(row: list[_Cell]) -> list[str]:
    """A header row's names per grid column, a cell spanning columns naming each of them."""
    names: list[str] = []
    for cell in row:
        names.append(names[-1] if cell.spanned and names else cell.text)
    return names


def _is_clause_table(rows: list[list[_Cell]]) -> bool:
    """Clauses laid out in a table: a number cell, then one cell with the clause's text.

    Word users set hanging clause numbers this way; the rows are numbered
    paragraphs, not data, and read as they would in a PDF of the same page.
    Every row's text must end as a clause does (".", ";", ":"), so that a
    revision table ("1.1" | "First issue") stays a table.
    """
    found = False
    for row in rows:
        filled = [cell for cell in row if cell.paragraphs]
        if not filled:
            continue
        if len(filled) != 2 or not row[0].paragraphs or not CLAUSE_NUMBER.match(row[0].text):
            return False
        if not ENDS_CLAUSE.search(filled[1].paragraphs[-1]):
            return False
        found = True
    return found


def _clause_row(row: list[_Cell]) -> Iterator[Block]:
    """A clause table's row as paragraphs: the number opens the first one."""
    number, text = row[0].text, next(cell for cell in row[1:] if cell.paragraphs)
    for position, paragraph in enumerate(text.paragraphs):
        shown = f"{number} {paragraph}" if position == 0 else paragraph
        yield Block(text=shown, kind="paragraph", style="table")


def _split_cell_paragraphs(row: list[_Cell]) -> Iterator[list[str]]:
    """The row's cell texts; once per paragraph when one cell holds several sentences.

    A cell's paragraphs that each end a sentence are requirements of their own
    ("Coils shall be tied." / "Coils over 25 kg shall be palletised."), each
    read with the rest of its row; glued, one statement held both. Paragraphs
    that do not each end a sentence (a lead-in and its items) stay together.
    """
    texts = [cell.text for cell in row]
    several = [column for column, cell in enumerate(row) if len(cell.paragraphs) > 1]
    if len(several) != 1 or not all(
        _ENDS_SENTENCE.search(paragraph) for paragraph in row[several[0]].paragraphs
    ):
        yield texts
        return
    column = several[0]
    for paragraph in row[column].paragraphs:
        yield [*texts[:column], paragraph, *texts[column + 1 :]]


_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")


def _is_header_row(row: Any) -> bool:
    """Marked to repeat as a header, or every run in it is bold."""
    if _repeats_as_header(row):
        return True
    runs = [run for run in row.iter(_w("r")) if run.find(_w("t")) is not None]
    if not runs:
        return False
    for run in runs:
        bold = run.find(f"{_w('rPr')}/{_w('b')}")
        if bold is None or _attr(bold, "val") in ("0", "false"):
            return False
    return True


def _shown_children(element: Any) -> Iterator[Any]:
    """The children Word shows: no deletions or moved-away text, one copy of each alternative.

    Word writes a DrawingML text box twice, in mc:Choice and again as VML in
    mc:Fallback; reading both would give its text twice.
    """
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _NOT_SHOWN:
            continue
        if tag == _ALTERNATE:
            chosen = _chosen(child)
            if chosen is not None:
                yield from _shown_children(chosen)
        else:
            yield child


def _chosen(alternate: Any) -> Any:
    """The alternative read: the first mc:Choice, else the mc:Fallback."""
    chosen = alternate.find(_mc("Choice"))
    return chosen if chosen is not None else alternate.find(_mc("Fallback"))


# "Project: ...", "Date: 9 April 2026", "Place: ...": a form's field, its label short
_FIELD = re.compile(r"^[A-Z][\w/&().'’ -]{0,30}?:\s+\S")
_FIELD_LABEL_WORDS = 4


def _field_lines(paragraph: Any, block: Block) -> Iterator[Block]:
    """The paragraph's block, or, when each of its lines (split by line breaks) is a
    form's "Label: value" field, one block per field.

    An energy walk's minutes opened with one paragraph "Project: ... / Date: ... /
    Place: ...", read as one statement; a PDF's field lines are a block each too.
    """
    if block.kind != "paragraph" or next(paragraph.iter(_w("br")), None) is None:
        yield block
        return
    lines = [""]
    for element in paragraph.iter(_T, _w("br"), _w("cr"), _w("tab")):
        if element.tag == _T:
            lines[-1] += element.text or ""
        elif element.tag == _w("tab"):
            lines[-1] += " "
        else:
            lines.append("")
    lines = [" ".join(line.split()) for line in lines if line.strip()]
    fields = len(lines) >= 2 and all(
        (found := _FIELD.match(line)) is not None
        and len(found.group().split(":")[0].split()) <= _FIELD_LABEL_WORDS
        for line in lines
    )
    if not fields or " ".join(lines) != block.text:  # hidden or deleted text: as read
        yield block
        return
    for line in lines:
        yield Block(text=line, kind="paragraph", level=block.level, style="field")


def _text_boxes(paragraph: Any) -> Iterator[Any]:
    """The w:txbxContent stories anchored in a paragraph (VML or DrawingML), in order.

    A box nested in a box is found when the outer box's paragraphs are read.
    """
    for child in _shown_children(paragraph):
        if child.tag == _w("txbxContent"):
            yield child
        elif child.tag != _w("p"):
            yield from _text_boxes(child)


def _cell_paragraphs(cell: Any) -> Iterator[Any]:
    """A cell's paragraphs, nested tables' too; a text box's once, after its anchor's."""
    if next(cell.iter(_w("txbxContent")), None) is None:
        return cell.iter(_w("p"))  # no box: found in C, and nothing to leave out
    return _paragraphs_in(cell)


def _paragraphs_in(element: Any) -> Iterator[Any]:
    """Every shown w:p under an element (a table cell), text boxes' after their anchor's."""
    for child in _shown_children(element):
        if child.tag == _w("p"):
            yield child
        yield from _paragraphs_in(child)


def _references(body: Any, tag: str) -> Iterator[str]:
    """The note ids the shown body text refers to, first reference first, each once."""
    seen: set[str] = set()
    for element in body.iter(tag):
        note_id = _attr(element, "id")
        if note_id is not None and note_id not in seen and not _hidden(element):
            seen.add(note_id)
            yield note_id


def _hidden(element: Any) -> bool:
    """Inside a tracked deletion or move, or the Fallback copy of an alternative Word shows."""
    for ancestor in element.iterancestors():
        if ancestor.tag in _NOT_SHOWN:
            return True
        if ancestor.tag == _mc("Fallback") and ancestor.getparent().find(_mc("Choice")) is not None:
            return True
    return False


def paragraph_text(paragraph: Any, hidden: Callable[[Any], bool] | None = None) -> str:
    """The visible text of a w:p: runs, tabs and breaks, without deletions or text boxes.

    ``hidden`` tells a hidden run (w:vanish) from a shown one; without it every run is shown.
    """
    parts: list[str] = []
    _collect_text(paragraph, parts, hidden)
    return " ".join("".join(parts).split())


def _collect_text(
    element: Any, parts: list[str], hidden: Callable[[Any], bool] | None = None
) -> None:
    """Append the text of the shown runs; ``_shown_children``'s rules, inlined: this is hot."""
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _NOT_SHOWN or tag in _SKIPPED:
            continue
        if tag == _R and hidden is not None and hidden(child):
            continue
        if tag == _T:
            parts.append(child.text or "")
        elif tag in _SPACES:
            parts.append(" ")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag == _P:
            continue  # a nested paragraph belongs to its own story
        elif tag == _ALTERNATE:
            chosen = _chosen(child)
            if chosen is not None:
                _collect_text(chosen, parts, hidden)
        else:
            _collect_text(child, parts, hidden)
