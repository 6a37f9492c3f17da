"""Reading defects on real PDFs: cut statements, signatures, page notices, contents lines.

Run ``.venv/bin/python benchmarks/reading_quality.py [FOLDER_OR_PDF ...]``; by
default it reads ``../shared/eval/pdfs`` (real contracts and statements of
work nobody here wrote; measured only, never copied) when it exists, plus our
own sample and test PDFs. There is no gold segmentation for real files, so
each statement is checked against the signs of a reading defect that a
reviewer would see at once:

* ``cut at page break``: a statement that stops mid-sentence at the foot of a
  page while the next statement, on the next page, goes on in lower case or
  with a parenthesis ("... or Affiliate" / "(as defined below) of ...");
* ``signature``: a signature block line ("Name: ... Title: ...", "By: /s/");
* ``page notice``: "[Remainder of page intentionally left blank]", "[Signature
  page follows]";
* ``contents line``: a table-of-contents line (a clause title and its page
  number, or dot leaders);
* ``repeated``: the same text first or last on three or more pages (a
  running header or footer that got through);
* ``lower-case start``: a statement that opens in lower case (a bad join or a
  lost line), reported for reading, not counted as a defect by itself.

Each flag is a sign, not a verdict: ``--show`` prints the flagged statements
so that a person can judge them.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.errors import ExtractorError  # noqa: E402
from extractor.pipeline import extract_file  # noqa: E402
from extractor.types import Statement  # noqa: E402

DEFAULT_SOURCES = (
    ROOT.parent / "shared" / "eval" / "pdfs",
    ROOT / "corpus" / "samples",
    ROOT / "tests" / "documents" / "pdf",
)
DEFECTS = ("cut at page break", "signature", "page notice", "contents line", "repeated")

_SIGNATURE = re.compile(
    r"\bName:\s*\S.*\bTitle:|^\s*By:\s|/s/|^[_\-\s]{8,}(?:Name|By|Title)\b", re.IGNORECASE
)
_PAGE_NOTICE = re.compile(
    r"intentionally\s+(?:left\s+)?blank|signature\s+pages?\s+follows?|"
    r"remainder\s+of\s+(?:this\s+)?page",
    re.IGNORECASE,
)
_CONTENTS_LINE = re.compile(r"\.{5,}|(?:\s\.){4,}|^[\w .,;&/()\[\]*'’-]{2,80}\s\d{1,3}$")
_CONTINUES = re.compile(r"^(?:[a-z]|\((?!(?:[a-z]|[ivx]+)\))[a-z]{2,})")


def flags_of(statements: list[Statement]) -> list[tuple[str, Statement]]:
    """(defect, statement) for each statement that shows a sign of a reading defect."""
    flagged: list[tuple[str, Statement]] = []
    # Pages on which a text is the first or the last statement: where furniture sits.
    pages_of: dict[str, set[int]] = defaultdict(set)
    for index, statement in enumerate(statements):
        before = statements[index - 1].page if index else None
        after = statements[index + 1].page if index + 1 < len(statements) else None
        if statement.page not in (before, after) or before != after:
            pages_of[statement.text].add(statement.page)
    for index, statement in enumerate(statements):
        text = statement.text.strip()
        following = statements[index + 1] if index + 1 < len(statements) else None
        if (
            following is not None
            and following.page == statement.page + 1
            and text[-1:].isalpha()
            and _CONTINUES.match(following.text)
        ):
            flagged.append(("cut at page break", statement))
        if _SIGNATURE.search(text):
            flagged.append(("signature", statement))
        if _PAGE_NOTICE.search(text):
            flagged.append(("page notice", statement))
        if _CONTENTS_LINE.search(text) and len(text) < 120:
            flagged.append(("contents line", statement))
        if len(pages_of[statement.text]) >= 3:
            flagged.append(("repeated", statement))
        if text[:1].islower():
            flagged.append(("lower-case start", statement))
    return flagged


def pdfs_in(sources: list[Path]) -> list[Path]:
    found: list[Path] = []
    for source in sources:
        if source.is_file():
            found.append(source)
        elif source.is_dir():
            found += sorted(path for path in source.iterdir() if path.suffix.lower() == ".pdf")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path)
    parser.add_argument("--show", action="store_true", help="print each flagged statement")
    args = parser.parse_args()
    files = pdfs_in(args.sources or [path for path in DEFAULT_SOURCES if path.exists()])
    totals: Counter[str] = Counter()
    statements_read = 0
    print(f"{'file':<60} {'stmts':>6} " + " ".join(f"{name[:10]:>10}" for name in DEFECTS))
    for path in files:
        try:
            extractions = extract_file(str(path), ocr=False)
        except ExtractorError as error:
            print(f"{path.name[:60]:<60} not read: {error}")
            continue
        statements = [s for extraction in extractions for s in extraction.statements]
        flagged = flags_of(statements)
        counts = Counter(name for name, _ in flagged)
        totals.update(counts)
        statements_read += len(statements)
        print(
            f"{path.name[:60]:<60} {len(statements):>6} "
            + " ".join(f"{counts[name]:>10}" for name in DEFECTS)
        )
        if args.show:
            for name, statement in flagged:
                print(f"    [{name}] p{statement.page} {statement.text[:150]!r}")
    defects = sum(totals[name] for name in DEFECTS)
    print(
        f"{'all ' + str(len(files)) + ' files':<60} {statements_read:>6} "
        + " ".join(f"{totals[name]:>10}" for name in DEFECTS)
    )
    print(
        f"statements with a sign of a reading defect: {defects} of {statements_read}"
        f" ({100 * defects / max(statements_read, 1):.2f}%); lower-case starts:"
        f" {totals['lower-case start']}"
    )


if __name__ == "__main__":
    main()
