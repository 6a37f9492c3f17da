"""Render one table row as a sentence-like line that still says what each cell is.

A requirement table row such as [Tensile strength | min 500 MPa | ASTM E8] under
the headers [Property | Requirement | Test method] only makes sense with its
headers, so the row becomes "Tensile strength: min 500 MPa (Test method: ASTM E8)".
"""

from __future__ import annotations

from collections.abc import Sequence


def render_row(headers: Sequence[str], cells: Sequence[str]) -> str:
    """First cell, colon, second cell, then each further non-empty cell as "(Header: value)"."""
    values = [" ".join(cell.split()) for cell in cells]
    while values and not values[-1]:
        values.pop()
    if not values:
        return ""
    first = values[0]
    second = values[1] if len(values) > 1 else ""
    text = f"{first}: {second}" if first and second else first or second
    for column, value in enumerate(values[2:], start=2):
        if not value:
            continue
        header = " ".join(headers[column].split()) if column < len(headers) else ""
        extra = f"({header}: {value})" if header else f"({value})"
        text = f"{text} {extra}" if text else extra
    return text
