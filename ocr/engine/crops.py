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
