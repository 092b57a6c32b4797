"""A small, realistic client file for GUI tests and screenshots: clients with phones and
addresses, a scanned client card (rendered with Pillow, word boxes known exactly), OCR
field provenance, notes and calls. Deterministic: no randomness, no Tesseract."""

from __future__ import annotations

import hashlib
import sqlite3
import struct
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from storage import Address, ClientFile, PageText, Phone, Word

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CARD_LINES = [
    ("Klantkaart", None),
    ("Naam: Sjóerd de Boer", "name"),
    ("Bedrijf: De Boer Installatie B.V.", "company"),
    ("Adres: Kerkstraat 7", "street"),
    ("1017 GC Amsterdam", "postcode"),
    ("Telefoon: 020-1234567", "phone"),
    ("IBAN: NL91 ABNA 0417 1643 00", "iban"),
    ("Offerte dakkapel met velux ramen", None),
]


@dataclass
class Demo:
    path: Path
    boer: int
    bakker: int
    document: int
    page_png: Path
    others: list[int] = field(default_factory=list)


def render_page(out: Path, lines: list[tuple[str, str | None]], size=(1240, 1754)):
    """A white A4 page at 150 dpi with the lines typed on it; returns words and line boxes."""
    font = ImageFont.truetype(FONT, 36) if Path(FONT).exists() else ImageFont.load_default()
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    words: list[Word] = []
    boxes: dict[str, tuple[int, int, int, int]] = {}
    y = 140
    for text, key in lines:
        x = 120
        line_left, line_top, line_right, line_bottom = x, y, x, y
        for word in text.split():
            left, top, right, bottom = draw.textbbox((x, y), word, font=font)
            draw.text((x, y), word, font=font, fill=0)
            words.append(Word(word, left, top, right - left, bottom - top, 95.0))
            line_right, line_bottom = right, max(line_bottom, bottom)
            x = right + draw.textlength(" ", font=font)
        if key:
            boxes[key] = (line_left, line_top, line_right - line_left, line_bottom - line_top)
        y += 90
    image.save(out)
    text = "\n".join(t for t, _ in lines)
    return PageText(text, words, 95.0, 0, size[0], size[1]), boxes


def write_repeated_tiff(path: Path, page: Image.Image, count: int) -> None:
    """A TIFF of count pages that all show `page` (mode '1'): every page directory points
    at the same pixels, so 2,000 pages take 0.2 MB and a moment (Pillow's own writer
    needs seconds)."""
    pixels = page.tobytes()
    width, height = page.size
    data_at = 8
    first_ifd = data_at + len(pixels) + (len(pixels) % 2)
    entries = [  # tag, type (3 SHORT, 4 LONG), value
        (256, 4, width),
        (257, 4, height),
        (258, 3, 1),
        (259, 3, 1),
        (262, 3, 1),
        (273, 4, data_at),
        (278, 4, height),
        (279, 4, len(pixels)),
    ]
    ifd_size = 2 + 12 * len(entries) + 4
    out = bytearray(b"II*\x00" + struct.pack("<I", first_ifd))
    out += pixels + b"\x00" * (first_ifd - data_at - len(pixels))
    for index in range(count):
        out += struct.pack("<H", len(entries))
        for tag, kind, value in entries:
            packed = struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
            out += struct.pack("<HHI", tag, kind, 1) + packed
        following = first_ifd + (index + 1) * ifd_size if index + 1 < count else 0
        out += struct.pack("<I", following)
    path.write_bytes(bytes(out))


def make_demo(path: Path, extra_clients: int = 0, pages: int = 1) -> Demo:
    """Build the demo client file at path (its originals beside it)."""
    scans = path.parent / "demo_scans"
    scans.mkdir(parents=True, exist_ok=True)
    png = scans / "klantkaart.png"
    page, boxes = render_page(png, CARD_LINES)
    if pages > 1:  # a multi-page TIFF: the same card, small and 1-bit, page after page
        tiff = scans / "map.tiff"
        write_repeated_tiff(tiff, Image.open(png).resize((310, 438)).convert("1"), pages)
        png = tiff
    sha = hashlib.sha256(png.read_bytes()).hexdigest()
    with ClientFile.open(path) as cf:
        cf.originals.put(png, sha)
        with cf.transaction():
            boer = cf.create_client(
                name="Sjóerd de Boer",
                first_name="Sjóerd",
                tussenvoegsel="de",
                last_name="Boer",
                company="De Boer Installatie B.V.",
                legal_form="B.V.",
                kvk="12345678",
                iban="NL91ABNA0417164300",
                client_since="2019-03-01",
                phones=[
                    Phone("+31201234567", "020-1234567", "landline"),
                    Phone("+31612345678", "06-12345678", "mobile"),
                ],
                emails=["sjoerd@deboer-installatie.nl"],
                addresses=[Address("Kerkstraat", "7", "1017 GC", "Amsterdam")],
            )
            document = cf.add_document(
                client_id=boer,
                name=png.name,
                sha256=sha,
                mime="image/tiff" if pages > 1 else "image/png",
                pages=[page] * pages,
            )
            page_id = cf.pages(document)[0][0]
            for key, value in (
                ("name", "Sjóerd de Boer"),
                ("company", "De Boer Installatie B.V."),
                ("street", "Kerkstraat"),
                ("postcode", "1017 GC"),
                ("phone", "020-1234567"),
                ("iban", "NL91ABNA0417164300"),
            ):
                cf.add_field(
                    boer,
                    field=key,
                    value=value,
                    page_id=page_id,
                    box=boxes[key],
                    confidence=95.0,
                )
            bakker = cf.create_client(
                name="Fleur Bakker",
                phones=[Phone("+31302345678", "030-2345678", "landline")],
                addresses=[Address("Oudegracht", "12", "3511 AB", "Utrecht")],
            )
            others = [
                cf.create_client(
                    name=f"Klant {i:05d} Jansen",
                    company=f"Jansen en Zonen {i}",
                    addresses=[Address("Dorpsstraat", str(i), "1234 AB", "Zwolle")],
                    phones=[Phone(f"+3161{i:07d}", None, "mobile")],
                )
                for i in range(extra_clients)
            ]
        cf.add_note(boer, "Wil een offerte voor een tweede dakkapel; terugbellen na 17:00.")
        cf.add_call(boer, "+31201234567", note="Vraagt naar planning montage")
    return Demo(path, boer, bakker, document, png, others)


