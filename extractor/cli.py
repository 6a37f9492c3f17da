"""The ``reqx`` command line: parse arguments, call the library, turn errors into messages.

Exit status: 0 when every file was read, 1 when any file failed (each failure
is one line on stderr naming the file and the reason), 2 for a usage error,
141 when the reader of standard output went away (``| head``).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from extractor.cli_errors import CommandError, fail_line, refuse_a_document, refuse_piped_document
from extractor.errors import DocumentError, EncryptedDocument, ExtractorError, unexpected_reason
from extractor.records import (
    CHANGE_FIELDS,
    change_record,
    mail_details,
    terminal_safe,
    to_record,
    write_change_table,
    write_csv,
    write_jsonl,
    write_table,
)
from extractor.register.commands import register_group

_model_option = click.option(
    "--model",
    "model_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="A model file written by `reqx train` (default: the shipped model).",
)
_reader_option = click.option(
    "--reader",
    type=click.Choice(["pdfplumber", "fast"]),
    default="pdfplumber",
    show_default=True,
    help="PDF reader; fast = pypdfium2, as the app reads.",
)
SHOWN_FAILURES = 20  # failed files named on the terminal; errors.csv has them all
CLOSED_PIPE_EXIT = 141
"""Exit status when the reader of our output left (``reqx extract ... | head``): 128 + SIGPIPE,
what a shell reports for ``seq``, ``cat`` and the other Unix tools in that case."""


class _Commands(click.Group):
    """Click's group, except that a reader who stops reading is no error.

    Click turns a broken pipe into a silent exit 1, which our exit statuses
    use for "a file failed"; a traceback at the final flush would be worse.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()
        except BrokenPipeError:
            # Python's own advice: point stdout at devnull so the flush at exit is quiet.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(CLOSED_PIPE_EXIT)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reqx")
def cli() -> None:
    """Find specified, implied and statutory requirements in contracts and e-mails."""


def _failure(error: DocumentError) -> str:
    """The one line for a file that failed, naming the option a password is given with.

    An aerospace walk was told "password protected; give a password" by ``reqx
    extract``, which did not say how (``reqx batch`` does).
    """
    if isinstance(error, EncryptedDocument):
        if error.reason.endswith("give a password"):
            return f"{error.message} with --password"
        if error.reason.startswith("wrong password"):
            return f"{error.message} (the one given with --password)"
    return error.message


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "csv", "table"]),
    default="jsonl",
    show_default=True,
    help="Output format, one record per statement.",
)
@click.option("--password", default=None, help="Password for encrypted PDFs.")
@click.option("--max-pages", type=click.IntRange(min=1), default=None, help="Refuse longer PDFs.")
@click.option("--no-ocr", is_flag=True, help="Do not OCR scanned pages (warn instead).")
@click.option(
    "--classify/--no-classify",
    default=True,
    show_default=True,
    help="Label each statement with the bundled model.",
)
@_reader_option
def extract(
    files: tuple[str, ...],
    output_format: str,
    password: str | None,
    max_pages: int | None,
    no_ocr: bool,
    classify: bool,
    reader: str,
) -> None:
    """Read FILES (PDF, DOCX, XLSX, CSV, .eml or .msg mail, TXT, MD): print their statements."""
    from extractor.pipeline import NO_STATEMENTS, extract_file

    classifier = _load_classifier() if classify else None
    records: list[dict[str, Any]] = []
    failed = 0
    for path in files:
        try:
            extractions = extract_file(
                path,
                classifier=classifier,
                password=password,
                max_pages=max_pages,
                ocr=not no_ocr,
                reader="fast" if reader == "fast" else "pdfplumber",
            )
        except DocumentError as error:
            fail_line(_failure(error))
            failed += 1
            continue
        except Exception as error:  # a bug on one file must not stop the others
            fail_line(f"{path}: {unexpected_reason(error)}")
            failed += 1
            continue
        found = 0
        for extraction in extractions:
            _warn(extraction.document)
            items = extraction.classified or extraction.statements
            mail = mail_details(extraction.document)
            records.extend(to_record(item, mail) for item in items)
            found += len(items)
        if not found:  # a pharmaceutical walk's body-less mail printed nothing, exit 0
            click.echo(f"reqx: note: {path}: no statements found. {NO_STATEMENTS}", err=True)
        if output_format != "csv":
            _flush(records, output_format)
            records = []
    if output_format == "csv":
        write_csv(records, sys.stdout)
    sys.exit(1 if failed else 0)


