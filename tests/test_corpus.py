"""The labelled corpus: valid batches, the breadth issue 3 asks for, a current data card,
and sample files whose statements the extractor reads back."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from script_loader import load_script

from extractor.pipeline import extract_file
from extractor.types import Statement

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BATCHES = sorted((CORPUS / "statements").glob("*.jsonl"))
SAMPLES = CORPUS / "samples"
TEN_DOC_TYPES = {
    "master_supply_agreement",
    "contract",
    "purchase_order",
    "statement_of_work",
    "quality_agreement",
    "technical_specification",
    "rfq_tender",
    "email",
    "letter",
    "meeting_minutes",
}
# Expected statements the segmenter is known to split or join wrongly today.
# A statement not listed here that goes missing fails the test; one listed here
# that comes out right is fine (take it off the list).
KNOWN_MISSES: set[str] = set()  # statements of a sample the reader is known not to give


def _tool(name: str) -> ModuleType:
    """Import a script of corpus/tools/ (not a package) by its path."""
    return load_script(CORPUS / "tools" / f"{name}.py", f"corpus_tools_{name}")


check_batch = _tool("check_batch")
data_card = _tool("data_card")
make_samples = _tool("make_samples")
apply_revision = _tool("apply_revision")
table_batch = _tool("table_batch")


def _rows() -> list[dict[str, str]]:
    rows = []
    for path in BATCHES:
        with path.open(encoding="utf-8") as handle:
            rows += [json.loads(line) | {"batch": path.stem} for line in handle if line.strip()]
    return rows


ROWS = _rows()


# ------------------------------------------------------------------ batches


TABLE_SPECS = sorted((CORPUS / "tables").glob("*.py"))


@pytest.mark.parametrize("spec", TABLE_SPECS, ids=lambda path: path.stem)
def test_a_table_batch_is_what_its_spec_reads_as_today(spec: Path) -> None:
    """The corpus holds table rows as the product reads them: a reader change must not drift."""
    rows, problems = table_batch.build(spec)
    assert problems == []
    assert table_batch.differences(rows, CORPUS / "statements" / f"{spec.stem}.jsonl") == []


def test_every_table_batch_has_its_spec() -> None:
    tables = {path.stem for path in BATCHES if path.stem.startswith("tab")}
    assert tables == {spec.stem for spec in TABLE_SPECS} and len(tables) == 5


def test_a_table_spec_gives_rows_with_their_column_names(tmp_path: Path) -> None:
    spec = tmp_path / "tabx.py"
    spec.write_text(
        "DOCS = [dict(doc='tabx-po-one', industry='food', doc_type='purchase_order', blocks=[\n"
        "  ('h', 'Order lines'),\n"
        "  ('p', 'specified', '1.1 The Supplier shall deliver the goods below.'),\n"
        "  ('t', ['Item', 'Qty', 'Due'], [('specified', ['A-100', '400', '2026-03-02'])]),\n"
        "  ('kv', [('none', 'Buyer', 'J. Smith')]),\n"
        "])]\n",
        encoding="utf-8",
    )
    rows, problems = table_batch.build(spec)
    assert problems == []
    assert [(row["clause"], row["text"], row["label"], row.get("kind")) for row in rows] == [
        ("1.1", "The Supplier shall deliver the goods below.", "specified", None),
        # tables right under clause 1.1 are that clause's
        ("1.1", "A-100 (Qty: 400) (Due: 2026-03-02)", "specified", "table_row"),
        ("1.1", "Buyer: J. Smith", "none", "table_row"),
    ]
    assert {row["section"] for row in rows} == {"Order lines"}
    batch = tmp_path / "tabx.jsonl"
    batch.write_text(
        "".join(json.dumps(row | {"label": "implied"}) + "\n" for row in rows), encoding="utf-8"
    )
    assert table_batch.differences(rows, batch) == [f"{row['id']}: label differ" for row in rows]


def test_a_table_spec_whose_statements_do_not_pair_is_a_problem(tmp_path: Path) -> None:
    spec = tmp_path / "taby.py"
    spec.write_text(
        "DOCS = [dict(doc='taby-po-two', industry='food', doc_type='purchase_order', blocks=[\n"
        "  ('p', 'specified', 'Deliver by March. Pack in boxes.'),\n"
        "])]\n",
        encoding="utf-8",
    )
    rows, problems = table_batch.build(spec)
    assert rows == [] and "2 statements read, 1 labels" in problems[0]


@pytest.mark.parametrize("batch", BATCHES, ids=lambda path: path.stem)
def test_batch_passes_the_checker(batch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    problems = check_batch.check(str(batch))
    assert problems == 0, capsys.readouterr().out


def test_the_checker_refuses_an_unknown_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "rows.jsonl"
    row = {"id": "rows-po-a-001", "doc": "rows-po-a", "industry": "food"}
    row |= {"doc_type": "purchase_order", "section": "", "clause": "", "label": "none"}
    lines = [row | {"text": "PO number: 4500012", "kind": "table_row"}]
    lines.append(row | {"id": "rows-po-a-002", "text": "Buyer: A. Berg", "kind": "tabel"})
    batch.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    assert check_batch.check(str(batch)) == 1
    assert "line 2: bad kind 'tabel'" in capsys.readouterr().out


def test_corpus_is_large_enough() -> None:
    assert len(ROWS) >= 4000
    assert len({row["doc"] for row in ROWS}) >= 300


def test_every_label_is_well_represented() -> None:
    labels = Counter(row["label"] for row in ROWS)
    assert set(labels) == {"specified", "implied", "statutory", "none"}
    assert min(labels.values()) >= 0.08 * len(ROWS), labels


def test_all_ten_document_types_are_present() -> None:
    documents_per_type: dict[str, set[str]] = defaultdict(set)
    for row in ROWS:
        documents_per_type[row["doc_type"]].add(row["doc"])
    for doc_type in TEN_DOC_TYPES:
        assert len(documents_per_type[doc_type]) >= 10, doc_type


def test_the_twelve_industries_are_covered() -> None:
    documents_per_industry: dict[str, set[str]] = defaultdict(set)
    for row in ROWS:
        documents_per_industry[data_card.normalise_industry(row["industry"])].add(row["doc"])
    for industry in data_card.INDUSTRIES:
        assert len(documents_per_industry[industry]) >= 10, industry


def test_ids_are_unique_across_batches() -> None:
    ids = Counter(row["id"] for row in ROWS)
    assert [statement for statement, count in ids.items() if count > 1] == []


def test_each_document_lives_in_one_batch() -> None:
    """Training splits by document; a document spread over batches would leak."""
    batches_of: dict[str, set[str]] = defaultdict(set)
    for row in ROWS:
        batches_of[row["doc"]].add(row["batch"])
    assert {doc: b for doc, b in batches_of.items() if len(b) > 1} == {}


# ------------------------------------------------------------------ data card


@pytest.mark.parametrize(
    ("written", "industry"),
    [
        ("machined_parts", "machined parts"),
        ("food and beverage", "food"),
        ("natural gas transportation", "energy"),
        ("healthcare construction", "construction"),
        ("healthcare information technology", "software and IT services"),
        ("electrical equipment supply", "electronics"),
        ("electric utility", "energy"),
        ("plastic injection moulding", "machined parts"),
        ("aerospace and defence", "aerospace and defence"),
        ("hospital", "other"),
    ],
)
def test_normalise_industry(written: str, industry: str) -> None:
    assert data_card.normalise_industry(written) == industry


def test_data_card_in_readme_is_current() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    computed = data_card.data_card(data_card.load_rows())
    assert data_card.current_section(readme) == computed, "run: python corpus/tools/data_card.py"
    assert f"**{len(ROWS):,} statements**" in computed


def test_data_card_replaces_only_its_section() -> None:
    text = f"# Title\n\n{data_card.START}\nold\n{data_card.END}\n\nafter\n"
    replaced = data_card.replace_section(text, "new card\n")
    assert replaced == f"# Title\n\n{data_card.START}\nnew card\n{data_card.END}\n\nafter\n"
    assert data_card.current_section(replaced) == "new card\n"


# ------------------------------------------------------------------ samples


def _samples() -> list[Path]:
    return sorted(
        path for path in SAMPLES.iterdir() if path.is_file() and not path.name.endswith(".jsonl")
    )


def _expected(sample: Path) -> list[dict[str, str]]:
    path = make_samples.expected_path(sample)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@cache
def _statements(sample: Path) -> tuple[Statement, ...]:
    """The extractor's statements of a sample and its attachments (read once per run)."""
    return tuple(s for extraction in extract_file(str(sample)) for s in extraction.statements)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_samples_cover_the_formats_industries_and_types() -> None:
    suffixes = Counter(path.suffix for path in _samples())
    assert suffixes[".pdf"] >= 3 and suffixes[".docx"] >= 2
    assert suffixes[".eml"] >= 2 and suffixes[".txt"] >= 1
    by_id = {row["id"]: row for row in ROWS}
    docs = {by_id[_expected(path)[0]["id"]]["doc"] for path in _samples()}
    rows = [row for row in ROWS if row["doc"] in docs]
    assert len({data_card.normalise_industry(row["industry"]) for row in rows}) >= 5
    assert len({row["doc_type"] for row in rows}) >= 6


