"""The files a batch run leaves beside its ledger, rebuilt from the ledger at the end of a run.

``statements.jsonl`` (or ``statements.parquet``): every done document's part,
in document-name order, streamed part by part so memory stays flat.
``summary.csv``: one row per document (pages, statements per label, seconds,
status). ``errors.csv``: file and reason of each failed document.
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
from typing import TextIO

from extractor.batch.ledger import Ledger
from extractor.batch.parts import read_part
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
)


def write_outputs(out_dir: Path, ledger: Ledger, output_format: str) -> dict[str, Path]:
    """Write the statements file, summary CSV, error log and chart; return their paths."""
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
            for result in ledger.results("done"):
                if result.part:
                    write_jsonl(read_part(out_dir / result.part, "jsonl"), out)
    totals = _write_summary(paths["summary"], ledger)
    with _atomic(paths["errors"]) as out:
        writer = csv.writer(out)
        writer.writerow(("file", "reason"))
        for result in ledger.results("failed"):
            writer.writerow((neutralise_formula(result.name), neutralise_formula(result.reason)))
    with _atomic(paths["chart"]) as out:
        out.write(_chart(totals))
    return paths


def _write_summary(path: Path, ledger: Ledger) -> Counter[str]:
    totals: Counter[str] = Counter()
    with _atomic(path) as out:
        writer = csv.writer(out)
        writer.writerow(SUMMARY_FIELDS)
        for result in ledger.results():
            totals[f"status:{result.status}"] += 1
            totals["pages"] += result.pages
            totals["seconds_x1000"] += round(result.seconds * 1000)
            for label in LABELS:
                totals[f"label:{label}"] += result.labels.get(label, 0)
            writer.writerow(
                (
                    neutralise_formula(result.name),
                    result.sha256,
                    result.status,
                    result.pages,
                    result.statements,
                    *(result.labels.get(label, 0) for label in LABELS),
                    f"{result.seconds:.3f}",
                    neutralise_formula(result.reason),
                )
            )
    return totals


def _write_parquet(path: Path, out_dir: Path, ledger: Ledger) -> None:
    import pyarrow.parquet as pq

    from extractor.batch.parts import parquet_schema

    schema = parquet_schema()
    temporary = path.with_name(path.name + ".tmp")
    try:
        with pq.ParquetWriter(temporary, schema) as writer:
            for result in ledger.results("done"):
                if result.part:
                    writer.write_table(pq.read_table(out_dir / result.part, schema=schema))
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
            "Documents per status",
            [(status, totals[f"status:{status}"]) for status in ("done", "failed")],
        ),
    ]
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<title>reqx batch summary</title></head>\n<body style="font-family:sans-serif">\n'
        f"<h1>reqx batch summary</h1>\n<p>{pages} pages read; {html.escape(rate)}.</p>\n"
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
