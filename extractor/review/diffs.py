"""A word diff as the review card shows it: removed words struck through in red, added in green.

The words come from documents, and documents are hostile: every word is
HTML-escaped here and the result is meant for ``st.html``, which renders HTML
and nothing else (no Markdown, no LaTeX), so ``<script>``, ``**x**``,
``[a](javascript:...)`` and ``$x$`` show as written. The plain markup
(``[-30-]{+45+}``, ``comparing.format_words``) stays what the compare table, its
CSV and the command line give.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extractor.comparing import WordEdit, WordOp, join_words

# Struck through and underlined as well as coloured: the change must read without colour
# (a colour-blind reviewer, a grey printout of the page).
_REMOVED = (
    '<del style="color:#b42318;background-color:#fde8e8;text-decoration:line-through">{}</del>'
)
_ADDED = '<ins style="color:#067647;background-color:#e3f4e8;text-decoration:underline">{}</ins>'
# The card's other lines are st.text: the same font, wrapped the same way.
_BOX = '<div class="reqx-word-diff" style="white-space:pre-wrap;overflow-wrap:anywhere">{}</div>'


def diff_html(words: Iterable[WordEdit]) -> str:
    """The word diff as escaped HTML, removed and added words marked (for ``st.html``)."""
    return _BOX.format(join_words(words, _marked))


def _marked(op: WordOp, text: str) -> str:
    escaped = html.escape(text, quote=True)
    if op == "delete":
        return _REMOVED.format(escaped)
    if op == "insert":
        return _ADDED.format(escaped)
    return escaped


# Under this share of the longer text's words in common, a word diff interleaves two
# different sentences: an IT walk's terse mail "resolution time for P2 is now 8 hours
# instead of 12" against the SLA table's long P2 row read "for P2: ~~High: a business
# function~~ is ~~degraded ... (12~~ now 8 hours~~) (Hours~~ instead of ...".
FEW_SHARED = 0.5


def shares_few_words(words: Sequence[WordEdit]) -> bool:
    """Whether the two texts of the word diff ``words`` have under ``FEW_SHARED`` of the
    longer one's words in common."""
    counts = {"equal": 0, "delete": 0, "insert": 0}
    for op, text in words:
        counts[op] += len(text.split())
    longer = counts["equal"] + max(counts["delete"], counts["insert"])
    return counts["equal"] < FEW_SHARED * longer


def earlier_on_its_own(ref: str, text: str, words: Sequence[WordEdit]) -> tuple[str, ...]:
    """The lines a card shows before the word diff from ``ref`` (its ``text``): that text on
    its own, when the two share so few words that the diff alone cannot be read."""
    if not shares_few_words(words):
        return ()
    return (f"{ref} reads: {text}", "Word by word:")


@dataclass(frozen=True, slots=True)
class Hint:
    """What a card says of an earlier statement: a line naming it, the word diff from it
    (shown coloured), lines after the diff, and lines before it (``earlier_on_its_own``)."""

    heading: str
    words: tuple[WordEdit, ...]
    after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
