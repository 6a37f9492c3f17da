"""Turn an Outlook .msg file into the e-mail message it holds, for the .eml reader.

Mail dragged out of Outlook is saved as .msg: a compound file ([MS-CFB], read
with olefile) whose storages hold the message's properties ([MS-OXMSG],
[MS-OXPROPS]). Each object (the message, each recipient, each attachment, an
attached mail) has a ``__properties_version1.0`` stream of 16-byte entries
after a header (32 bytes for the message, 24 for an attached mail, 8 for a
recipient or attachment); fixed-length values (times, numbers) stand in the
entry, variable-length ones (strings, binary) in ``__substg1.0_IIIITTTT``
streams named by property id and type. Strings are UTF-16 (type 001F) or 8-bit
(001E) in the message's code page.

The result is an ``email.message.EmailMessage`` with From, To, Cc, Subject and
Date headers, one body (plain, else HTML, else the compressed RTF's text or
HTML), the attached files and attached mails (as message/rfc822 parts), so the
.eml reader finds quoted text, signatures and attachments as it does for any
mail. Its multipart boundaries are taken from the file's hash: converting the
same file twice gives the same bytes, so attached mails keep their hashes.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.parser import HeaderParser
from email.utils import format_datetime, formataddr

import olefile

from extractor.errors import CorruptDocument, DocumentError, EncryptedDocument, UnsupportedFormat
from extractor.reading.codepages import codec_for
from extractor.reading.mapi import (
    ATTACH_BY_VALUE,
    ATTACH_EMBEDDED_MSG,
    ATTACH_OLE,
    BODIES,
    PR_ADDRTYPE,
    PR_ATTACH_DATA,
    PR_ATTACH_FILENAME,
    PR_ATTACH_LONG_FILENAME,
    PR_ATTACH_METHOD,
    PR_ATTACH_MIME_TAG,
    PR_BODY,
    PR_CLIENT_SUBMIT_TIME,
    PR_DISPLAY_CC,
    PR_DISPLAY_NAME,
    PR_DISPLAY_TO,
    PR_EMAIL_ADDRESS,
    PR_HTML,
    PR_INTERNET_CPID,
    PR_INTERNET_MESSAGE_ID,
    PR_MESSAGE_CLASS,
    PR_MESSAGE_CODEPAGE,
    PR_MESSAGE_DELIVERY_TIME,
    PR_NORMALIZED_SUBJECT,
    PR_RECIPIENT_TYPE,
    PR_RTF_COMPRESSED,
    PR_SENDER_ADDRTYPE,
    PR_SENDER_EMAIL_ADDRESS,
    PR_SENDER_NAME,
    PR_SENDER_SMTP_ADDRESS,
    PR_SENT_REPRESENTING_ADDRTYPE,
    PR_SENT_REPRESENTING_EMAIL_ADDRESS,
    PR_SENT_REPRESENTING_NAME,
    PR_SENT_REPRESENTING_SMTP_ADDRESS,
    PR_SMTP_ADDRESS,
    PR_SUBJECT,
    PR_SUBJECT_PREFIX,
    PR_TRANSPORT_MESSAGE_HEADERS,
    PT_BINARY,
    PT_BOOLEAN,
    PT_LONG,
    PT_OBJECT,
    PT_STRING8,
    PT_SYSTIME,
    PT_UNICODE,
    file_name,
    filetime,
    mime_type,
    set_body,
)

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PROPERTIES = "__properties_version1.0"
_VALUE_PREFIX = "__substg1.0_"
_RECIPIENT_PREFIX = "__recip_version1.0_#"
_ATTACHMENT_PREFIX = "__attach_version1.0_#"
_VALUE_NAME = re.compile(r"__substg1\.0_([0-9A-F]{4})([0-9A-F]{4})", re.IGNORECASE)
_TOP_HEADER, _EMBEDDED_HEADER, _OBJECT_HEADER = 32, 24, 8

# Attached mails inside attached mails: as deep as the reader goes, and one more.
_MAX_EMBEDDED_DEPTH = 3
# Header values longer than this are cut (a 10 MB subject took minutes to parse).
MAX_HEADER_CHARS = 32 * 1024
# DER object identifiers of CMS content types (RFC 5652): enveloped = encrypted.
_ENVELOPED_DATA = bytes.fromhex("06092a864886f70d010703")
_SIGNED_DATA = bytes.fromhex("06092a864886f70d010702")


class _Damaged(Exception):
    """A stream or storage the message needs cannot be read; the text says which."""


def is_outlook_message(data: bytes, name: str = "") -> bool:
    """True for a compound file whose root holds a property stream and property values.

    A damaged one is judged by the names left in its raw directory, and one
    olefile cannot open at all (cut short before its directory) by being named
    .msg: either way it is then reported as a damaged mail, not as another
    Office file. A Word, Excel or PowerPoint file that embeds a mail is not one.
    """
    if not data.startswith(CFB_MAGIC):
        return False
    names = _root_names(data)
    if names and names & _OTHER_OFFICE_STREAMS:
        return False
    if names and _PROPERTIES in names and any(n.startswith(_VALUE_PREFIX) for n in names):
        return True
    if _PROPERTIES.encode("utf-16-le") in data and _VALUE_PREFIX.encode("utf-16-le") in data:
        return True
    return names is None and name.lower().endswith(".msg")


_OTHER_OFFICE_STREAMS = frozenset(
    {"WordDocument", "Workbook", "Book", "PowerPoint Document", "EncryptedPackage"}
)


def _root_names(data: bytes) -> set[str] | None:
    """The names at the root of the compound file, or None when olefile cannot open it."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return {entry.name for entry in ole.root.kids}
    except Exception:
        return None


