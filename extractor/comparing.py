"""Two revisions of a document, statement by statement: what was added, removed or changed.

ISO 9001 clause 8.2.3.1 (e) asks a supplier to review "contract or order
requirements differing from those previously expressed": the signed order
against the quotation, an amendment against the contract, revision B of a
specification against revision A. A label on one statement cannot show that;
lining up the statements of two documents can.

Alignment survives what real revisions do to unchanged text:

1. Exact matches of a normalised text first (case, whitespace, quotes and
   dashes, and a leading clause number, so "3.2" renumbered "4.2" matches).
2. The rest by similarity: character n-gram TF-IDF cosine, then one optimal
   one-to-one assignment (Hungarian method; greedy, best pairs first, when
   the left-overs pass ``MAX_DENSE_CELLS``); pairs under ``SIMILARITY_FLOOR``
   are a removal plus an addition, not a change.
3. A left-over statement next to a paired one is joined to the pair when that
   brings the two sides closer, or when its words stand in the other side's
   text (a clause split in two, or two merged).

Table rows are items (``_Rows``): a row of one table and first cell is paired with
its namesake however little else they share, and rows of two items (another first
cell, another part or line number) are never paired or joined.

A pair is ``unchanged`` only when its normalised texts are equal and its label
is the same; every other pair is ``changed``, however similar, and its
``reasons`` say what moved: a number, a calendar date, a period or time limit
("within 48 -> 72 hours"), a quantity, a cited standard or law, a modal
("shall" -> "may"), a negation, the label, or other wording.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations
from typing import Any, Literal

import numpy as np

from extractor import normalising
from extractor.features import strip_clause_number
from extractor.normalising import DASHES as _DASHES
from extractor.normalising import PLUS_MINUS as _PLUS_MINUS
from extractor.normalising import QUOTES as _QUOTES
from extractor.normalising import SPACE_BEFORE_PUNCT as _SPACE_BEFORE_PUNCT
from extractor.normalising import normalise, row_columns, row_item
from extractor.types import ClassifiedStatement, Label

ChangeKind = Literal["added", "removed", "changed", "unchanged"]
CHANGE_KINDS: tuple[ChangeKind, ...] = ("changed", "added", "removed", "unchanged")
Reason = Literal[
    "number",
    "date",
    "period",
    "quantity",
    "standard",
    "law",
    "modal",
    "negation",
    "label",
    "wording",
]
WordOp = Literal["equal", "delete", "insert"]
WordEdit = tuple[WordOp, str]

SIMILARITY_FLOOR = 0.5
"""Least TF-IDF cosine for two different texts to count as one statement changed."""
JOIN_GAIN = 0.05
"""How much closer a split or merged neighbour must bring a pair before it is joined."""
MAX_JOINED = 4
"""Most statements one pair may hold on both sides together after joining."""
SURE_NONE = 0.9
"""A `none` under this confidence may be a requirement (the review's bulk reject takes only
those at or above it, ``review.decisions.BULK_CONFIDENCE``): one added or removed is
shown among the requirements' changes."""
MAX_DENSE_CELLS = 16_000_000
"""Above this many left-over pairs (4,000 x 4,000) the assignment is greedy, best pairs first."""
GREEDY_BLOCK = 512
POSITION_WEIGHT = 0.02
"""Tie-breaker: among equally similar candidates, prefer the one at the same relative place."""

