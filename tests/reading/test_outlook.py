"""Outlook .msg mails: read as their .eml twins are, recognised by content, refused clearly.

The .msg files are written by our own writer (``scripts/make_msg.py``); the
twins under ``tests/documents/email/`` by ``make_office.py`` from the same
e-mails as the .eml files beside them.
"""

from __future__ import annotations

import hashlib
import shutil
import struct
import subprocess
from datetime import datetime, timezone
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Any

import olefile
import pytest
from script_loader import ROOT, load_script

from extractor.classifying import load_default_classifier
from extractor.errors import CorruptDocument, EmptyDocument, EncryptedDocument, UnsupportedFormat
from extractor.pipeline import extract_file
from extractor.reading import detect_format, read_document, read_document_bytes
from extractor.reading.email import attachment_files
from extractor.reading.outlook import MAX_HEADER_CHARS
from extractor.reading.rtf import rtf_body
from extractor.types import Document

from .conftest import DOCUMENTS, load_expected, summarise

make_msg = load_script(ROOT / "scripts" / "make_msg.py", "make_msg")
EMAIL = DOCUMENTS / "email"
MSG_DOCUMENTS = sorted(EMAIL.glob("*.msg"))
TWINS = ["thread_with_quoted_reply", "html_only", "latin1"]
SAMPLE_TWINS = ["electronics_customer_email", "pharma_email_reply_thread"]
SENT = datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc)
BLACK = 1  # a directory entry's colour flag ([MS-CFB] 2.6.1)
ENVELOPED_DATA = bytes.fromhex("06092a864886f70d010703")


def _message(**fields: Any) -> Any:
    """A small mail in our writer's terms; ``fields`` override its parts."""
    values: dict[str, Any] = {
        "subject": "Order 7731",
        "sender_name": "Anna Berg",
        "sender_address": "anna.berg@harbour.example",
        "recipients": [make_msg.Recipient("Tom Reed", "tom.reed@northwind.example")],
        "sent": SENT,
        "body": "Hi Tom,\n\nThe Supplier shall deliver the housings by 5 April.\n",
    }
    return make_msg.Message(**(values | fields))


def _msg(**fields: Any) -> bytes:
    return bytes(make_msg.write_msg(_message(**fields)))


def _without_pdfs(record: dict[str, Any]) -> dict[str, Any]:
    """A summary without PDF attachments (their blocks are the PDF reader's tests)."""
    record = dict(record)
    record.pop("pdf_attachment", None)
    record["attachments"] = [_without_pdfs(a) for a in record["attachments"] if a["kind"] != "pdf"]
    record["warnings"] = [warning for warning in record["warnings"] if ".pdf" not in warning]
    return record


def _pdf_expectations(record: dict[str, Any]) -> list[dict[str, Any]]:
    found = [record["pdf_attachment"]] if "pdf_attachment" in record else []
    return found + [item for a in record["attachments"] for item in _pdf_expectations(a)]


def _all_parts(document: Document) -> list[Document]:
    return [document] + [part for a in document.attachments for part in _all_parts(a)]


# ---------------------------------------------------------------- the test documents


def test_all_msg_documents_are_present() -> None:
    names = {path.name for path in MSG_DOCUMENTS}
    assert {f"{twin}.msg" for twin in TWINS} <= names
    assert {"reply_rtf_only.msg", "forwarded_as_attachment.msg"} <= names


@pytest.mark.parametrize("path", MSG_DOCUMENTS, ids=lambda path: path.name)
def test_msg_documents_match_expected(path: Path) -> None:
    document = read_document(str(path))
    expected = load_expected(path)
    assert _without_pdfs(summarise(document)) == _without_pdfs(expected)
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    for pdf_expected in _pdf_expectations(expected):
        (pdf,) = [part for part in _all_parts(document) if part.path.endswith(pdf_expected["name"])]
        text = " ".join(block.text for page in pdf.pages for block in page.blocks)
        assert all(line in text for line in pdf_expected["contains"])


@pytest.mark.parametrize(
    "twin",
    [EMAIL / f"{name}.eml" for name in TWINS]
    + [ROOT / "corpus" / "samples" / f"{name}.eml" for name in SAMPLE_TWINS],
    ids=lambda path: path.stem,
)
def test_a_msg_gives_the_statements_of_its_eml_twin(twin: Path) -> None:
    """Text, kind (quoted, signature dropped), sender and date of each statement, the
    attachments' too, and their labels."""

    def records(path: Path) -> list[tuple[Any, ...]]:
        found = []
        for extraction in extract_file(str(path), classifier=load_default_classifier()):
            part = extraction.document.path.replace(str(path), "mail")
            for statement in extraction.classified:
                item = statement.statement
                found.append((part, item.kind, item.text, statement.label, *_who(extraction)))
        return found

    eml, msg = records(twin), records(twin.with_suffix(".msg"))
    assert msg == eml
    assert any(kind == "quoted" for _, kind, *_ in eml) or "quoted" not in twin.name


