"""The e-mail reader: headers, body regions, HTML bodies, charsets, attachments."""

from __future__ import annotations

import hashlib
import importlib.util
import time
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest

from extractor.errors import EmptyDocument
from extractor.reading import read_document, read_document_bytes
from extractor.reading.email import body_blocks, html_to_text
from extractor.segmenting import segment

from .conftest import DOCUMENTS, load_expected, summarise

EMAIL_DOCUMENTS = sorted((DOCUMENTS / "email").glob("*.eml"))
PDF_READER_PRESENT = importlib.util.find_spec("extractor.reading.pdf") is not None


def test_all_email_documents_are_present() -> None:
    names = {path.name for path in EMAIL_DOCUMENTS}
    assert {"thread_with_quoted_reply.eml", "html_only.eml", "latin1.eml"} <= names


@pytest.mark.parametrize("path", EMAIL_DOCUMENTS, ids=lambda path: path.name)
def test_email_documents_match_expected(path: Path) -> None:
    data = path.read_bytes()
    document = read_document(str(path))
    expected = load_expected(path)
    pdf_expected = expected.pop("pdf_attachment", None)
    actual = summarise(document)
    actual["attachments"] = [item for item in actual["attachments"] if item["kind"] != "pdf"]
    actual["warnings"] = [item for item in actual["warnings"] if ".pdf" not in item]
    assert actual == expected
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    if pdf_expected is not None:
        _check_pdf_attachment(document, pdf_expected)


def _check_pdf_attachment(document, expected: dict) -> None:  # type: ignore[no-untyped-def]
    name = expected["name"]
    if not PDF_READER_PRESENT:
        assert any(name.split("#")[1] in warning for warning in document.warnings)
        return
    (pdf,) = [item for item in document.attachments if item.kind == "pdf"]
    assert pdf.path.endswith(name)
    assert pdf.path.startswith(document.path + "#")
    text = " ".join(block.text for page in pdf.pages for block in page.blocks)
    for line in expected["contains"]:
        assert line in text


