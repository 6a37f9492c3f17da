"""Text as a reader sees it: what ``visible_text`` keeps and drops."""

from __future__ import annotations

import pytest

from extractor.normalising import number_in_words, visible_text


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("Plain ASCII stays as it is.", "Plain ASCII stays as it is."),
        ("Naïve café – 5 € per unit.", "Naïve café – 5 € per unit."),
        ("a\u202eb\u202cc \u2066d\u2069", "abc d"),  # overrides and isolates
        ("x\u200by\ufeffz\u2060", "xyz"),  # invisible spaces and joiners of words
        ("👩\u200d🔧 and क्\u200dष", "👩\u200d🔧 and क्\u200dष"),  # joiners scripts need
        ("one\x07two\x1bthree", "one two three"),  # controls
        ("end\uffff \ufffe", "end "),  # noncharacters
        ("line\nbreak\tand tab", "line\nbreak\tand tab"),
    ],
)
def test_visible_text(text: str, seen: str) -> None:
    assert visible_text(text) == seen


def test_a_number_in_words_has_its_value() -> None:
    assert [number_in_words(w) for w in ("thirty", "Twenty-four", "nineteen", '"ninety')] == [
        30,
        24,
        19,
        90,
    ]
    assert [number_in_words(w) for w in ("twenty-zero", "hundred", "forty-ten", "days")] == [
        None,
        None,
        None,
        None,
    ]


def test_row_columns_reads_cells_by_depth() -> None:
    from extractor.normalising import row_columns

    row = (
        "A001: Monthly Status Report (12. First Submission: 10 Aug 2026)"
        " (Distribution: COR (1 electronic))"
    )
    lead, cells = row_columns(row)
    assert row[:lead] == "A001: Monthly Status Report "  # the callers strip it
    assert cells == [
        ("12. First Submission", "10 Aug 2026"),
        ("Distribution", "COR (1 electronic)"),
    ]
    sentence = "The unit shall weigh 20 kg (see note)."
    assert row_columns(sentence) == (len(sentence), [])
