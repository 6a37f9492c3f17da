"""``reqx register import|export``: the register without the app; thin over the library."""

from __future__ import annotations

import getpass
import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from extractor.cli_errors import CommandError, refuse_a_document
from extractor.errors import RegisterError
from extractor.register.settings import ENV_VAR
from extractor.register.views import (
    EXPORT_FORMATS,
    REVIEW_OUTCOMES,
    RevisionDecided,
    format_ref,
)

if TYPE_CHECKING:
    from extractor.register.dropped import Dropped

DB_HELP = f"Database URL or SQLite file (default: ${ENV_VAR}, else ./register.db)."
_db_option = click.option("--db", "db_url", default=None, help=DB_HELP)
_out_option = click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write here instead of standard output.",
)


class _ProgressBar:
    """tqdm's bar on standard error for a register call that reports (done, total).

    tqdm leaves it out when standard error is not a terminal (logs, pipes).
    """

    def __init__(self, description: str, unit: str) -> None:
        self._description = description
        self._unit = unit
        self._bar: Any = None

    def report(self, done: int, total: int) -> None:
        from tqdm import tqdm

        if self._bar is None or done == 0:  # a retry starts again from 0
            self.close()
            self._bar = tqdm(
                total=total, desc=self._description, unit=self._unit, file=sys.stderr, disable=None
            )
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reqx"


SHOWN_SKIPPED = 20  # skipped lines named on the terminal; the summary line counts them all


def _count(number: int, thing: str) -> str:
    """ "1 document", "2 documents"."""
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"


SHOWN_DOCUMENTS = 10  # documents named in a summary line; the rest counted


def _in_documents(counts: Mapping[int, int], names: Mapping[int, str]) -> str:
    """ ": 4 in spec-b.docx, 2 in po.pdf" (most first), or "" when there are none."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], names.get(item[0], "")))
    shown = [f"{count} in {names.get(doc, f'document {doc}')}" for doc, count in ranked]
    more = len(shown) - SHOWN_DOCUMENTS
    if more > 0:
        shown = [*shown[:SHOWN_DOCUMENTS], f"{_count(more, 'more document')}"]
    return ": " + ", ".join(shown) if shown else ""


def _among_documents(document_ids: Sequence[int], names: Mapping[int, str]) -> str:
    """ ", in po.pdf" or ", in the 3 imported documents (a.pdf, b.pdf, c.pdf)"."""
    shown = [names.get(doc, f"document {doc}") for doc in document_ids[:SHOWN_DOCUMENTS]]
    more = len(document_ids) - len(shown)
    listed = ", ".join(shown) + (f" and {more} more" if more > 0 else "")
    if len(document_ids) == 1:
        return f", in {listed}"
    return f", in the {len(document_ids)} imported documents ({listed})"


def _refuse_binary_on_a_terminal(output_format: str, out_path: Path | None) -> None:
    if out_path is None and output_format == "xlsx" and sys.stdout.isatty():
        raise click.UsageError("XLSX is binary: give --out FILE or redirect the output")


def _write_out(data: bytes, out_path: Path | None) -> None:
    """The export to ``out_path``, or to standard output when none is given."""
    if out_path is None:
        _write_stdout(data)
        return
    try:
        out_path.write_bytes(data)
    except OSError as error:
        raise CommandError(f"{out_path}: cannot write ({error.strerror})") from None


def _write_stdout(data: bytes) -> None:
    """``data`` to standard output; a full disk (or ``> /dev/full``) is one error line.

    A closed pipe goes on to the CLI's exit status 141. What could not be
    written is dropped, so the flush at exit does not fail a second time.
    """
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        _drop_stdout()
        raise CommandError(f"standard output: cannot write ({error.strerror or error})") from None


def _drop_stdout() -> None:
    """Point standard output at the null device (Python's advice after a failed write)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass  # no real file descriptor (a test's captured output): nothing left to flush


@click.group("register")
def register_group() -> None:
    """The requirements register: import candidates, export entries."""


