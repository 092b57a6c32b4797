"""Files that test the import's limits (issue 18, items 6 and 7): a long multi-frame TIFF
of tiny 1-bit pages, a small PDF with a Flate bomb, and a folder with a file name that
is not UTF-8."""

from __future__ import annotations

import os
import zlib
from collections.abc import Collection
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .badfiles import FONT, build_pdf

TTF = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def long_tiff(path: Path, frames: int, *, text: bool = True, blank: Collection[int] = ()) -> Path:
    """A TIFF of `frames` small 1-bit pages, each saying its number (G4: a few hundred
    bytes a page, so 1,000 frames are one small file); the pages numbered in `blank` are
    blank sheets (separators)."""
    font = ImageFont.truetype(TTF, 28)
    pages = []
    for number in range(1, frames + 1):
        page = Image.new("1", (420, 90) if text else (64, 32), 1)
        if text and number not in blank:
            ImageDraw.Draw(page).text((12, 24), f"Pagina {number} Jansen", fill=0, font=font)
        pages.append(page)
    pages[0].save(
        path, save_all=True, append_images=pages[1:], compression="group4", dpi=(150, 150)
    )
    return path


def flate_bomb_pdf(path: Path, inflated: int = 1024**3) -> Path:
    """A one-page PDF of about inflated/1000 bytes whose content stream inflates to
    `inflated` bytes of spaces."""
    squeeze = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    data = b"".join(squeeze.compress(chunk) for _ in range(inflated // len(chunk)))
    data += squeeze.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data
    path.write_bytes(
        build_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> >> >>",
                stream + b"\nendstream",
                FONT,
            ]
        )
    )
    return path


def letter(path: Path, name: str, phone: str) -> Path:
    page = Image.new("L", (1240, 600), 255)
    font = ImageFont.truetype(TTF, 40)
    ImageDraw.Draw(page).text((80, 80), f"{name}\nTelefoon {phone}", fill=0, font=font)
    page.save(path, format="PNG")
    return path


def folder_with_undecodable_name(where: Path) -> tuple[Path, Path]:
    """A client folder holding a letter whose file name is Latin-1 (not UTF-8), as on a
    USB stick from an old Windows PC, and an ordinary one; (folder, the odd file)."""
    folder = where / "Jansen"
    folder.mkdir(parents=True)
    odd = Path(os.fsdecode(os.fsencode(folder) + b"/brief-\xe9t\xe9.png"))
    letter(odd, "Jan Jansen", "06-12345670")
    letter(folder / "goed.png", "Jan Jansen", "06-12345671")
    return folder, odd