def add_turned_card(path: Path, client_id: int, quarter: int = 180) -> tuple[int, int]:
    """The client card scanned turned: the stored scan is the upright card turned
    counter-clockwise by quarter degrees, its word and field boxes in pixels of that scan,
    and orientation = quarter (turn it clockwise so far to read it), as the import stores a
    page fed upside down or sideways. Returns (document id, field id of the IBAN)."""
    from gui.documents.images import upright_box

    scans = path.parent / "demo_scans"
    scans.mkdir(parents=True, exist_ok=True)
    upright_png = scans / f"gedraaid-{quarter}-rechtop.png"
    page, boxes = render_page(upright_png, CARD_LINES)
    width, height = page.width, page.height
    back = (360 - quarter) % 360  # the stored scan is the upright page turned back

    def stored(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        return upright_box(box, back, width, height)

    scan = scans / f"gedraaid-{quarter}.png"
    Image.open(upright_png).rotate(quarter, expand=True).save(scan)
    words = [Word(w.text, *stored((w.left, w.top, w.width, w.height)), w.conf) for w in page.words]
    scan_width, scan_height = Image.open(scan).size
    turned = PageText(page.text, words, 95.0, quarter, scan_width, scan_height)
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    with ClientFile.open(path) as cf:
        cf.originals.put(scan, sha)
        document = cf.add_document(
            client_id=client_id, name=scan.name, sha256=sha, mime="image/png", pages=[turned]
        )
        page_id = cf.pages(document)[0][0]
        field = cf.add_field(
            client_id,
            field="iban",
            value="NL91ABNA0417164300",
            page_id=page_id,
            box=stored(boxes["iban"]),
            confidence=95.0,
        )
    return document, field


def add_calls(path: Path, demo: Demo, today: str) -> dict[str, int]:
    """A day of calls (today: '2026-12-02'): a client's, an unknown number that rang twice
    (once missed), an outgoing one, one of yesterday marked to call back; every call at a
    fixed time, the demo's own one too (08:05)."""
    with ClientFile.open(path) as cf, cf.transaction():
        ids = {
            "boer_in": cf.add_call(demo.boer, "+31201234567", note="Vraagt naar de offerte"),
            "unknown_missed": cf.add_call(None, "+31612340000", duration_seconds=0),
            "unknown": cf.add_call(None, "+31612340000", duration_seconds=45),
            "bakker_out": cf.add_call(demo.bakker, "+31302345678", direction="out"),
            "yesterday": cf.add_call(demo.bakker, "+31302345678", duration_seconds=0),
        }
        cf.set_callback(ids["yesterday"])
    times = {
        "boer_in": "09:12",
        "unknown_missed": "10:40",
        "unknown": "11:05",
        "bakker_out": "14:30",
    }
    conn = sqlite3.connect(path)
    with conn:  # calls are logged at the present moment: the demo needs fixed times
        for key, hhmm in times.items():
            at = f"{today}T{hhmm}:00+01:00"
            conn.execute("UPDATE calls SET started_at = ? WHERE id = ?", (at, ids[key]))
        day_before = (date.fromisoformat(today) - timedelta(days=1)).isoformat()
        conn.execute(
            "UPDATE calls SET started_at = ? WHERE id = ?",
            (f"{day_before}T16:55:00+01:00", ids["yesterday"]),
        )
        # the call make_demo logged (at the present moment) becomes the first of the day:
        # where it stands among these must not depend on the hour the tests run
        conn.execute(
            "UPDATE calls SET started_at = ? WHERE id < ?",
            (f"{today}T08:05:00+01:00", min(ids.values())),
        )
    conn.close()
    return ids
