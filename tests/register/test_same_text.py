"""The same clause in the next order or revision: earlier decisions found and applied.

On a real SQLite file and a real PostgreSQL server, like the rest of the register.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from extractor.errors import ConflictError, RegisterError
from extractor.register import CandidateInput, DocumentInput, EntryFilter, open_register, service
from extractor.register.database import _alembic_config
from extractor.register.same_text import number_blind_key, text_key
from extractor.register.views import RevisionDecided

from .helpers import CONTRACT_LINES, import_file, make_extraction, word_document

LINES = len(CONTRACT_LINES)
PACKING = "Packaging shall protect the parts from corrosion in transit."


def test_text_key_ignores_form_case_and_spacing_but_not_words() -> None:
    key = text_key("The Supplier’s parts shall be packed — see 4.2.")
    assert text_key("the supplier's parts\n shall be  packed - see 4.2.") == key
    assert text_key("THE SUPPLIER\u2019S PARTS SHALL BE PACKED \u2013 SEE 4.2.") == key
    assert text_key("The Supplier’s parts shall be packed — see 4.3.") != key
    assert text_key("The Supplier’s parts shall not be packed — see 4.2.") != key
    assert len(key) == 64


def _two_orders(register):  # type: ignore[no-untyped-def]
    register.import_extractions([make_extraction("po-1.pdf")], actor="ann")
    first = register.get_entry("REQ-0003")  # found as implied
    first = register.relabel(first.ref, "specified", version=first.version, actor="ann")
    first = register.edit_text(first.ref, PACKING, version=first.version, actor="ann")
    register.confirm(first.ref, version=first.version, actor="ann")
    fourth = register.get_entry("REQ-0004")
    register.reject(fourth.ref, version=fourth.version, actor="ann")
    register.import_extractions([make_extraction("po-2.pdf")], actor="bob")
    return {d.name: d.id for d in register.documents()}


def test_the_next_order_shows_what_was_decided_on_the_same_text(db_url: str) -> None:
    with open_register(db_url) as register:
        documents = _two_orders(register)
        second = register.list_entries(EntryFilter(document_ids=(documents["po-2.pdf"],)))
        found = register.earlier_decisions(second.items)
    assert sorted(found) == [3 + LINES, 4 + LINES]
    assert (found[3 + LINES].total, found[3 + LINES].agree) == (1, True)
    packing = found[3 + LINES].agreed
    assert packing is not None
    assert (packing.ref, packing.status, packing.label) == ("REQ-0003", "confirmed", "specified")
    assert packing.text == PACKING
    assert (packing.document_name, packing.updated_by) == ("po-1.pdf", "ann")
    governing_law = found[4 + LINES].agreed
    assert governing_law is not None
    assert (governing_law.ref, governing_law.status) == ("REQ-0004", "rejected")


def test_earlier_decisions_are_applied_audited_and_once(db_url: str) -> None:
    with open_register(db_url) as register:
        documents = _two_orders(register)
        where = EntryFilter(document_ids=(documents["po-2.pdf"],))
        stale = register.get_entry(3 + LINES)
        assert register.count_earlier_decided(where) == 2
        assert register.apply_earlier_decisions(where, actor="bob") == 2
        assert register.apply_earlier_decisions(where, actor="bob") == 0
        packing = register.get_entry(3 + LINES)
        governing_law = register.get_entry(4 + LINES)
        untouched = register.get_entry(2 + LINES)
        history = register.history(packing.ref)
        with pytest.raises(ConflictError):
            register.reject(stale.ref, version=stale.version, actor="cy")
        with pytest.raises(RegisterError, match="reviewer's name"):
            register.apply_earlier_decisions(where, actor=" ")
    assert (packing.status, packing.label, packing.text) == ("confirmed", "specified", PACKING)
    assert (governing_law.status, governing_law.label) == ("rejected", "none")
    assert untouched.status == "candidate"
    last = history[-1]
    assert (last.action, last.actor) == ("same_as_earlier", "bob")
    assert last.after == {
        "status": "confirmed",
        "label": "specified",
        "text": PACKING,
        "same_as": "REQ-0003",
    }
    assert last.before == {"status": "candidate", "label": "implied", "text": CONTRACT_LINES[2][0]}


def test_disagreeing_earlier_decisions_are_shown_but_never_copied(db_url: str) -> None:
    with open_register(db_url) as register:
        for name in ("po-1.pdf", "po-2.pdf"):
            register.import_extractions([make_extraction(name)], actor="ann")
        one, two = register.get_entry(3), register.get_entry(3 + LINES)
        register.confirm(one.ref, version=one.version, actor="ann")
        register.reject(two.ref, version=two.version, actor="bob")
        register.import_extractions([make_extraction("po-3.pdf")], actor="ann")
        third = register.get_entry(3 + 2 * LINES)
        found = register.earlier_decisions([third])
        everything = EntryFilter()
        counted = register.count_earlier_decided(everything)
        applied = register.apply_earlier_decisions(everything, actor="ann")
        after = register.get_entry(third.id)
    assert [d.ref for d in found[third.id].latest] == [two.ref, one.ref]  # latest first
    assert (found[third.id].total, found[third.id].agree, found[third.id].agreed) == (
        2,
        False,
        None,
    )
    assert (counted, applied, after.status) == (0, 0, "candidate")


def _register_at(
    db_url: str, revision: str, statement: str, keys: tuple[str, str] | None = None
) -> None:
    """A register left at migration ``revision`` holding one candidate (with ``keys``, the
    text key and number-blind key, where that schema had them), as an older reqx made it."""
    engine = create_engine(db_url)
    config = _alembic_config()
    now = datetime(2026, 1, 5, tzinfo=UTC)
    key_columns = ", text_key, number_blind_key" if keys else ""
    key_values = ", :text_key, :blind" if keys else ""
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.execute(
            text(
                "INSERT INTO documents (id, sha256, name, kind, pages, uploaded_by, uploaded_at)"
                " VALUES (1, :sha, 'old.pdf', 'pdf', 1, 'ann', :now)"
            ),
            {"sha": "a" * 64, "now": now},
        )
        connection.execute(
            text(
                "INSERT INTO candidates (id, document_id, position, text, label, confidence,"
                f" page, boxes, clause, section, kind, annotations, imported_at{key_columns})"
                " VALUES ('c1', 1, 0, :text, 'specified', 0.9, 1, '[]', '', '', 'paragraph',"
                f" '{{}}', :now{key_values})"
            ),
            {
                "text": statement,
                "now": now,
                **({"text_key": keys[0], "blind": keys[1]} if keys else {}),
            },
        )
    engine.dispose()


def _stored_keys(db_url: str) -> tuple[str, str]:
    engine = create_engine(db_url)
    with engine.connect() as connection:
        stored, blind = connection.execute(
            text("SELECT text_key, number_blind_key FROM candidates")
        ).one()
    engine.dispose()
    return stored, blind


def test_a_register_made_before_text_keys_gets_them_when_opened(db_url: str) -> None:
    _register_at(db_url, "0001", "Parts shall be  packed in crates.")
    with open_register(db_url) as register:
        candidate = register.get_candidate("c1")
    stored, blind = _stored_keys(db_url)
    assert candidate.text == "Parts shall be  packed in crates."
    assert stored == text_key("parts shall be packed in crates.")
    assert blind == number_blind_key("Parts shall be packed in crates.")


def test_a_notice_period_changed_in_words_points_to_the_earlier_decision(db_url: str) -> None:
    """A walk: "ninety (90) days" confirmed, "sixty (60) days" in revision B, no cue."""
    notice = "Either party may end it on at least ninety (90) days' written notice."
    with open_register(db_url) as register:
        _order(register, "rev-a.txt", [notice])
        register.confirm("REQ-0001", version=1, actor="ann")
        _order(register, "rev-b.txt", [notice.replace("ninety (90)", "sixty (60)")])
        changed = register.decided_with_other_numbers([register.get_entry(2)])
    assert [earlier.ref for earlier in changed.values()] == ["REQ-0001"]


def test_opening_a_register_of_migration_0003_fills_the_number_blind_keys_again(
    db_url: str,
) -> None:
    _register_at(db_url, "0003", "Give ninety (90) days' notice.", ("k", "the key 0003 made"))
    with open_register(db_url):
        pass
    assert _stored_keys(db_url)[1] == number_blind_key("Give sixty (60) days' notice.")


def test_a_tolerance_typed_plus_slash_minus_is_the_same_text_as_plus_minus() -> None:
    """A medical-device walk: revision E typed the tolerance "+/-" where D had "±"."""
    plus_minus = "Wall thickness 2.00 mm ± 0.10 mm."
    assert text_key("Wall thickness 2.00 mm +/- 0.10 mm.") == text_key(plus_minus)
    assert text_key("Wall thickness 2.00 mm +-0.10 mm.") == text_key(
        "Wall thickness 2.00 mm ±0.10 mm."
    )
    assert number_blind_key("Wall thickness 2.00 mm +/- 0.05 mm.") == number_blind_key(plus_minus)
    assert text_key("Wall thickness 2.00 mm + 0.10 mm.") != text_key(plus_minus)


def test_opening_a_register_of_migration_0009_fills_both_keys_again(db_url: str) -> None:
    statement = "Wall thickness 2.00 mm +/- 0.10 mm."
    _register_at(db_url, "0009", statement, ("the key 0009 made", "the blind key 0009 made"))
    with open_register(db_url):
        pass
    assert _stored_keys(db_url) == (
        text_key("Wall thickness 2.00 mm ± 0.10 mm."),
        number_blind_key("Wall thickness 9.99 mm ± 0.01 mm."),
    )


def test_a_clause_decided_many_times_hands_the_card_only_the_latest(db_url: str) -> None:
    with open_register(db_url) as register:
        for number in range(8):
            register.import_extractions([make_extraction(f"po-{number}.pdf")], actor="ann")
            mine = register.get_entry(1 + number * LINES)
            register.confirm(mine.ref, version=mine.version, actor=f"r{number}")
        register.import_extractions([make_extraction("po-new.pdf")], actor="ann")
        waiting = register.get_entry(1 + 8 * LINES)
        decided = register.get_entry(1)
        found = register.earlier_decisions([waiting, decided])
    assert list(found) == [waiting.id]  # a decided entry is not looked up: it would find itself
    earlier = found[waiting.id]
    assert (earlier.total, earlier.agree, len(earlier.latest)) == (8, True, 5)
    assert [d.updated_by for d in earlier.latest] == ["r7", "r6", "r5", "r4", "r3"]


def test_number_blind_key_matches_the_clause_with_other_numbers_only() -> None:
    key = number_blind_key("Deliver 500 units within 30 days, per IPC-A-610 rev. 7.")
    assert number_blind_key("Deliver 1,000 units within 45 days, per IPC-A-610 rev. 8.") == key
    assert number_blind_key("Deliver 500 units within 30 weeks, per IPC-A-610 rev. 7.") != key
    assert number_blind_key("Ship by 2026-03-01.") == number_blind_key("Ship by 2027-01-15.")
    by_date = number_blind_key("Ship by 1 March 2027, as agreed in Feb.")
    assert number_blind_key("Ship by 15 April 2027, as agreed in Jan.") == by_date
    assert number_blind_key("Ship by 1 March 2027, as agreed in writing.") != by_date


def _order(register, name: str, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    document = DocumentInput(name * 4, name, "txt")
    candidates = [
        CandidateInput(position=i, text=t, label="specified", confidence=0.9)
        for i, t in enumerate(texts)
    ]
    register.add_document(document, candidates, actor="ann")


def test_a_clause_with_changed_numbers_points_to_the_earlier_decision(db_url: str) -> None:
    delivery = "The Supplier shall deliver within 30 days of the order."
    packing = "Parts shall be packed in crates of 20."
    with open_register(db_url) as register:
        _order(register, "po-1.txt", [delivery, packing, "Prices are firm for 12 months."])
        register.confirm("REQ-0001", version=1, actor="ann")
        register.confirm("REQ-0002", version=1, actor="ann")
        _order(register, "po-2.txt", [delivery.replace("30", "45"), packing, "Prices are firm."])
        waiting = register.list_entries(EntryFilter(statuses=("candidate",))).items
        changed = register.decided_with_other_numbers(waiting)
        same = register.earlier_decisions(waiting)
        applied = register.apply_earlier_decisions(EntryFilter(), actor="bo")
        still = register.get_entry(4)
    assert list(changed) == [4]  # the delivery clause; the packing one is the same text
    (earlier,) = changed.values()
    assert (earlier.ref, earlier.found_text) == ("REQ-0001", delivery)
    assert list(same) == [5]
    assert applied == 1 and still.status == "candidate"  # a changed clause is never decided for you


def test_the_queue_can_keep_only_clauses_that_changed_since_a_decision(db_url: str) -> None:
    delivery = "The Supplier shall deliver within 30 days of the order."
    with open_register(db_url) as register:
        _order(register, "po-1.txt", [delivery, "Parts shall be packed in crates of 20."])
        register.confirm("REQ-0001", version=1, actor="ann")
        _order(register, "po-2.txt", [delivery, "Parts shall be packed in crates of 20."])
        _order(register, "po-3.txt", [delivery.replace("30", "60"), "Parts go in crates of 10."])
        changed = register.list_entries(
            EntryFilter(statuses=("candidate",), differs_from_decided=True)
        )
        counted = register.counts(EntryFilter(differs_from_decided=True))
    assert [entry.ref for entry in changed.items] == ["REQ-0005"]
    assert counted.total == 1


def test_a_clause_changed_since_an_undecided_revision_points_to_it(db_url: str) -> None:
    """A walk: revision B's "six weeks" had no mark while revision A's "four weeks" still
    waited for review; only clauses decided before were flagged."""
    stock = "The Supplier shall hold four (4) weeks of safety stock."
    with open_register(db_url) as register:
        _order(register, "rev-a.txt", [stock, "Parts shall be packed in crates of 20."])
        _order(register, "rev-b.txt", [stock.replace("four (4)", "six (6)"), "Pay in 30 days."])
        _order(register, "rev-c.txt", [stock.replace("four (4)", "eight (8)")])
        waiting = register.list_entries(EntryFilter(statuses=("candidate",))).items
        changed = register.earlier_with_other_numbers(waiting)
        listed = register.list_entries(EntryFilter(differs_from_earlier=True)).items
        register.confirm("REQ-0005", version=1, actor="ann")
        decided = register.earlier_with_other_numbers(register.list_entries(EntryFilter()).items)
    assert sorted(changed) == [3, 5]  # not revision A's own, not the new payment clause
    assert (changed[3].ref, changed[3].status, changed[3].document_name) == (
        "REQ-0001",
        "candidate",
        "rev-a.txt",
    )
    assert changed[3].text == stock
    assert changed[5].ref == "REQ-0003"  # the latest earlier revision, not the first
    assert [entry.ref for entry in listed] == ["REQ-0003", "REQ-0005"]
    assert sorted(decided) == [3]  # a decided entry needs no cue


def test_the_document_sharing_most_clauses_is_the_likely_previous_revision(db_url: str) -> None:
    quotation = ["Deliver within 30 days.", "Pack in crates of 20.", "Prices are firm."]
    with open_register(db_url) as register:
        _order(register, "quote.txt", quotation)
        _order(register, "other.txt", ["Prices are firm.", "Invoices monthly."])
        ids = {d.name: d.id for d in register.documents()}
        order = ["Deliver within 45 days.", "Pack in crates of 20.", "Pay in 60 days."]
        alike = register.documents_alike([*order, "Pack in crates of 20."])  # repeats count once
        nothing = register.documents_alike([])
    assert alike == {ids["quote.txt"]: 2}
    assert nothing == {}


def test_statements_an_earlier_document_has_are_met_before_decided_or_not(db_url: str) -> None:
    """The others, in a document that has some, are the new or reworded ones."""
    delivery = "The Supplier shall deliver within 30 days of the order."
    with open_register(db_url) as register:
        _order(register, "po-1.txt", [delivery, "Parts shall be packed in crates of 20."])
        _order(register, "po-2.txt", [delivery.replace("30", "45"), "Pay within 60 days."])
        _order(register, "po-3.txt", ["Label each box.", "Pay within 90 days."])
        _order(register, "po-4.txt", ["Ship by sea."])
        ids = {d.name: d.id for d in register.documents()}
        counts = register.clauses_met_before(list(ids.values()))
        met = register.met_before(register.list_entries(EntryFilter()).items)
        nothing = register.clauses_met_before([])
    # po-2 has the delivery clause with other numbers; po-3 the payment clause of po-2,
    # which came before it; po-1 came first, so what later documents share is not its news
    assert counts == {
        ids["po-1.txt"]: (2, 0),
        ids["po-2.txt"]: (2, 1),
        ids["po-3.txt"]: (2, 1),
        ids["po-4.txt"]: (1, 0),
    }
    assert met == {3, 6}
    assert nothing == {}


def _four_orders(register):  # type: ignore[no-untyped-def]
    """Two decided clauses of po-1.pdf repeated in po-2, po-3 and po-4: six to apply."""
    _two_orders(register)
    for name in ("po-3.pdf", "po-4.pdf"):
        register.import_extractions([make_extraction(name)], actor="bob")


def test_applying_reports_progress_slice_by_slice(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "APPLY_SLICE", 4)
    reports: list[tuple[int, int]] = []
    with open_register(db_url) as register:
        _four_orders(register)
        applied = register.apply_earlier_decisions(
            EntryFilter(), actor="bob", progress=lambda done, total: reports.append((done, total))
        )
        audited = [e for e in register.iter_audit() if e.action == "same_as_earlier"]
    assert applied == 6
    assert reports == [(0, 6), (4, 6), (6, 6)]
    assert len(audited) == 6
    assert all(event.document_id is not None for event in audited)


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (4, 5),  # po-3's governing law rejected, as before: the other five still follow
        (3, 3),  # po-3's packing rejected, unlike before: that text is no longer agreed
    ],
)
def test_an_entry_saved_meanwhile_keeps_the_other_reviewers_decision(
    db_url: str, clause: int, expected: int
) -> None:
    """Another reviewer decides one candidate after the plan is made, before it is saved."""
    with open_register(db_url) as register, open_register(db_url) as other:
        _four_orders(register)
        target = other.get_entry(clause + 2 * LINES)
        reports: list[tuple[int, int]] = []

        def meanwhile(done: int, total: int) -> None:
            if not reports:
                other.reject(target.ref, version=target.version, actor="cy")
            reports.append((done, total))

        applied = register.apply_earlier_decisions(EntryFilter(), actor="bob", progress=meanwhile)
        kept = register.get_entry(target.id)
        history = register.history(target.ref)
        audited = [e for e in register.iter_audit() if e.action == "same_as_earlier"]
    assert applied == expected
    assert (kept.status, kept.updated_by) == ("rejected", "cy")
    assert history[-1].action != "same_as_earlier"
    assert len(audited) == expected
    assert reports[0] == (0, 6)
    assert reports[-1] == (expected, expected)


def test_decided_labels_give_what_reviewers_settled_on(db_url: str) -> None:
    with open_register(db_url) as register:
        _two_orders(register)
        labels = register.decided_labels(
            [CONTRACT_LINES[2][0], CONTRACT_LINES[3][0], "Never seen before."]
        )
    assert labels == {CONTRACT_LINES[2][0]: "specified", CONTRACT_LINES[3][0]: "none"}


def test_a_decision_since_replaced_by_other_words_still_gives_its_label(db_url: str) -> None:
    """A re-walk: issue 1's "Contains: Milk, Almonds.", confirmed as specified and then
    replaced by issue 2's "Mustard", was compared as the model's `none` in the app."""
    with open_register(db_url) as register:
        _order(register, "spec-1.docx", ["Contains: Milk, Almonds."])
        register.confirm("REQ-0001", version=1, actor="ann")
        _order(register, "spec-2.docx", ["Contains: Milk, Mustard."])
        register.confirm("REQ-0002", version=1, actor="ann")
        register.supersede("REQ-0001", "REQ-0002", version=2, actor="ann")
        labels = register.decided_labels(["Contains: Milk, Almonds.", "Contains: Milk, Mustard."])
    assert labels == {
        "Contains: Milk, Almonds.": "specified",
        "Contains: Milk, Mustard.": "specified",
    }


OWNER = "Logistics - M. Byrne"


def test_a_value_repeated_from_the_last_revision_differs_from_nothing(db_url: str) -> None:
    """A food walk: issue 3 of a specification repeated issue 2's "Fat 4.6 g", which had
    replaced issue 1's "Fat 4.2 g"; issue 3's fat line was flagged as differing from issue
    1 (with "It replaces" offering the entry in force with the very same text). Only what
    changed since the last time it was said differs; a value put back differs again."""
    fat, salt = "Fat: {} g per 100 g.", "Salt: {} g per 100 g."
    with open_register(db_url) as register:
        _order(register, "spec-1.docx", [fat.format("4.2"), salt.format("0.62")])
        register.confirm("REQ-0001", version=1, actor="ann")
        register.confirm("REQ-0002", version=1, actor="ann")
        _order(register, "spec-2.docx", [fat.format("4.6"), salt.format("0.62")])
        register.confirm("REQ-0003", version=1, actor="ann")
        register.supersede("REQ-0001", "REQ-0003", version=2, actor="ann")
        register.confirm("REQ-0004", version=1, actor="ann")
        _order(register, "spec-3.docx", [fat.format("4.6"), salt.format("0.58")])
        waiting = register.list_entries(EntryFilter(statuses=("candidate",))).items
        decided = register.decided_with_other_numbers(waiting)
        earlier = register.earlier_with_other_numbers(waiting)
        since_earlier = register.list_entries(EntryFilter(differs_from_earlier=True)).items
        since_decided = register.list_entries(EntryFilter(differs_from_decided=True)).items
        _order(register, "spec-4.docx", [fat.format("4.2")])
        (reverted,) = register.list_entries(EntryFilter(document_ids=(4,))).items
        put_back = register.decided_with_other_numbers([reverted])
        put_back_listed = register.list_entries(
            EntryFilter(document_ids=(4,), differs_from_earlier=True)
        ).items
    assert [ref for ref in (e.ref for e in waiting)] == ["REQ-0005", "REQ-0006"]
    # salt, against issue 2's in force (issue 1's same salt, updated later, is not shown)
    assert list(decided) == [6] and decided[6].ref == "REQ-0004"
    assert list(earlier) == [6] and earlier[6].ref == "REQ-0004"
    assert [e.ref for e in since_earlier] == ["REQ-0003", "REQ-0006"]  # issue 2's fat changed
    assert [e.ref for e in since_decided] == ["REQ-0003", "REQ-0006"]
    assert put_back[reverted.id].ref in ("REQ-0003", "REQ-0005")  # 4.2 differs from 4.6 again
    assert [e.ref for e in put_back_listed] == [reverted.ref]


@pytest.mark.parametrize("issue_2", ["waiting", "rejected"])
def test_a_value_repeated_from_an_unsettled_revision_still_differs(
    db_url: str, issue_2: str
) -> None:
    """A re-walk: with issue 2 left waiting (or rejected), issue 3's "Fat 4.6 g" was no
    longer flagged against issue 1's "Fat 4.2 g", confirmed and still in force."""
    fat = "Fat: {} g per 100 g."
    with open_register(db_url) as register:
        _order(register, "spec-1.docx", [fat.format("4.2")])
        register.confirm("REQ-0001", version=1, actor="ann")
        _order(register, "spec-2.docx", [fat.format("4.6")])
        if issue_2 == "rejected":
            register.reject("REQ-0002", version=1, actor="ann")
        _order(register, "spec-3.docx", [fat.format("4.6")])
        (third,) = register.list_entries(EntryFilter(document_ids=(3,))).items
        decided = register.decided_with_other_numbers([third])
        listed = register.list_entries(
            EntryFilter(document_ids=(3,), differs_from_earlier=True)
        ).items
    assert decided[third.id].ref == "REQ-0001"
    assert [entry.ref for entry in listed] == [third.ref]


