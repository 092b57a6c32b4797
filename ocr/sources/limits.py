"""One set of limits for what an import takes in, whatever the entry point: a file, page or
image beyond these is a mistake (or an attack), not a scan, and is refused with a message
that says what and how much, before it can fill the memory or the disk."""

from __future__ import annotations

from pathlib import Path

from ..errors import BadFileError

MAX_FILE_BYTES = 300 * 1024 * 1024  # a scanned binder of 500 pages at 300 dpi is ~250 MB
MAX_PAGES = 2000  # pages (PDF pages, TIFF frames) of one file
MAX_PIXELS = 80_000_000  # one page image: A3 at 600 dpi is 70 million


def check_file_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise BadFileError(
            f"bestand is te groot om als scan te lezen ({size // (1024 * 1024)} MB; "
            f"hoogstens {MAX_FILE_BYTES // (1024 * 1024)} MB)"
        )


def check_page_count(pages: int) -> None:
    if pages > MAX_PAGES:
        raise BadFileError(
            f"te veel pagina's in één bestand ({pages}; hoogstens {MAX_PAGES}): splits het bestand"
        )
