"""extractor.review without Streamlit: the store, page images, uploads and decisions."""

from __future__ import annotations

import hashlib
import io
from datetime import date

import pytest
from PIL import Image

from extractor.comparing import format_words, word_diff
from extractor.errors import ConflictError, CorruptDocument
from extractor.register import EntryFilter
from extractor.review import (
    Decision,
    DocumentStore,
    apply_decision,
    changed_fields,
    close_up,
    conflict_report,
    highlight,
    links_refused,
    render_page,
    warm_up,
)
from extractor.review.diffs import diff_html
from extractor.review.links import Linked, Undoable, undo_decision, undo_label

from .helpers import HOSTILE_TEXT, SAMPLE_PDF, AppPlace, add_unlabelled_document


def test_store_keeps_each_content_once(tmp_path):
    store = DocumentStore(tmp_path / "kept")
    data = SAMPLE_PDF.read_bytes()
    sha = store.save(data, "Agreement.PDF")
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.save(data, "copy.pdf") == sha
    assert [p.name for p in (tmp_path / "kept").iterdir()] == [sha + ".pdf"]
    assert store.path_for(sha).read_bytes() == data
    assert store.path_for("0" * 64) is None
    assert store.path_for("../../etc/passwd") is None


def test_page_is_drawn_and_the_statement_marked():
    page = render_page(SAMPLE_PDF, 1, resolution=72)
    assert page.scale == pytest.approx(1.0)
    plain = Image.open(io.BytesIO(page.png)).convert("RGB")
    box = {"page": 1, "x0": 100, "top": 100, "x1": 300, "bottom": 120}
    marked = Image.open(io.BytesIO(highlight(page, [box], 1))).convert("RGB")
    assert marked.size == plain.size == (page.width, page.height)
    assert marked.getpixel((200, 98)) != plain.getpixel((200, 98))  # the outline
    assert marked.getpixel((200, 300)) == plain.getpixel((200, 300))  # elsewhere untouched
    other_page = Image.open(io.BytesIO(highlight(page, [{**box, "page": 2}], 1))).convert("RGB")
    assert other_page.getpixel((200, 98)) == plain.getpixel((200, 98))


def test_the_close_up_is_the_statement_and_two_lines_around_it_at_full_size():
    page = render_page(SAMPLE_PDF, 1, resolution=72)
    box = {"page": 1, "x0": 100, "top": 100, "x1": 300, "bottom": 120}
    marked = highlight(page, [box], 1)
    crop = Image.open(io.BytesIO(close_up(marked, page, [box], 1, context=30)))
    # 1 px per point at 72 dpi; the clause number's room on the left (60), 15 on the right
    assert crop.size == (60 + 200 + 15 + 1, 20 + 60 + 1)
    full = Image.open(io.BytesIO(marked)).convert("RGB")
    assert crop.convert("RGB").getpixel((60 + 100, 30 - 2)) == full.getpixel((100 + 100, 98))
    edge = {"page": 1, "x0": 0, "top": 0, "x1": 50, "bottom": 10}
    assert Image.open(io.BytesIO(close_up(marked, page, [edge], 1))).size[1] == 10 + 30 + 1
    assert close_up(marked, page, [{**box, "page": 2}], 1) is None


def test_the_close_up_of_a_statement_on_a_page_turned_by_rotate_reads_level(tmp_path):
    """A statement running down a page shown by /Rotate 90 had a close-up of a tall strip."""
    import pypdfium2
    from fpdf import FPDF

    from extractor.reading.pdf import read_pdf
    from extractor.review.pages import reading_turn
    from extractor.segmenting import segment

    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.text(72, 200, "1.1 The Contractor shall deliver the pumps to the site in Leeds.")
    pdf.output(str(tmp_path / "level.pdf"))
    document = pypdfium2.PdfDocument(str(tmp_path / "level.pdf"))
    document[0].set_rotation(90)
    document.save(str(tmp_path / "turned.pdf"))
    document.close()
    [statement] = segment(read_pdf(str(tmp_path / "turned.pdf")))
    boxes = [
        {"page": 1, "x0": b.x0, "top": b.top, "x1": b.x1, "bottom": b.bottom}
        for b in statement.boxes
    ]
    assert reading_turn(boxes) == 90  # runs down the page as shown
    page = render_page(tmp_path / "turned.pdf", 1, resolution=72)
    crop = Image.open(io.BytesIO(close_up(highlight(page, boxes, 1), page, boxes, 1)))
    assert crop.size[0] > 3 * crop.size[1]


