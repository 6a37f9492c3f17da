"""Requirements that differ from those previously expressed, worded anew (ISO 9001 8.2.3.1 e).

A walk over a six-week customer e-mail thread found 1 of its 10 changed
requirements marked: e-mail writes "level B" where the order said "level C",
"DAP Kassel, not FCA Tamworth", and "earlier" meant uploaded earlier.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import create_engine, text

from extractor.register import CandidateInput, DocumentInput, EntryFilter, open_register
from extractor.register.database import _alembic_config
from extractor.register.reworded import (
    _siblings,
    asks_only,
    changed_from,
    changed_in_revision,
    changed_in_values,
    cited_clauses,
    dated_only,
    line_referenced,
    named_message_day,
    named_rows,
    same_in_columns,
    wording,
    words_given_a_value,
)

from .helpers import import_file, mail, text_document, word_document

ORDER = [
    "Weld imperfections shall meet quality level C according to ISO 5817.",
    "Delivery terms: FCA Tamworth (Incoterms 2020).",
    "All structural steel shall be S355J2+N according to EN 10025-2.",
    "The goods shall be manufactured according to drawing NW-4471-200 rev C.",
]


def _mail(register, name: str, sent: str | None, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    details = {"sender": "Katrin Vogel <kv@example.com>", "sent_at": sent} if sent else None
    register.add_document(
        DocumentInput(hashlib.sha256(name.encode()).hexdigest(), name, "email", None, details),
        [
            CandidateInput(position=i, text=t, label="specified", confidence=0.9)
            for i, t in enumerate(texts)
        ],
        actor="ann",
    )


def _waiting(register):  # type: ignore[no-untyped-def]
    return list(register.iter_entries(EntryFilter(statuses=("candidate",))))


def test_a_reworded_change_points_to_the_earlier_statement(db_url: str) -> None:
    with open_register(db_url) as register:
        _mail(register, "po.eml", "2026-02-10T10:00:00+01:00", ORDER)
        _mail(
            register,
            "spec-b.eml",
            "2026-02-20T09:00:00+01:00",
            [
                "From now on weld imperfections must meet ISO 5817 level B for the frame.",
                "Please note the delivery terms are DAP Kassel, not FCA Tamworth as printed.",
                "Inspection certificates type 3.1 according to EN 10204 shall be supplied for"
                " all structural steel.",
                "Frames shall be manufactured to drawing NW-4471-200, revision C.",
            ],
        )
        found = register.reworded_earlier(_waiting(register))
        listed = register.list_entries(EntryFilter(differs_from_earlier=True)).items
    assert {entry_id: earlier.ref for entry_id, earlier in found.items()} == {
        5: "REQ-0001",  # level C -> B
        6: "REQ-0002",  # FCA -> DAP, the old value named too
    }
    assert found[5].text == ORDER[0]
    assert found[5].document_name == "po.eml"
    assert found[5].sent_at == datetime(2026, 2, 10, 9, 0, tzinfo=UTC)
    # the steel certificates share "structural steel" with the grade: another requirement;
    # the drawing named again as it was: reworded, no change
    assert [entry.ref for entry in listed] == ["REQ-0005", "REQ-0006"]


def test_a_requirement_about_another_thing_sharing_words_is_not_flagged() -> None:
    steel = wording("All structural steel shall be S355J2+N according to EN 10025-2.")
    certificates = wording(
        "Inspection certificates type 3.1 according to EN 10204 shall be supplied for all"
        " structural steel."
    )
    spare = wording("20: Spare mounting plate NW-4471-210 (Quantity: 20 pcs) (Unit price: EUR 38)")
    frame = wording("10: Base frame NW-4471-200 (Quantity: 500 pcs) (Unit price: EUR 412)")
    header = wording("From: Katrin Vogel Sent: 10 February 2026 12:30 To: Tom Adair")
    older_header = wording("From: Katrin Vogel Sent: 4 February 2026 09:40 To: Tom Adair")
    assert changed_from(certificates, steel) is None
    assert changed_from(spare, frame) is None  # another part of the same order
    assert changed_from(header, older_header) is None
    # a standard's number is not a quantity: "ISPM 15" does not replace "10 frames"
    treated = wording("Frames shall be shipped on ISPM 15 heat-treated wooden pallets.")
    per_pallet = wording("Frames shall be shipped on pallets, maximum 10 frames per pallet.")
    assert changed_from(treated, per_pallet) is None
    # reworded, same values: no change; a value only added: no change
    assert (
        changed_from(
            wording("Backups are kept for thirty days."),
            wording("The Provider shall keep backups for 30 days."),
        )
        is None
    )
    level_b = wording("Weld imperfections shall meet quality level B according to ISO 5817.")
    level_c = wording("Weld imperfections shall meet quality level C according to ISO 5817.")
    assert changed_from(level_b, level_c) == 1.0
    fine = wording("General tolerances of all machined dimensions shall be to ISO 2768-f.")
    medium = wording("General tolerances of all machined dimensions shall be to ISO 2768-m.")
    assert changed_from(fine, medium) == 1.0  # another class of the same standard


def test_a_later_sent_document_is_not_taken_for_an_earlier_one(db_url: str) -> None:
    """Mails uploaded out of order: what was sent first is the earlier one; the walk saw
    the original order point to its revision uploaded before it."""
    revised = "Weld imperfections shall meet quality level B according to ISO 5817."
    changed_terms = "Payment terms: 45 days net."
    with open_register(db_url) as register:
        _mail(register, "rev1.eml", "2026-03-13T10:00:00+01:00", [revised, changed_terms])
        _mail(
            register,
            "rev0.eml",
            "2026-02-10T10:00:00+01:00",
            [ORDER[0], "Payment terms: 60 days net."],
        )
        waiting = _waiting(register)
        reworded = register.reworded_earlier(waiting)
        numbers = register.earlier_with_other_numbers(waiting)
        listed = register.list_entries(EntryFilter(differs_from_earlier=True)).items
        register.confirm("REQ-0001", version=1, actor="ann")
        decided = register.decided_with_other_numbers(_waiting(register))
    # rev1 (uploaded first) differs from rev0 (sent first), never the other way round
    assert {i: e.ref for i, e in reworded.items()} == {1: "REQ-0003"}
    assert {i: e.ref for i, e in numbers.items()} == {2: "REQ-0004"}
    assert [entry.ref for entry in listed] == ["REQ-0001", "REQ-0002"]
    assert decided == {}  # rev0's clause does not "differ" from rev1's decided later


def test_without_dates_upload_order_decides(db_url: str) -> None:
    with open_register(db_url) as register:
        _mail(register, "a.txt", None, ORDER[:1])
        _mail(register, "b.txt", None, [ORDER[0].replace("level C", "level B")])
        found = register.reworded_earlier(_waiting(register))
    assert {i: e.ref for i, e in found.items()} == {2: "REQ-0001"}


def test_a_statement_stating_a_change_is_in_the_differs_filter(db_url: str) -> None:
    with open_register(db_url) as register:
        _mail(register, "m01.eml", "2026-02-02T10:00:00+01:00", ["We need 500 frames in total."])
        _mail(
            register,
            "m14.eml",
            "2026-02-16T10:00:00+01:00",
            ["Our forecast was updated: please make it 600 units instead of 500.", "Thanks."],
        )
        listed = register.list_entries(EntryFilter(differs_from_earlier=True)).items
    assert [(entry.ref, entry.change_cue) for entry in listed] == [("REQ-0002", "instead of")]


def test_a_change_said_again_in_the_same_words_is_no_new_change(db_url: str) -> None:
    """A food walk: issue 3 of a specification repeated issue 2's "Almond is removed ...
    replaced by coconut cream" and was listed again as differing."""
    change = "Our forecast was updated: please make it 600 units instead of 500."
    with open_register(db_url) as register:
        _mail(register, "m01.eml", "2026-02-02T10:00:00+01:00", ["We need 500 frames in total."])
        _mail(register, "m14.eml", "2026-02-16T10:00:00+01:00", [change])
        _mail(register, "m15.eml", "2026-02-17T10:00:00+01:00", [change, "Thanks."])
        waiting = register.list_entries(EntryFilter(differs_from_earlier=True)).items
        register.confirm("REQ-0002", version=1, actor="ann")
        decided = register.list_entries(EntryFilter(differs_from_earlier=True)).items
    # while the first telling waits, the second is a change to see too; once decided, not
    assert [entry.ref for entry in waiting] == ["REQ-0002", "REQ-0003"]
    assert [entry.ref for entry in decided] == ["REQ-0002"]


SPEC_ISSUE_1 = [
    "Product: Chicken tikka masala with rice, 400 g.",
    "Fat (Per 100 g: 4.2 g) (Tolerance: ±1.5 g)",
    "Contains: Milk, Almonds.",
    "Storage: keep refrigerated at 0 °C to 5 °C.",
    "Packaging: CPET tray with peelable film lid.",
    "Each pack shall carry the retailer's barcode.",
]


