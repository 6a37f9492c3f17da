"""The documents of a batch source: a folder (recursive) or a ZIP archive, read safely.

Nothing is extracted to disk: archive members are read into memory one at a
time, each bounded in size. An archive whose member count or total
uncompressed size is over the limits is refused whole (a ZIP bomb); a member
with an absolute path or ``..`` is refused on its own and reported as a
failed document, so a hostile name never reaches a file system or an output.
Members are read by their place in the archive, not by name, so two members
of one name are two documents ("name", "name (2)"); a name that claims UTF-8
and is not is read as the bytes it is instead of refusing the whole archive.
A ZIP archive of documents inside a folder (not a Word document or workbook,
which are ZIP packages too) is read as an archive source is: each member a
document named "folder/archive.zip#member", under the same limits; an archive
over them is one failed document, the rest of the folder is read.
A folder's symbolic links are followed only to files inside the folder.
A file name that is not UTF-8 (an old Windows or Samba share) is read under
its bytes and shown with replacement characters, as an archive member's is.
Files are read by their absolute path (a Dask worker runs in another folder)
and named as the path was given.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
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
    "shown_name",
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
    refused: str | None = None  # why the file or archive member is not read at all
    index: int | None = None  # the member's place in the archive: names may repeat


def is_archive(source: str | Path) -> bool:
    return Path(source).is_file() and zipfile.is_zipfile(source)


def list_documents(
    source: str | Path, limits: ArchiveLimits | None = None, *, skip: str | None = None
) -> Iterator[SourceDocument]:
    """Every document under a folder (sorted, hidden files skipped) or in an archive.

    ``skip``: a folder inside the source not to enter (the run's own output
    folder). Raises ``DocumentError`` naming the source when it is missing,
    not a folder or ZIP, or an archive over ``limits``.
    """
    source = str(source)
    check_source(source)
    if os.path.isdir(source):
        yield from _folder_documents(source, limits or ArchiveLimits(), skip)
    else:
        yield from _archive_documents(source, limits or ArchiveLimits())


def shown_name(path: str) -> str:
    """A path as text that any output can hold: bytes that are not UTF-8 become U+FFFD.

    ``os`` gives such bytes as lone surrogates ("caf\\udce9.txt"), which SQLite,
    UTF-8 files and terminals refuse; the file is still opened by its real path.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "replace")
    return path


def check_source(source: str | Path) -> None:
    """``DocumentError`` naming ``source`` unless it is a folder or a ZIP archive."""
    if os.path.isdir(source) or is_archive(source):
        return
    if os.path.exists(source):
        raise DocumentError(str(source), "not a folder or a ZIP archive")
    raise DocumentError(str(source), "no such folder or archive")


def count_documents(
    source: str | Path, limits: ArchiveLimits | None = None, *, skip: str | None = None
) -> int:
    """How many documents ``list_documents`` yields, for the progress bar."""
    return sum(1 for _ in list_documents(source, limits, skip=skip))


def _folder_documents(
    folder: str, limits: ArchiveLimits, skip: str | None = None
) -> Iterator[SourceDocument]:
    """Files under ``folder``; links are not followed out of it, nor into folders (no loops).

    A ZIP archive of documents in the folder gives its members, named
    "archive.zip#member", as when the archive is the source.

    Two names that differ only in bytes that are not UTF-8 would be shown
    alike; the second is shown as "name (2)", the same on every run.
    """
    inside = os.path.realpath(folder)
    skipped = os.path.realpath(skip) if skip else None
    given: set[str] = set()

    def document(path: str, refused: str | None = None) -> SourceDocument:
        name = unique = shown_name(path)
        number = 1
        while unique in given:
            number += 1
            unique = f"{name} ({number})"
        given.add(unique)
        return SourceDocument(unique, os.path.abspath(path), refused=refused)

    for root, directories, files in os.walk(folder):
        directories[:] = sorted(
            d
            for d in directories
            if not d.startswith(".")
            and (skipped is None or os.path.realpath(os.path.join(root, d)) != skipped)
        )
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            refused = _outside_link_reason(path, inside)
            if refused or not os.path.isfile(path):
                if refused:
                    yield document(path, refused)
                continue
            if not _is_file_archive(path):
                yield document(path)
                continue
            archive = document(path)
            try:
                yield from _archive_documents(path, limits, named=archive.name)
            except DocumentError as error:  # over the limits, damaged: one failed document
                yield SourceDocument(archive.name, archive.path, refused=error.reason)
        for name in directories:  # os.walk does not enter linked folders: say so if outside
            path = os.path.join(root, name)
            refused = _outside_link_reason(path, inside)
            if refused:
                yield document(path, refused)


