"""Files an office finds in a scan folder that are not what they seem: truncated scans,
random bytes behind an image or PDF header, absurd dimensions, deeply nested PDFs.

Every generator is deterministic for a seed. `bad_file_set` writes them all and returns
the paths; `shared_bad_files` lists the third-party files in ../shared/testdata/.
"""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

from PIL import Image

from tests.datagen import write_text_pdf

from .pages import render_small_page

HEADERS: dict[str, bytes] = {
    "png": b"\x89PNG\r\n\x1a\n",
    "jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "tif": b"II*\x00\x08\x00\x00\x00",
    "tiff-mm": b"MM\x00*\x00\x00\x00\x08",
    "pdf": b"%PDF-1.7\n",
    "gif": b"GIF89a",
    "bmp": b"BM",
    "webp": b"RIFF\x00\x10\x00\x00WEBPVP8 ",
}
SMALL_OCRMYPDF = ("invalid.pdf", "no_contents.pdf", "trivial.pdf")
SHARED_SKIP = {".md", ".txt", ".toml", ".rst", ".json", ""}


# --- PDFs written by hand (exact control over structure) -----------------------------------


def build_pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF whose object i+1 is objects[i], with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        trailer_extra,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


TEXT_CONTENT = b"BT /F1 24 Tf 72 700 Td (Offerte zonnepanelen voor de klant) Tj ET"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_page(media_box: bytes = b"[0 0 595 842]", extra: bytes = b"", content=TEXT_CONTENT):
    """catalog, pages, page, content, font: a one-page text PDF with page extras."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox "
            + media_box
            + b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> "
            + extra
            + b">>",
            _stream(content),
            FONT,
        ]
    )


def deep_array_pdf(depth: int = 10_000) -> bytes:
    """A page dictionary holding `depth` nested arrays (a recursive parser's stack)."""
    return pdf_page(extra=b"/Deep " + b"[" * depth + b"1" + b"]" * depth + b" ")


def deep_page_tree_pdf(depth: int = 5_000) -> bytes:
    """A page tree `depth` levels deep: Pages -> Pages -> ... -> one Page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        parent = b"" if level == 0 else b"/Parent %d 0 R " % (number - 1)
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, number + 1))
    page = 2 + depth
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
        b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (page - 1, page + 1, page + 2)
    )
    objects.append(_stream(TEXT_CONTENT))
    objects.append(FONT)
    return build_pdf(objects)


def looping_page_tree_pdf() -> bytes:
    """A page tree whose Kids point back at its own root (a cycle)."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
        ]
    )


def deep_content_pdf(depth: int = 50_000) -> bytes:
    """A content stream of `depth` nested q (save state) operators."""
    return pdf_page(content=b"q " * depth + TEXT_CONTENT + b" Q" * depth)


