"""`reqx classify`, `reqx evaluate` and `reqx train` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import cli

from .tiny_corpus import write_corpus


def test_classify_reads_stdin_and_keeps_order(tiny_model: Path) -> None:
    lines = "\n".join(
        json.dumps(record)
        for record in [
            {"id": "a", "text": "Supplier shall comply with RoHS (Directive 2011/65/EU)."},
            {"id": "b", "text": "Thanks!", "context_before": "Hi.", "context_after": "Bye."},
            {"id": "c", "text": "Ship 20 pallets by 3 May 2027."},
        ]
    )
    model = str(tiny_model / "requirements.skops")
    result = CliRunner().invoke(cli, ["classify", "--input", "-", "--model", model], input=lines)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [row["id"] for row in rows] == ["a", "b", "c"]
    assert rows[0]["laws"]
    assert all(0.0 <= row["confidence"] <= 1.0 for row in rows)


def test_classify_small_batches_give_the_same_answers(tiny_model: Path) -> None:
    lines = "\n".join(json.dumps({"id": i, "text": f"Deliver {i} boxes."}) for i in range(7))
    model = str(tiny_model / "requirements.skops")
    whole = CliRunner().invoke(cli, ["classify", "--input", "-", "--model", model], input=lines)
    small = CliRunner().invoke(
        cli, ["classify", "--input", "-", "--model", model, "--batch-size", "2"], input=lines
    )
    assert whole.output == small.output


def test_classify_reads_e_mail_however_spelt_and_warns_once_of_an_unknown_doc_type(
    tiny_model: Path,
) -> None:
    model = str(tiny_model / "requirements.skops")
    text = "pls send the certs friday, we need them for the audit"
    lines = "\n".join(
        json.dumps({"id": kind, "text": text, "doc_type": kind})
        for kind in ["email", "E-mail", "eml", "memo", "memo"]
    )
    result = CliRunner().invoke(cli, ["classify", "--input", "-", "--model", model], input=lines)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in rows] == ["email", "E-mail", "eml", "memo", "memo"]
    assert rows[0]["scores"] == rows[1]["scores"] == rows[2]["scores"]
    assert result.stderr.count("warning") == 1
    assert result.stderr.startswith('reqx: warning: line 4: doc_type "memo" is not one of ')


def test_classify_names_the_bad_line(tiny_model: Path) -> None:
    model = str(tiny_model / "requirements.skops")
    result = CliRunner().invoke(
        cli,
        ["classify", "--input", "-", "--model", model],
        input='{"id": 1, "text": "ok"}\n{oops\n',
    )
    assert result.exit_code == 1
    assert "line 2" in result.output


def test_classify_without_a_model_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["classify", "--input", "-", "--model", str(tmp_path / "x.skops")], input=""
    )
    assert result.exit_code == 1
    assert "model file not found" in result.output


def test_evaluate_prints_model_and_baseline(tiny_model: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "1", "text": "Supplier shall ship.", "label": "specified"})
        + "\n"
        + json.dumps({"id": "2", "text": "Hello.", "label": "none"})
        + "\n",
        encoding="utf-8",
    )
    model = str(tiny_model / "requirements.skops")
    text = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold), "--model", model])
    assert text.exit_code == 0, text.output
    assert "keyword baseline" in text.output and "macro-F1" in text.output
    assert "expected calibration error" in text.output
    assert "95% intervals, 2000 bootstrap rounds over 2 documents" in text.output
    assert "rejecting `none` at confidence >= 0.90 would remove" in text.output
    as_json = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold), "--model", model, "--json"])
    report = json.loads(as_json.output)
    assert report["model"]["support"] == 2
    assert report["bulk_reject"]["requirements"] == 1
    assert report["bulk_reject"]["none_statements"] == 1
    assert "requirement_vs_none" in report["keyword_baseline"]
    bands = report["confidence"]["bands"]
    assert sum(band["statements"] for band in bands) == 2
    assert set(report["intervals"]["model"]) == {
        "requirement_f1",
        "macro_f1",
        "implied_recall",
        "statutory_precision",
    }


def test_train_command_writes_model_and_card(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    models = tmp_path / "models"
    result = CliRunner().invoke(
        cli, ["train", "--corpus", str(corpus), "--models", str(models), "--test-size", "0.25"]
    )
    assert result.exit_code == 0, result.output
    assert (models / "requirements.skops").is_file()
    assert json.loads((models / "requirements.card.json").read_text())["corpus"]["statements"] == 40


def test_train_command_takes_a_register(tmp_path: Path) -> None:
    from extractor.pipeline import extract_file
    from extractor.register import open_register

    sample = Path(__file__).resolve().parents[2] / "corpus" / "samples" / "machining_rfq.txt"
    database = str(tmp_path / "register.db")
    with open_register(database) as register:
        register.import_extractions(extract_file(str(sample)), actor="ann")
        entry = register.list_entries(limit=1).items[0]
        entry = register.relabel(entry.ref, "specified", version=entry.version, actor="ann")
        register.confirm(entry.ref, version=entry.version, actor="ann")
    corpus = write_corpus(tmp_path / "corpus")
    models = tmp_path / "models"
    result = CliRunner().invoke(
        cli,
        [
            *("train", "--corpus", str(corpus), "--models", str(models)),
            *("--test-size", "0.25", "--register", database),
        ],
    )
    assert result.exit_code == 0, result.output
    card = json.loads((models / "requirements.card.json").read_text())
    assert card["register"]["statements"] == 1


def test_train_with_a_register_it_cannot_open_is_one_error_line(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    result = CliRunner().invoke(
        cli,
        [
            *("train", "--corpus", str(corpus), "--models", str(tmp_path / "models")),
            *("--register", "postgresql://ann:hunter2@[::1:5432/reqx"),
        ],
    )
    assert result.exit_code == 1
    assert result.output.startswith("reqx: error: not a usable database URL")
    assert "hunter2" not in result.output and "Traceback" not in result.output
    assert not (tmp_path / "models").exists()


def test_classify_names_at_most_twenty_bad_lines(tiny_model: Path) -> None:
    model = str(tiny_model / "requirements.skops")
    lines = "\n".join(["{oops"] * 30 + ['{"text": "Ship weekly."}'])
    result = CliRunner().invoke(cli, ["classify", "--input", "-", "--model", model], input=lines)
    assert result.exit_code == 1
    assert result.stderr.count("skipped, not JSON") == 20
    assert result.stderr.splitlines()[-1] == (
        "reqx: error: 30 lines skipped (the first 20 named above), the rest labelled"
    )
    assert len(result.stdout.splitlines()) == 1


def write_gold(folder: Path, *rows: dict[str, str]) -> Path:
    """A gold file of the given rows, one JSON object a line."""
    gold = folder / "gold.jsonl"
    gold.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return gold


def test_evaluate_against_another_model_reports_the_paired_gain(
    tiny_model: Path, tmp_path: Path
) -> None:
    gold = write_gold(
        tmp_path,
        {"id": "1", "doc": "a", "text": "Supplier shall ship.", "label": "specified"},
        {"id": "2", "doc": "a", "text": "Hello.", "label": "none"},
        {"id": "3", "doc": "b", "text": "Comply with REACH.", "label": "statutory"},
    )
    model = str(tiny_model / "requirements.skops")
    arguments = ["evaluate", "--gold", str(gold), "--model", model, "--against", model]
    text = CliRunner().invoke(cli, arguments)
    assert text.exit_code == 0, text.output
    assert f"other model {model}" in text.output
    assert "gain over requirements.skops +0.000 to +0.000" in text.output
    report = json.loads(CliRunner().invoke(cli, [*arguments, "--json"]).output)
    assert report["against"]["scores"] == report["model"]  # the same model, the same labels
    assert report["against"]["gain"]["macro_f1"] == [0.0, 0.0]
    missing = CliRunner().invoke(cli, [*arguments[:-1], str(tmp_path / "nope.skops")])
    assert missing.exit_code == 2


def test_evaluate_breaks_the_scores_down_by_document_type(tiny_model: Path, tmp_path: Path) -> None:
    from extractor.classifying import load_model
    from extractor.training import evaluate_pipeline, load_gold, scores_by_document_type

    gold = write_gold(
        tmp_path,
        {"id": "1", "text": "Supplier shall ship.", "label": "specified", "doc_type": "contract"},
        {"id": "2", "text": "Hello.", "label": "none", "doc_type": "email"},
        {"id": "3", "text": "Thanks, see you.", "label": "none", "doc_type": "email"},
    )
    model = str(tiny_model / "requirements.skops")
    text = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold), "--model", model])
    assert text.exit_code == 0, text.output
    lines = text.output.split("by document type (the gold file's doc_type):\n")[1].splitlines()
    assert lines[0].split() == ["document", "type", "n", "macro-F1", "req.", "F1"]
    assert [line.split()[:2] for line in lines[1:3]] == [["contract", "1"], ["email", "2"]]
    examples = load_gold(gold)
    predicted = evaluate_pipeline(load_model(Path(model)).pipeline, examples).predicted
    groups = scores_by_document_type(examples, predicted)
    assert {name: scores.support for name, scores in groups.items()} == {"contract": 1, "email": 2}


def test_classify_skips_bad_lines_names_them_and_labels_the_rest(tiny_model: Path) -> None:
    good = json.dumps({"text": "The Supplier shall ship 20 pallets."}).encode()
    lines = [
        b"\xef\xbb\xbf" + good,  # a byte-order mark before the first line is fine
        b'{"id": "x", "text": "caf\xe9 shall"}',  # Latin-1, not UTF-8
        b'{"id": "y", "text": "half \\ud800 a character"}',
        json.dumps({"id": "z", "text": "a " * 15_000}).encode(),
        json.dumps({"id": "w", "text": "Ok.", "context_before": 5}).encode(),
        b"",
        json.dumps({"id": "last", "text": "Thanks."}).encode(),
    ]
    model = str(tiny_model / "requirements.skops")
    result = CliRunner().invoke(
        cli, ["classify", "--input", "-", "--model", model], input=b"\n".join(lines)
    )
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, "last"]
    assert result.stderr.splitlines() == [
        "reqx: line 2: skipped, not UTF-8 text (byte 0xe9 at column 25)",
        "reqx: line 3: skipped, holds a lone surrogate escape such as \\ud800, which is no text",
        'reqx: line 4: skipped, "text" has 30,000 characters; a statement has at most 20,000'
        " (split it)",
        'reqx: line 5: skipped, "context_before" is not a string',
        "reqx: error: 4 lines skipped, the rest labelled",
    ]


SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        (['{"id": 1, "text": "Ship it.", "label": "specified"}', "{oops"], ":2: not JSON"),
        (['{"id": 1, "text": "Ship it.", "label": "Specified"}'], ":1: \"label\" is 'Specified'"),
        (['{"id": 1, "label": "none"}'], ':1: no "text" string'),
        ([""], ": no labelled statements"),
    ],
)
def test_evaluate_refuses_a_bad_gold_file_naming_the_line(
    tiny_model: Path, tmp_path: Path, lines: list[str], reason: str
) -> None:
    """A gold file with a bad line gave a traceback; scores over the lines that parse
    would mislead, so nothing is scored."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    model = str(tiny_model / "requirements.skops")
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold), "--model", model])
    assert result.exit_code == 1
    assert result.output == f"reqx: error: {gold}{reason}" + result.output.split(reason, 1)[1]
    assert "Traceback" not in result.output and "macro-F1" not in result.output