def message_from_msg(path: str, data: bytes) -> tuple[EmailMessage, list[str]]:
    """The mail in ``data`` and warnings about what of it could not be taken.

    Raises ``CorruptDocument`` for a damaged file, ``EncryptedDocument`` for an
    encrypted S/MIME mail, each naming ``path``.
    """
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as error:
        raise CorruptDocument(path, _damage_reason(data, error)) from None
    warnings: list[str] = []
    try:
        with ole:
            reader = _Reader(ole, warnings)
            message = reader.message((), depth=0)
    except _Damaged as error:
        raise CorruptDocument(path, f"a damaged Outlook message: {error}") from None
    except DocumentError as error:
        raise type(error)(path, error.reason) from None
    _fix_boundaries(message, hashlib.sha256(data).hexdigest()[:24])
    return message, warnings


def _damage_reason(data: bytes, error: Exception) -> str:
    """Why olefile could not open the file, in words a reviewer can act on."""
    if len(data) % 512:
        return (
            "a damaged Outlook message: the file is cut short (an interrupted download "
            "or copy); save it from Outlook again"
        )
    detail = " ".join(str(error).split())[:200] or type(error).__name__
    return f"a damaged Outlook message: its compound file cannot be read ({detail})"


def _fix_boundaries(message: EmailMessage, seed: str) -> None:
    """Boundaries from the file's hash instead of random ones, so bytes repeat."""
    for index, part in enumerate(message.walk()):
        if part.get_content_maintype() == "multipart" and part.is_multipart():
            part.set_boundary(f"=_reqx_{seed}_{index}")


# ---------------------------------------------------------------- properties


@dataclass
class _Object:
    """One object's properties: fixed values from its property stream, and the
    variable-length values' streams, by property id."""

    fixed: dict[int, tuple[int, bytes]] = field(default_factory=dict)
    streams: dict[int, tuple[int, list[str]]] = field(default_factory=dict)
    storages: dict[str, list[str]] = field(default_factory=dict)  # child storages by name


