"""Documents of one business and documents of another (``extractor.register.related``)."""

from __future__ import annotations

import hashlib

from extractor.register import CandidateInput, DocumentInput, EntryFilter, open_register
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
