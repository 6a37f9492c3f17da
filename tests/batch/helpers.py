"""Small contracts for batch tests and benchmarks, written by our own code."""

from __future__ import annotations

from pathlib import Path

_OBLIGATIONS = [
    "The Supplier shall deliver lot {n} within {days} days of the purchase order.",
    "The Purchaser shall pay invoice {n} within {days} days of receipt.",
    "Each shipment {n} must carry a certificate of conformity.",
    "The Supplier will keep records of batch {n} for {days} years.",
]


def contract_text(number: int, sentences: int = 4) -> str:
    """A short contract whose statements name ``number``, so every document is distinct."""
    lines = [f"Supply terms {number}", ""]
    for i in range(sentences):
        template = _OBLIGATIONS[i % len(_OBLIGATIONS)]
        lines.append(f"{i + 1}. " + template.format(n=f"{number}-{i}", days=10 + i))
        lines.append("")
    return "\n".join(lines)


def write_contracts(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"contract_{number:05d}.txt"
        path.write_text(contract_text(number), encoding="utf-8")
        paths.append(path)
    return paths