def test_the_close_up_shows_the_clause_number_of_a_hanging_indent(tmp_path):
    """A tender sets its numbers 27 mm left of the text: the close-up, 60 points left
    of the statement's boxes (which start at the text), had shown 3.1.2.2 as ".2.2"."""
    from dataclasses import asdict

    import pdfplumber
    from fpdf import FPDF

    from extractor.reading import read_document
    from extractor.segmenting import segment

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    clauses = {
        "3.1.2.1": "The net cooling capacity of the saloon Unit shall be at least 38 kW.",
        "3.1.2.2": "The net cooling capacity of the cab Unit shall be at least 5.5 kW.",
    }
    for row, (number, text) in enumerate(clauses.items()):
        pdf.text(25, 40 + 20 * row, number)
        pdf.text(25 + 27, 40 + 20 * row, text)
    pdf.text(25, 120, "The Supplier shall keep this contract confidential.")
    path = tmp_path / "hanging.pdf"
    pdf.output(str(path))
    *numbered, plain = segment(read_document(str(path)))
    with pdfplumber.open(path) as opened:
        words = {word["text"]: word for word in opened.pages[0].extract_words()}
    page = render_page(path, 1)

    def crop_box(boxes: list[dict]) -> tuple[int, int, int, int]:
        """Where the close-up was cut from the page: its right and bottom edges are known."""
        crop = Image.open(io.BytesIO(close_up(highlight(page, boxes, 1), page, boxes, 1)))
        right = int((max(box["x1"] for box in boxes) + 15) * page.scale) + 1
        bottom = int((max(box["bottom"] for box in boxes) + 30) * page.scale) + 1
        return right - crop.width, bottom - crop.height, right, bottom

    for statement, number in zip(numbered, clauses, strict=True):
        assert statement.clause == number
        boxes = [asdict(box) for box in statement.boxes]
        assert boxes[0]["x0"] > words[number]["x1"] + 40  # the boxes start at the text
        left, _, _, _ = crop_box(boxes)
        assert left < words[number]["x0"] * page.scale  # the whole number is in it
    from extractor.review.pages import close_up_area

    boxes = [asdict(box) for box in plain.boxes]
    area = close_up_area(Image.open(io.BytesIO(page.png)), page, boxes, 30)
    assert area == crop_box(boxes)
    assert area[0] == int((boxes[0]["x0"] - 60) * page.scale)  # nothing printed left of it


def test_which_way_a_close_up_is_turned():
    from extractor.reading.turned_text import turn_box
    from extractor.review.pages import reading_turn

    def box(x0: float, top: float, x1: float, bottom: float) -> dict[str, float]:
        return {"page": 1, "x0": x0, "top": top, "x1": x1, "bottom": bottom}

    level = [box(100, 100, 140, 110), box(145, 100, 190, 110)]
    assert reading_turn(level) == 0
    assert reading_turn(level[:1]) == 0
    down = [box(*turn_box((b["x0"], b["top"], b["x1"], b["bottom"]), 90, 595, 842)) for b in level]
    assert reading_turn(down) == 90
    up = [box(*turn_box((b["x0"], b["top"], b["x1"], b["bottom"]), 270, 595, 842)) for b in level]
    assert reading_turn(up) == -90


def test_a_page_that_is_not_there_is_a_document_error():
    with pytest.raises(CorruptDocument, match="has no page 99"):
        render_page(SAMPLE_PDF, 99)


def test_upload_is_imported_once_and_kept(place: AppPlace):
    data = SAMPLE_PDF.read_bytes()
    first = place.upload("agreement.pdf", data)
    assert first.ok and first.report.entries_added > 5
    again = place.upload("agreement-copy.pdf", data)
    assert again.report.entries_added == 0
    assert again.report.candidates_skipped == first.report.entries_added
    assert again.document_ids == first.document_ids
    with place.register() as register:
        assert [d.name for d in register.documents()] == ["agreement.pdf"]
        assert register.counts().total == first.report.entries_added
    assert place.store().path_for(hashlib.sha256(data).hexdigest()) is not None


