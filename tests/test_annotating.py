"""Annotation: a table of statements and what the rule-based components must find.

Each row names what it shows; near-misses (a word that contains "ISO", a
"Section 7" cross-reference, "May" the month) have empty expectations.
"""

from __future__ import annotations

import pytest

from extractor.annotating import annotate, annotations_of, change_cues
from extractor.types import Annotations, Statement

CUES = [
    ("shall", "The Supplier shall deliver the goods.", ("shall",), False),
    ("shall not", "The Supplier shall not subcontract.", ("shall not",), True),
    ("must", "All castings must be free of porosity.", ("must",), False),
    ("must not", "Parts must not be painted.", ("must not",), True),
    ("will", "Invoices will be paid within 30 days.", ("will",), False),
    ("will not", "Buyer will not accept partial deliveries.", ("will not",), True),
    ("won't", "We won't accept late parts.", ("won't",), True),
    ("won’t typographic", "We won’t accept late parts.", ("won't",), True),
    ("shall not across a line break", "Parts shall\nnot be painted.", ("shall not",), True),
    (
        "is required to across a line break",
        "The Vendor is\nrequired to keep records.",
        ("is required to",),
        False,
    ),
    ("is required to", "The Vendor is required to keep records.", ("is required to",), False),
    ("are required to", "Suppliers are required to register.", ("are required to",), False),
    ("agrees to", "Seller agrees to ship DDP.", ("agrees to",), False),
    ("undertakes to", "The Contractor undertakes to train staff.", ("undertakes to",), False),
    (
        "is responsible for",
        "Supplier is responsible for packaging.",
        ("is responsible for",),
        False,
    ),
    ("may not", "Licensee may not assign this licence.", ("may not",), True),
    ("may", "Buyer may inspect the works.", ("may",), False),
    ("should", "Parts should be packed in foam.", ("should",), False),
    ("is to", "The Vendor is to supply spares.", ("is to",), False),
    ("needs to", "The report needs to include photos.", ("needs to",), False),
    ("has to", "The carrier has to call ahead.", ("has to",), False),
    ("please ensure", "Please ensure the labels are legible.", ("please ensure",), False),
    ("please make sure", "Please make sure the crate is sealed.", ("please make sure",), False),
    ("we need", "We need the drawings before Friday.", ("need",), False),
    ("in no event shall", "In no event shall Supplier ship early.", ("shall",), True),
    ("neither nor shall", "Neither party nor its agents shall disclose data.", ("shall",), True),
    (
        "several in order",
        "Seller shall pack and will ship; Buyer may inspect.",
        ("shall", "will", "may"),
        False,
    ),
    ("May the month", "The order was placed on 4 May 2026.", (), False),
    ("at will", "Employment is at will.", (), False),
    ("no cue", "This Agreement is made between the parties.", (), False),
]


@pytest.mark.parametrize(("name", "text", "cues", "negated"), CUES, ids=[c[0] for c in CUES])
def test_cues(name: str, text: str, cues: tuple[str, ...], negated: bool) -> None:
    (found,) = annotations_of([text])
    assert (found.cues, found.negated) == (cues, negated)


PARTIES = [
    ("defined term", "The Supplier shall deliver 500 units.", "Supplier"),
    ("each party", "Each party shall keep the terms confidential.", "Each party"),
    ("agrees to", "Seller agrees to replace defective parts.", "Seller"),
    ("passive", "Deliveries shall be made DDP.", ""),
    ("not a party", "All goods must be new.", ""),
    ("aside between commas", "The Contractor, at its own cost, shall repair it.", "Contractor"),
    ("after a condition", "If parts fail, the Vendor shall refund them.", "Vendor"),
    ("capitals name", "ACME shall provide a certificate.", "ACME"),
    ("company suffix", "Acme Components Inc. shall invoice monthly.", "Acme Components Inc."),
    ("we", "We need the samples by Monday.", "We"),
    (
        "a pronoun after a clause",
        "Hi Wei, after talking with our validation team we need the keys at 18 mm.",
        "we",
    ),
    ("permission only", "Buyer may reject the goods.", ""),
    ("first obligation cue", "Buyer may inspect and Supplier shall assist.", "Supplier"),
    ("inverted", "In no event shall Supplier ship early.", "Supplier"),
    ("liable is not passive", "The Manufacturer shall be liable for recalls.", "Manufacturer"),
    ("line break and double space", "The Supplier\nshall  deliver 500 units.", "Supplier"),
    ("spaces around the text", "  The Buyer shall pay. ", "Buyer"),
    # a chemicals walk: the phrase before the party was taken into it
    ("after a phrase", "For late delivery the supplier shall pay a penalty.", "supplier"),
    ("after a time", "On termination the Supplier shall return the tools.", "Supplier"),
    ("two parties", "The Supplier and the Buyer shall meet monthly.", "Supplier and the Buyer"),
]


