"""The requirements register: what reviewers decided about each statement, kept for the record.

ISO 9001 asks that the results of contract review be retained; this package is
that record. ``open_register(url)`` gives a ``Register`` (SQLite file by default,
PostgreSQL by URL, schema migrated on open) whose methods import candidates,
list and search entries, record decisions with an audit trail, and count;
``export_entries`` writes CSV, XLSX, JSON or ReqIF.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.errors import ConflictError, NotFound, RegisterError
    from extractor.register.importing import CandidateInput, DocumentInput
    from extractor.register.service import Register, open_register
    from extractor.register.settings import ENV_VAR, resolve_db_url
    from extractor.register.views import (
        REVIEW_OUTCOMES,
        SHOWN_STATES,
        STATUSES,
        AuditEvent,
        CandidateView,
        Counts,
        Decision,
        DocumentReview,
        DocumentView,
        EarlierDecision,
        EarlierDecisions,
        EarlierStatement,
        EntryFilter,
        EntryView,
        ImportReport,
        ResultPage,
        ReviewRecord,
        SortOrder,
        Status,
        format_ref,
        parse_ref,
    )

# Where each public name lives. Imported on first use, so that `reqx extract`
# does not pay for SQLAlchemy and Alembic just because `reqx register` exists.
_HOMES = {
    "ConflictError": "extractor.errors",
    "NotFound": "extractor.errors",
    "RegisterError": "extractor.errors",
    "CandidateInput": "extractor.register.importing",
    "DocumentInput": "extractor.register.importing",
    "Register": "extractor.register.service",
    "open_register": "extractor.register.service",
    "ENV_VAR": "extractor.register.settings",
    "resolve_db_url": "extractor.register.settings",
    **dict.fromkeys(
        (
            "REVIEW_OUTCOMES",
            "SHOWN_STATES",
            "STATUSES",
            "AuditEvent",
            "CandidateView",
            "Counts",
            "Decision",
            "DocumentReview",
            "DocumentView",
            "EarlierDecision",
            "EarlierDecisions",
            "EarlierStatement",
            "EntryFilter",
            "EntryView",
            "ImportReport",
            "ResultPage",
            "ReviewRecord",
            "SortOrder",
            "Status",
            "format_ref",
            "parse_ref",
        ),
        "extractor.register.views",
    ),
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'extractor.register' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)


__all__ = [
    "ENV_VAR",
    "REVIEW_OUTCOMES",
    "SHOWN_STATES",
    "STATUSES",
    "AuditEvent",
    "CandidateInput",
    "CandidateView",
    "ConflictError",
    "Counts",
    "Decision",
    "DocumentInput",
    "DocumentReview",
    "DocumentView",
    "EarlierDecision",
    "EarlierDecisions",
    "EarlierStatement",
    "EntryFilter",
    "EntryView",
    "ImportReport",
    "NotFound",
    "Register",
    "RegisterError",
    "ResultPage",
    "ReviewRecord",
    "SortOrder",
    "Status",
    "format_ref",
    "open_register",
    "parse_ref",
    "resolve_db_url",
]
