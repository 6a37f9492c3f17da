"""Unit tests of block building from hand-made lines: markers, breaks, hyphens, headings, rows."""

from __future__ import annotations

import pytest

from extractor.reading.layout import Line, PageWord
from extractor.reading.paged_blocks import (
    build_blocks,
    clause_marker,
    line_pitch,
    table_row_block,
    table_row_text,
)

CHAR = 5.0  # points per character in these made-up lines
RIGHT = 450.0  # the right margin the full lines reach


def line(
    text: str,
    top: float,
    x0: float = 50.0,
    *,
    bold: bool = False,
    size: float = 10.0,
    full: bool = False,
) -> Line:
    """A line; ``full`` stretches its word gaps so it reaches the right margin (justified)."""
    tokens = text.split()
    natural = sum(len(t) for t in tokens) * CHAR
    gap = (RIGHT - x0 - natural) / max(len(tokens) - 1, 1) if full else 3.0
    words, x = [], x0
    for token in tokens:
        words.append(PageWord(token, x, top, x + CHAR * len(token), top + size, bold, size))
        x += CHAR * len(token) + gap
    return Line(tuple(words))


def texts(lines: list[Line], **kwargs: float) -> list[str]:
    return [block.text for block in build_blocks(lines, page=1, **kwargs)]


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("3.2 Delivery", "3.2"),
        ("12.1.4 Tests", "12.1.4"),
        ("3. Price", "3."),
        ("(a) the goods", "(a)"),
        ("a) the goods", "a)"),
        ("(iv) the goods", "(iv)"),
        ("iv. the goods", "iv."),
        ("Article 5 Term", "Article 5"),
        ("ARTICLE V TERM", "ARTICLE V"),
        ("Section 7 Notices", "Section 7"),
        ("§ 4 Scope", "§ 4"),
        ("• item", "•"),
        ("- item", "-"),
        ("– item", "–"),
        ("* item", "*"),
        ("B.4 BASE PERIOD", "B.4"),
        ("(aa) the goods", "(aa)"),
        ("(A) the goods", "(A)"),
        ("(IV) the goods", "(IV)"),
    ],
)
def test_clause_markers(text: str, marker: str) -> None:
    assert clause_marker(text) == marker


@pytest.mark.parametrize(
    "text",
    [
        "2020. The year",
        "The Supplier",
        "U.S. Bank",
        "e.g. steel",
        "Exhibit A",
        "3.5mm",
        "Section 8.5 of the Financing Agreement",  # a cross-reference run on from the line above
        "Article 12 hereof applies",
        # an automotive walk: a clause ran over a page break into "(EU) 2024/1257 ..."
        "(EU) 2024/1257 (Euro 7), measured according to UN GTR No. 24.",
        "(EC) No 1907/2006",
    ],
)
def test_not_clause_markers(text: str) -> None:
    assert clause_marker(text) == ""


def test_line_pitch_is_the_usual_baseline_distance() -> None:
    lines = [line("x", 100 + 12 * i) for i in range(5)]
    assert line_pitch(lines) == pytest.approx(12)


def test_paragraph_gap_starts_a_block() -> None:
    lines = [
        line("first paragraph runs on to the margin here", 100, full=True),
        line("and ends here.", 112),
        line("second paragraph starts after a gap", 136, full=True),
        line("and ends too", 148),
    ]
    assert texts(lines) == [
        "first paragraph runs on to the margin here and ends here.",
        "second paragraph starts after a gap and ends too",
    ]


def test_marker_starts_a_block_without_a_gap() -> None:
    lines = [
        line("The Supplier shall:", 100),
        line("(a) deliver the goods;", 112, x0=70),
        line("(b) invoice them; and", 124, x0=70),
        line("(c) keep records.", 136, x0=70),
    ]
    assert texts(lines) == [
        "The Supplier shall:",
        "(a) deliver the goods;",
        "(b) invoice them; and",
        "(c) keep records.",
    ]