@pytest.mark.parametrize(("name", "text", "party"), PARTIES, ids=[p[0] for p in PARTIES])
def test_party(name: str, text: str, party: str) -> None:
    (found,) = annotations_of([text])
    assert found.party == party


LAWS = [
    # a browser-printed agreement: the Act's name, read leftwards, had swallowed the GDPR
    (
        "acronym before an Act",
        "Personal data shall be processed under the UK GDPR and the Data Protection Act 2018.",
        ("Data Protection Act 2018", "GDPR"),
    ),
    ("CFR", "Devices are made under 21 CFR Part 820.", ("21 CFR Part 820",)),
    ("CFR dotted", "Waste is listed in 40 C.F.R. § 261.", ("40 CFR § 261",)),
    ("USC", "See 15 U.S.C. 78dd-1 on bribery.", ("15 U.S.C. 78dd-1",)),
    (
        "EU regulation",
        "Comply with Regulation (EC) No 1907/2006.",
        ("Regulation (EC) No 1907/2006",),
    ),
    ("EU directive", "Meet Directive 2011/65/EU in full.", ("Directive 2011/65/EU",)),
    # a food walk: "Reg." dropped from the citation; a law by its popular name not cited
    (
        "abbreviated regulation",
        "Micro limits per Reg. (EC) 2073/2005 apply.",
        ("Reg. (EC) 2073/2005",),
    ),
    ("law by its popular name", "Labels shall meet Natasha's Law.", ("Natasha's Law",)),
    # an automotive walk's quality manual cited only the directive's number
    (
        "ELV by its short name",
        "Parts shall comply with ELV (Directive 2000/53/EC); ELV circuits are separate.",
        ("ELV", "Directive 2000/53/EC"),
    ),
    ("EU short", "Data under (EU) 2016/679 is protected.", ("(EU) 2016/679",)),
    (
        "FAR and DFARS",
        "FAR 52.222-26 and DFARS 252.225-7048 apply.",
        ("FAR 52.222-26", "DFARS 252.225-7048"),
    ),
    ("acronyms", "Parts meet REACH, RoHS, WEEE and TSCA.", ("REACH", "RoHS", "WEEE", "TSCA")),
    ("privacy and trade", "GDPR, HIPAA, ITAR and EAR apply.", ("GDPR", "HIPAA", "ITAR", "EAR")),
    (
        "named acts",
        "Obey the Foreign Corrupt Practices Act and the UK Bribery Act 2010.",
        ("Foreign Corrupt Practices Act", "UK Bribery Act 2010"),
    ),
    (
        "act with and",
        "Follow the Occupational Safety and Health Act.",
        ("Occupational Safety and Health Act",),
    ),
    ("Prop 65", "Label per Proposition 65 and Prop 65 rules.", ("Proposition 65", "Prop 65")),
    ("Dodd-Frank", "Report under Dodd-Frank Section 1502.", ("Dodd-Frank Section 1502",)),
    (
        "FSMA by name",
        "Food must meet the FDA Food Safety Modernization Act.",
        ("FDA Food Safety Modernization Act",),
    ),
    ("GHS is a law", "Labels follow GHS and CLP.", ("GHS", "CLP")),
    (
        "CFR range",  # an aerospace walk: "22 CFR Parts 120"
        "ITAR, 22 CFR Parts 120-130, and 40 CFR Parts 260 through 265 apply.",
        ("ITAR", "22 CFR Parts 120-130", "40 CFR Parts 260 through 265"),
    ),
    ("SEC rule", "Report under SEC Rule 13p-1 each year.", ("SEC Rule 13p-1",)),
    # a federal walk: US federal citation forms that cited nothing
    (
        "CFR part in lower case, with its subpart",
        "Refrigerants are listed at 40 CFR part 82, subpart G, and 13 CFR part 121 sets sizes.",
        ("40 CFR part 82, subpart G", "13 CFR part 121"),
    ),
    (
        "CFR chapter",
        "Screen buyers against 31 CFR Chapter V; buy under 48 CFR Chapter 1.",
        ("31 CFR Chapter V", "48 CFR Chapter 1"),
    ),
    ("US Code chapter", "Wages follow 41 U.S.C. chapter 67.", ("41 U.S.C. chapter 67",)),
    (
        "FAR part, subpart and clause in any case",
        "Use FAR part 15, FAR Subpart 9.5 and FAR Clause 52.245-1.",
        ("FAR part 15", "FAR Subpart 9.5", "FAR Clause 52.245-1"),
    ),
    (
        "FAR and DFARS clauses by number",
        "The clause at 52.232-33 and 252.204-7012 apply; 52.204-21 Basic Safeguarding NOV 2021.",
        ("52.232-33", "252.204-7012", "52.204-21"),
    ),
    ("the FAR by name", "Disputes arising under the FAR are decided by the CO.", ("FAR",)),
    ("a FAR council is no citation", "He sits on the FAR Council.", ()),
    (
        "executive orders and public laws",
        "Executive Order 11246, E.O. 13658 and Pub. L. 115-91 apply, as does Public Law 111-350.",
        ("Executive Order 11246", "E.O. 13658", "Pub. L. 115-91", "Public Law 111-350"),
    ),
    (
        "federal directives and accessibility",
        "Badges meet HSPD-12; systems meet OMB Circular A-130 and Section 508.",
        ("HSPD-12", "OMB Circular A-130", "Section 508"),
    ),
    ("EPCRA", "Report releases under Section 313 of EPCRA.", ("EPCRA",)),
    # an EDGAR-style walk: state statutes, a hyphenated CFR section and the UN convention
    (
        "state statutes",
        "File under Minnesota Statutes §116.943 and Fla. Stat. § 501.97; see Minn. Stat. 116.943.",
        ("Minnesota Statutes §116.943", "Fla. Stat. § 501.97", "Minn. Stat. 116.943"),
    ),
    ("a statute needs its state", "The Stat. 5.2 of the plan applies.", ()),
    ("CFR section with a hyphen", "Comply with 41 CFR 60-300.5(a).", ("41 CFR 60-300.5(a)",)),
    (
        "the UN sales convention",
        "The United Nations Convention on Contracts for the International Sale of Goods and the"
        " CISG do not apply.",
        ("United Nations Convention on Contracts for the International Sale of Goods", "CISG"),
    ),
    (
        "Defense Department issuances and the labour standards by title",
        "Handle CUI per DoD Instruction 5200.48 and DoDM 5200.02; pay under the Service"
        " Contract Labor Standards.",
        ("DoD Instruction 5200.48", "DoDM 5200.02", "Service Contract Labor Standards"),
    ),
    (
        "an authority named for what it regulates is no law",
        "Hold a licence of the Virginia Department of Professional and Occupational Regulation.",
        (),
    ),
    (
        "a law named after its authority stays one",
        "Ship per the Department of Transportation Hazardous Materials Regulations.",
        ("Department of Transportation Hazardous Materials Regulations",),
    ),
    ("a decimal is no FAR clause", "Hold 52.25 mm and 152.204-21 as part numbers.", ()),
    # a pharmaceutical walk: "21 CFR Parts 210", a regulation without its number, no GMP rules
    ("CFR parts", "Make it under 21 CFR Parts 210 and 211.", ("21 CFR Parts 210 and 211",)),
    (
        "CFR parts listed",
        "Labour disputes go under 29 CFR Parts 4, 6 and 8.",
        ("29 CFR Parts 4, 6 and 8",),
    ),
    (
        "two-word EU qualifier",
        "Serialisation shall meet Commission Delegated Regulation (EU) 2016/161.",
        ("Commission Delegated Regulation (EU) 2016/161",),
    ),
    (
        "EU GMP",
        "Follow EudraLex Volume 4, EU GMP Annex 1 and Annex 11, and cGMP.",
        ("EudraLex Volume 4", "EU GMP Annex 1 and Annex 11", "cGMP"),
    ),
    (
        "GDP guidelines",
        "Store per the EU Guidelines on Good Distribution Practice (2013/C 343/01).",
        ("Guidelines on Good Distribution Practice", "2013/C 343/01"),
    ),
    # an energy walk: "Work Act 2005", and no citation of the construction regulations
    (
        "act with a comma",
        "Comply with the Safety, Health and Welfare at Work Act 2005.",
        ("Safety, Health and Welfare at Work Act 2005",),
    ),
    (
        "title in brackets",
        "Comply with the Safety, Health and Welfare at Work (Construction) Regulations 2013.",
        ("Safety, Health and Welfare at Work (Construction) Regulations 2013",),
    ),
    (
        "act with a title in brackets",
        "Each party shall comply with the Criminal Justice (Corruption Offences) Act 2018.",
        ("Criminal Justice (Corruption Offences) Act 2018",),
    ),
    (
        "an acronym in brackets is no title",
        "Apply the Federal Acquisition Regulation (FAR).",
        ("Federal Acquisition Regulation",),
    ),
    ("a branch code is no law", "Ask the Packaging Branch, Code DL-44.", ()),
    # a re-walk: the annex was lost, and a one-word title with its year cited nothing
    (
        "annex of EudraLex",
        "Filling shall follow Annex 1 of EudraLex Volume 4.",
        ("Annex 1 of EudraLex Volume 4",),
    ),
    (
        "one-word regulations with a year",
        "Lift as required by the Construction Regulations 2013.",
        ("Construction Regulations 2013",),
    ),
    ("these regulations are no title", "These Regulations 2013 apply.", ()),
    (
        "regulations with 'to' in the name",
        "Meet the Control of Substances Hazardous to Health Regulations 2002.",
        ("Control of Substances Hazardous to Health Regulations 2002",),
    ),
    # a chemicals walk: the dangerous-goods treaties cited nothing
    (
        "ADR and RID",
        "Dangerous goods shall be documented in accordance with the ADR and the RID.",
        ("ADR", "RID"),
    ),
    ("ADR with its year, IMDG", "Pack to ADR 2025 and the IMDG Code.", ("ADR 2025", "IMDG Code")),
    ("an ADR driver", "Trucks must have a driver with a valid ADR training certificate.", ("ADR",)),
    ("ADR settles disputes", "Disputes shall first be referred to ADR by either party.", ()),
    # a logistics walk: a chapter of ADR, a long title cut short, an Act swallowing a
    # Regulation named before it
    ("a chapter of ADR", "Carry them in accordance with chapter 3.4 of ADR.", ("ADR",)),
    # an IT services and logistics walk's 3PL agreement
    (
        "an ADR special provision",
        "Ship them in accordance with ADR special provision 188.",
        ("ADR",),
    ),
    (
        "etc. in a title",
        "Work to the Health and Safety at Work etc. Act 1974 on site.",
        ("Health and Safety at Work etc. Act 1974",),
    ),
    (
        "a nine-word title",
        "Comply with the Carriage of Dangerous Goods and Use of Transportable Pressure"
        " Equipment Regulations 2009.",
        (
            "Carriage of Dangerous Goods and Use of Transportable Pressure Equipment"
            " Regulations 2009",
        ),
    ),
    (
        "a regulation and an act",
        "Process it under the UK General Data Protection Regulation and the Data Protection"
        " Act 2018.",
        ("UK General Data Protection Regulation", "Data Protection Act 2018"),
    ),
    # a construction walk: "Building Regulations" and "(Amendment) (England) Regulations
    # 2023" as two, "HSE Approved Code" cut, the CDM Regulations not cited
    (
        "with etc. between its words",
        "The Building Regulations etc. (Amendment) (England) Regulations 2023 apply.",
        ("Building Regulations etc. (Amendment) (England) Regulations 2023",),
    ),
    (
        "approved code of practice",
        "Asbestos work shall follow the HSE Approved Code of Practice L143.",
        ("HSE Approved Code of Practice L143",),
    ),
    ("short names", "Comply with the CDM Regulations and COSHH.", ("CDM Regulations", "COSHH")),
    ("generic law is not cited", "Each party shall comply with all applicable laws.", ()),
    ("act of god", "An Act of God excuses delay.", ()),
    ("reach the verb", "Prices reach a peak in May.", ()),
]


