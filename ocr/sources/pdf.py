"""PDF pages with pypdfium2: the text layer of born-digital pages (no OCR needed), or the
page rendered as an image for Tesseract. Runs inside worker processes (pdfium is not
thread-safe, and a damaged PDF may take its process down).

Pixel coordinates of a PDF page are those of the page rendered at RENDER_DPI (capped for
huge pages); PageText.width/height say which size that was.
"""

from __future__ import annotations

import math
import mmap
import re
import zlib
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from storage.models import PageText, Word

from ..errors import BadFileError, PasswordProtectedError
from . import limits
from .files import plain_os_error

RENDER_DPI = 300
MAX_RENDER_PIXELS = 25_000_000  # A3 at 300 dpi fits; a 35000 x 35000 page is rendered smaller
MAX_RENDER_SIDE = 7000
MIN_TEXT_CHARS = 20  # fewer characters than this: a scan (maybe with a stray stamp) to OCR
# A page with a text layer is read by OCR as well when it holds an image this big (share of
# the page) with hardly any of that text on it: a company block or a scanned slip pasted
# in as a picture. A scanned page with its own OCR layer has its text on its image.
MIXED_IMAGE_SHARE = 0.03
MIXED_WORDS_ON_IMAGE = 3
FPDF_ERR_PASSWORD = 4


def open_pdf(path: Path, passwords: Sequence[str] = ()) -> tuple[pdfium.PdfDocument, str | None]:
    """Open a PDF, trying no password and then each given one; named errors otherwise."""
    tried_password = False
    for password in (None, *passwords):
        try:
            return pdfium.PdfDocument(str(path), password=password), password
        except pdfium.PdfiumError as e:
            if getattr(e, "err_code", None) == FPDF_ERR_PASSWORD:
                tried_password = password is not None or tried_password
                continue
            raise BadFileError(_plain_pdf_error(e)) from e
        except OSError as e:
            raise BadFileError(plain_os_error(e)) from e
    if tried_password:
        raise PasswordProtectedError(
            "PDF is met een wachtwoord beveiligd en geen van de opgegeven wachtwoorden past"
        )
    raise PasswordProtectedError(
        "PDF is met een wachtwoord beveiligd; geef het wachtwoord op (--password)"
    )


def _plain_pdf_error(e: Exception) -> str:
    del e  # pdfium's words are technical English; the user needs to know it is damaged
    return "beschadigde of onvolledige PDF (kan niet geopend worden)"


def page_count(path: Path, passwords: Sequence[str] = ()) -> tuple[int, str | None]:
    """(number of pages, the password that opened it)."""
    pdf, password = open_pdf(path, passwords)
    try:
        count = len(pdf)
    finally:
        pdf.close()
    if count <= 0:
        raise BadFileError("PDF zonder pagina's")
    check_inflated_streams(path)
    return count, password


# A stream that unpacks to more than this is a decompression bomb, not a page: an image
# within the pixel limit in CMYK, or a page's drawing instructions (a real one is a few MB).
MAX_INFLATED_IMAGE = 4 * limits.MAX_PIXELS
MAX_INFLATED_OTHER = 64 * limits.MB
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_DICT_BEFORE = 4096  # how far before `stream` its dictionary may start


def check_inflated_streams(path: Path) -> None:
    """Refuse a PDF with a Flate stream that unpacks beyond the limits, before pdfium unpacks
    it whole into memory (a 1 MB file can hold a 1 GiB stream). Unpacked here in small
    pieces and thrown away; an encrypted stream does not unpack and is left to the reading
    process's memory cap."""
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        for found in _STREAM.finditer(data):
            head = data[max(0, found.start() - _DICT_BEFORE) : found.start()]
            head = head[head.rfind(b"obj") + 1 :]
            if b"FlateDecode" not in head:
                continue
            limit = MAX_INFLATED_IMAGE if b"/Image" in head else MAX_INFLATED_OTHER
            if _inflated_size(data, found.end(), limit) > limit:
                raise BadFileError(
                    "te groot om te lezen: een onderdeel van deze PDF pakt uit tot meer dan "
                    f"{limit // limits.MB} MB"
                )


def _inflated_size(data: mmap.mmap, start: int, limit: int) -> int:
    """Bytes the zlib stream at start unpacks to, counted up to just past limit."""
    unpack = zlib.decompressobj()
    size, at, piece = 0, start, 1 << 16
    try:
        while not unpack.eof and size <= limit and at < len(data):
            pending = data[at : at + piece]
            at += len(pending)
            while pending and size <= limit and not unpack.eof:
                size += len(unpack.decompress(pending, 1 << 20))
                pending = unpack.unconsumed_tail
    except zlib.error:
        pass  # not (or no longer) zlib: encrypted, or damaged; pdfium says what it can
    return size


def render_scale(width_pt: float, height_pt: float) -> float:
    """Pixels per point for RENDER_DPI, smaller for pages too big to hold in memory."""
    scale = RENDER_DPI / 72
    if width_pt <= 0 or height_pt <= 0:
        raise BadFileError("PDF-pagina zonder afmetingen")
    area = width_pt * height_pt * scale * scale
    if area > MAX_RENDER_PIXELS:
        scale *= math.sqrt(MAX_RENDER_PIXELS / area)
    longest = max(width_pt, height_pt) * scale
    if longest > MAX_RENDER_SIDE:
        scale *= MAX_RENDER_SIDE / longest
    return scale


