"""Statements that say nearly what an earlier one said, with another value: a reworded change.

In e-mail a requirement is never repeated with only its number changed: "We
need 500 frames" becomes "please make it 600 instead of 500", weld "quality
level C" becomes "level B", "drawing rev C" becomes "rev D". ISO 9001 8.2.3.1 e
asks for a review of exactly these. ``same_text.number_blind_key`` finds the
same sentence with other numbers; this module finds the reworded ones:

* **content words**: the statement lower-cased, without numbers, stop words
  and words under three letters, each cut to a crude stem ("frames" and
  "frame", "galvanised" and "galvanising" alike);
* **values**: what a change changes: numbers (1,000 and 1000 alike), months,
  Incoterms ("FCA", "DAP"), and a letter or short code after a word that
  grades or revises ("level C", "rev D", "class 2");
* two statements **match** when they share at least ``MIN_SHARED`` content
  words and the cosine of their word sets is at least ``MIN_COSINE``, or when
  both open with the same heading ("Coating: ...", "Delivery terms: ..."); a
  match is a **change** when the later one states a value the earlier one does
  not have.

Everything is computed from the text, so it is deterministic and needs no
model. The register keeps each candidate's content words (``candidate_words``)
to find the few earlier statements worth comparing, and the links found
(``reworded_links``), when a document is imported (``link_document``).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from extractor.normalising import NUMBER_WORDS, normalise, row_columns, row_item
from extractor.register.related import unrelated_documents
from extractor.register.tables import (
    KEYS_PER_QUERY,
    blind_keys_of,
    candidate_words,
    candidates,
    documents,
    documents_sharing,
    other_documents,
    reworded_links,
)

# Thresholds, measured on a customer e-mail thread and on our own document pairs
# (benchmarks/differs_accuracy.py); raise them and reworded changes are missed, lower
# them and requirements about other things that share words are flagged.
MIN_COSINE = 0.6
MIN_SHARED = 3
OTHER_HEADING_COSINE = 0.8  # statements under two headings are one changed only this alike
# A word in more than this many other statements finds too many to compare: it still
# counts in the cosine, but does not propose statements to compare.
MAX_POSTINGS = 1000
LINKS_PER_CANDIDATE = 3
MAX_WORD = 64

# a word or number, joined across ".,/+-" and a time's colon ("06:00", read as "06" and
# "00" it matched every other time of day)
_TOKEN = re.compile(r"[^\W_]+(?:(?:[.,/+\-]|(?<=\d):(?=\d))[^\W_]+)*\+?")
# "may" is a month only beside a number ("1 May", "May 2026"), else the modal verb
_BESIDE_NUMBER = re.compile(r"\s*\d")
_DIGIT = re.compile(r"\d")


def _set_of(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTHS = frozenset(_MONTH_NUMBERS)
_INCOTERMS = _set_of("exw fca fas fob cfr cif cpt cip dap dpu ddp dat ddu daf des deq")
# A word after which a letter or short code is a value: "level B", "rev D", "class 2".
_MARKERS = _set_of(
    "level rev revision class category cat grade type version issue edition index option"
    " variant stufe klasse kategorie ausgabe stand"
)
# Function words, modal and request words, what every requirement says (comply, provide,
# according to) and the names of standards bodies (their numbers are values).
_STOP_WORDS = _set_of(
    """
    the and for are but not you your our ours yours all any can has have had was were been
    being its it's this that these those with from into onto than then there their them they
    what which who whom whose when where why how will shall must may should would could might
    also only just very more most less such same other each every both either neither nor
    per via upon about above below after before between during under over again further
    please kindly note dear regards thanks thank hello here now still yet too own off out
    does did doing done make made get got need needs needed require requires required
    is be am an as at by if in of on or so to up we us me my he she his her him
    according accordance comply complies meet meets provide provided supplied ensure
    iso din iec astm ansi asme api nfpa
    der die das und oder für mit von vom zum zur den dem des ein eine einer einem eines ist
    sind wird werden bitte auf aus bei nach nicht auch als wie
    """
)
# Standards bodies: the number after one names a standard ("ISO 1461", "ISPM 15")
_STANDARD_BODIES = _set_of("iso din en iec astm ansi asme api nfpa ispm ipc mil sae jis bs ul")
_HEADING = re.compile(r"\s*([^\W\d_][^:;.!?]{1,40}?)\s*:\s+\S")
# Headings that name no topic: an e-mail header's "From:", "Please note:", "Update:".
_GENERIC_HEADINGS = _set_of(
    "note important remark attention subject re fw fwd update correction change changes hi"
    " hello dear summary from sent to cc date an von gesendet betreff"
) | {"please note"}
_NUMBER_NAMES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty"
)
_DIGITS_OF = {word: str(number) for number, word in enumerate(_NUMBER_NAMES.split())} | {
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "ninety": "90",
}
_NUMBER_TEXT = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


# An e-mail header quoted in a reply ("From: ... Sent: ... To: ..."): names and dates, no
# requirement; two of these labels make one.
_MAIL_HEADER = re.compile(r"\b(?:from|sent|to|cc|subject|von|gesendet|an|betreff|date):\s")
# A part or document number ("NW-4471-210"): two statements naming different ones are
# about different things, however alike their words (two rows of one order).
_PART_NUMBER = re.compile(r"^[a-z]{1,6}(?:-[a-z]{1,6})?-\d{2,}(?:-\d+)*$")


@dataclass(frozen=True, slots=True)
class Wording:
    """What a statement says, for finding it reworded: its content words and values."""

    words: frozenset[str]
    values: frozenset[str]
    heading: str = ""
    # each two words in a row, small words too ("shall be", "of the saloon"): how it is
    # phrased, which tells a clause said again from a table row holding its words
    pairs: frozenset[str] = frozenset()
    # the id a row opens with ("D4: Go-live readiness report ...", "TOM-3 ..."): the row
    row_key: str = ""
    # the line or CLIN number a row opens with ("0003: Surge Maintenance ..."): no id of its
    # own, as a mail may number the order's lines anew, but a row of that line
    line: str = ""
    # a table row's columns as the readers write them, "(Name: value)", each (name, value),
    # after the text before them (name ""); empty for a statement of fewer than two
    columns: tuple[tuple[str, str], ...] = ()
    # the values that write a day ("1", "may", "2026" and "2026-05-01" of "1 May 2026")
    date_parts: frozenset[str] = frozenset()
    # the days it names, (year or 0, month, day), as a limit ("before 1 May", "by 1 May",
    # "no later than ...") and otherwise
    deadlines: tuple[tuple[int, int, int], ...] = ()
    days: tuple[tuple[int, int, int], ...] = ()

    @property
    def parts(self) -> frozenset[str]:
        return frozenset(value for value in self.values if _PART_NUMBER.match(value))

    @property
    def kinds(self) -> dict[str, str]:
        """Each value's kind: a standard's number, a code after "level" or "rev", or else
        any value. "ISPM 15" in one statement and "10 frames" in the other are no change
        of one value: a change puts a value where one of the same kind stood."""
        return {value: _value_kind(value) for value in self.values}


def _value_kind(value: str) -> str:
    head = value.split(" ", 1)[0]
    if " " in value and head in _STANDARD_BODIES:
        return "standard"
    if " " in value and head in _MARKERS:
        return head
    return "value"


def _stem(word: str) -> str:
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _number(token: str) -> str:
    """ "1,000" and "1000", "412.00" and "412" alike."""
    if _NUMBER_TEXT.match(token):
        token = token.replace(",", "")
    if re.fullmatch(r"\d+\.0+", token):
        token = token.split(".", 1)[0]
    return token


def _minus(text: str, start: int) -> str:
    """ "-" for a number written negative ("from -40 °C"), which "+40" must not equal; not
    for the dash of a range or list ("10 - 12", "item-4")."""
    if start and text[start - 1] in "-\u2212" and (start == 1 or not text[start - 2].isalnum()):
        return "-"
    return ""


def wording(text: str) -> Wording:
    """The content words and values of ``text`` (see the module's docstring)."""
    plain = normalise(text)
    if len(_MAIL_HEADER.findall(plain)) >= 2:
        return Wording(frozenset(), frozenset())
    words: set[str] = set()
    values: set[str] = set()
    pairs: set[str] = set()
    previous = ""
    for match in _TOKEN.finditer(plain):
        token = match.group()
        if previous and not _DIGIT.search(token + previous):
            pairs.add(f"{previous} {token}")
        if _DIGIT.search(token):
            number = _minus(plain, match.start()) + _number(token)
            values.add(f"{previous} {number}" if previous in _STANDARD_BODIES else number)
        elif token in _DIGITS_OF:  # "thirty days" is "30 days"
            values.add(_DIGITS_OF[token])
        elif token == "may" and not (
            _DIGIT.search(previous) or _BESIDE_NUMBER.match(plain, match.end())
        ):
            pass  # "tank trucks ... may be refused"
        elif token in _INCOTERMS or token in _MONTHS or token in NUMBER_WORDS:
            values.add(token)
        elif previous in _MARKERS and len(token) <= 2:
            values.add(f"{previous} {token}")
        elif len(token) >= 3 and token not in _STOP_WORDS:
            words.add(_stem(token)[:MAX_WORD])
            if "-" in token:  # "same-day dispatch" says "day" as "dispatched the same day" does
                words.update(
                    _stem(part)[:MAX_WORD]
                    for part in token.split("-")
                    if len(part) >= 3 and part not in _STOP_WORDS
                )
        previous = token
    values.update(_iso_dates(plain))
    heading = ""
    found = _HEADING.match(plain)
    if found and len(found.group(1).split()) <= 4 and found.group(1) not in _GENERIC_HEADINGS:
        heading = found.group(1)
    key = _ROW_KEY.match(plain)
    item = row_item(plain)
    date_parts, deadlines, days = _days(plain, values)
    return Wording(
        frozenset(words),
        frozenset(values),
        heading,
        frozenset(pairs),
        key.group(1) if key else "",
        item if item.isdigit() else "",
        _columns(plain) if "(" in plain and ": " in plain else (),
        date_parts,
        deadlines,
        days,
    )


# "12. First Submission": a form's numbered box is named without its number
_BOX_NUMBER = re.compile(r"^\d{1,3}[a-z]?\.\s*")


def _columns(plain: str) -> tuple[tuple[str, str], ...]:
    """The columns of a table row as the readers write them ("A001: Monthly Status Report
    (12. First Submission: 10 Aug 2026) (14. Distribution: COR (1 electronic))"), each
    (name, value), the text before the first as the column "". A row's columns hold
    brackets of their own, so they are read by depth. Fewer than two: no row, ()."""
    lead, cells = row_columns(plain)
    found = [(_BOX_NUMBER.sub("", name.strip()), value.strip()) for name, value in cells]
    if len(found) < 2:
        return ()
    return (("", plain[:lead].strip()), *found)


@functools.lru_cache(maxsize=4096)
def _values_in(text: str) -> frozenset[str]:
    return wording(text).values


def same_layout(first: Wording, second: Wording) -> bool:
    """Two rows with the same column names: rows of one table, or of its next revision."""
    return bool(first.columns) and {name for name, _ in first.columns} == {
        name for name, _ in second.columns
    }


def same_in_columns(later: Wording, earlier: Wording) -> bool:
    """Two table rows, no column of both holding a value in ``earlier`` that ``later``
    lacks: one item said again in another table's columns, not a change of it. A federal
    walk's contract data requirements list gave deliverable A001 as "(10. Frequency:
    MTHLY) (12. First Submission: 10 Aug 2026) (14. Distribution: COR (1 electronic))",
    and was flagged as differing from the statement of work's "A001: Monthly Status
    Report (Due: 10th calendar day of the following month) (Distribution: COR)"."""
    if not later.columns or not earlier.columns:
        return False
    mine = dict(later.columns)
    return all(
        _values_in(value) <= _values_in(mine[name])
        for name, value in earlier.columns
        if name in mine
    )


_MONTH_NAME = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_WRITTEN_DATE = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_NAME})\.?,?\s+(?P<y>\d{{4}})\b"
    rf"|\b(?P<m2>{_MONTH_NAME})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b"
    r"|\b(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>\d{4})\b"
)


