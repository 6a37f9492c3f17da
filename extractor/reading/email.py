"""Read an e-mail (.eml, or an Outlook .msg): headers, the body as blocks, and attachments.

A customer reply carries three kinds of text the later stages must tell apart:
what the sender wrote now, the earlier mail it quotes (kind "quoted") and the
sign-off, signature and disclaimer (kind "signature"). This module finds those
regions by line patterns; the text of each region is cut into blocks by the
plain-text reader. Attachments go back through the dispatcher (a callback, so
this module does not import it) and a bad attachment only adds a warning.
An Outlook .msg is first turned into the same kind of message (``outlook``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from email.utils import parsedate_to_datetime
from html import unescape
from html.parser import HTMLParser
from typing import Any

from extractor.errors import CorruptDocument, DocumentError, EmptyDocument
from extractor.reading.calendar import DESCRIPTION
from extractor.reading.outlook import is_outlook_message, message_from_msg
from extractor.reading.tables import first_row_is_header
from extractor.reading.text import blocks_from_text
from extractor.reading.tnef import is_tnef, message_from_tnef
from extractor.types import Block, Document, Page

ReadAttachment = Callable[[bytes, str], Document]

_ATTRIBUTION = re.compile(
    r"^\s*(On\s.{4,300}\bwrote|Am\s.{4,300}\bschrieb\s.{1,200}|Le\s.{4,300}\ba écrit)\s*:\s*$",
    re.IGNORECASE,
)
_ORIGINAL_MESSAGE = re.compile(
    r"^\s*-{2,}\s*(Original Message|Forwarded message|Ursprüngliche Nachricht|"
    r"Message d'origine)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_OUTLOOK_FROM = re.compile(r"^\s*\*?(From|Von|De)\s*:\*?\s*\S", re.IGNORECASE)
_OUTLOOK_SENT = re.compile(r"^\s*\*?(Sent|Date|Gesendet|Datum|Envoyé)\s*:\*?\s*\S", re.IGNORECASE)
_UNDERSCORE_RULE = re.compile(r"^\s*_{10,}\s*$")
_QUOTE_PREFIX = re.compile(r"^\s*(?:>\s?)+")
_SIGNATURE_DELIMITER = re.compile(r"^--\s?$")
# Thanks, a closing, or thanks and a closing: "Thanks & br", "Thank you and kind regards",
# "Danke und Gruß" (a chemicals walk's three mails kept them, and the name under them, as
# statements)
_THANKS = r"thanks|thank\s+you|many\s+thanks|thx|thnx|tks|ty|danke(?:\s+schön)?|vielen\s+dank|merci"
_CLOSING_WORDS = (
    r"(?:with\s+)?(?:best|kind|warm|warmest|many)\s+(?:regards|wishes|thanks)|regards|"
    r"best|br|b\.r\.|brgds|rgds|kr|sincerely|yours\s+(?:sincerely|faithfully|truly)|cheers|"
    r"mit\s+freundlichen\s+grüßen|(?:viele|beste|freundliche|liebe|schöne)\s+grüße|"
    r"(?:viele|beste|freundliche|liebe)\s+grüsse|gruß|grüße|lg|vg|mfg|cordialement|saludos|"
    # the US government's "V/r," (very respectfully) and "R/," (a federal walk's four mails
    # kept the contracting officer's signature block as statements)
    r"v/r|r/|very\s+respectfully|respectfully(?:\s+(?:yours|submitted))?"
)
_SIGN_OFF = re.compile(
    rf"^(?:(?:{_THANKS})(?:\s*(?:,|and|&|und|et)\s*(?:{_CLOSING_WORDS}))?|{_CLOSING_WORDS})"
    r"\s*[,.!]?$",
    re.IGNORECASE,
)
_SENT_FROM_DEVICE = re.compile(r"^(Sent from|Get Outlook for|Von meinem)\b", re.IGNORECASE)
# English, German and French: "confidential ... recipient", "vertraulich ... Empfänger"
_DISCLAIMER_WORDS = re.compile(
    r"\b(confidential|privileged|disclaimer|vertraulich\w*|rechtlich\s+geschützt\w*|"
    r"confidentiel\w*)\b",
    re.IGNORECASE,
)
_DISCLAIMER_CONTEXT = re.compile(
    r"\b(e-?mail|message|recipient|addressee|nachricht|empfänger|adressat|destinataire)\b",
    re.IGNORECASE,
)
# A company's legal footer under a signature: where it is registered, by whom it is run
_COMPANY_FOOTER = re.compile(
    r"\b(registered\s+(?:in|office|number|no)|register\s+court|registergericht|amtsgericht|"
    r"company\s+(?:no|number|registration)|HRB\s*\d|VAT\s+(?:no|reg)|ust-?idnr|"
    r"managing\s+directors?\s*:|geschäftsführer|sitz\s+der\s+gesellschaft|"
    r"(?:consider|think\s+of)\s+the\s+environment\s+before\s+printing)",
    re.IGNORECASE,
)
_SIGNATURE_MAX_LINES = 10
_SIGNATURE_MAX_WIDTH = 80


def read_email(path: str, data: bytes, *, read_attachment: ReadAttachment) -> Document:
    """An e-mail as one unpaged page: subject heading, body, quoted text and signature."""
    try:
        message = message_from_bytes(data, policy=policy.default)
    except Exception as error:  # the parser is lenient; this is a last resort
        raise CorruptDocument(
            path, f"the e-mail cannot be parsed ({type(error).__name__})"
        ) from None
    warnings: list[str] = []
    message = _with_boundary_found(message, warnings)
    return _read_message(path, data, message, read_attachment, warnings)


def read_outlook(path: str, data: bytes, *, read_attachment: ReadAttachment) -> Document:
    """An Outlook .msg, read as the e-mail it holds (``read_email``'s document)."""
    message, warnings = message_from_msg(path, data)
    return _read_message(path, data, message, read_attachment, warnings)


def read_winmail(path: str, data: bytes, *, read_attachment: ReadAttachment) -> Document:
    """A winmail.dat on its own (saved from a mail), read as the mail it holds."""
    message, warnings = message_from_tnef(data, path.replace("\\", "/").split("/")[-1])
    return _read_message(path, data, message, read_attachment, warnings)


def _read_message(
    path: str,
    data: bytes,
    message: EmailMessage,
    read_attachment: ReadAttachment,
    warnings: list[str],
) -> Document:
    """The document of a parsed mail; ``data`` is the file it came from (for its hash)."""
    message = with_tnef_unpacked(message, warnings)
    metadata = _metadata(message)
    blocks: list[Block] = []
    if metadata.get("subject"):
        blocks.append(Block(text=metadata["subject"], kind="heading", style="subject"))
    body = _body_text(message, warnings)
    blocks.extend(body_blocks(body))
    attachments = [
        _carried_by(_without_repeats(attachment, body), metadata)
        for attachment in _attachments(message, path, read_attachment, warnings)
    ]
    if not blocks and not attachments:
        raise EmptyDocument(path, "the e-mail has no subject, body or readable attachment")
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        kind="email",
        pages=(Page(number=None, blocks=tuple(blocks)),),
        metadata=metadata,
        warnings=tuple(warnings),
        attachments=tuple(attachments),
    )