def _outside_link_reason(path: str, inside: str) -> str | None:
    """Why a symbolic link is not read: its target is outside the source folder.

    A batch over a folder must not read what the folder only points at
    (``passwd.txt -> /etc/passwd``); a link within the folder is fine.
    """
    if not os.path.islink(path):
        return None
    target = os.path.realpath(path)  # a link loop resolves to a path, it does not hang
    if os.path.commonpath([inside, target]) == inside:
        return None
    return f"symbolic link to {shown_name(target)}, outside the source folder; not read"


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


def _is_file_archive(path: str) -> bool:
    """A ZIP archive of other files: not an Office or OpenDocument package (DOCX, XLSX,
    PPTX, ODT), which is a ZIP too and read, or refused, as one document."""
    if not zipfile.is_zipfile(path):
        return False
    try:
        with _open_archive(path) as (opened, _):
            names = set(opened.namelist())
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError, ValueError, EOFError):
        return False  # the reader names the damage
    return not names & _PACKAGE_MEMBERS


# A member only a document package has: "[Content_Types].xml" (Office Open XML),
# "mimetype" (OpenDocument, EPUB), and the parts the readers look for by name.
_PACKAGE_MEMBERS = frozenset(
    {"[Content_Types].xml", "mimetype", "word/document.xml", "xl/workbook.xml", "content.xml"}
)


def _archive_documents(
    archive: str, limits: ArchiveLimits, *, named: str | None = None
) -> Iterator[SourceDocument]:
    """The members of ``archive``, named "``named``#member" (``named``: the archive's
    name in a folder listing, by default its path as given)."""
    try:
        with _open_archive(archive) as (opened, shown):
            members = [
                (index, info) for index, info in enumerate(opened.infolist()) if not info.is_dir()
            ]
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError) as error:
        raise DocumentError(archive, f"damaged ZIP archive ({error})") from None
    if len(members) > limits.max_members:
        raise TooLarge(
            archive, f"{len(members)} members, more than the limit of {limits.max_members}"
        )
    total = sum(info.file_size for _, info in members)
    if total > limits.max_total_bytes:
        raise TooLarge(
            archive,
            f"{total} bytes uncompressed, more than the limit of {limits.max_total_bytes}",
        )
    listed = [
        (shown.get(info.orig_filename, info.filename), index, info.filename)
        for index, info in members
    ]
    listed = [entry for entry in sorted(listed) if not _is_hidden(entry[0])]
    prefix = named if named is not None else shown_name(archive)
    for name, (_, index, member) in zip(_distinct([n for n, _, _ in listed]), listed, strict=True):
        refused = unsafe_member_reason(name)
        display = f"{prefix}#{name}"
        yield SourceDocument(display, os.path.abspath(archive), member, refused, index)


def _is_hidden(member: str) -> bool:
    """A dot file (``.DS_Store``, ``._x.pdf``): skipped like a folder's hidden files."""
    return PurePosixPath(member.replace("\\", "/")).name.startswith(".")


def _distinct(names: list[str]) -> list[str]:
    """The names with each repeat made distinct: "dup.txt", "dup.txt (2)", ...

    A ZIP may hold two members of one name with different content; each is a
    document of its own and needs a name of its own in the outputs. Names are
    given in archive order, so a re-run gives each member the same name.
    """
    taken = set(names)
    given: set[str] = set()
    distinct = []
    for name in names:
        unique, number = name, 1
        while unique in given or (number > 1 and unique in taken):  # "a (2)" may be real
            number += 1
            unique = f"{name} ({number})"
        given.add(unique)
        distinct.append(unique)
    return distinct


def read_source_bytes(document: SourceDocument, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """An archive member's bytes, never more than ``max_bytes`` whatever its header says."""
    if document.member is None:
        raise ValueError("read_source_bytes is for archive members; read files by path")
    if document.refused:
        raise DocumentError(document.name, document.refused)
    try:
        with _open_archive(document.path) as (archive, _):
            info = _member_info(archive, document)
            with archive.open(info) as member:
                data = member.read(max_bytes + 1)
    except KeyError:
        raise DocumentError(document.name, "no such member in the archive") from None
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError) as error:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression
        raise DocumentError(document.name, f"cannot read the archive member ({error})") from None
    if len(data) > max_bytes:
        raise TooLarge(document.name, f"the member has more than the {max_bytes} bytes limit")
    return data