def test_small_print_elsewhere_does_not_split_this_pages_paragraphs() -> None:
    """A medical-device walk: a purchase order's terms overleaf, set 7 points apart, made
    the document's pitch; the front page's lines, 14 points apart, became a block each
    and "QA-BPL-0042 Rev. 02." a statement of its own."""
    lines = [
        line(
            "1. Parts shall be made to Product Specification PS-20417 and to",
            100,
            size=9.0,
            full=True,
        ),
        line("QA-BPL-0042 Rev. 02.", 114, size=9.0),
        line("2. Each delivery shall be packed in sealed bags.", 128, size=9.0),
    ]
    assert texts(lines, document_pitch=7.0) == [
        "1. Parts shall be made to Product Specification PS-20417 and to QA-BPL-0042 Rev. 02.",
        "2. Each delivery shall be packed in sealed bags.",
    ]


def test_an_identifier_opening_a_line_after_a_sentence_starts_a_block() -> None:
    """ "PS-003 ... cleaned part.¹" then "PS-004 3.4 The housing ...": two requirements, which
    had read as one (a footnote mark after the full stop hid the sentence's end)."""
    lines = [
        line("PS-003 3.3 The material shall pass cytotoxicity testing on the", 100, full=True),
        line("finished, cleaned part.¹", 112),
        line("PS-004 3.4 The housing material shall be rated V-0 to UL 94 at", 124, full=True),
        line("1.5 mm. It shall be tested on", 136, full=True),
        line("CTQ-1 and CTQ-4 samples.", 148),
    ]
    assert texts(lines) == [
        "PS-003 3.3 The material shall pass cytotoxicity testing on the finished, cleaned part.¹",
        "PS-004 3.4 The housing material shall be rated V-0 to UL 94 at 1.5 mm. It shall be"
        " tested on CTQ-1 and CTQ-4 samples.",
    ]


def test_section_reference_running_on_mid_sentence_is_not_a_new_block() -> None:
    lines = [
        line("The Supplier shall give notice as described in", 100, full=True),
        line("Section 7 of this agreement.", 112),
    ]
    assert texts(lines) == [
        "The Supplier shall give notice as described in Section 7 of this agreement."
    ]


def test_bullet_always_starts_a_block() -> None:
    lines = [
        line("• Bookcases with four shelves and a wood", 100, full=True),
        line("• Lateral file cabinets", 112),
    ]
    assert len(texts(lines)) == 2


def test_hanging_indent_continues_the_item() -> None:
    lines = [
        line("1.1 The Supplier shall deliver", 100),
        line("the goods by road.", 112, x0=80),
        line("1.2 The Purchaser shall pay.", 124),
    ]
    assert texts(lines) == [
        "1.1 The Supplier shall deliver the goods by road.",
        "1.2 The Purchaser shall pay.",
    ]


def test_first_line_indent_after_a_short_line_is_a_new_paragraph() -> None:
    lines = [
        line("the previous paragraph runs to the margin", 100, full=True),
        line("and stops short", 112),
        line("A new paragraph starts indented", 124, x0=80, full=True),
        line("and runs on.", 136),
    ]
    assert texts(lines) == [
        "the previous paragraph runs to the margin and stops short",
        "A new paragraph starts indented and runs on.",
    ]


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("shall manu-", "facture the parts", "shall manufacture the parts"),
        ("comply with ISO-", "9001 at all times", "comply with ISO-9001 at all times"),
        ("the Non-", "Disclosure Agreement", "the Non-Disclosure Agreement"),
        ("no self-", "employed staff", "no self-employed staff"),
        ("Three-, Four- and Five-", "drawer cabinets", "Three-, Four- and Five-drawer cabinets"),
        ("will co-operate and", "deliver", "will co-operate and deliver"),
        ("prices –", "fixed", "prices – fixed"),
        # a browser-printed specification: "NORSOK M- 710", "Parts 730- 774"
        ("to NORSOK M-", "710 or ISO 23936-2", "to NORSOK M-710 or ISO 23936-2"),
        ("15 CFR Parts 730-", "774 apply", "15 CFR Parts 730-774 apply"),
    ],
)
def test_line_end_hyphenation(first: str, second: str, joined: str) -> None:
    lines = [line(first, 100, full=True), line(second, 112)]
    assert texts(lines) == [joined]


