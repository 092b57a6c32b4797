"""Burgerservicenummers (AVG): find them and mask them before page text is stored.

A BSN is 9 digits passing the 11-proef, printed after "BSN"/"sofinummer" or as a
number on its own. Phone numbers, IBANs, btw-ids and KvK numbers are never masked:
their spans are found first and excluded (a btw-id even contains a valid BSN-like
9-digit run, and "+31 513 612 345" holds nine digits in a row).
"""

from __future__ import annotations

import dataclasses
import re

from stdnum.nl import bsn as std_bsn

from storage.models import PageText

from .bank import find_ibans
from .hits import overlaps_any
from .phones import find_phones
from .registry import find_btw, find_kvk

MASK = "•"  # what a masked digit becomes; not a digit, so nothing can match it again
_LABEL = re.compile(r"\b(?:bsn|b\.s\.n\.|burgerservicenummer|sofi-?nummer|sofi-?nr)\b", re.I)
# A number on its own: 9 digits, or 3.3.3 / 4.2.3 groups joined by dots.
_ALONE = re.compile(
    r"(?<![\w.+/-])(\d{9}|\d{3}\.\d{3}\.\d{3}|\d{4}\.\d{2}\.\d{3})(?![\w/-]|[.,]\d)"
)
_NINE_DIGITS = re.compile(r"\d(?:[\s.]?\d){8}")
# After a label also with spaces: "BSN: 123 456 782".
_AFTER_LABEL = re.compile(r"^[\s:.#-]*((?:\d[\s.]?){8}\d)(?!\d)")


def find_bsns(text: str) -> list[tuple[int, int]]:
    """Spans of BSNs in one line of text."""
    if not _NINE_DIGITS.search(text):
        return []  # most lines: no nine digits, no need to look for phones and IBANs
    protected = [(h.start, h.end) for h in find_phones(text)]
    protected += [(h.start, h.end) for h in find_ibans(text, labelled=True)]
    protected += [(h.start, h.end) for h in find_btw(text)]
    protected += [(h.start, h.end) for h in find_kvk(text)]
    spans: list[tuple[int, int]] = []
    for label in _LABEL.finditer(text):
        match = _AFTER_LABEL.match(text[label.end() :])
        if match:
            start, end = label.end() + match.start(1), label.end() + match.end(1)
            if _valid(match.group(1)) and not overlaps_any(start, end, protected):
                spans.append((start, end))
    for match in _ALONE.finditer(text):
        start, end = match.span(1)
        if overlaps_any(start, end, spans) or overlaps_any(start, end, protected):
            continue
        before = text[:start].rstrip()
        if before.endswith(("NL", "+31", "0031", "(0)")):
            continue  # the middle of a btw-id or a phone number written in parts
        if _valid(match.group(1)):
            spans.append((start, end))
    return spans


def _valid(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    return len(digits) == 9 and std_bsn.is_valid(digits)


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i].isdigit():
                chars[i] = MASK
    return "".join(chars)


def mask_bsn(page: PageText) -> tuple[PageText, bool]:
    """The page with every BSN masked in its text and its words, and whether one was found.

    Lines are rebuilt from the word boxes (a BSN can be split over several words), and
    the page text is masked line by line as well.
    """
    from .words import Line, build_lines

    if not _NINE_DIGITS.search(page.text) and not _NINE_DIGITS.search(
        " ".join(w.text for w in page.words)
    ):
        return page, False  # no nine digits anywhere: no lines to build
    numbers: set[str] = set()
    masked_words: dict[int, str] = {}
    lines = [line for line in build_lines(page) if line.has_boxes]
    if not lines and page.words:
        # words without boxes (a text layer): read them in their stored order
        lines = [Line.of(page.words, 0, 0)]
    for line in lines:
        spans = find_bsns(line.text)
        if not spans:
            continue
        for start, end in spans:
            numbers.add(re.sub(r"\D", "", line.text[start:end]))
        for word, offset in zip(line.originals, line.starts, strict=True):
            piece = [(max(s, offset) - offset, min(e, offset + len(word.text)) - offset)
                     for s, e in spans if s < offset + len(word.text) and offset < e]  # fmt: skip
            if piece:
                masked_words[id(word)] = _mask(word.text, piece)
    text_lines = []
    for raw in page.text.splitlines():
        spans = find_bsns(raw)
        for start, end in spans:
            numbers.add(re.sub(r"\D", "", raw[start:end]))
        text_lines.append(_mask(raw, spans))
    text = "\n".join(text_lines)
    if not numbers:
        return page, False
    # A BSN found in the words is masked in the text too, whatever the spacing there.
    for number in numbers:
        pattern = r"(?<!\d)" + r"[\s.]?".join(number) + r"(?!\d)"
        text = re.sub(pattern, lambda m: _mask(m.group(0), [(0, len(m.group(0)))]), text)
    words = [
        dataclasses.replace(w, text=masked_words[id(w)]) if id(w) in masked_words else w
        for w in page.words
    ]
    return dataclasses.replace(page, text=text, words=words), True


def page_has_bsn(page: PageText) -> bool:
    return mask_bsn(page)[1]
