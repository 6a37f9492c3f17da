"""The app as a real server, and Debian's chromium driven by Playwright, for the browser tests.

Chromium comes from ``scripts/install-system-packages.sh`` (never ``playwright
install``). Under CI (``CI=true``) a missing browser or Playwright is a failure;
elsewhere the browser tests skip.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .helpers import APP

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
START_TIMEOUT = 60


def require_browser() -> None:
    """Skip (fail under CI) when chromium or Playwright is not installed."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(str(CHROMIUM))
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright Python package")
    if missing:
        message = f"browser test needs {' and '.join(missing)}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_app(folder: Path, db_url: str) -> Iterator[str]:
    """``streamlit run app.py`` on 127.0.0.1 and a free port; yields its URL, stops it after."""
    port = free_port()
    env = {
        **os.environ,
        "EXTRACTOR_DB_URL": db_url,
        "EXTRACTOR_DOCUMENTS_DIR": str(folder / "documents"),
    }
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.headless=true",
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
    ]
    log = (folder / "streamlit.log").open("wb")
    server = subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                output = (folder / "streamlit.log").read_text(errors="replace")
                raise RuntimeError(f"the app did not start:\n{output[-3000:]}")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@contextmanager
def browser_page(downloads: Path, timezone_id: str | None = None) -> Iterator[object]:
    """A fresh chromium page (1400 px wide, so the review cards sit beside their pages),
    with its clock in ``timezone_id`` when given (the reviewer's zone the app shows times in)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                viewport={"width": 1400, "height": 1000},
                accept_downloads=True,
                timezone_id=timezone_id,
            )
            page = context.new_page()
            page.set_default_timeout(60_000)
            yield page
            context.close()
        finally:
            browser.close()
