"""Segmentation: hand-made blocks in, statements out.

The JSON files in ``documents/segmenting`` hold input blocks beside the
expected statements; the named tests below pin one rule each.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractor.reading import read_document_bytes
from extractor.segmenting import segment, split_sentences
from extractor.types import Block, Box, Document, Page, Statement, Word

CASES = Path(__file__).parent / "documents" / "segmenting"


def _words(text: str, page: int, tops: list[float]) -> tuple[Word, ...]:
    """Lay the words out on a grid: x0 = 72 + 5 * column, 10 points high."""
    words = []
    offset = 0
    for line, top in zip(text.split("\n"), tops, strict=True):
        column = 0
        for part in line.split(" "):
            if part:
                x0 = 72 + 5 * column
                box = Box(page, x0, top, x0 + 5 * len(part), top + 10)
                words.append(Word(offset + column, offset + column + len(part), box))
            column += len(part) + 1
        offset += len(line) + 1
    return tuple(words)


def _block(spec: dict[str, Any]) -> Block:
    page = spec.get("page")
    words = _words(spec["text"], page, spec["lines"]) if "lines" in spec else ()
    return Block(
        text=spec["text"],
        page=page,
        kind=spec.get("kind", "paragraph"),
        words=words,
        level=spec.get("level", 0),
    )


def make_document(blocks: list[Block], path: str = "case.txt") -> Document:
    numbers = sorted({b.page for b in blocks if b.page is not None})
    if not numbers:
        return Document(path, "0" * 64, "text", (Page(None, tuple(blocks)),))
    pages = tuple(Page(n, tuple(b for b in blocks if b.page == n)) for n in numbers)
    return Document(path, "0" * 64, "pdf", pages)


def _actual(statement: Statement, keys: list[str]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key in keys:
        if key == "boxes":
            row[key] = [[b.page, b.x0, b.top, b.x1, b.bottom] for b in statement.boxes]
        else:
            row[key] = getattr(statement, key)
    return row


@pytest.mark.parametrize("case", sorted(CASES.glob("*.json")), ids=lambda p: p.stem)
def test_case_files(case: Path) -> None:
    spec = json.loads(case.read_text("utf-8"))
    statements = segment(make_document([_block(b) for b in spec["blocks"]]))
    expected = spec["expected"]
    actual = [_actual(s, list(e)) for s, e in zip(statements, expected, strict=False)]
    assert actual == expected
    assert len(statements) == len(expected)


def _texts(*blocks: Block) -> list[str]:
    return [s.text for s in segment(make_document(list(blocks)))]


def _one(*blocks: Block) -> Statement:
    (statement,) = segment(make_document(list(blocks)))
    return statement


def test_statements_carry_document_identity_and_running_index() -> None:
    document = make_document([Block("One sentence here. Another one here.")], "po.txt")
    statements = segment(document)
    assert [s.index for s in statements] == [0, 1]
    assert {s.doc for s in statements} == {"po.txt"}
    assert {s.sha256 for s in statements} == {"0" * 64}
    assert all(s.page is None and s.boxes == () for s in statements)


def test_a_paragraph_over_spacys_length_limit_is_split_in_pieces() -> None:
    # spaCy refuses texts over a million characters (ValueError E088): a text
    # file whose paragraphs have no blank line between them reached it.
    sentence = "The Supplier shall deliver the goods on time. "
    texts = _texts(Block(sentence * 25_000 + "Last one without a stop"))
    assert len(texts) == 25_001
    assert set(texts[:-1]) == {sentence.strip()}
    assert texts[-1] == "Last one without a stop"


def test_split_sentences_of_a_long_text_cut_after_sentence_ends() -> None:
    text = "Short one. " * 30_000
    (spans,) = split_sentences([text])
    assert len(spans) == 30_000
    assert all(text[a:b] == "Short one." for a, b in spans)


def test_whitespace_is_normalised() -> None:
    assert _texts(Block("  The goods\n  shall be   packed.\t")) == ["The goods shall be packed."]


def test_direction_overrides_and_invisible_characters_are_not_kept() -> None:
    """What is stored, classified and exported is what a reader sees on screen.

    "\u202eton llahs\u202c" shows as "shall not" while the text says "ton llahs".
    """
    texts = _texts(
        Block("The Supplier \u202eton llahs\u202c disclose the prices."),
        Block("Keep\u200b records \uffff for ten\x07 years.\ufeff"),
        Block("\u202e\u200b\u2066"),
    )
    assert texts == [
        "The Supplier ton llahs disclose the prices.",
        "Keep records for ten years.",
    ]


def test_an_asterisk_opens_an_item_only_before_a_space() -> None:
    """ "**Bold** parts" kept its words but lost one asterisk: "*Bold** parts"."""
    assert _texts(
        Block("**Bold** parts shall be inspected."), Block("* Item one shall be done.")
    ) == [
        "**Bold** parts shall be inspected.",
        "Item one shall be done.",
    ]


def test_empty_and_punctuation_only_blocks_are_dropped() -> None:
    assert _texts(Block(""), Block("   "), Block("- - -"), Block("…")) == []


def test_short_fragments_are_kept_only_when_they_are_sentences() -> None:
    assert _texts(Block("Agreed."), Block("N/A"), Block("TBD"), Block("3")) == ["Agreed."]


@pytest.mark.parametrize(
    ("text", "clause", "rest"),
    [
        ("3.2 Deliveries shall be made DDP.", "3.2", "Deliveries shall be made DDP."),
        ("12.1.4 Spares shall be kept.", "12.1.4", "Spares shall be kept."),
        ("3. Prices are firm.", "3", "Prices are firm."),
        ("(a) Prices are firm.", "(a)", "Prices are firm."),
        ("a) Prices are firm.", "(a)", "Prices are firm."),
        ("(iv) Prices are firm.", "(iv)", "Prices are firm."),
        ("Article 5 Prices are firm.", "Article 5", "Prices are firm."),
        ("ARTICLE V: Prices are firm.", "Article V", "Prices are firm."),
        ("Section 7 - Prices are firm.", "Section 7", "Prices are firm."),
        ("§ 4 Prices are firm.", "§ 4", "Prices are firm."),
        # a logistics walk: a schedule's and an appendix's own clauses
        ("S1.1 Service credits are paid monthly.", "S1.1", "Service credits are paid monthly."),
        ("A2.3.1 Pallets are stacked two high.", "A2.3.1", "Pallets are stacked two high."),
    ],
)
def test_clause_numbers_are_cut_and_kept(text: str, clause: str, rest: str) -> None:
    statement = _one(Block(text))
    assert (statement.clause, statement.text) == (clause, rest)


@pytest.mark.parametrize(
    "text",
    [
        "Section 7.2 of this Agreement applies to spares.",
        "2.5 mm of clearance is required.",
        "M8.8 bolts are used throughout.",
        "R2.5 radius on all edges.",
        "As set out in Section 7.2, the Buyer may audit.",
    ],
)
def test_numbers_that_are_not_clause_starts_stay_in_the_text(text: str) -> None:
    statement = _one(Block(text))
    assert (statement.clause, statement.text) == ("", text)


def test_us_followed_by_a_sentence_opener_splits_but_not_before_a_name() -> None:
    texts = _texts(Block("Ship to the U.S. The Buyer pays. Ship to U.S. Customs today."))
    assert texts == ["Ship to the U.S.", "The Buyer pays.", "Ship to U.S. Customs today."]


@pytest.mark.parametrize(
    "text",
    [
        "Recalls are reported under 49 U.S.C. 30118 within five days.",
        "Prices are F.O.B. Destination, freight prepaid.",
        "Deliveries before 7:00 p.m. Central Time only.",
        "Use spec rev. 4 for all lots.",
        # a pharmaceutical walk's quality agreement was cut after "B.V." into two halves
        "Goods shall be delivered to Althorne Therapeutics B.V. (Leiden) within 5 days.",
        'The responsibilities of Althorne B.V. ("Customer") and Veridane S.p.A. are set out.',
        # a chemicals walk: CLP hazard classes and order positions cut statements in pieces
        "Products classified as Carc. 1A/1B, Muta. 1A/1B or Repr. 1A/1B under the CLP"
        " Regulation shall not be supplied.",
        "Classification under Regulation (EC) No 1272/2008: Flam. Liq. 3, H226; Acute Tox. 4,"
        " H302; Skin Irrit. 2, H315; Eye Dam. 1, H318; Skin Sens. 1, H317.",
        "Die Lieferadresse für Pos. 30 ändert sich auf Werk Brno, statt Werk Linz.",
    ],
)
def test_abbreviations_before_a_non_opener_do_not_split(text: str) -> None:
    assert _texts(Block(text)) == [text]


def test_a_line_opening_with_a_sign_after_a_full_stop_is_a_statement() -> None:
    """A walk's meeting notes: "-40 °C cold start shall ..." had been glued to the
    sentence before it, and four lines opening "=", "+/-", "-40" and "@" were one."""
    notes = (
        '=HYPERLINK("http://x.example","Drawing") shall be used for the link.\n'
        "+/-0.05 mm flatness shall be held on the abutment faces.\n"
        "-40 °C cold start shall be validated on the actuator.\n"
        "±0.1 mm shall be held on the bore. −20 °C storage shall be tested.\n"
        "@Jonas please send the DFMEA by Friday.\n"
    )
    texts = [s.text for s in segment(read_document_bytes(notes.encode(), "notes.txt"))]
    assert texts == [
        '=HYPERLINK("http://x.example","Drawing") shall be used for the link.',
        "+/-0.05 mm flatness shall be held on the abutment faces.",
        "-40 °C cold start shall be validated on the actuator.",
        "±0.1 mm shall be held on the bore.",
        "−20 °C storage shall be tested.",
        "@Jonas please send the DFMEA by Friday.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Operate at approx. -40 °C in winter.",
        "The cold start is tested at temperatures down to\n-40 °C on the actuator.",
        "The housing shall be manu-\nfactured from EN AC-46000.",
    ],
)
def test_a_sign_inside_a_sentence_does_not_split_it(text: str) -> None:
    texts = [s.text for s in segment(read_document_bytes(text.encode(), "notes.txt"))]
    assert len(texts) == 1


def test_a_list_dash_after_a_sentence_still_opens_an_item() -> None:
    notes = "Open points are listed below.\n- The seal shall be replaced.\n"
    texts = [s.text for s in segment(read_document_bytes(notes.encode(), "notes.txt"))]
    assert texts == ["Open points are listed below.", "The seal shall be replaced."]


def test_pm_before_a_sentence_opener_ends_the_statement() -> None:
    texts = _texts(Block("Deliver by 5 p.m. The Supplier shall call ahead."))
    assert texts == ["Deliver by 5 p.m.", "The Supplier shall call ahead."]


def test_a_company_name_ending_in_an_abbreviation_is_not_a_clause_title() -> None:
    statement = _one(Block("1.1 Vantor Components Kft. intends to outsource machining."))
    assert (statement.clause, statement.section) == ("1.1", "")
    assert statement.text == "Vantor Components Kft. intends to outsource machining."


def test_lead_in_without_items_is_emitted_as_written() -> None:
    assert _texts(Block("Note the following:"), Block("Prices are firm.")) == [
        "Note the following:",
        "Prices are firm.",
    ]


def test_lead_in_at_the_end_of_a_paragraph_joins_only_its_last_sentence() -> None:
    texts = _texts(
        Block("Delivery is DDP. The Supplier shall:"),
        Block("(a) pack the goods", kind="list_item"),
    )
    assert texts == ["Delivery is DDP.", "The Supplier shall pack the goods."]


def test_roman_after_h_is_a_letter() -> None:
    blocks = [Block("The Supplier shall:")] + [
        Block(f"({letter}) task {letter};", kind="list_item") for letter in "abcdefghi"
    ]
    statements = segment(make_document(blocks))
    assert [s.clause for s in statements][-2:] == ["(h)", "(i)"]


def test_heading_like_paragraphs_are_not_statements() -> None:
    texts = _texts(Block("GENERAL TERMS"), Block("Quality Requirements"), Block("Terms apply."))
    assert texts == ["Terms apply."]


def test_heading_words_in_a_sentence_do_not_make_it_a_heading() -> None:
    assert _texts(Block("Supplier Shall Deliver On Time")) == ["Supplier Shall Deliver On Time"]


def test_item_title_only_becomes_the_section() -> None:
    statements = segment(make_document([Block("(a) Location."), Block("Files are kept here.")]))
    assert [(s.text, s.section) for s in statements] == [("Files are kept here.", "(a) Location")]


def test_signature_blocks_by_kind_are_dropped() -> None:
    assert _texts(Block("John Smith, CEO", kind="signature"), Block("It is agreed.")) == [
        "It is agreed."
    ]


def test_ocr_flag_comes_from_block_or_page() -> None:
    block = Block("Scanned text is here.", page=1)
    document = Document("s.pdf", "0" * 64, "pdf", (Page(1, (block,), ocr=True),))
    assert segment(document)[0].ocr is True


def test_split_sentences_returns_spans_per_text() -> None:
    assert split_sentences(["One. Two.", ""]) == [[(0, 4), (5, 9)], []]


def test_items_that_are_whole_sentences_are_not_prefixed_by_the_lead_in() -> None:
    statements = segment(
        make_document(
            [
                Block("1.1 The following specifications apply to offices:"),
                Block("1.1.1 The Contractor shall provide one desk per person.", kind="list_item"),
                Block("1.1.2 Provide a lamp", kind="list_item"),
            ]
        )
    )
    assert [(s.clause, s.text) for s in statements] == [
        ("1.1.1", "The Contractor shall provide one desk per person."),
        ("1.1.2", "The following specifications apply to offices Provide a lamp."),
    ]


def test_a_lead_in_with_its_own_obligation_is_kept_when_its_items_stand_alone() -> None:
    """Its words are in no item: dropping it lost the liability cap of a real agreement."""
    statements = segment(
        make_document(
            [
                Block(
                    "9.1 The maximum liability of one Party to the other will be EUR 2 million"
                    ' ("Liability Cap"), provided however that:'
                ),
                Block(
                    "9.1.1 The Liability Cap will not apply to any breach of Section 5.",
                    kind="list_item",
                ),
                Block(
                    "9.1.2 The Liability Cap will not apply to gross negligence.", kind="list_item"
                ),
                Block("9.2 The Supplier shall maintain the following insurance:"),
                Block("(a) General liability of at least USD 1 million", kind="list_item"),
            ]
        )
    )
    assert [(s.clause, s.text) for s in statements] == [
        (
            "9.1",
            "The maximum liability of one Party to the other will be EUR 2 million"
            ' ("Liability Cap"), provided however that:',
        ),
        ("9.1.1", "The Liability Cap will not apply to any breach of Section 5."),
        ("9.1.2", "The Liability Cap will not apply to gross negligence."),
        (
            "9.2(a)",
            "The Supplier shall maintain the following insurance General liability of at least"
            " USD 1 million.",
        ),
    ]


def test_deep_clause_number_before_a_capitalised_preposition() -> None:
    statement = _one(Block("1.3.6.1 In Options 1 and 2, the panel shall match."))
    assert (statement.clause, statement.text) == (
        "1.3.6.1",
        "In Options 1 and 2, the panel shall match.",
    )


def test_url_headings_are_not_sections() -> None:
    statements = segment(
        make_document([Block("WWW.EXAMPLE.GOV", kind="heading"), Block("It applies.")])
    )
    assert [(s.text, s.section) for s in statements] == [("It applies.", "")]


# -- signature pages, page notices and tables of contents, as filed contracts set them


def test_a_clause_cut_before_a_parenthesis_on_the_next_page_is_joined() -> None:
    first = Block("The Buyer may end it if control passes to a person that is not an Affiliate", 1)
    rest = Block("(as defined in clause 1) of the Supplier, on thirty days' notice.", 2)
    assert _texts(first, rest) == [
        "The Buyer may end it if control passes to a person that is not an Affiliate"
        " (as defined in clause 1) of the Supplier, on thirty days' notice."
    ]


def test_a_marker_on_the_next_page_still_opens_an_item() -> None:
    first = Block("The Supplier shall keep records of the batch", 1)
    item = Block("(a) The Supplier shall retain samples.", 2, kind="list_item")
    texts = _texts(first, item)
    assert texts[-1] == "The Supplier shall retain samples."
    assert len(texts) == 2


@pytest.mark.parametrize(
    "notice",
    [
        "[Remainder of page intentionally left blank; signature page follows]",
        "[Remainder of page intentionally left blank\u037e",  # a Greek question mark for ";"
        "(signature page follows)",
        "This page intentionally left blank.",
        "Signature Page to Master Supply Agreement",
    ],
)
def test_page_notices_are_no_statements(notice: str) -> None:
    kept = "The Supplier shall deliver within ten days."
    assert _texts(Block(kept), Block(notice)) == [kept]


def test_a_sentence_that_mentions_a_blank_page_is_kept() -> None:
    text = "The Supplier shall never deliver a manual with a page left blank."
    assert _texts(Block(text)) == [text]


def test_signature_page_lines_after_in_witness_whereof_are_dropped() -> None:
    witness = "IN WITNESS WHEREOF, the parties have signed this Agreement on the date above."
    blocks = [
        Block(witness),
        Block("NORTHWIND HOLDINGS II, L.P."),
        Block("By: Northwind Partners, L.L.C., its general partner"),
        Block("c/o Harbour Capital 12 Quay Street, N.W. Attention: Lena Ortiz Fax: (312) 555-0142"),
        Block("Acknowledged and Accepted as of the day and year first written above:"),
        Block("FIRST LAKE BANK, a national banking association"),
        Block("------------------------------ Name: Lena Ortiz Title: Treasurer"),
    ]
    assert _texts(*blocks) == [
        witness,
        "Acknowledged and Accepted as of the day and year first written above:",
    ]


def test_the_party_line_above_a_signature_block_is_dropped() -> None:
    clause = "Each Borrower agrees to be bound by the terms of the Agreement."
    blocks = [
        Block(clause),
        Block("KESTREL CIRCUITS, INC., a Delaware corporation"),
        Block("By: /s/ Jo Park\n------------------------------\nName: Jo Park\nTitle: CFO"),
    ]
    assert _texts(*blocks) == [clause]


def test_a_capitalised_clause_before_a_signature_block_is_kept() -> None:
    clause = "THE SUPPLIER SHALL INDEMNIFY THE BUYER."
    blocks = [Block(clause), Block("By: /s/ Jo Park\nName: Jo Park\nTitle: CFO")]
    assert _texts(*blocks) == [clause]


def test_a_table_of_contents_gives_no_statements() -> None:
    blocks = [
        Block("TABLE OF CONTENTS", 1, kind="heading"),
        Block("Page", 1, kind="heading"),
        Block("ARTICLE 1 SUPPLY 1", 1, kind="heading"),
        Block("1.1 Supply of Parts 1", 1, kind="list_item"),
        Block("1.2 [* * *] 2", 1, kind="list_item"),
        Block("Definitions ........ 4", 1),
        Block("1.1 The Supplier shall supply the Parts listed in Schedule 1.", 2, kind="list_item"),
        Block("1.2 Deliveries shall be made within 14 days.", 2, kind="list_item"),
    ]
    assert _texts(*blocks) == [
        "The Supplier shall supply the Parts listed in Schedule 1.",
        "Deliveries shall be made within 14 days.",
    ]


def test_a_clause_ending_in_a_number_after_a_contents_heading_is_kept() -> None:
    blocks = [
        Block("CONTENTS", 1, kind="heading"),
        Block("The Supplier shall deliver the goods listed in clause 4", 1),
    ]
    assert _texts(*blocks) == ["The Supplier shall deliver the goods listed in clause 4"]


def test_contents_over_several_pages_with_a_header_left_in_give_no_statements() -> None:
    # a tender's contents on pages 2-4: a running header not taken for furniture
    # above page 3 ended the contents, and its 76 entries became statements
    blocks = [
        Block("Contents", 1, kind="heading"),
        Block("1 Scope ........................ 3", 1),
        Block("1.1 Supply of the Units ........ 3", 1, kind="list_item"),
        Block("Acme Rail Ltd – ITT 0147 – HVAC Units Contents", 2),
        Block("1.2 Cooling capacity ........... 4 2 Verification ........ 5", 2, kind="list_item"),
        Block("2.1 Type tests ................. 5", 2, kind="list_item"),
        Block("Contents (continued)", 3, kind="heading"),
        Block("2.2 Routine tests .............. 6", 3, kind="list_item"),
        Block("1 Scope", 4, kind="heading"),
        Block("1.1 The fleet comprises 24 units of Class 521", 4, kind="list_item"),
        Block("1.2 The Units are numbered 1 to 24", 5, kind="list_item"),
    ]
    assert _texts(*blocks) == [
        "The fleet comprises 24 units of Class 521",
        "The Units are numbered 1 to 24",
    ]


def test_a_contents_entry_at_a_page_end_does_not_run_on_to_the_next_page() -> None:
    # its dot leader runs to the margin, which had read as a line the page cut; and
    # the clause, ending in a number but with no dot leader, is no entry either
    blocks = [
        Block("Invitation to Tender", 1, kind="heading"),
        Block("Contents", 1, kind="heading"),
        _block({"text": "1 Scope ............................ 3", "page": 1, "lines": [100]}),
        _block({"text": "2 Delivery ......................... 4", "page": 1, "lines": [112]}),
        _block(
            {"text": "The fleet comprises four car units of Class 521", "page": 2, "lines": [90]}
        ),
    ]
    assert _texts(*blocks) == ["The fleet comprises four car units of Class 521"]


def test_a_short_sentence_in_capitals_is_no_run_in_title() -> None:
    assert _texts(Block("Prices are firm."), Block("THE SUPPLIER SHALL PAY.")) == [
        "Prices are firm.",
        "THE SUPPLIER SHALL PAY.",
    ]


def test_a_statement_is_never_longer_than_the_cap() -> None:
    """One 50,000-character run-on line becomes pieces cut at spaces, no text lost."""
    from extractor.segmenting import MAX_STATEMENT_CHARS

    text = " ".join(f"item{n} and" for n in range(5000)) + " end."
    pieces = _texts(Block(text))
    assert len(pieces) >= len(text) // MAX_STATEMENT_CHARS
    assert all(len(piece) <= MAX_STATEMENT_CHARS for piece in pieces)
    assert " ".join(pieces) == text


@pytest.mark.parametrize("name", ["VAPORLINE, INC.", "MEDICORE, S.p.A.", "KESTREL IV, L.P."])
def test_a_company_name_alone_is_no_statement(name: str) -> None:
    """A title page's "BETWEEN / ACME, INC. / AND / ..." names parties; it asks nothing."""
    kept = "Acme Inc. shall deliver the parts."
    assert _texts(Block(name), Block(kept)) == [kept]


