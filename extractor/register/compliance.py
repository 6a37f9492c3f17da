"""The register in force as a compliance list: one row per requirement, in clause order.

A bid or contract reviewer answers a tender clause by clause ("C", "PC" or
"NC" and a comment), in the customer's order. The register export is in REQ
order with the audit columns a register needs; this one is what the answer
sheet needs: the confirmed requirements in force, ordered by document (in the
order they were imported: the tender before the mails answering it) and clause
(3.1.2 before 3.1.10), with empty columns to answer in. A requirement
that replaced an earlier one (a clarification's "800 kg instead of 850 kg",
marked as superseding the tender's clause) takes that clause's place and number,
so the sheet reads in the tender's order with the changed value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, BinaryIO

from extractor.errors import RegisterError
from extractor.register.exporting import page_span, write_csv, write_xlsx
from extractor.register.service import Register, changed_in_part_by
from extractor.register.views import EntryFilter, EntryView

# Column D is the wide one in the XLSX writer: the requirement goes there.
COMPLIANCE_FIELDS = (
    "document",
    "clause",
    "pages",
    "requirement",
    "section",  # a table row's caption ("Table 1 - Component requirements") to cite it by
    "id",
    "label",
    "compliance",  # for the answer: C, PC or NC
    "response",
    "owner",
    "notes",
    "replaces",
    "changes part of",
    # the entries changing part of this one, which stays in force (a construction walk's
    # "25 Pa" row showed nothing of the mail's "30 Pa" that changed it)
    "changed in part by",
)
COMPLIANCE_FORMATS = ("csv", "xlsx")
_CLAUSE_PART = re.compile(r"\d+|[^\W\d_]+")
_TOP_NUMBER = re.compile(r"\d+")
# Where an entry read before the first clause of its document sorts: before every clause
# (``clause_order`` puts an entry without a clause after them)
_BEFORE_ANY_CLAUSE: tuple[tuple[int, int | str], ...] = ((-1, 0),)


def clause_order(clause: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key reading clause numbers as people do: 3.1.2 < 3.1.10 < 3.2, A.3 < B.1.

    Numbers compare as numbers and letters as letters; an entry without a clause
    sorts after those with one.
    """
    parts = _CLAUSE_PART.findall(clause)
    if not parts:
        return ((2, 0),)
    return tuple((0, int(part)) if part.isdigit() else (1, part.lower()) for part in parts)


class NumberingRuns:
    """Which numbering of a document each clause belongs to, read in reading order.

    Numbers start again at 1 when a document begins a second list: special
    instructions "1"-"4" on an order's face, then its terms "1.1"-"13.1"; an annex
    numbered from 1. Sorting both lists as one would interleave them (1, 1.1, 2,
    2.1, ...). A clause read out of order within one list (3.1.10 before 3.1.2, or
    6.2 before 5.2) is no new start.
    """

    def __init__(self) -> None:
        self.current = 0
        self.highest = 0

    def run(self, clause: str) -> int:
        """The run ``clause`` opens or continues; a clause-less entry continues."""
        found = _TOP_NUMBER.match(clause)
        if found:
            top = int(found.group())
            if top <= 1 and self.highest >= 2:
                self.current += 1
                self.highest = 0
            self.highest = max(self.highest, top)
        return self.current


