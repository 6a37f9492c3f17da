"""Blocks in reading order -> statements: sentences, clauses and list items that stand alone.

Decisions (tested in ``tests/test_segmenting.py``):

* **Clause numbers** ("3.2", "3.", "(a)", "a)", "(iv)", "Article 5", "Section 7",
  "§ 4") at the start of a block are cut from the text and kept as ``clause``;
  "a)" and "a." are normalised to "(a)", "3." to "3". A number followed by a
  lower-case word ("Section 7.2 of this Agreement ...", "2.5 mm ...") is text,
  not a clause number.
* **Identifiers** ("SR5", "IS-01", "Q1.1", "REQ-012", "PS-001 3.1" with the
  clause number after it) at the start of a block are clause numbers too,
  but only when the document numbers a series with them: at least three
  with the same letters, two of them in a row ("SR4", "SR5"). Alone, letters
  before a number are as often a thread size, a grade or a formula ("M8",
  "IP67", "CO2").
* **Lead-ins**: a block (or the last sentence of a block) that ends with a
  colon introduces the list items that follow. It is not emitted itself; each
  item becomes ``lead-in + " " + item``, with the colon, a trailing "the
  following"/"as follows", and the item's trailing "; and" dropped, and a full
  stop added. The item's clause is the lead-in's clause plus the item marker
  ("3.4" + "(a)" -> "3.4(a)"; deeper decimals like "3.4.1" stay as written);
  nested lead-ins chain ("3.4(b)(i)"), and so does a sub-list that follows an
  item without a colon ("(b) ...; and" then "(i) ..." gives "(b)(i)" under the
  same lead-in). A lead-in that no item follows is emitted as written, as is
  one announcing points ("please note two points more:"), whose items that are
  whole sentences then stand alone. Boxes
  of a joined item cover the item only. A lead-in that only names the list
  ("Shipping steps:") becomes the ``section`` of whole-sentence items instead
  of their prefix. An unpunctuated item followed by deeper lower-case items
  ("Supplier to send the PPAP package" / "- including the control plan") leads
  them like a lead-in.
* The document's first line, when it is a short phrase without a verb cue or
  closing punctuation, is its title: a ``section``, not a statement. A **cover
  page** (three or more short centred lines with no verb, before the first clause
  or recital) gives its title as the ``section`` and no statement; a sentence on
  it ("This Agreement is made on ... between ...") stays one.
* **Sections**: heading blocks, and paragraphs that look like headings (short,
  no closing punctuation, Title Case or CAPITALS), are not emitted; the
  nearest one becomes ``section``, as written with its number ("5. DELIVERY").
  A numbered clause that opens with a short title ("7.1 Warranty. The Supplier
  ...") gets that title ("Warranty") as section until the next numbered clause.
* **Signatures and addresses** (kind ``signature``, or blocks whose every line
  is a "By:/Name:/Title:" line, a postal address, phone or e-mail line, or
  that open with "Sincerely,"/"Best regards,") are dropped, and so are the
  short name lines and addresses ("c/o ...", "Attention: ...") after a closing,
  after "IN WITNESS WHEREOF" or "Acknowledged and accepted ... written above:",
  and the party's name right above a signature block ("ACME CORP., a Delaware
  corporation").
* **Tables of contents**: after a "Table of Contents" heading, the lines that
  end in a page number are dropped, up to the first line that does not (once
  entries have dot leaders, the first without one). A short line followed by
  entries with dot leaders (a running header left in at the top of the next
  contents page, "Contents (continued)") does not end them, and an entry's
  dot leader at a page end never runs on into the next page's text.
* **Page notices** ("[Remainder of page intentionally left blank; signature
  page follows]") are dropped like page furniture.
* **Table rows** are one statement each; a matrix row the reader marks as repeating
  a clause (``style="clause"``: "3.1.2.1" | its text | "T") keeps its number as
  the clause and the rest as its text. **Quoted** e-mail text is split into
  sentences with ``kind="quoted"``; its "From:/Sent:/... wrote:" lines are dropped.
* A paragraph cut by a page break (the first part does not end a sentence and
  the next block continues in lower case, or after a comma or a joining word,
  or the first part's last line runs to the right margin) is joined again with
  the first body block of the next page (a heading or running header left
  above it is read after it); its statement has boxes on both pages, ``page``
  the first.
* **Footnotes** (blocks the PDF reader marks ``style="footnote"``, and the DOCX
  reader a note typed with its mark raised, "¹ ...") are read
  after the page's last paragraph is whole (so a paragraph running over the
  page break is still joined), without their mark, under the clause and
  section of the statement that carries the mark raised ("... EN ISO 3095¹");
  notes at a section's end are read where they stand, under that clause too. A
  mark raised after a unit is taken out of its text ("240 µm" and the note "3",
  not "240 µm³").
* Fragments without letters or digits, page furniture ("Page 3 of 10") and
  one-word fragments that are not sentences ("N/A") are dropped, and so are
  closings with or without a name ("Kind regards, Tom").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from extractor.lexicons import FAR_CLAUSE_NUMBER, word_list
from extractor.nlp import SEGMENTING_PIPES, get_nlp
from extractor.normalising import number_in_words, visible_text
from extractor.reading.layout import RAISED_AFTER_UNIT, SUPERSCRIPT_DIGITS
from extractor.reading.paged_blocks import FOOTNOTE_MARK, footnote_reference, is_clause_list_row
from extractor.reading.tables import is_series
from extractor.types import MAX_STATEMENT_CHARS, Block, BlockKind, Box, Document, Statement, Word

__all__ = ["segment", "split_sentences"]

# ---------------------------------------------------------------- clause markers

_ROMAN_ORDER = [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
]
_ROMAN = frozenset(_ROMAN_ORDER)
_UNITS_AFTER_NUMBER = re.compile(r"^(?:%|°|MPa|kN|Hz|V\b|W\b)")

_ARTICLE = re.compile(
    r"^(?P<word>ARTICLE|Article|SECTION|Section|CLAUSE|Clause)\s+"
    r"(?P<num>\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6})\b\.?(?P<sep>\s*[-–—:.]\s*|\s+|$)"
)
_PARAGRAPH_SIGN = re.compile(r"^§+\s*(?P<num>\d{1,3}(?:\.\d{1,3})*[a-z]?)\.?(?P<sep>\s+|$)")
_DECIMAL = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3})+)\.?(?P<sep>\s+|$)")
# "C.5.3": a section letter before the numbers, as US federal solicitations number clauses;
# "S1.1", "A2.3": a schedule's or an appendix's clauses (a logistics walk's schedules);
# "7A.1", "12B.3": clauses of an article added by amendment (an EDGAR-style walk)
_LETTER_DECIMAL = re.compile(
    r"^(?P<num>[A-Z]\.\d{1,3}(?:\.\d{1,3})*|[A-Z]{1,2}\d{1,2}(?:\.\d{1,3})+"
    r"|\d{1,2}[A-Z](?:\.\d{1,3})+)\.?(?P<sep>\s+|$)"
)
_NUMBER = re.compile(r"^(?P<num>\d{1,3})[.)](?P<sep>\s+|$)")
_PARENTHESISED = re.compile(
    r"^\((?P<num>[a-z]{1,2}|[ivxlc]{1,5}|\d{1,2}|[A-Z]|[IVX]{1,4})\)(?P<sep>\s*)"
)
_CLOSING_PAREN = re.compile(r"^(?P<num>[a-z]{1,2}|[ivx]{1,4}|\d{1,2})\)(?P<sep>\s+)")
_LETTER_DOT = re.compile(r"^(?P<num>[a-z]|[ivx]{2,4})\.(?P<sep>\s+)")
_CAPITAL_DOT = re.compile(r"^(?P<num>[A-Z])\.(?P<sep>\s+)(?=[A-Z][a-z])")
# "*" and dashes open an item only before a space: "**Bold** parts" is text
# "SR5", "IS-01", "Q1.1.", "REQ-012:", "VHG-REQ-001": letters, an optional hyphen, a
# number, then text
_IDENTIFIER = re.compile(
    r"^(?P<num>(?P<prefix>[A-Z]{1,5}(?:-[A-Z]{1,5})?[-_]?)(?P<number>\d{1,4}(?:\.\d{1,3})*))"
    r"(?:\s+(?P<decimal>\d{1,3}(?:\.\d{1,3})+))?"  # "PS-001 3.1 The housing ...": both kept
    r"(?:\s*[:.\u2013\u2014-])?(?P<sep>\s+)(?=[A-Z\"\u201c\u2018'(])"
)
# a FAR or DFARS clause opening a clause list's row or line: "52.204-21", "FAR 52.212-4"
_REGULATION_CLAUSE = re.compile(rf"^(?:(?:FAR|DFARS)\s+)?(?P<num>{FAR_CLAUSE_NUMBER})")
# Standards bodies and codes that number things which are no clause: "EN50155", "IP67"
_NOT_IDENTIFIER_PREFIXES = frozenset(
    ["EN", "ISO", "IEC", "DIN", "BS", "UL", "ASTM", "SAE", "MIL", "IP", "CO", "NO", "PM", "IPC"]
)
_BULLET = re.compile(r"^(?:[•●○◦▪■□➢►▶✓✔·]|[-–—*](?=\s)|o(?=\s+[A-Z]))(?P<sep>\s*)")


@dataclass(frozen=True, slots=True)
class _Marker:
    """A clause number or bullet that opens a block."""

    label: str  # kept as clause: "3.2", "(a)", "Article 5"; "" for bullets
    family: str  # "decimal2", "number", "alpha", "roman", "ambiguous", "bullet", ...
    value: str  # the bare number or letter: "3.2", "a", "iv"
    end: int  # length of the marker and its trailing space in the text


_SUB_ITEMS = frozenset({"alpha", "ambiguous", "roman", "paren_number"})
"""Marker families of sub-clauses: "(a)", "b)", "(iv)", "(2)"."""


def _paren_family(value: str) -> str:
    if value.isdigit():
        return "paren_number"
    if value.isupper():
        return "upper_roman" if len(value) > 1 else "upper_alpha"
    if value in _ROMAN:
        return "ambiguous" if len(value) == 1 else "roman"
    return "alpha"


def _find_marker(text: str) -> _Marker | None:
    """The clause marker that opens ``text``, if any (see the module docstring)."""
    match = _ARTICLE.match(text)
    if match and not text[match.end() : match.end() + 1].islower():
        word = match["word"].capitalize()
        family = "article" if word == "Article" else "section"
        return _Marker(f"{word} {match['num']}", family, match["num"], match.end())
    match = _PARAGRAPH_SIGN.match(text)
    if match and not text[match.end() : match.end() + 1].islower():
        return _Marker(f"§ {match['num']}", "section", match["num"], match.end())
    match = _DECIMAL.match(text) or _LETTER_DECIMAL.match(text)
    if match:
        rest = text[match.end() :]
        # "3.5 mm", "1.2 million" are numbers; "7.1.1 any breach ..." is a sub-clause
        deep = match["num"].count(".") >= 2
        if (deep or not rest[:1].islower()) and not _UNITS_AFTER_NUMBER.match(rest):
            depth = match["num"].count(".") + 1
            return _Marker(match["num"], f"decimal{depth}", match["num"], match.end())
        return None
    match = _NUMBER.match(text)
    if match and not _UNITS_AFTER_NUMBER.match(text[match.end() :]):
        return _Marker(match["num"], "number", match["num"], match.end())
    for pattern in (_PARENTHESISED, _CLOSING_PAREN, _LETTER_DOT):
        match = pattern.match(text)
        if match and (match["sep"] or match.end() == len(text)):
            value = match["num"]
            return _Marker(f"({value})", _paren_family(value), value, match.end())
    match = _CAPITAL_DOT.match(text)
    if match:
        return _Marker(f"({match['num']})", "upper_alpha", match["num"], match.end())
    match = _BULLET.match(text)
    if match:
        return _Marker("", "bullet", "", match.end())
    return None


def _identifier(text: str) -> re.Match[str] | None:
    match = _IDENTIFIER.match(text)
    if match is None or match["prefix"].rstrip("-_") in _NOT_IDENTIFIER_PREFIXES:
        return None
    return match


def _identifier_series(texts: Iterable[str]) -> frozenset[str]:
    """The identifier prefixes ("SR", "IS-", "Q") that number a series in these texts.

    A prefix counts when at least three distinct identifiers open a text and two
    of them follow one another ("SR4" and "SR5", "Q1.1" and "Q1.2").
    """
    seen: dict[str, list[str]] = {}
    for text in texts:
        match = _identifier(text)
        if match is not None:
            seen.setdefault(match["prefix"], []).append(match["number"])
    return frozenset(
        prefix for prefix, numbers in seen.items() if is_series(numbers) or _rising_series(numbers)
    )


def _capitals_listed(texts: Iterable[str]) -> bool:
    """Whether the texts opening with a capital and a full stop ("A. The Supplier ...")
    make a list: two letters of them in a row ("A." and "B."). An electronics walk's
    minutes had "D. Foyle presented ...", "T. Wierzbicki explained ...", "A. Ni Bhriain
    will send ...": initials, read as items (D), (T) and (A)."""
    letters = {match["num"] for text in texts if (match := _CAPITAL_DOT.match(text))}
    return any(chr(ord(letter) + 1) in letters for letter in letters)


# A series that skips numbers: an aerospace order's quality codes Q01, Q03, Q05, Q07,
# Q09, Q12, Q15 (those the order uses, out of the customer's full list), in order.
_RISING_MIN = 4
_RISING_STEP = 5


def _rising_series(numbers: Sequence[str]) -> bool:
    """At least four whole numbers, each a little above the one before, in reading order."""
    if len(numbers) < _RISING_MIN or not all(number.isdigit() for number in numbers):
        return False
    values = [int(number) for number in numbers]
    return all(0 < later - earlier <= _RISING_STEP for earlier, later in pairwise(values))


def _numbered_as_a_row(text: str) -> bool:
    """A row id ("D4", "R-01", "VHG-REQ-001", "CTQ-5"), not a part number ("NC-1001"): three
    digits at most before any decimal point."""
    match = _identifier(text)
    return match is not None and len(match["number"].split(".")[0]) <= 3