@pytest.mark.parametrize(("name", "text", "laws"), LAWS, ids=[x[0] for x in LAWS])
def test_laws(name: str, text: str, laws: tuple[str, ...]) -> None:
    (found,) = annotations_of([text])
    assert found.laws == laws
    assert found.standards == ()


STANDARDS = [
    ("ISO with year", "Certified to ISO 9001:2015.", ("ISO 9001:2015",)),
    (
        "medical-device materials and packaging",
        "Sample per ANSI/ASQ Z1.4-2003; meet USP Class VI and USP <788>; pallets per ISPM 15.",
        ("ANSI/ASQ Z1.4-2003", "USP Class VI", "USP <788>", "ISPM 15"),
    ),
    # a federal walk: facilities and IT service standards cited nothing
    (
        "facilities and IT service standards",
        "Maintain HVAC per ASHRAE 180-2018 and ASHRAE Standard 62.1, ITIL 4, ASME QEI-1,"
        " ASME NQA-1-2015 and UFC 3-601-02.",
        (
            "ASHRAE 180-2018",
            "ASHRAE Standard 62.1",
            "ITIL 4",
            "ASME QEI-1",
            "ASME NQA-1-2015",
            "UFC 3-601-02",
        ),
    ),
    # a federal walk: information security standards cited nothing
    (
        "NIST and FIPS",
        "Protect it per NIST SP 800-171 Rev. 2, NIST Special Publication 800-53 and FIPS 140-2.",
        ("NIST SP 800-171 Rev. 2", "NIST Special Publication 800-53", "FIPS 140-2"),
    ),
    ("ISO/IEC", "Security per ISO/IEC 27001 and ISO 13485.", ("ISO/IEC 27001", "ISO 13485")),
    ("EN certificate type", "Certificates to EN 10204 3.1 are required.", ("EN 10204 3.1",)),
    ("EN ISO", "Welding per EN ISO 3834-2.", ("EN ISO 3834-2",)),
    ("ASTM", "Material ASTM A105, tested per ASTM E8/E8M.", ("ASTM A105", "ASTM E8/E8M")),
    ("IPC", "Solder to IPC-A-610 Class 3 and J-STD-001.", ("IPC-A-610 Class 3", "J-STD-001")),
    # an electronics walk: the second of a pair was lost
    ("IPC pair", "Rework per IPC-7711/7721 only.", ("IPC-7711/7721",)),
    ("TAPA", "The Facility shall be certified to TAPA FSR 2023.", ("TAPA FSR 2023",)),
    ("SAE", "Quality per SAE AS9100D with AS9102 reports.", ("SAE AS9100D", "AS9102")),
    ("MIL", "Test to MIL-STD-810H; parts per MIL-PRF-38534.", ("MIL-STD-810H", "MIL-PRF-38534")),
    ("SAE in a row", "Comply with SAE AS5553 and AS6174.", ("SAE AS5553", "AS6174")),
    ("ICH guideline", "Stability studies shall follow ICH Q1A(R2).", ("ICH Q1A(R2)",)),
    ("UL flammability", "Plastics rated UL 94 V-0.", ("UL 94 V-0",)),
    (
        "others",
        "DIN 912, ANSI B16.5, ASME B31.3, API 6A, NFPA 70, BS 7671.",
        ("DIN 912", "ANSI B16.5", "ASME B31.3", "API 6A", "NFPA 70", "BS 7671"),
    ),
    ("IEC", "EMC per IEC 61000-4-2.", ("IEC 61000-4-2",)),
    # a construction walk: no building-services standard was cited, and "IET Wiring
    # Regulations" (BS 7671) was a law
    (
        "building services",
        "Ventilation to HTM 03-01, ducts to DW/144, commissioning to CIBSE Commissioning"
        " Codes and BSRIA BG 8/2009, water to HSG274.",
        ("HTM 03-01", "DW/144", "CIBSE Commissioning Codes", "BSRIA BG 8/2009", "HSG274"),
    ),
    (
        "wiring regulations",
        "Comply with BS 7671 (IET Wiring Regulations).",
        ("BS 7671", "IET Wiring Regulations"),
    ),
    # a machined-parts walk: "ISO 2768-mK" cut to "ISO 2768", the rest not cited
    (
        "tolerance class and automotive manuals",
        "Tolerances ISO 2768-mK; PPAP to AIAG PPAP 4th edition; heat treaters meet CQI-9.",
        ("ISO 2768-mK", "AIAG PPAP 4th edition", "CQI-9"),
    ),
    ("incoterms", "Delivery DAP Hamburg (Incoterms 2020).", ("Incoterms 2020",)),
    # a food walk: the retailer's food safety schemes and codes were not cited
    (
        "food safety schemes",
        "Sites hold BRCGS Food Safety Issue 9 (or IFS Food version 8, FSSC 22000) with HACCP"
        " to Codex CXC 1-1969; cases carry GS1-128 labels; a SMETA 4-Pillar audit is due.",
        (
            "BRCGS Food Safety Issue 9",
            "IFS Food version 8",
            "FSSC 22000",
            "Codex CXC 1-1969",
            "GS1-128",
            "SMETA 4-Pillar",
        ),
    ),
    # a browser-printed valve specification: NORSOK, MSS and ASNT were not cited, and a
    # footnote's raised mark was read into the standard ("ISO 10497¹")
    (
        "valves and NDE",
        "Seals to NORSOK M-710, marking to MSS SP-25, NDE staff to ASNT SNT-TC-1A.",
        ("NORSOK M-710", "MSS SP-25", "ASNT SNT-TC-1A"),
    ),
    ("footnote mark", "Fire type-tested to API 607 or ISO 10497¹.", ("API 607", "ISO 10497")),
    # the same walk: a material number is no standard, and the ASME code no law
    ("material number", "Casing in duplex steel EN 1.4462 to EN 10213.", ("EN 10213",)),
    (
        "ASME boiler code",
        "Vessels shall be stamped under the ASME Boiler and Pressure Vessel Code, Section VIII.",
        ("ASME Boiler and Pressure Vessel Code, Section VIII",),
    ),
    # a browser-printed RFQ: the Hydraulic Institute's pump test standard was not cited;
    # an alarm's "HI 2.5 bar" is no standard
    (
        "pump test standards",
        "Pumps tested to Hydraulic Institute standard 14.6 grade 1B, or ANSI/HI 14.6-2016;"
        " vibration to HI 9.6.4. Alarm HI 2.5 bar.",
        ("Hydraulic Institute standard 14.6", "ANSI/HI 14.6-2016", "HI 9.6.4"),
    ),
    # an IT services and logistics walk: the battery transport tests and a cloud security
    # baseline were not cited
    (
        "battery tests and cloud baselines",
        "Cells pass UN 38.3; tenants are hardened to CIS Microsoft Azure Foundations Benchmark"
        " v2.0.",
        ("UN 38.3", "CIS Microsoft Azure Foundations Benchmark v2.0"),
    ),
    ("ISO inside a word", "The ISOLATION valve must close.", ()),
    ("ISO without number", "We are ISO certified.", ()),
]


