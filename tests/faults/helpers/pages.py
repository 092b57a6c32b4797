"""Small scanned-looking client folders that Tesseract reads in a fraction of a second.

The people come from tests.datagen (names, phones, e-mails with their truth); the pages
are drawn small on purpose: fault tests need many imports, not accurate OCR.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from tests.datagen import ClientTruth, make_client

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PAGE_SIZE = (1000, 420)


@dataclass
class SmallFolder:
    folder: Path
    client: ClientTruth
    files: list[Path]
    pages: int

    def personal_strings(self) -> list[str]:
        """What must never appear in a log: names, phone numbers (as written and E.164),
        e-mail address."""
        c = self.client
        values = [c.first_name, c.last_name, c.email, c.street]
        for phone in c.phones:
            values += [phone.written, phone.e164, phone.e164.lstrip("+")]
        return [v for v in values if v and len(v) >= 4]


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT, size)


def render_small_page(lines: list[str], size: tuple[int, int] = PAGE_SIZE) -> Image.Image:
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = _font(30)
    for i, line in enumerate(lines):
        draw.text((40, 30 + i * 48), line, font=font, fill=0)
    return image


def card_lines(c: ClientTruth) -> list[str]:
    lines = ["Klantkaart", f"Naam: {c.display_name}"]
    if c.company:
        lines.append(f"Bedrijf: {c.company}")
    lines += [f"Adres: {c.address_line}, {c.postcode_city}", f"E-mail: {c.email}"]
    lines += [f"Telefoon: {p.written}" for p in c.phones[:1]]
    return lines


def letter_lines(c: ClientTruth, number: int, rng: random.Random) -> list[str]:
    subject = rng.choice(["offerte dakgoot", "factuur onderhoud", "afspraak keuken", "garantie"])
    # the client number makes every page unique: equal pages would be one stored document
    return [
        f"Betreft: {subject} {number}",
        f"Klantnummer {c.client_number}",
        f"Geachte {c.salutation_name},",
        "Met vriendelijke groet",
    ]


def write_small_folder(
    out: Path, client: ClientTruth, pages: int, rng: random.Random
) -> SmallFolder:
    """A client folder with `pages` pages: a card plus letters as PNG, JPEG and a
    two-page TIFF (so a document with several pages can be half-stored, or not)."""
    folder = out / client.folder_name
    folder.mkdir(parents=True, exist_ok=True)
    images = [render_small_page(card_lines(client))]
    images += [render_small_page(letter_lines(client, i, rng)) for i in range(1, pages)]
    files: list[Path] = []
    index = 0
    kinds = ["png", "jpg", "tif"]
    while index < len(images):
        kind = kinds[len(files) % len(kinds)]
        name = f"scan{len(files) + 1:02d}.{kind}"
        path = folder / name
        if kind == "tif" and index + 1 < len(images):
            images[index].save(
                path,
                "TIFF",
                save_all=True,
                append_images=[images[index + 1]],
                compression="tiff_lzw",
            )
            index += 2
        else:
            if kind == "tif":
                images[index].save(path, "TIFF", compression="tiff_lzw")
            elif kind == "jpg":
                images[index].save(path, "JPEG", quality=85)
            else:
                images[index].save(path, "PNG")
            index += 1
        files.append(path)
    return SmallFolder(folder, client, files, pages)


def write_small_dataset(out: Path, clients: int, pages: int, seed: int | str) -> list[SmallFolder]:
    """`clients` folders of `pages` pages each, deterministic for a seed."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    folders: list[SmallFolder] = []
    used: set[str] = set()
    while len(folders) < clients:
        client = make_client(rng)
        if client.folder_name.casefold() in used:
            continue
        used.add(client.folder_name.casefold())
        folders.append(write_small_folder(out, client, pages, rng))
    return folders
