"""Read plain text and Markdown: decode, then cut the lines into blocks.

Plain-text contracts are hard-wrapped, so the lines of a paragraph are joined
(undoing end-of-line hyphenation), while a line that opens a list item or a
numbered clause ("3.2 ...", "(a) ...", "- ...") starts a block of its own so the
segmenter can keep the clause number. ``blocks_from_text`` is shared with the
e-mail reader, whose bodies are the same kind of text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from extractor.errors import EmptyDocument, too_much_text
from extractor.lexicons import is_abbreviation
from extractor.reading.sniff import utf16_without_mark
from extractor.reading.tables import (
    clause_row_block,
    is_clause_table,
    is_matrix_row,
    keeps_second_header,
    render_row,
)
from extractor.types import Block, BlockKind, Document, Page

_ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_BULLET = re.compile(r"^(\s*)[-*+•‣◦▪●–]\s+(\S.*)$")
_DECIMAL = re.compile(r"^(\s*)(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)])\s+(\S.*)$")
_LETTERED = re.compile(
    r"^(\s*)(\((?:[a-z]{1,2}|[A-Z]|[ivxlc]{1,6}|[IVXLC]{1,6}|\d{1,3})\)|[a-z][.)]|[ivx]{1,4}\))"
    r"\s+(\S.*)$"
)
# "Date: 4 March 2027, ...", "Participants: A. Brenner (Kestrel SQE), ..."
_FIELD_LINE = re.compile(r"^(?:[A-Z][A-Za-z/&'-]*(?: [A-Za-z/&'-]+){0,2}):\s+\S")
# a numbered title: "1. Complaint Q-27-0311 (white rust on brackets, lot 27-0815)"
_TITLE_MAX_WORDS = 10
_TITLE_MAX_CHARS = 80
_MODALS = frozenset({"shall", "must", "will", "should", "may", "is", "are", "to"})
_LEADS_ON = frozenset(
    {"a", "an", "the", "of", "to", "and", "or", "in", "for", "with", "by", "on", "at", "from"}
    | {"that", "which", "be", "as", "any", "all", "its", "their", "per", "under", "than"}
)
_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# "[text](target)", the target holding at most one level of parentheses ("alert(1)")
_LINK = re.compile(r"\[([^\]]+)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)")
# Strong emphasis markers ("**must**", "__all__ parts"); only pairs around words go, so
# a part number "AB__12" or "2**10" keeps its characters.
_STRONG = re.compile(r"\*\*|__")
_BACKTICK = re.compile(r"`")
_SENTENCE_END = (".", ":", ";", "!", "?")
# a greeting on a line of its own: "Hi Sam,", "Dear Ms Berg:", "Hallo Herr Weber,", "Sam,",
# "Priya -"
_GREETING_LINE = re.compile(
    r"^(?:(?i:dear|hi|hello|hey|hallo|good\s+(?:morning|afternoon|evening)|sehr\s+geehrte[rn]?"
    r"|liebe[rn]?)\b[^,:!.;]{0,40}"
    # a first name alone, not a closing ("Thanks,", "Cheers,"), or two or three ("Brian,
    # Rosa," as an EDGAR-style walk's buyer wrote)
    r"|(?!(?i:thanks|thank|thx|cheers|regards|best|sincerely|greetings|danke|gruss|grüße)\b)"
    r"[A-Z][a-z]+(?:(?:\s*,\s*|\s+(?:and|&)\s+)[A-Z][a-z]+){0,2})"
    r"(?:\s*,|\s+[-–—])$"  # "Priya -" as a federal walk's COR wrote it
)


def read_text(path: str, data: bytes, *, max_chars: int | None = None) -> Document:
    """A text or Markdown file as one unpaged page of blocks.

    A file far over ``max_chars`` is refused as soon as it is decoded: cutting
    62 MB of text into blocks took 1.4 GB before the dispatcher's limit on the
    blocks' text could refuse it. Raw text also counts the line breaks and
    indentation that blocks drop, so only twice the limit is refused here.
    """
    text, encoding = decode_text(data)
    if max_chars is not None and len(text) > 2 * max_chars:
        raise too_much_text(path, len(text), max_chars)
    blocks = blocks_from_text(text)
    if not blocks:
        raise EmptyDocument(path, "the text file holds only white space")
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        kind="text",
        pages=(Page(number=None, blocks=tuple(blocks)),),
        metadata={"encoding": encoding},
    )


def decode_text(data: bytes) -> tuple[str, str]:
    """The text and the encoding that produced it: BOMs, then UTF-8, then Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:4096]:
        wide = utf16_without_mark(data)
        if wide is not None:
            return wide, "utf-16 (no byte-order mark)"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


