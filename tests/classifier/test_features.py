"""The feature transformers: what each one sees and computes."""

from __future__ import annotations

import re

import numpy as np
import pytest
from sklearn.feature_extraction.text import HashingVectorizer

from extractor.features import (
    BOILERPLATE_TOPICS,
    CharNgramHasher,
    Cue,
    Example,
    HandFeatures,
    TextOf,
    WordNgramHasher,
    hand_features,
    literals_in,
    modal_frames,
    names_masked,
    strip_clause_number,
    trie_pattern,
)
from extractor.types import Annotations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11.2 The Sub-Advisor shall report.", "The Sub-Advisor shall report."),
        ("(a) Location.", "Location."),
        ("(iv) to the extent necessary.", "to the extent necessary."),
        ("Section 7 Warranty terms apply.", "Warranty terms apply."),
        ("The Supplier shall deliver 3.5 tonnes.", "The Supplier shall deliver 3.5 tonnes."),
    ],
)
def test_strip_clause_number(text: str, expected: str) -> None:
    assert strip_clause_number(text) == expected


def test_text_of_selects_each_part() -> None:
    example = Example(
        "1.1 Ship.", context_before="2.1 Before.", context_after="After.", section="S"
    )
    assert TextOf("text").transform([example]) == ["Ship."]
    assert TextOf("context").transform([example]) == ["Before. After."]
    assert TextOf("section").transform([example]) == ["S"]
    assert TextOf("masked").transform([example]) == ["<name> ."]
    assert TextOf("frames").transform([example]) == ["m:<none> first:<name>"]
    with pytest.raises(ValueError, match="unknown part"):
        TextOf("nope").transform([example])


def test_names_masked_keeps_structure_and_hides_names_and_numbers() -> None:
    masked = names_masked("11.2 The Distributor will forward 12 complaints to CBORD.")
    assert masked == "the <name> will forward <num> complaints to <name> ."
    # Two agreements with different parties look alike once masked.
    other = names_masked("The Licensee will forward 3 complaints to Acme.")
    assert other == masked


def test_modal_frames_name_the_modal_its_verb_and_its_subject() -> None:
    frames = modal_frames("The Distributor will promptly forward all complaints.").split()
    assert "mv:will_forward" in frames
    assert "s:the_<name>_will" in frames
    assert "sw:distributor_will" in frames
    assert "first:the" in frames
    negated = modal_frames("Goods shall not be shipped before approval.").split()
    assert {"m:shall", "passive:shall_shipped", "not:shall"} <= set(negated)
    assert modal_frames("Thank you for your call.").split()[0] == "m:<none>"
    assert "mv:agrees_supply" in modal_frames("Seller agrees to supply spares.").split()


def test_trie_pattern_matches_exactly_the_words() -> None:
    words = ["law", "laws", "legislation", "act", "agency", "a"]
    pattern = re.compile(f"^(?:{trie_pattern(words)})$")
    for word in words:
        assert pattern.match(word), word
    for other in ["la", "lawss", "ag", "acts", ""]:
        assert not pattern.match(other), other


def test_literals_in_finds_cue_heads() -> None:
    found = literals_in("This Agreement shall be GOVERNED BY the laws of Ohio.")
    assert "governed by" in found
    assert "law" in found
    assert Cue(r"laws?\b").literals == frozenset({"law"})


def test_cue_needs_its_literal_and_its_pattern() -> None:
    cue = BOILERPLATE_TOPICS["governing_law"]
    assert cue.search("This Agreement is governed by Swiss law.")
    assert not cue.search("The governor arrived by train.")
    assert cue.count("governed by X; governed by Y") == 2


def test_cue_alternatives_must_be_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        Cue(r"Governed by")
    assert Cue(r"\bact\b").search("The ACT applies.")


def test_cue_without_literal_head_always_runs_its_pattern() -> None:
    cue = Cue(r"(?:alpha|beta) gamma")
    assert cue.literals is None
    assert cue.search("Beta gamma")


