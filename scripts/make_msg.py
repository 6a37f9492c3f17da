"""Write Outlook .msg files, for our tests and samples: `python scripts/make_msg.py in.eml out.msg`.

No writer of .msg files under a licence we can ship was found, so this is our
own, written from Microsoft's open specifications: [MS-CFB] for the compound
file (512-byte sectors, a FAT whose sectors the header's DIFAT lists, a mini
stream for streams under 4,096 bytes, each storage's children as a balanced
red-black tree) and [MS-OXMSG] for the message in it (a property stream per
object, with a 32-byte header for the message, 24 for an embedded message and
8 for a recipient or attachment; 16-byte entries; variable-length values in
``__substg1.0_IIIITTTT`` streams; recipients, attachments and the named
property mapping as storages). It writes what reqx reads, not every property
Outlook sets; Debian's ``file`` command calls its output "CDFV2 Microsoft
Outlook Message".

From the command line it turns an .eml into its .msg twin: ``--body`` picks
which body properties to write (plain, html, rtf), ``--codepage 1252`` writes
8-bit strings instead of Unicode ones. Attached .eml messages become embedded
messages, as Outlook stores an attached mail.
"""

from __future__ import annotations

import argparse
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from html import escape
from pathlib import Path
from typing import TypeAlias

import compressed_rtf

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
HEADER_DIFAT = 109
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# CLSID_MailMessage {00020D0B-0000-0000-C000-000000000046}, as Outlook marks a saved mail
MAIL_CLSID = bytes.fromhex("0B0D020000000000C000000000000046")

PT_LONG = 0x0003
PT_BOOLEAN = 0x000B
PT_OBJECT = 0x000D
PT_STRING8 = 0x001E
PT_UNICODE = 0x001F
PT_SYSTIME = 0x0040
PT_BINARY = 0x0102
FIXED_TYPES = {PT_LONG, PT_BOOLEAN, PT_SYSTIME}
READABLE_WRITABLE = 0x00000006

PR_MESSAGE_CLASS = 0x001A
PR_SUBJECT = 0x0037
PR_CLIENT_SUBMIT_TIME = 0x0039
PR_SENT_REPRESENTING_NAME = 0x0042
PR_SENDER_NAME = 0x0C1A
PR_SENDER_ADDRTYPE = 0x0C1E
PR_SENDER_EMAIL_ADDRESS = 0x0C1F
PR_DISPLAY_CC = 0x0E03
PR_DISPLAY_TO = 0x0E04
PR_MESSAGE_DELIVERY_TIME = 0x0E06
PR_BODY = 0x1000
PR_RTF_COMPRESSED = 0x1009
PR_HTML = 0x1013
PR_INTERNET_MESSAGE_ID = 0x1035
PR_RECIPIENT_TYPE = 0x0C15
PR_DISPLAY_NAME = 0x3001
PR_ADDRTYPE = 0x3002
PR_EMAIL_ADDRESS = 0x3003
PR_ATTACH_DATA = 0x3701
PR_ATTACH_FILENAME = 0x3704
PR_ATTACH_METHOD = 0x3705
PR_ATTACH_LONG_FILENAME = 0x3707
PR_ATTACH_MIME_TAG = 0x370E
PR_SMTP_ADDRESS = 0x39FE
PR_INTERNET_CPID = 0x3FDE
PR_MESSAGE_CODEPAGE = 0x3FFD
PR_SENDER_SMTP_ADDRESS = 0x5D01
ATTACH_BY_VALUE = 1
ATTACH_EMBEDDED_MSG = 5

Value: TypeAlias = "str | bytes | int | bool | datetime | Message"


# ---------------------------------------------------------------- compound file


@dataclass
class Stream:
    """A named run of bytes in a compound file."""

    name: str
    data: bytes


@dataclass
class Storage:
    """A named folder of streams and storages; ``clsid`` marks what it holds."""

    name: str
    children: list[Stream | Storage] = field(default_factory=list)
    clsid: bytes = bytes(16)


@dataclass
class _Entry:
    node: Stream | Storage
    kind: int  # 1 storage, 2 stream, 5 root
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    black: bool = True
    start: int = ENDOFCHAIN
    size: int = 0