def test_a_field_changed_in_its_words_in_the_next_revision_points_to_it(db_url: str) -> None:
    """A food walk: issue 2 of a product specification swapped "Contains: Milk, Almonds." for
    "Contains: Milk, Mustard." and no hint said so (no number changed, so no "value"): a
    field of the previous revision changed in its words is a change; the same field in a
    document that is no revision of it (an order of another product) is not."""
    issue_2 = [text.replace("Almonds", "Mustard") for text in SPEC_ISSUE_1]
    with open_register(db_url) as register:
        _mail(register, "spec-issue-1.docx", None, SPEC_ISSUE_1)
        _mail(register, "spec-issue-2.docx", None, issue_2)
        _mail(register, "soup-spec.docx", None, ["Contains: Milk, Celery.", "Serve hot."])
        waiting = _waiting(register)
        found = register.reworded_earlier(waiting)
        listed = register.list_entries(EntryFilter(differs_from_earlier=True)).items
    by_text = {entry.text: found.get(entry.id) for entry in waiting}
    assert by_text["Contains: Milk, Mustard."].ref == "REQ-0003"  # type: ignore[union-attr]
    assert by_text["Contains: Milk, Celery."] is None  # another product's own allergens
    assert [entry.text for entry in listed] == ["Contains: Milk, Mustard."]


def test_a_bulk_reject_of_sure_nones_leaves_out_what_differs(db_url: str) -> None:
    """The food walk's bulk reject listed the changed allergen line (`none` at 0.96)."""
    issue_2 = [text.replace("Almonds", "Mustard") for text in SPEC_ISSUE_1]
    with open_register(db_url) as register:
        for name, texts in (("spec-issue-1.docx", SPEC_ISSUE_1), ("spec-issue-2.docx", issue_2)):
            register.add_document(
                DocumentInput(hashlib.sha256(name.encode()).hexdigest(), name, "docx"),
                [
                    CandidateInput(position=i, text=t, label="none", confidence=0.96)
                    for i, t in enumerate(texts)
                ],
                actor="ann",
            )
        sure_nones = EntryFilter(statuses=("candidate",), labels=("none",), document_ids=(2,))
        every = register.list_entries(sure_nones).items
        kept = register.list_entries(dataclasses.replace(sure_nones, differing_left_out=True)).items
        register.confirm("REQ-0006", version=1, actor="ann", label="specified")  # barcode
        unconfirmed = register.list_entries(
            dataclasses.replace(sure_nones, confirmed_text_left_out=True)
        ).items
    assert len(every) == len(SPEC_ISSUE_1)
    assert [entry.text for entry in every if entry not in kept] == ["Contains: Milk, Mustard."]
    # issue 2's barcode line, confirmed as a requirement in issue 1, is no sure `none`
    assert [e.text for e in every if e not in unconfirmed] == [
        "Each pack shall carry the retailer's barcode."
    ]


def test_a_register_made_before_reworded_links_gets_them_when_opened(db_url: str) -> None:
    engine = create_engine(db_url)
    config = _alembic_config()
    now = datetime(2026, 1, 5, tzinfo=UTC)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0006")
        for number, (sha, sent, statement) in enumerate(
            (
                ("a", "2026-03-01T10:00:00+00:00", ORDER[0].replace("level C", "level B")),
                ("b", "2026-02-01T10:00:00+00:00", ORDER[0]),
            ),
            1,
        ):
            connection.execute(
                text(
                    "INSERT INTO documents (id, sha256, name, kind, pages, uploaded_by,"
                    " uploaded_at, details) VALUES (:id, :sha, :name, 'email', NULL, 'ann',"
                    " :now, :details)"
                ),
                {
                    "id": number,
                    "sha": sha * 64,
                    "name": f"{sha}.eml",
                    "now": now,
                    "details": f'{{"sent_at": "{sent}"}}',
                },
            )
            connection.execute(
                text(
                    "INSERT INTO candidates (id, document_id, position, text, label, confidence,"
                    " page, boxes, clause, section, kind, annotations, imported_at) VALUES"
                    " (:id, :document, 0, :text, 'specified', 0.9, NULL, '[]', '', '',"
                    " 'paragraph', '{}', :now)"
                ),
                {"id": f"c{number}", "document": number, "text": statement, "now": now},
            )
            connection.execute(
                text(
                    "INSERT INTO entries (id, candidate_id, document_id, text, label, confidence,"
                    " status, page, clause, boxes, owner, due_date, notes, created_at,"
                    " updated_at, updated_by, version) VALUES (:id, :candidate, :document,"
                    " :text, 'specified', 0.9, 'candidate', NULL, '', '[]', '', NULL, '', :now,"
                    " :now, 'ann', 1)"
                ),
                {
                    "id": number,
                    "candidate": f"c{number}",
                    "document": number,
                    "text": statement,
                    "now": now,
                },
            )
    engine.dispose()
    with open_register(db_url) as register:
        found = register.reworded_earlier(_waiting(register))
    assert {i: e.ref for i, e in found.items()} == {1: "REQ-0002"}  # sent earlier, uploaded later


TENDER = [  # (clause, text) of an invitation to tender
    ("3.1.2.1", "The net cooling capacity of the saloon Unit at the Design Point shall be not less"
     " than 38 kW, measured at the supply air outlet with the evaporator fan at nominal speed."),
    ("3.1.2.2", "The net cooling capacity of the cab Unit at the Design Point shall be not less"
     " than 5.5 kW."),
    ("3.2.1.1", "The Unit shall operate without loss of function for outside air temperatures"
     " from -35 °C to +40 °C, and shall survive storage at -45 °C without damage."),
    ("C.18.1", "The Defects Liability Period shall be 24 months from Acceptance."),
]  # fmt: skip


