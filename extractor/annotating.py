"""Rules that annotate statements over spaCy's tokens and the raw text; ``annotate`` runs them.

Cues and the obliged party are found over spaCy's tokens (``nlp.words_of``,
plain lists, tokenized only when a cue word occurs at all); laws, standards,
dates and quantities by compiled regexes over the raw text, each run only when
the keyword or digit it needs is present. No spaCy ``Doc``, span or pipeline
is built per statement: that is what keeps ``reqx classify`` fast (see
``benchmarks/annotate_speed.py``).

Decisions:

* **Cues** are lower-cased as written ("won't" stays "won't"; the typographic
  "won’t" is the same cue and is given as "won't"; a line break inside "shall
  not" is a space); "May" beside a
  number is the month, "at will" and "a must" are not cues. A statement is
  ``negated`` when a cue is ("shall not", "may not", "in no event shall",
  "neither ... nor shall").
* **Party** is the subject of the first cue that is not a bare "may": the noun
  phrase before it when its head names a party (Supplier, Buyer, Each party,
  We, You, a capitalised company name, an ALL-CAPS name). Passive ("shall be
  made") and non-party subjects ("All goods must") give "".
* **Laws** are binding instruments cited by number or name (CFR, U.S.C., EU
  regulations and directives, FAR/DFARS clauses, named Acts and acronyms such
  as REACH, RoHS, GDPR, ITAR; GHS counts as a law because it binds only
  through the regulations that adopt it). "applicable laws" is no citation and
  is not listed. **Standards** are voluntary documents (ISO, IEC, EN, ASTM, IPC,
  SAE, MIL, DIN, UL, ANSI, ASME, API, NFPA, BS, JIS ...). Both are normalised
  (spaces collapsed, "C.F.R." -> "CFR", "USC" -> "U.S.C.") and de-duplicated.
* **Dates** include durations with their preposition ("within 30 days",
  "ten (10) business days", "no later than Friday"); **quantities** are
  numbers with units or currencies ("2.5 mm", "± 0.05 mm", "USD 25,000").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from extractor.lexicons import FAR_CLAUSE_NUMBER, word_list
from extractor.nlp import Words, words_of
from extractor.types import Annotations, Statement

__all__ = ["annotate", "annotations_of", "change_cues"]

# ---------------------------------------------------------------- deontic cues

_MODALS = ("shall", "must", "will", "may", "should")
_CUE_PHRASES: dict[str, list[str]] = {
    "CUE": [
        *_MODALS,
        "is required to",
        "are required to",
        "agrees to",
        "agree to",
        "undertakes to",
        "undertake to",
        "is responsible for",
        "are responsible for",
        "remains responsible for",
        "remain responsible for",
        "needs to",
        "need to",
        "has to",
        "have to",
        "please ensure",
        "kindly ensure",
        "please make sure",
        "kindly make sure",
    ],
    "IS_TO": ["is to", "are to"],  # only before a verb: checked after matching
    "WE_NEED": ["we need", "i need", "we require"],  # the cue is the verb alone
    "NEG": [
        *(f"{modal} {negation}" for modal in _MODALS for negation in ("not", "never")),
        *(
            f"{verb}n{apostrophe}t"
            for verb in ("wo", "sha", "must", "should")
            for apostrophe in ("'", "’")
        ),
    ],
}
_NOT_A_CUE_BEFORE = frozenset({"at", "the", "good", "free", "own", "a", "last", "living"})
_INVERSION_BEFORE = frozenset({"event", "circumstances", "case", "nor", "neither"})


# A cue: first token, end token (exclusive), negated.
_Cue = tuple[int, int, bool]


@cache
def _cue_phrases() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Cue phrases as lower-case token tuples, keyed by their first token."""
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for label, texts in _CUE_PHRASES.items():
        for text in texts:
            tokens = tuple(words_of(text).lower)
            phrases.setdefault(tokens[0], []).append((tokens, label))
    return phrases


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex for the longest of ``words`` at a position, branching one character at a time.

    A flat alternation of many words makes ``re`` try each word at every
    candidate position; the trie tries one character per level.
    """
    trie: dict[str, dict] = {}  # nested to any depth
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
        return body

    return pattern(trie)


# Every cue phrase as written with single spaces: no match is possible without one of them.
_CUE_GATE = re.compile(_trie_pattern({p for ps in _CUE_PHRASES.values() for p in ps}))


def _is_month(words: Words, index: int) -> bool:
    """ "May" next to a day or a year is the month, not a modal."""
    if words.tokens[index].text != "May":
        return False
    for i in (index - 1, index + 1):
        if 0 <= i < len(words):
            neighbour = words.tokens[i]
            if neighbour.like_num or neighbour.text[:1].isdigit():
                return True
    return False


def _phrase_matches(words: Words) -> list[tuple[int, int, str]]:
    """Every cue phrase in the tokens (overlaps included), as (start, end, label)."""
    phrases = _cue_phrases()
    lower = words.lower
    count = len(lower)
    found: list[tuple[int, int, str]] = []
    for index, word in enumerate(lower):
        candidates = phrases.get(word)
        if candidates is None:
            continue
        for phrase, label in candidates:
            end = index + len(phrase)
            if end > count or (len(phrase) > 1 and tuple(lower[index:end]) != phrase):
                continue
            start = index
            if label == "IS_TO":
                after = words.tokens[end] if end < count else None
                if after is None or not (after.alpha and after.is_lower):
                    continue
            elif label == "WE_NEED":
                start += 1
            found.append((start, end, label))
    return found


def _deontic_cues(words: Words) -> list[_Cue]:
    """Cues in order, longest first where they overlap, without months and idioms."""
    found = _phrase_matches(words)
    found.sort(key=lambda match: (match[0], match[0] - match[1]))
    lower = words.lower
    cues: list[_Cue] = []
    for start, end, label in found:
        if cues and start < cues[-1][1]:
            continue
        before = lower[start - 1] if start > 0 else ""
        single = end - start == 1
        if _is_month(words, start) or (single and before in _NOT_A_CUE_BEFORE):
            continue
        if single and start + 1 < len(lower) and lower[start + 1] == "of":
            continue  # "the will of the parties"
        cues.append((start, end, label == "NEG" or _negated_by_context(lower, start)))
    return cues


def _negated_by_context(lower: list[str], index: int) -> bool:
    """ "in no event shall", "neither ... nor shall", "shall in no event"."""
    text = " ".join(lower[max(index - 3, 0) : index + 4])
    if "no event" in text or "no circumstances" in text:
        return True
    return "nor" in lower[max(index - 6, 0) : index] and "neither" in lower[:index]


# ---------------------------------------------------------------- change cues

# Words a statement uses when it states a change to what was asked before, in its own
# words: e-mail never repeats the clause with the new number, it writes "600 instead of
# 500", "delivery moved to week 14", "rev D replaces rev C" (ISO 9001 8.2.3.1 e).
_CHANGE_PHRASES = (
    "instead of",
    "in place of",
    "no longer",
    "any more",
    "anymore",
    "replaces",
    "replaced by",
    "supersedes",
    "superseded by",
    "revised to",
    "amended to",
    "please amend",
    "please change",
    "please correct",
    "please update",
    "update:",
    "correction:",
    "moved to",
    "moved from",
    "postponed to",
    "brought forward to",
    "increased to",
    "increased from",
    "reduced to",
    "reduced from",
    "raised to",
    "lowered to",
    "extended to",
    "extended from",
    "shortened to",
    "shortened from",
    "raised from",
    "lowered from",
    "from now on",
    "(was",
    "(previously",
    # "100% functional test on all units (until now sample of 10%)"
    "(until now",
    "(so far",
    # a line or an order taken back: "we cancel line 30 ... with immediate effect"
    "we cancel",
    "we hereby cancel",
    "please cancel",
    "is cancelled",
    "is canceled",
    "are cancelled",
    "are canceled",
    "is hereby cancelled",
    "has been cancelled",
    "have been cancelled",
    "please disregard",
    # German
    "storniert",
    "stornieren",
    "statt",
    "anstatt",
    "anstelle",
    "an stelle",
    "geändert",
    "ändert sich",
    "nicht mehr",
    "ersetzt",
    "verschoben auf",
    "korrektur:",
    "änderung:",
    "(bisher",
)
# What "will be replaced by" names when a revision replaces a document: "rev D", "the
# revised drawing", "issue 3", "BES-F-310:2022"
_REPLACING_DOCUMENT = (
    r" (?:the |a |an |our |its |new |revised |updated )*(?:[a-z-]+ )?"
    r"(?:rev\b|revision|issue|version|edition|drawing|spec|document|schedule|standard"
    r"|clause|section|annex|appendix|procedure|policy|form|list|table|[^\s.;,]*\d)"
)
_CHANGE_PATTERNS = (
    # the phrases as words ("statt" is not "Werkstatt", "(was" not "(wash"), but not the
    # contract idioms "no longer than" (a limit), "supersedes all prior agreements",
    # "reduced to practice"
    r"(?<!\w)(?:" + _trie_pattern(_CHANGE_PHRASES) + r")(?!\w)"
    r"(?<!no longer(?= than))(?<!supersedes(?= all| any))(?<!reduced to(?= practice| writing))"
    # "the order is cancelled if the Supplier fails to deliver": a term, not a change
    r"(?<!cancelled(?= if| where| when| unless| in case| by| for| upon| on))"
    r"(?<!canceled(?= if| where| when| unless| in case| by| for| upon| on))"
    # severability's "shall be replaced by a valid provision" changes nothing yet
    r"(?<!replaced by(?= a valid| an enforceable| a lawful))"
    # nor a plan or a duty: "the estate ... will be replaced by a cloud-based platform during
    # 2027" (an IT walk's MSA), "goods that fail shall be replaced by Vendor"; "rev C will be
    # replaced by rev D" names what a revision replaces
    + "".join(
        rf"(?<!{modal} be replaced by(?!{_REPLACING_DOCUMENT}))"
        for modal in ("will", "shall", "would", "should", "must", "may", "can", "to")
    )
    # "rev D replaces rev C", "this edition replaces BES-F-310:2021"; not the work itself:
    # "the maintenance contractor replaces stem seals in the field" (a valve walk's spec)
    + r"(?<!replaces(?! (?:the |all |any |our |your |its )?(?:[a-z-]+ )?"
    r"(?:previous|earlier|former|prior|old|current|existing|rev|revision|issue|version|edition|schedule|drawing|spec|document"
    r"|order|po\b|purchase|quot|offer|contract|agreement|line|item|clause|section|paragraph"
    r"|annex|appendix|exhibit|attachment|report|plan|code|policy|procedure|principles|terms"
    r"|standard|requirement|list|table)| (?:[^\s.;]+ ){0,6}[^\s.;]*\d|[.;,]|$))",
    # an amendment's own words: "Section 7.2 is hereby amended by deleting the words ... and
    # replacing them with ...", "is amended so that", "is deleted in its entirety" (an
    # EDGAR-style walk's amendment stated no change); not "may be amended only in writing"
    r"\b(?:is|are) (?:hereby )?(?:amended|deleted)\b|\breplacing\b(?=[^.;]{1,80}?\bwith\b)",
    # "has changed the coating spec from", "changed:"; not "no change to the site"
    r"\bchanged\b(?:\s+[^\s.;:]+){0,5}?\s+(?:to|from)\b|\bchanged(?=:)",
    # "moved the first batch to", "is now at revision D", "level B now applies"
    r"\bmoved\b(?:\s+[^\s.;:]+){1,5}?\s+(?:to|from)\b",
    # "please move the delivery date of item 20 ... from 16 March to 30 March" (a request:
    # "the move of the desks from 34 to 31" is an office move)
    r"\b(?:please|kindly|you) move\b(?:\s+[^\s.;:]+){1,8}?\s+from\b[^.;:]{1,40}?\bto\b",
    r"\b(?:is|are) now at\b|\bnow (?:applies|apply)\b",
    # a buyer's "pull in 10,000 of the 30,000 to Dec 14" (a delivery brought forward; a
    # medical-device walk's mail stated a change nowhere)
    r"\bpull(?:ed|ing)? in\b(?=[^.;]{0,60}?\b(?:to|by)\s+(?:[a-z]+\.?\s+)?\d)",
    # "chilli powder to be reduced by 10 % from the issue 2 recipe" (a food walk's minutes);
    # not a term's "the price is reduced by 5 % for each week of delay"
    r"\b(?:increased|reduced|raised|lowered|decreased|cut|extended|shortened)\s+by\s+"
    r"(?:about\s+|approx\.\s+|another\s+)?\d[^.;:]{0,25}?\bfrom\b",
    # "the retention period increases from 10 to 15 years"; not "changes from time to time"
    r"\b(?:increases|decreases|reduces|changes)\s+from\b"
    r"(?!\s+(?:time|day|month|week|year|case|site|shift|lot|order)\s+to\b)[^.;:]{1,40}?\bto\b",
    # "the same-day dispatch cut-off moves from 14:00 to 15:00" (a 3PL walk's mail), "the
    # case count goes from 6 to 8 bags"; not a range ("humidity goes from under 20% ... to
    # near 100%"), a person's new post ("moves from Volume Management to head ...") or a
    # shift pattern ("runs 3 shifts from week 7 to week 12"); a time or a decimal is no stop
    r"(?<!\d )(?<!hour )(?<!two )(?<!three )(?<!four )\b(?:moves|goes|shifts)\s+from\b"
    r"(?!\s+(?:time|day|month|week|year|case|site|shift|lot|order)\s+to\b)"
    r"(?!\s+(?:under|over|about|around|below|above|near|nearly|approx)\b)"
    r"(?:[^.;:]|(?<=\d)[.:](?=\d)){1,40}?\bto\b"
    r"(?!\s+(?:head|lead|join|become|take|work|run|manage|support)\b)",
    # "in week 14, not week 12", "DAP Kassel, not FCA Tamworth as printed in the PO";
    # not "in a closed vehicle, not with pesticides" or "on every CoA, not only D90"
    r", not(?! (?:to )?exceed| later| less| more| fewer| earlier| only| just| merely| even)"
    r"(?= (?:[^\s,.;]+ ){0,2}[^\s,.;]*\d"
    r"| [^.;]{0,60}\bas (?:printed|stated|written|shown|given|quoted|ordered|agreed|offered)\b)",
)
_CHANGE_RULE = re.compile("|".join(f"(?:{pattern})" for pattern in _CHANGE_PATTERNS))
# A word every change cue holds (", not" aside): the rule runs only on the few statements
# with one. A set of words, not a regex: a regex gate over every statement cost
# annotating a tenth of its speed (``benchmarks/annotate_speed.py``).
_CHANGE_WORD_LIST = (
    "instead place longer more anymore replaces replaced supersedes superseded revised"
    " amended amend update: correct correction: changed changed: moved postponed brought"
    " increased reduced raised lowered decreased cut extended shortened now (was (previously"
    " change statt anstatt"
    " increases decreases reduces changes move moves goes shifts far (bisher"
    " anstelle stelle geändert ändert mehr ersetzt verschoben korrektur: änderung:"
    " cancel cancelled canceled disregard storniert stornieren deleted replacing pull pulled"
)
_CHANGE_WORDS = frozenset(
    word + end for word in _CHANGE_WORD_LIST.split() for end in ("", ".", ",")
)


def change_cues(text: str) -> tuple[str, ...]:
    """The words by which ``text`` states a change, lower-cased as written, in order.

    "please make it 600 units instead of 500" gives ("instead of",); a clause
    that only states a requirement gives ().
    """
    return _change_cues(text.lower())


def _change_cues(lowered: str) -> tuple[str, ...]:
    words = lowered.split()
    if _CHANGE_WORDS.isdisjoint(words) and ", not " not in lowered:
        return ()
    lowered = " ".join(words)
    found = [match.group().strip(" ,(") for match in _CHANGE_RULE.finditer(lowered)]
    return tuple(dict.fromkeys(cue for cue in found if cue))


# ---------------------------------------------------------------- obliged party

_STOPS = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "if",
        "when",
        "where",
        "whereas",
        "and",
        "or",
        "then",
        "unless",
        "provided",
        "as",
        "so",
        "because",
        "while",
        "until",
        "after",
        "before",
        "whether",
        "than",
        "but",
        "nor",
        "neither",
        "upon",
    ]
)
_SKIPPABLE = frozenset(
    [
        "also",
        "further",
        "hereby",
        "therefore",
        "then",
        "only",
        "not",
        "always",
        "thereafter",
        "thus",
    ]
)
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "such", "said"])
_COMPANY_SUFFIXES = frozenset(
    [
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "llc",
        "llc.",
        "gmbh",
        "ag",
        "sa",
        "plc",
        "corp",
        "corp.",
        "co.",
        "s.a.",
        "b.v.",
        "bv",
    ]
)
_PARTICIPLE_EXCEPTIONS = frozenset(
    ["liable", "responsible", "able", "entitled", "obliged", "obligated", "required"]
)
_IRREGULAR_PARTICIPLES = frozenset(
    [
        "made",
        "paid",
        "sent",
        "kept",
        "held",
        "built",
        "sold",
        "given",
        "shown",
        "done",
        "taken",
        "written",
        "borne",
        "brought",
        "put",
        "set",
        "met",
        "cut",
        "sent",
        "supplied",
        "provided",
    ]
)


def _is_party_head(words: Words, index: int) -> bool:
    lower = words.lower[index]
    if lower in word_list("party_nouns") or lower in _COMPANY_SUFFIXES:
        return True
    text = words.tokens[index].text
    return len(text) >= 2 and text.isalpha() and text.isupper() and lower not in _LAW_ACRONYMS_LOWER


def _is_passive(words: Words, cue_end: int) -> bool:
    lower = words.lower
    index = cue_end
    while index < len(lower) and lower[index] in _SKIPPABLE:
        index += 1
    if index + 1 >= len(lower) or lower[index] not in ("be", "been"):
        return False
    word = lower[index + 1]
    if word in _PARTICIPLE_EXCEPTIONS:
        return False
    return word.endswith(("ed", "en")) or word in _IRREGULAR_PARTICIPLES


_SUBJECT_PRONOUNS = frozenset({"we", "i", "you", "they"})


def _subject_before(words: Words, index: int) -> tuple[int, int] | None:
    """Tokens [start, end) of the noun phrase right before ``index``.

    Adverbs and a ", ... ," aside are skipped.
    """
    lower, tokens = words.lower, words.tokens
    j = index - 1
    while j >= 0 and (lower[j] in _SKIPPABLE or lower[j].endswith("ly")):
        j -= 1
    if j >= 0 and tokens[j].text == ",":
        for k in range(j - 1, max(j - 15, -1), -1):
            if tokens[k].text == ",":
                j = k - 1
                break
    end = j + 1
    if j >= 0 and lower[j] in _SUBJECT_PRONOUNS:
        return (j, end)  # "after talking with our team we need": the party is "we"
    k = j
    while k >= 0 and end - k <= 6:
        token = tokens[k]
        if (token.punct and token.text not in ("'s", "’s", "-", "&")) or lower[k] in _STOPS:
            break
        k -= 1
    if k >= 1 and lower[k] in ("and", "or") and _is_party_head(words, k - 1):
        k -= 2
        while k >= 0 and not tokens[k].punct and lower[k] not in _STOPS and index - k <= 9:
            k -= 1
    start = k + 1
    return (start, end) if end > start else None


def _obliged_party(words: Words, cues: list[_Cue]) -> str:
    """The subject of the first obligation cue, where it names a party."""
    lower = words.lower
    for start, end, _ in cues:
        if words.span_text(start, end - 1).lower() == "may":
            continue
        before = lower[start - 1] if start > 0 else ""
        if before in _INVERSION_BEFORE:
            for index in range(end, min(end + 3, len(lower))):
                if _is_party_head(words, index):
                    return _party_text(words, end, index + 1)
            return ""
        if _is_passive(words, end):
            return ""
        subject = _subject_before(words, start)
        if subject is not None and _is_party_head(words, subject[1] - 1):
            return _party_text(words, *subject)
        return ""
    return ""


def _party_text(words: Words, start: int, end: int) -> str:
    # a phrase before the party's article names no party: "For late delivery the Supplier"
    # and "On termination the Supplier" are the Supplier (a chemicals walk)
    for index in range(end - 1, start, -1):
        if words.lower[index] in _DETERMINERS:
            if not any(_is_party_head(words, before) for before in range(start, index)):
                start = index
            break
    while start < end and words.lower[start] in _DETERMINERS:
        start += 1
    return words.span_text(start, end - 1) if start < end else ""


# ---------------------------------------------------------------- laws and standards

_LAW_ACRONYMS = [
    "REACH",
    "RoHS",
    "GDPR",
    "FCPA",
    "OSHA",
    "EAR",
    "ITAR",
    "WEEE",
    "TSCA",
    "HIPAA",
    "CLP",
    "CCPA",
    "CPSIA",
    "FSMA",
    "FIFRA",
    "RCRA",
    "CERCLA",
    "EPCRA",
    "FISMA",
    "FLSA",
    "ERISA",
    "SOX",
    "UKCA",
    "MDR",
    "IVDR",
    "GHS",
    "EPA",
    "FDA",
]
_LAW_ACRONYM_SET = frozenset(_LAW_ACRONYMS)
_LAW_ACRONYMS_LOWER = frozenset(a.lower() for a in _LAW_ACRONYMS) | {"far", "dfars", "iso", "astm"}
_GENERIC_FIRST_WORDS = frozenset(
    [
        "The",
        "This",
        "That",
        "Such",
        "Any",
        "Each",
        "Said",
        "All",
        "Applicable",
        "Relevant",
        "Other",
        "These",
        "Those",
        "Such",
    ]
)


# a word of a law's name: a capitalised word, or a title in brackets "(Construction)"
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|\((?![A-Z]+\))[A-Z][\w'’ -]{0,60}\))"
_LAW_PATTERNS = [
    # "22 CFR Parts 120-130": a range of parts, cited whole (an aerospace walk had "... 120")
    # "21 CFR Parts 210 and 211" too (a pharmaceutical walk had "... 210")
    # US federal documents write "part" in lower case, with its subpart ("40 CFR part 82,
    # subpart G"), and cite a whole chapter ("31 CFR Chapter V", "48 CFR Chapter 1"): a
    # federal walk's solicitation and real work statements cited nothing for them
    r"\b\d{1,2}\s*C\.?\s?F\.?\s?R\.?\s*(?:[Pp]arts\s*\d+"
    r"(?:\s*[-–]\s*\d+|\s+(?:through|to)\s+\d+|(?:\s*,\s*|,?\s+and\s+)\d+(?!\.?\d|\s*C\.?\s?F))*"
    r"|[Cc]hapter\s*(?:[IVXL]+|\d{1,3})\b"
    # "41 CFR 60-300.5(a)": a section of a part numbered with a hyphen (an EDGAR-style walk)
    r"|(?:[Pp]art\s*|§+\s*|Sec(?:tion|\.)?\s*)?\d+(?:\.\d+)*(?:-\d+(?:\.\d+)*)?(?:\([a-z0-9]+\))*"
    r"(?:,?\s+[Ss]ubpart\s+[A-Z]{1,2}\b)?)",
    # "41 U.S.C. chapter 67": a chapter of the US Code, as the labour clauses cite it
    r"\b\d{1,2}\s*U\.?\s?S\.?\s?C\.?\s*(?:[Cc]hapter\s+\d+\b|(?:§+\s*)?\d+[a-z0-9]*"
    r"(?:-\d+[a-z0-9]*)?(?:\([a-z0-9]+\))*)",
    # "Reg. (EC) 2073/2005" abbreviated too (a food walk's micro limits lost "Reg.")
    r"(?:\b(?:Commission\s+|Council\s+|Delegated\s+|Implementing\s+){0,3}"
    r"(?:Regulation|Reg\.|Directive|Dir\.|Decision)\s*)?"
    r"\((?:EC|EU|EEC|Euratom)\)\s*(?:No\.?\s*)?\d{2,4}/\d{1,4}(?:/(?:EC|EU|EEC))?",
    r"\b(?:Directive\s+)?\d{2,4}/\d{1,4}/(?:EC|EU|EEC)\b",
    # "FAR 52.222-26", "FAR part 15", "FAR Subpart 9.5", "FAR Clause 52.245-1" in either case
    r"\b(?:FAR|DFARS|DFAR)\s+(?:(?:[Cc]lause|[Pp]art|[Ss]ubpart|[Ss]ection)\s+\d{1,3}"
    r"(?:\.\d{1,4}(?:-\d{1,4})?)?|\d{1,3}\.\d{1,4}(?:-\d{1,4})?)(?:\([a-z0-9]+\))*",
    r"\b(?:California\s+)?Prop(?:osition|\.)?\s*65\b",
    r"\bDodd[-‐–]Frank(?:\s+Wall\s+Street\s+Reform\s+and\s+Consumer\s+Protection)?(?:\s+Act)?"
    r"(?:,?\s+Section\s+1502)?",
    # "Safety, Health and Welfare at Work Act 2005", "Criminal Justice (Corruption
    # Offences) Act 2018": capitalised words, a comma or a small word between them, and
    # a title in brackets (an energy and a pharmaceutical walk had "Work Act 2005" and none)
    # ("Health and Safety at Work etc. Act 1974" with its "etc."; not across another
    # instrument's name: "the UK General Data Protection Regulation and
    # the Data Protection Act 2018" is two, a logistics walk's cited the Act alone)
    rf"(?<![\w.’'-])(?:(?!(?:Act|Regulations?|Directive)\b){_NAME_WORD}"
    rf"(?:,?\s+(?:(?:of|and|for|on|the|in|to|at|&)\s+)*)){{0,7}}"
    rf"(?!Act\b){_NAME_WORD}(?:\s+etc\.)?\s+Act\b(?!\s+of\s+God)(?:\s+of\s+\d{{4}}|,?\s+\d{{4}})?",
    # "Carriage of Dangerous Goods and Use of Transportable Pressure Equipment Regulations
    # 2009": up to nine words (a logistics walk's lost its first two)
    # "Building Regulations etc. (Amendment) (England) Regulations 2023" with its "etc."
    rf"(?<![\w.’'-])(?:(?!Act\b){_NAME_WORD}(?:,?\s+(?:(?:in|of|and|on|for|at|to|etc\.)\s+)*)){{1,9}}"
    rf"{_NAME_WORD}\s+(?:Code\s+of\s+(?:Federal\s+)?Regulations|Regulations|Regulation|Code)\b"
    r"(?:\s+\d{4}\b)?",
    r"\b(?:" + "|".join(_LAW_ACRONYMS) + r"|FD&C\s+Act)\b",
    r"\b(?:SEC\s+)?Rule\s+\d{1,2}[a-z]{1,2}-\d{1,3}\b",  # "SEC Rule 13p-1", "Rule 10b-5"
    # the EU's rules for medicines makers: "EudraLex Volume 4", "EU GMP Annex 1 and Annex 11",
    # "Guidelines on Good Distribution Practice ... (2013/C 343/01)", "cGMP"
    r"\bEudraLex(?:,?\s+(?:Volume|Vol\.)\s*\d+)?"
    r"|\b(?:EU\s+)?GMP\s+Annex\s+\d{1,2}(?:(?:\s*,\s*|\s+and\s+)Annex\s+\d{1,2})*"
    r"|\bGuidelines?\s+(?:on|for)\s+Good\s+(?:Distribution|Manufacturing)\s+Practices?"
    # "Annex 1 of EudraLex Volume 4", and a one-word title with its year ("the Construction
    # Regulations 2013": an energy walk's site rule cited nothing)
    r"|\bAnnex\s+\d{1,2}\s+(?:of|to)\s+EudraLex(?:,?\s+(?:Volume|Vol\.)\s*\d+)?"
    r"|(?<![\w.’'-])(?!(?:The|This|These|Those|Such|Said|Any|All|Each|Other|Applicable"
    r"|Relevant|Such)\b)[A-Z][a-z]+\s+Regulations\s+(?:19|20)\d\d\b"
    r"|\b\d{4}/C\s?\d{1,3}/\d{2}\b|\bcGMPs?\b",
    # the treaties on carrying dangerous goods by road, rail and inland waterway, and the
    # sea code SOLAS makes binding: "in accordance with the ADR and the RID", "ADR 2025",
    # "the IMDG Code" (a chemicals walk's transport clauses cited nothing); kept only
    # where the statement is about dangerous goods (``_DANGEROUS_GOODS``): "ADR" is also
    # alternative dispute resolution
    r"\b(?:ADR|RID|ADN)(?:\s+20\d\d)?\b|\bIMDG(?:\s+Code)?\b",
    # the UK's site-safety regulations by their usual short names ("the CDM Regulations",
    # "COSHH", "LOLER 1998") and an Approved Code of Practice, which has legal standing
    # ("HSE Approved Code of Practice L143", "ACOP L8"): a construction walk cited none
    r"\b(?:CDM|COSHH|LOLER|PUWER|RIDDOR|DSEAR)(?:\s+Regulations)?(?:\s+(?:19|20)\d\d)?\b"
    r"|\b(?:HSE\s+)?(?:Approved\s+Code\s+of\s+Practice|ACOP)(?:\s*\(?L\d{1,3}\)?)?",
    # a law by the name it is known by: "Natasha's Law", the UK's Food Information
    # (Amendment) (England) Regulations 2019 on allergen labelling (a food walk's letter)
    r"\bNatasha['’]s\s+Law\b"
    # the end-of-life vehicles directive by its short name, where it is the directive:
    # "ELV (Directive 2000/53/EC)", "the ELV Directive" (an automotive walk's quality manual
    # cited only the number); not "ELV" as extra-low voltage
    r"|\bELV(?=\s+Directive\b|\s*\((?:Directive\s+)?2000/53/EC\))",
    # the rest of a US federal contract's authorities: a FAR or DFARS clause by its number
    # alone ("52.204-21 Basic Safeguarding ...", "the clause at 252.204-7012"), the FAR
    # by name ("the FAR"), an executive order ("Executive Order 11246", "E.O. 13658"), a
    # public law ("Pub. L. 115-91"), a presidential directive ("HSPD-12"), an OMB
    # circular ("OMB Circular A-130") and the accessibility law by its section ("Section
    # 508"); a federal walk's solicitation and real work statements cited none of them
    rf"(?<![\w.-]){FAR_CLAUSE_NUMBER}"
    r"|\b(?:Executive\s+Order|E\.\s?O\.)\s+(?:No\.\s*)?\d{4,5}\b"
    r"|\b(?:Public\s+Law|Pub\.\s?L\.|P\.\s?L\.)\s+(?:No\.\s*)?\d{2,3}-\d{1,3}\b"
    r"|\bHSPD[-\s]?\d{1,2}\b|\bOMB\s+Circular\s+(?:No\.\s*)?A-\d{1,3}\b|\bSection\s+508\b"
    # the Defense Department's binding issuances ("DoD Instruction 5200.48", "DoDM 5200.02")
    r"|\bDoD\s+(?:Instruction|Directive|Manual)\s+\d{4}\.\d{2}\b|\bDoD[IDM]\s+\d{4}\.\d{2}\b"
    # a US state's statutes ("Minnesota Statutes §116.943", "Minn. Stat. 116.943"): an
    # EDGAR-style walk's counsel letter cited none
    r"|\b(?!(?:The|This|These|See|Per|Under|And|Or|In|Of)\b)[A-Z][a-z]+\.?\s+Stat(?:utes|\.)\s+"
    r"(?:Ann\.\s+)?(?:§+\s*)?\d+[A-Z]?(?:\.\d+[a-z]?)+",
    # authorities named without a number: "the FAR", "the Service Contract Labor
    # Standards", the UN sales convention (an EDGAR-style walk's agreement cited it as none)
    r"(?<=\bthe\s)(?:FAR|DFARS)\b(?!\s+(?:[A-Z][a-z]|[a-z]+\s+\d|\d))"
    r"|\bService\s+Contract\s+Labor\s+Standards\b"
    r"|\b(?:United\s+Nations\s+)?Convention\s+on\s+Contracts\s+for\s+the\s+International"
    r"\s+Sale\s+of\s+Goods\b|\bCISG\b",
]
# what makes "ADR" the dangerous-goods treaty, not a way to settle disputes
_DANGEROUS_GOODS = re.compile(
    r"dangerous\s+goods|hazardous\s+(?:goods|materials?|substances?)|\bUN\s?(?:number|no\b|\d{4})"
    r"|gefahrgut|\bRID\b|\b(?:ADR|RID)\s+20\d\d|\b(?:chapter|section|part)\s+[\d.]+\s+of\s+ADR\b"
    r"|\bADR\b.{0,40}\b(?:class|chapter|training"
    r"|certificate|tank|vehicle|driver|label)|\bcarriage\s+(?:of|by)\s+(?:road|rail)"
    r"|\bIMDG\b|\bADR\s+special\s+provisions?\b",
    re.I,
)
_DANGEROUS_GOODS_RULES = re.compile(r"^(?:ADR|RID|ADN)(?: 20\d\d)?$")
_CHAINABLE = "ISO|IEC|EN|DIN|BS|NF|ANSI|CSA|UL|ASME|ESD|AAMI|ISA|TIA|EIA|SAE|ASQ"
_ORGS = (
    "ISO|IEC|EN|DIN|BS|JIS|ANSI|ASME|API|NFPA|UL|IEEE|CSA|NF|VDA|VDE|IATF|AWS|TIA|EIA|ESD|AAMI|SAE|"
    "NEMA|CISPR|ETSI|NAS|ISA|TAPA|ASQ"
)
_STANDARD_PATTERNS = [
    r"\bUL\s?94\s+(?:V-?[012]|5VA|5VB|HB)\b",
    r"\b(?:DIN\s+|BS\s+)?EN\s+10204(?::\d{4})?(?:\s+(?:type\s+)?[23]\.[12]\b)?",
    # "ASME Boiler and Pressure Vessel Code, Section VIII": a standard the customer invokes,
    # not a law (a browser-printed PO's had been read as one)
    r"\bASME\s+(?:BPVC\s+|Boiler\s+and\s+Pressure\s+Vessel\s+Code,?\s+)?Section\s+[IVX]+"
    r"(?:,?\s+Div(?:ision|\.)?\s*\d)?|\bASME\s+Boiler\s+and\s+Pressure\s+Vessel\s+Code\b",
    r"\bASTM\s+(?:International\s+)?[A-G]\s?\d{1,5}(?:\.\d+)?(?:/[A-G]?\d{1,5}M?|M)?(?:[-–]\d{2}[a-z]?)?"
    r"(?:\s+(?:[Ll]evel|Class|Grade|Type)\s+[\w.]+)?",
    r"\b(?:IPC[-\s]?)?J-STD-\d{3}[A-Z]?(?:\s+Class\s+[123])?",
    # "IPC-7711/7721": a pair of standards published as one
    r"\bIPC[-\s]?(?:[A-Z]{1,2}[-\s]?)?\d{3,4}[A-Z]?(?:/\d{4}[A-Z]?)?(?:\s+Class\s+[123])?",
    r"\bMIL[-\s](?:STD|PRF|DTL|SPEC|HDBK|C|I|S|A)[-\s]?\d+[A-Z]?(?:/\d+)?",
    # SAE aerospace standards: "AS9100D", "SAE AS5553", "AS6174" (after "SAE AS5553 and")
    r"\bSAE\s+AS\s?\d{4}[A-D]?\b|\bAS(?:\s?9\d{3}|\d{4})[A-D]?\b",
    r"\b(?:SAE\s+)?AMS\s?\d{4}[A-Z]?\b",
    r"\b(?:RTCA\s+)?DO-\d{3}[A-Z]?\b",
    r"\bICH\s+[EQSM]\d{1,2}[A-F]?(?:\(R\d\))?",  # "ICH Q1A(R2)"
    # "ISO 2768-mK": the general tolerances with their class, which a revision changes
    r"\bISO\s+2768(?:-[12])?[-\s]?[fmcv][HKL]?\b",
    rf"\b(?:(?:{_CHAINABLE})(?:\s*/\s*|\s+))*(?:{_ORGS})(?:/(?:TS|TR|PAS|IEC))?\s*(?:[A-Z]{{1,4}}\s?)?"
    r"\d[\w.]*(?:[-–]\d[\w.]*)*(?::\d{4}(?:\+A\d+:\d{4})?)?",
    # building services in the UK (a construction walk's specification cited none of them):
    # "HTM 03-01", "CIBSE Commissioning Code M", "BSRIA BG 8/2009", "DW/144", "HSG274",
    # and BS 7671 by its other name, "IET Wiring Regulations" (a standard, not a law)
    r"\bHTM\s?\d{2}-\d{2}(?:\s+Part\s+[A-Z]\b)?"
    r"|\bCIBSE\s+(?:Commissioning\s+Codes?(?:\s+[A-Z]{1,2}\b)?|Guide\s+[A-Z]\d?\b|TM\s?\d{1,3}\b)"
    r"|\bBSRIA\s+(?:BG|BTS|TN)\s?\d{1,3}(?:/\d{4})?"
    r"|\b(?:BESA\s+|HVCA\s+)?DW/?\d{3}\b|\bHSG\s?\d{2,3}\b"
    r"|\b(?:IET|IEE)\s+Wiring\s+Regulations\b"
    # valves and NDE (a browser-printed valve specification's were missed): "NORSOK M-710",
    # "MSS SP-25", "ASNT SNT-TC-1A"
    r"|\bNORSOK\s+[A-Z]-\d{3}\b|\bMSS\s+SP-\d{1,3}\b|\bASNT\s+(?:SNT-TC-1A|CP-1\d\d)\b",
    # automotive quality: "AIAG PPAP 4th edition", "CQI-9"; and the ICC's "Incoterms 2020"
    r"\bAIAG\s+(?:PPAP|APQP|FMEA|MSA|SPC|Core\s+Tools)(?:\s+\d(?:st|nd|rd|th)\s+[Ee]dition)?"
    r"|\bPPAP\s+\d(?:st|nd|rd|th)\s+[Ee]dition|\b(?:AIAG\s+)?CQI-\d{1,2}\b"
    r"|\bIncoterms\s*®?\s*(?:19|20)\d\d\b",
    # food safety schemes and codes a retailer asks for (a food walk cited none of them):
    # "BRCGS Food Safety Issue 9", "IFS Food version 8", "FSSC 22000", "SQF Code",
    # "Codex CXC 1-1969", "GS1-128" barcodes, a "SMETA 4-Pillar" ethical audit
    r"\bBRC(?:GS)?\s+(?:Global\s+Standard\s+(?:for\s+)?)?(?:Food\s+Safety|Storage\s+and"
    r"\s+Distribution|Packaging(?:\s+Materials)?|Agents\s+and\s+Brokers)(?:,?\s+Issue\s+\d{1,2})?"
    r"|\bIFS\s+(?:Food|Logistics|PACsecure|Broker)(?:\s+(?:[Vv]ersion|v\.?)\s?\d(?:\.\d)?)?"
    r"|\bFSSC\s?22000(?:\s+(?:[Vv]ersion|v\.?)\s?\d(?:\.\d)?)?"
    r"|\bSQF\s+(?:Food\s+Safety\s+)?Code(?:,?\s+Edition\s+\d)?"
    r"|\bCodex\s+(?:Alimentarius\s+)?(?:CXC|CXS|CAC/RCP)\s?\d{1,3}-\d{4}"
    r"|\bGS1(?:-128|\s+DataMatrix|\s+General\s+Specifications)"
    r"|\bSMETA(?:\s+\d[- ][Pp]illar)?\b",
    # US federal information security: "NIST SP 800-171 Rev. 2", "NIST Special Publication
    # 800-53", "FIPS 140-2", "FIPS PUB 199" (a federal walk's work statement cited none)
    r"\bNIST\s+(?:SP|Special\s+Publication)\s*\d{3}-\d{1,3}[A-Z]?(?:,?\s+Rev(?:ision|\.)?\s*\d)?"
    r"|\bFIPS\s+(?:PUB\s+|Publication\s+)?\d{2,3}(?:-\d)?\b"
    # facilities and IT service standards a federal walk's work statement invoked: "ASHRAE
    # 180-2018", "ASHRAE Standard 62.1", "ITIL 4", "ASME QEI-1", "UFC 3-601-02"
    r"|\bASHRAE\s+(?:Standard\s+|Guideline\s+)?\d{1,3}(?:\.\d)?(?:-\d{4})?\b"
    # medical-device materials and packaging: "USP Class VI", "USP <788>", "ISPM 15"
    r"|\bUSP\s+<\d{2,4}>|\bISPM\s?15\b"
    r"|\bITIL\s?(?:4|v[34]|20\d\d)\b|\bASME\s+[A-Z]{2,4}-\d{1,3}(?:-\d{4})?\b|\bUFC\s+\d-\d{3}-\d{2}\b"
    # pump testing: "Hydraulic Institute standard 14.6", "ANSI/HI 14.6-2016", "HI 9.6.7" (a
    # browser-printed RFQ's pump test cited nothing); not an alarm's "HI 2.5 bar"
    r"|\b(?:Hydraulic\s+Institute\s+(?:[Ss]tandard\s+)?(?:ANSI/HI\s+)?|(?:ANSI/)?HI\s+)"
    r"\d{1,2}(?:\.\d{1,2}){1,2}(?:-\d{4})?\b(?!\s?(?:bar|psi|[kM]Pa|°|%|mm\b|m\b|V\b|A\b))"
    # lithium batteries' transport tests and a cloud security baseline (an IT services and
    # logistics walk cited neither): "UN 38.3", "CIS Microsoft Azure Foundations Benchmark
    # v2.0"
    r"|\bUN\s?38\.3\b|\bCIS\s+(?:[A-Z][\w.-]*\s+){1,6}Benchmarks?(?:\s+v?\d+(?:\.\d+)*)?",
    r"\bUSP\s+Class\s+[IVX]{1,3}\b",  # "USP Class VI": plastics for medical use
]


@dataclass(frozen=True, slots=True)
class _Rule:
    """A pattern and the cheap test that must pass before it runs.

    Python's regex engine tries every position of the text; skipping a pattern
    when its digit or keyword is absent is what keeps annotation fast. The
    keywords (``needles``) are searched as one compiled trie: a single scan in
    C instead of one ``in`` test per keyword.
    """

    pattern: re.Pattern[str]
    needles: re.Pattern[str] | None  # one must occur in the text (in lower case if ``lower``)
    digit: bool  # the text must hold a digit
    folded: re.Pattern[str] | None  # case-insensitive rules: the pattern for lower-case text


_UPPER_CASE_SYNTAX = re.compile(r"\\[A-Z]|\[[^\]]*[A-Z]")


@cache
def _gate(needles: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled pattern per set of needles, shared by the rules that have the same."""
    return re.compile(_trie_pattern(needles))


