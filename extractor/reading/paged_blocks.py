"""Lines of a page -> Blocks: paragraph breaks, clause markers, hyphenation, headings, table rows.

Backend-neutral like ``layout``: it takes ``layout.Line``s in reading order and
returns ``extractor.types.Block``s whose ``words`` map every character range of
the block text back to a box on the page.
"""

from __future__ import annotations

import functools
import gzip
import itertools
import json
import re
import statistics
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from extractor.lexicons import FAR_CLAUSE_NUMBER, is_abbreviation
from extractor.reading.layout import SUPERSCRIPT_DIGITS, Line, PageWord, body_size
from extractor.reading.tables import clause_row_pieces, is_clause_row, render_row, row_pieces
from extractor.types import Block, BlockKind, Box, Word

__all__ = [
    "build_blocks",
    "clause_marker",
    "line_pitch",
    "table_row_block",
    "table_row_text",
]

_MARKER = re.compile(
    r"""^(?:
        (?:article|section|clause)\s+(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])\b\.?
      | §+\s*\d+(?:\.\d+)*
      | [A-Z]\.\d+(?:\.\d+)*\.?                  # B.4, C.3.1
      | \d{1,3}(?:\.\d{1,3})+\.?                # 3.2, 12.1.4, 1.0
      | \d{1,3}[.)]                             # 3. 3)
      | \(\s?(?:\d{1,3}|([a-z])\1?|[ivxlcdm]{1,6})\s?\)   # (a) (aa) (iv) (1) (A), not (EU)
      | (?:[a-z]|[ivxlcdm]{1,6}|[IVXLC]{1,6}|[A-Z])[.)]     # a) iv. IV. A.
      | [•·▪■●◦○‣∙\uf0b7\uf0a7*\-–—]            # bullets and dashes
    )(?=\s|$)""",
    re.IGNORECASE | re.VERBOSE,
)
_STRONG_BULLETS = frozenset("•·▪■●◦○‣∙\uf0b7\uf0a7")  # never mid-sentence, unlike "-" or "*"
_DECIMAL = re.compile(r"^\d{1,3}(?:\.\d{1,3})+")
_SENTENCE_END = re.compile(r"[.:;!?]['\"”’)]*[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]*$")  # "... cleaned part.¹"
# "PS-004 3.4 The housing ...", "IS-01 The Supplier ...": a requirement's own identifier
# opening a line after a sentence's end starts its block, as a clause number does
# "PS-004 ...", and a schedule's clause "S2.3 The Supplier ..." (an IT services walk's
# S2.3 had run on into S2.2 when the line above ended a sentence near the margin)
_IDENTIFIER_START = re.compile(r"^(?:[A-Z]{1,5}-\d{2,4}\b[:.]?|[A-Z]{1,3}\d{1,2}(?:\.\d{1,3})+)\s")
# a line opening with a FAR or DFARS clause's number, and a clause list's row without
# ruling: "52.203-03 Gratuities April 1984", "52.204-21 Basic Safeguarding ... (NOV 2021)"
# (a real solicitation's 60 incorporated clauses, under "Clause Title Date", had run into
# one statement)
_REGULATION_CLAUSE_START = re.compile(rf"^(?:(?:FAR|DFARS)\s+)?{FAR_CLAUSE_NUMBER}[:,]?\s")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATED_END = re.compile(rf"\(?(?i:{_MONTH})\.?,?\s+(?:19|20)\d\d\)?$")
# the words a sentence citing a clause goes on from: "... in accordance with FAR" | "52.2..."
_CITES_ON = re.compile(r"\b(?:FAR|DFARS|clauses?|at|in|see|and|or|of|with|under|per)$", re.I)


def is_clause_list_row(text: str) -> bool:
    """A row of a list of FAR or DFARS clauses: the number, the title, the date."""
    return (
        _REGULATION_CLAUSE_START.match(text) is not None
        and _DATED_END.search(text) is not None
        and len(text.split()) <= 40
    )


_OPEN_END = re.compile(r"[A-Za-z,]$")
_QUESTION_OR_ANSWER = re.compile(r"^[QA]\d{1,3}[.:)]?\s")


def _opens_question_or_answer(prev: Line, line: Line) -> bool:
    """ "Q2 Is the incumbent's staffing ...?", or "A5 No. ..." after a question: a federal
    amendment's questions and answers ran into each other ("A1 Yes. ... Q2 Is ...")."""
    if not _QUESTION_OR_ANSWER.match(line.text):
        return False
    return line.text[0] == "Q" or prev.text.rstrip().endswith("?")


