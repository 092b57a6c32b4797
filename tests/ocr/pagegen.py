"""Small page images for the pipeline tests: short cards at 200 dpi, fast to OCR."""

from __future__ import annotations

import os
import stat
import sys
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


FAKE_TESSERACT = """\
import os, signal, subprocess, sys, time
from PIL import Image
args = sys.argv[1:]
if "--list-langs" in args or "--version" in args:
    sys.exit(subprocess.run([REAL, *args]).returncode)
if "0" in args and args[args.index("0") - 1] == "--psm":  # orientation: never turned
    sys.stdin.buffer.read()
    print("Rotate: 0")
    print("Orientation confidence: 0.5")
    sys.exit(0)
source = args[0]
if source.endswith(".list"):
    with open(source, encoding="utf-8") as listing:
        files = listing.read().split()
else:
    files = [source]
for name in files:
    with Image.open(name) as page:
        dpi = round(page.info.get("dpi", (0, 0))[0])
    if dpi == 201:
        time.sleep(600)
    if dpi == 202:
        os.kill(os.getpid(), signal.SIGSEGV)
print(HEADER)
for number in range(1, len(files) + 1):
    print(f"5\\t{number}\\t1\\t1\\t1\\t1\\t10\\t10\\t50\\t20\\t96\\tnep")
"""


def fake_tesseract(folder: Path, real: str = "/usr/bin/tesseract") -> Path:
    """A stand-in tesseract: real for --list-langs/--version; for pages it answers at once
    with one word per page, hangs on a page file of 201 dpi and crashes (SIGSEGV) on one of
    202 dpi, also when the page is one of a list read in one run."""
    script = folder / "tesseract"
    script.write_text(
        f"#!{sys.executable}\nREAL = {real!r}\nHEADER = {FAKE_TSV_HEADER!r}\n" + FAKE_TESSERACT
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


BOLD_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SIDE_COLUMN = [
    ("Mob.", "+31 (0)6 22357116"),
    ("Tel.", "053-7310652"),
    ("KvK", "94885833"),
    ("VAT", "NL989897424B01"),
    ("IBAN", "NL75TRIO0412861437"),
]


def letter_with_side_column(seed: int, small_px: int = 18) -> Image.Image:
    """A client's A4 letter at 200 dpi with their details in a column of small print
    beside the body (small_px 18: 6.5 pt), scanned: dust, blur, up to 1.2 degrees askew."""
    import random

    from tests.datagen.render import degrade

    image = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(image)
    body = ImageFont.truetype(FONT, 30)
    lines = [
        "Bakkerij Smit", "T.a.v. de administratie", "Dorpsstraat 12", "3811 AB Amersfoort", "",
        "Amersfoort, 12 maart 2024", "", "Betreft: wijziging gegevens", "",
        "Geachte heer, mevrouw,", "",
        "Ons rekeningnummer is gewijzigd; wilt u dit aanpassen in uw",
        "administratie? Wij zijn in de zomer drie weken op vakantie,",
        "houdt u daar rekening mee? U kunt mij het beste bereiken",
        "na 17.00 uur. De factuur van oktober heb ik voldaan.", "",
        "Met vriendelijke groet,", "", "", "Anna de Vries",
    ]  # fmt: skip
    for i, line in enumerate(lines):
        draw.text((170, 420 + 50 * i), line, font=body, fill=0)
    small = ImageFont.truetype(FONT, small_px)
    bold = ImageFont.truetype(BOLD_FONT, small_px)
    y = 780
    for label, value in SIDE_COLUMN:
        draw.text((1240, y), label, font=bold, fill=0)
        draw.text((1240, y + small_px + 4), value, font=small, fill=0)
        y += 2 * small_px + 18
    scanned, _ = degrade(image, random.Random(seed), rotation_deg_max=1.2)
    return scanned
