"""How every reqx command reports that it failed: one line, ``reqx: error: ...``."""

from __future__ import annotations

import sys
from typing import IO, Any

import click


class CommandError(click.ClickException):
    """A command that cannot do what was asked (exit status 1), said as ``reqx extract`` says it.

    Click's own "Error: ..." would make two styles of message for one tool.
    """

    def show(self, file: IO[Any] | None = None) -> None:
        stream = file if file is not None else sys.stderr
        click.echo(f"reqx: error: {self.format_message()}", file=stream)
