"""MAPI properties as Outlook keeps them, shared by the .msg and the TNEF reader.

An Outlook .msg ([MS-OXMSG]) and a winmail.dat ([MS-OXTNEF]) store the same
thing in two containers: a message's MAPI properties ([MS-OXPROPS]), each a
16-bit id and a 16-bit type. What the two readers make of them is the same
too: which body to take (plain, else HTML, else the compressed RTF's HTML or
text), a FILETIME as a date, an attachment's file name and MIME type.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage

from extractor.reading.rtf import RtfError, rtf_body

# Property types.
PT_SHORT, PT_LONG, PT_FLOAT, PT_DOUBLE, PT_CURRENCY, PT_APPTIME = 2, 3, 4, 5, 6, 7
PT_ERROR, PT_BOOLEAN, PT_OBJECT, PT_LONGLONG = 0x000A, 0x000B, 0x000D, 0x0014
PT_STRING8, PT_UNICODE, PT_SYSTIME, PT_CLSID, PT_BINARY = 0x001E, 0x001F, 0x0040, 0x0048, 0x0102
MV_FLAG = 0x1000  # a multi-valued property: the type with this bit set

# Property ids.
PR_MESSAGE_CLASS = 0x001A
PR_SUBJECT = 0x0037
PR_CLIENT_SUBMIT_TIME = 0x0039
PR_SUBJECT_PREFIX = 0x003D
PR_SENT_REPRESENTING_NAME = 0x0042
PR_SENT_REPRESENTING_ADDRTYPE = 0x0064
PR_SENT_REPRESENTING_EMAIL_ADDRESS = 0x0065
PR_TRANSPORT_MESSAGE_HEADERS = 0x007D
PR_RECIPIENT_TYPE = 0x0C15
PR_SENDER_NAME = 0x0C1A
PR_SENDER_ADDRTYPE = 0x0C1E
PR_SENDER_EMAIL_ADDRESS = 0x0C1F
PR_DISPLAY_CC = 0x0E03
PR_DISPLAY_TO = 0x0E04
PR_MESSAGE_DELIVERY_TIME = 0x0E06
PR_NORMALIZED_SUBJECT = 0x0E1D
PR_BODY = 0x1000
PR_RTF_COMPRESSED = 0x1009
PR_HTML = 0x1013
PR_INTERNET_MESSAGE_ID = 0x1035
PR_DISPLAY_NAME = 0x3001
PR_ADDRTYPE = 0x3002
PR_EMAIL_ADDRESS = 0x3003
PR_ATTACH_DATA = 0x3701  # PR_ATTACH_DATA_BIN (binary) or _OBJ (an attached mail)
PR_ATTACH_FILENAME = 0x3704
PR_ATTACH_METHOD = 0x3705
PR_ATTACH_LONG_FILENAME = 0x3707
PR_ATTACH_MIME_TAG = 0x370E
PR_SMTP_ADDRESS = 0x39FE
PR_INTERNET_CPID = 0x3FDE
PR_MESSAGE_CODEPAGE = 0x3FFD
PR_SENDER_SMTP_ADDRESS = 0x5D01
PR_SENT_REPRESENTING_SMTP_ADDRESS = 0x5D02
BODIES = (PR_BODY, PR_HTML, PR_RTF_COMPRESSED)

# PR_ATTACH_METHOD values.
ATTACH_BY_VALUE, ATTACH_EMBEDDED_MSG, ATTACH_OLE = 1, 5, 6

_MIME_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")
_EPOCH = datetime(1601, 1, 1, tzinfo=timezone.utc)


def set_body(
    message: EmailMessage, plain: str, html: str, compressed_rtf: bytes | None
) -> str | None:
    """Give ``message`` the plain body, else the HTML one, else the compressed RTF's.

    Returns why the RTF body could not be read, or None.
    """
    if plain.strip():
        message.set_content(plain, cte="base64")
        return None
    if html.strip():
        message.set_content(html, subtype="html", cte="base64")
        return None
    if compressed_rtf:
        try:
            kind, text = rtf_body(compressed_rtf)
        except RtfError as error:
            return str(error)
        message.set_content(text, subtype="html" if kind == "html" else "plain", cte="base64")
    return None


def filetime(value: bytes) -> datetime | None:
    """A PT_SYSTIME value (100-ns ticks since 1601, UTC), or None when it is no date."""
    if len(value) != 8:
        return None
    ticks = int.from_bytes(value, "little")
    try:
        moment = _EPOCH + timedelta(microseconds=ticks // 10)
    except OverflowError:
        return None
    return moment if moment.year > 1601 else None


def file_name(name: str) -> str:
    """An attachment's file name on one line, at most 255 characters."""
    return " ".join(name.split())[:255]


def mime_type(value: str) -> tuple[str, str]:
    """(maintype, subtype) of a PR_ATTACH_MIME_TAG; application/octet-stream when it is none."""
    value = value.strip().lower()
    if not _MIME_TYPE.fullmatch(value):
        return "application", "octet-stream"
    maintype, subtype = value.split("/")
    return maintype, subtype
