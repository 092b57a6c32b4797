"""What one worker process does with one task: open a file, prepare a page, run Tesseract.

Tasks are plain tuples so they cross the process boundary cheaply:
    ("probe", path, mime, passwords)                  -> Probe
    ("page", path, mime, index, password, lang, settings, timeout) -> PageText
    ("image", bytes, lang, settings, timeout)         -> PageText (scanner pages)
Errors come back as the named OcrError they raised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image

from storage.models import PageText, Word

from . import pdf
from .errors import BadFileError, OcrError
from .preprocess import DEFAULT_SETTINGS, Settings, Transform, deskew, normalise, turn
from .sources import image_frame_count, load_frame, plain_os_error
from .tesseract import detect_orientation, page_from_tsv, tsv_of


@dataclass(frozen=True, slots=True)
class Probe:
    """What a file holds before its pages are read."""

    pages: int
    password: str | None = None


def probe(path: Path, mime: str, passwords: Sequence[str] = ()) -> Probe:
    try:
        if mime == "application/pdf":
            count, password = pdf.page_count(path, passwords)
            return Probe(count, password)
        return Probe(image_frame_count(path))
    except OSError as e:
        raise BadFileError(plain_os_error(e)) from e


def read_page(
    path: Path,
    mime: str,
    index: int,
    password: str | None,
    lang: str,
    settings: Settings,
    timeout: float,
) -> PageText:
    try:
        if mime == "application/pdf":
            page, image, dpi = pdf.read_pdf_page(path, index, password)
            if page is not None:
                return page
            assert image is not None
            return ocr_page(image, dpi, lang, settings, timeout)
        image, declared = load_frame(path, index)
    except OSError as e:
        raise BadFileError(plain_os_error(e)) from e
    as_is = path if _readable_as_is(path, mime, index, image) else None
    return ocr_page(image, declared, lang, settings, timeout, source=as_is)


def _readable_as_is(path: Path, mime: str, index: int, image: Image.Image) -> bool:
    """A single-frame PNG/JPEG Tesseract can read itself, exactly as we see it (no EXIF
    turn, no transparency, 8-bit): then re-encoding the page for it is wasted time."""
    if mime not in ("image/png", "image/jpeg") or index:
        return False
    try:
        with Image.open(path) as raw:
            turned = raw.getexif().get(0x0112, 1) not in (1, None)
            plain = raw.mode in ("1", "L", "RGB", "P") and "transparency" not in raw.info
            return not turned and plain and raw.size == image.size
    except (OSError, SyntaxError, ValueError):
        return False


def read_image_bytes(data: bytes, lang: str, settings: Settings, timeout: float) -> PageText:
    image, declared = load_frame(data, 0)
    return ocr_page(image, declared, lang, settings, timeout)


def _read(
    image: Image.Image,
    transform: Transform,
    dpi: float,
    lang: str,
    timeout: float,
    source: Path | None = None,
):
    unchanged = transform == Transform(transform.width, transform.height)
    data = tsv_of(source if source and unchanged else image, lang, dpi=round(dpi), timeout=timeout)
    page = page_from_tsv(data, image.width, image.height)
    return page, transform


def _orientation(image: Image.Image, dpi: float, timeout: float) -> int:
    """Degrees to turn clockwise, by Tesseract's OSD on a half-size copy: orientation needs
    no fine detail, and OSD on a full 300 dpi page costs about as much as reading it."""
    if dpi >= 250:
        image, dpi = image.reduce(2), dpi / 2
    found = detect_orientation(image, dpi=round(dpi), timeout=timeout)
    return found[0] if found and found[1] >= 1.0 else 0


def _good_enough(page: PageText, settings: Settings) -> bool:
    return len(page.words) >= 3 and (page.confidence or 0.0) >= settings.min_confidence


def ocr_page(
    original: Image.Image,
    declared_dpi: float | None,
    lang: str,
    settings: Settings = DEFAULT_SETTINGS,
    timeout: float = 120.0,
    source: Path | None = None,
) -> PageText:
    """One page read: normalised, straightened, turned upright when needed, read in one
    Tesseract call; words and size are in pixels of the original image. source: the file
    the page came from, when Tesseract may read it directly if nothing needed changing."""
    scaled, base, dpi = normalise(original, declared_dpi, settings)
    del original  # only the working copy is kept from here
    quarter = 0
    if settings.orientation == "osd":
        quarter = _orientation(scaled, dpi, timeout)
    turned, transform = turn(scaled, quarter, base)
    straight, transform = deskew(turned, transform, settings.deskew)
    page, used = _read(straight, transform, dpi, lang, timeout, source)
    if settings.orientation == "auto" and not _good_enough(page, settings):
        # The cheap test is the read itself: upright text reads with high confidence.
        # Only a poor read pays for Tesseract's orientation detection and a second read.
        quarter = _orientation(scaled, dpi, timeout)
        if quarter:
            turned, transform = turn(scaled, quarter, base)
            straight, transform = deskew(turned, transform, settings.deskew)
            again, transform = _read(straight, transform, dpi, lang, timeout)
            if (again.confidence or 0.0) > (page.confidence or 0.0):
                page, used = again, transform
    return to_original(page, used)


def to_original(page: PageText, transform: Transform) -> PageText:
    """Boxes and size of a page read on a prepared image, in pixels of the original."""
    words = [
        Word(w.text, *transform.box_to_original(w.left, w.top, w.width, w.height), w.conf)
        for w in page.words
    ]
    return replace(
        page,
        words=words,
        orientation=transform.quarter,
        width=transform.width,
        height=transform.height,
    )


def run_task(task: tuple):
    """Dispatch one task tuple (see the module docstring) to its function."""
    kind, *args = task
    if kind == "probe":
        return probe(*args)
    if kind == "page":
        return read_page(*args)
    if kind == "image":
        return read_image_bytes(*args)
    raise OcrError(f"onbekende taak {kind!r}")