def _carried_by(attachment: Document, metadata: Mapping[str, str]) -> Document:
    """An attachment that names the sender and date of the mail that carried it.

    A drawing or specification sent by e-mail was asked for by that sender on
    that day: the reviewer needs both, as for the mail's own text. An attached
    e-mail keeps its own.
    """
    if attachment.kind == "email":
        return attachment
    carried = {
        name: metadata[key]
        for name, key in (("mail_sender", "sender"), ("mail_date", "date"))
        if metadata.get(key)
    }
    if not carried:
        return attachment
    return replace(attachment, metadata={**attachment.metadata, **carried})


def _without_repeats(attachment: Document, body: str) -> Document:
    """A calendar invitation without the description the mail body already holds.

    Outlook writes an invitation's text both into the mail and into the .ics:
    read twice, each sentence would be two candidates.
    """
    if "calendar" not in attachment.metadata:
        return attachment
    said = " ".join(body.split())
    pages = tuple(
        replace(
            page,
            blocks=tuple(
                block
                for block in page.blocks
                if block.style != DESCRIPTION or " ".join(block.text.split()) not in said
            ),
        )
        for page in attachment.pages
    )
    return replace(attachment, pages=pages)


def _with_boundary_found(message: EmailMessage, warnings: list[str]) -> EmailMessage:
    """A multipart e-mail whose header lost its boundary, read by the boundary its body uses.

    Without one, the parser keeps the whole body as one string and no part is
    found: the e-mail silently lost its text. A body line "--X" that comes back
    as "--X--" gives the boundary; failing that, the body is read as plain text.
    """
    if message.get_content_maintype() != "multipart" or message.is_multipart():
        return message
    raw = message.get_payload()
    if not isinstance(raw, str):
        return message
    boundary = _boundary_in(raw)
    if boundary is not None:
        message.set_param("boundary", boundary)
        repaired = message_from_bytes(message.as_bytes(), policy=policy.default)
        if isinstance(repaired, EmailMessage) and repaired.is_multipart():
            warnings.append("the e-mail's multipart header names no boundary; found it in the body")
            return repaired
    warnings.append("the e-mail's multipart header names no boundary; its body is read as text")
    message.set_type("text/plain")
    return message


def _boundary_in(raw: str) -> str | None:
    """The boundary a multipart body uses: a "--X" line whose "--X--" closes it."""
    for line in raw.splitlines():
        candidate = line.strip()[2:] if line.startswith("--") else ""
        if candidate and not candidate.endswith("--") and f"--{candidate}--" in raw:
            return candidate
    return None


# ---------------------------------------------------------------- headers


def _metadata(message: Message) -> dict[str, str]:
    found = {
        "sender": _address_header(message, "From"),
        "to": _address_header(message, "To"),
        "cc": _address_header(message, "Cc"),
        "date": _iso_date(_header(message, "Date")),
        "subject": _header(message, "Subject"),
        "report": _REPORTS.get(str(message.get_param("report-type", "") or "").lower(), "")
        if message.get_content_type() == "multipart/report"
        else "",
    }
    return {key: value for key, value in found.items() if value}


# What a multipart/report mail is (RFC 6522), by its report-type.
_REPORTS = {
    "delivery-status": "delivery report",
    "disposition-notification": "read receipt",
}


_MAX_PARSED_HEADER = 64 * 1024


