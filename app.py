"""Streamlit review app: upload documents, review the candidates at their source, keep the register.

Three views. **Review**: upload contracts and correspondence (each file is read,
its statements classified and imported into the register as candidates), then
work through the queue: each candidate beside its page with the statement
marked, confirmed, relabelled, edited or rejected with the reviewer's name.
**Register**: search, counts, each entry's history and the exports.
**Compare revisions**: two revisions of a document (quotation and order,
contract and amendment) and the requirements that differ between them.

The app only lays out widgets; the work is in ``extractor.review`` and
``extractor.register``. The register is opened per run or per action (never
cached: a connection must not outlive a rerun); only the model is cached.
Document text is shown with ``st.text``, ``st.dataframe`` and charts, and any
message that carries it goes through ``plain`` first, so nothing from a
document is ever read as HTML or Markdown.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import re
import textwrap
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, cast

import streamlit as st

from extractor.comparing import (
    CHANGE_KINDS,
    Change,
    amends_part_note,
    word_diff,
)
from extractor.errors import ConflictError, ExtractorError, RegisterError
from extractor.pipeline import NO_STATEMENTS, extract_bytes
from extractor.records import CHANGE_FIELDS, change_record, write_csv
from extractor.register import (
    EarlierDecision,
    EarlierDecisions,
    EarlierStatement,
    EntryFilter,
    EntryView,
    Register,
    format_ref,
    open_register,
)
from extractor.register.chain import ChainHead
from extractor.register.exporting import (
    MEDIA_TYPES,
    SUFFIXES,
    export_audit_bytes,
    export_bytes,
    review_records,
    reviews_csv,
)
from extractor.register.importing import statement_candidate_id
from extractor.register.reworded import repeats_earlier, wording
from extractor.register.same_text import number_blind_key
from extractor.register.service import searched_reference
from extractor.register.views import (
    EXPORT_FORMATS,
    REVIEW_OUTCOMES,
    SHOWN_STATES,
    STATUSES,
    ExportFormat,
    RevisionDecided,
    SortOrder,
    Status,
    parse_ref,
)
from extractor.review import (
    Comparison,
    Decision,
    DocumentStore,
    PageImage,
    UploadResult,
    apply_decision,
    changed_fields,
    close_up,
    compare_uploads,
    conflict_report,
    default_store_folder,
    dropped_later_lines,
    highlight,
    import_upload,
    links_refused,
    render_page,
    split_lines,
    warm_up,
)
from extractor.review.decisions import BULK_CONFIDENCE, Verdict
from extractor.review.diffs import Hint, diff_html, earlier_on_its_own
from extractor.review.links import (
    TAKEN_OVER,
    Linked,
    Proposed,
    Undoable,
    hinted_refs,
    in_force_texts,
    proposed_links,
    says_much_more,
    undo_decision,
    undo_label,
)
from extractor.review.times import shown_date, shown_time
from extractor.review.uploads import new_or_reworded_entries
from extractor.types import LABELS

# ".xls" too: a workbook saved under that name is read (with a warning), a real legacy
# one refused with its reason, rather than greyed out in the picker with no word
UPLOAD_TYPES = ["pdf", "docx", "xlsx", "xls", "csv", "eml", "msg", "txt", "md"]
QUEUE_PAGE_SIZE = 10
REGISTER_PAGE_SIZE = 50
NEW_IN_REVISION = (
    "New or reworded: this document repeats statements of earlier ones, but no earlier"
    " document has this one, not even with other numbers"
)
PAGE_RESOLUTION = 100
SORTS: dict[str, SortOrder] = {
    "Requirements first, most confident first": "requirements_first",
    "Confidence, highest first": "confidence_desc",
    "Confidence, lowest first": "confidence_asc",
    "Register number": "ref",
    "Last changed": "updated_desc",
}
# a card whose hint names no entry in force: both link fields start empty
NOTHING_PROPOSED = Proposed()
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=$:&^\"'])")


def plain(text: str) -> str:
    """``text`` with Markdown and HTML characters escaped, for messages built from documents."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


# -- shared resources ------------------------------------------------------------


@st.cache_resource(show_spinner="Loading the model…")
def classifier() -> Any:
    """The bundled model, loaded once per server with the pipeline warmed up (None: no model)."""
    from extractor.classifying import load_default_classifier

    try:
        model = load_default_classifier()
    except ExtractorError:
        model = None
    warm_up(model)
    return model


def register() -> Register:
    """The register, opened for this run or action (``EXTRACTOR_DB_URL`` or ./register.db)."""
    return open_register()


def store() -> DocumentStore:
    return DocumentStore(default_store_folder())


@st.cache_data(max_entries=64, show_spinner=False)
def page_image(folder: str, sha256: str, page: int, password: str = "") -> PageImage | None:
    """A document page drawn once per (document hash, page); None when not a stored PDF
    (or a protected one without its password)."""
    path = DocumentStore(Path(folder)).path_for(sha256)
    if path is None or path.suffix != ".pdf":
        return None
    try:
        return render_page(path, page, PAGE_RESOLUTION, password=password or None)
    except ExtractorError:
        return None


@st.cache_data(max_entries=256, show_spinner=False)
def marked_page(
    folder: str, sha256: str, page: int, boxes_json: str, password: str = ""
) -> bytes | None:
    image = page_image(folder, sha256, page, password)
    if image is None:
        return None
    return highlight(image, json.loads(boxes_json), page)


@st.cache_data(max_entries=256, show_spinner=False)
def page_close_up(
    folder: str, sha256: str, page: int, boxes_json: str, password: str = ""
) -> bytes | None:
    """The statement as the page sets it, big enough to read (the whole page is a thumbnail)."""
    image = page_image(folder, sha256, page, password)
    marked = marked_page(folder, sha256, page, boxes_json, password)
    if image is None or marked is None:
        return None
    return close_up(marked, image, json.loads(boxes_json), page)


# -- who is reviewing ------------------------------------------------------------


def login_name() -> str:
    """The signed-in user's e-mail or name when the deployment configures login, else ""."""
    try:
        user = st.user
        if not user.get("is_logged_in", False):
            return ""
        return str(user.get("email") or user.get("name") or "")
    except Exception:  # no auth configured: st.user may refuse to answer at all
        return ""


def browser_zone() -> str | None:
    """The reviewer's time zone as the browser reports it ("Europe/Berlin"); None: UTC."""
    try:
        return st.context.timezone
    except Exception:  # no browser behind the run (a bare script)
        return None


def reviewer() -> str:
    return login_name() or str(st.session_state.get("reviewer", ""))


REVIEWER_NAME_LIMIT = 100


def _take_reviewer_name() -> None:
    name = str(st.session_state.get("reviewer_name", "")).strip()[:REVIEWER_NAME_LIMIT]
    if name:
        st.session_state["reviewer"] = name
        st.query_params["reviewer"] = name  # a reload of the page offers it again


def reviewer_panel() -> None:
    """Who decides: the login when there is one, else a name asked once per session.

    A reload starts a new session; the name kept in the page's address fills the
    box again, and one click confirms it: a link passed on to a colleague must
    not decide in the sender's name without the colleague seeing it.
    """
    if login_name():
        st.sidebar.text(f"Signed in as {login_name()}")
        return
    if st.session_state.get("reviewer"):
        st.sidebar.text(f"Reviewer: {st.session_state['reviewer']}")
        return
    remembered = str(st.query_params.get("reviewer", ""))[:REVIEWER_NAME_LIMIT]
    if remembered and "reviewer_name" not in st.session_state:
        st.session_state["reviewer_name"] = remembered
    with st.sidebar.form("reviewer_form"):
        st.text_input("Your name (recorded with every decision)", key="reviewer_name")
        st.form_submit_button("Start reviewing", on_click=_take_reviewer_name)


def flash(kind: str, message: str) -> None:
    """Keep a message for the next run (callbacks run before the page is drawn)."""
    st.session_state.setdefault("flash", []).append((kind, message))


def show_flashes() -> None:
    for kind, message in st.session_state.pop("flash", []):
        getattr(st, kind)(plain(message))
    # offered once, under its message: on the next run both are gone
    bulk_undoable = st.session_state.pop("bulk_undoable", None)
    if bulk_undoable is not None:
        ids, status, _ = bulk_undoable
        st.button(
            f"Undo: put the {_entries(len(ids))} just {status} back in the queue",
            key="undo_bulk",
            on_click=undo_bulk_decision,
            args=(bulk_undoable,),
        )
    undoable = st.session_state.pop("undoable", None)
    if undoable is not None:
        st.button(
            undo_label(undoable),
            key="undo_last",
            on_click=undo_last_decision,
            args=(undoable,),
        )


# -- upload ------------------------------------------------------------------------


def pdf_password() -> str:
    """The password the reviewer gave for protected PDFs, this session only (never stored)."""
    return str(st.session_state.get("pdf_password", ""))


def handle_uploads(files: Sequence[tuple[str, bytes]], *, careful: bool = False) -> list[Any]:
    """Import each file into the register with one progress bar; failures do not stop the rest."""
    results: list[UploadResult] = []
    bar = st.progress(0.0, text="Starting…")
    with register() as opened:
        for number, (name, data) in enumerate(files):

            def progress(fraction: float, message: str, number: int = number) -> None:
                bar.progress(min(1.0, (number + fraction) / len(files)), text=plain(message))

            try:
                result = import_upload(
                    name,
                    data,
                    register=opened,
                    store=store(),
                    actor=reviewer(),
                    classifier=classifier(),
                    reader="pdfplumber" if careful else "fast",
                    progress=progress,
                    password=pdf_password(),
                )
            except RegisterError as error:
                result = UploadResult(name, error=str(error))
            results.append(result)
    bar.progress(1.0, text="Done")
    return results


def hide_uploads() -> None:
    """Button callback: the last upload's messages are read; clear them off the queue."""
    st.session_state.pop("upload_results", None)


