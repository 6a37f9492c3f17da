"""One statement split into several requirements, on a real SQLite file and PostgreSQL.

An ISO 9001 auditor's walk: "Parts shall be zinc-plated to ASTM B633 and shall
comply with RoHS Directive 2011/65/EU." holds a specified and a statutory
requirement, and the reviewer could give it only one label.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest

from extractor.pipeline import Extraction
from extractor.register import (
    ConflictError,
    EntryFilter,
    NotFound,
    Register,
    RegisterError,
    open_register,
)
from extractor.register.exporting import (
    EXPORT_FIELDS,
    export_audit_bytes,
    export_bytes,
    export_file,
)
from extractor.types import Annotations, Box, ClassifiedStatement, Document, Page, Statement

from .helpers import CONTRACT_LINES, make_extraction

BOTH = "Parts shall be zinc-plated to ASTM B633 and shall comply with RoHS Directive 2011/65/EU."
PLATING = "Parts shall be zinc-plated to ASTM B633"
ROHS = "Parts shall comply with RoHS Directive 2011/65/EU."  # tidied: not a substring
LINES = len(CONTRACT_LINES)  # the contract's entries come first: REQ-0001 to REQ-0006
BOTH_REF = f"REQ-{LINES + 1:04d}"
ROHS_REF = f"REQ-{LINES + 2:04d}"


def drawing(name: str = "drawing.pdf", kind: str = "list_item") -> Extraction:
    """A one-statement drawing note, classified as a whole (specified, 0.91)."""
    sha256 = hashlib.sha256(name.encode()).hexdigest()
    statement = Statement(
        doc=name,
        sha256=sha256,
        index=0,
        text=BOTH,
        page=2,
        boxes=(Box(2, 72.0, 300.0, 520.0, 326.0),),
        clause="7.3",
        section="Surface treatment",
        kind=kind,
        annotations=Annotations(
            cues=("shall",), laws=("RoHS Directive 2011/65/EU",), standards=("ASTM B633",)
        ),
    )
    document = Document(path=name, sha256=sha256, kind="pdf", pages=(Page(1, ()), Page(2, ())))
    classified = (ClassifiedStatement(statement, "specified", 0.91),)
    return Extraction(document, (statement,), classified)


def _split(register: Register) -> list:  # type: ignore[type-arg]
    register.import_extractions([make_extraction(), drawing()], actor="importer")
    shown = register.get_entry(BOTH_REF)
    return register.split(BOTH_REF, [PLATING, ROHS], version=shown.version, actor="ann")


def test_the_entry_keeps_the_first_part_and_each_other_part_is_a_new_candidate(
    db_url: str,
) -> None:
    with open_register(db_url) as register:
        kept, rohs = _split(register)
        total = register.list_entries().total
        found = {
            text: [e.ref for e in register.list_entries(EntryFilter(text=text)).items]
            for text in ("zinc-plated", "2011/65/EU")
        }
    assert found == {"zinc-plated": [BOTH_REF], "2011/65/EU": [ROHS_REF]}
    assert total == LINES + 2
    assert (kept.ref, kept.text, kept.status) == (BOTH_REF, PLATING, "candidate")
    # the model's label stays with the statement it was given for; the version moves on
    assert (kept.label, kept.confidence, kept.found_label, kept.version) == (
        "specified",
        0.91,
        "specified",
        2,
    )
    assert kept.candidate_id is not None and kept.extracted_text == BOTH and kept.edited
    assert (kept.split_into, kept.split_from) == ((ROHS_REF,), "")
    # the next REQ number, where the statement is, waiting for a label of its own
    assert (rohs.ref, rohs.text, rohs.status, rohs.version) == (ROHS_REF, ROHS, "candidate", 1)
    assert (rohs.label, rohs.confidence, rohs.found_label) == (None, None, None)
    assert rohs.candidate_id is None and rohs.updated_by == "ann"
    assert (rohs.document_id, rohs.document_name, rohs.document_sha256) == (
        kept.document_id,
        "drawing.pdf",
        kept.document_sha256,
    )
    assert (rohs.page, rohs.clause, rohs.boxes, rohs.pages) == (2, "7.3", kept.boxes, [2])
    # traced back to the statement as found, whose section and kind it shares
    assert (rohs.split_from, rohs.extracted_text, rohs.edited) == (BOTH_REF, BOTH, True)
    assert (rohs.section, rohs.kind) == ("Surface treatment", "list_item")
    # each part cites what its own words cite
    assert (kept.laws, kept.standards) == ((), ("ASTM B633",))
    assert (rohs.laws, rohs.standards) == (("RoHS Directive 2011/65/EU",), ())


def test_the_split_is_audited_so_that_the_trail_replays(db_url: str) -> None:
    with open_register(db_url) as register:
        kept, rohs = _split(register)
        kept_history = register.history(kept.ref)
        rohs_history = register.history(rohs.ref)
    assert [e.action for e in kept_history] == ["import", "split"]
    split = kept_history[-1]
    assert (split.actor, split.document_id) == ("ann", kept.document_id)
    assert split.before == {"text": BOTH}
    assert split.after == {"text": PLATING, "split_into": [ROHS_REF]}
    [created] = rohs_history
    assert created.id > split.id
    assert (created.action, created.actor, created.before) == ("split_off", "ann", None)
    assert created.document_id == kept.document_id
    # every decided field of the new entry, as an import's row holds them
    assert created.after == {
        "text": ROHS,
        "label": None,
        "status": "candidate",
        "owner": "",
        "due_date": None,
        "notes": "",
        "superseded_by": None,
        "split_from": BOTH_REF,
    }


def test_three_parts_take_the_next_numbers_in_order(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([make_extraction()], actor="importer")
        parts = ["Deliver the parts.", "Within 30 days.", "Of the order."]
        saved = register.split("REQ-0001", parts, version=1, actor="ann")
    assert [(e.ref, e.text) for e in saved] == [
        ("REQ-0001", parts[0]),
        (f"REQ-{LINES + 1:04d}", parts[1]),
        (f"REQ-{LINES + 2:04d}", parts[2]),
    ]
    assert saved[0].split_into == (f"REQ-{LINES + 1:04d}", f"REQ-{LINES + 2:04d}")
    assert {e.split_from for e in saved[1:]} == {"REQ-0001"}


@pytest.mark.parametrize(
    ("parts", "why"),
    [
        ([PLATING], "two parts at least"),
        ([], "two parts at least"),
        ([PLATING, "  "], "part 2 of the split is empty"),
        (["", ROHS], "part 1 of the split is empty"),
        ([ROHS, f" {ROHS}\n"], "two parts of the split are the same"),
        (BOTH, "as a list"),
    ],
)
def test_a_split_needs_two_or_more_parts_with_text(db_url: str, parts: object, why: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([drawing()], actor="importer")
        with pytest.raises(RegisterError, match=why):
            register.split(1, parts, version=1, actor="ann")  # type: ignore[arg-type]
        assert register.list_entries().total == 1
        assert register.get_entry(1).version == 1 and register.get_entry(1).text == BOTH


def test_a_stale_or_decided_or_anonymous_split_changes_nothing(db_url: str) -> None:
    with open_register(db_url) as first, open_register(db_url) as second:
        first.import_extractions([drawing()], actor="importer")
        seen_by_bob = second.get_entry(1)
        first.relabel(1, "statutory", version=1, actor="ann")
        with pytest.raises(ConflictError, match="REQ-0001 was changed by ann"):
            second.split(1, [PLATING, ROHS], version=seen_by_bob.version, actor="bob")
        with pytest.raises(RegisterError, match="reviewer's name"):
            first.split(1, [PLATING, ROHS], version=2, actor=" ")
        with pytest.raises(NotFound, match="REQ-0042"):
            first.split("REQ-0042", [PLATING, ROHS], version=1, actor="ann")
        confirmed = first.confirm(1, version=2, actor="ann")
        with pytest.raises(RegisterError, match="is confirmed: only a candidate is split"):
            first.split(1, [PLATING, ROHS], version=confirmed.version, actor="ann")
        assert first.list_entries().total == 1
        assert [e.action for e in first.history(1)] == ["import", "relabel", "confirm"]
        # reopened, it is split, and a form loaded before the split is refused
        reopened = first.reopen(1, version=confirmed.version, actor="ann")
        first.split(1, [PLATING, ROHS], version=reopened.version, actor="ann")
        with pytest.raises(ConflictError):
            second.edit_text(1, BOTH, version=reopened.version, actor="bob")
        assert first.list_entries().total == 2


def test_a_part_of_a_part_traces_back_to_the_statement_as_found(db_url: str) -> None:
    with open_register(db_url) as register:
        register.import_extractions([drawing()], actor="importer")
        _, rohs = register.split(1, [PLATING, ROHS], version=1, actor="ann")
        _, exemption = register.split(
            rohs.ref,
            ["Parts shall comply with RoHS.", "Exemption 6(c) may be used."],
            version=rohs.version,
            actor="bob",
        )
    assert (exemption.ref, exemption.split_from) == ("REQ-0003", "REQ-0002")
    assert (exemption.extracted_text, exemption.page, exemption.section) == (
        BOTH,
        2,
        "Surface treatment",
    )


def test_each_part_is_decided_and_exported_with_where_it_came_from(
    db_url: str, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    with open_register(db_url) as register:
        kept, rohs = _split(register)
        register.confirm(kept.ref, version=kept.version, actor="ann")
        register.confirm(rohs.ref, version=rohs.version, actor="ann", label="statutory")
        records = {r["id"]: r for r in json.loads(export_bytes(register, "json"))}
        rows = {
            r["id"]: r
            for r in csv.DictReader(io.StringIO(export_bytes(register, "csv").decode("utf-8-sig")))
        }
        export_file(register, "xlsx", tmp_path / "register.xlsx")
        reqif = export_bytes(register, "reqif").decode("utf-8")
        audit = json.loads(export_audit_bytes(register, "json"))
        lessons = {s.text: s.label for s in register.reviewed_statements()}
    part, whole = records[ROHS_REF], records[BOTH_REF]
    assert (part["label"], part["decided_by"], part["decided_how"]) == (
        "statutory",
        "ann",
        "confirm",
    )
    # where it is on the page, the statement it came from, and the entry that holds the rest
    assert (part["document"], part["page"], part["pages"], part["clause"]) == (
        "drawing.pdf",
        2,
        "2",
        "7.3",
    )
    assert part["boxes"] == whole["boxes"] and part["boxes"][0]["page"] == 2
    assert (part["split_from"], part["extracted_text"], part["split_into"]) == (BOTH_REF, BOTH, [])
    assert (whole["split_from"], whole["extracted_text"], whole["split_into"]) == (
        None,
        BOTH,
        [ROHS_REF],
    )
    assert (part["model_label"], part["confidence"]) == (None, None)
    assert (rows[ROHS_REF]["split_from"], rows[BOTH_REF]["split_into"]) == (BOTH_REF, ROHS_REF)
    sheet = load_workbook(tmp_path / "register.xlsx").active
    assert sheet is not None
    cells = {
        row[0]: dict(zip(EXPORT_FIELDS, row, strict=True))
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert cells[ROHS_REF]["split_from"] == BOTH_REF
    assert cells[ROHS_REF]["extracted_text"] == BOTH
    assert 'LONG-NAME="split_from"' in reqif and f'THE-VALUE="{BOTH_REF}"' in reqif
    # the audit trail names both ends of the split
    by_action = {(e["action"], e["entry"]): e for e in audit}
    assert by_action[("split", BOTH_REF)]["after"]["split_into"] == [ROHS_REF]
    assert by_action[("split_off", ROHS_REF)]["after"]["split_from"] == BOTH_REF
    assert by_action[("split_off", ROHS_REF)]["document"] == "drawing.pdf"
    # reviewers' decisions teach the model each part with its own label
    assert (lessons[PLATING], lessons[ROHS]) == ("specified", "statutory")


def test_a_part_of_quoted_text_names_no_sender(db_url: str) -> None:
    from extractor.register import CandidateInput, DocumentInput

    with open_register(db_url) as register:
        register.add_document(
            DocumentInput(
                "e" * 64,
                "re-plating.eml",
                "eml",
                details={"sender": "buyer@example.com", "sent_at": "2026-03-02T09:00:00+00:00"},
            ),
            [CandidateInput(position=0, text=BOTH, kind="quoted")],
            actor="importer",
        )
        register.split(1, [PLATING, ROHS], version=1, actor="ann")
        part = register.get_entry(2)
        records = json.loads(export_bytes(register, "json", status="all"))
    assert part.kind == "quoted"  # someone earlier wrote it, not the mail's sender
    assert [(r["sender"], r["sent_at"]) for r in records] == [("", ""), ("", "")]


def test_a_split_decision_is_never_taken_over_as_it_was(db_url: str) -> None:
    """The next drawing states the same note: decided as before, it would get only the
    plating, and the RoHS requirement would be lost without anyone seeing it."""
    with open_register(db_url) as register:
        kept, rohs = _split(register)
        register.confirm(kept.ref, version=kept.version, actor="ann")
        register.confirm(rohs.ref, version=rohs.version, actor="ann", label="statutory")
        register.import_extractions([drawing("drawing-rev-b.pdf")], actor="importer")
        later = register.list_entries(EntryFilter(text=BOTH)).items
        where = EntryFilter(entry_ids=tuple(e.id for e in later))
        earlier = register.earlier_decisions(later)
        counted = register.count_earlier_decided(where)
        decided = register.apply_earlier_decisions(where, actor="bob")
        labels = register.decided_labels([BOTH])
        [waiting] = register.list_entries(EntryFilter(text=BOTH)).items
    [found] = earlier.values()
    assert (found.split, found.agree, found.agreed, found.total) == (BOTH_REF, False, None, 1)
    assert (counted, decided, labels) == (0, 0, {})
    assert (waiting.status, waiting.text) == ("candidate", BOTH)


def test_the_command_line_splits_a_candidate(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from extractor.cli import cli
    from extractor.register import ENV_VAR

    monkeypatch.delenv(ENV_VAR, raising=False)
    runner = CliRunner()
    with open_register(db_url) as register:
        register.import_extractions([drawing()], actor="importer")
    split = ["register", "split", "REQ-0001", "--db", db_url, "--by", "cy"]
    one = runner.invoke(cli, [*split, "--part", PLATING])
    assert one.exit_code == 1 and "two parts at least" in one.output
    stale = runner.invoke(cli, [*split, "--version", "7", "--part", PLATING, "--part", ROHS])
    assert stale.exit_code == 1 and "reload it" in stale.output
    done = runner.invoke(cli, [*split, "--version", "1", "--part", PLATING, "--part", ROHS])
    assert done.exit_code == 0, done.output
    assert done.output == (
        "REQ-0001 split: it keeps the first part; REQ-0002 is a new candidate without a label,"
        " to be labelled and decided\n"
    )
    again = runner.invoke(
        cli,
        [*split[:2], "REQ-0002", *split[3:], "--part", "Comply with RoHS.", "--part", "Exempt."],
    )
    assert again.exit_code == 0, again.output  # without --version: the version as it is now
    missing = runner.invoke(cli, [*split[:3], "--db", str(tmp_path / "nothing.db"), "--part", "a"])
    assert missing.exit_code == 1 and "no register there" in missing.output
    with open_register(db_url) as register:
        entries = [(e.ref, e.text, e.updated_by) for e in register.iter_entries()]
    assert entries == [
        ("REQ-0001", PLATING, "cy"),
        ("REQ-0002", "Comply with RoHS.", "cy"),
        ("REQ-0003", "Exempt.", "cy"),
    ]


def test_a_split_entry_is_not_decided_as_the_whole_statement_was_before(db_url: str) -> None:
    """The last drawing's note was confirmed whole; this one's is split: deciding it as
    before would put the whole statement back beside its split-off part."""
    with open_register(db_url) as register:
        register.import_extractions([drawing("drawing-rev-a.pdf")], actor="importer")
        register.confirm(1, version=1, actor="ann")
        register.import_extractions([drawing("drawing-rev-b.pdf")], actor="importer")
        register.split(2, [PLATING, ROHS], version=1, actor="bob")
        waiting = EntryFilter(statuses=("candidate",))
        shown = register.list_entries(waiting).items
        earlier = register.earlier_decisions(shown)
        counted = register.count_earlier_decided(waiting)
        decided = register.apply_earlier_decisions(waiting, actor="bob")
        kept = register.get_entry(2)
    assert [e.ref for e in shown] == ["REQ-0002", "REQ-0003"]
    assert (earlier, counted, decided) == ({}, 0, 0)
    assert (kept.status, kept.text) == ("candidate", PLATING)
