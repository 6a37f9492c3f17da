"""The record that a document's review was finished: refused while entries wait, kept in the
audit trail, marked "changed since" when a decision follows, listed by the CLI."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import cli
from extractor.register import EntryFilter, NotFound, Register, RegisterError, open_register
from extractor.register.exporting import export_audit_bytes

from .helpers import CONTRACT_LINES, make_extraction, write_statement_file


def _decide_all(register: Register, document_id: int) -> None:
    register.confirm_where(EntryFilter(document_ids=(document_id,)), actor="ann")
    entry = register.get_entry("REQ-0004")
    register.reject(entry.ref, version=entry.version, actor="ann")


def test_finishing_is_refused_while_entries_wait(db_url: str) -> None:
    with open_register(db_url) as register:
        report = register.import_extractions([make_extraction()], actor="ann")
        (document_id,) = report.document_ids
        with pytest.raises(RegisterError) as refused:
            register.finish_review(document_id, outcome="accepted", actor="ann")
        assert register.review_records() == []
    message = refused.value.message
    assert f"{len(CONTRACT_LINES)} entries are still to be decided" in message
    assert "contract.pdf" in message and "REQ-0001" in message and "and 1 more" in message


def test_finished_review_is_recorded_with_its_counts(db_url: str) -> None:
    with open_register(db_url) as register:
        (document_id,) = register.import_extractions([make_extraction()], actor="ann").document_ids
        _decide_all(register, document_id)
        record = register.finish_review(
            document_id, outcome="accepted with deviations", comment="Clause 4.3 waived", actor="bo"
        )
        trail = register.audit_log(limit=1).items[0]
    assert (record.document_name, record.outcome, record.finished_by) == (
        "contract.pdf",
        "accepted with deviations",
        "bo",
    )
    assert (record.confirmed, record.rejected, record.superseded) == (len(CONTRACT_LINES) - 1, 1, 0)
    assert record.comment == "Clause 4.3 waived" and record.changes_since == 0
    assert record.finished_at.tzinfo is not None
    # the record is an audit event like any decision: append-only, in the trail's export
    assert (trail.action, trail.document_id, trail.entry_ref) == (
        "review_finished",
        document_id,
        None,
    )
    assert trail.after is not None and trail.after["outcome"] == "accepted with deviations"


def test_a_decision_after_the_record_shows_as_changed_since(db_url: str) -> None:
    with open_register(db_url) as register:
        (document_id,) = register.import_extractions([make_extraction()], actor="ann").document_ids
        other = register.import_extractions([make_extraction("po.pdf")], actor="ann")
        _decide_all(register, document_id)
        register.finish_review(document_id, outcome="accepted", actor="ann")
        # a decision on another document's entry does not touch this record
        first_other = register.list_entries(EntryFilter(document_ids=other.document_ids)).items[0]
        register.confirm(first_other.ref, version=first_other.version, actor="ann")
        assert register.review_records(document_id)[-1].changes_since == 0
        entry = register.get_entry("REQ-0002")
        register.relabel(entry.ref, "specified", version=entry.version, actor="cy")
        states = {review.name: review for review in register.document_reviews()}
        record = register.review_records(document_id)[-1]
    assert record.changes_since == 1
    assert states["contract.pdf"].state == "changed since the review was finished"
    assert states["po.pdf"].state == "to review"
    assert states["po.pdf"].open == len(CONTRACT_LINES) - 1 and states["po.pdf"].latest is None


def test_a_second_record_supersedes_the_first_in_the_listing(db_url: str) -> None:
    with open_register(db_url) as register:
        (document_id,) = register.import_extractions([make_extraction()], actor="ann").document_ids
        _decide_all(register, document_id)
        register.finish_review(document_id, outcome="accepted", actor="ann")
        entry = register.get_entry("REQ-0001")
        register.reject(entry.ref, version=entry.version, actor="ann")
        register.finish_review(document_id, outcome="declined", comment="Lead time", actor="ann")
        (review,) = register.document_reviews()
        records = register.review_records()
    assert [record.outcome for record in records] == ["accepted", "declined"]
    assert records[0].changes_since == 1 and records[1].changes_since == 0
    assert review.state == "review finished: declined" and review.rejected == 2


@pytest.mark.parametrize(
    ("outcome", "comment", "said"),
    [
        ("maybe", "", "not one of accepted, accepted with deviations, declined"),
        ("declined", "  ", "'declined' needs a comment"),
        ("accepted with deviations", "", "needs a comment"),
    ],
)
def test_outcomes_are_checked(tmp_path: Path, outcome: str, comment: str, said: str) -> None:
    with open_register(str(tmp_path / "r.db")) as register:
        (document_id,) = register.import_extractions([make_extraction()], actor="ann").document_ids
        _decide_all(register, document_id)
        with pytest.raises(RegisterError, match=said):
            register.finish_review(document_id, outcome=outcome, comment=comment, actor="ann")
        with pytest.raises(RegisterError, match="reviewer's name"):
            register.finish_review(document_id, outcome="accepted", actor=" ")
        with pytest.raises(NotFound):
            register.finish_review(999, outcome="accepted", actor="ann")


def test_a_document_without_entries_can_be_finished(tmp_path: Path) -> None:
    """A letter with no requirement in it was still read: that is a result of the review."""
    with open_register(str(tmp_path / "r.db")) as register:
        extraction = make_extraction("letter.eml")
        empty = type(extraction)(extraction.document, (), ())
        (document_id,) = register.import_extractions([empty], actor="ann").document_ids
        record = register.finish_review(document_id, outcome="accepted", actor="ann")
    assert (record.confirmed, record.rejected) == (0, 0)


def test_cli_finishes_and_lists_reviews(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    statements = write_statement_file(
        tmp_path / "s.jsonl", make_extraction(), make_extraction('=cmd|"/c calc"!A1.pdf')
    )
    runner = CliRunner()
    assert runner.invoke(cli, ["register", "import", str(statements), "--db", db]).exit_code == 0
    refused = runner.invoke(
        cli, ["register", "finish-review", "contract.pdf", "--outcome", "accepted", "--db", db]
    )
    assert refused.exit_code == 1 and "still to be decided" in refused.output
    with open_register(db) as register:
        _decide_all(register, 1)
    done = runner.invoke(
        cli,
        [
            "register",
            "finish-review",
            "contract.pdf",
            "--outcome",
            "accepted",
            "--by",
            "ann",
            "--db",
            db,
        ],
    )
    assert done.exit_code == 0, done.output
    assert "contract.pdf: review finished by ann, accepted; 5 requirements confirmed" in done.output
    listed = runner.invoke(cli, ["register", "reviews", "--db", db])
    assert listed.exit_code == 0
    assert "contract.pdf: review finished: accepted (5 confirmed, 1 rejected, 0 to decide)" in (
        listed.output
    )
    assert "to review (0 confirmed, 0 rejected, 6 to decide)" in listed.output
    out = tmp_path / "reviews.csv"
    assert (
        runner.invoke(
            cli, ["register", "reviews", "--format", "csv", "--out", str(out), "--db", db]
        ).exit_code
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [row["review_outcome"] for row in rows] == ["accepted", ""]
    assert rows[1]["document"].startswith("'=")  # a hostile file name does not run as a formula
    assert rows[0]["review_finished_by"] == "ann" and rows[0]["decisions_since_review"] == "0"
    # the record is in the audit trail an auditor exports
    with open_register(db) as register:
        audit = export_audit_bytes(register, "csv").decode("utf-8-sig")
    assert "review_finished" in audit


def test_cli_reviews_count_what_a_later_revision_superseded(tmp_path: Path) -> None:
    """The re-walk of session 22: rev A's confirmed requirements vanished from "register
    reviews" once rev B superseded them ("0 confirmed, 1 rejected, 0 to decide")."""
    db = str(tmp_path / "r.db")
    statements = write_statement_file(
        tmp_path / "s.jsonl", make_extraction(), make_extraction("contract-rev-b.pdf")
    )
    runner = CliRunner()
    assert runner.invoke(cli, ["register", "import", str(statements), "--db", db]).exit_code == 0
    with open_register(db) as register:
        _decide_all(register, 1)
        old = register.get_entry("REQ-0001")
        new = register.list_entries(EntryFilter(document_ids=(2,))).items[0]
        register.confirm(new.ref, version=new.version, actor="ann")
        register.supersede(old.ref, new.ref, version=old.version, actor="ann")
        withdrawn = register.get_entry("REQ-0002")
        register.withdraw(withdrawn.ref, version=withdrawn.version, actor="ann", reason="gone")
    listed = runner.invoke(cli, ["register", "reviews", "--db", db])
    assert listed.exit_code == 0, listed.output
    confirmed = len(CONTRACT_LINES) - 3
    assert (
        f"contract.pdf: decided, review not finished ({confirmed} confirmed, 1 superseded,"
        " 1 withdrawn, 1 rejected, 0 to decide)"
    ) in listed.output
    assert "contract-rev-b.pdf: to review (1 confirmed, 0 rejected," in listed.output