def _iso_dates(plain: str) -> set[str]:
    """Written dates as an order's table writes them: "14 June 2027", "June 14, 2027" and
    "14.06.2027" as "2027-06-14" (a pharmaceutical walk's planner moved line 20's need date
    "instead of 14 June 2027", and the order line said "Need date: 2027-06-14")."""
    found: set[str] = set()
    for match in _WRITTEN_DATE.finditer(plain):
        day = match["d"] or match["d2"] or match["d3"]
        month_text = match["m"] or match["m2"]
        month = _MONTH_NUMBERS[month_text] if month_text else int(match["m3"])
        year = match["y"] or match["y2"] or match["y3"]
        if 1 <= int(day) <= 31 and 1 <= month <= 12:
            found.add(f"{year}-{month:02d}-{int(day):02d}")
    return found


# A day as a sentence writes it, its year or not ("1 May", "April 28, 2027"), and after
# what: "before", "by" or "no later than" make it a limit
_DAY = re.compile(
    r"(?:\b(?P<limit>before|by|no later than|not later than)\s+(?:the\s+)?)?"
    rf"(?:\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_NAME})\b\.?(?:,?\s+(?P<y>\d{{4}})\b)?"
    rf"|\b(?P<m2>{_MONTH_NAME})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}})\b)?"
    r"|\b(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})\b)"
)


def _days(
    plain: str, values: set[str]
) -> tuple[frozenset[str], tuple[tuple[int, int, int], ...], tuple[tuple[int, int, int], ...]]:
    """The values of ``plain`` that write a day, and its days as limits and otherwise."""
    if not _DIGIT.search(plain):
        return frozenset(), (), ()
    parts: set[str] = set()
    deadlines: list[tuple[int, int, int]] = []
    days: list[tuple[int, int, int]] = []
    for match in _DAY.finditer(plain):
        day_text = match["d"] or match["d2"] or match["d3"]
        year_text = match["y"] or match["y2"] or match["y3"] or ""
        month_text = match["m"] or match["m2"]
        month = _MONTH_NUMBERS[month_text] if month_text else int(match["m3"])
        day = int(day_text)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        if month_text:
            parts.update((day_text, month_text, year_text))
        if year_text:
            parts.add(f"{year_text}-{month:02d}-{day:02d}")
        (deadlines if match["limit"] else days).append((int(year_text or 0), month, day))
    return frozenset(parts & values), tuple(deadlines), tuple(days)


def _on_or_before(day: tuple[int, int, int], limit: tuple[int, int, int]) -> bool:
    """``day`` no later than ``limit``; a day without its year is taken in the limit's."""
    if day[0] and limit[0] and day[0] != limit[0]:
        return day[0] < limit[0]
    return day[1:] <= limit[1:]


def dated_only(later: Wording, earlier: Wording) -> bool:
    """``later`` adds nothing to ``earlier`` but a day, where ``earlier`` names none ("The new
    target applies to all P2 Incidents logged from 1 May 2026" against the minutes' "Seven P2
    Incidents were logged, of which two breached the 12-hour resolution target": when, not
    what), or a day meeting the limit ``earlier`` sets ("Our service management tool will be
    updated on 28 April" against "Please update ... the service management tool ... before 1
    May"): no value of it replaced (an IT walk's two false "May differ")."""
    added = later.values - earlier.values
    if not added or not added <= later.date_parts:
        return False
    if not earlier.values & earlier.date_parts and not earlier.deadlines:
        return True
    return (
        bool(earlier.deadlines and later.days)
        and not later.deadlines
        and all(_on_or_before(day, limit) for day in later.days for limit in earlier.deadlines)
    )