@register_group.command("import")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@_db_option
@click.option("--by", "actor", default=None, help="Who imports (default: the login name).")
@click.option(
    "--decide-as-before",
    is_flag=True,
    help="Then decide the waiting candidates of the documents imported (never another "
    "document's) whose text was decided before, as it was (only where the earlier decisions "
    "agree; audited under --by).",
)
@click.option(
    "--revision",
    is_flag=True,
    help="With --decide-as-before: PATH is a revision of documents decided before, so each "
    "entry confirmed as before supersedes the earlier confirmed entry with its text and "
    "takes over its owner, due date and notes (a repeat order leaves both in force).",
)
@click.option(
    "--keep-files",
    is_flag=True,
    help="Also keep the documents read (found at the paths the statements name, with the "
    "same bytes) where the app draws pages from ($EXTRACTOR_DOCUMENTS_DIR, else "
    "./reqx-documents), so its cards show each statement on its page.",
)
def import_command(
    path: Path,
    db_url: str | None,
    actor: str | None,
    decide_as_before: bool,
    revision: bool,
    keep_files: bool,
) -> None:
    """Load PATH (JSONL of `reqx extract`, or a batch output folder) as candidates.

    Importing the same statements again adds nothing.
    """
    from extractor.register.service import open_register
    from extractor.register.views import EntryFilter

    if revision and not decide_as_before:
        raise CommandError("--revision goes with --decide-as-before")
    refuse_a_document(path)
    outcome: RevisionDecided | None = None
    names: dict[int, str] = {}
    sources: list[tuple[str, str]] = []
    differing = 0
    same: dict[int, list[str]] = {}
    dropped: dict[int, Dropped] = {}
    try:
        with open_register(db_url) as register:
            report = register.import_path(path, actor=actor or _reviewer())
            if decide_as_before and report.document_ids:
                # Only the waiting candidates of the documents this import added or found
                # there, as the app's bulk button decides only the chosen documents': an
                # unrelated order's candidates are its reviewer's to decide.
                waiting = EntryFilter(statuses=("candidate",), document_ids=report.document_ids)
                with _ProgressBar("deciding as before", unit="entry") as bar:
                    if revision:
                        outcome = register.decide_revision_as_before(
                            waiting, actor=actor or _reviewer(), progress=bar.report
                        )
                    else:
                        outcome = RevisionDecided(
                            register.apply_earlier_decisions(
                                waiting, actor=actor or _reviewer(), progress=bar.report
                            )
                        )
                names = {document.id: document.name for document in register.documents()}
            if report.entries_added and report.document_ids:
                # ISO 9001 8.2.3.1 e: what differs from what was said before, as the app's
                # upload message says it
                differing = register.count_entries(
                    EntryFilter(
                        statuses=("candidate",),
                        document_ids=report.document_ids,
                        differs_from_earlier=True,
                    )
                )
            if report.entries_added and report.document_ids:
                same = register.same_statements(report.document_ids)
                if not revision:  # --revision says what it leaves in force itself
                    dropped = register.dropped_by(report.document_ids)
                if same or dropped:
                    names = names or {d.id: d.name for d in register.documents()}
            if keep_files and report.document_ids:
                imported = set(report.document_ids)
                sources = [(d.name, d.sha256) for d in register.documents() if d.id in imported]
    except RegisterError as error:
        if "could not import" in error.message:  # a disk full, say, in the middle of a run
            raise CommandError(
                f"{error.message}; the documents before it are in the register, it and those"
                " after it are not: run the same import again once that is mended (nothing is"
                " imported twice)"
            ) from None
        raise CommandError(error.message) from None
    skipped_all = (*report.skipped_files, *report.skipped_lines)
    for skipped in skipped_all[:SHOWN_SKIPPED]:  # a file of junk must not bury the terminal
        click.echo(f"reqx: skipped {skipped}", err=True)
    documents = report.documents_added + report.documents_known
    click.echo(
        f"{_count(report.entries_added, 'new candidate')} from {_count(documents, 'document')} "
        f"({report.documents_added} new); {report.candidates_skipped} already in the register"
    )
    if differing:
        verbs = (
            "differs from an earlier document or states"
            if differing == 1
            else ("differ from an earlier document or state")
        )
        click.echo(
            f"{_count(differing, 'candidate')} of these documents {verbs} a change (other "
            "numbers, other words with another value): the app's 'Only what differs from an "
            "earlier document' lists them"
        )
    for document_id, others in sorted(same.items()):  # a protected copy, a re-saved file
        click.echo(
            f"{names.get(document_id, document_id)} holds word for word the statements of"
            f" {' and '.join(others)}: the same document in another file?"
        )
    for document_id, found in sorted(dropped.items()):  # ISO 9001 8.2.3.1 e, left out
        refs = [format_ref(entry_id) for entry_id in found.entry_ids]
        left_out = _count(len(refs), "confirmed requirement")
        click.echo(
            f"{names.get(document_id, document_id)} leaves out {left_out} of"
            f" {names.get(found.previous_id, found.previous_id)}, its previous"
            f" revision, not even with other numbers or in other words: {', '.join(refs)}; if"
            " the revision drops them: reqx register withdraw REF... --reason"
        )
    if report.labels_added:
        click.echo(
            f"{_count(report.labels_added, 'candidate')} imported before without a label got one"
        )
    if decide_as_before:
        decided = outcome.decided if outcome else 0
        where = ""
        if outcome and revision:
            where = _in_documents(outcome.decided_in, names)
        elif decided:  # a repeat order: only in the documents imported, not counted by each
            where = _among_documents(report.document_ids, names)
        click.echo(
            f"{_count(decided, 'candidate')} decided as their text was decided before{where}"
        )
    if revision:
        superseded = outcome.superseded if outcome else 0
        earlier = "earlier entry" if superseded == 1 else "earlier entries"
        where = _in_documents(outcome.superseded_in, names) if outcome else ""
        click.echo(f"{superseded} {earlier} superseded by them, no longer in force{where}")
        left = outcome.left_in_force_line(names) if outcome else ""
        if left:
            click.echo(left[0].upper() + left[1:])
    if sources:
        _keep_source_files(sources)
    if report.skipped_lines:
        count = len(report.skipped_lines)
        named = (
            f" (the first {SHOWN_SKIPPED} named above)" if len(skipped_all) > SHOWN_SKIPPED else ""
        )
        raise CommandError(
            f"{count} {'line' if count == 1 else 'lines'} skipped{named}, the rest imported"
        )


