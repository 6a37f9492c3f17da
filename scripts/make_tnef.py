"""Write winmail.dat (TNEF) files, for our tests: `python scripts/make_tnef.py out.dat --body ...`.

Our own writer, from Microsoft's open specification [MS-OXTNEF], as
``make_msg.py`` is for .msg files: a signature and key, then attributes
(level, id, length, data, checksum). The message attributes are those
Outlook writes first (attTnefVersion, attOemCodepage, attMessageClass,
attSubject, attDateSent) and attMsgProps, the message's MAPI properties
(subject, sender, PR_BODY, PR_HTML, PR_RTF_COMPRESSED, code page). Each
attachment is attAttachRenddata, attAttachTitle, attAttachData (the legacy
copy, unless ``legacy=False``) and attAttachment, its MAPI properties
(PR_ATTACH_LONG_FILENAME, PR_ATTACH_METHOD, PR_ATTACH_MIME_TAG, and
PR_ATTACH_DATA_BIN when there is no legacy copy). An attached mail is
PR_ATTACH_DATA_OBJ: IID_IMessage and a TNEF stream of its own. A named
property is written into each property list, as Outlook does, so readers
must step over one.

``eml_with_winmail`` wraps a stream in an e-mail as Outlook sends it: a
plain body (often empty) and winmail.dat as application/ms-tnef.
"""

from __future__ import annotations

import argparse
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path

import compressed_rtf

SIGNATURE = 0x223E9F78
LEGACY_KEY = 0x1234
LVL_MESSAGE, LVL_ATTACHMENT = 1, 2

# Attribute ids: the type in the high word, the number in the low word.
ATP_STRING, ATP_DATE, ATP_BYTE, ATP_WORD, ATP_DWORD = 0x0001, 0x0003, 0x0006, 0x0007, 0x0008
ATT_TNEF_VERSION = (ATP_DWORD << 16) | 0x9006
ATT_OEM_CODEPAGE = (ATP_BYTE << 16) | 0x9007
ATT_MESSAGE_CLASS = (ATP_WORD << 16) | 0x8008
ATT_SUBJECT = (ATP_STRING << 16) | 0x8004
ATT_DATE_SENT = (ATP_DATE << 16) | 0x8005
ATT_MSG_PROPS = (ATP_BYTE << 16) | 0x9003
ATT_ATTACH_RENDDATA = (ATP_BYTE << 16) | 0x9002
ATT_ATTACH_TITLE = (ATP_STRING << 16) | 0x8010
ATT_ATTACH_DATA = (ATP_BYTE << 16) | 0x800F
ATT_ATTACHMENT = (ATP_BYTE << 16) | 0x9005

PT_LONG, PT_BOOLEAN, PT_OBJECT, PT_UNICODE = 0x0003, 0x000B, 0x000D, 0x001F
PT_SYSTIME, PT_BINARY = 0x0040, 0x0102
PR_SUBJECT = 0x0037
PR_CLIENT_SUBMIT_TIME = 0x0039
PR_SENDER_NAME = 0x0C1A
PR_SENDER_SMTP_ADDRESS = 0x5D01
PR_BODY = 0x1000
PR_RTF_IN_SYNC = 0x0E1F
PR_RTF_COMPRESSED = 0x1009
PR_HTML = 0x1013
PR_INTERNET_CPID = 0x3FDE
PR_ATTACH_DATA = 0x3701
PR_ATTACH_METHOD = 0x3705
PR_ATTACH_LONG_FILENAME = 0x3707
PR_ATTACH_MIME_TAG = 0x370E
ATTACH_BY_VALUE, ATTACH_EMBEDDED_MSG = 1, 5
# IID_IMessage {00020307-0000-0000-C000-000000000046}, as an attached mail's value opens
IID_IMESSAGE = bytes.fromhex("0703020000000000C000000000000046")
# PS_PUBLIC_STRINGS, the property set of the named property each list carries
PS_PUBLIC_STRINGS = bytes.fromhex("2903020000000000C000000000000046")


