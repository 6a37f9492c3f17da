"""How many changed requirements the review queue marks as differing from an earlier document.

ISO 9001 8.2.3.1 e: requirements "differing from those previously expressed".
Two sets, each imported in date order into a fresh SQLite register through
the app's own upload path (``extractor.review.uploads.import_upload``):

* ``--thread DIR``: a six-week customer e-mail thread (30 mails, .eml and .msg,
  a user walk's material; its 10 changed requirements below, from the walk's
  EXPECTED.md). Not in the repository: pass the folder.
* our own pairs (always): four earlier/later document pairs of other
  industries (food ingredients, an IT service agreement, a construction
  subcontract, pharmaceutical packaging), written for this measurement: nine
  requirements changed in other words, ten only reworded, four unrelated
  statements sharing words with others; and (session 27) two sequences written
  after the session-26 walks: a supply agreement and its amendment (a clause
  amended by replacing words, Schedule A rows changed and one added, a resin
  index row dated anew) and a federal solicitation followed by its amendment,
  a mail and a contract data requirements list (paragraphs revised, CLIN hours
  changed, a deliverable's due date moved in a mail naming its row id, and the
  deliverables again in the list's own columns, which change nothing).

A candidate is **flagged** when its card says it differs: the same clause with
other numbers in an earlier document (``earlier_with_other_numbers``), a
reworded one with another value (``reworded_earlier``), or a change stated in
its own words (its change cue). A change counts as found when a statement of
its new value is flagged, and as found **with the right earlier entry** when
that flag points to a statement of the old value. Every other flag is false.
The other earlier entries a card names as holding the value replaced ("It
also replaces") are counted too: one that is no statement of the old value
is a wrong "also" (a reviewer ticking it withdraws a requirement unchanged).

    .venv/bin/python benchmarks/differs_accuracy.py --thread /tmp/walk-mail/mails
    .venv/bin/python benchmarks/differs_accuracy.py --tender /tmp/walk-tender/docs-src

Runs on older code too (``PYTHONPATH=<old checkout>``), where only the
other-numbers lookup exists, for the figures before.

Results (session 18, 28 November 2026): see README, "Review app".
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Change:
    name: str
    new: str  # a regex that finds a statement of the new value
    old: str  # ... and of the old one
    not_new: str = r"^$"  # statements the new pattern would find that are something else


THREAD_CHANGES = (
    Change("R1 500 -> 600 frames", r"\b600 (?:units|frames|pcs)|Quantity: 600", r"\b500\b"),
    Change(
        "R2 wk 12/18 -> wk 14/20",
        r"week 14|wk 14|350 frames are needed|week 20|wk 20",
        r"week 12|wk 12|week 18|wk 18",
    ),
    Change(
        "R4 HDG -> paint C5",
        r"blast cleaned|paint system|12944|galvanised frames any more",
        r"galvanis|ISO 1461",
    ),
    Change(
        "R9 weld level C -> B",
        r"level B",
        r"level C",
        not_new=r"lifting lug welds must meet level B",
    ),
    Change("R14 payment 60 -> 45 days", r"\b45 days", r"\b60 days|\b30 days"),
    Change("R15 FCA -> DAP", r"\bDAP\b", r"\bFCA\b"),
    Change("R24 drawing rev C -> D", r"\brev(?:ision)? D\b", r"\brev C\b"),
    Change("R25 10 -> 8 per pallet", r"\b8 (?:frames )?per pallet|max\.? 8\b", r"10 frames per"),
    Change("R27 warranty", r"commissioning", r"24 months from delivery"),
    Change(
        "R28 delivery address",
        r"Industriestra(?:ss|ß)e 12|logistics centre|Logistikzentrum",
        r"Werk 1|Am Hafen",
    ),
)

# Statements that announce a change whose content is elsewhere: flagged rightly, but not
# counted as finding the change (the revised specification, the packaging instruction
# inside a winmail.dat the reader skips).
THREAD_NOTICES = (r"it replaces rev A", r"updated packaging instruction")


def _lines(*statements: str) -> str:
    """A document's text, one statement a line."""
    return "\n".join(statements) + "\n"


