"""The register's side of the app: deciding a revision as before, the Register view, exports.

Findings of a reviewer's walk through a revised agreement (revision A decided,
revision B uploaded): the revision's entries did not replace revision A's, the
Register view called a superseded entry plain "confirmed", and exports lacked
what the cards show.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

import pyarrow as pa
from streamlit.testing.v1 import AppTest

from extractor.register.exporting import export_bytes

from .helpers import APP, LABELLED, AppPlace, add_labelled_document

TIMEOUT = 60
OWNER = "Logistics - M. Byrne"


def app(view: str = "Review") -> AppTest:
    test = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    test.session_state["reviewer"] = "Ann"
    test.session_state["view"] = view
    return test.run()


def _revision_a_decided_and_b_uploaded(place: AppPlace) -> None:
    """rev-a.pdf REQ-0001 to 0006, three confirmed (the first with owner, due date and a
    note), one rejected; rev-b.pdf REQ-0007 to 0012 with the same statements."""
    add_labelled_document(place, "rev-a.pdf")
    with place.register() as register:
        first = register.set_owner("REQ-0001", OWNER, version=1, actor="Bo")
        first = register.set_due_date(first.ref, date(2026, 4, 15), version=2, actor="Bo")
        first = register.add_note(first.ref, "Call before shipping.", version=3, actor="Bo")
        register.confirm(first.ref, version=first.version, actor="Bo")
        register.confirm("REQ-0002", version=1, actor="Bo")
        register.confirm("REQ-0003", version=1, actor="Bo")
        register.reject("REQ-0005", version=1, actor="Bo")
    add_labelled_document(place, "rev-b.pdf")


def test_a_revision_decided_as_before_replaces_the_earlier_entries(place: AppPlace):
    _revision_a_decided_and_b_uploaded(place)
    test = app()
    assert not test.exception
    button = test.button(key="bulk_same_as_earlier")
    assert "replacing" not in button.label
    test.checkbox(key="bulk_same_is_revision").check().run()
    button = test.button(key="bulk_same_as_earlier")
    assert "the 4 candidates in every document" in button.label
    assert button.label.endswith("as it was, replacing the earlier entries")
    button.click().run()
    assert not test.exception
    (message,) = [s.value for s in test.success if "decided as" in s.value]
    assert message.startswith("4 entries decided as their text was decided before")
    assert "3 earlier entries superseded" in message
    assert "1 entry took over owner, due date or notes" in message
    with place.register() as register:
        old = [register.get_entry(number) for number in (1, 2, 3)]
        new = register.get_entry(7)
        history = register.history("REQ-0001")
    assert [entry.superseded_by for entry in old] == ["REQ-0007", "REQ-0008", "REQ-0009"]
    assert (new.status, new.owner, new.due_date) == ("confirmed", OWNER, date(2026, 4, 15))
    assert "Call before shipping." in new.notes
    assert (history[-1].action, history[-1].actor) == ("supersede", "Ann")


def test_without_the_tick_deciding_as_before_supersedes_nothing(place: AppPlace):
    """A repeat order's terms are rightly in force twice."""
    _revision_a_decided_and_b_uploaded(place)
    test = app()
    test.button(key="bulk_same_as_earlier").click().run()
    assert not test.exception
    (message,) = [s.value for s in test.success if "decided as" in s.value]
    assert message == "4 entries decided as their text was decided before"
    with place.register() as register:
        entries = list(register.iter_entries())
    assert len(entries) == 2 * len(LABELLED)
    assert not any(entry.superseded_by for entry in entries)
    assert entries[6].owner == ""


def test_the_register_view_shows_what_a_later_revision_superseded(place: AppPlace):
    """A walk: REQ-0007 and its replacement both showed as "confirmed", and the By status
    chart counted REQ-0007 as confirmed, while the confirmed export left it out."""
    _revision_a_decided_and_b_uploaded(place)
    with place.register() as register:
        register.confirm("REQ-0007", version=1, actor="Bo")
        register.supersede("REQ-0001", "REQ-0007", version=5, actor="Bo")
    test = app(view="Register")
    assert not test.exception
    table = test.dataframe[1].value
    superseded = dict(zip(table["id"], table["superseded by"], strict=True))
    assert superseded["REQ-0001"] == "REQ-0007"
    assert superseded["REQ-0002"] == superseded["REQ-0007"] == ""
    status = dict(zip(table["id"], table["status"], strict=True))
    assert (status["REQ-0001"], status["REQ-0007"]) == ("superseded", "confirmed")  # as charted
    by_status = chart_values(test.get("vega_lite_chart")[1])
    assert by_status == {"candidate": 7, "confirmed": 3, "rejected": 1, "superseded": 1}
    with place.register() as register:
        in_force = json.loads(export_bytes(register, "json"))
    assert len(in_force) == by_status["confirmed"]  # what the screen says, the export holds
    (reviews,) = [frame.value for frame in test.dataframe if "where it stands" in frame.value]
    superseded_by_document = dict(zip(reviews["document"], reviews["superseded"], strict=True))
    assert sorted(superseded_by_document.values()) == [0, 1]  # rev A's REQ-0001
    # the Status filter offers the chart's states: "superseded" lists REQ-0001 alone, and
    # "confirmed" the three in force (a re-walk found a bar no choice could list)
    test.multiselect(key="register_statuses").select("superseded").run()
    assert list(test.dataframe[1].value["id"]) == ["REQ-0001"]
    test.multiselect(key="register_statuses").unselect("superseded").select("confirmed").run()
    listed = test.dataframe[1].value
    assert len(listed) == 3 and "REQ-0001" not in list(listed["id"])