@cli.command()
@click.argument("previous", type=click.Path(dir_okay=False))
@click.argument("current", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="Output format, one record per change.",
)
@click.option("--all", "every", is_flag=True, help="Every statement, not only requirements.")
@click.option("--unchanged", is_flag=True, help="Also list the statements that did not change.")
@click.option("--password", default=None, help="Password for encrypted PDFs (both files).")
@click.option("--no-ocr", is_flag=True, help="Do not OCR scanned pages (warn instead).")
def compare(
    previous: str,
    current: str,
    output_format: str,
    every: bool,
    unchanged: bool,
    password: str | None,
    no_ocr: bool,
) -> None:
    """Show the requirements of CURRENT that differ from those of PREVIOUS.

    For contract review (ISO 9001 8.2.3.1 e): an order against its quotation,
    an amendment against the contract, revision B against revision A.
    """
    from collections import Counter

    from extractor.comparing import CHANGE_KINDS, amends_part_note
    from extractor.comparing import compare as compare_statements
    from extractor.pipeline import extract_file

    classifier = _require_classifier(None)
    sides = []
    for path in (previous, current):
        try:
            extractions = extract_file(
                path, classifier=classifier, password=password, ocr=not no_ocr
            )
        except DocumentError as error:
            fail_line(_failure(error))
            sys.exit(1)
        for extraction in extractions:
            _warn(extraction.document)
        sides.append([item for extraction in extractions for item in extraction.classified])
    changes = compare_statements(sides[0], sides[1], requirements_only=not every)
    counts = Counter(change.kind for change in changes)
    shown = [change for change in changes if unchanged or change.kind != "unchanged"]
    records = [change_record(change, (previous, current)) for change in shown]
    if output_format == "jsonl":
        write_jsonl(records, sys.stdout)
    elif output_format == "csv":
        write_csv(records, sys.stdout, CHANGE_FIELDS)
    else:
        write_change_table(records, sys.stdout)
    what = "statements" if every else "requirements"
    summary = ", ".join(f"{counts[kind]} {kind}" for kind in CHANGE_KINDS)
    click.echo(f"reqx: {previous} -> {current}: {summary} ({what})", err=True)
    if note := amends_part_note(counts, what, previous, current):
        click.echo(f"reqx: {note}", err=True)


@cli.command()
@click.option(
    "--input",
    "input_file",
    type=click.File("rb"),
    required=True,
    help=(
        'UTF-8 JSON lines of {"id", "text"} (optional "context_before", "context_after",'
        ' "doc_type": "email" for e-mail text; without "id", the line number); - for stdin.'
    ),
)
@_model_option
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=4096,
    show_default=True,
    help="Statements labelled together (memory against speed).",
)
def classify(input_file: Any, model_path: str | None, batch_size: int) -> None:
    """Label statements given as JSON lines; print one result line each, in input order.

    A line that is no statement record is named on standard error and skipped;
    the others are still labelled, and the exit status is then 1.
    """
    from extractor.classifying import classify_records
    from extractor.records import DOC_TYPES, statement_record

    name = getattr(input_file, "name", None)  # a file's path; standard input has none
    if isinstance(name, str) and name not in ("-", "<stdin>"):
        refuse_a_document(Path(name))
    else:
        refuse_piped_document(input_file)
    classifier = _require_classifier(model_path)
    batch: list[dict[str, Any]] = []
    skipped = 0
    unknown_types: set[str] = set()
    for number, raw in enumerate(input_file, 1):
        try:
            record = statement_record(raw, number)
        except ValueError as error:
            skipped += 1
            if skipped <= SHOWN_FAILURES:  # a file of junk must not bury the terminal
                click.echo(f"reqx: line {number}: skipped, {error}", err=True)
            continue
        if record is None:
            continue
        doc_type = record.get("doc_type")
        if doc_type and doc_type not in DOC_TYPES and doc_type not in unknown_types:
            unknown_types.add(doc_type)
            _warn_unknown_doc_type(doc_type, number)
        batch.append(record)
        if len(batch) >= batch_size:
            write_jsonl(classify_records(classifier, batch), sys.stdout)
            batch = []
    write_jsonl(classify_records(classifier, batch), sys.stdout)
    if skipped:
        lines = "line" if skipped == 1 else "lines"
        named = f" (the first {SHOWN_FAILURES} named above)" if skipped > SHOWN_FAILURES else ""
        raise CommandError(f"{skipped} {lines} skipped{named}, the rest labelled")