@pytest.mark.parametrize(
    "fragment",
    ["II.", "A. 1.", "(iv)", "(End of clause)", "----- http://www.example.gov/far/ -----"],
)
def test_markers_and_links_alone_are_no_statements(fragment: str) -> None:
    kept = "The Contractor shall keep the records."
    assert _texts(Block(kept), Block(fragment)) == [kept]


def test_a_numbered_run_in_title_over_its_subclauses_is_a_section() -> None:
    statements = segment(
        make_document(
            [
                Block("4 Intellectual Property."),
                Block("4.1 Each Party shall keep its own Intellectual Property.", kind="list_item"),
            ]
        )
    )
    assert [(s.text, s.section) for s in statements] == [
        ("Each Party shall keep its own Intellectual Property.", "4 Intellectual Property")
    ]


@pytest.mark.parametrize(
    "pointer", ["2. See Schedule B.", "2. Refer to the Drawing.", "2. See box.", "See Annex C"]
)
def test_a_short_numbered_instruction_is_a_statement_not_a_title(pointer: str) -> None:
    """A walk: "3. See box." was taken for a section title and lost from the statements."""
    statements = segment(
        make_document(
            [
                Block("1.1 The Supplier shall deliver weekly.", kind="list_item"),
                Block(pointer, kind="list_item" if pointer[0].isdigit() else "paragraph"),
                Block("3. Payment", kind="list_item"),
                Block("3.1 Invoices are paid in thirty days of receipt.", kind="list_item"),
            ]
        )
    )
    body = pointer.split(" ", 1)[1] if pointer[0].isdigit() else pointer
    assert [s.text for s in statements] == [
        "The Supplier shall deliver weekly.",
        body,
        "Invoices are paid in thirty days of receipt.",
    ]


