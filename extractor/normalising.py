"""Text as a reviewer compares it: the same words whatever the typography.

Two revisions of a clause, or the same clause in two orders, differ in ways no
reader notices: Unicode forms, letter case, curly or straight quotes, dashes,
soft hyphens, line breaks and a space before punctuation. ``extractor.comparing``
lines revisions up on this form and ``extractor.register.same_text`` keys
earlier decisions on it, so both agree on what "the same text" is. Light on
purpose: the register imports it without the classifier's libraries.
"""

from __future__ import annotations

import re
import unicodedata

QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
DASHES = re.compile(r"[\u2010-\u2015\u2212]")
SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)])")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case, Unicode forms, quotes, dashes and whitespace made uniform."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").translate(QUOTES)
    text = DASHES.sub("-", text)
    text = SPACE_BEFORE_PUNCT.sub(r"\1", _SPACE.sub(" ", text))
    return text.strip().casefold()
