"""Text as a reviewer compares it: the same words whatever the typography.

Two revisions of a clause, or the same clause in two orders, differ in ways no
reader notices: Unicode forms, letter case, curly or straight quotes, dashes,
"+/-" for "±", soft hyphens, line breaks and a space before punctuation.
``extractor.comparing`` lines revisions up on this form and
``extractor.register.same_text`` keys earlier decisions on it, so both agree
on what "the same text" is. Light on purpose: the register imports it without
the classifier's libraries. Changing it changes the register's stored keys: add
a migration that fills them again (as 0010 does).
"""

from __future__ import annotations

import re
import unicodedata

NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million", "half", "once", "twice", "double",
)  # fmt: skip
"""Numbers written in words: "ninety (90) days" changed to "sixty (60) days" is a number change."""
_UNITS = {word: value for value, word in enumerate(NUMBER_WORDS[:20])}  # "zero" .. "nineteen"
_TENS = {word: 20 + 10 * index for index, word in enumerate(NUMBER_WORDS[20:28])}


def number_in_words(word: str) -> int | None:
    """The value of a number from 0 to 99 written in words ("thirty", "twenty-four")."""
    word = word.lower().strip("\"'“”‘’")
    if word in _UNITS:
        return _UNITS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and (not unit or 0 < _UNITS.get(unit, 0) < 10):
        return _TENS[tens] + _UNITS.get(unit, 0)
    return None


QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
DASHES = re.compile(r"[\u2010-\u2015\u2212]")
PLUS_MINUS = re.compile(r"\+(?: ?/ ?)?-")
"""A tolerance typed "+/-" or "+-" is the "±" of the next revision (after ``DASHES``)."""
SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)])")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case, Unicode forms, quotes, dashes, plus-minus signs and whitespace made uniform."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").translate(QUOTES)
    text = PLUS_MINUS.sub("±", DASHES.sub("-", text))
    text = SPACE_BEFORE_PUNCT.sub(r"\1", _SPACE.sub(" ", text))
    return text.strip().casefold()


# The item a table row is: the part, CLIN, line or row id it opens with, before a colon
# ("CSI-2210: Cannula housing ...", "0003: Surge Maintenance ...", "10: ...", "A001: ...").
# Letters, then digits and more parts; or digits alone, as a line or CLIN is numbered. Not
# a time ("10:30"), a date ("2027-01-11: ...") nor a clause number ("3.2: ...": renumbered
# in the next revision, it is the same clause).
# (Letter groups are joined by a separator: "(?:[a-z]{1,6}[-./]?)+" tried every way of
# cutting a long word into groups, and a line of letters took minutes.) The register's
# ``number_blind_key`` keeps it: changing it changes stored keys (migration 0012); comparing
# never pairs rows of two items.
_ROW_ITEM = re.compile(
    r"([a-z]{1,6}(?:[-./][a-z]{1,6})*[-./]?\d{1,6}(?:[-./][a-z0-9]{1,6})*|\d{1,6})\s*:\s"
)


def row_item(plain: str) -> str:
    """The item a row of a table opens with, in ``normalise``d text ("" for none)."""
    found = _ROW_ITEM.match(plain)
    return found.group(1) if found else ""


_BRACKET = re.compile(r"[()]")
_COLUMN_NAME_MOST = 40  # a longer bracketed "name: value" is a remark, not a column


def row_columns(text: str) -> tuple[int, list[tuple[str, str]]]:
    """Where a table row's first cell ends, and its other cells as (name, value), as the
    readers write a row: "A001: Monthly Status Report (12. First Submission: 10 Aug 2026)
    (14. Distribution: COR (1 electronic))". Values hold brackets of their own, so the
    cells are read by depth; a row with no such cell ends where its text does."""
    found: list[tuple[str, str]] = []
    depth = start = 0
    lead = len(text)
    for bracket in _BRACKET.finditer(text):
        if bracket.group() == "(":
            depth += 1
            if depth == 1:
                start = bracket.end()
        elif depth:
            depth -= 1
            if depth == 0:
                name, colon, value = text[start : bracket.start()].partition(": ")
                if colon and 0 < len(name) <= _COLUMN_NAME_MOST:
                    lead = min(lead, start - 1)
                    found.append((name, value))
    return lead, found


# Characters a reader never sees that change what is shown or stored: bidirectional
# embeddings, overrides and isolates ("The Supplier \u202eton llahs\u202c disclose"
# shows "shall not"), invisible spaces and marks, C0/C1 controls, noncharacters and
# lone surrogates (which XML, and so XLSX and ReqIF, cannot hold).
_INVISIBLE = re.compile(
    "[\u200b\u200e\u200f\u061c\u202a-\u202e\u2060\u2066-\u2069\ufeff"
    "\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff\x7f-\x9f]"
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f]")
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")


def visible_text(text: str) -> str:
    """``text`` as a reader sees it: invisible and direction-changing characters removed.

    Document text is hostile: a right-to-left override makes the screen show
    other words than the ones stored, classified and exported. Zero-width
    joiners stay (scripts and emoji need them); controls become spaces.
    """
    if text.isascii() and text.isprintable():
        return text
    cleaned = _CONTROLS.sub(" ", _INVISIBLE.sub("", text))
    return _DOUBLE_SPACE.sub(" ", cleaned) if cleaned != text else text
