"""Run a batch on a Dask distributed cluster whose workers see the same paths.

Each Dask worker thread keeps its own ``Sandbox`` child process, so a
document on the cluster gets the same time limit and crash isolation as on
one machine. The client keeps only a bounded number of documents in flight
(two per worker thread): results stream back and into the ledger.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import wait
from typing import Any

from extractor.batch.sandbox import Sandbox
from extractor.batch.work import DocumentResult, OutputUnwritable, Settings, Task

__all__ = ["process_in_sandbox", "run_on_dask"]

_local = threading.local()
_RECYCLE_AFTER = 2000


def run_on_dask(
    address: str,
    tasks: Iterator[Task],
    settings: Settings,
    time_limit: float,
    record: Callable[[DocumentResult], None],
) -> None:
    """Submit ``tasks`` to the scheduler at ``address``; ``record`` each result as it comes."""
    from distributed import Client, as_completed

    with Client(address, timeout="30s") as client:
        slots = max(2, 2 * sum(client.nthreads().values()))
        running: dict[Any, Task] = {}
        done = as_completed()

        def submit() -> bool:
            task = next(tasks, None)
            if task is None:
                return False
            future = client.submit(
                process_in_sandbox, task, settings, time_limit, pure=False, retries=0
            )
            running[future] = task
            done.add(future)
            return True

        for _ in range(slots):
            if not submit():
                break
        try:
            for future in done:
                task = running.pop(future)
                try:
                    result = future.result()
                except Exception as error:  # the Dask worker itself died or was lost
                    reason = f"the cluster lost this document ({error})"
                    result = DocumentResult.failed(task, reason)
                future.release()
                record(result)
                submit()
        except (KeyboardInterrupt, OutputUnwritable):
            # Ctrl-C, or a full output disk: documents waiting on the cluster are dropped
            # (read again next run); one already inside a worker's sandbox finishes there,
            # unrecorded.
            client.cancel(list(running))
            raise


def process_in_sandbox(task: Task, settings: Settings, time_limit: float) -> DocumentResult:
    """Run one document in this worker thread's sandbox, within ``time_limit`` seconds."""
    sandbox: Sandbox | None = getattr(_local, "sandbox", None)
    if sandbox is None or sandbox.settings != settings:
        if sandbox is not None:
            sandbox.close()
        sandbox = _local.sandbox = Sandbox(settings)
    elif sandbox.done >= _RECYCLE_AFTER:
        sandbox.restart()
    while not sandbox.ready:
        sandbox.collect()
    sandbox.submit(task)
    while True:
        remaining = sandbox.started + time_limit - _now()
        if remaining <= 0 or not wait([sandbox.fileno], timeout=remaining):
            return sandbox.time_out(time_limit)
        result = sandbox.collect()
        if result is not None:
            return result


def _now() -> float:
    import time

    return time.monotonic()