# "D4: ...", "TOM-3 (Measure: ...)", "VHG-REQ-001: ...": a table row's own id
_ROW_KEY = re.compile(r"^([a-z]{1,5}(?:-[a-z]{1,5})?-?\d{1,4}(?:\.\d{1,3})?)(?=[:\s(])")


def cosine(first: Wording, second: Wording) -> float:
    if not first.words or not second.words:
        return 0.0
    shared = len(first.words & second.words)
    return shared / math.sqrt(len(first.words) * len(second.words))


def other_parts(first: Wording, second: Wording) -> bool:
    """Both name part numbers, none in common: two lines of an order, not one said twice;
    or both open with their own row ids ("D4: ..." and "D5: ..."), two rows of a table:
    an IT services walk's added deliverable D5 was offered as replacing D4. Or they
    measure different things (``other_measures``). Or they are two lines of one table,
    numbered apart (line 50 added for the part of line 10 does not move line 10)."""
    if first.row_key and second.row_key and first.row_key != second.row_key:
        return True
    if first.line and second.line and first.line != second.line and same_layout(first, second):
        return True
    if other_measures(first, second):
        return True
    return bool(first.parts and second.parts and not first.parts & second.parts)


# Words that make a measure what is left of it: "18 months of remaining shelf life on
# delivery" is no change of "Shelf life: 24 months" (a pharmaceutical walk's false "May
# differ"); both are written in the same specification or order.
_WHAT_REMAINS = frozenset({"remain", "residual"})


def other_measures(first: Wording, second: Wording) -> bool:
    """One measures what remains of something the other measures whole."""
    return bool(first.words & _WHAT_REMAINS) != bool(second.words & _WHAT_REMAINS)


def words_given_a_value(later: Wording, earlier: Wording) -> bool:
    """``later`` says ``earlier`` again, but for words it leaves out where it adds a value:
    "Resin index for Section 9.2: ... base price per pound as of April 1, 2027." against
    "... as of the Effective Date." (an EDGAR-style walk's amended Schedule A row). No
    value stood in their place to be replaced, but the row was settled anew."""
    return (
        bool(later.values - earlier.values)
        and later.words < earlier.words
        and cosine(later, earlier) >= OTHER_HEADING_COSINE
    )


def changed_from(later: Wording, earlier: Wording, *, states_change: bool = False) -> float | None:
    """How alike the two are, when ``later`` reads as ``earlier`` with another value; else None.

    Alike: most content words shared, or the same heading. Changed: each
    states a value the other does not (600 where it said 500; "level B" where
    it said "level C"). Only reworded, with the same values or more of them,
    is no change, unless ``later`` says it changes something ("DAP Kassel, not
    FCA Tamworth" names the old value too).
    """
    added = later.values - earlier.values
    if not added:
        return None
    given_a_value = words_given_a_value(later, earlier)
    if not states_change and not given_a_value and dated_only(later, earlier):
        return None  # when it applies, or a day meeting the limit: no value replaced
    if not states_change and not given_a_value:
        kinds = later.kinds | earlier.kinds
        dropped = {kinds[value] for value in earlier.values - later.values}
        if not dropped & {kinds[value] for value in added}:
            return None  # no value of a kind put in the place of one of that kind
    if other_parts(later, earlier):
        return None  # another part of the same order
    if same_in_columns(later, earlier):
        return None  # the same row in another table's columns
    similarity = cosine(later, earlier)
    if (
        later.heading
        and earlier.heading
        and later.heading != earlier.heading
        and similarity < OTHER_HEADING_COSINE
    ):
        # two fields of a data sheet: "Amine value: 20 - 30 mg KOH/g" is no change of "Acid
        # value: max. 10 mg KOH/g" (a chemicals walk's false "May differ")
        return None
    if similarity >= MIN_COSINE and len(later.words & earlier.words) >= MIN_SHARED:
        return similarity
    if later.heading and later.heading == earlier.heading:
        return max(similarity, MIN_COSINE)
    return None


# The value a change statement says it replaces: "..., not 0.95", "instead of 80 MWh",
# "from 16 to 20", "(was 15 Oct)", "400 pcs -> 350 pcs", "not 14:00 as in the agreement",
# "(until now sample of 10%)"
_REPLACED = re.compile(
    r"(?:,\s*not|\binstead\s+of|\brather\s+than|\bfrom|\(\s*was|\bwas|\bpreviously"
    r"|\(\s*(?:until\s+now|so\s+far|bisher))\s+"
    r"([^;()]{1,24}?)(?=\s+(?:to|as)\b|\s*(?:[;()]|[,.](?:\s|$)|->|→|$))"
    r"|([^\s,;()]+(?:\s+[^\s,;()]+)?)\s*(?:->|→)",
    re.I,
)


def replaced_values(text: str) -> frozenset[str]:
    """The values ``text`` says it replaces, as ``wording`` writes values."""
    found: set[str] = set()
    for match in _REPLACED.finditer(text):
        found |= wording(match.group(1) or match.group(2) or "").values
    return frozenset(found)


def values_replaced(later: str, earlier: str) -> frozenset[str]:
    """The values of ``earlier`` that ``later`` replaces: those it leaves out, and those it
    names as the ones it replaces ("..., not fifteen (15) minutes")."""
    held = wording(earlier).values
    return (held - wording(later).values) | (replaced_values(later) & held)


def changed_naming_old_value(
    later: Wording, earlier: Wording, replaced: frozenset[str], *, same_row: bool = False
) -> float | None:
    """How alike, when ``later`` names a value of ``earlier`` as the one it replaces; else
    None.

    An energy walk's grid engineer wrote "Reactive power capability 0.93 leading to 0.93
    lagging at POI, not 0.95." against the specification's long grid-code clause "... a
    reactive power capability of 0.95 leading to 0.95 lagging ...": five words shared,
    too few of that clause's to be its rewording, but the old value named.

    ``same_row``: ``later`` names the order line ``earlier`` is ("Line 20: the need date
    is now 31 May 2027 instead of 14 June 2027" and the row "20: ... (Need date:
    2027-06-14)"), which says more than shared words.
    """
    if not replaced & earlier.values or not later.values - earlier.values:
        return None
    if other_parts(later, earlier):
        return None
    if not same_row and len(later.words & earlier.words) < MIN_SHARED:
        return None
    return cosine(later, earlier)


# "Line 20: ...", "item 2.1", "pos. 40", "row 7": the order line a change names
# "line 20", "item 30", "pos. 10", and a schedule's "call-off 1" (a machined-parts walk)
_LINE_REFERENCE = re.compile(
    r"\b(?:line|item|pos(?:ition)?\.?|row|call[- ]?off)\s+(?:no\.?\s*)?(\d{1,4}(?:\.\d{1,3})?)\b",
    re.I,
)


def line_referenced(text: str) -> str:
    """The order line ``text`` names, as its number ("" when none)."""
    found = _LINE_REFERENCE.search(text)
    return found.group(1) if found else ""


# A question asking how things stand ("CQ-02: Is the BESS capacity in clause 6.3 still 80
# MWh?") changes nothing; "Could you make it 600?" asks for a change and is no such one.
_ASKS_ONLY = re.compile(
    r"^(?:[A-Z]{1,5}-?\d{1,3}[:.)]?\s+)?(?:is|are|was|were|does|do|did|will|what|which|when"
    r"|where|why|how|who|has|have|shall)\b[^?]*\?\s*$",
    re.I,
)


# "10: APC-CTL-4410 (Qty: 800) (Delivery date: 19.04.2027)": an order's table row, by line
_ORDER_ROW = re.compile(r"^\s*(\d{1,4}(?:\.\d{1,3})?):\s")


def order_row_line(text: str) -> str:
    """The line number an order's table row opens with ("" for none)."""
    found = _ORDER_ROW.match(text)
    return found.group(1) if found else ""