def test_a_run_in_title_in_sentence_case_is_the_clauses_section() -> None:
    """A walk: "6. Dangerous goods. Where any goods ..." gave "Dangerous goods." as a
    statement of its own, where "5. Labelling. Each box ..." gave a title."""
    statements = segment(
        make_document(
            [
                Block("6. Dangerous goods. Where any goods are dangerous, pack them per ADR."),
                Block("7. Prices are firm. Invoices are paid in thirty days."),
                Block("8. Packaging waste. The Supplier shall take back its packaging."),
            ]
        )
    )
    assert [(s.clause, s.section, s.text) for s in statements] == [
        ("6", "Dangerous goods", "Where any goods are dangerous, pack them per ADR."),
        ("7", "", "Prices are firm."),  # a short sentence, no title
        ("7", "", "Invoices are paid in thirty days."),
        ("8", "Packaging waste", "The Supplier shall take back its packaging."),
    ]


@pytest.mark.parametrize("footer", ["PS-077 rev 2 Page 1 of 1", "Form QA-12 / p. 1/1"])
def test_a_one_page_documents_labelled_page_number_is_no_statement(footer: str) -> None:
    """A walk: a one-page attachment's footer became a candidate; no repeat over pages
    tells it from the body, its "Page 1 of 1" does."""
    kept = "The labels shall resist -30 °C."
    assert _texts(Block(kept), Block(footer)) == [kept]
    assert _texts(Block("The Supplier shall number each page as Page 1 of 3")) == [
        "The Supplier shall number each page as Page 1 of 3"
    ]


def test_two_signature_blocks_side_by_side_are_no_statements() -> None:
    """A walk: two blocks set side by side came out as "Signed for and on behalf of Signed
    for and on behalf of" and one line of names and titles; the company names in capitals
    between them had ended the signature page."""
    blocks = [
        Block("IN WITNESS WHEREOF the parties have signed this Agreement."),
        Block("Signed for and on behalf of Signed for and on behalf of"),
        Block("HARBOUR INSTRUMENTS LTD NORDIC SENSORS AB", kind="heading"),
        Block(
            "______ ______ Name: Margaret Hale Name: Lars Eklund Title: Chief Executive"
            " Officer Title: Managing Director Date: Date:"
        ),
        Block("SCHEDULE 1 PRODUCTS", kind="heading"),
        Block("The Supplier shall mark each part with its name and date."),
    ]
    statements = segment(make_document(blocks))
    assert [(s.section, s.text) for s in statements] == [
        ("", "IN WITNESS WHEREOF the parties have signed this Agreement."),
        ("SCHEDULE 1 PRODUCTS", "The Supplier shall mark each part with its name and date."),
    ]


def test_a_time_zone_before_a_date_does_not_end_the_sentence() -> None:
    text = "Questions are due by 2 PM E.S.T. July 10, 2003. Late questions get no answer."
    assert _texts(Block(text)) == [
        "Questions are due by 2 PM E.S.T. July 10, 2003.",
        "Late questions get no answer.",
    ]


@pytest.mark.parametrize(
    "row",
    [
        "Contract No: Date:",
        "Tel No. : Fax No. :",
        "THE BUYER: THE SELLER:",
        "Name: Title: Signature:",
        # one label with a dot leader or a rule to write on (a tender's form)
        "For and on behalf of: ......................",
        "Signed: ____________",
        # the leader alone left no word: this had raised IndexError and lost the whole
        # 153-page tender it was in (a walk)
        "Date: ....................................",
    ],
)
def test_a_row_of_form_labels_left_blank_is_no_statement(row: str) -> None:
    kept = "The Seller shall ship the goods by sea."
    assert _texts(Block(row), Block(kept)) == [kept]


@pytest.mark.parametrize(
    "text",
    [
        "Protests shall be addressed to:",  # a lead-in: what it introduces follows
        "Positive Incentives:",  # one label alone may head a list
        "Note: the price is: firm:",  # a sentence with colons, not labels
        "Deliveries: the Supplier must ship: weekly:",
        "The Supplier shall sign here: ......",  # a duty, whatever follows it
    ],
)
def test_lead_ins_and_filled_fields_stay_statements(text: str) -> None:
    assert _texts(Block(text)) == [text]


def test_a_clause_number_without_its_dot_before_a_run_in_title() -> None:
    """ "8 Recall. If ..." as a real supply agreement sets it: clause 8, section Recall."""
    statements = segment(
        make_document(
            [
                Block("7 Insurance. Supplier shall keep product liability cover."),
                Block("8 Recall. If Ingredients are recalled, Supplier shall bear the cost."),
                Block(
                    "16 U.S. Government Affirmative Action Regulations. Supplier shall comply"
                    " with 41 CFR 60-1.4(a)."
                ),
                Block("8 Units of the Goods will be delivered in May."),
            ]
        )
    )
    assert [(s.clause, s.section, s.text) for s in statements] == [
        ("7", "Insurance", "Supplier shall keep product liability cover."),
        ("8", "Recall", "If Ingredients are recalled, Supplier shall bear the cost."),
        (
            "16",
            "U.S. Government Affirmative Action Regulations",
            "Supplier shall comply with 41 CFR 60-1.4(a).",
        ),
        (
            "",
            "U.S. Government Affirmative Action Regulations",
            "8 Units of the Goods will be delivered in May.",
        ),
    ]


def test_a_clause_left_blank_is_neither_heading_nor_statement() -> None:
    statements = segment(
        make_document(
            [
                Block("1 Supply", kind="heading"),
                Block("1.6 The Supplier shall ship weekly.", kind="list_item"),
                Block("1.7 INTENTIONALLY LEFT BLANK", kind="heading"),
                Block("1.8 The Buyer shall forecast monthly.", kind="list_item"),
                Block("1.9 [Reserved]", kind="list_item"),
            ]
        )
    )
    assert [(s.clause, s.section, s.text) for s in statements] == [
        ("1.6", "1 Supply", "The Supplier shall ship weekly."),
        ("1.8", "1 Supply", "The Buyer shall forecast monthly."),
    ]


def test_federal_solicitation_numbers_with_a_section_letter() -> None:
    """ "C.5.1 ..." is clause C.5.1; "B.4 BASE PERIOD (Date of Award ...)" heads its price lines."""
    statements = segment(
        make_document(
            [
                Block("C.5 SUPPORTING REQUIREMENTS", kind="heading"),
                Block("C.5.1 The contractor shall set performance standards.", kind="list_item"),
                Block(
                    "B.4 BASE PERIOD (Date of Award through 1 year thereafter)", kind="list_item"
                ),
                Block(
                    "CLIN 0001: Records management, 12 months, firm fixed price.", kind="table_row"
                ),
            ]
        )
    )
    assert [(s.clause, s.section, s.text) for s in statements] == [
        ("C.5.1", "C.5 SUPPORTING REQUIREMENTS", "The contractor shall set performance standards."),
        (
            "",
            "B.4 BASE PERIOD (Date of Award through 1 year thereafter)",
            "CLIN 0001: Records management, 12 months, firm fixed price.",
        ),
    ]