def _identifier_marker(text: str, series: frozenset[str] | None) -> _Marker | None:
    """An identifier of one of the document's series opening ``text``, as a clause number
    (``series`` None: any identifier, where the reader judged the series already)."""
    match = _identifier(text) if series is None or series else None
    if match is None or (series is not None and match["prefix"] not in series):
        return None
    label = f"{match['num']} {match['decimal']}" if match["decimal"] else match["num"]
    return _Marker(label, "identifier", match["num"], match.end())


# ---------------------------------------------------------------- block shapes

_TERMINAL = ".!?"
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "under",
        "upon",
        "via",
        "vs",
        "with",
        "-",
        "–",
        "—",
        "&",
    ]
)
# A line that opens with an instruction is a sentence, however short and capitalised:
# "2. See Schedule B." or "3. Refer to the Drawing." is no title. Only verbs that are
# not also the first word of a common clause title ("Use of Name", "Return of Goods",
# "Complete Agreement", "Notice") are listed.
_INSTRUCTION = re.compile(
    r"^(?:see|refer|consult|submit|provide|send|deliver|ship|attach|include|notify|inform"
    r"|confirm|ensure|comply|follow|apply|do|don't|please"
    # a questionnaire's short question ("Q2.1 Describe your QMS. Attach ...")
    r"|describe|explain|indicate|specify|identify|demonstrate|propose|outline|answer|enter"
    r"|give|state|list(?!\s+of\b))\b",
    re.I,
)
_HEADING_WORDS = re.compile(r"^(?:EXHIBIT|SCHEDULE|APPENDIX|ANNEX|ATTACHMENT|ARTICLE)\b", re.I)
_TITLE_WORD = r"(?:[A-Z]\.){2,}(?=\s)|[A-Z][\w'’&/-]*"  # "U.S." or "Recall"
_INLINE_TITLE = re.compile(
    rf"^(?P<title>(?:{_TITLE_WORD})"
    # "Nonconformances during Manufacture.", "Maintenance of Confidentiality and Limitations on
    # Use." (filed agreements): small words inside, nine words at most
    r"(?:\s+(?:" + _TITLE_WORD + r"|of|and|or|the|to|for|in|on|&|with|by|during|over|after"
    r"|before|under|upon|from|against|between|within|without|at|a|an)){0,8})"
    r"\.(?:\s+(?=\S)|$)"
)
# "6. Dangerous goods. Where any goods ..." : a run-in title in sentence case, after a
# clause number only. Two to four words, the first capitalised, no verb or pronoun of
# the kind a short sentence has ("6. Prices are firm." is a statement).
_SENTENCE_CASE_TITLE = re.compile(
    r"^(?P<title>[A-Z][a-z'’-]+(?:\s+[a-z][a-z'’-]*){1,3}"
    r"(?:\s+[-\u2013\u2014]\s+[A-Z][A-Za-z]*)?)"  # "Export control - ITAR."
    r"\.\s+(?=[A-Z])"
)
_NOT_IN_TITLES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "shall",
        "may",
        "must",
        "can",
        "could",
        "should",
        "would",
        "not",
        "no",
        "it",
        "its",
        "we",
        "our",
        "you",
        "your",
        "they",
        "their",
        "he",
        "she",
        "this",
        "that",
        "these",
        "those",
        "apply",
        "applies",
        "means",
        "includes",
        "include",
        "prevail",
        "prevails",
        "remain",
        "remains",
        "follow",
        "follows",
        "see",
    ]
)
# "PS-077 rev 2 Page 1 of 1": a one-page document's footer, which no repeat across
# pages can reveal as furniture. Short, no cue word, ends in "Page N of M".
_LABELLED_PAGE_NUMBER = re.compile(r"^.{1,60}?\s(?:page|p\.)\s*\d{1,4}\s*(?:of|/)\s*\d{1,4}$", re.I)
_PAGE_FURNITURE = re.compile(
    r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$", re.I
)
_CUE_WORDS = re.compile(r"\b(?:shall|must|will|should|agrees?)\b", re.I)
_NOTICE = (
    r"(?:(?:the\s+)?remainder\s+of\s+(?:this\s+)?page\s+(?:is\s+|has\s+been\s+)?"
    r"(?:intentionally\s+)?(?:left\s+)?blank"
    r"|(?:this\s+page\s+(?:is\s+|has\s+been\s+)?)?intentionally\s+(?:left\s+)?blank"
    r"|(?:the\s+)?signature\s+pages?\s+(?:is\s+|are\s+)?(?:to\s+)?follows?"
    r"|signature\s+page\s+to\s+(?:the\s+)?[\w ,.&-]{1,60}?agreement"
    r"|end\s+of\s+(?:clause|provision|section|schedule|exhibit|document))"  # "(End of clause)"
)
# "[Remainder of page intentionally left blank; signature page follows]": page furniture
# (U+037E is the Greek question mark, which some filings set for a semicolon)
_PAGE_NOTICE = re.compile(
    rf"^[\[(]?\s*{_NOTICE}(?:\s*[;\u037e,.]?\s*{_NOTICE})*\s*[.;\u037e]?\s*[\])]?\.?$", re.I
)


_PLACEHOLDER = re.compile(
    r"^[\s\[(]*(?:intentionally\s+(?:left\s+)?(?:blank|omitted)|reserved|deleted|not\s+used"
    r"|omitted)[\s\])]*\.?$",
    re.I,
)


_PLACEHOLDER_MAX_CHARS = 64  # "Section 12.3.4 [Intentionally left blank]." and a margin


# a signature block's blanks, set with dot leaders or rules: "Signature ..........",
# "Date ____" (a browser-printed work statement's four blanks were statements)
_BLANK_TO_FILL = re.compile(
    r"^(?:signature|signed|date|name|title|position|place|company|stamp|initials)"
    r"(?:\s+(?:and|&)\s+\w+)?\s*:?\s*(?:\.{4,}|_{4,}|…{2,}|(?:\. ){4,}\.?)\s*$",
    re.I,
)


# a clause list's column headings ("Clause Title Date"): the list stays under the
# section naming it ("I.1 52.252-1 CLAUSES INCORPORATED BY REFERENCE")
_CLAUSE_LIST_COLUMNS = re.compile(
    r"^(?:(?:FAR|DFARS)\s+)?(?:clause|provision|number|no\.)(?:\s+(?:no\.|number|#))?"
    r"\s+title(?:\s+(?:and\s+)?date)?\s*$",
    re.I,
)


# who wrote the minutes, on a line of its own: "Minutes: M. Okafor", "Recorded by: Jo Lee"
_MINUTE_TAKER = re.compile(
    r"^(?:minutes|minute[- ]?taker|minuted\s+by|minutes\s+taken\s+by|recorded\s+by"
    r"|note[- ]?taker|protokoll(?:führer(?:in)?)?)\s*:\s*"
    r"(?:[A-Z]\.\s*)*[A-Z][\w'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'-]+)){0,3}"
    r"\s*(?:\([^()]{0,40}\))?\s*$",
    re.I,
)


# who signs a form, over its blank to sign, read as one paragraph: "Issued by: Mark
# Fenwick, Head of Logistics Signature ........" (a logistics walk's transport order)
_SIGNED_FIELD = re.compile(
    r"^(?:issued|approved|authori[sz]ed|signed|prepared|checked|released|accepted)\s+by\s*:"
    r"[^.;]{0,80}?\s(?:signature|signed|date)\s*:?\s*(?:\.{4,}|_{4,}|…{2,})\s*$",
    re.I,
)


def _is_placeholder(text: str) -> bool:
    """A clause kept only for its number: "1.7 Intentionally left blank", "4. [Reserved]"."""
    if len(text) > _PLACEHOLDER_MAX_CHARS:
        return False  # every unit comes here: no marker search for ordinary text
    marker = _find_marker(text)
    return _PLACEHOLDER.match(text[marker.end :] if marker else text) is not None


_PARENTHETICAL = re.compile(r"\([^()]*\)")