def test_a_changed_value_is_shown_against_the_entry_in_force(db_url: str) -> None:
    """A re-walk: issue 3's "Salt 0.58 g" card diffed against issue 1's 0.68 g (updated
    last, when issue 2's 0.62 g superseded it) while offering to replace issue 2's."""
    salt = "Salt: {} g per 100 g."
    with open_register(db_url) as register:
        _order(register, "spec-1.docx", [salt.format("0.68")])
        register.confirm("REQ-0001", version=1, actor="ann")
        _order(register, "spec-2.docx", [salt.format("0.62")])
        register.confirm("REQ-0002", version=1, actor="ann")
        register.supersede("REQ-0001", "REQ-0002", version=2, actor="ann")
        _order(register, "spec-3.docx", [salt.format("0.58")])
        (third,) = register.list_entries(EntryFilter(document_ids=(3,))).items
        decided = register.decided_with_other_numbers([third])
    assert (decided[third.id].ref, decided[third.id].found_text) == (
        "REQ-0002",
        salt.format("0.62"),
    )


def _revision_b(register):  # type: ignore[no-untyped-def]
    """Revision A decided (REQ-0001 to 0006), with an owner, due date and notes; revision B
    (REQ-0007 to 0012) imported with the same clauses, one of them given an owner already."""
    register.import_extractions([make_extraction("msa-rev-a.pdf")], actor="ann")
    first = register.get_entry("REQ-0001")
    first = register.set_owner(first.ref, OWNER, version=first.version, actor="ann")
    first = register.set_due_date(first.ref, date(2026, 4, 15), version=first.version, actor="ann")
    first = register.add_note(
        first.ref, "Call before shipping.", version=first.version, actor="ann"
    )
    register.confirm(first.ref, version=first.version, actor="ann")
    register.confirm("REQ-0002", version=1, actor="ann")
    packing = register.set_owner("REQ-0003", "Packing - P. Lee", version=1, actor="ann")
    packing = register.add_note(packing.ref, "Crates.", version=packing.version, actor="ann")
    register.confirm(packing.ref, version=packing.version, actor="ann")
    register.reject("REQ-0004", version=1, actor="ann")
    register.import_extractions([make_extraction("msa-rev-b.pdf")], actor="bob")
    register.set_owner("REQ-0009", "QA - J. Ode", version=1, actor="bob")
    return {d.name: d.id for d in register.documents()}