def test_word_offsets_after_dehyphenation() -> None:
    blocks = build_blocks([line("shall manu-", 100, full=True), line("facture it", 112)], page=3)
    block = blocks[0]
    assert [block.text[w.start : w.end] for w in block.words] == ["shall", "manu", "facture", "it"]
    assert all(w.box.page == 3 for w in block.words)


def test_headings() -> None:
    lines = [
        line("QUALITY REQUIREMENTS", 100),
        line("Scope of supply", 130, bold=True),
        line("Larger title", 160, size=14),
        line("The Supplier shall deliver the goods to the site by road transport", 190, full=True),
        line("and unload them.", 202),
    ]
    blocks = build_blocks(lines, page=1, body_size=10)
    assert [(b.kind, b.style) for b in blocks] == [
        ("heading", ""),
        ("heading", "bold"),
        ("heading", ""),
        ("paragraph", ""),
    ]


def test_bold_sentence_is_not_a_heading() -> None:
    blocks = build_blocks([line("The Supplier shall pay.", 100, bold=True)], page=1, body_size=10)
    assert (blocks[0].kind, blocks[0].style) == ("paragraph", "bold")


def test_bulleted_lines_in_bold_capitals_are_items_not_headings() -> None:
    """A checklist of tasks ("• CLEAN INVERTER FILTERS ANNUALLY") lists work to do."""
    lines = [
        line("• CLEAN INVERTER FILTERS ANNUALLY", 100, bold=True),
        line("• CHECK TORQUE MARKS", 124, bold=True),
    ]
    blocks = build_blocks(lines, page=1, body_size=10)
    assert [b.kind for b in blocks] == ["list_item", "list_item"]


def test_numbered_items_are_list_items_with_decimal_levels() -> None:
    lines = [line("1.2.3 Tests shall be witnessed.", 100), line("(a) Keep records.", 124)]
    blocks = build_blocks(lines, page=1)
    assert [(b.kind, b.level) for b in blocks] == [("list_item", 3), ("list_item", 0)]


def test_table_row_text_with_headers() -> None:
    headers = ["Property", "Requirement", "Test method"]
    row = ["Tensile strength", "min 500 MPa", "ASTM E8"]
    assert table_row_text(headers, row) == "Tensile strength: min 500 MPa (Test method: ASTM E8)"


def test_a_responsibility_matrix_row_keeps_every_partys_name() -> None:
    """A walk: "Incoming inspection: Responsible: test ..." lost the party the second
    column names ("Supplier"), though the third kept its own ("Helix: Informed")."""
    headers = ["Activity", "Supplier", "Customer"]
    assert table_row_text(
        headers, ["Incoming inspection", "Responsible: test MFI", "Informed"]
    ) == ("Incoming inspection (Supplier: Responsible: test MFI) (Customer: Informed)")
    assert table_row_text(headers, ["PPAP", "R", "A/C"]) == "PPAP (Supplier: R) (Customer: A/C)"
    # one letter alone is a class or a grade, not a role: the value column stays unnamed
    classes = ["Item", "Requirement", "Class"]
    assert table_row_text(classes, ["Rivets", "Aluminium", "A"]) == "Rivets: Aluminium (Class: A)"
    assert table_row_text(["Line", "Part", "Qty"], ["10", "A-100", "500"]) == "10: A-100 (Qty: 500)"