def _keep_source_files(sources: Sequence[tuple[str, str]]) -> None:
    """Keep the imported documents' files for the app and say what could not be kept."""
    from extractor.review.store import DocumentStore, default_store_folder, keep_sources

    folder = default_store_folder()
    try:
        outcome = keep_sources(sources, DocumentStore(folder))
    except RegisterError as error:  # the folder cannot be written
        raise CommandError(f"{error.message}; the statements are imported") from None
    click.echo(f"{_count(len(outcome.kept), 'document file')} kept for the app's pages in {folder}")
    for name in outcome.missing[:SHOWN_SKIPPED]:
        click.echo(f"reqx: not kept: {name}: no such file (run from where it was read)", err=True)
    for name in outcome.changed[:SHOWN_SKIPPED]:
        click.echo(f"reqx: not kept: {name}: the file has changed since it was read", err=True)


@register_group.command("split")
@click.argument("ref")
@click.option(
    "--part",
    "parts",
    multiple=True,
    metavar="TEXT",
    help="One requirement of the statement; give it once per part, the first kept by REF.",
)
@click.option(
    "--version",
    "version",
    type=int,
    default=None,
    help="The version of REF you read; refused if it was saved since (default: as it is now).",
)
@_db_option
@click.option("--by", "actor", default=None, help="Who splits (default: the login name).")
def split_command(
    ref: str, parts: tuple[str, ...], version: int | None, db_url: str | None, actor: str | None
) -> None:
    """Split the candidate REF into several requirements, one --part each.

    REF keeps the first part; each further part becomes a new candidate at the
    same page and clause, with no label, to be labelled and decided on its own.
    """
    from extractor.register.service import open_register

    try:
        with open_register(db_url, must_exist=True) as register:
            loaded = version if version is not None else register.get_entry(ref).version
            saved = register.split(ref, parts, version=loaded, actor=actor or _reviewer())
    except RegisterError as error:
        raise CommandError(error.message) from None
    # refs only: the parts' text came from a document, and a terminal runs escape codes
    kept, *new = saved
    added = ", ".join(entry.ref for entry in new)
    click.echo(
        f"{kept.ref} split: it keeps the first part; {added} "
        f"{'is a new candidate' if len(new) == 1 else 'are new candidates'}"
        " without a label, to be labelled and decided"
    )