# --- images with absurd header claims ------------------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int, color_type: int = 0) -> bytes:
    """A PNG whose header claims width x height, with only a few bytes of image data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (
        HEADERS["png"]
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + _png_chunk(b"IEND", b"")
    )


def tiff_claiming(width: int, height: int) -> bytes:
    """A baseline TIFF whose one strip of 100 bytes is said to hold width x height."""
    entries = [
        (256, 4, 1, width),
        (257, 4, 1, height),
        (258, 3, 1, 8),
        (259, 3, 1, 1),
        (262, 3, 1, 1),
        (273, 4, 1, 0),  # strip offset, patched below
        (277, 3, 1, 1),
        (278, 4, 1, height),
        (279, 4, 1, 100),
    ]
    ifd_size = 2 + 12 * len(entries) + 4
    data_offset = 8 + ifd_size
    out = bytearray(b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(entries)))
    for tag, kind, count, value in entries:
        if tag == 273:
            value = data_offset
        packed = struct.pack("<I", value) if kind == 4 else struct.pack("<HH", value, 0)
        out += struct.pack("<HHI", tag, kind, count) + packed
    out += struct.pack("<I", 0) + b"\x80" * 100
    return bytes(out)


def jpeg_claiming(source: bytes, width: int, height: int) -> bytes:
    """A real JPEG with its SOF frame header patched to claim width x height."""
    data = bytearray(source)
    for marker in (b"\xff\xc0", b"\xff\xc2", b"\xff\xc1"):
        at = data.find(marker)
        if at > 0:
            data[at + 5 : at + 9] = struct.pack(">HH", height, width)
            return bytes(data)
    raise ValueError("no SOF marker in the source JPEG")


# --- the set ----------------------------------------------------------------------------


def own_sources(out: Path) -> list[Path]:
    """Good files of every kind the importer reads: the starting point of the damage."""
    out.mkdir(parents=True, exist_ok=True)
    page = render_small_page(["Klantkaart", "Naam: Bram Bakker", "Plaats: Zwolle"])
    second = render_small_page(["Tweede pagina", "Offerte dakkapel"])
    paths = {
        "good.png": lambda p: page.save(p, "PNG"),
        "good.jpg": lambda p: page.save(p, "JPEG", quality=85),
        "good.tif": lambda p: page.save(p, "TIFF", save_all=True, append_images=[second]),
        "good-scan.pdf": lambda p: page.save(p, "PDF", save_all=True, append_images=[second]),
        "good-text.pdf": lambda p: write_text_pdf(p, ["Offerte zonnepanelen", "Klant: B. Bakker"]),
    }
    written = []
    for name, write in paths.items():
        path = out / name
        write(path)
        written.append(path)
    return written


def truncations(sources: list[Path], out: Path) -> list[Path]:
    """Each source cut at 10%, 20%, ... 90% of its length."""
    written = []
    for source in sources:
        data = source.read_bytes()
        for tenth in range(1, 10):
            path = out / f"{source.stem}-cut{tenth * 10}{source.suffix}"
            path.write_bytes(data[: len(data) * tenth // 10])
            written.append(path)
    return written


def random_behind_headers(out: Path, rng: random.Random) -> list[Path]:
    written = []
    for kind, header in HEADERS.items():
        for size in (1_000, 200_000):
            ext = kind.split("-")[0]
            path = out / f"random-{kind}-{size}.{ext}"
            path.write_bytes(header + rng.randbytes(size))
            written.append(path)
    return written


def extremes(out: Path, jpeg_source: Path) -> list[Path]:
    files = {
        "tall-1x50000.png": lambda p: Image.new("L", (1, 50_000), 255).save(p, "PNG"),
        "wide-50000x1.png": lambda p: Image.new("L", (50_000, 1), 0).save(p, "PNG"),
        "claims-30000x30000.png": lambda p: p.write_bytes(png_claiming(30_000, 30_000)),
        "claims-10000x10000.png": lambda p: p.write_bytes(png_claiming(10_000, 10_000, 6)),
        "claims-0x0.png": lambda p: p.write_bytes(png_claiming(0, 0)),
        "claims-30000x30000.tif": lambda p: p.write_bytes(tiff_claiming(30_000, 30_000)),
        "claims-65000x65000.jpg": lambda p: p.write_bytes(
            jpeg_claiming(jpeg_source.read_bytes(), 65_000, 65_000)
        ),
        "huge-page.pdf": lambda p: p.write_bytes(pdf_page(b"[0 0 14400000 14400000]")),
        "zero-page.pdf": lambda p: p.write_bytes(pdf_page(b"[0 0 0 0]")),
        "negative-page.pdf": lambda p: p.write_bytes(pdf_page(b"[0 0 -595 -842]")),
        "deep-arrays.pdf": lambda p: p.write_bytes(deep_array_pdf()),
        "deep-page-tree.pdf": lambda p: p.write_bytes(deep_page_tree_pdf()),
        "looping-page-tree.pdf": lambda p: p.write_bytes(looping_page_tree_pdf()),
        "deep-content.pdf": lambda p: p.write_bytes(deep_content_pdf()),
        "empty.png": lambda p: p.write_bytes(b""),
        "empty.pdf": lambda p: p.write_bytes(b""),
        "text-named.jpg": lambda p: p.write_text("Dit is geen foto maar een boodschappenlijst.\n"),
        "junk.csv": lambda p: p.write_bytes(b"naam;telefoon\n\x00\xff\xfe" * 200),
        "junk.vcf": lambda p: p.write_text("BEGIN:VCARD\nFN:" + "x" * 100_000 + "\n"),
    }
    written = []
    for name, write in files.items():
        path = out / name
        write(path)
        written.append(path)
    return written


def bad_file_set(out: Path, seed: int | str = 1) -> list[Path]:
    """Every generated bad file (plus the good sources they were made from)."""
    rng = random.Random(seed)
    sources = own_sources(out / "own")
    damaged = out / "damaged"
    damaged.mkdir(parents=True, exist_ok=True)
    return [
        *sources,
        *truncations(sources, damaged),
        *random_behind_headers(damaged, rng),
        *extremes(damaged, sources[1]),
    ]


def shared_bad_files(testdata: Path, light: bool = False) -> list[Path]:
    """The third-party files in ../shared/testdata (their licences and notes left out).
    light: a sample of the damaged and hostile ones (little OCR work), for the test suite."""
    files = sorted(
        p for p in testdata.rglob("*") if p.is_file() and p.suffix.lower() not in SHARED_SKIP
    )
    if not light:
        return files
    hostile = ("crash", "oom", "bomb", "broken", "dos", "invalid", "exif", "bigtiff")
    keep = []
    # many damaged PDFs still render pages (append-xref-loop.pdf: dozens), and every page
    # costs an OCR: the suite takes a sample, the benchmark all of them
    qpdf = [p for p in files if p.parent.name == "qpdf_damaged_pdfs"]
    keep += [p for p in qpdf[::8] if p.name != "append-xref-loop.pdf"]
    for p in files:
        folder = p.parent.name
        encrypted = folder == "pypdf_encrypted" and "r6" not in p.name
        pillow = folder == "pillow_bad_images" and any(word in p.name for word in hostile)
        ocrmypdf = folder == "ocrmypdf" and p.name in SMALL_OCRMYPDF
        if encrypted or pillow or ocrmypdf:
            keep.append(p)
    return keep