class _Reader:
    """Reads objects out of one open .msg; the code pages are those of the message."""

    def __init__(self, ole: olefile.OleFileIO, warnings: list[str]) -> None:
        self.ole = ole
        self.warnings = warnings
        self.children = _children(ole)

    # ------------------------------------------------------------ objects

    def load(self, where: tuple[str, ...], header: int) -> _Object:
        """The properties of the object stored at ``where`` (a storage path)."""
        names = self.children.get(where)
        if names is None or _PROPERTIES.lower() not in names:
            raise _Damaged("its property stream is missing")
        found = _Object()
        stream = self.read([*where, names[_PROPERTIES.lower()][0]])
        for offset in range(header, len(stream) - 15, 16):
            kind, prop_id = struct.unpack_from("<HH", stream, offset)
            found.fixed[prop_id] = (kind, stream[offset + 8 : offset + 16])
        for name, (real, is_storage) in names.items():
            match = _VALUE_NAME.fullmatch(name)
            if is_storage:
                found.storages[name] = [*where, real]
            elif match:
                prop_id, kind = int(match.group(1), 16), int(match.group(2), 16)
                if kind in (PT_STRING8, PT_UNICODE, PT_BINARY):
                    found.streams.setdefault(prop_id, (kind, [*where, real]))
        return found

    def read(self, path: list[str]) -> bytes:
        try:
            return bytes(self.ole.openstream(path).read())
        except Exception as error:
            detail = " ".join(str(error).split())[:120] or type(error).__name__
            raise _Damaged(f"the stream {'/'.join(path)} cannot be read ({detail})") from None

    def string(self, item: _Object, prop_id: int, codec: str) -> str:
        """A string property, UTF-16 or 8-bit; "" when absent."""
        kind, path = item.streams.get(prop_id, (0, []))
        if kind == PT_UNICODE:
            return self.read(path).decode("utf-16-le", errors="replace").rstrip("\0")
        if kind in (PT_STRING8, PT_BINARY):
            return self.read(path).decode(codec, errors="replace").rstrip("\0")
        return ""

    def binary(self, item: _Object, prop_id: int) -> bytes | None:
        kind, path = item.streams.get(prop_id, (0, []))
        return self.read(path) if kind == PT_BINARY else None

    # ------------------------------------------------------------ the message

    def message(self, where: tuple[str, ...], depth: int) -> EmailMessage:
        """The mail stored at ``where``: the .msg itself, or an attached mail in it."""
        item = self.load(where, _TOP_HEADER if not where else _EMBEDDED_HEADER)
        codepage = _integer(item, PR_MESSAGE_CODEPAGE) or _integer(item, PR_INTERNET_CPID)
        codec = codec_for(codepage)
        body_codec = codec_for(_integer(item, PR_INTERNET_CPID) or codepage)
        _check_body_streams(item)
        smime = self.string(item, PR_MESSAGE_CLASS, codec).upper().startswith("IPM.NOTE.SMIME")
        signed = self.signed_content(item, codec) if smime else None
        message = signed if signed is not None else EmailMessage()
        if signed is None:
            self.set_body(message, item, body_codec)
        self.set_headers(message, item, where, codec)
        if signed is not None:
            return message  # its attachments are in the signed MIME entity
        for name, storage in self.attachments(item):
            self.attach(message, name, storage, codec, depth, smime=smime)
        return message

    def set_headers(
        self, message: EmailMessage, item: _Object, where: tuple[str, ...], codec: str
    ) -> None:
        """From, To, Cc, Subject, Date, Message-ID from the properties (else the
        internet headers kept with a received mail)."""
        transport = HeaderParser(policy=policy.compat32).parsestr(
            self.string(item, PR_TRANSPORT_MESSAGE_HEADERS, codec)
        )
        recipients = self.recipients(item, where, codec)
        subject = self.string(item, PR_SUBJECT, codec) or (
            self.string(item, PR_SUBJECT_PREFIX, codec)
            + self.string(item, PR_NORMALIZED_SUBJECT, codec)
        )
        values = {
            "From": self.sender(item, codec) or str(transport.get("From", "")),
            "To": recipients.get(1) or _names(self.string(item, PR_DISPLAY_TO, codec)),
            "Cc": recipients.get(2) or _names(self.string(item, PR_DISPLAY_CC, codec)),
            "Subject": subject or str(transport.get("Subject", "")),
            "Date": _date(item) or str(transport.get("Date", "")),
            "Message-ID": self.string(item, PR_INTERNET_MESSAGE_ID, codec),
        }
        for name, value in values.items():
            if value:
                del message[name]
                _set_header(message, name, value, self.warnings)

    def sender(self, item: _Object, codec: str) -> str:
        """ "Name <address>" of the sender, else of whom the mail was sent for."""
        for name_id, smtp_id, address_id, type_id in (
            (PR_SENDER_NAME, PR_SENDER_SMTP_ADDRESS, PR_SENDER_EMAIL_ADDRESS, PR_SENDER_ADDRTYPE),
            (
                PR_SENT_REPRESENTING_NAME,
                PR_SENT_REPRESENTING_SMTP_ADDRESS,
                PR_SENT_REPRESENTING_EMAIL_ADDRESS,
                PR_SENT_REPRESENTING_ADDRTYPE,
            ),
        ):
            name = self.string(item, name_id, codec)
            address = self.string(item, smtp_id, codec) or _smtp_only(
                self.string(item, address_id, codec), self.string(item, type_id, codec)
            )
            if name or address:
                return _address(name, address)
        return ""

    def recipients(self, item: _Object, where: tuple[str, ...], codec: str) -> dict[int, str]:
        """To (1) and Cc (2) lines from the recipient objects."""
        lines: dict[int, list[str]] = {}
        for name in sorted(item.storages):
            if not name.startswith(_RECIPIENT_PREFIX.lower()):
                continue
            try:
                recipient = self.load(tuple(item.storages[name]), _OBJECT_HEADER)
                display = self.string(recipient, PR_DISPLAY_NAME, codec)
                address = self.string(recipient, PR_SMTP_ADDRESS, codec) or _smtp_only(
                    self.string(recipient, PR_EMAIL_ADDRESS, codec),
                    self.string(recipient, PR_ADDRTYPE, codec),
                )
            except _Damaged:
                continue  # the display lines still name them
            kind = _integer(recipient, PR_RECIPIENT_TYPE) or 1
            if display or address:
                lines.setdefault(kind, []).append(_address(display, address))
        return {kind: ", ".join(found) for kind, found in lines.items()}

    # ------------------------------------------------------------ body

    def set_body(self, message: EmailMessage, item: _Object, codec: str) -> None:
        """Plain body, else HTML, else the compressed RTF's HTML or text."""
        failure = set_body(
            message,
            self.string(item, PR_BODY, codec),
            self.html(item, codec),
            self.binary(item, PR_RTF_COMPRESSED),
        )
        if failure:
            self.warnings.append(f"the body could not be read: {failure}")

    def html(self, item: _Object, codec: str) -> str:
        """PR_HTML, binary in the body's code page (or a string property)."""
        kind, _ = item.streams.get(PR_HTML, (0, []))
        if kind != PT_BINARY:
            return self.string(item, PR_HTML, codec)
        raw = self.binary(item, PR_HTML) or b""
        return raw.decode(codec, errors="replace").rstrip("\0")

    # ------------------------------------------------------------ attachments

    def attachments(self, item: _Object) -> Iterator[tuple[str, list[str]]]:
        for name in sorted(item.storages):
            if name.startswith(_ATTACHMENT_PREFIX.lower()):
                yield name, item.storages[name]

    def attach(
        self,
        message: EmailMessage,
        name: str,
        storage: list[str],
        codec: str,
        depth: int,
        *,
        smime: bool = False,
    ) -> None:
        """Add one attachment to ``message``; one that cannot be taken adds a warning."""
        number = name.rsplit("#", 1)[-1]
        label = f"attachment-{int(number, 16) + 1 if _is_hex(number) else number}"
        try:
            attachment = self.load(tuple(storage), _OBJECT_HEADER)
            label = file_name(
                self.string(attachment, PR_ATTACH_LONG_FILENAME, codec)
                or self.string(attachment, PR_ATTACH_FILENAME, codec)
                or self.string(attachment, PR_DISPLAY_NAME, codec)
                or label
            )
            method = _integer(attachment, PR_ATTACH_METHOD) or ATTACH_BY_VALUE
            if smime and label.lower().endswith((".p7m", ".p7s")):
                return  # the signature or the blob beside a body Outlook kept readable
            if method == ATTACH_EMBEDDED_MSG:
                self.attach_message(message, attachment, label, depth)
            elif method == ATTACH_OLE:
                self.warnings.append(f"attachment {label} skipped: an embedded OLE object")
            elif PR_ATTACH_DATA in attachment.streams:
                data = self.binary(attachment, PR_ATTACH_DATA) or b""
                maintype, subtype = mime_type(self.string(attachment, PR_ATTACH_MIME_TAG, codec))
                message.add_attachment(data, maintype, subtype, filename=label)
            elif method == ATTACH_BY_VALUE:
                self.warnings.append(f"attachment {label} skipped: its content is missing")
            else:
                self.warnings.append(
                    f"attachment {label} skipped: a link to a file, not a copy of it"
                )
        except _Damaged as error:
            self.warnings.append(f"attachment {label} skipped: {error}")
        except DocumentError as error:
            self.warnings.append(f"attachment {label} skipped: {error.reason}")

    def attach_message(
        self, message: EmailMessage, attachment: _Object, label: str, depth: int
    ) -> None:
        """An attached mail, as a message/rfc822 part named like the .eml it now is."""
        key = f"{_VALUE_PREFIX}{PR_ATTACH_DATA:04X}{PT_OBJECT:04X}".lower()
        if key not in attachment.storages:
            raise _Damaged("the attached mail's storage is missing")
        if depth + 1 > _MAX_EMBEDDED_DEPTH:
            self.warnings.append(f"attachment {label} skipped: attached mails nested too deeply")
            return
        inner = self.message(tuple(attachment.storages[key]), depth + 1)
        stem = label[:-4] if label.lower().endswith((".msg", ".eml")) else label
        message.add_attachment(inner, filename=f"{stem}.eml")

    # ------------------------------------------------------------ S/MIME

    def signed_content(self, item: _Object, codec: str) -> EmailMessage | None:
        """The signed mail inside an S/MIME .msg; EncryptedDocument for an encrypted one.

        Outlook keeps a signed or encrypted mail as one attachment, smime.p7m,
        holding the MIME entity: multipart/signed (readable, the signature
        beside it) or a PKCS #7 blob (encrypted, or signed in opaque form).
        """
        for _, storage in self.attachments(item):
            attachment = self.load(tuple(storage), _OBJECT_HEADER)
            blob = self.binary(attachment, PR_ATTACH_DATA)
            if not blob:
                continue
            if blob.lstrip()[:1] not in (b"\x30",):  # not DER: a MIME entity
                entity = message_from_bytes(blob, policy=policy.default)
                if entity.get_content_type() == "multipart/signed" and entity.is_multipart():
                    content = entity.get_payload(0)
                    if isinstance(content, EmailMessage):
                        return content
                continue
            if _SIGNED_DATA in blob[:64] and self.string(item, PR_BODY, codec).strip():
                return None  # opaque-signed, but Outlook kept the body beside it
            if _SIGNED_DATA in blob[:64]:
                raise UnsupportedFormat(
                    "",
                    "an S/MIME e-mail signed in opaque form: its text is inside the signature; "
                    "open it in Outlook and save it as text or PDF",
                )
            raise EncryptedDocument(
                "",
                "an encrypted S/MIME e-mail: only the recipient's private key opens it; "
                "open it in Outlook and save it as text or PDF, or ask for an unencrypted copy",
            )
        return None