_LIST_JOIN = re.compile(r"[;,]\s*(?:and|or)$|;$", re.IGNORECASE)
_TERMINAL = re.compile(r"[.;,:!?]$")
_HYPHENATED = re.compile(r"[A-Za-z]{2,}-$")
_NUMBER_CUT = re.compile(r"(?:\b[A-Z]|\d)-$")
_TRAILING_PUNCTUATION = ".,;:!?)]}'\"”’"
_SUSPENDED_HYPHEN = re.compile(r"\w-,?\s+(?:and|or|to)\s")
# prefixes whose hyphen belongs to the word even at a line end ("self-\nemployed")
_KEEP_HYPHEN_PREFIXES = frozenset(
    {"self", "non", "co", "cross", "well", "ex", "all", "half", "quasi", "third", "multi"}
)


_CROSS_REFERENCE = re.compile(r"^(?:article|section|clause)\s+\S+\s+[a-z]", re.IGNORECASE)


def clause_marker(text: str) -> str:
    """The clause or list marker a line starts with ("3.2", "(a)", "Article 5", "•"), or "".

    "Section 8.5 of the Agreement" at a line start is a cross-reference that
    the line above runs into, not the heading of section 8.5.
    """
    text = text.strip()
    match = _MARKER.match(text)
    if not match:
        return ""
    if text[:1].isalpha() and _CROSS_REFERENCE.match(text) and text.split()[2][:1].islower():
        return ""
    return match.group(0)


_LINE_HEIGHTS_APART = 1.2  # lines of a paragraph stand at least this many heights apart


@dataclass
class _Draft:
    lines: list[Line]

    @property
    def last(self) -> Line:
        return self.lines[-1]


_SAME_PARAGRAPH = 1.2  # lines of one paragraph lie at most this much further apart


def line_pitch(lines: Sequence[Line]) -> float:
    """The usual distance from one line's top to the next one's on this page."""
    pitches = [
        b.top - a.top
        for a, b in itertools.pairwise(lines)
        if a.column == b.column and 0 < b.top - a.top < 3 * max(a.height, 1.0)
    ]
    if len(pitches) >= 3:
        # the lines of a paragraph, not the gaps between paragraphs: a letter of short
        # paragraphs has more of these than of those, and their median had made every gap
        # "usual" (a food walk's letter head, date, reference, greeting and first sentence
        # were one statement)
        lower = statistics.quantiles(pitches, n=4)[0]
        return statistics.median(p for p in pitches if p <= _SAME_PARAGRAPH * lower)
    heights = [line.height for line in lines] or [10.0]
    return 1.2 * statistics.median(heights)


def _column_rights(lines: Sequence[Line]) -> dict[int, tuple[float, float]]:
    """Left and right edge of each column's text, to tell short lines from full ones."""
    edges: dict[int, tuple[float, float]] = {}
    for line in lines:
        lo, hi = edges.get(line.column, (line.x0, line.x1))
        edges[line.column] = (min(lo, line.x0), max(hi, line.x1))
    return edges


def _is_short(line: Line, edges: dict[int, tuple[float, float]]) -> bool:
    left, right = edges[line.column]
    return line.x1 < right - 0.15 * max(right - left, 1.0)