def compliance_records(register: Register) -> list[dict[str, Any]]:
    """The confirmed requirements in force as compliance rows, in document and clause order.

    A row without a clause of its own (a table's row, a paragraph under a clause)
    sorts with the clause before it in its document, not after every clause, and one
    before the document's first clause (a cover page) before its clauses; and a
    requirement confirmed with the label ``none`` is none to answer. A document that
    numbers twice (a purchase order's special instructions 1-4, then its terms 1.1 to
    13.1) keeps its two lists apart, in reading order (``NumberingRuns``).
    """
    in_force: list[EntryView] = []
    replaced: dict[str, list[EntryView]] = {}
    changed: dict[str, list[EntryView]] = {}  # by the entry changing part of them
    under: dict[int, str] = {}  # each entry's clause, or the last one before it
    last: dict[int | None, str] = {}
    runs: dict[int | None, NumberingRuns] = {}
    run_of: dict[int, int] = {}
    for entry in register.iter_entries(EntryFilter()):  # in reference order: reading order
        # a table row's own id ("VHG-REQ-001", "R024") is its clause to cite, not a place
        # in the document's numbering: it sorts with the clause before it, as a row did
        # before ids became clauses (session 21)
        row_id = entry.kind == "table_row" and not entry.clause[:1].isdigit()
        if entry.clause and not row_id:
            last[entry.document_id] = entry.clause
        under[entry.id] = last.get(entry.document_id, "")
        run_of[entry.id] = runs.setdefault(entry.document_id, NumberingRuns()).run(entry.clause)
        if entry.status != "confirmed":
            continue
        if entry.superseded_by:
            replaced.setdefault(entry.superseded_by, []).append(entry)
        elif entry.label != "none":
            in_force.append(entry)
            for by in changed_in_part_by(entry.notes or ""):
                changed.setdefault(by, []).append(entry)
    rows = []
    for entry in in_force:
        earlier = replaced.get(entry.ref, [])
        amended = changed.get(entry.ref, [])
        # a clarification's answer without a clause takes the place of what it changes; a
        # revision's row under its own clause stays in the revision. One that changes only
        # part of an entry sits right after it (a chemicals walk found such changes at the
        # end of the list, pointing nowhere)
        place = entry
        if (earlier or amended) and not under.get(entry.id):
            place = earlier[0] if earlier else amended[0]
        clause = _place_in_document(under.get(place.id, place.clause))
        key = (place.document_id or 0, run_of.get(place.id, 0), clause, place.id, entry.id)
        row = _row(entry, place if earlier else entry, earlier)
        row["changes part of"] = "; ".join(f"{old.ref} ({old.document_name})" for old in amended)
        row["changed in part by"] = "; ".join(changed_in_part_by(entry.notes or ""))
        rows.append((key, row))
    return [row for _, row in sorted(rows, key=lambda item: item[0])]


def _place_in_document(under: str) -> tuple[tuple[int, int | str], ...]:
    """The sort key of an entry under clause ``under``, the last one before it in its
    document; "" (none before it) is the document's start, read first.

    A federal walk: a solicitation's cover-page row (page 1, no clause) was listed after
    Section I, a CDRL's data items (their own ids, no place in the numbering) after its
    notes; and a document without any clause keeps its reading order either way.
    """
    return clause_order(under) if under else _BEFORE_ANY_CLAUSE


def _row(entry: EntryView, place: EntryView, earlier: Iterable[EntryView]) -> dict[str, Any]:
    return {
        "document": entry.document_name,
        "clause": place.clause,  # a replacement without one sits at the clause it changes
        "pages": page_span(entry),
        "requirement": entry.text,
        "section": entry.section or place.section,
        "id": entry.ref,
        "label": entry.label or "",
        "compliance": "",
        "response": "",
        "owner": entry.owner,
        "notes": entry.notes,
        "replaces": "; ".join(f"{old.ref} ({old.document_name})" for old in earlier),
        "changes part of": "",
        "changed in part by": "",
    }


def export_compliance(register: Register, output_format: str, out: BinaryIO) -> int:
    """Write the compliance list as CSV or XLSX (formulas neutralised); returns its rows."""
    if output_format not in COMPLIANCE_FORMATS:
        raise RegisterError(
            f"the compliance list exports as {', '.join(COMPLIANCE_FORMATS)}, not {output_format!r}"
        )
    records = compliance_records(register)
    writer = write_csv if output_format == "csv" else write_xlsx
    writer(records, out, COMPLIANCE_FIELDS)
    return len(records)