def changed_in_order_line(later: Wording, earlier: Wording) -> float | None:
    """How alike, when ``later`` is ``earlier``'s order line (the same line number, which
    the caller matched, and the same part) with a value it did not have; else None.

    An electronics walk's buyer mailed the delivery schedule as a table, "10:
    APC-CTL-4410 (Qty: 800) (Delivery date: 19.04.2027)", against the order's "10:
    APC-CTL-4410 (Rev: B) (Description: ...) (Qty: 800) (Unit price EUR: ...)
    (Delivery date: 26.04.2027)": five words against fifteen, most of them column names,
    and the moved date was flagged nowhere.
    """
    if not later.parts & earlier.parts or not later.values - earlier.values:
        return None
    return max(cosine(later, earlier), MIN_COSINE)


def shares_words(later: Wording, earlier: Wording) -> float | None:
    """How alike, when ``earlier`` holds a content word of ``later``; else None."""
    if not later.words & earlier.words:
        return None
    return max(cosine(later, earlier), MIN_COSINE)


def asks_only(text: str) -> bool:
    """A question about how things stand, not a request: it replaces no requirement."""
    return _ASKS_ONLY.match(text.strip()) is not None


def rank(later: Wording, earlier: Wording, similarity: float) -> float:
    """Which of the earlier statements ``later`` rewords it most likely changes (higher first).

    "The saloon unit ... 42 kW instead of 38 kW" matches the tender's saloon clause
    (38 kW, and a measuring condition more) and its cab clause (5.5 kW, shorter)
    alike, and cosine put the cab's first. Ranked first is the one whose value the
    later names too (the old value quoted, or one kept), then the one holding more
    of the later's words, then the one phrased more alike (cosine and the later's word
    pairs it has: the clause "... of the saloon Unit ... shall be not less than 38 kW",
    not the parameter table's row "Net cooling capacity (Saloon Unit: ≥ 38) ...").
    """
    names_a_value = 1.0 if later.values & earlier.values else 0.0
    covered = len(later.words & earlier.words) / len(later.words) if later.words else 0.0
    phrased = len(later.pairs & earlier.pairs) / len(later.pairs) if later.pairs else 0.0
    return round(names_a_value + covered + (similarity + phrased) / 20, 4)


# A clause a statement names ("clause 3.3.3.2", "clauses A.3.2"): what a clarification
# changes, said outright.
# "section 1.3 of SOW-01" too (an IT services walk's go-live mail)
# "(note 8)" names a drawing's note 8, numbered without a dot (a machined-parts walk)
# "Paragraph C.3.1.2 is revised so that ...", as a US federal amendment says (a federal walk)
_CITED_CLAUSE = re.compile(
    r"(?:\b(?:clauses?|sections?|paragraphs?|para\.)|§)\s*((?:[A-Z]{1,2}\.)?\d{1,3}(?:\.\d{1,3})+|[A-Z]{1,2}\.\d{1,3})\b"
    r"|(?<!please )(?<!pls )(?<!kindly )(?<!also )\bnotes?\s+(?:no\.?\s*)?(\d{1,2})\b(?![.,]\d)",
    re.IGNORECASE,
)
# above any link by words alone (``rank`` stays under 2.1): named, it is the one
CITED_RANK = 3.0


# A number that points somewhere ("Annex 11", "Table 3-1", "item 2.1"): no value of the
# requirement, so no change when a statement names one its clause does not.
_REFERENCE = re.compile(
    r"\b(?:clauses?|sections?|paragraphs?|annex(?:es)?|appendix|appendices|tables?|items?|figures?"
    r"|schedules?|criterion|option)\s+([A-Z]{0,2}\.?\d+(?:[.\-]\d+)*|[A-Z]\d*)\b",
    re.IGNORECASE,
)


def referenced_numbers(text: str) -> set[str]:
    """The numbers a statement uses to point at other parts, lower-cased as values are."""
    return {match.group(1).lower() for match in _REFERENCE.finditer(text)}


def _replaces_a_value(later: Wording, earlier: Wording, states_change: bool) -> bool:
    """The earlier statement has a value the later one may replace: one of the same kind,
    or any where the later says it changes something. A verification matrix row of the
    clause ("... (Method: R)", its values cut off) holds none to replace."""
    if not earlier.values:
        return False
    if states_change:
        return True
    kinds = later.kinds | earlier.kinds
    dropped = {kinds[value] for value in earlier.values - later.values}
    return bool(dropped & {kinds[value] for value in later.values - earlier.values})


# "please disregard my mail of 20 Nov regarding ...", "further to our letter dated 3 March
# 2027": the message a statement takes back or changes, named by the day it was sent
_NAMED_MESSAGE = re.compile(
    r"\b(?:my|our|your|his|her|the|yesterday's|last)\s+(?:e-?mails?|mails?|messages?|letters?"
    r"|instructions?|notes?)\s+(?:of|dated|from|sent\s+on)\s+(?:the\s+)?"
    rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_NAME})\b\.?(?:,?\s+(?P<y>\d{{4}}))?"
    r"|(?P<d2>\d{1,2})[./](?P<m2>\d{1,2})[./](?P<y2>\d{4}|\d{2})\b"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})\b)",
    re.IGNORECASE,
)


def named_message_day(text: str, sent: datetime | None) -> datetime | None:
    """The day (UTC midnight) of the message ``text`` names ("my mail of 20 Nov"), or None.

    A day without its year is the latest such day not after ``sent`` (the naming
    message's own date), else this year's."""
    found = _NAMED_MESSAGE.search(text)
    if found is None:
        return None
    if found["m"]:
        day, month = int(found["d"]), _MONTH_NUMBERS[found["m"].lower()]
        year = int(found["y"]) if found["y"] else None
    elif found["m2"]:
        day, month, year = int(found["d2"]), int(found["m2"]), int(found["y2"])
        year = year + 2000 if year < 100 else year
    else:
        day, month, year = int(found["d3"]), int(found["m3"]), int(found["y3"])
    reference = sent or datetime.now(timezone.utc)
    try:
        if year is None:
            named = datetime(reference.year, month, day, tzinfo=timezone.utc)
            if named > reference:
                named = named.replace(year=reference.year - 1)
            return named
        return datetime(year, month, day, tzinfo=timezone.utc)
    except ValueError:  # "31 Feb"
        return None


def _sent_on(
    connection: Connection, document_id: int, named: dict[str, datetime], imported_before: bool
) -> dict[str, set[str]]:
    """For each statement naming a message by its day, the statements of the documents
    sent that day (UTC, give or take the hours a time zone moves it)."""
    statements = (
        sa.select(candidates.c.id)
        .join(documents, documents.c.id == candidates.c.document_id)
        .where(other_documents(document_id, imported_before))
    )
    found: dict[str, set[str]] = {}
    for candidate_id, day in named.items():
        sent = statements.where(
            documents.c.sent_at >= day - timedelta(hours=14),
            documents.c.sent_at < day + timedelta(hours=38),
        )
        if ids := {str(other_id) for other_id in connection.scalars(sent)}:
            found[candidate_id] = ids
    return found


# A row id a change names ("the July MSR (A001)", "CDRL A004", "D4"): a series' id, as row
# ids that are clauses are written (``segmenting``), upper case as written
_NAMED_ROW = re.compile(r"(?<![\w-])([A-Z]{1,4}-?\d{1,4})(?![\w-])")


def named_rows(text: str) -> set[str]:
    """The row ids ``text`` names ("A001", "CTQ-1"), to be looked up as clauses."""
    return {match.group(1) for match in _NAMED_ROW.finditer(text)}


def cited_clauses(text: str) -> set[str]:
    """The clause numbers a statement names after "clause", "section" or "§" ("3.3.3.2",
    "A.3.2"), and a drawing's note after "note" ("8")."""
    return {(match.group(1) or match.group(2)).upper() for match in _CITED_CLAUSE.finditer(text)}


# -- in the register -----------------------------------------------------------------