@dataclass
class _Pending:
    """The block being assembled from successive lines."""

    kind: BlockKind = "paragraph"
    lines: list[str] = field(default_factory=list)
    marker: str = ""
    level: int = 0
    style: str = ""


def blocks_from_text(text: str, *, kind: BlockKind | None = None) -> list[Block]:
    """Cut text into blocks; ``kind`` overrides every block's kind (e.g. "quoted")."""
    builder = _BlockBuilder(greetings=kind in (None, "quoted"))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").split("\n")
    index = 0
    while index < len(lines):
        index = builder.feed(lines, index)
    builder.flush()
    if kind is None:
        return builder.blocks
    return [Block(text=block.text, kind=kind, level=block.level) for block in builder.blocks]


class _BlockBuilder:
    """Line-by-line state: the pending block and the indents of open list levels."""

    def __init__(self, *, greetings: bool = True) -> None:
        self.greetings = greetings  # a greeting line is a paragraph of its own (a body's)
        self.blocks: list[Block] = []
        self.pending = _Pending()
        self.list_indents: list[int] = []
        self.in_fence = False

    def feed(self, lines: list[str], index: int) -> int:
        """Consume the line at ``index`` (and maybe more); return the next index."""
        line = lines[index].rstrip()
        if _FENCE.match(line):
            self.flush()
            self.in_fence = not self.in_fence
            return index + 1
        if not line.strip():
            self.flush()
            return index + 1
        if self.in_fence:
            self.pending.lines.append(line.strip())
            return index + 1
        if _TABLE_LINE.match(line):
            return self._table(lines, index)
        heading = _ATX_HEADING.match(line)
        if heading:
            self.flush()
            self._emit("heading", heading.group(2), style=f"h{len(heading.group(1))}")
            return index + 1
        if (
            _SETEXT_UNDERLINE.match(line)
            and len(self.pending.lines) == 1
            and not (self.pending.marker)
        ):
            level = 1 if line.strip().startswith("=") else 2
            title = self.pending.lines[0]
            self.pending = _Pending()
            self._emit("heading", title, style=f"h{level}")
            return index + 1
        if _RULE.match(line):
            self.flush()
            return index + 1
        if self._numbered_title(lines, index):
            return index + 1
        if self._starts_item(line):
            return index + 1
        if _FIELD_LINE.match(line) and self._field_starts(line):
            # "Date: 4 March 2027, ..." and "Participants: ..." under a title of minutes:
            # fields of their own, not one paragraph with the title (a chemicals walk's
            # minutes read as one statement)
            self.flush()
            self.pending = _Pending(style="field")
            self.pending.lines.append(line.strip())
            return index + 1
        if self.greetings and not self.pending.lines and _GREETING_LINE.match(line.strip()):
            # "Hi Sam," or "Sam," over the mail's first sentence with no blank line
            # between: a paragraph of its own, not the first words of a requirement
            self._emit("paragraph", line.strip(), style="greeting")
            return index + 1
        if (
            self.pending.kind == "paragraph"
            and self.pending.lines
            and _sentence_ends_line(self.pending.lines[-1], line.strip())
        ):
            # "... no exception." then "driver was waiting 2h ...": a terse mail's line is
            # a sentence of its own when the one before ended; in one paragraph, a lower-case
            # start after a full stop reads as an abbreviation's (a food walk's haulier mail)
            self.flush()
        self.pending.lines.append(line.strip())
        return index + 1

    def _numbered_title(self, lines: list[str], index: int) -> bool:
        """A short numbered line without a full stop over sentences is their heading.

        "2. Control plan" then "The bath analysis frequency ... will be increased ...":
        the section of the lines under it, as a PDF's or a Word heading is, not the
        first words of its first sentence. A line that a sentence goes on from ("1. The
        Supplier shall deliver the goods to the" over "Buyer's premises ...") is none:
        it holds a modal verb or ends in a word that leads on.
        """
        found = _DECIMAL.match(lines[index].rstrip())
        if found is None or found.group(1) or not self._decimal_opens_clause(found.group(3)):
            return False
        title = found.group(3)
        if not _title_like(title):
            return False
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if self._in_list(lines, index):
            if (
                following.endswith(_SENTENCE_END)
                and following[:1].isupper()
                and len(following) > len(title)
                and not _DECIMAL.match(following)
                and self._starts_item(lines[index])
            ):
                # "2. Packaging in KLT 4147" over "The supplier shall provide a CoC ...":
                # the short item ends at its line; the sentence after the list is its own
                self.flush()
                return True
            return False
        if (
            not following
            or not (following[:1].isupper() or following[:1].isdigit())
            or _DECIMAL.match(following)
            or _LETTERED.match(following)
            or _BULLET.match(following)
            or _TABLE_LINE.match(following)
            or (not following.endswith((".", "!", "?", ";")) and len(following) < len(title))
        ):
            return False
        self.flush()
        self._emit("heading", f"{found.group(2)} {title}", style="numbered title")
        return True

    @staticmethod
    def _in_list(lines: list[str], index: int) -> bool:
        """The numbered line goes on a list: the line above it (blank lines aside) is a
        lead-in ending in a colon or a numbered line itself ("please note:" | "1. All parts
        must be free of burrs" | "2. Packaging in KLT 4147": item 2 is no title, or it
        was lost as a heading over the sentence after the list)."""
        above = next((lines[k].strip() for k in range(index - 1, -1, -1) if lines[k].strip()), "")
        return above.endswith(":") or _DECIMAL.match(above) is not None

    def _field_starts(self, line: str) -> bool:
        """A field line stands alone at a block's start, after a field, after a finished
        sentence or under a one-line title; inside a wrapped paragraph it goes on."""
        pending = self.pending
        if not pending.lines or pending.style == "field":
            return True
        if pending.kind != "paragraph":
            return False
        last = pending.lines[-1]
        return last.endswith((".", "!", "?")) or (len(pending.lines) == 1 and _title_like(last))

    def _starts_item(self, line: str) -> bool:
        """Start a list item or numbered clause block if ``line`` opens one."""
        bullet = _BULLET.match(line)
        if bullet:
            self.flush()
            self.pending = _Pending(
                kind="list_item", level=self._indent_level(bullet.group(1)), style="bullet"
            )
            self.pending.lines.append(bullet.group(2))
            return True
        lettered = _LETTERED.match(line)
        if lettered and self._lettered_opens_item(lettered.group(2)):
            self.flush()
            self.pending = _Pending(
                kind="list_item",
                marker=lettered.group(2),
                level=self._indent_level(lettered.group(1)),
                style="numbered",
            )
            self.pending.lines.append(lettered.group(3))
            return True
        decimal = _DECIMAL.match(line)
        if decimal and self._decimal_opens_clause(decimal.group(3)):
            self.flush()
            marker = decimal.group(2)
            depth = marker.rstrip(".)").count(".")
            indent_level = self._indent_level(decimal.group(1))
            self.pending = _Pending(
                kind="list_item", marker=marker, level=max(depth, indent_level), style="numbered"
            )
            self.pending.lines.append(decimal.group(3))
            return True
        return False

    def _decimal_opens_clause(self, rest: str) -> bool:
        """A wrapped line may begin with a number ("1.5 mm"); a clause follows a full stop."""
        if not self.pending.lines:
            return True
        previous = self.pending.lines[-1]
        return previous.endswith(_SENTENCE_END) or rest[:1].isupper() or rest[:1] in "\"'(“‘"

    def _lettered_opens_item(self, marker: str) -> bool:
        """A wrapped line may begin with a bracketed number ("within thirty / (30) days").

        A bracketed number opens an item after a full stop, colon or semicolon,
        or when it is (1) or the number after the item before it; otherwise
        the line goes on with the sentence. Letters and numerals stay items.
        """
        number = marker[1:-1] if marker.startswith("(") else ""
        if not number.isdigit() or not self.pending.lines:
            return True
        if self.pending.lines[-1].endswith(_SENTENCE_END) or int(number) == 1:
            return True
        before = (self.pending.marker or "").strip("().")
        return before.isdigit() and int(number) == int(before) + 1

    def _indent_level(self, indent: str) -> int:
        width = len(indent.expandtabs(4))
        while self.list_indents and self.list_indents[-1] > width:
            self.list_indents.pop()
        if not self.list_indents or self.list_indents[-1] < width:
            self.list_indents.append(width)
        return len(self.list_indents) - 1

    def _table(self, lines: list[str], index: int) -> int:
        """A Markdown pipe table: one table_row block per body row, headers folded in."""
        self.flush()
        rows: list[list[str]] = []
        headers: list[str] = []
        while index < len(lines) and _TABLE_LINE.match(lines[index]):
            line = lines[index].strip()
            if _TABLE_SEPARATOR.match(line):
                if len(rows) == 1 and not headers:
                    headers = rows.pop()
            else:
                rows.append(_table_cells(line))
            index += 1
        clauses = is_clause_table(rows)  # a compliance matrix: clause, text, answers
        keep = keeps_second_header(headers, rows)
        for cells in rows:
            if clauses and is_matrix_row(cells):
                self.blocks.append(clause_row_block(headers, cells))
                continue
            text = render_row(headers, cells, keep_second_header=keep)
            if text:
                self.blocks.append(Block(text=text, kind="table_row", style="table"))
        return index

    def _emit(self, kind: BlockKind, text: str, *, level: int = 0, style: str = "") -> None:
        text = _inline(text)
        if text:
            self.blocks.append(Block(text=text, kind=kind, level=level, style=style))

    def flush(self) -> None:
        pending, self.pending = self.pending, _Pending()
        if not pending.lines:
            return
        text = join_lines(pending.lines)
        if pending.marker:
            text = f"{pending.marker} {text}"
        self._emit(pending.kind, text, level=pending.level, style=pending.style)


