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
import zlib
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
    # Real e-mail is mostly chatter; knowing the source is an e-mail lifts
    # requirement F1 on real correspondence (see models/requirements.card.md).
    from_email: bool = False


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
        if self.part == "masked":
            return [names_masked(example.text) for example in examples]
        if self.part == "frames":
            return [modal_frames(example.text) for example in examples]
        raise ValueError(f"unknown part {self.part!r}")


# Real contracts name parties and things our corpus never saw ("the Distributor",
# "CBORD", "the SEF"); word n-grams over those names teach topic, not structure.
# Masking capitalised names and numbers lets "NAME will promptly forward" in a
# licence agreement match "NAME will promptly send" in a supply agreement.
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*|\d+(?:[.,]\d+)*|\S")
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "all",
        "any",
        "each",
        "either",
        "neither",
        "no",
        "none",
        "if",
        "in",
        "on",
        "for",
        "upon",
        "within",
        "where",
        "when",
        "unless",
        "except",
        "such",
        "it",
        "we",
        "you",
        "i",
        "our",
        "your",
        "they",
        "he",
        "she",
        "its",
        "their",
        "as",
        "at",
        "by",
        "to",
        "of",
        "and",
        "or",
        "not",
        "with",
        "after",
        "before",
        "during",
        "following",
        "subject",
        "notwithstanding",
        "provided",
        "please",
        "thanks",
        "thank",
        "there",
        "here",
        "what",
        "who",
        "which",
        "how",
        "why",
    ]
)


def names_masked(text: str) -> str:
    """Lower-cased words with capitalised names as ``<name>`` and numbers as ``<num>``."""
    known = _masks.get
    return " ".join(
        [known(token) or _masked(token) for token in _TOKEN.findall(strip_clause_number(text))]
    )


_MASKS_LIMIT = 100_000  # distinct words, then cleared
_masks: dict[str, str] = {}


def _masked(token: str) -> str:
    """``token`` as ``names_masked`` writes it (remembered: most words recur)."""
    if token[0].isdigit():
        masked = "<num>"
    elif token[0].isupper() and token.lower() not in _NOT_NAMES:
        masked = "<name>"
    else:
        masked = token.lower()
    if len(_masks) >= _MASKS_LIMIT:
        _masks.clear()
    _masks[token] = masked
    return masked


_MODAL_FRAME = re.compile(
    r"\b(shall|must|will|should|may|can|would|could|agrees? to|undertakes? to"
    r"|(?:is|are) (?:required|obliged|responsible|expected) (?:to|for)|(?:has|have|needs?) to"
    r"|(?:is|are) to)\s+((?:(?:not|also|only|promptly|then|immediately|be|have)\s+)*)(\w+)",
    re.IGNORECASE,
)
# The same patterns without IGNORECASE, for lower-cased text: Python's regex
# engine runs them about three times faster, and this runs on every statement.
_MODAL_FRAME_LOWER = re.compile(_MODAL_FRAME.pattern)


