"""Validate one corpus batch file: schema, labels, ids and counts.

Run: python corpus/tools/check_batch.py corpus/statements/NAME.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import Counter

LABELS = {"specified", "implied", "statutory", "none"}
DOC_TYPES = {
    "master_supply_agreement",
    "contract",
    "purchase_order",
    "statement_of_work",
    "quality_agreement",
    "technical_specification",
    "rfq_tender",
    "email",
    "letter",
    "meeting_minutes",
    "regulation_clause",
}
FIELDS = {"id", "doc", "industry", "doc_type", "section", "clause", "text", "label"}
# Optional: how the reader gives the statement, when not a paragraph (extractor.types.BlockKind).
KINDS = {"paragraph", "table_row", "quoted"}


def check(path: str) -> int:
    """Print counts and return the number of problems found."""
    problems = 0
    labels: Counter[str] = Counter()
    doc_types: Counter[str] = Counter()
    docs: dict[str, str] = {}
    ids: set[str] = set()
    texts: Counter[str] = Counter()
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                print(f"line {number}: not JSON ({error})")
                problems += 1
                continue
            missing = FIELDS - row.keys()
            if missing:
                print(f"line {number}: missing {sorted(missing)}")
                problems += 1
                continue
            if row["label"] not in LABELS:
                print(f"line {number}: bad label {row['label']!r}")
                problems += 1
            if row.get("kind", "paragraph") not in KINDS:
                print(f"line {number}: bad kind {row['kind']!r}")
                problems += 1
            if row["doc_type"] not in DOC_TYPES:
                print(f"line {number}: bad doc_type {row['doc_type']!r}")
                problems += 1
            if row["id"] in ids:
                print(f"line {number}: duplicate id {row['id']}")
                problems += 1
            ids.add(row["id"])
            if docs.setdefault(row["doc"], row["doc_type"]) != row["doc_type"]:
                print(f"line {number}: doc {row['doc']} changes doc_type")
                problems += 1
            if not row["text"].strip():
                print(f"line {number}: empty text")
                problems += 1
            texts[row["text"].strip().lower()] += 1
            labels[row["label"]] += 1
            doc_types[row["doc_type"]] += 1
    repeated = [text for text, count in texts.items() if count > 1]
    print(f"statements {sum(labels.values())}  documents {len(docs)}")
    print("labels", dict(labels))
    print("doc_types", dict(doc_types))
    print(f"repeated texts {len(repeated)}")
    return problems


if __name__ == "__main__":
    sys.exit(1 if check(sys.argv[1]) else 0)