def show_upload_results(results: Sequence[UploadResult]) -> None:
    for result in results:
        if not result.ok:
            # a register error names the document already ("po.txt: could not import ...")
            named = result.error.startswith(f"{result.name}: ")
            message = result.error if named else f"{result.name}: {result.error}"
            if "password" in result.error:  # the walk's dead end: told to give one, nowhere to
                message += (
                    ". Enter it under 'Password for protected PDFs' above the upload and"
                    " upload the file again"
                )
            st.error(plain(message), icon="⚠️")
            continue
        report = result.report
        if not report.entries_added and not report.candidates_skipped:
            st.warning(
                plain(f"{result.name}: no statements found, nothing added. {NO_STATEMENTS}"),
                icon="⚠️",
            )
            for warning in result.warnings:
                st.warning(plain(f"{result.name}: {warning}"))
            continue
        st.success(
            plain(
                f"{result.name}: {report.entries_added} new candidates"
                + (
                    f", {report.candidates_skipped} already in the register"
                    if report.candidates_skipped
                    else ""
                )
            )
        )
        met_before = []
        if result.decided_before:
            met_before.append(
                f"{_have(result.decided_before)} the text of an earlier decision "
                "(Bulk actions can decide them as before)"
            )
        differing = result.changed_since_earlier - result.states_change_only
        if differing:
            decided = (
                f", {result.differ_from_before} of them decided there"
                if result.differ_from_before
                else ""
            )
            met_before.append(
                f"{differing} "
                f"{'differs' if differing == 1 else 'differ'} from an"
                f" earlier document (other numbers or dates, said in other words with another"
                f" value, or stating a change){decided} (marked on their cards; tick"
                ' "Only what differs from an earlier document")'
            )
        if result.states_change_only:
            # no earlier document named: an IT walk's first upload into an empty register
            # had said "1 differs from an earlier document"
            count = result.states_change_only
            met_before.append(
                f"{count} {'states' if count == 1 else 'state'} a change with no earlier"
                f" statement found that {'it changes' if count == 1 else 'they change'}"
                " (marked on their cards: check which requirement is changed; tick"
                ' "Only what differs from an earlier document")'
            )
        if result.new_or_reworded:
            met_before.append(
                f"{result.new_or_reworded} {'is' if result.new_or_reworded == 1 else 'are'}"
                " in no earlier document, not even with other numbers: new or reworded (marked"
                " on their cards; Compare revisions sets them against the previous revision)"
            )
        if met_before:
            st.info(plain(f"{result.name}: " + "; ".join(met_before)))
        if result.same_as and result.new_beside_same:
            # a superset: no advice to reject (a 3PL walk's full mail after the same mail cut
            # short had its 6 new site rules, a statutory one among them, offered to reject)
            count = result.new_beside_same
            st.info(
                plain(
                    f"{result.name} holds word for word all statements of"
                    f" {' and '.join(result.same_as)}, plus {count} new"
                    f" {'one' if count == 1 else 'ones'}: the candidates repeating those can be"
                    " decided as before (Bulk actions); the new ones need your review"
                )
            )
        elif result.same_as:
            st.warning(
                plain(
                    f"{result.name} holds word for word the statements of"
                    f" {' and '.join(result.same_as)}: the same document in another file (a"
                    " copy, a protected or re-saved version)? Its candidates repeat those:"
                    " decide them as before (Bulk actions) or reject them"
                ),
                icon="⚠️",
            )
        if result.dropped:
            count = len(result.dropped)
            st.warning(
                plain(
                    f"{result.name} leaves out {count} confirmed"
                    f" {'requirement' if count == 1 else 'requirements'} of"
                    f" {result.dropped_from}, its previous revision, not even with other"
                    f" numbers or in other words: {', '.join(result.dropped[:12])}"
                    + (f" and {count - 12} more" if count > 12 else "")
                    + ". If the revision drops them, withdraw them with it as the reason"
                    " (search their REQ numbers, status confirmed, 'Withdraw'); if not, ask"
                    " the customer"
                ),
                icon="⚠️",
            )
        for warning in result.warnings:
            st.warning(plain(f"{result.name}: {warning}"))


def _have(count: int) -> str:
    return f"{count} {'has' if count == 1 else 'have'}"


def upload_section() -> None:
    careful = st.sidebar.checkbox(
        "Careful PDF reading (pdfplumber, slower)",
        key="careful_reading",
        help="The default fast reader (pypdfium2) reads a 50-page contract in about 2 s.",
    )
    with st.expander("Password for protected PDFs"):
        st.text_input(
            "Password for protected PDFs",
            type="password",
            key="pdf_password",
            help="Opens protected PDFs you upload in this session and draws their pages. "
            "It is kept in this browser session only, never in the register or on disk.",
        )
    # A new picker after each import: files left in it had been listed again with every
    # later upload, their results repeated, as mails arrived one by one over weeks.
    round_ = int(st.session_state.setdefault("upload_round", 0))
    files = st.file_uploader(
        "Contracts, purchase orders, statements of work, e-mails",
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        key=f"uploads_{round_}",
        disabled=not reviewer(),
        help="The list empties once the files are in the register; what each gave stays below.",
    )
    if files:
        results = handle_uploads([(u.name, u.getvalue()) for u in files], careful=careful)
        st.session_state["upload_results"] = results
        uploaded_ids = sorted({i for r in results for i in r.document_ids})
        if uploaded_ids:
            # Show the queue of what was just uploaded (the filter is drawn after this),
            # without the last search: an automotive walk's "REQ-0250" left the new file's
            # queue showing "0 in the queue" under "1 new candidates"
            st.session_state["queue_documents"] = uploaded_ids
            st.session_state["queue_search"] = ""
        st.session_state["upload_round"] = round_ + 1
        st.rerun()
    results = st.session_state.get("upload_results", [])
    show_upload_results(results)
    if results:
        # an automotive walk had the last upload's messages over the queue through forty
        # decisions after; they stay until the next upload or this
        st.button("Hide these upload messages", key="hide_upload_results", on_click=hide_uploads)


# -- review queue --------------------------------------------------------------------


def _form_key(entry: EntryView) -> str:
    # The version is part of the key: after any save the form starts from the new values.
    return f"{entry.id}-v{entry.version}"


def decide(entry: EntryView, verdict: Verdict, hinted: Sequence[str] = ()) -> None:
    """Button callback: save the reviewer's decision against the version they were shown.

    ``hinted``: the entries in force the card's hint named (and filled in as replaced or
    changed in part); one the reviewer cleared from both fields is said to stay in force.
    """
    actor = reviewer()
    if not actor:
        flash("error", "Enter your name in the sidebar before deciding.")
        return
    key = _form_key(entry)
    state = st.session_state
    due = state.get(f"{key}-due")
    decision = Decision(
        verdict=verdict,
        label=state.get(f"{key}-label", entry.label),
        text=str(state.get(f"{key}-text", entry.text)),
        owner=str(state.get(f"{key}-owner", entry.owner)),
        due_date=due if isinstance(due, date) else None,
        note=str(state.get(f"{key}-note", "")),
    )
    replacing = list(dict.fromkeys(named_refs(str(state.get(f"{key}-replaces-named", "")))))
    changing = list(dict.fromkeys(named_refs(str(state.get(f"{key}-changes-named", "")))))
    if both := [ref for ref in changing if ref in replacing]:
        flash(
            "error",
            f"{entry.ref}: nothing saved; it cannot both replace and change part of"
            f" {' and '.join(both)}: name it in one of the two fields",
        )
        return
    linking = verdict == "confirm" or (verdict == "save" and entry.status == "confirmed")
    if linking and (replacing or changing):
        try:
            with register() as opened:
                refused = links_refused(opened, entry, replacing, changing)
        except RegisterError as error:
            refused = [str(error)]
        if refused:  # nothing saved, so the card keeps what the reviewer typed
            flash("error", f"{entry.ref}: nothing saved; " + "; ".join(refused))
            return
    if verdict == "save" and not changed_fields(entry, decision) and not decision.note.strip():
        # an automotive walk typed "It also replaces" on a confirmed card and pressed
        # Save: the field was dropped without a word
        if (replacing or changing) and entry.status == "confirmed":
            for replaced in replacing:
                supersede(replaced, entry.ref, actor)
            for amended in changing:
                change_in_part(amended, entry.ref, actor)
        elif replacing or changing:
            flash(
                "info",
                f"{entry.ref}: nothing saved; what it replaces or changes is marked when it is"
                " confirmed (Confirm)",
            )
        else:
            flash("info", f"{entry.ref}: nothing changed, nothing saved")
        return
    try:
        with register() as opened:
            saved = apply_decision(opened, entry, decision, actor=actor)
    except ConflictError as error:
        try:
            with register() as opened:
                now = opened.get_entry(entry.id)
            state["conflict"] = "\n\n".join(conflict_report(entry, now, decision, error))
        except RegisterError:
            state["conflict"] = str(error)
        return
    except RegisterError as error:
        flash("error", str(error))
        return
    if verdict == "reopen":
        flash("success", f"{saved.ref}: reopened, back in the queue as a candidate")
        return
    if verdict == "withdraw" and saved.status == "withdrawn":  # Confirm puts it back in force
        flash(
            "success",
            f"{saved.ref}: withdrawn, no longer in force (Confirm on its card puts it back)",
        )
        return
    decided = f"{saved.status}, {saved.label or 'unlabelled'}"
    flash("success", f"{saved.ref}: {'rejected' if saved.status == 'rejected' else decided}")
    superseded: list[Linked] = []
    changed: list[Linked] = []
    if verdict == "confirm" or (verdict == "save" and saved.status == "confirmed"):
        superseded = [
            linked for replaced in replacing if (linked := supersede(replaced, saved.ref, actor))
        ]
        changed = [
            linked for amended in changing if (linked := change_in_part(amended, saved.ref, actor))
        ]
        if verdict == "confirm":
            # an automotive walk confirmed revision B's 8 µm and kept revision A's 10 µm
            # in force beside it, unwarned: a repeat order rightly keeps both, a revision not
            cleared = [ref for ref in hinted if ref not in replacing and ref not in changing]
            kept = " and ".join(still_in_force(cleared))
            if kept:
                flash(
                    "warning",
                    f"{kept} stays in force beside {saved.ref}: if {saved.ref} changes it,"
                    " Undo and name it under 'It also replaces' or 'It changes part of',"
                    " or supersede it in the Register view",
                )
            _warn_dropped_later([saved.id])
    if saved.status != entry.status:  # a decision a slip of the mouse may have taken
        state["undoable"] = undoable_decision(saved, superseded, changed)


def undoable_decision(
    saved: EntryView, superseded: list[Linked], changed: list[Linked]
) -> Undoable:
    """What Undo puts back: the entry as decided, before it took anything over from the
    entries it superseded, and those entries as they were (``undo_decision``)."""
    with register() as opened:
        now = opened.get_entry(saved.id)
    before = {name: getattr(saved, name) for name in TAKEN_OVER}
    return Undoable(
        saved.id,
        saved.ref,
        saved.status,
        now.version,
        {name: value for name, value in before.items() if getattr(now, name) != value},
        tuple(superseded),
        tuple(changed),
    )