def test_sample_expected_files_hold_corpus_statements() -> None:
    by_id = {row["id"]: row for row in ROWS}
    for sample in _samples():
        for statement in _expected(sample):
            row = by_id[statement["id"]]
            assert statement["label"] == row["label"]
            assert statement["text"] in (row["text"], make_samples.to_latin1(row["text"]))


def test_samples_are_regenerated_identically(tmp_path: Path) -> None:
    made = make_samples.make_samples(tmp_path)
    compare_pdfs = make_samples.unicode_font() is not None  # else PDFs use another font
    for path in made:
        committed = SAMPLES / path.name
        expected = make_samples.expected_path(path)
        if path.suffix != ".pdf" or compare_pdfs:
            assert path.read_bytes() == committed.read_bytes(), path.name
            assert expected.read_bytes() == (SAMPLES / expected.name).read_bytes(), path.name


def test_a_pdf_sample_runs_over_several_pages() -> None:
    pages = {
        sample.name: max((s.page or 0) for s in _statements(sample))
        for sample in _samples()
        if sample.suffix == ".pdf"
    }
    assert max(pages.values()) >= 3, pages


def test_an_email_sample_quotes_the_message_it_answers() -> None:
    kinds = {
        sample.name: {s.kind for s in _statements(sample)}
        for sample in _samples()
        if sample.suffix == ".eml"
    }
    assert any("quoted" in found for found in kinds.values()), kinds