def sent_at(value: Any) -> datetime | None:
    """A document's ``sent_at`` detail as a UTC time (None when missing or unreadable)."""
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value or "").strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def is_earlier(first: tuple[int, datetime | None], second: tuple[int, datetime | None]) -> bool:
    """Whether document ``first`` (id, sent_at) came before ``second``: by the date the
    e-mails were sent when both have one (a mail sent the same moment, its attachment,
    is not earlier), else by upload order."""
    (first_id, first_sent), (second_id, second_sent) = first, second
    if first_sent is not None and second_sent is not None:
        return sent_at(first_sent) < sent_at(second_sent)  # type: ignore[operator]
    return first_id < second_id


def add_words(connection: Connection, texts: Iterable[tuple[str, str]]) -> None:
    """Keep the content words of each (candidate id, text)."""
    rows = [
        {"candidate_id": candidate_id, "word": word}
        for candidate_id, text in texts
        for word in sorted(wording(text).words)
    ]
    if rows:
        connection.execute(sa.insert(candidate_words), rows)


def link_document(
    connection: Connection,
    document_id: int,
    candidate_ids: Sequence[str],
    *,
    imported_before: bool = False,
) -> int:
    """Link each of ``candidate_ids`` (of document ``document_id``) with the statements of
    other documents it rewords with another value, the earlier one of each pair in
    ``earlier_id``; returns how many links were added.

    ``imported_before``: compare only with documents imported before this one, as its
    import did (``Register.relink_reworded`` goes through a register that way).

    A candidate whose text, numbers aside, another document has is left to
    ``number_blind_key`` (and keeps this fast on repeat orders, where nearly
    every clause is such a one).
    """
    if not candidate_ids:
        return 0
    rows: list[Any] = []
    for start in range(0, len(candidate_ids), KEYS_PER_QUERY):
        chunk = list(candidate_ids[start : start + KEYS_PER_QUERY])
        rows += connection.execute(
            sa.select(
                candidates.c.id,
                candidates.c.text,
                candidates.c.number_blind_key,
                candidates.c.clause,
            ).where(candidates.c.id.in_(chunk))
        ).all()
    blind_keys = sorted({str(row.number_blind_key) for row in rows if row.number_blind_key})
    elsewhere: set[str] = set()
    for start in range(0, len(blind_keys), KEYS_PER_QUERY):
        chunk = blind_keys[start : start + KEYS_PER_QUERY]
        elsewhere.update(
            connection.scalars(
                sa.select(candidates.c.number_blind_key)
                .where(
                    candidates.c.number_blind_key.in_(chunk),
                    other_documents(document_id, imported_before),
                )
                .distinct()
            )
        )
    searched = {
        row.id: wording(row.text)
        for row in rows
        if row.number_blind_key not in elsewhere and not asks_only(row.text)
    }
    # a schedule's row of part numbers and quantities alone ("1: wk 09/2027 (BF-4711-220:
    # 800) (BF-4711-221: 500)") has no content word, but its line number and parts find it
    row_of = {row.id: row.text for row in rows}
    searched = {
        key: found
        for key, found in searched.items()
        if found.words or found.heading or (found.parts and order_row_line(row_of[key]))
    }
    if not searched:
        return 0
    others = _proposed(connection, document_id, searched, imported_before)
    # A clause the document itself does not have points at another document's clause (a
    # clarification mail's "clause 3.3.3.2", under its own answer number "A2"): "clause
    # 4.2" in a contract is its own clause 4.2, and comparing it with clause 4.2 of every
    # earlier contract made a large register's imports many times slower.
    from extractor.annotating import change_cues

    cue = {row.id: bool(change_cues(row.text)) for row in rows if row.id in searched}
    own = _clauses_of(connection, document_id)
    cited = _cited_elsewhere(
        connection,
        document_id,
        {
            # a change naming a row by its id ("the July MSR (A001) by Fri 7 Aug instead
            # of the 10th"): row ids are clauses (a federal walk's mail had been unlinked)
            row.id: (cited_clauses(row.text) | (named_rows(row.text) if cue.get(row.id) else set()))
            - own
            for row in rows
        },
        imported_before,
    )
    # what its words found, kept for a statement whose named clause turns out not to be
    # the one it changes (``_cited_aside``)
    by_words: dict[str, set[str]] = {}
    for candidate_id, named in cited.items():
        if candidate_id in searched and named:
            # a statement naming its clause is compared with that clause alone: "Clause
            # 3.1.2.1 requires 38 kW" (a question restating it) had been linked by its
            # words to the cab unit's clause 3.1.2.2
            by_words[candidate_id] = others.get(candidate_id, set())
            others[candidate_id] = set(named)
    by_values = _holding_values(
        connection,
        document_id,
        {row.id: row.text for row in rows if cue.get(row.id)},
        imported_before,
    )
    for candidate_id, found_by_value in by_values.items():
        others.setdefault(candidate_id, set()).update(found_by_value)
    clauses = {row.id: str(row.clause).upper() for row in rows if row.id in searched and row.clause}
    # the documents holding a share of this one's statements, looked up once: for its
    # clauses in the previous revision, and its fields changed in words ("Contains: ...")
    revisions = (
        _revisions_of(connection, document_id, imported_before)
        if (clauses and len(own) >= 5) or any(found.heading for found in searched.values())
        else set()
    )
    same_clause = _in_previous_revision(connection, revisions, own, clauses)
    for candidate_id, found_in_revision in same_clause.items():
        others.setdefault(candidate_id, set()).update(found_in_revision)
    lines_named = {
        row.id: number
        for row in rows
        if row.id in searched and cue.get(row.id) and (number := line_referenced(row.text))
    }
    order_lines = {
        row.id: number
        for row in rows
        if row.id in searched
        and row.id not in lines_named
        and searched[row.id].parts
        and (number := order_row_line(row.text))
    }
    lines_named |= order_lines
    by_line = _rows_numbered(connection, document_id, lines_named, imported_before)
    for candidate_id, found_by_line in by_line.items():
        others.setdefault(candidate_id, set()).update(found_by_line)
    here = _document_order(connection, [document_id])[document_id]
    messages_named = {
        row.id: day
        for row in rows
        if row.id in searched
        and cue.get(row.id)
        and (day := named_message_day(row.text, here[1])) is not None
    }
    by_message = _sent_on(connection, document_id, messages_named, imported_before)
    for candidate_id, found_in_message in by_message.items():
        others.setdefault(candidate_id, set()).update(found_in_message)
    clause_of = {row.id: str(row.clause).upper() for row in rows if row.clause}
    statements_under = Counter(clause_of.values())
    sole_clause = {
        candidate_id
        for candidate_id, found_in_revision in same_clause.items()
        if len(found_in_revision) == 1 and statements_under[clause_of[candidate_id]] == 1
    }
    if not any(others.values()):
        return 0
    texts: dict[str, tuple[int, str]] = {}
    wanted = sorted({other for found in (*others.values(), *by_words.values()) for other in found})
    for start in range(0, len(wanted), KEYS_PER_QUERY):
        chunk = wanted[start : start + KEYS_PER_QUERY]
        for other_id, other_document, text in connection.execute(
            sa.select(candidates.c.id, candidates.c.document_id, candidates.c.text).where(
                candidates.c.id.in_(chunk)
            )
        ):
            texts[other_id] = (other_document, text)
    # a statement of another business's documents changes nothing here (an energy
    # tender's payment clause had been offered as replacing a pharmaceutical order's)
    apart = unrelated_documents(connection, document_id, sorted({d for d, _ in texts.values()}))
    if apart:  # every earlier statement is reached through ``others`` and ``texts``
        texts = {key: value for key, value in texts.items() if value[0] not in apart}
        others = {key: {o for o in found if o in texts} for key, found in others.items()}
        by_words = {key: {o for o in found if o in texts} for key, found in by_words.items()}
    order = _document_order(connection, sorted({d for d, _ in texts.values()}))

    @functools.cache
    def worded(other_id: str) -> Wording:
        """An earlier statement's wording, made once: the same few are compared with many
        candidates (a 20,000-entry register's build had made it 27 times per candidate)."""
        return wording(texts[other_id][1])

    pointers = {row.id: referenced_numbers(row.text) for row in rows if row.id in searched}
    text_of = {row.id: row.text for row in rows}

    # "Contains: Milk, Almonds." in issue 1, "Contains: Milk, Mustard." in issue 2: a field
    # of the previous revision changed in its words alone, no value (a food walk's allergen)
    def same_field(later: Wording, earlier: Wording, earlier_document: int) -> bool:
        return (
            bool(later.heading)
            and later.heading == earlier.heading
            and (earlier_document in revisions)
        )

    @functools.cache
    def replaced(candidate_id: str) -> frozenset[str]:
        return replaced_values(text_of[candidate_id])

    links: dict[tuple[str, str], float] = {}
    kept: Counter[str] = Counter()
    for candidate_id, found in sorted(searched.items()):
        scored = []
        said_as_is = 0.0  # the closest earlier statement saying it with the same values
        named = _in_earlier(cited.get(candidate_id, set()), texts, order, here)
        best_named = _closest(found, named, worded, texts, replaced(candidate_id))
        compared = others.get(candidate_id, set())
        if named and _cited_aside(
            best_named,
            cited_clauses(text_of[candidate_id]),
            found,
            {
                other: (texts[other][1], worded(other))
                for other in by_words.get(candidate_id, ())
                if is_earlier(order[texts[other][0]], here)
            },
        ):
            best_named = ""
            compared = compared | by_words.get(candidate_id, set())
        for other_id in sorted(compared):
            if best_named and other_id != best_named:
                continue  # of the named clause's statements, the one it says again
            other_document, text = texts[other_id]
            other = worded(other_id)
            if is_earlier(order[other_document], here):
                pair, later, earlier = (candidate_id, other_id), found, other
                states_change = cue[candidate_id]
            elif is_earlier(here, order[other_document]):
                pair, later, earlier = (other_id, candidate_id), other, found
                states_change = bool(change_cues(text))
            else:  # sent together (a mail and its attachment): neither was said before
                continue
            similarity = changed_from(later, earlier, states_change=states_change)
            if similarity is None and pair[0] == candidate_id:
                # found by the numbers it names, or by its clause in the previous revision
                if other_id in by_values.get(candidate_id, ()):
                    similarity = changed_in_values(later, earlier, replaced(candidate_id))
                if similarity is None and other_id in same_clause.get(candidate_id, ()):
                    similarity = changed_in_revision(
                        later, earlier, sole=candidate_id in sole_clause
                    )
                if (
                    similarity is None
                    and candidate_id in order_lines
                    and other_id in by_line.get(candidate_id, ())
                ):  # a row of the same order line (one naming its line is found below)
                    similarity = changed_in_order_line(later, earlier)
                if similarity is None and other_id in by_message.get(candidate_id, ()):
                    # "please disregard my mail of 20 Nov regarding Sunday-only shutdowns":
                    # that mail's statements sharing its words (a construction walk)
                    similarity = shares_words(later, earlier)
                if similarity is None and same_field(later, earlier, other_document):
                    similarity = changed_in_revision(later, earlier)
            if (
                pair[0] == candidate_id
                and not states_change
                and earlier.values <= later.values
                and other_id not in same_clause.get(candidate_id, ())
                and not same_field(later, earlier, other_document)
                and not words_given_a_value(later, earlier)
            ):
                # said before, every value kept (a column more, perhaps): a sibling row
                # with other values is no change of it (the previous revision's own clause
                # with a value added is one)
                said_as_is = max(said_as_is, cosine(later, earlier))
            is_named = pair[0] == candidate_id and other_id == best_named
            # the clause's own number is no new value ("Q1. Clause 3.1.2.1 requires 38 kW")
            new_values = later.values - earlier.values - pointers[candidate_id]
            if is_named and new_values and _replaces_a_value(later, earlier, states_change):
                # "the Defects Liability Period of clause C.18.1 is extended to 36 months":
                # the clause named, with a value it does not have, whatever the words
                scored.append((-CITED_RANK - (similarity or 0.0), pair))
            elif similarity is not None:
                scored.append((-rank(later, earlier, similarity), pair))
        if not scored and cue[candidate_id]:
            # nothing else found: the one earlier statement holding the value it says it
            # replaces ("..., not 0.95"), among those sharing its words
            # (the latest document of equals: the revision in force, not the one before it)
            named_old = sorted(
                (-rank(found, worded(other_id), similarity), -texts[other_id][0], other_id)
                for other_id in sorted(compared)
                if is_earlier(order[texts[other_id][0]], here)
                and (
                    similarity := changed_naming_old_value(
                        found,
                        worded(other_id),
                        replaced(candidate_id),
                        same_row=other_id in by_line.get(candidate_id, ()),
                    )
                )
                is not None
            )
            scored = [(score, (candidate_id, other_id)) for score, _, other_id in named_old[:1]]
        scored = _holding_what_it_replaces(scored, candidate_id, replaced(candidate_id), worded)
        if said_as_is >= MIN_COSINE:  # "1: 1.2 ... week 36" is row 1.2, not row 1.3 changed
            scored = [
                (score, pair)
                for score, pair in scored
                if pair[0] != candidate_id or cosine(found, worded(pair[1])) > said_as_is
            ]
        if scored and cue[candidate_id] and min(scored)[1][0] == candidate_id:
            best_score, (_, best) = min(scored)
            siblings = _siblings(
                found,
                worded(best),
                {
                    other: worded(other)
                    for other in compared
                    if other != best and is_earlier(order[texts[other][0]], here)
                },
                pointers[candidate_id],
            )
            linked = {pair[1] for _, pair in scored if pair[0] == candidate_id}
            scored += [
                (best_score + SIBLING_STEP * (n + 1), (candidate_id, other))
                for n, other in enumerate(siblings)
                if other not in linked
            ]
        for negative, pair in sorted(scored)[:LINKS_PER_CANDIDATE]:
            if kept[pair[0]] < LINKS_PER_CANDIDATE * 2:
                links[pair] = round(-negative, 4)
                kept[pair[0]] += 1
    existing: set[tuple[str, str]] = set()
    keys = sorted({p[0] for p in links})
    for start in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[start : start + KEYS_PER_QUERY]
        existing.update(
            (str(a), str(b))
            for a, b in connection.execute(
                sa.select(reworded_links.c.candidate_id, reworded_links.c.earlier_id).where(
                    reworded_links.c.candidate_id.in_(chunk)
                )
            ).all()
        )
    new = [
        {"candidate_id": later, "earlier_id": earlier, "similarity": similarity}
        for (later, earlier), similarity in sorted(links.items())
        if (later, earlier) not in existing
    ]
    if new:
        connection.execute(sa.insert(reworded_links), new)
    return len(new)