@register_group.command("withdraw")
@click.argument("refs", nargs=-1, required=True)
@click.option(
    "--reason",
    required=True,
    metavar="TEXT",
    help="Why they are no longer required: the revision or letter that dropped them.",
)
@_db_option
@click.option("--by", "actor", default=None, help="Who withdraws (default: the login name).")
def withdraw_command(
    refs: tuple[str, ...], reason: str, db_url: str | None, actor: str | None
) -> None:
    """Withdraw the confirmed requirements REFS: no longer required, kept with their history.

    For the clauses a revision dropped (`register import --decide-as-before
    --revision` names those still in force) or a customer's letter cancelled.
    Each is saved on its own; one refused (not confirmed, already superseded)
    is named and the others are still withdrawn.
    """
    from extractor.register.service import open_register

    withdrawn, refused = [], []
    try:
        with open_register(db_url, must_exist=True) as register:
            for ref in refs:
                try:
                    loaded = register.get_entry(ref)
                    saved = register.withdraw(
                        ref, version=loaded.version, actor=actor or _reviewer(), reason=reason
                    )
                    withdrawn.append(saved.ref)
                except RegisterError as error:
                    refused.append(error.message)
    except RegisterError as error:
        raise CommandError(error.message) from None
    if withdrawn:
        click.echo(f"withdrawn, no longer in force: {', '.join(withdrawn)}")
    for message in refused:
        click.echo(f"reqx: not withdrawn: {message}", err=True)
    if refused:
        raise CommandError(
            f"{len(refused)} {'entry' if len(refused) == 1 else 'entries'} not withdrawn"
        )


@register_group.command("export")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(EXPORT_FORMATS),
    default="csv",
    show_default=True,
    help="File format; CSV and XLSX neutralise spreadsheet formulas.",
)
@click.option(
    "--status",
    type=click.Choice(["confirmed", "all"]),
    default="confirmed",
    show_default=True,
    help="confirmed entries only, or every entry including open and rejected candidates.",
)
@_out_option
@_db_option
def export_command(
    output_format: str, status: str, out_path: Path | None, db_url: str | None
) -> None:
    """Write the register's entries as CSV, XLSX, JSON or ReqIF."""
    _refuse_binary_on_a_terminal(output_format, out_path)
    import io

    from extractor.register.exporting import export_entries
    from extractor.register.service import open_register

    buffer = io.BytesIO()
    try:
        with open_register(db_url, must_exist=True, read_only=True) as register:
            rows = export_entries(register, output_format, buffer, status=status)  # type: ignore[arg-type]
            counts = register.counts().by_status if not rows else {}
    except RegisterError as error:
        raise CommandError(error.message) from None
    _write_out(buffer.getvalue(), out_path)
    if not rows:  # an aerospace walk: a header-only file, exit 0 and not a word
        held = ", ".join(
            f"{number} {state}s" if state == "candidate" and number != 1 else f"{number} {state}"
            for state, number in sorted(counts.items())
        )
        wanted = {"all": "entries", "confirmed": "confirmed entries in force"}.get(
            status, f"{status} entries"
        )
        click.echo(
            f"reqx: the export is empty: no {wanted} (the register holds {held or 'nothing'})",
            err=True,
        )


@register_group.command("compliance")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "xlsx"]),
    default="xlsx",
    show_default=True,
    help="File format; formulas neutralised.",
)
@_out_option
@_db_option
def compliance_command(output_format: str, out_path: Path | None, db_url: str | None) -> None:
    """Write the confirmed requirements in force as a compliance list, in clause order.

    One row each, ordered by document and clause (3.1.2 before 3.1.10), with empty
    compliance and response columns to answer a tender in; a requirement that
    superseded an earlier one sits at that one's clause.
    """
    _refuse_binary_on_a_terminal(output_format, out_path)
    import io

    from extractor.register.compliance import export_compliance
    from extractor.register.service import open_register

    buffer = io.BytesIO()
    try:
        with open_register(db_url, must_exist=True, read_only=True) as register:
            rows = export_compliance(register, output_format, buffer)
            waiting = register.counts().by_status.get("candidate", 0) if not rows else 0
    except RegisterError as error:
        raise CommandError(error.message) from None
    _write_out(buffer.getvalue(), out_path)
    if not rows:  # an empty sheet on its own looks like a failed export
        click.echo(
            f"reqx: the compliance list is empty: no requirement is confirmed in force"
            f" ({waiting} candidates wait for review)",
            err=True,
        )


