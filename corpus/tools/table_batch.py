"""Build a table batch of the corpus from its document specs, through the product's DOCX reader.

Run: python corpus/tools/table_batch.py corpus/tables/tab1.py corpus/statements/tab1.jsonl
     python corpus/tools/table_batch.py corpus/tables/tab1.py corpus/statements/tab1.jsonl --check

The readers give every table row as one statement with its column names
folded in ("20: HIT-20417 (Qty: 6,000) (Delivery date: 2026-03-16)"), so the
corpus must hold rows in exactly that form. A spec (``corpus/tables/*.py``,
written by us as Python literals) lists documents as headings, paragraphs
and tables with a label per statement; this tool saves each as a DOCX, reads
it back with ``extract_file`` and pairs what the product reads with the
labels in order. ``--check`` rebuilds and compares with the batch file
instead of writing it, so a reader change that alters the rows shows.

A spec module defines ``DOCS``, a list of dicts with ``doc`` (the id),
``industry``, ``doc_type`` and ``blocks``, each block one of::

    ("h", "4. Order lines")                           heading (no statement)
    ("p", LABEL, "text")                              paragraph read as one statement
    ("p", [LABEL, LABEL], "One. Two.")                paragraph read as several
    ("t", [headers...], [(LABEL, [cells...]), ...])   table with a header row
    ("kv", [(LABEL, "Key", "Value"), ...])            two-column table, no header row

A LABEL of None says the block gives no statement.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LABELS = {"specified", "implied", "statutory", "none"}


@dataclass(frozen=True)
class Expected:
    """One statement the spec says the document gives."""

    label: str | None
    is_row: bool
    source: str


def load_docs(spec_path: Path) -> list[dict[str, Any]]:
    """The ``DOCS`` of a spec module (our own file, so importing it is safe)."""
    spec = importlib.util.spec_from_file_location(f"table_spec_{spec_path.stem}", spec_path)
    if spec is None or spec.loader is None:
        raise ValueError(f"{spec_path}: not a Python spec")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.DOCS)


def write_docx(doc: dict[str, Any], path: Path) -> list[Expected]:
    """Save one spec document as a DOCX; return the statements it should read as."""
    import docx

    document = docx.Document()
    expected: list[Expected] = []
    for block in doc["blocks"]:
        kind = block[0]
        if kind == "h":
            document.add_heading(block[1], level=1)
        elif kind == "p":
            labels = block[1] if isinstance(block[1], list) else [block[1]]
            document.add_paragraph(block[2])
            expected += [Expected(label, False, block[2]) for label in labels if label]
        elif kind == "t":
            headers, rows = block[1], block[2]
            table = document.add_table(rows=1, cols=len(headers))
            table.style = "Table Grid"
            for cell, header in zip(table.rows[0].cells, headers, strict=True):
                cell.text = header
            for label, cells in rows:
                if len(cells) != len(headers):
                    raise ValueError(f"{doc['doc']}: row {cells} has not {len(headers)} cells")
                for cell, value in zip(table.add_row().cells, cells, strict=True):
                    cell.text = value
                if label is not None:
                    expected.append(Expected(label, True, " | ".join(cells)))
        elif kind == "kv":
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for label, key, value in block[1]:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = key, value
                if label is not None:
                    expected.append(Expected(label, True, f"{key} | {value}"))
        else:
            raise ValueError(f"{doc['doc']}: unknown block {kind!r}")
    document.save(str(path))
    return expected


def rows_of(doc: dict[str, Any], workdir: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Corpus rows of one spec document as the product reads it, and the problems found."""
    from extractor.pipeline import extract_file

    path = workdir / f"{doc['doc']}.docx"
    expected = write_docx(doc, path)
    statements = extract_file(str(path))[0].statements
    if len(statements) != len(expected):
        lines = [f"{doc['doc']}: {len(statements)} statements read, {len(expected)} labels"]
        for index in range(max(len(statements), len(expected))):
            read = statements[index].text if index < len(statements) else "-"
            spec = expected[index].source if index < len(expected) else "-"
            lines.append(f"  {index:3} READ {read[:90]!r}\n      SPEC {spec[:90]!r}")
        return [], ["\n".join(lines)]
    rows, problems = [], []
    for number, (statement, wanted) in enumerate(zip(statements, expected, strict=True), 1):
        if wanted.label not in LABELS:
            problems.append(f"{doc['doc']}: bad label {wanted.label!r}")
            continue
        if wanted.is_row != (statement.kind == "table_row"):
            problems.append(f"{doc['doc']}: {wanted.source[:60]!r} read as {statement.kind}")
        row = {
            "id": f"{doc['doc']}-{number:03d}",
            "doc": doc["doc"],
            "industry": doc["industry"],
            "doc_type": doc["doc_type"],
            "section": statement.section,
            "clause": statement.clause,
            "text": statement.text,
            "label": wanted.label,
        }
        if statement.kind == "table_row":
            row["kind"] = "table_row"
        rows.append(row)
    return rows, problems


def build(spec_path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Every corpus row of a spec, in order, and every problem found."""
    docs = load_docs(spec_path)
    ids = [doc["doc"] for doc in docs]
    problems = [
        f"{name}: document id used twice" for name in sorted(set(ids)) if ids.count(name) > 1
    ]
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="table-batch-") as workdir:
        for doc in docs:
            doc_rows, doc_problems = rows_of(doc, Path(workdir))
            rows += doc_rows
            problems += doc_problems
    return rows, problems


def differences(rows: list[dict[str, Any]], batch_path: Path) -> list[str]:
    """Where a batch file no longer holds what its spec reads as today."""
    kept = [
        json.loads(line) for line in batch_path.read_text(encoding="utf-8").splitlines() if line
    ]
    found = []
    if len(kept) != len(rows):
        found.append(f"{batch_path}: {len(kept)} rows kept, {len(rows)} built")
    for old, new in zip(kept, rows, strict=False):
        if old != new:
            changed = sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))
            found.append(f"{old.get('id')}: {', '.join(changed)} differ")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", type=Path)
    parser.add_argument("batch", type=Path)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    rows, problems = build(args.spec)
    for problem in problems:
        print(problem)
    if args.check:
        found = differences(rows, args.batch)
        for line in found:
            print(line)
        print(f"{args.batch}: {'differs from' if found else 'matches'} {args.spec}")
        return 1 if problems or found else 0
    with args.batch.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} statements written to {args.batch}; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.exit(main())