def _children(ole: olefile.OleFileIO) -> dict[tuple[str, ...], dict[str, tuple[str, bool]]]:
    """Each storage's children: lower-cased name -> (name as stored, is a storage)."""
    tree: dict[tuple[str, ...], dict[str, tuple[str, bool]]] = {(): {}}
    for path in ole.listdir(streams=True, storages=True):
        is_storage = ole.get_type(path) == olefile.STGTY_STORAGE
        tree.setdefault(tuple(path[:-1]), {})[path[-1].lower()] = (path[-1], is_storage)
        if is_storage:
            tree.setdefault(tuple(path), {})
    return tree


def _check_body_streams(item: _Object) -> None:
    """A body the property stream lists, with a size, whose stream is gone: a damaged file."""
    for prop_id in BODIES:
        kind, value = item.fixed.get(prop_id, (0, b""))
        if kind in (PT_STRING8, PT_UNICODE, PT_BINARY) and prop_id not in item.streams:
            size = struct.unpack_from("<I", value)[0] if len(value) >= 4 else 0
            if size:
                raise _Damaged("its body stream is missing")


def _integer(item: _Object, prop_id: int) -> int | None:
    kind, value = item.fixed.get(prop_id, (0, b""))
    if kind in (PT_LONG, PT_BOOLEAN) and len(value) >= 4:
        return int(struct.unpack_from("<i", value)[0])
    return None


