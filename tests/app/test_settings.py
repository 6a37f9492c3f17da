"""The review app's Streamlit settings, as Streamlit itself reads them in the repository."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _setting(shown: str, section: str, name: str) -> str:
    """The value ``streamlit config show`` prints for ``[section] name``."""
    body = shown.split(f"[{section}]", 1)[1].split("\n[", 1)[0]
    found = re.search(rf"^{name} = (.+)$", body, re.MULTILINE)
    assert found, f"{section}.{name} not shown"
    return found.group(1).strip()


def test_the_running_app_neither_reloads_itself_nor_reports_usage() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert _setting(shown, "server", "fileWatcherType") == '"none"'
    assert _setting(shown, "browser", "gatherUsageStats") == "false"
    assert _setting(shown, "client", "toolbarMode") == '"minimal"'