def _header(message: Message, name: str) -> str:
    """A header's decoded value; a malformed or huge one as it stands in the file.

    The standard library's header parser takes minutes over a header of a few
    megabytes, so one that long is taken raw (encoded words left as written).
    """
    raw = next((raw for key, raw in message.raw_items() if key.lower() == name.lower()), "")
    if len(str(raw)) > _MAX_PARSED_HEADER:
        return " ".join(str(raw).split())
    try:
        value = message.get(name)
    except Exception:  # a malformed header; its raw form is still useful
        value = raw
    return " ".join(str(value or "").split())


def _address_header(message: Message, name: str) -> str:
    """An address header as ``_header`` gives it, but a name without an address as the
    name: the parser quotes "Anna Berg" as if it were a mailbox ('"Anna Berg"'). Outlook
    names an Exchange sender or a recipient this way when it keeps no SMTP address."""
    value = _header(message, name)
    try:
        addresses = getattr(message[name], "addresses", ()) if len(value) < 4096 else ()
    except Exception:  # a malformed header: its text as it stands
        return value
    if not addresses:
        return value
    return " ".join(", ".join(_shown_address(address) for address in addresses).split())


def _shown_address(address: Any) -> str:
    """ "Dr. Miguel Santos <miguel@example.com>", as a reader writes it: the standard form
    quotes a name holding a dot ('"Dr. Miguel Santos" <...>'); only a name holding a
    comma keeps its quotes, since addresses are listed with commas."""
    name = address.display_name or ""
    if not address.domain:
        return name or address.username
    if not name:
        return address.addr_spec
    if "," in name or ";" in name:
        return str(address)
    return f"{name} <{address.addr_spec}>"


def _iso_date(value: str) -> str:
    if not value:
        return ""
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return value


# ---------------------------------------------------------------- body


def _body_text(message: Message, warnings: list[str]) -> str:
    """The plain body, or the HTML body as text when the plain one is missing or blank."""
    if not isinstance(message, EmailMessage):
        return ""
    plain = message.get_body(preferencelist=("plain",))
    if plain is not None:
        text = _part_text(plain, warnings)
        if text.strip():
            return text
    html = message.get_body(preferencelist=("html",))
    if html is not None:
        return html_to_text(_part_text(html, warnings))
    return ""


def _part_text(part: Message, warnings: list[str]) -> str:
    """Decode a text part by its declared charset, repairing common mislabels."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = (part.get_content_charset() or "").lower()
    if charset in ("", "us-ascii", "ascii"):
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            return payload.decode("cp1252", errors="replace")
    if charset in ("iso-8859-1", "latin-1", "latin1"):
        charset = "cp1252"  # mail clients label Windows-1252 text as Latin-1
    if charset in ("utf-8", "utf8"):
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            # labelled UTF-8, written in Windows-1252: "naïve café" would read "na�ve caf�"
            warnings.append(
                "the body says it is UTF-8 but is not; decoded as Windows-1252 (check accents)"
            )
            return payload.decode("cp1252", errors="replace")
    try:
        return payload.decode(charset, errors="replace")
    except (LookupError, UnicodeError):
        # unknown, or a codec that is not a text encoding ("base64", "idna", "zlib")
        warnings.append(f"unknown charset {charset!r} in the body; decoded as Windows-1252")
        return payload.decode("cp1252", errors="replace")


def body_blocks(text: str) -> list[Block]:
    """Cut a body into own text, signature and quoted blocks, in reading order."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    quote_start = _quote_start(lines)
    own, quoted = lines[:quote_start], lines[quote_start:]
    # a postscript under the signature is the writer's own text again ("P.S. Deliveries on
    # Friday must arrive before 11:00."); above it the sign-off and name are the signature
    # (a re-walk found "Thanks & br Anna" kept as a statement over a "PS:")
    postscript_start = _postscript_start(own)
    own, postscript = own[:postscript_start], own[postscript_start:]
    signature_start = _signature_start(own)
    blocks: list[Block] = []
    for is_quote, run in _runs_by_quote_prefix(own[:signature_start]):
        if is_quote:
            blocks.extend(_quoted_blocks(run))
        else:
            blocks.extend(blocks_from_text("\n".join(run)))
    signature = [line for line in own[signature_start:] if not _SIGNATURE_DELIMITER.match(line)]
    blocks.extend(blocks_from_text("\n".join(signature), kind="signature"))
    if postscript:
        blocks.extend(blocks_from_text("\n".join(postscript)))
    blocks.extend(_quoted_blocks(quoted))
    return blocks


_POSTSCRIPT = re.compile(r"^\s*(?:P\.\s?S\.?|PS\s*:)", re.IGNORECASE)


_NAME_LINES = 3  # a name, a title, a company between a sign-off and a sentence set under them


def _postscript_start(lines: list[str]) -> int:
    """Index of the line opening the writer's text again under a sign-off, or len(lines):
    a postscript ("PS: ..."), or a sentence set right under the sign-off's name lines
    with no blank line ("Thank you and kind regards / Anna Buyer / Purchasing / Please
    also send the updated SDS.": a re-walk found all four one statement)."""
    for index, line in enumerate(lines):
        if _POSTSCRIPT.match(line) and any(
            _is_sign_off(before.strip()) for before in lines[:index]
        ):
            return index
    for index, line in enumerate(lines):
        if not _is_sign_off(line.strip()):
            continue
        for offset, after in enumerate(lines[index + 1 : index + 2 + _NAME_LINES], 1):
            if not after.strip() or len(after.strip()) > _SIGNATURE_MAX_WIDTH:
                break  # a blank line: the usual signature, found as before
            if _DISCLAIMER_WORDS.search(after) and _DISCLAIMER_CONTEXT.search(after):
                break  # the signature's disclaimer, not the writer's text
            if _is_sentence(after.strip()):
                return index + offset if offset > 1 else len(lines)
    return len(lines)


