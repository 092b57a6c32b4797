"""A second and third look at phone and KvK numbers, which have no checksum.

Tesseract misreads one digit of a number now and then and is sure of it ("786" for "780",
a 9 for a 5); nothing tells such a number from a right one, and read once in a folder it
goes onto the card as a number nobody has. Its words, cropped with some paper round them
and read again enlarged as one block (psm 6), mostly come back as printed. On the five
check binders of session 11, crops of numbers read once in their folder: of 5 misread
ones, 4 came back as the printed number at both twice and three times the size (1 not
at all); of 120 right ones, none came back as another number at both sizes (101 the
same, 19 unread at either size, where the first reading stands).

So each number read once on the pages read together (one read twice was read right: two
misreads of a number are rarely the same) is read again at twice the size; where that
reading is the same number, the first stands (most numbers: one crop each); where it
differs, a third reading at three times the size decides: the number's words are replaced
only when the second and third readings are the same other number. All crops of all pages
go through one Tesseract run per size; when a run fails the first readings stand. It
costs 13 % more Tesseract CPU on scanned pages (bench/second_looks.py --look
number_lines).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..extract.phones import find_phones
from ..extract.registry import find_kvk
from .crops import (
    Region,
    around,
    line_text,
    lines,
    mapped,
    on_line,
    read_enlarged,
    replacing,
    spliced,
    word_spans,
)

SIZES = (2, 3)  # the second look, and the third that decides where they differ
PSM = 6
SIDE = 3.0  # line heights of paper beside the number: its label, and no more


@dataclass(frozen=True, slots=True)
class _Number:
    page: int
    rows: list[int]  # the first reading's words of it
    value: str
    kvk: bool  # a KvK number, else a phone number
    region: Region


# eight digits alone on a line: a KvK number whose label stands in another column
_BARE_EIGHT = re.compile(r"[\s|:.]*[0-9OIl]{8}[\s|:.]*")


def numbers(text: str) -> list[tuple[int, int, str, bool]]:
    """Phone and KvK numbers in a line's text: their spans, values and whether each is a
    KvK number."""
    bare = _BARE_EIGHT.fullmatch(text)
    found = [(h.start, h.end, h.value, True) for h in find_kvk(text, labelled=bool(bare))]
    taken = [(start, end) for start, end, *_ in found]
    found += [(h.start, h.end, h.value, False) for h in find_phones(text, taken)]
    return found


def _in_crop(text: str, kvk: bool) -> list[tuple[int, int, str]]:
    """The numbers a crop's text holds: a KvK number's crop may have cut its label."""
    if not kvk:
        return [(h.start, h.end, h.value) for h in find_phones(text)]
    return [(h.start, h.end, h.value) for h in find_kvk(text, labelled=True) + find_kvk(text)]


def _numbers_of(tables: Sequence[dict], files: Sequence[Path]) -> list[_Number]:
    """The numbers read once on the pages read together: one read twice (a letterhead's
    number again in the letter, ours on every page of an invoice) was read right; two
    misreads of one number are rarely the same."""
    read: list[list[tuple[list[int], str, bool]]] = []
    for table in tables:
        hits = []
        for rows in lines(table):
            spans = word_spans([table["text"][i] for i in rows])
            for start, end, value, kvk in numbers(line_text(table, rows)):
                under = [i for i, (a, b) in zip(rows, spans, strict=True) if a < end and start < b]
                hits.append((under, value, kvk))
        read.append(hits)
    count = Counter(value for hits in read for _, value, _ in hits)
    found: list[_Number] = []
    for page, (hits, table, file) in enumerate(zip(read, tables, files, strict=True)):
        hits = [(under, value, kvk) for under, value, kvk in hits if count[value] == 1]
        if not hits:
            continue
        with Image.open(file) as image:
            size = image.size
        found += [
            _Number(page, under, value, kvk, around(table, under, *size, side=SIDE))
            for under, value, kvk in hits
        ]
    return found


def _values(words: list[dict], number: _Number) -> dict[str, list[dict]]:
    """The numbers of the kind of number a crop's reading holds, each with the words it
    was read from."""
    words = [w for w in words if on_line(w, number.region)]
    spans = word_spans([w["text"] for w in words])
    text = " ".join(w["text"] for w in words)
    return {
        value: [w for w, (a, b) in zip(words, spans, strict=True) if a < end and start < b]
        for start, end, value in _in_crop(text, number.kvk)
    }


def _read(found: list[_Number], files: Sequence[Path], scale: int, lang: str,
          timeout: float) -> list[dict[str, list[dict]]]:  # fmt: skip
    pieces = [(files[n.page], n.region) for n in found]
    tables = read_enlarged(pieces, scale, lang, PSM, timeout)
    return [
        _values(mapped(table, n.region, scale), n) for n, table in zip(found, tables, strict=True)
    ]


def read_again(
    tables: Sequence[dict], files: Sequence[Path], lang: str, timeout: float
) -> list[dict]:
    """Each page's table with the phone and KvK numbers that two closer readings agree
    were misread replaced by what they read."""
    try:
        found = _numbers_of(tables, files)
        if not found:
            return list(tables)
        second = _read(found, files, SIZES[0], lang, timeout)
        doubtful = [(n, seen) for n, seen in zip(found, second, strict=True)
                    if seen and n.value not in seen]  # fmt: skip
        if not doubtful:
            return list(tables)
        third = _read([n for n, _ in doubtful], files, SIZES[1], lang, timeout)
    except Exception:  # a second look never costs the page its first reading
        return list(tables)
    changes: dict[int, list[tuple[list[int], int, list[dict]]]] = {}
    for (n, seen), decider in zip(doubtful, third, strict=True):
        table = tables[n.page]
        first_left = min(table["left"][i] for i in n.rows)
        first_right = max(table["left"][i] + table["width"][i] for i in n.rows)
        # the same other number both times, where the first was read (not a number
        # beside it on the line that the crop caught too)
        agreed = [
            words
            for value, words in decider.items()
            if value in seen and first_left <= _middle(words) <= first_right
        ]
        if len(agreed) != 1:
            continue
        changes.setdefault(n.page, []).append(replacing(table, n.rows, agreed[0]))
    return [
        spliced(table, changes[page]) if page in changes else table
        for page, table in enumerate(tables)
    ]


def _middle(words: list[dict]) -> float:
    return (min(w["left"] for w in words) + max(w["left"] + w["width"] for w in words)) / 2
