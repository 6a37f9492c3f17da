"""Render whole corpus documents as sample files: PDF, DOCX, e-mail (.eml, .msg), plain text.

Run: python corpus/tools/make_samples.py

The samples are what the product reads in real life, made from our own
labelled documents, so the tests can check that the extractor finds the
statements the corpus holds, and the app has a demo. Beside each sample,
``<name>.expected.jsonl`` lists the corpus statements (id, text, label) the
file contains, written from the corpus rows, never from a reader.

Rendering rules: a statement's ``section`` becomes a heading when it changes;
a numeric ``clause`` is printed before the statement ("3.2  Goods shall ...");
statements that share a clause share a paragraph. A leading statement that
looks like a title (short, no closing punctuation) is rendered as the title and
left out of the expected file, since titles are headings, not statements.

The output is deterministic: fixed PDF dates, fixed ZIP timestamps in DOCX,
fixed e-mail headers. An Outlook .msg sample is the .msg twin of the .eml
of the same name (``scripts/make_msg.py``), sharing its expected file. PDFs
use a Unicode TrueType font (DejaVu Sans) when the machine has one; without one
they use a Latin-1 core font and transliterate
the text, in the PDF and in its expected file alike.
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
import sys
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from types import ModuleType

CORPUS = Path(__file__).resolve().parent.parent
STATEMENTS = CORPUS / "statements"
SAMPLES = CORPUS / "samples"
FIXED_DATE = datetime(2026, 2, 3, 9, 15, tzinfo=timezone.utc)
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)
TOP_MARGIN = 22.0
CLAUSE_NUMBER = re.compile(r"^(\d+(\.\d+)*|\(?[a-z]{1,4}\)|[A-Z]\.\d+(\.\d+)*)$")


@dataclass(frozen=True)
class Row:
    """One corpus statement, with the fields rendering needs."""

    id: str
    doc: str
    section: str
    clause: str
    text: str
    label: str


@dataclass(frozen=True)
class Sample:
    """A corpus document to render, the file name to give it, and a running header."""

    doc: str
    name: str
    header: str = ""
    subject: str = ""
    sender: str = ""
    recipient: str = ""
    reply_from: int = 0  # e-mail: index of the first statement of the newest message


SAMPLES_TO_MAKE: tuple[Sample, ...] = (
    Sample(
        "mfg-msa-halvard-ferrovale",
        "automotive_master_supply_agreement.pdf",
        header="Halvard / Ferrovale - Master Supply Agreement - Confidential",
    ),
    Sample(
        "terms-po-harrowgate-provisions",
        "food_purchase_order_terms.pdf",
        header="Harrowgate Provisions Co. - Form HP-114 Rev. 9",
    ),
    Sample(
        "life-qa-cmo-sterile-fill",
        "pharma_quality_agreement.pdf",
        header="Quality Agreement ARV-301 - Arvenna / Sterifil",
    ),
    Sample("infra-sow-hr-helpdesk-state", "it_statement_of_work.docx"),
    Sample("infra-minutes-wind-oem-review", "energy_meeting_minutes.docx"),
    Sample(
        "elec-email-cleanroom-gloves-operators",
        "electronics_customer_email.eml",
        subject="Touch panel samples - glove operation",
        sender="Dana Okafor <d.okafor@corvid-instruments.example>",
        recipient="Wei Zhang <wei.zhang@lumentek-hmi.example>",
    ),
    Sample(
        "life-email-api-particle-thread",
        "pharma_email_reply_thread.eml",
        subject="CoA lot 24M-118 particle size and drum labels",
        sender="Petra Krüger <p.krueger@arvenna-pharma.example>",
        recipient="Rohan Sharma <r.sharma@deccan-api.example>",
        reply_from=7,
    ),
    Sample("mfg-rfq-vantor-machining-outsourcing", "machining_rfq.txt"),
)
# Outlook .msg twins of the e-mails: (name, the body properties Outlook kept).
MSG_TWINS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("electronics_customer_email.msg", ("plain", "html", "rtf")),  # as Outlook saves a mail
    ("pharma_email_reply_thread.msg", ("plain",)),
)


# ------------------------------------------------------------------ corpus


def load_documents(directory: Path = STATEMENTS) -> dict[str, list[Row]]:
    """Corpus statements grouped by document, in document order."""
    documents: dict[str, list[Row]] = {}
    for path in sorted(directory.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    row = Row(
                        record["id"],
                        record["doc"],
                        record["section"],
                        record["clause"],
                        record["text"],
                        record["label"],
                    )
                    documents.setdefault(row.doc, []).append(row)
    return documents


def is_title(text: str) -> bool:
    """A short line without closing punctuation: a document title, not a statement."""
    return len(text) <= 90 and not text.rstrip().endswith((".", "?", "!", ";", ":", ","))


def split_title(rows: Sequence[Row]) -> tuple[list[str], list[Row]]:
    """Leading title-like statements (before any section) and the statements after them."""
    titles: list[str] = []
    index = 0
    while index < len(rows) and not rows[index].section and is_title(rows[index].text):
        titles.append(rows[index].text)
        index += 1
    return titles, list(rows[index:])


@dataclass(frozen=True)
class Paragraph:
    """What a renderer draws: a heading, or a body paragraph with its clause number."""

    kind: str  # "heading" or "body"
    text: str
    clause: str = ""


def layout(rows: Sequence[Row]) -> Iterator[Paragraph]:
    """Headings where the section changes; statements of one clause in one paragraph."""
    section = ""
    buffer: list[str] = []
    clause = ""

    def flush() -> Iterator[Paragraph]:
        if buffer:
            yield Paragraph("body", " ".join(buffer), clause)
            buffer.clear()

    for row in rows:
        if row.section != section:
            yield from flush()
            section = row.section
            if section:
                yield Paragraph("heading", section)
        number = row.clause if CLAUSE_NUMBER.match(row.clause) else ""
        if not (number and number == clause and buffer):
            yield from flush()
            clause = number
        buffer.append(row.text)
    yield from flush()


# ------------------------------------------------------------------ Latin-1 fallback

_LATIN1 = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "−": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "•": "*",
        "≤": "<=",
        "≥": ">=",
        "\u00a0": " ",
    }
)


def to_latin1(text: str) -> str:
    """The closest Latin-1 spelling of ``text`` (for core PDF fonts only)."""
    text = text.translate(_LATIN1)
    if all(ord(char) < 256 for char in text):
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(char for char in decomposed if ord(char) < 256)
    return unicodedata.normalize("NFC", kept)


def unicode_font() -> Path | None:
    """A DejaVu Sans TTF on this machine, if there is one."""
    return next((path for path in FONT_CANDIDATES if path.exists()), None)


# ------------------------------------------------------------------ renderers


def render_pdf(sample: Sample, titles: list[str], rows: list[Row], path: Path) -> list[Row]:
    """Numbered clauses under headings, a running header and "Page n of N" footer."""
    from fpdf import FPDF

    font_path = unicode_font()
    spell = (lambda text: text) if font_path else to_latin1
    rows = [Row(r.id, r.doc, r.section, r.clause, spell(r.text), r.label) for r in rows]

    class _Pdf(FPDF):
        def header(self) -> None:
            self.set_font(family, "", 8)
            self.set_xy(20, 10)
            self.cell(170, 4, spell(sample.header), align="L")
            self.set_xy(20, TOP_MARGIN)  # a page break inside a paragraph goes on below

        def footer(self) -> None:
            self.set_font(family, "", 8)
            self.set_xy(20, -15)
            self.cell(170, 4, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = _Pdf(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_margins(20, TOP_MARGIN, 20)
    pdf.set_auto_page_break(auto=True, margin=22)
    if font_path:
        pdf.add_font("Body", "", str(font_path))
        bold = font_path.with_name("DejaVuSans-Bold.ttf")
        pdf.add_font("Body", "B", str(bold if bold.exists() else font_path))
        family = "Body"
    else:
        family = "Helvetica"
    pdf.add_page()
    for title in titles:
        pdf.set_font(family, "B", 13)
        pdf.multi_cell(170, 7, spell(title), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for paragraph in layout(rows):
        if paragraph.kind == "heading":
            pdf.ln(2)
            pdf.set_font(family, "B", 11)
            pdf.multi_cell(170, 6, spell(paragraph.text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
            continue
        pdf.set_font(family, "", 10)
        if paragraph.clause:
            top = pdf.get_y()
            pdf.set_x(20)
            pdf.cell(14, 5, paragraph.clause)
            pdf.set_xy(34, top)
            pdf.multi_cell(156, 5, paragraph.text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(170, 5, paragraph.text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    path.write_bytes(bytes(pdf.output()))
    return rows


def render_docx(sample: Sample, titles: list[str], rows: list[Row], path: Path) -> list[Row]:
    """Title, Heading 1 sections and paragraphs with typed clause numbers and hanging indent."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    document.core_properties.created = FIXED_DATE.replace(tzinfo=None)
    document.core_properties.modified = FIXED_DATE.replace(tzinfo=None)
    document.core_properties.author = "reqx corpus"
    for title in titles:
        document.add_heading(title, level=0)
    for paragraph in layout(rows):
        if paragraph.kind == "heading":
            document.add_heading(paragraph.text, level=1)
            continue
        if paragraph.clause:
            body = document.add_paragraph(f"{paragraph.clause}\t{paragraph.text}")
            body.paragraph_format.left_indent = Cm(1.25)
            body.paragraph_format.first_line_indent = Cm(-1.25)
            body.paragraph_format.tab_stops.add_tab_stop(Cm(1.25))
        else:
            document.add_paragraph(paragraph.text)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(fixed_zip(buffer.getvalue()))
    return rows