@pytest.mark.parametrize("sample", _samples(), ids=lambda path: path.name)
def test_sample_statements_are_read_back(sample: Path) -> None:
    extracted = {_normal(s.text) for s in _statements(sample)}
    expected = _expected(sample)
    missing = [row for row in expected if _normal(row["text"]) not in extracted]
    unexpected = [row["id"] for row in missing if row["id"] not in KNOWN_MISSES]
    rate = 1 - len(missing) / len(expected)
    assert unexpected == [], f"{sample.name}: read back {rate:.0%}; missing {unexpected}"


def test_known_misses_are_still_in_the_samples() -> None:
    ids = {row["id"] for sample in _samples() for row in _expected(sample)}
    assert ids >= KNOWN_MISSES


def _lines(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def test_every_listed_revision_is_what_the_corpus_holds_now() -> None:
    """A review listed in corpus/revisions was applied, and no later edit undid it silently."""
    current = {row["id"]: row["label"] for row in ROWS}
    latest: dict[str, str] = {}
    for revision in sorted((CORPUS / "revisions").glob("*.jsonl")):
        latest.update({row["id"]: row["new"] for row in _lines(revision)})
    assert latest
    assert {i: new for i, new in latest.items() if current.get(i) != new} == {}


def _write_lines(path: Path, rows: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")


def test_a_revision_changes_only_the_listed_labels(tmp_path: Path) -> None:
    statements = tmp_path / "statements"
    statements.mkdir()
    rows = [
        {"id": "a-1", "text": "The plant is in Zürich.", "label": "implied"},
        {"id": "a-2", "text": "Founded in 1951.", "label": "implied"},
    ]
    _write_lines(statements / "a.jsonl", rows)
    _write_lines(statements / "b.jsonl", [{"id": "b-1", "text": "Hi,", "label": "none"}])
    untouched = (statements / "b.jsonl").read_bytes()
    revision = tmp_path / "review.jsonl"
    _write_lines(revision, [{"id": "a-2", "old": "implied", "new": "none", "why": "history"}])
    assert apply_revision.apply_revision(revision, statements) == 1
    assert [row["label"] for row in _lines(statements / "a.jsonl")] == ["implied", "none"]
    assert "Zürich" in (statements / "a.jsonl").read_text("utf-8")  # written as it was
    assert (statements / "b.jsonl").read_bytes() == untouched


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({"id": "a-9", "old": "implied", "new": "none", "why": "x"}, "no statement has this id"),
        ({"id": "a-1", "old": "none", "new": "specified", "why": "x"}, "but the statement is"),
        ({"id": "a-1", "old": "implied", "new": "required", "why": "x"}, "is not one of"),
        ({"id": "a-1", "old": "implied", "new": "none", "why": " "}, "no reason given"),
    ],
)
def test_a_revision_that_does_not_fit_the_corpus_changes_nothing(
    tmp_path: Path, row: dict[str, str], problem: str
) -> None:
    statements = tmp_path / "statements"
    statements.mkdir()
    _write_lines(statements / "a.jsonl", [{"id": "a-1", "text": "x", "label": "implied"}])
    before = (statements / "a.jsonl").read_bytes()
    good = {"id": "a-1", "old": "implied", "new": "none", "why": "fine"}
    revision = tmp_path / "review.jsonl"
    _write_lines(revision, [row] if row["id"] == "a-1" else [good, row])
    with pytest.raises(ValueError, match=problem):
        apply_revision.apply_revision(revision, statements)
    assert (statements / "a.jsonl").read_bytes() == before
