"""A mail whose attachments came inside winmail.dat: in the app, each is a document of
the mail, says who sent it and when, and a PDF among them is shown on its pages."""

from __future__ import annotations

from script_loader import ROOT, load_script

from .helpers import AppPlace
from .test_app import app, texts

make_tnef = load_script(ROOT / "scripts" / "make_tnef.py", "make_tnef")
PDF = ROOT / "tests" / "documents" / "pdf" / "table.pdf"
SENDER = "from Anna Berg <anna.berg@harbour.example>, sent 2024-03-01 09:30"
INSTRUCTION = b"Each pallet shall be wrapped in VCI film.\r\n"


def _mail() -> bytes:
    winmail = make_tnef.write_tnef(
        make_tnef.Tnef(
            attachments=[
                make_tnef.Attachment("table.pdf", PDF.read_bytes(), "application/pdf"),
                make_tnef.Attachment("PI-22.txt", INSTRUCTION),
            ]
        )
    )
    return bytes(make_tnef.eml_with_winmail(winmail, body="Please see the attached files.\n"))


def test_the_files_inside_winmail_dat_are_documents_of_the_mail(place: AppPlace) -> None:
    result = place.upload("rich.eml", _mail())
    assert result.ok and result.report.entries_added
    assert not any("winmail.dat" in warning for warning in result.warnings)
    with place.register() as register:
        names = sorted(view.name for view in register.documents())
    assert names == ["rich.eml", "rich.eml#PI-22.txt", "rich.eml#table.pdf"]
    test = app()
    assert not test.exception
    attached = [line for line in texts(test) if line.startswith("rich.eml#PI-22.txt")]
    assert attached and all(SENDER in line for line in attached)


def test_a_pdf_inside_winmail_dat_is_shown_on_its_pages(place: AppPlace) -> None:
    place.upload("rich.eml", _mail())
    with place.register() as register:
        (pdf,) = [view for view in register.documents() if view.name.endswith(".pdf")]
    assert place.store().path_for(pdf.sha256) is not None
    test = app()
    test.session_state["queue_documents"] = [pdf.name]
    test.run()
    assert not test.exception
    assert "No page image (document file not kept here)" not in texts(test)
    assert any(image for image in test.get("image"))
