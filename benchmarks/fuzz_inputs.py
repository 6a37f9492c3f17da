"""Feed hostile inputs to the reader and report how each one ends.

Run: ``nice -n 10 .venv/bin/python benchmarks/fuzz_inputs.py [--seed 1] [--out fuzz.jsonl]``

Every input is made here, from our own sample documents and our own writers
(mutated copies of ``corpus/samples`` and ``tests/documents``, hand-built
PDFs, ZIP containers, e-mails and text), seeded, so a run can be repeated
case for case. Each case runs through ``extractor.pipeline.extract_file``
(from a file on disk, pdfplumber) and ``extract_bytes`` (in memory, the
fast PDF reader the app's uploads use), with the bundled classifier, in a
child forked from this process, so one case cannot hurt the next: the child
is killed at the time limit and its memory is capped.

Outcomes, per case and entry point:

    ok      statements came out (and their records serialise as JSON/CSV in UTF-8)
    clean   a DocumentError whose message names the file and says why in printable words
    unclear a DocumentError that does not name the file, or whose reason is empty,
            is a bare library message, or holds control characters
    crash   any other exception (traceback kept), or the child died
    hang    still running at the time limit (the stack at the limit is kept)
    memory  MemoryError, or a peak resident size over ``--memory-limit`` MiB

The table printed at the end counts outcomes per mutation family;
``--out`` writes one JSON line per run with the details; ``--save DIR``
writes the inputs themselves so a failure can be reproduced with
``reqx extract DIR/<family>/<case>``.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import os
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIRS = (
    ROOT / "corpus" / "samples",
    ROOT / "tests" / "documents" / "pdf",
    ROOT / "tests" / "documents" / "docx",
    ROOT / "tests" / "documents" / "email",
    ROOT / "tests" / "documents" / "text",
)
SAMPLE_SUFFIXES = (".pdf", ".docx", ".eml", ".msg", ".txt", ".md")
OUTCOMES = ("ok", "clean", "unclear", "crash", "hang", "memory")
MiB = 1024 * 1024


@dataclass
class Case:
    """One hostile input: its bytes, the name it goes by, and how long it may take."""

    family: str
    name: str
    data: bytes
    note: str = ""
    time_factor: float = 1.0
    max_pages: int | None = None
    apis: tuple[str, ...] = ("file", "bytes")


@dataclass
class Result:
    family: str
    case: str
    api: str
    outcome: str
    seconds: float
    peak_mib: float
    detail: str = ""
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- samples


def sample_files() -> list[Path]:
    """Our own sample documents, the seeds of the mutation families."""
    found: list[Path] = []
    for folder in SAMPLE_DIRS:
        for path in sorted(folder.iterdir()):
            if path.suffix in SAMPLE_SUFFIXES and ".expected" not in path.name:
                if path.name in ("not_a_pdf.pdf", "corrupt.pdf", "empty.pdf"):
                    continue
                found.append(path)
    return found


def truncations(rng: random.Random, samples: list[Path], per_file: int) -> Iterator[Case]:
    for path in samples:
        data = path.read_bytes()
        offsets = {1, 7, len(data) - 1}
        while len(offsets) < per_file + 3:
            offsets.add(rng.randrange(1, max(2, len(data))))
        for offset in sorted(offsets)[: per_file + 3]:
            yield Case("truncate", f"{path.stem}.cut{offset}{path.suffix}", data[:offset])


def byte_flips(rng: random.Random, samples: list[Path], per_file: int) -> Iterator[Case]:
    for path in samples:
        data = path.read_bytes()
        for round_ in range(per_file):
            mutated = bytearray(data)
            flips = rng.choice((1, 4, 32, 256))
            for _ in range(flips):
                where = rng.randrange(len(mutated))
                mutated[where] ^= 1 << rng.randrange(8)
            yield Case("byteflip", f"{path.stem}.flip{round_}x{flips}{path.suffix}", bytes(mutated))


def wrong_extensions(rng: random.Random, samples: list[Path]) -> Iterator[Case]:
    suffixes = (".pdf", ".docx", ".xlsx", ".eml", ".msg", ".txt", ".md", ".doc", ".png", "")
    for path in samples:
        others = [suffix for suffix in suffixes if suffix != path.suffix]
        for suffix in rng.sample(others, 2):
            yield Case("wrong_ext", f"{path.stem}.as{suffix or '_none'}", path.read_bytes())


# ---------------------------------------------------------------- DOCX


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/numbering" Target="numbering.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>'
)
_STYLES = f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{_W}"/>'


def docx_body(inner: str, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{_W}"><w:body>{inner}</w:body></w:document>'
    )


def paragraph(text: str, props: str = "") -> str:
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


GOOD_BODY = docx_body(
    paragraph("1. Scope")
    + paragraph("The Supplier shall deliver 500 housings by 30 June 2025.")
    + paragraph("The Buyer shall pay within 30 days of the invoice.")
)


def numbering(fmt: str, start: int) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{_W}">'
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def docx_package(
    parts: dict[str, bytes | str] | None = None,
    *,
    drop: tuple[str, ...] = (),
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A DOCX built member by member, so any member can be missing, broken or huge."""
    members: dict[str, bytes | str] = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "word/_rels/document.xml.rels": _DOC_RELS,
        "word/document.xml": GOOD_BODY,
        "word/styles.xml": _STYLES,
        "word/numbering.xml": numbering("decimal", 1),
    }
    members.update(parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, content in members.items():
            if name in drop:
                continue
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return out.getvalue()


def stored_bomb_member(size: int) -> bytes:
    """``size`` bytes of a repeated paragraph, the kind of member a ZIP bomb inflates to."""
    unit = paragraph("The Supplier shall deliver the goods.").encode()
    head = docx_body("").encode().split(b"</w:body>")[0]
    tail = b"</w:body></w:document>"
    return head + unit * ((size - len(head) - len(tail)) // len(unit)) + tail


def docx_cases() -> Iterator[Case]:
    yield Case("docx", "good.docx", docx_package(), "control: a valid minimal DOCX")
    for member in (
        "word/document.xml",
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/numbering.xml",
    ):
        safe = member.replace("/", "_").replace("[", "").replace("]", "")
        yield Case("docx", f"missing_{safe}.docx", docx_package(drop=(member,)), f"no {member}")
    yield Case(
        "docx",
        "document_not_xml.docx",
        docx_package({"word/document.xml": b"\x00\x01 not xml at all"}),
    )
    yield Case(
        "docx", "document_unclosed.docx", docx_package({"word/document.xml": GOOD_BODY[:-40]})
    )
    yield Case(
        "docx",
        "document_wrong_root.docx",
        docx_package({"word/document.xml": '<?xml version="1.0"?><html><body/></html>'}),
    )
    yield Case(
        "docx",
        "styles_garbage.docx",
        docx_package({"word/styles.xml": b"<w:styles><<<"}),
    )
    # decompression bombs: a member that inflates to far more than the whole file
    bomb = stored_bomb_member(400 * MiB)
    yield Case(
        "docx",
        "document_bomb_400mb.docx",
        docx_package({"word/document.xml": bomb}),
        "word/document.xml inflates to 400 MB",
        time_factor=2,
    )
    zeros = b"\x00" * (300 * MiB)
    yield Case(
        "docx",
        "extra_member_bomb.docx",
        docx_package({"word/media/zeros.bin": zeros}),
        "an unused member that inflates to 300 MB",
    )
    yield Case(
        "docx",
        "huge_document_10mb.docx",
        docx_package({"word/document.xml": stored_bomb_member(10 * MiB)}),
        "a legitimately large body: 10 MB of paragraphs",
        time_factor=4,
    )
    laughs = (
        '<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
            for i in range(1, 10)
        )
        + "]>"
    )
    yield Case(
        "docx",
        "billion_laughs.docx",
        docx_package({"word/document.xml": docx_body(paragraph("&lol9;"), prolog=laughs)}),
        "entity expansion in document.xml",
    )
    xxe = '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    yield Case(
        "docx",
        "external_entity.docx",
        docx_package({"word/document.xml": docx_body(paragraph("Ship to &xxe; now."), prolog=xxe)}),
        "external entity to /etc/passwd",
    )
    yield Case(
        "docx",
        "external_entity_core.docx",
        docx_package(
            {
                "docProps/core.xml": '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM '
                '"file:///etc/passwd">]><cp:coreProperties xmlns:cp="http://schemas.'
                'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc='
                '"http://purl.org/dc/elements/1.1/"><dc:title>&x;</dc:title></cp:coreProperties>'
            }
        ),
    )
    numbered = docx_body(
        "".join(
            paragraph(
                f"Item {i} shall be delivered.",
                '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>',
            )
            for i in range(5)
        )
    )
    for fmt, start in (
        ("lowerLetter", 2_000_000_000),
        ("upperLetter", 50_000_000),
        ("lowerRoman", -5),
        ("decimalZero", 10**15),
    ):
        yield Case(
            "docx",
            f"numbering_{fmt}_{start}.docx",
            docx_package(
                {"word/document.xml": numbered, "word/numbering.xml": numbering(fmt, start)}
            ),
            f"list numbering starts at {start} in {fmt}",
        )
    span_table = docx_body(
        '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="200000000"/></w:tcPr>'
        + paragraph("Part")
        + "</w:tc><w:tc>"
        + paragraph("Qty")
        + "</w:tc></w:tr><w:tr><w:tc>"
        + paragraph("Housing")
        + "</w:tc><w:tc>"
        + paragraph("500")
        + "</w:tc></w:tr></w:tbl>"
    )
    yield Case(
        "docx",
        "table_gridspan_huge.docx",
        docx_package({"word/document.xml": span_table}),
        "a cell spanning 200 million grid columns",
    )
    deep = 240
    nested = docx_body(
        "<w:sdt><w:sdtContent>" * deep + paragraph("Deep.") + "</w:sdtContent></w:sdt>" * deep
    )
    yield Case("docx", "nested_sdt.docx", docx_package({"word/document.xml": nested}))
    very_deep = 5000
    nested_run = docx_body(
        "<w:p>"
        + "<w:hyperlink>" * very_deep
        + "<w:r><w:t>x</w:t></w:r>"
        + "</w:hyperlink>" * very_deep
        + "</w:p>"
    )
    yield Case("docx", "nested_5000.docx", docx_package({"word/document.xml": nested_run}))
    members: dict[str, bytes | str] = {f"word/media/image{i}.png": b"\x89PNG" for i in range(20000)}
    members["word/document.xml"] = docx_body(paragraph("The Supplier shall comply."))
    yield Case("docx", "twenty_thousand_members.docx", docx_package(members))
    yield Case(
        "docx",
        "stored_not_deflated.docx",
        docx_package(compression=zipfile.ZIP_STORED),
        "control: stored members",
    )
    good = docx_package()
    yield Case("docx", "bad_crc.docx", _corrupt_crc(good), "CRC of document.xml wrong")
    yield Case(
        "docx",
        "encrypted_member.docx",
        _set_encrypted_flag(good),
        "the encryption flag set on every member",
    )