def _who(extraction: Any) -> tuple[str, str]:
    metadata = extraction.document.metadata
    return (
        metadata.get("sender") or metadata.get("mail_sender", ""),
        metadata.get("date") or metadata.get("mail_date", ""),
    )


def test_the_attachments_of_a_msg_carry_its_sender_and_date() -> None:
    document = read_document(str(EMAIL / "thread_with_quoted_reply.msg"))
    assert {Path(a.path.split("#")[-1]).suffix for a in document.attachments} == {".pdf", ".txt"}
    for attachment in document.attachments:
        assert attachment.path.startswith(f"{document.path}#")
        assert attachment.metadata["mail_sender"] == "Anna Berg <anna.berg@harbour.example>"
        assert attachment.metadata["mail_date"] == "2024-03-01T09:30:00+00:00"


def test_a_body_kept_only_as_rtf_is_read_with_its_quote_and_signature() -> None:
    document = read_document(str(EMAIL / "reply_rtf_only.msg"))
    kinds = {block.kind for page in document.pages for block in page.blocks}
    assert {"signature", "quoted", "list_item"} <= kinds


def test_an_8_bit_msg_is_decoded_by_its_code_page() -> None:
    ole = olefile.OleFileIO(str(EMAIL / "latin1.msg"))
    with ole:
        assert ole.exists("__substg1.0_1000001E") and not ole.exists("__substg1.0_1000001F")
    document = read_document(str(EMAIL / "latin1.msg"))
    assert document.metadata["sender"] == "Jürgen Weiß <j.weiss@werk.example>"
    assert "Maße" in document.pages[0].blocks[2].text


def test_8_bit_strings_without_a_code_page_are_read_as_windows_1252() -> None:
    data = _msg(codepage=1252, body="Die Maße sind gemäß Zeichnung zu prüfen.\n", extra={
        make_msg.PR_MESSAGE_CODEPAGE: None, make_msg.PR_INTERNET_CPID: None})  # fmt: skip
    document = read_document_bytes(data, "old.msg")
    assert "Maße sind gemäß" in document.pages[0].blocks[1].text


# ---------------------------------------------------------------- properties


def test_an_exchange_sender_without_smtp_address_is_named_without_the_x500_path() -> None:
    data = _msg(
        sender_address="",
        extra={
            make_msg.PR_SENDER_ADDRTYPE: "EX",
            make_msg.PR_SENDER_EMAIL_ADDRESS: "/O=HARBOUR/OU=EXCHANGE/CN=RECIPIENTS/CN=ABERG",
        },
    )
    assert read_document_bytes(data, "ex.msg").metadata["sender"] == "Anna Berg"


def test_the_sender_falls_back_to_whom_the_mail_was_sent_for() -> None:
    data = _msg(
        sender_name="",
        sender_address="",
        extra={make_msg.PR_SENT_REPRESENTING_NAME: "Orders Desk", 0x5D02: "orders@harbour.example"},
    )
    sender = read_document_bytes(data, "desk.msg").metadata["sender"]
    assert sender == "Orders Desk <orders@harbour.example>"


def test_recipients_fall_back_to_the_display_lines_and_the_date_to_delivery() -> None:
    data = _msg(
        recipients=[],
        sent=None,
        extra={
            make_msg.PR_DISPLAY_TO: "Tom Reed; Quality",
            make_msg.PR_MESSAGE_DELIVERY_TIME: datetime(2024, 3, 2, 8, 0, tzinfo=timezone.utc),
        },
    )
    metadata = read_document_bytes(data, "received.msg").metadata
    assert metadata["to"] == "Tom Reed, Quality"
    assert metadata["date"] == "2024-03-02T08:00:00+00:00"


