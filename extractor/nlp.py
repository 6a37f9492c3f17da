"""The one spaCy pipeline of the project, built once and shared, and its word tokenizer.

``spacy.blank("en")`` (tokenizer only, no model download) plus the one
rule-based component that needs whole docs:

    statement_starts   sentence boundaries that respect abbreviations and clause numbers

Annotation needs only spaCy's tokens, not docs: ``words_of`` tokenizes each
space-separated chunk once with the same tokenizer and caches the result.
spaCy's English tokenizer never lets a token or a special case cross a space,
so the tokens are the ones a whole-doc pass gives; building a ``Doc`` (and its
lexemes and spans) per statement was most of annotation's time.

spaCy objects stay inside this module, ``sentences`` and ``segmenting``;
callers get plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import spacy
from spacy.lang.en.lex_attrs import like_num
from spacy.language import Language
from spacy.tokens import Doc

SEGMENTING_PIPES = ("statement_starts",)


@Language.component("statement_starts")
def statement_starts(doc: Doc) -> Doc:
    from extractor.sentences import set_statement_starts

    return set_statement_starts(doc)


class _TextKeepingTokenizer:
    """The blank tokenizer, keeping the input in ``doc.user_data["text"]``.

    ``Doc.text`` rebuilds the string from every token on each access; the
    sentence rule reads the text of every block.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data["text"] = text
        return doc


def text_of(doc: Doc) -> str:
    """The text of a doc made by ``get_nlp()``, without rebuilding it from tokens."""
    text = doc.user_data.get("text")
    return text if isinstance(text, str) else doc.text


@cache
def get_nlp() -> Language:
    """The shared pipeline; build it once per process."""
    nlp = spacy.blank("en")
    nlp.tokenizer = _TextKeepingTokenizer(nlp.tokenizer)
    for pipe in SEGMENTING_PIPES:
        nlp.add_pipe(pipe)
    return nlp


# ---------------------------------------------------------------- words


class Token(NamedTuple):
    """One spaCy token as plain values; ``offset`` counts from the start of its chunk."""

    offset: int
    text: str
    lower: str
    punct: bool
    like_num: bool
    alpha: bool
    is_lower: bool


@dataclass(frozen=True, slots=True)
class Words:
    """The spaCy tokens of one text but its whitespace tokens, with ``lower`` for fast matching.

    ``base[i]`` is where token ``i``'s chunk starts in ``source``.
    """

    source: str
    tokens: list[Token]
    lower: list[str]
    base: list[int]

    def __len__(self) -> int:
        return len(self.tokens)

    def span_text(self, first: int, last: int) -> str:
        """The text from token ``first`` to token ``last`` inclusive, as written."""
        end = self.tokens[last]
        start = self.base[first] + self.tokens[first].offset
        return self.source[start : self.base[last] + end.offset + len(end.text)]


_CHUNK_CACHE_LIMIT = 50_000  # distinct words, then cleared; the corpus has 28,000 (30 MB)
_chunk_cache: dict[str, tuple[list[Token], list[str]]] = {}


def _tokens_of_doc(doc: Doc) -> list[Token]:
    return [
        Token(t.idx, t.text, t.lower_, t.is_punct, t.like_num, t.is_alpha, t.is_lower) for t in doc
    ]


@cache
def _plain_tokenizer() -> Any:
    """The pipeline's own spaCy tokenizer (shared vocab), without the text-keeping wrapper."""
    wrapper: Any = get_nlp().tokenizer
    return wrapper.tokenizer


def _tokenize(text: str) -> list[Token]:
    return _tokens_of_doc(_plain_tokenizer()(text))


@cache
def _special_cases() -> frozenset[str]:
    """Strings the tokenizer splits by a special rule ("cannot" -> "can", "not")."""
    return frozenset(_plain_tokenizer().rules)


def _plain_word(chunk: str) -> list[Token]:
    """The one token spaCy makes of a purely alphabetic word, without calling it.

    Most chunks are plain words; building spaCy lexemes for them is most of a
    fresh process's annotation time. ``tests/test_nlp.py`` checks this against
    the tokenizer.
    """
    return [Token(0, chunk, chunk.lower(), False, like_num(chunk), True, chunk.islower())]


_TRAILING_MARKS = frozenset(",;:")
# After a word ending in a lower-case ASCII letter spaCy splits these off too
# ("goods." -> "goods", "."), but not after a capital ("GmbH.", "A." stay whole).
_SENTENCE_END_MARKS = frozenset('.)?!"')


def _ends_lower_ascii_word(word: str) -> bool:
    return word.isascii() and word[-1:].islower()


def _mark(char: str, offset: int) -> Token:
    """A punctuation token after a word, as spaCy splits "goods," into "goods" and ","."""
    return Token(offset, char, char, True, False, False, False)


def _chunk_tokens(chunk: str) -> tuple[list[Token], list[str]]:
    found = _chunk_cache.get(chunk)
    if found is None:
        if len(_chunk_cache) >= _CHUNK_CACHE_LIMIT:
            _chunk_cache.clear()
        if chunk.isalpha() and chunk not in _special_cases():
            tokens = _plain_word(chunk)
        elif (
            (
                chunk[-1:] in _TRAILING_MARKS
                or (chunk[-1:] in _SENTENCE_END_MARKS and _ends_lower_ascii_word(chunk[:-1]))
            )
            and chunk[:-1].isalpha()
            and chunk not in _special_cases()
            and chunk[:-1] not in _special_cases()
        ):
            tokens = [*_plain_word(chunk[:-1]), _mark(chunk[-1], len(chunk) - 1)]
        else:
            tokens = _tokenize(chunk)
        found = _chunk_cache[chunk] = (tokens, [token.lower for token in tokens])
    return found


def words_of(text: str) -> Words:
    """spaCy's tokens of ``text``, tokenizing each distinct chunk between spaces once.

    Text with other whitespace than single spaces between words (line breaks,
    double spaces, leading or trailing space) goes through the tokenizer whole,
    because spaCy turns such whitespace into tokens of its own; those tokens
    are dropped, so that "shall\nnot" reads as "shall not".
    """
    if " ".join(text.split()) != text:
        tokens = [token for token in _tokenize(text) if not token.text.isspace()]
        return Words(text, tokens, [token.lower for token in tokens], [0] * len(tokens))
    all_tokens: list[Token] = []
    all_lower: list[str] = []
    base: list[int] = []
    known = _chunk_cache.get
    offset = 0
    for chunk in text.split(" "):
        tokens, lower = known(chunk) or _chunk_tokens(chunk)
        all_tokens += tokens
        all_lower += lower
        if len(tokens) == 1:
            base.append(offset)
        else:
            base += [offset] * len(tokens)
        offset += len(chunk) + 1
    return Words(text, all_tokens, all_lower, base)
