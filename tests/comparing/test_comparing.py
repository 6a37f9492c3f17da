"""``extractor.comparing``: hand-made statements for each rule, then two real revisions.

The statements are built directly (no model) so each test names the labels it
needs; the last tests run the real pipeline on the order revisions in
``tests/documents/revisions/`` and check every change against the file beside them.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from extractor.annotating import annotations_of
from extractor.comparing import (
    SIMILARITY_FLOOR,
    Change,
    compare,
    format_words,
    is_period,
    normalise,
    without_clause_number,
    word_diff,
)
from extractor.pipeline import extract_file
from extractor.types import Annotations, ClassifiedStatement, Label, Statement

REVISIONS = Path(__file__).resolve().parents[1] / "documents" / "revisions"


def doc(*texts: str, label: Label = "specified", name: str = "doc") -> list[ClassifiedStatement]:
    """One document's statements, all with ``label`` (a text "none: ..." is labelled none)."""
    items = []
    for index, text in enumerate(texts):
        own: Label = label
        if text.startswith("none: "):
            own, text = "none", text.removeprefix("none: ")
        items.append(ClassifiedStatement(Statement(name, "0" * 64, index, text), own, 0.9))
    return items


def kinds(changes: list[Change]) -> list[str]:
    return [change.kind for change in changes]


def test_identical_documents_have_nothing_but_unchanged_statements() -> None:
    texts = ("The Supplier shall deliver on time.", "Invoices are due in 30 days.")
    changes = compare(doc(*texts), doc(*texts))
    assert kinds(changes) == ["unchanged", "unchanged"]
    assert all(change.similarity == 1.0 and not change.reasons for change in changes)


def test_renumbering_reflowing_and_case_change_nothing() -> None:
    before = doc(
        "3.2 The Supplier shall deliver the parts within 30 days.", "(b) Records: 10 years."
    )
    after = doc(
        "4.2  The supplier SHALL deliver\nthe parts  within 30 days .", "(c) records: 10 years."
    )
    changes = compare(before, after)
    assert kinds(changes) == ["unchanged", "unchanged"]
    assert changes[0].words == (("equal", "The supplier SHALL deliver the parts within 30 days."),)


def test_a_leading_number_that_is_not_a_clause_number_is_content() -> None:
    assert without_clause_number("30 days after delivery the Buyer shall pay.") == (
        "30 days after delivery the Buyer shall pay."
    )
    assert without_clause_number("1.5 mm is the least wall thickness.") == (
        "1.5 mm is the least wall thickness."
    )
    assert without_clause_number("12.4 The Buyer shall pay.") == "The Buyer shall pay."
    assert (
        without_clause_number("1.2 thanks for the new lead time.")
        == "thanks for the new lead time."
    )
    assert (
        without_clause_number("2.1 m is the depth of the lift.")
        == "2.1 m is the depth of the lift."
    )
    assert (
        without_clause_number("2.5 times the price is due.", quantities=("2.5 times",))
        == "2.5 times the price is due."
    )
    assert without_clause_number("Section 7 The Buyer shall pay.") == "The Buyer shall pay."
    assert without_clause_number("Section 7 of the Agreement survives.") == (
        "Section 7 of the Agreement survives."
    )
    changes = compare(
        doc("30 days after delivery the Buyer shall pay."),
        doc("45 days after delivery the Buyer shall pay."),
    )
    assert kinds(changes) == ["changed"]
    assert "number" in changes[0].reasons


@pytest.mark.parametrize(
    ("before", "after", "reason"),
    [
        ("Deliver within 30 days.", "Deliver within 45 days.", "number"),
        ("Pay 1,000 EUR per lot.", "Pay 1.000 EUR per lot.", "number"),
        ("Deliver within thirty days.", "Deliver within sixty days.", "number"),
        ("Deliveries start in March.", "Deliveries start in April.", "date"),
        ("The Supplier shall deliver the goods.", "The Supplier may deliver the goods.", "modal"),
        ("The Supplier must test every part.", "The Supplier should test every part.", "modal"),
        (
            "The Supplier shall deliver the goods.",
            "The Supplier shall not deliver the goods.",
            "negation",
        ),
        ("The Supplier shall not subcontract.", "The Supplier shall subcontract.", "negation"),
        ("Paint the housing blue.", "Paint the housing grey.", "wording"),
    ],
)
def test_every_meaningful_edit_is_a_change_however_similar(
    before: str, after: str, reason: str
) -> None:
    changes = compare(doc(before), doc(after))
    assert kinds(changes) == ["changed"]
    assert reason in changes[0].reasons
    assert changes[0].similarity >= SIMILARITY_FLOOR


