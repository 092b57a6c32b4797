"""Pieces of a prepared page read again, enlarged, for a second look at them
(ocr.engine.small_print, ocr.engine.iban_lines): where they are, one Tesseract run for
all of them, and their words mapped back onto the page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from . import pagefiles
from .tesseract import tsv_of_files


@dataclass(frozen=True, slots=True)
class Region:
    """A box on the prepared page (left, top, right, bottom)."""

    left: int
    top: int
    right: int
    bottom: int

    def holds(self, left: int, top: int, width: int, height: int) -> bool:
        return (
            self.left <= left
            and self.top <= top
            and left + width <= self.right
            and top + height <= self.bottom
        )

    def meets(self, left: int, top: int, width: int, height: int) -> bool:
        return (
            left < self.right
            and self.left < left + width
            and top < self.bottom
            and self.top < top + height
        )

    def joined(self, left: int, top: int, width: int, height: int) -> Region:
        return Region(
            min(self.left, left),
            min(self.top, top),
            max(self.right, left + width),
            max(self.bottom, top + height),
        )

    @property
    def box(self) -> tuple[int, int, int, int]:
        return self.left, self.top, self.right - self.left, self.bottom - self.top


def word_rows(table: dict) -> list[int]:
    """The rows of a Tesseract table that are words read (not blocks, lines, or nothing)."""
    return [
        i
        for i, text in enumerate(table.get("text", []))
        if table["level"][i] == 5 and (text or "").strip() and float(table["conf"][i]) >= 0
    ]


def read_enlarged(
    pieces: Sequence[tuple[Path, Region]], scale: int, lang: str, psm: int, timeout: float
) -> list[dict]:
    """Tesseract's table of each piece (a region of a prepared page's file), enlarged
    scale times, all in one run; raises as that run does. The piece files are removed."""
    paths: list[Path] = []
    try:
        for file, region in pieces:
            with Image.open(file) as image:
                dpi = float(image.info.get("dpi", (300, 300))[0] or 300)
                crop = image.crop((region.left, region.top, region.right, region.bottom))
            big = crop.resize((crop.width * scale, crop.height * scale), Image.LANCZOS)
            paths.append(pagefiles.write_page(big, dpi * scale))
        return tsv_of_files(paths, lang, psm=psm, timeout=timeout)
    finally:
        for path in paths:
            path.unlink(missing_ok=True)


def mapped(table: dict, region: Region, scale: int) -> list[dict]:
    """The words of the reading of a crop enlarged scale times, as rows on the prepared
    page."""
    words = []
    for i in word_rows(table):
        words.append(
            {
                "level": 5,
                "page_num": 1,
                "block_num": table["block_num"][i],
                "par_num": table["par_num"][i],
                "line_num": table["line_num"][i],
                "word_num": table["word_num"][i],
                "left": region.left + round(table["left"][i] / scale),
                "top": region.top + round(table["top"][i] / scale),
                "width": max(1, round(table["width"][i] / scale)),
                "height": max(1, round(table["height"][i] / scale)),
                "conf": float(table["conf"][i]),
                "text": table["text"][i],
            }
        )
    return words


# --- lines of a page's table, and words spliced into them --------------------------------


def lines(table: dict) -> list[list[int]]:
    """The rows of a table's words, line by line as Tesseract found them."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i in word_rows(table):
        key = (table["block_num"][i], table["par_num"][i], table["line_num"][i])
        lines.setdefault(key, []).append(i)
    return list(lines.values())


def line_text(table: dict, rows: list[int]) -> str:
    return " ".join(table["text"][i] for i in rows)


def around(table: dict, rows: list[int], width: int, height: int, side: float = 0.5) -> Region:
    """The words' box with half a line's height of paper above and below it, and side
    line heights beside it."""
    top = min(table["top"][i] for i in rows)
    bottom = max(table["top"][i] + table["height"][i] for i in rows)
    pad = (bottom - top) // 2
    reach = int(side * (bottom - top))
    return Region(
        max(0, min(table["left"][i] for i in rows) - reach),
        max(0, top - pad),
        min(width, max(table["left"][i] + table["width"][i] for i in rows) + reach),
        min(height, bottom + pad),
    )


def on_line(word: dict, region: Region) -> bool:
    """Is the middle of a crop's word within the line (not a bit of the line above or
    below that the crop's paper round the line caught)?"""
    middle = word["top"] + word["height"] / 2
    pad = (region.bottom - region.top) / 4  # the line's own height is half the region's
    return region.top + pad <= middle <= region.bottom - pad


def spliced(table: dict, changes: list[tuple[list[int], int, list[dict]]]) -> dict:
    """table without each change's rows, and with its words after row `at`, on that row's
    line: the page text reads "IBAN: NL91 …" where it was printed."""
    dropped = {i for rows, _, _ in changes for i in rows}
    inserted = {at: words for _, at, words in changes}
    result: dict[str, list] = {name: [] for name in table}
    for i in range(len(table["text"])):
        rows = [] if i in dropped else [{name: table[name][i] for name in table}]
        line = {n: table[n][i] for n in ("page_num", "block_num", "par_num", "line_num")}
        rows += [{**word, **line} for word in inserted.get(i, [])]
        for row in rows:
            for name, column in result.items():
                column.append(row.get(name, 0))
    return result


def word_spans(texts: list[str]) -> list[tuple[int, int]]:
    """Where each word stands in the words joined by single spaces (line_text)."""
    spans, at = [], 0
    for text in texts:
        spans.append((at, at + len(text)))
        at += len(text) + 1
    return spans


def replacing(table: dict, rows: list[int], words: list[dict]) -> tuple[list[int], int, list[dict]]:
    """The change (for spliced) that puts words, a crop's reading of a number, in place of
    the rows of a line they stand over: only the number's words change, the label and
    what else the line holds stay as first read (the crop catches bits of rules and of
    lines beside it)."""
    left = min(w["left"] for w in words)
    right = max(w["left"] + w["width"] for w in words)
    lefts, widths = table["left"], table["width"]
    under = [i for i in rows if lefts[i] < right and left < lefts[i] + widths[i]]
    return under, (under or rows)[0], words