_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W_]+(?:[.,'/-][^\W_]+)*", re.UNICODE)
# A clause number the sources sometimes leave in the text: "3.2", "4.", "(a)", "Section 7".
_CLAUSE_LIKE = re.compile(
    r"^\s*(?:(?:article|section|clause|§)\s*\S+|\d+(?:\.\d+)+\.?|\d+\.|\(?[a-zA-Z]\)|\(?[ivxIVX]{1,5}\))\s+(?=\S)",
    re.IGNORECASE,
)
_REFERENCE_WORDS = ("article", "section", "clause", "§")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


MODALS = _word_set(
    "shall must will may should can could might would need needs required requires "
    "mandatory optional obliged obligated entitled permitted allowed"
)
NEGATIONS = _word_set("not no never none nor neither without cannot can't won't n't")
NUMBER_WORDS = frozenset(normalising.NUMBER_WORDS)
UNITS = _word_set(
    "% mm cm m km µm um in inch inches ft feet mil kg g mg t ton tons tonnes lb lbs oz "
    "l ml litre litres liter liters h hr hrs hours min s sec ms v kv a ma w kw mw kwh mwh "
    "hz khz mhz bar mbar pa kpa mpa gpa psi n nm kn °c °f °"
)
# "may" is left out: as a modal it is far more common, and dates are annotated anyway.
MONTHS = _word_set(
    "january february march april june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)


@dataclass(frozen=True, slots=True)
class Change:
    """One statement of either revision and what became of it.

    ``previous`` and ``current`` are the paired statements (one is None for an
    addition or a removal); ``*_rest`` hold the further statements joined to
    them when a clause was split or merged. ``words`` is the word diff from the
    previous text to the current one.
    """

    kind: ChangeKind
    previous: ClassifiedStatement | None
    current: ClassifiedStatement | None
    similarity: float
    words: tuple[WordEdit, ...] = ()
    reasons: tuple[Reason, ...] = ()
    previous_rest: tuple[ClassifiedStatement, ...] = ()
    current_rest: tuple[ClassifiedStatement, ...] = ()

    @property
    def previous_text(self) -> str:
        return _joined_text(self.previous, self.previous_rest)

    @property
    def current_text(self) -> str:
        return _joined_text(self.current, self.current_rest)

    @property
    def previous_label(self) -> Label | None:
        return self.previous.label if self.previous else None

    @property
    def current_label(self) -> Label | None:
        return self.current.label if self.current else None

    @property
    def label_changed(self) -> bool:
        return self.previous is not None and self.current is not None and "label" in self.reasons

    @property
    def is_requirement(self) -> bool:
        """Either side (or a joined part) is labelled something other than ``none``; or a
        statement added or removed is a ``none`` the model is unsure of; or a statement
        changed in its words, whatever its label.

        A chemicals walk's revision B deleted clause 6.2 "Drums are not accepted."
        (`none` at 0.80) and ``reqx compare`` said "0 removed": a requirement dropped
        unseen is the difference ISO 9001 8.2.3.1 e asks about most. A food walk's
        specification changed "Contains: Milk, Almonds." to "Contains: Milk, Mustard.",
        `none` at 0.97 on both sides, and it was not listed: a revision's edited
        statement is what its reader compares it for, so only a changed issue number or
        date (no word changed) stays out with the sure `none`s.
        """
        sides = [self.previous, self.current, *self.previous_rest, *self.current_rest]
        if any(side is not None and side.label != "none" for side in sides):
            return True
        if self.kind == "changed":
            return any(
                op != "equal" and any(char.isalpha() for char in text) for op, text in self.words
            )
        return self.kind in ("added", "removed") and any(
            side is not None and side.confidence < SURE_NONE for side in sides
        )


def compare(
    previous: Sequence[ClassifiedStatement],
    current: Sequence[ClassifiedStatement],
    *,
    requirements_only: bool = True,
) -> list[Change]:
    """What changed from ``previous`` to ``current``, in the current document's reading order.

    Every statement is aligned (non-requirements help place the rest); with
    ``requirements_only`` only changes with a requirement on either side are
    returned. Removed statements are placed after the current partner of the
    statement that preceded them.
    """
    keys_before = [comparable_text(item) for item in previous]
    keys_after = [comparable_text(item) for item in current]
    rows = _Rows.of(previous, current, keys_before, keys_after)
    pairs = _exact_pairs(keys_before, keys_after)
    similar = _similar_pairs(keys_before, keys_after, pairs, rows)
    pairs.update(similar.pairs)
    pairs.update(
        _same_clause_pairs(previous, current, keys_before, keys_after, pairs, similar, rows)
    )
    spans = _join_neighbours(pairs, similar, keys_before, keys_after, rows)
    changes = _changes(previous, current, keys_before, keys_after, spans, similar)
    if requirements_only:
        changes = [change for change in changes if change.is_requirement]
    return changes


def comparable_text(item: ClassifiedStatement) -> str:
    """The text two revisions are compared on: no clause number, case, spacing or quote style."""
    return normalise(_text_of(item))


def without_clause_number(text: str, quantities: Sequence[str] = ()) -> str:
    """``text`` without a leading clause number, but "30 days" or "1.5 mm" keep their number.

    ``strip_clause_number`` also takes a bare leading number; here a number is a
    clause number only when it looks like one ("3.2", "4.", "(b)", "Section 7")
    and is not the value of a measure: neither followed by a unit nor the start
    of one of the statement's annotated ``quantities``. "Section 7" and the like
    count only before a capital, so a cross-reference ("Section 7 of the
    Agreement") stays part of the text.
    """
    match = _CLAUSE_LIKE.match(text)
    if not match:
        return text
    number = match.group(0).strip()
    rest = text[match.end() :]
    unit = rest.split(maxsplit=1)[0].strip(",.;:").casefold() if rest.split() else ""
    if unit in UNITS or any(q.startswith(number + " ") for q in quantities):
        return text
    if number.casefold().startswith(_REFERENCE_WORDS) and not rest[:1].isupper():
        return text  # "Section 7 of the Agreement applies": a reference, not a number
    stripped = strip_clause_number(text)
    return stripped if len(stripped) < len(text) else rest


def word_diff(before: str, after: str) -> tuple[WordEdit, ...]:
    """Word-level edits from ``before`` to ``after`` (compared case-insensitively).

    A word's trailing punctuation is compared on its own, so "Q15." becoming "Q15, Q18."
    shows as "Q15{+, Q18+}." and not as Q15 removed and put back.
    """
    old = _units(before)
    new = _units(after)
    matcher = SequenceMatcher(
        None, _token_keys([u for u, _ in old]), _token_keys([u for u, _ in new]), autojunk=False
    )
    edits: list[WordEdit] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _append_units(edits, "equal", new[j1:j2])
            continue
        _append_units(edits, "delete", old[i1:i2])
        _append_units(edits, "insert", new[j1:j2])
    return tuple(edits)


_TRAILING_PUNCT = re.compile(r"[.,;:!?)\]]+$")
_PUNCT_FIRST = re.compile(r"[.,;:!?)\]]")


def _units(text: str) -> list[tuple[str, bool]]:
    """The words of ``text``, each word's trailing punctuation a unit of its own glued to it."""
    units: list[tuple[str, bool]] = []
    for token in _TOKEN.findall(_SPACE_BEFORE_PUNCT.sub(r"\1", text)):
        mark = _TRAILING_PUNCT.search(token)
        if mark is None or mark.start() == 0:
            units.append((token, False))
        else:
            units += [(token[: mark.start()], False), (mark.group(), True)]
    return units


def _append_units(edits: list[WordEdit], op: WordOp, units: Sequence[tuple[str, bool]]) -> None:
    if units:
        text = units[0][0] + "".join(unit if glued else " " + unit for unit, glued in units[1:])
        edits.append((op, text))


def format_words(words: Iterable[WordEdit]) -> str:
    """A word diff as one line: ``[-30-]{+45+} days``, as ``git diff --word-diff`` writes it."""
    return join_words(words, _word_diff_markup).replace("-] {+", "-]{+")


def _word_diff_markup(op: WordOp, text: str) -> str:
    if op == "delete":
        return f"[-{text}-]"
    if op == "insert":
        return f"{{+{text}+}}"
    return text


def join_words(words: Iterable[WordEdit], part: Callable[[WordOp, str], str]) -> str:
    """The edits as one line, each written by ``part``, a space between words and none
    before trailing punctuation (shared by the plain markup and the app's coloured diff)."""
    line = ""
    for op, text in words:
        glued = not line or _PUNCT_FIRST.match(text) is not None
        line += part(op, text) if glued else " " + part(op, text)
    return line


def reasons_for(
    before: Sequence[ClassifiedStatement], after: Sequence[ClassifiedStatement]
) -> tuple[Reason, ...]:
    """What differs between two sides of a pair, most consequential first (empty: nothing)."""
    old_text = " ".join(comparable_text(item) for item in before)
    new_text = " ".join(comparable_text(item) for item in after)
    found: list[Reason] = []
    old_words = Counter(_WORD.findall(old_text))
    new_words = Counter(_WORD.findall(new_text))

    one_to_one = len(before) == len(after) == 1

    def differs(among: frozenset[str]) -> bool:
        old = Counter({w: n for w, n in old_words.items() if w in among})
        new = Counter({w: n for w, n in new_words.items() if w in among})
        if one_to_one:
            return old != new
        return set(old) != set(new)  # a clause split in two repeats its "shall" unchanged

    if _numbers(old_words) != _numbers(new_words) or differs(NUMBER_WORDS):
        found.append("number")
    old_dates, old_periods = _dates_and_periods(before)
    new_dates, new_periods = _dates_and_periods(after)
    if old_dates != new_dates or differs(MONTHS):
        found.append("date")
    if old_periods != new_periods:
        found.append("period")
    for field, reason in (("quantities", "quantity"), ("standards", "standard"), ("laws", "law")):
        if _annotations(before, field) != _annotations(after, field):
            found.append(reason)  # type: ignore[arg-type]
    if differs(MODALS):
        found.append("modal")
    contractions = (old_text.count("n't"), new_text.count("n't"))
    if differs(NEGATIONS) or (
        contractions[0] != contractions[1]
        if one_to_one
        else min(contractions) == 0 < max(contractions)
    ):
        found.append("negation")
    if {item.label for item in before} != {item.label for item in after}:
        found.append("label")
    if old_text != new_text and not (set(found) - {"label"}):
        found.append("wording")
    return tuple(found)


# -- alignment ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Similar:
    """The similarity pass: its pairs, and a way to score any texts on the same scale."""

    pairs: dict[int, int]
    scores: dict[tuple[int, int], float]
    vectoriser: object | None = None

    def score(self, left: str, right: str) -> float:
        if left == right:
            return 1.0
        if self.vectoriser is None:
            return SequenceMatcher(None, left, right, autojunk=False).ratio()
        vectors = self.vectoriser.transform([left, right])  # type: ignore[attr-defined]
        return float((vectors[0] @ vectors[1].T).toarray()[0, 0])


def _exact_pairs(before: Sequence[str], after: Sequence[str]) -> dict[int, int]:
    """Equal normalised texts, the k-th occurrence before with the k-th after."""
    waiting: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(before):
        waiting[key].append(index)
    pairs: dict[int, int] = {}
    for index, key in enumerate(after):
        if waiting.get(key):
            pairs[waiting[key].pop(0)] = index
    return pairs


def _similar_pairs(
    before: Sequence[str], after: Sequence[str], exact: dict[int, int], rows: _Rows | None = None
) -> _Similar:
    """Pair the statements left over by the exact pass, one to one, by n-gram similarity.

    Of table rows (``rows``), two of the same table and first cell are paired however
    little of the rest they share, and two items (another first cell in that table,
    another part or line number) never are.
    """
    matched_after = set(exact.values())
    left = [i for i in range(len(before)) if i not in exact]
    right = [j for j in range(len(after)) if j not in matched_after]
    texts = [before[i] for i in left] + [after[j] for j in right]
    if not left or not right or not any(texts):
        return _Similar({}, {})
    from scipy.optimize import linear_sum_assignment
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectoriser = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=False, dtype=np.float32
    )
    matrix = vectoriser.fit_transform(texts)
    where_before = np.array([i / max(1, len(before) - 1) for i in left], dtype=np.float32)
    where_after = np.array([j / max(1, len(after) - 1) for j in right], dtype=np.float32)
    same_item = rows.same_item(left, right) if rows is not None else set()
    if len(left) * len(right) > MAX_DENSE_CELLS:
        apart = None if rows is None else (lambda r, c: rows.apart(left[r], right[c]))
        chosen = _greedy_pairs(
            matrix[: len(left)], matrix[len(left) :], where_before, where_after, apart, same_item
        )
    else:
        similarity = (matrix[: len(left)] @ matrix[len(left) :].T).toarray()
        closeness = 1.0 - np.abs(where_before[:, None] - where_after[None, :])
        objective = similarity + POSITION_WEIGHT * closeness
        for r, c in same_item:
            objective[r, c] += ROW_KEY_BONUS
        marked = rows.apart_block(left, right) if rows is not None else None
        if marked is not None:
            block, apart_pairs = marked
            similarity[block] = np.where(apart_pairs, 0.0, similarity[block])
            objective[block] = np.where(apart_pairs, -1.0, objective[block])
        found_rows, columns = linear_sum_assignment(objective, maximize=True)
        chosen = [
            (int(r), int(c), float(similarity[r, c]))
            for r, c in zip(found_rows, columns, strict=True)
        ]
    pairs: dict[int, int] = {}
    scores: dict[tuple[int, int], float] = {}
    for row, column, value in chosen:
        if value >= SIMILARITY_FLOOR or (row, column) in same_item:
            pairs[left[row]] = right[column]
            scores[left[row], right[column]] = min(1.0, value)
    return _Similar(pairs, scores, vectoriser)


# A clause rewritten under its number: paired at this similarity, under the floor of
# statements paired by their words alone
SAME_CLAUSE_FLOOR = 0.25
SAME_CLAUSE_MOST = 4  # statements a document may hold under one clause number for it


def _same_clause_pairs(
    previous: Sequence[ClassifiedStatement],
    current: Sequence[ClassifiedStatement],
    keys_before: Sequence[str],
    keys_after: Sequence[str],
    pairs: dict[int, int],
    similar: _Similar,
    rows: _Rows,
) -> dict[int, int]:
    """Pair statements left over on both sides under the same clause number, best first.

    An aerospace walk's revision B rewrote flow-down clause F5 (FAR 52.222-50) in other
    words: too few kept to pair by words alone, so compare said "removed" and "added"
    for one clause changed. Its number says which clause it is. Unnumbered statements,
    and numbers a document gives many statements (a list numbered 1, 2, 3 in several
    places), are left as they are.
    """
    paired_after = set(pairs.values())
    left: dict[str, list[int]] = defaultdict(list)
    right: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(previous):
        if index not in pairs and item.statement.clause:
            left[item.statement.clause.upper()].append(index)
    for index, item in enumerate(current):
        if index not in paired_after and item.statement.clause:
            right[item.statement.clause.upper()].append(index)
    held_before = Counter(item.statement.clause.upper() for item in previous)
    held_after = Counter(item.statement.clause.upper() for item in current)
    found: dict[int, int] = {}
    for clause, before in left.items():
        after = right.get(clause, [])
        if max(held_before[clause], held_after[clause]) > SAME_CLAUSE_MOST:
            continue  # a number used all over (lists numbered anew): not one clause
        candidates = sorted(
            ((similar.score(keys_before[i], keys_after[j]), i, j) for i in before for j in after),
            reverse=True,
        )
        taken: set[int] = set()
        for value, i, j in candidates:
            if value < SAME_CLAUSE_FLOOR:
                break
            if i not in found and j not in taken and not rows.apart(i, j):
                found[i] = j
                taken.add(j)
                similar.scores[i, j] = value
    return found


def _greedy_pairs(
    rows: Any,
    columns: Any,
    where_rows: np.ndarray,
    where_columns: np.ndarray,
    apart: Callable[[int, int], bool] | None = None,
    same: Collection[tuple[int, int]] = (),
) -> list[tuple[int, int, float]]:
    """Best pairs first, one to one, for inputs too large for a dense optimal assignment.

    The similarity matrix is made a block of rows at a time and only the
    candidates over the floor are kept, so memory stays near block x columns.
    Table rows of one item (``same``) come first, rows of two items (``apart``) never.
    """
    candidates: list[tuple[float, int, int, float]] = []
    for start in range(0, rows.shape[0], GREEDY_BLOCK):
        block = (rows[start : start + GREEDY_BLOCK] @ columns.T).toarray()
        for offset, column in zip(*np.nonzero(block >= SIMILARITY_FLOOR), strict=True):
            row = start + int(offset)
            if (row, int(column)) in same or (apart is not None and apart(row, int(column))):
                continue
            value = float(block[offset, column])
            near = 1.0 - abs(float(where_rows[row]) - float(where_columns[column]))
            candidates.append((value + POSITION_WEIGHT * near, row, int(column), value))
    for row, column in same:
        value = float((rows[row] @ columns[column].T).toarray()[0, 0])
        candidates.append((value + ROW_KEY_BONUS, row, column, value))
    candidates.sort(reverse=True)
    taken_rows: set[int] = set()
    taken_columns: set[int] = set()
    chosen = []
    for _, row, column, value in candidates:
        if row not in taken_rows and column not in taken_columns:
            taken_rows.add(row)
            taken_columns.add(column)
            chosen.append((row, column, value))
    return chosen


@dataclass(slots=True)
class _Span:
    """A pair as runs of consecutive statements on each side (one each, unless split or merged)."""

    before: list[int]
    after: list[int]


def _join_neighbours(
    pairs: dict[int, int],
    similar: _Similar,
    keys_before: Sequence[str],
    keys_after: Sequence[str],
    rows: _Rows,
) -> list[_Span]:
    """Pairs as spans; a left-over neighbour joins a span when it makes the two sides closer
    (a table row of another item never does: rows are not split or merged)."""
    spans = [_Span([i], [j]) for i, j in sorted(pairs.items())]

    def texts(before: list[int], after: list[int]) -> tuple[str, str]:
        return " ".join(keys_before[i] for i in before), " ".join(keys_after[j] for j in after)

    for side, count in (("after", len(keys_after)), ("before", len(keys_before))):
        owned = {
            index: span
            for span in spans
            for index in (span.after if side == "after" else span.before)
        }
        for index in range(count):
            if index in owned:
                continue
            for neighbour in (index - 1, index + 1):
                span = owned.get(neighbour)
                if span is None or len(span.before) + len(span.after) >= MAX_JOINED:
                    continue
                members = span.after if side == "after" else span.before
                if neighbour not in (members[0], members[-1]):
                    continue
                grown = sorted([*members, index])
                old = texts(span.before, span.after)
                if old[0] == old[1]:
                    continue  # an exact pair stays as it is
                if not rows.one_item(
                    span.before if side == "after" else grown,
                    grown if side == "after" else span.after,
                ):
                    continue
                new = texts(span.before, grown) if side == "after" else texts(grown, span.after)
                own = keys_after[index] if side == "after" else keys_before[index]
                other = old[0] if side == "after" else old[1]
                score = similar.score(*new)
                if score >= SIMILARITY_FLOOR and (
                    score >= similar.score(*old) + JOIN_GAIN or _inside(own, other)
                ):
                    members[:] = grown
                    owned[index] = span
                    break
    return spans


def _changes(
    previous: Sequence[ClassifiedStatement],
    current: Sequence[ClassifiedStatement],
    keys_before: Sequence[str],
    keys_after: Sequence[str],
    spans: list[_Span],
    similar: _Similar,
) -> list[Change]:
    placed: list[tuple[tuple[float, int, int], Change]] = []
    taken_before: dict[int, int] = {}
    for span in spans:
        before = [previous[i] for i in span.before]
        after = [current[j] for j in span.after]
        old = " ".join(keys_before[i] for i in span.before)
        new = " ".join(keys_after[j] for j in span.after)
        score = similar.scores.get((span.before[0], span.after[0]), 1.0)
        if len(span.before) + len(span.after) > 2 or old == new:
            score = 1.0 if old == new else similar.score(old, new)
        after_text = " ".join(_text_of(s) for s in after)
        if old == new:  # the same words: only the label can have moved (annotations follow case)
            labels_moved = {s.label for s in before} != {s.label for s in after}
            reasons: tuple[Reason, ...] = ("label",) if labels_moved else ()
            words: tuple[WordEdit, ...] = tuple(_edits("equal", after_text))
        else:
            reasons = reasons_for(before, after)
            words = word_diff(" ".join(_text_of(s) for s in before), after_text)
        kind: ChangeKind = "changed" if reasons else "unchanged"
        change = Change(
            kind,
            before[0],
            after[0],
            round(score, 4),
            words,
            reasons if kind == "changed" else (),
            tuple(before[1:]),
            tuple(after[1:]),
        )
        placed.append(((span.after[0], 0, 0), change))
        for i in span.before:
            taken_before[i] = span.after[0]
    paired_after = {j for span in spans for j in span.after}
    for j, item in enumerate(current):
        if j not in paired_after:
            words = tuple(_edits("insert", _text_of(item)))
            placed.append(((j, 0, 0), Change("added", None, item, 0.0, words)))
    anchor = -1.0
    for i, item in enumerate(previous):
        if i in taken_before:
            anchor = taken_before[i]
            continue
        words = tuple(_edits("delete", _text_of(item)))
        placed.append(((anchor, 1, i), Change("removed", item, None, 0.0, words)))
    placed.sort(key=lambda entry: entry[0])
    return [change for _, change in placed]


# -- table rows ------------------------------------------------------------------------------

ROW_KEY_BONUS = 3.0
"""Added to the assignment's objective for two rows of one table with the same first cell:
more than any two other pairs could gain by parting them (each is worth at most 1.02)."""
ROW_KEY_MOST = 60
"""Longest first cell that names a row's item, in characters: a longer lead is a sentence
(a requirements matrix row without a number), whose words a revision edits."""
_NUMBER_RUN = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class _RowKey:
    """A table row's item: its table (the section, numbers aside, so "Table 2" renumbered
    "Table 3" is the same table), its first cell, and the part, CLIN or line number that
    cell is, if it is one."""

    table: str
    key: str
    item: str


def _row_key(item: ClassifiedStatement, plain: str) -> _RowKey | None:
    """The item of a table row from its ``normalise``d text, or None for other statements.

    The readers write a row as its first cell, the second after a colon where its column
    name only says "the value", and the other cells as "(Column: value)"
    (``extractor.reading.tables``): "seat insert: peek, virgin grade (remarks: soft-seated
    design)" is the item "seat insert", "hydrostatic shell test (class 300: 77.6 bar) ..."
    the item "hydrostatic shell test". A row of one cell, or whose lead is a sentence ("the
    unit shall weigh 20 kg (verification: test)", a requirements matrix's), has no key.
    """
    if item.statement.kind != "table_row":
        return None
    lead, columns = row_columns(plain)
    first, colon, _ = plain[:lead].partition(": ")
    key = first.strip(" ,;:")
    words = _WORD.findall(key)
    if not (colon or columns) or not words or len(key) > ROW_KEY_MOST:
        return None
    if key.endswith((".", "!", "?")) or any(word in MODALS for word in words):
        return None  # a sentence (a requirements matrix's row), which a revision rewords
    section = normalise(item.statement.section or "")
    return _RowKey(_NUMBER_RUN.sub("#", section), key, row_item(plain))


def _two_items(first: _RowKey | None, second: _RowKey | None) -> bool:
    """Rows of two items: another first cell in the same table, or another part, CLIN or
    line number anywhere. Never one statement changed, however alike their other cells."""
    if first is None or second is None:
        return False
    if first.table == second.table and first.key != second.key:
        return True
    return bool(first.item and second.item and first.item != second.item)


@dataclass(slots=True)
class _Rows:
    """The table rows of both revisions by item (None for every other statement), and
    whether each is its table's only row of that first cell on its side."""

    before: list[_RowKey | None]
    after: list[_RowKey | None]
    only_before: list[bool]
    only_after: list[bool]

    @classmethod
    def of(
        cls,
        previous: Sequence[ClassifiedStatement],
        current: Sequence[ClassifiedStatement],
        keys_before: Sequence[str],
        keys_after: Sequence[str],
    ) -> _Rows:
        before = [_row_key(item, key) for item, key in zip(previous, keys_before, strict=True)]
        after = [_row_key(item, key) for item, key in zip(current, keys_after, strict=True)]
        held_before = Counter((row.table, row.key) for row in before if row is not None)
        held_after = Counter((row.table, row.key) for row in after if row is not None)

        def only(rows: list[_RowKey | None]) -> list[bool]:
            return [
                row is not None
                and held_before[row.table, row.key] == 1
                and held_after[row.table, row.key] == 1
                for row in rows
            ]

        return cls(before, after, only(before), only(after))

    def apart(self, i: int, j: int) -> bool:
        """Whether statement ``i`` before and ``j`` after are rows of two items."""
        return _two_items(self.before[i], self.after[j])

    def one_item(self, before: Sequence[int], after: Sequence[int]) -> bool:
        """Whether these statements hold no rows of two items (a span to join)."""
        keyed = [self.before[i] for i in before] + [self.after[j] for j in after]
        return not any(_two_items(a, b) for a, b in combinations(keyed, 2))

    def same_item(self, left: Sequence[int], right: Sequence[int]) -> set[tuple[int, int]]:
        """The pairs (positions in ``left`` and ``right``) of rows of one table and first
        cell, each its table's only row of that cell on its side."""
        waiting = {
            (row.table, row.key): c
            for c, j in enumerate(right)
            if (row := self.after[j]) is not None and self.only_after[j]
        }
        found: set[tuple[int, int]] = set()
        for r, i in enumerate(left):
            row = self.before[i]
            if row is not None and self.only_before[i]:
                c = waiting.get((row.table, row.key))
                if c is not None:
                    found.add((r, c))
        return found

    def apart_block(
        self, left: Sequence[int], right: Sequence[int]
    ) -> tuple[Any, np.ndarray] | None:
        """For the dense assignment: the block of the similarity matrix (``left`` x
        ``right``) over the keyed rows of both sides, and which of its pairs are rows of two
        items (``apart`` at once); None without keyed rows on both sides."""
        rows = [n for n, i in enumerate(left) if self.before[i] is not None]
        columns = [n for n, j in enumerate(right) if self.after[j] is not None]
        if not rows or not columns:
            return None
        codes: dict[str, int] = {}

        def coded(keys: list[_RowKey]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            def code(text: str) -> int:
                return codes.setdefault(text, len(codes))

            return (
                np.array([code(row.table) for row in keys]),
                np.array([code(row.key) for row in keys]),
                np.array([code(row.item) if row.item else -1 for row in keys]),
            )

        table_l, key_l, item_l = coded([row for i in left if (row := self.before[i])])
        table_r, key_r, item_r = coded([row for j in right if (row := self.after[j])])
        other_key = (table_l[:, None] == table_r[None, :]) & (key_l[:, None] != key_r[None, :])
        items = (item_l[:, None] >= 0) & (item_r[None, :] >= 0)
        other_item = items & (item_l[:, None] != item_r[None, :])
        return np.ix_(rows, columns), other_key | other_item


# -- small helpers ---------------------------------------------------------------------------


def _text_of(item: ClassifiedStatement) -> str:
    statement = item.statement
    return without_clause_number(statement.text, statement.annotations.quantities)


def _inside(part: str, whole: str) -> bool:
    """A statement of three words or more found word for word in the other side's text."""
    words = _WORD.findall(part)
    return len(words) >= 3 and " ".join(words) in " ".join(_WORD.findall(whole))


def _joined_text(first: ClassifiedStatement | None, rest: Sequence[ClassifiedStatement]) -> str:
    if first is None:
        return ""
    return " ".join(item.statement.text for item in (first, *rest))


def _token_keys(tokens: Sequence[str]) -> list[str]:
    """Words as ``normalise`` would compare them, without its whole-text passes; "+/-" as
    "±" (a walk's tolerance change also showed the sign it was typed with as changed)."""
    return [
        _PLUS_MINUS.sub("±", _DASHES.sub("-", token.translate(_QUOTES))).casefold()
        for token in tokens
    ]


def _append(edits: list[WordEdit], op: WordOp, words: Sequence[str]) -> None:
    if words:
        edits.append((op, " ".join(words)))


def _edits(op: WordOp, text: str) -> list[WordEdit]:
    edits: list[WordEdit] = []
    _append(edits, op, _TOKEN.findall(_SPACE_BEFORE_PUNCT.sub(r"\1", text)))
    return edits


def _numbers(words: Counter[str]) -> Counter[str]:
    """Digit-bearing words with thousands separators and trailing dots made uniform."""
    found: Counter[str] = Counter()
    for word, count in words.items():
        if any(c.isdigit() for c in word):
            found[re.sub(r"(?<=\d),(?=\d{3})", "", word).rstrip(".")] += count
    return found


def _dates_and_periods(
    items: Sequence[ClassifiedStatement],
) -> tuple[Counter[str], Counter[str]]:
    """The statements' annotated dates split into calendar dates and periods.

    spaCy-style DATE spans hold both "1 March 2027" and "within 48 hours";
    a reviewer reads a changed time limit differently from a moved date.
    """
    dates: Counter[str] = Counter()
    periods: Counter[str] = Counter()
    for value, count in _annotations(items, "dates").items():
        (periods if is_period(value) else dates)[value] += count
    return dates, periods


_TIME_UNIT = re.compile(
    r"\b(?:seconds?|minutes?|hours?|hrs?|days?|weeks?|fortnights?|months?|quarters?|years?)\b",
    re.IGNORECASE,
)
_CALENDAR = re.compile(
    r"\b(?:19|20)\d\d\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\b(?:monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|today|tomorrow|yesterday)\b",
    re.IGNORECASE,
)


def is_period(date_text: str) -> bool:
    """True for a length of time ("within 30 days", "ten years"), not a day on the calendar."""
    if _TIME_UNIT.search(date_text) is None or _CALENDAR.search(date_text) is not None:
        return False
    return not any(word in MONTHS for word in _WORD.findall(date_text.lower()))


def _annotations(items: Sequence[ClassifiedStatement], field: str) -> Counter[str]:
    return Counter(
        normalise(value) for item in items for value in getattr(item.statement.annotations, field)
    )


AMENDS_PART = 0.3
"""A second document saying again less than this share of the first's statements amends
part of it (an amendment, a revised section, an answer) rather than revising it whole."""


def amends_part_note(
    counts: Mapping[ChangeKind, int], what: str, previous: str, current: str
) -> str:
    """What to tell a reviewer when ``current`` says little of ``previous`` again, or "".

    An EDGAR-style walk compared an agreement with its amendment and read "136 removed"
    as if the amendment had dropped the agreement.
    """
    said_again = counts.get("changed", 0) + counts.get("unchanged", 0)
    removed = counts.get("removed", 0)
    if not removed or said_again >= AMENDS_PART * (said_again + removed):
        return ""
    return (
        f"{current} says again only {said_again} of the {said_again + removed} {what} of"
        f" {previous}: if it amends part of it (an amendment, a revised section, an answer),"
        " 'removed' is what it leaves as it was, not what it drops"
    )
