"""A page read poorly after Tesseract's orientation detection is read the other way up:
OSD now and then takes a page turned a quarter for one turned three quarters (on the
check binders 2 pages of 3,850, each read as nonsense and all its values lost)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocr.engine import worker
from ocr.engine.preprocess import DEFAULT_SETTINGS
from ocr.engine.tesseract import DEFAULT_LANG, PAGE_TIMEOUT_S
from storage import PageText, Word
from tests.ocr.pagegen import card, save

CARD = ["Klantkaart Visser", "Dorpsstraat 12 Zwolle", "Telefoon 06-12345678", "Klant sinds 2015"]


def _read(path: Path) -> PageText:
    (page,) = worker.read_pages([(path, "image/png", 0, None)], DEFAULT_LANG, DEFAULT_SETTINGS,
                                PAGE_TIMEOUT_S)  # fmt: skip
    assert isinstance(page, PageText)
    return page


@pytest.mark.parametrize("turned", [0, 90])
def test_a_page_osd_took_for_the_other_way_up_is_read_upright(
    tmp_path: Path, tesseract_available, monkeypatch, turned: int
) -> None:
    scan = card(CARD, size=(1100, 700)).rotate(turned, expand=True, fillcolor=255)
    path = save(scan, tmp_path / "scan.png")
    # what OSD got wrong on those pages: the other way up (a stand-in for one function)
    monkeypatch.setattr(worker, "_orientation", lambda *a: (turned + 180) % 360)
    page = _read(path)
    assert page.orientation == turned and "Dorpsstraat" in page.text


@pytest.mark.parametrize("turned", [90, 270])
def test_a_page_on_its_side_where_osd_found_no_turn_is_read_upright(
    tmp_path: Path, tesseract_available, monkeypatch, turned: int
) -> None:
    """A card scanned on its side, OSD finding no turn: Tesseract reads it poorly, or in
    lines down the page (the fields are read from lines across it)."""
    scan = card(CARD, size=(1100, 700)).rotate(turned, expand=True, fillcolor=255)
    path = save(scan, tmp_path / "scan.png")
    monkeypatch.setattr(worker, "_orientation", lambda *a: 0)  # a stand-in for OSD
    page = _read(path)
    assert page.orientation == turned and "Dorpsstraat" in page.text


def _page(words: int, confidence: float) -> PageText:
    return PageText(
        "x", [Word("woord", 100, 40 * i, 120, 30, confidence) for i in range(words)], confidence
    )


def test_only_a_good_reading_the_other_way_up_counts() -> None:
    """Two pages of the check binders: a letter read upside down (94 words at 44) and read
    right (91 at 91); a poor scan of a card (40 words at 55) whose specks read upside down
    gave 6 words, read a little more surely."""
    settings = DEFAULT_SETTINGS
    assert worker._good_other_way_up(_page(94, 44.0), _page(91, 90.6), settings)
    assert not worker._good_other_way_up(_page(40, 54.8), _page(6, 57.6), settings)
    assert not worker._good_other_way_up(_page(40, 54.8), _page(38, 60.0), settings)
