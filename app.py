"""Streamlit app: upload contracts and correspondence, see the statements found.

Only parses input and calls the library (``extractor.pipeline``); document text
is shown through ``st.dataframe`` and ``st.text``, never as HTML or Markdown.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import streamlit as st

from extractor.errors import DocumentError, ExtractorError
from extractor.pipeline import extract_file
from extractor.records import to_record

st.set_page_config(page_title="reqx: requirements finder", layout="wide")


@st.cache_resource
def classifier() -> Any:
    """The bundled model, shared across sessions (None until one is shipped)."""
    try:
        from extractor.classifying import load_default_classifier
    except ImportError:
        return None
    try:
        return load_default_classifier()
    except ExtractorError:
        return None


def extract_upload(name: str, data: bytes) -> list[dict[str, Any]]:
    """Write the upload to a private temp folder under its own name and extract it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(data)
        records: list[dict[str, Any]] = []
        for extraction in extract_file(str(path), classifier=classifier()):
            items = extraction.classified or extraction.statements
            for item in items:
                record = to_record(item)
                record["doc"] = record["doc"].replace(str(path), name)
                records.append(record)
        return records


st.title("Requirements finder")
uploads = st.file_uploader(
    "Contracts, purchase orders, statements of work, e-mails",
    type=["pdf", "docx", "eml", "txt", "md"],
    accept_multiple_files=True,
)
if uploads:
    progress = st.progress(0.0, text="Reading…")
    rows: list[dict[str, Any]] = []
    for number, upload in enumerate(uploads, 1):
        progress.progress((number - 1) / len(uploads), text=f"Reading {upload.name}")
        try:
            rows.extend(extract_upload(upload.name, upload.getvalue()))
        except DocumentError as error:
            st.error(f"{upload.name}: {error.reason}", icon="⚠️")
    progress.progress(1.0, text="Done")
    columns = ["doc", "page", "clause", "section", "text", "label", "confidence", "party"]
    st.dataframe([{key: row[key] for key in columns} for row in rows], use_container_width=True)
    st.caption(f"{len(rows)} statements")
