"""Turn a winmail.dat (TNEF) into the e-mail message it holds, for the .eml reader.

Outlook sends a "rich text" mail as a plain MIME mail plus one attachment,
winmail.dat (application/ms-tnef): a Transport Neutral Encapsulation Format
stream ([MS-OXTNEF]) holding the real body and the real attachments. Other
mail programs show only "winmail.dat", so the customer's attachment is lost
unless it is unpacked. This reader is ours, written from the specification.

The stream is a 4-byte signature (0x223E9F78), a 2-byte key and then
attributes: a level byte (1 message, 2 attachment), a 4-byte id (attribute
number in the low word, type in the high word), a 4-byte length, the data,
and a 2-byte checksum (the data's bytes summed modulo 65536). Message
attributes come first: the legacy ones (attSubject, attDateSent, attBody in
the OEM code page of attOemCodepage) and attMsgProps, a list of MAPI
properties (PR_BODY, PR_HTML, PR_RTF_COMPRESSED, the sender). Each attachment
opens with attAttachRenddata, then attAttachTitle (its file name),
attAttachData (its bytes) and attAttachment, its MAPI properties
(PR_ATTACH_LONG_FILENAME, PR_ATTACH_DATA_BIN, PR_ATTACH_METHOD; an attached
mail is PR_ATTACH_DATA_OBJ: an interface id and a TNEF stream of its own).

A property list is a count and then properties: a 4-byte tag (type in the
low word, id in the high word), for a named property (id 0x8000 and up) a
GUID and an id or a UTF-16 name, then the value: fixed-size values padded
to 4 bytes; strings, binaries and objects as a count of values, each a
length and the bytes padded to 4 bytes; multi-valued ones as a count and
values.

The result is an ``email.message.EmailMessage`` (Subject, Date and From where
the stream names them, one body, the attachments, attached mails as
message/rfc822 parts) and warnings. Damage never raises: the stream is read
up to the damage and a warning names what was lost.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from extractor.reading.codepages import codec_for
from extractor.reading.mapi import (
    ATTACH_EMBEDDED_MSG,
    ATTACH_OLE,
    MV_FLAG,
    PR_ATTACH_DATA,
    PR_ATTACH_FILENAME,
    PR_ATTACH_LONG_FILENAME,
    PR_ATTACH_METHOD,
    PR_ATTACH_MIME_TAG,
    PR_BODY,
    PR_CLIENT_SUBMIT_TIME,
    PR_DISPLAY_NAME,
    PR_HTML,
    PR_INTERNET_CPID,
    PR_MESSAGE_CODEPAGE,
    PR_RTF_COMPRESSED,
    PR_SENDER_EMAIL_ADDRESS,
    PR_SENDER_NAME,
    PR_SENDER_SMTP_ADDRESS,
    PR_SUBJECT,
    PT_APPTIME,
    PT_BINARY,
    PT_BOOLEAN,
    PT_CLSID,
    PT_CURRENCY,
    PT_DOUBLE,
    PT_ERROR,
    PT_FLOAT,
    PT_LONG,
    PT_LONGLONG,
    PT_OBJECT,
    PT_SHORT,
    PT_STRING8,
    PT_SYSTIME,
    PT_UNICODE,
    file_name,
    filetime,
    mime_type,
    set_body,
)

TNEF_SIGNATURE = b"\x78\x9f\x3e\x22"  # 0x223E9F78, little-endian
LVL_MESSAGE, LVL_ATTACHMENT = 1, 2

# Attribute numbers (the low word of an attribute id).
ATT_SUBJECT = 0x8004
ATT_DATE_SENT = 0x8005
ATT_BODY = 0x800C
ATT_ATTACH_DATA = 0x800F
ATT_ATTACH_TITLE = 0x8010
ATT_ATTACH_RENDDATA = 0x9002
ATT_MSG_PROPS = 0x9003
ATT_ATTACHMENT = 0x9005
ATT_OEM_CODEPAGE = 0x9007

_FIXED_SIZES = {
    PT_SHORT: 4, PT_LONG: 4, PT_FLOAT: 4, PT_ERROR: 4, PT_BOOLEAN: 4, 0x0001: 4,  # PT_NULL
    PT_DOUBLE: 8, PT_CURRENCY: 8, PT_APPTIME: 8, PT_LONGLONG: 8, PT_SYSTIME: 8, PT_CLSID: 16,
}  # fmt: skip
_VARIABLE = frozenset({PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT})
_IID_LENGTH = 16  # an object value opens with the interface id it is read by
# Attached mails inside the winmail.dat: as deep as the reader goes.
_MAX_DEPTH = 2


class TnefError(ValueError):
    """A TNEF stream or property list that cannot be read on; the text says why."""


def is_tnef(data: bytes) -> bool:
    """True when ``data`` opens with the TNEF signature."""
    return data.startswith(TNEF_SIGNATURE)


def message_from_tnef(data: bytes, name: str = "winmail.dat") -> tuple[EmailMessage, list[str]]:
    """The mail in ``data`` (a TNEF stream called ``name``) and warnings about what was lost."""
    return _message(data, name, depth=0)


# ---------------------------------------------------------------- properties


@dataclass(frozen=True, slots=True)
class _Property:
    kind: int  # the property type, without the multi-valued flag
    values: tuple[bytes, ...]  # one for a single-valued property


Properties = dict[int, _Property]


class _Cursor:
    """Reads little-endian numbers and byte runs, raising TnefError past the end."""

    def __init__(self, data: bytes, at: int = 0) -> None:
        self.data, self.at = data, at

    def take(self, count: int) -> bytes:
        if count < 0 or self.at + count > len(self.data):
            raise TnefError(f"cut short at byte {self.at:,} of {len(self.data):,}")
        chunk = self.data[self.at : self.at + count]
        self.at += count
        return chunk

    def u16(self) -> int:
        return int(struct.unpack("<H", self.take(2))[0])

    def u32(self) -> int:
        return int(struct.unpack("<I", self.take(4))[0])

    def padded(self, count: int) -> bytes:
        """``count`` bytes, then the padding to the next multiple of 4."""
        chunk = self.take(count)
        self.take(-count % 4)
        return chunk


def properties(data: bytes) -> Properties:
    """The MAPI properties of an attMsgProps or attAttachment value."""
    cursor = _Cursor(data)
    count = cursor.u32()
    if count > len(data) // 4:
        raise TnefError(f"a property list claims {count:,} properties in {len(data):,} bytes")
    found: Properties = {}
    for _ in range(count):
        kind, prop_id = cursor.u16(), cursor.u16()
        if prop_id >= 0x8000:  # a named property: its GUID, then a number or a name
            cursor.take(16)
            if cursor.u32() == 0:
                cursor.take(4)
            else:
                cursor.padded(cursor.u32())
        base = kind & ~MV_FLAG
        if kind & MV_FLAG or base in _VARIABLE:
            values = _values(cursor, base)
        elif base in _FIXED_SIZES:
            values = (cursor.take(_FIXED_SIZES[base]),)
        else:
            raise TnefError(f"a property of unknown type 0x{kind:04X}")
        found.setdefault(prop_id, _Property(base, values))
    return found


def _values(cursor: _Cursor, kind: int) -> tuple[bytes, ...]:
    count = cursor.u32()
    if count > len(cursor.data) // 4:
        raise TnefError(f"a property claims {count:,} values")
    if kind in _VARIABLE:
        return tuple(cursor.padded(cursor.u32()) for _ in range(count))
    if kind not in _FIXED_SIZES:
        raise TnefError(f"a property of unknown type 0x{kind:04X}")
    return tuple(cursor.take(_FIXED_SIZES[kind]) for _ in range(count))


def _string(found: Properties, prop_id: int, codec: str) -> str:
    item = found.get(prop_id)
    if item is None or not item.values:
        return ""
    if item.kind == PT_UNICODE:
        return item.values[0].decode("utf-16-le", errors="replace").rstrip("\0")
    if item.kind in (PT_STRING8, PT_BINARY):
        return item.values[0].decode(codec, errors="replace").rstrip("\0")
    return ""


def _binary(found: Properties, prop_id: int) -> bytes | None:
    item = found.get(prop_id)
    if item is None or item.kind != PT_BINARY or not item.values:
        return None
    return item.values[0]


def _integer(found: Properties, prop_id: int) -> int | None:
    item = found.get(prop_id)
    if item is None or item.kind not in (PT_SHORT, PT_LONG, PT_BOOLEAN) or not item.values:
        return None
    return int(struct.unpack_from("<i", item.values[0])[0])


# ---------------------------------------------------------------- the stream


@dataclass
class _Attachment:
    title: str = ""
    data: bytes | None = None
    props: Properties = field(default_factory=dict)


@dataclass
class _Content:
    subject: str = ""
    sent: str = ""  # the Date header
    body: str = ""  # attBody, the legacy plain body
    oem_codepage: int | None = None
    props: Properties = field(default_factory=dict)
    attachments: list[_Attachment] = field(default_factory=list)


def _message(data: bytes, name: str, depth: int) -> tuple[EmailMessage, list[str]]:
    warnings: list[str] = []
    content = _read_stream(data, name, warnings)
    codepage = _integer(content.props, PR_INTERNET_CPID) or _integer(
        content.props, PR_MESSAGE_CODEPAGE
    )
    codec = codec_for(codepage or content.oem_codepage)
    message = EmailMessage()
    for header, value in (
        ("Subject", _string(content.props, PR_SUBJECT, codec) or content.subject),
        ("From", _sender(content.props, codec)),
        ("Date", _date(content.props) or content.sent),
    ):
        if value:
            try:
                message[header] = " ".join(value.split())
            except Exception:  # a value the header parser refuses: not worth the mail
                warnings.append(f"the {header.lower()} in {name} could not be read")
    html = _binary(content.props, PR_HTML)
    failure = set_body(
        message,
        _string(content.props, PR_BODY, codec) or content.body,
        html.decode(codec, errors="replace").rstrip("\0")
        if html
        else _string(content.props, PR_HTML, codec),
        _binary(content.props, PR_RTF_COMPRESSED),
    )
    if failure:
        warnings.append(f"the body in {name} could not be read: {failure}")
    for number, attachment in enumerate(content.attachments, start=1):
        _attach(message, attachment, number, codec, name, depth, warnings)
    return message, warnings


def _read_stream(data: bytes, name: str, warnings: list[str]) -> _Content:
    """The attributes of ``data``, up to the first damage (named in ``warnings``)."""
    content = _Content()
    if not is_tnef(data):
        warnings.append(f"{name} is not a TNEF stream (its signature is missing): nothing read")
        return content
    cursor = _Cursor(data, 6)
    while cursor.at < len(data):
        start = cursor.at
        try:
            level, attribute, value, intact = _attribute(cursor)
            if not intact and attribute != ATT_ATTACH_DATA:
                raise TnefError(f"the attribute at byte {start:,} fails its checksum")
        except TnefError as error:
            warnings.append(f"{name} is damaged ({error}): {_lost(content)}")
            break
        if not intact:  # a file's bytes changed in transit: read, but say so
            shown = content.attachments[-1].title if content.attachments else ""
            warnings.append(
                f"attachment {file_name(shown) or 'data'} in {name} fails its checksum: "
                "its content may be damaged"
            )
        if level == LVL_ATTACHMENT:
            if attribute == ATT_ATTACH_RENDDATA or not content.attachments:
                content.attachments.append(_Attachment())
            _attachment_attribute(
                content.attachments[-1], attribute, value, content, name, warnings
            )
        else:
            _message_attribute(content, attribute, value, name, warnings)
    return content


def _attribute(cursor: _Cursor) -> tuple[int, int, bytes, bool]:
    """One attribute: (level, attribute number, data, whether its checksum holds);
    TnefError when it cannot be read."""
    start = cursor.at
    level, attribute_id, length = cursor.take(1)[0], cursor.u32(), cursor.u32()
    if level not in (LVL_MESSAGE, LVL_ATTACHMENT):
        raise TnefError(f"an attribute of unknown level {level} at byte {start:,}")
    value = cursor.take(length)
    checksum = cursor.u16()
    return level, attribute_id & 0xFFFF, value, checksum == sum(value) & 0xFFFF


def _message_attribute(
    content: _Content, attribute: int, value: bytes, name: str, warnings: list[str]
) -> None:
    codec = codec_for(content.oem_codepage)
    if attribute == ATT_OEM_CODEPAGE and len(value) >= 4:
        content.oem_codepage = int.from_bytes(value[:4], "little") or None
    elif attribute == ATT_SUBJECT:
        content.subject = value.decode(codec, errors="replace").split("\0")[0]
    elif attribute == ATT_BODY:
        content.body = value.decode(codec, errors="replace").rstrip("\0")
    elif attribute == ATT_DATE_SENT and len(value) >= 12:
        content.sent = _legacy_date(value)
    elif attribute == ATT_MSG_PROPS:
        try:
            content.props = properties(value)
        except TnefError as error:
            warnings.append(f"the mail's properties in {name} are damaged ({error}): its body lost")


def _attachment_attribute(
    attachment: _Attachment,
    attribute: int,
    value: bytes,
    content: _Content,
    name: str,
    warnings: list[str],
) -> None:
    if attribute == ATT_ATTACH_TITLE:
        attachment.title = value.decode(codec_for(content.oem_codepage), errors="replace")
        attachment.title = attachment.title.split("\0")[0]
    elif attribute == ATT_ATTACH_DATA:
        attachment.data = value
    elif attribute == ATT_ATTACHMENT:
        try:
            attachment.props = properties(value)
        except TnefError as error:
            shown = attachment.title or f"number {len(content.attachments)}"
            warnings.append(f"the properties of attachment {shown} in {name} are damaged ({error})")


def _lost(content: _Content) -> str:
    """What a stream cut at this point has lost, in words."""
    if content.attachments:
        last = content.attachments[-1]
        complete = last.data is not None or PR_ATTACH_DATA in last.props
        shown = file_name(last.title) or f"number {len(content.attachments)}"
        if not complete:
            content.attachments.pop()
            return f"the attachment {shown} and anything after it lost"
        return f"anything after the attachment {shown} lost"
    if not content.props and not content.body:
        return "the mail's text and attachments in it lost"
    return "its attachments lost, if it had any"


def _attach(
    message: EmailMessage,
    attachment: _Attachment,
    number: int,
    codec: str,
    name: str,
    depth: int,
    warnings: list[str],
) -> None:
    props = attachment.props
    label = file_name(
        _string(props, PR_ATTACH_LONG_FILENAME, codec)
        or attachment.title
        or _string(props, PR_ATTACH_FILENAME, codec)
        or _string(props, PR_DISPLAY_NAME, codec)
        or f"attachment-{number}"
    )
    method = _integer(props, PR_ATTACH_METHOD)
    item = props.get(PR_ATTACH_DATA)
    if method == ATTACH_EMBEDDED_MSG or (item is not None and item.kind == PT_OBJECT):
        _attach_message(message, item, label, name, depth, warnings)
        return
    if method == ATTACH_OLE:
        warnings.append(f"attachment {label} in {name} skipped: an embedded OLE object")
        return
    data = attachment.data if attachment.data is not None else _binary(props, PR_ATTACH_DATA)
    if data is None:
        warnings.append(f"attachment {label} in {name} skipped: its content is missing")
        return
    maintype, subtype = mime_type(_string(props, PR_ATTACH_MIME_TAG, codec))
    message.add_attachment(data, maintype, subtype, filename=label)


def _attach_message(
    message: EmailMessage,
    item: _Property | None,
    label: str,
    name: str,
    depth: int,
    warnings: list[str],
) -> None:
    """An attached mail, as a message/rfc822 part named like the .eml it now is."""
    value = item.values[0] if item is not None and item.values else b""
    inner = value[_IID_LENGTH:]
    if not is_tnef(inner):
        warnings.append(f"attachment {label} in {name} skipped: the attached mail is missing")
        return
    if depth + 1 > _MAX_DEPTH:
        warnings.append(f"attachment {label} in {name} skipped: attached mails nested too deeply")
        return
    mail, inner_warnings = _message(inner, label, depth + 1)
    warnings.extend(inner_warnings)
    stem = label[:-4] if label.lower().endswith((".msg", ".eml")) else label
    message.add_attachment(mail, filename=f"{stem}.eml")


def _sender(found: Properties, codec: str) -> str:
    name = " ".join(_string(found, PR_SENDER_NAME, codec).split())
    address = _string(found, PR_SENDER_SMTP_ADDRESS, codec) or _string(
        found, PR_SENDER_EMAIL_ADDRESS, codec
    )
    address = address.strip() if "@" in address and not address.startswith("/") else ""
    if not address:
        return name
    try:
        return formataddr((name, address))
    except UnicodeError:
        return f"{name} <{address}>" if name else address


def _date(found: Properties) -> str:
    item = found.get(PR_CLIENT_SUBMIT_TIME)
    if item is None or item.kind != PT_SYSTIME or not item.values:
        return ""
    moment = filetime(item.values[0])
    return format_datetime(moment) if moment is not None else ""


def _legacy_date(value: bytes) -> str:
    """An atpDate (year, month, day, hour, minute, second, weekday as 16-bit words), in
    the sender's local time, whose offset it does not say."""
    year, month, day, hour, minute, second = struct.unpack_from("<6H", value)
    try:
        return format_datetime(datetime(year, month, day, hour, minute, second))
    except ValueError:
        return ""