def _looks_like_heading(text: str) -> bool:
    """Short, no closing punctuation, and Title Case or CAPITALS."""
    if not text or len(text) > 100 or text[-1] in ".,;:!?" or _CUE_WORDS.search(text):
        return False
    words = text.split()
    if len(words) > 12 or "@" in text or "www." in text.lower() or "http" in text.lower():
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3:
        return False
    if all(c.isupper() for c in letters):
        return True
    marker = _find_marker(text)
    body = text[marker.end :] if marker else text
    body = _PARENTHETICAL.sub(" ", body)  # "BASE PERIOD (Date of Award through 1 year)"
    content = [w for w in body.split() if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    if not content or not body[:1].isupper() or _INSTRUCTION.match(body):
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.8


# The labels of a signature's, a letter head's or a mail header's lines ("Tel:", "From:")
_CONTACT_LABELS = (
    r"by|name|title|date|signature|signed|print(?:ed)?\s+name|position|company|address|tel"
    r"|telephone|phone|fax|mobile|cell|e-?mail|web(?:site)?|attn|attention|its|from|sent|to|cc"
    r"|bcc|subject|date\s+signed|witness"
)
_CONTACT_LINE = re.compile(
    r"""^(?:
        (?:"""
    + _CONTACT_LABELS
    + r""")\s*[:.](?:\s|$)
      | [_.\s/-]{3,}$
      | \+?\d[\d\s().\-/]{6,}\d$
      | \S+@\S+\.\w+$
      | (?:https?://|www\.)\S+$
      | (?:P\.?\s?O\.?\s+Box|Suite|Floor|Building)\b.*
      | \d+[A-Za-z]?\s+(?:[A-Z][\w.'-]*\s+){0,4}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|
           Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Court|Ct\.?|Place|Pl\.?|Parkway|Pkwy\.?|Highway|
           Hwy\.?|Square|Sq\.?|Strasse|Straße)\b.*
      | [A-Z][\w .'-]+,\s*[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?
      | (?:[A-Z]{1,2}-)?\d{4,5}\s+[A-Z][\w.' -]+
      | .*\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}$
      | (?:USA|U\.S\.A\.|United\ States(?:\ of\ America)?|United\ Kingdom|UK|Germany|France|
           Canada|China|Japan|India|Mexico|Italy|Spain|Netherlands|Switzerland)$
      | On\s.{4,200}\bwrote:
      | -{2,}\s*(?:original\s+message|forwarded\s+message)\s*-{2,}
    )""",
    re.X | re.I,
)
_CLOSING = re.compile(
    r"^(?:sincerely(?:\s+yours)?|yours\s+(?:sincerely|faithfully|(?:very\s+)?truly)|(?:best|kind|warm"
    r"|warmest)\s+regards|regards|best\s+wishes|best|many\s+thanks|thanks|thank\s+you|cheers"
    # a US lawyer's "Very truly yours," (a counsel letter's signature and cc list were read)
    r"|(?:very\s+)?respectfully(?:\s+yours)?|(?:very\s+)?truly\s+yours|cordially(?:\s+yours)?"
    r"|with\s+(?:best\s+|kind\s+)?regards)\s*[,.!]?$",
    re.I,
)
_WITNESS = re.compile(
    r"^(?:IN\s+WITNESS\s+WHEREOF"
    # "Acknowledged and Accepted as of the day and year first written above:"
    r"|(?:acknowledged|agreed|accepted)(?:\s+(?:and|&|to)\s+(?:acknowledged|agreed|accepted"
    r"|executed))*(?:\s+(?:to|by))?\s*(?::$|.{0,80}\b(?:first\s+)?(?:above\s+)?written"
    r"(?:\s+above)?\s*[:.]?$))",
    re.I,
)
# "------ Name: Jo Park Title: CFO": a signature's rule and fields read as one line
_SIGNATURE_FIELDS = re.compile(r"^[_\-=.\s]*(?:by|name|title|its|date)\s*:\s*\S", re.I)
# What marks a line of a signature page as an address: "c/o", "Attention:", a phone number
_ADDRESS_CUE = re.compile(
    r"\bc/o\b|\b(?:attention|attn|facsimile|fax|telephone|tel|phone|e-?mail)\b\.?(?:\s*no\.?)?\s*:"
    r"|\S+@\S+\.\w+|\(\d{3}\)\s*\d{3}-\d{4}"
    # a postal address run into one line: "Minneapolis, MN 55401", "Telford TF3 4NB"
    r"|\b[A-Z][A-Za-z.'-]+,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b",
    re.I,
)
# "SUNTRON CORPORATION, a Delaware corporation": the party above its signature
_PARTY_LINE = re.compile(
    r"^[A-Z0-9][A-Z0-9&.,'’*/\- ]{2,80}?,?(?:\s+an?\s+[\w .,-]{0,40}?(?:corporation|company"
    r"|partnership|association|limited|llc|l\.l\.c\.|gmbh|ltd\.?|inc\.?))?\.?$",
    re.I,
)
# "II.", "A. 1.", "(iv)": markers whose text is elsewhere (or nowhere)
_BARE_MARKERS = re.compile(r"^(?:\(?(?:[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+|\d{1,3})[.)]\s*)+$")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
# A form's row of labels left blank ("Contract No: Date:", "Tel No. : Fax No. :"):
# two or more short labels, each closed by a colon, and nothing filled in.
_FORM_LABEL = re.compile(r"[A-Za-z][\w.&/#'’ -]{0,40}?\s*:")
_MODAL_WORDS = frozenset({"shall", "must", "will", "should", "may", "is", "are", "be"})
_COMPANY_NAME = re.compile(
    r"^(?P<name>[A-Z0-9][A-Z0-9&'’\- ]{1,60}?),?\s+(?i:inc|corp|corporation|llc|l\.l\.c|ltd"
    r"|limited|s\.p\.a|spa|gmbh|ag|plc|n\.v|b\.v|s\.a|co|company|l\.p|lp|kft|oy|ab|sas)\.?$"
)
# A table's or figure's caption: "Table 1 - Component requirements", "Table An12-1: ...",
# "Figure 3. Mounting"
# (or "Table 9-1 Schedule of milestones", no mark between: an energy walk's clauses 9.2 and
# 9.3 after the table had come under its caption)
_CAPTION = re.compile(
    r"^(?:table|figure|fig\.)\s+(?:[A-Z]{0,2}\d+(?:[.\-]\d+)*|[A-Z])"
    r"(?:\s*[-–—:.]\s+\S|\s+[A-Z][a-z])",
    re.I,
)
_CAPTION_WORDS = 12
# A part after the agreement's clauses, numbering its own clauses from 1 again:
# "SCHEDULE 2 - SERVICE LEVELS", "Annex 3 - Sub-processors", "Appendix A"
_PART_HEADING = re.compile(
    r"^(?:schedule|annex|annexure|appendix|exhibit|attachment)\s+(?:\d{1,3}|[A-Z]{1,2}|[IVX]{1,5})"
    r"(?:\s*$|\s*[-–—:.]\s*\S|\s+[A-Z])",
    re.I,
)


def _is_caption(unit: _Unit) -> bool:
    """A table's caption set as a paragraph: "Table 2 - Response and resolution times",
    "Table A - Temperature bands"; short, and with no duty of its own."""
    text = unit.text
    return (
        unit.kind == "paragraph"
        and _CAPTION.match(text) is not None
        and len(text.split()) <= _CAPTION_WORDS
        and _CUE_WORDS.search(text) is None
    )


# A clause row of a compliance matrix, read as the clause it repeats: still the table's
# (``tables.clause_row_block``, ``paged_blocks``)
_TABLE_ROW_STYLES = frozenset({"table", "clause"})

# A table of contents: its heading, and its lines ("3.1 Price 2", "Definitions ..... 4")
_CONTENTS_HEADING = re.compile(
    r"^(?:table\s+of\s+)?contents(?:\s*[(\[]?\s*(?:continued|cont(?:['’]d|\.)?)\s*[)\]]?)?$", re.I
)
_CONTENTS_LINE = re.compile(
    r"^.{1,120}?(?:\s|\.{2,}|(?:\s\.){2,})\s*(?:\d{1,3}|[ivxl]{1,5})$", re.I
)
# a line ending in a dot leader and a page number: a contents entry, never run on
_LEADER_END = re.compile(r"(?:\.{4,}|(?:\s\.){4,}|…{2,})\s*(?:\d{1,3}|[ivxl]{1,5})$", re.I)
# one entry of several that layout joined into one block: its title, dot leaders, page;
# a long leader alone ends an entry too ("1 Scope and purpose ........", no page number)
_CONTENTS_ENTRY = re.compile(
    r"\s*.{1,120}?(?:(?:\.{4,}|(?:\s\.){4,}|…{2,})\s*(?:\d{1,3}|[ivxl]{1,5})"
    r"|\.{8,}|(?:\s\.){8,}|…{4,})(?=\s|$)",
    re.I,
)


# A line opened by a contact or header label ("Tel:", "From:", "Subject:") is contact
# whatever follows; an address line is only while nothing else rides on it.
_CONTACT_LABEL_FIRST = re.compile(rf"^(?:{_CONTACT_LABELS})\s*[:.]", re.I)
# "Currency: USD", "Payment terms: Net 60": a field of another kind than contact details
_FIELD_ON_LINE = re.compile(r"(?:^|[\s,;|])([A-Za-z][A-Za-z/ -]{1,30}?)\s*:\s+\S")
_CONTACT_FIELD_WORDS = frozenset(
    [
        "by",
        "name",
        "title",
        "date",
        "signature",
        "signed",
        "position",
        "company",
        "address",
        "tel",
        "telephone",
        "phone",
        "fax",
        "mobile",
        "cell",
        "email",
        "e-mail",
        "web",
        "website",
        "attn",
        "attention",
        "its",
        "from",
        "sent",
        "to",
        "cc",
        "bcc",
        "subject",
        "witness",
        "no",
        "number",
        "ext",
        "extension",
        "country",
        "zip",
        "postcode",
        "code",
    ]
)


# A form's date field ("Date: 9 April 2026, 10:00-13:30"): when a meeting was held or an
# order placed, kept; the date line of a signature block has no "field" style
_DATE_FIELD = re.compile(r"^date\s*:\s*\S", re.I)
# "Subject: Commissioning" on a form or a letter: what it is about, kept as a field
_SUBJECT_FIELD = re.compile(r"^(?:subject|betreff|objet)\s*:\s*\S", re.I)


# "Total order value: EUR 1,051,720.00": a short label, a colon, a figure or an amount;
# not "Section 3: Delivery", "Annex 2: Prices" or a mail's subject "RE: ITT NVP-2026-014"
_VALUE_FIELD = re.compile(
    r"^(?P<label>[A-Z][A-Za-z/&' -]{1,40}?)\s*:\s+"
    r"(?P<value>(?:[A-Z]{3}\s|[€$£¥]\s?)?\d[^:]{0,60})$"  # a figure, an amount first
)
_NUMBERING_LABEL = re.compile(
    r"^(?:section|annex|annexure|schedule|appendix|table|figure|part|lot|phase|article|clause"
    r"|exhibit|attachment|chapter|item|step|stage)\b",
    re.I,
)


# "Carrier: Harwick Freight & Warehousing Ltd", "Collection: <address>, 13.04.2026 22:00":
# a form's field on a line of its own, in Title Case but no heading of what follows
_FIELD_TEXT = re.compile(r"^(?P<label>[A-Z][A-Za-z/&'-]*(?: [A-Za-z/&'-]+){0,3}):\s+\S")


def _is_field_text(text: str) -> bool:
    found = _FIELD_TEXT.match(text)
    return (
        found is not None
        and not _NUMBERING_LABEL.match(found["label"])
        and not _RULE.search(text)  # "For the CUSTOMER: ______ Dana Whitfield": a signature
    )


# A revision-history row as the readers render it: "P02 (Date: 09/11/2026) (Description:
# Revised following design review) (By: JKL)", "B (Date: 2026-11-20) (Change: Tolerances,
# tests, dates) (Author: K. Lindqvist)". Walks in four industries found these labelled
# specified (0.36-0.58), reported by compare as added requirements and marked "Differs"
# between revisions; they say which version this is, not what is required.
_PERSON_COLUMN = (
    r"\((?:Author|By(?:\s*/\s*Chk)?|Prepared(?:\s+by)?|Approved(?:\s+by)?|Checked|Initials"
    r"|Name):\s[^()]{1,40}\)\s+"
)
_REVISION_ROW = re.compile(
    r"^(?:(?:Rev(?:ision)?\.?\s*)?[A-Z]{0,2}\d{0,3}(?:\.\d{1,2})?[a-z]?"
    # a version by name: "Original", "Amendment 0001" (a federal walk's revised work statement)
    r"|Original|Initial|Basic|Draft|Final|(?:Amendment|Amd\.?|Modification|Mod\.?)\s*\d{1,4})\s+"
    r"\((?:Rev(?:ision)?\s+|Issue\s+)?Date:\s[^()]{4,30}\)\s+"
    rf"(?:{_PERSON_COLUMN})?"
    r"\((?P<column>Changes?|Amendments?|Description|Details|Reason|Summary|Remarks|Comments?"
    r"|Purpose)(?:\s+of\s+changes?)?:\s(?P<what>.+)\)\s*$",
    re.IGNORECASE,
)
# what a revision's description says ("First issue", "Revised after review", "for tender")
_REVISION_WORDS = re.compile(
    r"\b(?:issue[ds]?|revis|updat|initial|release|draft|chang|amend|added|delet|remov|first"
    r"|correct|modif|incorporat|approv|comment|edit|reword|shorten|extend|widen|narrow"
    r"|tighten|lower|rais|increas|reduc|replac|introduc|clarif|agreed|new\b"
    r"|for\s+(?:tender|enquiry|construction|information|review|approval))",
    re.IGNORECASE,
)
_ROW_AMOUNTS = re.compile(r"\((?:Qty|Quantity|Price|Amount|Pcs|Units?|Total)\b[^:]*:", re.I)


def _is_revision_row(text: str) -> bool:
    """A row of a document's revision history (``_REVISION_ROW``), not a schedule's line: a
    column named for changes, or a description saying what was revised."""
    found = _REVISION_ROW.match(text)
    if found is None or not found["what"].strip() or _ROW_AMOUNTS.search(text):
        return False
    named_change = found["column"].lower().startswith(("change", "amendment"))
    return named_change or _REVISION_WORDS.search(found["what"]) is not None


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _is_value_field(text: str) -> bool:
    found = _VALUE_FIELD.match(text)
    return (
        found is not None
        and len(found["label"].split()) <= 4
        and not _NUMBERING_LABEL.match(found["label"])
    )


def _is_contact_line(line: str) -> bool:
    line = line.strip()
    if len(line) > 160:
        return False
    if _SIGNATURE_FIELDS.match(line) is not None:
        return True
    if _CONTACT_LINE.match(line) is None:
        return False
    return _CONTACT_LABEL_FIRST.match(line) is not None or not _carries_other_text(line)


def _carries_other_text(line: str) -> bool:
    """An address line that also holds a duty or a field of its own ("... KS 67209
    Currency: USD Payment terms: Net 60 days"): text to keep, not a contact line."""
    if _CUE_WORDS.search(line):
        return True
    return any(
        label.split()[-1].lower() not in _CONTACT_FIELD_WORDS
        for label in _FIELD_ON_LINE.findall(line)
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _is_signature_block(text: str) -> bool:
    """Every line a signature, address or contact line; or a closing opens it."""
    lines = _lines(text)
    if not lines:
        return False
    first = lines[0]
    if _CLOSING.match(first):
        return len(lines) > 1 or first[-1] not in "!."
    if len(lines) == 1 and _SIGN_OFF.match(first):
        return True  # "Best regards, Priya": her name, title and address come next
    contact = sum(1 for line in lines if _is_contact_line(line))
    if len(lines) >= 2 and 2 * contact >= len(lines):
        return not any(line[-1] in ".!?" and len(line.split()) >= 4 for line in lines)
    return contact == len(lines)


# Two signature blocks side by side come out as one line each: "Signed for and on behalf
# of Signed for and on behalf of", "____ ____ Name: A Name: B Title: C Title: D Date:".
_ON_BEHALF = re.compile(
    r"^(?:(?:signed|executed)\s+(?:for\s+and\s+)?on\s+behalf\s+of\b[^.;]{0,80}?\s*)+$", re.I
)
_FIELD_LABEL = re.compile(r"\b(?:name|title|date|signature|signed|by|position|place)\s*:", re.I)
_RULE = re.compile(r"_{3,}|\.{5,}")


def _is_field_row(text: str) -> bool:
    """Signature fields filled in on one line: two labels or more, short values, no duty."""
    plain = _RULE.sub(" ", text)
    if len(_FIELD_LABEL.findall(plain)) < 2 or _CUE_WORDS.search(plain):
        return False
    return all(len(piece.split()) <= 6 for piece in _FIELD_LABEL.split(plain))


_SIGNS = re.compile(r"\b(?:signature|signed(?: by)?)\s*:", re.I)  # not a column "By: Designer"


def _opens_signature_row(text: str) -> bool:
    """A table row that opens signature blocks set side by side: "Signed for and on behalf
    of ...", or fields with a place to sign ("Signature: .....: Signature: .....")."""
    if _ON_BEHALF.match(text):
        return True
    return _is_field_row(text) and (_RULE.search(text) is not None or bool(_SIGNS.search(text)))


def _is_signature_line(text: str) -> bool:
    """After a closing or "IN WITNESS WHEREOF": names, titles, company lines."""
    lines = _lines(text)
    if all(_is_contact_line(line) for line in lines):
        return True
    if len(lines) > 1 and all(_is_contact_line(line) or _is_name_line(line) for line in lines):
        # "/s/ Caroline B. Ashby" | "Caroline B. Ashby" | "cc: Margaret L. Odenkirk, Chief
        # Operating Officer, ...": line by line a signature, together too long for one
        return True
    if _ON_BEHALF.match(text) or _is_field_row(text):
        return True
    words = text.split()
    if _ADDRESS_CUE.search(text) and not _CUE_WORDS.search(text) and len(words) <= 40:
        return True
    if len(words) > 8:
        return False
    last = words[-1].rstrip(".").lower() if words else ""
    # "THAYER EQUITY INVESTORS IV, L.P." ends in an abbreviation, not a sentence
    ends_sentence = text[-1:] == "." and not ("." in last or _ends_in_abbreviation(last))
    if text[-1:] in "!?" or (ends_sentence and len(words) >= 4):
        return False
    return not (_looks_like_heading(text) and _HEADING_WORDS.match(text))


_NAME_LINE_SMALL_WORDS = frozenset(["&", "of", "and", "the", "for", "de", "van", "von"])


def _is_name_line(line: str) -> bool:
    """A signature's name or title line: "/s/ Caroline B. Ashby", "Helen Park, Director
    Supplier Quality, Corvane Surgical, Inc." (capitalised words, no figures)."""
    if line.startswith("/s/"):
        return True
    words = line.split()
    return (
        0 < len(words) <= 8
        and not _has_digit(line)
        and all(w[:1].isupper() or w.lower() in _NAME_LINE_SMALL_WORDS for w in words)
    )


def _is_company_name(text: str) -> bool:
    """A company's name alone, in capitals ("VAPOTHERM, INC.", "MEDICA, S.p.A."): a title page's."""
    match = _COMPANY_NAME.match(text)
    return match is not None and not any(char.islower() for char in match["name"])


def _is_contents_line(text: str) -> bool:
    """A table of contents line: a title and its page number, or the "Page" column head."""
    if text.lower() == "page":
        return True
    if _CUE_WORDS.search(text):
        return False
    return (len(text.split()) <= 16 and _CONTENTS_LINE.match(text) is not None) or (
        _contents_entries(text)
    )


def _contents_entries(text: str) -> bool:
    """Several contents lines with dot leaders in one block, each at most 16 words.

    An entry's own second line, indented ("5. Term and Termination ..... 4"
    then "Schedule 1 - Products ..... 5"), is read into its block.
    """
    position = 0
    while position < len(text):
        match = _CONTENTS_ENTRY.match(text, position)
        if match is None or len(match.group(0).split()) > 16:
            return False
        position = match.end()
    return position > 0


def _is_leader_entry(text: str) -> bool:
    """Contents entries with dot leaders ("8.1 Spare parts ........ 63"), which no clause is."""
    if "...." not in text and ". . . ." not in text and "……" not in text:
        return False  # every unit comes here: the regular expressions only for leaders
    return not _CUE_WORDS.search(text) and _contents_entries(text)


def _is_page_label(text: str) -> bool:
    """A short line that says nothing: a running header left in, "Contents (continued)"."""
    words = text.split()
    return 0 < len(words) <= 20 and text[-1] not in ".!?;:" and not _CUE_WORDS.search(text)


def _is_party_line(text: str) -> bool:
    """A party's name in capitals, maybe with its kind, as it stands above a signature."""
    words = text.split()
    # the name's words capitalised: "also need the LOLER cert of the beam befor lift." over
    # "thx D" is a terse mail's sentence, no party (a food walk lost it)
    name = _PARTY_KIND.split(text, maxsplit=1)[0].split()
    return (
        0 < len(words) <= 12
        and _PARTY_LINE.match(text) is not None
        and sum(1 for char in text if char.isupper()) >= 3
        and not _CUE_WORDS.search(text)
        and all(not word[:1].islower() for word in name)
    )


_PARTY_KIND = re.compile(r",?\s+an?\s+")


# ---------------------------------------------------------------- units of text

_QUOTE_PREFIX = re.compile(r"(?m)^[ \t]*>[> \t]*")
_JOINING_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "the",
        "by",
        "in",
        "for",
        "with",
        "from",
        "on",
        "at",
        "as",
        "that",
        "which",
        "shall",
        "must",
        "will",
        "be",
        "is",
        "are",
        "not",
        "nor",
        "per",
        "under",
        "than",
    ]
)


