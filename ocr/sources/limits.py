"""One set of limits for what an import takes in, whatever the entry point (the CLI, the
wizard, drag-and-drop, a watched folder, the scanner): a file, page or image beyond these is
a mistake (or an attack), not a scan, and is refused with a message that says what and how
much, before it can fill the memory or the disk; it is checked before anything is copied.

    size     MAX_FILE_BYTES    the file itself (checked before it is hashed or copied)
    pages    MAX_PAGES         PDF pages and TIFF frames of one file
    pixels   MAX_PIXELS        one page image
    memory   MAX_READ_MEMORY   address space of a reading process: bounds what a page may
                               decompress to (a 1 MB PDF with a 1 GiB Flate stream)
    contacts MAX_CONTACT_BYTES a contact list (CSV, vCard), read whole into memory
    part     PART_PAGES        a longer document is read and stored in parts of this many
                               pages, so a stopped or killed import keeps what it read
    unpacked pdf.MAX_INFLATED_* one PDF stream unpacked (checked in small pieces before
                               pdfium unpacks it whole): keeps a bomb's peak far below
                               the memory cap, which stays as the net for what that
                               check cannot see (an encrypted stream)

KLANTDOSSIER_LIMITS overrides them for tests and benchmarks (worker processes inherit it),
e.g. "file_mb=1,pages=40,pixels=1000000,memory_mb=400,part=5".
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import BadFileError

MB = 1024 * 1024
MAX_FILE_BYTES = 300 * MB  # a scanned binder of 500 pages at 300 dpi is ~250 MB
MAX_PAGES = 2000  # pages (PDF pages, TIFF frames) of one file
MAX_PIXELS = 80_000_000  # one page image: A3 at 600 dpi is 70 million
# A 70-megapixel colour page takes ~390 MB of address space to read, a 35000 x 35000 pt
# PDF page (rendered at a capped size) ~570 MB; a reading process that asks for more than
# this is reading a bomb, not a page. 700 MB kept a bomb's resident peak under 600 MB,
# but a worker that had read other files first then drew that PDF page blank (pdfium skips
# an image it cannot allocate, silently): 1 GiB leaves that headroom. A Flate bomb is
# refused before that by pdf.check_inflated_streams (its peak stays under 600 MB).
MAX_READ_MEMORY = 1024 * MB
PART_PAGES = 50
MAX_CONTACT_BYTES = 50 * MB  # some 200,000 contacts: an address book, not an export gone wrong


def _from_env() -> None:
    global MAX_FILE_BYTES, MAX_PAGES, MAX_PIXELS, MAX_READ_MEMORY, PART_PAGES, MAX_CONTACT_BYTES
    for item in os.environ.get("KLANTDOSSIER_LIMITS", "").split(","):
        key, _, value = item.partition("=")
        if not value.strip().isdigit():
            continue
        number = int(value)
        match key.strip():
            case "file_mb":
                MAX_FILE_BYTES = number * MB
            case "file_bytes":
                MAX_FILE_BYTES = number
            case "pages":
                MAX_PAGES = number
            case "pixels":
                MAX_PIXELS = number
            case "memory_mb":
                MAX_READ_MEMORY = number * MB
            case "part":
                PART_PAGES = max(1, number)
            case "contacts_mb":
                MAX_CONTACT_BYTES = number * MB


_from_env()


def check_file_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise BadFileError(
            f"bestand is te groot om als scan te lezen ({megabytes(size)}; "
            f"hoogstens {megabytes(MAX_FILE_BYTES)})"
        )


def check_page_count(pages: int) -> None:
    if pages > MAX_PAGES:
        raise BadFileError(
            f"te veel pagina's in één bestand ({pages}; hoogstens {MAX_PAGES}): splits het bestand"
        )


def too_big_to_read() -> BadFileError:
    """A page that needs more memory than a reading process may have (a decompression bomb)."""
    return BadFileError(
        f"te groot om te lezen: deze pagina vraagt meer dan {megabytes(MAX_READ_MEMORY)} geheugen"
    )


def limit_reading_memory() -> None:
    """In a reading process (Linux): its address space capped at MAX_READ_MEMORY, soft,
    so the Tesseract it starts can lift the cap again (undo_reading_limit)."""
    try:
        import resource
    except ImportError:  # not on a Unix
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = MAX_READ_MEMORY if hard == resource.RLIM_INFINITY else min(MAX_READ_MEMORY, hard)
    if soft == resource.RLIM_INFINITY or cap < soft:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def undo_reading_limit() -> None:
    """In a child of a reading process before exec (Tesseract): its own memory, bounded by
    the page files it is given, not by the reading cap."""
    try:
        import resource
    except ImportError:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def megabytes(size: int) -> str:
    """A size in the words of a message: "2,6 MB", "300 MB", "512 bytes"."""
    if size < MB:
        return f"{size} bytes"
    return f"{size // MB} MB" if size >= 10 * MB else f"{size / MB:.1f} MB".replace(".", ",")
