"""Write synthetic contract archives for the batch benchmarks (into /tmp, never the repo).

Each document is a short supply contract whose clauses carry its number, so
every file has distinct content (the batch ledger dedupes identical files).
"""

from __future__ import annotations

import random
from pathlib import Path

_CLAUSES = [
    "The Supplier shall deliver lot {n} within {d} days of the purchase order.",
    "The Purchaser shall pay invoice {n} within {d} days of receipt.",
    "Each shipment of lot {n} must carry a certificate of conformity.",
    "The Supplier shall keep inspection records for lot {n} for {d} years.",
    "Packaging for lot {n} shall protect the goods against moisture during transport.",
    "The Supplier shall comply with the Occupational Safety and Health Act when working on site.",
    "Goods of lot {n} shall be fit for use in an outdoor installation for {d} years.",
    "The Supplier is certified to ISO 9001 and will notify the Purchaser of any change.",
    "Either party may terminate this agreement with {d} days' written notice.",
    "This agreement is governed by the laws of the State of New York.",
]


def contract(number: int, clauses: int, rng: random.Random) -> str:
    lines = [f"SUPPLY AGREEMENT No. {number}", ""]
    for i in range(clauses):
        text = rng.choice(_CLAUSES).format(n=f"{number}-{i}", d=rng.randint(5, 90))
        lines += [f"{i + 1}. {text}", ""]
    return "\n".join(lines)


def write_archive(folder: Path, count: int, *, clauses: int = 6, seed: int = 7) -> Path:
    """``count`` text contracts in ``folder`` (1,000 to a subfolder); returns the folder."""
    rng = random.Random(seed)
    for number in range(count):
        sub = folder / f"part_{number // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"contract_{number:06d}.txt").write_text(
            contract(number, clauses, rng), encoding="utf-8"
        )
    return folder
