"""Telling the language of a document's text, and the warning on its labels."""

from __future__ import annotations

import pytest

from extractor.classifying import load_default_classifier
from extractor.language import main_language
from extractor.pipeline import extract_bytes

GERMAN = (
    "für die Anlieferung der Grundrahmen gelten folgende Vorgaben unseres Wareneingangs. "
    "Die Rahmen müssen vor dem Versand vollständig entgratet sein. Ein Lieferavis ist "
    "spätestens 48 Stunden vor der Anlieferung per E-Mail zu senden. Anlieferungen sind nur "
    "Montag bis Donnerstag möglich. Holzpaletten müssen nach ISPM 15 behandelt und "
    "gekennzeichnet sein. Das Gewicht einer Palette darf 1.000 kg nicht überschreiten, und "
    "die Lieferscheine sind in der Tasche an der Palette mitzuliefern."
)
ENGLISH = (
    "The Supplier shall deliver the frames to the site of Nordwerk Pumpen GmbH in Kassel. "
    "All frames shall be deburred and free of sharp edges. The delivery note shall be in the "
    "pocket on the pallet, and the weight of a pallet shall not exceed 1,000 kg. The Supplier "
    "is responsible for the packaging and for the treatment of the pallets to ISPM 15, as "
    "the Wareneingang der Nordwerk Pumpen GmbH und die Qualitätssicherung verlangen."
)
FRENCH = (
    "Les cadres doivent être livrés sur des palettes traitées selon la norme ISPM 15. Le "
    "poids d'une palette ne doit pas dépasser 1 000 kg. Les bons de livraison sont à joindre "
    "dans la pochette de la palette, et nous vous prions de nous envoyer un avis de livraison "
    "par courriel au moins 48 heures avant la livraison pour que le magasin soit prêt."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [(GERMAN, "German"), (ENGLISH, "English"), (FRENCH, "French"), ("Please ship by Friday.", "")],
)
def test_the_main_language_of_a_text(text: str, language: str) -> None:
    assert main_language([text]) == language


def test_labels_of_text_not_in_english_are_warned_of() -> None:
    """The model learnt from English: on a German mail its labels are guesses."""
    classifier = load_default_classifier()
    mail = (
        "From: Jens Müller <jens@nordwerk.example>\nTo: tom@brightline.example\n"
        "Subject: Anlieferbedingungen\nContent-Type: text/plain; charset=utf-8\n\n" + GERMAN
    ).encode()
    [german] = extract_bytes(mail, "anlieferung.eml", classifier=classifier)
    assert german.document.warnings == (
        "the text is mostly in German; the classifier learnt from English text only, "
        "so check its labels by hand",
    )
    [english] = extract_bytes(ENGLISH.encode(), "terms.txt", classifier=classifier)
    assert english.document.warnings == ()
    [unlabelled] = extract_bytes(mail, "anlieferung.eml")
    assert unlabelled.document.warnings == ()  # no labels, nothing to warn of
