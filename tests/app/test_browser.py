"""End to end in a real browser: upload a PDF, decide two candidates, find them in the register."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from pathlib import Path
from typing import Any

from .browser import browser_page, require_browser, running_app
from .helpers import SAMPLE_PDF

# Set REQX_SCREENSHOT=docs/review.png to refresh the README's picture.
SCREENSHOT_COPY = os.environ.get("REQX_SCREENSHOT", "")


DOWNLOAD_ATTEMPTS = 3
HEADING = re.compile(r"^(REQ-\d{4})  ·  (\w+)")


def first_card_heading(page: Any, done: tuple[str, ...] = ()) -> tuple[str, str]:
    """The register number and label of the first candidate in the queue not in ``done``.

    Waits out a rerun in progress, whose stale cards may still show a decided entry.
    """
    for _ in range(300):
        heading = page.get_by_text(HEADING).first
        heading.wait_for()
        match = HEADING.match(heading.inner_text())
        if match and match.group(1) not in done:
            return match.group(1), match.group(2)
        page.wait_for_timeout(200)
    raise AssertionError(f"the queue still starts with one of {done}")


def choose_label(page: Any, form: Any, label: str) -> None:
    """Open the form's label box and pick ``label``; a rerun landing just after the click
    redraws the box closed (seen in CI under load), so open it again until it shows."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(DOWNLOAD_ATTEMPTS * 2):
        form.get_by_test_id("stSelectbox").first.click()
        option = page.get_by_role("option", name=label, exact=True)
        try:
            option.wait_for(timeout=10_000)
        except PlaywrightTimeout:
            continue
        option.click()
        return
    raise AssertionError(f"the label box never offered {label!r}")


