"""One document's statement records as a part file, written atomically.

A part is written under a temporary name, flushed to disk and renamed into
place, so a part file either holds a document's records in full or does not
exist. JSONL parts use ``records.write_jsonl``; Parquet parts use one fixed
schema (``PARQUET_SCHEMA``) so parts always concatenate.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extractor.records import FIELDS, write_jsonl

__all__ = ["PARTS_DIR", "part_path", "read_part", "write_part"]

PARTS_DIR = "parts"
_SUFFIX = {"jsonl": ".jsonl.part", "parquet": ".parquet.part"}


def part_path(out_dir: Path, sha256: str, output_format: str) -> Path:
    """Where a document's part lives; not named *.jsonl, so only the final file is imported."""
    return out_dir / PARTS_DIR / sha256[:2] / f"{sha256}{_SUFFIX[output_format]}"


def write_part(path: Path, records: list[dict[str, Any]], output_format: str) -> None:
    """Write ``records`` to ``path`` all or nothing: temporary file, fsync, rename, fsync folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        if output_format == "parquet":
            import pyarrow.parquet as pq

            pq.write_table(_table(records), handle)
        else:
            text = _jsonl(records)
            handle.write(text.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _sync_folder(path.parent)


def read_part(path: Path, output_format: str) -> Iterator[dict[str, Any]]:
    """The records of one part file, in order."""
    if output_format == "parquet":
        import pyarrow.parquet as pq

        yield from pq.read_table(path, schema=parquet_schema()).to_pylist()
        return
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def parquet_schema() -> Any:
    """The statement record fields (``records.FIELDS``) as a fixed Arrow schema."""
    import pyarrow as pa

    box = pa.struct(
        [
            ("page", pa.int32()),
            ("x0", pa.float64()),
            ("top", pa.float64()),
            ("x1", pa.float64()),
            ("bottom", pa.float64()),
        ]
    )
    strings = pa.list_(pa.string())
    types = {
        "doc": pa.string(),
        "sha256": pa.string(),
        "index": pa.int32(),
        "page": pa.int32(),
        "boxes": pa.list_(box),
        "clause": pa.string(),
        "section": pa.string(),
        "kind": pa.string(),
        "text": pa.string(),
        "party": pa.string(),
        "cues": strings,
        "laws": strings,
        "standards": strings,
        "dates": strings,
        "quantities": strings,
        "changes": strings,
        "ocr": pa.bool_(),
        "label": pa.string(),
        "confidence": pa.float64(),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in FIELDS])


def _table(records: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    return pa.Table.from_pylist(records, schema=parquet_schema())


def _jsonl(records: list[dict[str, Any]]) -> str:
    import io

    buffer = io.StringIO()
    write_jsonl(records, buffer)
    return buffer.getvalue()


def _sync_folder(folder: Path) -> None:
    """Make a rename durable: fsync the folder that holds the new name."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