def test_a_broken_upload_reports_its_reason_and_adds_nothing(place: AppPlace):
    result = place.upload("broken.pdf", b"%PDF-1.7\nthis is not really a PDF")
    assert not result.ok
    assert result.error and "broken.pdf" not in result.error  # the reason alone
    with place.register() as register:
        assert register.documents() == []


def test_a_bug_while_reading_an_upload_is_its_reason_and_the_next_upload_goes_on(
    place: AppPlace, monkeypatch: pytest.MonkeyPatch
):
    import extractor.review.uploads as uploads

    real = uploads.extract_document

    def buggy(document, classifier=None):
        if document.path.endswith("bad.txt"):
            raise IndexError("list index out of range")
        return real(document, classifier)

    monkeypatch.setattr(uploads, "extract_document", buggy)
    failed = place.upload("bad.txt", b"The Supplier shall deliver on time.\n")
    assert not failed.ok
    reason = "unexpected IndexError: list index out of range (a bug; please report it)"
    assert failed.error == reason
    good = place.upload("good.txt", b"The Supplier shall pack the parts in crates.\n")
    assert good.ok and good.report.entries_added == 1
    with place.register() as register:
        assert [d.name for d in register.documents()] == ["good.txt"]


def _first_entry(place: AppPlace):
    place.upload("terms.txt", HOSTILE_TEXT.encode())
    with place.register() as register:
        return register.list_entries(EntryFilter(text="Supplier shall keep")).items[0]


def test_decisions_record_what_changed_under_the_reviewers_name(place: AppPlace):
    entry = _first_entry(place)
    relabel = Decision("save", label="statutory", text=entry.text)
    assert changed_fields(entry, relabel) == {"label": "statutory"}
    with place.register() as register:
        saved = apply_decision(register, entry, relabel, actor="Ann")
        confirmed = apply_decision(
            register,
            saved,
            Decision(
                "confirm",
                label="statutory",
                text=saved.text + " Amended.",
                owner="QA",
                due_date=date(2030, 1, 31),
                note="checked against page 1",
            ),
            actor="Ben",
        )
        history = register.history(entry.ref)
    assert saved.label == "statutory" and saved.status == "candidate"
    assert confirmed.status == "confirmed" and confirmed.owner == "QA"
    assert confirmed.due_date == date(2030, 1, 31) and confirmed.text.endswith("Amended.")
    assert "Ben] checked against page 1" in confirmed.notes
    assert [(e.action, e.actor) for e in history] == [
        ("import", "uploader"),
        ("relabel", "Ann"),
        ("confirm", "Ben"),
        ("note", "Ben"),
    ]
    # the note typed with the decision is its reason, in the decision's own event (an
    # auditor's walk: a relabel's reason was nowhere in the trail); none where none typed
    assert history[2].after is not None and history[2].after["reason"] == "checked against page 1"
    assert history[1].after is not None and "reason" not in history[1].after


def test_links_to_entries_out_of_force_are_refused_before_deciding(place: AppPlace):
    place.upload("terms.txt", HOSTILE_TEXT.encode())
    with place.register() as register:
        first, second, third, *_ = register.list_entries(EntryFilter()).items
        assert links_refused(register, third, [second.ref], []) == [
            f"{second.ref} is candidate, not a requirement in force: decide it first"
        ]
        register.confirm(first.ref, version=first.version, actor="Ann")
        register.confirm(second.ref, version=second.version, actor="Ann")
        assert links_refused(register, third, [first.ref], [second.ref]) == []
        register.confirm(third.ref, version=third.version, actor="Ann")
        register.supersede(first.ref, third.ref, version=2, actor="Ann")
        third = register.get_entry(third.ref)
        assert links_refused(register, third, [first.ref], []) == []  # already this one's
        assert links_refused(register, second, [first.ref], [third.ref]) == [
            f"{first.ref} is already superseded by {third.ref}: name that one"
        ]
        assert links_refused(register, third, [], [first.ref, third.ref, "REQ-9999"]) == [
            f"{first.ref} is already superseded by {third.ref}: name that one",
            f"{third.ref} is this entry itself",
            "REQ-9999: not in the register",
        ]


