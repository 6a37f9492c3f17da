"""One statement split into several requirements: the parts, and how an entry traces back.

"Parts shall be zinc-plated to ASTM B633 and shall comply with RoHS Directive
2011/65/EU." holds a specified and a statutory requirement; a reviewer splits it
(``Register.split``). The entry keeps the first part; each further part becomes an
entry of its own with no candidate (the tool found one statement, not two). The
audit trail is the record of the link, so no column holds it: the original's
``split`` event names the parts (``split_into``), each part's ``split_off`` event
the entry it came from (``split_from``). ``with_split_links`` reads them back
onto the views, with what the part inherits from the statement as found.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from extractor.errors import RegisterError
from extractor.register.models import AuditRow, CandidateRow, EntryRow
from extractor.register.views import EntryView, format_ref, parse_ref

SPLIT = "split"  # the audit action on the entry split (before and after text, ``split_into``)
SPLIT_OFF = "split_off"  # the creation of a part (its decided fields, ``split_from``)
# How far a part of a part of ... is followed back to the statement as found.
_MAX_DEPTH = 20


def split_parts(ref: str, parts: Sequence[str]) -> list[str]:
    """The parts as they will be saved (stripped), or ``RegisterError`` saying why not.

    Parts are usually pieces of the statement, but a reviewer may tidy the wording
    ("Parts shall comply with RoHS ..."), so they are not checked against it.
    """
    if isinstance(parts, str):  # one string is no list of parts
        raise RegisterError(f"{ref}: give the parts as a list, one text each")
    texts = [str(part).strip() for part in parts]
    if len(texts) < 2:
        raise RegisterError(f"{ref}: a split needs two parts at least, one per requirement")
    if not all(texts):
        raise RegisterError(f"{ref}: part {texts.index('') + 1} of the split is empty")
    if len(set(texts)) < len(texts):
        raise RegisterError(f"{ref}: two parts of the split are the same text")
    return texts


def was_split(entry_id: Any) -> Any:
    """True where the entry ``entry_id`` (a column) was split: its decision no longer covers
    the statement as found, so it is no decision to take over as it was."""
    return (
        select(AuditRow.id).where(AuditRow.entry_id == entry_id, AuditRow.action == SPLIT).exists()
    )


def not_split(entry_id: Any) -> Any:
    """True where the entry ``entry_id`` (a column) was never split. ``was_split`` turned
    round, but the split entries are read once, not looked up per row: asked of every
    waiting candidate (the bulk button's count over 18,000: 35 ms against 46 ms)."""
    split = select(AuditRow.entry_id).where(
        AuditRow.action == SPLIT, AuditRow.entry_id.is_not(None)
    )
    return entry_id.not_in(split)


def with_split_links(session: Session, views: Sequence[EntryView]) -> list[EntryView]:
    """``views`` with their split links: the parts split off each, and for a part the entry
    it came from and what it shares with the statement as found (extracted text, section,
    kind, cited laws and standards, OCR), which its card and exports show.

    One query on the audit trail's entry index; more only where a listed entry is a part.
    """
    if not views:
        return []
    events = session.execute(
        select(AuditRow.entry_id, AuditRow.action, AuditRow.after)
        .where(
            AuditRow.entry_id.in_([view.id for view in views]),
            AuditRow.action.in_((SPLIT, SPLIT_OFF)),
        )
        .order_by(AuditRow.id)
    ).all()
    if not events:
        return list(views)
    split_into: dict[int, list[str]] = {}
    split_from: dict[int, int] = {}
    for entry_id, action, after in events:
        if action == SPLIT:
            split_into.setdefault(entry_id, []).extend((after or {}).get("split_into") or ())
        elif (origin := _origin(after)) is not None:
            split_from[entry_id] = origin
    found = _statements_found(session, set(split_from.values()))
    linked = []
    for view in views:
        changes: dict[str, Any] = {}
        if view.id in split_into:
            changes["split_into"] = tuple(split_into[view.id])
        if view.id in split_from:
            origin = split_from[view.id]
            changes["split_from"] = format_ref(origin)
            if origin in found and view.candidate_id is None:
                changes.update(_inherited(found[origin]))
        if changes:
            view = dataclasses.replace(view, **changes)
            # each part cites what its own words cite, not the whole statement's list
            view = dataclasses.replace(
                view, laws=_cited(view.text, view.laws), standards=_cited(view.text, view.standards)
            )
        linked.append(view)
    return linked


def _cited(text: str, citations: Sequence[str]) -> tuple[str, ...]:
    """Those of ``citations`` (found in the whole statement) that ``text`` names, letters
    and digits compared ("21 C.F.R. 820" names the "21 CFR 820" the annotator wrote)."""
    words = _letters_and_digits(text)
    return tuple(c for c in citations if _letters_and_digits(c) in words)


def _letters_and_digits(text: str) -> str:
    return "".join(character for character in text.casefold() if character.isalnum())


def _origin(after: Mapping[str, Any] | None) -> int | None:
    return parse_ref(str((after or {}).get("split_from") or ""))


def _statements_found(session: Session, entry_ids: Collection[int]) -> dict[int, CandidateRow]:
    """For each entry, the statement as the tool found it: its candidate, or for a part
    split off another part, the candidate of the entry that part came from."""
    found: dict[int, CandidateRow] = {}
    pending = {entry_id: entry_id for entry_id in entry_ids}  # asked -> looked at now
    for _ in range(_MAX_DEPTH):
        if not pending:
            break
        looked_at = set(pending.values())
        candidate_of = dict(
            session.execute(
                select(EntryRow.id, EntryRow.candidate_id).where(EntryRow.id.in_(looked_at))
            ).all()
        )
        parent_of = {
            entry_id: origin
            for entry_id, after in session.execute(
                select(AuditRow.entry_id, AuditRow.after).where(
                    AuditRow.entry_id.in_([at for at in looked_at if candidate_of.get(at) is None]),
                    AuditRow.action == SPLIT_OFF,
                )
            )
            if (origin := _origin(after)) is not None
        }
        candidate_ids = {
            asked: candidate_of[at] for asked, at in pending.items() if candidate_of.get(at)
        }
        rows = session.scalars(
            select(CandidateRow).where(CandidateRow.id.in_(set(candidate_ids.values())))
        )
        by_id = {row.id: row for row in rows}
        found.update({asked: by_id[c] for asked, c in candidate_ids.items() if c in by_id})
        pending = {
            asked: parent_of[at]
            for asked, at in pending.items()
            if asked not in candidate_ids and at in parent_of
        }
    return found


def _inherited(candidate: CandidateRow) -> dict[str, Any]:
    """What a part shares with the statement it was split from. Not the model's label or
    confidence, nor a change cue: those were found for the whole statement."""
    notes = candidate.annotations or {}
    return {
        "extracted_text": candidate.text,
        "section": candidate.section or "",
        "kind": candidate.kind or "",
        "laws": tuple(notes.get("laws") or ()),
        "standards": tuple(notes.get("standards") or ()),
        "ocr": bool(notes.get("ocr")),
    }