def text_layer(page: pdfium.PdfPage, scale: float) -> PageText | None:
    """Words with boxes from the page's own text, or None when it has (almost) none."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return None
        text = textpage.get_text_range(0, count)
        if sum(not c.isspace() for c in text) < MIN_TEXT_CHARS:
            return None
        width_pt, height_pt = page.get_size()
        words: list[Word] = []
        current: list[str] = []
        box: list[float] | None = None

        def close_word() -> None:
            nonlocal box
            if current and box is not None:
                left, bottom, right, top = box
                words.append(
                    Word(
                        "".join(current),
                        round(left * scale),
                        round((height_pt - top) * scale),
                        max(1, round((right - left) * scale)),
                        max(1, round((top - bottom) * scale)),
                        100.0,
                    )
                )
            current.clear()
            box = None

        # Characters one by one with their own boxes (the raw call is 4x faster than
        # get_text_range per character, which matters at 20+ pages a second).
        for index in range(count):
            code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
            char = chr(code) if 0 < code < 0x110000 else ""
            if not char or char.isspace():
                close_word()
                continue
            try:
                left, bottom, right, top = textpage.get_charbox(index)
            except pdfium.PdfiumError:
                continue
            current.append(char)
            if box is None:
                box = [left, bottom, right, top]
            else:
                box = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
        close_word()
        lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
        return PageText(
            "\n".join(lines).strip(),
            words,
            100.0,
            0,
            round(width_pt * scale),
            round(height_pt * scale),
            "text-layer",
        )
    finally:
        textpage.close()


def _pictures_without_text(page: pdfium.PdfPage, text: PageText, scale: float) -> bool:
    """Whether the page holds a sizeable image that the text layer says nothing about."""
    width_pt, height_pt = page.get_size()
    area = width_pt * height_pt
    centres = [
        ((w.left + w.width / 2) / scale, height_pt - (w.top + w.height / 2) / scale)
        for w in text.words
    ]
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) < MIXED_IMAGE_SHARE * area:
            continue
        inside = sum(left <= x <= right and bottom <= y <= top for x, y in centres)
        if inside < MIXED_WORDS_ON_IMAGE:
            return True
    return False


# Pages of one PDF usually reach a worker one after another: keep the last document open
# instead of parsing it again for every page (born-digital pages: 3x faster).
_open: tuple[tuple, pdfium.PdfDocument] | None = None


def _cached_pdf(path: Path, password: str | None) -> pdfium.PdfDocument:
    global _open
    try:
        info = path.stat()
    except OSError as e:
        raise BadFileError(plain_os_error(e)) from e
    key = (str(path), password, info.st_mtime_ns, info.st_size)
    if _open is not None and _open[0] == key:
        return _open[1]
    _forget_pdf()
    pdf, _ = open_pdf(path, (password,) if password else ())
    _open = (key, pdf)
    return pdf


def _forget_pdf() -> None:
    global _open
    if _open is not None:
        _open[1].close()
        _open = None


def read_pdf_page(
    path: Path, index: int, password: str | None
) -> tuple[PageText | None, Image.Image | None, float]:
    """(text-layer page, None, dpi) for born-digital pages, (None, rendered page, dpi) for
    scans, and (text-layer page, rendered page, dpi) for a page with both: text, and a
    picture holding more text (to be read by OCR too and combined)."""
    pdf = _cached_pdf(path, password)
    try:
        try:
            page = pdf[index]
        except (pdfium.PdfiumError, IndexError) as e:
            raise BadFileError(f"pagina {index + 1} van de PDF is beschadigd") from e
        try:
            width_pt, height_pt = page.get_size()
            scale = render_scale(width_pt, height_pt)
            dpi = scale * 72
            page_text = text_layer(page, scale)
            if page_text is not None and not _pictures_without_text(page, page_text, scale):
                return page_text, None, dpi
            bitmap = page.render(scale=scale, grayscale=True)
            image = bitmap.to_pil().convert("L")
            bitmap.close()
            return page_text, image, dpi
        except pdfium.PdfiumError as e:
            raise BadFileError(f"pagina {index + 1} van de PDF is beschadigd") from e
        finally:
            page.close()
    except BadFileError:
        _forget_pdf()
        raise


def render_page(path: Path, index: int, passwords: Sequence[str] = ()) -> Image.Image:
    """Page index of a PDF as a grey image, at the scale its stored word boxes use (the
    scale the import read it at), for showing the page."""
    pdf, _password = open_pdf(path, passwords)
    try:
        if not 0 <= index < len(pdf):
            raise BadFileError(f"pagina {index + 1} ontbreekt (de PDF heeft {len(pdf)} pagina's)")
        page = pdf[index]
        try:
            width_pt, height_pt = page.get_size()
            bitmap = page.render(scale=render_scale(width_pt, height_pt), grayscale=True)
            try:
                return bitmap.to_pil().convert("L")
            finally:
                bitmap.close()
        finally:
            page.close()
    except pdfium.PdfiumError as e:
        raise BadFileError(f"pagina {index + 1} van de PDF is beschadigd") from e
    finally:
        pdf.close()