def test_undo_puts_back_what_a_confirm_superseded_unless_changed_since(place: AppPlace):
    """Undo reopens the entry first; an earlier entry someone changed after the confirm
    superseded it is left as it is, and named, not overwritten."""
    place.upload("terms.txt", HOSTILE_TEXT.encode())
    with place.register() as register:
        first, second, third, *_ = register.list_entries(EntryFilter()).items
        for shown in (first, second, third):
            register.update(
                shown.ref, version=shown.version, actor="Ann", status="confirmed", label="specified"
            )
        later = register.get_entry(third.ref)
        replaced = [
            register.supersede(old.ref, later.ref, version=old.version + 1, actor="Ann")
            for old in (first, second)
        ]
        undoable = Undoable(
            later.id,
            later.ref,
            "confirmed",
            register.get_entry(later.ref).version,
            superseded=tuple(
                Linked(old.ref, old.version, {"superseded_by": None, "status": "confirmed"})
                for old in replaced
            ),
        )
        assert undo_label(undoable) == (
            f"Undo: put {later.ref} back in the queue, {first.ref} and {second.ref} back in"
            " force (confirmed by mistake)"
        )
        register.add_note(second.ref, "checked", version=replaced[1].version, actor="Bo")
        left = undo_decision(register, undoable, actor="Ann")
        now = [register.get_entry(old.ref) for old in (first, second, third)]
    assert left == [
        f"{second.ref} was left as it is: {second.ref} was changed by Bo after you loaded it"
        f" (version {replaced[1].version}, now {replaced[1].version + 1}); nothing was saved:"
        " reload it and decide again"
    ]
    assert [(e.status, e.superseded_by) for e in now] == [
        ("confirmed", ""),
        ("confirmed", later.ref),
        ("candidate", ""),
    ]


def test_a_word_diff_as_html_escapes_every_word_and_marks_the_changed_ones():
    words = word_diff('Ship "A" & <b>B</b> within 30 days.', "Ship 'A' & <b>B</b> within 45 days.")
    assert diff_html(words) == (
        '<div class="reqx-word-diff" style="white-space:pre-wrap;overflow-wrap:anywhere">'
        "Ship"
        ' <del style="color:#b42318;background-color:#fde8e8;text-decoration:line-through">'
        "&quot;A&quot;</del>"
        ' <ins style="color:#067647;background-color:#e3f4e8;text-decoration:underline">'
        "&#x27;A&#x27;</ins>"
        " &amp; &lt;b&gt;B&lt;/b&gt; within"
        ' <del style="color:#b42318;background-color:#fde8e8;text-decoration:line-through">'
        "30</del>"
        ' <ins style="color:#067647;background-color:#e3f4e8;text-decoration:underline">'
        "45</ins> days.</div>"
    )
    assert format_words(words) == "Ship [-\"A\"-]{+'A'+} & <b>B</b> within [-30-]{+45+} days."


def test_a_stale_decision_is_refused_and_changes_nothing(place: AppPlace):
    entry = _first_entry(place)
    with place.register() as register:
        register.relabel(entry.ref, "implied", version=entry.version, actor="Ann")
        with pytest.raises(ConflictError, match="changed by Ann"):
            apply_decision(register, entry, Decision("reject", "none", entry.text), actor="Ben")
        now = register.get_entry(entry.ref)
    assert (now.status, now.label, now.updated_by) == ("candidate", "implied", "Ann")


def test_an_unlabelled_entry_is_not_confirmed_until_a_label_is_chosen(place: AppPlace):
    from extractor.errors import RegisterError

    add_unlabelled_document(place)
    with place.register() as register:
        entry = register.get_entry("REQ-0001")
        with pytest.raises(RegisterError, match="REQ-0001 has no label: choose"):
            apply_decision(register, entry, Decision("confirm", None, entry.text), actor="Ann")
        unchanged = register.get_entry("REQ-0001")
        rejected = apply_decision(
            register, entry, Decision("reject", None, entry.text), actor="Ann"
        )
    assert (unchanged.status, unchanged.label, unchanged.version) == ("candidate", None, 1)
    assert rejected.status == "rejected"


def test_conflict_report_says_what_the_other_did_and_what_was_typed(place: AppPlace):
    entry = _first_entry(place)
    with place.register() as register:
        now = register.edit_text(entry.ref, "Deliver DDP.", version=entry.version, actor="Ann")
        typed = Decision("save", entry.label, entry.text, owner="QA", note="call them")
        with pytest.raises(ConflictError) as refused:
            apply_decision(register, entry, typed, actor="Bo")
    lines = conflict_report(entry, now, typed, refused.value)
    assert lines[0].startswith(f"{entry.ref} was changed by Ann after you loaded it (version 1")
    assert (
        lines[1] == f'It is now candidate; {entry.label or "unlabelled"}; text now: "Deliver DDP.".'
    )
    assert (
        lines[2]
        == "What you entered, to decide again after Reload: Save; owner: QA; note: call them."
    )


