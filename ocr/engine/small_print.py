"""A second, closer look at small print: a side column or footer in 6-7 pt type.

At 200 dpi such print is 13-18 px high against 24-26 px for body text, and Tesseract's
page layout joins it with body lines or drops whole lines of it: on generated client
letters the KvK number and btw-id of a column of details beside the body were lost with
their labels, and what was left of it read with little confidence ("dE" for "35781267").
Read alone, at twice the size, as one block (psm 6), the same pixels come back whole.

Only clusters of small words are read again, not the page, and only where Tesseract was
unsure of a word in them: where it read small print surely, a second reading measured as
often worse as better. bench/second_looks.py prints what it costs and finds.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image

from ..groups import Groups
from .crops import Region, mapped, read_enlarged, word_rows

SMALL = 0.8  # a word under this share of the page's median word height is small print
MIN_WORDS = 4  # fewer small words together are a line such as "Retouradres: …", read well
SCALE = 2
PSM = 6  # one block of text: the crop holds only small print
# Lines of a column that Tesseract dropped with their label leave no word to cluster:
# the crop reaches this many small-print heights past the cluster, above and below.
REACH_DOWN = 6.0
REACH_UP = 2.0
REACH_SIDE = 1.0
EDGE = 3  # px of the prepared page: a word this near the crop's edge may be cut
SURE = 60.0  # Tesseract's confidence of a word read surely enough to count
# A region is read again only when Tesseract was unsure of a word in it: where it read
# small print surely, a second reading measured as often worse as better.
UNSURE = 50.0


def _letters(text: str) -> int:
    return sum(c.isalnum() for c in text)


def regions(table: dict, width: int, height: int) -> list[Region]:
    """Boxes of small print on one page's Tesseract table (pixels of the prepared page)."""
    rows = [i for i in word_rows(table) if _letters(table["text"][i]) >= 2]
    if len(rows) < MIN_WORDS:
        return []
    body = statistics.median(table["height"][i] for i in rows)
    small = [i for i in rows if table["height"][i] < SMALL * body]
    if len(small) < MIN_WORDS:
        return []
    boxes = [
        (table["left"][i], table["top"][i], table["width"][i], table["height"][i]) for i in small
    ]
    clusters = _clusters(boxes)
    found: list[Region] = []
    for members in clusters:
        if len(members) < MIN_WORDS:
            continue
        h = statistics.median(boxes[k][3] for k in members)
        left = min(boxes[k][0] for k in members) - REACH_SIDE * h
        right = max(boxes[k][0] + boxes[k][2] for k in members) + REACH_SIDE * h
        top = min(boxes[k][1] for k in members) - REACH_UP * h
        bottom = max(boxes[k][1] + boxes[k][3] for k in members) + REACH_DOWN * h
        found.append(
            Region(
                max(0, int(left)),
                max(0, int(top)),
                min(width, int(right)),
                min(height, int(bottom)),
            )
        )
    # what a crop may cut: small print, and words Tesseract joined across its columns
    crossing = [
        (table["left"][i], table["top"][i], table["width"][i], table["height"][i])
        for i in rows
        if table["height"][i] < body
    ]
    return whole_regions(found, crossing)


def whole_regions(found: list[Region], words: list[tuple[int, int, int, int]]) -> list[Region]:
    """The regions grown over the small words they cut, and joined where they meet: a crop
    through a word reads half of it, and two crops over one word read it twice (the
    columns of a footer are clusters of their own, its top line runs across them)."""
    changed = True
    while changed:
        changed = False
        grown = []
        for region in found:
            for word in words:
                if region.meets(*word) and not region.holds(*word):
                    region, changed = region.joined(*word), True
            grown.append(region)
        found = []
        for region in grown:
            other = next((k for k, r in enumerate(found) if r.meets(*region.box)), None)
            if other is None:
                found.append(region)
            else:
                found[other], changed = found[other].joined(*region.box), True
    return found


def _clusters(boxes: list[tuple[int, int, int, int]]) -> list[list[int]]:
    """Small words that stand together: at most two of their heights apart upwards or
    downwards and three sideways (a page holds a few hundred words)."""
    groups = Groups(len(boxes))
    for a, (al, at, aw, ah) in enumerate(boxes):
        for b in range(a + 1, len(boxes)):
            bl, bt, bw, bh = boxes[b]
            h = max(ah, bh)
            dx = max(0, bl - (al + aw), al - (bl + bw))
            dy = max(0, bt - (at + ah), at - (bt + bh))
            if dx <= 3 * h and dy <= 2 * h:
                groups.join(a, b)
    members: dict[int, list[int]] = {}
    for k in range(len(boxes)):
        members.setdefault(groups.find(k), []).append(k)
    return list(members.values())


