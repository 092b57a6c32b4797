"""What one worker process does with one task: open files, prepare pages, run Tesseract.

Tasks are plain tuples so they cross the process boundary cheaply:
    ("probe", path, mime, passwords)                  -> Probe
    ("pages", [(path, mime, index, password), ...], lang, settings, timeout)
                                                      -> [PageText | OcrError, ...]
    ("page", path, mime, index, password, lang, settings, timeout) -> PageText
    ("image", bytes, lang, settings, timeout)         -> PageText (scanner pages)
Errors come back as the named OcrError they raised; a "pages" task answers for each page,
so one bad page in it does not cost the others.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image

from storage.models import PageText, Word

from . import pagefiles, pdf
from .errors import BadFileError, OcrError
from .preprocess import DEFAULT_SETTINGS, Settings, Transform, deskew, normalise, turn
from .sources import image_frame_count, load_frame, plain_os_error
from .tesseract import detect_orientation, page_from_tsv, tsv_of_files


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


PageSource = Callable[[], tuple[PageText | None, Image.Image | None, float | None]]
PageSpec = tuple[Path, str, int, str | None]  # path, mime, page index, PDF password


def load_page(path: Path, mime: str, index: int, password: str | None):
    """(text-layer page, None, None) for a born-digital PDF page, else (None, image,
    declared dpi)."""
    try:
        if mime == "application/pdf":
            return pdf.read_pdf_page(path, index, password)
        image, declared = load_frame(path, index, grey=True)
    except OSError as e:
        raise BadFileError(plain_os_error(e)) from e
    return None, image, declared


def as_ocr_error(error: BaseException) -> OcrError:
    """Any failure while reading a page, as the named error the user is shown."""
    if isinstance(error, OcrError):
        return error
    if isinstance(error, MemoryError):
        return OcrError("te weinig geheugen om deze pagina te lezen")
    # a decoder bug on a hostile file: reported, and the worker keeps working
    return OcrError(f"bestand is beschadigd of onleesbaar ({type(error).__name__})")


def read_pages(
    specs: Sequence[PageSpec], lang: str, settings: Settings, timeout: float
) -> list[PageText | OcrError]:
    """Several pages read in one Tesseract run; a result or an error for each, in order."""
    sources = [functools.partial(load_page, *spec) for spec in specs]
    return read_sources(sources, lang, settings, timeout)


def read_page(
    path: Path,
    mime: str,
    index: int,
    password: str | None,
    lang: str,
    settings: Settings,
    timeout: float,
) -> PageText:
    return _one(read_pages([(path, mime, index, password)], lang, settings, timeout))


def read_image_bytes(data: bytes, lang: str, settings: Settings, timeout: float) -> PageText:
    image, declared = load_frame(data, 0)
    return ocr_page(image, declared, lang, settings, timeout)


def ocr_page(
    original: Image.Image,
    declared_dpi: float | None,
    lang: str,
    settings: Settings = DEFAULT_SETTINGS,
    timeout: float = 120.0,
) -> PageText:
    """One page read: normalised, straightened, turned upright when needed, read in one
    Tesseract call; words and size are in pixels of the original image."""
    return _one(read_sources([lambda: (None, original, declared_dpi)], lang, settings, timeout))


def _one(results: list[PageText | OcrError]) -> PageText:
    if isinstance(results[0], OcrError):
        raise results[0]
    return results[0]


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A page made ready for Tesseract and written to a file; how, to map boxes back."""

    file: Path
    transform: Transform
    width: int
    height: int