def still_in_force(refs: list[str]) -> list[str]:
    """Those of ``refs`` confirmed and in force now: the card named them when it was drawn,
    and a federal walk was told "REQ-0293 stays in force beside REQ-0379" seconds after
    superseding REQ-0293."""
    if not refs:
        return []
    with register() as opened:
        found = [opened.get_entry(ref) for ref in refs]
    return [entry.ref for entry in found if entry.status == "confirmed" and not entry.superseded_by]


_REF = re.compile(r"(?:REQ-?)?(\d{1,7})", re.IGNORECASE)


def named_refs(typed: str) -> list[str]:
    """The entries a reviewer typed ("REQ-0081, req-44 12"), as REQ numbers."""
    return [format_ref(int(number)) for number in _REF.findall(typed)]


def supersede(replaced: str, by: str, actor: str) -> Linked | None:
    """Mark an earlier revision's entry superseded by the one just confirmed, which takes
    over its owner, due date and notes where it has none (``Register.supersede``); what
    Undo needs to put it back in force, or None when it was not superseded."""
    try:
        with register() as opened:
            old = opened.get_entry(replaced)
            before = opened.get_entry(by)
            now = opened.supersede(replaced, by, version=old.version, actor=actor)
            after = opened.get_entry(by)
    except RegisterError as error:
        flash("error", f"{replaced} was not marked superseded: {error}")
        return None
    taken = [
        name.replace("_", " ")
        for name in ("owner", "due_date", "notes")
        if getattr(before, name) != getattr(after, name)
    ]
    took = f"; {by} took over its {', '.join(taken)}" if taken else ""
    flash("success", f"{replaced}: superseded by {by}, no longer in force{took}")
    # a waiting requirement is confirmed by being replaced: Undo puts it back waiting
    return Linked(now.ref, now.version, {"superseded_by": None, "status": old.status})


def _earlier_text(other_numbers: Any, changed_since: Any, reworded: Any) -> str:
    """The text of the earlier statement the card's hint links its entry to, if any."""
    earlier = other_numbers or changed_since or reworded
    return str(getattr(earlier, "found_text", "") or getattr(earlier, "text", "") or "")


def change_in_part(amended: str, by: str, actor: str) -> Linked | None:
    """Note on an earlier requirement that the one just confirmed changes part of it; both
    stay in force (``Register.change_in_part``). What Undo needs to take the note off, or
    None when it was not noted."""
    try:
        with register() as opened:
            old = opened.get_entry(amended)
            now = opened.change_in_part(amended, by, actor=actor)
    except RegisterError as error:
        flash("error", f"{amended}: the change was not noted on it: {error}")
        return None
    flash("success", f"{amended}: stays in force; {by} changing part of it is noted on it")
    return Linked(now.ref, now.version, {"notes": old.notes})


def split_entry(entry: EntryView) -> None:
    """Button callback: split the statement into the lines the reviewer wrote, checked
    against the version they were shown (``Register.split``)."""
    actor = reviewer()
    if not actor:
        flash("error", "Enter your name in the sidebar before deciding.")
        return
    parts = split_lines(str(st.session_state.get(f"{_form_key(entry)}-split-text", "")))
    if len(parts) < 2:
        flash("error", f"{entry.ref} was not split: put each requirement on a line of its own")
        return
    try:
        with register() as opened:
            kept, *new = opened.split(entry.id, parts, version=entry.version, actor=actor)
    except ConflictError as error:
        yours = "\n\n".join(parts)  # nothing typed is lost; a paragraph each
        st.session_state["conflict"] = (
            f"{entry.ref} was not split: {error}\n\n"
            f"Your parts, to split again after Reload:\n\n{yours}"
        )
        return
    except RegisterError as error:
        flash("error", str(error))
        return
    refs = ", ".join(part.ref for part in new)
    are = "is a new candidate" if len(new) == 1 else "are new candidates"
    flash(
        "success",
        f"{kept.ref} split: it keeps the first part; {refs} {are}, shown below it"
        " without a label: choose one for each",
    )


def undo_last_decision(kept: Undoable) -> None:
    """Button callback: put the entry just confirmed or rejected back in the queue, and the
    entries its confirm superseded back in force (``undo_decision``)."""
    actor = reviewer()
    if not actor:
        return
    try:
        with register() as opened:
            left = undo_decision(opened, kept, actor=actor)
    except ConflictError as error:
        flash("error", f"{kept.ref} was not reopened: {error}")
        return
    except RegisterError as error:
        flash("error", str(error))
        return
    back = [linked.ref for linked in kept.superseded if not _named_in(linked.ref, left)]
    in_force = f"; {' and '.join(back)} back in force" if back else ""
    flash(
        "success", f"{kept.ref}: {kept.status} undone, back in the queue as a candidate{in_force}"
    )
    for line in left:
        flash("warning", line)


def _named_in(ref: str, lines: Sequence[str]) -> bool:
    return any(line.startswith(f"{ref} ") for line in lines)


def _reload() -> None:
    st.session_state.pop("conflict", None)


CONFLICT_WAIT = (
    "Deciding waits: another reviewer changed an entry you decided (see the top of the"
    " page); press Reload there to see the queue as it is now."
)


def _warn_dropped_later(confirmed: Sequence[int]) -> None:
    """Name what a later revision, imported before these entries were confirmed, leaves out
    of them: its upload could not (a valve specification walk's revision B was uploaded
    before revision A was reviewed)."""
    if not confirmed:
        return
    try:
        with register() as opened:
            lines = dropped_later_lines(opened, confirmed)
    except RegisterError:
        return  # the decision is saved; only the hint is lost
    for line in lines:
        flash("warning", line)


def show_conflict() -> None:
    message = st.session_state.get("conflict")
    if message:
        st.error(plain(message), icon="🔒")
        st.button("Reload", key="reload", on_click=_reload, type="primary")


def bulk(action: str, where: EntryFilter) -> None:
    """Button callback: a bulk confirm or reject, each entry audited on its own."""
    actor = reviewer()
    if not actor:
        flash("error", "Enter your name in the sidebar before deciding.")
        return
    target: Status = "confirmed" if action == "confirm" else "rejected"
    with register() as opened:
        if action in ("confirm", "reject"):
            # the entries changed, so that the bulk decision can be undone as one
            changing = opened.bulk_decide(where, target, actor=actor)
            count = len(changing)
        elif action in ("same_as_earlier", "same_as_revision"):
            bar = st.progress(0.0, text="Deciding as before")

            def report(done: int, total: int) -> None:
                share = done / total if total else 1.0
                bar.progress(share, text=f"Deciding as before: {done:,} of {total:,}")

            message = ""
            if action == "same_as_revision":
                outcome = opened.decide_revision_as_before(where, actor=actor, progress=report)
                count, message = outcome.decided, "; " + revision_message(outcome)
                names = {document.id: document.name for document in opened.documents()}
                if left := outcome.left_in_force_line(names):
                    message += "; " + left
            else:
                count = opened.apply_earlier_decisions(where, actor=actor, progress=report)
            bar.empty()
            flash("success", f"{_entries(count)} decided as their text was decided before{message}")
            return
    flash("success", f"{_entries(count)} {action}ed")
    if action == "confirm":
        _warn_dropped_later(changing)
    if 0 < len(changing) <= BULK_UNDO_LIMIT:
        st.session_state["bulk_undoable"] = (changing, target, count)


# Entries a bulk decision may put back at once (the ids go into one IN (...) list).
BULK_UNDO_LIMIT = 20_000


def undo_bulk_decision(kept: tuple[tuple[int, ...], Status, int]) -> None:
    """Button callback: put the entries a bulk confirm or reject just decided back in the
    queue; those someone decided otherwise since are left as they are."""
    actor = reviewer()
    if not actor:
        return
    ids, status, count = kept
    with register() as opened:
        reopened = opened.set_status_where(
            EntryFilter(entry_ids=ids, statuses=(status,)), "candidate", actor=actor
        )
    left = count - reopened
    note = f"; {_entries(left)} changed since, left as they are" if left > 0 else ""
    verb = "confirm" if status == "confirmed" else "reject"
    flash("success", f"Bulk {verb} undone: {_entries(reopened)} back in the queue{note}")


def _entries(count: int) -> str:
    return f"{count} entry" if count == 1 else f"{count} entries"


def revision_message(outcome: RevisionDecided) -> str:
    """What replacing an earlier revision did, for the message under the bulk action."""
    if not outcome.superseded:
        return "no earlier confirmed entry in force had their text, none was superseded"
    earlier = "earlier entry" if outcome.superseded == 1 else "earlier entries"
    carried = (
        f"; {_entries(outcome.carried)} took over owner, due date or notes"
        if outcome.carried
        else ""
    )
    return f"{outcome.superseded} {earlier} superseded, no longer in force{carried}"


def _decided_as(decision: EarlierDecision) -> str:
    """ "confirmed as specified", or "rejected"."""
    if decision.status == "confirmed":
        return f"confirmed as {decision.label or 'unlabelled'}"
    return decision.status


def earlier_decisions_line(entry: EntryView, earlier: EarlierDecisions) -> str:
    """What reviewers decided before on the same text, in one line for the card."""
    if earlier.split:  # one label would lose a part: the reviewer splits this one too
        return (
            f"Same text decided before, split into several requirements: {earlier.split}."
            " Split this one too where it holds the same; it is not decided as before"
        )
    if earlier.replaced and earlier.agree and earlier.latest:
        # a machined-parts walk: "Decide as REQ-0083 was" put the drawing's 0.005 mm back
        # in force beside the mail's 0.008 mm that had replaced it
        old, new = earlier.replaced.split(" by ")
        return (
            f"Same text decided before ({earlier.latest[0].ref}, {_decided_as(earlier.latest[0])}),"
            f" but {old} was since replaced by {new}, which says it otherwise: check which is"
            " in force; it is not decided as before"
        )
    agreed = earlier.agreed
    if agreed is not None:
        outcome = _decided_as(agreed)
        if " ".join(agreed.text.split()) != " ".join(entry.text.split()):
            outcome += ", text edited"
        alike = f" and {earlier.total - 1} more alike" if earlier.total > 1 else ""
        return (
            f"Same text decided before: {agreed.ref} in {agreed.document_name}, {outcome}, "
            f"by {agreed.updated_by} on {shown_date(agreed.updated_at, browser_zone())}{alike}"
        )
    shown = [f"{d.ref} {_decided_as(d)} ({d.updated_by})" for d in earlier.latest[:3]]
    more = f" and {earlier.total - len(shown)} more" if earlier.total > len(shown) else ""
    return "Same text decided differently before: " + "; ".join(shown) + more