def test_evaluate_and_classify_name_a_document_given_for_json_lines(tiny_model: Path) -> None:
    """`reqx evaluate --gold contract.pdf` gave a traceback, `reqx classify --input` of it
    named 620 lines "not JSON"."""
    model = str(tiny_model / "requirements.skops")
    pdf = SAMPLES / "food_purchase_order_terms.pdf"
    evaluated = CliRunner().invoke(cli, ["evaluate", "--gold", str(pdf), "--model", model])
    classified = CliRunner().invoke(cli, ["classify", "--input", str(pdf), "--model", model])
    for result, wanted in ((evaluated, "labelled statements"), (classified, "statements")):
        assert result.exit_code == 1
        assert result.output.startswith(f"reqx: error: {pdf}: a PDF document, not {wanted}: ")
        assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert "`reqx extract" in classified.output


def test_train_checks_the_file_to_measure_on_before_writing_a_model(tmp_path: Path) -> None:
    """A bad --measure-on file was found after the model was written, leaving it without
    its card."""
    corpus = write_corpus(tmp_path / "corpus")
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": 1, "text": "Ship it.", "label": "required"}\n', encoding="utf-8")
    models = tmp_path / "models"
    result = CliRunner().invoke(
        cli,
        ["train", "--corpus", str(corpus), "--models", str(models), "--measure-on", str(gold)],
    )
    assert result.exit_code == 1
    assert result.output.startswith(f"reqx: error: {gold}:1: \"label\" is 'required'")
    assert not models.exists()