def test_sub_clauses_in_lower_case_keep_their_numbers_and_the_lead_in() -> None:
    """ "7.1.1 any negligent act ...;" under "7.1 ... arising out of:", as a filing sets it,
    with a Greek question mark (U+037E) for the semicolon."""
    statements = segment(
        make_document(
            [
                Block("7.1 Each Party will defend the other Party from claims arising out of:"),
                Block("7.1.1 any negligent act of the indemnifying Party\u037e", kind="list_item"),
                Block("7.1.2 any breach of this Agreement\u037e or", kind="list_item"),
                Block(
                    "7.1.3 For purposes of this Section, claims include fines.", kind="list_item"
                ),
                Block("3.5 mm is the wall thickness."),
            ]
        )
    )
    lead = "Each Party will defend the other Party from claims arising out of"
    assert [(s.clause, s.text) for s in statements] == [
        ("7.1.1", f"{lead} any negligent act of the indemnifying Party."),
        ("7.1.2", f"{lead} any breach of this Agreement."),
        ("7.1.3", "For purposes of this Section, claims include fines."),
        ("", "3.5 mm is the wall thickness."),
    ]


def test_a_sub_clause_title_heads_its_own_paragraphs_not_its_siblings() -> None:
    """ "(a) Definitions." under a provision: (b) and (c) are back under the provision."""
    statements = segment(
        make_document(
            [
                Block("K.3 52.204-3 TAXPAYER IDENTIFICATION (OCT 1998)", kind="heading"),
                Block("(a) Definitions."),
                Block('"TIN" means the number the offeror uses for tax returns.'),
                Block("(b) All offerors must submit the information of paragraph (d)."),
                Block("(c) The Government may use the TIN to collect debts."),
            ]
        )
    )
    assert [(s.clause, s.section) for s in statements] == [
        ("", "(a) Definitions"),
        ("(b)", "K.3 52.204-3 TAXPAYER IDENTIFICATION (OCT 1998)"),
        ("(c)", "K.3 52.204-3 TAXPAYER IDENTIFICATION (OCT 1998)"),
    ]


@pytest.mark.parametrize(
    "greeting",
    ["Hi Wei,", "Dear Mr Adair,", "Sehr geehrter Herr Adair,", "Sehr geehrte Damen und Herren,",
     "Hallo Tom,", "Bonjour Madame,", "Estimado Sr. García:"],
)  # fmt: skip
def test_a_greeting_alone_is_not_glued_to_the_paragraph_after_it(greeting: str) -> None:
    """A German greeting had been glued onto a list's lead-in and so onto each item:
    "Sehr geehrter Herr Adair, für die Anlieferung ... gelten folgende Vorgaben ..."."""
    from extractor.segmenting import is_salutation

    assert is_salutation(greeting)
    blocks = (
        Block(text=greeting, kind="paragraph"),
        Block(text="the crates must be heat-treated.", kind="paragraph"),
    )
    document = Document(
        path="mail.eml", sha256="0", kind="email", pages=(Page(number=None, blocks=blocks),)
    )
    assert [s.text for s in segment(document)] == [greeting, "the crates must be heat-treated."]


def test_a_form_signed_with_dot_leaders_after_a_closing_reads() -> None:
    """A tender's Form of Tender: its signature lines end in dot leaders, no word after."""
    blocks = [
        Block("FORM OF TENDER", kind="heading"),
        Block("We offer to supply the goods for the prices in our schedule."),
        Block("Signed: ...................................."),
        Block("For and on behalf of: ......................"),
        Block("Date: ...................................."),
    ]
    assert _texts(*blocks) == ["We offer to supply the goods for the prices in our schedule."]


def test_a_quote_opening_the_next_sentence_goes_with_it() -> None:
    """A tender walk: '"Shall" denotes ... requirement. "' + 'Should" denotes ...': the
    opening quote of each sentence had stuck to the one before."""
    text = (
        '"Shall" denotes a mandatory requirement. "Should" denotes a preferred solution.'
        ' He said "ship it." The Buyer agreed.'
    )
    assert _texts(Block(text)) == [
        '"Shall" denotes a mandatory requirement.',
        '"Should" denotes a preferred solution.',
        'He said "ship it."',
        "The Buyer agreed.",
    ]


def test_an_identifier_series_numbers_its_clauses() -> None:
    """A tender walk: "SR5 Refrigerant handling ...", "IS-01 ...", "Q1.1 ..." kept their ids
    in the text with no clause, so no compliance list could sort or cite them."""
    statements = segment(
        make_document(
            [
                Block("SR1 All personnel shall hold a track safety certificate."),
                Block("SR2 Hot work shall require a permit."),
                Block("SR3 The Supplier shall remove its waste daily."),
                Block("IS-09: Service laptops shall have full-disk encryption."),
                Block("IS-10: The Supplier shall support penetration tests."),
                Block("IS-11 - The Supplier shall report incidents within 24 hours."),
                Block("Q1.1 State the legal name of the company."),
                Block("Q1.2 Provide audited accounts for three years."),
                Block("Q2.1 Describe three comparable projects."),
            ]
        )
    )
    assert [(s.clause, s.text[:16]) for s in statements] == [
        ("SR1", "All personnel sh"),
        ("SR2", "Hot work shall r"),
        ("SR3", "The Supplier sha"),
        ("IS-09", "Service laptops "),
        ("IS-10", "The Supplier sha"),
        ("IS-11", "The Supplier sha"),
        ("Q1.1", "State the legal "),
        ("Q1.2", "Provide audited "),
        ("Q2.1", "Describe three c"),
    ]


@pytest.mark.parametrize(
    "texts",
    [
        # a thread size, a protection class, a formula: no series of ids
        ["M8 Bolts shall be zinc plated.", "M10 Bolts shall be black.", "M12 Nuts are spare."],
        ["IP67 Enclosures shall be sealed.", "IP68 Enclosures shall be potted.", "IP69 Tests."],
        ["CO2 Emissions shall be reported.", "CO3 Levels are measured.", "CO4 Is rare."],
        # two ids in a row are not yet a series
        ["SR1 Hot work shall require a permit.", "SR2 Waste shall be removed daily."],
        # a space before the number: a standard, a quarter
        ["EN 50155 Applies to all units.", "EN 50156 Applies too.", "EN 50157 Also."],
    ],
)
def test_letters_and_numbers_without_a_series_stay_in_the_text(texts: list[str]) -> None:
    statements = segment(make_document([Block(text) for text in texts]))
    assert [s.clause for s in statements] == [""] * len(texts)
    assert [s.text for s in statements] == texts


def test_an_answer_after_its_number_is_no_clause_title() -> None:
    """ "A6 Yes. The heat pump ...": "Yes" had become the section of the rest of the mail."""
    statements = segment(
        make_document(
            [
                Block("A5 The refrigerant shall be R-1234ze."),
                Block("A6 Yes. The heat pump option will be evaluated."),
                Block("A7 The deadline is 13 November."),
                Block("All other provisions remain unchanged."),
            ]
        )
    )
    assert [(s.clause, s.section, s.text) for s in statements][1:] == [
        ("A6", "", "Yes."),
        ("A6", "", "The heat pump option will be evaluated."),
        ("A7", "", "The deadline is 13 November."),
        ("", "", "All other provisions remain unchanged."),
    ]


def test_an_identifier_with_its_clause_number_keeps_both() -> None:
    """A medical-device walk: "PS-001 3.1 The housing shall ..." kept "PS-001 3.1" in the
    text and no clause."""
    statements = segment(
        make_document(
            [
                Block("PS-001 3.1 The housing shall be moulded from polycarbonate."),
                Block("PS-002 3.2 Regrind shall not be used."),
                Block("PS-010 4.1 Dimensions shall meet the drawing."),
            ]
        )
    )
    assert [(s.clause, s.text) for s in statements] == [
        ("PS-001 3.1", "The housing shall be moulded from polycarbonate."),
        ("PS-002 3.2", "Regrind shall not be used."),
        ("PS-010 4.1", "Dimensions shall meet the drawing."),
    ]


def test_a_footnote_on_the_next_page_reads_under_the_statement_carrying_its_mark() -> None:
    """The footnotes of a specification's page 1 set at the foot of page 2, with raised
    marks; "m²" is a unit, not the mark of footnote 2."""
    statements = segment(
        make_document(
            [
                Block("6.2 The housing shall resist the disinfectants listed.²", page=1),
                Block("7.1 The label area shall be at least 2 m².", page=2),
                Block("² The list is reviewed by the Customer once a year.", 2, style="footnote"),
            ]
        )
    )
    assert [(s.clause, s.text) for s in statements][1:] == [
        ("7.1", "The label area shall be at least 2 m²."),
        ("6.2", "The list is reviewed by the Customer once a year."),
    ]


def test_a_field_line_is_a_statement_not_a_heading() -> None:
    """A form's "Label: value" line the PDF reader marks ``style="field"``, though it reads
    like a Title Case heading."""
    statements = segment(
        make_document(
            [
                Block("Incoterms: DAP Minneapolis, MN (Incoterms 2020)", style="field"),
                Block("Currency: USD", style="field"),
                Block("Prices are firm."),
            ]
        )
    )
    assert [(s.text, s.section) for s in statements] == [
        ("Incoterms: DAP Minneapolis, MN (Incoterms 2020)", ""),
        ("Currency: USD", ""),
        ("Prices are firm.", ""),
    ]


