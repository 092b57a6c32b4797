"""Make a page easy for Tesseract, and remember how, so boxes map back to the original.

The steps (each measured with bench/preprocess.py on generated scans, figures there):
grey; resolution brought to about 300 dpi when it is far off (tiny faxes, 600+ dpi
photos); a small skew straightened; a page scanned upside down or sideways turned upright
(see ocr/worker.py: only when the first read looks wrong, because Tesseract's OSD costs
half a page of OCR time). EXIF orientation is applied when the page is loaded
(sources.load_image), so "the original" is the page as any image viewer shows it.

Every step is recorded in a Transform; Transform.box_to_original() maps a box found on
the processed image back to pixels of the original.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image

TARGET_DPI = 300
# Outside this band the page is rescaled to TARGET_DPI: Tesseract reads 200-400 dpi
# text equally well, and rescaling inside it only costs time.
MIN_DPI = 100
MAX_DPI = 450
MAX_SIDE = 7000  # pixels of the processed page, whatever the source said
A4_LONG_INCH = 11.69
SKEW_LIMIT = 4.0  # degrees; beyond that it is not a slightly crooked scan
SKEW_MIN = 0.9  # below this Tesseract copes by itself; rotating costs time and blurs
SKEW_WIDTH = 450  # pixels: the thumbnail on which the skew is measured


@dataclass(frozen=True, slots=True)
class Settings:
    """What preprocessing may do; the defaults are what measured best."""

    rescale: bool = True
    deskew: bool = True
    orientation: str = "auto"  # "auto": OSD when the read looks wrong, "osd": always, "off"
    min_confidence: float = 65.0  # below this mean word confidence the page is checked


DEFAULT_SETTINGS = Settings()


@dataclass(frozen=True, slots=True)
class Transform:
    """What was done to the original (width x height, EXIF-upright), in this order:
    scaled by `scale`, turned clockwise by `quarter` degrees, rotated by `skew` degrees
    counter-clockwise (PIL's convention) about the centre without changing its size."""

    width: int
    height: int
    scale: float = 1.0
    quarter: int = 0
    skew: float = 0.0

    def _turned_size(self) -> tuple[float, float]:
        w, h = self.width * self.scale, self.height * self.scale
        return (h, w) if self.quarter in (90, 270) else (w, h)

    def point_to_original(self, x: float, y: float) -> tuple[float, float]:
        tw, th = self._turned_size()
        if self.skew:
            # undo the small rotation: rotate back by -skew about the centre
            a = math.radians(self.skew)
            cx, cy = tw / 2, th / 2
            dx, dy = x - cx, y - cy
            x = cx + dx * math.cos(a) - dy * math.sin(a)
            y = cy + dx * math.sin(a) + dy * math.cos(a)
        sw, sh = self.width * self.scale, self.height * self.scale
        if self.quarter == 90:  # turned clockwise: (x, y) came from (y, sh - x)
            x, y = y, sh - x
        elif self.quarter == 180:
            x, y = sw - x, sh - y
        elif self.quarter == 270:
            x, y = sw - y, x
        return x / self.scale, y / self.scale

    def box_to_original(
        self, left: int, top: int, width: int, height: int
    ) -> tuple[int, int, int, int]:
        """A box on the processed page as (left, top, width, height) on the original."""
        corners = [
            self.point_to_original(x, y) for x in (left, left + width) for y in (top, top + height)
        ]
        xs = [min(max(c[0], 0.0), self.width) for c in corners]
        ys = [min(max(c[1], 0.0), self.height) for c in corners]
        x0, y0 = math.floor(min(xs)), math.floor(min(ys))
        return x0, y0, math.ceil(max(xs)) - x0, math.ceil(max(ys)) - y0


def estimate_dpi(image: Image.Image, declared: float | None) -> float:
    """The resolution the file declares when plausible, else what an A4 page would have."""
    if declared and 70 < declared <= 1200:
        return float(declared)
    return max(image.size) / A4_LONG_INCH


def declared_dpi(image: Image.Image) -> float | None:
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else None
    except (TypeError, ValueError, IndexError):
        return None
    return value if value and math.isfinite(value) else None


def to_grey(image: Image.Image) -> Image.Image:
    if image.mode == "L":
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        # transparent parts are paper, not ink
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        background.alpha_composite(image.convert("RGBA"))
        return background.convert("L")
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda v: v / 256).convert("L")
    return image.convert("L")