@pytest.mark.parametrize(
    ("before", "after", "reason", "not_reason"),
    [
        ("Respond within 48 hours.", "Respond within 72 hours.", "period", "date"),
        ("Keep records for ten years.", "Keep records for twelve years.", "period", "date"),
        ("The warranty lasts one month.", "The warranty lasts one year.", "period", "wording"),
        ("Deliver by 1 March 2027.", "Deliver by 8 March 2027.", "date", "period"),
    ],
)
def test_a_changed_time_limit_is_a_period_not_a_date(
    before: str, after: str, reason: str, not_reason: str
) -> None:
    def annotated(text: str) -> list[ClassifiedStatement]:
        statement = Statement("doc", "0" * 64, 0, text, annotations=annotations_of([text])[0])
        return [ClassifiedStatement(statement, "specified", 0.9)]

    changes = compare(annotated(before), annotated(after))
    assert kinds(changes) == ["changed"]
    assert reason in changes[0].reasons and not_reason not in changes[0].reasons


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("within 48 hours", True),
        ("ten years", True),
        ("30 days after delivery", True),
        ("2 business days", True),
        ("1 March 2027", False),
        ("the first week of March", False),
        ("Friday", False),
        ("12/03/2026", False),
        ("Q3 2027", False),
    ],
)
def test_is_period_tells_a_length_of_time_from_a_day(text: str, period: bool) -> None:
    assert is_period(text) is period


def test_the_thousands_separator_alone_is_no_change_of_number() -> None:
    changes = compare(doc("Ship 40,000 parts a year."), doc("Ship 40000 parts a year."))
    assert kinds(changes) == ["changed"]  # the text differs, so it is shown...
    assert changes[0].reasons == ("wording",)  # ...but not as a different number


def test_cited_standards_laws_and_quantities_come_from_the_annotations() -> None:
    def cited(text: str, **notes: tuple[str, ...]) -> list[ClassifiedStatement]:
        statement = Statement("d", "0" * 64, 0, text, annotations=Annotations(**notes))  # type: ignore[arg-type]
        return [ClassifiedStatement(statement, "statutory", 0.9)]

    changes = compare(
        cited("Parts shall meet ISO 2768-m and REACH.", standards=("ISO 2768-m",), laws=("REACH",)),
        cited("Parts shall meet ISO 2768-f and REACH.", standards=("ISO 2768-f",), laws=("REACH",)),
    )
    assert changes[0].kind == "changed"
    assert "standard" in changes[0].reasons and "law" not in changes[0].reasons


def test_word_diff_and_its_text_form() -> None:
    words = word_diff(
        "Deliver within 30 days of the order.", "deliver within 45 days of each order."
    )
    assert words == (
        ("equal", "deliver within"),
        ("delete", "30"),
        ("insert", "45"),
        ("equal", "days of"),
        ("delete", "the"),
        ("insert", "each"),
        ("equal", "order."),
    )
    assert format_words(words) == "deliver within [-30-]{+45+} days of [-the-]{+each+} order."


def test_an_unchanged_full_stop_stays_out_of_the_changed_word() -> None:
    words = word_diff("Delivery in week 41.", "Delivery in week 43.")
    assert format_words(words) == "Delivery in week [-41-]{+43+}."
    assert words[-1] == ("equal", ".")
    changed_mark = word_diff("Pay in 30 days.", "Pay in 30 days;")
    assert format_words(changed_mark) == "Pay in 30 days[-.-]{+;+}"


def test_a_word_that_gained_a_comma_is_not_shown_removed_and_added() -> None:
    """An aerospace walk: a line's quality codes "Q12 Q15." becoming "Q12 Q15, Q18." showed
    as "[-Q15.-]{+Q15, Q18.+}", as if code Q15 had been dropped and added back."""
    words = word_diff("Quality codes: Q07, Q12, Q15.", "Quality codes: Q07, Q12, Q15, Q18.")
    assert words == (
        ("equal", "Quality codes: Q07, Q12, Q15"),
        ("insert", ", Q18"),
        ("equal", "."),
    )
    assert format_words(words) == "Quality codes: Q07, Q12, Q15{+, Q18+}."