def _lowered(text: str) -> str | None:
    """``text`` lower-cased, when that keeps every offset (nearly always)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else None


def modal_frames(text: str) -> str:
    """Tokens for each modal: the modal, its verb, their pair, and who stands before it.

    "The Distributor will promptly forward ..." gives ``m:will v:forward
    mv:will_forward s:will_<name> sw:will_distributor``: the frame the issue
    names (the verb after the modal and its subject), whatever the topic.
    """
    plain = strip_clause_number(text)
    tokens = []
    lower = _lowered(plain)
    matches = _MODAL_FRAME_LOWER.finditer(lower) if lower else _MODAL_FRAME.finditer(plain)
    for match in matches:
        modal = match.group(1).lower().split()[0]
        verb = match.group(3).lower()
        between = (match.group(2) or "").lower().split()
        # The three words before the modal; a bounded slice keeps long clauses cheap.
        subject = plain[max(0, match.start() - 80) : match.start()].split()[-3:]
        shape = "_".join(_masked(word) for word in subject)
        head = subject[-1].lower() if subject else "<start>"
        tokens += [
            f"m:{modal}",
            f"v:{verb}",
            f"mv:{modal}_{verb}",
            f"s:{shape or '<start>'}_{modal}",
            f"sw:{head}_{modal}",
        ]
        if "be" in between:
            tokens.append(f"passive:{modal}_{verb}")
        if "not" in between:
            tokens.append(f"not:{modal}")
    if not tokens:
        tokens.append("m:<none>")
    first = plain.split(None, 1)[:1]
    if first:
        tokens.append("first:" + _masked(first[0]))
    return " ".join(tokens)


_REGEX_SYNTAX = re.compile(r"[\\()\[\]?*+.|{}^$]")


def trie_pattern(words: Sequence[str]) -> str:
    """One regular expression matching any of ``words``, factored as a prefix tree.

    Python's ``re`` tries alternatives one by one; sharing prefixes lets it
    reject most positions after one character, about 4x faster than a flat list.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class Cue:
    """A case-insensitive word-start pattern with a cheap literal pre-check.

    Every cue registers the literal head of each alternative. ``literals_in``
    finds all registered literals in a statement in one pass; a cue whose
    literals are absent skips its regular expression. Most statements match few
    cues, so this keeps feature extraction fast. Alternatives are written in
    lower case and ``pattern`` runs on lower-cased text: Python's regex engine
    is about three times slower with IGNORECASE.
    """

    __slots__ = ("literals", "pattern")
    registry: list[Cue] = []  # noqa: RUF012  (class-level registry of every cue)

    def __init__(self, *alternatives: str) -> None:
        joined = "|".join(alternatives)
        if re.search(r"(?<!\\)[A-Z]", joined):
            raise ValueError(f"cue alternatives must be lower case: {joined!r}")
        self.pattern = re.compile(r"\b(?:" + joined + r")")
        literals = []
        for alternative in alternatives:
            plain = alternative.removeprefix(r"\b")
            cut = _REGEX_SYNTAX.search(plain)
            end = len(plain) if cut is None else cut.start()
            if cut is not None and cut.group() in "?*{":
                end -= 1  # the quantified character is optional
            literals.append(plain[:end].lower())
        # An alternative without a literal head cannot be pre-checked.
        self.literals: frozenset[str] | None = None if "" in literals else frozenset(literals)
        Cue.registry.append(self)

    def _may_match(self, text: str, found: frozenset[str] | None) -> bool:
        if self.literals is None:
            return True
        if found is None:
            found = literals_in(text)
        return not self.literals.isdisjoint(found)

    def search(self, text: str, found: frozenset[str] | None = None) -> bool:
        """Whether the cue occurs; ``found`` is ``literals_in(text)`` when already known."""
        return self._may_match(text, found) and self.pattern.search(text.lower()) is not None

    def count(self, text: str, found: frozenset[str] | None = None) -> int:
        if not self._may_match(text, found):
            return 0
        return len(self.pattern.findall(text.lower()))

    def count_literals(self, matches: Sequence[str]) -> int:
        """How many of ``literal_matches(text)`` belong to this cue: a cheap count."""
        literals = self.literals or frozenset()
        return sum(1 for match in matches if match in literals)


_literal_finder: re.Pattern[str] | None = None


def literal_matches(text: str) -> list[str]:
    """Each occurrence of a registered cue literal in ``text`` (lower-cased), in one scan."""
    global _literal_finder
    if _literal_finder is None:
        words = {literal for cue in Cue.registry for literal in cue.literals or ()}
        _literal_finder = re.compile(trie_pattern(sorted(words)))
    return _literal_finder.findall(text.lower())


def literals_in(text: str) -> frozenset[str]:
    """Every registered cue literal that occurs in ``text`` (lower-cased)."""
    return frozenset(literal_matches(text))


def _patterns(*alternatives: str) -> Cue:
    return Cue(*alternatives)