def write_cfb(root: Storage) -> bytes:
    """``root``'s tree as a version 3 compound file."""
    entries = _directory(root)
    big = [e for e in entries if isinstance(e.node, Stream) and len(e.node.data) >= MINI_CUTOFF]
    small = [
        e for e in entries if isinstance(e.node, Stream) and 0 < len(e.node.data) < MINI_CUTOFF
    ]
    mini_stream, mini_fat = _mini_stream(small)
    fat: list[int] = []
    body = bytearray()

    def allocate(data: bytes) -> int:
        """Append ``data`` as a chain of whole sectors; its first sector, or ENDOFCHAIN."""
        if not data:
            return ENDOFCHAIN
        first = len(fat)
        count = -(-len(data) // SECTOR)
        fat.extend(range(first + 1, first + count))
        fat.append(ENDOFCHAIN)
        body.extend(data.ljust(count * SECTOR, b"\0"))
        return first

    for entry in big:
        assert isinstance(entry.node, Stream)
        entry.start, entry.size = allocate(entry.node.data), len(entry.node.data)
    entries[0].start, entries[0].size = allocate(mini_stream), len(mini_stream)
    mini_fat_bytes = struct.pack(f"<{len(mini_fat)}I", *mini_fat)
    mini_fat_bytes += b"\xff" * (-len(mini_fat_bytes) % SECTOR)
    first_mini_fat = allocate(mini_fat_bytes if mini_fat else b"")
    directory_start = len(fat)
    placeholder = bytes(128 * len(entries) + (-128 * len(entries)) % SECTOR)
    allocate(placeholder)
    fat_count = 1
    while (len(fat) + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    if fat_count > HEADER_DIFAT:
        raise ValueError("too large for a header-only DIFAT (about 6.8 MB)")
    fat_sectors = list(range(len(fat), len(fat) + fat_count))
    fat.extend([FATSECT] * fat_count)
    fat.extend([FREESECT] * (fat_count * (SECTOR // 4) - len(fat)))
    directory = b"".join(_entry_bytes(entry) for entry in entries)
    directory += _unused_entries((len(placeholder) - len(directory)) // 128)
    offset = directory_start * SECTOR
    body[offset : offset + len(directory)] = directory
    header = _header(fat_sectors, directory_start, first_mini_fat, len(mini_fat_bytes) // SECTOR)
    return header + bytes(body) + struct.pack(f"<{len(fat)}I", *fat)


def _header(
    fat_sectors: list[int], directory_start: int, mini_fat: int, mini_fat_count: int
) -> bytes:
    difat = fat_sectors + [FREESECT] * (HEADER_DIFAT - len(fat_sectors))
    return (
        CFB_MAGIC
        + bytes(16)
        + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, len(fat_sectors), directory_start, 0, MINI_CUTOFF,
                      mini_fat if mini_fat_count else ENDOFCHAIN, mini_fat_count, ENDOFCHAIN, 0)
        + struct.pack(f"<{HEADER_DIFAT}I", *difat)
    )  # fmt: skip


def _directory(root: Storage) -> list[_Entry]:
    """Every node as a directory entry, root first; each storage's children as a tree."""
    entries = [_Entry(root, 5)]

    def add_children(parent: _Entry) -> None:
        assert isinstance(parent.node, Storage)
        children = sorted(parent.node.children, key=_name_order)
        first = len(entries)
        for child in children:
            entries.append(_Entry(child, 1 if isinstance(child, Storage) else 2))
        ids = list(range(first, len(entries)))
        parent.child = _balanced(entries, ids, 0, _depth(len(ids)))
        for index in ids:
            if isinstance(entries[index].node, Storage):
                add_children(entries[index])

    add_children(entries[0])
    return entries


def _name_order(node: Stream | Storage) -> tuple[int, str]:
    """[MS-CFB] 2.6.4: shorter names first, then by the upper-cased name."""
    return len(node.name.encode("utf-16-le")), node.name.upper()


def _depth(count: int) -> int:
    """Levels of a balanced tree of ``count`` nodes."""
    return count.bit_length()


def _balanced(entries: list[_Entry], ids: list[int], level: int, levels: int) -> int:
    """The middle node as the root of the others: black, but red on the last level.

    Splitting at the middle fills every level but the last, so every path
    passes the same number of black nodes and no red node has a red child:
    a valid red-black tree.
    """
    if not ids:
        return NOSTREAM
    middle = len(ids) // 2
    node = entries[ids[middle]]
    node.left = _balanced(entries, ids[:middle], level + 1, levels)
    node.right = _balanced(entries, ids[middle + 1 :], level + 1, levels)
    node.black = level < levels - 1 or level == 0
    return ids[middle]


def _mini_stream(small: list[_Entry]) -> tuple[bytes, list[int]]:
    data = bytearray()
    mini_fat: list[int] = []
    for entry in small:
        assert isinstance(entry.node, Stream)
        count = -(-len(entry.node.data) // MINI_SECTOR)
        entry.start, entry.size = len(mini_fat), len(entry.node.data)
        mini_fat.extend(range(entry.start + 1, entry.start + count))
        mini_fat.append(ENDOFCHAIN)
        data += entry.node.data.ljust(count * MINI_SECTOR, b"\0")
    return bytes(data), mini_fat


def _entry_bytes(entry: _Entry) -> bytes:
    name = entry.node.name.encode("utf-16-le") + b"\0\0"
    if len(name) > 64:
        raise ValueError(f"name over 31 characters: {entry.node.name}")
    clsid = entry.node.clsid if isinstance(entry.node, Storage) else bytes(16)
    start = 0 if entry.kind == 1 else entry.start
    return (
        name.ljust(64, b"\0")
        + struct.pack("<HBB", len(name), entry.kind, 1 if entry.black else 0)
        + struct.pack("<III", entry.left, entry.right, entry.child)
        + clsid
        + bytes(4 + 16)  # state bits, creation and modification times
        + struct.pack("<IQ", start, entry.size)
    )


def _unused_entries(count: int) -> bytes:
    unused = bytes(66) + b"\0\0" + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM) + bytes(48)
    return unused * count


# ---------------------------------------------------------------- message


@dataclass
class Recipient:
    """A To (1), Cc (2) or Bcc (3) recipient."""

    name: str
    address: str
    kind: int = 1


@dataclass
class Attachment:
    """A file attached by value, or a whole message embedded in this one."""

    filename: str
    data: bytes = b""
    mime: str = "application/octet-stream"
    embedded: Message | None = None


@dataclass
class Message:
    """What a saved mail holds, as reqx reads it; ``extra`` adds or overrides properties
    by id (a value of None drops one), ``codepage`` writes 8-bit strings in that codepage."""

    subject: str = ""
    sender_name: str = ""
    sender_address: str = ""
    recipients: list[Recipient] = field(default_factory=list)
    sent: datetime | None = None
    body: str | None = None
    html: str | None = None
    rtf: bytes | None = None  # uncompressed RTF; written compressed
    attachments: list[Attachment] = field(default_factory=list)
    message_class: str = "IPM.Note"
    codepage: int | None = None
    extra: dict[int, Value | None] = field(default_factory=dict)


def write_msg(message: Message) -> bytes:
    """``message`` as the bytes of a .msg file."""
    return write_cfb(msg_storage(message))


def msg_storage(message: Message) -> Storage:
    """The root storage of a .msg: its tree, to write as is or to damage in a test."""
    root = Storage("Root Entry", _message_nodes(message, top=True), clsid=MAIL_CLSID)
    root.children.append(
        Storage(
            "__nameid_version1.0",
            [Stream(f"__substg1.0_000{kind}0102", b"") for kind in (2, 3, 4)],
        )
    )
    return root


def _message_nodes(message: Message, *, top: bool) -> list[Stream | Storage]:
    props = _message_properties(message)
    recipients = [
        Storage(f"__recip_version1.0_#{index:08X}", _object_nodes(_recipient_props(r), message))
        for index, r in enumerate(message.recipients)
    ]
    attachments = [
        Storage(f"__attach_version1.0_#{index:08X}", _attachment_nodes(attachment, message))
        for index, attachment in enumerate(message.attachments)
    ]
    counts = (len(recipients), len(attachments), len(recipients), len(attachments))
    header = bytes(8) + struct.pack("<IIII", *counts) + (bytes(8) if top else b"")
    nodes: list[Stream | Storage] = _object_nodes(props, message, header)
    return nodes + recipients + attachments


def _message_properties(message: Message) -> dict[int, Value]:
    props: dict[int, Value | None] = {PR_MESSAGE_CLASS: message.message_class}
    if message.subject:
        props[PR_SUBJECT] = message.subject
    if message.sender_name:
        props[PR_SENDER_NAME] = props[PR_SENT_REPRESENTING_NAME] = message.sender_name
    if message.sender_address:
        props[PR_SENDER_ADDRTYPE] = "SMTP"
        props[PR_SENDER_EMAIL_ADDRESS] = props[PR_SENDER_SMTP_ADDRESS] = message.sender_address
    for kind, tag in ((1, PR_DISPLAY_TO), (2, PR_DISPLAY_CC)):
        names = [r.name or r.address for r in message.recipients if r.kind == kind]
        if names:
            props[tag] = "; ".join(names)
    if message.sent is not None:
        props[PR_CLIENT_SUBMIT_TIME] = props[PR_MESSAGE_DELIVERY_TIME] = message.sent
    if message.body is not None:
        props[PR_BODY] = message.body
    if message.html is not None:
        props[PR_HTML] = message.html.encode(_codec(message.codepage or 65001))
    if message.rtf is not None:
        props[PR_RTF_COMPRESSED] = compressed_rtf.compress(message.rtf, compressed=True)
    if message.codepage is not None:
        props[PR_MESSAGE_CODEPAGE] = props[PR_INTERNET_CPID] = message.codepage
    elif message.html is not None:
        props[PR_INTERNET_CPID] = 65001
    props.update(message.extra)
    return {tag: value for tag, value in props.items() if value is not None}


def _recipient_props(recipient: Recipient) -> dict[int, Value]:
    props: dict[int, Value] = {PR_RECIPIENT_TYPE: recipient.kind, PR_ADDRTYPE: "SMTP"}
    if recipient.name:
        props[PR_DISPLAY_NAME] = recipient.name
    if recipient.address:
        props[PR_EMAIL_ADDRESS] = props[PR_SMTP_ADDRESS] = recipient.address
    return props


def _attachment_nodes(attachment: Attachment, message: Message) -> list[Stream | Storage]:
    if attachment.embedded is not None:  # Outlook names an attached mail by its subject only
        return _object_nodes(
            {
                PR_DISPLAY_NAME: attachment.filename,
                PR_ATTACH_METHOD: ATTACH_EMBEDDED_MSG,
                PR_ATTACH_DATA: attachment.embedded,
            },
            message,
        )
    props: dict[int, Value] = {
        PR_ATTACH_LONG_FILENAME: attachment.filename,
        PR_ATTACH_FILENAME: _short_name(attachment.filename),
        PR_DISPLAY_NAME: attachment.filename,
        PR_ATTACH_METHOD: ATTACH_BY_VALUE,
        PR_ATTACH_MIME_TAG: attachment.mime,
        PR_ATTACH_DATA: attachment.data,
    }
    return _object_nodes(props, message)


def _short_name(name: str) -> str:
    """An 8.3 name, as PR_ATTACH_FILENAME holds."""
    stem, _, suffix = name.rpartition(".")
    stem = "".join(char for char in (stem or suffix) if char.isalnum())[:6].upper() or "FILE"
    return f"{stem}~1.{suffix[:3].upper()}" if stem and "." in name else f"{stem}~1"


def _object_nodes(
    props: dict[int, Value], message: Message, header: bytes = bytes(8)
) -> list[Stream | Storage]:
    """The property stream of one object and the ``__substg1.0_`` streams of its values."""
    entries = bytearray(header)
    streams: list[Stream | Storage] = []
    for tag, value in props.items():
        if isinstance(value, Message):  # listed with size 0xFFFFFFFF; its storage holds it
            entries += _entry(tag, PT_OBJECT, 0xFFFFFFFF)
            inner = _message_nodes(value, top=False)
            streams.append(Storage(f"__substg1.0_{tag:04X}{PT_OBJECT:04X}", inner, MAIL_CLSID))
            continue
        kind, data = _encode(value, message.codepage)
        if kind in FIXED_TYPES:
            entries += _entry(tag, kind, data)
        else:
            assert isinstance(data, bytes)
            entries += _entry(tag, kind, len(data))
            streams.append(Stream(f"__substg1.0_{tag:04X}{kind:04X}", data))
    return [Stream("__properties_version1.0", bytes(entries)), *streams]


def _entry(tag: int, kind: int, value: int | bytes) -> bytes:
    """One 16-byte entry: tag, flags, and the value or the variable value's size."""
    head = struct.pack("<HHI", kind, tag, READABLE_WRITABLE)
    if isinstance(value, bytes):
        return head + value.ljust(8, b"\0")
    return head + struct.pack("<II", value, 0)


def _encode(value: str | bytes | int | datetime, codepage: int | None) -> tuple[int, bytes]:
    if isinstance(value, bool):
        return PT_BOOLEAN, struct.pack("<H6x", int(value))
    if isinstance(value, int):
        return PT_LONG, struct.pack("<i4x", value)
    if isinstance(value, datetime):
        return PT_SYSTIME, struct.pack("<Q", filetime(value))
    if isinstance(value, bytes):
        return PT_BINARY, value
    if codepage is not None:
        return PT_STRING8, value.encode(_codec(codepage)) + b"\0"
    return PT_UNICODE, value.encode("utf-16-le") + b"\0\0"


def filetime(moment: datetime) -> int:
    """100-nanosecond intervals since 1601-01-01 UTC, as Windows counts time."""
    epoch = datetime(1601, 1, 1, tzinfo=timezone.utc)
    delta = moment.astimezone(timezone.utc) - epoch
    return (delta.days * 86_400 + delta.seconds) * 10_000_000 + delta.microseconds * 10


def _codec(codepage: int) -> str:
    return {65001: "utf-8", 28591: "latin-1", 20127: "ascii"}.get(codepage, f"cp{codepage}")


# ---------------------------------------------------------------- from .eml


def message_from_eml(
    data: bytes, *, bodies: Sequence[str] = ("plain",), codepage: int | None = None
) -> Message:
    """The .msg twin of an .eml: same headers, the chosen body properties, the same attachments."""
    mail = message_from_bytes(data, policy=policy.default)
    assert isinstance(mail, EmailMessage)
    (sender,) = getaddresses([str(mail.get("From", ""))]) or [("", "")]
    recipients = [
        Recipient(name, address, kind)
        for kind, header in ((1, "To"), (2, "Cc"))
        for name, address in getaddresses([str(mail.get(header, ""))])
        if address
    ]
    plain, html = mail.get_body(("plain",)), mail.get_body(("html",))
    text = plain.get_content() if plain is not None else None
    markup = html.get_content() if html is not None else None
    return Message(
        subject=str(mail.get("Subject", "")),
        sender_name=sender[0],
        sender_address=sender[1],
        recipients=recipients,
        sent=parsedate_to_datetime(str(mail["Date"])) if mail.get("Date") else None,
        body=text if "plain" in bodies else None,
        html=(markup or html_of(text or "")) if "html" in bodies else None,
        rtf=rtf_of(text or "") if "rtf" in bodies else None,
        attachments=list(_attachments_of(mail, bodies, codepage)),
        codepage=codepage,
        extra={PR_INTERNET_MESSAGE_ID: str(mail.get("Message-ID", "")) or None},
    )


def _attachments_of(
    mail: EmailMessage, bodies: Sequence[str], codepage: int | None
) -> Iterator[Attachment]:
    for part in mail.iter_attachments():
        assert isinstance(part, EmailMessage)
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload(0)
            embedded = message_from_eml(
                inner.as_bytes(policy=policy.default), bodies=bodies, codepage=codepage
            )
            yield Attachment(embedded.subject or "message", embedded=embedded)
        else:
            yield Attachment(
                part.get_filename() or "attachment",
                part.get_payload(decode=True),
                part.get_content_type(),
            )


def html_of(text: str) -> str:
    """Plain text as the HTML body Outlook writes beside it: a paragraph per blank line."""
    paragraphs = [part for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    rendered = "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>\n" for part in paragraphs)
    return f'<html><head><meta charset="utf-8"></head><body>\n{rendered}</body></html>\n'


def rtf_of(text: str) -> bytes:
    """Plain text as RTF, as Outlook keeps a plain mail: 8-bit escapes, \\uN for the rest."""
    out = []
    for char in text.replace("\r\n", "\n"):
        if char == "\n":
            out.append("\\par\n")
        elif char in "\\{}":
            out.append("\\" + char)
        elif ord(char) < 128:
            out.append(char)
        else:
            try:
                out.append(f"\\'{char.encode('cp1252')[0]:02x}")
            except UnicodeEncodeError:  # \\uN takes a signed 16-bit unit; pairs above U+FFFF
                units = struct.unpack(
                    f"<{len(char.encode('utf-16-le')) // 2}h", char.encode("utf-16-le")
                )
                out.extend(f"\\u{unit}?" for unit in units)
    return (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Calibri;}}"
        "{\\*\\generator reqx make_msg;}\\viewkind4\\uc1\\pard\\f0\\fs22 " + "".join(out) + "}"
    ).encode("ascii")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eml", type=Path)
    parser.add_argument("msg", type=Path)
    parser.add_argument("--body", action="append", choices=("plain", "html", "rtf"))
    parser.add_argument("--codepage", type=int)
    arguments = parser.parse_args(argv)
    message = message_from_eml(
        arguments.eml.read_bytes(), bodies=arguments.body or ("plain",), codepage=arguments.codepage
    )
    arguments.msg.write_bytes(write_msg(message))


if __name__ == "__main__":
    main()