def test_a_tolerance_sign_typed_either_way_is_no_change() -> None:
    """A medical-device walk: "± 0.10" against "+/- 0.05" showed the sign as changed too."""
    words = word_diff("2.00 mm ± 0.10 mm.", "2.00 mm +/- 0.05 mm.")
    assert format_words(words) == "2.00 mm +/- [-0.10-]{+0.05+} mm."


def test_reordered_clauses_are_matched_where_they_went() -> None:
    texts = [
        "The Supplier shall hold a certificate to ISO 9001.",
        "Every batch shall carry a certificate of conformity.",
        "Delivery shall be made within 30 days of each call-off.",
        "Parts shall be packed in returnable crates.",
    ]
    after = [texts[3], texts[2].replace("30", "20"), texts[0], texts[1]]
    changes = compare(doc(*texts), doc(*after))
    assert kinds(changes) == ["unchanged", "changed", "unchanged", "unchanged"]
    assert [c.current.statement.text for c in changes if c.current] == after
    assert changes[1].previous is not None and changes[1].previous.statement.index == 2


def test_unrelated_statements_are_removed_and_added_in_reading_order() -> None:
    before = doc(
        "Keep records for 10 years.", "The Buyer may audit the plant.", "Pay within 60 days."
    )
    after = doc(
        "Keep records for 10 years.", "Ship by sea freight from Rotterdam.", "Pay within 60 days."
    )
    changes = compare(before, after)
    # As in a diff, what went comes before what replaced it.
    assert kinds(changes) == ["unchanged", "removed", "added", "unchanged"]
    assert changes[2].similarity == 0.0 and changes[2].words == (
        ("insert", "Ship by sea freight from Rotterdam."),
    )
    assert changes[1].previous_text == "The Buyer may audit the plant."


def test_removed_statements_before_the_first_match_come_first() -> None:
    changes = compare(doc("Pay within 60 days.", "Keep records."), doc("Keep records."))
    assert kinds(changes) == ["removed", "unchanged"]


def test_a_split_clause_is_one_change_holding_both_parts() -> None:
    before = doc(
        "Parts shall be packed in crates of 500 pieces and labelled with the batch number."
    )
    after = doc(
        "Parts shall be packed in crates of 500 pieces.",
        "Each crate shall be labelled with the batch number.",
    )
    changes = compare(before, after)
    assert kinds(changes) == ["changed"]
    assert len(changes[0].current_rest) == 1
    assert changes[0].current_text == " ".join(item.statement.text for item in after)


def test_two_sentences_merged_without_other_edits_are_unchanged() -> None:
    before = doc("The Supplier shall test each part.", "Results shall be kept on file.")
    after = doc("The Supplier shall test each part. Results shall be kept on file.")
    changes = compare(before, after)
    assert kinds(changes) == ["unchanged"]
    assert len(changes[0].previous_rest) == 1


def test_a_merged_short_statement_joins_by_its_words() -> None:
    before = doc(
        "The Supplier shall ship each lot with the certificate of conformity issued by its lab.",
        "Are you going?",
    )
    after = doc(
        "The Supplier shall ship each lot with the certificate of conformity issued by its lab;"
        " are you going?"
    )
    changes = compare(before, after)
    assert kinds(changes) == ["changed"]
    assert [item.statement.text for item in changes[0].previous_rest] == ["Are you going?"]


def test_the_greedy_assignment_for_huge_inputs_pairs_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import extractor.comparing as comparing

    texts = [
        "The Supplier shall hold a certificate to ISO 9001.",
        "Every batch shall carry a certificate of conformity.",
        "Delivery shall be made within 30 days of each call-off.",
        "Parts shall be packed in returnable crates.",
        "The Buyer may audit the plant on five days notice.",
    ]
    after = [
        texts[3],
        texts[2].replace("30", "20"),
        "Ship by sea freight from Rotterdam.",
        texts[0].replace("shall", "may"),
        texts[1],
    ]
    optimal = compare(doc(*texts), doc(*after))
    monkeypatch.setattr(comparing, "MAX_DENSE_CELLS", 0)
    monkeypatch.setattr(comparing, "GREEDY_BLOCK", 2)
    greedy = compare(doc(*texts), doc(*after))
    # The removed audit clause followed the packing clause, so it is shown after it.
    expected = ["unchanged", "removed", "changed", "added", "changed", "unchanged"]
    assert kinds(greedy) == kinds(optimal) == expected
    assert [c.similarity for c in greedy] == [c.similarity for c in optimal]


