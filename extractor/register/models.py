"""The register's tables as SQLAlchemy 2.x models, private to ``extractor.register``.

Callers never see these rows: ``service.py`` turns them into the frozen views of
``views.py``. The schema itself is created and changed only by the Alembic
migrations in ``migrations/versions``; ``metadata`` here must stay equal to what
they build (a test compares the two).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DocumentRow(Base):
    """One source file, known by its content hash: the same bytes are one document."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    pages: Mapped[int | None] = mapped_column(Integer)
    uploaded_by: Mapped[str] = mapped_column(String(200))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # an e-mail's sender and date ("sender", "sent_at"): who asked, and when
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # details["sent_at"] as a UTC time: what came earlier in a thread is what was sent
    # earlier, whatever order the mails were uploaded in
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class CandidateRow(Base):
    """What the tool found, kept unchanged: the reviewer's version lives in the entry.

    ``id`` is a content hash (document hash, statement index, text), so importing
    the same extraction twice finds the row already there.
    """

    __tablename__ = "candidates"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str | None] = mapped_column(String(16))
    confidence: Mapped[float | None] = mapped_column(Float)
    page: Mapped[int | None] = mapped_column(Integer)
    boxes: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    clause: Mapped[str] = mapped_column(String(100))
    section: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    annotations: Mapped[dict[str, Any]] = mapped_column(JSON)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # extractor.register.same_text.text_key(text): the same clause in another document
    text_key: Mapped[str | None] = mapped_column(String(64), index=True)
    # ... and number_blind_key(text): the same clause with a quantity, price or date changed
    number_blind_key: Mapped[str | None] = mapped_column(String(64), index=True)
    # the first words stating a change ("instead of", "moved to"): extractor.annotating
    change_cue: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # its document's sent_at, kept here too: "was it said before?" is asked of thousands
    # of candidate pairs at once, without a join per pair
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class CandidateWordRow(Base):
    """A content word of a candidate (``reworded.wording``): finds the statements that say
    nearly the same thing, reworded."""

    __tablename__ = "candidate_words"

    candidate_id: Mapped[str] = mapped_column(ForeignKey("candidates.id"), primary_key=True)
    word: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class RewordedLinkRow(Base):
    """A candidate that rewords an earlier one (``earlier_id``) with another value."""

    __tablename__ = "reworded_links"

    candidate_id: Mapped[str] = mapped_column(ForeignKey("candidates.id"), primary_key=True)
    earlier_id: Mapped[str] = mapped_column(
        ForeignKey("candidates.id"), primary_key=True, index=True
    )
    similarity: Mapped[float] = mapped_column(Float)


class UnrelatedDocumentsRow(Base):
    """Two documents of different businesses (``related.unrelated_documents``), kept both
    ways round: a clause of one with other numbers is no change of the other's."""

    __tablename__ = "unrelated_documents"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), primary_key=True)


class EntryRow(Base):
    """A register entry: the reviewer's decision about one requirement.

    ``version`` is the optimistic lock: every save checks the version the reviewer
    loaded and bumps it, so a second concurrent save fails instead of overwriting.
    ``confidence`` repeats the candidate's so the review queue filters one table.
    """

    __tablename__ = "entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[str | None] = mapped_column(ForeignKey("candidates.id"), unique=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str | None] = mapped_column(String(16))
    confidence: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16))
    page: Mapped[int | None] = mapped_column(Integer)
    clause: Mapped[str] = mapped_column(String(100))
    boxes: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    owner: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)
    # the entry that replaced this one in a later revision: no longer in force
    superseded_by: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    __table_args__ = (
        Index("ix_entries_document_status", "document_id", "status"),
        Index("ix_entries_status_label_confidence", "status", "label", "confidence"),
        Index("ix_entries_label_confidence", "label", "confidence"),
        Index("ix_entries_confidence", "confidence"),
    )


class AuditRow(Base):
    """One decision, appended and never changed (database triggers refuse updates and deletes)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entries.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class AuditChainRow(Base):
    """An audit event's chain hash (``chain.py``): the event's content and the hash before it.

    A table of its own, append-only like the log, so adding it left the log's rows
    untouched; an event edited, deleted or inserted outside reqx no longer recomputes.
    """

    __tablename__ = "audit_chain"

    event_id: Mapped[int] = mapped_column(ForeignKey("audit_log.id"), primary_key=True)
    chain_hash: Mapped[str] = mapped_column(String(64))
