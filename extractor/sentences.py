"""Where one statement ends and the next begins, decided over spaCy tokens.

spaCy's rule-based ``sentencizer`` splits after every full stop, so "No. 5",
"approx. 3 mm" or "J. R. Smith" would break. This rule looks at the word
before a full stop: known abbreviations never end a statement; ambiguous ones
("Inc.", "U.S.", "etc.") end one only when a typical sentence opener follows
("... delivered to the U.S. The Buyer shall ..." splits, "U.S. Government"
does not); single capital letters are initials unless they follow
"Schedule", "Exhibit" and the like.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token

from extractor.lexicons import word_list
from extractor.nlp import text_of

_STOPS = re.compile(r"[.!?…](?=[\s\"'”’)\]»]|$)")
_NOT_START = numpy.uint64(2**64 - 1)  # -1 in spaCy's SENT_START: "not a sentence start"
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
_OPENERS = frozenset({'"', "'", "“", "‘", "(", "[", "«"})
_REFERENCE_NOUNS = frozenset(
    {
        "schedule",
        "exhibit",
        "appendix",
        "annex",
        "annexure",
        "attachment",
        "part",
        "table",
        "figure",
        "item",
        "class",
        "grade",
        "type",
        "level",
        "form",
        "option",
        "phase",
        "section",
        "article",
        "clause",
        # a part's index or revision letter: "... with the new part index C. Die Paletten
        # ..." (a German-English mail glued the pallet rule to the labelling request)
        "index",
        "revision",
        "issue",
        "version",
    }
)


def _next_word(doc: Doc, index: int) -> Token | None:
    """The first token after ``index`` that is not an opening quote or bracket."""
    for token in doc[index + 1 :]:
        if token.text not in _OPENERS:
            return token
    return None


# A signed number, a formula or a mention: engineering notes open statements with
# "-40 °C cold start shall ...", "±0.05 mm ...", "+/-0.05 mm ...", "=A1*2" or "@Jonas please".
_SIGNED_START = re.compile(r"(?:[-+\u2212\u00b1]|\+/-|\+-)\d|[=@]\w")


def _starts_statement(token: Token | None) -> bool:
    """Can a statement begin with this token (capital, digit, bullet, signed number)?

    spaCy cuts "+/-0.05" and "=HYPERLINK(" after their first character, so the
    sign is looked at in the text. A dash before a space ("... - item") is not
    one: it stays with the sentence before, as it did.
    """
    if token is None:
        return False
    first = token.text[0]
    if first.isupper() or first.isdigit() or first in "•§":
        return True
    return bool(_SIGNED_START.match(text_of(token.doc), token.idx))


def _is_opener(token: Token | None) -> bool:
    return (
        token is not None
        and token.text[:1].isupper()
        and token.lower_ in word_list("sentence_openers")
    )


def _ends_after_stop(doc: Doc, stop: int, word: str, word_index: int) -> bool:
    """Whether the full stop at token ``stop``, closing ``word``, ends a statement."""
    following = _next_word(doc, stop)
    key = word.lower()
    if key in word_list("abbreviations"):
        return False
    if key in word_list("abbreviations_final"):
        return _is_opener(following)
    if len(word) == 1 and word.isupper():
        before = doc[word_index - 1].lower_ if word_index > 0 else ""
        if before in _REFERENCE_NOUNS:
            return _starts_statement(following)
        return _is_opener(following)  # an initial, as in "J. R. Smith"
    if len(word) == 1 and word.islower():
        return _is_opener(following)
    if following is not None and following.text[0].isdigit() and word.isdigit():
        return False  # "Appendix 1. 2" style references continue
    return _starts_statement(following) or _terse_start(word, following)


# Words a terse mail opens a sentence with in lower case ("... is not acceptable. pls send
# the certs ...", "... befor lift. thx"): after a whole word, not an abbreviation's stop
_TERSE_OPENERS = frozenset(
    [
        "pls",
        "plz",
        "please",
        "also",
        "thx",
        "thanks",
        "thank",
        "kindly",
        "btw",
        "fyi",
        "we",
        "i",
        "you",
        "can",
        "could",
        "let",
    ]
)


def _terse_start(word: str, following: Token | None) -> bool:
    """A lower-case sentence after a word (two characters or more, ending in a letter)
    ending the one before."""
    return (
        following is not None
        and following.lower_ in _TERSE_OPENERS
        and following.text[:1].islower()
        and len(word) >= 2  # "lift", "7am" (spaCy's "am"), "it"; abbreviations are known
        and word.isalnum()
        and word[-1].isalpha()
        and word.lower() == word
    )


def _is_boundary(doc: Doc, index: int) -> bool:
    """Does the token at ``index`` end a statement?"""
    text = doc[index].text
    if text in ("!", "?", "…") or text.endswith(("!", "?")):
        return _starts_statement(_next_word(doc, index))
    if text == ".":
        if index == 0:
            return False
        before = doc[index - 1]
        if before.whitespace_:
            return _starts_statement(_next_word(doc, index))
        return _ends_after_stop(doc, index, before.text, index - 1)
    if len(text) > 1 and text.endswith(".") and not text[-2].isdigit():
        return _ends_after_stop(doc, index, text[:-1], index)
    return False


def statement_offsets(doc: Doc) -> list[int]:
    """Character offsets where statements start (the first is always 0).

    Only tokens ending in ".", "!", "?" or "…" are looked at, found in the text
    rather than by walking every token: this runs on every block of every file.
    """
    text = text_of(doc)
    starts = [0]
    if not len(doc):
        return starts
    token_starts = doc.to_array("IDX")
    for match in _STOPS.finditer(text):
        index = int(numpy.searchsorted(token_starts, match.start(), side="right")) - 1
        token = doc[index]
        if token.idx + len(token) != match.end() or index + 1 >= len(doc):
            continue
        if _is_boundary(doc, index):
            end = index + 1
            # closing quotes and brackets go with the statement they close; a straight
            # quote after a space opens the next one ('... requirement. "Should" ...')
            while end < len(doc) and doc[end].text in _CLOSERS and not doc[end - 1].whitespace_:
                end += 1
            if end < len(doc):
                starts.append(doc[end].idx)
    return starts


def set_statement_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token and keep the offsets in ``doc.user_data``."""
    offsets = statement_offsets(doc)
    doc.user_data["statement_starts"] = offsets
    if len(doc):
        token_starts = doc.to_array("IDX")
        flags = numpy.full((len(doc), 1), _NOT_START, dtype="uint64")
        flags[numpy.searchsorted(token_starts, offsets), 0] = 1
        doc.from_array([SENT_START], flags)  # type: ignore[arg-type]  # numpy array is fine
    return doc
