"""Keep each uploaded file by its SHA-256, so its pages can be drawn again later.

The register records documents by content hash but not their bytes; the
review queue needs the PDF to show a candidate on its page. Files live in one
folder (``EXTRACTOR_DOCUMENTS_DIR``, else ``reqx-documents`` beside the working
directory's ``register.db``), named ``<sha256><suffix>``: the same content is
stored once, whatever it was called.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractor.errors import RegisterError

ENV_VAR = "EXTRACTOR_DOCUMENTS_DIR"
DEFAULT_FOLDER = "reqx-documents"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def default_store_folder() -> Path:
    """``EXTRACTOR_DOCUMENTS_DIR``, else ``./reqx-documents``."""
    return Path(os.environ.get(ENV_VAR) or Path.cwd() / DEFAULT_FOLDER)


class DocumentStore:
    """A content-addressed folder of uploaded documents."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def save(self, data: bytes, name: str) -> str:
        """Store ``data`` (once) and return its SHA-256; the suffix of ``name`` is kept."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.folder / (sha256 + Path(name).suffix.lower())
        if target.exists():
            return sha256
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Write aside and rename, so a reader never sees half a file.
            with tempfile.NamedTemporaryFile(dir=self.folder, delete=False) as part:
                part.write(data)
            os.replace(part.name, target)
        except OSError as error:
            raise RegisterError(f"{self.folder}: cannot keep {name} ({error.strerror})") from None
        return sha256

    def path_for(self, sha256: str) -> Path | None:
        """The stored file with this content hash, or None when it was never kept here."""
        if not _SHA256.match(sha256) or not self.folder.is_dir():
            return None
        return next(iter(sorted(self.folder.glob(sha256 + "*"))), None)


@dataclass
class KeptSources:
    """What ``keep_sources`` did with each document named in imported statements."""

    kept: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # no file at the recorded path
    changed: list[str] = field(default_factory=list)  # a file there, other bytes than read


def keep_sources(documents: Iterable[tuple[str, str]], store: DocumentStore) -> KeptSources:
    """Keep the files that statements were read from, so the app can draw their pages.

    ``documents`` are (path as recorded by ``reqx extract`` or ``reqx batch``,
    SHA-256). A file is kept only when its bytes are the ones read: an archive
    edited since would put a highlight on the wrong words. An e-mail attachment
    ("mail.eml#drawing.pdf") is taken out of its mail, as the app's upload does.
    """
    from extractor.reading.email import attachment_files

    outcome = KeptSources()
    mails: dict[str, dict[str, bytes]] = {}  # a mail's attachments by their hash, read once
    for name, sha256 in documents:
        if store.path_for(sha256) is not None:
            outcome.kept.append(name)
            continue
        container, _, attached = name.partition("#")
        data = _file_bytes(Path(container))
        if data is None:
            outcome.missing.append(name)
            continue
        if attached:
            if container not in mails:
                mails[container] = {
                    hashlib.sha256(content).hexdigest(): content
                    for _, content in attachment_files(data)
                }
            data = mails[container].get(sha256)
            if data is None:
                outcome.changed.append(name)
                continue
        elif hashlib.sha256(data).hexdigest() != sha256:
            outcome.changed.append(name)
            continue
        store.save(data, attached or container)
        outcome.kept.append(name)
    return outcome


def _file_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None