def _starts_new_block(
    block_start: Line, prev: Line, line: Line, pitch: float, edges: dict[int, tuple[float, float]]
) -> bool:
    if line.column != prev.column or line.top < prev.top:
        # a sentence running from the foot of the left column to the top of the right
        runs_on = prev.column == 1 and line.column == 2 and _OPEN_END.search(prev.text)
        # "... shall not exceed EUR" | "5,000,000 in any year.": a number that is no
        # clause number goes on the sentence as a lower-case word does
        first = line.text[:1]
        goes_on = first.islower() or (first.isdigit() and not clause_marker(line.text))
        return not (runs_on and goes_on)
    # lines set larger than the body stand further apart: a title in 14 pt wrapped to a
    # second line ("Request for Quotation ... – Coated fasteners" | "for brake caliper
    # programme BCX-9") is one heading, not two of which the second names the section
    taller = min(prev.height, line.height)
    own_pitch = max(pitch, 1.3 * taller) if taller > pitch / 1.2 else pitch
    if line.top - prev.top > own_pitch * 1.35 and line.top - prev.bottom > 0.25 * line.height:
        return True
    prev_text = prev.text
    prev_short = _is_short(prev, edges)
    if (_is_field_line(line) or _is_bold_field(line)) and (
        prev_short or _is_field_line(block_start) or _is_bold_field(block_start)
    ):
        # an aerospace walk: a purchase order's header fields ("Supplier: ...", "Payment
        # terms: ...", "Incoterms: ...") had run together into one statement per column
        return True
    if _is_plain_field(line) and (
        _is_plain_field(prev) or (prev_short and _is_plain_field(block_start))
    ):
        # a logistics walk's transport order: "Order date: ...", "Carrier: ...",
        # "Collection: <address>, 13.04.2026 22:00", set in plain type, one statement
        return True
    if _runs_on_field_value(block_start, line):
        return False
    restyled = prev.bold != line.bold or abs(prev.size - line.size) > 0.9
    if restyled and (
        prev_short
        or _is_short(line, edges)
        # a heading as wide as the text under it (an electronics walk's "8. SOURCING AND
        # REGULATORY COMPLIANCE" over the narrow "8.1 ..." had been glued to it)
        or _is_caps_heading(prev_text)
        or bool(clause_marker(line.text))
    ):
        return True  # a heading line ends or starts (a bold line inside a paragraph does not)
    if prev_short and (_SENTENCE_END.search(prev_text) or _is_caps_heading(prev_text)):
        return True
    indented = line.x0 > block_start.x0 + 0.5 * line.height
    if indented and is_clause_list_row(prev_text) and not _REGULATION_CLAUSE_START.match(line.text):
        return False  # "52.232-38 Submission of ... with May 1999" | "Offer": its title wraps
    if prev_short and indented and not clause_marker(block_start.text):
        return True  # a first-line indent after a short line (under a marker: a hanging indent)
    if is_clause_list_row(line.text) and not _CITES_ON.search(prev_text):
        return True  # a clause list's row, even under its column headings
    marker = clause_marker(line.text) or (
        "identifier"
        if _IDENTIFIER_START.match(line.text)
        or _REGULATION_CLAUSE_START.match(line.text)
        or _opens_question_or_answer(prev, line)
        else ""
    )
    if marker:
        if marker[0] in _STRONG_BULLETS:
            return True
        if line.x0 < prev.x0 - 3:
            return True  # a hanging indent: the marker sits left of the text above
        prev_open = (
            not prev_short and _OPEN_END.search(prev_text) and not _LIST_JOIN.search(prev_text)
        )
        return not prev_open
    return False


def _field_value_x(line: Line) -> float | None:
    """Where a form field's value starts, for a bold label ended by a colon and a value
    not in bold ("PO Number: 4500-77821", "Payment terms: Net 60 days"); else None."""
    words, bold = line.words, _bold_words_leading(line)
    if 1 <= bold <= _LABEL_WORDS and bold < len(words) and words[bold - 1].text.endswith(":"):
        return words[bold].x0
    return None


def _bold_words_leading(line: Line) -> int:
    """How many words in bold open the line: a form's label."""
    bold = 0
    while bold < len(line.words) and line.words[bold].bold:
        bold += 1
    return bold


def _is_field_line(line: Line) -> bool:
    return _field_value_x(line) is not None


def _bold_field_value_x(line: Line) -> float | None:
    """Where the value starts on a line of a bold label without a colon and its value
    ("PO Number  4500187332", "Payment Terms  Net 45 days ..."); else None."""
    if _label_and_value(line) is line:
        return None
    return line.words[_bold_words_leading(line)].x0


def _is_bold_field(line: Line) -> bool:
    return _bold_field_value_x(line) is not None


# "Order date: 10.04.2026", "Ordered by: Priya Castellano": a short capitalised label
# ended by a colon, then its value; not "Note: the Supplier shall ..." run on from above
_PLAIN_FIELD = re.compile(r"^[A-Z][A-Za-z/&.'()-]*(?: [A-Za-z/&.'()-]+){0,3}: \S")


def _is_plain_field(line: Line) -> bool:
    """A form's field set in plain type ("Carrier: Harwick Freight Ltd"), not a clause, nor
    the end of a sentence before one ("Mensah. Provisional grade: B." under "... Auditor:
    David": a food walk's audit report cut the auditor's name in two)."""
    if _PLAIN_FIELD.match(line.text) is None or clause_marker(line.text):
        return False
    label = line.text.split(":", 1)[0].split()
    return not any(
        word.endswith(".") and not is_abbreviation(word[:-1].lower()) for word in label[:-1]
    )


