"""Chamber of Commerce (KvK) numbers, Dutch btw-ids and foreign VAT numbers.

Printed in many ways on real paper: "KvK 12345678", "K.v.K. Zwolle: 87654321", "KvK
Amersfoort 12345678", "ingeschreven bij de Kamer van Koophandel te Utrecht onder nummer
1234 5678", "Handelsregister 12345678"; "Btw: NL 004495445 B01", "NL1234.56.789.B01".
A foreign VAT number (BE0403170701, DE136695976) is its own field, "vat", with its country
prefix: it is never stored as the Dutch btw-id.
"""

from __future__ import annotations

import re

from stdnum.eu import vat as std_vat
from stdnum.nl import btw as std_btw

from .hits import Hit
from .text import compact

# The KvK label and its misreads: KvK, K.v.K. (read "K.K." or "KK." when the v is lost), KVK,
# Kvk-nr. (its hyphen read as an e: "KvKenr", or written without: "KvKnr"), Kamer van Koophandel,
# Handelsregister(nummer), HR-nr, CoC / Chamber of Commerce (English invoices).
_KVK_LABEL = re.compile(
    r"(?:(?<![a-z])k\s?\.?\s?[vy]\s?\.?\s?k(?:\b|(?=e?(?:nr|nummer)))\.?|(?<![a-z])k\.?\s?k\.|"
    r"kamer\s+v[aäáà]n\s+koophande[l1i]|handelsregister\w*|"
    r"(?<![a-z])hr[\s.-]*(?:nr|nummer)|(?<![a-z])coc\b|chamber\s+of\s+commerce)"
    r"(?:[\s.-]*e?(?:nr|nummer|no|number|n[or]\.?)\b\.?)?[\s.:-]*",
    re.IGNORECASE,
)
# Words that may stand between the label and the number: a place ("KvK Amersfoort",
# "KvK 's-Hertogenbosch"), "te", "onder", "nummer", "nr." - at most four of them; before
# it a table's rule or any mark OCR saw in a speck ("KvK-nr: | 12345678", "‘12345678",
# "„18048388", also after a word: "KvK-on \"90046009", "Drachten’50559166"), or the line
# of a form it is written on ("KvK-nr: ____41098297"), not an amount's sign; a plus with
# a space after it is a speck ("KvK: + 27255008"), a phone's plus is not.
_EIGHT = re.compile(
    r"^(?:[^\w€$%+]|_)*(?:\+\s+)?"
    r"(?:(?:['‘’`][st][ :.-])?[A-Za-zÀ-ÿ][\w'’À-ÿ-]*\.?[\s:.,\-–—\x22“”„’]+){0,4}?"
    # a last 1 read as a bracket too ("9092494]"; not a first: "[1234567]" is no number)
    r"([0-9OoIl|](?:[ .]?[0-9OoIl|]){6}[ .]?[0-9OoIl|\]])(?![0-9A-Za-z])"
)
_KVK_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "]": "1"})

# NL read as "NE" too ("NE244953752B01"), the B as an R: the checksum still has to agree
# a 1 is read as "|", "!", a bracket or a brace too ("NL4444979[2B01", "NL25{3.76.795.B02"),
# a 0 as a D ("B D1"), a 7 as a slash ("NLS20073/33801"): the checksum has to agree (the
# two digits after the B have none: there only O, D and 1s, a 0 read as @ "B@1", a 1 as
# t "B0t")
_BTW = re.compile(
    r"N[L1I|E]:?([0-9OIDLSBZ|\[\]{}/]{9})[B8R]([0-9OIDL|!\[\]{}@T]{2})"
    r"|(?<![0-9])([0-9]{9})B([0-9]{2})"
)
_BTW_DIGITS = str.maketrans(
    {"O": "0", "D": "0", "I": "1", "L": "1", "|": "1", "!": "1", "[": "1", "]": "1", "{": "1",
     "}": "1", "S": "5", "B": "8", "Z": "2", "/": "7", "@": "0", "T": "1"}
)  # fmt: skip
# A foreign EU VAT number: country prefix and 8-12 characters, read as printed.
_VAT = re.compile(r"(?<![0-9])(?=([A-Z]{2})([0-9A-Z]{8,12}))")
_VAT_COUNTRIES = frozenset(c.upper() for c in std_vat.MEMBER_STATES) - {"NL"} | {"EL"}


