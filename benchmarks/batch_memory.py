"""Does a long batch run keep its memory flat? Peak RSS of the whole process tree at 1k and 10k.

Run: .venv/bin/python benchmarks/batch_memory.py [--documents 10000] [--workers 2]

Writes synthetic contracts under /tmp (1,000 to a subfolder), then runs
``reqx batch`` as a subprocess twice, on the first 1,000 documents and on all
of them, each into a fresh output folder. Every 0.2 s it sums the resident
memory (VmRSS from /proc) of the batch process and all its descendants (the
worker processes), and reports the peak of each run and their ratio; the
issue's target is at most 1.2.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from batch_documents import write_archive


def children_of() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))  # fields[1] is the parent pid
    return tree


def tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and every descendant."""
    tree = children_of()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(tree.get(pid, []))
        try:
            with open(f"/proc/{pid}/status", encoding="utf-8") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def peak_rss(source: Path, out: Path, workers: int) -> tuple[int, float]:
    command = [
        sys.executable,
        "-m",
        "extractor",
        "batch",
        str(source),
        "--out",
        str(out),
        "--workers",
        str(workers),
        "--no-progress",
    ]
    start = time.perf_counter()
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while run.poll() is None:
        peak = max(peak, tree_rss(run.pid))
        time.sleep(0.2)
    _, errors = run.communicate()
    if run.returncode != 0:
        raise SystemExit(f"batch run failed ({run.returncode}): {errors[-2000:]}")
    return peak, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, default=None, help="write the archive here instead")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="reqx-memory-"))
    try:
        source = folder / "source"
        if not source.exists():
            write_archive(source, args.documents)
        results = {}
        for label, subset in (("1,000", source / "part_000"), (f"{args.documents:,}", source)):
            out = folder / f"out-{label.replace(',', '')}"
            shutil.rmtree(out, ignore_errors=True)
            peak, seconds = peak_rss(subset, out, args.workers)
            results[label] = peak
            print(
                f"{label:>7} documents: peak RSS {peak / 2**20:.0f} MiB "
                f"(process tree), {seconds:.0f} s",
                flush=True,
            )
        small, large = results.values()
        print(f"ratio: {large / small:.2f} (target <= 1.2)")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