def _date(item: _Object) -> str:
    """The Date header: when the mail was sent, else when it arrived."""
    for prop_id in (PR_CLIENT_SUBMIT_TIME, PR_MESSAGE_DELIVERY_TIME):
        kind, value = item.fixed.get(prop_id, (0, b""))
        moment = filetime(value) if kind == PT_SYSTIME else None
        if moment is not None:
            return format_datetime(moment)
    return ""


def _smtp_only(address: str, address_type: str) -> str:
    """An SMTP address; an Exchange one ("/O=ORG/OU=.../CN=...") names no mailbox."""
    if address_type.upper() in ("", "SMTP") and "@" in address and not address.startswith("/"):
        return address
    return ""


def _address(name: str, address: str) -> str:
    name, address = " ".join(name.split()), " ".join(address.split())
    if not address:
        return name
    if name.lower().strip("'\"") == address.lower():
        name = ""
    try:
        return formataddr((name, address))
    except UnicodeError:  # an address that is not ASCII (international, or damaged)
        return f"{name} <{address}>" if name else address


def _names(display: str) -> str:
    """PR_DISPLAY_TO's "A; B" as a header line, when the recipient objects are missing."""
    return ", ".join(part.strip() for part in display.split(";") if part.strip())


def _is_hex(text: str) -> bool:
    return bool(text) and all(char in "0123456789abcdefABCDEF" for char in text)


def _set_header(message: EmailMessage, name: str, value: str, warnings: list[str]) -> None:
    """Set a header from a property: one line, cut at MAX_HEADER_CHARS, never raising."""
    value = " ".join(value.split())
    if len(value) > MAX_HEADER_CHARS:
        warnings.append(
            f"the {name.lower()} has {len(value):,} characters; "
            f"only the first {MAX_HEADER_CHARS:,} are read"
        )
        value = value[:MAX_HEADER_CHARS]
    try:
        message[name] = value
    except Exception:  # a value the header parser refuses; keep its words
        try:
            message[name] = value.encode("ascii", errors="replace").decode("ascii")
        except Exception:
            warnings.append(f"the {name.lower()} could not be read")
