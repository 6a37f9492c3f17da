"""Batch runs over contract archives: resumable, isolated per document, local or on Dask.

``run_batch(BatchOptions(source, out_dir, ...))`` reads a folder or ZIP,
skips what the output folder's ledger already holds, processes the rest in
sandboxed worker processes (or on a Dask cluster) and writes the statements
(JSONL or Parquet), a summary CSV, an error log and a chart.

    sources   folder / ZIP listing, zip safety, content hashes
    work      one document: read, extract, classify, write its part file
    parts     atomic part files (JSONL or Parquet)
    sandbox   a worker child process with a per-document time limit
    ledger    SQLite rows keyed by content hash, committed after the part
    runner    the local loop and the progress bar; cluster: the Dask loop
    outputs   statements file, summary CSV, error log, HTML chart
"""

from __future__ import annotations

from extractor.batch.runner import BatchOptions, BatchReport, run_batch
from extractor.batch.sources import ArchiveLimits

__all__ = ["ArchiveLimits", "BatchOptions", "BatchReport", "run_batch"]