@pytest.mark.parametrize(("name", "text", "standards"), STANDARDS, ids=[x[0] for x in STANDARDS])
def test_standards(name: str, text: str, standards: tuple[str, ...]) -> None:
    (found,) = annotations_of([text])
    assert found.standards == standards
    assert found.laws == ()


def test_section_cross_reference_is_no_citation() -> None:
    (found,) = annotations_of(["Payment is governed by Section 7 of this Agreement."])
    assert (found.laws, found.standards, found.quantities) == ((), (), ())


MEASURES = [
    ("day month year", "Deliver by 1 March 2027.", ("1 March 2027",), ()),
    ("slashes", "Due 03/01/2027.", ("03/01/2027",), ()),
    ("ISO date", "Due 2027-03-01.", ("2027-03-01",), ()),
    ("month day year", "Due March 1, 2027.", ("March 1, 2027",), ()),
    ("within days", "Pay within 30 days.", ("within 30 days",), ()),
    ("words and digits", "Reply in ten (10) business days.", ("ten (10) business days",), ()),
    ("weekday", "Send it no later than Friday.", ("no later than Friday",), ()),
    ("units", "Ship 500 units now.", (), ("500 units",)),
    ("millimetres", "Drill 2.5 mm holes.", (), ("2.5 mm",)),
    ("tolerance", "Hold ± 0.05 mm.", (), ("± 0.05 mm",)),
    ("temperature", "Store at -30 °C.", (), ("-30 °C",)),
    ("percent", "Humidity below 10 %.", (), ("10 %",)),
    ("currency code", "The cap is USD 25,000.", (), ("USD 25,000",)),
    ("dollar sign", "Insure for $1,000,000.", (), ("$1,000,000",)),
    ("speed and pressure", "Rated 200 km/h at 3 bar.", (), ("200 km/h", "3 bar")),
    ("clause number is no quantity", "See clause 12.1.4 for details.", (), ()),
    ("range keeps its upper bound", "Cut 5-10 mm.", (), ("10 mm",)),
    (
        "signs and units without space",
        "Hold +5°C and -2 V, not x-3 mm.",
        (),
        ("+5°C", "-2 V", "3 mm"),
    ),
    ("dotted date", "Due 12.05.2027.", ("12.05.2027",), ()),
    (
        "day and month without a year",
        "Ship by 18 June, not 2nd of Sept.",
        ("18 June", "2nd of Sept"),
        (),
    ),
    ("month and day without a year", "Out Dec 21 to Jan 2.", ("Dec 21", "Jan 2"), ()),
    (
        "the year kept when there is one",
        "Due June 18, 2027 or 18 June 2027.",
        ("June 18, 2027", "18 June 2027"),
        (),
    ),
    ("may is no month before a verb", "Buyer May inspect 5 lots.", (), ("5 lots",)),
    ("no date inside a code", "Part A12.05.2027 ships.", (), ()),
    # a chemicals walk: "12 IBC instead of 8 IBC" gave no quantity
    ("bulk containers", "Make it 12 IBC instead of 8 IBC.", (), ("12 IBC", "8 IBC")),
    (
        "capitals",
        "Ship WITHIN 3 WEEKS, no later than MONDAY.",
        ("WITHIN 3 WEEKS", "no later than MONDAY"),
        (),
    ),
    ("dotless i matches as re.I does", "Pay wıthin 30 days.", ("wıthin 30 days",), ()),
    ("dotted capital I", "İNVOICES are due within 30 days.", ("within 30 days",), ()),
]