def test_a_quantity_keeps_its_column_header_unless_the_header_only_says_value() -> None:
    """A tender walk: "Net cooling capacity at Design Point: ≥ 38 (Cab Unit: ≥ 5.5)" lost the
    "Saloon Unit" header of the ≥ 38 column, so nobody could tell whose 38 kW it was."""
    units = ["Parameter", "Saloon Unit", "Cab Unit", "Unit"]
    assert table_row_text(units, ["Net cooling capacity", "≥ 38", "≥ 5.5", "kW"]) == (
        "Net cooling capacity (Saloon Unit: ≥ 38) (Cab Unit: ≥ 5.5) (Unit: kW)"
    )
    points = ["Point", "Outside temp. (°C)", "RH (%)"]
    assert (
        table_row_text(points, ["OP1", "+35", "40"]) == "OP1 (Outside temp. (°C): +35) (RH (%): 40)"
    )
    assert table_row_text(["Item", "Qty"], ["Filter", "max. 25"]) == "Filter (Qty: max. 25)"
    # text reads after a colon; so does a quantity under a header that only says "value"
    assert table_row_text(["Test", "Name", "Witness"], ["T01", "Visual check", "Yes"]) == (
        "T01: Visual check (Witness: Yes)"
    )
    assert table_row_text(["Property", "Requirement"], ["Tensile strength", "500 MPa"]) == (
        "Tensile strength: 500 MPa"
    )
    assert table_row_text(["Parameter", "Value "], ["Mass", "≤ 850 kg"]) == "Mass: ≤ 850 kg"


def test_a_mark_keeps_its_column_header() -> None:
    """A medical-device walk: "Regulatory registration of the finished device: R (Supplier:
    -)" lost whose R it was; one role letter and a dash are no RACI row by count alone."""
    parties = ["Activity", "Customer", "Supplier"]
    assert table_row_text(parties, ["Sterilisation", "R", "-"]) == (
        "Sterilisation (Customer: R) (Supplier: -)"
    )
    assert table_row_text(parties, ["Design review", "X", ""]) == "Design review (Customer: X)"


def test_table_row_text_fallbacks() -> None:
    headers = ["Property", "Requirement", "Test method", "Lot"]
    assert (
        table_row_text(headers, ["", "min 5 %", "", "each"]) == "Requirement: min 5 % (Lot: each)"
    )
    assert table_row_text(headers, ["Hardness", "", "ASTM E10", ""]) == (
        "Hardness (Test method: ASTM E10)"
    )
    assert table_row_text([], ["a", "", "c"]) == "a; c"
    assert table_row_text(["Only"], ["just this"]) == "just this"
    assert table_row_text(headers, ["", "", "", ""]) == ""


def test_table_row_block_boxes_follow_cells() -> None:
    def cell(*tokens: str) -> list[PageWord]:
        return [PageWord(t, 10.0 * i, 5, 10.0 * i + 8, 15) for i, t in enumerate(tokens)]

    block = table_row_block(
        ["Property", "Requirement", "Method"],
        [cell("Method"), cell("min", "5"), cell("Method", "B")],
        page=2,
    )
    assert block is not None
    assert block.text == "Method: min 5 (Method: Method B)"
    assert [block.text[w.start : w.end] for w in block.words] == [
        "Method",
        "min",
        "5",
        "Method",
        "B",
    ]
    assert block.words[3].start == block.text.index("Method B")
    assert table_row_block(["A", "B"], [[], []], page=1) is None


def test_document_spelling_keeps_a_line_end_hyphen() -> None:
    lines = [line("on pre-", 100, full=True), line("printed forms", 112)]
    assert texts(lines) == ["on preprinted forms"]
    blocks = build_blocks(lines, page=1, vocabulary={"pre-printed", "forms"})
    assert blocks[0].text == "on pre-printed forms"


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("a fluid-", "handling pump", "a fluid-handling pump"),
        ("one height-", "adjustable desk", "one height-adjustable desk"),
        ("on long-", "term hire", "on long-term hire"),
        ("shall there-", "fore pay", "shall therefore pay"),
        ("the termina-", "tion date", "the termination date"),
        ("any-", "one else", "anyone else"),
    ],
)
def test_a_compound_of_two_english_words_keeps_its_line_end_hyphen(
    first: str, second: str, joined: str
) -> None:
    """Neither spelling in the document: "fluid-" + "handling" had read "fluidhandling"."""
    assert texts([line(first, 100, full=True), line(second, 112)]) == [joined]


