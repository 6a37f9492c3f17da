"""The ``reqx`` command line: parse arguments, call the library, turn errors into messages.

Exit status: 0 when every file was read, 1 when any file failed (each failure
is one line on stderr naming the file and the reason), 2 for a usage error.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from extractor.errors import DocumentError, ExtractorError
from extractor.records import to_record, write_csv, write_jsonl, write_table


def _fail_line(message: str) -> None:
    click.echo(f"reqx: error: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reqx")
def cli() -> None:
    """Find specified, implied and statutory requirements in contracts and e-mails."""


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
def extract(
    files: tuple[str, ...],
    output_format: str,
    password: str | None,
    max_pages: int | None,
    no_ocr: bool,
    classify: bool,
) -> None:
    """Read FILES (PDF, DOCX, EML, TXT, MD) and print their statements."""
    from extractor.pipeline import extract_file

    classifier = _load_classifier() if classify else None
    records: list[dict[str, Any]] = []
    failed = 0
    for path in files:
        try:
            extractions = extract_file(
                path, classifier=classifier, password=password, max_pages=max_pages, ocr=not no_ocr
            )
        except DocumentError as error:
            _fail_line(error.message)
            failed += 1
            continue
        for extraction in extractions:
            for warning in extraction.document.warnings:
                click.echo(f"reqx: warning: {warning}", err=True)
            items = extraction.classified or extraction.statements
            records.extend(to_record(item) for item in items)
        if output_format != "csv":
            _flush(records, output_format)
            records = []
    if output_format == "csv":
        write_csv(records, sys.stdout)
    sys.exit(1 if failed else 0)


def _flush(records: list[dict[str, Any]], output_format: str) -> None:
    if output_format == "jsonl":
        write_jsonl(records, sys.stdout)
    else:
        write_table(records, sys.stdout)
    sys.stdout.flush()


def _load_classifier() -> Any:
    """The bundled model, or None (with a warning) until one is shipped."""
    try:
        from extractor.classifying import load_default_classifier
    except ImportError:
        return None
    try:
        return load_default_classifier()
    except ExtractorError as error:
        click.echo(f"reqx: warning: no labels: {error.message}", err=True)
        return None


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="reqx")