NEIGHBOUR_CHARS = 300


def _shortened(text: str) -> str:
    """A neighbouring statement cut to a few lines: context, not a second card."""
    return textwrap.shorten(text, width=NEIGHBOUR_CHARS, placeholder=" …") if text else ""


def show_hint(hint: Hint) -> None:
    """The hint on its card: text as text, the diff as escaped HTML (``diff_html``)."""
    st.text(hint.heading)
    for line in hint.before:
        st.text(line)
    st.html(diff_html(hint.words))
    for line in hint.after:
        st.text(line)


def other_numbers_hint(entry: EntryView, earlier: EarlierDecision) -> Hint:
    """The clause as decided before with other numbers: who decided what, and the word diff."""
    since = f", since superseded by {earlier.superseded_by}" if earlier.superseded_by else ""
    words = word_diff(earlier.found_text or earlier.text, entry.text)
    return Hint(
        f"Differs from {earlier.ref} decided before in {earlier.document_name} "
        f"({_decided_as(earlier)}{since}, "
        f"by {earlier.updated_by} on {shown_date(earlier.updated_at, browser_zone())});"
        " numbers or dates changed:",
        words,
        before=earlier_on_its_own(earlier.ref, earlier.found_text or earlier.text, words),
    )


def changed_since_hint(entry: EntryView, earlier: EarlierStatement) -> Hint:
    """The clause as an earlier document has it with other numbers, not decided there yet."""
    state: str = "waiting for review" if earlier.status == "candidate" else earlier.status
    if earlier.in_force:  # named, since the card fills it in as the entry replaced
        state += f", since superseded by {earlier.in_force}"
    words = word_diff(earlier.text, entry.text)
    return Hint(
        f"Differs from {earlier.ref} in {earlier.document_name} ({state});"
        " numbers or dates changed:",
        words,
        before=earlier_on_its_own(earlier.ref, earlier.text, words),
    )


def reworded_hint(entry: EntryView, earlier: EarlierStatement) -> Hint:
    """The statement an earlier document has reworded, with another value: the word diff."""
    state: str = "waiting for review" if earlier.status == "candidate" else earlier.status
    sent = f", sent {shown_date(earlier.sent_at, browser_zone())}" if earlier.sent_at else ""
    if earlier.in_force:
        state += f", since superseded by {earlier.in_force}"
    how = (
        "in other words, with another value"
        if wording(entry.text).values != wording(earlier.text).values
        else "in other words"  # the previous revision's clause, reworded
    )
    after: tuple[str, ...] = ()
    if earlier.also:
        # the tender's clause, its table row and its matrix row: one value, three entries
        others = ", ".join(ref for ref, _ in earlier.also)
        after = (f"The same value stands in {others} too: each may differ as well",)
    words = word_diff(earlier.text, entry.text)
    return Hint(
        f"May differ from {earlier.ref} ({earlier.document_name}{sent}, {state}):"
        f" said before {how}:",
        words,
        after,
        before=earlier_on_its_own(earlier.ref, earlier.text, words),
    )


def change_cue_line(entry: EntryView) -> str:
    """A statement that says it changes something, with no earlier one found to show."""
    return f'States a change ("{entry.change_cue}"): check which earlier requirement it replaces'


# A requirement label under this confidence was given because P(none) stayed under
# the model's `none` threshold, not because the label is likely: "specified 0.18"
# alone reads as nonsense, so the card says why the candidate is there.
WEAK_GUESS = 0.5
WEAK_GUESS_NOTE = "a weak guess: kept because the model could not rule out a requirement"


def label_line(entry: EntryView) -> str:
    """The label, and the classifier's confidence only beside the label it gave.

    After a reviewer relabels, "specified 1.00" would read as the model being
    sure of the reviewer's label; the card says what the model said instead.
    """
    label = entry.label or "unlabelled"
    if entry.confidence is None:
        return label
    if entry.found_label and entry.found_label != entry.label:
        return f"{label} (the model said {entry.found_label} {entry.confidence:.2f})"
    if label != "none" and entry.confidence < WEAK_GUESS:
        return f"{label} {entry.confidence:.2f} ({WEAK_GUESS_NOTE})"
    return f"{label} {entry.confidence:.2f}"


def candidate_card(
    entry: EntryView,
    folder: str,
    can_decide: bool,
    earlier: EarlierDecisions | None = None,
    other_numbers: EarlierDecision | None = None,
    neighbours: tuple[str, str] | None = None,
    *,
    new_in_revision: bool = False,
    changed_since: EarlierStatement | None = None,
    reworded: EarlierStatement | None = None,
    proposed: Proposed = NOTHING_PROPOSED,
) -> None:
    """One candidate: where it comes from, its page with the statement marked, the decision form.

    ``new_in_revision``: its document repeats statements of earlier ones, but not this one.
    ``changed_since``: an earlier document has it with other numbers (shown when no
    decision there says so already). ``reworded``: an earlier document said it in other
    words with another value (shown when neither of those is). ``proposed``: the entries
    in force the shown hint names, filled into "It also replaces" or "It changes part of"
    (``extractor.review.links``).
    """
    boxes_json = json.dumps([dict(box) for box in entry.boxes])
    with st.container(border=True):
        left, right = st.columns([7, 3])  # the text and its close-up need the room
        with left:
            decided = (
                f" by {entry.updated_by} on {shown_date(entry.updated_at, browser_zone())}"
                if entry.status != "candidate"
                else ""
            )
            st.text(f"{entry.ref}  ·  {label_line(entry)}  ·  {entry.status}{decided}")
            st.text(entry.text)
            if entry.split_from:  # a part of a statement: the whole stays in sight
                st.text(f"Split from {entry.split_from} (extracted text: {entry.extracted_text})")
            elif entry.edited:  # the reviewer's wording: the source's stays in sight
                st.text(f"Edited (extracted text: {entry.extracted_text})")
            if entry.split_into:
                st.text(f"Split: the other parts are {', '.join(entry.split_into)}")
            if entry.notes:
                st.text("Notes:\n" + entry.notes)
            pages = entry.pages
            if entry.page is not None and entry.document_sha256 and entry.boxes:
                for page in pages:  # a clause running over a page break: each part
                    crop = page_close_up(
                        folder, entry.document_sha256, page, boxes_json, pdf_password()
                    )
                    if crop is not None:
                        st.image(crop, caption=f"As set on page {page}")
            where = [entry.document_name]
            if entry.sender and entry.kind != "quoted":  # an e-mail: who asked, and when
                sent = (
                    f", sent {shown_time(entry.sent_at, browser_zone())}" if entry.sent_at else ""
                )
                where.append(f"from {entry.sender}{sent}")
            if entry.kind == "quoted":
                where.append("quoted from an earlier e-mail")
            if entry.ocr:
                where.append("read by OCR from a scan: check the text against the page")
            if len(pages) > 1:
                where.append(f"pages {pages[0]}-{pages[-1]}")
            elif entry.page is not None:
                where.append(f"page {entry.page}")
            if entry.clause:
                where.append(f"clause {entry.clause}")
            if entry.section:
                where.append(f"section {entry.section}")
            st.text("  ·  ".join(where))
            if entry.laws or entry.standards:
                st.text("Cites: " + "; ".join([*entry.laws, *entry.standards]))
            if new_in_revision and reworded is None:  # not "new" and "said before" at once
                st.text(NEW_IN_REVISION)
            if entry.superseded_by:
                st.text(f"Superseded by {entry.superseded_by}: no longer in force")
            elif entry.status == "withdrawn":
                st.text("Withdrawn: no longer required, no longer in force (see its history)")
            if other_numbers is not None:
                show_hint(other_numbers_hint(entry, other_numbers))
            elif changed_since is not None:
                show_hint(changed_since_hint(entry, changed_since))
            elif reworded is not None:
                show_hint(reworded_hint(entry, reworded))
            if (
                entry.change_cue
                and entry.status == "candidate"
                and not (other_numbers or changed_since or reworded)
                # the same change decided before is no new one (a re-walk: issue 3's
                # "Almond is removed ..." repeated issue 2's, confirmed)
                and earlier is None
            ):
                st.text(change_cue_line(entry))
            if earlier is not None:
                st.text(earlier_decisions_line(entry, earlier))
                if earlier.agreed is not None:
                    st.button(
                        f"Decide as {earlier.agreed.ref} was",
                        key=f"{_form_key(entry)}-as-before",
                        on_click=bulk,
                        args=("same_as_earlier", EntryFilter(entry_ids=(entry.id,))),
                        disabled=not can_decide,
                    )
            key = _form_key(entry)
            hinted = list(proposed.named)
            # an aerospace walk: the buyer's "the need date is now 12 June instead of 15 May",
            # linked to the order line it changes, was labelled none and Reject suggested
            changes_in_force = entry.status == "candidate" and entry.label == "none" and hinted
            if changes_in_force:
                st.text(
                    f"Labelled none, but it changes {' and '.join(hinted)}, in force: a"
                    " changed requirement is one too, so the label below says specified"
                    " (reject it if it changes nothing)"
                )
            with st.form(f"form-{key}", border=False):
                first, second = st.columns(2)
                # unlabelled (imported with --no-classify): no label until the reviewer picks one
                label_index = LABELS.index(entry.label) if entry.label in LABELS else None
                if changes_in_force:
                    label_index = LABELS.index("specified")
                first.selectbox(
                    "Label",
                    LABELS,
                    index=label_index,
                    key=f"{key}-label",
                    placeholder="Choose a label",
                )
                second.text_input("Owner", value=entry.owner, key=f"{key}-owner")
                st.text_area("Text", value=entry.text, key=f"{key}-text", height=80)
                first, second = st.columns(2)
                first.date_input("Due date", value=entry.due_date, key=f"{key}-due")
                second.text_input(
                    "Add a note",
                    key=f"{key}-note",
                    help="Kept in the entry's notes; with a confirm, reject, relabel or edit"
                    " it is also recorded in the audit trail as the reason for the decision."
                    " Withdraw needs one: the revision or letter that dropped the requirement.",
                )
                # filled in from the hint, in the field its kind means: a medical-device
                # walker typed the hinted REQ number by hand on every amendment's card
                fill_in(f"{key}-replaces-named", proposed.replaces)
                fill_in(f"{key}-changes-named", proposed.changes)
                st.text_input(
                    "It also replaces (REQ numbers)",
                    key=f"{key}-replaces-named",
                    placeholder="REQ-0081, REQ-0044",
                    help="Earlier confirmed entries this one takes the place of, when the tool"
                    " did not find them: a moved delivery date, an amended clause. Confirming"
                    " marks them superseded: no longer in force.",
                )
                st.text_input(
                    "It changes part of (REQ numbers)",
                    key=f"{key}-changes-named",
                    placeholder="REQ-0008",
                    help="Earlier confirmed entries this one changes only in part (an order"
                    " line's date, an added test): confirming keeps them in force and notes"
                    " the change on each.",
                )
                for line in filled_in_lines(
                    proposed, _earlier_text(other_numbers, changed_since, reworded), entry.text
                ):
                    st.caption(line)
                # The likely verdict is the primary button: "none" is rather rejected.
                suggested = "reject" if entry.label == "none" and not hinted else "confirm"
                verdicts: tuple[Verdict, ...] = ("confirm", "save", "reject")
                if entry.status != "candidate":  # a decision taken by mistake can be undone
                    verdicts = (*verdicts, "reopen")
                    suggested = "save"
                if entry.status == "confirmed" and not entry.superseded_by:
                    # a revision dropped its clause, a letter cancelled it: ended, not wrong
                    verdicts = (*verdicts, "withdraw")
                buttons = st.columns(len(verdicts))
                for column, verdict in zip(buttons, verdicts, strict=True):
                    with column:
                        st.form_submit_button(
                            verdict.capitalize(),
                            key=f"{key}-{verdict}",
                            on_click=decide,
                            args=(entry, verdict, hinted),
                            disabled=not can_decide,
                            type="primary" if verdict == suggested else "secondary",
                        )
                if st.session_state.get("conflict"):
                    # a logistics walk's reviewer, far down the queue, took the greyed
                    # buttons for a hung app: the reason was only at the top of the page
                    st.caption(CONFLICT_WAIT)
            if entry.status == "candidate":
                split_control(entry, can_decide)
        with right:
            if entry.page is not None and entry.document_sha256:
                png = marked_page(
                    folder, entry.document_sha256, entry.page, boxes_json, pdf_password()
                )
                if png is not None:
                    more = f" (continues on page {pages[-1]})" if len(pages) > 1 else ""
                    st.image(png, caption=f"Page {entry.page}{more}", width="stretch")
                else:
                    st.text(
                        "No page image (document file not kept here, or a protected PDF:"
                        " give its password under the upload)"
                    )
            elif neighbours is not None:
                # No page to show: the statements around it, as the classifier saw them.
                before, after = neighbours
                st.caption("In its document")
                st.text(
                    "\n\n".join(
                        part
                        for part in (_shortened(before), "▶ " + entry.text, _shortened(after))
                        if part
                    )
                )
            else:
                st.text("Text document: no page image")


