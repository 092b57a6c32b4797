"""A minimal born-digital PDF with a real text layer, written by hand.

Pillow writes image-only PDFs, so a text PDF (what an accounting package or a
web shop emails) is assembled here: standard Helvetica (no font embedding needed),
WinAnsiEncoding, one ``Tj`` per line at an exact position, and a byte-exact xref
table. No dates or IDs are written, so the bytes depend only on the input.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

PAGE_W, PAGE_H = 595, 842  # A4 in points (rounded, as most generators do)


@dataclass(frozen=True)
class PlacedLine:
    text: str  # the text as written (after folding characters WinAnsi lacks)
    page: int  # 0-based
    x: float  # PDF points from the left edge
    baseline: float  # PDF points from the bottom edge (PDF user space)
    font_size: float


def winansi(text: str) -> str:
    """Keep what cp1252 (≈ WinAnsiEncoding) can show; fold the rest ('ş' -> 's')."""
    out = []
    for ch in text:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
            )
            base = base.replace("ı", "i")
            try:
                base.encode("cp1252")
                out.append(base or "?")
            except UnicodeEncodeError:
                out.append("?")
    return "".join(out)


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    out = bytearray(b"(")
    for b in raw:
        if b in b"()\\":
            out += b"\\" + bytes([b])
        elif b < 32 or b > 126:
            out += f"\\{b:03o}".encode("ascii")  # octal escape: 7-bit clean file
        else:
            out.append(b)
    out += b")"
    return bytes(out)


def write_text_pdf(
    path: Path,
    lines: list[str],
    *,
    font_size: float = 11.0,
    margin: float = 72.0,
    leading: float | None = None,
) -> list[PlacedLine]:
    """Write ``lines`` top to bottom on A4 pages; return where each line was put.

    Empty strings give blank lines. Lines flow onto a new page when one is full.
    """
    leading = leading or font_size * 1.4
    placed: list[PlacedLine] = []
    pages: list[list[PlacedLine]] = [[]]
    y = PAGE_H - margin - font_size
    for text in lines:
        if y < margin:
            pages.append([])
            y = PAGE_H - margin - font_size
        if text:
            pl = PlacedLine(winansi(text), len(pages) - 1, margin, y, font_size)
            pages[-1].append(pl)
            placed.append(pl)
        y -= leading

    n = len(pages)
    # Object numbers: 1 catalog, 2 pages, 3 font, then per page (page, contents).
    objs: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    kids = []
    for i, page_lines in enumerate(pages):
        page_no, content_no = 4 + 2 * i, 5 + 2 * i
        kids.append(f"{page_no} 0 R".encode())
        ops = bytearray()
        for pl in page_lines:
            ops += (
                f"BT /F1 {pl.font_size:g} Tf 1 0 0 1 {pl.x:.2f} {pl.baseline:.2f} Tm ".encode()
                + _pdf_string(pl.text)
                + b" Tj ET\n"
            )
        objs[page_no] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_no} 0 R >>"
        ).encode()
        objs[content_no] = b"<< /Length %d >>\nstream\n" % len(ops) + bytes(ops) + b"endstream"
    objs[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref_at = len(out)
    size = max(objs) + 1
    out += b"xref\n0 %d\n" % size
    out += b"0000000000 65535 f \n"  # every entry exactly 20 bytes
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_at)
    Path(path).write_bytes(bytes(out))
    return placed
