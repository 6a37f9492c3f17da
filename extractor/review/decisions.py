"""A reviewer's form turned into one audited save on the register entry they were shown.

The form holds the entry as loaded (with its ``version``); only the fields the
reviewer changed are sent, so the audit row says exactly what they decided,
and a save on an entry changed meanwhile raises ``ConflictError`` untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from extractor.errors import ConflictError, RegisterError
from extractor.register.service import Register
from extractor.register.views import EntryView, format_ref, replaceable_while_waiting

Verdict = Literal["confirm", "reject", "save", "reopen", "withdraw"]
# The bulk actions' default: confirm `statutory` and reject `none` candidates the model
# labelled with at least this confidence. `reqx evaluate` says what it would remove.
BULK_CONFIDENCE = 0.9
# The action recorded when a "save" changes only one field.
_SINGLE_FIELD_ACTIONS = {
    "label": "relabel",
    "text": "edit_text",
    "owner": "set_owner",
    "due_date": "set_due_date",
}


@dataclass(frozen=True, slots=True)
class Decision:
    """What the reviewer chose for one entry: a verdict and the field values in the form."""

    verdict: Verdict
    label: str | None
    text: str
    owner: str = ""
    due_date: date | None = None
    note: str = ""


def changed_fields(entry: EntryView, decision: Decision) -> dict[str, Any]:
    """The fields whose form value differs from the entry as it was shown."""
    proposed: dict[str, Any] = {
        "label": decision.label,
        "text": decision.text.strip(),
        "owner": decision.owner.strip(),
        "due_date": decision.due_date,
    }
    shown: dict[str, Any] = {
        "label": entry.label,
        "text": entry.text,
        "owner": entry.owner,
        "due_date": entry.due_date,
    }
    return {name: value for name, value in proposed.items() if value != shown[name]}


def apply_decision(
    register: Register, entry: EntryView, decision: Decision, *, actor: str
) -> EntryView:
    """Save the decision on ``entry`` (checked against the version shown) and return the result.

    Confirming needs a label: an entry imported unlabelled (``--no-classify``)
    is not confirmed as whatever kind the form happened to show first.
    """
    if decision.verdict == "confirm" and decision.label is None:
        raise RegisterError(
            f"{entry.ref} has no label: choose specified, implied, statutory or none"
            " before confirming it"
        )
    changes = changed_fields(entry, decision)
    if decision.verdict == "withdraw":
        # the note is the reason, kept in the withdrawal's own event and in the notes
        current = register.withdraw(
            entry.id, version=entry.version, actor=actor, reason=decision.note, **changes
        )
        return register.add_note(entry.id, decision.note, version=current.version, actor=actor)
    if decision.verdict == "confirm":
        changes["status"] = "confirmed"
        action = "confirm"
    elif decision.verdict == "reject":
        changes["status"] = "rejected"
        action = "reject"
    elif decision.verdict == "reopen":  # a decision taken by mistake: back in the queue
        changes["status"] = "candidate"
        action = "reopen"
    elif len(changes) == 1:
        action = _SINGLE_FIELD_ACTIONS[next(iter(changes))]
    else:
        action = "edit"
    current = entry
    if changes:
        # the note typed with a decision is its reason, kept in the decision's own event
        current = register.update(
            entry.id,
            version=entry.version,
            actor=actor,
            action=action,
            reason=decision.note,
            **changes,
        )
    if decision.note.strip():
        current = register.add_note(entry.id, decision.note, version=current.version, actor=actor)
    return current


def dropped_later_lines(
    register: Register, refs: Sequence[str | int], *, shown: int = 12
) -> list[str]:
    """What the later revisions already imported leave out of the requirements ``refs``
    just confirmed, one line per revision (``Register.dropped_later``); [] for none.

    A revision imported before its previous one was reviewed named nothing it leaves out
    (nothing was confirmed yet): the reviewer confirming the dropped clause learns it here,
    as the upload would have said it.
    """
    found = register.dropped_later(refs)
    if not found:
        return []
    names = {document.id: document.name for document in register.documents()}
    lines = []
    for later, dropped in sorted(found.items()):
        left_out = [format_ref(entry_id) for entry_id in dropped.entry_ids]
        more = f" and {len(left_out) - shown} more" if len(left_out) > shown else ""
        one = len(left_out) == 1
        lines.append(
            f"{names.get(later, later)}, a later revision of"
            f" {names.get(dropped.previous_id, dropped.previous_id)} imported before"
            f" {'this requirement was' if one else 'these requirements were'} confirmed,"
            f" leaves out {', '.join(left_out[:shown])}{more}, not even with other numbers or"
            f" in other words. If the revision drops {'it' if one else 'them'}, withdraw"
            f" {'it' if one else 'them'} with the revision as the reason (status confirmed,"
            " 'Withdraw'); if not, ask the customer"
        )
    return lines


def links_refused(
    register: Register, entry: EntryView, replacing: Sequence[str], changing: Sequence[str]
) -> list[str]:
    """Why the entries a reviewer named as replaced or changed in part by ``entry`` cannot
    be linked to it; empty when all can.

    Asked before the decision is saved: a logistics walk named a waiting entry in "It
    changes part of", the confirmation was saved, the link refused after it, and the
    REQ number typed was gone with the card. A replaced entry must be confirmed, or a
    requirement still waiting, and not replaced by another; an entry changed in part
    must be a requirement in force.
    """
    reasons: list[str] = []
    for ref, replaced in [*((r, True) for r in replacing), *((r, False) for r in changing)]:
        try:
            other = register.get_entry(ref)
        except RegisterError as error:
            reasons.append(str(error))
            continue
        if other.id == entry.id:
            reasons.append(f"{other.ref} is this entry itself")
        elif other.status != "confirmed" and not (
            replaced and replaceable_while_waiting(other.status, other.label)
        ):
            reasons.append(
                f"{other.ref} is {other.status}, not a requirement in force: decide it first"
            )
        elif other.superseded_by and not (replaced and other.superseded_by == entry.ref):
            reasons.append(
                f"{other.ref} is already superseded by {other.superseded_by}: name that one"
            )
    return reasons


def split_lines(text: str) -> list[str]:
    """The parts a reviewer wrote to split a statement into: one per line, blank lines
    and the spaces around each left out (``Register.split`` checks the rest)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def conflict_report(
    shown: EntryView, now: EntryView, decision: Decision, error: ConflictError
) -> list[str]:
    """What a reviewer whose save was refused needs: who changed the entry to what, and
    what they themselves entered, so that nothing typed is lost and nothing is missed
    (a rejected entry leaves their queue on reload)."""
    lines = [
        f"{shown.ref} was changed by {error.by or 'someone else'} after you loaded it"
        f" (version {error.expected}, now {error.found}); nothing of yours was saved.",
    ]
    now_parts = [now.status, now.label or "unlabelled"]
    if now.text != shown.text:
        now_parts.append(f'text now: "{now.text}"')
    if now.owner != shown.owner:
        now_parts.append(f"owner now: {now.owner or '(none)'}")
    if now.due_date != shown.due_date:
        now_parts.append(f"due now: {now.due_date or '(none)'}")
    lines.append("It is now " + "; ".join(now_parts) + ".")
    verdict = decision.verdict.capitalize()
    yours = [f"{verdict}"]
    for name, value in changed_fields(shown, decision).items():
        shown_value = f'"{value}"' if name == "text" else value or "(none)"
        yours.append(f"{name.replace('_', ' ')}: {shown_value}")
    if decision.note.strip():
        yours.append(f"note: {decision.note.strip()}")
    lines.append("What you entered, to decide again after Reload: " + "; ".join(yours) + ".")
    return lines
