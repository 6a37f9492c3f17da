"""Documents of one business and documents of another (``extractor.register.related``)."""

from __future__ import annotations

import hashlib

from alembic import command
from sqlalchemy import create_engine, text

from extractor.register import CandidateInput, DocumentInput, EntryFilter, open_register
from extractor.register.database import _alembic_config
from extractor.register.related import identifiers

PHARMA_ORDER = [
    "Purchase order 4500187321 for Nelvorin vials.",
    "Buyer shall pay correct invoices within sixty (60) days of receipt.",
    "Goods shall be shipped at +2 °C to +8 °C.",
]
ENERGY_TENDER = [
    "Invitation to tender NVP-2026-014 for the Kestrel Moor solar park.",
    "The Employer shall pay each undisputed invoice within 30 days of receipt.",
    "The Contractor shall fence the site.",
]


def _add(register, name: str, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    register.add_document(
        DocumentInput(hashlib.sha256(name.encode()).hexdigest(), name, "pdf", 1, None),
        [
            CandidateInput(position=i, text=t, label="specified", confidence=0.9)
            for i, t in enumerate(texts)
        ],
        actor="ann",
    )


def _linked(register) -> dict[str, str]:  # type: ignore[no-untyped-def]
    waiting = list(register.iter_entries(EntryFilter(statuses=("candidate",))))
    text_of = {entry.id: entry.text for entry in waiting}
    return {
        text_of[entry_id]: earlier.text
        for entry_id, earlier in register.reworded_earlier(waiting).items()
    }


def test_identifiers_are_order_tender_and_part_numbers_not_standards() -> None:
    found = identifiers(
        ["PO 4500187321, ITT NVP-2026-014, part HA-2210-101", "ISO 9001, EN 10204 3.1, 2016/631"]
    )
    assert found == {"4500187321", "NVP-2026-014", "HA-2210-101"}
    assert identifiers(["PO-4500187321.pdf"]) == {"PO-4500187321", "4500187321"}


def test_a_statement_of_another_business_changes_nothing(db_url: str) -> None:
    """A re-walk: an energy tender's payment clause was offered as replacing a
    pharmaceutical order's ("30 days" for "sixty (60) days"); a mail naming the order's
    number, or one naming no number at all, is still compared with it."""
    with open_register(db_url) as register:
        _add(register, "PO-4500187321.pdf", PHARMA_ORDER)
        _add(register, "ITT.pdf", ENERGY_TENDER)
        _add(
            register,
            "mail.eml",
            ["Re PO 4500187321: buyer shall pay correct invoices within 45 days of receipt."],
        )
        linked = _linked(register)
    assert linked == {
        "Re PO 4500187321: buyer shall pay correct invoices within 45 days of receipt.": (
            "Buyer shall pay correct invoices within sixty (60) days of receipt."
        )
    }


PHARMA_MINUTES = [
    "Minutes of the quality meeting on PO 4500187321.",
    "Revision A | 12.01.2027 | First issue",
    "Next meeting: 12 May 2027",
]
ENERGY_MINUTES = [
    "Minutes of the site meeting on NVP-2026-014.",
    "Revision A | 03.02.2027 | First issue",
    "Next meeting: 3 June 2027",
]


def test_another_business_saying_it_with_other_numbers_is_no_change(db_url: str) -> None:
    """Walks with several customers in one register: minutes' "Next meeting: <date>" and
    revision tables' "A | <date> | First issue" were marked as differing from another
    customer's. A mail on the same order with another date still differs."""
    with open_register(db_url) as register:
        _add(register, "minutes-4500187321.pdf", PHARMA_MINUTES)
        for entry in register.list_entries(EntryFilter()).items:
            register.confirm(entry.ref, version=entry.version, actor="ann")
        _add(register, "minutes-NVP.pdf", ENERGY_MINUTES)
        _add(register, "mail.eml", ["Re PO 4500187321:", "Next meeting: 19 May 2027"])
        waiting = register.list_entries(EntryFilter(statuses=("candidate",))).items
        text_of = {entry.id: entry.text for entry in waiting}
        changed = register.earlier_with_other_numbers(waiting)
        decided = register.decided_with_other_numbers(waiting)
        differing = register.list_entries(EntryFilter(differs_from_earlier=True)).items
        from_decided = register.list_entries(EntryFilter(differs_from_decided=True)).items
        met = register.met_before(waiting)
    assert [text_of[e] for e in changed] == ["Next meeting: 19 May 2027"]
    assert [text_of[e] for e in decided] == ["Next meeting: 19 May 2027"]
    assert [e.text for e in differing] == ["Next meeting: 19 May 2027"]
    assert [e.text for e in from_decided] == ["Next meeting: 19 May 2027"]
    assert [text_of[e] for e in met] == ["Next meeting: 19 May 2027"]


def test_documents_of_other_businesses_are_paired_when_a_register_is_migrated(
    db_url: str,
) -> None:
    """Migration 0011 pairs the documents of a register imported before pairs were kept."""
    with open_register(db_url) as register:
        _add(register, "minutes-4500187321.pdf", PHARMA_MINUTES)
        _add(register, "minutes-NVP.pdf", ENERGY_MINUTES)
    engine = create_engine(db_url)
    config = _alembic_config()
    try:
        with engine.begin() as connection:
            paired = sorted(connection.execute(text("SELECT * FROM unrelated_documents")).all())
            config.attributes["connection"] = connection
            command.downgrade(config, "0010")
        with open_register(db_url) as register:
            assert [
                e.text for e in register.list_entries(EntryFilter(differs_from_earlier=True)).items
            ] == []
        with engine.connect() as connection:
            again = sorted(connection.execute(text("SELECT * FROM unrelated_documents")).all())
    finally:
        engine.dispose()
    assert [tuple(pair) for pair in paired] == [tuple(pair) for pair in again] == [(1, 2), (2, 1)]