def test_sentence_runs_on_from_left_column_to_right() -> None:
    left = Line(line("The Contractor shall keep the site", 300, full=True).words, column=1)
    right = Line(line("clean at all times.", 100, x0=320).words, column=2)
    new_item = Line(line("2. The Client shall pay.", 112, x0=320).words, column=2)
    assert texts([left, right, new_item]) == [
        "The Contractor shall keep the site clean at all times.",
        "2. The Client shall pay.",
    ]
    ended = Line(line("The Contractor shall keep it clean.", 300).words, column=1)
    assert len(texts([ended, right])) == 2
    # a walk: "... shall not exceed EUR" | "5,000,000 in any year." became two statements
    cap = "The liability of the Seller shall not exceed EUR"
    capped = Line(line(cap, 300, full=True).words, column=1)
    amount = Line(line("5,000,000 in any contract year.", 100, x0=320).words, column=2)
    numbered = Line(line("5.1 The Buyer shall pay.", 100, x0=320).words, column=2)
    assert texts([capped, amount]) == [
        "The liability of the Seller shall not exceed EUR 5,000,000 in any contract year."
    ]
    assert len(texts([capped, numbered])) == 2


def test_small_print_opening_with_a_raised_mark_is_a_footnote() -> None:
    """A raised "¹" opening small print at the page's foot is a footnote's mark even when the
    text carrying it is on the page before; a plain "1" needs that text on its page."""
    lines = [
        line("8.1 Each housing shall carry a cavity number.", 100),
        line("¹ Testing on the finished part is required.", 700, size=7.0),
        line("2 Tested once a year.", 712, size=7.0),
    ]
    blocks = build_blocks(lines, page=2, body_size=10.0)
    assert [(block.text[:10], block.style) for block in blocks] == [
        ("8.1 Each h", ""),
        ("¹ Testing ", "footnote"),
        ("2 Tested o", ""),
    ]


def _form_line(label: str, value: str, top: float, size: float = 9.0) -> Line:
    """A bold label and its value in regular type on one line."""
    bold = line(label, top, bold=True, size=size)
    after = bold.words[-1].x1 + 20
    rest = line(value, top, x0=after, size=size)
    return Line((*bold.words, *rest.words))


def test_a_name_run_on_to_the_next_line_before_a_field_stays_whole() -> None:
    """A food walk's audit report: "... Auditor: David" | "Mensah. Provisional grade: B."
    had "Mensah. Provisional grade" read as a new field's label."""
    lines = [
        line("Site: Kestrel Fine Foods Ltd, Wisbech. Audit date: 09/06/2026. Auditor: David",
             100, full=True),
        line("Mensah. Provisional grade: B.", 112),
        line("No. of samples: 12", 124),
    ]  # fmt: skip
    assert texts(lines) == [
        "Site: Kestrel Fine Foods Ltd, Wisbech. Audit date: 09/06/2026. Auditor: David"
        " Mensah. Provisional grade: B.",
        "No. of samples: 12",  # an abbreviation in a label is no sentence's end
    ]


def test_a_bold_label_and_its_value_read_as_a_field_not_a_heading() -> None:
    """A medical-device walk: a purchase order's header ("Incoterms DAP Minneapolis",
    "Payment terms 60 days net"), in 9 points over terms overleaf in 6.5, read as headings
    and gave no statement."""
    lines = [
        _form_line("Incoterms", "DAP Minneapolis, MN (Incoterms 2020)", 100),
        _form_line("Payment terms", "60 days net from receipt of invoice", 117),
        _form_line("Buyer", "shall pay within 60 days.", 134),  # a subject in bold: a sentence
        *(line("The goods shall be packed in sealed bags of fifty.", 160 + 12 * i, size=9.0)
          for i in range(8)),
    ]  # fmt: skip
    blocks = build_blocks(lines, page=1, body_size=6.5)
    assert [(block.text, block.kind, block.style) for block in blocks[:3]] == [
        ("Incoterms: DAP Minneapolis, MN (Incoterms 2020)", "paragraph", "field"),
        ("Payment terms: 60 days net from receipt of invoice", "paragraph", "field"),
        ("Buyer shall pay within 60 days.", "paragraph", ""),
    ]