@register_group.command("audit")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "xlsx", "json"]),
    default="csv",
    show_default=True,
    help="File format; CSV and XLSX neutralise spreadsheet formulas.",
)
@_out_option
@_db_option
def audit_command(output_format: str, out_path: Path | None, db_url: str | None) -> None:
    """Write the whole audit trail, oldest first: who decided what, when, before and after.

    Fails (exit status 1, after writing what the trail holds) when confirmed or
    rejected entries have no event in it that decided them: a trail that was
    emptied, or entries changed outside reqx, is not the record of the review.
    """
    _refuse_binary_on_a_terminal(output_format, out_path)
    from extractor.register.exporting import export_audit_bytes
    from extractor.register.service import open_register

    try:
        with open_register(db_url, must_exist=True, read_only=True) as register:
            data = export_audit_bytes(register, output_format)  # type: ignore[arg-type]
            decisions = register.decisions()
    except RegisterError as error:
        raise CommandError(error.message) from None
    _write_out(data, out_path)
    # An auditor takes this file as the retained evidence of review (ISO 9001 8.2.3.2):
    # written as found, but a job archiving it must not take a gap in it for the record.
    unrecorded = sorted(entry_id for entry_id, decision in decisions.items() if decision is None)
    if unrecorded:
        raise CommandError(_unrecorded_message(unrecorded, len(decisions)))


SHOWN_REFS = 5


def _unrecorded_message(unrecorded: Sequence[int], decided: int) -> str:
    from extractor.register.views import format_ref

    refs = ", ".join(format_ref(entry_id) for entry_id in unrecorded[:SHOWN_REFS])
    more = len(unrecorded) - SHOWN_REFS
    refs += f" and {more} more" if more > 0 else ""
    return (
        f"the audit trail records no decision for {len(unrecorded)} of the {decided} confirmed or "
        f"rejected entries ({refs}): the trail was emptied or the entries were changed outside "
        "reqx; what the trail holds was written, but it is not the whole record of the review"
    )


def _document_id(register: Any, document: str) -> int:
    """The register's id of DOCUMENT given as its number or its file name (unique).

    Failing the name as imported, the file at that path by its content, then the name
    without its folder or its mail ("po.eml#spec.docx" for "spec.docx"): a
    pharmaceutical walk's specification came first as a mail's attachment, so the file
    itself had no document of its own name to finish the review of.
    """
    import hashlib

    from extractor.errors import NotFound

    if document.strip().isdigit():
        return int(document)
    known = register.documents()
    named = [each for each in known if each.name == document]
    if not named and Path(document).is_file():
        digest = hashlib.sha256(Path(document).read_bytes()).hexdigest()
        named = [each for each in known if each.sha256 == digest]
    if not named:
        bare = Path(document).name
        named = [each for each in known if re.split(r"[/#\\]", each.name)[-1] == bare]
    if not named:
        raise NotFound(f"{document}: no document of that name in the register")
    if len(named) > 1:
        ids = ", ".join(str(known.id) for known in named)
        raise NotFound(
            f"{document}: {len(named)} documents have that name (ids {ids}); give the id instead"
        )
    return int(named[0].id)


@register_group.command("finish-review")
@click.argument("document")
@click.option(
    "--outcome",
    type=click.Choice(REVIEW_OUTCOMES),
    required=True,
    help="Whether the order can be accepted as its requirements stand.",
)
@click.option(
    "--comment",
    default="",
    help="Why, which deviations were agreed, or what the customer was told (needed unless "
    "the outcome is 'accepted').",
)
@click.option("--by", "actor", default=None, help="Who finished it (default: the login name).")
@_db_option
def finish_review_command(
    document: str, outcome: str, comment: str, actor: str | None, db_url: str | None
) -> None:
    """Record that the contract review of DOCUMENT (its id or file name) is finished.

    Refused while any of its entries is still a candidate. The record is an audit
    event: ISO 9001 8.2.3.2 (a), the results of the review, kept.
    """
    from extractor.register.service import open_register

    try:
        with open_register(db_url, must_exist=True) as register:
            record = register.finish_review(
                _document_id(register, document),
                outcome=outcome,
                comment=comment,
                actor=actor or _reviewer(),
            )
    except RegisterError as error:
        raise CommandError(error.message) from None
    click.echo(
        f"{record.document_name}: review finished by {record.finished_by}, {record.outcome}; "
        f"{_count(record.confirmed, 'requirement')} confirmed"
        + (f", {record.superseded} superseded" if record.superseded else "")
        + f", {record.rejected} rejected"
    )


