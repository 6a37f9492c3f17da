"""How many statements per second annotation (and segmentation) runs at, on one core.

Run ``taskset -c 0 .venv/bin/python benchmarks/annotate_speed.py``. The texts
are the corpus statements (``corpus/statements/*.jsonl``), so the mix of
cues, citations and measures is the one ``reqx classify`` meets. Segmentation
is measured on the same documents rebuilt as paragraphs of three statements.

Rates are CPU time of the best of several runs: the development machine is
shared (load average 3 to 5 on 2 cores while these were taken), so wall time
swings by a third from run to run.

Results, ``taskset -c 0``, corpus of 11,882 statements, 26 November 2026:

    annotate   before (05f42e4, spaCy pipeline per statement)   5,920 - 6,240 statements/s
               after (tokens cached per chunk, gated regexes)  16,950 - 17,130 statements/s
               same code, best of 7 on 10,430 corpus and dev    6,100 -> 19,300 - 20,500 /s
    segment    unchanged code (segmenting.py is not ours)      10,800 - 12,300 statements/s
    cold start import + build + annotate one, CPU               0.86 - 0.98 s (before 0.86 - 0.91)
               of which ``import spacy`` 0.58 s, ``spacy.blank("en")`` 0.14 s;
               wall 1.0 s on an idle machine, 1.7 - 3.1 s under that load

Annotations were identical before and after on all 10,430 corpus and dev
texts; the only changes are the bug fixes pinned in ``tests/test_annotating.py``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.types import Block, Document, Page, Statement  # noqa: E402


def corpus_records() -> list[dict[str, str]]:
    """Every statement of the corpus, in file order."""
    records = []
    for path in sorted((ROOT / "corpus" / "statements").glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            records.extend(json.loads(line) for line in lines if line.strip())
    return records


def documents_of(records: list[dict[str, str]], per_block: int = 3) -> list[Document]:
    """The corpus documents rebuilt as text documents, ``per_block`` statements a paragraph."""
    by_doc: dict[str, list[str]] = {}
    for record in records:
        by_doc.setdefault(record["doc"], []).append(record["text"])
    documents = []
    for name, texts in by_doc.items():
        blocks = tuple(
            Block(" ".join(texts[i : i + per_block])) for i in range(0, len(texts), per_block)
        )
        documents.append(Document(name, "", "text", (Page(None, blocks),)))
    return documents


def best_rate(run: object, count: int, repeats: int) -> float:
    """Items per second of the fastest of ``repeats`` runs (after one warm-up)."""
    assert callable(run)
    run()
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return count / best


def cold_start() -> tuple[float, float]:
    """Wall and CPU seconds for a fresh interpreter to import ``annotate`` and annotate one.

    CPU time is what the process itself spent; on a busy machine wall time is larger.
    """
    code = (
        "from extractor.annotating import annotate\n"
        "from extractor.types import Statement\n"
        "text = 'The Supplier shall comply with ISO 9001 within 30 days.'\n"
        "annotate([Statement('', '', 0, text)])\n"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-segment", action="store_true", help="skip segmentation")
    args = parser.parse_args()

    from extractor.annotating import annotate

    records = corpus_records()
    statements = [Statement("", "", i, r["text"]) for i, r in enumerate(records)]
    rate = best_rate(lambda: annotate(statements), len(statements), args.repeats)
    print(f"annotate: {len(statements)} statements, {rate:,.0f} statements/s")

    if not args.no_segment:
        from extractor.segmenting import segment

        documents = documents_of(records)
        produced = sum(len(segment(document)) for document in documents)
        rate = best_rate(
            lambda: [segment(document) for document in documents], produced, args.repeats
        )
        print(f"segment: {len(documents)} documents, {produced} statements, {rate:,.0f}/s")

    wall, cpu = cold_start()
    print(f"cold start (import + annotate one): {wall:.2f} s wall, {cpu:.2f} s CPU")


if __name__ == "__main__":
    main()