@cli.command()
@click.option(
    "--gold",
    "gold_path",
    type=click.Path(exists=True, dir_okay=False),
    required=True,
    help='JSON lines of {"id", "text", "label"} (optional context and "doc"); see LABELS.md.',
)
@_model_option
@click.option(
    "--against",
    "other_path",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="Another model file: how much better the model is, with 95% intervals.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold_path: str, model_path: str | None, other_path: str | None, as_json: bool) -> None:
    """Score the model and the keyword baseline against a labelled JSONL file."""
    from extractor.evaluation import (
        bulk_reject,
        format_bulk_reject,
        format_groups,
        format_intervals,
        format_reliability,
        format_scores,
    )
    from extractor.review.decisions import BULK_CONFIDENCE
    from extractor.training import (
        evaluate_pipeline,
        load_gold,
        paired_gain,
        scores_by_document_type,
    )

    refuse_a_document(
        Path(gold_path),
        "labelled statements",
        'a gold file is JSON lines of {"id", "text", "label"}, as LABELS.md defines the labels',
    )
    classifier = _require_classifier(model_path)
    try:
        gold = load_gold(Path(gold_path))
    except ExtractorError as error:
        raise CommandError(error.message) from None
    measured = evaluate_pipeline(classifier.pipeline, gold)
    rejecting = bulk_reject(
        [item.label for item in gold], measured.predicted, measured.confidences, BULK_CONFIDENCE
    )
    against = None
    if other_path is not None:
        other = _require_classifier(other_path)
        against = paired_gain(other.pipeline, gold, measured.predicted)
    if as_json:
        report = measured.as_dict() | {"bulk_reject": rejecting.as_dict()}
        if against is not None:
            other_scores, gain = against
            report["against"] = {
                "model": other_path,
                "scores": other_scores.as_dict(),
                "gain": gain.as_dict()["gain_over_keyword_baseline"],
            }
        click.echo(json.dumps(report, indent=2))
        return
    click.echo(format_scores(f"model on {gold_path}", measured.model))
    click.echo(format_intervals(measured.intervals))
    click.echo("how often the model's label was right, by its confidence:")
    click.echo(format_reliability(measured.confidence))
    click.echo("what the review's bulk reject would take:")
    click.echo(format_bulk_reject(rejecting))
    if any(item.doc_type for item in gold):
        click.echo("by document type (the gold file's doc_type):")
        click.echo(format_groups(scores_by_document_type(gold, measured.predicted)))
    click.echo()
    click.echo(
        format_scores("keyword baseline (shall/must/will/required; law cited)", measured.baseline)
    )
    if against is not None:
        other_scores, gain = against
        click.echo()
        click.echo(format_scores(f"other model {other_path}", other_scores))
        click.echo(format_intervals(gain, over=Path(str(other_path)).name))


@cli.command()
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False), default=None)
@click.option("--models", "models_dir", type=click.Path(file_okay=False), default=None)
@click.option(
    "--measure-on",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="A labelled JSONL file to score the new model on (written into the model card).",
)
@click.option(
    "--test-size",
    type=click.FloatRange(0.05, 0.5),
    default=0.2,
    show_default=True,
    help="Share of documents held out for the model card's scores.",
)
@click.option(
    "--register",
    "register_url",
    default=None,
    help="Also learn from reviewers' decisions in this register (database URL or SQLite file).",
)
def train(
    corpus_dir: str | None,
    models_dir: str | None,
    measure_on: str | None,
    test_size: float,
    register_url: str | None,
) -> None:
    """Rebuild the model from the corpus and write it with its model card."""
    from extractor import training

    try:
        card = training.train(
            corpus_dir=Path(corpus_dir) if corpus_dir else training.CORPUS_DIR,
            models_dir=Path(models_dir) if models_dir else training.MODELS_DIR,
            measure_on=Path(measure_on) if measure_on else None,
            test_size=test_size,
            register_url=register_url,
        )
    except ExtractorError as error:  # a register that cannot be opened, say
        raise CommandError(error.message) from None
    held = card["held_out"]
    assert isinstance(held, dict)
    click.echo(
        f"trained on {card['corpus']['statements']} statements; held-out macro-F1 "  # type: ignore[index]
        f"{held['model']['macro_f1']:.3f}; model card written beside the model"
    )