def test_cli_names_an_unknown_or_ambiguous_document(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    statements = write_statement_file(
        tmp_path / "s.jsonl", make_extraction(), make_extraction(salt="revision B")
    )
    runner = CliRunner()
    runner.invoke(cli, ["register", "import", str(statements), "--db", db])
    args = ["--outcome", "accepted", "--db", db]
    ambiguous = runner.invoke(cli, ["register", "finish-review", "contract.pdf", *args])
    assert ambiguous.exit_code == 1
    assert "2 documents have that name (ids 1, 2); give the id instead" in ambiguous.output
    unknown = runner.invoke(cli, ["register", "finish-review", "order.pdf", *args])
    assert unknown.exit_code == 1 and "order.pdf: no document of that name" in unknown.output


def test_a_document_without_statements_says_so_among_the_reviews(db_url: str) -> None:
    """A pharmaceutical walk: a body-less mail was "decided, review not finished (0
    confirmed, 0 rejected, 0 to decide)"."""
    from extractor.register import DocumentInput

    with open_register(db_url) as register:
        register.add_document(
            DocumentInput("e" * 64, "empty_forecast_mail.eml", "email", None, None), [], actor="ann"
        )
        register.import_extractions([make_extraction("po.pdf")], actor="ann")
        states = {review.name: review.state for review in register.document_reviews()}
    assert states == {"empty_forecast_mail.eml": "no statements in it", "po.pdf": "to review"}


def test_cli_finds_a_document_read_first_as_a_mails_attachment(tmp_path: Path) -> None:
    """A pharmaceutical walk: the specification came first attached to a mail, so the
    register knew it as "mail.eml#spec.docx" and "finish-review spec.docx" found nothing;
    the file itself is found by its content too."""
    db = str(tmp_path / "r.db")
    statements = write_statement_file(
        tmp_path / "s.jsonl", make_extraction("03_mail.eml#ALT-SPEC-NLV-010_Rev3.docx")
    )
    runner = CliRunner()
    runner.invoke(cli, ["register", "import", str(statements), "--db", db])
    with open_register(db) as register:
        _decide_all(register, 1)
        sha256 = register.documents()[0].sha256
    args = ["--outcome", "accepted", "--db", db]
    by_name = runner.invoke(cli, ["register", "finish-review", "ALT-SPEC-NLV-010_Rev3.docx", *args])
    assert by_name.exit_code == 0, by_name.output
    assert "03_mail.eml#ALT-SPEC-NLV-010_Rev3.docx: review finished" in by_name.output
    # saved under another name: found by its bytes (make_extraction hashes name + salt)
    copy = tmp_path / "spec-as-saved.docx"
    copy.write_bytes(b"03_mail.eml#ALT-SPEC-NLV-010_Rev3.docx")
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == sha256
    by_content = runner.invoke(cli, ["register", "finish-review", str(copy), *args])
    assert by_content.exit_code == 0, by_content.output
    other = tmp_path / "other.docx"
    other.write_bytes(b"other bytes")
    assert runner.invoke(cli, ["register", "finish-review", str(other), *args]).exit_code == 1
