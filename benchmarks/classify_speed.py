"""`reqx classify` on one core: throughput, cold start and model size (issue 3).

Run ``.venv/bin/python benchmarks/classify_speed.py``. It pins each run to one
core with ``taskset -c 0`` when available and times real ``reqx classify``
processes: one on a single statement (the cold start: imports, model load,
spaCy pipeline build) and one on N statements; throughput is N divided by the
difference, so start-up is not counted twice. The statements are the corpus
texts repeated to N, given as ``{"id", "text"}`` lines, the issue's input.

Both CPU time (user + system of the child process) and wall time are
reported. On a shared 2-core machine the wall clock also counts time spent
waiting for the core, so the verdict uses CPU time; on an idle machine the
two agree.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "requirements.skops"


def statements(count: int) -> list[dict[str, object]]:
    texts = [
        json.loads(line)["text"]
        for path in sorted((ROOT / "corpus" / "statements").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [{"id": number, "text": texts[number % len(texts)]} for number in range(count)]


def timed_run(input_path: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one ``reqx classify`` process."""
    command = [sys.executable, "-m", "extractor", "classify", "--input", str(input_path)]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        one, many = Path(folder) / "one.jsonl", Path(folder) / "many.jsonl"
        one.write_text(json.dumps(statements(1)[0]) + "\n", encoding="utf-8")
        many.write_text(
            "".join(json.dumps(record) + "\n" for record in statements(args.count)),
            encoding="utf-8",
        )
        cold = [min(run) for run in zip(*(timed_run(one) for _ in range(args.repeat)), strict=True)]
        full = [
            min(run) for run in zip(*(timed_run(many) for _ in range(args.repeat)), strict=True)
        ]
    print(f"load average: {os.getloadavg()[0]:.1f}")
    for name, index in (("CPU", 0), ("wall", 1)):
        rate = args.count / max(full[index] - cold[index], 1e-9)
        print(
            f"{name:>4}: cold start {cold[index]:.2f} s (target <= 3 s); {args.count} statements"
            f" {full[index]:.2f} s -> {rate:,.0f} statements/s on one core (target >= 5,000)"
        )
    print(f"model file: {MODEL.stat().st_size / 1e6:.1f} MB   (target <= 20 MB)")


if __name__ == "__main__":
    main()