def _quote_start(lines: list[str]) -> int:
    """Index of the line opening the quoted earlier mail, or len(lines)."""
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _ATTRIBUTION.match(line) or (
            line.lstrip().startswith(("On ", "Am ")) and _ATTRIBUTION.match(f"{line} {following}")
        ):
            return index
        if _ORIGINAL_MESSAGE.match(line):
            return index
        if _UNDERSCORE_RULE.match(line) and any(
            _OUTLOOK_FROM.match(next_line) for next_line in lines[index + 1 : index + 3]
        ):
            return index
        if _OUTLOOK_FROM.match(line) and any(
            _OUTLOOK_SENT.match(next_line) for next_line in lines[index + 1 : index + 5]
        ):
            return index
    return len(lines)


def _quoted_blocks(lines: list[str]) -> list[Block]:
    """The quoted earlier mails, each under a heading naming who sent it and when.

    A forwarded or quoted mail's "From:/Sent:" lines had become statements of
    their own ("-----Original Message----- From: ... Sent: ..."), and its
    signature and legal footer requirements ("Please consider the environment
    before printing"). As the section of the quoted text, the header tells the
    reviewer whose words a quoted requirement are; the signature is dropped as
    in the mail's own text.
    """
    cleaned = [_QUOTE_PREFIX.sub("", line) for line in lines]
    blocks: list[Block] = []
    for header, body in _quoted_mails(cleaned):
        if header:
            blocks.append(Block(text=_quoted_heading(header), kind="heading", style="quoted"))
        start = _signature_start(body)
        blocks.extend(blocks_from_text("\n".join(_lead_ins_apart(body[:start])), kind="quoted"))
        signature = [line for line in body[start:] if not _SIGNATURE_DELIMITER.match(line)]
        blocks.extend(blocks_from_text("\n".join(signature), kind="signature"))
    return blocks


def _lead_ins_apart(lines: list[str]) -> list[str]:
    """A quoted line ending in a colon, with a capitalised line under it, ends its paragraph.

    Quoting often drops the blank lines between paragraphs ("> " lines with nothing
    after them); a logistics walk's reply quoted "please note two changes from 1 May
    2026:" and the first change on the next line as one statement, so the quote no
    longer matched the original mail's statements.
    """
    spaced: list[str] = []
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        spaced.append(line)
        if line.rstrip().endswith(":") and following.strip()[:1].isupper():
            spaced.append("")
    return spaced


_HEADER_FIELD = re.compile(
    r"^\s*\*?(From|Sent|Date|To|Cc|Bcc|Subject|Importance|Von|Gesendet|Datum|An|Betreff|"
    r"De|Envoyé|À|Objet)\s*:\*?\s*(.*)$",
    re.IGNORECASE,
)
_SENDER_FIELDS = ("from", "von", "de")
_SENT_FIELDS = ("sent", "date", "gesendet", "datum", "envoyé")


def _quoted_mails(lines: list[str]) -> Iterator[tuple[list[str], list[str]]]:
    """The quoted region cut into mails: each one's header lines and body lines."""
    while lines:
        header = _header_length(lines)
        rest = lines[header:]
        following = _quote_start(rest[1:]) + 1 if rest else 0
        yield lines[:header], rest[:following]
        lines = rest[following:]


def _header_length(lines: list[str]) -> int:
    """How many lines at the start are a quoted mail's header (0 when there is none)."""
    first = lines[0]
    following = lines[1] if len(lines) > 1 else ""
    if _ATTRIBUTION.match(first):
        return 1
    if first.lstrip().startswith(("On ", "Am ")) and _ATTRIBUTION.match(f"{first} {following}"):
        return 2
    index = 1 if _ORIGINAL_MESSAGE.match(first) or _UNDERSCORE_RULE.match(first) else 0
    while index < len(lines) and not lines[index].strip() and index <= 1:
        index += 1  # a blank line between "--- Original Message ---" and its fields
    fields = index
    while fields < len(lines) and _HEADER_FIELD.match(lines[fields]):
        fields += 1
    return fields if fields > index else index


def _quoted_heading(header: list[str]) -> str:
    """ "Quoted mail from Tom Adair <tom@...>, sent 10 February 2026 17:05", or the
    attribution line as written ("On Tue, 10 Feb 2026, Tom Adair wrote:")."""
    found: dict[str, str] = {}
    for line in header:
        match = _HEADER_FIELD.match(line)
        if match and match.group(2).strip():
            name = match.group(1).lower()
            key = "from" if name in _SENDER_FIELDS else "sent" if name in _SENT_FIELDS else ""
            if key:
                found.setdefault(key, match.group(2).strip())
    written = " ".join(" ".join(line.split()) for line in header if line.strip())
    if "from" not in found and (attributed := _ATTRIBUTED.match(written)) is not None:
        # "On Tue, 9 Feb 2027 at 10:12, Sanne de Groot <...> wrote:": segmenting drops the
        # line as written with the other attribution lines, and the section with it
        for key, value in attributed.groupdict().items():
            if value and value.strip():
                found[key.split("_")[0]] = value.strip()
    if "from" in found:
        sent = f", sent {found['sent']}" if "sent" in found else ""
        return f"Quoted mail from {found['from']}{sent}"
    return written or "Quoted mail"


