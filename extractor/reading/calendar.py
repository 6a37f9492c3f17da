"""Read a calendar invitation (.ics, text/calendar) as the few lines a person reads in it.

An invitation ([RFC 5545]) is mostly machine data: time zone rules, the
organiser's and attendees' addresses, ids, sequence numbers. Read as text it
became statements such as "BEGIN:VCALENDAR PRODID:-//Microsoft Corporation//
Outlook 16.0 MIMEDIR//EN ...". What a contract reviewer needs of it is what
the meeting is, when and where (a factory acceptance test on a date is a
commitment) and its description, the text the organiser wrote. So each event
(VEVENT, or VTODO) becomes a heading (SUMMARY), one sentence saying when
and where ("Meeting on 2026-02-17 10:00 to 11:30 (W. Europe Standard Time), at
Room 3.": DTSTART, DTEND, LOCATION) and the DESCRIPTION as paragraphs of kind
"description"; everything else is left out. Lines are unfolded (a line
break followed by a space or tab continues the line) and TEXT values
unescaped (``\\n``, ``\\,``, ``\\;``, ``\\\\``) as RFC 5545 section 3.1 and
3.3.11 say. The mail reader drops a description the mail body already holds
(Outlook writes the body into both).
"""

from __future__ import annotations

import hashlib
import re

from extractor.errors import EmptyDocument
from extractor.reading.text import blocks_from_text
from extractor.types import Block, Document, Page

_FOLD = re.compile(r"\r?\n[ \t]")
_ESCAPE = re.compile(r"\\([nN,;\\])")
_DATE_TIME = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?")
_EVENTS = frozenset({"VEVENT", "VTODO"})
_FIELDS = frozenset({"SUMMARY", "LOCATION", "DTSTART", "DTEND", "DESCRIPTION"})
DESCRIPTION = "description"  # the style of a description's blocks


def read_calendar(path: str, data: bytes) -> Document:
    """The events of an iCalendar file: what, when, where, and the description."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    unfolded = _FOLD.sub("", text)
    blocks = [block for event in _events(unfolded) for block in _event_blocks(event)]
    method = _property(unfolded, "METHOD")
    if not blocks:
        raise EmptyDocument(path, "a calendar file without a meeting's text")
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        kind="text",
        pages=(Page(number=None, blocks=tuple(blocks)),),
        metadata={"calendar": "invitation" if method.upper() == "REQUEST" else "event"},
    )


def _events(text: str) -> list[dict[str, tuple[dict[str, str], str]]]:
    """Each event's fields: name -> (parameters, raw value)."""
    events: list[dict[str, tuple[dict[str, str], str]]] = []
    depth: list[str] = []
    for line in text.splitlines():
        name, parameters, value = _parse(line)
        if name == "BEGIN":
            depth.append(value.upper())
            if value.upper() in _EVENTS:
                events.append({})
        elif name == "END":
            if depth:
                depth.pop()
        elif depth and depth[-1] in _EVENTS and name in _FIELDS and events:
            events[-1].setdefault(name, (parameters, value))
    return events


def _property(text: str, wanted: str) -> str:
    for line in text.splitlines():
        name, _, value = _parse(line)
        if name == wanted:
            return value
    return ""


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    """(NAME, {PARAM: value}, value) of a content line; a quoted parameter may hold ":"."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            head, value = line[:index], line[index + 1 :]
            break
    else:
        return "", {}, ""
    name, *pairs = head.split(";")
    parameters = {}
    for pair in pairs:
        key, _, parameter = pair.partition("=")
        parameters[key.strip().upper()] = parameter.strip('"')
    return name.strip().upper(), parameters, value


def _event_blocks(event: dict[str, tuple[dict[str, str], str]]) -> list[Block]:
    blocks: list[Block] = []
    summary = _text(event.get("SUMMARY", ({}, ""))[1]).strip()
    if summary:
        blocks.append(Block(text=" ".join(summary.split()), kind="heading", style="summary"))
    start, end = (_when(*event[key]) if key in event else "" for key in ("DTSTART", "DTEND"))
    if end[:10] == start[:10] and len(end) > 10:  # the same day: "10:00 to 11:30 (zone)"
        start, end = start.split(" (")[0] if start[16:] == end[16:] else start, end[11:]
    location = " ".join(_text(event.get("LOCATION", ({}, ""))[1]).split())
    when = f" on {start}" + (f" to {end}" if end else "") if start else ""
    where = f", at {location}" if location else ""
    if when or where:  # one sentence: short "Where:" lines are dropped as fragments
        blocks.append(Block(text=f"Meeting{when}{where}."))
    description = _text(event.get("DESCRIPTION", ({}, ""))[1])
    for block in blocks_from_text(description):
        blocks.append(Block(text=block.text, kind=block.kind, level=block.level, style=DESCRIPTION))
    return blocks


def _text(value: str) -> str:
    """A TEXT value unescaped: \\n is a line break, \\, \\; \\\\ the character itself."""
    return _ESCAPE.sub(lambda match: "\n" if match.group(1) in "nN" else match.group(1), value)


def _when(parameters: dict[str, str], value: str) -> str:
    """A DATE or DATE-TIME as "2026-02-17 10:00 (W. Europe Standard Time)"."""
    match = _DATE_TIME.fullmatch(value.strip())
    if match is None:
        return " ".join(value.split())
    year, month, day, hour, minute, _, utc = match.groups()
    shown = f"{year}-{month}-{day}"
    if hour is not None:
        shown += f" {hour}:{minute}"
        zone = "UTC" if utc else parameters.get("TZID", "")
        if zone:
            shown += f" ({zone})"
    return shown