@pytest.mark.parametrize(
    ("name", "text", "dates", "quantities"), MEASURES, ids=[x[0] for x in MEASURES]
)
def test_dates_and_quantities(
    name: str, text: str, dates: tuple[str, ...], quantities: tuple[str, ...]
) -> None:
    (found,) = annotations_of([text])
    assert (found.dates, found.quantities) == (dates, quantities)


def test_annotate_fills_annotations_and_keeps_everything_else() -> None:
    statements = [
        Statement("a.txt", "0" * 64, 0, "The Supplier shall deliver 500 units.", clause="3.2"),
        Statement("a.txt", "0" * 64, 1, "Thank you for your call."),
    ]
    first, second = annotate(statements)
    assert first.annotations == Annotations(
        cues=("shall",), party="Supplier", quantities=("500 units",)
    )
    assert (first.clause, first.index, first.text) == ("3.2", 0, statements[0].text)
    assert second.annotations == Annotations()


def test_annotate_of_nothing_is_nothing() -> None:
    assert annotate([]) == []


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Please make it 600 units instead of 500.", ("instead of",)),
        ("We need the first 250 frames in week 14, not week 12.", ("not",)),
        ("The delivery terms are DAP Kassel, not FCA Tamworth as printed in the PO.", ("not",)),
        ("Delivery moved to week 14.", ("moved to",)),
        ("We have moved the first delivery to week 14.", ("moved the first delivery to",)),
        ("Drawing NW-4471-200 is now at revision D (was rev C).", ("is now at", "was")),
        ("Level C no longer applies anywhere.", ("no longer",)),
        ("Drawing rev D replaces rev C.", ("replaces",)),
        ("Revision 2 supersedes revision 1.", ("supersedes",)),
        ("The quantity was revised to 600.", ("revised to",)),
        ("The coating spec changed: no galvanising.", ("changed",)),
        ("Update: payment is 45 days net.", ("update:",)),
        ("Correction: the address is gate 3.", ("correction:",)),
        ("Please amend the order accordingly.", ("please amend",)),
        ("ISO 5817 level B now applies to all welds.", ("now applies",)),
        ("Lackierung statt Verzinkung.", ("statt",)),
        ("Die Lieferadresse wurde geändert.", ("geändert",)),
        ("Maximum 8 frames per pallet (previously 10).", ("previously",)),
        ("Record retention increases from 10 to 15 years.", ("increases from 10 to",)),
        ("The Incoterm changes from FCA to DAP.", ("changes from fca to",)),
        # a 3PL walk's mail: a time (its colon) and a decimal do not end the change
        (
            "From 1 September the same-day dispatch cut-off moves from 14:00 to 15:00.",
            ("moves from 14:00 to",),
        ),
        ("The case count goes from 6 to 8 bags per case.", ("goes from 6 to",)),
        ("The fee goes from 1.5 to 2.0 % of turnover.", ("goes from 1.5 to",)),
        ("Delivery shifts from Monday to Wednesday.", ("shifts from monday to",)),
        ("Drawing rev C will be replaced by rev D from 1 May.", ("replaced by",)),
        ("The sesame topping is replaced by a seed mix.", ("replaced by",)),
        (
            "Please move the delivery of item 20 (6,000 pcs) from 16 March to 30 March.",
            ("please move the delivery of item 20 (6,000 pcs) from 16 march to",),
        ),
        ("We cancel line 30 of PO 4500187733 with immediate effect.", ("we cancel",)),
        ("Line 40 is cancelled.", ("is cancelled",)),
        ("Please disregard my mail of 20 Nov on Sunday shutdowns.", ("please disregard",)),
        ("Position 20 wird storniert.", ("storniert",)),
        # a food walk's minutes: a recipe change by a share, and a shelf life extended
        (
            "Chilli powder to be reduced by 10 % from the issue 2 recipe.",
            ("reduced by 10 % from",),
        ),
        ("Shelf life is extended from 7 to 8 days.", ("extended from",)),
        # an EDGAR-style walk's amendment: its own words stated no change
        (
            'Section 7.2 is hereby amended by deleting "twelve weeks" and replacing it with'
            ' "eight weeks".',
            ("is hereby amended", "replacing"),
        ),
        ("Schedule A is amended so that the unit price is USD 4.10.", ("is amended",)),
        ("Section 3.6 is deleted in its entirety.", ("is deleted",)),
        ("Revision F replaces Revision E of the drawing.", ("replaces",)),
        ("CSI-3105 line 20: pull in 10,000 of the 30,000 to Dec 14 pls.", ("pull in",)),
        ("A report per lot replaces the quarterly report.", ("replaces",)),
        ("Dealer held a prior agreement, which this Agreement replaces.", ("replaces",)),
    ],
)
def test_a_statement_stating_a_change_has_change_cues(text: str, cues: tuple[str, ...]) -> None:
    assert change_cues(text) == cues
    assert annotations_of([text])[0].changes == cues


