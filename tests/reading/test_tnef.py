"""winmail.dat (TNEF) attachments: their body and files read as the mail's, damage warned.

The TNEF streams are written by our own writer (``scripts/make_tnef.py``) and
carried in e-mails as Outlook sends them: a plain body (often empty) and
winmail.dat as application/ms-tnef.
"""

from __future__ import annotations

import hashlib
import importlib.util
from datetime import datetime, timezone
from typing import Any

import pytest
from script_loader import ROOT, load_script

from extractor.reading import read_document_bytes
from extractor.reading.email import attachment_files
from extractor.types import Document

from .conftest import DOCUMENTS

make_tnef = load_script(ROOT / "scripts" / "make_tnef.py", "make_tnef")
make_msg = load_script(ROOT / "scripts" / "make_msg.py", "make_msg")
PDF = DOCUMENTS / "pdf" / "table.pdf"
PDF_READER_PRESENT = importlib.util.find_spec("extractor.reading.pdf") is not None
SENDER = "Anna Berg <anna.berg@harbour.example>"
SENT_AT = "2024-03-01T09:30:00+00:00"
PACKAGING = (
    "Packaging instruction PI-22\r\n\r\n"
    "1. Frames shall be shipped on ISPM 15 heat-treated wooden pallets.\r\n"
    "2. Maximum 8 frames per pallet (previously 10).\r\n"
)
RICH_BODY = "Hi Tom,\n\nThe Supplier shall deliver the housings by 5 April.\n"


def _rtf(text: str) -> str:
    return make_msg.rtf_of(text).decode("ascii")


def _winmail(**fields: Any) -> bytes:
    return bytes(make_tnef.write_tnef(make_tnef.Tnef(**fields)))


def _mail(winmail: bytes, **fields: Any) -> bytes:
    return bytes(make_tnef.eml_with_winmail(winmail, **fields))


def _texts(document: Document) -> list[str]:
    return [block.text for page in document.pages for block in page.blocks]


def _text_attachment() -> Any:
    return make_tnef.Attachment("PI-22.txt", PACKAGING.encode("cp1252"))


# ---------------------------------------------------------------- body


def test_a_rich_text_body_kept_only_in_winmail_dat_is_the_mails_body() -> None:
    """Outlook's rich-text mail: an empty plain part, the body as compressed RTF in the TNEF."""
    data = _mail(_winmail(subject="Order 7731", rtf=_rtf(RICH_BODY)))
    document = read_document_bytes(data, "mail.eml")
    assert "The Supplier shall deliver the housings by 5 April." in _texts(document)
    assert document.warnings == ()
    assert document.attachments == ()


def test_a_body_that_only_says_it_is_rich_text_gives_way_to_the_winmail_body() -> None:
    data = _mail(
        _winmail(body=RICH_BODY),
        body="This message is in Rich Text Format; it may not display correctly.\n",
    )
    texts = _texts(read_document_bytes(data, "mail.eml"))
    assert "The Supplier shall deliver the housings by 5 April." in texts
    assert not any("Rich Text Format" in text for text in texts)


def test_the_mails_own_body_is_kept_when_it_has_text() -> None:
    """Outlook writes the same text in both; read once, from the mail."""
    data = _mail(
        _winmail(html="<p>The Supplier shall deliver the housings by 5 April.</p>"),
        body="Hi Tom,\n\nPlease see the attached instruction.\n",
    )
    texts = _texts(read_document_bytes(data, "mail.eml"))
    assert "Please see the attached instruction." in texts
    assert not any("housings" in text for text in texts)