@dataclass(slots=True)
class _Unit:
    """One or more blocks read as one text, whitespace normalised.

    ``chunks()`` maps the normalised text back to the blocks: (start, end) in
    ``text``, the block's position in ``blocks`` and the offset in its text.
    Only paged input needs it, so it is built on first use.
    """

    blocks: list[Block]
    text: str = ""
    _chunks: list[tuple[int, int, int, int]] | None = None

    @property
    def kind(self) -> BlockKind:
        return self.blocks[0].kind

    @property
    def page(self) -> int | None:
        return self.blocks[0].page

    def chunks(self) -> list[tuple[int, int, int, int]]:
        if self._chunks is None:
            self._chunks = []
            position = 0
            for block_index, block in enumerate(self.blocks):
                for match in _NON_SPACE.finditer(_visible_text(block)):
                    if self._chunks:
                        position += 1
                    end = position + match.end() - match.start()
                    self._chunks.append((position, end, block_index, match.start()))
                    position = end
        return self._chunks


_NON_SPACE = re.compile(r"\S+")


def _visible_text(block: Block) -> str:
    """Block text with quote prefixes and header/contact lines blanked (offsets kept)."""
    text = block.text
    if block.kind != "quoted":
        return text
    text = _QUOTE_PREFIX.sub(lambda m: " " * len(m.group()), text)
    kept = []
    for line in text.splitlines(keepends=True):
        kept.append(" " * len(line) if _is_contact_line(line) else line)
    return "".join(kept)


def _build_unit(blocks: list[Block]) -> _Unit:
    return _Unit(blocks, " ".join(" ".join(_visible_text(b).split()) for b in blocks).strip())


_NUMERAL_OPENING = re.compile(r"\((\d{1,3})\)")


def _numeral_after_its_words(before: str, after: str) -> bool:
    """A line ending in a number in words over one opening with it in figures: "... within
    thirty" / "(30) days after ...", as filed agreements write numbers (an EDGAR-style walk:
    the latent-defect notice and the warranty period were cut, "(30)" taken for a clause)."""
    found = _NUMERAL_OPENING.match(after)
    words = before.split()
    return found is not None and bool(words) and number_in_words(words[-1]) == int(found.group(1))


# a range of numbers cut at its dash by a line, column or page break: "Parts 730-"
_RANGE_CUT = re.compile(r"\d[-–]$")
# the words that open a recital, the operative part or the attestation of an agreement
_OPERATIVE_OPENER = re.compile(r"(?:WHEREAS|NOW,?\s+THEREFORE|IN\s+WITNESS\s+WHEREOF)\b", re.I)


def _continues(previous: Block, block: Block, page_break: bool, full_line: bool = False) -> bool:
    """Is ``block`` the rest of the paragraph ``previous`` (cut by layout)?

    ``full_line``: the last line of ``previous`` runs to the right margin, so the
    page ended it, not the writer; at a page break that alone joins the next block.
    """
    if previous.kind not in ("paragraph", "list_item"):
        return False
    before, after = previous.text.rstrip(), block.text.lstrip()
    if not before or not after or before[-1] in ".!?:" or is_salutation(before):
        return False
    if previous.style == "greeting":  # "Sam," over a mail's first sentence, in lower case
        return False
    if _numeral_after_its_words(before, after):
        return True  # "... within thirty" over "(30) days after ...": no sub-clause (30)
    if _RANGE_CUT.search(before) and after[:1].isdigit():
        return True  # "(15 CFR Parts 730-" over "774) and shall ...": no clause 774
    if is_clause_list_row(before) and _REGULATION_CLAUSE.match(after):
        return False  # a clause list's next row over a page break
    if _LEADER_END.search(before):
        return False  # a contents entry's dot leader runs to the margin, and ends there
    if block.kind == "list_item" and _continues_inline_list(before, after):
        return True
    if block.kind != "paragraph" or _find_marker(after):
        return False
    if before[-1] == ";":
        # "• ... 70 offices in San Jose, CA;" + "approximately 90 offices in Dallas": the
        # item's second line, set apart by layout; a new sentence would not start lower case
        return previous.kind == "list_item" and after[0].islower()
    if after.lstrip("([\"“‘'")[:1].islower():
        return True  # "... or Affiliate" + "(as defined below) of Medica ..."
    if _looks_like_heading(after) or _OPERATIVE_OPENER.match(after):
        return False  # "...; and" over "WHEREAS, ...": the next recital, not the same one
    last_word = before.split()[-1].lower()
    if last_word in _JOINING_WORDS:
        return True  # "... required under" + "Section 8.5 of the Agreement": never an end
    return page_break and (before[-1] in ",-–" or full_line)


def _continues_inline_list(before: str, after: str) -> bool:
    """Is ``after`` ("(d) seeks to ...") the next item of an enumeration running in ``before``?

    "... in a manner that (a) insures ..., (b) preserves ..., (c) ..., and" cut by
    a page break before "(d)": the item belongs to the sentence, so the blocks join
    when the last inline marker of ``before`` (not the one opening it) comes
    right before ``after``'s.
    """
    marker = _find_marker(after)
    if marker is None or not marker.label.startswith("("):
        return False
    inline = [m for m in _INLINE_ITEM.finditer(before) if m.start() > 0]
    if not inline:
        return False
    last = inline[-1]
    return _follows(last["p"] or last["c"], marker.value)


def _right_edge(blocks: Sequence[Block]) -> tuple[float, float]:
    """Left and right edge of a page's body text (from its words' boxes)."""
    boxes = [word.box for block in blocks for word in block.words]
    if not boxes:
        return 0.0, 0.0
    return min(box.x0 for box in boxes), max(box.x1 for box in boxes)


def _ends_full_line(block: Block, edges: tuple[float, float]) -> bool:
    left, right = edges
    if not block.words or right <= left:
        return False
    return block.words[-1].box.x1 >= right - 0.12 * (right - left)


def _column_break(previous: Block, block: Block) -> tuple[bool, bool]:
    """Does ``block`` open the next column after ``previous`` closed the last one, and did
    ``previous``'s last line run to its column's right edge?

    A purchase order's two-column terms broke "... including the Fair" at the foot
    of the left column and went on "Labor Standards Act and ..." at the top of the
    right one: a column break is read like a page break.
    """
    if not previous.words or not block.words or previous.page != block.page:
        return False, False
    first, last = block.words[0].box, previous.words[-1].box
    left = min(word.box.x0 for word in previous.words)
    right = max(word.box.x1 for word in previous.words)
    if not (first.top < last.top and first.x0 >= right - 1.0):
        return False, False
    return True, last.x1 >= right - 0.12 * (right - left)


def _is_page_top_furniture(block: Block) -> bool:
    """A block that may sit above the continued text: a heading or a running header left in."""
    text = block.text.strip()
    return block.kind == "heading" or bool(_PAGE_FURNITURE.match(text)) or _looks_like_heading(text)


def _units(document: Document) -> list[_Unit]:
    """Blocks in reading order, grouped so paragraphs cut by a page break are whole.

    At a page break the paragraph that ended the last page is joined with the
    first body block of the new page (a running header or heading left above
    it is skipped and read after it) when the text runs on: see ``_continues``.
    """
    groups: list[list[Block]] = []
    previous: Sequence[Block] = ()
    footnotes: list[Block] = []  # the last page's, read once its last paragraph is whole
    for page in document.pages:
        # the notes at the page's foot; notes at a section's end are read where they stand
        foot = len(page.blocks)
        while foot and page.blocks[foot - 1].style == "footnote":
            foot -= 1
        blocks = list(page.blocks[:foot])
        if groups and previous and not _looks_like_heading(groups[-1][-1].text.strip()):
            last = groups[-1][-1]
            full = _ends_full_line(last, _right_edge(previous))
            for position, block in enumerate(blocks[:3]):
                if position < 2 and _is_page_top_furniture(block):
                    continue
                if "footnote" not in (block.style, last.style) and _continues(
                    last, block, True, full
                ):
                    groups[-1].append(blocks.pop(position))
                break
        groups += [[footnote] for footnote in footnotes]
        footnotes = list(page.blocks[foot:])
        for block in blocks:
            if (
                groups
                and "footnote" not in (block.style, groups[-1][-1].style)
                and _continues(groups[-1][-1], block, *_column_break(groups[-1][-1], block))
                and not _looks_like_heading(groups[-1][-1].text.strip())
            ):
                groups[-1].append(block)
            else:
                groups.append([block])
        if blocks:
            previous = blocks
    groups += [[footnote] for footnote in footnotes]
    return [_build_unit(blocks) for blocks in groups]


# ---------------------------------------------------------------- sentences


_POSSIBLE_END = re.compile(r"[.!?…][\"'”’)\]»]*\s+\S")


def split_sentences(texts: Iterable[str]) -> list[list[tuple[int, int]]]:
    """Character spans of the statements in each text, by the ``statement_starts`` rule.

    Texts with no full stop, "!" or "?" before their last word are one statement
    and skip the tokenizer.
    """
    texts = list(texts)
    spans: list[list[tuple[int, int]] | None] = [
        None if _POSSIBLE_END.search(text) else ([(0, len(text))] if text else []) for text in texts
    ]
    pending = [
        (index, offset, end)
        for index, found in enumerate(spans)
        if found is None
        for offset, end in _pieces(texts[index])
    ]
    nlp = get_nlp()
    disabled = [name for name in nlp.pipe_names if name not in SEGMENTING_PIPES]
    docs = nlp.pipe(
        (texts[index][offset:end] for index, offset, end in pending),
        disable=disabled,
        batch_size=256,
    )
    starts_of: dict[int, list[int]] = {}
    for (index, offset, _), doc in zip(pending, docs, strict=True):
        starts = doc.user_data.get("statement_starts", [0])
        starts_of.setdefault(index, []).extend(offset + start for start in starts)
    for index, starts in starts_of.items():
        text = texts[index]
        ends = [*starts[1:], len(text)]
        spans[index] = [(a, a + len(text[a:b].rstrip())) for a, b in zip(starts, ends, strict=True)]
    return [found or [] for found in spans]


