"""The one spaCy pipeline of the project, built once and shared.

``spacy.blank("en")`` (tokenizer only, no model download) plus our own
rule-based components, all registered here:

    statement_starts   sentence boundaries that respect abbreviations and clause numbers
    deontic_cues       "shall", "must not", "is required to" ... (``doc.spans["cues"]``)
    obliged_party      the subject of the first obligation cue (``doc._.party``)
    citations          laws and standards (``doc._.laws``, ``doc._.standards``)
    measures           dates, durations and quantities (``doc._.dates``, ``doc._.quantities``)

spaCy objects stay inside ``segmenting`` and ``annotating``; callers get our
dataclasses.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

SEGMENTING_PIPES = ("statement_starts",)
ANNOTATING_PIPES = ("deontic_cues", "obliged_party", "citations", "measures")


@Language.component("statement_starts")
def statement_starts(doc: Doc) -> Doc:
    from extractor.sentences import set_statement_starts

    return set_statement_starts(doc)


@Language.factory("deontic_cues", assigns=["doc.spans"])
def make_deontic_cues(nlp: Language, name: str) -> Any:
    from extractor.annotating import DeonticCues

    return DeonticCues(nlp.vocab, nlp.make_doc)


@Language.factory("obliged_party", assigns=["doc._.party"], requires=["doc.spans"])
def make_obliged_party(nlp: Language, name: str) -> Any:
    from extractor.annotating import ObligedParty

    return ObligedParty()


@Language.factory("citations", assigns=["doc._.laws", "doc._.standards"])
def make_citations(nlp: Language, name: str) -> Any:
    from extractor.annotating import Citations

    return Citations()


@Language.factory("measures", assigns=["doc._.dates", "doc._.quantities"])
def make_measures(nlp: Language, name: str) -> Any:
    from extractor.annotating import Measures

    return Measures()


class _TextKeepingTokenizer:
    """The blank tokenizer, keeping the input in ``doc.user_data["text"]``.

    ``Doc.text`` rebuilds the string from every token on each access; the
    regex components read the text several times per statement.
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
    """The shared pipeline; build it once per process (it takes ~0.3 s)."""
    if not Doc.has_extension("party"):
        Doc.set_extension("party", default="")
    for name in ("laws", "standards", "dates", "quantities"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=())
    nlp = spacy.blank("en")
    nlp.tokenizer = _TextKeepingTokenizer(nlp.tokenizer)
    for pipe in SEGMENTING_PIPES + ANNOTATING_PIPES:
        nlp.add_pipe(pipe)
    return nlp