@pytest.mark.parametrize(
    "text",
    [
        "The Supplier shall deliver the goods within 30 days.",
        "This Agreement supersedes all prior agreements between the parties.",
        "The warranty is 24 months, but no longer than 30 months from delivery.",
        "Fees are paid monthly, not to exceed EUR 48,000.",
        "Liquidated damages of 0.5% per day, not exceeding 10%.",
        "Transport in a closed vehicle, not with any pesticide.",
        "No change to the process shall be made without approval.",
        "Inventions reduced to practice by either party belong to it.",
        "Die Werkstatt liefert die Rahmen.",
        "Prices may change from time to time; the list price changes from month to month.",
        "The move of the gas and power desks from 34 to 31 is on for the weekend.",
        "Please report D10, D50 and D90 by laser diffraction on every CoA, not only D90.",
        "Test every lot, not just lot 1.",
        "Buyer may cancel any order by written notice.",
        "The order is cancelled if the Supplier fails to deliver on time.",
        "Orders are cancelled by written notice only.",
        "The price is reduced by 5 % for each week of delay.",
        "Payment shall be reduced by any amounts owed from the Supplier.",
        "Any provision held invalid shall be replaced by a valid provision.",
        "This Agreement may be amended only in writing signed by both parties.",
        # a valve walk's specification: the work itself, no change to what was asked
        "The Purchaser's maintenance contractor replaces stem seals in the field.",
        "Whoever replaces her gets the background check first.",
        "The team pulled in extra staff for the audit.",
        # "moves/goes/shifts from ... to": a range, a person's new post, a shift pattern
        "Humidity goes from under 20% in the afternoons to near 100% at night.",
        "Brian Sykes moves from Volume Management to head the new Storage team.",
        "Easter production runs 3 shifts from week 7 to week 12.",
        "Our field crews will be on 12-hour shifts from December 15 to February 15.",
        "Prices may go up; the rate moves from time to time.",
        # a plan or a duty, no change of a requirement (an IT walk's MSA)
        "The Customer's point-of-sale estate runs on Windows 10 IoT Enterprise LTSC and will"
        " be replaced by a cloud-based platform during 2027.",
        "Transformers that fail within the warranty period shall be replaced by Vendor.",
    ],
)
def test_a_statement_stating_no_change_has_none(text: str) -> None:
    assert change_cues(text) == ()
