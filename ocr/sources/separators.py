"""Where one client's paper ends in a feeder stack: blank pages and QR cover sheets.

A cover sheet carries a QR code "KLANTDOSSIER:CLIENT:<id>" and is printed by the app for an
existing client, so paper scanned after it goes straight to that client.

Why segno for the QR code: pure Python without dependencies, actively maintained, follows
ISO/IEC 18004 and gives the module matrix, which we draw ourselves at print size.
Why OpenCV's QRCodeDetector to read it (opencv-python-headless): wheels for every platform
with nothing to install beside them (pyzbar needs the system library libzbar and has not
had a release since 2022), and numpy, which it brings, also serves the blank-page test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

QR_PREFIX = "KLANTDOSSIER:CLIENT:"
_QR_PAYLOAD = re.compile(r"^KLANTDOSSIER:CLIENT:(\d+)$")

# Blank test at about 100 dpi: enough to see a line of 8-point text, cheap on a 600 dpi scan.
BLANK_WIDTH_PX = 850
# Share of the page (inside the margins) that may be ink on a "blank" sheet. Scanner grain
# and dust specks do not survive the median filter; a single short line of text ("Zie
# ommezijde", 13 letters of 10 pt) is about 0.0003, so the line is drawn well below that.
BLANK_INK_RATIO = 0.0001
MARGIN = 0.06  # scanner edges, shadows of the lid and punch holes live here
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


@dataclass(frozen=True, slots=True)
class PageKind:
    kind: str  # "content", "blank" or "cover"
    client_id: int | None = None  # the client named by a cover sheet
    ink: float = 0.0

    @property
    def is_separator(self) -> bool:
        return self.kind != "content"


def _grey(image: Image.Image, width: int) -> Image.Image:
    grey = image.convert("L")
    factor = round(grey.width / width)
    if factor >= 2:
        grey = grey.reduce(factor)  # box average: many times faster than resize()
    return grey


def ink_ratio(image: Image.Image) -> float:
    """Share of the page covered by ink, after thresholding against the paper's own
    brightness (grey recycled paper is not ink) and a median filter (scanner noise is)."""
    grey = _grey(image, BLANK_WIDTH_PX)
    w, h = grey.size
    inner = grey.crop(
        (int(w * MARGIN), int(h * MARGIN), int(w * (1 - MARGIN)), int(h * (1 - MARGIN)))
    )
    pixels = np.asarray(inner.filter(ImageFilter.MedianFilter(3)), dtype=np.int16)
    if pixels.size == 0:
        return 0.0
    paper = int(np.percentile(pixels, 90))
    if paper < 96:
        return 1.0  # a dark sheet (or the lid left open) is not an empty page
    threshold = min(paper - 70, 150)
    return float(np.count_nonzero(pixels < threshold)) / pixels.size


def is_blank(image: Image.Image) -> bool:
    return ink_ratio(image) < BLANK_INK_RATIO


_detector = None


def read_cover_sheet(image: Image.Image) -> int | None:
    """The client id of a cover sheet, or None when the page holds no such QR code."""
    import cv2  # loaded on first use: it takes a moment and the CLI often needs no QR

    global _detector
    if _detector is None:
        _detector = cv2.QRCodeDetector()
    # The code is printed 6 cm wide: at 500 px across the page it is still ~5 px a module
    # and the test costs ~20 ms. A larger try only when something QR-like was seen.
    for width in (500, 1000):
        grey = np.asarray(_grey(image, width))
        try:
            text, points, _ = _detector.detectAndDecode(grey)
        except cv2.error:
            text, points = "", None
        match = _QR_PAYLOAD.match(text or "")
        if match:
            return int(match.group(1))
        if points is None or image.width < width * 2:
            break
    return None


def classify_page(image: Image.Image) -> PageKind:
    """content, blank (a separator) or a cover sheet for a client."""
    ink = ink_ratio(image)
    if ink < BLANK_INK_RATIO:
        return PageKind("blank", ink=ink)
    # A cover sheet is mostly white with one big code; full text pages skip the decoder.
    if ink < 0.25:
        client_id = read_cover_sheet(image)
        if client_id is not None:
            return PageKind("cover", client_id=client_id, ink=ink)
    return PageKind("content", ink=ink)


def split_batches(
    kinds: Iterable[PageKind], duplex: bool = False
) -> list[tuple[int | None, list[int]]]:
    """Group page indexes into batches (one per client): a blank page or a cover sheet
    starts the next batch; a cover sheet also names the client of that batch.

    In duplex, pages come as (front, back): a blank back side is just an empty back and is
    dropped, and only a sheet blank on both sides separates.
    """
    kinds = list(kinds)
    batches: list[tuple[int | None, list[int]]] = []
    current: list[int] = []
    client: int | None = None

    def close() -> None:
        if current:
            batches.append((client, list(current)))

    step = 2 if duplex else 1
    for start in range(0, len(kinds), step):
        sheet = list(range(start, min(start + step, len(kinds))))
        front = kinds[sheet[0]]
        if front.kind == "cover":
            close()
            current, client = [], front.client_id
            continue
        if all(kinds[i].kind == "blank" for i in sheet):
            close()
            current, client = [], None
            continue
        current.extend(i for i in sheet if kinds[i].kind == "content")
    close()
    return batches


class BatchSplitter:
    """split_batches for pages that arrive one at a time: tells at once which batch a page
    belongs to, so the wizard can show the thumbnails grouped while scanning."""

    def __init__(self, duplex: bool = False) -> None:
        self.duplex = duplex
        self.batch = 0  # index of the batch being filled
        self.covers: dict[int, int] = {}  # batch index -> client id named by its cover sheet
        self._has_pages = False
        self._pending_front: PageKind | None = None

    def add(self, kind: PageKind) -> int | None:
        """The batch index this page goes to, or None when it is a separator / empty back."""
        if self.duplex:
            if self._pending_front is None:
                self._pending_front = kind
                if kind.kind == "content":
                    return self._content()
                if kind.kind == "cover":
                    self._next(kind.client_id)
                return None
            front, self._pending_front = self._pending_front, None
            if front.kind == "blank" and kind.kind == "blank":
                self._next(None)
                return None
            if kind.kind == "content" and front.kind != "cover":  # a cover's back is no page
                return self._content()
            return None
        if kind.kind == "content":
            return self._content()
        self._next(kind.client_id if kind.kind == "cover" else None)
        return None

    def next_batch(self) -> None:
        """Start a new batch without a separator page (a new client folder or file)."""
        self._pending_front = None
        self._next(None)

    def _content(self) -> int:
        self._has_pages = True
        return self.batch

    def _next(self, client_id: int | None) -> None:
        if self._has_pages:
            self.batch += 1
            self._has_pages = False
        if client_id is None:
            self.covers.pop(self.batch, None)
        else:
            self.covers[self.batch] = client_id


# -- cover sheets --------------------------------------------------------------------------


def cover_payload(client_id: int) -> str:
    return f"{QR_PREFIX}{int(client_id)}"


def cover_sheet_image(client_id: int, name: str, dpi: int = 150) -> Image.Image:
    """An A4 page: the client's name, what the sheet is for, and a 6 cm QR code."""
    import segno

    width, height = round(8.27 * dpi), round(11.69 * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    qr = segno.make(cover_payload(client_id), error="h", micro=False)
    matrix = np.array([list(row) for row in qr.matrix], dtype=np.uint8)
    modules = matrix.shape[0]
    size_px = round(6 / 2.54 * dpi)
    scale = max(1, size_px // modules)
    code = Image.fromarray(((1 - matrix) * 255).astype(np.uint8), "L")
    code = code.resize((modules * scale, modules * scale), Image.Resampling.NEAREST)
    code = ImageOps.expand(code, border=4 * scale, fill=255)  # the quiet zone
    top = round(height * 0.3)
    page.paste(code, ((width - code.width) // 2, top))

    def text(y: float, line: str, size_pt: float, bold: bool = False) -> None:
        font = ImageFont.truetype(FONT_BOLD if bold else FONT, round(size_pt / 72 * dpi))
        box = draw.textbbox((0, 0), line, font=font)
        draw.text(((width - (box[2] - box[0])) / 2, y), line, fill=0, font=font)

    text(height * 0.1, "Klantdossier — scheidingsblad", 20, bold=True)
    text(height * 0.16, name, 24, bold=True)
    text(height * 0.21, f"klantnummer {client_id}", 14)
    below = top + code.height + dpi * 0.4
    text(below, "Leg dit blad bovenop het papier van deze klant in de scanner.", 11)
    text(below + dpi * 0.3, "Alles na dit blad komt bij deze klant, tot het volgende", 11)
    text(below + dpi * 0.55, "scheidingsblad of een leeg vel.", 11)
    text(height * 0.9, "Cover sheet: pages after it go to this client.", 9)
    return page


def write_cover_sheet(path: str | Path, client_id: int, name: str) -> Path:
    """Save a cover sheet to print: PDF (A4, by the suffix .pdf) or PNG."""
    path = Path(path)
    dpi = 150
    image = cover_sheet_image(client_id, name, dpi=dpi)
    if path.suffix.lower() == ".pdf":
        image.save(path, "PDF", resolution=dpi, title=f"Scheidingsblad klant {client_id}")
    else:
        image.save(path, dpi=(dpi, dpi))
    return path