# The numbers of a statement as written, for finding the earlier ones holding them: a
# year, or a number of three digits or more ("180,000", "2029", "38.5"); not "2" or "R4".
_WRITTEN_NUMBER = re.compile(
    r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d{3,}(?:\.\d+)?"
    # a small number with its unit, and a priority or level id: "4 hours", "P1" (an IT
    # services walk's "P1 resolution time to be 2 hours instead of 4 hours")
    r"|(?<![\w.,])\d{1,2}(?:\.\d+)?\s(?:hours?|days?|weeks?|months?|years?|minutes?)\b"
    r"|\b[A-Z]\d\b"
)
VALUES_SHARED = 2  # a change found by its values names two of the earlier statement's


def changed_in_values(
    later: Wording, earlier: Wording, replaced: frozenset[str] = frozenset()
) -> float | None:
    """How alike, when ``later`` changes ``earlier`` as told by their values; else None.

    "For the peak years 2029 and 2030 the annual volume increases from 180,000 to
    240,000 pieces" shares two words with the row "2029 (Planned volume: 180,000)
    (Remark: peak)", too few to be its rewording, but names its year and its old
    volume, and a new one. Only for statements that say they change something.

    A row named by its item, holding a value ``later`` says it replaces (``replaced``),
    needs no word in common: "the quantity of CLINs 0003, 1003 and 2003 is increased
    from 600 hours to 800 hours" and the row "0003: Surge Maintenance ... (QTY: 600)
    (UNIT: HR)" (a federal walk).
    """
    if len(later.values & earlier.values) < VALUES_SHARED or not (later.values - earlier.values):
        return None
    named_row = (earlier.row_key or earlier.line) in later.values and bool(
        replaced & earlier.values
    )
    if not later.words & earlier.words and not named_row:
        return None
    if other_parts(later, earlier):
        return None
    return cosine(later, earlier)