def fixed_zip(data: bytes) -> bytes:
    """The same ZIP with every entry dated 1980-01-01, so saves are byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def email_paragraphs(rows: Sequence[Row]) -> list[str]:
    """Greetings alone; other sentences two to a paragraph, as people write mail."""
    paragraphs: list[str] = []
    current: list[str] = []
    for row in rows:
        text = row.text
        if text.endswith(","):
            if current:
                paragraphs.append(" ".join(current))
                current = []
            paragraphs.append(text)
            continue
        current.append(text)
        if len(current) == 2 or not text.endswith((".", "?", "!")):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def render_eml(sample: Sample, titles: list[str], rows: list[Row], path: Path) -> list[Row]:
    """A plain-text e-mail with a signature; with ``reply_from``, a reply quoting the original."""
    signature = ["Best regards,", sample.sender.split(" <")[0]]
    message = EmailMessage()
    sender, recipient = sample.sender, sample.recipient
    if sample.reply_from:
        sender, recipient = recipient, sender
    message["From"] = sender
    message["To"] = recipient
    message["Date"] = format_datetime(FIXED_DATE)
    message["Message-ID"] = f"<{path.stem}@samples.reqx.example>"
    if sample.reply_from:
        original, reply = rows[: sample.reply_from], rows[sample.reply_from :]
        message["Subject"] = f"RE: {sample.subject}"
        replier = sample.recipient.split(" <")[0]
        lines = [*"\n\n".join(email_paragraphs(reply)).split("\n"), "", "Best regards,", replier]
        lines += ["", f"On Mon, 2 Feb 2026 at 16:40, {sample.sender} wrote:"]
        quoted = [*"\n\n".join(email_paragraphs(original)).split("\n"), "", *signature]
        lines += [f"> {line}" if line else ">" for line in quoted]
    else:
        message["Subject"] = sample.subject
        lines = [*"\n\n".join(email_paragraphs(rows)).split("\n"), "", *signature]
    message.set_content("\n".join(lines) + "\n")
    path.write_bytes(message.as_bytes(policy=SMTP))
    return rows


def render_txt(sample: Sample, titles: list[str], rows: list[Row], path: Path) -> list[Row]:
    """Plain text as a text editor holds a document: title, headings, numbered clauses."""
    lines = [*titles, ""] if titles else []
    for paragraph in layout(rows):
        if paragraph.kind == "heading":
            lines += [paragraph.text.upper(), ""]
        elif paragraph.clause:
            lines += [f"{paragraph.clause} {paragraph.text}", ""]
        else:
            lines += [paragraph.text, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return rows


def render_msg(sample: Sample, titles: list[str], rows: list[Row], path: Path) -> list[Row]:
    """The .msg twin of the sample's .eml: same headers, same body text."""
    writer = load_script(CORPUS.parent / "scripts" / "make_msg.py", "make_msg")
    eml = path.with_suffix(".eml")
    written = render_eml(sample, titles, rows, eml)
    bodies = dict(MSG_TWINS)[path.name]
    path.write_bytes(writer.write_msg(writer.message_from_eml(eml.read_bytes(), bodies=bodies)))
    return written