_PIECE_CHARS = 100_000
_PIECE_CUT = re.compile(r"[.!?…;][\"'”’)\]»]*\s+(?=\S)|\s+(?=\S)")


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces a long text goes to spaCy in.

    spaCy refuses a text over ``max_length`` (a million characters), and a
    paragraph of a text file without blank lines can be longer; such a text
    is cut after the last sentence end (else the last space) within each
    ``_PIECE_CHARS``, so a piece starts a statement.
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > _PIECE_CHARS:
        limit = start + _PIECE_CHARS
        sentence_end = space = 0
        for match in _PIECE_CUT.finditer(text, start + _PIECE_CHARS // 2, limit):
            if match.group()[0].isspace():
                space = match.end()
            else:
                sentence_end = match.end()
        cut = sentence_end or space or limit  # limit: a word of 50,000 characters or more
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


# ---------------------------------------------------------------- boxes


def _line_boxes(words: Sequence[Word]) -> tuple[Box, ...]:
    """One box per printed line (or per page fragment) of the given words."""
    boxes: list[Box] = []
    for word in words:
        box = word.box
        if boxes:
            last = boxes[-1]
            height = max(box.bottom - box.top, 1.0)
            same_line = last.page == box.page and abs(box.top - last.top) < 0.6 * height
            if same_line and box.x0 >= last.x0 - 1.0:
                boxes[-1] = last.union(box)
                continue
        boxes.append(box)
    return tuple(boxes)


class _BoxFinder:
    """Maps a span of a unit's text back to its words' boxes."""

    def __init__(self, unit: _Unit) -> None:
        self.unit = unit
        self.chunks = unit.chunks() if any(block.words for block in unit.blocks) else []
        self.chunk_starts = [chunk[0] for chunk in self.chunks]
        self.words = [sorted(block.words, key=lambda w: w.start) for block in unit.blocks]
        self.word_starts = [[word.start for word in words] for words in self.words]

    def boxes(self, start: int, end: int) -> tuple[Box, ...]:
        unit = self.unit
        if not any(block.words for block in unit.blocks):
            return ()
        ranges: dict[int, tuple[int, int]] = {}
        first = max(bisect_right(self.chunk_starts, start) - 1, 0)
        for chunk_start, chunk_end, block_index, origin in self.chunks[first:]:
            if chunk_start >= end:
                break
            if chunk_end <= start:
                continue
            low = origin + max(start, chunk_start) - chunk_start
            high = origin + min(end, chunk_end) - chunk_start
            old = ranges.get(block_index)
            ranges[block_index] = (min(old[0], low), max(old[1], high)) if old else (low, high)
        words: list[Word] = []
        for block_index in sorted(ranges):
            low, high = ranges[block_index]
            starts = self.word_starts[block_index]
            begin = max(bisect_right(starts, low) - 1, 0)
            stop = bisect_left(starts, high)
            block_words = self.words[block_index][begin:stop]
            words.extend(w for w in block_words if w.end > low and w.start < high)
        return _line_boxes(words)


# ---------------------------------------------------------------- lead-ins and items

# (U+037E, the Greek question mark, stands in for ";" in some filings)
_ITEM_TAIL = re.compile(r"(?:\s*[;,\u037e]\s*(?:and/or|and|or)?|\s+(?:and/or|and|or))\s*$")
_LEAD_TAIL = re.compile(r"\s*:\s*$")
_LEAD_FILLER = re.compile(r",?\s*(?:as follows|the following|following)$", re.I)
_INLINE_ITEM = re.compile(
    r"(?:(?<=[\s:;,])|^)(?:\((?P<p>[a-z]{1,2}|[ivx]{1,4}|\d{1,2})\)|(?P<c>[a-z]|[ivx]{1,4}|\d{1,2})\))\s"
)


_MODAL_WORD = re.compile(r"\b(?:shall|must|will|should|may|is required to|are required to)\b")


def _sentence_shaped(item: str) -> bool:
    """Four words or more, opening in a capital and closed by a full stop (a closing
    quote after it too: '... is added: "The Contractor shall ... inspector."')."""
    end = item.rstrip("\"”’')]")[-1:]
    return len(item.split()) >= 4 and end in (".", "!", "?") and item[0].isupper()


# a definition: a quoted term (or two, "or"/"and"), then "means" or its like
_QUOTED_TERM = r"[\"“‘][^\"”’]{1,80}[\"”’]"
_DEFINITION = re.compile(
    rf"^{_QUOTED_TERM}(?:\s+(?:or|and)\s+{_QUOTED_TERM})*\s+"
    r"(?:means|shall\s+mean|has\s+the\s+meaning|have\s+the\s+meanings?|includes?|refers\s+to)\b"
)


def _has_verb(item: str) -> bool:
    """A finite "is/are/has ..." or a modal: a clause, not a noun phrase ("Final inspection
    of all reports.")."""
    return _FINITE_VERB.search(item) is not None or _MODAL_WORD.search(item) is not None


def _stands_alone(item: str, lead_kept: bool = False) -> bool:
    """An item that is a whole sentence ("The Contractor shall ...") needs no lead-in.

    ``lead_kept``: the list's lead-in is a statement of its own already (an
    earlier item stood alone), so an item shaped as a sentence needs it no more
    ("1. The piece price ... is fixed ..." then "2. Tooling costs ... are paid
    ..."): prefixed to it, the letter's "... subject to the following
    conditions" had been a statement twice, once glued to condition 2.
    """
    if _DEFINITION.match(item):
        # '"Services" means ...' under "the following terms have the following meanings":
        # an IT services walk's MSA had that lead-in glued to each of its definitions
        return True
    if not _sentence_shaped(item):
        return False
    if lead_kept:
        return True
    opener = item.split()[0].lower()
    return opener in word_list("sentence_openers") or _MODAL_WORD.search(item) is not None


# A lead-in that counts or names the points it announces ("please note two points
# more", "we have the following questions"): a sentence of its own before its items
_POINT_WORDS = (
    r"(?:points?|questions?|remarks?|comments?|issues?|topics?|notes|observations?|"
    r"findings?|changes|things|requests?|matters|meanings?|definitions?)"
)
_ANNOUNCES_POINTS = re.compile(
    rf"\b{_POINT_WORDS}"
    r"(?:\s+(?:more|below|further|as\s+follows|to\s+(?:note|clarify|consider)"
    r"|from\s+(?:you|your\s+side|us)))*"  # "we need three more things from you"
    # "Main changes after our design review" (a buyer's mail over the revision's changes)
    r"(?:\s+(?:after|since|following|from)\s+[^.:;]{1,40})?$",
    re.I,
)


# ... or opens by counting them, whatever it says of them next: "Two points need your
# attention before peak season" (a logistics walk's mail had it glued to point 1, its
# colon lost, as point 1 has no modal of its own)
_COUNTS_POINTS = re.compile(
    r"^(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|a\s+few|several|some)\s+)"
    rf"(?:(?:more|further|new|open|key|main|important|other)\s+)?{_POINT_WORDS}\b",
    re.I,
)


# ... or, with no modal of its own, the demands it brings: "additional grid requirements,
# effective now" (a formal "shall meet the following requirements" opens its items instead)
_ANNOUNCES_DEMANDS = re.compile(
    r"\b(?:requirements?|demands?|actions?|answers?)"
    r"(?:,?\s+(?:below|as\s+follows|effective\s+(?:now|immediately|today)"
    r"|with\s+immediate\s+effect))*$",
    re.I,
)


# ... or asks the reader to note what follows: "following yesterday's meeting please note,
# effective now:" over three demands (a construction walk's HTML mail had it glued to the
# last of them, its colon lost)
_ASKS_TO_NOTE = re.compile(
    r"\b(?:please|pls|kindly)\s+note(?:\s+(?:the\s+following|that))?"
    r"(?:,?\s+(?:effective\s+(?:now|immediately|today)|with\s+immediate\s+effect"
    r"|as\s+of\s+(?:now|today)))?$",
    re.I,
)


# "NOW, THEREFORE, in consideration of ..., the Parties agree as follows:": the operative
# words of an agreement or amendment, no part of each numbered clause after them (a
# medical-device walk's amendment had them copied into its clauses 1 and 3)
_AGREES_AS_FOLLOWS = re.compile(
    r"^now,?\s+therefore\b|\bparties\b.*\b(?:hereby\s+)?(?:agree|covenant)(?:\s+as\s+follows)?$",
    re.I,
)


def _announces_points(lead: str) -> bool:
    """A lead-in that announces points, each a sentence of its own, instead of starting one.

    An aerospace walk's mail read "for PO 4500-77821 please note two points more
    FAI per AS9102 you make also for item 50, ...": the lead-in glued to item 1,
    its colon lost. Such a lead-in is a statement of its own, as written. So is an
    energy walk's "All, additional grid requirements, effective now:" over four
    numbered demands, each of which had carried it.
    """
    lead = lead.strip()
    if len(lead.split()) < 3:
        return False
    if _ANNOUNCES_POINTS.search(lead) is not None or _ASKS_TO_NOTE.search(lead) is not None:
        return True
    if _COUNTS_POINTS.match(lead) is not None:
        return True
    if _AGREES_AS_FOLLOWS.search(lead) is not None:
        return True
    return _ANNOUNCES_DEMANDS.search(lead) is not None and _MODAL_WORD.search(lead) is None


def _join(lead: str, item: str) -> str:
    """A lead-in and one item as one statement ending in a full stop."""
    item = _ITEM_TAIL.sub("", item).strip()
    text = f"{lead} {item}".strip()
    return text if text[-1:] in ".!?" else text + "."


_PROVISO_TAIL = re.compile(
    r"(?:,?\s*(?:provided|except|save|subject\s+to|including|unless|so)\b[^,]{0,20})?\s*\bthat$"
    r"|,?\s*(?:provided|except|including|unless)$",
    re.I,
)


def _says_something(lead: str) -> bool:
    """A lead-in with an obligation of its own, beyond announcing its items.

    "The maximum liability ... will be [***], provided however that" says
    something; "The following specifications apply to offices" and "The
    Supplier shall ensure that" only open a list.
    """
    core = _PROVISO_TAIL.sub("", lead).rstrip(" ,;")
    modal = _MODAL_WORD.search(core)
    if modal is not None and core[:1].isupper() and len(core[modal.end() :].split()) >= 3:
        return True
    return _states_a_fact(core)


_LIST_OPENING = re.compile(
    r"(?:^|,?\s+)(?:(?:and\s+)?(?:is|are)\s+subject\s+to|the\s+following|as\s+follows|below)\b.*$"
    r"|\s+(?:is|are)$",
    re.I,
)
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had)\b")


def _states_a_fact(lead: str) -> bool:
    """A lead-in that, before the words opening its list, is a sentence of its own.

    "This nomination is based on your quotation Q-BB-26-1147 of 12 November 2026
    and is subject to the following conditions" names the quotation and its date;
    "The following specifications apply to offices" only opens the list.
    """
    core = _LIST_OPENING.sub("", lead).strip(" ,;")
    return core[:1].isupper() and len(core.split()) >= 8 and _FINITE_VERB.search(core) is not None


def _lead_text(text: str) -> str:
    """A lead-in as it prefixes its items: no colon, no "the following"."""
    text = _LEAD_TAIL.sub("", text)
    return _LEAD_FILLER.sub("", text).strip()


def _follows(previous: str, value: str) -> bool:
    """Does list value ``value`` come right after ``previous`` (a->b, ii->iii, 3->4)?"""
    if previous.isdigit() and value.isdigit():
        return int(value) == int(previous) + 1
    both_roman = previous in _ROMAN_ORDER and value in _ROMAN_ORDER
    if both_roman and _ROMAN_ORDER.index(value) == _ROMAN_ORDER.index(previous) + 1:
        return True
    return len(previous) == 1 and len(value) == 1 and ord(value) == ord(previous) + 1


def _inline_items(body: str) -> tuple[int, list[tuple[int, int, str]]] | None:
    """An enumeration after a colon inside one block: "shall: (a) x; (b) y".

    Returns the colon's offset and (start, end, value) of each item's text.
    """
    colon = body.find(":")
    while colon != -1:
        markers = list(_INLINE_ITEM.finditer(body, colon + 1))
        if markers and markers[0].start() == len(body[: colon + 1]) + (
            len(body[colon + 1 :]) - len(body[colon + 1 :].lstrip())
        ):
            chain = [markers[0]]
            first = markers[0]["p"] or markers[0]["c"]
            if first in ("a", "i", "1"):
                for match in markers[1:]:
                    value = match["p"] or match["c"]
                    if _follows(chain[-1]["p"] or chain[-1]["c"], value):
                        chain.append(match)
                if len(chain) >= 2:
                    items = []
                    for position, match in enumerate(chain):
                        end = (
                            chain[position + 1].start() if position + 1 < len(chain) else len(body)
                        )
                        items.append((match.end(), end, match["p"] or match["c"]))
                    return colon, items
        colon = body.find(":", colon + 1)
    return None


@dataclass(slots=True)
class _Draft:
    """A statement before numbering: its text and where it came from."""

    text: str
    unit: _Unit
    start: int
    end: int
    clause: str
    section: str


# A lead-in this long says more than "the following apply": kept when its items stand
# alone ("Section C is revised as follows, and a revised Statement of Work incorporating
# these changes is attached:" was lost from a federal amendment)
_LEAD_WORDS_KEPT = 10


@dataclass(slots=True)
class _Frame:
    """An open list lead-in waiting for its items."""

    text: str  # joined with its parents, without the colon
    clause: str
    owner_family: str  # marker family of the lead-in itself ("" if unnumbered)
    level: int
    pending: _Draft | None  # emitted only if no item follows
    item_family: str = ""
    last_value: str = ""
    used: bool = False
    label: bool = False  # "Packaging instructions:": items stand alone under it as section
    implicit: bool = False  # an unpunctuated item; only deeper lower-case items continue it
    kept: bool = False  # emitted as a statement of its own (``keep_lead``)
    stood_alone: bool = False  # an item of it stood without it


_SUB_LISTS = frozenset(
    [
        ("alpha", "roman", "i"),
        ("number", "alpha", "a"),
        ("paren_number", "alpha", "a"),
        ("decimal2", "alpha", "a"),
    ]
)
_LABEL_ENDINGS = frozenset(
    ["include", "includes", "including", "are", "is", "be", "follows", "following", "below"]
)


def _is_label(lead: str) -> bool:
    """A lead-in that names a list instead of starting its sentence ("Shipping steps:")."""
    words = lead.split()
    if not 1 <= len(words) <= 4 or not lead[:1].isupper() or "," in lead:
        return False
    last = words[-1].lower()
    return not (_CUE_WORDS.search(lead) or last in _JOINING_WORDS or last in _LABEL_ENDINGS)


def _resolve(marker: _Marker, frame: _Frame | None) -> str:
    """Settle "(i)", "(v)", "(x)": a letter after "(h)", else a roman numeral."""
    if marker.family != "ambiguous":
        return marker.family
    if frame is not None and frame.item_family == "alpha" and frame.last_value:
        if _follows(frame.last_value, marker.value):
            return "alpha"
        return "roman"
    if frame is not None and frame.item_family == "roman":
        return "roman"
    return "roman" if marker.value == "i" else "alpha"


def _chain_clause(frame: _Frame, marker: _Marker) -> str:
    if marker.family.startswith("decimal") or marker.family in ("article", "section", "identifier"):
        return marker.label
    return frame.clause + marker.label


# ---------------------------------------------------------------- the segmenter


@dataclass(slots=True)
class _Prepared:
    """What can be known of a unit before reading it in order."""

    marker: _Marker | None
    title: str  # inline clause title ("7.1 Warranty. ...") or ""
    body_start: int
    spans: list[tuple[int, int]] = field(default_factory=list)
    heading: bool = False  # a sentence-case heading, told by what follows it
    before_contents: bool = False  # contents entries with dot leaders come next
    in_list_run: bool = False  # a numbered item next to its sibling: no heading


# "A6 Yes. The heat pump option ...": an answer after its number, not a clause title
_ANSWER_WORDS = frozenset(
    ["yes", "no", "agreed", "confirmed", "correct", "noted", "ok", "okay", "understood"]
)


def _ends_in_abbreviation(phrase: str) -> bool:
    """ "Acme Kft." or "No." is a name or a number sign, not a run-in clause title."""
    words = phrase.split()
    if not words:  # a dot leader to sign on ("Signed: ......") leaves no word
        return False
    last = words[-1].lower()
    return last in word_list("abbreviations") or last in word_list("abbreviations_final")


_BARE_CLAUSE_NUMBER = re.compile(r"^(?P<num>\d{1,2})\s+(?=[A-Z])")


def _number_before_run_in_title(text: str) -> _Marker | None:
    """ "8 Recall. If Ingredients ..." : a clause number without its dot, told by the title.

    A bare number is a quantity as often as a clause number ("8 Units ..."), so
    it counts only before a run-in title in Title Case ended by a full stop and
    followed by the clause's text.
    """
    bare = _BARE_CLAUSE_NUMBER.match(text)
    if bare is None:
        return None
    title = _INLINE_TITLE.match(text[bare.end() :])
    if (
        title is None
        or bare.end() + title.end() >= len(text)
        or _ends_in_abbreviation(title["title"])
        or _CUE_WORDS.search(title["title"])
    ):
        return None
    return _Marker(bare["num"], "number", bare["num"], bare.end())