def test_warm_up_runs_the_stages_without_a_model():
    warm_up(None)  # loads spaCy and the lexicons; must not need a classifier


def test_an_upload_says_how_many_of_its_statements_were_decided_before(place: AppPlace):
    first = "The Supplier shall deliver within 30 days.\n\nParts shall be packed in crates.\n"
    fresh = place.upload("po-1.txt", first.encode())
    assert (fresh.decided_before, fresh.differ_from_before) == (0, 0)
    with place.register() as register:
        for entry in register.iter_entries():
            register.confirm(entry.ref, version=entry.version, actor="Ann")
    second = first.replace("30", "45") + "\nInvoices go to the plant.\n"
    again = place.upload("po-2.txt", second.encode())
    assert again.ok and again.report.entries_added == 3
    assert (again.decided_before, again.differ_from_before) == (1, 1)
    # a machined-parts walk: a change said in other words of a confirmed statement counts
    # as decided there too ("3 of them decided there" of 5 all confirmed)
    with place.register() as register:
        for entry in register.iter_entries(EntryFilter(statuses=("candidate",))):
            register.confirm(entry.ref, version=entry.version, actor="Ann")
    third = "Please deliver within 60 days instead of 45 days from now on.\n"
    mail = place.upload("change.txt", third.encode())
    assert (mail.changed_since_earlier, mail.differ_from_before) == (1, 1)


def test_an_upload_in_another_language_warns_that_its_labels_are_guesses(place: AppPlace):
    from extractor.classifying import load_default_classifier
    from extractor.review import import_upload

    german = (
        "Die Rahmen müssen vor dem Versand vollständig entgratet sein. Ein Lieferavis ist "
        "spätestens 48 Stunden vor der Anlieferung per E-Mail an den Wareneingang zu senden. "
        "Holzpaletten müssen nach ISPM 15 behandelt und gekennzeichnet sein. Das Gewicht "
        "einer Palette darf 1.000 kg nicht überschreiten, und die Lieferscheine sind in der "
        "Tasche an der Palette mitzuliefern. Bitte beachten Sie auch die Hinweise im Anhang."
    )
    with place.register() as register:
        result = import_upload(
            "anlieferung.txt",
            german.encode(),
            register=register,
            store=place.store(),
            actor="Ann",
            classifier=load_default_classifier(),
        )
    assert result.ok
    assert any("mostly in German" in warning for warning in result.warnings)


def test_a_protected_pdf_is_drawn_with_its_password_only():
    from pathlib import Path

    from extractor.errors import EncryptedDocument

    protected = Path(__file__).resolve().parents[1] / "documents" / "pdf" / "encrypted.pdf"
    with pytest.raises(EncryptedDocument, match="password protected"):
        render_page(protected, 1, resolution=72)
    with pytest.raises(EncryptedDocument, match="wrong password"):
        render_page(protected, 1, resolution=72, password="not-it")
    assert render_page(protected, 1, resolution=72, password="s3cret").width > 0
    assert render_page(SAMPLE_PDF, 1, resolution=72, password="s3cret").width > 0  # unused


def test_a_statement_running_into_the_next_column_is_cut_in_its_two_parts():
    """A pharmaceutical walk's order terms: a clause from the foot of the left column to
    the head of the right one had one close-up spanning the page between them."""
    from extractor.review.pages import column_runs

    page = render_page(SAMPLE_PDF, 1, resolution=72)
    foot = [
        {"page": 1, "x0": 40, "top": 700, "x1": 280, "bottom": 710},
        {"page": 1, "x0": 40, "top": 712, "x1": 200, "bottom": 722},
    ]
    head = [{"page": 1, "x0": 310, "top": 60, "x1": 560, "bottom": 70}]
    boxes = [*foot, *head]
    assert column_runs(boxes) == [foot, head]
    crop = Image.open(io.BytesIO(close_up(highlight(page, boxes, 1), page, boxes, 1, context=10)))
    # two cuts of a few lines each, one above the other: not the 670 points between them
    assert crop.size[1] < 100
    assert column_runs(foot) == [foot]  # lines of one column: one cut
