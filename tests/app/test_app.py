"""The app's views and actions through Streamlit's AppTest, on a temporary SQLite register.

Uploads go through ``import_upload`` (what the app's upload handler calls; the
browser test drives the real file picker); everything after that is clicked here.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from extractor.errors import RegisterError
from extractor.register import EntryFilter
from extractor.register.reworded import repeats_earlier

from .helpers import (
    APP,
    HOSTILE_TEXT,
    LABELLED,
    SAMPLE_PDF,
    AppPlace,
    add_labelled_document,
    add_unlabelled_document,
    hostile_pdf,
)

TIMEOUT = 60


def app(reviewer: str | None = "Ann", view: str = "Review") -> AppTest:
    test = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if reviewer:
        test.session_state["reviewer"] = reviewer
    test.session_state["view"] = view
    return test.run()


def _decides(key: str | None) -> bool:
    """A decision button: per entry ``<id>-v<version>-<verdict>``, or a bulk action."""
    return bool(key) and ("-v" in key or key.startswith("bulk_"))


def texts(test: AppTest) -> list[str]:
    return [element.value for element in test.text]


def word_diffs(test: AppTest) -> list[str]:
    """The cards' word diffs, drawn as HTML, read back as ``[-old-] {+new+}`` markup."""
    return [_as_markup(element.proto.body) for element in test.get("html")]


def _as_markup(body: str) -> str:
    marked = re.sub(r"<del [^>]*>(.*?)</del>", r"[-\1-]", body)
    marked = re.sub(r"<ins [^>]*>(.*?)</ins>", r"{+\1+}", marked)
    return html.unescape(re.sub(r"</?div[^>]*>", "", marked))


def link_fields(test: AppTest, shown: Any) -> tuple[str, str]:
    """What a card's "It also replaces" and "It changes part of" fields hold."""
    key = f"{shown.id}-v{shown.version}"
    return (
        test.text_input(key=f"{key}-replaces-named").value,
        test.text_input(key=f"{key}-changes-named").value,
    )


def queue_texts(test: AppTest) -> list[str]:
    """The texts of every page of the queue, not only the first ten cards'."""
    found = texts(test)
    pages = [box for box in test.number_input if box.key == "queue_page"]
    for number in range(2, int(pages[0].max or 1) + 1 if pages else 2):
        test.number_input(key="queue_page").set_value(number).run()
        found += texts(test)
    return found


def entry(place: AppPlace, text: str):
    with place.register() as register:
        return register.list_entries(EntryFilter(text=text)).items[0]


def test_the_app_has_no_bare_expression_streamlit_would_show():
    """Streamlit's "magic" writes any bare expression of the script on the page: a
    constant's docstring once showed above the Review heading."""
    import ast

    tree = ast.parse(APP.read_text(encoding="utf-8"))
    bare = [node for node in tree.body[1:] if isinstance(node, ast.Expr)]  # [0]: the docstring
    assert [ast.unparse(node) for node in bare] == ["main()"]


def test_without_a_name_no_decision_can_be_made(place: AppPlace):
    add_labelled_document(place)
    test = app(reviewer=None)
    assert not test.exception
    assert "Enter your name" in test.info[0].value
    assert test.get("file_uploader")[0].proto.disabled
    assert all(button.disabled for button in test.button if _decides(button.key))
    # The name is asked once, then shown and used.
    test.text_input(key="reviewer_name").input("Cleo")
    next(b for b in test.button if b.label == "Start reviewing").click().run()
    assert "Reviewer: Cleo" in texts(test)
    reach_none = ("Confirm the 0 ", "Reject the 0 ")  # a bulk action with nothing to do
    assert not any(
        button.disabled
        for button in test.button
        if _decides(button.key) and not button.label.startswith(reach_none)
    )


def test_queue_shows_each_candidate_at_its_source(place: AppPlace):
    result = place.upload("agreement.pdf", SAMPLE_PDF.read_bytes())
    test = app()
    assert not test.exception
    shown = texts(test)
    assert any(line.startswith("REQ-0001") for line in shown)
    assert any("agreement.pdf  ·  page 1" in line for line in shown)
    assert any("clause 1.1" in line and "section 1. Purpose" in line for line in shown)
    assert any(line.startswith("Cites: ") and "21 CFR" in line for line in shown)
    # per candidate on the first page: a close-up of the statement and its whole page, marked
    assert len(test.get("image")) == 20
    assert f"{result.report.entries_added} in the queue" in test.caption[0].value


def test_filters_narrow_the_queue(place: AppPlace):
    add_labelled_document(place)
    place.upload("terms.txt", HOSTILE_TEXT.encode())
    test = app()
    assert test.caption[0].value.startswith("9 in the queue")
    test.multiselect(key="queue_labels").select("statutory").run()
    assert test.caption[0].value.startswith("2 in the queue")
    test.slider(key="queue_confidence").set_range(0.9, 1.0).run()
    assert test.caption[0].value.startswith("1 in the queue")
    assert any("REACH and RoHS" in line for line in texts(test))
    test.multiselect(key="queue_labels").unselect("statutory")
    test.slider(key="queue_confidence").set_range(0.0, 1.0)
    test.multiselect(key="queue_documents").select(2).run()
    captions = [caption.value for caption in test.caption]
    # the other document's candidates are said to wait, so an upload's narrowing hides nothing
    assert captions[0] == (
        "6 candidates of other documents wait for review too: empty the Documents box to see them."
    )
    assert captions[1].startswith("3 in the queue")
    # No page to show for a text file: the statements around it instead, shown literally.
    with place.register() as register:
        found = [e.text for e in register.iter_entries() if e.document_name == "terms.txt"]
    assert len(found) == 3 and "<script>" in found[0]
    assert "\n\n".join([found[0], "▶ " + found[1], found[2]]) in texts(test)
    assert "▶ " + found[0] + "\n\n" + found[1] in texts(test)  # the first has nothing before
    assert "In its document" in [caption.value for caption in test.caption]


def test_the_queue_can_be_searched_by_words_clause_or_number(place: AppPlace):
    """A tender walk: finding clause 3.1.2.x to decide it meant searching the Register view
    and guessing which queue page held it, the pages shifting after every decision."""
    from register.helpers import make_extraction  # tests/register, as pytest imports it

    with place.register() as register:  # clauses 4.1 to 4.6
        register.import_extractions([make_extraction()], actor="importer")
    test = app()
    test.session_state["queue_page"] = 1
    test.text_input(key="queue_search").input("REACH").run()
    assert not test.exception
    assert test.caption[0].value.startswith("1 in the queue")
    assert any("REACH and RoHS" in line for line in texts(test))
    test.text_input(key="queue_search").input("4.3").run()  # a clause number
    assert test.caption[0].value.startswith("1 in the queue")
    assert any("corrosion" in line for line in texts(test))
    test.text_input(key="queue_search").input("REQ-0006").run()
    assert test.caption[0].value.startswith("1 in the queue")
    assert any("21 CFR 820" in line for line in texts(test))


def test_a_req_number_searched_shows_that_entry_or_says_why_not(place: AppPlace):
    """A medical-device walk: "REQ-0331" found REQ-0331 and the entry whose note named it
    ("search found 2 in queue"); an entry decided already was "0 in the queue", unexplained."""
    add_labelled_document(place)
    with place.register() as register:
        register.add_note("REQ-0003", "Changed in part by REQ-0002", version=1, actor="Bo")
        register.confirm("REQ-0001", version=1, actor="Bo")
    test = app()
    test.text_input(key="queue_search").input("REQ-0002").run()
    assert test.caption[0].value.startswith("1 in the queue")
    assert [line for line in texts(test) if line.startswith("REQ-")] == [
        "REQ-0002  ·  statutory 0.85  ·  candidate"
    ]
    test.text_input(key="queue_search").input("REQ-0001").run()
    assert test.caption[0].value.startswith("0 in the queue")
    assert [info.value.replace("\\", "") for info in test.info] == [
        "REQ-0001 is confirmed, in labelled.pdf: it is left out by the filters above (choose"
        " its status under Status, or empty Documents and Labels)"
    ]
    test.text_input(key="queue_search").input("REQ-0999").run()
    assert [info.value.replace("\\", "") for info in test.info] == [
        "REQ-0999 is not in the register"
    ]


REPLY = (
    b"From: buyer@example.com\nTo: sales@example.com\nSubject: RE: crates\n"
    b"Content-Type: text/plain; charset=utf-8\n\n"
    b"Fine by us. The crates must also be heat-treated per ISPM 15.\n\n"
    b"On Mon, 2 Mar 2026, Sales wrote:\n"
    b"> We will pack the pumps in wooden crates.\n"
    b"> Each crate will carry the order number.\n"
)


EARLIER = (
    b"From: sales@example.com\nTo: buyer@example.com\nSubject: crates\n"
    b"Content-Type: text/plain; charset=utf-8\n\n"
    b"We will pack the pumps in wooden crates.\n"
    b"Each crate will carry the order number.\n"
)


def test_text_quoted_from_earlier_mails_can_be_hidden(place: AppPlace):
    place.upload("re-crates.eml", REPLY)
    test = app()
    total = int(test.caption[0].value.split()[0])
    assert any("quoted from an earlier e-mail" in line for line in texts(test))
    test.checkbox(key="queue_hide_quoted").check().run()
    assert not test.exception
    assert test.caption[0].value.startswith(f"{total} in the queue")  # the quote is all we have
    place.upload("crates.eml", EARLIER)  # the quoted message itself arrives
    test.run()
    assert test.caption[0].value.startswith(f"{total} in the queue")  # 2 added, 2 hidden
    assert not any("quoted from an earlier e-mail" in line for line in texts(test))


def test_sorting_by_confidence(place: AppPlace):
    add_labelled_document(place)
    test = app()
    test.selectbox(key="queue_sort").select("Confidence, lowest first").run()
    assert texts(test)[0].startswith("REQ-0006  ·  none 0.64")
    test.selectbox(key="queue_sort").select("Confidence, highest first").run()
    assert texts(test)[0].startswith("REQ-0001  ·  statutory 0.97")


def test_the_queue_shows_requirements_before_confident_nones(place: AppPlace):
    add_labelled_document(place)
    test = app()
    assert test.selectbox(key="queue_sort").value == "Requirements first, most confident first"
    headings = [line for line in texts(test) if line.startswith("REQ-")]
    labels = [heading.split("  ·  ")[1].split()[0] for heading in headings]
    assert labels == ["statutory", "specified", "statutory", "implied", "none", "none"]


def test_confirm_with_a_corrected_label_owner_due_date_and_note(place: AppPlace):
    add_labelled_document(place)
    shown = entry(place, "deliver the parts")
    test = app()
    key = f"{shown.id}-v{shown.version}"
    # Inside the form: set every value, then submit (no run in between).
    test.selectbox(key=f"{key}-label").select("implied")
    test.text_input(key=f"{key}-owner").input("Logistics")
    test.date_input(key=f"{key}-due").set_value(date(2031, 5, 1))
    test.text_input(key=f"{key}-note").input("agreed by phone")
    test.button(key=f"{key}-confirm").click().run()
    assert not test.exception
    saved = entry(place, "deliver the parts")
    assert (saved.status, saved.label, saved.owner) == ("confirmed", "implied", "Logistics")
    assert saved.due_date == date(2031, 5, 1)
    assert "Ann] agreed by phone" in saved.notes
    with place.register() as register:
        actions = [(e.action, e.actor) for e in register.history(saved.ref)]
    assert actions == [("import", "importer"), ("confirm", "Ann"), ("note", "Ann")]
    assert any("confirmed, implied" in s.value for s in test.success)
    assert not any("deliver the parts" in line for line in texts(test))  # left the queue


def test_relabel_edit_text_and_reject(place: AppPlace):
    add_labelled_document(place)
    first = entry(place, "corrosion")
    test = app()
    key = f"{first.id}-v{first.version}"
    test.selectbox(key=f"{key}-label").select("specified")
    test.button(key=f"{key}-save").click().run()
    relabelled = entry(place, "corrosion")
    assert (relabelled.label, relabelled.status, relabelled.version) == (
        "specified",
        "candidate",
        2,
    )
    key = f"{relabelled.id}-v{relabelled.version}"
    test.text_area(key=f"{key}-text").input("Packaging must protect the parts from rust.")
    test.button(key=f"{key}-save").click().run()
    edited = entry(place, "from rust")
    key = f"{edited.id}-v{edited.version}"
    test.button(key=f"{key}-reject").click().run()
    with place.register() as register:
        actions = [e.action for e in register.history(first.ref)]
        final = register.get_entry(first.ref)
    assert actions == ["import", "relabel", "edit_text", "reject"]
    assert final.status == "rejected"


