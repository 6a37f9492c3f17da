"""Every error the library raises on purpose, one hierarchy for the CLI and the UI.

    ExtractorError                 base; ``message`` renders for humans
    ├── DocumentError              one input file cannot be used; names file and reason
    │   ├── UnsupportedFormat      not a PDF, DOCX, XLSX, e-mail or text file (whatever the name)
    │   ├── CorruptDocument        the file claims a format but cannot be parsed
    │   ├── EncryptedDocument      password protected, and no (or a wrong) password given
    │   ├── EmptyDocument          readable, but holds no text at all
    │   ├── NoTextLayer            scanned pages and no OCR engine installed
    │   └── TooLarge               over --max-pages or the size limit
    ├── ModelError                 the classifier model is missing, damaged or incompatible
    ├── LabelledFileError          a labelled (gold) file to train or measure on is unusable
    └── RegisterError              the register database or an import file is unusable; says why
        ├── NotFound               no register entry (or document) with that id
        └── ConflictError          the entry was saved since you loaded it; reload and decide

Callers that process many files catch ``DocumentError``, record ``str(error)``
and go on with the next file. Any other exception from one file is a bug (ours
or a library's): those callers turn it into ``unexpected_reason(error)`` for
that file and go on too, so one bad file never stops the others.
"""

from __future__ import annotations


class ExtractorError(Exception):
    """Base of every error raised on purpose by the extractor."""

    code = "E000"

    @property
    def message(self) -> str:
        return str(self)


class DocumentError(ExtractorError):
    """A document cannot be read; the message names the file and the reason."""

    code = "E100"

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class UnsupportedFormat(DocumentError):
    code = "E101"


class CorruptDocument(DocumentError):
    code = "E102"


class EncryptedDocument(DocumentError):
    code = "E103"


class EmptyDocument(DocumentError):
    code = "E104"


class NoTextLayer(DocumentError):
    code = "E105"


class TooLarge(DocumentError):
    code = "E106"


def too_much_text(path: str, chars: int, limit: int) -> TooLarge:
    """The refusal of a document with more text than any contract holds."""
    return TooLarge(
        path,
        f"the document holds {chars / 1e6:.1f} million characters of text, over the "
        f"{limit / 1e6:.0f} million limit (about 3,000 pages of dense text): "
        "split it into smaller files",
    )


class ModelError(ExtractorError):
    """The classifier model cannot be loaded or used."""

    code = "E200"


class LabelledFileError(ExtractorError):
    """A labelled file (``reqx evaluate --gold``) cannot be used; names the file and line.

    Scores over the lines that happened to parse would mislead, so nothing is scored.
    """

    code = "E210"


class RegisterError(ExtractorError):
    """The requirements register cannot do what was asked; the message says which and why."""

    code = "E300"


class NotFound(RegisterError):
    """No register entry or document with the id given."""

    code = "E301"


class ConflictError(RegisterError):
    """Optimistic locking: the entry changed since the caller loaded it, so nothing was saved."""

    code = "E302"

    def __init__(self, ref: str, expected: int, found: int, by: str) -> None:
        self.ref = ref
        self.expected = expected
        self.found = found
        self.by = by
        super().__init__(
            f"{ref} was changed by {by or 'someone else'} after you loaded it "
            f"(version {expected}, now {found}); nothing was saved: reload it and decide again"
        )


def error_detail(error: BaseException, limit: int = 120) -> str:
    """An exception's type and first words on one line, for a message about a file."""
    text = " ".join(str(error).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def unexpected_reason(error: BaseException) -> str:
    """The reason to show for an exception nobody raised on purpose: a bug, not the file."""
    return f"unexpected {error_detail(error, 300)} (a bug; please report it)"