def _mail(body: str, **headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = headers.get("sender", "a@example.com")
    message["To"] = "b@example.com"
    message["Subject"] = headers.get("subject", "Order")
    message["Date"] = "Tue, 05 Mar 2024 10:00:00 +0100"
    message.set_content(body)
    return message


def test_outlook_style_quote_and_everything_below_is_quoted() -> None:
    body = (
        "Agreed, please go ahead.\n\n"
        "From: Tom Reed <tom@example.com>\n"
        "Sent: Monday, March 4, 2024 3:00 PM\n"
        "To: Anna Berg\n"
        "Subject: Order\n\n"
        "Shall we ship partial lots?\n"
    )
    kinds = [(block.kind, block.text) for block in body_blocks(body)]
    assert kinds == [
        ("paragraph", "Agreed, please go ahead."),
        (
            "heading",
            "Quoted mail from Tom Reed <tom@example.com>, sent Monday, March 4, 2024 3:00 PM",
        ),
        ("quoted", "Shall we ship partial lots?"),
    ]


def test_original_message_separator_starts_the_quote() -> None:
    blocks = body_blocks("Yes.\n\n-----Original Message-----\nFrom: x\n\nOld text\n")
    assert [(block.kind, block.text) for block in blocks] == [
        ("paragraph", "Yes."),
        ("heading", "Quoted mail from x"),
        ("quoted", "Old text"),
    ]


def test_each_quoted_mail_is_headed_by_its_sender_and_its_signature_dropped() -> None:
    """A forwarded chain: the header lines had been statements ("-----Ursprüngliche
    Nachricht----- Von: ... Gesendet: ..."), and the quoted signatures and legal
    footers too ("Please consider the environment before printing")."""
    body = (
        "FYI, see Katrin's change below.\n\n"
        "-----Ursprüngliche Nachricht-----\n"
        "Von: Katrin Vogel <katrin@nordwerk.example>\n"
        "Gesendet: Dienstag, 3. März 2026 09:12\n"
        "An: Tom Adair <tom@brightline.example>\n"
        "Betreff: Delivery\n\n"
        "Delivery is moved to week 14.\n\n"
        "Mit freundlichen Grüßen / Kind regards\n\n"
        "Katrin Vogel\nStrategic Purchasing | Nordwerk Pumpen GmbH\n\n"
        "Nordwerk Pumpen GmbH | Registered office: Kassel | Amtsgericht Kassel HRB 48812 | "
        "Managing directors: Dr. Henrike Lange, Paul Osterkamp\n\n"
        "Please consider the environment before printing this e-mail.\n\n"
        "From: Tom Adair <tom@brightline.example>\n"
        "Sent: Monday, 2 March 2026 17:05\n"
        "Subject: Delivery\n\n"
        "Can we deliver in week 12?\n"
    )
    kinds = [(block.kind, block.text) for block in body_blocks(body) if block.kind != "signature"]
    assert kinds == [
        ("paragraph", "FYI, see Katrin's change below."),
        (
            "heading",
            "Quoted mail from Katrin Vogel <katrin@nordwerk.example>, "
            "sent Dienstag, 3. März 2026 09:12",
        ),
        ("quoted", "Delivery is moved to week 14."),
        (
            "heading",
            "Quoted mail from Tom Adair <tom@brightline.example>, sent Monday, 2 March 2026 17:05",
        ),
        ("quoted", "Can we deliver in week 12?"),
    ]


def test_a_bilingual_sign_off_and_a_company_footer_end_the_mail() -> None:
    body = (
        "We accept payment 45 days net.\n\n"
        "Mit freundlichen Grüßen / Kind regards\n\n"
        "Katrin Vogel\nStrategic Purchasing | Nordwerk Pumpen GmbH\n\n"
        "Nordwerk Pumpen GmbH | Registered office: Kassel | Register court: Amtsgericht Kassel "
        "HRB 48812 | Managing directors: Dr. Henrike Lange, Paul Osterkamp\n"
    )
    kinds = [block.kind for block in body_blocks(body)]
    assert kinds == ["paragraph", "signature", "signature", "signature"]


@pytest.mark.parametrize(
    "closing",
    [
        "Thanks & br",
        "Thank you and kind regards",
        "Danke und Gruß / Kind regards",
        "BR,",
        "Rgds",
        "V/r,",  # a federal walk: the contracting officer's signature block was kept
        "Very respectfully,",
        "R/",
    ],
)
def test_thanks_and_a_closing_in_one_line_end_the_mail(closing: str) -> None:
    """A chemicals walk: three mails kept their sign-off and the name and card under it
    as statements ("Thanks & br Markéta", "Thank you and kind regards Dr. Sabine Ortner")."""
    body = (
        "Please send us the updated order confirmation until tomorrow noon.\n\n"
        f"{closing}\nMarkéta\n\n"
        "Markéta Dvořáková | Strategic Buyer Raw Materials | Veltrana Lacke AG\n"
        "Tel +43 732 90412-318\n"
    )
    kinds = [block.kind for block in body_blocks(body)]
    assert kinds[0] == "paragraph" and set(kinds[1:]) == {"signature"}


@pytest.mark.parametrize(
    "postscript",
    [
        "PS: the delivery note must state the PO number.",
        "P.S. Deliveries on Friday must arrive before 11:00.",
    ],
)
def test_a_postscript_under_the_signature_is_text_and_the_signature_still_one(
    postscript: str,
) -> None:
    """A re-walk: "Thanks & br Anna" was kept as a statement because a P.S. followed."""
    body = f"Please ship 10 IBC instead of 8 IBC.\n\nThanks & br\nAnna\n\n{postscript}\n"
    kinds = [(block.kind, block.text) for block in body_blocks(body)]
    assert kinds == [
        ("paragraph", "Please ship 10 IBC instead of 8 IBC."),
        ("signature", "Thanks & br Anna"),
        ("paragraph", postscript),
    ]


def test_a_sentence_set_right_under_the_signature_is_text() -> None:
    """A re-walk: with no blank line, "Thank you and kind regards / Anna Buyer /
    Purchasing / Please also send the updated SDS." was one statement."""
    body = (
        "Dear Jan,\n\nplease note: all IBCs must be returned within 30 days.\n"
        "Thank you and kind regards\nAnna Buyer\nPurchasing\n"
        "Please also send the updated SDS.\n"
    )
    blocks = [(block.kind, block.text) for block in body_blocks(body)]
    assert blocks[-2:] == [
        ("signature", "Thank you and kind regards Anna Buyer Purchasing"),
        ("paragraph", "Please also send the updated SDS."),
    ]
    # a request right after the thanks, with no name between, stays as it was
    request = body_blocks("Thanks!\nPlease ship 200 units by Friday.\n")
    assert {block.kind for block in request} == {"paragraph"}


def test_a_quoted_lead_in_stands_apart_from_the_line_under_it() -> None:
    """A logistics walk: a reply quoted ">> ... please note two changes from 1 May 2026:"
    and the first change on the next line, with no blank line between, as one statement,
    which then no longer matched the original mail's and was flagged "May differ"."""
    body = (
        "Fine for us.\n\n"
        "On Thu, 2 Apr 2026 at 11:20, Priya Castellano <p@example.com> wrote:\n"
        ">> Following our call, please note two changes from 1 May 2026:\n"
        ">> The order cut-off moves to 15:00 instead of 16:00.\n"
        ">> The OTIF target becomes 98.5% instead of 98.0%.\n"
    )
    quoted = [block.text for block in body_blocks(body) if block.kind == "quoted"]
    assert quoted == [
        "Following our call, please note two changes from 1 May 2026:",
        "The order cut-off moves to 15:00 instead of 16:00. The OTIF target becomes 98.5%"
        " instead of 98.0%.",
    ]


def test_a_closing_word_opening_a_request_is_no_sign_off() -> None:
    blocks = body_blocks("Hi Tom,\n\nThanks and please ship 200 units by Friday.\n")
    assert [block.kind for block in blocks] == ["paragraph", "paragraph"]


def test_inline_quoted_lines_are_quoted_and_own_lines_are_not() -> None:
    blocks = body_blocks("> Can you ship by May?\nYes, we can.\n")
    assert [(block.kind, block.text) for block in blocks] == [
        ("quoted", "Can you ship by May?"),
        ("paragraph", "Yes, we can."),
    ]


def test_dash_dash_delimiter_starts_the_signature() -> None:
    blocks = body_blocks("Please confirm.\n\n-- \nAnna Berg\nHarbour Instruments\n")
    assert [(block.kind, block.text) for block in blocks] == [
        ("paragraph", "Please confirm."),
        ("signature", "Anna Berg Harbour Instruments"),
    ]


def test_disclaimer_is_signature() -> None:
    body = (
        "The parts must be RoHS compliant.\n\n"
        "This e-mail is confidential and intended only for the named recipient. If you\n"
        "received it in error, please delete it.\n"
    )
    assert [block.kind for block in body_blocks(body)] == ["paragraph", "signature"]


def test_sign_off_followed_by_long_text_is_not_a_signature() -> None:
    body = (
        "Thanks,\n\n"
        "Also note that every delivery must include the material certificates to EN 10204 "
        "type 3.1 and the first article report for new part numbers.\n"
    )
    assert {block.kind for block in body_blocks(body)} == {"paragraph"}


def test_thanks_before_a_request_is_not_a_signature() -> None:
    blocks = body_blocks("Hi Tom,\n\nThanks!\nPlease ship 200 units by Friday.\n")
    assert [block.kind for block in blocks] == ["paragraph", "paragraph"]


def test_html_to_text_drops_scripts_and_keeps_breaks() -> None:
    text = html_to_text(
        "<p>A&amp;B</p><script>x()</script><style>p{}</style><ul><li>one</li><li>two</li></ul>"
        "<blockquote>old</blockquote>"
    )
    lines = [line for line in text.split("\n") if line]
    assert lines == ["A&B", "- one", "- two", "> old"]


def _html_body(html: str) -> list[tuple[str, str]]:
    """The (kind, text) of the blocks an HTML-only mail's body gives."""
    message = _mail("")
    message.set_content(f"<html><body>{html}</body></html>", subtype="html")
    document = read_document_bytes(message.as_bytes(policy=SMTP), "table.eml")
    return [(block.kind, block.text) for block in document.pages[0].blocks[1:]]


_OPEN_POINTS = (
    "<p>Below are the open points.</p><table border=1>"
    "<tr><th>No.</th><th>Open point</th><th>Responsible</th><th>Due</th></tr>"
    "<tr><td>1</td><td>Provide FEM results of the hou<b>sing</b></td><td>Brenntal</td>"
    "<td>2026-12-10</td></tr>"
    "<tr><td>2</td><td>Send the <i>updated</i><br>drawing</td><td>Valmora</td>"
    "<td>2026-12-05</td></tr></table><p>Kind regards,<br>Markus</p>"
)


def test_an_html_table_gives_a_row_per_block_under_its_column_headers() -> None:
    """A walk's open-point list read "1 Provide FEM results ... Brenntal 2026-12-10":
    who and by when were lost, as DOCX and PDF tables keep them."""
    assert _html_body(_OPEN_POINTS) == [
        ("paragraph", "Below are the open points."),
        (
            "table_row",
            "1: Provide FEM results of the housing (Responsible: Brenntal) (Due: 2026-12-10)",
        ),
        ("table_row", "2: Send the updated drawing (Responsible: Valmora) (Due: 2026-12-05)"),
        ("signature", "Kind regards, Markus"),
    ]


@pytest.mark.parametrize(
    "first_row",
    [
        "<tr><td><b>Part</b></td><td><b>Finish</b></td></tr>",
        '<tr><td><span style="font-weight: 700">Part</span></td><td>'
        '<span style="font-weight:bold">Finish</span></td></tr>',
        "<thead><tr><td>Part</td><td>Finish</td></tr></thead>",
    ],
)
def test_a_bold_first_row_of_two_columns_is_the_header(first_row: str) -> None:
    html = f"<table>{first_row}<tr><td>Bracket</td><td>Zinc flake 8 µm</td></tr></table>"
    assert _html_body(html) == [("table_row", "Bracket: Zinc flake 8 µm")]
    plain = "<table><tr><td>Part</td><td>Finish</td></tr><tr><td>Bracket</td><td>Zinc</td></tr>"
    assert _html_body(plain + "</table>") == [
        ("table_row", "Part: Finish"),
        ("table_row", "Bracket: Zinc"),
    ]


def test_spans_and_pipes_in_html_cells_keep_their_columns() -> None:
    html = (
        "<table><tr><th>Item</th><th>Owner</th><th>Due</th></tr>"
        "<tr><td>Seal | washer</td><td rowspan=2>Brenntal</td><td>May</td></tr>"
        "<tr><td>Bleed screw</td><td>June</td></tr>"
        "<tr><td colspan=2>Housing drawing</td><td>July</td></tr></table>"
    )
    assert _html_body(html) == [
        ("table_row", "Seal | washer: Brenntal (Due: May)"),
        ("table_row", "Bleed screw: Brenntal (Due: June)"),
        ("table_row", "Housing drawing (Due: July)"),
    ]


@pytest.mark.parametrize(
    "html",
    [
        # a table laying the mail out, with a table in a cell
        "<table><tr><td><table><tr><td>Logo</td></tr></table></td><td>Please ship 20 units.</td>"
        "</tr><tr><td>x</td><td>y</td></tr></table>",
        # one column, or one row
        "<table><tr><td>Please ship 20 units.</td></tr><tr><td>By Friday.</td></tr></table>",
        "<table><tr><td>Please ship 20 units.</td><td>By Friday.</td></tr></table>",
    ],
)
def test_a_layout_table_stays_text(html: str) -> None:
    assert all(kind != "table_row" for kind, _ in _html_body(html))


def test_a_quoted_mail_header_in_a_table_still_opens_the_quote() -> None:
    html = (
        "<p>Agreed.</p><table><tr><td>From:</td><td>Tom Reed</td></tr>"
        "<tr><td>Sent:</td><td>Monday</td></tr></table><p>Shall we ship partial lots?</p>"
    )
    blocks = _html_body(html)
    assert blocks[:2] == [("paragraph", "Agreed."), ("heading", "Quoted mail from Tom Reed")]
    assert blocks[-1] == ("quoted", "Shall we ship partial lots?")


def test_a_hostile_table_of_spans_is_read_quickly_as_text() -> None:
    # 30,000 cells spanning all rows below: laid out, 1.9 million places read back in seconds
    html = "<table><tr>" + "<td rowspan=99999>x</td>" * 30_000 + "</tr>" + "<tr>" * 30_000
    started = time.perf_counter()
    blocks = _html_body(html + "</table>")
    assert time.perf_counter() - started < 3.0
    assert [kind for kind, _ in blocks] == ["paragraph"]


def test_markup_in_an_html_cell_stays_text() -> None:
    html = (
        "<table><tr><th>Step</th><th>Action</th></tr><tr><td>1</td>"
        "<td>&lt;script&gt;x()&lt;/script&gt; <script>steal()</script>Ship</td></tr></table>"
    )
    assert _html_body(html) == [("table_row", "1: <script>x()</script> Ship")]


def test_unknown_charset_is_decoded_with_a_warning() -> None:
    raw = (
        b"From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\n"
        b"Content-Type: text/plain; charset=x-unknown-8bit\r\n\r\nMa\xdfe 5 mm\r\n"
    )
    document = read_document_bytes(raw, "odd.eml")
    assert document.pages[0].blocks[1].text == "Maße 5 mm"
    assert any("charset" in warning for warning in document.warnings)


def test_a_body_labelled_utf8_that_is_windows_1252_is_read_with_a_warning() -> None:
    raw = (
        b"From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Deliver \x93widgets\x94 at 5\x80 each \x96 na\xefve caf\xe9.\r\n"
    )
    document = read_document_bytes(raw, "lie.eml")
    assert document.pages[0].blocks[1].text == "Deliver “widgets” at 5€ each – naïve café."
    assert document.warnings == (
        "the body says it is UTF-8 but is not; decoded as Windows-1252 (check accents)",
    )


@pytest.mark.parametrize("charset", ["base64", "idna", "zlib", "rot13"])
def test_a_charset_that_is_not_a_text_encoding_is_decoded_with_a_warning(charset: str) -> None:
    # Python knows these codecs, but they are no text encodings: decoding raised LookupError.
    raw = (
        b"From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\n"
        b"Content-Type: text/plain; charset=" + charset.encode() + b"\r\n\r\nMa\xdfe 5 mm\r\n"
    )
    document = read_document_bytes(raw, "odd.eml")
    assert document.pages[0].blocks[1].text == "Maße 5 mm"
    assert any(charset in warning for warning in document.warnings)


def test_a_megabyte_subject_is_read_raw_and_quickly() -> None:
    # The standard library parses a long header in quadratic time: 10 s for 1 MB, hours for 10 MB.
    subject = "The Supplier shall deliver. " * 40_000
    raw = f"From: a@example.com\r\nTo: b@example.com\r\nSubject: {subject}\r\n\r\nHi.\r\n"
    started = time.perf_counter()
    document = read_document_bytes(raw.encode(), "long.eml")
    assert time.perf_counter() - started < 3.0
    assert document.metadata["subject"] == subject.strip()


def test_unreadable_attachment_becomes_a_warning(tmp_path: Path) -> None:
    message = _mail("See the drawing.")
    message.add_attachment(
        b"\x89PNG\r\n\x1a\n" + bytes(64), maintype="image", subtype="png", filename="drawing.png"
    )
    message.add_attachment(b"", maintype="text", subtype="plain", filename="empty.txt")
    path = tmp_path / "mail.eml"
    path.write_bytes(message.as_bytes(policy=SMTP))
    document = read_document(str(path))
    assert document.attachments == ()
    assert len(document.warnings) == 2
    assert "drawing.png" in document.warnings[0] and "PNG image" in document.warnings[0]
    assert "empty.txt" in document.warnings[1]


def test_attached_email_is_read_with_its_own_path(tmp_path: Path) -> None:
    inner = _mail("Inner text.", subject="Inner")
    outer = _mail("Forwarding.")
    outer.add_attachment(inner, filename="inner.eml")
    document = read_document_bytes(outer.as_bytes(policy=SMTP), "outer.eml")
    (attached,) = document.attachments
    assert attached.path == "outer.eml#inner.eml"
    assert attached.kind == "email"
    assert [block.text for block in attached.pages[0].blocks] == ["Inner", "Inner text."]


def test_email_without_subject_body_or_attachments_is_empty() -> None:
    with pytest.raises(EmptyDocument, match=r"nothing\.eml"):
        read_document_bytes(b"From: a@example.com\r\nTo: b@example.com\r\n\r\n", "nothing.eml")


def test_date_is_iso_8601() -> None:
    document = read_document_bytes(_mail("Body.").as_bytes(policy=SMTP), "dated.eml")
    assert document.metadata["date"] == "2024-03-05T10:00:00+01:00"


_NO_BOUNDARY_HEAD = (
    b"From: buyer@example.com\nTo: sales@example.com\nSubject: Order 4471\n"
    b"MIME-Version: 1.0\nContent-Type: multipart/mixed\n\n"
)


def test_a_multipart_mail_without_its_boundary_is_read_by_the_boundary_in_its_body() -> None:
    """A header that lost its boundary used to lose the whole body, silently."""
    body = (
        b"--part7\nContent-Type: text/plain; charset=utf-8\n\n"
        b"Please ship the 40 pumps by Friday.\n"
        b"--part7\nContent-Type: text/plain; name=spec.txt\n"
        b"Content-Disposition: attachment; filename=spec.txt\n\n"
        b"The pumps shall be rated for 16 bar.\n--part7--\n"
    )
    document = read_document_bytes(_NO_BOUNDARY_HEAD + body, "order.eml")
    assert [block.text for block in document.pages[0].blocks] == [
        "Order 4471",
        "Please ship the 40 pumps by Friday.",
    ]
    assert [a.path for a in document.attachments] == ["order.eml#spec.txt"]
    assert any("no boundary" in warning for warning in document.warnings)


def test_a_multipart_mail_with_no_parts_at_all_is_read_as_text_with_a_warning() -> None:
    document = read_document_bytes(
        _NO_BOUNDARY_HEAD + b"Please ship the 40 pumps by Friday.\n", "order.eml"
    )
    assert [block.text for block in document.pages[0].blocks][-1] == (
        "Please ship the 40 pumps by Friday."
    )
    assert any("read as text" in warning for warning in document.warnings)


def test_attachment_files_are_the_bytes_the_reader_read() -> None:
    """The app keeps these beside the mail: an attachment's page is drawn from its own file."""
    from extractor.reading.email import attachment_files

    data = (DOCUMENTS / "email" / "thread_with_quoted_reply.eml").read_bytes()
    files = dict(attachment_files(data))
    read = read_document_bytes(data, "thread.eml")
    assert {name.split("#", 1)[1]: part.sha256 for name, part in _parts(read)} == {
        name: hashlib.sha256(content).hexdigest() for name, content in files.items()
    }
    assert "inspection_requirements.pdf" in files
    assert list(attachment_files(b"not a mail at all")) == []


def _parts(document):  # type: ignore[no-untyped-def]
    return [(part.path, part) for part in document.attachments]


def test_a_sender_is_shown_as_a_reader_writes_it() -> None:
    """The standard form quotes a name holding a dot: '"Dr. Miguel Santos" <...>'."""
    mail = (
        b'From: "Dr. Miguel Santos" <miguel.santos@nordwerk.example>\n'
        b'To: "Vogel, Katrin" <katrin@nordwerk.example>, tom@brightline.example\n'
        b"Subject: Inspection\n\nPlease send the first article report.\n"
    )
    metadata = read_document_bytes(mail, "inspection.eml").metadata
    assert metadata["sender"] == "Dr. Miguel Santos <miguel.santos@nordwerk.example>"
    assert metadata["to"] == '"Vogel, Katrin" <katrin@nordwerk.example>, tom@brightline.example'


# ---------------------------------------------------------------- delivery reports, receipts

_BOUNCE = b"""From: Mail Delivery System <postmaster@northwind.example>
To: Tom Reed <tom.reed@northwind.example>
Date: Thu, 12 Mar 2026 07:58:04 +0000
Subject: Undeliverable: Draft inspection plan
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

--dsn
Content-Type: text/plain; charset=utf-8

Delivery has failed to these recipients: m.santos@harbour.example

--dsn
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.northwind.example

Final-Recipient: rfc822; m.santos@harbour.example
Action: failed
Status: 5.1.1

--dsn
Content-Type: text/rfc822-headers

From: Tom Reed <tom.reed@northwind.example>
Subject: Draft inspection plan

--dsn
Content-Type: message/rfc822

From: Tom Reed <tom.reed@northwind.example>
To: m.santos@harbour.example
Date: Thu, 12 Mar 2026 07:57:00 +0000
Subject: Draft inspection plan

The inspection plan shall be approved before production starts.

--dsn--
"""

_RECEIPT = b"""From: Anna Berg <anna.berg@harbour.example>
To: Tom Reed <tom.reed@northwind.example>
Date: Fri, 06 Feb 2026 08:01:10 +0100
Subject: Read: Order 7731
MIME-Version: 1.0
Content-Type: multipart/report; report-type="disposition-notification"; boundary="mdn"

--mdn
Content-Type: text/plain; charset=utf-8

This is a receipt for the mail you sent.

--mdn
Content-Type: message/disposition-notification

Final-Recipient: rfc822;anna.berg@harbour.example
Disposition: manual-action/MDN-sent-manually; displayed

--mdn--
"""


def test_a_bounces_machine_parts_are_no_attachments_and_the_mail_is_a_delivery_report() -> None:
    document = read_document_bytes(_BOUNCE, "bounce.eml")
    assert document.warnings == ()
    assert document.metadata["report"] == "delivery report"
    (returned,) = document.attachments
    assert returned.path == "bounce.eml#attachment-1.eml"
    assert "The inspection plan shall be approved before production starts." in [
        block.text for page in returned.pages for block in page.blocks
    ]


def test_a_read_receipt_has_no_attachment_to_warn_about() -> None:
    from extractor.reading.email import attachment_files

    document = read_document_bytes(_RECEIPT, "receipt.eml")
    assert document.warnings == ()
    assert document.attachments == ()
    assert document.metadata["report"] == "read receipt"
    assert list(attachment_files(_RECEIPT)) == []
    ordinary = read_document_bytes(_mail("Please ship by Friday.").as_bytes(), "mail.eml")
    assert "report" not in ordinary.metadata


def test_a_german_sign_off_with_a_german_disclaimer_ends_the_mail() -> None:
    body = (
        "Die Rahmen müssen entgratet sein.\n\n"
        "Mit freundlichen Grüßen\n\n"
        "Jens Müller\nWareneingang / Goods Receiving\nNordwerk Pumpen GmbH\n\n"
        "Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn "
        "Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender.\n"
    )
    assert [block.kind for block in body_blocks(body)] == [
        "paragraph",
        "signature",
        "signature",
        "signature",
    ]


@pytest.mark.parametrize(
    "title",
    ["Senior Buyer | Halcyon Aerosystems Inc.", "Head of Purchasing, Brightwell Tools Ltd.",
     "Senior Buyer | Halcyon Aerosystems | Dept. 4."],
)  # fmt: skip
def test_a_sign_off_over_a_business_card_ending_in_a_legal_form_is_the_signature(
    title: str,
) -> None:
    """An aerospace walk: "Senior Buyer | Halcyon Aerosystems Inc." ends in a dot and was
    taken for a sentence, so "Best regards," and the whole signature became a statement."""
    body = (
        "Hello Tallowmere team,\n\n"
        "The need date of item 30 is now 12 June 2026 instead of 15 May 2026.\n\n"
        f"Best regards,\nMarisa Delacroix\n{title}\nTel +1 316 555 0142\n"
    )
    document = read_document_bytes(bytes(_mail(body)), "date-change.eml")
    assert [(block.kind, block.text) for block in document.pages[0].blocks[1:]] == [
        ("paragraph", "Hello Tallowmere team,"),
        ("paragraph", "The need date of item 30 is now 12 June 2026 instead of 15 May 2026."),
        ("signature", f"Best regards, Marisa Delacroix {title} Tel +1 316 555 0142"),
    ]


def test_a_sentence_after_a_sign_off_still_ends_no_mail() -> None:
    """Only a card's line loses its dot: a sentence with a "|" in it stays the mail's text."""
    body = "Thanks,\nPlease ship the housings by Friday | the rest next week.\n"
    assert {block.kind for block in body_blocks(body)} == {"paragraph"}


@pytest.mark.parametrize(
    ("attribution", "heading"),
    [
        (
            "On Tue, 9 Feb 2027 at 10:12, Sanne de Groot <s.degroot@althorne.example> wrote:",
            "Quoted mail from Sanne de Groot <s.degroot@althorne.example>,"
            " sent Tue, 9 Feb 2027 at 10:12",
        ),
        (
            "Am 09.02.2027 um 10:12 schrieb Sanne de Groot <s.degroot@althorne.example>:",
            "Quoted mail from Sanne de Groot <s.degroot@althorne.example>,"
            " sent 09.02.2027 um 10:12",
        ),
    ],
)
def test_an_attribution_line_heads_the_quoted_mail_by_its_sender(
    attribution: str, heading: str
) -> None:
    """A pharmaceutical and an energy walk: quoted text under a Gmail-style "On ...
    wrote:" kept the reply's subject as its section, because segmenting drops the line as
    written with the other attribution lines."""
    body = f"Line 20 must ship in the 96-hour shippers.\n\n{attribution}\n> Line 20 moves.\n"
    blocks = [(block.kind, block.text) for block in body_blocks(body)]
    assert blocks == [
        ("paragraph", "Line 20 must ship in the 96-hour shippers."),
        ("heading", heading),
        ("quoted", "Line 20 moves."),
    ]
    statements = segment(read_document_bytes(_mail(body).as_bytes(), "reply.eml"))
    assert [s.section for s in statements][-1] == heading


def test_quoted_questions_keep_their_ids_as_clauses_as_in_the_mail_quoted() -> None:
    """An energy walk: a reply quoting "CQ-02: Is the BESS capacity ... still 80 MWh?" kept
    the id in the text, so the quote was not the original's statement: every quoted
    question was "new or reworded" and "hide quoted text" kept them."""
    questions = (
        "CQ-01: At which point is the Performance Ratio measured?\n\n"
        "A1: At the 33 kV revenue metering point.\n\n"
        "CQ-02: Is the BESS capacity in clause 6.3 still 80 MWh?\n\n"
        "A2: No. The BESS shall provide 100 MWh.\n\n"
        "CQ-03: Will the closing date be extended?\n\nA3: Yes.\n"
    )
    quoted = "".join(f"> {line}\n" for line in questions.splitlines())
    reply = f"Noted, thanks.\n\nOn Thu, 16 Apr 2026 at 09:14, Aoife Brennan wrote:\n{quoted}"
    original = segment(read_document_bytes(_mail(questions).as_bytes(), "answers.eml"))
    replied = segment(read_document_bytes(_mail(reply).as_bytes(), "reply.eml"))
    as_quoted = [(s.clause, s.text) for s in replied if s.kind == "quoted"]
    assert as_quoted == [(s.clause, s.text) for s in original]
    assert as_quoted[2] == ("CQ-02", "Is the BESS capacity in clause 6.3 still 80 MWh?")


def test_a_terse_site_mail_is_read_sentence_by_sentence_without_greeting_or_closing() -> None:
    """A construction walk's site manager: "Sam," over the first line, sentences opened in
    lower case and "thx D" were all one statement; a machined-parts walk's buyer wrote
    "... is not acceptable. pls send the certs ..."."""
    body = (
        "Sam,\n"
        "crane for the chiller lift is booked 7.30 till 12, this is not negotiable. pls make\n"
        "sure ur lads are on site 7am. also need the LOLER cert of the beam befor lift.\n"
        "thx D\n"
        "\n"
        "> Regards Chidi\n"
    )
    raw = _mail(body).as_bytes(policy=SMTP)
    document = read_document_bytes(raw, "lift.eml")
    assert [s.text for s in segment(document)] == [
        "crane for the chiller lift is booked 7.30 till 12, this is not negotiable.",
        "pls make sure ur lads are on site 7am.",
        "also need the LOLER cert of the beam befor lift.",
    ]


def test_a_line_opened_in_lower_case_after_a_full_stop_is_a_sentence_of_its_own() -> None:
    """A food walk's haulier: "... no exception." over "driver was waiting 2h ..." was one
    statement, and "thx" over his name and "Transport planner | FenLink Chilled Logistics
    Sp. z o.o." was a statement too."""
    body = (
        "hi Marek\n\n"
        "pls make sure the trays for Leeds is on pallet max 1,8m high.\n"
        "also temprature logger must be in every trailer from now, no exception.\n"
        "driver was waiting 2h in Daventry, not our fault.\n"
        "Delivery is approx.\n"
        "two pallets a day, i.e. about 60 cases.\n\n"
        "thx\nPiotr Zielinski\nTransport planner | FenLink Chilled Logistics Sp. z o.o.\n"
    )
    raw = _mail(body).as_bytes(policy=SMTP)
    assert [s.text for s in segment(read_document_bytes(raw, "pallets.eml"))] == [
        "hi Marek",
        "pls make sure the trays for Leeds is on pallet max 1,8m high.",
        "also temprature logger must be in every trailer from now, no exception.",
        "driver was waiting 2h in Daventry, not our fault.",
        "Delivery is approx. two pallets a day, i.e. about 60 cases.",  # an abbreviation's stop
    ]


def test_a_greeting_on_its_own_line_is_no_part_of_the_first_sentence() -> None:
    raw = _mail("Hi Sam,\nPlease make sure the lads are on site at 7am.\n").as_bytes(policy=SMTP)
    document = read_document_bytes(raw, "hi.eml")
    assert [s.text for s in segment(document)] == [
        "Hi Sam,",
        "Please make sure the lads are on site at 7am.",
    ]


def test_a_first_name_and_a_dash_over_the_first_sentence_is_a_greeting() -> None:
    """A federal walk's COR wrote "Priya -" over her demand; it opened the statement."""
    raw = _mail("Priya -\nNeed the status report by Fri 7 Aug COB.\n").as_bytes(policy=SMTP)
    document = read_document_bytes(raw, "cor.eml")
    assert [s.text for s in segment(document)] == [
        "Priya -",  # a greeting, as "Hi Sam," is: who is addressed
        "Need the status report by Fri 7 Aug COB.",
    ]
    assert segment(document)[1].section == "Order"  # the subject, not the greeting


def test_two_first_names_over_the_first_sentence_are_a_greeting() -> None:
    """An EDGAR-style walk: "Brian, Rosa," was glued to the buyer's forecast change, and the
    greeting then showed in the differs diff."""
    body = "Brian, Rosa,\nforecast for CSI-2210 changes: 25,000 instead of 20,000 for Q2.\n"
    document = read_document_bytes(_mail(body).as_bytes(policy=SMTP), "forecast.eml")
    assert [s.text for s in segment(document)] == [
        "Brian, Rosa,",
        "forecast for CSI-2210 changes: 25,000 instead of 20,000 for Q2.",
    ]


def test_a_first_name_over_the_writers_card_is_the_signature() -> None:
    # a medical-device walk's mail ended "Helen" over "Helen Park" and her card: the card
    # was a statement, "Helen" a heading over it
    body = (
        "Please send the containment results by Monday.\n\n"
        "Helen\n\n"
        "Helen Park\n"
        "Director, Supplier Quality | Corvane Surgical, Inc.\n"
        "T +1 508 555 0162\n"
    )
    blocks = [(block.kind, block.text) for block in body_blocks(body)]
    assert blocks[0] == ("paragraph", "Please send the containment results by Monday.")
    assert all(kind == "signature" for kind, _ in blocks[1:])


def test_a_one_word_paragraph_over_other_text_is_no_signature() -> None:
    body = "Agreed.\n\nThanks\n\nThe revised drawing follows next week.\n"
    texts = [block.text for block in body_blocks(body) if block.kind != "signature"]
    assert "The revised drawing follows next week." in texts


@pytest.mark.parametrize("html", [True, False])
def test_a_lead_in_counting_its_points_is_a_statement_of_its_own(html: bool) -> None:
    """A logistics walk's HTML mail: "Two points need your attention before peak season:"
    was glued to point 1 (no modal of its own) and its colon lost; plain text alike."""
    lead = "Two points need your attention before peak season:"
    first = "From 1 September the same-day dispatch cut-off moves from 14:00 to 15:00."
    second = "All bedding plant deliveries must be put away within 4 hours of arrival."
    message = _mail(f"Dear team,\n\n{lead}\n\n- {first}\n- {second}\n\nKindly confirm.\n")
    if html:
        message.set_content(
            f"<html><body><p>Dear team,</p><p>{lead}</p><ul><li>{first}</li>"
            f"<li>{second}</li></ul><p>Kindly confirm.</p></body></html>",
            subtype="html",
        )
    document = read_document_bytes(message.as_bytes(policy=SMTP), "points.eml")
    texts = [statement.text for statement in segment(document)]
    assert texts[1:4] == [lead, first, second]