def _rule(pattern: str, *needles: str, digit: bool = False, lower: bool = False) -> _Rule:
    """A rule; ``lower`` makes it case-insensitive (its needles are then lower case).

    Such a pattern also runs, lower-cased and without ``re.I``, over the
    lower-cased text: ``re.I`` compares every character case-folded and skips
    the fast first-character checks, which made it three times slower.
    """
    gate = _gate(needles) if needles else None
    folded = None
    if lower:
        if _UPPER_CASE_SYNTAX.search(pattern):
            raise ValueError(f"case-insensitive pattern with upper-case syntax: {pattern}")
        folded = re.compile(pattern.lower())
    return _Rule(re.compile(pattern, re.I if lower else 0), gate, digit, folded)


# The US federal and state citations and the standards added with them share the gates of
# the FAR's numbered clauses (those with a number) and of the law acronyms (those named
# without one): each gate is one more scan of every statement, and gates of their own
# had cost annotation 3-7 % of its speed (``benchmarks/annotate_speed.py``)
_US_NUMBERED_NEEDLES = (
    *("52.2", "Executive", "E.O", "E. O", "Public Law", "Pub.", "P.L", "P. L", "HSPD", "OMB"),
    *("Section 508", "DoD", "Stat.", "Statutes", "NIST", "FIPS", "ASHRAE", "ITIL", "ASME"),
    *("UFC", "USP", "ISPM", "HI ", "Hydraulic Institute", "UN 38", "UN38", "CIS "),
)
_US_NAMED_NEEDLES = (
    "the FAR",
    "the DFARS",
    "Service Contract Labor",
    "Sale of Goods",
    "CISG",
    "USP Class",
)
_L = _LAW_PATTERNS
_LAWS = [
    _rule(_L[0], "CFR", "C.F", "C. F", digit=True),
    _rule(_L[1], "USC", "U.S.C", "U. S. C", digit=True),
    _rule(_L[2], "(E", digit=True),
    _rule(_L[3], "/E", digit=True),
    _rule(_L[4], "FAR", *_US_NUMBERED_NEEDLES, digit=True),
    _rule(_L[5], "65"),
    _rule(_L[6], "Frank"),
    _rule(_L[7], "Act"),
    _rule(_L[8], "Regulation", "Code"),
    _rule(_L[9], *_LAW_ACRONYMS, "FD&C", *_US_NAMED_NEEDLES),
    _rule(_L[10], "Rule", digit=True),
    _rule(_L[11], "EudraLex", "GMP", "Good", "/C", "Regulations"),
    _rule(_L[12], "ADR", "RID", "ADN", "IMDG"),
    _rule(_L[13], "CDM", "COSHH", "LOLER", "PUWER", "RIDDOR", "DSEAR", "Approved Code", "ACOP"),
    _rule(_L[14], "Natasha", "ELV"),
    _rule(_L[15], "FAR", *_US_NUMBERED_NEEDLES, digit=True),
    _rule(_L[16], *_LAW_ACRONYMS, "FD&C", *_US_NAMED_NEEDLES),
]
_S = _STANDARD_PATTERNS
_STANDARDS = [
    _rule(_S[0], "UL"),
    _rule(_S[1], "10204"),
    _rule(_S[2], "ASME"),
    _rule(_S[3], "ASTM", digit=True),
    _rule(_S[4], "STD-", digit=True),
    _rule(_S[5], "IPC", digit=True),
    _rule(_S[6], "MIL", digit=True),
    _rule(_S[7], "AS", digit=True),
    _rule(_S[8], "AMS", digit=True),
    _rule(_S[9], "DO-", digit=True),
    _rule(_S[10], "ICH", digit=True),
    _rule(_S[11], "2768"),
    _rule(_S[12], *_ORGS.split("|"), digit=True),
    _rule(
        _S[13], "HTM", "CIBSE", "BSRIA", "DW/", "DW1", "HSG", "Wiring Reg", "NORSOK", "MSS", "ASNT"
    ),
    _rule(_S[14], "AIAG", "PPAP", "CQI", "Incoterms"),
    _rule(_S[15], "BRC", "IFS", "FSSC", "SQF", "Codex", "GS1", "SMETA"),
    _rule(_S[16], "FAR", *_US_NUMBERED_NEEDLES, digit=True),
    _rule(_S[17], *_LAW_ACRONYMS, "FD&C", *_US_NAMED_NEEDLES),
]
_DIGIT = re.compile(r"\d")


