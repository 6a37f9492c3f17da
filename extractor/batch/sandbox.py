"""A worker process that processes documents one at a time, killed when one takes too long.

Threads cannot be stopped, so each document runs in a child process
(``sandbox.main`` in a fresh interpreter) that keeps spaCy and the model loaded
between documents. The parent sends a pickled ``Task`` on the child's stdin
and reads a pickled ``DocumentResult`` from its stdout; a document over the
time limit, or a child that dies (a crash in a native library), costs one
failed document and a fresh child. Plain subprocesses, not multiprocessing,
so a Dask worker (a daemon process, which may not fork multiprocessing
children) can run sandboxes too.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import subprocess
import sys
import threading
import time
from typing import IO, Any

from extractor.batch.work import DocumentResult, DocumentWorker, Settings, Task

__all__ = ["Sandbox"]

_HEADER = struct.Struct("!Q")
_READY = "ready"
# the parent's pid, handed to the child: it stops when that process is gone
_PARENT_VARIABLE = "REQX_SANDBOX_PARENT"
_PARENT_CHECK_SECONDS = 1.0


class Sandbox:
    """One child process; ``submit`` a task, then ``collect`` its result or ``kill`` it."""

    def __init__(self, settings: Settings, *, log_path: str | None = None) -> None:
        self.settings = settings
        self.log_path = log_path
        self.task: Task | None = None
        self.started = 0.0
        self.done = 0  # documents this child has processed
        self.ready = False
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self.start()

    # --- life cycle ----------------------------------------------------------

    def start(self) -> None:
        if self.log_path:
            self._log = open(self.log_path, "ab")  # noqa: SIM115 - lives as long as the child
        self._process = subprocess.Popen(
            [sys.executable, "-c", "from extractor.batch.sandbox import main; main()"],
            env={**os.environ, _PARENT_VARIABLE: str(os.getpid())},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log if self._log else subprocess.DEVNULL,
            bufsize=0,  # unbuffered: what select() reports readable is all still in the pipe
        )
        self.task, self.done, self.ready = None, 0, False
        _send(self._stdin, self.settings)

    def restart(self) -> None:
        self.kill()
        self.start()

    def kill(self) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        if process is not None:
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()
        if self._log is not None:
            self._log.close()
            self._log = None
        self._process = None

    def close(self) -> None:
        """Ask the child to finish; kill it if it does not within a few seconds."""
        process = self._process
        if process is not None and process.poll() is None:
            try:
                _send(self._stdin, None)
                process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.kill()

    # --- work ------------------------------------------------------------------

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    @property
    def stream(self) -> IO[bytes]:
        """What to wait on: readable when the child has something to say."""
        assert self._process is not None and self._process.stdout is not None
        return self._process.stdout

    @property
    def fileno(self) -> int:
        """The descriptor to wait on (``multiprocessing.connection.wait``)."""
        return self.stream.fileno()

    @property
    def busy(self) -> bool:
        return self.task is not None

    def submit(self, task: Task) -> None:
        self.task, self.started = task, time.monotonic()
        _send(self._stdin, task)

    def overdue(self, time_limit: float) -> bool:
        return self.task is not None and time.monotonic() - self.started > time_limit

    def collect(self) -> DocumentResult | None:
        """Read what the child said: its readiness (None) or the running task's result.

        A child that died yields a failed result for its task and is restarted.
        """
        try:
            message = _receive(self.stream)
        except (EOFError, OSError, pickle.UnpicklingError):
            return self._died()
        if message == _READY:
            self.ready = True
            return None
        assert isinstance(message, DocumentResult)
        self.task = None
        self.done += 1
        return message

    def time_out(self, time_limit: float) -> DocumentResult:
        """Kill a child stuck on its document; the document fails, a new child starts."""
        task = self.task
        assert task is not None
        self.restart()
        reason = (
            f"took longer than the {time_limit:g} s time limit; give a larger --time-limit"
            " (and --retry-failed, once it has failed)"
        )
        return DocumentResult.failed(task, reason, time_limit)

    def _died(self) -> DocumentResult | None:
        task = self.task
        process = self._process
        code = process.wait() if process is not None else None
        if not self.ready:
            self.kill()
            where = f"; see {self.log_path}" if self.log_path else ""
            raise RuntimeError(
                f"the batch worker process could not start (exit status {code}){where}"
            )
        self.restart()
        if task is None:
            return None  # died between documents: nothing lost, a fresh child is starting
        how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        return DocumentResult.failed(task, f"the worker process died on this file ({how})")

    @property
    def _stdin(self) -> IO[bytes]:
        assert self._process is not None and self._process.stdin is not None
        return self._process.stdin


def _send(stream: IO[bytes], message: Any) -> None:
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    data = memoryview(_HEADER.pack(len(payload)) + payload)
    while data:
        written = stream.write(data)
        data = data[written or 0 :]
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    header = _read_exactly(stream, _HEADER.size)
    (length,) = _HEADER.unpack(header)
    return pickle.loads(_read_exactly(stream, length))


def _read_exactly(stream: IO[bytes], count: int) -> bytes:
    data = b""
    while len(data) < count:
        chunk = stream.read(count - len(data))
        if not chunk:
            raise EOFError("the worker process closed its output")
        data += chunk
    return data


def serve(source: IO[bytes], sink: IO[bytes]) -> None:
    """The child's loop: settings, then tasks until None or end of input."""
    settings = _receive(source)
    assert isinstance(settings, Settings)
    worker = DocumentWorker(settings)
    _send(sink, _READY)
    while True:
        try:
            task = _receive(source)
        except EOFError:
            return
        if task is None:
            return
        _send(sink, worker.run(task))


def stop_with_parent(parent: int, every: float = _PARENT_CHECK_SECONDS) -> None:
    """Exit as soon as ``parent`` is gone (a watchdog thread; its check is getppid()).

    A batch killed with SIGKILL (kill -9, the OOM killer) cannot stop its children;
    one busy on a document, or hung in it, then ran on alone until the time limit
    the dead parent was to enforce, or for ever. Not prctl(PR_SET_PDEATHSIG),
    which fires when the parent's *thread* ends: a Dask worker starts sandboxes
    from pool threads.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="stop-with-parent", daemon=True).start()


def main() -> None:
    """Keep the protocol on the real stdout; anything else printed goes to stderr."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when children stop
    parent = os.environ.get(_PARENT_VARIABLE, "")
    if parent.isdigit():
        stop_with_parent(int(parent))
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(sys.stdin.buffer, protocol)
