"""Small page images for the pipeline tests: short cards at 200 dpi, fast to OCR."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINE_PX = 60


def card(lines: list[str], size: tuple[int, int] = (1100, 420), font_px: int = 36) -> Image.Image:
    """A short card with lines of text, black on white, grey mode."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, font_px)
    for i, line in enumerate(lines):
        draw.text((60, 50 + i * LINE_PX), line, font=font, fill=0)
    return image


def word_box(lines: list[str], line_no: int, word: str, font_px: int = 36) -> tuple[int, ...]:
    """Where card() drew word (left, top, width, height) on the upright card."""
    font = ImageFont.truetype(FONT, font_px)
    line = lines[line_no]
    start = line.index(word)
    x0 = 60 + font.getlength(line[:start])
    left, top, right, bottom = font.getbbox(word)
    return (round(x0 + left), 50 + line_no * LINE_PX + top, right - left, bottom - top)


def save(image: Image.Image, path: Path, **kw) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, dpi=(200, 200), **kw)
    return path


FAKE_TSV_HEADER = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
)


def fake_tesseract(folder: Path, real: str = "/usr/bin/tesseract") -> Path:
    """A stand-in tesseract: real for --list-langs/--version; for pages it answers at once
    with one word, hangs on --dpi 201 and crashes (SIGSEGV) on --dpi 202."""
    script = folder / "tesseract"
    script.write_text(
        "#!/bin/sh\n"
        'case "$*" in *--list-langs*|*--version*) exec ' + real + ' "$@";; esac\n'
        'case "$*" in *"--dpi 201"*) exec sleep 600;; *"--dpi 202"*) kill -SEGV $$;; esac\n'
        'case "$*" in *"--psm 0"*) cat >/dev/null; echo "Rotate: 0";'
        ' echo "Orientation confidence: 0.5"; exit 0;; esac\n'
        "cat > /dev/null\n"
        f"printf '{FAKE_TSV_HEADER}\\n'\n"
        "printf '5\\t1\\t1\\t1\\t1\\t1\\t10\\t10\\t50\\t20\\t96\\tnep\\n'\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