def _holding_values(
    connection: Connection,
    document_id: int,
    texts: dict[str, str],
    imported_before: bool,
) -> dict[str, set[str]]:
    """For each statement stating a change, the other documents' statements holding at
    least ``VALUES_SHARED`` of the numbers it writes (as written, or with or without
    thousands separators)."""
    found: dict[str, set[str]] = {}
    for candidate_id, text in texts.items():
        numbers = set(_WRITTEN_NUMBER.findall(text))
        if len(numbers) < VALUES_SHARED:
            continue
        forms: dict[str, set[str]] = {}  # each number as it may be written
        for number in sorted(numbers)[:8]:
            written = {number, number.replace(",", "")}
            if number.isdigit() and len(number) > 4:
                written.add(f"{int(number):,}")
            forms[number] = written
        every = sorted({form for written in forms.values() for form in written})
        # as a whole value: "4 hours" is not in "24 hours", "P1" not in "P10"
        whole = {form: re.compile(rf"(?<![\w.,]){re.escape(form)}(?![\w])") for form in every}
        query = sa.select(candidates.c.id, candidates.c.text).where(
            sa.or_(*(candidates.c.text.contains(form, autoescape=True) for form in every)),
            other_documents(document_id, imported_before),
        )
        shared = {
            other
            for other, other_text in connection.execute(query)  # one pass over the register
            if sum(
                any(whole[form].search(other_text) for form in written)
                for written in forms.values()
            )
            >= VALUES_SHARED
        }
        if shared:
            found[candidate_id] = shared
    return found


ROWS_PER_LINE = 50  # the latest documents' rows numbered as a change names its line
LINES_PER_QUERY = 200  # line numbers looked up in one query


def _rows_numbered(
    connection: Connection, document_id: int, lines: dict[str, str], imported_before: bool
) -> dict[str, set[str]]:
    """For each statement naming an order line, the other documents' table rows opening
    with that line's number ("20: NLV-10-2ML-EU ..."), the latest documents first.

    One query for many line numbers: a query per number scanned the candidates once
    per line, and a 400-line order mailed back took three times as long to import."""
    rows_of: dict[str, list[str]] = {number: [] for number in lines.values()}
    numbers = sorted(rows_of)
    for start in range(0, len(numbers), LINES_PER_QUERY):
        chunk = numbers[start : start + LINES_PER_QUERY]
        query = (
            sa.select(candidates.c.id, candidates.c.text)
            .where(
                sa.or_(*(candidates.c.text.like(f"{number}:%") for number in chunk)),
                other_documents(document_id, imported_before),
            )
            .order_by(candidates.c.document_id.desc(), candidates.c.id)
        )
        for other_id, text in connection.execute(query):
            held = rows_of.get(str(text).split(":", 1)[0])
            if held is not None and len(held) < ROWS_PER_LINE:
                held.append(str(other_id))
    return {
        candidate_id: set(rows_of[number])
        for candidate_id, number in lines.items()
        if rows_of[number]
    }


REVISION_COSINE = 0.3  # the same clause of the previous revision, reworded this far
# ... and this far when no value was added: reworded in words alone
REVISION_WORDS_COSINE = 0.5
# ... and these far when the clause is one statement in both revisions: nothing else under
# its number it could be (an energy walk's noise clause 6.5, rewritten with a day limit
# and the planning condition, kept a quarter of its words)
REVISION_SOLE_COSINE = 0.15
# the previous revision: a document holding this share of this one's statements (numbers
# aside) and of its clause numbers
REVISION_SHARE = 0.3


def repeats_earlier(total: int, met: int) -> bool:
    """A revision or a repeat order: ``REVISION_SHARE`` of a document's ``total`` statements,
    two at least, said before in other documents (``met``). An energy walk's new mails were
    each called one because a greeting or a quoted line had been said before, and their
    own statements "new or reworded"."""
    return met >= 2 and met >= REVISION_SHARE * total


def changed_in_revision(later: Wording, earlier: Wording, *, sole: bool = False) -> float | None:
    """How alike, when ``later`` is ``earlier``'s clause reworded in the next revision;
    else None.

    An automotive walk's revision B turned clause 7.5 "... prepared for the brake particle
    emission measurement according to UN GTR No. 24" into "... comply with the brake
    particle emission limits of Regulation (EU) 2024/1257 (Euro 7), measured according to
    UN GTR No. 24": values added, none replaced, and too few words kept to be its
    rewording by words alone; its number says which clause it is. A clause reworded
    with no value added ("shall notify the Buyer of changes" to "shall obtain the
    Buyer's written approval before any change") is a change too, when it keeps half
    its words.
    """
    similarity = cosine(later, earlier)
    if later.values - earlier.values:
        floor = REVISION_SOLE_COSINE if sole else REVISION_COSINE
        return similarity if similarity >= floor else None
    if (later.words, later.pairs, later.values) == (earlier.words, earlier.pairs, earlier.values):
        return None  # said alike: punctuation or case, no change
    floor = REVISION_COSINE if sole else REVISION_WORDS_COSINE
    return similarity if similarity >= floor else None


def _in_previous_revision(
    connection: Connection, sharing: set[int], own: set[str], clauses: dict[str, str]
) -> dict[str, set[str]]:
    """For each candidate with a clause, the statements under that clause in the documents
    that are this one's previous revision: of those ``sharing`` ``REVISION_SHARE`` of its
    statements (numbers aside, ``_revisions_of``), the ones holding that share of its clause
    numbers (``own``) too. Two orders of other customers numbered alike share their
    numbers, not their words."""
    if not clauses or len(own) < 5:
        return {}
    revisions = [
        other
        for other in sorted(sharing)
        if len(_clauses_of(connection, other) & own) >= REVISION_SHARE * len(own)
    ]
    if not revisions:
        return {}
    found: dict[str, set[str]] = {}
    by_clause: dict[str, set[str]] = {}
    for other_id, clause in connection.execute(
        sa.select(candidates.c.id, candidates.c.clause).where(
            candidates.c.document_id.in_(revisions), candidates.c.clause != ""
        )
    ):
        by_clause.setdefault(str(clause).upper(), set()).add(str(other_id))
    for candidate_id, clause in clauses.items():
        if clause in by_clause:
            found[candidate_id] = by_clause[clause]
    return found


def _revisions_of(connection: Connection, document_id: int, imported_before: bool) -> set[int]:
    """The documents holding ``REVISION_SHARE`` of this one's statements (numbers aside):
    its previous revisions, or orders repeating it."""
    wanted = blind_keys_of(connection, document_id)
    if not wanted:
        return set()
    sharing = documents_sharing(connection, wanted, other_documents(document_id, imported_before))
    return {other for other, count in sharing.items() if count >= REVISION_SHARE * len(wanted)}


# A sibling ranks just under the statement it repeats (``rank`` values are rounded to 4
# places), so the card still names that statement first.
SIBLING_STEP = 0.0001


