"""Preprocessing without Tesseract: what each step does and that boxes map back."""

from __future__ import annotations

import pytest
from PIL import Image

from ocr.engine.preprocess import (
    Transform,
    deskew,
    estimate_dpi,
    normalise,
    skew_angle,
    to_grey,
    turn,
)
from tests.ocr.pagegen import card


def _dot_image(size=(300, 200), at=(40, 30)) -> Image.Image:
    image = Image.new("L", size, 255)
    image.putpixel(at, 0)
    return image


def _dark_pixel(image: Image.Image) -> tuple[int, int]:
    inverted = image.point(lambda v: 255 - v)
    left, top, right, bottom = inverted.getbbox()
    return (left + right) // 2, (top + bottom) // 2


@pytest.mark.parametrize("quarter", [0, 90, 180, 270])
def test_quarter_turn_maps_back_to_the_original_pixel(quarter):
    original = _dot_image()
    turned, transform = turn(original, quarter, Transform(*original.size))
    x, y = _dark_pixel(turned)
    back = transform.box_to_original(x, y, 1, 1)
    assert abs(back[0] - 40) <= 1 and abs(back[1] - 30) <= 1


def test_scale_turn_and_skew_map_back():
    original = _dot_image((400, 300), (300, 60))
    transform = Transform(400, 300, scale=2.0)
    scaled = original.resize((800, 600))
    turned, transform = turn(scaled, 90, transform)
    straight = turned.rotate(3.0, fillcolor=255)
    transform = Transform(
        transform.width, transform.height, transform.scale, transform.quarter, 3.0
    )
    x, y = _dark_pixel(straight.point(lambda v: 0 if v < 200 else 255))
    left, top, _, _ = transform.box_to_original(x, y, 1, 1)
    assert abs(left - 300) <= 2 and abs(top - 60) <= 2


def test_small_skew_is_measured_and_undone():
    page = card(["Klantkaart Jansen", "Dorpsstraat 12", "1234 AB Zwolle", "06-12345678"])
    crooked = page.rotate(2.0, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert skew_angle(crooked) == pytest.approx(-2.0, abs=0.3)
    straight, transform = deskew(crooked, Transform(*crooked.size))
    assert transform.skew == pytest.approx(-2.0, abs=0.3)
    assert straight.size == crooked.size
    # a straight page is left alone (rotating it would only blur it)
    _, untouched = deskew(page, Transform(*page.size))
    assert untouched.skew == 0.0


def test_resolution_brought_to_about_300_dpi():
    tiny = Image.new("L", (850, 1100), 255)  # A4-ish at 94 dpi (an old fax)
    image, transform, dpi = normalise(tiny, None)
    assert 280 <= dpi <= 320 and transform.scale == pytest.approx(dpi / estimate_dpi(tiny, None))
    normal = Image.new("L", (1654, 2339), 255)  # 200 dpi: Tesseract reads it as it is
    image, transform, dpi = normalise(normal, 200)
    assert transform.scale == 1.0 and image.size == normal.size
    huge = Image.new("L", (9921, 14031), 255)  # 1200 dpi
    image, transform, dpi = normalise(huge, 1200)
    assert max(image.size) <= 7000 and dpi == pytest.approx(300, abs=5)


def test_grey_treats_transparency_as_paper():
    rgba = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    assert to_grey(rgba).getpixel((5, 5)) == 255
    assert to_grey(Image.new("1", (4, 4), 0)).mode == "L"
