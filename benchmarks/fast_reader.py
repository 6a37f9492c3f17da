"""Measure the fast PDF reader (pypdfium2) against the reference reader (pdfplumber).

Run: .venv/bin/python benchmarks/fast_reader.py [PDF or folder ...] [--repeat N]

For every readable PDF it reads the file with both readers (best of
``--repeat`` runs each, OCR off so only the text layer is timed), segments
both Documents and counts the statements whose text is identical (as a
multiset, so order changes do not count as differences). Prints pages/s per
reader on one core and the share of the reference statements the fast reader
reproduces, then the statements that differ.

Default inputs: a 50-page contract written by ``make_contract.py`` into a
temporary folder (``--contract-pages 0`` leaves it out), tests/documents/pdf,
plus corpus sample PDFs and /work/shared/eval/pdfs when present (measured
only; nothing is copied).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from extractor.errors import DocumentError
from extractor.reading.fast_pdf import read_pdf_fast
from extractor.reading.pdf import read_pdf
from extractor.segmenting import segment
from extractor.types import Document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = [
    ROOT / "tests" / "documents" / "pdf",
    ROOT / "corpus" / "samples",
    Path("/work/shared/eval/pdfs"),
]


def pdfs_in(sources: list[Path]) -> list[Path]:
    found: list[Path] = []
    for source in sources:
        if source.is_dir():
            found.extend(sorted(p for p in source.rglob("*") if p.suffix.lower() == ".pdf"))
        elif source.is_file():
            found.append(source)
    return found


def write_contract(folder: Path, pages: int) -> Path:
    """The generated born-digital contract (ruled tables included), as the speed target names it."""
    spec = importlib.util.spec_from_file_location(
        "make_contract", ROOT / "benchmarks" / "make_contract.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_contract"] = module
    spec.loader.exec_module(module)
    path = folder / f"generated_contract_{pages}_pages.pdf"
    module.make_contract(path, pages=pages)
    return path


def best_time(read: Callable[[str], Document], path: Path, repeat: int) -> tuple[Document, float]:
    best = float("inf")
    document: Document | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        document = read(str(path))
        best = min(best, time.perf_counter() - start)
    assert document is not None
    return document, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--show", type=int, default=10, help="differing statements to print")
    parser.add_argument("--contract-pages", type=int, default=50, help="0: no generated contract")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = pdfs_in(args.sources or DEFAULT_SOURCES)
        if not args.sources and args.contract_pages > 0:
            paths.insert(0, write_contract(Path(folder), args.contract_pages))
        measure(paths, args.repeat, args.show)


def measure(paths: list[Path], repeat: int, show: int) -> None:
    pages = 0
    seconds = {"pdfplumber": 0.0, "fast": 0.0}
    total = same = 0
    differences: list[str] = []
    print(f"{'file':<52} {'pages':>5} {'plumber p/s':>11} {'fast p/s':>9} {'agree':>9}")
    for path in paths:
        try:
            reference, slow = best_time(lambda p: read_pdf(p, ocr=False), path, repeat)
            fast_document, fast = best_time(lambda p: read_pdf_fast(p, ocr=False), path, repeat)
        except DocumentError as error:
            print(f"{path.name[:52]:<52} skipped: {error.reason}")
            continue
        wanted = Counter(s.text for s in segment(reference))
        got = Counter(s.text for s in segment(fast_document))
        matched = sum((wanted & got).values())
        count = sum(wanted.values())
        total, same = total + count, same + matched
        pages += reference.page_count
        seconds["pdfplumber"] += slow
        seconds["fast"] += fast
        differences += [f"{path.name}: - {text}" for text in wanted - got]
        differences += [f"{path.name}: + {text}" for text in got - wanted]
        n = reference.page_count
        speeds = f"{n / slow:>11.1f} {n / fast:>9.1f}"
        print(f"{path.name[:52]:<52} {n:>5} {speeds} {matched:>4}/{count:<4}")
    if not pages:
        print("no readable PDFs")
        return
    print(
        f"\n{len(paths)} files, {pages} pages: pdfplumber {pages / seconds['pdfplumber']:.1f} p/s, "
        f"fast {pages / seconds['fast']:.1f} p/s ({seconds['pdfplumber'] / seconds['fast']:.1f}x); "
        f"statements identical {same}/{total} = {same / max(total, 1):.2%}"
    )
    for line in differences[:show]:
        print("  " + line[:160])


if __name__ == "__main__":
    main()