def _runs_on_field_value(block_start: Line, line: Line) -> bool:
    """A line set under a field's value ("Supplier: Acme LLC" | "88 Foundry Lane"): its
    next line, not a new paragraph however short the line above."""
    value_x = _field_value_x(block_start)
    if value_x is None:
        value_x = _bold_field_value_x(block_start)
    return (
        value_x is not None
        and not _is_field_line(line)
        and not _is_bold_field(line)
        and abs(line.x0 - value_x) <= 3
    )


def _is_caps_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and len(text.split()) <= 12


def _keeps_hyphen(stem: str, following: str, line: Line, vocabulary: Collection[str]) -> bool:
    """Is the hyphen at a line end part of the word ("self-employed") or only a break?"""
    if not following[:1].islower() or stem.lower() in _KEEP_HYPHEN_PREFIXES:
        return True  # "ISO-" + "9001", "Non-" + "Disclosure", "self-" + "employed"
    if _SUSPENDED_HYPHEN.search(line.text):
        return True  # "Three-, Four- and Five-" + "drawer"
    tail = following.rstrip(_TRAILING_PUNCTUATION).lower()
    stem = stem.lower()
    hyphenated, joined = f"{stem}-{tail}", f"{stem}{tail}"
    if joined in vocabulary:
        return False  # the document's own spelling
    if hyphenated in vocabulary:
        return True
    return _is_compound(stem, tail)


_COMPOUND_PART = 3  # letters at least in each half of a compound ("re-" + "port" is a break)


def _is_compound(stem: str, tail: str) -> bool:
    """Neither spelling is in the document: is "stem-tail" a compound broken at its hyphen?

    It is when both halves are English words and their join is not
    ("fluid-" + "handling"); "manu-" + "facture", "termina-" + "tion" and
    "there-" + "fore" join. Without it, every compound the document writes
    once lost its hyphen at a line end ("fluidhandling").
    """
    if min(len(stem), len(tail)) < _COMPOUND_PART:
        return False
    words = english_words()
    return stem in words and tail in words and f"{stem}{tail}" not in words


@functools.cache
def english_words() -> frozenset[str]:
    """English word forms: spaCy's lemma tables (words and their inflections) and stop words.

    Read once per process (about 0.2 s, 124,000 words), and only when a
    line-end hyphen is not settled by the document's own words.
    """
    import spacy_lookups_data
    from spacy.lang.en.stop_words import STOP_WORDS

    data = Path(spacy_lookups_data.__file__).parent / "data"
    lookup = json.loads(gzip.decompress((data / "en_lemma_lookup.json.gz").read_bytes()))
    index = json.loads(gzip.decompress((data / "en_lemma_index.json.gz").read_bytes()))
    words = set(lookup) | set(lookup.values()) | set(STOP_WORDS)
    for lemmas in index.values():
        words.update(lemmas)
    return frozenset(words)


def _join(
    lines: Sequence[Line], page: int, vocabulary: Collection[str] = frozenset()
) -> tuple[str, tuple[Word, ...]]:
    """Block text and word offsets; line-end hyphenation joined ("manu-" + "facture")."""
    parts: list[str] = []
    words: list[Word] = []
    length = 0
    for i, line in enumerate(lines):
        for j, word in enumerate(line.words):
            text = word.text
            at_line_end = j == len(line.words) - 1 and i < len(lines) - 1
            glue = " "
            if at_line_end and _HYPHENATED.search(text):
                glue = ""
                if not _keeps_hyphen(text[:-1], lines[i + 1].words[0].text, line, vocabulary):
                    text = text[:-1]
            elif (
                at_line_end
                and _NUMBER_CUT.search(text)
                and lines[i + 1].words[0].text[:1].isdigit()
            ):
                glue = ""  # "NORSOK M-" + "710", "Parts 730-" + "774": one designation, one range
            if parts and parts[-1] == " " and not text:
                continue
            box = Box(page, word.x0, word.top, word.x1, word.bottom)
            words.append(Word(length, length + len(text), box))
            parts.append(text)
            length += len(text)
            parts.append(glue)
            length += len(glue)
    text = "".join(parts)
    return text.rstrip(), tuple(words)


