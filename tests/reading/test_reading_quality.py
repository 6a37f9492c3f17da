"""The reading benchmark's flags: each sign of a defect is caught, and clean text raises none."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from script_loader import load_script

from extractor.types import Statement

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "reading_quality.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script(SCRIPT, "reading_quality")


def _statements(*pages_and_texts: tuple[int, str]) -> list[Statement]:
    return [
        Statement(doc="a.pdf", sha256="x", index=n, text=text, page=page)
        for n, (page, text) in enumerate(pages_and_texts)
    ]


def test_each_sign_is_flagged(bench: ModuleType) -> None:
    statements = _statements(
        (1, "The Buyer may end it if control passes to a person that is not an Affiliate"),
        (2, "(as defined below) of the Supplier."),
        (2, "------ Name: Jo Park Title: CFO"),
        (3, "[Remainder of page intentionally left blank]"),
        (3, "1.2 Delivery terms 4"),
        (3, "then the goods are packed."),
    )
    flags = {(name, statement.index) for name, statement in bench.flags_of(statements)}
    assert flags == {
        ("cut at page break", 0),
        ("signature", 2),
        ("page notice", 3),
        ("contents line", 4),
        ("lower-case start", 5),
    }


def test_furniture_is_text_first_or_last_on_three_pages(bench: ModuleType) -> None:
    footer = "ACME Confidential"
    statements = _statements(
        (1, "The Supplier shall deliver."), (1, footer),
        (2, "The Supplier shall pack."), (2, footer),
        (3, "The Supplier shall label."), (3, footer),
    )  # fmt: skip
    repeated = [s.page for name, s in bench.flags_of(statements) if name == "repeated"]
    assert repeated == [1, 2, 3]


def test_clean_text_raises_no_flag(bench: ModuleType) -> None:
    statements = _statements(
        (1, "The Supplier shall deliver 40 crates by 3 March 2027."),
        (1, "Invoices will be paid within 30 days."),
        (2, "The Buyer may inspect the goods."),
    )
    assert bench.flags_of(statements) == []
