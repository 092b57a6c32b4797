"""Blocks of a page that Tesseract's layout took for pictures, read as text after all.

On a client card printed as a ruled table and scanned askew, the page layout may take
part of the table for a picture: the first rows' values were read, the last three (KvK,
btw-id, client since) came back as an empty block, a box with no words in it, and were
lost. ocr.engine.ruled reads a page again without its rules only where its words cover
little of the ink, and here they covered most of it. The empty block, cropped and read
as one block of text (psm 6) at twice the size, reads every value in it ("80002346",
"NL666464091B01", "24 mei 2006").

Only empty blocks of some size are read (a rule is a thin empty block too); a logo read
so gives a few words, which are added only when Tesseract read some of them surely. On
160 pages of a check binder 12 held such a block; on 80 scanned pages the crops cost 1 %
more Tesseract CPU (bench/second_looks.py --look picture_blocks).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from pathlib import Path

from .crops import Region, word_rows
from .small_print import read_regions, sure_letters, whole_regions

WIDE = 4.0  # an empty block at least this many text heights wide ...
HIGH = 2.0  # ... and this many high holds text; a thinner one is a rule or a speck
MARGIN = 0.5  # text heights of paper round the block: its letters may stick out of it
MIN_SURE = 4  # letters read surely in the crop before its words count


def empty_blocks(table: dict, width: int, height: int) -> list[Region]:
    """The blocks of a page's Tesseract table that hold no word and are big enough to
    hold text, grown by a margin (pixels of the prepared page)."""
    rows = word_rows(table)
    if not rows:
        return []  # nothing read at all: ocr.engine.ruled reads such a page again
    text = statistics.median(table["height"][i] for i in rows)
    with_words = {table["block_num"][i] for i in rows}
    found = []
    for i, level in enumerate(table["level"]):
        if level != 2 or table["block_num"][i] in with_words:
            continue
        left, top = table["left"][i], table["top"][i]
        w, h = table["width"][i], table["height"][i]
        if w < WIDE * text or h < HIGH * text:
            continue
        margin = MARGIN * text
        found.append(
            Region(
                max(0, int(left - margin)),
                max(0, int(top - margin)),
                min(width, int(left + w + margin)),
                min(height, int(top + h + margin)),
            )
        )
    return whole_regions(found, [])  # nested blocks: one crop


def read_empty_blocks(
    tables: Sequence[dict], files: Sequence[Path], lang: str, timeout: float
) -> list[dict]:
    """Each page's table with the words read in its empty blocks added. All crops of all
    pages go through one Tesseract run; when it fails the first readings stand."""
    return read_regions(
        tables, files, lang, timeout, empty_blocks, lambda again: sure_letters(again) >= MIN_SURE
    )