def test_a_field_in_plain_type_is_a_statement_not_a_heading() -> None:
    """A logistics walk: "Collection: <address>, 13.04.2026 22:00", in plain type, became
    the section of the order's lines, and the collection time no statement; "Annex 2:
    Price Schedule" still heads what follows."""
    statements = segment(
        make_document(
            [
                Block("TRANSPORT ORDER TO-MHF-260412", kind="heading"),
                Block("Carrier: Harwick Freight & Warehousing Ltd"),
                Block("Collection: Harwick Daventry, Unit 4, Castlebrook Park, 13.04.2026 22:00"),
                Block("This transport order is placed under agreement HFW-LSA-2026-031."),
                Block("Annex 2: Price Schedule"),
                Block("Prices are firm for the term."),
            ]
        )
    )
    assert [(s.text, s.section) for s in statements] == [
        ("Carrier: Harwick Freight & Warehousing Ltd", "TRANSPORT ORDER TO-MHF-260412"),
        (
            "Collection: Harwick Daventry, Unit 4, Castlebrook Park, 13.04.2026 22:00",
            "TRANSPORT ORDER TO-MHF-260412",
        ),
        (
            "This transport order is placed under agreement HFW-LSA-2026-031.",
            "TRANSPORT ORDER TO-MHF-260412",
        ),
        ("Prices are firm for the term.", "Annex 2: Price Schedule"),
    ]


def test_a_form_date_on_its_own_line_opens_fields_not_a_signature() -> None:
    """An electronics walk's change notice: "Date: 02.03.2027" over "Affected item: ..."
    was taken for a signature's date, and every field under it dropped with it."""
    texts = _texts(
        Block("ENGINEERING CHANGE NOTICE ECN-APC-0193", kind="heading"),
        Block("Date: 02.03.2027"),
        Block("Originator: M. Oyelaran, Hardware Engineering"),
        Block("Affected item: APC-CTL-4410 Controller board assembly, BOM APC-BOM-4410"),
        Block("Please return the signed copy."),
        Block("Kind regards"),
        Block("Name: Mia Oyelaran"),
        Block("Date: 03.03.2027"),
    )
    assert texts == [  # the document's date is no statement (two revisions "differed" by it)
        "Originator: M. Oyelaran, Hardware Engineering",
        "Affected item: APC-CTL-4410 Controller board assembly, BOM APC-BOM-4410",
        "Please return the signed copy.",
    ]


def test_a_revision_history_row_is_no_statement_but_a_schedule_row_is() -> None:
    """Walks in four industries: "P02 (Date: ...) (Description: Revised ...) (By: JKL)"
    was labelled specified, reported by compare as an added requirement and marked as
    differing between revisions."""
    texts = _texts(
        Block("A (Date: 2026-10-05) (Change: First issue for RFQ) (Author: K. Lindqvist)",
              kind="table_row"),
        Block("P02 (Date: 09/11/2026) (Description: Revised after design review; changes"
              " marked (see clause 4.1)) (By: JKL)", kind="table_row"),
        Block("0.1 (Date: 03/03/2026) (Author: Cyber lead) (Comment: draft for supplier)",
              kind="table_row"),
        Block("03 (Date: 2024-11-18) (Change: Maltose range widened) (By: RM)", kind="table_row"),
        # a federal walk: a version named, not numbered
        Block("Original (Date: 03/09/2026) (Description: Issued with solicitation N68714)",
              kind="table_row"),
        Block("Amendment 0001 (Date: 04/02/2026) (Description: Hours and response times changed)",
              kind="table_row"),
        Block("10 (Date: 12.03.2027) (Description: Valve body)", kind="table_row"),
        Block("20 (Date: 19.03.2027) (Description: New valve body) (Qty: 200)", kind="table_row"),
        Block("The Supplier shall deliver on the dates above."),
    )  # fmt: skip
    assert texts == [
        "10 (Date: 12.03.2027) (Description: Valve body)",
        "20 (Date: 19.03.2027) (Description: New valve body) (Qty: 200)",
        "The Supplier shall deliver on the dates above.",
    ]


def test_a_lead_in_asking_to_note_what_follows_is_a_statement_of_its_own() -> None:
    """A construction walk's HTML mail: "... please note, effective now:" over three demands
    was glued to the last of them ("Trust estates need ..."), its colon lost."""
    texts = _texts(
        Block("following yesterday meeting with Trust estates please note, effective now:"),
        Block("Isolation certificates must be signed by the Trust AP(HV).", kind="list_item"),
        Block("Trust estates need 3 weeks notice of every shutdown.", kind="list_item"),
    )
    assert texts == [
        "following yesterday meeting with Trust estates please note, effective now:",
        "Isolation certificates must be signed by the Trust AP(HV).",
        "Trust estates need 3 weeks notice of every shutdown.",
    ]


def test_a_bill_of_quantities_group_row_heads_its_items() -> None:
    """A construction walk's pricing schedule: "4.1: Ventilation" and "4.3: Electrical" were
    requirements (0.42, 0.32); they head their items, and the text after the table is
    back under the sheet's heading."""
    statements = segment(
        make_document(
            [
                Block("Bill 4 - M&E", kind="heading"),
                Block("4.1: Ventilation", kind="table_row"),
                Block("4.1.1: AHU-01 air handling unit (Qty: 1) (Unit: nr)", kind="table_row"),
                Block("4.2: Medical gases", kind="table_row"),
                Block("4.2.1: Medical air plant to HTM 02-01 (Qty: 1)", kind="table_row"),
                Block("4.3: Electrical", kind="table_row"),
                Block("Rates shall include for out-of-hours working."),
            ]
        )
    )
    assert [(s.section, s.text) for s in statements] == [
        ("4.1: Ventilation", "4.1.1: AHU-01 air handling unit (Qty: 1) (Unit: nr)"),
        ("4.2: Medical gases", "4.2.1: Medical air plant to HTM 02-01 (Qty: 1)"),
        ("Bill 4 - M&E", "4.3: Electrical"),  # no item under it: a row as written
        ("Bill 4 - M&E", "Rates shall include for out-of-hours working."),
    ]


def test_a_form_opening_with_its_date_keeps_the_field_after_it() -> None:
    statements = segment(
        make_document(
            [
                Block("Date: 02.03.2027"),
                Block("Originator: M. Keller, Hardware Engineering"),
                Block("The change applies from lot 3 onwards."),
            ]
        )
    )
    assert [(s.section, s.text) for s in statements] == [
        ("", "Originator: M. Keller, Hardware Engineering"),
        ("", "The change applies from lot 3 onwards."),
    ]


def test_a_forms_subject_line_is_a_field_but_a_printed_mail_header_is_dropped() -> None:
    """A re-walk's witness-test notice lost "Subject: Commissioning", read as a mail
    header's line; a printed mail's header (From, Sent, To, Subject) is still no statement."""
    texts = _texts(
        Block("WITNESS TEST NOTICE", kind="heading"),
        Block("Date: 5 May 2027"),
        Block("Project: Ashby Wing"),
        Block("Subject: Commissioning"),
        Block("The Subcontractor shall give 48 hours notice of every witness test."),
        Block("From: Dana Whitlow"),
        Block("Sent: 6 May 2027 09:14"),
        Block("To: Site team"),
        Block("Subject: Witness tests"),
        Block("Test sheets must be signed by the commissioning manager."),
    )
    assert texts == [
        "Project: Ashby Wing",
        "Subject: Commissioning",
        "The Subcontractor shall give 48 hours notice of every witness test.",
        "Test sheets must be signed by the commissioning manager.",
    ]


def test_a_signature_after_a_closing_with_a_name_is_dropped() -> None:
    """A medical-device walk: "Best regards, Priya" was dropped, but her name, title, company
    and address run into one line after it were a statement."""
    texts = _texts(
        Block("Please confirm by 6 February."),
        Block("Best regards, Priya"),
        Block(
            "Priya Natarajan Senior Supplier Quality Engineer Halvorsen Infusion Technologies"
            " Inc. 400 Larkspur Drive, Minneapolis, MN 55401"
        ),
        Block("P.S. The Supplier shall send the certificate with each lot."),
    )
    assert texts == [
        "Please confirm by 6 February.",
        "The Supplier shall send the certificate with each lot.",  # read again after it
    ]


def test_a_clause_lists_far_and_dfars_rows_take_their_clause_numbers() -> None:
    """A federal walk: 57 rows of a solicitation's clause list had no clause to be cited by."""
    statements = segment(
        make_document(
            [
                Block("SECTION I - CONTRACT CLAUSES", None, "heading"),
                Block(
                    "52.204-21: Basic Safeguarding of Covered Systems (NOV 2021)", None, "table_row"
                ),
                Block("252.204-7012: Safeguarding Covered Defense Information", None, "table_row"),
                Block("52.222-41 Service Contract Labor Standards (AUG 2018)"),
                Block("Parts of 52.25 mm shall be deburred."),
            ]
        )
    )
    assert [(s.clause, s.text[:12]) for s in statements] == [
        ("52.204-21", "52.204-21: B"),
        ("252.204-7012", "252.204-7012"),
        ("52.222-41", "52.222-41 Se"),
        ("", "Parts of 52."),
    ]


def test_a_tables_caption_heads_its_rows_only() -> None:
    """An automotive walk: clauses 3.2 to 3.7 came under "Table 1 - Component requirements",
    the caption of the table in clause 3.1."""
    blocks = [
        Block("3 Component requirements", None, "heading"),
        Block("3.1 The caliper shall meet the characteristics of Table 1.", None, "paragraph"),
        Block("Table 1 - Component requirements", None, "heading"),
        Block("Mass: <= 3.40 kg (Test method: Weighing)", None, "table_row"),
        Block("Piston bore: 54.00 mm (Test method: CMM)", None, "table_row"),
        Block("3.2 The piston seal shall retract the piston by 0.10 mm.", None, "paragraph"),
        Block("4 Validation", None, "heading"),
        Block("Table 2: Test matrix", None, "heading"),
        Block("4.1 The Supplier shall run the tests of Table 2.", None, "paragraph"),
    ]
    found = [(s.clause, s.section) for s in segment(make_document(blocks))]
    assert found == [
        ("3.1", "3 Component requirements"),
        ("", "Table 1 - Component requirements"),
        ("", "Table 1 - Component requirements"),
        ("3.2", "3 Component requirements"),
        ("4.1", "4 Validation"),  # a caption over no rows gives its section back at once
    ]


def test_a_lead_in_stating_a_fact_stays_before_items_that_stand_alone() -> None:
    """A nomination letter's conditions: condition 2 ("Tooling costs ... are paid")
    has no sentence opener or modal; it alone took the lead-in as a prefix, so the
    lead-in left its place before condition 1 and lost its colon."""
    lead = (
        "This nomination is based on your quotation Q-17 of 12 November 2026 and is subject"
        " to the following conditions:"
    )
    items = [
        "The piece price of EUR 41.85 is fixed until 31 December 2029.",
        "Tooling costs of EUR 1,240,000 are paid in two instalments after PPAP approval.",
        "The supplier shall sign the quality agreement within 4 weeks.",
    ]
    blocks = [Block(lead)] + [
        Block(f"{n}. {item}", kind="list_item") for n, item in enumerate(items, 1)
    ]
    statements = segment(make_document(blocks))
    assert [(s.clause, s.text) for s in statements] == [
        ("", lead),
        *[(str(n), item) for n, item in enumerate(items, 1)],
    ]