def fill_in(field: str, refs: Sequence[str]) -> None:
    """Put the hinted REQ numbers in a link field when it is drawn anew or the hint now names
    others (the entry superseded meanwhile, in another tab): a field keeps its value for as
    long as its key lives, so a value passed to the widget would go stale. What the reviewer
    typed stays while the hint names the same."""
    filled = ", ".join(refs)
    state = st.session_state
    if field not in state or state.get(f"{field}-filled") != filled:
        state[field] = filled
    state[f"{field}-filled"] = filled


def filled_in_lines(proposed: Proposed, earlier_text: str, text: str) -> list[str]:
    """What the card filled in from its hint and what confirming then does, so that a
    reviewer confirming card after card knows what they take out of force."""
    lines = []
    if proposed.replaces:
        named = " and ".join(proposed.replaces)
        lines.append(
            f"Filled in from the hint: confirming marks {named} superseded, no longer in force."
            " Clear it if this does not replace it; move it to 'It changes part of' if this"
            " changes only part of it. Undo after confirming puts it back in force."
        )
    if proposed.changes:
        named = " and ".join(proposed.changes)
        lines.append(
            f"Filled in from the hint: confirming keeps {named} in force and notes this"
            " change on it. If this says all of it again in other words, move it to 'It also"
            " replaces'; clear it if this changes nothing of it."
        )
        if says_much_more(earlier_text, text):
            # a re-walk: "Reactive power capability 0.93 ..., not 0.95" replaced the whole
            # grid-code clause, its regulation and ride-through with it
            lines.append(
                f"{named} says much more than this statement: if this changes only one of"
                " its values, leave it under 'It changes part of'."
            )
    return lines


def split_control(entry: EntryView, can_decide: bool) -> None:
    """Split a statement that holds two requirements ("zinc-plated to ASTM B633 and shall
    comply with RoHS"), which one label cannot record: one part per line."""
    key = _form_key(entry)
    with (
        st.expander("Split into several requirements"),
        st.form(f"split-{key}", border=False),
    ):
        st.text_area(
            "One requirement per line: this entry keeps the first, each other line becomes"
            " a new candidate at the same place, without a label",
            value=" ".join(entry.text.split()),
            key=f"{key}-split-text",
            height=100,
        )
        st.form_submit_button(
            "Split",
            key=f"{key}-split",
            on_click=split_entry,
            args=(entry,),
            disabled=not can_decide,
        )


def queue_filters(opened: Register) -> EntryFilter:
    documents = {view.id: view.name for view in opened.documents()}
    chosen = st.session_state.get("queue_documents")
    if chosen is not None:
        st.session_state["queue_documents"] = [d for d in chosen if d in documents]
    # a row of its own: file names are long, and a quarter-width box cut them to "it_sta..."
    text = st.text_input(
        "Search text, clause or REQ number",
        key="queue_search",
        help="Narrows the queue to the statements holding these words, clause or number"
        " ('3.1.2', 'REQ-0271', 'noise'), to decide them here.",
    )
    document_ids = st.multiselect(
        "Documents", list(documents), format_func=lambda d: documents[d], key="queue_documents"
    )
    if document_ids:
        waiting = EntryFilter(statuses=("candidate",))
        elsewhere = opened.count_entries(waiting) - opened.count_entries(
            replace(waiting, document_ids=tuple(document_ids))
        )
        if elsewhere > 0:
            # An upload narrows the queue to its documents; those uploaded before it still wait
            st.caption(
                f"{elsewhere:,} candidates of other documents wait for review too: "
                "empty the Documents box to see them."
            )
    first, second, third = st.columns(3)
    labels = first.multiselect("Labels", LABELS, key="queue_labels")
    # the default set through the session, not default=: a value kept across views is
    # written back there, and both at once made Streamlit warn on every run
    st.session_state.setdefault("queue_statuses", ["candidate"])
    statuses = second.multiselect("Status", STATUSES, key="queue_statuses")
    st.session_state.setdefault("queue_confidence", (0.0, 1.0))
    # a range slider (its value in the session is a pair) gives a pair back
    bounds = cast(
        "tuple[float, float]",
        third.slider("Confidence", 0.0, 1.0, step=0.01, key="queue_confidence"),
    )
    low, high = bounds
    first, second = st.columns(2)
    hide_quoted = first.checkbox(
        "Hide quoted text that is in the register as written",
        key="queue_hide_quoted",
        help="A reply repeats the messages before it: hide what the register holds in"
        " those messages themselves. A quote that is the only copy stays in the queue.",
    )
    changed_only = second.checkbox(
        "Only what differs from an earlier document",
        key="queue_changed_only",
        help="The same clause as in an earlier document (a previous revision, the last "
        "order, an e-mail sent before), reviewed or not, with a quantity, price, lead time "
        "or date changed; one said before in other words with another value (level C, now "
        'level B); and statements that say they change something ("600 instead of 500", '
        '"moved to week 14"): the requirements that differ from those expressed before.',
    )
    return EntryFilter(
        statuses=tuple(statuses),
        labels=tuple(labels),
        document_ids=tuple(document_ids),
        min_confidence=low if low > 0.0 else None,
        max_confidence=high if high < 1.0 else None,
        include_quoted=not hide_quoted,
        differs_from_earlier=changed_only,
        text=text,
    )


def bulk_actions(opened: Register, where: EntryFilter, can_decide: bool) -> None:
    with st.expander("Bulk actions", expanded=False):
        st.session_state.setdefault("bulk_threshold", BULK_CONFIDENCE)
        threshold = st.number_input(
            "Confidence threshold", 0.0, 1.0, step=0.05, key="bulk_threshold"
        )
        documents = where.document_ids
        confirm_where = EntryFilter(
            statuses=("candidate",),
            labels=("statutory",),
            document_ids=documents,
            min_confidence=threshold,
        )
        # Rejecting is bounded by the same threshold: on real documents about one
        # `none` label in six is a requirement, most of them at low confidence. What
        # differs from an earlier document is left for the reviewer to see (a food walk's
        # changed allergen line, `none` at 0.96, was in the list), and so is a text
        # confirmed as a requirement before (a re-walk's peanut line).
        reject_where = EntryFilter(
            statuses=("candidate",),
            labels=("none",),
            document_ids=documents,
            min_confidence=threshold,
            differing_left_out=True,
            confirmed_text_left_out=True,
        )
        scope = "in the chosen documents" if documents else "in every document"
        # One per line: side by side, their labels were cut off ("in the chosen doc…").
        # The count on the button: one click decides them all, and a walk rejected 27
        # entries across every document without being told how many.
        to_confirm = cached_count(opened, "bulk_confirm", confirm_where, opened.count_entries)
        to_reject = cached_count(opened, "bulk_reject", reject_where, opened.count_entries)
        st.button(
            f"Confirm the {to_confirm} statutory candidates at or above {threshold:.2f} {scope}",
            key="bulk_confirm",
            on_click=bulk,
            args=("confirm", confirm_where),
            disabled=not can_decide or not to_confirm,
        )
        st.button(
            f"Reject the {to_reject} candidates labelled none at or above {threshold:.2f} {scope}"
            " that differ from no earlier document and were not confirmed before",
            key="bulk_reject",
            on_click=bulk,
            args=("reject", reject_where),
            disabled=not can_decide or not to_reject,
        )
        # A walk's bulk reject took two supplier action items and a payment condition,
        # which the reviewer saw only in the audit log: the list before the click.
        if (to_confirm or to_reject) and st.toggle(
            "List what these two would decide", key="bulk_preview"
        ):
            bulk_preview(opened, (("confirm", confirm_where), ("reject", reject_where)))
        # The same clause in every order of a customer: decided once, recognised after.
        same_where = EntryFilter(
            statuses=("candidate",),
            document_ids=documents,
            include_quoted=where.include_quoted,
        )
        same = cached_count(opened, "bulk_same", same_where, opened.count_earlier_decided)
        # A revision of the same agreement replaces what it repeats; a repeat order does
        # not (its terms are rightly in force twice), so the reviewer says which it is.
        revision = st.checkbox(
            "The new document is a revision: its entries replace the earlier ones",
            key="bulk_same_is_revision",
            help="Each entry confirmed as before supersedes the earlier confirmed entry "
            "with the same text (no longer in force, out of the confirmed export) and "
            "takes over its owner, due date and notes where it has none. Choose the new "
            "revision under Documents above, so that only its entries replace others.",
        )
        replacing = ", replacing the earlier entries" if revision else ""
        st.button(
            f"Decide the {same} candidates {scope} whose text was decided before, "
            f"as it was{replacing}",
            key="bulk_same_as_earlier",
            on_click=bulk,
            args=("same_as_revision" if revision else "same_as_earlier", same_where),
            disabled=not can_decide,
            help="Only where every earlier decision on that text agrees; each entry's "
            "history names the entry it followed.",
        )


