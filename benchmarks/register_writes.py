"""What the register's bulk writes cost, and how long ``Register.verify`` takes.

Every audit row is appended to a hash chain (``extractor/register/chain.py``), so
the bulk paths pay for hashing and for the chain's rows; this measures them on
the register of ``register_speed.py`` (20,000 entries: corpus statements over
200 documents), the same way on the code before and after the chain, so the
two can be compared (``verify`` is skipped where the code has none):

- importing the 20,000 entries, document by document;
- the bulk confirm of all 20,000 entries and the bulk reopen of them, ``--runs``
  times each (every round adds 40,000 audit events);
- then a few hundred single decisions, and ``verify`` over the whole register;
- last, importing one extraction of 5,000 statements, ``--runs`` times.

Run ``.venv/bin/python benchmarks/register_writes.py`` (a new SQLite file in a
temporary folder) or add ``--db postgresql+psycopg://...`` for an empty
PostgreSQL database. Results: README.md, section "Register".
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.register_speed import build, corpus_statements  # noqa: E402
from extractor.register import (  # noqa: E402
    CandidateInput,
    DocumentInput,
    EntryFilter,
    Register,
    open_register,
)

LARGE_EXTRACTION = 5_000
SINGLE_DECISIONS = 300


def seconds(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def large_extraction(register: Register, statements: list[tuple[str, str]], number: int) -> None:
    """One document of ``LARGE_EXTRACTION`` statements, imported in one transaction."""
    sha256 = hashlib.sha256(f"large document {number}".encode()).hexdigest()
    document = DocumentInput(sha256, f"large-{number}.pdf", "pdf", 400)
    candidates = [
        CandidateInput(position=i, text=text, label=label, confidence=0.8, page=1 + i // 12)
        for i, (text, label) in enumerate(statements[:LARGE_EXTRACTION])
    ]
    register.add_document(document, candidates, actor="benchmark")


def single_decisions(register: Register) -> None:
    """A relabel, an owner and a note on a few hundred entries: the trail of a register in use."""
    for entry in register.list_entries(limit=SINGLE_DECISIONS // 3).items:
        entry = register.relabel(entry.ref, "implied", version=entry.version, actor="ann")
        entry = register.set_owner(entry.ref, "Quality", version=entry.version, actor="ann")
        register.add_note(entry.ref, "Checked with purchasing.", version=entry.version, actor="bo")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=None, help="database URL (default: a new SQLite file)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    statements = corpus_statements()
    with tempfile.TemporaryDirectory(prefix="reqx-register-writes-") as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'register.db'}"
        with open_register(url) as register:
            if register.counts().total:
                raise SystemExit(f"{register.url} is not empty; give an empty database")
            took = build(register, statements)
            print(f"{register.dialect}: import of 20,000 entries (200 documents): {took:.2f} s")
            waiting = EntryFilter(statuses=("candidate",), document_ids=tuple(range(1, 201)))
            decided = EntryFilter(statuses=("confirmed",))
            for _ in range(args.runs):
                took, count = seconds(lambda: register.confirm_where(waiting, actor="benchmark"))
                print(f"  bulk confirm of {count:,} entries: {took:.2f} s")
                took, count = seconds(
                    lambda: register.set_status_where(decided, "candidate", actor="benchmark")
                )
                print(f"  bulk reopen of {count:,} entries: {took:.2f} s")
            took, _ = seconds(lambda: single_decisions(register))
            print(f"  {SINGLE_DECISIONS} single decisions: {took:.2f} s")
            if hasattr(register, "verify"):
                took, found = seconds(register.verify)
                print(
                    f"  verify: {register.counts().total:,} entries, {found.events:,} events,"
                    f" {len(found.problems)} problems: {took:.2f} s"
                )
                took = min(seconds(register.chain_head)[0] for _ in range(5))
                print(f"  chain head and event count (the app's line): {took * 1000:.0f} ms")

            for run in range(args.runs):
                took, _ = seconds(lambda run=run: large_extraction(register, statements, run))
                print(f"  import of {LARGE_EXTRACTION:,} statements, one extraction: {took:.2f} s")


if __name__ == "__main__":
    main()