# An attribution line's sender and date: "On <date>, <sender> wrote:", "Am <date> schrieb
# <sender>:", "Le <date>, <sender> a écrit :"
_ATTRIBUTED = re.compile(
    r"^(?:On\s+(?P<sent>.+),\s*(?P<from>[^,]+?)\s+wrote"
    r"|Am\s+(?P<sent_de>.+?)\s+schrieb\s+(?P<from_de>.+?)"
    r"|Le\s+(?P<sent_fr>.+),\s*(?P<from_fr>[^,]+?)\s+a\s+écrit)\s*:\s*$"
)


def _runs_by_quote_prefix(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """Split lines into runs of ">"-quoted and own lines (inline replies interleave them)."""
    runs: list[tuple[bool, list[str]]] = []
    for line in lines:
        is_quote = line.lstrip().startswith(">")
        if runs and (runs[-1][0] == is_quote or not line.strip()):
            runs[-1][1].append(line)
        else:
            runs.append((is_quote, [line]))
    return runs


def _signature_start(lines: list[str]) -> int:
    """Index where the sign-off, signature or disclaimer begins, or len(lines)."""
    for index in range(len(lines) - 1, -1, -1):
        if _SIGNATURE_DELIMITER.match(lines[index]):
            return index
    for index, line in enumerate(lines):
        stripped = line.strip()
        signs_off = (
            _is_sign_off(stripped)
            or _SENT_FROM_DEVICE.match(stripped)
            or _first_name_over_card(stripped, lines, index + 1)
        )
        if signs_off and _looks_like_signature(lines[index + 1 :]):
            return index
    return _trailing_disclaimer_start(lines)


def _first_name_over_card(line: str, lines: list[str], start: int) -> bool:
    """A mail signed with a first name alone over a card opening with the full name
    ("Helen" over "Helen Park" | "Director, Supplier Quality | ..."): a medical-device
    walk's card was read as a statement and "Helen" as a heading."""
    if not re.fullmatch(r"[A-Z][a-z'-]{1,20}", line):
        return False
    following = next((later.strip() for later in lines[start:] if later.strip()), "")
    return following.startswith(line + " ")


def _looks_like_signature(lines: list[str]) -> bool:
    """Short name/title/phone lines, maybe followed by disclaimer paragraphs."""
    for paragraph in _paragraphs(lines):
        if _is_disclaimer(paragraph):
            continue
        if any(line.lstrip().startswith(">") for line in paragraph):
            return False
        if len(paragraph) > _SIGNATURE_MAX_LINES:
            return False
        if any(len(line.strip()) > _SIGNATURE_MAX_WIDTH for line in paragraph):
            return False
        if any(_is_sentence(line) for line in paragraph):
            return False
    return True


def _is_sentence(line: str) -> bool:
    """Names, titles and phone numbers are not sentences; "Please ship by Friday." is."""
    words = line.split()
    if len(words) < 4 or not line.rstrip().endswith((".", "!", "?")):
        return False
    return not _is_card_line(line)


# A company's legal form, whose dot ends no sentence: "Halcyon Aerosystems Inc."
_LEGAL_FORM_END = re.compile(
    r"\b(?:inc|ltd|co|corp|llc|plc|gmbh|ag|s\.?a|b\.?v|n\.?v|pty|s\.?p\.?a|s\.?r\.?l"
    # Polish, Czech and Slovak, Slovenian and Croatian, Hungarian, French, Nordic forms: a
    # food walk's haulier signed "FenLink Chilled Logistics Sp. z o.o."
    r"|z\s?o\.o|s\.r\.o|d\.o\.o|a\.s|kft|sarl|s\.a\.s|oy|ab)\.$",
    re.IGNORECASE,
)
_CARD_PART_MAX_WORDS = 5


def _is_card_line(line: str) -> bool:
    """A business card's line: "Senior Buyer | Halcyon Aerosystems Inc.".

    An aerospace walk's signature ended in "Inc." and was taken for a sentence,
    so "Best regards," and the signature were read as the mail's own text.
    A line of short parts set apart by "|" is a card's too.
    """
    stripped = line.strip()
    if _LEGAL_FORM_END.search(stripped):
        return True
    parts = [part.strip() for part in stripped.split("|")]
    return len(parts) > 1 and all(0 < len(part.split()) <= _CARD_PART_MAX_WORDS for part in parts)


def _trailing_disclaimer_start(lines: list[str]) -> int:
    start = len(lines)
    paragraphs = _paragraphs_with_starts(lines)
    for first_line, paragraph in reversed(paragraphs):
        if not _is_disclaimer(paragraph):
            break
        start = first_line
    return start


def _is_disclaimer(paragraph: list[str]) -> bool:
    """A confidentiality notice, or the company's legal footer under a signature."""
    text = " ".join(paragraph)
    if _COMPANY_FOOTER.search(text):
        return True
    return bool(_DISCLAIMER_WORDS.search(text) and _DISCLAIMER_CONTEXT.search(text))


def _is_sign_off(line: str) -> bool:
    """ "Best regards", or two of them side by side ("Mit freundlichen Grüßen / Kind regards")."""
    return all(_SIGN_OFF.match(part.strip()) for part in line.split(" / ")) if line else False


def _paragraphs(lines: list[str]) -> list[list[str]]:
    return [paragraph for _, paragraph in _paragraphs_with_starts(lines)]


def _paragraphs_with_starts(lines: list[str]) -> list[tuple[int, list[str]]]:
    paragraphs: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for index, line in enumerate(lines):
        if line.strip():
            if not current:
                start = index
            current.append(line)
        elif current:
            paragraphs.append((start, current))
            current = []
    if current:
        paragraphs.append((start, current))
    return paragraphs


# ---------------------------------------------------------------- HTML


_BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "section", "article"}
)
_LINE_TAGS = frozenset({"br", "tr", "li", "dt", "dd"})
_DROPPED_TAGS = frozenset({"script", "style", "head", "title", "noscript", "template"})
_BOLD_TAGS = frozenset({"b", "strong"})
# elements that may carry a bold style and are closed again (a void element never is)
_STYLED_TAGS = frozenset({"span", "font", "p", "div", "td", "th", "tr"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", re.IGNORECASE)
_MAX_SPAN = 63  # columns (as in the DOCX reader) or rows one cell may span
# grid places a table may fill to be read as one: a mail's tables hold hundreds, while
# 30,000 cells spanning 63 rows each took seconds to lay out and read back
_MAX_TABLE_CELLS = 50_000


@dataclass
class _HtmlCell:
    """A td or th as read: its text, whether all of it is marked a header's
    (th, thead, bold), and the columns and rows it spans."""

    header: bool = False
    columns: int = 1
    rows: int = 1
    parts: list[str] = field(default_factory=list)  # joined once: a cell may hold 10^5 pieces
    marked: bool = True

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


@dataclass
class _HtmlTable:
    """A table being read: the line its text starts at, and its rows of cells."""

    start: int
    rows: list[list[_HtmlCell]] = field(default_factory=list)
    in_head: bool = False
    holds_table: bool = False  # a table in a cell: this one lays the mail out


class _HtmlText(HTMLParser):
    """HTML as plain text: paragraphs as blank-line breaks, list items as "- " lines,
    blockquotes as ">" lines so the quote finder sees them, and a table of data as
    a pipe table ("| No. | Open point |"), which the text reader reads row by row
    under its column headers, as it does a DOCX or PDF table."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.dropping = 0
        self.quote_depth = 0
        self.lists: list[list[int]] = []  # per open list: [is_ordered, counter]
        self.tables: list[_HtmlTable] = []  # the open tables, innermost last
        self.bold: dict[str, int] = {}  # per tag name, how many open ones make text bold

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BOLD_TAGS or (
            tag in _STYLED_TAGS and _BOLD_STYLE.search(_attribute(attrs, "style"))
        ):
            self.bold[tag] = self.bold.get(tag, 0) + 1
        if tag in _DROPPED_TAGS:
            self.dropping += 1
        elif tag == "blockquote":
            self._paragraph_break()
            self.quote_depth += 1
        elif tag in ("ul", "ol"):
            self._paragraph_break()
            self.lists.append([tag == "ol", 0])
        elif tag == "li":
            self._line_break()
            indent = "  " * max(len(self.lists) - 1, 0)
            if self.lists and self.lists[-1][0]:
                self.lists[-1][1] += 1
                self._write(f"{indent}{self.lists[-1][1]}. ")
            else:
                self._write(f"{indent}- ")
        elif tag in _BLOCK_TAGS:
            self._paragraph_break()
            if tag == "table":
                self._open_table()
        elif tag in _LINE_TAGS:
            self._line_break()
            if tag == "tr" and self.tables:
                self.tables[-1].rows.append([])
        elif tag in ("td", "th"):
            self._write(" ")
            self._open_cell(tag, attrs)
        elif tag in ("thead", "tbody", "tfoot") and self.tables:
            self.tables[-1].in_head = tag == "thead"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._line_break()
        elif tag in _BLOCK_TAGS or tag == "hr":
            self._paragraph_break()

    def handle_endtag(self, tag: str) -> None:
        if self.bold.get(tag):
            self.bold[tag] -= 1
        if tag in _DROPPED_TAGS:
            self.dropping = max(self.dropping - 1, 0)
        elif tag == "blockquote":
            self._paragraph_break()
            self.quote_depth = max(self.quote_depth - 1, 0)
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._paragraph_break()
        elif tag in _BLOCK_TAGS:
            if tag == "table":
                self._close_table()
            self._paragraph_break()
        elif tag in _LINE_TAGS:
            self._line_break()
        elif tag == "thead" and self.tables:
            self.tables[-1].in_head = False

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        self._cell_text(data)
        text = " ".join(data.split())
        if not text:
            if data and self.lines[-1].strip():
                self._write(" ")
            return
        if data[:1].isspace() and self.lines[-1].strip():
            text = " " + text
        if data[-1:].isspace():
            text += " "
        self._write(text)

    def _write(self, text: str) -> None:
        if not self.lines[-1] and self.quote_depth:
            self.lines[-1] = "> " * self.quote_depth
        self.lines[-1] += text

    def _line_break(self) -> None:
        self._cell_text(" ")
        self.lines.append("")

    def _paragraph_break(self) -> None:
        self._cell_text(" ")
        if self.lines[-1].strip():
            self.lines.append("")
        if len(self.lines) < 2 or self.lines[-2].strip():
            self.lines.append("")

    def _open_table(self) -> None:
        if self.tables:
            self.tables[-1].holds_table = True
        self.tables.append(_HtmlTable(start=len(self.lines) - 1))

    def _open_cell(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.tables:
            return
        table = self.tables[-1]
        if not table.rows:  # a cell outside any tr
            table.rows.append([])
        columns, rows = _span(attrs, "colspan"), _span(attrs, "rowspan")
        table.rows[-1].append(_HtmlCell(header=tag == "th", columns=columns, rows=rows))

    def _cell_text(self, data: str) -> None:
        """Add text to the cell being read, noting whether it is marked as a header's."""
        table = self.tables[-1] if self.tables else None
        if table is None or not table.rows or not table.rows[-1]:
            return
        cell = table.rows[-1][-1]
        cell.parts.append(data)
        if data.strip() and not (cell.header or table.in_head or any(self.bold.values())):
            cell.marked = False

    def _close_table(self) -> None:
        """A table of data replaces the text its cells gave by a pipe table's lines.

        A table that holds another table, has one column or one row, or holds a
        quoted mail's header ("From: ... Sent: ...") lays the mail out: its text
        stays as written, line by line, as does one filling more than
        ``_MAX_TABLE_CELLS`` places.
        """
        if not self.tables:
            return
        table = self.tables.pop()
        laid_out = None if table.holds_table else _grid(table.rows)
        if laid_out is None:
            return
        grid = [row for row in laid_out if any(row)]
        if len(grid) < 2 or max(len(row) for row in grid) < 2:
            return
        if any(_OUTLOOK_FROM.match(" ".join(filter(None, row))) for row in grid):
            return
        first = next(row for row in table.rows if any(cell.text for cell in row))
        marked = all(cell.marked for cell in first if cell.text)
        del self.lines[table.start :]
        self.lines.append("")
        for line in _pipe_lines(grid, first_row_is_header(grid, marked)):
            self._write(line)
            self.lines.append("")

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.lines)


def _attribute(attrs: list[tuple[str, str | None]], name: str) -> str:
    return next((value or "" for key, value in attrs if key == name), "")


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    """A cell's colspan or rowspan: 1 unless a number over 1, at most ``_MAX_SPAN``
    (a hostile "rowspan=99999" over thousands of cells would fill the grid for long)."""
    value = _attribute(attrs, name).strip()
    return max(1, min(int(value), _MAX_SPAN)) if value.isdigit() else 1


def _grid(rows: list[list[_HtmlCell]]) -> list[list[str]] | None:
    """The rows' texts by column, as the DOCX reader lays a table out: a cell spanning
    columns is followed by empty ones, and one spanning rows shows its text on each.
    None when they fill more than ``_MAX_TABLE_CELLS`` places."""
    grid: list[list[str]] = []
    places = 0
    carried: dict[int, tuple[str, int]] = {}  # column: text, rows still to show it on
    for row in rows:
        texts: list[str] = []
        for cell in row:
            _take_carried(texts, carried)
            text = cell.text
            if cell.rows > 1:
                carried[len(texts)] = (text, cell.rows - 1)
            texts += [text] + [""] * (cell.columns - 1)
        last = max(carried, default=-1)  # a carried cell past the row's own cells
        while len(texts) <= last:
            if not _take_carried(texts, carried):
                texts.append("")
        places += len(texts)
        if places > _MAX_TABLE_CELLS:
            return None
        grid.append(texts)
    return grid


def _take_carried(texts: list[str], carried: dict[int, tuple[str, int]]) -> bool:
    """Show the texts of cells from rows above that span the next columns of ``texts``."""
    taken = False
    while len(texts) in carried:
        text, rows = carried.pop(len(texts))
        if rows > 1:
            carried[len(texts)] = (text, rows - 1)
        texts.append(text)
        taken = True
    return taken


def _pipe_lines(grid: list[list[str]], header: bool) -> list[str]:
    """The rows as pipe-table lines, a "| --- |" line under the header row; a "|" in
    a cell is escaped so that it stays in its cell."""
    lines = ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in grid]
    if header:
        lines.insert(1, "|" + " --- |" * len(grid[0]))
    return lines


