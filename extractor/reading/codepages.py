"""Windows code page numbers, as Outlook and RTF name them, to Python codecs."""

from __future__ import annotations

import codecs

_NAMED = {
    65001: "utf-8",
    65000: "utf-7",
    1200: "utf-16-le",
    1201: "utf-16-be",
    20127: "ascii",
    28591: "latin-1",
    28592: "iso8859-2",
    28595: "iso8859-5",
    28597: "iso8859-7",
    28599: "iso8859-9",
    28605: "iso8859-15",
    20866: "koi8-r",
    50220: "iso2022-jp",
    50221: "iso2022-jp",
    50222: "iso2022-jp",
    51932: "euc-jp",
    51949: "euc-kr",
    52936: "hz",
    54936: "gb18030",
    936: "gbk",
    10000: "mac-roman",
}


def codec_for(codepage: int | None, default: str = "cp1252") -> str:
    """The codec of ``codepage`` ("cp1250" for 1250), or ``default`` when Python has none."""
    if codepage is None:
        return default
    name = _NAMED.get(codepage, f"cp{codepage}")
    try:
        codecs.lookup(name)
    except LookupError:
        return default
    return name