def _sentence_case_title(text: str, marker: _Marker | None) -> re.Match[str] | None:
    """A run-in title in sentence case after a clause number ("6. Dangerous goods.")."""
    if marker is None or not (
        marker.family in ("number", "identifier") or marker.family.startswith("decimal")
    ):
        return None
    match = _SENTENCE_CASE_TITLE.match(text)
    if match is None or _NOT_IN_TITLES.intersection(match["title"].lower().split()[1:]):
        return None
    return match


# "240 µm³": a unit after its number, a small digit raised after it by the layout (a
# note's mark, or the unit's power); "12 m³" typed as such stays a power
_UNIT_WITH_MARK = re.compile(
    rf"\d\s?[kcdmµμn]?m(?P<mark>{RAISED_AFTER_UNIT}(?P<digits>[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,2}}))(?![\w/])"
)


def _pages_of(unit: _Unit) -> set[int | None]:
    return {block.page for block in unit.blocks}


def _prepare(
    unit: _Unit,
    identifiers: frozenset[str] = frozenset(),
    row_identifiers: frozenset[str] = frozenset(),
    quoted_identifiers: frozenset[str] = frozenset(),
    capitals_listed: bool = True,
) -> _Prepared:
    """``identifiers``: the prefixes of the document's identifier series ("SR", "IS-");
    ``row_identifiers``: those that number its table rows ("VHG-REQ-", "D", "TOM-");
    ``capitals_listed``: "A.", "B." open items of a list in it (else they are initials)."""
    text = unit.text
    if unit.kind == "table_row" and unit.blocks[0].style == "clause":
        return _clause_row(text)
    if unit.kind == "table_row" and row_identifiers:
        # a requirements matrix's "VHG-REQ-001: Service (Requirement: ...)": the row's id
        # is its clause, kept in its text too (an IT services walk's compliance list had
        # no clause to cite the customer's 40 requirements by)
        return _Prepared(_identifier_marker(unit.text, row_identifiers), "", 0)
    if unit.kind in ("table_row", "paragraph") and (regulation := _REGULATION_CLAUSE.match(text)):
        # a clause list's "52.204-21: Basic Safeguarding ... (NOV 2021)": the FAR or DFARS
        # clause's number is the row's clause, kept in its text (a federal walk's compliance
        # list had no clause to cite 57 such rows by)
        number = regulation["num"]
        return _Prepared(_Marker(number, "identifier", number, regulation.end()), "", 0)
    if unit.kind == "quoted" and quoted_identifiers:
        found = _identifier_marker(text, quoted_identifiers)
        return _Prepared(found, "", found.end if found else 0)
    if unit.kind in ("table_row", "quoted", "signature", "heading"):
        return _Prepared(None, "", 0)
    if unit.blocks[0].style == "footnote":
        mark = FOOTNOTE_MARK.match(text)
        return _Prepared(None, "", mark.end() if mark else 0)
    marker = (
        _find_marker(text)
        or _number_before_run_in_title(text)
        or _identifier_marker(text, identifiers)
    )
    if marker is not None and not capitals_listed and _CAPITAL_DOT.match(text):
        marker = None  # a person's initial: "D. Foyle presented ..."
    start = marker.end if marker else 0
    title = ""
    if marker is None or marker.family != "bullet":
        match = _INLINE_TITLE.match(text[start:]) or _sentence_case_title(text[start:], marker)
        if match:
            candidate = match["title"]
            numbered = marker is not None
            if (
                # a title in capitals without a number stays short: "THE PROPOSED PROGRAM
                # IS SUBJECT TO GOVERNMENT APPROVAL." is a sentence
                (
                    numbered
                    or (candidate.isupper() and len(candidate) > 3 and len(candidate.split()) <= 6)
                )
                and not _ends_in_abbreviation(candidate)
                and candidate.lower() not in _ANSWER_WORDS
                and not _CUE_WORDS.search(candidate)  # "THE SUPPLIER SHALL PAY." is a sentence
                and not (numbered and _INSTRUCTION.match(candidate) and not candidate.isupper())
            ):
                title = candidate
                start += match.end()
    return _Prepared(marker, title, start)


def _clause_row(text: str) -> _Prepared:
    """A matrix row the reader found to repeat a clause ("3.1.2.1 The net ... (Method: T)"):
    its number is the clause, the rest its text."""
    marker = _find_marker(text) or _identifier_marker(text, None)
    if marker is None or marker.family == "bullet":
        return _Prepared(None, "", 0)
    return _Prepared(marker, "", marker.end)