def html_to_text(html: str) -> str:
    """Readable text of an HTML body: no scripts or styles, entities unescaped."""
    parser = _HtmlText()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        return unescape(re.sub(r"<[^>]*>", " ", html))
    return parser.text()


# ---------------------------------------------------------------- attachments


def _attachments(
    message: Message, path: str, read_attachment: ReadAttachment, warnings: list[str]
) -> list[Document]:
    if not isinstance(message, EmailMessage):
        return []
    documents: list[Document] = []
    for index, part in enumerate(_files_of(message), start=1):
        name = _attachment_name(part, index)
        content = _attachment_bytes(part)
        if content is None:
            warnings.append(f"attachment {name} skipped: its content cannot be decoded")
            continue
        try:
            documents.append(read_attachment(content, f"{path}#{name}"))
        except DocumentError as error:
            warnings.append(f"attachment {name} skipped: {error.reason}")
    return documents


def attachment_files(data: bytes, depth: int = 0) -> Iterator[tuple[str, bytes]]:
    """Each attachment's file name and bytes, those of attached e-mails too, as
    ``read_email`` (or ``read_outlook`` for a .msg) finds them: the app keeps them
    beside the mail, so that an attachment's statements can be shown on their pages."""
    message = _parsed(data)
    if message is None:
        return
    for index, part in enumerate(_files_of(message), start=1):
        content = _attachment_bytes(part)
        if content is None:
            continue
        name = _attachment_name(part, index)
        yield name, content
        if depth < _MAX_ATTACHED_MAIL_DEPTH and (
            part.get_content_type() == "message/rfc822" or name.lower().endswith((".eml", ".msg"))
        ):
            yield from attachment_files(content, depth + 1)


