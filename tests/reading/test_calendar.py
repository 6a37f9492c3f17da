"""Calendar invitations (.ics, text/calendar): read for what, when, where and the
description, never as "BEGIN:VCALENDAR ..." text; a description the mail holds is read once."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from extractor.errors import EmptyDocument
from extractor.reading import detect_format, read_document_bytes
from extractor.types import Document

INVITE = (
    "BEGIN:VCALENDAR\r\n"
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
    "VERSION:2.0\r\n"
    "METHOD:REQUEST\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:W. Europe Standard Time\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:16011028T030000\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    'ORGANIZER;CN="Vogel, Katrin":mailto:katrin.vogel@harbour.example\r\n'
    "ATTENDEE;CN=Tom Reed;RSVP=TRUE:mailto:tom.reed@northwind.example\r\n"
    "SUMMARY;LANGUAGE=en-GB:Factory acceptance test\\, pump frames\r\n"
    "DTSTART;TZID=W. Europe Standard Time:20260512T090000\r\n"
    "DTEND;TZID=W. Europe Standard Time:20260512T120000\r\n"
    "LOCATION:Werk 1\\, Kassel\r\n"
    "DESCRIPTION:The Supplier shall present the first 10 frames for inspection.\\n\\n\r\n"
    " Please bring the material certificates to EN 10204 3.1\\; the inspection \r\n"
    " plan must be signed.\r\n"
    "UID:040000008200E00074C5B7101A82E008\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)
BODY = "Dear Tom,\n\nsee the invitation.\n\nKatrin\n"


def _texts(document: Document) -> list[str]:
    return [block.text for page in document.pages for block in page.blocks]


def test_an_ics_file_is_known_by_its_content_whatever_its_name() -> None:
    assert detect_format("invite.txt", INVITE.encode()) == "calendar"
    assert detect_format("invite.ics", ("\ufeff" + INVITE).encode()) == "calendar"


def test_an_invitation_is_read_for_its_human_fields_only() -> None:
    document = read_document_bytes(INVITE.encode(), "invite.ics")
    assert document.metadata == {"calendar": "invitation"}
    assert _texts(document) == [
        "Factory acceptance test, pump frames",
        "Meeting on 2026-05-12 09:00 to 12:00 (W. Europe Standard Time), at Werk 1, Kassel.",
        "The Supplier shall present the first 10 frames for inspection.",
        "Please bring the material certificates to EN 10204 3.1; the inspection plan must be "
        "signed.",
    ]
    assert not any("VCALENDAR" in text or "mailto" in text for text in _texts(document))


def test_dates_in_utc_and_whole_days_are_shown_plainly() -> None:
    event = INVITE.replace(
        "DTSTART;TZID=W. Europe Standard Time:20260512T090000", "DTSTART:20260512T070000Z"
    ).replace("DTEND;TZID=W. Europe Standard Time:20260512T120000", "DTEND:20260513T100000Z")
    assert "Meeting on 2026-05-12 07:00 (UTC) to 2026-05-13 10:00 (UTC), at Werk 1, Kassel." in (
        _texts(read_document_bytes(event.encode(), "invite.ics"))
    )
    whole_day = INVITE.replace(
        "DTSTART;TZID=W. Europe Standard Time:20260512T090000", "DTSTART;VALUE=DATE:20260512"
    ).replace("DTEND;TZID=W. Europe Standard Time:20260512T120000\r\n", "")
    assert "Meeting on 2026-05-12, at Werk 1, Kassel." in _texts(
        read_document_bytes(whole_day.encode(), "invite.ics")
    )


def test_a_calendar_without_an_event_holds_no_text() -> None:
    with pytest.raises(EmptyDocument, match="calendar"):
        read_document_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "x.ics")


def _mail_with_invite(body: str, *, as_part: str) -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = "katrin.vogel@harbour.example", "tom.reed@northwind.example"
    message["Subject"], message["Date"] = "Factory acceptance test", "Mon, 4 May 2026 10:00 +0200"
    message.set_content(body)
    maintype, subtype = as_part.split("/")
    message.add_attachment(INVITE.encode(), maintype, subtype, filename="invite.ics")
    return message.as_bytes()


@pytest.mark.parametrize("as_part", ["text/calendar", "application/ics"])
def test_an_invitation_attached_to_a_mail_is_read_for_its_human_fields(as_part: str) -> None:
    document = read_document_bytes(_mail_with_invite(BODY, as_part=as_part), "mail.eml")
    (invite,) = document.attachments
    assert invite.path == "mail.eml#invite.ics"
    assert not any("BEGIN:" in text for text in _texts(invite))
    assert "The Supplier shall present the first 10 frames for inspection." in _texts(invite)
    assert invite.metadata["mail_sender"] == "katrin.vogel@harbour.example"


def test_a_description_the_mail_body_already_holds_is_read_once() -> None:
    """Outlook writes an invitation's text into the mail and into the .ics."""
    body = (
        "The Supplier shall present the first 10 frames for inspection.\n\n"
        "Please bring the material certificates to EN 10204 3.1; the inspection plan must be\n"
        "signed.\n"
    )
    document = read_document_bytes(_mail_with_invite(body, as_part="text/calendar"), "mail.eml")
    (invite,) = document.attachments
    assert _texts(invite) == [
        "Factory acceptance test, pump frames",
        "Meeting on 2026-05-12 09:00 to 12:00 (W. Europe Standard Time), at Werk 1, Kassel.",
    ]