@dataclass
class Attachment:
    """A file in the winmail.dat, or (``message``) an attached mail."""

    name: str
    data: bytes = b""
    mime_type: str = ""
    legacy: bool = True  # write attAttachTitle and attAttachData as well as the properties
    message: Tnef | None = None


@dataclass
class Tnef:
    """What to write: the message's subject, sender, date, bodies and attachments."""

    subject: str = ""
    sender_name: str = ""
    sender_address: str = ""
    sent: datetime | None = None
    body: str = ""  # PR_BODY
    html: str = ""  # PR_HTML
    rtf: str = ""  # RTF source, written compressed as PR_RTF_COMPRESSED
    codepage: int = 1252
    attachments: list[Attachment] = field(default_factory=list)


def write_tnef(tnef: Tnef) -> bytes:
    """The TNEF stream of ``tnef``."""
    out = bytearray(struct.pack("<IH", SIGNATURE, LEGACY_KEY))
    out += attribute(LVL_MESSAGE, ATT_TNEF_VERSION, struct.pack("<I", 0x00010000))
    out += attribute(LVL_MESSAGE, ATT_OEM_CODEPAGE, struct.pack("<II", tnef.codepage, 0))
    out += attribute(LVL_MESSAGE, ATT_MESSAGE_CLASS, b"IPM.Microsoft Mail.Note\0")
    if tnef.subject:
        subject = tnef.subject.encode(_codec(tnef.codepage), errors="replace") + b"\0"
        out += attribute(LVL_MESSAGE, ATT_SUBJECT, subject)
    if tnef.sent is not None:
        out += attribute(LVL_MESSAGE, ATT_DATE_SENT, _legacy_date(tnef.sent))
    out += attribute(LVL_MESSAGE, ATT_MSG_PROPS, property_list(_message_properties(tnef)))
    for item in tnef.attachments:
        out += _attachment(item, tnef.codepage)
    return bytes(out)


def attribute(level: int, attribute_id: int, data: bytes) -> bytes:
    """One attribute: level, id, length, data and the data's checksum."""
    checksum = sum(data) & 0xFFFF
    return struct.pack("<BII", level, attribute_id, len(data)) + data + struct.pack("<H", checksum)


Value = str | bytes | int | bool | datetime


def property_list(props: dict[tuple[int, int], Value]) -> bytes:
    """A MAPI property list: the count, a named property, then each (id, type) value."""
    out = bytearray(struct.pack("<I", len(props) + 1))
    # a named property (id 0x8000 and up), string-named: "Keywords" in PS_PUBLIC_STRINGS
    name = "Keywords\0".encode("utf-16-le")
    out += struct.pack("<HH", PT_LONG, 0x8001) + PS_PUBLIC_STRINGS
    out += struct.pack("<II", 1, len(name)) + _padded(name) + struct.pack("<I", 0)
    for (prop_id, kind), value in props.items():
        out += struct.pack("<HH", kind, prop_id)
        if kind in (PT_LONG, PT_BOOLEAN):
            out += struct.pack("<i", int(value))  # type: ignore[arg-type]
        elif kind == PT_SYSTIME:
            assert isinstance(value, datetime)
            out += struct.pack("<Q", filetime(value))
        else:
            data = (value + "\0").encode("utf-16-le") if isinstance(value, str) else value
            assert isinstance(data, bytes)
            out += struct.pack("<II", 1, len(data)) + _padded(data)
    return bytes(out)


def _padded(data: bytes) -> bytes:
    return data + bytes(-len(data) % 4)


def filetime(moment: datetime) -> int:
    epoch = datetime(1601, 1, 1, tzinfo=timezone.utc)
    return int((moment - epoch).total_seconds() * 10_000_000)


def _legacy_date(moment: datetime) -> bytes:
    weekday = (moment.weekday() + 1) % 7  # Sunday is 0
    fields = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    return struct.pack("<7H", *fields, weekday)


def _codec(codepage: int) -> str:
    return "utf-8" if codepage == 65001 else f"cp{codepage}"


