"""What the review app needs that is not Streamlit: uploads, kept files, page images, comparisons.

The app (``app.py``) only lays out widgets and calls these; each can be tested
without a browser. Besides ``extractor.reading``, ``pages`` here is the only
module that opens PDFs with pdfplumber (to draw a page with a statement marked).
"""

from __future__ import annotations

from extractor.review.comparisons import Comparison, compare_uploads
from extractor.review.decisions import (
    Decision,
    apply_decision,
    changed_fields,
    conflict_report,
    dropped_later_lines,
    links_refused,
    split_lines,
)
from extractor.review.pages import PageImage, close_up, highlight, render_page
from extractor.review.store import DocumentStore, default_store_folder
from extractor.review.uploads import UploadResult, import_upload, warm_up

__all__ = [
    "Comparison",
    "Decision",
    "DocumentStore",
    "PageImage",
    "UploadResult",
    "apply_decision",
    "changed_fields",
    "close_up",
    "compare_uploads",
    "conflict_report",
    "default_store_folder",
    "dropped_later_lines",
    "highlight",
    "import_upload",
    "links_refused",
    "render_page",
    "split_lines",
    "warm_up",
]
