"""The text reader: decoding, paragraphs, clause lines, Markdown."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from extractor.errors import EmptyDocument
from extractor.reading.text import blocks_from_text, decode_text, join_lines, read_text

from .conftest import DOCUMENTS, load_expected, summarise

TEXT_DOCUMENTS = sorted(
    path for path in (DOCUMENTS / "text").iterdir() if not path.name.endswith(".json")
)


@pytest.mark.parametrize("path", TEXT_DOCUMENTS, ids=lambda path: path.name)
def test_text_documents_match_expected(path: Path) -> None:
    data = path.read_bytes()
    document = read_text(str(path), data)
    assert summarise(document) == load_expected(path)
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.path == str(path)
    assert not document.paged


def test_decode_prefers_utf8_then_bom_then_windows_1252() -> None:
    assert decode_text("Größe".encode()) == ("Größe", "utf-8")
    assert decode_text(b"\xef\xbb\xbfclause") == ("clause", "utf-8-sig")
    assert decode_text("“quoted” – 5 €".encode("cp1252")) == ("“quoted” – 5 €", "cp1252")
    assert decode_text("clause".encode("utf-16")) == ("clause", "utf-16")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_saved_without_its_mark_is_read_as_text(codec: str) -> None:
    """Refused as "binary data of an unknown format" before."""
    text = "The Supplier shall ship weekly.\r\n\r\nMaße: 5 mm.\r\n"
    document = read_text("export.txt", text.encode(codec))
    assert [block.text for block in document.pages[0].blocks] == [
        "The Supplier shall ship weekly.",
        "Maße: 5 mm.",
    ]
    assert decode_text(text.encode(codec)) == (text, "utf-16 (no byte-order mark)")


def test_form_feeds_and_vertical_tabs_are_text() -> None:
    """Page breaks and Word's line breaks on every clause: refused as binary before."""
    from extractor.reading import read_document_bytes

    data = b"1. The Supplier shall ship weekly.\f\v2. Invoices go to the plant.\f\v\n"
    document = read_document_bytes(data, "old-system.txt")
    texts = [block.text for block in document.pages[0].blocks]
    assert texts == ["1. The Supplier shall ship weekly.", "2. Invoices go to the plant."]


def test_hyphenated_line_ends_are_joined() -> None:
    assert join_lines(["the manu-", "facturer shall"]) == "the manufacturer shall"
    assert join_lines(["ISO 9001-", "2015"]) == "ISO 9001- 2015"


def test_a_long_paragraph_of_wrapped_lines_is_joined_in_linear_time() -> None:
    # 5,000 hard-wrapped lines without a blank line took 12 s (40 minutes for 50,000):
    # the joined text was searched from its start for every line.
    lines = ["The Supplier shall ship the goods"] * 5_000
    started = time.perf_counter()
    joined = join_lines(lines)
    assert time.perf_counter() - started < 1.0
    assert joined == " ".join(lines)


def test_wrapped_number_does_not_start_a_clause() -> None:
    blocks = blocks_from_text("a wall thickness of\n2.5 mm minimum.\n3.1 Next clause.")
    assert [block.text for block in blocks] == [
        "a wall thickness of 2.5 mm minimum.",
        "3.1 Next clause.",
    ]


def test_wrapped_bracketed_number_goes_on_with_the_sentence() -> None:
    text = "The Buyer shall pay within thirty\n(30) days of receipt.\nPlease deliver\n(2) copies."
    assert [block.text for block in blocks_from_text(text)] == [
        "The Buyer shall pay within thirty (30) days of receipt. Please deliver (2) copies."
    ]


def test_bracketed_numbers_in_sequence_stay_items() -> None:
    text = "The Supplier shall\n(1) pack the goods; and\n(2) label each case, and\n(3) ship them"
    blocks = blocks_from_text(text)
    assert [block.text for block in blocks] == [
        "The Supplier shall",
        "(1) pack the goods; and",
        "(2) label each case, and",
        "(3) ship them",
    ]
    lettered = blocks_from_text("Supplier shall\n(a) pack the goods and\n(c) ship them")
    assert [block.text for block in lettered][1:] == ["(a) pack the goods and", "(c) ship them"]


def test_an_escaped_pipe_stays_in_its_cell() -> None:
    # the e-mail reader writes an HTML table's "Ra 0.8 | Rz 4" so
    blocks = blocks_from_text("| Face | Roughness |\n| --- | --- |\n| Bore | Ra 0.8 \\| Rz 4 |\n")
    assert [block.text for block in blocks] == ["Bore: Ra 0.8 | Rz 4"]


def test_kind_override_marks_every_block() -> None:
    blocks = blocks_from_text("first\n\n- second", kind="quoted")
    assert [(block.kind, block.text) for block in blocks] == [
        ("quoted", "first"),
        ("quoted", "second"),
    ]


def test_whitespace_only_text_is_empty() -> None:
    with pytest.raises(EmptyDocument, match=r"notes\.txt"):
        read_text("notes.txt", b" \n\t\n")


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("The Supplier **must** ship __all__ parts.", "The Supplier must ship all parts."),
        ("Use `PN-7` only.", "Use PN-7 only."),
        ("Use part AB__12 only.", "Use part AB__12 only."),  # inside a word: kept
        ("Capacity 2**10 units.", "Capacity 2**10 units."),
        ("Torque 5 ** 10 Nm.", "Torque 5 ** 10 Nm."),  # nothing emphasised
        ("Mark x**y** and **z**w.", "Mark x**y** and **z**w."),
        ("See [the drawing](https://x.example/d) now.", "See the drawing now."),
        # a target with parentheses went only up to its first ")": "the drawing) now."
        ("See [the drawing](javascript:alert(1)) now.", "See the drawing now."),
        ("Note [A](b) and (c).", "Note A and (c)."),
    ],
)
def test_strong_emphasis_markers_go_only_around_words(written: str, read: str) -> None:
    assert [block.text for block in blocks_from_text(written)] == [read]