def test_a_revision_decided_as_before_replaces_the_earlier_entries(db_url: str) -> None:
    """A walk: revision B decided as before left revision A's five clauses confirmed beside
    B's (duplicates in the register in force), and B's entries had no owner, due date or note."""
    with open_register(db_url) as register:
        documents = _revision_b(register)
        stale = register.get_entry("REQ-0001")
        where = EntryFilter(document_ids=(documents["msa-rev-b.pdf"],))
        outcome = register.decide_revision_as_before(where, actor="bob")
        again = register.decide_revision_as_before(where, actor="bob")
        in_force = [
            e.ref
            for e in register.iter_entries(EntryFilter(statuses=("confirmed",), in_force=True))
        ]
        old = {ref: register.get_entry(ref) for ref in ("REQ-0001", "REQ-0002", "REQ-0003")}
        new = {ref: register.get_entry(ref) for ref in ("REQ-0007", "REQ-0008", "REQ-0009")}
        rejected = register.get_entry("REQ-0010")
        first_history = register.history("REQ-0001")
        new_history = register.history("REQ-0007")
        rejected_history = register.history("REQ-0010")
        with pytest.raises(ConflictError):  # a reviewer holding revision A's entry as it was
            register.set_owner(stale.ref, "Someone", version=stale.version, actor="cy")
    assert (outcome.decided, outcome.superseded, outcome.carried) == (4, 3, 2)
    assert (again.decided, again.superseded) == (0, 0)
    assert in_force == ["REQ-0007", "REQ-0008", "REQ-0009"]
    assert [old[ref].superseded_by for ref in old] == ["REQ-0007", "REQ-0008", "REQ-0009"]
    assert all(entry.status == "confirmed" for entry in old.values())  # history kept
    assert (new["REQ-0007"].owner, new["REQ-0007"].due_date) == (OWNER, date(2026, 4, 15))
    assert new["REQ-0007"].notes == old["REQ-0001"].notes
    assert "Call before shipping." in new["REQ-0007"].notes
    assert (new["REQ-0008"].owner, new["REQ-0008"].notes) == ("", "")
    assert new["REQ-0009"].owner == "QA - J. Ode"  # its own owner is kept
    assert new["REQ-0009"].notes == old["REQ-0003"].notes  # the notes it had none of
    assert (rejected.status, rejected.superseded_by) == ("rejected", "")
    last = first_history[-1]
    assert (last.action, last.actor, last.before, last.after) == (
        "supersede",
        "bob",
        {"superseded_by": None},
        {"superseded_by": "REQ-0007"},
    )
    taken = new_history[-1]
    assert (taken.action, taken.actor) == ("same_as_earlier", "bob")
    assert taken.after == {
        "status": "confirmed",
        "owner": OWNER,
        "due_date": "2026-04-15",
        "notes": old["REQ-0001"].notes,
        "same_as": "REQ-0001",
        "replaces": ["REQ-0001"],
    }
    assert taken.before == {"status": "candidate", "owner": "", "due_date": None, "notes": ""}
    assert "replaces" not in (rejected_history[-1].after or {})