def test_a_mail_that_is_only_a_tnef_stream_is_read() -> None:
    """Some gateways send the whole mail as application/ms-tnef."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"], message["Subject"] = SENDER, "Order 7731"
    message["Date"] = "Fri, 01 Mar 2024 09:30:00 +0000"
    message.set_content(_winmail(body=RICH_BODY), "application", "ms-tnef")
    document = read_document_bytes(message.as_bytes(), "mail.eml")
    assert "The Supplier shall deliver the housings by 5 April." in _texts(document)


# ---------------------------------------------------------------- attachments


def test_a_text_file_in_winmail_dat_is_an_attachment_of_the_mail() -> None:
    """The walk's M22: the packaging instruction was lost as 'binary data of an unknown format'."""
    data = _mail(
        _winmail(attachments=[_text_attachment()]), body="Please see the attached instruction.\n"
    )
    document = read_document_bytes(data, "mail.eml")
    assert document.warnings == ()
    (attached,) = document.attachments
    assert attached.path == "mail.eml#PI-22.txt"
    assert attached.kind == "text"
    assert "2. Maximum 8 frames per pallet (previously 10)." in " ".join(_texts(attached))
    assert attached.metadata["mail_sender"] == SENDER
    assert attached.metadata["mail_date"] == SENT_AT


def test_a_pdf_in_winmail_dat_is_read_and_kept_beside_the_mail() -> None:
    pdf = PDF.read_bytes()
    winmail = _winmail(
        body=RICH_BODY,
        attachments=[make_tnef.Attachment("drawing list.pdf", pdf, "application/pdf")],
    )
    data = _mail(winmail)
    files = dict(attachment_files(data))
    assert files == {"drawing list.pdf": pdf}
    assert "winmail.dat" not in files
    document = read_document_bytes(data, "mail.eml")
    if not PDF_READER_PRESENT:
        assert any("drawing list.pdf" in warning for warning in document.warnings)
        return
    (attached,) = document.attachments
    assert attached.path == "mail.eml#drawing list.pdf"
    assert attached.kind == "pdf"
    assert attached.sha256 == hashlib.sha256(pdf).hexdigest()
    assert attached.metadata["mail_sender"] == SENDER


def test_an_attachment_kept_only_in_its_mapi_properties_is_read() -> None:
    """Newer Outlook writes PR_ATTACH_DATA_BIN and PR_ATTACH_LONG_FILENAME, no legacy copy."""
    attachment = make_tnef.Attachment(
        "Lieferbedingungen März.txt", PACKAGING.encode("cp1252"), legacy=False
    )
    data = _mail(_winmail(attachments=[attachment]))
    (attached,) = read_document_bytes(data, "mail.eml").attachments
    assert attached.path == "mail.eml#Lieferbedingungen März.txt"
    assert "Maximum 8 frames per pallet" in " ".join(_texts(attached))


def test_a_mail_attached_inside_winmail_dat_is_an_attached_mail() -> None:
    inner = make_tnef.Tnef(
        subject="Delivery schedule",
        sender_name="Lukas Brandt",
        sender_address="lukas.brandt@harbour.example",
        sent=datetime(2024, 2, 27, 8, 0, tzinfo=timezone.utc),
        body="The first 250 frames must arrive in week 14.\n",
    )
    winmail = _winmail(
        body=RICH_BODY, attachments=[make_tnef.Attachment("Delivery schedule", message=inner)]
    )
    document = read_document_bytes(_mail(winmail), "mail.eml")
    (attached,) = document.attachments
    assert attached.path == "mail.eml#Delivery schedule.eml"
    assert attached.kind == "email"
    assert attached.metadata["sender"] == "Lukas Brandt <lukas.brandt@harbour.example>"
    assert attached.metadata["date"] == "2024-02-27T08:00:00+00:00"
    assert "The first 250 frames must arrive in week 14." in _texts(attached)


def test_winmail_dat_in_an_outlook_msg_is_read_too() -> None:
    """A received rich-text mail saved from Outlook can keep winmail.dat as an attachment."""
    winmail = _winmail(attachments=[_text_attachment()])
    message = make_msg.Message(
        subject="Order 7731",
        sender_name="Anna Berg",
        sender_address="anna.berg@harbour.example",
        recipients=[make_msg.Recipient("Tom Reed", "tom.reed@northwind.example")],
        sent=datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc),
        body="Please see the attached instruction.\n",
        attachments=[make_msg.Attachment("winmail.dat", winmail)],
    )
    data = bytes(make_msg.write_msg(message))
    document = read_document_bytes(data, "mail.msg")
    assert document.warnings == ()
    (attached,) = document.attachments
    assert attached.path == "mail.msg#PI-22.txt"
    assert attached.metadata["mail_sender"] == SENDER
    assert dict(attachment_files(data)) == {"PI-22.txt": PACKAGING.encode("cp1252")}


