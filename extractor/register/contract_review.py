"""The record that a document's contract review was finished, and with what outcome.

ISO 9001:2015 8.2.3.1 asks for the review *before* the organisation commits to
supply, and 8.2.3.2 (a) for documented information on its results. Deciding
entries one by one records what each requirement is; this records the review of
the document as a whole: who finished it, when, whether the order can be
accepted, and how many requirements it held at that moment. The record is an
audit event (action ``review_finished``), so it is append-only like every other
decision, and a later decision on the document's entries shows as "changed
since" instead of silently rewriting what was signed off.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from extractor.errors import NotFound, RegisterError
from extractor.register.chain import append_events
from extractor.register.database import as_utc
from extractor.register.models import AuditRow, DocumentRow, EntryRow
from extractor.register.views import (
    REVIEW_OUTCOMES,
    DocumentReview,
    ReviewRecord,
    format_ref,
)

REVIEW_FINISHED = "review_finished"
# undecided entries named in the refusal; the rest are counted
SHOWN_OPEN = 5


def review_counts(
    session: Session, document_ids: Sequence[int] | None = None
) -> dict[int, dict[str, int]]:
    """Per document: entries confirmed and in force, superseded, withdrawn, rejected, still
    open."""
    query = select(
        EntryRow.document_id, EntryRow.status, EntryRow.superseded_by.is_not(None), func.count()
    ).group_by(EntryRow.document_id, EntryRow.status, EntryRow.superseded_by.is_not(None))
    if document_ids is not None:
        query = query.where(EntryRow.document_id.in_(document_ids))
    counts: dict[int, dict[str, int]] = {}
    for document_id, status, superseded, number in session.execute(query):
        if document_id is None:
            continue
        row = counts.setdefault(document_id, _empty_counts())
        if status == "confirmed":
            row["superseded" if superseded else "confirmed"] += number
        elif status in ("rejected", "withdrawn"):
            row[status] += number
        else:
            row["open"] += number
    return counts


def _empty_counts() -> dict[str, int]:
    return {"confirmed": 0, "superseded": 0, "withdrawn": 0, "rejected": 0, "open": 0}


def check_outcome(outcome: str, comment: str) -> str:
    """The outcome as recorded; a refusal that says what is missing otherwise."""
    chosen = outcome.strip().lower()
    if chosen not in REVIEW_OUTCOMES:
        raise RegisterError(f"review outcome {outcome!r}: not one of {', '.join(REVIEW_OUTCOMES)}")
    if chosen != "accepted" and not comment.strip():
        # which requirements cannot be met, or why the order is declined: the part of the
        # record an auditor asks for first
        raise RegisterError(f"the outcome {chosen!r} needs a comment saying why")
    return chosen


def finish_review(
    session: Session,
    document_id: int,
    *,
    outcome: str,
    comment: str,
    actor: str,
    now: datetime,
) -> None:
    """Add the review-finished event for one document, refused while entries are undecided.

    An order cannot be said to be reviewed while candidates of it wait: they may be
    requirements nobody has looked at.
    """
    chosen = check_outcome(outcome, comment)
    document = session.get(DocumentRow, document_id)
    if document is None:
        raise NotFound(f"document {document_id}: not in the register")
    open_ids = session.scalars(
        select(EntryRow.id)
        .where(EntryRow.document_id == document_id, EntryRow.status == "candidate")
        .order_by(EntryRow.id)
    ).all()
    if open_ids:
        refs = ", ".join(format_ref(entry_id) for entry_id in open_ids[:SHOWN_OPEN])
        more = len(open_ids) - SHOWN_OPEN
        refs += f" and {more} more" if more > 0 else ""
        entries = "entry is" if len(open_ids) == 1 else "entries are"
        raise RegisterError(
            f"{document.name}: {len(open_ids)} {entries} still to be decided ({refs});"
            " decide them before finishing the review"
        )
    counts = review_counts(session, [document_id]).get(document_id, _empty_counts())
    event = {
        "at": now,
        "actor": actor,
        "action": REVIEW_FINISHED,
        "entry_id": None,
        "document_id": document_id,
        "before": None,
        "after": {
            "outcome": chosen,
            "comment": comment.strip(),
            "confirmed": counts["confirmed"],
            "superseded": counts["superseded"],
            "rejected": counts["rejected"],
        },
    }
    append_events(session.connection(), [event])  # chained, as every audit event


def review_records(session: Session, document_id: int | None = None) -> list[ReviewRecord]:
    """Every review-finished record, oldest first, with the decisions made since each."""
    later = aliased(AuditRow)
    since = (
        select(func.count(later.id))
        .where(
            and_(
                later.document_id == AuditRow.document_id,
                later.id > AuditRow.id,
                later.entry_id.is_not(None),
            )
        )
        .correlate(AuditRow)
        .scalar_subquery()
    )
    query = (
        select(AuditRow, DocumentRow.name, since)
        .join(DocumentRow, DocumentRow.id == AuditRow.document_id)
        .where(AuditRow.action == REVIEW_FINISHED)
        .order_by(AuditRow.id)
    )
    if document_id is not None:
        query = query.where(AuditRow.document_id == document_id)
    return [_record(row, name, changes) for row, name, changes in session.execute(query)]


def document_reviews(session: Session) -> list[DocumentReview]:
    """Every document with its entries counted and its latest review record, if any."""
    latest: dict[int, ReviewRecord] = {}
    for record in review_records(session):
        latest[record.document_id] = record  # oldest first: the last one stays
    counts = review_counts(session)
    reviews = []
    for document in session.scalars(select(DocumentRow).order_by(DocumentRow.id)):
        row = counts.get(document.id, _empty_counts())
        reviews.append(
            DocumentReview(
                document_id=document.id,
                name=document.name,
                uploaded_at=as_utc(document.uploaded_at),
                confirmed=row["confirmed"],
                superseded=row["superseded"],
                rejected=row["rejected"],
                open=row["open"],
                latest=latest.get(document.id),
                withdrawn=row["withdrawn"],
            )
        )
    return reviews


def _record(row: AuditRow, name: str, changes: int) -> ReviewRecord:
    after = row.after or {}
    return ReviewRecord(
        event_id=row.id,
        document_id=int(row.document_id or 0),
        document_name=name,
        outcome=str(after.get("outcome", "")),
        comment=str(after.get("comment", "")),
        finished_by=row.actor,
        finished_at=as_utc(row.at),
        confirmed=int(after.get("confirmed", 0)),
        superseded=int(after.get("superseded", 0)),
        rejected=int(after.get("rejected", 0)),
        changes_since=int(changes or 0),
    )