class _Segmenter:
    """Reads units in order, keeping the section, open lead-ins and sign-off state."""

    def __init__(self, cover: set[int] | None = None) -> None:
        self.cover = cover or set()  # the cover page's lines (``id`` of their units)
        self.row_group = ""  # "4.1." while a bill's group row heads its items
        self.drafts: list[_Draft] = []
        self.section = ""
        self.part = ""  # the schedule, annex or appendix being read, named by its heading
        self.clause_section = ""
        self.before_caption: tuple[str, str] | None = None  # the section a caption interrupted
        self.frames: list[_Frame] = []
        self.in_signoff = False
        self.item_section = ""  # the label lead-in over the current item, if any
        self.started = False  # a statement or heading was read (the first line may be a title)
        self.in_contents = False  # reading a table of contents: its lines are no statements
        self.leader_entries = 0  # its entries with dot leaders so far
        self.previous: _Unit | None = None  # the unit read last
        self.lead_frame: _Frame | None = None  # the lead-in over the item being read
        # the numbered clause read last ("1.1"), parent of "(a)" items right after it that
        # no lead-in ending in ":" holds; a heading or a paragraph of its own ends it
        self.numbered_clause = ""
        self.table_clause = ""  # the numbered clause right over the table being read
        self.title_clause = ""  # the number of a numbered title over plain text's sentences
        self.quoted_clause = ""  # the id over quoted lines ("CQ-02"), as in the mail quoted
        self.notes_read: dict[str, int] = {}  # a note's mark: the drafts read before it

    # -- output

    def emit(self, text: str, unit: _Unit, start: int, end: int, clause: str) -> None:
        text = text.strip()
        if _keep(text):
            section = self.item_section or self.clause_section or self.section
            self.drafts.append(_Draft(text, unit, start, end, clause, section))

    def close_frames(self, keep: int = 0) -> None:
        while len(self.frames) > keep:
            frame = self.frames.pop()
            if not frame.used and frame.pending is not None and _keep(frame.pending.text):
                self.drafts.append(frame.pending)

    def keep_lead(self) -> None:
        """The lead-in as a statement of its own, when an item stands alone without it.

        ("9.1 The maximum liability ... will be [***], provided however that:"
        over "9.1.1 The Liability Cap will not apply to ..."): its words are in
        no item, so without this they would be lost.
        """
        frame = self.lead_frame
        if frame is None or frame.pending is None:
            return
        if (
            _says_something(frame.text)
            or _announces_points(frame.text)
            or len(frame.text.split()) >= _LEAD_WORDS_KEPT
        ):
            if _keep(frame.pending.text):
                self.drafts.append(frame.pending)
                frame.kept = True
            frame.pending = None

    def set_heading(self, text: str) -> None:
        self.close_frames()
        if _CAPTION.match(text):
            # "Table 1 - Component requirements" heads its rows only: the clauses after
            # the table are the section's before it (an automotive walk found 3.2 to 3.7
            # under the caption of the table in 3.1)
            if self.before_caption is None:
                self.before_caption = (self.section, self.clause_section)
        else:
            self.before_caption = None
        if self.part and (_find_marker(text) is not None or _CAPTION.match(text)):
            # "SCHEDULE 2 - SERVICE LEVELS / 1. Availability": the schedule's clause 1.1
            # told from the agreement's own 1.1 (an IT walk's register could not)
            self.section = f"{self.part} / {text}"
        else:
            # a heading unnumbered ("SIGNATURES", a quoted mail's subject) ends the part
            self.part = text if _PART_HEADING.match(text) else ""
            self.section = text
        self.clause_section = ""
        self.numbered_clause = ""
        self.quoted_clause = ""
        self.title_clause = ""

    def end_caption(self) -> None:
        """After a caption's table: back to the section the caption interrupted."""
        self.row_group = ""
        if self.before_caption is not None:
            self.section, self.clause_section = self.before_caption
            self.before_caption = None

    # -- lists

    def frame_for(self, marker: _Marker, level: int, fragment: bool = False) -> _Frame | None:
        """The open lead-in this marker continues, closing the ones it ends.

        ``fragment``: the item's text starts in lower case (it cannot stand alone).
        A sub-list ("(i)" after "(b)", "(a)" after "2.") under the current item
        opens a frame of its own, so "(b)(i)" keeps the lead-in of "(b)".
        """
        while self.frames:
            top = self.frames[-1]
            family = _resolve(marker, top)
            if top.implicit:
                accepted = top.item_family in ("", family) and level > top.level and fragment
            elif top.item_family:
                accepted = family == top.item_family
                if not accepted and (top.item_family, family, marker.value) in _SUB_LISTS:
                    sub = _Frame(
                        top.text,
                        top.clause + f"({top.last_value})",
                        top.item_family,
                        top.level,
                        None,
                        family,
                        marker.value,
                        True,
                        top.label,
                    )
                    self.frames.append(sub)
                    return sub
            else:
                accepted = family != top.owner_family or (family == "bullet" and level > top.level)
            if accepted:
                top.item_family = family
                top.last_value = marker.value
                top.used = True
                return top
            self.close_frames(len(self.frames) - 1)
        return None

    # -- units

    def read(self, unit: _Unit, prepared: _Prepared) -> None:
        self.read_unit(unit, prepared)
        self.previous = unit

    def read_unit(self, unit: _Unit, prepared: _Prepared) -> None:
        kind, text = unit.kind, unit.text
        if kind == "signature" or not text:
            return
        if id(unit) in self.cover:
            # the cover's title heads what follows; its other lines are furniture
            if not self.started and (kind == "heading" or _is_title_line(unit, prepared)):
                self.started = True
                self.set_heading(text)
            return
        if _CONTENTS_HEADING.match(text):
            self.in_contents, self.leader_entries = True, 0
            return
        if self.in_contents:
            if self.contents_go_on(text, prepared):
                return
            self.in_contents = False
        if _is_placeholder(text):
            return  # "1.7 INTENTIONALLY LEFT BLANK": neither a heading nor a statement
        if _BLANK_TO_FILL.match(text) or _SIGNED_FIELD.match(text):
            return  # "Signature ..........", "Date ______": a form's blank, no statement
        if _MINUTE_TAKER.match(text):
            return  # "Minutes: M. Okafor" under the minutes: who wrote them, a sign-off
        if kind == "heading":
            if _is_contact_line(text) or _CLAUSE_LIST_COLUMNS.match(text):
                return
            if self.in_signoff and _is_company_name(text):
                return  # "HARBOUR INSTRUMENTS LTD NORDIC SENSORS AB" over two signatures
            self.started = True
            self.in_signoff = False
            if _is_value_field(text):
                # "Total order value: EUR 1,051,720.00 (excl. VAT)" set in bold under an
                # order's lines: a field, not the section of the terms after it (a
                # pharmaceutical walk's special instruction sat under it)
                self.close_frames()
                self.emit(text, unit, 0, len(text), "")
                return
            self.set_heading(text)
            marker = _find_marker(text) if unit.blocks[0].style == "numbered title" else None
            if marker is not None and (marker.family == "number" or "decimal" in marker.family):
                # plain text's "2. Control plan" over its sentences: clause 2 as well
                self.title_clause = marker.label
            return
        if kind != "table_row" and unit.blocks[0].style not in _TABLE_ROW_STYLES:
            self.end_caption()
        if self.previous is not None and self.previous.kind == "table_row" and _is_caption(unit):
            # a caption under its table ("Table 2 - Response and resolution times", as
            # Word sets them): no statement, nor the section of the clauses after it
            self.close_frames()
            return
        if kind == "table_row" and _is_revision_row(text):
            return  # document control, like a running header: what changed is in the text
        if kind == "table_row" and prepared.heading:
            # heads its group's rows as a caption does: the text after the table is back
            # under the section the table stood in
            self.close_frames()
            if self.before_caption is None:
                self.before_caption = (self.section, self.clause_section)
            self.section, self.clause_section = text, ""
            self.row_group = text.split(":", 1)[0].rstrip(".") + "."
            return
        if kind == "table_row" and self.row_group and not text.startswith(self.row_group):
            # a row outside the group ("Subtotal carried to Form of Tender", or a group row
            # with no item under it) is back under the table's own section
            self.end_caption()
        if kind == "table_row" and (
            _opens_signature_row(text) or (self.in_signoff and _is_signature_line(text))
        ):
            # a borderless table of signature blocks side by side ("Signed for and on
            # behalf of A" | "... of B", then "Name: Helen Marsh" | "Name: Ruth Bell"):
            # no statements, as the same blocks set as paragraphs give none
            self.close_frames()
            self.in_signoff = True
            last = self.drafts[-1] if self.drafts else None
            if (
                last is not None
                and last.unit is self.previous
                and all(_is_party_line(name) for name in re.split(r"[:;]\s+", last.text))
            ):
                self.drafts.pop()  # "KESTREL LTD | BRIGHTWAVE LTD" above the blocks
            return
        if kind == "table_row":
            self.in_signoff = False
            self.close_frames()
            # a row of its own number keeps it; else the rows of a table right under a
            # numbered clause ("2.1 ... the times in Table 2") are that clause's
            previous = self.previous
            if previous is None or previous.kind != "table_row":
                table_styled = (
                    previous is not None and previous.blocks[0].style in _TABLE_ROW_STYLES
                )
                self.table_clause = "" if table_styled else self.numbered_clause
            clause = prepared.marker.label if prepared.marker else self.table_clause
            self.emit(text[prepared.body_start :], unit, prepared.body_start, len(text), clause)
            return
        raw = "\n".join(block.text for block in unit.blocks)
        if (
            self.in_signoff
            and unit.blocks[0].style == "field"
            and not _CONTACT_LABEL_FIRST.match(raw)
        ):
            # a purchase order's fields under its letterhead's address ("PO Number",
            # "Ship To", "Supplier: <address>") are the order's, not the address's
            self.in_signoff = False
        if self.in_signoff and kind != "quoted":
            if _is_signature_line(raw):
                return
            self.in_signoff = False
        if kind == "quoted":
            self.close_frames()
            if prepared.marker is not None:
                self.quoted_clause = prepared.marker.label
            for start, end in prepared.spans:
                self.emit(text[start:end], unit, start, end, self.quoted_clause)
            return
        # a form's date in bold is a field; a signature's date comes after names
        form_date = _DATE_FIELD.match(raw) and unit.blocks[0].style == "field"
        if (
            _DATE_FIELD.match(raw)
            and not form_date
            and len(_lines(raw)) == 1
            and _has_digit(raw)
            and not any(draft.clause for draft in self.drafts)
        ):
            # "Date: 02.03.2027" on a line of its own over an ECN's "Affected item: ...",
            # before any numbered clause: the document's date, no statement (two mails'
            # attachments "differed" by it), and no signature dropping the fields after it;
            # the text has started, so the field after it is no title (a re-walk's form
            # opening with its date had "Originator: ..." as the section of everything)
            self.close_frames()
            self.started = True
            return
        # a subject line on its own, after no sign-off or mail header: a form's or a
        # letter's field (a re-walk's notice lost "Subject: Commissioning")
        subject_field = _SUBJECT_FIELD.match(raw) and len(_lines(raw)) == 1
        if _is_signature_block(raw) and not form_date and not subject_field:
            self.close_frames()
            self.in_signoff = True
            last = self.drafts[-1] if self.drafts else None
            if last is not None and last.unit is self.previous and _is_party_line(last.text):
                self.drafts.pop()  # "ACME CORP., a Delaware corporation" above "By: ..."
            return
        if not self.started and _is_title_line(unit, prepared):
            self.started = True
            self.set_heading(text)
            return
        self.started = True
        if unit.blocks[0].style == "footnote":
            self.read_footnote(unit, prepared)
            return
        self.read_clause(unit, prepared)
        if _WITNESS.match(text):
            self.in_signoff = True

    def read_footnote(self, unit: _Unit, prepared: _Prepared) -> None:
        """A footnote's sentences under the clause and section of the statement that
        carries its mark ("... EN ISO 3095¹." in 3.1.6.3), without the mark.

        That statement is the last one carrying the mark since the previous note with
        the same mark (notes numbered again on each page), wherever the note stands: at
        the page's foot or at the end of its section, pages on. None found, the note
        stays where it stands, with no clause.
        """
        self.close_frames()
        mark = unit.text[: prepared.body_start].strip()
        clause, section = "", self.item_section or self.clause_section or self.section
        marked = self.marked_by(mark, unit.page) if mark else None
        if marked is not None:
            clause, section = marked.clause, marked.section
        self.notes_read[mark] = len(self.drafts)
        for start, end in prepared.spans:
            text = unit.text[start:end].strip()
            if _keep(text):
                self.drafts.append(_Draft(text, unit, start, end, clause, section))

    def marked_by(self, mark: str, page: int | None) -> _Draft | None:
        """The statement carrying a note's mark raised, read since the last note so marked.

        A small digit the layout found raised after a unit ("240 µm" and a raised "3") is
        the note's mark when no other statement carries it and the unit is on the note's
        page or the one before: it is taken out of the text, which read "µm³" (cubic
        micrometres) for a coat's "240 µm". Else it stays the unit's power ("12 m³").
        """
        since = self.drafts[self.notes_read.get(mark, 0) :]
        reference = footnote_reference(mark)
        for draft in reversed(since):
            if reference.search(draft.text):
                return draft
        raised = mark.translate(SUPERSCRIPT_DIGITS)
        pages = {page, page - 1} if page else {page}
        for draft in reversed(since):
            if not pages & _pages_of(draft.unit):
                continue
            for power in _UNIT_WITH_MARK.finditer(draft.text):
                if power["digits"] == raised:
                    draft.text = draft.text[: power.start("mark")] + draft.text[power.end("mark") :]
                    return draft
        return None

    def contents_go_on(self, text: str, prepared: _Prepared) -> bool:
        """Is ``text`` still a line of the table of contents being read?

        A short line followed by entries with dot leaders (a running header
        left in over the next contents page, "Contents (continued)") is. Once
        the entries have dot leaders, a line without one ends them: "The fleet
        comprises 24 units" after the last entry is a clause, not "... 24".
        """
        if _is_leader_entry(text):
            self.leader_entries += 1
            return True
        if prepared.before_contents and _is_page_label(text):
            return True
        if self.leader_entries >= 2:
            return text.lower() == "page"
        return _is_contents_line(text)

    def read_clause(self, unit: _Unit, prepared: _Prepared) -> None:
        text, marker = unit.text, prepared.marker
        level = unit.blocks[0].level
        frame: _Frame | None = None
        body = text[prepared.body_start :]
        fragment, label = body[:1].islower(), False
        if marker is not None or unit.kind == "list_item":
            frame = self.frame_for(marker or _Marker("", "bullet", "", 0), level, fragment)
        elif self.defines_under_lead(body):
            # '"Incident" means ...' under "1.1 In this Agreement the following definitions
            # apply:", set as plain paragraphs: each a statement of its own, in 1.1
            # the lead-ins around it ("NOW, THEREFORE, ... agree as follows:" over "1.") end
            # here, as they did when a definition closed every frame: left open, clause "2."
            # became their item, lost its run-in title and took their text (an EDGAR
            # agreement's clause 7 read "NOW, THEREFORE, ...")
            del self.frames[:-1]
            top = self.frames[-1]
            if top.pending is not None and _keep(top.pending.text):
                self.drafts.append(top.pending)  # the lead-in first, as written
                top.kept = True
            top.pending, top.used, top.item_family = None, True, "definition"
            self.read_body(unit, prepared, top.clause, "", None)
            return
        else:
            self.close_frames()
        if frame is None:
            # "Incoterms: DAP Minneapolis, MN" (a bold label), "Carrier: Harwick Ltd"
            # a mail's "Priya -" over its first sentence is a greeting, no heading either
            field = unit.blocks[0].style in ("field", "greeting") or _is_field_text(text)
            heading_like = (
                (_looks_like_heading(text) or prepared.heading)
                and not field
                and not prepared.in_list_run
                and (
                    unit.kind != "list_item"
                    or (marker is not None and marker.family not in ("bullet", "alpha", "roman"))
                )
            )
            if prepared.title and not body and marker is not None and marker.family in _SUB_ITEMS:
                # "(a) Definitions." over its paragraphs: the title of one sub-clause,
                # ended by its sibling "(b) ...", not the section of all that follows
                self.close_frames()
                self.clause_section = text.rstrip(".")
                return
            if heading_like or (prepared.title and not body):
                self.set_heading(text.rstrip("."))
                return
            if marker is not None and marker.family != "bullet":
                self.clause_section = prepared.title
            clause, prefix = (marker.label if marker else self.title_clause), ""
            if marker is None:
                self.numbered_clause = ""  # a paragraph of its own between: no longer sure
            elif marker.family.startswith("decimal"):
                self.numbered_clause = marker.label
            elif (
                marker.family in _SUB_ITEMS
                and marker.label.startswith("(")
                and self.numbered_clause
            ):
                # "1.1 ... the meanings given below." then "(a) "Batch" means ...": a
                # pharmaceutical walk's definitions were all clause "(a)"-"(e)", as were
                # 3.1's, so the compliance list could not tell them apart
                clause = self.numbered_clause + marker.label
        else:
            clause = _chain_clause(frame, marker or _Marker("", "bullet", "", 0))
            label = frame.label and not fragment  # a fragment still needs its lead-in
            prefix = "" if label else frame.text
            if prepared.title and not body:
                body = prepared.title
        self.item_section = frame.text if frame is not None and label else ""
        self.lead_frame = frame if prefix else None
        self.read_body(unit, prepared, clause, prefix, marker)
        self.item_section = ""
        self.lead_frame = None

    def defines_under_lead(self, body: str) -> bool:
        """A definition with no marker of its own, under an open numbered lead-in ending
        in a colon (its list of definitions)."""
        if not self.frames or _DEFINITION.match(body) is None:
            return False
        top = self.frames[-1]
        return (
            not top.implicit
            and bool(top.clause)
            and top.item_family in ("", "definition")
            and all(frame.used for frame in self.frames[:-1])
        )

    def read_body(
        self,
        unit: _Unit,
        prepared: _Prepared,
        clause: str,
        prefix: str,
        marker: _Marker | None,
    ) -> None:
        text, offset = unit.text, prepared.body_start
        spans = prepared.spans
        if not spans and offset < len(text):
            spans = [(offset, len(text))]
        if not spans and prepared.title:  # an item that is only a title: "(a) Location."
            self.emit(_join(prefix, prepared.title), unit, 0, len(text), clause)
            return
        inline = _inline_items(text[offset:])
        if inline is not None:
            self.read_inline(unit, prepared, clause, prefix, inline)
            return
        lead: tuple[int, int] | None = None
        if spans and text[spans[-1][0] : spans[-1][1]].rstrip().endswith(":"):
            candidate = text[spans[-1][0] : spans[-1][1]]
            if len(candidate.split()) >= 2 and not _is_contact_line(candidate):
                lead = spans[-1]
                spans = spans[:-1]
        for position, (start, end) in enumerate(spans):
            sentence = text[start:end]
            if position == 0 and prefix:
                frame = self.lead_frame
                announced = frame is not None and _announces_points(frame.text)
                # an earlier item stood alone: its siblings, shaped as sentences, do too (a
                # federal amendment's "f. Paragraph C.2.1 is revised accordingly ..." had
                # taken the lead-in that items a-e, each with a "shall", stood without)
                kept = frame is not None and (frame.kept or announced)
                siblings = frame is not None and frame.stood_alone and _has_verb(sentence)
                # "we need three more things from you:" over "1. all your admin must use
                # MFA ...": points announced stand alone, however tersely written
                if _stands_alone(sentence, kept or siblings) or (
                    announced and len(sentence.split()) >= 4
                ):
                    self.keep_lead()
                    if frame is not None:
                        frame.stood_alone = True
                else:
                    sentence = _join(prefix, sentence)
                    if self.lead_frame is not None:
                        self.lead_frame.pending = None  # its words are in this item now
            if lead is None and len(spans) == 1 and self.opens_sub_items(unit, sentence):
                section = self.item_section or self.clause_section or self.section
                draft = _Draft(sentence.strip(), unit, start, end, clause, section)
                owner = _resolve(marker, None) if marker else "bullet"
                level = unit.blocks[0].level
                self.frames.append(
                    _Frame(sentence.strip(), clause, owner, level, draft, implicit=True)
                )
                continue
            self.emit(sentence, unit, start, end, clause)
        if lead is not None:
            written = text[lead[0] : lead[1]].strip()
            # an item that is itself a lead-in ("Section 3.6 ... is hereby deleted and
            # replaced with the following:") under words announcing the items
            frame = self.lead_frame
            if prefix and not spans and frame is not None and _announces_points(frame.text):
                self.keep_lead()
                prefix = ""
            joined = prefix and not spans
            own = _lead_text(written)
            self.frames.append(
                _Frame(
                    text=f"{prefix} {own}".strip() if joined else own,
                    clause=clause,
                    owner_family=_resolve(marker, None) if marker else "",
                    level=unit.blocks[0].level,
                    pending=_Draft(
                        f"{prefix} {written}".strip() if joined else written,
                        unit,
                        lead[0],
                        lead[1],
                        clause,
                        self.item_section or self.clause_section or self.section,
                    ),
                    label=not prefix and _is_label(_LEAD_TAIL.sub("", written)),
                )
            )

    @staticmethod
    def opens_sub_items(unit: _Unit, sentence: str) -> bool:
        """An unpunctuated list item may lead deeper items ("send the PPAP package" +
        "- including the control plan"); it waits as an implicit lead-in."""
        text = sentence.strip()
        return unit.kind == "list_item" and _keep(text) and text[-1:] not in ".!?;:,"

    def read_inline(
        self,
        unit: _Unit,
        prepared: _Prepared,
        clause: str,
        prefix: str,
        inline: tuple[int, list[tuple[int, int, str]]],
    ) -> None:
        text, offset = unit.text, prepared.body_start
        colon, items = inline
        colon += offset
        spans = prepared.spans or [(offset, len(text))]
        lead_start = offset
        for position, (start, end) in enumerate(spans):
            if end > colon:
                lead_start = start
                break
            sentence = text[start:end]
            if position == 0 and prefix:
                sentence = _join(prefix, sentence)
            self.emit(sentence, unit, start, end, clause)
        lead = _lead_text(text[lead_start:colon])
        if prefix and lead_start == offset:
            lead = f"{prefix} {lead}"
        starts = sorted(start for start, _ in spans)
        for item_start, item_end, value in items:
            item_start += offset
            item_end += offset
            label = f"({value})"
            cuts = [item_start] + [s for s in starts if item_start < s < item_end] + [item_end]
            for position in range(len(cuts) - 1):
                start, end = cuts[position], cuts[position + 1]
                piece = text[start:end].strip()
                if position == 0:
                    piece = _join(lead, piece)
                self.emit(piece, unit, start, end, clause + label)


_SIGN_OFF = re.compile(
    r"^(?i:(?:best|kind|warm|warmest)\s+regards|regards|sincerely(?:\s+yours)?|yours\s+"
    r"(?:sincerely|faithfully|truly)|best(?:\s+wishes)?|many\s+thanks|thanks|thank\s+you|cheers"
    r"|thx|thnx)"
    r"\s*,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}$"
    # "thx D", "Thanks Tom", "Regards Chidi": a terse mail's closing and name, no comma
    # (construction and machined-parts walks); "Best Available Techniques" keeps its heading
    r"|^(?i:thx|thnx|thanks|cheers|(?:(?:best|kind|warm)\s+)?regards|br)"
    r"\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}$"
)


