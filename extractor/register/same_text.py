"""One key for statements that say the same thing, so earlier decisions can be found.

Every purchase order of a customer repeats its terms and conditions; every
revision of a contract repeats most clauses. A reviewer who confirmed or
rejected a clause once should see that decision when the same clause arrives
again. Texts count as the same when ``extractor.normalising`` makes them
equal, as comparing revisions does: Unicode forms, letter case, curly or
straight quotes and dashes, and white space (line breaks fall differently on
another page).
"""

from __future__ import annotations

import hashlib
import re

from extractor.normalising import NUMBER_WORDS, normalise, row_item

# A number as written: 30, 1,000, 2.5, 2026-03-01 (each run of digits and its separators),
# in words ("ninety (90) days"), and a month's name, so "by 1 March 2027" and "by 15 April
# 2027" are one clause too. Changing this changes stored keys: add a migration that fills
# them again (as 0004 does; 0012 for the item a row opens with, ``normalising.row_item``).
_NUMBER = re.compile(
    r"\d+(?:[.,:/-]\d+)*"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?"
    r"|\b(?:" + "|".join(NUMBER_WORDS) + r")\b"
)


def _key(plain: str) -> str:
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


def text_key(text: str) -> str:
    """A 64-character key, equal for texts that differ only in form, case and spacing."""
    return _key(normalise(text))


def number_blind_key(text: str) -> str:
    """``text_key`` with every number and month left out: "within 30 days" matches "45 days".

    The changes a reviewer must not miss in the next order are mostly numbers
    (quantities, prices, lead times, dates, standard revisions); this finds the
    clause that changed them, which ``text_key`` by design does not.

    The item a table row opens with is kept: another part number is another item.
    An EDGAR-style walk's amendment row "CSI-2212: Cannula housing, 12 mm, ..." had been
    shown as differing from the agreement's "CSI-2210: Cannula housing, 5 mm, ...".
    """
    plain = normalise(text)
    cut = len(row_item(plain))  # ``normalise`` strips, so the item opens the text
    return _key(plain[:cut] + _NUMBER.sub("#", plain[cut:]))
