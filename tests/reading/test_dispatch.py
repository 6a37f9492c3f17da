"""The dispatcher: content decides the reader, bad files fail with the right error."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import extractor.reading
from extractor.errors import (
    CorruptDocument,
    DocumentError,
    EmptyDocument,
    EncryptedDocument,
    TooLarge,
    UnsupportedFormat,
)
from extractor.reading import detect_format, read_document, read_document_bytes

from .conftest import DOCUMENTS

BAD = DOCUMENTS / "bad"


def test_public_api_is_curated() -> None:
    assert sorted(extractor.reading.__all__) == [
        "DEFAULT_MAX_BYTES",
        "detect_format",
        "read_document",
        "read_document_bytes",
    ]


@pytest.mark.parametrize(
    ("name", "error", "reason"),
    [
        ("empty.txt", EmptyDocument, "empty"),
        ("whitespace.txt", EmptyDocument, "white space"),
        ("image.png", UnsupportedFormat, "PNG image"),
        ("image.pdf", UnsupportedFormat, "PNG image"),
        ("random.bin", UnsupportedFormat, "binary data"),
        ("encrypted_like.docx", EncryptedDocument, "password"),
        ("legacy_like.doc", UnsupportedFormat, "legacy Word"),
        ("broken.docx", CorruptDocument, "damaged DOCX"),
        ("plain.zip", UnsupportedFormat, "ZIP archive"),
    ],
)
def test_bad_file_raises_error_naming_file_and_reason(
    name: str, error: type[DocumentError], reason: str
) -> None:
    path = str(BAD / name)
    with pytest.raises(error) as raised:
        read_document(path)
    assert raised.value.path == path
    assert path in str(raised.value)
    assert reason in raised.value.reason


def test_text_that_mentions_the_pdf_header_is_read_as_text() -> None:
    # "%PDF-" anywhere in the first KB made the file a PDF: CorruptDocument "No /Root object".
    data = b"Notes: files must start with %PDF-1.7.\nThe Supplier shall send PDF drawings.\n"
    assert detect_format("notes.txt", data) == "text"
    document = read_document_bytes(data, "notes.txt")
    assert document.kind == "text"


def test_junk_before_a_pdf_header_is_still_a_pdf() -> None:
    data = b"junk from a mail gateway\n%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    assert detect_format("gateway.pdf", data) == "pdf"


def test_docx_named_pdf_is_read_as_docx() -> None:
    document = read_document(str(BAD / "docx_named.pdf"))
    assert document.kind == "docx"
    assert document.pages[0].blocks[0].text == "Packaging instructions:"


def test_email_named_txt_is_read_as_email() -> None:
    document = read_document(str(BAD / "email_named.txt"))
    assert document.kind == "email"
    assert document.metadata["subject"] == "Prüfberichte für Lieferung 7"


@pytest.mark.parametrize(
    ("relative", "kind"),
    [
        ("docx/lists.docx", "docx"),
        ("bad/docx_named.pdf", "docx"),
        ("email/html_only.eml", "email"),
        ("email/latin1.eml", "email"),
        ("text/plain_contract.txt", "text"),
        ("text/notes.md", "text"),
        ("text/windows_1252.txt", "text"),
    ],
)
def test_detect_format_by_content(relative: str, kind: str) -> None:
    path = DOCUMENTS / relative
    assert detect_format(str(path), path.read_bytes()) == kind


def test_pdf_is_recognised_by_its_magic_even_after_junk() -> None:
    assert detect_format("a.bin", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") == "pdf"
    assert detect_format("b.bin", b"\r\n" * 10 + b"%PDF-1.4\n") == "pdf"


def test_text_starting_like_a_header_is_not_email() -> None:
    assert detect_format("memo.txt", b"Note: read this\nScope: all parts\n\nBody") == "text"


def test_rtf_and_html_are_named() -> None:
    with pytest.raises(UnsupportedFormat, match="RTF"):
        detect_format("a.txt", b"{\\rtf1\\ansi hello}")
    with pytest.raises(UnsupportedFormat, match="HTML"):
        detect_format("a.txt", b"<!DOCTYPE html><html><body>x</body></html>")


def test_missing_file_is_a_document_error() -> None:
    with pytest.raises(DocumentError, match="no such file") as raised:
        read_document("does/not/exist.pdf")
    assert raised.value.path == "does/not/exist.pdf"


def test_directory_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="directory"):
        read_document(str(tmp_path))


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_a_document_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    with pytest.raises(DocumentError, match="permission denied"):
        read_document(str(locked))


def test_file_over_the_size_limit_is_too_large() -> None:
    path = str(DOCUMENTS / "text" / "plain_contract.txt")
    with pytest.raises(TooLarge, match="limit") as raised:
        read_document(path, max_bytes=100)
    assert raised.value.path == path


def test_bytes_are_read_under_the_given_name() -> None:
    document = read_document_bytes(b"1.1 The Supplier shall comply.", "inbox/notes.txt")
    assert document.path == "inbox/notes.txt"
    assert document.pages[0].blocks[0].kind == "list_item"
    with pytest.raises(EmptyDocument, match=r"inbox/empty\.txt"):
        read_document_bytes(b"", "inbox/empty.txt")


def test_more_text_than_any_contract_is_refused_after_reading(tmp_path: Path) -> None:
    """A million one-line statements took minutes to segment; now it is a clear refusal."""
    from extractor.reading.dispatch import MAX_TEXT_CHARS

    data = ("Supplier shall ship.\n" * (MAX_TEXT_CHARS // 20 + 1000)).encode()
    path = tmp_path / "archive dump.txt"
    path.write_bytes(data)
    for read in (lambda: read_document(str(path)), lambda: read_document_bytes(data, "dump.txt")):
        with pytest.raises(TooLarge, match="million characters of text, over the 10 million"):
            read()


def test_a_text_file_far_over_the_limit_is_refused_before_it_is_cut_into_blocks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """62 MB of text took 1.4 GB in blocks before the limit refused it."""
    import extractor.reading.dispatch as dispatch
    import extractor.reading.text as text

    def no_blocks(_: str) -> list[object]:
        raise AssertionError("the text was cut into blocks")

    monkeypatch.setattr(dispatch, "MAX_TEXT_CHARS", 200)
    monkeypatch.setattr(text, "blocks_from_text", no_blocks)
    with pytest.raises(TooLarge, match=r"0\.0 million characters of text") as caught:
        read_document_bytes(b"The Supplier shall ship.\n" * 20, "dump.txt")
    assert caught.value.path == "dump.txt"


def test_the_text_limit_counts_each_attachment_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.reading.dispatch as dispatch

    monkeypatch.setattr(dispatch, "MAX_TEXT_CHARS", 200)
    body = "The Supplier shall ship the pumps in crates."  # 44 characters
    mail = (
        "From: a@example.com\nTo: b@example.com\nSubject: order\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n\n'
        f"{body}\n--B\nContent-Type: text/plain\n"
        'Content-Disposition: attachment; filename="terms.txt"\n\n'
        f"{body * 3}\n--B--\n"
    ).encode()
    document = read_document_bytes(mail, "order.eml")  # 44 + 132 characters, read apart
    assert document.attachments
    with pytest.raises(TooLarge) as caught:
        read_document_bytes((body * 5).encode(), "long.txt")
    assert caught.value.path == "long.txt"


SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("food_purchase_order_terms.pdf", "a PDF document"),
        ("it_statement_of_work.docx", "a Word document"),
        ("electronics_customer_email.eml", "an e-mail"),
        ("electronics_customer_email.msg", "an Outlook e-mail"),
        ("machining_rfq.txt", "a text document"),  # JSON lines open with "{"
        ("machining_rfq.expected.jsonl", ""),
    ],
)
def test_document_kind_name_tells_documents_from_json_lines(name: str, kind: str) -> None:
    from extractor.reading.sniff import document_kind_name

    assert document_kind_name(SAMPLES / name) == kind


def test_document_kind_name_of_a_png_and_of_a_missing_file(tmp_path: Path) -> None:
    from extractor.reading.sniff import document_kind_name

    word = tmp_path / "contract.pdf"  # a Word document named as a PDF: its parts tell
    word.write_bytes((SAMPLES / "it_statement_of_work.docx").read_bytes())
    assert document_kind_name(word) == "a Word document"
    image = tmp_path / "scan.jsonl"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert document_kind_name(image) == "a binary file"
    assert document_kind_name(tmp_path / "missing.jsonl") == ""


def test_a_zip_of_documents_says_how_to_read_its_files(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "kestrel archive.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("2027/notes.txt", "The Supplier shall ship.")
    with pytest.raises(UnsupportedFormat) as raised:
        read_document(str(archive))
    assert raised.value.reason.endswith(
        f"unpack it and give its files one by one, or read them all with"
        f" `reqx batch '{archive}' --out FOLDER`"
    )
    with pytest.raises(UnsupportedFormat) as attached:  # an attachment: no path to give
        read_document_bytes(archive.read_bytes(), "mail.eml#docs.zip")
    assert attached.value.reason.endswith("unpack it and give its files one by one")
