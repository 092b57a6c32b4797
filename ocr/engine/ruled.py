"""A second reading of a page whose ruled table Tesseract took for a picture.

A client card printed as a table, a box round every label and every value, is read by
Tesseract's page layout as one picture: of a "Debiteurenkaart" of eight rows only the
title and the remark under the table came back, and the client's name, address, phone
numbers, e-mail and IBAN were lost. With the rules wiped from the page the same layout
reads every cell. A page is read so again only when the words it read surely cover
little of its ink: on the generated check binders the words of a scanned page hold a
median 88-90 % of its ink (84 % those read surely), those of the cards whose table was
dropped 22-29 %. Words read unsurely do not count: a ruled card turned upside down came
back as a few garbled words ("'rca [oscerme") whose boxes held half its ink. Rules are
not wiped from every page: that would change how every page reads, for the 1 to 3 pages
in 600-800 that need it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from . import pagefiles
from .crops import word_rows
from .small_print import SURE, sure_letters
from .tesseract import tsv_of_files

INK = 160  # a pixel darker than this is ink
LOW_COVER = 0.45  # a page whose words hold less of its ink than this is read again
# a rule: a stretch this long (px of the prepared page, about 0.75 inch at 200 dpi) that is
# almost all ink; a dashed rule, or one stepped by the page's skew, counts too
RULE_LENGTH = 150
RULE_SHARE = 0.8
# a dashed rule: a longer stretch, two thirds ink, with (nearly) no ink CLEAR px above
# and below it (a dashed table's rules read as "|", "ee" and "Te essen" between its cells)
DASHED_LENGTH = 300
DASHED_SHARE = 0.6
CLEAR = 5
CLEAR_SHARE = 0.2


def ink_covered(table: dict, image: Image.Image) -> float:
    """The share of the page's ink that lies inside the boxes of the words read surely
    (1.0 on a page without ink)."""
    dark = np.asarray(image.convert("L")) < INK
    total = int(dark.sum())
    if not total:
        return 1.0
    inside = np.zeros(dark.shape, dtype=bool)
    for i in word_rows(table):
        if float(table["conf"][i]) < SURE:
            continue
        left, top = max(0, table["left"][i]), max(0, table["top"][i])
        inside[top : top + table["height"][i], left : left + table["width"][i]] = True
    return int((dark & inside).sum()) / total


def _rule_pixels(dark: np.ndarray) -> np.ndarray:
    """Ink pixels in horizontal stretches of RULE_LENGTH that are mostly ink, or in
    longer thin ones of dashes (DASHED_LENGTH, less ink, paper above and below: a bold
    heading's strokes are as dense but stand on more ink). A row counts as ink where it
    or a row beside it is: a rule askew runs in steps."""
    near = dark.copy()
    near[1:] |= dark[:-1]
    near[:-1] |= dark[1:]
    rules = _spread(_shares(near, RULE_LENGTH) >= RULE_SHARE, RULE_LENGTH)
    if dark.shape[1] > DASHED_LENGTH:
        shares = _shares(dark, DASHED_LENGTH)
        clear = np.zeros(shares.shape, dtype=bool)
        clear[CLEAR:-CLEAR] = (shares[: -2 * CLEAR] < CLEAR_SHARE) & (
            shares[2 * CLEAR :] < CLEAR_SHARE
        )
        dashed = (_shares(near, DASHED_LENGTH) >= DASHED_SHARE) & clear
        rules |= _spread(dashed, DASHED_LENGTH)
    return dark & rules


def _shares(dark: np.ndarray, length: int) -> np.ndarray:
    """Per row, the share of ink in each stretch of length pixels, by where it starts."""
    counts = np.cumsum(dark, axis=1, dtype=np.int32)
    counts = np.concatenate([np.zeros((dark.shape[0], 1), np.int32), counts], axis=1)
    return (counts[:, length:] - counts[:, :-length]) / length


def _spread(starts_dense: np.ndarray, length: int) -> np.ndarray:
    """Pixels in a dense stretch: one starts at most length - 1 px before them."""
    starts = np.cumsum(starts_dense, axis=1, dtype=np.int32)
    starts = np.concatenate([starts, np.repeat(starts[:, -1:], length - 1, axis=1)], axis=1)
    shifted = np.concatenate(
        [np.zeros((starts.shape[0], length), np.int32), starts[:, :-length]], axis=1
    )
    return (starts - shifted) > 0


def without_rules(image: Image.Image) -> Image.Image:
    """The page with its table rules, across and down, wiped to paper."""
    grey = np.asarray(image.convert("L"))
    dark = grey < INK
    if dark.shape[0] < RULE_LENGTH or dark.shape[1] < RULE_LENGTH:
        return image
    rules = _rule_pixels(dark) | _rule_pixels(np.ascontiguousarray(dark.T)).T
    wiped = grey.copy()
    wiped[rules] = 255
    return Image.fromarray(wiped)


def read_again(
    tables: Sequence[dict], files: Sequence[Path], lang: str, timeout: float
) -> list[dict]:
    """Each page's table, read again without its rules where the first reading covered
    little of the page's ink and the second reads more letters surely. All such pages go
    through one Tesseract run; when it fails the first readings stand."""
    again_files: list[tuple[int, Path]] = []
    try:
        for page, (table, file) in enumerate(zip(tables, files, strict=True)):
            with Image.open(file) as image:
                if ink_covered(table, image) >= LOW_COVER:
                    continue
                dpi = float(image.info.get("dpi", (300, 300))[0] or 300)
                again_files.append((page, pagefiles.write_page(without_rules(image), dpi)))
        if not again_files:
            return list(tables)
        again = tsv_of_files([f for _, f in again_files], lang, timeout=timeout)
    except Exception:  # a second reading never costs the page its first one
        return list(tables)
    finally:
        for _, path in again_files:
            path.unlink(missing_ok=True)
    result = list(tables)
    for (page, _), table in zip(again_files, again, strict=True):
        if sure_letters(table) > sure_letters(result[page]):
            result[page] = table
    return result