def test_a_lead_in_that_only_opens_its_list_still_prefixes_a_fragment() -> None:
    # no statement of its own: the item that is no sentence still needs it
    statements = segment(
        make_document(
            [
                Block("The responsibilities and limitations of the officer are as follows:"),
                Block(
                    "(a) The officer is responsible for the technical liaison.", kind="list_item"
                ),
                Block("(b) Final inspection of all reports.", kind="list_item"),
            ]
        )
    )
    assert [s.text for s in statements] == [
        "The officer is responsible for the technical liaison.",
        "The responsibilities and limitations of the officer are Final inspection of all reports.",
    ]


def test_attn_in_an_address_does_not_end_a_statement() -> None:
    # a letter's address block had been cut after "Brenntal GmbH Attn."
    text = "Send the samples to Brenntal GmbH, Attn. Mr. Jonas Feldkamp, before 1 May."
    assert split_sentences([text]) == [[(0, len(text))]]


def test_quality_codes_that_skip_numbers_number_their_clauses_under_their_titles() -> None:
    """An aerospace walk: an order's quality clauses Q01, Q03, ... Q15 (the codes it uses,
    out of the customer's list) lost their codes, and each run-in title ("Q07 Counterfeit
    parts prevention.") became a candidate of its own; "F1 Export control - ITAR." too."""
    statements = segment(
        make_document(
            [
                Block("Q01 First Article Inspection. Supplier shall perform a full FAI."),
                Block("Q03 Raw material certification. Supplier shall furnish mill certs."),
                Block("Q07 Counterfeit parts prevention. Supplier shall buy from the OEM."),
                Block("Q12 Record retention. Supplier shall retain records for 10 years."),
                Block("F1 Export control - ITAR. The data are controlled under ITAR."),
                Block("F2 Export control - EAR. Item 50 is subject to the EAR."),
                Block("F3 Specialty metals. Supplier shall comply with DFARS 252.225-7009."),
            ]
        )
    )
    assert [(s.clause, s.section, s.text[:22]) for s in statements] == [
        ("Q01", "First Article Inspection", "Supplier shall perform"),
        ("Q03", "Raw material certification", "Supplier shall furnish"),
        ("Q07", "Counterfeit parts prevention", "Supplier shall buy fro"),
        ("Q12", "Record retention", "Supplier shall retain "),
        ("F1", "Export control - ITAR", "The data are controlle"),
        ("F2", "Export control - EAR", "Item 50 is subject to "),
        ("F3", "Specialty metals", "Supplier shall comply "),
    ]


@pytest.mark.parametrize(
    "numbers",
    [
        ["Q01", "Q03", "Q05"],  # three rising, no two in a row: not yet a series
        ["Q01", "Q09", "Q17", "Q25"],  # too far apart
        ["Q05", "Q03", "Q07", "Q01"],  # not in reading order
    ],
)
def test_codes_that_skip_numbers_need_four_rising_in_small_steps(numbers: list[str]) -> None:
    texts = [f"{number} Parts shall be clean." for number in numbers]
    statements = segment(make_document([Block(text) for text in texts]))
    assert [s.clause for s in statements] == [""] * len(texts)


def test_a_short_question_after_its_number_is_no_title() -> None:
    """ "Q2.1 Describe your quality system. Attach ..." is a question, not a clause title."""
    statements = segment(
        make_document(
            [
                Block("Q2.1 Describe your quality system. Attach the certificate."),
                Block("Q2.2 State the lead time. Include transport."),
                Block("Q2.3 List the sub-suppliers. Name their sites."),
            ]
        )
    )
    assert [(s.clause, s.section, s.text) for s in statements] == [
        ("Q2.1", "", "Describe your quality system."),
        ("Q2.1", "", "Attach the certificate."),
        ("Q2.2", "", "State the lead time."),
        ("Q2.2", "", "Include transport."),
        ("Q2.3", "", "List the sub-suppliers."),
        ("Q2.3", "", "Name their sites."),
    ]


_POINTS_HTML = {
    "ol": "<p>for PO 4500-77821 please note two points more:</p><ol>"
    "<li>FAI per AS9102 you make also for item 50, not only 10-30. Full FAI, not delta.</li>"
    "<li>On the C of C write the heat lot number of raw material for item 20.</li></ol>",
    "numbered paragraphs": "<p>for PO 4500-77821 please note two points more:</p>"
    "<p>1. FAI per AS9102 you make also for item 50, not only 10-30. Full FAI, not delta.</p>"
    "<p>2. On the C of C write the heat lot number of raw material for item 20.</p>",
}


@pytest.mark.parametrize("html", sorted(_POINTS_HTML))
def test_a_lead_in_announcing_points_is_a_statement_of_its_own(html: str) -> None:
    """An aerospace walk's HTML mail read "for PO 4500-77821 please note two points more
    FAI per AS9102 you make ...": the lead-in glued to item 1 and its colon lost."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "sqe@a.example", "q@b.example", "PO"
    message.set_content(_POINTS_HTML[html], subtype="html")
    document = read_document_bytes(bytes(message), "points.eml")
    assert [(s.clause, s.text) for s in segment(document)] == [
        ("", "for PO 4500-77821 please note two points more:"),
        ("1", "FAI per AS9102 you make also for item 50, not only 10-30."),
        ("1", "Full FAI, not delta."),
        ("2", "On the C of C write the heat lot number of raw material for item 20."),
    ]


def test_a_lead_in_announcing_points_still_leads_a_fragment() -> None:
    """An item that is no sentence ("material certificates;") needs its lead-in's words."""
    texts = _texts(
        Block("Before release please check these points:"),
        Block("1. material certificates;", kind="list_item"),
        Block("2. the FAI report.", kind="list_item"),
    )
    assert len(texts) == 2 and all(text.startswith("Before release please") for text in texts)


def test_points_announced_stand_alone_however_tersely_written() -> None:
    """An IT services walk's security mail: "after our security review we need three more
    things from you:" was glued, colon lost, to each of its three lower-case demands."""
    texts = _texts(
        Block("after our security review we need three more things from you:"),
        Block("1. all your admin must use phishing resistant MFA, no SMS.", kind="list_item"),
        Block("2. logs of privileged access send to our SIEM in realtime.", kind="list_item"),
        Block("3. you make pentest also of Citrix gateway before go live.", kind="list_item"),
    )
    assert texts == [
        "after our security review we need three more things from you:",
        "all your admin must use phishing resistant MFA, no SMS.",
        "logs of privileged access send to our SIEM in realtime.",
        "you make pentest also of Citrix gateway before go live.",
    ]


def test_table_rows_numbered_by_their_own_ids_take_them_as_clauses() -> None:
    """An IT services walk: the deliverables D1-D5 and the matrix rows VHG-REQ-001 ... had
    no clause, so the compliance list could not cite them; order lines keep none."""
    statements = segment(
        make_document(
            [
                Block("D1: Project plan (Due date: 2026-02-27)", kind="table_row"),
                Block("D2: Design document (Due date: 2026-03-27)", kind="table_row"),
                Block("D3: Test report (Due date: 2026-04-17)", kind="table_row"),
                Block("10: HA-2210-101 (Qty: 200)", kind="table_row"),
                Block("20: HA-2210-108 (Qty: 120)", kind="table_row"),
            ]
        )
    )
    assert [(s.clause, s.text[:14]) for s in statements] == [
        ("D1", "D1: Project pl"),
        ("D2", "D2: Design doc"),
        ("D3", "D3: Test repor"),
        ("", "10: HA-2210-10"),
        ("", "20: HA-2210-10"),
    ]


def test_order_lines_by_part_number_take_no_clause() -> None:
    """Part numbers in a row ("NC-1001", "NC-1002", ...) are no clause ids."""
    statements = segment(
        make_document(
            [Block(f"NC-100{n}: Bracket (Qty: {n}00)", kind="table_row") for n in (1, 2, 3)]
        )
    )
    assert [s.clause for s in statements] == ["", "", ""]


def test_definitions_under_their_lead_in_stand_alone() -> None:
    """An IT services walk's MSA: "In this Agreement the following terms have the following
    meanings:" was glued to each definition, colon lost."""
    texts = _texts(
        Block("1.1 In this Agreement the following terms have the following meanings:"),
        Block('(a) "Services" means the managed services of each SOW.', kind="list_item"),
        Block('(b) "Personal Data" and "Processing" have the meanings given in the GDPR.'),
        Block("1.2 Clause headings do not affect the interpretation."),
    )
    assert texts == [
        "In this Agreement the following terms have the following meanings:",
        '"Services" means the managed services of each SOW.',
        '"Personal Data" and "Processing" have the meanings given in the GDPR.',
        "Clause headings do not affect the interpretation.",
    ]


def test_an_address_line_carrying_fields_is_kept() -> None:
    """An aerospace walk's order header: "1400 Ridgeline Parkway, Wichita, KS 67209 Currency:
    USD Payment terms: Net 60 days ..." read as one line had been dropped whole as an
    address, payment terms and all."""
    texts = _texts(
        Block("1. The Supplier shall deliver the parts listed below."),
        Block(
            "1400 Ridgeline Parkway, Wichita, KS 67209 Currency: USD Payment terms: Net 60 days"
            " from receipt of invoice."
        ),
        Block("88 Foundry Lane, Dayton, OH 45402 The Supplier shall ship from this address."),
        Block("88 Foundry Lane, Dayton, OH 45402"),
        Block("Tel: +1 (316) 555-0100 Fax: +1 (316) 555-0101"),
    )
    assert texts == [
        "The Supplier shall deliver the parts listed below.",
        "1400 Ridgeline Parkway, Wichita, KS 67209 Currency: USD Payment terms: Net 60 days"
        " from receipt of invoice.",
        "88 Foundry Lane, Dayton, OH 45402 The Supplier shall ship from this address.",
    ]


