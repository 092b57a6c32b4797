"""Chamber of Commerce (KvK) and VAT (btw) numbers."""

from __future__ import annotations

import re

from stdnum.nl import btw as std_btw

from .hits import Hit
from .text import compact, to_digits

_KVK_LABEL = re.compile(
    r"(?:(?<![a-z])k\s?v\s?k+|kamer\s+van\s+koophandel|handelsregister)(?:[\s.-]*(?:nr|nummer|no)\b)?"
    r"[\s.:-]*",
    re.IGNORECASE,
)
_EIGHT = re.compile(
    r"^[\s:.\-–—_]*([0-9OoIlSB|]{4}\s?[0-9OoIlSB|]{4}|[0-9OoIlSB|]{8})(?![0-9A-Za-z])"
)
_BTW = re.compile(r"N[L1I|][:.]?([0-9OILSBZ|]{9})[B8]([0-9OIL|]{2})(?![0-9])")


def find_kvk(text: str, *, labelled: bool = False) -> list[Hit]:
    """8-digit KvK numbers after a KvK label (in text, or the whole text when labelled)."""
    starts = [0] if labelled else [m.end() for m in _KVK_LABEL.finditer(text)]
    hits = []
    for pos in starts:
        match = _EIGHT.match(text[pos:])
        if not match:
            continue
        raw = match.group(1)
        start = pos + match.start(1)
        value = to_digits(raw.replace(" ", ""))
        if len(value) == 8 and value.isdigit():
            hits.append(Hit(value, start, start + len(raw), raw, value != raw.replace(" ", "")))
    return hits


def find_btw(text: str) -> list[Hit]:
    """Dutch btw-ids (NL + 9 digits + B + 2 digits) that pass python-stdnum's check."""
    squeezed, offsets = compact(text)
    upper = squeezed.upper()
    hits = []
    for match in _BTW.finditer(upper):
        value = f"NL{to_digits(match.group(1))}B{to_digits(match.group(2))}"
        if std_btw.is_valid(value):
            a, b = offsets[match.start()], offsets[match.end() - 1] + 1
            printed = squeezed[match.start() : match.end()]
            hits.append(Hit(value, a, b, text[a:b], value != printed.upper()))
    return hits