def test_a_revision_entry_confirmed_beforehand_replaces_its_earlier_entry_too(
    db_url: str,
) -> None:
    """An automotive walk: revision B's statutory clauses were confirmed in bulk before the
    revision was decided as before; the revision skipped them, and revision A's same
    clauses stayed in force beside them (twice in the compliance list)."""
    with open_register(db_url) as register:
        documents = _revision_b(register)
        register.confirm("REQ-0008", version=1, actor="bob")  # revision B's clause 2, early
        where = EntryFilter(document_ids=(documents["msa-rev-b.pdf"],))
        outcome = register.decide_revision_as_before(where, actor="bob")
        in_force = [
            e.ref
            for e in register.iter_entries(EntryFilter(statuses=("confirmed",), in_force=True))
        ]
        replaced = register.get_entry("REQ-0002")
        last = register.history("REQ-0002")[-1]
    assert in_force == ["REQ-0007", "REQ-0008", "REQ-0009"]
    assert (outcome.decided, outcome.superseded) == (3, 3)
    assert replaced.superseded_by == "REQ-0008"
    assert (last.action, last.after) == ("supersede", {"superseded_by": "REQ-0008"})


def test_without_the_choice_a_repeat_orders_terms_stay_in_force_twice(db_url: str) -> None:
    with open_register(db_url) as register:
        documents = _revision_b(register)
        where = EntryFilter(document_ids=(documents["msa-rev-b.pdf"],))
        assert register.apply_earlier_decisions(where, actor="bob") == 4
        in_force = [
            e.ref
            for e in register.iter_entries(EntryFilter(statuses=("confirmed",), in_force=True))
        ]
        repeat = register.get_entry("REQ-0007")
    assert in_force == ["REQ-0001", "REQ-0002", "REQ-0003", "REQ-0007", "REQ-0008", "REQ-0009"]
    assert (repeat.owner, repeat.due_date, repeat.notes) == ("", None, "")