def test_repeated_statements_pair_in_order() -> None:
    changes = compare(doc("Reserved.", "Pay in EUR.", "Reserved."), doc("Reserved.", "Reserved."))
    assert kinds(changes) == ["unchanged", "removed", "unchanged"]


def test_only_requirements_are_reported_unless_asked() -> None:
    before = doc(
        "none: Issue: 2",
        "none: This order is governed by Swiss law.",
        "none: Headings are for convenience.",
        "none: The Buyer was founded in 1990.",
    )
    after = doc(
        "none: Issue: 3",
        "none: This order is governed by German law.",
        "none: Headings are for convenience.",
        "The Supplier shall deliver by air.",
    )
    # a sure `none` changed in its words is listed (a food walk's allergen line); one
    # whose number alone changed, or that was added or removed, is not
    assert [(c.kind, c.current_text) for c in compare(before, after)] == [
        ("changed", "This order is governed by German law."),
        ("added", "The Supplier shall deliver by air."),
    ]
    assert kinds(compare(before, after, requirements_only=False)) == [
        "changed",
        "changed",
        "unchanged",
        "removed",
        "added",
    ]


def test_an_allergen_declaration_changed_is_listed_whatever_its_label() -> None:
    """A food walk: issue 2 of a product specification swapped almonds for mustard in
    "Contains: ..." (`none` at 0.97 on both sides) and `reqx compare` left it out."""
    before = doc(
        *("Fat (Per 100 g: 4.2 g)", "Salt (Per 100 g: 0.68 g)", "none: Contains: Milk, Almonds."),
        "none: Storage: keep refrigerated.",
    )
    after = doc(
        *("Fat (Per 100 g: 4.6 g)", "Salt (Per 100 g: 0.62 g)", "none: Contains: Milk, Mustard."),
        "none: Storage: keep refrigerated.",
    )
    changes = compare(before, after)
    assert [(c.kind, c.current_text) for c in changes][2] == ("changed", "Contains: Milk, Mustard.")
    assert changes[2].words == (
        ("equal", "Contains: Milk,"),
        ("delete", "Almonds"),
        ("insert", "Mustard"),
        ("equal", "."),
    )
    assert len(changes) == 3  # the storage line is the same


def test_a_removed_none_the_model_is_unsure_of_is_reported() -> None:
    """A chemicals walk: revision B dropped clause 6.2 "Drums are not accepted." (`none`
    at 0.80) and ``reqx compare`` reported "0 removed"."""
    drums = "6.2 Drums are not accepted."
    before = doc("none: 6.1 Deliveries come in IBCs or road tankers.", f"none: {drums}")
    after = doc("none: 6.1 Deliveries come in IBCs or road tankers.")
    unsure = [replace(item, confidence=0.8) if drums in item.statement.text else item
              for item in before]  # fmt: skip
    removed = compare(unsure, after)
    assert kinds(removed) == ["removed"] and removed[0].previous_text == drums
    assert compare(before, after) == []  # a sure `none` (0.9) stays out, as before


def test_a_label_change_is_a_change_even_with_the_same_text() -> None:
    before = doc("none: Samples are sent before each batch.")
    after = doc("Samples are sent before each batch.", label="specified")
    changes = compare(before, after)
    assert kinds(changes) == ["changed"]
    change = changes[0]
    assert change.reasons == ("label",) and change.label_changed
    assert (change.previous_label, change.current_label) == ("none", "specified")
    assert change.words == (("equal", "Samples are sent before each batch."),)


def test_empty_sides() -> None:
    assert compare([], []) == []
    assert kinds(compare([], doc("Ship by air."))) == ["added"]
    assert kinds(compare(doc("Ship by air."), [])) == ["removed"]