# Our own pairs: (name, earlier text, later text, ...), imported in that order; each line
# one statement.
PAIRS: tuple[tuple[str, ...], ...] = (
    (
        "cocoa",
        """The cocoa powder shall have a fat content of 10 to 12 %.
Each pallet shall carry no more than 40 bags of 25 kg.
Moisture content of the powder must not exceed 5 %.
Deliveries are made FCA Antwerp (Incoterms 2020).
The supplier shall send a certificate of analysis with every lot.
Shelf life of the powder must be at least 24 months from production.
""",
        """For the new recipe we need cocoa powder with 20 to 22 % fat instead of the low-fat grade.
Please stack at most 40 bags of 25 kg on each pallet.
The powder's moisture must stay below 5 %.
Delivery terms are DAP Hamburg (Incoterms 2020).
A certificate of analysis has to accompany each lot.
The minimum shelf life is 18 months from the production date.
Labels on each bag shall show the lot number and the production date.
""",
    ),
    (
        "service desk",
        """The service desk shall be available from 08:00 to 18:00 CET on working days.
Priority 1 incidents shall be resolved within 4 hours.
The Provider shall keep backups for 30 days.
Monthly service reports shall be delivered by the 5th working day of the following month.
Priority 2 incidents shall be resolved within 8 hours.
""",
        """Service desk hours are extended: 07:00 to 20:00 CET, Monday to Friday.
Resolution time for priority 1 incidents: 2 hours.
Backups are kept for thirty days.
The monthly report is due on the 5th working day of the next month.
Priority 3 requests are handled in the order received.
""",
    ),
    (
        "concrete",
        """Concrete for the foundations shall be of strength class C30/37.
The exposure class of all external concrete shall be XC4.
Reinforcement shall be B500B steel to EN 10080.
Site works shall start on 4 May 2026.
The contractor shall provide 3 test cubes per 50 m³ poured.
""",
        """Foundation concrete: strength class C35/45 is required.
All external concrete must meet exposure class XC4.
Start of site works moved to 1 June 2026.
Reinforcing steel: B500B according to EN 10080.
Test cubes: 3 per 50 m³ of concrete poured.
The contractor shall provide 2 site toilets and a first-aid station.
""",
    ),
    (
        "blister",
        """Blister foil shall be 20 µm hard temper aluminium.
Each batch shall be released within 10 working days after receipt of the QC sample.
Retention samples shall be kept for 1 year after expiry.
Printed cartons shall follow artwork version 3.
Temperature during storage shall be kept between 15 and 25 °C.
""",
        """Please use artwork version 4 for the printed cartons from the next batch.
Storage temperature must stay within 15-25 °C.
Retained samples are to be kept for two years after expiry.
Batch release: within 10 working days of receiving the QC sample.
Each batch shall be shipped with a temperature logger.
""",
    ),
    (
        "moulded parts",
        _lines(
            "3.2 Buyer shall place each purchase order at least ten (10) weeks before the "
            "requested delivery date.",
            "9.2 If the index price of the resin named in Schedule A rises by more than five "
            "percent over the base price for two quarters running, Seller may add a surcharge"
            " on sixty (60) days' written notice.",
            "MX-4410: Mounting bracket, 40 mm, glass-filled nylon, black (MOQ: 4,000) (Lead "
            "Time: 10 weeks)",
            "MX-4412: Mounting bracket, 60 mm, glass-filled nylon, black (MOQ: 2,000) (Lead "
            "Time: 10 weeks)",
            "Resin index for Section 9.2: nylon 66 with glass fibre, European contract price,"
            " base price per kilogram as of the Effective Date.",
        ),
        _lines(
            'Section 3.2 of the Agreement is amended by replacing "ten (10) weeks" with "six '
            '(6) weeks", so that Buyer shall place each purchase order at least six (6) weeks'
            " before the requested delivery date.",
            "MX-4410: Mounting bracket, 40 mm, glass-filled nylon, black (MOQ: 2,000) (Lead "
            "Time: 6 weeks)",
            "MX-4412: Mounting bracket, 60 mm, glass-filled nylon, black (MOQ: 2,000) (Lead "
            "Time: 6 weeks)",
            "MX-4415: Mounting bracket, 80 mm, glass-filled nylon, black (MOQ: 1,000) (Lead "
            "Time: 8 weeks)",
            "Resin index for Section 9.2: nylon 66 with glass fibre, European contract price,"
            " base price per kilogram as of 1 July 2027.",
        ),
    ),
    (
        "help desk",
        _lines(
            "C.3.1.2 The Contractor shall answer Emergency Work Orders within two (2) hours "
            "of notification, at any time of day, and shall make the affected system safe "
            "within six (6) hours.",
            "C.3.1.2 Urgent Work Orders shall be answered within six (6) hours during duty "
            "hours and closed within three (3) business days.",
            "C.4.1 Severity 1 tickets (a whole site down, or more than ten (10) users unable "
            "to work) shall be acknowledged within twenty (20) minutes and resolved within "
            "eight (8) hours.",
            "C.4.1 Severity 2 tickets shall be acknowledged within one (1) hour and resolved "
            "within two (2) business days.",
            "B.2 The not-to-exceed ceiling of CLINs 0004 and 1004 shall not be exceeded "
            "without the prior written approval of the Contracting Officer.",
            "0004: Surge Support Services, Base Year (T&M, not-to-exceed) (QTY: 400) (UNIT: HR)",
            "1004: Surge Support Services, Option Year 1 (T&M, not-to-exceed) (QTY: 400) "
            "(UNIT: HR)",
            "D001: Monthly Progress Report on all work orders and tickets (Due: 15th calendar"
            " day of the following month) (Distribution: COR)",
            "D002: Site Safety Plan for all buildings and work areas (Due: 20 days after "
            "award) (Distribution: CO, COR)",
            "D003: Staffing Plan with the resumes of all key personnel (Due: 10 days after "
            "award) (Distribution: CO)",
        ),
        _lines(
            "Paragraph C.3.1.2 is revised so that the Contractor shall answer Emergency Work "
            "Orders within ninety (90) minutes of notification instead of two (2) hours.",
            "Paragraph C.4.1 is revised so that Severity 1 tickets shall be acknowledged "
            "within fifteen (15) minutes, not twenty (20) minutes, and resolved within eight "
            "(8) hours.",
            "Section B is revised: the quantity of CLINs 0004 and 1004 is increased from 400 "
            "hours to 550 hours.",
        ),
        _lines(
            "Please send the June progress report (D001) by 12 July instead of the 15th, as "
            "the CO needs it early for the quarterly review.",
        ),
        _lines(
            "D001: Monthly Progress Report on all work orders and tickets (Frequency: MTHLY) "
            "(First Submission: 15 Jul 2027) (Distribution: COR (1 electronic))",
            "D002: Site Safety Plan for all buildings and work areas (Frequency: ONE/R) "
            "(First Submission: 20 days after award) (Distribution: CO, COR)",
            "D003: Staffing Plan with the resumes of all key personnel (Frequency: ONE/R) "
            "(First Submission: 10 days after award) (Distribution: CO)",
        ),
    ),
)
PAIR_CHANGES = (
    Change("cocoa fat 10-12 -> 20-22 %", r"20 to 22 % fat", r"fat content of 10"),
    Change("cocoa FCA -> DAP", r"DAP Hamburg", r"FCA Antwerp"),
    Change("cocoa shelf life 24 -> 18 months", r"18 months", r"24 months"),
    Change("desk hours 8-18 -> 7-20", r"07:00 to 20:00", r"08:00 to 18:00"),
    Change("P1 resolved 4 -> 2 hours", r"priority 1 incidents: 2", r"Priority 1 incidents shall"),
    Change("concrete C30/37 -> C35/45", r"C35/45", r"C30/37"),
    Change("site start 4 May -> 1 June", r"1 June", r"4 May"),
    Change("artwork version 3 -> 4", r"artwork version 4", r"artwork version 3"),
    Change("retention 1 -> 2 years", r"two years", r"1 year"),
    Change("order lead 10 -> 6 weeks", r'"six \(6\) weeks"', r"at least ten \(10\) weeks"),
    Change("MX-4410 MOQ, lead time", r"^MX-4410", r"^MX-4410"),
    Change("MX-4412 lead time", r"^MX-4412", r"^MX-4412"),
    Change("resin index dated", r"as of 1 July 2027", r"as of the Effective Date"),
    Change(
        "emergency 2 h -> 90 min", r"ninety \(90\) minutes", r"Emergency Work Orders within two"
    ),
    Change("severity 1 20 -> 15 min", r"fifteen \(15\) minutes, not", r"^Severity 1 tickets"),
    Change("CLIN hours 400 -> 550", r"550 hours", r"^(?:0004|1004): Surge"),
    Change("report due 15th -> 12 July", r"\(D001\) by 12 July", r"15th calendar day"),
)