def test_a_third_revision_replaces_the_second_and_a_clause_stated_twice_replaces_once(
    db_url: str,
) -> None:
    """Only entries in force are replaced, each by one entry, never one of its own document."""
    clause = "Parts shall be packed in crates."
    with open_register(db_url) as register:
        for name, copies in (("rev-a.txt", 1), ("rev-b.txt", 1), ("rev-c.txt", 2)):
            register.add_document(
                DocumentInput(name[4] * 64, name, "txt"),
                [CandidateInput(position=i, text=clause, label="specified") for i in range(copies)],
                actor="ann",
            )
            if name == "rev-a.txt":
                register.confirm("REQ-0001", version=1, actor="ann")
            if name == "rev-b.txt":
                assert (
                    register.decide_revision_as_before(EntryFilter(), actor="ann").superseded == 1
                )
        outcome = register.decide_revision_as_before(EntryFilter(), actor="bob")
        entries = {e.ref: e for e in register.iter_entries()}
    assert (outcome.decided, outcome.superseded) == (2, 1)
    assert [entries[ref].superseded_by for ref in sorted(entries)] == [
        "REQ-0002",
        "REQ-0003",
        "",
        "",
    ]
    assert all(entry.status == "confirmed" for entry in entries.values())


def test_an_earlier_entry_changed_meanwhile_is_read_again_before_it_is_replaced(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another reviewer gives revision A's entry an owner after the plan is made: the run
    starts again and revision B takes the owner as it is now."""
    monkeypatch.setattr(service, "APPLY_SLICE", 2)
    with open_register(db_url) as register, open_register(db_url) as other:
        documents = _revision_b(register)
        second = other.get_entry("REQ-0002")
        reports: list[tuple[int, int]] = []

        def meanwhile(done: int, total: int) -> None:
            if not reports:
                other.set_owner(second.ref, "Late - K. Ho", version=second.version, actor="cy")
            reports.append((done, total))

        outcome = register.decide_revision_as_before(
            EntryFilter(document_ids=(documents["msa-rev-b.pdf"],)), actor="bob", progress=meanwhile
        )
        replaced = register.get_entry("REQ-0002")
        taking = register.get_entry("REQ-0008")
    assert (outcome.decided, outcome.superseded) == (4, 3)
    assert (replaced.owner, replaced.superseded_by) == ("Late - K. Ho", "REQ-0008")
    assert taking.owner == "Late - K. Ho"
    assert reports[0] == (0, 4) and reports[-1] == (4, 4)


def test_a_revision_names_the_earlier_entries_it_leaves_in_force(db_url: str) -> None:
    """An automotive walk: revision B dropped clause 5.6 (a resident engineer); deciding B
    as before superseded the rest of revision A and left 5.6 in force without a word."""
    clauses = [
        "The Supplier shall hold IATF 16949 certification.",
        "The Supplier shall provide a resident engineer at the plant until SOP + 3 months.",
        "Parts shall be packed in returnable KLT containers.",
    ]
    with open_register(db_url) as register:
        for name, texts in (("sor-a.pdf", clauses), ("sor-b.pdf", clauses[::2])):
            register.add_document(
                DocumentInput(hashlib.sha256(name.encode()).hexdigest(), name, "pdf", 1),
                [
                    CandidateInput(position=i, text=t, label="specified", confidence=0.9)
                    for i, t in enumerate(texts)
                ],
                actor="ann",
            )
        for ref in ("REQ-0001", "REQ-0002", "REQ-0003"):
            register.confirm(ref, version=1, actor="ann")
        documents = {d.name: d.id for d in register.documents()}
        outcome = register.decide_revision_as_before(
            EntryFilter(document_ids=(documents["sor-b.pdf"],)), actor="bob"
        )
    assert outcome.superseded == 2
    assert outcome.left_in_force == {documents["sor-a.pdf"]: ("REQ-0002",)}
    names = {documents["sor-a.pdf"]: "sor-a.pdf"}
    assert outcome.left_in_force_line(names) == (
        "still in force from the revision replaced, sor-a.pdf: REQ-0002 (the revision does"
        " not say them as they were: withdraw or replace them)"
    )
    assert RevisionDecided(1).left_in_force_line(names) == ""


def test_a_clause_replaced_in_other_words_is_not_decided_as_before(db_url: str) -> None:
    """A machined-parts walk: the drawing's "cylindricity 0.005 mm" (REQ-0001) was replaced
    by a mail's "0.008 mm" (REQ-0002); revision D said 0.005 mm again, and deciding it as
    before put the old value back in force beside the mail's."""
    note = "Cylindricity of bore A shall be 0.005 mm."
    with open_register(db_url) as register:
        _order(register, "drawing-c.txt", [note, "Break all edges 0.2 mm."])
        register.confirm("REQ-0001", version=1, actor="ann")
        register.confirm("REQ-0002", version=1, actor="ann")
        _order(register, "mail.txt", ["Cylindricity of bore A may be 0.008 mm from now on."])
        register.confirm("REQ-0003", version=1, actor="ann")
        register.supersede("REQ-0001", "REQ-0003", version=2, actor="ann")
        _order(register, "drawing-d.txt", [note, "Break all edges 0.2 mm."])
        waiting = register.list_entries(EntryFilter(statuses=("candidate",))).items
        earlier = register.earlier_decisions(waiting)
        outcome = register.decide_revision_as_before(
            EntryFilter(statuses=("candidate",)), actor="bob"
        )
        note_d, edges_d = (register.get_entry(ref) for ref in ("REQ-0004", "REQ-0005"))
    assert earlier[4].replaced == "REQ-0001 by REQ-0003" and earlier[4].agreed is None
    assert earlier[5].agreed is not None and earlier[5].replaced == ""
    assert outcome.decided == 1  # the edges, not the cylindricity
    assert (note_d.status, edges_d.status) == ("candidate", "confirmed")


def test_number_blind_key_keeps_the_item_a_row_opens_with() -> None:
    """Another part, CLIN, line or row id is another item, whatever its numbers."""
    row = number_blind_key("KT-3310: Sensor housing, 8 mm (MOQ: 4,000) (Lead Time: 10 weeks)")
    assert (
        number_blind_key("KT-3310: Sensor housing, 8 mm (MOQ: 2,000) (Lead Time: 6 weeks)") == row
    )
    assert (
        number_blind_key("KT-3312: Sensor housing, 14 mm (MOQ: 2,000) (Lead Time: 6 weeks)") != row
    )
    clin = number_blind_key("0004: Surge Support, Base Year (QTY: 400) (UNIT: HR)")
    assert number_blind_key("0004: Surge Support, Base Year (QTY: 550) (UNIT: HR)") == clin
    assert number_blind_key("1004: Surge Support, Base Year (QTY: 400) (UNIT: HR)") != clin
    # a clause number, a date or a time opening the text is no item
    assert number_blind_key("3.2: Pay within 30 days.") == number_blind_key(
        "4.2: Pay within 45 days."
    )
    assert number_blind_key("2027-01-11: ship 500.") == number_blind_key("2027-02-11: ship 800.")
    assert number_blind_key("10:30 start of works.") == number_blind_key("11:00 start of works.")


SCHEDULE_HEADER = ("Part No.", "Description", "MOQ", "Lead Time")


def test_a_row_of_another_part_does_not_differ_from_this_part_s_row(db_url: str) -> None:
    """An EDGAR-style walk: the amendment's Schedule A row for part CSI-2212 was shown as
    differing from the agreement's row for CSI-2210 (the same words, other numbers), and
    a part the amendment added would have been too."""
    agreement = word_document(
        ["Schedule A - Products, minimum order quantities and lead times"],
        [
            SCHEDULE_HEADER,
            ("KT-3310", "Sensor housing, 8 mm, PBT, black", "4,000", "10 weeks"),
            ("KT-3312", "Sensor housing, 14 mm, PBT, black", "2,000", "10 weeks"),
        ],
    )
    amendment = word_document(
        ["Schedule A - Products, minimum order quantities and lead times (as amended)"],
        [
            SCHEDULE_HEADER,
            ("KT-3310", "Sensor housing, 8 mm, PBT, black", "2,000", "6 weeks"),
            ("KT-3312", "Sensor housing, 14 mm, PBT, black", "2,000", "6 weeks"),
            ("KT-3318", "Sensor housing, 20 mm, PBT, black", "1,000", "8 weeks"),
        ],
    )
    with open_register(db_url) as register:
        import_file(register, "supply-agreement.docx", agreement)
        import_file(register, "first-amendment.docx", amendment)
        waiting = register.list_entries(EntryFilter(statuses=("candidate",))).items
        found = register.earlier_with_other_numbers(waiting)
        differing = register.list_entries(EntryFilter(differs_from_earlier=True)).items
    text_of = {entry.id: entry.text for entry in waiting}
    assert {text_of[entry][:7]: earlier.text[:7] for entry, earlier in found.items()} == {
        "KT-3310": "KT-3310",
        "KT-3312": "KT-3312",
    }
    assert [entry.text[:7] for entry in differing] == ["KT-3310", "KT-3312"]


def test_opening_a_register_of_migration_0011_keeps_the_row_s_item_in_its_key(
    db_url: str,
) -> None:
    row = "KT-3312: Sensor housing, 14 mm (MOQ: 2,000) (Lead Time: 6 weeks)"
    _register_at(db_url, "0011", row, (text_key(row), "the blind key 0011 made"))
    with open_register(db_url):
        pass
    assert _stored_keys(db_url)[1] == number_blind_key(row.replace("14 mm", "12 mm"))
    assert _stored_keys(db_url)[1] != number_blind_key(row.replace("KT-3312", "KT-3310"))
