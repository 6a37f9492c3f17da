"""The files a batch run leaves beside its ledger, rebuilt from the ledger at the end of a run.

The outputs describe the source as the ledger last saw it (``Ledger.current``):
one row per file, a copy of another file naming it in ``duplicate_of``.
``statements.jsonl`` (or ``statements.parquet``): every done document's part,
in file-name order, under the name of the file first listed with that content,
streamed part by part so memory stays flat.
``summary.csv``: one row per file (pages, statements per label, seconds,
status; a copy's counts are its first file's, so they are 0 on the copy).
``errors.csv``: file and reason of each failed file, copies too.
``summary.html``: a self-contained chart (inline SVG, no script, no
dependency). Each file is written under a temporary name and renamed, so a
kill leaves the previous version or the new one, never half of one.
"""

from __future__ import annotations

import csv
import html
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from extractor.batch.ledger import Ledger
from extractor.batch.parts import read_part
from extractor.batch.work import DocumentResult
from extractor.records import neutralise_formula, write_jsonl

__all__ = ["LABELS", "OUTPUT_NAMES", "write_outputs"]

LABELS = ("specified", "implied", "statutory", "none")
OUTPUT_NAMES = {
    "jsonl": "statements.jsonl",
    "parquet": "statements.parquet",
    "summary": "summary.csv",
    "errors": "errors.csv",
    "chart": "summary.html",
}
SUMMARY_FIELDS = (
    "doc",
    "sha256",
    "status",
    "pages",
    "statements",
    *LABELS,
    "seconds",
    "reason",
    "duplicate_of",
)


def write_outputs(
    out_dir: Path, ledger: Ledger, output_format: str
) -> tuple[dict[str, Path], Counter[str]]:
    """Write the statements file, summary CSV, error log and chart; their paths and totals.

    ``totals["files:failed"]`` is the number of rows of ``errors.csv``.
    """
    paths = {
        "statements": out_dir / OUTPUT_NAMES[output_format],
        "summary": out_dir / OUTPUT_NAMES["summary"],
        "errors": out_dir / OUTPUT_NAMES["errors"],
        "chart": out_dir / OUTPUT_NAMES["chart"],
    }
    if output_format == "parquet":
        _write_parquet(paths["statements"], out_dir, ledger)
    else:
        with _atomic(paths["statements"]) as out:
            for first, result in _done(ledger):
                write_jsonl(
                    _renamed(read_part(out_dir / str(result.part), "jsonl"), result, first), out
                )
    totals = _write_summary(paths["summary"], ledger)
    with _atomic(paths["errors"]) as out:
        writer = csv.writer(out)
        writer.writerow(("file", "reason"))
        for file, _, result in ledger.current():
            if result.status == "failed":
                writer.writerow((neutralise_formula(file), neutralise_formula(result.reason)))
    with _atomic(paths["chart"]) as out:
        out.write(_chart(totals))
    return paths, totals


def _done(ledger: Ledger) -> Iterator[tuple[str, DocumentResult]]:
    """(the file named in the statements, its document) of each done content, by file name."""
    for file, first, result in ledger.current():
        if file == first and result.status == "done" and result.part:
            yield first, result


def _renamed(
    records: Iterator[dict[str, Any]], result: DocumentResult, first: str
) -> Iterator[dict[str, Any]]:
    """A part's records under the name of the file that now has its content (a file renamed).

    The part names the file it was read from; an attachment "old.eml#a.pdf" follows.
    """
    old = result.name
    for record in records:
        doc = record.get("doc")
        if first != old and isinstance(doc, str) and (doc == old or doc.startswith(old + "#")):
            record["doc"] = first + doc[len(old) :]
        yield record


def _write_summary(path: Path, ledger: Ledger) -> Counter[str]:
    totals: Counter[str] = Counter()
    with _atomic(path) as out:
        writer = csv.writer(out)
        writer.writerow(SUMMARY_FIELDS)
        for file, first, result in ledger.current():
            totals[f"files:{result.status}"] += 1
            copy = file != first
            if copy:
                totals["files:copies"] += 1
                writer.writerow(
                    (
                        neutralise_formula(file),
                        result.sha256,
                        result.status,
                        0,
                        0,
                        *(0 for _ in LABELS),
                        "0.000",
                        neutralise_formula(f"the same content as {first}, read once"),
                        neutralise_formula(first),
                    )
                )
                continue
            totals["pages"] += result.pages
            totals["seconds_x1000"] += round(result.seconds * 1000)
            for label in LABELS:
                totals[f"label:{label}"] += result.labels.get(label, 0)
            writer.writerow(
                (
                    neutralise_formula(file),
                    result.sha256,
                    result.status,
                    result.pages,
                    result.statements,
                    *(result.labels.get(label, 0) for label in LABELS),
                    f"{result.seconds:.3f}",
                    neutralise_formula(result.reason),
                    "",
                )
            )
    return totals


def _write_parquet(path: Path, out_dir: Path, ledger: Ledger) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from extractor.batch.parts import parquet_schema

    schema = parquet_schema()
    temporary = path.with_name(path.name + ".tmp")
    try:
        with pq.ParquetWriter(temporary, schema) as writer:
            for first, result in _done(ledger):
                assert result.part is not None
                table = pq.read_table(out_dir / result.part, schema=schema)
                if first != result.name:
                    records = _renamed(iter(table.to_pylist()), result, first)
                    table = pa.Table.from_pylist(list(records), schema=schema)
                writer.write_table(table)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def _atomic(path: Path) -> Iterator[TextIO]:
    temporary = path.with_name(path.name + ".tmp")
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)  # a full disk: leave the previous file, no half one
        raise


def _chart(totals: Counter[str]) -> str:
    """Two horizontal bar charts: statements per label, documents per status."""
    seconds = totals["seconds_x1000"] / 1000
    pages = totals["pages"]
    rate = f"{pages / seconds:.1f} pages/s per worker" if seconds else "no pages read"
    sections = [
        _bars("Statements per label", [(label, totals[f"label:{label}"]) for label in LABELS]),
        _bars(
            "Files per status (a copy of another file counts with it)",
            [(status, totals[f"files:{status}"]) for status in ("done", "failed")],
        ),
    ]
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<title>reqx batch summary</title></head>\n<body style="font-family:sans-serif">\n'
        f"<h1>reqx batch summary</h1>\n<p>{pages} pages read; {html.escape(rate)}.</p>\n"
        f"<p>{totals['files:copies']} files are copies of another file's content, read once"
        " (named in summary.csv, column duplicate_of).</p>\n"
        + "\n".join(sections)
        + "\n</body></html>\n"
    )


def _bars(title: str, rows: list[tuple[str, int]]) -> str:
    width, bar_height, label_width = 420, 22, 90
    biggest = max((count for _, count in rows), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_width + width + 80}" '
        f'height="{bar_height * len(rows) + 10}" role="img" aria-label="{html.escape(title)}">'
    ]
    for i, (name, count) in enumerate(rows):
        y = 5 + i * bar_height
        length = round(width * count / biggest)
        parts.append(
            f'<text x="0" y="{y + 15}">{html.escape(name)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar_height - 6}" '
            f'fill="#4a78a8"/><text x="{label_width + length + 6}" y="{y + 15}">{count}</text>'
        )
    parts.append("</svg>")
    return f"<h2>{html.escape(title)}</h2>\n" + "".join(parts)