def _normalise_citation(text: str) -> str:
    # a footnote's raised mark is no part of the name: "ISO 10497¹" (a browser-printed spec)
    text = re.sub(r"\s+", " ", text).strip().rstrip(".,;:⁰¹²³⁴⁵⁶⁷⁸⁹")
    text = re.sub(r"C\.\s?F\.\s?R\.?", "CFR", text)
    text = re.sub(r"(?<=\d )USC\b", "U.S.C.", text)
    return text


# an authority named for what it regulates: "Virginia Department of Professional and
# Occupational Regulation" (a federal walk), no law; "... Hazardous Materials Regulations" is
_AGENCY_NAMED_REGULATION = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+)*(?:Department|Office|Bureau|Agency|Board|Division|Ministry)\s+of"
    r"(?:\s+(?:[A-Z][\w'’-]*|and|&))*\s+Regulation"
)


# "EN 1.4462": a steel's material number (EN 10027-2), named like a standard but none
_MATERIAL_NUMBER = re.compile(r"EN 1\.\d{4}")


# "the UK GDPR and the Data Protection Act 2018": the Act's name, read leftwards, took the
# regulation's acronym with it and the GDPR was cited nowhere (a browser-printed agreement)
_ACRONYM_BEFORE_AND = re.compile(r"(?:the\s+)?(?:UK\s+|EU\s+)?([A-Z]{3,6})\s+(?:and|&)\s+")