def download_csv(page: Any, target: Path) -> None:
    """Click the CSV button until the download starts (a click during a rerun can be lost)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    button = page.get_by_test_id("stDownloadButton").get_by_role("button", name="CSV", exact=True)
    for attempt in range(DOWNLOAD_ATTEMPTS):
        try:
            with page.expect_download(timeout=20_000) as waiting:
                button.click()
        except PlaywrightTimeout:
            if attempt == DOWNLOAD_ATTEMPTS - 1:
                raise
            continue
        waiting.value.save_as(target)
        return


SCROLLED = (  # how far the page is scrolled, wherever Streamlit scrolls it
    "(document.querySelector('[data-testid=\"stMain\"]')?.scrollTop || 0) + window.scrollY"
)


def test_upload_confirm_relabel_and_download(tmp_path: Path):
    require_browser()
    from playwright.sync_api import expect

    upload = tmp_path / "quality agreement.pdf"
    shutil.copy(SAMPLE_PDF, upload)
    with (
        running_app(tmp_path, f"sqlite:///{tmp_path / 'register.db'}") as url,
        browser_page(tmp_path, timezone_id="Europe/Berlin") as page,
    ):
        try:
            page.goto(url)
            sidebar = page.get_by_test_id("stSidebar")
            sidebar.get_by_label("Your name (recorded with every decision)").fill("Erin Example")
            sidebar.get_by_role("button", name="Start reviewing").click()
            page.get_by_text("Reviewer: Erin Example").wait_for()

            page.locator("input[type=file]").set_input_files(str(upload))
            page.get_by_text("new candidates").wait_for(timeout=120_000)
            # the picker empties once the file is in the register; what it gave stays shown
            uploader = page.get_by_test_id("stFileUploader")
            file_size = re.compile(r"^\d+(\.\d+)?\s?[KM]?B$")  # a listed file: "29.1KB"
            uploader.get_by_text(file_size).wait_for(state="detached", timeout=30_000)
            page.get_by_text(HEADING).first.wait_for()  # the queue is sorted by confidence
            page.get_by_test_id("stImage").first.wait_for()
            page.wait_for_function(  # the close-up and the page drawn, not their placeholders
                "Array.from(document.images).filter(i => i.complete && i.naturalWidth > 0)"
                ".length >= 2"
            )
            page.screenshot(path=str(tmp_path / "review.png"), full_page=False)
            if SCREENSHOT_COPY:
                shutil.copy(tmp_path / "review.png", SCREENSHOT_COPY)

            # Confirm the first candidate in the queue as it is.
            confirmed, _ = first_card_heading(page)
            page.get_by_test_id("stForm").first.get_by_role("button", name="Confirm").click()
            page.get_by_text(f"{confirmed}: confirmed").wait_for()

            # Relabel the next one (now first in the queue) and save it.
            relabelled, label = first_card_heading(page, done=(confirmed,))
            new_label = "implied" if label != "implied" else "specified"
            form = page.get_by_test_id("stForm").first
            choose_label(page, form, new_label)
            form.get_by_role("button", name="Save").click()
            page.get_by_text(f"{relabelled}: candidate, {new_label}").wait_for()

            # The next page of the queue opens at its top, not at the foot where its button is.
            next_page = page.get_by_role("button", name="Next page ▸")
            next_page.wait_for()
            page.evaluate(  # to the foot of the queue, as a reviewer who read every card
                "document.querySelector('[data-testid=\"stMain\"]')?.scrollTo(0, 1e6);"
                " window.scrollTo(0, 1e6)"
            )
            page.wait_for_function(f"({SCROLLED}) > 500")
            next_page.click()
            page.get_by_text("page 2 of").first.wait_for()
            page.wait_for_function(f"({SCROLLED}) < 50", timeout=10_000)

            # Both are in the register, with their history.
            sidebar.get_by_text("Register", exact=True).click()
            page.get_by_role("heading", name="Register").wait_for()
            page.get_by_test_id("stRadio").get_by_text("all", exact=True).click()
            expect(page.get_by_role("radio", name="all", exact=True)).to_be_checked()
            search = page.get_by_label("Search text, clause, owner, note or REQ number")
            for ref in (confirmed, relabelled):
                search.fill(ref)
                search.press("Enter")
                # times in the browser's zone, named: a bare "09:15" was UTC unsaid
                page.get_by_text(f"History of {ref} · times in Europe/Berlin").wait_for()
                page.get_by_text("1 matching").wait_for()
            target = tmp_path / "register.csv"
            download_csv(page, target)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            print(f"screenshot of the failure: {tmp_path / 'failure.png'}")
            raise

    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    by_id = {row["id"]: row for row in rows}
    assert by_id[confirmed]["status"] == "confirmed"
    assert by_id[confirmed]["updated_by"] == "Erin Example"
    assert (by_id[relabelled]["label"], by_id[relabelled]["status"]) == (new_label, "candidate")
    assert by_id[relabelled]["updated_by"] == "Erin Example"
    assert sum(row["status"] == "confirmed" for row in rows) == 1
    assert all(row["document"] == "quality agreement.pdf" for row in rows)
    assert len(rows) > 2
    assert (tmp_path / "review.png").stat().st_size > 10_000


HOSTILE_CLAUSE = (
    "Supplier shall keep <script>window.hacked = 1</script> <img src=x"
    ' onerror="window.hacked = 2"> **bold** [link](javascript:window.hacked=3) $x^2$ a stock'
    " of {} weeks."
)


def test_a_cards_word_diff_is_coloured_and_document_text_shows_as_written(tmp_path: Path):
    """The walk's cards showed "[-forty-five (45-]{+sixty (60+}"; drawn coloured, the words of
    the document must still be words: no element, link, bold or formula made of them."""
    require_browser()
    from extractor.register import CandidateInput, DocumentInput, open_register

    db_url = f"sqlite:///{tmp_path / 'register.db'}"
    with open_register(db_url) as register:
        for sha, name, weeks in (
            ("a", "agreement.pdf", "four (4)"),
            ("b", "amendment.pdf", "six (6)"),
        ):
            register.add_document(
                DocumentInput(sha * 64, name, "pdf", 1),
                [CandidateInput(position=0, text=HOSTILE_CLAUSE.format(weeks), label="specified",
                                confidence=0.9, page=1)],
                actor="importer",
            )  # fmt: skip
    with running_app(tmp_path, db_url) as url, browser_page(tmp_path) as page:
        try:
            page.goto(f"{url}/?reviewer=Erin")
            page.get_by_role("button", name="Start reviewing").click()
            diff = page.locator(".reqx-word-diff")
            diff.wait_for()
            removed, added = diff.locator("del"), diff.locator("ins")
            assert (removed.inner_text(), added.inner_text()) == ("four (4", "six (6")
            style = "e => [getComputedStyle(e).color, getComputedStyle(e).textDecorationLine]"
            assert removed.evaluate(style) == ["rgb(180, 35, 24)", "line-through"]
            assert added.evaluate(style) == ["rgb(6, 118, 71)", "underline"]
            shown = diff.inner_text()
            for literal in ("<script>window.hacked = 1</script>", 'onerror="window.hacked = 2">',
                            "**bold**", "[link](javascript:window.hacked=3)", "$x^2$"):  # fmt: skip
                assert literal in shown, literal
            assert diff.locator("script, img, a, strong, em, .katex").count() == 0
            assert page.evaluate("window.hacked") is None
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            print(f"screenshot of the failure: {tmp_path / 'failure.png'}")
            raise
