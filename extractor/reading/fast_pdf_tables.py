"""Ruled tables for the fast PDF reader: PDFium's vector paths through pdfplumber's table finder.

The pdfplumber reader finds tables with ``find_tables``, which derives edges
from pdfminer's lines, rectangles and curves. Parsing a page a second time
with pdfminer cost the fast reader a third of its time on a contract with two
tables, so this module reads the page's paths from PDFium, turns them into
the edges pdfplumber would derive (same subpath splitting, same line /
rectangle / curve rules, same orientation tests) and runs pdfplumber's own
``TableFinder`` and the reference reader's cell assignment on them.

A cheaper grid test comes first: only pages whose rules cross in at least
two rows and two columns go to the table finder.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c

from extractor.reading.layout import PageWord, enough_rules_for_grid
from extractor.reading.pdf import _extract_tables, _RawPage, _Table

__all__ = ["PagePaths", "may_have_table", "page_paths", "plain_call", "read_tables"]

_THIN = 3.0  # a path thinner than this is a ruling line


def plain_call(function: Any, result: Any = ctypes.c_int) -> Any:
    """PDFium's ``function`` called with plain handles, skipping pypdfium2's argument checks.

    Those checks cost more than the call itself on paths read per character
    or per path segment.
    """
    return ctypes.CFUNCTYPE(result)(ctypes.cast(function, ctypes.c_void_p).value or 0)


def may_have_table(paths: PagePaths) -> bool:
    """True when ruling lines form a grid of at least two rows and two columns.

    pdfplumber's reader asks ``find_tables`` only on such pages; a frame or a
    boxed paragraph (each rule meets only two others) is no table and stays
    on the fast path.
    """
    horizontal, vertical = _joined(paths.horizontal), _joined(paths.vertical)
    if len(horizontal) < 3 or len(vertical) < 3:
        return False

    def crossings(edge: _Edge, others: list[_Edge]) -> int:
        return len(
            {
                round(other.at / _THIN)
                for other in others
                if other.start - _THIN <= edge.at <= other.end + _THIN
                and edge.start - _THIN <= other.at <= edge.end + _THIN
            }
        )

    return any(crossings(edge, vertical) >= 3 for edge in horizontal) and any(
        crossings(edge, horizontal) >= 3 for edge in vertical
    )


@dataclass(frozen=True, slots=True)
class _Edge:
    """An axis-parallel rule: ``at`` is its y (horizontal) or x (vertical), from start to end."""

    at: float
    start: float
    end: float


def _joined(edges: list[_Edge]) -> list[_Edge]:
    """Collinear rules that touch become one (a grid drawn cell by cell has one rule a row)."""
    joined: list[_Edge] = []
    for edge in sorted(edges, key=lambda e: (round(e.at / _THIN), e.start)):
        last = joined[-1] if joined else None
        if (
            last is not None
            and round(last.at / _THIN) == round(edge.at / _THIN)
            and edge.start <= last.end + _THIN
        ):
            joined[-1] = _Edge(last.at, last.start, max(last.end, edge.end))
        else:
            joined.append(edge)
    return joined


class _Subpath(NamedTuple):
    """One subpath of a vector path in page space, as pdfminer records it.

    ``shape`` has one letter a segment (m move, l line, c curve, h close) and
    ``points`` one end point a letter (a curve's control points left out; a
    close goes back to the first point).
    """

    shape: str
    points: list[tuple[float, float]]


@dataclass(slots=True)
class PagePaths:
    """A page's vector paths: the rules the grid test looks at, and pdfminer's subpaths."""

    horizontal: list[_Edge]
    vertical: list[_Edge]
    subpaths: list[_Subpath]


def page_paths(page: Any) -> PagePaths:
    """Every vector path on the page, read once for the grid test and the table finder."""
    paths = PagePaths([], [], [])
    horizontal, vertical = paths.horizontal, paths.vertical
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    matrix = pdfium_c.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    line_to, bezier_to = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_BEZIERTO
    page_handle = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
    for handle in _path_objects(page_handle, _PAGE_OBJECTS, _PAGE_OBJECT, 0):
        if not _OBJECT_MATRIX(handle, matrix_ref):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        shape: list[str] = []
        points: list[tuple[float, float]] = []
        curve_points = 0
        start: tuple[float, float] = (0.0, 0.0)
        previous: tuple[float, float] | None = None
        for index in range(_SEGMENTS(handle)):
            segment = ctypes.c_void_p(_SEGMENT(handle, index))
            _SEGMENT_POINT(segment, x_ref, y_ref)
            kind = _SEGMENT_TYPE(segment)
            closes = bool(_SEGMENT_CLOSES(segment))
            point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            # the grid test's rules: straight segments only
            if previous is None or kind != line_to:
                start = point
            else:
                _add_edge(previous, point, horizontal, vertical)
                if closes:
                    _add_edge(point, start, horizontal, vertical)
            previous = point
            # pdfminer's subpaths
            if kind == bezier_to:
                curve_points += 1
                if curve_points % 3 == 0:
                    shape.append("c")
                    points.append(point)
            elif kind == line_to:
                shape.append("l")
                points.append(point)
            else:
                if shape:
                    paths.subpaths.append(_Subpath("".join(shape), points))
                shape, points, curve_points = ["m"], [point], 0
            if closes and points:
                shape.append("h")
                points.append(points[0])
        if shape:
            paths.subpaths.append(_Subpath("".join(shape), points))
        _thin_fill_as_rule(_bounds(handle), horizontal, vertical)
    return paths


_PAGE_OBJECTS = plain_call(pdfium_c.FPDFPage_CountObjects)
_PAGE_OBJECT = plain_call(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p)
_FORM_OBJECTS = plain_call(pdfium_c.FPDFFormObj_CountObjects)
_FORM_OBJECT = plain_call(pdfium_c.FPDFFormObj_GetObject, ctypes.c_void_p)
_OBJECT_TYPE = plain_call(pdfium_c.FPDFPageObj_GetType)
_OBJECT_MATRIX = plain_call(pdfium_c.FPDFPageObj_GetMatrix)
_OBJECT_BOUNDS = plain_call(pdfium_c.FPDFPageObj_GetBounds)
_SEGMENTS = plain_call(pdfium_c.FPDFPath_CountSegments)
_SEGMENT = plain_call(pdfium_c.FPDFPath_GetPathSegment, ctypes.c_void_p)
_SEGMENT_POINT = plain_call(pdfium_c.FPDFPathSegment_GetPoint)
_SEGMENT_TYPE = plain_call(pdfium_c.FPDFPathSegment_GetType)
_SEGMENT_CLOSES = plain_call(pdfium_c.FPDFPathSegment_GetClose)
_FORM_DEPTH = 15  # as deep into Form XObjects as pypdfium2's get_objects goes


def _path_objects(
    container: ctypes.c_void_p, count: Any, get: Any, level: int
) -> Iterator[ctypes.c_void_p]:
    """The path objects of a page or form, and of the forms inside it, in drawing order."""
    total = count(container)
    if total < 0:
        raise ValueError("cannot count the page objects")
    for index in range(total):
        address = get(container, index)
        if not address:
            raise ValueError("cannot read a page object")
        handle = ctypes.c_void_p(address)
        kind = _OBJECT_TYPE(handle)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield handle
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < _FORM_DEPTH - 1:
            yield from _path_objects(handle, _FORM_OBJECTS, _FORM_OBJECT, level + 1)


def _bounds(handle: ctypes.c_void_p) -> tuple[float, float, float, float]:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not _OBJECT_BOUNDS(
        handle, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    ):
        raise ValueError("cannot read a path's bounds")
    return left.value, bottom.value, right.value, top.value


# --- ruled tables through pdfplumber's table finder, fed by PDFium's paths ----


class _EdgesPage:
    """Just enough of a pdfplumber page for its ``TableFinder``: the ruling edges.

    pdfplumber derives a page's edges from pdfminer's lines, rectangles and
    curves; building the same edges from PDFium's paths lets the reference
    table finder run without parsing the page (and its characters) again.
    """

    def __init__(self, edges: list[dict[str, Any]], bbox: tuple[float, float, float, float]):
        self.edges = edges
        self.bbox = bbox

    def find_tables(self) -> list[Any]:
        from pdfplumber.table import TableFinder

        tables: list[Any] = TableFinder(self).tables  # type: ignore[arg-type]
        return tables


def read_tables(
    paths: PagePaths, raw: _RawPage, left: float, top: float
) -> tuple[list[_Table], list[PageWord]]:
    """The page's ruled tables as the pdfplumber reader finds them, and the words left over."""
    lines: list[tuple[float, float, float, float]] = []
    rects: list[tuple[float, float, float, float]] = []
    curves: list[list[tuple[float, float]]] = []
    for shape, points in paths.subpaths:
        if shape[:1] != "m":
            continue
        page_points = [(x - left, top - y) for x, y in points]
        if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:
            shape, page_points = shape[:-2] + "h", page_points[:-1]
            points = points[:-1]
        if shape in ("ml", "mlh"):
            lines.append(_bound(page_points[:2]))
        elif shape in ("mlllh", "mllll") and _is_rectangle(points):
            rects.append(_bound([page_points[0], page_points[2]]))
        else:
            curves.append(page_points)
    if not enough_rules_for_grid(lines, rects):
        return [], raw.words
    edges = [_line_edge(*line) for line in lines]
    for rect in rects:
        edges.extend(_rect_edges(*rect))
    for curve in curves:
        edges.extend(_curve_edges(curve))
    page = _EdgesPage(edges, (0.0, 0.0, raw.width, raw.height))
    return _extract_tables(page, raw.words)