def test_a_mail_announcing_demands_after_a_bare_greeting_keeps_them_apart() -> None:
    """An energy walk: "All," then "additional grid requirements, effective now:" was
    glued, greeting and all, to each of four numbered demands, colon lost; a formal
    "shall meet the following requirements:" still opens its items."""
    texts = _texts(
        Block("All,"),
        Block("additional grid requirements, effective now:"),
        Block(
            "1. Reactive power capability 0.93 leading to 0.93 lagging, not 0.95.", kind="list_item"
        ),
        Block("2. Fault recorder at the 33 kV substation, 10 kHz sampling.", kind="list_item"),
        Block("The Contractor shall meet the following requirements:"),
        Block("a) stainless steel fasteners throughout;", kind="list_item"),
        Block("b) hot-dip galvanised frames.", kind="list_item"),
    )
    assert texts == [
        "additional grid requirements, effective now:",
        "Reactive power capability 0.93 leading to 0.93 lagging, not 0.95.",
        "Fault recorder at the 33 kV substation, 10 kHz sampling.",
        "The Contractor shall meet the following requirements stainless steel fasteners"
        " throughout.",
        "The Contractor shall meet the following requirements hot-dip galvanised frames.",
    ]


def test_a_lead_in_announcing_one_demand_in_the_singular_stands_alone() -> None:
    """A pharmaceutical walk: "... we have three new demand:" (non-native English) was
    glued to each of its items; with "demands:" it had stood alone."""
    texts = _texts(
        Block("after review of Quality Agreement we have three new demand:"),
        Block("1. media fill must be done with 3 consecutive runs.", kind="list_item"),
        Block("2. every shipper need second temperature logger.", kind="list_item"),
    )
    assert texts == [
        "after review of Quality Agreement we have three new demand:",
        "media fill must be done with 3 consecutive runs.",
        "every shipper need second temperature logger.",
    ]


def test_sub_items_right_after_a_numbered_clause_carry_its_number() -> None:
    """A pharmaceutical walk's supply agreement: 1.1's definitions and 3.1's items came out
    as clauses "(a)"-"(e)", so two "(a)" could not be cited apart; after a paragraph of its
    own the parent is no longer sure and the item keeps its own label."""
    statements = segment(
        make_document(
            [
                Block("1.1 In this Agreement the following terms have the meanings below."),
                Block(
                    '(a) "Batch" means a quantity of Product made in one cycle.', kind="list_item"
                ),
                Block('(b) "cGMP" means current good manufacturing practice.', kind="list_item"),
                Block("3.1 Each month Buyer shall provide a rolling forecast."),
                Block("(a) the first three months are binding.", kind="list_item"),
                Block("Prices are firm."),
                Block("(a) Returns are accepted within 30 days.", kind="list_item"),
            ]
        )
    )
    assert [s.clause for s in statements] == ["1.1", "1.1(a)", "1.1(b)", "3.1", "3.1(a)", "", "(a)"]


def test_a_bold_total_under_an_order_is_a_field_not_a_section() -> None:
    """A pharmaceutical walk: the order's bold "Total order value: EUR 1,051,720.00 (excl.
    VAT)" became the section of the special instruction after it. Headings numbering a
    part ("Annex 2: Prices 2027") or a mail's subject stay headings."""
    statements = segment(
        make_document(
            [
                Block("PURCHASE ORDER", None, "heading"),
                Block("Total order value: EUR 1,051,720.00 (excl. VAT)", None, "heading"),
                Block("Special instruction: Line 30 is for export to Ghana.", None, "paragraph"),
                Block("Annex 2: Prices 2027", None, "heading"),
                Block("Prices are firm for 12 months.", None, "paragraph"),
                Block("AW: RFQ-2026-0883 VX-40 - volume update", None, "heading"),
                Block("The target price stays at EUR 42.00.", None, "paragraph"),
            ]
        )
    )
    assert [(s.section, s.text) for s in statements] == [
        ("PURCHASE ORDER", "Total order value: EUR 1,051,720.00 (excl. VAT)"),
        ("PURCHASE ORDER", "Special instruction: Line 30 is for export to Ghana."),
        ("Annex 2: Prices 2027", "Prices are firm for 12 months."),
        ("AW: RFQ-2026-0883 VX-40 - volume update", "The target price stays at EUR 42.00."),
    ]


def test_a_caption_without_a_mark_after_its_number_heads_its_rows_only() -> None:
    """An energy walk: clauses 9.2 and 9.3 after "Table 9-1 Schedule of milestones and
    payments" (no dash or colon after the number) came under the caption."""
    statements = segment(
        make_document(
            [
                Block("Section 9 Milestones and Payment", None, "heading"),
                Block("Table 9-1 Schedule of milestones and payments", None, "heading"),
                Block("M1: Approval of the detailed design (Payment: 10 %)", None, "table_row"),
                Block("9.2 The Employer shall pay each invoice within 30 days.", None, "paragraph"),
            ]
        )
    )
    assert [(s.clause, s.section) for s in statements] == [
        ("", "Table 9-1 Schedule of milestones and payments"),
        ("9.2", "Section 9 Milestones and Payment"),
    ]


def test_initials_opening_minutes_lines_are_no_list_items() -> None:
    """An electronics walk's minutes: "D. Foyle presented ..." became item (D) with the
    text "Foyle presented ...", and so did "T." and "A."."""
    minutes = (
        "Discussion\n\n"
        "D. Foyle presented the NPI process and the SMT line 3.\n\n"
        "T. Wierzbicki explained that the controllers are used in safety shutdown systems.\n\n"
        "A. Ni Bhriain will send the CMRT by 15 March.\n"
    )
    found = [(s.clause, s.text) for s in segment(read_document_bytes(minutes.encode(), "m.txt"))]
    assert found == [
        ("", "D. Foyle presented the NPI process and the SMT line 3."),
        ("", "T. Wierzbicki explained that the controllers are used in safety shutdown systems."),
        ("", "A. Ni Bhriain will send the CMRT by 15 March."),
    ]
    recitals = (
        "A. Buyer makes pumps for offshore platforms.\n\nB. Supplier makes castings for pumps.\n"
    )
    items = segment(read_document_bytes(recitals.encode(), "r.txt"))
    assert [(s.clause, s.text) for s in items] == [
        ("(A)", "Buyer makes pumps for offshore platforms."),
        ("(B)", "Supplier makes castings for pumps."),
    ]


def test_a_number_in_figures_after_its_words_continues_the_sentence() -> None:
    """An EDGAR-style walk: "... within thirty" over "(30) days after ..." was cut, "(30)"
    taken for a sub-clause, and the latent-defect notice period lost."""
    statements = segment(
        make_document(
            [
                Block("8.2 Customer shall notify Supplier of any Latent Defect within thirty"),
                Block("(30) days after Customer discovers it."),
                Block("(23) Term means five years from the Effective Date."),
                Block("(24) Territory means the United States."),
            ]
        )
    )
    assert [(s.clause, s.text) for s in statements] == [
        ("8.2", "Customer shall notify Supplier of any Latent Defect within thirty (30) days"
         " after Customer discovers it."),
        ("8.2(23)", "Term means five years from the Effective Date."),
        ("8.2(24)", "Territory means the United States."),
    ]  # fmt: skip


def test_a_state_statute_s_abbreviations_end_no_sentence() -> None:
    """An EDGAR-style walk's minutes split "Minn. Stat. 116.943" into three statements."""
    assert _texts(Block("Under Minn. Stat. 116.943 the report must be filed. It is due.")) == [
        "Under Minn. Stat. 116.943 the report must be filed.",
        "It is due.",
    ]


def test_clauses_of_an_article_added_by_amendment_are_numbered() -> None:
    """An EDGAR-style walk's O&M agreement: "7A.1 Utilities and Access." was a statement
    (specified 0.45) and the sentences under it had no clause."""
    statements = segment(
        make_document(
            [
                Block("7A.1 Utilities and Access. Owner shall provide compressed air at the Line."),
                Block("7B.1 Reports. Contractor shall deliver a monthly report."),
            ]
        )
    )
    assert [(s.clause, s.section, s.text) for s in statements] == [
        ("7A.1", "Utilities and Access", "Owner shall provide compressed air at the Line."),
        ("7B.1", "Reports", "Contractor shall deliver a monthly report."),
    ]


def test_a_recital_ending_and_does_not_run_into_the_next_recital() -> None:
    # a medical-device walk's amendment: "...; and" over "WHEREAS, Section 17.6 ..." had
    # glued its last two recitals into one statement
    first = "WHEREAS, the Parties wish to change the lead time of the Products; and"
    second = "WHEREAS, Section 12.4 allows amendments only in a signed writing;"
    assert _texts(Block(first), Block(second)) == [first, second]


def test_the_operative_words_are_no_lead_in_of_the_clauses_after_them() -> None:
    # "NOW, THEREFORE, ... the Parties agree as follows:" had been copied into clauses 1
    # and 3 of the amendment (3 being itself a lead-in to the clause it restates)
    operative = (
        "NOW, THEREFORE, in consideration of the mutual covenants set out herein, the "
        "Parties agree as follows:"
    )
    texts = _texts(
        Block(operative),
        Block(
            "1. Terms used but not defined here have the meanings given in the Agreement.",
            kind="list_item",
        ),
        Block(
            "2. Section 4.1 of the Agreement is deleted and replaced with the following:",
            kind="list_item",
        ),
        Block('"4.1 Supplier shall keep a safety stock of six weeks."'),
    )
    assert texts[0] == operative
    assert not any(text.startswith("NOW") for text in texts[1:])
    assert "Section 4.1 of the Agreement is deleted and replaced with the following:" in texts


def test_a_party_agreeing_to_items_is_still_their_lead_in() -> None:
    # "The contractor agrees:" over "(1) to notify ..." is no operative formula: each item
    # needs it to say who agrees
    texts = _texts(
        Block("The contractor agrees:"),
        Block(
            "(1) to notify the Contracting Officer of any change of ownership;", kind="list_item"
        ),
        Block("(2) to keep the records for three years.", kind="list_item"),
    )
    assert texts[0].startswith("The contractor agrees") and "notify" in texts[0]


