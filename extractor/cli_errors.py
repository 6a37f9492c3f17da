"""How every reqx command reports that it failed: one line, ``reqx: error: ...``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any

import click


def error_line(message: str) -> str:
    return f"reqx: error: {message}"


def fail_line(message: str) -> None:
    """Say on standard error that one file (or the command) failed; the run may go on."""
    click.echo(error_line(message), err=True)


class CommandError(click.ClickException):
    """A command that cannot do what was asked (exit status 1), said as ``fail_line`` says it.

    Click's own "Error: ..." would make two styles of message for one tool.
    """

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(error_line(self.format_message()), file=file if file is not None else sys.stderr)


def refuse_a_document(path: Path, wanted: str = "statements", advice: str = "") -> None:
    """Stop a command that reads JSON lines when ``path`` is a document (a PDF, an e-mail),
    saying how to read it first; nothing is done."""
    if not path.is_file() or opens_json_lines(path):
        return
    from extractor.reading.sniff import document_kind_name  # the readers' imports: only now

    what = document_kind_name(path)
    if what:
        advice = advice or (
            f"read it first (`reqx extract {path} > statements.jsonl`, or `reqx batch FOLDER"
            " --out OUT` for many) and give that"
        )
        raise _refusal(str(path), what, wanted, advice)


_PEEK_BYTES = 8192  # bytes of standard input looked at before it is read


def refuse_piped_document(stream: Any) -> None:
    """``refuse_a_document`` for standard input, by its first bytes, left to be read."""
    if not hasattr(stream, "peek"):
        return
    head = stream.peek(_PEEK_BYTES)[:_PEEK_BYTES]
    if starts_json(head):
        return
    from extractor.reading.sniff import document_kind_of

    what = document_kind_of(head)
    if what:
        advice = "read it with `reqx extract FILE` and give what that prints"
        raise _refusal("standard input", what, "statements", advice)


def _refusal(where: str, what: str, wanted: str, advice: str) -> CommandError:
    return CommandError(f"{where}: {what}, not {wanted}: {advice}; nothing done")


_OPENING_BYTES = 256


def opens_json_lines(path: Path) -> bool:
    """Whether ``path`` opens as JSON lines do ("{" after blanks or a byte-order mark): then
    nothing else needs looking at, and the readers need not be imported (cold start)."""
    try:
        with path.open("rb") as file:
            head = file.read(_OPENING_BYTES)
    except OSError:
        return True  # the command itself names the file and why it cannot be read
    return starts_json(head)


def starts_json(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