BULK_PREVIEW_ROWS = 500


def bulk_preview(opened: Register, actions: Sequence[tuple[str, EntryFilter]]) -> None:
    """The entries each bulk action would decide, as a table (text shown, never rendered)."""
    rows = []
    for action, where in actions:
        page = opened.list_entries(where, limit=BULK_PREVIEW_ROWS, sort="confidence_asc")
        rows += [
            {
                "would": action,
                "entry": entry.ref,
                "document": entry.document_name,
                "page": entry.page,
                "label": entry.label,
                "confidence": round(entry.confidence or 0.0, 2),
                "text": entry.text,
            }
            for entry in page.items
        ]
        if page.total > len(page.items):
            st.caption(f"{action}: the first {len(page.items):,} of {page.total:,} shown")
    st.dataframe(rows, hide_index=True)


def cached_count(
    opened: Register, name: str, where: EntryFilter, count: Callable[[EntryFilter], int]
) -> int:
    """A bulk button's count, worked out again only when the register changed.

    Each looks at every waiting candidate (125 ms of a rerun on a 20,000-entry
    register); the newest audit event's number tells whether anything changed.
    """
    key = (repr(where), opened.last_event())
    kept = st.session_state.get(f"count_{name}")
    if kept is not None and kept[0] == key:
        return int(kept[1])
    found = count(where)
    st.session_state[f"count_{name}"] = (key, found)
    return found


def new_in_revision(
    opened: Register, entries: Sequence[EntryView], reworded: Collection[int]
) -> set[int]:
    """The ids of those entries that are new or reworded in a revision or repeat order.

    Their document repeats statements of documents imported before, but not
    these, not even with other numbers; ``reworded``: the entries the cards already
    found rewording an earlier statement (marked "May differ" instead).
    """
    ids = sorted({e.document_id for e in entries if e.document_id is not None})
    key = (ids, opened.last_event())  # an import is an audit event too
    kept = st.session_state.get("revised_documents")
    if kept is None or kept[0] != key:
        found = {
            d
            for d, (total, met) in opened.clauses_met_before(ids).items()
            if repeats_earlier(total, met)
        }
        kept = st.session_state["revised_documents"] = (key, found)
    return new_or_reworded_entries(opened, entries, kept[1], reworded)


def parts_waiting(opened: Register, entries: Sequence[EntryView]) -> dict[int, list[EntryView]]:
    """The parts split off each waiting entry shown that still wait themselves, by entry: shown
    right below it, where the reviewer split them, not pages away at the end of the
    labelled candidates (they have no label and no confidence)."""
    wanted = {
        part_id: entry.id
        for entry in entries
        if entry.status == "candidate"
        for ref in entry.split_into
        if (part_id := parse_ref(ref)) is not None
    }
    if not wanted:
        return {}
    found = opened.list_entries(
        EntryFilter(entry_ids=tuple(wanted), statuses=("candidate",)), limit=len(wanted)
    )
    below: dict[int, list[EntryView]] = {}
    for part in found.items:
        below.setdefault(wanted[part.id], []).append(part)
    return below