def _message_properties(tnef: Tnef) -> dict[tuple[int, int], Value]:
    props: dict[tuple[int, int], Value] = {(PR_INTERNET_CPID, PT_LONG): tnef.codepage}
    if tnef.subject:
        props[(PR_SUBJECT, PT_UNICODE)] = tnef.subject
    if tnef.sender_name:
        props[(PR_SENDER_NAME, PT_UNICODE)] = tnef.sender_name
    if tnef.sender_address:
        props[(PR_SENDER_SMTP_ADDRESS, PT_UNICODE)] = tnef.sender_address
    if tnef.sent is not None:
        props[(PR_CLIENT_SUBMIT_TIME, PT_SYSTIME)] = tnef.sent
    if tnef.body:
        props[(PR_BODY, PT_UNICODE)] = tnef.body
    if tnef.html:
        props[(PR_HTML, PT_BINARY)] = tnef.html.encode(_codec(tnef.codepage))
    if tnef.rtf:
        props[(PR_RTF_IN_SYNC, PT_BOOLEAN)] = True
        props[(PR_RTF_COMPRESSED, PT_BINARY)] = bytes(
            compressed_rtf.compress(tnef.rtf.encode("cp1252"), compressed=True)
        )
    return props


def _attachment(item: Attachment, codepage: int) -> bytes:
    # AttachType 1 (a file), position -1 (not placed in the text), no size, no flags
    out = attribute(LVL_ATTACHMENT, ATT_ATTACH_RENDDATA, struct.pack("<HiHHI", 1, -1, 0, 0, 0))
    props: dict[tuple[int, int], Value] = {(PR_ATTACH_LONG_FILENAME, PT_UNICODE): item.name}
    if item.message is not None:
        props[(PR_ATTACH_METHOD, PT_LONG)] = ATTACH_EMBEDDED_MSG
        props[(PR_ATTACH_DATA, PT_OBJECT)] = IID_IMESSAGE + write_tnef(item.message)
    else:
        props[(PR_ATTACH_METHOD, PT_LONG)] = ATTACH_BY_VALUE
        if item.mime_type:
            props[(PR_ATTACH_MIME_TAG, PT_UNICODE)] = item.mime_type
        if item.legacy:
            title = item.name.encode(_codec(codepage), errors="replace") + b"\0"
            out += attribute(LVL_ATTACHMENT, ATT_ATTACH_TITLE, title)
            out += attribute(LVL_ATTACHMENT, ATT_ATTACH_DATA, item.data)
        else:
            props[(PR_ATTACH_DATA, PT_BINARY)] = item.data
    return out + attribute(LVL_ATTACHMENT, ATT_ATTACHMENT, property_list(props))


def eml_with_winmail(
    winmail: bytes,
    *,
    body: str = "",
    sender: str = "Anna Berg <anna.berg@harbour.example>",
    to: str = "Tom Reed <tom.reed@northwind.example>",
    subject: str = "Order 7731",
    sent: datetime = datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc),
    name: str = "winmail.dat",
    mime_type: str = "application/ms-tnef",
) -> bytes:
    """An e-mail as Outlook sends a rich-text mail: ``body`` and winmail.dat."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message["Date"] = format_datetime(sent)
    message.set_content(body)
    maintype, subtype = mime_type.split("/")
    message.add_attachment(winmail, maintype, subtype, filename=name)
    message.set_boundary("=_reqx_tnef_test")
    return message.as_bytes(policy=SMTP)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the winmail.dat to write")
    parser.add_argument("--subject", default="")
    parser.add_argument("--body", default="", help="the plain body (PR_BODY)")
    parser.add_argument("--attach", type=Path, action="append", default=[], help="a file")
    parser.add_argument("--eml", type=Path, help="also write an e-mail carrying it")
    args = parser.parse_args(argv)
    tnef = Tnef(
        subject=args.subject,
        body=args.body,
        attachments=[Attachment(path.name, path.read_bytes()) for path in args.attach],
    )
    data = write_tnef(tnef)
    args.out.write_bytes(data)
    if args.eml:
        args.eml.write_bytes(eml_with_winmail(data, subject=args.subject))


if __name__ == "__main__":
    main()
