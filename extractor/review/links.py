"""What a card's hint proposes to link a new entry to, and taking a decision back with its links.

A card that says "Differs from REQ-0050 ..." or "May differ from REQ-0111 ..."
names the earlier entry the new one likely replaces or changes. A medical-device
walker reviewing an amendment after its supply agreement typed that number by
hand on every card, so the card fills it in, in the field the hint's kind means:

* the same clause with other numbers ("numbers or dates changed") says the whole
  clause again, so it *replaces* the entry in force ("It also replaces");
* a statement said before in other words may say only part of it (an
  amendment's one sentence, a terse mail), so it *changes part of* it ("It
  changes part of"): both stay in force, the change noted on the earlier one.
  Wrongly superseding takes a whole clause out of force unseen (an aerospace
  walk's order line, a re-walk's grid-code clause); wrongly noting a change
  leaves both in force, each naming the other.

Only entries in force are filled in, and only those the card names. A confirm
taken back with "Undo" takes its links back too (``undo_decision``): the
superseded entries go back in force and the change notes come off, or the
entries confirmed by mistake would have left their predecessors out of force.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from extractor.errors import RegisterError
from extractor.register.reworded import other_parts, wording
from extractor.register.service import Register
from extractor.register.views import (
    EarlierDecision,
    EarlierStatement,
    EntryFilter,
    parse_ref,
)

# The fields an entry takes over from the one it supersedes (``Register.supersede``).
TAKEN_OVER = ("owner", "due_date", "notes")


@dataclass(frozen=True, slots=True)
class Proposed:
    """The earlier entries in force a card's hint names, by the field they are filled into."""

    replaces: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()

    @property
    def named(self) -> tuple[str, ...]:
        return (*self.replaces, *self.changes)


def says_much_more(earlier: str, later: str) -> bool:
    """The earlier statement has over twice the words of the later one that changes it."""
    return len(earlier.split()) > 2 * max(len(later.split()), 1)


def replaced_refs(earlier: EarlierStatement) -> list[str]:
    """The confirmed entries a reworded change would replace: the one linked and the others
    holding the same value (``EarlierStatement.also``); only confirmed ones are in force."""
    if earlier.in_force:  # replaced already: the one in force in its place is replaced now
        return [earlier.in_force] + [ref for ref, status in earlier.also if status == "confirmed"]
    found = [(earlier.ref, earlier.status), *earlier.also]
    return [ref for ref, status in found if status == "confirmed"]


def hinted_refs(
    other_numbers: EarlierDecision | None,
    changed_since: EarlierStatement | None,
    reworded: EarlierStatement | None,
) -> tuple[list[str], bool]:
    """The entries the card's one hint names as in force in the earlier one's place, and
    whether the hint is the same clause said again whole (with other numbers).

    The card shows one hint, in this order; what it does not show is not proposed.
    """
    if other_numbers is not None:
        if other_numbers.status != "confirmed":
            return [], True
        return [other_numbers.superseded_by or other_numbers.ref], True
    if changed_since is not None:
        return [changed_since.in_force or changed_since.ref], True
    if reworded is not None:
        return replaced_refs(reworded), False
    return [], False


def proposed_links(
    text: str,
    other_numbers: EarlierDecision | None,
    changed_since: EarlierStatement | None,
    reworded: EarlierStatement | None,
    in_force: Mapping[str, str],
) -> Proposed:
    """What the card fills in: the hinted entries still ``in_force`` (ref: text), as
    replaced when the hint is the same clause with other numbers, else as changed in part;
    changed in part too when the earlier statement says much more than ``text`` (one value
    of a long clause changed).

    An entry naming other part numbers or another row id is never filled in: numbers
    aside, an order's rows read alike, and the walk's amendment row for CSI-2210 was
    hinted at the agreement's row for CSI-2212 (``reworded.other_parts``).
    """
    refs, whole = hinted_refs(other_numbers, changed_since, reworded)
    said = wording(text)
    kept = tuple(
        ref
        for ref in dict.fromkeys(refs)
        if ref in in_force and not other_parts(wording(in_force[ref]), said)
    )
    if not kept:
        return Proposed()
    earlier = other_numbers or changed_since or reworded
    earlier_text = str(getattr(earlier, "found_text", "") or getattr(earlier, "text", ""))
    if whole and not says_much_more(earlier_text, text):
        return Proposed(replaces=kept)
    return Proposed(changes=kept)


def in_force_texts(register: Register, refs: Iterable[str]) -> dict[str, str]:
    """Those of ``refs`` that are confirmed and superseded by nothing, with their texts
    (one query)."""
    ids = sorted({entry_id for ref in refs if (entry_id := parse_ref(ref)) is not None})
    if not ids:
        return {}
    found = register.list_entries(
        EntryFilter(entry_ids=tuple(ids), statuses=("confirmed",), in_force=True), limit=len(ids)
    )
    return {entry.ref: entry.text for entry in found.items}


@dataclass(frozen=True, slots=True)
class Linked:
    """An earlier entry a confirm superseded or noted a change on: its version after that,
    and its fields as they were before, to put back."""

    ref: str
    version: int
    before: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Undoable:
    """A confirm or reject the reviewer may take back at once, with the links it made."""

    entry_id: int
    ref: str
    status: str  # what it was decided as: "confirmed", "rejected"
    version: int  # the entry's version after the decision and its links
    # its fields the links changed (what it took over from a superseded entry), as before
    before: Mapping[str, Any] = field(default_factory=dict)
    superseded: tuple[Linked, ...] = ()
    changed: tuple[Linked, ...] = ()


def undo_label(undoable: Undoable) -> str:
    """The Undo button's words: everything it puts back, named."""
    also = []
    if undoable.superseded:
        refs = " and ".join(linked.ref for linked in undoable.superseded)
        also.append(f"{refs} back in force")
    if undoable.changed:
        refs = " and ".join(linked.ref for linked in undoable.changed)
        also.append(f"the change note off {refs}")
    put = f"put {undoable.ref} back in the queue" + "".join(f", {part}" for part in also)
    return f"Undo: {put} ({undoable.status} by mistake)"


def undo_decision(register: Register, undoable: Undoable, *, actor: str) -> list[str]:
    """Put the entry back in the queue, then its links back as they were; what could not be
    put back, because someone changed it since, is named in the returned lines.

    Raises ``ConflictError`` and changes nothing when the entry itself was changed since.
    """
    register.update(
        undoable.entry_id,
        version=undoable.version,
        actor=actor,
        action="reopen",
        reason=f"undo: {undoable.status} by mistake",
        status="candidate",
        **undoable.before,
    )
    left = []
    for linked, action in (
        *((linked, "supersede_undone") for linked in undoable.superseded),
        *((linked, "change_in_part_undone") for linked in undoable.changed),
    ):
        try:
            register.update(
                linked.ref,
                version=linked.version,
                actor=actor,
                action=action,
                reason=f"undo of {undoable.ref}, {undoable.status} by mistake",
                **linked.before,
            )
        except RegisterError as error:
            left.append(f"{linked.ref} was left as it is: {error}")
    return left
