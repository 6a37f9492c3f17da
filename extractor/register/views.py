"""What the register hands out: frozen values, never database rows.

The app and the CLI hold these between requests; a change goes back through
``Register`` together with the ``version`` the reviewer saw, which is how a
concurrent change is detected instead of overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar

# "withdrawn": confirmed once, then no longer required (a revision dropped the clause),
# kept with its history; "rejected": not a requirement
Status = Literal["candidate", "confirmed", "rejected", "withdrawn"]
STATUSES: tuple[Status, ...] = ("candidate", "confirmed", "rejected", "withdrawn")
# the states an entry is shown in: a confirmed entry a later revision superseded apart
SHOWN_STATES = ("candidate", "confirmed", "superseded", "rejected", "withdrawn")


def replaceable_while_waiting(status: str, label: str | None) -> bool:
    """A requirement still waiting for review: naming it as replaced decides it, confirmed
    and out of force at once (``Register.supersede``; a construction walk's revision P01
    clause was still waiting when P02's replaced it)."""
    return status == "candidate" and label not in (None, "none")


SortOrder = Literal[
    "requirements_first", "ref", "confidence_desc", "confidence_asc", "updated_desc"
]

ExportFormat = Literal["csv", "xlsx", "json", "reqif"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx", "json", "reqif")

REF_PREFIX = "REQ-"
_REF = re.compile(r"^REQ-(\d+)$", re.IGNORECASE)


def format_ref(entry_id: int) -> str:
    """The stable, human id of an entry: ``REQ-0001`` (more digits past 9,999)."""
    return f"{REF_PREFIX}{entry_id:04d}"


def parse_ref(ref: str) -> int | None:
    """The entry number in ``REQ-0042`` (or ``42``), or None when it is not a reference."""
    text = ref.strip()
    if text.isdigit():
        return int(text)
    match = _REF.match(text)
    return int(match.group(1)) if match else None


@dataclass(frozen=True, slots=True)
class ReviewedStatement:
    """A reviewer's decision as a training example: the final text and label, in context.

    Confirmed entries keep their (possibly corrected) label; rejected ones are
    ``none``. Neighbours are the tool's candidates before and after it in the
    same document, as the classifier sees them at extraction time.
    """

    text: str
    label: str
    document_sha256: str
    document_kind: str
    section: str = ""
    context_before: str = ""
    context_after: str = ""


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A document in the register: one row per distinct content (SHA-256)."""

    id: int
    sha256: str
    name: str
    kind: str
    pages: int | None
    uploaded_by: str
    uploaded_at: datetime


@dataclass(frozen=True, slots=True)
class CandidateView:
    """The statement exactly as the tool found it (the entry may since have been edited)."""

    id: str
    document_id: int
    position: int
    text: str
    label: str | None
    confidence: float | None
    page: int | None
    boxes: tuple[Mapping[str, Any], ...]
    clause: str
    section: str
    kind: str
    annotations: Mapping[str, Any]

    @property
    def laws(self) -> tuple[str, ...]:
        return tuple(self.annotations.get("laws", ()))

    @property
    def standards(self) -> tuple[str, ...]:
        return tuple(self.annotations.get("standards", ()))


@dataclass(frozen=True, slots=True)
class EntryView:
    """A register entry as loaded; pass ``version`` back when saving a change to it."""

    ref: str
    id: int
    text: str
    label: str | None
    status: Status
    confidence: float | None
    document_id: int | None
    document_name: str
    document_sha256: str
    page: int | None
    clause: str
    section: str
    boxes: tuple[Mapping[str, Any], ...]
    laws: tuple[str, ...]
    standards: tuple[str, ...]
    owner: str
    due_date: date | None
    notes: str
    candidate_id: str | None
    created_at: datetime
    updated_at: datetime
    updated_by: str
    version: int
    kind: str = ""  # how the source set it: "paragraph", "list_item", "table_row", "quoted", ...
    found_label: str | None = None  # the classifier's label, which ``confidence`` belongs to
    ocr: bool = False  # its text was read from a scanned page: worth checking against it
    sender: str = ""  # an e-mail's From, where the statement came from one
    sent_at: str = ""  # and its Date (ISO 8601)
    superseded_by: str = ""  # the entry of a later revision that replaced it ("REQ-0128")
    extracted_text: str = ""  # the statement as the tool found it ("" for one typed in)
    change_cue: str = ""  # the words by which it states a change: "instead of", "moved to"
    # a reviewer split one statement into several requirements (``Register.split``): the
    # entry a part was split from ("REQ-0012"), and the parts split off this one
    split_from: str = ""
    split_into: tuple[str, ...] = ()

    @property
    def edited(self) -> bool:
        """A reviewer's wording replaced the text as extracted (kept in the candidate)."""
        return bool(self.extracted_text) and self.text != self.extracted_text

    @property
    def pages(self) -> list[int]:
        """The pages its marked lines are on, in order (two when it runs over a page break);
        ``page`` is only the first."""
        marked = {int(box["page"]) for box in self.boxes if box.get("page") is not None}
        return sorted(marked) or ([self.page] if self.page is not None else [])


@dataclass(frozen=True, slots=True)
class EarlierDecision:
    """A confirmed or rejected entry whose source statement reads the same as another's.

    "The same" is ``extractor.register.same_text.text_key``: the same clause in
    the next purchase order or revision, whatever its line breaks or quotes.
    """

    ref: str
    status: Status
    label: str | None
    text: str
    document_name: str
    updated_by: str
    updated_at: datetime
    found_text: str = ""  # the statement as the tool found it, before any edit
    superseded_by: str = ""  # the entry that took its place, if one did ("REQ-0152")


@dataclass(frozen=True, slots=True)
class EarlierStatement:
    """The same clause with other numbers, or reworded with another value, in a document
    before this one (sent before it, or uploaded before it), decided or not."""

    ref: str
    status: Status
    document_name: str
    text: str  # as the tool found it there
    sent_at: datetime | None = None  # when its e-mail was sent, where known
    # other earlier entries holding the value this one replaces (the tender's clause, its
    # parameter table's row, its compliance matrix's row): (ref, status) each, so the
    # reviewer supersedes them all, not one of three
    also: tuple[tuple[str, Status], ...] = ()
    # the entry now in force in its place, where a later one superseded it ("REQ-0152"):
    # what a change would replace now; "" while it is itself in force (or undecided)
    in_force: str = ""


@dataclass(frozen=True, slots=True)
class EarlierDecisions:
    """What reviewers decided before on one text: the latest few, how many, and if they agree.

    Reviewers who decided the same text differently have to be read, not copied,
    so only ``agreed`` is ever applied.
    """

    latest: tuple[EarlierDecision, ...]  # latest first, a few at most
    total: int
    agree: bool
    # the latest of them a reviewer split into several requirements ("REQ-0012"): a
    # decision that no longer covers the whole text, so never applied as it was
    split: str = ""
    # "REQ-0083 by REQ-0121": one of them was since replaced by an entry saying it
    # otherwise (a mail's 0.008 mm for the drawing's 0.005 mm); the text decided before
    # is no longer what is in force, so never applied as it was
    replaced: str = ""

    @property
    def agreed(self) -> EarlierDecision | None:
        """The latest decision when all of them agree on status, label and text, and none
        of them was replaced by other words: one to decide the same text by again."""
        return self.settled if not self.replaced else None

    @property
    def settled(self) -> EarlierDecision | None:
        """The latest decision when all of them agree on status, label and text, replaced
        since or not: what reviewers took the text to be."""
        return self.latest[0] if self.agree and self.latest else None


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One line of an entry's history: who did what, and the fields before and after."""

    id: int
    at: datetime
    actor: str
    action: str
    entry_ref: str | None
    document_id: int | None
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None


# How a finished contract review ends (ISO 9001:2015 8.2.3.1: can the organisation
# meet the requirements?); all but "accepted" need a comment saying why.
REVIEW_OUTCOMES = ("accepted", "accepted with deviations", "declined")


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """A document's contract review declared finished: who, when, the outcome, the counts.

    ``changes_since`` counts the decisions on the document's entries made after it:
    above 0, what was signed off is no longer what the register says.
    """

    event_id: int
    document_id: int
    document_name: str
    outcome: str
    comment: str
    finished_by: str
    finished_at: datetime
    confirmed: int
    superseded: int
    rejected: int
    changes_since: int = 0


@dataclass(frozen=True, slots=True)
class DocumentReview:
    """A document's entries counted by state, and its latest review record (None: not yet)."""

    document_id: int
    name: str
    uploaded_at: datetime
    confirmed: int
    superseded: int
    rejected: int
    open: int
    latest: ReviewRecord | None
    withdrawn: int = 0

    @property
    def state(self) -> str:
        """One phrase for a list of documents: where its review stands."""
        if self.latest is None:
            counts = (self.open, self.confirmed, self.superseded, self.rejected, self.withdrawn)
            if not any(counts):
                return "no statements in it"  # a body-less mail, a blank scan
            return "to review" if self.open else "decided, review not finished"
        if self.latest.changes_since:
            return "changed since the review was finished"
        return f"review finished: {self.latest.outcome}"


@dataclass(frozen=True, slots=True)
class Decision:
    """Who gave a decided entry its current status, and when: the audit event that set it.

    Not ``updated_by``, which is whoever touched the entry last (a note, an owner,
    a later revision superseding it). ``same_as`` names the entry it was decided
    as, where it was decided "as before" (``same_as_earlier``), and ``replaces``
    the earlier revision's entries it superseded then.
    """

    entry_id: int
    status: Status
    actor: str
    at: datetime
    action: str  # "confirm", "bulk_confirm", "same_as_earlier", "reject", ...
    same_as: str = ""
    replaces: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntryFilter:
    """Which entries to list; every field left at its default matches everything.

    ``text`` is a case-insensitive substring of the entry's text, clause or
    reference; ``document_ids`` and the confidence bounds are inclusive.
    """

    statuses: tuple[Status, ...] = ()
    labels: tuple[str, ...] = ()
    document_ids: tuple[int, ...] = ()
    min_confidence: float | None = None
    max_confidence: float | None = None
    text: str = ""
    owner: str | None = None
    entry_ids: tuple[int, ...] = ()
    # True keeps only clauses decided before with other numbers (a changed requirement)
    differs_from_decided: bool = False
    # True keeps only clauses a document imported before has with other numbers, decided
    # or not: revision B's changed lead times while revision A still waits for review
    differs_from_earlier: bool = False
    # True leaves those out: what a bulk reject of sure `none`s must not take (a food walk's
    # changed allergen line, `none` at 0.96, was in the bulk reject's list)
    differing_left_out: bool = False
    # True leaves out entries whose very text a reviewer confirmed as a requirement before:
    # a re-walk's bulk reject of sure `none`s took a peanut line confirmed as specified
    confirmed_text_left_out: bool = False
    # False leaves out text quoted from earlier messages in an e-mail reply, which a
    # thread repeats in every reply, where the register holds that text as written too
    # (the earlier e-mail itself); a quote that is the only copy stays
    include_quoted: bool = True
    # True leaves out entries a later revision superseded (the register in force)
    in_force: bool = False
    # The states the Register view's chart shows, "superseded" among them, as that
    # chart counts them: "confirmed" is then a confirmed entry in force (a re-walk found
    # a "superseded" bar that no Status choice could list)
    shown_states: tuple[str, ...] = ()


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ResultPage(Generic[T]):
    """One page of a listing and the size of the whole result, for a pager."""

    items: tuple[T, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.items) < self.total


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did; a second import of the same input reports only skips."""

    documents_added: int = 0
    documents_known: int = 0
    entries_added: int = 0
    candidates_skipped: int = 0
    skipped_files: tuple[str, ...] = field(default_factory=tuple)
    # Known candidates imported before without a label (``--no-classify``) that got one now
    labels_added: int = 0
    # Lines of the imported files that were no usable statement record: "file:7: why"
    skipped_lines: tuple[str, ...] = field(default_factory=tuple)
    # The documents this import added or found already there, each once, in import order:
    # the scope of deciding them as before (never the rest of the register)
    document_ids: tuple[int, ...] = field(default_factory=tuple)

    def __add__(self, other: ImportReport) -> ImportReport:
        return ImportReport(
            self.documents_added + other.documents_added,
            self.documents_known + other.documents_known,
            self.entries_added + other.entries_added,
            self.candidates_skipped + other.candidates_skipped,
            self.skipped_files + other.skipped_files,
            self.labels_added + other.labels_added,
            self.skipped_lines + other.skipped_lines,
            tuple(dict.fromkeys(self.document_ids + other.document_ids)),
        )


@dataclass(frozen=True, slots=True)
class RevisionDecided:
    """What deciding a revision as before did: entries decided, earlier entries they
    superseded, and entries that took an owner, due date or notes over from those."""

    decided: int
    superseded: int = 0
    carried: int = 0
    # document id -> how many of its entries were decided, and how many superseded
    decided_in: Mapping[int, int] = field(default_factory=dict)
    superseded_in: Mapping[int, int] = field(default_factory=dict)
    # the earlier revisions' confirmed entries still in force after it, by document id:
    # clauses the revision dropped, or says otherwise (to withdraw or replace by hand)
    left_in_force: Mapping[int, tuple[str, ...]] = field(default_factory=dict)

    def left_in_force_line(self, names: Mapping[int, str], shown: int = 12) -> str:
        """ "Still in force from sor-a.pdf: REQ-0053, REQ-0024 ...", or "" when none is."""
        parts = []
        for document_id, refs in sorted(self.left_in_force.items()):
            more = f" and {len(refs) - shown} more" if len(refs) > shown else ""
            name = names.get(document_id, f"document {document_id}")
            parts.append(f"{name}: {', '.join(refs[:shown])}{more}")
        if not parts:
            return ""
        return (
            "still in force from the revision replaced, "
            + "; ".join(parts)
            + " (the revision does not say them as they were: withdraw or replace them)"
        )


@dataclass(frozen=True, slots=True)
class Counts:
    """Entries counted by label, by document name and by status (a confirmed entry a later
    revision superseded as ``superseded``), for the register's charts."""

    by_label: Mapping[str, int]
    by_document: Mapping[str, int]
    by_status: Mapping[str, int]
    total: int
