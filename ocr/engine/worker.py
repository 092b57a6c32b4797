"""What one worker process does with one task: open files, prepare pages, run Tesseract.

Tasks are plain tuples so they cross the process boundary cheaply:
    ("probe", path, mime, passwords)                  -> Probe
    ("pages", [(path, mime, index, password), ...], lang, settings, timeout)
                                                      -> [PageText | OcrError, ...]
    ("image", bytes, lang, settings, timeout)         -> PageText (scanner bytes)
Errors come back as the named OcrError they raised; a "pages" task answers for each page,
so one bad page in it does not cost the others. When the Tesseract run of several pages
fails as a whole, the task answers RunFailedError and the pool (ocr.engine.pool) reads
those pages again one by one: that is the one place a failed run is split.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image

from storage.models import PageText, Word

from ..errors import BadFileError, OcrError, RunFailedError
from ..sources import limits, pdf
from ..sources.files import image_frame_count, load_frame, plain_os_error
from ..sources.separators import PageKind, classify_page
from . import iban_lines, number_lines, pagefiles, picture_blocks, ruled, small_print
from .preprocess import DEFAULT_SETTINGS, Settings, Transform, deskew, normalise, turn
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
PageSpec = tuple  # (path, mime, page index, PDF password[, is a sheet of a stack])


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
    if isinstance(error, MemoryError):  # past the reading cap (limits.MAX_READ_MEMORY)
        return limits.too_big_to_read()
    # a decoder bug on a hostile file: reported, and the worker keeps working
    return OcrError(f"bestand is beschadigd of onleesbaar ({type(error).__name__})")


def read_pages(
    specs: Sequence[PageSpec], lang: str, settings: Settings, timeout: float
) -> list[PageText | PageKind | OcrError]:
    """Several pages read in one Tesseract run; a result or an error for each, in order.
    A spec may end in True: that page is a sheet of a stack, and when it is a separator
    (blank, or a cover sheet) its PageKind is the answer instead of a reading."""
    sources = [functools.partial(load_page, *spec[:4]) for spec in specs]
    sheets = {i for i, spec in enumerate(specs) if len(spec) > 4 and spec[4]}
    return read_sources(sources, lang, settings, timeout, sheets)


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
    sources: Sequence[PageSource],
    lang: str,
    settings: Settings,
    timeout: float,
    sheets: frozenset[int] | set[int] = frozenset(),
) -> list[PageText | PageKind | OcrError]:
    """Pages prepared one at a time (only one page image is in memory), then read in one
    Tesseract run. With orientation "auto" the cheap test is the read itself: upright text
    reads with high confidence, and only a poor read pays for Tesseract's orientation
    detection and a second read (the source is loaded again, not kept)."""
    results: list[PageText | PageKind | OcrError | None] = [None] * len(sources)
    prepared: dict[int, _Prepared] = {}
    layers: dict[int, PageText] = {}
    for i, source in enumerate(sources):
        try:
            page, image, dpi = source()
            if page is not None and image is None:
                results[i] = page
                continue
            if page is not None:
                layers[i] = page  # text, and a picture with more text: read both
            assert image is not None
            if i in sheets:
                kind = classify_page(image)
                if kind.is_separator:
                    results[i] = kind  # nothing to read on a separator sheet
                    continue
            prepared[i] = _prepare(image, dpi, settings, timeout, settings.orientation)
        except Exception as e:  # one bad page must not stop the others
            results[i] = as_ocr_error(e)
    auto = settings.orientation == "auto"
    # a page read poorly may be read again turned: its second looks wait until its
    # reading stands (on a page read upside down they read garbage again, for nothing)
    stands = functools.partial(_good_enough, settings=settings) if auto else None
    read = _read_prepared(prepared, lang, timeout, stands)
    if auto:
        unlooked = {
            i: page
            for i, page in read.items()
            if isinstance(page, PageText) and not _good_enough(page, settings)
        }
        _read_poor_again(read, sources, settings, lang, timeout, lambda page: "upright", _surer)
        # still poor: OSD may have taken the page for the other way up (a letter turned a
        # quarter read as turned three quarters: "uapurg Jop uns pany", all its values
        # lost; 2 pages of 3,850 on the check binders). Only a good reading the other way
        # up counts: a poor scan read upside down finds a few specks, read surely.
        # ... or OSD found no turn on a page turned a quarter, which Tesseract read in
        # lines down the page (a card scanned on its side: 1 page in 6,900)
        for turn in (180, 90, 270):
            _read_poor_again(
                read,
                sources,
                settings,
                lang,
                timeout,
                lambda page, turn=turn: (page.orientation + turn) % 360,
                functools.partial(_good_other_way_up, settings=settings),
            )
        # ... and where the first reading stands after all, it is read again with them
        standing = {i for i, page in unlooked.items() if read[i] is page}
        _read_poor_again(
            read, sources, settings, lang, timeout, lambda page: page.orientation,
            lambda first, page: True, only=standing,
        )  # fmt: skip
    for i, page in read.items():
        results[i] = combine(layers[i], page) if i in layers else page
    for i, layer in layers.items():
        if isinstance(results[i], OcrError):
            results[i] = layer  # the picture could not be read: the text layer stands
    return [r if r is not None else OcrError("pagina niet gelezen") for r in results]


def _read_poor_again(
    read: dict[int, PageText | OcrError],
    sources: Sequence[PageSource],
    settings: Settings,
    lang: str,
    timeout: float,
    turned: Callable[[PageText], str | int],
    better: Callable[[PageText, PageText], bool],
    only: set[int] | None = None,
) -> None:
    """Pages read poorly (or the pages only), read again turned (by OSD: "upright", or
    by a quarter); the second reading replaces the first where it is better. The source
    is loaded again, not kept."""
    again: dict[int, _Prepared] = {}
    for i, page in read.items():
        if not isinstance(page, PageText):
            continue
        wanted = i in only if only is not None else not _good_enough(page, settings)
        if wanted:
            try:
                _, image, dpi = sources[i]()
                assert image is not None
                prepared = _prepare(image, dpi, settings, timeout, turned(page))
            except Exception:  # the first read stands
                continue
            if prepared is not None:
                again[i] = prepared
    try:
        second = _read_prepared(again, lang, timeout)
    except RunFailedError:
        return  # the first reads stand
    for i, page in second.items():
        first = read[i]
        assert isinstance(first, PageText)
        if isinstance(page, PageText) and better(first, page):
            read[i] = page


def _good_other_way_up(first: PageText, page: PageText, settings: Settings) -> bool:
    """Is the reading another way up good, not a few specks read surely (a poor scan of
    40 words read upside down found 6, with more confidence)? Letters are counted, not
    words: a card on its side read as it lies is dozens of two-letter "words"."""
    return _good_enough(page, settings) and _letters(page) >= _letters(first) / 2


def _letters(page: PageText) -> int:
    return sum(c.isalnum() for w in page.words for c in w.text)


def _surer(first: PageText, page: PageText) -> bool:
    """Read with more confidence, or lying where the first reading stood on end."""
    upright = _standing(first) and not _standing(page)
    return upright or (page.confidence or 0.0) > (first.confidence or 0.0)


def combine(layer: PageText, ocr: PageText | OcrError) -> PageText:
    """A text layer and the OCR of the same page, without doubling the text: OCR words
    are added where the text layer has none (in pictures on the page)."""
    if not isinstance(ocr, PageText):
        return layer
    taken = [(w.left, w.top, w.left + w.width, w.top + w.height) for w in layer.words]

    def on_text(w: Word) -> bool:
        x, y = w.left + w.width / 2, w.top + w.height / 2
        return any(left - 2 <= x <= right + 2 and top - 2 <= y <= bottom + 2
                   for left, top, right, bottom in taken)  # fmt: skip

    added = [w for w in ocr.words if w.text.strip() and not on_text(w)]
    if not added:
        return layer
    lines: list[list[Word]] = []
    for word in sorted(added, key=lambda w: (w.top, w.left)):
        if lines and abs(lines[-1][0].top - word.top) <= max(4, word.height // 2):
            lines[-1].append(word)
        else:
            lines.append([word])
    text = "\n".join(" ".join(w.text for w in sorted(line, key=lambda w: w.left)) for line in lines)
    return replace(
        layer,
        text=f"{layer.text}\n{text}".strip(),
        words=[*layer.words, *added],
        source="text-layer+ocr",
    )


def _read_prepared(
    prepared: dict[int, _Prepared],
    lang: str,
    timeout: float,
    look: Callable[[PageText], bool] | None = None,
) -> dict[int, PageText | OcrError]:
    """Every prepared page in one Tesseract run, boxes mapped back to the original; the
    second looks on every page, or on those whose first reading look accepts. When a
    run of several pages fails (Tesseract crashed or hung on one of them) it raises
    RunFailedError: the pool then reads them one by one. The files are removed after."""
    if not prepared:
        return {}
    items = list(prepared.items())
    try:
        try:
            tables = tsv_of_files([p.file for _, p in items], lang, timeout=timeout)
        except OcrError as e:
            if len(items) == 1:
                return {items[0][0]: e}
            raise RunFailedError(str(e)) from e
        # the first readings, where look must see them before the second looks
        pages: list[PageText | None] = [None] * len(items)
        if look is not None:
            pages = [_page(table, p) for table, (_, p) in zip(tables, items, strict=True)]
        chosen = [k for k, page in enumerate(pages) if look is None or look(page)]
        looked = _second_looks(
            [tables[k] for k in chosen], [items[k][1].file for k in chosen], lang, timeout
        )
        for k, table in zip(chosen, looked, strict=True):
            pages[k] = _page(table, items[k][1])
        return {i: page for (i, _), page in zip(items, pages, strict=True)}
    finally:
        for _, p in items:
            p.file.unlink(missing_ok=True)


def _second_looks(tables: list[dict], files: list[Path], lang: str, timeout: float) -> list:
    """What Tesseract's first reading of a page missed, read again (each look says how)."""
    if not tables:
        return tables
    tables = ruled.read_again(tables, files, lang, timeout)
    tables = picture_blocks.read_empty_blocks(tables, files, lang, timeout)
    tables = small_print.read_closer(tables, files, lang, timeout)
    tables = iban_lines.read_again(tables, files, lang, timeout)
    return number_lines.read_again(tables, files, lang, timeout)


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
    return (
        len(page.words) >= 3
        and (page.confidence or 0.0) >= settings.min_confidence
        and not _standing(page)
    )


def _standing(page: PageText) -> bool:
    """Words standing on end: Tesseract reads a page turned a quarter well enough, but in
    lines that run down the page, and fields are read from lines across it."""
    long = [w for w in page.words if len(w.text) >= 3]
    quarter = page.orientation in (90, 270)  # boxes are in the scan's pixels: turn them too
    tall = sum((w.width > w.height) if quarter else (w.height > w.width) for w in long)
    return len(long) >= 3 and tall > len(long) / 2


def _prepare(
    image: Image.Image,
    declared_dpi: float | None,
    settings: Settings,
    timeout: float,
    orientation: str | int,
) -> _Prepared | None:
    """Grey, rescaled, turned (orientation "osd": by Tesseract's OSD; "upright": only when
    OSD finds a turn, else None; a number: by that many degrees) and straightened;
    written to a page file."""
    scaled, base, dpi = normalise(image, declared_dpi, settings)
    del image  # only the working copy is kept from here
    if isinstance(orientation, int):
        quarter = orientation
    else:
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
    if kind == "image":
        return read_image_bytes(*args)
    raise OcrError(f"onbekende taak {kind!r}")
