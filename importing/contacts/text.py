"""Bytes of a contact file to text, the way the programs that write them need it.

Lists are decoded per line (per property for a vCard), never per file: one Windows
line in a UTF-8 file, or a multi-byte character split by folding, must not turn every
accent of the file into mojibake. UTF-16 (Outlook's "Unicode" CSV, some phones) is
recognised with or without a byte order mark and turned into UTF-8 bytes first, so the
readers only ever see 8-bit lines.
"""

from __future__ import annotations

import codecs
import re

_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_WIDE_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
SAMPLE = 4096


def _wide_encoding(data: bytes) -> str | None:
    """utf-16-le/-be for a UTF-16 file without a byte order mark: mostly-ASCII text has a
    zero in every other byte (a scan or PDF has zeros too, but not so regularly)."""
    sample = data[: SAMPLE - SAMPLE % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.6 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.6 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    return None


def eight_bit(data: bytes) -> bytes:
    """The file as 8-bit bytes: UTF-16 (with or without BOM) re-encoded as UTF-8, a UTF-8
    BOM removed; anything else as it is (decoded later, line by line)."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace").encode("utf-8")
    encoding = _wide_encoding(data)
    if encoding is not None:
        return data.decode(encoding, "replace").encode("utf-8")
    return data.removeprefix(codecs.BOM_UTF8)


def looks_binary(data: bytes) -> bool:
    """A NUL byte in the 8-bit form: an image, a PDF, a database; not a list."""
    return b"\x00" in data[:SAMPLE]


def lines(data: bytes) -> list[bytes]:
    """Lines with their endings; only CR, LF and CRLF end one (str.splitlines would also
    split on bytes and characters that may stand inside a value)."""
    return _LINE.findall(data)


def decode(raw: bytes, charset: str | None = None) -> str:
    """One line or value: in its declared charset, else UTF-8, else Windows-1252 (what
    Dutch Windows programs write), else Latin-1 (which reads any byte)."""
    if charset:
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or wrong charset: read it as if none was given
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")