def _classify(
    lines: Sequence[Line], text: str, body_size: float, edges: dict[int, tuple[float, float]]
) -> tuple[BlockKind, str, int]:
    bold = all(line.bold for line in lines)
    style = "bold" if bold else ""
    marker = clause_marker(text)
    larger = body_size > 0 and max(line.size for line in lines) > body_size + 0.9
    short = (
        len(lines) <= 2
        and len(text) <= 120
        and not _TERMINAL.search(text)
        and (_is_short(lines[-1], edges) or len(text.split()) <= 8)
    )
    bulleted = bool(marker) and marker[0] in _STRONG_BULLETS  # "• CLEAN FILTERS": an item
    if short and not bulleted and (bold or larger or (len(lines) == 1 and _is_caps_heading(text))):
        return "heading", style, 0
    if marker:
        return "list_item", style, _marker_level(marker)
    return "paragraph", style, 0


def _marker_level(marker: str) -> int:
    """How deep a decimal clause number is ("3.1.2" is 3); 0 for others ("C.5", "(a)")."""
    if not _DECIMAL.match(marker):
        return 0
    return marker.count(".") + 1 - marker.endswith(".")


def build_blocks(
    lines: Sequence[Line],
    *,
    page: int,
    body_size: float = 0.0,
    document_pitch: float = 0.0,
    vocabulary: Collection[str] = frozenset(),
    ocr: bool = False,
) -> list[Block]:
    """Cut a page's lines (in reading order) into blocks.

    A block ends at a clearly larger vertical gap, a change of font weight or
    size, a short line ending a sentence, a first-line indent, or before a
    line that starts with a clause or list marker (unless the line above runs
    on mid-sentence to the margin, as in "... as set out in\\nSection 7 below").
    ``vocabulary`` (the document's words, lower case) decides line-end hyphens
    the document itself spells with a hyphen elsewhere ("height-adjustable").
    """
    if not lines:
        return []
    pitch = line_pitch(lines)
    if document_pitch:
        # a sparse title page must not widen it; nor must small print elsewhere (a purchase
        # order's terms overleaf, 7 points apart) narrow it below this page's own lines,
        # which it had split one per block ("1. Parts shall ... Quality Agreement" |
        # "QA-BPL-0042 Rev. 02.")
        own_lines = _LINE_HEIGHTS_APART * statistics.median(line.height for line in lines)
        pitch = min(pitch, max(document_pitch, own_lines))
    edges = _column_rights(lines)
    body_size = max(body_size, _page_body_size(lines))
    drafts: list[_Draft] = [_Draft([lines[0]])]
    for line in lines[1:]:
        # a small mark opening small print starts a footnote ("² ISO 23936-2 is accepted
        # ..." under "¹ A fire test certificate ...")
        opens_note = line.mark and 0 < line.size <= _FOOTNOTE_SIZE * body_size
        if opens_note or _starts_new_block(
            drafts[-1].lines[0], drafts[-1].last, line, pitch, edges
        ):
            drafts.append(_Draft([line]))
        else:
            drafts[-1].lines.append(line)
    blocks: list[Block] = []
    sizes: list[float] = []
    marks: list[str] = []
    for draft in drafts:
        # a form's "Label: value" line (and the lines its value runs on to), never a heading
        field = _is_field_line(draft.lines[0])
        if not field and _value_runs_on(draft.lines):
            labelled = _label_and_value(draft.lines[0])
            field, draft.lines[0] = labelled is not draft.lines[0], labelled
        text, words = _join(draft.lines, page, vocabulary)
        if not text:
            continue
        kind, style, level = _classify(draft.lines, text, body_size, edges)
        if field:
            kind, style = "paragraph", "field"
        blocks.append(Block(text, page, kind, words, ocr, style, level))
        sizes.append(max(line.size for line in draft.lines))
        marks.append(draft.lines[0].mark)
    return _footnotes_marked(blocks, sizes, marks, body_size)


_LABEL_WORDS = 4  # a form's label in bold: "Payment terms", "PO number"


def _value_runs_on(lines: Sequence[Line]) -> bool:
    """One line, or a bold label's value going on under itself on the lines below
    ("Supplier  Tillman Ridge Components, Inc., 2150" | "Stroop Road, ..."): a field."""
    value_x = _bold_field_value_x(lines[0]) if len(lines) > 1 else None
    return len(lines) == 1 or (
        value_x is not None and all(abs(line.x0 - value_x) <= 3 for line in lines[1:])
    )


