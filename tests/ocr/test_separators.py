"""Blank pages and QR cover sheets split a feeder stack into clients."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.sources.separators import (
    BatchSplitter,
    PageKind,
    classify_page,
    cover_sheet_image,
    ink_ratio,
    is_blank,
    read_cover_sheet,
    split_batches,
    write_cover_sheet,
)
from tests.datagen import make_client, render_card

A4_200DPI = (1654, 2339)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def noisy(image: Image.Image, rng: np.random.Generator, specks: float = 0.003) -> Image.Image:
    """Scanner noise: grain over the whole sheet, dust specks, a dark edge from the lid."""
    pixels = np.asarray(image.convert("L"), dtype=np.int16)
    pixels = pixels + rng.normal(0, 6, pixels.shape).astype(np.int16)
    dust = rng.random(pixels.shape) < specks
    pixels[dust] = rng.integers(0, 90, int(dust.sum()))
    pixels[:, :25] = 40  # shadow along the edge of the glass
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")


@pytest.mark.parametrize("paper", [255, 215])  # white, and grey recycled paper
def test_blank_sheets_with_scanner_noise_are_blank(paper: int) -> None:
    rng = np.random.default_rng(1)
    page = noisy(Image.new("L", A4_200DPI, paper), rng)
    assert is_blank(page)
    assert classify_page(page).kind == "blank"


def test_a_page_with_one_short_line_is_not_blank() -> None:
    page = Image.new("L", A4_200DPI, 255)
    font = ImageFont.truetype(FONT, 28)  # 10 pt at 200 dpi
    ImageDraw.Draw(page).text((300, 400), "Zie ommezijde", fill=0, font=font)
    assert not is_blank(noisy(page, np.random.default_rng(2)))


def test_client_card_and_dark_sheet_are_content() -> None:
    rng = random.Random(4)
    card = render_card(make_client(rng), rng, dpi=150)
    assert classify_page(card) == PageKind("content", None, ink_ratio(card))
    assert not is_blank(Image.new("L", A4_200DPI, 20))  # lid open / black sheet


def test_cover_sheet_round_trip_through_a_scan() -> None:
    sheet = cover_sheet_image(1234, "Bakkerij De Vries", dpi=150)
    # As a 300 dpi scan: larger, a little turned, with noise.
    scan = sheet.resize((2480, 3508)).rotate(1.5, fillcolor=255)
    scan = noisy(scan, np.random.default_rng(3), specks=0.0005)
    kind = classify_page(scan)
    assert kind.kind == "cover" and kind.client_id == 1234
    assert read_cover_sheet(Image.new("L", A4_200DPI, 255)) is None


def test_foreign_qr_code_is_not_a_cover_sheet() -> None:
    import segno

    page = Image.new("L", A4_200DPI, 255)
    matrix = np.array([list(row) for row in segno.make("https://example.org/f/17").matrix])
    code = Image.fromarray(((1 - matrix) * 255).astype(np.uint8), "L").resize((400, 400))
    page.paste(code, (400, 400))
    assert classify_page(page).kind == "content"


def test_cover_sheet_files(tmp_path: Path) -> None:
    pdf = write_cover_sheet(tmp_path / "blad.pdf", 7, "Kees Jansen")
    assert pdf.read_bytes().startswith(b"%PDF")
    png = write_cover_sheet(tmp_path / "blad.png", 7, "Kees Jansen")
    with Image.open(png) as image:
        assert read_cover_sheet(image) == 7


C, B = PageKind("content"), PageKind("blank")


def cover(client_id: int) -> PageKind:
    return PageKind("cover", client_id)


def test_split_simplex() -> None:
    kinds = [C, C, B, C, cover(9), C, C, B, B]
    assert split_batches(kinds) == [(None, [0, 1]), (None, [3]), (9, [5, 6])]


def test_split_duplex_drops_blank_backs() -> None:
    # sheets: (C,B) (C,C) (B,B)=separator (C,B) (cover,B) (C,B)
    kinds = [C, B, C, C, B, B, C, B, cover(4), B, C, B]
    assert split_batches(kinds, duplex=True) == [(None, [0, 2, 3]), (None, [6]), (4, [10])]


@pytest.mark.parametrize("duplex", [False, True])
def test_streaming_splitter_agrees_with_split_batches(duplex: bool) -> None:
    rng = random.Random(7)
    kinds = [rng.choice([C, C, C, B, cover(rng.randint(1, 5))]) for _ in range(60)]
    splitter = BatchSplitter(duplex)
    groups: dict[int, list[int]] = {}
    for index, kind in enumerate(kinds):
        batch = splitter.add(kind)
        if batch is not None:
            groups.setdefault(batch, []).append(index)
    streamed = [(splitter.covers.get(b), pages) for b, pages in sorted(groups.items())]
    assert streamed == split_batches(kinds, duplex)