# ``--tender DIR``: a 153-page rail HVAC invitation to tender and two clarification e-mails
# (a session-18 user walk's material, not in the repository), imported in that order.
TENDER_FILES = (
    "KRL-T-2026-0147_ITT_HVAC.pdf",
    "Clarification_01_KRL-T-2026-0147.eml",
    "Clarification_02_KRL-T-2026-0147.eml",
)
# the clarification's covering line announcing a revised schedule (read in the CSV)
TENDER_NOTICES = (r"a revised delivery\s+schedule",)
TENDER_CHANGES = (
    Change("3.1.2.1 saloon 38 -> 42 kW", r"not less than 42 kW", r"saloon Unit .*38 kW"),
    Change("3.2.1.1 -35 -> -40 °C", r"from -40 °C to \+40 °C", r"from -35 °C to \+40 °C"),
    Change("3.3.1.2 850 -> 800 kg", r"shall not exceed 800 kg", r"850 kg"),
    Change(
        "A.3.2 tenders 30 Oct -> 13 Nov", r"13 November 2026", r"submit their Tender.*30 October"
    ),
    Change("A.3.3 questions 16 -> 30 Oct", r"A\.3\.3 moves to 30 October", r"16 October 2026"),
    Change("3.3.3.2 drains -35 -> -40 °C", r"[Dd]rains .*-40 °C", r"cannot freeze at -35"),
    Change("9.2.3 first article wk 30 -> 26", r"week 26|W26", r"week 30|W30"),
    Change("C.18.1 liability 24 -> 36 months", r"36 months", r"24 months"),
    Change("3.1.6.2 noise 68 -> 65 dB(A)", r"65 dB\(A\)", r"68 dB\(A\)"),
    Change("3.6.2.1 ventilation 90 -> 120 min", r"120 minutes instead", r"90 minutes"),
)