def test_an_rtf_body_that_wraps_html_is_read_as_that_html() -> None:
    rtf = (
        rb"{\rtf1\ansi\ansicpg1252\fromhtml1 \deff0{\fonttbl{\f0\fswiss Arial;}}"
        rb"{\*\htmltag19 <html>}{\*\htmltag50 <body>}\htmlrtf \pard\f0\fs20 \htmlrtf0 "
        rb"{\*\htmltag64 <p>}\htmlrtf {\htmlrtf0 Torque must be 9 N\'b7m \'b1 10%.\htmlrtf\par}"
        rb"\htmlrtf0 {\*\htmltag72 </p>}{\*\htmltag64 <p>}Caf\u233\'e9 &lt;A&gt;{\*\htmltag72 </p>}"
        rb"{\*\htmltag58 </body>}{\*\htmltag27 </html>}}"
    )
    kind, html = rtf_body(make_msg.compressed_rtf.compress(rtf, compressed=True))
    assert kind == "html"
    assert html == (
        "<html><body><p>Torque must be 9 N·m ± 10%.</p><p>Café &lt;A&gt;</p></body></html>"
    )
    document = read_document_bytes(_msg(body=None, rtf=rtf), "rich.msg")
    texts = [block.text for block in document.pages[0].blocks]
    assert texts[1:] == ["Torque must be 9 N·m ± 10%.", "Café <A>"]


def test_a_damaged_rtf_body_is_a_warning() -> None:
    data = _msg(body=None, extra={make_msg.PR_RTF_COMPRESSED: b"\x10\0\0\0" + bytes(20)})
    document = read_document_bytes(data, "rtf.msg")
    assert any("body could not be read" in warning for warning in document.warnings)


# ---------------------------------------------------------------- attachments