def _tender_then(register, answers: list[str]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The tender imported, then a clarification mail: each answer's linked earlier clause."""
    register.add_document(
        DocumentInput("c" * 64, "itt.pdf", "pdf", 40, {"sent_at": "2026-09-01T09:00:00+00:00"}),
        [
            CandidateInput(position=i, text=t, label="specified", confidence=0.9, clause=c)
            for i, (c, t) in enumerate(TENDER)
        ],
        actor="ann",
    )
    _mail(register, "clarification.eml", "2026-10-02T09:00:00+00:00", answers)
    return _linked_clauses(register)


def _linked_clauses(register, document: str = "") -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each waiting statement (of ``document``, if named) and its linked earlier clause."""
    waiting = _waiting(register)
    clause_of = {entry.ref: entry.clause for entry in waiting}
    text_of = {
        entry.id: entry.text for entry in waiting if not document or entry.document_name == document
    }
    return {
        text_of[entry_id]: clause_of[earlier.ref]
        for entry_id, earlier in register.reworded_earlier(waiting).items()
        if entry_id in text_of
    }


def test_a_clarification_is_linked_to_the_clause_it_changes(db_url: str) -> None:
    """A tender walk: 4 of 10 clarified values pointed to the right clause. '42 kW instead of
    38 kW' for the saloon had been taken for the cab's clause (shorter, so a higher cosine),
    '-40 °C' for '-35 °C' was no change (signs were dropped), and answers naming their
    clause were not linked by their few shared words."""
    with open_register(db_url) as register:
        linked = _tender_then(
            register,
            [
                "The net cooling capacity of the saloon Unit at the Design Point shall be not"
                " less than 42 kW instead of 38 kW.",
                "The Unit shall operate without loss of function for outside air temperatures"
                " from -40 °C to +40 °C (previously -35 °C to +40 °C).",
                "No. The period of clause C.18.1 is extended to 36 months (previously 24).",
                # a question restating its clause's value, pointing at an annex: no change
                "Clause 3.2.1.1 requires operation down to -35 °C, but Annex 11 differs.",
            ],
        )
    assert linked == {
        "The net cooling capacity of the saloon Unit at the Design Point shall be not less than"
        " 42 kW instead of 38 kW.": "3.1.2.1",
        "The Unit shall operate without loss of function for outside air temperatures from"
        " -40 °C to +40 °C (previously -35 °C to +40 °C).": "3.2.1.1",
        "No. The period of clause C.18.1 is extended to 36 months (previously 24).": "C.18.1",
    }


def test_rank_cited_clauses_and_pointers() -> None:
    from extractor.register.reworded import cited_clauses, rank, referenced_numbers

    later = wording("The saloon Unit shall be not less than 42 kW instead of 38 kW.")
    saloon = wording("The saloon Unit shall be not less than 38 kW, measured at the outlet.")
    cab = wording("The cab Unit shall be not less than 5.5 kW.")
    assert rank(later, saloon, 0.6) > rank(later, cab, 0.8)
    assert cited_clauses("in clause 3.1.6.2, clauses A.3.2 and 4.1 and clause C.18") == {
        "3.1.6.2",
        "A.3.2",
        "C.18",
    }
    assert cited_clauses("within 3.1 days of the clause") == set()
    # an IT services walk: "not 4 May 2026 as stated in section 1.3 of SOW-01"
    assert cited_clauses("as stated in section 1.3 of SOW-01, and §4.2") == {"1.3", "4.2"}
    assert referenced_numbers("see Annex 11, Table 3-1 and item 2.1 (criterion E3)") == {
        "11",
        "3-1",
        "2.1",
        "e3",
    }
    assert wording("from -40 °C to +40 °C").values == {"-40", "40"}
    assert wording("10 - 12 pieces, 10-12 %, item-4").values == {"10", "12", "10-12", "item-4"}


def test_a_schedule_row_said_again_is_no_change_of_its_neighbour(db_url: str) -> None:
    """A tender walk: a revised delivery schedule's unchanged rows were each flagged as
    changing the row next to them (same words, other numbers); only row 1.1 changed."""
    earlier = [
        "1: 1.1 (Description: Saloon Unit, first article) (Qty: 1) (Delivery week: 2027-W30)",
        "1: 1.2 (Description: Saloon Unit, series batch 1) (Qty: 16) (Delivery week: 2027-W36)",
        "1: 1.3 (Description: Saloon Unit, series batch 2) (Qty: 20) (Delivery week: 2027-W40)",
    ]
    later = [
        "1: 1.1 (Description: Saloon Unit, first article) (Quantity: 1) (Delivery week:"
        " 2027-W26) (Incoterms: DAP)",
        "1: 1.2 (Description: Saloon Unit, series batch 1) (Quantity: 16) (Delivery week:"
        " 2027-W36) (Incoterms: DAP)",
        "1: 1.3 (Description: Saloon Unit, series batch 2) (Quantity: 20) (Delivery week:"
        " 2027-W40) (Incoterms: DAP)",
    ]
    with open_register(db_url) as register:
        _mail(register, "itt.eml", "2026-09-01T09:00:00+00:00", earlier)
        _mail(register, "schedule.eml", "2026-10-16T09:00:00+00:00", later)
        waiting = _waiting(register)
        found = register.reworded_earlier(waiting)
    text_of = {entry.id: entry.text for entry in waiting}
    assert {text_of[entry_id][:6]: link.text[:6] for entry_id, link in found.items()} == {
        "1: 1.1": "1: 1.1"
    }


def _then_numbered(register, name: str, rows: list[tuple[str, str]]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """``name`` imported after the tender with its own clause numbers: each statement's
    linked earlier clause."""
    register.add_document(
        DocumentInput(hashlib.sha256(name.encode()).hexdigest(), name, "pdf", 2, None),
        [
            CandidateInput(position=i, text=t, label="specified", confidence=0.9, clause=c)
            for i, (c, t) in enumerate(rows)
        ],
        actor="ann",
    )
    return _linked_clauses(register, name)


def test_a_numbered_answer_points_at_the_tender_clause_it_names(db_url: str) -> None:
    """Session 19: answers numbered "A8" lost their link to "clause C.18.1" once their
    number became their clause; only a clause the document has itself is its own."""
    with open_register(db_url) as register:
        _tender_then(register, [])
        answers = _then_numbered(
            register,
            "clarification-2.pdf",
            [("A8", "No. The period of clause C.18.1 is extended to 36 months (previously 24).")],
        )
        own = _then_numbered(
            register,
            "conditions.pdf",
            [
                ("C.18.1", "Spare parts are delivered within 10 working days."),
                ("C.18.2", "Clause C.18.1 applies also to repairs, 36 months after delivery."),
            ],
        )
    assert answers == {
        "No. The period of clause C.18.1 is extended to 36 months (previously 24).": "C.18.1"
    }
    assert own == {}


def test_a_clause_said_again_ranks_above_the_table_row_holding_its_words() -> None:
    """Session 19: once the parameter table's row named its "Saloon Unit", it held as many of
    the clarification's words as clause 3.1.2.1 and, shorter, won on cosine alone."""
    from extractor.register.reworded import cosine, rank

    later = wording(
        "The net cooling capacity of the saloon Unit at the Design Point shall be not less"
        " than 42 kW instead of 38 kW."
    )
    clause = wording(
        "The net cooling capacity of the saloon Unit at the Design Point shall be not less than"
        " 38 kW, measured at the supply air outlet with the evaporator fan at nominal speed."
    )
    row = wording(
        "Net cooling capacity at Design Point (Saloon Unit: ≥ 38) (Cab Unit: ≥ 5.5) (Unit: kW)"
    )
    assert cosine(later, row) > cosine(later, clause)
    assert rank(later, clause, cosine(later, clause)) > rank(later, row, cosine(later, row))


def test_relink_finds_the_changes_again_by_todays_rules(db_url: str) -> None:
    """A register imported with an older reqx keeps the links of its day: here none for the
    answer numbered "A8", and one no rule makes today. ``relink_reworded`` drops them all and
    links every document again; decisions and the audit trail stay as they were."""
    with open_register(db_url) as register:
        _tender_then(register, [])
        _then_numbered(
            register,
            "clarification-2.pdf",
            [("A8", "No. The period of clause C.18.1 is extended to 36 months (previously 24).")],
        )
        register.confirm("REQ-0004", version=1, actor="ann")
        events = register.chain_head().events
    engine = create_engine(db_url)
    links = "SELECT candidate_id, earlier_id, similarity FROM reworded_links ORDER BY 1, 2"
    with engine.begin() as connection:  # as an older reqx had left it
        imported = connection.execute(text(links)).all()
        connection.execute(text("DELETE FROM reworded_links"))
        first, second = connection.execute(
            text("SELECT id FROM candidates ORDER BY document_id, position LIMIT 2")
        ).scalars()
        connection.execute(
            text("INSERT INTO reworded_links VALUES (:a, :b, 1.0)"), {"a": second, "b": first}
        )
    engine.dispose()
    reports: list[tuple[int, int]] = []
    with open_register(db_url) as register:
        assert register.relink_reworded(progress=lambda *done: reports.append(done)) == 1
        waiting = _waiting(register)
        found = {
            next(e.text for e in waiting if e.id == entry_id)[:9]: earlier.ref
            for entry_id, earlier in register.reworded_earlier(waiting).items()
        }
        assert register.chain_head().events == events
        assert register.get_entry("REQ-0004").status == "confirmed"
    assert found == {"No. The p": "REQ-0004"}
    assert reports[0] == (0, 3) and reports[-1] == (3, 3)  # the tender and two mails
    engine = create_engine(db_url)
    with engine.connect() as connection:  # the links the imports made, no more, no fewer
        assert connection.execute(text(links)).all() == imported
    engine.dispose()


def test_a_superseded_earlier_statement_names_the_entry_in_force(db_url: str) -> None:
    """A medical-device walk: a later change was offered the superseded entry to replace."""
    with open_register(db_url) as register:
        _mail(register, "po.eml", "2026-02-10T10:00:00+01:00", [ORDER[1]])
        _mail(register, "b.eml", "2026-02-20T10:00:00+01:00", ["Delivery is DAP Kassel now."])
        register.confirm("REQ-0001", version=1, actor="ann")
        register.confirm("REQ-0002", version=1, actor="ann")
        register.supersede("REQ-0001", "REQ-0002", version=2, actor="ann")
        _mail(
            register,
            "c.eml",
            "2026-03-01T10:00:00+01:00",
            ["Please note the delivery terms are DDP Kassel, not FCA Tamworth as printed."],
        )
        found = register.reworded_earlier(_waiting(register))
    assert [(e.ref, e.in_force) for e in found.values()] == [("REQ-0001", "REQ-0002")]


def test_a_change_names_the_table_row_stating_its_clause_again(db_url: str) -> None:
    """A medical-device walk: the tolerance mail was linked to the specification's clause
    but not to the quality agreement's CTQ row with the same tolerance, whose extra
    columns left it too few words in common with the mail."""
    with open_register(db_url) as register:
        _mail(
            register,
            "qa.eml",
            "2026-01-10T10:00:00+01:00",
            [
                "CTQ-1 Wall thickness at rib R4 (Nominal: 2.00 mm) (Tolerance: ± 0.10 mm)"
                " (Method: CMM) (Sampling: 5 parts per cavity per shift)",
                "CTQ-2 Wall thickness at rib R7 (Nominal: 1.60 mm) (Tolerance: ± 0.10 mm)"
                " (Method: CMM) (Sampling: 5 parts per cavity per shift)",
            ],
        )
        _mail(
            register,
            "spec.eml",
            "2026-01-12T10:00:00+01:00",
            ["PS-011: 4.2 The wall thickness at rib R4 shall be 2.00 mm ± 0.10 mm."],
        )
        _mail(
            register,
            "change.eml",
            "2026-02-02T10:00:00+01:00",
            [
                "With immediate effect the wall thickness at rib R4 shall be 2.00 mm +/- 0.05 mm"
                " instead of +/- 0.10 mm."
            ],
        )
        (earlier,) = register.reworded_earlier(_waiting(register)[-1:]).values()
    assert earlier.ref == "REQ-0003"  # the clause first, as before
    assert earlier.also == (("REQ-0001", "candidate"),)  # CTQ-1; CTQ-2 is rib R7


def test_a_moved_date_names_no_other_line_with_that_date(db_url: str) -> None:
    """Siblings hold every value the change shares with the linked statement (and no other
    part number): the order's other line due the same day keeps its date."""
    lines = [
        "10: HIT-20416 (Description: Housing, PC/ABS, grey) (Qty: 6,000) (Delivery date:"
        " 2026-03-16)",
        "20: HIT-20417 (Description: Cover, PC/ABS, grey) (Qty: 6,000) (Delivery date: 2026-03-16)",
    ]
    with open_register(db_url) as register:
        _mail(register, "po.eml", "2026-02-10T10:00:00+01:00", lines)
        _mail(
            register,
            "move.eml",
            "2026-02-20T10:00:00+01:00",
            [
                "Line 20, HIT-20417 cover PC/ABS grey, qty 6,000: delivery date 2026-03-30"
                " instead of 2026-03-16."
            ],
        )
        found = register.reworded_earlier(_waiting(register)[-1:])
    assert [(e.ref, e.also) for e in found.values()] == [("REQ-0002", ())]


def test_siblings_hold_the_values_the_change_keeps() -> None:
    later = wording("Line 20 cover, grey: delivery date 2026-03-30 instead of 2026-03-16.")
    best = wording("20: Cover, grey (Qty: 6,000) (Delivery date: 2026-03-16)")
    earlier = {
        "line 10": wording("10: Housing, grey (Qty: 6,000) (Delivery date: 2026-03-16)"),
        "schedule": wording("20: Cover, grey (Quantity: 6,000) (Delivery date: 2026-03-16)"),
        "other words": wording("20: Lid (Colour: grey) (Delivery: 2026-03-16)"),
    }
    assert _siblings(later, best, earlier, set()) == ["schedule"]
    assert _siblings(wording("Delivery 2026-03-30 instead."), best, earlier, set()) == []


def test_a_change_is_found_by_the_values_it_names(db_url: str) -> None:
    """An automotive walk: 'the annual volume increases from 180,000 to 240,000' for 2029
    and 2030 shares two words with the volume rows, too few for a rewording, but names
    their years and their old volume."""
    rows = [
        f"{year} (Planned volume: {volume}) (Remark: {remark})"
        for year, volume, remark in (
            (2028, "120,000", "SOP June 2028"),
            (2029, "180,000", "peak"),
            (2030, "180,000", "peak"),
            (2031, "150,000", "run-out begins"),
        )
    ]
    with open_register(db_url) as register:
        _mail(register, "sor.eml", "2026-11-02T10:00:00+01:00", rows)
        _mail(
            register,
            "volumes.eml",
            "2026-11-20T10:00:00+01:00",
            [
                "For the peak years 2029 and 2030 please note the annual volume increases"
                " from 180,000 to 240,000 pieces.",
                "Our plant in 2029 will run 180,000 hours of tests.",  # no change stated
                "Invoices of 2029 over 180,000 are now paid in 45 instead of 60 days.",
            ],
        )
        found = register.reworded_earlier(_waiting(register)[4:])
    assert [(e.ref, e.also) for e in found.values()] == [("REQ-0002", (("REQ-0003", "candidate"),))]


def test_changed_in_values_needs_two_values_a_new_one_and_a_word() -> None:
    row = wording("2029 (Planned volume: 180,000) (Remark: peak)")
    change = wording("The 2029 volume increases from 180,000 to 240,000 pieces.")
    assert changed_in_values(change, row) is not None
    assert changed_in_values(wording("The 2029 volume stays at 180,000."), row) is None
    assert changed_in_values(wording("Volume 240,000 from 2029."), row) is None
    assert changed_in_values(wording("2029: 180,000 replaced by 240,000."), row) is None


REVISION_A = [
    ("7.1", "The Supplier shall register the substances of the Products under REACH."),
    ("7.2", "The Products shall meet the End-of-Life Vehicles Directive 2000/53/EC."),
    ("7.3", "The brake shall be homologated to UN ECE R13-H by the vehicle maker."),
    ("7.4", "Replacement pads shall be approved to UN ECE R90."),
    ("7.5", "The brake system shall be prepared for brake particle emission measurement"
            " according to UN GTR No. 24."),
    ("7.6", "Friction material shall contain less than 0.5 % copper by weight."),
]  # fmt: skip


def _numbered(register, name: str, rows: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    register.add_document(
        DocumentInput(hashlib.sha256(name.encode()).hexdigest(), name, "pdf", 8, None),
        [
            CandidateInput(position=i, text=t, label="statutory", confidence=0.9, clause=c)
            for i, (c, t) in enumerate(rows)
        ],
        actor="ann",
    )


def test_the_previous_revisions_clause_reworded_with_a_new_value_is_linked(db_url: str) -> None:
    """An automotive walk: revision B's 7.5 (Euro 7 added) said only "new or reworded",
    although revision A's 7.5 was confirmed; values were added, none replaced."""
    revision_b = [
        *REVISION_A[:4],
        ("7.5", "The brake system shall comply with the brake particle emission limits of"
                " Regulation (EU) 2024/1257 (Euro 7), measured according to UN GTR No. 24."),
        REVISION_A[5],
    ]  # fmt: skip
    other_customer = [  # numbered alike, other words
        (clause, f"Deliveries of lot {clause} shall be packed in {clause} crates of 2024 kind.")
        for clause, _ in REVISION_A
    ]
    with open_register(db_url) as register:
        _numbered(register, "sor-a.pdf", REVISION_A)
        _numbered(register, "other.pdf", other_customer)
        _numbered(register, "sor-b.pdf", revision_b)
        found = _linked_clauses(register, "sor-b.pdf")
        other = _linked_clauses(register, "other.pdf")
        refs = {
            e.text[:40]: earlier.ref
            for e in _waiting(register)
            for entry_id, earlier in register.reworded_earlier([e]).items()
        }
    assert found == {revision_b[4][1]: "7.5"}
    assert refs == {revision_b[4][1][:40]: "REQ-0005"}
    assert other == {}


def test_the_previous_revisions_clause_reworded_in_words_alone_is_linked(db_url: str) -> None:
    """Revision B said clause 7.6 otherwise with no value added: its card had said "new or
    reworded" and left the reviewer to find revision A's entry by hand."""
    revision_b = [
        *REVISION_A[:5],
        ("7.6", "Friction material shall contain less than 0.5 % copper by weight and no"
                " asbestos, lead or cadmium."),
    ]  # fmt: skip
    with open_register(db_url) as register:
        _numbered(register, "sor-a.pdf", REVISION_A)
        _numbered(register, "sor-b.pdf", revision_b)
        found = _linked_clauses(register, "sor-b.pdf")
    assert found == {revision_b[5][1]: "7.6"}


def test_changed_in_revision_wants_half_the_words_when_no_value_is_added() -> None:
    earlier = wording("The Supplier shall notify the Buyer of any change to the process.")
    assert changed_in_revision(
        wording("The Supplier shall notify the Buyer in writing of any change to the process."),
        earlier,
    )
    assert (
        changed_in_revision(wording("Invoices are paid monthly by bank transfer."), earlier) is None
    )
    assert (
        changed_in_revision(
            wording("The Supplier shall notify the Buyer of any change to the process"), earlier
        )
        is None
    )


def test_a_mail_naming_the_section_it_changes_is_linked_to_it(db_url: str) -> None:
    """An IT services walk: the CIO's "go-live ... moved to 1 June 2026, not 4 May 2026 as
    stated in section 1.3 of SOW-01" was linked to nothing."""
    sow = [
        ("1.1", "The Supplier shall migrate the EHR platform to the new data centre."),
        ("1.2", "The migration covers three hospitals and 4,200 users."),
        ("1.3", "Go-live of the migrated platform is planned for 4 May 2026."),
        ("1.4", "The Supplier shall provide hypercare for 6 weeks after go-live."),
        ("1.5", "Training shall be completed two weeks before go-live."),
    ]
    with open_register(db_url) as register:
        _numbered(register, "sow.docx", sow)
        found = _linked_from_mail(
            register,
            "Following the board, the go-live has been moved to 1 June 2026, not 4 May 2026 as"
            " stated in section 1.3 of SOW-01.",
        )
    assert found == ["REQ-0003"]


def _linked_from_mail(register, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Import a one-statement mail; the earlier entries its card would name."""
    register.add_document(
        DocumentInput("e" * 64, "cio.eml", "email", None, None),
        [CandidateInput(position=0, text=text)],
        actor="ann",
    )
    mail = [e for e in _waiting(register) if e.document_name == "cio.eml"]
    return [earlier.ref for earlier in register.reworded_earlier(mail).values()]


def test_rows_with_their_own_ids_are_other_rows_not_one_changed() -> None:
    """An IT services walk: revision B's added deliverable "D5: Clinical safety case report"
    was offered as replacing "D4: Go-live readiness report" (another due date)."""
    d4 = wording("D4: Go-live readiness report (Due date: 2026-04-27) (Owner: Supplier)")
    d5 = wording("D5: Clinical safety case report (Due date: 2026-05-27) (Owner: Supplier)")
    d4_later = wording("D4: Go-live readiness report (Due date: 2026-05-22) (Owner: Supplier)")
    assert (d4.row_key, d5.row_key) == ("d4", "d5")
    assert changed_from(d5, d4) is None
    assert changed_from(d4_later, d4) is not None  # the same row with another date
    assert wording("10: HA-2210-101 (Qty: 200)").row_key == ""  # a line number is no id


def test_what_remains_of_a_measure_is_no_change_of_the_whole_measure(db_url: str) -> None:
    """A pharmaceutical walk: the order's "at least eighteen (18) months of remaining shelf
    life on delivery" was marked "May differ" from the specification's "Shelf life: 24
    months at +2 °C to +8 °C." (three words shared, cosine 0.65): two measures."""
    whole = wording("Shelf life: 24 months at +2 °C to +8 °C.")
    remaining = (
        "Goods shall have at least eighteen (18) months of remaining shelf life on delivery."
    )
    assert changed_from(wording(remaining), whole) is None
    assert changed_from(wording("Shelf life: 18 months at +2 °C to +8 °C."), whole) is not None
    residual = wording("Residual shelf life on delivery: at least 12 months.")
    assert changed_from(residual, wording(remaining)) is not None  # both what remains
    with open_register(db_url) as register:
        _mail(
            register,
            "spec.eml",
            "2026-02-10T10:00:00+01:00",
            ["Shelf life: 24 months at +2 °C to +8 °C."],
        )
        _mail(register, "po.eml", "2026-02-12T10:00:00+01:00", [remaining])
        assert register.count_entries(EntryFilter(differs_from_earlier=True)) == 0


def test_two_fields_of_a_data_sheet_are_no_change_of_each_other() -> None:
    """A chemicals walk: the questionnaire's "Amine value: 20 - 30 mg KOH/g" was marked
    "May differ" from the quality requirements' "Acid value: max. 10 mg KOH/g"."""
    acid = wording("Acid value: max. 10 mg KOH/g (Test method: ISO 2114)")
    amine = wording("Amine value: 20 – 30 mg KOH/g (Method: DIN 53176)")
    assert changed_from(amine, acid) is None
    assert changed_from(wording("Acid value: max. 8 mg KOH/g (Test method: ISO 2114)"), acid)


def test_a_change_of_a_small_value_with_its_unit_finds_the_row_it_changes(db_url: str) -> None:
    """An IT services walk: "the P1 resolution time to be 2 hours instead of 4 hours" was
    not linked to the service-level row "P1 - Critical (Resolution time: 4 hours)"; nor
    may "4 hours" find a row of "24 hours"."""
    rows = [
        "P1 - Critical (Response time: 15 minutes) (Resolution time: 4 hours)",
        "P2 - High (Response time: 30 minutes) (Resolution time: 8 hours)",
        "P3 - Medium (Response time: 4 hours) (Resolution time: 24 hours)",
    ]
    with open_register(db_url) as register:
        register.add_document(
            DocumentInput("a" * 64, "sow.docx", "docx", None, None),
            [CandidateInput(position=i, text=t) for i, t in enumerate(rows)],
            actor="ann",
        )
        found = _linked_from_mail(
            register,
            "The board asked for the P1 resolution time to be 2 hours instead of 4 hours.",
        )
    assert found == ["REQ-0001"]


GRID_SPEC = [
    ("5.1", "The plant shall comply with Commission Regulation (EU) 2016/631 establishing a"
            " network code on requirements for grid connection of generators, including fault"
            " ride-through, frequency response and a reactive power capability of 0.95 leading"
            " to 0.95 lagging at the point of interconnection."),
    ("5.2", "The plant shall be able to operate between 47.5 Hz and 51.5 Hz."),
    ("6.3", "The BESS shall provide a usable energy of 80 MWh at the point of interconnection."),
    ("6.4", "Battery containers shall be placed at least 3 m apart."),
    ("6.5", "Noise from the plant shall not exceed 35 dB(A) LAeq,15min at night at the nearest"
            " noise-sensitive location."),
    ("6.6", "Inverters shall be of outdoor type with IP65 enclosures."),
]  # fmt: skip


def test_a_terse_change_naming_the_old_value_is_linked_to_the_long_clause(db_url: str) -> None:
    """An energy walk's grid engineer: "Reactive power capability 0.93 leading to 0.93
    lagging at POI, not 0.95." shares five words with the long grid-code clause 5.1, too
    few to be its rewording, but names its value; it was linked to nothing."""
    with open_register(db_url) as register:
        _numbered(register, "er-rev-a.docx", GRID_SPEC)
        _mail(
            register,
            "grid.eml",
            None,
            [
                "Reactive power capability 0.93 leading to 0.93 lagging at POI, not 0.95.",
                "Frequency range stays as it is, not narrower.",  # names no value of 5.2
            ],
        )
        found = _linked_clauses(register, "grid.eml")
    assert found == {
        "Reactive power capability 0.93 leading to 0.93 lagging at POI, not 0.95.": "5.1"
    }


def test_a_changed_time_naming_the_old_one_is_linked_to_the_clause(db_url: str) -> None:
    """A chemicals walk: "..., not 14:00 as in the supply agreement." found no old value
    (more than a value before the full stop) and times read as "06" and "00", so the new
    delivery window was linked to nothing; "may be refused" counted as the month May."""
    window = (
        "Delivery windows at the Linz plant are Monday to Thursday 06:00 to 14:00 and Friday"
        " 06:00 to 11:00; tank trucks arriving outside these windows may be refused."
    )
    change = (
        "From 1 April 2026 the delivery window for tank trucks is Mon-Thu 06:00 to 12:00"
        " only, not 14:00 as in the supply agreement."
    )
    assert wording(window).values == {"06:00", "14:00", "11:00"}
    with open_register(db_url) as register:
        _numbered(
            register,
            "supply-agreement.pdf",
            [("3.4", "Each delivery shall be announced 24 hours ahead."), ("3.5", window)],
        )
        _mail(
            register, "logistics.eml", None, [change, "The window on friday stays 06:00 to 11:00."]
        )
        found = _linked_clauses(register, "logistics.eml")
    assert found == {change: "3.5"}


def test_a_schedule_mailed_as_a_table_is_linked_to_the_order_lines_it_moves(
    db_url: str,
) -> None:
    """An electronics walk: the buyer's HTML mail "10: APC-CTL-4410 (Qty: 800) (Delivery
    date: 19.04.2027)" moved line 10 from 26.04.2027 and nothing was flagged: its five
    words against the order row's fifteen, most of them column names."""
    order = [
        (
            "",
            f"{line}: {part} (Rev: B) (Description: Controller board assembly, conformal"
            f" coated) (Qty: {qty}) (Unit price EUR: 41.80) (Delivery date: {date})",
        )
        for line, part, qty, date in (
            ("10", "APC-CTL-4410", "800", "26.04.2027"),
            ("20", "APC-IOB-2210", "1,200", "10.05.2027"),
            ("30", "APC-PSU-0930", "400", "24.05.2027"),
        )
    ]
    schedule = [
        "10: APC-CTL-4410 (Qty: 800) (Delivery date: 19.04.2027)",
        "20: APC-IOB-2210 (Qty: 1,200) (Delivery date: 10.05.2027)",  # as ordered
        "30: APC-CTL-4410 (Qty: 400) (Delivery date: 24.05.2027)",  # another part
    ]
    with open_register(db_url) as register:
        _numbered(register, "PO-4500020931.pdf", order)
        _mail(register, "schedule.eml", None, schedule)
        waiting = _waiting(register)
        linked = register.reworded_earlier(waiting)
        text_of = {entry.id: entry.text for entry in waiting}
        found = {text_of[later]: earlier.text[:3] for later, earlier in linked.items()}
    assert found == {schedule[0]: "10:"}


def test_until_now_names_the_value_a_demand_replaces(db_url: str) -> None:
    """An electronics walk: "please perform 100% functional test ... (until now sample of
    10%)" was linked to nothing, though the specification's 3.5 holds the 10 % sample."""
    spec = (
        "Every assembly shall pass automated optical inspection and in-circuit test with a"
        " test coverage of at least 92 %, and a sample of 10 % of each lot shall pass the"
        " functional test according to APC-TP-4410."
    )
    demand = (
        "With immediate effect please perform 100% functional test per APC-TP-4410 rev C on"
        " all APC-CTL-4410 (until now sample of 10%)."
    )
    with open_register(db_url) as register:
        _numbered(register, "spec-rev-a.docx", [("3.4", "Solder to J-STD-001."), ("3.5", spec)])
        _mail(register, "test.eml", None, [demand])
        found = _linked_clauses(register, "test.eml")
    assert found == {demand: "3.5"}


def test_a_hyphenated_word_shares_its_parts(db_url: str) -> None:
    """A logistics walk: "The order cut-off for same-day dispatch moves to 15:00 instead of
    16:00" shared two words with the work statement's "Orders received by 16:00 on a
    Business Day shall be dispatched the same day." and was linked to nothing."""
    clause = "Orders received by 16:00 on a Business Day shall be dispatched the same day."
    change = (
        "The order cut-off for same-day dispatch moves to 15:00 instead of 16:00, because our"
        " hospital customers now order earlier."
    )
    with open_register(db_url) as register:
        _numbered(register, "sow-rev1.docx", [("4.1", clause), ("4.2", "Pallets are wrapped.")])
        _mail(register, "cutoff.eml", None, [change])
        found = _linked_clauses(register, "cutoff.eml")
    assert found == {change: "4.1"}


def test_a_question_how_things_stand_replaces_nothing(db_url: str) -> None:
    """An energy walk: the quoted "CQ-02: Is the BESS capacity in clause 6.3 still 80 MWh?"
    was offered as replacing clause 6.3, its label switched to `specified`; a request put
    as a question still is a change."""
    with open_register(db_url) as register:
        _numbered(register, "er-rev-a.docx", GRID_SPEC)
        _mail(
            register,
            "answers.eml",
            None,
            [
                "CQ-02: Is the BESS capacity in clause 6.3 still 80 MWh?",
                "Could you make the BESS usable energy of clause 6.3 100 MWh instead of 80 MWh?",
            ],
        )
        found = _linked_clauses(register, "answers.eml")
    assert found == {
        "Could you make the BESS usable energy of clause 6.3 100 MWh instead of 80 MWh?": "6.3"
    }


def test_a_clause_alone_under_its_number_in_both_revisions_is_linked_however_reworded(
    db_url: str,
) -> None:
    """An energy walk: Addendum 1 rewrote noise clause 6.5 with a day limit and the planning
    condition, keeping a quarter of its words; Compare paired them, the register did not.
    A clause with two statements under its number still wants the usual likeness."""
    revision_b = [
        *GRID_SPEC[:4],
        ("6.5", "The rated sound level of the plant at the nearest dwelling shall be no more"
                " than 35 dB(A) LAeq,15min between 23:00 and 07:00 and no more than 45 dB(A)"
                " LAeq,1h during the day, as required by condition 12 of planning permission"
                " NS/24/0917."),
        ("6.6", "Inverters shall be of outdoor type with IP65 enclosures."),
        ("6.6", "Transformers shall be filled with ester oil of 300 kg at most."),
    ]  # fmt: skip
    with open_register(db_url) as register:
        _numbered(register, "er-rev-a.docx", GRID_SPEC)
        _numbered(register, "er-rev-b.docx", revision_b)
        found = _linked_clauses(register, "er-rev-b.docx")
    assert found == {revision_b[4][1]: "6.5"}


def test_asks_only_tells_questions_how_things_stand_from_requests() -> None:
    assert asks_only("CQ-02: Is the BESS capacity in clause 6.3 still 80 MWh?")
    assert asks_only("What is the Defects Notification Period for the battery modules?")
    assert not asks_only("Could you make it 600 pcs instead of 500?")
    assert not asks_only("Is it 600 pcs. Please confirm.")
    assert not asks_only("The capacity is now 100 MWh?!  See clause 6.3.")


def test_a_new_need_date_for_a_named_order_line_is_linked_to_that_line(db_url: str) -> None:
    """A pharmaceutical walk's planner: "Line 20: the need date is now 31 May 2027 instead
    of 14 June 2027" shares one word with order line 20 ("Need date: 2027-06-14"), which
    writes the date otherwise; it was linked to nothing. Lines 10 and 30 hold other dates."""
    order = [
        f"{line}: NLV-10-2ML-EU (Description: Nelvorin 10 mg/mL, EU pack) (Qty: 1,800)"
        f" (Unit: PK) (Need date: {date})"
        for line, date in (("10", "2027-05-17"), ("20", "2027-06-14"), ("30", "2027-06-28"))
    ]
    with open_register(db_url) as register:
        _mail(register, "po.eml", "2027-01-10T10:00:00+01:00", order)
        _mail(
            register,
            "planner.eml",
            "2027-02-09T10:12:00+01:00",
            [
                "Line 20: the need date is now 31 May 2027 instead of 14 June 2027, because"
                " the tender delivery was brought forward.",
                "Line 40: please deliver on 2 July 2027 instead of 14 June 2027.",  # no line 40
            ],
        )
        found = register.reworded_earlier(_waiting(register)[-2:])
    assert {entry_id: earlier.ref for entry_id, earlier in found.items()} == {4: "REQ-0002"}


def test_a_cancelled_order_line_is_linked_to_that_line(db_url: str) -> None:
    """A machined-parts walk: "we cancel line 30 (...) of PO 4500187733 with immediate
    effect" gave no hint; line 30 stayed in force unremarked."""
    order = [
        f"{line}: {part} (Description: End cap M22) (Qty: {qty}) (Delivery: wk 10/2027)"
        for line, part, qty in (("10", "BF-4711-220", "2,000"), ("30", "BF-4711-230", "4,000"))
    ]
    with open_register(db_url) as register:
        _mail(register, "po.eml", "2026-11-20T10:00:00+01:00", order)
        _mail(
            register,
            "cancel.eml",
            "2026-12-04T11:45:00+01:00",
            [
                "Due to a design change at our end customer we cancel line 30 (BF-4711-230"
                " end cap, 4,000 pcs) of PO 4500187733 with immediate effect."
            ],
        )
        found = register.reworded_earlier(_waiting(register)[-1:])
    assert {entry_id: earlier.ref for entry_id, earlier in found.items()} == {3: "REQ-0002"}


def test_a_call_off_row_of_quantities_alone_is_linked_to_the_schedule_row(db_url: str) -> None:
    """A machined-parts walk: the order's call-off schedule row 1 (500 of BF-4711-220) and
    the buyer's mailed row 1 (800): a row of part numbers and quantities has no content word
    and was never compared; nor was "Call-off 1 ... increased to 800 pcs instead of 500"."""
    order = [
        f"{n}: wk {week}/2027 (BF-4711-220: {qty}) (BF-4711-221: 500) (BF-4711-230: 1,000)"
        " (Condition: PPAP approved)"
        for n, week, qty in (("1", "09", "500"), ("2", "13", "500"))
    ]
    with open_register(db_url) as register:
        _mail(register, "po.eml", "2026-11-20T10:00:00+01:00", order)
        _mail(
            register,
            "call-off.eml",
            "2026-12-01T09:00:00+01:00",
            [
                "Call-off 1 for BF-4711-220 is increased to 800 pcs instead of 500 pcs.",
                "1: wk 09/2027 (BF-4711-220: 800) (BF-4711-221: 500) (BF-4711-230: 1,000)",
                "2: wk 13/2027 (BF-4711-220: 500) (BF-4711-221: 500) (BF-4711-230: 1,000)",
            ],
        )
        found = register.reworded_earlier(_waiting(register)[-3:])
    assert {entry_id: earlier.ref for entry_id, earlier in found.items()} == {
        3: "REQ-0001",
        4: "REQ-0001",
    }


def test_a_mail_naming_a_drawing_note_is_linked_to_that_note(db_url: str) -> None:
    """A machined-parts walk: "the cylindricity of bore (note 8) shall be 0.008 mm instead
    of 0.005 mm" only stated a change; "note 8" names the drawing's note 8."""
    notes = [
        ("1", "General tolerances according to ISO 2768-mK unless otherwise specified."),
        ("4", "Surface roughness of bore: Ra 0.4 µm; all other surfaces Ra 1.6 µm."),
        ("8", "Bore Ø20H7 is a special characteristic; cylindricity 0.005 mm."),
    ]
    with open_register(db_url) as register:
        register.add_document(
            DocumentInput("d" * 64, "drawing-c.pdf", "pdf", 1, None),
            [
                CandidateInput(position=i, text=t, label="specified", confidence=0.9, clause=c)
                for i, (c, t) in enumerate(notes)
            ],
            actor="ann",
        )
        _mail(
            register,
            "re-cylindricity.eml",
            "2026-12-01T09:00:00+01:00",
            ["After our FAI talk the cylindricity of bore Ø20H7 (note 8) shall be 0.008 mm"
             " instead of 0.005 mm, please note 2 points about honing."],
        )  # fmt: skip
        linked = _linked_clauses(register, "re-cylindricity.eml")
    assert list(linked.values()) == ["8"]


def test_a_mail_taking_back_an_earlier_mail_named_by_its_day_is_linked_to_it(
    db_url: str,
) -> None:
    """A construction walk: "Please disregard my mail of 20 Nov regarding Sunday-only
    shutdowns" was linked to nothing; the mail of 20 November said "Sunday only"."""
    with open_register(db_url) as register:
        _mail(
            register,
            "shutdowns.eml",
            "2026-11-20T08:12:00+00:00",
            ["All shutdowns of the chilled water system to be on Sunday only, 06:00 to 14:00.",
             "Isolation certificates must be signed by the Trust AP(HV)."],
        )  # fmt: skip
        _mail(register, "other.eml", "2026-11-21T08:00:00+00:00", ["Shutdowns need a permit."])
        _mail(
            register,
            "withdrawn.eml",
            "2026-11-25T10:30:00+00:00",
            ["Please disregard my mail of 20 Nov regarding Sunday-only shutdowns."],
        )
        found = register.reworded_earlier(_waiting(register)[-1:])
    assert {entry_id: earlier.ref for entry_id, earlier in found.items()} == {4: "REQ-0001"}


def test_named_message_day_reads_the_day_a_message_was_sent() -> None:
    sent = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    assert named_message_day("disregard my mail of 20 Nov", sent) == datetime(
        2025, 11, 20, tzinfo=UTC
    )
    assert named_message_day("our letter dated 3 March 2027", sent) == datetime(
        2027, 3, 3, tzinfo=UTC
    )
    assert named_message_day("see my e-mail of 04.01.2026", sent) == datetime(
        2026, 1, 4, tzinfo=UTC
    )
    assert named_message_day("the mail of 31 Feb", sent) is None
    assert named_message_day("the meeting of 20 Nov", sent) is None


def test_line_referenced_reads_the_order_line_a_change_names() -> None:
    """An energy walk: "item 2.1 is now 20 battery containers instead of 16" named the bill
    of quantities' item 2.1."""
    assert line_referenced("Line 20: the need date is now 31 May 2027.") == "20"
    assert line_referenced("item 2.1 is now 20 battery containers instead of 16") == "2.1"
    assert line_referenced("Pos. 40 moves to week 14.") == "40"
    assert line_referenced("The lines are packed in crates of 20.") == ""


# -- a federal solicitation, its amendment and mails (session 27, from a federal walk) -------

SOLICITATION = text_document(
    "C.3.1.2 The Contractor shall answer Emergency Work Orders within two (2) hours of"
    " notification, at any time of day, and shall make the affected system safe within six (6)"
    " hours.",
    "C.3.1.2 Urgent Work Orders shall be answered within six (6) hours during duty hours and"
    " closed within three (3) business days.",
    "C.4.1 Severity 1 tickets (a whole site down, or more than ten (10) users unable to work)"
    " shall be acknowledged within twenty (20) minutes and resolved within eight (8) hours.",
    "C.4.1 Severity 2 tickets shall be acknowledged within one (1) hour and resolved within two"
    " (2) business days.",
    "B.2 The not-to-exceed ceiling of CLINs 0004 and 1004 shall not be exceeded without the prior"
    " written approval of the Contracting Officer.",
    "0004: Surge Support Services, Base Year (T&M, not-to-exceed) (QTY: 400) (UNIT: HR)",
    "1004: Surge Support Services, Option Year 1 (T&M, not-to-exceed) (QTY: 400) (UNIT: HR)",
    "D001: Monthly Progress Report on all work orders and tickets (Due: 15th calendar day of the"
    " following month) (Distribution: COR)",
    "D002: Site Safety Plan for all buildings and work areas (Due: 20 days after award)"
    " (Distribution: CO, COR)",
    "D003: Staffing Plan with the resumes of all key personnel (Due: 10 days after award)"
    " (Distribution: CO)",
)


def _after_solicitation(register, name: str, data: bytes) -> dict[str, tuple[str, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    """Each statement of ``name`` linked to an earlier one, by its first words: the earlier
    statement's first words and what its card names as "It also replaces" (refs)."""
    import_file(register, "solicitation.txt", SOLICITATION)
    import_file(register, name, data)
    entries = list(register.iter_entries(EntryFilter()))
    text_of = {entry.ref: entry.text for entry in entries}
    return {
        text_of[f"REQ-{entry_id:04d}"][:30]: (earlier.text[:30], tuple(r for r, _ in earlier.also))
        for entry_id, earlier in register.reworded_earlier(entries).items()
    }


def test_it_also_replaces_only_what_holds_a_value_the_change_replaces(db_url: str) -> None:
    """A federal walk: the card of the change to Priority 1 incidents offered to replace the
    Priority 2 clause too, unchanged, for the "one (1) hour" it shares with Priority 1's
    "1"; the reviewer would have withdrawn a requirement in force."""
    change = mail(
        "Hello,\n\nWith immediate effect, Severity 1 tickets shall be acknowledged within"
        " fifteen (15) minutes and resolved within eight (8) hours.\n\nDana",
        "Wed, 07 Jul 2027 10:00:00 -0400",
    )
    with open_register(db_url) as register:
        linked = _after_solicitation(register, "severity.eml", change)
    assert linked == {"With immediate effect, Severit": ("Severity 1 tickets (a whole si", ())}


def test_the_same_deliverable_in_another_table_s_columns_differs_from_nothing(
    db_url: str,
) -> None:
    """A federal walk: the contract data requirements list gave each deliverable in its own
    form's boxes ("(12. First Submission: 10 Aug 2026) (14. Distribution: COR (1
    electronic))"), and three were flagged as differing from the statement of work's rows
    ("(Due: 10th calendar day of the following month) (Distribution: COR)")."""
    data_list = word_document(
        ["Contract data requirements list, Exhibit A"],
        [
            ("Data item", "Title", "10. Frequency", "12. First Submission", "14. Distribution"),
            (
                "D001",
                "Monthly Progress Report on all work orders and tickets",
                "MTHLY",
                "15 Jul 2027",
                "COR (1 electronic)",
            ),
            (
                "D002",
                "Site Safety Plan for all buildings and work areas",
                "ONE/R",
                "20 days after award",
                "CO, COR",
            ),
            (
                "D003",
                "Staffing Plan with the resumes of all key personnel",
                "ONE/R",
                "10 days after award",
                "CO",
            ),
        ],
    )
    with open_register(db_url) as register:
        linked = _after_solicitation(register, "cdrl-exhibit-a.docx", data_list)
        differing = register.list_entries(EntryFilter(differs_from_earlier=True)).items
    assert linked == {}
    assert differing == ()


def test_rows_compare_in_the_columns_they_share() -> None:
    """A row said again in a form's numbered boxes ("12. First Submission") holds what the
    earlier row held in the columns both have; a value of a shared column gone is a change."""
    table = wording("A001: Status Report (Due: 10th day of the month) (Distribution: COR)")
    form = wording(
        "A001: Status Report (4. Authority (DID): DI-MGMT-80227) (12. First Submission: 10 Aug"
        " 2026) (14. Distribution: COR (1 electronic))"
    )
    assert dict(form.columns)["authority (did)"] == "di-mgmt-80227"
    assert same_in_columns(form, table)
    assert changed_from(form, table) is None
    moved = wording("10: KT-3310 Sensor housing (Qty: 500) (Delivery date: 2027-03-01)")
    order = wording("10: KT-3310 Sensor housing (Qty: 500) (Delivery date: 2027-01-11)")
    assert not same_in_columns(moved, order)
    assert not same_in_columns(wording("Deliver 500 (a pallet) by May."), order)


def test_a_row_of_another_line_is_no_change_of_this_line() -> None:
    """An order's new line 50 for the part of line 10 is another line, not line 10 moved."""
    line_50 = wording("50: KT-3310 Sensor housing, black, PBT (Qty: 500) (Due date: 2027-03-01)")
    line_10 = wording("10: KT-3310 Sensor housing, black, PBT (Qty: 500) (Due date: 2027-01-11)")
    assert changed_from(line_50, line_10) is None
    moved = wording("10: KT-3310 Sensor housing, black, PBT (Qty: 500) (Due date: 2027-03-01)")
    assert changed_from(moved, line_10) is not None


def test_clin_hours_changed_are_linked_to_the_clin_rows_holding_the_old_hours(
    db_url: str,
) -> None:
    """A federal walk: "the quantity of CLINs 0003, 1003 and 2003 is increased from 600 hours
    to 800 hours" was linked to clause B.1.4 (the CLINs' not-to-exceed ceiling), which
    shares the word "CLINs", instead of the CLIN rows of 600 hours."""
    amendment = text_document(
        "Section B is revised: the quantity of CLINs 0004 and 1004 is increased from 400 hours"
        " to 550 hours.",
    )
    with open_register(db_url) as register:
        linked = _after_solicitation(register, "amendment-0001.txt", amendment)
    assert linked == {
        "Section B is revised: the quan": ("0004: Surge Support Services, ", ("REQ-0007",))
    }


def test_a_paragraph_an_amendment_revises_is_linked_to_its_statement(db_url: str) -> None:
    """A federal walk: "Paragraph C.3.1.2 is revised so that ... within forty-five (45)
    minutes of notification instead of one (1) hour" was only marked as stating a change;
    the paragraph named is a clause named."""
    amendment = text_document(
        "Paragraph C.3.1.2 is revised so that the Contractor shall answer Emergency Work Orders"
        " within ninety (90) minutes of notification instead of two (2) hours; all other response"
        " times remain unchanged.",
    )
    with open_register(db_url) as register:
        linked = _after_solicitation(register, "amendment-0001.txt", amendment)
    assert linked == {"Paragraph C.3.1.2 is revised s": ("The Contractor shall answer Em", ())}


def test_a_mail_moving_a_deliverable_named_by_its_row_id_is_linked_to_that_row(
    db_url: str,
) -> None:
    """A federal walk: the COR's "need the July MSR (A001) by Fri 7 Aug COB instead of the
    10th" shares no word with the deliverables row "A001: Monthly Status Report (Due: 10th
    calendar day of the following month)", and was unlinked."""
    moved = mail(
        "Hi Pat,\n\nPlease send the June progress report (D001) by 12 July instead of the 15th,"
        " as the CO needs it early for the quarterly review.\n\nDana",
        "Tue, 06 Jul 2027 10:00:00 -0400",
    )
    with open_register(db_url) as register:
        linked = _after_solicitation(register, "progress-report.eml", moved)
    assert linked == {"Please send the June progress ": ("Monthly Progress Report on all", ())}


def test_paragraphs_and_row_ids_are_named_as_clauses_are() -> None:
    assert cited_clauses("Paragraph C.3.1.2 is revised so that ...") == {"C.3.1.2"}
    assert cited_clauses("as set out in paragraphs 4.2 and para. 5.1") == {"4.2", "5.1"}
    assert named_rows("the June MSR (A001) and CDRL A004, not CTQ-1 or NW-4471-200") == {
        "A001",
        "A004",
        "CTQ-1",
    }


def test_a_schedule_row_naming_a_section_is_linked_to_its_earlier_row(db_url: str) -> None:
    """An EDGAR-style walk: the amendment's Schedule A row "Resin index for Section 9.2: ...
    as of April 1, 2027" was linked to the surcharge clause 9.2 it names, not to the
    agreement's row "Resin index for Section 9.2: ... as of the Effective Date"."""
    agreement = text_document(
        "9.2 If the index price of the resin named in Schedule A rises by more than five"
        " percent over the base price for two quarters running, Seller may add a surcharge on"
        " sixty (60) days' written notice.",
        "Resin index for Section 9.2: nylon 66 with glass fibre, European contract price, base"
        " price per kilogram as of the Effective Date.",
    )
    amendment = text_document(
        "Resin index for Section 9.2: nylon 66 with glass fibre, European contract price, base"
        " price per kilogram as of 1 July 2027.",
    )
    with open_register(db_url) as register:
        import_file(register, "supply-agreement.txt", agreement)
        import_file(register, "first-amendment.txt", amendment)
        found = register.reworded_earlier(_waiting(register))
    assert [(entry_id, earlier.ref) for entry_id, earlier in found.items()] == [(3, "REQ-0002")]


def test_words_given_a_value_is_the_earlier_statement_settled_anew() -> None:
    earlier = wording(
        "Base price per kilogram of nylon 66 with glass fibre as of the Effective Date."
    )
    assert words_given_a_value(
        wording("Base price per kilogram of nylon 66 with glass fibre as of 1 July 2027."), earlier
    )
    # more words, or fewer words but little of it said again, is no such statement
    assert not words_given_a_value(
        wording("Base price per kilogram of nylon 66 with glass fibre as of 1 July 2027 at Genoa."),
        earlier,
    )
    assert not words_given_a_value(wording("Nylon 66 price as of 1 July 2027."), earlier)
    assert not words_given_a_value(earlier, earlier)


def test_a_cut_off_that_moves_from_the_old_time_is_linked_to_the_row_holding_it(
    db_url: str,
) -> None:
    """A 3PL walk: "the same-day dispatch cut-off moves from 14:00 to 15:00" stated no
    change ("moves from ... to" was no cue) and was linked to nothing, though the KPI
    table's row holds the 14:00 it replaces."""
    agreement = word_document(
        [
            "4.1 The Provider shall meet each KPI in Table B in every month.",
            "4.2 The Provider shall pick orders in the sequence released by the Customer.",
        ],
        [
            ("KPI", "Target", "Measured by"),
            ("Dock-to-stock time", "24 hours from arrival", "WMS receipt timestamp"),
            (
                "Orders picked and dispatched the same day (cut-off 14:00)",
                "99.5%",
                "WMS dispatch timestamp",
            ),
            ("Picking accuracy", "99.9%", "customer returns and complaints"),
        ],
    )
    change = mail(
        "Dear Halden operations team,\n\nFrom 1 September the same-day dispatch cut-off moves"
        " from 14:00 to 15:00, and the 99.5% target stays.\n\nKind regards,\nLena",
        "Mon, 03 Aug 2026 09:00:00 +0100",
        subject="Site rules",
    )
    with open_register(db_url) as register:
        import_file(register, "3pl_agreement.docx", agreement)
        import_file(register, "site_rules.eml", change)
        entries = list(register.iter_entries(EntryFilter()))
        linked = {
            entry.text: earlier.text[:57]
            for entry in entries
            for entry_id, earlier in register.reworded_earlier(entries).items()
            if entry.id == entry_id
        }
    assert linked == {
        "From 1 September the same-day dispatch cut-off moves from 14:00 to 15:00, and the"
        " 99.5% target stays.": "Orders picked and dispatched the same day (cut-off 14:00)"
    }


_SLA_REQUEST = mail(
    "Hi Ruth,\n\nThe new target applies to all P2 Incidents logged from 1 May 2026.\n\n"
    "Please update the SLA reporting and the service management tool accordingly before"
    " 1 May, and confirm back by Friday.\n\nDaniel",
    "Thu, 16 Apr 2026 10:00:00 +0100",
    subject="SLA change P2",
)


def _linked_texts(register, *documents: tuple[str, bytes]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each statement linked to an earlier one, and that one's first words."""
    for name, data in documents:
        import_file(register, name, data)
    entries = list(register.iter_entries(EntryFilter()))
    text_of = {entry.id: entry.text for entry in entries}
    return {
        text_of[entry_id]: earlier.text[:30]
        for entry_id, earlier in register.reworded_earlier(entries).items()
    }


def test_a_day_where_none_stood_or_meeting_a_limit_differs_from_nothing(db_url: str) -> None:
    """An IT walk: "The new target applies to all P2 Incidents logged from 1 May 2026" was
    marked "May differ" from the minutes' "Seven P2 Incidents were logged, ..." (the words
    "P2 Incidents logged" and a day for a count), and the supplier's "Our service management
    tool will be updated on 28 April" from the request to update it "before 1 May"."""
    minutes = text_document(
        "Seven P2 Incidents were logged, of which two breached the 12-hour resolution target.",
        "Availability of the service desk platform was 99.82% against a target of 99.5%.",
        "It was agreed that the P2 resolution target would be reviewed by Kestrel.",
    )
    answer = mail(
        "Hi Daniel,\n\nthanks for your mail.\n\nOur service management tool will be updated on"
        " 28 April.\n\nRuth",
        "Fri, 17 Apr 2026 10:00:00 +0100",
        subject="RE: SLA change P2",
    )
    with open_register(db_url) as register:
        linked = _linked_texts(
            register,
            ("minutes.txt", minutes),
            ("sla-change.eml", _SLA_REQUEST),
            ("reply.eml", answer),
        )
    assert linked == {}


def test_a_day_past_the_limit_may_differ_from_it(db_url: str) -> None:
    late = mail(
        "Hi Daniel,\n\nOur service management tool will be updated on 8 May.\n\nRuth",
        "Mon, 20 Apr 2026 10:00:00 +0100",
        subject="RE: SLA change P2",
    )
    with open_register(db_url) as register:
        linked = _linked_texts(
            register, ("sla-change.eml", _SLA_REQUEST), ("later-reply.eml", late)
        )
    assert linked == {
        "Our service management tool will be updated on 8 May.": "Please update the SLA reportin"
    }


def test_dated_only_tells_a_day_given_from_a_value_replaced() -> None:
    logged = wording("Seven P2 Incidents were logged, of which two breached the target.")
    request = wording("Please update the tool before 1 May, and confirm back by Friday.")
    start = wording("Site start on 4 May 2026.")
    assert dated_only(wording("The target applies to P2 Incidents logged from 1 May 2026."), logged)
    assert dated_only(wording("The tool will be updated on 28 April."), request)
    assert not dated_only(wording("The tool will be updated on 8 May."), request)
    assert not dated_only(wording("Site start on 1 June 2026."), start)
    assert not dated_only(wording("Seven P2 Incidents, three breached the target."), logged)