def test_classify_names_a_document_piped_to_standard_input(tiny_model: Path) -> None:
    """`cat contract.pdf | reqx classify --input -` named 20 lines "not UTF-8" and went on."""
    model = str(tiny_model / "requirements.skops")
    command = [sys.executable, "-m", "extractor", "classify", "--input", "-", "--model", model]
    piped = subprocess.run(
        command,
        input=(SAMPLES / "food_purchase_order_terms.pdf").read_bytes(),
        capture_output=True,
        check=False,
    )
    assert piped.returncode == 1 and piped.stdout == b""
    assert piped.stderr.decode().startswith("reqx: error: standard input: a PDF document, not")
    assert piped.stderr.decode().count("\n") == 1
    lines = subprocess.run(
        command, input=b'{"id": 1, "text": "Ship weekly."}\n', capture_output=True, check=False
    )
    assert lines.returncode == 0 and json.loads(lines.stdout)["id"] == 1


def test_json_lines_are_told_by_their_first_bytes_without_the_readers(tmp_path: Path) -> None:
    """The check before a command reads JSON lines costs no reader imports for JSON lines:
    the cold start of `reqx classify --input FILE` had grown by them (2.2 s to 2.7 s)."""
    from extractor.cli_errors import opens_json_lines, starts_json

    assert starts_json(b'\xef\xbb\xbf\n  {"id": 1}') and not starts_json(b"%PDF-1.7")
    lines = tmp_path / "in.jsonl"
    lines.write_bytes(b'\n{"id": 1, "text": "Ship weekly."}\n')
    assert opens_json_lines(lines)
    assert not opens_json_lines(SAMPLES / "food_purchase_order_terms.pdf")
    probe = (
        "import sys; from pathlib import Path; from extractor.cli_errors import refuse_a_document;"
        " refuse_a_document(Path(sys.argv[1])); sys.exit('extractor.reading' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", probe, str(lines)], check=False).returncode == 0
