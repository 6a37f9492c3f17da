"""A protected PDF uploaded in the app: told where to give its password, then read and drawn.

An automotive walk was told "password protected; give a password" by the app, which had
nowhere to give one (the command line has ``--password``).
"""

from __future__ import annotations

import json
from pathlib import Path

from .helpers import AppPlace
from .test_app import app

PDFS = Path(__file__).resolve().parents[1] / "documents" / "pdf"
PROTECTED = PDFS / "encrypted.pdf"
PASSWORD = json.loads((PDFS / "encrypted.expected.json").read_text(encoding="utf-8"))["password"]


def _upload(test, round_: int = 0):  # type: ignore[no-untyped-def]
    test.file_uploader(key=f"uploads_{round_}").upload(
        PROTECTED.name, PROTECTED.read_bytes(), "application/pdf"
    ).run()
    return test


def test_without_its_password_the_upload_says_where_to_give_it(place: AppPlace) -> None:
    test = _upload(app())
    assert not test.exception
    errors = [error.value.replace("\\", "") for error in test.error]
    assert any(
        "encrypted.pdf: password protected" in line
        and "Enter it under 'Password for protected PDFs'" in line
        for line in errors
    ), errors
    with place.register() as register:
        assert register.documents() == []


def test_with_its_password_it_is_read_and_its_pages_drawn(place: AppPlace) -> None:
    test = app()
    test.text_input(key="pdf_password").input(PASSWORD).run()
    _upload(test)
    assert not test.exception
    assert not test.error
    with place.register() as register:
        (document,) = register.documents()
        assert register.counts().total > 0
    assert document.name == "encrypted.pdf"
    assert any(image for image in test.get("image"))  # the page, opened with the password
    assert "No page image" not in " ".join(t.value for t in test.text)


def test_the_page_of_a_protected_pdf_is_not_drawn_without_the_password(
    place: AppPlace,
) -> None:
    test = app()
    test.text_input(key="pdf_password").input(PASSWORD).run()
    _upload(test)
    later = app()  # another session: no password given
    assert not later.exception
    assert any(t.value.startswith("No page image") for t in later.text)