def test_items_of_a_list_whose_first_items_stood_alone_stand_alone_too() -> None:
    # a federal amendment: items a-c each carried a "shall" and stood alone; item d (no
    # modal) and item e (its quotation closed after the full stop) took the lead-in, and
    # the lead-in itself, which says a revised work statement is attached, was lost
    lead = (
        "Section C is revised as follows, and a revised Statement of Work incorporating "
        "these changes is attached:"
    )
    items = [
        "Paragraph C.3.1 is revised so that the Contractor shall staff the desk from 0600.",
        "Paragraph C.3.4 is revised so that urgent calls shall be answered in ten minutes.",
        "Paragraph C.4.2 is revised so that the Contractor shall report every Monday.",
        'Paragraph C.2.1 is revised accordingly to read "Buildings 14, 15 and 21".',
        'A new paragraph C.3.9 is added: "The Contractor shall inspect the two cranes."',
    ]
    blocks = [Block(lead)] + [
        Block(f"{letter}. {item}", kind="list_item")
        for letter, item in zip("abcde", items, strict=True)
    ]
    assert _texts(*blocks) == [lead, *items]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Nonconformances during Manufacture", "Supplier shall quarantine each affected Lot."),
        ("Disputes over Conformity", "The Parties shall send samples to a laboratory."),
        ("No Claims against the Premises", "Service Provider shall record no lien."),
    ],
)
def test_a_run_in_title_with_a_preposition_is_the_clauses_title(title: str, body: str) -> None:
    # filed agreements title clauses "Nonconformances during Manufacture." and "Disputes
    # over Conformity.": each title had been a statement of its own
    (statement,) = segment(make_document([Block(f"8.5 {title}. {body}", kind="list_item")]))
    assert (statement.clause, statement.section, statement.text) == ("8.5", title, body)


def test_a_lawyers_closing_drops_the_signature_and_cc_list_after_it() -> None:
    # a counsel letter closed "Very truly yours," over "/s/ ...", the name and a cc list:
    # the closing, the signature with the first cc and each further cc were statements
    last = "Please direct any questions regarding this letter to the undersigned."
    texts = _texts(
        Block(last),
        Block("Very truly yours,"),
        Block(
            "/s/ Nadia R. Castell\nNadia R. Castell\n"
            "cc: Owen T. Mirek, Chief Operating Officer, Halvard Medical, Inc."
        ),
        Block("Petra Lindqvist, Director Supplier Quality, Halvard Medical, Inc."),
    )
    assert texts == [last]


def test_numbered_items_in_a_row_are_a_list_not_headings_over_each_other() -> None:
    # a federal walk's mail listed its agenda "1." to "6.": the odd items, short and in
    # title case, were taken for headings, each over the next item
    items = [
        "Contract Scope and Changes",
        "Roles of the CO and COR",
        "Phase-in schedule and badging",
        "Invoicing in WAWF",
    ]
    statements = segment(
        make_document([Block(f"{n}. {item}", kind="list_item") for n, item in enumerate(items, 1)])
    )
    assert [(s.clause, s.text, s.section) for s in statements] == [
        (str(n), item, "") for n, item in enumerate(items, 1)
    ]


def test_a_numbered_heading_with_text_under_it_stays_a_heading() -> None:
    statements = segment(
        make_document(
            [
                Block("1. Scope of Work", kind="list_item"),
                Block("The Contractor shall maintain the four buildings."),
                Block("2. Deliverables", kind="list_item"),
                Block("The Contractor shall report every month."),
            ]
        )
    )
    assert [s.section for s in statements] == ["1. Scope of Work", "2. Deliverables"]


def test_a_numbered_run_in_title_may_run_to_nine_words() -> None:
    title = "Maintenance of Confidentiality and Limitations on Use"
    (statement,) = segment(
        make_document([Block(f"5.1 {title}. Each Party shall keep the information secret.")])
    )
    assert (statement.section, statement.text) == (
        title,
        "Each Party shall keep the information secret.",
    )


def test_a_long_sentence_in_capitals_is_no_title() -> None:
    # unnumbered capitals make a title only when short: this is the sentence itself
    text = "THE PROPOSED PROGRAM IS SUBJECT TO GOVERNMENT APPROVAL."
    assert _texts(Block("The plan shall not exceed twenty pages."), Block(text))[-1] == text


def test_a_range_cut_at_its_dash_is_not_a_new_clause() -> None:
    # a browser-printed PO's terms broke "(15 CFR Parts 730-" at the foot of a column and
    # went on "774) and shall notify ...": "774" became a clause of its own
    statements = segment(
        make_document(
            [
                Block(
                    "8. Seller shall comply with the Export Administration Regulations (15 CFR "
                    "Parts 730-",
                    kind="list_item",
                ),
                Block("774) and shall report the classification of the Goods.", kind="list_item"),
            ]
        )
    )
    assert [(s.clause, s.text) for s in statements] == [
        (
            "8",
            "Seller shall comply with the Export Administration Regulations (15 CFR Parts 730- "
            "774) and shall report the classification of the Goods.",
        )
    ]


@pytest.mark.parametrize(
    "blank",
    [
        "Signature ..........................",
        "Date ....................",
        "Name: ________",
        # a logistics walk's transport order: the signatory's field over the blank, read
        # as one paragraph
        "Issued by: Mark Fenwick, Head of Logistics Signature ..........................",
    ],
)
def test_a_signature_blocks_blank_to_fill_is_no_statement(blank: str) -> None:
    # a browser-printed work statement's acceptance block gave four such statements
    kept = "The Client shall accept the survey report within ten days."
    assert _texts(Block(kept), Block(blank)) == [kept]


def test_a_lead_in_naming_the_changes_it_lists_stands_alone() -> None:
    # a buyer's mail: "Main changes after our design review:" over its bullet points had
    # been glued to each of them, its colon lost
    lead = "Main changes after our design review:"
    items = ["seat inserts now Devlon V-API instead of PEEK", "new clause VS-5.7 for emissions"]
    texts = _texts(Block(lead), *(Block(f"- {item}", kind="list_item") for item in items))
    assert texts == [lead, *items]


def test_clauses_after_a_list_of_definitions_keep_their_titles_and_text() -> None:
    """Definitions under "1. ... the following meanings:" are clause 1's; the lead-in the
    clauses hang from ("NOW, THEREFORE, ... agree as follows:") must end there, or clause
    2 became its item, lost its run-in title and an EDGAR agreement's clause 7 read
    "NOW, THEREFORE, ..." instead of its own words."""
    text = (
        "MAINTENANCE AGREEMENT\n\nNOW, THEREFORE, the parties agree as follows:\n\n"
        "1. Definitions. For purposes of this Agreement, the following terms shall have the"
        " following meanings:\n\n"
        '"Required Capital Contributions" means cash contributions to the capital.\n\n'
        '"Qualified Loan" shall mean a loan made by the Investor.\n\n'
        "2. Contributions to Capital. The Investor agrees to make the contributions.\n\n"
        "3. Timing. The contributions shall be made within 45 days.\n"
    )
    statements = segment(read_document_bytes(text.encode(), "agreement.txt"))
    found = [(s.clause, s.section, s.text) for s in statements]
    assert found[2:] == [
        (
            "1",
            "MAINTENANCE AGREEMENT",
            '"Required Capital Contributions" means cash contributions to the capital.',
        ),
        ("1", "MAINTENANCE AGREEMENT", '"Qualified Loan" shall mean a loan made by the Investor.'),
        ("2", "Contributions to Capital", "The Investor agrees to make the contributions."),
        ("3", "Timing", "The contributions shall be made within 45 days."),
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a German-English mail: the pallet rule had been glued to the labelling request
        (
            "Each KLT carries the label with the new part index C. Die Paletten müssen nach"
            " ISPM 15 behandelt sein.",
            [
                "Each KLT carries the label with the new part index C.",
                "Die Paletten müssen nach ISPM 15 behandelt sein.",
            ],
        ),
        (
            "Use drawing revision B. The old one is void.",
            ["Use drawing revision B.", "The old one is void."],
        ),
        ("Signed by J. R. Smith for the buyer.", ["Signed by J. R. Smith for the buyer."]),
    ],
)
def test_a_letter_after_an_index_or_revision_ends_a_sentence(
    text: str, sentences: list[str]
) -> None:
    (spans,) = split_sentences([text])
    assert [text[start:end] for start, end in spans] == sentences


def test_plain_text_minutes_read_under_their_numbered_titles(tmp_path: Path) -> None:
    from extractor.pipeline import extract_file

    path = tmp_path / "minutes.txt"
    path.write_text(
        "Minutes - Quality review Kestrel / Rheintal Chemie\n"
        "Date: 4 March 2027, Kestrel plant Stuttgart, room B2.14\n"
        "Participants: A. Brenner (Kestrel SQE), J. Weiss (Rheintal QA)\n\n"
        "1. Complaint Q-27-0311 (white rust on brackets, lot 27-0815)\n"
        "Rheintal presented D1 to D4 of the 8D.\n"
        "Rheintal shall submit the complete 8D by 14 March 2027.\n\n"
        "2. Control plan\n"
        "The bath analysis frequency will be increased from weekly to daily.\n\n"
        "Minutes: M. Okafor\n",
        encoding="utf-8",
    )
    (extraction,) = extract_file(str(path))
    title = "Minutes - Quality review Kestrel / Rheintal Chemie"
    complaint = "1. Complaint Q-27-0311 (white rust on brackets, lot 27-0815)"
    assert [(s.clause, s.section, s.text) for s in extraction.statements] == [
        ("", title, "Date: 4 March 2027, Kestrel plant Stuttgart, room B2.14"),
        ("", title, "Participants: A. Brenner (Kestrel SQE), J. Weiss (Rheintal QA)"),
        ("1", complaint, "Rheintal presented D1 to D4 of the 8D."),
        ("1", complaint, "Rheintal shall submit the complete 8D by 14 March 2027."),
        (
            "2",
            "2. Control plan",
            "The bath analysis frequency will be increased from weekly to daily.",
        ),
    ]


def test_an_action_rows_by_column_is_no_place_to_sign() -> None:
    # a corpus table's action list: "(By: Designer)" had made the row a signature block's
    row = "7.4: Issue minutes (By: Designer) (Date: 14 Nov)"
    assert _texts(Block(row, kind="table_row")) == [row]
    blank = "By: ..................: By: ..................."
    assert _texts(Block(blank, kind="table_row")) == []


def test_german_abbreviations_in_a_mixed_mail_end_no_sentence() -> None:
    # a re-walk's German-English mail: "... die Ware ist gem." | "Anlage A ..." (gemäß)
    text = "Die Ware ist gem. Anlage A zu verpacken. Bitte ggf. bis Freitag melden."
    (spans,) = split_sentences([text])
    assert [text[start:end] for start, end in spans] == [
        "Die Ware ist gem. Anlage A zu verpacken.",
        "Bitte ggf. bis Freitag melden.",
    ]
