"""The register's one API for the app and the CLI: import, list, decide, count, history.

Every method runs in its own short transaction and returns frozen views, so no
database object or session outlives a call (safe across Streamlit reruns).
Every decision appends an audit row in the same transaction as the change, and
carries the ``version`` the reviewer saw: a save on a stale version raises
``ConflictError`` and changes nothing.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar, cast

from sqlalchemy import (
    Engine,
    Select,
    Table,
    bindparam,
    case,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, aliased, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from extractor.errors import ConflictError, NotFound, RegisterError
from extractor.register import contract_review
from extractor.register.chain import ChainHead, append_events, stored_head
from extractor.register.database import (
    as_utc,
    display_url,
    folded,
    missing_sqlite_file,
    open_engine,
    parse_db_url,
)
from extractor.register.dropped import (
    Dropped,
    dropped_later,
    dropped_requirements,
    in_parts,
    parts_revised_by,
)
from extractor.register.importing import (
    CandidateInput,
    DocumentInput,
    from_extraction,
    from_records,
    read_statement_file,
    statement_candidate_id,
    statement_files,
)
from extractor.register.models import (
    AuditRow,
    CandidateRow,
    DocumentRow,
    EntryRow,
    RewordedLinkRow,
    UnrelatedDocumentsRow,
)
from extractor.register.related import record_unrelated
from extractor.register.reworded import (
    add_words,
    is_earlier,
    link_document,
    sent_at,
    values_replaced,
    wording,
)
from extractor.register.same_text import number_blind_key, text_key
from extractor.register.settings import ENV_VAR, resolve_db_url
from extractor.register.splits import (
    SPLIT,
    SPLIT_OFF,
    not_split,
    split_parts,
    was_split,
    with_split_links,
)
from extractor.register.tables import KEYS_PER_QUERY, documents_sharing
from extractor.register.views import (
    STATUSES,
    AuditEvent,
    CandidateView,
    Counts,
    Decision,
    DocumentReview,
    DocumentView,
    EarlierDecision,
    EarlierDecisions,
    EarlierStatement,
    EntryFilter,
    EntryView,
    ImportReport,
    ResultPage,
    ReviewedStatement,
    ReviewRecord,
    RevisionDecided,
    SortOrder,
    Status,
    format_ref,
    parse_ref,
    replaceable_while_waiting,
)
from extractor.types import LABELS, Statement

if TYPE_CHECKING:
    from extractor.pipeline import Extraction
    from extractor.register.verifying import ExpectedHead, Verification

# Any SELECT; SQLAlchemy 2.0 and 2.1 parametrise ``Select`` differently.
_Query = TypeVar("_Query", bound=Select)

SYSTEM_ACTOR = "reqx"
MAX_PAGE_SIZE = 1000
IMPORT_ATTEMPTS = 3
# The fields a reviewer decides; their before/after values go into the audit log.
DECIDED_FIELDS = ("text", "label", "status", "owner", "due_date", "notes", "superseded_by")
DECIDED_STATUSES = ("confirmed", "rejected")
# Earlier decisions on one text handed to a card; the rest are only counted.
LATEST_SHOWN = 5
# How the notes of an entry changed in part name the entry that changed it (the
# compliance list reads them back: ``changed_in_part_by``)
CHANGED_IN_PART = "Changed in part by"
_CHANGED_IN_PART_BY = re.compile(rf"{CHANGED_IN_PART} (REQ-\d+)")


def changed_in_part_by(notes: str) -> list[str]:
    """The REQ refs of the entries that changed part of an entry, from its notes, once each."""
    return list(dict.fromkeys(_CHANGED_IN_PART_BY.findall(notes)))


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _database_errors(
    method: Callable[Concatenate[Register, _P], _R],
) -> Callable[Concatenate[Register, _P], _R]:
    """Turn a database failure (server gone, disk full, locked) into a ``RegisterError``."""

    @functools.wraps(method)
    def wrapper(self: Register, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(self, *args, **kwargs)
        except SQLAlchemyError as error:
            original = getattr(error, "orig", None)
            reason = str(original if original is not None else error).strip().splitlines()[0]
            raise RegisterError(f"{self.url}: {reason}") from None

    return wrapper


def open_register(
    url: str | None = None, *, must_exist: bool = False, read_only: bool = False
) -> Register:
    """Open (creating and migrating as needed) the register at ``url``.

    ``url`` defaults as ``settings.resolve_db_url`` says: ``EXTRACTOR_DB_URL``,
    else ``register.db`` in the working directory. Use it as a context manager,
    or call ``close()``. ``must_exist``: a SQLite file that is not there is an
    error instead of a new, empty register (an export from a mistyped path
    would otherwise hand an auditor an empty file). ``read_only``: the caller
    only reads, so a SQLite file in a folder we may not write is opened
    read-only instead of failing (see ``database.open_engine``).
    """
    resolved = resolve_db_url(url)
    parse_db_url(resolved)  # a malformed or in-memory URL is refused before anything else
    if must_exist:
        missing = missing_sqlite_file(resolved)
        if missing is not None:
            raise RegisterError(
                f"{missing}: no register there (the file does not exist); check --db or {ENV_VAR}"
            )
    return Register(open_engine(resolved, read_only=read_only))


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _decided(row: EntryRow) -> dict[str, Any]:
    values = {name: getattr(row, name) for name in DECIDED_FIELDS}
    values["due_date"] = row.due_date.isoformat() if row.due_date else None
    # the audit trail names entries as people do ("REQ-0091"), as same_as_earlier's "same_as"
    values["superseded_by"] = format_ref(row.superseded_by) if row.superseded_by else None
    return values


def _readable(values: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """Audit values as shown: older registers recorded ``superseded_by`` as the database
    id (91); it reads as the reference it always meant ("REQ-0091")."""
    if values is None or not isinstance(values.get("superseded_by"), int):
        return values
    return {**values, "superseded_by": format_ref(values["superseded_by"])}


class Register:
    """A requirements register on one database. Construct with ``open_register``."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    # -- lifecycle ---------------------------------------------------------------

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return display_url(self._engine.url.render_as_string(hide_password=False))

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._engine.dialect.name

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _session(self) -> Session:
        return self._sessions()

    # -- import ------------------------------------------------------------------

    def add_document(
        self,
        document: DocumentInput,
        candidates: Iterable[CandidateInput],
        *,
        actor: str = SYSTEM_ACTOR,
    ) -> ImportReport:
        """Add a document and its candidates; those already in the register are skipped.

        Each new candidate becomes an entry with status ``candidate`` and an
        audit row ``import``. Safe to repeat and to run from two processes at once.
        """
        candidates = list(candidates)
        for attempt in range(IMPORT_ATTEMPTS):
            try:
                with self._session() as session, session.begin():
                    return self._add_document(session, document, candidates, actor)
            except IntegrityError:
                # Another importer added the same document or candidate meanwhile:
                # run again, and this time find them there.
                if attempt == IMPORT_ATTEMPTS - 1:
                    raise RegisterError(
                        f"{document.name}: could not import (kept colliding with another import)"
                    ) from None
            except SQLAlchemyError as error:
                raise RegisterError(f"{document.name}: could not import ({error})") from None
        raise AssertionError("unreachable")

    def _add_document(
        self,
        session: Session,
        document: DocumentInput,
        candidates: Sequence[CandidateInput],
        actor: str,
    ) -> ImportReport:
        now = _now()
        row = session.scalars(
            select(DocumentRow).where(DocumentRow.sha256 == document.sha256)
        ).one_or_none()
        known = row is not None
        audits: list[dict[str, Any]] = []
        if row is None:
            row = DocumentRow(
                sha256=document.sha256,
                name=document.name,
                kind=document.kind,
                pages=document.pages,
                uploaded_by=actor,
                uploaded_at=now,
                details=dict(document.details) if document.details else None,
                sent_at=sent_at((document.details or {}).get("sent_at")),
            )
            session.add(row)
            session.flush()
            audits.append(
                {
                    "at": now,
                    "actor": actor,
                    "action": "upload",
                    "entry_id": None,
                    "document_id": row.id,
                    "before": None,
                    "after": {"name": document.name, "sha256": document.sha256},
                }
            )
        existing: dict[str, str | None] = dict(
            session.execute(
                select(CandidateRow.id, CandidateRow.label).where(
                    CandidateRow.document_id == row.id
                )
            ).all()
        )
        new_candidates: list[CandidateRow] = []
        labelled_now: list[tuple[str, CandidateInput]] = []
        for candidate in candidates:
            candidate_id = candidate.candidate_id(document.sha256)
            if candidate_id in existing:
                if existing[candidate_id] is None and candidate.label is not None:
                    labelled_now.append((candidate_id, candidate))
                    existing[candidate_id] = candidate.label
                continue
            existing[candidate_id] = candidate.label
            new_candidates.append(_candidate_row(candidate_id, row.id, candidate, now, row.sent_at))
        labels_found = _add_labels(session, labelled_now, actor, now)
        audits.extend(labels_found)
        entries = [_entry_row(candidate, actor, now) for candidate in new_candidates]
        session.add_all(new_candidates)
        session.flush()
        if new_candidates:  # what a reworded change is found by, and the ones found
            add_words(session.connection(), [(c.id, c.text) for c in new_candidates])
            link_document(session.connection(), row.id, [c.id for c in new_candidates])
            record_unrelated(session.connection(), row.id)
        session.add_all(entries)
        session.flush()
        audits.extend(
            {
                "at": now,
                "actor": actor,
                "action": "import",
                "entry_id": entry.id,
                "document_id": row.id,
                "before": None,
                "after": _decided(entry),
            }
            for entry in entries
        )
        append_events(session.connection(), audits)
        return ImportReport(
            documents_added=0 if known else 1,
            documents_known=1 if known else 0,
            entries_added=len(entries),
            candidates_skipped=len(candidates) - len(entries),
            labels_added=len(labels_found),
            document_ids=(row.id,),
        )

    def import_extractions(
        self, extractions: Iterable[Extraction], *, actor: str = SYSTEM_ACTOR
    ) -> ImportReport:
        """Import what ``extract_file`` returned (a file and its attachments)."""
        report = ImportReport()
        for extraction in extractions:
            document, candidates = from_extraction(extraction)
            report += self.add_document(document, candidates, actor=actor)
        return report

    def import_records(
        self, records: Iterable[Mapping[str, Any]], *, actor: str = SYSTEM_ACTOR
    ) -> ImportReport:
        """Import statement records (the fields of ``extractor.records``)."""
        report = ImportReport()
        for document, candidates in from_records(records):
            report += self.add_document(document, candidates, actor=actor)
        return report

    def import_path(self, path: Path, *, actor: str = SYSTEM_ACTOR) -> ImportReport:
        """Import a ``reqx extract`` JSONL file or a batch output folder of them.

        Lines that are no usable statement record are left out and named in
        the report's ``skipped_lines``; the good ones are imported.
        """
        files, skipped = statement_files(path)
        report = ImportReport(skipped_files=tuple(skipped))
        for file in files:
            records, bad_lines = read_statement_file(file)
            report += self.import_records(records, actor=actor)
            report += ImportReport(skipped_lines=tuple(bad_lines))
        return report

    # -- reading -----------------------------------------------------------------

    @_database_errors
    def documents(self) -> list[DocumentView]:
        with self._session() as session:
            rows = session.scalars(select(DocumentRow).order_by(DocumentRow.id))
            return [_document_view(row) for row in rows]

    @_database_errors
    def get_document(self, document_id: int) -> DocumentView:
        with self._session() as session:
            row = session.get(DocumentRow, document_id)
            if row is None:
                raise NotFound(f"document {document_id}: not in the register")
            return _document_view(row)

    @_database_errors
    def get_candidate(self, candidate_id: str) -> CandidateView:
        with self._session() as session:
            row = session.get(CandidateRow, candidate_id)
            if row is None:
                raise NotFound(f"candidate {candidate_id}: not in the register")
            return _candidate_view(row)

    @_database_errors
    def get_entry(self, ref: str | int) -> EntryView:
        """The entry ``REQ-0042`` (or 42) as it is now."""
        entry_id = _entry_id(ref)
        with self._session() as session:
            row = session.execute(_entry_query().where(EntryRow.id == entry_id)).one_or_none()
            if row is None:
                raise NotFound(f"{format_ref(entry_id)}: not in the register")
            return with_split_links(session, [_entry_view(*row)])[0]

    @_database_errors
    def list_entries(
        self,
        where: EntryFilter | None = None,
        *,
        offset: int = 0,
        limit: int = 50,
        sort: SortOrder = "ref",
    ) -> ResultPage[EntryView]:
        """One page of the entries matching ``where``, and how many match in all."""
        where = where or EntryFilter()
        limit = max(1, min(limit, MAX_PAGE_SIZE))
        offset = max(0, offset)
        with self._session() as session:
            total = session.scalar(_filtered(select(func.count(EntryRow.id)), where)) or 0
            query = _sorted(_filtered(_entry_query(), where), sort).offset(offset).limit(limit)
            items = tuple(_entry_view(*row) for row in session.execute(query))
            items = tuple(with_split_links(session, items))
        return ResultPage(items, total, offset, limit)

    def iter_entries(
        self, where: EntryFilter | None = None, *, batch: int = 500
    ) -> Iterator[EntryView]:
        """Every matching entry in reference order, fetched a batch at a time (for exports)."""
        where = where or EntryFilter()
        last_id = 0
        while True:
            rows = self._entries_after(where, last_id, batch)
            yield from rows
            if len(rows) < batch:
                return
            last_id = rows[-1].id

    @_database_errors
    def _entries_after(self, where: EntryFilter, last_id: int, batch: int) -> list[EntryView]:
        with self._session() as session:
            query = (
                _filtered(_entry_query(), where)
                .where(EntryRow.id > last_id)
                .order_by(EntryRow.id)
                .limit(batch)
            )
            return with_split_links(session, [_entry_view(*row) for row in session.execute(query)])

    @_database_errors
    def reviewed_statements(self) -> list[ReviewedStatement]:
        """Every decided entry (confirmed with a label, or rejected), for ``reqx train``.

        Reviewers label real documents as a side effect of review; training on
        their decisions teaches the model the wording of the customer's own
        documents. Entries typed in by hand (no candidate) have no context. The
        same text with the same label counts once: the terms repeated in every
        order of a customer, decided as before, are one lesson, not two hundred.
        """
        with self._session() as session:
            decided = session.execute(
                select(
                    EntryRow.text,
                    EntryRow.label,
                    EntryRow.status,
                    DocumentRow.sha256,
                    DocumentRow.kind,
                    CandidateRow.document_id,
                    CandidateRow.position,
                    CandidateRow.section,
                )
                .join(DocumentRow, DocumentRow.id == EntryRow.document_id)
                .outerjoin(CandidateRow, CandidateRow.id == EntryRow.candidate_id)
                # a withdrawn entry was a requirement until a revision dropped it
                .where(EntryRow.status.in_(("confirmed", "rejected", "withdrawn")))
                .order_by(EntryRow.id)
            ).all()
            documents = {row.document_id for row in decided if row.document_id is not None}
            neighbours: dict[tuple[int, int], str] = {
                (document_id, position): text
                for document_id, position, text in session.execute(
                    select(
                        CandidateRow.document_id, CandidateRow.position, CandidateRow.text
                    ).where(CandidateRow.document_id.in_(documents))
                )
            }
        reviewed = []
        seen: set[tuple[str, str]] = set()
        for row in decided:
            label = "none" if row.status == "rejected" else row.label
            if label not in LABELS:
                continue  # confirmed without a label: nothing to learn
            lesson = (text_key(row.text), label)
            if lesson in seen:
                continue
            seen.add(lesson)
            before = after = ""  # an entry typed in by hand has no neighbours
            if row.position is not None:
                before = neighbours.get((row.document_id, row.position - 1), "")
                after = neighbours.get((row.document_id, row.position + 1), "")
            reviewed.append(
                ReviewedStatement(
                    text=row.text,
                    label=label,
                    document_sha256=row.sha256,
                    document_kind=row.kind,
                    section=row.section or "",
                    context_before=before,
                    context_after=after,
                )
            )
        return reviewed

    @_database_errors
    def counts(self, where: EntryFilter | None = None) -> Counts:
        """Entries by label, document and status (unlabelled counts under ``""``).

        A confirmed entry a later revision superseded counts as ``superseded``,
        not ``confirmed``: it is out of force, and out of the confirmed export.
        """
        where = where or EntryFilter()
        with self._session() as session:

            def grouped(column: Any, joined: bool = False) -> dict[str, int]:
                query = select(column, func.count(EntryRow.id))
                if joined:
                    query = query.join(DocumentRow, DocumentRow.id == EntryRow.document_id)
                query = _filtered(query, where).group_by(column)
                return {key or "": count for key, count in session.execute(query)}

            by_status = grouped(
                case(
                    (
                        (EntryRow.status == "confirmed") & EntryRow.superseded_by.is_not(None),
                        "superseded",
                    ),
                    else_=EntryRow.status,
                )
            )
            return Counts(
                by_label=grouped(EntryRow.label),
                by_document=grouped(DocumentRow.name, joined=True),
                by_status=by_status,
                total=sum(by_status.values()),
            )

    @_database_errors
    def history(self, ref: str | int) -> list[AuditEvent]:
        """Every audit row of an entry, oldest first."""
        entry_id = _entry_id(ref)
        with self._session() as session:
            if session.get(EntryRow, entry_id) is None:
                raise NotFound(f"{format_ref(entry_id)}: not in the register")
            rows = session.scalars(
                select(AuditRow).where(AuditRow.entry_id == entry_id).order_by(AuditRow.id)
            )
            return [_audit_event(row) for row in rows]

    @_database_errors
    def audit_log(self, *, offset: int = 0, limit: int = 100) -> ResultPage[AuditEvent]:
        """The whole audit log, newest first."""
        limit = max(1, min(limit, MAX_PAGE_SIZE))
        with self._session() as session:
            total = session.scalar(select(func.count(AuditRow.id))) or 0
            rows = session.scalars(
                select(AuditRow).order_by(AuditRow.id.desc()).offset(offset).limit(limit)
            )
            return ResultPage(tuple(_audit_event(row) for row in rows), total, offset, limit)

    @_database_errors
    def last_event(self) -> int:
        """The number of the newest audit event (0 for none): it changes with every change.

        A cheap way to tell that what was computed from the register may be out of date.
        """
        with self._session() as session:
            return int(session.scalar(select(func.max(AuditRow.id))) or 0)

    def iter_audit(self, *, batch: int = 1000) -> Iterator[AuditEvent]:
        """Every audit event, oldest first, fetched a batch at a time (for the audit export)."""
        last_id = 0
        while True:
            events = self._audit_after(last_id, batch)
            yield from events
            if len(events) < batch:
                return
            last_id = events[-1].id

    @_database_errors
    def _audit_after(self, last_id: int, batch: int) -> list[AuditEvent]:
        with self._session() as session:
            rows = session.scalars(
                select(AuditRow).where(AuditRow.id > last_id).order_by(AuditRow.id).limit(batch)
            )
            return [_audit_event(row) for row in rows]

    @_database_errors
    def decisions(self) -> dict[int, Decision | None]:
        """For every confirmed or rejected entry, the audit event that set its status.

        None where the trail holds no such event, or its last status event says
        otherwise than the entry: the trail was emptied (PostgreSQL before
        migration 0007 let ``TRUNCATE`` through) or the entry was changed outside
        reqx. One query over the whole register, for the exports.
        """
        status = AuditRow.after["status"].as_string()
        last = (
            select(AuditRow.entry_id, func.max(AuditRow.id).label("event_id"))
            .where(AuditRow.entry_id.is_not(None), status.is_not(None))
            .group_by(AuditRow.entry_id)
            .subquery()
        )
        query = (
            select(EntryRow.id, EntryRow.status, AuditRow)
            .select_from(EntryRow)
            .outerjoin(last, last.c.entry_id == EntryRow.id)
            .outerjoin(AuditRow, AuditRow.id == last.c.event_id)
            .where(EntryRow.status.in_(DECIDED_STATUSES))
        )
        found: dict[int, Decision | None] = {}
        with self._session() as session:
            for entry_id, entry_status, event in session.execute(query):
                after = (event.after or {}) if event is not None else {}
                if event is None or after.get("status") != entry_status:
                    found[entry_id] = None
                    continue
                found[entry_id] = Decision(
                    entry_id,
                    cast(Status, entry_status),
                    event.actor,
                    as_utc(event.at),
                    event.action,
                    same_as=str(after.get("same_as") or ""),
                    replaces=tuple(str(ref) for ref in after.get("replaces") or ()),
                )
        return found

    @_database_errors
    def chain_head(self) -> ChainHead:
        """How many audit events there are and the chain hash stored last, as the app shows
        them beside the trail (read, not recomputed: that is ``verify``)."""
        with self._engine.connect() as connection:
            return stored_head(connection)

    @_database_errors
    def verify(self, expect: ExpectedHead | None = None) -> Verification:
        """Whether the register still holds what reqx wrote (``verifying``): the audit chain,
        entries against their events, candidates against their ids, documents against their
        upload; ``expect``, a head written down before, catches a chain recomputed whole."""
        from extractor.register.verifying import verify

        with self._engine.connect() as connection:
            return verify(connection, expect)

    @_database_errors
    def relink_reworded(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Find every document's reworded changes again by today's rules; returns how many
        links there are now.

        Links are made when a document is imported (``reworded.link_document``), so a
        register imported before the rules changed keeps the links of its day: in
        session 19, answers numbered "A8" and table rows naming their column were
        linked anew. All links are dropped, then each document, in import order, is
        linked against those imported before it, as its import did, one transaction
        per document; decisions and the audit trail are not touched (links are what
        the cards suggest, not decisions). An interrupted run leaves some documents
        without links until it is run again.
        """
        with self._session() as session, session.begin():
            session.execute(delete(RewordedLinkRow))
            documents = list(session.scalars(select(DocumentRow.id).order_by(DocumentRow.id)))
        for done, document_id in enumerate(documents):
            if progress is not None:
                progress(done, len(documents))
            with self._session() as session, session.begin():
                candidates = session.scalars(
                    select(CandidateRow.id)
                    .where(CandidateRow.document_id == document_id)
                    .order_by(CandidateRow.position)
                )
                link_document(
                    session.connection(), document_id, list(candidates), imported_before=True
                )
                record_unrelated(session.connection(), document_id)
        if progress is not None:
            progress(len(documents), len(documents))
        with self._session() as session:
            return session.scalar(select(func.count()).select_from(RewordedLinkRow)) or 0

    # -- contract review -------------------------------------------------------------

    @_database_errors
    def finish_review(
        self, document_id: int, *, outcome: str, comment: str = "", actor: str
    ) -> ReviewRecord:
        """Record that the review of a document is finished (ISO 9001 8.2.3.2 (a)).

        Refused while any of its entries is still a candidate, without a reviewer's
        name, or for an outcome other than "accepted" without a comment saying why.
        """
        if not actor.strip():
            raise RegisterError("finishing a review needs the reviewer's name")
        with self._session() as session, session.begin():
            contract_review.finish_review(
                session, document_id, outcome=outcome, comment=comment, actor=actor, now=_now()
            )
        return self.review_records(document_id)[-1]  # oldest first: the one just added

    @_database_errors
    def review_records(self, document_id: int | None = None) -> list[ReviewRecord]:
        """Every finished review (of one document, or all), oldest first."""
        with self._session() as session:
            return contract_review.review_records(session, document_id)

    @_database_errors
    def document_reviews(self) -> list[DocumentReview]:
        """Every document with its entries counted and where its review stands."""
        with self._session() as session:
            return contract_review.document_reviews(session)

    # -- decisions -----------------------------------------------------------------

    def confirm(
        self, ref: str | int, *, version: int, actor: str, label: str | None = None
    ) -> EntryView:
        """Confirm an entry into the register (optionally with a corrected label)."""
        changes: dict[str, Any] = {"status": "confirmed"}
        if label is not None:
            changes["label"] = label
        return self.update(ref, version=version, actor=actor, action="confirm", **changes)

    def reject(self, ref: str | int, *, version: int, actor: str) -> EntryView:
        return self.update(ref, version=version, actor=actor, action="reject", status="rejected")

    @_database_errors
    def supersede(self, ref: str | int, by: str | int, *, version: int, actor: str) -> EntryView:
        """Mark ``ref`` replaced by ``by``, the same requirement in a later revision.

        It stays in the register with its history, but is no longer in force:
        the register's export of confirmed entries leaves it out. ``by`` takes
        over its owner, due date and notes where it has none of its own, as
        ``decide_revision_as_before`` does (audit row ``take_over`` naming what
        it ``replaces``); both in one transaction. Returns ``ref`` as saved.
        """
        replaced, replacing = _entry_id(ref), _entry_id(by)
        if replaced == replacing:
            raise RegisterError(f"{format_ref(replaced)} cannot supersede itself")
        if not actor.strip():
            raise RegisterError(f"{format_ref(replaced)}: a decision needs the reviewer's name")
        loaded = version  # the version of ``by`` as read here, for a conflict on it
        try:
            with self._session() as session, session.begin():
                new = session.get(EntryRow, replacing, populate_existing=True)
                if new is None:
                    raise NotFound(f"{format_ref(replacing)}: not in the register")
                old = session.get(EntryRow, replaced, populate_existing=True)
                if old is None:
                    raise NotFound(f"{format_ref(replaced)}: not in the register")
                loaded = new.version
                if old.version != version:
                    raise ConflictError(format_ref(replaced), version, old.version, old.updated_by)
                # an aerospace walk named a waiting order line in "It also replaces": it
                # sat in the queue marked superseded, in force once confirmed. A waiting
                # requirement is decided by being replaced: confirmed, and out of force,
                # in the same event
                waiting = replaceable_while_waiting(old.status, old.label)
                if old.status != "confirmed" and not waiting:
                    raise RegisterError(
                        f"{format_ref(replaced)} is {old.status}"
                        + (
                            f", labelled {old.label or 'nothing'}"
                            if old.status == "candidate"
                            else ""
                        )
                        + ", not a requirement in force: only a confirmed entry, or a waiting"
                        " requirement, is superseded"
                    )
                if old.superseded_by is not None and old.superseded_by != replacing:
                    # moving the link would put the first replacement back in force unseen
                    raise RegisterError(
                        f"{format_ref(replaced)} is already superseded by "
                        f"{format_ref(old.superseded_by)}; supersede that one instead"
                    )
                now = _now()
                carried = _carried_over(
                    {name: getattr(new, name) for name in CARRIED_FIELDS}, [_replaced_row(old)]
                )
                decided: dict[str, Any] = {"superseded_by": replacing}
                if waiting:
                    decided["status"] = "confirmed"
                audits = _change_audited(session, old, actor, now, "supersede", **decided)
                if carried:
                    audits += _change_audited(
                        session,
                        new,
                        actor,
                        now,
                        "take_over",
                        noted={"replaces": [format_ref(replaced)]},
                        **carried,
                    )
                append_events(session.connection(), audits)
        except StaleDataError:
            # Someone saved one of the two between our read and our write: neither is saved.
            found = self.get_entry(replaced)
            if found.version == version:
                found, version = self.get_entry(replacing), loaded
            raise ConflictError(found.ref, version, found.version, found.updated_by) from None
        return self.get_entry(replaced)

    def withdraw(
        self, ref: str | int, *, version: int, actor: str, reason: str, **changes: Any
    ) -> EntryView:
        """Mark a confirmed requirement no longer required, saying why.

        A revision that drops a clause, or a customer's letter cancelling a
        demand, ends a requirement without another taking its place (that is
        ``supersede``). Rejecting it would say it never was one. Withdrawn, it
        keeps its label and history, leaves the exports of requirements in force,
        and ``reason`` (the revision or letter) is kept in its audit event.
        ``changes`` (a note, an owner) are saved in the same event. Reopening
        puts it back in the queue.
        """
        entry_id = _entry_id(ref)
        if not reason.strip():
            raise RegisterError(
                f"{format_ref(entry_id)}: say why it is withdrawn (the revision or letter"
                " that dropped it)"
            )
        current = self.get_entry(entry_id)
        if current.version == version and (state := _out_of_force(current)):
            raise RegisterError(
                f"{current.ref} is {state}: only a confirmed requirement in force is withdrawn"
                + ("" if current.superseded_by else " (reject a candidate that is no requirement)")
            )
        return self.update(
            entry_id,
            version=version,
            actor=actor,
            action="withdraw",
            reason=reason,
            **{**changes, "status": "withdrawn"},
        )

    def change_in_part(self, ref: str | int, by: str | int, *, actor: str) -> EntryView:
        """Note on ``ref``, a requirement in force, that ``by`` changes part of it.

        A buyer's mail moving one order line's date changes the line's date, not its
        quantity, price or quality codes: superseding the line would take all of
        them out of force (an aerospace walk). Both stay in force; ``ref``'s notes
        say which entry changed it, from which document, in which words (audited
        as ``change_in_part``), so its card and the exports show it.
        """
        old, new = self.get_entry(ref), self.get_entry(by)
        for entry in (old, new):
            if state := _out_of_force(entry):
                raise RegisterError(
                    f"{entry.ref} is {state}, not a requirement in force:"
                    " a change in part is noted between two confirmed entries in force"
                )
        if old.id == new.id:
            raise RegisterError(f"{old.ref} cannot change itself")
        change = f"{CHANGED_IN_PART} {new.ref} ({new.document_name}): {new.text}"
        return self.update(
            old.id,
            version=old.version,
            actor=actor,
            action="change_in_part",
            reason=f"changed in part by {new.ref}",
            notes=_with_note(old.notes, change, actor),
        )

    def reopen(self, ref: str | int, *, version: int, actor: str) -> EntryView:
        """Put a decided entry back in the review queue."""
        return self.update(ref, version=version, actor=actor, action="reopen", status="candidate")

    def relabel(self, ref: str | int, label: str, *, version: int, actor: str) -> EntryView:
        return self.update(ref, version=version, actor=actor, action="relabel", label=label)

    def edit_text(self, ref: str | int, text: str, *, version: int, actor: str) -> EntryView:
        return self.update(ref, version=version, actor=actor, action="edit_text", text=text)

    def set_owner(self, ref: str | int, owner: str, *, version: int, actor: str) -> EntryView:
        return self.update(ref, version=version, actor=actor, action="set_owner", owner=owner)

    def set_due_date(
        self, ref: str | int, due_date: date | None, *, version: int, actor: str
    ) -> EntryView:
        return self.update(
            ref, version=version, actor=actor, action="set_due_date", due_date=due_date
        )

    def add_note(self, ref: str | int, note: str, *, version: int, actor: str) -> EntryView:
        """Append a note (signed and dated) to the entry's notes."""
        note = note.strip()
        if not note:
            raise RegisterError(f"{_ref_text(ref)}: an empty note was not added")
        current = self.get_entry(ref)
        notes = _with_note(current.notes, note, actor)
        return self.update(ref, version=version, actor=actor, action="note", notes=notes)

    @_database_errors
    def update(
        self,
        ref: str | int,
        *,
        version: int,
        actor: str,
        action: str = "edit",
        reason: str = "",
        **changes: Any,
    ) -> EntryView:
        """Change any of text, label, status, owner, due_date, notes in one audited save.

        ``version`` is the entry's version as the caller loaded it; when the entry
        has been saved since, ``ConflictError`` is raised and nothing changes.
        ``reason``, when given, is kept in the decision's audit event ("why was this
        relabelled?" is asked of the trail, not of the notes, which anyone may edit).
        """
        entry_id = _entry_id(ref)
        _validate(format_ref(entry_id), changes)
        if not actor.strip():
            raise RegisterError(f"{format_ref(entry_id)}: a decision needs the reviewer's name")
        with self._entry_to_change(entry_id, version) as (session, row):
            noted = {"reason": reason.strip()} if reason.strip() else None
            audits = _change_audited(session, row, actor, _now(), action, noted, **changes)
            append_events(session.connection(), audits)
        return self.get_entry(entry_id)

    @contextmanager
    def _entry_to_change(self, entry_id: int, version: int) -> Iterator[tuple[Session, EntryRow]]:
        """The entry in a transaction of its own, refused unless at ``version``; a save that
        loses the race at commit raises ``ConflictError`` naming what is there now (and
        nothing of it is saved)."""
        try:
            with self._session() as session, session.begin():
                row = session.get(EntryRow, entry_id, populate_existing=True)
                if row is None:
                    raise NotFound(f"{format_ref(entry_id)}: not in the register")
                if row.version != version:
                    raise ConflictError(format_ref(entry_id), version, row.version, row.updated_by)
                yield session, row
        except StaleDataError:
            # Someone saved between our read and our write: report what is there now.
            now = self.get_entry(entry_id)
            raise ConflictError(now.ref, version, now.version, now.updated_by) from None

    @_database_errors
    def split(
        self, ref: str | int, parts: Sequence[str], *, version: int, actor: str
    ) -> list[EntryView]:
        """Split a candidate's statement into ``parts``, one requirement each.

        "Parts shall be zinc-plated to ASTM B633 and shall comply with RoHS ..." holds
        a specified and a statutory requirement, which one label cannot record. The
        entry keeps the first part; each further part becomes a new candidate (the
        next REQ numbers) at the same document, page, clause and marked lines, with
        no candidate of its own and no label or confidence: the model's were found
        for the whole statement, and a copied "none 0.93" would be rejected in bulk
        unread. Only a candidate is split: a decided entry is reopened first, so
        nothing confirmed changes under its decision. One transaction, checked
        against ``version`` as any save: a ``split`` audit row on the entry (text
        before and after, the new refs as ``split_into``) and a ``split_off`` row for
        each part holding all its decided fields and ``split_from``, as an import's
        row does. Returns the entry and its parts as saved, in REQ order.
        """
        entry_id = _entry_id(ref)
        texts = split_parts(format_ref(entry_id), parts)
        if not actor.strip():
            raise RegisterError(f"{format_ref(entry_id)}: a decision needs the reviewer's name")
        with self._entry_to_change(entry_id, version) as (session, row):
            if row.status != "candidate":
                raise RegisterError(
                    f"{format_ref(entry_id)} is {row.status}: only a candidate is split"
                    " (reopen it first, then decide each part)"
                )
            new_ids, audits = _split_audited(session, row, texts, actor, _now())
            append_events(session.connection(), audits)
        ids = (entry_id, *new_ids)
        return list(self.list_entries(EntryFilter(entry_ids=ids), limit=len(ids)).items)

    def set_status_where(self, where: EntryFilter, status: Status, *, actor: str) -> int:
        """Bulk decision: give every matching entry ``status``; returns how many changed.

        Each changed entry gets its own audit row and a new version, so a
        reviewer holding an older copy gets a conflict rather than overwriting it.
        """
        return len(self.bulk_decide(where, status, actor=actor))

    @_database_errors
    def bulk_decide(self, where: EntryFilter, status: Status, *, actor: str) -> tuple[int, ...]:
        """``set_status_where``, returning the ids of the entries it changed: what an Undo
        of the whole bulk decision puts back."""
        _validate("bulk", {"status": status})
        try:
            return self._set_status_where(where, status, actor, at_once=True)
        except _SliceRaced:  # someone saved one meanwhile: all rolled back; one by one
            return self._set_status_where(where, status, actor, at_once=False)

    def _set_status_where(
        self, where: EntryFilter, status: Status, actor: str, *, at_once: bool
    ) -> tuple[int, ...]:
        action = {"confirmed": "bulk_confirm", "rejected": "bulk_reject"}.get(status, "bulk_reopen")
        changed: list[int] = []
        audits: list[dict[str, Any]] = []
        with self._session() as session, session.begin():
            query = (
                _filtered(
                    select(EntryRow.id, EntryRow.version, EntryRow.status, EntryRow.document_id),
                    where,
                )
                .where(EntryRow.status != status)
                .order_by(EntryRow.id)
            )
            rows = session.execute(query).all()
            now = _now()
            before = {entry_id: old_status for entry_id, _, old_status, _ in rows}
            document_of = {entry_id: document_id for entry_id, _, _, document_id in rows}
            for start in range(0, len(rows), APPLY_SLICE):
                piece = rows[start : start + APPLY_SLICE]
                done = _update_versioned(
                    session,
                    [(entry_id, version, {"status": status}) for entry_id, version, _, _ in piece],
                    actor,
                    now,
                    at_once=at_once,
                )
                audits.extend(
                    {
                        "at": now,
                        "actor": actor,
                        "action": action,
                        "entry_id": entry_id,
                        "document_id": document_of[entry_id],
                        "before": {"status": before[entry_id]},
                        "after": {"status": status},
                    }
                    for entry_id in done
                )
                changed.extend(done)
            append_events(session.connection(), audits)
        return tuple(changed)

    # -- the same text decided before ---------------------------------------------

    @_database_errors
    def earlier_decisions(self, entries: Sequence[EntryView]) -> dict[int, EarlierDecisions]:
        """For each candidate among ``entries``, the decisions already made on the same text.

        Only entries still waiting for a decision are looked up (a decided entry
        would find itself); those with no earlier decision are left out. The
        same clause in every purchase order of a customer is then reviewed once
        and recognised after.
        """
        waiting = [e for e in entries if e.status == "candidate" and e.candidate_id]
        waiting = [e for e in waiting if not e.split_into]  # split: no longer the text found
        if not waiting:
            return {}
        with self._session() as session:
            key_of = dict(
                session.execute(
                    select(CandidateRow.id, CandidateRow.text_key).where(
                        CandidateRow.id.in_([e.candidate_id for e in waiting])
                    )
                ).all()
            )
            decided = _decisions_by_key(session, {k for k in key_of.values() if k})
        return {
            entry.id: decided[key]
            for entry in waiting
            if (key := key_of.get(entry.candidate_id or "")) in decided
        }

    @_database_errors
    def decided_labels(self, texts: Sequence[str]) -> dict[str, str]:
        """The label reviewers settled on for each of ``texts`` decided before, by text.

        ``none`` where it was rejected; left out where nobody decided it or the
        decisions disagree. Comparing revisions goes by these before the model's.
        """
        keys = {text: text_key(text) for text in texts}
        with self._session() as session:
            decided = _decisions_by_key(session, set(keys.values()), shown=1)
        labels: dict[str, str] = {}
        for text, key in keys.items():
            found = decided.get(key)
            # a decision since replaced by other words still says what the text was: issue
            # 1's "Contains: Milk, Almonds.", confirmed as specified, then replaced by issue
            # 2's "Mustard" (a re-walk's comparison read it as the model's `none`)
            agreed = found.settled if found is not None else None
            if agreed is not None:
                labels[text] = "none" if agreed.status == "rejected" else agreed.label or "none"
        return labels

    @_database_errors
    def documents_alike(self, texts: Sequence[str]) -> dict[int, int]:
        """How many of ``texts`` each register document holds, numbers aside, by document id.

        An order's earlier quotation, or revision A of a contract, shares most
        clauses with it, some with other quantities or dates: the document with
        the most is the likely previous revision to compare it with.
        """
        keys = sorted({number_blind_key(text) for text in texts})
        with self._session() as session:
            return dict(documents_sharing(session.connection(), keys))

    @_database_errors
    def clauses_met_before(self, document_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
        """Per document: its statements, and how many of them a document imported before has.

        As written or with other numbers (``number_blind_key``), decided or not.
        A document with some is a revision or a repeat order; its statements
        that no earlier document has are the new or reworded ones (ISO 9001
        8.2.3.1 e), which the reviewer reads first.
        """
        if not document_ids:
            return {}
        earlier = _in_an_earlier_document()
        query = (
            select(
                CandidateRow.document_id,
                func.count(),
                func.sum(case((earlier, 1), else_=0)),
            )
            .where(CandidateRow.document_id.in_(list(document_ids)))
            .group_by(CandidateRow.document_id)
        )
        with self._session() as session:
            return {
                document_id: (int(total), int(met or 0))
                for document_id, total, met in session.execute(query)
            }

    @_database_errors
    def dropped_by(self, document_ids: Sequence[int]) -> dict[int, Dropped]:
        """Per document: the confirmed requirements in force of its previous revision that
        it no longer holds, not even with other numbers or in other words (``dropped``)."""
        with self._session() as session:
            connection = session.connection()
            return {
                document_id: found
                for document_id in document_ids
                if (found := dropped_requirements(connection, document_id)) is not None
            }

    @_database_errors
    def dropped_later(self, refs: Sequence[str | int]) -> dict[int, Dropped]:
        """Per later document: those of the entries ``refs``, confirmed and in force, that
        it leaves out though it is a later revision of their document (``dropped_by``, for
        requirements confirmed after that revision was imported)."""
        if not refs:
            return {}
        with self._session() as session:
            return dropped_later(session.connection(), [_entry_id(ref) for ref in refs])

    @_database_errors
    def same_statements(self, document_ids: Sequence[int]) -> dict[int, list[str]]:
        """Per document, the other documents holding word for word the same statements.

        A protected copy of revision A, or revision A saved again, has other bytes
        and so other candidates: an aerospace walk's upload of one added 55 to the
        queue, 4 of them "differing" from revision B, with no word that it was
        revision A again. Three statements at least; the same set of texts
        (``text_key``), however often each occurs.
        """
        found: dict[int, list[str]] = {}
        with self._session() as session:
            for document_id in document_ids:
                keys = sorted(
                    {
                        str(key)
                        for key in session.scalars(
                            select(CandidateRow.text_key).where(
                                CandidateRow.document_id == document_id,
                                CandidateRow.text_key.is_not(None),
                            )
                        )
                    }
                )
                if len(keys) < 3:
                    continue
                shared: Counter[int] = Counter()
                for start in range(0, len(keys), KEYS_PER_QUERY):
                    chunk = keys[start : start + KEYS_PER_QUERY]
                    shared.update(
                        dict(
                            session.execute(
                                select(
                                    CandidateRow.document_id,
                                    func.count(func.distinct(CandidateRow.text_key)),
                                )
                                .where(
                                    CandidateRow.text_key.in_(chunk),
                                    CandidateRow.document_id != document_id,
                                )
                                .group_by(CandidateRow.document_id)
                            ).all()
                        )
                    )
                alike = [other for other, count in shared.items() if count == len(keys)]
                if not alike:
                    continue
                totals = dict(
                    session.execute(
                        select(
                            CandidateRow.document_id,
                            func.count(func.distinct(CandidateRow.text_key)),
                        )
                        .where(CandidateRow.document_id.in_(alike))
                        .group_by(CandidateRow.document_id)
                    ).all()
                )
                same = sorted(other for other in alike if totals.get(other) == len(keys))
                if same:
                    names = dict(
                        session.execute(
                            select(DocumentRow.id, DocumentRow.name).where(DocumentRow.id.in_(same))
                        ).all()
                    )
                    found[document_id] = [names[other] for other in same]
        return found

    @_database_errors
    def met_before(self, entries: Sequence[EntryView]) -> set[int]:
        """The ids of those ``entries`` whose statement a document imported before has."""
        by_candidate = {e.candidate_id: e.id for e in entries if e.candidate_id}
        if not by_candidate:
            return set()
        query = select(CandidateRow.id).where(
            CandidateRow.id.in_(list(by_candidate)), _in_an_earlier_document()
        )
        with self._session() as session:
            return {by_candidate[candidate_id] for candidate_id in session.scalars(query)}

    @_database_errors
    def entries_of_statements(self, statements: Sequence[Statement]) -> dict[str, EntryView]:
        """The register entry of each statement the register holds, by its candidate id.

        A statement read again from a document in the register (Compare revisions
        reads both files) is found by document, place and words, as imported.
        """
        ids = {statement_candidate_id(statement) for statement in statements}
        if not ids:
            return {}
        found: dict[str, EntryView] = {}
        with self._session() as session:
            ordered = sorted(ids)
            for start in range(0, len(ordered), KEYS_PER_QUERY):
                chunk = ordered[start : start + KEYS_PER_QUERY]
                query = _entry_query().where(EntryRow.candidate_id.in_(chunk))
                for row in session.execute(query):
                    view = _entry_view(*row)
                    found[view.candidate_id or ""] = view
        return found

    @_database_errors
    def neighbours(self, entries: Sequence[EntryView]) -> dict[int, tuple[str, str]]:
        """The statements found just before and after each entry's, as the tool found them.

        Documents without pages (DOCX, e-mail, text) have no page image to judge
        a statement by; its neighbours are what the classifier saw too.
        """
        with_source = [e for e in entries if e.candidate_id]
        if not with_source:
            return {}
        with self._session() as session:
            place = {
                candidate_id: (document_id, position)
                for candidate_id, document_id, position in session.execute(
                    select(CandidateRow.id, CandidateRow.document_id, CandidateRow.position).where(
                        CandidateRow.id.in_([e.candidate_id for e in with_source])
                    )
                )
            }
            documents = {document_id for document_id, _ in place.values()}
            positions = {p + step for _, p in place.values() for step in (-1, 1)}
            around = select(
                CandidateRow.document_id, CandidateRow.position, CandidateRow.text
            ).where(CandidateRow.document_id.in_(documents), CandidateRow.position.in_(positions))
            texts = {
                (document_id, position): text
                for document_id, position, text in session.execute(around)
            }
        found = {}
        for entry in with_source:
            document_id, position = place[entry.candidate_id or ""]
            before = texts.get((document_id, position - 1), "")
            after = texts.get((document_id, position + 1), "")
            found[entry.id] = (before, after)
        return found

    @_database_errors
    def decided_with_other_numbers(
        self, entries: Sequence[EntryView]
    ) -> dict[int, EarlierDecision]:
        """For each waiting candidate, the latest decision on the same clause with other numbers.

        "Within 30 days" decided in the last order, "within 45 days" in this one:
        a requirement that differs from the one previously expressed (ISO 9001
        8.2.3.1 e), which the reviewer has to see and which is never decided for
        them. Same-text decisions are ``earlier_decisions``' and left out here.
        """
        waiting = [e for e in entries if e.status == "candidate" and e.candidate_id]
        if not waiting:
            return {}
        with self._session() as session:
            keys = {
                candidate_id: (same, blind)
                for candidate_id, same, blind in session.execute(
                    select(
                        CandidateRow.id, CandidateRow.text_key, CandidateRow.number_blind_key
                    ).where(CandidateRow.id.in_([e.candidate_id for e in waiting]))
                )
            }
            decided = _decisions_by_key(
                session,
                {blind for _, blind in keys.values() if blind},
                shown=2 * LATEST_SHOWN,
                column=CandidateRow.number_blind_key,
            )
            # only what was decided in a document before this one: revision 0's clause
            # "differed" from revision 1's decided later
            refs = {parse_ref(d.ref) or 0 for group in decided.values() for d in group.latest}
            order = _documents_of_entries(session, {*refs, *(e.id for e in waiting)})
            # another business's decision on its own clause is no change of this one's
            apart = {
                (int(document_id), int(other_id))
                for document_id, other_id in session.execute(
                    select(UnrelatedDocumentsRow.document_id, UnrelatedDocumentsRow.other_id).where(
                        UnrelatedDocumentsRow.document_id.in_(
                            sorted({e.document_id for e in waiting if e.document_id})
                        )
                    )
                )
            }
            restated = _restated_decisions(session, list(keys)) if decided else set()
        found: dict[int, EarlierDecision] = {}
        for entry in waiting:
            same, blind = keys.get(entry.candidate_id or "", (None, None))
            group = decided.get(blind or "")
            here = order.get(entry.id)
            other = [
                d
                for d in (group.latest if group else ())
                if text_key(d.found_text) != same
                and here is not None
                and (there := order.get(parse_ref(d.ref) or 0)) is not None
                and is_earlier(there, here)
                and (here[0], there[0]) not in apart
                and (entry.candidate_id, parse_ref(d.ref)) not in restated
            ]
            # the entry in force first: a superseded one is updated when superseded, so it
            # was "latest" and the card diffed issue 3's salt against issue 1's, while
            # offering to replace issue 2's (a re-walk)
            other.sort(key=lambda decision: bool(decision.superseded_by))
            if other:
                found[entry.id] = other[0]
        return found

    @_database_errors
    def reworded_earlier(self, entries: Sequence[EntryView]) -> dict[int, EarlierStatement]:
        """For each waiting candidate, the earlier statement it rewords with another value.

        "Please make the delivery DAP Kassel, not FCA Tamworth" after the order's
        "Delivery terms: FCA Tamworth": the same requirement worded anew, with a
        value changed (``reworded``), in a document sent (or, without dates,
        uploaded) before it. The most alike first, the latest of equals; ``also``
        names the other linked earlier entries that hold the value it replaces.
        """
        waiting = {e.candidate_id: e.id for e in entries if e.status == "candidate"}
        waiting.pop(None, None)
        if not waiting:
            return {}
        other = aliased(CandidateRow)
        this = aliased(CandidateRow)
        query = (
            select(
                RewordedLinkRow.candidate_id,
                this.text,
                other.text,
                EntryRow.id,
                EntryRow.status,
                DocumentRow.name,
                DocumentRow.sent_at,
            )
            .join(this, this.id == RewordedLinkRow.candidate_id)
            .join(other, other.id == RewordedLinkRow.earlier_id)
            .join(EntryRow, EntryRow.candidate_id == other.id)
            .join(DocumentRow, DocumentRow.id == other.document_id)
            .where(RewordedLinkRow.candidate_id.in_(list(waiting)))
            .order_by(
                RewordedLinkRow.candidate_id,
                RewordedLinkRow.similarity.desc(),
                DocumentRow.sent_at.desc().nulls_last(),
                DocumentRow.id.desc(),
                other.position,
            )
        )
        linked: dict[int, list[EarlierStatement]] = {}
        said: dict[int, str] = {}  # each waiting candidate's own text, as found
        with self._session() as session:
            for candidate_id, own, text, entry_id, status, name, sent in session.execute(query):
                said[waiting[candidate_id]] = own
                linked.setdefault(waiting[candidate_id], []).append(
                    EarlierStatement(
                        format_ref(entry_id),
                        cast(Status, status),
                        name or "",
                        text,
                        sent_at=as_utc(sent) if sent else None,
                    )
                )
            return {
                entry: _in_force_for(session, _with_others_saying_it(earlier, said[entry]))
                for entry, earlier in linked.items()
            }

    @_database_errors
    def earlier_with_other_numbers(
        self, entries: Sequence[EntryView]
    ) -> dict[int, EarlierStatement]:
        """For each waiting candidate, its clause as the latest earlier document has it with
        other numbers, decided or not.

        Revision B's "six weeks" against revision A's "four weeks" still waiting
        for review is a requirement that differs from the one previously
        expressed (ISO 9001 8.2.3.1 e) as much as a decided one; the reviewer
        working through the queue must see it on the card.
        """
        waiting = {e.candidate_id: e.id for e in entries if e.status == "candidate"}
        waiting.pop(None, None)
        if not waiting:
            return {}
        this = aliased(CandidateRow)
        other = aliased(CandidateRow)
        query = (
            select(this.id, other.text, EntryRow.id, EntryRow.status, DocumentRow.name)
            .join(
                other,
                (other.number_blind_key == this.number_blind_key)
                & (other.text_key != this.text_key)
                & (other.document_id != this.document_id),
            )
            .join(EntryRow, EntryRow.candidate_id == other.id)
            .join(DocumentRow, DocumentRow.id == other.document_id)
            .where(
                this.id.in_(list(waiting)),
                _said_before(other, this),
                ~_of_another_business(other, this),
                ~_restated_since(other, this),
            )
            .order_by(
                this.id,
                DocumentRow.sent_at.desc().nulls_last(),
                other.document_id.desc(),
                other.position,
            )
        )
        found: dict[int, EarlierStatement] = {}
        with self._session() as session:
            for candidate_id, text, entry_id, status, name in session.execute(query):
                entry = waiting[candidate_id]
                if entry not in found:  # the latest earlier document's, first in its order
                    found[entry] = _in_force_for(
                        session,
                        EarlierStatement(
                            format_ref(entry_id), cast(Status, status), name or "", text
                        ),
                    )
        return found

    @_database_errors
    def count_entries(self, where: EntryFilter) -> int:
        """How many entries match ``where``: what a bulk action on it would reach at most."""
        with self._session() as session:
            return session.scalar(_filtered(select(func.count(EntryRow.id)), where)) or 0

    @_database_errors
    def count_earlier_decided(self, where: EntryFilter) -> int:
        """How many candidates matching ``where`` ``apply_earlier_decisions`` would decide."""
        query = _filtered(
            select(func.count(EntryRow.id)).join(
                CandidateRow, CandidateRow.id == EntryRow.candidate_id
            ),
            where,
        ).where(
            EntryRow.status == "candidate",
            CandidateRow.text_key.in_(_agreed_keys()),
            not_split(EntryRow.id),
        )
        with self._session() as session:
            return session.scalar(query) or 0

    @_database_errors
    def apply_earlier_decisions(
        self,
        where: EntryFilter,
        *,
        actor: str,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Decide each candidate matching ``where`` as its text was decided before.

        Only where every earlier decision on that text agrees (status, label and
        text); the entry takes them, gets its own audit row ``same_as_earlier``
        naming the entry it followed, and a new version, so a reviewer holding
        an older copy gets a conflict rather than overwriting it. ``progress``
        hears (done, total) after each slice: a customer's terms repeated in
        two hundred orders are thousands of entries. All or nothing: one
        transaction. The earlier entries stay in force: a repeat order's terms
        are rightly in force twice (``decide_revision_as_before`` replaces them).
        """
        return self._decide_as_before(where, actor, progress, replace=False).decided

    @_database_errors
    def decide_revision_as_before(
        self,
        where: EntryFilter,
        *,
        actor: str,
        progress: Callable[[int, int], None] | None = None,
    ) -> RevisionDecided:
        """``apply_earlier_decisions`` for a revision: its entries replace the earlier ones.

        Each candidate decided as before (confirmed) supersedes the confirmed
        entries in force with the same text in other documents imported before
        it, and takes their owner, due date and notes where it has none of its
        own: revision B of an agreement confirmed as revision A was leaves one
        entry of each clause in force, still assigned. Every entry changed gets
        its audit row (``same_as_earlier`` naming what it ``replaces``,
        ``supersede`` on the earlier one) and a new version; one transaction.
        """
        return self._decide_as_before(where, actor, progress, replace=True)

    def _decide_as_before(
        self,
        where: EntryFilter,
        actor: str,
        progress: Callable[[int, int], None] | None,
        replace: bool,
    ) -> RevisionDecided:
        if not actor.strip():
            raise RegisterError("a decision needs the reviewer's name")
        try:
            return self._apply_earlier(where, actor, progress, replace, at_once=True)
        except _SliceRaced:
            # Someone saved one of these entries meanwhile: everything was rolled
            # back; entry by entry, only theirs is skipped.
            return self._apply_earlier(where, actor, progress, replace, at_once=False)

    def _apply_earlier(
        self,
        where: EntryFilter,
        actor: str,
        progress: Callable[[int, int], None] | None,
        replace: bool,
        *,
        at_once: bool,
    ) -> RevisionDecided:
        changed = superseded = carried = 0
        decided_in: Counter[int] = Counter()
        superseded_in: Counter[int] = Counter()
        audits: list[dict[str, Any]] = []
        with self._session() as session, session.begin():
            now = _now()
            plan = _same_as_earlier(session, where)
            confirming = [target for target, source in plan if source.status == "confirmed"]
            replaced = _replaced_entries(session, confirming) if replace else {}
            if progress is not None:
                progress(0, len(plan))
            for start in range(0, len(plan), APPLY_SLICE):
                steps = [
                    _decision_step(target, source, replaced.get(target.id, ()))
                    for target, source in plan[start : start + APPLY_SLICE]
                ]
                done = set(
                    _update_versioned(
                        session,
                        [(step.entry_id, step.version, step.after) for step in steps],
                        actor,
                        now,
                        at_once=at_once,
                    )
                )
                applied = [step for step in steps if step.entry_id in done]
                # the earlier entries each applied one replaces, once theirs is saved
                going = [(step, old) for step in applied for old in step.replaces]
                gone = set(
                    _update_versioned(
                        session,
                        [
                            (old.entry_id, old.version, {"superseded_by": step.entry_id})
                            for step, old in going
                        ],
                        actor,
                        now,
                        at_once=at_once,
                    )
                )
                for step in applied:
                    after: dict[str, Any] = {**step.changes, "same_as": step.source.ref}
                    refs = [format_ref(o.entry_id) for o in step.replaces if o.entry_id in gone]
                    if refs:
                        after["replaces"] = refs
                    audits.append(
                        {
                            "at": now,
                            "actor": actor,
                            "action": "same_as_earlier",
                            "entry_id": step.entry_id,
                            "document_id": step.document_id,
                            "before": {k: _audited(step.before[k]) for k in step.changes},
                            "after": after,
                        }
                    )
                    carried += bool(set(step.changes) & set(CARRIED_FIELDS))
                audits.extend(
                    _supersede_event(now, actor, old, step.entry_id)
                    for step, old in going
                    if old.entry_id in gone
                )
                changed += len(applied)
                superseded += len(gone)
                decided_in.update(st.document_id for st in applied if st.document_id is not None)
                superseded_in.update(
                    old.document_id
                    for _, old in going
                    if old.entry_id in gone and old.document_id is not None
                )
                if progress is not None:
                    progress(start + len(steps), len(plan))
            if replace:
                # confirmed before this (a bulk confirm of statutory candidates): in force
                # beside the earlier revision's entry with the same text, unless replaced here
                repeats = _replaced_entries(session, _confirmed_in_force(session, where))
                going_too = [(new, old) for new, olds in repeats.items() for old in olds]
                gone_too = set(
                    _update_versioned(
                        session,
                        [
                            (old.entry_id, old.version, {"superseded_by": new})
                            for new, old in going_too
                        ],
                        actor,
                        now,
                        at_once=at_once,
                    )
                )
                for new, old in going_too:
                    if old.entry_id not in gone_too:
                        continue
                    audits.append(_supersede_event(now, actor, old, new))
                    superseded += 1
                    if old.document_id is not None:
                        superseded_in[old.document_id] += 1
            append_events(session.connection(), audits)
            left = _still_in_force(session, set(superseded_in), set(decided_in)) if replace else {}
        return RevisionDecided(
            changed, superseded, carried, dict(decided_in), dict(superseded_in), left
        )

    def confirm_where(self, where: EntryFilter, *, actor: str) -> int:
        """E.g. confirm every ``statutory`` candidate above 0.9."""
        return self.set_status_where(where, "confirmed", actor=actor)

    def reject_where(self, where: EntryFilter, *, actor: str) -> int:
        """E.g. reject every candidate labelled ``none``."""
        return self.set_status_where(where, "rejected", actor=actor)


APPLY_SLICE = 500  # entries updated in one statement (and between two progress reports)


class _SliceRaced(Exception):
    """An entry of the slice had a newer version than planned: someone saved it meanwhile."""


# What an entry of a revision takes over from the entry it replaces, where it has none
CARRIED_FIELDS = ("owner", "due_date", "notes")


@dataclass(frozen=True)
class _Planned:
    """A candidate to decide as before, as read when planning."""

    id: int
    version: int
    status: str
    label: str | None
    text: str
    document_id: int | None
    owner: str
    due_date: date | None
    notes: str
    text_key: str


@dataclass(frozen=True)
class _Replaced:
    """An earlier revision's confirmed entry, in force, that a planned candidate replaces."""

    entry_id: int
    version: int
    document_id: int | None
    owner: str
    due_date: date | None
    notes: str


@dataclass(frozen=True)
class _DecisionStep:
    """One candidate taking an earlier decision: its fields before and after."""

    entry_id: int
    version: int
    before: dict[str, Any]
    after: dict[str, Any]
    source: EarlierDecision
    document_id: int | None
    replaces: tuple[_Replaced, ...] = ()

    @property
    def changes(self) -> dict[str, Any]:
        return {k: _audited(v) for k, v in self.after.items() if self.before[k] != v}


def _audited(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _decision_step(
    target: _Planned, source: EarlierDecision, replaces: Sequence[_Replaced] = ()
) -> _DecisionStep:
    """Take the earlier decision; from the entries replaced (latest first), the owner,
    due date and notes the candidate has none of. Every step sets the same columns."""
    before = {
        "status": target.status,
        "label": target.label,
        "text": target.text,
        "owner": target.owner,
        "due_date": target.due_date,
        "notes": target.notes,
    }
    after = {**before, "status": source.status, "label": source.label, "text": source.text}
    after.update(_carried_over(after, replaces, same_text=True))
    return _DecisionStep(
        target.id,
        target.version,
        before=before,
        after=after,
        source=source,
        document_id=target.document_id,
        replaces=tuple(replaces),
    )


def _carried_over(
    current: Mapping[str, Any], replaces: Sequence[_Replaced], *, same_text: bool = False
) -> dict[str, Any]:
    """What an entry takes over from the entries it replaces (latest first): the owner,
    due date and notes it has none of, from the latest one that has them.

    ``same_text``: the entry says word for word what the replaced ones said (a revision
    decided as before), so a change made to part of them applies to it still.
    """
    carried: dict[str, Any] = {}
    for name in CARRIED_FIELDS:
        values = [getattr(old, name) for old in replaces]
        if name == "notes" and not same_text:
            # "Changed in part by REQ-0129" said what changed the replaced entry, not the
            # entry replacing it (a machined-parts walk found it carried over, and the
            # compliance list would name it on the new one). Said again word for word
            # by a revision decided as before, the change still applies: a federal walk's
            # revised work statement repeated C.9.2, which an amendment's answer had changed
            # in part, and the compliance list lost the link
            values = [_without_changes_in_part(value or "") for value in values]
        kept = [value for value in values if value]
        if kept and not current[name]:
            carried[name] = kept[0]
    return carried


def _without_changes_in_part(notes: str) -> str:
    """``notes`` without the lines noting that another entry changed part of this one."""
    return "\n".join(
        line for line in notes.splitlines() if not _CHANGED_IN_PART_BY.search(line)
    ).strip()


def _split_audited(
    session: Session, row: EntryRow, texts: Sequence[str], actor: str, now: datetime
) -> tuple[list[int], list[dict[str, Any]]]:
    """Give the loaded entry ``texts[0]`` and add an entry for each further part
    (``Register.split``); the ids of the new entries, in order, and the audit events:
    the entry's first, then its parts'."""
    before = row.text
    row.text = texts[0]
    row.updated_at = now
    row.updated_by = actor
    session.flush()  # the version is checked (and bumped) before any REQ number is taken
    parts = [
        EntryRow(
            candidate_id=None,  # the tool found one statement; the part is the reviewer's
            document_id=row.document_id,
            text=text,
            label=None,
            confidence=None,
            status="candidate",
            page=row.page,
            clause=row.clause,
            boxes=list(row.boxes or ()),
            owner="",
            due_date=None,
            notes="",
            created_at=now,
            updated_at=now,
            updated_by=actor,
        )
        for text in texts[1:]
    ]
    session.add_all(parts)
    session.flush()
    split = {
        "at": now,
        "actor": actor,
        "action": SPLIT,
        "entry_id": row.id,
        "document_id": row.document_id,
        "before": {"text": before},
        "after": {"text": row.text, "split_into": [format_ref(part.id) for part in parts]},
    }
    split_off = [
        {
            "at": now,
            "actor": actor,
            "action": SPLIT_OFF,
            "entry_id": part.id,
            "document_id": part.document_id,
            "before": None,
            "after": {**_decided(part), "split_from": format_ref(row.id)},
        }
        for part in parts
    ]
    return [part.id for part in parts], [split, *split_off]


def _replaced_row(row: EntryRow) -> _Replaced:
    return _Replaced(row.id, row.version, row.document_id, row.owner, row.due_date, row.notes)


def _change_audited(
    session: Session,
    row: EntryRow,
    actor: str,
    now: datetime,
    action: str,
    noted: Mapping[str, Any] | None = None,
    **changes: Any,
) -> list[dict[str, Any]]:
    """Set ``changes`` on the loaded entry and return its audit event (fields before and
    after, and ``noted`` beside them); none when nothing changes. The ORM checks the version."""
    before = _decided(row)
    for name, value in changes.items():
        setattr(row, name, value)
    after = _decided(row)
    changed = {k: v for k, v in after.items() if before[k] != v}
    if not changed:
        return []
    row.updated_at = now
    row.updated_by = actor
    session.flush()
    return [
        {
            "at": now,
            "actor": actor,
            "action": action,
            "entry_id": row.id,
            "document_id": row.document_id,
            "before": {k: before[k] for k in changed},
            "after": {**changed, **(noted or {})},
        }
    ]


def _still_in_force(
    session: Session, document_ids: set[int], revisions: set[int]
) -> dict[int, tuple[str, ...]]:
    """The confirmed entries in force of ``document_ids`` (the revisions just replaced by
    ``revisions``) in the parts of them that the revisions say anything of.

    An automotive walk's revision B dropped clause 5.6 (a resident engineer): deciding B
    as before superseded everything else of revision A and left 5.6 in force, unsaid.
    A revision of one part (a solicitation's Section C alone) leaves the rest as it was.
    """
    if not document_ids:
        return {}
    query = (
        select(EntryRow.document_id, EntryRow.id, CandidateRow.clause, CandidateRow.section)
        .outerjoin(CandidateRow, CandidateRow.id == EntryRow.candidate_id)
        .where(
            EntryRow.document_id.in_(sorted(document_ids)),
            EntryRow.status == "confirmed",
            EntryRow.superseded_by.is_(None),
        )
        .order_by(EntryRow.id)
    )
    connection = session.connection()
    parts = {
        document_id: parts_revised_by(connection, document_id, revisions)
        for document_id in document_ids
    }
    left: dict[int, list[str]] = {}
    for document_id, entry_id, clause, section in session.execute(query):
        if document_id is not None and in_parts(parts[document_id], clause, section):
            left.setdefault(document_id, []).append(format_ref(entry_id))
    return {document_id: tuple(refs) for document_id, refs in left.items()}


def _supersede_event(now: datetime, actor: str, old: _Replaced, by: int) -> dict[str, Any]:
    """The audit row of an earlier revision's entry superseded by entry ``by``."""
    return {
        "at": now,
        "actor": actor,
        "action": "supersede",
        "entry_id": old.entry_id,
        "document_id": old.document_id,
        "before": {"superseded_by": None},
        "after": {"superseded_by": format_ref(by)},
    }


def _planned_entries(where: EntryFilter) -> Any:
    """The entries matching ``where`` with what deciding them as before needs (``_Planned``)."""
    return _filtered(
        select(
            EntryRow.id,
            EntryRow.version,
            EntryRow.status,
            EntryRow.label,
            EntryRow.text,
            EntryRow.document_id,
            EntryRow.owner,
            EntryRow.due_date,
            EntryRow.notes,
            CandidateRow.text_key,
        ).join(CandidateRow, CandidateRow.id == EntryRow.candidate_id),
        where,
    )


def _as_planned(row: Any) -> _Planned:
    return _Planned(
        row.id,
        row.version,
        row.status,
        row.label,
        row.text,
        row.document_id,
        row.owner,
        row.due_date,
        row.notes,
        str(row.text_key),
    )


def _confirmed_in_force(session: Session, where: EntryFilter) -> list[_Planned]:
    """The entries matching ``where`` already confirmed and in force, in entry order."""
    query = (
        _planned_entries(replace(where, statuses=()))
        .where(
            EntryRow.status == "confirmed",
            EntryRow.superseded_by.is_(None),
            CandidateRow.text_key.is_not(None),
        )
        .order_by(EntryRow.id)
    )
    return [_as_planned(row) for row in session.execute(query)]


def _replaced_entries(
    session: Session, confirming: Sequence[_Planned]
) -> dict[int, tuple[_Replaced, ...]]:
    """For each entry to be confirmed (or confirmed), the entries it replaces, latest first.

    Confirmed entries in force whose source text reads the same, in another
    document, entered before it. Each is replaced once, by the first entry
    with its text (a clause a revision states twice).
    """
    keys = sorted({target.text_key for target in confirming})
    found: dict[str, list[_Replaced]] = {}
    for start in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[start : start + KEYS_PER_QUERY]
        query = (
            select(
                CandidateRow.text_key,
                EntryRow.id,
                EntryRow.version,
                EntryRow.document_id,
                EntryRow.owner,
                EntryRow.due_date,
                EntryRow.notes,
            )
            .join(CandidateRow, CandidateRow.id == EntryRow.candidate_id)
            .where(
                CandidateRow.text_key.in_(chunk),
                EntryRow.status == "confirmed",
                EntryRow.superseded_by.is_(None),
            )
            .order_by(EntryRow.id.desc())
        )
        for row in session.execute(query):
            found.setdefault(str(row.text_key), []).append(
                _Replaced(row.id, row.version, row.document_id, row.owner, row.due_date, row.notes)
            )
    taken: set[int] = set()
    replaced: dict[int, tuple[_Replaced, ...]] = {}
    for target in confirming:  # in entry order
        olds = tuple(
            old
            for old in found.get(target.text_key, ())
            if old.entry_id < target.id
            and old.document_id != target.document_id
            and old.entry_id not in taken
        )
        taken.update(old.entry_id for old in olds)
        if olds:
            replaced[target.id] = olds
    return replaced


def _update_all_or_raise(
    session: Session,
    updates: Sequence[tuple[int, int, Mapping[str, Any]]],
    actor: str,
    now: datetime,
) -> None:
    """Each (entry id, version planned, values) in one UPDATE run, or ``_SliceRaced``.

    One executemany instead of one round trip per entry; the row count tells
    whether every entry was still at the version planned. Every update sets
    the same columns.
    """
    if not updates:
        return
    table = cast(Table, EntryRow.__table__)
    columns = list(updates[0][2])
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
        .values(
            {
                **{name: bindparam(f"b_{name}") for name in columns},
                "version": bindparam("b_next"),
                "updated_at": now,
                "updated_by": actor,
            }
        )
    )
    rows = [
        {
            "b_id": entry_id,
            "b_version": version,
            "b_next": version + 1,
            **{f"b_{name}": values[name] for name in columns},
        }
        for entry_id, version, values in updates
    ]
    if session.connection().execute(statement, rows).rowcount != len(rows):
        raise _SliceRaced


def _update_versioned(
    session: Session,
    updates: Sequence[tuple[int, int, Mapping[str, Any]]],
    actor: str,
    now: datetime,
    at_once: bool,
) -> list[int]:
    """The entry ids updated: all at once (or ``_SliceRaced``), else one by one, skipping
    those someone saved meanwhile."""
    if at_once:
        _update_all_or_raise(session, updates, actor, now)
        return [entry_id for entry_id, _, _ in updates]
    return [
        entry_id
        for entry_id, version, values in updates
        if _versioned_update(session, entry_id, version, actor, now, **values)
    ]


def _add_labels(
    session: Session, labelled: Sequence[tuple[str, CandidateInput]], actor: str, now: datetime
) -> list[dict[str, Any]]:
    """Give candidates imported unlabelled (``--no-classify``) the label found now.

    Their entries take it too while still waiting with no label of a reviewer's;
    returns an audit event ``label_found`` for each such entry.
    """
    audits: list[dict[str, Any]] = []
    for candidate_id, candidate in labelled:
        session.execute(
            update(CandidateRow)
            .where(CandidateRow.id == candidate_id)
            .values(label=candidate.label, confidence=candidate.confidence)
        )
        entry = session.scalars(
            select(EntryRow).where(
                EntryRow.candidate_id == candidate_id,
                EntryRow.status == "candidate",
                EntryRow.label.is_(None),
            )
        ).one_or_none()
        if entry is None:
            continue
        found = {"label": candidate.label, "confidence": candidate.confidence}
        if not _versioned_update(session, entry.id, entry.version, actor, now, **found):
            continue
        audits.append(
            {
                "at": now,
                "actor": actor,
                "action": "label_found",
                "entry_id": entry.id,
                "document_id": entry.document_id,
                "before": {"label": None},
                "after": {"label": candidate.label},
            }
        )
    return audits


def _versioned_update(
    session: Session, entry_id: int, version: int, actor: str, now: datetime, **values: Any
) -> bool:
    """Set ``values`` on the entry if it is still at ``version``; False if someone saved first."""
    result = session.execute(
        update(EntryRow)
        .where(EntryRow.id == entry_id, EntryRow.version == version)
        .values(**values, version=version + 1, updated_at=now, updated_by=actor)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def _outcome() -> Any:
    """One comparable value of a decision: status, label and text."""
    return EntryRow.status + "|" + func.coalesce(EntryRow.label, "") + "|" + EntryRow.text


def _said_before(earlier: Any, later: Any) -> Any:
    """True where candidate ``earlier`` was said before ``later`` (aliases of CandidateRow):
    sent before it when both came in e-mails with a date, else uploaded before it (as
    ``reworded.is_earlier``). Each keeps its document's sending time: no join per pair."""
    dated = earlier.sent_at.is_not(None) & later.sent_at.is_not(None)
    return (dated & (earlier.sent_at < later.sent_at)) | (
        ~dated & (earlier.document_id < later.document_id)
    )


def _of_another_business(earlier: Any, this: Any) -> Any:
    """True where candidates ``earlier`` and ``this`` (aliases of CandidateRow) are of
    documents of different businesses (``related.record_unrelated``): another customer's
    "Next meeting: 3 June" neither repeats nor changes this one's "Next meeting: 12 May"."""
    return (
        select(UnrelatedDocumentsRow.other_id)
        .where(
            UnrelatedDocumentsRow.document_id == this.document_id,
            UnrelatedDocumentsRow.other_id == earlier.document_id,
        )
        # both candidates come from enclosing queries, maybe not the nearest one
        .correlate_except(UnrelatedDocumentsRow)
        .exists()
    )


def _restated_since(earlier: Any, this: Any) -> Any:
    """True where a document after candidate ``earlier`` and before ``this`` (aliases of
    CandidateRow) said ``this``'s very text and a reviewer confirmed it there: ``this``
    repeats what was settled last, so it differs from nothing. Issue 3 of a specification
    repeating issue 2's confirmed "Fat 4.6 g" does not differ from issue 1's "Fat 4.2 g"
    that issue 2 replaced (a food walk: 8 such values flagged). Issue 2 still waiting, or
    rejected, leaves issue 1's 4.2 g in force, and issue 3's 4.6 g differs from it (a
    re-walk: a reviewer skipping issue 2 saw no change from issue 1 at all)."""
    between, settled, query = _same_text_decided(this, ("confirmed",))
    return (
        query.where(
            between.document_id != this.document_id,
            between.document_id != earlier.document_id,
            _said_before(earlier, between),
            _said_before(between, this),
            ~_of_another_business(between, this),
        )
        .correlate_except(between, settled)
        .exists()
    )


def _same_text_decided(this: Any, statuses: Sequence[str]) -> tuple[Any, Any, Select[Any]]:
    """Other candidates of ``this``'s very text whose entry a reviewer gave one of
    ``statuses``: the candidate's and the entry's aliases, to narrow by, and the query."""
    other = aliased(CandidateRow)
    decided = aliased(EntryRow)
    query = (
        select(other.id)
        .join(decided, decided.candidate_id == other.id)
        .where(other.text_key == this.text_key, other.id != this.id, decided.status.in_(statuses))
    )
    return other, decided, query


def _restated_decisions(session: Session, candidate_ids: Sequence[str]) -> set[tuple[str, int]]:
    """(candidate, decided entry) pairs where the entry's clause, with other numbers, was
    said since in the candidate's very words (``_restated_since``): no difference to show."""
    this = aliased(CandidateRow)
    earlier = aliased(CandidateRow)
    found: set[tuple[str, int]] = set()
    for start in range(0, len(candidate_ids), KEYS_PER_QUERY):
        query = (
            select(this.id, EntryRow.id)
            .join(
                earlier,
                (earlier.number_blind_key == this.number_blind_key)
                & (earlier.text_key != this.text_key),
            )
            .join(EntryRow, EntryRow.candidate_id == earlier.id)
            .where(
                this.id.in_(candidate_ids[start : start + KEYS_PER_QUERY]),
                EntryRow.status.in_(DECIDED_STATUSES),
                _restated_since(earlier, this),
            )
        )
        found.update((str(candidate), int(entry)) for candidate, entry in session.execute(query))
    return found


def _in_an_earlier_document() -> Any:
    """True for a candidate whose statement, numbers aside, a document of its business
    before it has."""
    other = aliased(CandidateRow)
    return (
        select(other.id)
        .where(
            other.number_blind_key == CandidateRow.number_blind_key,
            other.document_id != CandidateRow.document_id,
            _said_before(other, CandidateRow),
            ~_of_another_business(other, CandidateRow),
        )
        .exists()
    )


def _decisions_by_key(
    session: Session, keys: set[str], shown: int = LATEST_SHOWN, column: Any = None
) -> dict[str, EarlierDecisions]:
    """Confirmed and rejected entries by their source text's key: latest few, count, agreement.

    ``column`` is the key (``CandidateRow.text_key`` unless given). A clause
    decided in two hundred orders costs ``shown`` rows, not two hundred.
    """
    column = CandidateRow.text_key if column is None else column
    found: dict[str, EarlierDecisions] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), KEYS_PER_QUERY):
        chunk = ordered[start : start + KEYS_PER_QUERY]
        decided = (
            select(column.label("key"))
            .join(EntryRow, EntryRow.candidate_id == CandidateRow.id)
            .where(column.in_(chunk), EntryRow.status.in_(DECIDED_STATUSES))
        )
        summary = {
            key: (total, outcomes, split)
            for key, total, outcomes, split in session.execute(
                decided.add_columns(
                    func.count(), func.count(func.distinct(_outcome())), _latest_split()
                ).group_by(column)
            )
        }
        rank = (
            func.row_number()
            .over(partition_by=column, order_by=(EntryRow.updated_at.desc(), EntryRow.id.desc()))
            .label("rank")
        )
        ranked = decided.add_columns(
            EntryRow.id.label("entry_id"), CandidateRow.text.label("found_text"), rank
        ).subquery()
        latest = (
            select(ranked.c.key, ranked.c.found_text, EntryRow, DocumentRow.name)
            .join(EntryRow, EntryRow.id == ranked.c.entry_id)
            .outerjoin(DocumentRow, DocumentRow.id == EntryRow.document_id)
            .where(ranked.c.rank <= shown)
            .order_by(ranked.c.key, ranked.c.rank)
        )
        rows: dict[str, list[EarlierDecision]] = {}
        for key, found_text, row, document_name in session.execute(latest):
            rows.setdefault(str(key), []).append(
                EarlierDecision(
                    ref=format_ref(row.id),
                    status=row.status,
                    label=row.label,
                    text=row.text,
                    document_name=document_name or "",
                    updated_by=row.updated_by,
                    updated_at=as_utc(row.updated_at),
                    found_text=found_text,
                    superseded_by=format_ref(row.superseded_by) if row.superseded_by else "",
                )
            )
        replaced: dict[str, str] = {}
        for key, old, new in session.execute(_replaced_by_other_words(column, chunk)):
            replaced.setdefault(str(key), f"{format_ref(old)} by {format_ref(new)}")
        for key, (total, outcomes, split) in summary.items():
            found[key] = EarlierDecisions(
                tuple(rows.get(key, ())),
                total,
                outcomes == 1 and split is None,
                split=format_ref(split) if split is not None else "",
                replaced=replaced.get(key, ""),
            )
    return found


def _replaced_by_other_words(column: Any, keys: Sequence[str]) -> Select[Any]:
    """(key, entry, replacing entry) for the confirmed entries of ``keys`` superseded by an
    entry of other words: a drawing's "cylindricity 0.005 mm" replaced by a mail's
    "0.008 mm". Deciding the next revision's "0.005 mm" as before would put it back in
    force beside the mail's (a machined-parts walk)."""
    replacing = aliased(EntryRow)
    return (
        select(column, EntryRow.id, replacing.id)
        .join(EntryRow, EntryRow.candidate_id == CandidateRow.id)
        .join(replacing, replacing.id == EntryRow.superseded_by)
        .where(column.in_(keys), replacing.text != EntryRow.text)
        .order_by(column, EntryRow.updated_at.desc(), EntryRow.id.desc())
    )


def _latest_split() -> Any:
    """Per group of decided entries, the latest one a reviewer split (NULL for none): its
    decision covers only part of the statement, so the group's is never applied as it was."""
    return func.max(case((was_split(EntryRow.id), EntryRow.id), else_=None))


def _differing(this: Any) -> Any:
    """True for candidate ``this`` (an alias) whose clause was decided before, in a document
    before it, with other numbers (not the same text)."""
    earlier = aliased(CandidateRow)
    decided = aliased(EntryRow)
    return (
        select(earlier.id)
        .join(decided, decided.candidate_id == earlier.id)
        .where(
            earlier.number_blind_key == this.number_blind_key,
            earlier.text_key != this.text_key,
            decided.status.in_(DECIDED_STATUSES),
            earlier.document_id != this.document_id,
            _said_before(earlier, this),
            ~_of_another_business(earlier, this),
            ~_restated_since(earlier, this),
        )
        .exists()
    )


def _changed_since_earlier(this: Any) -> Any:
    """True for candidate ``this`` (an alias) that differs from what a document before it
    said: the same clause with other numbers, a reworded one with another value
    (``reworded_links``), or a statement that says it changes something ("instead of")."""
    earlier = aliased(CandidateRow)
    changed = select(earlier.id).where(
        earlier.number_blind_key == this.number_blind_key,
        earlier.text_key != this.text_key,
        earlier.document_id != this.document_id,
        _said_before(earlier, this),
        ~_of_another_business(earlier, this),
        ~_restated_since(earlier, this),
    )
    reworded = select(RewordedLinkRow.candidate_id).where(RewordedLinkRow.candidate_id == this.id)
    # "Almond is removed from the recipe" in issue 2 and again in issue 3: said and decided
    # before in these words, it announces no new change (a food walk)
    said, _, query = _same_text_decided(this, DECIDED_STATUSES)  # decided, not skipped
    repeated = query.where(
        said.document_id != this.document_id,
        _said_before(said, this),
        ~_of_another_business(said, this),
    )
    announced = this.change_cue.is_not(None) & ~repeated.exists()
    return changed.exists() | reworded.exists() | announced


def _confirmed_elsewhere(this: Any) -> Any:
    """True for candidate ``this`` (an alias) whose very text an entry of another candidate
    holds confirmed as a requirement."""
    _, decided, query = _same_text_decided(this, ("confirmed",))
    return query.where(decided.label != "none").exists()


def _entry_candidate_where(condition: Callable[[Any], Any]) -> Any:
    """True for an entry whose candidate meets ``condition``, asked only of the entries the
    other filters leave (the waiting ones of a queue), not of every candidate."""
    this = aliased(CandidateRow)
    return select(this.id).where(this.id == EntryRow.candidate_id, condition(this)).exists()


def _agreed_keys() -> Select[Any]:
    """Text keys whose confirmed and rejected entries all agree on status, label and text,
    none of them split into parts nor replaced by other words (``_replaced_by_other_words``)."""
    replacing = aliased(EntryRow)
    replaced = case(
        (
            (EntryRow.superseded_by.is_not(None)) & (replacing.text != EntryRow.text),
            1,
        ),
        else_=0,
    )
    return (
        select(CandidateRow.text_key)
        .join(EntryRow, EntryRow.candidate_id == CandidateRow.id)
        .outerjoin(replacing, replacing.id == EntryRow.superseded_by)
        .where(EntryRow.status.in_(DECIDED_STATUSES), CandidateRow.text_key.is_not(None))
        .group_by(CandidateRow.text_key)
        .having(
            func.count(func.distinct(_outcome())) == 1,
            _latest_split().is_(None),
            func.max(replaced) == 0,
        )
    )


def _same_as_earlier(
    session: Session, where: EntryFilter
) -> list[tuple[_Planned, EarlierDecision]]:
    """Candidates matching ``where`` whose text was decided before, all in agreement."""
    query = (
        _planned_entries(where)
        .where(
            EntryRow.status == "candidate",
            CandidateRow.text_key.in_(_agreed_keys()),
            not_split(EntryRow.id),  # its text is a part now: deciding it as the whole undoes that
        )
        .order_by(EntryRow.id)
    )
    targets = session.execute(query).all()
    decided = _decisions_by_key(session, {row.text_key for row in targets}, shown=1)
    plan = []
    for row in targets:
        found = decided.get(row.text_key)
        source = found.agreed if found else None
        if source is not None:  # None only if a decision changed since the query above
            plan.append((_as_planned(row), source))
    return plan


def _documents_of_entries(
    session: Session, entry_ids: set[int]
) -> dict[int, tuple[int, datetime | None]]:
    """Each entry's document as ``reworded.is_earlier`` orders them: (id, sent_at)."""
    found: dict[int, tuple[int, datetime | None]] = {}
    ordered = sorted(entry_ids)
    for start in range(0, len(ordered), KEYS_PER_QUERY):
        chunk = ordered[start : start + KEYS_PER_QUERY]
        query = (
            select(EntryRow.id, DocumentRow.id, DocumentRow.sent_at)
            .join(DocumentRow, DocumentRow.id == EntryRow.document_id)
            .where(EntryRow.id.in_(chunk))
        )
        for entry_id, document_id, sent in session.execute(query):
            found[entry_id] = (document_id, as_utc(sent) if sent else None)
    return found


def _ref_text(ref: str | int) -> str:
    return format_ref(ref) if isinstance(ref, int) else str(ref)


def _out_of_force(entry: EntryView) -> str:
    """Why an entry is no requirement in force ("candidate", "superseded by REQ-0002"), or
    "" when it is one."""
    if entry.superseded_by:
        return f"superseded by {entry.superseded_by}"
    return "" if entry.status == "confirmed" else entry.status


def _with_note(notes: str, note: str, actor: str) -> str:
    """``notes`` with ``note`` appended on a line of its own, signed and dated."""
    line = f"[{_now():%Y-%m-%d %H:%M} UTC, {actor}] {note}"
    return f"{notes}\n{line}" if notes else line


def _entry_id(ref: str | int) -> int:
    entry_id = ref if isinstance(ref, int) else parse_ref(ref)
    if entry_id is None:
        raise NotFound(f"{ref}: not a register reference (expected REQ-0001)")
    return entry_id


def _validate(ref: str, changes: Mapping[str, Any]) -> None:
    unknown = set(changes) - set(DECIDED_FIELDS)
    if unknown:
        raise RegisterError(f"{ref}: cannot change {', '.join(sorted(unknown))}")
    if "label" in changes and changes["label"] not in LABELS:
        raise RegisterError(f"{ref}: unknown label {changes['label']!r} (one of {LABELS})")
    if "status" in changes and changes["status"] not in STATUSES:
        raise RegisterError(f"{ref}: unknown status {changes['status']!r} (one of {STATUSES})")
    if "text" in changes and not str(changes["text"]).strip():
        raise RegisterError(f"{ref}: the text cannot be empty")
    if "due_date" in changes and not isinstance(changes["due_date"], date | None):
        raise RegisterError(f"{ref}: due date must be a date")
    for name in ("owner", "notes"):
        if name in changes and not isinstance(changes[name], str):
            raise RegisterError(f"{ref}: {name} must be text")
    if "superseded_by" in changes and not isinstance(changes["superseded_by"], int | None):
        raise RegisterError(f"{ref}: superseded_by must be an entry id")


def _in_shown_states(states: Sequence[str]) -> Any:
    """Entries in any of ``states`` as the Register view shows them (``SHOWN_STATES``)."""
    plain = [state for state in states if state not in ("confirmed", "superseded")]
    conditions: list[Any] = [EntryRow.status.in_(plain)] if plain else []
    if "confirmed" in states:
        conditions.append((EntryRow.status == "confirmed") & EntryRow.superseded_by.is_(None))
    if "superseded" in states:
        conditions.append(EntryRow.superseded_by.is_not(None))
    return or_(*conditions)


def _filtered(query: _Query, where: EntryFilter) -> _Query:
    if where.statuses:
        query = query.where(EntryRow.status.in_(where.statuses))
    if where.labels:
        query = query.where(EntryRow.label.in_(where.labels))
    if where.document_ids:
        query = query.where(EntryRow.document_id.in_(where.document_ids))
    if where.min_confidence is not None:
        query = query.where(EntryRow.confidence >= where.min_confidence)
    if where.max_confidence is not None:
        query = query.where(EntryRow.confidence <= where.max_confidence)
    if where.owner is not None:
        query = query.where(EntryRow.owner == where.owner)
    if where.in_force:
        query = query.where(EntryRow.superseded_by.is_(None))
    if where.shown_states:
        query = query.where(_in_shown_states(where.shown_states))
    if where.entry_ids:
        query = query.where(EntryRow.id.in_(where.entry_ids))
    if where.differs_from_decided:
        query = query.where(_entry_candidate_where(_differing))
    if where.differs_from_earlier:
        query = query.where(_entry_candidate_where(_changed_since_earlier))
    if where.differing_left_out:
        query = query.where(~_entry_candidate_where(_changed_since_earlier))
    if where.confirmed_text_left_out:
        query = query.where(~_entry_candidate_where(_confirmed_elsewhere))
    if not where.include_quoted:
        # Only quoted text the register also holds as written (the earlier e-mail itself):
        # a thread whose first message never came in has its requirements only in a quote.
        original = aliased(CandidateRow)
        written_elsewhere = (
            select(original.id)
            .where(original.text_key == CandidateRow.text_key, original.kind != "quoted")
            .exists()
        )
        repeated = select(CandidateRow.id).where(CandidateRow.kind == "quoted", written_elsewhere)
        query = query.where(
            EntryRow.candidate_id.is_(None) | EntryRow.candidate_id.not_in(repeated)
        )
    text = where.text.strip()
    if (named := searched_reference(text)) is not None:
        # that entry, not the others whose notes or text name it ("Changed in part by
        # REQ-0331"): a walker searching "REQ-0331" found two; a clause numbered so in the
        # customer's own matrix is a name too
        return query.where((EntryRow.id == named) | (func.lower(EntryRow.clause) == text.lower()))
    if text:
        columns = (EntryRow.text, EntryRow.clause, EntryRow.owner, EntryRow.notes)
        if text.isascii():  # ILIKE folds ASCII everywhere, at a fifth of the cost
            pattern = _like_pattern(text)
            matches = or_(*(column.ilike(pattern, escape="\\") for column in columns))
        else:  # "KRÜGER": SQLite's own folding stops at ASCII letters
            pattern = _like_pattern(text.casefold())
            matches = or_(*(folded(column).like(pattern, escape="\\") for column in columns))
        entry_id = parse_ref(text)
        if entry_id is not None:
            matches = matches | (EntryRow.id == entry_id)
        query = query.where(matches)
    return query


def searched_reference(text: str) -> int | None:
    """The entry a search names by its REQ number ("REQ-0331", "req-331"), else None.

    A bare number ("331") may as well be a quantity or a clause: it is searched as text
    and matches that entry too.
    """
    return None if text.strip().isdigit() else parse_ref(text)


def _sorted(query: _Query, sort: SortOrder) -> _Query:
    if sort == "requirements_first":
        # What a reviewer confirms comes first; the confident "none"s, rejected in bulk, last.
        return _sorted(
            query.order_by(case((EntryRow.label == "none", 1), else_=0)), "confidence_desc"
        )
    if sort == "confidence_desc":
        return query.order_by(EntryRow.confidence.desc().nulls_last(), EntryRow.id)
    if sort == "confidence_asc":
        return query.order_by(EntryRow.confidence.asc().nulls_last(), EntryRow.id)
    if sort == "updated_desc":
        return query.order_by(EntryRow.updated_at.desc(), EntryRow.id.desc())
    return query.order_by(EntryRow.id)


def _entry_query() -> Select[Any]:
    return (
        select(
            EntryRow,
            DocumentRow.name,
            DocumentRow.sha256,
            CandidateRow.section,
            CandidateRow.annotations,
            CandidateRow.kind,
            CandidateRow.label,
            DocumentRow.details,
            CandidateRow.text,
            CandidateRow.change_cue,
        )
        .outerjoin(DocumentRow, DocumentRow.id == EntryRow.document_id)
        .outerjoin(CandidateRow, CandidateRow.id == EntryRow.candidate_id)
    )


def _candidate_row(
    candidate_id: str,
    document_id: int,
    candidate: CandidateInput,
    now: datetime,
    sent: datetime | None = None,
) -> CandidateRow:
    return CandidateRow(
        id=candidate_id,
        document_id=document_id,
        position=candidate.position,
        text=candidate.text,
        label=candidate.label,
        confidence=candidate.confidence,
        page=candidate.page,
        boxes=[dict(box) for box in candidate.boxes],
        clause=candidate.clause,
        section=candidate.section,
        kind=candidate.kind,
        annotations=dict(candidate.annotations),
        imported_at=now,
        text_key=text_key(candidate.text),
        number_blind_key=number_blind_key(candidate.text),
        change_cue=_change_cue(candidate),
        sent_at=sent,
    )


def _change_cue(candidate: CandidateInput) -> str | None:
    """The first words by which the statement states a change (``annotating.change_cues``)."""
    found = candidate.annotations.get("changes")
    if not isinstance(found, list | tuple):
        from extractor.annotating import change_cues  # spaCy's import: only when importing

        found = change_cues(candidate.text)
    return str(found[0])[:64] if found else None


def _entry_row(candidate: CandidateRow, actor: str, now: datetime) -> EntryRow:
    return EntryRow(
        candidate_id=candidate.id,
        document_id=candidate.document_id,
        text=candidate.text,
        label=candidate.label,
        confidence=candidate.confidence,
        status="candidate",
        page=candidate.page,
        clause=candidate.clause,
        boxes=candidate.boxes,
        owner="",
        due_date=None,
        notes="",
        created_at=now,
        updated_at=now,
        updated_by=actor,
    )


def _document_view(row: DocumentRow) -> DocumentView:
    return DocumentView(
        id=row.id,
        sha256=row.sha256,
        name=row.name,
        kind=row.kind,
        pages=row.pages,
        uploaded_by=row.uploaded_by,
        uploaded_at=as_utc(row.uploaded_at),
    )


def _candidate_view(row: CandidateRow) -> CandidateView:
    return CandidateView(
        id=row.id,
        document_id=row.document_id,
        position=row.position,
        text=row.text,
        label=row.label,
        confidence=row.confidence,
        page=row.page,
        boxes=tuple(row.boxes or ()),
        clause=row.clause,
        section=row.section,
        kind=row.kind,
        annotations=dict(row.annotations or {}),
    )


def _entry_view(
    row: EntryRow,
    document_name: str | None,
    document_sha256: str | None,
    section: str | None,
    annotations: Mapping[str, Any] | None,
    kind: str | None = None,
    found_label: str | None = None,
    document_details: Mapping[str, Any] | None = None,
    found_text: str | None = None,
    change_cue: str | None = None,
) -> EntryView:
    notes = annotations or {}
    details = document_details or {}
    return EntryView(
        ref=format_ref(row.id),
        id=row.id,
        text=row.text,
        label=row.label,
        status=row.status,  # type: ignore[arg-type]
        confidence=row.confidence,
        document_id=row.document_id,
        document_name=document_name or "",
        document_sha256=document_sha256 or "",
        page=row.page,
        clause=row.clause,
        section=section or "",
        boxes=tuple(row.boxes or ()),
        laws=tuple(notes.get("laws") or ()),
        standards=tuple(notes.get("standards") or ()),
        owner=row.owner,
        due_date=row.due_date,
        notes=row.notes,
        candidate_id=row.candidate_id,
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
        updated_by=row.updated_by,
        version=row.version,
        kind=kind or "",
        found_label=found_label,
        ocr=bool(notes.get("ocr")),
        superseded_by=format_ref(row.superseded_by) if row.superseded_by else "",
        sender=str(details.get("sender") or ""),
        sent_at=str(details.get("sent_at") or ""),
        extracted_text=found_text or "",
        change_cue=change_cue or "",
    )


def _audit_event(row: AuditRow) -> AuditEvent:
    return AuditEvent(
        id=row.id,
        at=as_utc(row.at),
        actor=row.actor,
        action=row.action,
        entry_ref=format_ref(row.entry_id) if row.entry_id is not None else None,
        document_id=row.document_id,
        before=_readable(row.before),
        after=_readable(row.after),
    )


def _with_others_saying_it(linked: Sequence[EarlierStatement], later: str) -> EarlierStatement:
    """The first linked earlier statement, naming the other linked ones that hold a value
    of it that ``later`` replaces: "42 kW instead of 38 kW" changes the clause, its table
    row and its compliance matrix row alike, and superseding one left the others' 38 kW
    in force. (The cab unit's clause, linked too for its words, holds 5.5 kW: not named.)
    A value of the first that the change keeps names nothing: a federal walk's "Priority
    1 incidents ... within ten (10) minutes, not fifteen (15) minutes" had named the
    unchanged Priority 2 clause for the "one (1) hour" it shared with Priority 1's "1"."""
    first, *rest = linked
    held = values_replaced(later, first.text)
    also = tuple(
        (other.ref, other.status)
        for other in rest
        if other.ref != first.ref and held & wording(other.text).values
    )
    return replace(first, also=also) if also else first


def _in_force_for(session: Session, earlier: EarlierStatement) -> EarlierStatement:
    """``earlier`` naming the entry now in force in its place, when a later one superseded
    it: a walk's revision E offered to replace spec PS-011 again, which the tolerance mail
    had already replaced, and confirming moved the link and put both in force."""
    entry_id = parse_ref(earlier.ref)
    seen: set[int] = set()
    while entry_id is not None and entry_id not in seen:
        seen.add(entry_id)
        following = session.scalar(select(EntryRow.superseded_by).where(EntryRow.id == entry_id))
        if following is None:
            break
        entry_id = following
    also = tuple(
        (ref, status)
        for ref, status in earlier.also
        if session.scalar(select(EntryRow.superseded_by).where(EntryRow.id == parse_ref(ref)))
        is None
    )
    in_force = format_ref(entry_id) if entry_id is not None else earlier.ref
    if in_force == earlier.ref and also == earlier.also:
        return earlier
    return replace(earlier, also=also, in_force="" if in_force == earlier.ref else in_force)
