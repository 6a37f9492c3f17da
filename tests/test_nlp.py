"""``words_of``: spaCy's tokens, tokenized a chunk at a time and cached, must be spaCy's own."""

from __future__ import annotations

from functools import cache

import pytest
import spacy
from spacy.language import Language

from extractor.nlp import words_of

TEXTS = [
    "The Supplier shall deliver 500 units within 30 days.",
    "We won't ship; Seller can't pay and the Buyer's QA team won’t sign.",
    "Per ISO/IEC 27001:2013, IPC-A-610 Class 3 and MIL-STD-810H (see §4.2.1).",
    'Parts ("Goods") must be packed, e.g. in foam, at +5°C - 2.5mm max.',
    "Contact J. R. Smith at qa@example.com or https://example.com/rfq?id=7.",
    "U.S. Government end users: see 48 C.F.R. 2.101 and 15 U.S.C. 78dd-1.",
    "Delivery: 3-4 weeks; price USD 1,250.00/unit; well-known non-conforming lots.",
    'Ship the goods. Is it late? Yes! Say "now" (today) to Siemens GmbH. or A. Mr. Ω. etc. ok.',
]


@cache
def _blank() -> Language:
    return spacy.blank("en")


def _spacy_tokens(text: str) -> list[tuple[int, str, bool, bool, bool, bool]]:
    doc = _blank()(text)
    return [
        (t.idx, t.text, t.is_punct, t.like_num, t.is_alpha, t.is_lower)
        for t in doc
        if not t.is_space
    ]


def _ours(text: str) -> list[tuple[int, str, bool, bool, bool, bool]]:
    words = words_of(text)
    return [
        (words.base[i] + t.offset, t.text, t.punct, t.like_num, t.alpha, t.is_lower)
        for i, t in enumerate(words.tokens)
    ]


@pytest.mark.parametrize("text", TEXTS)
def test_words_are_spacys_tokens(text: str) -> None:
    assert _ours(text) == _spacy_tokens(text)
    assert _ours(text) == _spacy_tokens(text)  # the second time from the chunk cache


@pytest.mark.parametrize(
    "text",
    ["The Supplier\nshall  deliver.", "  Leading and trailing  ", "Tab\tseparated\r\nlines"],
)
def test_other_whitespace_is_dropped_not_tokenized(text: str) -> None:
    words = words_of(text)
    assert _ours(text) == _spacy_tokens(text)
    assert not any(token.text.isspace() for token in words.tokens)


def test_lower_and_span_text() -> None:
    words = words_of("The SUPPLIER won't ship.")
    assert words.lower == ["the", "supplier", "wo", "n't", "ship", "."]
    assert words.span_text(1, 3) == "SUPPLIER won't"
    assert len(words) == 6


def test_empty_text_has_no_words() -> None:
    assert len(words_of("")) == 0


@pytest.mark.parametrize(
    "word",
    [
        "Supplier",
        "shall",
        "SHALL",
        "naïve",
        "ten",
        "Twelfth",
        "cannot",
        "Gonna",
        "Dont",
        "x",
        "goods,",
        "follows:",
        "ten;",
        "cannot,",
        "Inc.,",
        "U.S.,",
    ],
)
def test_plain_words_take_the_fast_path_with_spacy_tokens(word: str) -> None:
    from extractor.nlp import _tokenize

    tokens = words_of(word).tokens
    assert tokens == _tokenize(word)