def test_char_ngrams_count_like_a_reference_implementation() -> None:
    texts = ["Ship 500 units.", "", "naïve café", "ab"]
    ours = CharNgramHasher(ngram_range=(3, 5), n_features=2**20).transform(texts)
    # Same n-grams as scikit-learn's char analyzer over " text " (up to hashing):
    # compare the number of n-grams per text, which does not depend on the hash.
    reference = HashingVectorizer(
        analyzer="char", ngram_range=(3, 5), n_features=2**20, alternate_sign=False, norm=None
    )
    for row, text in enumerate(texts):
        padded = f" {text.lower()} ".encode()
        expected = sum(max(0, len(padded) - size + 1) for size in (3, 4, 5))
        assert ours[row].sum() == expected
    assert reference.transform(texts[:1]).sum() > 0
    ours.check_format(full_check=True)


def test_char_ngrams_are_deterministic_and_text_sensitive() -> None:
    hasher = CharNgramHasher()
    first = hasher.transform(["The Supplier shall ship."]).toarray()
    again = hasher.transform(["The Supplier shall ship."]).toarray()
    other = hasher.transform(["Thanks for lunch."]).toarray()
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)


def test_char_ngrams_of_one_text_match_the_batch() -> None:
    hasher = CharNgramHasher()
    texts = ["alpha beta", "gamma", "delta epsilon zeta"]
    batch = hasher.transform(texts).toarray()
    for row, text in enumerate(texts):
        assert np.array_equal(batch[row], hasher.transform([text]).toarray()[0])


def test_a_nul_character_in_a_text_does_not_shift_the_rows() -> None:
    # NUL separates the texts inside the hasher; one in a damaged file's text
    # moved the counts of every later text a row down (and past the last: ValueError).
    hasher = CharNgramHasher()
    texts = ["The Supplier\x00 shall ship.", "gamma\x00\x00", "delta epsilon"]
    batch = hasher.transform(texts).toarray()
    assert batch.shape[0] == 3
    for row, text in enumerate(texts):
        alone = hasher.transform([text.replace("\x00", " ")]).toarray()[0]
        assert np.array_equal(batch[row], alone)


def test_word_ngrams_count_like_scikit_learn() -> None:
    texts = [
        "The Supplier shall ship 500 units; the Supplier shall invoice.",
        "",
        "Naïve café orders, café orders again",
        "a",
    ]
    ours = WordNgramHasher(ngram_range=(1, 3), n_features=2**24).transform(texts)
    reference = HashingVectorizer(
        ngram_range=(1, 3), n_features=2**24, alternate_sign=False, norm=None
    ).transform(texts)
    ours.check_format(full_check=True)
    # The hash functions differ; the counts of each text's distinct n-grams do not.
    for row in range(len(texts)):
        assert sorted(ours[row].data) == sorted(reference[row].data), texts[row]


def test_word_ngrams_split_mode_reads_tokens_as_given() -> None:
    hasher = WordNgramHasher(ngram_range=(1, 2), n_features=2**20, split=True)
    matrix = hasher.transform(["<name> will ship", "m:will v:ship", "<name> will ship"])
    assert matrix[0].sum() == 5  # 3 tokens + 2 bigrams, "<name>" kept whole
    assert np.array_equal(matrix[0].toarray(), matrix[2].toarray())
    assert not np.array_equal(matrix[0].toarray(), matrix[1].toarray())


def test_hand_features_know_when_the_text_is_email() -> None:
    assert hand_features(Example("We will ship Monday.", from_email=True)) != hand_features(
        Example("We will ship Monday.")
    )


def test_hand_features_react_to_their_cues() -> None:
    plain = hand_features(Example("Thank you for your call."))
    law = hand_features(
        Example("Supplier shall comply with REACH.", annotations=Annotations(laws=("REACH",)))
    )
    boilerplate = hand_features(Example("This Agreement is governed by the laws of Ohio."))
    assert len(plain) == len(law) == len(boilerplate)
    assert sum(law) > sum(plain)
    assert boilerplate[0] == 1.0  # governing_law is the first topic
    assert plain[0] == 0.0


def test_hand_features_matrix_shape() -> None:
    matrix = HandFeatures().transform([Example("a"), Example("Provide reports.")])
    assert matrix.shape[0] == 2
    assert matrix.shape[1] == len(hand_features(Example("a")))
