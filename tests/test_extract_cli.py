"""``reqx extract`` as a user runs it: record fields, bad files, exit status, options.

Runs the click command in-process with ``CliRunner`` (stdout and stderr kept
apart) and once for real as ``python -m extractor`` in a subprocess.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from extractor.cli import cli
from extractor.types import LABELS

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "tests" / "documents"
RECORD_FIELDS = {
    "doc",
    "sha256",
    "page",
    "boxes",
    "clause",
    "section",
    "text",
    "party",
    "laws",
    "standards",
    "ocr",
    "label",
    "confidence",
}


@pytest.fixture
def in_documents(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from tests/documents so paths are given relative, as a user types them."""
    monkeypatch.chdir(DOCUMENTS)
    return DOCUMENTS


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["extract", *args], catch_exceptions=False)


def jsonl(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_records_carry_every_field(in_documents: Path) -> None:
    result = run("pdf/headers_footers.pdf", "text/plain_contract.txt", "--no-classify")
    assert result.exit_code == 0, result.stderr
    records = jsonl(result)
    assert {record["doc"] for record in records} == {
        "pdf/headers_footers.pdf",
        "text/plain_contract.txt",
    }
    for record in records:
        assert set(record) >= RECORD_FIELDS
        assert record["label"] is None and record["confidence"] is None
    pdf = [record for record in records if record["doc"] == "pdf/headers_footers.pdf"]
    digest = hashlib.sha256((in_documents / "pdf/headers_footers.pdf").read_bytes()).hexdigest()
    assert {record["sha256"] for record in pdf} == {digest}
    assert [record["page"] for record in pdf] == [1, 1, 1, 1, 2, 2, 3, 3]
    for record in pdf:
        assert record["boxes"]
        for box in record["boxes"]:  # type: ignore[attr-defined]
            assert set(box) == {"page", "x0", "top", "x1", "bottom"}
            assert box["x0"] < box["x1"] and box["top"] < box["bottom"]
    iso = next(record for record in pdf if record["clause"] == "3")
    assert iso["standards"] == ["ISO 9001"] and iso["party"] == "Supplier"
    text = [record for record in records if record["doc"] == "text/plain_contract.txt"]
    assert all(record["page"] is None and record["boxes"] == [] for record in text)
    assert {record["section"] for record in text} >= {"2. QUALITY", "3. DELIVERY"}


def test_attachments_come_out_under_the_mail(in_documents: Path) -> None:
    result = run("email/thread_with_quoted_reply.eml", "--no-classify")
    assert result.exit_code == 0
    docs = {record["doc"] for record in jsonl(result)}
    assert docs == {
        "email/thread_with_quoted_reply.eml",
        "email/thread_with_quoted_reply.eml#inspection_requirements.pdf",
        "email/thread_with_quoted_reply.eml#delivery_addresses.txt",
    }


def test_scanned_statements_are_marked_ocr(in_documents: Path) -> None:
    from extractor.reading.ocr import ocr_available

    if not ocr_available():
        pytest.skip("tesseract is not installed (CI installs it)")
    records = jsonl(run("pdf/mixed_scanned.pdf", "--no-classify"))
    assert [(record["page"], record["ocr"]) for record in records] == [
        (1, False),
        (2, True),
        (2, True),
    ]


def test_csv_has_the_fields_and_neutralises_formulas(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(
        '=HYPERLINK("http://example.com") shall not run.\n\n+1 shall stay text.\n\n'
        "@SUM(A1) shall stay text.\n",
        encoding="utf-8",
    )
    result = run(str(note), "--format", "csv", "--no-classify")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert set(rows[0]) >= RECORD_FIELDS
    texts = [row["text"] for row in rows]
    assert texts and all(text.startswith("'") for text in texts), texts
    assert texts[0] == '\'=HYPERLINK("http://example.com") shall not run.'


def test_table_format_lists_page_clause_and_text(in_documents: Path) -> None:
    result = run("pdf/nested_numbering.pdf", "pdf/table.pdf", "--format", "table", "--no-classify")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "== pdf/nested_numbering.pdf"
    assert lines.index("== pdf/table.pdf") == 12  # each file under its name
    assert lines[1].split()[:2] == ["p.1", "1.1"]
    assert "The Supplier shall meet the requirements" in lines[1]


BAD_FILES = {
    "pdf/corrupt.pdf": "the PDF is incomplete",
    "pdf/encrypted.pdf": "password",
    "pdf/empty.pdf": "no text",
    "bad/random.bin": "not a PDF",
    "bad/image.pdf": "PNG image",
    "bad/empty.txt": "empty",
}


@pytest.mark.parametrize("bad", sorted(BAD_FILES))
def test_each_bad_file_is_one_line_and_the_good_files_still_print(
    in_documents: Path, bad: str
) -> None:
    result = run("pdf/table.pdf", bad, "text/notes.md", "--no-classify")
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert errors == [errors[0]] and errors[0].startswith(f"reqx: error: {bad}: ")
    assert BAD_FILES[bad] in errors[0]
    assert "Traceback" not in result.stderr
    docs = [record["doc"] for record in jsonl(result)]
    assert "pdf/table.pdf" in docs and "text/notes.md" in docs


def test_a_random_binary_named_pdf_is_not_a_pdf(tmp_path: Path) -> None:
    fake = tmp_path / "invoice.pdf"
    fake.write_bytes(bytes(range(256)) * 8)
    result = run(str(fake), "--no-classify")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [result.stderr.splitlines()[0]]
    assert result.stderr.startswith(f"reqx: error: {fake}: ")


def test_password_opens_the_encrypted_pdf(in_documents: Path) -> None:
    result = run("pdf/encrypted.pdf", "--password", "s3cret", "--no-classify")
    assert result.exit_code == 0 and result.stderr == ""
    assert [r["text"] for r in jsonl(result)] == ["The price list in this order is confidential."]
    wrong = run("pdf/encrypted.pdf", "--password", "guess", "--no-classify")
    assert wrong.exit_code == 1 and "wrong password" in wrong.stderr


def test_the_fast_reader_is_the_apps_and_reads_the_same_statements(
    in_documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A re-walk compared the CLI (pdfplumber) with the app (fast reader) and had no switch."""
    import extractor.reading.fast_pdf as fast_pdf

    calls: list[str] = []
    real = fast_pdf.read_pdf_fast

    def counted(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(fast_pdf, "read_pdf_fast", counted)
    careful = run("pdf/headers_footers.pdf", "--no-classify")
    assert calls == []
    fast = run("pdf/headers_footers.pdf", "--no-classify", "--reader", "fast")
    assert fast.exit_code == 0 and calls == ["pdf/headers_footers.pdf"]
    assert [r["text"] for r in jsonl(fast)] == [r["text"] for r in jsonl(careful)]


def test_scanned_pdf_without_ocr_fails_with_a_reason(in_documents: Path) -> None:
    result = run("pdf/scanned.pdf", "pdf/table.pdf", "--no-ocr", "--no-classify")
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("reqx: error: pdf/scanned.pdf: ") and "text layer" in line
    assert {r["doc"] for r in jsonl(result)} == {"pdf/table.pdf"}


def test_partly_scanned_pdf_without_ocr_warns_and_keeps_its_text(in_documents: Path) -> None:
    result = run("pdf/mixed_scanned.pdf", "--no-ocr", "--no-classify")
    assert result.exit_code == 0
    assert "reqx: warning: pdf/mixed_scanned.pdf: page 2 has no text layer" in result.stderr
    assert [r["page"] for r in jsonl(result)] == [1]


def test_a_file_named_pdf_that_is_text_is_read_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "export.pdf").write_text("The Supplier shall deliver 5 units.\n")
    result = run("export.pdf", "--no-classify")
    assert result.exit_code == 0
    assert result.stderr == (
        "reqx: warning: export.pdf: named like a PDF but it is text; read as text\n"
    )
    assert [r["text"] for r in jsonl(result)] == ["The Supplier shall deliver 5 units."]


def test_max_pages_refuses_longer_pdfs(in_documents: Path) -> None:
    result = run("pdf/headers_footers.pdf", "pdf/table.pdf", "--max-pages", "2", "--no-classify")
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("reqx: error: pdf/headers_footers.pdf: ") and "limit of 2" in line
    assert {r["doc"] for r in jsonl(result)} == {"pdf/table.pdf"}
    assert run("pdf/headers_footers.pdf", "--max-pages", "3", "--no-classify").exit_code == 0


@pytest.mark.parametrize(
    "args",
    [[], ["pdf/table.pdf", "--format", "xml"], ["pdf/table.pdf", "--max-pages", "0"]],
    ids=["no files", "bad format", "bad max-pages"],
)
def test_usage_errors_exit_2(in_documents: Path, args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["extract", *args])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_labels_when_the_bundled_model_loads(in_documents: Path) -> None:
    from extractor.classifying import load_default_classifier
    from extractor.errors import ModelError

    try:
        load_default_classifier()
    except ModelError:
        pytest.skip("no usable bundled model in models/")
    records = jsonl(run("pdf/table.pdf"))
    assert records and all(record["label"] in LABELS for record in records)
    assert all(0.0 <= record["confidence"] <= 1.0 for record in records)  # type: ignore[operator]


OPTIONS = ["--no-classify", "--format", "jsonl"]


def test_python_dash_m_extractor_runs_for_real(in_documents: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", "pdf/table.pdf", "bad/random.bin", *OPTIONS],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [done.stderr.splitlines()[0]]
    assert done.stderr.startswith("reqx: error: bad/random.bin: ")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [record["kind"] for record in records].count("table_row") == 3


@pytest.mark.parametrize("output_format", ["jsonl", "table", "csv"])
def test_a_reader_who_stops_early_ends_the_run_quietly_as_unix_tools_do(
    tmp_path: Path, output_format: str
) -> None:
    """``reqx extract ... | head -1``: exit 141 (128 + SIGPIPE), like ``seq``, and no traceback."""
    long_text = tmp_path / "long.txt"  # far more output than a pipe holds (64 KiB)
    long_text.write_text(
        "".join(f"{n}. The Supplier shall keep record {n} for ten years.\n" for n in range(5000))
    )
    command = [sys.executable, "-m", "extractor", "extract", str(long_text), "--no-classify"]
    process = subprocess.Popen(
        [*command, "--format", output_format],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # what `head -1` does after its line
    errors = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=120) == 141
    assert first.strip() and errors == ""


def _command_names(group: click.Group, prefix: str = "reqx") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        names.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            names += _command_names(command, f"{prefix} {name}")
    return names


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in _command_names(cli) if name not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_a_bug_on_one_file_is_one_line_and_the_other_files_still_print(
    in_documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception nobody raised on purpose names the file, says it is a bug, and moves on."""
    import extractor.pipeline

    real = extractor.pipeline.extract_file

    def buggy(path: str, **options: object) -> object:
        if path.endswith("notes.md"):
            raise KeyError("font-table")
        return real(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(extractor.pipeline, "extract_file", buggy)
    result = run("text/notes.md", "pdf/table.pdf", "--no-classify")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "reqx: error: text/notes.md: unexpected KeyError: 'font-table' (a bug; please report it)"
    ]
    assert {record["doc"] for record in jsonl(result)} == {"pdf/table.pdf"}


def _protected_pdf(path: Path, password: str) -> Path:
    """A one-page PDF that opens only with ``password`` (as make_pdfs' encrypted.pdf)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(text="The price list in this order is confidential.")
    pdf.output(str(path))
    return path


def test_a_protected_pdf_names_the_option_its_password_is_given_with(tmp_path: Path) -> None:
    """An aerospace walk: "password protected; give a password" did not say how."""
    protected = _protected_pdf(tmp_path / "po-protected.pdf", "aero")
    result = run(str(protected), "--no-classify")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"reqx: error: {protected}: password protected; give a password with --password"
    ]
    wrong = run(str(protected), "--password", "guess", "--no-classify")
    assert wrong.stderr.splitlines() == [
        f"reqx: error: {protected}: wrong password (the one given with --password)"
    ]
    opened = run(str(protected), "--password", "aero", "--no-classify")
    assert opened.exit_code == 0, opened.stderr


def test_a_file_without_statements_gets_a_note(tmp_path: Path) -> None:
    """A pharmaceutical walk: a mail with no body printed nothing and exited 0."""
    mail = tmp_path / "empty_forecast_mail.eml"
    mail.write_bytes(
        b"From: a@x.example\r\nTo: b@y.example\r\nSubject: Forecast\r\n"
        b"Content-Type: text/plain\r\n\r\n\r\n"
    )
    result = run(str(mail), "--no-classify")
    assert result.exit_code == 0 and result.stdout == ""
    assert f"reqx: note: {mail}: no statements found. The file holds no readable" in result.stderr
