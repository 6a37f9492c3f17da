"""The documents of a batch source: a folder (recursive) or a ZIP archive, read safely.

Nothing is extracted to disk: archive members are read into memory one at a
time, each bounded in size. An archive whose member count or total
uncompressed size is over the limits is refused whole (a ZIP bomb); a member
with an absolute path or ``..`` is refused on its own and reported as a
failed document, so a hostile name never reaches a file system or an output.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from extractor.errors import DocumentError, TooLarge
from extractor.reading import DEFAULT_MAX_BYTES

__all__ = [
    "ArchiveLimits",
    "SourceDocument",
    "content_hash",
    "count_documents",
    "is_archive",
    "list_documents",
    "read_source_bytes",
    "unsafe_member_reason",
]

_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    """Bounds on what one ZIP archive may hold."""

    max_members: int = 100_000
    max_total_bytes: int = 20 * 1024**3
    max_member_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One document to process: ``name`` in records and logs, where its bytes live."""

    name: str  # the file path, or "archive.zip#member/name.pdf"
    path: str  # the file itself, or the archive holding the member
    member: str | None = None
    refused: str | None = None  # why an archive member is not read at all


def is_archive(source: str | Path) -> bool:
    return Path(source).is_file() and zipfile.is_zipfile(source)


def list_documents(
    source: str | Path, limits: ArchiveLimits | None = None
) -> Iterator[SourceDocument]:
    """Every document under a folder (sorted, hidden files skipped) or in an archive.

    Raises ``DocumentError`` naming the source when it is missing, not a
    folder or ZIP, or an archive over ``limits``.
    """
    source = str(source)
    check_source(source)
    if os.path.isdir(source):
        yield from _folder_documents(source)
    else:
        yield from _archive_documents(source, limits or ArchiveLimits())


def check_source(source: str | Path) -> None:
    """``DocumentError`` naming ``source`` unless it is a folder or a ZIP archive."""
    if os.path.isdir(source) or is_archive(source):
        return
    if os.path.exists(source):
        raise DocumentError(str(source), "not a folder or a ZIP archive")
    raise DocumentError(str(source), "no such folder or archive")


def count_documents(source: str | Path, limits: ArchiveLimits | None = None) -> int:
    """How many documents ``list_documents`` yields, for the progress bar."""
    return sum(1 for _ in list_documents(source, limits))


def _folder_documents(folder: str) -> Iterator[SourceDocument]:
    for root, directories, files in os.walk(folder):
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            if os.path.isfile(path):
                yield SourceDocument(path, path)


def unsafe_member_reason(member: str) -> str | None:
    """Why an archive member name is refused, or None when it is a plain relative path."""
    if "\x00" in member:
        return "member name holds a NUL character"
    normalised = member.replace("\\", "/")
    if normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":"):
        return f"absolute path in archive member {member!r}"
    if ".." in PurePosixPath(normalised).parts:
        return f"'..' in archive member {member!r}"
    return None


def _archive_documents(archive: str, limits: ArchiveLimits) -> Iterator[SourceDocument]:
    try:
        with zipfile.ZipFile(archive) as opened:
            members = [info for info in opened.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError) as error:
        raise DocumentError(archive, f"damaged ZIP archive ({error})") from None
    if len(members) > limits.max_members:
        raise TooLarge(
            archive, f"{len(members)} members, more than the limit of {limits.max_members}"
        )
    total = sum(info.file_size for info in members)
    if total > limits.max_total_bytes:
        raise TooLarge(
            archive,
            f"{total} bytes uncompressed, more than the limit of {limits.max_total_bytes}",
        )
    for info in sorted(members, key=lambda info: info.filename):
        name = info.filename
        if PurePosixPath(name.replace("\\", "/")).name.startswith("."):
            continue
        yield SourceDocument(f"{archive}#{name}", archive, name, unsafe_member_reason(name))


def read_source_bytes(document: SourceDocument, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """An archive member's bytes, never more than ``max_bytes`` whatever its header says."""
    if document.member is None:
        raise ValueError("read_source_bytes is for archive members; read files by path")
    if document.refused:
        raise DocumentError(document.name, document.refused)
    try:
        with zipfile.ZipFile(document.path) as archive, archive.open(document.member) as member:
            data = member.read(max_bytes + 1)
    except KeyError:
        raise DocumentError(document.name, "no such member in the archive") from None
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError) as error:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression
        raise DocumentError(document.name, f"cannot read the archive member ({error})") from None
    if len(data) > max_bytes:
        raise TooLarge(document.name, f"the member has more than the {max_bytes} bytes limit")
    return data


def content_hash(document: SourceDocument, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The sha256 of a document's content: the key of the batch ledger.

    A file or member that cannot be read hashes its name instead, so its
    failure is still recorded once.
    """
    digest = hashlib.sha256()
    try:
        if document.member is None:
            with open(document.path, "rb") as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
        else:
            digest.update(read_source_bytes(document, max_bytes))
    except (OSError, DocumentError):
        return hashlib.sha256(f"unreadable:{document.name}".encode()).hexdigest()
    return digest.hexdigest()