_MAX_ATTACHED_MAIL_DEPTH = 2  # as deep as the reader goes (dispatch._MAX_NESTING)


def _parsed(data: bytes) -> EmailMessage | None:
    """The message in an .eml or .msg file, or None when there is none to be had."""
    if is_outlook_message(data):
        try:
            return with_tnef_unpacked(message_from_msg("", data)[0], [])
        except DocumentError:
            return None
    try:
        message = message_from_bytes(data, policy=policy.default)
    except Exception:
        return None
    message = _with_boundary_found(message, [])
    return with_tnef_unpacked(message, []) if isinstance(message, EmailMessage) else None


# The machine-made parts of a delivery report or read receipt (RFC 3464, 8098,
# 6522): what the report says is in its text part; these hold no one's words.
_REPORT_PARTS = frozenset(
    {
        "message/delivery-status",
        "message/disposition-notification",
        "message/global-delivery-status",
        "message/global-disposition-notification",
        "message/global-headers",
        "text/rfc822-headers",
    }
)


def _files_of(message: EmailMessage) -> Iterator[Message]:
    """The attachments a reader wants: all but the machine parts of a report."""
    for part in message.iter_attachments():
        if part.get_content_type() not in _REPORT_PARTS:
            yield part


# ---------------------------------------------------------------- winmail.dat

