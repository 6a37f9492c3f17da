"""What reading an Outlook .msg costs next to its .eml twin, in one run.

Run ``.venv/bin/python benchmarks/msg_speed.py [--repeat 30]``.

Each pair is an e-mail and its .msg twin (``scripts/make_msg.py``: same
headers, text and attachments): the test documents and the two e-mail samples.
``read_document`` (the reading stage alone, attachments included) and
``extract_file`` (read + segment + annotate, no classifier) run interleaved,
.eml then .msg, round after round, and each figure is the best of ``--repeat``
rounds of CPU time (``time.process_time``), so other jobs on a shared machine
hardly move it.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from extractor.pipeline import extract_file
from extractor.reading import read_document

ROOT = Path(__file__).resolve().parent.parent
PAIRS = [
    ROOT / "tests" / "documents" / "email" / "thread_with_quoted_reply",
    ROOT / "tests" / "documents" / "email" / "html_only",
    ROOT / "tests" / "documents" / "email" / "latin1",
    ROOT / "corpus" / "samples" / "electronics_customer_email",
    ROOT / "corpus" / "samples" / "pharma_email_reply_thread",
]


def timed(run: Callable[[str], object], path: str) -> float:
    """CPU seconds of one call."""
    start = time.process_time()
    run(path)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    arguments = parser.parse_args()
    extract_file(str(PAIRS[0].with_suffix(".eml")))  # build spaCy and the lexicons once
    print(f"{'pair':<28} {'stage':<8} {'.eml ms':>8} {'.msg ms':>8} {'ratio':>6}")
    for stem in PAIRS:
        for stage, run in (("read", read_document), ("extract", extract_file)):
            times: dict[str, list[float]] = {".eml": [], ".msg": []}
            for _ in range(arguments.repeat):
                for suffix, rounds in times.items():
                    rounds.append(timed(run, str(stem.with_suffix(suffix))))
            eml, msg = min(times[".eml"]) * 1000, min(times[".msg"]) * 1000
            print(f"{stem.name:<28} {stage:<8} {eml:8.2f} {msg:8.2f} {msg / eml:6.2f}")


if __name__ == "__main__":
    main()