def test_a_relabelled_card_says_what_the_model_said_and_shows_its_notes(place: AppPlace):
    add_labelled_document(place)
    first = entry(place, "corrosion")
    test = app()
    key = f"{first.id}-v{first.version}"
    assert f"{first.ref}  ·  implied 0.71  ·  candidate" in texts(test)
    test.selectbox(key=f"{key}-label").select("specified")
    test.text_input(key=f"{key}-note").input("ask about salt spray hours")
    test.button(key=f"{key}-save").click().run()
    assert not test.exception
    shown = texts(test)
    assert f"{first.ref}  ·  specified (the model said implied 0.71)  ·  candidate" in shown
    notes = [line for line in shown if line.startswith("Notes:")]
    assert len(notes) == 1 and notes[0].endswith("Ann] ask about salt spray hours")


def test_a_weak_requirement_label_says_why_the_candidate_is_there(place: AppPlace):
    """A requirement label at 0.18 is given when P(none) stays under the threshold;
    shown bare it reads as the model being sure of nothing, so the card says why."""
    from extractor.register import CandidateInput, DocumentInput

    texts_and_labels = [
        ("The plant may have to run on oil in January.", "specified", 0.18),
        ("Valves shall be tested to API 598.", "specified", 0.93),
    ]
    with place.register() as register:
        register.add_document(
            DocumentInput("e" * 64, "mail.eml", "eml"),
            [
                CandidateInput(position=i, text=text, label=label, confidence=confidence)
                for i, (text, label, confidence) in enumerate(texts_and_labels)
            ],
            actor="importer",
        )
    weak, sure = entry(place, "run on oil"), entry(place, "API 598")
    shown = texts(app())
    assert (
        f"{weak.ref}  ·  specified 0.18 (a weak guess: kept because the model could not "
        "rule out a requirement)  ·  candidate"
    ) in shown
    assert f"{sure.ref}  ·  specified 0.93  ·  candidate" in shown


def test_the_likely_verdict_is_the_primary_button(place: AppPlace):
    """Confirming a `none` candidate would put a non-requirement into the register."""
    add_labelled_document(place)
    law, clause = entry(place, "governed by"), entry(place, "deliver the parts")
    test = app()
    law_key, clause_key = f"{law.id}-v{law.version}", f"{clause.id}-v{clause.version}"
    assert test.button(key=f"{law_key}-reject").proto.type == "primary"
    assert test.button(key=f"{law_key}-confirm").proto.type == "secondary"
    assert test.button(key=f"{clause_key}-confirm").proto.type == "primary"


def test_a_conflicting_save_is_refused_with_a_reload(place: AppPlace):
    add_labelled_document(place)
    shown = entry(place, "Ohio")
    test = app()
    with place.register() as register:  # another reviewer, meanwhile
        register.relabel(shown.ref, "implied", version=shown.version, actor="Dora")
    key = f"{shown.id}-v{shown.version}"
    test.button(key=f"{key}-reject").click().run()
    message = test.error[0].value.replace("\\", "")
    assert "changed by Dora" in message
    assert "It is now candidate; implied." in message
    assert "What you entered, to decide again after Reload: Reject." in message
    assert all(button.disabled for button in test.button if _decides(button.key))
    # every card says why, not only the banner at the top (a logistics walk took the greyed
    # buttons for a hung app)
    waiting = [c.value for c in test.caption if c.value.startswith("Deciding waits:")]
    assert len(waiting) == len(LABELLED)
    now = entry(place, "Ohio")
    assert (now.status, now.label, now.updated_by) == ("candidate", "implied", "Dora")
    test.button(key="reload").click().run()
    assert not test.error
    assert test.selectbox(key=f"{now.id}-v{now.version}-label").value == "implied"


def test_a_refused_save_keeps_what_the_reviewer_typed_and_says_what_the_other_did(
    place: AppPlace,
):
    """A walk: Bo's edited text, owner and note vanished when Ann had rejected the entry."""
    add_labelled_document(place)
    shown = entry(place, "Ohio")
    test = app()
    with place.register() as register:
        register.reject(shown.ref, version=shown.version, actor="Ann")
    key = f"{shown.id}-v{shown.version}"
    test.text_area(key=f"{key}-text").input("Ohio law governs; see the 2027 amendment.")
    test.text_input(key=f"{key}-owner").input("Legal")
    test.text_input(key=f"{key}-note").input("asked Ann first")
    test.button(key=f"{key}-confirm").click().run()
    message = test.error[0].value.replace("\\", "")
    assert "It is now rejected" in message
    assert 'Confirm; text: "Ohio law governs; see the 2027 amendment."' in message
    assert "owner: Legal; note: asked Ann first" in message


def test_a_decision_can_be_undone_at_once_or_reopened_later(place: AppPlace):
    add_labelled_document(place)
    shown = entry(place, "Ohio")
    test = app()
    key = f"{shown.id}-v{shown.version}"
    test.button(key=f"{key}-reject").click().run()
    assert test.button(key="undo_last").label == (
        f"Undo: put {shown.ref} back in the queue (rejected by mistake)"
    )
    test.button(key="undo_last").click().run()
    assert f"{shown.ref}: rejected undone" in test.success[0].value.replace("\\", "")
    assert entry(place, "Ohio").status == "candidate"
    assert not [b for b in test.button if b.key == "undo_last"]  # offered once
    # later: the confirmed entry, found with the status filter, says who decided and reopens
    now = entry(place, "Ohio")
    test.button(key=f"{now.id}-v{now.version}-confirm").click().run()
    test.run()  # the undo offer is gone after one more run
    assert not [b for b in test.button if b.key == "undo_last"]
    test.multiselect(key="queue_statuses").select("confirmed").run()
    decided = entry(place, "Ohio")
    assert any(
        line.startswith(f"{decided.ref}  ·")
        and line.endswith(f"confirmed by Ann on {decided.updated_at:%Y-%m-%d}")
        for line in texts(test)
    )
    test.button(key=f"{decided.id}-v{decided.version}-reopen").click().run()
    assert entry(place, "Ohio").status == "candidate"
    with place.register() as register:
        actions = [event.action for event in register.history(shown.ref)]
    assert actions == ["import", "reject", "reopen", "confirm", "reopen"]


def test_a_confirmed_requirement_can_be_withdrawn_with_a_reason(place: AppPlace):
    """An automotive walk: a clause revision B dropped could only be rejected, as if it
    had never been a requirement."""
    add_labelled_document(place)
    shown = entry(place, "Ohio")
    with place.register() as register:
        register.confirm(shown.id, version=shown.version, actor="Bo")
    test = app()
    test.multiselect(key="queue_statuses").set_value(["confirmed"]).run()
    confirmed = entry(place, "Ohio")
    key = f"{confirmed.id}-v{confirmed.version}"
    test.button(key=f"{key}-withdraw").click().run()
    assert f"{shown.ref}: say why it is withdrawn" in test.error[0].value.replace("\\", "")
    assert entry(place, "Ohio").status == "confirmed"
    test.text_input(key=f"{key}-note").input("Dropped in revision B <b>(sor-b.pdf)</b>")
    test.button(key=f"{key}-withdraw").click().run()
    assert not test.exception
    assert test.success[0].value.replace("\\", "") == (
        f"{shown.ref}: withdrawn, no longer in force (Confirm on its card puts it back)"
    )
    withdrawn = entry(place, "Ohio")
    assert withdrawn.status == "withdrawn" and "Dropped in revision B" in withdrawn.notes
    test.multiselect(key="queue_statuses").set_value(["withdrawn"]).run()
    assert "Withdrawn: no longer required, no longer in force (see its history)" in texts(test)
    assert not [b for b in test.button if b.key == f"{withdrawn.id}-v{withdrawn.version}-withdraw"]
    with place.register() as register:
        event = register.history(shown.ref)[-2]  # then the note
    assert (event.action, event.actor) == ("withdraw", "Ann")
    assert event.after == {
        "status": "withdrawn",
        "reason": "Dropped in revision B <b>(sor-b.pdf)</b>",
    }


def test_filters_are_still_set_after_a_visit_to_another_view(place: AppPlace):
    """A walk: Labels = statutory in Review, a look at Compare, and the filter was gone."""
    add_labelled_document(place)
    test = app()
    test.multiselect(key="queue_labels").select("statutory").run()
    shown = test.caption[0].value
    test.number_input(key="bulk_threshold").set_value(0.5).run()
    test.session_state["view"] = "Compare revisions"
    test.run()
    test.session_state["view"] = "Register"
    test.run()
    test.text_input(key="register_search").input("corrosion").run()
    test.session_state["view"] = "Review"
    test.run()
    assert test.multiselect(key="queue_labels").value == ["statutory"]
    assert test.caption[0].value == shown
    assert test.number_input(key="bulk_threshold").value == pytest.approx(0.5)
    test.session_state["view"] = "Register"
    test.run()
    assert test.text_input(key="register_search").value == "corrosion"


