"""Turn statements in context into the feature matrix the classifier reads.

Words alone fall short on real contracts: most errors are ``shall`` sentences
that are legal boilerplate and obligations that cite no law. So besides word
and character n-grams, the features say which modal is used and what follows
it, who the subject is, which boilerplate topic the sentence belongs to,
whether it cites a law or a standard, its section heading and its neighbours.
Every transformer here is a plain scikit-learn estimator so the whole model is
one ``Pipeline`` that skops can save and load without pickle.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from extractor.types import Annotations

CLAUSE_PREFIX = re.compile(
    r"^\s*(?:(?:article|section|clause|§)\s*[\dIVXivx]+[.\d]*|\d+(?:\.\d+)*\.?|\(?[a-zA-Z]\)|\(?[ivxIVX]{1,5}\))\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Example:
    """What the classifier sees of one statement: its words and its surroundings."""

    text: str
    context_before: str = ""
    context_after: str = ""
    section: str = ""
    kind: str = "paragraph"
    annotations: Annotations = field(default_factory=Annotations)


def strip_clause_number(text: str) -> str:
    """Drop a leading clause number ("11.2", "(a)", "Section 7") that some sources keep."""
    return CLAUSE_PREFIX.sub("", text, count=1)


class TextOf(BaseEstimator, TransformerMixin):
    """Select one text field of each Example (for a vectoriser to read)."""

    def __init__(self, part: str = "text") -> None:
        self.part = part

    def fit(self, examples: Sequence[Example], y: object = None) -> TextOf:
        return self

    def transform(self, examples: Sequence[Example]) -> list[str]:
        if self.part == "text":
            return [strip_clause_number(example.text) for example in examples]
        if self.part == "context":
            return [
                strip_clause_number(example.context_before)
                + " "
                + strip_clause_number(example.context_after)
                for example in examples
            ]
        if self.part == "section":
            return [example.section for example in examples]
        raise ValueError(f"unknown part {self.part!r}")


def _patterns(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")", re.IGNORECASE)


# Topics of legal boilerplate that LABELS.md files under `none` even with "shall".
BOILERPLATE_TOPICS: dict[str, re.Pattern[str]] = {
    "governing_law": _patterns(r"governed by", r"governing law", r"constru(?:ed|e) in accordance"),
    "jurisdiction": _patterns(r"jurisdiction", r"venue", r"courts? of", r"submit to the"),
    "disputes": _patterns(r"arbitrat", r"dispute", r"mediat"),
    "severability": _patterns(r"severab", r"invalid or unenforceable", r"held to be invalid"),
    "counterparts": _patterns(r"counterparts?", r"facsimile signature", r"electronic signature"),
    "entire_agreement": _patterns(r"entire agreement", r"supersedes", r"whole agreement"),
    "amendment": _patterns(r"amend", r"modif\w+ (?:of|to) this agreement", r"in writing signed"),
    "assignment": _patterns(r"assign", r"successors", r"change of control"),
    "waiver": _patterns(r"waive", r"failure to enforce", r"forbearance"),
    "liability": _patterns(
        r"liab(?:le|ility)", r"consequential", r"indirect", r"punitive", r"in no event"
    ),
    "indemnity": _patterns(r"indemnif", r"hold harmless", r"defend"),
    "force_majeure": _patterns(
        r"force majeure", r"acts? of god", r"beyond (?:its|the) reasonable control"
    ),
    "termination": _patterns(r"terminat", r"expir", r"insolven", r"bankrupt", r"material breach"),
    "notices": _patterns(r"notices?", r"deemed (?:given|received|delivered)", r"registered mail"),
    "term": _patterns(
        r"term of this", r"initial term", r"renew", r"commence on", r"effective date"
    ),
    "definition": _patterns(
        r"\bmeans?\b", r"shall mean", r"is defined", r"refers to", r"hereinafter"
    ),
    "recital": _patterns(r"whereas", r"now,? therefore", r"witnesseth", r"in witness whereof"),
    "licence": _patterns(r"licen[cs]e (?:to|under)", r"grants? to", r"non-exclusive", r"royalty"),
    "interpretation": _patterns(r"headings", r"for convenience", r"including without limitation"),
    "remedy": _patterns(r"remed(?:y|ies)", r"at its option", r"right to reject", r"entitled to"),
}

LAW_WORDS = _patterns(
    r"laws?\b",
    r"legislation",
    r"statut",
    r"regulat",
    r"directive",
    r"ordinance",
    r"decree",
    r"\bact\b",
    r"code of federal",
    r"c\.?f\.?r\.?",
    r"u\.?s\.?c\.?",
    r"authorit",
    r"agency",
    r"permit",
    r"licen[cs]",
    r"government",
    r"osha",
    r"epa\b",
    r"fda\b",
    r"customs",
    r"export",
    r"import",
    r"sanction",
    r"tax",
    r"compl(?:y|iance)",
)
APPLICABLE_LAW = _patterns(
    r"applicable (?:laws?|legislation|regulations?|rules)", r"required by law"
)
USE_WORDS = _patterns(
    r"(?:will|to) be (?:used|installed|fitted|operated|mounted|stored|exposed)",
    r"for use",
    r"intended",
    r"environment",
    r"operat",
    r"exposed to",
    r"conditions?",
    r"users?",
    r"patients?",
    r"children",
    r"outdoor",
    r"climate",
    r"temperature",
    r"24/7",
    r"our (?:customers|operators|staff|plant|site|line)",
    r"committed",
    r"policy",
    r"as usual",
    r"customar",
    r"typically",
    r"normally",
    r"normal",
    r"site",
    r"located",
)
REQUEST_WORDS = _patterns(
    r"please",
    r"pls",
    r"kindly",
    r"make sure",
    r"ensure",
    r"we need",
    r"need(?:s)? to",
    r"have to",
    r"has to",
    r"required",
    r"requirement",
    r"no later than",
    r"asap",
    r"by (?:monday|tuesday|wednesday|thursday|friday|end of)",
)
MODALS = (
    "shall",
    "must",
    "will",
    "should",
    "may",
    "can",
    "agrees",
    "undertakes",
    "is to",
    "are to",
)
MODAL_AFTER = re.compile(
    r"\b(shall|must|will|should|may|agrees? to|undertakes? to"
    r"|(?:is|are) (?:required|obliged|responsible) (?:to|for))\s+(not\s+)?(\w+)",
    re.IGNORECASE,
)
# Verbs after the modal that mark performance vs. legal mechanics.
PERFORMANCE_VERBS = frozenset(
    [
        "deliver",
        "provide",
        "supply",
        "maintain",
        "keep",
        "ensure",
        "submit",
        "perform",
        "notify",
        "inspect",
        "test",
        "comply",
        "meet",
        "conform",
        "furnish",
        "pack",
        "label",
        "ship",
        "invoice",
        "pay",
        "store",
        "retain",
        "report",
        "inform",
        "obtain",
        "use",
        "install",
        "replace",
        "repair",
        "manufacture",
        "produce",
        "document",
        "record",
        "train",
        "calibrate",
        "protect",
        "follow",
        "implement",
        "establish",
        "bear",
        "carry",
        "procure",
        "give",
        "send",
        "make",
        "have",
        "include",
        "mark",
        "obtain",
        "verify",
        "qualify",
        "validate",
        "audit",
        "certify",
    ]
)
MECHANICS_VERBS = frozenset(
    [
        "be",
        "constitute",
        "survive",
        "govern",
        "prevail",
        "apply",
        "remain",
        "terminate",
        "expire",
        "continue",
        "mean",
        "include",
        "limit",
        "exclude",
        "affect",
        "operate",
        "bind",
        "construe",
        "inure",
        "supersede",
        "deem",
    ]
)
SUPPLIER_WORDS = _patterns(
    r"supplier",
    r"seller",
    r"vendor",
    r"contractor",
    r"manufacturer",
    r"subcontractor",
    r"provider",
    r"consultant",
    r"you\b",
    r"your company",
)
BUYER_WORDS = _patterns(
    r"buyer", r"purchaser", r"customer", r"owner", r"client", r"government", r"we\b", r"our\b"
)
# A bare task or spec-list item starts with a verb in the imperative ("Provide monthly reports.").
IMPERATIVE_START = re.compile(
    r"^(?:provide|maintain|ensure|submit|develop|establish|perform|prepare|conduct|coordinate|"
    r"support|deliver|monitor|escort|review|track|manage|report|install|remove|replace|repair|"
    r"inspect|test|verify|document|record|notify|attend|train|furnish|supply|obtain|keep|"
    r"comply|protect|maintain|assist|analy[sz]e|assess|update|create|design|implement|operate|"
    r"clean|dispose|label|pack|ship|store|respond|resolve|schedule|plan|identify|participate)\b",
    re.IGNORECASE,
)
COST_ON_PARTY = _patterns(
    r"at (?:its|their|supplier's|seller's|contractor's|vendor's)"
    r" (?:own )?(?:sole )?(?:cost|expense)",
    r"right to (?:recover|charge|deduct|invoice|back-?charge|set off)",
    r"shall bear",
    r"will bear",
    r"borne by",
    r"liquidated damages",
    r"credit(?:s)? (?:of|equal)",
)
BOTH_PARTIES = _patterns(
    r"each party", r"either party", r"neither party", r"the parties", r"both parties"
)


def _shape(text: str) -> list[float]:
    words = text.split()
    count = len(words)
    letters = [char for char in text if char.isalpha()]
    upper = sum(char.isupper() for char in letters) / len(letters) if letters else 0.0
    return [
        min(count, 120) / 120.0,
        float(count <= 6),
        float(text.rstrip().endswith("?")),
        float(not text.rstrip().endswith((".", ";", ":", "?", "!"))),
        float(upper > 0.6),
        float(text.lstrip().startswith(("\u201c", '"', "'"))),
        float(bool(re.search(r"\d", text))),
        float(text.count(",") >= 3),
    ]


def hand_features(example: Example) -> list[float]:
    """Dense, interpretable features of one statement (and a little of its context)."""
    text = strip_clause_number(example.text)
    lower = text.lower()
    notes = example.annotations
    row: list[float] = []
    row += [float(bool(pattern.search(text))) for pattern in BOILERPLATE_TOPICS.values()]
    row.append(float(len(notes.laws) > 0))
    row.append(min(len(notes.laws), 3) / 3.0)
    row.append(float(len(notes.standards) > 0))
    row.append(float(bool(APPLICABLE_LAW.search(text))))
    row.append(min(len(LAW_WORDS.findall(text)), 4) / 4.0)
    row.append(min(len(USE_WORDS.findall(text)), 4) / 4.0)
    row.append(float(bool(REQUEST_WORDS.search(text))))
    cues = [cue.lower() for cue in notes.cues]
    row += [
        float(any(cue.startswith(modal) for cue in cues) or f" {modal} " in f" {lower} ")
        for modal in MODALS
    ]
    row.append(float(notes.negated))
    match = MODAL_AFTER.search(text)
    verb = match.group(3).lower() if match else ""
    row.append(float(bool(match)))
    row.append(float(bool(match and match.group(2))))
    row.append(float(verb in PERFORMANCE_VERBS))
    row.append(float(verb in MECHANICS_VERBS))
    subject = text[: match.start()] if match else ""
    row.append(float(bool(SUPPLIER_WORDS.search(subject))))
    row.append(float(bool(BUYER_WORDS.search(subject))))
    row.append(float(bool(BOTH_PARTIES.search(subject))))
    row.append(float(bool(notes.party)))
    row.append(float(bool(notes.dates)))
    row.append(float(bool(notes.quantities)))
    row.append(float(bool(IMPERATIVE_START.match(text))))
    row.append(float(bool(COST_ON_PARTY.search(text))))
    row.append(float(example.kind == "table_row"))
    row.append(float(example.kind == "quoted"))
    row += _shape(text)
    for neighbour in (example.context_before, example.context_after):
        row.append(float(bool(MODAL_AFTER.search(neighbour))))
        row.append(float(bool(LAW_WORDS.search(neighbour))))
        row.append(float(neighbour.rstrip().endswith(":")))
    return row


class HandFeatures(BaseEstimator, TransformerMixin):
    """The dense features of ``hand_features`` as a sparse matrix."""

    def fit(self, examples: Sequence[Example], y: object = None) -> HandFeatures:
        return self

    def transform(self, examples: Sequence[Example]) -> sparse.csr_matrix:
        matrix = np.array([hand_features(example) for example in examples], dtype=np.float64)
        return sparse.csr_matrix(matrix)
