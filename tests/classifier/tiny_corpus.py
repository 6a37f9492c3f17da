"""A tiny labelled corpus, written here, to train real models quickly in tests."""

from __future__ import annotations

import json
from pathlib import Path

# Four short documents; each label appears often enough for 5-fold calibration.
TINY_DOCUMENTS: dict[str, list[tuple[str, str]]] = {
    "tiny-msa": [
        ("This Agreement is made between Orlan Tools Ltd and Vesta Motors GmbH.", "none"),
        ("The Supplier shall deliver 500 housings per week to the Buyer's plant.", "specified"),
        ("All castings must be free of porosity per ASTM E446 level 2.", "specified"),
        ("The Supplier shall comply with Regulation (EC) No 1907/2006 (REACH).", "statutory"),
        ("The housings will be fitted to rail bogies running at up to 200 km/h.", "implied"),
        ("This Agreement is governed by the laws of Austria.", "none"),
        ("Invoices will be paid within 60 days of receipt.", "specified"),
        ("Supplier shall obtain all export licences required under the EAR.", "statutory"),
        ("Parts are assembled on a line that runs 24/7.", "implied"),
        ("'Products' means the goods listed in Schedule A.", "none"),
    ],
    "tiny-po": [
        ("Thank you for your quotation of 3 March.", "none"),
        ("Each carton shall be labelled with the part number and batch.", "specified"),
        ("Goods shall be marked in accordance with 49 CFR Part 172.", "statutory"),
        ("The labels go on frozen food packaging stored at -30 °C.", "implied"),
        ("Buyer may inspect the goods at any time.", "none"),
        ("Seller is responsible for packing the goods on pallets.", "specified"),
        ("Seller shall comply with all applicable export control laws.", "statutory"),
        ("Our operators wear gloves at all times.", "implied"),
        ("This order is subject to the Buyer's terms and conditions.", "none"),
        ("Deliveries must arrive between 7:00 and 15:00.", "specified"),
    ],
    "tiny-mail": [
        ("Hi Tom, thanks for the call yesterday.", "none"),
        ("We need the revised drawings before Friday.", "specified"),
        ("The devices must be manufactured under 21 CFR Part 820.", "statutory"),
        ("The pumps will be installed on offshore platforms in the North Sea.", "implied"),
        ("Let me know if you have questions.", "none"),
        ("Please make sure the certificates travel with the goods.", "specified"),
        ("Contractor shall obtain all permits required by local authorities.", "statutory"),
        ("As is usual in the trade, goods are shipped palletised.", "implied"),
        ("I am out of the office next week.", "none"),
        ("Kindly send the inspection report with each lot.", "specified"),
    ],
    "tiny-sow": [
        ("The agency was founded in 1952 to support regional hospitals.", "none"),
        ("The Contractor shall provide monthly status reports.", "specified"),
        ("The Contractor shall comply with OSHA regulations at 29 CFR 1910.", "statutory"),
        ("The systems supported are used by about 400 clinicians.", "implied"),
        ("The period of performance is twelve months.", "none"),
        ("Provide on-site support during business hours.", "specified"),
        ("Each party shall comply with the GDPR when processing personal data.", "statutory"),
        ("The clinics operate in rural areas with poor connectivity.", "implied"),
        ("Either party may terminate this contract for convenience.", "none"),
        ("The Contractor is required to train ten staff members.", "specified"),
    ],
}


def write_corpus(folder: Path) -> Path:
    """Write the tiny corpus in the layout of ``corpus/`` and return its folder."""
    statements = folder / "statements"
    statements.mkdir(parents=True)
    with (statements / "tiny.jsonl").open("w", encoding="utf-8") as handle:
        for doc, rows in TINY_DOCUMENTS.items():
            for number, (text, label) in enumerate(rows):
                record = {
                    "id": f"{doc}-{number:03d}",
                    "doc": doc,
                    "industry": "test",
                    "doc_type": "contract",
                    "section": "",
                    "clause": "",
                    "text": text,
                    "label": label,
                }
                handle.write(json.dumps(record) + "\n")
    return folder
