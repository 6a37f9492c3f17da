"""What ``reqx extract`` costs next to pdfplumber's own ``extract_words``, in one run.

Run ``.venv/bin/python benchmarks/extract_speed.py`` (add ``--eval-dir DIR`` to
measure other PDFs too; by default ``../shared/eval/pdfs`` when it exists).

It writes a 50-page contract with our own generator (``make_contract.py``:
numbered clauses, running header and footer, page numbers, two tables), then
times on the same file, in the same process:

* pdfplumber: open the PDF and ``extract_words()`` on every page;
* reqx: ``extract_file`` (read + segment + annotate), the library path of
  ``reqx extract``; and again with the classifier when
  ``models/requirements.skops`` loads.

The spaCy pipeline and the model are built once before timing (a batch run
pays that once). Each figure is the best of ``--repeat`` runs. The target in
issue 2 is reqx <= 1.5x pdfplumber.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import pdfplumber  # noqa: E402
from make_contract import make_contract  # noqa: E402

from extractor.pipeline import extract_file  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval" / "pdfs"
TARGET = 1.5


def best_of(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    """The shortest wall time of ``repeat`` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def plumber_words(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_words()) for page in pdf.pages)


def page_count(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def statements_of(path: Path, classifier: Any = None) -> int:
    return sum(len(e.statements) for e in extract_file(str(path), classifier=classifier))


def load_classifier() -> Any:
    if not (ROOT / "models" / "requirements.skops").exists():
        return None
    from extractor.classifying import load_default_classifier
    from extractor.errors import ModelError

    try:
        return load_default_classifier()
    except ModelError as error:
        print(f"(classifier not measured: {error.message})")
        return None


def measure(path: Path, repeat: int, classifier: Any) -> dict[str, float]:
    plumber, _ = best_of(repeat, lambda: plumber_words(path))
    reqx, count = best_of(repeat, lambda: statements_of(path))
    figures = {"pages": page_count(path), "statements": count, "plumber": plumber, "reqx": reqx}
    if classifier is not None:
        figures["classified"], _ = best_of(repeat, lambda: statements_of(path, classifier))
    return figures


def report(name: str, figures: dict[str, float]) -> str:
    pages = figures["pages"]
    line = (
        f"{name[:60]:<60} {pages:>4.0f} p {figures['statements']:>5.0f} st  "
        f"pdfplumber {figures['plumber']:6.2f} s ({pages / figures['plumber']:5.1f} p/s)  "
        f"reqx {figures['reqx']:6.2f} s  ratio {figures['reqx'] / figures['plumber']:4.2f}x"
    )
    if "classified" in figures:
        line += f"  +classify {figures['classified']:6.2f} s "
        line += f"({figures['classified'] / figures['plumber']:4.2f}x)"
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    args = parser.parse_args()

    classifier = load_classifier()
    with tempfile.TemporaryDirectory() as folder:
        contract = Path(folder) / "contract.pdf"
        make_contract(contract, pages=args.pages)
        statements_of(contract)  # build the spaCy pipeline once, outside the timing
        figures = measure(contract, args.repeat, classifier)
    print(report(f"generated contract ({args.pages} pages)", figures))
    ratio = figures["reqx"] / figures["plumber"]
    verdict = "meets" if ratio <= TARGET else "misses"
    print(f"reqx / pdfplumber = {ratio:.2f}x: {verdict} the {TARGET}x target")

    if args.eval_dir.is_dir():
        paths = sorted(
            p for p in args.eval_dir.iterdir() if p.is_file() and p.suffix.lower() == ".pdf"
        )
        for path in paths:
            print(report(path.name, measure(path, 1, classifier)))


if __name__ == "__main__":
    main()