def test_normalise_makes_typography_uniform() -> None:
    assert normalise("The  “Goods”\u00a0—  see\nclause ’4’ ;") == "the \"goods\" - see clause '4';"
    assert normalise("2.00 mm +/- 0.10 mm, +/\u22120.2, +-1 %") == "2.00 mm ± 0.10 mm, ±0.2, ±1 %"
    assert normalise("C++ and a + - b") == "c++ and a + - b"


def _classified(path: Path, classifier: object) -> list[ClassifiedStatement]:
    return [
        item for part in extract_file(str(path), classifier=classifier) for item in part.classified
    ]  # type: ignore[arg-type]


def test_the_order_revisions_through_the_real_pipeline(classifier: object) -> None:
    before = _classified(REVISIONS / "quotation_rev_a.txt", classifier)
    after = _classified(REVISIONS / "purchase_order_rev_b.txt", classifier)
    changes = compare(before, after, requirements_only=False)
    found = [
        {
            "kind": change.kind,
            "previous_clause": change.previous.statement.clause if change.previous else None,
            "current_clause": change.current.statement.clause if change.current else None,
            "reasons": [reason for reason in change.reasons if reason != "label"],
            "diff": format_words(change.words),
        }
        for change in changes
        if change.kind != "unchanged" and change.reasons != ("label",)
    ]
    expected_file = REVISIONS / "quotation_rev_a.txt__purchase_order_rev_b.txt.expected.jsonl"
    expected = [json.loads(line) for line in expected_file.read_text(encoding="utf-8").splitlines()]
    assert found == expected
    # Same words on both sides (a label moved by the model's reading of the context aside).
    unchanged = [c for c in changes if c.kind == "unchanged" or c.reasons == ("label",)]
    assert [(c.previous.statement.clause, c.current.statement.clause) for c in unchanged] == [  # type: ignore[union-attr]
        ("1.1", "2.1"),
        ("1.2", "2.2"),
        ("2.1", "3.1"),
        ("2.3", "3.4"),
        ("3.3", "4.3"),
    ]


def _numbered(*rows: tuple[str, str]) -> list[ClassifiedStatement]:
    return [
        ClassifiedStatement(
            Statement("doc", "0" * 64, index, text, clause=clause), "statutory", 0.9
        )
        for index, (clause, text) in enumerate(rows)
    ]


F4 = ("F4", "DFARS 252.246-7007 applies to electronic parts in this order.")
F5_A = (
    "F5",
    "FAR 52.222-50, Combating Trafficking in Persons, applies to this order; Supplier shall"
    " not engage in trafficking in persons and shall notify Halcyon of any credible information.",
)
F5_B = (
    "F5",
    "Supplier shall comply with FAR 52.222-50 including its Alternate I, flow the clause down"
    " to every sub-tier supplier and report credible information to Halcyon within 24 hours.",
)


def test_a_clause_rewritten_under_its_number_is_changed_not_removed_and_added() -> None:
    """An aerospace walk: revision B rewrote flow-down clause F5 in other words, and
    compare said "removed" and "added" for one clause changed."""
    changes = compare(_numbered(F4, F5_A), _numbered(F4, F5_B))
    assert kinds(changes) == ["unchanged", "changed"]
    assert changes[1].similarity < SIMILARITY_FLOOR


def test_other_words_under_a_number_used_all_over_are_not_paired() -> None:
    """A list numbered 1, 2, 3 in several places: its numbers name no one clause."""
    unrelated = ("1", "Invoices shall be sent to accounts payable by e-mail.")
    before = _numbered(*[("1", f"Item {n} is listed for reference.") for n in range(5)], F5_A)
    after = _numbered(*[("1", f"Item {n} is listed for reference.") for n in range(4)], unrelated)
    assert "changed" not in kinds(compare(before, after))
    assert kinds(compare(_numbered(F5_A), _numbered(("F5", unrelated[1])))) == ["removed", "added"]


def _rows(table: str, *texts: str) -> list[ClassifiedStatement]:
    """Rows of one table (its caption the section), as the readers write them."""
    return [
        ClassifiedStatement(
            Statement("doc", "0" * 64, index, text, section=table, kind="table_row"),
            "specified",
            0.9,
        )
        for index, text in enumerate(texts)
    ]


