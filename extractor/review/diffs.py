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
from collections.abc import Iterable
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


@dataclass(frozen=True, slots=True)
class Hint:
    """What a card says of an earlier statement: a line naming it, the word diff from it
    (shown coloured), and lines after the diff."""

    heading: str
    words: tuple[WordEdit, ...]
    after: tuple[str, ...] = ()