def test_keeping_filters_across_views_makes_streamlit_warn_of_nothing(
    place: AppPlace, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    """The walks' app logs held "The widget with key "queue_confidence" was created with a
    default value but also had its value set via the Session State API" on every visit
    back: a kept widget must take its first value from the session state, not a default."""
    from streamlit.elements.lib import policies

    # Streamlit checks only inside a running server; AppTest has none
    monkeypatch.setattr(policies.runtime, "exists", lambda: True)
    monkeypatch.setattr(policies, "_shown_default_value_warning", False)
    add_labelled_document(place)
    many = "\n\n".join(f"The Supplier shall mark lot {n} on every box." for n in range(60))
    place.upload("many.txt", many.encode())
    test = app()
    test.number_input(key="queue_page").set_value(2).run()
    for view in ("Register", "Compare revisions", "Review", "Register", "Review"):
        policies._shown_default_value_warning = False  # Streamlit warns once a process
        test.session_state["view"] = view
        test.run()
    assert not test.exception
    assert "created with a default value" not in caplog.text
    assert test.slider(key="queue_confidence").value == (0.0, 1.0)
    assert test.number_input(key="bulk_threshold").value == pytest.approx(0.9)


def test_bulk_confirm_statutory_and_reject_none(place: AppPlace):
    add_labelled_document(place)
    test = app()
    assert test.number_input(key="bulk_threshold").value == pytest.approx(0.9)
    assert test.button(key="bulk_confirm").label.startswith("Confirm the 1 statutory candidates")
    test.button(key="bulk_confirm").click().run()
    assert "1 entry confirmed" in test.success[0].value
    # no none candidate reaches 0.9: the button says so and cannot be pressed
    assert test.button(key="bulk_reject").label.startswith("Reject the 0 candidates")
    assert test.button(key="bulk_reject").disabled
    test.number_input(key="bulk_threshold").set_value(0.6).run()
    assert test.button(key="bulk_reject").label.startswith("Reject the 2 candidates")
    test.button(key="bulk_reject").click().run()
    with place.register() as register:
        counts = register.counts()
        statuses = {e.text: e.status for e in register.iter_entries()}
    assert counts.by_status == {"candidate": 3, "confirmed": 1, "rejected": 2}
    assert statuses["All parts shall comply with REACH and RoHS."] == "confirmed"
    assert statuses["Records shall be kept for 10 years per 21 CFR 820."] == "candidate"


def test_the_bulk_actions_list_what_they_would_decide(place: AppPlace):
    """An automotive walk: the bulk reject took two supplier action items and a payment
    condition, and the reviewer saw them only afterwards, in the audit log."""
    add_labelled_document(place)
    test = app()
    test.number_input(key="bulk_threshold").set_value(0.6).run()
    test.toggle(key="bulk_preview").set_value(True).run()
    table = test.dataframe[-1].value
    listed = sorted(zip(table["would"], table["text"], strict=True))
    with place.register() as register:
        expected = sorted(
            [("confirm", e.text) for e in register.iter_entries() if e.label == "statutory"
             and (e.confidence or 0) >= 0.6]
            + [("reject", e.text) for e in register.iter_entries() if e.label == "none"
               and (e.confidence or 0) >= 0.6]
        )  # fmt: skip
    assert listed == expected
    assert len([row for row in listed if row[0] == "reject"]) == 2
    with place.register() as register:
        assert register.counts().by_status == {"candidate": 6}  # listing decides nothing


def test_a_bulk_reject_can_be_undone_as_one(place: AppPlace):
    """A tender walk: a bulk reject of 526 'none' candidates also dropped indemnities and
    a no-contact rule, and only single decisions offered Undo."""
    add_labelled_document(place)
    test = app()
    test.number_input(key="bulk_threshold").set_value(0.6).run()
    test.button(key="bulk_reject").click().run()
    undo = test.button(key="undo_bulk")
    assert undo.label == "Undo: put the 2 entries just rejected back in the queue"
    with place.register() as register:  # meanwhile someone decides one of them again
        governed = register.list_entries(EntryFilter(text="governed by")).items[0]
        register.confirm(governed.ref, version=governed.version, actor="Bo")
    undo.click().run()
    assert not test.exception
    assert test.success[0].value == (  # escaped: messages are Markdown
        "Bulk reject undone\\: 1 entry back in the queue; 1 entry changed since, left as they are"
    )
    with place.register() as register:
        statuses = {e.text: e.status for e in register.iter_entries()}
        headings = register.list_entries(EntryFilter(text="Headings are")).items[0]
        actions = [e.action for e in register.history(headings.ref)]
        governed_by = [e.actor for e in register.history(governed.ref)]
    assert statuses["Headings are for convenience only."] == "candidate"
    assert statuses["This Agreement is governed by the laws of Ohio."] == "confirmed"
    assert actions[-2:] == ["bulk_reject", "bulk_reopen"]
    assert governed_by[-1] == "Bo"  # Bo's decision since the bulk reject stands
    assert "undo_bulk" not in [button.key for button in test.button]  # offered once


def test_register_view_searches_counts_and_shows_history(place: AppPlace):
    add_labelled_document(place)
    place.upload("terms.txt", HOSTILE_TEXT.encode())
    with place.register() as register:
        register.confirm("REQ-0001", version=1, actor="Ann")
    test = app(view="Register")
    assert not test.exception
    assert test.caption[0].value == "9 entries"
    assert len(test.get("vega_lite_chart")) == 2  # by label and status
    by_document = test.dataframe[0].value  # a table: whole file names, the count first
    assert list(by_document.columns) == ["entries", "document"]  # a long name hid the count
    assert dict(zip(by_document["document"], by_document["entries"], strict=True)) == {
        "labelled.pdf": 6,
        "terms.txt": 3,
    }
    table = test.dataframe[1].value
    assert list(table["id"])[:2] == ["REQ-0001", "REQ-0002"]
    test.text_input(key="register_search").input("corrosion").run()
    assert list(test.dataframe[1].value["text"]) == [
        "Packaging must protect the parts from corrosion."
    ]
    test.text_input(key="register_search").input("")
    test.multiselect(key="register_statuses").select("confirmed").run()
    assert list(test.dataframe[1].value["id"]) == ["REQ-0001"]
    history = test.dataframe[2].value
    assert list(history["action"]) == ["import", "confirm"]
    assert list(history["who"]) == ["importer", "Ann"]
    assert history["before"].iloc[1].startswith("status: candidate")  # read as text, not JSON
    assert "status: confirmed" in history["after"].iloc[1]
    test.text_input(key="history_ref").input("REQ-9999").run()
    assert "not in the register" in test.error[0].value
    assert [b.proto.label for b in test.get("download_button")] == [
        "CSV",
        "XLSX",
        "JSON",
        "REQIF",
        "Compliance list (XLSX): requirements in force in clause order, to answer",
        "Audit trail: every decision, who and when, before and after",
        "Contract reviews (CSV)",
    ]
    assert list(test.radio(key="export_status").options) == [
        "confirmed",
        "all",
        "as filtered above (1)",
    ]


def test_document_text_is_shown_literally_and_exported_neutralised(place: AppPlace, tmp_path):
    hostile = hostile_pdf(tmp_path / "hostile.pdf")
    place.upload("hostile.pdf", hostile.read_bytes())
    test = app()
    shown = texts(test)
    assert any("<script>alert('x')</script>" in line for line in shown)
    assert any("mark **bold** claims" in line for line in shown)
    assert any(line.startswith('=HYPERLINK("http') for line in shown)
    markdown = [e.value for e in test.markdown] + [e.value for e in test.caption]
    assert not any("<script>" in value or "**bold**" in value for value in markdown)
    with place.register() as register:
        for item in register.iter_entries():
            register.confirm(item.ref, version=item.version, actor="Ann")
    exported = _export("csv").decode("utf-8-sig")
    assert "'=HYPERLINK(" in exported
    assert "\n=HYPERLINK" not in exported and ",=HYPERLINK" not in exported


def _export(output_format: str) -> bytes:
    """The bytes the app's download button hands out (the callable it is given)."""
    test = AppTest.from_string(
        _load_app()
        + f"st.session_state['out'] = module.export_data({output_format!r}, 'confirmed')\n",
        default_timeout=TIMEOUT,
    )
    test.session_state["view"] = "Register"
    test.run()
    return test.session_state["out"]


def test_upload_handler_reports_a_broken_file_and_imports_the_others(place: AppPlace):
    """The handler the file picker calls, run inside the app with two files, one broken."""
    test = AppTest.from_string(
        _load_app()
        + "files = [('broken.pdf', b'%PDF-1.7 not really'), ('terms.txt', TEXT.encode())]\n"
        "module.show_upload_results(module.handle_uploads(files))\n",
        default_timeout=TIMEOUT,
    )
    test.session_state["reviewer"] = "Ann"
    test.session_state["TEXT"] = HOSTILE_TEXT
    test.run()
    assert not test.exception
    assert test.get("progress")[-1].proto.value == 100
    errors = [e.value for e in test.error]
    assert len(errors) == 1 and errors[0].startswith("broken\\.pdf\\:")
    assert any("terms\\.txt\\: 3 new candidates" in s.value for s in test.success)
    with place.register() as register:
        assert [d.name for d in register.documents()] == ["terms.txt"]
        assert register.documents()[0].uploaded_by == "Ann"


def test_a_reload_offers_the_name_again_and_stays_in_its_view(place: AppPlace):
    """A walk: reloading the tab asked for the name again and went back to Review."""
    add_labelled_document(place)
    test = app(reviewer=None)
    test.text_input(key="reviewer_name").input("Cleo")
    next(b for b in test.button if b.label == "Start reviewing").click().run()
    test.session_state["view"] = "Register"
    test.run()
    assert (test.query_params["reviewer"], test.query_params["view"]) == ("Cleo", "Register")
    reloaded = AppTest.from_file(str(APP), default_timeout=TIMEOUT)  # a new session
    reloaded.query_params["reviewer"] = "Cleo"
    reloaded.query_params["view"] = "Register"
    reloaded.run()
    assert not reloaded.exception
    assert reloaded.session_state["view"] == "Register"
    assert reloaded.text_input(key="reviewer_name").value == "Cleo"  # offered, not taken:
    assert "reviewer" not in reloaded.session_state  # a link passed on must not decide
    next(b for b in reloaded.button if b.label == "Start reviewing").click().run()
    assert "Reviewer: Cleo" in texts(reloaded)


def test_an_upload_error_that_names_its_file_names_it_once(place: AppPlace):
    test = AppTest.from_string(
        _load_app() + "from extractor.review import UploadResult\n"
        "module.show_upload_results([\n"
        "    UploadResult('doc01.txt', error='doc01.txt: could not import (disk full)'),\n"
        "    UploadResult('scan.pdf', error='no page has a text layer'),\n"
        "])\n",
        default_timeout=TIMEOUT,
    )
    test.session_state["reviewer"] = "Ann"
    test.run()
    assert [e.value.replace("\\", "") for e in test.error] == [
        "doc01.txt: could not import (disk full)",
        "scan.pdf: no page has a text layer",
    ]


def _load_app() -> str:
    """Script lines that run app.py as ``module`` (drawing it), to call its functions after."""
    return (
        "import importlib.util\n"
        "import streamlit as st\n"
        "TEXT = st.session_state.get('TEXT', '')\n"
        f"spec = importlib.util.spec_from_file_location('review_app', {str(APP)!r})\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
    )


def test_a_signed_in_user_decides_under_their_login(place: AppPlace):
    add_labelled_document(place)
    shown = entry(place, "Ohio")
    test = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    test.user = {"is_logged_in": True, "email": "qa@example.com", "name": "Q. A."}
    test.run()
    assert "Signed in as qa@example.com" in texts(test)
    assert all(widget.key != "reviewer_name" for widget in test.text_input)  # no name asked
    test.button(key=f"{shown.id}-v{shown.version}-reject").click().run()
    assert entry(place, "Ohio").updated_by == "qa@example.com"


def test_the_same_text_in_the_next_order_shows_and_takes_the_earlier_decision(place: AppPlace):
    add_labelled_document(place, "po-1.pdf")
    with place.register() as register:
        packing = register.get_entry("REQ-0004")
        register.update(
            packing.ref, version=packing.version, actor="Bo", status="confirmed", label="specified"
        )
        register.reject("REQ-0005", version=1, actor="Bo")
        register.confirm("REQ-0003", version=1, actor="Bo")
        register.reject("REQ-0003", version=2, actor="Cy")  # decided, then changed: latest counts
    add_labelled_document(place, "po-2.pdf")
    test = app()
    assert not test.exception
    lines = [line for line in texts(test) if line.startswith("Same text decided")]
    today = datetime.now(UTC).date().isoformat()  # the register keeps UTC
    before = "Same text decided before: REQ-0004 in po-1.pdf, confirmed as specified"
    assert f"{before}, by Bo on {today}" in lines
    assert f"Same text decided before: REQ-0005 in po-1.pdf, rejected, by Bo on {today}" in lines
    assert len(lines) == 3  # the delivery clause too, rejected by Cy
    button = test.button(key="bulk_same_as_earlier")
    assert "the 3 candidates in every document" in button.label
    button.click().run()
    assert "3 entries decided as their text was decided before" in test.success[0].value
    with place.register() as register:
        second = {e.text: (e.status, e.label) for e in register.iter_entries() if e.id > 6}
        history = register.history("REQ-0010")
    assert second["Packaging must protect the parts from corrosion."] == ("confirmed", "specified")
    assert second["This Agreement is governed by the laws of Ohio."] == ("rejected", "none")
    assert second["The Supplier shall deliver the parts within 30 days."][0] == "rejected"
    assert second["All parts shall comply with REACH and RoHS."] == ("candidate", "statutory")
    assert history[-1].action == "same_as_earlier" and history[-1].actor == "Ann"


def test_one_candidate_can_be_decided_as_its_text_was_before(place: AppPlace):
    add_labelled_document(place, "po-1.pdf")
    with place.register() as register:
        register.reject("REQ-0005", version=1, actor="Bo")
        register.confirm("REQ-0001", version=1, actor="Bo")
    add_labelled_document(place, "po-2.pdf")
    test = app()
    governing_law = entry(place, "governed by the laws of Ohio")  # REQ-0005 came first
    later = 6 + 5
    button = test.button(key=f"{later}-v1-as-before")
    assert button.label == "Decide as REQ-0005 was"
    button.click().run()
    assert "1 entry decided as their text was decided before" in test.success[0].value
    with place.register() as register:
        decided = register.get_entry(later)
        reach = register.get_entry(6 + 1)
    assert governing_law.id == 5
    assert (decided.status, decided.label) == ("rejected", "none")
    assert reach.status == "candidate"  # its own button was not pressed


def test_an_e_mail_statement_says_who_sent_it_and_when(place: AppPlace):
    mail = (
        Path(__file__).resolve().parents[1] / "documents" / "email" / "thread_with_quoted_reply.eml"
    )
    place.upload("thread.eml", mail.read_bytes())
    test = app()
    assert not test.exception
    shown = queue_texts(test)
    where = [line for line in shown if line.startswith("thread.eml  ·")]  # attachments aside
    own = [line for line in where if "quoted" not in line]
    quoted = [line for line in where if "quoted" in line]
    assert own and quoted
    # the time zone named: UTC when the browser does not say its own
    sender = "from Anna Berg <anna.berg@harbour.example>, sent 2024-03-01 09:30 UTC"
    assert all(sender in line for line in own)
    assert not any("from Anna Berg" in line for line in quoted)  # she quotes someone else
    attached = [line for line in shown if line.startswith("thread.eml#")]
    assert attached and all(sender in line for line in attached)  # the mail carrying it


def test_an_attachments_statements_are_shown_on_its_pages(place: AppPlace):
    """A walk: every card of a mail's PDF attachment said "No page image (document file
    not kept here)": only the .eml was kept, not the attachment the page is drawn from."""
    mail = (
        Path(__file__).resolve().parents[1] / "documents" / "email" / "thread_with_quoted_reply.eml"
    )
    place.upload("thread.eml", mail.read_bytes())
    with place.register() as register:
        attached = [view for view in register.documents() if view.name.endswith(".pdf")]
    assert len(attached) == 1
    assert place.store().path_for(attached[0].sha256) is not None
    test = app()
    test.session_state["queue_documents"] = [attached[0].name]
    test.run()
    assert not test.exception
    assert "No page image (document file not kept here)" not in texts(test)
    assert any(image for image in test.get("image"))


def test_an_unlabelled_card_offers_no_label_and_confirms_only_with_one(place: AppPlace):
    add_unlabelled_document(place)
    test = app()
    assert test.selectbox(key="1-v1-label").value is None
    test.button(key="1-v1-confirm").click().run()
    assert "REQ\\-0001 has no label" in test.error[0].value
    with place.register() as register:
        assert register.get_entry(1).status == "candidate"
    test.selectbox(key="1-v1-label").select("implied")  # inside the form: no run between
    test.button(key="1-v1-confirm").click().run()
    with place.register() as register:
        confirmed = register.get_entry(1)
    assert (confirmed.status, confirmed.label) == ("confirmed", "implied")


def test_saving_an_unchanged_card_says_nothing_was_saved(place: AppPlace):
    add_labelled_document(place, "po-1.pdf")
    test = app()
    test.button(key="1-v1-save").click().run()
    assert test.info[0].value == "REQ\\-0001\\: nothing changed, nothing saved"
    with place.register() as register:
        assert [event.action for event in register.history("REQ-0001")] == ["import"]


def test_a_clause_new_in_a_revision_says_so_on_its_card(place: AppPlace):
    from extractor.register import CandidateInput, DocumentInput

    revision_a = ["The Supplier shall deliver within 30 days.", "Pack in crates of 20."]
    revision_b = [
        "The Supplier shall deliver within 45 days.",  # other numbers: its own lines
        "Pack in crates of 20.",  # as written: "Same text decided before"
        "Each crate shall carry a moisture indicator.",  # new
    ]
    with place.register() as register:
        for name, texts_ in (("rev-a.txt", revision_a), ("rev-b.txt", revision_b)):
            register.add_document(
                DocumentInput(name * 8, name, "txt"),
                [
                    CandidateInput(position=i, text=t, label="specified", confidence=0.9)
                    for i, t in enumerate(texts_)
                ],
                actor="importer",
            )
            if name == "rev-a.txt":
                register.confirm("REQ-0001", version=1, actor="Bo")
                register.confirm("REQ-0002", version=1, actor="Bo")
        register.add_document(
            DocumentInput("c" * 64, "other.txt", "txt"),
            [CandidateInput(position=0, text="Ship by sea.", label="specified", confidence=0.9)],
            actor="importer",
        )
    test = app()
    assert not test.exception
    shown = texts(test)
    cues = [i for i, line in enumerate(shown) if line.startswith("New or reworded: ")]
    assert len(cues) == 1  # not on rev-b's two known clauses, nor on other.txt's first clause
    assert "Each crate shall carry a moisture indicator." in shown[cues[0] - 3 : cues[0]]


def test_a_clause_reworded_in_a_revision_names_the_entry_it_may_replace(place: AppPlace):
    """Revision B's clause 4.4 said otherwise in words alone: its card said "new or
    reworded" and the reviewer had to find revision A's confirmed 4.4 by hand."""
    from extractor.register import CandidateInput, DocumentInput

    clauses = {
        "4.1": "Parts shall be free of burrs and sharp edges.",
        "4.2": "Each lot shall carry a certificate of conformity to EN 10204 3.1.",
        "4.3": "Threads shall be gauged with go and no-go gauges.",
        "4.4": "The Supplier shall notify the Buyer of any change to the process.",
        "4.5": "Packaging shall protect the parts from corrosion in transit.",
    }
    reworded = (
        "The Supplier shall obtain the Buyer's written approval before any change to the process."
    )
    with place.register() as register:
        for name, rows in (("rev-a.pdf", clauses), ("rev-b.pdf", clauses | {"4.4": reworded})):
            register.add_document(
                DocumentInput(name * 8, name, "pdf", 2, None),
                [
                    CandidateInput(position=i, text=t, label="specified", confidence=0.9, clause=c)
                    for i, (c, t) in enumerate(rows.items())
                ],
                actor="importer",
            )
            if name == "rev-a.pdf":
                register.bulk_decide(EntryFilter(), "confirmed", actor="Bo")
    test = app()
    assert not test.exception
    shown = texts(test)
    assert "May differ from REQ-0004 (rev-a.pdf, confirmed): said before in other words:" in shown
    assert not [line for line in shown if line.startswith("New or reworded: ")]
    # said in other words, it may say only part of it: filled in as changing part of it,
    # which keeps REQ-0004 in force; the reviewer moves it to replace it
    assert link_fields(test, entry(place, "written approval")) == ("", "REQ-0004")


def test_a_clause_with_other_numbers_than_decided_before_shows_what_changed(place: AppPlace):
    from extractor.register import CandidateInput, DocumentInput

    with place.register() as register:
        for name, days in (("po-1.txt", 30), ("po-2.txt", 45)):
            text = f"The Supplier shall deliver within {days} days of the order."
            register.add_document(
                DocumentInput(name * 8, name, "txt"),
                [CandidateInput(position=0, text=text, label="specified", confidence=0.9)],
                actor="importer",
            )
            if name == "po-1.txt":
                register.confirm("REQ-0001", version=1, actor="Bo")
    test = app()
    assert not test.exception
    shown = texts(test)
    start = shown.index(next(line for line in shown if line.startswith("Differs from REQ-0001")))
    assert "in po-1.txt (confirmed as specified, by Bo on" in shown[start]
    assert word_diffs(test) == [
        "The Supplier shall deliver within [-30-] {+45+} days of the order."
    ]
    assert not [line for line in shown if line.startswith("Same text decided")]
    assert "the 0 candidates" in test.button(key="bulk_same_as_earlier").label
    with place.register() as register:
        register.add_document(
            DocumentInput("c" * 64, "po-3.txt", "txt"),
            [CandidateInput(position=0, text="Unrelated clause.", label="none", confidence=0.5)],
            actor="importer",
        )
    test.run()
    assert test.caption[0].value.startswith("2 in the queue")
    test.checkbox(key="queue_changed_only").check().run()
    assert test.caption[0].value.startswith("1 in the queue")
    assert any(line.startswith("Differs from REQ-0001") for line in texts(test))


def test_confirming_a_changed_clause_can_supersede_the_earlier_one(place: AppPlace):
    """Revision A's "98 %" and revision B's "95 %" were both confirmed, both in force."""
    from extractor.register import CandidateInput, DocumentInput

    with place.register() as register:
        for name, share in (("rev-a.txt", 98), ("rev-b.txt", 95)):
            register.add_document(
                DocumentInput(name * 8, name, "txt"),
                [
                    CandidateInput(
                        position=0,
                        text=f"Yield shall be at least {share} %.",
                        label="specified",
                        confidence=0.9,
                    )
                ],
                actor="importer",
            )
        register.confirm("REQ-0001", version=1, actor="Bo")
    test = app()
    # the same clause with other numbers: filled in as the entry it replaces
    assert link_fields(test, entry(place, "95 %")) == ("REQ-0001", "")
    test.button(key="2-v1-confirm").click().run()
    assert any("REQ\\-0001\\: superseded by REQ\\-0002" in s.value for s in test.success)
    with place.register() as register:
        old, new = register.get_entry(1), register.get_entry(2)
    assert (old.superseded_by, new.status) == ("REQ-0002", "confirmed")
    test.multiselect(key="queue_statuses").select("confirmed").run()
    assert "Superseded by REQ-0002: no longer in force" in texts(test)


def test_a_changed_clause_confirmed_on_its_card_takes_over_owner_due_date_and_notes(
    place: AppPlace,
):
    """The walk's problem 5: REQ-0148 ("+70 °C") superseded REQ-0123 ("+60 °C") from its
    card and was left with no owner, due date or notes, while the unchanged clauses
    decided as before had taken theirs over."""
    from extractor.register import CandidateInput, DocumentInput

    with place.register() as register:
        for name, limit in (("rev-a.txt", 60), ("rev-b.txt", 70)):
            register.add_document(
                DocumentInput(name * 8, name, "txt"),
                [
                    CandidateInput(
                        position=0,
                        text=f"The unit shall operate up to +{limit} °C.",
                        label="specified",
                        confidence=0.9,
                    )
                ],
                actor="importer",
            )
        owned = register.update(
            "REQ-0001",
            version=1,
            actor="Bo",
            owner="Engineering / T. Haas",
            due_date=date(2027, 3, 1),
            notes="Check with the thermal test report.",
        )
        register.confirm("REQ-0001", version=owned.version, actor="Bo")
    test = app()
    assert link_fields(test, entry(place, "+70")) == ("REQ-0001", "")
    test.button(key="2-v1-confirm").click().run()
    assert any("REQ\\-0002 took over its owner, due date, notes" in s.value for s in test.success)
    with place.register() as register:
        old, new = register.get_entry(1), register.get_entry(2)
        history = register.history(2)
    assert (old.superseded_by, new.status) == ("REQ-0002", "confirmed")
    assert (new.owner, new.due_date, new.notes) == (
        "Engineering / T. Haas",
        date(2027, 3, 1),
        "Check with the thermal test report.",
    )
    assert (history[-1].action, history[-1].actor) == ("take_over", "Ann")
    assert history[-1].after == {
        "owner": "Engineering / T. Haas",
        "due_date": "2027-03-01",
        "notes": "Check with the thermal test report.",
        "replaces": ["REQ-0001"],
    }


SAFETY_STOCK = (
    "Supplier shall maintain at its facility a safety stock of finished Products equal to"
    " not less than {} weeks of Customer's average monthly requirements."
)
PAYMENT = (
    "Customer shall pay all undisputed amounts within forty-five (45) days after the date of"
    " receipt of a correct invoice, by ACH transfer to the account designated by Supplier."
)
PAYMENT_AMENDED = (
    "The second sentence of Section 9.4 of the Agreement is amended so that Customer shall pay"
    " all undisputed amounts within sixty (60) days after the date of receipt of a correct"
    " invoice."
)


def _agreement_and_amendment(place: AppPlace, agreement: str, amendment: str) -> None:
    """A supply agreement's clause confirmed with an owner (REQ-0001), then its first
    amendment's (REQ-0002), waiting."""
    from extractor.register import CandidateInput, DocumentInput

    with place.register() as register:
        for sha, name, text in (
            ("a", "agreement.pdf", agreement),
            ("b", "amendment.pdf", amendment),
        ):
            register.add_document(
                DocumentInput(sha * 64, name, "pdf", 1),
                [CandidateInput(position=0, text=text, label="specified", confidence=0.9, page=1)],
                actor="importer",
            )
        owned = register.update("REQ-0001", version=1, actor="Bo", owner="B. Oyelaran")
        register.confirm("REQ-0001", version=owned.version, actor="Bo")


def test_the_entry_a_changed_clause_replaces_is_filled_in_and_undo_puts_it_back(
    place: AppPlace,
):
    """A medical-device walk: the amendment's card said "Differs from REQ-0050 ...; numbers
    or dates changed", and the walker typed REQ-0050 into 'It also replaces' on every such
    card. Undo after such a confirm left REQ-0050 superseded by a candidate, out of force."""
    _agreement_and_amendment(place, SAFETY_STOCK.format("four (4)"), SAFETY_STOCK.format("six (6)"))
    test = app()
    later = entry(place, "six (6)")
    assert link_fields(test, later) == ("REQ-0001", "")
    assert any(
        caption.value.replace("\\", "").startswith(
            "Filled in from the hint: confirming marks REQ-0001 superseded, no longer in force."
        )
        for caption in test.caption
    )
    test.button(key=f"{later.id}-v{later.version}-confirm").click().run()  # as filled in
    with place.register() as register:
        old, new = register.get_entry("REQ-0001"), register.get_entry("REQ-0002")
    assert (old.superseded_by, new.status, new.owner) == ("REQ-0002", "confirmed", "B. Oyelaran")
    undo = test.button(key="undo_last")
    assert undo.label == (
        "Undo: put REQ-0002 back in the queue, REQ-0001 back in force (confirmed by mistake)"
    )
    undo.click().run()
    assert not test.exception and not test.error
    assert [s.value.replace("\\", "") for s in test.success] == [
        "REQ-0002: confirmed undone, back in the queue as a candidate; REQ-0001 back in force"
    ]
    with place.register() as register:
        old, new = register.get_entry("REQ-0001"), register.get_entry("REQ-0002")
        history = register.history("REQ-0001")
        verified = register.verify()
    assert (old.status, old.superseded_by, old.owner) == ("confirmed", "", "B. Oyelaran")
    assert (new.status, new.owner) == ("candidate", "")  # what it took over is given back
    assert (history[-1].action, history[-1].after) == (
        "supersede_undone",
        {"superseded_by": None, "reason": "undo of REQ-0002, confirmed by mistake"},
    )
    assert verified.ok, verified.problems
    assert link_fields(test, new) == ("REQ-0001", "")  # its card offers it again


def test_the_entry_a_change_in_other_words_changes_is_filled_in_as_changed_in_part(
    place: AppPlace,
):
    """The walk's amendment: "May differ from REQ-0111 ...: said before in other words, with
    another value" for a sentence of the payment clause, which the walker typed into 'It
    changes part of'; the ACH transfer of that clause stays in force."""
    _agreement_and_amendment(place, PAYMENT, PAYMENT_AMENDED)
    test = app()
    later = entry(place, "Section 9.4")
    assert link_fields(test, later) == ("", "REQ-0001")
    test.button(key=f"{later.id}-v{later.version}-confirm").click().run()
    with place.register() as register:
        changed = register.get_entry("REQ-0001")
    assert (changed.status, changed.superseded_by) == ("confirmed", "")
    assert "Changed in part by REQ-0002 (amendment.pdf): The second sentence" in changed.notes
    undo = test.button(key="undo_last")
    assert undo.label == (
        "Undo: put REQ-0002 back in the queue, the change note off REQ-0001 (confirmed by mistake)"
    )
    undo.click().run()
    with place.register() as register:
        changed, later = register.get_entry("REQ-0001"), register.get_entry("REQ-0002")
    assert (changed.notes, later.status) == ("", "candidate")


def test_what_the_card_fills_in_follows_the_entry_in_force(place: AppPlace):
    """Superseded in another tab while the card was open, the entry filled in is no longer
    in force: the card names, and fills in, the one in force in its place."""
    from extractor.register import CandidateInput, DocumentInput

    _agreement_and_amendment(place, SAFETY_STOCK.format("four (4)"), SAFETY_STOCK.format("six (6)"))
    test = app()
    later = entry(place, "six (6)")
    assert link_fields(test, later) == ("REQ-0001", "")
    with place.register() as register:  # meanwhile, in another tab
        register.add_document(
            DocumentInput("c" * 64, "letter.pdf", "pdf", 1),
            [CandidateInput(position=0, text=SAFETY_STOCK.format("five (5)"), label="specified",
                            confidence=0.9, page=1)],
            actor="importer",
        )  # fmt: skip
        register.confirm("REQ-0003", version=1, actor="Bo")
        register.supersede("REQ-0001", "REQ-0003", version=3, actor="Bo")
    test.run()
    assert link_fields(test, later) == ("REQ-0003", "")
    assert any(
        line.startswith("Differs from REQ-0001") and "since superseded by REQ-0003" in line
        for line in texts(test)
    )


def test_an_entry_of_another_part_is_not_filled_in(place: AppPlace):
    """The walk's amendment row for CSI-2210 was hinted at the agreement's row for CSI-2212,
    the same words with other numbers: filled in, a quick confirm would have taken the
    other part's row out of force. The row of another part is no row with other numbers
    (``same_text.number_blind_key`` keeps the item a row opens with): no hint at all."""
    from extractor.register import CandidateInput, DocumentInput

    row = "{}: Cannula housing, polycarbonate, clear (Std. Pack: 500) (MOQ: {})"
    documents = (
        ("a", "agreement.pdf", ["Agreement SA-4711.", row.format("CSI-2212", "5,000")]),
        ("b", "amendment.pdf", ["Amendment 1 to SA-4711.", row.format("CSI-2210", "2,500")]),
    )
    with place.register() as register:
        for sha, name, texts_ in documents:
            register.add_document(
                DocumentInput(sha * 64, name, "pdf", 1),
                [CandidateInput(position=i, text=t, label="specified", confidence=0.9, page=1)
                 for i, t in enumerate(texts_)],
                actor="importer",
            )  # fmt: skip
        register.confirm("REQ-0002", version=1, actor="Bo")
    test = app()
    assert not any(line.startswith("Differs from REQ-0002") for line in texts(test))
    assert link_fields(test, entry(place, "CSI-2210")) == ("", "")


HOSTILE_STOCK = (
    "Supplier shall keep <script>alert(1)</script> <img src=x onerror=alert(2)> **x**"
    " [a](javascript:alert(3)) $x$ a stock of {} weeks & more."
)


def test_a_cards_word_diff_is_coloured_and_its_document_text_escaped(place: AppPlace):
    """The walk's cards showed the diff as markup ("[-forty-five (45-]{+sixty (60+}"); drawn
    as HTML, the words from the document must stay words, never markup."""
    _agreement_and_amendment(
        place, HOSTILE_STOCK.format("four (4)"), HOSTILE_STOCK.format("six (6)")
    )
    test = app()
    assert not test.exception
    (body,) = [element.proto.body for element in test.get("html")]
    assert '<del style="color:#b42318;' in body and ">four (4</del>" in body
    assert '<ins style="color:#067647;' in body and ">six (6</ins>" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;" in body
    assert "<script" not in body and "<img" not in body and "&amp; more." in body
    # st.html renders HTML alone, no Markdown or LaTeX: these stay as written (checked in
    # chromium by test_browser's word-diff test)
    assert "**x** [a](javascript:alert(3)) $x$" in body
    assert not [line for line in texts(test) if "[-four" in line]


def test_a_hinted_entry_no_longer_in_force_is_not_filled_in(place: AppPlace):
    """Only an entry in force is filled in: a withdrawn one is shown, not offered."""
    _agreement_and_amendment(place, SAFETY_STOCK.format("four (4)"), SAFETY_STOCK.format("six (6)"))
    with place.register() as register:
        earlier = register.get_entry("REQ-0001")
        register.withdraw("REQ-0001", version=earlier.version, actor="Bo", reason="dropped")
    test = app()
    assert any(line.startswith("Differs from REQ-0001") for line in texts(test))
    assert link_fields(test, entry(place, "six (6)")) == ("", "")
    assert not [c for c in test.caption if "Filled in from the hint" in c.value]


def test_the_register_view_hands_out_the_audit_trail(place: AppPlace):
    add_labelled_document(place)
    with place.register() as register:
        register.confirm("REQ-0001", version=1, actor="=Ann")
    test = AppTest.from_string(
        _load_app() + "st.session_state['out'] = module.audit_data()\n", default_timeout=TIMEOUT
    )
    test.session_state["view"] = "Register"
    test.run()
    assert not test.exception
    rows = test.session_state["out"].decode("utf-8-sig").splitlines()
    assert rows[0] == "event,at,actor,action,entry,document,before,after"
    assert len(rows) == 1 + 1 + len(LABELLED) + 1  # header, upload, imports, the confirm
    assert ",'=Ann,confirm,REQ-0001,labelled.pdf," in rows[-1]
    assert "export_audit" in [button.key for button in test.get("download_button")]


REVISION_A = "The Supplier shall deliver within 30 days.\n\nParts shall be packed in crates.\n"
REVISION_B = (
    REVISION_A.replace("30", "45") + "\nA certificate of conformity shall come with each lot.\n"
)


def _upload_through_the_handler(name: str, text: str) -> AppTest:
    """Run the handler the file picker calls on one text file, and show its messages."""
    test = AppTest.from_string(
        _load_app() + f"files = [({name!r}, TEXT.encode())]\n"
        "module.show_upload_results(module.handle_uploads(files))\n",
        default_timeout=TIMEOUT,
    )
    test.session_state["reviewer"] = "Ann"
    test.session_state["TEXT"] = text
    return test.run()


def test_the_upload_message_says_what_was_decided_before(place: AppPlace):
    """A second order: the handler's message counts same-text and changed-number candidates."""
    place.upload("po-1.txt", REVISION_A.encode())
    with place.register() as register:
        for item in register.iter_entries():
            register.confirm(item.ref, version=item.version, actor="Ann")
    test = _upload_through_the_handler("po-2.txt", REVISION_B)
    assert not test.exception
    (message,) = [info.value for info in test.info if "po\\-2" in info.value]
    assert "1 has the text of an earlier decision" in message
    assert (
        "1 differs from an earlier document (other numbers or dates, said in other words with"
        " another value, or stating a change), 1 of them decided there"
    ) in message.replace("\\", "")
    assert "1 is in no earlier document, not even with other numbers" in message


def test_a_first_upload_stating_a_change_names_no_earlier_document(place: AppPlace):
    """An IT walk: the first upload into an empty register said "1 differs from an earlier
    document" for a statement stating a change, with no earlier document there."""
    test = _upload_through_the_handler(
        "msa.txt",
        "The Supplier shall deliver within 30 days.\n\nParts shall be packed in crates.\n\n"
        "Invoices are now due within 45 days instead of 60 days.\n",
    )
    assert not test.exception
    (message,) = [info.value.replace("\\", "") for info in test.info if "msa" in info.value]
    assert "from an earlier document (other numbers" not in message
    assert message.startswith(
        "msa.txt: 1 states a change with no earlier statement found that it changes"
    )


def test_an_upload_repeating_another_document_word_for_word_says_so(place: AppPlace):
    """An aerospace walk: a protected copy of revision A (other bytes) added its candidates
    again, "differing" from revision B, with no word that it was revision A."""
    three = REVISION_B
    place.upload("rev-a.txt", three.encode())
    test = _upload_through_the_handler("rev-a copy.txt", "\n" + three + "\n\n")
    assert not test.exception
    (warning,) = [w.value.replace("\\", "") for w in test.warning]
    assert warning == (
        "rev-a copy.txt holds word for word the statements of rev-a.txt: the same document in"
        " another file (a copy, a protected or re-saved version)? Its candidates repeat those:"
        " decide them as before (Bulk actions) or reject them"
    )
    test = _upload_through_the_handler("rev-b.txt", REVISION_A + "\nInvoices go to AP.\n")
    assert not test.warning


def _site_mail(*, with_rules: bool) -> bytes:
    """A customer's mail, and with ``with_rules`` its attached site rules."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Lena Brandt <lena@example.com>"
    message["To"] = "ops@example.com"
    message["Subject"] = "Site rules before peak season"
    message["Date"] = "Mon, 03 Aug 2026 09:00:00 +0100"
    message.set_content(
        "Dear operations team,\n\nAll bedding plant deliveries must be put away within 4"
        " hours of arrival.\n\nPallets shall be wrapped before dispatch.\n\nKindly confirm"
        " you can support this with the current staffing.\n\nKind regards,\nLena\n"
    )
    if with_rules:
        message.add_attachment(
            b"1. All persons on site must wear high-visibility clothing.\n\n2. Any accident"
            b" shall be reported to the HSE under RIDDOR 2013.\n",
            maintype="text",
            subtype="plain",
            filename="site_rules.txt",
        )
    return bytes(message)


def test_an_upload_holding_a_copy_and_more_says_how_many_are_new(place: AppPlace):
    """A 3PL walk: the full mail, after the same mail cut short (its attachment damaged), was
    said to repeat it word for word, and its candidates offered to reject: its 6 new site
    rules among them, one statutory."""
    place.upload("truncated_mail.eml", _site_mail(with_rules=False))
    test = AppTest.from_string(
        _load_app() + "files = [('site_rules.eml', st.session_state['DATA'])]\n"
        "module.show_upload_results(module.handle_uploads(files))\n",
        default_timeout=TIMEOUT,
    )
    test.session_state["reviewer"] = "Ann"
    test.session_state["DATA"] = _site_mail(with_rules=True)
    test.run()
    assert not test.exception
    shown = [m.value.replace("\\", "") for m in (*test.warning, *test.info)]
    assert not [m for m in shown if "reject" in m]
    assert (
        "site_rules.eml holds word for word all statements of truncated_mail.eml, plus 2 new"
        " ones: the candidates repeating those can be decided as before (Bulk actions); the"
        " new ones need your review"
    ) in shown


def test_new_or_reworded_counts_against_earlier_documents_decided_or_not(place: AppPlace):
    """Revision A not reviewed yet: its unchanged clauses in B are not "new" (a walk found 33
    of 40 called new where Compare found 7)."""
    place.upload("rev-a.txt", REVISION_A.encode())
    test = _upload_through_the_handler("rev-b.txt", REVISION_B)
    assert not test.exception
    (message,) = [info.value for info in test.info if "rev\\-b" in info.value]
    assert message.replace("\\", "").startswith(
        "rev-b.txt: 1 differs from an earlier document (other numbers or dates, said in other"
    )
    assert "; 1 is in no earlier document" in message.replace("\\", "")
    test = app()
    shown = texts(test)
    cues = [i for i, line in enumerate(shown) if line.startswith("New or reworded: ")]
    assert len(cues) == 1
    assert "A certificate of conformity shall come with each lot." in shown[cues[0] - 3 : cues[0]]
    # A walk: revision B's changed lead time had no mark while revision A waited for review.
    changed = shown.index(
        "Differs from REQ-0001 in rev-a.txt (waiting for review); numbers or dates changed:"
    )
    assert "The Supplier shall deliver within 45 days." in shown[changed - 3 : changed]
    assert word_diffs(test) == ["The Supplier shall deliver within [-30-] {+45+} days."]
    # waiting for review, not in force: nothing filled in
    assert link_fields(test, entry(place, "45 days")) == ("", "")
    test.checkbox(key="queue_changed_only").check().run()
    assert [line for line in texts(test) if line.startswith("REQ-")] == [
        next(line for line in shown if line.startswith("REQ-0003"))
    ]


def test_a_reworded_statement_is_not_also_called_new(place: AppPlace):
    """A tender walk: cards said both "May differ from REQ-0894 ... said before in other
    words" and "New or reworded: ... no earlier document has this one"."""
    place.upload(
        "spec-a.txt",
        b"1. The Supplier shall deliver within 30 days.\n\n"
        b"2. The first article inspection shall take place in week 30 at the works.\n",
    )
    place.upload(
        "spec-b.txt",
        b"1. The Supplier shall deliver within 30 days.\n\n"
        b"2. The first article inspection is moved to week 26 at the Supplier's works.\n",
    )
    shown = texts(app())
    assert any(line.startswith("May differ from REQ-0002") for line in shown)
    assert not [line for line in shown if line.startswith("New or reworded: ")]


def test_the_upload_message_counts_as_new_what_the_cards_mark_new(place: AppPlace):
    """An electronics walk: revision B's upload said "3 are in no earlier document ... new
    or reworded", and one card said so: the message counted the reworded change (marked
    "May differ" instead) and the greeting too."""
    place.upload(
        "spec-a.txt",
        b"1. The Supplier shall deliver within 30 days.\n\n"
        b"2. The first article inspection shall take place in week 30 at the works.\n\n"
        b"3. Each lot shall carry a label with the part number.\n",
    )
    test = _upload_through_the_handler(
        "spec-b.txt",
        "Hi Anna,\n\n"
        "1. The Supplier shall deliver within 30 days.\n\n"
        "2. The first article inspection is moved to week 26 at the Supplier's works.\n\n"
        "3. Each lot shall carry a label with the part number.\n\n"
        "4. A certificate of conformity shall come with each lot.\n",
    )
    (message,) = [info.value for info in test.info if "spec\\-b" in info.value]
    assert "1 is in no earlier document" in message.replace("\\", "")
    shown = texts(app())
    assert len([line for line in shown if line.startswith("New or reworded: ")]) == 1


def test_an_upload_with_no_statements_is_a_warning_not_a_success(place: AppPlace):
    """A file named .pdf that is text, holding only a heading: the reviewer is told both."""
    test = AppTest.from_string(
        _load_app() + "files = [('cover.pdf', TEXT.encode())]\n"
        "module.show_upload_results(module.handle_uploads(files))\n",
        default_timeout=TIMEOUT,
    )
    test.session_state["reviewer"] = "Ann"
    test.session_state["TEXT"] = "PURCHASE ORDER\n"
    test.run()
    assert not test.exception
    assert not test.success
    warnings = [w.value for w in test.warning]
    assert warnings[0].startswith("cover\\.pdf\\: no statements found, nothing added")
    assert "named like a PDF but it is text" in warnings[1]


def test_a_statement_running_over_a_page_break_names_both_pages(place: AppPlace):
    from extractor.register import CandidateInput, DocumentInput

    boxes = (
        {"page": 1, "x0": 72.0, "top": 700.0, "x1": 520.0, "bottom": 712.0},
        {"page": 2, "x0": 72.0, "top": 72.0, "x1": 300.0, "bottom": 84.0},
    )
    candidate = CandidateInput(
        position=0,
        text="The Supplier shall notify the Buyer of any change within ten (10) days of issue.",
        label="specified",
        confidence=0.9,
        page=1,
        boxes=boxes,
        clause="4.2",
    )
    with place.register() as register:
        register.add_document(
            DocumentInput("c" * 64, "long.pdf", "pdf", 2), [candidate], actor="importer"
        )
    test = app()
    assert not test.exception
    assert "long.pdf  ·  pages 1-2  ·  clause 4.2" in texts(test)


def test_the_queue_pages_on_from_below_the_last_card(place: AppPlace):
    add_labelled_document(place, "one.pdf")
    add_labelled_document(place, "two.pdf")  # 12 candidates: two pages of ten
    test = app()
    assert test.caption[0].value.startswith("12 in the queue · page 1 of 2")
    assert test.button(key="queue_back").disabled
    test.button(key="queue_next").click().run()
    assert not test.exception
    assert test.caption[0].value.startswith("12 in the queue · page 2 of 2")
    assert test.number_input(key="queue_page").value == 2
    assert test.button(key="queue_next").disabled
    test.button(key="queue_back").click().run()
    assert test.caption[0].value.startswith("12 in the queue · page 1 of 2")


def test_the_bulk_buttons_count_is_worked_out_again_only_after_a_change(
    place: AppPlace, monkeypatch: pytest.MonkeyPatch
):
    from extractor.register import Register

    add_labelled_document(place)
    real = Register.count_earlier_decided
    calls: list[int] = []

    def counted(self, where):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(self, where)

    monkeypatch.setattr(Register, "count_earlier_decided", counted)
    test = app()
    test.run()
    assert len(calls) == 1  # the second rerun found nothing changed
    shown = entry(place, "deliver the parts")
    with place.register() as register:
        register.confirm(shown.ref, version=shown.version, actor="Bo")
    test.run()
    assert len(calls) == 2


def test_text_read_by_ocr_says_so_on_its_card(place: AppPlace):
    from extractor.register import CandidateInput, DocumentInput

    scanned = CandidateInput(
        position=0,
        text="The Supplier shal1 deliver 50 units.",  # as OCR reads a scan
        label="specified",
        confidence=0.8,
        page=1,
        annotations={"ocr": True},
    )
    with place.register() as register:
        register.add_document(DocumentInput("e" * 64, "scan.pdf", "pdf", 1), [scanned], actor="x")
    test = app()
    assert not test.exception
    assert any("read by OCR from a scan: check the text against the page" in t for t in texts(test))
    shown = entry(place, "shal1")
    test.button(key=f"{shown.id}-v{shown.version}-reject").click().run()
    assert [s.value.replace("\\", "") for s in test.success] == [f"{shown.ref}: rejected"]


def test_a_reworded_change_in_a_later_mail_is_marked_on_its_card(place: AppPlace):
    """A walk over a customer thread: "level B" in a later mail for the order's "level C"
    had no mark, nor "600 instead of 500"; text from documents stays literal."""
    from extractor.register import CandidateInput, DocumentInput

    def mail(sha: str, name: str, sent: str, texts: list[str]) -> None:
        with place.register() as register:
            register.add_document(
                DocumentInput(sha * 64, name, "email", None, {"sender": "kv", "sent_at": sent}),
                [
                    CandidateInput(position=i, text=t, label="specified", confidence=0.9)
                    for i, t in enumerate(texts)
                ],
                actor="importer",
            )

    # uploaded first, sent last: the later one
    mail(
        "b",
        "m17 <b>spec</b>.eml",
        "2026-02-20T09:00:00+01:00",
        [
            "**Weld** imperfections shall meet <i>quality</i> level B according to ISO 5817.",
            "Please make it 600 units instead of 500.",
        ],
    )
    mail(
        "a",
        "po.eml",
        "2026-02-10T09:00:00+01:00",
        ["**Weld** imperfections shall meet <i>quality</i> level C according to ISO 5817."],
    )
    test = app()
    assert not test.exception
    shown = texts(test)
    assert (
        "May differ from REQ-0003 (po.eml, sent 2026-02-10, waiting for review): said before"
        " in other words, with another value:"
    ) in shown
    assert word_diffs(test) == [
        "**Weld** imperfections shall meet <i>quality</i> level [-C-] {+B+} according to ISO 5817."
    ]
    assert 'States a change ("instead of"): check which earlier requirement it replaces' in shown
    assert not [line for line in shown if line.startswith("May differ from REQ-0001")]
    test.checkbox(key="queue_changed_only").check().run()
    assert test.caption[0].value.startswith("2 in the queue")
    assert not test.markdown or all("<i>" not in m.value for m in test.markdown)


def test_a_change_sharing_few_words_with_the_earlier_entry_shows_that_entry_on_its_own(
    place: AppPlace,
):
    """An IT walk: the word diff between a terse mail ("resolution time for P2 is now 8 hours
    instead of 12") and the SLA table's long P2 row interleaved the two and could not be
    read; the row is shown on its own before it."""
    row = (
        "P2: High: a business function is degraded with no workaround (Response: 30 minutes)"
        " (Resolution: 12 hours) (Hours of cover: 24x7)"
    )
    change = "Resolution time for P2 is now 8 hours instead of 12 hours."
    _mail_document(place, "a", "msa.eml", "2026-02-10T09:00:00+01:00", row)
    _mail_document(place, "b", "sla-change.eml", "2026-04-16T09:00:00+01:00", change)
    test = app()
    assert not test.exception
    shown = texts(test)
    heading = next(i for i, line in enumerate(shown) if line.startswith("May differ from"))
    assert shown[heading + 1 : heading + 3] == [f"REQ-0001 reads: {row}", "Word by word:"]
    assert len(word_diffs(test)) == 1  # the diff stays, below it


def test_a_diff_of_a_few_words_needs_no_earlier_text_on_its_own(place: AppPlace):
    """A value changed in the same words: the diff reads on its own."""
    _mail_document(
        place, "a", "po.eml", "2026-02-10T09:00:00+01:00", "Deliver the frames within 30 days."
    )
    _mail_document(
        place, "b", "po2.eml", "2026-02-20T09:00:00+01:00", "Deliver the frames within 45 days."
    )
    test = app()
    shown = texts(test)
    assert any(line.startswith("Differs from REQ-0001") for line in shown)
    assert word_diffs(test) == ["Deliver the frames within [-30-] {+45+} days."]
    assert not [line for line in shown if " reads: " in line or line == "Word by word:"]


def _tender_mass_and_its_clarification(place: AppPlace) -> None:
    """The tender's 850 kg confirmed (REQ-0001), then a clarification's 800 kg (REQ-0002)."""
    unit = "The mass of each saloon unit shall not exceed"
    itt, clar = f"{unit} 850 kg including refrigerant.", f"{unit} 800 kg including its refrigerant."
    _mail_document(place, "a", "itt.eml", "2026-02-10T09:00:00+01:00", itt)
    _mail_document(place, "b", "clar.eml", "2026-02-20T09:00:00+01:00", clar)
    with place.register() as register:
        register.confirm("REQ-0001", version=1, actor="Bo")


def test_a_reworded_change_confirmed_can_supersede_the_earlier_entry(place: AppPlace):
    """A tender walk: a clarification's '800 kg instead of 850 kg' confirmed left the
    tender's 850 kg in force too, so the exported compliance list held both."""
    _tender_mass_and_its_clarification(place)
    test = app()
    later, offered = _replace_and_confirm(test, place, "800 kg")
    assert offered == ("", "REQ-0001")  # in other words: filled in as changing part of it
    with place.register() as register:
        earlier = register.get_entry("REQ-0001")
        in_force = [e.text for e in register.iter_entries(EntryFilter(statuses=("confirmed",)))
                    if not e.superseded_by]  # fmt: skip
    assert earlier.superseded_by == later.ref
    assert in_force == [later.text]


def test_the_compare_download_opens_in_excel_as_utf_8():
    """It had no byte-order mark, so Excel showed "°C" as "Â°C" (an auditor's walk)."""
    test = AppTest.from_string(
        _load_app() + "st.session_state['out'] = module.changes_csv([], ('a.txt', 'b.txt'))\n",
        default_timeout=TIMEOUT,
    )
    test.run()
    data = test.session_state["out"]
    assert data.startswith("\ufeff".encode()) and data.decode("utf-8-sig").startswith("kind,")


def test_a_reworded_change_supersedes_every_entry_holding_the_old_value(place: AppPlace):
    """Session 19: the tender's 38 kW stood in its clause, its parameter table's row and its
    compliance matrix's row; the clarification's '42 kW instead of 38 kW' named one, and
    superseding it left the other two in force with 38 kW."""
    from extractor.register import CandidateInput, DocumentInput

    tender = [
        "The net cooling capacity of the saloon Unit at the Design Point shall be not less than"
        " 38 kW, measured at the supply air outlet with the evaporator fan at nominal speed.",
        "Net cooling capacity at Design Point (Saloon Unit: ≥ 38) (Cab Unit: ≥ 5.5) (Unit: kW)",
        "The net cooling capacity of the saloon Unit shall be not less than 38 kW. (C/PC/NC: C)",
        "The net cooling capacity of the cab Unit at the Design Point shall be not less than"
        " 5.5 kW.",
    ]
    with place.register() as register:
        register.add_document(
            DocumentInput("a" * 64, "itt.pdf", "pdf", 40, {"sent_at": "2026-09-01T09:00:00+00:00"}),
            [
                CandidateInput(position=i, text=t, label="specified", confidence=0.9)
                for i, t in enumerate(tender)
            ],
            actor="importer",
        )
        register.add_document(
            DocumentInput("b" * 64, "clar.eml", "email", None, {"sent_at": "2026-10-01"}),
            [
                CandidateInput(
                    position=0,
                    text="The net cooling capacity of the saloon Unit at the Design Point shall"
                    " be not less than 42 kW instead of 38 kW.",
                    label="specified",
                    confidence=0.9,
                )
            ],
            actor="importer",
        )
        for ref in ("REQ-0001", "REQ-0002", "REQ-0003", "REQ-0004"):
            register.confirm(ref, version=1, actor="Bo")
    test = app()
    assert "The same value stands in REQ-0002, REQ-0003 too: each may differ as well" in texts(test)
    later, offered = _replace_and_confirm(test, place, "42 kW")
    assert offered == ("", "REQ-0001, REQ-0002, REQ-0003")
    with place.register() as register:
        in_force = [e.ref for e in register.iter_entries(EntryFilter(statuses=("confirmed",)))
                    if not e.superseded_by]  # fmt: skip
    assert in_force == ["REQ-0004", later.ref]  # the cab unit's 5.5 kW stays


def _replace_and_confirm(test: AppTest, place: AppPlace, text: str) -> tuple[Any, tuple[str, str]]:
    """Confirm the card of the entry holding ``text`` with what its hint filled in moved to
    "It also replaces": the entry before, and what the two fields held as drawn."""
    later = entry(place, text)
    key = f"{later.id}-v{later.version}"
    offered = link_fields(test, later)
    test.text_input(key=f"{key}-replaces-named").input(", ".join(filter(None, offered)))
    test.text_input(key=f"{key}-changes-named").input("")
    test.button(key=f"{key}-confirm").click().run()
    assert not test.exception
    return later, offered


def _mail_document(
    place: AppPlace, sha: str, name: str, sent: str, text: str, label: str = "specified"
) -> None:
    from extractor.register import CandidateInput, DocumentInput

    with place.register() as register:
        register.add_document(
            DocumentInput(sha * 64, name, "email", None, {"sender": "kv", "sent_at": sent}),
            [CandidateInput(position=0, text=text, label=label, confidence=0.9)],
            actor="importer",
        )


def test_a_card_whose_text_was_since_replaced_in_other_words_offers_no_decision(
    place: AppPlace,
):
    """A machined-parts walk: revision D's "0.005 mm" offered "Decide as REQ-0001 was",
    though a mail's "0.008 mm" had replaced REQ-0001."""
    note = "Cylindricity of bore A shall be 0.005 mm."
    _mail_document(place, "a", "drawing-c.eml", "2026-02-10T09:00:00+01:00", note)
    _mail_document(place, "b", "mail.eml", "2026-02-20T09:00:00+01:00", note.replace("5", "8"))
    _mail_document(place, "c", "drawing-d.eml", "2026-03-01T09:00:00+01:00", note)
    with place.register() as register:
        register.confirm("REQ-0001", version=1, actor="Bo")
        register.confirm("REQ-0002", version=1, actor="Bo")
        register.supersede("REQ-0001", "REQ-0002", version=2, actor="Bo")
    test = app()
    assert not test.exception
    assert (
        "Same text decided before (REQ-0001, confirmed as specified), but REQ-0001 was since"
        " replaced by REQ-0002, which says it otherwise: check which is in force; it is not"
        " decided as before"
    ) in texts(test)
    assert not [b for b in test.button if b.key == "3-v1-as-before"]


def test_a_change_of_part_of_a_line_keeps_the_line_in_force_with_a_note(place: AppPlace):
    """An aerospace walk: confirming a mail's new need date with "It replaces" took the
    order line's quantity, price and codes out of force; naming a waiting line in "It
    also replaces" left it in the queue marked superseded."""
    line = "Item 30 housing assembly HA-2210-114: 80 pieces, need date 15 May 2026."
    change = "Item 30 housing assembly HA-2210-114: need date now 12 June 2026, not 15 May 2026."
    _mail_document(place, "a", "po.eml", "2026-02-10T09:00:00+01:00", line)
    _mail_document(place, "b", "change.eml", "2026-02-20T09:00:00+01:00", change)
    _mail_document(place, "c", "line50.eml", "2026-02-21T09:00:00+01:00", "Item 50: 300 clamps.")
    with place.register() as register:
        register.confirm("REQ-0001", version=1, actor="Bo")
    test = app()
    key = f"{entry(place, 'now 12 June').id}-v1"
    assert link_fields(test, entry(place, "now 12 June")) == ("", "REQ-0001")
    test.text_input(key=f"{key}-replaces-named").input("REQ-0001")
    test.button(key=f"{key}-confirm").click().run()
    assert test.error[0].value.replace("\\", "") == (
        "REQ-0002: nothing saved; it cannot both replace and change part of REQ-0001: name"
        " it in one of the two fields"
    )
    assert entry(place, "now 12 June").status == "candidate"
    test.text_input(key=f"{key}-replaces-named").input("")
    test.text_input(key=f"{key}-changes-named").input("REQ-0003")
    test.button(key=f"{key}-confirm").click().run()
    # a logistics walk: the confirmation was saved, the link refused after it and the
    # REQ number typed lost with the card; nothing is saved now and the card keeps it
    assert test.error[0].value.replace("\\", "") == (
        "REQ-0002: nothing saved; REQ-0003 is candidate, not a requirement in force:"
        " decide it first"
    )
    assert entry(place, "now 12 June").status == "candidate"
    assert test.text_input(key=f"{key}-changes-named").value == "REQ-0003"
    test.text_input(key=f"{key}-changes-named").input("REQ-0001")
    test.button(key=f"{key}-confirm").click().run()
    shown = [m.value.replace("\\", "") for m in [*test.success, *test.error, *test.warning]]
    assert "REQ-0001: stays in force; REQ-0002 changing part of it is noted on it" in shown
    assert not [m for m in shown if "stays in force beside" in m or "nothing saved" in m]
    line_entry, waiting = entry(place, "80 pieces"), entry(place, "300 clamps")
    assert (line_entry.status, line_entry.superseded_by) == ("confirmed", "")
    assert "Changed in part by REQ-0002 (change.eml): Item 30" in line_entry.notes
    assert (waiting.status, waiting.superseded_by) == ("candidate", "")


def test_a_waiting_requirement_named_as_replaced_leaves_the_queue_out_of_force(
    place: AppPlace,
):
    """A construction walk: revision P02's clause named P01's, still waiting, in "It also
    replaces"; the link was dropped, and P01's confirmed later stood in force beside it."""
    clause = "Shutdowns shall be notified 15 working days ahead, between 22:00 and 05:00."
    _mail_document(place, "a", "er-p01.eml", "2026-02-10T09:00:00+01:00", clause)
    later = clause.replace("15", "20").replace("22:00", "23:00")
    _mail_document(place, "b", "er-p02.eml", "2026-02-20T09:00:00+01:00", later)
    test = app()
    key = f"{entry(place, '20 working').id}-v1"
    test.text_input(key=f"{key}-replaces-named").input("REQ-0001")
    test.button(key=f"{key}-confirm").click().run()
    assert not test.exception and not test.error
    replaced = entry(place, "15 working")
    assert (replaced.status, replaced.superseded_by) == ("confirmed", "REQ-0002")
    assert entry(place, "20 working").status == "confirmed"


def test_a_change_labelled_none_of_a_requirement_in_force_is_offered_as_one(place: AppPlace):
    """An aerospace walk: the buyer's "the need date is now 12 June 2026 instead of 15 May
    2026", linked to the order line it changes, was labelled none and Reject suggested."""
    line = "Item 30 housing assembly HA-2210-114: 80 pieces, need date 15 May 2026."
    change = (
        "Item 30 housing assembly HA-2210-114: need date is now 12 June 2026 instead of"
        " 15 May 2026."
    )
    _mail_document(place, "a", "po.eml", "2026-02-10T09:00:00+01:00", line)
    _mail_document(place, "b", "change.eml", "2026-02-20T09:00:00+01:00", change, "none")
    with place.register() as register:
        register.confirm("REQ-0001", version=1, actor="Bo")
    test = app()
    assert not test.exception
    assert (
        "Labelled none, but it changes REQ-0001, in force: a changed requirement is one too,"
        " so the label below says specified (reject it if it changes nothing)"
    ) in texts(test)
    key = f"{entry(place, 'is now').id}-v1"
    assert test.selectbox(key=f"{key}-label").value == "specified"
    assert test.button(key=f"{key}-confirm").proto.type == "primary"
    assert test.button(key=f"{key}-reject").proto.type == "secondary"
    test.button(key=f"{key}-confirm").click().run()
    changed = entry(place, "is now")
    assert (changed.status, changed.label) == ("confirmed", "specified")


def test_confirming_a_change_without_replacing_warns_that_both_stay_in_force(
    place: AppPlace,
):
    """An automotive walk: revision B's 'disc thickness variation <= 8 µm' confirmed with
    'It replaces' unticked kept revision A's 10 µm in force beside it, unwarned."""
    _tender_mass_and_its_clarification(place)
    test = app()
    later = entry(place, "800 kg")
    # the reviewer clears what the hint filled in: neither replaced nor changed in part
    test.text_input(key=f"{later.id}-v{later.version}-changes-named").input("")
    test.button(key=f"{later.id}-v{later.version}-confirm").click().run()
    warned = [m.value.replace("\\", "") for m in test.warning]
    assert any(line.startswith("REQ-0001 stays in force beside REQ-0002") for line in warned)
    with place.register() as register:
        assert register.get_entry("REQ-0001").superseded_by == ""


def test_no_stays_in_force_warning_for_an_entry_out_of_force_since_the_card_was_drawn(
    place: AppPlace,
):
    """A federal walk was told "REQ-0293 stays in force beside REQ-0379" seconds after it
    had taken REQ-0293 out of force."""
    _tender_mass_and_its_clarification(place)
    test = app()
    later = entry(place, "800 kg")
    with place.register() as register:  # meanwhile, in another tab
        earlier = register.get_entry("REQ-0001")
        register.withdraw("REQ-0001", version=earlier.version, actor="Bo", reason="dropped")
    test.text_input(key=f"{later.id}-v{later.version}-changes-named").input("")
    test.button(key=f"{later.id}-v{later.version}-confirm").click().run()
    assert not test.exception
    assert not [m.value for m in test.warning if "stays in force beside" in m.value]
    assert entry(place, "800 kg").status == "confirmed"


def test_a_change_of_a_superseded_entry_replaces_the_one_in_force(place: AppPlace):
    """A medical-device walk: revision E's card offered to replace spec PS-011 (REQ-0126),
    which the tolerance mail (REQ-0152) had replaced already; confirming moved the link, and
    REQ-0152 and REQ-0190 were both in force. (Here revision E says the clause with other
    numbers; ``test_reworded`` has the reworded path's ``in_force``.)"""
    wall = "The wall thickness at rib R4 of the housing shall be 2.00 mm"
    mail = "Please note the wall thickness at rib R4 of the housing is now 2.00 mm +/- 0.05 mm."
    _mail_document(place, "a", "spec-d.eml", "2026-01-10T09:00:00+01:00", f"{wall} +/- 0.10 mm.")
    _mail_document(place, "b", "mail.eml", "2026-02-02T09:00:00+01:00", mail)
    _mail_document(place, "c", "spec-e.eml", "2026-03-01T09:00:00+01:00", f"{wall} +/- 0.04 mm.")
    with place.register() as register:
        register.confirm("REQ-0001", version=1, actor="Bo")
        register.confirm("REQ-0002", version=1, actor="Bo")
        register.supersede("REQ-0001", "REQ-0002", version=2, actor="Bo")
        with pytest.raises(RegisterError, match="already superseded by REQ-0002"):
            register.supersede("REQ-0001", "REQ-0003", version=3, actor="Bo")
    test = app()
    shown = texts(test)
    assert any(line.startswith("Differs from REQ-0001") and "since superseded by REQ-0002"
               in line for line in shown)  # fmt: skip
    _, offered = _replace_and_confirm(test, place, "0.04 mm")
    assert offered == ("REQ-0002", "")  # the one in force, named on the card
    with place.register() as register:
        chain = [register.get_entry(ref).superseded_by for ref in ("REQ-0001", "REQ-0002")]
    assert chain == ["REQ-0002", "REQ-0003"]


def _order_and_moved_delivery(place: AppPlace) -> None:
    """An order line (REQ-0001), then a mail moving its delivery in words it shares too few
    of to be linked (REQ-0002)."""
    _mail_document(
        place, "a", "po.eml", "2026-01-19T09:00:00+01:00",
        "20: HIT-20417 (Qty: 6,000) (Delivery date: 2026-03-16)",
    )  # fmt: skip
    _mail_document(
        place, "b", "mail.eml", "2026-02-05T09:00:00+01:00",
        "Please deliver item 20 of our order on 30 March 2026.",
    )  # fmt: skip


def _name_replaced_and_press(test: AppTest, place: AppPlace, typed: str, verdict: str) -> Any:
    """Type ``typed`` into the moved delivery's 'It also replaces' and press ``verdict``."""
    later = entry(place, "30 March")
    key = f"{later.id}-v{later.version}"
    test.text_input(key=f"{key}-replaces-named").input(typed)
    test.button(key=f"{key}-{verdict}").click().run()
    assert not test.exception
    return later


def test_save_on_a_confirmed_card_marks_what_it_also_replaces(place: AppPlace):
    """An automotive walk: on a confirmed card, 'It also replaces' typed and Save pressed
    said 'nothing changed, nothing saved'; only a second Confirm linked them."""
    _order_and_moved_delivery(place)
    with place.register() as register:
        register.confirm("REQ-0001", version=1, actor="Bo")
        register.confirm("REQ-0002", version=1, actor="Bo")
    test = app()
    test.multiselect(key="queue_statuses").select("confirmed").run()
    later = _name_replaced_and_press(test, place, "REQ-0001", "save")
    with place.register() as register:
        assert register.get_entry("REQ-0001").superseded_by == later.ref


def test_undo_of_a_confirm_that_replaced_an_entry_puts_that_entry_back_in_force(
    place: AppPlace,
):
    """Undo reopened the confirmed entry and left the one it had replaced superseded by a
    candidate: a requirement out of force with nothing in its place."""
    _order_and_moved_delivery(place)
    with place.register() as register:
        register.confirm("REQ-0001", version=1, actor="Bo")
    test = app()
    later = _name_replaced_and_press(test, place, "REQ-0001", "confirm")
    test.button(key="undo_last").click().run()
    assert not test.exception and not test.error
    with place.register() as register:
        replaced, undone = register.get_entry("REQ-0001"), register.get_entry(later.ref)
    assert (replaced.status, replaced.superseded_by) == ("confirmed", "")
    assert undone.status == "candidate"


def test_save_on_a_waiting_card_says_what_it_also_replaces_needs(place: AppPlace):
    _order_and_moved_delivery(place)
    test = app()
    _name_replaced_and_press(test, place, "REQ-0001", "save")
    shown = [m.value.replace("\\", "") for m in test.info]
    assert any("marked when it is confirmed" in line for line in shown), shown
    with place.register() as register:
        assert register.get_entry("REQ-0001").superseded_by == ""


def test_a_reviewer_names_what_a_change_replaces_when_the_tool_found_nothing(place: AppPlace):
    """A medical-device walk: 'please move the delivery of item 20 to 30 March' had no hint,
    so the card offered no 'It replaces', and 16 March stayed in force beside 30 March."""
    _order_and_moved_delivery(place)
    with place.register() as register:
        register.confirm("REQ-0001", version=1, actor="Bo")
    test = app()
    later = _name_replaced_and_press(test, place, "req-1", "confirm")
    with place.register() as register:
        assert register.get_entry("REQ-0001").superseded_by == later.ref
    shown = [m.value.replace("\\", "") for m in test.success]  # escaped for Markdown
    assert "REQ-0001: superseded by REQ-0002, no longer in force" in shown


def test_an_upload_shows_its_queue_without_the_last_search(place: AppPlace):
    add_labelled_document(place)
    test = app()
    test.text_input(key="queue_search").input("REQ-0999").run()
    assert test.caption[0].value.startswith("0 in the queue")
    test.file_uploader(key="uploads_0").upload(
        "notes.txt", b"The Supplier shall ship weekly.\nParts shall be packed in crates.\n",
        "text/plain",
    ).run()  # fmt: skip
    assert not test.exception
    assert test.text_input(key="queue_search").value == ""
    assert any(caption.value.startswith("2 in the queue") for caption in test.caption)


def test_the_last_uploads_messages_can_be_hidden(place: AppPlace):
    test = app()
    assert "hide_upload_results" not in [button.key for button in test.button]
    test.file_uploader(key="uploads_0").upload(
        "notes.txt", b"The Supplier shall ship weekly.\n", "text/plain"
    ).run()
    shown = [s.value.replace("\\", "") for s in test.success]  # escaped for Markdown
    assert "notes.txt: 1 new candidates" in shown
    test.button(key="hide_upload_results").click().run()
    assert not any("notes" in s.value for s in test.success)
    assert "hide_upload_results" not in [button.key for button in test.button]


def test_an_upload_names_what_its_previous_revision_said_and_it_leaves_out(place: AppPlace):
    """An IT services walk: SOW revision 2 dropped an assumption; the upload said what was
    new, not what was gone, and the assumption stayed a requirement in force."""
    revision_1 = "\n\n".join(
        [
            "The Supplier shall deliver 500 brackets by 1 March 2027.",
            "Parts shall be packed in VCI bags.",
            "Each delivery shall carry a certificate of conformity to EN 10204 3.1.",
            "The customer's assembly line runs three shifts, seven days a week.",
            "Invoices will be paid within 30 days of receipt.",
        ]
    )
    place.upload("sow-rev1.txt", revision_1.encode())
    with place.register() as register:
        for item in register.iter_entries():
            register.confirm(item.ref, version=item.version, actor="Ann")
    revision_2 = revision_1.replace("500", "600").replace(
        "The customer's assembly line runs three shifts, seven days a week.",
        "The Supplier shall mark each bag with the part number.",
    )
    test = _upload_through_the_handler("sow-rev2.txt", revision_2)
    assert not test.exception
    (warning,) = [w.value.replace("\\", "") for w in test.warning]
    assert warning == (
        "sow-rev2.txt leaves out 1 confirmed requirement of sow-rev1.txt, its previous"
        " revision, not even with other numbers or in other words: REQ-0004. If the revision"
        " drops them, withdraw them with it as the reason (search their REQ numbers, status"
        " confirmed, 'Withdraw'); if not, ask the customer"
    )


def test_confirming_a_requirement_a_later_revision_dropped_says_so(place: AppPlace):
    """A valve specification walk: revision B was uploaded before revision A's candidates
    were reviewed, so B's upload named nothing it leaves out; the clause B dropped,
    confirmed afterwards, stood in force without a word until B was uploaded again."""
    revision_1 = "\n\n".join(
        [
            "The Supplier shall deliver 500 valves by 1 March 2027.",
            "Valves shall be packed in VCI bags.",
            "Each delivery shall carry a certificate of conformity to EN 10204 3.1.",
            "Body castings shall be radiographed to ASTM E446 severity level 2.",
            "Invoices will be paid within 30 days of receipt.",
        ]
    )
    place.upload("spec-rev-a.txt", revision_1.encode())
    revision_2 = revision_1.replace("500", "600").replace(
        "Body castings shall be radiographed to ASTM E446 severity level 2.",
        "Each valve shall pass a fugitive emission test to ISO 15848-2.",
    )
    assert not place.upload("spec-rev-b.txt", revision_2.encode()).dropped  # none confirmed
    castings = entry(place, "radiographed")
    assert castings.ref == "REQ-0004" and castings.status == "candidate"
    test = app()
    key = f"{castings.id}-v{castings.version}"
    test.selectbox(key=f"{key}-label").set_value("specified")
    test.button(key=f"{key}-confirm").click().run()
    assert not test.exception
    assert entry(place, "radiographed").status == "confirmed"
    assert [w.value.replace("\\", "") for w in test.warning] == [
        "spec-rev-b.txt, a later revision of spec-rev-a.txt imported before this requirement"
        " was confirmed, leaves out REQ-0004, not even with other numbers or in other words."
        " If the revision drops it, withdraw it with the revision as the reason (status"
        " confirmed, 'Withdraw'); if not, ask the customer"
    ]
    # a clause revision B says again is confirmed without a word
    packing = entry(place, "VCI bags")
    assert packing.ref == "REQ-0002"
    key = f"{packing.id}-v{packing.version}"
    test.selectbox(key=f"{key}-label").set_value("specified")
    test.button(key=f"{key}-confirm").click().run()
    assert entry(place, "VCI bags").status == "confirmed" and not test.warning


def test_a_mail_repeating_only_a_greeting_is_no_revision(place: AppPlace):
    """An energy walk: new mails were called revisions ("N are in no earlier document ...:
    new or reworded", and so on every card) because their greeting had been said before."""
    place.upload(
        "answers.txt",
        b"Dear Tenderers,\n\nThe BESS capacity is 100 MWh.\n\nTenders close on 29 May 2026.\n",
    )
    test = _upload_through_the_handler(
        "grid.txt",
        "Dear Tenderers,\n\nProvide PSCAD models with the grid study.\n\n"
        "Fit a fault recorder at the 33 kV substation.\n\nThe study is due on 1 September.\n",
    )
    assert not test.exception
    assert not [info.value for info in test.info if "new or reworded" in info.value]
    assert not repeats_earlier(4, 1) and repeats_earlier(4, 2) and not repeats_earlier(10, 2)


def test_a_short_change_of_a_long_clause_suggests_changing_only_part_of_it(place: AppPlace):
    """A re-walk: "It replaces" on the grid engineer's "Reactive power capability 0.93
    leading to 0.93 lagging at POI, not 0.95" took the whole grid-code clause (its
    regulation, fault ride-through, frequency response) out of force."""
    clause = (
        "The plant shall comply with Commission Regulation (EU) 2016/631 and the Grid Code,"
        " including fault ride-through, frequency response and a reactive power capability"
        " of 0.95 leading to 0.95 lagging at the point of interconnection."
    )
    change = "Reactive power capability 0.93 leading to 0.93 lagging at POI, not 0.95."
    _mail_document(place, "a", "spec.eml", "2026-03-10T09:00:00+01:00", clause)
    _mail_document(place, "b", "grid.eml", "2026-04-20T09:00:00+01:00", change)
    with place.register() as register:
        register.confirm("REQ-0001", version=1, actor="Bo")
    test = app()
    assert not test.exception
    assert (
        "REQ-0001 says much more than this statement: if this changes only one of its values,"
        " leave it under 'It changes part of'."
    ) in [caption.value.replace("\\", "") for caption in test.caption]
    assert link_fields(test, entry(place, "0.93 leading")) == ("", "REQ-0001")


def test_a_greeting_in_a_revision_is_not_called_new(place: AppPlace):
    """A re-walk: in a planner's reply, "Hi Niamh," said "New or reworded: ... no earlier
    document has this one"; its new demand still does."""
    place.upload("rev-a.txt", REVISION_A.encode())
    place.upload("rev-b.txt", ("Hi Niamh,\n\n" + REVISION_B).encode())
    shown = texts(app())
    cues = [i for i, line in enumerate(shown) if line.startswith("New or reworded: ")]
    assert [shown[i - 3 : i] for i in cues if "Hi Niamh," in shown[i - 3 : i]] == []
    assert any("A certificate of conformity" in " ".join(shown[i - 3 : i]) for i in cues)