MATERIALS = "Table 2 - Materials of construction"
SEAT_A = "Seat insert: PEEK (polyether ether ketone), virgin grade (Remarks: Soft-seated design)"
SEAT_B = "Seat insert: Devlon V-API, stress-relieved (Remarks: Soft-seated design)"
BALL = "Ball: ASTM A182 F316 with electroless nickel plating (Remarks: 550 HV minimum)"


@pytest.mark.parametrize("greedy", [False, True])
def test_a_table_row_whose_other_cells_changed_is_changed(
    greedy: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A valve specification's revision B changed Table 2's seat insert from PEEK to
    Devlon: compare said "removed" and "added", as if the row were two items."""
    import extractor.comparing as comparing

    if greedy:
        monkeypatch.setattr(comparing, "MAX_DENSE_CELLS", 0)
    changes = compare(_rows(MATERIALS, BALL, SEAT_A), _rows(MATERIALS, BALL, SEAT_B))
    assert kinds(changes) == ["unchanged", "changed"]
    assert changes[1].similarity < SIMILARITY_FLOOR and changes[1].reasons == ("wording",)
    assert format_words(changes[1].words) == (
        "Seat insert: [-PEEK (polyether ether ketone), virgin grade-]{+Devlon V-API,"
        " stress-relieved+} (Remarks: Soft-seated design)"
    )
    # renumbered in the revision ("Table 3"), it is the same table
    renumbered = compare(_rows(MATERIALS, SEAT_A), _rows(MATERIALS.replace("2", "3"), SEAT_B))
    assert kinds(renumbered) == ["changed"]


@pytest.mark.parametrize("greedy", [False, True])
def test_rows_of_two_items_are_never_one_changed(
    greedy: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another part number, or another first cell of the same table, is another item,
    however alike the rest of the row: not the same row with other numbers."""
    import extractor.comparing as comparing

    if greedy:
        monkeypatch.setattr(comparing, "MAX_DENSE_CELLS", 0)
    spares = "Table 3 - Spare parts"
    before = _rows(spares, "SP-1001: Seat insert kit, PEEK (Quantity: 2 per valve)")
    after = _rows(spares, "SP-1002: Seat insert kit, PEEK (Quantity: 2 per valve)")
    assert kinds(compare(before, after)) == ["removed", "added"]
    # another table too: a part number is the item wherever its row is
    elsewhere = _rows("Annex B - Spares", after[0].statement.text)
    assert kinds(compare(before, elsewhere)) == ["removed", "added"]
    seat_ring = SEAT_A.replace("Seat insert", "Seat ring")
    assert kinds(compare(_rows(MATERIALS, SEAT_A), _rows(MATERIALS, seat_ring))) == [
        "removed",
        "added",
    ]
    # nor joined to a neighbour's pair as the second half of a clause split in two
    body = "Body: cast ASTM A216 WCC, radiographed (Remarks: DN 50 to DN 400)"
    joined = compare(
        _rows(MATERIALS, body),
        _rows(MATERIALS, body.replace("WCC", "WCB"), "Cast: ASTM A216 WCC, radiographed"),
    )
    assert kinds(joined) == ["changed", "added"]
    assert not joined[0].current_rest


def test_a_first_cell_a_table_repeats_names_no_item() -> None:
    """Rows sharing their first cell ("Note: ...") are not paired by it: which is which?"""
    before = _rows(
        MATERIALS, "Note: Castings shall be radiographed.", "Note: Bolts are zinc-nickel."
    )
    after = _rows(MATERIALS, "Note: Forgings need no radiography.", "Note: Seats are PEEK.")
    assert "changed" not in kinds(compare(before, after))
    # nor are statements that are no table rows, nor rows that are one sentence
    plain = doc("Seat insert: PEEK, virgin grade.")
    assert kinds(compare(plain, doc("Seat insert: Devlon V-API."))) == ["removed", "added"]


def test_a_requirements_matrix_row_edited_in_its_sentence_is_changed() -> None:
    """A row that is a sentence names no item by its first cell: its words are edited."""
    matrix = "Table 5 - Requirements"
    before = _rows(matrix, "The unit shall weigh 20 kg (Verification: Test)")
    after = _rows(matrix, "The unit shall weigh 25 kg (Verification: Test)")
    changes = compare(before, after)
    assert kinds(changes) == ["changed"] and changes[0].reasons[0] == "number"