def read_sources(
    sources: Sequence[PageSource], lang: str, settings: Settings, timeout: float
) -> list[PageText | OcrError]:
    """Pages prepared one at a time (only one page image is in memory), then read in one
    Tesseract run. With orientation "auto" the cheap test is the read itself: upright text
    reads with high confidence, and only a poor read pays for Tesseract's orientation
    detection and a second read (the source is loaded again, not kept)."""
    results: list[PageText | OcrError | None] = [None] * len(sources)
    prepared: dict[int, _Prepared] = {}
    for i, source in enumerate(sources):
        try:
            page, image, dpi = source()
            if page is not None:
                results[i] = page
                continue
            assert image is not None
            prepared[i] = _prepare(image, dpi, settings, timeout, settings.orientation)
        except Exception as e:  # one bad page must not stop the others
            results[i] = as_ocr_error(e)
    read = _read_prepared(prepared, lang, timeout)
    if settings.orientation == "auto":
        turned: dict[int, _Prepared] = {}
        for i, page in read.items():
            if isinstance(page, PageText) and not _good_enough(page, settings):
                try:
                    _, image, dpi = sources[i]()
                    assert image is not None
                    again = _prepare(image, dpi, settings, timeout, "upright")
                except Exception:  # the first read stands
                    continue
                if again is not None:
                    turned[i] = again
        for i, page in _read_prepared(turned, lang, timeout).items():
            first = read[i]
            assert isinstance(first, PageText)
            if isinstance(page, PageText) and (page.confidence or 0.0) > (first.confidence or 0.0):
                read[i] = page
    for i, page in read.items():
        results[i] = page
    return [r if r is not None else OcrError("pagina niet gelezen") for r in results]


def _read_prepared(
    prepared: dict[int, _Prepared], lang: str, timeout: float
) -> dict[int, PageText | OcrError]:
    """Every prepared page in one Tesseract run, boxes mapped back to the original. When
    the run fails (Tesseract crashed or hung on one of them), each page is read on its
    own, so only the page that causes it fails. The files are removed afterwards."""
    if not prepared:
        return {}
    items = list(prepared.items())
    try:
        try:
            tables = tsv_of_files([p.file for _, p in items], lang, timeout=timeout)
        except OcrError as e:
            if len(items) == 1:
                return {items[0][0]: e}
            return {i: _read_alone(p, lang, timeout) for i, p in items}
        return {i: _page(table, p) for (i, p), table in zip(items, tables, strict=True)}
    finally:
        for _, p in items:
            p.file.unlink(missing_ok=True)


def _read_alone(prepared: _Prepared, lang: str, timeout: float) -> PageText | OcrError:
    try:
        return _page(tsv_of_files([prepared.file], lang, timeout=timeout)[0], prepared)
    except OcrError as e:
        return e


def _page(table: dict, prepared: _Prepared) -> PageText:
    return to_original(page_from_tsv(table, prepared.width, prepared.height), prepared.transform)


def _orientation(image: Image.Image, dpi: float, timeout: float) -> int:
    """Degrees to turn clockwise, by Tesseract's OSD on a half-size copy: orientation needs
    no fine detail, and OSD on a full 300 dpi page costs about as much as reading it."""
    if dpi >= 250:
        image, dpi = image.reduce(2), dpi / 2
    found = detect_orientation(image, dpi=round(dpi), timeout=timeout)
    return found[0] if found and found[1] >= 1.0 else 0


def _good_enough(page: PageText, settings: Settings) -> bool:
    return len(page.words) >= 3 and (page.confidence or 0.0) >= settings.min_confidence


def _prepare(
    image: Image.Image,
    declared_dpi: float | None,
    settings: Settings,
    timeout: float,
    orientation: str,
) -> _Prepared | None:
    """Grey, rescaled, turned (orientation "osd": by Tesseract's OSD; "upright": only when
    OSD finds a turn, else None) and straightened; written to a page file."""
    scaled, base, dpi = normalise(image, declared_dpi, settings)
    del image  # only the working copy is kept from here
    quarter = _orientation(scaled, dpi, timeout) if orientation in ("osd", "upright") else 0
    if orientation == "upright" and not quarter:
        return None
    turned, transform = turn(scaled, quarter, base)
    del scaled
    straight, transform = deskew(turned, transform, settings.deskew)
    file = pagefiles.write_page(straight, dpi)
    return _Prepared(file, transform, straight.width, straight.height)


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
    if kind == "pages":
        return read_pages(*args)
    if kind == "page":
        return read_page(*args)
    if kind == "image":
        return read_image_bytes(*args)
    raise OcrError(f"onbekende taak {kind!r}")