# a cell border: a pipe not escaped as "\|" (a pipe in the cell's text, as GitHub writes it)
_CELL_BORDER = re.compile(r"(?<!\\)\|")


def _table_cells(line: str) -> list[str]:
    """The cells of a pipe table's line, "\\|" read as a pipe inside a cell.

    The e-mail reader writes an HTML table's rows this way, and a cell's own
    "|" ("Ra 0.8 | Rz 4") must not cut it into two columns.
    """
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [_inline(cell.replace("\\|", "|").strip()) for cell in _CELL_BORDER.split(inner)]


def _title_like(text: str) -> bool:
    """A short line a sentence does not go on from: capitalised, no stop or comma at its
    end, no modal verb, not ending in a word that leads on ("the", "to", "of")."""
    words = text.split()
    return (
        text[:1].isupper()
        and len(words) <= _TITLE_MAX_WORDS
        and len(text) <= _TITLE_MAX_CHARS
        and not text.endswith((*_SENTENCE_END, ",", "-"))
        and words[-1].lower() not in _LEADS_ON
        and not any(word.lower() in _MODALS for word in words)
    )


_BROKEN_WORD = re.compile(r"[A-Za-z]-$")


_SYMBOL_STARTS = frozenset("<>+=@")
_LAST_WORD = re.compile(r"(?:^|\s)([a-z][a-z]+)[.!?]$")