def _member_info(archive: zipfile.ZipFile, document: SourceDocument) -> zipfile.ZipInfo:
    """The member at the document's place in the archive (by name when it has none).

    ``KeyError`` when it is not there: the archive changed since it was listed.
    """
    assert document.member is not None
    if document.index is None:
        return archive.getinfo(document.member)
    infos = archive.infolist()
    if document.index >= len(infos) or infos[document.index].filename != document.member:
        raise KeyError(document.member)
    return infos[document.index]


@contextmanager
def _open_archive(path: str) -> Iterator[tuple[zipfile.ZipFile, dict[str, str]]]:
    """The open archive, and the names to show for members whose name was not UTF-8.

    zipfile refuses a whole archive when one member's name claims UTF-8 and is
    not; such an archive is opened again with those names read as the ZIP
    default (cp437) and shown with replacement characters, so the rest is read.
    """
    try:
        plain: zipfile.ZipFile | None = zipfile.ZipFile(path)
    except UnicodeDecodeError:
        plain = None
    if plain is not None:
        with plain:
            yield plain, {}
        return
    with _LenientNames(path) as raw, zipfile.ZipFile(raw) as archive:
        raw.listed(archive)
        yield (
            archive,
            {name: raw_name.decode("utf-8", "replace") for name, raw_name in raw.fixed.items()},
        )


_CENTRAL_RECORD = b"PK\x01\x02"
_CENTRAL_SIZE = 46  # a central directory record before its name
_LOCAL_SIZE = 30  # a member's own header before its name
_UTF8_FLAG = 0x800


class _LenientNames(io.BufferedReader):
    """An archive file read with the UTF-8 flag cleared on member names that are not UTF-8.

    The flag is cleared in the central directory as zipfile lists it and in
    those members' own headers as it opens them, where it checks the name again.
    """

    def __init__(self, path: str) -> None:
        super().__init__(io.FileIO(path, "rb"))
        self.fixed: dict[str, bytes] = {}  # the name zipfile gives (cp437) -> its bytes
        self._listing = True
        self._local_headers: set[int] = set()

    def listed(self, archive: zipfile.ZipFile) -> None:
        """The central directory is read: from now on fix only the fixed members' headers."""
        self._listing = False
        self._local_headers = {
            info.header_offset for info in archive.infolist() if info.orig_filename in self.fixed
        }

    def read(self, size: int | None = -1, /) -> bytes:
        start = self.tell()
        data = super().read(size)
        if self._listing and data.startswith(_CENTRAL_RECORD):
            return self._fix_central_directory(data)
        if start in self._local_headers and len(data) == _LOCAL_SIZE:
            return _without_utf8_flag(data, 6)
        return data

    def _fix_central_directory(self, data: bytes) -> bytes:
        fixed = bytearray(data)
        at = 0
        while fixed[at : at + 4] == _CENTRAL_RECORD and at + _CENTRAL_SIZE <= len(fixed):
            (flags,) = struct.unpack_from("<H", fixed, at + 8)
            name_size, extra_size, comment_size = struct.unpack_from("<3H", fixed, at + 28)
            name = bytes(fixed[at + _CENTRAL_SIZE : at + _CENTRAL_SIZE + name_size])
            if flags & _UTF8_FLAG and not _is_utf8(name):
                struct.pack_into("<H", fixed, at + 8, flags & ~_UTF8_FLAG)
                self.fixed[name.decode("cp437")] = name
            at += _CENTRAL_SIZE + name_size + extra_size + comment_size
        return bytes(fixed)


def _without_utf8_flag(header: bytes, flags_at: int) -> bytes:
    (flags,) = struct.unpack_from("<H", header, flags_at)
    fixed = bytearray(header)
    struct.pack_into("<H", fixed, flags_at, flags & ~_UTF8_FLAG)
    return bytes(fixed)


def _is_utf8(name: bytes) -> bool:
    try:
        name.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def content_hash(document: SourceDocument, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The sha256 of a document's content: the key of the batch ledger.

    A file or member that cannot be read hashes its name instead, so its
    failure is still recorded once.
    """
    if document.refused:  # never read: a link out of the folder, a hostile member name
        return hashlib.sha256(f"unreadable:{document.name}".encode()).hexdigest()
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