def load_script(path: Path, name: str) -> ModuleType:
    """A script of this repository (not a package) as a module."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader, f"cannot import {path}"
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


RENDERERS = {
    ".pdf": render_pdf,
    ".docx": render_docx,
    ".eml": render_eml,
    ".msg": render_msg,
    ".txt": render_txt,
}


# ------------------------------------------------------------------ main


def expected_path(sample_path: Path) -> Path:
    """``name.pdf`` -> ``name.expected.jsonl`` beside it."""
    return sample_path.with_name(sample_path.stem + ".expected.jsonl")


def write_expected(path: Path, rows: Iterable[Row]) -> None:
    lines = [
        json.dumps({"id": row.id, "text": row.text, "label": row.label}, ensure_ascii=False)
        for row in rows
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_sample(sample: Sample, documents: dict[str, list[Row]], folder: Path) -> Path:
    """Render one sample and its expected file into ``folder``; return the sample's path."""
    path = folder / sample.name
    rows = documents[sample.doc]
    titles, statements = ([], rows) if path.suffix in (".eml", ".msg") else split_title(rows)
    written = RENDERERS[path.suffix](sample, titles, statements, path)
    write_expected(expected_path(path), written)
    return path


def make_samples(folder: Path = SAMPLES) -> list[Path]:
    """Render every sample of ``SAMPLES_TO_MAKE`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    documents = load_documents()
    made = [make_sample(sample, documents, folder) for sample in SAMPLES_TO_MAKE]
    by_name = {sample.name: sample for sample in SAMPLES_TO_MAKE}
    for name, _ in MSG_TWINS:
        twin = replace(by_name[str(Path(name).with_suffix(".eml"))], name=name)
        made.append(make_sample(twin, documents, folder))
    return made


if __name__ == "__main__":
    for made in make_samples():
        print(made.relative_to(CORPUS.parent))
