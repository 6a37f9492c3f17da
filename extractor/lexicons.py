"""Small word lists shipped as package data (``extractor/data/*.txt``).

Kept out of the code so that a reviewer can add an abbreviation or a party
noun without reading Python.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


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
