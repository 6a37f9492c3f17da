"""How fast the review app answers: a 50-page contract upload, and a 20,000-entry register.

Run ``.venv/bin/python benchmarks/app_speed.py`` (needs /usr/bin/chromium and
the playwright package, as the browser test does).

1. Upload: the app runs as a server on 127.0.0.1, chromium (Playwright) opens
   it, the reviewer's name is entered and the page settles (the model is
   loaded and the pipeline warmed up on the first visit); then the generated 50-page contract
   (``benchmarks/make_contract.py``) is given to the file picker and the clock
   runs until the first candidate's card is on screen.
2. Register of 20,000 entries (built as ``benchmarks/register_speed.py`` does):
   each search or filter is one AppTest rerun of the app's view, the whole
   script (open the register, query, draw the widgets); median of 5 runs.

Results on the development machine (2 cores): see README.md, "Review app".
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_contract import make_contract  # noqa: E402
from register_speed import build, corpus_statements, decide_some  # noqa: E402

from extractor.register import open_register  # noqa: E402
from tests.app.browser import browser_page, running_app  # noqa: E402

RUNS = 5
FIRST_CARD = re.compile(r"^REQ-\d{4}  ·")


def upload_seconds(folder: Path) -> tuple[float, float, str]:
    """Seconds from giving the 50-page PDF to the file picker until the first card is shown."""
    contract = folder / "contract-50-pages.pdf"
    make_contract(contract, pages=50)
    with (
        running_app(folder, f"sqlite:///{folder / 'upload.db'}") as url,
        browser_page(folder) as page,
    ):
        page.goto(url)  # type: ignore[attr-defined]
        sidebar = page.get_by_test_id("stSidebar")  # type: ignore[attr-defined]
        sidebar.get_by_label("Your name (recorded with every decision)").fill("Bench")
        sidebar.get_by_role("button", name="Start reviewing").click()
        page.get_by_text("Reviewer: Bench").wait_for()  # type: ignore[attr-defined]
        # The queue's controls are drawn after the model is loaded: the app is ready.
        page.get_by_text("Sort by").wait_for(timeout=120_000)  # type: ignore[attr-defined]
        page.wait_for_timeout(1000)  # type: ignore[attr-defined]
        started = time.perf_counter()
        page.locator("input[type=file]").set_input_files(str(contract))  # type: ignore[attr-defined]
        page.get_by_text(FIRST_CARD).first.wait_for(timeout=120_000)  # type: ignore[attr-defined]
        first_card = time.perf_counter() - started
        page.get_by_test_id("stImage").first.wait_for()  # type: ignore[attr-defined]
        with_image = time.perf_counter() - started
        summary = page.get_by_text("new candidates").first.inner_text()  # type: ignore[attr-defined]
    return first_card, with_image, summary


def register_view_seconds(folder: Path) -> list[tuple[str, float]]:
    """Median AppTest run time of each search and filter on a 20,000-entry register."""
    from streamlit.testing.v1 import AppTest

    url = f"sqlite:///{folder / 'register.db'}"
    os.environ["EXTRACTOR_DB_URL"] = url
    os.environ["EXTRACTOR_DOCUMENTS_DIR"] = str(folder / "documents")
    with open_register(url) as register:
        build(register, corpus_statements())
        decide_some(register)
        total = register.counts().total
        some_document = register.documents()[57].id
    print(f"register: {total:,} entries")

    def app(view: str) -> AppTest:
        test = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        test.session_state["reviewer"] = "Bench"
        test.session_state["view"] = view
        return test.run()

    def rerun(test: AppTest, change: Callable[[AppTest], object]) -> float:
        seconds = []
        for _ in range(RUNS):
            change(test)
            started = time.perf_counter()
            test.run()
            seconds.append(time.perf_counter() - started)
            assert not test.exception, test.exception
        return statistics.median(seconds)

    results = []
    register_app = app("Register")
    results.append(("register view, no filter", rerun(register_app, lambda t: None)))
    results.append(
        (
            "register: search 'calibration'",
            rerun(register_app, lambda t: t.text_input(key="register_search").input("calibration")),
        )
    )
    results.append(
        (
            "register: search + status confirmed + label statutory",
            rerun(
                register_app,
                lambda t: (
                    t.multiselect(key="register_statuses").set_value(["confirmed"]),
                    t.multiselect(key="register_labels").set_value(["statutory"]),
                ),
            ),
        )
    )
    queue = app("Review")
    results.append(("review queue, candidates by confidence", rerun(queue, lambda t: None)))
    results.append(
        (
            "queue: one document, statutory, confidence 0.9-1.0",
            rerun(
                queue,
                lambda t: (
                    t.multiselect(key="queue_documents").set_value([some_document]),
                    t.multiselect(key="queue_labels").set_value(["statutory"]),
                    t.slider(key="queue_confidence").set_range(0.9, 1.0),
                ),
            ),
        )
    )
    return results


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="reqx-app-speed-") as name:
        folder = Path(name)
        first_card, with_image, summary = upload_seconds(folder)
        print(f"50-page contract ({summary}):")
        print(f"  first candidate on screen {first_card:.1f} s, with its page {with_image:.1f} s")
        if "--upload-only" in sys.argv:
            return
        for label, seconds in register_view_seconds(folder):
            print(f"  {label:<55} {seconds * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
