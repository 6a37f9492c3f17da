"""The "Compare revisions" view through AppTest: two real uploads, the real model and pipeline.

The files are handed to the view's own file pickers; nothing is stubbed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from extractor.review import compare_uploads

from .helpers import APP, AppPlace

TIMEOUT = 90
REVISIONS = Path(__file__).resolve().parents[1] / "documents" / "revisions"
BEFORE = REVISIONS / "quotation_rev_a.txt"
AFTER = REVISIONS / "purchase_order_rev_b.txt"


def compare_app() -> AppTest:
    test = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    test.session_state["reviewer"] = "Ann"
    test.session_state["view"] = "Compare revisions"
    return test.run()


def upload(test: AppTest, before: tuple[str, bytes], after: tuple[str, bytes]) -> AppTest:
    test.file_uploader(key="compare_previous").upload(*before, "text/plain")
    test.file_uploader(key="compare_current").upload(*after, "text/plain")
    return test.run()


def texts(test: AppTest) -> list[str]:
    return [element.value for element in test.text]


def test_without_both_files_the_view_asks_for_them(place: AppPlace) -> None:
    test = compare_app()
    assert not test.exception
    assert "Upload both revisions" in test.info[0].value


def test_changed_added_and_removed_requirements_are_listed(place: AppPlace) -> None:
    test = upload(
        compare_app(),
        ("quotation.txt", BEFORE.read_bytes()),
        ("order.txt", AFTER.read_bytes()),
    )
    assert not test.exception
    captions = [caption.value for caption in test.caption]
    assert any(caption.endswith("unchanged (requirements)") for caption in captions)
    table = test.dataframe[0].value
    rows = list(zip(table["change"], table["previous"], table["current"], strict=True))
    definition = ("added", "", "clause 1.1")  # a requirement or not: the model's call
    assert [row for row in rows if row != definition] == [
        ("changed", "clause 2.2", "clause 3.2"),
        ("changed", "clause 2.4", "clause 3.3"),
        ("removed", "clause 2.5", ""),
        ("added", "", "clause 3.5"),
        ("changed", "clause 3.1", "clause 4.1"),
        ("changed", "clause 3.2", "clause 4.2"),
    ]
    assert "Delivery shall be made within [-30-]{+45+} days of each call-off." in list(
        table["diff"]
    )
    assert table["previous"].iloc[0] == "clause 2.2"
    shown = texts(test)
    assert any(
        line.startswith("CHANGED  ·  modal, negation  ·  clause 2.4 -> clause 3.3")
        for line in shown
    )
    assert (
        "The Supplier [-shall not-]{+may+} change the steel grade without written approval."
        in shown
    )
    # Every statement, unchanged ones included.
    test.checkbox(key="compare_all").check()
    test.multiselect(key="compare_kinds").select("unchanged").run()
    assert "4 changed, 2 added, 1 removed, 5 unchanged (statements)" in [
        caption.value for caption in test.caption
    ]
    assert len(test.dataframe[0].value) == 12


def test_changes_of_a_text_without_clause_numbers_say_which_statement(place: AppPlace) -> None:
    """An e-mail has no clauses or pages: the detail read "ADDED · - -> - · - -> specified"."""
    before = b"Hello Tom.\n\nThe keys must be at least 15 mm.\n\nPlease ship by sea.\n"
    after = b"Hello Tom.\n\nThe keys must be at least 18 mm.\n\nPlease ship by sea.\n"
    test = upload(compare_app(), ("mail-1.txt", before), ("mail-2.txt", after))
    assert not test.exception
    table = test.dataframe[0].value
    assert ("statement 2", "statement 2") in list(
        zip(table["previous"], table["current"], strict=True)
    )
    assert any("statement 2 -> statement 2" in line for line in texts(test))


def test_document_text_is_shown_literally(place: AppPlace) -> None:
    before = b"1. The Supplier shall deliver within 30 days.\n"
    after = (
        b"1. The Supplier shall deliver within 30 days.\n\n"
        b"2. The Supplier shall keep <script>alert('x')</script> out of every *bold* report.\n\n"
        b'3. =HYPERLINK("http://example.invalid","x") The Supplier shall pay the fee.\n'
    )
    test = upload(compare_app(), ("a.txt", before), ("b<i>.txt", after))
    test.checkbox(key="compare_all").check().run()  # whatever the model makes of them
    assert not test.exception
    shown = texts(test)
    assert any("{+The Supplier shall keep <script>alert('x')</script>" in line for line in shown)
    assert any("*bold* report" in line for line in shown)
    markdown = [e.value for e in test.markdown] + [e.value for e in test.caption]
    assert not any("<script>" in value or "*bold*" in value for value in markdown)


def test_an_unreadable_upload_is_one_message_naming_it(place: AppPlace) -> None:
    test = upload(
        compare_app(),
        ("scan_**x**.pdf", b"%PDF-1.7 this is not really a PDF"),
        ("order.txt", AFTER.read_bytes()),
    )
    assert not test.exception
    assert len(test.error) == 1
    message = test.error[0].value
    assert "scan\\_\\*\\*x\\*\\*\\.pdf" in message  # escaped, so it shows literally
    assert not test.dataframe


def test_the_library_part_compares_uploads_without_streamlit(place: AppPlace) -> None:
    from extractor.classifying import load_default_classifier

    comparison = compare_uploads(
        ("quotation.txt", BEFORE.read_bytes()),
        ("order.txt", AFTER.read_bytes()),
        classifier=load_default_classifier(),
    )
    assert comparison.ok and comparison.counts()["removed"] == 1
    refused = compare_uploads(("a.txt", b"x"), ("b.txt", b"y"), classifier=None)
    assert not refused.ok and "no model" in refused.error


def test_the_previous_revision_can_come_from_the_register(place: AppPlace) -> None:
    test = compare_app()
    test.radio(key="compare_from").set_value("the register").run()
    assert "upload it instead" in test.info[0].value  # nothing kept yet
    place.upload("quotation <b>A</b>.txt", BEFORE.read_bytes())
    place.upload("unrelated.txt", b"1. The Buyer shall pay within 60 days.\n")
    test.run()
    choice = test.selectbox(key="compare_stored")
    assert choice.options[0].startswith("quotation <b>A</b>.txt (")  # as written, no markup
    choice.set_value(0)
    test.file_uploader(key="compare_current").upload("order.txt", AFTER.read_bytes(), "text/plain")
    test.run()
    assert not test.exception
    table = test.dataframe[0].value
    assert ("removed", "clause 2.5", "") in list(
        zip(table["change"], table["previous"], table["current"], strict=True)
    )
    assert "Delivery shall be made within [-30-]{+45+} days of each call-off." in list(
        table["diff"]
    )
    # each change beside the register entry to decide it: the quotation's, until the
    # order itself is uploaded for review
    entry_of = dict(zip(table["previous"], table["register entry"], strict=True))
    assert re.fullmatch(r"previous: REQ-\d{4} \(candidate\)", entry_of["clause 2.5"])
    place.upload("order.txt", AFTER.read_bytes())
    test.run()
    table = test.dataframe[0].value
    entry_of = dict(zip(table["current"], table["register entry"], strict=True))
    assert re.fullmatch(r"REQ-\d{4} \(candidate\)", entry_of["clause 4.1"])


def test_a_bug_while_reading_one_revision_is_a_message_naming_that_file(
    place: AppPlace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extractor.review.comparisons as comparisons
    from extractor.classifying import load_default_classifier

    real = comparisons.extract_bytes

    def buggy(data, name, **options):
        if name == "order.txt":
            raise KeyError("font-table")
        return real(data, name, **options)

    monkeypatch.setattr(comparisons, "extract_bytes", buggy)
    comparison = compare_uploads(
        ("quotation.txt", BEFORE.read_bytes()),
        ("order.txt", AFTER.read_bytes()),
        classifier=load_default_classifier(),
    )
    assert not comparison.ok
    assert comparison.error == (
        "order.txt: unexpected KeyError: 'font-table' (a bug; please report it)"
    )


def test_the_register_offers_the_document_most_like_the_order_first(place: AppPlace) -> None:
    place.upload("unrelated.txt", b"1. The Buyer shall pay within 60 days.\n")
    place.upload("quotation.txt", BEFORE.read_bytes())
    place.upload("later note.txt", b"1. The Seller shall keep records for ten years.\n")
    test = compare_app()
    test.radio(key="compare_from").set_value("the register").run()
    assert test.selectbox(key="compare_stored").value == 2  # the newest, with no order yet
    test.file_uploader(key="compare_current").upload("order.txt", AFTER.read_bytes(), "text/plain")
    test.run()
    assert not test.exception
    choice = test.selectbox(key="compare_stored")
    offered = choice.options[choice.index]
    assert offered.startswith("quotation.txt (") and "statements alike" in offered
    assert "removed" in list(test.dataframe[0].value["change"])  # compared with the quotation


def test_the_register_never_offers_the_order_itself_as_its_previous_revision(
    place: AppPlace,
) -> None:
    """An order already uploaded for review is in the register too: comparing it with
    itself would show no change at all."""
    place.upload("quotation.txt", BEFORE.read_bytes())
    place.upload("order.txt", AFTER.read_bytes())
    test = compare_app()
    test.radio(key="compare_from").set_value("the register").run()
    test.file_uploader(key="compare_current").upload("order.txt", AFTER.read_bytes(), "text/plain")
    test.run()
    assert not test.exception
    choice = test.selectbox(key="compare_stored")
    assert [option.split(" (")[0] for option in choice.options] == ["quotation.txt"]
    assert "removed" in list(test.dataframe[0].value["change"])


def test_the_reviewers_labels_go_before_the_models_when_comparing() -> None:
    """A clause a reviewer confirmed as a requirement is compared as one, whatever the model."""
    from extractor.classifying import load_default_classifier

    definition = '"Call-off" means a written release of a quantity against this order.'
    asked: list[str] = []

    def decided(texts):
        asked.extend(texts)
        return {definition: "specified"}

    revisions = (("quotation.txt", BEFORE.read_bytes()), ("order.txt", AFTER.read_bytes()))
    plain = compare_uploads(*revisions, classifier=load_default_classifier())
    reviewed = compare_uploads(
        *revisions, classifier=load_default_classifier(), decided_labels=decided
    )
    assert definition in asked
    added = [c for c in reviewed.changes if c.current and c.current.statement.text == definition]
    assert len(added) == 1 and added[0].kind == "added" and added[0].current.label == "specified"
    assert not any(c.current and c.current.statement.text == definition for c in plain.changes)


def test_uploads_are_kept_while_the_reviewer_visits_another_view(place: AppPlace) -> None:
    """A walk: both revisions were gone after a look at the register; uploading again was
    the only way back. They are kept, named, and can be forgotten."""
    test = upload(
        compare_app(),
        ("quotation.txt", BEFORE.read_bytes()),
        ("order.txt", AFTER.read_bytes()),
    )
    rows = len(test.dataframe[0].value)
    test.session_state["view"] = "Register"
    test.run()
    test.session_state["view"] = "Compare revisions"
    test.run()
    assert not test.exception
    assert "Still comparing quotation.txt, uploaded earlier." in texts(test)
    assert "Still comparing order.txt, uploaded earlier." in texts(test)
    assert len(test.dataframe[0].value) == rows
    test.checkbox(key="compare_all").check().run()  # another run of the view keeps them
    assert len(test.dataframe[0].value) > rows
    test.button(key="compare_previous_forget").click().run()
    assert "Upload both revisions" in test.info[0].value
    assert "Still comparing order.txt, uploaded earlier." in texts(test)


def test_a_file_taken_out_of_the_picker_is_forgotten(place: AppPlace) -> None:
    test = upload(
        compare_app(),
        ("quotation.txt", BEFORE.read_bytes()),
        ("order.txt", AFTER.read_bytes()),
    )
    test.file_uploader(key="compare_current").clear().run()
    assert not test.exception
    assert "Upload both revisions" in test.info[0].value
    assert not any(text.startswith("Still comparing") for text in texts(test))


def test_an_amendment_saying_little_of_the_agreement_again_is_said_to_amend_part(
    place: AppPlace,
) -> None:
    """An EDGAR-style walk read "134 removed" for an agreement and its amendment."""
    agreement = (
        "1. The Supplier shall deliver the Products DDP Minneapolis.\n\n"
        "2. The Supplier shall keep inspection records for ten years.\n\n"
        "3. The Supplier shall hold ISO 13485 certification.\n\n"
        "4. Invoices shall be paid within 45 days of receipt.\n\n"
        "5. The Supplier shall notify the Customer of any process change.\n"
    )
    amendment = "1. Invoices shall be paid within 30 days of receipt.\n"
    test = upload(
        compare_app(),
        ("agreement.txt", agreement.encode()),
        ("amendment.txt", amendment.encode()),
    )
    assert not test.exception
    notes = [info.value.replace("\\", "") for info in test.info]  # plain() escapes Markdown
    assert any(
        note.startswith("amendment.txt says again only 1 of the 5 requirements of agreement.txt")
        for note in notes
    ), notes
    whole = upload(
        compare_app(), ("quotation.txt", BEFORE.read_bytes()), ("order.txt", AFTER.read_bytes())
    )
    assert not [info.value for info in whole.info if "says again only" in info.value]
