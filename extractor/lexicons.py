"""Small word lists shipped as package data (``extractor/data/*.txt``), and the shape
of a FAR clause number, which the readers, the segmenter and the annotator all know.

The lists are kept out of the code so that a reviewer can add an abbreviation or a
party noun without reading Python.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# a FAR or DFARS clause by its number alone: "52.204-21", "252.204-7012" (not "52.25 mm",
# nor the part number "152.204-21"): a citation, and a clause list row's clause
FAR_CLAUSE_NUMBER = r"(?:52\.2\d{2}-\d{1,4}|252\.2\d{2}-7\d{3})\b(?![.-]\d)"


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of ``data/<name>.txt``: one per line, ``#`` starts a comment."""
    text = resources.files("extractor").joinpath("data", f"{name}.txt").read_text("utf-8")
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(word for word in words if word)


def is_abbreviation(word: str) -> bool:
    """Whether ``word`` (lower case, no final dot) is an abbreviation ("no", "approx",
    "etc", "max") whose full stop need not end a sentence: both lists the segmenter reads."""
    return word in word_list("abbreviations") or word in word_list("abbreviations_final")
