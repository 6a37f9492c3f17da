"""Outlook .msg uploads in the app: read like their .eml twins, attachments on their pages.

Uploads go through ``import_upload`` (what the app's upload handler calls), then
the app is run with ``AppTest`` on the same register and document folder.
"""

from __future__ import annotations

from script_loader import ROOT, load_script

from .helpers import HOSTILE_TEXT, AppPlace
from .test_app import app, queue_texts, texts

make_msg = load_script(ROOT / "scripts" / "make_msg.py", "make_msg")
THREAD = ROOT / "tests" / "documents" / "email" / "thread_with_quoted_reply.msg"
SENDER = "from Anna Berg <anna.berg@harbour.example>, sent 2024-03-01 09:30"


def test_the_uploader_takes_outlook_mails() -> None:
    test = app()
    (uploader,) = test.get("file_uploader")
    assert ".msg" in list(uploader.proto.type)


def test_an_outlook_mail_statement_says_who_sent_it_and_when(place: AppPlace) -> None:
    result = place.upload("thread.msg", THREAD.read_bytes())
    assert result.ok and result.report.entries_added
    test = app()
    assert not test.exception
    shown = queue_texts(test)
    where = [line for line in shown if line.startswith("thread.msg  ·")]
    own = [line for line in where if "quoted" not in line]
    quoted = [line for line in where if "quoted" in line]
    assert own and quoted
    assert all(SENDER in line for line in own)
    assert not any("from Anna Berg" in line for line in quoted)
    attached = [line for line in shown if line.startswith("thread.msg#")]
    assert attached and all(SENDER in line for line in attached)


def test_an_outlook_mails_attachment_is_shown_on_its_pages(place: AppPlace) -> None:
    place.upload("thread.msg", THREAD.read_bytes())
    with place.register() as register:
        attached = [view for view in register.documents() if view.name.endswith(".pdf")]
    assert [view.name for view in attached] == ["thread.msg#inspection_requirements.pdf"]
    assert place.store().path_for(attached[0].sha256) is not None
    test = app()
    test.session_state["queue_documents"] = [attached[0].name]
    test.run()
    assert not test.exception
    assert "No page image (document file not kept here)" not in texts(test)
    assert any(image for image in test.get("image"))


def test_hostile_text_in_an_outlook_mail_is_shown_literally(place: AppPlace) -> None:
    message = make_msg.Message(
        subject="<script>alert('subject')</script> **terms**",
        sender_name="<b>Mallory</b>",
        sender_address="mallory@example.com",
        recipients=[make_msg.Recipient("Buyer", "buyer@example.com")],
        body=HOSTILE_TEXT,
    )
    result = place.upload("hostile.msg", make_msg.write_msg(message))
    assert result.ok
    test = app()
    assert not test.exception
    shown = texts(test)
    assert any("<script>alert('x')</script>" in line for line in shown)
    assert any(line.startswith('=HYPERLINK("http') for line in shown)
    assert any("from <b>Mallory</b> <mallory@example.com>" in line for line in shown)
    markdown = [e.value for e in test.markdown] + [e.value for e in test.caption]
    assert not any("<script>" in value or "<b>" in value for value in markdown)
