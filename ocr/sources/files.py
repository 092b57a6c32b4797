"""What a path holds: the kind of file by content, the files of a folder, and its pages.

Opening and decoding run inside worker processes (ocr/worker.py): a file that crashes or
hangs the image decoder takes a worker down, never the import.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import BadFileError
from .limits import MAX_PIXELS

# A 600 dpi A3 scan is 70 megapixels; what is bigger is no page (35000x35000 "pages",
# decompression bombs). Checked before decoding, so memory stays bounded.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

# What Pillow raises on damaged files besides OSError: truncated TIFFs give TypeError
# ("Missing dimensions"), bad EXIF ZeroDivisionError; all mean "this file is damaged".
BROKEN_IMAGE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, ZeroDivisionError, TypeError)

_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"II+\x00", "image/tiff"),
    (b"MM\x00+", "image/tiff"),
    (b"BM", "image/bmp"),
    (b"GIF8", "image/gif"),
]
DAMAGED = "afbeelding is beschadigd of onvolledig en kan niet gelezen worden"
PNM = "image/x-portable-anymap"  # what scanimage writes
IMAGE_MIMES = frozenset(m for _, m in _MAGIC if m.startswith("image/")) | {"image/webp", PNM}


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    mime: str


def detect_mime(path: Path) -> str | None:
    """The file's kind from its first bytes, never from its name."""
    with open(path, "rb") as handle:
        head = handle.read(1024)
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:2] in (b"P4", b"P5", b"P6") and head[2:3].isspace():
        return PNM
    if b"%PDF" in head:  # PDFs may have junk before the header
        return "application/pdf"
    return None


def natural_key(path: Path) -> list:
    """pagina2 before pagina10."""
    return [
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", str(path))
        if part
    ]


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name in ("Thumbs.db", "desktop.ini")


def folder_entries(
    directory: Path, problems: list[tuple[Path, str]]
) -> tuple[list[Path], list[Path]]:
    """(files, folders) directly in directory, in natural order, hidden ones left out;
    links are followed. What cannot be looked at goes to problems (path, reason in
    Dutch); sockets, fifos and devices are no scans: skipped without a word."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: natural_key(Path(e.name)))
    except OSError as e:
        problems.append((directory, plain_os_error(e)))
        return [], []
    files: list[Path] = []
    folders: list[Path] = []
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        path = Path(entry.path)
        try:
            mode = os.stat(path).st_mode  # follows links
        except OSError as e:
            problems.append((path, plain_os_error(e)))
            continue
        if stat.S_ISDIR(mode):
            folders.append(path)
        elif stat.S_ISREG(mode):
            files.append(path)
    return files, folders


def files_in_folder(folder: Path, problems: list[tuple[Path, str]] | None = None) -> list[Path]:
    """Every regular file under folder, recursively, in natural order; hidden files skipped.

    Unreadable folders, symbolic links that loop or point nowhere are added to problems
    (path, reason in Dutch) instead of stopping the walk. Links to folders are followed
    once: a folder already visited is not walked again.
    """
    problems = problems if problems is not None else []
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def walk(directory: Path) -> None:
        try:
            info = directory.stat()
        except OSError as e:
            problems.append((directory, plain_os_error(e)))
            return
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return  # a link back to a folder we are already in
        seen.add(key)
        files, folders = folder_entries(directory, problems)
        subfolders = set(folders)
        # files and folders in one natural order, as a person sees the folder
        for path in sorted([*files, *folders], key=natural_key):
            if path in subfolders:
                walk(path)
            else:
                found.append(path)

    walk(folder)
    return found


def printable(path: Path | str) -> str:
    """A path as text that can be stored, shown and written as JSON: bytes of a file name
    that are not UTF-8 (a USB stick from an old Windows PC) become "\ufffd"."""
    return os.fsencode(path).decode("utf-8", "replace")


def plain_os_error(e: OSError) -> str:
    """An OSError in words an office worker understands (Dutch)."""
    reasons = {
        errno.ENOENT: "bestaat niet (meer): verplaatst of verwijderd tijdens het inlezen?",
        errno.EACCES: "geen toegang (leesrechten ontbreken)",
        errno.EPERM: "geen toegang (leesrechten ontbreken)",
        errno.ELOOP: "snelkoppeling (symbolische link) die naar zichzelf verwijst",
        errno.EISDIR: "is een map, geen bestand",
        errno.EIO: "leesfout van de schijf",
        errno.ENAMETOOLONG: "de naam is te lang",
    }
    return reasons.get(e.errno or 0, f"kan niet gelezen worden ({e.strerror or e})")


def open_image(path: Path | bytes) -> Image.Image:
    """Open an image without decoding it yet; refuses what is too big to be a page."""
    import io

    try:
        img = Image.open(io.BytesIO(path) if isinstance(path, bytes) else path)
    except Image.DecompressionBombError as e:
        raise BadFileError("afbeelding is te groot om een pagina te zijn") from e
    except UnidentifiedImageError as e:
        raise BadFileError("geen leesbare afbeelding (beschadigd of onbekend formaat)") from e
    except FileNotFoundError as e:
        raise BadFileError(plain_os_error(e)) from e
    except BROKEN_IMAGE_ERRORS as e:
        raise BadFileError(DAMAGED) from e
    _check_size(img)
    return img


def _check_size(img: Image.Image) -> None:
    width, height = img.size
    if width <= 0 or height <= 0:
        raise BadFileError("afbeelding zonder pixels")
    if width * height > MAX_PIXELS:
        raise BadFileError(
            f"afbeelding is te groot om een pagina te zijn ({width} × {height} pixels)"
        )


def image_frame_count(path: Path) -> int:
    with open_image(path) as img:
        try:
            return max(1, int(getattr(img, "n_frames", 1)))
        except BROKEN_IMAGE_ERRORS as e:
            raise BadFileError(DAMAGED) from e


def load_frame(
    source: Path | bytes, index: int = 0, *, grey: bool = False
) -> tuple[Image.Image, float | None]:
    """Frame index of an image, decoded and EXIF-upright, with its declared dpi. grey: a
    colour JPEG may be decoded straight to grey (for reading: a third of the memory, and
    no colour conversion)."""
    from ..engine.preprocess import declared_dpi

    img = open_image(source)
    try:
        if index:
            img.seek(index)
            _check_size(img)
        dpi = declared_dpi(img)
        if grey and img.format == "JPEG":
            img.draft("L", img.size)
        frame = ImageOps.exif_transpose(img)
        frame.load()
        return frame, dpi
    except Image.DecompressionBombError as e:
        raise BadFileError("afbeelding is te groot om een pagina te zijn") from e
    except FileNotFoundError as e:
        raise BadFileError(plain_os_error(e)) from e
    except BROKEN_IMAGE_ERRORS as e:
        # the decoder's own words (English, technical) help nobody at the desk
        raise BadFileError(DAMAGED) from e
    finally:
        img.close()


def page_image(path: Path, index: int) -> Image.Image:
    """Page index (0-based) of an original, PDF or image, as it was read: for showing."""
    if detect_mime(path) == "application/pdf":
        from .pdf import render_page  # pypdfium2 only when a PDF is shown

        return render_page(path, index)
    if index >= image_frame_count(path):
        raise BadFileError(f"pagina {index + 1} ontbreekt in {path.name}")
    return load_frame(path, index)[0]