# Topics of legal boilerplate that LABELS.md files under `none` even with "shall".
BOILERPLATE_TOPICS: dict[str, Cue] = {
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
    r"cfr",
    r"c\.f\.r",
    r"usc",
    r"u\.s\.c",
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
    r"will be (?:used|installed|fitted|operated|mounted|stored|exposed)",
    r"to be (?:used|installed|fitted|operated|mounted|stored|exposed)",
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
# For ``hand_features``: each modal as the start of a cue, and as a word in the text.
_MODAL_NEEDLES = tuple((f"\n{modal}", f" {modal} ") for modal in MODALS)
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


_MODAL_LITERALS: tuple[str, ...] = (
    "shall",
    "must",
    "will",
    "should",
    "may",
    "agree",
    "undertake",
    "required",
    "obliged",
    "responsible",
)
_DIGIT = re.compile(r"\d")


MODAL_WORDS = Cue(*_MODAL_LITERALS)  # registers the literals; MODAL_AFTER does the matching


_MODAL_AFTER_LOWER = re.compile(MODAL_AFTER.pattern)  # for lower-cased text, as above


def _modal_after(text: str, found: frozenset[str]) -> re.Match[str] | None:
    """The first modal and the verb after it; offsets index ``text``."""
    if MODAL_WORDS.literals is not None and MODAL_WORDS.literals.isdisjoint(found):
        return None
    lower = _lowered(text)
    return _MODAL_AFTER_LOWER.search(lower) if lower else MODAL_AFTER.search(text)


def _shape(text: str) -> list[float]:
    count = len(text.split())
    stripped = text.rstrip()
    return [
        min(count, 120) / 120.0,
        float(count <= 6),
        float(stripped.endswith("?")),
        float(not stripped.endswith((".", ";", ":", "?", "!"))),
        float(text.isupper()),  # ALL CAPS, as headings and disclaimers are
        float(text.lstrip().startswith(("\u201c", '"', "'"))),
        float(_DIGIT.search(text) is not None),
        float(text.count(",") >= 3),
    ]


BOILERPLATE_TOPICS_LIST = tuple(BOILERPLATE_TOPICS.values())
_TOPICS_BY_LITERAL: dict[str, tuple[int, ...]] = {}
for _position, _cue in enumerate(BOILERPLATE_TOPICS_LIST):
    for _literal in _cue.literals or ():
        _TOPICS_BY_LITERAL[_literal] = (*_TOPICS_BY_LITERAL.get(_literal, ()), _position)


_TOPIC_LITERALS = frozenset(_TOPICS_BY_LITERAL)


def _topics_with_literals(found: frozenset[str]) -> set[int]:
    """Positions of the boilerplate topics whose literal heads occur in the statement."""
    # Intersect first: most literals found belong to other cues.
    return {
        position
        for literal in _TOPIC_LITERALS.intersection(found)
        for position in _TOPICS_BY_LITERAL[literal]
    }


def hand_features(example: Example) -> list[float]:
    """Dense, interpretable features of one statement (and a little of its context)."""
    text = strip_clause_number(example.text)
    lower = text.lower()
    matches = literal_matches(lower)
    found = frozenset(matches)
    notes = example.annotations
    row: list[float] = [0.0] * len(BOILERPLATE_TOPICS)
    for position in _topics_with_literals(found):
        if BOILERPLATE_TOPICS_LIST[position].pattern.search(lower):
            row[position] = 1.0
    row.append(float(len(notes.laws) > 0))
    row.append(min(len(notes.laws), 3) / 3.0)
    row.append(float(len(notes.standards) > 0))
    row.append(float(APPLICABLE_LAW.search(text, found)))
    row.append(min(LAW_WORDS.count_literals(matches), 4) / 4.0)
    row.append(min(USE_WORDS.count_literals(matches), 4) / 4.0)
    row.append(float(REQUEST_WORDS.search(text, found)))
    padded = f" {lower} "
    # "\n" + modal in the joined cues: some cue starts with the modal.
    cues = "\n" + "\n".join(notes.cues).lower()
    row += [float(starts in cues or word in padded) for starts, word in _MODAL_NEEDLES]
    row.append(float(notes.negated))
    match = _modal_after(text, found)
    verb = match.group(3).lower() if match else ""
    row.append(float(match is not None))
    row.append(float(bool(match and match.group(2))))
    row.append(float(verb in PERFORMANCE_VERBS))
    row.append(float(verb in MECHANICS_VERBS))
    subject = text[: match.start()].lower() if match else ""
    row.append(float(SUPPLIER_WORDS.pattern.search(subject) is not None))
    row.append(float(BUYER_WORDS.pattern.search(subject) is not None))
    row.append(float(BOTH_PARTIES.pattern.search(subject) is not None))
    row.append(float(bool(notes.party)))
    row.append(float(bool(notes.dates)))
    row.append(float(bool(notes.quantities)))
    row.append(float(IMPERATIVE_START.match(text) is not None))
    row.append(float(COST_ON_PARTY.search(text, found)))
    row.append(float(example.kind == "table_row"))
    row.append(float(example.kind == "quoted"))
    row.append(float(example.from_email))
    row += _shape(text)
    for neighbour in (example.context_before, example.context_after):
        near = literals_in(neighbour) if neighbour else frozenset()
        row.append(float(_modal_after(neighbour, near) is not None))
        row.append(float(LAW_WORDS.search(neighbour, near)))
        row.append(float(neighbour.rstrip().endswith(":")))
    return row


class HandFeatures(BaseEstimator, TransformerMixin):
    """The dense features of ``hand_features`` as a sparse matrix."""

    def fit(self, examples: Sequence[Example], y: object = None) -> HandFeatures:
        return self

    def transform(self, examples: Sequence[Example]) -> sparse.csr_matrix:
        matrix = np.array([hand_features(example) for example in examples], dtype=np.float64)
        return sparse.csr_matrix(matrix)


class CharNgramHasher(BaseEstimator, TransformerMixin):
    """Counts of hashed character n-grams of lower-cased text, computed with NumPy.

    Does the job of ``HashingVectorizer(analyzer="char")`` about ten times
    faster: the n-grams of all texts are hashed at once as rolling polynomial
    hashes over the UTF-8 bytes, instead of one Python string per n-gram.
    """

    def __init__(self, ngram_range: tuple[int, int] = (3, 5), n_features: int = 2**17) -> None:
        self.ngram_range = ngram_range
        self.n_features = n_features

    def fit(self, texts: Sequence[str], y: object = None) -> CharNgramHasher:
        return self

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        # Texts joined by NUL bytes; each padded with a space so word edges count.
        # A NUL inside a text (a damaged file) would shift every later row, so it is a space.
        padded = (f" {text.lower().replace(chr(0), ' ')} " for text in texts)
        joined = "\0".join(padded).encode("utf-8", "replace")
        data = np.frombuffer(joined, dtype=np.uint8).astype(np.uint64)
        separator = data == 0
        row_of = np.cumsum(separator)  # the NUL before text i belongs to row i
        return _ngram_counts(data, separator, row_of, self.ngram_range, len(texts), self.n_features)


_WORD = re.compile(r"\b\w\w+\b")


class WordNgramHasher(BaseEstimator, TransformerMixin):
    """Counts of hashed word n-grams, computed with NumPy like ``CharNgramHasher``.

    Each distinct word gets a stable id once (CRC-32 of its UTF-8 bytes,
    cached); the n-grams of all texts are then hashed at once over the ids.
    ``split=True`` reads texts that are already tokens joined by spaces (the
    masked text, the modal frames); otherwise words are the lower-cased runs
    of two or more word characters, as ``HashingVectorizer`` takes them.
    """

    def __init__(
        self, ngram_range: tuple[int, int] = (1, 2), n_features: int = 2**17, split: bool = False
    ) -> None:
        self.ngram_range = ngram_range
        self.n_features = n_features
        self.split = split

    def fit(self, texts: Sequence[str], y: object = None) -> WordNgramHasher:
        return self

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        ids = _word_ids()
        known = ids.get
        words: list[int] = []
        for text in texts:
            tokens = text.split() if self.split else _WORD.findall(text.lower())
            words.append(0)  # 0 separates texts; no word has id 0
            words.extend([known(token) or _new_word_id(ids, token) for token in tokens])
        data = np.array(words, dtype=np.uint64)
        separator = data == 0
        row_of = np.cumsum(separator) - 1
        return _ngram_counts(data, separator, row_of, self.ngram_range, len(texts), self.n_features)


_WORD_IDS: dict[str, int] = {}
_WORD_IDS_LIMIT = 1_000_000  # a long batch run meets unbounded names; start over past this


def _word_ids() -> dict[str, int]:
    if len(_WORD_IDS) > _WORD_IDS_LIMIT:
        _WORD_IDS.clear()
    return _WORD_IDS


def _new_word_id(ids: dict[str, int], token: str) -> int:
    word_id = zlib.crc32(token.encode("utf-8", "replace")) + 1  # never 0
    ids[token] = word_id
    return word_id


def _ngram_counts(
    data: np.ndarray,
    separator: np.ndarray,
    row_of: np.ndarray,
    ngram_range: tuple[int, int],
    n_rows: int,
    n_features: int,
) -> sparse.csr_matrix:
    """Count the hashed n-grams of ``data`` (symbols, with separators between rows).

    ``row_of[i]`` is the row of position i; an n-gram that spans a separator
    is dropped. Hashes are rolling polynomials, so all n-grams of one size are
    hashed in ``size`` vector operations.
    """
    rows, columns = [], []
    low, high = ngram_range
    for size in range(low, high + 1):
        count = len(data) - size + 1
        if count <= 0:
            continue
        hashed = np.full(count, size, dtype=np.uint64)
        inside = ~separator[:count]
        for offset in range(size):
            hashed = hashed * np.uint64(1_000_003) + data[offset : offset + count]
            if offset:
                inside &= ~separator[offset : offset + count]
        rows.append(row_of[:count][inside])
        columns.append(hashed[inside] % np.uint64(n_features))
    width = np.uint64(n_features)
    keys = (
        np.concatenate(
            [
                row.astype(np.uint64) * width + column
                for row, column in zip(rows, columns, strict=True)
            ]
        )
        if rows
        else np.empty(0, dtype=np.uint64)
    )
    keys.sort()
    # Runs of equal keys are one (row, column) cell; its run length is the count.
    starts = (
        np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        if len(keys)
        else np.empty(0, dtype=np.int64)
    )
    cells = keys[starts]
    counts = np.diff(np.r_[starts, len(keys)]).astype(np.float64)
    row_of_cell = (cells // width).astype(np.int64)
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(row_of_cell, minlength=n_rows), out=indptr[1:])
    return sparse.csr_matrix(
        (counts, (cells % width).astype(np.int64), indptr), shape=(n_rows, n_features)
    )
