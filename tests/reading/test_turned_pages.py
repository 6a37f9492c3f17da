"""Pages whose text runs up or down: read turned level by both PDF readers.

Each PDF is built here with fpdf2 (and /Rotate set with pypdfium2, as a viewer
or a scanner's software sets it). Before, such pages came out as scattered
letters ("C 4 4 4 S o . . t 2 1 ..."), each reader garbling a different kind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pytest
from fpdf import FPDF

from extractor.reading.fast_pdf import read_pdf_fast
from extractor.reading.pdf import read_pdf
from extractor.reading.turned_text import (
    direction,
    page_turn,
    rotated_direction,
    turn_box,
    unturn_box,
)
from extractor.segmenting import segment
from extractor.types import Document

READERS: dict[str, Callable[..., Document]] = {"pdfplumber": read_pdf, "fast": read_pdf_fast}

LEVEL = [
    ("1.1", "The Contractor shall deliver the pumps to the site in Leeds."),
    ("1.2", "The Contractor shall provide a commissioning engineer for two days."),
]
TURNED = [
    ("2.1", "Each pump shall be tested at the works before it is packed."),
    ("2.2", "The test sheet shall be sent with each pump to the site."),
    ("2.3", "The Employer shall pay each invoice within thirty days."),
]


def _pdf(path: Path, angle: int | None, rotate: int = 0) -> Path:
    """Page 1 level clauses; page 2 the TURNED clauses, drawn turned by ``angle``
    degrees counter-clockwise (None: level), the page then shown turned by /Rotate."""
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", "", 10)
    for clauses, turned in ((LEVEL, None), (TURNED, angle)):
        pdf.add_page()
        lines = [(72, 200 + 16 * i, f"{clause} {text}") for i, (clause, text) in enumerate(clauses)]
        if turned is None:
            for x, y, text in lines:
                pdf.text(x, y, text)
        else:
            with pdf.rotation(turned, x=300, y=420):
                for x, y, text in lines:
                    pdf.text(x + 80, y + 120, text)
    pdf.output(str(path))
    if rotate:
        document = pypdfium2.PdfDocument(str(path))
        document[1].set_rotation(rotate)
        turned_path = path.with_name(f"{path.stem}-rotated.pdf")
        document.save(str(turned_path))
        document.close()
        return turned_path
    return path


def _statements(document: Document) -> list[tuple[int | None, str, str]]:
    return [(s.page, s.clause, s.text) for s in segment(document)]


EXPECTED = [(1, clause, text) for clause, text in LEVEL] + [
    (2, clause, text) for clause, text in TURNED
]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(
    ("angle", "rotate"),
    [
        pytest.param(90, 0, id="text-running-up"),
        pytest.param(-90, 0, id="text-running-down"),
        pytest.param(None, 90, id="level-page-shown-by-rotate-90"),
        pytest.param(None, 270, id="level-page-shown-by-rotate-270"),
        pytest.param(90, 90, id="landscape-content-stored-portrait"),
    ],
)
def test_a_page_whose_text_runs_up_or_down_is_read_level(
    tmp_path: Path, reader: str, angle: int | None, rotate: int
) -> None:
    document = READERS[reader](str(_pdf(tmp_path / "turned.pdf", angle, rotate)))
    assert _statements(document) == EXPECTED
    assert document.warnings == ()


@pytest.mark.parametrize("reader", READERS)
def test_boxes_on_a_page_shown_by_rotate_lie_where_the_page_shows_the_text(
    tmp_path: Path, reader: str
) -> None:
    """A highlight must land on the text of the page as drawn (turned by /Rotate).

    The level page is 595 x 842 points; /Rotate 90 shows it 842 wide, its lines
    running down the page, the first line on the right, each line a tall, narrow box.
    """
    document = READERS[reader](str(_pdf(tmp_path / "turned.pdf", None, 90)))
    page = document.pages[1]
    assert (round(page.width), round(page.height)) == (842, 595)
    statements = [s for s in segment(document) if s.page == 2]
    first_boxes = [box for box in statements[0].boxes]
    for box in first_boxes:
        assert 0 <= box.x0 < box.x1 <= page.width and 0 <= box.top < box.bottom <= page.height
    tallest = max(first_boxes, key=lambda box: box.bottom - box.top)
    assert tallest.bottom - tallest.top > 3 * (tallest.x1 - tallest.x0)  # runs down the page
    # drawn at y = 200 from the top of the level page: 842 - 200 from the left as shown
    assert all(abs(box.x1 - (842 - 200)) < 12 for box in first_boxes)
    assert min(b.x0 for b in statements[0].boxes) > min(b.x0 for b in statements[1].boxes)


def test_both_readers_give_the_same_boxes_on_a_rotated_page(tmp_path: Path) -> None:
    path = str(_pdf(tmp_path / "turned.pdf", None, 90))
    careful, fast = read_pdf(path), read_pdf_fast(path)
    for a, b in zip(segment(careful), segment(fast), strict=True):
        assert a.text == b.text
        union_a, union_b = a.boxes[0], b.boxes[0]
        assert abs(union_a.x0 - union_b.x0) < 4 and abs(union_a.top - union_b.top) < 4


@pytest.mark.parametrize("reader", READERS)
def test_a_page_with_some_text_sideways_still_warns(tmp_path: Path, reader: str) -> None:
    """Level text with a sideways block beside it: the page stays level, and the
    sideways block (read as scattered letters) is warned of."""
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", "", 10)
    pdf.add_page()
    for i, (clause, text) in enumerate(LEVEL + TURNED[:1]):
        pdf.text(72, 200 + 16 * i, f"{clause} {text}")
    with pdf.rotation(90, x=300, y=600):
        pdf.text(250, 600, "Drawing 4711 rev C, sheet 2 of 3, released for tender")
        pdf.text(250, 614, "Checked by the design office, not for construction")
    pdf.output(str(tmp_path / "mixed.pdf"))
    document = READERS[reader](str(tmp_path / "mixed.pdf"))
    assert [s[1:] for s in _statements(document)][:3] == LEVEL + TURNED[:1]
    assert len(document.warnings) == 1
    assert document.warnings[0].startswith("page 1 has text set sideways (")


def test_direction_of_a_baseline() -> None:
    assert direction(1, 0) == "level"
    assert direction(0, 1) == "upward"
    assert direction(0, -1) == "downward"
    assert direction(-1, 0) == "upside_down"


def test_a_baseline_on_a_page_shown_turned() -> None:
    """Text running up a page that /Rotate 90 turns clockwise runs level as shown."""
    assert rotated_direction(0, 1, 90) == (1, 0)
    assert rotated_direction(1, 0, 90) == (0, -1)
    assert rotated_direction(1, 0, 180) == (-1, 0)
    assert rotated_direction(1, 0, 270) == (0, 1)
    assert rotated_direction(1, 0, 0) == (1, 0)


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_a_box_turned_and_turned_back_is_the_same_box(turn: int) -> None:
    box = (10.0, 20.0, 50.0, 32.0)
    turned = turn_box(box, turn, 595.0, 842.0)
    assert turned[0] < turned[2] and turned[1] < turned[3]
    assert unturn_box(turned, turn, 595.0, 842.0) == pytest.approx(box)


def test_turning_a_box_clockwise() -> None:
    """The top-left corner of a 595 x 842 page lands at the top right once turned."""
    assert turn_box((0.0, 0.0, 10.0, 10.0), 90, 595.0, 842.0) == (832.0, 0.0, 842.0, 10.0)
    assert turn_box((0.0, 0.0, 10.0, 10.0), 270, 595.0, 842.0) == (0.0, 585.0, 10.0, 595.0)


def test_the_turn_a_page_needs_follows_most_of_its_characters() -> None:
    up, down, level = {"a": 0, "b": 1}, {"a": 0, "b": -1}, {"a": 1, "b": 0}
    assert page_turn([level, level, up]) == 0
    assert page_turn([up, up, level]) == 90
    assert page_turn([down, down, level]) == 270
    assert page_turn([]) == 0