def _corrupt_crc(data: bytes) -> bytes:
    """Flip a byte in the middle of the deflated document.xml, keeping the headers."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    mutated = bytearray(data)
    mutated[start + info.compress_size // 2] ^= 0xFF
    return bytes(mutated)


def _set_encrypted_flag(data: bytes) -> bytes:
    mutated = bytearray(data)
    for marker in (b"PK\x03\x04", b"PK\x01\x02"):
        start = 0
        while (found := mutated.find(marker, start)) >= 0:
            flag_at = found + (6 if marker == b"PK\x03\x04" else 8)
            mutated[flag_at] |= 1
            start = found + 4
    return bytes(mutated)


# ---------------------------------------------------------------- e-mail


def mail(headers: str, body: bytes | str) -> bytes:
    head = headers.strip("\n").replace("\n", "\r\n") + "\r\n\r\n"
    return head.encode("latin-1", "surrogateescape") + (
        body.encode() if isinstance(body, str) else body
    )


BASE_HEADERS = (
    "From: buyer@example.com\nTo: sales@example.com\nSubject: Order 4711\n"
    "Date: Mon, 3 Jun 2024 10:00:00 +0200\nMessage-ID: <1@example.com>\nMIME-Version: 1.0\n"
)
BODY = "The Supplier shall deliver 500 housings by 30 June.\r\nPlease confirm.\r\n"


def xlsx_workbook() -> bytes:
    """A small delivery schedule written by openpyxl, as a customer's export would be."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Schedule"
    sheet.append(["Part number", "Quantity", "Due date"])
    sheet.append(["HX-4711", 500, "2026-03-02"])
    sheet.append(["All parts shall be delivered with a 3.1 certificate to EN 10204."])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xlsx_package(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def xlsx_cases(rng: random.Random) -> Iterator[Case]:
    good = xlsx_workbook()
    members = xlsx_members(good)
    yield Case("xlsx", "good.xlsx", good, "control: a valid workbook")
    for member in sorted(members):
        safe = member.replace("/", "_").replace("[", "").replace("]", "")
        rest = {name: content for name, content in members.items() if name != member}
        yield Case("xlsx", f"missing_{safe}.xlsx", xlsx_package(rest), f"no {member}")
    for member in ("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"):
        safe = member.replace("/", "_")
        content = members[member]
        for how, broken in (
            ("garbage", b"\x00\x01 not xml at all"),
            ("cut", content[: len(content) // 2]),
            (
                "flipped",
                bytes(b ^ (1 << rng.randrange(8)) if rng.random() < 0.02 else b for b in content),
            ),
        ):
            yield Case("xlsx", f"{how}_{safe}.xlsx", xlsx_package({**members, member: broken}))
    sheet = members["xl/worksheets/sheet1.xml"]
    huge_dimension = sheet.replace(b'<dimension ref="A1:C3"/>', b'<dimension ref="A1:XFD1048576"/>')
    yield Case(
        "xlsx",
        "huge_dimension.xlsx",
        xlsx_package({**members, "xl/worksheets/sheet1.xml": huge_dimension}),
        "a stated size of the whole grid",
    )
    row = (
        b'<row r="{n}"><c r="A{n}" t="inlineStr">'
        b"<is><t>The Supplier shall deliver.</t></is></c></row>"
    )
    many = b"".join(row.replace(b"{n}", str(n).encode()) for n in range(4, 200_000))
    yield Case(
        "xlsx",
        "two_hundred_thousand_rows.xlsx",
        xlsx_package(
            {
                **members,
                "xl/worksheets/sheet1.xml": sheet.replace(b"</sheetData>", many + b"</sheetData>"),
            }
        ),
        "a data dump, not correspondence",
    )
    yield Case(
        "xlsx",
        "bomb.xlsx",
        xlsx_package({**members, "xl/worksheets/sheet2.xml": b" " * (400 * MiB)}),
        "a member inflating to 400 MiB",
    )


def email_cases(rng: random.Random) -> Iterator[Case]:
    yield Case("email", "control.eml", mail(BASE_HEADERS, BODY), "control")
    for charset in ("x-bogus-charset", "utf-7", "utf-16", "idna", "base64", "rot13", "zlib", '"'):
        yield Case(
            "email",
            f"charset_{charset.strip(chr(34)) or 'quote'}.eml",
            mail(BASE_HEADERS + f"Content-Type: text/plain; charset={charset}\n", BODY),
            f"charset {charset}",
        )
    yield Case(
        "email",
        "header_bogus_encoded_word.eml",
        mail(
            BASE_HEADERS.replace(
                "Subject: Order 4711", "Subject: =?x-bogus?Q?Bad=FF?= =?utf-8?B?%%%?="
            )
            + "Content-Type: text/plain\n",
            BODY,
        ),
    )
    yield Case(
        "email",
        "broken_base64.eml",
        mail(
            BASE_HEADERS
            + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n",
            b"VGhlIFN1cHBsaWVyIHNoYWxs!!!@@@ZGVsaXZlcg=\r\n====\r\n",
        ),
    )
    yield Case(
        "email",
        "broken_quoted_printable.eml",
        mail(
            BASE_HEADERS
            + "Content-Type: text/plain; charset=utf-8\n"
            + "Content-Transfer-Encoding: quoted-printable\n",
            b"The Supplier =ZZ shall =\r\n=\r\ndeliver =C3=\r\n=E2=80 500 =",
        ),
    )
    yield Case(
        "email",
        "unknown_transfer_encoding.eml",
        mail(BASE_HEADERS + "Content-Transfer-Encoding: x-uuencode-ish\n", BODY),
    )
    for depth in (50, 400, 3000):
        yield Case(
            "email", f"nested_multipart_{depth}.eml", nested_multipart(depth), f"{depth} levels"
        )
    yield Case("email", "nested_rfc822_20.eml", nested_rfc822(20), "20 messages inside each other")
    yield Case(
        "email",
        "huge_subject_10mb.eml",
        mail(BASE_HEADERS.replace("Order 4711", "shall deliver " * (10 * MiB // 14)), BODY),
        "a 10 MB Subject header",
        time_factor=3,
    )
    yield Case(
        "email",
        "many_headers.eml",
        mail(BASE_HEADERS + "".join(f"X-H{i}: v{i}\n" for i in range(100_000)), BODY),
        "100,000 header lines",
    )
    yield Case(
        "email",
        "folded_header_endless.eml",
        mail(BASE_HEADERS + "X-Long: a\n" + " b\n" * 200_000, BODY),
    )
    for name in (
        "../../x.txt",
        "/etc/passwd",
        "..\\..\\x.txt",
        "\x1b[31mred.txt",
        "a" * 5000 + ".txt",
        "#frag#.txt",
        "x\x00y.txt",
    ):
        yield Case(
            "email",
            f"attachment_name_{rng.randrange(10**6)}.eml",
            attachment_mail(name, b"The Supplier shall keep records for ten years.\n"),
            f"attachment named {name[:40]!r}",
        )
    yield Case(
        "email",
        "attachment_rfc2231_bad.eml",
        mail(
            BASE_HEADERS + 'Content-Type: multipart/mixed; boundary="b"\n',
            "--b\r\nContent-Type: text/plain\r\n\r\nHello.\r\n--b\r\n"
            "Content-Type: text/plain\r\n"
            "Content-Disposition: attachment; filename*=bogus''%ZZ%FF\r\n"
            "\r\nThe Supplier shall comply.\r\n--b--\r\n",
        ),
    )
    yield Case(
        "email",
        "non_utf8_headers_and_body.eml",
        mail(
            BASE_HEADERS.replace("Order 4711", "Bestellung f\udcfcr Gr\udcf6\udcdfe \udcff\udcfe")
            + "Content-Type: text/plain\n",
            b"Der Lieferant liefert \xfc\xf6\xe4 \xff\xfe\x80\x81 bis Juni.\r\n",
        ),
        "raw 8-bit bytes in headers and body",
    )
    yield Case(
        "email",
        "non_utf8_from_name.eml",
        mail(
            BASE_HEADERS.replace(
                "From: buyer@example.com", "From: J\udce4rg M\udcfcller <j@example.com>"
            )
            + "Content-Type: text/plain; charset=utf-8\n",
            BODY,
        ),
    )
    yield Case(
        "email",
        "unterminated_multipart.eml",
        mail(
            BASE_HEADERS + 'Content-Type: multipart/mixed; boundary="zz"\n',
            "--zz\r\nContent-Type: text/plain\r\n\r\nThe Supplier shall deliver.\r\n"
            "--zz\r\nContent-Type: appl",
        ),
    )
    yield Case(
        "email",
        "multipart_no_boundary.eml",
        mail(BASE_HEADERS + "Content-Type: multipart/mixed\n", BODY),
    )
    yield Case(
        "email",
        "many_attachments.eml",
        many_attachments(2000),
        "2,000 small text attachments",
        time_factor=3,
    )
    yield Case(
        "email",
        "html_deep_nesting.eml",
        mail(
            BASE_HEADERS + "Content-Type: text/html; charset=utf-8\n",
            "<div>" * 100_000 + "The Supplier shall deliver." + "</div>" * 100_000,
        ),
    )
    yield Case(
        "email",
        "headers_only.eml",
        mail(BASE_HEADERS.replace("Subject: Order 4711\n", ""), ""),
        "no subject and no body",
    )
    yield Case(
        "email",
        "attachment_bad_base64_pdf.eml",
        attachment_mail("order.pdf", b"%PDF-1.4 garbage", transfer="base64", corrupt=True),
    )


def nested_multipart(depth: int) -> bytes:
    parts = []
    for level in range(depth):
        parts.append(
            f'--b{level}\r\nContent-Type: multipart/mixed; boundary="b{level + 1}"\r\n\r\n'
        )
    middle = (
        f"--b{depth}\r\nContent-Type: text/plain\r\n\r\n"
        f"The Supplier shall deliver.\r\n--b{depth}--\r\n"
    )
    closing = "".join(f"--b{level}--\r\n" for level in reversed(range(depth)))
    return mail(
        BASE_HEADERS + 'Content-Type: multipart/mixed; boundary="b0"\n',
        "".join(parts) + middle + closing,
    )


def nested_rfc822(depth: int) -> bytes:
    inner = mail(BASE_HEADERS + "Content-Type: text/plain\n", BODY)
    for _ in range(depth):
        inner = mail(
            BASE_HEADERS + 'Content-Type: multipart/mixed; boundary="m"\n',
            b"--m\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--m\r\n"
            b"Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n"
            + inner
            + b"\r\n--m--\r\n",
        )
    return inner


def attachment_mail(
    name: str, content: bytes, *, transfer: str = "base64", corrupt: bool = False
) -> bytes:
    encoded = base64.b64encode(content)
    if corrupt:
        encoded = encoded[: len(encoded) // 2] + b"!!**" + encoded[len(encoded) // 2 :]
    header_name = name.replace('"', "")
    return mail(
        BASE_HEADERS + 'Content-Type: multipart/mixed; boundary="b"\n',
        b"--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--b\r\n"
        + (
            f'Content-Type: application/octet-stream; name="{header_name}"\r\n'
            f'Content-Disposition: attachment; filename="{header_name}"\r\n'
            f"Content-Transfer-Encoding: {transfer}\r\n\r\n"
        ).encode("utf-8", "surrogateescape")
        + encoded
        + b"\r\n--b--\r\n",
    )


def many_attachments(count: int) -> bytes:
    parts = [b"--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"]
    for index in range(count):
        parts.append(
            f"--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; "
            f'filename="a{index}.txt"\r\n\r\nThe Supplier shall deliver part {index}.\r\n'.encode()
        )
    parts.append(b"--b--\r\n")
    return mail(BASE_HEADERS + 'Content-Type: multipart/mixed; boundary="b"\n', b"".join(parts))


# ---------------------------------------------------------------- text


def text_cases() -> Iterator[Case]:
    sentence = "The Supplier shall deliver 500 housings by 30 June 2025. "
    yield Case("text", "control.txt", (sentence * 5).encode(), "control")
    yield Case("text", "nul_bytes.txt", (sentence + "\x00" + sentence).encode(), "one NUL byte")
    yield Case("text", "nul_everywhere.txt", ("\x00".join(sentence * 3)).encode())
    yield Case(
        "text",
        "nul_after_64k.txt",
        (sentence * 2000).encode() + b"\x00\x00\x00" + sentence.encode(),
        "NUL bytes past the sniffing window",
    )
    lone = b"\xff\xfe" + sentence.encode("utf-16-le") + b"\x00\xd8" + b"A\x00" + b"\x00\xdc"
    yield Case("text", "utf16_lone_surrogates.txt", lone, "UTF-16 with lone surrogates")
    yield Case(
        "text",
        "utf16_odd_length.txt",
        b"\xff\xfe" + sentence.encode("utf-16-le") + b"\x41",
    )
    yield Case(
        "text",
        "utf16_no_bom.txt",
        sentence.encode("utf-16-le"),
        "UTF-16 without its byte-order mark",
    )
    yield Case(
        "text",
        "utf8_encoded_surrogates.txt",
        sentence.encode() + b"\xed\xa0\x80\xed\xb0\x80 " + sentence.encode(),
        "CESU-style surrogates in UTF-8",
    )
    yield Case(
        "text",
        "single_line_50mb.txt",
        ("The Supplier shall deliver housings " * (50 * MiB // 36)).encode(),
        "a single 50 MB line without a full stop",
        time_factor=4,
    )
    yield Case(
        "text",
        "one_word_20mb.txt",
        b"a" * (20 * MiB),
        "one 20 MB word",
        time_factor=4,
    )
    yield Case(
        "text",
        "ansi_escapes.txt",
        ("\x1b[31m" + sentence + "\x1b[0m\x1b]0;pwned\x07\x1b[2J" + sentence).encode(),
        "ANSI colour, title and clear-screen sequences",
    )
    yield Case(
        "text",
        "control_characters.txt",
        ("".join(chr(c) for c in range(1, 32)) + sentence + "\x7f\x85\x9b" + sentence).encode(),
    )
    yield Case(
        "text",
        "bidi_overrides.txt",
        (
            sentence + "\u202eThe Buyer shall pay\u202c \u2066x\u2069 \u200f\u061c" + sentence
        ).encode(),
        "right-to-left overrides and isolates",
    )
    yield Case(
        "text",
        "million_newlines.txt",
        b"\n" * 1_000_000 + sentence.encode() + b"\n" * 1_000_000,
        time_factor=2,
    )
    yield Case(
        "text",
        "million_lines.txt",
        ("Supplier shall ship.\n" * 1_000_000).encode(),
        "one million short statements",
        time_factor=4,
    )
    yield Case("text", "only_newlines.txt", b"\r\n" * 100_000, "white space only")
    yield Case("text", "form_feeds.txt", (sentence + "\f").encode() * 10_000)
    yield Case(
        "text",
        "deep_numbering.txt",
        ("1." * 3000 + " The Supplier shall deliver.\n").encode(),
    )
    yield Case(
        "text",
        "nested_lists.txt",
        "".join(" " * i + f"- item {i} shall be done\n" for i in range(5000)).encode(),
    )
    yield Case(
        "text",
        "pathological_regex.txt",
        (
            "On "
            + "x " * 5000
            + "\n"
            + "(" * 5000
            + "a"
            + ")" * 5000
            + "\n"
            + "1.1." * 2000
            + "\n"
            + "e.g. " * 20000
            + "\n"
            + "ISO "
            + "9001-" * 5000
            + "\n"
            + "§ " * 20000
            + "\n"
            + "within "
            + "30 " * 20000
            + "days\n"
            + ("shall " * 20000)
            + "\n"
        ).encode(),
        "inputs meant to make the segmenter's and annotator's regular expressions backtrack",
        time_factor=2,
    )
    yield Case(
        "text",
        "markdown_table_huge.txt",
        ("| a | b |\n|---|---|\n" + "| The Supplier shall | deliver |\n" * 100_000).encode(),
        time_factor=2,
    )
    yield Case(
        "text",
        "cp1252_undefined.txt",
        sentence.encode() + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) + sentence.encode(),
        "bytes Windows-1252 does not define",
    )
    yield Case(
        "text",
        "mislabelled_mail_like.txt",
        b"From: a\nTo: b\nReceived: x\n\n" + sentence.encode(),
        "text that only looks like an e-mail",
    )
    yield Case(
        "text",
        "rtf_named_txt.txt",
        b"{\\rtf1\\ansi The Supplier shall deliver.}",
    )
    yield Case("text", "zero_width.txt", ("\u200b" * 100_000 + sentence).encode())
    yield Case("text", "combining_marks.txt", ("a" + "\u0301" * 100_000 + " " + sentence).encode())


# ---------------------------------------------------------------- PDF


def pdf_file(
    objects: list[bytes], *, root: int = 1, xref: str = "good", trailer: str = ""
) -> bytes:
    """A PDF from numbered objects (1-based), with a correct, broken or missing xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    start = len(out)
    if xref != "none":
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        for offset in offsets:
            if xref == "shifted":
                offset += 37
            elif xref == "garbage":
                offset = 99_999_999
            out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R {trailer}>>\n".encode()
    out += f"startxref\n{start if xref != 'startxref' else 123456789}\n%%EOF\n".encode()
    return bytes(out)


def stream(content: bytes, extra: str = "", *, length: int | None = None) -> bytes:
    size = len(content) if length is None else length
    return f"<< /Length {size} {extra}>>\nstream\n".encode() + content + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
TEXT = (
    b"BT /F1 11 Tf 72 720 Td (1. The Supplier shall deliver 500 housings by 30 June 2025.) Tj "
    b"0 -16 Td (2. The Buyer shall pay within 30 days.) Tj ET"
)


def simple_pdf(
    content: bytes = TEXT,
    *,
    media_box: str = "[0 0 612 792]",
    font: bytes = FONT,
    xref: str = "good",
    page_extra: str = "",
) -> bytes:
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            f"<< /Type /Page /Parent 2 0 R /MediaBox {media_box} /Contents 4 0 R "
            f"/Resources << /Font << /F1 5 0 R >> >> {page_extra}>>".encode(),
            stream(content),
            font,
        ],
        xref=xref,
    )


def many_pages_pdf(count: int) -> bytes:
    """``count`` pages sharing one content stream: a long PDF that is small on disk."""
    kids = " ".join(f"{5 + i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        stream(b"BT /F1 11 Tf 72 720 Td (The Supplier shall deliver the goods.) Tj ET"),
        FONT,
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
        b"/Resources << /Font << /F1 4 0 R >> >> >>"
    ] * count
    return pdf_file(objects)


def pdf_cases() -> Iterator[Case]:
    yield Case("pdf", "control.pdf", simple_pdf(), "control: a valid hand-made PDF")
    for kind in ("shifted", "garbage", "none", "startxref"):
        yield Case("pdf", f"xref_{kind}.pdf", simple_pdf(xref=kind), f"xref table {kind}")
    yield Case(
        "pdf",
        "xref_stream_to_nowhere.pdf",
        pdf_file(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 40 0 R >>",
                stream(b"garbage", "/Type /ObjStm /N 5 /First 999"),
            ]
        ),
        "contents in an object that does not exist, an object stream pointing nowhere",
    )
    yield Case(
        "pdf",
        "object_stream_bad_offsets.pdf",
        pdf_file(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
                b"/Resources << /Font << /F1 6 0 R >> >> >>",
                stream(b"7 0 8 99999 9 -4 <<", "/Type /ObjStm /N 3 /First 14"),
                stream(TEXT),
                b"7 0 R",
            ]
        ),
    )
    yield Case(
        "pdf",
        "page_tree_loop.pdf",
        pdf_file(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>",
            ]
        ),
        "a page tree whose Kids point back to itself",
    )
    yield Case(
        "pdf",
        "page_tree_deep.pdf",
        deep_page_tree(3000),
        "a page tree 3,000 levels deep",
    )
    yield Case(
        "pdf",
        "zero_pages.pdf",
        pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]),
    )
    yield Case(
        "pdf",
        "no_page_tree.pdf",
        pdf_file([b"<< /Type /Catalog >>"]),
    )
    yield Case("pdf", "catalog_not_dict.pdf", pdf_file([b"[1 2 3]"]))
    yield Case(
        "pdf",
        "pages_10000.pdf",
        many_pages_pdf(10_000),
        "10,000 pages made by our own writer",
        time_factor=6,
    )
    yield Case(
        "pdf",
        "pages_10000_limited.pdf",
        many_pages_pdf(10_000),
        "the same with max_pages=500 (extract_file only)",
        max_pages=500,
        apis=("file",),
    )
    for label, box in (
        ("zero", "[0 0 0 0]"),
        ("negative", "[0 0 -612 -792]"),
        ("inverted", "[612 792 0 0]"),
        ("enormous", "[0 0 14400000 14400000]"),
        ("nan", "[0 0 nan inf]"),
        ("strings", "[(a) (b) (c) (d)]"),
        ("short", "[0 0]"),
        ("huge_numbers", "[0 0 1e308 1e308]"),
    ):
        yield Case("pdf", f"mediabox_{label}.pdf", simple_pdf(media_box=box), f"MediaBox {box}")
    yield Case("pdf", "mediabox_missing.pdf", simple_pdf(media_box="null"))
    yield Case(
        "pdf",
        "font_bad_encoding.pdf",
        simple_pdf(
            font=b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /NoSuchEncoding >>"
        ),
    )
    yield Case(
        "pdf",
        "font_bad_differences.pdf",
        simple_pdf(
            font=b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
            b"/Encoding << /Type /Encoding "
            b"/Differences [ 32 /space /nosuchglyph -5 /A 99999999 /B (x) 1e9 ] >> >>"
        ),
    )
    yield Case(
        "pdf",
        "font_type0_no_descendants.pdf",
        simple_pdf(
            font=b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H "
            b"/DescendantFonts [] >>"
        ),
    )
    yield Case(
        "pdf",
        "font_tounicode_garbage.pdf",
        pdf_file(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                stream(TEXT),
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
                stream(
                    b"begincmap 1 begincodespacerange <00> <FFFFFFFFFF> endcodespacerange "
                    b"2 beginbfrange <00> <FF> <D800> <20> <10> [<DFFF> <FFFF>] endbfrange "
                    b"1 beginbfchar <41> <0000> endbfchar endcmap"
                ),
            ]
        ),
        "a ToUnicode CMap mapping to lone surrogates and NUL",
    )
    yield Case(
        "pdf", "font_missing.pdf", simple_pdf(font=b"null"), "Tf names a font that is not there"
    )
    yield Case(
        "pdf",
        "content_operator_junk.pdf",
        simple_pdf(
            b"BT /F1 1e308 Tf 1e308 -1e308 Td (overflow) Tj 0 0 0 0 0 0 Tm (singular) Tj "
            b"/F1 -0 Tf (zero) Tj 5 Tz 99999 TL T* (scaled) ' [(a) -1e300 (b)] TJ ET "
            + b"q " * 10_000
            + b"Q " * 5
            + b"BT (no font) Tj ET BI /W 10 /H 10 ID \x00\x01 EI Do sh 1 2 3"
        ),
    )
    yield Case(
        "pdf",
        "form_xobject_recursion.pdf",
        pdf_file(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /XObject << /X1 5 0 R >> /Font << /F1 6 0 R >> >> >>",
                stream(TEXT + b" /X1 Do"),
                stream(
                    b"/X1 Do BT /F1 9 Tf 0 0 Td (form) Tj ET",
                    "/Type /XObject /Subtype /Form /BBox [0 0 100 100] "
                    "/Resources << /XObject << /X1 5 0 R >> /Font << /F1 6 0 R >> >>",
                ),
                FONT,
            ]
        ),
        "a form XObject that draws itself",
    )
    yield Case(
        "pdf",
        "flate_bomb_content.pdf",
        pdf_file(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                stream(zlib.compress(TEXT + b" " * (300 * MiB), 9), "/Filter /FlateDecode"),
                FONT,
            ]
        ),
        "a content stream that inflates to 300 MB of spaces",
        time_factor=2,
    )
    yield Case(
        "pdf",
        "flate_broken.pdf",
        pdf_file(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                stream(zlib.compress(TEXT)[:20] + b"\x00garbage", "/Filter /FlateDecode"),
                FONT,
            ]
        ),
    )
    yield Case(
        "pdf",
        "stream_length_wrong.pdf",
        pdf_file(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                stream(TEXT, length=99_999_999),
                FONT,
            ]
        ),
    )
    yield Case(
        "pdf",
        "unknown_filter.pdf",
        pdf_file(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                stream(TEXT, "/Filter [/JBIG2Decode /NoSuchDecode /LZWDecode]"),
                FONT,
            ]
        ),
    )
    yield Case(
        "pdf",
        "encrypt_bogus.pdf",
        pdf_file(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                stream(TEXT),
                b"<< /Filter /NoSuchHandler /V 9 /R 9 /O (x) /U (y) /P -1 >>",
            ],
            trailer="/Encrypt 5 0 R /ID [<00> <00>]",
        ),
    )
    yield Case(
        "pdf",
        "encrypt_standard_junk.pdf",
        pdf_file(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                stream(TEXT),
                b"<< /Filter /Standard /V 2 /R 3 /Length 128 /O (short) /U (short) /P -44 >>",
            ],
            trailer="/Encrypt 5 0 R",
        ),
    )
    yield Case(
        "pdf",
        "header_only.pdf",
        b"%PDF-1.7\n",
    )
    yield Case(
        "pdf",
        "pdf_header_in_text.txt",
        b"Notes on the %PDF- format: the Supplier shall deliver PDFs.\n",
        "a text file that mentions %PDF- in its first KB",
    )
    yield Case(
        "pdf",
        "huge_object_number.pdf",
        pdf_file(
            [
                b"<< /Type /Catalog /Pages 99999999999 0 R >>",
            ]
        ),
    )
    yield Case(
        "pdf",
        "deep_array.pdf",
        simple_pdf(page_extra="/Junk " + "[" * 100_000 + "]" * 100_000),
        "an array nested 100,000 deep",
    )
    yield Case(
        "pdf",
        "deep_dict.pdf",
        simple_pdf(page_extra="/Junk " + "<< /A " * 20_000 + ">> " * 20_000),
    )
    yield Case(
        "pdf",
        "many_words_one_page.pdf",
        simple_pdf(
            b"BT /F1 1 Tf "
            + b"".join(b"%d %d Td (w) Tj " % (i % 3, -(i % 2)) for i in range(150_000))
            + b"ET"
        ),
        "150,000 tiny words on one page",
        time_factor=3,
    )
    yield Case(
        "pdf",
        "many_rules_one_page.pdf",
        simple_pdf(
            TEXT
            + b" "
            + b"".join(
                b"%d 0 m %d 792 l S 0 %d m 612 %d l S " % (i, i, i, i) for i in range(0, 2000, 2)
            )
        ),
        "a grid of 2,000 ruling lines (the table finder)",
        time_factor=3,
    )


def deep_page_tree(depth: int) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        parent = f"/Parent {number - 1} 0 R" if level else ""
        objects.append(f"<< /Type /Pages /Kids [{number + 1} 0 R] /Count 1 {parent} >>".encode())
    page = 2 + depth
    objects.append(
        f"<< /Type /Page /Parent {page - 1} 0 R /MediaBox [0 0 612 792] /Contents {page + 1} 0 R "
        f"/Resources << /Font << /F1 {page + 2} 0 R >> >> >>".encode()
    )
    objects.append(stream(TEXT))
    objects.append(FONT)
    return pdf_file(objects)


# ---------------------------------------------------------------- running


def all_cases(seed: int, per_file: int, families: set[str] | None) -> list[Case]:
    rng = random.Random(seed)
    samples = sample_files()
    generators: dict[str, Callable[[], Iterator[Case]]] = {
        "truncate": lambda: truncations(rng, samples, per_file),
        "byteflip": lambda: byte_flips(rng, samples, per_file),
        "wrong_ext": lambda: wrong_extensions(rng, samples),
        "docx": docx_cases,
        "xlsx": lambda: xlsx_cases(rng),
        "email": lambda: email_cases(rng),
        "text": text_cases,
        "pdf": pdf_cases,
    }
    cases: list[Case] = []
    for family, generate in generators.items():
        if families is None or family in families:
            cases.extend(generate())
    return cases


def _run_in_child(case: Case, api: str, folder: str, classifier: Any) -> dict[str, Any]:
    """What the child does: extract, serialise the records, describe what happened."""
    from extractor.errors import DocumentError
    from extractor.pipeline import extract_bytes, extract_file
    from extractor.records import to_record, write_csv, write_jsonl

    name = os.path.join(folder, case.name) if api == "file" else f"upload/{case.name}"
    try:
        if api == "file":
            with open(name, "wb") as handle:
                handle.write(case.data)
            extractions = extract_file(name, classifier=classifier, max_pages=case.max_pages)
        else:
            extractions = extract_bytes(case.data, name, classifier=classifier, reader="fast")
        records = [
            to_record(item)
            for extraction in extractions
            for item in (extraction.classified or extraction.statements)
        ]
        # what `reqx extract` and `reqx batch` do with them: UTF-8 JSON lines and CSV
        buffer = io.StringIO()
        write_jsonl(records, buffer)
        write_csv(records, buffer)
        buffer.getvalue().encode("utf-8")
        warnings = [w for extraction in extractions for w in extraction.document.warnings]
        for warning in warnings:
            warning.encode("utf-8")
        return {
            "outcome": "ok",
            "detail": f"{len(extractions)} document(s), {len(records)} statements"
            + (f"; warnings: {warnings[:3]}" if warnings else ""),
        }
    except DocumentError as error:
        return {"outcome": judge_error(error, name), "detail": f"{type(error).__name__}: {error}"}
    except MemoryError:
        return {"outcome": "memory", "detail": "MemoryError"}
    except BaseException as error:
        return {
            "outcome": "crash",
            "detail": f"{type(error).__name__}: {str(error)[:300]}",
            "traceback": "".join(traceback.format_exc(limit=-12))[-4000:],
        }


def judge_error(error: Any, name: str) -> str:
    """A clean error names the file and gives a reason a person can read."""
    message = str(error)
    reason = getattr(error, "reason", "")
    if name not in message or len(reason.strip()) < 8:
        return "unclear"
    if any(ord(char) < 32 or 0x7F <= ord(char) < 0xA0 for char in reason):
        return "unclear"
    try:
        message.encode("utf-8")
    except UnicodeEncodeError:
        return "unclear"
    return "clean"


def run_case(
    case: Case, api: str, classifier: Any, time_limit: float, memory_limit: float, base_rss: float
) -> Result:
    limit = time_limit * case.time_factor
    with tempfile.TemporaryDirectory(prefix="reqx-fuzz-") as folder:
        result_path = os.path.join(folder, "result.json")
        stack_path = os.path.join(folder, "stack.txt")
        started = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # the child
            code = 0
            try:
                import faulthandler

                with open(stack_path, "w") as stack_file:
                    faulthandler.dump_traceback_later(max(limit - 0.5, 0.5), file=stack_file)
                    cap = int(_vm_size() + 4 * 1024 * MiB)
                    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
                    os.mkdir(os.path.join(folder, "in"))
                    outcome = _run_in_child(case, api, os.path.join(folder, "in"), classifier)
                    faulthandler.cancel_dump_traceback_later()
                with open(result_path, "w") as handle:
                    json.dump(outcome, handle)
            except BaseException:
                code = 3
            finally:
                os._exit(code)
        status, usage = _wait(pid, started + limit)
        seconds = time.perf_counter() - started
        peak = usage.ru_maxrss / 1024 - base_rss if usage is not None else 0.0
        if status is None:
            stack = (
                Path(stack_path).read_text(errors="replace") if os.path.exists(stack_path) else ""
            )
            return Result(
                case.family,
                case.name,
                api,
                "hang",
                seconds,
                peak,
                f"over {limit:.0f} s",
                case.note,
                {"stack": stack[-4000:]},
            )
        if not os.path.exists(result_path):
            how = f"signal {-status}" if status < 0 else f"exit status {status}"
            return Result(
                case.family,
                case.name,
                api,
                "crash",
                seconds,
                peak,
                f"the child died ({how})",
                case.note,
            )
        outcome = json.loads(Path(result_path).read_text())
    verdict = outcome["outcome"]
    if verdict in ("ok", "clean", "unclear") and peak > memory_limit:
        verdict = "memory"
        outcome["detail"] = f"peak {peak:.0f} MiB over the start; " + outcome["detail"]
    extra = {"traceback": outcome["traceback"]} if "traceback" in outcome else {}
    return Result(
        case.family, case.name, api, verdict, seconds, peak, outcome["detail"], case.note, extra
    )


def _wait(pid: int, deadline: float) -> tuple[int | None, Any]:
    """(exit status, rusage) of the child, or (None, rusage) after killing it at the deadline."""
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
            return code, usage
        if time.perf_counter() > deadline:
            time.sleep(0.6)  # let faulthandler write the stack first
            os.kill(pid, signal.SIGKILL)
            _, _, usage = os.wait4(pid, 0)
            return None, usage
        time.sleep(0.01)


def _vm_size() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return float(line.split()[1]) * 1024
    return 0.0


def _rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return float(line.split()[1]) / 1024
    return 0.0


def print_table(results: list[Result], out: Any = sys.stdout) -> None:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for result in results:
        counts[result.family][result.outcome] += 1
        counts["all"][result.outcome] += 1
    out.write(f"| family | runs | {' | '.join(OUTCOMES)} |\n")
    out.write(f"|---|---|{'---|' * len(OUTCOMES)}\n")
    for family, counted in counts.items():
        cells = " | ".join(str(counted[outcome]) for outcome in OUTCOMES)
        out.write(f"| {family} | {sum(counted.values())} | {cells} |\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-file", type=int, default=2, help="mutations per sample file")
    parser.add_argument("--family", action="append", help="run only these families")
    parser.add_argument("--case", help="run only cases whose name contains this")
    parser.add_argument("--time-limit", type=float, default=20.0, help="seconds per run")
    parser.add_argument("--memory-limit", type=float, default=1024.0, help="MiB over the start")
    parser.add_argument("--no-classify", action="store_true")
    parser.add_argument("--out", type=Path, help="write one JSON line per run here")
    parser.add_argument("--save", type=Path, help="write every input into this folder")
    args = parser.parse_args()

    classifier = None
    if not args.no_classify:
        from extractor.classifying import load_default_classifier

        classifier = load_default_classifier()
    from extractor.nlp import get_nlp

    get_nlp()
    import extractor.annotating
    import extractor.reading.fast_pdf
    import extractor.reading.pdf
    import extractor.segmenting  # noqa: F401

    cases = all_cases(args.seed, args.per_file, set(args.family) if args.family else None)
    if args.case:
        cases = [case for case in cases if args.case in case.name]
    base_rss = _rss_mib()
    results: list[Result] = []
    out = args.out.open("w") if args.out else None
    started = time.perf_counter()
    for number, case in enumerate(cases, start=1):
        if args.save:
            folder = args.save / case.family
            folder.mkdir(parents=True, exist_ok=True)
            (folder / case.name).write_bytes(case.data)
        for api in case.apis:
            result = run_case(case, api, classifier, args.time_limit, args.memory_limit, base_rss)
            results.append(result)
            if out:
                out.write(json.dumps(result.__dict__) + "\n")
                out.flush()
            if result.outcome not in ("ok", "clean"):
                print(
                    f"[{number}/{len(cases)}] {result.outcome:7} {case.family}/{case.name} "
                    f"({api}, {result.seconds:.1f} s, {result.peak_mib:.0f} MiB): "
                    f"{result.detail[:300]}",
                    flush=True,
                )
    print(
        f"\n{len(cases)} cases, {len(results)} runs in {time.perf_counter() - started:.0f} s "
        f"(seed {args.seed})\n"
    )
    print_table(results)
    if out:
        out.close()


if __name__ == "__main__":
    main()
