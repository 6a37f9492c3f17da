"""One uploaded file into the register: keep it, read it, extract, import (idempotently).

The app calls ``import_upload`` per file; a file that cannot be read comes back
with its reason instead of raising, so the other uploads go on. PDFs are read
with the fast reader by default (pypdfium2; a 50-page contract in about 2 s
instead of about 14 s with pdfplumber), so the first candidates reach the
screen quickly; ``reader="pdfplumber"`` is the careful alternative.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from extractor.errors import DocumentError, unexpected_reason
from extractor.pipeline import Classifier, documents_of, extract_document
from extractor.reading import read_document_bytes
from extractor.reading.dispatch import PdfReader
from extractor.reading.email import attachment_files
from extractor.register.importing import from_extraction
from extractor.register.reworded import repeats_earlier
from extractor.register.service import Register
from extractor.register.views import EntryFilter, EntryView, ImportReport, format_ref
from extractor.review.store import DocumentStore
from extractor.segmenting import is_salutation

Progress = Callable[[float, str], None]


@dataclass(frozen=True, slots=True)
class UploadResult:
    """What became of one upload: its report, or the reason it could not be read."""

    name: str
    report: ImportReport = field(default_factory=ImportReport)
    error: str = ""
    document_ids: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()
    # Waiting candidates whose text was decided before (all agreeing), and those differing
    # from a statement decided before (other numbers or dates, or other words with another
    # value): what the reviewer meets again.
    decided_before: int = 0
    differ_from_before: int = 0
    # Waiting candidates whose clause an earlier document has with other numbers,
    # decided there or not (a superset of differ_from_before).
    changed_since_earlier: int = 0
    # ... of those, the ones that only say they change something ("instead of"), no earlier
    # statement found that they change: in an empty register, every one (an IT walk's first
    # upload had said "1 differs from an earlier document" with no earlier document)
    states_change_only: int = 0
    # In a document that repeats statements of documents imported before (a revision,
    # a repeat order): its statements that none of them has, even with other numbers.
    new_or_reworded: int = 0
    # Documents of the register holding word for word its statements: the same document
    # in another file (a protected copy, a re-saved revision)
    same_as: tuple[str, ...] = ()
    # ... and how many statements it holds besides, which none of those has (an attachment
    # the copy lacked): a 3PL walk's full mail, after the same mail cut short, was said to
    # repeat it, its 6 new site rules (a statutory one among them) offered to reject
    new_beside_same: int = 0
    # Its previous revision (a document imported before), and that revision's confirmed
    # requirements in force which this upload no longer holds, even reworded (REQ refs)
    dropped_from: str = ""
    dropped: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.error


def _no_progress(fraction: float, message: str) -> None:
    del fraction, message


def warm_up(classifier: Classifier | None = None) -> None:
    """Run the stages once on one sentence, so spaCy and the lexicons load before the first upload.

    Loading them takes over a second; paying it when the app starts keeps it
    out of the time until the reviewer sees the first candidates.
    """
    document = read_document_bytes(b"The Supplier shall deliver the goods on time.\n", "warm.txt")
    extract_document(document, classifier)


def import_upload(
    name: str,
    data: bytes,
    *,
    register: Register,
    store: DocumentStore,
    actor: str,
    classifier: Classifier | None = None,
    reader: PdfReader = "fast",
    progress: Progress = _no_progress,
    password: str | None = None,
) -> UploadResult:
    """Read ``data`` (called ``name``), import its statements as candidates by ``actor``.

    The same bytes uploaded again add nothing: documents are known by hash and
    candidates by (hash, position, text). ``password`` opens a protected PDF; it is
    used for reading only, never stored.
    """
    progress(0.05, f"Reading {name}")
    try:
        document = read_document_bytes(data, name, reader=reader, password=password or None)
    except DocumentError as error:
        return UploadResult(name, error=error.reason)
    except Exception as error:  # a bug on one upload must not stop the others
        return UploadResult(name, error=unexpected_reason(error))
    store.save(data, name)
    if document.attachments:  # their pages are drawn from their own files
        for attached_name, attached in attachment_files(data):
            store.save(attached, attached_name)
    parts = list(documents_of(document))
    report = ImportReport()
    warnings: list[str] = []
    failures: list[tuple[str, str]] = []  # (part, reason) of parts that could not be read
    for number, part in enumerate(parts):
        share = 0.1 + 0.85 * number / len(parts)
        progress(share, f"Finding statements in {part.path}")
        try:
            extraction = extract_document(part, classifier)
        except Exception as error:  # this part is lost, not the parts already imported
            failures.append((part.path, unexpected_reason(error)))
            continue
        progress(share + 0.6 / len(parts), f"Adding {part.path} to the register")
        document_input, candidates = from_extraction(extraction)
        document_input = dataclasses.replace(document_input, name=part.path)
        report += register.add_document(document_input, candidates, actor=actor)
        # The app names the upload; a warning about an attachment names the attachment.
        where = f"{part.path}: " if part.path != name else ""
        warnings.extend(where + warning for warning in extraction.document.warnings)
    if len(failures) == len(parts):
        return UploadResult(name, error=failures[0][1])
    warnings.extend(f"{path}: {reason}" for path, reason in failures)
    by_hash = {view.sha256: view.id for view in register.documents()}
    known_ids = tuple(by_hash[part.sha256] for part in parts if part.sha256 in by_hash)
    progress(1.0, f"{name}: done")
    decided_before, differ_from_before, changed_since_earlier, states_change_only = _met_before(
        register, known_ids
    )
    clauses = register.clauses_met_before(known_ids)
    dropped_from, dropped = _dropped(register, known_ids)
    same = register.same_statements(known_ids)
    return UploadResult(
        name,
        report,
        document_ids=known_ids,
        warnings=tuple(warnings),
        decided_before=decided_before,
        differ_from_before=differ_from_before,
        changed_since_earlier=changed_since_earlier,
        states_change_only=states_change_only,
        new_or_reworded=_new_or_reworded_count(register, clauses),
        same_as=tuple(dict.fromkeys(name for names in same.values() for name in names)),
        new_beside_same=_new_beside(register, known_ids, same) if same else 0,
        dropped_from=dropped_from,
        dropped=dropped,
    )


def _new_or_reworded_count(register: Register, clauses: dict[int, tuple[int, int]]) -> int:
    """How many waiting entries of the revisions among these documents the cards will mark
    new or reworded; nothing is listed for a document that is no revision."""
    revised = tuple(d for d, (total, met) in clauses.items() if repeats_earlier(total, met))
    if not revised:
        return 0
    waiting = list(
        register.iter_entries(EntryFilter(statuses=("candidate",), document_ids=revised))
    )
    return len(new_or_reworded_entries(register, waiting, revised))


def new_or_reworded_entries(
    register: Register,
    entries: Sequence[EntryView],
    revised: Collection[int],
    reworded: Collection[int] | None = None,
) -> set[int]:
    """The ids of those ``entries`` of the ``revised`` documents (revisions, repeat orders:
    ``repeats_earlier``) that are new or reworded: no document imported before has them,
    not even with other numbers, nor does one of them reword an earlier statement with
    another value (it is marked "May differ" instead), nor is it a greeting ("Hi Niamh,"
    is new in every mail, and no change). The upload's message counts what the cards
    mark: an electronics walk's said "3 new or reworded" over one such card. ``reworded``:
    the ids of entries found rewording an earlier statement, when already looked up."""
    if not revised:
        return set()
    mine = [e for e in entries if e.document_id in revised and not is_salutation(e.text)]
    if not mine:
        return set()
    met = register.met_before(mine)
    unmet = [e for e in mine if e.id not in met]
    if reworded is None:  # the caller may have looked them up already (the queue's cards)
        reworded = set(register.reworded_earlier(unmet))
    return {e.id for e in unmet if e.id not in reworded}


def _new_beside(
    register: Register, document_ids: tuple[int, ...], same: dict[int, list[str]]
) -> int:
    """How many statements of the upload's parts that repeat no document word for word
    (``same``: those that do) no document imported before has: what is new beside a copy."""
    others = tuple(document_id for document_id in document_ids if document_id not in same)
    if not others:
        return 0
    entries = list(register.iter_entries(EntryFilter(document_ids=others)))
    return len(entries) - len(register.met_before(entries))


def _dropped(register: Register, document_ids: tuple[int, ...]) -> tuple[str, tuple[str, ...]]:
    """The previous revision's name and the REQ refs of its confirmed requirements that
    these documents leave out (the first document that has a previous revision)."""
    for found in register.dropped_by(document_ids).values():
        names = {view.id: view.name for view in register.documents()}
        return names.get(found.previous_id, ""), tuple(format_ref(e) for e in found.entry_ids)
    return "", ()


def _met_before(register: Register, document_ids: tuple[int, ...]) -> tuple[int, int, int, int]:
    """Waiting candidates of these documents decided before as they are, decided before with
    other numbers, met in an earlier document with other numbers (decided or not) or
    stating a change, and of these last the ones stating a change with no earlier statement
    found (other numbers or other words)."""
    if not document_ids:
        return 0, 0, 0, 0
    waiting = EntryFilter(statuses=("candidate",), document_ids=document_ids)
    decided = dataclasses.replace(waiting, differs_from_decided=True)
    changed = list(register.iter_entries(dataclasses.replace(waiting, differs_from_earlier=True)))
    # of those differing, the ones whose earlier statement was decided there: with other
    # numbers, or said in other words (a machined-parts walk's upload said "3 of them
    # decided there" of 5 whose earlier notes were all confirmed)
    reworded = register.reworded_earlier(changed)
    decided_there = {entry.id for entry in register.iter_entries(decided)} | {
        entry_id
        for entry_id, earlier in reworded.items()
        if earlier.status in ("confirmed", "rejected", "withdrawn")
    }
    with_earlier = set(reworded) | set(register.earlier_with_other_numbers(changed))
    changed_ids = {entry.id for entry in changed}
    return (
        register.count_earlier_decided(waiting),
        len(decided_there & changed_ids),
        len(changed),
        len(changed_ids - with_earlier),
    )