def test_fields_in_plain_type_one_under_another_are_blocks_of_their_own() -> None:
    """A logistics walk: a transport order's "Order date: ...", "Carrier: ...",
    "Collection: <address>, 13.04.2026 22:00" in plain type were one statement; a value
    running on to the next line and a sentence's "Note:" stay joined."""
    lines = [
        line("Order date: 10.04.2026", 100),
        line("Carrier: Harwick Freight & Warehousing Ltd", 112),
        line("Collection: Harwick Daventry, Unit 4, Castlebrook Park, 13.04", 124, full=True),
        line("Daventry NN11 8RT", 136),
        line("Ordered by: Priya Castellano", 148),
        line("The carrier shall confirm the collection time by reply on", 172, full=True),
        line("the day of order. Note: chilled lines go first.", 184),
    ]  # fmt: skip
    assert texts(lines) == [
        "Order date: 10.04.2026",
        "Carrier: Harwick Freight & Warehousing Ltd",
        "Collection: Harwick Daventry, Unit 4, Castlebrook Park, 13.04 Daventry NN11 8RT",
        "Ordered by: Priya Castellano",
        "The carrier shall confirm the collection time by reply on the day of order. Note:"
        " chilled lines go first.",
    ]


def test_an_id_broken_at_its_hyphen_in_a_cell_is_joined_and_its_boxes_kept() -> None:
    # a browser-printed agreement's narrow item column wrapped "P1-250" as "P1-" over
    # "250": the row read "P1- 250" and the id matched no other mention of it
    item = [PageWord("P1-", 10, 5, 25, 15), PageWord("250", 10, 17, 25, 27)]
    words = ["Split-case", "pump"]
    text = [PageWord(word, 60 + 60 * i, 5, 110 + 60 * i, 15) for i, word in enumerate(words)]
    block = table_row_block(["Item", "Description"], [item, text], page=1)
    assert block is not None
    assert block.text == "P1-250: Split-case pump"
    assert [block.text[w.start : w.end] for w in block.words] == ["P1-", "250", *words]
    # a word and the next one on the same line keep their space ("EN- 10204" is no id cut)
    same_line = [PageWord("Type", 10, 5, 30, 15), PageWord("3.1", 35, 5, 50, 15)]
    block = table_row_block(["Item", "Description"], [same_line, text], page=1)
    assert block is not None and block.text.startswith("Type 3.1:")


def test_a_compound_wrapped_at_its_hyphen_in_a_cell_is_joined() -> None:
    # a chemicals walk's RFQ wrapped "Cr(VI)-free" in its coating column: "Cr(VI)- free"
    coating = [
        PageWord("Zinc", 10, 5, 30, 15),
        PageWord("flake,", 32, 5, 60, 15),
        PageWord("Cr(VI)-", 62, 5, 95, 15),
        PageWord("free", 10, 17, 30, 27),
    ]
    item = [PageWord("A-1", 120, 5, 140, 15)]
    block = table_row_block(["Coating", "Item"], [coating, item], page=1)
    assert block is not None
    assert block.text.startswith("Zinc flake, Cr(VI)-free")
    # a dash between words on one line keeps its spaces
    dash = [
        PageWord("Zinc", 10, 5, 30, 15),
        PageWord("-", 32, 5, 36, 15),
        PageWord("free", 38, 5, 60, 15),
    ]
    block = table_row_block(["Coating", "Item"], [dash, item], page=1)
    assert block is not None and block.text.startswith("Zinc - free")