def _label_and_value(line: Line) -> Line:
    """A line of a bold label and its value ("Payment terms 60 days net"), the label
    ended by a colon as a reader hears it: "Payment terms: 60 days net".

    Read as one run of words, a purchase order's header lines looked like headings
    and gave no statement (Incoterms, payment terms). Only a value opening in capitals
    or a digit counts: '"Goods" means ...' and "Buyer shall pay ..." set their subject
    in bold and go on as a sentence.
    """
    words, bold = line.words, _bold_words_leading(line)
    if not 1 <= bold <= _LABEL_WORDS or bold == len(words):
        return line
    label, value = words[bold - 1], words[bold]
    first = words[0].text
    if (
        label.text[-1:] in _TRAILING_PUNCTUATION
        or not (value.text[:1].isupper() or value.text[:1].isdigit() or "@" in value.text)
        or not first[:1].isalpha()
        or clause_marker(first)
        or first[:1] in "\"“'‘"
    ):
        return line
    marked = replace(label, text=label.text + ":")
    return replace(line, words=(*words[: bold - 1], marked, *words[bold:]))


_PAGE_BODY_CHARACTERS = 400  # text enough on a page to tell its own body size


def _page_body_size(lines: Sequence[Line]) -> float:
    """The size most of this page's characters are set in, when it has text enough (else 0).

    A purchase order's terms overleaf in 6.5 points made the document's body size;
    its front page in 9 points then read as "larger", and every short line there
    ("Incoterms DAP Minneapolis", "Payment terms 60 days net") as a heading.
    """
    words = [word for line in lines for word in line.words]
    if sum(len(word.text) for word in words) < _PAGE_BODY_CHARACTERS:
        return 0.0
    return body_size(words)


# "1 The Supplier shall ...", "* Prices exclude VAT.": a footnote opens with its mark
FOOTNOTE_MARK = re.compile(
    r"^(?:(?P<mark>\d{1,2}|[*†‡])\s+|(?P<raised>[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})\s*)(?=\S)"
)
_FOOTNOTE_SIZE = 0.9  # a footnote is set smaller than the body text: at most this share


def footnote_reference(mark: str) -> re.Pattern[str]:
    """Where text carries a footnote's mark ("1", "¹", "*") raised: after a word or its
    punctuation ("3095¹", "part.¹"), but not a unit's power ("m²", "mm³")."""
    return re.compile(r"(?<!m)(?<=[\w.,;:)\]])" + re.escape(mark.translate(SUPERSCRIPT_DIGITS)))


def _footnotes_marked(
    blocks: list[Block], sizes: list[float], marks: list[str], body_size: float
) -> list[Block]:
    """The page's footnotes marked ``style="footnote"``.

    A footnote is a block set smaller than the body text that opens with a raised
    mark ("¹", or a small "1" the layout left out of the text: ``marks``); at the
    page's foot also one opening with a mark ("1", "*") that text above it carries
    raised ("EN ISO 3095¹"). Unmarked, "1 The Supplier shall carry out the noise
    measurement ..." kept its "1", took the section of the heading above it and
    no clause; marked, the segmenter reads it under the clause that refers to it.
    A browser-printed spec set its notes in small type at the end of each section,
    not at the page's foot, the small raised mark before each.
    """
    if body_size <= 0:
        return blocks
    marked = list(blocks)
    at_foot = True  # below the last block in the body size
    for position in range(len(blocks) - 1, -1, -1):
        if not 0 < sizes[position] <= _FOOTNOTE_SIZE * body_size:
            at_foot = False
            continue
        if marks[position]:
            marked[position] = _with_mark(blocks[position], marks[position])
            continue
        match = FOOTNOTE_MARK.match(blocks[position].text)
        if match is None or not (at_foot or match["raised"]):
            continue
        # a raised mark opening small print is a footnote's; a plain "1" only when the
        # text above carries it raised (the footnote may be on a later page than that)
        reference = footnote_reference(match["mark"] or "")
        if match["raised"] or any(reference.search(block.text) for block in blocks[:position]):
            marked[position] = replace(blocks[position], kind="paragraph", style="footnote")
    return marked


def _with_mark(block: Block, mark: str) -> Block:
    """A footnote whose mark the layout left out, the mark written raised before its text
    (where the segmenter reads it; the words' boxes leave it out)."""
    prefix = mark.translate(SUPERSCRIPT_DIGITS) + " "
    words = tuple(
        replace(word, start=word.start + len(prefix), end=word.end + len(prefix))
        for word in block.words
    )
    return replace(block, text=prefix + block.text, words=words, kind="paragraph", style="footnote")