@cli.command()
@click.argument("source", type=click.Path(exists=True))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    required=True,
    help="Output folder; run again with the same folder to resume.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "parquet"]),
    default="jsonl",
    show_default=True,
    help="Statements file format.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes on this machine reading documents at once.",
)
@click.option("--scheduler", default=None, help="Run on a Dask cluster: tcp://HOST:PORT.")
@_reader_option
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1),
    default=300.0,
    show_default=True,
    help="Seconds one file may take before it is killed and logged.",
)
@click.option("--max-pages", type=click.IntRange(min=1), default=None, help="Refuse longer PDFs.")
@click.option("--no-ocr", is_flag=True, help="Do not OCR scanned pages (warn instead).")
@click.option("--classify/--no-classify", default=True, show_default=True)
@_model_option
@click.option(
    "--password",
    default=None,
    help="Password for the encrypted PDFs of the source (with --retry-failed for earlier ones).",
)
@click.option("--retry-failed", is_flag=True, help="Process files that failed in earlier runs.")
@click.option("--progress/--no-progress", default=True, show_default=True)
def batch(
    source: str,
    out_dir: str,
    output_format: str,
    workers: int,
    scheduler: str | None,
    reader: str,
    time_limit: float,
    max_pages: int | None,
    no_ocr: bool,
    classify: bool,
    model_path: str | None,
    password: str | None,
    retry_failed: bool,
    progress: bool,
) -> None:
    """Process a folder or ZIP of documents into OUT; resumable, one ledger row per file."""
    from extractor.batch import BatchOptions, run_batch

    options = BatchOptions(
        source=source,
        out_dir=out_dir,
        output_format=output_format,
        reader=reader,
        classify=classify,
        max_pages=max_pages,
        ocr=not no_ocr,
        model_path=model_path,
        workers=workers,
        scheduler=scheduler,
        time_limit=time_limit,
        retry_failed=retry_failed,
        progress=progress,
        password=password,
    )
    try:
        report = run_batch(options)
    except (ExtractorError, ValueError) as error:
        # a refusal before any file was read, or an output folder that cannot be written
        # (read-only, its disk full mid-run): nothing was recorded as failed for it
        raise _CannotStart(terminal_safe(str(error))) from None
    if report.skipped_folder:
        click.echo(
            f"reqx: note: {terminal_safe(report.skipped_folder)}, the output folder, is inside the"
            " source folder; it is not read as part of the source",
            err=True,
        )
    for name in report.parts_missing:
        click.echo(
            f"reqx: note: {terminal_safe(name)}: its part file under parts/ is gone; read again",
            err=True,
        )
    for name, reason in report.failures[:SHOWN_FAILURES]:
        click.echo(f"reqx: failed: {terminal_safe(name)}: {terminal_safe(reason)}", err=True)
    if len(report.failures) > SHOWN_FAILURES:
        click.echo(f"reqx: ... {len(report.failures) - SHOWN_FAILURES} more failed", err=True)
    for name, first in report.duplicates:
        click.echo(
            f"reqx: {terminal_safe(name)}: the same content as {terminal_safe(first)}, read once",
            err=True,
        )
    click.echo(
        f"{_batch_counts(report)}; {_counted(report.pages, 'page')} in {report.seconds:.1f} s",
        err=True,
    )
    click.echo(
        f"(errors.csv lists {report.failed} {'file' if report.failed == 1 else 'files'} whose"
        " content failed, in this run or earlier"
        " ones; copies are named in summary.csv, duplicate_of)",
        err=True,
    )
    if report.gone:
        click.echo(
            f"reqx: {_counted(report.gone, 'file')} of earlier runs {_verb(report.gone)} no"
            " longer in the source (deleted,"
            " renamed or changed); the outputs leave them out",
            err=True,
        )
    if report.not_retried:
        click.echo(
            f"reqx: {_counted(report.not_retried, 'file')} failed in earlier runs and"
            f" {_verb(report.not_retried, 'was', 'were')} not retried;"
            " add --retry-failed (with --password or a larger --time-limit if that was why)",
            err=True,
        )
    for name, path in report.outputs.items():
        click.echo(f"{name}: {terminal_safe(str(path))}", err=True)
    if report.interrupted:
        click.echo(
            f"reqx: interrupted; the outputs hold the {_counted(report.processed, 'document')}"
            " done in this run and those before. Run the same command again to go on.",
            err=True,
        )
        sys.exit(130)
    sys.exit(1 if report.failed else 0)


