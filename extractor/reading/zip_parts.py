"""Guard for Office files (DOCX, XLSX): ZIP packages of XML parts, refused before parsing
when their XML would inflate past a limit.

A few kilobytes of package can inflate to gigabytes (a ZIP bomb), and a parsed
tree takes several times the XML's size. The sizes are the ZIP directory's;
``zipfile`` never inflates a member past its declared size.
"""

from __future__ import annotations

import io
import zipfile

from extractor.errors import TooLarge

MiB = 1024 * 1024


def check_inflated_xml(path: str, data: bytes, *, limit: int, what: str, because: str) -> None:
    """Raise ``TooLarge`` naming ``what`` ("the DOCX's XML") when its parts exceed ``limit``.

    A package whose directory cannot be read is let through: its own reader names the
    damage in its own words.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(
                info.file_size
                for info in archive.infolist()
                if info.filename.endswith((".xml", ".rels"))
            )
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    if inflated > limit:
        raise TooLarge(
            path,
            f"{what} inflates to {inflated // MiB} MB, over the {limit // MiB} MB limit "
            f"({because})",
        )