def chart_values(chart: Any) -> dict[str, int]:
    """The bars of an ``st.bar_chart`` fed ``{"entries": {name: count}}``, by name."""
    (data,) = chart.proto.datasets
    rows = pa.ipc.open_stream(data.data.data).read_all().to_pylist()
    return {next(v for k, v in row.items() if k != "entries"): int(row["entries"]) for row in rows}


def test_an_edited_statement_shows_the_text_as_extracted(place: AppPlace):
    """A walk: nothing on an edited card, or in the register, showed it had been edited."""
    add_labelled_document(place)
    with place.register() as register:
        register.edit_text("REQ-0003", "Line 30: deliver 60,000 pcs.", version=1, actor="Bo")
    test = app()
    assert not test.exception
    found = LABELLED[2][0]
    assert f"Edited (extracted text: {found})" in [t.value for t in test.text]
    assert sum(t.value.startswith("Edited (") for t in test.text) == 1
    test = app(view="Register")
    table = test.dataframe[1].value
    column = dict(zip(table["id"], table["extracted text (if edited)"], strict=True))
    assert column["REQ-0003"] == found
    assert column["REQ-0001"] == ""


def _all_decided(place: AppPlace, name: str) -> None:
    add_labelled_document(place, name)
    with place.register() as register:
        for entry in register.list_entries(limit=100).items:
            if entry.status == "candidate":
                register.confirm(entry.ref, version=entry.version, actor="Bo")


def test_the_register_view_records_a_finished_contract_review(place: AppPlace):
    _all_decided(place, "po-4711.pdf")
    test = app("Register")
    assert not test.exception
    (table,) = [frame.value for frame in test.dataframe if "where it stands" in frame.value]
    assert list(table["where it stands"]) == ["decided, review not finished"]
    test.radio(key="review_outcome").set_value("accepted with deviations")
    test.text_area(key="review_comment").input("Lead time 6 weeks agreed by phone")
    test.button(
        key="FormSubmitter:finish_review_form-Record the review of this document as finished"
    ).click().run()
    assert not test.exception
    (message,) = [s.value for s in test.success if "Review of" in s.value]
    assert "accepted with deviations" in message and "po\\-4711\\.pdf" in message
    with place.register() as register:
        (record,) = register.review_records()
    assert (record.finished_by, record.comment) == ("Ann", "Lead time 6 weeks agreed by phone")
    (table,) = [frame.value for frame in test.dataframe if "where it stands" in frame.value]
    assert list(table["where it stands"]) == ["review finished: accepted with deviations"]
    assert list(table["finished by"]) == ["Ann"]


def test_the_panel_says_why_a_review_cannot_be_finished_yet(place: AppPlace):
    add_labelled_document(place, "po-4712.pdf")
    test = app("Register")
    test.button(
        key="FormSubmitter:finish_review_form-Record the review of this document as finished"
    ).click().run()
    assert not test.exception
    (message,) = [e.value for e in test.error]
    assert "still to be decided" in message and "REQ\\-0001" in message
    # under the button, after the panel's table: an EDGAR-style walk looked for it there
    shown = _in_order(test.main)
    assert shown.index(("error", message)) > shown.index(("subheader", "Contract review"))
    with place.register() as register:
        assert register.review_records() == []


def test_the_register_view_shows_the_chain_head_and_verifies_the_register(place: AppPlace):
    """An auditor found edits made in the database file unnoticed: the view shows the
    chain's head to write down, and "Verify register" names what was changed, as text."""
    add_labelled_document(place, "rev-a.pdf")
    with place.register() as register:
        head = register.chain_head()
    test = app("Register")
    shown = [text.value for text in test.text if text.value.startswith("Audit chain:")]
    assert shown == [f"Audit chain: {head.events} events, head {head.head}"]
    test.button(key="verify_register").click().run()
    assert not test.exception
    assert [s.value for s in test.success if s.value.startswith("Verified")] == [
        f"Verified: {head.events} events chain up to head {head.head}; entries (6), "
        "candidates (6) and documents (1) are as the trail has them."
    ]
    planted = "**Approved** <b>by QA</b>"
    connection = sqlite3.connect(place.db_url.removeprefix("sqlite:///"))
    with connection:
        connection.execute("UPDATE entries SET text = ? WHERE id = 2", (planted,))
    connection.close()
    test = app("Register")
    test.button(key="verify_register").click().run()
    assert [e.value for e in test.error] == ["1 problem: the register was changed outside reqx."]
    (listed,) = [t.value for t in test.text if t.value.startswith("REQ-0002")]
    assert f'its text is "{planted}"' in listed  # as plain text, never rendered


def _in_order(block: Any) -> list[tuple[str, Any]]:
    """The page's elements as drawn, top to bottom: (type, value)."""
    found: list[tuple[str, Any]] = []
    for child in getattr(block, "children", {}).values():
        if getattr(child, "children", None):
            found += _in_order(child)
        else:
            found.append((child.type, getattr(child, "value", None)))
    return found
