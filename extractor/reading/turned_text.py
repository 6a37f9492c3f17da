"""Pages whose text runs up or down the page: read them turned upright.

A landscape table set sideways on a portrait page, a page stored portrait
with its content drawn sideways and shown upright by /Rotate, a portrait page
turned by /Rotate in a viewer: as a reader sees such a page, its text runs up
or down, and read as it lies it came out as scattered letters ("C 4 4 4 S o .
. t 2 1"). Turning the page's coordinates by a right angle makes the text run
left to right for the layout code; the boxes found are turned back
(``unturn_box``) so that a reviewer's highlight lands where the page shows
the text.

Both PDF readers hand their characters here as pdfplumber-style dicts (``text``,
``x0``, ``top``, ``x1``, ``bottom`` in top-left points, ``a`` and ``b`` of the
character's text matrix in PDF space, ``fontname``, ``size`` its font size); words are
grouped by pdfplumber's own word extractor, which works on such dicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

Turn = Literal[0, 90, 180, 270]  # degrees clockwise
Direction = Literal["level", "upward", "downward", "upside_down"]

_BOX = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True, slots=True)
class TurnedWords:
    """A page's words in the frame where its text runs left to right."""

    words: list[dict[str, Any]]  # pdfplumber word dicts
    turn: Turn  # how far the page was turned clockwise to get there
    width: float  # of the page so turned
    height: float
    sideways: int  # characters still not running left to right


def direction(a: float, b: float) -> Direction:
    """Which way a baseline along (a, b) in PDF space (y up) runs on the page."""
    if abs(a) >= abs(b):
        return "level" if a > 0 else "upside_down"
    return "upward" if b > 0 else "downward"


def rotated_direction(a: float, b: float, rotation: int) -> tuple[float, float]:
    """The baseline (a, b) as a page shown turned ``rotation`` degrees clockwise has it."""
    rotation %= 360
    if rotation == 90:
        return b, -a
    if rotation == 180:
        return -a, -b
    if rotation == 270:
        return -b, a
    return a, b


def turn_box(box: _BOX, turn: int, width: float, height: float) -> _BOX:
    """``box`` on a ``width`` x ``height`` page, once the page is turned ``turn``° clockwise."""
    x0, top, x1, bottom = box
    turn %= 360
    if turn == 90:
        return height - bottom, x0, height - top, x1
    if turn == 180:
        return width - x1, height - bottom, width - x0, height - top
    if turn == 270:
        return top, width - x1, bottom, width - x0
    return box


def unturn_box(box: _BOX, turn: int, width: float, height: float) -> _BOX:
    """Where ``box``, found on the page turned ``turn``° clockwise, lies on the page itself.

    ``width`` and ``height`` are the page's own, before the turn.
    """
    if turn % 360 in (90, 270):
        return turn_box(box, 360 - turn, height, width)
    return turn_box(box, turn, width, height)


_AFTER_TURN: dict[int, dict[Direction, Direction]] = {
    90: {
        "upward": "level",
        "level": "downward",
        "downward": "upside_down",
        "upside_down": "upward",
    },
    270: {
        "downward": "level",
        "level": "upward",
        "upward": "upside_down",
        "upside_down": "downward",
    },
}


def page_turn(chars: Sequence[dict[str, Any]]) -> Turn:
    """0, or the turn that makes most of a page's characters run left to right."""
    counts = {"level": 0, "upward": 0, "downward": 0, "upside_down": 0}
    for char in chars:
        counts[direction(char["a"], char["b"])] += 1
    if max(counts["upward"], counts["downward"]) <= counts["level"]:
        return 0
    return 90 if counts["upward"] >= counts["downward"] else 270


def words_read_level(
    chars: Sequence[dict[str, Any]], width: float, height: float, turn: Turn
) -> TurnedWords:
    """The page's words once it is turned ``turn``° clockwise (0: as it lies).

    Characters that still do not run left to right are grouped as pdfplumber
    groups turned text, and counted, so that the reader can warn of them.
    """
    from pdfplumber.utils import extract_words

    turned: list[dict[str, Any]] = []
    sideways = 0
    for char in chars:
        heading = direction(char["a"], char["b"])
        if turn:
            heading = _AFTER_TURN[turn][heading]
        x0, top, x1, bottom = turn_box(
            (char["x0"], char["top"], char["x1"], char["bottom"]), turn, width, height
        )
        level = heading == "level"
        sideways += not level
        turned.append(
            {
                **char,
                "x0": x0,
                "top": top,
                "x1": x1,
                "bottom": bottom,
                "doctop": top,
                "width": x1 - x0,
                "height": bottom - top,
                "upright": level,
            }
        )
    words = extract_words(turned, extra_attrs=["fontname", "size"], use_text_flow=False)
    if turn in (90, 270):
        width, height = height, width
    return TurnedWords(words, turn, width, height, sideways)
