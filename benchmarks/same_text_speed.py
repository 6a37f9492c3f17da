"""How fast the register finds and applies earlier decisions on the same text.

The hard case is a customer archive where every order repeats the same terms:
``--orders`` purchase orders of ``--clauses`` identical clauses each (20,000
entries by default). The first ``--decided`` orders are reviewed (clauses
confirmed or rejected alternately), the rest wait as candidates. Measured, best
and median of 5 runs: the review queue's two calls on every rerun (the count for
the bulk button over the whole register, the earlier decisions of one page of
50 cards, and the same clauses decided with other numbers), then applying them all,
the new-or-reworded lookups of one page, and the bulk actions over every entry.

Run: ``.venv/bin/python benchmarks/same_text_speed.py [--db URL]`` (default: a new
SQLite file). Results: README.md, "Review app".
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.register import (  # noqa: E402
    CandidateInput,
    DocumentInput,
    EntryFilter,
    Register,
    open_register,
)

RUNS = 5
PAGE = 50


def build(register: Register, orders: int, clauses: int, decided: int) -> None:
    texts = [
        f"{n}. The Supplier shall meet requirement number {n} of these terms on every order."
        for n in range(1, clauses + 1)
    ]
    for number in range(orders):
        sha256 = hashlib.sha256(f"order {number}".encode()).hexdigest()
        document = DocumentInput(sha256, f"po-{number:04d}.pdf", "pdf", 3)
        candidates = [
            CandidateInput(position=i, text=text, label="specified", confidence=0.9, page=1)
            for i, text in enumerate(texts)
        ]
        register.add_document(document, candidates, actor="benchmark")
        if number < decided:
            for entry in register.list_entries(
                EntryFilter(document_ids=(number + 1,)), limit=clauses
            ).items:
                decide = register.confirm if entry.id % 2 else register.reject
                decide(entry.ref, version=entry.version, actor="benchmark")


def timed(call):  # type: ignore[no-untyped-def]
    seconds = []
    result = None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = call()
        seconds.append(time.perf_counter() - started)
    return min(seconds), statistics.median(seconds), result


def _ms(best: float, median: float) -> str:
    return f"best {best * 1000:.0f} ms, median {median * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=None)
    parser.add_argument("--orders", type=int, default=200)
    parser.add_argument("--clauses", type=int, default=100)
    parser.add_argument("--decided", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reqx-same-text-") as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'register.db'}"
        with open_register(url) as register:
            started = time.perf_counter()
            build(register, args.orders, args.clauses, args.decided)
            total = register.counts().total
            print(
                f"{total:,} entries: {args.orders} orders x {args.clauses} identical clauses, "
                f"{args.decided} orders decided ({time.perf_counter() - started:.0f} s to build)"
            )
            waiting = EntryFilter(statuses=("candidate",))
            page = register.list_entries(waiting, limit=PAGE).items
            best, median, count = timed(lambda: register.count_earlier_decided(waiting))
            print(f"  count for the bulk button: {count:,} candidates  {_ms(best, median)}")
            best, median, found = timed(lambda: register.earlier_decisions(page))
            print(
                f"  earlier decisions of {len(page)} cards: {len(found)} found  {_ms(best, median)}"
            )
            best, median, _ = timed(lambda: register.decided_with_other_numbers(page))
            print(f"  same clause with other numbers, {len(page)} cards: {_ms(best, median)}")
            best, median, _ = timed(lambda: register.earlier_with_other_numbers(page))
            print(f"  earlier document with other numbers, {len(page)} cards: {_ms(best, median)}")
            if hasattr(register, "reworded_earlier"):  # older code: the figures before
                best, median, _ = timed(lambda: register.reworded_earlier(page))
                print(f"  reworded with another value, {len(page)} cards: {_ms(best, median)}")
            differs = EntryFilter(statuses=("candidate",), differs_from_earlier=True)
            best, median, listed = timed(lambda: register.list_entries(differs, limit=PAGE))
            print(
                f"  queue of what differs from an earlier document: {listed.total:,}, "  # type: ignore[attr-defined]
                f"first page {_ms(best, median)}"
            )
            changed = EntryFilter(statuses=("candidate",), differs_from_decided=True)
            best, median, listed = timed(lambda: register.list_entries(changed, limit=PAGE))
            print(
                f"  queue of clauses with other numbers: {listed.total:,}, "  # type: ignore[attr-defined]
                f"first page {_ms(best, median)}"
            )
            started = time.perf_counter()
            applied = register.apply_earlier_decisions(waiting, actor="benchmark")
            seconds = time.perf_counter() - started
            print(f"  applying them: {applied:,} entries decided and audited in {seconds:.1f} s")
            documents = sorted({entry.document_id for entry in page if entry.document_id})
            best, median, _ = timed(lambda: register.clauses_met_before(documents))
            print(f"  documents met before, for the new-or-reworded cue: {_ms(best, median)}")
            best, median, _ = timed(lambda: register.met_before(page))
            print(f"  statements met before, {len(page)} cards: {_ms(best, median)}")
            # the bulk buttons share one batched, version-checked update with "decide as before"
            everything = EntryFilter(statuses=("confirmed", "rejected"))
            started = time.perf_counter()
            reopened = register.set_status_where(everything, "candidate", actor="benchmark")
            seconds = time.perf_counter() - started
            print(f"  bulk reopen: {reopened:,} entries, audited, in {seconds:.1f} s")
            started = time.perf_counter()
            confirmed = register.confirm_where(waiting, actor="benchmark")
            seconds = time.perf_counter() - started
            print(f"  bulk confirm: {confirmed:,} entries, audited, in {seconds:.1f} s")


if __name__ == "__main__":
    main()