def _is_rectangle(points: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = points
    return last == points[0] and (
        (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
        or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
    )


def _bound(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _edge(
    x0: float, top: float, x1: float, bottom: float, orientation: str | None
) -> dict[str, Any]:
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
    }


def _line_edge(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return _edge(x0, top, x1, bottom, "h" if top == bottom else "v")


def _rect_edges(x0: float, top: float, x1: float, bottom: float) -> list[dict[str, Any]]:
    return [
        _edge(x0, top, x1, top, "h"),
        _edge(x0, bottom, x1, bottom, "h"),
        _edge(x0, top, x0, bottom, "v"),
        _edge(x1, top, x1, bottom, "v"),
    ]


def _curve_edges(points: list[tuple[float, float]]) -> list[dict[str, Any]]:
    edges = []
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        orientation = "v" if ax == bx else ("h" if ay == by else None)
        edges.append(_edge(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), orientation))
    return edges


def _add_edge(
    a: tuple[float, float],
    b: tuple[float, float],
    horizontal: list[_Edge],
    vertical: list[_Edge],
) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) < 1 and abs(ax - bx) >= _THIN:
        horizontal.append(_Edge((ay + by) / 2, min(ax, bx), max(ax, bx)))
    elif abs(ax - bx) < 1 and abs(ay - by) >= _THIN:
        vertical.append(_Edge((ax + bx) / 2, min(ay, by), max(ay, by)))


def _thin_fill_as_rule(
    bounds: tuple[float, float, float, float], horizontal: list[_Edge], vertical: list[_Edge]
) -> None:
    """A filled rectangle thinner than a rule is drawn as a rule: count it once, as a line."""
    left, bottom, right, top = bounds
    if top - bottom < 1 <= right - left:
        return  # its own segments were already counted
    if right - left < _THIN <= top - bottom and right - left >= 1:
        vertical.append(_Edge((left + right) / 2, bottom, top))
    elif top - bottom < _THIN <= right - left and top - bottom >= 1:
        horizontal.append(_Edge((top + bottom) / 2, left, right))
