"""How much faster is ``reqx batch --workers 2`` than ``--workers 1`` on this machine?

Run: .venv/bin/python benchmarks/batch_scaling.py [--documents 400] [--clauses 30]

Writes synthetic contracts to a temporary folder under /tmp, runs the batch
(classification on, the default reader) once per worker count into a fresh
output folder, and prints documents/s and the speed-up. The wall time
includes starting the workers (spaCy and the model load once per worker);
the rate after start-up counts from the first result to the last. Other
jobs on the machine lower the speed-up; the script prints how much two
processes of pure Python gain at that moment, to read the result against.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import tempfile
import time
from pathlib import Path

from batch_documents import write_archive

from extractor.batch import BatchOptions, run_batch


def timed_run(source: Path, out: Path, workers: int) -> tuple[float, float, float]:
    """Wall seconds, documents/s once the workers had loaded, and how busy the workers were.

    Busy share: the seconds workers spent on documents (summary.csv) over
    workers x the span from first to last result. Near 1.0 means the runner
    never left a worker waiting, so only the cores the machine gives limit
    the speed-up.
    """
    start = time.perf_counter()
    report = run_batch(BatchOptions(str(source), str(out), workers=workers, progress=False))
    seconds = time.perf_counter() - start
    assert report.failed == 0 and report.processed == report.documents
    assert report.steady_rate is not None
    assert report.first_result is not None and report.last_result is not None
    with open(out / "summary.csv", encoding="utf-8", newline="") as rows:
        working = sum(float(row["seconds"]) for row in csv.DictReader(rows))
    span = report.last_result - report.first_result
    return seconds, report.steady_rate, working / (workers * span)


def _burn(_: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - start


def parallel_capacity() -> float:
    """How many cores' worth of pure-Python work two processes get right now (2.0 when idle)."""
    one = _burn(0)
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_burn, [0, 1])
        two = time.perf_counter() - start
    return 2 * one / two


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--clauses", type=int, default=30)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reqx-scaling-") as folder:
        source = write_archive(Path(folder) / "source", args.documents, clauses=args.clauses)
        seconds, steady = {}, {}
        for workers in args.workers:
            seconds[workers], steady[workers], busy = timed_run(
                source, Path(folder) / f"out-{workers}", workers
            )
            print(
                f"--workers {workers}: {seconds[workers]:.1f} s wall "
                f"({args.documents / seconds[workers]:.1f} documents/s), "
                f"{steady[workers]:.1f} documents/s after start-up, workers busy {busy:.0%}"
            )
        print(f"the machine's parallel capacity now: {parallel_capacity():.2f}x (2.00 when idle)")
        first = args.workers[0]
        for workers in args.workers[1:]:
            print(
                f"speed-up {workers} vs {first}: {seconds[first] / seconds[workers]:.2f}x wall, "
                f"{steady[workers] / steady[first]:.2f}x after start-up"
            )


if __name__ == "__main__":
    main()