def _apart(text: str, start: int, end: int) -> bool:
    """Does text[start:end] stand apart, not glued to more letters or digits?"""
    return (start == 0 or not text[start - 1].isalnum()) and (
        end >= len(text) or not text[end].isalnum()
    )


# a KvK label with its place and nothing more: "KvK Utrecht", "Kamer van Koophandel Den Haag"
_PLACE_WORDS = re.compile(r"(?:(?:['‘’`][st][ :.-])?[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*\.?\s*){0,3}$")


def kvk_label_alone(text: str) -> bool:
    """Is text a KvK label with at most a place after it, no number (a column of details
    puts the number on the line under it)?"""
    text = text.strip(' .:,;|_-„“”"*•·')
    text = re.sub(r"(?<=[A-Za-z.]) [0-9]$", "", text)  # a speck read as a digit ("CoC 2")
    match = _KVK_LABEL.match(text)
    return bool(match) and bool(_PLACE_WORDS.match(text[match.end() :]))


def find_kvk(text: str, *, labelled: bool = False) -> list[Hit]:
    """8-digit KvK numbers after a KvK label (in text, or the whole text when labelled)."""
    starts = [0] if labelled else [m.end() for m in _KVK_LABEL.finditer(text)]
    hits = []
    for pos in starts:
        match = _EIGHT.match(text[pos:])
        if not match or match.start(1) > 40:
            continue
        raw = match.group(1)
        start = pos + match.start(1)
        if raw.endswith("]") and "[" in text[max(0, start - 3) : start]:
            continue  # seven digits in brackets
        printed = re.sub(r"[ .]", "", raw)
        value = printed.translate(_KVK_DIGITS)
        if len(value) == 8 and value.isdigit():
            hits.append(Hit(value, start, start + len(raw), raw, value != printed))
    return hits


def find_btw(text: str) -> list[Hit]:
    """Dutch btw-ids (NL + 9 digits + B + 2 digits) that pass python-stdnum's check,
    printed spaced or dotted ("NL1234.56.789.B01"); without its NL only as printed."""
    if sum(c.isdigit() for c in text) < 6:
        return []  # eleven digits, a few of them perhaps misread
    squeezed, offsets = compact(text, drop=".,-")  # "NL4755,12.431.B02": a dot read as a comma
    upper = squeezed.upper()
    hits = []
    for match in _BTW.finditer(upper):
        if match.group(1):
            digits, check = match.group(1), match.group(2)
        else:
            digits, check = match.group(3), match.group(4)
        value = f"NL{digits.translate(_BTW_DIGITS)}B{check.translate(_BTW_DIGITS)}"
        a, b = offsets[match.start()], offsets[match.end() - 1] + 1
        if not _apart(text, a, b) or not std_btw.is_valid(value):
            continue
        printed = upper[match.start() : match.end()].replace(":", "")
        hits.append(Hit(value, a, b, text[a:b], value not in (printed, "NL" + printed)))
    return hits


def find_vat(text: str) -> list[Hit]:
    """Foreign (EU, not Dutch) VAT numbers as printed ("BE 0403.170.701", "DE136695976"),
    valid by python-stdnum for their country. Called on text with a VAT label only: a
    country code and nine digits pass a check digit one time in ten by chance."""
    if sum(c.isdigit() for c in text) < 7:
        return []
    squeezed, offsets = compact(text, drop=".-")
    upper = squeezed.upper()
    hits: list[Hit] = []
    taken = -1
    for match in _VAT.finditer(upper):
        country, rest = match.group(1), match.group(2)
        if country not in _VAT_COUNTRIES or match.start() < taken:
            continue
        found = []
        for n in range(8, len(rest) + 1):
            a = offsets[match.start()]
            b = offsets[match.start() + 2 + n - 1] + 1
            if _apart(text, a, b) and std_vat.is_valid(country + rest[:n]):
                found.append((country + rest[:n], a, b))
        if len(found) == 1:
            value, a, b = found[0]
            hits.append(Hit(std_vat.compact(value), a, b, text[a:b]))
            taken = match.start() + len(value)
    return hits