_TNEF_TYPES = frozenset({"application/ms-tnef", "application/vnd.ms-tnef"})
# A body that only says the mail is in rich text: Outlook put the real one in winmail.dat.
_RICH_TEXT_ONLY = re.compile(r"rich[\s-]*text|\bRTF\b|winmail\.dat|\bTNEF\b", re.IGNORECASE)
_RICH_TEXT_NOTE_MAX = 300


def with_tnef_unpacked(message: EmailMessage, warnings: list[str]) -> EmailMessage:
    """``message`` with each winmail.dat replaced by what it holds.

    Outlook sends a "rich text" mail as a plain body (sometimes empty, or a
    line saying the message is in rich text) plus winmail.dat, holding the
    real body and attachments. The result's attachments are the mail's own
    with the winmail.dat's files in its place, named by their own file names;
    its body is the mail's own unless that is empty or only the rich-text
    note, then the winmail.dat's. A mail without winmail.dat is returned as is.
    """
    whole = message.get_content_type() in _TNEF_TYPES and not message.is_multipart()
    parts = [message] if whole else list(message.iter_attachments())
    found = {id(part): content for part in parts if (content := _tnef_bytes(part)) is not None}
    if not found:
        return message
    unpacked: dict[int, EmailMessage] = {}
    tnef_body = ""
    for index, part in enumerate(parts, start=1):
        if id(part) not in found:
            continue
        name = _attachment_name(part, index) if not whole else "winmail.dat"
        inner, inner_warnings = message_from_tnef(found[id(part)], name)
        warnings.extend(inner_warnings)
        text = _body_text(inner, warnings)
        empty = not text.strip() and not any(True for _ in inner.iter_attachments())
        if empty and not inner_warnings:
            warnings.append(f"{name} holds no text or attachments")
        tnef_body = tnef_body or text
        unpacked[id(part)] = inner
    own = "" if whole else _body_text(message, warnings)
    rebuilt = EmailMessage()
    for key, value in message.raw_items():
        if not key.lower().startswith("content-"):
            rebuilt.set_raw(key, value)
    rebuilt.set_content(tnef_body if _only_rich_text_note(own) and tnef_body.strip() else own)
    rebuilt.make_mixed()
    for part in parts:
        held = unpacked.get(id(part))
        for attached in held.iter_attachments() if held is not None else (part,):
            rebuilt.attach(attached)
    return rebuilt


def _tnef_bytes(part: Message) -> bytes | None:
    """The TNEF stream of a winmail.dat part (named so, typed so, or by its bytes), or None."""
    try:
        name = (part.get_filename() or "").lower()
    except Exception:  # a malformed Content-Disposition parameter
        name = ""
    named = part.get_content_type() in _TNEF_TYPES or name == "winmail.dat"
    if not named and part.get_content_type() != "application/octet-stream":
        return None
    content = _attachment_bytes(part)
    if content is None or not (named or is_tnef(content)):
        return None
    return content


def _only_rich_text_note(body: str) -> bool:
    """True for an empty body, or one only saying the message is in rich text."""
    text = body.strip()
    return not text or (len(text) <= _RICH_TEXT_NOTE_MAX and bool(_RICH_TEXT_ONLY.search(text)))


def _attachment_name(part: Message, index: int) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:  # a malformed Content-Disposition parameter
        name = ""
    name = re.sub(r"[\\/#\x00-\x1f]+", "_", name).strip(" .")
    if not name:
        subtype = part.get_content_subtype() or "bin"
        name = f"attachment-{index}.{'eml' if subtype == 'rfc822' else subtype}"
    return name


def _attachment_bytes(part: Any) -> bytes | None:
    try:
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload(0)
            return bytes(inner.as_bytes(policy=policy.default))
        payload = part.get_payload(decode=True)
    except (ValueError, TypeError, LookupError, IndexError, AttributeError):
        return None
    return payload if isinstance(payload, bytes) else None