def _siblings(
    later: Wording, best: Wording, earlier: dict[str, Wording], pointers: set[str]
) -> list[str]:
    """Earlier statements holding the requirement ``later`` changes in ``best``'s words.

    A mail's "wall thickness at rib R4 shall be 2.00 mm +/- 0.05 mm instead of +/- 0.10
    mm" rewords the specification's clause, but shares too few words with the quality
    agreement's "CTQ-1 Wall thickness at rib R4 (Nominal: 2.00 mm) (Tolerance: ± 0.10
    mm) (Method: CMM) ..." to be linked by them; the row states the clause again, and
    would stay in force with the old tolerance. A sibling has most of ``best``'s words
    (or ``best`` most of its) and holds every value ``later`` shares with ``best``, so
    the row of another item (its own number, the same date) is none. Most alike first.
    """
    kept = later.values & best.values
    if not kept:
        return []
    found = []
    for other_id, other in earlier.items():
        if not kept <= other.values or not (later.values - other.values - pointers):
            continue
        if other_parts(later, other):
            continue
        shared = len(other.words & best.words)
        # the words of the shorter found in the longer: a table row's other columns
        # (method, sampling) are words the clause has no place for
        alike = shared / min(len(other.words), len(best.words)) if shared else 0.0
        if alike >= MIN_COSINE and shared >= MIN_SHARED:
            found.append((-alike, other_id))
    return [other_id for _, other_id in sorted(found)]


def _in_earlier(
    named: set[str],
    texts: dict[str, tuple[int, str]],
    order: dict[int, tuple[int, datetime | None]],
    here: tuple[int, datetime | None],
) -> set[str]:
    """Of the statements a cited clause number finds, those of documents before this one."""
    return {other for other in named if other in texts and is_earlier(order[texts[other][0]], here)}


def _closest(
    found: Wording,
    named: set[str],
    worded: Callable[[str], Wording],
    texts: dict[str, tuple[int, str]],
    replaced: frozenset[str] = frozenset(),
) -> str:
    """Of the statements a clause number names, the one this says again ("" for none): the
    most values in common (the old value quoted), then the most alike in words, then the
    latest document's. Clause 3.2.1.1 in the specification, not its row in the
    verification matrix; A.3.2's sentence with the deadline, not the one after it; and
    the quality agreement's clause 10.1 on record retention, not the purchase order's
    clause 10.1 on governing law, though the order came later (a medical-device walk:
    the latest document holding the number had been taken, and nothing was linked).

    A change naming the value it replaces (``replaced``) changes a statement holding it,
    first; when none of the named statements holds one, none is the one (""): a federal
    amendment's "the due date of CDRL A004 ... is changed from 30 days after award to 45
    days" in "paragraph C.5" changes the deliverable's row, not C.5's opening sentence."""

    def closeness(other: str) -> tuple[bool, int, float, int]:
        said = worded(other)
        return (
            bool(replaced & said.values),
            len(found.values & said.values),
            cosine(found, said),
            texts[other][0],
        )

    best = max(sorted(named), key=closeness, default="")
    if best and replaced and not replaced & worded(best).values:
        return ""
    return best


def _cited_aside(
    best_named: str,
    cited: set[str],
    found: Wording,
    said_before: dict[str, tuple[str, Wording]],
) -> bool:
    """Whether the clause a statement names is not what it changes: none of the clause's
    statements is the one (``_closest`` found none), or an earlier statement found by its
    words names that clause too and is worded alike, so the citation is part of a text
    said before. An EDGAR-style walk's amended Schedule A row "Resin index
    for Section 9.2: ... as of April 1, 2027" had been linked to the surcharge clause 9.2
    instead of the agreement's row "Resin index for Section 9.2: ... as of the Effective
    Date"."""
    if not best_named:
        return True
    return any(
        cited & cited_clauses(text) and cosine(found, other) >= MIN_COSINE
        for text, other in said_before.values()
    )


def _holding_what_it_replaces(
    scored: list[tuple[float, tuple[str, str]]],
    candidate_id: str,
    replaced: frozenset[str],
    worded: Callable[[str], Wording],
) -> list[tuple[float, tuple[str, str]]]:
    """Of the earlier statements a change is linked to, those holding a value it says it
    replaces, when any does: a federal amendment's "the quantity of CLINs 0003, 1003 and
    2003 is increased from 600 hours to 800 hours" changes the three CLIN rows of 600
    hours, not clause B.1.4, which names the CLINs for their not-to-exceed ceiling (and
    had been linked for the word "CLINs" the rows do not have)."""
    if not replaced:
        return scored

    def holds(pair: tuple[str, str]) -> bool:
        return pair[0] != candidate_id or bool(replaced & worded(pair[1]).values)

    if not any(pair[0] == candidate_id and holds(pair) for _, pair in scored):
        return scored
    return [(score, pair) for score, pair in scored if holds(pair)]


def _clauses_of(connection: Connection, document_id: int) -> set[str]:
    """The clause numbers of one document's statements, upper-cased as cited ones are."""
    return {
        str(clause).upper()
        for clause in connection.scalars(
            sa.select(candidates.c.clause)
            .where(candidates.c.document_id == document_id, candidates.c.clause != "")
            .distinct()
        )
        if clause
    }


def _cited_elsewhere(
    connection: Connection,
    document_id: int,
    named: dict[str, set[str]],
    imported_before: bool = False,
) -> dict[str, set[str]]:
    """For each candidate naming clauses, the candidates of other documents with that clause."""
    wanted = sorted({clause for clauses in named.values() for clause in clauses})
    holders: dict[str, set[str]] = {}
    for start in range(0, len(wanted), KEYS_PER_QUERY):
        chunk = wanted[start : start + KEYS_PER_QUERY]
        for clause, other_id in connection.execute(
            sa.select(candidates.c.clause, candidates.c.id).where(
                candidates.c.clause.in_(chunk), other_documents(document_id, imported_before)
            )
        ):
            holders.setdefault(str(clause).upper(), set()).add(str(other_id))
    return {
        candidate_id: set().union(*(holders.get(clause, set()) for clause in clauses))
        for candidate_id, clauses in named.items()
        if clauses
    }


def _proposed(
    connection: Connection,
    document_id: int,
    searched: dict[str, Wording],
    imported_before: bool = False,
) -> dict[str, set[str]]:
    """For each searched candidate, the statements of other documents worth comparing:
    those sharing a word (not one of the commonest), or its heading's words."""
    wanted = sorted({word for found in searched.values() for word in found.words})
    common: set[str] = set()
    postings: dict[str, list[str]] = {}
    for start in range(0, len(wanted), KEYS_PER_QUERY):
        chunk = wanted[start : start + KEYS_PER_QUERY]
        counted = connection.execute(
            sa.select(candidate_words.c.word, sa.func.count())
            .where(candidate_words.c.word.in_(chunk))
            .group_by(candidate_words.c.word)
        ).all()
        common.update(word for word, count in counted if count > MAX_POSTINGS)
        rare = [word for word, count in counted if count <= MAX_POSTINGS]
        if not rare:
            continue
        query = (
            sa.select(candidate_words.c.word, candidate_words.c.candidate_id)
            .join(candidates, candidates.c.id == candidate_words.c.candidate_id)
            .where(candidate_words.c.word.in_(rare), other_documents(document_id, imported_before))
        )
        for word, candidate_id in connection.execute(query):
            postings.setdefault(word, []).append(candidate_id)
    proposed: dict[str, set[str]] = {}
    for candidate_id, found in searched.items():
        shared: Counter[str] = Counter()
        for word in found.words:
            shared.update(postings.get(word, ()))
        # enough rare words shared to reach the threshold, or a heading's word shared
        needed = 1 if found.heading else min(MIN_SHARED, max(1, len(found.words - common)))
        proposed[candidate_id] = {other for other, count in shared.items() if count >= needed}
    return proposed


def _document_order(
    connection: Connection, document_ids: Sequence[int]
) -> dict[int, tuple[int, datetime | None]]:
    rows = connection.execute(
        sa.select(documents.c.id, documents.c.sent_at).where(documents.c.id.in_(list(document_ids)))
    ).all()
    return {
        int(row.id): (int(row.id), sent_at(row.sent_at) if row.sent_at else None) for row in rows
    }