def _sentence_ends_line(previous: str, line: str) -> bool:
    """Whether ``previous`` ends a sentence before ``line`` opens one in lower case: it ends
    in a stop after a plain lower-case word (no abbreviation: "approx.", "etc.", "e.g.")."""
    if line[:1] in _SYMBOL_STARTS:
        # "<img ...> Labels must ..." or "+SUM(1+1) The supplier must ..." under a finished
        # sentence: no sentence goes on with these (a food walk's hostile lines were one)
        return previous.endswith((".", "!", "?"))
    if not line[:1].islower():
        return False
    found = _LAST_WORD.search(previous)
    if found is None:
        return False
    return not is_abbreviation(found.group(1))


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines; "manu-" + "facture" becomes "manufacture".

    The pieces are collected and joined once: growing one string line by line
    (and searching its end each time) took minutes for a file of a million lines.
    """
    parts: list[str] = []
    for line in lines:
        line = " ".join(line.split())
        if not parts:
            parts.append(line)
        elif _BROKEN_WORD.search(parts[-1]) and line[:1].islower():
            parts[-1] = parts[-1][:-1] + line
        else:
            parts.append(line)
    return " ".join(parts)


def _inline(text: str) -> str:
    """Drop Markdown emphasis and link targets; keep the words."""
    text = _LINK.sub(r"\1", text)
    text = _BACKTICK.sub("", _without_strong_markers(text))
    return " ".join(text.split())


def _without_strong_markers(text: str) -> str:
    """Drop ``**`` and ``__`` that open and close emphasis, in one pass (hostile lines stay linear).

    A marker opens when no word character or ``*`` precedes it and text follows;
    it closes a pending opener of the same kind when text precedes it and no word
    character or ``*`` follows.
    """
    if "**" not in text and "__" not in text:
        return text
    drop: list[int] = []
    pending: dict[str, int] = {}
    for match in _STRONG.finditer(text):
        start, end, marker = match.start(), match.end(), match.group()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        closes = not before.isspace() and not (after.isalnum() or after in "_*")
        if closes and marker in pending and pending[marker] < start - 2:
            drop += [pending.pop(marker), start]
            continue
        if not (before.isalnum() or before in "_*") and not after.isspace():
            pending[marker] = start
    if not drop:
        return text
    keep = []
    last = 0
    for start in sorted(drop):
        keep.append(text[last:start])
        last = start + 2
    keep.append(text[last:])
    return "".join(keep)