def test_an_attachment_that_cannot_be_read_is_a_warning() -> None:
    data = _msg(
        attachments=[
            make_msg.Attachment("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
            make_msg.Attachment("terms.txt", b"Pallets shall not exceed 1.2 m.\n", "text/plain"),
        ]
    )
    document = read_document_bytes(data, "mail.msg")
    assert [a.path for a in document.attachments] == ["mail.msg#terms.txt"]
    assert any(w.startswith("attachment photo.png skipped: ") for w in document.warnings)


def test_an_attachment_without_its_data_stream_is_a_warning() -> None:
    root = make_msg.msg_storage(_message(attachments=[make_msg.Attachment("a.txt", b"x")]))
    attachment = next(n for n in root.children if n.name.startswith("__attach"))
    attachment.children = [n for n in attachment.children if n.name != "__substg1.0_37010102"]
    document = read_document_bytes(make_msg.write_cfb(root), "mail.msg")
    assert "attachment a.txt skipped: its content is missing" in document.warnings


def test_an_eml_carrying_a_msg_reads_it_and_keeps_its_files() -> None:
    mail = EmailMessage()
    mail["From"] = "Tom Reed <tom.reed@northwind.example>"
    mail["To"] = "qa@northwind.example"
    mail["Subject"] = "FW: the customer's reply"
    mail.set_content("See the attached mail.\n")
    msg = (EMAIL / "thread_with_quoted_reply.msg").read_bytes()
    mail.add_attachment(msg, "application", "vnd.ms-outlook", filename="reply.msg")
    data = mail.as_bytes(policy=SMTP)
    document = read_document_bytes(data, "fw.eml")
    (attached,) = document.attachments
    assert (attached.path, attached.kind) == ("fw.eml#reply.msg", "email")
    assert attached.metadata["sender"] == "Anna Berg <anna.berg@harbour.example>"
    assert {Path(a.path).suffix for a in attached.attachments} == {".pdf", ".txt"}
    kept = dict(attachment_files(data))
    assert set(kept) == {"reply.msg", "inspection_requirements.pdf", "delivery_addresses.txt"}


def test_a_msgs_kept_files_are_the_parts_it_reads_with_the_same_hashes() -> None:
    data = (EMAIL / "forwarded_as_attachment.msg").read_bytes()
    document = read_document_bytes(data, "fw.msg")
    kept = {hashlib.sha256(content).hexdigest(): name for name, content in attachment_files(data)}
    parts = {part.sha256: part.path for part in _all_parts(document)[1:]}
    assert {sha: path.rsplit("#", 1)[-1] for sha, path in parts.items()} == kept
    again = read_document_bytes(data, "fw.msg")  # the attached mail's bytes repeat
    assert [part.sha256 for part in _all_parts(again)] == [p.sha256 for p in _all_parts(document)]


def test_attached_mails_nested_too_deep_stop_with_a_warning() -> None:
    inner = _message(subject="Level 4")
    for level in (3, 2, 1):
        inner = _message(subject=f"Level {level}", attachments=[
            make_msg.Attachment(f"Level {level + 1}", embedded=inner)])  # fmt: skip
    document = read_document_bytes(make_msg.write_msg(inner), "deep.msg")
    warnings = [w for part in _all_parts(document) for w in part.warnings]
    assert any("nested too deeply" in warning for warning in warnings)


# ---------------------------------------------------------------- detection


@pytest.mark.parametrize("name", ["mail.msg", "mail.doc", "mail.pdf", "mail.bin", "mail"])
def test_a_msg_is_recognised_by_content_whatever_its_name(name: str) -> None:
    data = (EMAIL / "latin1.msg").read_bytes()
    assert detect_format(name, data) == "msg"
    document = read_document_bytes(data, name)
    assert document.kind == "email"
    assert document.metadata["subject"] == "Prüfberichte für Lieferung 7"


@pytest.mark.parametrize(
    ("name", "named"), [("mail.doc", "a Word 97-2003 document"), ("mail.pdf", "a PDF")]
)
def test_a_msg_named_like_another_format_says_so(name: str, named: str) -> None:
    document = read_document_bytes((EMAIL / "latin1.msg").read_bytes(), name)
    assert document.warnings[-1] == (
        f"named like {named} but it is an Outlook e-mail; read as an Outlook e-mail"
    )


def test_an_eml_named_msg_is_read_as_an_email_and_says_so() -> None:
    data = (EMAIL / "latin1.eml").read_bytes()
    document = read_document_bytes(data, "latin1.msg")
    assert document.kind == "email"
    assert document.warnings[-1] == (
        "named like an Outlook e-mail but it is an e-mail; read as an e-mail"
    )


def _password_protected_docx() -> bytes:
    """A real compound file of the streams Office writes around an encrypted DOCX."""
    streams = [
        make_msg.Stream("EncryptionInfo", b"x" * 100),
        make_msg.Stream("EncryptedPackage", b"y" * 900),
    ]
    return bytes(make_msg.write_cfb(make_msg.Storage("Root Entry", streams)))


def test_other_compound_files_keep_their_messages() -> None:
    """Real compound files (olefile opens them), not only the sniffing skeletons."""
    word = make_msg.write_cfb(
        make_msg.Storage("Root Entry", [make_msg.Stream("WordDocument", b"x" * 600)])
    )
    with pytest.raises(UnsupportedFormat, match="legacy Word 97-2003"):
        read_document_bytes(word, "old.doc")
    locked = _password_protected_docx()
    with pytest.raises(EncryptedDocument, match="password-protected"):
        read_document_bytes(locked, "locked.docx")


def test_a_msg_carrying_a_password_protected_document_is_still_a_mail() -> None:
    locked = _password_protected_docx()
    data = _msg(attachments=[make_msg.Attachment("terms.docx", locked)])
    document = read_document_bytes(data, "mail.msg")
    assert any("terms.docx skipped" in w and "password" in w for w in document.warnings)


# ---------------------------------------------------------------- refused


@pytest.mark.parametrize("keep", [0.3, 0.5, 0.9])
def test_a_msg_cut_short_is_damaged_naming_the_file(keep: float) -> None:
    data = (EMAIL / "thread_with_quoted_reply.msg").read_bytes()
    cut = data[: int(len(data) * keep)]
    with pytest.raises(CorruptDocument, match="damaged Outlook message") as raised:
        read_document_bytes(cut, "reply.msg")
    assert raised.value.path == "reply.msg" and "reply.msg" in str(raised.value)


def test_a_msg_with_a_broken_fat_is_damaged() -> None:
    data = bytearray((EMAIL / "thread_with_quoted_reply.msg").read_bytes())
    (first_fat,) = struct.unpack_from("<I", data, 76)
    start = 512 + first_fat * 512
    data[start : start + 512] = b"\x07\x00\x00\x00" * 128  # every sector points at sector 7
    with pytest.raises(CorruptDocument, match="damaged Outlook message"):
        read_document_bytes(bytes(data), "reply.msg")


@pytest.mark.parametrize("missing", ["__substg1.0_1000001F", "__properties_version1.0"])
def test_a_msg_missing_its_body_or_property_stream_is_damaged(missing: str) -> None:
    root = make_msg.msg_storage(_message())
    root.children = [node for node in root.children if node.name != missing]
    with pytest.raises(CorruptDocument, match="damaged Outlook message: its") as raised:
        read_document_bytes(make_msg.write_cfb(root), "order.msg")
    assert raised.value.path == "order.msg"


def test_a_msg_with_nothing_in_it_is_empty() -> None:
    data = _msg(subject="", body=None)
    with pytest.raises(EmptyDocument, match="no subject, body or readable attachment") as raised:
        read_document_bytes(data, "blank.msg")
    assert raised.value.path == "blank.msg"


def test_an_encrypted_smime_msg_is_refused_as_encrypted() -> None:
    blob = b"\x30\x80" + ENVELOPED_DATA + bytes(200)
    data = _msg(
        body=None,
        message_class="IPM.Note.SMIME",
        attachments=[make_msg.Attachment("smime.p7m", blob, "application/pkcs7-mime")],
    )
    with pytest.raises(EncryptedDocument, match="encrypted S/MIME e-mail") as raised:
        read_document_bytes(data, "secret.msg")
    assert raised.value.path == "secret.msg"


def test_a_signed_smime_msg_is_read_from_its_signed_part() -> None:
    signed = (
        b'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; '
        b'micalg=sha-256; boundary="sig"\r\n\r\n'
        b"--sig\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Hi Tom,\r\n\r\nThe housings shall be anodised.\r\n\r\nBest regards,\r\nAnna\r\n"
        b"--sig\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\r\n--sig--\r\n"
    )
    data = _msg(
        body=None,
        message_class="IPM.Note.SMIME.MultipartSigned",
        attachments=[make_msg.Attachment("smime.p7m", signed, "multipart/signed")],
    )
    document = read_document_bytes(data, "signed.msg")
    blocks = [(block.kind, block.text) for block in document.pages[0].blocks]
    assert blocks[2] == ("paragraph", "The housings shall be anodised.")
    assert blocks[-1][0] == "signature"
    assert document.metadata["sender"] == "Anna Berg <anna.berg@harbour.example>"
    assert document.attachments == () and document.warnings == ()


# ---------------------------------------------------------------- hostile


def test_hostile_headers_are_one_line_and_a_huge_subject_is_cut() -> None:
    data = _msg(
        subject="Order\r\nBcc: everyone@example.com\r\n\r\n<script>x</script>",
        sender_name='Evil "Name" <admin@example.com>,\n',
    )
    document = read_document_bytes(data, "evil.msg")
    assert document.metadata["subject"] == "Order Bcc: everyone@example.com <script>x</script>"
    assert "bcc" not in document.metadata
    huge = read_document_bytes(_msg(subject="S" * 2_000_000), "huge.msg")
    assert len(huge.metadata["subject"]) == MAX_HEADER_CHARS
    assert any("subject has 2,000,000 characters" in w for w in huge.warnings)


# ---------------------------------------------------------------- our writer


@pytest.mark.parametrize("path", MSG_DOCUMENTS, ids=lambda path: path.name)
def test_our_msg_files_are_valid_compound_files(path: Path) -> None:
    """The writer checked apart from our reader: olefile finds no defect, and each
    storage's children form a red-black tree in [MS-CFB] name order."""
    with olefile.OleFileIO(str(path)) as ole:
        assert ole.parsing_issues == []
        entries = ole.direntries
        for entry in entries:
            if entry is not None and entry.entry_type in (
                olefile.STGTY_STORAGE,
                olefile.STGTY_ROOT,
            ):
                _check_red_black(entries, entry.sid_child)


def _check_red_black(entries: list[Any], sid: int) -> int:
    """The black height of the tree at ``sid``; fails when it is no red-black search tree."""
    if sid == olefile.NOSTREAM:
        return 1
    node = entries[sid]
    key = (len(node.name), node.name.upper())
    for child, below in ((node.sid_left, True), (node.sid_right, False)):
        if child != olefile.NOSTREAM:
            other = entries[child]
            assert ((len(other.name), other.name.upper()) < key) == below
            assert node.color == BLACK or other.color == BLACK
    left, right = (
        _check_red_black(entries, node.sid_left),
        _check_red_black(entries, node.sid_right),
    )
    assert left == right
    return left + (node.color == BLACK)


@pytest.mark.skipif(shutil.which("file") is None, reason="file(1) is not installed")
def test_file_names_our_msg_files_outlook_messages() -> None:
    """An independent reader of the format: libmagic's compound file parser."""
    for path in MSG_DOCUMENTS:
        said = subprocess.run(["file", "-b", str(path)], capture_output=True, text=True).stdout
        assert said.strip() == "CDFV2 Microsoft Outlook Message", path.name


def test_the_writers_trees_are_red_black_for_any_number_of_children() -> None:
    for count in range(1, 41):
        streams = [make_msg.Stream(f"s{number:03d}", b"x") for number in range(count)]
        data = make_msg.write_cfb(make_msg.Storage("Root Entry", streams))
        with olefile.OleFileIO(data) as ole:
            assert ole.parsing_issues == [] and len(ole.listdir()) == count
            _check_red_black(ole.direntries, ole.root.sid_child)


def test_an_address_that_is_not_ascii_is_kept_as_written() -> None:
    data = _msg(sender_address="jürgen@werk.example")  # formataddr refuses it
    assert read_document_bytes(data, "intl.msg").metadata["sender"] == (
        "Anna Berg <jürgen@werk.example>"
    )
