"""Unit tests of the backend-neutral layout functions, on hand-made words and lines."""

from __future__ import annotations

import pytest

from extractor.reading.layout import (
    Line,
    PageWord,
    find_furniture,
    find_gutter,
    group_lines,
    is_page_number,
    normalise_furniture_text,
    order_lines,
    remove_furniture,
)


def words_of_line(text: str, x0: float, top: float, size: float = 10.0) -> list[PageWord]:
    """Words of one line set in a 5-points-per-character font."""
    words = []
    x = x0
    for token in text.split():
        words.append(PageWord(token, x, top, x + 5 * len(token), top + size, size=size))
        x += 5 * len(token) + 3
    return words


def line(text: str, top: float, x0: float = 50.0, page: int = 1) -> Line:
    return Line(tuple(words_of_line(text, x0, top)), page)


@pytest.mark.parametrize(
    "text",
    ["3", "12", "- 3 -", "–7–", "Page 3", "page 3 of 50", "3 of 50", "3/50", "p. 3", "iii", "-i-"],
)
def test_page_number_forms(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize(
    "text", ["3.2 Delivery", "Page three", "The Supplier", "2024-01-02", "12345", "Section 3"]
)
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def test_normalised_text_blanks_numbers() -> None:
    assert normalise_furniture_text("Page 3 of  12") == normalise_furniture_text("page 4 of 12")
    assert normalise_furniture_text("Source: ACME, 12/9/2019") == "source: acme, #/#/#"


def test_group_lines_keeps_baselines_apart_and_orders_words() -> None:
    words = words_of_line("second line here", 50, 120) + words_of_line("first line", 50, 100)
    words.append(PageWord("sup", 200, 98, 210, 104, size=6))  # a superscript on line one
    lines = group_lines(reversed(words))
    assert [ln.text for ln in lines] == ["first line sup", "second line here"]


def test_group_lines_does_not_chain_drifting_baselines() -> None:
    words = [
        PageWord(f"w{i}", 50 + 40 * i, 100 + 4 * i, 80 + 40 * i, 110 + 4 * i) for i in range(6)
    ]
    assert len(group_lines(words)) > 1


def two_column_words(rows: int = 12) -> list[PageWord]:
    words = words_of_line("A TITLE THAT RUNS ACROSS THE WHOLE PAGE WIDTH", 60, 40)
    for i in range(rows):
        words += words_of_line(f"left text row {i:02d} goes on", 50, 80 + 14 * i)
        words += words_of_line(f"right text row {i:02d} goes on", 320, 80 + 14 * i)
    words += words_of_line("a footer line across the middle of the page", 150, 400)
    return words


def test_gutter_found_between_columns() -> None:
    gutter = find_gutter(group_lines(two_column_words()), 595)
    assert gutter is not None
    left_end = max(w.x1 for w in two_column_words() if w.text == "on" and w.x0 < 300)
    assert left_end <= gutter[0] < gutter[1] <= 320


def test_no_gutter_in_single_column_text() -> None:
    words = []
    for i in range(15):
        words += words_of_line(
            "the supplier shall deliver goods to the purchaser " * 2, 50, 80 + 14 * i
        )
    assert find_gutter(group_lines(words), 595) is None


def test_no_gutter_for_a_table_of_contents() -> None:
    words = []
    for i in range(15):
        words += words_of_line(f"{i}.1 Heading of clause", 50, 80 + 14 * i)
        words += words_of_line(str(i + 1), 500, 80 + 14 * i)
    assert find_gutter(group_lines(words), 595) is None


def test_two_columns_read_left_then_right_with_title_and_footer_in_place() -> None:
    texts = [ln.text for ln in order_lines(two_column_words(), 595)]
    assert texts[0].startswith("A TITLE")
    assert texts[1].startswith("left text row 00")
    assert texts[12].startswith("left text row 11")
    assert texts[13].startswith("right text row 00")
    assert texts[-1].startswith("a footer line")
    columns = [ln.column for ln in order_lines(two_column_words(), 595)]
    assert columns[0] == 0 and columns[1] == 1 and columns[13] == 2 and columns[-1] == 0


def page_of(n: int, body: list[str], header: str, footer: str) -> list[Line]:
    lines = [line(header, 20, page=n)]
    lines += [line(text, 100 + 14 * i, page=n) for i, text in enumerate(body)]
    lines.append(line(footer, 800, page=n))
    return lines


BODIES = [
    ["The Supplier shall deliver.", "Prices are fixed.", "Invoices quote the order."],
    ["Spare parts stay available.", "Drawings are ours.", "Packing lists go along."],
    ["Audits need a week's notice.", "Tools belong to us.", "Samples are free."],
    ["Either party may end it.", "English law applies.", "Signed by both parties."],
]


def test_running_header_footer_and_page_numbers_removed() -> None:
    pages = [
        page_of(n, body, "ACME Ltd - Agreement 7", f"Page {n} of 4")
        for n, body in enumerate(BODIES, start=1)
    ]
    kept = remove_furniture(pages, [842.0] * 4)
    assert [[ln.text for ln in page] for page in kept] == BODIES


def test_lone_page_number_removed_even_on_one_page() -> None:
    pages = [[line("Some body text here", 100), line("7", 500)]]
    assert [ln.text for ln in remove_furniture(pages, [842.0])[0]] == ["Some body text here"]


def test_floating_edgar_footer_removed() -> None:
    """EDGAR pages end where the text ends: the banner sits at a different height each page."""
    banner = "[***] Confidential treatment requested"
    pages = []
    for n in range(1, 4):
        body = [line(f"clause {n}{c} text", 60 + 12 * i) for i, c in enumerate("abcdefgh"[: 3 + n])]
        bottom = body[-1].top + 30
        pages.append([*body, line(f"-{n}-", bottom), line(banner, bottom + 12)])
    kept = remove_furniture(pages, [842.0] * 3)
    assert all(ln.text.startswith("clause") for page in kept for ln in page)


def test_a_two_line_footer_set_otherwise_on_the_first_page_is_removed_there_too() -> None:
    """A filing's legend closes every page, but opens the first with its lines broken elsewhere."""
    legend = ["[***] Confidential treatment requested for the", "marked parts of this exhibit."]
    first = [
        line("Exhibit 10.7", 60),
        line("[***] Confidential treatment requested", 72),
        line("for the marked parts of this exhibit.", 84),
        line("SUPPLY AGREEMENT", 120),
        line("The Supplier shall supply the parts.", 140),
    ]
    pages = [first]
    for n in range(2, 6):
        body = [line(f"clause {n}{c} text", 60 + 12 * i) for i, c in enumerate("abcd")]
        pages.append([*body, line(f"-{n}-", 200), line(legend[0], 212), line(legend[1], 224)])
    kept = remove_furniture(pages, [842.0] * 5)
    assert [ln.text for ln in kept[0]] == [
        "Exhibit 10.7",
        "SUPPLY AGREEMENT",
        "The Supplier shall supply the parts.",
    ]
    assert all(ln.text.startswith("clause") for page in kept[1:] for ln in page)


def test_a_sentence_like_the_footer_in_the_body_is_kept() -> None:
    """Only runs near a page's top or bottom are compared with the footer."""
    legend = ["Confidential treatment requested for the", "marked parts of this exhibit."]
    pages = []
    for n in range(1, 6):
        body = [line(f"clause {n}{c} text", 60 + 12 * i) for i, c in enumerate("abcdefghij")]
        pages.append([*body, line(legend[0], 400), line(legend[1], 412)])
    middle = [line(f"clause x{c} text", 60 + 12 * i) for i, c in enumerate("abcdefghijkl")]
    middle[5:5] = [
        line("Confidential treatment requested", 300),
        line("for the marked parts", 312),
        line("of this exhibit.", 324),
    ]
    pages[2] = [*middle, *pages[2][-2:]]
    kept = remove_furniture(pages, [842.0] * 5)
    assert "Confidential treatment requested" in [ln.text for ln in kept[2]]


def test_repeated_body_line_inside_the_page_is_kept() -> None:
    """Only an unbroken run from the page edge counts: a repeated line after body text stays."""
    pages = [
        [line(body[0], 100), line("Delivery is free.", 114), line(body[1], 128), line(body[2], 142)]
        for body in BODIES
    ]
    kept = remove_furniture(pages, [842.0] * 4)
    assert all(page[1].text == "Delivery is free." for page in kept)


def test_repeated_body_sentence_ending_pages_of_a_short_document_is_kept() -> None:
    """A sentence that ends two of four pages, above the footer band, is body text."""
    sentence = "The Supplier shall keep the tooling in good repair."
    pages = []
    for n, body in enumerate(BODIES):
        lines = [line(text, 100 + 14 * i) for i, text in enumerate(body)]
        if n in (1, 3):
            lines.append(line(sentence, 100 + 14 * len(body)))
        pages.append(lines)
    kept = remove_furniture(pages, [842.0] * 4)
    assert [page[-1].text for page in kept][1::2] == [sentence, sentence]
    lowered = [[line(ln.text, ln.top + 650) for ln in page] for page in pages]
    kept = remove_furniture(lowered, [842.0] * 4)  # the same text in the bottom band: a footer
    assert all(page[-1].text != sentence for page in kept)


def test_floating_footer_of_a_short_document_needs_three_pages() -> None:
    banner = "Confidential treatment requested"
    pages = []
    for n, body in enumerate(BODIES):
        lines = [line(text, 100 + 14 * i) for i, text in enumerate(body)]
        if n < 3:
            lines.append(line(banner, 160 + 14 * len(body)))
        pages.append(lines)
    kept = remove_furniture(pages, [842.0] * 4)
    assert all(ln.text != banner for page in kept for ln in page)
    kept = remove_furniture([pages[0], pages[1], pages[3], pages[3]], [842.0] * 4)
    assert [ln.text for ln in kept[0]][-1] == banner  # on two of four pages: kept


def test_repetition_on_too_few_pages_is_kept() -> None:
    pages = [[line("Special note", 20), line(f"body {n}", 300)] for n in range(2)]
    pages += [[line(f"other {n}", 20), line(f"body x{n}", 300)] for n in range(4)]
    kept = remove_furniture(pages, [842.0] * 6)
    assert kept[0][0].text == "Special note"


def test_find_furniture_names_page_and_line() -> None:
    pages = [
        page_of(n, body, "ACME Ltd - Agreement 7", f"Page {n} of 4")
        for n, body in enumerate(BODIES, start=1)
    ]
    assert find_furniture(pages, [842.0] * 4) == {(p, i) for p in range(4) for i in (0, 4)}


def test_centred_lone_number_mid_page_is_a_page_number() -> None:
    lines = [line("the end of the old page one text", 100), line("2", 130, x0=120)]
    lines += [line(f"new page text line {c}", 160 + 12 * i) for i, c in enumerate("abc")]
    kept = remove_furniture([lines], [842.0])[0]
    assert "2" not in [ln.text for ln in kept]
    lines[1] = line("2", 112, x0=120)  # no gap above: part of the text, kept
    assert "2" in [ln.text for ln in remove_furniture([lines], [842.0])[0]]


def test_enough_rules_for_grid_counts_lines_and_rectangles() -> None:
    from extractor.reading.layout import enough_rules_for_grid

    horizontal = [(0.0, y, 100.0, y) for y in (10.0, 20.0, 30.0)]
    vertical = [(x, 10.0, x, 30.0) for x in (0.0, 100.0)]
    assert enough_rules_for_grid(horizontal + vertical, [])
    assert not enough_rules_for_grid(horizontal, [])
    frame = [(0.0, 0.0, 100.0, 50.0)]  # one box: two rules each way, not a grid
    assert not enough_rules_for_grid([], frame)
    thin_rects = [(0.0, y, 100.0, y + 1.0) for y in (10.0, 20.0, 30.0)]
    assert enough_rules_for_grid(vertical, thin_rects)


def _schedule_line(page: int, row: int, packing: list[str]) -> str:
    lot = 8 * (page - 1) + row
    kind = packing[(row + page) % len(packing)]
    return (
        f"{page}.{row + 1} The Supplier shall deliver lot {lot} of the goods within"
        f" {10 + row} days of the order, packed in {kind}."
    )


@pytest.mark.parametrize("packing", [["crates"], ["crates", "pallets", "drums", "bags"]])
def test_a_schedule_repeating_its_lines_on_every_page_is_body_not_furniture(
    packing: list[str],
) -> None:
    """A delivery schedule: the same words with other numbers, page after page.

    A walk found every statement of such PDFs dropped as headers and footers.
    The header and page numbers around it still go.
    """
    pages = []
    for n in range(1, 5):
        rows = [line(_schedule_line(n, row, packing), 90 + 30 * row, page=n) for row in range(8)]
        pages.append([line("ACME Ltd - Schedule 2", 20, page=n), *rows, line(f"Page {n}", 810)])
    kept = remove_furniture(pages, [842.0] * 4)
    assert [len(page) for page in kept] == [8, 8, 8, 8]
    assert kept[1][0].text.startswith("2.1 The Supplier shall deliver lot 8 ")