def unsure(table: dict, region: Region) -> bool:
    """Was Tesseract unsure of a word in region (a number it half saw, specks it took for
    letters)? Where it read all of the small print surely, it is not read again."""
    return any(
        region.holds(*_box(table, i))
        and _letters(table["text"][i])
        and float(table["conf"][i]) < UNSURE
        for i in word_rows(table)
    )


def read_closer(
    tables: Sequence[dict], files: Sequence[Path], lang: str, timeout: float
) -> list[dict]:
    """Each page's table with its small print read again at twice the size where Tesseract
    was unsure of it. All crops of all pages go through one Tesseract run; when that run
    fails the first reads stand."""

    def unsure_regions(table: dict, width: int, height: int) -> list[Region]:
        return [r for r in regions(table, width, height) if unsure(table, r)]

    return read_regions(tables, files, lang, timeout, unsure_regions)


def read_regions(
    tables: Sequence[dict],
    files: Sequence[Path],
    lang: str,
    timeout: float,
    find: Callable[[dict, int, int], list[Region]],
    accept: Callable[[dict], bool] = lambda again: True,
) -> list[dict]:
    """Each page's table with the regions find gives (table, page width, page height)
    read again at twice the size as one block, and merged where accept takes the crop's
    reading. All crops of all pages go through one Tesseract run; when that run fails
    the first reads stand."""
    wanted: list[tuple[int, Region]] = []
    try:
        for page, (table, file) in enumerate(zip(tables, files, strict=True)):
            with Image.open(file) as image:
                size = image.size
            wanted += [(page, region) for region in find(table, *size)]
        if not wanted:
            return list(tables)
        pieces = [(files[page], region) for page, region in wanted]
        again = read_enlarged(pieces, SCALE, lang, PSM, timeout)
    except Exception:  # a second look never costs the page its first reading
        return list(tables)
    merged = [dict(t) for t in tables]
    for (page, region), table in zip(wanted, again, strict=True):
        if accept(table):
            merged[page] = merge(merged[page], table, region)
    return merged


def merge(table: dict, again: dict, region: Region) -> dict:
    """table with the words inside region replaced by the crop's reading of them, when
    that reading holds at least as many surely read letters. Words at the crop's edge
    may be cut in two: there the first reading stands. (Word by word, the surer of two
    readings, measured worse: Tesseract's confidence does not compare across runs, and
    the mix breaks numbers apart.)"""
    inner = Region(region.left + EDGE, region.top + EDGE, region.right - EDGE,
                   region.bottom - EDGE)  # fmt: skip
    new = [w for w in mapped(again, region, SCALE) if inner.holds(*_box(w))]
    old = [
        i
        for i in word_rows(table)
        if inner.holds(*_box(table, i)) or any(_covers(_box(table, i), _box(w)) for w in new)
    ]
    before = _sure_letters([(table["text"][i], float(table["conf"][i])) for i in old])
    if not new or _sure_letters([(w["text"], w["conf"]) for w in new]) < before:
        return table
    drop = set(old)
    merged = {name: [v for i, v in enumerate(col) if i not in drop] for name, col in table.items()}
    # the crop's words go last, as blocks of their own: the page text keeps its order,
    # and lines are built from the boxes (ocr.extract.words)
    first_block = max(table.get("block_num") or [0]) + 1
    for word in new:
        word["block_num"] += first_block
        word["page_num"] = table["page_num"][0] if table.get("page_num") else 1
        for name, column in merged.items():
            column.append(word.get(name, 0))
    return merged


def _covers(box: tuple[int, int, int, int], word: tuple[int, int, int, int]) -> bool:
    """Does box hold the middle of word: the first reading of the same print, a word
    the region's edge cuts but grown over the small print by a rule read with it
    ("INGB" 63 px high over "INGB" 42 px high: both kept, the line read "NL32 INGB INGB
    0612")?"""
    left, top, width, height = box
    x, y = word[0] + word[2] / 2, word[1] + word[3] / 2
    return left <= x <= left + width and top <= y <= top + height


def sure_letters(table: dict) -> int:
    """How many letters and digits of a page's table Tesseract read surely."""
    return _sure_letters([(table["text"][i], float(table["conf"][i])) for i in word_rows(table)])


def _sure_letters(words: list[tuple[str, float]]) -> int:
    return sum(_letters(text) for text, conf in words if conf >= SURE)


def _box(rows: dict, i: int | None = None) -> tuple[int, int, int, int]:
    """(left, top, width, height) of a mapped word, or of row i of a table."""
    if i is None:
        return rows["left"], rows["top"], rows["width"], rows["height"]
    return rows["left"][i], rows["top"][i], rows["width"][i], rows["height"][i]
