"""How fast the register answers searches and filters with 20,000 entries.

Run ``.venv/bin/python benchmarks/register_speed.py`` (a fresh SQLite file in a
temporary folder) or add ``--db postgresql+psycopg://...`` for an empty
PostgreSQL database. The entries are the corpus statements (``corpus/statements``)
repeated over 200 documents of 100 statements, each with its corpus label and
a confidence, and a fifth of them already confirmed or rejected; so the
searches meet real contract wording. Each query is timed as the app calls it
(``Register.list_entries`` / ``counts`` / ...): best and median of 5 runs.

Results on the development machine (2 cores), 20,000 entries:

    see README.md, section "Register"
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.register import (  # noqa: E402
    CandidateInput,
    DocumentInput,
    EntryFilter,
    Register,
    open_register,
)

DOCUMENTS = 200
PER_DOCUMENT = 100
RUNS = 5


def corpus_statements() -> list[tuple[str, str]]:
    """(text, label) of every corpus statement, in file order."""
    statements = []
    for path in sorted((ROOT / "corpus" / "statements").glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    record = json.loads(line)
                    statements.append((record["text"], record["label"]))
    if not statements:
        raise SystemExit("no corpus statements found under corpus/statements")
    return statements


def build(register: Register, statements: list[tuple[str, str]]) -> float:
    """Import 20,000 candidates; returns the seconds it took."""
    rng = random.Random(20_000)
    started = time.perf_counter()
    for number in range(DOCUMENTS):
        sha256 = hashlib.sha256(f"benchmark document {number}".encode()).hexdigest()
        document = DocumentInput(sha256, f"contract-{number:03d}.pdf", "pdf", 12)
        candidates = []
        for position in range(PER_DOCUMENT):
            text, label = statements[(number * PER_DOCUMENT + position) % len(statements)]
            candidates.append(
                CandidateInput(
                    position=position,
                    text=text,
                    label=label,
                    confidence=round(rng.uniform(0.3, 1.0), 4),
                    page=1 + position // 9,
                    boxes=(
                        {"page": 1 + position // 9, "x0": 72, "top": 90, "x1": 520, "bottom": 104},
                    ),
                    clause=f"{1 + position // 10}.{1 + position % 10}",
                    section="Obligations of the Supplier",
                )
            )
        register.add_document(document, candidates, actor="benchmark")
    return time.perf_counter() - started


def decide_some(register: Register) -> None:
    """A fifth of the register reviewed, as a register in use would be."""
    register.confirm_where(
        EntryFilter(labels=("statutory",), min_confidence=0.6), actor="benchmark"
    )
    register.reject_where(EntryFilter(labels=("none",), min_confidence=0.85), actor="benchmark")


def timed(call: Callable[[], Any]) -> tuple[float, float, Any]:
    seconds = []
    result = None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = call()
        seconds.append(time.perf_counter() - started)
    return min(seconds), statistics.median(seconds), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=None, help="database URL (default: a new SQLite file)")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory(prefix="reqx-register-speed-")
    url = args.db or f"sqlite:///{Path(folder.name) / 'register.db'}"
    statements = corpus_statements()
    with open_register(url) as register:
        if register.counts().total:
            raise SystemExit(f"{register.url} is not empty; give an empty database")
        build_seconds = build(register, statements)
        decide_some(register)
        total = register.counts().total
        print(f"{register.dialect}: {total:,} entries imported in {build_seconds:.1f} s")
        some_document = register.documents()[57].id
        queries: list[tuple[str, Callable[[], Any]]] = [
            ("first page, no filter (50 rows + total)", lambda: register.list_entries()),
            (
                "review queue: candidates, sorted by confidence",
                lambda: register.list_entries(
                    EntryFilter(statuses=("candidate",)), sort="confidence_desc"
                ),
            ),
            (
                "filter: statutory, confidence 0.9-1.0",
                lambda: register.list_entries(
                    EntryFilter(labels=("statutory",), min_confidence=0.9)
                ),
            ),
            (
                "filter: one document, candidates",
                lambda: register.list_entries(
                    EntryFilter(document_ids=(some_document,), statuses=("candidate",))
                ),
            ),
            (
                "search: text 'calibration'",
                lambda: register.list_entries(EntryFilter(text="calibration")),
            ),
            (
                "search + filter: 'shall' in specified candidates",
                lambda: register.list_entries(
                    EntryFilter(text="shall", statuses=("candidate",), labels=("specified",))
                ),
            ),
            ("search: no match", lambda: register.list_entries(EntryFilter(text="zqxjv"))),
            ("last page (offset 19,950)", lambda: register.list_entries(offset=19_950)),
            ("counts by label, document, status", lambda: register.counts()),
            (
                "one entry and its history",
                lambda: (register.get_entry(12_345), register.history(12_345)),
            ),
            # the exports' decided_by / decided_at: one query over the whole audit log
            ("who decided each decided entry", register.decisions),
        ]
        width = max(len(name) for name, _ in queries)
        print(f"{'query':<{width}}  {'best':>8}  {'median':>8}  matches")
        for name, call in queries:
            best, median, result = timed(call)
            matches = getattr(result, "total", "")
            print(f"{name:<{width}}  {best * 1000:>6.1f}ms  {median * 1000:>6.1f}ms  {matches}")
        entry = register.get_entry(4_321)
        started = time.perf_counter()
        register.relabel(entry.ref, "implied", version=entry.version, actor="benchmark")
        took = (time.perf_counter() - started) * 1000
        print(f"{'one decision (relabel, audited)':<{width}}  {took:>6.1f}ms")
    folder.cleanup()


if __name__ == "__main__":
    main()