def rescale(image: Image.Image, dpi: float, transform: Transform, enabled: bool = True):
    """Bring the page to TARGET_DPI when it is far outside MIN_DPI..MAX_DPI; cap its size."""
    factor = 1.0
    if enabled and not MIN_DPI <= dpi <= MAX_DPI:
        factor = min(TARGET_DPI / dpi, 3.0)
    factor = min(factor, MAX_SIDE / max(image.size))
    if abs(factor - 1.0) < 0.02:
        return image, transform, dpi
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    # reduce() first: a huge page shrinks by whole factors cheaply before the fine resize
    reduce_by = int(1 / factor) if factor < 0.5 else 1
    source = image.reduce(reduce_by) if reduce_by > 1 else image
    scaled = source.resize(size, Image.Resampling.LANCZOS)
    exact = scaled.width / image.width
    return scaled, replace(transform, scale=transform.scale * exact), dpi * exact


def turn(image: Image.Image, quarter: int, transform: Transform):
    """Turn the page clockwise by quarter (0/90/180/270) degrees."""
    quarter %= 360
    if quarter == 0:
        return image, transform
    method = {
        90: Image.Transpose.ROTATE_270,  # PIL names counter-clockwise turns
        180: Image.Transpose.ROTATE_180,
        270: Image.Transpose.ROTATE_90,
    }[quarter]
    return image.transpose(method), replace(transform, quarter=(transform.quarter + quarter) % 360)


def _row_sharpness(dx: np.ndarray, dy: np.ndarray, angle: float) -> float:
    """How crisp the text lines are when the ink points (dx, dy from the centre) are
    rotated by angle: the sum of squared differences between neighbouring rows of the
    ink profile (highest when lines are level). Points, not a rotated image: 15x faster."""
    a = math.radians(angle)
    rows = np.rint(dy * math.cos(a) - dx * math.sin(a)).astype(np.int64)
    profile = np.bincount(rows - rows.min()).astype(np.float64)
    return float(np.sum(np.diff(profile) ** 2))


def skew_angle(image: Image.Image) -> float:
    """The small rotation (degrees, PIL convention) that makes the text lines level."""
    small = image.reduce(max(1, image.width // SKEW_WIDTH))  # whole-factor shrink: cheap
    ys, xs = np.nonzero(np.asarray(small) < 140)  # the ink
    if ys.size == 0:
        return 0.0
    dx, dy = xs - small.width / 2, ys - small.height / 2
    best, best_score = 0.0, _row_sharpness(dx, dy, 0.0)
    for angle in (-3.5, -2.5, -1.5, -0.75, 0.75, 1.5, 2.5, 3.5):
        score = _row_sharpness(dx, dy, angle)
        if score > best_score:
            best, best_score = angle, score
    centre = best
    for step in (-0.5, -0.25, 0.25, 0.5):
        angle = centre + step
        score = _row_sharpness(dx, dy, angle)
        if score > best_score:
            best, best_score = angle, score
    return best


def deskew(image: Image.Image, transform: Transform, enabled: bool = True):
    if not enabled:
        return image, transform
    angle = skew_angle(image)
    if abs(angle) < SKEW_MIN or abs(angle) > SKEW_LIMIT:
        return image, transform
    # nearest: 25 ms on a 300 dpi A4 page against 150 ms bilinear, and the same word
    # recall after it (bench/preprocess.py, 40 pages skewed 1.5-3 degrees: 98.5% both,
    # 97.3% without deskewing)
    straight = image.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=255)
    return straight, replace(transform, skew=angle)


def normalise(
    image: Image.Image, declared: float | None, settings: Settings = DEFAULT_SETTINGS
) -> tuple[Image.Image, Transform, float]:
    """Grey and rescaled page, its Transform and its resolution in dpi (no turning yet)."""
    transform = Transform(image.width, image.height)
    dpi = estimate_dpi(image, declared)
    grey = to_grey(image)
    grey, transform, dpi = rescale(grey, dpi, transform, settings.rescale)
    return grey, transform, dpi
