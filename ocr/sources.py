"""What a path holds: detect the kind of file by content and yield its pages as images."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from .errors import BadFileError

# Pillow refuses larger images as decompression bombs; 35000x35000 scans are not pages.
MAX_PIXELS = 120_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

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
    if b"%PDF" in head:  # PDFs may have junk before the header
        return "application/pdf"
    return None


def natural_key(path: Path) -> list:
    """pagina2 before pagina10."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", str(path))]


def files_in_folder(folder: Path) -> list[Path]:
    """Every regular file under folder, recursively, in natural order; hidden files skipped."""
    found = [
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(found, key=lambda p: natural_key(p.relative_to(folder)))


def image_pages(path: Path) -> Iterator[Image.Image]:
    """Each frame of an image file, EXIF-upright; one at a time to keep memory bounded."""
    try:
        with Image.open(path) as img:
            frames = getattr(img, "n_frames", 1)
            for index in range(frames):
                img.seek(index)
                frame = ImageOps.exif_transpose(img)
                frame.load()
                yield frame
    except Image.DecompressionBombError as e:
        raise BadFileError("afbeelding is te groot om als pagina te lezen") from e
    except UnidentifiedImageError as e:
        raise BadFileError("geen leesbare afbeelding") from e
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        raise BadFileError(f"afbeelding is beschadigd ({e})") from e