def flags(register, entries):  # type: ignore[no-untyped-def]
    """Each flagged entry's id -> (how, the earlier text or "")."""
    found = {}
    reworded = getattr(register, "reworded_earlier", None)
    if reworded is not None:
        for entry_id, earlier in reworded(entries).items():
            found[entry_id] = ("reworded", earlier.text)
            ALSO[entry_id] = tuple(ref for ref, _ in getattr(earlier, "also", ()))
    for entry_id, earlier in register.earlier_with_other_numbers(entries).items():
        found[entry_id] = ("other numbers", earlier.text)
    for entry in entries:
        if getattr(entry, "change_cue", "") and entry.id not in found:
            found[entry.id] = (f'states a change ("{entry.change_cue}")', "")
    return found


# each flagged entry's "It also replaces" refs, as ``flags`` found them
ALSO: dict[int, tuple[str, ...]] = {}


def judge(name, register, changes, show, notices=()):  # type: ignore[no-untyped-def]
    from extractor.register import EntryFilter

    entries = list(register.iter_entries(EntryFilter()))
    ALSO.clear()
    flagged = flags(register, entries)
    by_id = {entry.id: entry for entry in entries}
    by_ref = {entry.ref: entry for entry in entries}
    found = right = wrong_also = 0
    true_flags: set[int] = set()
    print(f"\n== {name}: {len(entries)} candidates, {len(flagged)} flagged")
    for change in changes:
        hits = [
            (entry_id, how, earlier)
            for entry_id, (how, earlier) in flagged.items()
            if re.search(change.new, by_id[entry_id].text)
            and not re.search(change.not_new, by_id[entry_id].text)
        ]
        true_flags.update(entry_id for entry_id, _, _ in hits)
        good = [hit for hit in hits if hit[2] and re.search(change.old, hit[2])]
        for entry_id, _, _ in hits:  # "It also replaces": statements of the old value only
            for ref in ALSO.get(entry_id, ()):
                if not re.search(change.old, by_ref[ref].text):
                    wrong_also += 1
                    if show:
                        print(f"    wrong also: {ref} {by_ref[ref].text[:90]!r}")
        found += bool(hits)
        right += bool(good)
        mark = "right earlier" if good else ("flagged" if hits else "MISSED")
        print(f"  {change.name:32} {mark:14} {len(hits)} flag(s)")
        if hits and not good and show:  # which earlier statement it was taken for
            print(f"    linked to: {hits[0][2][:100]!r}")
    noticed = {
        entry_id
        for entry_id in set(flagged) - true_flags
        if any(re.search(notice, by_id[entry_id].text) for notice in notices)
    }
    false = sorted(set(flagged) - true_flags - noticed)
    print(
        f"  changes flagged: {found} of {len(changes)}, with the right earlier entry: {right};"
        f" flags on no change: {len(false)} of {len(flagged)}; wrong 'also': {wrong_also}"
        + (f" ({len(noticed)} more announce a change read elsewhere)" if noticed else "")
    )
    for entry_id in false if show else ():
        how, earlier = flagged[entry_id]
        print(f"    false: {by_id[entry_id].ref} [{how}] {by_id[entry_id].text[:100]!r}")
        if earlier:
            print(f"           <- {earlier[:100]!r}")
    return found, right, len(false), len(flagged)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--thread", type=Path, help="the walk's mails folder (M01...M30)")
    parser.add_argument("--tender", type=Path, help="the tender walk's docs-src folder")
    parser.add_argument("--no-model", action="store_true", help="import unlabelled (faster)")
    parser.add_argument("--quiet", action="store_true", help="do not list the false flags")
    args = parser.parse_args()

    from extractor.register import open_register
    from extractor.review.store import DocumentStore
    from extractor.review.uploads import import_upload

    classifier = None
    if not args.no_model:
        from extractor.classifying import load_default_classifier

        classifier = load_default_classifier()
    with tempfile.TemporaryDirectory() as folder:
        store = DocumentStore(Path(folder) / "store")
        store.folder.mkdir()
        if args.thread:
            started = time.perf_counter()
            with open_register(str(Path(folder) / "thread.db")) as register:
                for mail in sorted(args.thread.iterdir()):
                    result = import_upload(
                        mail.name,
                        mail.read_bytes(),
                        register=register,
                        store=store,
                        actor="benchmark",
                        classifier=classifier,
                    )
                    assert result.ok, result.error
                took = time.perf_counter() - started
                judge("thread", register, THREAD_CHANGES, not args.quiet, THREAD_NOTICES)
                print(f"  (30 uploads {took:.1f} s)")
        if args.tender:
            started = time.perf_counter()
            with open_register(str(Path(folder) / "tender.db")) as register:
                for name in TENDER_FILES:
                    result = import_upload(
                        name,
                        (args.tender / name).read_bytes(),
                        register=register,
                        store=store,
                        actor="benchmark",
                        classifier=classifier,
                        reader="fast",
                    )
                    assert result.ok, result.error
                took = time.perf_counter() - started
                judge("tender", register, TENDER_CHANGES, not args.quiet, TENDER_NOTICES)
                print(f"  (3 uploads {took:.1f} s)")
        with open_register(str(Path(folder) / "pairs.db")) as register:
            for name, *texts in PAIRS:
                for number, text in enumerate(texts, start=1):
                    data = "\n\n".join(text.strip().splitlines()).encode()
                    result = import_upload(
                        f"{name}-{number}.txt",
                        data,
                        register=register,
                        store=store,
                        actor="benchmark",
                        classifier=classifier,
                    )
                    assert result.ok, result.error
            judge("own pairs", register, PAIR_CHANGES, not args.quiet)


if __name__ == "__main__":
    main()
