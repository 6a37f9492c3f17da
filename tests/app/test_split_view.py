"""Splitting one statement into several requirements on its card (AppTest, SQLite register).

An ISO 9001 auditor's walk: a statement holding a specified and a statutory
requirement could be given only one label.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from extractor.register import EntryFilter

from .helpers import APP, HOSTILE_TEXT, AppPlace, add_labelled_document

TIMEOUT = 60
BOTH = "All parts shall comply with REACH and RoHS."  # REQ-0001 of the labelled document
REACH = "All parts shall comply with REACH."
ROHS = "All parts shall comply with RoHS Directive 2011/65/EU."


def app(view: str = "Review") -> AppTest:
    test = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    test.session_state["reviewer"] = "Ann"
    test.session_state["view"] = view
    return test.run()


def texts(test: AppTest) -> list[str]:
    return [element.value for element in test.text]


def headings(test: AppTest) -> list[str]:
    return [line.split()[0] for line in texts(test) if line.startswith("REQ-")]


def unescaped(values: list[str]) -> list[str]:
    return [value.replace("\\", "") for value in values]


def test_a_statement_is_split_and_its_new_part_waits_below_it_for_a_label(place: AppPlace):
    add_labelled_document(place)
    test = app()
    assert test.text_area(key="1-v1-split-text").value == BOTH  # pre-filled with the statement
    test.text_area(key="1-v1-split-text").input(f"  {REACH}\n\n{ROHS}\n")
    test.button(key="1-v1-split").click().run()
    assert not test.exception
    assert unescaped([s.value for s in test.success]) == [
        "REQ-0001 split: it keeps the first part; REQ-0007 is a new candidate, shown below it"
        " without a label: choose one for each"
    ]
    with place.register() as register:
        kept, part = register.get_entry(1), register.get_entry(7)
        history = [e.action for e in register.history(1)]
    assert (kept.text, kept.label, part.text, part.label) == (REACH, "statutory", ROHS, None)
    assert (history, part.split_from, part.updated_by) == (["import", "split"], "REQ-0001", "Ann")
    # right below the statement it came from, not at the end of the labelled candidates
    shown = headings(test)
    assert shown[shown.index("REQ-0001") + 1] == "REQ-0007" and shown.count("REQ-0007") == 1
    assert test.caption[0].value.startswith("7 in the queue")
    lines = texts(test)
    assert "REQ-0007  ·  unlabelled  ·  candidate" in lines
    assert f"Split from REQ-0001 (extracted text: {BOTH})" in lines
    assert "Split: the other parts are REQ-0007" in lines
    # each part is labelled and decided on its own card
    test.selectbox(key="7-v1-label").select("statutory")
    test.button(key="7-v1-confirm").click().run()
    test.button(key="1-v2-confirm").click().run()
    assert not test.exception
    with place.register() as register:
        decided = [
            (e.ref, e.status, e.label) for e in register.iter_entries(EntryFilter(entry_ids=(1, 7)))
        ]
    assert decided == [
        ("REQ-0001", "confirmed", "statutory"),
        ("REQ-0007", "confirmed", "statutory"),
    ]
    # a decided card offers no split (it would change what was decided): reopen first
    test.multiselect(key="queue_statuses").set_value(["confirmed"]).run()
    assert "REQ-0007" in headings(test)
    assert not [t for t in test.text_area if str(t.key).endswith("-split-text")]


def test_the_register_view_names_the_entry_a_part_was_split_from(place: AppPlace):
    add_labelled_document(place)
    with place.register() as register:
        register.split(1, [REACH, ROHS], version=1, actor="Ann")
    test = app("Register")
    assert not test.exception
    table = test.dataframe[1].value  # after the counts by document
    rows = dict(zip(table["id"], table["split from"], strict=True))
    assert (rows["REQ-0007"], rows["REQ-0001"]) == ("REQ-0001", "")
    history = test.dataframe[2].value  # of the first entry shown: the split, and the part
    assert list(history["action"]) == ["import", "split"]
    assert list(history["after"])[-1] == f"text: {REACH} · split_into: REQ-0007"


def test_a_split_needs_a_line_for_each_requirement(place: AppPlace):
    add_labelled_document(place)
    test = app()
    test.text_area(key="1-v1-split-text").input(f"{BOTH}\n   \n")
    test.button(key="1-v1-split").click().run()
    assert unescaped([e.value for e in test.error]) == [
        "REQ-0001 was not split: put each requirement on a line of its own"
    ]
    with place.register() as register:
        assert register.list_entries().total == 6 and register.get_entry(1).version == 1


def test_a_split_of_an_entry_changed_meanwhile_is_refused_and_keeps_the_parts(place: AppPlace):
    add_labelled_document(place)
    test = app()
    with place.register() as register:  # another reviewer, meanwhile
        register.relabel(1, "specified", version=1, actor="Dora")
    test.text_area(key="1-v1-split-text").input(f"{REACH}\n{ROHS}")
    test.button(key="1-v1-split").click().run()
    [message] = unescaped([e.value for e in test.error])
    assert message.startswith("REQ-0001 was not split: REQ-0001 was changed by Dora")
    assert message.endswith(f"Your parts, to split again after Reload:\n\n{REACH}\n\n{ROHS}")
    with place.register() as register:
        assert register.list_entries().total == 6 and register.get_entry(1).text == BOTH
    test.button(key="reload").click().run()
    assert test.text_area(key="1-v2-split-text").value == BOTH


def test_a_hostile_statement_and_its_parts_are_shown_literally(place: AppPlace):
    place.upload("terms.txt", HOSTILE_TEXT.encode())
    with place.register() as register:
        [hostile] = register.list_entries(EntryFilter(text="<script>")).items
    test = app()
    key = f"{hostile.id}-v{hostile.version}"
    script = "The Supplier shall keep <script>alert('x')</script> out of every report."
    markdown = "**bold** [claims](javascript:alert(1)) <b>stay</b> _as written_."
    test.text_area(key=f"{key}-split-text").input(f"{script}\n{markdown}")
    test.button(key=f"{key}-split").click().run()
    assert not test.exception
    lines = texts(test)
    assert script in lines and markdown in lines
    assert any(line.startswith("Split from REQ-") and "<script>" in line for line in lines)
    rendered = [e.value for e in (*test.markdown, *test.caption, *test.success, *test.error)]
    assert not any(
        "<script>" in value or "**bold**" in value or "<b>" in value for value in rendered
    )


def test_a_card_whose_text_was_split_before_says_so_and_offers_no_decision(place: AppPlace):
    add_labelled_document(place, "po-1.pdf")
    with place.register() as register:
        kept, part = register.split(1, [REACH, ROHS], version=1, actor="Ann")
        register.confirm(kept.ref, version=kept.version, actor="Ann")
        register.confirm(part.ref, version=part.version, actor="Ann", label="statutory")
    add_labelled_document(place, "po-2.pdf")  # REQ-0008 is the same statement again
    test = app()
    assert not test.exception
    assert (
        "Same text decided before, split into several requirements: REQ-0001."
        " Split this one too where it holds the same; it is not decided as before"
    ) in texts(test)
    assert not [b for b in test.button if b.key == "8-v1-as-before"]
    assert test.text_area(key="8-v1-split-text").value == BOTH
