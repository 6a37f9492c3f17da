"""Listing folders and ZIP archives, zip safety and content hashes."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from extractor.batch.sources import (
    ArchiveLimits,
    SourceDocument,
    content_hash,
    count_documents,
    list_documents,
    read_source_bytes,
    unsafe_member_reason,
)
from extractor.errors import DocumentError, TooLarge


def test_folder_is_listed_recursively_sorted_without_hidden_files(mixed_folder: Path) -> None:
    names = [
        Path(d.name).relative_to(mixed_folder).as_posix() for d in list_documents(mixed_folder)
    ]
    assert names == [
        "copy_of_contract_0.txt",
        "corrupt.pdf",
        "table.pdf",
        "two_columns.pdf",
        "texts/contract_00000.txt",
        "texts/contract_00001.txt",
        "texts/contract_00002.txt",
        "texts/contract_00003.txt",
    ]
    assert count_documents(mixed_folder) == 8


@pytest.mark.parametrize(
    ("member", "why"),
    [
        ("/etc/passwd", "absolute path"),
        ("C:/Windows/evil.txt", "absolute path"),
        ("..\\outside.txt", "'..'"),
        ("docs/../../outside.txt", "'..'"),
    ],
)
def test_unsafe_member_names_are_refused(member: str, why: str) -> None:
    reason = unsafe_member_reason(member)
    assert reason is not None and why in reason


def test_plain_member_names_are_fine() -> None:
    assert unsafe_member_reason("contracts/2024/po..final.txt") is None


def test_archive_members_are_listed_and_unsafe_ones_marked(tmp_path: Path) -> None:
    archive = tmp_path / "contracts.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("b/po.txt", "The Supplier shall ship.")
        out.writestr("a.txt", "The Buyer shall pay.")
        out.writestr("../escape.txt", "The Supplier shall escape.")
        out.writestr("folder/", "")
    documents = list(list_documents(archive))
    assert [d.member for d in documents] == ["../escape.txt", "a.txt", "b/po.txt"]
    assert documents[1].name == f"{archive}#a.txt"
    assert documents[0].refused and "'..'" in documents[0].refused
    assert read_source_bytes(documents[1]) == b"The Buyer shall pay."
    with pytest.raises(DocumentError, match=r"'\.\.'"):
        read_source_bytes(documents[0])


def test_archive_over_member_count_or_size_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for i in range(5):
            out.writestr(f"{i}.txt", "0" * 100_000)  # compresses to almost nothing
    with pytest.raises(TooLarge, match="5 members"):
        list(list_documents(archive, ArchiveLimits(max_members=4)))
    with pytest.raises(TooLarge, match="500000 bytes uncompressed"):
        list(list_documents(archive, ArchiveLimits(max_total_bytes=400_000)))
    member = SourceDocument(f"{archive}#0.txt", str(archive), "0.txt")
    with pytest.raises(TooLarge, match="more than"):
        read_source_bytes(member, max_bytes=50_000)


def test_missing_or_plain_source_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such folder"):
        list(list_documents(tmp_path / "nowhere"))
    plain = tmp_path / "notes.txt"
    plain.write_text("text", encoding="utf-8")
    with pytest.raises(DocumentError, match="not a folder or a ZIP"):
        list(list_documents(plain))


def test_content_hash_is_the_sha256_of_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"The Supplier shall ship.")
    assert (
        content_hash(SourceDocument(str(path), str(path)))
        == hashlib.sha256(b"The Supplier shall ship.").hexdigest()
    )
    missing = SourceDocument(str(tmp_path / "gone.txt"), str(tmp_path / "gone.txt"))
    assert (
        content_hash(missing)
        == content_hash(missing)
        != content_hash(SourceDocument(str(path), str(path)))
    )


def _office_package(path: Path, part: str) -> None:
    """A ZIP that is one document (a DOCX or XLSX by its parts), not an archive of files."""
    with zipfile.ZipFile(path, "w") as out:
        out.writestr("[Content_Types].xml", "<Types/>")
        out.writestr(part, "<document/>")


def test_a_zip_in_a_folder_gives_its_members_as_an_archive_source_does(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    (folder / "old").mkdir(parents=True)
    (folder / "notes.txt").write_text("The Buyer shall pay.", encoding="utf-8")
    with zipfile.ZipFile(folder / "old" / "2027.zip", "w") as out:
        out.writestr("logistics/pkg.csv", "id,requirement\nP-01,Pallets must be dry.\n")
        out.writestr("../escape.txt", "The Supplier shall escape.")
        out.writestr(".DS_Store", "junk")
    _office_package(folder / "old" / "spec.docx", "word/document.xml")
    _office_package(folder / "old" / "book.xlsx", "xl/workbook.xml")
    documents = list(list_documents(folder))
    names = [d.name.removeprefix(f"{folder}/") for d in documents]
    assert names == [
        "notes.txt",
        "old/2027.zip#../escape.txt",
        "old/2027.zip#logistics/pkg.csv",
        "old/book.xlsx",
        "old/spec.docx",
    ]
    escape, member = documents[1], documents[2]
    assert escape.refused and "'..'" in escape.refused
    assert member.member == "logistics/pkg.csv" and member.path == str(folder / "old/2027.zip")
    assert read_source_bytes(member).startswith(b"id,requirement")
    assert documents[3].member is None and documents[4].member is None
    assert count_documents(folder) == 5


def test_a_zip_in_a_folder_over_the_limits_is_one_refused_document(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.txt").write_text("The Buyer shall pay.", encoding="utf-8")
    with zipfile.ZipFile(folder / "bomb.zip", "w", compression=zipfile.ZIP_DEFLATED) as out:
        for i in range(5):
            out.writestr(f"{i}.txt", "0" * 100_000)
    documents = list(list_documents(folder, ArchiveLimits(max_members=4)))
    assert [Path(d.name).name for d in documents] == ["a.txt", "bomb.zip"]
    bomb = documents[1]
    assert bomb.member is None and bomb.refused and "5 members" in bomb.refused
