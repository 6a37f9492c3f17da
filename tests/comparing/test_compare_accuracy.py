"""The revision benchmark's edits do what they say, and its judge can tell right from wrong."""

from __future__ import annotations

import random
import re
from pathlib import Path
from types import ModuleType

import pytest
from script_loader import load_script

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "compare_accuracy.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script(SCRIPT, "compare_accuracy")


SENTENCE = (
    "The Supplier shall deliver 40 crates by 3 March 2027, and the Buyer shall pay on receipt."
)


@pytest.mark.parametrize(
    ("kind", "changed_to"),
    [
        ("number", r"deliver (?!40 )\d+ crates by 3 March|by (?!3 )\d+ March"),
        ("date", r"by 3 (?!March)[A-Z][a-z]+ 2027"),
        ("modal", r"^The Supplier may deliver"),
        ("negation", r"^The Supplier shall not deliver"),
        ("wording", r"^The Buyer shall deliver"),
        ("split", r"2027\. The Buyer shall pay on receipt\.$"),
    ],
)
def test_each_text_edit_changes_what_it_names(
    bench: ModuleType, kind: str, changed_to: str
) -> None:
    edited = bench.edit_text(kind, SENTENCE, random.Random(3))
    assert edited is not None and edited != SENTENCE
    assert re.search(changed_to, edited), edited


def test_an_edit_the_text_cannot_take_is_refused(bench: ModuleType) -> None:
    plain = "Thanks for the quick reply."
    assert bench.edit_text("number", plain, random.Random(1)) is None
    assert bench.edit_text("modal", plain, random.Random(1)) is None


def test_renumbering_and_reflow_keep_every_word(bench: ModuleType) -> None:
    clauses = [
        bench.Clause(i, 1 + i // 2, f"The Supplier shall do task number {i} well.")
        for i in range(4)
    ]
    rng = random.Random(5)
    plain = bench.render(clauses, rng)
    moved = bench.render(clauses, rng, renumber=True, reflow=True)
    assert plain.split("\n")[2] == "1.1 The Supplier shall do task number 0 well."
    assert "2.1 The Supplier shall" in moved.replace("  ", " ").replace("\n", " ")
    assert sorted(plain.split()[2:]) != sorted(moved.split()[2:])  # the numbers moved
    words = [w for w in plain.split() if not w[0].isdigit()]
    assert [w for w in moved.split() if not w[0].isdigit()] == words


def test_the_judge_counts_a_missed_edit_and_a_false_change(bench: ModuleType) -> None:
    from extractor.comparing import Change
    from extractor.types import ClassifiedStatement, Statement

    def item(index: int, text: str) -> ClassifiedStatement:
        return ClassifiedStatement(Statement("d", "0" * 64, index, text), "specified", 0.9)

    before = [item(0, "Deliver in 30 days."), item(1, "Pay in EUR.")]
    after = [item(0, "Deliver in 45 days."), item(1, "Pay in USD.")]
    clauses = [bench.Clause(0, 1, "Deliver in 30 days."), bench.Clause(1, 1, "Pay in EUR.")]
    revision = bench.Revision("d", clauses, clauses, "none", edits={0: "number"})
    uid_before = {id(before[0]): 0, id(before[1]): 1}
    uid_after = {id(after[0]): 0, id(after[1]): 1}
    tally = bench.Tally()
    # Only the unedited clause is reported: the edit is missed, the report is false.
    wrong = [Change("changed", before[1], after[1], 0.6, reasons=("wording",))]
    bench.score(revision, wrong, uid_before, uid_after, tally)
    assert (tally.seeded["number"], tally.detected["number"]) == (1, 0)
    assert (tally.clean["none"], tally.false["none"]) == (1, 1)
    right = [Change("changed", before[0], after[0], 0.9, reasons=("number",))]
    bench.score(revision, right, uid_before, uid_after, tally)
    assert tally.detected["number"] == tally.reason_right["number"] == 1
    assert tally.right["changed"] == 1


def test_a_few_documents_end_to_end(bench: ModuleType) -> None:
    tally = bench.measure(6, seed=11)
    assert tally.documents == 6 and tally.statements > 100
    assert sum(tally.seeded.values()) >= 10
    assert sum(tally.detected.values()) / sum(tally.seeded.values()) >= 0.9
    assert sum(tally.false.values()) <= 0.05 * sum(tally.clean.values())