def test_winmail_dat_sent_as_octet_stream_is_known_by_its_signature() -> None:
    winmail = _winmail(attachments=[_text_attachment()])
    data = _mail(winmail, name="ATT00001.dat", mime_type="application/octet-stream")
    (attached,) = read_document_bytes(data, "mail.eml").attachments
    assert attached.path == "mail.eml#PI-22.txt"


# ---------------------------------------------------------------- damage


def test_a_cut_short_winmail_dat_warns_what_was_lost_and_keeps_what_came_before() -> None:
    first = make_tnef.Attachment("notes.txt", b"The Supplier shall label each pallet.\r\n")
    second = make_tnef.Attachment("PI-22.txt", PACKAGING.encode("cp1252") * 20)
    winmail = _winmail(body=RICH_BODY, attachments=[first, second])
    cut = winmail[: len(winmail) - 900]  # inside the second attachment's data
    document = read_document_bytes(_mail(cut), "mail.eml")
    assert [attached.path for attached in document.attachments] == ["mail.eml#notes.txt"]
    (warning,) = document.warnings
    assert warning.startswith("winmail.dat is damaged (cut short at byte")
    assert warning.endswith("the attachment PI-22.txt and anything after it lost")
    assert "The Supplier shall deliver the housings by 5 April." in _texts(document)


@pytest.mark.parametrize("keep", [6, 7, 20, 100])
def test_a_winmail_dat_cut_anywhere_never_stops_the_mail(keep: int) -> None:
    winmail = _winmail(body=RICH_BODY, attachments=[_text_attachment()])
    document = read_document_bytes(
        _mail(winmail[:keep], body="Please see the attached instruction.\n"), "mail.eml"
    )
    assert "Please see the attached instruction." in _texts(document)
    assert any(warning.startswith("winmail.dat") for warning in document.warnings)


def test_a_changed_byte_in_an_attachments_data_is_read_with_a_warning() -> None:
    winmail = bytearray(_winmail(attachments=[_text_attachment()]))
    at = bytes(winmail).index(b"Maximum 8")
    winmail[at + 8] = ord("9")
    document = read_document_bytes(_mail(bytes(winmail)), "mail.eml")
    (attached,) = document.attachments
    assert "Maximum 9 frames" in " ".join(_texts(attached))
    assert document.warnings == (
        "attachment PI-22.txt in winmail.dat fails its checksum: its content may be damaged",
    )


def test_a_damaged_attribute_header_stops_the_reading_with_a_warning() -> None:
    winmail = bytearray(_winmail(body=RICH_BODY, attachments=[_text_attachment()]))
    winmail[6] = 9  # the first attribute's level: neither message (1) nor attachment (2)
    document = read_document_bytes(
        _mail(bytes(winmail), body="Please see the attached instruction.\n"), "mail.eml"
    )
    assert document.attachments == ()
    assert document.warnings == (
        "winmail.dat is damaged (an attribute of unknown level 9 at byte 6): "
        "the mail's text and attachments in it lost",
    )


def test_a_winmail_dat_with_nothing_readable_says_so() -> None:
    document = read_document_bytes(
        _mail(_winmail(subject="Order 7731"), body="Please see below.\n"), "mail.eml"
    )
    assert document.warnings == ("winmail.dat holds no text or attachments",)


def test_a_damaged_property_list_raises_only_inside_the_reader() -> None:
    from extractor.reading.tnef import message_from_tnef, properties

    with pytest.raises(ValueError, match="claims"):
        properties(b"\xff\xff\xff\x00" + bytes(8))
    message, warnings = message_from_tnef(b"not TNEF at all")
    assert warnings == ["winmail.dat is not a TNEF stream (its signature is missing): nothing read"]
    assert not message.is_multipart()