def test_a_line_of_a_million_unclosed_markers_is_read_in_linear_time() -> None:
    text = "**a " * 1_000_000
    started = time.perf_counter()
    (block,) = blocks_from_text(text)
    assert block.text == text.strip()
    assert time.perf_counter() - started < 30  # quadratic would take hours


def test_a_line_after_a_finished_sentence_starts_anew_when_no_sentence_goes_on_so() -> None:
    """A food walk: hostile lines ("... at 0-5 °C." / "<img ...> Labels must ..." /
    "+SUM(1+1) The supplier must ...") were one statement; a terse line in lower case after
    a finished sentence is one of its own, an abbreviation's stop goes on."""
    text = (
        "=cmd|' /C calc'!A0 Products shall be stored at 0-5 °C.\n"
        "<img src=x onerror=alert(1)> Labels must show allergens.\n"
        "+SUM(1+1) The supplier must notify recalls within 2 hours.\n"
        "also the logger must be in every trailer, no exception.\n"
        "driver was waiting 2h in Daventry.\n"
        "Delivery is approx.\n"
        "two pallets a day, e.g.\n"
        "on Mondays and a wrapped line\n"
        "going on.\n"
    )
    assert [block.text for block in blocks_from_text(text)] == [
        "=cmd|' /C calc'!A0 Products shall be stored at 0-5 °C.",
        "<img src=x onerror=alert(1)> Labels must show allergens.",
        "+SUM(1+1) The supplier must notify recalls within 2 hours.",
        "also the logger must be in every trailer, no exception.",
        "driver was waiting 2h in Daventry. Delivery is approx. two pallets a day, e.g. on"
        " Mondays and a wrapped line going on.",
    ]


MINUTES = """Minutes - Quality review Kestrel / Rheintal Chemie
Date: 4 March 2027, Kestrel plant Stuttgart, room B2.14
Participants: A. Brenner (Kestrel SQE), J. Weiss (Rheintal QA)

1. Complaint Q-27-0311 (white rust on brackets, lot 27-0815)
Rheintal presented D1 to D4 of the 8D.
Rheintal shall submit the complete 8D by 14 March 2027.

2. Control plan
The bath analysis frequency will be increased from weekly to daily.

3. Next meeting
18 March 2027, 10:00, MS Teams.

Minutes: M. Okafor
"""


def test_numbered_titles_and_fields_of_minutes_stand_apart() -> None:
    blocks = [(block.kind, block.style, block.text) for block in blocks_from_text(MINUTES)]
    assert blocks == [
        ("paragraph", "", "Minutes - Quality review Kestrel / Rheintal Chemie"),
        ("paragraph", "field", "Date: 4 March 2027, Kestrel plant Stuttgart, room B2.14"),
        (
            "paragraph",
            "field",
            "Participants: A. Brenner (Kestrel SQE), J. Weiss (Rheintal QA)",
        ),
        (
            "heading",
            "numbered title",
            "1. Complaint Q-27-0311 (white rust on brackets, lot 27-0815)",
        ),
        (
            "paragraph",
            "",
            "Rheintal presented D1 to D4 of the 8D. Rheintal shall submit the complete 8D by"
            " 14 March 2027.",
        ),
        ("heading", "numbered title", "2. Control plan"),
        ("paragraph", "", "The bath analysis frequency will be increased from weekly to daily."),
        ("heading", "numbered title", "3. Next meeting"),
        ("paragraph", "", "18 March 2027, 10:00, MS Teams."),
        ("paragraph", "field", "Minutes: M. Okafor"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a clause wrapped after words that lead on, or holding its verb: no title
        "1. The Supplier shall deliver the goods to the\nBuyer's premises within 30 days.\n",
        "1. Delivery of all goods ordered by\nThe Buyer is due within 30 days.\n",
        # a list of titles (contents) stays a list
        "1. Scope of supply\n2. Delivery\n3. Payment\n",
        # a numbered line over a shorter line without a stop: no sentence under it
        "1. Quality and certificates of analysis\nSee annex\n",
    ],
)
def test_numbered_lines_that_are_no_titles_stay_clauses(text: str) -> None:
    assert all(block.kind == "list_item" for block in blocks_from_text(text)[:1])


def test_a_field_line_inside_a_wrapped_paragraph_goes_on_with_it() -> None:
    text = "The Supplier shall deliver the goods according to the\nSchedule: weekly, on Monday.\n"
    blocks = blocks_from_text(text)
    assert [block.text for block in blocks] == [
        "The Supplier shall deliver the goods according to the Schedule: weekly, on Monday."
    ]


def test_a_short_item_of_a_numbered_list_is_no_title_over_the_sentence_after_it() -> None:
    """A re-walk's mail: "please note:" over "1. All parts must be free of burrs" and "2.
    Packaging in KLT 4147", then a sentence: item 2 became a title and was lost."""
    text = (
        "for the next lot please note:\n1. All parts must be free of burrs\n"
        "2. Packaging in KLT 4147\nThe CoC must be attached to the delivery note.\n"
    )
    blocks = [(block.kind, block.text) for block in blocks_from_text(text)]
    assert blocks == [
        ("paragraph", "for the next lot please note:"),
        ("list_item", "1. All parts must be free of burrs"),
        ("list_item", "2. Packaging in KLT 4147"),
        ("paragraph", "The CoC must be attached to the delivery note."),
    ]