def _with_acronyms_named_first(
    text: str, laws: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The laws, plus an instrument's acronym that a following Act's name swallowed."""
    found = list(laws)
    for start, _, _ in laws:
        match = _ACRONYM_BEFORE_AND.match(text, start)
        if match is not None and match[1] in _LAW_ACRONYM_SET:
            found.append((match.start(1), match.end(1), match[1]))
    return sorted(found) if len(found) > len(laws) else laws


def _standard_name(text: str) -> str:
    """The standard's name, or "" for a material number written like one."""
    return "" if _MATERIAL_NUMBER.fullmatch(text) else text


def _law_name(text: str) -> str:
    """Drop a generic first word ("The Clean Air Act" -> "Clean Air Act")."""
    if _AGENCY_NAMED_REGULATION.fullmatch(text):
        return ""
    words = text.split()
    if text.endswith("International Sale of Goods"):  # "the" inside the convention's name
        return " ".join(words)
    if "the" in words[:-1]:  # "Obey the Clean Air Act": the name starts after "the"
        words = words[len(words) - 1 - words[::-1].index("the") + 1 :]
    while words and words[0] in _GENERIC_FIRST_WORDS:
        words = words[1:]
    if len(words) < 2 and words and words[-1] in ("Act", "Regulation", "Regulations", "Code"):
        return ""
    return " ".join(words)


_FOLDS_UNLIKE_LOWER = re.compile("[ıſ]")  # ``re.I`` matches them to "i" and "s"; lower() does not
_Span = tuple[int, int]


def _labelled(
    text: str, spans: list[_Span], clean: Callable[[str], str] | None = None
) -> list[tuple[int, int, str]]:
    """Spans as (start, end, normalised text), leftmost-longest, no overlaps."""
    if not spans:
        return []
    spans.sort(key=lambda span: (span[0], -span[1]))
    found: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end in spans:
        if start < last_end:
            continue
        label = _normalise_citation(text[start:end])
        if clean is not None:
            label = clean(label)
        if label:
            found.append((start, end, label))
            last_end = end
    return found


def _unique(found: Iterable[tuple[int, int, str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(label for _, _, label in found))


# ---------------------------------------------------------------- dates and quantities

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_NUMBER_WORDS = (
    r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fourteen|fifteen|eighteen|twenty(?:-\w+)?|thirty|forty(?:-\w+)?|fifty|sixty|ninety|"
    r"one hundred(?: and \w+)?)(?:\s*\(\d+\))?"
)
_DATE_PATTERNS = [
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+\d{{4}}\b",
    rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{4}\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    # without a year, as e-mail and minutes write them: "by 18 June", "on June 18th"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b",
    rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![.,]?\d)",
    r"\d(?<!\w\d)\d?[.-]\d{1,2}[.-]\d{4}\b",  # \b\d{1,2}..., starting with a class to be fast
    r"\bQ[1-4]\s?\d{4}\b",
    r"\b(?:(?:within|no later than|not later than|not less than|not more than|at least|up to)\s+)?"
    + _NUMBER_WORDS
    + r"\s+(?:(?:business|working|calendar|consecutive|banking)\s+)?"
    r"(?:days?|weeks?|months?|years?|hours?|hrs|minutes?|shifts?)\b",
    r"\b(?:(?:no later than|not later than|by|before|until|on|next|this)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?:next\s+)?(?:day|week|month|quarter|year)\b",
    r"\b(?:by\s+)?(?:tomorrow|today|tonight)\b",
]
_UNITS = sorted(
    [
        "km/h",
        "m/s",
        "mm/s",
        "kWh",
        "kVA",
        "MPa",
        "GPa",
        "kPa",
        "kN",
        "Nm",
        "N·m",
        "mbar",
        "bar",
        "psig",
        "psi",
        "°C",
        "°F",
        "µm",
        "μm",
        "um",
        "mm",
        "cm",
        "km",
        "m",
        "inches",
        "inch",
        "ft",
        "feet",
        "kg",
        "mg",
        "g",
        "tons",
        "tonnes",
        "ton",
        "lbs",
        "lb",
        "oz",
        "ml",
        "mL",
        "l",
        "L",
        "litres",
        "liters",
        "gal",
        "gallons",
        "kV",
        "mV",
        "V",
        "mA",
        "A",
        "kW",
        "MW",
        "W",
        "kHz",
        "MHz",
        "GHz",
        "Hz",
        "dBA",
        "dB",
        "lux",
        "rpm",
        "ppm",
        "ppb",
        "%",
        "HRC",
        "HB",
        "HV",
        "N",
        "pcs",
        "pieces",
        "units",
        "unit",
        "pallets",
        "pallet",
        "boxes",
        "cartons",
        "carton",
        "sets",
        "lots",
        "rolls",
        "reels",
        "drums",
        "drum",
        # intermediate bulk containers, as chemicals are ordered ("12 IBC instead of 8 IBC")
        "IBCs",
        "IBC",
        "totes",
        "bags",
        "vials",
        "kits",
        "containers",
        "cycles",
        "meters",
        "metres",
        "millimeters",
        "millimetres",
        "kilograms",
        "pounds",
        "m2",
        "m²",
        "m3",
        "m³",
        "sq",
        "ft",
    ],
    key=len,
    reverse=True,
)
_QUANTITY_PATTERNS = [
    r"(?:USD|EUR|GBP|CHF|JPY|CNY|RMB|CAD|AUD|INR|US\$|\$|€|£|¥)\s?\d{1,3}(?:[,.\s]\d{3})*(?:[.,]\d+)?"
    r"(?:\s?(?:million|billion|thousand)\b)?",
    r"\b\d{1,3}(?:[,.]\d{3})*(?:[.,]\d+)?\s?(?:USD|EUR|GBP|CHF|euros?|dollars?)\b",
    # A number with a unit, optionally signed ("± 0.05 mm", "-30 °C"): a sign not after a
    # word or "."; the number not inside a word. Written to start with one character
    # class, which lets ``re`` skip straight to signs and digits: the same matches as
    # (?:(?<![\w.])[±+\-–−]\s?)?\b\d+... at a quarter of the time.
    r"[±+\-–−\d](?:(?<=\d)(?<!\w\d)\d*|(?<=[±+\-–−])(?<![\w.].)\s?\d+)(?:[,.]\d+)*\s?(?:"
    + "|".join(re.escape(unit) for unit in _UNITS)
    + r")(?![\w/])",
]
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DURATION_WORDS = ("day", "week", "month", "year", "hour", "hrs", "minute", "shift")
_D = _DATE_PATTERNS
_DATES = [
    _rule(_D[0], *_MONTH_STEMS, digit=True),
    _rule(_D[1], *_MONTH_STEMS, digit=True),
    _rule(_D[2], *_MONTH_STEMS, digit=True),
    _rule(_D[3], "-", digit=True),
    _rule(_D[4], "/", digit=True),
    _rule(_D[5], *_MONTH_STEMS, digit=True),
    _rule(_D[6], *_MONTH_STEMS, digit=True),
    _rule(_D[7], digit=True),
    _rule(_D[8], "Q", digit=True),
    _rule(_D[9], *_DURATION_WORDS, lower=True),
    _rule(_D[10], "day", lower=True),
    _rule(_D[11], "end of", lower=True),
    _rule(_D[12], "today", "tomorrow", "tonight", lower=True),
]
_QUANTITIES = [
    _rule(_QUANTITY_PATTERNS[0], digit=True),
    _rule(_QUANTITY_PATTERNS[1], "USD", "EUR", "GBP", "CHF", "euro", "dollar", digit=True),
    _rule(_QUANTITY_PATTERNS[2], digit=True),
]


# Laws, standards, dates, quantities: the index of each family in ``_rule_spans``.
_FAMILIES = (_LAWS, _STANDARDS, _DATES, _QUANTITIES)


def _gate_groups() -> list[tuple[re.Pattern[str] | None, bool, bool, list[tuple[int, _Rule]]]]:
    """The rules grouped by their test (needles, lower case, digit), so each test runs once."""
    groups: dict[tuple[re.Pattern[str] | None, bool, bool], list[tuple[int, _Rule]]] = {}
    for family, rules in enumerate(_FAMILIES):
        for rule in rules:
            key = (rule.needles, rule.folded is not None, rule.digit)
            groups.setdefault(key, []).append((family, rule))
    return [(needles, lower, digit, members) for (needles, lower, digit), members in groups.items()]


_GATE_GROUPS = _gate_groups()


def _rule_spans(text: str, lowered: str) -> list[list[_Span]]:
    """Where each family's rules match, running only the rules whose test passes."""
    has_digit = _DIGIT.search(text) is not None
    # ``lowered`` matches as ``re.I`` would when it is as long and holds no "ı" or "ſ".
    foldable = len(lowered) == len(text) and not _FOLDS_UNLIKE_LOWER.search(text)
    spans: list[list[_Span]] = [[] for _ in _FAMILIES]
    for needles, lower, digit, members in _GATE_GROUPS:
        if digit and not has_digit:
            continue
        if needles is not None and needles.search(lowered if lower else text) is None:
            continue
        for family, rule in members:
            if rule.folded is not None and foldable:
                spans[family].extend(match.span() for match in rule.folded.finditer(lowered))
            else:
                spans[family].extend(match.span() for match in rule.pattern.finditer(text))
    return spans


# ---------------------------------------------------------------- the public functions


def _is_spaced_plainly(text: str) -> bool:
    """Single spaces between words, nothing else: the cue phrases are written so."""
    return " ".join(text.split()) == text


def _cue_text(written: str) -> str:
    """A cue as written, lower-cased, one space between words, "’" as "'"."""
    return " ".join(written.lower().split()).replace("’", "'")


def _annotations(text: str) -> Annotations:
    lowered = text.lower()
    law_spans, standard_spans, date_spans, quantity_spans = _rule_spans(text, lowered)
    laws = _labelled(text, law_spans, _law_name)
    if laws:
        laws = _with_acronyms_named_first(text, laws)
    if any(_DANGEROUS_GOODS_RULES.match(label) for _, _, label in laws) and not (
        _DANGEROUS_GOODS.search(text)
    ):
        laws = [law for law in laws if not _DANGEROUS_GOODS_RULES.match(law[2])]
    standards = _labelled(text, standard_spans, _standard_name)
    if laws and standards:  # "IET Wiring Regulations" is BS 7671's name, no law
        laws = [
            law
            for law in laws
            if not any(start <= law[0] and law[1] <= end for start, end, _ in standards)
        ]
    dates = _labelled(text, date_spans)
    quantities = _labelled(text, quantity_spans)
    if quantities and (laws or standards):
        cited = [(start, end) for start, end, _ in laws + standards]
        quantities = [
            found
            for found in quantities
            if not any(found[0] < end and start < found[1] for start, end in cited)
        ]
    cues: list[_Cue] = []
    cue_texts: tuple[str, ...] = ()
    party = ""
    if _CUE_GATE.search(lowered) or (
        not _is_spaced_plainly(text) and _CUE_GATE.search(" ".join(lowered.split()))
    ):
        words = words_of(text)
        cues = _deontic_cues(words)
        party = _obliged_party(words, cues)
        cue_texts = tuple(_cue_text(words.span_text(start, end - 1)) for start, end, _ in cues)
    return Annotations(
        cues=cue_texts,
        negated=any(negated for _, _, negated in cues),
        changes=_change_cues(lowered),
        party=party,
        laws=_unique(laws),
        standards=_unique(standards),
        dates=_unique(dates),
        quantities=_unique(quantities),
    )


def annotations_of(texts: Iterable[str]) -> list[Annotations]:
    """Annotations of each text, in order."""
    return [_annotations(text) for text in texts]


def annotate(statements: Sequence[Statement]) -> list[Statement]:
    """The statements with ``annotations`` filled in."""
    found = annotations_of(statement.text for statement in statements)
    return [
        dataclasses.replace(statement, annotations=annotations)
        for statement, annotations in zip(statements, found, strict=True)
    ]
