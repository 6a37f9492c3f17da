"""The Compare revisions view in a real browser: both file pickers, the table and the diffs."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from .browser import browser_page, require_browser, running_app

REVISIONS = Path(__file__).resolve().parents[1] / "documents" / "revisions"

# Set REQX_COMPARE_SCREENSHOT=docs/compare.png to refresh the README's picture.
SCREENSHOT_COPY = os.environ.get("REQX_COMPARE_SCREENSHOT", "")


def test_compare_two_revisions_in_the_browser(tmp_path: Path) -> None:
    require_browser()
    with (
        running_app(tmp_path, f"sqlite:///{tmp_path / 'register.db'}") as url,
        browser_page(tmp_path) as page,
    ):
        try:
            page.goto(url)
            page.get_by_test_id("stSidebar").get_by_text("Compare revisions", exact=True).click()
            page.get_by_role("heading", name="Compare revisions").wait_for()
            pickers = page.locator("input[type=file]")
            # One file at a time: a file given during the rerun the first one started can be lost.
            pickers.nth(0).set_input_files(str(REVISIONS / "quotation_rev_a.txt"))
            page.get_by_text("Upload both revisions to see what changed.").wait_for()
            page.get_by_text("quotation_rev_a.txt", exact=True).wait_for()
            pickers.nth(1).set_input_files(str(REVISIONS / "purchase_order_rev_b.txt"))
            page.get_by_text(re.compile(r"4 changed, \d added, 1 removed")).wait_for(
                timeout=120_000
            )
            page.get_by_test_id("stDataFrame").wait_for()
            diff = "Delivery shall be made within [-30-]{+45+} days of each call-off."
            shown = page.get_by_test_id("stText")  # the plain-text details, not the table's cells
            shown.get_by_text(diff, exact=True).wait_for()
            shown.get_by_text("REMOVED  ·  clause 2.5 -> (none)").wait_for()
            page.screenshot(path=str(tmp_path / "compare.png"), full_page=False)
            if SCREENSHOT_COPY:
                shutil.copy(tmp_path / "compare.png", SCREENSHOT_COPY)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            print(f"screenshot of the failure: {tmp_path / 'failure.png'}")
            raise
    assert (tmp_path / "compare.png").stat().st_size > 10_000