@register_group.command("reviews")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "csv"]),
    default="text",
    show_default=True,
    help="A table to read, or CSV (formulas neutralised) to keep.",
)
@_out_option
@_db_option
def reviews_command(output_format: str, out_path: Path | None, db_url: str | None) -> None:
    """List every document: its entries by state and where its contract review stands."""
    from extractor.register.exporting import review_records, reviews_csv
    from extractor.register.service import open_register

    try:
        with open_register(db_url, must_exist=True, read_only=True) as register:
            reviews = register.document_reviews()
    except RegisterError as error:
        raise CommandError(error.message) from None
    if output_format == "csv":
        _write_out(reviews_csv(reviews), out_path)
        return
    lines = [
        f"{record['document_id']:>5}  {_printable(record['document'])}: {record['state']}"
        f" ({_tally(record)})"
        for record in review_records(reviews)
    ]
    _write_out(("\n".join(lines) + "\n" if lines else "").encode("utf-8"), out_path)


def _tally(record: dict[str, Any]) -> str:
    """A document's entries by state; superseded and withdrawn only when there are some
    (a walk: a revision's confirmed entries vanished from the count once superseded)."""
    parts = [f"{record['confirmed']} confirmed"]
    parts += [f"{record[state]} {state}" for state in ("superseded", "withdrawn") if record[state]]
    return ", ".join([*parts, f"{record['rejected']} rejected", f"{record['open']} to decide"])


def _printable(text: str) -> str:
    """A document name as one terminal line: control characters shown, not obeyed."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


SHOWN_PROBLEMS = 50  # problems listed by `verify`; the last line counts them all


def _expected_head(_context: click.Context, _parameter: click.Parameter, value: str | None) -> Any:
    from extractor.register.verifying import ExpectedHead

    try:
        return ExpectedHead.parse(value) if value else None
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@register_group.command("relink")
@_db_option
def relink_command(db_url: str | None) -> None:
    """Find the changes worded anew ("42 kW instead of 38 kW") again, by today's rules.

    They are found when a document is imported, so a register imported with an
    older reqx keeps the links of its day. Decisions and the audit trail are not
    touched. Interrupted, run it again.
    """
    from extractor.register.service import open_register

    try:
        with open_register(db_url, must_exist=True) as register:
            documents = len(register.documents())
            with _ProgressBar("linking", unit="document") as bar:
                links = register.relink_reworded(progress=bar.report)
    except RegisterError as error:
        raise CommandError(error.message) from None
    click.echo(
        f"{_count(links, 'statement pair')} worded anew with another value, "
        f"among {_count(documents, 'document')}"
    )


@register_group.command("verify")
@click.option(
    "--expect",
    metavar="[EVENTS:]HEAD",
    callback=_expected_head,
    help="A chain head written down before (as verify printed it): the first EVENTS events "
    "must still end in it. Catches a trail rewritten whole, chain and all.",
)
@_db_option
def verify_command(expect: Any, db_url: str | None) -> None:
    """Check that the register holds what reqx wrote: exit status 1 naming what does not.

    The audit chain (every event hashed with the one before it), each entry
    against its events, each candidate against its content hash, each document
    against its upload event. Prints the number of events and the chain head to
    write down: without a head kept outside the database, a register rewritten
    whole, chain and all, cannot be told apart.
    """
    from extractor.register.service import open_register

    try:
        with open_register(db_url, must_exist=True, read_only=True) as register:
            found = register.verify(expect)
    except RegisterError as error:
        raise CommandError(error.message) from None
    click.echo(f"audit chain: {found.events:,} events, head {found.head}")
    entries = "entry" if found.entries == 1 else "entries"
    click.echo(
        f"checked: {found.entries:,} {entries} against their events, "
        f"{_count(found.candidates, 'candidate')}, {_count(found.documents, 'document')}"
    )
    if found.expect_met:
        where = f" after its first {expect.events:,} events" if expect.events else ""
        click.echo(f"expected head: the chain still passes through {expect.head}{where}")
    for problem in found.problems[:SHOWN_PROBLEMS]:
        click.echo(str(problem))
    if found.problems:
        more = len(found.problems) - SHOWN_PROBLEMS
        listed = f" (the first {SHOWN_PROBLEMS} listed above)" if more > 0 else ""
        raise CommandError(
            f"{_count(len(found.problems), 'problem')}{listed}: the register was changed "
            "outside reqx; the head above is recomputed from what the trail holds now"
        )