_BARE_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s+(?=[A-Z])")
_GREETING = re.compile(r"^(?:dear|hi|hello|hey|good\s+(?:morning|afternoon))\b", re.I)
# "Hi Wei," / "Dear Ms Berg:" / "Hello all -" on a line of its own
_SALUTATION = re.compile(
    r"(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening)|"
    r"sehr\s+geehrte[rn]?|liebe[rn]?|hallo|guten\s+(?:tag|morgen|abend)|"
    r"bonjour|cher|chère|chers|madame|monsieur|estimad[oa]s?|buongiorno|gentile)\b"
    r"(?:\s+[\w.'-]+){0,4}?\s*[,:!–—-]?"
    # "All," / "Team," / "Ladies and gentlemen,": whom it is to, a comma after it
    r"|(?:all|team|everyone|everybody|colleagues|gentlemen|ladies\s+and\s+gentlemen|folks"
    r"|tenderers|bidders)\s*[,:!]",
    re.IGNORECASE,
)


def is_salutation(text: str) -> bool:
    """True for a greeting alone ("Hi Wei,"): a statement of its own (LABELS.md: `none`),
    never the start of the paragraph after it.

    Joined to the e-mail's first paragraph, it read "Hi Wei, thanks for ...",
    and the confirmed requirement carried the greeting. A greeting inside a
    sentence ("Dear Ms Berg, please find ...") stays, as written.
    """
    return len(text) <= 60 and _SALUTATION.fullmatch(text.strip()) is not None


def _heads_what_follows(
    unit: _Unit, prepared: _Prepared, after: _Unit, following: _Prepared
) -> bool:
    """A heading in sentence case ("1. General provisions", "1 Supply of Products").

    Title Case and CAPITALS headings are known by their look alone; a short
    phrase in sentence case is only a heading by what comes after it: a
    numbered one ("1", "1.", "2.3") when its own sub-clauses follow ("1.1 ...")
    or a full paragraph; an unnumbered one (paged input, one line, at most five
    words) when a full sentence or a decimal clause follows. A list of short
    items ("1. Steel bars" / "2. Copper wire") is followed by its siblings, not
    by sub-clauses, and stays a list.
    """
    if unit.kind not in ("paragraph", "list_item") or after.kind not in ("paragraph", "list_item"):
        return False
    marker, text = prepared.marker, unit.text
    if marker is not None and marker.family != "number" and not marker.family.startswith("decimal"):
        return False
    number = marker.value if marker else ""
    body = text[marker.end :] if marker else text
    bare = None if marker else _BARE_NUMBER.match(body)
    if bare:
        number, body = bare.group().strip(), body[bare.end() :]
    words = body.split()
    if not 1 <= len(words) <= 6 or len(body) > 60 or not body[:1].isupper():
        return False
    if number and body.endswith(".") and not body.endswith(".."):
        body = body[:-1]  # "4 Intellectual Property." over "4.1 ...": a run-in title alone
    if body[-1] in ".!?:;" or "," in body or _CUE_WORDS.search(body) or _GREETING.match(body):
        return False
    if _INSTRUCTION.match(body):
        return False
    if any(ch.isdigit() for ch in body) or not any(ch.islower() for ch in body):
        return False
    next_marker = following.marker
    sentence_follows = (
        next_marker is None and len(after.text.split()) >= 8 and after.text[-1] in ".!?:;"
    )
    if number:
        if next_marker is not None and next_marker.family.startswith("decimal"):
            return next_marker.value.startswith(number.rstrip(".") + ".")
        return sentence_follows
    tops = [word.box.top for block in unit.blocks for word in block.words]
    one_line = len(unit.blocks) == 1 and bool(tops) and max(tops) - min(tops) < 3
    subclause = next_marker is not None and next_marker.family.startswith("decimal")
    return (
        unit.page is not None and one_line and len(words) <= 5 and (sentence_follows or subclause)
    )


# a bill of quantities' group row: "4.1: Ventilation" over "4.1.1: AHU-01 ... (Qty: 1)"
_GROUP_ROW = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3})*)\.?:?\s+(?P<title>[^()\d]{2,60})$")


def _groups_rows_below(unit: _Unit, after: _Unit) -> bool:
    """A table row of a number and a short title alone whose next row is numbered under it
    heads the rows below: a construction walk's pricing schedule had "4.1: Ventilation"
    and "4.3: Electrical" as requirements (0.42, 0.32)."""
    if unit.kind != "table_row" or after.kind != "table_row":
        return False
    found = _GROUP_ROW.match(unit.text)
    return (
        found is not None
        and len(found["title"].split()) <= 6
        and after.text.startswith(found["number"] + ".")
    )


def _is_title_line(unit: _Unit, prepared: _Prepared) -> bool:
    """The document's first line, when it is a short unpunctuated phrase, is its title.

    ("Inspection requirements for quotation 4471" at the top of a one-page PDF.)
    """
    text = unit.text
    words = text.split()
    return (
        unit.kind == "paragraph"
        and unit.blocks[0].style != "field"
        and prepared.marker is None
        and len(prepared.spans) <= 1
        and 2 <= len(words) <= 10
        and text[:1].isupper()
        and text[-1] not in ".!?:;,"
        and words[-1].lower() not in _JOINING_WORDS
        and not _CUE_WORDS.search(text)
        and not _is_contact_line(text)
    )


def _keep(text: str) -> bool:
    """Drop empty, punctuation-only, page-furniture and one-word non-sentences.

    A closing alone or with a name ("Kind regards, Tom") is no statement either
    (a salutation such as "Hi Tom," is kept: it says who is addressed).
    """
    # no letter or digit outside links: "- - -", "------ http://www.arnet.gov/far/ ------"
    if not re.search(r"[^\W_]", _URL.sub("", text)) or _PAGE_FURNITURE.match(text):
        return False
    if _LABELLED_PAGE_NUMBER.match(text) and not _CUE_WORDS.search(text):
        return False
    if _PAGE_NOTICE.match(text) or _is_company_name(text) or _BARE_MARKERS.match(text):
        return False
    if _SIGN_OFF.match(text) or _CLOSING.match(text) or _is_blank_form_row(text):
        return False
    words = text.split()
    if len(words) >= 2:
        return True
    return text[-1] in ".!?" and text[:-1].isalpha() and len(text) > 2


def _is_blank_form_row(text: str) -> bool:
    """Two or more field labels with nothing after their colons; one alone may lead in a list,
    unless a dot leader or a rule follows it to write on ("For and on behalf of: ......")."""
    text = text.strip()
    blank = _RULE.sub("", text).strip()
    if len(text) > 160 or not blank.endswith(":"):
        return False
    labels = _FORM_LABEL.findall(blank)
    least = 1 if blank != text else 2
    if len(labels) < least or "".join(labels).replace(" ", "") != blank.replace(" ", ""):
        return False
    words = [word.casefold().strip(".:") for label in labels for word in label.split()]
    return all(len(label.split()) <= 5 for label in labels) and not _MODAL_WORDS & set(words)


def _capped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A span cut at spaces into pieces of at most ``MAX_STATEMENT_CHARS``.

    A file that is one 50 MB line would otherwise be one 50 MB statement, and
    labelling it took gigabytes; no reviewer can read such a statement either.
    """
    while end - start > MAX_STATEMENT_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_STATEMENT_CHARS)
        if cut <= start:
            cut = start + MAX_STATEMENT_CHARS
        yield start, cut
        start = cut
        while start < end and text[start] == " ":
            start += 1
    if start < end:
        yield start, end


def _siblings(unit: _Unit, prepared: _Prepared, after: _Unit, next_prepared: _Prepared) -> bool:
    """Two list items in a row, the second numbered next after the first ("1. Introductions"
    over "2. Contract scope and ..."): items of one list, not a heading over its text.

    A federal walk's mail listed its meeting agenda "1." to "6.": the odd items, short and
    in title case, were read as headings over the even ones.
    """
    marker, following = prepared.marker, next_prepared.marker
    return (
        unit.kind == after.kind == "list_item"
        and marker is not None
        and following is not None
        and marker.family == following.family == "number"
        and _follows(marker.value, following.value)
    )


_COVER_LINES_MIN = 3  # a cover page's title, parties, reference, date...
_COVER_WORDS = 12  # words of a cover line at most
_COVER_CENTRE = 0.05  # a centred line's middle this share of the page's width off its middle
_COVER_WIDTH = 0.7  # and it spans at most this share of the width (a full line is text)


def _centred(unit: _Unit, width: float) -> bool:
    """Every line of the unit centred on the page, none of them as wide as the text."""
    lines: list[list[Box]] = []
    for block in unit.blocks:
        for word in block.words:
            if not lines or word.box.x0 < lines[-1][-1].x0:  # back to the left: a new line
                lines.append([])
            lines[-1].append(word.box)
    if not lines or width <= 0:
        return False
    for boxes in lines:
        left, right = min(box.x0 for box in boxes), max(box.x1 for box in boxes)
        if abs((left + right - width) / 2) > _COVER_CENTRE * width:
            return False
        if right - left > _COVER_WIDTH * width:
            return False
    return True


def _is_cover_line(unit: _Unit, width: float) -> bool:
    """A cover page's line: short, centred and no sentence ("MASTER SUPPLY AGREEMENT",
    "and ARDENNE FLOW SYSTEMS LIMITED", "Execution version, 12 March 2026")."""
    text = unit.text
    return (
        unit.kind in ("paragraph", "heading")
        and len(text.split()) <= _COVER_WORDS
        and not _has_verb(text)
        and not _CUE_WORDS.search(text)
        and _centred(unit, width)
    )


def _cover_lines(document: Document, units: Sequence[_Unit]) -> set[int]:
    """The units (by ``id``) that are the lines of the document's cover page.

    A cover page opens the document with at least three short centred lines that are
    no sentences, read before the first clause, recital or any other text but a
    centred sentence ("This Agreement is made on ... between ...", which stays a
    statement).
    A master agreement's title page gave its subtitle, reference, "and <second party>"
    and date line as statements, and its first party's name became the section of the
    parties' clauses three pages on.
    """
    if not document.pages or not units or units[0].page is None:
        return set()
    first = document.pages[0]
    cover: set[int] = set()
    for unit in units:
        if _pages_of(unit) != {first.number}:
            break
        if unit.kind == "table_row":
            continue
        if _is_cover_line(unit, first.width):
            cover.add(id(unit))
        elif not (_is_sentence(unit.text) and _centred(unit, first.width)):
            break  # a clause, a recital, a field, text across the page: the cover has ended
    return cover if len(cover) >= _COVER_LINES_MIN else set()


def _is_sentence(text: str) -> bool:
    """A sentence, not a clause or recital: a verb, no clause number, not "WHEREAS"."""
    return (
        (_has_verb(text) or _CUE_WORDS.search(text) is not None)
        and _find_marker(text) is None
        and not _OPERATIVE_OPENER.match(text)
    )


def segment(document: Document) -> list[Statement]:
    """The statements of ``document`` in reading order (see the module docstring)."""
    units = [unit for unit in _units(document) if unit.text]
    identifiers = _identifier_series(
        unit.text for unit in units if unit.kind in ("paragraph", "list_item")
    )
    row_identifiers = _identifier_series(
        unit.text
        for unit in units
        if unit.kind == "table_row"
        and unit.blocks[0].style not in ("clause",)
        and _numbered_as_a_row(unit.text)
    )
    # "> CQ-02: Is the BESS capacity ...?" quoted in a reply: its id a clause as in the
    # mail it quotes, so the quote's text is the original's (an energy walk's quoted
    # questions were all "new or reworded", and "hide quoted text" kept them)
    quoted_identifiers = _identifier_series(unit.text for unit in units if unit.kind == "quoted")
    capitals_listed = _capitals_listed(
        unit.text for unit in units if unit.kind in ("paragraph", "list_item")
    )
    prepared = [
        _prepare(unit, identifiers, row_identifiers, quoted_identifiers, capitals_listed)
        for unit in units
    ]
    needs_split = [
        i for i, unit in enumerate(units) if unit.kind in ("paragraph", "list_item", "quoted")
    ]
    bodies = [units[i].text[prepared[i].body_start :] for i in needs_split]
    for i, spans in zip(needs_split, split_sentences(bodies), strict=True):
        offset = prepared[i].body_start
        prepared[i].spans = [
            piece
            for start, end in spans
            for piece in _capped(units[i].text, start + offset, end + offset)
        ]
        if len(prepared[i].spans) > 1 and is_clause_list_row(units[i].text):
            # "52.204-04 Printed or Copied Double-Sided on Recycled Paper. August 2000":
            # the title's full stop does not end the row
            prepared[i].spans = [(prepared[i].spans[0][0], prepared[i].spans[-1][1])]
    for i in range(len(units) - 1):
        prepared[i].heading = (
            _heads_what_follows(units[i], prepared[i], units[i + 1], prepared[i + 1])
            or _groups_rows_below(units[i], units[i + 1])
            # a caption over its table heads its rows (``set_heading``)
            or (_is_caption(units[i]) and units[i + 1].kind == "table_row")
        )
        prepared[i].before_contents = _is_leader_entry(units[i + 1].text)
        if _siblings(units[i], prepared[i], units[i + 1], prepared[i + 1]):
            prepared[i].in_list_run = prepared[i + 1].in_list_run = True
    segmenter = _Segmenter(_cover_lines(document, units))
    for unit, ready in zip(units, prepared, strict=True):
        segmenter.read(unit, ready)
    segmenter.close_frames()

    ocr_pages = {page.number for page in document.pages if page.ocr}
    finders: dict[int, _BoxFinder] = {}
    statements: list[Statement] = []
    for draft in segmenter.drafts:
        text = visible_text(draft.text)
        if not text.strip():
            continue  # nothing a reader could see
        unit = draft.unit
        finder = finders.get(id(unit))
        if finder is None:
            finder = finders[id(unit)] = _BoxFinder(unit)
        boxes = finder.boxes(draft.start, draft.end)
        statements.append(
            Statement(
                doc=document.path,
                sha256=document.sha256,
                index=len(statements),
                text=text,
                page=boxes[0].page if boxes else unit.page,
                boxes=boxes,
                clause=draft.clause,
                section=visible_text(draft.section),
                kind=unit.kind,
                ocr=any(block.ocr or block.page in ocr_pages for block in unit.blocks),
            )
        )
    return statements
