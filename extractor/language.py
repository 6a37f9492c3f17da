"""Which language a document is mostly written in, told by its commonest words.

The classifier learnt from English text only: on a German mail it called
"Holzpaletten müssen nach ISPM 15 behandelt ... sein" `none` with 0.8
confidence. The statements are still found, but the reviewer must be told
that their labels are guesses. Counting the few dozen function words every
text of a language is full of is enough to tell the languages customers
write in apart, and needs no model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ENGLISH = "English"
_FUNCTION_WORDS = {
    ENGLISH: "the and of to is in that for with shall be on by this are as will must not or",
    "German": "der die das und ist nicht mit für zu den von sind werden ein eine auf dem des im"
    " sich bei wird oder auch müssen muss bitte",
    "French": "le la les et des est pour que une dans du par sur au sont être ne pas aux doit"
    " doivent nous vous",
    "Spanish": "el los las y que del por para con una es se no al debe deben su sus como",
    "Italian": "il lo gli che per con una della sono non si deve devono nel alla delle",
    "Dutch": "het een van dat voor met niet zijn op te aan moet moeten wordt worden",
}
_WORDS = {language: frozenset(words.split()) for language, words in _FUNCTION_WORDS.items()}
_TOKEN = re.compile(r"[^\W\d_]+")
MIN_FUNCTION_WORDS = 20  # fewer, and a short mail in English could read as anything


def main_language(texts: Iterable[str]) -> str:
    """The language most of ``texts`` is written in, or "" when too little tells.

    Another language wins only with twice English's count: contracts quote
    names and terms in other languages.
    """
    counts = dict.fromkeys(_WORDS, 0)
    for text in texts:
        for token in _TOKEN.findall(text.lower()):
            for language, words in _WORDS.items():
                if token in words:
                    counts[language] += 1
    best = max(counts, key=lambda language: counts[language])
    if counts[best] < MIN_FUNCTION_WORDS:
        return ""
    if best != ENGLISH and counts[best] < 2 * counts[ENGLISH]:
        return ENGLISH
    return best


def language_warning(texts: Iterable[str]) -> str:
    """A warning for labels of text not in English, or ""."""
    language = main_language(texts)
    if not language or language == ENGLISH:
        return ""
    return (
        f"the text is mostly in {language}; the classifier learnt from English text only, "
        "so check its labels by hand"
    )