# --- tables ----------------------------------------------------------------


table_row_text = render_row  # the one row renderer, shared with the DOCX and Markdown readers


def table_row_block(
    headers: Sequence[str],
    cells: Sequence[Sequence[PageWord]],
    *,
    page: int,
    ocr: bool = False,
    clauses: bool = False,
    keep_second_header: bool = False,
) -> Block | None:
    """One ``table_row`` Block from a row's cells (each a list of words), boxes kept.

    ``clauses``: the table lists clauses (``tables.is_clause_table``); a row
    of a clause number and its text then reads as the numbered clause (see
    ``_clause_row_block``).
    """
    texts = [cell_text(cell) for cell in cells]
    if clauses and is_clause_row(texts):
        return _clause_row_block(headers, cells, texts, page=page, ocr=ocr)
    pieces = row_pieces(headers, texts, keep_second_header=keep_second_header)
    return _row_block(pieces, cells, page=page, ocr=ocr)


# an id broken at its hyphen where a narrow cell wraps: "P1-" over "250", "XV-" over "2106"
_ID_CUT = re.compile(r"(?:\b[A-Z]{1,3}\d{0,3}|\d)-$")


# a compound wrapped at its own hyphen: "Cr(VI)-" over "free", "stress-" over "relieved"
_COMPOUND_CUT = re.compile(r"[\w)\]]-$")


def _id_cut_at(word: PageWord, following: PageWord) -> bool:
    """Does ``word`` end a cell's line with an id's hyphen that ``following`` (on the next
    line) completes, or a compound's hyphen that a word in lower case completes?"""
    next_line = following.top >= word.bottom - 0.3 * word.height
    first = following.text[:1]
    if next_line and _COMPOUND_CUT.search(word.text) and first.islower():
        return True  # a chemicals walk's RFQ read "Zinc flake, Cr(VI)- free"
    return next_line and bool(_ID_CUT.search(word.text)) and (first.isdigit() or first.isupper())


def cell_text(cell: Sequence[PageWord]) -> str:
    """A table cell's words as one text, an id broken at its hyphen joined again (a
    browser-printed agreement's price table read "P1- 250" and "SP- KIT")."""
    parts: list[str] = []
    for i, word in enumerate(cell):
        parts.append(word.text)
        if i + 1 < len(cell) and not _id_cut_at(word, cell[i + 1]):
            parts.append(" ")
    return "".join(parts)


def _clause_row_block(
    headers: Sequence[str],
    cells: Sequence[Sequence[PageWord]],
    texts: Sequence[str],
    *,
    page: int,
    ocr: bool,
) -> Block | None:
    """A matrix row that repeats a clause ("3.1.2.1" | its text), marked ``style="clause"``.

    With only the number and the text filled it is a numbered list item, as the
    clause is where the document states it, so it gives the same statements
    (one per sentence) and the register knows them as the same text. With more
    cells filled ("(Method: T)") it stays one table row, its number kept as
    the clause by the segmenter.
    """
    pieces = clause_row_pieces(headers, texts)
    block = _row_block(pieces, cells, page=page, ocr=ocr)
    if block is None:
        return None
    if sum(1 for text in texts if text.strip()) > 2:
        return replace(block, style="clause")
    marker = " ".join(texts[0].split())
    return replace(block, kind="list_item", style="clause", level=_marker_level(marker))


def _row_block(
    pieces: Sequence[tuple[str, int | None]],
    cells: Sequence[Sequence[PageWord]],
    *,
    page: int,
    ocr: bool,
) -> Block | None:
    """The rendered row's pieces as a block whose words map back to the cells' boxes."""
    words: list[Word] = []
    offset = 0
    for text, cell in pieces:
        if cell is not None:
            start = offset
            cell_words = cells[cell]
            for i, word in enumerate(cell_words):
                box = Box(page, word.x0, word.top, word.x1, word.bottom)
                words.append(Word(start, start + len(word.text), box))
                glued = i + 1 < len(cell_words) and _id_cut_at(word, cell_words[i + 1])
                start += len(word.text) + (0 if glued else 1)
        offset += len(text)
    if not pieces:
        return None
    return Block("".join(t for t, _ in pieces), page, "table_row", tuple(words), ocr)
