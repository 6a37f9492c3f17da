"""Apply a label review (one ``{id, old, new, why}`` line per row) to the batch files.

Run: python corpus/tools/apply_revision.py corpus/revisions/FILE.jsonl [--statements DIR]

Labels change only through a listed review (see the corpus README, *Revisions*),
so this refuses the whole file, touching nothing, when a row's id is unknown,
its ``old`` label is not the label it has now, its ``new`` label is not one of
the four, or it gives no reason. Batch files are rewritten line for line; only
the ``label`` field of the listed rows changes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

LABELS = {"specified", "implied", "statutory", "none"}
STATEMENTS = Path(__file__).resolve().parents[1] / "statements"


def load_revision(path: Path) -> dict[str, dict[str, str]]:
    """The review's rows by id; an id listed twice is an error."""
    rows: dict[str, dict[str, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row["id"] in rows:
            raise ValueError(f"{path}:{number}: {row['id']} is listed twice")
        rows[row["id"]] = row
    return rows


def problems_with(row: dict[str, str], current: str | None) -> list[str]:
    """Why this review row cannot be applied to a statement labelled ``current``."""
    found = []
    if current is None:
        found.append("no statement has this id")
    elif row.get("old") != current:
        found.append(f"old label {row.get('old')!r} but the statement is {current!r}")
    if row.get("new") not in LABELS:
        found.append(f"new label {row.get('new')!r} is not one of {sorted(LABELS)}")
    elif row.get("new") == row.get("old"):
        found.append("new label is the old one")
    if not str(row.get("why", "")).strip():
        found.append("no reason given")
    return found


def apply_revision(revision: Path, statements: Path = STATEMENTS) -> int:
    """Relabel the listed rows in place and say how many; on any error write nothing."""
    rows = load_revision(revision)
    batches: dict[Path, list[dict[str, str]]] = {}
    current: dict[str, str] = {}
    for batch in sorted(statements.glob("*.jsonl")):
        text = batch.read_text(encoding="utf-8")
        lines = [json.loads(line) for line in text.splitlines() if line]
        batches[batch] = lines
        current.update({line["id"]: line["label"] for line in lines})
    errors = [
        f"{row_id}: {problem}"
        for row_id, row in rows.items()
        for problem in problems_with(row, current.get(row_id))
    ]
    if errors:
        raise ValueError("nothing applied:\n" + "\n".join(errors))
    for batch, lines in batches.items():
        touched = [line for line in lines if line["id"] in rows]
        if not touched:
            continue
        for line in touched:
            line["label"] = rows[line["id"]]["new"]
        text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        batch.write_text(text, encoding="utf-8")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", type=Path)
    parser.add_argument("--statements", type=Path, default=STATEMENTS)
    args = parser.parse_args()
    try:
        changed = apply_revision(args.revision, args.statements)
    except ValueError as error:
        sys.exit(str(error))
    print(f"{changed} labels changed from {args.revision}")


if __name__ == "__main__":
    main()