def _warn_unknown_doc_type(doc_type: str, line: int) -> None:
    from extractor.records import DOC_TYPES

    known = ", ".join(sorted(DOC_TYPES))
    click.echo(
        f"reqx: warning: line {line}: doc_type {json.dumps(doc_type)} is not one of {known};"
        " such lines are read as documents, not e-mail",
        err=True,
    )


class _CannotStart(CommandError):
    """A run refused before any file was read (bad source, folder in use): a usage error."""

    exit_code = 2


def _warn(document: Any) -> None:
    """The reader's warnings about one document (or attachment), each naming it."""
    for warning in document.warnings:
        click.echo(f"reqx: warning: {document.path}: {warning}", err=True)


def _batch_counts(report: Any) -> str:
    """The source's files, each counted once: "14 documents: 0 read; 12 done before, 2 failed
    before (not retried)". An energy walk read "0 processed, 14 already done or duplicates,
    2 failed" as 16 files of 14."""
    failed_now = len(report.failures)
    copies = len(report.duplicates)
    now = f"{report.processed - failed_now} read" + (f", {failed_now} failed" if failed_now else "")
    done_before = report.skipped - copies - report.not_retried
    earlier = [
        *([f"{done_before} done before"] if done_before else []),
        *([f"{report.not_retried} failed before (not retried)"] if report.not_retried else []),
        *(
            [f"{copies} {'copy' if copies == 1 else 'copies'} of another file (read once)"]
            if copies
            else []
        ),
    ]
    counted = _counted(report.documents, "document")
    return f"{counted}: {now}" + ("; " + ", ".join(earlier) if earlier else "")


def _counted(number: int, noun: str) -> str:
    """A count and its noun, "1 page", "9 pages" (a walk's terminal read "1 pages")."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _verb(number: int, one: str = "is", more: str = "are") -> str:
    return one if number == 1 else more


def _require_classifier(model_path: str | None) -> Any:
    from extractor.classifying import load_default_classifier, load_model

    try:
        return load_model(Path(model_path)) if model_path else load_default_classifier()
    except ExtractorError as error:
        raise CommandError(error.message) from None


def _flush(records: list[dict[str, Any]], output_format: str) -> None:
    if output_format == "jsonl":
        write_jsonl(records, sys.stdout)
    else:
        write_table(records, sys.stdout)
    sys.stdout.flush()


def _load_classifier() -> Any:
    """The bundled model, or None (with a warning) when it cannot be loaded."""
    from extractor.classifying import load_default_classifier

    try:
        return load_default_classifier()
    except ExtractorError as error:
        click.echo(f"reqx: warning: no labels: {error.message}", err=True)
        return None


cli.add_command(register_group)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="reqx")
