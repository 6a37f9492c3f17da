"""The text of a mail body Outlook kept only as compressed RTF.

Outlook stores every body as compressed RTF ([MS-OXRTFCP]); for most mails it
also keeps a plain or HTML body, but some (older Outlook versions, rich-text
mails, some archiving tools) hold only the RTF. That RTF is of three sorts
([MS-OXRTFEX]): an HTML body wrapped in RTF (``\\fromhtml1``), whose HTML is
rebuilt from the ``{\\*\\htmltag ...}`` groups and the text outside
``\\htmlrtf`` runs; a plain body wrapped in RTF (``\\fromtext``); and native
RTF. The last two are read by dropping control words and the groups that hold
no text (font and colour tables, pictures, field instructions).

Only the ``compressed-rtf`` package (MIT) is used, for the LZ decompression;
the RTF itself is read here, as the few rules a mail body needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from extractor.reading.codepages import codec_for

# Decompressed RTF above this many bytes is not read (a body of pictures, or a bomb).
MAX_RTF_BYTES = 64 * 1024 * 1024

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word, with its parameter
    rb"|\\'([0-9a-fA-F]{2})"  # one byte in the document's code page
    rb"|\\([^a-zA-Z'])"  # control symbol
    rb"|([{}])"
    rb"|[\r\n]+"  # line breaks in RTF source are not text
    rb"|([^\\{}\r\n]+)",
    re.DOTALL,
)
# Destinations that hold no body text.
_SKIPPED = frozenset(
    {
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "objdata", "fldinst",
        "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
        "themedata", "colorschememapping", "listtable", "listoverridetable", "revtbl",
        "rsidtbl", "xmlnstbl", "filetbl", "datastore", "latentstyles", "pgdsctbl", "mmathPr",
    }
)  # fmt: skip
_WORDS = {
    "par": "\n", "line": "\n", "sect": "\n", "page": "\n", "row": "\n", "tab": "\t",
    "cell": "\t", "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022",
    "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
    "emspace": " ", "enspace": " ", "qmspace": " ",
}  # fmt: skip
_SYMBOLS = {"\\": "\\", "{": "{", "}": "}", "~": "\u00a0", "_": "-", "-": "", "\n": "\n"}
_SYMBOLS["\r"] = "\n"

BodyKind = Literal["html", "plain"]


class RtfError(ValueError):
    """The compressed RTF cannot be decompressed."""


def rtf_body(compressed: bytes) -> tuple[BodyKind, str]:
    """The body in ``compressed``: ("html", markup) when it wraps HTML, else ("plain", text)."""
    rtf = decompress(compressed)
    head = rtf[:2048]
    if b"\\fromhtml" in head:
        return "html", _Reader(html=True).read(rtf)
    return "plain", _Reader(html=False).read(rtf)


def decompress(compressed: bytes) -> bytes:
    """The RTF of a PR_RTF_COMPRESSED value, or RtfError saying why not."""
    import compressed_rtf

    if len(compressed) < 16:
        raise RtfError("the compressed RTF body is cut short")
    declared = int.from_bytes(compressed[4:8], "little")
    if declared > MAX_RTF_BYTES:
        raise RtfError(f"the RTF body declares {declared / 1e6:.0f} MB, over the limit")
    try:
        rtf = compressed_rtf.decompress(compressed)
    except Exception as error:  # the package raises bare Exceptions ("CRC is invalid!")
        raise RtfError(f"the compressed RTF body is damaged ({error})") from None
    return bytes(rtf)


@dataclass(frozen=True, slots=True)
class _Group:
    """What an RTF group's content is: skipped, HTML tag text, or suppressed (\\htmlrtf)."""

    skip: bool = False
    tag: bool = False
    suppressed: bool = False
    starred: bool = False
    unicode_skip: int = 1


class _Reader:
    """One pass over the RTF tokens, writing the text (or HTML) they stand for."""

    def __init__(self, *, html: bool) -> None:
        self.html = html
        self.codec = "cp1252"
        self.out: list[str] = []
        self.pending = bytearray()  # \'xx bytes, decoded together (multi-byte code pages)
        self.to_skip = 0  # fallback characters still to drop after a \uN
        self.high: int | None = None  # the first half of a surrogate pair

    def read(self, rtf: bytes) -> str:
        stack = [_Group()]
        for match in _TOKEN.finditer(rtf):
            word, parameter, hexbyte, symbol, brace, text = match.groups()
            group = stack[-1]
            if brace == b"{":
                self._flush()
                stack.append(replace(group, starred=False))
            elif brace == b"}":
                self._flush()
                if len(stack) > 1:
                    stack.pop()
            elif word is not None:
                stack[-1] = self._word(group, word.decode("ascii"), parameter)
            elif hexbyte is not None:
                if self._visible(group) and not self._skipping_fallback():
                    self.pending.append(int(hexbyte, 16))
            elif symbol is not None:
                stack[-1] = self._symbol(group, symbol.decode("latin-1"))
            elif text is not None and self._visible(group):
                self._text(text)
        self._flush()
        return "".join(self.out)

    def _visible(self, group: _Group) -> bool:
        return not group.skip and (group.tag or not group.suppressed)

    def _word(self, group: _Group, word: str, parameter: bytes | None) -> _Group:
        value = int(parameter) if parameter else None
        if group.starred and not group.skip:
            if self.html and word == "htmltag":
                return replace(group, tag=True, starred=False)
            return replace(group, skip=True, starred=False)
        if group.skip:
            return group
        if word in _SKIPPED:
            return replace(group, skip=True)
        if word == "htmlrtf":
            return replace(group, suppressed=value != 0)
        if word == "ansicpg" and value:
            self.codec = codec_for(value)
        elif word == "uc" and value is not None:
            return replace(group, unicode_skip=max(value, 0))
        elif word == "u" and value is not None and self._visible(group):
            self._flush()
            self._unicode(value % 65536)
            self.to_skip = group.unicode_skip
        elif word in _WORDS and self._visible(group):
            self._flush()
            self.out.append("\r\n" if self.html and _WORDS[word] == "\n" else _WORDS[word])
        return group

    def _unicode(self, code: int) -> None:
        """A \\uN character; a surrogate pair (an emoji) comes as two of them."""
        if 0xD800 <= code < 0xDC00:
            self.high = code
            return
        if 0xDC00 <= code < 0xE000 and self.high is not None:
            code = 0x10000 + ((self.high - 0xD800) << 10) + (code - 0xDC00)
        self.high = None
        self.out.append(chr(code) if not 0xD800 <= code < 0xE000 else "\ufffd")

    def _symbol(self, group: _Group, symbol: str) -> _Group:
        if symbol == "*":
            return replace(group, starred=True)
        if symbol in _SYMBOLS and self._visible(group) and not self._skipping_fallback():
            self._flush()
            self.out.append(_SYMBOLS[symbol])
        return group

    def _text(self, text: bytes) -> None:
        if self.to_skip:
            dropped = min(self.to_skip, len(text))
            self.to_skip -= dropped
            text = text[dropped:]
        self._flush()
        self.out.append(text.decode(self.codec, errors="replace"))

    def _skipping_fallback(self) -> bool:
        if self.to_skip:
            self.to_skip -= 1
            return True
        return False

    def _flush(self) -> None:
        if self.pending:
            self.out.append(bytes(self.pending).decode(self.codec, errors="replace"))
            self.pending.clear()