def review_view() -> None:
    st.header("Review")
    if not reviewer():
        st.info("Enter your name in the sidebar: it is recorded with every upload and decision.")
    upload_section()
    show_conflict()
    show_flashes()
    can_decide = bool(reviewer()) and not st.session_state.get("conflict")
    with register() as opened:
        where = queue_filters(opened)
        bulk_actions(opened, where, can_decide)
        sort_name = st.selectbox("Sort by", list(SORTS), key="queue_sort")
        page = opened.list_entries(where, limit=QUEUE_PAGE_SIZE, offset=0, sort=SORTS[sort_name])
        pages = max(1, -(-page.total // QUEUE_PAGE_SIZE))
        if int(st.session_state.get("queue_page", 1)) > pages:  # a narrower filter than before
            st.session_state["queue_page"] = pages
        number = int(st.number_input("Page", 1, pages, key="queue_page") if pages > 1 else 1)
        if number > 1:
            page = opened.list_entries(
                where,
                limit=QUEUE_PAGE_SIZE,
                offset=(number - 1) * QUEUE_PAGE_SIZE,
                sort=SORTS[sort_name],
            )
        earlier = opened.earlier_decisions(page.items)
        other_numbers = opened.decided_with_other_numbers(page.items)
        changed_since = opened.earlier_with_other_numbers(page.items)
        reworded = opened.reworded_earlier(page.items)
        around = opened.neighbours([entry for entry in page.items if entry.page is None])
        new_ones = new_in_revision(opened, page.items, set(reworded))
        below = parts_waiting(opened, page.items)
        proposed = proposals(opened, page.items, other_numbers, changed_since, reworded)
        hidden = reference_not_shown(opened, where) if not page.total else ""
    st.caption(f"{page.total} in the queue · page {number} of {pages}")
    if hidden:
        st.info(plain(hidden))  # the document name is the uploader's
    folder = str(default_store_folder())
    shown_below = {part.id for parts in below.values() for part in parts}
    for entry in page.items:
        if entry.id in shown_below:
            continue
        candidate_card(
            entry,
            folder,
            can_decide,
            earlier.get(entry.id),
            other_numbers.get(entry.id),
            around.get(entry.id),
            new_in_revision=entry.id in new_ones,
            changed_since=changed_since.get(entry.id),
            reworded=reworded.get(entry.id),
            proposed=proposed.get(entry.id, NOTHING_PROPOSED),
        )
        for part in below.get(entry.id, ()):
            candidate_card(part, folder, can_decide)
    if pages > 1:  # after ten cards the page control at the top is far away
        back, ahead, where_now = st.columns([1, 1, 3])
        back.button(
            "◂ Previous page",
            key="queue_back",
            on_click=_turn_page,
            args=(-1, pages),
            disabled=number <= 1,
        )
        ahead.button(
            "Next page ▸",
            key="queue_next",
            on_click=_turn_page,
            args=(1, pages),
            disabled=number >= pages,
        )
        where_now.caption(f"page {number} of {pages}")
    scroll_to_top_after_paging()


def reference_not_shown(opened: Register, where: EntryFilter) -> str:
    """Why the entry a search names by its REQ number is not in the queue, or "".

    The queue shows candidates unless told otherwise: a reviewer looking up the entry
    just confirmed found "0 in the queue" and nothing saying where it went.
    """
    named = searched_reference(where.text)
    if named is None:
        return ""
    try:
        found = opened.get_entry(named)
    except RegisterError:
        return f"{format_ref(named)} is not in the register"
    state = f"superseded by {found.superseded_by}" if found.superseded_by else found.status
    return (
        f"{found.ref} is {state}, in {found.document_name}: it is left out by the filters"
        " above (choose its status under Status, or empty Documents and Labels)"
    )


def proposals(
    opened: Register,
    entries: Sequence[EntryView],
    other_numbers: Mapping[int, EarlierDecision],
    changed_since: Mapping[int, EarlierStatement],
    reworded: Mapping[int, EarlierStatement],
) -> dict[int, Proposed]:
    """For each card with a hint, the earlier entries in force it fills in (one query for
    the page, asking which of the hinted entries are in force now)."""
    hints = [
        (entry, (other_numbers.get(entry.id), changed_since.get(entry.id), reworded.get(entry.id)))
        for entry in entries
    ]
    named = [ref for _, hint in hints for ref in hinted_refs(*hint)[0]]
    in_force = in_force_texts(opened, named)
    found = {entry.id: proposed_links(entry.text, *hint, in_force) for entry, hint in hints}
    return {entry_id: proposed for entry_id, proposed in found.items() if proposed.named}


def _turn_page(step: int, pages: int) -> None:
    current = int(st.session_state.get("queue_page", 1))
    st.session_state["queue_page"] = min(pages, max(1, current + step))
    st.session_state["scroll_to_top"] = True


# A fixed script, no document text in it: after "Next page" at the foot of the queue the
# view stayed at the foot, on the last card of the new page.
_SCROLL_TO_TOP = """<script>
const main = window.parent.document.querySelector('[data-testid="stMain"]');
if (main) { main.scrollTo({top: 0}); }
window.parent.scrollTo(0, 0);
</script>"""


def scroll_to_top_after_paging() -> None:
    if st.session_state.pop("scroll_to_top", False):
        # our own constant, never document text: st.iframe runs it with the app's origin
        st.iframe(_SCROLL_TO_TOP, height=1)


# -- register ----------------------------------------------------------------------------


def entry_row(entry: EntryView) -> dict[str, Any]:
    return {
        "id": entry.ref,
        # out of force: the confirmed export leaves it out (a walk saw two "confirmed")
        "status": "superseded" if entry.superseded_by else entry.status,
        "superseded by": entry.superseded_by,
        "split from": entry.split_from,
        "label": entry.label or "",
        "confidence": entry.confidence,
        "text": entry.text,
        "extracted text (if edited)": entry.extracted_text if entry.edited else "",
        "document": entry.document_name,
        "page": entry.page,
        "clause": entry.clause,
        "owner": entry.owner,
        "due": entry.due_date.isoformat() if entry.due_date else "",
        "updated by": entry.updated_by,
        "version": entry.version,
    }


def export_data(
    output_format: ExportFormat, status: str, where: EntryFilter | None = None
) -> bytes:
    """The register export the download button hands out (formulas neutralised by the register)."""
    with register() as opened:
        return export_bytes(opened, output_format, status=status, where=where)


def register_filters(opened: Register) -> EntryFilter:
    documents = {view.id: view.name for view in opened.documents()}
    text = st.text_input("Search text, clause, owner, note or REQ number", key="register_search")
    document_ids = st.multiselect(
        "Documents", list(documents), format_func=lambda d: documents[d], key="register_documents"
    )
    first, second = st.columns(2)
    # the states the "By status" chart shows, superseded among them
    states = first.multiselect("Status", SHOWN_STATES, key="register_statuses")
    labels = second.multiselect("Labels", LABELS, key="register_labels")
    return EntryFilter(
        shown_states=tuple(states),
        labels=tuple(labels),
        document_ids=tuple(document_ids),
        text=text,
    )


def counts_charts(opened: Register, where: EntryFilter) -> None:
    counts = opened.counts(where)
    st.caption(f"{counts.total} entries")
    columns = st.columns(3)
    for column, title, values in zip(
        columns[:2],
        ("By label", "By status"),
        (counts.by_label, counts.by_status),
        strict=True,
    ):
        with column:
            st.text(title)
            if values:
                st.bar_chart({"entries": {k or "(none)": v for k, v in values.items()}})
    with columns[2]:
        # a table: file names are long, and a chart's axis cut "..._revA.pdf" and
        # "..._revB.pdf" to the same "automotive_mast..."
        st.text("By document")
        if counts.by_document:
            st.dataframe(
                # the count first: a long file name pushed it out of sight (a walk)
                [{"entries": n, "document": name} for name, n in counts.by_document.items()],
                hide_index=True,
                key="register_by_document",
            )


def audit_values(values: Mapping[str, Any] | None) -> str:
    """An audit row's values as a reviewer reads them ("status: confirmed · label:
    specified"), not as JSON; a walk found the raw JSON hard to read."""
    if not values:
        return ""

    def shown(value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, str):
            return value
        if isinstance(value, list | tuple):
            return ", ".join(shown(item) for item in value) or "—"
        return json.dumps(value, ensure_ascii=False)

    return " · ".join(f"{key}: {shown(value)}" for key, value in values.items())


def history_panel(opened: Register, entries: Sequence[EntryView]) -> None:
    st.subheader("History")
    refs = [entry.ref for entry in entries]
    typed = st.text_input("Entry (REQ number)", key="history_ref")
    ref = typed.strip() or (refs[0] if refs else "")
    if not ref:
        return
    try:
        events = opened.history(ref)
    except RegisterError as error:
        st.error(plain(str(error)))
        return
    st.dataframe(
        [
            {
                "when": shown_time(event.at, browser_zone()),
                "who": event.actor,
                "action": event.action,
                "before": audit_values(event.before),
                "after": audit_values(event.after),
            }
            for event in events
        ],
    )
    st.caption(f"History of {plain(ref.upper())} · times in {plain(browser_zone() or 'UTC')}")


def finish_review(document_id: int) -> None:
    """Record the finished review of a document (the panel's button callback)."""
    outcome = str(st.session_state.get("review_outcome", REVIEW_OUTCOMES[0]))
    comment = str(st.session_state.get("review_comment", ""))
    try:
        with register() as opened:
            record = opened.finish_review(
                document_id, outcome=outcome, comment=comment, actor=reviewer()
            )
    except RegisterError as error:
        # under the button, not at the top of the page: an EDGAR-style walk clicked three
        # times believing it had worked
        st.session_state["review_result"] = ("error", str(error))
        return
    st.session_state["review_comment"] = ""
    st.session_state["review_result"] = (
        "success",
        f"Review of {record.document_name} finished: {record.outcome}, "
        f"{record.confirmed} requirements confirmed, {record.rejected} rejected.",
    )


def contract_review_panel(opened: Register) -> None:
    """Where each document's review stands, and the record that one is finished.

    ISO 9001 8.2.3.1 asks for the review before the order is accepted, and 8.2.3.2
    for its results kept: deciding entries is the review, this is its sign-off.
    """
    st.subheader("Contract review")
    reviews = opened.document_reviews()
    if not reviews:
        st.caption("No documents in the register yet.")
        return
    records = review_records(reviews)
    st.dataframe(
        [
            {
                "document": record["document"],
                "where it stands": record["state"],
                "confirmed": record["confirmed"],
                "superseded": record["superseded"],
                "withdrawn": record["withdrawn"],
                "rejected": record["rejected"],
                "to decide": record["open"],
                "finished by": record["review_finished_by"],
                "finished at": shown_time(record["review_finished_at"], browser_zone()),
                "comment": record["review_comment"],
            }
            for record in records
        ],
        hide_index=True,
    )
    st.download_button(
        "Contract reviews (CSV)",
        data=reviews_csv(reviews),
        file_name="contract-reviews.csv",
        mime="text/csv",
        key="export_reviews",
        on_click="ignore",
    )
    names = {review.document_id: review.name for review in reviews}
    with st.form("finish_review_form"):
        document_id = st.selectbox(
            "Document", list(names), format_func=names.__getitem__, key="review_document"
        )
        st.radio("Outcome", REVIEW_OUTCOMES, horizontal=True, key="review_outcome")
        st.text_area(
            "Comment (deviations agreed, what the customer was told; needed unless accepted)",
            key="review_comment",
        )
        waiting = next((review.open for review in reviews if review.document_id == document_id), 0)
        st.form_submit_button(
            "Record the review of this document as finished",
            disabled=not reviewer(),
            on_click=lambda: finish_review(int(st.session_state["review_document"])),
            help="Refused while entries of the document are still to be decided"
            + (f" ({waiting} now)" if waiting else "")
            + ". Enter your name in the sidebar first.",
        )
    result = st.session_state.pop("review_result", None)
    if result is not None:
        kind, message = result
        getattr(st, kind)(plain(message))


def export_panel(where: EntryFilter, matching: int) -> None:
    st.subheader("Export")
    choices = {
        "confirmed": "confirmed",
        "all": "all",
        "filtered": f"as filtered above ({matching})",
    }
    status = st.radio(
        "Entries",
        list(choices),
        format_func=choices.__getitem__,
        horizontal=True,
        key="export_status",
    )
    chosen = where if status == "filtered" else None
    columns = st.columns(4)
    for column, output_format in zip(columns, EXPORT_FORMATS, strict=True):
        with column:
            st.download_button(
                output_format.upper(),
                data=functools.partial(export_data, output_format, status, chosen),
                file_name=f"register-{status}{SUFFIXES[output_format]}",
                mime=MEDIA_TYPES[output_format],
                key=f"export_{output_format}",
                on_click="ignore",
            )
    st.download_button(
        "Compliance list (XLSX): requirements in force in clause order, to answer",
        data=compliance_data,
        file_name="compliance-list.xlsx",
        mime=MEDIA_TYPES["xlsx"],
        key="export_compliance",
        on_click="ignore",
    )
    st.download_button(
        "Audit trail: every decision, who and when, before and after",
        data=audit_data,
        file_name="register-audit.csv",
        mime="text/csv",
        key="export_audit",
        on_click="ignore",
    )


def compliance_data() -> bytes:
    """The compliance list as XLSX (formulas neutralised), for the download button."""
    from extractor.register.compliance import export_compliance

    buffer = io.BytesIO()
    with register() as opened:
        export_compliance(opened, "xlsx", buffer)
    return buffer.getvalue()


SHOWN_PROBLEMS = 100


def audit_chain_panel(chain: ChainHead) -> None:
    """The audit chain's head to write down, and ``Register.verify`` on request: an edit
    made in the database file behind reqx's back shows there."""
    st.text(f"Audit chain: {chain.events:,} events, head {chain.head}")
    st.caption(
        "Keep the head outside the register (a record, a mail to the auditor): a register "
        "rewritten whole, chain and all, is only caught against a head kept elsewhere "
        "(reqx register verify --expect EVENTS:HEAD)."
    )
    if not st.button("Verify register", key="verify_register"):
        return
    checking = st.spinner("Checking the chain, every entry, candidate and document…")
    with checking, register() as opened:
        found = opened.verify()
    if found.ok:
        st.success(
            f"Verified: {found.events:,} events chain up to head {found.head}; entries "
            f"({found.entries:,}), candidates ({found.candidates:,}) and documents "
            f"({found.documents:,}) are as the trail has them."
        )
        return
    problems = "1 problem" if len(found.problems) == 1 else f"{len(found.problems):,} problems"
    st.error(f"{problems}: the register was changed outside reqx.")
    # problems quote the database's text: shown as plain text only
    st.text("\n".join(str(problem) for problem in found.problems[:SHOWN_PROBLEMS]))
    if len(found.problems) > SHOWN_PROBLEMS:
        st.caption(f"The first {SHOWN_PROBLEMS} shown; reqx register verify lists them too.")


def audit_data() -> bytes:
    """The whole audit trail as CSV (formulas neutralised), for the download button."""
    with register() as opened:
        return export_audit_bytes(opened, "csv")


def register_view() -> None:
    st.header("Register")
    show_flashes()
    with register() as opened:
        where = register_filters(opened)
        counts_charts(opened, where)
        page_size = REGISTER_PAGE_SIZE
        first = opened.list_entries(where, limit=page_size)
        pages = max(1, -(-first.total // page_size))
        number = int(st.number_input("Page", 1, pages, key="register_page") if pages > 1 else 1)
        page = (
            first
            if number == 1
            else opened.list_entries(where, limit=page_size, offset=(number - 1) * page_size)
        )
        st.dataframe(
            [entry_row(entry) for entry in page.items],
            hide_index=True,
        )
        st.caption(f"{page.total} matching · page {number} of {pages}")
        history_panel(opened, page.items)
        chain = opened.chain_head()
    export_panel(where, page.total)
    audit_chain_panel(chain)
    with register() as opened:
        contract_review_panel(opened)


# -- compare revisions ----------------------------------------------------------------------

COMPARE_DETAIL_LIMIT = 100


# One revision to compare: (what identifies its content, file name, bytes).
Revision = tuple[str, str, bytes]


def uploaded_revision(upload: Any) -> Revision | None:
    return None if upload is None else (f"upload:{upload.file_id}", upload.name, upload.getvalue())


def kept_upload(column: Any, label: str, key: str) -> Revision | None:
    """A revision from the file picker ``key``, kept while the reviewer visits other views.

    Streamlit empties a file picker when a run does not draw it and lets no
    code fill it again, so the file is kept in the session and named under the
    empty picker, with a button to forget it. Removing a file from the picker
    forgets it too.
    """
    kept_key, restored_key = f"{key}_kept", f"{key}_restored"
    drawn_before = key in st.session_state
    revision = uploaded_revision(column.file_uploader(label, type=UPLOAD_TYPES, key=key))
    if revision is not None:
        st.session_state[kept_key] = revision
        st.session_state[restored_key] = False
        return revision
    kept: Revision | None = st.session_state.get(kept_key)
    if kept is None:
        return None
    if drawn_before and not st.session_state.get(restored_key):
        del st.session_state[kept_key]  # the reviewer took it out of the picker
        return None
    st.session_state[restored_key] = True
    column.text(f"Still comparing {kept[1]}, uploaded earlier.")
    if column.button("Forget it", key=f"{key}_forget"):
        del st.session_state[kept_key]
        st.session_state[restored_key] = False
        st.rerun()
    return kept


def compared(previous: Revision, current: Revision, every: bool) -> Comparison:
    """The comparison of two revisions, kept in the session until either or a setting changes."""
    careful = bool(st.session_state.get("careful_reading", False))
    with register() as opened:
        decided = opened.last_event()  # a decision since: the reviewers' labels changed
    key = (previous[0], current[0], every, careful, decided)
    kept = st.session_state.get("comparison")
    if kept is not None and kept[0] == key:
        return kept[1]
    with st.spinner("Reading and comparing both revisions…"):
        comparison = compare_uploads(
            previous[1:],
            current[1:],
            classifier=classifier(),
            reader="pdfplumber" if careful else "fast",
            requirements_only=not every,
            decided_labels=register_labels,
        )
    st.session_state["comparison"] = (key, comparison)
    return comparison


def register_labels(texts: Sequence[str]) -> dict[str, str]:
    """What reviewers decided on these texts before: their labels go before the model's."""
    with register() as opened:
        return opened.decided_labels(texts)


def statement_texts(revision: Revision) -> list[str]:
    """The statements of an upload (read, not classified), kept in the session per file."""
    kept = st.session_state.setdefault("statement_texts", {})
    if revision[0] not in kept:
        try:
            extractions = extract_bytes(revision[2], revision[1], reader="fast")
        except ExtractorError:
            extractions = []  # the comparison itself reports why
        kept.clear()  # one upload's texts at a time
        kept[revision[0]] = [s.text for e in extractions for s in e.statements]
    return kept[revision[0]]


def register_revision(column: Any, current: Revision | None = None) -> Revision | None:
    """A document reviewed before, taken from the register and the kept files.

    The quotation was usually uploaded and reviewed weeks before the order
    that revises it arrives; its file is still in the document store. With the
    current revision given, the document sharing most of its statements
    (numbers aside) is offered first.
    """
    texts = statement_texts(current) if current is not None else []
    with register() as opened:
        documents = opened.documents()
        alike = opened.documents_alike(texts) if texts else {}
    itself = hashlib.sha256(current[2]).hexdigest() if current is not None else None
    kept = [
        (view, path)
        for view in documents
        if view.sha256 != itself and (path := store().path_for(view.sha256))
    ]
    if not kept:
        column.info("No other document of the register has its file kept here: upload it instead.")
        return None
    total = len({number_blind_key(text) for text in texts})
    names = [
        f"{view.name} ({shown_date(view.uploaded_at, browser_zone())})"
        + (f", {alike[view.id]} of {total} statements alike" if alike.get(view.id) else "")
        for view, _ in kept
    ]
    likeliest = max(range(len(kept)), key=lambda i: (alike.get(kept[i][0].id, 0), i))
    offered_for = current[0] if current is not None else None
    chosen = st.session_state.get("compare_stored")
    new_current = alike and st.session_state.get("compare_stored_for") != offered_for
    if new_current or not isinstance(chosen, int) or not 0 <= chosen < len(kept):
        # A new current revision (or none chosen yet): offer the likeliest predecessor once;
        # the reviewer may change it.
        st.session_state["compare_stored"] = likeliest
        st.session_state["compare_stored_for"] = offered_for
    choice = column.selectbox(
        "Previous revision (a document of the register)",
        range(len(kept)),
        format_func=lambda position: names[position],
        key="compare_stored",
    )
    view, path = kept[choice]
    try:
        data = path.read_bytes()
    except OSError as error:
        column.error(plain(f"{view.name}: cannot read the kept file ({error.strerror})"))
        return None
    return (f"register:{view.sha256}", view.name, data)


def _side(page: Any, clause: Any, item: Any = None) -> str:
    """Where a side of a change is: its clause and page, or in a text or e-mail without
    either, its place among the statements ("statement 4"); "" for a side that is not there."""
    parts = [f"clause {clause}" if clause else "", f"page {page}" if page is not None else ""]
    if not any(parts) and item is not None:
        parts = [f"statement {item.statement.index + 1}"]
    return ", ".join(part for part in parts if part)


def change_row(change: Change, entries: Mapping[str, EntryView] | None = None) -> dict[str, Any]:
    record = change_record(change)
    return {
        "register entry": register_entry_of(change, entries or {}),
        "change": change.kind,
        "what moved": ", ".join(change.reasons),
        "previous": _side(record["previous_page"], record["previous_clause"], change.previous),
        "label before": record["previous_label"] or "",
        "current": _side(record["current_page"], record["current_clause"], change.current),
        "label now": record["current_label"] or "",
        "similarity": record["similarity"],
        "diff": record["diff"],
    }


def register_entry_of(change: Change, entries: Mapping[str, EntryView]) -> str:
    """The register entry a change's statement is, to decide it: "REQ-0042 (candidate)".

    The current revision's, else the previous one's; empty when neither side
    was uploaded for review (or was read otherwise then).
    """
    for side, item in (("", change.current), ("previous: ", change.previous)):
        if item is None:
            continue
        entry = entries.get(statement_candidate_id(item.statement))
        if entry is not None:
            return f"{side}{entry.ref} ({entry.status})"
    return ""


def changes_csv(changes: Sequence[Change], documents: tuple[str, str]) -> bytes:
    """The shown changes as ``reqx compare --format csv`` writes them (formulas neutralised),
    with the byte-order mark Excel needs to read UTF-8 ("°C" had opened as "Â°C"), as the
    register's exports have."""
    out = io.StringIO()
    write_csv([change_record(change, documents) for change in changes], out, CHANGE_FIELDS)
    return out.getvalue().encode("utf-8-sig")


def change_detail(change: Change) -> None:
    """One change as plain text: kind and places, each side's text, the word diff."""
    row = change_row(change)
    head = [change.kind.upper()]
    if row["what moved"]:
        head.append(row["what moved"])
    places = " -> ".join(place or "(none)" for place in (row["previous"], row["current"]))
    head.append(places)
    labels = f"{row['label before'] or '(none)'} -> {row['label now'] or '(none)'}"
    head.append(labels)
    with st.container(border=True):
        st.text("  ·  ".join(head))
        st.text(row["diff"])


def compare_view() -> None:
    st.header("Compare revisions")
    st.caption(
        "Requirements that differ from those previously expressed (ISO 9001 8.2.3.1 e):"
        " an order against its quotation, an amendment against the contract,"
        " revision B against revision A."
    )
    first, second = st.columns(2)
    source = first.radio(
        "Previous revision from", ["an upload", "the register"], horizontal=True, key="compare_from"
    )
    current = kept_upload(
        second, "Current revision (order, amendment, revision B)", "compare_current"
    )
    if source == "the register":
        previous = register_revision(first, current)
    else:
        previous = kept_upload(
            first, "Previous revision (quotation, contract, revision A)", "compare_previous"
        )
    every = st.checkbox("Every statement, not only requirements", key="compare_all")
    st.session_state.setdefault("compare_kinds", ["changed", "added", "removed"])
    kinds = st.multiselect("Show", CHANGE_KINDS, key="compare_kinds")
    if previous is None or current is None:
        st.info("Upload both revisions to see what changed.")
        return
    comparison = compared(previous, current, every)
    if not comparison.ok:
        st.error(plain(comparison.error), icon="⚠️")
        return
    for warning in comparison.warnings:
        st.warning(plain(warning))
    counts = comparison.counts()
    what = "statements" if every else "requirements"
    st.caption(", ".join(f"{counts[kind]} {kind}" for kind in CHANGE_KINDS) + f" ({what})")
    note = amends_part_note(counts, what, comparison.previous_name, comparison.current_name)
    if note:
        st.info(plain(note))
    shown = [change for change in comparison.changes if change.kind in kinds]
    if not shown:
        st.success("No differences of the kinds shown.")
        return
    with register() as opened:  # each change beside the entry to decide it in Review
        entries = opened.entries_of_statements(
            [
                item.statement
                for change in shown
                for item in (change.current, change.previous)
                if item
            ]
        )
    st.dataframe([change_row(change, entries) for change in shown], hide_index=True)
    st.download_button(
        "Download CSV",
        data=changes_csv(shown, (comparison.previous_name, comparison.current_name)),
        file_name="changes.csv",
        mime="text/csv",
        key="compare_csv",
        on_click="ignore",
    )
    for change in shown[:COMPARE_DETAIL_LIMIT]:
        change_detail(change)
    if len(shown) > COMPARE_DETAIL_LIMIT:
        st.caption(f"The first {COMPARE_DETAIL_LIMIT} shown in full; the table has them all.")


# -- page ---------------------------------------------------------------------------------


# Filters and choices a reviewer set in one view, still set on coming back to it. Not
# the compare view's uploads: Streamlit lets no code set a file picker's value, so
# ``kept_upload`` keeps those. (A comment, not a string: Streamlit's "magic" shows a
# bare string on the page.)
KEPT_ACROSS_VIEWS = (
    "queue_search",
    "queue_documents",
    "queue_labels",
    "queue_statuses",
    "queue_confidence",
    "queue_hide_quoted",
    "queue_changed_only",
    "queue_sort",
    "queue_page",
    "bulk_threshold",
    "register_search",
    "register_statuses",
    "register_labels",
    "register_documents",
    "register_page",
    "compare_from",
    "compare_all",
    "compare_kinds",
)


def keep_choices_across_views() -> None:
    """Streamlit forgets a widget's value when a run does not draw it (another view);
    writing the value back makes it the reviewer's, kept until they change it."""
    for key in KEPT_ACROSS_VIEWS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def main() -> None:
    st.set_page_config(page_title="reqx: contract review", layout="wide")
    keep_choices_across_views()
    st.sidebar.title("reqx")
    views = ["Review", "Register", "Compare revisions"]
    if "view" not in st.session_state and st.query_params.get("view") in views:
        st.session_state["view"] = st.query_params["view"]  # a reload stays in its view
    view = st.sidebar.radio("View", views, key="view")
    st.query_params["view"] = view
    reviewer_panel()
    try:
        with register() as opened:
            st.sidebar.caption(plain(f"Register: {opened.url}"))
    except RegisterError as error:
        st.error(plain(str(error)))
        return
    classifier()  # load the model before the first upload, not during it
    if view == "Review":
        review_view()
    elif view == "Register":
        register_view()
    else:
        compare_view()


main()
